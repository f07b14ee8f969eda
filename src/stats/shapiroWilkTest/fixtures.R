# Reference values for shapiroWilkTest: stats::shapiro.test(x), n = 3..5000, normal and non-normal samples,
# ties, large offsets and far-tail p-values.
# Run: Rscript src/stats/shapiroWilkTest/fixtures.R  (writes fixtures.json, 17 significant digits)
source(file.path(dirname(normalizePath(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE)))), "../_common/json.R"))
set.seed(10)
xs <- list(c(2.1, 3.4, 1.9, 5.6, 4.4, 3.8, 2.7, 6.1, 3.3, 4.0), c(1, 2, 3), c(1, 2, 4), c(1, 1, 2), c(0, 0, 0, 1),
  c(1, 2, 3, 4), c(1, 2, 3, 10), c(1, 2, 3, 4, 5), c(1, 1, 1, 1, 9), rnorm(6), rexp(7), rnorm(11), rexp(11), rnorm(12),
  runif(20), rexp(50), rnorm(100), rexp(100), rcauchy(200), round(rnorm(300), 1), rnorm(1000), rexp(1000)^2,
  rnorm(4999), rnorm(5000), runif(5000), rexp(5000), 1e6 + rnorm(40), c(rep(0, 30), 1:5), rlnorm(2000, 0, 2),
  c(rnorm(100), 50), sample(1:3, 60, TRUE))
for (n in c(3, 4, 5, 6, 7, 8, 9, 10, 13, 17, 25, 33, 64, 128, 256, 777, 2500)) xs[[length(xs) + 1]] <- rnorm(n)^3
cases <- lapply(xs, function(x) { h <- shapiro.test(x); list(x = I(x), statistic = unname(h$statistic), pValue = h$p.value) })
write_fixtures(cases)
