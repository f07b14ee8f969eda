# Times R on the data of bench/comparative-effectiveness.bench.ts:
#   BENCH_CE_DUMP=/tmp/ce-data.csv BENCH_CE_MATCH_DUMP=/tmp/ce-match.csv npx tsx bench/run.ts comparative-effectiveness
#   Rscript bench/comparative-effectiveness.R /tmp/ce-data.csv /tmp/ce-match.csv
# glm + IPTW on all 1,000,000 rows; the plain-R reference matcher (src/stats/matchNearest/reference.R)
# and Debian's MatchIt 4.5.1 on subsamples of the 100,000 x 400,000 matching data (both compare every
# treated unit with every control). MatchIt gets the distance scaled to distinct integers
# (round(1e6 x logit)), so its integer abs() cannot change the answer.
args <- commandArgs(TRUE)
here <- dirname(normalizePath(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE))))
source(file.path(here, "../src/stats/matchNearest/reference.R"))
tm <- function(f) { s <- system.time(f()); sprintf("wall %.2f s, CPU %.2f s", s[["elapsed"]], s[["user.self"]] + s[["sys.self"]]) }
d <- as.matrix(read.csv(args[1], header = FALSE)); X <- d[, 1:5]; tr <- d[, 6]
cat("glm 1e6 x 5 + stabilised ATE weights + 1%/99% truncation:", tm(function() {
  e <- fitted(glm(tr ~ X, family = binomial)); p <- mean(tr)
  w <- ifelse(tr == 1, p / e, (1 - p) / (1 - e)); q <- quantile(w, c(0.01, 0.99)); pmin(pmax(w, q[1]), q[2])
}), "\n")
m <- as.matrix(read.csv(args[2], header = FALSE)); dist <- m[, 1]; treat <- m[, 2]
sub <- function(nt) { i <- c(which(treat == 1)[seq_len(nt)], which(treat == 0)[seq_len(4 * nt)]); list(d = dist[i], t = treat[i]) }
s <- sub(5000)
cat("plain-R reference 1:1, 5,000 x 20,000:", tm(function() match_nearest_ref(s$d, s$t)), "\n")
if (requireNamespace("MatchIt", quietly = TRUE)) {
  for (nt in c(2500, 10000)) {
    s <- sub(nt); df <- data.frame(t = s$t, x = s$d); di <- round(1e6 * s$d)
    cat(sprintf("MatchIt %s 1:1, %d x %d:", packageVersion("MatchIt"), nt, 4 * nt),
        tm(function() MatchIt::matchit(t ~ x, data = df, distance = di, method = "nearest")), "\n")
  }
}
