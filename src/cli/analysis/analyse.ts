/**
 * The cohort analysis behind `ibd-outcomes report` and `npm run demo`: validation, eligibility and flow,
 * per-patient time points under a profile, outcome rates, Table 1, Table 3 counts, the AE table and lab
 * means. Plain data in, plain data out; rendering is in render.ts.
 */
import { ageInYears, daysBetween } from "../../_lib/dates.js";
import { parseCohort, labPanelToCanonical, mechanismOf, seriousnessOf } from "../../models/index.js";
import type { AdverseEvent, Cohort, CohortParseResult, Patient, TreatmentCourse, Visit } from "../../models/index.js";
import { assessStudyEligibility, patientFlow, MAO2025_REPORTED_FLOW } from "../../eligibility/index.js";
import type { EligibilityReasonCode, PatientFlow, StudyEligibilityResult } from "../../eligibility/index.js";
import { exposureTime, getProfile, patientTimeline, steroidExposure, timelineRows } from "../../endpoints/index.js";
import type { DefinitionProfile, ExposureTimeResult, PatientTimeline, RuleNode } from "../../endpoints/index.js";
import { mean, quantile, sd } from "../../stats/index.js";
import { adverseEventHierarchyTable, adverseEventTable, ESTIMANDS, estimandRates, formatCountPercent, formatPValue, labTrajectorySummary, outcomeRates, outcomeRowsFromTimeline, summaryTable } from "../../cohort/index.js";
import type { AdverseEventHierarchyTableResult, AdverseEventTableResult, DisplayTable, EstimandRatesResult, LabTrajectorySummaryResult, OutcomeRatesResult, OutcomeStatusRow, SummaryTableResult } from "../../cohort/index.js";
import type { EndpointId, EndpointStatus, TimepointKey, VisitMeasures } from "../../endpoints/index.js";

/**
 * Rate time keys: `w0`, `ind` (the induction visit of each disease's schedule: UC week 8 and CD week 12
 * under mao2025, reported together) and the maintenance keys of the profile (`w26`, `w52`, `w78`).
 */
export type RateTime = "w0" | "ind" | "w26" | "w52" | "w78";
/** Every rate time key, in time order. */
export const RATE_TIMES: readonly RateTime[] = ["w0", "ind", "w26", "w52", "w78"];
/** Endpoints the report tabulates (those the active profile defines). */
export const REPORT_ENDPOINTS = ["steroidFreeClinicalRemission", "clinicalResponse", "endoscopicRemission", "endoscopicResponse", "crpNormalisation", "fcNormalisation"] as const;
export type ReportEndpoint = (typeof REPORT_ENDPOINTS)[number];
export type Group = "UC" | "CD";
/** Published studies the report can be compared with (`--compare`). */
export const COMPARE_IDS = ["mao2025"] as const;
export type CompareId = (typeof COMPARE_IDS)[number];

/** One rate: met of the group size (all rates use the full group as denominator, §2.1). */
export interface Rate {
  readonly endpoint: ReportEndpoint;
  readonly time: RateTime;
  readonly group: Group | "all";
  readonly met: number;
  readonly notMet: number;
  readonly notEvaluable: number;
  readonly of: number;
}

/** A binary Table 1 row. */
export interface BinaryRow {
  readonly id: string;
  readonly label: string;
  readonly uc: number;
  readonly cd: number;
  readonly p: number;
  readonly test: "chisq" | "fisher";
}
/** A continuous Table 1 row: [median, Q1, Q3] per group (type-7 quantiles), Wilcoxon rank-sum p. */
export interface ContinuousRow {
  readonly id: "ageYears" | "durationYears" | "ageAtDiagnosisYears";
  readonly label: string;
  readonly uc: readonly [number, number, number];
  readonly cd: readonly [number, number, number];
  readonly p: number;
}

/** Per patient, per time point: the visit used and every endpoint's status. */
export interface PatientTimepoint {
  readonly key: TimepointKey;
  readonly time: RateTime;
  readonly visitDate: string | null;
  readonly labVisitDate: string | null;
  readonly measures: VisitMeasures;
  readonly status: Partial<Record<EndpointId, EndpointStatus>>;
}

/** A time point of the report with the label people write ("Week 26", "Induction (UC wk 8 / CD wk 12)"). */
export interface ReportTime {
  readonly key: RateTime;
  readonly label: string;
}

/** An endpoint of the report with its definition under the active profile. */
export interface ReportEndpointInfo {
  readonly id: ReportEndpoint;
  /** Short name ("Normal FC"). */
  readonly name: string;
  /** Caption with the threshold where the endpoint is a single threshold ("Normal FC (FC < 250 µg/g)"). */
  readonly caption: string;
  /** The rule per group, in words ("UC: Mayo endoscopic subscore = 0; CD: SES-CD ≤ 2 and ..."). */
  readonly definition: string;
  /** Whether the endpoint is assessed for the group at the time point (false: the row shows "—"). */
  readonly applies: Readonly<Record<Group, readonly RateTime[]>>;
}

/** Everything the report shows. */
export interface Analysis {
  readonly profile: { readonly id: string; readonly version: string; readonly title: string };
  /** The published study the report is compared with (`null`: the report describes the cohort only). */
  readonly compare: CompareId | null;
  /** The treatment the report follows (the courses' drug). */
  readonly drug: string;
  /** Time points present in this cohort, in order, with their labels. */
  readonly times: readonly ReportTime[];
  /** Endpoints the profile defines for the groups present. */
  readonly endpoints: readonly ReportEndpointInfo[];
  /** Lab trajectories pooled (`all`) or split by diagnosis. */
  readonly labsBy: "all" | "diagnosis";
  readonly validation: Pick<CohortParseResult, "counts" | "problems">;
  readonly eligibility: readonly StudyEligibilityResult[];
  readonly kept: readonly { readonly patientId: string; readonly overridden: readonly EligibilityReasonCode[] }[];
  readonly flow: PatientFlow;
  readonly included: { readonly UC: readonly string[]; readonly CD: readonly string[] };
  readonly timelines: Readonly<Record<string, readonly PatientTimepoint[]>>;
  readonly rates: readonly Rate[];
  readonly table1: { readonly binary: readonly BinaryRow[]; readonly continuous: readonly ContinuousRow[] };
  readonly table3: Readonly<Record<string, { readonly UC: number; readonly CD: number }>>;
  /** Table 3 rows shown for this cohort: id, label and the groups the row applies to. */
  readonly table3Rows: readonly { readonly id: string; readonly label: string; readonly groups: readonly Group[] }[];
  readonly ae: readonly { readonly category: string; readonly label: string; readonly UC: number; readonly CD: number; readonly all: number }[];
  readonly means: Readonly<Record<string, { readonly mean: number; readonly sd: number; readonly n: number }>>;
  /** Notes the report prints (what was read how, what was missing). */
  readonly notes: readonly string[];
  /** The cohort module's results behind the tables and figures. */
  readonly library: {
    readonly rates: Readonly<Partial<Record<ReportEndpoint, OutcomeRatesResult>>>;
    /** Table 1 by diagnosis (`null` when the cohort has one diagnosis: nothing to compare). */
    readonly table1: SummaryTableResult | null;
    readonly table1Display: DisplayTable;
    readonly ae: AdverseEventTableResult;
    readonly labs: Readonly<Record<string, LabTrajectorySummaryResult>>;
    /** Adverse events by system organ class and preferred term, with exposure-adjusted rates when every patient's exposure is known. */
    readonly aeHierarchy: AdverseEventHierarchyTableResult;
    /** Person-time on drug of the included patients (`null` when the cohort has no visit to date a cut-off). */
    readonly exposure: ExposureTimeResult | null;
    /** Sensitivity analyses: each report endpoint under every estimand (NRI primary), multiple imputation included. */
    readonly sensitivity: Readonly<Partial<Record<ReportEndpoint, EstimandRatesResult>>>;
    readonly tables: readonly DisplayTable[];
  };
}

