/**
 * Accuracy of the bench:r cross-validation workload (cvElasticNet binomial 2,000 x 100, alpha 0.5, 10
 * given folds): ours and R's `cv.glmnet` at its default `thresh = 1e-7` and at 1e-9, 1e-10 and 1e-11
 * (with their CPU times), each against `cv.glmnet` at `thresh = 1e-14` (`maxit = 1e7`) on the same data. Reports the path length, the largest relative
 * differences of lambda and cvm over the common path, of lambdaMin and lambda1se, and of the coefficients
 * at both (largest absolute difference over the largest absolute reference coefficient, intercept
 * included), so that the speed ratio in `npm run bench:r` can be read against what each side delivers.
 *
 * Usage: npx tsx bench/vs-r/glmnet-accuracy.ts   (needs Rscript with glmnet and jsonlite)
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as stats from "../../src/stats/index.js";
import { WORKLOADS } from "./workloads.js";

const w = WORKLOADS.find((x) => x.id === "cv-glmnet");
if (w === undefined) throw new Error("glmnet-accuracy: the cv-glmnet workload is missing");
const d = w.data();
const dir = mkdtempSync(join(tmpdir(), "glmnet-acc-"));
try {
  for (const [k, v] of Object.entries(d)) writeFileSync(join(dir, `${k}.f64`), new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
  const p = 100;
  const flat = d["X"]!;
  const X: number[][] = [];
  for (let i = 0; i < flat.length / p; i++) X.push(Array.from(flat.subarray(i * p, (i + 1) * p)));
  const cv = stats.cvElasticNet(X, Array.from(d["y"]!), { family: "binomial", alpha: 0.5, foldId: Array.from(d["fold"]!) });
  const cMin = cv.coefficients(cv.lambdaMin);
  const c1se = cv.coefficients(cv.lambda1se);
  writeFileSync(join(dir, "ours.json"), JSON.stringify({
    lambda: cv.lambda, cvm: cv.cvm, lambdaMin: cv.lambdaMin, lambda1se: cv.lambda1se,
    min: [cMin.intercept, ...cMin.beta], se: [c1se.intercept, ...c1se.beta],
  }));
  const script = join(dirname(fileURLToPath(import.meta.url)), "glmnet-accuracy.R");
  process.stdout.write(execFileSync("Rscript", [script, dir], { encoding: "utf8" }));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
