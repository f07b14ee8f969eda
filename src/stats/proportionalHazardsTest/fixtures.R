# Reference values for proportionalHazardsTest (Rscript fixtures.R): cox.zph(coxph(...), transform)
# of survival 3.5 (the 3.x score test), on fits with coxph.control(eps = 1e-14, iter.max = 100).
suppressMessages(library(survival))
source(file.path(dirname(normalizePath(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE)))), "../_common/json.R"))
ctl <- suppressWarnings(coxph.control(eps = 1e-14, iter.max = 100))

zph_case <- function(label, X, time, status, transform = "km", ties = "efron", strata = NULL, weights = NULL, entry = NULL) {
  X <- as.matrix(X); colnames(X) <- paste0("v", seq_len(ncol(X)))
  df <- data.frame(X, time = time, status = status)
  rhs <- paste(colnames(X), collapse = " + ")
  if (!is.null(strata)) { df$s <- strata; rhs <- paste(rhs, "+ strata(s)") }
  lhs <- if (is.null(entry)) "Surv(time, status)" else { df$entry <- entry; "Surv(entry, time, status)" }
  if (!is.null(weights)) df$w <- weights
  fit <- if (is.null(weights)) coxph(as.formula(paste(lhs, "~", rhs)), data = df, ties = ties, control = ctl)
         else coxph(as.formula(paste(lhs, "~", rhs)), data = df, ties = ties, control = ctl, weights = w)
  z <- cox.zph(fit, transform = transform)
  tb <- z$table
  p <- ncol(X)
  out <- list(label = label, X = unname(X), time = time, status = status, transform = transform, ties = ties,
              r = list(statistic = I(unname(tb[seq_len(p), "chisq"])), df = I(unname(tb[seq_len(p), "df"])), pValue = I(unname(tb[seq_len(p), "p"])),
                       global = list(statistic = unname(tb["GLOBAL", "chisq"]), df = unname(tb["GLOBAL", "df"]), pValue = unname(tb["GLOBAL", "p"]))))
  if (!is.null(strata)) out$strata <- strata
  if (!is.null(weights)) out$weights <- weights
  if (!is.null(entry)) out$entry <- entry
  out
}
lung2 <- na.omit(lung[, c("time", "status", "age", "sex", "ph.ecog", "wt.loss")]); lung2$status <- lung2$status - 1
lungX <- lung2[, c("age", "sex", "ph.ecog", "wt.loss")]
vet <- veteran; ov <- ovarian; col <- na.omit(colon[colon$etype == 2, c("time", "status", "rx", "age", "sex", "nodes")])
set.seed(9); lw <- round(runif(nrow(lung2), 0.3, 3), 3); len <- pmin(lung2$time - 1, round(runif(nrow(lung2), 0, 200)))
cases <- list()
for (tr in c("km", "rank", "identity", "log")) {
  cases[[length(cases) + 1]] <- zph_case(paste("lung", tr), lungX, lung2$time, lung2$status, transform = tr)
  cases[[length(cases) + 1]] <- zph_case(paste("veteran", tr), cbind(vet$karno, vet$age, vet$trt), vet$time, vet$status, transform = tr)
}
cases <- c(cases, list(
  zph_case("lung breslow", lungX, lung2$time, lung2$status, ties = "breslow"),
  zph_case("lung strata sex", lungX[, c(1, 3, 4)], lung2$time, lung2$status, strata = lung2$sex),
  zph_case("lung weights", lungX, lung2$time, lung2$status, weights = lw),
  zph_case("lung delayed entry", lungX, lung2$time, lung2$status, entry = len),
  zph_case("lung delayed entry rank", lungX, lung2$time, lung2$status, entry = len, transform = "rank"),
  zph_case("ovarian", cbind(ov$age, ov$rx), ov$futime, ov$fustat),
  zph_case("colon (ties)", cbind(col$rx == "Lev+5FU", col$age, col$nodes) * 1, col$time, col$status),
  zph_case("veteran strata celltype identity", cbind(vet$karno, vet$trt), vet$time, vet$status, strata = as.character(vet$celltype), transform = "identity")
))
# identity transform on large and tiny time scales (the test does not depend on the scale of g(t))
x35 <- cbind(c(1, 0, 0, 1, 1, 0, 0, 1, 0, 1), c(-0.23, 0.59, 0.11, 0.63, -0.2, -0.2, -0.3, 1.43, 0.95, -1.01))
t35 <- c(894336.47, 22244734, 688955.89, 2075705.8, 1027461.5, 11739442, 983705.87, 34847272, 3374809.1, 13657264); s35 <- c(1, 1, 1, 1, 1, 1, 1, 0, 1, 0)
cases <- c(cases, list(
  zph_case("identity, times about 1e7", x35, t35, s35, transform = "identity", ties = "breslow"),
  zph_case("identity, times about 1e-7 (merged by timefix)", c(0, 0, 1, 0, 1, 0, 0, 1, 1, 1, 0), c(1.1e-08, 5.16e-08, 1.745e-07, 1.416e-07, 2.92e-08, 3.1e-08, 2.67e-07, 5.55e-08, 1.358e-07, 1.77e-08, 4.69e-07), c(1, 1, 1, 1, 0, 1, 0, 1, 1, 1, 1), transform = "identity"),
  zph_case("log, times about 1e7", x35, t35 * 10, s35, transform = "log")
))
# covariates in very different units (information entries 1e12 apart)
set.seed(3); n <- 60; xs <- cbind(rnorm(n) * 1e3, rnorm(n) * 1e-3, rbinom(n, 1, .5)); ts <- rexp(n); ss <- rbinom(n, 1, .7)
cases[[length(cases) + 1]] <- zph_case("covariates on scales 1e3 and 1e-3", xs, ts, ss)
# timefix (near-equal times tied, as coxph): the km and rank transforms see the merged times
set.seed(56); n <- 40; xt <- round(rnorm(n), 2); tt <- 1e8 + sample(0:30, n, TRUE) * 0.7; st <- rbinom(n, 1, 0.7); st[1] <- 1
cases <- c(cases, list(
  zph_case("timefix: offset 1e8, km", xt, tt, st),
  zph_case("timefix: offset 1e8, rank", cbind(xt, rbinom(n, 1, 0.5)), tt, st, transform = "rank")
))
write_fixtures(cases)
