import { describe, expect, it } from "vitest";
import { createRandom } from "../_random/index.js";
import { sortedCopy } from "./_sort.js";

/** Bit-for-bit equality with the built-in typed-array sort (Object.is tells -0 from +0). */
function sameAsBuiltIn(x: number[]): void {
  const got = sortedCopy(x);
  const want = Float64Array.from(x).sort();
  expect(got.length).toBe(want.length);
  for (let i = 0; i < want.length; i++) if (!Object.is(got[i], want[i])) expect([i, got[i]]).toEqual([i, want[i]]);
}

describe("sortedCopy (radix sort of finite doubles)", () => {
  const rng = createRandom(20261204);
  const u = (): number => rng.nextFloat();
  const kinds: Record<string, (i: number) => number> = {
    "mixed signs, 40 orders of magnitude": () => (u() - 0.3) * 10 ** Math.floor(u() * 40 - 20),
    "many ties (rounded)": () => Math.round((u() - 0.5) * 10),
    "signed zeros and subnormals": (i) => [0, -0, 5e-324, -5e-324, 1, -1, 2.2250738585072014e-308][i % 7]!,
    "huge values": () => (u() - 0.5) * 1.7e308,
    "all positive, one exponent": () => 1 + u(),
    "all negative": () => -u() * 1e3,
    "values differing in the last bits only": (i) => 1 + (i % 97) * Number.EPSILON,
  };
  for (const [name, gen] of Object.entries(kinds)) {
    it(`orders ${name} exactly as Float64Array.prototype.sort`, () => {
      for (const n of [3, 255, 256, 257, 1000, 5000]) sameAsBuiltIn(Array.from({ length: n }, (_, i) => gen(i)));
    });
  }
  it("does not modify its input and returns a new array", () => {
    const x = [3, -1, 2, -0, 0, ...Array.from({ length: 400 }, (_, i) => Math.sin(i))];
    const copy = [...x];
    const s = sortedCopy(x);
    expect(x).toEqual(copy);
    expect(s).not.toBe(x);
    expect(s[0]).toBe(-1);
  });
  it("sorts an already sorted and a reversed input", () => {
    const up = Array.from({ length: 3000 }, (_, i) => i - 1500.5);
    sameAsBuiltIn(up);
    sameAsBuiltIn([...up].reverse());
  });
});
