# Reference values for the exact Wilcoxon distributions at the largest sizes computed exactly
# (rank sum: smaller sample up to 300; signed rank: up to 2000 differences).
# Run: Rscript src/stats/_dist/wilcoxon.large.fixtures.R  (writes wilcoxon.large.fixtures.json)
source(file.path(dirname(normalizePath(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE)))), "../_common/json.R"))
pw <- list()
for (s in list(c(300, 300), c(120, 1500), c(300, 600))) {
  m <- s[1]; n <- s[2]; mu <- m * n / 2; sdv <- sqrt(m * n * (m + n + 1) / 12)
  for (z in c(-12, -6, -3, -1, -0.2, 0, 0.7, 2.5)) {
    q <- floor(mu + z * sdv)
    pw[[length(pw) + 1]] <- I(c(q, m, n, pwilcox(q, m, n), pwilcox(q, m, n, lower.tail = FALSE)))
  }
}
ps <- list()
for (n in c(1000, 1500, 2000)) {
  mu <- n * (n + 1) / 4; sdv <- sqrt(n * (n + 1) * (2 * n + 1) / 24)
  for (z in c(-20, -8, -3, -1, 0, 0.4, 3)) {
    q <- floor(mu + z * sdv)
    ps[[length(ps) + 1]] <- I(c(q, n, psignrank(q, n), psignrank(q, n, lower.tail = FALSE)))
  }
}
write_fixtures(list(pwilcox = pw, psignrank = ps), "wilcoxon.large.fixtures.json")
