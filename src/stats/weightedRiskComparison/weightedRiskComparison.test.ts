import { describe, expect, it } from "vitest";
import { expectClose } from "../../../tests/expectClose.js";
import { loadFixtures, nonEmpty } from "../_common/testing.js";
import { weightedRiskComparison, type RiskContrast } from "./index.js";

interface C {
  estimate: number;
  stdError: number;
  confInt: [number, number];
  pValue: number;
}
interface Fixture {
  label: string;
  outcome: number[];
  treatment: number[];
  weights: number[];
  cluster: number[] | null;
  confLevel: number;
  treated: { risk: number; confInt: [number, number] };
  control: { risk: number; confInt: [number, number] };
  riskDifference: C;
  oddsRatio: C;
  riskRatio: C;
}
const fixtures = nonEmpty(loadFixtures<Fixture[]>(import.meta.url), "fixtures");

function same(got: RiskContrast | null, want: C, label: string): void {
  expect(got, label).not.toBeNull();
  expectClose(got!.estimate, want.estimate, 1e-9, `${label} estimate`);
  expectClose(got!.stdError, want.stdError, 1e-8, `${label} stdError`);
  expectClose(got!.confInt[0], want.confInt[0], 1e-8, `${label} lower`);
  expectClose(got!.confInt[1], want.confInt[1], 1e-8, `${label} upper`);
  expectClose(got!.pValue, want.pValue, 1e-7, `${label} pValue`);
}

describe("weightedRiskComparison vs R lm/glm + sandwich", () => {
  for (const fx of fixtures) {
    it(fx.label, () => {
      const got = weightedRiskComparison(fx.outcome, fx.treatment, { weights: fx.weights, confLevel: fx.confLevel, ...(fx.cluster !== null ? { cluster: fx.cluster } : {}) });
      expectClose(got.treated.risk, fx.treated.risk, 1e-10, "treated risk");
      expectClose(got.control.risk, fx.control.risk, 1e-10, "control risk");
      expectClose(got.treated.confInt[0], fx.treated.confInt[0], 1e-8, "treated lower");
      expectClose(got.control.confInt[1], fx.control.confInt[1], 1e-8, "control upper");
      same(got.riskDifference, fx.riskDifference, "RD");
      same(got.oddsRatio, fx.oddsRatio, "OR");
      same(got.riskRatio, fx.riskRatio, "RR");
    });
  }
});

describe("weightedRiskComparison", () => {
  it("matches the @example", () => {
    const r = weightedRiskComparison([1, 0, 1, 1, 0, 0, 1, 0], [1, 1, 1, 1, 0, 0, 0, 0]);
    expect([r.treated.risk, r.control.risk, r.riskDifference.estimate]).toEqual([0.75, 0.25, 0.5]);
    expect(r.variance).toBe("HC0");
  });
  it("a group without events: ratios null with warnings, no NaN", () => {
    const r = weightedRiskComparison([1, 0, 1, 0, 0, 0], [1, 1, 1, 0, 0, 0]);
    expect(r.riskRatio).toBeNull();
    expect(r.oddsRatio).toBeNull();
    expect(r.control.confInt).toEqual([0, 0]);
    expect(r.warnings.join("; ")).toMatch(/risk ratio not defined/);
  });
  it("names bad input", () => {
    expect(() => weightedRiskComparison([1, NaN, 0, 1], [1, 1, 0, 0])).toThrow(/outcome\[1\] must be 0 or 1 \(missing outcomes/);
    expect(() => weightedRiskComparison([1, 0, 0, 1], [1, 1, 0, 0], { weights: [1, 1, 0, 0] })).toThrow(/positive total weight; got 0 for the control group/);
    expect(() => weightedRiskComparison([1, 0, 0, 1], [1, 1, 0, 0], { cluster: [1, 1, 1, 1] })).toThrow(/at least 2 clusters/);
    expect(() => weightedRiskComparison([1, 0, 0, 1], [1, 1, 0, 0], { robust: true } as object)).toThrow(/options\.robust is not a known option/);
  });
  it("does not mutate its inputs", () => {
    const y = [1, 0, 1, 1, 0, 0, 1, 0];
    const t = [1, 1, 1, 1, 0, 0, 0, 0];
    const w = [1, 2, 1, 1, 0.5, 1, 1, 3];
    const before = structuredClone({ y, t, w });
    weightedRiskComparison(y, t, { weights: w, cluster: [1, 2, 3, 4, 1, 2, 3, 4] });
    expect({ y, t, w }).toEqual(before);
  });
});
