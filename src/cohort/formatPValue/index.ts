import { assertOneOf, describeValue } from "../../_lib/errors.js";
import { fixed, roundHalfUp, significant } from "../_lib/round.js";

const FN = "formatPValue";

/** P-value styles of {@link formatPValue}. */
export type PValueStyle = "paper" | "nejm" | "lancet" | "ama" | "apa" | "graphpad";

/** The styles, in documentation order. */
export const P_VALUE_STYLES: readonly PValueStyle[] = Object.freeze(["paper", "nejm", "lancet", "ama", "apa", "graphpad"]);

/** Options of {@link formatPValue}. */
export interface FormatPValueOptions {
  /** Default `"paper"`. */
  readonly style?: PValueStyle;
  /** Prefix the journal's symbol and relation (`P=0.03`, `p < .001`, ...). Default false (table cell). */
  readonly withSymbol?: boolean;
  /** Lancet only: decimal mark, `"·"` (mid-line dot, the Lancet's print style, default) or `"."`. */
  readonly decimalMark?: "·" | ".";
}

/**
 * Formats a p-value in the paper's style or a journal's.
 * @remarks Every style rounds half away from zero at the stated digits (after 12 significant digits,
 * so 0.0445 counts as 0.0445). The rules:
 *
 * - `paper` — gtsummary `style_pvalue(digits = 3)`, as in the paper's Table 1: p < 0.001 → `<0.001`;
 *   p > 0.999 → `>0.999`; otherwise three decimals (`0.020`, `0.566`). Symbol form `P = 0.020`, `P < 0.001`.
 * - `nejm` — NEJM statistical reporting guidelines: "P values larger than 0.01 should be reported to two
 *   decimal places, those between 0.01 and 0.001 to three decimal places; P values smaller than 0.001
 *   should be reported as P<0.001" (exceptions there — stopping rules, genome-wide studies — need exact
 *   values: format those yourself). So p < 0.001 → `<0.001`; 0.001 ≤ p < 0.01 → three decimals; p ≥ 0.01 →
 *   two decimals, with a leading zero. Values that would round to 1.00 (p ≥ 0.995) print `>0.99` (ours: the
 *   guideline is silent). Symbol form without spaces: `P=0.03`, `P<0.001`.
 * - `lancet` — The Lancet's statistical guidance for authors: p values to two significant figures, `p<0·0001` below 0.0001, lower-case p,
 *   mid-line decimal point (`0·035`; `decimalMark: "."` for on-screen use). p ≥ 0.995 (two significant
 *   figures would print 1·0) → `>0·99` (ours). Symbol form `p=0·035`, `p<0·0001`.
 * - `ama` — AMA Manual of Style (11th ed., numbers chapter: significant digits and rounding): no leading zero; two decimals, three when p < .01;
 *   `<.001` below .001 and `>.99` above .99; exception kept from the manual: when rounding to two decimals
 *   would make a p < .05 read as .05 (0.045 ≤ p < 0.05) three decimals are used (`.046`). Symbol form
 *   `P = .03`, `P < .001`.
 * - `apa` — APA Publication Manual (7th ed., chapter 6: statistics in text; "report exact p values to two or
 *   three decimal places", "p values less than .001 as p < .001"): exact values to three decimals, no leading zero
 *   (a probability cannot exceed 1), `< .001` below .001; p > .999 → `> .999` (ours, instead of 1.000).
 *   Symbol form `p = .035`, `p < .001` (lower-case, italic in print).
 * - `graphpad` — GraphPad Prism's default number format: four decimals with a leading zero, `<0.0001`
 *   below 0.0001 and `>0.9999` above 0.9999 (the paper's Results for Figure 7: "p = 0.9461", "p > 0.9999").
 *   Symbol form `P=0.9461`, `P<0.0001`.
 * @param p - A p-value in [0, 1].
 * @param options - `style` (default `"paper"`), `withSymbol`, `decimalMark` (Lancet).
 * @returns The formatted p-value.
 * @throws {TypeError} If `p` is not a number or `style` is unknown.
 * @throws {RangeError} If `p` is NaN, infinite or outside [0, 1].
 * @example
 * formatPValue(0.0001);
 * //=> "<0.001"
 * @example
 * formatPValue(0.10749, { style: "paper" });
 * //=> "0.107"
 * @example
 * formatPValue(0.0346, { style: "apa", withSymbol: true });
 * //=> "p = .035"
 * @see Sjoberg DD, et al. Reproducible summary tables with the gtsummary package. R J 2021;13:570-80.
 *   doi:10.32614/RJ-2021-053 (`style_pvalue`)
 * @see New England Journal of Medicine, Statistical reporting guidelines (author center).
 * @see AMA Manual of Style, 11th ed., 2020 (Oxford University Press). doi:10.1093/jama/9780190246556.001.0001
 * @see American Psychological Association. Publication Manual, 7th ed., 2020. doi:10.1037/0000165-000
 */
