import { describeValue } from "../../_lib/errors.js";
import type { PatientTimeline } from "../../endpoints/patientTimeline/index.js";
import type { DefinitionProfile } from "../../endpoints/profiles/schema.js";
import type { EndpointId } from "../../endpoints/types.js";
import { isArray } from "../_lib/check.js";
import { fixed } from "../_lib/round.js";
import { binomialConfInt } from "../_lib/stats.js";
import {
  ESTIMANDS,
  ESTIMAND_LABELS,
  estimandRowsOf,
  observeTimelines,
  type Estimand,
  type EstimandFavour,
  type EstimandStatusRow,
  type EstimandOrMi,
} from "../estimands/index.js";
import { percentText } from "../formatPercent/index.js";
import { multipleImputationFromObserved, type MultipleImputationOptions, type MultipleImputationResult } from "../multipleImputation/index.js";
import type { DisplayCell, DisplayRow, DisplayTable } from "../renderTable/index.js";

const FN = "estimandRates";
const OPTION_KEYS = new Set([
  "endpoint",
  "estimands",
  "timepoints",
  "groupOf",
  "groups",
  "favour",
  "profile",
  "ciMethod",
  "confLevel",
  "percentDigits",
  "timepointLabels",
  "caption",
  "multipleImputation",
]);



/** An estimand that {@link estimandRates} can put side by side: the single-value ones and multiple imputation. */

/** Options of {@link estimandRates}. */
export interface EstimandRatesOptions {
  /** The endpoint. */
  readonly endpoint: EndpointId;
  /** The estimands, primary first. Default: all of {@link ESTIMANDS} (NRI first). Add `"multipleImputation"` with `multipleImputation` options. */
  readonly estimands?: readonly EstimandOrMi[];
  /** Renames of time points, e.g. `{ w8: "induction", w12: "induction" }`. */
  readonly timepoints?: Readonly<Record<string, string>>;
  /** Group of each patient; default the timeline's disease. */
  readonly groupOf?: Readonly<Record<string, string>>;
  /** Group order; default first appearance. */
  readonly groups?: readonly string[];
  /** Treatment group for the worst/best-case bounds when there are several groups. */
  readonly favour?: EstimandFavour;
  /** The profile of the timelines (baseline status for BOCF/LOCF; see `applyEstimand`). */
  readonly profile?: DefinitionProfile;
  /** Interval of the single-value estimands: `"wilson"` (default) or `"clopper-pearson"`. */
  readonly ciMethod?: "wilson" | "clopper-pearson";
  /** Default 0.95. */
  readonly confLevel?: number;
  /** Percentage decimals, one rule for the whole table. Default 1. */
  readonly percentDigits?: number;
  /** Display names of time points. */
  readonly timepointLabels?: Readonly<Record<string, string>>;
  /** Caption of the display table. */
  readonly caption?: string;
  /** Options of the multiple imputation (needed when `estimands` lists `"multipleImputation"`). */
  readonly multipleImputation?: Omit<MultipleImputationOptions, "endpoint" | "timepoints" | "groupOf" | "profile" | "confLevel">;
}

/** One rate under one estimand: group × time point. */
export interface EstimandRate {
  readonly estimand: EstimandOrMi;
  readonly group: string;
  readonly timepoint: string;
  /** Patients counted as met (for multiple imputation: the pooled rate × denominator, not an integer). */
  readonly events: number;
  /** Patients in the rate's denominator. */
  readonly denominator: number;
  /** Patients of the group at this time point with a missing observed status. */
  readonly missing: number;
  /** Of those, how many the estimand imputed (the others left the denominator). */
  readonly imputed: number;
  /** Patients outside the endpoint's population (endpoint not defined for them). */
  readonly notInPopulation: number;
  /** Rate in percent (unrounded); `null` when the denominator is 0. */
  readonly percent: number | null;
  /** Percentage text with the table's digits (`"—"` when the denominator is 0). */
  readonly percentText: string;
  /** Confidence interval of the proportion (0-1); `null` when the denominator is 0. */
  readonly confInt: [number, number] | null;
  /** How the interval was computed. */
  readonly ciMethod: "wilson" | "clopper-pearson" | "rubin";
}

/** Result of {@link estimandRates}. */
export interface EstimandRatesResult {
  readonly endpoint: EndpointId;
  readonly estimands: readonly EstimandOrMi[];
  readonly groups: readonly { readonly group: string; readonly n: number }[];
  readonly timepoints: readonly string[];
  /** Every rate, estimand-major then group then time point. */
  readonly rates: readonly EstimandRate[];
  /** Audit trail: every patient's status per time point under each single-value estimand. */
  readonly rows: readonly EstimandStatusRow[];
  /** The multiple imputation, when requested. */
  readonly multipleImputation: MultipleImputationResult | null;
  readonly confLevel: number;
  /** The sensitivity table: one row per time point and estimand, one column per group. */
  readonly table: DisplayTable;
}

