import { expect } from "vitest";

/**
 * Asserts `got` is within `tol` of `want`: relative when `rel` (default), absolute otherwise.
 * On failure prints the label, got, want, the difference and the tolerance.
 */
export function expectClose(got: number, want: number, tol: number, label: string, mode: "rel" | "abs" = "rel"): void {
  if (Number.isNaN(want)) {
    expect(Number.isNaN(got), `${label}: want NaN, got ${got}`).toBe(true);
    return;
  }
  if (!Number.isFinite(want)) {
    expect(got, `${label}: want ${want}, got ${got}`).toBe(want);
    return;
  }
  const diff = Math.abs(got - want);
  const allowed = mode === "rel" ? tol * Math.max(Math.abs(want), Number.MIN_VALUE) : tol;
  if (!(diff <= allowed)) {
    expect.fail(`${label}: got ${got}, want ${want}, |diff| ${diff.toExponential(3)} > tol ${allowed.toExponential(3)} (${mode} ${tol})`);
  }
}
