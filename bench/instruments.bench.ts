/**
 * The further instruments (docs/definitions.md §1.8-§1.30) on the registry hot path, with SES-CD beside
 * them for comparison. Targets (issue 18, one core): >= 10 million visits/s unchecked (the `*Unchecked`
 * form on validated input), >= 1 million visits/s validated (the public validating function).
 *
 * Not timed here with tinybench: under tsx, with every task's loop in one process, call sites shared
 * between tasks went megamorphic and one task's deoptimisations carried into the next, so the figures
 * said more about the harness than the scores (CDEIS unchecked read 7.5-8.9 M/s while a plain copy of its
 * arithmetic read 9.8). This module runs bench/instruments-dist.mjs instead: the BUILT package under bare
 * Node, one process per instrument, form and loop, every figure the median of interleaved rounds, with
 * the load average printed (see that file). Build first (`npm run build`): it times dist/, and warns
 * when src/ is newer.
 *
 * Run alone: `npx tsx bench/run.ts instruments`, or `node bench/instruments-dist.mjs [--rounds R]
 * [--passes P] [instrument ...]`. Environment variable IBD_BENCH_ROUNDS sets R here (default 2; the
 * whole table then takes about 9 minutes on 2 busy cores).
 */
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Bench } from "tinybench";

const script = join(dirname(fileURLToPath(import.meta.url)), "instruments-dist.mjs");

export default function instrumentsBench(_bench: Bench): void {
  const rounds = process.env.IBD_BENCH_ROUNDS ?? "2";
  const r = spawnSync(process.execPath, [script, "--rounds", rounds], { stdio: "inherit" });
  if (r.status !== 0) throw new Error(`bench/instruments-dist.mjs failed (exit ${String(r.status)}); see its message above`);
}
