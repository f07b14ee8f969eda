import * as fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { expectClose } from "../../../tests/expectClose.js";
import { loadFixtures, nonEmpty } from "../_common/testing.js";
import { rocCurve, type RocPoint } from "./index.js";

interface Fixture {
  label: string;
  predictor: number[];
  response: number[];
  direction: "auto" | "<" | ">";
  confLevel: number;
  want: {
    auc: number;
    aucConfInt: [number, number];
    aucVariance: number;
    direction: "<" | ">";
    threshold: number[];
    sensitivity: number[];
    specificity: number[];
    youden: RocPoint;
    pROCBest: { threshold: number[]; sensitivity: number[]; specificity: number[] };
  };
}

const fixtures = nonEmpty(loadFixtures<Fixture[]>(import.meta.url), "fixtures");
const worst: Record<string, { err: number; label: string }> = {};
function close(field: string, got: number, want: number, label: string, tol = 1e-9): void {
  // Contract: 1e-9 relative, or 1e-12 absolute below 1e-3.
  const err = Math.abs(want) < 1e-3 ? Math.abs(got - want) / 1e-3 : Math.abs(got - want) / Math.abs(want);
  const w = worst[field];
  if (w === undefined || err > w.err) worst[field] = { err, label };
  if (Math.abs(want) < 1e-3) expectClose(got, want, 1e-12, `${label} ${field}`, "abs");
  else expectClose(got, want, tol, `${label} ${field}`);
}

afterAll(() => {
  console.log(`rocCurve: ${fixtures.length} pROC fixtures; worst relative errors:`);
  for (const [k, v] of Object.entries(worst)) console.log(`  ${k}: ${v.err.toExponential(2)} (${v.label})`);
});

describe("rocCurve vs pROC", () => {
  for (const fx of fixtures) {
    it(fx.label, () => {
      const got = rocCurve(fx.predictor, fx.response, { direction: fx.direction, confLevel: fx.confLevel });
      const n = fx.response.length;
      const inputs = n <= 20 ? ` predictor=${JSON.stringify(fx.predictor)} response=${JSON.stringify(fx.response)}` : "";
      const label = `[${fx.label}] n=${n}, direction ${fx.direction}, confLevel ${fx.confLevel}${inputs}`;
      expect(got.direction, `${label} direction`).toBe(fx.want.direction);
      close("auc", got.auc, fx.want.auc, label);
      close("aucVariance", got.aucVariance, fx.want.aucVariance, label);
      close("aucConfInt", got.aucConfInt[0], fx.want.aucConfInt[0], `${label} lower`);
      close("aucConfInt", got.aucConfInt[1], fx.want.aucConfInt[1], `${label} upper`);
      expect(got.points.length, `${label} number of points`).toBe(fx.want.threshold.length);
      got.points.forEach((p, i) => {
        // Thresholds are exact (midpoints computed the same way); sensitivity/specificity are ratios of counts.
        expect(p.threshold, `${label} threshold[${i}]`).toBe(fx.want.threshold[i]);
        close("sensitivity", p.sensitivity, fx.want.sensitivity[i]!, `${label} point ${i}`, 1e-15);
        close("specificity", p.specificity, fx.want.specificity[i]!, `${label} point ${i}`, 1e-15);
      });
      expect(got.youden.threshold, `${label} youden threshold`).toBe(fx.want.youden.threshold);
      close("youden", got.youden.sensitivity, fx.want.youden.sensitivity, `${label} youden`, 1e-15);
      close("youden", got.youden.specificity, fx.want.youden.specificity, `${label} youden`, 1e-15);
      // pROC's coords(best) lists every tied row: ours is the lowest of them whenever pROC found a maximum.
      if (fx.want.pROCBest.threshold.length > 0 && Number.isFinite(Math.min(...fx.want.pROCBest.threshold))) {
        expect(got.youden.threshold, `${label} vs pROC coords best`).toBe(Math.min(...fx.want.pROCBest.threshold));
      }
    });
  }
});

