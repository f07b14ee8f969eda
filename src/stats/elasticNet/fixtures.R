# Reference values for elasticNet / cvElasticNet from glmnet (R oracle only).
# Run from this folder: Rscript fixtures.R  -> fixtures.json (17 significant digits).
# thresh = 1e-30 gives (nearly) exact solutions (at 1e-14 glmnet still errs by ~1e-4 on p > n paths).
suppressPackageStartupMessages({ library(glmnet); library(jsonlite) })
set.seed(20261124)

mk_gauss <- function(n, p, k = 3, rho = 0.3, scales = NULL) {
  Z <- matrix(rnorm(n * p), n, p)
  X <- sqrt(1 - rho) * Z + sqrt(rho) * rnorm(n)      # equicorrelated columns
  if (!is.null(scales)) X <- sweep(X, 2, scales, "*") + 3
  b <- c(seq(2, 0.5, length.out = k), rep(0, p - k))
  y <- drop(X %*% b / if (is.null(scales)) 1 else scales) + rnorm(n)
  list(X = X, y = y)
}
mk_binom <- function(n, p, k = 3, rho = 0.2, scales = NULL, strength = 1) {
  d <- mk_gauss(n, p, k, rho, scales)
  eta <- strength * (d$y - mean(d$y)) / sd(d$y) * 1.5
  list(X = d$X, y = rbinom(n, 1, plogis(eta)))
}

path_case <- function(name, d, family, alpha = 1, standardize = TRUE, lambda = NULL,
                      nlambda = 100, lambda.min.ratio = NULL) {
  args <- list(x = d$X, y = d$y, family = family, alpha = alpha, standardize = standardize,
               nlambda = nlambda, thresh = 1e-30, maxit = 1e8)
  if (!is.null(lambda)) args$lambda <- lambda
  if (!is.null(lambda.min.ratio)) args$lambda.min.ratio <- lambda.min.ratio
  fit <- do.call(glmnet, args)
  list(name = name, family = family, alpha = alpha, standardize = standardize,
       lambdaIn = lambda, nLambda = nlambda, lambdaMinRatio = lambda.min.ratio,
       X = d$X, y = d$y,
       lambda = fit$lambda, intercept = unname(fit$a0),
       beta = unname(t(as.matrix(fit$beta))), devRatio = fit$dev.ratio,
       nullDeviance = fit$nulldev, df = fit$df)
}

cv_case <- function(name, d, family, alpha, foldid, lambda = NULL, standardize = TRUE) {
  args <- list(x = d$X, y = d$y, family = family, alpha = alpha, foldid = foldid,
               standardize = standardize, type.measure = "deviance", thresh = 1e-30, maxit = 1e8)
  if (!is.null(lambda)) args$lambda <- lambda
  cv <- do.call(cv.glmnet, args)
  cmin <- as.numeric(coef(cv, s = "lambda.min"))
  c1se <- as.numeric(coef(cv, s = "lambda.1se"))
  list(name = name, family = family, alpha = alpha, lambdaIn = lambda, standardize = standardize,
       X = d$X, y = d$y, foldId = foldid,
       lambda = cv$lambda, cvm = cv$cvm, cvsd = cv$cvsd,
       lambdaMin = cv$lambda.min, lambda1se = cv$lambda.1se,
       coefMin = list(intercept = cmin[1], beta = cmin[-1]),
       coef1se = list(intercept = c1se[1], beta = c1se[-1]))
}

g1 <- mk_gauss(100, 10)
g2 <- mk_gauss(40, 80, k = 5)
g3 <- mk_gauss(120, 8, scales = c(0.01, 0.1, 1, 10, 100, 1, 0.5, 2))
g4 <- mk_gauss(60, 6); g4$X[, 4] <- 2.5                      # a constant column
b1 <- mk_binom(150, 10)
b2 <- mk_binom(50, 100, k = 4, strength = 2)
b3 <- mk_binom(200, 8, scales = c(0.01, 0.1, 1, 10, 100, 1, 0.5, 2))
b4 <- mk_binom(300, 20, k = 5, rho = 0.5)

