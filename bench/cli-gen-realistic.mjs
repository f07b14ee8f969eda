// Writes a realistic registry extract of N visits for the CLI benchmarks, as NDJSON and as CSV (the same records):
// labs (the example cohort's panels: CRP, calprotectin, liver and kidney tests, ...), several instruments per visit
// (UC: partial/full Mayo, UCEIS on half the endoscopies; CD: HBI, SES-CD, Rutgeerts after surgery), corticosteroid
// use recorded as true, false or not at all, and 5% bad lines of the kinds registries produce (impossible dates,
// out-of-range items, unknown fields, truncated lines, text in number cells). Deterministic (seeded).
// Usage: node bench/cli-gen-realistic.mjs N out.ndjson [out.csv]
import { createWriteStream, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { flatten } from "./_flatten.mjs";

const n = Number(process.argv[2] ?? 100000);
const outNd = process.argv[3] ?? "realistic.ndjson";
const outCsv = process.argv[4];
const here = dirname(fileURLToPath(import.meta.url));
const cohort = JSON.parse(readFileSync(join(here, "..", "examples", "data", "cohort.json"), "utf8"));

let seed = 12345;
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (a) => a[Math.floor(rnd() * a.length)];

const base = cohort.visits;
function visit(i) {
  const v = structuredClone(base[i % base.length]);
  const rep = Math.floor(i / base.length);
  v.id = `${v.id}-r${rep}`;
  v.patientId = `${v.patientId}-r${rep}`;
  if (v.mayo !== undefined && v.mayo.endoscopic !== undefined && rnd() < 0.5) {
    const e = v.mayo.endoscopic;
    v.uceis = { vascularPattern: Math.min(2, e), bleeding: Math.min(3, Math.max(0, e - 1)), erosionsUlcers: Math.min(3, e) };
  }
  if (v.hbi !== undefined && v.rutgeerts === undefined && rnd() < 0.1) v.rutgeerts = pick(["i0", "i1", "i2a", "i2b", "i3", "i4"]);
  const s = rnd();
  if (s < 0.2) delete v.onCorticosteroids;
  else if (v.onCorticosteroids === undefined) v.onCorticosteroids = s < 0.5;
  return v;
}

/** One bad record in 20: [ndjson line, csv mutation]. */
function bad(v, i) {
  switch (i % 5) {
    case 0:
      return [{ ...v, date: `${v.date.slice(0, 5)}02-30` }, (r) => (r.date = `${v.date.slice(0, 5)}02-30`)];
    case 1:
      return v.mayo !== undefined
        ? [{ ...v, mayo: { ...v.mayo, stoolFrequency: 4 } }, (r) => (r["mayo.stoolFrequency"] = "4")]
        : [{ ...v, hbi: { ...v.hbi, wellBeing: 7 } }, (r) => (r["hbi.wellBeing"] = "7")];
    case 2:
      return [{ ...v, visitType: "telephone" }, (r) => (r.date = "unknown")];
    case 3:
      return [null, (r) => (r.__truncate = true)];
    default:
      return [{ ...v, labs: { ...(v.labs ?? {}), crp: { value: "<5", unit: "mg/L" } } }, (r) => (r["labs.crp.value"] = "<5")];
  }
}


// CSV columns: every path the records use, in a fixed order
const columns = new Set(["id", "patientId", "date", "onCorticosteroids"]);
for (let i = 0; i < base.length * 4; i++) for (const k of Object.keys(flatten(visit(i)))) columns.add(k);
const header = [...columns];
seed = 12345;
const cell = (s) => (s === undefined ? "" : /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

const nd = createWriteStream(outNd);
const cs = outCsv === undefined ? null : createWriteStream(outCsv);
let bn = "";
let bc = cs === null ? "" : `${header.join(",")}\n`;
for (let i = 0; i < n; i++) {
  const v = visit(i);
  let line = JSON.stringify(v);
  const row = flatten(v);
  if (i % 20 === 19) {
    const [b, mutate] = bad(v, Math.floor(i / 20));
    line = b === null ? line.slice(0, Math.floor(line.length / 2)) : JSON.stringify(b);
    mutate(row);
  }
  bn += `${line}\n`;
  if (cs !== null) {
    const cells = header.map((h) => cell(row[h]));
    bc += `${(row.__truncate ? cells.slice(0, Math.floor(cells.length / 2)) : cells).join(",")}\n`;
  }
  if (bn.length > 1 << 20) {
    if (!nd.write(bn)) await new Promise((r) => nd.once("drain", r));
    bn = "";
    if (cs !== null) {
      if (!cs.write(bc)) await new Promise((r) => cs.once("drain", r));
      bc = "";
    }
  }
}
nd.end(bn);
await new Promise((r) => nd.on("finish", r));
if (cs !== null) {
  cs.end(bc);
  await new Promise((r) => cs.on("finish", r));
}
