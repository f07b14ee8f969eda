/**
 * Private random forest for borutaSelection: classification trees (Breiman 2001, Mach Learn
 * 45:5-32, doi:10.1023/A:1010933404324) with Gini splits, bootstrap samples, `mtry` candidate
 * features per node, grown to purity, and permutation importance on the out-of-bag samples,
 * scaled by its standard error across trees (ranger's `importance = "permutation"`,
 * `scale.permutation.importance = TRUE`, which Boruta uses by default). All randomness comes from
 * the caller's seeded generator, so the forest is deterministic.
 */
import type { Random } from "../_random/index.js";

/** Column-major data: feature f of observation i at `x[f * n + i]`; classes 0..nClasses-1. */
export interface ForestData {
  readonly n: number;
  readonly m: number;
  readonly x: Float64Array;
  readonly cls: Int32Array;
  readonly nClasses: number;
}

interface Tree {
  feature: Int32Array; // -1 for a leaf
  threshold: Float64Array;
  left: Int32Array;
  right: Int32Array;
  label: Int32Array;
  used: Uint8Array; // per feature
}

function growTree(d: ForestData, samples: Int32Array, mtry: number, rng: Random): Tree {
  const { n, m, x, cls, nClasses } = d;
  const cap = 2 * samples.length + 1;
  const feature = new Int32Array(cap).fill(-1);
  const threshold = new Float64Array(cap);
  const left = new Int32Array(cap);
  const right = new Int32Array(cap);
  const label = new Int32Array(cap);
  const used = new Uint8Array(m);
  let nodes = 1;
  const stack: number[] = [0, 0, samples.length]; // node, start, end
  const featIdx = new Int32Array(m);
  for (let f = 0; f < m; f++) featIdx[f] = f;
  const counts = new Float64Array(nClasses);
  const leftCounts = new Float64Array(nClasses);
  const head = new Int32Array(nClasses);
  const stop = new Int32Array(nClasses);
  const fillAt = new Int32Array(nClasses);
  const vals = new Float64Array(samples.length);
  while (stack.length > 0) {
    const end = stack.pop()!;
    const start = stack.pop()!;
    const node = stack.pop()!;
    const size = end - start;
    counts.fill(0);
    for (let k = start; k < end; k++) counts[cls[samples[k]!]!] = counts[cls[samples[k]!]!]! + 1;
    let best = 0;
    let nonzero = 0;
    for (let c = 0; c < nClasses; c++) {
      if (counts[c]! > counts[best]!) best = c;
      if (counts[c]! > 0) nonzero++;
    }
    label[node] = best;
    if (nonzero <= 1 || size <= 1) continue;
    // mtry candidate features, drawn without replacement (partial Fisher-Yates).
    let bestScore = -Infinity;
    let bestFeat = -1;
    let bestThr = 0;
    for (let t = 0; t < mtry; t++) {
      const r = t + rng.nextInt(m - t);
      const tmp = featIdx[t]!;
      featIdx[t] = featIdx[r]!;
      featIdx[r] = tmp;
      const f = featIdx[t]!;
      const o = f * n;
      // Values of each class sorted separately (native numeric sort), then merged in order.
      for (let c = 0; c < nClasses; c++) {
        head[c] = c === 0 ? 0 : head[c - 1]! + counts[c - 1]!;
        stop[c] = head[c]! + counts[c]!;
        fillAt[c] = head[c]!;
      }
      for (let k = start; k < end; k++) {
        const smp = samples[k]!;
        const c = cls[smp]!;
        vals[fillAt[c]!] = x[o + smp]!;
        fillAt[c] = fillAt[c]! + 1;
      }
      let lo = Infinity;
      let hi = -Infinity;
      for (let c = 0; c < nClasses; c++) {
        if (counts[c]! === 0) continue;
        vals.subarray(head[c]!, stop[c]!).sort();
        lo = Math.min(lo, vals[head[c]!]!);
        hi = Math.max(hi, vals[stop[c]! - 1]!);
      }
      if (lo === hi) continue;
      leftCounts.fill(0);
      let nl = 0;
      for (;;) {
        // The smallest value not yet moved left, and every copy of it in every class.
        let v = Infinity;
        for (let c = 0; c < nClasses; c++) if (head[c]! < stop[c]! && vals[head[c]!]! < v) v = vals[head[c]!]!;
        for (let c = 0; c < nClasses; c++) {
          while (head[c]! < stop[c]! && vals[head[c]!] === v) {
            head[c] = head[c]! + 1;
            leftCounts[c] = leftCounts[c]! + 1;
            nl++;
          }
        }
        if (nl === size) break;
        let next = Infinity;
        for (let c = 0; c < nClasses; c++) if (head[c]! < stop[c]! && vals[head[c]!]! < next) next = vals[head[c]!]!;
        const nr = size - nl;
        let sl = 0;
        let sr = 0;
        for (let c2 = 0; c2 < nClasses; c2++) {
          const l = leftCounts[c2]!;
          const rr = counts[c2]! - l;
          sl += l * l;
          sr += rr * rr;
        }
        // Minimising the weighted Gini impurity = maximising sum_c nl_c^2/nl + sum_c nr_c^2/nr.
        const score = sl / nl + sr / nr;
        if (score > bestScore) {
          bestScore = score;
          bestFeat = f;
          const mid = (v + next) / 2;
          bestThr = mid < next ? mid : v;
        }
      }
    }
    if (bestFeat < 0) continue;
    // Partition samples[start, end) on the split.
    const o = bestFeat * n;
    let i = start;
    let j = end - 1;
    while (i <= j) {
      if (x[o + samples[i]!]! <= bestThr) i++;
      else {
        const tmp = samples[i]!;
        samples[i] = samples[j]!;
        samples[j] = tmp;
        j--;
      }
    }
    const l = nodes++;
    const r = nodes++;
    feature[node] = bestFeat;
    threshold[node] = bestThr;
    left[node] = l;
    right[node] = r;
    used[bestFeat] = 1;
    stack.push(r, i, end, l, start, i);
  }
  return { feature, threshold, left, right, label, used };
}

