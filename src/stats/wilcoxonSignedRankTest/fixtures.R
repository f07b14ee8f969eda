# Reference values for wilcoxonSignedRankTest: stats::wilcox.test(x, y, paired = TRUE) and one-sample wilcox.test(x, mu).
# Covers exact and normal branches, zeros (dropped), ties, forced exact/approximate, far tails.
# Run: Rscript src/stats/wilcoxonSignedRankTest/fixtures.R  (writes fixtures.json, 17 significant digits)
source(file.path(dirname(normalizePath(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE)))), "../_common/json.R"))
set.seed(9)
sets <- list(list(c(1.83, 0.5, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.3), c(0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29)),
  list(rnorm(10), NULL), list(rnorm(49) + 0.5, NULL), list(rnorm(49) + 5, NULL), list(rnorm(60), NULL), list(1:30, NULL),
  list(c(1, 2, 2, 3, -1, 0), NULL), list(c(3, 1, 0, 4), c(1, 1, 2, 1)), list(rnorm(20), rnorm(20)), list(round(rnorm(80) * 3), NULL),
  list(c(5), NULL), list(c(-2, 3), NULL), list(rnorm(500) + 0.1, rnorm(500)), list(rexp(40), NULL), list(-(1:45), NULL), list(1:1500, NULL), list(c(1:700, 1:700), NULL))
specs <- list(list(exact = NULL, correct = TRUE, mu = 0), list(exact = NULL, correct = FALSE, mu = 0.3),
  list(exact = FALSE, correct = TRUE, mu = 0), list(exact = TRUE, correct = TRUE, mu = 0))
cases <- list()
for (si in seq_along(sets)) for (a in c("two.sided", "less", "greater")) for (s in specs) {
  x <- sets[[si]][[1]]; y <- sets[[si]][[2]]
  h <- if (is.null(y)) suppressWarnings(wilcox.test(x, alternative = a, exact = s$exact, correct = s$correct, mu = s$mu)) else
    suppressWarnings(wilcox.test(x, y, paired = TRUE, alternative = a, exact = s$exact, correct = s$correct, mu = s$mu))
  cases[[length(cases) + 1]] <- list(set = si - 1, alternative = a, exact = s$exact, correct = s$correct, mu = s$mu,
    statistic = unname(h$statistic), pValue = h$p.value, method = h$method)
}
write_fixtures(list(sets = lapply(sets, function(p) list(x = I(p[[1]]), y = if (is.null(p[[2]])) NULL else I(p[[2]]))), cases = cases))