export function formatPValue(p: number, options: FormatPValueOptions = {}): string {
  if (typeof p !== "number") throw new TypeError(`${FN}: p must be a number; got ${describeValue(p)}.`);
  if (!Number.isFinite(p) || p < 0 || p > 1) throw new RangeError(`${FN}: p must be a number in [0, 1]; got ${describeValue(p)}.`);
  const style = assertOneOf(FN, "options.style", options.style ?? "paper", P_VALUE_STYLES);
  const mark = assertOneOf(FN, "options.decimalMark", options.decimalMark ?? "·", ["·", "."] as const);
  const { rel, value } = core(p, style);
  const text = style === "lancet" && mark === "·" ? value.replace(".", "·") : value;
  if (options.withSymbol !== true) return rel === "=" ? text : `${rel}${text}`;
  switch (style) {
    case "paper":
      return `P ${rel} ${text}`;
    case "nejm":
    case "graphpad":
      return `P${rel}${text}`;
    case "lancet":
      return `p${rel}${text}`;
    case "ama":
      return `P ${rel} ${text}`;
    case "apa":
      return `p ${rel} ${text}`;
  }
}

/** Relation and number of a formatted p-value. */
function core(p: number, style: PValueStyle): { rel: "<" | ">" | "="; value: string } {
  switch (style) {
    case "paper":
      if (p < 0.001) return { rel: "<", value: "0.001" };
      if (p > 0.999) return { rel: ">", value: "0.999" };
      return { rel: "=", value: fixed(p, 3) };
    case "nejm":
      if (p < 0.001) return { rel: "<", value: "0.001" };
      if (roundHalfUp(p, 2) >= 1) return { rel: ">", value: "0.99" };
      return { rel: "=", value: fixed(p, p < 0.01 ? 3 : 2) };
    case "lancet":
      if (p < 0.0001) return { rel: "<", value: "0.0001" };
      if (roundHalfUp(p, 2) >= 1) return { rel: ">", value: "0.99" };
      return { rel: "=", value: significant(p, 2) };
    case "ama": {
      if (p < 0.001) return { rel: "<", value: ".001" };
      if (p > 0.99) return { rel: ">", value: ".99" };
      const two = roundHalfUp(p, 2);
      const digits = p < 0.01 || (p < 0.05 && two >= 0.05) ? 3 : 2;
      return { rel: "=", value: noLeadingZero(fixed(p, digits)) };
    }
    case "apa":
      if (p < 0.001) return { rel: "<", value: ".001" };
      if (p > 0.999) return { rel: ">", value: ".999" };
      return { rel: "=", value: noLeadingZero(fixed(p, 3)) };
    case "graphpad":
      if (p < 0.0001) return { rel: "<", value: "0.0001" };
      if (p > 0.9999) return { rel: ">", value: "0.9999" };
      return { rel: "=", value: fixed(p, 4) };
  }
}

function noLeadingZero(s: string): string {
  return s.startsWith("0.") ? s.slice(1) : s;
}
