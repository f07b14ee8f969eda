import { assertOneOf, describeValue } from "../../_lib/errors.js";
import { checkSeed, createRandom, shuffleInPlace } from "../_random/index.js";
import { optionRecord, parseNumbers, parseTreatment } from "../_common/treatment.js";

const FN = "matchNearest";

/** Order in which {@link matchNearest} takes the treated units (MatchIt's `m.order`). */
export type MatchOrder = "largest" | "smallest" | "data" | "random";

/** Values of one exact-matching covariate: numbers, strings or booleans (no missing values). */
export type ExactCovariate = readonly (number | string | boolean)[];

/** Options of {@link matchNearest}. */
export interface MatchNearestOptions {
  /** Controls per treated unit, a positive integer (k of 1:k matching). Default 1. */
  readonly ratio?: number;
  /** Match with replacement (a control may serve several treated units). Default false. */
  readonly replace?: boolean;
  /** Caliper: a control is eligible only within this distance (in SDs of `distance` when `stdCaliper`). Default none. */
  readonly caliper?: number;
  /** Read `caliper` in standard deviations of `distance` over all units (n - 1 denominator). Default true. */
  readonly stdCaliper?: boolean;
  /** Matching order of the treated units. Default `'largest'`. */
  readonly order?: MatchOrder;
  /** Seed of the random order; required with `order: 'random'` and only allowed with it. */
  readonly seed?: number;
  /** Covariates to match exactly on, each one value per unit. */
  readonly exact?: readonly ExactCovariate[];
}

/** One treated unit and the controls it took, in the order taken (0-based positions). */
export interface MatchedSet {
  readonly treated: number;
  readonly controls: number[];
}

/** Result of {@link matchNearest}. */
export interface MatchNearestResult {
  /** Every treated unit with at least one control, in data order. */
  readonly pairs: MatchedSet[];
  /** Matching weights, one per unit (MatchIt's): 1 for matched treated, scaled sums of 1/k for controls, 0 for unmatched. */
  readonly weights: number[];
  /** Treated units that found no control, in data order. */
  readonly unmatchedTreated: number[];
  /** Units with a positive weight, per group (a control counted once however often it serves). */
  readonly nMatched: { readonly treated: number; readonly control: number };
  /** Caliper width on the distance scale (caliper × SD when `stdCaliper`), or null without a caliper. */
  readonly caliperWidth: number | null;
  /** Treated units left unmatched or given fewer than `ratio` controls, in words (empty when none). */
  readonly warnings: string[];
}

interface Stratum {
  /** Data positions of the stratum's controls, sorted by distance. */
  readonly idx: Int32Array;
  readonly val: Float64Array;
  /** Without replacement: next available at or right of i (union-find over 0..m, m = none). */
  readonly right: Int32Array | null;
  /** Without replacement: next available at or left of i - 1, stored at i (0 = none). */
  readonly left: Int32Array | null;
}

function findRoot(parent: Int32Array, i: number): number {
  let r = i;
  while (parent[r] !== r) r = parent[r]!;
  let j = i;
  while (parent[j] !== r) {
    const next = parent[j]!;
    parent[j] = r;
    j = next;
  }
  return r;
}

