import * as fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { expectContract, loadFixtures, nonEmpty, reportWorst } from "../_common/testing.js";
import { standardizedMeanDifference, type SmdType, type StandardizedMeanDifferenceOptions } from "./index.js";

interface Case {
  type: SmdType;
  x1: (number | string)[];
  x0: (number | string)[];
  weights1?: number[];
  weights0?: number[];
  levels?: string[];
  smd: number;
  mean1?: number;
  mean0?: number;
  variance1?: number;
  variance0?: number;
  proportion1?: number;
  proportion0?: number;
  proportions1?: number[];
  proportions0?: number[];
}
const cases = nonEmpty(loadFixtures<{ cases: Case[] }>(import.meta.url).cases, "cases");

afterAll(reportWorst);
describe("standardizedMeanDifference against the formulas computed in R", () => {
  for (const type of ["continuous", "binary", "categorical"] as const) {
    const mine = cases.filter((c) => c.type === type);
    it(`matches ${mine.length} ${type} cases (weighted and unweighted)`, () => {
      expect(mine.length).toBeGreaterThan(4);
      mine.forEach((c, i) => {
        const opts: StandardizedMeanDifferenceOptions = { type };
        if (c.weights1) opts.weights1 = c.weights1;
        if (c.weights0) opts.weights0 = c.weights0;
        if (c.levels) opts.levels = c.levels;
        const r = standardizedMeanDifference(c.x1, c.x0, opts);
        expect(r.type).toBe(type);
        expectContract(r.smd, c.smd, `${type} case ${i} smd`, `smd ${type}`);
        if (r.type === "continuous") {
          expectContract(r.mean1, c.mean1!, `case ${i} mean1`, "smd continuous");
          expectContract(r.mean0, c.mean0!, `case ${i} mean0`, "smd continuous");
          expectContract(r.variance1, c.variance1!, `case ${i} variance1`, "smd continuous");
          expectContract(r.variance0, c.variance0!, `case ${i} variance0`, "smd continuous");
        } else if (r.type === "binary") {
          expectContract(r.proportion1, c.proportion1!, `case ${i} p1`, "smd binary");
          expectContract(r.proportion0, c.proportion0!, `case ${i} p0`, "smd binary");
        } else {
          expect(r.levels).toEqual(c.levels);
          r.proportions1.forEach((p, k) => expectContract(p, c.proportions1![k]!, `case ${i} p1[${k}]`, "smd categorical"));
          r.proportions0.forEach((p, k) => expectContract(p, c.proportions0![k]!, `case ${i} p0[${k}]`, "smd categorical"));
        }
      });
    });
  }
});

