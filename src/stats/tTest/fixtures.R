# Reference values for src/stats/tTest (t.test: Welch, var.equal, paired; Welch from summaries).
# Run: Rscript src/stats/tTest/fixtures.R  (writes fixtures.json, 17 significant digits)
source(file.path(dirname(normalizePath(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE)))), "../_common/json.R"))
set.seed(4242)
alts <- c("two.sided", "less", "greater")
res <- function(t) list(statistic = unname(t$statistic), df = unname(t$parameter), pValue = t$p.value,
                        confInt = as.numeric(t$conf.int))
pairs <- list(
  list(c(1, 2, 3, 4), c(2, 4, 6, 8, 10)), list(rnorm(5), rnorm(7, 1)), list(rnorm(30, 10, 2), rnorm(25, 11, 5)),
  list(rnorm(2), rnorm(2)), list(rnorm(200, 0, 1), rnorm(300, 0.2, 1)), list(rnorm(40, 0, 1), rnorm(40, 8, 1)),
  list(rnorm(1000), rnorm(1000, 0.5)), list(1e8 + rnorm(10), 1e8 + rnorm(12, 0.3)), list(c(5, 5, 5, 6), c(1, 2, 3, 9, 12)),
  list(rnorm(3, 0, 1e-6), rnorm(4, 1e-6, 1e-6)), list(rnorm(15, 0, 1), rnorm(15, 20, 1)), list(rexp(60), rexp(80, 2)),
  list(c(0, 0, 0, 1), c(0, 1, 1, 1)), list(rnorm(2000, 0, 1), rnorm(2000, 1.2, 1))
)
cases <- list()
for (pi in seq_along(pairs)) for (a in alts) for (a in alts) for (spec in list(list(mu = 0, cl = 0.95), list(mu = 0.5, cl = 0.9), list(mu = -1, cl = 0.999))) {
  x <- pairs[[pi]][[1]]; y <- pairs[[pi]][[2]]
  w <- t.test(x, y, alternative = a, mu = spec$mu, conf.level = spec$cl)
  s <- t.test(x, y, alternative = a, mu = spec$mu, conf.level = spec$cl, var.equal = TRUE)
  case <- list(pair = pi - 1, alternative = a, mu = spec$mu, confLevel = spec$cl,
               welch = c(res(w), estimate = mean(x) - mean(y)), student = c(res(s), estimate = mean(x) - mean(y)),
               summary = list(x = list(mean = mean(x), sd = sd(x), n = length(x)), y = list(mean = mean(y), sd = sd(y), n = length(y))))
  if (length(x) == length(y)) {
    pt <- t.test(x, y, alternative = a, mu = spec$mu, conf.level = spec$cl, paired = TRUE)
    case$paired <- c(res(pt), estimate = unname(pt$estimate))
  }
  cases[[length(cases) + 1]] <- case
}
write_fixtures(list(pairs = lapply(pairs, function(p) list(x = I(p[[1]]), y = I(p[[2]]))), cases = cases))
