/**
 * Visit-level scores and classifications for `ibd-outcomes score`.
 * @remarks Classification is the library's own (`measuresFromVisit` + `classifyAssessment` of
 * `ibd-outcomes/endpoints`) under any profile `getProfile` knows (`mao2025`, `uAchieve`, `uExcel`, `stride2`,
 * `classic`, `mao2025+A4=classic`, ...). One visit of a stream has no baseline and no corticosteroid dates:
 * responses come out `not-evaluable` (noBaseline), steroid-free remission `not-met` when the visit records
 * corticosteroid use and `not-evaluable` otherwise (days off unknown). `report` decides them per patient.
 */
import type { Visit } from "../models/index.js";
import { classifyAssessment, classifyEndpoint, ENDPOINT_IDS, getProfile, measuresFromVisit, PROFILES } from "../endpoints/index.js";
import type { DefinitionProfile, EndpointId, EndpointResult, MeasureKey, RuleNode, SteroidExposure, TimepointKey, VisitMeasures } from "../endpoints/index.js";
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

/**
 * Every score the visit's items allow (input already validated by `parseVisit`): the library's results,
 * components included (`score` prints them only with `--components`).
 */
export function scoreVisit(v: Visit): VisitScores {
  const out: VisitScores = {};
  // the library's result objects as they are (no copy); without components they are printed as total and band
  const put = (name: string, r: { total: number; band: string | null; components: Record<string, number> }) => {
    out[name] = r;
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

/** A visit's `onCorticosteroids` as recorded: 0 not recorded, 1 `false`, 2 `true`. */
export type SteroidState = 0 | 1 | 2;

/** The visit's recorded corticosteroid state. */
export function steroidState(v: Visit): SteroidState {
  return v.onCorticosteroids === undefined ? 0 : v.onCorticosteroids ? 2 : 1;
}

/**
 * The exposure the classifiers get for a recorded state: `on`; recorded off without dates (`unknown`); or none
 * (`undefined`: not recorded, never taken as "off" or "never").
 */
export function steroidExposureOf(state: SteroidState): SteroidExposure | undefined {
  return state === 2 ? ON : state === 1 ? UNKNOWN : undefined;
}

/**
 * Classifies one visit with the library under a profile. Returns `null` when the disease cannot be told
 * (a labs-only visit without `--diagnosis`).
 */
export function classifyVisit(v: Visit, profile: DefinitionProfile, timepoint: TimepointKey, forced?: "UC" | "CD"): Record<EndpointId, EndpointResult> | null {
  const disease = visitDisease(v, forced);
  if (disease === null) return null;
  const followUp = measuresFromVisit(v, { validated: true, rutgeertsApplicable: v.rutgeerts !== undefined });
  const steroids = steroidExposureOf(steroidState(v));
  return classifyAssessment(steroids === undefined ? { disease, timepoint, followUp } : { disease, timepoint, followUp, steroids }, profile);
}

/** Measures a rule reads, and whether it reads corticosteroid exposure. */
function reads(rule: RuleNode | null | undefined, out: { measures: Set<MeasureKey>; steroids: boolean }): void {
  if (rule === null || rule === undefined) return;
  if (rule.kind === "all" || rule.kind === "any") for (const r of rule.of) reads(r, out);
  else if (rule.kind === "steroidFree") out.steroids = true;
  else out.measures.add(rule.measure);
}

/** A per-run memo of visit-level classifications (one profile and time point). */
export interface VisitClassifier {
  classify(v: Visit, forced?: "UC" | "CD"): Record<EndpointId, EndpointResult> | null;
  /** The same from the visit's measures (`measuresFromVisit`), its disease and its recorded corticosteroid state. */
  classifyMeasures(disease: "UC" | "CD", followUp: VisitMeasures, steroids: SteroidState): Record<EndpointId, EndpointResult>;
}

/**
 * Visit-level classification with a memo per endpoint. Without a baseline, an endpoint's result depends only
 * on the disease, the measures its rule reads and (for steroid-free rules) the corticosteroid exposure, so
 * visits that agree on those share the library's result object. Equal to {@link classifyVisit} (tested);
 * the memo is bounded.
 */
export function visitClassifier(profile: DefinitionProfile, timepoint: TimepointKey, maxEntries = 200_000): VisitClassifier {
  // Per disease and endpoint: the measures read, and one memo tree per corticosteroid state (nested Maps keyed
  // by the measure values, NaN = not recorded: no key strings, no garbage on a hit).
  type Tree = Map<number, Tree | EndpointResult>;
  interface Step {
    endpoint: EndpointId;
    measures: MeasureKey[];
    steroids: boolean;
    /** One tree per recorded corticosteroid state (the same tree thrice when the rule does not read it). */
    trees: [Tree, Tree, Tree];
  }
  const plan = {} as Record<"UC" | "CD", Step[]>;
  for (const d of ["UC", "CD"] as const) {
    plan[d] = ENDPOINT_IDS.map((endpoint) => {
      const r = { measures: new Set<MeasureKey>(), steroids: false };
      reads(profile.rules[d][endpoint], r);
      const shared: Tree = new Map();
      return { endpoint, measures: [...r.measures], steroids: r.steroids, trees: r.steroids ? [new Map(), new Map(), new Map()] : [shared, shared, shared] };
    });
  }
  let entries = 0;
  return {
    classify(v, forced) {
      const disease = visitDisease(v, forced);
      if (disease === null) return null;
      return this.classifyMeasures(disease, measuresFromVisit(v, { validated: true, rutgeertsApplicable: v.rutgeerts !== undefined }), steroidState(v));
    },
    classifyMeasures(disease, followUp, state) {
      const out = {} as Record<EndpointId, EndpointResult>;
      for (const step of plan[disease]) {
        let node: Tree = step.trees[state];
        const last = step.measures.length - 1;
        let r: EndpointResult | undefined;
        if (last < 0) {
          r = node.get(0) as EndpointResult | undefined;
        } else {
          for (let i = 0; i < last; i++) {
            const k = followUp[step.measures[i]!] ?? Number.NaN;
            let next = node.get(k) as Tree | undefined;
            if (next === undefined) node.set(k, (next = new Map()));
            node = next;
          }
          r = node.get(followUp[step.measures[last]!] ?? Number.NaN) as EndpointResult | undefined;
        }
        if (r === undefined) {
          const steroids = steroidExposureOf(state);
          r = classifyEndpoint(step.endpoint, steroids === undefined ? { disease, timepoint, followUp } : { disease, timepoint, followUp, steroids }, profile);
          if (entries >= maxEntries) {
            for (const d of ["UC", "CD"] as const) for (const s2 of plan[d]) for (const t of s2.trees) t.clear();
            entries = 0;
            // the current path was cleared: store at the root level only through a fresh walk next time
          } else {
            node.set(last < 0 ? 0 : (followUp[step.measures[last]!] ?? Number.NaN), r);
            entries++;
          }
        }
        out[step.endpoint] = r;
      }
      return out;
    },
  };
}
