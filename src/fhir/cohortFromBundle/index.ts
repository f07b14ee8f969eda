import type {
  AdverseEvent as FhirAdverseEvent,
  Bundle,
  CodeableConcept,
  Condition,
  Dosage,
  Encounter,
  Extension,
  List,
  MedicationRequest,
  MedicationStatement,
  Observation,
  Patient as FhirPatient,
  Procedure,
  QuestionnaireResponse,
  QuestionnaireResponseItem,
  Reference,
} from "fhir/r4.js";
import { compareIso } from "../../_lib/dates.js";
import { describeValue } from "../../_lib/errors.js";
import {
  AeCategorySchema,
  CdaiComplicationSchema,
  ConcomitantClassSchema,
  ConventionalAgentSchema,
  DiscontinuationReasonSchema,
  EimSiteSchema,
  HbiComplicationSchema,
  MechanismClassSchema,
  RutgeertsGradeSchema,
  StopReasonSchema,
  SurgeryTypeSchema,
  convertLab,
  LAB_UNITS,
  mechanismOf,
  parseCohort,
} from "../../models/index.js";
import type { Analyte, CohortProblem, Cohort, ConcomitantClass } from "../../models/index.js";
import {
  EIM_SYSTEM,
  EXTENSION_PREFIX,
  MEDICATION_ROLE_SYSTEM,
  PATIENT_FINDING_SYSTEM,
  RECORD_ID_SYSTEM,
  RECORD_LIST_SYSTEM,
  STOP_REASON_SYSTEM,
  THERAPY_CLASS_SYSTEM,
  VISIT_ITEM_SYSTEM,
} from "../codes/index.js";
import { definitions } from "../scoreQuestionnaire/definitions.js";

/** URI of the project's CodeSystem of IBD diagnoses (`UC`, `CD`, `IBD-U`), beside SNOMED CT. */
export const DIAGNOSIS_SYSTEM = "urn:ibd-outcomes:diagnosis";
/**
 * URI of the project's CodeSystem of Montreal classification codes, read from `Condition.stage.summary`:
 * `A1`-`A3`, `L1`-`L4` (L4 as exclusive location), `L4-modifier` (upper-GI modifier), `B1`-`B3`, `p`
 * (perianal modifier), `E1`-`E3`, `S0`-`S3`.
 */
export const MONTREAL_SYSTEM = "urn:ibd-outcomes:montreal";
/** URI of the project's CodeSystem of surgery types (the codes of `SurgeryTypeSchema`), for `Procedure.code`. */
export const SURGERY_SYSTEM = "urn:ibd-outcomes:surgery";
/** URI of the project's CodeSystem of adverse-event categories (the codes of `AeCategorySchema`), for `AdverseEvent.category`. */
export const AE_CATEGORY_SYSTEM = "urn:ibd-outcomes:ae-category";
/** URL of the extension (valueBoolean) on an AdverseEvent recording whether it led to discontinuation. */
export const LED_TO_DISCONTINUATION_URL = "urn:ibd-outcomes:extension:ledToDiscontinuation";

const SNOMED = "http://snomed.info/sct";
const LOINC = "http://loinc.org";
const UCUM = "http://unitsofmeasure.org";
const ICD10 = "http://hl7.org/fhir/sid/icd-10";
const ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";
const DATA_ABSENT = "http://terminology.hl7.org/CodeSystem/data-absent-reason";

/** The patient arrays a {@link RECORD_LIST_SYSTEM} List orders (and records as empty). */
const LIST_FIELDS = ["surgeries", "priorTherapies", "priorConventionalTherapies", "extraintestinalManifestations"] as const;
type ListField = (typeof LIST_FIELDS)[number];
/** Visit blocks read from Observations coded in {@link VISIT_ITEM_SYSTEM}. */
/** Roles of a MedicationStatement ({@link MEDICATION_ROLE_SYSTEM}). */
const ROLES: readonly string[] = ["treatmentCourse", "priorTherapy", "priorConventionalTherapy", "concomitant"];
const SERIOUSNESS: readonly string[] = ["death", "lifeThreatening", "hospitalization", "disability", "congenitalAnomaly", "importantMedicalEvent"];
const VISIT_BLOCKS: readonly string[] = ["mayo", "hbi", "sesCd", "cdai", "rutgeerts", "onCorticosteroids"];

/** SNOMED CT concepts read as an IBD diagnosis. */
const SNOMED_DIAGNOSIS: ReadonlyMap<string, "UC" | "CD"> = /* @__PURE__ */ new Map([
  ["64766004", "UC"],
  ["34000006", "CD"],
]);

/** Concomitant agents (generic names, lower case) -> their class in `ConcomitantClassSchema`. */
const CONCOMITANT: ReadonlyMap<string, ConcomitantClass> = /* @__PURE__ */ new Map<string, ConcomitantClass>([
  ["prednisone", "corticosteroid"], ["prednisolone", "corticosteroid"], ["methylprednisolone", "corticosteroid"], ["hydrocortisone", "corticosteroid"], ["budesonide", "corticosteroid"], ["beclometasone", "corticosteroid"], ["beclomethasone", "corticosteroid"], ["dexamethasone", "corticosteroid"],
  ["mesalazine", "5-ASA"], ["mesalamine", "5-ASA"], ["sulfasalazine", "5-ASA"], ["balsalazide", "5-ASA"], ["olsalazine", "5-ASA"],
  ["azathioprine", "immunomodulator"], ["mercaptopurine", "immunomodulator"], ["methotrexate", "immunomodulator"], ["tioguanine", "immunomodulator"], ["thioguanine", "immunomodulator"], ["tacrolimus", "immunomodulator"], ["ciclosporin", "immunomodulator"], ["cyclosporine", "immunomodulator"],
  ["thalidomide", "thalidomide"],
  ["ciprofloxacin", "antibiotic"], ["metronidazole", "antibiotic"], ["rifaximin", "antibiotic"],
]);

/** LOINC code -> analyte of the lab panel. */
const LOINC_ANALYTE: ReadonlyMap<string, Analyte> = /* @__PURE__ */ new Map<string, Analyte>([
  ["1988-5", "crp"],
  ["38445-3", "fecalCalprotectin"],
  ["4537-7", "esr"],
  ["30341-2", "esr"],
  ["62292-8", "vitaminD"],
  ["1751-7", "albumin"],
  ["6690-2", "wbc"],
  ["718-7", "hemoglobin"],
  ["777-3", "platelets"],
  ["1742-6", "alt"],
  ["1920-8", "ast"],
  ["2085-9", "hdlC"],
  ["2093-3", "totalCholesterol"],
  ["13457-7", "ldlC"],
  ["18262-6", "ldlC"],
  ["2160-0", "creatinine"],
  ["33914-3", "egfr"],
  ["62238-1", "egfr"],
  ["98979-8", "egfr"],
  ["2157-6", "ck"],
]);

/** UCUM code -> the unit name of the lab unit table. */
const UCUM_UNIT: ReadonlyMap<string, string> = /* @__PURE__ */ new Map([
  ["mg/L", "mg/L"],
  ["mg/dL", "mg/dL"],
  ["ug/g", "ug/g"],
  ["mg/kg", "mg/kg"],
  ["mm/h", "mm/h"],
  ["nmol/L", "nmol/L"],
  ["ng/mL", "ng/mL"],
  ["g/L", "g/L"],
  ["g/dL", "g/dL"],
  ["10*9/L", "10^9/L"],
  ["10*3/uL", "10^3/uL"],
  ["/uL", "/uL"],
  ["U/L", "U/L"],
  ["ukat/L", "ukat/L"],
  ["mmol/L", "mmol/L"],
  ["umol/L", "umol/L"],
  ["mL/min/{1.73_m2}", "mL/min/1.73m2"],
]);

/** A resource, or an element of one, that `cohortFromBundle` did not map, and why. */
export interface UnmappedResource {
  readonly resourceType: string;
  /** The resource's `id`, or `entry[i]` when it has none. */
  readonly id: string;
  readonly reason: string;
}

/** The answers of one score QuestionnaireResponse, by item linkId. */
export interface ScoreResponse {
  readonly id: string;
  readonly patientId: string;
  readonly date: string;
  /** The score (the Questionnaire's name, e.g. `"pucai"`). */
  readonly score: string;
  readonly items: Readonly<Record<string, number | boolean | string>>;
}

