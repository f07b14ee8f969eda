/**
 * Generates `examples/data/cohort.fhir.json`: the example cohort (`cohort.json`) as an HL7 FHIR R4
 * Bundle (type `collection`), written by the library's `bundleFromCohort`. `cohortFromBundle` reads it
 * back into the same cohort (tests/fhir-round-trip.test.ts).
 *
 * Deterministic: no clock, no random numbers (the Bundle has no timestamp; resource ids derive from the
 * record ids). One Bundle entry per line so that a change shows as a readable diff.
 *
 *   npx tsx examples/data/generate-cohort-fhir.ts [--check]
 *
 * `--check` exits 1 when the file on disk differs from what this script writes (run by the test suite).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { bundleFromCohort } from "../../src/fhir/index.js";

const here = dirname(fileURLToPath(import.meta.url));
const inFile = join(here, "cohort.json");
const outFile = join(here, "cohort.fhir.json");

/** The Bundle as text: the Bundle fields on the first line, then one entry per line. */
export function cohortFhirText(cohortText: string): string {
  const bundle = bundleFromCohort(JSON.parse(cohortText), { id: "ibd-outcomes-example-cohort" });
  const { entry = [], ...head } = bundle;
  const headJson = JSON.stringify(head);
  const lines = entry.map((e) => JSON.stringify(e));
  return `${headJson.slice(0, -1)},"entry":[\n${lines.join(",\n")}\n]}\n`;
}

const text = cohortFhirText(readFileSync(inFile, "utf8"));
if (process.argv.includes("--check")) {
  let onDisk = "";
  try {
    onDisk = readFileSync(outFile, "utf8");
  } catch {
    onDisk = "";
  }
  if (onDisk !== text) {
    console.error("examples/data/cohort.fhir.json differs from what generate-cohort-fhir.ts writes from cohort.json; run it again.");
    process.exit(1);
  }
  console.log("examples/data/cohort.fhir.json is up to date.");
} else {
  writeFileSync(outFile, text);
  const n = (text.match(/\n/g)?.length ?? 0) - 2;
  console.log(`wrote ${outFile} (${n} entries)`);
}
