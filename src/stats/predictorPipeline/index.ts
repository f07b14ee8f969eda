import { assertOneOf, describeValue } from "../../_lib/errors.js";
import { borutaSelection, type BorutaSelectionResult } from "../borutaSelection/index.js";
import { cvElasticNet } from "../cvElasticNet/index.js";
import { logisticRegression, type ConfIntMethod, type LogisticRegressionResult } from "../logisticRegression/index.js";
import { rocCurve, type RocCurveResult } from "../rocCurve/index.js";

const FN = "predictorPipeline";

/** Boruta settings of {@link predictorPipeline} (those of `borutaSelection`, names aside). */
export interface PredictorPipelineBorutaOptions {
  /** Seed of the random forests (default: the pipeline's `seed`). */
  readonly seed?: number;
  /** Maximal number of importance runs (default 100). */
  readonly maxRuns?: number;
  /** Significance level of Boruta's tests (default 0.01). */
  readonly pValue?: number;
  /** Trees per forest (default 500). */
  readonly nTrees?: number;
}

/** Options of {@link predictorPipeline}. */
export interface PredictorPipelineOptions {
  /** Candidate predictors, in order (default: every column of `columns`, in insertion order). */
  readonly predictors?: readonly string[];
  /** Elastic-net mixing in (0, 1]; default 1 (the lasso, glmnet's default). */
  readonly alpha?: number;
  /** Number of cross-validation folds when `foldId` is absent (default 10). */
  readonly nFolds?: number;
  /** Fold label (1..K) of each observation, as cv.glmnet's `foldid`; overrides `nFolds`/`seed`. */
  readonly foldId?: readonly number[];
  /** Seed of the fold draw and (unless `boruta.seed` is set) of Boruta. Default 1. */
  readonly seed?: number;
  /** Lambda at which predictors are read: `'min'` (lambda.min, default) or `'1se'` (lambda.1se). */
  readonly lambda?: "min" | "1se";
  /** Boruta settings, or `false` to skip Boruta (every elastic-net predictor then survives). */
  readonly boruta?: PredictorPipelineBorutaOptions | false;
  /** Let Boruta's tentative predictors survive as well as the confirmed ones (default false). */
  readonly includeTentative?: boolean;
  /** Confidence level of the logistic intervals and of the AUC interval (default 0.95). */
  readonly confLevel?: number;
  /** Intervals of the logistic model: `'profile'` (default) or `'wald'`. */
  readonly confIntMethod?: ConfIntMethod;
}

/** The elastic-net step of {@link predictorPipeline}. */
export interface PipelineElasticNetStep {
  readonly alpha: number;
  /** cv.glmnet's lambda sequence, mean CV deviance and its standard error. */
  readonly lambda: number[];
  readonly cvm: number[];
  readonly cvsd: number[];
  readonly lambdaMin: number;
  readonly lambda1se: number;
  /** The lambda the predictors were read at (lambdaMin or lambda1se). */
  readonly lambdaUsed: number;
  /** Fold label of each observation. */
  readonly foldId: number[];
  /** Intercept and every candidate's coefficient at `lambdaUsed` (original scale). */
  readonly intercept: number;
  readonly coefficients: { readonly name: string; readonly estimate: number }[];
  /** Candidates with a non-zero coefficient at `lambdaUsed`, in candidate order. */
  readonly selected: string[];
}

/** Result of {@link predictorPipeline}: every step's result. */
export interface PredictorPipelineResult {
  /** Number of observations. */
  readonly n: number;
  /** Number of events (outcome 1). */
  readonly events: number;
  /** Candidate predictors offered to the elastic net. */
  readonly candidates: string[];
  readonly elasticNet: PipelineElasticNetStep;
  /** Boruta on the elastic-net predictors; `null` when skipped or when the elastic net kept none. */
  readonly boruta: BorutaSelectionResult | null;
  /** Predictors of the final logistic model. */
  readonly selected: string[];
  /** Multivariable logistic regression on `selected`; `null` when no predictor survived. */
  readonly logistic: LogisticRegressionResult | null;
  /** ROC of the logistic model's fitted probabilities; `null` when no predictor survived. */
  readonly roc: RocCurveResult | null;
  /** Why a step was skipped, in words (empty when every step ran). */
  readonly notes: string[];
}