/** Options of {@link cohortFromBundle}. */
export interface CohortFromBundleOptions {
  /** Resource types to leave out; each such resource is listed in `unmapped` ("ignored by options"). */
  readonly ignoreResourceTypes?: readonly string[];
}

/** The result of {@link cohortFromBundle}. */
export interface CohortFromBundleResult {
  /** The validated cohort (`parseCohort`). */
  readonly cohort: Cohort;
  /** Records built from the Bundle that `parseCohort` rejected, with every issue. */
  readonly problems: readonly CohortProblem[];
  /** Every resource or element not mapped, with why. */
  readonly unmapped: readonly UnmappedResource[];
  /** The answers of every score QuestionnaireResponse (UCEIS and CD PRO2 also land on the visit). */
  readonly scoreResponses: readonly ScoreResponse[];
}

type Rec = Record<string, unknown>;
const own = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);
const isObj = (x: unknown): x is Rec => x !== null && typeof x === "object" && !Array.isArray(x);

function dateOf(s: unknown): string | undefined {
  return typeof s === "string" && /^\d{4}-\d{2}-\d{2}/.test(s) ? s.slice(0, 10) : undefined;
}

function codings(cc: CodeableConcept | undefined): { system?: string; code?: string; display?: string }[] {
  return Array.isArray(cc?.coding) ? cc.coding.filter(isObj) : [];
}

function codeIn(cc: CodeableConcept | undefined, system: string): string[] {
  return codings(cc).filter((c) => c.system === system && typeof c.code === "string").map((c) => c.code!);
}

/** The record id a resource carries: its {@link RECORD_ID_SYSTEM} identifier, else its `id`. */
function recordIdOf(r: Rec): string | undefined {
  const ids: unknown[] = Array.isArray(r.identifier) ? r.identifier : isObj(r.identifier) ? [r.identifier] : [];
  const own = ids.find((i): i is Rec => isObj(i) && i.system === RECORD_ID_SYSTEM && typeof i.value === "string" && i.value.length > 0);
  if (own !== undefined) return own.value as string;
  return typeof r.id === "string" && r.id.length > 0 ? r.id : undefined;
}

/** The project extensions named `name` on an element. */
function extsOf(r: { extension?: Extension[] | undefined }, name: string): Extension[] {
  return (Array.isArray(r.extension) ? r.extension : []).filter((e) => isObj(e) && e.url === `${EXTENSION_PREFIX}:${name}`);
}

const refOf = (x: unknown): string | undefined => (isObj(x) && typeof x.reference === "string" ? x.reference : undefined);

class Mapper {
  readonly unmapped: UnmappedResource[] = [];
  readonly refToPatient = new Map<string, string>();
  readonly patients = new Map<string, Rec>();
  readonly diagnoses = new Map<string, { diagnosis: string; date: string | undefined; montreal: string[]; id: string }>();
  readonly courses = new Map<string, { patientId: string; drug: string; periods: Rec[]; ids: string[]; extra?: Rec }>();
  readonly visits = new Map<string, Rec>();
  readonly adverseEvents: Rec[] = [];
  readonly concomitants: { patientId: string; rec: Rec; resourceType: string; id: string; partOf: string | undefined }[] = [];
  readonly scoreResponses: ScoreResponse[] = [];
  /** Encounter reference -> its visit. */
  readonly encounters = new Map<string, { patientId: string; visit: Rec }>();
  /** Course MedicationStatement reference -> course key. */
  readonly courseRefs = new Map<string, string>();
  /** Items of the patient arrays that Lists order: patient -> field -> items (with their references). */
  readonly listItems = new Map<string, Map<ListField, { refs: readonly string[]; item: unknown; date?: string }[]>>();
  /** Lists by `JSON.stringify([patientId, field])`. */
  readonly lists = new Map<string, { patientId: string; field: ListField; refs: string[]; id: string }>();

  skip(resourceType: string, id: string, reason: string): void {
    this.unmapped.push({ resourceType, id, reason });
  }

  patientOf(ref: Reference | undefined, rt: string, id: string, field: string): string | undefined {
    const r = isObj(ref) && typeof ref.reference === "string" ? ref.reference : undefined;
    if (r === undefined) {
      this.skip(rt, id, `${field}.reference is missing (no patient)`);
      return undefined;
    }
    const p = this.refToPatient.get(r);
    if (p === undefined) this.skip(rt, id, `${field}.reference "${r.slice(0, 80)}" is not a Patient in the Bundle`);
    return p;
  }

  visit(patientId: string, date: string): Rec {
    const key = JSON.stringify([patientId, date]);
    let v = this.visits.get(key);
    if (v === undefined) {
      v = { patientId, date };
      this.visits.set(key, v);
    }
    return v;
  }

  patient(r: FhirPatient, id: string): void {
    const rec: Rec = { id };
    const site = extsOf(r, "site");
    if (site.length === 1 && typeof site[0]!.valueString === "string") rec.site = site[0]!.valueString;
    if (r.gender === "male" || r.gender === "female") rec.sex = r.gender;
    else if (r.gender !== undefined) this.skip("Patient", id, `gender "${String(r.gender).slice(0, 20)}" has no sex in the model (male, female); sex left missing`);
    if (r.birthDate !== undefined) rec.birthDate = r.birthDate;
    this.patients.set(id, rec);
  }

  condition(r: Condition, id: string, refs: readonly string[]): void {
    const pid = this.patientOf(r.subject, "Condition", id, "subject");
    if (pid === undefined) return;
    const eim = codeIn(r.code, EIM_SYSTEM);
    if (eim.length > 0) {
      const status = codings(r.verificationStatus).map((c) => c.code);
      if (eim.length !== 1 || !(EimSiteSchema.options as readonly string[]).includes(eim[0]!)) this.skip("Condition", id, `code must carry one extraintestinal manifestation site of ${EIM_SYSTEM} (${EimSiteSchema.options.join(", ")})`);
      else if (status.includes("refuted") || status.includes("entered-in-error")) this.skip("Condition", id, `verificationStatus is ${status.join(", ")}`);
      else this.listItem(pid, "extraintestinalManifestations", refs, eim[0]);
      return;
    }
    const snomed = codeIn(r.code, SNOMED).map((c) => SNOMED_DIAGNOSIS.get(c)).filter((d) => d !== undefined);
    const icd = [...codeIn(r.code, ICD10), ...codeIn(r.code, ICD10CM)].map((c) => (/^K50(\.|$|\d)/.test(c) ? "CD" : /^K51(\.|$|\d)/.test(c) ? "UC" : undefined)).filter((d) => d !== undefined);
    const local = codeIn(r.code, DIAGNOSIS_SYSTEM).filter((c) => c === "UC" || c === "CD" || c === "IBD-U");
    const found = [...new Set<string>([...snomed, ...icd, ...local])];
    if (found.length === 0) {
      const got = codings(r.code).map((c) => `${c.system ?? "?"}|${c.code ?? "?"}`).join(", ") || "none";
      this.skip("Condition", id, `code is not an IBD diagnosis (SNOMED CT 64766004 UC, 34000006 CD, ICD-10 K51 UC, K50 CD, or ${DIAGNOSIS_SYSTEM}); codes: ${got.slice(0, 120)}`);
      return;
    }
    if (found.length > 1) {
      this.skip("Condition", id, `code names more than one diagnosis (${found.join(", ")})`);
      return;
    }
    const status = codings(r.verificationStatus).map((c) => c.code);
    if (status.includes("refuted") || status.includes("entered-in-error")) {
      this.skip("Condition", id, `verificationStatus is ${status.join(", ")}`);
      return;
    }
    const prev = this.diagnoses.get(pid);
    if (prev !== undefined) {
      this.skip("Condition", id, `patient ${pid} already has an IBD diagnosis (Condition ${prev.id})`);
      return;
    }
    const date = dateOf(r.onsetDateTime) ?? (r.onsetPeriod !== undefined ? dateOf(r.onsetPeriod.start) : undefined);
    if (date === undefined) this.skip("Condition", id, "onsetDateTime (or onsetPeriod.start) is missing or not a full date; diagnosisDate left missing");
    const montreal = (Array.isArray(r.stage) ? r.stage : []).flatMap((s) => codeIn(s.summary, MONTREAL_SYSTEM));
    this.diagnoses.set(pid, { diagnosis: found[0]!, date, montreal, id });
  }

