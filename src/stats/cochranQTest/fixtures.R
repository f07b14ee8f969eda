# Reference values for cochranQTest: Cochran's Q computed in R from the definition
# Q = (k-1)(k sum C^2 - N^2)/(k N - sum R^2), p = pchisq(Q, k-1, lower.tail = FALSE)
# (the formula of DescTools::CochranQTest, which is not installed here); cross-checked at k = 2 against
# mcnemar.test(correct = FALSE), which Q equals.
# Run: Rscript src/stats/cochranQTest/fixtures.R  (writes fixtures.json, 17 significant digits)
source(file.path(dirname(normalizePath(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE)))), "../_common/json.R"))
set.seed(7)
q <- function(m) { k <- ncol(m); C <- colSums(m); R <- rowSums(m); N <- sum(m)
  Q <- (k - 1) * (k * sum(C^2) - N^2) / (k * N - sum(R^2)); list(statistic = Q, df = k - 1, pValue = pchisq(Q, k - 1, lower.tail = FALSE)) }
ms <- list(matrix(c(1, 1, 0, 1, 0, 0, 1, 1, 1, 0, 0, 0, 1, 0, 0, 1, 1, 0), 6, byrow = TRUE), matrix(c(1, 0, 0, 1), 2),
  matrix(c(1, 0, 1, 0, 0, 1), 3, byrow = TRUE))
for (i in 1:15) { k <- sample(2:6, 1); n <- sample(5:200, 1); ms[[length(ms) + 1]] <- matrix(rbinom(n * k, 1, runif(k)[col(matrix(0, n, k))]), n) }
cases <- lapply(ms, function(m) c(list(data = m), q(m)))
m2 <- ms[[5]][, 1:2]; tb <- table(factor(m2[, 1], 0:1), factor(m2[, 2], 0:1))
stopifnot(abs(q(m2)$statistic - mcnemar.test(tb, correct = FALSE)$statistic) < 1e-12)
write_fixtures(cases)
