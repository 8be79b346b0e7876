# bench-survival.R — what `oncobench-cli survival` computes, in R, for timing beside it
#
# Usage: Rscript bench/bench-survival.R FILE.csv
#
# SPDX-License-Identifier: GPL-3.0-or-later
suppressPackageStartupMessages(library(survival))
d <- read.csv(commandArgs(trailingOnly = TRUE)[1])
fit <- survfit(Surv(time, status) ~ group, d, conf.type = "log-log")
print(fit)
steps <- summary(fit, censored = TRUE)
cat("steps:", length(steps$time), "\n")
print(survdiff(Surv(time, status) ~ group, d))
fit <- coxph(Surv(time, status) ~ group + age + sex, d)
print(summary(fit))
# For bench-survival.sh to compare with oncobench-cli's terms.
cat(sprintf("coef %s %.12g\n", names(coef(fit)), coef(fit)), sep = "")
