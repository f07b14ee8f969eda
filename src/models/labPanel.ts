import * as z from "zod";
import { IsoDateSchema } from "./common.js";
import { describeValue, errorFromZod } from "../_lib/errors.js";

/**
 * Every analyte of a lab panel, its canonical unit (the paper's), and the units accepted on input with
 * their factor to the canonical unit (`canonical = value * factor`).
 * @remarks Factors: CRP mg/dL ×10; albumin g/dL ×10; haemoglobin g/dL ×10, mmol/L ×16.1145 (monomer);
 * 25(OH)D ng/mL ×2.496; cholesterol mg/dL ÷38.67; creatinine mg/dL ×88.42; cells /µL ×0.001 to 10⁹/L;
 * enzymes µkat/L ×60 to U/L.
 */
export const LAB_UNITS = Object.freeze({
  crp: { canonical: "mg/L", factors: { "mg/L": 1, "mg/dL": 10 } },
  fecalCalprotectin: { canonical: "ug/g", factors: { "ug/g": 1, "µg/g": 1, "mg/kg": 1 } },
  esr: { canonical: "mm/h", factors: { "mm/h": 1 } },
  vitaminD: { canonical: "nmol/L", factors: { "nmol/L": 1, "ng/mL": 2.496 } },
  albumin: { canonical: "g/L", factors: { "g/L": 1, "g/dL": 10 } },
  wbc: { canonical: "10^9/L", factors: { "10^9/L": 1, "10^3/uL": 1, "/uL": 0.001 } },
  hemoglobin: { canonical: "g/L", factors: { "g/L": 1, "g/dL": 10, "mmol/L": 16.1145 } },
  platelets: { canonical: "10^9/L", factors: { "10^9/L": 1, "10^3/uL": 1, "/uL": 0.001 } },
  alt: { canonical: "U/L", factors: { "U/L": 1, "ukat/L": 60 } },
  ast: { canonical: "U/L", factors: { "U/L": 1, "ukat/L": 60 } },
  hdlC: { canonical: "mmol/L", factors: { "mmol/L": 1, "mg/dL": 1 / 38.67 } },
  totalCholesterol: { canonical: "mmol/L", factors: { "mmol/L": 1, "mg/dL": 1 / 38.67 } },
  ldlC: { canonical: "mmol/L", factors: { "mmol/L": 1, "mg/dL": 1 / 38.67 } },
  creatinine: { canonical: "umol/L", factors: { "umol/L": 1, "mg/dL": 88.42 } },
  egfr: { canonical: "mL/min/1.73m2", factors: { "mL/min/1.73m2": 1 } },
  ck: { canonical: "U/L", factors: { "U/L": 1, "ukat/L": 60 } },
} as const);

/** An analyte of the lab panel. */
export type Analyte = keyof typeof LAB_UNITS;
/** The analytes, in panel order. */
export const ANALYTES = Object.freeze(Object.keys(LAB_UNITS) as Analyte[]);
/** Units accepted for analyte `A`. */
export type LabUnit<A extends Analyte> = keyof (typeof LAB_UNITS)[A]["factors"] & string;

function measurement<A extends Analyte>(analyte: A) {
  const units = Object.keys(LAB_UNITS[analyte].factors) as [LabUnit<A>, ...LabUnit<A>[]];
  return z.strictObject({ value: z.number().min(0).max(1e7), unit: z.enum(units) });
}

/**
 * A lab panel: each value with an explicit unit. Convert with `labPanelToCanonical`, flag with `flagLab`.
 * @example
 * LabPanelSchema.parse({ crp: { value: 0.5, unit: "mg/dL" } }).crp?.unit;
 * //=> "mg/dL"
 */
export const LabPanelSchema = z.strictObject({
  date: IsoDateSchema.optional(),
  crp: measurement("crp").optional(),
  fecalCalprotectin: measurement("fecalCalprotectin").optional(),
  esr: measurement("esr").optional(),
  vitaminD: measurement("vitaminD").optional(),
  albumin: measurement("albumin").optional(),
  wbc: measurement("wbc").optional(),
  hemoglobin: measurement("hemoglobin").optional(),
  platelets: measurement("platelets").optional(),
  alt: measurement("alt").optional(),
  ast: measurement("ast").optional(),
  hdlC: measurement("hdlC").optional(),
  totalCholesterol: measurement("totalCholesterol").optional(),
  ldlC: measurement("ldlC").optional(),
  creatinine: measurement("creatinine").optional(),
  egfr: measurement("egfr").optional(),
  ck: measurement("ck").optional(),
});
/** A lab panel with explicit units. */
export interface LabPanel extends z.infer<typeof LabPanelSchema> {}