function checkOptions(options: unknown): EstimandRatesOptions {
  if (options === null || typeof options !== "object" || Array.isArray(options)) throw new TypeError(`${FN}: options must be an object; got ${describeValue(options)}.`);
  for (const k of Object.keys(options)) if (!OPTION_KEYS.has(k)) throw new TypeError(`${FN}: options.${k} is not an option (${[...OPTION_KEYS].join(", ")}).`);
  return options as EstimandRatesOptions;
}

/**
 * The rate of one endpoint under several estimands side by side: the primary analysis and its sensitivity
 * analyses in one call, with the audit trail of every imputed status.
 * @remarks Per estimand, group and time point: events / denominator, where the denominator is every
 * patient whose status the estimand decides (see {@link ESTIMANDS}; patients outside the endpoint's
 * population never count). Intervals: Wilson score (R `prop.test(correct = FALSE)`) or Clopper-Pearson
 * (`binom.test`) for the single-value estimands; Rubin's rules for multiple imputation (see
 * `multipleImputation`). Order facts that hold by construction and are tested: best case >= every other
 * estimand >= worst case (for the treatment group), NRI <= as observed, LOCF and BOCF between the bounds.
 * @param timelines - One timeline per patient (`patientTimeline`, ideally with `missingData: "notEvaluable"`).
 * @param options - See {@link EstimandRatesOptions}.
 * @returns Rates, the per-patient audit rows, the optional multiple imputation and a display table.
 * @throws {TypeError} If an argument has the wrong type or an option is unknown.
 * @throws {RangeError} If an estimand is unknown or repeated, `"multipleImputation"` is listed without its
 * options, a listed group does not occur, or `confLevel` is outside (0, 1).
 * @example
 * const r = estimandRates([], { endpoint: "clinicalRemission", estimands: ["nri", "asObserved"] });
 * r.rates.length;
 * //=> 0
 * @see ICH E9(R1) Addendum on estimands and sensitivity analysis in clinical trials (2019).
 */