  montreal(diagnosis: string, codes: readonly string[], condId: string): Rec | undefined {
    if (codes.length === 0) return undefined;
    const pick = (re: RegExp, what: string): string | undefined | null => {
      const m = codes.filter((c) => re.test(c));
      if (m.length > 1) {
        this.skip("Condition", condId, `stage has more than one Montreal ${what} (${m.join(", ")}); Montreal classification not mapped`);
        return null;
      }
      return m[0];
    };
    const known = /^(A[1-3]|L[1-4]|L4-modifier|B[1-3]|p|E[1-3]|S[0-3])$/;
    const bad = codes.filter((c) => !known.test(c));
    if (bad.length > 0) {
      this.skip("Condition", condId, `stage has unknown Montreal codes (${bad.join(", ").slice(0, 80)}); Montreal classification not mapped`);
      return undefined;
    }
    if (diagnosis === "CD") {
      const age = pick(/^A[1-3]$/, "age");
      const location = pick(/^L[1-4]$/, "location");
      const behavior = pick(/^B[1-3]$/, "behaviour");
      if (age === null || location === null || behavior === null) return undefined;
      if (location === undefined || behavior === undefined) {
        this.skip("Condition", condId, `Montreal CD classification needs a location (L1-L4) and a behaviour (B1-B3); got ${codes.join(" ")}`);
        return undefined;
      }
      const out: Rec = { type: "CD", location, behavior, upperGi: codes.includes("L4-modifier"), perianal: codes.includes("p") };
      if (age !== undefined) out.age = age;
      return out;
    }
    const extent = pick(/^E[1-3]$/, "extent");
    const severity = pick(/^S[0-3]$/, "severity");
    if (extent === null || severity === null) return undefined;
    if (extent === undefined) {
      this.skip("Condition", condId, `Montreal UC classification needs an extent (E1-E3); got ${codes.join(" ")}`);
      return undefined;
    }
    const out: Rec = { type: "UC", extent };
    if (severity !== undefined) out.severity = severity;
    return out;
  }

  medication(r: MedicationStatement | MedicationRequest, id: string, refs: readonly string[]): void {
    const rt = r.resourceType;
    const pid = this.patientOf(r.subject, rt, id, "subject");
    if (pid === undefined) return;
    const bad = rt === "MedicationStatement" ? ["entered-in-error", "not-taken", "unknown"] : ["entered-in-error", "cancelled", "draft"];
    if (typeof r.status === "string" && bad.includes(r.status)) {
      this.skip(rt, id, `status is "${r.status}"`);
      return;
    }
    const roles = rt === "MedicationStatement" ? codeIn((r as MedicationStatement).category, MEDICATION_ROLE_SYSTEM) : [];
    if (roles.length > 1 || (roles.length === 1 && !ROLES.includes(roles[0]!))) {
      this.skip(rt, id, `category must carry at most one role of ${MEDICATION_ROLE_SYSTEM} (${ROLES.join(", ")}); got ${roles.join(", ").slice(0, 80)}`);
      return;
    }
    const role = roles[0];
    const cc = r.medicationCodeableConcept;
    if (cc === undefined) {
      this.skip(rt, id, r.medicationReference !== undefined ? "medicationReference is not resolved (give medicationCodeableConcept)" : "medicationCodeableConcept is missing (no drug)");
      return;
    }
    const rawName = (typeof cc.text === "string" && cc.text.trim() !== "" ? cc.text : codings(cc).find((c) => typeof c.display === "string" && c.display.trim() !== "")?.display)?.trim();
    if (role !== undefined) {
      this.roleMedication(r as MedicationStatement, id, refs, pid, role, rawName);
      return;
    }
    const name = rawName?.toLowerCase();
    if (name === undefined) {
      this.skip(rt, id, "medicationCodeableConcept has neither text nor a coding display (no drug name)");
      return;
    }
    const dosages: Dosage[] | undefined = rt === "MedicationStatement" ? (r as MedicationStatement).dosage : (r as MedicationRequest).dosageInstruction;
    const dfield = rt === "MedicationStatement" ? "dosage" : "dosageInstruction";
    const bounds = Array.isArray(dosages) && dosages.length === 1 ? dosages[0]!.timing?.repeat?.boundsPeriod : undefined;
    const period = rt === "MedicationStatement" ? (r as MedicationStatement).effectivePeriod : bounds;
    const start = dateOf(period?.start) ?? (rt === "MedicationStatement" ? dateOf((r as MedicationStatement).effectiveDateTime) : undefined);
    const end = dateOf(period?.end);
    const startMissing = rt === "MedicationStatement" ? "effectivePeriod.start (or effectiveDateTime) is missing (no start date)" : "dosageInstruction[0].timing.repeat.boundsPeriod.start is missing (no start date)";
    if (mechanismOf(name) === undefined) {
      const agentClass = CONCOMITANT.get(name);
      if (agentClass === undefined) {
        this.skip(rt, id, `drug "${name.slice(0, 60)}" is neither an advanced therapy of the catalogue (DRUG_MECHANISMS) nor a known concomitant agent`);
        return;
      }
      if (start === undefined) {
        this.skip(rt, id, startMissing);
        return;
      }
      const rec: Rec = { agentClass, drug: name, startDate: start };
      if (end !== undefined) rec.endDate = end;
      this.concomitants.push({ patientId: pid, rec, resourceType: rt, id, partOf: undefined });
      this.noteReason(r, id);
      return;
    }
    if (!Array.isArray(dosages) || dosages.length !== 1) {
      this.skip(rt, id, `${dfield} must hold exactly one dosage (got ${Array.isArray(dosages) ? dosages.length : "none"})`);
      return;
    }
    const dp = this.dosePeriodOf(dosages[0]!, `${dfield}[0]`);
    if (typeof dp === "string") {
      this.skip(rt, id, dp);
      return;
    }
    if (start === undefined) {
      this.skip(rt, id, startMissing);
      return;
    }
    dp.startDate = start;
    if (end !== undefined) dp.endDate = end;
    const key = JSON.stringify([pid, name]);
    let c = this.courses.get(key);
    if (c === undefined) {
      c = { patientId: pid, drug: name, periods: [], ids: [] };
      this.courses.set(key, c);
    }
    c.periods.push(dp);
    const rid = recordIdOf(r as unknown as Rec);
    if (rid !== undefined) c.ids.push(rid);
    this.noteReason(r, id);
  }

  /** One dosage as a dose period without dates (`doseMg`, `phase`), or the reason it is not one. */
  dosePeriodOf(d: Dosage, where: string): Rec | string {
    const q = Array.isArray(d.doseAndRate) && d.doseAndRate.length === 1 ? d.doseAndRate[0]!.doseQuantity : undefined;
    if (q === undefined || typeof q.value !== "number") return `${where}.doseAndRate[0].doseQuantity.value is missing (no dose)`;
    if (q.code !== "mg" || (q.system !== undefined && q.system !== UCUM)) return `${where}.doseAndRate[0].doseQuantity must be in UCUM mg; got ${JSON.stringify(q.code ?? q.unit ?? null)}`;
    const rep = d.timing?.repeat;
    if (rep === undefined || typeof rep.frequency !== "number" || typeof rep.period !== "number" || rep.periodUnit !== "d" || rep.period <= 0) {
      const got = rep !== undefined && typeof rep.period === "number" ? `; got ${rep.frequency ?? "?"} per ${rep.period} ${rep.periodUnit ?? "?"}` : "";
      return `${where}.timing.repeat must give frequency and period in days (periodUnit "d") to make a daily dose${got}: the model holds daily doses only (a schedule such as an infusion every 8 weeks has none)`;
    }
    const out: Rec = { doseMg: (q.value * rep.frequency) / rep.period };
    const phase = extsOf(d, "dosePhase");
    if (phase.length === 1 && typeof phase[0]!.valueCode === "string") out.phase = phase[0]!.valueCode;
    return out;
  }

