import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadFixtures, nonEmpty } from "../_common/testing.js";
import { matchNearest, type MatchNearestOptions, type MatchOrder } from "./index.js";

interface Fixture {
  label: string;
  distance: number[];
  treatment: number[];
  ratio: number;
  replace: boolean;
  caliper: number | null;
  stdCaliper: boolean;
  order: MatchOrder;
  exact: (string | number)[][] | null;
  pairs: { treated: number; controls: number[] }[];
  weights: number[];
  unmatchedTreated: number[];
  nTreated: number;
  nControl: number;
}

const fixtures = nonEmpty(loadFixtures<Fixture[]>(import.meta.url), "fixtures");

describe("matchNearest vs the plain-R reference of MatchIt >= 4.5.5's algorithm", () => {
  for (const fx of fixtures) {
    it(fx.label, () => {
      const opts: MatchNearestOptions = {
        ratio: fx.ratio,
        replace: fx.replace,
        stdCaliper: fx.stdCaliper,
        order: fx.order,
        ...(fx.caliper !== null ? { caliper: fx.caliper } : {}),
        ...(fx.exact !== null ? { exact: fx.exact } : {}),
      };
      const got = matchNearest(fx.distance, fx.treatment, opts);
      expect(got.pairs).toEqual(fx.pairs);
      expect(got.unmatchedTreated).toEqual(fx.unmatchedTreated);
      expect(got.nMatched).toEqual({ treated: fx.nTreated, control: fx.nControl });
      got.weights.forEach((w, i) => expect(Math.abs(w - fx.weights[i]!), `weight ${i}`).toBeLessThanOrEqual(1e-12 * Math.max(1, fx.weights[i]!)));
    });
  }
});

