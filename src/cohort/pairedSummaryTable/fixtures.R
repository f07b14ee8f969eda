# Reference p-values for pairedSummaryTable's tests, from R.
# Run: Rscript src/cohort/pairedSummaryTable/fixtures.R  (writes fixtures.json, 17 significant digits)
#   mcnemar.test (correct = TRUE), wilcox.test(paired = TRUE), t.test(paired = TRUE), friedman.test;
#   Cochran's Q by its formula Q = (k - 1) (k sum C_j^2 - N^2) / (k N - sum R_i^2), pchisq(Q, k - 1)
source(file.path(dirname(normalizePath(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE)))), "../../stats/_common/json.R"))
set.seed(2026)
n <- 24
crp0 <- round(rlnorm(n, 2.5, 0.8), 1); crp8 <- round(crp0 * runif(n, 0.2, 1.1), 1); crp52 <- round(crp8 * runif(n, 0.4, 1.2), 1)
rem0 <- rbinom(n, 1, 0.2); rem8 <- pmax(rem0, rbinom(n, 1, 0.45)); rem52 <- pmax(rem8 * rbinom(n, 1, 0.9), rbinom(n, 1, 0.3))
crp8[3] <- NA; rem52[5] <- NA
ok2 <- !is.na(crp8); okb <- !is.na(rem52)
cq <- function(m) { k <- ncol(m); C <- colSums(m); R <- rowSums(m); N <- sum(m); Q <- (k - 1) * (k * sum(C^2) - N^2) / (k * N - sum(R^2)); pchisq(Q, k - 1, lower.tail = FALSE) }
rows <- list()
for (i in 1:n) for (t in 1:3) {
  v <- list(c(crp0[i], rem0[i]), c(crp8[i], rem8[i]), c(crp52[i], rem52[i]))[[t]]
  rows[[length(rows) + 1]] <- list(id = i, week = c(0, 8, 52)[t], crp = if (is.na(v[1])) NULL else v[1], rem = if (is.na(v[2])) NULL else v[2] == 1)
}
write_fixtures(list(
  rows = rows,
  pMcnemar = mcnemar.test(table(factor(rem0, 0:1), factor(rem8, 0:1)))$p.value,
  pWilcoxon = suppressWarnings(wilcox.test(crp0[ok2], crp8[ok2], paired = TRUE))$p.value,
  pPairedT = t.test(crp0[ok2], crp8[ok2], paired = TRUE)$p.value,
  pFriedman = friedman.test(cbind(crp0, crp8, crp52)[ok2, ])$p.value,
  pCochran = cq(cbind(rem0, rem8, rem52)[okb, ]),
  nComplete3 = sum(ok2), nCompleteBin3 = sum(okb)
))