  /** A MedicationStatement whose category gives its role in the model (what `bundleFromCohort` writes). */
  roleMedication(r: MedicationStatement, id: string, refs: readonly string[], pid: string, role: string, name: string | undefined): void {
    const rt = "MedicationStatement";
    const start = dateOf(r.effectivePeriod?.start) ?? dateOf(r.effectiveDateTime);
    const end = dateOf(r.effectivePeriod?.end);
    const reasons = (Array.isArray(r.statusReason) ? r.statusReason : []).flatMap((c) => codeIn(c, STOP_REASON_SYSTEM));
    const hasReason = Array.isArray(r.statusReason) && r.statusReason.length > 0;
    if (role === "priorTherapy") {
      if (name === undefined) {
        this.skip(rt, id, "medicationCodeableConcept has neither text nor a coding display (no drug name)");
        return;
      }
      const rec: Rec = { drug: name };
      const mech = extsOf(r, "mechanism");
      if (mech.length === 1 && (MechanismClassSchema.options as readonly string[]).includes(mech[0]!.valueCode ?? "")) rec.mechanism = mech[0]!.valueCode;
      if (start !== undefined) rec.startDate = start;
      if (end !== undefined) rec.stopDate = end;
      const why = reasons.filter((c) => c.startsWith("prior:")).map((c) => c.slice(6)).filter((c) => (StopReasonSchema.options as readonly string[]).includes(c));
      if (why.length === 1) rec.reasonStopped = why[0];
      else if (hasReason) this.skip(rt, id, `statusReason carries no single stop reason of ${STOP_REASON_SYSTEM} (prior:<reason>); reasonStopped left missing`);
      this.listItem(pid, "priorTherapies", refs, rec);
      return;
    }
    if (role === "priorConventionalTherapy") {
      const agents = codeIn(r.medicationCodeableConcept, THERAPY_CLASS_SYSTEM).filter((c) => c.startsWith("agent:")).map((c) => c.slice(6)).filter((c) => (ConventionalAgentSchema.options as readonly string[]).includes(c));
      if (agents.length !== 1) {
        this.skip(rt, id, `medicationCodeableConcept must carry one conventional agent of ${THERAPY_CLASS_SYSTEM} (agent:<agent>)`);
        return;
      }
      const rec: Rec = { agent: agents[0] };
      if (start !== undefined) rec.startDate = start;
      if (end !== undefined) rec.stopDate = end;
      this.listItem(pid, "priorConventionalTherapies", refs, rec);
      return;
    }
    if (role === "concomitant") {
      const classes = codeIn(r.medicationCodeableConcept, THERAPY_CLASS_SYSTEM).filter((c) => c.startsWith("class:")).map((c) => c.slice(6)).filter((c) => (ConcomitantClassSchema.options as readonly string[]).includes(c));
      if (classes.length !== 1) {
        this.skip(rt, id, `medicationCodeableConcept must carry one concomitant class of ${THERAPY_CLASS_SYSTEM} (class:<class>)`);
        return;
      }
      if (start === undefined) {
        this.skip(rt, id, "effectivePeriod.start (or effectiveDateTime) is missing (no start date)");
        return;
      }
      const rec: Rec = { agentClass: classes[0] };
      if (typeof r.medicationCodeableConcept?.text === "string" && r.medicationCodeableConcept.text.trim() !== "") rec.drug = r.medicationCodeableConcept.text.trim();
      rec.startDate = start;
      if (end !== undefined) rec.endDate = end;
      const parts = Array.isArray(r.partOf) ? r.partOf.map(refOf).filter((x) => x !== undefined) : [];
      this.concomitants.push({ patientId: pid, rec, resourceType: rt, id, partOf: parts[0] });
      this.noteReason(r, id);
      return;
    }
    // treatmentCourse
    if (name === undefined) {
      this.skip(rt, id, "medicationCodeableConcept has neither text nor a coding display (no drug name)");
      return;
    }
    const course = dateOf(r.effectivePeriod?.start);
    if (course === undefined) {
      this.skip(rt, id, "effectivePeriod.start is missing (no course start date)");
      return;
    }
    const dosages = Array.isArray(r.dosage) ? r.dosage : [];
    if (dosages.length === 0) {
      this.skip(rt, id, "dosage is missing (a course needs at least one dose period)");
      return;
    }
    const periods: Rec[] = [];
    for (let i = 0; i < dosages.length; i++) {
      const dp = this.dosePeriodOf(dosages[i]!, `dosage[${i}]`);
      if (typeof dp === "string") {
        this.skip(rt, id, dp);
        return;
      }
      const b = dosages[i]!.timing?.repeat?.boundsPeriod;
      const ds = dateOf(b?.start) ?? (dosages.length === 1 ? course : undefined);
      if (ds === undefined) {
        this.skip(rt, id, `dosage[${i}].timing.repeat.boundsPeriod.start is missing (no dose period start)`);
        return;
      }
      dp.startDate = ds;
      const de = dateOf(b?.end) ?? (dosages.length === 1 && b === undefined ? end : undefined);
      if (de !== undefined) dp.endDate = de;
      periods.push(dp);
    }
    const extra: Rec = { startDate: course };
    const rid = recordIdOf(r as unknown as Rec);
    if (rid !== undefined) extra.id = rid;
    const csr = extsOf(r, "corticosteroidsRecorded");
    if (csr.length === 1 && typeof csr[0]!.valueBoolean === "boolean") extra.corticosteroidsRecorded = csr[0]!.valueBoolean;
    const why = reasons.filter((c) => c.startsWith("course:")).map((c) => c.slice(7)).filter((c) => (DiscontinuationReasonSchema.options as readonly string[]).includes(c));
    if (r.status === "stopped" || hasReason) {
      if (r.status === "stopped" && why.length === 1 && end !== undefined) extra.discontinuation = { date: end, reason: why[0] };
      else this.skip(rt, id, `statusReason is not mapped: a discontinuation needs status "stopped", one reason of ${STOP_REASON_SYSTEM} (course:<reason>) and effectivePeriod.end; discontinuation left missing`);
    }
    const key = `res:${refs[0] ?? id}`;
    this.courses.set(key, { patientId: pid, drug: name, periods, ids: [], extra });
    for (const ref of refs) this.courseRefs.set(ref, key);
  }

  /** Lists a stop reason the model's course cannot take from one statement (discontinuation stays missing). */
  noteReason(r: MedicationStatement | MedicationRequest, id: string): void {
    if (Array.isArray(r.statusReason) ? r.statusReason.length > 0 : r.statusReason !== undefined) {
      this.skip(r.resourceType, id, "statusReason is not mapped: the course's discontinuation (date and reason) is left missing");
    }
  }

  procedure(r: Procedure, id: string, refs: readonly string[]): void {
    const pid = this.patientOf(r.subject, "Procedure", id, "subject");
    if (pid === undefined) return;
    if (r.status !== "completed") {
      this.skip("Procedure", id, `status is ${JSON.stringify(r.status ?? null)} (only completed procedures are surgeries)`);
      return;
    }
    const types = codeIn(r.code, SURGERY_SYSTEM).filter((c) => (SurgeryTypeSchema.options as readonly string[]).includes(c));
    if (types.length !== 1) {
      this.skip("Procedure", id, `code must carry exactly one surgery type of ${SURGERY_SYSTEM}; found ${types.length}`);
      return;
    }
    const date = dateOf(r.performedDateTime) ?? dateOf(r.performedPeriod?.start);
    if (date === undefined) {
      this.skip("Procedure", id, "performedDateTime (or performedPeriod.start) is missing or not a full date");
      return;
    }
    this.listItem(pid, "surgeries", refs, { date, type: types[0] }, date);
  }

