/**
 * Private: the gamma distribution function with both tails computed directly.
 * @packageDocumentation
 */
import { logIncGamma } from "./special.js";

/** Gamma(shape, scale) distribution function; each tail computed directly. */
export function pgamma(x: number, shape: number, scale = 1, lowerTail = true, logP = false): number {
  if (Number.isNaN(x) || !(shape > 0) || !(scale > 0)) return NaN;
  const l = logIncGamma(shape, x / scale, lowerTail);
  return logP ? l : Math.exp(l);
}
