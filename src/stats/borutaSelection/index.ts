import { describeValue } from "../../_lib/errors.js";
import { pbinom } from "../_dist/binom.js";
import { checkSeed, createRandom, shuffleInPlace } from "../_random/index.js";
import { parseOptions } from "../_common/validate.js";
import { forestImportance } from "./_forest.js";

/** Options of {@link borutaSelection}. */
export interface BorutaSelectionOptions {
  /** Feature names, one per column of X (default `x1`, `x2`, ...). */
  names?: readonly string[];
  /** Seed of the shadows, bootstrap samples and split candidates (a safe integer; default 1). */
  seed?: number;
  /** Maximal number of importance runs (default 100, at least 11 as in Boruta). */
  maxRuns?: number;
  /** Significance level of the per-feature binomial tests (default 0.01). */
  pValue?: number;
  /** Trees per forest (default 500, as ranger). */
  nTrees?: number;
}

/** Boruta's decision on one feature. */
export type BorutaDecision = "Confirmed" | "Tentative" | "Rejected";

/** Result of {@link borutaSelection}. */
export interface BorutaSelectionResult {
  /** Names of the features confirmed relevant, in column order. */
  confirmed: string[];
  /** Names of the features still undecided after `maxRuns`. */
  tentative: string[];
  /** Names of the features rejected, in column order. */
  rejected: string[];
  /** Decision per feature, in column order. */
  decision: BorutaDecision[];
  /** Feature names, in column order. */
  names: string[];
  /** Number of importance runs done. */
  runs: number;
  /** Hits per feature: runs in which its importance beat the best shadow. */
  hits: number[];
  /** Importance (Z score) per run and feature: `importanceHistory[run][feature]`; `null` once rejected. */
  importanceHistory: (number | null)[][];
  /** Largest, mean and smallest shadow importance per run. */
  shadowMax: number[];
  shadowMean: number[];
  shadowMin: number[];
}

const FN = "borutaSelection";

interface Input {
  n: number;
  p: number;
  x: Float64Array;
  cls: Int32Array;
  nClasses: number;
  names: string[];
  seed: number;
  maxRuns: number;
  pValue: number;
  nTrees: number;
}