describe("matchNearest", () => {
  it("matches the @example", () => {
    const m = matchNearest([0.9, 0.5, 0.85, 0.4, 0.55, 0.1], [1, 1, 0, 0, 0, 0]);
    expect(m.pairs).toEqual([
      { treated: 0, controls: [2] },
      { treated: 1, controls: [4] },
    ]);
    expect(m.weights).toEqual([1, 1, 1, 0, 1, 0]);
    expect(m.caliperWidth).toBeNull();
    expect(m.warnings).toEqual([]);
  });
  it("with replacement, a control serving two treated units gets the summed weight, rescaled", () => {
    // treated 0.5 and 0.52 both nearest to control 0.51; control 0.1 is nobody's.
    const m = matchNearest([0.5, 0.52, 0.51, 0.1], [1, 1, 0, 0], { replace: true });
    expect(m.pairs).toEqual([
      { treated: 0, controls: [2] },
      { treated: 1, controls: [2] },
    ]);
    // raw weight 2, one matched control: scaled to 1.
    expect(m.weights).toEqual([1, 1, 1, 0]);
    expect(m.nMatched).toEqual({ treated: 2, control: 1 });
  });
  it("a caliper that matches nobody is a RangeError naming the caliper width", () => {
    expect(() => matchNearest([0.9, 0.8, 0.1, 0.2], [1, 1, 0, 0], { caliper: 0.01, stdCaliper: false })).toThrow(/no treated unit could be matched.*caliper \(width 0.01/);
  });
  it("treated units left without controls are listed and warned about", () => {
    const m = matchNearest([0.9, 0.3, 0.31, 0.1], [1, 1, 0, 0], { caliper: 0.05, stdCaliper: false });
    expect(m.unmatchedTreated).toEqual([0]);
    expect(m.warnings.join(" ")).toMatch(/1 of 2 treated units found no control/);
    expect(m.weights).toEqual([0, 1, 1, 0]);
  });
  it("'random' order needs a seed and is reproducible", () => {
    const d = Array.from({ length: 50 }, (_, i) => ((i * 37) % 50) / 50);
    const t = d.map((_, i) => (i % 3 === 0 ? 1 : 0));
    expect(() => matchNearest(d, t, { order: "random" })).toThrow(/options\.seed is required/);
    expect(() => matchNearest(d, t, { seed: 1 })).toThrow(/options\.seed is only used/);
    expect(matchNearest(d, t, { order: "random", seed: 7 })).toEqual(matchNearest(d, t, { order: "random", seed: 7 }));
  });
  it("names bad input", () => {
    expect(() => matchNearest([0.1, NaN], [1, 0])).toThrow(/distance\[1\] must be finite/);
    expect(() => matchNearest([0.1, 0.2], [1, 2])).toThrow(/treatment\[1\] must be 0 \(control\) or 1/);
    expect(() => matchNearest([0.1, 0.2], [1, 1])).toThrow(/both treated \(1\) and control \(0\)/);
    expect(() => matchNearest([0.1, 0.2], [1, 0], { caliper: -1 })).toThrow(/options\.caliper must be a finite number >= 0; got -1/);
    expect(() => matchNearest([0.1, 0.2], [1, 0], { caliper: NaN })).toThrow(RangeError);
    expect(() => matchNearest([0.1, 0.2], [1, 0], { ratio: 1.5 })).toThrow(/options\.ratio must be a positive integer/);
    expect(() => matchNearest([0.1, 0.2], [1, 0], { order: "closest" as MatchOrder })).toThrow(TypeError);
    expect(() => matchNearest([0.1, 0.2], [1, 0], { ration: 2 } as MatchNearestOptions)).toThrow(/options\.ration is not a known option/);
    expect(() => matchNearest([0.1, 0.2], [1, 0], { exact: [["a", null as unknown as string]] })).toThrow(/options\.exact\[0\]\[1\].*missing/);
    expect(() => matchNearest([0.1, 0.2, 0.3], [1, 0, 0], { exact: [["a", "b", "b"]] })).toThrow(/exact-matching stratum/);
  });
  it("exact-matching labels such as '__proto__' and 'constructor' are ordinary strata", () => {
    const m = matchNearest([0.5, 0.6, 0.51, 0.59], [1, 1, 0, 0], { exact: [["__proto__", "constructor", "constructor", "__proto__"]] });
    expect(m.pairs).toEqual([
      { treated: 0, controls: [3] },
      { treated: 1, controls: [2] },
    ]);
  });
  it("does not mutate its inputs", () => {
    const d = [0.3, 0.2, 0.5, 0.1];
    const t = [1, 0, 1, 0];
    const ex = [["a", "a", "b", "b"]];
    const before = structuredClone({ d, t, ex });
    matchNearest(d, t, { exact: ex, ratio: 2 });
    expect({ d, t, ex }).toEqual(before);
  });

  const arb = fc
    .array(fc.record({ d: fc.double({ min: -5, max: 5, noNaN: true }), t: fc.constantFrom(0, 1), g: fc.constantFrom("a", "b", "c") }), { minLength: 4, maxLength: 60 })
    .filter((u) => u.some((v) => v.t === 1) && u.some((v) => v.t === 0));
  it("property: weights >= 0, treated weights 0/1, control weights sum to matched controls; without replacement no control is reused", () => {
    fc.assert(
      fc.property(arb, fc.integer({ min: 1, max: 3 }), fc.boolean(), (u, ratio, replace) => {
        const d = u.map((v) => v.d);
        const t = u.map((v) => v.t);
        let m;
        try {
          m = matchNearest(d, t, { ratio, replace });
        } catch {
          return;
        }
        const used = m.pairs.flatMap((p) => p.controls);
        if (!replace) expect(new Set(used).size).toBe(used.length);
        for (const p of m.pairs) {
          expect(p.controls.length).toBeLessThanOrEqual(ratio);
          expect(new Set(p.controls).size).toBe(p.controls.length);
        }
        let s = 0;
        m.weights.forEach((w, i) => {
          expect(w).toBeGreaterThanOrEqual(0);
          if (t[i] === 1) expect([0, 1]).toContain(w);
          else s += w;
        });
        expect(Math.abs(s - m.nMatched.control)).toBeLessThan(1e-9 * Math.max(1, s));
      }),
    );
  });
  it("property: each treated unit's first control is the nearest one available at its turn (1:1, no replacement)", () => {
    fc.assert(
      fc.property(arb, (u) => {
        const d = u.map((v) => v.d);
        const t = u.map((v) => v.t);
        const m = matchNearest(d, t, { order: "data" });
        const taken = new Set<number>();
        const byT = new Map(m.pairs.map((p) => [p.treated, p.controls[0]!]));
        for (let i = 0; i < d.length; i++) {
          if (t[i] !== 1) continue;
          const avail = d.map((_, j) => j).filter((j) => t[j] === 0 && !taken.has(j));
          const c = byT.get(i);
          if (avail.length === 0) {
            expect(c).toBeUndefined();
            continue;
          }
          const best = Math.min(...avail.map((j) => Math.abs(d[j]! - d[i]!)));
          expect(c).toBeDefined();
          expect(Math.abs(d[c!]! - d[i]!)).toBe(best);
          taken.add(c!);
        }
      }),
    );
  });
  it("property: exact matching on a covariate leaves no imbalance on it (weighted group means equal)", () => {
    fc.assert(
      fc.property(arb, (u) => {
        const d = u.map((v) => v.d);
        const t = u.map((v) => v.t);
        const x = u.map((v) => (v.g === "a" ? 0 : v.g === "b" ? 1 : 5));
        let m;
        try {
          m = matchNearest(d, t, { exact: [x] });
        } catch {
          return;
        }
        for (const p of m.pairs) for (const c of p.controls) expect(x[c]).toBe(x[p.treated]);
        let st = 0;
        let sc = 0;
        let wt = 0;
        let wc = 0;
        m.weights.forEach((w, i) => {
          if (t[i] === 1) {
            st += w * x[i]!;
            wt += w;
          } else {
            sc += w * x[i]!;
            wc += w;
          }
        });
        expect(Math.abs(st / wt - sc / wc)).toBeLessThan(1e-9);
      }),
    );
  });
});
