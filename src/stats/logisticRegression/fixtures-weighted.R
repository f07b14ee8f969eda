# Reference values for weighted / robust logisticRegression (run from this folder: Rscript fixtures-weighted.R).
# Writes fixtures-weighted.json: glm(y ~ X, family = binomial, weights = w) converged to epsilon 1e-14,
# model-based standard errors (dispersion 1), sandwich::vcovHC(type = "HC0") and
# sandwich::vcovCL(cluster, type = "HC0") (default G / (G - 1) adjustment), Wald intervals with the
# robust standard error when one is asked for, plus glm's default iteration count.
# Rows with weight 0 are ignored by the contract; sandwich counts them in its n (which shrinks its
# standard errors by n_positive / n), so the reference is fitted on the rows with a positive weight.
suppressMessages(library(sandwich))
source(file.path(dirname(normalizePath(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE)))), "../_common/json.R"))

tight <- glm.control(epsilon = 1e-14, maxit = 200)

case <- function(label, X, y, w = NULL, robust = FALSE, cluster = NULL, intercept = TRUE, confLevel = 0.95) {
  X <- as.matrix(X)
  wf <- if (is.null(w)) rep(1, length(y)) else w
  keep <- wf > 0
  Xk <- X[keep, , drop = FALSE]; yk <- y[keep]; wk <- wf[keep]
  fml <- if (intercept) yk ~ Xk else yk ~ 0 + Xk
  f0 <- suppressWarnings(glm(fml, family = binomial, weights = wk))
  f <- suppressWarnings(glm(fml, family = binomial, weights = wk, control = tight))
  s <- summary(f)$coefficients
  est <- unname(coef(f)); se <- unname(s[, 2])
  rse <- NULL
  if (!is.null(cluster)) rse <- sqrt(diag(vcovCL(f, cluster = cluster[keep], type = "HC0")))
  else if (robust) rse <- sqrt(diag(vcovHC(f, type = "HC0")))
  tse <- if (is.null(rse)) se else unname(rse)
  z <- est / tse
  q <- qnorm((1 + confLevel) / 2)
  integer <- all(wf == round(wf))
  list(label = label, X = unname(lapply(seq_len(nrow(X)), function(i) I(unname(X[i, ])))), y = I(y),
       weights = if (is.null(w)) NULL else I(w), robust = robust,
       cluster = if (is.null(cluster)) NULL else I(cluster), intercept = intercept, confLevel = confLevel,
       estimate = I(est), stdError = I(se), robustStdError = if (is.null(rse)) NULL else I(unname(rse)),
       statistic = I(z), pValue = I(2 * pnorm(-abs(z))),
       confInt = lapply(seq_along(est), function(j) I(c(est[j] - q * tse[j], est[j] + q * tse[j]))),
       deviance = deviance(f), nullDeviance = f$null.deviance, dfResidual = f$df.residual, dfNull = f$df.null,
       aic = if (integer) AIC(f) else NULL, logLik = if (integer) as.numeric(logLik(f)) else NULL,
       iterations = f0$iter, converged = f0$converged)
}

set.seed(20261204)
out <- list()
n <- 60; x1 <- rnorm(n); x2 <- rbinom(n, 1, 0.4); y <- rbinom(n, 1, plogis(-0.3 + 0.8 * x1 - 0.5 * x2))
X <- cbind(x1, x2)
wi <- sample(1:4, n, replace = TRUE)
out[[length(out) + 1]] <- case("integer weights", X, y, wi)
out[[length(out) + 1]] <- case("non-integer weights", X, y, runif(n, 0.2, 5))
out[[length(out) + 1]] <- case("robust, no weights", X, y, robust = TRUE)
out[[length(out) + 1]] <- case("weights + robust", X, y, runif(n, 0.5, 3), robust = TRUE)
cl <- rep(seq_len(n / 2), each = 2)
out[[length(out) + 1]] <- case("cluster (pairs), no weights", X, y, cluster = cl)
wz <- runif(n, 0.5, 3); wz[c(1, 2, 7, 30)] <- 0
out[[length(out) + 1]] <- case("zero weights + cluster", X, y, wz, cluster = cl)
out[[length(out) + 1]] <- case("zero weights + robust, confLevel 0.9", X, y, wz, robust = TRUE, confLevel = 0.9)
out[[length(out) + 1]] <- case("no intercept, weights + robust", X, y, runif(n, 0.5, 2), robust = TRUE, intercept = FALSE)
# IPTW-like: weights 1 / ps for treated, 1 / (1 - ps) for controls, outcome on treatment only
n2 <- 400; z1 <- rnorm(n2); z2 <- rnorm(n2); tr <- rbinom(n2, 1, plogis(0.5 * z1 - 0.4 * z2))
ps <- fitted(glm(tr ~ z1 + z2, family = binomial)); iw <- ifelse(tr == 1, 1 / ps, 1 / (1 - ps))
yo <- rbinom(n2, 1, plogis(-1 + 0.6 * tr + 0.7 * z1))
out[[length(out) + 1]] <- case("IPTW outcome model, robust", cbind(tr), yo, iw, robust = TRUE)
out[[length(out) + 1]] <- case("IPTW outcome model, string clusters", cbind(tr, z1), yo, iw, cluster = paste0("site", sample(1:12, n2, replace = TRUE)))
# Large weights (1e3 scale) and a cluster per row (vcovCL then equals HC0 x G / (G - 1))
out[[length(out) + 1]] <- case("large weights, one row per cluster", X, y, runif(n, 500, 2000), cluster = seq_len(n))
write_fixtures(out, "fixtures-weighted.json")
