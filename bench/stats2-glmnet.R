# Times R on the data of bench/stats2-glmnet.bench.ts:
#   BENCH_GLMNET_DUMP=/tmp/glmnet.csv npx tsx bench/run.ts stats2-glmnet && Rscript bench/stats2-glmnet.R /tmp/glmnet.csv
# (csv: 100 predictors, y, fold id, gaussian y). glmnet's default thresh = 1e-7 is looser than
# this package's fits (each lambda solved to about 1e-11); the thresh = 1e-10 / 1e-14 lines show
# R's cost at accuracies nearer to ours.
suppressMessages(library(glmnet))
path <- commandArgs(TRUE)[1]
d <- as.matrix(read.csv(path, header = FALSE))
X <- d[, 1:100]; y <- d[, 101]; foldid <- d[, 102]; yg <- d[, 103]
med <- function(f, k = 5) {
  t <- numeric(k); u <- numeric(k)
  for (i in seq_len(k)) { s <- system.time(f()); t[i] <- s["elapsed"]; u[i] <- s["user.self"] + s["sys.self"] }
  sprintf("median %.3f s wall, %.3f s cpu (min %.3f wall)", median(t), median(u), min(t))
}
cat("glmnet path binomial alpha 0.5:        ", med(function() glmnet(X, y, family = "binomial", alpha = 0.5)), "\n")
cat("cv.glmnet binomial alpha 0.5 10 folds: ", med(function() cv.glmnet(X, y, family = "binomial", alpha = 0.5, foldid = foldid)), "\n")
cat("  same, thresh = 1e-10:                ", med(function() cv.glmnet(X, y, family = "binomial", alpha = 0.5, foldid = foldid, thresh = 1e-10), 3), "\n")
cat("  same, thresh = 1e-14:                ", med(function() cv.glmnet(X, y, family = "binomial", alpha = 0.5, foldid = foldid, thresh = 1e-14), 1), "\n")
cat("glmnet path gaussian alpha 0.5:        ", med(function() glmnet(X, yg, alpha = 0.5)), "\n")
cat("cv.glmnet gaussian alpha 0.5 10 folds: ", med(function() cv.glmnet(X, yg, alpha = 0.5, foldid = foldid)), "\n")
cv <- cv.glmnet(X, y, family = "binomial", alpha = 0.5, foldid = foldid)
cat(sprintf("lambda.min %.10g lambda.1se %.10g (path %d)\n", cv$lambda.min, cv$lambda.1se, length(cv$lambda)))
