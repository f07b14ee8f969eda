# Reference values for chiSquareTest: stats::chisq.test(table, correct) on r x c tables.
# Run: Rscript src/stats/chiSquareTest/fixtures.R  (writes fixtures.json, 17 significant digits)
source(file.path(dirname(normalizePath(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE)))), "../_common/json.R"))
set.seed(11)
tabs <- list(matrix(c(12, 5, 7, 15), 2, byrow = TRUE), matrix(c(1, 0, 0, 1), 2), matrix(c(10, 10, 10, 10), 2),
  matrix(c(3, 1, 1, 3), 2), matrix(c(100, 0, 0, 100), 2), matrix(c(5000, 4000, 3000, 9000), 2),
  matrix(c(1, 2, 3, 4, 5, 6), 2), matrix(c(20, 15, 30, 35, 10, 40), 3), matrix(c(2, 0, 0, 0, 2, 0, 0, 0, 2), 3),
  matrix(c(1000, 1, 1, 1000), 2), matrix(c(100000, 1, 3, 100000), 2), matrix(c(10, 11, 10, 12), 2),
  matrix(c(0, 5, 5, 0), 2), matrix(c(4, 5, 5, 4), 2), matrix(c(5, 5, 5, 5.0), 2), matrix(c(2000, 1, 1, 2000, 5, 3, 2, 1000, 7), 3), matrix(c(700, 1, 1, 700), 2), matrix(c(650, 2, 3, 660, 1, 2), 2))
for (i in 1:20) { r <- sample(2:6, 1); cc <- sample(2:6, 1); tabs[[length(tabs) + 1]] <- matrix(rpois(r * cc, sample(c(1, 5, 50, 2000), 1)) + 1, r) }
cases <- list()
for (t in tabs) for (corr in c(TRUE, FALSE)) {
  h <- suppressWarnings(chisq.test(t, correct = corr))
  cases[[length(cases) + 1]] <- list(table = t, correct = corr, statistic = unname(h$statistic), df = unname(h$parameter),
    pValue = h$p.value, expected = unname(h$expected))
}
write_fixtures(cases)
