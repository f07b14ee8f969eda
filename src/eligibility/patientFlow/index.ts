import * as z from "zod";
import { describeValue, errorFromZod } from "../../_lib/errors.js";
import { DiagnosisSchema, IdSchema, type Diagnosis } from "../../models/common.js";
import { ELIGIBILITY_REASON_CODES, type EligibilityReasonCode, type StudyEligibilityResult } from "../assessStudyEligibility/index.js";

const FN = "patientFlow";
const DIAGNOSES = ["CD", "UC", "IBD-U"] as const satisfies readonly Diagnosis[];

/** The code of the step that always closes the flow: patients with no failed rule but an unknown one. */
export const UNDETERMINED_STEP_CODE = "UNDETERMINED";

/** One exclusion step of a flow diagram: patients whose first failed reason (in step order) is listed here. */
export interface FlowStepDefinition {
  /** Stable step code (e.g. `INCL_DTT`, `OTHER`). */
  readonly code: string;
  /** Label shown in the diagram. */
  readonly label: string;
  /** Reason codes gathered by this step. */
  readonly reasonCodes: readonly EligibilityReasonCode[];
}

/**
 * The paper's Figure 4 steps, in order: not refractory, age < 18, incomplete data, concomitant biologics, other.
 * "Other" gathers every remaining reason code (exposure, study window, pregnancy, infection, malignancy,
 * liver, renal, total colectomy).
 */
export const MAO2025_FLOW_STEPS: readonly FlowStepDefinition[] = Object.freeze([
  Object.freeze({ code: "INCL_DTT", label: "Not refractory (difficult-to-treat) IBD", reasonCodes: Object.freeze(["INCL_DTT"] as const) }),
  Object.freeze({ code: "INCL_AGE", label: "Age < 18 years", reasonCodes: Object.freeze(["INCL_AGE"] as const) }),
  Object.freeze({
    code: "EXCL_INSUFFICIENT_DATA",
    label: "Incomplete baseline or follow-up data",
    reasonCodes: Object.freeze(["EXCL_INSUFFICIENT_DATA"] as const),
  }),
  Object.freeze({
    code: "EXCL_CONCOMITANT_BIOLOGIC",
    label: "Concomitant biologic agents",
    reasonCodes: Object.freeze(["EXCL_CONCOMITANT_BIOLOGIC"] as const),
  }),
  Object.freeze({
    code: "OTHER",
    label: "Other reasons",
    reasonCodes: Object.freeze([
      "INCL_EXPOSURE",
      "INCL_STUDY_WINDOW",
      "EXCL_PREGNANCY",
      "EXCL_SERIOUS_INFECTION",
      "EXCL_MALIGNANCY",
      "EXCL_LIVER",
      "EXCL_RENAL",
      "EXCL_TOTAL_COLECTOMY",
    ] as const),
  }),
]);

const count = z.number().int().min(0);
const ReasonCodeSchema = z.enum(ELIGIBILITY_REASON_CODES);

/** Counts a paper reports for its flow diagram, to compare with the computed flow. */
export const ReportedFlowSchema = z.strictObject({
  screened: count,
  /** Step code → patients excluded at that step, as reported. */
  steps: z.record(z.string().min(1), count),
  included: count,
  includedByDiagnosis: z.strictObject({ CD: count.optional(), UC: count.optional(), "IBD-U": count.optional() }).optional(),
});
/** A reported flow. */
export interface ReportedFlow extends z.infer<typeof ReportedFlowSchema> {}

/**
 * The paper's reported flow (Mao et al. 2025, Results and Figure 4): 122 screened; −8 not refractory, −1 age < 18,
 * −23 incomplete data, −2 concomitant biologics, −10 other; 80 included (52 CD, 28 UC). Its own arithmetic gives
 * 78, not 80 ([definitions §2.4](https://github.com/ibd-outcomes/ibd-outcomes/blob/main/docs/definitions.md)).
 */
