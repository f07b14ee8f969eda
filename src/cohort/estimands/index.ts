/**
 * Estimands for binary endpoints: the same endpoint under each rule for treatment failures and missing
 * statuses (non-responder imputation, as observed, LOCF, BOCF, worst and best case), with an audit trail per
 * patient and time point.
 */
import { describeValue } from "../../_lib/errors.js";
import { classifyEndpoint } from "../../endpoints/classifyEndpoint/index.js";
import { getProfile } from "../../endpoints/profiles/index.js";
import type { DefinitionProfile } from "../../endpoints/profiles/schema.js";
import type { PatientTimeline, TimepointOutcome } from "../../endpoints/patientTimeline/index.js";
import { ENDPOINT_IDS, TIMEPOINT_KEYS, type EndpointId, type EndpointResult, type EndpointStatus, type ResultCode } from "../../endpoints/types.js";
import { isArray } from "../_lib/check.js";

/**
 * The single-value estimands (strategies for intercurrent events and missing statuses) of a binary endpoint.
 * @remarks
 * - `nri`: non-responder imputation. Treatment failure (discontinuation, surgery) and every missing status
 *   count as not met; the denominator is every patient (the paper's 28/52/80).
 * - `asObserved`: patients with an observed status only (treatment failures count as not met, because
 *   failure is their observed outcome); missing statuses leave the denominator.
 * - `locf`: a missing status takes the patient's last evaluable status at an earlier time point (the
 *   baseline status when there is none), never across a treatment failure (a failure after the carried
 *   status makes it not met).
 * - `bocf`: a missing status takes the patient's baseline status.
 * - `worstCase` / `bestCase`: every missing status set against / in favour of the treatment (not met / met;
 *   with `favour.treatmentGroup`, the other groups get the opposite).
 * "Missing" is every `not-evaluable` result except `notDefined` (the endpoint does not exist for that
 * disease: the patient is outside its population under every estimand).
 * @example
 * ESTIMANDS.join(" ");
 * //=> "nri asObserved locf bocf worstCase bestCase"
 * @see ICH E9(R1) Addendum on estimands and sensitivity analysis in clinical trials (2019).
 */
export const ESTIMANDS = Object.freeze(["nri", "asObserved", "locf", "bocf", "worstCase", "bestCase"] as const);
/** A single-value estimand id (see {@link ESTIMANDS}). */
export type Estimand = (typeof ESTIMANDS)[number];

/** An estimand that `estimandRates` can put side by side: the single-value ones and multiple imputation. */
export type EstimandOrMi = Estimand | "multipleImputation";

/**
 * Human names of the estimands, for tables and figures.
 * @example
 * ESTIMAND_LABELS.nri;
 * //=> "Non-responder imputation"
 */
export const ESTIMAND_LABELS: Readonly<Record<EstimandOrMi, string>> = Object.freeze({
  nri: "Non-responder imputation",
  asObserved: "As observed",
  locf: "LOCF",
  bocf: "BOCF",
  worstCase: "Worst case",
  bestCase: "Best case",
  multipleImputation: "Multiple imputation",
});

/** Which group the worst/best-case bounds treat as the treatment. */
export interface EstimandFavour {
  /** The treatment group: its missing statuses are not met under `worstCase` and met under `bestCase`; other groups the reverse. */
  readonly treatmentGroup: string;
}

/** Options of {@link applyEstimand}. */
export interface ApplyEstimandOptions {
  /** The endpoint. */
  readonly endpoint: EndpointId;
  /** The estimand. */
  readonly estimand: Estimand;
  /** Renames of time points, e.g. `{ w8: "induction", w12: "induction" }` (UC week 8 and CD week 12 together). */
  readonly timepoints?: Readonly<Record<string, string>>;
  /** Group of each patient (by patient id); default the timeline's `disease`. */
  readonly groupOf?: Readonly<Record<string, string>>;
  /** For `worstCase` / `bestCase` with several groups: which group is the treatment. */
  readonly favour?: EstimandFavour;
  /**
   * The profile the timelines were built with, used to classify the baseline assessment when the profile
   * does not assess the endpoint at `w0` (`bocf`, `locf`). Default: the shipped profile with the timeline's
   * profile id (an error if that id is not shipped and a baseline status is needed).
   */
  readonly profile?: DefinitionProfile;
}

