/**
 * Generates the synthetic, de-identified example cohort `examples/data/cohort.json`: 122 screened
 * patients, 80 included (52 CD, 28 UC), built so that the library's scoring, classifiers, eligibility
 * and tables reproduce the figures of Mao et al., Drug Des Devel Ther 2025 (clinical-definitions.md §5).
 *
 * Deterministic: one seeded integer PRNG (mulberry32), no clock, no Math.random. Running it twice writes
 * the same bytes:  npx tsx examples/data/generate-cohort.ts [--check]
 *
 * Method. Every included patient is given a target outcome per endpoint and time point so that the
 * per-group counts equal §5.1 exactly (sets chosen by a latent "good responder" rank plus noise, so
 * outcomes correlate over time as in real cohorts). Visit items (Mayo SF/RB/ES, HBI items, SES-CD
 * segments, Rutgeerts grades, corticosteroid stop dates, CRP/FC values) are then found by enumeration so
 * that the mao2025 rules (examples/data/_rules.ts, = §2.2 with the §2.3 defaults) classify them to
 * exactly those targets, keeping values away from thresholds and baselines moderately-severely active.
 * Baseline attributes (Table 1, Table 3, Table 4) are assigned with exact counts.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  cdEndoRemission,
  cdEndoResponse,
  cdRemission,
  cdResponse,
  ucEndoRemission,
  ucEndoResponse,
  ucRemission,
  ucResponse,
  type UcItems,
} from "./_rules.js";

// ---------------------------------------------------------------- PRNG and small helpers
let state = 20250330 >>> 0;
/** mulberry32: next unsigned 32-bit integer. */
function nextU32(): number {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return (t ^ (t >>> 14)) >>> 0;
}
/** Integer in [lo, hi]. */
function int(lo: number, hi: number): number {
  return lo + (nextU32() % (hi - lo + 1));
}
/** Uniform in [0, 1) from integers (for ranking noise only). */
function unit(): number {
  return nextU32() / 4294967296;
}
function pick<T>(xs: readonly T[]): T {
  return xs[int(0, xs.length - 1)]!;
}
function shuffle<T>(xs: readonly T[]): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = int(0, i);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}
/** Exactly k of n flags true, at random. */
function flags(n: number, k: number): boolean[] {
  const idx = shuffle([...Array(n).keys()]).slice(0, k);
  const out = Array<boolean>(n).fill(false);
  for (const i of idx) out[i] = true;
  return out;
}
/** Exactly k true among the indices where `within` is true. */
function subsetFlags(within: readonly boolean[], k: number): boolean[] {
  const cand = shuffle(within.flatMap((w, i) => (w ? [i] : [])));
  if (cand.length < k) throw new Error(`subsetFlags: ${k} > ${cand.length}`);
  const out = Array<boolean>(within.length).fill(false);
  for (const i of cand.slice(0, k)) out[i] = true;
  return out;
}
/** Indices of the k largest scores (ties by index). */
function topK(scores: readonly number[], k: number): Set<number> {
  return new Set(
    scores
      .map((s, i) => ({ s, i }))
      .sort((a, b) => b.s - a.s || a.i - b.i)
      .slice(0, k)
      .map((x) => x.i),
  );
}

