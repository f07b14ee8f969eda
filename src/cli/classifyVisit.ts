/**
 * Visit-level scores and classifications for `ibd-outcomes score`.
 * @remarks Classification is the library's own (`measuresFromVisit` + `classifyAssessment` of
 * `ibd-outcomes/endpoints`) under any profile `getProfile` knows (`mao2025`, `uAchieve`, `uExcel`, `stride2`,
 * `classic`, `mao2025+A4=classic`, ...). One visit of a stream has no baseline and no corticosteroid dates:
 * responses come out `not-evaluable` (noBaseline), steroid-free remission `not-met` when the visit records
 * corticosteroid use and `not-evaluable` otherwise (days off unknown). `report` decides them per patient.
 */
import type { Visit } from "../models/index.js";
import { classifyAssessment, getProfile, measuresFromVisit, PROFILES } from "../endpoints/index.js";
import type { DefinitionProfile, EndpointId, EndpointResult, SteroidExposure, TimepointKey } from "../endpoints/index.js";
import {
  cdaiUnchecked,
  harveyBradshawIndexUnchecked,
  mayoAdaptedUnchecked,
  mayoFullUnchecked,
  mayoPartialUnchecked,
  rutgeertsScore,
  sesCdUnchecked,
  uceisUnchecked,
} from "../scores/index.js";

/** Scores of one visit: total and band of every score whose items are present. */
export type VisitScores = Record<string, { total: number; band: string | null; components?: Record<string, number> }>;

const has = (x: unknown) => x !== undefined && x !== null;

/** Every score the visit's items allow (input already validated by `parseVisit`). */
export function scoreVisit(v: Visit, withComponents = false): VisitScores {
  const out: VisitScores = {};
  const put = (name: string, r: { total: number; band: string | null; components: Record<string, number> }) => {
    out[name] = withComponents ? { total: r.total, band: r.band, components: r.components } : { total: r.total, band: r.band };
  };
  const m = v.mayo;
  if (m !== undefined) {
    const sf = has(m.stoolFrequency);
    const rb = has(m.rectalBleeding);
    const es = has(m.endoscopic);
    const pga = has(m.physicianGlobal);
    if (sf && rb && es) put("mayoAdapted", mayoAdaptedUnchecked(m, { endoscopicScoring: "standard" }));
    if (sf && rb && pga) put("mayoPartial", mayoPartialUnchecked(m));
    if (sf && rb && es && pga) put("mayoFull", mayoFullUnchecked(m, { endoscopicScoring: "standard" }));
  }
  if (v.hbi !== undefined) put("harveyBradshawIndex", harveyBradshawIndexUnchecked(v.hbi));
  if (v.sesCd !== undefined) put("sesCd", sesCdUnchecked(v.sesCd));
  if (v.rutgeerts !== undefined) put("rutgeerts", rutgeertsScore(v.rutgeerts));
  if (v.cdai !== undefined) put("cdai", cdaiUnchecked(v.cdai));
  if (v.uceis !== undefined) put("uceis", uceisUnchecked(v.uceis));
  return out;
}

/** The profile for an id, or a readable reason. */
export function resolveProfile(id: string): { ok: true; profile: DefinitionProfile } | { ok: false; reason: string } {
  try {
    return { ok: true, profile: getProfile(id) };
  } catch (e) {
    return { ok: false, reason: `${e instanceof Error ? e.message : String(e)} Known: ${Object.keys(PROFILES).join(", ")}, or mao2025+A<n>=<reading>.` };
  }
}

/** The disease whose rules apply: `--diagnosis`, else UC when Mayo/UCEIS items are present, CD when HBI/SES-CD/Rutgeerts/CDAI are. */
export function visitDisease(v: Visit, forced?: "UC" | "CD"): "UC" | "CD" | null {
  if (forced !== undefined) return forced;
  if (v.mayo !== undefined || v.uceis !== undefined) return "UC";
  if (v.hbi !== undefined || v.sesCd !== undefined || v.rutgeerts !== undefined || v.cdai !== undefined || v.pro2 !== undefined) return "CD";
  return null;
}

const ON: SteroidExposure = { status: "on", daysOff: 0, usedAtBaseline: null };
const UNKNOWN: SteroidExposure = { status: "unknown", daysOff: null, usedAtBaseline: null };

/**
 * Classifies one visit with the library under a profile. Returns `null` when the disease cannot be told
 * (a labs-only visit without `--diagnosis`).
 */
export function classifyVisit(v: Visit, profile: DefinitionProfile, timepoint: TimepointKey, forced?: "UC" | "CD"): Record<EndpointId, EndpointResult> | null {
  const disease = visitDisease(v, forced);
  if (disease === null) return null;
  const followUp = measuresFromVisit(v, { validated: true, rutgeertsApplicable: v.rutgeerts !== undefined });
  return classifyAssessment({ disease, timepoint, followUp, steroids: v.onCorticosteroids === true ? ON : UNKNOWN }, profile);
}
