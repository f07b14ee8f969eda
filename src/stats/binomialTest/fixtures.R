# Reference values for binomialTest: stats::binom.test(x, n, p, alternative, conf.level).
# Run: Rscript src/stats/binomialTest/fixtures.R  (writes fixtures.json, 17 significant digits)
source(file.path(dirname(normalizePath(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE)))), "../_common/json.R"))
grid <- list(c(7, 20, 0.3), c(0, 10, 0.5), c(10, 10, 0.5), c(5, 10, 0.5), c(1, 1, 0.5), c(0, 1, 0.2), c(3, 50, 0.01),
  c(682, 925, 0.75), c(0, 1000, 0.5), c(1000, 1000, 0.5), c(1, 1000, 0.5), c(20, 100000, 0.0001), c(5, 12, 0),
  c(0, 12, 0), c(12, 12, 1), c(3, 12, 1), c(500, 1000, 0.5), c(499, 1000, 0.5), c(2, 3000, 0.9),
  c(450, 1000, 0.45), c(17, 40, 1/3), c(25, 60, 0.5), c(300, 400, 0.2), c(1, 2000, 0.3))
cases <- list()
for (g in grid) for (a in c("two.sided", "less", "greater")) for (cl in c(0.95, 0.8, 0.999)) {
  h <- binom.test(g[1], g[2], g[3], alternative = a, conf.level = cl)
  cases[[length(cases) + 1]] <- list(x = g[1], n = g[2], p = g[3], alternative = a, confLevel = cl,
    pValue = as.numeric(h$p.value), estimate = unname(h$estimate), confInt = as.numeric(h$conf.int))
}
write_fixtures(cases)
