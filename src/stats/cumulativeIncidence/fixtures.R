# Reference values for cumulativeIncidence (Rscript fixtures.R): cmprsk 2.2 cuminc(time, status,
# group, cencode = 0) and timepoints(). cuminc lists each step twice (for plotting) plus the
# start and the last follow-up; the fixture keeps each step once (the value after the jump).
suppressMessages(library(cmprsk))
source(file.path(dirname(normalizePath(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE)))), "../_common/json.R"))

ci_case <- function(label, time, status, group = NULL, times = NULL) {
  f <- if (is.null(group)) cuminc(time, status, cencode = 0) else cuminc(time, status, group, cencode = 0)
  causes <- sort(unique(status[status != 0]))
  levels <- if (is.null(group)) list(NULL) else as.list(sort(unique(group)))
  curves <- list()
  tp <- if (!is.null(times)) timepoints(f, times) else NULL
  for (g in levels) for (cs in causes) {
    name <- if (is.null(g)) paste(1, cs) else paste(g, cs)
    cur <- f[[name]]
    # the value after each jump: the second of each duplicated time, among this cause's event times
    sel <- if (is.null(g)) rep(TRUE, length(time)) else group == g
    ev <- sort(unique(time[sel & status == cs]))
    idx <- vapply(ev, function(t) max(which(cur$time == t)), 1)
    out <- list(cause = cs, group = g, time = I(ev), estimate = I(cur$est[idx]), variance = I(cur$var[idx]))
    if (!is.null(tp)) {
      est <- tp$est[name, ]; vr <- tp$var[name, ]
      out$atTimes <- lapply(seq_along(times), function(k) list(time = times[k], estimate = if (is.na(est[k])) NULL else unname(est[k]), variance = if (is.na(vr[k])) NULL else unname(vr[k])))
    }
    curves[[length(curves) + 1]] <- out
  }
  res <- list(label = label, time = time, status = status, r = list(curves = curves))
  if (!is.null(group)) res$group <- group
  if (!is.null(times)) res$times <- I(times)
  if (!is.null(f$Tests)) res$r$tests <- lapply(seq_len(nrow(f$Tests)), function(k) list(cause = as.numeric(rownames(f$Tests)[k]), statistic = f$Tests[k, "stat"], df = f$Tests[k, "df"], pValue = f$Tests[k, "pv"]))
  res
}
col <- survival::colon
# colon: recurrence (etype 1) as cause 1, death without recurrence as cause 2
rec <- col[col$etype == 1, ]; dth <- col[col$etype == 2, ]
crs <- ifelse(rec$status == 1, 1, ifelse(dth$status == 1, 2, 0))
crt <- ifelse(rec$status == 1, rec$time, dth$time)
set.seed(2); n <- 40
t1 <- sample(1:15, n, TRUE); s1 <- sample(0:2, n, TRUE, prob = c(0.3, 0.4, 0.3)); g1 <- sample(c("a", "b"), n, TRUE)
cases <- list(
  ci_case("colon recurrence vs death", crt, crs, times = c(365, 1000, 2000, 4000)),
  ci_case("colon by rx", crt, crs, group = as.character(rec$rx), times = c(365, 1826)),
  ci_case("small, two groups", t1, s1, group = g1, times = c(0, 3.5, 10, 20)),
  ci_case("three causes with gaps in codes", c(1, 2, 2, 3, 4, 5, 5, 6, 7, 8, 9, 10), c(1, 3, 3, 0, 7, 1, 0, 3, 1, 0, 7, 1), times = c(2, 5, 11)),
  ci_case("a cause absent from one group", c(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), c(1, 2, 1, 0, 2, 1, 0, 0, 1, 0), group = c(1, 1, 1, 1, 1, 2, 2, 2, 2, 2)),
  ci_case("ties of both causes and censorings", c(2, 2, 2, 2, 3, 3, 3, 5, 5, 5, 5, 7), c(1, 1, 2, 0, 2, 2, 0, 1, 2, 1, 0, 1), times = c(2, 5, 7)),
  ci_case("last follow-up an event", c(1, 3, 4, 6), c(2, 1, 0, 1), times = c(5, 6, 7))
)
set.seed(12)
for (k in 1:4) {
  n <- sample(c(30, 100, 500), 1)
  tm <- round(rexp(n, 0.1), 0) + 1; st <- sample(0:2, n, TRUE); st[1] <- 1; st[2] <- 2
  g <- if (k > 1) sample(1:(1 + k), n, TRUE) else NULL
  cases[[length(cases) + 1]] <- ci_case(sprintf("random %d", k), tm, st, group = g, times = c(1, 5, 12))
}
write_fixtures(cases)
