/**
 * Visit-level endpoint classifiers: apply a profile's rule to baseline and follow-up measures.
 */
import { assertOneOf, describeValue, errorFromZod } from "../../_lib/errors.js";
import { booleanOption, checkOptionKeys } from "../../_lib/options.js";
import { DIAGNOSES_FOR_RULES, ruleDiseaseOf } from "../_lib/disease.js";
import { ensureProfile } from "../profiles/index.js";
import { mao2025 } from "../profiles/data.js";
import { RuleNodeSchema, type DefinitionProfile, type RuleNode } from "../profiles/schema.js";
import {
  ENDPOINT_IDS,
  TIMEPOINT_KEYS,
  type ClassifierInput,
  type Comparator,
  type EndpointCheck,
  type EndpointId,
  type EndpointResult,
  type EndpointStatus,
  type MeasureKey,
  type ResultCode,
  type RuleDisease,
  type SteroidExposure,
  type TimepointKey,
  type VisitMeasures,
} from "../types.js";

const ruleTextCache = /* @__PURE__ */ new WeakMap<object, string>();

function text(node: RuleNode, top: boolean): string {
  switch (node.kind) {
    case "value":
      return `${node.measure} ${node.op} ${node.threshold}`;
    case "drop":
    case "percentDrop":
    case "baseline":
      return `${node.kind}(${node.measure}) ${node.op} ${node.threshold}`;
    case "notWorse":
      return `${node.measure} <= baseline(${node.measure})`;
    case "steroidFree":
      return "steroidFree";
    case "all":
    case "any": {
      const s = node.of.map((n) => text(n, false)).join(node.kind === "all" ? " AND " : " OR ");
      return top || node.of.length === 1 ? s : `(${s})`;
    }
  }
}

/**
 * A rule as readable text, e.g. `drop(hbi) >= 3 OR percentDrop(hbi) >= 50`.
 * @param rule - A rule node (from a profile).
 * @returns The rule text (memoised for frozen rules).
 * @throws {TypeError|RangeError} If `rule` is not a valid rule node (path named, e.g. `rule.of[0].op`).
 * @example
 * describeRule(mao2025.rules.CD.clinicalResponse!);
 * //=> "drop(hbi) >= 3 OR percentDrop(hbi) >= 50"
 * @see [definitions §2.2](https://github.com/ibd-outcomes/ibd-outcomes/blob/main/docs/definitions.md).
 */
export function describeRule(rule: RuleNode): string {
  if (rule === null || typeof rule !== "object" || Array.isArray(rule)) {
    throw new TypeError(`describeRule: rule must be a rule node object; got ${describeValue(rule)}.`);
  }
  if (ruleTextCache.has(rule)) return ruleTextCache.get(rule)!;
  const r = RuleNodeSchema.safeParse(rule);
  if (!r.success) throw errorFromZod("describeRule", "rule", r.error, rule);
  return ruleText(rule);
}

/** Rule text of a node already validated (profiles are validated by `ensureProfile`). */
function ruleText(rule: RuleNode): string {
  const hit = ruleTextCache.get(rule);
  if (hit !== undefined) return hit;
  const s = text(rule, true);
  if (Object.isFrozen(rule)) ruleTextCache.set(rule, s);
  return s;
}

function compare(a: number, op: Comparator, b: number): boolean {
  switch (op) {
    case "<":
      return a < b;
    case "<=":
      return a <= b;
    case ">":
      return a > b;
    case ">=":
      return a >= b;
    case "==":
      return a === b;
  }
}

interface Outcome {
  readonly status: EndpointStatus;
  readonly code: ResultCode;
  readonly reason: string;
  /** Path of the unrecorded input behind a not-evaluable outcome. */
  readonly missing?: string;
}

interface Ctx {
  readonly fn: string;
  readonly f: VisitMeasures;
  readonly b: VisitMeasures | undefined;
  readonly steroids: SteroidExposure | undefined;
  readonly minDaysOff: number | undefined;
  readonly usersOnly: boolean;
  readonly assumeNoSteroids: boolean;
  readonly timepoint: TimepointKey;
  readonly values: Record<string, number | null>;
  readonly checks: EndpointCheck[];
}

