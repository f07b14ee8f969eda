/**
 * Elastic net benchmarks on 2,000 x 100 (binomial, alpha 0.5):
 *
 * - `cvElasticNet` with 10 given folds, vs R `cv.glmnet(X, y, family = "binomial", alpha = 0.5,
 *   foldid = foldId)`;
 * - one `elasticNet` path, vs R `glmnet(X, y, family = "binomial", alpha = 0.5)`.
 *
 * Data come from a seeded generator so R sees the same numbers: `BENCH_GLMNET_DUMP=path` writes
 * them as CSV (100 predictors, y, fold id) and `Rscript bench/stats2-glmnet.R path` times R.
 * R's median times on the development machine are in the task names (tinybench has no notes
 * field). glmnet stops coordinate descent at its default `thresh = 1e-7`; this package polishes
 * every lambda to machine precision, so the fair comparison is also with R at a tight `thresh`.
 */
import { writeFileSync } from "node:fs";
import type { Bench } from "tinybench";
import { cvElasticNet } from "../src/stats/cvElasticNet/index.js";
import { elasticNet } from "../src/stats/elasticNet/index.js";
import { createRandom } from "../src/stats/_random/index.js";

/** Correlated normal design (rho = 0.3) with 10 informative features and a logistic response. */
export function benchData(n = 2000, p = 100, seed = 7): { X: number[][]; y: number[]; foldId: number[] } {
  const rng = createRandom(seed);
  const normal = (): number => {
    const u = 1 - rng.nextFloat();
    const v = rng.nextFloat();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
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
  return { X, y, foldId };
}

/**
 * R 4.2.2 / glmnet 4.1-6 medians on the same data (bench/stats2-glmnet.R), shared machine under
 * load (load average 6-10 on 2 cores), 2026-11-24; CPU seconds, wall in brackets.
 */
const R = {
  cv: "0.47 s cpu (1.2-1.9 s wall); thresh 1e-10: 1.5 s cpu; thresh 1e-14: 7.8 s cpu",
  path: "0.04 s cpu (0.08 s wall)",
};

export default function (bench: Bench): void {
  const { X, y, foldId } = benchData();
  const dump = process.env["BENCH_GLMNET_DUMP"];
  if (dump !== undefined && dump !== "") {
    writeFileSync(dump, X.map((r, i) => [...r, y[i], foldId[i]].join(",")).join("\n") + "\n");
  }
  bench.add(`cvElasticNet binomial 2000x100 alpha 0.5, 10 folds [R cv.glmnet: ${R.cv}]`, () => {
    cvElasticNet(X, y, { family: "binomial", alpha: 0.5, foldId });
  });
  bench.add(`elasticNet binomial 2000x100 alpha 0.5, one path [R glmnet: ${R.path}]`, () => {
    elasticNet(X, y, { family: "binomial", alpha: 0.5 });
  });
}