describe("rocCurve contract", () => {
  const x = [1, 2, 2, 3, 5, 4, 6, 6];
  const y = [0, 0, 1, 0, 1, 1, 1, 0];
  // R 4.2.2: pROC::roc(y, x) -> auc 0.6875; coords(r, "best") -> threshold 3.5, sensitivity 0.75, specificity 0.75
  it("matches the @example", () => {
    const r = rocCurve(x, y);
    expect(r.auc).toBe(0.6875);
    expect(r.direction).toBe("<");
    expect(r.youden).toEqual({ threshold: 3.5, sensitivity: 0.75, specificity: 0.75 });
  });
  it("orders points from -Infinity up for '<' and from +Infinity down for '>'", () => {
    const up = rocCurve(x, y, { direction: "<" }).points.map((p) => p.threshold);
    const down = rocCurve(x, y, { direction: ">" }).points.map((p) => p.threshold);
    expect(up[0]).toBe(-Infinity);
    expect(up.at(-1)).toBe(Infinity);
    expect(down[0]).toBe(Infinity);
    expect(down.at(-1)).toBe(-Infinity);
    expect([...up].sort((a, b) => a - b)).toEqual(up);
    expect([...down].sort((a, b) => b - a)).toEqual(down);
  });
  it("AUC equals the brute-force Mann-Whitney estimate (ties one half)", () => {
    let seed = 7;
    const rnd = (): number => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const p = Array.from({ length: 300 }, () => Math.round(rnd() * 20));
    const r = Array.from({ length: 300 }, (_, i) => (rnd() < 0.2 + p[i]! / 40 ? 1 : 0));
    let s = 0;
    let pairs = 0;
    for (let i = 0; i < 300; i++) for (let j = 0; j < 300; j++) {
      if (r[i] === 1 && r[j] === 0) {
        pairs++;
        s += p[i]! > p[j]! ? 1 : p[i] === p[j] ? 0.5 : 0;
      }
    }
    expect(rocCurve(p, r, { direction: "<" }).auc).toBeCloseTo(s / pairs, 14);
  });
  it("properties: AUC('<') + AUC('>') = 1, monotone curve from (sens 1, spec 0) to (0, 1), Youden is the best point", () => {
    const data = fc
      .array(fc.tuple(fc.integer({ min: -5, max: 5 }), fc.integer({ min: 0, max: 1 })), { minLength: 4, maxLength: 60 })
      .filter((d) => d.filter(([, r]) => r === 1).length >= 2 && d.filter(([, r]) => r === 0).length >= 2);
    fc.assert(
      fc.property(data, (d) => {
        const x = d.map(([v]) => v / 2);
        const r = d.map(([, c]) => c);
        const lt = rocCurve(x, r, { direction: "<" });
        const gt = rocCurve(x, r, { direction: ">" });
        expect(lt.auc + gt.auc).toBeCloseTo(1, 14);
        for (const res of [lt, gt]) {
          const pts = res.points;
          expect(pts[0]).toMatchObject({ sensitivity: 1, specificity: 0 });
          expect(pts.at(-1)).toMatchObject({ sensitivity: 0, specificity: 1 });
          for (let i = 1; i < pts.length; i++) {
            expect(pts[i]!.sensitivity).toBeLessThanOrEqual(pts[i - 1]!.sensitivity);
            expect(pts[i]!.specificity).toBeGreaterThanOrEqual(pts[i - 1]!.specificity);
          }
          const best = Math.max(...pts.map((p) => p.sensitivity + p.specificity));
          expect(res.youden.sensitivity + res.youden.specificity).toBeCloseTo(best, 14);
          expect(res.aucConfInt[0]).toBeLessThanOrEqual(res.auc);
          expect(res.aucConfInt[1]).toBeGreaterThanOrEqual(res.auc);
        }
      }),
      { seed: 20261124, numRuns: 300 },
    );
  });
  it("is plain JSON-serialisable data apart from the infinite end points", () => {
    const r = rocCurve(x, y);
    expect(JSON.parse(JSON.stringify({ ...r, points: r.points.slice(1, -1) }))).toEqual({ ...r, points: r.points.slice(1, -1) });
  });
  it("does not mutate its inputs", () => {
    const xc = [...x];
    const yc = [...y];
    const o = { direction: "auto" as const, confLevel: 0.9 };
    rocCurve(xc, yc, o);
    expect(xc).toEqual(x);
    expect(yc).toEqual(y);
    expect(o).toEqual({ direction: "auto", confLevel: 0.9 });
  });
  it.each<[string, () => unknown, RegExp, ErrorConstructor]>([
    ["single case", () => rocCurve([1, 2, 3], [0, 0, 1]), /at least 2 cases \(1\) and 2 controls \(0\); got 1 cases and 2 controls/, RangeError],
    ["single control", () => rocCurve([1, 2, 3], [0, 1, 1]), /got 2 cases and 1 controls/, RangeError],
    ["no cases", () => rocCurve([1, 2, 3], [0, 0, 0]), /got 0 cases/, RangeError],
    ["length mismatch", () => rocCurve([1, 2, 3], [0, 1]), /response must have one value per predictor value \(3\); got length 2/, RangeError],
    ["NaN predictor", () => rocCurve([1, Number.NaN, 3, 4], [0, 1, 0, 1]), /predictor\[1\] must be finite; got NaN/, RangeError],
    ["Infinity predictor", () => rocCurve([1, Infinity, 3, 4], [0, 1, 0, 1]), /predictor\[1\] must be finite/, RangeError],
    ["response not 0/1", () => rocCurve([1, 2, 3, 4], [0, 1, 2, 1]), /response\[2\] must be 0 or 1; got 2/, RangeError],
    ["response NaN", () => rocCurve([1, 2, 3, 4], [0, 1, Number.NaN, 1]), /response\[2\] must be 0 or 1; got NaN/, RangeError],
    ["predictor not an array", () => rocCurve("abc" as unknown as number[], [0, 1]), /predictor must be an array of numbers/, TypeError],
    ["unknown option", () => rocCurve(x, y, { levels: [0, 1] } as never), /options\.levels is not a known option/, TypeError],
    ["bad direction", () => rocCurve(x, y, { direction: "<=" as never }), /options\.direction must be "auto", "<" or ">"; got "<="/, TypeError],
    ["bad confLevel", () => rocCurve(x, y, { confLevel: 95 }), /options\.confLevel must be in \(0, 1\); got 95/, RangeError],
  ])("throws on %s", (_name, call, message, kind) => {
    expect(call).toThrow(kind);
    expect(call).toThrow(message);
  });
});