/** Why an estimand produced a status. */
export type EstimandRowCode =
  | "observed"
  | "failure"
  | "nonResponder"
  | "excludedMissing"
  | "carriedForward"
  | "baselineCarried"
  | "failureNotCarried"
  | "noCarrySource"
  | "worstCase"
  | "bestCase"
  | "notInPopulation";

/** One patient's status for one endpoint at one time point under one estimand, with its audit trail. */
export interface EstimandStatusRow {
  readonly patientId: string;
  readonly group: string;
  /** Time point label (after renames). */
  readonly timepoint: string;
  /** The timeline's time point key. */
  readonly timepointKey: string;
  readonly endpoint: EndpointId;
  readonly estimand: Estimand;
  /**
   * The status under the estimand: `met` / `not-met` count (numerator / denominator); `not-evaluable`
   * means the patient is left out of this rate (see `code` and `reason`).
   */
  readonly status: EndpointStatus;
  /** The timeline's status before any imputation (a timeline built with non-responder imputation is read back as not evaluable). */
  readonly observed: EndpointStatus;
  /** The timeline's result code (`noFollowUp` for a status the timeline had imputed). */
  readonly observedCode: ResultCode;
  /** The input that was not recorded, as the classifier names it (e.g. `baseline.hbi`), for a missing status; else `null`. */
  readonly missingInput: string | null;
  /** True when the estimand supplied the status (it was missing). */
  readonly imputed: boolean;
  /** How the status came about. */
  readonly code: EstimandRowCode;
  /** A readable sentence for audits. */
  readonly reason: string;
  /** Where a carried status came from (time point label, or `"baseline"`); `null` otherwise. */
  readonly carriedFrom: string | null;
}

const FN = "applyEstimand";
const OPTION_KEYS = new Set(["endpoint", "estimand", "timepoints", "groupOf", "favour", "profile"]);

/** Internal: one time point of one patient, reduced to what every estimand needs. */
export interface ObservedPoint {
  readonly key: string;
  readonly label: string;
  readonly date: string;
  readonly result: EndpointResult;
  /** Definite observed status, `missing`, or `outside` (notDefined). */
  readonly kind: "met" | "not-met" | "missing" | "outside";
  readonly observed: EndpointStatus;
  readonly observedCode: ResultCode;
}

/** Internal: a patient's observed points for one endpoint, in schedule order. */
export interface ObservedPatient {
  readonly patientId: string;
  readonly group: string;
  readonly timeline: PatientTimeline;
  readonly points: readonly ObservedPoint[];
  /** First treatment-failure date (counted surgery or failure discontinuation), or null. */
  readonly failureDate: string | null;
}

function own<T>(rec: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return rec !== undefined && Object.prototype.hasOwnProperty.call(rec, key) ? rec[key] : undefined;
}

function checkRecordOfStrings(fn: string, name: string, v: unknown): Readonly<Record<string, string>> | undefined {
  if (v === undefined) return undefined;
  if (v === null || typeof v !== "object" || Array.isArray(v)) throw new TypeError(`${fn}: ${name} must be an object of strings; got ${describeValue(v)}.`);
  for (const [k, x] of Object.entries(v)) {
    if (typeof x !== "string") throw new TypeError(`${fn}: ${name}.${k} must be a string; got ${describeValue(x)}.`);
  }
  return v as Readonly<Record<string, string>>;
}

