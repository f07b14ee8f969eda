# Reference values for fisherExactTest.
# p-values: stats::fisher.test (FEXACT for r x c, workspace raised). 2 x 2 estimate and interval: the exact
# roots of the same equations fisher.test solves (conditional MLE: E[X] = x; limits: P(X <= x) = alpha and
# P(X >= x) = alpha under the non-central hypergeometric), solved here on the log odds ratio to ~1e-15
# (fisher.test's own uniroot stops near 1e-4; its values are stored too, as rEstimate / rConfInt).
# Run: Rscript src/stats/fisherExactTest/fixtures.R  (writes fixtures.json, 17 significant digits)
source(file.path(dirname(normalizePath(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE)))), "../_common/json.R"))
set.seed(12)
exact22 <- function(tab, alternative, conf) {
  x <- tab[1, 1]; m <- sum(tab[, 1]); n <- sum(tab[, 2]); k <- sum(tab[1, ])
  lo <- max(0L, k - n); hi <- min(k, m); support <- lo:hi
  logdc <- dhyper(support, m, n, k, log = TRUE)
  ldn <- function(th) { d <- logdc + th * support; d - (max(d) + log(sum(exp(d - max(d))))) }
  lse <- function(v) max(v) + log(sum(exp(v - max(v))))
  mnx <- function(th) sum((support - x) * exp(ldn(th))) # centred: E[X] - x without cancellation
  lpl <- function(th) lse(ldn(th)[support <= x])
  lpu <- function(th) lse(ldn(th)[support >= x])
  root <- function(f) uniroot(f, c(-5, 5), extendInt = "yes", tol = 1e-15, maxiter = 10000)$root
  est <- if (x == lo) 0 else if (x == hi) Inf else exp(root(mnx))
  U <- function(a) if (x == hi) Inf else exp(root(function(t) lpl(t) - log(a)))
  L <- function(a) if (x == lo) 0 else exp(root(function(t) lpu(t) - log(a)))
  ci <- switch(alternative, less = c(0, U(1 - conf)), greater = c(L(1 - conf), Inf),
               two.sided = c(L((1 - conf) / 2), U((1 - conf) / 2)))
  list(estimate = est, confInt = ci)
}
t22 <- list(c(3, 1, 1, 3), c(10, 2, 3, 15), c(0, 5, 5, 0), c(5, 0, 0, 5), c(0, 0, 3, 4), c(1, 2, 0, 0), c(12, 5, 7, 15),
  c(1, 1, 1, 1), c(100, 3, 2, 100), c(50, 60, 55, 48), c(0, 10, 1, 10), c(7, 300, 12, 290), c(1000, 5, 4, 1000),
  c(2, 9, 8, 1), c(20, 21, 19, 22), c(1, 0, 0, 1), c(9, 1, 1, 9), c(400, 400, 380, 420), c(3, 0, 2, 6))
cases <- list()
for (v in t22) for (a in c("two.sided", "less", "greater")) for (cl in c(0.95, 0.9)) {
  tab <- matrix(v, 2, byrow = TRUE)
  h <- fisher.test(tab, alternative = a, conf.level = cl)
  e <- exact22(tab, a, cl)
  cases[[length(cases) + 1]] <- list(table = tab, alternative = a, confLevel = cl, pValue = h$p.value,
    estimate = e$estimate, confInt = e$confInt, rEstimate = unname(h$estimate), rConfInt = as.numeric(h$conf.int))
}
trc <- list(matrix(c(1, 2, 5, 3, 4, 1), 2, byrow = TRUE), matrix(c(1, 2, 3, 2, 5, 4, 5, 1, 1), 3),
  matrix(c(1, 0, 3, 2, 0, 4, 5, 0, 1), 3), matrix(c(3, 0, 0, 0, 3, 0, 0, 0, 3), 3), matrix(c(10, 0, 0, 0, 10, 0, 0, 0, 10, 0, 0, 0), 3),
  matrix(c(2, 3, 4, 5, 6, 7, 8, 1, 2, 3), 2), matrix(c(20, 5, 3, 2, 25, 4, 1, 3, 30), 3), matrix(c(1, 1, 1, 1, 1, 1), 3),
  matrix(c(8, 3, 6, 2, 5, 4, 7, 3, 6, 4, 5, 4, 8, 3, 4, 3, 6, 4, 7, 5, 6, 4, 5, 4, 4), 5, byrow = TRUE),
  matrix(c(40, 2, 1, 1, 1, 35, 2, 1, 0, 1, 38, 3, 2, 0, 1, 30), 4), matrix(c(0, 7, 9, 1, 0, 0, 8, 2, 1), 3),
  matrix(c(50, 10, 5, 5, 12, 48, 6, 4), 2, byrow = TRUE), matrix(c(1, 2, 2, 1, 0, 3, 3, 0), 4))
for (i in 1:25) { r <- sample(2:4, 1); cc <- sample(3:5, 1); trc[[length(trc) + 1]] <- matrix(rpois(r * cc, sample(c(0.7, 2, 4), 1)), r) }
for (tab in trc) {
  if (sum(rowSums(tab) > 0) < 2 || sum(colSums(tab) > 0) < 2) next
  h <- fisher.test(tab, workspace = 2e8)
  cases[[length(cases) + 1]] <- list(table = tab, alternative = "two.sided", confLevel = 0.95, pValue = h$p.value)
}
write_fixtures(cases)
