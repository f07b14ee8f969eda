// Writes an NDJSON file of N visits for the `ibd-outcomes score` benchmark: the example cohort's
// visits, repeated with fresh ids and patient ids, dates unchanged.
// Usage: node bench/cli-score-gen.mjs N out.ndjson [--full-labs]
// Default visits carry the score items plus CRP and FC (a registry scoring extract, ~400 bytes a line);
// --full-labs keeps the whole 15-analyte panel (~900 bytes a line).
import { readFileSync, createWriteStream } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const n = Number(process.argv[2] ?? 100000);
const out = process.argv[3] ?? "visits.ndjson";
const here = dirname(fileURLToPath(import.meta.url));
const cohort = JSON.parse(readFileSync(join(here, "..", "examples", "data", "cohort.json"), "utf8"));
const full = process.argv.includes("--full-labs");
const visits = cohort.visits.map((v) => {
  if (full || v.labs === undefined) return v;
  const { crp, fecalCalprotectin } = v.labs;
  return { ...v, labs: { ...(crp ? { crp } : {}), ...(fecalCalprotectin ? { fecalCalprotectin } : {}) } };
});
const ws = createWriteStream(out);
let buf = "";
for (let i = 0; i < n; i++) {
  const v = visits[i % visits.length];
  const rep = Math.floor(i / visits.length);
  buf += `${JSON.stringify({ ...v, id: `${v.id}-r${rep}`, patientId: `${v.patientId}-r${rep}` })}\n`;
  if (buf.length > 1 << 20) {
    if (!ws.write(buf)) await new Promise((r) => ws.once("drain", r));
    buf = "";
  }
}
ws.end(buf);
await new Promise((r) => ws.on("finish", r));
