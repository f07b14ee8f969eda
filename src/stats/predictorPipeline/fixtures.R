# Reference values for predictorPipeline without Boruta (run from this folder: Rscript fixtures.R).
# The elastic-net, logistic and ROC steps of the paper's pipeline in R, on simulated cohorts shaped
# like the paper's (age, anti-integrin, IL-12/23 + IL-23, prior surgery, plus noise columns):
#   cv.glmnet(X, y, family = "binomial", alpha, foldid, type.measure = "deviance") -> lambda.min,
#   non-zero coefficients -> glm(y ~ selected, binomial) -> pROC::roc(y, fitted) + ci.auc(delong).
# Boruta (a random forest) is not reproducible across implementations, so it is not part of these.
suppressMessages({ library(glmnet); library(pROC) })
source(file.path(dirname(normalizePath(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE)))), "../_common/json.R"))

cohort <- function(n, seed) {
  set.seed(seed)
  d <- data.frame(
    age = round(rnorm(n, 40, 13)),
    antiIntegrin = rbinom(n, 1, 0.4),
    il1223 = rbinom(n, 1, 0.6),
    surgery = rbinom(n, 1, 0.45),
    crp = round(rlnorm(n, 1.5, 0.9), 1),
    albumin = round(rnorm(n, 38, 5), 1),
    male = rbinom(n, 1, 0.55),
    durationYears = round(rexp(n, 1 / 7), 1),
    bmi = round(rnorm(n, 22, 3), 1),
    smoker = rbinom(n, 1, 0.2))
  eta <- 4 - 0.09 * d$age - 1.8 * d$antiIntegrin + 1.6 * d$il1223 + 1.0 * d$surgery
  d$y <- rbinom(n, 1, plogis(eta))
  d
}

case <- function(label, d, alpha = 1, which = "min") {
  X <- as.matrix(d[, setdiff(names(d), "y")]); y <- d$y
  foldId <- rep_len(1:10, nrow(X))
  cv <- cv.glmnet(X, y, family = "binomial", alpha = alpha, foldid = foldId, type.measure = "deviance", thresh = 1e-12)
  lam <- if (which == "min") cv$lambda.min else cv$lambda.1se
  b <- as.numeric(coef(cv, s = lam))[-1]
  sel <- colnames(X)[b != 0]
  res <- list(label = label, columns = lapply(d[, colnames(X)], I), outcome = I(y), foldId = I(foldId), alpha = alpha, lambda = which,
              want = list(lambdaMin = cv$lambda.min, lambda1se = cv$lambda.1se, selected = I(sel), coefficients = I(b)))
  if (length(sel) > 0) {
    f <- glm(y ~ ., data = d[, c(sel, "y")], family = binomial)
    r <- roc(y, fitted(f), quiet = TRUE)
    ci <- ci.auc(r, method = "delong")
    res$want$logistic <- list(names = I(names(coef(f))), estimate = I(unname(coef(f))), deviance = f$deviance)
    res$want$roc <- list(auc = as.numeric(r$auc), aucConfInt = I(c(ci[1], ci[3])), direction = r$direction)
  }
  res
}

cases <- list(
  case("paper-like cohort, n = 80, lasso, lambda.min", cohort(80, 1)),
  case("paper-like cohort, n = 56, lasso, lambda.min", cohort(56, 2)),
  case("paper-like cohort, n = 200, alpha 0.5, lambda.min", cohort(200, 3), alpha = 0.5),
  case("paper-like cohort, n = 200, lasso, lambda.1se", cohort(200, 4), which = "1se"))
write_fixtures(cases)
cat(length(cases), "cases written\n")
