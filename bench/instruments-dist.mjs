// Throughput of the scoring instruments in the BUILT package (dist/scores/index.js), one process per
// instrument and form, so every call site sees one function and one input shape, as in a registry that
// scores one kind of visit. (Timed in-process next to other tasks, under tsx and tinybench, the figures
// were distorted: megamorphic call sites shared between tasks, and deoptimisations carried from one
// task to the next.)
//
//   node bench/instruments-dist.mjs [--rounds R] [--passes P] [name ...]
//
// Each child builds 1,000,000 visits (bench/instruments-data.mjs), runs 3 untimed passes, then P timed
// passes, and reports the median, for the loop that reads `.total` and (unchecked form) for a loop that
// also keeps each result; the parent repeats that R times, interleaving the instruments (so a change in
// machine load touches every row alike), and prints the median over rounds with the range.
// Targets (issue 18, one core): >= 10 M visits/s unchecked (`*Unchecked`), >= 1 M visits/s validated.
// Needs `npm run build` first; the load average is printed because other processes skew the figures.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { generators } from "./instruments-data.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
const distScores = join(root, "dist", "scores", "index.js");
const N = 1_000_000;
const WARMUP = 3;

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Visits per second of `run` over `passes` timed passes (after WARMUP untimed ones), medians: by the
 * wall clock, and by the CPU time of this process (user + system, all its threads, so V8's collector
 * and compiler threads are charged too). On a quiet machine the two agree; when other processes share
 * the cores, the wall figure drops with the time this process waits, the CPU figure much less.
 */
function rate(run, passes) {
  let sink = 0;
  for (let k = 0; k < WARMUP; k++) sink += run();
  const wall = [];
  const cpu = [];
  for (let k = 0; k < passes; k++) {
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    sink += run();
    const ns = Number(process.hrtime.bigint() - t0);
    const c = process.cpuUsage(c0);
    wall.push((N / ns) * 1e9);
    cpu.push((N / (c.user + c.system)) * 1e6);
  }
  if (!Number.isFinite(sink)) throw new RangeError("non-finite sum of totals");
  return { wall: median(wall), cpu: median(cpu) };
}

/**
 * One instrument, one form, one loop, in this process only; prints one JSON line. Loop `read` is the
 * one of the earlier benches (sum of `.total`): when V8 inlines the scorer into it, it may skip building
 * the parts of the result that are never read. Loop `kept` also stores each result where the loop cannot
 * see it unused (as a registry that keeps its results does), so the whole result is built.
 */
async function child(name, form, loop, passes) {
  const mod = await import(pathToFileURL(distScores).href);
  const fn = mod[form === "unchecked" ? `${name}Unchecked` : name];
  if (typeof fn !== "function") throw new TypeError(`dist/scores has no export for ${name} (${form})`);
  const xs = generators[name](N);
  const keep = [null];
  // The one loop of this process: its call site only ever sees `fn`.
  const run =
    loop === "read"
      ? () => {
          let s = 0;
          for (let i = 0; i < xs.length; i++) s += fn(xs[i]).total;
          return s;
        }
      : () => {
          let s = 0;
          for (let i = 0; i < xs.length; i++) {
            const r = fn(xs[i]);
            s += r.total;
            keep[0] = r;
          }
          return s;
        };
  process.stdout.write(`${JSON.stringify({ rate: rate(run, passes) })}\n`);
}

function newestMtime(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return t;
}

function parent(argv) {
  let rounds = 2;
  let passes = 3;
  const names = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--rounds" || a === "--passes") {
      const v = Number(argv[++i]);
      if (!Number.isInteger(v) || v < 1) throw new RangeError(`${a} must be a positive integer, got ${argv[i]}`);
      if (a === "--rounds") rounds = v;
      else passes = v;
    } else if (a in generators) names.push(a);
    else throw new RangeError(`unknown instrument or option "${a}" (instruments: ${Object.keys(generators).join(", ")})`);
  }
  if (!existsSync(distScores)) throw new Error("dist/scores/index.js is missing: run `npm run build` first (this bench times the built package)");
  if (newestMtime(join(root, "src")) > statSync(distScores).mtimeMs) {
    console.warn("warning: src/ is newer than dist/ - these figures are for the last build (`npm run build` to refresh)");
  }
  const list = names.length > 0 ? names : Object.keys(generators);
  const got = new Map();
  const push = (key, v) => {
    if (!got.has(key)) got.set(key, []);
    got.get(key).push(v);
  };
  const load0 = loadavg();
  const runs = [
    ["unchecked", "read"],
    ["unchecked", "kept"],
    ["validated", "read"],
  ];
  for (let r = 0; r < rounds; r++) {
    for (const name of list) {
      for (const [form, loop] of runs) {
        const res = spawnSync(process.execPath, [fileURLToPath(import.meta.url), "--child", name, form, loop, String(passes)], { encoding: "utf8" });
        if (res.status !== 0) throw new Error(`${name} ${form} ${loop} failed:\n${res.stderr}`);
        const o = JSON.parse(res.stdout.trim().split("\n").pop()).rate;
        push(`${name}\t${form}\t${loop}\twall`, o.wall);
        push(`${name}\t${form}\t${loop}\tcpu`, o.cpu);
      }
    }
  }
  const load1 = loadavg();
  const m = (x) => (x / 1e6).toFixed(2);
  const cell = (v) => `${m(median(v))} (${m(Math.min(...v))}-${m(Math.max(...v))})`;
  const rows = list.map((name) => {
    const row = { instrument: name };
    const ok = [];
    for (const [label, form, loop, target] of [
      ["unchecked", "unchecked", "read", 10e6],
      ["kept", "unchecked", "kept", 0],
      ["validated", "validated", "read", 1e6],
    ]) {
      const w = got.get(`${name}\t${form}\t${loop}\twall`);
      const c = got.get(`${name}\t${form}\t${loop}\tcpu`);
      row[`${label} wall`] = cell(w);
      row[`${label} cpu`] = m(median(c));
      if (target > 0 && median(c) < target) ok.push(label);
    }
    row["targets"] = ok.length === 0 ? "met" : `MISSED ${ok.join(", ")}`;
    return row;
  });
  console.log(`\n# instruments.bench (bench/instruments-dist.mjs): built package, one process per instrument, form and loop, million visits/s: median of ${rounds} round(s) of ${passes} timed pass(es) over 1M visits; wall clock (range over rounds) and per CPU-second`);
  console.log("# unchecked = `*Unchecked`, loop reads .total; kept = same, each result also kept; validated = the validating function. Targets (issue 18) judged on the CPU figure: unchecked >= 10, validated >= 1");
  console.log(`# node ${process.version}; load average (1, 5, 15 min) before ${load0.map((x) => x.toFixed(2)).join(" ")}, after ${load1.map((x) => x.toFixed(2)).join(" ")} - other processes lower and scatter these figures`);
  console.table(rows);
}

const argv = process.argv.slice(2);
if (argv[0] === "--child") await child(argv[1], argv[2], argv[3], Number(argv[4]));
else parent(argv);
