# Expected axis scales for tests/plot/test-scale.c: R's pretty() on ranges a figure meets
# (survival times of survival::lung, survival::veteran and survival::aml, probabilities,
# DNase concentrations and densities, negative and tiny ranges).
# Run: Rscript tests/reference/plot-pretty.R > tests/reference/plot-pretty.csv
suppressPackageStartupMessages(library(survival))

cases <- list(
  c(0, 1), c(0, 100), c(0, max(lung$time)), c(0, max(veteran$time)), c(0, max(aml$time)),
  c(0, max(lung$time) / 30.4375), c(0, max(lung$time) / 365.25),
  range(DNase$conc), range(DNase$density), c(-3.7, 12.2), c(-1e-4, 3e-4),
  c(1, 1), c(0, 0), c(5, 5.0000001), c(0.001, 0.0013), c(-250, -10), c(17, 4017),
  c(0, 7), c(0, 13), c(0, 36), c(0, 60), c(2.5, 97.5), c(1e6, 3.2e7)
)
ns <- c(5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 8, 8, 6, 4, 10, 3)

cat("lo,hi,n,unit,pretty_lo,pretty_hi,count\n")
for (i in seq_along(cases)) {
  r <- cases[[i]]
  p <- pretty(r, n = ns[i])
  unit <- if (length(p) > 1) p[2] - p[1] else NA
  cat(sprintf("%.17g,%.17g,%d,%.17g,%.17g,%.17g,%d\n",
              r[1], r[2], ns[i], unit, min(p), max(p), length(p)))
}
