/**
 * Result shape shared by every score in `ibd-outcomes/scores`.
 */

/**
 * The plain result of a clinical score: the total, the points each item contributed, and the severity
 * band where the definition has one.
 * @remarks `total` always equals the sum of `components` (in their listed order), so a reader can see
 * how the total came about. Plain data: safe to store as JSON.
 */
export interface ScoreResult<C extends Record<string, number>, B extends string = string> {
  /** The score. */
  readonly total: number;
  /** How the total came about: item -> points. */
  readonly components: C;
  /** Severity band where the definition has one; `null` when none applies. */
  readonly band: B | null;
}