describe("standardizedMeanDifference by hand", () => {
  it("matches the @example", () => {
    expect(standardizedMeanDifference([5, 6, 7], [4, 5, 6]).smd).toBe(1);
    expect(standardizedMeanDifference([1, 1, 0, 0], [1, 0, 0, 0], { type: "binary" }).smd).toBeCloseTo(0.5345224838248488, 15);
  });
  it("infers categorical from strings and keeps first-appearance level order", () => {
    const r = standardizedMeanDifference(["b", "a", "b"], ["a", "a", "c"]);
    expect(r.type).toBe("categorical");
    if (r.type === "categorical") expect(r.levels).toEqual(["b", "a", "c"]);
  });
  it("a two-level categorical SMD is the absolute binary SMD", () => {
    const a = standardizedMeanDifference(["y", "n", "n", "y", "y"], ["n", "n", "y", "n"]).smd;
    const b = standardizedMeanDifference([1, 0, 0, 1, 1], [0, 0, 1, 0], { type: "binary" }).smd;
    expect(a).toBeCloseTo(Math.abs(b), 13);
  });
  it("booleans are binary values", () => {
    expect(standardizedMeanDifference([true, false], [false, false], { type: "binary" }).smd).toBeCloseTo(
      standardizedMeanDifference([1, 0], [0, 0], { type: "binary" }).smd,
      15,
    );
  });
  it("unit weights equal no weights; scaling weights changes nothing", () => {
    const x1 = [3.1, 4.7, 5.2, 9.9];
    const x0 = [2.2, 2.9, 6.1];
    const plain = standardizedMeanDifference(x1, x0).smd;
    expect(standardizedMeanDifference(x1, x0, { weights1: [1, 1, 1, 1], weights0: [1, 1, 1] }).smd).toBeCloseTo(plain, 13);
    const w1 = [0.3, 2, 1.1, 0.7];
    const w0 = [1, 4, 0.5];
    const a = standardizedMeanDifference(x1, x0, { weights1: w1, weights0: w0 }).smd;
    const b = standardizedMeanDifference(x1, x0, { weights1: w1.map((w) => w * 7), weights0: w0.map((w) => w / 3) }).smd;
    expect(b).toBeCloseTo(a, 12);
  });
  it("integer weights act as replicated rows for proportions (binary and categorical)", () => {
    const a = standardizedMeanDifference([1, 0], [0, 1], { type: "binary", weights1: [3, 1], weights0: [2, 2] }).smd;
    const b = standardizedMeanDifference([1, 1, 1, 0], [0, 0, 1, 1], { type: "binary" }).smd;
    expect(a).toBeCloseTo(b, 14);
  });
  it("constant covariates: 0 when equal, Infinity when separated, never NaN", () => {
    expect(standardizedMeanDifference([2, 2, 2], [2, 2]).smd).toBe(0);
    expect(standardizedMeanDifference([3, 3], [2, 2]).smd).toBe(Infinity);
    expect(standardizedMeanDifference([2, 2], [3, 3]).smd).toBe(-Infinity);
    expect(standardizedMeanDifference([1, 1], [1, 1, 1], { type: "binary" }).smd).toBe(0);
    expect(standardizedMeanDifference([1, 1], [0, 0], { type: "binary" }).smd).toBe(Infinity);
    expect(standardizedMeanDifference(["a", "a"], ["a"]).smd).toBe(0);
    expect(standardizedMeanDifference(["a", "a"], ["b"]).smd).toBe(Infinity);
    expect(standardizedMeanDifference(["a", "b"], ["c", "c"]).smd).toBe(Infinity);
  });
  it("a level absent from one group stays finite (S is still invertible)", () => {
    const r = standardizedMeanDifference(["a", "b", "c"], ["a", "b", "b", "a"]);
    expect(Number.isFinite(r.smd)).toBe(true);
    expect(r.smd).toBeGreaterThan(0);
  });
  it("is antisymmetric for continuous and binary, symmetric for categorical", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 2, maxLength: 20 }),
        fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 2, maxLength: 20 }),
        (a, b) => {
          const ab = standardizedMeanDifference(a, b).smd;
          const ba = standardizedMeanDifference(b, a).smd;
          expect(Number.isNaN(ab)).toBe(false);
          expect(ab === 0 ? 0 : ab).toBeCloseTo(ba === 0 ? 0 : -ba, 9);
        },
      ),
    );
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom("p", "q", "r", "s"), { minLength: 1, maxLength: 30 }),
        fc.array(fc.constantFrom("p", "q", "r", "s"), { minLength: 1, maxLength: 30 }),
        (a, b) => {
          const ab = standardizedMeanDifference(a, b).smd;
          const ba = standardizedMeanDifference(b, a).smd;
          expect(ab).toBeGreaterThanOrEqual(0);
          if (Number.isFinite(ab)) expect(ba).toBeCloseTo(ab, 9);
          else expect(ba).toBe(Infinity);
        },
      ),
    );
  });
  it("the categorical SMD does not depend on the reference level or the level order", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom("p", "q", "r"), { minLength: 3, maxLength: 30 }),
        fc.array(fc.constantFrom("p", "q", "r"), { minLength: 3, maxLength: 30 }),
        (a, b) => {
          const x = standardizedMeanDifference(a, b, { levels: ["p", "q", "r"] }).smd;
          const y = standardizedMeanDifference(a, b, { levels: ["r", "p", "q"] }).smd;
          if (Number.isFinite(x)) expect(y).toBeCloseTo(x, 9);
          else expect(y).toBe(Infinity);
        },
      ),
    );
  });
  it("does not mutate its inputs", () => {
    const x1 = [3, 1, 2];
    const x0 = [1, 1, 5];
    const w1 = [1, 2, 3];
    const levels = ["b", "a"];
    standardizedMeanDifference(x1, x0, { weights1: w1 });
    standardizedMeanDifference(["a", "b"], ["b"], { levels });
    expect(x1).toEqual([3, 1, 2]);
    expect(x0).toEqual([1, 1, 5]);
    expect(w1).toEqual([1, 2, 3]);
    expect(levels).toEqual(["b", "a"]);
  });
  it("rejects bad input, naming the function, the argument and the problem", () => {
    const f = standardizedMeanDifference;
    expect(() => f([], [1, 2])).toThrow(/standardizedMeanDifference: x1 must hold at least 1 value; got length 0/);
    expect(() => f([1], [1, 2])).toThrow(/x1 must hold at least 2 values for a continuous SMD/);
    expect(() => f([1, NaN], [1, 2])).toThrow(RangeError);
    expect(() => f([1, 2], [1, "2"])).toThrow(/x0\[1\] must be a number/);
    expect(() => f([1, 0], [0, 2], { type: "binary" })).toThrow(/x0\[1\] must be 0, 1, true or false/);
    expect(() => f([1, 2], [1, 2], { type: "ordinal" as SmdType })).toThrow(TypeError);
    expect(() => f([1, 2], [1, 2], { weight1: [1, 1] } as StandardizedMeanDifferenceOptions)).toThrow(/options\.weight1 is not an option/);
    expect(() => f([1, 2], [1, 2], { weights1: [1] })).toThrow(/options\.weights1 must have one weight per value \(2\); got length 1/);
    expect(() => f([1, 2], [1, 2], { weights1: [1, -1] })).toThrow(/options\.weights1\[1\] must be a finite non-negative weight/);
    expect(() => f([1, 2], [1, 2], { weights0: [0, 0] })).toThrow(/options\.weights0 must hold at least one positive weight/);
    expect(() => f([1, 2], [1, 2], { weights0: [0, 3] })).toThrow(/x0 must have at least 2 positive weights/);
    expect(() => f(["a", "z"], ["a"], { levels: ["a", "b"] })).toThrow(/x1\[1\] is not one of options\.levels/);
    expect(() => f(["a"], ["a"], { levels: ["a", "a"] })).toThrow(/options\.levels\[1\] repeats/);
    expect(() => f([1, 2], [1, 2], { levels: [1, 2] })).toThrow(/options\.levels applies only to type "categorical"/);
    expect(() => f(["a", null as unknown as string], ["a"])).toThrow(/x1\[1\] must be a string or a finite number/);
    expect(() => f("ab" as unknown as string[], ["a"])).toThrow(/x1 must be an array/);
  });
  it("lookups ignore prototype names", () => {
    const r = standardizedMeanDifference(["constructor", "__proto__"], ["toString", "constructor"]);
    if (r.type !== "categorical") throw new Error("categorical expected");
    expect(r.levels).toEqual(["constructor", "__proto__", "toString"]);
    expect(r.proportions1).toEqual([0.5, 0.5, 0]);
  });
});