  observation(r: Observation, id: string): void {
    const pid = this.patientOf(r.subject, "Observation", id, "subject");
    if (pid === undefined) return;
    if (r.status !== "final" && r.status !== "amended" && r.status !== "corrected") {
      this.skip("Observation", id, `status is ${JSON.stringify(r.status ?? null)} (only final, amended or corrected results)`);
      return;
    }
    if (this.itemObservation(r, id, pid)) return;
    const analytes = [...new Set(codeIn(r.code, LOINC).map((c) => LOINC_ANALYTE.get(c)).filter((a) => a !== undefined))];
    if (analytes.length !== 1) {
      const got = codeIn(r.code, LOINC).join(", ") || "none";
      this.skip("Observation", id, analytes.length === 0 ? `code has no supported LOINC code (LOINC codes: ${got.slice(0, 80)})` : `code names more than one analyte (${analytes.join(", ")})`);
      return;
    }
    const analyte = analytes[0]!;
    const q = r.valueQuantity;
    if (q === undefined || typeof q.value !== "number") {
      this.skip("Observation", id, `valueQuantity.value is missing${r.dataAbsentReason !== undefined ? " (dataAbsentReason given)" : ""}: no ${analyte} value`);
      return;
    }
    if (q.comparator !== undefined) {
      this.skip("Observation", id, `valueQuantity.comparator "${q.comparator}" (a censored value is not a ${analyte} value)`);
      return;
    }
    if (q.system !== undefined && q.system !== UCUM) {
      this.skip("Observation", id, `valueQuantity.system must be UCUM (${UCUM})`);
      return;
    }
    const unit = typeof q.code === "string" ? UCUM_UNIT.get(q.code) : undefined;
    const factors = LAB_UNITS[analyte].factors as Readonly<Record<string, number>>;
    if (unit === undefined || !own(factors, unit)) {
      this.skip("Observation", id, `valueQuantity.code ${JSON.stringify(q.code ?? null)} is not a unit accepted for ${analyte}`);
      return;
    }
    const date = dateOf(r.effectiveDateTime) ?? dateOf(r.effectivePeriod?.start);
    if (date === undefined && refOf(r.encounter) === undefined) {
      this.skip("Observation", id, "effectiveDateTime (or effectivePeriod.start) is missing or not a full date");
      return;
    }
    let value: number;
    try {
      value = convertLab(analyte, q.value, unit as never);
    } catch (e) {
      this.skip("Observation", id, `valueQuantity: ${(e as Error).message}`);
      return;
    }
    const v = this.visitFor(r.encounter, pid, date, "Observation", id, "effectiveDateTime");
    if (v === undefined) return;
    const labs = (v.labs ?? (date !== undefined ? { date } : {})) as Rec;
    if (own(labs, "date") ? labs.date !== date : date !== undefined && Object.keys(labs).length > 0) {
      this.skip("Observation", id, `effective date ${date ?? "(none)"} differs from the date of the visit's other labs (${(labs.date as string | undefined) ?? "none"}); one lab panel has one date`);
      return;
    }
    v.labs = labs;
    if (own(labs, analyte)) {
      this.skip("Observation", id, `a second ${analyte} value for patient ${pid} on ${(v.date as string)} (the first is kept)`);
      return;
    }
    labs[analyte] = { value, unit: LAB_UNITS[analyte].canonical };
  }

  adverseEvent(r: FhirAdverseEvent, id: string): void {
    const pid = this.patientOf(r.subject, "AdverseEvent", id, "subject");
    if (pid === undefined) return;
    if (r.actuality !== "actual") {
      this.skip("AdverseEvent", id, `actuality is ${JSON.stringify(r.actuality ?? null)} (only actual events)`);
      return;
    }
    const cats = (Array.isArray(r.category) ? r.category : []).flatMap((c) => codeIn(c, AE_CATEGORY_SYSTEM)).filter((c) => (AeCategorySchema.options as readonly string[]).includes(c));
    if (cats.length !== 1) {
      this.skip("AdverseEvent", id, `category must carry exactly one category of ${AE_CATEGORY_SYSTEM}; found ${cats.length}`);
      return;
    }
    const term = typeof r.event?.text === "string" && r.event.text.trim() !== "" ? r.event.text : codings(r.event).find((c) => typeof c.display === "string")?.display;
    if (term === undefined) {
      this.skip("AdverseEvent", id, "event has neither text nor a coding display (no term)");
      return;
    }
    const onset = dateOf(r.date);
    if (onset === undefined) {
      this.skip("AdverseEvent", id, "date is missing or not a full date (no onset date)");
      return;
    }
    const ext = (Array.isArray(r.extension) ? r.extension : []).filter((e) => e.url === LED_TO_DISCONTINUATION_URL);
    if (ext.length !== 1 || typeof ext[0]!.valueBoolean !== "boolean") {
      this.skip("AdverseEvent", id, `extension ${LED_TO_DISCONTINUATION_URL} (valueBoolean) is missing: whether it led to discontinuation is not recorded`);
      return;
    }
    if (r.seriousness !== undefined) this.skip("AdverseEvent", id, "seriousness (a serious/non-serious summary) is not mapped: the model records the criteria; seriousness left missing");
    const rec: Rec = { patientId: pid, onsetDate: onset, term, category: cats[0], ledToDiscontinuation: ext[0]!.valueBoolean };
    const rid = recordIdOf(r as unknown as Rec);
    if (rid !== undefined) rec.id = rid;
    const inf = extsOf(r, "infectionType");
    if (inf.length === 1 && typeof inf[0]!.valueCode === "string") rec.infectionType = inf[0]!.valueCode;
    const res = extsOf(r, "resolvedDate");
    if (res.length === 1 && dateOf(res[0]!.valueDate) !== undefined) rec.resolvedDate = dateOf(res[0]!.valueDate);
    const ser = extsOf(r, "seriousnessCriteria");
    if (ser.length === 1) {
      const crit: Rec = {};
      for (const e of Array.isArray(ser[0]!.extension) ? ser[0]!.extension : []) {
        if (typeof e.valueBoolean === "boolean" && SERIOUSNESS.includes(e.url) && !own(crit, e.url)) crit[e.url] = e.valueBoolean;
        else this.skip("AdverseEvent", id, `seriousnessCriteria sub-extension "${String(e.url).slice(0, 40)}" is not a criterion with a valueBoolean (${SERIOUSNESS.join(", ")})`);
      }
      rec.seriousness = crit;
    }
    this.adverseEvents.push(rec);
  }

  /** The visit an Observation or QuestionnaireResponse belongs to: its Encounter's, else the patient's visit on `date`. */
  visitFor(encounterRef: unknown, pid: string, date: string | undefined, rt: string, id: string, dateField: string): Rec | undefined {
    const ref = refOf(encounterRef);
    if (ref !== undefined) {
      const e = this.encounters.get(ref);
      if (e === undefined) {
        this.skip(rt, id, `encounter.reference "${ref.slice(0, 80)}" is not an Encounter (visit) in the Bundle`);
        return undefined;
      }
      if (e.patientId !== pid) {
        this.skip(rt, id, `encounter.reference "${ref.slice(0, 80)}" is a visit of another patient`);
        return undefined;
      }
      return e.visit;
    }
    if (date === undefined) {
      this.skip(rt, id, `${dateField} is missing or not a full date (and no encounter): no visit to attach to`);
      return undefined;
    }
    return this.visit(pid, date);
  }

  encounter(r: Encounter, id: string, refs: readonly string[]): void {
    const pid = this.patientOf(r.subject, "Encounter", id, "subject");
    if (pid === undefined) return;
    if (r.status === "cancelled" || r.status === "entered-in-error" || r.status === "planned") {
      this.skip("Encounter", id, `status is "${r.status}" (not a visit that took place)`);
      return;
    }
    const date = dateOf(r.period?.start);
    if (date === undefined) {
      this.skip("Encounter", id, "period.start is missing or not a full date (no visit date)");
      return;
    }
    const visit: Rec = { patientId: pid, date };
    const rid = recordIdOf(r as unknown as Rec);
    if (rid !== undefined) visit.id = rid;
    this.visits.set(`enc:${refs[0] ?? id}`, visit);
    for (const ref of refs) this.encounters.set(ref, { patientId: pid, visit });
  }

  /** A patient-level field set once; a second value is listed. */
  setPatient(pid: string, field: string, value: unknown, rt: string, id: string, sub?: string): void {
    const p = this.patients.get(pid)!;
    const target = sub === undefined ? p : ((p[sub] ??= {}) as Rec);
    if (own(target, field)) {
      this.skip(rt, id, `a second ${sub === undefined ? field : `${sub}.${field}`} for patient ${pid} (the first is kept)`);
      return;
    }
    target[field] = value;
  }

  listItem(pid: string, field: ListField, refs: readonly string[], item: unknown, date?: string): void {
    let byField = this.listItems.get(pid);
    if (byField === undefined) this.listItems.set(pid, (byField = new Map()));
    let l = byField.get(field);
    if (l === undefined) byField.set(field, (l = []));
    l.push(date === undefined ? { refs, item } : { refs, item, date });
  }

