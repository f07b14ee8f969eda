/**
 * Prototype-safe JSON for the CLI: nothing read from an input file may reach `Object.prototype` or
 * carry a key that code could later use to reach it.
 * @remarks `JSON.parse` itself never pollutes (it defines `__proto__` as an own property), but a later
 * spread, `Object.assign` or deep merge would. Every parsed value is therefore walked once and rejected
 * when any object holds a `__proto__`, `constructor` or `prototype` key (escaped spellings such as
 * `"\u005f\u005fproto__"` decode to the same key and are caught too).
 */

/** Keys an input record may never hold. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

/** Where a forbidden key was found. */
export interface ForbiddenKey {
  /** Path to the key, e.g. `["mayo", "__proto__"]`. */
  readonly path: readonly (string | number)[];
  readonly key: string;
}

/** The first forbidden key inside a parsed JSON value, or `null` when there is none. */
export function findForbiddenKey(value: unknown): ForbiddenKey | null {
  const stack: { v: unknown; path: (string | number)[] }[] = [{ v: value, path: [] }];
  while (stack.length > 0) {
    const { v, path } = stack.pop()!;
    if (v === null || typeof v !== "object") continue;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const x: unknown = v[i];
        if (x !== null && typeof x === "object") stack.push({ v: x, path: [...path, i] });
      }
      continue;
    }
    for (const k of Object.keys(v)) {
      if (FORBIDDEN_KEYS.has(k)) return { path: [...path, k], key: k };
      const x = (v as Record<string, unknown>)[k];
      if (x !== null && typeof x === "object") stack.push({ v: x, path: [...path, k] });
    }
  }
  return null;
}

/** The result of {@link parseJsonSafe}. */
export type SafeJsonResult =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly field: string; readonly reason: string; readonly position?: number };

/**
 * Parses JSON text and rejects prototype-polluting keys.
 * @param text - JSON text.
 * @returns The value, or where and why it was rejected (syntax errors carry the character position when
 * the engine reports one).
 */
export function parseJsonSafe(text: string): SafeJsonResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const m = /position (\d+)/.exec(msg);
    const reason = `is not valid JSON (${msg.replace(/^Unexpected/, "unexpected")})`;
    return m === null ? { ok: false, field: "(record)", reason } : { ok: false, field: "(record)", reason, position: Number(m[1]) };
  }
  const bad = findForbiddenKey(value);
  if (bad !== null) return { ok: false, field: formatPath(bad.path), reason: `key "${bad.key}" is not allowed (prototype pollution guard)` };
  return { ok: true, value };
}

/** `["mayo", 0, "x"]` → `mayo[0].x`. */
export function formatPath(path: readonly (string | number)[]): string {
  let out = "";
  for (const k of path) out += typeof k === "number" ? `[${k}]` : out === "" ? k : `.${k}`;
  return out === "" ? "(record)" : out;
}
