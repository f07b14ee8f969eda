# Reference values for binomialConfInt: prop.test(x, n, correct)$conf.int (Wilson), binom.test (Clopper-Pearson),
# and the closed forms of Agresti-Coull and Wald (clipped to [0, 1]) computed in R.
# Run: Rscript src/stats/binomialConfInt/fixtures.R  (writes fixtures.json, 17 significant digits)
source(file.path(dirname(normalizePath(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE)))), "../_common/json.R"))
grid <- list(c(7, 20), c(0, 10), c(10, 10), c(5, 10), c(1, 1), c(0, 1), c(3, 50), c(682, 925), c(0, 1000), c(1, 1000),
  c(20, 100000), c(500, 1000), c(499, 1000), c(17, 40), c(1, 2), c(2, 3), c(999, 1000), c(30, 31), c(50, 101), c(4, 9))
cases <- list()
for (g in grid) for (cl in c(0.95, 0.9, 0.99)) {
  x <- g[1]; n <- g[2]; z <- qnorm((1 + cl) / 2); p <- x / n
  nt <- n + z^2; pt <- (x + z^2 / 2) / nt
  ac <- pmin(1, pmax(0, pt + c(-1, 1) * z * sqrt(pt * (1 - pt) / nt)))
  wd <- pmin(1, pmax(0, p + c(-1, 1) * z * sqrt(p * (1 - p) / n)))
  cases[[length(cases) + 1]] <- list(x = x, n = n, confLevel = cl,
    wilson = as.numeric(suppressWarnings(prop.test(x, n, correct = FALSE, conf.level = cl))$conf.int),
    wilsonCorrected = as.numeric(suppressWarnings(prop.test(x, n, correct = TRUE, conf.level = cl))$conf.int),
    clopperPearson = as.numeric(binom.test(x, n, conf.level = cl)$conf.int), agrestiCoull = ac, wald = wd)
}
write_fixtures(cases)
