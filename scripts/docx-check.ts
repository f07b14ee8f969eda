/**
 * Looks at the Word output in a real client: writes the demo report as report.docx (the paper's cohort, as
 * `ibd-outcomes report examples/data/cohort.json --format docx`) plus a Table 1 with every added column and
 * the adverse-event hierarchy, converts each .docx to PDF with LibreOffice headless and the PDF pages to PNG
 * with pdftoppm, and prints the PNG paths to open.
 *
 *   npx tsx scripts/docx-check.ts [outDir]      (default: $TMPDIR/ibd-outcomes-docx)
 *
 * Needs `libreoffice` (Debian: libreoffice-writer-nogui) and `pdftoppm` (poppler-utils) on PATH. Nothing here
 * runs in tests or ships in the package.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { adverseEventHierarchyTable, summaryTable } from "../src/cohort/index.js";
import { reportToDocx } from "../src/docx/index.js";
import { reportFile } from "../src/cli/report.js";

const outDir = resolve(process.argv[2] ?? join(tmpdir(), "ibd-outcomes-docx"));
mkdirSync(outDir, { recursive: true });

// 1. the demo report through the CLI's report function
await reportFile(join(import.meta.dirname, "..", "examples", "data", "cohort.json"), { profile: "mao2025", out: join(outDir, "report"), format: "docx", title: "Upadacitinib in refractory IBD: reproduced report" });

// 2. a gtsummary-style Table 1 with every added column, and the AE hierarchy with rates
const rows = Array.from({ length: 60 }, (_, i) => ({
  arm: i % 3 === 0 ? "Placebo" : "Upadacitinib",
  age: 20 + ((i * 37) % 50),
  crp: Math.round(((i * 7.3) % 40) * 10) / 10,
  male: i % 4 === 0 ? null : i % 2 === 0,
  extent: ["E1", "E2", "E3"][(i * 5) % 3],
}));
const t1 = summaryTable(rows, {
  by: "arm",
  byLabel: "Treatment arm",
  caption: "Table 1 Baseline characteristics",
  variables: [
    { key: "age", label: "Age, years", type: "continuous" },
    { key: "crp", label: "CRP, mg/L", type: "continuous", summary: "mean" },
    { key: "male", label: "Male", type: "dichotomous" },
    { key: "extent", label: "Disease extent", type: "categorical" },
  ],
  overall: true,
  ci: true,
  smd: true,
  qValues: true,
});
const patients = rows.map((r, i) => ({ patientId: `p${i}`, group: r.arm, exposureYears: 0.5 + (i % 5) * 0.25 }));
const soc = [
  ["Infections and infestations", "Nasopharyngitis"],
  ["Infections and infestations", "Herpes zoster"],
  ["Skin and subcutaneous tissue disorders", "Acne"],
  ["Blood and lymphatic system disorders", "Neutropenia"],
] as const;
const events = rows.flatMap((_, i) => (i % 3 === 1 ? [{ patientId: `p${i}`, systemOrganClass: soc[i % 4]![0], preferredTerm: soc[i % 4]![1], serious: i % 9 === 1, ledToDiscontinuation: i % 12 === 1 }] : []));
const ae = adverseEventHierarchyTable(patients, events, { rates: true, caption: "Table 4 Adverse events by system organ class and preferred term" });
writeFileSync(
  join(outDir, "tables.docx"),
  await reportToDocx([{ kind: "heading", text: "Tables" }, { kind: "table", table: t1.table }, { kind: "table", table: ae.table }], { title: "Table check", landscape: true }),
);

for (const [dir, name] of [[join(outDir, "report"), "report"], [outDir, "tables"]] as const) {
  execFileSync("libreoffice", ["--headless", "--convert-to", "pdf", "--outdir", dir, join(dir, `${name}.docx`)], { stdio: "inherit" });
  execFileSync("pdftoppm", ["-png", "-r", "70", join(dir, `${name}.pdf`), join(dir, `${name}-page`)], { stdio: "inherit" });
  for (const f of readdirSync(dir).filter((f) => f.startsWith(`${name}-page`)).sort()) console.log(join(dir, f));
}
