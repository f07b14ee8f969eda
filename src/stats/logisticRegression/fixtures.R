# Reference values for logisticRegression (run from this folder: Rscript fixtures.R).
# Writes fixtures.json: for each dataset, R's default glm fit (what users see), a fit converged to
# epsilon 1e-14 (the machine-precision MLE, with standard errors from the weights at that MLE, not at
# glm's penultimate iterate), Wald intervals (confint.default), MASS's profile
# intervals (confint, spline through a coarse profile) and the exact roots of the signed-root
# profile likelihood equation (uniroot to 1e-14 on refits with an offset), plus R's warnings.
suppressMessages(library(MASS))
source(file.path(dirname(normalizePath(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE)))), "../_common/json.R"))

tight <- glm.control(epsilon = 1e-14, maxit = 200)

fit_glm <- function(X, y, intercept, control = glm.control()) {
  warns <- character()
  f <- withCallingHandlers(
    if (intercept) glm(y ~ X, family = binomial, control = control)
    else glm(y ~ 0 + X, family = binomial, control = control),
    warning = function(w) { warns <<- c(warns, conditionMessage(w)); invokeRestart("muffleWarning") })
  list(fit = f, warnings = warns)
}

# Profile deviance with coefficient j (1-based over the model's coefficients) fixed at b, the
# other coefficients started at the full MLE `est` (glm.fit's default start can diverge when the
# offset is far from the data); if that fit still fails, minimise with nlminb (analytic gradient)
# and polish with glm.fit from there.
dev_of <- function(eta, y) -2 * sum(ifelse(y == 1, plogis(eta, log.p = TRUE), plogis(eta, lower.tail = FALSE, log.p = TRUE)))
prof_dev <- function(X, y, intercept, j, b, est) {
  M <- if (intercept) cbind(1, X) else X
  off <- b * M[, j]
  rest <- M[, -j, drop = FALSE]
  if (ncol(rest) == 0) return(dev_of(off, y))
  dev0 <- dev_of(drop(M %*% est), y)
  f <- suppressWarnings(glm.fit(rest, y, family = binomial(), offset = off, intercept = FALSE, start = est[-j], control = tight))
  ok <- f$converged && is.finite(f$deviance) && f$deviance >= dev0 - 1e-9 && max(abs(f$coefficients)) < 1e3 * (1 + max(abs(est)))
  if (ok) return(f$deviance)
  o <- nlminb(est[-j], function(g) dev_of(off + drop(rest %*% g), y),
              gradient = function(g) -2 * drop(crossprod(rest, y - plogis(off + drop(rest %*% g)))))
  f <- suppressWarnings(glm.fit(rest, y, family = binomial(), offset = off, intercept = FALSE, start = o$par, control = tight))
  min(f$deviance, o$objective)
}

exact_profile <- function(X, y, intercept, est, se, dev0, level) {
  zc <- qnorm((1 + level) / 2)
  out <- matrix(NA_real_, length(est), 2)
  for (j in seq_along(est)) {
    g <- function(b) sign(b - est[j]) * sqrt(max(0, prof_dev(X, y, intercept, j, b, est) - dev0))
    for (s in c(-1, 1)) {
      r <- tryCatch(uniroot(function(b) g(b) - s * zc, interval = sort(c(est[j] + s * 0.5 * zc * se[j], est[j] + s * 2 * zc * se[j])),
                            extendInt = "upX", tol = 1e-14, maxiter = 2000)$root,
                    error = function(e) NA_real_)
      out[j, if (s < 0) 1 else 2] <- r
    }
  }
  out
}

