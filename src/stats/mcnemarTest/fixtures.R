# Reference values for mcnemarTest: stats::mcnemar.test on 2 x 2 tables.
# Run: Rscript src/stats/mcnemarTest/fixtures.R  (writes fixtures.json, 17 significant digits)
source(file.path(dirname(normalizePath(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE)))), "../_common/json.R"))
tabs <- list(c(794, 86, 150, 570), c(10, 5, 5, 10), c(0, 1, 0, 0), c(3, 0, 7, 2), c(0, 40, 1, 0), c(1, 2, 3, 4),
  c(100, 1000, 10, 100), c(0, 3000, 0, 0), c(5, 6, 7, 8), c(50, 0, 1, 50), c(20, 400, 390, 20), c(0, 1e5, 1e4, 0))
cases <- list()
for (v in tabs) for (corr in c(TRUE, FALSE)) {
  t <- matrix(v, 2, byrow = TRUE); h <- mcnemar.test(t, correct = corr)
  cases[[length(cases) + 1]] <- list(table = t, correct = corr, statistic = unname(h$statistic), df = unname(h$parameter), pValue = h$p.value)
}
write_fixtures(cases)