  list(r: List, id: string): void {
    const pid = this.patientOf(r.subject, "List", id, "subject");
    if (pid === undefined) return;
    const names = codeIn(r.code, RECORD_LIST_SYSTEM).filter((c): c is ListField => (LIST_FIELDS as readonly string[]).includes(c));
    if (names.length !== 1) {
      this.skip("List", id, `code must carry exactly one list of ${RECORD_LIST_SYSTEM} (${LIST_FIELDS.join(", ")}); found ${names.length}`);
      return;
    }
    if (r.status !== "current") {
      this.skip("List", id, `status is ${JSON.stringify(r.status ?? null)} (only current lists)`);
      return;
    }
    const entries = Array.isArray(r.entry) ? r.entry : [];
    const refs: string[] = [];
    for (const e of entries) {
      const ref = refOf(e.item);
      if (ref === undefined) {
        this.skip("List", id, "an entry has no item.reference; the list is not used");
        return;
      }
      refs.push(ref);
    }
    if (refs.length === 0 && codings(r.emptyReason).length === 0) {
      this.skip("List", id, "the list has no entries and no emptyReason: not read as an empty record");
      return;
    }
    const key = JSON.stringify([pid, names[0]]);
    if (this.lists.has(key)) {
      this.skip("List", id, `a second ${names[0]} list for patient ${pid} (the first is kept)`);
      return;
    }
    this.lists.set(key, { patientId: pid, field: names[0]!, refs, id });
  }

  /** Observations coded by the project's visit items, patient findings, or body height. */
  itemObservation(r: Observation, id: string, pid: string): boolean {
    const items = codeIn(r.code, VISIT_ITEM_SYSTEM);
    const findings = codeIn(r.code, PATIENT_FINDING_SYSTEM);
    const height = codeIn(r.code, LOINC).includes("8302-2");
    if (items.length === 0 && findings.length === 0 && !height) return false;
    if (findings.length > 0) {
      const f = findings[0]!;
      const dtt = ["chronicAntibioticRefractoryPouchitis", "complexPerianalDisease", "psychosocialComorbidity"];
      const flag = ["pregnantOrBreastfeeding", "malignancyHistory", "seriousInfectionHistory"];
      if (findings.length > 1 || (!dtt.includes(f) && !flag.includes(f))) {
        this.skip("Observation", id, `code must carry one patient finding of ${PATIENT_FINDING_SYSTEM}; got ${findings.join(", ").slice(0, 80)}`);
        return true;
      }
      let v: boolean | null;
      if (typeof r.valueBoolean === "boolean") v = r.valueBoolean;
      else if (dtt.includes(f) && codeIn(r.dataAbsentReason, DATA_ABSENT).includes("unknown")) v = null;
      else {
        this.skip("Observation", id, `valueBoolean is missing: ${f} not recorded`);
        return true;
      }
      this.setPatient(pid, f, v, "Observation", id, dtt.includes(f) ? "dttConditions" : undefined);
      return true;
    }
    if (height && items.length === 0) {
      const q = r.valueQuantity;
      if (q === undefined || typeof q.value !== "number" || q.comparator !== undefined || q.code !== "cm" || (q.system !== undefined && q.system !== UCUM)) {
        this.skip("Observation", id, "body height (LOINC 8302-2) needs valueQuantity.value in UCUM cm, without comparator");
        return true;
      }
      this.setPatient(pid, "heightCm", q.value, "Observation", id);
      return true;
    }
    const block = items[0]!;
    if (items.length > 1 || !VISIT_BLOCKS.includes(block)) {
      this.skip("Observation", id, `code must carry one visit item block of ${VISIT_ITEM_SYSTEM} (${VISIT_BLOCKS.join(", ")}); got ${items.join(", ").slice(0, 80)}`);
      return true;
    }
    let value: unknown;
    if (block === "rutgeerts") {
      const g = codeIn(r.valueCodeableConcept, VISIT_ITEM_SYSTEM).map((c) => c.replace(/^rutgeerts\./, "")).filter((c) => (RutgeertsGradeSchema.options as readonly string[]).includes(c));
      if (g.length !== 1) {
        this.skip("Observation", id, `valueCodeableConcept must carry one Rutgeerts grade (rutgeerts.i0 ... rutgeerts.i4 of ${VISIT_ITEM_SYSTEM})`);
        return true;
      }
      value = g[0];
    } else if (block === "onCorticosteroids") {
      if (typeof r.valueBoolean !== "boolean") {
        this.skip("Observation", id, "valueBoolean is missing: corticosteroid use not recorded");
        return true;
      }
      value = r.valueBoolean;
    } else {
      const out: Rec = {};
      for (const c of Array.isArray(r.component) ? r.component : []) {
        const paths = codeIn(c.code, VISIT_ITEM_SYSTEM);
        const path = paths[0]?.split(".") ?? [];
        if (paths.length !== 1 || path[0] !== block || path.length < 2 || path.length > 3) {
          this.skip("Observation", id, `a component is not an item of ${block} (${paths.join(", ").slice(0, 60) || "no code"}); the block is not used`);
          return true;
        }
        let v: unknown;
        if (typeof c.valueBoolean === "boolean") v = c.valueBoolean;
        else if (typeof c.valueInteger === "number") v = c.valueInteger;
        else if (typeof c.valueQuantity?.value === "number" && c.valueQuantity.comparator === undefined) v = c.valueQuantity.value;
        else if (typeof c.valueString === "string") v = c.valueString;
        else if (block === "sesCd" && path.length === 2 && codeIn(c.dataAbsentReason, DATA_ABSENT).includes("not-performed")) v = null;
        else {
          this.skip("Observation", id, `component ${paths[0]} has no value; the block is not used`);
          return true;
        }
        if (path[1] === "complications" && path.length === 3) {
          const list = (out.complications ??= []) as string[];
          if (v === true) list.push(path[2]!);
          else if (v !== false) {
            this.skip("Observation", id, `component ${paths[0]} must be valueBoolean; the block is not used`);
            return true;
          }
        } else if (path.length === 3) ((out[path[1]!] ??= {}) as Rec)[path[2]!] = v;
        else out[path[1]!] = v;
      }
      if (Array.isArray(out.complications)) {
        const order: readonly string[] = block === "hbi" ? HbiComplicationSchema.options : CdaiComplicationSchema.options;
        (out.complications as string[]).sort((a, b) => order.indexOf(a) - order.indexOf(b));
      }
      value = out;
    }
    const v = this.visitFor(r.encounter, pid, dateOf(r.effectiveDateTime) ?? dateOf(r.effectivePeriod?.start), "Observation", id, "effectiveDateTime");
    if (v === undefined) return true;
    if (own(v, block)) this.skip("Observation", id, `a second ${block} for the visit of patient ${pid} on ${v.date as string} (the first is kept)`);
    else v[block] = value;
    return true;
  }

