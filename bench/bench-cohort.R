# bench-cohort.R — what each step of bench/run.sh asks of oncobench-cli, done in R
#
# Usage: Rscript bench/bench-cohort.R STEP READER FILE.csv [FIGURE.png]
#
# STEP is cumulative, as the oncobench-cli commands it is timed against:
#   import  read the table (oncobench-cli info)
#   km      + Kaplan–Meier by arm with log-log CIs, log-rank, Cox model of the arm
#           (oncobench-cli survival --group arm --no-steps fits the arm's Cox model too)
#   cox     + Cox model of arm, age and stage (Efron ties)
#   e2e     + every step of the curves written out and the figure as PNG at 300 dpi
# READER is fread (data.table) or read.csv.
#
# SPDX-License-Identifier: GPL-3.0-or-later
args <- commandArgs(trailingOnly = TRUE)
step <- args[1]
reader <- args[2]
file <- args[3]
steps <- c("import", "km", "cox", "e2e")
level <- match(step, steps)
stopifnot(!is.na(level))

d <- if (reader == "fread") {
  as.data.frame(data.table::fread(file, showProgress = FALSE))
} else {
  read.csv(file)
}
cat("rows", nrow(d), "\n")
if (level < 2) quit(save = "no")

suppressPackageStartupMessages(library(survival))
fit <- survfit(Surv(time, event) ~ arm, d, conf.type = "log-log")
print(fit)
test <- survdiff(Surv(time, event) ~ arm, d)
cat(sprintf("logrank %.12g\n", test$chisq))
formula <- if (level < 3) Surv(time, event) ~ arm else Surv(time, event) ~ arm + age + stage
cox <- coxph(formula, d)
# For run.sh to compare with oncobench-cli's terms.
cat(sprintf("coef %s %.12g\n", names(coef(cox)), coef(cox)), sep = "")
if (level < 4) quit(save = "no")

s <- summary(fit, censored = TRUE)
write.csv(data.frame(strata = s$strata, time = s$time, n.risk = s$n.risk,
                     n.event = s$n.event, surv = s$surv, lower = s$lower, upper = s$upper),
          stdout(), row.names = FALSE)
# The same size as oncobench's default figure: 85 × 75 mm.
png(args[4], width = 85, height = 75, units = "mm", res = 300)
plot(fit, col = 1:3, conf.int = TRUE, xlab = "Days", ylab = "Survival")
invisible(dev.off())
