# Reference values for tippingPoint: every scenario enumerated directly in R.
# One group: binom.test(met + k, N, p0)$p.value for k = 0..missing. Two groups: every (kt, kc), the 2 x 2 table
# tested by the Table 1 rule (chisq.test(correct = FALSE) when every expected count >= 5, else fisher.test).
# Run: Rscript src/cohort/tippingPoint/fixtures.R  (writes fixtures.json, 17 significant digits)
source(file.path(dirname(normalizePath(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE)))), "../../stats/_common/json.R"))
one <- list(c(12, 10, 6, 0.3), c(19, 9, 0, 0.5), c(5, 20, 8, 0.4), c(40, 30, 12, 0.5), c(0, 3, 4, 0.2), c(26, 9, 8, 0.6))
ones <- lapply(one, function(g) {
  n <- g[1] + g[2] + g[3]
  list(met = g[1], notMet = g[2], missing = g[3], referenceRate = g[4],
       pValues = I(sapply(0:g[3], function(k) binom.test(g[1] + k, n, g[4])$p.value)))
})
rule <- function(tab) {
  e <- outer(rowSums(tab), colSums(tab)) / sum(tab)
  if (any(rowSums(tab) == 0) || any(colSums(tab) == 0)) return(list(test = "none", p = NA))
  if (all(e >= 5)) list(test = "pearsonChiSquared", p = chisq.test(tab, correct = FALSE)$p.value)
  else list(test = "fisherExact", p = fisher.test(tab)$p.value)
}
two <- list(list(c(20, 15, 5), c(10, 20, 6)), list(c(8, 4, 3), c(5, 9, 2)), list(c(30, 10, 10), c(25, 20, 5)))
twos <- lapply(two, function(g) {
  t <- g[[1]]; c <- g[[2]]; nt <- sum(t); nc <- sum(c); cells <- list()
  for (kt in 0:t[3]) for (kc in 0:c[3]) {
    tab <- matrix(c(t[1] + kt, nt - t[1] - kt, c[1] + kc, nc - c[1] - kc), 2, byrow = TRUE)
    r <- rule(tab)
    cells[[length(cells) + 1]] <- list(kt = kt, kc = kc, test = r$test, pValue = r$p)
  }
  list(treatment = list(met = t[1], notMet = t[2], missing = t[3]), control = list(met = c[1], notMet = c[2], missing = c[3]), cells = cells)
})
write_fixtures(list(one = ones, two = twos))
