/**
 * Private: exact p-value of Fisher's test on r x c tables by a network algorithm (Mehta & Patel 1983).
 *
 * Columns are filled one at a time; a node is the multiset of remaining row totals (rows with equal
 * remaining totals are interchangeable, so nodes are sorted vectors). A path's value ("past") is
 * -sum log x! over the filled cells, and a complete table has log P = K + past. Each node carries the
 * distinct past values reaching it with their accumulated weights (merged exactly: weights rescale).
 * For every node and column fill the remaining path value is bounded (relaxations that drop either the
 * row or the column constraints give an upper bound of the longest and a lower bound of the shortest
 * path): pasts whose every completion is at least as extreme are added in closed form (the sum over
 * completions of prod 1/x! is N'! / (prod r'! prod c'!)), pasts that no completion can make extreme are
 * dropped, and only the rest are carried on. Nodes with two columns left are resolved exactly: their
 * completions (one per fill of the next column) are listed once, sorted, with cumulative sums, so each
 * incoming past costs one binary search. "At least as extreme" is log P <= log P_obs + 3.45254e-7
 * (FEXACT's tolerance). Sums are kept relative to P_obs, so tiny p-values keep their relative accuracy.
 * @see Mehta CR, Patel NR. A network algorithm for performing Fisher's exact test in r x c contingency
 *   tables. J Am Stat Assoc 1983;78(382):427-434. doi:10.1080/01621459.1983.10477989
 * @packageDocumentation
 */

/** Work budget (column fills enumerated plus paths carried). Beyond it the test throws a RangeError. */
export const FISHER_WORK_LIMIT = 2e8;

/** Thrown (and converted by the caller) when the work budget is exceeded. */
export class FisherWorkLimit extends Error {}

interface Bounds {
  lp: number; // log of the sum over completions of prod 1/x!
  maxF: number; // upper bound of the longest remaining path
  minF: number; // lower bound of the shortest remaining path
}

interface TwoCol {
  g: Float64Array; // completion values, ascending
  eg: Float64Array; // eg[k] = sum_{i <= k} m_i exp(g[i] - max g)
  m: Float64Array | undefined; // multiplicities (undefined = all 1)
  // Bucket index: idx[b] = last k with g[k] < gMin + (b + 1) / inv (or -1), for O(1) searches.
  idx: Int32Array;
  inv: number;
}

interface Node {
  rho: Int32Array; // sorted descending
  pasts: number[];
  weights: number[]; // contribution = weight * exp(past + ...)
  table: PastTable;
}

/**
 * Open-addressing hash from a rounded past value to its slot in `pasts` (faster than a Map for the
 * millions of insertions of large tables).
 */
class PastTable {
  keys = new Float64Array(16);
  slots = new Int32Array(16).fill(-1);
  size = 0;

  private static hash(k: number, mask: number): number {
    const lo = k | 0;
    const hi = (k / 4294967296) | 0;
    return (Math.imul(lo ^ Math.imul(hi, 0x85ebca6b), 0x9e3779b1) >>> 7) & mask;
  }

  /** Slot of key k, or -1. */
  get(k: number): number {
    const mask = this.keys.length - 1;
    let h = PastTable.hash(k, mask);
    for (;;) {
      const s = this.slots[h]!;
      if (s === -1) return -1;
      if (this.keys[h] === k) return s;
      h = (h + 1) & mask;
    }
  }

  set(k: number, slot: number): void {
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    const mask = this.keys.length - 1;
    let h = PastTable.hash(k, mask);
    while (this.slots[h] !== -1) h = (h + 1) & mask;
    this.keys[h] = k;
    this.slots[h] = slot;
    this.size++;
  }

  private grow(): void {
    const oldK = this.keys;
    const oldS = this.slots;
    this.keys = new Float64Array(oldK.length * 2);
    this.slots = new Int32Array(oldK.length * 2).fill(-1);
    const mask = this.keys.length - 1;
    for (let i = 0; i < oldK.length; i++) {
      if (oldS[i] === -1) continue;
      let h = PastTable.hash(oldK[i]!, mask);
      while (this.slots[h] !== -1) h = (h + 1) & mask;
      this.keys[h] = oldK[i]!;
      this.slots[h] = oldS[i]!;
    }
  }
}

