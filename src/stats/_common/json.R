# Minimal JSON writer for the stats fixtures: numbers with 17 significant digits (jsonlite stops at 15),
# non-finite numbers as the strings "Infinity", "-Infinity", "NaN"; NULL as null.
# Vectors of length != 1 become arrays; wrap with I() to force an array of length 1; named lists are objects.
json_num <- function(v) {
  if (is.na(v)) return("\"NaN\"")
  if (is.infinite(v)) return(if (v > 0) "\"Infinity\"" else "\"-Infinity\"")
  if (v == round(v) && abs(v) < 1e15) return(sprintf("%.0f", v))
  sprintf("%.17g", v)
}
to_json <- function(x) {
  if (is.null(x)) return("null")
  if (is.list(x)) {
    if (!is.null(names(x)) && all(names(x) != "")) {
      return(paste0("{", paste0("\"", names(x), "\":", vapply(x, to_json, ""), collapse = ","), "}"))
    }
    return(paste0("[", paste(vapply(x, to_json, ""), collapse = ","), "]"))
  }
  if (is.matrix(x)) return(to_json(lapply(seq_len(nrow(x)), function(i) I(unname(x[i, ])))))
  if (is.character(x)) {
    s <- paste0("\"", gsub("\"", "\\\\\"", x), "\"")
    return(if (length(x) == 1 && !inherits(x, "AsIs")) s else paste0("[", paste(s, collapse = ","), "]"))
  }
  if (is.logical(x)) {
    s <- ifelse(x, "true", "false")
    return(if (length(x) == 1 && !inherits(x, "AsIs")) s else paste0("[", paste(s, collapse = ","), "]"))
  }
  s <- vapply(as.numeric(x), json_num, "")
  if (length(x) == 1 && !inherits(x, "AsIs")) s else paste0("[", paste(s, collapse = ","), "]")
}
script_dir <- function() dirname(normalizePath(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE))))
write_fixtures <- function(x, name = "fixtures.json") writeLines(to_json(x), file.path(script_dir(), name))
