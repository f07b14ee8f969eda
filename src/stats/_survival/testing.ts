/**
 * Private test helpers for the time-to-event fixtures (used only by *.test.ts files).
 * @packageDocumentation
 */
import { expect } from "vitest";
import { expectContract } from "../_common/testing.js";

/** Compares a number, or a null where R gives NA, at the contract tolerance. */
export function closeOrNull(got: number | null | undefined, want: number | null | undefined, label: string, key: string, rel = 1e-9): void {
  if (want === null || want === undefined) {
    expect(got ?? null, `${label}: want null (R gives NA), got ${got}`).toBeNull();
    return;
  }
  expect(typeof got, `${label}: want ${want}, got ${got}`).toBe("number");
  expectContract(got as number, want, label, key, false, rel);
}

/** Compares two arrays elementwise (lengths must agree). */
export function closeArray(
  got: readonly (number | null)[] | undefined,
  want: readonly (number | null)[] | number | null | undefined,
  label: string,
  key: string,
  rel = 1e-9,
): void {
  const w = want === undefined || want === null ? [] : typeof want === "number" ? [want] : want;
  expect(got?.length, `${label}: length`).toBe(w.length);
  w.forEach((v, k) => closeOrNull(got?.[k] ?? null, v, `${label}[${k}]`, key, rel));
}
