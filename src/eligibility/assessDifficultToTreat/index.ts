import * as z from "zod";
import { ageInYears, compareIso } from "../../_lib/dates.js";
import { describeValue, errorFromZod } from "../../_lib/errors.js";
import { IsoDateSchema, type Diagnosis, type IsoDate } from "../../models/common.js";
import { PatientSchema, type Patient, type SurgeryType } from "../../models/patient.js";
import { mechanismOf, type MechanismClass, type StopReason } from "../../models/therapies.js";

const FN = "assessDifficultToTreat";

/** Mechanism classes that count as advanced IBD therapy (biologics and advanced small molecules). */
export const ADVANCED_MECHANISMS = Object.freeze([
  "antiTNF",
  "antiIntegrin",
  "antiIL12_23",
  "antiIL23p19",
  "JAK",
  "S1P",
] as const satisfies readonly MechanismClass[]);
/** An advanced mechanism class. */
export type AdvancedMechanism = (typeof ADVANCED_MECHANISMS)[number];
/** The class a failure is counted under: an advanced class, or the merged IL-23 pathway. */
export type CountedMechanism = AdvancedMechanism | "antiIL23pathway";

/** Surgery types counted as intestinal resections (as documented on `SurgeryTypeSchema`). */
export const INTESTINAL_RESECTION_TYPES = Object.freeze([
  "ileocolonicResection",
  "smallBowelResection",
  "segmentalColectomy",
  "subtotalColectomy",
  "totalColectomy",
] as const satisfies readonly SurgeryType[]);

/**
 * Stop reasons that can count as failure of an advanced therapy (the default of `failureReasons`: all three).
 * @see Parigi TL, et al. Lancet Gastroenterol Hepatol 2023;8:853-9. doi:10.1016/S2468-1253(23)00154-1
 */
export const FAILURE_REASONS = Object.freeze(["primaryNonResponse", "secondaryLossOfResponse", "intolerance"] as const satisfies readonly StopReason[]);
/** A reason for stopping that counts as failure of an advanced therapy (configurable; default all three). */
export type FailureReason = (typeof FAILURE_REASONS)[number];

/** Options of {@link assessDifficultToTreat}. */
export const AssessDifficultToTreatOptionsSchema = z.strictObject({
  /** The date the assessment is made at: only history on or before it counts. Required. */
  asOf: IsoDateSchema,
  /** Stop reasons that count as failure. Default: all three (drop `intolerance` to count efficacy failures only). */
  failureReasons: z.array(z.enum(FAILURE_REASONS)).min(1).default([...FAILURE_REASONS]),
  /** Count ustekinumab (IL-12/23) and anti-IL-23p19 as one mechanism. Default false. */
  mergeIl23Pathway: z.boolean().default(false),
  /** Age (completed years at `asOf`) from which a patient is an adult. Default 18. */
  adultAgeYears: z.number().int().min(1).max(30).default(18),
  /**
   * How a therapy with a recorded `reasonStopped` but no `stopDate` is treated: `"unknown"` (default; its
   * timing against `asOf` cannot be checked) or `"beforeAsOf"` (trust the record as prior history).
   */
  undatedStop: z.enum(["unknown", "beforeAsOf"]).default("unknown"),
});
/** Options of {@link assessDifficultToTreat} as accepted on input. */
export interface AssessDifficultToTreatOptions extends z.input<typeof AssessDifficultToTreatOptionsSchema> {}

/** Status of one IOIBD criterion, and of the overall verdict. */
export type DttStatus = "met" | "not-met" | "unknown";
/** Identifiers of the five IOIBD criteria, in the consensus order. */
export type DttCriterionId =
  | "advancedTherapyFailure"
  | "postoperativeRecurrence"
  | "chronicAntibioticRefractoryPouchitis"
  | "complexPerianalDisease"
  | "psychosocialComorbidity";

/** Why a prior therapy is, is not, or may be a failure. */
export type TherapyNote =
  | "failed"
  | "stoppedForOtherReason"
  | "reasonNotCountedAsFailure"
  | "notAdvanced"
  | "ongoing"
  | "startedAfterAsOf"
  | "stoppedAfterAsOf"
  | "reasonStoppedMissing"
  | "stopDateMissing";

