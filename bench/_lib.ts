/**
 * Helpers shared by the bench modules (not a bench itself: `bench/run.ts` only loads `*.bench.ts`).
 */
import { writeFileSync } from "node:fs";
import type { Random } from "../src/stats/_random/index.js";

/** Standard normal draws from `rng` (Box-Muller, cosine branch: two uniforms per draw). */
export function normalSampler(rng: Random): () => number {
  return () => {
    const u = 1 - rng.nextFloat();
    const v = rng.nextFloat();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
}

/**
 * Writes `rows` as CSV to the path in environment variable `envVar`, if set, so that the R script
 * next to the bench can time R on the same numbers.
 */
export function dumpCsvIfAsked(envVar: string, rows: () => (number | undefined)[][]): void {
  const path = process.env[envVar];
  if (path !== undefined && path !== "") {
    writeFileSync(path, rows().map((r) => r.join(",")).join("\n") + "\n");
  }
}
