# Reference values for twoProportionTest: stats::prop.test(c(x1, x2), c(n1, n2), correct, alternative, conf.level).
# Run: Rscript src/stats/twoProportionTest/fixtures.R  (writes fixtures.json, 17 significant digits)
source(file.path(dirname(normalizePath(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE)))), "../_common/json.R"))
set.seed(14)
cases <- list()
grid <- list(c(19, 9, 28, 28), c(2, 11, 28, 52), c(18, 30, 28, 52), c(0, 5, 10, 12), c(10, 10, 20, 20), c(1, 1, 3, 200),
  c(150, 420, 400, 600), c(7, 0, 7, 9), c(4, 12, 28, 52), c(3, 5, 9, 14))
for (k in 1:8) { n <- sample(5:300, 2); grid[[length(grid) + 1]] <- c(rbinom(1, n[1], runif(1)), rbinom(1, n[2], runif(1)), n) }
# A large n1 against a tiny n2: the capped continuity correction must come from |p1 - p2| / (1/n1 + 1/n2)
# (x1 - n1 p cancels to 6e-8 relative error in the interval).
grid <- c(grid, list(c(630201, 1, 1e6, 1), c(123457, 2, 1e6, 3), c(999999, 0, 1e6, 1)))
for (g in grid) for (correct in c(TRUE, FALSE)) for (alt in c("two.sided", "less", "greater")) {
  r <- suppressWarnings(prop.test(g[1:2], g[3:4], correct = correct, alternative = alt, conf.level = if (alt == "two.sided") 0.95 else 0.9))
  cases[[length(cases) + 1]] <- list(x = I(g[1:2]), n = I(g[3:4]), correct = correct,
    alternative = if (alt == "two.sided") "two-sided" else alt, confLevel = if (alt == "two.sided") 0.95 else 0.9,
    statistic = unname(r$statistic), pValue = r$p.value, estimate = unname(r$estimate[1] - r$estimate[2]), confInt = I(as.numeric(r$conf.int)))
}
write_fixtures(list(cases = cases))