function read(ctx: Ctx, m: MeasureKey, baseline: boolean): number | undefined {
  const src = baseline ? ctx.b : ctx.f;
  const v = src === undefined ? undefined : src[m];
  if (v !== undefined && (typeof v !== "number" || !Number.isFinite(v))) {
    const where = `input.${baseline ? "baseline" : "followUp"}.${m}`;
    if (typeof v !== "number") throw new TypeError(`${ctx.fn}: ${where} must be a number; got ${describeValue(v)}.`);
    throw new RangeError(`${ctx.fn}: ${where} must be finite; got ${describeValue(v)}.`);
  }
  ctx.values[baseline ? `baseline.${m}` : m] = v ?? null;
  return v;
}

function check(ctx: Ctx, test: string, measure: EndpointCheck["measure"], observed: number | null, op: Comparator, threshold: number, status: EndpointStatus): void {
  ctx.checks.push({ test, measure, observed, op, threshold, status });
}

const ok = (pass: boolean): EndpointStatus => (pass ? "met" : "not-met");

function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : String(Math.round(x * 1e6) / 1e6);
}

function leaf(ctx: Ctx, node: Extract<RuleNode, { measure: MeasureKey }>): Outcome {
  const m = node.measure;
  const t = ruleText(node);
  const fv = node.kind === "baseline" ? undefined : read(ctx, m, false);
  const needF = node.kind !== "baseline";
  const needB = node.kind !== "value";
  const bv = needB ? read(ctx, m, true) : undefined;
  const op: Comparator = node.kind === "notWorse" ? "<=" : node.op;
  const threshold = node.kind === "notWorse" ? 0 : node.threshold;
  if (needF && fv === undefined) {
    check(ctx, t, m, null, op, threshold, "not-evaluable");
    return { status: "not-evaluable", code: "noFollowUp", reason: `${m} not recorded at ${ctx.timepoint} (${t})`, missing: `followUp.${m}` };
  }
  if (needB && bv === undefined) {
    check(ctx, t, m, null, op, threshold, "not-evaluable");
    return { status: "not-evaluable", code: "noBaseline", reason: `${m} not recorded at baseline (${t})`, missing: `baseline.${m}` };
  }
  let observed: number;
  let pass: boolean;
  switch (node.kind) {
    case "value":
      observed = fv!;
      pass = compare(observed, op, threshold);
      break;
    case "baseline":
      observed = bv!;
      pass = compare(observed, op, threshold);
      break;
    case "drop":
      observed = bv! - fv!;
      pass = compare(observed, op, threshold);
      break;
    case "notWorse":
      observed = fv! - bv!;
      pass = fv! <= bv!;
      break;
    case "percentDrop": {
      if (bv === 0) {
        check(ctx, t, m, null, op, threshold, "not-evaluable");
        return { status: "not-evaluable", code: "baselineZero", reason: `baseline ${m} is 0: relative change undefined (${t})` };
      }
      const diff = bv! - fv!;
      observed = (100 * diff) / bv!;
      // exact: 100 × (baseline − value) op threshold × baseline (baseline > 0)
      pass = bv! > 0 ? compare(100 * diff, op, threshold * bv!) : compare(observed, op, threshold);
      break;
    }
  }
  const status = ok(pass);
  check(ctx, t, m, observed, op, threshold, status);
  return { status, code: "rule", reason: `${t}: ${fmt(observed)} ${pass ? "meets" : "fails"}` };
}

const STEROID_STATUSES = ["on", "off", "never", "unknown"] as const;

