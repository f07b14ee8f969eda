import { assertCount, assertOneOf, describeValue } from "../../_lib/errors.js";

const FN = "formatPercent";

/** Options of {@link formatPercent}. */
export interface FormatPercentOptions {
  /** Decimals, 0-4. Default 1 (the paper's Table 1); Table 4 uses 2 for /80 (8.75). */
  readonly digits?: number;
}

/**
 * The percentage `numerator / denominator × 100`, rounded half-up from the integers, as text.
 * @remarks Computed in exact integer arithmetic, so ties are real ties: 29/80 = 36.25 → "36.3",
 * 1/8 = 12.5 → "12.5", 1/16 at 1 decimal = 6.25 → "6.3" (half-up, not half-even), 2/3 → "66.7".
 * This is the rounding of the paper ([definitions §0](https://github.com/ibd-outcomes/ibd-outcomes/blob/main/docs/definitions.md)). A zero denominator throws: there is no
 * percentage of nobody (Table 1's "0 (NA%)" is what that looks like when it is not caught).
 * @param numerator - Count of patients with the event, integer 0..denominator.
 * @param denominator - Count of patients, integer > 0.
 * @param options - `digits` (default 1).
 * @returns The percentage as text without the sign, e.g. `"36.3"`.
 * @throws {TypeError} If a count is not a number.
 * @throws {RangeError} If a count is not a non-negative integer, the denominator is 0, the numerator
 * exceeds it, or `digits` is not an integer in 0..4.
 * @example
 * formatPercent(29, 80);
 * //=> "36.3"
 * @example
 * formatPercent(7, 80, { digits: 2 });
 * //=> "8.75"
 * @see Mao Y, et al. Efficacy and Safety of Upadacitinib for Refractory IBD. Drug Des Devel Ther 2025 (Table 1, Table 4).
 */
export function formatPercent(numerator: number, denominator: number, options: FormatPercentOptions = {}): string {
  assertCount(FN, "numerator", numerator);
  assertCount(FN, "denominator", denominator);
  if (denominator === 0) throw new RangeError(`${FN}: denominator must be > 0; got 0.`);
  if (numerator > denominator) throw new RangeError(`${FN}: numerator must not exceed denominator (${denominator}); got ${numerator}.`);
  const digits = options.digits ?? 1;
  if (!Number.isInteger(digits) || digits < 0 || digits > 4) {
    throw new RangeError(`${FN}: options.digits must be an integer in 0..4; got ${describeValue(digits)}.`);
  }
  return percentText(numerator, denominator, digits);
}

/** Unchecked core of {@link formatPercent} (counts already validated). */
export function percentText(k: number, n: number, digits: number): string {
  const scale = 10 ** digits;
  // value * scale = k * 100 * scale / n; half-up: floor((2 * k * 100 * scale + n) / (2 n)), in BigInt
  const num = BigInt(k) * 200n * BigInt(scale) + BigInt(n);
  const q = num / (2n * BigInt(n));
  const s = q.toString().padStart(digits + 1, "0");
  return digits === 0 ? s : `${s.slice(0, -digits)}.${s.slice(-digits)}`;
}

/** Options of {@link formatCountPercent}. */
export interface FormatCountPercentOptions extends FormatPercentOptions {
  /** `"paren"` → `29 (36.3%)` (default, gtsummary); `"parenNoSign"` → `29 (36.3)`; `"fraction"` → `29/80 (36.3%)`. */
  readonly style?: "paren" | "parenNoSign" | "fraction";
}

/**
 * A count with its percentage, as the paper prints it: `29 (36.3%)`.
 * @param numerator - Count with the event.
 * @param denominator - Count of patients, > 0.
 * @param options - `digits` (default 1), `style` (default `"paren"`).
 * @returns Text such as `"29 (36.3%)"`.
 * @throws {TypeError} If a count is not a number or `style` is unknown.
 * @throws {RangeError} As {@link formatPercent}.
 * @example
 * formatCountPercent(29, 80);
 * //=> "29 (36.3%)"
 * @see Mao Y, et al. Drug Des Devel Ther 2025 (Table 1).
 */
export function formatCountPercent(numerator: number, denominator: number, options: FormatCountPercentOptions = {}): string {
  const style = assertOneOf("formatCountPercent", "options.style", options.style ?? "paren", ["paren", "parenNoSign", "fraction"] as const);
  const pct = formatPercent(numerator, denominator, options.digits === undefined ? {} : { digits: options.digits });
  if (style === "paren") return `${numerator} (${pct}%)`;
  if (style === "parenNoSign") return `${numerator} (${pct})`;
  return `${numerator}/${denominator} (${pct}%)`;
}
