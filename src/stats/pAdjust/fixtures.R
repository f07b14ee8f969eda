# Reference values for pAdjust: stats::p.adjust(p, method).
# Run: Rscript src/stats/pAdjust/fixtures.R  (writes fixtures.json, 17 significant digits)
source(file.path(dirname(normalizePath(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE)))), "../_common/json.R"))
set.seed(3)
ps <- list(c(0.01, 0.02, 0.03, 0.04), c(0.5), c(0.04, 0.01), runif(10), runif(25)^4, c(0.01, 0.01, 0.02, 0.5, 0.5, 0.9),
  c(1e-300, 1e-10, 0.05, 1), c(0, 0, 1, 1), round(runif(40), 2), runif(100)^3, c(0.2, 0.1, 0.3, 0.05, 0.04, 0.2, 0.2))
methods <- c("bonferroni", "holm", "hochberg", "hommel", "BH", "BY")
cases <- list()
for (p in ps) cases[[length(cases) + 1]] <- c(list(p = I(p)), setNames(lapply(methods, function(m) I(p.adjust(p, m))), methods))
write_fixtures(cases)
