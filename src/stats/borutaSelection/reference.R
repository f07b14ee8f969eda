# Decision check for borutaSelection against R. The Boruta package is not packaged for Debian
# (and CRAN is out of reach here), so this script runs Boruta's published procedure
# (Kursa & Rudnicki 2010; Boruta's defaults: shadows of non-rejected features, at least 5,
# ranger permutation importance scaled by its standard error, hits against the best shadow,
# Bonferroni-adjusted two-sided binomial tests each run) on ranger's forests.
# Usage: Rscript reference.R data.csv [seed]   (csv: features..., class in the last column)
suppressPackageStartupMessages(library(ranger))
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1], header = FALSE)
set.seed(if (length(args) > 1) as.integer(args[2]) else 1)
x <- d[, -ncol(d)]; names(x) <- paste0("x", seq_len(ncol(x)))
y <- factor(d[, ncol(d)])
p <- ncol(x); dec <- rep("Tentative", p); hits <- rep(0, p); runs <- 0; maxRuns <- 100
while (any(dec == "Tentative") && runs < maxRuns) {
  runs <- runs + 1
  keep <- which(dec != "Rejected")
  xs <- x[, keep, drop = FALSE]
  while (ncol(xs) < 5) xs <- cbind(xs, xs)
  xs <- as.data.frame(lapply(xs, sample)); names(xs) <- paste0("shadow", seq_len(ncol(xs)))
  dat <- cbind(x[, keep, drop = FALSE], xs)
  rf <- ranger(x = dat, y = y, importance = "permutation", scale.permutation.importance = TRUE,
               num.trees = 500, num.threads = 1)
  imp <- rf$variable.importance
  smax <- max(imp[names(xs)])
  hits[keep] <- hits[keep] + (imp[names(x)[keep]] > smax)
  pa <- p.adjust(pbinom(hits - 1, runs, 0.5, lower.tail = FALSE), "bonferroni")
  pr <- p.adjust(pbinom(hits, runs, 0.5, lower.tail = TRUE), "bonferroni")
  dec[dec == "Tentative" & pa < 0.01] <- "Confirmed"
  dec[dec == "Tentative" & pr < 0.01] <- "Rejected"
}
cat("runs", runs, "\n")
for (k in c("Confirmed", "Tentative", "Rejected")) cat(k, ":", names(x)[dec == k], "\n")
