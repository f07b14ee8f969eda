import { afterAll, describe, expect, it } from "vitest";
import { expectContract, loadFixtures, nonEmpty, reportWorst } from "../_common/testing.js";
import type { Alternative } from "../types.js";
import { fisherExactTest } from "./index.js";
import { fisherNetworkPValue } from "./network.js";

interface Case { table: number[][]; alternative: string; confLevel: number; pValue: number; estimate?: number; confInt?: [number, number] }
const cases = nonEmpty(loadFixtures<Case[]>(import.meta.url), "cases");
const alt = (a: string): Alternative => (a === "two.sided" ? "two-sided" : (a as Alternative));

/** Brute force: enumerate every table with the margins of t and sum P over the extreme ones. */
function bruteForce(t: number[][]): number {
  const rows = t.map((r) => r.reduce((a, b) => a + b, 0));
  const cols = t[0]!.map((_, j) => t.reduce((a, r) => a + r[j]!, 0));
  const n = rows.reduce((a, b) => a + b, 0);
  const lf = (k: number): number => { let s = 0; for (let i = 2; i <= k; i++) s += Math.log(i); return s; };
  const K = rows.reduce((a, r) => a + lf(r), 0) + cols.reduce((a, c) => a + lf(c), 0) - lf(n);
  const logP = (m: number[][]): number => K - m.flat().reduce((a, v) => a + lf(v), 0);
  const thr = logP(t) + 3.45254e-7;
  const R = rows.length;
  const C = cols.length;
  const cur = rows.map(() => new Array<number>(C).fill(0));
  let total = 0;
  let comp = 0;
  const rowLeft = [...rows];
  const rec = (j: number, i: number, colLeft: number): void => {
    if (j === C - 1) {
      for (let r = 0; r < R; r++) cur[r]![j] = rowLeft[r]!;
      const lp = logP(cur);
      if (lp <= thr) {
        const v = Math.exp(lp);
        const s = total + v;
        comp += Math.abs(total) >= v ? total - s + v : v - s + total;
        total = s;
      }
      return;
    }
    if (i === R - 1) {
      if (colLeft > rowLeft[i]!) return;
      cur[i]![j] = colLeft;
      rowLeft[i]! -= colLeft;
      rec(j + 1, 0, cols[j + 1]!);
      rowLeft[i]! += colLeft;
      return;
    }
    for (let v = 0; v <= Math.min(colLeft, rowLeft[i]!); v++) {
      cur[i]![j] = v;
      rowLeft[i]! -= v;
      rec(j, i + 1, colLeft - v);
      rowLeft[i]! += v;
    }
  };
  rec(0, 0, cols[0]!);
  return Math.min(1, total + comp);
}

