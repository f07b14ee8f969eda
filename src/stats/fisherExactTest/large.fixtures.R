# Reference values for fisherExactTest on 2 x 2 tables with large counts (the cost of the exact
# computation must not grow with the counts): stats::fisher.test p-value, conditional MLE and interval.
# Run: Rscript src/stats/fisherExactTest/large.fixtures.R  (writes large.fixtures.json)
source(file.path(dirname(normalizePath(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE)))), "../_common/json.R"))
tables <- list(
  c(2e5, 2e5 + 300, 2e5 + 1000, 2e5),
  c(5, 4e5, 40, 3e5),
  c(123456, 7, 654321, 99))
cases <- list()
for (tb in tables) for (a in c("two.sided", "greater")) {
  h <- fisher.test(matrix(tb, 2, byrow = TRUE), alternative = a)
  cases[[length(cases) + 1]] <- list(table = list(I(tb[1:2]), I(tb[3:4])), alternative = a,
    pValue = h$p.value, estimate = unname(h$estimate), confInt = as.numeric(h$conf.int))
}
write_fixtures(cases, "large.fixtures.json")
