# Reference rates for adverseEventHierarchyTable's test: poisson.test(x, T)$conf.int * 100 on the paper's
# Table 4 cohort (CD 52, UC 28) with exposures CD 1 + (i %% 5) / 4, UC 0.75 + (i %% 4) / 4 years (i from 0).
# Run: Rscript src/cohort/adverseEventHierarchy/fixtures.R  (writes fixtures.json, 17 significant digits)
source(file.path(dirname(normalizePath(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE)))), "../../stats/_common/json.R"))
expCD <- sum(1 + (0:51 %% 5) / 4); expUC <- sum(0.75 + (0:27 %% 4) / 4)
rate <- function(x, T) { r <- poisson.test(x, T); list(x = x, exposure = T, rate = 100 * x / T, ci = I(100 * as.numeric(r$conf.int))) }
# events: CD 5 acne (+1 repeat) 2 infection 2 neutropenia 3 anaemia 1 CK 5 dyslipidaemia = 19; UC 2+1+1+1+4 = 9
write_fixtures(list(
  anyCD = rate(19, expCD), anyUC = rate(9, expUC), anyAll = rate(28, expCD + expUC),
  acneCD = rate(6, expCD), ckUC = rate(0, expUC),
  anyPatientsCD = rate(8, expCD)
))
