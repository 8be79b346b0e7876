# survival-landmark.R — what `oncobench-cli survival --landmark T` must print
#
# Run from the repository root:  Rscript tests/reference/survival-landmark.R
# Writes tests/reference/survival-landmark.json in the format of cli-survival.json (whose
# helper functions it reuses).  A landmark analysis keeps the subjects still at risk at T
# (time >= T) and measures time from T: subset(d, time >= T), time - T.  Everything (curves,
# test, Cox) is then computed on that subset.  The last case checks --convert-time (days to
# months, 1 month = 365.25 / 12 days) the same way.
#
# SPDX-License-Identifier: GPL-3.0-or-later

suppressPackageStartupMessages(library(survival))

# The helpers (json, curves, logrank, cox, followup) without running that script's cases.
for (e in parse("tests/reference/cli-survival.R"))
  if (is.call(e) && identical(e[[1]], as.name("<-")) && is.call(e[[3]]) &&
      identical(e[[3]][[1]], as.name("function")))
    eval(e)

landmark <- function(d, time, status, t) {
  before <- d[[time]] < t
  out <- d[!before, ]
  out[[time]] <- out[[time]] - t
  list(data = out, events = sum(before & d[[status]] == 1), censored = sum(before & d[[status]] == 0))
}

exclusions <- function(lm, t) {
  say <- function(n, one, many) if (n == 0) NULL else sprintf(if (n == 1) one else many, n, t)
  I(c(say(lm$events, "%d row with the event before the landmark at %g",
          "%d rows with the event before the landmark at %g"),
      say(lm$censored, "%d row censored before the landmark at %g",
          "%d rows censored before the landmark at %g")))
}

cases <- list()

## lung: sex, landmark at 90 days --------------------------------------------------------
lung <- read.csv("data/samples/lung.csv")
lung$event <- lung$status - 1
lm <- landmark(lung, "time", "event", 90)
d <- lm$data
fit <- survfit(Surv(time, event) ~ sex, d, conf.type = "log-log")
cases[[length(cases) + 1]] <- list(
  name = "lung-sex-landmark-90",
  args = I(c("survival", "data/samples/lung.csv", "--time", "time", "--event", "status",
             "--group", "sex", "--landmark", "90", "--times", "90,275", "--rmst", "640")),
  expect = list(
    landmark = 90, n = nrow(d), events = sum(d$event), excluded = lm$events + lm$censored,
    exclusions = exclusions(lm, 90), ci = "log-log",
    groups = curves(fit, c("1", "2"), times = c(90, 275), tau = 640),
    followup = followup(d$time, d$event, "log-log"),
    test = logrank(survdiff(Surv(time, event) ~ sex, d), "logrank"),
    cox = cox(coxph(Surv(time, event) ~ factor(sex), d), "sex=2", "efron")))

## lung: R's conventions with a landmark at 180 days, adjusted for age ----------------------
lm <- landmark(lung, "time", "event", 180)
d <- lm$data
fit <- survfit(Surv(time, event) ~ sex, d, conf.type = "log")
cases[[length(cases) + 1]] <- list(
  name = "lung-sex-landmark-180-r",
  args = I(c("survival", "data/samples/lung.csv", "--time", "time", "--event", "status",
             "--group", "sex", "--covariates", "age", "--landmark", "180",
             "--conventions", "r")),
  expect = list(
    landmark = 180, n = nrow(d), events = sum(d$event), excluded = lm$events + lm$censored,
    exclusions = exclusions(lm, 180), ci = "log", conventions = "r",
    groups = curves(fit, c("1", "2")),
    test = logrank(survdiff(Surv(time, event) ~ sex, d), "logrank"),
    cox = cox(coxph(Surv(time, event) ~ factor(sex) + age, d), c("sex=2", "age"), "efron")))

## ALK cohort, first-line alectinib: TP53 status from a landmark at 6 months ----------------
alk <- read.csv("data/samples/alk-cohort.csv", stringsAsFactors = FALSE)
alk <- subset(alk, line_of_therapy == 1 & treatment == "alectinib")
lm <- landmark(alk, "pfs_months", "pfs_event", 6)
d <- lm$data
fit <- survfit(Surv(pfs_months, pfs_event) ~ tp53_status, d, conf.type = "log-log")
test <- logrank(survdiff(Surv(pfs_months, pfs_event) ~ tp53_status, d), "logrank")
d$tp53_status <- relevel(factor(d$tp53_status), "wild-type")
cases[[length(cases) + 1]] <- list(
  name = "alk-tp53-landmark-6",
  args = I(c("survival", "data/samples/alk-cohort.csv", "--time", "pfs_months",
             "--event", "pfs_event", "--group", "tp53_status", "--reference", "wild-type",
             "--where", "line_of_therapy=1", "--where", "treatment=alectinib",
             "--landmark", "6", "--times", "6,18")),
  expect = list(
    landmark = 6, n = nrow(d), events = sum(d$pfs_event), excluded = lm$events + lm$censored,
    exclusions = exclusions(lm, 6), ci = "log-log", reference = "wild-type",
    groups = curves(fit, c("mutant", "wild-type"), times = c(6, 18)),
    test = test,
    cox = cox(coxph(Surv(pfs_months, pfs_event) ~ tp53_status, d), "tp53_status=mutant",
              "efron")))

## lung in months: --convert-time scales every time before the analysis ---------------------
d <- lung
d$time <- d$time / (365.25 / 12)
fit <- survfit(Surv(time, event) ~ sex, d, conf.type = "log-log")
cases[[length(cases) + 1]] <- list(
  name = "lung-sex-months",
  args = I(c("survival", "data/samples/lung.csv", "--time", "time", "--event", "status",
             "--group", "sex", "--time-unit", "days", "--convert-time", "months",
             "--times", "6,12", "--rmst", "12")),
  expect = list(
    n = nrow(d), events = sum(d$event), ci = "log-log",
    groups = curves(fit, c("1", "2"), times = c(6, 12), tau = 12),
    followup = followup(d$time, d$event, "log-log"),
    test = logrank(survdiff(Surv(time, event) ~ sex, d), "logrank"),
    cox = cox(coxph(Surv(time, event) ~ factor(sex), d), "sex=2", "efron")))

writeLines(json(cases), "tests/reference/survival-landmark.json")
