import type {
  AdverseEvent as FhirAdverseEvent,
  Bundle,
  BundleEntry,
  CodeableConcept,
  Condition,
  Dosage,
  Encounter,
  Extension,
  FhirResource,
  List,
  MedicationStatement,
  Observation,
  ObservationComponent,
  Patient as FhirPatient,
  Procedure,
  QuestionnaireResponse,
  Reference,
} from "fhir/r4.js";
import { describeValue } from "../../_lib/errors.js";
import { CdaiComplicationSchema, HbiComplicationSchema, SesCdSegmentNameSchema, parseCohort } from "../../models/index.js";
import type { AdverseEvent, Cohort, Patient, TreatmentCourse, Visit } from "../../models/index.js";
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
import { AE_CATEGORY_SYSTEM, DIAGNOSIS_SYSTEM, LED_TO_DISCONTINUATION_URL, MONTREAL_SYSTEM, SURGERY_SYSTEM } from "../cohortFromBundle/index.js";

/** Options of {@link bundleFromCohort}. */
export interface BundleFromCohortOptions {
  /** `Bundle.id`; omitted when absent. */
  readonly id?: string;
  /** `Bundle.timestamp` (ISO 8601 instant); omitted when absent (no clock is read, so output is deterministic). */
  readonly timestamp?: string;
}

const SNOMED = "http://snomed.info/sct";
const LOINC = "http://loinc.org";
const UCUM = "http://unitsofmeasure.org";
const OBS_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
const NULL_FLAVOR = "http://terminology.hl7.org/CodeSystem/v3-NullFlavor";
const LIST_EMPTY = "http://terminology.hl7.org/CodeSystem/list-empty-reason";
const DATA_ABSENT = "http://terminology.hl7.org/CodeSystem/data-absent-reason";
const AE_OUTCOME = "http://terminology.hl7.org/CodeSystem/adverse-event-outcome";
const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;

/**
 * The LOINC code (and display) `bundleFromCohort` writes for each lab analyte; `cohortFromBundle` reads these
 * and a few alternatives (ESR 4537-7, LDL-C 18262-6, eGFR 33914-3/62238-1).
 * @remarks The model records neither the eGFR equation (98979-8 is CKD-EPI 2021) nor whether LDL-C was
 * calculated; the cholesterol codes are LOINC mass-concentration codes while the value keeps its recorded
 * unit (the model's canonical unit is mmol/L).
 * @example
 * WRITE_LOINC.crp;
 * //=> ["1988-5", "C reactive protein [Mass/volume] in Serum or Plasma"]
 * @see LOINC: https://loinc.org
 */
export const WRITE_LOINC: Readonly<Record<string, readonly [string, string]>> = /* @__PURE__ */ Object.freeze({
  crp: ["1988-5", "C reactive protein [Mass/volume] in Serum or Plasma"],
  fecalCalprotectin: ["38445-3", "Calprotectin [Mass/mass] in Stool"],
  esr: ["30341-2", "Erythrocyte sedimentation rate"],
  vitaminD: ["62292-8", "25-Hydroxyvitamin D2+D3 [Mass/volume] in Serum or Plasma"],
  albumin: ["1751-7", "Albumin [Mass/volume] in Serum or Plasma"],
  wbc: ["6690-2", "Leukocytes [#/volume] in Blood by Automated count"],
  hemoglobin: ["718-7", "Hemoglobin [Mass/volume] in Blood"],
  platelets: ["777-3", "Platelets [#/volume] in Blood by Automated count"],
  alt: ["1742-6", "Alanine aminotransferase [Enzymatic activity/volume] in Serum or Plasma"],
  ast: ["1920-8", "Aspartate aminotransferase [Enzymatic activity/volume] in Serum or Plasma"],
  hdlC: ["2085-9", "Cholesterol in HDL [Mass/volume] in Serum or Plasma"],
  totalCholesterol: ["2093-3", "Cholesterol [Mass/volume] in Serum or Plasma"],
  ldlC: ["13457-7", "Cholesterol in LDL [Mass/volume] in Serum or Plasma by calculation"],
  creatinine: ["2160-0", "Creatinine [Mass/volume] in Serum or Plasma"],
  egfr: ["98979-8", "Glomerular filtration rate/1.73 sq M.predicted [Volume Rate/Area] in Serum, Plasma or Blood by Creatinine-based formula (CKD-EPI 2021)"],
  ck: ["2157-6", "Creatine kinase [Enzymatic activity/volume] in Serum or Plasma"],
});

