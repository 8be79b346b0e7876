# survival-page.R — reference values for tests/gui/test-survival-page.c
#
# Run from the repository root:  Rscript tests/reference/survival-page.R
# The survival page pre-fills time, status and sex for data/samples/lung.csv, uses log-log
# intervals by default, and lets the user regroup and filter; these are the numbers it must
# show.  Writes tests/reference/survival-page.out: "key = value" per line, 17 significant
# digits, NA where R gives NA.
#
# SPDX-License-Identifier: GPL-3.0-or-later

suppressPackageStartupMessages(library(survival))

out <- file("tests/reference/survival-page.out", "w")
emit <- function(key, value) {
  value <- as.numeric(value)
  txt <- ifelse(is.na(value), "NA", trimws(formatC(value, digits = 17, format = "g")))
  writeLines(paste0(key, " = ", paste(txt, collapse = " ")), out)
}

lung <- read.csv("data/samples/lung.csv")

medians <- function(key, fit) {
  q <- quantile(fit, probs = 0.5)
  emit(paste0(key, ".n"), fit$n)
  emit(paste0(key, ".median"), q$quantile)
  emit(paste0(key, ".median_lower"), q$lower)
  emit(paste0(key, ".median_upper"), q$upper)
}

# Default page: time ~ sex, events status == 2, log-log CI, log-rank, Cox (Efron).
fit <- survfit(Surv(time, status == 2) ~ sex, data = lung, conf.type = "log-log")
medians("sex", fit)
sd <- survdiff(Surv(time, status == 2) ~ sex, data = lung)
emit("sex.logrank.chisq", sd$chisq)
emit("sex.logrank.p", pchisq(sd$chisq, length(sd$n) - 1, lower.tail = FALSE))
cox <- coxph(Surv(time, status == 2) ~ factor(sex), data = lung)
emit("sex.cox.hr", exp(coef(cox)))
emit("sex.cox.hr_ci", exp(confint(cox)))

# Prism's hazard ratios of women (sex 2) against men, shown under Prism conventions:
# log-rank (O/E ratio) and Mantel–Haenszel (exp((O - E) / V)), each with its 95% CI.
o <- sd$obs; e <- sd$exp; v <- sd$var[2, 2]; z <- qnorm(0.975)
lr <- log((o[2] / e[2]) / (o[1] / e[1]))
emit("sex.prism.hr_logrank", exp(c(lr, lr - z * sqrt(1 / e[1] + 1 / e[2]),
                                   lr + z * sqrt(1 / e[1] + 1 / e[2]))))
mh <- (o[2] - e[2]) / v
emit("sex.prism.hr_mh", exp(c(mh, mh - z / sqrt(v), mh + z / sqrt(v))))

# Adjusted for age (ticked under Covariates): the group term comes first.
cox <- coxph(Surv(time, status == 2) ~ factor(sex) + age, data = lung)
emit("sex_age.cox.hr", exp(coef(cox)))
emit("sex_age.cox.p", summary(cox)$coefficients[, "Pr(>|z|)"])

# Regrouped by ECOG performance status (one row has it missing).
fit <- survfit(Surv(time, status == 2) ~ ph.ecog, data = lung, conf.type = "log-log")
medians("ecog", fit)
sd <- survdiff(Surv(time, status == 2) ~ ph.ecog, data = lung)
emit("ecog.logrank.chisq", sd$chisq)
emit("ecog.logrank.df", length(sd$n) - 1)

# Peto–Peto test by sex, as survdiff(rho = 1).
sd <- survdiff(Surv(time, status == 2) ~ sex, data = lung, rho = 1)
emit("sex.peto.chisq", sd$chisq)

# No group.
fit <- survfit(Surv(time, status == 2) ~ 1, data = lung, conf.type = "log-log")
medians("all", fit)

# Subgroup: women only (sex == 2), grouped by ECOG.
women <- subset(lung, sex == 2)
fit <- survfit(Surv(time, status == 2) ~ ph.ecog, data = women, conf.type = "log-log")
medians("women.ecog", fit)

# The synthetic ALK cohort (data/samples/alk-cohort.csv; alk-cohort-ja.csv holds the same
# rows with Japanese names): progression-free survival by TP53 status, and the page's
# default test.
alk <- read.csv("data/samples/alk-cohort.csv")
fit <- survfit(Surv(pfs_months, pfs_event) ~ tp53_status, data = alk, conf.type = "log-log")
medians("alk.tp53", fit)
sd <- survdiff(Surv(pfs_months, pfs_event) ~ tp53_status, data = alk)
emit("alk.tp53.logrank.chisq", sd$chisq)

close(out)
