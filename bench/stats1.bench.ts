/**
 * Statistics I performance, on the same inputs as R (timed there with `system.time`, figures in the task
 * names). The R side, run with Rscript:
 *
 *   t5 <- matrix(c(8,3,6,2,5, 4,7,3,6,4, 5,4,8,3,4, 3,6,4,7,5, 6,4,5,4,4), 5, byrow = TRUE)
 *   system.time(fisher.test(t5, workspace = 2e8))                       # n = 120
 *   x <- sin(1:1e6) * 1000; g <- (0:(1e6 - 1)) %% 4
 *   system.time(kruskal.test(x, g))
 *   a <- sin(1:49); b <- cos(1:49) + 0.3
 *   system.time(for (i in 1:1000) wilcox.test(a, b))                    # / 1000
 *   s <- sin(1:5000) + sin((1:5000) * 0.37)
 *   system.time(for (i in 1:1000) shapiro.test(s))                      # / 1000
 */
import type { Bench } from "tinybench";
import { fisherExactTest, kruskalWallisTest, shapiroWilkTest, wilcoxonRankSumTest } from "../src/stats/index.js";

export default function (bench: Bench): void {
  const t5 = [
    [8, 3, 6, 2, 5],
    [4, 7, 3, 6, 4],
    [5, 4, 8, 3, 4],
    [3, 6, 4, 7, 5],
    [6, 4, 5, 4, 4],
  ];
  bench.add("fisherExactTest 5 x 5, n = 120 (R 4.2 fisher.test: 3.0 s)", () => {
    fisherExactTest(t5);
  });
  // The harder table below (R: 57 s) takes about 4.5 s here; it is checked in the unit tests rather than
  // benchmarked (tinybench's 64 samples would take minutes):
  //   [[10,4,3,3,4],[4,10,3,4,3],[3,4,10,3,4],[4,3,4,10,3],[3,3,4,4,10]]

  const groups: number[][] = [[], [], [], []];
  for (let i = 1; i <= 1_000_000; i++) groups[(i - 1) % 4]!.push(Math.sin(i) * 1000);
  bench.add("kruskalWallisTest 1,000,000 values in 4 groups (R kruskal.test: 3.6 s)", () => {
    kruskalWallisTest(groups);
  });

  const a = Array.from({ length: 49 }, (_, i) => Math.sin(i + 1));
  const b = Array.from({ length: 49 }, (_, i) => Math.cos(i + 1) + 0.3);
  bench.add("wilcoxonRankSumTest exact, 49 + 49 (R wilcox.test: 0.077 ms)", () => {
    wilcoxonRankSumTest(a, b);
  });

  // Measured once (tsx, 5000 calls of rankSumDistribution(49, 49).lower(q), load average 17-20 on 2
  // cores): before 350 us at q = 1000 and q = 400; after 85-110 us at q = 1000 and 37-51 us at
  // q = 400 (the tail is built only up to the quantile, and unscaled while m + n <= 1000).

  const big2x2 = [
    [1e6, 1e6 + 300],
    [1e6 + 1000, 1e6],
  ];
  bench.add("fisherExactTest 2 x 2 with counts of 1e6 (before: 3.9 s; now the support is windowed)", () => {
    fisherExactTest(big2x2);
  });

  const s = Array.from({ length: 5000 }, (_, i) => Math.sin(i + 1) + Math.sin((i + 1) * 0.37));
  bench.add("shapiroWilkTest n = 5000 (R shapiro.test: 0.25 ms)", () => {
    shapiroWilkTest(s);
  });
}