export const MAO2025_REPORTED_FLOW: ReportedFlow = Object.freeze({
  screened: 122,
  steps: Object.freeze({ INCL_DTT: 8, INCL_AGE: 1, EXCL_INSUFFICIENT_DATA: 23, EXCL_CONCOMITANT_BIOLOGIC: 2, OTHER: 10 }),
  included: 80,
  includedByDiagnosis: Object.freeze({ CD: 52, UC: 28 }),
});

/** What `patientFlow` needs of each screened patient (a `StudyEligibilityResult` fits). */
export const FlowEntrySchema = z
  .object({
    patientId: IdSchema,
    diagnosis: DiagnosisSchema,
    status: z.enum(["eligible", "ineligible", "undetermined"]),
    failedCodes: z.array(ReasonCodeSchema),
    unknownCodes: z.array(ReasonCodeSchema),
  })
  .superRefine((e, ctx) => {
    const want = e.failedCodes.length > 0 ? "ineligible" : e.unknownCodes.length > 0 ? "undetermined" : "eligible";
    if (e.status !== want) ctx.addIssue({ code: "custom", path: ["status"], message: `must be "${want}" given failedCodes and unknownCodes` });
  });
/** One screened patient's eligibility, as the flow reads it (the matching fields of a `StudyEligibilityResult`). */
export type FlowEntry = Pick<StudyEligibilityResult, "patientId" | "diagnosis" | "status" | "failedCodes" | "unknownCodes">;

/** Options of {@link patientFlow}. */
export interface PatientFlowOptions {
  /** Exclusion steps in order; together they must list every reason code exactly once. Default `MAO2025_FLOW_STEPS`. */
  readonly steps?: readonly FlowStepDefinition[];
  /** Reported counts to compare with (e.g. `MAO2025_REPORTED_FLOW`). */
  readonly reported?: ReportedFlow;
}

/** Counts per diagnosis. */
export type DiagnosisCounts = { readonly [D in Diagnosis]: number };

/** One step of the computed flow. */
export interface PatientFlowStep {
  readonly code: string;
  readonly label: string;
  readonly reasonCodes: readonly EligibilityReasonCode[];
  /** Patients counted here (their first failed reason in step order is in `reasonCodes`). */
  readonly excluded: number;
  readonly excludedByDiagnosis: DiagnosisCounts;
  /** Patients remaining after this step. */
  readonly remaining: number;
}

/** One screened patient in the flow: where they were counted, and every reason they had. */
export interface PatientFlowEntry {
  readonly patientId: string;
  readonly diagnosis: Diagnosis;
  readonly status: "eligible" | "ineligible" | "undetermined";
  /** Step code the patient is counted under; `null` when included. */
  readonly countedUnder: string | null;
  readonly failedCodes: readonly EligibilityReasonCode[];
  readonly unknownCodes: readonly EligibilityReasonCode[];
}

/** One difference between reported and computed counts (`difference = computed − reported`). */
export interface FlowDifference {
  readonly item: string;
  readonly reported: number;
  readonly computed: number;
  readonly difference: number;
}

/** How the computed flow compares with a reported one. */
export interface FlowComparison {
  /** True when no difference was found and the reported counts add up. */
  readonly matches: boolean;
  readonly differences: readonly FlowDifference[];
  /** Items not compared: computed steps the report does not give. */
  readonly notCompared: readonly string[];
  /** Whether the reported counts add up: screened − Σ excluded = included. */
  readonly reportedArithmetic: {
    readonly screened: number;
    readonly excluded: number;
    readonly impliedIncluded: number;
    readonly statedIncluded: number;
    /** statedIncluded − impliedIncluded. */
    readonly difference: number;
    readonly consistent: boolean;
  };
}