  questionnaireResponse(r: QuestionnaireResponse, id: string): void {
    const pid = this.patientOf(r.subject, "QuestionnaireResponse", id, "subject");
    if (pid === undefined) return;
    const url = typeof r.questionnaire === "string" ? r.questionnaire : "";
    const m = /^urn:ibd-outcomes:questionnaire:([A-Za-z0-9]+)$/.exec(url);
    const defs = definitions();
    if (m === null || !own(defs, m[1]!)) {
      this.skip("QuestionnaireResponse", id, `questionnaire ${JSON.stringify(url.slice(0, 80))} is not one of the library's score questionnaires`);
      return;
    }
    const score = m[1]!;
    if (r.status !== "completed" && r.status !== "amended") {
      this.skip("QuestionnaireResponse", id, `status is ${JSON.stringify(r.status ?? null)} (only completed or amended responses)`);
      return;
    }
    const date = dateOf(r.authored);
    if (date === undefined) {
      this.skip("QuestionnaireResponse", id, "authored is missing or not a full date");
      return;
    }
    const def = defs[score]!;
    const byLink = new Map<string, QuestionnaireResponseItem>();
    for (const it of Array.isArray(r.item) ? r.item : []) {
      if (it.linkId === "total") continue;
      if (!def.items.some((d) => d.linkId === it.linkId)) {
        this.skip("QuestionnaireResponse", id, `item "${String(it.linkId).slice(0, 40)}" is not an item of ${score}`);
        return;
      }
      byLink.set(it.linkId, it);
    }
    const items = Object.create(null) as Record<string, number | boolean | string>;
    for (const d of def.items) {
      const ans = byLink.get(d.linkId)?.answer;
      if (!Array.isArray(ans) || ans.length !== 1) {
        this.skip("QuestionnaireResponse", id, `item "${d.linkId}" has ${Array.isArray(ans) ? ans.length : "no"} answers (one needed)`);
        return;
      }
      const a = ans[0]!;
      let val: number | boolean | string | undefined;
      if (d.type === "integer") val = Number.isInteger(a.valueInteger) ? a.valueInteger : undefined;
      else if (d.type === "decimal") val = typeof a.valueDecimal === "number" && Number.isFinite(a.valueDecimal) ? a.valueDecimal : typeof a.valueInteger === "number" ? a.valueInteger : undefined;
      else if (d.type === "boolean") val = typeof a.valueBoolean === "boolean" ? a.valueBoolean : undefined;
      else val = typeof a.valueCoding?.code === "string" && (d.codes ?? []).includes(a.valueCoding.code) ? a.valueCoding.code : undefined;
      if (val === undefined || (typeof val === "number" && ((d.min !== undefined && val < d.min) || (d.max !== undefined && val > d.max)))) {
        this.skip("QuestionnaireResponse", id, `item "${d.linkId}" answer must be a ${d.type}${d.min !== undefined ? ` in ${d.min}-${d.max}` : ""}`);
        return;
      }
      items[d.linkId] = val;
    }
    const plain = Object.fromEntries(Object.entries(items));
    this.scoreResponses.push({ id, patientId: pid, date, score, items: plain });
    if (score === "uceis" || score === "pro2Cd") {
      const v = this.visitFor(r.encounter, pid, date, "QuestionnaireResponse", id, "authored");
      if (v === undefined) return;
      const field = score === "uceis" ? "uceis" : "pro2";
      if (own(v, field)) this.skip("QuestionnaireResponse", id, `a second ${score} for patient ${pid} on ${date} (the first is kept in the visit)`);
      else v[field] = plain;
    }
  }
}

const KNOWN = ["Patient", "Condition", "MedicationStatement", "MedicationRequest", "Procedure", "Observation", "AdverseEvent", "QuestionnaireResponse", "Encounter", "List"];

/**
 * Reads an HL7 FHIR R4 Bundle into a validated cohort: patients, treatment courses, visits (labs and
 * score items) and adverse events, through `parseCohort`. Every resource or element it could not map is
 * listed in `unmapped` with the reason; an absent FHIR element never becomes a value.
 * @remarks Mapping:
 * - `Patient`: `id`, `birthDate`, `gender` (`male`/`female`; any other gender leaves sex missing).
 * - `Condition`: the diagnosis by SNOMED CT 64766004 (UC) or 34000006 (CD), ICD-10 or ICD-10-CM K51 (UC)
 *   or K50 (CD), or {@link DIAGNOSIS_SYSTEM}
 *   (`UC`, `CD`, `IBD-U`); `onsetDateTime` as the diagnosis date; Montreal codes of {@link MONTREAL_SYSTEM}
 *   in `stage.summary`. A written Montreal CD classification states its modifiers: without `L4-modifier`
 *   or `p` the upper-GI and perianal modifiers are absent (Satsangi 2006). Other Conditions are unmapped.
 * - `MedicationStatement` (`effectivePeriod`) and `MedicationRequest` (`dosageInstruction.timing.repeat.boundsPeriod`):
 *   drug from `medicationCodeableConcept.text` or a coding display (lower-cased). An advanced therapy of
 *   the catalogue (`DRUG_MECHANISMS`) gives one dose period, daily dose in mg = `doseQuantity` (UCUM `mg`)
 *   × `frequency` / `period` (days); the periods of one patient and drug form one course starting at the
 *   earliest period. A known concomitant agent (corticosteroids, 5-ASA, thiopurines, methotrexate,
 *   calcineurin inhibitors, thalidomide, ciprofloxacin, metronidazole, rifaximin) becomes a concomitant
 *   medication of the patient's only course (with no or several courses it is unmapped). Without a role
 *   category, course discontinuation and `corticosteroidsRecorded` are not read (left missing).
 * - What `bundleFromCohort` writes is read back in full: a MedicationStatement `category` of
 *   {@link MEDICATION_ROLE_SYSTEM} (`treatmentCourse`: one course, a dose period per `dosage` with its
 *   `boundsPeriod`, discontinuation from status `stopped` + `statusReason` + `effectivePeriod.end`;
 *   `priorTherapy`, `priorConventionalTherapy`, `concomitant` attached to its `partOf` course), Encounters as
 *   visits (Observations and QuestionnaireResponses join their `encounter`'s visit), Observations coded in
 *   {@link VISIT_ITEM_SYSTEM} (Mayo, HBI, SES-CD, CDAI items, Rutgeerts, `onCorticosteroids`) and
 *   {@link PATIENT_FINDING_SYSTEM}, body height (LOINC 8302-2, cm), Conditions of {@link EIM_SYSTEM}, Lists of
 *   {@link RECORD_LIST_SYSTEM} (array order; `emptyReason` = recorded empty), record ids from the
 *   {@link RECORD_ID_SYSTEM} identifier, and the project extensions. A dosage that is not a daily dose (e.g.
 *   every 8 weeks) is unmapped: the model holds daily doses only.
 * - `Procedure` (completed): a surgery typed by {@link SURGERY_SYSTEM}, dated by `performedDateTime`.
 * - `Observation` (final, amended, corrected): a lab by LOINC code (CRP 1988-5, calprotectin 38445-3,
 *   ESR 4537-7/30341-2, 25(OH)D 62292-8, albumin 1751-7, WBC 6690-2, haemoglobin 718-7, platelets 777-3,
 *   ALT 1742-6, AST 1920-8, HDL-C 2085-9, total cholesterol 2093-3, LDL-C 13457-7/18262-6, creatinine
 *   2160-0, eGFR 33914-3/62238-1/98979-8, CK 2157-6), its UCUM unit converted with `convertLab` to the
 *   canonical unit; labs of one patient and day form one visit. Censored values (`comparator`) are unmapped.
 * - `AdverseEvent` (actual): category of {@link AE_CATEGORY_SYSTEM}, term from `event`, onset `date`, and
 *   the {@link LED_TO_DISCONTINUATION_URL} extension (required: the model needs it recorded). The R4
 *   `seriousness` summary is listed as unmapped (the model records criteria, which stay missing).
 * - `QuestionnaireResponse` to a library score Questionnaire (`urn:ibd-outcomes:questionnaire:<score>`,
 *   see `scoreQuestionnaire`): every item answered in range, in `scoreResponses`; UCEIS and CD PRO2 also
 *   fill the visit's `uceis`/`pro2`.
 * @param bundle - A FHIR R4 Bundle (any type) whose entries hold the resources.
 * @param options - `ignoreResourceTypes`. Unknown keys are errors.
 * @returns `{ cohort, problems, unmapped, scoreResponses }`; the input is not modified.
 * @throws {TypeError} If `bundle` is not a Bundle, `bundle.entry` is not an array, an entry's resource
 *   has no string `resourceType`, or an option is unknown or malformed.
 * @example
 * const r = cohortFromBundle({ resourceType: "Bundle", type: "collection", entry: [
 *   { resource: { resourceType: "Patient", id: "P1", gender: "female", birthDate: "1980-05-01" } },
 *   { resource: { resourceType: "Condition", id: "C1", subject: { reference: "Patient/P1" },
 *     code: { coding: [{ system: "http://snomed.info/sct", code: "64766004" }] }, onsetDateTime: "2015-03-10" } }] });
 * r.cohort.patients[0]?.diagnosis;
 * //=> "UC"
 * @see HL7 FHIR R4: https://hl7.org/fhir/R4/bundle.html; LOINC: https://loinc.org; UCUM: https://ucum.org
 */
