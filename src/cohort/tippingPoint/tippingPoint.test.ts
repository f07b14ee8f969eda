import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { tippingPoint } from "./index.js";

interface One { met: number; notMet: number; missing: number; referenceRate: number; pValues: number[] }
interface Two {
  treatment: { met: number; notMet: number; missing: number };
  control: { met: number; notMet: number; missing: number };
  cells: { kt: number; kc: number; test: string; pValue: number }[];
}
const fx = JSON.parse(readFileSync(new URL("./fixtures.json", import.meta.url), "utf8")) as { one: One[]; two: Two[] };
const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe("tippingPoint against a direct enumeration in R", () => {
  it(`one group: ${fx.one.length} cases, every k (binom.test)`, () => {
    expect(fx.one.length).toBeGreaterThan(0);
    for (const c of fx.one) {
      const r = tippingPoint({ met: c.met, notMet: c.notMet, missing: c.missing }, { referenceRate: c.referenceRate });
      expect(r.rows.length).toBe(c.missing + 1);
      r.rows.forEach((row, k) => {
        expect(rel(row.pValue, c.pValues[k]!)).toBeLessThan(1e-9);
        expect(row.events).toBe(c.met + k);
        expect(row.denominator).toBe(c.met + c.notMet + c.missing);
        const want = c.pValues[k]! < 0.05 ? (row.rate > c.referenceRate ? "higher" : "lower") : "notSignificant";
        expect(row.conclusion).toBe(want);
      });
      // tipping points are exactly the k where the enumerated conclusion changes
      const concl = c.pValues.map((p, k) => (p < 0.05 ? ((c.met + k) / (c.met + c.notMet + c.missing) > c.referenceRate ? "higher" : "lower") : "notSignificant"));
      expect(r.tippingPoints.map((t) => t.missingMet)).toEqual(concl.flatMap((x, k) => (k > 0 && x !== concl[k - 1] ? [k] : [])));
    }
  });
  it(`two groups: ${fx.two.length} grids, every (k_t, k_c) by the Table 1 rule`, () => {
    expect(fx.two.length).toBeGreaterThan(0);
    for (const c of fx.two) {
      const r = tippingPoint({ treatment: c.treatment, control: c.control });
      expect(r.cells.length).toBe(c.cells.length);
      for (const want of c.cells) {
        const got = r.cells.find((x) => x.treatmentMissingMet === want.kt && x.controlMissingMet === want.kc)!;
        expect(got.test).toBe(want.test);
        expect(rel(got.pValue!, want.pValue)).toBeLessThan(1e-9);
      }
      for (const f of r.frontier) {
        const first = r.cells.find((x) => x.treatmentMissingMet === f.treatmentMissingMet && x.conclusion !== r.primary);
        expect(f.controlMissingMet).toBe(first?.controlMissingMet ?? null);
      }
    }
  });
  it("matches the @example", () => {
    expect(tippingPoint({ met: 12, notMet: 10, missing: 6 }, { referenceRate: 0.3 }).tippingPoints.map((t) => t.missingMet)).toEqual([2]);
  });
  it("rejects bad input, naming it", () => {
    expect(() => tippingPoint({ met: 1, notMet: 2, missing: -1 }, { referenceRate: 0.3 })).toThrow(/tippingPoint: counts.missing must be a non-negative integer/);
    expect(() => tippingPoint({ met: 1, notMet: 2, missing: 1 }, { referenceRate: 1 })).toThrow(/referenceRate must be in \(0, 1\)/);
    expect(() => tippingPoint({ met: 1, notMet: 2, missing: 1 }, { referenceRate: 0.5, alhpa: 0.1 } as never)).toThrow(/options.alhpa is not an option/);
    expect(() => tippingPoint({ met: 1, notMet: 2, missing: 1, toString: 1 } as never, { referenceRate: 0.5 })).toThrow(/counts.toString is not a field/);
    expect(() => tippingPoint({ met: 0, notMet: 0, missing: 0 }, { referenceRate: 0.5 })).toThrow(/at least one patient/);
    expect(() => tippingPoint({ treatment: { met: 1, notMet: 1, missing: 0 }, control: { met: 1, notMet: 1, missing: 0 } }, { test: "z" } as never)).toThrow(/options.test must be/);
  });
});
