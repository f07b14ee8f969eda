/**
 * Comparative-effectiveness benchmarks.
 *
 * - `matchNearest` 1:1 without replacement on 100,000 treated x 400,000 controls (distance = the
 *   logit of a propensity score), no caliper and with a 0.2 SD caliper.
 * - `iptwWeights` (ATE, stabilised, truncated at 1%/99%) on 1,000,000 subjects, and the full
 *   `propensityScore` (logistic regression, 5 covariates) + `iptwWeights` on 1,000,000 subjects.
 *
 * Data come from a seeded generator so R sees the same numbers: `BENCH_CE_DUMP=path` writes the
 * 1,000,000-row data (5 covariates, treatment) as CSV and `Rscript bench/comparative-effectiveness.R
 * path` times R: glm + weights on all rows, and the plain-R reference matcher
 * (src/stats/matchNearest/reference.R) and Debian's MatchIt 4.5.1 on subsamples (both compare every
 * treated unit with every control, O(n_t x n_c), so the full 100,000 x 400,000 case is out of their
 * reach; their times are given with the subsample sizes). Figures measured on the shared
 * development machine are in the constant `R` below, with the load average.
 */
import type { Bench, BenchOptions } from "tinybench";
import { createRandom } from "../src/stats/_random/index.js";
import { iptwWeights } from "../src/stats/iptwWeights/index.js";
import { matchNearest } from "../src/stats/matchNearest/index.js";
import { propensityScore } from "../src/stats/propensityScore/index.js";
import { dumpCsvIfAsked, normalSampler } from "./_lib.js";

/**
 * R 4.2.2 on the same data (bench/comparative-effectiveness.R), same shared machine, 2026-12-04,
 * load average about 3 on 2 cores.
 */
const R = {
  glmWeights: "R glm + weights 1e6 x 5: CPU 3.3 s",
  reference: "plain-R reference 5,000 x 20,000: 37 s (extrapolated 100,000 x 400,000: ~4 h)",
  matchit: "MatchIt 4.5.1 10,000 x 40,000: 3.3 s (extrapolated x400: ~22 min)",
};

/** 1,000,000 subjects: 5 standard normal covariates and a logistic treatment (about 20% treated). */
export function ceBenchData(n = 1_000_000, seed = 17): { X: number[][]; treatment: number[] } {
  const rng = createRandom(seed);
  const normal = normalSampler(rng);
  const X: number[][] = [];
  const treatment: number[] = [];
  for (let i = 0; i < n; i++) {
    const row = [normal(), normal(), normal(), normal(), normal()];
    const eta = -1.6 + 0.5 * row[0]! - 0.3 * row[1]! + 0.4 * row[2]! + 0.2 * row[3]! - 0.1 * row[4]!;
    X.push(row);
    treatment.push(rng.nextFloat() < 1 / (1 + Math.exp(-eta)) ? 1 : 0);
  }
  return { X, treatment };
}

/** 100,000 treated and 400,000 controls with logit-scale distances (controls shifted lower). */
export function matchBenchData(seed = 23): { distance: number[]; treatment: number[] } {
  const rng = createRandom(seed);
  const normal = normalSampler(rng);
  const distance: number[] = [];
  const treatment: number[] = [];
  for (let i = 0; i < 500_000; i++) {
    const t = i % 5 === 0 ? 1 : 0;
    distance.push(t === 1 ? -0.8 + normal() : -1.6 + normal());
    treatment.push(t);
  }
  return { distance, treatment };
}

export const options: BenchOptions = { iterations: 3, warmupIterations: 1, time: 0, warmupTime: 0 };

export default function (bench: Bench): void {
  const m = matchBenchData();
  const d = ceBenchData();
  dumpCsvIfAsked("BENCH_CE_DUMP", () => d.X.map((r, i) => [...r, d.treatment[i]]));
  dumpCsvIfAsked("BENCH_CE_MATCH_DUMP", () => m.distance.map((v, i) => [v, m.treatment[i]]));
  const ps = propensityScore(d.X, d.treatment);
  bench
    .add(`matchNearest 1:1, 100,000 treated x 400,000 controls (${R.reference}; ${R.matchit})`, () => {
      matchNearest(m.distance, m.treatment);
    })
    .add("matchNearest 1:1 caliper 0.2 SD, 100,000 x 400,000", () => {
      matchNearest(m.distance, m.treatment, { caliper: 0.2 });
    })
    .add("iptwWeights ATE stabilised + truncation 1%/99%, 1,000,000 subjects", () => {
      iptwWeights(ps.score, d.treatment, { stabilize: true, truncate: { lower: 0.01, upper: 0.99 } });
    })
    .add(`propensityScore (glm, 5 covariates) + iptwWeights, 1,000,000 subjects (${R.glmWeights})`, () => {
      const p = propensityScore(d.X, d.treatment);
      iptwWeights(p.score, d.treatment, { stabilize: true });
    });
}