export function cohortFromBundle(bundle: Bundle, options?: CohortFromBundleOptions): CohortFromBundleResult {
  const fn = "cohortFromBundle";
  if (!isObj(bundle) || bundle.resourceType !== "Bundle") {
    throw new TypeError(`${fn}: bundle must be a FHIR Bundle (resourceType "Bundle"); got ${isObj(bundle) ? `resourceType ${typeof bundle.resourceType === "string" ? `"${bundle.resourceType.slice(0, 40)}"` : describeValue(bundle.resourceType)}` : describeValue(bundle)}.`);
  }
  if (options !== undefined && !isObj(options)) throw new TypeError(`${fn}: options must be an object; got ${describeValue(options)}.`);
  const opts = (options ?? {}) as Rec;
  for (const k of Object.keys(opts)) if (k !== "ignoreResourceTypes") throw new TypeError(`${fn}: options.${k} is not an option (known options: ignoreResourceTypes); got ${describeValue(opts[k])}.`);
  const ignoreRaw = opts.ignoreResourceTypes;
  if (ignoreRaw !== undefined && (!Array.isArray(ignoreRaw) || !ignoreRaw.every((t) => typeof t === "string"))) {
    throw new TypeError(`${fn}: options.ignoreResourceTypes must be an array of resource type names; got ${describeValue(ignoreRaw)}.`);
  }
  const ignore = new Set<string>((ignoreRaw ?? []) as string[]);
  const entries: unknown = own(bundle, "entry") ? bundle.entry : [];
  if (entries === undefined) return finish(new Mapper());
  if (!Array.isArray(entries)) throw new TypeError(`${fn}: bundle.entry must be an array; got ${describeValue(entries)}.`);

  const m = new Mapper();
  const resources: { r: Rec; id: string; rt: string; refs: string[] }[] = [];
  for (let i = 0; i < entries.length; i++) {
    const e: unknown = entries[i];
    if (!isObj(e) || !isObj(e.resource)) {
      m.skip("unknown", `entry[${i}]`, `bundle.entry[${i}].resource is missing`);
      continue;
    }
    const r = e.resource;
    if (typeof r.resourceType !== "string") throw new TypeError(`${fn}: bundle.entry[${i}].resource.resourceType must be a string; got ${describeValue(r.resourceType)}.`);
    const rt = r.resourceType;
    const id = typeof r.id === "string" && r.id.length > 0 ? r.id : `entry[${i}]`;
    if (ignore.has(rt)) {
      m.skip(rt, id, "ignored by options.ignoreResourceTypes");
      continue;
    }
    if (!KNOWN.includes(rt)) {
      m.skip(rt, id, `resource type ${rt.slice(0, 40)} is not mapped (mapped: ${KNOWN.join(", ")})`);
      continue;
    }
    const refs: string[] = [];
    if (typeof r.id === "string" && r.id.length > 0) refs.push(`${rt}/${r.id}`);
    if (typeof e.fullUrl === "string" && e.fullUrl.length > 0) refs.push(e.fullUrl);
    if (rt === "Patient") {
      const pid = recordIdOf(r);
      if (pid === undefined) {
        m.skip(rt, id, "id is missing (a patient needs an id, or an identifier of urn:ibd-outcomes:record-id)");
        continue;
      }
      if (m.patients.has(pid)) {
        m.skip(rt, id, `duplicates Patient ${pid} (the first is kept)`);
        continue;
      }
      m.patient(r as unknown as FhirPatient, pid);
      for (const ref of refs) m.refToPatient.set(ref, pid);
      continue;
    }
    resources.push({ r, id, rt, refs });
  }
  // Encounters first: Observations and QuestionnaireResponses refer to them.
  for (const { r, id, rt, refs } of resources) if (rt === "Encounter") m.encounter(r as unknown as Encounter, id, refs);
  for (const { r, id, rt, refs } of resources) {
    if (rt === "Encounter") continue;
    if (rt === "Condition") m.condition(r as unknown as Condition, id, refs);
    else if (rt === "MedicationStatement" || rt === "MedicationRequest") m.medication(r as unknown as MedicationStatement | MedicationRequest, id, refs);
    else if (rt === "Procedure") m.procedure(r as unknown as Procedure, id, refs);
    else if (rt === "Observation") m.observation(r as unknown as Observation, id);
    else if (rt === "AdverseEvent") m.adverseEvent(r as unknown as FhirAdverseEvent, id);
    else if (rt === "List") m.list(r as unknown as List, id);
    else m.questionnaireResponse(r as unknown as QuestionnaireResponse, id);
  }
  return finish(m);
}

function finish(m: Mapper): CohortFromBundleResult {
  const patients: Rec[] = [];
  for (const [pid, p] of m.patients) {
    const rec: Rec = { ...p };
    const d = m.diagnoses.get(pid);
    if (d !== undefined) {
      rec.diagnosis = d.diagnosis;
      if (d.date !== undefined) rec.diagnosisDate = d.date;
      const mont = m.montreal(d.diagnosis, d.montreal, d.id);
      if (mont !== undefined) rec.montreal = mont;
    }
    for (const field of LIST_FIELDS) {
      const items = m.listItems.get(pid)?.get(field) ?? [];
      const list = m.lists.get(JSON.stringify([pid, field]));
      if (list !== undefined) {
        const used = new Set<number>();
        const arr: unknown[] = [];
        for (const ref of list.refs) {
          const k = items.findIndex((it, j) => !used.has(j) && it.refs.includes(ref));
          if (k < 0) {
            m.skip("List", list.id, `entry "${ref.slice(0, 80)}" is not a mapped ${field} item of patient ${pid} (the item is left out of the list)`);
            continue;
          }
          used.add(k);
          arr.push(items[k]!.item);
        }
        items.forEach((it, j) => {
          if (!used.has(j)) arr.push(it.item);
        });
        rec[field] = arr;
      } else if (items.length > 0) {
        const sorted = field === "surgeries" ? [...items].sort((a, b) => compareIso(a.date as string, b.date as string)) : items;
        rec[field] = sorted.map((it) => it.item);
      }
    }
    patients.push(rec);
  }
  const byKey = new Map<string, Rec & { patientId: string; concomitantMedications: Rec[] }>();
  const courses = [...m.courses.entries()].map(([key, c]) => {
    const periods = c.extra !== undefined ? c.periods : [...c.periods].sort((a, b) => compareIso(a.startDate as string, b.startDate as string));
    const out: Rec & { patientId: string; concomitantMedications: Rec[] } = c.extra !== undefined
      ? { ...(own(c.extra, "id") ? { id: c.extra.id } : {}), patientId: c.patientId, drug: c.drug, startDate: c.extra.startDate, dosePeriods: periods, concomitantMedications: [] }
      : { ...(c.ids.length > 0 ? { id: c.ids[0] } : {}), patientId: c.patientId, drug: c.drug, startDate: periods[0]!.startDate, dosePeriods: periods, concomitantMedications: [] };
    if (c.extra !== undefined) {
      if (own(c.extra, "corticosteroidsRecorded")) out.corticosteroidsRecorded = c.extra.corticosteroidsRecorded;
      if (own(c.extra, "discontinuation")) out.discontinuation = c.extra.discontinuation;
    }
    byKey.set(key, out);
    return out;
  });
  const coursesOf = new Map<string, (typeof courses)[number][]>();
  for (const c of courses) {
    const list = coursesOf.get(c.patientId);
    if (list === undefined) coursesOf.set(c.patientId, [c]);
    else list.push(c);
  }
  for (const cm of m.concomitants) {
    const what = `concomitant ${(cm.rec.drug as string | undefined) ?? (cm.rec.agentClass as string)}`;
    if (cm.partOf !== undefined) {
      const key = m.courseRefs.get(cm.partOf);
      const c = key === undefined ? undefined : byKey.get(key);
      if (c === undefined || c.patientId !== cm.patientId) m.skip(cm.resourceType, cm.id, `${what}: partOf "${cm.partOf.slice(0, 80)}" is not a treatment course of patient ${cm.patientId} in the Bundle`);
      else c.concomitantMedications.push(cm.rec);
      continue;
    }
    const mine = coursesOf.get(cm.patientId) ?? [];
    if (mine.length === 1) mine[0]!.concomitantMedications.push(cm.rec);
    else m.skip(cm.resourceType, cm.id, `${what} needs exactly one treatment course of patient ${cm.patientId} to attach to; found ${mine.length}`);
  }
  const r = parseCohort({ patients, courses, visits: [...m.visits.values()], adverseEvents: m.adverseEvents });
  return { cohort: r.cohort, problems: r.problems, unmapped: m.unmapped, scoreResponses: m.scoreResponses };
}
