# Reference values for friedmanTest: stats::friedman.test(matrix) (rows = blocks, columns = groups).
# Run: Rscript src/stats/friedmanTest/fixtures.R  (writes fixtures.json, 17 significant digits)
source(file.path(dirname(normalizePath(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE)))), "../_common/json.R"))
set.seed(6)
ms <- list(matrix(c(1, 2, 3, 2, 3, 1, 1, 3, 2, 1, 2, 3), 4, byrow = TRUE), matrix(c(1, 2, 1, 2, 1, 2), 3, byrow = TRUE),
  matrix(c(1, 1, 2, 3, 3, 3, 1, 2, 2), 3, byrow = TRUE), matrix(rnorm(60), 20), matrix(rpois(200, 2), 40),
  matrix(1:30, 10, byrow = TRUE), matrix(c(5, 5, 6, 1, 2, 3), 2, byrow = TRUE), matrix(round(rnorm(500), 1), 100), matrix(rep(1:3, 300), 300, byrow = TRUE), matrix(rep(c(1, 2, 2, 4), 250), 250, byrow = TRUE))
for (i in 1:10) { k <- sample(2:6, 1); ms[[length(ms) + 1]] <- matrix(round(rnorm(k * sample(2:30, 1)), sample(0:1, 1)), ncol = k) }
cases <- lapply(ms, function(m) { h <- friedman.test(m); list(data = m, statistic = unname(h$statistic), df = unname(h$parameter), pValue = h$p.value) })
write_fixtures(cases)
