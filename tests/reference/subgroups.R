# subgroups.R — reference values for src/core/ob-subgroups.c
#
# Run from the repository root:  Rscript tests/reference/subgroups.R
# Writes tests/reference/subgroups.out (key = value, 17 significant digits, NA for none).
#
# Per subgroup: coxph (Surv (time, status) ~ arm) on that subgroup's rows, HR = exp (coef)
# with Wald 95% limits as summary (coxph) prints them.  Interaction: anova of the nested fits
# coxph (~ arm + by) and coxph (~ arm * by) on the rows where by is known, by taken as a
# factor.  Subgroups without events in an arm, or with one arm only, have no HR (NA).
#
# SPDX-License-Identifier: GPL-3.0-or-later

suppressPackageStartupMessages(library(survival))

out <- file("tests/reference/subgroups.out", "w")
emit <- function(key, value) {
  txt <- if (is.na(value)) "NA" else sprintf("%.17g", value)
  writeLines(paste0(key, " = ", txt), out)
}

# arm: 1 for the comparison arm, 0 for the reference.
hr_row <- function(key, time, status, arm) {
  emit(paste0(key, ".n"), length(time))
  emit(paste0(key, ".events"), sum(status))
  estimable <- all(tapply(status, factor(arm, levels = 0:1), function(s) length(s) > 0 && sum(s) > 0))
  if (!isTRUE(estimable)) {
    for (f in c("hr", "hr_lower", "hr_upper", "p")) emit(paste0(key, ".", f), NA)
    return(invisible())
  }
  fit <- coxph(Surv(time, status) ~ arm)
  s <- summary(fit)
  emit(paste0(key, ".hr"), s$conf.int[1, "exp(coef)"])
  emit(paste0(key, ".hr_lower"), s$conf.int[1, "lower .95"])
  emit(paste0(key, ".hr_upper"), s$conf.int[1, "upper .95"])
  emit(paste0(key, ".p"), s$coefficients[1, "Pr(>|z|)"])
}

subgroups <- function(name, d, time, status, group, reference, by) {
  keep <- !is.na(d[[time]]) & !is.na(d[[status]]) & !is.na(d[[group]])
  d <- d[keep, ]
  t <- d[[time]]
  s <- as.numeric(d[[status]] == max(d[[status]]))
  arm <- as.numeric(as.character(d[[group]]) != reference)
  hr_row(paste0(name, ".overall"), t, s, arm)
  for (v in by) {
    known <- !is.na(d[[v]])
    f <- factor(d[[v]][known])
    tv <- t[known]; sv <- s[known]; av <- arm[known]
    for (l in levels(f))
      hr_row(paste0(name, ".", v, "=", l), tv[f == l], sv[f == l], av[f == l])
    a <- suppressWarnings(anova(coxph(Surv(tv, sv) ~ av + f), coxph(Surv(tv, sv) ~ av * f)))
    emit(paste0(name, ".", v, ".interaction.chisq"), a$Chisq[2])
    emit(paste0(name, ".", v, ".interaction.df"), a$Df[2])
    emit(paste0(name, ".", v, ".interaction.p"), a$`Pr(>|Chi|)`[2])
  }
}

alk <- read.csv("data/samples/alk-cohort.csv", stringsAsFactors = FALSE)
subgroups("alk", alk, "pfs_months", "pfs_event", "tp53_status", "wild-type",
          c("sex", "stage", "line_of_therapy"))

lung <- read.csv("data/samples/lung.csv")
subgroups("lung", lung, "time", "status", "sex", "1", c("ph.ecog"))

veteran <- read.csv("data/samples/veteran.csv", stringsAsFactors = FALSE)
subgroups("veteran", veteran, "time", "status", "trt", "1", c("celltype", "prior"))

close(out)
