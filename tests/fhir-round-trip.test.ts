import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Bundle } from "fhir/r4.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyseCohort } from "../src/cli/analysis/analyse.js";
import { patientTimeline } from "../src/endpoints/index.js";
import { bundleFromCohort, cohortFromBundle } from "../src/fhir/index.js";
import { parseCohort, type Cohort } from "../src/models/index.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const cohortText = readFileSync(join(root, "examples", "data", "cohort.json"), "utf8");
const raw = JSON.parse(cohortText) as Cohort;
const original = parseCohort(raw).cohort;
const bundle = JSON.parse(readFileSync(join(root, "examples", "data", "cohort.fhir.json"), "utf8")) as Bundle;
const back = cohortFromBundle(bundle);

/** Every patient's timeline under the default profile (mao2025), by patient id. */
function timelines(c: Cohort): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const p of c.patients) {
    const course = c.courses.find((x) => x.patientId === p.id);
    if (course === undefined) continue;
    out.set(p.id, patientTimeline(p, course, c.visits.filter((v) => v.patientId === p.id)));
  }
  return out;
}

describe("examples/data/cohort.fhir.json", () => {
  it("is reproduced byte for byte from cohort.json by its generator (--check)", () => {
    const out = execFileSync(process.execPath, [join(root, "node_modules", "tsx", "dist", "cli.mjs"), join(root, "examples", "data", "generate-cohort-fhir.ts"), "--check"], { encoding: "utf8" });
    expect(out).toMatch(/up to date/);
  });

  it("is a FHIR R4 collection Bundle of the 122 patients", () => {
    expect(bundle.resourceType).toBe("Bundle");
    expect(bundle.type).toBe("collection");
    const types = new Map<string, number>();
    for (const e of bundle.entry ?? []) types.set(e.resource!.resourceType, (types.get(e.resource!.resourceType) ?? 0) + 1);
    expect(types.get("Patient")).toBe(122);
    expect(types.get("Encounter")).toBe(497);
    expect(types.get("AdverseEvent")).toBe(27);
    const ids = (bundle.entry ?? []).map((e) => `${e.resource!.resourceType}/${e.resource!.id ?? e.fullUrl}`);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("reads back with nothing unmapped and nothing rejected", () => {
    expect(back.unmapped).toEqual([]);
    expect(back.problems).toEqual([]);
  });

  it("reads back into the same cohort, record for record", () => {
    expect(back.cohort).toEqual(original);
  });

  it("gives the same timeline for every patient under the default profile", () => {
    const a = timelines(original);
    const b = timelines(back.cohort);
    expect(a.size).toBe(122);
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [id, t] of a) expect(b.get(id), id).toEqual(t);
  });

  it("gives the same Table 1 (and the same report analysis) as cohort.json", () => {
    const options = { profile: "mao2025", compare: "mao2025", labsBy: "all" } as const;
    const a = analyseCohort(raw, options);
    const b = analyseCohort(back.cohort, options);
    expect(a.table1.binary.length).toBeGreaterThan(0);
    expect(b.table1).toEqual(a.table1);
    expect(a.library.table1).not.toBeNull();
    expect(b.library.table1).toEqual(a.library.table1);
    expect(b.library.table1Display).toEqual(a.library.table1Display);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it("round-trips subsets of the cohort with optional fields and record ids removed (property)", () => {
    const optionalPatient = ["montreal", "priorTherapies", "priorConventionalTherapies", "surgeries", "dttConditions", "extraintestinalManifestations", "pregnantOrBreastfeeding", "malignancyHistory", "seriousInfectionHistory", "heightCm", "site"];
    const optionalCourse = ["id", "corticosteroidsRecorded", "discontinuation", "concomitantMedications"];
    const optionalVisit = ["id", "mayo", "hbi", "sesCd", "rutgeerts", "onCorticosteroids", "labs"];
    const optionalAe = ["id", "infectionType", "resolvedDate"];
    const drop = (rec: Record<string, unknown>, keys: readonly string[], bits: number): Record<string, unknown> => {
      const out = { ...rec };
      keys.forEach((k, i) => {
        if ((bits >>> i) & 1) delete out[k];
      });
      return out;
    };
    const arb = fc.record({
      picks: fc.uniqueArray(fc.integer({ min: 0, max: raw.patients.length - 1 }), { minLength: 1, maxLength: 4 }),
      bits: fc.array(fc.integer({ min: 0, max: 0x7ff }), { minLength: 4, maxLength: 4 }),
    });
    fc.assert(
      fc.property(arb, ({ picks, bits }) => {
        const ids = new Set(picks.map((i) => raw.patients[i]!.id));
        const c = {
          patients: picks.map((i) => drop(raw.patients[i] as unknown as Record<string, unknown>, optionalPatient, bits[0]!)),
          courses: raw.courses.filter((x) => ids.has(x.patientId)).map((x) => drop(x as unknown as Record<string, unknown>, optionalCourse, bits[1]!)),
          visits: raw.visits.filter((x) => ids.has(x.patientId)).map((x) => drop(x as unknown as Record<string, unknown>, optionalVisit, bits[2]!)),
          adverseEvents: raw.adverseEvents.filter((x) => ids.has(x.patientId)).map((x) => drop(x as unknown as Record<string, unknown>, optionalAe, bits[3]!)),
        };
        const parsed = parseCohort(c);
        expect(parsed.problems).toEqual([]);
        const r = cohortFromBundle(JSON.parse(JSON.stringify(bundleFromCohort(c as never))) as Bundle);
        expect(r.unmapped).toEqual([]);
        expect(r.problems).toEqual([]);
        const byId = <T extends { id: string }>(xs: readonly T[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : 1));
        expect(byId(r.cohort.patients)).toEqual(byId(parsed.cohort.patients));
        const byPatient = <T extends { patientId: string }>(xs: readonly T[]) => [...xs].sort((a, b) => (a.patientId < b.patientId ? -1 : a.patientId > b.patientId ? 1 : 0));
        expect(byPatient(r.cohort.courses)).toEqual(byPatient(parsed.cohort.courses));
        expect(byPatient(r.cohort.visits)).toEqual(byPatient(parsed.cohort.visits));
        expect(byPatient(r.cohort.adverseEvents)).toEqual(byPatient(parsed.cohort.adverseEvents));
      }),
      { numRuns: 40 },
    );
  });
});

describe("the Bundle of 6 example patients (every resource type) against FHIR R4 rules (fhirpath engine)", () => {
  // The fhirpath engine takes minutes on the whole 10,213-resource Bundle; 6 patients with surgeries, prior
  // therapies, EIMs, discontinuation, concomitants, Mayo/HBI/SES-CD/Rutgeerts visits and adverse events suffice.
  const pick = new Set(["P001", "P004", "P009", "P017", "P101", "P030"]);
  const small = bundleFromCohort({
    patients: raw.patients.filter((p) => pick.has(p.id)),
    courses: raw.courses.filter((x) => pick.has(x.patientId)),
    visits: raw.visits.filter((x) => pick.has(x.patientId)),
    adverseEvents: raw.adverseEvents.filter((x) => pick.has(x.patientId)),
  });
  // Required elements (cardinality 1..1 in R4) and invariants, evaluated with the fhirpath engine on every entry.
  const rules: Readonly<Record<string, string>> = {
    "ele-1/ext-1: every extension has a value or sub-extensions, not both": "descendants().extension.all((extension.exists() != value.exists()) and url.exists())",
    "required: Observation status and code": "Bundle.entry.resource.ofType(Observation).all(status.exists() and code.exists())",
    "obs-6: dataAbsentReason only without a value": "Bundle.entry.resource.ofType(Observation).all(dataAbsentReason.empty() or value.empty())",
    "obs-7: a component's code differs from the Observation's code": "Bundle.entry.resource.ofType(Observation).all(value.empty() or component.code.where(coding.intersect(%resource.code.coding).exists()).empty())",
    "required: MedicationStatement status, medication, subject": "Bundle.entry.resource.ofType(MedicationStatement).all(status.exists() and medication.exists() and subject.exists())",
    "required: Encounter status and class": "Bundle.entry.resource.ofType(Encounter).all(status.exists() and class.exists())",
    "required: List status, mode; lst-1 emptyReason only when empty": "Bundle.entry.resource.ofType(List).all(status.exists() and mode.exists() and (emptyReason.empty() or entry.empty()))",
    "required: AdverseEvent actuality and subject": "Bundle.entry.resource.ofType(AdverseEvent).all(actuality.exists() and subject.exists())",
    "required: Procedure status and subject; Condition subject": "Bundle.entry.resource.ofType(Procedure).all(status.exists() and subject.exists()) and Bundle.entry.resource.ofType(Condition).all(subject.exists())",
    "FHIR ids: [A-Za-z0-9-.]{1,64}": "Bundle.entry.resource.id.all(matches('^[A-Za-z0-9\\\\-.]{1,64}$'))",
  };
  it("every reference resolves inside the Bundle", async () => {
    const { default: fhirpath } = await import("fhirpath");
    const { default: r4 } = await import("fhirpath/fhir-context/r4");
    const refs = fhirpath.evaluate(small, "Bundle.descendants().ofType(Reference).reference", {}, r4) as string[];
    const targets = new Set((small.entry ?? []).flatMap((e) => [`${e.resource!.resourceType}/${e.resource!.id}`, ...(e.fullUrl !== undefined ? [e.fullUrl] : [])]));
    expect(refs.length).toBeGreaterThan(1000);
    expect(refs.filter((r) => !targets.has(r))).toEqual([]);
  });
  for (const [name, expr] of Object.entries(rules)) {
    it(name, { timeout: 60_000 }, async () => {
      const { default: fhirpath } = await import("fhirpath");
      const { default: r4 } = await import("fhirpath/fhir-context/r4");
      expect(fhirpath.evaluate(small, expr, { resource: small }, r4)).toEqual([true]);
    });
  }
});
