/**
 * Elastic net benchmarks on 2,000 x 100 (alpha 0.5):
 *
 * - `cvElasticNet` binomial with 10 given folds, vs R `cv.glmnet(X, y, family = "binomial",
 *   alpha = 0.5, foldid = foldId)`;
 * - one binomial `elasticNet` path, vs R `glmnet(X, y, family = "binomial", alpha = 0.5)`;
 * - the same two for the gaussian response `yGauss`.
 *
 * Data come from a seeded generator so R sees the same numbers: `BENCH_GLMNET_DUMP=path` writes
 * them as CSV (100 predictors, y, fold id, yGauss) and `Rscript bench/stats2-glmnet.R path`
 * times R. Each task takes up to a second or so, hence the few iterations (`options`).
 * R's median times on the development machine are in the task names (tinybench has no notes
 * field). glmnet stops coordinate descent at its default `thresh = 1e-7`; this package solves
 * every lambda far more tightly, so the fair comparison is also with R at a tight `thresh`.
 */
import type { Bench, BenchOptions } from "tinybench";
import { cvElasticNet } from "../src/stats/cvElasticNet/index.js";
import { elasticNet } from "../src/stats/elasticNet/index.js";
import { createRandom } from "../src/stats/_random/index.js";
import { dumpCsvIfAsked, normalSampler } from "./_lib.js";

/**
 * Correlated normal design (rho = 0.3) with 10 informative features, a logistic response `y` and
 * a gaussian one `yGauss` (same linear predictor plus N(0, 1) noise, from a second generator so
 * that X and y do not depend on it).
 */
export function benchData(n = 2000, p = 100, seed = 7): { X: number[][]; y: number[]; yGauss: number[]; foldId: number[] } {
  const rng = createRandom(seed);
  const normal = normalSampler(rng);
  const X: number[][] = [];
  const y: number[] = [];
  const foldId: number[] = [];
  for (let i = 0; i < n; i++) {
    const common = normal();
    const row: number[] = [];
    for (let j = 0; j < p; j++) row.push(Math.sqrt(0.7) * normal() + Math.sqrt(0.3) * common);
    let eta = -0.5;
    for (let j = 0; j < 10; j++) eta += (j % 2 === 0 ? 0.6 : -0.4) * row[j]!;
    y.push(rng.nextFloat() < 1 / (1 + Math.exp(-eta)) ? 1 : 0);
    X.push(row);
    foldId.push((i % 10) + 1);
  }
  const noise = normalSampler(createRandom(seed + 1));
  const yGauss = X.map((row) => {
    let eta = -0.5 + noise();
    for (let j = 0; j < 10; j++) eta += (j % 2 === 0 ? 0.6 : -0.4) * row[j]!;
    return eta;
  });
  return { X, y, yGauss, foldId };
}

/**
 * R 4.2.2 / glmnet 4.1-6 medians on the same data (bench/stats2-glmnet.R), shared 2-core machine
 * (load average 2-5), 2026-11-25; CPU seconds, wall in brackets. glmnet stops at its default
 * `thresh = 1e-7`; this package solves each lambda to about 1e-11 (see the thresh lines).
 */
const R = {
  cv: "0.42 s cpu (0.68 s wall); thresh 1e-10: 1.4 s cpu; thresh 1e-14: 7.5 s cpu",
  path: "0.035 s cpu (0.045 s wall)",
  gaussCv: "0.10 s cpu (0.12 s wall)",
  gaussPath: "0.006 s cpu",
};

/** Few, slow iterations: `npm run bench` stays short. */
export const options: BenchOptions = { iterations: 3, warmupIterations: 1, time: 0, warmupTime: 0 };

export default function (bench: Bench): void {
  const { X, y, yGauss, foldId } = benchData();
  dumpCsvIfAsked("BENCH_GLMNET_DUMP", () => X.map((r, i) => [...r, y[i], foldId[i], yGauss[i]]));
  bench.add(`cvElasticNet binomial 2000x100 alpha 0.5, 10 folds [R cv.glmnet: ${R.cv}]`, () => {
    cvElasticNet(X, y, { family: "binomial", alpha: 0.5, foldId });
  });
  bench.add(`elasticNet binomial 2000x100 alpha 0.5, one path [R glmnet: ${R.path}]`, () => {
    elasticNet(X, y, { family: "binomial", alpha: 0.5 });
  });
  bench.add(`cvElasticNet gaussian 2000x100 alpha 0.5, 10 folds [R cv.glmnet: ${R.gaussCv}]`, () => {
    cvElasticNet(X, yGauss, { alpha: 0.5, foldId });
  });
  bench.add(`elasticNet gaussian 2000x100 alpha 0.5, one path [R glmnet: ${R.gaussPath}]`, () => {
    elasticNet(X, yGauss, { alpha: 0.5 });
  });
}
