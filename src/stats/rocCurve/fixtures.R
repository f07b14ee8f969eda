# Reference values for rocCurve (run from this folder: Rscript fixtures.R).
# pROC::roc(response, predictor, direction), ci.auc(method = "delong"), var(method = "delong"),
# the curve's points, and the Youden point: max of sensitivity + specificity compared exactly on
# integer counts (TP * nControls + TN * nCases), ties -> lowest threshold. pROC's own
# coords(best.method = "youden") rows are stored too (all tied rows).
suppressMessages(library(pROC))
source(file.path(dirname(normalizePath(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE)))), "../_common/json.R"))

case <- function(label, predictor, response, direction = "auto", level = 0.95) {
  r <- roc(response, predictor, direction = direction, levels = c(0, 1), quiet = TRUE)
  ci <- suppressWarnings(ci.auc(r, method = "delong", conf.level = level))
  v <- suppressWarnings(var(r, method = "delong"))
  nK <- sum(response == 1); nC <- sum(response == 0)
  tp <- round(r$sensitivities * nK); tn <- round(r$specificities * nC)
  score <- tp * nC + tn * nK
  tied <- which(score == max(score))
  y <- tied[which.min(r$thresholds[tied])]
  best <- suppressWarnings(coords(r, "best", best.method = "youden", ret = c("threshold", "sensitivity", "specificity"), transpose = FALSE))
  list(label = label, predictor = I(predictor), response = I(response), direction = direction, confLevel = level,
       want = list(auc = as.numeric(r$auc), aucConfInt = I(c(ci[1], ci[3])), aucVariance = v, direction = r$direction,
                   threshold = I(r$thresholds), sensitivity = I(r$sensitivities), specificity = I(r$specificities),
                   youden = list(threshold = r$thresholds[y], sensitivity = r$sensitivities[y], specificity = r$specificities[y]),
                   pROCBest = list(threshold = I(best$threshold), sensitivity = I(best$sensitivity), specificity = I(best$specificity))))
}

cases <- list()
add <- function(x) cases[[length(cases) + 1]] <<- x

add(case("doc example", c(1, 2, 2, 3, 5, 4, 6, 6), c(0, 0, 1, 0, 1, 1, 1, 0)))
add(case("doc example negated (auto '>')", -c(1, 2, 2, 3, 5, 4, 6, 6), c(0, 0, 1, 0, 1, 1, 1, 0)))
add(case("doc example forced '>' (AUC < 0.5)", c(1, 2, 2, 3, 5, 4, 6, 6), c(0, 0, 1, 0, 1, 1, 1, 0), direction = ">"))
add(case("doc example forced '<' on negated (AUC < 0.5)", -c(1, 2, 2, 3, 5, 4, 6, 6), c(0, 0, 1, 0, 1, 1, 1, 0), direction = "<"))
add(case("equal medians -> '<'", c(1, 2, 3, 4, 2, 3, 4, 0.5), c(0, 0, 0, 0, 1, 1, 1, 1)))
add(case("minimal: 2 cases, 2 controls", c(0.3, 0.1, 0.7, 0.2), c(0, 0, 1, 1)))
add(case("perfect separation (AUC 1)", 1:10, rep(0:1, each = 5)))
add(case("perfect separation reversed (auto '>')", 10:1, rep(0:1, each = 5)))
add(case("all tied (AUC 0.5)", rep(3, 8), c(0, 1, 0, 1, 0, 1, 1, 0)))
add(case("adjacent doubles, '<'", c(1, 1 + 2^-52, 1 + 2^-51, 3), c(1, 0, 1, 0), direction = "<"))
add(case("adjacent doubles, '>'", c(1, 1 + 2^-52, 1 + 2^-51, 3), c(1, 0, 1, 0), direction = ">"))
add(case("large magnitudes", c(1e300, -1e300, 1.5e300, 1.7e308, -1.7e308, 0), c(0, 0, 1, 1, 0, 1)))
add(case("Youden ties: several maxima", c(1, 2, 3, 4, 5, 6, 7, 8), c(0, 1, 0, 1, 0, 1, 0, 1)))
add(case("Youden ties with '>'", c(8, 7, 6, 5, 4, 3, 2, 1), c(0, 1, 0, 1, 0, 1, 0, 1)))
add(case("confLevel 0.9", c(1, 2, 2, 3, 5, 4, 6, 6, 2, 7), c(0, 0, 1, 0, 1, 1, 1, 0, 0, 1), level = 0.9))
add(case("confLevel 0.99", c(1, 2, 2, 3, 5, 4, 6, 6, 2, 7), c(0, 0, 1, 0, 1, 1, 1, 0, 0, 1), level = 0.99))
set.seed(42)
for (k in 1:40) {
  n <- sample(c(6, 12, 30, 100, 500, 2000), 1)
  y <- rbinom(n, 1, runif(1, 0.15, 0.7)); y[1:4] <- c(0, 1, 0, 1)
  shift <- rnorm(1, 0.6, 1)
  x <- switch(k %% 4 + 1,
              rnorm(n) + shift * y,                     # continuous
              round(rnorm(n, 5, 2) + shift * y),        # heavy ties (integer score)
              sample(0:3, n, TRUE) + (y == 1) * rbinom(n, 1, 0.4), # very few distinct values
              plogis(rnorm(n) + shift * y))             # probabilities
  dir <- if (k %% 5 == 0) ">" else if (k %% 7 == 0) "<" else "auto"
  add(case(sprintf("random %d: n=%d, %s", k, n, dir), x, y, direction = dir))
}
n <- 5000; y <- rbinom(n, 1, 0.3); x <- rnorm(n) + 0.8 * y
add(case("n = 5000 continuous", x, y))

write_fixtures(cases)
cat(length(cases), "cases written\n")
