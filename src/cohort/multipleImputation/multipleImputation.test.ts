import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { getProfile, patientTimeline, type PatientTimeline } from "../../endpoints/index.js";
import { parseCohort } from "../../models/index.js";
import { poolRubin } from "../../stats/index.js";
import { estimandRates } from "../estimandRates/index.js";
import { multipleImputation } from "./index.js";

const cohort = parseCohort(JSON.parse(readFileSync(new URL("../../../examples/data/cohort.json", import.meta.url), "utf8"))).cohort;
const profile = getProfile("mao2025");
const timelines: PatientTimeline[] = [];
const covariates: Record<string, number[]> = {};
for (const p of cohort.patients) {
  const c = cohort.courses.find((x) => x.patientId === p.id && x.drug.toLowerCase() === "upadacitinib");
  if (c === undefined) continue;
  timelines.push(patientTimeline(p, c, cohort.visits.filter((v) => v.patientId === p.id), profile, { missingData: "notEvaluable" }));
  covariates[p.id] = [Number(p.birthDate.slice(0, 4)) - 1980, p.sex === "female" ? 1 : 0];
}
const opts = { endpoint: "clinicalResponse" as const, m: 10, seed: 2026, covariates, covariateNames: ["birth year - 1980", "female"], timepoints: { w8: "induction", w12: "induction" } };

describe("multipleImputation", () => {
  const r = multipleImputation(timelines, opts);
  it("is reproducible from its seed and changes with it", () => {
    expect(multipleImputation(timelines, opts)).toEqual(r);
    const other = multipleImputation(timelines, { ...opts, seed: 2027 });
    expect(other.rates.map((x) => x.estimates)).not.toEqual(r.rates.map((x) => x.estimates));
  });
  it("imputes only missing statuses: every completed rate lies between the worst and the best case", () => {
    const b = estimandRates(timelines, { endpoint: "clinicalResponse", estimands: ["worstCase", "bestCase"], timepoints: opts.timepoints });
    expect(r.rates.length).toBeGreaterThan(0);
    for (const x of r.rates) {
      const lo = b.rates.find((y) => y.estimand === "worstCase" && y.group === x.group && y.timepoint === x.timepoint)!;
      const hi = b.rates.find((y) => y.estimand === "bestCase" && y.group === x.group && y.timepoint === x.timepoint)!;
      expect(lo.denominator).toBe(x.denominator);
      for (const q of x.estimates) {
        expect(q * x.denominator).toBeGreaterThanOrEqual(lo.events - 1e-9);
        expect(q * x.denominator).toBeLessThanOrEqual(hi.events + 1e-9);
        expect(Number.isInteger(Math.round(q * x.denominator * 1e9) / 1e9)).toBe(true);
      }
    }
  });
  it("pools by Rubin's rules with complete-data df N - 1", () => {
    for (const x of r.rates) {
      const n = x.denominator;
      expect(x.pool).toEqual(poolRubin(x.estimates, x.estimates.map((q) => (q * (1 - q)) / n), { dfComplete: n - 1 }));
      if (x.missing === 0) expect(x.pool.betweenVariance).toBe(0);
    }
    expect(r.differences.length).toBeGreaterThan(0);
    for (const d of r.differences) expect(d.groups).toEqual(["UC", "CD"]);
  });
  it("keeps an audit trail per patient and time point", () => {
    const imputed = r.rows.filter((x) => x.imputed);
    expect(imputed.length).toBeGreaterThan(0);
    for (const x of imputed) {
      expect(x.metIn).toBeGreaterThanOrEqual(0);
      expect(x.metIn).toBeLessThanOrEqual(10);
      expect(x.reason).toMatch(/imputed, met in \d+ of 10 imputations/);
    }
    for (const x of r.rows.filter((y) => !y.imputed && y.observed === "met")) expect(x.metIn).toBe(10);
    for (const m of r.models) expect(["logistic", "beta", "none"]).toContain(m.method);
    expect(r.model).toMatch(/missing at random/);
  });
  it("falls back to a Beta draw when every observed status is equal", () => {
    const statusAt = (t: PatientTimeline) => {
      const tp = t.timepoints.find((x) => x.phase === "induction");
      return tp?.outcomes.clinicalResponse;
    };
    const tl = timelines.filter((t) => statusAt(t)?.status === "met" || statusAt(t)?.code === "noFollowUp");
    expect(tl.some((t) => statusAt(t)?.code === "noFollowUp")).toBe(true);
    const res = multipleImputation(tl, { endpoint: "clinicalResponse", m: 4, seed: 3, timepoints: opts.timepoints, groupOf: Object.fromEntries(tl.map((t) => [t.patientId, "all"])) });
    const ind = res.models.find((m) => m.timepoint === "induction")!;
    expect(ind.method).toBe("beta");
    expect(ind.reason).toMatch(/every observed status is met; rate drawn from Beta\(\d+ \+ 1\/2, 0 \+ 1\/2\)/);
  });
  it("rejects bad input, naming it", () => {
    expect(() => multipleImputation(timelines, { ...opts, m: 1 })).toThrow(/multipleImputation: options.m must be an integer 2..1000/);
    expect(() => multipleImputation(timelines, { ...opts, seed: 0.5 })).toThrow(/options.seed must be a safe integer/);
    const { [timelines[0]!.patientId]: _gone, ...fewer } = covariates;
    void _gone;
    expect(() => multipleImputation(timelines, { ...opts, covariates: fewer })).toThrow(/has no values for patient/);
    expect(() => multipleImputation(timelines, { ...opts, covariates: { ...covariates, [timelines[0]!.patientId]: [NaN, 1] } })).toThrow(/must be a finite number/);
    expect(() => multipleImputation(timelines, { ...opts, m2: 3 } as never)).toThrow(/options.m2 is not an option/);
    expect(() => multipleImputation(timelines, { ...opts, covariateNames: ["a"] })).toThrow(/covariateNames must be 2 strings/);
  });
});
