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

/**
 * All-relevant feature selection by the Boruta method (Kursa & Rudnicki 2010).
 * @remarks Work in progress: the signature is final, the body lands next.
 * @param X - Rows = observations, columns = features.
 * @param y - Class labels.
 * @param options - {@link BorutaSelectionOptions}.
 * @returns {@link BorutaSelectionResult}.
 * @throws {Error} Until implemented.
 * @see Kursa MB, Rudnicki WR. Feature selection with the Boruta package. J Stat Softw
 *   2010;36(11):1-13. doi:10.18637/jss.v036.i11
 * @see R: `Boruta::Boruta`
 */
export function borutaSelection(
  X: readonly (readonly number[])[],
  y: readonly (number | string | boolean)[],
  options?: BorutaSelectionOptions,
): BorutaSelectionResult {
  void X;
  void y;
  void options;
  throw new Error("borutaSelection: not implemented yet.");
}