export function estimandRates(timelines: readonly PatientTimeline[], options: EstimandRatesOptions): EstimandRatesResult {
  const o = checkOptions(options);
  const list: readonly EstimandOrMi[] = o.estimands ?? ESTIMANDS;
  if (!isArray(list) || list.length === 0) throw new TypeError(`${FN}: options.estimands must be a non-empty array; got ${describeValue(list)}.`);
  list.forEach((e, i) => {
    if (typeof e !== "string" || !([...ESTIMANDS, "multipleImputation"] as string[]).includes(e)) {
      throw new RangeError(`${FN}: options.estimands[${i}] must be one of ${[...ESTIMANDS, "multipleImputation"].join(", ")}; got ${describeValue(e)}.`);
    }
    if (list.indexOf(e) !== i) throw new RangeError(`${FN}: options.estimands[${i}] repeats "${e}".`);
  });
  if (list.includes("multipleImputation") && o.multipleImputation === undefined) {
    throw new RangeError(`${FN}: options.multipleImputation (m, seed, covariates) is needed when options.estimands lists "multipleImputation".`);
  }
  const ciMethod = o.ciMethod ?? "wilson";
  if (ciMethod !== "wilson" && ciMethod !== "clopper-pearson") throw new RangeError(`${FN}: options.ciMethod must be "wilson" or "clopper-pearson"; got ${describeValue(ciMethod)}.`);
  const confLevel = o.confLevel ?? 0.95;
  if (typeof confLevel !== "number" || !(confLevel > 0 && confLevel < 1)) throw new RangeError(`${FN}: options.confLevel must be in (0, 1); got ${describeValue(confLevel)}.`);
  const digits = o.percentDigits ?? 1;
  if (!Number.isInteger(digits) || digits < 0 || digits > 6) throw new RangeError(`${FN}: options.percentDigits must be an integer 0..6; got ${describeValue(digits)}.`);
  if (o.favour !== undefined && (o.favour === null || typeof o.favour !== "object" || typeof o.favour.treatmentGroup !== "string")) {
    throw new TypeError(`${FN}: options.favour must be { treatmentGroup: string }; got ${describeValue(o.favour)}.`);
  }
  const { endpoint, patients, labels } = observeTimelines(FN, timelines, o.endpoint, o.timepoints, o.groupOf);
  const seenGroups: string[] = [];
  for (const p of patients) if (!seenGroups.includes(p.group)) seenGroups.push(p.group);
  const groups = o.groups === undefined ? seenGroups : [...o.groups];
  groups.forEach((g, j) => {
    if (!seenGroups.includes(g)) throw new RangeError(`${FN}: options.groups[${j}] does not occur among the patients; got ${describeValue(g)}.`);
  });
  if (o.favour !== undefined && !seenGroups.includes(o.favour.treatmentGroup)) {
    throw new RangeError(`${FN}: options.favour.treatmentGroup does not occur among the patients; got ${describeValue(o.favour.treatmentGroup)}.`);
  }

  const rows: EstimandStatusRow[] = [];
  const rates: EstimandRate[] = [];
  let mi: MultipleImputationResult | null = null;
  for (const est of list) {
    if (est === "multipleImputation") {
      mi = multipleImputationFromObserved("estimandRates", patients, labels, endpoint, {
        ...o.multipleImputation!,
        endpoint,
        confLevel,
        ...(o.profile === undefined ? {} : { profile: o.profile }),
      });
      for (const g of groups) {
        for (const t of labels) {
          const r = mi.rates.find((x) => x.group === g && x.timepoint === t);
          if (r === undefined) continue;
          const pct = r.denominator === 0 ? null : 100 * r.pool.estimate;
          rates.push({
            estimand: est,
            group: g,
            timepoint: t,
            events: r.pool.estimate * r.denominator,
            denominator: r.denominator,
            missing: r.missing,
            imputed: r.missing,
            notInPopulation: r.notInPopulation,
            percent: pct,
            percentText: pct === null ? "—" : fixed(pct, digits),
            confInt: r.denominator === 0 ? null : [Math.max(0, r.pool.confInt[0]), Math.min(1, r.pool.confInt[1])],
            ciMethod: "rubin",
          });
        }
      }
      continue;
    }
    const estRows: EstimandStatusRow[] = [];
    for (const p of patients) estRows.push(...estimandRowsOf(FN, p, endpoint, est, o.favour, o.profile));
    rows.push(...estRows);
    for (const g of groups) {
      for (const t of labels) {
        const here = estRows.filter((r) => r.group === g && r.timepoint === t);
        if (here.length === 0) continue;
        const events = here.filter((r) => r.status === "met").length;
        const den = here.filter((r) => r.status !== "not-evaluable").length;
        const missing = here.filter((r) => r.observed === "not-evaluable" && r.code !== "notInPopulation").length;
        const imputed = here.filter((r) => r.imputed).length;
        const outside = here.filter((r) => r.code === "notInPopulation").length;
        rates.push({
          estimand: est,
          group: g,
          timepoint: t,
          events,
          denominator: den,
          missing,
          imputed,
          notInPopulation: outside,
          percent: den === 0 ? null : (100 * events) / den,
          percentText: den === 0 ? "—" : percentText(events, den, digits),
          confInt: den === 0 ? null : binomialConfInt(events, den, { method: ciMethod, confLevel }),
          ciMethod,
        });
      }
    }
  }

  const groupSizes = groups.map((g) => ({ group: g, n: patients.filter((p) => p.group === g).length }));
  const pct = (x: number): string => fixed(100 * x, digits);
  const columns: DisplayCell[] = ["Time point", "Estimand", ...groupSizes.map((g) => `${g.group}\nN = ${g.n}`)];
  const body: DisplayRow[] = [];
  for (const t of labels) {
    list.forEach((est, k) => {
      const cells: DisplayCell[] = groups.map((g) => {
        const r = rates.find((x) => x.estimand === est && x.group === g && x.timepoint === t);
        if (r === undefined) return "—";
        if (r.confInt === null) return `0/0`;
        const ci = `${pct(r.confInt[0])}–${pct(r.confInt[1])}`;
        if (est === "multipleImputation") return `${r.percentText}%\n${ci}`;
        return `${r.events}/${r.denominator} (${r.percentText}%)\n${ci}`;
      });
      body.push({ cells: [k === 0 ? (o.timepointLabels?.[t] !== undefined && Object.prototype.hasOwnProperty.call(o.timepointLabels, t) ? o.timepointLabels[t]! : t) : "", ESTIMAND_LABELS[est], ...cells] });
    });
  }
  const ciName = ciMethod === "wilson" ? "Wilson" : "Clopper-Pearson";
  const footnotes = [
    `n/N (%) and ${fixed(confLevel * 100, 0)}% CI (${ciName}${list.includes("multipleImputation") ? "; multiple imputation: pooled % and Rubin's-rules CI with Barnard-Rubin df" : ""}).`,
    "Non-responder imputation: treatment failure and missing status = not met, every patient in the denominator. As observed: patients with an observed status only. LOCF: last evaluable status carried forward (baseline if none), never across a treatment failure. BOCF: baseline status carried forward. Worst/best case: every missing status set against/in favour of the treatment.",
  ];
  if (mi !== null) footnotes.push(`Multiple imputation: ${mi.model}`);
  const table: DisplayTable = { ...(o.caption === undefined ? {} : { caption: o.caption }), columns, rows: body, footnotes };
  return { endpoint, estimands: [...list], groups: groupSizes, timepoints: labels, rates, rows, multipleImputation: mi, confLevel, table };
}