/** First position in sorted `v` whose value is >= x. */
function lowerBound(v: Float64Array, x: number): number {
  let lo = 0;
  let hi = v.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (v[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function exactKeys(exact: unknown, n: number): string[] | null {
  if (exact === undefined) return null;
  if (!Array.isArray(exact)) throw new TypeError(`${FN}: options.exact must be an array of covariate arrays; got ${describeValue(exact)}.`);
  if (exact.length === 0) throw new RangeError(`${FN}: options.exact must name at least one covariate; got length 0.`);
  const keys = new Array<string>(n).fill("");
  exact.forEach((col: unknown, c) => {
    if (!Array.isArray(col)) throw new TypeError(`${FN}: options.exact[${c}] must be an array of values; got ${describeValue(col)}.`);
    if (col.length !== n) throw new RangeError(`${FN}: options.exact[${c}] must have one value per unit (${n}); got length ${col.length}.`);
    for (let i = 0; i < n; i++) {
      const v: unknown = col[i];
      let k: string;
      if (typeof v === "number") {
        if (!Number.isFinite(v)) throw new RangeError(`${FN}: options.exact[${c}][${i}] must be a finite number, string or boolean (missing values cannot be matched on); got ${describeValue(v)}.`);
        k = `n${v}`;
      } else if (typeof v === "string") k = `s${v.length}:${v}`;
      else if (typeof v === "boolean") k = v ? "T" : "F";
      else throw new TypeError(`${FN}: options.exact[${c}][${i}] must be a number, string or boolean (missing values cannot be matched on); got ${describeValue(v)}.`);
      keys[i] = `${keys[i]!}${k}|`;
    }
  });
  return keys;
}

/**
 * Greedy nearest-neighbour matching on a distance (propensity score or its logit), 1:k in rounds,
 * with or without replacement, with an optional caliper and exact matching on covariates, giving
 * MatchIt's matched sets and matching weights.
 *
 * @remarks
 * The algorithm of MatchIt's `method = "nearest"` (>= 4.5.5): treated units are taken in the
 * matching order (`'largest'` by decreasing distance, `'smallest'` by increasing distance, ties in
 * data order; `'data'` in data order; `'random'` a seeded shuffle). Matching runs in `ratio`
 * rounds; in each round every treated unit, in that order, takes the nearest eligible control it
 * does not already have (by |d_t − d_c|; without replacement, only controls not yet taken by
 * anyone). A control is eligible when it lies within the caliper (width = `caliper` × SD of
 * `distance` over all units with `stdCaliper`, else `caliper`) and shares the treated unit's values
 * on every `exact` covariate. A treated unit that finds none in a round gets no more controls.
 * Among equidistant controls any may be taken.
 *
 * Weights: a matched treated unit gets 1; a control gets the sum, over the treated units it
 * serves, of 1 / (that unit's number of controls); control weights are then scaled to sum to the
 * number of matched controls; unmatched units get 0. Estimating effects with these weights targets
 * the average treatment effect in the (matched) treated.
 *
 * The nearest available control is found by binary search in the distance-sorted controls of the
 * treated unit's exact stratum, skipping taken controls with union-find, so matching costs
 * O((n_t · ratio + n_c) log n_c).
 *
 * @param distance - One finite number per unit (a propensity score or its logit).
 * @param treatment - 1 = treated, 0 = control, one per unit; both must occur.
 * @param options - `ratio` (default 1), `replace` (false), `caliper`, `stdCaliper` (true),
 *   `order` (`'largest'`), `seed` (for `'random'`), `exact`.
 * @returns Matched sets in data order, weights, unmatched treated units, counts, caliper width,
 *   warnings.
 * @throws {TypeError} If an argument or option has the wrong kind or an option is unknown.
 * @throws {RangeError} If `distance` is not finite, `treatment` is not 0/1 or lacks a group, the
 *   caliper is negative, `ratio` is not a positive integer, an exact covariate holds a missing
 *   value, or no treated unit could be matched (for example a caliper that admits no control).
 * @example
 * const m = matchNearest([0.9, 0.5, 0.85, 0.4, 0.55, 0.1], [1, 1, 0, 0, 0, 0]);
 * m.pairs;
 * //=> [{ treated: 0, controls: [2] }, { treated: 1, controls: [4] }]
 * m.weights;
 * //=> [1, 1, 1, 0, 1, 0]
 * @see R: `MatchIt::matchit(treat ~ ., distance = distance, method = "nearest")` (MatchIt >= 4.5.5).
 * @see Ho DE, Imai K, King G, Stuart EA. MatchIt: nonparametric preprocessing for parametric causal
 *   inference. J Stat Softw 2011;42(8):1-28. doi:10.18637/jss.v042.i08
 * @see Austin PC. Optimal caliper widths for propensity-score matching when estimating differences in
 *   means and differences in proportions in observational studies. Pharm Stat 2011;10(2):150-161.
 *   doi:10.1002/pst.433
 */
export function matchNearest(distance: readonly number[], treatment: readonly number[], options: MatchNearestOptions = {}): MatchNearestResult {
  const opts = optionRecord(FN, options, ["ratio", "replace", "caliper", "stdCaliper", "order", "seed", "exact"]);
  const d = parseNumbers(FN, "distance", distance);
  const n = d.length;
  const { z, nTreated } = parseTreatment(FN, "treatment", treatment, n);
  let ratio = 1;
  if (opts.ratio !== undefined) {
    if (typeof opts.ratio !== "number") throw new TypeError(`${FN}: options.ratio must be a number; got ${describeValue(opts.ratio)}.`);
    if (!Number.isInteger(opts.ratio) || opts.ratio < 1) throw new RangeError(`${FN}: options.ratio must be a positive integer; got ${describeValue(opts.ratio)}.`);
    ratio = opts.ratio;
  }
  let replace = false;
  if (opts.replace !== undefined) {
    if (typeof opts.replace !== "boolean") throw new TypeError(`${FN}: options.replace must be a boolean; got ${describeValue(opts.replace)}.`);
    replace = opts.replace;
  }
  let stdCaliper = true;
  if (opts.stdCaliper !== undefined) {
    if (typeof opts.stdCaliper !== "boolean") throw new TypeError(`${FN}: options.stdCaliper must be a boolean; got ${describeValue(opts.stdCaliper)}.`);
    stdCaliper = opts.stdCaliper;
  }
  let width = Infinity;
  let caliperWidth: number | null = null;
  if (opts.caliper !== undefined) {
    const c = opts.caliper;
    if (typeof c !== "number") throw new TypeError(`${FN}: options.caliper must be a number; got ${describeValue(c)}.`);
    if (!(c >= 0) || !Number.isFinite(c)) throw new RangeError(`${FN}: options.caliper must be a finite number >= 0; got ${describeValue(c)}.`);
    if (stdCaliper) {
      let m = 0;
      for (let i = 0; i < n; i++) m += d[i]!;
      m /= n;
      let ss = 0;
      for (let i = 0; i < n; i++) ss += (d[i]! - m) ** 2;
      width = c * Math.sqrt(ss / (n - 1));
    } else width = c;
    caliperWidth = width;
  }
  const order: MatchOrder = opts.order === undefined ? "largest" : assertOneOf(FN, "options.order", opts.order, ["largest", "smallest", "data", "random"] as const);
  let seed: number | null = null;
  if (order === "random") {
    if (opts.seed === undefined) throw new TypeError(`${FN}: options.seed is required with options.order "random"; got undefined.`);
    seed = checkSeed(FN, "options.seed", opts.seed);
  } else if (opts.seed !== undefined) {
    throw new TypeError(`${FN}: options.seed is only used with options.order "random"; got order "${order}".`);
  }
  const keys = exactKeys(opts.exact, n);

  // Strata of controls (one without exact), each sorted by distance.
  const strataOf = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    if (z[i] !== 0) continue;
    const k = keys === null ? "" : keys[i]!;
    let list = strataOf.get(k);
    if (list === undefined) {
      list = [];
      strataOf.set(k, list);
    }
    list.push(i);
  }
  const strata = new Map<string, Stratum>();
  for (const [k, list] of strataOf) {
    const sorted = list.slice().sort((a, b) => d[a]! - d[b]! || a - b);
    const sidx = Int32Array.from(sorted);
    const val = new Float64Array(sidx.length);
    for (let j = 0; j < sidx.length; j++) val[j] = d[sidx[j]!]!;
    let right: Int32Array | null = null;
    let left: Int32Array | null = null;
    if (!replace) {
      right = new Int32Array(sidx.length + 1);
      left = new Int32Array(sidx.length + 1);
      for (let j = 0; j <= sidx.length; j++) {
        right[j] = j;
        left[j] = j;
      }
    }
    strata.set(k, { idx: sidx, val, right, left });
  }

  // Treated units in matching order.
  const treatedOrder: number[] = [];
  for (let i = 0; i < n; i++) if (z[i] === 1) treatedOrder.push(i);
  if (order === "largest") treatedOrder.sort((a, b) => d[b]! - d[a]! || a - b);
  else if (order === "smallest") treatedOrder.sort((a, b) => d[a]! - d[b]! || a - b);
  else if (order === "random") shuffleInPlace(treatedOrder, createRandom(seed!));

  const controlsOf = new Map<number, number[]>();
  const active = new Uint8Array(n);
  // With replacement: each treated unit's taken controls form a window [lo, hi) of its sorted stratum.
  const lo = new Int32Array(n);
  const hi = new Int32Array(n);
  for (const t of treatedOrder) {
    active[t] = 1;
    const s = strata.get(keys === null ? "" : keys[t]!);
    if (s === undefined) {
      active[t] = 0;
      continue;
    }
    const p = lowerBound(s.val, d[t]!);
    lo[t] = p;
    hi[t] = p;
  }
  for (let round = 0; round < ratio; round++) {
    for (const t of treatedOrder) {
      if (active[t] === 0) continue;
      const s = strata.get(keys === null ? "" : keys[t]!)!;
      const dt = d[t]!;
      let li: number;
      let ri: number;
      if (replace) {
        li = lo[t]! - 1;
        ri = hi[t]!;
        if (ri >= s.idx.length) ri = -1;
      } else {
        const p = lo[t]!;
        const r = findRoot(s.right!, p);
        ri = r < s.idx.length ? r : -1;
        li = findRoot(s.left!, p) - 1; // left[] is shifted by one: slot j + 1 holds position j
      }
      const dl = li >= 0 ? dt - s.val[li]! : Infinity;
      const dr = ri >= 0 ? s.val[ri]! - dt : Infinity;
      let pick: number;
      let gap: number;
      if (dl <= dr) {
        pick = li;
        gap = dl;
      } else {
        pick = ri;
        gap = dr;
      }
      if (pick < 0 || !(gap <= width)) {
        active[t] = 0;
        continue;
      }
      const c = s.idx[pick]!;
      let list = controlsOf.get(t);
      if (list === undefined) {
        list = [];
        controlsOf.set(t, list);
      }
      list.push(c);
      if (replace) {
        if (pick === li) lo[t] = li;
        else hi[t] = ri + 1;
      } else {
        s.right![pick] = pick + 1;
        s.left![pick + 1] = pick;
      }
    }
  }

  const pairs: MatchedSet[] = [];
  const unmatchedTreated: number[] = [];
  const raw = new Float64Array(n);
  let short = 0;
  for (let i = 0; i < n; i++) {
    if (z[i] !== 1) continue;
    const list = controlsOf.get(i);
    if (list === undefined) {
      unmatchedTreated.push(i);
      continue;
    }
    if (list.length < ratio) short++;
    pairs.push({ treated: i, controls: list });
    raw[i] = 1;
    const share = 1 / list.length;
    for (const c of list) raw[c] = raw[c]! + share;
  }
  if (pairs.length === 0) {
    const why = caliperWidth !== null ? ` within the caliper (width ${caliperWidth} on the distance scale)` : keys !== null ? " in its exact-matching stratum" : "";
    throw new RangeError(`${FN}: no treated unit could be matched to a control${why}; got 0 matched of ${nTreated} treated.`);
  }
  let nControl = 0;
  let sumControl = 0;
  for (let i = 0; i < n; i++) {
    if (z[i] === 0 && raw[i]! > 0) {
      nControl++;
      sumControl += raw[i]!;
    }
  }
  const scale = nControl / sumControl;
  const weights = new Array<number>(n);
  for (let i = 0; i < n; i++) weights[i] = z[i] === 1 ? raw[i]! : raw[i]! * scale;
  const warnings: string[] = [];
  if (unmatchedTreated.length > 0) {
    const why = [caliperWidth !== null ? "caliper" : null, keys !== null ? "exact strata" : null, replace ? null : "controls used up"].filter((v) => v !== null).join(" / ");
    warnings.push(`${unmatchedTreated.length} of ${nTreated} treated units found no control (${why}); the matched sample no longer represents all treated units`);
  }
  if (short > 0) warnings.push(`${short} matched treated units got fewer than ${ratio} controls`);
  return { pairs, weights, unmatchedTreated, nMatched: { treated: pairs.length, control: nControl }, caliperWidth, warnings };
}
