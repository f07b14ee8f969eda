# Reference values for wilcoxonRankSumTest: stats::wilcox.test(x, y, alternative, exact, correct, mu).
# Covers exact (n < 50, no ties) and normal branches, ties, forced exact/approximate, far tails.
# Run: Rscript src/stats/wilcoxonRankSumTest/fixtures.R  (writes fixtures.json, 17 significant digits)
source(file.path(dirname(normalizePath(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE)))), "../_common/json.R"))
set.seed(8)
pairs <- list(list(c(0.8, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46), c(1.15, 0.88, 0.9, 0.74, 1.21)),
  list(rnorm(5), rnorm(4)), list(1, 2), list(c(1, 2, 3), c(4, 5, 6)), list(rnorm(49), rnorm(49)), list(rnorm(49), rnorm(49) + 3),
  list(rnorm(49), rnorm(49) + 100), list(rnorm(50), rnorm(30)), list(rnorm(200), rnorm(150) + 0.3), list(1:40, 41:80),
  list(c(1, 2, 2, 3), c(2, 3, 3, 4)), list(round(rnorm(60)), round(rnorm(70) + 1)), list(rnorm(10), rnorm(45)),
  list(c(1, 1, 1, 2), c(1, 1)), list(1:300, 301:600), list(rnorm(3000), rnorm(3000) + 0.1), list(rexp(20), rexp(25) * 2))
specs <- list(list(exact = NULL, correct = TRUE, mu = 0), list(exact = NULL, correct = FALSE, mu = 0.25),
  list(exact = FALSE, correct = TRUE, mu = 0), list(exact = TRUE, correct = TRUE, mu = 0))
cases <- list()
for (pi in seq_along(pairs)) for (a in c("two.sided", "less", "greater")) for (s in specs) {
  x <- pairs[[pi]][[1]]; y <- pairs[[pi]][[2]]
  if (isTRUE(s$exact) && length(x) * length(y) > 100000) next
  h <- suppressWarnings(wilcox.test(x, y, alternative = a, exact = s$exact, correct = s$correct, mu = s$mu))
  cases[[length(cases) + 1]] <- list(pair = pi - 1, alternative = a, exact = s$exact, correct = s$correct, mu = s$mu,
    statistic = unname(h$statistic), pValue = h$p.value, method = h$method)
}
write_fixtures(list(pairs = lapply(pairs, function(p) list(x = I(p[[1]]), y = I(p[[2]]))), cases = cases))
