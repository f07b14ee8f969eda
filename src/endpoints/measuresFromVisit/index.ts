/**
 * Measures for the classifiers, computed from one visit's items with the scores of `ibd-outcomes/scores`.
 */
import { errorFromZod } from "../../_lib/errors.js";
import { convertLab, type LabUnit } from "../../models/labPanel.js";
import { VisitSchema, type Visit } from "../../models/visit.js";
import {
  cdaiUnchecked,
  harveyBradshawIndexUnchecked,
  mayoAdaptedUnchecked,
  mayoEndoscopicSubscore,
  mayoFullUnchecked,
  mayoPartialUnchecked,
  rutgeertsScore,
  sesCdUnchecked,
  uceisUnchecked,
} from "../../scores/index.js";
import type { MeasureKey, VisitMeasures } from "../types.js";
import { optionProblems, throwFirst } from "../../scores/_lib/problems.js";

const OPTION_VALUES: Readonly<Record<string, readonly unknown[]>> = {
  rutgeertsApplicable: [true, false],
  validated: [true, false],
};

/** Options of {@link measuresFromVisit}. */
export interface MeasuresFromVisitOptions {
  /**
   * Whether a Rutgeerts grade counts (it applies after ileocolonic resection, A6). Default `true`;
   * `patientTimeline` sets it from the patient's surgeries.
   */
  readonly rutgeertsApplicable?: boolean;
  /** Skip schema validation: the caller guarantees the visit passed `VisitSchema` (hot path). Default `false`. */
  readonly validated?: boolean;
}

/**
 * Computes every measure a rule can read from one visit.
 * @remarks Scores via `ibd-outcomes/scores`: Mayo subscores and the adapted (SF+RB+ES), full and partial
 * totals where their items are present, each with its largest item (`...MaxSubscore`), adapted Mayo and
 * ES also with the FDA-modified ES (ES 1 with friability = 2; ES 1 with friability not recorded → the
 * FDA-modified measures are absent, so rules reading them are not evaluable);
 * `mayoPro2` = SF + RB; UCEIS; HBI; CDAI (no truncation); SES-CD total, largest subscore, ulcers
 * present (1/0) and total without narrowing, only when at least one segment was explored; Rutgeerts
 * ordinal (i0=0 ... i2/i2a/i2b=2 ... i4=4) when applicable; PRO-2 means and 2×SF + 5×AP; CRP (mg/L) and
 * FC (µg/g) in canonical units.
 * @param visit - A visit (`VisitSchema`).
 * @param options - `rutgeertsApplicable`, `validated`.
 * @returns Measure → value; measures whose items are missing are absent. The visit is not modified.
 * @throws {TypeError} If `options` is not an object, has an unknown key (the message names it) or a
 *   value that is not `true`/`false`.
 * @throws {TypeError|RangeError} If the visit fails `VisitSchema` (unless `validated`).
 * @example
 * measuresFromVisit({ patientId: "P1", date: "2024-03-01",
 *   mayo: { stoolFrequency: 1, rectalBleeding: 0, endoscopic: 1, friability: true },
 *   labs: { crp: { value: 0.5, unit: "mg/dL" } } });
 * //=> { mayoStoolFrequency: 1, mayoRectalBleeding: 0, mayoEndoscopic: 1, mayoEndoscopicFdaModified: 2, mayoAdapted: 2, mayoAdaptedFdaModified: 3, mayoAdaptedMaxSubscore: 1, mayoPro2: 1, crpMgPerL: 5 }
 * @see Danese S, et al. Lancet 2022;399:2113-28. doi:10.1016/S0140-6736(22)00581-5 (adapted Mayo);
 *   Mao Y, et al. Drug Des Devel Ther 2025 (Methods).
 */
export function measuresFromVisit(visit: Visit, options?: MeasuresFromVisitOptions): VisitMeasures {
  if (options !== undefined) {
    const bad = optionProblems(options, OPTION_VALUES);
    if (bad.length > 0) throwFirst("measuresFromVisit", bad);
  }
  let v = visit;
  if (options?.validated !== true) {
    const r = VisitSchema.safeParse(visit);
    if (!r.success) throw errorFromZod("measuresFromVisit", "visit", r.error, visit);
    v = r.data;
  }
  const out: { [K in MeasureKey]?: number } = {};
  const m = v.mayo;
  if (m !== undefined) {
    const sf = m.stoolFrequency;
    const rb = m.rectalBleeding;
    const es = m.endoscopic;
    const pga = m.physicianGlobal;
    if (sf !== undefined) out.mayoStoolFrequency = sf;
    if (rb !== undefined) out.mayoRectalBleeding = rb;
    // FDA-modified ES needs friability only when ES is 1; unrecorded friability is never read as absent.
    const fdaKnown = es !== undefined && (es !== 1 || m.friability !== undefined);
    if (es !== undefined) {
      out.mayoEndoscopic = es;
      if (fdaKnown) out.mayoEndoscopicFdaModified = mayoEndoscopicSubscore(m, { endoscopicScoring: "fdaModified" }).total;
    }
    if (pga !== undefined) out.mayoPhysicianGlobal = pga;
    if (sf !== undefined && rb !== undefined && es !== undefined) {
      out.mayoAdapted = mayoAdaptedUnchecked(m).total;
      if (fdaKnown) out.mayoAdaptedFdaModified = mayoAdaptedUnchecked(m, { endoscopicScoring: "fdaModified" }).total;
      out.mayoAdaptedMaxSubscore = Math.max(sf, rb, es);
      if (pga !== undefined) {
        out.mayoFull = mayoFullUnchecked(m).total;
        out.mayoFullMaxSubscore = Math.max(sf, rb, es, pga);
      }
    }
    if (sf !== undefined && rb !== undefined && pga !== undefined) {
      out.mayoPartial = mayoPartialUnchecked(m).total;
      out.mayoPartialMaxSubscore = Math.max(sf, rb, pga);
    }
    if (sf !== undefined && rb !== undefined) out.mayoPro2 = sf + rb;
  }
  if (v.uceis !== undefined) out.uceis = uceisUnchecked(v.uceis).total;
  if (v.hbi !== undefined) out.hbi = harveyBradshawIndexUnchecked(v.hbi).total;
  if (v.cdai !== undefined) out.cdai = cdaiUnchecked(v.cdai).total;
  if (v.sesCd !== undefined) {
    const s = sesCdUnchecked(v.sesCd);
    if (s.segmentsExplored > 0) {
      out.sesCd = s.total;
      out.sesCdMaxSubscore = s.maxSubscore;
      out.sesCdUlcers = s.hasUlcers ? 1 : 0;
      out.sesCdExNarrowing = s.exNarrowing;
    }
  }
  if (v.rutgeerts !== undefined && options?.rutgeertsApplicable !== false) out.rutgeerts = rutgeertsScore(v.rutgeerts).total;
  if (v.pro2 !== undefined) {
    out.pro2StoolFrequency = v.pro2.stoolFrequencyMean;
    out.pro2AbdominalPain = v.pro2.abdominalPainMean;
    out.pro2Weighted = 2 * v.pro2.stoolFrequencyMean + 5 * v.pro2.abdominalPainMean;
  }
  const crp = v.labs?.crp;
  if (crp !== undefined) out.crpMgPerL = convertLab("crp", crp.value, crp.unit as LabUnit<"crp">);
  const fc = v.labs?.fecalCalprotectin;
  if (fc !== undefined) out.fcUgPerG = convertLab("fecalCalprotectin", fc.value, fc.unit as LabUnit<"fecalCalprotectin">);
  return out;
}
