/**
 * The cohort analysis behind `ibd-outcomes report` and `npm run demo`: validation, eligibility and flow,
 * per-patient time points under a profile, outcome rates, Table 1, Table 3 counts, the AE table and lab
 * means. Plain data in, plain data out; rendering is in render.ts.
 */
import { ageInYears, daysBetween } from "../../_lib/dates.js";
import { parseCohort, labPanelToCanonical, mechanismOf } from "../../models/index.js";
import type { AdverseEvent, Cohort, CohortParseResult, Patient, TreatmentCourse, Visit } from "../../models/index.js";
import { assessStudyEligibility, patientFlow, MAO2025_REPORTED_FLOW } from "../../eligibility/index.js";
import type { EligibilityReasonCode, PatientFlow, StudyEligibilityResult } from "../../eligibility/index.js";
import { getProfile, patientTimeline, steroidExposure, timelineRows } from "../../endpoints/index.js";
import type { PatientTimeline } from "../../endpoints/index.js";
import { mean, sd } from "../../stats/index.js";
import { adverseEventTable, labTrajectorySummary, outcomeRates, outcomeRowsFromTimeline, summaryTable } from "../../cohort/index.js";
import type { AdverseEventTableResult, DisplayTable, LabTrajectorySummaryResult, OutcomeRatesResult, SummaryTableResult } from "../../cohort/index.js";
import type { EndpointId, EndpointStatus, TimepointKey, VisitMeasures } from "../../endpoints/index.js";

/** Rate time keys: the induction visit is w8 (UC) or w12 (CD), reported together as `ind`. */
export type RateTime = "w0" | "ind" | "w26" | "w52" | "w78";
export const RATE_TIMES: readonly RateTime[] = ["w0", "ind", "w26", "w52", "w78"];
/** Endpoints the report tabulates. */
export const REPORT_ENDPOINTS = ["steroidFreeClinicalRemission", "clinicalResponse", "endoscopicRemission", "endoscopicResponse", "crpNormalisation", "fcNormalisation"] as const;
export type ReportEndpoint = (typeof REPORT_ENDPOINTS)[number];
export type Group = "UC" | "CD";

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

/** Everything the report shows. */
export interface Analysis {
  readonly profile: { readonly id: string; readonly version: string };
  readonly validation: Pick<CohortParseResult, "counts" | "problems">;
  readonly eligibility: readonly StudyEligibilityResult[];
  readonly kept: readonly { readonly patientId: string; readonly overridden: readonly EligibilityReasonCode[] }[];
  readonly flow: PatientFlow;
  readonly included: { readonly UC: readonly string[]; readonly CD: readonly string[] };
  readonly timelines: Readonly<Record<string, readonly PatientTimepoint[]>>;
  readonly rates: readonly Rate[];
  readonly table1: { readonly binary: readonly BinaryRow[]; readonly continuous: readonly ContinuousRow[] };
  readonly table3: Readonly<Record<string, { readonly UC: number; readonly CD: number }>>;
  readonly ae: readonly { readonly category: string; readonly label: string; readonly UC: number; readonly CD: number; readonly all: number }[];
  readonly means: Readonly<Record<string, { readonly mean: number; readonly sd: number; readonly n: number }>>;
  /** The cohort module's results behind the tables and figures. */
  readonly library: {
    readonly rates: Readonly<Record<ReportEndpoint, OutcomeRatesResult>>;
    readonly table1: SummaryTableResult;
    readonly ae: AdverseEventTableResult;
    readonly labs: Readonly<Record<string, LabTrajectorySummaryResult>>;
    readonly tables: readonly DisplayTable[];
  };
}

/** Options of {@link analyseCohort}. */
export interface AnalyseOptions {
  /** Profile id (default `mao2025`). */
  readonly profile?: string;
  /** Patients kept although an exclusion applies (their failed codes are listed in `kept`). */
  readonly keep?: readonly string[];
}