/** Options of {@link analyseCohort}. */
export interface AnalyseOptions {
  /** Profile id (default `mao2025`). */
  readonly profile?: string;
  /** Patients kept although an exclusion applies (their failed codes are listed in `kept`). */
  readonly keep?: readonly string[];
  /** Compare with a published study: its reported flow, table numbers and wording. Default none. */
  readonly compare?: CompareId | null;
  /** Lab trajectories pooled or split by diagnosis. Default `"diagnosis"`. */
  readonly labsBy?: "all" | "diagnosis";
  /** The treatment whose courses are followed; default the one drug of the cohort's courses. */
  readonly drug?: string;
}

const ANALYSE_OPTION_KEYS: ReadonlySet<string> = new Set(["profile", "keep", "compare", "labsBy", "drug"]);

/** Display names of the report's endpoints. */
export const ENDPOINT_NAME: Readonly<Record<ReportEndpoint, string>> = Object.freeze({
  steroidFreeClinicalRemission: "Steroid-free clinical remission",
  clinicalResponse: "Clinical response",
  endoscopicRemission: "Endoscopic remission",
  endoscopicResponse: "Endoscopic response",
  crpNormalisation: "Normal CRP",
  fcNormalisation: "Normal FC",
});

const MEASURE_TEXT: ReadonlyMap<string, readonly [string, string]> = new Map<string, readonly [string, string]>([
  ["mayoStoolFrequency", ["Mayo stool frequency subscore", ""]],
  ["mayoRectalBleeding", ["Mayo rectal bleeding subscore", ""]],
  ["mayoEndoscopic", ["Mayo endoscopic subscore", ""]],
  ["mayoEndoscopicFdaModified", ["Mayo endoscopic subscore (FDA-modified)", ""]],
  ["mayoPhysicianGlobal", ["Mayo physician global assessment", ""]],
  ["mayoAdapted", ["adapted Mayo score", ""]],
  ["mayoAdaptedFdaModified", ["adapted Mayo score (FDA-modified ES)", ""]],
  ["mayoAdaptedMaxSubscore", ["every adapted Mayo subscore", ""]],
  ["mayoFull", ["full Mayo score", ""]],
  ["mayoFullMaxSubscore", ["every full Mayo subscore", ""]],
  ["mayoPartial", ["partial Mayo score", ""]],
  ["mayoPartialMaxSubscore", ["every partial Mayo subscore", ""]],
  ["mayoPro2", ["Mayo PRO2 (stool frequency + rectal bleeding)", ""]],
  ["uceis", ["UCEIS", ""]],
  ["hbi", ["HBI", ""]],
  ["cdai", ["CDAI", ""]],
  ["sesCd", ["SES-CD", ""]],
  ["sesCdMaxSubscore", ["every SES-CD subscore", ""]],
  ["sesCdUlcers", ["SES-CD ulcers (1 = present)", ""]],
  ["sesCdExNarrowing", ["SES-CD without narrowing", ""]],
  ["rutgeerts", ["Rutgeerts grade (i0 = 0 ... i4 = 4)", ""]],
  ["pro2StoolFrequency", ["PRO2 stool frequency (7-day mean)", ""]],
  ["pro2AbdominalPain", ["PRO2 abdominal pain (7-day mean)", ""]],
  ["pro2Weighted", ["CDAI-weighted PRO2", ""]],
  ["crpMgPerL", ["CRP", " mg/L"]],
  ["fcUgPerG", ["FC", " µg/g"]],
]);
const OP_TEXT: ReadonlyMap<string, string> = new Map([
  ["<", "<"],
  ["<=", "≤"],
  [">", ">"],
  [">=", "≥"],
  ["==", "="],
]);

/** A profile rule in words, e.g. `FC < 250 µg/g`, `HBI drop ≥ 3 or HBI drop ≥ 50%`. */
export function ruleText(rule: RuleNode, top = true): string {
  const m = (k: string) => MEASURE_TEXT.get(k) ?? ([k, ""] as const);
  const op = (o: string) => OP_TEXT.get(o) ?? o;
  switch (rule.kind) {
    case "value": {
      const [name, unit] = m(rule.measure);
      return `${name} ${op(rule.op)} ${rule.threshold}${unit}`;
    }
    case "baseline": {
      const [name, unit] = m(rule.measure);
      return `${name} at baseline ${op(rule.op)} ${rule.threshold}${unit}`;
    }
    case "drop": {
      const [name, unit] = m(rule.measure);
      return `${name} drop from baseline ${op(rule.op)} ${rule.threshold}${unit}`;
    }
    case "percentDrop":
      return `${m(rule.measure)[0]} drop from baseline ${op(rule.op)} ${rule.threshold}%`;
    case "notWorse":
      return `${m(rule.measure)[0]} not above baseline`;
    case "steroidFree":
      return "free of systemic corticosteroids";
    case "all":
    case "any": {
      const s = rule.of.map((r) => ruleText(r, false)).join(rule.kind === "all" ? " and " : " or ");
      return top || rule.of.length === 1 ? s : `(${s})`;
    }
  }
}

/**
 * Each patient's last visit date and the cohort's last visit date (`""` without visits): the follow-up and
 * cut-off the report uses for exposure and persistence.
 */
export function lastVisitDates(visits: readonly { readonly patientId: string; readonly date: string }[]): { byPatient: Map<string, string>; last: string } {
  const byPatient = new Map<string, string>();
  let last = "";
  for (const v of visits) {
    const prev = byPatient.get(v.patientId);
    if (prev === undefined || v.date > prev) byPatient.set(v.patientId, v.date);
    if (v.date > last) last = v.date;
  }
  return { byPatient, last };
}

/** Seed of the report's multiple imputation (fixed, so a report is reproducible). */
export const SENSITIVITY_SEED = 104729;

