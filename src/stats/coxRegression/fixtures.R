# Reference values for coxRegression (Rscript fixtures.R): coxph refitted with
# coxph.control(eps = 1e-14, iter.max = 100) so that it converges fully; summary(fit) values.
# survival 3.5. A case with an infinite coefficient uses the default control (see below). X is passed as separate numeric columns; cluster as cluster(); strata as strata().
suppressMessages(library(survival))
source(file.path(dirname(normalizePath(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE)))), "../_common/json.R"))
ctl <- suppressWarnings(coxph.control(eps = 1e-14, iter.max = 100))

cox_case <- function(label, X, time, status, ties = "efron", strata = NULL, weights = NULL, robust = NULL,
                     cluster = NULL, entry = NULL, conf = 0.95, infinite = integer(0)) {
  X <- as.matrix(X); colnames(X) <- paste0("v", seq_len(ncol(X)))
  df <- data.frame(X, time = time, status = status)
  rhs <- paste(colnames(X), collapse = " + ")
  if (!is.null(strata)) { df$s <- strata; rhs <- paste(rhs, "+ strata(s)") }
  if (!is.null(cluster)) { df$cl <- cluster; rhs <- paste(rhs, "+ cluster(cl)") }
  lhs <- if (is.null(entry)) "Surv(time, status)" else { df$entry <- entry; "Surv(entry, time, status)" }
  # with an infinite coefficient the tight control drops the term as singular; R's default fit
  # (and its warning) is the reference there
  args <- list(formula = as.formula(paste(lhs, "~", rhs)), data = df, ties = ties,
               control = if (length(infinite) > 0) coxph.control() else ctl)
  if (!is.null(weights)) { df$w <- weights; args$data <- df; args$weights <- quote(w) }
  if (!is.null(robust)) args$robust <- robust
  warns <- character()
  fit <- withCallingHandlers(do.call(coxph, args), warning = function(w) { warns <<- c(warns, conditionMessage(w)); invokeRestart("muffleWarning") })
  s <- summary(fit, conf.int = conf)
  cf <- s$coefficients
  rob <- "robust se" %in% colnames(cf)
  p <- ncol(X)
  out <- list(label = label, X = unname(X), time = time, status = status, ties = ties, confLevel = conf,
              infinite = I(as.numeric(infinite)),
              r = list(estimate = I(unname(coef(fit))), stdError = I(unname(cf[, "se(coef)"])),
                       statistic = I(unname(cf[, "z"])), pValue = I(unname(cf[, "Pr(>|z|)"])),
                       hazardRatio = I(unname(exp(coef(fit)))),
                       lower = I(unname(s$conf.int[, 3])), upper = I(unname(s$conf.int[, 4])),
                       logLikNull = fit$loglik[1], logLik = fit$loglik[2],
                       lrt = unname(s$logtest[1]), lrtDf = unname(s$logtest[2]),
                       wald = fit$wald.test, waldDf = unname(s$waldtest[2]),
                       score = fit$score, concordance = unname(fit$concordance["concordance"]),
                       concordanceStdError = unname(fit$concordance["std"]),
                       n = fit$n, nEvents = fit$nevent, robust = rob, warnings = I(warns)))
  if (rob) out$r$robustStdError <- I(unname(cf[, "robust se"]))
  if (!is.null(strata)) out$strata <- strata
  if (!is.null(weights)) out$weights <- weights
  if (!is.null(robust)) out$robust <- robust
  if (!is.null(cluster)) out$cluster <- cluster
  if (!is.null(entry)) out$entry <- entry
  out
}

