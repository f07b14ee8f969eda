/**
 * Visit-level scores and classifications for `ibd-outcomes score`.
 * @remarks Endpoints that compare with the patient's baseline (responses) cannot be decided from one
 * visit of a stream: they are reported `not-evaluable` with that reason (`report` decides them).
 */
import type { Visit } from "../models/index.js";
import { convertLab } from "../models/index.js";
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

/** Profiles `score --profile` understands. */
export const CLI_PROFILES = ["mao2025"] as const;
/** A CLI profile id. */
export type CliProfile = (typeof CLI_PROFILES)[number];

/** A visit-level classification. */
export interface VisitClassification {
  readonly status: "met" | "not-met" | "not-evaluable";
  readonly reason: string;
}

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

let explain = true;
const met = (ok: boolean, reason: () => string): VisitClassification => ({ status: ok ? "met" : "not-met", reason: explain ? reason() : "" });
const ne = (reason: string): VisitClassification => ({ status: "not-evaluable", reason: explain ? reason : "" });

/**
 * Visit-level endpoints of the mao2025 profile (clinical-definitions.md §2.2, §2.3 defaults).
 * Steroid-free status uses the visit's `onCorticosteroids`; the 90-day rule needs course dates (`report`).
 * Without `withReasons` the reason strings are left empty (the streaming fast path prints statuses only).
 */
export function classifyVisit(v: Visit, s: VisitScores, profile: CliProfile, withReasons = true): Record<string, VisitClassification> {
  void profile;
  explain = withReasons;
  const out: Record<string, VisitClassification> = {};
  const steroid = v.onCorticosteroids;
  const aMs = s.mayoAdapted;
  if (aMs !== undefined && v.mayo !== undefined) {
    const m = v.mayo;
    const items = aMs.total <= 2 && (m.stoolFrequency ?? 9) <= 1 && (m.rectalBleeding ?? 9) <= 1 && (m.endoscopic ?? 9) <= 1;
    out.clinicalRemission =
      steroid === undefined
        ? items
          ? ne("aMS <= 2 with SF, RB, ES <= 1, but steroid use not recorded")
          : met(false, () => `aMS ${aMs.total} or a subscore > 1`)
        : met(items && !steroid, () => `aMS ${aMs.total}${steroid ? ", on corticosteroids" : ""}`);
  }
  const mes = v.mayo?.endoscopic;
  if (mes !== undefined && mes !== null) out.endoscopicRemission = met(mes === 0, () => `MES ${mes}`);
  const hbi = s.harveyBradshawIndex;
  if (hbi !== undefined) {
    out.clinicalRemission =
      steroid === undefined
        ? hbi.total <= 4
          ? ne(`HBI ${hbi.total} <= 4, but steroid use not recorded`)
          : met(false, () => `HBI ${hbi.total}`)
        : met(hbi.total <= 4 && !steroid, () => `HBI ${hbi.total}${steroid ? ", on corticosteroids" : ""}`);
  }
  const ses = s.sesCd;
  const rut = s.rutgeerts;
  if (ses !== undefined || rut !== undefined) {
    const bySes = ses !== undefined && ses.total <= 3;
    const byRut = rut !== undefined && rut.total <= 1;
    out.endoscopicRemission = met(bySes || byRut, () => [ses === undefined ? "" : `SES-CD ${ses.total}`, rut === undefined ? "" : `Rutgeerts ${v.rutgeerts}`].filter(Boolean).join(", "));
  }
  if (aMs !== undefined || hbi !== undefined) out.clinicalResponse = ne("needs the patient's baseline (use `report`)");
  if (v.mayo?.endoscopic !== undefined || ses !== undefined) out.endoscopicResponse = ne("needs the patient's baseline (use `report`)");
  if (v.labs !== undefined) {
    const { crp, fecalCalprotectin: fc } = v.labs;
    if (crp !== undefined) {
      const c = convertLab("crp", crp.value, crp.unit);
      out.crpNormal = met(c < 8, () => `CRP ${c} mg/L`);
    }
    if (fc !== undefined) {
      const c = convertLab("fecalCalprotectin", fc.value, fc.unit);
      out.fcNormal = met(c < 150, () => `FC ${c} ug/g`);
    }
  }
  return out;
}
