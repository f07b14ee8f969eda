# Reference values for the private distribution functions (src/stats/_dist).
# Run: Rscript src/stats/_dist/fixtures.R  (writes fixtures.json next to this script, 17 significant digits)
source(file.path(dirname(normalizePath(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE)))), "../_common/json.R"))
row <- function(...) I(c(...))
out <- list()
add <- function(name, r) out[[name]] <<- c(out[[name]], list(r))

xs <- c(-40, -38.4, -37.5, -30, -20, -10, -8.3, -5, -3, -2.5, -1.96, -1.5, -1, -0.7, -0.5, -0.1, -1e-8, 0,
        1e-8, 0.3, 0.6745, 1, 1.2, 1.644853, 2, 3, 4.5, 6, 9, 12, 25, 37.5, 38.5)
for (x in xs) add("pnorm", row(x, pnorm(x), pnorm(x, lower.tail = FALSE), pnorm(x, log.p = TRUE), pnorm(x, lower.tail = FALSE, log.p = TRUE)))
ps <- c(1e-300, 1e-200, 1e-100, 1e-50, 1e-20, 1e-12, 1e-10, 1e-8, 1e-5, 0.001, 0.01, 0.025, 0.05, 0.074, 0.075, 0.1, 0.3,
        0.5, 0.6, 0.9, 0.925, 0.95, 0.975, 0.99, 0.999, 1 - 1e-10)
for (p in ps) add("qnorm", row(p, qnorm(p), qnorm(p, lower.tail = FALSE)))
for (df in c(0.5, 1, 2, 3, 5, 7.5, 10, 30, 100, 1000, 1e5)) for (x in c(1e-5, 0.01, 0.5, 1, 2, 3.84, 10, 50, 200, 1000, 3000)) {
  add("pchisq", row(x, df, pchisq(x, df), pchisq(x, df, lower.tail = FALSE), pchisq(x, df, lower.tail = FALSE, log.p = TRUE)))
}
for (n in c(1, 5, 20, 100, 1000, 1e5)) for (p in c(1e-6, 0.01, 0.3, 0.5, 0.77, 0.999)) for (f in c(0, 0.1, 0.3, 0.5, 0.7, 0.95, 1)) {
  k <- floor(f * n); add("pbinom", row(k, n, p, pbinom(k, n, p), pbinom(k, n, p, lower.tail = FALSE), dbinom(k, n, p)))
}
for (df in c(0.7, 1, 2, 3, 4.5, 9, 17.3, 50, 200, 1e4, 1e7)) for (x in c(-1e5, -300, -40, -12, -5, -2, -1, -0.3, 0.2, 1.5, 2.1, 4, 10, 60)) {
  add("pt", row(x, df, pt(x, df), pt(x, df, lower.tail = FALSE), pt(x, df, log.p = TRUE)))
}
for (df in c(1, 2, 3, 4.5, 9, 17.3, 50, 200, 1e4)) for (p in c(1e-12, 1e-6, 0.005, 0.025, 0.05, 0.1, 0.4, 0.6, 0.95, 0.975, 0.995)) {
  add("qt", row(p, df, qt(p, df), qt(p, df, lower.tail = FALSE)))
}
for (a in c(0.5, 1, 2.5, 10, 60, 1000)) for (b in c(0.5, 1, 3, 25, 400, 1e5)) for (x in c(1e-6, 0.01, 0.2, 0.5, 0.8, 0.99, 0.999999)) {
  add("pbeta", row(x, a, b, pbeta(x, a, b), pbeta(x, a, b, lower.tail = FALSE)))
}
for (a in c(0.5, 1, 3, 25, 400)) for (b in c(1, 3, 25, 400)) for (p in c(1e-10, 0.005, 0.025, 0.5, 0.975, 0.995)) {
  add("qbeta", row(p, a, b, qbeta(p, a, b), qbeta(p, a, b, lower.tail = FALSE)))
}
for (x in c(1e-10, 0.1, 0.5, 1, 1.5, 2, 2.5, 3.7, 9.99, 10, 10.5, 25, 171.3, 1e4, 1e7, 1e15)) add("lgamma", row(x, lgamma(x)))
write_fixtures(out)