function readInput(X: unknown, y: unknown, options: unknown): Input {
  if (!Array.isArray(X)) throw new TypeError(`${FN}: X must be an array of rows; got ${describeValue(X)}.`);
  const n = X.length;
  if (n < 2) throw new RangeError(`${FN}: X must have at least 2 rows; got length ${n}.`);
  const row0: unknown = X[0];
  if (!Array.isArray(row0)) throw new TypeError(`${FN}: X[0] must be an array of numbers; got ${describeValue(row0)}.`);
  const p = row0.length;
  if (p < 1) throw new RangeError(`${FN}: X[0] must hold at least 1 number; got length 0.`);
  const x = new Float64Array(n * p);
  for (let i = 0; i < n; i++) {
    const row: unknown = X[i];
    if (!Array.isArray(row)) throw new TypeError(`${FN}: X[${i}] must be an array of numbers; got ${describeValue(row)}.`);
    if (row.length !== p) throw new RangeError(`${FN}: X[${i}] must have ${p} columns like X[0] (ragged matrix); got length ${row.length}.`);
    for (let j = 0; j < p; j++) {
      const v: unknown = row[j];
      if (typeof v !== "number") throw new TypeError(`${FN}: X[${i}][${j}] must be a number; got ${describeValue(v)}.`);
      if (!Number.isFinite(v)) throw new RangeError(`${FN}: X[${i}][${j}] must be finite; got ${describeValue(v)}.`);
      x[j * n + i] = v;
    }
  }
  if (!Array.isArray(y)) throw new TypeError(`${FN}: y must be an array of class labels; got ${describeValue(y)}.`);
  if (y.length !== n) throw new RangeError(`${FN}: y must have one label per row of X (${n}); got length ${y.length}.`);
  const levels = new Map<string, number>();
  const keys: string[] = [];
  for (let i = 0; i < n; i++) {
    const v: unknown = y[i];
    if (typeof v === "number") {
      if (!Number.isFinite(v)) throw new RangeError(`${FN}: y[${i}] must be finite; got ${describeValue(v)}.`);
    } else if (typeof v !== "string" && typeof v !== "boolean") {
      throw new TypeError(`${FN}: y[${i}] must be a number, string or boolean class label; got ${describeValue(v)}.`);
    }
    const key = `${typeof v}:${String(v)}`;
    keys.push(key);
    if (!levels.has(key)) levels.set(key, 0);
  }
  // Classes in sorted order of their labels, so the coding does not depend on row order.
  const sorted = [...levels.keys()].sort();
  sorted.forEach((k, c) => levels.set(k, c));
  if (sorted.length < 2) throw new RangeError(`${FN}: y must hold at least 2 classes; got 1.`);
  const cls = new Int32Array(n);
  for (let i = 0; i < n; i++) cls[i] = levels.get(keys[i]!)!;
  const o = parseOptions(FN, options, ["names", "seed", "maxRuns", "pValue", "nTrees"]);
  let names: string[];
  if (o["names"] === undefined) names = Array.from({ length: p }, (_, j) => `x${j + 1}`);
  else {
    const nm = o["names"];
    if (!Array.isArray(nm)) throw new TypeError(`${FN}: options.names must be an array of strings; got ${describeValue(nm)}.`);
    if (nm.length !== p) throw new RangeError(`${FN}: options.names must have one name per column of X (${p}); got length ${nm.length}.`);
    names = [];
    const seen = new Set<string>();
    for (let j = 0; j < p; j++) {
      const v: unknown = nm[j];
      if (typeof v !== "string") throw new TypeError(`${FN}: options.names[${j}] must be a string; got ${describeValue(v)}.`);
      if (seen.has(v)) throw new RangeError(`${FN}: options.names[${j}] must be unique; got a repeated ${describeValue(v)}.`);
      seen.add(v);
      names.push(v);
    }
  }
  const seed = o["seed"] === undefined ? 1 : checkSeed(FN, "options.seed", o["seed"]);
  const intOpt = (key: string, def: number, min: number, max: number): number => {
    const v = o[key] === undefined ? def : o[key];
    if (typeof v !== "number") throw new TypeError(`${FN}: options.${key} must be a number; got ${describeValue(v)}.`);
    if (!Number.isInteger(v) || v < min || v > max) throw new RangeError(`${FN}: options.${key} must be an integer in [${min}, ${max}]; got ${describeValue(v)}.`);
    return v;
  };
  const maxRuns = intOpt("maxRuns", 100, 11, 100000);
  const nTrees = intOpt("nTrees", 500, 1, 100000);
  const pv = o["pValue"] === undefined ? 0.01 : o["pValue"];
  if (typeof pv !== "number") throw new TypeError(`${FN}: options.pValue must be a number; got ${describeValue(pv)}.`);
  if (!(pv > 0 && pv < 1)) throw new RangeError(`${FN}: options.pValue must be in (0, 1); got ${describeValue(pv)}.`);
  return { n, p, x, cls, nClasses: sorted.length, names, seed, maxRuns, pValue: pv, nTrees };
}

/**
 * All-relevant feature selection by the Boruta method, on a seeded random forest.
 *
 * @remarks
 * Each run adds a shadow copy of every feature not yet rejected, its values permuted across rows
 * (copies are repeated until there are at least 5 shadows, as Boruta does), fits a random forest
 * (classification trees with Gini splits on bootstrap samples, `floor(sqrt(number of columns))`
 * candidate columns per split, grown to purity, `nTrees` trees) and takes each column's
 * permutation importance on the out-of-bag samples divided by its standard error across trees
 * (ranger's scaled permutation importance, Boruta's default `getImpRfZ`). A feature scores a hit
 * when its importance exceeds the largest shadow importance. After every run each undecided
 * feature is tested with two one-sided binomial tests of its hits against p = 0.5 over the runs
 * so far, Bonferroni-adjusted over all features: it is confirmed when P(X >= hits) * p <
 * `pValue` and rejected when P(X <= hits) * p < `pValue`. Runs stop when nothing is undecided or
 * after `maxRuns` runs; the rest stays tentative (Boruta's `TentativeRoughFix` is not applied).
 * Classification only: `y` holds class labels (numbers, strings or booleans; at least two
 * classes). The same seed gives the same result in every JavaScript engine (integer-only
 * generator); numbers differ from R's Boruta, whose forests are drawn differently, but decisions
 * on clear-cut data agree.
 *
 * @param X - Rows = observations, columns = features (finite numbers); not mutated.
 * @param y - Class label of each row; not mutated.
 * @param options - {@link BorutaSelectionOptions}.
 * @returns Confirmed, tentative and rejected names, the decision, hits and importance history.
 * @throws {TypeError} If X, y or an option has the wrong kind.
 * @throws {RangeError} If X is ragged, empty or not finite, y does not match X or has one class,
 *   names are not one unique name per column, or an option is out of range.
 * @example
 * // x1 decides the class, x2 is noise.
 * const X = Array.from({ length: 60 }, (_, i) => [i % 2 + (i % 7) / 10, (i * 37) % 11]);
 * const y = X.map((r) => (r[0]! >= 1 ? 1 : 0));
 * borutaSelection(X, y, { seed: 1, nTrees: 50 }).confirmed;
 * //=> ["x1"]
 * @see Kursa MB, Rudnicki WR. Feature selection with the Boruta package. J Stat Softw
 *   2010;36(11):1-13. doi:10.18637/jss.v036.i11
 * @see R: `Boruta::Boruta` (with `ranger` permutation importance)
 */
