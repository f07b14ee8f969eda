import { describe, expect, it } from "vitest";
import { createRandom } from "../_random/index.js";
import { covariateBalance } from "../covariateBalance/index.js";
import { iptwWeights } from "../iptwWeights/index.js";
import { matchNearest } from "../matchNearest/index.js";
import { propensityScore } from "../propensityScore/index.js";
import { weightedRiskComparison } from "../weightedRiskComparison/index.js";
import { propensityPipeline } from "./index.js";

// A confounded synthetic cohort: older patients and men are treated more often; the outcome depends on age and treatment.
function cohort(n: number, seed: number): { data: { age: number[]; male: number[]; site: string[]; remission: number[] }; t: number[] } {
  const r = createRandom(seed);
  const norm = (): number => Math.sqrt(-2 * Math.log(1 - r.nextFloat())) * Math.cos(2 * Math.PI * r.nextFloat());
  const data = { age: [] as number[], male: [] as number[], site: [] as string[], remission: [] as number[] };
  const t: number[] = [];
  for (let i = 0; i < n; i++) {
    const age = Math.round(40 + 12 * norm());
    const male = r.nextFloat() < 0.5 ? 1 : 0;
    const tr = r.nextFloat() < 1 / (1 + Math.exp(-(-1 + 0.04 * (age - 40) + 0.6 * male))) ? 1 : 0;
    const rem = r.nextFloat() < 1 / (1 + Math.exp(-(-0.5 + 0.5 * tr - 0.02 * (age - 40)))) ? 1 : 0;
    data.age.push(age);
    data.male.push(male);
    data.site.push(["a", "b", "c"][r.nextInt(3)]!);
    data.remission.push(rem);
    t.push(tr);
  }
  return { data, t };
}

describe("propensityPipeline", () => {
  const { data, t } = cohort(600, 17);
  it("matches the @example", () => {
    const d = { age: [30, 45, 50, 62, 38, 41, 57, 66, 29, 48], male: [1, 0, 1, 1, 0, 0, 1, 0, 1, 0] };
    const r = propensityPipeline(d, [1, 1, 1, 1, 0, 0, 0, 0, 0, 0], { covariates: ["age", "male"], method: "weight" });
    expect(r.steps.length).toBe(3);
  });
  it("weighting: the same numbers as the individual calls, and balance improves", () => {
    const r = propensityPipeline(data, t, { covariates: ["age", "male"], method: "weight", outcome: "remission", balanceOn: ["age", "male", "site"] });
    const X = data.age.map((a, i) => [a, data.male[i]!]);
    const ps = propensityScore(X, t, { names: ["age", "male"] });
    const w = iptwWeights(ps.score, t, { stabilize: true });
    expect(r.weights).toEqual(w.weights);
    const bal = covariateBalance({ age: data.age, male: data.male, site: data.site }, t, { weights: w.weights });
    expect(r.balance).toEqual(bal);
    expect(r.outcome).toEqual(weightedRiskComparison(data.remission, t, { weights: w.weights }));
    expect(r.balance.maxAbsSmd.after!).toBeLessThan(r.balance.maxAbsSmd.before);
    expect(r.steps).toHaveLength(4);
    expect(r.steps[1]).toMatch(/ATE, stabilised; effective sample size/);
    expect(r.pairedOutcome).toBeNull();
  });
  it("matching: 1:1 caliper on the logit, cluster-robust outcome and McNemar", () => {
    const r = propensityPipeline(data, t, { covariates: ["age", "male"], method: "match", outcome: "remission", exact: ["male"] });
    const m = matchNearest(r.propensity.logit, t, { caliper: 0.2, exact: [data.male] });
    expect(r.matching).toEqual(m);
    expect(r.outcome!.variance).toMatch(/^cluster \(G = /);
    expect(r.pairedOutcome).not.toBeNull();
    expect(r.pairedOutcome!.nPairs).toBe(m.pairs.length);
    expect(r.steps.join("\n")).toMatch(/exact on male; matched \d+ of \d+ treated/);
    expect(Math.abs(r.balance.rows.find((x) => x.name === "male")!.after!.smd)).toBeLessThan(1e-12);
  });
  it("names the failing step and bad options", () => {
    const d = { age: [30, 45, 50, 62, 38, 41, 57, 66, 29, 48] };
    expect(() => propensityPipeline(d, [1, 1, 1, 1, 0, 0, 0, 0, 0, 0], { covariates: ["age"], method: "match", matching: { caliper: 1e-9, stdCaliper: false } })).toThrow(/step "matching" failed: matchNearest: no treated unit could be matched/);
    expect(() => propensityPipeline(data, t, { covariates: ["weight"], method: "weight" })).toThrow(/options\.covariates\[0\] names no column/);
    expect(() => propensityPipeline(data, t, { covariates: ["site"], method: "weight" })).toThrow(/data\.site\[0\] must be a finite number/);
    expect(() => propensityPipeline(data, t, { covariates: ["age"], method: "weight", matching: {} })).toThrow(/options\.matching and options\.exact are for method "match"/);
    expect(() => propensityPipeline(data, t, { covariates: ["age"], method: "stratify" as "match" })).toThrow(/options\.method must be/);
    expect(() => propensityPipeline(data, t, { covariates: ["constructor"], method: "weight" })).toThrow(/names no column/);
  });
  it("does not mutate its inputs", () => {
    const before = structuredClone({ data, t });
    propensityPipeline(data, t, { covariates: ["age", "male"], method: "match", outcome: "remission" });
    expect({ data, t }).toEqual(before);
  });
});
