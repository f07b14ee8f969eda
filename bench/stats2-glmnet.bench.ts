/**
 * Elastic net benchmarks: cvElasticNet, binomial, 2,000 x 100, alpha 0.5, 10 folds.
 * R reference on the same data: `cv.glmnet(X, y, family = "binomial", alpha = 0.5, foldid = foldId)`
 * (default thresh = 1e-7); see the task's `meta.r` note. Data are generated here from a seeded
 * generator so both sides see the same numbers (`BENCH_GLMNET_DUMP=path` writes them as CSV).
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

export default function (bench: Bench): void {
  const { X, y, foldId } = benchData();
  const dump = process.env["BENCH_GLMNET_DUMP"];
  if (dump !== undefined && dump !== "") {
    writeFileSync(dump, X.map((r, i) => [...r, y[i], foldId[i]].join(",")).join("\n") + "\n");
  }
  bench.add("cvElasticNet binomial 2000x100 alpha 0.5, 10 folds", () => {
    cvElasticNet(X, y, { family: "binomial", alpha: 0.5, foldId });
  });
  bench.add("elasticNet binomial 2000x100 alpha 0.5 (one path)", () => {
    elasticNet(X, y, { family: "binomial", alpha: 0.5 });
  });
}
