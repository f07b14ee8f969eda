# Reference values for poissonConfInt: stats::poisson.test(x, T, conf.level)$conf.int.
# Run: Rscript src/stats/poissonConfInt/fixtures.R  (writes fixtures.json, 17 significant digits)
source(file.path(dirname(normalizePath(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE)))), "../_common/json.R"))
cases <- list()
for (x in c(0, 1, 2, 3, 7, 16, 50, 333, 10000)) for (T in c(0.5, 42.5, 117.25, 1e4)) for (cl in c(0.95, 0.9, 0.999)) {
  r <- poisson.test(x, T, conf.level = cl)
  cases[[length(cases) + 1]] <- list(x = x, exposure = T, confLevel = cl, confInt = I(as.numeric(r$conf.int)), estimate = unname(r$estimate))
}
write_fixtures(list(cases = cases))
