# Reference values for src/stats/descriptive (mean, var, sd, median, quantile type 7, IQR).
# Run: Rscript src/stats/descriptive/fixtures.R  (writes fixtures.json, 17 significant digits)
source(file.path(dirname(normalizePath(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE)))), "../_common/json.R"))
set.seed(20261124)
samples <- list(
  c(1, 2, 3, 4), c(5, 1, 3, 2), c(7), c(2, 2), c(0, 0, 0, 1),
  rnorm(10), rnorm(101, 50, 10), rexp(1000), round(runif(57) * 10),
  1e8 + c(0.1, 0.2, 0.3, 0.4, 0.5), 1e9 + rnorm(200), -1e12 + runif(30),
  c(1e-300, 2e-300, 5e-300), c(-3.5, 1e6, 2, 2, 2, 8), rcauchy(333), rep(c(1, 2, 3), 40),
  c(1e15, 1e15 + 2, 1e15 + 4), seq(0, 1, length.out = 1001), 1e10 + (1:50) / 7, c(3, 1)
)
ps <- c(0, 0.01, 0.1, 0.25, 0.333, 0.5, 0.6, 0.75, 0.9, 0.975, 1)
cases <- lapply(samples, function(x) list(
  x = I(x), mean = mean(x), var = if (length(x) > 1) var(x) else NULL, sd = if (length(x) > 1) sd(x) else NULL,
  median = median(x), p = ps, q = unname(quantile(x, ps, type = 7)), iqr = IQR(x)))
write_fixtures(cases)
