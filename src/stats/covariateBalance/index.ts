import { describeValue } from "../../_lib/errors.js";
import { optionRecord, parseTreatment } from "../_common/treatment.js";
import { standardizedMeanDifference, type SmdLevel, type SmdType } from "../standardizedMeanDifference/index.js";

const FN = "covariateBalance";

/** Covariate columns by name, one value per unit (numbers, 0/1 or booleans, or level labels). */
export type CovariateColumns = Readonly<Record<string, readonly (number | boolean | string)[]>>;

/** Options of {@link covariateBalance}. */
export interface CovariateBalanceOptions {
  /** Weights after matching or weighting (one per unit, >= 0); without them only "before" is computed. */
  readonly weights?: readonly number[];
  /** Kind of each covariate by name; default: strings categorical, 0/1 or booleans binary, other numbers continuous. */
  readonly types?: Readonly<Record<string, SmdType>>;
  /** |SMD| above which a covariate counts as imbalanced. Default 0.1. */
  readonly threshold?: number;
}

/** Balance of one covariate in one sample (before or after). */
export interface BalanceStats {
  /** Standardised mean difference, treated minus control (Yang-Dalton, unsigned, for categorical). */
  readonly smd: number;
  /** Variance ratio treated / control, continuous covariates only (null otherwise). */
  readonly varianceRatio: number | null;
  /** Mean (continuous) or proportion of 1 (binary) in the treated; null for categorical. */
  readonly treated: number | null;
  /** Same in the controls. */
  readonly control: number | null;
  /** Categorical only: the levels and their proportions per group (null otherwise). */
  readonly levels: { readonly level: SmdLevel; readonly treated: number; readonly control: number }[] | null;
}

/** One covariate's balance before and (with weights) after. */
export interface BalanceRow {
  readonly name: string;
  readonly type: SmdType;
  readonly before: BalanceStats;
  readonly after: BalanceStats | null;
}

/** Result of {@link covariateBalance}. */
export interface CovariateBalanceResult {
  readonly rows: BalanceRow[];
  readonly threshold: number;
  /** Units per group before; after: the units with a positive weight. */
  readonly n: { readonly before: { readonly treated: number; readonly control: number }; readonly after: { readonly treated: number; readonly control: number } | null };
  /** Kish effective sample size per group after weighting (null without weights). */
  readonly ess: { readonly treated: number; readonly control: number } | null;
  /** Largest |SMD| before and after. */
  readonly maxAbsSmd: { readonly before: number; readonly after: number | null };
  /** Covariates with |SMD| above the threshold after weighting (before, without weights). */
  readonly imbalanced: string[];
}

function detectType(values: readonly unknown[]): SmdType {
  let allBinary = true;
  for (const v of values) {
    if (typeof v === "string") return "categorical";
    if (!(typeof v === "boolean" || v === 0 || v === 1)) allBinary = false;
  }
  return allBinary ? "binary" : "continuous";
}

function stats(x1: readonly (number | boolean | string)[], x0: readonly (number | boolean | string)[], type: SmdType, w1: number[] | null, w0: number[] | null, levels: readonly SmdLevel[] | null): BalanceStats {
  const r = standardizedMeanDifference(x1, x0, {
    type,
    ...(w1 !== null ? { weights1: w1 } : {}),
    ...(w0 !== null ? { weights0: w0 } : {}),
    ...(levels !== null ? { levels } : {}),
  });
  if (r.type === "continuous") {
    const vr = r.variance0 === 0 ? (r.variance1 === 0 ? 1 : Infinity) : r.variance1 / r.variance0;
    return { smd: r.smd, varianceRatio: vr, treated: r.mean1, control: r.mean0, levels: null };
  }
  if (r.type === "binary") return { smd: r.smd, varianceRatio: null, treated: r.proportion1, control: r.proportion0, levels: null };
  return { smd: r.smd, varianceRatio: null, treated: null, control: null, levels: r.levels.map((level, k) => ({ level, treated: r.proportions1[k]!, control: r.proportions0[k]! })) };
}

