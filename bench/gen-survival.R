# gen-survival.R — a large survival table for bench-survival.sh, fixed seed
#
# Usage: Rscript bench/gen-survival.R ROWS OUT.csv
#
# SPDX-License-Identifier: GPL-3.0-or-later
args <- commandArgs(trailingOnly = TRUE)
n <- as.integer(args[1])
set.seed(20191001)
group <- sample(c("control", "treated"), n, replace = TRUE)
age <- round(rnorm(n, 62, 10))
sex <- sample(c("female", "male"), n, replace = TRUE)
rate <- 1 / 900 * exp(-0.4 * (group == "treated") + 0.02 * (age - 62) + 0.15 * (sex == "male"))
event_time <- rexp(n, rate)
censor_time <- runif(n, 30, 3650)
# Whole days, as registries record them: many ties, as in real data.
time <- pmax(1, ceiling(pmin(event_time, censor_time)))
status <- as.integer(event_time <= censor_time)
write.csv(data.frame(time = time, status = status, group = group, age = age, sex = sex),
          args[2], row.names = FALSE, quote = FALSE)
