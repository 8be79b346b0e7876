# survival-exclude.R — `oncobench-cli survival --exclude`: the same numbers as R without the
# rows left out by hand
#
# Run from the repository root:  Rscript tests/reference/survival-exclude.R
# Writes tests/reference/survival-exclude.json in the format of cli-survival.json (cases of
# arguments and the part of the output R vouches for); tests/cli/test-cli-survival.c runs
# them.  Without --id, an exclusion names a row by its number under the header (R's row
# index of read.csv).
#
# SPDX-License-Identifier: GPL-3.0-or-later

suppressPackageStartupMessages(library(survival))

json <- function(x, indent = "") {
  inner <- paste0(indent, "  ")
  if (is.null(x)) return("null")
  if (is.list(x)) {
    if (length(x) == 0) return(if (is.null(names(x))) "[]" else "{}")
    items <- vapply(x, json, "", indent = inner)
    if (!is.null(names(x)))
      items <- paste0("\"", names(x), "\": ", items)
    open <- if (is.null(names(x))) "[" else "{"
    close <- if (is.null(names(x))) "]" else "}"
    return(paste0(open, "\n", inner, paste(items, collapse = paste0(",\n", inner)), "\n",
                  indent, close))
  }
  scalar <- function(v) {
    if (is.na(v)) return("null")
    if (is.logical(v)) return(if (v) "true" else "false")
    if (is.numeric(v)) return(trimws(formatC(v, digits = 17, format = "g")))
    paste0("\"", gsub("\"", "\\\\\"", gsub("\\\\", "\\\\\\\\", v)), "\"")
  }
  if (length(x) == 1 && !inherits(x, "AsIs")) return(scalar(x))
  paste0("[", paste(vapply(unclass(x), scalar, ""), collapse = ", "), "]")
}

# Counts and quartiles with Brookmeyer–Crowley limits per curve, as quantile(survfit).
curves <- function(fit, names) {
  tab <- summary(fit, rmean = "none")$table
  if (is.null(dim(tab))) tab <- t(as.matrix(tab))
  q <- quantile(fit, probs = c(0.25, 0.5, 0.75))
  qm <- function(x) matrix(x, ncol = 3)
  lapply(seq_along(names), function(k)
    list(name = names[k], n = tab[k, "records"], events = tab[k, "events"],
         median = qm(q$quantile)[k, 2], median_lower = qm(q$lower)[k, 2],
         median_upper = qm(q$upper)[k, 2], q25 = qm(q$quantile)[k, 1],
         q75 = qm(q$quantile)[k, 3]))
}

logrank <- function(sd, method) {
  df <- length(sd$n) - 1
  list(method = method, chisq = sd$chisq, df = df, p = pchisq(sd$chisq, df, lower.tail = FALSE))
}

cox <- function(fit, term_names, ties) {
  s <- summary(fit)
  cf <- s$coefficients
  ci <- s$conf.int
  terms <- lapply(seq_along(term_names), function(i)
    list(name = term_names[i], coef = cf[i, "coef"], se = cf[i, "se(coef)"],
         hr = cf[i, "exp(coef)"], hr_lower = ci[i, "lower .95"], hr_upper = ci[i, "upper .95"],
         p = cf[i, "Pr(>|z|)"]))
  list(terms = terms, ties = ties)
}

cases <- list()

## lung by sex without rows 3, 17, 50 and 120 --------------------------------------------
lung <- read.csv("data/samples/lung.csv")
out <- c(3, 17, 50, 120)
d <- lung[-out, ]
fit <- survfit(Surv(time, status) ~ sex, d, conf.type = "log-log")
cases[[length(cases) + 1]] <- list(
  name = "lung-sex-exclude-rows",
  args = I(c("survival", "data/samples/lung.csv", "--time", "time", "--event", "status",
             "--group", "sex", "--exclude", "3:wrong date of birth", "--exclude", "17",
             "--exclude", "50:consent withdrawn", "--exclude", "120")),
  expect = list(
    n = nrow(d), events = sum(d$status == 2), excluded = length(out), ci = "log-log",
    groups = curves(fit, c("1", "2")),
    test = logrank(survdiff(Surv(time, status) ~ sex, d), "logrank"),
    cox = cox(coxph(Surv(time, status) ~ factor(sex), d), "sex=2", "efron"),
    excluded_by_hand = list(
      list(id = "3", reason = "wrong date of birth", rows = I(3)),
      list(id = "17", reason = NA, rows = I(17)),
      list(id = "50", reason = "consent withdrawn", rows = I(50)),
      list(id = "120", reason = NA, rows = I(120)))))

## lung, ECOG 1 only: an exclusion outside the subgroup changes nothing -------------------
keep <- which(lung$ph.ecog %in% 1)
out <- keep[c(2, 10)]
outside <- setdiff(seq_len(nrow(lung)), keep)[1]
d <- lung[setdiff(keep, out), ]
fit <- survfit(Surv(time, status) ~ sex, d, conf.type = "log")
cases[[length(cases) + 1]] <- list(
  name = "lung-ecog1-exclude-with-where",
  args = I(c("survival", "data/samples/lung.csv", "--time", "time", "--event", "status",
             "--group", "sex", "--where", "ph.ecog=1", "--exclude", as.character(out[1]),
             "--exclude", as.character(out[2]),
             "--exclude", paste0(outside, ":outside the subgroup"), "--ci", "log")),
  expect = list(
    n = nrow(d), events = sum(d$status == 2), excluded = length(out), ci = "log",
    groups = curves(fit, c("1", "2")),
    test = logrank(survdiff(Surv(time, status) ~ sex, d), "logrank"),
    cox = cox(coxph(Surv(time, status) ~ factor(sex), d), "sex=2", "efron")))

## veteran: treatment, Peto–Peto, Breslow ties, without five patients ---------------------
veteran <- read.csv("data/samples/veteran.csv", stringsAsFactors = FALSE)
out <- c(1, 10, 44, 90, 137)
d <- veteran[-out, ]
fit <- survfit(Surv(time, status) ~ trt, d, conf.type = "plain")
cases[[length(cases) + 1]] <- list(
  name = "veteran-exclude-peto",
  args = I(c("survival", "data/samples/veteran.csv", "--time", "time", "--event", "status",
             "--group", "trt", "--ties", "breslow", "--ci", "plain", "--test", "peto",
             "--exclude", "1", "--exclude", "10", "--exclude", "44", "--exclude", "90",
             "--exclude", "137:lost to follow-up")),
  expect = list(
    n = nrow(d), events = sum(d$status), excluded = length(out), ci = "plain",
    groups = curves(fit, c("1", "2")),
    test = logrank(survdiff(Surv(time, status) ~ trt, d, rho = 1), "peto"),
    cox = cox(coxph(Surv(time, status) ~ factor(trt), d, ties = "breslow"), "trt=2",
              "breslow")))

writeLines(json(cases), "tests/reference/survival-exclude.json")