/** Every time point of a library `patientTimeline`, with its visit dates and endpoint statuses. */
function timepointsOf(tl: PatientTimeline, profile: DefinitionProfile, disease: Group): PatientTimepoint[] {
  const phase = new Map(profile.schedule[disease].map((t) => [t.key, t.phase] as const));
  return tl.timepoints.map((t) => {
    const status: Partial<Record<EndpointId, EndpointStatus>> = {};
    for (const [e, r] of Object.entries(t.outcomes) as [EndpointId, { status: EndpointStatus }][]) status[e] = r.status;
    const time: RateTime = phase.get(t.timepoint) === "induction" ? "ind" : (t.timepoint as RateTime);
    return {
      key: t.timepoint,
      time,
      visitDate: t.visits.clinical?.date ?? t.visits.endoscopy?.date ?? null,
      labVisitDate: t.visits.crp?.date ?? t.visits.fc?.date ?? null,
      measures: t.measures,
      status,
    };
  });
}

/** Rounded half away from zero to `d` decimals, as text. */
const fmtN = (x: number, d: number) => (Math.sign(x) * Math.round(Math.abs(x) * 10 ** d) / 10 ** d).toFixed(d);

/** The library's SD (compensated sums), with 0 for a single value as the report shows it. */
const sdOf = (x: readonly number[]) => (x.length < 2 ? 0 : sd(x));

/** Labels of the adverse-event categories (model keys → words). */
/** The MedDRA system organ class each adverse-event category of the model falls under (for the hierarchical AE table). */
const AE_SOC: ReadonlyMap<string, string> = new Map([
  ["acneOrSkin", "Skin and subcutaneous tissue disorders"],
  ["infection", "Infections and infestations"],
  ["neutropenia", "Blood and lymphatic system disorders"],
  ["leukopenia", "Blood and lymphatic system disorders"],
  ["anemia", "Blood and lymphatic system disorders"],
  ["liverTestElevation", "Investigations"],
  ["ckElevation", "Investigations"],
  ["dyslipidemia", "Metabolism and nutrition disorders"],
  ["mace", "Cardiac disorders"],
  ["venousThromboembolism", "Vascular disorders"],
  ["malignancy", "Neoplasms benign, malignant and unspecified"],
  ["nonMelanomaSkinCancer", "Neoplasms benign, malignant and unspecified"],
  ["intestinalPerforation", "Gastrointestinal disorders"],
  ["death", "General disorders and administration site conditions"],
]);
const AE_LABEL: ReadonlyMap<string, string> = new Map([
  ["acneOrSkin", "Skin (acne)"],
  ["infection", "Infection"],
  ["neutropenia", "Neutropenia"],
  ["leukopenia", "Leukopenia"],
  ["anemia", "Anaemia"],
  ["liverTestElevation", "Liver test elevation"],
  ["ckElevation", "Creatine kinase abnormalities"],
  ["dyslipidemia", "Dyslipidaemia"],
  ["mace", "Major adverse cardiovascular event"],
  ["venousThromboembolism", "Thromboembolism"],
  ["malignancy", "Malignancy"],
  ["nonMelanomaSkinCancer", "Non-melanoma skin cancer"],
  ["intestinalPerforation", "Intestinal perforation"],
  ["hospitalization", "Hospitalisation"],
  ["death", "Death"],
  ["other", "Other"],
]);
const AE_SECTION: ReadonlyMap<string, string> = new Map([
  ["neutropenia", "Hematological"],
  ["leukopenia", "Hematological"],
  ["anemia", "Hematological"],
  ["ckElevation", "Musculoskeletal"],
]);
/** The categories of the paper's Table 4, in its order (used with `compare: "mao2025"`). */
const MAO2025_AE = ["acneOrSkin", "infection", "neutropenia", "anemia", "ckElevation", "dyslipidemia", "venousThromboembolism", "malignancy"];

/** The drug the report follows: the option, else the one drug of the courses. */
function drugOf(courses: readonly TreatmentCourse[], wanted: string | undefined): string {
  if (wanted !== undefined) {
    if (typeof wanted !== "string" || wanted.trim() === "") throw new TypeError(`analyseCohort: options.drug must be a non-empty string; got ${JSON.stringify(wanted)}.`);
    return wanted.trim().toLowerCase();
  }
  const drugs = [...new Set(courses.map((c) => c.drug.toLowerCase()))].sort();
  if (drugs.length > 1) throw new RangeError(`analyseCohort: the courses use ${drugs.length} drugs (${drugs.join(", ")}); choose one with options.drug (--drug).`);
  return drugs[0] ?? "upadacitinib";
}

/** "Induction (UC wk 8 / CD wk 12)", "Week 26": the labels of the time points the profile schedules. */
function timeLabels(profile: DefinitionProfile, present: readonly Group[]): Map<RateTime, string> {
  const out = new Map<RateTime, string>([["w0", "Week 0"]]);
  const ind = present.map((g) => [g, profile.schedule[g].find((t) => t.phase === "induction")?.week] as const).filter((x): x is readonly [Group, number] => x[1] !== undefined);
  const weeks = [...new Set(ind.map(([, w]) => w))];
  out.set("ind", weeks.length === 1 ? `Induction (week ${weeks[0]})` : `Induction (${ind.map(([g, w]) => `${g} wk ${w}`).join(" / ")})`);
  const anchor = profile.schedule.anchor === "maintenanceStart" ? " of maintenance" : "";
  for (const g of present) for (const t of profile.schedule[g]) if (t.phase === "maintenance" && !out.has(t.key as RateTime)) out.set(t.key as RateTime, `Week ${t.week}${anchor}`);
  return out;
}

/**
 * Runs the whole analysis on an untrusted cohort object.
 * @param input - `{ patients, courses, visits, adverseEvents }`.
 * @param options - Profile id, kept patient ids, comparison, lab split, drug.
 */
