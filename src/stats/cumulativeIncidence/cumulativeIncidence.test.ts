import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { loadFixtures, nonEmpty, reportWorst } from "../_common/testing.js";
import { closeArray, closeOrNull } from "../_survival/testing.js";
import { kaplanMeier } from "../kaplanMeier/index.js";
import { cumulativeIncidence } from "./index.js";

interface Curve {
  cause: number;
  group?: number | string | null;
  time: number[];
  estimate: number[];
  variance: number[];
  atTimes?: { time: number; estimate?: number | null; variance?: number | null }[];
}
interface Fixture {
  label: string;
  time: number[];
  status: number[];
  group?: (number | string)[];
  times?: number[];
  rho?: number;
  strata?: (number | string)[];
  r: { curves: Curve[]; tests?: { cause: number; statistic: number; df: number; pValue: number }[] };
}
const fixtures = nonEmpty(loadFixtures<Fixture[]>(import.meta.url), "cumulativeIncidence fixtures");
afterAll(() => reportWorst());
const K = "cumulativeIncidence";

describe("cumulativeIncidence vs R cmprsk::cuminc", () => {
  for (const fx of fixtures) {
    it(fx.label, () => {
      const got = cumulativeIncidence(fx.time, fx.status, {
        ...(fx.group ? { group: fx.group } : {}),
        ...(fx.times ? { times: fx.times } : {}),
        ...(fx.rho !== undefined ? { rho: fx.rho } : {}),
        ...(fx.strata ? { strata: fx.strata } : {}),
      });
      const L = `[${fx.label}]`;
      expect(got.curves.length).toBe(fx.r.curves.length);
      fx.r.curves.forEach((w, k) => {
        const g = got.curves[k]!;
        const l = `${L} curve ${k}`;
        expect(g.cause).toBe(w.cause);
        expect(g.group).toBe(w.group ?? null);
        expect(g.time).toEqual(w.time);
        closeArray(g.estimate, w.estimate, `${l} estimate`, K);
        closeArray(g.variance, w.variance, `${l} variance`, K);
        if (fx.times) {
          expect(g.atTimes?.length).toBe(w.atTimes?.length);
          w.atTimes!.forEach((a, q) => {
            expect(g.atTimes![q]!.time).toBe(a.time);
            closeOrNull(g.atTimes![q]!.estimate, a.estimate ?? null, `${l} atTimes[${q}].estimate`, K);
            closeOrNull(g.atTimes![q]!.variance, a.variance ?? null, `${l} atTimes[${q}].variance`, K);
          });
        }
      });
    });
  }
});

