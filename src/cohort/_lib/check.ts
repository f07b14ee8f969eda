/** Private input checks of the cohort domain. */

/** `Array.isArray` that keeps the element type of a readonly array (TS narrows it to any[]). */
export function isArray<T>(x: readonly T[] | undefined | null): x is readonly T[] {
  return Array.isArray(x);
}