case <- function(label, X, y, intercept = TRUE, level = 0.95, profile = TRUE, separated = FALSE) {
  X <- as.matrix(X)
  colnames(X) <- NULL
  d <- fit_glm(X, y, intercept)
  t <- fit_glm(X, y, intercept, tight)
  f <- d$fit
  # R's warnings, or (quasi-)separation that R fits silently: a tighter fit keeps moving away.
  separated <- separated || length(d$warnings) > 0 ||
    any(abs(coef(t$fit) - coef(f)) > 1e-4 * (1 + abs(coef(f))))
  sf <- summary(f)$coefficients
  st <- summary(t$fit)$coefficients
  # Standard errors exactly at the MLE: one IRLS pass started at the tight estimate uses weights there.
  e <- suppressWarnings(if (intercept) glm(y ~ X, family = binomial, start = coef(t$fit), control = glm.control(epsilon = 1e-300, maxit = 1))
                        else glm(y ~ 0 + X, family = binomial, start = coef(t$fit), control = glm.control(epsilon = 1e-300, maxit = 1)))
  se_mle <- sqrt(diag(summary(e)$cov.unscaled))
  st[, 2] <- se_mle
  st[, 3] <- st[, 1] / se_mle
  st[, 4] <- 2 * pnorm(-abs(st[, 3]))
  res <- list(
    label = label, X = unname(lapply(seq_len(nrow(X)), function(i) I(unname(X[i, ])))), y = I(y),
    intercept = intercept, confLevel = level, separated = separated,
    r = list(estimate = I(unname(sf[, 1])), stdError = I(unname(sf[, 2])), statistic = I(unname(sf[, 3])), pValue = I(unname(sf[, 4])),
             deviance = f$deviance, nullDeviance = f$null.deviance, aic = f$aic, logLik = as.numeric(logLik(f)),
             iterations = f$iter, converged = f$converged, warnings = I(d$warnings),
             waldConfInt = unname(lapply(seq_len(nrow(sf)), function(i) I(unname(confint.default(f, level = level)[i, ]))))),
    tight = list(estimate = I(unname(st[, 1])), stdError = I(unname(st[, 2])), statistic = I(unname(st[, 3])), pValue = I(unname(st[, 4])),
                 deviance = t$fit$deviance, converged = t$fit$converged,
                 waldConfInt = unname(lapply(seq_len(nrow(st)), function(i) I(st[i, 1] + c(-1, 1) * qnorm((1 + level) / 2) * st[i, 2]))))
  )
  if (profile && !separated) {
    ci <- tryCatch(suppressMessages(suppressWarnings(confint(f, level = level))),
                   error = function(e) matrix(NA_real_, length(coef(f)), 2))
    ci <- matrix(ci, ncol = 2)
    ex <- exact_profile(X, y, intercept, st[, 1], st[, 2], t$fit$deviance, level)
    res$massConfInt <- unname(lapply(seq_len(nrow(ci)), function(i) I(unname(ci[i, ]))))
    res$exactConfInt <- unname(lapply(seq_len(nrow(ex)), function(i) I(unname(ex[i, ]))))
  }
  res
}

cases <- list()
add <- function(x) cases[[length(cases) + 1]] <<- x

add(case("doc example", matrix(1:8), c(0, 0, 1, 0, 1, 0, 1, 1)))
set.seed(20261124)
for (k in 1:50) {
  n <- sample(c(15, 25, 40, 80, 150, 400, 1200), 1)
  p <- sample(1:6, 1)
  X <- matrix(rnorm(n * p), n, p)
  if (p >= 2) X[, 2] <- rbinom(n, 1, 0.4)
  if (p >= 3) X[, 3] <- round(runif(n, 18, 80))
  b <- c(rnorm(1, 0, 0.7), rnorm(p, 0, 0.6) / c(1, 1, if (p >= 3) 20 else NULL, rep(1, max(0, p - 3)))[seq_len(p)])
  y <- rbinom(n, 1, plogis(drop(cbind(1, X) %*% b)))
  if (sum(y) < 2 || sum(y) > n - 2) y[1:2] <- c(0, 1)
  add(case(sprintf("random %d: n=%d p=%d", k, n, p), X, y, profile = n <= 1200))
}
# collinear-ish
n <- 120; x1 <- rnorm(n); x2 <- x1 + rnorm(n, 0, 0.05); x3 <- rnorm(n)
y <- rbinom(n, 1, plogis(0.3 + x1 - 0.5 * x3))
add(case("collinear-ish (r = 0.999)", cbind(x1, x2, x3), y))
n <- 300; z1 <- rnorm(n); z2 <- z1 + rnorm(n, 0, 1e-3); z3 <- rbinom(n, 1, 0.5)
y <- rbinom(n, 1, plogis(-0.2 + 0.8 * z1 + 0.5 * z3))
add(case("strongly collinear (r = 0.9999995)", cbind(z1, z2, z3), y))
# rare events
n <- 3000; X <- cbind(rnorm(n), rbinom(n, 1, 0.3)); y <- rbinom(n, 1, plogis(-4.5 + 0.6 * X[, 1] + 0.8 * X[, 2]))
add(case(sprintf("rare events (%d of %d)", sum(y), n), X, y))
n <- 500; X <- cbind(rnorm(n)); y <- integer(n); y[c(3, 77, 200)] <- 1
add(case("very rare events (3 of 500)", X, y))
# badly scaled predictors (age in days, a lab value near 1e5)
n <- 200; X <- cbind(round(runif(n, 6000, 30000)), rnorm(n, 1e5, 3e3), rnorm(n))
y <- rbinom(n, 1, plogis(-1 + 5e-5 * X[, 1] + 1e-4 * (X[, 2] - 1e5) + X[, 3]))
add(case("badly scaled predictors", X, y))
# no intercept, other level
n <- 60; X <- cbind(rnorm(n, 0.5), rnorm(n)); y <- rbinom(n, 1, plogis(0.8 * X[, 1] - 0.4 * X[, 2]))
add(case("no intercept", X, y, intercept = FALSE))
add(case("confLevel 0.9", X, y, level = 0.9))
add(case("confLevel 0.99", X, y, level = 0.99))
# minimal n
add(case("n = p + 2", cbind(c(1, 2, 3, 4, 5), c(2, 1, 5, 3, 3)), c(0, 1, 0, 1, 1)))
# paper-like Table 2 shape: 56 patients, 37 events, age + 3 binary predictors
n <- 56; age <- round(rnorm(n, 38, 12)); ai <- rbinom(n, 1, 22 / 56); il <- rbinom(n, 1, 35 / 56); su <- rbinom(n, 1, 26 / 56)
y <- rbinom(n, 1, plogis(4 - 0.1 * age - 2 * ai + 1.5 * il + 1 * su))
add(case("Table 2 shape (age, anti-integrin, IL-12/23, surgery)", cbind(age, ai, il, su), y))
# near-separation: strong effect, a few overlapping points (MLE exists)
x <- c(seq(-3, -0.2, length.out = 20), seq(0.2, 3, length.out = 20)); y <- as.numeric(x > 0); y[c(18, 23)] <- c(1, 0)
add(case("near-separation (2 overlapping points)", cbind(x), y))
x <- c(-5:-1, 1:5, 0, 0); y <- c(rep(0, 5), rep(1, 5), 0, 1)
add(case("quasi-complete separation (ties at 0)", cbind(x, rnorm(12)), y, separated = TRUE))
x <- c(1:10); y <- c(rep(0, 5), rep(1, 5))
add(case("complete separation", cbind(x), y, separated = TRUE))
x <- cbind(rnorm(30), rbinom(30, 1, 0.5)); y <- rbinom(30, 1, 0.5); y[x[, 2] == 1] <- 1
add(case("quasi-separation by a binary predictor", x, y, separated = TRUE))
# larger n, several predictors (no profile: slow in R)
n <- 5000; X <- matrix(rnorm(n * 8), n, 8); y <- rbinom(n, 1, plogis(drop(cbind(1, X) %*% c(-0.5, seq(-0.4, 0.4, length.out = 8)))))
add(case("n = 5000, 8 predictors", X, y, profile = FALSE))

