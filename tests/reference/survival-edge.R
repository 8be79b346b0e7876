# survival-edge.R — `oncobench-cli survival` on the edge cases of the bad-input list
#
# Run from the repository root:  Rscript tests/reference/survival-edge.R
# Writes the data files tests/data/bad/{ties-at-zero,all-events,separation}.csv and
# tests/reference/survival-edge.json in the format of cli-survival.json (whose helpers it
# reuses), read by tests/cli/test-cli-survival.c:
#   - aml with every time up to 8 weeks set to 0: four events tied at time 0, where the curve
#     must drop at 0 as survfit's does;
#   - aml's 18 events only: no censoring at all, so the reverse Kaplan–Meier of the follow-up
#     never drops and its median is not reached;
#   - every event in one arm (the monotone likelihood of survival-cox.R): coxph warns that
#     the coefficient may be infinite and stops where its log-likelihood converged; the same
#     estimates are expected, with our warning naming the infinite hazard ratio.
#
# SPDX-License-Identifier: GPL-3.0-or-later

suppressPackageStartupMessages(library(survival))

for (e in parse("tests/reference/cli-survival.R"))
  if (is.call(e) && identical(e[[1]], as.name("<-")) && is.call(e[[3]]) &&
      identical(e[[3]][[1]], as.name("function")))
    eval(e)

write_data <- function(d, name) {
  path <- file.path("tests/data/bad", name)
  write.csv(d, path, row.names = FALSE, quote = FALSE)
  path
}

full_case <- function(name, path, d, group, levels) {
  fit <- survfit(as.formula(paste("Surv(time, status) ~", group)), d, conf.type = "log-log")
  list(
    name = name,
    args = I(c("survival", path, "--time", "time", "--event", "status", "--group", group,
               "--times", "0,20")),
    expect = list(
      n = nrow(d), events = sum(d$status), excluded = 0, ci = "log-log",
      groups = curves(fit, levels, times = c(0, 20)),
      followup = followup(d$time, d$status, "log-log"),
      test = logrank(survdiff(as.formula(paste("Surv(time, status) ~", group)), d), "logrank"),
      cox = cox(coxph(as.formula(paste("Surv(time, status) ~", group)), d),
                paste0(group, "=", levels[2]), "efron")))
}

aml <- read.csv("data/samples/aml.csv")
cases <- list()

zero <- aml
zero$time[zero$time <= 8] <- 0
cases[[1]] <- full_case("aml-ties-at-zero", write_data(zero, "ties-at-zero.csv"), zero, "x",
                        c("Maintained", "Nonmaintained"))

all_events <- subset(aml, status == 1)
cases[[2]] <- full_case("aml-all-events", write_data(all_events, "all-events.csv"), all_events,
                        "x", c("Maintained", "Nonmaintained"))

sep <- data.frame(
  time = c(3, 5, 6, 8, 9, 11, 14, 15, 17, 20, 4, 7, 10, 12, 13, 16, 18, 19, 21, 22),
  status = c(1, 1, 0, 1, 1, 1, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
  arm = rep(c("b", "a"), each = 10))
path <- write_data(sep, "separation.csv")
warned <- NULL
sep_fit <- withCallingHandlers(coxph(Surv(time, status) ~ arm, sep),
                               warning = function(w) {
                                 warned <<- conditionMessage(w)
                                 invokeRestart("muffleWarning")
                               })
stopifnot(grepl("coefficient may be infinite", warned))
sep_cox <- cox(sep_fit, "arm=b", "efron")
# exp(coef + 1.96 se) overflows to Inf, which JSON writes as null.
sep_cox$terms[[1]]$hr_upper <- if (is.finite(sep_cox$terms[[1]]$hr_upper))
  sep_cox$terms[[1]]$hr_upper else NA
sep_cox$converged <- FALSE
sep_cox$warning <- paste("The hazard ratio for arm=b is infinite: every event is in one group",
                         "(monotone likelihood). Use Firth's penalised Cox (--firth) or report",
                         "the log-rank test instead.")
fit <- survfit(Surv(time, status) ~ arm, sep, conf.type = "log-log")
cases[[3]] <- list(
  name = "separation",
  r_warning = warned,
  args = I(c("survival", path, "--time", "time", "--event", "status", "--group", "arm")),
  expect = list(
    n = nrow(sep), events = sum(sep$status), excluded = 0,
    groups = curves(fit, c("a", "b")),
    test = logrank(survdiff(Surv(time, status) ~ arm, sep), "logrank"),
    cox = sep_cox))

writeLines(json(cases), "tests/reference/survival-edge.json")