/** The result of {@link patientFlow}: plain data, ready for a diagram. */
export interface PatientFlow {
  readonly screened: number;
  readonly screenedByDiagnosis: DiagnosisCounts;
  /** Exclusion steps in order, then the `UNDETERMINED` step (always present, possibly 0). */
  readonly steps: readonly PatientFlowStep[];
  /** Σ excluded over the steps. */
  readonly excluded: number;
  readonly included: number;
  readonly includedByDiagnosis: DiagnosisCounts;
  /** Patients failing each reason code, counting every reason of every patient (they overlap). */
  readonly reasonCounts: { readonly [C in EligibilityReasonCode]: number };
  /** Patients with each reason code unknown. */
  readonly unknownReasonCounts: { readonly [C in EligibilityReasonCode]: number };
  /** Every screened patient, in input order. */
  readonly patients: readonly PatientFlowEntry[];
  /** Present when `options.reported` was given. */
  readonly comparison?: FlowComparison;
}

const zeroDx = (): { -readonly [D in Diagnosis]: number } => ({ CD: 0, UC: 0, "IBD-U": 0 });
const zeroCodes = (): { -readonly [C in EligibilityReasonCode]: number } =>
  Object.fromEntries(ELIGIBILITY_REASON_CODES.map((c) => [c, 0])) as { -readonly [C in EligibilityReasonCode]: number };

function checkSteps(steps: unknown): readonly FlowStepDefinition[] {
  if (!Array.isArray(steps)) throw new TypeError(`${FN}: options.steps must be an array of steps; got ${describeValue(steps)}.`);
  const seenSteps = new Set<string>();
  const owner = new Map<string, number>();
  steps.forEach((s: unknown, i) => {
    if (s === null || typeof s !== "object") throw new TypeError(`${FN}: options.steps[${i}] must be an object; got ${describeValue(s)}.`);
    const { code, label, reasonCodes } = s as Record<string, unknown>;
    if (typeof code !== "string" || code.length === 0) throw new TypeError(`${FN}: options.steps[${i}].code must be a non-empty string; got ${describeValue(code)}.`);
    if (typeof label !== "string") throw new TypeError(`${FN}: options.steps[${i}].label must be a string; got ${describeValue(label)}.`);
    if (code === UNDETERMINED_STEP_CODE || seenSteps.has(code)) {
      throw new RangeError(`${FN}: options.steps[${i}].code must be unique and not "${UNDETERMINED_STEP_CODE}"; got "${code}".`);
    }
    seenSteps.add(code);
    if (!Array.isArray(reasonCodes) || reasonCodes.length === 0) {
      throw new TypeError(`${FN}: options.steps[${i}].reasonCodes must be a non-empty array of reason codes; got ${describeValue(reasonCodes)}.`);
    }
    reasonCodes.forEach((rc: unknown, j) => {
      if (typeof rc !== "string" || !(ELIGIBILITY_REASON_CODES as readonly string[]).includes(rc)) {
        throw new TypeError(`${FN}: options.steps[${i}].reasonCodes[${j}] must be a reason code (ELIGIBILITY_REASON_CODES); got ${typeof rc === "string" ? `"${rc}"` : describeValue(rc)}.`);
      }
      if (owner.has(rc)) throw new RangeError(`${FN}: options.steps[${i}].reasonCodes[${j}] must appear in one step only; got "${rc}" again (also in step ${owner.get(rc)}).`);
      owner.set(rc, i);
    });
  });
  const missing = ELIGIBILITY_REASON_CODES.filter((c) => !owner.has(c));
  if (missing.length > 0) {
    throw new RangeError(`${FN}: options.steps must cover every reason code; got none for ${missing.join(", ")}.`);
  }
  return steps as readonly FlowStepDefinition[];
}

