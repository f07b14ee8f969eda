# Reference values for logRankTest (Rscript fixtures.R): survdiff(Surv(time, status) ~ group
# (+ strata(s)), rho). survival 3.5. Groups are given as R factor levels in sorted order.
suppressMessages(library(survival))
source(file.path(dirname(normalizePath(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE)))), "../_common/json.R"))

lr_case <- function(label, time, status, group, strata = NULL, rho = 0) {
  f <- if (is.null(strata)) survdiff(Surv(time, status) ~ group, rho = rho) else survdiff(Surv(time, status) ~ group + strata(strata), rho = rho)
  obs <- if (is.matrix(f$obs)) rowSums(f$obs) else f$obs
  exp <- if (is.matrix(f$exp)) rowSums(f$exp) else f$exp
  out <- list(label = label, time = time, status = status, group = group, rho = rho,
              r = list(statistic = f$chisq, df = length(f$n) - 1, pValue = pchisq(f$chisq, length(f$n) - 1, lower.tail = FALSE),
                       n = I(as.numeric(f$n)), observed = I(as.numeric(obs)), expected = I(as.numeric(exp)), variance = unname(f$var)))
  if (!is.null(strata)) out$strata <- strata
  out
}
lung2 <- lung; lung2$status <- lung2$status - 1
vet <- veteran; ov <- ovarian; col <- colon[colon$etype == 2, ]
cases <- list(
  lr_case("lung by sex", lung2$time, lung2$status, lung2$sex),
  lr_case("lung by sex, rho = 1 (Peto-Peto)", lung2$time, lung2$status, lung2$sex, rho = 1),
  lr_case("lung by sex, rho = 0.5", lung2$time, lung2$status, lung2$sex, rho = 0.5),
  lr_case("lung by ph.ecog (4 groups)", lung2$time[!is.na(lung2$ph.ecog)], lung2$status[!is.na(lung2$ph.ecog)], lung2$ph.ecog[!is.na(lung2$ph.ecog)]),
  lr_case("veteran by trt, strata celltype", vet$time, vet$status, vet$trt, strata = as.character(vet$celltype)),
  lr_case("veteran by celltype (strings)", vet$time, vet$status, as.character(vet$celltype)),
  lr_case("ovarian by rx", ov$futime, ov$fustat, ov$rx),
  lr_case("ovarian by rx, strata resid.ds", ov$futime, ov$fustat, ov$rx, strata = ov$resid.ds),
  lr_case("colon by rx", col$time, col$status, as.character(col$rx)),
  lr_case("colon by rx, rho = 1", col$time, col$status, as.character(col$rx), rho = 1),
  lr_case("a group with no events", c(1, 2, 3, 4, 5, 6, 7, 8), c(1, 1, 0, 1, 0, 0, 0, 0), c("a", "a", "b", "a", "b", "b", "b", "a")),
  lr_case("ties across groups", c(2, 2, 2, 3, 3, 3, 5, 5, 5, 5), c(1, 1, 0, 1, 1, 0, 1, 0, 1, 1), c(1, 2, 1, 2, 1, 2, 1, 2, 2, 1)),
  lr_case("numeric labels sort numerically", c(5, 3, 8, 2, 9, 4, 7, 1, 6, 10), c(1, 1, 0, 1, 1, 0, 1, 1, 0, 1), c(10, 2, 10, 2, 10, 2, 10, 2, 2, 10))
)
set.seed(11)
for (k in 1:5) {
  n <- sample(c(20, 60, 300), 1); g <- sample(1:(2 + k %% 3), n, TRUE)
  tm <- round(rexp(n, 0.05 * g), 0) + 1; st <- rbinom(n, 1, 0.7); st[1] <- 1
  s <- if (k > 2) sample(c("x", "y"), n, TRUE) else NULL
  cases[[length(cases) + 1]] <- lr_case(sprintf("random %d", k), tm, st, g, strata = s, rho = c(0, 1, 0, 0.5, 0)[k])
}
# survdiff's timefix: near-equal times (within 1.49e-8 absolutely or relative to the mean time) are one time
cases <- c(cases, list(
  lr_case("timefix: tiny times", c(6.2e-8, 7.4e-9, 1.6e-10, 3.9e-8, 5.5e-8, 2.5e-7, 5.2e-8, 8.5e-8, 6.3e-8, 8.1e-8), c(1, 0, 1, 1, 1, 1, 1, 0, 1, 0), c(1, 3, 3, 2, 1, 1, 2, 1, 2, 1)),
  lr_case("timefix: offset 1e8, rho = 1", 1e8 + c(0, 0.5, 1, 2, 3, 5, 7, 7.5, 12, 20, 21, 21.2), c(1, 1, 0, 1, 1, 1, 0, 1, 1, 0, 1, 1), c("a", "b", "a", "b", "a", "b", "a", "b", "a", "b", "b", "a"), rho = 1)
))
write_fixtures(cases)
