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

/** Deepest nesting of arrays and objects a record may have (records are at most a few levels deep). */
export const MAX_JSON_DEPTH = 64;

/**
 * Whether JSON text nests arrays/objects deeper than `limit`: one pass over the characters (strings and their
 * escapes skipped), stopping at the first level past the limit, so a hostile line costs time linear in its
 * length and nothing recursive runs on it.
 * @returns The character position where the limit is passed, or -1.
 */
export function depthExceeded(text: string, limit: number = MAX_JSON_DEPTH): number {
  // fewer opening brackets than the limit (counted anywhere, strings included): cannot nest deeper
  if (text.length <= limit || bracketsAtMost(text, limit)) return -1;
  let depth = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      // skip a string
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === 92) i += 2;
        else if (d === 34) break;
        else i++;
      }
    } else if (c === 123 || c === 91) {
      if (++depth > limit) return i;
    } else if (c === 125 || c === 93) depth--;
  }
  return -1;
}

/** Whether `text` holds at most `limit` `{` and `[` characters together (native searches, no per-character loop). */
function bracketsAtMost(text: string, limit: number): boolean {
  let n = 0;
  for (let i = text.indexOf("{"); i !== -1; i = text.indexOf("{", i + 1)) if (++n > limit) return false;
  for (let i = text.indexOf("["); i !== -1; i = text.indexOf("[", i + 1)) if (++n > limit) return false;
  return true;
}

/**
 * Whether JSON text certainly holds no forbidden key: none of the forbidden words appears in it and it has no
 * backslash (an escape could spell one). Otherwise the parsed value must be walked ({@link findForbiddenKey}).
 */
export function certainlyNoForbiddenKey(text: string): boolean {
  if (text.includes("\\")) return false;
  for (const k of FORBIDDEN_KEYS) if (text.includes(k)) return false;
  return true;
}

/** The first forbidden key inside a parsed JSON value, or `null` when there is none (iterative, linear in the size). */
export function findForbiddenKey(value: unknown): ForbiddenKey | null {
  // each entry keeps its parent link, so paths are built only for the key found (no copying per level)
  interface Node {
    readonly v: unknown;
    readonly key: string | number | null;
    readonly parent: Node | null;
  }
  const pathOf = (n: Node | null, last: string): (string | number)[] => {
    const out: (string | number)[] = [last];
    for (let p = n; p !== null && p.key !== null; p = p.parent) out.push(p.key);
    return out.reverse();
  };
  const stack: Node[] = [{ v: value, key: null, parent: null }];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const v = node.v;
    if (v === null || typeof v !== "object") continue;
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) {
        const x: unknown = v[i];
        if (x !== null && typeof x === "object") stack.push({ v: x, key: i, parent: node });
      }
      continue;
    }
    for (const k of Object.keys(v)) {
      if (FORBIDDEN_KEYS.has(k)) return { path: pathOf(node, k), key: k };
      const x = (v as Record<string, unknown>)[k];
      if (x !== null && typeof x === "object") stack.push({ v: x, key: k, parent: node });
    }
  }
  return null;
}

/** The result of {@link parseJsonSafe}. */
export type SafeJsonResult =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly field: string; readonly reason: string; readonly position?: number };

/**
 * Parses JSON text and rejects prototype-polluting keys and nesting deeper than {@link MAX_JSON_DEPTH} (checked
 * by a linear scan before parsing).
 * @param text - JSON text.
 * @param maxDepth - Nesting limit (default {@link MAX_JSON_DEPTH}).
 * @returns The value, or where and why it was rejected (syntax errors carry the character position when
 * the engine reports one).
 */
export function parseJsonSafe(text: string, maxDepth: number = MAX_JSON_DEPTH): SafeJsonResult {
  const deep = depthExceeded(text, maxDepth);
  if (deep >= 0) return { ok: false, field: "(record)", reason: `nests arrays/objects more than ${maxDepth} levels deep (at character ${deep + 1})`, position: deep };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const m = /position (\d+)/.exec(msg);
    const reason = `is not valid JSON (${msg.replace(/^Unexpected/, "unexpected")})`;
    return m === null ? { ok: false, field: "(record)", reason } : { ok: false, field: "(record)", reason, position: Number(m[1]) };
  }
  const bad = certainlyNoForbiddenKey(text) ? null : findForbiddenKey(value);
  if (bad !== null) return { ok: false, field: formatPath(bad.path), reason: `key "${bad.key}" is not allowed (prototype pollution guard)` };
  return { ok: true, value };
}

const IDENTIFIER_KEYS = new Set(["id", "patientId"]);

/**
 * What a message shows of the value at `path` inside a record: `; got "abc"` (JSON, cut when long), nothing when
 * the value is missing. Identifiers (`id`, `patientId`) are described by their length only: an error message
 * should not spread patient identifiers into logs.
 */
export function gotValue(record: unknown, path: readonly PropertyKey[]): string {
  let v: unknown = record;
  for (const k of path) {
    if (v === null || typeof v !== "object" || typeof k === "symbol" || !Object.prototype.hasOwnProperty.call(v, k)) return "";
    v = (v as Record<string | number, unknown>)[k as string | number];
  }
  if (v === undefined || path.length === 0) return "";
  const last = path[path.length - 1];
  if (typeof last === "string" && IDENTIFIER_KEYS.has(last)) return typeof v === "string" ? `; got an identifier of ${v.length} characters` : `; got ${typeof v === "object" ? (v === null ? "null" : Array.isArray(v) ? "an array" : "an object") : `a ${typeof v}`}`;
  let t: string;
  try {
    t = JSON.stringify(v) ?? String(v);
  } catch {
    t = String(v);
  }
  return `; got ${t.length > 80 ? `${t.slice(0, 60)}…(${t.length} characters)` : t}`;
}

/** `["mayo", 0, "x"]` → `mayo[0].x`. */
export function formatPath(path: readonly (string | number)[]): string {
  let out = "";
  for (const k of path) out += typeof k === "number" ? `[${k}]` : out === "" ? k : `.${k}`;
  return out === "" ? "(record)" : out;
}