export function analyseCohort(input: unknown, options: AnalyseOptions = {}): Analysis {
  for (const k of Object.keys(options)) if (!ANALYSE_OPTION_KEYS.has(k)) throw new TypeError(`analyseCohort: options.${k} is not an option (known: ${[...ANALYSE_OPTION_KEYS].join(", ")}).`);
  const compare = options.compare ?? null;
  if (compare !== null && !(COMPARE_IDS as readonly string[]).includes(compare)) {
    throw new TypeError(`analyseCohort: options.compare must be ${COMPARE_IDS.map((c) => `"${c}"`).join(" or ")}; got ${JSON.stringify(compare)}.`);
  }
  const labsBy = options.labsBy ?? "diagnosis";
  if (labsBy !== "all" && labsBy !== "diagnosis") throw new TypeError(`analyseCohort: options.labsBy must be "all" or "diagnosis"; got ${JSON.stringify(labsBy)}.`);
  const paper = compare === "mao2025";
  const profile = getProfile(options.profile ?? "mao2025");
  const parsed = parseCohort(input);
  const cohort: Cohort = parsed.cohort;
  const keep = new Set(options.keep ?? []);
  const drug = drugOf(cohort.courses, options.drug);
  const drugName = drug.charAt(0).toUpperCase() + drug.slice(1);
  const notes: string[] = [];

  const coursesBy = new Map<string, TreatmentCourse>();
  for (const c of cohort.courses) if (!coursesBy.has(c.patientId) && c.drug.toLowerCase() === drug) coursesBy.set(c.patientId, c);
  const visitsBy = new Map<string, Visit[]>();
  for (const v of cohort.visits) {
    let a = visitsBy.get(v.patientId);
    if (a === undefined) visitsBy.set(v.patientId, (a = []));
    a.push(v);
  }
  const aesBy = new Map<string, AdverseEvent[]>();
  for (const e of cohort.adverseEvents) {
    let a = aesBy.get(e.patientId);
    if (a === undefined) aesBy.set(e.patientId, (a = []));
    a.push(e);
  }

  // ---- eligibility and flow
  const eligibility: StudyEligibilityResult[] = [];
  const entries: { patientId: string; diagnosis: Patient["diagnosis"]; status: "eligible" | "ineligible" | "undetermined"; failedCodes: EligibilityReasonCode[]; unknownCodes: EligibilityReasonCode[] }[] = [];
  const kept: { patientId: string; overridden: EligibilityReasonCode[] }[] = [];
  for (const p of cohort.patients) {
    const course = coursesBy.get(p.id);
    if (course === undefined) {
      entries.push({ patientId: p.id, diagnosis: p.diagnosis, status: "ineligible", failedCodes: ["INCL_EXPOSURE"], unknownCodes: [] });
      continue;
    }
    const r = assessStudyEligibility(p, course, visitsBy.get(p.id) ?? []);
    eligibility.push(r);
    let failed = [...r.failedCodes];
    let unknown = [...r.unknownCodes];
    if (keep.has(p.id) && (failed.length > 0 || unknown.length > 0)) {
      kept.push({ patientId: p.id, overridden: [...failed, ...unknown] });
      failed = [];
      unknown = [];
    }
    entries.push({ patientId: p.id, diagnosis: p.diagnosis, status: failed.length > 0 ? "ineligible" : unknown.length > 0 ? "undetermined" : "eligible", failedCodes: failed, unknownCodes: unknown });
  }
  const flow = patientFlow(entries, paper ? { reported: MAO2025_REPORTED_FLOW } : {});
  const includedIds = new Set(flow.patients.filter((e) => e.countedUnder === null).map((e) => e.patientId));
  const included = cohort.patients.filter((p) => includedIds.has(p.id));
  const groups: Record<Group, Patient[]> = { UC: included.filter((p) => p.diagnosis !== "CD"), CD: included.filter((p) => p.diagnosis === "CD") };
  const present = (["UC", "CD"] as const).filter((g) => groups[g].length > 0);
  if (groups.UC.some((p) => p.diagnosis === "IBD-U")) notes.push("IBD-unclassified patients are reported with UC and classified by the UC rules.");

  // ---- time points, their labels, the endpoints the profile defines
  const labels = timeLabels(profile, present);
  const scheduled = (g: Group, e: ReportEndpoint): RateTime[] =>
    profile.rules[g][e] === null ? [] : profile.schedule[g].filter((t) => t.endpoints.includes(e)).map((t) => (t.phase === "induction" ? "ind" : (t.key as RateTime)));
  const endpoints: ReportEndpointInfo[] = [];
  for (const e of REPORT_ENDPOINTS) {
    const applies = { UC: present.includes("UC") ? scheduled("UC", e) : [], CD: present.includes("CD") ? scheduled("CD", e) : [] };
    if (applies.UC.length === 0 && applies.CD.length === 0) continue;
    const defined = present.filter((g) => profile.rules[g][e] !== null);
    const texts = defined.map((g) => [g, ruleText(profile.rules[g][e]!)] as const);
    const same = texts.every(([, t]) => t === texts[0]![1]);
    const definition = same && texts.length > 0 && defined.length === present.length ? texts[0]![1] : texts.map(([g, t]) => `${g}: ${t}`).join("; ");
    const single = defined.every((g) => profile.rules[g][e]!.kind === "value");
    const caption = single ? `${ENDPOINT_NAME[e]} (${definition})` : ENDPOINT_NAME[e];
    endpoints.push({ id: e, name: ENDPOINT_NAME[e], caption, definition: `${definition}${present.filter((g) => !defined.includes(g)).map((g) => `; ${g}: not defined by ${profile.id}`).join("")}`, applies });
  }

  // ---- time points and rates (endpoints: patientTimeline, timelineRows; cohort: outcomeRates)
  // null prototype: a patient id such as "__proto__" is an ordinary key
  const timelines = Object.create(null) as Record<string, PatientTimepoint[]>;
  const tRows = [];
  const fullTimelines: PatientTimeline[] = [];
  for (const p of included) {
    const tl = patientTimeline(p, coursesBy.get(p.id)!, visitsBy.get(p.id) ?? [], profile, { validated: true });
    fullTimelines.push(tl);
    timelines[p.id] = timepointsOf(tl, profile, p.diagnosis === "CD" ? "CD" : "UC");
    tRows.push(...timelineRows(tl));
  }
  const groupOf = Object.create(null) as Record<string, string>;
  for (const g of ["UC", "CD"] as const) for (const p of groups[g]) groupOf[p.id] = g;
  const inductionRename: Record<string, string> = {};
  for (const g of ["UC", "CD"] as const) for (const t of profile.schedule[g]) if (t.phase === "induction") inductionRename[t.key] = "ind";
  const timeText = (t: RateTime) => labels.get(t) ?? t;
  const rates: Rate[] = [];
  const rateResults: Partial<Record<ReportEndpoint, OutcomeRatesResult>> = {};
  for (const info of endpoints) {
    const endpoint = info.id;
    const rows = outcomeRowsFromTimeline(tRows, { endpoint, timepoints: inductionRename, groupOf });
    const timepoints = RATE_TIMES.filter((t) => rows.some((r) => r.timepoint === t));
    if (timepoints.length === 0) continue;
    const res = outcomeRates(rows, {
      timepoints,
      groups: present,
      groupSizes: Object.fromEntries(present.map((g) => [g, groups[g].length])),
      ...(present.length > 1 ? { overall: "All" } : {}),
      denominator: "cohort",
      caption: `${info.caption}, n/N (%) and 95% CI`,
      timepointLabels: Object.fromEntries(timepoints.map((t) => [t, timeText(t)])),
    });
    const ne = res.rates.filter((r) => r.group !== "All" && r.notEvaluable > 0 && info.applies[r.group as Group].includes(r.timepoint as RateTime));
    const neNote = ne.length === 0 ? [] : [`Not evaluable (an input was not recorded; counted as not met): ${ne.map((r) => `${r.group} ${timeText(r.timepoint as RateTime)} ${r.notEvaluable}/${r.denominator}`).join("; ")}.`];
    const shown = withNotApplicable(res, info, present, rows, groups);
    rateResults[endpoint] = neNote.length === 0 ? shown : { ...shown, table: { ...shown.table, footnotes: [...shown.table.footnotes, ...neNote] } };
    for (const r of res.rates) {
      const g = r.group === "All" ? "all" : (r.group as Group);
      const t = r.timepoint as RateTime;
      const applies = g === "all" ? present.every((x) => info.applies[x].includes(t)) : info.applies[g].includes(t);
      if (!applies) continue;
      rates.push({ endpoint, time: t, group: g, met: r.events, notMet: r.denominator - r.events - r.notEvaluable, notEvaluable: r.notEvaluable, of: r.denominator });
    }
  }
  const times: ReportTime[] = RATE_TIMES.filter((t) => Object.values(timelines).some((tps) => tps.some((x) => x.time === t))).map((t) => ({ key: t, label: timeText(t) }));

  // ---- sensitivity analyses: every report endpoint under each estimand (cohort: estimandRates)
  const sensitivity: Partial<Record<ReportEndpoint, EstimandRatesResult>> = {};
  for (const info of endpoints) {
    const has = fullTimelines.some((tl) => tl.timepoints.some((t) => t.outcomes[info.id] !== undefined && t.outcomes[info.id]!.code !== "notDefined"));
    if (!has) continue;
    const r = estimandRates(fullTimelines, {
      endpoint: info.id,
      estimands: [...ESTIMANDS, "multipleImputation"],
      timepoints: inductionRename,
      groupOf,
      groups: present.filter((g) => fullTimelines.some((tl) => groupOf[tl.patientId] === g)),
      profile,
      multipleImputation: { m: 20, seed: SENSITIVITY_SEED },
      caption: `${info.caption}: rate under each estimand (non-responder imputation primary), n/N (%) and 95% CI`,
      timepointLabels: Object.fromEntries(RATE_TIMES.map((t) => [t, timeText(t)])),
    });
    sensitivity[info.id] = r;
  }

  // ---- Table 1
  const count = (g: Group, f: (p: Patient) => boolean) => groups[g].filter(f).length;
  // an absent list was not recorded (unknown), an empty one records "none"
  const mech = (p: Patient, classes: readonly string[]) =>
    p.priorTherapies === undefined ? null : p.priorTherapies.some((t) => classes.includes(mechanismOf(t.drug, t.mechanism) ?? "other"));
  const conv = (p: Patient, agents: readonly string[]) =>
    p.priorConventionalTherapies === undefined ? null : p.priorConventionalTherapies.some((t) => agents.includes(t.agent));
  const course = (p: Patient) => coursesBy.get(p.id)!;
  // [id, label, the paper's label, value]; null = not recorded (a missing value, never read as "no")
  const patientDefs: [string, string, string, (p: Patient) => boolean | null][] = [
    ["male", "Male", 'Male ("Gender")', (p) => p.sex === "male"],
    ["asa", "5-ASA (history)", "5-ASA", (p) => conv(p, ["5-ASA"])],
    ["immunosuppressant", "Immunosuppressive agents (history)", "Immunosuppressive agents", (p) => conv(p, ["thiopurine", "methotrexate", "tacrolimus", "cyclosporine"])],
    ["glucocorticoid", "Corticosteroids (history)", "Glucocorticoid (history)", (p) => conv(p, ["corticosteroid"])],
    ["antiTNF", "Prior anti-TNF", "Anti-TNF", (p) => mech(p, ["antiTNF"])],
    ["antiIntegrin", "Prior anti-integrin", "Anti-integrin", (p) => mech(p, ["antiIntegrin"])],
    ["il12_23", "Prior IL-12/23 or IL-23 inhibitor", "IL-12/23 and IL-23 inhibitors", (p) => mech(p, ["antiIL12_23", "antiIL23p19"])],
    ["il17a", "Prior IL-17A inhibitor", "IL-17A inhibitors", (p) => mech(p, ["antiIL17A"])],
    ["jak", "Prior JAK inhibitor", "JAK inhibitors", (p) => mech(p, ["JAK"])],
    ["tripterygium", "Tripterygium wilfordii (history)", "Tripterygium wilfordii", (p) => conv(p, ["tripterygium"])],
    ["methotrexate", "Methotrexate (history)", "Methotrexate", (p) => conv(p, ["methotrexate"])],
    ["tacrolimus", "Tacrolimus (history)", "Tacrolimus", (p) => conv(p, ["tacrolimus"])],
    [
      "steroidsAtBaseline",
      `Corticosteroids at ${drug} start`,
      'Corticosteroids at baseline ("Hormones")',
      (p) => {
        const s = steroidExposure(course(p), course(p).startDate, visitsBy.get(p.id) ?? []).status;
        return s === "unknown" ? null : s === "on";
      },
    ],
    ["surgery", "Intestinal surgery before start", "Surgical history", (p) => (p.surgeries === undefined ? null : p.surgeries.some((s) => s.date <= course(p).startDate))],
    ["eim", "Extraintestinal manifestations", "Extraintestinal manifestations", (p) => (p.extraintestinalManifestations === undefined ? null : p.extraintestinalManifestations.length > 0)],
  ];
  const hasAe = (p: Patient) => (aesBy.get(p.id) ?? []).length > 0;
  const disc = (p: Patient) => course(p).discontinuation !== undefined;
  const statusAt = (p: Patient, e: ReportEndpoint, t: RateTime) => timelines[p.id]!.find((x) => x.time === t)?.status[e] === "met";
  const outcomeDefs: [string, string, ReportEndpoint, readonly RateTime[]][] = [
    ["fc", "FC normal", "fcNormalisation", RATE_TIMES],
    ["crp", "CRP normal", "crpNormalisation", RATE_TIMES],
    ["er", "Endoscopic remission", "endoscopicRemission", ["ind", "w26", "w52"]],
    ["eresp", "Endoscopic response", "endoscopicResponse", ["ind", "w26", "w52"]],
    ["rem", "Steroid-free clinical remission", "steroidFreeClinicalRemission", ["ind", "w26", "w52"]],
    ["resp", "Clinical response", "clinicalResponse", ["ind", "w26", "w52"]],
  ];
  const contDefs: [ContinuousRow["id"], string, (p: Patient) => number][] = [
    ["ageYears", `Age at ${drug} start (years)`, (p) => ageInYears(p.birthDate, course(p).startDate)],
    ["durationYears", "Disease duration (years)", (p) => daysBetween(p.diagnosisDate, course(p).startDate) / 365.25],
    ["ageAtDiagnosisYears", "Age at diagnosis (years)", (p) => ageInYears(p.birthDate, p.diagnosisDate)],
  ];
  const paperContLabel: Record<ContinuousRow["id"], string> = { ageYears: "Age (years)", durationYears: "Course of disease (years)", ageAtDiagnosisYears: "Age at diagnosis (years)" };
  const dich: [string, string, (p: Patient) => boolean | null][] = [
    ...patientDefs.map(([id, label, paperLabel, f]) => [id, paper ? paperLabel : label, f] as [string, string, (p: Patient) => boolean | null]),
    ...(paper
      ? outcomeDefs.flatMap(([prefix, name, e, ts]) => ts.map((t) => [`${prefix}.${t}`, `${name}, ${timeText(t)}`, (p: Patient) => statusAt(p, e, t)] as [string, string, (p: Patient) => boolean]))
      : []),
    ["ae", paper ? "Adverse reactions (patients)" : "Patients with an adverse event", hasAe],
    ["discontinued", paper ? "Discontinued medication" : `Discontinued ${drug}`, disc],
  ];
  const t1Rows = included.map((p) => {
    const row: Record<string, string | number | boolean | null> = { group: groupOf[p.id]! };
    for (const [id, , f] of contDefs) row[id] = f(p);
    for (const [id, , f] of dich) row[id] = f(p);
    return row;
  });
  // without a comparison, rows nobody has are left out (a history of tacrolimus in a cohort with none says nothing)
  const shownDich = paper ? dich : dich.filter(([id]) => t1Rows.some((r) => r[id] === true) || id === "male" || id === "ae" || id === "discontinued");
  const t1Caption = paper ? "Table 1 Patient demographics and baseline characteristics" : `Characteristics at ${drug} start, by diagnosis`;
  const t1Variables = [
    ...contDefs.map(([key, label]) => ({ key, label: paper ? paperContLabel[key] : label, type: "continuous" as const, summary: "median" as const, ...(key === "durationYears" ? { digits: 1 } : { digits: 0 }) })),
    ...shownDich.map(([key, label]) => ({ key, label, type: "dichotomous" as const })),
  ];
  const t1 = present.length > 1 ? summaryTable(t1Rows, { by: "group", groups: present, caption: t1Caption, missing: "ifany", variables: t1Variables, footnoteLetters: "fixed" }) : null; // one letter per test across the report (as the rate and AE tables): a Wilcoxon, b Welch, c Pearson, d Fisher
  const countOf = (cell: string | undefined) => Number(/^(\d+)/.exec(cell ?? "")?.[1] ?? NaN);
  const testOf = (t: string | null): "chisq" | "fisher" => (t === "fisherExact" ? "fisher" : "chisq");
  const ucCol = present.indexOf("UC");
  const cdCol = present.indexOf("CD");
  const known = (id: string) => t1Rows.filter((r) => r[id] !== null && r[id] !== undefined);
  const binary: BinaryRow[] = shownDich.map(([id, label]) => {
    const r = t1?.rows.find((x) => x.variable === id);
    const n = (g: Group) => t1Rows.filter((x) => x.group === g && x[id] === true).length;
    return { id, label, uc: r === undefined ? n("UC") : ucCol < 0 ? 0 : countOf(r.cells[ucCol]), cd: r === undefined ? n("CD") : cdCol < 0 ? 0 : countOf(r.cells[cdCol]), p: r?.pValue ?? NaN, test: testOf(r?.test ?? null) };
  });
  const triple = (cell: string | undefined): readonly [number, number, number] => {
    const m = /^([-\d.]+) \(([-\d.]+), ([-\d.]+)\)$/.exec(cell ?? "");
    return m === null ? [NaN, NaN, NaN] : [Number(m[1]), Number(m[2]), Number(m[3])];
  };
  const quartiles = (g: Group, id: string): readonly [number, number, number] => {
    const x = t1Rows.filter((r) => r.group === g && typeof r[id] === "number").map((r) => r[id] as number);
    if (x.length === 0) return [NaN, NaN, NaN];
    const [q1, med, q3] = quantile(x, [0.25, 0.5, 0.75]) as [number, number, number];
    return [med, q1, q3];
  };
  const continuous: ContinuousRow[] = contDefs.map(([id, label]) => {
    const r = t1?.rows.find((x) => x.variable === id);
    if (r === undefined) return { id, label, uc: quartiles("UC", id), cd: quartiles("CD", id), p: NaN };
    return { id, label, uc: triple(ucCol < 0 ? undefined : r.cells[ucCol]), cd: triple(cdCol < 0 ? undefined : r.cells[cdCol]), p: r.pValue ?? NaN };
  });
  // one diagnosis: the same table without a comparison (summaryTable needs two groups)
  const only = present[0] ?? "UC";
  const t1Table: DisplayTable =
    t1 !== null
      ? t1.table
      : {
          caption: paper ? t1Caption : `Characteristics at ${drug} start (${only})`,
          columns: ["Characteristic", `${only}\nN = ${groups[only].length}`],
          rows: [
            ...contDefs.map(([id, label], i) => {
              const [med, q1, q3] = continuous[i]![only === "UC" ? "uc" : "cd"];
              const d = id === "durationYears" ? 1 : 0;
              return { cells: [paper ? paperContLabel[id] : label, Number.isNaN(med) ? "—" : `${fmtN(med, d)} (${fmtN(q1, d)}, ${fmtN(q3, d)})`] };
            }),
            ...shownDich.flatMap(([id, label]) => {
              const k = known(id);
              const missing = t1Rows.length - k.length;
              return [
                { cells: [label, k.length === 0 ? "—" : formatCountPercent(k.filter((r) => r[id] === true).length, k.length, { digits: 1 })] },
                ...(missing > 0 ? [{ cells: ["Unknown", String(missing)], indent: 1 }] : []),
              ];
            }),
          ],
          footnotes: ["median (Q1, Q3); n (%). Percentages of the patients with a known value; Unknown = missing, not in the denominator. One diagnosis: no between-group test."],
        };
  const noConv = included.filter((p) => p.priorConventionalTherapies === undefined).length;
  const noEim = included.filter((p) => p.extraintestinalManifestations === undefined).length;
  if (noConv > 0 || noEim > 0) {
    notes.push(
      `Histories are counted from the lists a patient record carries: ${noConv} patient record(s) list no conventional therapies and ${noEim} no extraintestinal manifestations; they are counted as having none recorded.`,
    );
  }

  // ---- Table 3 (disease classification, EIM, co-therapy)
  const table3: Record<string, { UC: number; CD: number }> = {};
  const table3Rows: { id: string; label: string; groups: Group[] }[] = [];
  // f: null = not recorded for that patient: not counted, and said in a note (never read as "no")
  const unrecordedNoted = new Set<string>();
  const t3 = (id: string, label: string, gs: Group[], f: (p: Patient) => boolean | null, show = true) => {
    table3[id] = { UC: count("UC", (p) => f(p) === true), CD: count("CD", (p) => f(p) === true) };
    if (!show) return;
    table3Rows.push({ id, label, groups: gs.filter((g) => present.includes(g)) });
    const field = id.split(".")[0]!;
    const unknown = included.filter((p) => gs.includes(groupOf[p.id] as Group) && f(p) === null).length;
    if (unknown > 0 && !unrecordedNoted.has(field)) {
      unrecordedNoted.add(field);
      notes.push(`Table 3, ${label}: not recorded for ${unknown} included patient(s), who are not counted (an unrecorded history is not read as "none").`);
    }
  };
  const hasCd = present.includes("CD");
  const hasUc = present.includes("UC");
  for (const k of ["A1", "A2", "A3"]) t3(`montreal.${k}`, `Montreal ${k} (age at diagnosis)`, ["CD"], (p) => p.montreal?.type === "CD" && p.montreal.age === k, hasCd);
  for (const k of ["L1", "L2", "L3", "L4"]) t3(`montreal.${k}`, `Montreal ${k} (location)`, ["CD"], (p) => p.montreal?.type === "CD" && p.montreal.location === k, hasCd);
  for (const k of ["B1", "B2", "B3"]) t3(`montreal.${k}`, `Montreal ${k} (behaviour)`, ["CD"], (p) => p.montreal?.type === "CD" && p.montreal.behavior === k, hasCd);
  t3("montreal.p", "Montreal p (perianal)", ["CD"], (p) => p.montreal?.type === "CD" && p.montreal.perianal, hasCd);
  for (const k of ["E1", "E2", "E3"]) t3(`montreal.${k}`, `Montreal ${k} (extent)`, ["UC"], (p) => p.montreal?.type === "UC" && p.montreal.extent === k, hasUc);
  const noMontreal = included.filter((p) => p.montreal === undefined).length;
  if (noMontreal > 0) notes.push(`${noMontreal} included patient(s) have no Montreal classification recorded; the Montreal rows do not count them.`);
  const eims = (p: Patient) => p.extraintestinalManifestations;
  t3("eim", "Extraintestinal manifestations", ["UC", "CD"], (p) => (eims(p) === undefined ? null : eims(p)!.length > 0));
  const eimLabel = { eye: "eye", skin: "skin", joint: "arthritis", other: "other organs" } as const;
  for (const s of ["eye", "skin", "joint", "other"] as const) {
    const f = (p: Patient) => (eims(p) === undefined ? null : eims(p)!.includes(s));
    t3(`eim.${s}`, `EIM: ${eimLabel[s]}`, ["UC", "CD"], f, paper || included.some((p) => f(p) === true));
  }
  const een = (p: Patient) => conv(p, ["exclusiveEnteralNutrition"]);
  t3("een", "Prior exclusive enteral nutrition", ["UC", "CD"], een, paper || included.some((p) => een(p) === true));
  // co-therapy during the course, recognised by the drug itself (a biologic is a biologic whatever its class label)
  const co = (p: Patient, f: (cls: string, d: string) => boolean) => course(p).concomitantMedications.some((m) => f(m.agentClass, (m.drug ?? "").toLowerCase()));
  const paperCo: [string, string, (cls: string, d: string) => boolean][] = [
    ["thalidomide", "thalidomide", (c, d) => c === "thalidomide" || d === "thalidomide"],
    ["mesalazine", "mesalazine", (c) => c === "5-ASA"],
    ["infliximab", "infliximab", (_c, d) => d === "infliximab"],
    ["vedolizumab", "vedolizumab", (_c, d) => d === "vedolizumab"],
  ];
  for (const [id, name, f] of paperCo) t3(`co.${id}`, `With ${drug}: ${name}`, ["UC", "CD"], (p) => co(p, f), paper);
  if (!paper) {
    const names = new Map<string, string>();
    for (const p of included)
      for (const m of course(p).concomitantMedications) if (m.agentClass !== "corticosteroid") names.set((m.drug ?? m.agentClass).toLowerCase(), m.drug ?? m.agentClass);
    for (const [key, name] of [...names].sort((a, b) => a[0].localeCompare(b[0]))) {
      t3(`co.${key}`, `With ${drug}: ${name}`, ["UC", "CD"], (p) => course(p).concomitantMedications.some((m) => m.agentClass !== "corticosteroid" && (m.drug ?? m.agentClass).toLowerCase() === key));
    }
  }

  // ---- AE table (cohort: adverseEventTable; patients with >= 1 event of the category)
  const occurring = new Set(included.flatMap((p) => (aesBy.get(p.id) ?? []).map((e) => e.category as string)));
  const order = [...AE_LABEL.keys()];
  const aeKeys = paper ? MAO2025_AE : [...occurring].sort((a, b) => (order.indexOf(a) < 0 ? 99 : order.indexOf(a)) - (order.indexOf(b) < 0 ? 99 : order.indexOf(b)) || a.localeCompare(b));
  const aeCats = aeKeys.map((category) => ({ category, label: AE_LABEL.get(category) ?? category, ...(AE_SECTION.has(category) ? { section: AE_SECTION.get(category)! } : {}) }));
  const aeGroups = paper ? (["CD", "UC"] as Group[]) : present;
  const aeRes = adverseEventTable(
    included.map((p) => ({ patientId: p.id, group: groupOf[p.id]! })),
    included.flatMap((p) => (aesBy.get(p.id) ?? []).map((e) => ({ patientId: e.patientId, category: e.category }))),
    {
      categories: aeCats,
      groups: aeGroups,
      overallLabel: present.length > 1 ? "All" : null,
      overallPercentDigits: 1,
      caption: paper ? "Table 4 Adverse events (patients with at least one event)" : "Adverse events (patients with at least one event)",
    },
  );
  // ---- AE by system organ class and preferred term, with exposure-adjusted rates (cohort: adverseEventHierarchyTable,
  // endpoints: exposureTime; cut-off = the last visit of the cohort, each patient's exposure ends at the last visit)
  const { byPatient: lastVisitOf, last: lastVisitAll } = lastVisitDates(cohort.visits);
  const exposure =
    lastVisitAll === ""
      ? null
      : exposureTime(
          included.map((p) => coursesBy.get(p.id)!),
          { cutoffDate: lastVisitAll, lastFollowUp: new Map(included.flatMap((p) => (lastVisitOf.has(p.id) ? [[p.id, lastVisitOf.get(p.id)!] as const] : []))) },
        );
  const pyOf = new Map(exposure?.patients.map((x) => [x.patientId, x.personYears]) ?? []);
  const aePatients = included.map((p) => ({ patientId: p.id, group: groupOf[p.id]!, ...(pyOf.has(p.id) ? { exposureYears: pyOf.get(p.id)! } : {}) }));
  const withExposure = aePatients.every((p) => p.exposureYears !== undefined && p.exposureYears > 0);
  const aeHierarchy = adverseEventHierarchyTable(
    aePatients,
    included.flatMap((p) =>
      (aesBy.get(p.id) ?? []).map((e) => {
        const s = seriousnessOf(e).status;
        return {
          patientId: e.patientId,
          systemOrganClass: AE_SOC.get(e.category) ?? "Other events",
          preferredTerm: e.term.charAt(0).toUpperCase() + e.term.slice(1),
          ...(s === "unknown" ? {} : { serious: s === "serious" }),
          ledToDiscontinuation: e.ledToDiscontinuation,
        };
      }),
    ),
    {
      groups: aeGroups,
      overallLabel: present.length > 1 ? "All" : null,
      rates: withExposure,
      caption: `Adverse events by system organ class and preferred term${withExposure ? ", with events per 100 patient-years on drug" : ""}`,
    },
  );
  const at = (l: { counts: number[] }, g: Group) => (aeGroups.indexOf(g) < 0 ? 0 : l.counts[aeGroups.indexOf(g)]!);
  const ae = aeRes.lines.map((l) => ({ category: l.category ?? "any", label: l.label, CD: at(l, "CD"), UC: at(l, "UC"), all: present.length > 1 ? l.overall : l.counts[0]! }));
  ae.push({ category: "discontinued", label: "Discontinued", UC: count("UC", disc), CD: count("CD", disc), all: count("UC", disc) + count("CD", disc) });

  // ---- means
  const means: Record<string, { mean: number; sd: number; n: number }> = {};
  const addMean = (id: string, values: number[]) => {
    if (values.length > 0) means[id] = { mean: mean(values), sd: sdOf(values), n: values.length };
  };
  const atTime = (g: readonly Patient[], time: RateTime, k: keyof VisitMeasures) =>
    g.flatMap((p) => {
      const v = timelines[p.id]!.find((t) => t.time === time)?.measures[k];
      return v === undefined ? [] : [v];
    });
  const lastTime = [...times].reverse().find((t) => t.key !== "w78" && t.key !== "w0")?.key ?? "w52";
  addMean("ams.w0", atTime(groups.UC, "w0", "mayoAdapted"));
  addMean(`ams.${lastTime}`, atTime(groups.UC, lastTime, "mayoAdapted"));
  addMean("hbi.w0", atTime(groups.CD, "w0", "hbi"));
  addMean(`hbi.${lastTime}`, atTime(groups.CD, lastTime, "hbi"));
  addMean("sescd.w0", atTime(groups.CD, "w0", "sesCd"));
  const labs: Record<string, LabTrajectorySummaryResult> = {};
  const labDefs: [string, "crp" | "fecalCalprotectin" | "esr" | "albumin" | "vitaminD", string][] = [
    ["fc", "fecalCalprotectin", "FC (µg/g)"],
    ["crp", "crp", "CRP (mg/L)"],
    ["esr", "esr", "ESR (mm/h)"],
    ["vitd", "vitaminD", "25(OH)D (nmol/L)"],
    ["alb", "albumin", "Albumin (g/L)"],
  ];
  // the paper's Figure 6 shows week 0, induction and week 78; a report shows every time point with lab values
  const labTimes = paper ? (["w0", "ind", "w78"] as RateTime[]) : times.map((t) => t.key);
  for (const [key, analyte, label] of labDefs) {
    // UC first, then CD: the groups' order in the figures and tables
    const rows = [...groups.UC, ...groups.CD].flatMap((p) =>
      labTimes.map((t) => {
        const tp = timelines[p.id]!.find((x) => x.time === t);
        const v = tp === undefined || tp.labVisitDate === null ? undefined : (visitsBy.get(p.id) ?? []).find((x) => x.date === tp.labVisitDate);
        const c = v?.labs === undefined ? undefined : labPanelToCanonical(v.labs)[analyte];
        return { patientId: p.id, timepoint: t, value: c ?? null, group: groupOf[p.id]! };
      }),
    );
    if (!rows.some((r) => r.value !== null)) continue;
    const common = { timepoints: labTimes, baseline: "w0", summary: "mean" as const, digits: 1, label };
    const pooled = labTrajectorySummary(rows, common);
    for (const pt of pooled.points) if (pt.mean !== null) means[`${key}.${pt.timepoint}`] = { mean: pt.mean, sd: pt.sd ?? 0, n: pt.n };
    const res = labsBy === "diagnosis" && present.length > 1 ? labTrajectorySummary(rows, { ...common, byGroup: true }) : pooled;
    // time points as people write them in the table's first column
    const relabel = (c: DisplayTable["rows"][number]["cells"][number], i: number) => (i === 0 && typeof c === "string" && labels.has(c as RateTime) ? timeText(c as RateTime) : c);
    const base = timeText("w0");
    const w0 = (c: DisplayTable["columns"][number]) => (typeof c === "string" ? c.replace(/\bvs w0\b/, `vs ${base}`) : c);
    labs[key] = {
      ...res,
      table: {
        ...res.table,
        columns: res.table.columns.map(w0),
        rows: res.table.rows.map((r) => ({ ...r, cells: r.cells.map(relabel) })),
        footnotes: res.table.footnotes.map((f) => f.replace(/\bagainst w0\b/, `against ${base}`)),
      },
    };
  }
  addMean("ucAge", groups.UC.map((p) => ageInYears(p.birthDate, course(p).startDate)));

  return {
    profile: { id: profile.id, version: profile.version, title: profile.title },
    compare,
    drug: drugName,
    times,
    endpoints,
    labsBy,
    validation: { counts: parsed.counts, problems: parsed.problems },
    eligibility,
    kept,
    flow,
    included: { UC: groups.UC.map((p) => p.id), CD: groups.CD.map((p) => p.id) },
    timelines,
    rates,
    table1: { binary, continuous },
    table3,
    table3Rows,
    ae,
    means,
    notes,
    library: {
      rates: rateResults,
      table1: t1,
      table1Display: t1Table,
      ae: aeRes,
      aeHierarchy,
      exposure,
      labs,
      sensitivity,
      tables: [t1Table, ...endpoints.flatMap((e) => (rateResults[e.id] === undefined ? [] : [rateResults[e.id]!.table])), aeRes.table, aeHierarchy.table, ...Object.values(labs).map((l) => l.table)],
    },
  };
}