/**
 * Covariate balance between treated and control units before and after matching or weighting:
 * standardised mean differences and variance ratios per covariate.
 *
 * @remarks
 * For each covariate, {@link standardizedMeanDifference} (continuous: difference in means over the
 * root mean of the two variances; binary: the same with p(1 − p); categorical: Yang-Dalton) in the
 * full sample ("before") and, with `weights`, in the weighted sample of units with a positive weight
 * ("after": weighted means, proportions and reliability-weighted variances, as `cobalt::col_w_smd`
 * with the weighted standard deviations). The variance ratio (treated / control) is given for
 * continuous covariates; a ratio far from 1 (outside about 0.5 to 2) signals imbalance that the SMD
 * misses (Austin 2009). |SMD| < 0.1 is the usual balance threshold (Austin 2009; Stuart 2010).
 * Values must not be missing: impute or restrict the cohort first.
 * @param covariates - Columns by name, one value per unit; read in key order.
 * @param treatment - 1 = treated, 0 = control, one per unit; both must occur.
 * @param options - `weights` (after), `types` (by name), `threshold` (0.1).
 * @returns Rows per covariate with before/after statistics, group sizes, effective sample sizes,
 *   the largest |SMD| and the names still imbalanced.
 * @throws {TypeError} If an argument or option has the wrong kind or an option is unknown.
 * @throws {RangeError} If a column has the wrong length or holds a missing or non-finite value,
 *   treatment is not 0/1, or the weights leave a group empty.
 * @example
 * const b = covariateBalance({ age: [50, 60, 40, 45], male: [1, 0, 0, 0] }, [1, 1, 0, 0]);
 * b.rows.map((r) => [r.name, r.type, r.before.smd.toFixed(3)]);
 * //=> [["age", "continuous", "2.236"], ["male", "binary", "1.414"]]
 * @see Austin PC. Balance diagnostics for comparing the distribution of baseline covariates between
 *   treatment groups in propensity-score matched samples. Stat Med 2009;28(25):3083-3107.
 *   doi:10.1002/sim.3697
 * @see Stuart EA. Matching methods for causal inference: a review and a look forward. Stat Sci
 *   2010;25(1):1-21. doi:10.1214/09-STS313
 * @see R: `cobalt::bal.tab`, `cobalt::col_w_smd`, `tableone::ExtractSmd`.
 */
