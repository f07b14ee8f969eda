import * as z from "zod";
import { IdSchema, IsoDateSchema } from "./common.js";
import { describeValue, errorFromZod } from "../_lib/errors.js";

/**
 * Adverse-event categories of the paper (Table 4 and the monitored TEAEs of its Outcomes: leukopenia,
 * elevated liver tests, infections, malignancy, intestinal perforation, non-melanoma skin cancer, MACE,
 * dyslipidaemia, hospitalisation, death), plus `other`.
 * Infections carry `infectionType` (herpes zoster and tuberculosis are named in the paper).
 */
export const AeCategorySchema = z.enum([
  "acneOrSkin",
  "infection",
  "neutropenia",
  "leukopenia",
  "anemia",
  "liverTestElevation",
  "ckElevation",
  "dyslipidemia",
  "mace",
  "venousThromboembolism",
  "malignancy",
  "nonMelanomaSkinCancer",
  "intestinalPerforation",
  "hospitalization",
  "death",
  "other",
]);
/** An adverse-event category. */
export type AeCategory = z.infer<typeof AeCategorySchema>;

/**
 * Regulatory seriousness criteria (21 CFR 312.32); each `true` (met), `false` (recorded as not met) or
 * absent (not recorded: never read as not met, see `seriousnessOf`).
 */
export const SeriousnessCriteriaSchema = z.strictObject({
  death: z.boolean().optional(),
  lifeThreatening: z.boolean().optional(),
  hospitalization: z.boolean().optional(),
  disability: z.boolean().optional(),
  congenitalAnomaly: z.boolean().optional(),
  importantMedicalEvent: z.boolean().optional(),
});
/** Regulatory seriousness criteria. */
export interface SeriousnessCriteria extends z.infer<typeof SeriousnessCriteriaSchema> {}

/**
 * One adverse event during treatment.
 * @example
 * AdverseEventSchema.parse({ patientId: "P1", onsetDate: "2024-04-02", term: "acne",
 *   category: "acneOrSkin", ledToDiscontinuation: false }).category;
 * //=> "acneOrSkin"
 */
export const AdverseEventSchema = z
  .strictObject({
    id: IdSchema.optional(),
    patientId: IdSchema,
    onsetDate: IsoDateSchema,
    term: z.string().min(1).max(200),
    category: AeCategorySchema,
    infectionType: z.enum(["herpesZoster", "tuberculosis", "other"]).optional(),
    ledToDiscontinuation: z.boolean(),
    seriousness: SeriousnessCriteriaSchema.optional(),
    resolvedDate: IsoDateSchema.optional(),
  })
  .superRefine((e, ctx) => {
    if (e.infectionType !== undefined && e.category !== "infection") {
      ctx.addIssue({ code: "custom", path: ["infectionType"], message: 'is only allowed with category "infection"' });
    }
    if (e.resolvedDate !== undefined && e.resolvedDate < e.onsetDate) {
      ctx.addIssue({ code: "custom", path: ["resolvedDate"], message: "must not be before onsetDate" });
    }
  });
/** One adverse event. */
export interface AdverseEvent extends z.infer<typeof AdverseEventSchema> {}

/** Which seriousness rule `isSerious` applies. */
export type SeriousnessRule = "paper" | "regulatory";

/** Options of {@link isSerious} and {@link seriousnessOf}. */
export interface IsSeriousOptions {
  /** `"paper"` (default) or `"regulatory"`. */
  readonly rule?: SeriousnessRule;
}

/** The seriousness of an adverse event, with the criteria that were not recorded when it is unknown. */
export interface SeriousnessResult {
  /** `serious`, `not-serious`, or `unknown` (a criterion the rule needs was not recorded). */
  readonly status: "serious" | "not-serious" | "unknown";
  /** Paths of the unrecorded criteria, e.g. `["seriousness.hospitalization"]`; empty unless `unknown`. */
  readonly missing: readonly string[];
}

const PAPER_SAE_CATEGORIES: readonly AeCategory[] = ["intestinalPerforation", "mace", "hospitalization", "death"];
const PAPER_CRITERIA = ["hospitalization", "death"] as const;
const REGULATORY_CRITERIA = ["death", "lifeThreatening", "hospitalization", "disability", "congenitalAnomaly", "importantMedicalEvent"] as const;

