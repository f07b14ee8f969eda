/**
 * Time-to-event benchmarks, side by side with R in one run: `npx tsx bench/survival-vs-r.ts`.
 *
 * - `kaplanMeier` on 1,000,000 subjects (integer days, many ties) vs `survfit` + `quantile`;
 * - `logRankTest` on the same, two groups, vs `survdiff`;
 * - `coxRegression` 100,000 x 10, Efron ties on 365 distinct times, vs `coxph(ties = "efron")`;
 * - `cumulativeIncidence` on 100,000 subjects, two causes, vs `cmprsk::cuminc` (no group);
 * - the same with two groups (curves per group and Gray's test per cause) vs
 *   `cmprsk::cuminc(time, status, group)`, whose Tests are Gray's test.
 *
 * Task names on the command line run only those tasks (km, logrank, cox, cuminc, cuminc-groups),
 * e.g. `npx tsx bench/survival-vs-r.ts cuminc cuminc-groups`.
 *
 * Writes the seeded data as CSV to a temporary folder, runs bench/survival-vs-r.R on it (R's own
 * `system.time`, median of 3), times this library (median of 3 wall times) and prints the ratios
 * with the load averages before and after: the machine is shared, so note them beside the figures.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createRandom } from "../src/stats/_random/index.js";
import { coxRegression } from "../src/stats/coxRegression/index.js";
import { cumulativeIncidence } from "../src/stats/cumulativeIncidence/index.js";
import { kaplanMeier } from "../src/stats/kaplanMeier/index.js";
import { logRankTest } from "../src/stats/logRankTest/index.js";
import { normalSampler } from "./_lib.js";

const rng = createRandom(20261204);
const normal = normalSampler(rng);
const expo = (rate: number): number => -Math.log(1 - rng.nextFloat()) / rate;

// 1,000,000 subjects: days 1..3000, two groups
const nKm = 1_000_000;
const kmTime: number[] = [];
const kmStatus: number[] = [];
const kmGroup: number[] = [];
for (let i = 0; i < nKm; i++) {
  const g = i % 2;
  const t = Math.min(3000, Math.ceil(expo(g === 0 ? 0.001 : 0.0012)));
  const c = Math.ceil(rng.nextFloat() * 3000);
  kmTime.push(Math.min(t, c));
  kmStatus.push(t <= c ? 1 : 0);
  kmGroup.push(g + 1);
}
// Cox: 100,000 x 10, times on 365 days
const nCox = 100_000;
const X: number[][] = [];
const coxTime: number[] = [];
const coxStatus: number[] = [];
for (let i = 0; i < nCox; i++) {
  const row: number[] = [];
  let eta = 0;
  for (let j = 0; j < 10; j++) {
    const v = Math.round(normal() * 100) / 100;
    row.push(v);
    eta += (j % 3 === 0 ? 0.2 : -0.1) * v;
  }
  X.push(row);
  const t = Math.ceil(expo(0.005 * Math.exp(eta)));
  const c = Math.ceil(rng.nextFloat() * 365);
  coxTime.push(Math.min(t, c, 365));
  coxStatus.push(t <= c && t <= 365 ? 1 : 0);
}
// competing risks: 100,000, causes 1 and 2
const nCi = 100_000;
const ciTime: number[] = [];
const ciStatus: number[] = [];
const ciGroup: number[] = [];
for (let i = 0; i < nCi; i++) {
  ciGroup.push((i % 2) + 1);
  const a = expo(0.002);
  const b = expo(0.001);
  const c = rng.nextFloat() * 1500;
  const t = Math.min(a, b, c);
  ciTime.push(Math.ceil(t));
  ciStatus.push(t === c ? 0 : t === a ? 1 : 2);
}

const dir = mkdtempSync(join(tmpdir(), "surv-bench-"));
writeFileSync(join(dir, "km.csv"), kmTime.map((t, i) => `${t},${kmStatus[i]},${kmGroup[i]}`).join("\n") + "\n");
writeFileSync(join(dir, "cox.csv"), X.map((r, i) => `${r.join(",")},${coxTime[i]},${coxStatus[i]}`).join("\n") + "\n");
writeFileSync(join(dir, "ci.csv"), ciTime.map((t, i) => `${t},${ciStatus[i]},${ciGroup[i]}`).join("\n") + "\n");
const only = process.argv.slice(2);
const wanted = (task: string): boolean => only.length === 0 || only.includes(task);

const load0 = loadavg().map((v) => v.toFixed(2)).join(" ");
const here = dirname(fileURLToPath(import.meta.url));
const rOut = execFileSync("Rscript", [join(here, "survival-vs-r.R"), dir, ...only], { encoding: "utf8" });
const rTimes = new Map<string, { wall: number; cpu: number }>();
for (const line of rOut.trim().split("\n")) {
  const [name, wall, cpu] = line.trim().split(/\s+/);
  if (name !== undefined) rTimes.set(name, { wall: Number(wall), cpu: Number(cpu) });
}

function med(f: () => unknown, k = 3): { wall: number; cpu: number } {
  f(); // warm-up (JIT)
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < k; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    f();
    walls.push((performance.now() - t0) / 1000);
    const c = process.cpuUsage(c0);
    cpus.push((c.user + c.system) / 1e6);
  }
  walls.sort((a, b) => a - b);
  cpus.sort((a, b) => a - b);
  return { wall: walls[Math.floor(k / 2)]!, cpu: cpus[Math.floor(k / 2)]! };
}
const tasks: [string, () => unknown][] = [
  ["km", () => kaplanMeier(kmTime, kmStatus)],
  ["logrank", () => logRankTest(kmTime, kmStatus, kmGroup)],
  ["cox", () => coxRegression(X, coxTime, coxStatus)],
  ["cuminc", () => cumulativeIncidence(ciTime, ciStatus)],
  ["cuminc-groups", () => cumulativeIncidence(ciTime, ciStatus, { group: ciGroup })],
];
const js = new Map<string, { wall: number; cpu: number }>(tasks.filter(([k]) => wanted(k)).map(([k, f]) => [k, med(f)]));
const load1 = loadavg().map((v) => v.toFixed(2)).join(" ");
rmSync(dir, { recursive: true, force: true });

const label: Record<string, string> = {
  km: "kaplanMeier 1,000,000 vs survfit + quantile",
  logrank: "logRankTest 1,000,000 vs survdiff",
  cox: "coxRegression 100,000 x 10 Efron vs coxph",
  cuminc: "cumulativeIncidence 100,000 vs cuminc",
  "cuminc-groups": "cumulativeIncidence 100,000, 2 groups + Gray's test vs cuminc(group)",
};
console.log(`load average before ${load0}, after ${load1}`);
console.table(
  [...js].map(([k, v]) => {
    const r = rTimes.get(k);
    return {
      task: label[k],
      "ours wall s": v.wall.toFixed(3),
      "R wall s": r?.wall.toFixed(3) ?? "?",
      "R / ours (wall)": r ? (r.wall / v.wall).toFixed(2) : "?",
      "ours CPU s": v.cpu.toFixed(3),
      "R CPU s": r?.cpu.toFixed(3) ?? "?",
      "R / ours (CPU)": r ? (r.cpu / v.cpu).toFixed(2) : "?",
    };
  }),
);
