/**
 * Private Harrell's concordance of a Cox model's linear predictor with its infinitesimal-jackknife
 * standard error, in O(n log n) with Fenwick trees over the predictor's ranks.
 * @packageDocumentation
 */
import { descendingWithinStrata } from "./cox.js";
import { rankDistinct } from "./input.js";

class Fenwick {
  private readonly t: Float64Array;
  private total = 0;
  constructor(private readonly size: number) {
    this.t = new Float64Array(size + 1);
  }
  add(i: number, v: number): void {
    this.total += v;
    for (let k = i + 1; k <= this.size; k += k & -k) this.t[k]! += v;
  }
  /** Sum over ranks < i. */
  below(i: number): number {
    let s = 0;
    for (let k = i; k > 0; k -= k & -k) s += this.t[k]!;
    return s;
  }
  get sum(): number {
    return this.total;
  }
  reset(): void {
    this.t.fill(0);
    this.total = 0;
  }
}

/** Inputs for {@link concordance}. */
export interface ConcordanceInput {
  n: number;
  eta: Float64Array;
  time: Float64Array;
  status: Int32Array;
  entry: Float64Array | null;
  weights: Float64Array;
  stratum: Int32Array;
  /** Cluster index per subject (influence summed within clusters), or null. */
  cluster: Int32Array | null;
}

/**
 * Concordance: over pairs (i event, j at risk after t_i, or censored at t_i), a pair is
 * concordant when eta_i > eta_j; ties in eta count one half; pairs within strata only.
 * Returns the estimate and sqrt(sum_i (w_i dC/dw_i)^2).
 */
export function concordance(c: ConcordanceInput): { estimate: number | null; stdError: number | null } {
  const { n, eta, time, status, entry, weights: w, stratum, cluster } = c;
  const Ni = new Float64Array(n);
  const Di = new Float64Array(n);
  let N = 0;
  let D = 0;
  // subjects by stratum then time descending (and entry descending): counting sorts
  let nStrata = 0;
  for (let i = 0; i < n; i++) if (stratum[i]! + 1 > nStrata) nStrata = stratum[i]! + 1;
  const desc = descendingWithinStrata(time, stratum, nStrata);
  const entryDesc = entry === null ? null : descendingWithinStrata(entry, stratum, nStrata);
  // ranks of eta (global ranks preserve the order within every stratum)
  const { values, index: rk } = rankDistinct(eta);
  const u = values.length;
  const bit = new Fenwick(u);
  const bit2 = new Fenwick(u);
  let start = 0;
  let qe = 0;
  while (start < n) {
    const st = stratum[desc[start]!]!;
    let end = start;
    while (end < n && stratum[desc[end]!] === st) end++;
    // Side 1: each event i against its comparison set (time descending).
    let q = start;
    while (q < end) {
      const t = time[desc[q]!]!;
      let e = q;
      while (e < end && time[desc[e]!] === t) e++;
      for (let k = q; k < e; k++) {
        const i = desc[k]!;
        if (status[i] === 0) bit.add(rk[i]!, w[i]!);
      }
      if (entryDesc !== null && entry !== null) {
        // time_i > entry_i >= t: subject i is already in the tree
        while (qe < n && stratum[entryDesc[qe]!] === st && entry[entryDesc[qe]!]! >= t) {
          const i = entryDesc[qe]!;
          bit.add(rk[i]!, -w[i]!);
          qe++;
        }
      }
      for (let k = q; k < e; k++) {
        const i = desc[k]!;
        if (status[i] === 0) continue;
        const r = rk[i]!;
        const below = bit.below(r);
        const tie = bit.below(r + 1) - below;
        const tot = bit.sum;
        const conc = below + tie / 2;
        Ni[i]! += conc;
        Di[i]! += tot;
        N += w[i]! * conc;
        D += w[i]! * tot;
      }
      // deaths join the comparison sets of earlier event times
      for (let k = q; k < e; k++) {
        const i = desc[k]!;
        if (status[i] !== 0) bit.add(rk[i]!, w[i]!);
      }
      q = e;
    }
    if (entryDesc !== null) while (qe < n && stratum[entryDesc[qe]!] === st) qe++;
    // Side 2: subject j as the comparator of events i with entry_j < t_i < t_j (j an event) or
    // <= t_j (j censored): time ascending; events at t join after the deaths at t are queried.
    const query = (j: number, sign: number): void => {
      const r = rk[j]!;
      const below = bit2.below(r);
      const upto = bit2.below(r + 1);
      Ni[j]! += sign * (bit2.sum - upto + (upto - below) / 2);
      Di[j]! += sign * bit2.sum;
    };
    // entries ascending within this stratum: entryDesc[stratumEnd-1 .. stratumStart]
    let pe = entryDesc === null ? -1 : qe - 1;
    const entryStart = entryDesc === null ? 0 : qe - (end - start);
    q = end - 1;
    while (q >= start) {
      const t = time[desc[q]!]!;
      let e = q;
      while (e >= start && time[desc[e]!] === t) e--;
      // subtract, at their entry, the events up to and including entry_j (entry_j < t here)
      if (entryDesc !== null && entry !== null) {
        while (pe >= entryStart && entry[entryDesc[pe]!]! < t) {
          query(entryDesc[pe]!, -1);
          pe--;
        }
      }
      for (let k = q; k > e; k--) if (status[desc[k]!] !== 0) query(desc[k]!, 1);
      for (let k = q; k > e; k--) {
        const i = desc[k]!;
        if (status[i] !== 0) bit2.add(rk[i]!, w[i]!);
      }
      if (entryDesc !== null && entry !== null) {
        while (pe >= entryStart && entry[entryDesc[pe]!]! <= t) {
          query(entryDesc[pe]!, -1);
          pe--;
        }
      }
      for (let k = q; k > e; k--) if (status[desc[k]!] === 0) query(desc[k]!, 1);
      q = e;
    }
    bit.reset();
    bit2.reset();
    start = end;
  }
  // no comparable pair (e.g. every event time tied with every other follow-up): coxph gives NaN
  if (!(D > 0)) return { estimate: null, stdError: null };
  const C = N / D;
  let v = 0;
  if (cluster === null) {
    for (let i = 0; i < n; i++) {
      const inf = (w[i]! * (Ni[i]! - C * Di[i]!)) / D;
      v += inf * inf;
    }
  } else {
    const sums = new Map<number, number>();
    for (let i = 0; i < n; i++) sums.set(cluster[i]!, (sums.get(cluster[i]!) ?? 0) + (w[i]! * (Ni[i]! - C * Di[i]!)) / D);
    for (const s of sums.values()) v += s * s;
  }
  return { estimate: C, stdError: Math.sqrt(v) };
}