/** Internal: validates the shared options and reads the timelines into observed points. */
export function observeTimelines(
  fn: string,
  timelines: readonly PatientTimeline[],
  endpoint: unknown,
  timepointsOpt: unknown,
  groupOfOpt: unknown,
): { endpoint: EndpointId; patients: ObservedPatient[]; labels: string[] } {
  if (!isArray(timelines)) throw new TypeError(`${fn}: timelines must be an array of patient timelines; got ${describeValue(timelines)}.`);
  if (typeof endpoint !== "string" || !(ENDPOINT_IDS as readonly string[]).includes(endpoint)) {
    throw new RangeError(`${fn}: options.endpoint must be one of ${ENDPOINT_IDS.join(", ")}; got ${describeValue(endpoint)}.`);
  }
  const ep = endpoint as EndpointId;
  const renames = checkRecordOfStrings(fn, "options.timepoints", timepointsOpt);
  const groupOf = checkRecordOfStrings(fn, "options.groupOf", groupOfOpt);
  const seen = new Set<string>();
  const labelOrder: string[] = [];
  const patients: ObservedPatient[] = [];
  timelines.forEach((tl, i) => {
    if (tl === null || typeof tl !== "object" || typeof tl.patientId !== "string" || !isArray(tl.timepoints) || tl.events === null || typeof tl.events !== "object") {
      throw new TypeError(`${fn}: timelines[${i}] must be a patient timeline (from patientTimeline); got ${describeValue(tl)}.`);
    }
    if (seen.has(tl.patientId)) throw new RangeError(`${fn}: timelines[${i}] repeats patient "${tl.patientId}"; one timeline per patient.`);
    seen.add(tl.patientId);
    const group = groupOf === undefined ? tl.disease : own(groupOf, tl.patientId);
    if (group === undefined) throw new RangeError(`${fn}: options.groupOf has no group for patient "${tl.patientId}" (timelines[${i}]).`);
    const dates: string[] = [];
    if (tl.events.surgery !== null) dates.push(tl.events.surgery.date);
    if (tl.events.discontinuation !== null && tl.events.discontinuation.countsAsFailure) dates.push(tl.events.discontinuation.date);
    dates.sort();
    const points: ObservedPoint[] = [];
    const labelsHere = new Set<string>();
    for (const t of tl.timepoints as readonly TimepointOutcome[]) {
      const r = t.outcomes[ep];
      if (r === undefined) continue;
      const label = own(renames, t.timepoint) ?? t.timepoint;
      if (labelsHere.has(label)) throw new RangeError(`${fn}: options.timepoints maps two time points of patient "${tl.patientId}" onto "${label}".`);
      labelsHere.add(label);
      // A status the timeline imputed (non-responder) is read back as missing: estimands decide imputation.
      const wasImputed = r.code === "imputedMissing";
      const observed: EndpointStatus = wasImputed ? "not-evaluable" : r.status;
      const observedCode: ResultCode = wasImputed ? "noFollowUp" : r.code;
      const kind = observed === "met" ? "met" : observed === "not-met" ? "not-met" : observedCode === "notDefined" ? "outside" : "missing";
      points.push({ key: t.timepoint, label, date: t.assessmentDate, result: r, kind, observed, observedCode });
    }
    patients.push({ patientId: tl.patientId, group, timeline: tl, points, failureDate: dates[0] ?? null });
  });
  // Label order: schedule order of the time point keys, through the renames, first occurrence.
  for (const k of TIMEPOINT_KEYS) {
    const label = own(renames, k) ?? k;
    if (!labelOrder.includes(label) && patients.some((p) => p.points.some((x) => x.label === label))) labelOrder.push(label);
  }
  return { endpoint: ep, patients, labels: labelOrder };
}

/** Internal: the status of the endpoint on the baseline assessment, or null when it cannot be had. */
export function baselineStatus(
  fn: string,
  p: ObservedPatient,
  endpoint: EndpointId,
  profile: DefinitionProfile | undefined,
): { status: "met" | "not-met"; how: string } | { status: null; how: string } {
  const w0 = p.timeline.timepoints.find((t) => t.timepoint === "w0");
  if (w0 === undefined) return { status: null, how: "the timeline has no baseline (w0)" };
  const atW0 = w0.outcomes[endpoint];
  if (atW0 !== undefined) {
    if (atW0.status === "met" || atW0.status === "not-met") return { status: atW0.status, how: `baseline status ${atW0.status} (${atW0.reason})` };
    return { status: null, how: `baseline status not evaluable (${atW0.reason})` };
  }
  let prof = profile;
  if (prof === undefined) {
    try {
      prof = getProfile(p.timeline.profile.id);
    } catch {
      throw new RangeError(
        `${fn}: options.profile is needed to classify the baseline of patient "${p.patientId}": profile "${p.timeline.profile.id}" is not a shipped profile.`,
      );
    }
    if (prof.version !== p.timeline.profile.version) {
      throw new RangeError(
        `${fn}: options.profile is needed: the shipped "${prof.id}" is version ${prof.version}, the timeline of patient "${p.patientId}" was built with ${p.timeline.profile.version}.`,
      );
    }
  }
  const r = classifyEndpoint(endpoint, { disease: p.timeline.disease, timepoint: "w0", followUp: w0.measures, baseline: w0.measures, steroids: w0.steroids }, prof);
  if (r.status === "met" || r.status === "not-met") return { status: r.status, how: `baseline assessment classified ${r.status} (${r.reason})` };
  return { status: null, how: `baseline assessment not evaluable (${r.reason})` };
}

