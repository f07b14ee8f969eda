import { afterAll, describe, expect, it } from "vitest";
import { expectContract, loadFixtures, nonEmpty, reportWorst } from "../_common/testing.js";
import { iqr, mean, median, quantile, sd, summarizeNumeric, variance } from "./index.js";

interface Case { x: number[]; mean: number; var: number | null; sd: number | null; median: number; p: number[]; q: number[]; iqr: number }
const cases = nonEmpty(loadFixtures<Case[]>(import.meta.url), "cases");

afterAll(reportWorst);
describe("descriptive statistics against R", () => {
  it(`match R on ${cases.length} samples`, () => {
    cases.forEach((c, i) => {
      const k = `case ${i} (n=${c.x.length})`;
      expectContract(mean(c.x), c.mean, `${k} mean`, "mean");
      if (c.var !== null) expectContract(variance(c.x), c.var, `${k} var`, "variance");
      if (c.sd !== null) expectContract(sd(c.x), c.sd, `${k} sd`, "sd");
      expectContract(median(c.x), c.median, `${k} median`, "median");
      const q = quantile(c.x, c.p);
      c.p.forEach((p, j) => expectContract(q[j]!, c.q[j]!, `${k} quantile(${p})`, "quantile"));
      c.p.forEach((p, j) => expectContract(quantile(c.x, p), c.q[j]!, `${k} quantile(${p}) scalar`, "quantile"));
      expectContract(iqr(c.x), c.iqr, `${k} iqr`, "iqr");
      if (c.x.length > 1) {
        const s = summarizeNumeric(c.x);
        expect(s.n).toBe(c.x.length);
        expectContract(s.mean, c.mean, `${k} summary mean`, "summarizeNumeric");
        expectContract(s.sd, c.sd!, `${k} summary sd`, "summarizeNumeric");
        expectContract(s.median, c.median, `${k} summary median`, "summarizeNumeric");
        expectContract(s.q1, c.q[3]!, `${k} summary q1`, "summarizeNumeric");
        expectContract(s.q3, c.q[7]!, `${k} summary q3`, "summarizeNumeric");
        expect(s.min).toBe(c.q[0]);
        expect(s.max).toBe(c.q[10]);
      }
    });
  });
  // R 4.2.2: var(1:4) 1.6666666666666667, sd(c(2,4,4,4,5,5,7,9)) 2.1380899352993952, quantile(1:10, c(.1,.5,.9)) 1.9 5.5 9.1, IQR(1:8) 3.5, sd(1:5) 1.5811388300841898
  it("matches the @examples", () => {
    expect(mean([1, 2, 3, 4])).toBe(2.5);
    expect(variance([1, 2, 3, 4])).toBe(1.6666666666666667);
    expect(sd([2, 4, 4, 4, 5, 5, 7, 9])).toBe(2.138089935299395);
    expect(median([5, 1, 3, 2])).toBe(2.5);
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [0.1, 0.5, 0.9])).toEqual([1.9, 5.5, 9.1]);
    expect(iqr([1, 2, 3, 4, 5, 6, 7, 8])).toBe(3.5);
    expect(summarizeNumeric([1, 2, 3, 4, 5])).toEqual({ n: 5, mean: 3, sd: 1.5811388300841898, median: 3, q1: 2, q3: 4, min: 1, max: 5 });
  });
  it("keeps digits with large offsets (compensated sums)", () => {
    const x = [1e8 + 0.1, 1e8 + 0.2, 1e8 + 0.3];
    expect(Math.abs(mean(x) - (1e8 + 0.2))).toBeLessThan(1e-7);
    expect(Math.abs(variance(x) - 0.01)).toBeLessThan(1e-9);
  });
  it("does not mutate its input", () => {
    const x = [3, 1, 2, 5, 4];
    const before = [...x];
    median(x); quantile(x, [0.1, 0.9]); iqr(x); summarizeNumeric(x); mean(x); variance(x); sd(x);
    expect(x).toEqual(before);
  });
  it("rejects bad input naming the argument", () => {
    expect(() => mean([])).toThrow(RangeError);
    expect(() => mean([])).toThrow(/mean: x must hold at least 1/);
    expect(() => variance([1])).toThrow(/variance: x must hold at least 2/);
    expect(() => sd([1])).toThrow(RangeError);
    expect(() => median([1, NaN])).toThrow(/median: x\[1\] must be finite; got NaN/);
    expect(() => mean([1, Infinity])).toThrow(RangeError);
    expect(() => quantile([1, 2], 1.5)).toThrow(/quantile: p must be in \[0, 1\]; got 1.5/);
    expect(() => quantile([1, 2], [0.5, -1])).toThrow(/p\[1\]/);
    expect(() => quantile([1, 2], NaN)).toThrow(RangeError);
    expect(() => mean("abc" as unknown as number[])).toThrow(TypeError);
    expect(() => summarizeNumeric([1])).toThrow(RangeError);
  });
});