/**
 * The rates table with "—" where the endpoint is not assessed for a group at a time point (the profile does
 * not define it for that disease or does not schedule it then), and each group's test across time on the time
 * points that apply to it.
 */
function withNotApplicable(res: OutcomeRatesResult, info: ReportEndpointInfo, present: readonly Group[], rows: readonly OutcomeStatusRow[], groups: Record<Group, Patient[]>): OutcomeRatesResult {
  const times = res.timepoints as RateTime[];
  const partial = present.filter((g) => times.some((t) => !info.applies[g].includes(t)));
  if (partial.length === 0) return res;
  const cols = res.groups.map((g) => g.group);
  const table = res.table;
  const body = table.rows.map((row, i) => {
    const t = times[i];
    const cells = [...row.cells];
    if (t === undefined) {
      // the across-time row: Cochran's Q of each partial group on its own time points
      for (const g of partial) {
        const own = info.applies[g].filter((x) => times.includes(x));
        const j = cols.indexOf(g);
        let text = "—";
        if (own.length >= 2) {
          const q = outcomeRates(
            rows.filter((r) => r.group === g),
            { timepoints: own, groups: [g], groupSizes: { [g]: groups[g].length }, denominator: "cohort" },
          ).acrossTime[0];
          text = q?.pValue == null ? "" : formatPValue(q.pValue);
        }
        cells[1 + j] = text;
      }
      if (cols.includes("All")) cells[1 + cols.indexOf("All")] = "—";
      return { ...row, cells };
    }
    let anyMissing = false;
    for (const g of present) {
      if (!info.applies[g].includes(t)) {
        cells[1 + cols.indexOf(g)] = "—";
        anyMissing = true;
      }
    }
    if (anyMissing) {
      if (cols.includes("All")) cells[1 + cols.indexOf("All")] = "—";
      cells[cells.length - 1] = "";
    }
    return { ...row, cells };
  });
  return { ...res, table: { ...table, rows: body, footnotes: [...table.footnotes, "— not assessed for this group at this time point under the profile."] } };
}
