import { afterAll, describe, expect, it } from "vitest";
import { expectContract, loadFixtures, nonEmpty, reportWorst } from "../_common/testing.js";
afterAll(reportWorst);
import { rankSumDistribution, signedRankDistribution } from "./wilcoxon.js";

interface Fx { pwilcox: [number, number, number, number, number][]; psignrank: [number, number, number, number][] }
const fx = loadFixtures<Fx>(import.meta.url, "wilcoxon.fixtures.json");

describe("exact Wilcoxon distributions against R", () => {
  it(`pwilcox on ${fx.pwilcox.length} points`, () => {
    for (const [q, m, n, lo, up] of nonEmpty(fx.pwilcox, "pwilcox")) {
      const d = rankSumDistribution(m, n);
      expectContract(d.lower(q), lo, `pwilcox(${q}, ${m}, ${n})`, "pwilcox", true);
      expectContract(d.upper(q), up, `pwilcox(${q}, ${m}, ${n}, upper)`, "pwilcox", true);
    }
  });
  it(`psignrank on ${fx.psignrank.length} points`, () => {
    for (const [q, n, lo, up] of nonEmpty(fx.psignrank, "psignrank")) {
      const d = signedRankDistribution(n);
      expectContract(d.lower(q), lo, `psignrank(${q}, ${n})`, "psignrank", true);
      expectContract(d.upper(q), up, `psignrank(${q}, ${n}, upper)`, "psignrank", true);
    }
  });
});

describe("rank-sum distributions kept per size", () => {
  it("give bit for bit the probabilities of a single call (every r, sizes up to 49 x 50)", async () => {
    const { rankSumDistribution, rankSumLowerHalf } = await import("./wilcoxon.js");
    let compared = 0;
    for (const [m, n] of [[1, 1], [2, 7], [5, 5], [10, 3], [13, 17], [30, 40], [49, 49], [49, 50], [1, 50]] as const) {
      const d = rankSumDistribution(m, n);
      const half = Math.floor((m * n) / 2);
      for (let r = 0; r <= half; r++) {
        expect(d.lower(r)).toBe(rankSumLowerHalf(m, n, r));
        compared++;
      }
      // twice: the second call reads the kept table
      expect(rankSumDistribution(m, n).lower(half)).toBe(rankSumLowerHalf(m, n, half));
    }
    expect(compared).toBeGreaterThan(2000);
  });
});
