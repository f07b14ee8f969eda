import { describeValue } from "../../_lib/errors.js";
import type { EndpointId, TimelineRow } from "../../endpoints/index.js";
import { isArray } from "../_lib/check.js";
import type { OutcomeStatusRow } from "../outcomeRates/index.js";

/** Options of {@link outcomeRowsFromTimeline}. */
export interface OutcomeRowsFromTimelineOptions {
  /** The endpoint to keep. */
  readonly endpoint: EndpointId;
  /** Renames of time points, e.g. `{ w8: "induction", w12: "induction" }` (UC week 8 and CD week 12 together). */
  readonly timepoints?: Readonly<Record<string, string>>;
  /** Group of each patient; default the timeline row's `disease`. */
  readonly groupOf?: Readonly<Record<string, string>>;
}

/**
 * Maps endpoint timeline rows (`timelineRows` of `ibd-outcomes/endpoints`) onto the plain rows of
 * {@link outcomeRates}: one endpoint, time points renamed so the UC and CD schedules line up.
 * @param rows - Timeline rows of every patient.
 * @param options - `endpoint`, `timepoints` renames, `groupOf`.
 * @returns `{ patientId, group, timepoint, status }` rows for that endpoint, in input order.
 * @throws {TypeError} If `rows` is not an array or `endpoint` is not a string.
 * @throws {RangeError} If `groupOf` lacks a patient.
 * @example
 * outcomeRowsFromTimeline([{ patientId: "P1", disease: "UC", timepoint: "w8", endpoint: "clinicalResponse",
 *   status: "met", code: "MET", profileId: "mao2025", profileVersion: "1" }],
 *   { endpoint: "clinicalResponse", timepoints: { w8: "induction" } });
 * //=> [{ patientId: "P1", group: "UC", timepoint: "induction", status: "met" }]
 */
export function outcomeRowsFromTimeline(rows: readonly TimelineRow[], options: OutcomeRowsFromTimelineOptions): OutcomeStatusRow[] {
  const fn = "outcomeRowsFromTimeline";
  if (!isArray(rows)) throw new TypeError(`${fn}: rows must be an array; got ${describeValue(rows)}.`);
  if (typeof options?.endpoint !== "string") throw new TypeError(`${fn}: options.endpoint must be a string; got ${describeValue(options?.endpoint)}.`);
  const rename = options.timepoints ?? {};
  return rows
    .filter((r) => r.endpoint === options.endpoint)
    .map((r) => {
      const group = options.groupOf === undefined ? r.disease : options.groupOf[r.patientId];
      if (group === undefined) throw new RangeError(`${fn}: options.groupOf must give every patient's group; got none for a patient.`);
      const timepoint = Object.prototype.hasOwnProperty.call(rename, r.timepoint) ? rename[r.timepoint]! : r.timepoint;
      return { patientId: r.patientId, group, timepoint, status: r.status };
    });
}