/** A lab panel in canonical units: analyte → number. Absent analytes are absent. */
export type CanonicalLabs = { -readonly [A in Analyte]?: number };

/**
 * Converts one value to the analyte's canonical unit.
 * @param analyte - The analyte.
 * @param value - The measured value (finite, >= 0).
 * @param unit - One of the analyte's accepted units (`LAB_UNITS`).
 * @returns The value in the canonical unit.
 * @throws {TypeError} If the unit is not accepted for the analyte.
 * @throws {RangeError} If the value is negative or not finite.
 * @example
 * convertLab("crp", 0.5, "mg/dL");
 * //=> 5
 */
export function convertLab<A extends Analyte>(analyte: A, value: number, unit: LabUnit<A>): number {
  return convertLabAs("convertLab", "", analyte, value, unit);
}

function checkAnalyte(fn: string, analyte: unknown): Analyte {
  if (typeof analyte !== "string" || !Object.prototype.hasOwnProperty.call(LAB_UNITS, analyte)) {
    const got = typeof analyte === "string" ? `"${analyte.slice(0, 40)}"` : describeValue(analyte);
    throw new TypeError(`${fn}: analyte must be one of ${ANALYTES.map((a) => `"${a}"`).join(", ")}; got ${got}.`);
  }
  return analyte as Analyte;
}

function convertLabAs(fn: string, where: string, analyteIn: unknown, value: unknown, unit: unknown): number {
  const analyte = checkAnalyte(fn, analyteIn);
  const factors = LAB_UNITS[analyte].factors as Readonly<Record<string, number>>;
  const f = typeof unit === "string" && Object.prototype.hasOwnProperty.call(factors, unit) ? factors[unit] : undefined;
  if (f === undefined) {
    const got = typeof unit === "string" ? `"${unit.slice(0, 40)}"` : describeValue(unit);
    throw new TypeError(`${fn}: ${where}unit must be one of ${Object.keys(factors).map((u) => `"${u}"`).join(", ")} for ${analyte}; got ${got}.`);
  }
  if (typeof value !== "number") throw new TypeError(`${fn}: ${where}value must be a number; got ${describeValue(value)}.`);
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(`${fn}: ${where}value must be a finite number >= 0; got ${describeValue(value)}.`);
  }
  return value * f;
}

/**
 * Converts a validated lab panel to canonical units (mg/L, µg/g, mm/h, nmol/L, g/L, 10⁹/L, U/L, mmol/L, µmol/L).
 * @param panel - A panel that satisfies `LabPanelSchema`.
 * @returns Analyte → value in the canonical unit; the input is not modified.
 * @example
 * labPanelToCanonical({ albumin: { value: 4.1, unit: "g/dL" } });
 * //=> { albumin: 41 }
 */
export function labPanelToCanonical(panel: LabPanel): CanonicalLabs {
  const fn = "labPanelToCanonical";
  if (panel === null || typeof panel !== "object" || Array.isArray(panel)) {
    throw new TypeError(`${fn}: panel must be a lab panel object; got ${describeValue(panel)}.`);
  }
  const r = LabPanelSchema.safeParse(panel);
  if (!r.success) throw errorFromZod(fn, "panel", r.error, panel);
  const out: CanonicalLabs = {};
  for (const a of ANALYTES) {
    const m = r.data[a] as { value: number; unit: string } | undefined;
    if (m !== undefined) out[a] = convertLabAs(fn, `panel.${a}.`, a, m.value, m.unit);
  }
  return out;
}

/** A reference range bound. */
export interface RangeBound {
  readonly value: number;
  /** True when the bound value itself is inside the normal range. */
  readonly inclusive: boolean;
}
/** A reference range in canonical units; a missing bound is open. */
export interface ReferenceRange {
  readonly low?: RangeBound;
  readonly high?: RangeBound;
}

/**
 * The paper's reference ranges in canonical units (Mao et al. 2025, Methods): CRP 0-8 mg/L; FC 0-50 µg/g;
 * ESR 0-15 mm/h; 25(OH)D 50-125 nmol/L; albumin 40-55 g/L; WBC 3.5-9.5 ×10⁹/L; Hb 115-150 g/L;
 * PLT 125-350 ×10⁹/L; ALT 7-40 U/L; AST 13-35 U/L; HDL-C > 1.04, TC 3.1-5.18, LDL-C < 3.37 mmol/L.
 * Creatinine, eGFR and CK have no range in the paper: pass your laboratory's.
 */
