/**
 * Logistic regression and ROC benchmarks on 100,000 observations.
 *
 * - `logisticRegression` 100,000 x 10 (Wald intervals; the fit itself), vs R
 *   `glm(y ~ X, family = binomial)`.
 * - `logisticRegression` 10,000 x 10 with profile-likelihood intervals, vs R `confint(fit)`.
 * - `rocCurve` 100,000 observations (AUC, DeLong CI, curve, Youden), vs R
 *   `pROC::roc(y, p); ci.auc(r, method = "delong")`.
 *
 * Data come from a seeded generator so R sees the same numbers: `BENCH_GLM_DUMP=path` writes the
 * 100,000-row design as CSV (10 predictors, y, predictor for the ROC), and
 * `Rscript bench/stats2-glm-roc.R path` times R on it (wall and CPU time). R's figures measured on
 * the development machine are in the task names (tinybench has no notes field). The machine is
 * shared and loaded, so wall times swing by 2-3x between runs; CPU times are the steadier
 * comparison.
 */
import type { Bench } from "tinybench";
import { createRandom } from "../src/stats/_random/index.js";
import { logisticRegression } from "../src/stats/logisticRegression/index.js";
import { rocCurve } from "../src/stats/rocCurve/index.js";
import { dumpCsvIfAsked, normalSampler } from "./_lib.js";

/**
 * R 4.2.2 on the same data (bench/stats2-glm-roc.R), same shared machine, 2026-11-24: CPU time
 * (user + system, stable under load) and the range of median wall times over runs under load.
 */
const R = {
  glm: "CPU 0.18-0.20 s, wall 0.21-0.71 s",
  profile: "CPU 1.0 s, wall 1.5-3.5 s",
  roc: "CPU 0.12 s, wall 0.12-0.49 s",
  rocDistinct: "CPU 0.14 s, wall 0.34-0.37 s",
};

/** n x p standard normal design, logistic response, and a noisy score for the ROC. */
export function glmBenchData(n = 100_000, p = 10, seed = 11): { X: number[][]; y: number[]; score: number[] } {
  const rng = createRandom(seed);
  const normal = normalSampler(rng);
  const X: number[][] = [];
  const y: number[] = [];
  const score: number[] = [];
  for (let i = 0; i < n; i++) {
    const row: number[] = [];
    let eta = -0.5;
    for (let j = 0; j < p; j++) {
      const v = normal();
      row.push(v);
      eta += (j % 2 === 0 ? -0.2 : 0.3) * v;
    }
    const yi = rng.nextFloat() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
    X.push(row);
    y.push(yi);
    score.push(Math.round((eta + normal()) * 100) / 100); // ties, as in a rounded clinical score
  }
  return { X, y, score };
}

export default function (bench: Bench): void {
  const { X, y, score } = glmBenchData();
  dumpCsvIfAsked("BENCH_GLM_DUMP", () => X.map((r, i) => [...r, y[i], score[i]]));
  const X10k = X.slice(0, 10_000);
  const y10k = y.slice(0, 10_000);
  bench.add(`logisticRegression 100000x10 wald [R glm: ${R.glm}]`, () => {
    logisticRegression(X, y, { confIntMethod: "wald" });
  });
  bench.add(`logisticRegression 10000x10 profile CIs [R glm + confint: ${R.profile}]`, () => {
    logisticRegression(X10k, y10k);
  });
  bench.add(`rocCurve 100000, rounded score [R pROC roc + ci.auc: ${R.roc}]`, () => {
    rocCurve(score, y);
  });
  const distinct = X.map((r) => r[0]! + 0.5 * r[1]!);
  bench.add(`rocCurve 100000, all distinct (100001 points) [R: ${R.rocDistinct}]`, () => {
    rocCurve(distinct, y);
  });
}
