/**
 * Private Harrell's concordance of a Cox model's linear predictor with its infinitesimal-jackknife
 * standard error, in O(n log n) with Fenwick trees over the predictor's ranks.
 * @packageDocumentation
 */

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
export function concordance(c: ConcordanceInput): { estimate: number; stdError: number } {
  const { n, eta, time, status, entry, weights: w, stratum, cluster } = c;
  const Ni = new Float64Array(n);
  const Di = new Float64Array(n);
  let N = 0;
  let D = 0;
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    let l = groups.get(stratum[i]!);
    if (l === undefined) groups.set(stratum[i]!, (l = []));
    l.push(i);
  }
  for (const members of groups.values()) {
    const m = members.length;
    // ranks of eta within the stratum
    const sortedEta = Float64Array.from(members, (i) => eta[i]!).sort();
    let u = 0;
    for (let k = 0; k < m; k++) if (k === 0 || sortedEta[k] !== sortedEta[u - 1]) sortedEta[u++] = sortedEta[k]!;
    const vals = sortedEta.subarray(0, u);
    const rankOf = (v: number): number => {
      let lo = 0;
      let hi = u - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (vals[mid]! < v) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    const rk = new Int32Array(n);
    for (const i of members) rk[i] = rankOf(eta[i]!);

    // Side 1: each event i against its comparison set (sweep time descending).
    const desc = members.slice().sort((a, b) => time[b]! - time[a]!);
    const byEntryDesc = entry === null ? null : members.slice().sort((a, b) => entry[b]! - entry[a]!);
    const bit = new Fenwick(u);
    let q = 0;
    let qe = 0;
    while (q < m) {
      const t = time[desc[q]!]!;
      let e = q;
      while (e < m && time[desc[e]!] === t) e++;
      for (let k = q; k < e; k++) {
        const i = desc[k]!;
        if (status[i] === 0) bit.add(rk[i]!, w[i]!);
      }
      if (byEntryDesc !== null && entry !== null) {
        while (qe < m && entry[byEntryDesc[qe]!]! >= t) {
          const i = byEntryDesc[qe]!;
          // time_i > entry_i >= t: subject i is already in the tree
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
      for (let k = q; k < e; k++) {
        const i = desc[k]!;
        if (status[i] !== 0) {
          // deaths join the comparison sets of earlier event times
          bit.add(rk[i]!, w[i]!);
        }
      }
      q = e;
    }
    // Side 2: each subject j as the comparator of earlier events (sweep events ascending).
    // j's window: events with entry_j < t_i < t_j (j an event) or <= t_j (j censored).
    const events = members.filter((i) => status[i] !== 0).sort((a, b) => time[a]! - time[b]!);
    interface Query {
      j: number;
      at: number;
      inclusive: boolean;
      sign: number;
    }
    const queries: Query[] = [];
    for (const j of members) {
      queries.push({ j, at: time[j]!, inclusive: status[j] === 0, sign: 1 });
      if (entry !== null) queries.push({ j, at: entry[j]!, inclusive: true, sign: -1 });
    }
    // order: by threshold; exclusive queries at t come before events at t, inclusive after
    queries.sort((a, b) => a.at - b.at || (a.inclusive === b.inclusive ? 0 : a.inclusive ? 1 : -1));
    const bit2 = new Fenwick(u);
    let pe = 0;
    for (const qq of queries) {
      while (pe < events.length && (time[events[pe]!]! < qq.at || (qq.inclusive && time[events[pe]!] === qq.at))) {
        const i = events[pe]!;
        bit2.add(rk[i]!, w[i]!);
        pe++;
      }
      const r = rk[qq.j]!;
      const below = bit2.below(r);
      const upto = bit2.below(r + 1);
      const tie = upto - below;
      const above = bit2.sum - upto;
      Ni[qq.j]! += qq.sign * (above + tie / 2);
      Di[qq.j]! += qq.sign * bit2.sum;
    }
  }
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