/** One prior therapy as the assessment read it. */
export interface TherapyEvidence {
  /** Index in `patient.priorTherapies`. */
  readonly index: number;
  readonly drug: string;
  /** The drug's class (explicit or from the catalogue). */
  readonly mechanism: MechanismClass;
  /** The class it is counted under, `null` for non-advanced classes. */
  readonly countedAs: CountedMechanism | null;
  readonly startDate?: IsoDate;
  readonly stopDate?: IsoDate;
  readonly reasonStopped?: StopReason;
  /** `failure`, `not-failure`, or `unknown` (it may be a failure; the record cannot say). */
  readonly failure: "failure" | "not-failure" | "unknown";
  readonly note: TherapyNote;
}

/** The drugs failed (or possibly failed) within one counted mechanism. */
export interface MechanismEvidence {
  readonly mechanism: CountedMechanism;
  readonly drugs: readonly string[];
}

interface CriterionBase<I extends DttCriterionId, N extends number> {
  readonly id: I;
  /** Criterion number in the IOIBD statement (1-5). */
  readonly number: N;
  readonly status: DttStatus;
  /** A readable explanation (no identifying data). */
  readonly reason: string;
}

/** Criterion 1: failure of advanced therapies of at least two different mechanisms. */
export interface AdvancedTherapyFailureCriterion extends CriterionBase<"advancedTherapyFailure", 1> {
  readonly evidence: {
    /** Whether `patient.priorTherapies` was recorded at all. */
    readonly recorded: boolean;
    readonly requiredMechanisms: 2;
    /** Mechanisms with at least one failure, in first-seen order. */
    readonly failedMechanisms: readonly MechanismEvidence[];
    /** Mechanisms not failed but with a therapy whose failure is unknown. */
    readonly possibleMechanisms: readonly MechanismEvidence[];
    /** Every prior therapy, in input order. */
    readonly therapies: readonly TherapyEvidence[];
  };
}

/** One surgery as criterion 2 read it. */
export interface SurgeryEvidence {
  /** Index in `patient.surgeries`. */
  readonly index: number;
  readonly date: IsoDate;
  readonly type: SurgeryType;
}

/** Criterion 2: Crohn's recurrence after two intestinal resections (adults) or one (children). */
export interface PostoperativeRecurrenceCriterion extends CriterionBase<"postoperativeRecurrence", 2> {
  readonly evidence: {
    /** Whether the criterion applies (Crohn's disease only). */
    readonly applies: boolean;
    /** Whether `patient.surgeries` was recorded at all. */
    readonly recorded: boolean;
    readonly requiredResections: number;
    /** Intestinal resections on or before `asOf`. */
    readonly resections: readonly SurgeryEvidence[];
    /** Intestinal resections after `asOf` (not counted). */
    readonly afterAsOf: readonly SurgeryEvidence[];
  };
}

/** Criteria 3-5: caller-supplied conditions (`null` = not recorded). */
export interface SuppliedCriterion<I extends DttCriterionId, N extends number> extends CriterionBase<I, N> {
  readonly evidence: { readonly recorded: boolean | null };
}

/** The result of {@link assessDifficultToTreat}: plain data. */
export interface DifficultToTreatResult {
  /** `met` if any criterion is met, `not-met` if all five are not met, else `unknown`. */
  readonly status: DttStatus;
  readonly asOf: IsoDate;
  readonly diagnosis: Diagnosis;
  /** Completed years at `asOf`. */
  readonly ageYears: number;
  readonly isChild: boolean;
  /** Criteria met, in consensus order. */
  readonly metCriteria: readonly DttCriterionId[];
  /** Criteria whose status is unknown, in consensus order. */
  readonly unknownCriteria: readonly DttCriterionId[];
  readonly criteria: {
    readonly advancedTherapyFailure: AdvancedTherapyFailureCriterion;
    readonly postoperativeRecurrence: PostoperativeRecurrenceCriterion;
    readonly chronicAntibioticRefractoryPouchitis: SuppliedCriterion<"chronicAntibioticRefractoryPouchitis", 3>;
    readonly complexPerianalDisease: SuppliedCriterion<"complexPerianalDisease", 4>;
    readonly psychosocialComorbidity: SuppliedCriterion<"psychosocialComorbidity", 5>;
  };
}