function checkEvent(fn: string, event: unknown, options: unknown): { e: AdverseEvent; rule: SeriousnessRule } {
  const r = AdverseEventSchema.safeParse(event);
  if (!r.success) throw errorFromZod(fn, "event", r.error, event);
  if (options !== undefined && (options === null || typeof options !== "object" || Array.isArray(options))) {
    throw new TypeError(`${fn}: options must be an object; got ${describeValue(options)}.`);
  }
  const o = (options ?? {}) as Record<string, unknown>;
  for (const k of Object.keys(o)) if (k !== "rule") throw new TypeError(`${fn}: options.${k} is not an option (known options: rule); got ${describeValue(o[k])}.`);
  const rule = Object.prototype.hasOwnProperty.call(o, "rule") && o.rule !== undefined ? o.rule : "paper";
  if (rule !== "paper" && rule !== "regulatory") {
    throw new TypeError(`${fn}: options.rule must be "paper" or "regulatory"; got ${typeof rule === "string" ? `"${rule.slice(0, 40)}"` : describeValue(rule)}.`);
  }
  return { e: r.data, rule };
}

function decide(e: AdverseEvent, rule: SeriousnessRule): SeriousnessResult {
  const s = e.seriousness ?? {};
  const byCategory = rule === "paper" ? PAPER_SAE_CATEGORIES.includes(e.category) : e.category === "death" || e.category === "hospitalization";
  const criteria = rule === "paper" ? PAPER_CRITERIA : REGULATORY_CRITERIA;
  if (byCategory || criteria.some((c) => s[c] === true)) return { status: "serious", missing: [] };
  const missing = criteria.filter((c) => s[c] === undefined).map((c) => `seriousness.${c}`);
  return missing.length === 0 ? { status: "not-serious", missing: [] } : { status: "unknown", missing };
}

/**
 * The seriousness of an adverse event under a rule, three-valued: a criterion that was not recorded is
 * never read as "not met".
 * @remarks `paper` (default, Mao et al. 2025, Outcomes): serious = intestinal perforation, a cardiovascular
 * event (MACE), hospitalisation or death, by category or by the `hospitalization`/`death` criteria; not
 * serious needs `seriousness.hospitalization` and `seriousness.death` recorded `false` (a perforation, MACE,
 * hospitalisation or death category is serious by itself). `regulatory` (21 CFR 312.32): serious = death,
 * life-threatening, hospitalisation or its prolongation, persistent disability, congenital anomaly, or an
 * important medical event (categories `death` and `hospitalization` count); not serious needs all six
 * recorded `false`.
 * @param event - An adverse event (`AdverseEventSchema`).
 * @param options - `rule`: `"paper"` (default) or `"regulatory"`. Unknown keys are errors.
 * @returns `{ status, missing }`.
 * @throws {TypeError} If the event has the wrong shape or an option is unknown.
 * @throws {RangeError} If an event value is invalid.
 * @example
 * seriousnessOf({ patientId: "P1", onsetDate: "2024-04-02", term: "acne", category: "acneOrSkin",
 *   ledToDiscontinuation: false });
 * //=> { status: "unknown", missing: ["seriousness.hospitalization", "seriousness.death"] }
 * @see US Code of Federal Regulations, 21 CFR 312.32 (IND safety reporting).
 */
export function seriousnessOf(event: AdverseEvent, options?: IsSeriousOptions): SeriousnessResult {
  const { e, rule } = checkEvent("seriousnessOf", event, options);
  return decide(e, rule);
}

/**
 * Whether an adverse event is serious (see `seriousnessOf` for the rules).
 * @remarks Throws rather than guess when a criterion the rule needs was not recorded; use
 * `seriousnessOf` to get `unknown` instead.
 * @param event - An adverse event (`AdverseEventSchema`).
 * @param options - `rule`: `"paper"` (default) or `"regulatory"`. Unknown keys are errors.
 * @returns True when serious under the rule, false when recorded as not serious.
 * @throws {TypeError} If the event has the wrong shape, an option is unknown, or a needed seriousness
 *   criterion is not recorded (the message names it, e.g. `event.seriousness.hospitalization`).
 * @throws {RangeError} If an event value is invalid.
 * @example
 * isSerious({ patientId: "P1", onsetDate: "2024-04-02", term: "perforation",
 *   category: "intestinalPerforation", ledToDiscontinuation: true });
 * //=> true
 * @see Mao Y, et al. Drug Des Devel Ther 2025 (Outcomes); 21 CFR 312.32.
 */
export function isSerious(event: AdverseEvent, options?: IsSeriousOptions): boolean {
  const { e, rule } = checkEvent("isSerious", event, options);
  const d = decide(e, rule);
  if (d.status === "unknown") {
    throw new TypeError(`isSerious: event.${d.missing[0]} is required to decide seriousness under the ${rule} rule (not recorded is not "no"); got undefined.`);
  }
  return d.status === "serious";
}