function steroidLeaf(ctx: Ctx): Outcome {
  const given = ctx.steroids;
  const min = ctx.minDaysOff;
  const t = min === undefined ? "steroidFree" : `daysOffCorticosteroids >= ${min}`;
  const thr = min ?? 0;
  const ne = (code: ResultCode, reason: string, missing?: string): Outcome => {
    check(ctx, t, "corticosteroids", null, ">=", thr, "not-evaluable");
    return missing === undefined ? { status: "not-evaluable", code, reason } : { status: "not-evaluable", code, reason, missing };
  };
  if (given === undefined && !ctx.assumeNoSteroids) {
    ctx.values["corticosteroids.daysOff"] = null;
    return ne("noSteroidData", "corticosteroid exposure not recorded (input.steroids absent)", "steroids");
  }
  const s: SteroidExposure = given ?? ASSUMED_NEVER;
  ctx.values["corticosteroids.daysOff"] = s.daysOff ?? null;
  if (min === undefined) return ne("noSteroidData", `no corticosteroid-free window at ${ctx.timepoint} (baseline)`);
  const st = assertOneOf(ctx.fn, "input.steroids.status", s.status, STEROID_STATUSES);
  const missingOf = (fallback: string): string => (typeof s.missing === "string" && s.missing.length > 0 ? s.missing : fallback);
  if (ctx.usersOnly) {
    if (s.usedAtBaseline === null || s.usedAtBaseline === undefined) {
      return ne("noSteroidData", "A10 steroidUsersOnly: corticosteroid use at baseline not recorded", "steroids.usedAtBaseline");
    }
    if (s.usedAtBaseline !== true) return ne("notSteroidUser", "A10 steroidUsersOnly: not on corticosteroids at treatment start");
  }
  switch (st) {
    case "never":
      check(ctx, t, "corticosteroids", null, ">=", min, "met");
      return {
        status: "met",
        code: "rule",
        reason: given === undefined ? "corticosteroids not recorded, assumed never used (assumeNoSteroidsWhenUnrecorded)" : "never on systemic corticosteroids: steroid-free",
      };
    case "on":
      check(ctx, t, "corticosteroids", 0, ">=", min, "not-met");
      return { status: "not-met", code: "rule", reason: `on systemic corticosteroids at ${ctx.timepoint} (${t}: 0 fails)` };
    case "unknown":
      return ne("noSteroidData", `corticosteroid exposure at ${ctx.timepoint} not recorded; ${t} cannot be checked`, missingOf("steroids.status"));
    case "off": {
      const d = s.daysOff;
      if (d === null) {
        if (min <= 1) {
          check(ctx, t, "corticosteroids", null, ">=", min, "met");
          return { status: "met", code: "rule", reason: "off systemic corticosteroids on the assessment date (stop date not recorded)" };
        }
        return ne("noSteroidData", `corticosteroid stop date not recorded; ${t} cannot be checked`, missingOf("steroids.daysOff"));
      }
      if (typeof d !== "number" || !Number.isInteger(d) || d < 1) {
        throw new RangeError(`${ctx.fn}: input.steroids.daysOff must be an integer >= 1 or null when status is "off"; got ${describeValue(d)}.`);
      }
      const pass = d >= min;
      check(ctx, t, "corticosteroids", d, ">=", min, ok(pass));
      return { status: ok(pass), code: "rule", reason: `${t}: ${d} ${pass ? "meets" : "fails"}` };
    }
  }
}

const ASSUMED_NEVER: SteroidExposure = Object.freeze({ status: "never", daysOff: null, usedAtBaseline: false });

function evalNode(ctx: Ctx, node: RuleNode): Outcome {
  switch (node.kind) {
    case "steroidFree":
      return steroidLeaf(ctx);
    case "all": {
      let firstNot: Outcome | undefined;
      let firstNe: Outcome | undefined;
      const reasons: string[] = [];
      for (const child of node.of) {
        const o = evalNode(ctx, child);
        if (o.status === "not-met") firstNot ??= o;
        else if (o.status === "not-evaluable") firstNe ??= o;
        else reasons.push(o.reason);
      }
      if (firstNot !== undefined) return firstNot;
      if (firstNe !== undefined) return firstNe;
      return { status: "met", code: "rule", reason: reasons.join("; ") };
    }
    case "any": {
      let firstMet: Outcome | undefined;
      let firstNe: Outcome | undefined;
      let firstSkipped: Outcome | undefined;
      const reasons: string[] = [];
      for (const child of node.of) {
        const o = evalNode(ctx, child);
        if (o.status === "met") firstMet ??= o;
        else if (o.status === "not-evaluable") {
          if (node.missing === "skip" && o.code === "noFollowUp") firstSkipped ??= o;
          else firstNe ??= o;
        } else reasons.push(o.reason);
      }
      if (firstMet !== undefined) return firstMet;
      if (firstNe !== undefined) return firstNe;
      if (reasons.length === 0) return firstSkipped!;
      return { status: "not-met", code: "rule", reason: reasons.join("; ") };
    }
    default:
      return leaf(ctx, node);
  }
}

