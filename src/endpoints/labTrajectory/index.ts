/**
 * Lab trajectories: each analyte at baseline and every time point, canonical units, normal-range flags.
 */
import { describeValue } from "../../_lib/errors.js";
import type { IsoDate } from "../../models/common.js";
import { convertLab, flagLab, LAB_UNITS, type Analyte, type LabFlag, type LabUnit, type ReferenceRange } from "../../models/labPanel.js";
import type { Patient } from "../../models/patient.js";
import type { TreatmentCourse, TreatmentCourseInput } from "../../models/treatmentCourse.js";
import type { Visit } from "../../models/visit.js";
import { mao2025 } from "../profiles/data.js";
import { ensureProfile } from "../profiles/index.js";
import type { DefinitionProfile } from "../profiles/schema.js";
import { nearestVisit, timelineFrame } from "../patientTimeline/index.js";
import type { TimepointKey } from "../types.js";

/**
 * The analytes of the paper's lab follow-up (Methods; Results: Inflammatory Markers, Nutritional Status,
 * Other Laboratory Parameters), in that order; `hdlCToTotalCholesterol` is the HDL-C/TC ratio
 * (unitless; the paper's "mmol/L" is an artefact) computed from one panel holding both.
 * @example
 * TRAJECTORY_ANALYTES.length;
 * //=> 14
 * @see Mao Y, et al. Drug Des Devel Ther 2025 (Methods).
 */
export const TRAJECTORY_ANALYTES = Object.freeze([
  "crp",
  "fecalCalprotectin",
  "esr",
  "vitaminD",
  "albumin",
  "wbc",
  "hemoglobin",
  "platelets",
  "alt",
  "ast",
  "hdlC",
  "totalCholesterol",
  "hdlCToTotalCholesterol",
  "ldlC",
] as const);
/** An analyte of a lab trajectory. */
export type TrajectoryAnalyte = (typeof TRAJECTORY_ANALYTES)[number];

/** One row of a lab trajectory. */
export interface LabTrajectoryRow {
  readonly patientId: string;
  readonly timepoint: TimepointKey;
  readonly analyte: TrajectoryAnalyte;
  /** Value in the canonical unit (`null` = no value in the window). */
  readonly value: number | null;
  /** Canonical unit (`"ratio"` for HDL-C/TC). */
  readonly unit: string;
  /** Against the reference range (`null` when no value, or no range: the HDL-C/TC ratio). */
  readonly flag: LabFlag | null;
  /** Date of the panel (its own `date`, else the visit's); `null` when no value. */
  readonly date: IsoDate | null;
}

/** Options of {@link labTrajectory}. */
export interface LabTrajectoryOptions {
  /** Reference ranges to use instead of the paper's (merged over them), canonical units. */
  readonly ranges?: Readonly<Partial<Record<Analyte, ReferenceRange>>>;
  /** Emit rows with `value: null` for time points without a value (default `true`, so N stays the cohort). */
  readonly includeMissing?: boolean;
  /** Skip schema validation of patient, course and visits (hot path). Default `false`. */
  readonly validated?: boolean;
}

function ratioUnit(a: TrajectoryAnalyte): string {
  return a === "hdlCToTotalCholesterol" ? "ratio" : LAB_UNITS[a].canonical;
}

/**
 * A patient's lab values at baseline and each time point of the profile, in canonical units with
 * normal-range flags, as plain rows for the cohort tables.
 * @remarks Time points and windows: the profile's schedule (`mao2025`: w0, w8|w12, w26, w52, w78).
 * Per analyte, the visit in the window holding that analyte nearest the target date; equal distance →
 * the earlier visit; same date → the first in input order (as `patientTimeline`). Units: `LAB_UNITS`
 * canonical (CRP mg/L, FC µg/g, ESR mm/h, 25(OH)D nmol/L, albumin g/L, WBC and PLT 10⁹/L, Hb g/L,
 * ALT/AST U/L, lipids mmol/L). Flags: `flagLab` with the paper's ranges (or `options.ranges`).
 * @param patient - The patient.
 * @param course - The treatment course (start date anchors the schedule).
 * @param visits - The patient's visits with `labs`.
 * @param profile - Default `mao2025`.
 * @param options - `ranges`, `includeMissing`, `validated`.
 * @returns Rows in time point then analyte order. Inputs are not modified.
 * @throws {TypeError|RangeError} If an input fails its schema or belongs to another patient.
 * @example
 * labTrajectory(
 *   { id: "P1", sex: "male", birthDate: "1980-01-01", diagnosis: "UC", diagnosisDate: "2010-01-01" },
 *   { patientId: "P1", startDate: "2024-01-01", dosePeriods: [{ doseMg: 45, startDate: "2024-01-01" }] },
 *   [{ patientId: "P1", date: "2024-01-01", labs: { crp: { value: 1.2, unit: "mg/dL" } } }],
 *   mao2025, { includeMissing: false });
 * //=> [{ patientId: "P1", timepoint: "w0", analyte: "crp", value: 12, unit: "mg/L", flag: "high", date: "2024-01-01" }]
 * @see Mao Y, et al. Drug Des Devel Ther 2025 (Methods: reference ranges; Results: Figures 6-7).
 */
export function labTrajectory(
  patient: Patient,
  course: TreatmentCourse | TreatmentCourseInput,
  visits: readonly Visit[],
  profile: DefinitionProfile = mao2025,
  options?: LabTrajectoryOptions,
): LabTrajectoryRow[] {
  const fn = "labTrajectory";
  const p = ensureProfile(profile, fn);
  if (options !== undefined && (options === null || typeof options !== "object")) {
    throw new TypeError(`${fn}: options must be an object; got ${describeValue(options)}.`);
  }
  const frame = timelineFrame(fn, patient, course, visits, p, options?.validated === true);
  const includeMissing = options?.includeMissing !== false;
  const rows: LabTrajectoryRow[] = [];
  for (const { spec, target, from, to } of frame.slots) {
    for (const analyte of TRAJECTORY_ANALYTES) {
      const needs: readonly Analyte[] = analyte === "hdlCToTotalCholesterol" ? ["hdlC", "totalCholesterol"] : [analyte];
      const best = nearestVisit(frame.sorted, target, from, to, ({ labs }) => labs !== undefined && needs.every((a) => labs[a] !== undefined));
      if (best === undefined) {
        if (includeMissing) rows.push({ patientId: frame.patient.id, timepoint: spec.key, analyte, value: null, unit: ratioUnit(analyte), flag: null, date: null });
        continue;
      }
      const labs = best.labs!;
      const canon = (a: Analyte): number => {
        const m = labs[a] as { value: number; unit: string };
        return convertLab(a, m.value, m.unit as LabUnit<typeof a>);
      };
      let value: number;
      let flag: LabFlag | null;
      if (analyte === "hdlCToTotalCholesterol") {
        const tc = canon("totalCholesterol");
        if (tc === 0) {
          if (includeMissing) rows.push({ patientId: frame.patient.id, timepoint: spec.key, analyte, value: null, unit: "ratio", flag: null, date: null });
          continue;
        }
        value = canon("hdlC") / tc;
        flag = null;
      } else {
        value = canon(analyte);
        flag = flagLab(analyte, value, options?.ranges);
      }
      rows.push({ patientId: frame.patient.id, timepoint: spec.key, analyte, value, unit: ratioUnit(analyte), flag, date: labs.date ?? best.date });
    }
  }
  return rows;
}
