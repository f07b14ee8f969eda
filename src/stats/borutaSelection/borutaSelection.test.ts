import { describe, expect, it } from "vitest";
import { createRandom } from "../_random/index.js";
import { borutaSelection } from "./index.js";

/** n rows of 10 standard normals; the class depends on x1..x4 only (x5..x10 are noise). */
function synthetic(n: number, seed: number): { X: number[][]; y: number[] } {
  const rng = createRandom(seed);
  const normal = (): number => Math.sqrt(-2 * Math.log(1 - rng.nextFloat())) * Math.cos(2 * Math.PI * rng.nextFloat());
  const X: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const r = Array.from({ length: 10 }, normal);
    const eta = 1.5 * r[0]! + 1.2 * r[1]! - 1.0 * r[2]! + 0.8 * r[3]! + 0.5 * normal();
    X.push(r);
    y.push(eta > 0 ? 1 : 0);
  }
  return { X, y };
}

describe("borutaSelection", () => {
  it("matches the @example", () => {
    const X = Array.from({ length: 60 }, (_, i) => [(i % 2) + (i % 7) / 10, (i * 37) % 11]);
    const y = X.map((r) => (r[0]! >= 1 ? 1 : 0));
    expect(borutaSelection(X, y, { seed: 1, nTrees: 50 }).confirmed).toEqual(["x1"]);
  });

  it("confirms the informative features and rejects the noise (known truth)", () => {
    const { X, y } = synthetic(200, 11);
    const r = borutaSelection(X, y, { seed: 3, nTrees: 100 });
    expect(r.confirmed).toEqual(["x1", "x2", "x3", "x4"]);
    expect(r.rejected).toEqual(["x5", "x6", "x7", "x8", "x9", "x10"]);
    expect(r.tentative).toEqual([]);
    expect(r.importanceHistory.length).toBe(r.runs);
    expect(r.shadowMax.length).toBe(r.runs);
    // Every feature takes part in run 1; once left out (rejected) it stays out.
    expect(r.importanceHistory[0]!.every((v) => v !== null)).toBe(true);
    for (let j = 0; j < 10; j++) {
      const col = r.importanceHistory.map((row) => row[j]);
      const first = col.indexOf(null);
      if (first >= 0) expect(col.slice(first).every((v) => v === null)).toBe(true);
    }
    expect(r.importanceHistory.at(-1)!.filter((v) => v === null).length).toBeGreaterThan(0);
    for (let j = 0; j < 4; j++) expect(r.hits[j]).toBeGreaterThanOrEqual(r.runs - 5);
  }, 120_000);

  it("is deterministic for a seed and changes with it; labels may be strings", () => {
    const { X, y } = synthetic(80, 5);
    const labels = y.map((v) => (v === 1 ? "flare" : "remission"));
    const a = borutaSelection(X, labels, { seed: 7, nTrees: 20, maxRuns: 12 });
    const b = borutaSelection(X, labels, { seed: 7, nTrees: 20, maxRuns: 12 });
    const c = borutaSelection(X, labels, { seed: 8, nTrees: 20, maxRuns: 12 });
    expect(a).toEqual(b);
    expect(a.importanceHistory).not.toEqual(c.importanceHistory);
    // The coding of classes does not depend on which label comes first.
    const flipped = borutaSelection(X, y.map((v) => (v === 1 ? "a" : "b")), { seed: 7, nTrees: 20, maxRuns: 12 });
    expect(flipped.importanceHistory).toEqual(a.importanceHistory);
  });

  it("pins the stream: identical in Node and Deno (integer-only generator)", () => {
    const X = Array.from({ length: 40 }, (_, i) => [(i % 2) + (i % 5) / 10, (i * 13) % 7]);
    const y = X.map((r) => (r[0]! >= 1 ? 1 : 0));
    const r = borutaSelection(X, y, { seed: 9, nTrees: 10, maxRuns: 11 });
    // Values printed by the same code under `deno run` (identical).
    expect(r.hits).toEqual([11, 1]);
    expect(r.importanceHistory[0]).toEqual([4.652530288866911, -1]);
    expect(r.decision).toEqual(["Confirmed", "Tentative"]);
    expect(createRandom(2026).nextUint32()).toBe(1436751614);
  });

  it("uses the given names and does not mutate its inputs", () => {
    const { X, y } = synthetic(40, 2);
    const X0 = structuredClone(X);
    const y0 = [...y];
    const names = ["crp", "fc", "alb", "hb", "n1", "n2", "n3", "n4", "n5", "n6"];
    const r = borutaSelection(X, y, { names, seed: 1, nTrees: 10, maxRuns: 11 });
    expect([...r.confirmed, ...r.tentative, ...r.rejected].sort()).toEqual([...names].sort());
    expect(r.names).toEqual(names);
    expect(X).toEqual(X0);
    expect(y).toEqual(y0);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it("rejects bad input, naming the argument", () => {
    const X = [[1, 2], [3, 4], [5, 6]];
    expect(() => borutaSelection(X, [0, 0, 0])).toThrow(/y must hold at least 2 classes/);
    expect(() => borutaSelection(X, [0, 1])).toThrow(/y must have one label per row/);
    expect(() => borutaSelection([[1, 2], [3]], [0, 1])).toThrow(/X\[1\] must have 2 columns/);
    expect(() => borutaSelection([[1, Number.NaN], [3, 4]], [0, 1])).toThrow(/X\[0\]\[1\] must be finite/);
    expect(() => borutaSelection(X, [0, 1, Number.NaN])).toThrow(/y\[2\] must be finite/);
    expect(() => borutaSelection(X, [0, 1, 0], { maxRuns: 10 })).toThrow(/options\.maxRuns/);
    expect(() => borutaSelection(X, [0, 1, 0], { pValue: 0 })).toThrow(/options\.pValue/);
    expect(() => borutaSelection(X, [0, 1, 0], { names: ["a"] })).toThrow(/options\.names must have one name per column/);
    expect(() => borutaSelection(X, [0, 1, 0], { names: ["a", "a"] })).toThrow(/options\.names\[1\] must be unique/);
    expect(() => borutaSelection(X, [0, 1, 0], { seed: 1.5 })).toThrow(/options\.seed/);
  });
});