type ParsedOptions = z.output<typeof AssessDifficultToTreatOptionsSchema>;

function countedMechanism(m: MechanismClass, merge: boolean): CountedMechanism | null {
  if (!(ADVANCED_MECHANISMS as readonly string[]).includes(m)) return null;
  if (merge && (m === "antiIL12_23" || m === "antiIL23p19")) return "antiIL23pathway";
  return m as AdvancedMechanism;
}

function groupByMechanism(items: readonly TherapyEvidence[]): MechanismEvidence[] {
  const map = new Map<CountedMechanism, string[]>();
  for (const t of items) {
    if (t.countedAs === null) continue;
    const drugs = map.get(t.countedAs) ?? [];
    const name = t.drug.trim().toLowerCase();
    if (!drugs.includes(name)) drugs.push(name);
    map.set(t.countedAs, drugs);
  }
  return [...map].map(([mechanism, drugs]) => ({ mechanism, drugs }));
}

function describe(list: readonly MechanismEvidence[]): string {
  return list.map((m) => `${m.mechanism} (${m.drugs.join(", ")})`).join(", ");
}

function therapyEvidence(p: Patient, o: ParsedOptions): TherapyEvidence[] {
  return (p.priorTherapies ?? []).map((t, index) => {
    // The schema guarantees a class for every parsed therapy.
    const mechanism = mechanismOf(t.drug, t.mechanism) ?? "other";
    const countedAs = countedMechanism(mechanism, o.mergeIl23Pathway);
    const base = {
      index,
      drug: t.drug,
      mechanism,
      countedAs,
      ...(t.startDate !== undefined ? { startDate: t.startDate } : {}),
      ...(t.stopDate !== undefined ? { stopDate: t.stopDate } : {}),
      ...(t.reasonStopped !== undefined ? { reasonStopped: t.reasonStopped } : {}),
    };
    const out = (failure: TherapyEvidence["failure"], note: TherapyNote): TherapyEvidence => ({ ...base, failure, note });
    if (countedAs === null) return out("not-failure", "notAdvanced");
    if (t.startDate !== undefined && compareIso(t.startDate, o.asOf) > 0) return out("not-failure", "startedAfterAsOf");
    if (t.stopDate !== undefined && compareIso(t.stopDate, o.asOf) > 0) return out("not-failure", "stoppedAfterAsOf");
    if (t.reasonStopped === undefined) return t.stopDate === undefined ? out("not-failure", "ongoing") : out("unknown", "reasonStoppedMissing");
    if (t.reasonStopped === "other") return out("not-failure", "stoppedForOtherReason");
    if (!(o.failureReasons as readonly string[]).includes(t.reasonStopped)) return out("not-failure", "reasonNotCountedAsFailure");
    if (t.stopDate === undefined && o.undatedStop !== "beforeAsOf") return out("unknown", "stopDateMissing");
    return out("failure", "failed");
  });
}

function criterion1(p: Patient, o: ParsedOptions): AdvancedTherapyFailureCriterion {
  const therapies = therapyEvidence(p, o);
  const failedMechanisms = groupByMechanism(therapies.filter((t) => t.failure === "failure"));
  const failedSet = new Set(failedMechanisms.map((m) => m.mechanism));
  const possibleMechanisms = groupByMechanism(therapies.filter((t) => t.failure === "unknown" && t.countedAs !== null && !failedSet.has(t.countedAs)));
  const recorded = p.priorTherapies !== undefined;
  const evidence = { recorded, requiredMechanisms: 2 as const, failedMechanisms, possibleMechanisms, therapies };
  const base = { id: "advancedTherapyFailure" as const, number: 1 as const, evidence };
  if (failedMechanisms.length >= 2) {
    return { ...base, status: "met", reason: `Failed ${failedMechanisms.length} mechanisms: ${describe(failedMechanisms)}.` };
  }
  if (!recorded) return { ...base, status: "unknown", reason: "Prior advanced therapies are not recorded." };
  const failedText = failedMechanisms.length === 0 ? "no mechanism failed" : `only ${describe(failedMechanisms)} failed`;
  if (failedMechanisms.length + possibleMechanisms.length >= 2) {
    return {
      ...base,
      status: "unknown",
      reason: `${capitalise(failedText)}; failure unknown for ${describe(possibleMechanisms)} (stop reason or date missing).`,
    };
  }
  return { ...base, status: "not-met", reason: `${capitalise(failedText)}; at least 2 different mechanisms must fail.` };
}