// ---------------------------------------------------------------- dates (UTC, ISO strings)
function toUtc(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}
function fromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
function addDays(iso: string, days: number): string {
  return fromUtc(toUtc(iso) + days * 86400000);
}
function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const yy = Math.floor(total / 12);
  const mm = total - yy * 12 + 1;
  return `${String(yy).padStart(4, "0")}-${String(mm).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

// ---------------------------------------------------------------- targets (clinical-definitions.md §5)
type Dx = "UC" | "CD";
interface GroupTargets {
  n: number;
  /** ind, w26, w52 */
  rem: [number, number, number];
  resp: [number, number, number];
  er: [number, number, number];
  eresp: [number, number, number];
  /** w0, ind, w26, w52, w78 */
  crp: [number, number, number, number, number];
  fc: [number, number, number, number, number];
  steroidUsers: number;
}
const TARGET: Record<Dx, GroupTargets> = {
  UC: { n: 28, rem: [19, 22, 24], resp: [20, 22, 25], er: [13, 17, 22], eresp: [17, 18, 22], crp: [8, 13, 17, 19, 22], fc: [8, 16, 17, 22, 23], steroidUsers: 18 },
  CD: { n: 52, rem: [31, 38, 41], resp: [32, 35, 39], er: [16, 30, 39], eresp: [30, 35, 44], crp: [21, 30, 31, 36, 41], fc: [12, 27, 32, 36, 48], steroidUsers: 20 },
};
/** Visit days from the upadacitinib start: w0, induction (w8 UC / w12 CD), w26, w52, w78. */
const DAYS: Record<Dx, [number, number, number, number, number]> = {
  UC: [0, 56, 182, 364, 546],
  CD: [0, 84, 182, 364, 546],
};

// ---------------------------------------------------------------- steroid patterns
/**
 * Corticosteroid stop day (from UPA start) per pattern; steroid-free flags at [ind, w26, w52] under A3:
 * off on the day at induction, >= 90 days off at w26/w52. Margins keep every reading away from the edge.
 */
type SteroidPattern = "none" | "s111" | "s011" | "s001" | "s000";
const STEROID_FREE: Record<SteroidPattern, [boolean, boolean, boolean]> = {
  none: [true, true, true],
  s111: [true, true, true],
  s011: [false, true, true],
  s001: [false, false, true],
  s000: [false, false, false],
};
function steroidStopDay(p: SteroidPattern, dx: Dx): number | null {
  switch (p) {
    case "s111":
      return int(21, 35); // off >= 3 weeks before induction, >= 147 days before w26
    case "s011":
      return dx === "UC" ? int(63, 80) : int(86, 88); // on at induction; >= 94 days off at w26
    case "s001":
      return int(120, 240); // < 90 days off at w26 (<= 62), >= 124 days off at w52
    case "s000":
      return null; // still on at w52 (stops at w60)
    default:
      return null;
  }
}

// ---------------------------------------------------------------- outcome sets
interface Outcomes {
  rem: boolean[][]; // [t][i]
  resp: boolean[][];
  er: boolean[][];
  eresp: boolean[][];
  crp: boolean[][]; // [j][i], j over 5 biomarker time points
  fc: boolean[][];
}
function chooseOutcomes(dx: Dx, latent: readonly number[]): Outcomes {
  const t = TARGET[dx];
  const n = t.n;
  const sets = (ks: readonly number[], noise: number) =>
    ks.map((k) => {
      const scores = latent.map((l) => l + noise * unit());
      const s = topK(scores, k);
      return [...Array(n).keys()].map((i) => s.has(i));
    });
  // remission and response share a rank per time point (nested sets), likewise the endoscopic pair.
  const clin = [0, 1, 2].map(() => latent.map((l) => l + 0.9 * unit()));
  const endo = [0, 1, 2].map(() => latent.map((l) => l + 0.9 * unit()));
  const asFlags = (scores: readonly number[], k: number) => {
    const s = topK(scores, k);
    return [...Array(n).keys()].map((i) => s.has(i));
  };
  return {
    rem: clin.map((s, j) => asFlags(s, t.rem[j]!)),
    resp: clin.map((s, j) => asFlags(s, t.resp[j]!)),
    er: endo.map((s, j) => asFlags(s, t.er[j]!)),
    eresp: endo.map((s, j) => asFlags(s, t.eresp[j]!)),
    crp: sets(t.crp, 1.2),
    fc: sets(t.fc, 1.2),
  };
}

// ---------------------------------------------------------------- UC item solver
/** Items at one time point meeting the four UC flags, closest to a plausible level; null if none. */
function solveUc(base: UcItems, want: { rem: boolean; resp: boolean; er: boolean; eresp: boolean }, steroidFree: boolean, rnd: boolean): UcItems | null {
  const bTot = base.sf + base.rb + base.es;
  const desired = want.rem ? 1 : want.resp ? Math.round(bTot * 0.45) : bTot - 1;
  let best: UcItems | null = null;
  let bestCost = Infinity;
  for (let es = 0; es <= base.es; es++)
    for (let sf = 0; sf <= 3; sf++)
      for (let rb = 0; rb <= 3; rb++) {
        const v = { sf, rb, es };
        if (ucRemission(v, steroidFree) !== want.rem) continue;
        if (ucResponse(base, v) !== want.resp) continue;
        if (ucEndoRemission(v) !== want.er) continue;
        if (ucEndoResponse(base, v) !== want.eresp) continue;
        if (sf > base.sf + 1 || rb > base.rb + 1) continue;
        const tot = sf + rb + es;
        const cost = Math.abs(tot - desired) * 10 + Math.abs(sf - rb) + (rnd ? unit() : 0);
        if (cost < bestCost) {
          bestCost = cost;
          best = v;
        }
      }
  return best;
}
function ucBaselines(): UcItems[] {
  const out: UcItems[] = [];
  for (let es = 2; es <= 3; es++)
    for (let sf = 1; sf <= 3; sf++)
      for (let rb = 0; rb <= 3; rb++) {
        const t = sf + rb + es;
        if (t >= 5 && t <= 9) out.push({ sf, rb, es });
      }
  return out;
}

// ---------------------------------------------------------------- CD item solver
function solveHbi(base: number, want: { rem: boolean; resp: boolean }, steroidFree: boolean): number | null {
  const desired = want.rem ? (want.resp ? Math.min(2, Math.floor(base / 2)) : base - 1) : want.resp ? Math.max(0, base - 3) : Math.max(base, 5);
  let best: number | null = null;
  let bestCost = Infinity;
  for (let h = 0; h <= base + 4; h++) {
    if (cdRemission(h, steroidFree) !== want.rem) continue;
    if (cdResponse(base, h) !== want.resp) continue;
    const cost = Math.abs(h - desired);
    if (cost < bestCost) {
      bestCost = cost;
      best = h;
    }
  }
  return best;
}

/**
 * Chooses per-patient baseline + steroid pattern among feasible options so that the group has the target
 * number of steroid users and a baseline mean/SD near the paper's (hill climbing, seeded).
 */
function chooseOptions<O extends { user: boolean; value: number }>(
  options: readonly (readonly O[])[],
  users: number,
  meanTarget: number,
  sdTarget: number,
): O[] {
  const n = options.length;
  const cur = options.map((os) => {
    if (os.length === 0) throw new Error("chooseOptions: a patient has no feasible option");
    return pick(os);
  });
  const cost = (xs: readonly O[]) => {
    const u = xs.filter((x) => x.user).length;
    const m = xs.reduce((s, x) => s + x.value, 0) / n;
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x.value - m) ** 2, 0) / (n - 1));
    return Math.abs(u - users) * 100 + Math.abs(m - meanTarget) * 20 + Math.abs(sd - sdTarget) * 10;
  };
  let c = cost(cur);
  for (let it = 0; it < 40000 && c > 0.05; it++) {
    // move one or two patients at once (a pair can change the spread without moving the mean)
    const i = int(0, n - 1);
    const j = int(0, n - 1);
    const oldI = cur[i]!;
    const oldJ = cur[j]!;
    cur[i] = pick(options[i]!);
    if (it % 2 === 1) cur[j] = pick(options[j]!);
    const c2 = cost(cur);
    if (c2 <= c) c = c2;
    else {
      cur[j] = oldJ;
      cur[i] = oldI;
    }
  }
  if (process.env.DEBUG_OPTS) console.error("chooseOptions cost", c, cur.map((x) => x.value).join(","));
  return cur;
}

// ---------------------------------------------------------------- demographic vectors with exact quartiles
/** Sorted integer vector of length n with values at the type-7 quartile positions duplicated (robust to the quantile rule). */
function quartileVector(n: number, min: number, q1: number, med: number, q3: number, max: number, bands?: [number, number][]): number[] {
  const p1 = Math.floor(0.25 * (n - 1));
  const p2 = Math.floor(0.5 * (n - 1));
  const p3 = Math.floor(0.75 * (n - 1));
  const v = Array<number>(n).fill(0);
  const fill = (from: number, to: number, lo: number, hi: number) => {
    const len = to - from;
    for (let k = 0; k < len; k++) v[from + k] = Math.round(lo + ((hi - lo) * k) / Math.max(1, len));
  };
  fill(0, p1, min, q1);
  v[p1] = q1;
  v[p1 + 1] = q1;
  fill(p1 + 2, p2, q1, med);
  v[p2] = med;
  v[p2 + 1] = med;
  fill(p2 + 2, p3, med, q3);
  v[p3] = q3;
  v[p3 + 1] = q3;
  for (let k = p3 + 2; k < n; k++) v[k] = Math.round(q3 + ((max - q3) * (k - p3 - 1)) / (n - p3 - 2));
  void bands;
  return v.sort((a, b) => a - b);
}
function q7(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  return sorted[lo]! + (h - lo) * ((sorted[Math.min(lo + 1, sorted.length - 1)] ?? 0) - sorted[lo]!);
}

/** Pairs age-at-diagnosis and duration (months) so that age = ageDx + duration hits the age quartiles. */
function pairAges(ageDx: readonly number[], durMonths: readonly number[], ageQ: [number, number, number], mean?: number, sd?: number): number[] {
  const n = ageDx.length;
  let best: number[] = [];
  let bestCost = Infinity;
  for (let attempt = 0; attempt < 40 && bestCost > 0.05; attempt++) {
    const r = pairOnce(ageDx, durMonths, ageQ, mean, sd);
    if (r.cost < bestCost) {
      bestCost = r.cost;
      best = r.perm;
    }
  }
  if (process.env.DEBUG_OPTS) console.error("pairAges cost", bestCost);
  void n;
  return best;
}
function pairOnce(ageDx: readonly number[], durMonths: readonly number[], ageQ: [number, number, number], mean?: number, sd?: number): { perm: number[]; cost: number } {
  const n = ageDx.length;
  const perm = shuffle([...Array(n).keys()]);
  const agesOf = (pm: readonly number[]) => pm.map((j, i) => ageDx[i]! + Math.floor(durMonths[j]! / 12));
  const cost = (pm: readonly number[]) => {
    const a = agesOf(pm).sort((x, y) => x - y);
    const p1 = Math.floor(0.25 * (n - 1));
    const p2 = Math.floor(0.5 * (n - 1));
    const p3 = Math.floor(0.75 * (n - 1));
    let c = 0;
    for (const [p, q] of [
      [p1, ageQ[0]],
      [p2, ageQ[1]],
      [p3, ageQ[2]],
    ] as const) {
      c += Math.abs(a[p]! - q) + Math.abs(a[p + 1]! - q);
    }
    if (mean !== undefined && sd !== undefined) {
      const m = a.reduce((s, x) => s + x, 0) / n;
      const s = Math.sqrt(a.reduce((t, x) => t + (x - m) ** 2, 0) / (n - 1));
      c += Math.abs(m - mean) * 0.5 + Math.abs(s - sd) * 0.3;
    }
    return c;
  };
  let c = cost(perm);
  for (let it = 0; it < 60000 && c > 0.02; it++) {
    const i = int(0, n - 1);
    const j = int(0, n - 1);
    [perm[i], perm[j]] = [perm[j]!, perm[i]!];
    const c2 = cost(perm);
    if (c2 <= c) c = c2;
    else [perm[i], perm[j]] = [perm[j]!, perm[i]!];
  }
  return { perm, cost: c };
}

// ---------------------------------------------------------------- record types (input shapes of src/models)
type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
interface Rec {
  [k: string]: Json;
}
const patients: Rec[] = [];
const courses: Rec[] = [];
const visits: Rec[] = [];
const adverseEvents: Rec[] = [];

const CENTRES = ["centre-A", "centre-B", "centre-C"];
const round1 = (x: number) => Math.round(x * 10) / 10;

// ---------------------------------------------------------------- included patients
interface Included {
  id: string;
  dx: Dx;
  start: string;
}
const included: Included[] = [];

function buildGroup(dx: Dx, ids: readonly string[]): void {
  const T = TARGET[dx];
  const n = T.n;
  const latent = [...Array(n).keys()].map(() => unit());

  // ---- outcome sets, with the UC endoscopy constraint (baseline MES forced by the sets) checked
  let oc: Outcomes;
  let ucEsNeed: (2 | 3 | null)[] = [];
  for (let attempt = 0; ; attempt++) {
    if (attempt > 5000) throw new Error(`${dx}: no consistent outcome sets`);
    oc = chooseOutcomes(dx, latent);
    if (dx === "CD") break;
    let ok = true;
    ucEsNeed = [...Array(n).keys()].map((i) => {
      let need: 2 | 3 | null = null;
      for (let t = 0; t < 3; t++) {
        const r = oc.rem[t]![i]!;
        const er = oc.er[t]![i]!;
        const eresp = oc.eresp[t]![i]!;
        let here: 2 | 3 | null = null;
        if (eresp && !er) here = 3;
        if (r && !eresp) here = here === 3 ? (ok = false, 3) : 2;
        if (here !== null) {
          if (need !== null && need !== here) ok = false;
          need = here;
        }
      }
      return need;
    });
    if (ok) break;
  }

  // ---- per patient feasible (baseline, steroid pattern) options
  const patterns: SteroidPattern[] = ["none", "s111", "s011", "s001", "s000"];
  const tIdx = [0, 1, 2];
  interface Opt {
    user: boolean;
    value: number;
    pattern: SteroidPattern;
    ucBase?: UcItems;
    hbiBase?: number;
  }
  const options: Opt[][] = [...Array(n).keys()].map((i) => {
    const opts: Opt[] = [];
    for (const pattern of patterns) {
      const sfree = STEROID_FREE[pattern];
      if (dx === "UC") {
        for (const b of ucBaselines()) {
          const need = ucEsNeed[i];
          if (need != null && b.es !== need) continue;
          const ok = tIdx.every(
            (t) =>
              solveUc(b, { rem: oc.rem[t]![i]!, resp: oc.resp[t]![i]!, er: oc.er[t]![i]!, eresp: oc.eresp[t]![i]! }, sfree[t]!, false) !== null,
          );
          if (ok) opts.push({ user: pattern !== "none", value: b.sf + b.rb + b.es, pattern, ucBase: b });
        }
      } else {
        for (let h = 2; h <= 9; h++) {
          const ok = tIdx.every((t) => solveHbi(h, { rem: oc.rem[t]![i]!, resp: oc.resp[t]![i]! }, sfree[t]!) !== null);
          if (ok) opts.push({ user: pattern !== "none", value: h, pattern, hbiBase: h });
        }
      }
    }
    return opts;
  });
  if (process.env.DEBUG_OPTS) for (const os of options) console.error(dx, [...new Set(os.map((o) => `${o.pattern}:${o.value}`))].join(" "));
  const chosen = dx === "UC" ? chooseOptions(options, T.steroidUsers, 6.95, 1.78) : chooseOptions(options, T.steroidUsers, 4.6, 1.6);

  // ---- Table 1 / Table 3 attributes with exact counts
  const A =
    dx === "UC"
      ? { male: 18, asa: 20, thio: 7, mtx: 5, tacro: 0, gc: 16, tnf: 26, integrin: 23, il: 9, jak: 6, il17: 0, trip: 0, surgery: 3, eim: 6, een: 8, perianal: 0 }
      : { male: 30, asa: 30, thio: 27, mtx: 7, tacro: 1, gc: 22, tnf: 48, integrin: 10, il: 39, jak: 3, il17: 1, trip: 1, surgery: 33, eim: 13, een: 21, perianal: 37 };
  const male = flags(n, A.male);
  const asa = flags(n, A.asa);
  const thio = flags(n, A.thio);
  const mtx = subsetFlags(thio, A.mtx);
  const tacro = subsetFlags(thio, A.tacro);
  const gc = flags(n, A.gc);
  const een = flags(n, A.een);
  const il17 = flags(n, A.il17);
  const trip = flags(n, A.trip);
  const tnf = flags(n, A.tnf);
  const integrin = flags(n, A.integrin);
  // IL-12/23 + IL-23 and JAK go first to patients with fewer than two failed mechanisms (IOIBD (1)).
  const mechCount = (i: number, il: readonly boolean[], jak: readonly boolean[]) =>
    Number(tnf[i]) + Number(integrin[i]) + Number(il[i] ?? false) + Number(jak[i] ?? false);
  const prefer = (k: number, score: (i: number) => number) => {
    const order = [...Array(n).keys()].map((i) => ({ i, s: score(i) + unit() })).sort((a, b) => a.s - b.s);
    const out = Array<boolean>(n).fill(false);
    for (const { i } of order.slice(0, k)) out[i] = true;
    return out;
  };
  const il = prefer(A.il, (i) => (mechCount(i, [], []) < 2 ? 0 : 1));
  const jak = prefer(A.jak, (i) => (mechCount(i, il, []) < 2 ? 0 : 1));
  const fewMechs = [...Array(n).keys()].map((i) => mechCount(i, il, jak) < 2);
  // perianal disease (CD): the patients relying on complex perianal disease for DTT are among the 37.
  const perianal =
    dx === "CD"
      ? (() => {
          const must = fewMechs.filter(Boolean).length;
          const rest = subsetFlags(
            fewMechs.map((f) => !f),
            A.perianal - must,
          );
          return rest.map((r, i) => r || fewMechs[i]!);
        })()
      : Array<boolean>(n).fill(false);
  if (dx === "UC" && fewMechs.some(Boolean)) throw new Error("UC patient with < 2 mechanisms");
  const surgery = flags(n, A.surgery);
  const eim = flags(n, A.eim);

  // Montreal
  const cdLocation = shuffle([...Array(12).fill("L1"), ...Array(11).fill("L2"), ...Array(27).fill("L3"), ...Array(2).fill("L4")] as string[]);
  const cdBehavior = shuffle([...Array(14).fill("B1"), ...Array(23).fill("B2"), ...Array(15).fill("B3")] as string[]);
  const ucExtent = shuffle([...Array(6).fill("E1"), ...Array(10).fill("E2"), ...Array(12).fill("E3")] as string[]);
  // EIM sites: UC eye 2, skin 3, joint 1; CD eye 2, skin 7, joint 6, other 1 (13 patients, 16 sites).
  const eimIdx = eim.flatMap((e, i) => (e ? [i] : []));
  const eimSites = new Map<number, string[]>();
  if (dx === "UC") {
    const s = ["eye", "eye", "skin", "skin", "skin", "joint"];
    eimIdx.forEach((i, k) => eimSites.set(i, [s[k]!]));
  } else {
    const single = ["eye", "eye", "skin", "skin", "skin", "skin", "skin", "joint", "joint", "joint", "other"];
    const dbl = [["skin", "joint"], ["skin", "joint"], ["joint"]];
    eimIdx.forEach((i, k) => eimSites.set(i, k < 10 ? [single[k]!] : k === 10 ? [single[10]!, "joint"] : dbl[k - 11]!));
  }

  // Ages: age at diagnosis (years), duration (months), age at start = completed years.
  let ageDx: number[];
  let dur: number[];
  let perm: number[];
  if (dx === "UC") {
    ageDx = shuffle(quartileVector(n, 19, 35, 43, 50, 70));
    dur = shuffle(quartileVector(n, 1, 3, 6, 10, 20).map((y) => y * 12));
    perm = pairAges(ageDx, dur, [38, 51, 60], 49.9, 14.2);
  } else {
    // Montreal A1 9 (<= 16), A2 32 (17-40), A3 11 (> 40): quartile positions 12/13, 25/26, 38/39.
    const a = quartileVector(n, 12, 19, 26, 36, 58);
    for (let k = 0; k < 9; k++) a[k] = Math.min(a[k]!, 16);
    for (let k = 9; k < 41; k++) a[k] = Math.max(17, Math.min(40, a[k]!));
    for (let k = 41; k < n; k++) a[k] = Math.max(41, a[k]!);
    ageDx = shuffle(a.sort((x, y) => x - y));
    const d = quartileVector(n, 2, 5, 7, 10, 18).map((y) => y * 12);
    const p3 = Math.floor(0.75 * (n - 1));
    d[p3] = 126; // 10.5 years at both Q3 positions
    d[p3 + 1] = 126;
    dur = shuffle(d);
    perm = pairAges(ageDx, dur, [29, 34, 42]);
  }

  // AE and discontinuation plan
  const aeN = dx === "UC" ? 4 : 12;
  const aeIdx = shuffle([...Array(n).keys()]).slice(0, aeN);
  const aeCats: string[][] = aeIdx.map(() => []);
  const addCat = (cat: string, k: number, from = 0) => {
    const order = [...aeIdx.keys()].slice(from).concat([...aeIdx.keys()].slice(0, from));
    let done = 0;
    for (const j of order) {
      if (done === k) break;
      if (!aeCats[j]!.includes(cat)) {
        aeCats[j]!.push(cat);
        done++;
      }
    }
  };
  if (dx === "UC") {
    addCat("dyslipidemia", 4);
    addCat("acneOrSkin", 2);
    addCat("infection", 1, 2);
    addCat("neutropenia", 1, 3);
    addCat("anemia", 1, 1);
  } else {
    addCat("acneOrSkin", 5, 0);
    addCat("dyslipidemia", 5, 5);
    addCat("anemia", 3, 10);
    addCat("infection", 2, 2);
    addCat("neutropenia", 2, 7);
    addCat("ckElevation", 1, 4);
  }
  const worst = [...Array(n).keys()].sort((a, b) => latent[a]! - latent[b]!);
  const discontinued = new Set(worst.slice(0, dx === "UC" ? 2 : 11));

  // co-therapy with UPA (Table 3): thalidomide UC 1 / CD 2, mesalazine 3 / 2, infliximab 0 / 1, vedolizumab 0 / 1
  const co = shuffle([...Array(n).keys()]);
  const coTherapy = new Map<number, [string, string][]>();
  const coList: [string, string][] =
    dx === "UC"
      ? [["thalidomide", "thalidomide"], ["5-ASA", "mesalazine"], ["5-ASA", "mesalazine"], ["5-ASA", "mesalazine"]]
      : [["thalidomide", "thalidomide"], ["thalidomide", "thalidomide"], ["5-ASA", "mesalazine"], ["5-ASA", "mesalazine"], ["biologic", "infliximab"], ["biologic", "vedolizumab"]];
  coList.forEach((c, k) => coTherapy.set(co[k]!, [c]));
  const dose30 = new Set(shuffle([...Array(n).keys()]).slice(0, dx === "UC" ? 2 : 2));

  // surgeries: CD ileocolonic resections prefer L1/L3
  const surgIdx = surgery.flatMap((s, i) => (s ? [i] : []));
  const surgType = new Map<number, string>();
  if (dx === "UC") {
    const t = ["segmentalColectomy", "perianalSurgery", "other"];
    surgIdx.forEach((i, k) => surgType.set(i, t[k]!));
  } else {
    const ileal = surgIdx.filter((i) => cdLocation[i] === "L1" || cdLocation[i] === "L3");
    const other = surgIdx.filter((i) => !(cdLocation[i] === "L1" || cdLocation[i] === "L3"));
    ileal.forEach((i, k) => surgType.set(i, k < 18 ? "ileocolonicResection" : "smallBowelResection"));
    other.forEach((i) => surgType.set(i, perianal[i] ? "perianalSurgery" : "stricturoplasty"));
  }

  // biomarker values
  const fcValues: number[][] = [];
  const crpValues: number[][] = [];
  for (let j = 0; j < 5; j++) {
    fcValues.push([...Array(n).keys()].map((i) => (oc.fc[j]![i]! ? int(18, 128) : j === 0 ? int(420, 2100) : int(210, 1400))));
    crpValues.push([...Array(n).keys()].map((i) => (oc.crp[j]![i]! ? int(3, 62) / 10 : int(108, j === 0 ? 520 : 300) / 10)));
  }
  groupLabs.set(dx, { fc: fcValues, crp: crpValues, ids: [...ids] });

  // ---- emit records
  for (let i = 0; i < n; i++) {
    const id = ids[i]!;
    const opt = chosen[i]!;
    const month = int(1, 6);
    const start = `2023-${String(month).padStart(2, "0")}-${String(int(2, 27)).padStart(2, "0")}`;
    included.push({ id, dx, start });
    const durM = dur[perm[i]!]!;
    const diagnosisDate = addMonths(start, -durM);
    const birthDate = addDays(addMonths(diagnosisDate, -12 * ageDx[i]!), -int(3, 25));
    const siteName = pick(CENTRES);

    const prior: Rec[] = [];
    const therapyDates = (k: number): [string, string] => {
      const s = addMonths(diagnosisDate, Math.floor((durM * (k + 1)) / 6));
      const e = addMonths(s, Math.max(2, Math.floor(durM / 8)));
      return [s < diagnosisDate ? diagnosisDate : s, e >= start ? addDays(start, -14) : e];
    };
    const reasons = ["primaryNonResponse", "secondaryLossOfResponse", "intolerance"] as const;
    let k = 0;
    const addPrior = (drug: string) => {
      const [s, e] = therapyDates(k++);
      prior.push({ drug, startDate: s, stopDate: e < s ? s : e, reasonStopped: pick(reasons) });
    };
    if (tnf[i]) addPrior(pick(["infliximab", "adalimumab", "infliximab"]));
    if (integrin[i]) addPrior("vedolizumab");
    if (il[i]) addPrior(unit() < 0.75 ? "ustekinumab" : "risankizumab");
    if (jak[i]) addPrior(pick(["tofacitinib", "filgotinib", "tofacitinib"]));
    if (il17[i]) prior.push({ drug: "secukinumab", startDate: therapyDates(4)[0], stopDate: therapyDates(4)[1], reasonStopped: "other" });

    const conv: Rec[] = [];
    const convAdd = (agent: string) => {
      const s = addMonths(diagnosisDate, 1);
      conv.push({ agent, startDate: s, stopDate: addMonths(s, 6) < start ? addMonths(s, 6) : addDays(start, -30) });
    };
    if (asa[i]) convAdd("5-ASA");
    if (gc[i]) convAdd("corticosteroid");
    if (thio[i]) convAdd("thiopurine");
    if (mtx[i]) convAdd("methotrexate");
    if (tacro[i]) convAdd("tacrolimus");
    if (trip[i]) convAdd("tripterygium");
    if (een[i]) convAdd("exclusiveEnteralNutrition");

    const patient: Rec = {
      id,
      sex: male[i] ? "male" : "female",
      birthDate,
      diagnosis: dx,
      diagnosisDate,
    };
    if (dx === "CD") {
      const a = ageDx[i]!;
      patient.montreal = {
        type: "CD",
        age: a <= 16 ? "A1" : a <= 40 ? "A2" : "A3",
        location: cdLocation[i]!,
        upperGi: cdLocation[i] === "L4",
        behavior: cdBehavior[i]!,
        perianal: perianal[i]!,
      };
    } else {
      patient.montreal = { type: "UC", extent: ucExtent[i]!, severity: opt.value >= 8 ? "S3" : "S2" };
    }
    patient.priorTherapies = prior;
    patient.priorConventionalTherapies = conv; // recorded: [] says none (an absent list would be unknown)
    patient.surgeries = surgery[i] ? [{ date: addMonths(diagnosisDate, Math.max(1, Math.floor(durM / 2))), type: surgType.get(i)! }] : [];
    patient.dttConditions = { chronicAntibioticRefractoryPouchitis: false, complexPerianalDisease: dx === "CD" ? fewMechs[i]! : false, psychosocialComorbidity: false };
    patient.extraintestinalManifestations = eim[i] ? eimSites.get(i)! : []; // recorded none, not unknown
    patient.pregnantOrBreastfeeding = false;
    patient.malignancyHistory = false;
    patient.seriousInfectionHistory = false;
    patient.heightCm = male[i] ? int(165, 182) : int(152, 170);
    patient.site = siteName;
    patients.push(patient);

    // course
    const days = DAYS[dx];
    const indEnd = addDays(start, days[1]);
    const maint = dose30.has(i) ? 30 : 15;
    // the paper's 13 discontinuations fall within the 12-month maintenance period, after the week-52
    // assessment window (day 364 +- 28) and before maintenance day 365 (day 421 UC, 449 CD)
    const disc = discontinued.has(i) ? addDays(start, dx === "UC" ? int(400, 420) : int(400, 448)) : null;
    const dosePeriods: Rec[] = [
      { doseMg: 45, startDate: start, endDate: indEnd, phase: "induction" },
      disc === null ? { doseMg: maint, startDate: indEnd, phase: "maintenance" } : { doseMg: maint, startDate: indEnd, endDate: disc, phase: "maintenance" },
    ];
    const meds: Rec[] = [];
    if (opt.pattern !== "none") {
      const stop = steroidStopDay(opt.pattern, dx);
      meds.push({ agentClass: "corticosteroid", drug: pick(["prednisone", "methylprednisolone"]), startDate: addDays(start, -int(20, 60)), endDate: addDays(start, stop ?? 420) });
    }
    for (const [cls, drug] of coTherapy.get(i) ?? []) meds.push({ agentClass: cls, drug, startDate: addDays(start, int(0, 14)) });
    const course: Rec = { id: `${id}-upa`, patientId: id, drug: "upadacitinib", startDate: start, dosePeriods, concomitantMedications: meds, corticosteroidsRecorded: true };
    if (disc !== null) course.discontinuation = { date: disc, reason: discontinuationReason(dx, [...discontinued].sort((a, b) => a - b).indexOf(i)) };
    courses.push(course);

    // visits
    const sfree = STEROID_FREE[opt.pattern];
    const resected = surgType.get(i) === "ileocolonicResection";
    let ucBase: UcItems | undefined;
    let hbiBase = 0;
    let sesBase = 0;
    const explored = dx === "CD" ? segmentsFor(cdLocation[i]!) : [];
    for (let j = 0; j < 5; j++) {
      const date = addDays(start, days[j]!);
      const visit: Rec = { id: `${id}-${["w0", dx === "UC" ? "w8" : "w12", "w26", "w52", "w78"][j]}`, patientId: id, date };
      const t = j - 1;
      if (j <= 3) {
        if (dx === "UC") {
          let items: UcItems;
          if (j === 0) items = ucBase = opt.ucBase!;
          else {
            const s = solveUc(ucBase!, { rem: oc.rem[t]![i]!, resp: oc.resp[t]![i]!, er: oc.er[t]![i]!, eresp: oc.eresp[t]![i]! }, sfree[t]!, true);
            if (s === null) throw new Error(`UC ${id} t${t}: no items`);
            items = s;
          }
          const pga = Math.min(3, Math.round((items.sf + items.rb + items.es) / 3));
          visit.mayo = { stoolFrequency: items.sf, rectalBleeding: items.rb, endoscopic: items.es, friability: items.es >= 2, physicianGlobal: pga };
        } else {
          let h: number;
          if (j === 0) h = hbiBase = opt.hbiBase!;
          else {
            const s = solveHbi(hbiBase, { rem: oc.rem[t]![i]!, resp: oc.resp[t]![i]! }, sfree[t]!);
            if (s === null) throw new Error(`CD ${id} t${t}: no HBI`);
            h = s;
          }
          visit.hbi = hbiItems(h, j === 0 && eim[i]! && (eimSites.get(i) ?? []).includes("joint"));
          let ses: number;
          if (j === 0) {
            const cap = explored.length * 11;
            ses = sesBase = Math.min(cap, int(8, 19));
          } else {
            const er = oc.er[t]![i]!;
            const eresp = oc.eresp[t]![i]!;
            ses = er ? int(0, 3) : eresp ? int(4, Math.floor(sesBase / 2)) : int(Math.floor(sesBase / 2) + 1, Math.min(sesBase + 1, explored.length * 11));
            if (cdEndoRemission(ses) !== er || cdEndoResponse(sesBase, ses) !== eresp) throw new Error(`CD ${id}: SES ${ses} vs targets`);
          }
          visit.sesCd = sesSegments(ses, explored, j === 0 && cdBehavior[i] === "B2");
          if (resected) visit.rutgeerts = ses <= 3 ? pick(["i0", "i1"]) : ses <= 6 ? "i2b" : pick(["i3", "i4"]);
        }
        visit.onCorticosteroids = j === 0 ? opt.pattern !== "none" : !sfree[t]! && opt.pattern !== "s111";
      }
      visit.labs = labsFor(dx, i, j, date, aeCats[aeIdx.indexOf(i)] ?? []);
      visits.push(visit);
    }

    // adverse events
    const ai = aeIdx.indexOf(i);
    if (ai >= 0) {
      aeCats[ai]!.forEach((cat, k) => {
        const onset = addDays(start, int(20, 330) + k * 7);
        const ev: Rec = { id: `${id}-ae${k + 1}`, patientId: id, onsetDate: onset, term: AE_TERMS[cat]!, category: cat, ledToDiscontinuation: false };
        if (cat === "infection") ev.infectionType = k % 2 === 0 ? "herpesZoster" : "other";
        if (cat !== "dyslipidemia") ev.resolvedDate = addDays(onset, int(10, 60));
        adverseEvents.push(ev);
      });
    }
  }
  void chosen;
}

const AE_TERMS: Record<string, string> = {
  acneOrSkin: "acne",
  infection: "infection",
  neutropenia: "neutropenia",
  anemia: "anaemia (new)",
  ckElevation: "creatine kinase elevation",
  dyslipidemia: "dyslipidaemia",
};

const groupLabs = new Map<Dx, { fc: number[][]; crp: number[][]; ids: string[] }>();

function segmentsFor(location: string): string[] {
  switch (location) {
    case "L1":
    case "L4":
      return ["ileum", "rightColon", "transverseColon", "leftColon", "rectum"];
    default:
      return ["ileum", "rightColon", "transverseColon", "leftColon", "rectum"];
  }
}
/** SES-CD segments summing to `total`: points go to the affected segments (ileum/colon per location), variables 0-3, narrowing <= 2. */
function sesSegments(total: number, explored: readonly string[], stricturing: boolean): Rec {
  const segs: Record<string, Record<string, number>> = {};
  for (const s of explored) segs[s] = { ulcerSize: 0, ulceratedSurface: 0, affectedSurface: 0, narrowing: 0 };
  const cells: [string, string, number][] = [];
  for (const s of explored) for (const v of ["affectedSurface", "ulcerSize", "ulceratedSurface", "narrowing"]) cells.push([s, v, v === "narrowing" ? (stricturing ? 2 : 0) : 3]);
  let left = total;
  let guard = 0;
  while (left > 0 && guard++ < 10000) {
    const [s, v, cap] = pick(cells);
    const seg = segs[s]!;
    // affected surface before ulcers: plausible shape
    if (v !== "affectedSurface" && seg.affectedSurface === 0) continue;
    if (seg[v]! < cap) {
      seg[v]!++;
      left--;
    }
  }
  if (left > 0) throw new Error("sesSegments: cannot place points");
  const out: Rec = {};
  for (const s of explored) out[s] = segs[s]! as Rec;
  return out;
}
/** HBI items with the given total: well-being, pain, stools, mass (0), optional arthralgia. */
function hbiItems(total: number, arthralgia: boolean): Rec {
  let left = total;
  const complications: string[] = [];
  if (arthralgia && left >= 3) {
    complications.push("arthralgia");
    left--;
  }
  const wellBeing = Math.min(2, Math.floor(left / 3));
  left -= wellBeing;
  const abdominalPain = Math.min(2, Math.floor(left / 2));
  left -= abdominalPain;
  return { wellBeing, abdominalPain, liquidStools: left, abdominalMass: 0, complications };
}

// ---------------------------------------------------------------- labs
/** Lab panel at biomarker time j (0 w0, 1 induction, 2 w26, 3 w52, 4 w78). FC/CRP from the target sets; the rest plausible. */
function labsFor(dx: Dx, i: number, j: number, date: string, aeCats: readonly string[]): Rec {
  const g = groupLabs.get(dx)!;
  const fc = g.fc[j]![i]!;
  const crp = g.crp[j]![i]!;
  const esr = j === 0 ? int(8, 34) : int(4, 20);
  const alb = j === 0 ? int(340, 470) / 10 : j === 4 ? int(390, 500) / 10 : int(370, 480) / 10;
  const vitD = j === 0 ? int(300, 700) / 10 : int(350, 800) / 10;
  const dys = aeCats.includes("dyslipidemia") && j >= 2;
  return {
    date,
    crp: { value: crp, unit: "mg/L" },
    fecalCalprotectin: { value: fc, unit: "ug/g" },
    esr: { value: esr, unit: "mm/h" },
    albumin: { value: alb, unit: "g/L" },
    vitaminD: { value: vitD, unit: "nmol/L" },
    wbc: { value: (aeCats.includes("neutropenia") && j === 2 ? int(22, 32) : int(40, 85)) / 10, unit: "10^9/L" },
    hemoglobin: { value: aeCats.includes("anemia") && j === 2 ? int(92, 108) : int(118, 148), unit: "g/L" },
    platelets: { value: j === 0 ? int(260, 420) : int(180, 320), unit: "10^9/L" },
    alt: { value: int(10, 36), unit: "U/L" },
    ast: { value: int(14, 33), unit: "U/L" },
    hdlC: { value: int(95, 150) / 100, unit: "mmol/L" },
    totalCholesterol: { value: dys ? int(560, 680) / 100 : int(330, 500) / 100, unit: "mmol/L" },
    ldlC: { value: dys ? int(345, 420) / 100 : int(170, 320) / 100, unit: "mmol/L" },
    egfr: { value: int(75, 120), unit: "mL/min/1.73m2" },
    ck: { value: aeCats.includes("ckElevation") && j === 2 ? int(420, 600) : int(40, 180), unit: "U/L" },
  };
}

// ---------------------------------------------------------------- screened, not included (42)
/**
 * Exclusions (paper flow, Figure 4): 8 not refractory (one failed mechanism, no other IOIBD criterion),
 * 1 aged < 18, 23 incomplete data (baseline only, no follow-up assessment), 10 other (pregnancy 2,
 * malignancy history 2, serious infection 1, ALT > 3x ULN 1, eGFR < 30 1, prior total colectomy (UC) 1,
 * upadacitinib < 8 weeks 1, started before the study window 1). The paper's 2 "concomitant biologics"
 * are the two included CD patients with infliximab/vedolizumab co-therapy listed in its Table 3
 * (122 - 8 - 1 - 23 - 10 = 80; the paper's -2 would give 78, clinical-definitions.md §2.4).
 */
function buildExcluded(ids: readonly string[]): void {
  const reasons: string[] = [
    ...Array(8).fill("notRefractory"),
    "under18",
    ...Array(23).fill("incomplete"),
    "pregnancy",
    "pregnancy",
    "malignancy",
    "malignancy",
    "seriousInfection",
    "alt",
    "egfr",
    "colectomy",
    "shortCourse",
    "outsideWindow",
  ];
  reasons.forEach((reason, k) => {
    const id = ids[k]!;
    const dx: Dx = reason === "colectomy" ? "UC" : reason === "pregnancy" ? "UC" : k % 3 === 0 ? "UC" : "CD";
    const female = reason === "pregnancy" || k % 2 === 0;
    const start = reason === "outsideWindow" ? "2022-10-17" : `2023-${String(int(1, 9)).padStart(2, "0")}-${String(int(2, 27)).padStart(2, "0")}`;
    const ageDx = reason === "under18" ? 13 : int(18, 45);
    const durM = reason === "under18" ? 40 : int(24, 140);
    const diagnosisDate = addMonths(start, -durM);
    const birthDate = addDays(addMonths(diagnosisDate, -12 * ageDx), -int(3, 25));
    const dsc = addMonths(diagnosisDate, 6);
    const stop = (s: string) => addMonths(s, 8);
    const prior: Rec[] =
      reason === "notRefractory"
        ? [{ drug: "infliximab", startDate: dsc, stopDate: stop(dsc), reasonStopped: "secondaryLossOfResponse" }]
        : [
            { drug: "adalimumab", startDate: dsc, stopDate: stop(dsc), reasonStopped: "primaryNonResponse" },
            { drug: dx === "UC" ? "vedolizumab" : "ustekinumab", startDate: addMonths(dsc, 10), stopDate: stop(addMonths(dsc, 10)), reasonStopped: "secondaryLossOfResponse" },
          ];
    const patient: Rec = {
      id,
      sex: female ? "female" : "male",
      birthDate,
      diagnosis: dx,
      diagnosisDate,
      montreal: dx === "UC" ? { type: "UC", extent: pick(["E2", "E3"]) } : { type: "CD", location: pick(["L1", "L3"]), upperGi: false, behavior: pick(["B1", "B2"]), perianal: false },
      priorTherapies: prior,
      surgeries: reason === "colectomy" ? [{ date: addMonths(diagnosisDate, 12), type: "totalColectomy" }] : [],
      dttConditions: { chronicAntibioticRefractoryPouchitis: false, complexPerianalDisease: false, psychosocialComorbidity: false },
      pregnantOrBreastfeeding: reason === "pregnancy",
      malignancyHistory: reason === "malignancy",
      seriousInfectionHistory: reason === "seriousInfection",
      site: pick(CENTRES),
    };
    patients.push(patient);
    const ind = dx === "UC" ? 56 : 84;
    const short = reason === "shortCourse";
    const course: Rec = {
      id: `${id}-upa`,
      patientId: id,
      drug: "upadacitinib",
      startDate: start,
      dosePeriods: short ? [{ doseMg: 45, startDate: start, endDate: addDays(start, 35), phase: "induction" }] : [
        { doseMg: 45, startDate: start, endDate: addDays(start, ind), phase: "induction" },
        { doseMg: 15, startDate: addDays(start, ind), phase: "maintenance" },
      ],
      concomitantMedications: [],
      corticosteroidsRecorded: true,
    };
    if (short) course.discontinuation = { date: addDays(start, 35), reason: "patientDecision" };
    courses.push(course);
    const days = reason === "incomplete" ? [0] : short ? [0, ind - 10] : [0, ind, 182, 364];
    for (const d of days) {
      const date = addDays(start, d);
      const v: Rec = { id: `${id}-d${d}`, patientId: id, date };
      if (dx === "UC") v.mayo = d === 0 ? { stoolFrequency: 2, rectalBleeding: 2, endoscopic: 2, friability: true, physicianGlobal: 2 } : { stoolFrequency: 1, rectalBleeding: 0, endoscopic: 1, friability: false, physicianGlobal: 1 };
      else {
        v.hbi = hbiItems(d === 0 ? 7 : 3, false);
        v.sesCd = sesSegments(d === 0 ? 10 : 3, ["ileum", "rightColon", "transverseColon", "leftColon", "rectum"], false);
      }
      v.onCorticosteroids = false;
      v.labs = {
        date,
        crp: { value: d === 0 ? 14.2 : 3.1, unit: "mg/L" },
        fecalCalprotectin: { value: d === 0 ? 640 : 90, unit: "ug/g" },
        alt: { value: reason === "alt" ? 168 : 24, unit: "U/L" },
        ast: { value: reason === "alt" ? 131 : 22, unit: "U/L" },
        egfr: { value: reason === "egfr" ? 24 : 96, unit: "mL/min/1.73m2" },
      };
      visits.push(v);
    }
  });
}

// ---------------------------------------------------------------- lab calibration
/**
 * Moves values (integers in `scale` units) within [lo, hi] until their sum is `target`: the paper's means
 * (FC 834.6 / 233.9 / 187.1 µg/g, ESR 19.8 / 10.3 / 11.3 mm/h, albumin 41.1 / 42.5 / 44.2 g/L at
 * w0 / induction / w78; CRP 3.0 mg/L at w78) are then reproduced exactly, without moving any value across its
 * normal limit.
 */
function calibrate(values: number[], lo: readonly number[], hi: readonly number[], target: number): void {
  let diff = target - values.reduce((a, b) => a + b, 0);
  for (let guard = 0; diff !== 0 && guard < 200000; guard++) {
    const i = int(0, values.length - 1);
    const room = diff > 0 ? hi[i]! - values[i]! : values[i]! - lo[i]!;
    if (room <= 0) continue;
    const step = Math.min(Math.abs(diff), room, Math.max(1, Math.ceil(Math.abs(diff) / values.length) * 3));
    values[i] = values[i]! + Math.sign(diff) * step;
    diff -= Math.sign(diff) * step;
  }
  if (diff !== 0) throw new Error("calibrate: cannot reach the target sum");
}
type LabKey = "fecalCalprotectin" | "esr" | "albumin" | "vitaminD" | "crp";
function calibrateLabs(ids: readonly string[]): void {
  const tag = ["w0", "ind", "w26", "w52", "w78"];
  const at = (j: number) =>
    ids.map((id) => {
      const v = visits.find((x) => x.patientId === id && (String(x.id).endsWith(`-${tag[j]}`) || (j === 1 && /-(w8|w12)$/.test(String(x.id)))))!;
      return (v.labs as Record<string, { value: number }>);
    });
  const set = (labs: Record<string, { value: number }>[], key: LabKey, vals: readonly number[], scale: number) =>
    labs.forEach((l, i) => (l[key]!.value = vals[i]! / scale));
  const n = ids.length;
  // albumin normal (40-55 g/L) 60/80 at w0 and 74/80 at w78; 25(OH)D normal (50-125 nmol/L) 62/80 and 71/80
  const normalSets: [LabKey, number, number, number, number, number, number][] = [
    // key, j, normal count, normal lo, normal hi, abnormal lo, abnormal hi (tenths)
    ["albumin", 0, 60, 400, 480, 310, 395],
    ["albumin", 4, 74, 405, 500, 340, 395],
    ["vitaminD", 0, 62, 505, 780, 250, 480],
    ["vitaminD", 4, 71, 520, 860, 300, 480],
  ];
  for (const [key, j, k, nlo, nhi, alo, ahi] of normalSets) {
    const normal = flags(n, k);
    set(at(j), key, normal.map((f) => (f ? int(nlo, nhi) : int(alo, ahi))), 10);
  }
  const means: [LabKey, number, number, number, (v: number) => [number, number]][] = [
    ["fecalCalprotectin", 0, 834.6, 1, (v) => (v < 150 ? [15, 140] : [160, 4000])],
    ["fecalCalprotectin", 1, 233.9, 1, (v) => (v < 150 ? [15, 140] : [160, 2500])],
    ["fecalCalprotectin", 4, 187.1, 1, (v) => (v < 150 ? [15, 140] : [160, 3000])],
    ["esr", 0, 19.8, 1, () => [6, 60]],
    ["esr", 1, 10.3, 1, () => [2, 30]],
    ["esr", 4, 11.3, 1, () => [2, 30]],
    ["albumin", 0, 41.1, 10, (v) => (v >= 40 ? [400, 520] : [310, 399])],
    ["albumin", 1, 42.5, 10, () => [350, 500]],
    ["albumin", 4, 44.2, 10, (v) => (v >= 40 ? [400, 540] : [340, 399])],
    // CRP week 78: 3.0 mg/L is reachable with 17/80 at >= 8 mg/L (baseline 5.3 and induction 1.1 are not)
    ["crp", 4, 3.0, 10, (v) => (v < 8 ? [3, 79] : [81, 160])],
  ];
  for (const [key, j, mean, scale, bounds] of means) {
    const labs = at(j);
    const vals = labs.map((l) => Math.round(l[key]!.value * scale));
    const lo = vals.map((v) => bounds(v / scale)[0]);
    const hi = vals.map((v) => bounds(v / scale)[1]);
    calibrate(vals, lo, hi, Math.round(mean * scale * n));
    set(labs, key, vals, scale);
  }
}

// ---------------------------------------------------------------- main
function main(): string {
  const ids = shuffle([...Array(122).keys()].map((k) => `P${String(k + 1).padStart(3, "0")}`));
  const ucIds = ids.slice(0, 28);
  const cdIds = ids.slice(28, 80);
  const exIds = ids.slice(80);
  buildGroup("UC", ucIds);
  buildGroup("CD", cdIds);
  buildExcluded(exIds);
  calibrateLabs([...ucIds, ...cdIds]);
  const byId = (a: Rec, b: Rec) => (String(a.id) < String(b.id) ? -1 : String(a.id) > String(b.id) ? 1 : 0);
  const byPatient = (a: Rec, b: Rec) => {
    const pa = String(a.patientId);
    const pb = String(b.patientId);
    if (pa !== pb) return pa < pb ? -1 : 1;
    const da = String(a.date ?? a.onsetDate ?? a.startDate);
    const db = String(b.date ?? b.onsetDate ?? b.startDate);
    return da < db ? -1 : da > db ? 1 : 0;
  };
  const cohort = {
    patients: patients.sort(byId),
    courses: courses.sort(byPatient),
    visits: visits.sort(byPatient),
    adverseEvents: adverseEvents.sort(byPatient),
  };
  return `${JSON.stringify(cohort, null, 1)}\n`;
}

/**
 * Reasons of the 13 discontinuations ("due to inefficacy or surgery", Discussion): CD 8 lack of
 * efficacy + 3 surgery, UC 1 + 1; by the patient's rank among the discontinued (no PRNG draw).
 */
function discontinuationReason(dx: string, rank: number): string {
  const surgeries = dx === "UC" ? 1 : 3;
  return rank % 3 === 2 && rank < 3 * surgeries ? "surgery" : dx === "UC" && rank === 1 ? "surgery" : "lackOfEfficacy";
}

const here = dirname(fileURLToPath(import.meta.url));
const outFile = join(here, "cohort.json");
const text = main();
if (process.argv.includes("--check")) {
  const onDisk = readFileSync(outFile, "utf8");
  if (onDisk !== text) {
    console.error("examples/data/cohort.json differs from what generate-cohort.ts writes; run it again.");
    process.exit(1);
  }
  console.log("examples/data/cohort.json is up to date.");
} else {
  writeFileSync(outFile, text);
  console.log(`wrote ${outFile} (${patients.length} patients, ${courses.length} courses, ${visits.length} visits, ${adverseEvents.length} adverse events)`);
}
void q7;
void round1;
void included;
