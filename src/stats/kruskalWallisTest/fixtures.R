# Reference values for kruskalWallisTest: stats::kruskal.test(list of groups).
# Run: Rscript src/stats/kruskalWallisTest/fixtures.R  (writes fixtures.json, 17 significant digits)
source(file.path(dirname(normalizePath(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE)))), "../_common/json.R"))
set.seed(5)
gl <- list(list(c(2.9, 3.0, 2.5, 2.6, 3.2), c(3.8, 2.7, 4.0, 2.4), c(2.8, 3.4, 3.7, 2.2, 2.0)),
  list(c(1), c(2)), list(c(1, 1, 2), c(2, 2, 3)), list(rnorm(20), rnorm(30, 1), rnorm(10, 2), rnorm(5)),
  list(rpois(100, 3), rpois(120, 3.5), rpois(80, 2)), list(1:50, 51:100), list(c(1, 1, 1, 1), c(1, 1, 2)),
  list(rnorm(1000), rnorm(1000, 0.5), rnorm(1000, 1)), list(c(0, 0, 1), c(0, 1, 1), c(1, 1, 1)),
  list(round(runif(40) * 3), round(runif(40) * 3 + 1)), list(1e8 + c(1, 2, 3), 1e8 + c(4, 5, 6.5), 1e8 + c(7, 8)))
gl[[length(gl) + 1]] <- lapply(1:20, function(j) round(rnorm(sample(1:15, 1), j / 10), 1))
gl[[length(gl) + 1]] <- lapply(1:40, function(j) c(-0, 0, j %% 3, rnorm(2)))
for (i in 1:10) gl[[length(gl) + 1]] <- lapply(1:sample(2:7, 1), function(j) round(rnorm(sample(2:40, 1), j / 3), sample(0:2, 1)))
# Values equal to 15 significant digits but not exactly: kruskal.test ranks them apart but counts them
# as one tie group in the tie correction (it tabulates as.character(x), 15 significant digits).
gl[[length(gl) + 1]] <- list(c(3.1, 1.7, 4.2), c(1, 1 + 2^-52, 1 + 2^-51))
gl[[length(gl) + 1]] <- list(c(0.1 + 0.2, 0.3, 0.5, 0.7), c(0.3, 1, 0.7 + 1e-16, 2))
gl[[length(gl) + 1]] <- list(c(1e-300, 1.0000000000000002e-300, 5), c(2, 3, 1e-300), c(1e8 + 0.1 + 0.2, 1e8 + 0.3))
gl[[length(gl) + 1]] <- list(1 + (0:4) * 2^-52, c(2, 2, 3), c(1, 1 + 2^-50, 0.5))
gl[[length(gl) + 1]] <- lapply(1:18, function(j) c(j %% 4 + (j %% 3) * 2^-52, j / 7, 2 + j * 2^-51))
cases <- lapply(gl, function(g) { h <- kruskal.test(g); list(groups = lapply(g, I), statistic = unname(h$statistic), df = unname(h$parameter), pValue = h$p.value) })
write_fixtures(cases)