const OPTION_KEYS = new Set(["predictors", "alpha", "nFolds", "foldId", "seed", "lambda", "boruta", "includeTentative", "confLevel", "confIntMethod"]);
const BORUTA_KEYS = new Set(["seed", "maxRuns", "pValue", "nTrees"]);

function readNumber(v: unknown, name: string, dflt: number, ok: (v: number) => boolean, rule: string): number {
  if (v === undefined) return dflt;
  if (typeof v !== "number") throw new TypeError(`${FN}: ${name} must be a number; got ${describeValue(v)}.`);
  if (!ok(v)) throw new RangeError(`${FN}: ${name} must be ${rule}; got ${describeValue(v)}.`);
  return v;
}

/**
 * Runs one step, re-throwing its RangeError/TypeError under this function's name (the user called
 * predictorPipeline, not the step), with the step named and the original error as `cause`.
 */
function inStep<T>(step: string, inner: string, run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof RangeError || e instanceof TypeError) {
      const rest = e.message.startsWith(`${inner}: `) ? e.message.slice(inner.length + 2) : e.message;
      const Ctor = e instanceof RangeError ? RangeError : TypeError;
      throw new Ctor(`${FN}: ${step} step (${inner}) rejected its input: ${rest}`, { cause: e });
    }
    throw e;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/**
 * The paper's predictor-selection and modelling pipeline, as one call: elastic net with 10-fold
 * cross-validation selects predictors, Boruta confirms them, a multivariable logistic regression
 * is fitted on the survivors and its fitted probabilities get a ROC curve with AUC.
 *
 * @remarks
 * 1. `cvElasticNet(X, outcome, { family: 'binomial', alpha, nFolds | foldId, seed })`
 *    (deviance loss, as `cv.glmnet(type.measure = 'deviance')`); the predictors with a non-zero
 *    coefficient at lambda.min (or lambda.1se) are kept.
 * 2. `borutaSelection` on those predictors only; the `Confirmed` ones survive (plus `Tentative`
 *    with `includeTentative`). `boruta: false` skips this step.
 * 3. `logisticRegression` of the outcome on the survivors (intercept, profile or Wald intervals).
 * 4. `rocCurve(fitted probabilities, outcome)` (direction chosen by pROC's rule), AUC with DeLong
 *    interval and the Youden point. The AUC is apparent (in-sample), as in the paper.
 * When no predictor survives a step, the later steps are not run: their results are `null` and
 * `notes` says why. The paper used this order (elastic net, then Boruta on the elastic-net
 * predictors, then logistic regression and ROC); it did not report alpha, so glmnet's default
 * (the lasso, alpha = 1) is the default here.
 *
 * @param columns - Predictor columns by name (finite numbers; binary predictors as 0/1), all as
 *   long as `outcome`.
 * @param outcome - 0/1 outcome per observation (both values must occur).
 * @param options - {@link PredictorPipelineOptions}.
 * @returns Every step's result: {@link PredictorPipelineResult}.
 * @throws {TypeError} If an argument has the wrong kind or an option is unknown or of the wrong kind.
 * @throws {RangeError} If a column is missing, of the wrong length or holds NaN/Infinity, the
 *   outcome is not 0/1, or a step rejects its input (its own message, e.g. too few rows).
 * @example
 * const age = [23, 35, 41, 52, 29, 61, 47, 38, 55, 33, 44, 58, 26, 49, 63, 31, 40, 57, 36, 50];
 * const prior = [0, 1, 0, 1, 0, 1, 1, 0, 1, 0, 0, 1, 0, 1, 1, 0, 1, 1, 0, 0];
 * const y = [1, 1, 0, 0, 1, 0, 1, 1, 0, 1, 1, 0, 1, 0, 0, 1, 0, 0, 1, 1];
 * const r = predictorPipeline({ age, prior }, y, { boruta: false, confIntMethod: "wald" });
 * r.elasticNet.selected;
 * //=> ["age", "prior"]
 * r.roc !== null && r.roc.auc > 0.8;
 * //=> true
 * @see R: `glmnet::cv.glmnet(family = "binomial")`, `Boruta::Boruta`, `stats::glm(family = binomial)`,
 *   `pROC::roc` + `pROC::ci.auc`.
 * @see Friedman J, Hastie T, Tibshirani R. Regularization paths for generalized linear models
 *   via coordinate descent. J Stat Softw 2010;33(1):1-22. doi:10.18637/jss.v033.i01
 * @see Kursa MB, Rudnicki WR. Feature selection with the Boruta package. J Stat Softw
 *   2010;36(11):1-13. doi:10.18637/jss.v036.i11
 */