export function borutaSelection(
  X: readonly (readonly number[])[],
  y: readonly (number | string | boolean)[],
  options?: BorutaSelectionOptions,
): BorutaSelectionResult {
  const inp = readInput(X, y, options);
  const { n, p, x } = inp;
  const rng = createRandom(inp.seed);
  const decision: BorutaDecision[] = new Array<BorutaDecision>(p).fill("Tentative");
  const hits = new Array<number>(p).fill(0);
  const importanceHistory: (number | null)[][] = [];
  const shadowMax: number[] = [];
  const shadowMean: number[] = [];
  const shadowMin: number[] = [];
  let runs = 0;
  while (decision.includes("Tentative") && runs < inp.maxRuns) {
    runs++;
    const kept: number[] = [];
    for (let j = 0; j < p; j++) if (decision[j] !== "Rejected") kept.push(j);
    const shadowSrc: number[] = [...kept];
    while (shadowSrc.length < 5) shadowSrc.push(...shadowSrc.slice(0, Math.min(shadowSrc.length, 5 - shadowSrc.length)));
    const m = kept.length + shadowSrc.length;
    const data = new Float64Array(n * m);
    kept.forEach((j, c) => data.set(x.subarray(j * n, (j + 1) * n), c * n));
    const perm = new Int32Array(n);
    shadowSrc.forEach((j, s) => {
      for (let i = 0; i < n; i++) perm[i] = i;
      shuffleInPlace(perm, rng);
      const o = (kept.length + s) * n;
      for (let i = 0; i < n; i++) data[o + i] = x[j * n + perm[i]!]!;
    });
    const mtry = Math.max(1, Math.floor(Math.sqrt(m)));
    const z = forestImportance({ n, m, x: data, cls: inp.cls, nClasses: inp.nClasses }, inp.nTrees, mtry, rng);
    let sMax = -Infinity;
    let sMin = Infinity;
    let sSum = 0;
    for (let s = kept.length; s < m; s++) {
      sMax = Math.max(sMax, z[s]!);
      sMin = Math.min(sMin, z[s]!);
      sSum += z[s]!;
    }
    shadowMax.push(sMax);
    shadowMin.push(sMin);
    shadowMean.push(sSum / shadowSrc.length);
    const row: (number | null)[] = new Array<number | null>(p).fill(null);
    kept.forEach((j, c) => {
      row[j] = z[c]!;
      if (z[c]! > sMax) hits[j] = hits[j]! + 1;
    });
    importanceHistory.push(row);
    // Two one-sided binomial tests per undecided feature, Bonferroni over all p features.
    for (let j = 0; j < p; j++) {
      if (decision[j] !== "Tentative") continue;
      const pAccept = Math.min(1, pbinom(hits[j]! - 1, runs, 0.5, false) * p);
      const pReject = Math.min(1, pbinom(hits[j]!, runs, 0.5, true) * p);
      if (pAccept < inp.pValue) decision[j] = "Confirmed";
      else if (pReject < inp.pValue) decision[j] = "Rejected";
    }
  }
  const pick = (d: BorutaDecision): string[] => inp.names.filter((_, j) => decision[j] === d);
  return {
    confirmed: pick("Confirmed"),
    tentative: pick("Tentative"),
    rejected: pick("Rejected"),
    decision,
    names: inp.names,
    runs,
    hits,
    importanceHistory,
    shadowMax,
    shadowMean,
    shadowMin,
  };
}
