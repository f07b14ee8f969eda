# Reference values for propensityScore (run from this folder: Rscript fixtures.R):
# glm(treatment ~ X, family = binomial) converged to epsilon 1e-14; fitted() and predict(type = "link").
source(file.path(dirname(normalizePath(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE)))), "../_common/json.R"))
tight <- glm.control(epsilon = 1e-14, maxit = 200)
case <- function(label, X, tr) {
  f <- glm(tr ~ X, family = binomial, control = tight)
  list(label = label, X = unname(lapply(seq_len(nrow(X)), function(i) I(unname(X[i, ])))), treatment = I(tr),
       score = I(unname(fitted(f))), logit = I(unname(predict(f, type = "link"))), estimate = I(unname(coef(f))))
}
set.seed(1701)
out <- list()
n <- 200; age <- round(rnorm(n, 40, 12)); female <- rbinom(n, 1, 0.5); crp <- rlnorm(n, 1.5, 1)
tr <- rbinom(n, 1, plogis(-2 + 0.04 * age - 0.5 * female + 0.1 * crp))
out[[1]] <- case("age, sex, CRP", cbind(age, female, crp), tr)
n <- 1000; x <- matrix(rnorm(n * 5), n); tr <- rbinom(n, 1, plogis(-1.5 + x %*% c(0.5, -0.3, 0.8, 0, 0.2)))
out[[2]] <- case("n = 1000, 5 covariates, rare-ish treatment", x, tr)
n <- 120; x1 <- rnorm(n); tr <- rbinom(n, 1, plogis(4 * x1))
out[[3]] <- case("strong but not separating covariate (extreme scores)", cbind(x1), tr)
write_fixtures(out)