export function predictorPipeline(
  columns: Readonly<Record<string, readonly number[]>>,
  outcome: readonly number[],
  options: PredictorPipelineOptions = {},
): PredictorPipelineResult {
  const rawOptions: unknown = options;
  if (!isRecord(rawOptions)) throw new TypeError(`${FN}: options must be an object; got ${describeValue(rawOptions)}.`);
  for (const key of Object.keys(rawOptions)) {
    if (!OPTION_KEYS.has(key)) throw new TypeError(`${FN}: options.${key} is not a known option; got ${describeValue(rawOptions[key])}.`);
  }
  if (!isRecord(columns)) throw new TypeError(`${FN}: columns must be an object of named numeric columns; got ${describeValue(columns)}.`);
  if (!Array.isArray(outcome)) throw new TypeError(`${FN}: outcome must be an array of 0/1 numbers; got ${describeValue(outcome)}.`);
  const n = outcome.length;
  let events = 0;
  for (let i = 0; i < n; i++) {
    const v: unknown = outcome[i];
    if (typeof v !== "number") throw new TypeError(`${FN}: outcome[${i}] must be a number (0 or 1); got ${describeValue(v)}.`);
    if (v !== 0 && v !== 1) throw new RangeError(`${FN}: outcome[${i}] must be 0 or 1; got ${describeValue(v)}.`);
    events += v;
  }
  if (events === 0 || events === n) throw new RangeError(`${FN}: outcome must contain both 0 and 1; got ${events} ones in ${n}.`);

  let candidates: string[];
  if (options.predictors === undefined) {
    candidates = Object.keys(columns);
  } else {
    if (!Array.isArray(options.predictors)) throw new TypeError(`${FN}: options.predictors must be an array of column names; got ${describeValue(options.predictors)}.`);
    candidates = (options.predictors as unknown[]).map((v, j) => {
      if (typeof v !== "string") throw new TypeError(`${FN}: options.predictors[${j}] must be a string; got ${describeValue(v)}.`);
      return v;
    });
    const seen = new Set<string>();
    for (const c of candidates) {
      if (seen.has(c)) throw new RangeError(`${FN}: options.predictors must not repeat a name; got "${c}" twice.`);
      seen.add(c);
    }
  }
  if (candidates.length < 2) throw new RangeError(`${FN}: the elastic net needs at least 2 candidate predictors; got ${candidates.length}.`);
  for (const name of candidates) {
    const col: unknown = Object.hasOwn(columns, name) ? columns[name] : undefined;
    if (col === undefined) throw new RangeError(`${FN}: columns.${name} is missing; got undefined.`);
    if (!Array.isArray(col)) throw new TypeError(`${FN}: columns.${name} must be an array of numbers; got ${describeValue(col)}.`);
    if (col.length !== n) throw new RangeError(`${FN}: columns.${name} must have one value per outcome (${n}); got length ${col.length}.`);
    for (let i = 0; i < n; i++) {
      const v: unknown = col[i];
      if (typeof v !== "number") throw new TypeError(`${FN}: columns.${name}[${i}] must be a number; got ${describeValue(v)}.`);
      if (!Number.isFinite(v)) throw new RangeError(`${FN}: columns.${name}[${i}] must be finite; got ${describeValue(v)}.`);
    }
  }
  const alpha = readNumber(options.alpha, "options.alpha", 1, (v) => v > 0 && v <= 1, "in (0, 1]");
  const seed = options.seed ?? 1;
  const which = options.lambda === undefined ? "min" : assertOneOf(FN, "options.lambda", options.lambda, ["min", "1se"] as const);
  const confLevel = readNumber(options.confLevel, "options.confLevel", 0.95, (v) => v > 0 && v < 1, "in (0, 1)");
  const confIntMethod: ConfIntMethod =
    options.confIntMethod === undefined ? "profile" : assertOneOf(FN, "options.confIntMethod", options.confIntMethod, ["profile", "wald"] as const);
  let borutaOptions: PredictorPipelineBorutaOptions | false = {};
  if (options.boruta !== undefined) {
    const rawBoruta: unknown = options.boruta;
    if (rawBoruta !== false && !isRecord(rawBoruta)) {
      throw new TypeError(`${FN}: options.boruta must be false or an object of Boruta settings; got ${describeValue(rawBoruta)}.`);
    }
    if (rawBoruta !== false) {
      for (const key of Object.keys(rawBoruta)) {
        if (!BORUTA_KEYS.has(key)) throw new TypeError(`${FN}: options.boruta.${key} is not a known option; got ${describeValue(rawBoruta[key])}.`);
      }
    }
    borutaOptions = options.boruta;
  }
  if (options.includeTentative !== undefined && typeof options.includeTentative !== "boolean") {
    throw new TypeError(`${FN}: options.includeTentative must be a boolean; got ${describeValue(options.includeTentative)}.`);
  }

  const rowsOf = (names: readonly string[]): number[][] => {
    const cols = names.map((nm) => columns[nm]!);
    const X: number[][] = new Array<number[]>(n);
    for (let i = 0; i < n; i++) X[i] = cols.map((c) => c[i]!);
    return X;
  };
  const notes: string[] = [];

  // 1. Elastic net, K-fold CV on deviance.
  const cvOptions: Parameters<typeof cvElasticNet>[2] = {
    family: "binomial",
    alpha,
    seed,
    ...(options.nFolds !== undefined ? { nFolds: options.nFolds } : {}),
    ...(options.foldId !== undefined ? { foldId: options.foldId } : {}),
  };
  const cv = inStep("elastic-net", "cvElasticNet", () => cvElasticNet(rowsOf(candidates), outcome, cvOptions));
  const lambdaUsed = which === "min" ? cv.lambdaMin : cv.lambda1se;
  const at = cv.coefficients(lambdaUsed);
  const coefficients = candidates.map((name, j) => ({ name, estimate: at.beta[j]! }));
  const enSelected = coefficients.filter((c) => c.estimate !== 0).map((c) => c.name);
  const elasticNet: PipelineElasticNetStep = {
    alpha,
    lambda: [...cv.lambda],
    cvm: [...cv.cvm],
    cvsd: [...cv.cvsd],
    lambdaMin: cv.lambdaMin,
    lambda1se: cv.lambda1se,
    lambdaUsed,
    foldId: [...cv.foldId],
    intercept: at.intercept,
    coefficients,
    selected: enSelected,
  };
  const stop = (why: string, boruta: BorutaSelectionResult | null, selected: string[]): PredictorPipelineResult => {
    notes.push(why);
    return { n, events, candidates, elasticNet, boruta, selected, logistic: null, roc: null, notes };
  };
  if (enSelected.length === 0) return stop(`elastic net kept no predictor at lambda.${which}; later steps not run`, null, []);

  // 2. Boruta on the elastic-net predictors.
  let boruta: BorutaSelectionResult | null = null;
  let selected = enSelected;
  if (borutaOptions === false) {
    notes.push("Boruta skipped (options.boruta = false): every elastic-net predictor enters the logistic model");
  } else {
    const bOpts = borutaOptions;
    boruta = inStep("Boruta", "borutaSelection", () => borutaSelection(rowsOf(enSelected), outcome, { ...bOpts, seed: bOpts.seed ?? seed, names: enSelected }));
    const keep = new Set([...boruta.confirmed, ...(options.includeTentative === true ? boruta.tentative : [])]);
    selected = enSelected.filter((nm) => keep.has(nm));
    if (selected.length === 0) return stop("Boruta confirmed no predictor; logistic regression and ROC not run", boruta, []);
  }

  // 3. Multivariable logistic regression; 4. ROC of its fitted probabilities.
  const logistic = inStep("logistic-regression", "logisticRegression", () => logisticRegression(rowsOf(selected), outcome, { names: selected, confLevel, confIntMethod }));
  const roc = inStep("ROC", "rocCurve", () => rocCurve(logistic.fittedValues, outcome, { confLevel }));
  return { n, events, candidates, elasticNet, boruta, selected, logistic, roc, notes };
}
