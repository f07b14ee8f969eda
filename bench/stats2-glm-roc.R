# Times R on the data of bench/stats2-glm-roc.bench.ts:
#   BENCH_GLM_DUMP=/tmp/glm.csv npx tsx bench/run.ts stats2-glm-roc && Rscript bench/stats2-glm-roc.R /tmp/glm.csv
suppressMessages({ library(pROC); library(MASS) })
path <- commandArgs(TRUE)[1]
d <- as.matrix(read.csv(path, header = FALSE))
X <- d[, 1:10]; y <- d[, 11]; score <- d[, 12]
med <- function(f, k = 7) { t <- numeric(k); for (i in seq_len(k)) t[i] <- system.time(f())["elapsed"]; sprintf("median %.3f s (min %.3f)", median(t), min(t)) }
cat("glm 100000x10:            ", med(function() glm(y ~ X, family = binomial)), "\n")
X10 <- X[1:10000, ]; y10 <- y[1:10000]
cat("glm + confint 10000x10:   ", med(function() suppressMessages(confint(glm(y10 ~ X10, family = binomial))), 3), "\n")
cat("pROC roc + ci.auc 100000: ", med(function() ci.auc(roc(y, score, quiet = TRUE), method = "delong")), "\n")