paths <- list(
  path_case("gauss n>p alpha1", g1, "gaussian", 1),
  path_case("gauss n>p alpha0.5", g1, "gaussian", 0.5),
  path_case("gauss n>p alpha0.1", g1, "gaussian", 0.1),
  path_case("gauss p>n alpha1", g2, "gaussian", 1),
  path_case("gauss p>n alpha0.5", g2, "gaussian", 0.5),
  path_case("gauss p>n alpha0.1", g2, "gaussian", 0.1),
  path_case("gauss scaled std", g3, "gaussian", 0.7),
  path_case("gauss scaled nostd alpha1", g3, "gaussian", 1, standardize = FALSE),
  path_case("gauss scaled nostd alpha0.3", g3, "gaussian", 0.3, standardize = FALSE),
  path_case("gauss constant column", g4, "gaussian", 0.9),
  path_case("gauss user lambda", g1, "gaussian", 0.5, lambda = c(0.5, 0.2, 0.1, 0.05, 0.01, 0.001, 0)),
  path_case("gauss nlambda 20 ratio 0.05", g1, "gaussian", 1, nlambda = 20, lambda.min.ratio = 0.05),
  path_case("binom n>p alpha1", b1, "binomial", 1),
  path_case("binom n>p alpha0.5", b1, "binomial", 0.5),
  path_case("binom n>p alpha0.1", b1, "binomial", 0.1),
  path_case("binom p>n alpha1", b2, "binomial", 1),
  path_case("binom p>n alpha0.5", b2, "binomial", 0.5),
  path_case("binom p>n alpha0.1", b2, "binomial", 0.1),
  path_case("binom scaled std", b3, "binomial", 0.8),
  path_case("binom scaled nostd", b3, "binomial", 1, standardize = FALSE),
  path_case("binom correlated alpha0.5", b4, "binomial", 0.5),
  path_case("binom user lambda", b1, "binomial", 0.5, lambda = c(0.3, 0.1, 0.05, 0.02, 0.005, 0.001)),
  path_case("binom nlambda 30 ratio 0.001", b4, "binomial", 0.9, nlambda = 30, lambda.min.ratio = 0.001),
  path_case("gauss p>n devmax stop", g2, "gaussian", 1, lambda.min.ratio = 1e-4),
  path_case("binom p>n devmax stop", b2, "binomial", 0.7, lambda.min.ratio = 1e-4),
  path_case("gauss alpha0.01", g1, "gaussian", 0.01),
  path_case("binom alpha0.01 nostd", b4, "binomial", 0.01, standardize = FALSE),
  path_case("binom p>n nostd alpha0.5", b2, "binomial", 0.5, standardize = FALSE)
)

fold <- function(n, k) sample(rep(seq_len(k), length.out = n))
cvs <- list(
  cv_case("cv gauss alpha1 10 folds", g1, "gaussian", 1, fold(100, 10)),
  cv_case("cv gauss p>n alpha0.5 5 folds", g2, "gaussian", 0.5, fold(40, 5)),
  cv_case("cv binom alpha1 10 folds", b1, "binomial", 1, fold(150, 10)),
  cv_case("cv binom alpha0.5 10 folds", b4, "binomial", 0.5, fold(300, 10)),
  cv_case("cv binom p>n alpha0.5 4 folds", b2, "binomial", 0.5, fold(50, 4)),
  cv_case("cv gauss user lambda nostd", g3, "gaussian", 0.8, fold(120, 6),
          lambda = exp(seq(log(2), log(0.001), length.out = 40)), standardize = FALSE),
  cv_case("cv binom user lambda", b1, "binomial", 1, fold(150, 5),
          lambda = exp(seq(log(0.2), log(0.0005), length.out = 30)))
)

out <- list(glmnetVersion = as.character(packageVersion("glmnet")), paths = paths, cv = cvs)
writeLines(toJSON(out, digits = I(17), auto_unbox = TRUE, matrix = "rowmajor", null = "null"),
           "fixtures.json")
