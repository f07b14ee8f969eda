# Reference values for oneSampleTTest: stats::t.test(x, mu, alternative, conf.level).
# Run: Rscript src/stats/tTest/oneSample.fixtures.R  (writes oneSample.fixtures.json, 17 significant digits)
source(file.path(dirname(normalizePath(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE)))), "../_common/json.R"))
set.seed(7)
xs <- list(c(5, 6, 8, 9), rnorm(2), rnorm(30, 100, 15), rexp(12), 1e8 + rnorm(9), round(runif(50, 20, 70)))
cases <- list()
for (x in xs) for (alt in c("two.sided", "less", "greater")) for (mu in c(0, 1)) {
  r <- t.test(x, mu = mu, alternative = alt, conf.level = 0.9)
  cases[[length(cases) + 1]] <- list(x = I(x), mu = mu, alternative = if (alt == "two.sided") "two-sided" else alt,
    statistic = unname(r$statistic), df = unname(r$parameter), pValue = r$p.value, estimate = unname(r$estimate), confInt = I(as.numeric(r$conf.int)))
}
write_fixtures(list(cases = cases), "oneSample.fixtures.json")
