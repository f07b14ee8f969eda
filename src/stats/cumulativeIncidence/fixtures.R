# Reference values for cumulativeIncidence (Rscript fixtures.R): cmprsk 2.2 cuminc(time, status,
# group, cencode = 0) and timepoints(). cuminc lists each step twice (for plotting) plus the
# start and the last follow-up; the fixture keeps each step once (the value after the jump).
# Gray's test: cuminc's Tests (stat, pv, df) with its rho and strata when given; cuminc returns
# stat -1 (pv 1) when the variance is zero, kept as is.
suppressMessages(library(cmprsk))
source(file.path(dirname(normalizePath(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE)))), "../_common/json.R"))

ci_case <- function(label, time, status, group = NULL, times = NULL, rho = NULL, strata = NULL) {
  f <- if (is.null(group)) cuminc(time, status, cencode = 0) else if (is.null(strata)) cuminc(time, status, group, rho = if (is.null(rho)) 0 else rho, cencode = 0) else cuminc(time, status, group, strata, rho = if (is.null(rho)) 0 else rho, cencode = 0)
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
  if (!is.null(rho)) res$rho <- rho
  if (!is.null(strata)) res$strata <- strata
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
# Gray's test cases
set.seed(21)
n <- 60; tg <- round(rexp(n, 0.2), 0) + 1; sg <- sample(0:2, n, TRUE, prob = c(0.3, 0.4, 0.3)); g3 <- sample(1:3, n, TRUE)
cases <- c(cases, list(
  ci_case("gray: two groups, continuous times", round(rexp(50), 6), sample(0:2, 50, TRUE), group = rep(1:2, 25)),
  ci_case("gray: three groups with ties", tg, sg, group = g3),
  ci_case("gray: string groups", tg, sg, group = c("x", "y", "z")[g3]),
  ci_case("gray: three causes", tg, ifelse(sg == 2 & g3 == 1, 3, sg), group = ifelse(g3 == 3, 2, g3)),
  ci_case("gray: ties of events and censorings across causes and groups", c(2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 5, 5, 5, 5, 5, 7, 7, 8), c(1, 2, 0, 1, 2, 0, 1, 1, 2, 0, 1, 2, 2, 0, 1, 1, 0, 2), group = c(1, 1, 1, 2, 2, 2, 1, 2, 2, 1, 1, 2, 1, 2, 2, 1, 2, 1)),
  ci_case("gray: a group without events of cause 2", c(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12), c(1, 2, 1, 0, 2, 1, 1, 0, 1, 0, 1, 0), group = c(1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2)),
  ci_case("gray: cause 3 in one group only", tg[1:40], ifelse(seq_len(40) %% 7 == 0 & g3[1:40] == 2, 3, sg[1:40]), group = g3[1:40]),
  ci_case("gray: one cause (log-rank-like)", c(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), c(1, 0, 1, 1, 0, 1, 1, 0, 1, 1), group = c(1, 2, 1, 2, 1, 2, 1, 2, 1, 2)),
  ci_case("gray: rho = 1", tg, sg, group = g3, rho = 1),
  ci_case("gray: rho = -0.5", tg, sg, group = ifelse(g3 == 3, 2, g3), rho = -0.5),
  ci_case("gray: strata", tg, sg, group = ifelse(g3 == 3, 2, g3), strata = rep(c("s1", "s2"), 30)),
  ci_case("gray: strata and rho = 2", tg, sg, group = g3, strata = rep(1:3, 20), rho = 2)
))
m2 <- survival::mgus2
mt <- ifelse(m2$pstat == 1, m2$ptime, m2$futime); ms <- ifelse(m2$pstat == 1, 1, ifelse(m2$death == 1, 2, 0))
cases[[length(cases) + 1]] <- ci_case("gray: mgus2 progression vs death by sex", mt, ms, group = as.character(m2$sex), times = c(120, 240))
set.seed(31); n <- 1000
gs <- sample(c("a", "b"), n, TRUE); t1 <- rexp(n, ifelse(gs == "a", 0.10, 0.14)); t2 <- rexp(n, 0.08); tc <- runif(n, 2, 20)
cases[[length(cases) + 1]] <- ci_case("gray: simulated 1,000 subjects", round(pmin(t1, t2, tc), 2), ifelse(tc < pmin(t1, t2), 0, ifelse(t1 < t2, 1, 2)), group = gs)
# Gray's test on untied event times (where ours must agree with cuminc to 1e-9): several group
# counts, rho, strata, and a continuous 1,000-subject sample
set.seed(77)
for (k in 1:12) {
  n <- c(8, 12, 20, 30, 45, 60)[(k - 1) %% 6 + 1]; K <- 2 + (k %% 2); rho <- c(0, 1, 0.5, -0.5)[(k - 1) %% 4 + 1]
  tu <- sample(1:1000, n); su <- sample(c(0, 1, 1, 2), n, TRUE); gu <- rep_len(seq_len(K), n)[sample(n)]
  su[1:2] <- 1
  stu <- if (k > 6) rep_len(c("s1", "s2"), n) else NULL
  # cuminc stops on some small stratified samples (a stratum without variance); those are skipped
  cc <- tryCatch(ci_case(sprintf("gray untied %d: n %d, %d groups, rho %g%s", k, n, K, rho, if (is.null(stu)) "" else ", strata"), tu, su, group = gu, rho = rho, strata = stu), error = function(e) NULL)
  if (!is.null(cc)) cases[[length(cases) + 1]] <- cc
}
set.seed(78); n <- 1000
gs <- sample(c("a", "b", "c"), n, TRUE); t1 <- rexp(n, ifelse(gs == "a", 0.10, 0.14)); t2 <- rexp(n, 0.08); tc <- runif(n, 2, 20)
cases[[length(cases) + 1]] <- ci_case("gray untied: 1,000 subjects, continuous times, 3 groups", pmin(t1, t2, tc), ifelse(tc < pmin(t1, t2), 0, ifelse(t1 < t2, 1, 2)), group = gs, rho = 1)
# Gray's test with tied event times (ties of the cause of interest across and within groups, of
# competing events, of both at one time, of events with censorings): small heavily tied samples,
# 2 and 3 groups, several causes, rho, strata; and cmprsk's variance estimate going negative
set.seed(79)
for (k in 1:36) {
  n <- c(6, 9, 14, 25, 40, 80)[(k - 1) %% 6 + 1]; K <- 2 + (k %% 2); rho <- c(0, 1, 0.5, -0.5, 2, 0)[(k - 1) %% 6 + 1]
  tt <- sample(1:max(2, n %/% 3), n, TRUE); st <- sample(c(0, 1, 1, 2, 2, 3)[seq_len(if (k %% 3 == 0) 6 else 5)], n, TRUE)
  gt <- rep_len(seq_len(K), n)[sample(n)]
  st[1:2] <- 1
  stt <- if (k %% 4 == 0) rep_len(c("s1", "s2"), n) else NULL
  cc <- tryCatch(ci_case(sprintf("gray tied %d: n %d, %d groups, rho %g%s", k, n, K, rho, if (is.null(stt)) "" else ", strata"), tt, st, group = gt, rho = rho, strata = stt), error = function(e) NULL)
  if (!is.null(cc)) cases[[length(cases) + 1]] <- cc
}
cases[[length(cases) + 1]] <- ci_case("gray tied: all at risk fail at the second time (negative variance estimate)", c(1, 2, 2, 2), c(1, 1, 1, 1), group = c(1, 1, 2, 2))
cases[[length(cases) + 1]] <- ci_case("gray tied: competing events tied within a group", c(1, 2, 2, 2, 3, 4, 4, 5, 6, 6), c(1, 2, 2, 1, 1, 2, 2, 1, 1, 2), group = c(1, 1, 1, 2, 2, 1, 2, 2, 1, 2))
# times unsorted and repeated: timepoints() sorts them and drops repeats
ci_tp_case <- function(label, time, status, times) {
  out <- ci_case(label, time, status, times = sort(unique(times)))
  out$times <- I(times)
  out
}
cases[[length(cases) + 1]] <- ci_tp_case("times unsorted with repeats", c(1, 2, 3, 4, 5, 6), c(1, 2, 1, 0, 1, 2), times = c(4.5, 2, 2, 0.5))
write_fixtures(cases)