function compare(flow: Omit<PatientFlow, "comparison">, reported: ReportedFlow): FlowComparison {
  const differences: FlowDifference[] = [];
  const notCompared: string[] = [];
  const diff = (item: string, rep: number, computed: number) => {
    if (rep !== computed) differences.push({ item, reported: rep, computed, difference: computed - rep });
  };
  diff("screened", reported.screened, flow.screened);
  for (const s of flow.steps) {
    const rep = reported.steps[s.code];
    if (rep === undefined) notCompared.push(`steps.${s.code}`);
    else diff(`steps.${s.code}`, rep, s.excluded);
  }
  diff("included", reported.included, flow.included);
  for (const d of DIAGNOSES) {
    const rep = reported.includedByDiagnosis?.[d];
    if (rep !== undefined) diff(`includedByDiagnosis.${d}`, rep, flow.includedByDiagnosis[d]);
  }
  const excluded = Object.values(reported.steps).reduce((a, b) => a + b, 0);
  const impliedIncluded = reported.screened - excluded;
  const reportedArithmetic = {
    screened: reported.screened,
    excluded,
    impliedIncluded,
    statedIncluded: reported.included,
    difference: reported.included - impliedIncluded,
    consistent: impliedIncluded === reported.included,
  };
  return { matches: differences.length === 0 && reportedArithmetic.consistent, differences, notCompared, reportedArithmetic };
}

/**
 * Counts a study flow diagram from a screened cohort's eligibility: screened, each exclusion step in order,
 * included, by diagnosis. Each patient is counted once, under the first step (in step order) holding one of
 * their failed reason codes; every reason is kept per patient and counted in `reasonCounts`.
 * @remarks
 * Default steps are the paper's Figure 4 (`MAO2025_FLOW_STEPS`). Patients with no failed rule but an unknown
 * one are never silently included or dropped: they are counted in a final `UNDETERMINED` step. The counts add
 * up by construction: `screened = Σ steps[].excluded + included`, and `remaining` falls step by step.
 * With `reported` (e.g. `MAO2025_REPORTED_FLOW`), every reported count is compared with the computed one and
 * the reported arithmetic is checked on its own: the paper's 122 − 44 = 78 against 80 stated is reported as
 * `reportedArithmetic.consistent: false`, difference 2 ([definitions §2.4](https://github.com/ibd-outcomes/ibd-outcomes/blob/main/docs/definitions.md)). Nothing is adjusted.
 * @param screened - One eligibility result per screened patient (e.g. from `assessStudyEligibility`).
 * @param options - `steps` (ordered, covering every reason code exactly once), `reported`.
 * @returns Steps with label, code, n excluded and n remaining; included by diagnosis; per-patient placement;
 *   and the comparison when `reported` is given.
 * @throws {TypeError} If `screened` is not an array, an entry or step has the wrong shape, or a code is unknown.
 * @throws {RangeError} If an entry's status contradicts its codes, a patient id repeats, or the steps do not
 *   cover every reason code exactly once.
 * @example
 * const flow = patientFlow([
 *   { patientId: "A", diagnosis: "CD", status: "eligible", failedCodes: [], unknownCodes: [] },
 *   { patientId: "B", diagnosis: "UC", status: "ineligible", failedCodes: ["INCL_AGE", "INCL_DTT"], unknownCodes: [] },
 *   { patientId: "C", diagnosis: "UC", status: "ineligible", failedCodes: ["EXCL_RENAL"], unknownCodes: [] },
 * ]);
 * flow.steps.map((s) => [s.code, s.excluded, s.remaining]);
 * //=> [["INCL_DTT", 1, 2], ["INCL_AGE", 0, 2], ["EXCL_INSUFFICIENT_DATA", 0, 2],
 * //    ["EXCL_CONCOMITANT_BIOLOGIC", 0, 2], ["OTHER", 1, 1], ["UNDETERMINED", 0, 1]]
 * @see Mao Y, et al. Efficacy and Safety of Upadacitinib for Refractory IBD. Drug Des Devel Ther 2025 (Figure 4).
 * @see von Elm E, et al. The STROBE statement. Lancet 2007;370:1453-1457. doi:10.1016/S0140-6736(07)61602-X
 *   (item 13: numbers at each stage, reasons for non-participation, flow diagram).
 */
