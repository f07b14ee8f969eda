/**
 * Test-only helpers of the scores domain (fast-check arbitraries for the schema-equivalence tests).
 * Imported by `*.test.ts` files only; never by library code, never in a barrel.
 */
import * as fc from "fast-check";

/** Values around an integer range: valid ints, near misses, wrong kinds, and anything. */
export function nearInt(min: number, max: number): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min, max }) },
    { weight: 3, arbitrary: fc.integer({ min: min - 3, max: max + 3 }) },
    { weight: 1, arbitrary: fc.double({ min: min - 1, max: max + 1 }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom<unknown>(NaN, Infinity, -Infinity, -0, 2 ** 53, -(2 ** 53), Number.MAX_SAFE_INTEGER, 0.5, "1", null, true, [], {}),
    },
    { weight: 1, arbitrary: fc.anything() },
  );
}

/** Values around a set of allowed constants (strings, numbers, booleans). */
export function nearOneOf(values: readonly unknown[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...values) },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(undefined, null, "", "x", 1, 3, 0.5, NaN, true, false, []) },
    { weight: 1, arbitrary: fc.anything() },
  );
}

/** An array of near-valid elements, sometimes with duplicates. */
export function nearArray(values: readonly unknown[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 5, arbitrary: fc.uniqueArray(fc.constantFrom(...values), { maxLength: values.length }) },
    { weight: 2, arbitrary: fc.array(nearOneOf(values), { maxLength: 4 }) },
    { weight: 1, arbitrary: fc.anything() },
  );
}

/**
 * Near-valid records: each key present or absent (or explicitly undefined), values from the given
 * arbitraries, sometimes an extra key; plus completely arbitrary values.
 */
export function nearRecord(shape: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<unknown> {
  const keys = Object.keys(shape);
  const rec = fc
    .tuple(
      fc.record(shape, { requiredKeys: [] }),
      fc.subarray(keys),
      fc.option(fc.tuple(fc.constantFrom("extra", "jejunum", "toString", "__proto__x"), fc.anything()), { freq: 8 }),
    )
    .map(([r, undefKeys, extra]) => {
      const o: Record<string, unknown> = { ...r };
      for (const k of undefKeys) if (!(k in o)) o[k] = undefined;
      if (extra !== null) o[extra[0]] = extra[1];
      return o;
    });
  return fc.oneof({ weight: 4, arbitrary: fc.record(shape) }, { weight: 4, arbitrary: rec }, { weight: 1, arbitrary: fc.anything() });
}

/** Every path to a value inside plain objects/arrays (the root included as `[]`). */
function paths(x: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(x)) x.forEach((v, i) => out.push(...paths(v, [...prefix, i])));
  else if (typeof x === "object" && x !== null) for (const k of Object.keys(x)) out.push(...paths((x as Record<string, unknown>)[k], [...prefix, k]));
  return out;
}

const NEAR_MISS = fc.oneof(
  fc.integer({ min: -3, max: 8 }),
  fc.constantFrom<unknown>(NaN, Infinity, -0, 0.5, 2.5, 2 ** 53, "1", "i2", "male", null, undefined, true, false, [], {}),
  fc.anything(),
);

/**
 * Valid values and valid values with one mutation (a value replaced by a near miss, a key deleted, an
 * extra key added), plus anything: a balanced mix of accepted and rejected inputs.
 */
export function mutated(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const one = fc
    .tuple(valid, fc.nat(), fc.constantFrom("set", "delete", "extra"), NEAR_MISS, fc.constantFrom("extra", "jejunum", "toString"))
    .map(([v, pick, action, near, extraKey]) => {
      const key: string = extraKey;
      const copy = structuredClone(v);
      const all = paths(copy);
      const path = all[pick % all.length]!;
      if (path.length === 0) return action === "set" ? near : copy;
      let parent = copy as Record<string | number, unknown>;
      for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
      const last = path[path.length - 1]!;
      if (action === "set") parent[last] = near;
      else if (action === "delete") delete parent[last];
      else if (typeof parent[last] === "object" && parent[last] !== null) (parent[last] as Record<string, unknown>)[key] = near;
      else parent[key] = near;
      return copy;
    });
  return fc.oneof({ weight: 3, arbitrary: valid }, { weight: 6, arbitrary: one }, { weight: 1, arbitrary: fc.anything() });
}