/** The lab table's unit names -> UCUM codes. */
const UNIT_UCUM: Readonly<Record<string, string>> = {
  "mg/L": "mg/L", "mg/dL": "mg/dL", "ug/g": "ug/g", "µg/g": "ug/g", "mg/kg": "mg/kg", "mm/h": "mm/h", "nmol/L": "nmol/L", "ng/mL": "ng/mL",
  "g/L": "g/L", "g/dL": "g/dL", "10^9/L": "10*9/L", "10^3/uL": "10*3/uL", "/uL": "/uL", "U/L": "U/L", "ukat/L": "ukat/L", "mmol/L": "mmol/L",
  "umol/L": "umol/L", "mL/min/1.73m2": "mL/min/{1.73_m2}",
};

const SNOMED_DX: Readonly<Record<string, [string, string]>> = { UC: ["64766004", "Ulcerative colitis"], CD: ["34000006", "Crohn's disease"] };

type Rec = Record<string, unknown>;

/** Small deterministic 53-bit string hash (cyrb53) for ids that are not valid FHIR ids. */
function hash(s: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** A FHIR id for a candidate string: itself when valid, else `h` + its hash. */
function fhirId(candidate: string): string {
  return FHIR_ID.test(candidate) ? candidate : `h${hash(candidate)}`;
}

const code = (system: string, c: string, display?: string): CodeableConcept => ({ coding: [display === undefined ? { system, code: c } : { system, code: c, display }] });
const ext = (name: string, value: Extension): Extension => ({ ...value, url: `${EXTENSION_PREFIX}:${name}` });
const recordId = (id: string) => [{ system: RECORD_ID_SYSTEM, value: id }];

/** Collects entries and their keys; refuses a duplicate resource id (two records mapping to one id). */
class Writer {
  readonly entries: BundleEntry[] = [];
  readonly ids = new Set<string>();

  add(resource: FhirResource, fullUrl?: string): Reference {
    const entry: BundleEntry = fullUrl === undefined ? { resource } : { fullUrl, resource };
    if (resource.id !== undefined) {
      const key = `${resource.resourceType}/${resource.id}`;
      if (this.ids.has(key)) throw new RangeError(`bundleFromCohort: two records map to the FHIR resource ${key}; record ids (and the ids derived from them) must be unique.`);
      this.ids.add(key);
      this.entries.push(entry);
      return { reference: key };
    }
    this.entries.push(entry);
    return { reference: fullUrl! };
  }
}

/** Reference to a record's resource: `Type/<id>` when the record has an id, else a fullUrl built from a key. */
function recordKey(type: string, id: string | undefined, fallback: string): { id?: string; fullUrl?: string } {
  if (id !== undefined) {
    const fid = fhirId(id);
    return { id: fid };
  }
  return { fullUrl: `urn:ibd-outcomes:${type}:${fallback}` };
}

function period(start: string | undefined, end: string | undefined): { start?: string; end?: string } {
  const p: { start?: string; end?: string } = {};
  if (start !== undefined) p.start = start;
  if (end !== undefined) p.end = end;
  return p;
}

function list(w: Writer, subject: Reference, key: string, name: string, items: readonly Reference[]): void {
  const l: List = { resourceType: "List", id: fhirId(`${key}.list.${name}`), status: "current", mode: "snapshot", code: code(RECORD_LIST_SYSTEM, name), subject };
  if (items.length === 0) l.emptyReason = code(LIST_EMPTY, "nilknown", "Nil Known");
  else l.entry = items.map((item) => ({ item }));
  w.add(l);
}

function finding(w: Writer, subject: Reference, key: string, name: string, value: boolean | null): void {
  const o: Observation = { resourceType: "Observation", id: fhirId(`${key}.${name}`), status: "final", code: code(PATIENT_FINDING_SYSTEM, name), subject };
  if (value === null) o.dataAbsentReason = code(DATA_ABSENT, "unknown", "Unknown");
  else o.valueBoolean = value;
  w.add(o);
}

function patientResources(w: Writer, p: Patient): Reference {
  const key = fhirId(p.id);
  const fp: FhirPatient = { resourceType: "Patient", id: key, identifier: recordId(p.id), gender: p.sex, birthDate: p.birthDate };
  if (p.site !== undefined) fp.extension = [ext("site", { url: "", valueString: p.site })];
  const subject = w.add(fp);
  const dx: Condition = {
    resourceType: "Condition",
    id: fhirId(`${key}.dx`),
    code: { coding: [...(p.diagnosis in SNOMED_DX ? [{ system: SNOMED, code: SNOMED_DX[p.diagnosis]![0], display: SNOMED_DX[p.diagnosis]![1] }] : []), { system: DIAGNOSIS_SYSTEM, code: p.diagnosis }] },
    subject,
    onsetDateTime: p.diagnosisDate,
  };
  const m = p.montreal;
  if (m !== undefined) {
    const codes = m.type === "CD"
      ? [...(m.age !== undefined ? [m.age] : []), m.location, ...(m.upperGi ? ["L4-modifier"] : []), m.behavior, ...(m.perianal ? ["p"] : [])]
      : [m.extent, ...(m.severity !== undefined ? [m.severity] : [])];
    dx.stage = [{ summary: { coding: codes.map((c) => ({ system: MONTREAL_SYSTEM, code: c })), text: `Montreal ${codes.join(" ")}` } }];
  }
  w.add(dx);
  if (p.heightCm !== undefined) {
    w.add({ resourceType: "Observation", id: fhirId(`${key}.height`), status: "final", category: [code(OBS_CATEGORY, "vital-signs")], code: code(LOINC, "8302-2", "Body height"), subject, valueQuantity: { value: p.heightCm, unit: "cm", system: UCUM, code: "cm" } });
  }
  for (const f of ["pregnantOrBreastfeeding", "malignancyHistory", "seriousInfectionHistory"] as const) if (p[f] !== undefined) finding(w, subject, key, f, p[f]);
  const dtt = p.dttConditions;
  if (dtt !== undefined) {
    for (const f of ["chronicAntibioticRefractoryPouchitis", "complexPerianalDisease", "psychosocialComorbidity"] as const) {
      const v = dtt[f];
      if (v !== undefined) finding(w, subject, key, f, v);
    }
  }
  if (p.surgeries !== undefined) {
    const refs = p.surgeries.map((s, i) => w.add({ resourceType: "Procedure", id: fhirId(`${key}.surgery.${i}`), status: "completed", code: code(SURGERY_SYSTEM, s.type), subject, performedDateTime: s.date } satisfies Procedure));
    list(w, subject, key, "surgeries", refs);
  }
  if (p.extraintestinalManifestations !== undefined) {
    const refs = p.extraintestinalManifestations.map((site, i) => w.add({ resourceType: "Condition", id: fhirId(`${key}.eim.${i}`), code: code(EIM_SYSTEM, site), subject } satisfies Condition));
    list(w, subject, key, "extraintestinalManifestations", refs);
  }
  if (p.priorTherapies !== undefined) {
    const refs = p.priorTherapies.map((t, i) => {
      const ms: MedicationStatement = {
        resourceType: "MedicationStatement",
        id: fhirId(`${key}.prior.${i}`),
        status: t.reasonStopped !== undefined ? "stopped" : "completed",
        category: code(MEDICATION_ROLE_SYSTEM, "priorTherapy"),
        medicationCodeableConcept: { text: t.drug },
        subject,
      };
      if (t.mechanism !== undefined) ms.extension = [ext("mechanism", { url: "", valueCode: t.mechanism })];
      if (t.reasonStopped !== undefined) ms.statusReason = [code(STOP_REASON_SYSTEM, `prior:${t.reasonStopped}`)];
      if (t.startDate !== undefined || t.stopDate !== undefined) ms.effectivePeriod = period(t.startDate, t.stopDate);
      return w.add(ms);
    });
    list(w, subject, key, "priorTherapies", refs);
  }
  if (p.priorConventionalTherapies !== undefined) {
    const refs = p.priorConventionalTherapies.map((t, i) => {
      const ms: MedicationStatement = {
        resourceType: "MedicationStatement",
        id: fhirId(`${key}.conventional.${i}`),
        status: "completed",
        category: code(MEDICATION_ROLE_SYSTEM, "priorConventionalTherapy"),
        medicationCodeableConcept: { ...code(THERAPY_CLASS_SYSTEM, `agent:${t.agent}`), text: t.agent },
        subject,
      };
      if (t.startDate !== undefined || t.stopDate !== undefined) ms.effectivePeriod = period(t.startDate, t.stopDate);
      return w.add(ms);
    });
    list(w, subject, key, "priorConventionalTherapies", refs);
  }
  return subject;
}

function dosage(d: TreatmentCourse["dosePeriods"][number]): Dosage {
  const out: Dosage = {
    timing: { repeat: { boundsPeriod: period(d.startDate, d.endDate), frequency: 1, period: 1, periodUnit: "d" } },
    doseAndRate: [{ doseQuantity: { value: d.doseMg, unit: "mg", system: UCUM, code: "mg" } }],
  };
  if (d.phase !== undefined) out.extension = [ext("dosePhase", { url: "", valueCode: d.phase })];
  return out;
}

function courseResources(w: Writer, c: TreatmentCourse, subject: Reference, key: string, n: number): void {
  const rk = recordKey("course", c.id, `${key}:${n}`);
  const ms: MedicationStatement = {
    resourceType: "MedicationStatement",
    ...(rk.id !== undefined ? { id: rk.id } : {}),
    ...(c.id !== undefined ? { identifier: recordId(c.id) } : {}),
    status: c.discontinuation !== undefined ? "stopped" : c.dosePeriods.every((d) => d.endDate !== undefined) ? "completed" : "active",
    category: code(MEDICATION_ROLE_SYSTEM, "treatmentCourse"),
    medicationCodeableConcept: { text: c.drug },
    subject,
    effectivePeriod: period(c.startDate, c.discontinuation?.date),
    dosage: c.dosePeriods.map(dosage),
  };
  if (c.discontinuation !== undefined) ms.statusReason = [code(STOP_REASON_SYSTEM, `course:${c.discontinuation.reason}`)];
  if (c.corticosteroidsRecorded !== undefined) ms.extension = [ext("corticosteroidsRecorded", { url: "", valueBoolean: c.corticosteroidsRecorded })];
  const ref = w.add(ms, rk.fullUrl);
  const base = rk.id ?? fhirId(`${key}.course${n}`);
  c.concomitantMedications.forEach((m, i) => {
    const cm: MedicationStatement = {
      resourceType: "MedicationStatement",
      id: fhirId(`${base}.cm.${i}`),
      status: m.endDate !== undefined ? "completed" : "active",
      category: code(MEDICATION_ROLE_SYSTEM, "concomitant"),
      partOf: [ref],
      medicationCodeableConcept: { ...code(THERAPY_CLASS_SYSTEM, `class:${m.agentClass}`), ...(m.drug !== undefined ? { text: m.drug } : {}) },
      subject,
      effectivePeriod: period(m.startDate, m.endDate),
    };
    w.add(cm);
  });
}

/** A visit block's items as Observation components, `<block>.<item>` coded. */
function components(block: string, items: Rec): ObservationComponent[] {
  const out: ObservationComponent[] = [];
  const one = (path: string, v: unknown): void => {
    const c: ObservationComponent = { code: code(VISIT_ITEM_SYSTEM, path) };
    if (typeof v === "boolean") c.valueBoolean = v;
    else if (typeof v === "number" && Number.isInteger(v)) c.valueInteger = v;
    else if (typeof v === "number") c.valueQuantity = { value: v };
    else if (typeof v === "string") c.valueString = v;
    else if (v === null) c.dataAbsentReason = code(DATA_ABSENT, "not-performed", "Not Performed");
    else throw new TypeError(`bundleFromCohort: ${path} has no FHIR mapping; got ${describeValue(v)}.`);
    out.push(c);
  };
  for (const [k, v] of Object.entries(items)) {
    if (k === "complications" && Array.isArray(v)) {
      const options: readonly string[] = block === "hbi" ? HbiComplicationSchema.options : CdaiComplicationSchema.options;
      for (const o of options) one(`${block}.complications.${o}`, v.includes(o));
    } else if (block === "sesCd" && v !== null && typeof v === "object") {
      for (const [kk, vv] of Object.entries(v as Rec)) one(`${block}.${k}.${kk}`, vv);
    } else one(`${block}.${k}`, v);
  }
  return out;
}

function visitResources(w: Writer, v: Visit, subject: Reference, key: string, n: number): void {
  const rk = recordKey("visit", v.id, `${key}:${n}`);
  const enc: Encounter = {
    resourceType: "Encounter",
    ...(rk.id !== undefined ? { id: rk.id } : {}),
    ...(v.id !== undefined ? { identifier: recordId(v.id) } : {}),
    status: "finished",
    class: { system: NULL_FLAVOR, code: "UNK", display: "unknown" },
    subject,
    period: { start: v.date, end: v.date },
  };
  const encounter = w.add(enc, rk.fullUrl);
  const base = rk.id !== undefined ? rk.id : fhirId(`${key}.visit${n}`);
  const obs = (suffix: string, o: Omit<Observation, "resourceType" | "id" | "status" | "subject" | "encounter">): void => {
    w.add({ resourceType: "Observation", id: fhirId(`${base}.${suffix}`), status: "final", subject, encounter, ...o } as Observation);
  };
  for (const block of ["mayo", "hbi", "sesCd", "cdai"] as const) {
    const items = v[block];
    if (items !== undefined) obs(block, { category: [code(OBS_CATEGORY, block === "sesCd" ? "procedure" : "exam")], code: code(VISIT_ITEM_SYSTEM, block), effectiveDateTime: v.date, component: components(block, items as Rec) });
  }
  if (v.rutgeerts !== undefined) obs("rutgeerts", { category: [code(OBS_CATEGORY, "procedure")], code: code(VISIT_ITEM_SYSTEM, "rutgeerts"), effectiveDateTime: v.date, valueCodeableConcept: code(VISIT_ITEM_SYSTEM, `rutgeerts.${v.rutgeerts}`) });
  if (v.onCorticosteroids !== undefined) obs("onCorticosteroids", { code: code(VISIT_ITEM_SYSTEM, "onCorticosteroids"), effectiveDateTime: v.date, valueBoolean: v.onCorticosteroids });
  for (const [score, field] of [["uceis", "uceis"], ["pro2Cd", "pro2"]] as const) {
    const items = v[field] as Rec | undefined;
    if (items === undefined) continue;
    const qr: QuestionnaireResponse = {
      resourceType: "QuestionnaireResponse",
      id: fhirId(`${base}.${score}`),
      questionnaire: `urn:ibd-outcomes:questionnaire:${score}`,
      status: "completed",
      subject,
      encounter,
      authored: v.date,
      item: Object.entries(items).map(([linkId, a]) => ({ linkId, answer: [Number.isInteger(a) && score === "uceis" ? { valueInteger: a as number } : { valueDecimal: a as number }] })),
    };
    w.add(qr);
  }
  const labs = v.labs;
  if (labs !== undefined) {
    for (const [analyte, m] of Object.entries(labs)) {
      if (analyte === "date" || m === undefined) continue;
      const meas = m as { value: number; unit: string };
      const [loinc, display] = WRITE_LOINC[analyte]!;
      const o: Omit<Observation, "resourceType" | "id" | "status" | "subject" | "encounter"> = {
        category: [code(OBS_CATEGORY, "laboratory")],
        code: code(LOINC, loinc, display),
        valueQuantity: { value: meas.value, unit: meas.unit, system: UCUM, code: UNIT_UCUM[meas.unit]! },
      };
      if (labs.date !== undefined) o.effectiveDateTime = labs.date;
      obs(analyte, o);
    }
  }
}

function adverseEventResource(w: Writer, e: AdverseEvent, subject: Reference, key: string, n: number): void {
  const rk = recordKey("adverse-event", e.id, `${key}:${n}`);
  const extension: Extension[] = [ext("ledToDiscontinuation", { url: "", valueBoolean: e.ledToDiscontinuation })];
  extension[0]!.url = LED_TO_DISCONTINUATION_URL;
  if (e.infectionType !== undefined) extension.push(ext("infectionType", { url: "", valueCode: e.infectionType }));
  if (e.resolvedDate !== undefined) extension.push(ext("resolvedDate", { url: "", valueDate: e.resolvedDate }));
  if (e.seriousness !== undefined) {
    const sub = Object.entries(e.seriousness).filter(([, v]) => v !== undefined).map(([k, v]) => ({ url: k, valueBoolean: v as boolean }));
    // an extension needs a value or sub-extensions: `seriousness: {}` (no criterion recorded) writes nothing
    if (sub.length > 0) extension.push(ext("seriousnessCriteria", { url: "", extension: sub }));
  }
  const ae: FhirAdverseEvent = {
    resourceType: "AdverseEvent",
    ...(rk.id !== undefined ? { id: rk.id } : {}),
    ...(e.id !== undefined ? { identifier: recordId(e.id)[0]! } : {}),
    extension,
    actuality: "actual",
    category: [code(AE_CATEGORY_SYSTEM, e.category)],
    event: { text: e.term },
    subject,
    date: e.onsetDate,
  };
  if (e.resolvedDate !== undefined) ae.outcome = code(AE_OUTCOME, "resolved", "Resolved");
  w.add(ae, rk.fullUrl);
}

const KNOWN_OPTIONS = ["id", "timestamp"];

/**
 * Writes a cohort as an HL7 FHIR R4 Bundle (type `collection`) that {@link cohortFromBundle} reads back
 * into the same cohort. Deterministic: no clock, stable resource ids derived from record ids, entries
 * ordered by patient id, then by record order. An absent model field writes no element.
 * @remarks Mapping (model field -> FHIR; "project" = a code of the project's CodeSystems in
 * `ibd-outcomes/fhir` codes, used where no standard code exists):
 * - Patient: `id` -> `Patient.id` and `identifier` ({@link RECORD_ID_SYSTEM}); `sex` -> `gender`;
 *   `birthDate`; `site` -> extension `site`; `heightCm` -> Observation LOINC 8302-2 (cm);
 *   `diagnosis`, `diagnosisDate` -> Condition (SNOMED CT 64766004 UC / 34000006 CD and the project
 *   diagnosis code; IBD-U has only the project code), `onsetDateTime`; `montreal` -> `Condition.stage.summary`
 *   (project Montreal codes); `surgeries` -> Procedure (project surgery type); `extraintestinalManifestations`
 *   -> Condition (project site code); `priorTherapies` and `priorConventionalTherapies` ->
 *   MedicationStatement (category project `priorTherapy` / `priorConventionalTherapy`, stop reason in
 *   `statusReason`, dates in `effectivePeriod`, `mechanism` as extension); each of these arrays also
 *   gets a List (project code) giving its order, or `emptyReason` `nilknown` when it is recorded empty;
 *   `pregnantOrBreastfeeding`, `malignancyHistory`, `seriousInfectionHistory` and the three
 *   `dttConditions` -> Observation (project code) `valueBoolean` (a `null` DTT condition ->
 *   `dataAbsentReason` `unknown`).
 * - Treatment course -> one MedicationStatement (category `treatmentCourse`): `effectivePeriod.start` =
 *   course start, `.end` = discontinuation date; one `dosage` per dose period (`timing.repeat` once
 *   daily with `boundsPeriod`, `doseQuantity` in UCUM mg, `phase` as extension); discontinuation
 *   reason in `statusReason` (status `stopped`); `corticosteroidsRecorded` as extension; each
 *   concomitant medication -> MedicationStatement (category `concomitant`, `partOf` the course, class as
 *   a project code, drug as text).
 * - Visit -> Encounter (`period` = the date; `class` NullFlavor UNK: the model does not say what kind of
 *   visit); Mayo, HBI, SES-CD and CDAI items -> one Observation per block with a component per item;
 *   Rutgeerts grade and `onCorticosteroids` -> Observation; UCEIS and CD PRO-2 -> QuestionnaireResponse to
 *   the library's Questionnaire; each lab -> Observation (LOINC, value in its recorded unit as UCUM).
 * - Adverse event -> AdverseEvent (`actuality` actual, project category, `event.text` = term, `date` =
 *   onset; `ledToDiscontinuation`, `infectionType`, `resolvedDate` and `seriousnessCriteria` as extensions).
 * Not written: a `labs` block that holds no analyte (only its `date`) has no FHIR element; an empty
 * `dttConditions` or `seriousness` object (nothing recorded in it) writes nothing and reads back absent.
 * The input is validated with `parseCohort` first; a record it rejects makes the call throw (a Bundle
 * must not silently lose records).
 * @param cohort - A cohort (`{ patients, courses, visits, adverseEvents }`, as `parseCohort` accepts).
 * @param options - `id`, `timestamp` of the Bundle. Unknown keys are errors.
 * @returns A new Bundle; the input is not modified.
 * @throws {TypeError} If `cohort` is not a cohort object or an option is unknown or not a string.
 * @throws {RangeError} If a record fails validation (the message names the collection, index and
 *   field), or two records map to one FHIR resource id.
 * @example
 * const b = bundleFromCohort({ patients: [{ id: "P1", sex: "female", birthDate: "1980-05-01",
 *   diagnosis: "UC", diagnosisDate: "2015-03-10" }], courses: [], visits: [], adverseEvents: [] });
 * b.entry?.map((e) => e.resource?.resourceType);
 * //=> ["Patient", "Condition"]
 * @see HL7 FHIR R4: https://hl7.org/fhir/R4/bundle.html; LOINC: https://loinc.org; UCUM: https://ucum.org
 */
export function bundleFromCohort(cohort: Cohort, options?: BundleFromCohortOptions): Bundle {
  const fn = "bundleFromCohort";
  if (cohort === null || typeof cohort !== "object" || Array.isArray(cohort)) throw new TypeError(`${fn}: cohort must be an object { patients, courses, visits, adverseEvents }; got ${describeValue(cohort)}.`);
  if (options !== undefined && (options === null || typeof options !== "object" || Array.isArray(options))) throw new TypeError(`${fn}: options must be an object; got ${describeValue(options)}.`);
  const opts = (options ?? {}) as Rec;
  for (const k of Object.keys(opts)) {
    if (!KNOWN_OPTIONS.includes(k)) throw new TypeError(`${fn}: options.${k} is not an option (known options: ${KNOWN_OPTIONS.join(", ")}); got ${describeValue(opts[k])}.`);
    if (opts[k] !== undefined && typeof opts[k] !== "string") throw new TypeError(`${fn}: options.${k} must be a string; got ${describeValue(opts[k])}.`);
  }
  const parsed = parseCohort(cohort);
  if (parsed.problems.length > 0) {
    const p = parsed.problems[0]!;
    const i = p.issues[0];
    throw new RangeError(`${fn}: cohort.${p.collection}[${p.index}]${i !== undefined ? `.${i.path.join(".")} ${i.message}` : " is invalid"} (${parsed.problems.length} record(s) rejected by parseCohort; a Bundle must not lose records).`);
  }
  const c = parsed.cohort;
  const w = new Writer();
  const patients = [...c.patients].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const group = <T extends { patientId: string }>(xs: readonly T[]): Map<string, T[]> => {
    const m = new Map<string, T[]>();
    for (const x of xs) {
      const l = m.get(x.patientId);
      if (l === undefined) m.set(x.patientId, [x]);
      else l.push(x);
    }
    return m;
  };
  const courses = group(c.courses);
  const visits = group(c.visits);
  const aes = group(c.adverseEvents);
  for (const p of patients) {
    const subject = patientResources(w, p);
    const key = fhirId(p.id);
    (courses.get(p.id) ?? []).forEach((x, n) => courseResources(w, x, subject, key, n));
    (visits.get(p.id) ?? []).forEach((x, n) => visitResources(w, x, subject, key, n));
    (aes.get(p.id) ?? []).forEach((x, n) => adverseEventResource(w, x, subject, key, n));
  }
  const bundle: Bundle = { resourceType: "Bundle", type: "collection", entry: w.entries };
  if (typeof opts.id === "string") bundle.id = opts.id;
  if (typeof opts.timestamp === "string") bundle.timestamp = opts.timestamp;
  return bundle;
}
