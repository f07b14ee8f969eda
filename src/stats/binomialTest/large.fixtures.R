# Reference values for binomialTest with n above 2^31 (issue: a 32-bit bisection midpoint).
# Run: Rscript src/stats/binomialTest/large.fixtures.R  (writes large.fixtures.json)
# One-sided p-values and Clopper-Pearson limits are binom.test's own. For the two-sided p-value
# binom.test builds dbinom() over every outcome on the far side of the mean (billions of values here),
# so its rule is evaluated on the window of outcomes that can be more likely than x:
# dbinom is unimodal, so outside the window every outcome is less likely (checked at both ends).
source(file.path(dirname(normalizePath(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE)))), "../_common/json.R"))
two_sided <- function(x, n, p) {
  relErr <- 1 + 1e-7
  d <- dbinom(x, n, p)
  m <- n * p
  if (x == m) return(1)
  w <- max(1e5, 60 * sqrt(n * p * (1 - p)))
  if (x < m) {
    i <- seq(ceiling(m), min(n, ceiling(m) + w))
    stopifnot(dbinom(max(i), n, p) <= d * relErr || max(i) == n)
    y <- (n - ceiling(m) + 1) - sum(dbinom(i, n, p) > d * relErr)
    pbinom(x, n, p) + pbinom(n - y, n, p, lower.tail = FALSE)
  } else {
    i <- seq(max(0, floor(m) - w), floor(m))
    stopifnot(dbinom(min(i), n, p) <= d * relErr || min(i) == 0)
    y <- min(i) + sum(dbinom(i, n, p) <= d * relErr)
    pbinom(y - 1, n, p) + pbinom(x - 1, n, p, lower.tail = FALSE)
  }
}
grid <- list(c(1, 3e9, 0.5), c(1, 3e9, 1e-9), c(1499900000, 3e9, 0.5), c(1500000000, 3e9, 0.5),
  c(3, 2^53 - 1, 1e-15), c(123456789, 2^40, 1e-4), c(2147483649, 4294967296, 0.5), c(7, 5e12, 2e-12))
cases <- list()
for (g in grid) for (a in c("two.sided", "less", "greater")) {
  h <- binom.test(g[1], g[2], g[3], alternative = if (a == "two.sided") "less" else a)
  pv <- if (a == "two.sided") min(1, two_sided(g[1], g[2], g[3])) else as.numeric(h$p.value)
  ci <- if (a == "two.sided") as.numeric(binom.test(g[1], g[2], g[3], alternative = "less", conf.level = 0.95)$conf.int) else as.numeric(h$conf.int)
  if (a == "two.sided") {
    alpha <- 0.025
    ci <- c(if (g[1] == 0) 0 else qbeta(alpha, g[1], g[2] - g[1] + 1), if (g[1] == g[2]) 1 else qbeta(1 - alpha, g[1] + 1, g[2] - g[1]))
  }
  cases[[length(cases) + 1]] <- list(x = g[1], n = g[2], p = g[3], alternative = a, pValue = pv, confInt = ci)
}
write_fixtures(cases, "large.fixtures.json")
