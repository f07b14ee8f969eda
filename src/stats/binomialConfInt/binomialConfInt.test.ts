import { afterAll, describe, expect, it } from "vitest";
import { expectContract, loadFixtures, nonEmpty, reportWorst } from "../_common/testing.js";
import { binomialConfInt, type BinomialConfIntMethod } from "./index.js";

interface Case { x: number; n: number; confLevel: number; wilson: number[]; wilsonCorrected: number[]; clopperPearson: number[]; agrestiCoull: number[]; wald: number[] }
const cases = nonEmpty(loadFixtures<Case[]>(import.meta.url), "cases");

afterAll(reportWorst);
describe("binomialConfInt against R", () => {
  it(`matches prop.test / binom.test / closed forms on ${cases.length} cases x 5 methods`, () => {
    for (const c of cases) {
      const runs: [BinomialConfIntMethod, boolean, number[]][] = [
        ["wilson", false, c.wilson], ["wilson", true, c.wilsonCorrected], ["clopper-pearson", false, c.clopperPearson],
        ["agresti-coull", false, c.agrestiCoull], ["wald", false, c.wald]];
      for (const [method, correct, want] of runs) {
        const got = binomialConfInt(c.x, c.n, { method, correct, confLevel: c.confLevel });
        const k = `${method}${correct ? "+cc" : ""}(${c.x}, ${c.n}, ${c.confLevel})`;
        expectContract(got[0], want[0]!, `${k} lower`, `binomialConfInt ${method}`);
        expectContract(got[1], want[1]!, `${k} upper`, `binomialConfInt ${method}`);
      }
    }
  });
  // R 4.2.2: prop.test(7, 20, correct = FALSE)$conf.int -> 0.18119182410108206 0.56714572331476365
  it("matches the @example", () => {
    const [a, b] = binomialConfInt(7, 20);
    expect(a).toBeCloseTo(0.18119182410108206, 14);
    expect(b).toBeCloseTo(0.5671457233147637, 14);
  });
  it("rejects bad input", () => {
    expect(() => binomialConfInt(3, 2)).toThrow(RangeError);
    expect(() => binomialConfInt(1, 2, { method: "exact" as BinomialConfIntMethod })).toThrow(/options.method must be "wilson", "clopper-pearson", "agresti-coull" or "wald"; got "exact"/);
    expect(() => binomialConfInt(1, 2, { confLevel: 0 })).toThrow(RangeError);
    expect(() => binomialConfInt(1, 2, { correct: 1 as unknown as boolean })).toThrow(TypeError);
  });
});
