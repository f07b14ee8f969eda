# Reference values for summaryTable's tests and intervals, from R.
# Run: Rscript src/cohort/summaryTable/fixtures.R  (writes fixtures.json, 17 significant digits)
#   p-values: wilcox.test, kruskal.test, chisq.test(correct = FALSE), fisher.test, t.test
#   CIs: prop.test(correct = FALSE) (Wilson), binom.test (Clopper-Pearson), t.test(x) (mean),
#        order statistics x(l), x(n - l + 1) with l = qbinom(alpha / 2, n, 0.5) (median),
#        t.test(x, y) (mean difference), prop.test(c(x1, x2), c(n1, n2)) (difference in proportions)
#   SMD: the formulas (continuous, binary, Yang-Dalton categorical); q-values: p.adjust(p, "BH")
source(file.path(dirname(normalizePath(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE)))), "../../stats/_common/json.R"))
set.seed(1414)
g <- c(rep("A", 14), rep("B", 12))
age <- c(round(rnorm(14, 50, 12)), round(rnorm(12, 38, 10)))
crp <- round(c(rexp(14, 1 / 8), rexp(12, 1 / 3)), 2)
male <- c(rep(c(TRUE, FALSE), 7), c(rep(TRUE, 3), rep(FALSE, 8), NA))
extent <- c(sample(c("E1", "E2", "E3"), 14, TRUE, c(0.2, 0.3, 0.5)), sample(c("E1", "E2", "E3"), 12, TRUE, c(0.5, 0.3, 0.2)))
A <- g == "A"; B <- g == "B"
medci <- function(x, cl = 0.95) { s <- sort(x); n <- length(s); l <- qbinom((1 - cl) / 2, n, 0.5); if (l < 1) c(NA, NA) else s[c(l, n - l + 1)] }
smd_c <- function(a, b) (mean(a) - mean(b)) / sqrt((var(a) + var(b)) / 2)
smd_b <- function(p1, p0) (p1 - p0) / sqrt((p1 * (1 - p1) + p0 * (1 - p0)) / 2)
smd_cat <- function(a, b, L) {
  p1 <- sapply(L, function(l) mean(a == l)); p0 <- sapply(L, function(l) mean(b == l))
  T <- p1[-1]; C <- p0[-1]
  cv <- function(p) { S <- -outer(p, p); diag(S) <- p * (1 - p); S }
  d <- T - C; sqrt(drop(t(d) %*% solve((cv(T) + cv(C)) / 2) %*% d))
}
mA <- male[A]; mB <- male[B & !is.na(male)]
tab_male <- rbind(c(sum(mA), sum(!mA)), c(sum(mB), sum(!mB)))
tab_ext <- rbind(table(factor(extent[A], c("E1", "E2", "E3"))), table(factor(extent[B], c("E1", "E2", "E3"))))
p_age <- suppressWarnings(wilcox.test(age[A], age[B]))$p.value
p_crp <- suppressWarnings(wilcox.test(crp[A], crp[B]))$p.value
p_male <- suppressWarnings(chisq.test(tab_male, correct = FALSE))
p_male_f <- fisher.test(tab_male)$p.value
ext_exp <- suppressWarnings(chisq.test(tab_ext, correct = FALSE))$expected
p_ext <- if (min(ext_exp) >= 5) suppressWarnings(chisq.test(tab_ext, correct = FALSE))$p.value else fisher.test(tab_ext)$p.value
ps <- c(p_age, p_crp, if (min(p_male$expected) >= 5) p_male$p.value else p_male_f, p_ext)
g3 <- rep(c("X", "Y", "Z"), length.out = 26)
out <- list(
  rows = lapply(seq_along(g), function(i) list(g = g[i], g3 = g3[i], age = age[i], crp = crp[i], male = if (is.na(male[i])) NULL else male[i], extent = extent[i])),
  pAge = p_age, pCrp = p_crp, pMale = ps[3], maleTest = if (min(p_male$expected) >= 5) "pearsonChiSquared" else "fisherExact",
  pExtent = p_ext, extentTest = if (min(ext_exp) >= 5) "pearsonChiSquared" else "fisherExact",
  qBH = I(p.adjust(ps, "BH")),
  pAgeKruskal3 = kruskal.test(age, factor(g3))$p.value,
  pAgeWelch = t.test(age[A], age[B])$p.value,
  ageMeanCiA = I(as.numeric(t.test(age[A])$conf.int)), ageMeanCiB = I(as.numeric(t.test(age[B])$conf.int)),
  ageMedianCiA = I(medci(age[A])), ageMedianCiB = I(medci(age[B])), ageMedianCiAll = I(medci(age)),
  crpMedianCiA = I(medci(crp[A])),
  maleWilsonA = I(as.numeric(prop.test(sum(mA), length(mA), correct = FALSE)$conf.int)),
  maleWilsonB = I(as.numeric(prop.test(sum(mB), length(mB), correct = FALSE)$conf.int)),
  maleCpA = I(as.numeric(binom.test(sum(mA), length(mA))$conf.int)),
  ageDiff = unname(mean(age[A]) - mean(age[B])), ageDiffCi = I(as.numeric(t.test(age[A], age[B])$conf.int)),
  maleDiff = mean(mA) - mean(mB), maleDiffCi = I(as.numeric(suppressWarnings(prop.test(c(sum(mA), sum(mB)), c(length(mA), length(mB))))$conf.int)),
  smdAge = smd_c(age[A], age[B]), smdMale = smd_b(mean(mA), mean(mB)), smdExtent = smd_cat(extent[A], extent[B], c("E1", "E2", "E3"))
)
write_fixtures(out)