function assertMeasures(fn: string, name: string, m: unknown, optional: boolean): void {
  if (m === undefined && optional) return;
  if (m === null || typeof m !== "object" || Array.isArray(m)) {
    throw new TypeError(`${fn}: ${name} must be an object of measures; got ${describeValue(m)}.`);
  }
}

/**
 * Classifies one endpoint at one assessment under a profile, explaining the decision.
 * @remarks The profile's rule for the endpoint and disease (IBD-U → UC rules) is applied to the
 * follow-up (and baseline) measures: every comparison is listed in `thresholds`, every value read in
 * `values`. Comparisons are exact; a relative change is compared as 100 × (baseline − value)
 * `op` threshold × baseline. What cannot be classified is `not-evaluable` with a code and reason:
 * measure missing (`noFollowUp`, `noBaseline`), relative change from a baseline of 0 (`baselineZero`),
 * corticosteroid exposure not recorded (`noSteroidData`: `input.steroids` absent or status `unknown`, at
 * every time point including induction; or an `off` status without stop date where the window is longer
 * than one day), A10 non-user (`notSteroidUser`), endpoint not defined
 * by the profile (`notDefined`). Profiles are validated once (frozen profiles are remembered), so the
 * hot path does no schema parsing.
 * @param endpoint - The endpoint.
 * @param input - Disease, time point, follow-up and baseline measures, corticosteroid exposure.
 * @param profile - The definition profile (default `mao2025`).
 * @param options - `assumeNoSteroidsWhenUnrecorded` (default `false`): read an absent `input.steroids`
 *   as never used. Unknown keys are errors.
 * @returns The explained result; a `not-evaluable` result names the unrecorded input in `missing`.
 * @throws {TypeError} If the endpoint, disease, time point, a measure or an option has the wrong kind.
 * @throws {RangeError} If a measure is not finite, or the profile is invalid.
 * @example
 * const r = classifyEndpoint("clinicalResponse",
 *   { disease: "CD", timepoint: "w12", baseline: { hbi: 6 }, followUp: { hbi: 3 } });
 * [r.status, r.reason];
 * //=> ["met", "drop(hbi) >= 3: 3 meets"]
 * @see Mao Y, et al. Drug Des Devel Ther 2025 (Methods); [definitions §2.2-§3](https://github.com/ibd-outcomes/ibd-outcomes/blob/main/docs/definitions.md).
 */
export function classifyEndpoint(endpoint: EndpointId, input: ClassifierInput, profile: DefinitionProfile = mao2025, options?: ClassifyOptions): EndpointResult {
  return classifyOne("classifyEndpoint", endpoint, input, profile, options);
}

/** Options of {@link classifyEndpoint} and {@link classifyAssessment}. */
export interface ClassifyOptions {
  /**
   * Read an absent `input.steroids` as "never used systemic corticosteroids" (status `never`, not used at
   * baseline). Default `false`: absent exposure makes every steroid-free endpoint `not-evaluable`
   * (`noSteroidData`, `missing: "steroids"`). Turn it on only when the source guarantees that unrecorded
   * means unused; a status `unknown` stays not evaluable either way.
   */
  readonly assumeNoSteroidsWhenUnrecorded?: boolean;
}

const CLASSIFY_OPTION_KEYS = ["assumeNoSteroidsWhenUnrecorded"] as const;

/** Internal: reads and checks classifier options (unknown keys are errors). */
export function readClassifyOptions(fn: string, options: unknown): { assumeNoSteroids: boolean } {
  const o = checkOptionKeys(fn, options, CLASSIFY_OPTION_KEYS);
  return { assumeNoSteroids: booleanOption(fn, o, "assumeNoSteroidsWhenUnrecorded", false) };
}

