/**
 * Private test helpers for the statistics fixtures (used only by *.test.ts files).
 * @packageDocumentation
 */
import { readFileSync } from "node:fs";
import { expect } from "vitest";
import { expectClose } from "../../../tests/expectClose.js";

/** Reads `fixtures.json` next to the calling test (pass `import.meta.url`). */
export function loadFixtures<T>(metaUrl: string, name = "fixtures.json"): T {
  return revive(JSON.parse(readFileSync(new URL(`./${name}`, metaUrl), "utf8"))) as T;
}

/** Fixture rows that must exist and be non-empty (a loop over none would test nothing). */
export function nonEmpty<T>(rows: readonly T[] | undefined, label: string): readonly T[] {
  expect(rows?.length ?? 0, `${label}: fixture rows`).toBeGreaterThan(0);
  return rows ?? [];
}

/** Coefficients compared relatively (1e-6), with an absolute floor (1e-9 * scale) for values near 0. */
export function closeCoef(got: number, want: number, scale: number, label: string): void {
  if (Math.abs(want) < 1e-6 * scale) expectClose(got, want, 1e-9 * scale, label, "abs");
  else expectClose(got, want, 1e-6, label);
}

function revive(v: unknown): unknown {
  if (v === "Infinity") return Infinity;
  if (v === "-Infinity") return -Infinity;
  if (v === "NaN") return NaN;
  if (Array.isArray(v)) return v.map(revive);
  if (v !== null && typeof v === "object") {
    const o: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) o[k] = revive(x);
    return o;
  }
  return v;
}

/** Worst relative error seen per label prefix (reported by the tests). */
export const worst = new Map<string, number>();

function record(key: string, got: number, want: number): void {
  if (!Number.isFinite(want) || want === 0) return;
  const e = Math.abs(got - want) / Math.abs(want);
  if (!(e <= (worst.get(key) ?? 0))) worst.set(key, e);
}

/**
 * Contract tolerance: 1e-9 relative, or 1e-12 absolute for |want| < 1e-3 (p-values always relative).
 * `key` groups the worst-error record (e.g. "welchTTest").
 */
export function expectContract(got: number, want: number, label: string, key: string, isPValue = false, rel = 1e-9): void {
  record(key, got, want);
  if (!isPValue && Math.abs(want) < 1e-3 && Number.isFinite(want)) {
    expectClose(got, want, 1e-12, label, "abs");
    return;
  }
  if (isPValue && want === 0) {
    expectClose(got, want, 0, label, "abs");
    return;
  }
  expectClose(got, want, rel, label);
}

/** Prints the worst relative errors recorded so far (grep "WORST" in the vitest output). */
export function reportWorst(): void {
  for (const [k, v] of worst) console.log(`WORST ${k} ${v.toExponential(2)}`);
}
