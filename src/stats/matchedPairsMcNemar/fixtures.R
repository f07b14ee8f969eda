# Reference values for matchedPairsMcNemar (run from this folder: Rscript fixtures.R):
# stats::mcnemar.test on the paired table and binom.test(b, b + c)'s Clopper-Pearson interval, mapped to odds.
source(file.path(dirname(normalizePath(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE)))), "../_common/json.R"))
set.seed(11)
case <- function(label, yt, yc, correct = TRUE, confLevel = 0.95) {
  tab <- table(factor(yt, c(1, 0)), factor(yc, c(1, 0)))
  mt <- mcnemar.test(tab, correct = correct)
  b <- tab[1, 2]; c <- tab[2, 1]; ci <- binom.test(b, b + c, conf.level = confLevel)$conf.int
  list(label = label, yTreated = I(yt), yControl = I(yc), correct = correct, confLevel = confLevel,
       table = unclass(unname(tab)), statistic = unname(mt$statistic), pValue = mt$p.value,
       estimate = b / c, confInt = I(ci / (1 - ci)))
}
out <- list(
  case("60 pairs", rbinom(60, 1, 0.45), rbinom(60, 1, 0.3)),
  case("200 pairs, no correction, 90%", rbinom(200, 1, 0.2), rbinom(200, 1, 0.15), FALSE, 0.9))
write_fixtures(out)