function classifyOne(fn: string, endpoint: EndpointId, input: ClassifierInput, profile: DefinitionProfile, options?: ClassifyOptions): EndpointResult {
  const p = ensureProfile(profile, fn);
  assertOneOf(fn, "endpoint", endpoint, ENDPOINT_IDS);
  const o = readClassifyOptions(fn, options);
  return classifyChecked(fn, endpoint, checkInput(fn, input), p, o.assumeNoSteroids);
}

/**
 * `classifyEndpoint` under a profile already checked by `ensureProfile` (internal, not in the barrel): the
 * timeline classifies every endpoint at every time point and must not re-parse an unfrozen profile each time.
 */
export function classifyEndpointUnder(endpoint: EndpointId, input: ClassifierInput, checkedProfile: DefinitionProfile, fn = "classifyEndpoint"): EndpointResult {
  assertOneOf(fn, "endpoint", endpoint, ENDPOINT_IDS);
  return classifyChecked(fn, endpoint, checkInput(fn, input), checkedProfile, false);
}

interface CheckedInput {
  readonly input: ClassifierInput;
  readonly disease: RuleDisease;
  readonly timepoint: TimepointKey;
}

function checkInput(fn: string, input: ClassifierInput): CheckedInput {
  if (input === null || typeof input !== "object") throw new TypeError(`${fn}: input must be an object; got ${describeValue(input)}.`);
  const disease = ruleDiseaseOf(assertOneOf(fn, "input.disease", input.disease, DIAGNOSES_FOR_RULES));
  const timepoint = assertOneOf(fn, "input.timepoint", input.timepoint, TIMEPOINT_KEYS);
  assertMeasures(fn, "input.followUp", input.followUp, false);
  assertMeasures(fn, "input.baseline", input.baseline, true);
  if (input.steroids !== undefined && (input.steroids === null || typeof input.steroids !== "object")) {
    throw new TypeError(`${fn}: input.steroids must be an object; got ${describeValue(input.steroids)}.`);
  }
  return { input, disease, timepoint };
}

/** Classifies with profile and input already checked (`ensureProfile`, `checkInput`). */
function classifyChecked(fn: string, endpoint: EndpointId, checked: CheckedInput, p: DefinitionProfile, assumeNoSteroids: boolean): EndpointResult {
  const { input, disease, timepoint } = checked;
  const rule = p.rules[disease][endpoint];
  const profileRef = { id: p.id, version: p.version };
  if (rule === null) {
    return {
      endpoint,
      status: "not-evaluable",
      code: "notDefined",
      reason: `profile ${p.id} defines no ${endpoint} for ${disease}`,
      values: {},
      thresholds: [],
      rule: "(not defined)",
      profile: profileRef,
      disease,
      timepoint,
      imputation: null,
      missing: null,
    };
  }
  const ctx: Ctx = {
    fn,
    f: input.followUp,
    b: input.baseline,
    steroids: input.steroids,
    minDaysOff: timepoint === "w0" ? undefined : p.steroidFree.minDaysOff[timepoint],
    usersOnly: p.steroidFree.steroidUsersOnly,
    assumeNoSteroids,
    timepoint,
    values: {},
    checks: [],
  };
  const o = evalNode(ctx, rule);
  return {
    endpoint,
    status: o.status,
    code: o.code,
    reason: o.reason,
    values: ctx.values,
    thresholds: ctx.checks,
    rule: ruleText(rule),
    profile: profileRef,
    disease,
    timepoint,
    imputation: null,
    missing: o.status === "not-evaluable" ? (o.missing ?? null) : null,
  };
}

/** Endpoint → result. */
export type AssessmentResult = { readonly [E in EndpointId]: EndpointResult };

/**
 * Classifies every endpoint (or the listed ones) at one assessment.
 * @param input - As `classifyEndpoint`.
 * @param profile - The definition profile (default `mao2025`).
 * @param options - `assumeNoSteroidsWhenUnrecorded` (default `false`), as `classifyEndpoint`.
 * @returns Endpoint → explained result, for every endpoint in `ENDPOINT_IDS`.
 * @throws {TypeError|RangeError} As `classifyEndpoint`.
 * @example
 * const all = classifyAssessment({ disease: "UC", timepoint: "w8",
 *   baseline: { mayoEndoscopic: 3 }, followUp: { mayoEndoscopic: 1, crpMgPerL: 8 } });
 * [all.endoscopicResponse.status, all.endoscopicRemission.status, all.crpNormalisation.status];
 * //=> ["met", "not-met", "not-met"]
 * @see Mao Y, et al. Drug Des Devel Ther 2025 (Methods); [definitions §2.2](https://github.com/ibd-outcomes/ibd-outcomes/blob/main/docs/definitions.md).
 */