function checkEstimandOptions(fn: string, options: unknown): ApplyEstimandOptions {
  if (options === null || typeof options !== "object" || Array.isArray(options)) throw new TypeError(`${fn}: options must be an object; got ${describeValue(options)}.`);
  for (const k of Object.keys(options)) if (!OPTION_KEYS.has(k)) throw new TypeError(`${fn}: options.${k} is not an option (${[...OPTION_KEYS].join(", ")}).`);
  const o = options as ApplyEstimandOptions;
  if (typeof o.estimand !== "string" || !(ESTIMANDS as readonly string[]).includes(o.estimand)) {
    throw new RangeError(`${fn}: options.estimand must be one of ${ESTIMANDS.join(", ")}; got ${describeValue(o.estimand)}.`);
  }
  if (o.favour !== undefined && (o.favour === null || typeof o.favour !== "object" || typeof o.favour.treatmentGroup !== "string")) {
    throw new TypeError(`${fn}: options.favour must be { treatmentGroup: string }; got ${describeValue(o.favour)}.`);
  }
  if (o.profile !== undefined && (o.profile === null || typeof o.profile !== "object")) throw new TypeError(`${fn}: options.profile must be a definition profile; got ${describeValue(o.profile)}.`);
  return o;
}

/**
 * Applies one estimand to patient timelines: one row per patient and time point at which the profile
 * assesses the endpoint, with the status under the estimand and why.
 * @remarks Build the timelines with `patientTimeline(..., { missingData: "notEvaluable" })` (complete case);
 * a timeline built with non-responder imputation is read back correctly too (its imputed statuses are
 * missing again). The rules are those of {@link ESTIMANDS}. Rows with status `not-evaluable` are left out of
 * that estimand's rate; pass the rows to `outcomeRates(rows, { denominator: "evaluable" })`, or use
 * {@link estimandRates} for several estimands side by side. Baseline status (BOCF, and LOCF without an
 * earlier evaluable status): the endpoint's status at w0 when the profile assesses it there, else the
 * baseline assessment classified against itself (changes from baseline are 0, so a response endpoint is not
 * met at baseline); when that is not evaluable, the status stays missing and the patient leaves the rate.
 * @param timelines - One timeline per patient.
 * @param options - `endpoint`, `estimand`, time point renames, groups, `favour`, `profile`.
 * @returns Rows in timeline order, then schedule order.
 * @throws {TypeError} If an argument has the wrong type or an option is unknown.
 * @throws {RangeError} If the endpoint or estimand is unknown, a patient repeats, a group is missing, or
 * a baseline status is needed under a profile that is neither given nor shipped.
 * @example
 * const tl = { patientId: "P1", diagnosis: "CD", disease: "CD", profile: { id: "mao2025", version: "1.0.0" },
 *   treatmentStart: "2024-01-01", maintenanceStart: "2024-03-25", events: { surgery: null, discontinuation: null },
 *   timepoints: [] };
 * applyEstimand([tl], { endpoint: "clinicalRemission", estimand: "nri" }).length;
 * //=> 0
 * @see ICH E9(R1) Addendum on estimands (2019); Mao Y, et al. Drug Des Devel Ther 2025 (Statistical Analysis: non-responder imputation).
 */
export function applyEstimand(timelines: readonly PatientTimeline[], options: ApplyEstimandOptions): EstimandStatusRow[] {
  const o = checkEstimandOptions(FN, options);
  const { endpoint, patients } = observeTimelines(FN, timelines, o.endpoint, o.timepoints, o.groupOf);
  const rows: EstimandStatusRow[] = [];
  for (const p of patients) rows.push(...estimandRowsOf(FN, p, endpoint, o.estimand, o.favour, o.profile));
  return rows;
}

