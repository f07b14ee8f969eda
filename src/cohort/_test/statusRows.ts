/** Outcome status rows with known counts, shared by the outcomeRates tests. */
import type { OutcomeStatusRow } from "../outcomeRates/index.js";

/**
 * `n` patients of `group` per time point, the first `k` met (cumulative: a met patient stays met), the last
 * patient not evaluable, the rest not met.
 */
export function statusRows(group: string, n: number, metByTime: Readonly<Record<string, number>>, prefix: string): OutcomeStatusRow[] {
  const rows: OutcomeStatusRow[] = [];
  for (const [t, k] of Object.entries(metByTime)) {
    for (let i = 0; i < n; i++) rows.push({ patientId: `${prefix}${i}`, group, timepoint: t, status: i < k ? "met" : i === n - 1 ? "not-evaluable" : "not-met" });
  }
  return rows;
}

/** The paper's Figure 5A (steroid-free clinical remission) counts: UC 19, 22, 24 of 28; CD 31, 38, 41 of 52. */
export function figure5aRows(): OutcomeStatusRow[] {
  return [
    ...statusRows("UC", 28, { induction: 19, w26: 22, w52: 24 }, "u"),
    ...statusRows("CD", 52, { induction: 31, w26: 38, w52: 41 }, "c"),
  ];
}