export function classifyAssessment(input: ClassifierInput, profile: DefinitionProfile = mao2025, options?: ClassifyOptions): AssessmentResult {
  const fn = "classifyAssessment";
  const p = ensureProfile(profile, fn);
  const o = readClassifyOptions(fn, options);
  const checked = checkInput(fn, input);
  const out = {} as Record<EndpointId, EndpointResult>;
  for (const e of ENDPOINT_IDS) out[e] = classifyChecked(fn, e, checked, p, o.assumeNoSteroids);
  return out;
}

/**
 * Clinical remission (without the corticosteroid condition).
 * @remarks `mao2025`: UC adapted Mayo ≤2 with SF, RB, ES each ≤1; CD HBI ≤4 [P Methods].
 * @param input - Disease, time point, measures.
 * @param profile - Default `mao2025`.
 * @returns The explained result.
 * @throws {TypeError|RangeError} As `classifyEndpoint`.
 * @example
 * clinicalRemission({ disease: "CD", timepoint: "w26", followUp: { hbi: 4 } }).status;
 * //=> "met"
 * @see Mao Y, et al. Drug Des Devel Ther 2025 (Methods).
 */
export function clinicalRemission(input: ClassifierInput, profile: DefinitionProfile = mao2025): EndpointResult {
  return classifyOne("clinicalRemission", "clinicalRemission", input, profile);
}

/**
 * Steroid-free clinical remission: clinical remission AND off systemic corticosteroids for the
 * profile's window at the time point (A3; `mao2025`: off on the date at induction, ≥90 days at w26/w52).
 * @param input - Disease, time point, measures, corticosteroid exposure.
 * @param profile - Default `mao2025`.
 * @returns The explained result.
 * @throws {TypeError|RangeError} As `classifyEndpoint`.
 * @example
 * steroidFreeClinicalRemission({ disease: "CD", timepoint: "w26", followUp: { hbi: 2 },
 *   steroids: { status: "off", daysOff: 89, usedAtBaseline: true } }).status;
 * //=> "not-met"
 * @see Mao Y, et al. Drug Des Devel Ther 2025 (Methods; Outcomes).
 */
export function steroidFreeClinicalRemission(input: ClassifierInput, profile: DefinitionProfile = mao2025): EndpointResult {
  return classifyOne("steroidFreeClinicalRemission", "steroidFreeClinicalRemission", input, profile);
}

/**
 * Clinical response (`mao2025`: UC aMS drop ≥3 AND ≥30% AND (RB drop ≥1 OR RB ≤1), A1; CD HBI drop ≥3
 * OR ≥50%, A4).
 * @param input - Disease, time point, baseline and follow-up measures.
 * @param profile - Default `mao2025`.
 * @returns The explained result.
 * @throws {TypeError|RangeError} As `classifyEndpoint`.
 * @example
 * clinicalResponse({ disease: "UC", timepoint: "w8",
 *   baseline: { mayoAdapted: 9, mayoRectalBleeding: 3 },
 *   followUp: { mayoAdapted: 6, mayoRectalBleeding: 2 } }).status;
 * //=> "met"
 * @see Mao Y, et al. Drug Des Devel Ther 2025 (Methods).
 */
export function clinicalResponse(input: ClassifierInput, profile: DefinitionProfile = mao2025): EndpointResult {
  return classifyOne("clinicalResponse", "clinicalResponse", input, profile);
}

