// Writes an NDJSON file of N visits for the `ibd-outcomes score` benchmark: the example cohort's
// visits, repeated with fresh ids and patient ids, dates unchanged.
// Usage: node bench/cli-score-gen.mjs N out.ndjson [out.csv] [--full-labs]
// Default visits carry the score items plus CRP and FC (a registry scoring extract, ~400 bytes a line);
// --full-labs keeps the whole 15-analyte panel (~900 bytes a line). With out.csv, the same records are also written
// as CSV (dotted column paths, lists joined with ";", one column per path any record uses, in a fixed order).
import { readFileSync, createWriteStream } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { flatten } from "./_flatten.mjs";

const n = Number(process.argv[2] ?? 100000);
const out = process.argv[3] ?? "visits.ndjson";
const outCsv = process.argv[4] !== undefined && !process.argv[4].startsWith("--") ? process.argv[4] : undefined;
const here = dirname(fileURLToPath(import.meta.url));
const cohort = JSON.parse(readFileSync(join(here, "..", "examples", "data", "cohort.json"), "utf8"));
const full = process.argv.includes("--full-labs");
const visits = cohort.visits.map((v) => {
  if (full || v.labs === undefined) return v;
  const { crp, fecalCalprotectin } = v.labs;
  return { ...v, labs: { ...(crp ? { crp } : {}), ...(fecalCalprotectin ? { fecalCalprotectin } : {}) } };
});
const columns = new Set(["id", "patientId", "date"]);
for (const v of visits) for (const k of Object.keys(flatten(v))) columns.add(k);
const header = [...columns];
const cell = (x) => (x === undefined ? "" : /[",\n\r]/.test(x) ? `"${x.replaceAll('"', '""')}"` : x);

const ws = createWriteStream(out);
const cs = outCsv === undefined ? null : createWriteStream(outCsv);
let buf = "";
let bufCsv = cs === null ? "" : `${header.join(",")}\n`;
for (let i = 0; i < n; i++) {
  const v = visits[i % visits.length];
  const rep = Math.floor(i / visits.length);
  const rec = { ...v, id: `${v.id}-r${rep}`, patientId: `${v.patientId}-r${rep}` };
  buf += `${JSON.stringify(rec)}\n`;
  if (cs !== null) {
    const row = flatten(rec);
    bufCsv += `${header.map((h) => cell(row[h])).join(",")}\n`;
  }
  if (buf.length > 1 << 20) {
    if (!ws.write(buf)) await new Promise((r) => ws.once("drain", r));
    buf = "";
    if (cs !== null) {
      if (!cs.write(bufCsv)) await new Promise((r) => cs.once("drain", r));
      bufCsv = "";
    }
  }
}
ws.end(buf);
if (cs !== null) cs.end(bufCsv);
await Promise.all([ws, ...(cs === null ? [] : [cs])].map((s) => new Promise((r) => s.on("finish", r))));
