# Times R on the data written by bench/survival-vs-r.ts (which calls this script itself):
#   Rscript bench/survival-vs-r.R <dir> [task ...]   (no task names: all tasks)
# Prints one line per task: "<task> <median wall seconds> <median CPU seconds>".
suppressMessages({ library(survival); library(cmprsk) })
dir <- commandArgs(TRUE)[1]
only <- commandArgs(TRUE)[-1]
km <- read.csv(file.path(dir, "km.csv"), header = FALSE)
cx <- as.matrix(read.csv(file.path(dir, "cox.csv"), header = FALSE))
ci <- read.csv(file.path(dir, "ci.csv"), header = FALSE)
med <- function(name, f, k = 3) {
  if (length(only) > 0 && !(name %in% only)) return(invisible(NULL))
  t <- vapply(seq_len(k), function(i) { s <- system.time(f()); c(s[["elapsed"]], s[["user.self"]] + s[["sys.self"]]) }, numeric(2))
  cat(name, median(t[1, ]), median(t[2, ]), "\n")
}
med("km", function() { f <- survfit(Surv(km[, 1], km[, 2]) ~ 1); quantile(f) })
med("logrank", function() survdiff(Surv(km[, 1], km[, 2]) ~ km[, 3]))
X <- cx[, 1:10]; tt <- cx[, 11]; st <- cx[, 12]
med("cox", function() coxph(Surv(tt, st) ~ X, ties = "efron"))
med("cuminc", function() cuminc(ci[, 1], ci[, 2], cencode = 0))
med("cuminc-groups", function() cuminc(ci[, 1], ci[, 2], ci[, 3], cencode = 0))