function capitalise(s: string): string {
  return s.length > 0 ? s[0]!.toUpperCase() + s.slice(1) : s;
}

function criterion2(p: Patient, o: ParsedOptions, isChild: boolean): PostoperativeRecurrenceCriterion {
  const requiredResections = isChild ? 1 : 2;
  const recorded = p.surgeries !== undefined;
  const all: SurgeryEvidence[] = (p.surgeries ?? [])
    .map((s, index) => ({ index, date: s.date, type: s.type }))
    .filter((s) => (INTESTINAL_RESECTION_TYPES as readonly string[]).includes(s.type));
  const resections = all.filter((s) => compareIso(s.date, o.asOf) <= 0);
  const afterAsOf = all.filter((s) => compareIso(s.date, o.asOf) > 0);
  const applies = p.diagnosis === "CD";
  const evidence = { applies, recorded, requiredResections, resections, afterAsOf };
  const base = { id: "postoperativeRecurrence" as const, number: 2 as const, evidence };
  const who = isChild ? "a child" : "an adult";
  if (!applies) return { ...base, status: "not-met", reason: "Applies to Crohn's disease only." };
  if (!recorded) return { ...base, status: "unknown", reason: "Surgical history is not recorded." };
  if (resections.length >= requiredResections) {
    return {
      ...base,
      status: "met",
      reason: `${resections.length} intestinal resection${resections.length === 1 ? "" : "s"} by ${o.asOf} (${requiredResections} required for ${who}).`,
    };
  }
  return {
    ...base,
    status: "not-met",
    reason: `${resections.length} intestinal resection${resections.length === 1 ? "" : "s"} by ${o.asOf}; ${requiredResections} required for ${who}.`,
  };
}

function supplied<I extends DttCriterionId, N extends number>(id: I, number: N, label: string, v: boolean | null | undefined): SuppliedCriterion<I, N> {
  const recorded = v ?? null;
  if (recorded === null) return { id, number, status: "unknown", reason: `${label}: not recorded.`, evidence: { recorded } };
  return { id, number, status: recorded ? "met" : "not-met", reason: `${label}: ${recorded ? "present" : "absent"} (recorded).`, evidence: { recorded } };
}

