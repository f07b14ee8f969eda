/**
 * Registry-style streaming: read visits as NDJSON one line at a time (node:readline), validate each,
 * score it and classify it at the visit level under mao2025, and keep only running counts, so memory
 * stays flat however large the registry extract is.
 *
 *   npx tsx examples/registry-stream.ts visits.ndjson      # your file
 *   npx tsx examples/registry-stream.ts                    # 200,000 visits synthesised on the fly
 *
 * (For files, the CLI does the same per line: ibd-outcomes score visits.ndjson --profile mao2025.)
 */
import { createReadStream, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { Readable } from "node:stream";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { parseVisit, type Visit } from "../src/models/index.js";
import { classifyAssessment, measuresFromVisit, type EndpointId } from "../src/endpoints/index.js";

const file = process.argv[2];
const here = dirname(fileURLToPath(import.meta.url));

/** 200,000 visits from the example cohort, with fresh patient ids, produced lazily (never all in memory). */
function* synthetic(n = 200_000): Generator<string> {
  const visits = (JSON.parse(readFileSync(join(here, "data", "cohort.json"), "utf8")) as { visits: Visit[] }).visits;
  for (let i = 0; i < n; i++) {
    const v = visits[i % visits.length]!;
    yield `${JSON.stringify({ ...v, patientId: `${v.patientId}-${Math.floor(i / visits.length)}` })}\n`;
  }
}
const input = file === undefined ? Readable.from(synthetic()) : createReadStream(file, { encoding: "utf8" });

const counts = new Map<string, { met: number; notMet: number; notEvaluable: number }>();
let lines = 0;
let bad = 0;
const t0 = performance.now();
for await (const line of createInterface({ input, crlfDelay: Infinity })) {
  lines++;
  if (line.trim() === "") continue;
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    bad++;
    continue;
  }
  const r = parseVisit(raw); // strict schema: unknown keys (incl. __proto__) are rejected
  if (!r.success) {
    bad++;
    if (bad <= 5) console.error(`line ${lines}: ${r.issues[0]!.path.join(".")}: ${r.issues[0]!.message}`);
    continue;
  }
  const v = r.data;
  const disease = v.mayo !== undefined ? "UC" : "CD";
  const steroids = v.onCorticosteroids === undefined ? undefined : ({ status: v.onCorticosteroids ? "on" : "never", daysOff: v.onCorticosteroids ? 0 : null, usedAtBaseline: null } as const);
  const all = classifyAssessment({ disease, timepoint: "w26", followUp: measuresFromVisit(v, { validated: true }), steroids });
  for (const e of ["clinicalRemission", "endoscopicRemission", "crpNormalisation", "fcNormalisation"] as EndpointId[]) {
    const key = `${disease} ${e}`;
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
console.log(`${lines} lines, ${bad} bad, ${(lines / secs).toFixed(0)} lines/s, heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`);
