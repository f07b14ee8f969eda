# Reference values for the exact Wilcoxon distributions (pwilcox, psignrank).
# Run: Rscript src/stats/_dist/wilcoxon.fixtures.R  (writes wilcoxon.fixtures.json)
source(file.path(dirname(normalizePath(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE)))), "../_common/json.R"))
pw <- list(); ps <- list()
for (m in c(1, 2, 3, 5, 10, 17, 30, 49, 60)) for (n in c(1, 4, 9, 25, 49, 80)) {
  mx <- m * n
  for (q in unique(round(c(0, 1, 2, mx * c(0.05, 0.2, 0.4, 0.5, 0.55, 0.7, 0.9), mx - 2, mx - 1, mx)))) {
    pw[[length(pw) + 1]] <- I(c(q, m, n, pwilcox(q, m, n), pwilcox(q, m, n, lower.tail = FALSE)))
  }
}
for (n in c(1, 2, 3, 7, 15, 30, 49, 60, 100)) {
  mx <- n * (n + 1) / 2
  for (q in unique(round(c(0, 1, 3, mx * c(0.1, 0.3, 0.45, 0.5, 0.6, 0.8), mx - 1, mx)))) {
    ps[[length(ps) + 1]] <- I(c(q, n, psignrank(q, n), psignrank(q, n, lower.tail = FALSE)))
  }
}
write_fixtures(list(pwilcox = pw, psignrank = ps), "wilcoxon.fixtures.json")
