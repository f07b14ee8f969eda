/**
 * FHIR: the example cohort (122 patients, 497 visits) written as a Bundle (`bundleFromCohort`, 10,213
 * resources) and read back (`cohortFromBundle`), and the same at 10x (1,220 patients, ids suffixed) to
 * show the cost grows linearly.  npm run bench -- fhir
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Bench, BenchOptions } from "tinybench";
import { bundleFromCohort, cohortFromBundle } from "../src/fhir/index.js";
import type { Cohort } from "../src/models/index.js";

export const options: BenchOptions = { time: 2000, warmupTime: 300, iterations: 3 };

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const cohort = JSON.parse(readFileSync(join(root, "examples", "data", "cohort.json"), "utf8")) as Cohort;

function times10(c: Cohort): Cohort {
  const out: { patients: unknown[]; courses: unknown[]; visits: unknown[]; adverseEvents: unknown[] } = { patients: [], courses: [], visits: [], adverseEvents: [] };
  for (let k = 0; k < 10; k++) {
    const s = (id: string | undefined) => (id === undefined ? undefined : `${id}x${k}`);
    out.patients.push(...c.patients.map((p) => ({ ...p, id: s(p.id) })));
    out.courses.push(...c.courses.map((x) => ({ ...x, id: s(x.id), patientId: s(x.patientId) })));
    out.visits.push(...c.visits.map((x) => ({ ...x, id: s(x.id), patientId: s(x.patientId) })));
    out.adverseEvents.push(...c.adverseEvents.map((x) => ({ ...x, id: s(x.id), patientId: s(x.patientId) })));
  }
  return out as unknown as Cohort;
}

export default function (bench: Bench): void {
  const big = times10(cohort);
  const bundle = bundleFromCohort(cohort);
  const bigBundle = bundleFromCohort(big);
  bench
    .add("bundleFromCohort, example cohort (122 patients -> 10,213 resources)", () => void bundleFromCohort(cohort))
    .add("cohortFromBundle, example Bundle (10,213 resources)", () => void cohortFromBundle(bundle))
    .add("bundleFromCohort, 10x (1,220 patients)", () => void bundleFromCohort(big))
    .add("cohortFromBundle, 10x (102,130 resources)", () => void cohortFromBundle(bigBundle));
}
