/**
 * Private: average ranks (R's `rank(ties.method = "average")`), tie-group sizes and the tie term.
 * @packageDocumentation
 */

/** Average ranks (1-based) of `x` and the sizes of its tie groups (only groups > 1). */
export function averageRanks(x: ArrayLike<number>): { ranks: Float64Array; ties: number[] } {
  const n = x.length;
  const idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  idx.sort((a, b) => x[a]! - x[b]!);
  const ranks = new Float64Array(n);
  const ties: number[] = [];
  let i = 0;
  while (i < n) {
    let j = i;
    const v = x[idx[i]!]!;
    while (j + 1 < n && x[idx[j + 1]!]! === v) j++;
    const r = (i + j + 2) / 2;
    for (let k = i; k <= j; k++) ranks[idx[k]!] = r;
    if (j > i) ties.push(j - i + 1);
    i = j + 1;
  }
  return { ranks, ties };
}

/** The tie term sum(t^3 - t) over tie-group sizes `t` (exact: integers). */
export function tieCorrection(ties: readonly number[]): number {
  let s = 0;
  for (const t of ties) s += t * t * t - t;
  return s;
}