export function covariateBalance(covariates: CovariateColumns, treatment: readonly number[], options: CovariateBalanceOptions = {}): CovariateBalanceResult {
  const opts = optionRecord(FN, options, ["weights", "types", "threshold"]);
  if (covariates === null || typeof covariates !== "object" || Array.isArray(covariates)) throw new TypeError(`${FN}: covariates must be an object of columns by name; got ${describeValue(covariates)}.`);
  const names = Object.keys(covariates);
  if (names.length === 0) throw new RangeError(`${FN}: covariates must hold at least one column; got none.`);
  const { z, nTreated, nControl } = parseTreatment(FN, "treatment", treatment);
  const n = z.length;
  let w: number[] | null = null;
  if (opts.weights !== undefined) {
    if (!Array.isArray(opts.weights)) throw new TypeError(`${FN}: options.weights must be an array of numbers; got ${describeValue(opts.weights)}.`);
    const wa = opts.weights as unknown[];
    if (wa.length !== n) throw new RangeError(`${FN}: options.weights must have one value per unit (${n}); got length ${wa.length}.`);
    w = wa.map((v, i) => {
      if (typeof v !== "number") throw new TypeError(`${FN}: options.weights[${i}] must be a number; got ${describeValue(v)}.`);
      if (!Number.isFinite(v) || v < 0) throw new RangeError(`${FN}: options.weights[${i}] must be a finite number >= 0; got ${describeValue(v)}.`);
      return v;
    });
  }
  let types: Record<string, unknown> | null = null;
  if (opts.types !== undefined) {
    if (opts.types === null || typeof opts.types !== "object" || Array.isArray(opts.types)) throw new TypeError(`${FN}: options.types must be an object of types by covariate name; got ${describeValue(opts.types)}.`);
    types = opts.types as Record<string, unknown>;
    for (const k of Object.keys(types)) if (!names.includes(k)) throw new RangeError(`${FN}: options.types.${k} names no covariate (known: ${names.join(", ")}); got "${String(types[k])}".`);
  }
  let threshold = 0.1;
  if (opts.threshold !== undefined) {
    if (typeof opts.threshold !== "number") throw new TypeError(`${FN}: options.threshold must be a number; got ${describeValue(opts.threshold)}.`);
    if (!(opts.threshold > 0) || !Number.isFinite(opts.threshold)) throw new RangeError(`${FN}: options.threshold must be a positive finite number; got ${describeValue(opts.threshold)}.`);
    threshold = opts.threshold;
  }
  const idxT: number[] = [];
  const idxC: number[] = [];
  for (let i = 0; i < n; i++) (z[i] === 1 ? idxT : idxC).push(i);
  const posT = w === null ? null : idxT.filter((i) => w[i]! > 0);
  const posC = w === null ? null : idxC.filter((i) => w[i]! > 0);
  if (posT !== null && posC !== null && (posT.length === 0 || posC.length === 0)) {
    throw new RangeError(`${FN}: options.weights must give each group a positive weight somewhere; got ${posT.length} treated and ${posC.length} control units with weight > 0.`);
  }
  const rows: BalanceRow[] = [];
  for (const name of names) {
    const col: unknown = covariates[name];
    if (!Array.isArray(col)) throw new TypeError(`${FN}: covariates.${name} must be an array; got ${describeValue(col)}.`);
    if (col.length !== n) throw new RangeError(`${FN}: covariates.${name} must have one value per unit (${n}); got length ${col.length}.`);
    const values = col as (number | boolean | string)[];
    values.forEach((v, i) => {
      if (v === null || v === undefined || (typeof v === "number" && !Number.isFinite(v))) {
        throw new RangeError(`${FN}: covariates.${name}[${i}] is missing or not finite (balance needs complete covariates: impute or restrict first); got ${describeValue(v)}.`);
      }
    });
    const declared = types !== null && Object.hasOwn(types, name) ? types[name] : undefined;
    let type: SmdType;
    if (declared === undefined) type = detectType(values);
    else if (declared === "continuous" || declared === "binary" || declared === "categorical") type = declared;
    else throw new TypeError(`${FN}: options.types.${name} must be "continuous", "binary" or "categorical"; got ${describeValue(declared)}.`);
    // Categorical: the levels of the full sample, so before and after list the same ones.
    let levels: SmdLevel[] | null = null;
    if (type === "categorical") {
      const seen = new Map<SmdLevel, true>();
      for (const v of values) if (typeof v === "string" || typeof v === "number") seen.set(v, true);
      levels = [...seen.keys()];
    }
    const pick = (ix: number[]): (number | boolean | string)[] => ix.map((i) => values[i]!);
    let before: BalanceStats;
    let after: BalanceStats | null = null;
    try {
      before = stats(pick(idxT), pick(idxC), type, null, null, levels);
      if (w !== null) after = stats(pick(posT!), pick(posC!), type, posT!.map((i) => w[i]!), posC!.map((i) => w[i]!), levels);
    } catch (e) {
      if (e instanceof RangeError || e instanceof TypeError) {
        const Ctor = e instanceof RangeError ? RangeError : TypeError;
        throw new Ctor(`${FN}: covariates.${name}: ${e.message.replace(/^standardizedMeanDifference: /, "")}`);
      }
      throw e;
    }
    rows.push({ name, type, before, after });
  }
  const ess = (ix: number[]): number => {
    let s = 0;
    let s2 = 0;
    for (const i of ix) {
      s += w![i]!;
      s2 += w![i]! ** 2;
    }
    return (s * s) / s2;
  };
  const maxBefore = Math.max(...rows.map((r) => Math.abs(r.before.smd)));
  const maxAfter = w === null ? null : Math.max(...rows.map((r) => Math.abs(r.after!.smd)));
  const imbalanced = rows.filter((r) => Math.abs((r.after ?? r.before).smd) > threshold).map((r) => r.name);
  return {
    rows,
    threshold,
    n: { before: { treated: nTreated, control: nControl }, after: w === null ? null : { treated: posT!.length, control: posC!.length } },
    ess: w === null ? null : { treated: ess(posT!), control: ess(posC!) },
    maxAbsSmd: { before: maxBefore, after: maxAfter },
    imbalanced,
  };
}