lung2 <- na.omit(lung[, c("time", "status", "age", "sex", "ph.ecog", "wt.loss", "inst")]); lung2$status <- lung2$status - 1
vet <- veteran; ov <- ovarian; col <- na.omit(colon[colon$etype == 2, c("time", "status", "rx", "age", "sex", "nodes", "id")])
vetX <- cbind(vet$karno, vet$age, vet$trt, vet$prior)
colX <- cbind(col$rx == "Lev", col$rx == "Lev+5FU", col$age, col$sex, col$nodes) * 1
lungX <- lung2[, c("age", "sex", "ph.ecog", "wt.loss")]
set.seed(42)
lw <- round(runif(nrow(lung2), 0.3, 3), 3)
li <- sample(1:4, nrow(lung2), TRUE)
len <- pmin(lung2$time - 1, round(runif(nrow(lung2), 0, 200)))
cases <- list(
  cox_case("lung efron", lungX, lung2$time, lung2$status),
  cox_case("lung breslow", lungX, lung2$time, lung2$status, ties = "breslow"),
  cox_case("lung strata sex", lungX[, c(1, 3, 4)], lung2$time, lung2$status, strata = lung2$sex),
  cox_case("lung non-integer weights (robust)", lungX, lung2$time, lung2$status, weights = lw),
  cox_case("lung non-integer weights, robust = FALSE", lungX, lung2$time, lung2$status, weights = lw, robust = FALSE),
  cox_case("lung integer weights", lungX, lung2$time, lung2$status, weights = li),
  cox_case("lung cluster inst", lungX, lung2$time, lung2$status, cluster = lung2$inst),
  cox_case("lung robust = TRUE", lungX, lung2$time, lung2$status, robust = TRUE, conf = 0.9),
  cox_case("lung delayed entry", lungX, lung2$time, lung2$status, entry = len),
  cox_case("lung delayed entry, strata, weights, cluster", lungX[, c(1, 3, 4)], lung2$time, lung2$status, entry = len, strata = lung2$sex, weights = lw, cluster = lung2$inst),
  cox_case("veteran", vetX, vet$time, vet$status),
  cox_case("veteran breslow strata celltype", vetX, vet$time, vet$status, ties = "breslow", strata = as.character(vet$celltype)),
  cox_case("ovarian", cbind(ov$age, ov$resid.ds, ov$rx), ov$futime, ov$fustat),
  cox_case("colon (many ties)", colX, col$time, col$status),
  cox_case("colon cluster-free, breslow", colX, col$time, col$status, ties = "breslow"),
  cox_case("one binary covariate with heavy ties", c(0, 1, 0, 1, 1, 0, 1, 0, 0, 1, 1, 0), c(2, 2, 2, 3, 3, 3, 3, 5, 5, 5, 6, 6), c(1, 1, 1, 1, 0, 1, 1, 1, 0, 1, 1, 0)),
  cox_case("infinite coefficient (separation)", cbind(c(1, 1, 1, 1, 0, 0, 0, 0, 0, 0), c(0.5, -1, 2, 0.3, 1.2, -0.7, 0.1, 1.5, -0.2, 0.8)),
           c(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), c(1, 1, 1, 1, 0, 1, 0, 1, 1, 0), infinite = 1)
)
set.seed(5)
for (k in 1:6) {
  n <- sample(c(30, 80, 400), 1); p <- sample(1:4, 1)
  X <- matrix(round(rnorm(n * p), 2), n, p); if (k %% 2 == 0) X[, 1] <- rbinom(n, 1, 0.4)
  tm <- round(rexp(n, 0.1 * exp(X %*% rep(0.4, p))), 0) + 1; st <- rbinom(n, 1, 0.75); st[1] <- 1
  cases[[length(cases) + 1]] <- cox_case(sprintf("random %d", k), X, as.numeric(tm), st, ties = c("efron", "breslow")[1 + k %% 2],
                                         strata = if (k == 3) sample(1:2, n, TRUE) else NULL,
                                         weights = if (k >= 5) round(runif(n, 0.5, 2), 2) else NULL,
                                         entry = if (k == 4) pmin(as.numeric(tm) - 0.5, round(runif(n, 0, 3), 1)) else NULL)
}
# no comparable pair for the concordance (all follow-up times tied): coxph's concordance is NaN (null here)
cases[[length(cases) + 1]] <- cox_case("all times tied: concordance not computable", cbind(c(0, 1, 0, 0, 0, 1, 1), c(-1.6, -0.1, -0.9, -0.3, 1.1, 0.1, 0.4)), c(5, 5, 5, 5, 5, 5, 5 + 1e-12), rep(1, 7))
# coxph's timefix: near-equal times (within 1.49e-8 absolutely or relative to the mean time) are tied
set.seed(55); n <- 40; xt <- round(rnorm(n), 2); tt <- 1e8 + sample(0:30, n, TRUE) * 0.7; st <- rbinom(n, 1, 0.7); st[1] <- 1
cases <- c(cases, list(
  cox_case("timefix: offset 1e8 (efron)", xt, tt, st),
  cox_case("timefix: tiny times, breslow", cbind(xt, rbinom(n, 1, 0.5)), (tt - 1e8) * 1e-8 + 1e-9, st, ties = "breslow")
))
write_fixtures(cases)
