import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { loadFixtures, nonEmpty, reportWorst } from "../_common/testing.js";
import { closeArray, closeOrNull } from "../_survival/testing.js";
import { kaplanMeier, type ConfType } from "./index.js";

type Num = number | null;
interface Fixture {
  label: string;
  time: number[];
  status: number[];
  entry?: number[];
  weights?: number[];
  robust?: boolean;
  confType: ConfType;
  confLevel: number;
  times?: number[];
  rmean?: number;
  r: {
    n: number;
    nEvents: number;
    time: number[];
    nRisk: number[];
    nEvent: number[];
    nCensor: number[];
    surv: number[];
    stdErr: Num[];
    cumHaz: number[];
    lower?: Num[];
    upper?: Num[];
    quartiles: Num[];
    medianConfInt?: Num[];
    atTimes?: { time: number; nRisk: number; nEvent: number; surv: number; stdErr?: Num; lower?: Num; upper?: Num }[];
    restrictedMean?: { tau: number; estimate: number; stdError: number };
  };
}

const fixtures = nonEmpty(loadFixtures<Fixture[]>(import.meta.url), "kaplanMeier fixtures");
afterAll(() => reportWorst());

describe("kaplanMeier vs R survfit", () => {
  for (const fx of fixtures) {
    it(fx.label, () => {
      const got = kaplanMeier(fx.time, fx.status, {
        ...(fx.entry ? { entry: fx.entry } : {}),
        ...(fx.weights ? { weights: fx.weights } : {}),
        ...(fx.robust !== undefined ? { robust: fx.robust } : {}),
        confType: fx.confType,
        confLevel: fx.confLevel,
        ...(fx.times ? { times: fx.times } : {}),
        ...(fx.rmean !== undefined ? { rmean: fx.rmean } : {}),
      });
      const L = `[${fx.label}]`;
      const K = "kaplanMeier";
      expect(got.n).toBe(fx.r.n);
      closeOrNull(got.nEvents, fx.r.nEvents, `${L} nEvents`, K);
      expect(got.time).toEqual(fx.r.time);
      closeArray(got.nRisk, fx.r.nRisk, `${L} nRisk`, K);
      closeArray(got.nEvent, fx.r.nEvent, `${L} nEvent`, K);
      closeArray(got.nCensor, fx.r.nCensor, `${L} nCensor`, K);
      closeArray(got.surv, fx.r.surv, `${L} surv`, K);
      closeArray(got.stdErr, fx.r.stdErr, `${L} stdErr`, K);
      closeArray(got.cumHaz, fx.r.cumHaz, `${L} cumHaz`, K);
      closeArray(got.quartiles, fx.r.quartiles, `${L} quartiles`, K);
      expect(got.median).toBe(got.quartiles[1]);
      if (fx.confType === "none") {
        expect(got.lower).toBeUndefined();
        expect(got.medianConfInt).toBeUndefined();
      } else {
        closeArray(got.lower ?? [], fx.r.lower, `${L} lower`, K);
        closeArray(got.upper ?? [], fx.r.upper, `${L} upper`, K);
        closeArray(got.medianConfInt ?? [], fx.r.medianConfInt, `${L} medianConfInt`, K);
      }
      if (fx.times) {
        const want = fx.r.atTimes ?? [];
        expect(got.atTimes?.length, `${L} atTimes length`).toBe(want.length);
        want.forEach((w, k) => {
          const g = got.atTimes![k]!;
          expect(g.time).toBe(w.time);
          closeOrNull(g.nRisk, w.nRisk, `${L} atTimes[${k}].nRisk`, K);
          closeOrNull(g.nEvent, w.nEvent, `${L} atTimes[${k}].nEvent`, K);
          closeOrNull(g.surv, w.surv, `${L} atTimes[${k}].surv`, K);
          closeOrNull(g.stdErr, w.stdErr ?? null, `${L} atTimes[${k}].stdErr`, K);
          if (fx.confType !== "none") {
            closeOrNull(g.lower, w.lower ?? null, `${L} atTimes[${k}].lower`, K);
            closeOrNull(g.upper, w.upper ?? null, `${L} atTimes[${k}].upper`, K);
          }
        });
      }
      if (fx.rmean !== undefined) {
        const w = fx.r.restrictedMean!;
        closeOrNull(got.restrictedMean?.estimate, w.estimate, `${L} rmean`, K);
        closeOrNull(got.restrictedMean?.stdError, w.stdError, `${L} se(rmean)`, K);
      }
    });
  }
});