export const PAPER_REFERENCE_RANGES: Readonly<Partial<Record<Analyte, ReferenceRange>>> = Object.freeze({
  crp: { low: { value: 0, inclusive: true }, high: { value: 8, inclusive: true } },
  fecalCalprotectin: { low: { value: 0, inclusive: true }, high: { value: 50, inclusive: true } },
  esr: { low: { value: 0, inclusive: true }, high: { value: 15, inclusive: true } },
  vitaminD: { low: { value: 50, inclusive: true }, high: { value: 125, inclusive: true } },
  albumin: { low: { value: 40, inclusive: true }, high: { value: 55, inclusive: true } },
  wbc: { low: { value: 3.5, inclusive: true }, high: { value: 9.5, inclusive: true } },
  hemoglobin: { low: { value: 115, inclusive: true }, high: { value: 150, inclusive: true } },
  platelets: { low: { value: 125, inclusive: true }, high: { value: 350, inclusive: true } },
  alt: { low: { value: 7, inclusive: true }, high: { value: 40, inclusive: true } },
  ast: { low: { value: 13, inclusive: true }, high: { value: 35, inclusive: true } },
  hdlC: { low: { value: 1.04, inclusive: false } },
  totalCholesterol: { low: { value: 3.1, inclusive: true }, high: { value: 5.18, inclusive: true } },
  ldlC: { high: { value: 3.37, inclusive: false } },
});

/** Where a value falls against a reference range. */
export type LabFlag = "low" | "normal" | "high";

function checkRange(range: unknown, a: string): void {
  if (range === null || typeof range !== "object") throw new TypeError(`flagLab: ranges.${a} must be an object with low and/or high; got ${describeValue(range)}.`);
  for (const side of ["low", "high"] as const) {
    const b = Object.prototype.hasOwnProperty.call(range, side) ? (range as Record<string, unknown>)[side] : undefined;
    if (b === undefined) continue;
    const ok = b !== null && typeof b === "object" && typeof (b as RangeBound).value === "number" && Number.isFinite((b as RangeBound).value) && typeof (b as RangeBound).inclusive === "boolean";
    if (!ok) throw new TypeError(`flagLab: ranges.${a}.${side} must be { value: finite number, inclusive: boolean }; got ${describeValue(b)}.`);
  }
}

/**
 * Flags a canonical-unit value as low, normal or high against a reference range.
 * @param analyte - The analyte.
 * @param value - The value in the canonical unit.
 * @param ranges - Ranges to use instead of the paper's (merged over them).
 * @returns `"low"`, `"normal"` or `"high"`.
 * @throws {TypeError} If the analyte is not one of `ANALYTES` (prototype names such as `"toString"` are not
 *   analytes), the value is not a number, or `ranges` has an unknown key or a malformed range.
 * @throws {RangeError} If the value is not finite, or the analyte has no range.
 * @example
 * flagLab("crp", 8);
 * //=> "normal"
 * @see Mao Y, et al. Drug Des Devel Ther 2025 (Methods: reference ranges).
 */
export function flagLab(analyte: Analyte, value: number, ranges?: Readonly<Partial<Record<Analyte, ReferenceRange>>>): LabFlag {
  const a = checkAnalyte("flagLab", analyte);
  if (typeof value !== "number") throw new TypeError(`flagLab: value must be a number; got ${describeValue(value)}.`);
  if (!Number.isFinite(value)) throw new RangeError(`flagLab: value must be a finite number; got ${describeValue(value)}.`);
  if (ranges !== undefined && (ranges === null || typeof ranges !== "object" || Array.isArray(ranges))) {
    throw new TypeError(`flagLab: ranges must be an object of reference ranges by analyte; got ${describeValue(ranges)}.`);
  }
  for (const k of Object.keys(ranges ?? {})) {
    if (!Object.prototype.hasOwnProperty.call(LAB_UNITS, k)) throw new TypeError(`flagLab: ranges.${k} is not an analyte; got ${describeValue((ranges as Record<string, unknown>)[k])}.`);
  }
  const own = <T>(o: Readonly<Partial<Record<Analyte, T>>> | undefined): T | undefined =>
    o !== undefined && Object.prototype.hasOwnProperty.call(o, a) ? o[a] : undefined;
  const range = own(ranges) ?? own(PAPER_REFERENCE_RANGES);
  if (range !== undefined) checkRange(range, a);
  if (range === undefined) {
    throw new RangeError(`flagLab: ranges.${analyte} is required (the paper gives no reference range for ${analyte}); got undefined.`);
  }
  const { low, high } = range;
  if (low !== undefined && (low.inclusive ? value < low.value : value <= low.value)) return "low";
  if (high !== undefined && (high.inclusive ? value > high.value : value >= high.value)) return "high";
  return "normal";
}
