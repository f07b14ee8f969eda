/**
 * Private helper of the quality-of-life scores: responses grouped by domain, each a 1-7 integer.
 */
import { isIntIn, isObject } from "./problems.js";

/** Domain -> number of responses. */
export type DomainSizes = Readonly<Record<string, number>>;

/** True when `x` holds exactly the listed domains, each an array of the listed length of integers 1-7. */
export function matchesDomains(sizes: DomainSizes, x: unknown): boolean {
  if (!isObject(x)) return false;
  for (const k in x) if (!Object.hasOwn(sizes, k)) return false;
  for (const k in sizes) {
    const a = x[k];
    if (!Array.isArray(a) || a.length !== sizes[k]) return false;
    for (let i = 0; i < a.length; i++) if (!isIntIn(a[i], 1, 7)) return false;
  }
  return true;
}

/** Sum of a validated response array. */
export function sum(a: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]!;
  return s;
}
