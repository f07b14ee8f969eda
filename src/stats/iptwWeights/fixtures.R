# Reference values for iptwWeights (run from this folder: Rscript fixtures.R). The weights are the
# textbook formulas written out in R (ATE 1/e, 1/(1 - e); ATT 1, e/(1 - e); stabilised by the
# marginal treatment proportions; trimming by score; truncation at quantile(type = 7) of the
# positive weights, of the controls' only for the ATT), with Kish's effective sample size.
source(file.path(dirname(normalizePath(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE)))), "../_common/json.R"))
ref <- function(e, tr, estimand = "ATE", stabilize = FALSE, trim = NULL, lower = NULL, upper = NULL) {
  keep <- if (is.null(trim)) rep(TRUE, length(e)) else e >= trim & e <= 1 - trim
  pT <- mean(tr[keep])
  w <- if (estimand == "ATE") ifelse(tr == 1, 1 / e, 1 / (1 - e)) else ifelse(tr == 1, 1, e / (1 - e))
  if (stabilize) w <- if (estimand == "ATE") w * ifelse(tr == 1, pT, 1 - pT) else ifelse(tr == 1, w, w * (1 - pT) / pT)
  w[!keep] <- 0
  lo <- NULL; hi <- NULL; nt <- 0
  if (!is.null(lower) || !is.null(upper)) {
    pool <- if (estimand == "ATE") keep else keep & tr == 0
    if (!is.null(lower)) lo <- unname(quantile(w[pool], lower, type = 7))
    if (!is.null(upper)) hi <- unname(quantile(w[pool], upper, type = 7))
    w0 <- w
    if (!is.null(lo)) w[pool] <- pmax(w[pool], lo)
    if (!is.null(hi)) w[pool] <- pmin(w[pool], hi)
    nt <- sum(w != w0)
  }
  ess <- function(v) sum(v)^2 / sum(v^2)
  list(weights = I(w), trimmed = I(which(!keep) - 1), truncLower = lo, truncUpper = hi, nTruncated = nt,
       sumTreated = sum(w[keep & tr == 1]), sumControl = sum(w[keep & tr == 0]),
       essTreated = ess(w[keep & tr == 1]), essControl = ess(w[keep & tr == 0]))
}
set.seed(2024)
n <- 500; x <- rnorm(n); e <- plogis(-0.5 + 1.2 * x); tr <- rbinom(n, 1, e)
cases <- list(
  list(label = "ATE", estimand = "ATE", stabilize = FALSE),
  list(label = "ATE stabilised", estimand = "ATE", stabilize = TRUE),
  list(label = "ATT", estimand = "ATT", stabilize = FALSE),
  list(label = "ATT stabilised", estimand = "ATT", stabilize = TRUE),
  list(label = "ATE trimmed at 0.1", estimand = "ATE", stabilize = FALSE, trim = 0.1),
  list(label = "ATE stabilised, truncated at 1% / 99%", estimand = "ATE", stabilize = TRUE, lower = 0.01, upper = 0.99),
  list(label = "ATT truncated at 95% (controls only)", estimand = "ATT", stabilize = FALSE, upper = 0.95),
  list(label = "ATE trimmed 0.05 and truncated at 90%", estimand = "ATE", stabilize = FALSE, trim = 0.05, upper = 0.9))
out <- lapply(cases, function(cs) c(list(label = cs$label, score = I(e), treatment = I(tr), estimand = cs$estimand,
  stabilize = cs$stabilize, trim = cs$trim, lower = cs$lower, upper = cs$upper),
  ref(e, tr, cs$estimand, cs$stabilize, cs$trim, cs$lower, cs$upper)))
write_fixtures(out)
