# Reference values for matchNearest (run from this folder: Rscript fixtures.R).
# The matcher is the plain-R reference.R (the algorithm of MatchIt >= 4.5.5, written out); where
# Debian's MatchIt 4.5.1 is installed, the cases its bugs cannot reach (ratio 1, no caliper,
# integer distances, so that every difference is an integer) are also checked against matchit() and the script stops on any
# difference.
here <- dirname(normalizePath(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE))))
source(file.path(here, "../_common/json.R"))
source(file.path(here, "reference.R"))

case <- function(label, distance, treat, ratio = 1, replace = FALSE, caliper = NULL, std.caliper = TRUE,
                 order = "largest", exact = NULL) {
  m <- match_nearest_ref(distance, treat, ratio, replace, caliper, std.caliper, order, exact)
  matched <- !vapply(m$controls, is.null, TRUE)
  pairs <- lapply(which(matched), function(j) list(treated = m$treated[j] - 1, controls = I(m$controls[[j]] - 1)))
  list(label = label, distance = I(distance), treatment = I(treat), ratio = ratio, replace = replace,
       caliper = caliper, stdCaliper = std.caliper, order = order,
       exact = if (is.null(exact)) NULL else lapply(exact, I),
       pairs = pairs, weights = I(m$weights), unmatchedTreated = I(m$treated[!matched] - 1),
       nTreated = sum(m$weights[treat == 1] > 0), nControl = sum(m$weights[treat == 0] > 0))
}

set.seed(17)
out <- list()
gen <- function(n, pt, shift = 0.8) {
  x <- rnorm(n); tr <- rbinom(n, 1, plogis(qlogis(pt) + shift * x))
  if (sum(tr) < 2) tr[1:2] <- 1
  list(d = plogis(qlogis(pt) + shift * x + rnorm(n, 0, 0.3)), tr = tr)
}
g <- gen(40, 0.3); out[[length(out) + 1]] <- case("1:1 largest", g$d, g$tr)
out[[length(out) + 1]] <- case("1:1 smallest", g$d, g$tr, order = "smallest")
out[[length(out) + 1]] <- case("1:1 data order", g$d, g$tr, order = "data")
g <- gen(60, 0.25); out[[length(out) + 1]] <- case("1:2 without replacement", g$d, g$tr, ratio = 2)
out[[length(out) + 1]] <- case("1:3 without replacement, controls run out", g$d, g$tr, ratio = 3)
out[[length(out) + 1]] <- case("1:2 with replacement", g$d, g$tr, ratio = 2, replace = TRUE)
out[[length(out) + 1]] <- case("1:1 caliper 0.1 SD", g$d, g$tr, caliper = 0.1)
out[[length(out) + 1]] <- case("1:2 caliper 0.05 SD, smallest", g$d, g$tr, ratio = 2, caliper = 0.05, order = "smallest")
out[[length(out) + 1]] <- case("1:1 raw caliper 0.01", g$d, g$tr, caliper = 0.01, std.caliper = FALSE)
out[[length(out) + 1]] <- case("1:3 with replacement, caliper 0.2 SD", g$d, g$tr, ratio = 3, replace = TRUE, caliper = 0.2)
g <- gen(80, 0.3); sex <- sample(c("F", "M"), 80, TRUE); site <- sample(1:3, 80, TRUE)
out[[length(out) + 1]] <- case("exact on sex", g$d, g$tr, exact = list(sex))
out[[length(out) + 1]] <- case("exact on sex and site, 1:2, caliper 0.25", g$d, g$tr, ratio = 2, caliper = 0.25, exact = list(sex, site))
tr1 <- g$tr; tr1[site == 3] <- 1
out[[length(out) + 1]] <- case("exact stratum with treated only", g$d, tr1, exact = list(site))
out[[length(out) + 1]] <- case("logit distance, 1:2 replacement, data order", qlogis(g$d), g$tr, ratio = 2, replace = TRUE, order = "data")
g <- gen(300, 0.2); out[[length(out) + 1]] <- case("n = 300, 1:4, caliper 0.2 SD", qlogis(g$d), g$tr, ratio = 4, caliper = 0.2)
# Cases for the MatchIt cross-check: ratio 1, no caliper, distinct integer distances (a scaled-up
# score), so every difference is an integer >= 1 and 4.5.1's integer abs() changes nothing.
checks <- list()
for (s in 1:6) {
  n <- 30 + 10 * s
  d <- as.numeric(sample(1e6, n))
  tr <- rep(0, n); tr[sample(n, round(n / 3))] <- 1
  lab <- paste0("MatchIt cross-check ", s, " (ratio 1, integer distances)")
  ord <- c("largest", "smallest", "data")[(s - 1) %% 3 + 1]
  out[[length(out) + 1]] <- case(lab, d, tr, order = ord, replace = s > 3)
  checks[[length(checks) + 1]] <- list(d = d, tr = tr, order = ord, replace = s > 3, label = lab)
}
if (requireNamespace("MatchIt", quietly = TRUE)) {
  for (ck in checks) {
    df <- data.frame(tr = ck$tr, x = ck$d)
    m <- suppressWarnings(MatchIt::matchit(tr ~ x, data = df, distance = ck$d, method = "nearest",
                                            m.order = ck$order, replace = ck$replace))
    ref <- match_nearest_ref(ck$d, ck$tr, order = ck$order, replace = ck$replace)
    if (max(abs(unname(m$weights) - ref$weights)) > 1e-12) stop("reference differs from MatchIt on ", ck$label)
    cat("MatchIt", as.character(packageVersion("MatchIt")), "agrees on", ck$label, "\n")
  }
} else cat("MatchIt not installed: cross-check skipped\n")
write_fixtures(out)
