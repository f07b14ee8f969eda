import { afterAll, describe, it } from "vitest";
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
