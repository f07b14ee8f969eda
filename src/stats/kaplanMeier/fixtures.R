# Reference values for kaplanMeier (run from anywhere: Rscript fixtures.R). survival 3.5.
# Each case: survfit(Surv([entry,] time, status) ~ 1, weights, robust, conf.type, conf.int);
# the curve, quantile(fit, c(.25, .5, .75)) with limits, summary(fit, times) and
# summary(fit, rmean = tau)$table. NA is written as null.
suppressMessages(library(survival))
source(file.path(dirname(normalizePath(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE)))), "../_common/json.R"))
na_null <- function(v) lapply(as.numeric(v), function(x) if (is.na(x)) NULL else x)

km_case <- function(label, time, status, entry = NULL, weights = NULL, robust = NULL, conf.type = "log",
                    conf.int = 0.95, times = NULL, rmean = NULL) {
  y <- if (is.null(entry)) Surv(time, status) else Surv(entry, time, status)
  args <- list(formula = y ~ 1, conf.type = conf.type, conf.int = conf.int)
  if (!is.null(weights)) args$weights <- weights
  if (!is.null(robust)) args$robust <- robust
  fit <- do.call(survfit, args)
  logse <- isTRUE(fit$logse)
  se <- if (logse) fit$std.err * fit$surv else fit$std.err
  out <- list(label = label, time = time, status = status, confType = conf.type, confLevel = conf.int,
              r = list(n = length(time), nEvents = sum(fit$n.event), time = fit$time, nRisk = fit$n.risk,
                       nEvent = fit$n.event, nCensor = fit$n.censor, surv = fit$surv, stdErr = na_null(se),
                       cumHaz = fit$cumhaz))
  if (!is.null(entry)) out$entry <- entry
  if (!is.null(weights)) out$weights <- weights
  if (!is.null(robust)) out$robust <- robust
  for (k in c("time", "nRisk", "nEvent", "nCensor", "surv", "cumHaz")) out$r[[k]] <- I(out$r[[k]])
  if (conf.type != "none") {
    out$r$lower <- na_null(fit$lower)
    out$r$upper <- na_null(fit$upper)
  }
  q <- quantile(fit, c(0.25, 0.5, 0.75))
  out$r$quartiles <- na_null(if (is.list(q)) q$quantile else q)
  if (conf.type != "none") out$r$medianConfInt <- na_null(c(q$lower[2], q$upper[2]))
  if (!is.null(times)) {
    s <- summary(fit, times = times)
    sse <- s$std.err
    out$times <- I(times)
    out$r$atTimes <- lapply(seq_along(s$time), function(k) {
      row <- list(time = s$time[k], nRisk = s$n.risk[k], nEvent = s$n.event[k], surv = s$surv[k],
                  stdErr = if (is.na(sse[k])) NULL else sse[k])
      if (conf.type != "none") {
        row$lower <- if (is.na(s$lower[k])) NULL else s$lower[k]
        row$upper <- if (is.na(s$upper[k])) NULL else s$upper[k]
      }
      row
    })
  }
  if (!is.null(rmean)) {
    tb <- summary(fit, rmean = rmean)$table
    out$rmean <- rmean
    out$r$restrictedMean <- list(tau = rmean, estimate = unname(tb["rmean"]), stdError = unname(tb["se(rmean)"]))
  }
  out
}

