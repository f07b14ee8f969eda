# Reference values for covariateBalance (run from this folder: Rscript fixtures.R): SMDs and variance
# ratios before (unweighted) and after (weighted, units with weight > 0) from the formulas written out
# in R: weighted mean sum(w x) / sum(w); reliability-weighted variance
# sum(w) / (sum(w)^2 - sum(w^2)) * sum(w (x - m)^2) (cobalt::col_w_smd's); continuous SMD
# (m1 - m0) / sqrt((v1 + v0) / 2); binary SMD with p (1 - p); categorical Yang-Dalton.
source(file.path(dirname(normalizePath(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE)))), "../_common/json.R"))
wm <- function(x, w) sum(w * x) / sum(w)
wv <- function(x, w) { m <- wm(x, w); sum(w) / (sum(w)^2 - sum(w^2)) * sum(w * (x - m)^2) }
smd_cont <- function(x, t, w) { a <- t == 1; (wm(x[a], w[a]) - wm(x[!a], w[!a])) / sqrt((wv(x[a], w[a]) + wv(x[!a], w[!a])) / 2) }
vr <- function(x, t, w) { a <- t == 1; wv(x[a], w[a]) / wv(x[!a], w[!a]) }
smd_bin <- function(x, t, w) { a <- t == 1; p1 <- wm(x[a], w[a]); p0 <- wm(x[!a], w[!a]); (p1 - p0) / sqrt((p1 * (1 - p1) + p0 * (1 - p0)) / 2) }
smd_cat <- function(x, t, w, lev) {
  a <- t == 1
  p1 <- sapply(lev, function(l) wm(x[a] == l, w[a])); p0 <- sapply(lev, function(l) wm(x[!a] == l, w[!a]))
  S <- function(p) { q <- p[-1]; m <- -outer(q, q); diag(m) <- q * (1 - q); m }
  d <- (p1 - p0)[-1]; sqrt(drop(t(d) %*% solve((S(p1) + S(p0)) / 2) %*% d))
}
set.seed(99)
n <- 300; age <- rnorm(n, 40, 12); male <- rbinom(n, 1, 0.5); site <- sample(c("north", "south", "east"), n, TRUE)
tr <- rbinom(n, 1, plogis(-1 + 0.03 * (age - 40) + 0.6 * male + 0.5 * (site == "east")))
w <- ifelse(tr == 1, 1, runif(n, 0, 3)); w[sample(which(tr == 0), 20)] <- 0
one <- rep(1, n); k <- w > 0
lev <- unique(site)
res <- function(x, t, ww, kind) switch(kind,
  continuous = list(smd = smd_cont(x, t, ww), varianceRatio = vr(x, t, ww)),
  binary = list(smd = smd_bin(x, t, ww)),
  categorical = list(smd = smd_cat(x, t, ww, lev)))
out <- list(age = I(age), male = I(male), site = I(site), treatment = I(tr), weights = I(w),
  before = list(age = res(age, tr, one, "continuous"), male = res(male, tr, one, "binary"), site = res(site, tr, one, "categorical")),
  after = list(age = res(age[k], tr[k], w[k], "continuous"), male = res(male[k], tr[k], w[k], "binary"), site = res(site[k], tr[k], w[k], "categorical")),
  essTreated = sum(w[tr == 1])^2 / sum(w[tr == 1]^2), essControl = sum(w[tr == 0])^2 / sum(w[tr == 0]^2))
write_fixtures(out)
