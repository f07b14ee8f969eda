# Reference values for weightedRiskComparison (run from this folder: Rscript fixtures.R):
# risk difference from lm(y ~ treat, weights = w), odds ratio from glm(binomial), risk ratio from
# glm(quasipoisson, log link), group risks from glm(y ~ 1, binomial) per group (logit-scale Wald
# interval), all with sandwich::vcovHC(type = "HC0") or sandwich::vcovCL(cluster, type = "HC0").
suppressMessages(library(sandwich))
source(file.path(dirname(normalizePath(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE)))), "../_common/json.R"))
tight <- glm.control(epsilon = 1e-14, maxit = 100)
vc <- function(f, cl) if (is.null(cl)) vcovHC(f, type = "HC0") else vcovCL(f, cluster = cl, type = "HC0")
case <- function(label, y, tr, w = rep(1, length(y)), cl = NULL, confLevel = 0.95) {
  k <- w > 0; yk <- y[k]; tk <- tr[k]; wk <- w[k]; ck <- if (is.null(cl)) NULL else cl[k]
  q <- qnorm((1 + confLevel) / 2)
  rd <- lm(yk ~ tk, weights = wk); vrd <- vc(rd, ck)
  or <- suppressWarnings(glm(yk ~ tk, family = binomial, weights = wk, control = tight)); vor <- vc(or, ck)
  rr <- suppressWarnings(glm(yk ~ tk, family = quasipoisson, weights = wk, control = tight)); vrr <- vc(rr, ck)
  grp <- function(g) {
    a <- tk == g
    f <- suppressWarnings(glm(yk[a] ~ 1, family = binomial, weights = wk[a], control = tight))
    se <- sqrt(vc(f, if (is.null(ck)) NULL else ck[a])[1, 1])
    # note: per-group cluster sums only see the group's own units, as the joint sandwich's diagonal does
    b <- coef(f)[[1]]
    list(risk = plogis(b), confInt = I(plogis(c(b - q * se, b + q * se))))
  }
  ctr <- function(est, se, log) { z <- est / se; ci <- c(est - q * se, est + q * se)
    list(estimate = if (log) exp(est) else est, stdError = se, confInt = I(if (log) exp(ci) else ci), pValue = 2 * pnorm(-abs(z))) }
  list(label = label, outcome = I(y), treatment = I(tr), weights = I(w), cluster = if (is.null(cl)) NULL else I(cl), confLevel = confLevel,
       treated = grp(1), control = grp(0),
       riskDifference = ctr(coef(rd)[[2]], sqrt(vrd[2, 2]), FALSE),
       oddsRatio = ctr(coef(or)[[2]], sqrt(vor[2, 2]), TRUE),
       riskRatio = ctr(coef(rr)[[2]], sqrt(vrr[2, 2]), TRUE))
}
set.seed(3)
n <- 300; x <- rnorm(n); tr <- rbinom(n, 1, plogis(0.7 * x)); e <- fitted(glm(tr ~ x, family = binomial))
y <- rbinom(n, 1, plogis(-0.8 + 0.5 * tr + 0.6 * x))
out <- list(
  case("unweighted", y, tr),
  case("IPTW (ATE)", y, tr, ifelse(tr == 1, 1 / e, 1 / (1 - e))),
  case("IPTW (ATT), 90% level", y, tr, ifelse(tr == 1, 1, e / (1 - e)), confLevel = 0.9))
# matched pairs (clusters spanning both groups), with some unmatched units at weight 0
m <- 80; pid <- c(seq_len(m), seq_len(m)); tt <- c(rep(1, m), rep(0, m)); xx <- rnorm(m)
yy <- rbinom(2 * m, 1, plogis(-0.5 + 0.6 * tt + rep(xx, 2)))
ww <- rep(1, 2 * m); ww[c(5, 5 + m)] <- 0
out[[length(out) + 1]] <- case("matched pairs, cluster = pair", yy, tt, ww, pid)
write_fixtures(out)
