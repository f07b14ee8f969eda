# Plain-R reference implementation of greedy nearest-neighbour matching as MatchIt >= 4.5.5 does it
# (method = "nearest"), written from the algorithm in the package documentation, not from MatchIt's
# code. Debian's MatchIt 4.5.1 cannot serve as the reference (its matcher truncates distance
# differences to integers, mixes 0- and 1-based positions when ratio > 1, and fails on exact strata
# holding one group), so matchNearest's fixtures come from this function; fixtures.R also checks it
# against MatchIt where those bugs cannot reach.
#
# distance: numeric; treat: 0/1; exact: NULL or a list of vectors; order: "largest", "smallest",
# "data". Returns 1-based controls per treated unit (list indexed by treated position, NULL when
# unmatched) and MatchIt's weights. Ties between equidistant controls go to the lowest position.
match_nearest_ref <- function(distance, treat, ratio = 1, replace = FALSE, caliper = NULL,
                              std.caliper = TRUE, order = "largest", exact = NULL) {
  n <- length(distance)
  tr <- which(treat == 1); co <- which(treat == 0)
  width <- Inf
  if (!is.null(caliper)) width <- if (std.caliper) caliper * sd(distance) else caliper
  key <- rep("", n)
  if (!is.null(exact)) for (e in exact) key <- paste0(key, "|", as.character(e))
  ord <- switch(order,
    largest = tr[order(-distance[tr], tr)],
    smallest = tr[order(distance[tr], tr)],
    data = tr)
  taken <- rep(FALSE, n)
  active <- rep(TRUE, n)
  mine <- vector("list", n)
  for (r in seq_len(ratio)) {
    for (t in ord) {
      if (!active[t]) next
      ok <- co[key[co] == key[t]]
      if (replace) ok <- setdiff(ok, mine[[t]]) else ok <- ok[!taken[ok]]
      gap <- abs(distance[ok] - distance[t])
      ok <- ok[gap <= width]; gap <- gap[gap <= width]
      if (length(ok) == 0) { active[t] <- FALSE; next }
      best <- min(gap)
      c <- min(ok[gap == best])
      mine[[t]] <- c(mine[[t]], c)
      if (!replace) taken[c] <- TRUE
    }
  }
  w <- rep(0, n)
  for (t in tr) {
    k <- length(mine[[t]])
    if (k == 0) next
    w[t] <- 1
    for (c in mine[[t]]) w[c] <- w[c] + 1 / k
  }
  nc <- sum(w[co] > 0)
  if (nc == 0) stop("No units were matched.")
  w[co] <- w[co] * nc / sum(w[co])
  list(controls = mine[tr], treated = tr, weights = w)
}