afterAll(reportWorst);
describe("fisherExactTest against R", () => {
  it(`matches fisher.test on ${cases.length} cases (2 x 2 with exact roots, and r x c)`, () => {
    let rc = 0;
    for (const c of cases) {
      const o = { alternative: alt(c.alternative), confLevel: c.confLevel };
      const r = fisherExactTest(c.table, o);
      const k = `${JSON.stringify(c.table)} ${c.alternative} ${c.confLevel}`;
      const key = c.table.length === 2 && c.table[0]!.length === 2 ? "fisherExactTest 2x2" : "fisherExactTest r x c";
      expectContract(r.pValue, c.pValue, `${k} pValue`, key, true);
      if (c.estimate !== undefined) {
        expectContract(r.estimate!, c.estimate, `${k} estimate`, `${key} estimate/confInt`, false, 1e-9);
        expectContract(r.confInt![0], c.confInt![0], `${k} confInt[0]`, `${key} estimate/confInt`, false, 1e-9);
        expectContract(r.confInt![1], c.confInt![1], `${k} confInt[1]`, `${key} estimate/confInt`, false, 1e-9);
        expect(r.alternative).toBe(o.alternative);
      } else rc++;
    }
    expect(rc).toBeGreaterThan(20);
  });
  it("agrees with brute-force enumeration on small random tables", () => {
    let seed = 12345;
    const rnd = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let rep = 0; rep < 40; rep++) {
      const R = 2 + Math.floor(rnd() * 2);
      const C = 3 + Math.floor(rnd() * 3);
      const t = Array.from({ length: R }, () => Array.from({ length: C }, () => Math.floor(rnd() * 4) + (rnd() < 0.3 ? 0 : 1)));
      const want = bruteForce(t);
      expectContract(fisherNetworkPValue(t), want, `brute ${JSON.stringify(t)}`, "fisher network vs brute force", true, 1e-11);
    }
  });
  it("matches R on a hard 5 x 5 table (n = 120; fisher.test needs about 60 s)", () => {
    // R 4.2.2: fisher.test(matrix(c(10,4,3,3,4, 4,10,3,4,3, 3,4,10,3,4, 4,3,4,10,3, 3,3,4,4,10), 5,
    //   byrow = TRUE), workspace = 2e8)$p.value  ->  0.018758201401434665
    // FEXACT's own summation error is about 1.6e-9 here: the transposed and permuted tables, which take
    // different paths through the network, agree with this value to the last digit.
    const B = [[10, 4, 3, 3, 4], [4, 10, 3, 4, 3], [3, 4, 10, 3, 4], [4, 3, 4, 10, 3], [3, 3, 4, 4, 10]];
    const p = fisherExactTest(B).pValue;
    expectContract(p, 0.018758201401434665, "hard 5 x 5", "fisherExactTest r x c (hard 5x5)", true, 2e-9);
  });
  it("matches R on an 8 x 3 table with many distinct path values (n = 126)", () => {
    // R 4.2.2: fisher.test(matrix(c(8,3,6, 1,9,7, 4,2,8, 3,2,5, 8,4,0, 4,1,10, 3,6,6, 9,7,10), 8,
    //   byrow = TRUE), workspace = 2e8)$p.value  ->  0.0066246616685395826
    const t = [[8, 3, 6], [1, 9, 7], [4, 2, 8], [3, 2, 5], [8, 4, 0], [4, 1, 10], [3, 6, 6], [9, 7, 10]];
    expectContract(fisherExactTest(t).pValue, 0.0066246616685395826, "8 x 3", "fisherExactTest r x c", true);
  });
  // R 4.2.2: fisher.test(matrix(c(3, 1, 1, 3), 2))$p.value -> 0.48571428571428582
  it("matches the @example", () => expect(fisherExactTest([[3, 1], [1, 3]]).pValue).toBeCloseTo(0.48571428571428527, 14));
  it("does not mutate its input", () => {
    const t = [[3, 1, 2], [1, 3, 0]];
    fisherExactTest(t);
    expect(t).toEqual([[3, 1, 2], [1, 3, 0]]);
  });
  it("rejects bad input and oversized tables with a RangeError", () => {
    expect(() => fisherExactTest([[1, 2], [3]])).toThrow(/ragged/);
    expect(() => fisherExactTest([[1, 2]])).toThrow(/at least 2 rows/);
    // R 4.2.2: fisher.test(matrix(0, 2, 3)) stops (FEXACT error 3: all elements of the table are zero);
    // the 2 x 2 all-zero table gives p = 1, estimate 0, interval [0, Inf] in R and here.
    expect(() => fisherExactTest([[0, 0, 0], [0, 0, 0]])).toThrow(/positive total/);
    expect(fisherExactTest([[0, 0], [0, 0]])).toMatchObject({ pValue: 1, estimate: 0, confInt: [0, Infinity] });
    expect(() => fisherExactTest([[1, -1], [3, 4]])).toThrow(/fisherExactTest: table\[0\]\[1\] must be a non-negative integer count; got -1/);
    expect(() => fisherExactTest([[1, 0.5], [3, 4]])).toThrow(RangeError);
    expect(() => fisherExactTest([[1, 2], [3, 4]], { alternative: "two.sided" as Alternative })).toThrow(TypeError);
    expect(() => fisherExactTest([[1, 2], [3, 4]], { confLevel: 2 })).toThrow(RangeError);
    const huge = Array.from({ length: 6 }, () => Array.from({ length: 6 }, () => 40));
    expect(() => fisherExactTest(huge)).toThrow(/too large for the exact test/);
    expect(() => fisherExactTest([[60000, 1, 1], [1, 60000, 1]])).toThrow(/at most 100000/);
  });
});

interface LargeCase { table: number[][]; alternative: string; pValue: number; estimate: number; confInt: [number, number] }
const large = loadFixtures<LargeCase[]>(import.meta.url, "large.fixtures.json");
describe("fisherExactTest on 2 x 2 tables with large counts against R", () => {
  it(`matches fisher.test on ${large.length} cases (support windowed around the mode, x and its mirror)`, () => {
    for (const c of nonEmpty(large, "large 2x2")) {
      const alternative = (c.alternative === "two.sided" ? "two-sided" : c.alternative) as Alternative;
      const r = fisherExactTest(c.table, { alternative });
      const k = `fisher.test(${JSON.stringify(c.table)}, ${c.alternative})`;
      expectContract(r.pValue, c.pValue, `${k} pValue`, "fisherExactTest 2x2 large", true);
      // fisher.test solves the estimate and limits with uniroot (default tolerance, errors up to about 4e-4
      // relative here); ours are solved to full precision, so they are compared at 1e-3 (the p-values at 1e-9).
      expectContract(r.estimate!, c.estimate, `${k} estimate`, "fisherExactTest 2x2 large estimate/confInt", false, 1e-3);
      expectContract(r.confInt![0], c.confInt[0], `${k} confInt[0]`, "fisherExactTest 2x2 large estimate/confInt", false, 1e-3);
      if (Number.isFinite(c.confInt[1])) expectContract(r.confInt![1], c.confInt[1], `${k} confInt[1]`, "fisherExactTest 2x2 large estimate/confInt", false, 1e-3);
    }
  });
});
