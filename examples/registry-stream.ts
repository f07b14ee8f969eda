/**
 * Registry-style streaming: read visits as NDJSON one line at a time (node:readline), validate each, score
 * it and classify it at the visit level under mao2025, and keep only running counts, so memory stays flat
 * however large the registry extract is. UC and CD rules are chosen by the patient's diagnosis (from the
 * patients file), never guessed from which score a visit happens to carry.
 *
 *   npx tsx examples/registry-stream.ts visits.ndjson patients.json   # your files (patients: JSON array,
 *                                                                     # { patients: [...] } or NDJSON)
 *   npx tsx examples/registry-stream.ts                               # 200,000 visits synthesised on the fly
 *
 * (For files, the CLI does the same per line: ibd-outcomes score visits.ndjson --profile mao2025.)
 */
import { createReadStream, readFileSync } from "node:fs";
import { Readable } from "node:stream";
import { createInterface } from "node:readline";
import { parsePatient, parseVisit, type Diagnosis, type Patient, type Visit } from "ibd-outcomes/models";
import { classifyAssessment, measuresFromVisit, type EndpointId, type SteroidExposure } from "ibd-outcomes/endpoints";

const [visitsFile, patientsFile] = process.argv.slice(2);
const exampleCohort = new URL("./data/cohort.json", import.meta.url);
const COPIES = 200_000;

/** Patient records from a JSON array, a `{ patients }` cohort file or NDJSON; each one validated. */
function readPatients(text: string): unknown[] {
  const t = text.trim();
  if (t.startsWith("[")) return JSON.parse(t) as unknown[];
  if (t.startsWith("{") && !t.includes("\n")) return [JSON.parse(t)];
  if (t.startsWith("{")) {
    try {
      const whole = JSON.parse(t) as { patients?: unknown[] };
      if (Array.isArray(whole.patients)) return whole.patients;
    } catch {
      // not one JSON document: NDJSON, one patient per line
    }
  }
  return t.split(/\r?\n/).filter((l) => l.trim() !== "").map((l) => JSON.parse(l) as unknown);
}

/** Diagnosis of every valid patient record; invalid records are reported, never used. */
function diagnoses(records: readonly unknown[], idSuffixes: readonly string[] = [""]): Map<string, Diagnosis> {
  const out = new Map<string, Diagnosis>();
  records.forEach((raw, i) => {
    const r = parsePatient(raw);
    if (!r.success) {
      console.error(`patient record ${i + 1}: ${r.issues[0]!.path.join(".")}: ${r.issues[0]!.message}`);
      return;
    }
    const p: Patient = r.data;
    for (const s of idSuffixes) out.set(`${p.id}${s}`, p.diagnosis);
  });
  return out;
}

const example = JSON.parse(readFileSync(exampleCohort, "utf8")) as { patients: unknown[]; visits: Visit[] };
let input: Readable;
let diagnosisOf: Map<string, Diagnosis>;
if (visitsFile === undefined) {
  // the example cohort's visits, copied with fresh patient ids (patient P001 becomes P001-0, P001-1, ...)
  const visits = example.visits;
  const copies = Math.ceil(COPIES / visits.length);
  diagnosisOf = diagnoses(example.patients, Array.from({ length: copies }, (_, k) => `-${k}`));
  input = Readable.from(
    (function* () {
      for (let i = 0; i < COPIES; i++) {
        const v = visits[i % visits.length]!;
        yield `${JSON.stringify({ ...v, patientId: `${v.patientId}-${Math.floor(i / visits.length)}` })}\n`;
      }
    })(),
  );
} else {
  if (patientsFile === undefined) {
    console.error("usage: registry-stream.ts visits.ndjson patients.json (the patients' diagnoses choose the UC or CD rules)");
    process.exit(2);
  }
  diagnosisOf = diagnoses(readPatients(readFileSync(patientsFile, "utf8")));
  input = createReadStream(visitsFile, { encoding: "utf8" });
}

/** What a visit's `onCorticosteroids` flag tells: on (0 days off), or off today for an unknown time. */
function steroidsOf(v: Visit): SteroidExposure | undefined {
  if (v.onCorticosteroids === undefined) return undefined; // not recorded: steroid-free endpoints not evaluable
  return v.onCorticosteroids ? { status: "on", daysOff: 0, usedAtBaseline: null } : { status: "unknown", daysOff: null, usedAtBaseline: null };
}

const ENDPOINTS: readonly EndpointId[] = ["clinicalRemission", "steroidFreeClinicalRemission", "endoscopicRemission", "crpNormalisation", "fcNormalisation"];
const counts = new Map<string, { met: number; notMet: number; notEvaluable: number }>();
let lines = 0;
let bad = 0;
let unknownPatient = 0;
const t0 = performance.now();
for await (const line of createInterface({ input, crlfDelay: Infinity })) {
  lines++;
  if (line.trim() === "") continue;
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    bad++;
    if (bad <= 5) console.error(`line ${lines}: not JSON`);
    continue;
  }
  const r = parseVisit(raw); // strict schema: unknown keys (incl. __proto__) are rejected
  if (!r.success) {
    bad++;
    if (bad <= 5) console.error(`line ${lines}: ${r.issues[0]!.path.join(".")}: ${r.issues[0]!.message}`);
    continue;
  }
  const v = r.data;
  const diagnosis = diagnosisOf.get(v.patientId);
  if (diagnosis === undefined) {
    unknownPatient++;
    if (unknownPatient <= 5) console.error(`line ${lines}: patient ${JSON.stringify(v.patientId)} is not in the patients file: visit not classified`);
    continue;
  }
  const steroids = steroidsOf(v);
  const all = classifyAssessment({ disease: diagnosis, timepoint: "w26", followUp: measuresFromVisit(v, { validated: true }), ...(steroids === undefined ? {} : { steroids }) });
  const group = diagnosis === "CD" ? "CD" : "UC";
  for (const e of ENDPOINTS) {
    const key = `${group} ${e}`;
    const c = counts.get(key) ?? { met: 0, notMet: 0, notEvaluable: 0 };
    const s = all[e].status;
    if (s === "met") c.met++;
    else if (s === "not-met") c.notMet++;
    else c.notEvaluable++;
    counts.set(key, c);
  }
}
const secs = (performance.now() - t0) / 1000;
console.table([...counts.entries()].sort().map(([k, c]) => ({ endpoint: k, ...c })));
console.log(
  `${lines} lines, ${bad} bad, ${unknownPatient} of unknown patients, ${(lines / secs).toFixed(0)} lines/s, heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`,
);