/** Class predicted by `tree` for observation i, with feature `pf` read from observation `pi`. */
function predict(tree: Tree, d: ForestData, i: number, pf: number, pi: number): number {
  const { n, x } = d;
  let node = 0;
  for (;;) {
    const f = tree.feature[node]!;
    if (f < 0) return tree.label[node]!;
    const v = f === pf ? x[f * n + pi]! : x[f * n + i]!;
    node = v <= tree.threshold[node]! ? tree.left[node]! : tree.right[node]!;
  }
}

/**
 * Grows `nTrees` trees and returns each feature's permutation importance (mean decrease in
 * out-of-bag accuracy) divided by its standard error across trees (0 when that is 0).
 */
export function forestImportance(d: ForestData, nTrees: number, mtry: number, rng: Random): Float64Array {
  const { n, m, cls } = d;
  const sum = new Float64Array(m);
  const sumSq = new Float64Array(m);
  const samples = new Int32Array(n);
  const inBag = new Uint8Array(n);
  for (let t = 0; t < nTrees; t++) {
    inBag.fill(0);
    for (let k = 0; k < n; k++) {
      const i = rng.nextInt(n);
      samples[k] = i;
      inBag[i] = 1;
    }
    const tree = growTree(d, samples, mtry, rng);
    const oob: number[] = [];
    for (let i = 0; i < n; i++) if (inBag[i] === 0) oob.push(i);
    const nOob = oob.length;
    if (nOob === 0) continue;
    let base = 0;
    for (const i of oob) if (predict(tree, d, i, -1, i) === cls[i]) base++;
    const perm = oob.slice();
    for (let f = 0; f < m; f++) {
      if (tree.used[f] === 0) continue;
      for (let k = nOob - 1; k > 0; k--) {
        const r = rng.nextInt(k + 1);
        const tmp = perm[k]!;
        perm[k] = perm[r]!;
        perm[r] = tmp;
      }
      let correct = 0;
      for (let k = 0; k < nOob; k++) if (predict(tree, d, oob[k]!, f, perm[k]!) === cls[oob[k]!]) correct++;
      const imp = (base - correct) / nOob;
      sum[f] = sum[f]! + imp;
      sumSq[f] = sumSq[f]! + imp * imp;
    }
  }
  const z = new Float64Array(m);
  for (let f = 0; f < m; f++) {
    const mean = sum[f]! / nTrees;
    const variance = nTrees > 1 ? Math.max(0, (sumSq[f]! - nTrees * mean * mean) / (nTrees - 1)) : 0;
    const se = Math.sqrt(variance / nTrees);
    z[f] = se > 0 ? mean / se : 0;
  }
  return z;
}