# A profile bound where Newton from the warm start fails to converge at one refit (the unconverged start's
# deviance faked a root: the upper 99% bound of x was 6e-5 relative short before the fix).
x <- c(-0.21675694378293453, 1.8078940723762003, -1.4475155384914777, 1.4131791524953297, 1.3796568701111098, -0.13663126955709032, -0.16799943659580074, 0.561842002530171, -0.30695972767216206, 0.10975174792825028, -0.7400103037060256, -1.4238986663066708, 0.5677754349878275, 1.0538593896202162, -1.0353526876795958, 0.04096729147638846, 0.3745843556705583, 1.0253405646652936, 1.640045473280747, 0.7818947882038315, 0.6584423624313546, -0.9129220463616954, 1.790697792798428, 1.6917035756233978, -1.5943986265488204, 0.7825663744735022, 0.8138190335129908, 0.4027676567503955, -0.18748973284513354, -0.15336305363842834, 0.4470637735865496, 0.6003075908927642, 0.8671003722870153, 0.3347866847261897, -0.4717539167528153, 0.20268180376847778, -2.3117552959945322, -0.1221588999570686, -0.05674256461450223, -2.12154409703858, -0.6345991381875022, 1.1902824274191093, -0.837224854214185, -0.1529327427885883, 0.9714107605033617, -1.3728225321226655, 2.325163046214571, -1.7187915946821852, -2.163059961410051, 0.6205242746218227, -0.6825986208494645, -0.3019995137280248, 1.1646392018321938, 0.03574250623948832, -1.7260804781968455, -1.1099389407182028, -0.5907097649115708, -0.10051892604932726, 0.27958780098192915, -0.3941341001915772, -0.46026103722941414, -0.03686776109068059, -1.8409972481510557, 1.632514562152772, -0.5699454845878626, 0.958337723102636, 0.021856194126080537, -0.10122337984476858, -0.04562399780759182, -0.7522100542243841, 0.009958875396063568, -0.32237575389259737, 0.6202354813358366, 1.0344493959072683, 0.7337845536917355, -0.38544401780466925, -2.193950657941932, -0.463354895594331, -0.009036795768449719, 1.315015678721035, -2.6873772836963585, 1.0343527786617253, -0.5227276463440588, 0.4001145619342965, 1.7987957563560995, -0.7125383666877185, -0.7583125714430906, 2.527775677313467, -1.2048358543391053, -1.1922801168782833, -0.8378121215039568, -0.8743947404876975, -1.0882150918376856, 2.8043516565528117, 0.06449518091286686, 0.4544989187392811, 0.405980075268515, 1.64440067105977, 2.7322275353668983, -0.012708442441573709)
y <- as.numeric(strsplit("0101100101001101111110110111001111010000010010100100110000100001011000101110000101011001000000111110", "")[[1]])
add(case("profile refit that needs a fresh start (confLevel 0.99)", cbind(x), y, level = 0.99))

write_fixtures(cases)
cat(length(cases), "cases written\n")