/**
 * Endoscopic remission (`mao2025`: UC MES = 0; CD SES-CD ≤3 or Rutgeerts ≤ i1, A6).
 * @param input - Disease, time point, follow-up measures.
 * @param profile - Default `mao2025`.
 * @returns The explained result; no endoscopy → not evaluable.
 * @throws {TypeError|RangeError} As `classifyEndpoint`.
 * @example
 * endoscopicRemission({ disease: "CD", timepoint: "w52", followUp: { rutgeerts: 1 } }).status;
 * //=> "met"
 * @see Mao Y, et al. Drug Des Devel Ther 2025 (Methods).
 */
export function endoscopicRemission(input: ClassifierInput, profile: DefinitionProfile = mao2025): EndpointResult {
  return classifyOne("endoscopicRemission", "endoscopicRemission", input, profile);
}

/**
 * Endoscopic response (`mao2025`: UC MES drop >50%, A2; CD SES-CD drop ≥50%, A5).
 * @param input - Disease, time point, baseline and follow-up measures.
 * @param profile - Default `mao2025`.
 * @returns The explained result; baseline 0 → not evaluable.
 * @throws {TypeError|RangeError} As `classifyEndpoint`.
 * @example
 * endoscopicResponse({ disease: "UC", timepoint: "w8",
 *   baseline: { mayoEndoscopic: 2 }, followUp: { mayoEndoscopic: 1 } }).status;
 * //=> "not-met"
 * @see Mao Y, et al. Drug Des Devel Ther 2025 (Methods).
 */
export function endoscopicResponse(input: ClassifierInput, profile: DefinitionProfile = mao2025): EndpointResult {
  return classifyOne("endoscopicResponse", "endoscopicResponse", input, profile);
}

/**
 * Biochemical remission as a single endpoint (A7): not defined by `mao2025` (per-marker reading);
 * `mao2025+A7=composite`: FC <150 µg/g OR CRP <8 mg/L; `stride2`: CRP < ULN AND FC <250 µg/g.
 * @param input - Disease, time point, follow-up labs.
 * @param profile - Default `mao2025`.
 * @returns The explained result.
 * @throws {TypeError|RangeError} As `classifyEndpoint`.
 * @example
 * biochemicalRemission({ disease: "UC", timepoint: "w8", followUp: { crpMgPerL: 12, fcUgPerG: 149 } },
 *   getProfile("mao2025+A7=composite")).status;
 * //=> "met"
 * @see Mao Y, et al. Drug Des Devel Ther 2025 (Methods); Turner D, et al. Gastroenterology
 *   2021;160:1570-83. doi:10.1053/j.gastro.2020.12.031
 */
export function biochemicalRemission(input: ClassifierInput, profile: DefinitionProfile = mao2025): EndpointResult {
  return classifyOne("biochemicalRemission", "biochemicalRemission", input, profile);
}

/**
 * CRP normalisation (`mao2025`, A7 per marker: CRP <8 mg/L).
 * @param input - Disease, time point, follow-up labs.
 * @param profile - Default `mao2025`.
 * @returns The explained result.
 * @throws {TypeError|RangeError} As `classifyEndpoint`.
 * @example
 * crpNormalisation({ disease: "CD", timepoint: "w0", followUp: { crpMgPerL: 7.9 } }).status;
 * //=> "met"
 * @see Mao Y, et al. Drug Des Devel Ther 2025 (Methods; Results, Inflammatory Markers).
 */
export function crpNormalisation(input: ClassifierInput, profile: DefinitionProfile = mao2025): EndpointResult {
  return classifyOne("crpNormalisation", "crpNormalisation", input, profile);
}

/**
 * FC normalisation (`mao2025`, A7 per marker: FC <150 µg/g).
 * @param input - Disease, time point, follow-up labs.
 * @param profile - Default `mao2025`.
 * @returns The explained result.
 * @throws {TypeError|RangeError} As `classifyEndpoint`.
 * @example
 * fcNormalisation({ disease: "CD", timepoint: "w12", followUp: { fcUgPerG: 150 } }).status;
 * //=> "not-met"
 * @see Mao Y, et al. Drug Des Devel Ther 2025 (Methods; Results, Inflammatory Markers).
 */
export function fcNormalisation(input: ClassifierInput, profile: DefinitionProfile = mao2025): EndpointResult {
  return classifyOne("fcNormalisation", "fcNormalisation", input, profile);
}
