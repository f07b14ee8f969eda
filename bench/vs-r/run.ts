/**
 * `npm run bench:r`: ours against R on the same data, in one run, with a table of ratios.
 *
 * For every workload: the data are generated here from a seeded stream and written as raw little-endian
 * doubles (so R reads the very same bits), R is timed on them with `Rscript` (each package at its default
 * settings; median of several samples, each sample a batch of `reps` calls for sub-millisecond work), then
 * ours is timed in this process the same way (after a warm-up, as R's run also starts with one call). Data
 * loading is outside both timings. The table gives both medians, the ratio ours / R (below 1 = faster than
 * R) and the largest relative difference between the two results' key numbers. Without Rscript, or without
 * an R package a workload needs, ours is timed alone and the row says why.
 *
 * Usage: npm run bench:r [-- workload-id ...] [--quick]
 *   --quick   fewer samples (a smoke run, not a measurement)
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { WORKLOADS, type Workload } from "./workloads.js";

const argv = process.argv.slice(2);
const quick = argv.includes("--quick");
const wanted = argv.filter((a) => !a.startsWith("--"));
const chosen = WORKLOADS.filter((w) => wanted.length === 0 || wanted.some((x) => w.id.includes(x)));
if (chosen.length === 0) {
  console.error(`bench:r: no workload matches ${wanted.join(", ")}; workloads: ${WORKLOADS.map((w) => w.id).join(", ")}`);
  process.exit(2);
}

function rscriptVersion(): string | null {
  const r = spawnSync("Rscript", ["--version"], { encoding: "utf8" });
  if (r.error !== undefined || r.status !== 0) return null;
  return (r.stderr || r.stdout).trim().split("\n")[0] ?? "R";
}
function rHas(pkg: string): boolean {
  const r = spawnSync("Rscript", ["-e", `quit(status = if (requireNamespace("${pkg}", quietly = TRUE)) 0 else 1)`], { encoding: "utf8" });
  return r.status === 0;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function timeOurs(w: Workload, data: Record<string, Float64Array>, samples: number): { ms: number; result: number[] } {
  const run = w.ours(data);
  let result = run(); // warm-up, and the result to compare
  const times: number[] = [];
  for (let s = 0; s < samples; s++) {
    const t0 = performance.now();
    for (let i = 0; i < w.reps; i++) result = run();
    times.push((performance.now() - t0) / w.reps);
  }
  return { ms: median(times), result };
}

const R_PRELUDE = `
args <- commandArgs(TRUE); dir <- args[1]; samples <- as.integer(args[2]); reps <- as.integer(args[3])
rd <- function(name) { f <- file.path(dir, paste0(name, ".f64")); readBin(f, "double", n = file.size(f) / 8, endian = "little") }
`;
const R_TIMER = `
.res <- f()
.times <- numeric(samples)
for (.s in seq_len(samples)) {
  .t0 <- proc.time()[["elapsed"]]
  for (.i in seq_len(reps)) .res <- f()
  .times[.s] <- (proc.time()[["elapsed"]] - .t0) / reps
}
cat(sprintf("%.17g", c(median(.times) * 1000, key(.res))), sep = "\\n")
`;

function timeR(w: Workload, dir: string, samples: number): { ms: number; result: number[] } {
  const script = join(dir, `${w.id}.R`);
  writeFileSync(script, `${R_PRELUDE}\n${w.r}\n${R_TIMER}`);
  const out = execFileSync("Rscript", [script, dir, String(samples), String(w.reps)], { encoding: "utf8", maxBuffer: 1 << 26, stdio: ["ignore", "pipe", "pipe"] });
  const nums = out.trim().split("\n").map(Number);
  return { ms: nums[0]!, result: nums.slice(1) };
}

function maxRel(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) return NaN;
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    const d = x === y ? 0 : Math.abs(x - y) / Math.max(Math.abs(y), 1e-300);
    if (d > worst || Number.isNaN(d)) worst = d;
  }
  return worst;
}

const fmtMs = (ms: number): string => (ms >= 100 ? ms.toFixed(0) : ms >= 1 ? ms.toFixed(2) : ms >= 0.01 ? ms.toFixed(4) : ms.toExponential(2));

const rVersion = rscriptVersion();
const [l1, l5] = loadavg();
console.log(`bench:r  ${new Date().toISOString()}  ${cpus().length} cores (${cpus()[0]?.model ?? "?"})  load ${l1!.toFixed(2)} / ${l5!.toFixed(2)}`);
console.log(`node ${process.version}; ${rVersion ?? "Rscript not found: ours alone (install r-base-core and the R packages named per workload to compare)"}`);
const rows: Record<string, string>[] = [];
for (const w of chosen) {
  const dir = mkdtempSync(join(tmpdir(), `bench-r-${w.id}-`));
  try {
    const data = w.data();
    for (const [k, v] of Object.entries(data)) writeFileSync(join(dir, `${k}.f64`), new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
    const samples = quick ? Math.min(2, w.samples) : w.samples;
    let r: { ms: number; result: number[] } | null = null;
    let why = "";
    if (rVersion === null) why = "no Rscript";
    else {
      const missing = w.rPackages.filter((p) => !rHas(p));
      if (missing.length > 0) why = `R package ${missing.join(", ")} not installed`;
      else {
        try {
          r = timeR(w, dir, samples);
        } catch (e) {
          why = `R failed: ${(e as Error).message.split("\n").slice(0, 2).join(" ")}`;
        }
      }
    }
    const ours = timeOurs(w, data, samples);
    rows.push({
      workload: w.title,
      "ours ms": fmtMs(ours.ms),
      "R ms": r === null ? "—" : fmtMs(r.ms),
      "ours / R": r === null ? why : (ours.ms / r.ms).toFixed(2),
      "max rel diff": r === null ? "" : maxRel(ours.result, r.result).toExponential(1),
      "R call": w.rCall,
    });
    console.log(`  ${w.id}: ours ${fmtMs(ours.ms)} ms${r === null ? ` (${why})` : `, R ${fmtMs(r.ms)} ms, ratio ${(ours.ms / r.ms).toFixed(2)}`}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
console.table(rows);
const [e1] = loadavg();
console.log(`load at the end ${e1!.toFixed(2)}; ratios below 1: ours faster. Medians of ${quick ? "2 (quick)" : "several"} samples each.`);
void readFileSync;
