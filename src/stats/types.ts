/**
 * Shared result types of the statistical tests.
 * @packageDocumentation
 */

/** Direction of the alternative hypothesis, as R's `alternative` argument. */
export type Alternative = "two-sided" | "less" | "greater";

/** The result of a hypothesis test (plain data, mirrors R's `htest`). */
export interface TestResult {
  /** Human name, as R prints it, e.g. "Pearson's Chi-squared test" (informative only). */
  method: string;
  /** R's statistic: W, V, t, X-squared, Kruskal-Wallis chi-squared, Q, ... */
  statistic: number;
  /** R's parameter (degrees of freedom), where the test has one. */
  df?: number;
  /** The p-value. */
  pValue: number;
  /** Point estimate, as listed per function. */
  estimate?: number;
  /** Confidence interval of the estimate. */
  confInt?: [number, number];
  /** The alternative hypothesis, where the test has one. */
  alternative?: Alternative;
}