/**
 * Assesses difficult-to-treat (DTT) IBD by the IOIBD consensus, each criterion on its own.
 * @remarks
 * DTT if **any** of: (1) failure of advanced therapies (biologics, advanced small molecules) of at least two
 * different mechanisms of action; (2) Crohn's disease recurrence after two intestinal resections in adults,
 * one in children; (3) chronic antibiotic-refractory pouchitis; (4) complex perianal disease;
 * (5) psychosocial comorbidity impairing disease management. Overall: `met` if any criterion is met,
 * `not-met` only if all five are not met, else `unknown`.
 *
 * Criterion 1 counts **mechanisms, not drugs**: two anti-TNF failures count once. Classes: anti-TNF,
 * anti-integrin, anti-IL-12/23, anti-IL-23p19, JAK, S1P (`mergeIl23Pathway` merges the two IL-23 classes).
 * Anti-IL-17A and `other` never count. Only failures count: `reasonStopped` in `failureReasons` (primary
 * non-response, secondary loss of response, intolerance); `other` is not a failure. Against `asOf`: a therapy
 * started or stopped after it does not count; one with neither stop date nor stop reason is ongoing (not a
 * failure yet). A stopped therapy with no `reasonStopped` is an **unknown** failure, as is one with a reason
 * but no stop date (unless `undatedStop: "beforeAsOf"`). Criterion 1 is then `unknown` only when the unknowns
 * could change the verdict, i.e. when failed + possibly-failed mechanisms reach 2; otherwise it stays
 * `not-met`. An absent `priorTherapies` (not recorded) gives `unknown` unless 2 mechanisms already failed;
 * an empty array means none.
 *
 * Criterion 2 applies to Crohn's disease; it counts intestinal resections (`INTESTINAL_RESECTION_TYPES`)
 * dated on or before `asOf`; a child is younger than `adultAgeYears` (default 18) at `asOf`. The model
 * records no recurrence finding: recurrence is presumed once the resections are there (the patient needs
 * treatment for active disease). Absent `surgeries` = not recorded = `unknown`.
 *
 * Criteria 3-5 come from `patient.dttConditions` (`true`/`false`; `null` or absent = unknown).
 * @param patient - A patient satisfying `PatientSchema`.
 * @param options - `asOf` (required), `failureReasons`, `mergeIl23Pathway`, `adultAgeYears`, `undatedStop`.
 * @returns Overall status, each criterion's status with its evidence (drugs and mechanisms, surgeries, dates).
 * @throws {TypeError} If the patient or an option has the wrong type or a required field is missing.
 * @throws {RangeError} If a value is invalid, or `asOf` is before the patient's birth.
 * @example
 * const r = assessDifficultToTreat({ id: "P1", sex: "female", birthDate: "1990-01-01", diagnosis: "CD",
 *   diagnosisDate: "2015-01-01", priorTherapies: [
 *     { drug: "infliximab", stopDate: "2019-01-01", reasonStopped: "secondaryLossOfResponse" },
 *     { drug: "adalimumab", stopDate: "2020-01-01", reasonStopped: "primaryNonResponse" },
 *     { drug: "ustekinumab", stopDate: "2022-06-01", reasonStopped: "intolerance" }] },
 *   { asOf: "2023-01-01" });
 * [r.status, r.criteria.advancedTherapyFailure.evidence.failedMechanisms.map((m) => m.mechanism)];
 * //=> ["met", ["antiTNF", "antiIL12_23"]]
 * @see Parigi TL, D'Amico F, Abreu MT, et al. Difficult-to-treat inflammatory bowel disease: results from an
 *   international consensus meeting. Lancet Gastroenterol Hepatol 2023;8(9):853-859.
 *   doi:10.1016/S2468-1253(23)00154-1
 */
export function assessDifficultToTreat(patient: Patient, options: AssessDifficultToTreatOptions): DifficultToTreatResult {
  if (options === null || typeof options !== "object") {
    throw new TypeError(`${FN}: options must be an object with an asOf date; got ${describeValue(options)}.`);
  }
  const po = PatientSchema.safeParse(patient);
  if (!po.success) throw errorFromZod(FN, "patient", po.error, patient);
  const oo = AssessDifficultToTreatOptionsSchema.safeParse(options);
  if (!oo.success) throw errorFromZod(FN, "options", oo.error, options);
  const p = po.data;
  const o = oo.data;
  if (compareIso(o.asOf, p.birthDate) < 0) {
    throw new RangeError(`${FN}: options.asOf must not be before patient.birthDate; got a date before birth.`);
  }
  const ageYears = ageInYears(p.birthDate, o.asOf);
  const isChild = ageYears < o.adultAgeYears;
  const c = p.dttConditions ?? {};
  const criteria = {
    advancedTherapyFailure: criterion1(p, o),
    postoperativeRecurrence: criterion2(p, o, isChild),
    chronicAntibioticRefractoryPouchitis: supplied("chronicAntibioticRefractoryPouchitis", 3, "Chronic antibiotic-refractory pouchitis", c.chronicAntibioticRefractoryPouchitis),
    complexPerianalDisease: supplied("complexPerianalDisease", 4, "Complex perianal disease", c.complexPerianalDisease),
    psychosocialComorbidity: supplied("psychosocialComorbidity", 5, "Psychosocial comorbidity impairing management", c.psychosocialComorbidity),
  };
  const list = [
    criteria.advancedTherapyFailure,
    criteria.postoperativeRecurrence,
    criteria.chronicAntibioticRefractoryPouchitis,
    criteria.complexPerianalDisease,
    criteria.psychosocialComorbidity,
  ];
  const metCriteria = list.filter((x) => x.status === "met").map((x) => x.id);
  const unknownCriteria = list.filter((x) => x.status === "unknown").map((x) => x.id);
  const status: DttStatus = metCriteria.length > 0 ? "met" : unknownCriteria.length > 0 ? "unknown" : "not-met";
  return { status, asOf: o.asOf, diagnosis: p.diagnosis, ageYears, isChild, metCriteria, unknownCriteria, criteria };
}
