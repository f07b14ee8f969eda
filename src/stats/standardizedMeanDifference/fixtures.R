# Reference values for standardizedMeanDifference: the SMD formulas written out in R.
# Run: Rscript src/stats/standardizedMeanDifference/fixtures.R  (writes fixtures.json, 17 significant digits)
#   continuous: (m1 - m0) / sqrt((v1 + v0) / 2), v = sum(w) / (sum(w)^2 - sum(w^2)) * sum(w (x - m)^2)
#               (stats::var when w = 1; cross-checked against stats::cov.wt(method = "unbiased"))
#   binary:     (p1 - p0) / sqrt((p1 (1 - p1) + p0 (1 - p0)) / 2), p weighted means (stats::weighted.mean)
#   categorical (Yang-Dalton): sqrt(t(T - C) %*% solve((S1 + S0) / 2) %*% (T - C)), first level dropped
source(file.path(dirname(normalizePath(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE)))), "../_common/json.R"))
set.seed(20261204)
# Unit weights use base::mean (refined sum, as the TypeScript code) and stats::var.
wmean <- function(x, w) if (all(w == 1)) mean(x) else weighted.mean(x, w)
wvar <- function(x, w) {
  if (all(w == 1)) return(var(x))
  m <- weighted.mean(x, w)
  v <- sum(w) / (sum(w)^2 - sum(w^2)) * sum(w * (x - m)^2)
  v2 <- cov.wt(matrix(x), wt = w / sum(w), method = "unbiased")$cov[1, 1]
  stopifnot(abs(v - v2) <= 1e-12 * abs(v))
  v
}
cont <- function(x1, x0, w1, w0) (wmean(x1, w1) - wmean(x0, w0)) / sqrt((wvar(x1, w1) + wvar(x0, w0)) / 2)
bin <- function(x1, x0, w1, w0) {
  p1 <- weighted.mean(x1, w1); p0 <- weighted.mean(x0, w0)
  (p1 - p0) / sqrt((p1 * (1 - p1) + p0 * (1 - p0)) / 2)
}
catg <- function(x1, x0, w1, w0, levels) {
  p1 <- sapply(levels, function(l) sum(w1[x1 == l]) / sum(w1))
  p0 <- sapply(levels, function(l) sum(w0[x0 == l]) / sum(w0))
  keep <- (p1 > 0 | p0 > 0)
  p1k <- p1[keep]; p0k <- p0[keep]
  T <- p1k[-1]; C <- p0k[-1]
  cv <- function(p) { S <- -outer(p, p); diag(S) <- p * (1 - p); S }
  S <- (cv(T) + cv(C)) / 2
  d <- T - C
  list(smd = sqrt(drop(t(d) %*% solve(S) %*% d)), p1 = unname(p1), p0 = unname(p0))
}
cases <- list()
add <- function(type, x1, x0, w1 = NULL, w0 = NULL, levels = NULL) {
  u1 <- if (is.null(w1)) rep(1, length(x1)) else w1
  u0 <- if (is.null(w0)) rep(1, length(x0)) else w0
  case <- list(type = type, x1 = I(x1), x0 = I(x0))
  if (!is.null(w1)) case$weights1 <- I(w1)
  if (!is.null(w0)) case$weights0 <- I(w0)
  if (type == "continuous") {
    case$smd <- cont(x1, x0, u1, u0)
    case$mean1 <- wmean(x1, u1); case$mean0 <- wmean(x0, u0)
    case$variance1 <- wvar(x1, u1); case$variance0 <- wvar(x0, u0)
    if (is.null(w1) && is.null(w0)) stopifnot(abs(case$variance1 - var(x1)) <= 1e-12 * var(x1))
  } else if (type == "binary") {
    case$smd <- bin(x1, x0, u1, u0)
    case$proportion1 <- weighted.mean(x1, u1); case$proportion0 <- weighted.mean(x0, u0)
  } else {
    r <- catg(x1, x0, u1, u0, levels)
    case$levels <- I(levels); case$smd <- r$smd; case$proportions1 <- I(r$p1); case$proportions0 <- I(r$p0)
  }
  cases[[length(cases) + 1]] <<- case
}
# continuous, unweighted and weighted
for (k in 1:6) {
  n1 <- sample(c(2, 5, 20, 80, 300), 1); n0 <- sample(c(2, 7, 25, 90, 250), 1)
  add("continuous", rnorm(n1, 40, 12), rnorm(n0, 35, 9))
}
add("continuous", c(5, 6, 7), c(4, 5, 6))
add("continuous", 1e9 + c(0.1, 0.2, 0.4, 0.8), 1e9 + c(0.3, 0.1, 0.2, 0.2, 0.9))
add("continuous", rexp(40, 0.1), rexp(35, 0.2))
for (k in 1:6) {
  n1 <- sample(c(3, 10, 50, 200), 1); n0 <- sample(c(4, 12, 60, 150), 1)
  p <- runif(1, 0.2, 0.8)
  add("continuous", rnorm(n1, 1, 2), rnorm(n0, 0.5, 1.5), w1 = 1 / runif(n1, 0.1, 0.9), w0 = 1 / (1 - runif(n0, 0.1, 0.9)))
}
add("continuous", c(1, 2, 3, 4), c(2, 2, 5), w1 = c(0, 1, 2, 1), w0 = c(0.5, 0.5, 3))
# binary
for (k in 1:5) {
  n1 <- sample(c(5, 30, 100, 400), 1); n0 <- sample(c(6, 40, 120, 350), 1)
  add("binary", rbinom(n1, 1, runif(1, 0.1, 0.9)), rbinom(n0, 1, runif(1, 0.1, 0.9)))
}
add("binary", c(1, 1, 0, 0), c(1, 0, 0, 0))
for (k in 1:5) {
  n1 <- sample(c(8, 30, 100), 1); n0 <- sample(c(9, 40, 120), 1)
  add("binary", rbinom(n1, 1, 0.4), rbinom(n0, 1, 0.6), w1 = runif(n1, 0.2, 5), w0 = runif(n0, 0.2, 5))
}
# categorical
levs <- list(c("A", "B", "C"), c("L1", "L2", "L3", "L4"), c("x", "y", "z", "u", "v"), c("no", "yes"))
for (k in 1:8) {
  L <- levs[[(k - 1) %% 4 + 1]]
  n1 <- sample(c(20, 60, 200), 1); n0 <- sample(c(25, 80, 150), 1)
  pr1 <- runif(length(L)); pr0 <- runif(length(L))
  x1 <- sample(L, n1, TRUE, pr1); x0 <- sample(L, n0, TRUE, pr0)
  x1[1:length(L)] <- L; x0[1:length(L)] <- L
  if (k > 4) add("categorical", x1, x0, w1 = runif(n1, 0.3, 3), w0 = runif(n0, 0.3, 3), levels = L)
  else add("categorical", x1, x0, levels = L)
}
# a level absent from both groups (dropped) and a level absent from one group
add("categorical", c("A", "B", "B", "C", "A"), c("A", "A", "B", "A", "A", "B"), levels = c("A", "B", "C", "D"))
write_fixtures(list(cases = cases))