export function patientFlow(screened: readonly FlowEntry[], options: PatientFlowOptions = {}): PatientFlow {
  if (!Array.isArray(screened)) throw new TypeError(`${FN}: screened must be an array of eligibility results; got ${describeValue(screened)}.`);
  if (options === null || typeof options !== "object") throw new TypeError(`${FN}: options must be an object; got ${describeValue(options)}.`);
  const steps = checkSteps(options.steps ?? MAO2025_FLOW_STEPS);
  let reported: ReportedFlow | undefined;
  if (options.reported !== undefined) {
    const r = ReportedFlowSchema.safeParse(options.reported);
    if (!r.success) throw errorFromZod(FN, "options.reported", r.error, options.reported);
    reported = r.data;
    for (const code of Object.keys(reported.steps)) {
      if (code !== UNDETERMINED_STEP_CODE && !steps.some((s) => s.code === code)) {
        throw new RangeError(`${FN}: options.reported.steps must use the flow's step codes; got "${code}".`);
      }
    }
  }
  const entries = screened.map((raw: unknown, i) => {
    const r = FlowEntrySchema.safeParse(raw);
    if (!r.success) throw errorFromZod(FN, `screened[${i}]`, r.error, raw);
    return r.data;
  });
  const ids = new Set<string>();
  entries.forEach((e, i) => {
    if (ids.has(e.patientId)) throw new RangeError(`${FN}: screened[${i}].patientId must be unique; got a repeated id.`);
    ids.add(e.patientId);
  });

  const stepOf = new Map<string, number>();
  steps.forEach((s, i) => s.reasonCodes.forEach((c) => stepOf.set(c, i)));
  const undeterminedIndex = steps.length;
  const excluded = [...steps.map(() => zeroDx()), zeroDx()];
  const screenedByDiagnosis = zeroDx();
  const includedByDiagnosis = zeroDx();
  const reasonCounts = zeroCodes();
  const unknownReasonCounts = zeroCodes();
  const patients: PatientFlowEntry[] = entries.map((e) => {
    screenedByDiagnosis[e.diagnosis] += 1;
    for (const c of new Set(e.failedCodes)) reasonCounts[c] += 1;
    for (const c of new Set(e.unknownCodes)) unknownReasonCounts[c] += 1;
    let at: number | null = null;
    if (e.failedCodes.length > 0) at = Math.min(...e.failedCodes.map((c) => stepOf.get(c)!));
    else if (e.unknownCodes.length > 0) at = undeterminedIndex;
    if (at === null) includedByDiagnosis[e.diagnosis] += 1;
    else excluded[at]![e.diagnosis] += 1;
    const countedUnder = at === null ? null : at === undeterminedIndex ? UNDETERMINED_STEP_CODE : steps[at]!.code;
    return { patientId: e.patientId, diagnosis: e.diagnosis, status: e.status, countedUnder, failedCodes: [...e.failedCodes], unknownCodes: [...e.unknownCodes] };
  });

  const allSteps = [...steps, { code: UNDETERMINED_STEP_CODE, label: "Eligibility undetermined (data not recorded)", reasonCodes: [] }];
  let remaining = entries.length;
  const flowSteps: PatientFlowStep[] = allSteps.map((s, i) => {
    const byDx = excluded[i]!;
    const n = byDx.CD + byDx.UC + byDx["IBD-U"];
    remaining -= n;
    return { code: s.code, label: s.label, reasonCodes: [...s.reasonCodes], excluded: n, excludedByDiagnosis: byDx, remaining };
  });
  const included = includedByDiagnosis.CD + includedByDiagnosis.UC + includedByDiagnosis["IBD-U"];
  const excludedTotal = flowSteps.reduce((a, s) => a + s.excluded, 0);
  if (excludedTotal + included !== entries.length || remaining !== included) {
    // Unreachable by construction; guards against a future edit breaking the accounting.
    throw new RangeError(`${FN}: flow does not add up; got ${entries.length} screened, ${excludedTotal} excluded, ${included} included.`);
  }
  const flow = {
    screened: entries.length,
    screenedByDiagnosis,
    steps: flowSteps,
    excluded: excludedTotal,
    included,
    includedByDiagnosis,
    reasonCounts,
    unknownReasonCounts,
    patients,
  };
  return reported === undefined ? flow : { ...flow, comparison: compare(flow, reported) };
}
