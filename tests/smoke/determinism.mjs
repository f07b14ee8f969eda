// Seeded statistics on the built package, printed as JSON (numbers with all 17 digits) for
// scripts/smoke.mjs, which runs this file under Node and Deno and compares the two outputs:
// decisions (folds, chosen lambda, Boruta decisions) must be identical and numbers must agree
// within 1e-12 relative (docs/determinism.md).
import { borutaSelection, cvElasticNet } from "ibd-outcomes/stats";

const n = 60;
const X = Array.from({ length: n }, (_, i) => [Math.sin(i + 1), Math.cos(1.7 * (i + 1)), Math.sin(0.3 * (i + 1)) * 2, ((i * 7) % 11) / 11]);
const yGauss = X.map((r, i) => r[0] - 0.5 * r[1] + 0.1 * Math.sin(5 * i));
const yBin = X.map((r, i) => (r[0] + 0.4 * r[2] + 0.3 * Math.sin(5 * i) > 0 ? 1 : 0));
const cv = cvElasticNet(X, yGauss, { seed: 42, nFolds: 5, alpha: 0.5 });
const at = cv.coefficients(cv.lambdaMin);
const cvBin = cvElasticNet(X, yBin, { seed: 7, family: "binomial" });
const boruta = borutaSelection(X, yBin, { seed: 11, maxRuns: 30, nTrees: 100, names: ["a", "b", "c", "d"] });
console.log(
  JSON.stringify({
    decisions: {
      foldId: cv.foldId,
      lambdaMinIndex: cv.lambda.indexOf(cv.lambdaMin),
      lambda1seIndex: cv.lambda.indexOf(cv.lambda1se),
      binFoldId: cvBin.foldId,
      binLambdaMinIndex: cvBin.lambda.indexOf(cvBin.lambdaMin),
      confirmed: boruta.confirmed,
      tentative: boruta.tentative,
      rejected: boruta.rejected,
    },
    numbers: [...cv.lambda, ...cv.cvm, ...cv.cvsd, at.intercept, ...at.beta, ...cvBin.cvm],
  }),
);