/** Internal: one patient's rows under one estimand. */
export function estimandRowsOf(
  fn: string,
  p: ObservedPatient,
  endpoint: EndpointId,
  estimand: Estimand,
  favour: EstimandFavour | undefined,
  profile: DefinitionProfile | undefined,
): EstimandStatusRow[] {
  const out: EstimandStatusRow[] = [];
  let baseline: ReturnType<typeof baselineStatus> | undefined;
  const getBaseline = (): ReturnType<typeof baselineStatus> => (baseline ??= baselineStatus(fn, p, endpoint, profile));
  const isTreatment = favour === undefined || favour.treatmentGroup === p.group;
  let last: { status: "met" | "not-met"; label: string; date: string } | null = null;
  for (const pt of p.points) {
    const base = {
      patientId: p.patientId,
      group: p.group,
      timepoint: pt.label,
      timepointKey: pt.key,
      endpoint,
      estimand,
      observed: pt.observed,
      observedCode: pt.observedCode,
      missingInput: pt.kind === "missing" ? (pt.result.missing ?? null) : null,
    };
    if (pt.kind === "outside") {
      out.push({ ...base, status: "not-evaluable", imputed: false, code: "notInPopulation", reason: `not in this endpoint's population: ${pt.result.reason}`, carriedFrom: null });
      continue;
    }
    if (pt.kind === "met" || pt.kind === "not-met") {
      const failure = pt.observedCode === "surgery" || pt.observedCode === "discontinuation";
      out.push({
        ...base,
        status: pt.kind,
        imputed: false,
        code: failure ? "failure" : "observed",
        reason: failure ? `treatment failure: ${pt.result.reason}` : `observed: ${pt.result.reason}`,
        carriedFrom: null,
      });
      // The w0 status is a baseline, not a carried follow-up status, unless the endpoint is assessed there.
      last = { status: pt.kind, label: pt.label, date: pt.date };
      continue;
    }
    const missing = `missing (${pt.observedCode}: ${pt.result.reason})`;
    switch (estimand) {
      case "nri":
        out.push({ ...base, status: "not-met", imputed: true, code: "nonResponder", reason: `${missing}: non-responder imputation, not met`, carriedFrom: null });
        break;
      case "asObserved":
        out.push({ ...base, status: "not-evaluable", imputed: false, code: "excludedMissing", reason: `${missing}: left out of the as-observed denominator`, carriedFrom: null });
        break;
      case "worstCase":
      case "bestCase": {
        const met = (estimand === "bestCase") === isTreatment;
        const side = isTreatment ? "against" : "in favour of";
        const sideBest = isTreatment ? "in favour of" : "against";
        out.push({
          ...base,
          status: met ? "met" : "not-met",
          imputed: true,
          code: estimand,
          reason: `${missing}: ${estimand === "worstCase" ? "worst" : "best"} case, set ${estimand === "worstCase" ? side : sideBest} the treatment (${met ? "met" : "not met"})`,
          carriedFrom: null,
        });
        break;
      }
      case "locf":
      case "bocf": {
        let src: { status: "met" | "not-met"; label: string; date: string | null } | null = null;
        let how = "";
        if (estimand === "locf" && last !== null) {
          src = last;
          how = `last evaluable status (${last.status} at ${last.label})`;
        } else {
          const b = getBaseline();
          if (b.status !== null) {
            src = { status: b.status, label: "baseline", date: p.timeline.treatmentStart };
            how = b.how;
          } else how = b.how;
        }
        if (src === null) {
          out.push({ ...base, status: "not-evaluable", imputed: false, code: "noCarrySource", reason: `${missing}: nothing to carry forward (${how}); left out`, carriedFrom: null });
        } else if (p.failureDate !== null && p.failureDate <= pt.date && (src.date === null || p.failureDate > src.date)) {
          out.push({
            ...base,
            status: "not-met",
            imputed: true,
            code: "failureNotCarried",
            reason: `${missing}: treatment failure on ${p.failureDate} after ${src.label}: not carried across a failure, not met`,
            carriedFrom: null,
          });
        } else {
          out.push({
            ...base,
            status: src.status,
            imputed: true,
            code: src.label === "baseline" ? "baselineCarried" : "carriedForward",
            reason: `${missing}: ${estimand === "locf" ? "last observation" : "baseline observation"} carried forward: ${how}`,
            carriedFrom: src.label,
          });
        }
        break;
      }
    }
  }
  return out;
}
