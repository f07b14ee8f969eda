# Reference values for poolRubin: Rubin's rules with Barnard-Rubin degrees of freedom, computed in R by the
# published formulas (mice::pool is not packaged in Debian). Formulas: Rubin (1987); Barnard & Rubin (1999);
# van Buuren, Flexible Imputation of Missing Data, 2nd ed., §2.3 (the same as mice:::pool.fitlist/barnard.rubin).
# Run: Rscript src/stats/poolRubin/fixtures.R  (writes fixtures.json, 17 significant digits)
source(file.path(dirname(normalizePath(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE)))), "../_common/json.R"))
pool <- function(q, u, dfcom, conf) {
  m <- length(q); qbar <- mean(q); ubar <- mean(u); b <- var(q); t <- ubar + (1 + 1 / m) * b
  lambda <- if (t == 0) 0 else (1 + 1 / m) * b / t
  riv <- if (b == 0) 0 else (1 + 1 / m) * b / ubar
  dfold <- if (lambda == 0) Inf else (m - 1) / lambda^2
  if (is.infinite(dfcom)) df <- dfold else {
    dfobs <- (dfcom + 1) / (dfcom + 3) * dfcom * (1 - lambda)
    df <- if (is.infinite(dfold)) dfobs else dfold * dfobs / (dfold + dfobs)
  }
  fmi <- (riv + 2 / (df + 3)) / (riv + 1)
  crit <- if (is.infinite(df)) qnorm((1 + conf) / 2) else qt((1 + conf) / 2, df)
  list(estimate = qbar, withinVariance = ubar, betweenVariance = b, totalVariance = t, lambda = lambda, riv = riv,
       fmi = fmi, df = df, confInt = c(qbar - crit * sqrt(t), qbar + crit * sqrt(t)))
}
set.seed(20261204)
cases <- list()
add <- function(q, u, dfcom, conf) {
  r <- pool(q, u, dfcom, conf)
  cases[[length(cases) + 1]] <<- c(list(q = I(q), u = I(u), dfComplete = dfcom, confLevel = conf), r)
}
add(c(0.5, 0.6, 0.55), c(0.01, 0.012, 0.011), 29, 0.95)
add(c(0.5, 0.6, 0.55), c(0.01, 0.012, 0.011), Inf, 0.95)
for (k in 1:30) {
  m <- sample(c(2, 3, 5, 10, 20, 50, 100), 1)
  n <- sample(c(10, 28, 52, 80, 500, 10000), 1)
  p <- runif(1, 0.05, 0.95)
  q <- rbinom(m, n, p) / n
  u <- q * (1 - q) / n
  add(q, u, if (k %% 4 == 0) Inf else n - 1, c(0.95, 0.9, 0.99)[1 + k %% 3])
}
# identical imputations (b = 0): df = nu_obs
add(c(0.4, 0.4, 0.4, 0.4), c(0.006, 0.006, 0.006, 0.006), 39, 0.95)
# differences of two rates
add(c(0.12, 0.05, 0.09, 0.15, 0.07), c(0.011, 0.012, 0.0105, 0.0098, 0.0121), 78, 0.95)
write_fixtures(cases)
