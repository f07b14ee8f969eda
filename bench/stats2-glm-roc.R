# Times R on the data of bench/stats2-glm-roc.bench.ts:
#   BENCH_GLM_DUMP=/tmp/glm.csv npx tsx bench/run.ts stats2-glm-roc && Rscript bench/stats2-glm-roc.R /tmp/glm.csv
# Prints the median wall time and the median CPU time (user + system) of each task.
suppressMessages({ library(pROC); library(MASS) })
path <- commandArgs(TRUE)[1]
d <- as.matrix(read.csv(path, header = FALSE))
X <- d[, 1:10]; y <- d[, 11]; score <- d[, 12]; distinct <- X[, 1] + 0.5 * X[, 2]
med <- function(f, k = 7) {
  t <- vapply(seq_len(k), function(i) { s <- system.time(f()); c(s[["elapsed"]], s[["user.self"]] + s[["sys.self"]]) }, numeric(2))
  sprintf("wall median %.3f s, CPU median %.3f s", median(t[1, ]), median(t[2, ]))
}
cat("glm 100000x10:               ", med(function() glm(y ~ X, family = binomial)), "\n")
X10 <- X[1:10000, ]; y10 <- y[1:10000]
cat("glm + confint 10000x10:      ", med(function() suppressMessages(confint(glm(y10 ~ X10, family = binomial))), 3), "\n")
cat("pROC roc + ci.auc (rounded): ", med(function() ci.auc(roc(y, score, quiet = TRUE), method = "delong")), "\n")
cat("pROC roc + ci.auc (distinct):", med(function() ci.auc(roc(y, distinct, quiet = TRUE), method = "delong")), "\n")
