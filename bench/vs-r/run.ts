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
 * Both wall and CPU (user + system) times are given: on a shared machine the wall time of either side
 * depends on what else runs, the CPU time much less so.
 *
 * A last section times the CLI, for which R has no equivalent: `score --profile mao2025` on a realistic
 * NDJSON registry extract (bench/cli-gen-realistic.mjs, 100,000 visits with 5% bad lines) against the
 * bare Node pass of bench/cli-realistic.sh (read each line, JSON.parse, JSON.stringify, write), as the
 * ratio of the two. It needs the built CLI (dist/cli.js; built here with `npm run build` if absent).
 *
 * Usage: npm run bench:r [-- workload-id ... | cli] [--quick] [--no-cli]
 *   --quick   fewer samples (a smoke run, not a measurement)
 *   --no-cli  skip the CLI section
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { WORKLOADS, type Workload } from "./workloads.js";

const argv = process.argv.slice(2);
const quick = argv.includes("--quick");
const wanted = argv.filter((a) => !a.startsWith("--"));
const chosen = WORKLOADS.filter((w) => wanted.length === 0 || wanted.some((x) => w.id.includes(x)));
const withCli = !argv.includes("--no-cli") && (wanted.length === 0 || wanted.includes("cli"));
if (chosen.length === 0 && !withCli) {
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

interface Timing {
  /** Median wall milliseconds per call. */
  ms: number;
  /** Median CPU (user + system) milliseconds per call. */
  cpu: number;
  result: number[];
}

function timeOurs(w: Workload, data: Record<string, Float64Array>, samples: number): Timing {
  const run = w.ours(data);
  let result = run(); // warm-up, and the result to compare
  const times: number[] = [];
  const cpus: number[] = [];
  for (let s = 0; s < samples; s++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (let i = 0; i < w.reps; i++) result = run();
    times.push((performance.now() - t0) / w.reps);
    const c = process.cpuUsage(c0);
    cpus.push((c.user + c.system) / 1000 / w.reps);
  }
  return { ms: median(times), cpu: median(cpus), result };
}

const R_PRELUDE = `
args <- commandArgs(TRUE); dir <- args[1]; samples <- as.integer(args[2]); reps <- as.integer(args[3])
rd <- function(name) { f <- file.path(dir, paste0(name, ".f64")); readBin(f, "double", n = file.size(f) / 8, endian = "little") }
`;
const R_TIMER = `
.res <- f()
.times <- numeric(samples); .cpu <- numeric(samples)
for (.s in seq_len(samples)) {
  .t0 <- proc.time()
  for (.i in seq_len(reps)) .res <- f()
  .d <- proc.time() - .t0
  .times[.s] <- .d[["elapsed"]] / reps
  .cpu[.s] <- (.d[["user.self"]] + .d[["sys.self"]]) / reps
}
cat(sprintf("%.17g", c(median(.times) * 1000, median(.cpu) * 1000, key(.res))), sep = "\\n")
`;

function timeR(w: Workload, dir: string, samples: number): Timing {
  const script = join(dir, `${w.id}.R`);
  writeFileSync(script, `${R_PRELUDE}\n${w.r}\n${R_TIMER}`);
  const out = execFileSync("Rscript", [script, dir, String(samples), String(w.reps)], { encoding: "utf8", maxBuffer: 1 << 26, stdio: ["ignore", "pipe", "pipe"] });
  const nums = out.trim().split("\n").map(Number);
  return { ms: nums[0]!, cpu: nums[1]!, result: nums.slice(2) };
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
    let r: Timing | null = null;
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
      "ours CPU ms": fmtMs(ours.cpu),
      "R CPU ms": r === null ? "—" : fmtMs(r.cpu),
      "CPU ours / R": r === null ? "" : (ours.cpu / r.cpu).toFixed(2),
      "max rel diff": r === null ? "" : maxRel(ours.result, r.result).toExponential(1),
      "R call": w.rCall,
    });
    console.log(`  ${w.id}: ours ${fmtMs(ours.ms)} ms (CPU ${fmtMs(ours.cpu)})${r === null ? ` (${why})` : `, R ${fmtMs(r.ms)} ms (CPU ${fmtMs(r.cpu)}), ratio ${(ours.ms / r.ms).toFixed(2)} (CPU ${(ours.cpu / r.cpu).toFixed(2)})`}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
if (rows.length > 0) console.table(rows);

// ---- the CLI on a realistic file (no R equivalent: the yardstick is a bare Node pass over the same file)

/** Wall and CPU seconds of one child process (CPU from /usr/bin/time when present). */
function timeChild(args: readonly string[], okStatus: readonly number[] = [0]): { wall: number; cpu: number | null } {
  const hasTime = existsSync("/usr/bin/time");
  const cmd = hasTime ? "/usr/bin/time" : process.execPath;
  const full = hasTime ? ["-f", "@@%U %S", process.execPath, ...args] : [...args];
  const t0 = performance.now();
  const r = spawnSync(cmd, full, { encoding: "utf8", stdio: ["ignore", "ignore", "pipe"], maxBuffer: 1 << 26 });
  const wall = (performance.now() - t0) / 1000;
  if (r.status === null || !okStatus.includes(r.status)) throw new Error(`${args.join(" ")} failed (exit ${r.status}): ${(r.stderr ?? "").slice(-300)}`);
  const m = hasTime ? /@@([\d.]+) ([\d.]+)/.exec(r.stderr ?? "") : null;
  return { wall, cpu: m === null ? null : Number(m[1]) + Number(m[2]) };
}

if (withCli) {
  const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
  const cli = join(root, "dist", "cli.js");
  const lines = 100_000;
  console.log(`\nCLI (R has no equivalent): score --profile mao2025 on a realistic NDJSON of ${lines.toLocaleString("en-US")} visits vs a bare Node pass`);
  if (!existsSync(cli)) {
    console.log("  dist/cli.js absent: npm run build");
    execFileSync("npm", ["run", "build"], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
  }
  const dir = mkdtempSync(join(tmpdir(), "bench-r-cli-"));
  try {
    const nd = join(dir, "r.ndjson");
    execFileSync(process.execPath, [join(root, "bench", "cli-gen-realistic.mjs"), String(lines), nd], { stdio: "ignore" });
    const samples = quick ? 1 : 3;
    // score exits with status 1 when it skipped bad records (the file holds 5% on purpose).
    const runs = (args: readonly string[], ok: readonly number[] = [0]): { wall: number; cpu: number | null } => {
      const xs = Array.from({ length: samples }, () => timeChild(args, ok));
      const cpu = xs.every((x) => x.cpu !== null) ? median(xs.map((x) => x.cpu!)) : null;
      return { wall: median(xs.map((x) => x.wall)), cpu };
    };
    const bare = runs([join(root, "bench", "cli-bare-pass.mjs"), nd, join(dir, "bare.out")]);
    const score = runs([cli, "score", nd, "--profile", "mao2025", "--no-progress", "--jobs", "1", "--out", join(dir, "s.out")], [0, 1]);
    const fmt = (x: { wall: number; cpu: number | null }): string => `${x.wall.toFixed(2)} s (CPU ${x.cpu === null ? "?" : x.cpu.toFixed(2)} s, ${Math.round(lines / x.wall).toLocaleString("en-US")} lines/s)`;
    console.table([
      { run: "bare Node pass (parse + stringify each line)", time: fmt(bare), "ratio to bare": "1.00" },
      {
        run: "score --profile mao2025 --jobs 1",
        time: fmt(score),
        "ratio to bare": `${(score.wall / bare.wall).toFixed(2)}${score.cpu !== null && bare.cpu !== null ? ` (CPU ${(score.cpu / bare.cpu).toFixed(2)})` : ""}`,
      },
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const [e1, e5] = loadavg();
console.log(`load at the end ${e1!.toFixed(2)} / ${e5!.toFixed(2)}; ratios below 1: ours faster. Medians of ${quick ? "2 (quick)" : "several"} samples each.`);