describe("kaplanMeier properties", () => {
  const data = fc
    .array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 1 }), fc.integer({ min: 1, max: 3 })), { minLength: 2, maxLength: 40 })
    .filter((rows) => rows.some((r) => r[1] === 1));
  it("integer weights equal replicated rows", () =>
    fc.assert(
      fc.property(data, (rows) => {
        const a = kaplanMeier(rows.map((r) => r[0]), rows.map((r) => r[1]), { weights: rows.map((r) => r[2]) });
        const rep = rows.flatMap((r) => Array.from({ length: r[2] }, () => r));
        const b = kaplanMeier(rep.map((r) => r[0]), rep.map((r) => r[1]));
        expect(a.time).toEqual(b.time);
        a.surv.forEach((s, k) => expect(Math.abs(s - b.surv[k]!)).toBeLessThan(1e-12));
        a.stdErr.forEach((s, k) => {
          const t = b.stdErr[k] ?? null;
          if (s === null || t === null) expect(s).toBe(t);
          else expect(Math.abs(s - t)).toBeLessThan(1e-12);
        });
        expect(a.median).toBe(b.median);
      }),
    ));
  it("survival is non-increasing, within its limits, and the lower limit is below the upper", () =>
    fc.assert(
      fc.property(data, (rows) => {
        const f = kaplanMeier(rows.map((r) => r[0]), rows.map((r) => r[1]));
        for (let k = 1; k < f.surv.length; k++) expect(f.surv[k]!).toBeLessThanOrEqual(f.surv[k - 1]!);
        f.surv.forEach((s, k) => {
          const lo = f.lower![k];
          const hi = f.upper![k];
          if (lo !== null && lo !== undefined) expect(lo).toBeLessThanOrEqual(s + 1e-15);
          if (hi !== null && hi !== undefined) expect(hi).toBeGreaterThanOrEqual(s - 1e-15);
        });
      }),
    ));
  it("does not mutate its inputs", () => {
    const t = [3, 1, 2];
    const s = [1, 0, 1];
    const o = { times: [2, 1], weights: [1, 2, 1] };
    kaplanMeier(t, s, o);
    expect([t, s, o]).toEqual([[3, 1, 2], [1, 0, 1], { times: [2, 1], weights: [1, 2, 1] }]);
  });
});

describe("kaplanMeier bad input", () => {
  it.each([
    ["lengths", () => kaplanMeier([1, 2], [1]), /kaplanMeier: status must have one value per subject/],
    ["negative time", () => kaplanMeier([1, -2], [1, 0]), /time\[1\] must be >= 0/],
    ["NaN time", () => kaplanMeier([1, NaN], [1, 0]), /time\[1\] must be finite/],
    ["status 2", () => kaplanMeier([1, 2], [1, 2]), /status\[1\] must be 0 \(censored\) or 1/],
    ["no events", () => kaplanMeier([1, 2], [0, 0]), /at least one event/],
    ["entry >= time", () => kaplanMeier([1, 2], [1, 0], { entry: [0, 2] }), /options\.entry\[1\] must be < time\[1\]/],
    ["entry equal to its time up to rounding (timefix)", () => kaplanMeier([1, 2], [1, 0], { entry: [0, 2 - 1e-12] }), /options\.entry\[1\] and time\[1\] differ only by rounding/],
    ["negative weight", () => kaplanMeier([1, 2], [1, 0], { weights: [1, -1] }), /options\.weights\[1\] must be >= 0/],
    ["unknown option", () => kaplanMeier([1, 2], [1, 0], { conf: 0.9 } as never), /options\.conf is not a known option/],
    ["bad confType", () => kaplanMeier([1, 2], [1, 0], { confType: "loglog" as never }), /options\.confType must be/],
    ["rmean before the first time", () => kaplanMeier([1, 2], [1, 0], { rmean: 0.5 }), /options\.rmean must not precede/],
    ["confLevel 1", () => kaplanMeier([1, 2], [1, 0], { confLevel: 1 }), /options\.confLevel/],
  ])("%s", (_name, f, re) => expect(f).toThrow(re));
});