const MERGE = 1e9; // pasts equal to about 1e-9 share an entry (weights rescaled exactly)

function lgammaInt(k: number): number {
  let s = 0;
  for (let i = 2; i <= k; i++) s += Math.log(i);
  return s;
}

/** The p-value of Fisher's exact test on an r x c table whose margins are all positive (r, c >= 2). */
export function fisherNetworkPValue(table: readonly (readonly number[])[]): number {
  // Orient so that rows are the smaller dimension (shorter node keys, fewer fills).
  let t = table.map((r) => [...r]);
  if (t.length > t[0]!.length) t = t[0]!.map((_, j) => t.map((r) => r[j]!));
  const R = t.length;
  const rows = t.map((r) => r.reduce((a, b) => a + b, 0));
  // Largest columns first: the two smallest are resolved exactly at the end.
  const cols = t[0]!.map((_, j) => t.reduce((a, r) => a + r[j]!, 0)).sort((a, b) => b - a);
  const C = cols.length;
  const N = rows.reduce((a, b) => a + b, 0);
  const lf = new Float64Array(N + 1);
  for (let k = 2; k <= N; k++) lf[k] = lf[k - 1]! + Math.log(k);
  let K = -lf[N]!;
  for (const r of rows) K += lf[r]!;
  for (const c of cols) K += lf[c]!;
  let obsPast = 0;
  for (const r of t) for (const v of r) obsPast -= lf[v]!;
  const T = obsPast + 3.45254e-7;
  const colSuffixLf = new Float64Array(C + 1);
  for (let j = C - 1; j >= 0; j--) colSuffixLf[j] = colSuffixLf[j + 1]! + lf[cols[j]!]!;

  const base = Math.max(...rows) + 1;
  const numericKey = Math.pow(base, R) < 2 ** 52;
  const keyOf = (rho: Int32Array): number | string => {
    if (!numericKey) return rho.join(",");
    let k = 0;
    for (let i = 0; i < R; i++) k = k * base + rho[i]!;
    return k;
  };

  let work = 0;
  const spend = (n: number): void => {
    work += n;
    if (work > FISHER_WORK_LIMIT) throw new FisherWorkLimit();
  };

  /** max of sum -lf(x_i) with sum x = total, 0 <= x_i <= caps_i (caps ascending): water filling. */
  const evenMax = (capsAsc: readonly number[], total: number): number => {
    let rem = total;
    let v = 0;
    const k = capsAsc.length;
    for (let i = 0; i < k; i++) {
      const left = k - i;
      const share = Math.floor(rem / left);
      if (capsAsc[i]! <= share) {
        v -= lf[capsAsc[i]!]!;
        rem -= capsAsc[i]!;
      } else {
        const extra = rem - share * left;
        return v - ((left - extra) * lf[share]! + extra * lf[share + 1]!);
      }
    }
    return v;
  };
  /** min of sum -lf(x_i): concentrate into the largest caps (caps descending). */
  const concMin = (capsDesc: readonly number[], total: number): number => {
    let rem = total;
    let v = 0;
    for (let i = 0; i < capsDesc.length && rem > 0; i++) {
      const x = Math.min(capsDesc[i]!, rem);
      v -= lf[x]!;
      rem -= x;
    }
    return v;
  };

  const boundsCache = new Map<number | string, Bounds>();
  /** Bounds for a node with columns j..C-1 left (j <= C - 3). */
  const bounds = (rho: Int32Array, j: number, key: number | string): Bounds => {
    const hit = boundsCache.get(key);
    if (hit !== undefined) return hit;
    let nrem = 0;
    let sumLfRho = 0;
    for (let i = 0; i < R; i++) {
      nrem += rho[i]!;
      sumLfRho += lf[rho[i]!]!;
    }
    const lp = lf[nrem]! - sumLfRho - colSuffixLf[j]!;
    const rhoPos = Array.from(rho).filter((v) => v > 0);
    const rhoAsc = [...rhoPos].sort((a, b) => a - b);
    const rhoDesc = [...rhoPos].sort((a, b) => b - a);
    const cRem = cols.slice(j);
    const cAsc = [...cRem].sort((a, b) => a - b);
    const cDesc = [...cRem].sort((a, b) => b - a);
    let ub1 = 0;
    let lb1 = 0;
    for (const c of cRem) {
      ub1 += evenMax(rhoAsc, c);
      lb1 += concMin(rhoDesc, c);
    }
    let ub2 = 0;
    let lb2 = 0;
    for (const r of rhoPos) {
      ub2 += evenMax(cAsc, r);
      lb2 += concMin(cDesc, r);
    }
    const b: Bounds = { lp, maxF: Math.min(ub1, ub2), minF: Math.max(lb1, lb2) };
    boundsCache.set(key, b);
    return b;
  };

  /**
   * Enumerates fills x of a column of total c under caps rho (sorted descending); calls
   * visit(x, cost = -sum lf(x), mult). Rows with equal caps are interchangeable, so only fills that are
   * non-increasing within each block of equal caps are listed, `mult` counting their distinct permutations.
   */
  const smallFact = [1, 1, 2, 6, 24, 120, 720, 5040, 40320, 362880, 3628800, 39916800, 479001600];
  const fact = (k: number): number => (k < smallFact.length ? smallFact[k]! : Math.exp(lf.length > k ? lf[k]! : lgammaInt(k)));
  const forEachFill = (rho: Int32Array, c: number, visit: (x: Int32Array, cost: number, mult: number, rest: number) => void): void => {
    const x = new Int32Array(R);
    const capSuffix = new Int32Array(R + 1);
    for (let i = R - 1; i >= 0; i--) capSuffix[i] = capSuffix[i + 1]! + rho[i]!;
    let hasTies = false;
    for (let i = 1; i < R; i++) if (rho[i] === rho[i - 1]) hasTies = true;
    const multiplicity = (): number => {
      if (!hasTies) return 1;
      let m = 1;
      let i = 0;
      while (i < R) {
        let j = i;
        while (j + 1 < R && rho[j + 1] === rho[i]) j++;
        if (j > i) {
          let d = 1;
          let k = i;
          while (k <= j) {
            let l = k;
            while (l + 1 <= j && x[l + 1] === x[k]) l++;
            d *= fact(l - k + 1);
            k = l + 1;
          }
          m *= fact(j - i + 1) / d;
        }
        i = j + 1;
      }
      return m;
    };
    // cost = -sum lf(x_i); rest = -sum lf(rho_i - x_i) (the value of the last column when two are left).
    const rec = (i: number, rem: number, cost: number, rest: number): void => {
      const tied = hasTies && i > 0 && rho[i] === rho[i - 1];
      const ri = rho[i]!;
      if (i === R - 1) {
        if (tied && rem > x[i - 1]!) return;
        x[i] = rem;
        visit(x, cost - lf[rem]!, multiplicity(), rest - lf[ri - rem]!);
        return;
      }
      const lo = Math.max(0, rem - capSuffix[i + 1]!);
      const hi = tied ? Math.min(ri, rem, x[i - 1]!) : Math.min(ri, rem);
      for (let v = lo; v <= hi; v++) {
        x[i] = v;
        rec(i + 1, rem - v, cost - lf[v]!, rest - lf[ri - v]!);
      }
    };
    rec(0, c, 0, 0);
  };

  const twoColCache = new Map<number | string, TwoCol>();
  let scratchG = new Float64Array(1024);
  let scratchM = new Float64Array(1024);
  /** All completions of a node with columns C-2, C-1 left: values sorted with cumulative sums. */
  const twoCol = (rho: Int32Array, key: number | string): TwoCol => {
    const hit = twoColCache.get(key);
    if (hit !== undefined) return hit;
    let len = 0;
    let anyMult = false;
    const c = cols[C - 2]!;
    forEachFill(rho, c, (_x, cost, mult, rest) => {
      const v = cost + rest;
      if (len === scratchG.length) {
        const ng = new Float64Array(len * 2);
        ng.set(scratchG);
        scratchG = ng;
        const nm = new Float64Array(len * 2);
        nm.set(scratchM);
        scratchM = nm;
      }
      scratchG[len] = v;
      scratchM[len] = mult;
      if (mult !== 1) anyMult = true;
      len++;
      if (len + work > FISHER_WORK_LIMIT) throw new FisherWorkLimit();
    });
    spend(len);
    let g: Float64Array;
    let m: Float64Array | undefined;
    if (!anyMult) g = scratchG.slice(0, len).sort();
    else {
      const ord = new Uint32Array(len);
      for (let i = 0; i < len; i++) ord[i] = i;
      ord.sort((p, q) => scratchG[p]! - scratchG[q]!);
      g = new Float64Array(len);
      m = new Float64Array(len);
      for (let i = 0; i < len; i++) {
        g[i] = scratchG[ord[i]!]!;
        m[i] = scratchM[ord[i]!]!;
      }
    }
    const gMax = g[len - 1]!;
    const eg = new Float64Array(len);
    let run = 0;
    for (let i = 0; i < len; i++) {
      run += (m === undefined ? 1 : m[i]!) * Math.exp(g[i]! - gMax);
      eg[i] = run;
    }
    const nb = Math.max(1, 2 * len);
    const width = g[len - 1]! - g[0]!;
    const inv = width > 0 ? nb / width : 0;
    const idx = new Int32Array(nb + 1);
    {
      let k = -1;
      for (let b = 0; b <= nb; b++) {
        const edge = g[0]! + (b + 1) / inv;
        while (k + 1 < len && (inv === 0 || g[k + 1]! < edge)) k++;
        idx[b] = k;
      }
    }
    const tc: TwoCol = { g, eg, m, idx, inv };
    twoColCache.set(key, tc);
    return tc;
  };
  /** log of sum_{i <= k} m_i exp(g_i) without underflow (used only when eg[k] underflows). */
  const logPrefix = (tc: TwoCol, k: number): number => {
    const top = tc.g[k]!;
    let sum = 0;
    for (let i = 0; i <= k; i++) sum += (tc.m === undefined ? 1 : tc.m[i]!) * Math.exp(tc.g[i]! - top);
    return top + Math.log(sum);
  };

  // Accumulated p-value in units of exp(T + K) (i.e. relative to P_obs), Neumaier-compensated:
  // millions of terms are added, so plain summation would lose about 1e-10.
  let acc = 0;
  let comp = 0;
  const add = (v: number): void => {
    const t2 = acc + v;
    if (Math.abs(acc) >= Math.abs(v)) comp += acc - t2 + v;
    else comp += v - t2 + acc;
    acc = t2;
  };

  /** Sorted, merged pasts of a node with running sums S[k] = sum_{i <= k} w_i exp(P_i - P_k). */
  const prepare = (node: Node): { P: Float64Array; S: Float64Array; W: Float64Array; EP: Float64Array } => {
    const n = node.pasts.length;
    const ord = Array.from({ length: n }, (_, i) => i).sort((a, b) => node.pasts[a]! - node.pasts[b]!);
    const P = new Float64Array(n);
    const W = new Float64Array(n);
    const S = new Float64Array(n);
    let run = 0;
    ord.forEach((o, k) => {
      P[k] = node.pasts[o]!;
      W[k] = node.weights[o]!;
      run = (k === 0 ? 0 : run * Math.exp(P[k - 1]! - P[k]!)) + W[k]!;
      S[k] = run;
    });
    const EP = new Float64Array(n);
    for (let k = 0; k < n; k++) EP[k] = W[k]! * Math.exp(P[k]! - P[n - 1]!);
    return { P, S, W, EP };
  };

  /** Last index i with A[i] <= u (or -1). */
  const lastLE = (A: Float64Array, u: number, from = 0): number => {
    let a = from;
    let b = A.length;
    while (a < b) {
      const mid = (a + b) >>> 1;
      if (A[mid]! <= u) a = mid + 1;
      else b = mid;
    }
    return a - 1;
  };

  // A priori: the first column alone must not need more fills than the budget.
  {
    let ways = new Float64Array(cols[0]! + 1);
    ways[0] = 1;
    for (const r of rows) {
      const nw = new Float64Array(cols[0]! + 1);
      for (let s0 = 0; s0 <= cols[0]!; s0++) {
        if (ways[s0] === 0) continue;
        for (let v = 0; v <= r && s0 + v <= cols[0]!; v++) nw[s0 + v]! += ways[s0]!;
      }
      ways = nw;
    }
    if (ways[cols[0]!]! > FISHER_WORK_LIMIT) throw new FisherWorkLimit();
  }
  const child = new Int32Array(R);
  const rho0 = Int32Array.from([...rows].sort((a, b) => b - a));
  let stage = new Map<number | string, Node>();
  stage.set(keyOf(rho0), { rho: rho0, pasts: [0], weights: [1], table: new PastTable() });

  if (C === 2) {
    const tc = twoCol(rho0, keyOf(rho0));
    const k = lastLE(tc.g, T);
    if (k >= 0) add(Math.exp(logPrefix(tc, k) - T));
    return Math.min(1, Math.exp(T + K) * (acc + comp));
  }

  for (let j = 0; j <= C - 3; j++) {
    const next = new Map<number | string, Node>();
    const c = cols[j]!;
    const lastStage = j === C - 3; // children have two columns left
    for (const node of stage.values()) {
      const rho = node.rho;
      const { P, S, W, EP } = prepare(node);
      const nP = P.length;
      const pMin = P[0]!;
      const pMax = P[nP - 1]!;
      forEachFill(rho, c, (x, cost, mult) => {
        if (++work > FISHER_WORK_LIMIT) throw new FisherWorkLimit();
        for (let i = 0; i < R; i++) {
          const v = rho[i]! - x[i]!;
          let k = i;
          while (k > 0 && child[k - 1]! < v) {
            child[k] = child[k - 1]!;
            k--;
          }
          child[k] = v;
        }
        const key = keyOf(child);
        if (lastStage) {
          const tc = twoCol(child, key);
          const g = tc.g;
          const ng = g.length;
          const gMin = g[0]!;
          const gMax = g[ng - 1]!;
          // Pasts with p + cost + gMax <= T take every completion.
          const full = pMax + cost + gMax <= T ? nP - 1 : lastLE(P, T - cost - gMax);
          if (full >= 0) add(mult * Math.exp(P[full]! + cost + gMax - T) * S[full]! * tc.eg[ng - 1]!);
          const cut = T - cost - gMin;
          let i = full + 1;
          if (i < nP && P[i]! <= cut) {
            const f = mult * Math.exp(pMax + cost + gMax - T);
            const idx = tc.idx;
            const inv = tc.inv;
            const eg = tc.eg;
            let local = 0;
            for (; i < nP && P[i]! <= cut; i++) {
              const u = T - P[i]! - cost;
              // Last k with g[k] <= u: start from the bucket of u, step to the exact place.
              let bkt = inv === 0 ? idx.length - 1 : ((u - gMin) * inv) | 0;
              if (bkt >= idx.length) bkt = idx.length - 1;
              let k = idx[bkt]!;
              while (k + 1 < ng && g[k + 1]! <= u) k++;
              while (k >= 0 && g[k]! > u) k--;
              const a = EP[i]!;
              const e = eg[k]!;
              if (a > 1e-280 && e > 1e-280) local += a * e;
              else add(mult * W[i]! * Math.exp(P[i]! + cost + logPrefix(tc, k) - T));
            }
            add(f * local);
            work += (i - full) / 10;
          }
          return;
        }
        const b = bounds(child, j + 1, key);
        const hiCut = T - cost - b.maxF; // pasts <= hiCut: every completion extreme
        const loCut = T - cost - b.minF; // pasts > loCut: none
        if (pMin > loCut) return;
        const full = pMax <= hiCut ? nP - 1 : lastLE(P, hiCut);
        if (full >= 0) add(mult * Math.exp(P[full]! + cost + b.lp - T) * S[full]!);
        if (full + 1 < nP && P[full + 1]! <= loCut) {
          let cn = next.get(key);
          if (cn === undefined) {
            cn = { rho: Int32Array.from(child), pasts: [], weights: [], table: new PastTable() };
            next.set(key, cn);
          }
          for (let i = full + 1; i < nP && P[i]! <= loCut; i++) {
            const np = P[i]! + cost;
            const mk = Math.round(np * MERGE);
            const at = cn.table.get(mk);
            if (at === -1) {
              cn.table.set(mk, cn.pasts.length);
              cn.pasts.push(np);
              cn.weights.push(mult * W[i]!);
            } else {
              cn.weights[at]! += mult * W[i]! * Math.exp(np - cn.pasts[at]!);
            }
            work++;
          }
        }
      });
      spend(0);
    }
    stage = next;
  }
  return Math.min(1, Math.exp(T + K + Math.log(acc + comp)));
}