/** Every time point of a library `patientTimeline`, with its visit dates and endpoint statuses. */
function timepointsOf(tl: PatientTimeline): PatientTimepoint[] {
  return tl.timepoints.map((t) => {
    const status: Partial<Record<EndpointId, EndpointStatus>> = {};
    for (const [e, r] of Object.entries(t.outcomes) as [EndpointId, { status: EndpointStatus }][]) status[e] = r.status;
    const time: RateTime = t.timepoint === "w8" || t.timepoint === "w12" ? "ind" : (t.timepoint as RateTime);
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

/** The library's SD (compensated sums), with 0 for a single value as the report shows it. */
const sdOf = (x: readonly number[]) => (x.length < 2 ? 0 : sd(x));

/**
 * Runs the whole analysis on an untrusted cohort object.
 * @param input - `{ patients, courses, visits, adverseEvents }`.
 * @param options - Profile id and kept patient ids.
 */
export function analyseCohort(input: unknown, options: AnalyseOptions = {}): Analysis {
  const profile = getProfile(options.profile ?? "mao2025");
  const parsed = parseCohort(input);
  const cohort: Cohort = parsed.cohort;
  const keep = new Set(options.keep ?? []);

  const coursesBy = new Map<string, TreatmentCourse>();
  for (const c of cohort.courses) if (!coursesBy.has(c.patientId) && c.drug.toLowerCase() === "upadacitinib") coursesBy.set(c.patientId, c);
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
  const flow = patientFlow(entries, profile.id === "mao2025" ? { reported: MAO2025_REPORTED_FLOW } : {});
  const includedIds = new Set(flow.patients.filter((e) => e.countedUnder === null).map((e) => e.patientId));
  const included = cohort.patients.filter((p) => includedIds.has(p.id));
  const groups: Record<Group, Patient[]> = { UC: included.filter((p) => p.diagnosis !== "CD"), CD: included.filter((p) => p.diagnosis === "CD") };

  // ---- time points and rates (endpoints: patientTimeline, timelineRows; cohort: outcomeRates)
  const timelines: Record<string, PatientTimepoint[]> = {};
  const tRows = [];
  for (const p of included) {
    const tl = patientTimeline(p, coursesBy.get(p.id)!, visitsBy.get(p.id) ?? [], profile, { validated: true });
    timelines[p.id] = timepointsOf(tl);
    tRows.push(...timelineRows(tl));
  }
  const groupOf: Record<string, string> = {};
  for (const g of ["UC", "CD"] as const) for (const p of groups[g]) groupOf[p.id] = g;
  const rates: Rate[] = [];
  const rateResults = {} as Record<ReportEndpoint, OutcomeRatesResult>;
  for (const endpoint of REPORT_ENDPOINTS) {
    const rows = outcomeRowsFromTimeline(tRows, { endpoint, timepoints: { w8: "ind", w12: "ind" }, groupOf });
    const timepoints = RATE_TIMES.filter((t) => rows.some((r) => r.timepoint === t));
    const res = outcomeRates(rows, {
      timepoints,
      groups: ["UC", "CD"],
      groupSizes: { UC: groups.UC.length, CD: groups.CD.length },
      overall: "All",
      denominator: "cohort",
      caption: `${ENDPOINT_CAPTION[endpoint]}, n (%) [95% CI]`,
    });
    rateResults[endpoint] = res;
    for (const r of res.rates) {
      rates.push({ endpoint, time: r.timepoint as RateTime, group: r.group === "All" ? "all" : (r.group as Group), met: r.events, notMet: r.denominator - r.events - r.notEvaluable, notEvaluable: r.notEvaluable, of: r.denominator });
    }
  }

  // ---- Table 1
  const count = (g: Group, f: (p: Patient) => boolean) => groups[g].filter(f).length;
  const mech = (p: Patient, classes: readonly string[]) =>
    (p.priorTherapies ?? []).some((t) => classes.includes(mechanismOf(t.drug, t.mechanism) ?? "other"));
  const conv = (p: Patient, agents: readonly string[]) => (p.priorConventionalTherapies ?? []).some((t) => agents.includes(t.agent));
  const course = (p: Patient) => coursesBy.get(p.id)!;
  const patientDefs: [string, string, (p: Patient) => boolean][] = [
    ["male", 'Male ("Gender")', (p) => p.sex === "male"],
    ["asa", "5-ASA", (p) => conv(p, ["5-ASA"])],
    ["immunosuppressant", "Immunosuppressive agents", (p) => conv(p, ["thiopurine", "methotrexate", "tacrolimus", "cyclosporine"])],
    ["glucocorticoid", "Glucocorticoid (history)", (p) => conv(p, ["corticosteroid"])],
    ["antiTNF", "Anti-TNF", (p) => mech(p, ["antiTNF"])],
    ["antiIntegrin", "Anti-integrin", (p) => mech(p, ["antiIntegrin"])],
    ["il12_23", "IL-12/23 and IL-23 inhibitors", (p) => mech(p, ["antiIL12_23", "antiIL23p19"])],
    ["il17a", "IL-17A inhibitors", (p) => mech(p, ["antiIL17A"])],
    ["jak", "JAK inhibitors", (p) => mech(p, ["JAK"])],
    ["tripterygium", "Tripterygium wilfordii", (p) => conv(p, ["tripterygium"])],
    ["methotrexate", "Methotrexate", (p) => conv(p, ["methotrexate"])],
    ["tacrolimus", "Tacrolimus", (p) => conv(p, ["tacrolimus"])],
    ["steroidsAtBaseline", 'Corticosteroids at baseline ("Hormones")', (p) => steroidExposure(course(p), course(p).startDate).status === "on"],
    ["surgery", "Surgical history", (p) => (p.surgeries ?? []).some((s) => s.date <= course(p).startDate)],
    ["eim", "Extraintestinal manifestations", (p) => (p.extraintestinalManifestations ?? []).length > 0],
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
    ["ageYears", "Age (years)", (p) => ageInYears(p.birthDate, course(p).startDate)],
    ["durationYears", "Course of disease (years)", (p) => daysBetween(p.diagnosisDate, course(p).startDate) / 365.25],
    ["ageAtDiagnosisYears", "Age at diagnosis (years)", (p) => ageInYears(p.birthDate, p.diagnosisDate)],
  ];
  const dich: [string, string, (p: Patient) => boolean][] = [
    ...patientDefs,
    ...outcomeDefs.flatMap(([prefix, name, e, times]) => times.map((t) => [`${prefix}.${t}`, `${name}, ${TIME_TEXT[t]}`, (p: Patient) => statusAt(p, e, t)] as [string, string, (p: Patient) => boolean])),
    ["ae", "Adverse reactions (patients)", hasAe],
    ["discontinued", "Discontinued medication", disc],
  ];
  const t1Rows = included.map((p) => {
    const row: Record<string, string | number | boolean> = { group: groupOf[p.id]! };
    for (const [id, , f] of contDefs) row[id] = f(p);
    for (const [id, , f] of dich) row[id] = f(p);
    return row;
  });
  const t1 = summaryTable(t1Rows, {
    by: "group",
    groups: ["UC", "CD"],
    caption: "Table 1 Patient demographics and baseline characteristics",
    missing: "no",
    footnoteLetters: "fixed", // the paper's notes: a Wilcoxon, b Welch, c Pearson, d Fisher
    variables: [
      ...contDefs.map(([key, label]) => ({ key, label, type: "continuous" as const, summary: "median" as const, ...(key === "durationYears" ? { digits: 1 } : { digits: 0 }) })),
      ...dich.map(([key, label]) => ({ key, label, type: "dichotomous" as const })),
    ],
  });
  const countOf = (cell: string | undefined) => Number(/^(\d+)/.exec(cell ?? "")?.[1] ?? NaN);
  const testOf = (t: string | null): "chisq" | "fisher" => (t === "fisherExact" ? "fisher" : "chisq");
  const binary: BinaryRow[] = dich.map(([id, label]) => {
    const r = t1.rows.find((x) => x.variable === id)!;
    return { id, label, uc: countOf(r.cells[0]), cd: countOf(r.cells[1]), p: r.pValue ?? NaN, test: testOf(r.test) };
  });
  const triple = (cell: string | undefined): readonly [number, number, number] => {
    const m = /^([-\d.]+) \(([-\d.]+), ([-\d.]+)\)$/.exec(cell ?? "");
    return m === null ? [NaN, NaN, NaN] : [Number(m[1]), Number(m[2]), Number(m[3])];
  };
  const continuous: ContinuousRow[] = contDefs.map(([id, label]) => {
    const r = t1.rows.find((x) => x.variable === id)!;
    return { id, label, uc: triple(r.cells[0]), cd: triple(r.cells[1]), p: r.pValue ?? NaN };
  });

  // ---- Table 3
  const table3: Record<string, { UC: number; CD: number }> = {};
  const t3 = (id: string, f: (p: Patient) => boolean) => (table3[id] = { UC: count("UC", f), CD: count("CD", f) });
  for (const k of ["A1", "A2", "A3"]) t3(`montreal.${k}`, (p) => p.montreal?.type === "CD" && p.montreal.age === k);
  for (const k of ["L1", "L2", "L3", "L4"]) t3(`montreal.${k}`, (p) => p.montreal?.type === "CD" && p.montreal.location === k);
  for (const k of ["B1", "B2", "B3"]) t3(`montreal.${k}`, (p) => p.montreal?.type === "CD" && p.montreal.behavior === k);
  t3("montreal.p", (p) => p.montreal?.type === "CD" && p.montreal.perianal);
  for (const k of ["E1", "E2", "E3"]) t3(`montreal.${k}`, (p) => p.montreal?.type === "UC" && p.montreal.extent === k);
  t3("eim", (p) => (p.extraintestinalManifestations ?? []).length > 0);
  for (const s of ["eye", "skin", "joint", "other"] as const) t3(`eim.${s}`, (p) => (p.extraintestinalManifestations ?? []).includes(s));
  t3("een", (p) => conv(p, ["exclusiveEnteralNutrition"]));
  const co = (p: Patient, f: (cls: string, drug: string) => boolean) => course(p).concomitantMedications.some((m) => f(m.agentClass, (m.drug ?? "").toLowerCase()));
  t3("co.thalidomide", (p) => co(p, (c) => c === "thalidomide"));
  t3("co.mesalazine", (p) => co(p, (c) => c === "5-ASA"));
  t3("co.infliximab", (p) => co(p, (c, d) => c === "biologic" && d === "infliximab"));
  t3("co.vedolizumab", (p) => co(p, (c, d) => c === "biologic" && d === "vedolizumab"));

  // ---- AE table (cohort: adverseEventTable; patients with >= 1 event of the category)
  const aeCats = [
    { category: "acneOrSkin", label: "Skin (acne)" },
    { category: "infection", label: "Infection" },
    { category: "neutropenia", label: "Neutropenia", section: "Hematological" },
    { category: "anemia", label: "Anaemia", section: "Hematological" },
    { category: "ckElevation", label: "Creatine kinase abnormalities", section: "Musculoskeletal" },
    { category: "dyslipidemia", label: "Dyslipidaemia" },
    { category: "venousThromboembolism", label: "Thromboembolism" },
    { category: "malignancy", label: "Malignancy" },
  ];
  const aeRes = adverseEventTable(
    included.map((p) => ({ patientId: p.id, group: groupOf[p.id]! })),
    included.flatMap((p) => (aesBy.get(p.id) ?? []).map((e) => ({ patientId: e.patientId, category: e.category }))),
    { categories: aeCats, groups: ["CD", "UC"], overallLabel: "All", overallPercentDigits: 2, caption: "Table 4 Adverse events (patients with at least one event)" },
  );
  const ae = aeRes.lines.map((l) => ({ category: l.category ?? "any", label: l.label, CD: l.counts[0]!, UC: l.counts[1]!, all: l.overall }));
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
  addMean("ams.w0", atTime(groups.UC, "w0", "mayoAdapted"));
  addMean("ams.w52", atTime(groups.UC, "w52", "mayoAdapted"));
  addMean("hbi.w0", atTime(groups.CD, "w0", "hbi"));
  addMean("hbi.w52", atTime(groups.CD, "w52", "hbi"));
  addMean("sescd.w0", atTime(groups.CD, "w0", "sesCd"));
  const labs: Record<string, LabTrajectorySummaryResult> = {};
  const labDefs: [string, "crp" | "fecalCalprotectin" | "esr" | "albumin" | "vitaminD", string][] = [
    ["fc", "fecalCalprotectin", "FC (µg/g)"],
    ["crp", "crp", "CRP (mg/L)"],
    ["esr", "esr", "ESR (mm/h)"],
    ["vitd", "vitaminD", "25(OH)D (nmol/L)"],
    ["alb", "albumin", "Albumin (g/L)"],
  ];
  for (const [key, analyte, label] of labDefs) {
    const rows = included.flatMap((p) =>
      (["w0", "ind", "w78"] as const).map((t) => {
        const tp = timelines[p.id]!.find((x) => x.time === t);
        const v = tp === undefined || tp.labVisitDate === null ? undefined : (visitsBy.get(p.id) ?? []).find((x) => x.date === tp.labVisitDate);
        const c = v?.labs === undefined ? undefined : labPanelToCanonical(v.labs)[analyte];
        return { patientId: p.id, timepoint: t, value: c ?? null };
      }),
    );
    const res = labTrajectorySummary(rows, { timepoints: ["w0", "ind", "w78"], baseline: "w0", summary: "mean", digits: 1, label });
    labs[key] = res;
    for (const pt of res.points) if (pt.mean !== null) means[`${key}.${pt.timepoint}`] = { mean: pt.mean, sd: pt.sd ?? 0, n: pt.n };
  }
  addMean("ucAge", groups.UC.map((p) => ageInYears(p.birthDate, course(p).startDate)));

  return {
    profile: { id: profile.id, version: profile.version },
    validation: { counts: parsed.counts, problems: parsed.problems },
    eligibility,
    kept,
    flow,
    included: { UC: groups.UC.map((p) => p.id), CD: groups.CD.map((p) => p.id) },
    timelines,
    rates,
    table1: { binary, continuous },
    table3,
    ae,
    means,
    library: { rates: rateResults, table1: t1, ae: aeRes, labs, tables: [t1.table, ...REPORT_ENDPOINTS.map((e) => rateResults[e].table), aeRes.table, ...Object.values(labs).map((l) => l.table)] },
  };
}

const ENDPOINT_CAPTION: Record<ReportEndpoint, string> = {
  steroidFreeClinicalRemission: "Steroid-free clinical remission",
  clinicalResponse: "Clinical response",
  endoscopicRemission: "Endoscopic remission",
  endoscopicResponse: "Endoscopic response",
  crpNormalisation: "Normal CRP (< 8 mg/L)",
  fcNormalisation: "Normal FC (< 150 µg/g)",
};

export const TIME_TEXT: Record<RateTime, string> = { w0: "week 0", ind: "week 8/12", w26: "week 26", w52: "week 52", w78: "week 78" };

