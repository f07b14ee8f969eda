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
  r: { curves: Curve[] };
}
const fixtures = nonEmpty(loadFixtures<Fixture[]>(import.meta.url), "cumulativeIncidence fixtures");
afterAll(() => reportWorst());
const K = "cumulativeIncidence";

describe("cumulativeIncidence vs R cmprsk::cuminc", () => {
  for (const fx of fixtures) {
    it(fx.label, () => {
      const got = cumulativeIncidence(fx.time, fx.status, { ...(fx.group ? { group: fx.group } : {}), ...(fx.times ? { times: fx.times } : {}) });
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
