# Called by bench/vs-r/glmnet-accuracy.ts with the folder holding the workload's data (raw doubles) and
# ours.json; compares ours and cv.glmnet at its default thresh with cv.glmnet at thresh = 1e-14.
suppressMessages({ library(glmnet); library(jsonlite) })
dir <- commandArgs(TRUE)[1]
rd <- function(name) { f <- file.path(dir, paste0(name, ".f64")); readBin(f, "double", n = file.size(f) / 8, endian = "little") }
X <- matrix(rd("X"), ncol = 100, byrow = TRUE); y <- rd("y"); foldid <- rd("fold")
o <- fromJSON(file.path(dir, "ours.json"))
ref <- cv.glmnet(X, y, family = "binomial", alpha = 0.5, foldid = foldid, thresh = 1e-14, maxit = 1e7)
def <- cv.glmnet(X, y, family = "binomial", alpha = 0.5, foldid = foldid)
rel <- function(a, b) max(abs(a - b)) / max(abs(b))
refMin <- as.numeric(coef(ref, s = ref$lambda.min)); ref1se <- as.numeric(coef(ref, s = ref$lambda.1se))
show <- function(name, lam, cvm, lmin, l1, cmin, c1) {
  k <- min(length(lam), length(ref$lambda))
  cat(sprintf("%-32s path %d of %d lambdas; lambda %.1e, cvm %.1e, lambdaMin %.1e, lambda1se %.1e, coefficients at lambdaMin %.1e, at lambda1se %.1e\n",
    name, length(lam), length(ref$lambda), rel(lam[1:k], ref$lambda[1:k]), rel(cvm[1:k], ref$cvm[1:k]),
    abs(lmin / ref$lambda.min - 1), abs(l1 / ref$lambda.1se - 1), rel(cmin, refMin), rel(c1, ref1se)))
}
cat(sprintf("glmnet %s; each against cv.glmnet(thresh = 1e-14) on the same data and folds:\n", packageVersion("glmnet")))
show("cv.glmnet default (thresh 1e-7)", def$lambda, def$cvm, def$lambda.min, def$lambda.1se,
  as.numeric(coef(def, s = "lambda.min")), as.numeric(coef(def, s = "lambda.1se")))
for (th in c(1e-9, 1e-10, 1e-11)) {
  cpu <- system.time(fit <- cv.glmnet(X, y, family = "binomial", alpha = 0.5, foldid = foldid, thresh = th, maxit = 1e7))
  show(sprintf("cv.glmnet thresh %g (CPU %.2f s)", th, cpu[["user.self"]] + cpu[["sys.self"]]), fit$lambda, fit$cvm, fit$lambda.min, fit$lambda.1se,
    as.numeric(coef(fit, s = "lambda.min")), as.numeric(coef(fit, s = "lambda.1se")))
}
show("cvElasticNet (ours)", o$lambda, o$cvm, o$lambdaMin, o$lambda1se, o$min, o$se)
