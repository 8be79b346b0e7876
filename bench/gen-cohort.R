# gen-cohort.R — a synthetic trial cohort for bench/run.sh, fixed seed
#
# Usage: Rscript bench/gen-cohort.R ROWS OUT.csv
#
# Columns: time (whole days, so many ties as in registry data), event (0/1), arm (three
# arms), age (years), stage (I–IV). The hazard depends on all three, so that the Cox model
# has something to find and converges in the usual few Newton steps.
#
# SPDX-License-Identifier: GPL-3.0-or-later
args <- commandArgs(trailingOnly = TRUE)
n <- as.integer(args[1])
set.seed(20261123)
arm <- sample(c("control", "drug_a", "drug_b"), n, replace = TRUE, prob = c(0.4, 0.3, 0.3))
age <- pmin(95, pmax(18, round(rnorm(n, 63, 11))))
stage <- sample(c("I", "II", "III", "IV"), n, replace = TRUE, prob = c(0.2, 0.3, 0.3, 0.2))
lp <- c(control = 0, drug_a = -0.3, drug_b = -0.5)[arm] + 0.02 * (age - 63) +
  c(I = 0, II = 0.4, III = 0.9, IV = 1.6)[stage]
event_time <- rexp(n, exp(lp) / 1200)
censor_time <- runif(n, 60, 3650)
time <- pmax(1, ceiling(pmin(event_time, censor_time)))
event <- as.integer(event_time <= censor_time)
d <- data.frame(time = time, event = event, arm = arm, age = age, stage = stage)
# fwrite only for speed at 10M rows; both write the same plain CSV.
if (requireNamespace("data.table", quietly = TRUE)) {
  data.table::fwrite(d, args[2], quote = FALSE)
} else {
  write.csv(d, args[2], row.names = FALSE, quote = FALSE)
}