set.seed(20261204)
lung2 <- lung; lung2$status <- lung2$status - 1
vet <- veteran; ov <- ovarian; col <- colon[colon$etype == 2, ]
cases <- list(
  km_case("lung", lung2$time, lung2$status, times = c(0, 90, 180, 365, 730, 2000), rmean = 730),
  km_case("lung log-log", lung2$time, lung2$status, conf.type = "log-log", times = c(5, 180, 365)),
  km_case("lung plain 0.9", lung2$time, lung2$status, conf.type = "plain", conf.int = 0.9, times = c(100, 500)),
  km_case("lung logit", lung2$time, lung2$status, conf.type = "logit"),
  km_case("lung arcsin", lung2$time, lung2$status, conf.type = "arcsin"),
  km_case("lung none", lung2$time, lung2$status, conf.type = "none", times = c(100, 300)),
  km_case("veteran", vet$time, vet$status, times = c(30, 100, 365), rmean = 500),
  km_case("ovarian", ov$futime, ov$fustat, times = c(200, 500, 1000), rmean = 1000),
  km_case("colon recurrence", col$time, col$status, times = c(365, 1826), rmean = 1826),
  km_case("all censored after the last event", c(1, 2, 3, 4, 5, 6, 7), c(1, 1, 1, 0, 0, 0, 0), rmean = 7),
  km_case("ties of events and censorings", c(2, 2, 2, 3, 3, 5, 5, 5, 8, 8), c(1, 1, 0, 1, 0, 1, 0, 0, 1, 0), times = c(2, 3, 4, 8)),
  km_case("median exactly 0.5 over an interval", c(1, 2, 3, 4, 5, 6), c(1, 1, 1, 0, 1, 0)),
  km_case("median 0.5 to the end", c(1, 2, 3, 4, 5, 6), c(1, 1, 1, 0, 0, 0)),
  km_case("median never reached", c(1, 3, 4, 5, 8, 9, 10, 12), c(1, 0, 1, 0, 0, 0, 0, 0)),
  km_case("last observation an event (surv 0)", c(1, 2, 3, 4), c(1, 1, 0, 1), conf.type = "log-log", times = c(0.5, 4)),
  km_case("last observation an event, plain", c(1, 2, 3, 4), c(1, 1, 0, 1), conf.type = "plain"),
  km_case("single event", c(3, 5, 7), c(0, 1, 0), rmean = 6),
  km_case("time zero and ties at 0", c(0, 0, 1, 2, 2, 4), c(1, 0, 1, 1, 0, 1), times = c(0, 1)),
  km_case("delayed entry", c(1, 2, 2, 3, 4, 4, 5, 6, 7, 8), c(1, 1, 0, 1, 0, 1, 1, 0, 1, 0), entry = c(0, 0, 1, 0, 1.5, 0, 2, 0, 0, 3), times = c(1, 4.5)),
  km_case("integer weights", c(1, 2, 2, 3, 4, 4, 5, 6, 7, 8), c(1, 1, 0, 1, 0, 1, 1, 0, 1, 0), weights = c(2, 1, 3, 1, 1, 2, 1, 1, 1, 1)),
  km_case("non-integer weights (robust)", c(1, 2, 2, 3, 4, 4, 5, 6, 7, 8), c(1, 1, 0, 1, 0, 1, 1, 0, 1, 0), weights = c(1.5, 1, 2, 1, 0.5, 1, 1, 2, 1, 1), times = c(1.5, 5), rmean = 5),
  km_case("non-integer weights, robust = FALSE", c(1, 2, 2, 3, 4, 4, 5, 6, 7, 8), c(1, 1, 0, 1, 0, 1, 1, 0, 1, 0), weights = c(1.5, 1, 2, 1, 0.5, 1, 1, 2, 1, 1), robust = FALSE),
  km_case("integer weights, robust = TRUE", c(1, 2, 2, 3, 4, 4, 5, 6, 7, 8), c(1, 1, 0, 1, 0, 1, 1, 0, 1, 0), weights = c(2, 1, 3, 1, 1, 2, 1, 1, 1, 1), robust = TRUE),
  km_case("zero weight", c(1, 2, 3, 4), c(1, 1, 0, 0), weights = c(0, 1, 1, 1))
)
set.seed(7)
for (k in 1:6) {
  n <- sample(c(15, 40, 200), 1)
  tm <- round(rexp(n, 0.1), sample(0:1, 1)) + 0.5
  st <- rbinom(n, 1, runif(1, 0.3, 0.9)); st[1] <- 1
  en <- if (k %% 2 == 0) pmax(0, tm - round(runif(n, 0.2, 20), 1)) else NULL
  if (!is.null(en)) en <- pmin(en, tm - 0.1)
  w <- if (k >= 4) round(runif(n, 0.2, 3), 2) else NULL
  cases[[length(cases) + 1]] <- km_case(sprintf("random %d", k), tm, st, entry = en, weights = w,
                                        conf.type = c("log", "log-log", "plain")[1 + k %% 3], times = c(1, 5, 10, 30), rmean = 20)
}
# times equal up to rounding count as one time (survfit's timefix, survival's aeqSurv): differences up to
# 1.49e-8 absolutely or relative to the mean distinct time merge into the smaller value
cases <- c(cases, list(
  km_case("timefix: offset 1e8 (differences below 1.49e-8 relative merge)", 1e8 + c(0, 0.5, 1, 2, 3, 5, 7, 7.5, 12, 20), c(1, 1, 0, 1, 1, 1, 0, 1, 1, 0), times = 1e8 + c(1, 6), rmean = 1e8 + 15),
  km_case("timefix: tiny times (differences below 1.49e-8 absolute merge)", c(1e-9, 2e-9, 5e-9, 3e-8, 4e-8, 1e-7, 1.05e-7, 2e-7), c(1, 0, 1, 1, 1, 0, 1, 0), conf.type = "log-log", times = c(2e-8, 1e-7)),
  km_case("timefix: delayed entry near an event time", c(1, 2, 3 + 1e-10, 4, 5, 6), c(1, 1, 1, 0, 1, 1), entry = c(0, 0, 1 + 1e-12, 2 - 1e-12, 0, 3))
))
# with delayed entry the confidence limits need not be monotone; quantile.survfit searches them by
# value (the time of the largest value at or below 1 - p), not for the first time at or below
cases <- c(cases, list(
  km_case("delayed entry, non-monotone limits (median limits by value)", c(7.5, 2.7, 5.8, 3.8, 1.9, 7.5, 4, 1.6, 4.8, 3.9, 10.4, 0.8, 2.1, 0.1, 3.8),
          c(0, 0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 1, 1, 0), entry = c(0.1, 0, 1.9, 2.1, 0.85, 1.9, 2.1, 0.1, 0, 0.1, 2.1, 0.1, 1.24, 0, 0.1), conf.type = "log-log"),
  km_case("delayed entry, plain limits, confLevel 0.8", c(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12), c(1, 0, 1, 1, 0, 1, 1, 0, 1, 1, 1, 0),
          entry = c(0, 0, 0.5, 2.5, 1, 3.5, 0, 4, 5, 2, 8, 6), conf.type = "plain", conf.int = 0.8)
))
# a zero-weight event at the last time (no weight at risk there): the robust standard error carries on
cases[[length(cases) + 1]] <- km_case("zero-weight event at the last time, robust", c(2, 4, 7, 5, 6, 1), c(1, 1, 1, 1, 0, 1), weights = c(0.74, 1.19, 0, 1.35, 1.05, 0.47), conf.type = "log-log", conf.int = 0.99, times = c(5, 7), rmean = 7)
# weighted risk set all failing (d / n must be exactly 1, not 1 - 2e-16) with later entries; and a flat
# stretch of robust limits that must stay one value (the quantile search is by value)
cases <- c(cases, list(
  km_case("weighted: all at risk fail, later entries (survival exactly 0)", c(3.5983846863239175, 1.4809276977070618, 1.0414723632437113, 0.5062036528252065, 0.16090085683390498), c(1, 1, 1, 1, 1),
          entry = c(1.4809276977070618, 0.7858640671150359, 0.5062036528252065, 0, 0), weights = c(2.621, 2.056, 1.89, 2.027, 1.806), conf.type = "plain", conf.int = 0.99, rmean = 3.5983846863239175),
  km_case("robust limits flat after the last event (median limit by value)", c(100200000, 100200000, 100400000, 100100000, 100500000), c(1, 1, 1, 1, 0), weights = c(1.37, 0.31, 0, 1.66, 0.39), conf.type = "arcsin", conf.int = 0.8, times = 1e8 + c(2e5, 3e5, 5e5))
))
write_fixtures(cases)