// Gray's test agrees with cmprsk to the contract's 1e-9 with and without tied event times (measured:
// at most 5e-14 relative over every fixture: small heavily tied samples with 2 and 3 groups, several
// causes, rho and strata; colon, mgus2; 1,000 simulated subjects; untied samples).
describe("cumulativeIncidence Gray's test vs R cmprsk::cuminc(...)$Tests", () => {
  for (const fx of fixtures.filter((f) => f.r.tests !== undefined)) {
    it(fx.label, () => {
      const got = cumulativeIncidence(fx.time, fx.status, {
        group: fx.group!,
        ...(fx.rho !== undefined ? { rho: fx.rho } : {}),
        ...(fx.strata ? { strata: fx.strata } : {}),
      });
      const want = fx.r.tests!;
      expect(got.tests?.map((t) => t.cause)).toEqual(want.map((t) => t.cause));
      want.forEach((w, k) => {
        const g = got.tests![k]!;
        expect(g.df).toBe(w.df);
        if (w.statistic === -1 && w.pValue === 1) {
          // cuminc's "no test" answer (singular covariance: stat -1, pv 1): ours is statistic 0,
          // p-value 1 and the reason
          expect([g.statistic, g.pValue]).toEqual([0, 1]);
          expect(g.warning).toMatch(/^no test: /);
          return;
        }
        // a negative statistic comes from a covariance estimate that is not positive definite: said
        if (w.statistic < 0) expect(g.warning).toMatch(/not positive definite/);
        if (g.warning !== undefined) expect(g.warning).toMatch(/^the covariance estimate is not positive definite/);
        const rel = Math.abs(g.statistic - w.statistic) / Math.abs(w.statistic);
        expect(rel, `[${fx.label}] cause ${w.cause}: ${g.statistic} vs R ${w.statistic}`).toBeLessThan(1e-9);
        expect(Math.abs(g.pValue - w.pValue), `[${fx.label}] p`).toBeLessThanOrEqual(1e-9 * Math.max(w.pValue, 1e-300) + 1e-300);
      });
    });
  }
  it("is absent without groups and with one level", () => {
    expect(cumulativeIncidence([1, 2, 3, 4], [1, 2, 0, 1]).tests).toBeUndefined();
    expect(cumulativeIncidence([1, 2, 3, 4], [1, 2, 0, 1], { group: ["a", "a", "a", "a"] }).tests).toBeUndefined();
    expect(cumulativeIncidence([1, 2, 3, 4], [1, 2, 0, 1], { group: ["a", "b", "a", "b"] }).tests).toHaveLength(2);
  });
  it("does not depend on group labels or subject order", () => {
    const t = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8];
    const s = [1, 2, 0, 1, 1, 2, 1, 0, 2, 1, 1, 2];
    const g = [1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2];
    const a = cumulativeIncidence(t, s, { group: g }).tests!;
    const perm = [11, 3, 7, 0, 5, 9, 1, 2, 10, 6, 4, 8];
    const b = cumulativeIncidence(perm.map((i) => t[i]!), perm.map((i) => s[i]!), { group: perm.map((i) => (g[i] === 1 ? "x" : "y")) }).tests!;
    a.forEach((x, k) => expect(Math.abs(x.statistic - b[k]!.statistic)).toBeLessThan(1e-12));
  });
  it("identical groups give statistic 0 and p-value 1", () => {
    const r = cumulativeIncidence([1, 2, 3, 1, 2, 3], [1, 2, 0, 1, 2, 0], { group: [1, 1, 1, 2, 2, 2] }).tests!;
    r.forEach((x) => {
      expect(Math.abs(x.statistic)).toBeLessThan(1e-12);
      expect(x.pValue).toBeCloseTo(1, 12);
    });
  });
  it.each([
    ["rho without group", () => cumulativeIncidence([1, 2], [1, 0], { rho: 1 }), /options\.rho is used only by Gray's test/],
    ["strata without group", () => cumulativeIncidence([1, 2], [1, 0], { strata: [1, 2] }), /options\.strata is used only by Gray's test/],
    ["rho not finite", () => cumulativeIncidence([1, 2], [1, 0], { group: [1, 2], rho: Infinity }), /options\.rho must be finite/],
    ["rho not a number", () => cumulativeIncidence([1, 2], [1, 0], { group: [1, 2], rho: "1" as never }), /options\.rho must be a number/],
    ["strata length", () => cumulativeIncidence([1, 2], [1, 0], { group: [1, 2], strata: [1] }), /options\.strata must have one label per subject/],
  ])("%s throws", (_n, f, re) => expect(f).toThrow(re));
});

describe("cumulativeIncidence properties and input", () => {
  it("with one cause it is 1 - Kaplan-Meier", () =>
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 1 })), { minLength: 2, maxLength: 40 }).filter((r) => r.some((x) => x[1] === 1)),
        (rows) => {
          const t = rows.map((r) => r[0]);
          const s = rows.map((r) => r[1]);
          const ci = cumulativeIncidence(t, s).curves[0]!;
          const km = kaplanMeier(t, s);
          ci.time.forEach((tt, k) => {
            const j = km.time.indexOf(tt);
            expect(Math.abs(ci.estimate[k]! - (1 - km.surv[j]!))).toBeLessThan(1e-12);
          });
        },
      ),
    ));
  it("the curves of all causes add up to 1 - overall Kaplan-Meier", () => {
    const t = [1, 2, 2, 3, 4, 5, 6, 7];
    const s = [1, 2, 0, 1, 2, 0, 1, 2];
    const ci = cumulativeIncidence(t, s, { times: [7] });
    const km = kaplanMeier(t, s.map((v) => (v === 0 ? 0 : 1)));
    const total = ci.curves.reduce((a, c) => a + (c.atTimes![0]!.estimate ?? 0), 0);
    expect(Math.abs(total - (1 - km.surv[km.surv.length - 1]!))).toBeLessThan(1e-12);
  });
  it.each([
    ["non-integer cause", () => cumulativeIncidence([1, 2], [1.5, 0]), /status\[0\] must be an integer code/],
    ["no events", () => cumulativeIncidence([1, 2], [0, 0]), /at least one event/],
    ["group length", () => cumulativeIncidence([1, 2], [1, 0], { group: ["a"] }), /options\.group must have one label per subject/],
    ["unknown option", () => cumulativeIncidence([1, 2], [1, 0], { cencode: 0 } as never), /options\.cencode is not a known option/],
    ["negative time", () => cumulativeIncidence([1, -2], [1, 0]), /time\[1\] must be >= 0/],
  ])("%s throws", (_n, f, re) => expect(f).toThrow(re));
});

describe("TSDoc examples of the time-to-event functions", () => {
  it("cumulativeIncidence", () => {
    const ci = cumulativeIncidence([1, 2, 3, 4, 5], [1, 2, 0, 1, 0]);
    expect(ci.curves.map((c) => c.cause)).toEqual([1, 2]);
    expect(ci.curves[0]!.estimate).toEqual([0.2, 0.5]);
    const byArm = cumulativeIncidence([1, 2, 3, 4, 5, 6], [1, 2, 1, 1, 0, 2], { group: ["a", "a", "a", "b", "b", "b"] });
    expect(byArm.tests?.map((t) => t.df)).toEqual([1, 1]);
  });
  it("kaplanMeier", () => {
    const fit = kaplanMeier([1, 2, 2, 3, 5], [1, 1, 0, 1, 0]);
    expect(fit.surv.map((s) => +s.toFixed(4))).toEqual([0.8, 0.6, 0.3, 0.3]);
    expect(fit.median).toBe(3);
  });
});
