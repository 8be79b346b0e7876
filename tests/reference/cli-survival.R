# cli-survival.R — what `oncobench-cli survival` must print, computed by R's survival
#
# Run from the repository root:  Rscript tests/reference/cli-survival.R
# Writes tests/reference/cli-survival.json: a list of cases, each with the command-line
# arguments (the file relative to the source tree) and the part of the JSON output that R
# can vouch for.  tests/cli/test-cli-survival.c runs each case and compares every value
# (numbers to 1e-6 relative, 1e-5 inside "cox"; null where R gives NA).
#
# SPDX-License-Identifier: GPL-3.0-or-later

suppressPackageStartupMessages(library(survival))

## A small JSON writer (jsonlite is not part of base R) ------------------------------------
# Vectors wrapped in I() stay arrays even when of length 1; NA becomes null.
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

## Pieces of the expected output ------------------------------------------------------------
# summary(survfit) over every distinct time, split by curve.
curve_steps <- function(fit, k) {
  s <- summary(fit, censored = TRUE)
  sel <- if (is.null(s$strata)) rep(TRUE, length(s$time)) else as.integer(s$strata) == k
  list(time = I(s$time[sel]), n_risk = I(s$n.risk[sel]), n_event = I(s$n.event[sel]),
       n_censor = I(s$n.censor[sel]), surv = I(s$surv[sel]), std_err = I(s$std.err[sel]),
       lower = I(s$lower[sel]), upper = I(s$upper[sel]))
}

# Steps are compared column-wise (the C test transposes the array of objects).
curves <- function(fit, names, times = NULL, tau = NULL) {
  tab <- summary(fit, rmean = if (is.null(tau)) "none" else tau)$table
  if (is.null(dim(tab))) tab <- t(as.matrix(tab))
  # quantile(survfit, p): the first time 1 - S(t) reaches p, with Brookmeyer–Crowley limits.
  q <- quantile(fit, probs = c(0.25, 0.5, 0.75))
  qm <- function(x) matrix(x, ncol = 3)
  med <- cbind(qm(q$quantile)[, 2], qm(q$lower)[, 2], qm(q$upper)[, 2])
  q25 <- cbind(qm(q$quantile)[, 1], qm(q$lower)[, 1], qm(q$upper)[, 1])
  q75 <- cbind(qm(q$quantile)[, 3], qm(q$lower)[, 3], qm(q$upper)[, 3])
  at <- if (!is.null(times)) summary(fit, times = times, extend = TRUE) else NULL
  lapply(seq_along(names), function(k) {
    g <- list(name = names[k], n = tab[k, "records"], events = tab[k, "events"],
              median = med[k, 1], median_lower = med[k, 2], median_upper = med[k, 3],
              q25 = q25[k, 1], q25_lower = q25[k, 2], q25_upper = q25[k, 3],
              q75 = q75[k, 1], q75_lower = q75[k, 2], q75_upper = q75[k, 3],
              steps_by_column = curve_steps(fit, k))
    if (!is.null(at)) {
      sel <- if (is.null(at$strata)) rep(TRUE, length(at$time)) else as.integer(at$strata) == k
      g$surv_at_by_column <- list(time = I(at$time[sel]), surv = I(at$surv[sel]),
                                  std_err = I(at$std.err[sel]), lower = I(at$lower[sel]),
                                  upper = I(at$upper[sel]), n_risk = I(at$n.risk[sel]))
    }
    if (!is.null(tau))
      g$rmst <- list(tau = tau, estimate = tab[k, "rmean"], se = tab[k, "se(rmean)"])
    g
  })
}

logrank <- function(sd, method) {
  obs <- if (is.matrix(sd$obs)) rowSums(sd$obs) else sd$obs
  expct <- if (is.matrix(sd$exp)) rowSums(sd$exp) else sd$exp
  df <- length(sd$n) - 1
  out <- list(method = method, chisq = sd$chisq, df = df,
              p = pchisq(sd$chisq, df, lower.tail = FALSE))
  # With rho > 0 survdiff weights its observed and expected counts; those are not the
  # event counts a reader expects beside a test, so only the log-rank's are compared.
  if (method == "logrank") {
    out$observed <- I(obs)
    out$expected <- I(expct)
  }
  out
}

cox <- function(fit, term_names, ties) {
  s <- summary(fit)
  cf <- s$coefficients
  ci <- s$conf.int
  terms <- lapply(seq_along(term_names), function(i)
    list(name = term_names[i], coef = cf[i, "coef"], se = cf[i, "se(coef)"],
         hr = cf[i, "exp(coef)"], hr_lower = ci[i, "lower .95"], hr_upper = ci[i, "upper .95"],
         z = cf[i, "z"], p = cf[i, "Pr(>|z|)"]))
  # summary.coxph rounds the Wald and score statistics to 2 decimals; take them unrounded.
  df <- length(term_names)
  chisq <- function(x) list(chisq = unname(x), df = df,
                            p = pchisq(unname(x), df, lower.tail = FALSE))
  list(terms = terms, lr = chisq(2 * diff(fit$loglik)), wald = chisq(fit$wald.test),
       score = chisq(fit$score), ties = ties, converged = TRUE)
}

# Gehan–Breslow–Wilcoxon (weight n at risk) and Tarone–Ware (sqrt n) are not in survdiff:
# the weighted log-rank statistic from its definition over the event times,
#   U_k = sum_t w(t) (d_kt - d_t n_kt / n_t)
#   V_jk = sum_t w(t)^2 d_t (n_t - d_t) / (n_t - 1) * n_jt / n_t * (delta_jk - n_kt / n_t)
#   chisq = U' V^-1 U without the first group.  With w = 1 it must equal survdiff (checked).
wlr <- function(time, status, group, weight, method) {
  g <- factor(group)
  k <- nlevels(g)
  U <- rep(0, k); V <- matrix(0, k, k); O <- rep(0, k); E <- rep(0, k)
  for (t in sort(unique(time[status == 1]))) {
    nk <- as.numeric(table(g[time >= t]))
    dk <- as.numeric(table(g[time == t & status == 1]))
    n <- sum(nk); d <- sum(dk)
    w <- weight(n)
    O <- O + dk; E <- E + d * nk / n
    U <- U + w * (dk - d * nk / n)
    if (n > 1) V <- V + w^2 * d * (n - d) / (n - 1) * (diag(nk / n, k) - outer(nk, nk) / n^2)
  }
  chisq <- sum(solve(V[-1, -1, drop = FALSE], U[-1]) * U[-1])
  list(method = method, chisq = chisq, df = k - 1, p = pchisq(chisq, k - 1, lower.tail = FALSE),
       observed = I(O), expected = I(E))
}

# Prism's hazard ratios of each group against the reference, from a two-group log-rank of
# the pair:  log-rank method (O1/E1)/(O2/E2), CI exp(log HR -/+ z sqrt(1/E1 + 1/E2));
# Mantel–Haenszel exp((O1-E1)/V), CI exp((O1-E1)/V -/+ z/sqrt(V)).
prism_hr <- function(time, status, group, reference) {
  z <- qnorm(0.975)
  lapply(setdiff(sort(unique(group)), reference), function(l) {
    who <- group %in% c(l, reference)
    g2 <- factor(group[who], levels = c(l, reference))
    sd <- survdiff(Surv(time[who], status[who]) ~ g2)
    hr <- (sd$obs[1] / sd$exp[1]) / (sd$obs[2] / sd$exp[2])
    half <- z * sqrt(1 / sd$exp[1] + 1 / sd$exp[2])
    lhr <- (sd$obs[1] - sd$exp[1]) / sd$var[1, 1]
    list(group = l, reference = reference,
         logrank = list(hr = hr, lower = exp(log(hr) - half), upper = exp(log(hr) + half)),
         mantel_haenszel = list(hr = exp(lhr), lower = exp(lhr - z / sqrt(sd$var[1, 1])),
                                upper = exp(lhr + z / sqrt(sd$var[1, 1]))))
  })
}

# Difference in RMST against the reference, as survRM2: SE sqrt(se1^2 + se0^2), Wald CI, p.
rmst_diff <- function(fit, names, reference, tau) {
  tab <- summary(fit, rmean = tau)$table
  z <- qnorm(0.975)
  r <- match(reference, names)
  lapply(setdiff(seq_along(names), r), function(k) {
    d <- tab[k, "rmean"] - tab[r, "rmean"]
    se <- sqrt(tab[k, "se(rmean)"]^2 + tab[r, "se(rmean)"]^2)
    list(group = names[k], reference = reference, tau = tau, difference = unname(d),
         se = unname(se), lower = unname(d - z * se), upper = unname(d + z * se),
         p = unname(2 * pnorm(-abs(d / se))))
  })
}

# Median follow-up: reverse Kaplan–Meier, censorings counted as the events.
followup <- function(time, status, conf_type) {
  q <- quantile(survfit(Surv(time, 1 - status) ~ 1, conf.type = conf_type), probs = 0.5)
  list(median = unname(q$quantile), lower = unname(q$lower), upper = unname(q$upper))
}

# Log-rank test for trend over the groups in sorted order, scores 1..k: (c'U)^2 / c'Vc.
trend_test <- function(sd) {
  k <- length(sd$n)
  u <- sd$obs - sd$exp
  chisq <- sum((1:k) * u)^2 / drop(t(1:k) %*% sd$var %*% (1:k))
  list(chisq = chisq, df = 1, p = pchisq(chisq, 1, lower.tail = FALSE))
}

# Log-rank of every pair of groups (1-2, 1-3, …), p adjusted as p.adjust.
pairwise_logrank <- function(time, status, group, adjust) {
  lev <- sort(unique(group))
  pairs <- list()
  for (a in seq_along(lev)) for (b in seq_along(lev)) if (a < b) {
    who <- group %in% lev[c(a, b)]
    sd <- survdiff(Surv(time[who], status[who]) ~ group[who])
    pairs[[length(pairs) + 1]] <- list(a = lev[a], b = lev[b], chisq = sd$chisq,
                                       p = pchisq(sd$chisq, 1, lower.tail = FALSE))
  }
  p_adj <- p.adjust(vapply(pairs, function(x) x$p, 0), adjust)
  for (i in seq_along(pairs)) pairs[[i]]$p_adj <- p_adj[i]
  list(method = "logrank", adjust = adjust, comparisons = pairs)
}

cases <- list()

## lung: sex, adjusted for age and ECOG; default log-log CI, Efron, log-rank ---------------
lung <- read.csv("data/samples/lung.csv")
d <- lung[complete.cases(lung[, c("time", "status", "sex", "age", "ph.ecog")]), ]
fit <- survfit(Surv(time, status) ~ sex, d, conf.type = "log-log")
cases[[length(cases) + 1]] <- list(
  name = "lung-sex-adjusted",
  args = I(c("survival", "data/samples/lung.csv", "--time", "time", "--event", "status",
             "--group", "sex", "--covariates", "age,ph.ecog", "--times", "180,365",
             "--rmst", "730")),
  expect = list(
    n = nrow(d), events = sum(d$status == 2), excluded = nrow(lung) - nrow(d), ci = "log-log",
    groups = curves(fit, c("1", "2"), times = c(180, 365), tau = 730),
    followup = followup(d$time, d$status - 1, "log-log"),
    test = logrank(survdiff(Surv(time, status) ~ sex, d), "logrank"),
    cox = cox(coxph(Surv(time, status) ~ factor(sex) + age + ph.ecog, d),
              c("sex=2", "age", "ph.ecog"), "efron")))

## lung, one curve, R's conventions (log CI), events named explicitly ----------------------
fit <- survfit(Surv(time, status) ~ 1, lung, conf.type = "log")
cases[[length(cases) + 1]] <- list(
  name = "lung-overall-r",
  args = I(c("survival", "data/samples/lung.csv", "--time", "time", "--event", "status",
             "--event-values", "2", "--conventions", "r", "--times", "0,100,200,500,1022,2000")),
  expect = list(
    n = nrow(lung), events = sum(lung$status == 2), excluded = 0, ci = "log",
    conventions = "r",
    # From time 0 to past the last follow-up (1022 days), where R carries the curve on.
    groups = curves(fit, "all", times = c(0, 100, 200, 500, 1022, 2000)),
    test = NULL, cox = NULL))

## ALK cohort, first-line alectinib: TP53 against wild-type, adjusted for age and sex -------
alk <- read.csv("data/samples/alk-cohort.csv", stringsAsFactors = FALSE)
d <- subset(alk, line_of_therapy == 1 & treatment == "alectinib")
fit <- survfit(Surv(pfs_months, pfs_event) ~ tp53_status, d, conf.type = "log-log")
# Observed and expected counts follow the groups' sorted order, not the Cox reference.
test <- logrank(survdiff(Surv(pfs_months, pfs_event) ~ tp53_status, d), "logrank")
d$tp53_status <- relevel(factor(d$tp53_status), "wild-type")
cases[[length(cases) + 1]] <- list(
  name = "alk-tp53-first-line",
  args = I(c("survival", "data/samples/alk-cohort.csv", "--time", "pfs_months",
             "--event", "pfs_event", "--group", "tp53_status", "--reference", "wild-type",
             "--covariates", "age,sex", "--where", "line_of_therapy=1",
             "--where", "treatment=alectinib", "--times", "12,24")),
  expect = list(
    n = nrow(d), events = sum(d$pfs_event), excluded = 0, ci = "log-log",
    reference = "wild-type",
    groups = curves(fit, c("mutant", "wild-type"), times = c(12, 24)),
    test = test,
    cox = cox(coxph(Surv(pfs_months, pfs_event) ~ tp53_status + age + sex, d),
              c("tp53_status=mutant", "age", "sex=male"), "efron")))

## veteran: treatment stratified by cell type; Peto–Peto, Breslow ties, plain CI ------------
veteran <- read.csv("data/samples/veteran.csv", stringsAsFactors = FALSE)
fit <- survfit(Surv(time, status) ~ trt, veteran, conf.type = "plain")
cases[[length(cases) + 1]] <- list(
  name = "veteran-stratified",
  args = I(c("survival", "data/samples/veteran.csv", "--time", "time", "--event", "status",
             "--group", "trt", "--strata", "celltype", "--covariates", "karno",
             "--ties", "breslow", "--ci", "plain", "--test", "peto")),
  expect = list(
    n = nrow(veteran), events = sum(veteran$status), excluded = 0, ci = "plain",
    groups = curves(fit, c("1", "2")),
    test = logrank(survdiff(Surv(time, status) ~ trt + strata(celltype), veteran, rho = 1),
                   "peto"),
    cox = cox(coxph(Surv(time, status) ~ factor(trt) + karno + strata(celltype), veteran,
                    ties = "breslow"), c("trt=2", "karno"), "breslow")))

## aml: maintained against not, as reference; log CI, Breslow, RMST to 40 weeks ------------
aml <- read.csv("data/samples/aml.csv", stringsAsFactors = FALSE)
fit <- survfit(Surv(time, status) ~ x, aml, conf.type = "log")
test <- logrank(survdiff(Surv(time, status) ~ x, aml), "logrank")
aml$x <- relevel(factor(aml$x), "Nonmaintained")
cases[[length(cases) + 1]] <- list(
  name = "aml-rmst",
  args = I(c("survival", "data/samples/aml.csv", "--time", "time", "--event", "status",
             "--group", "x", "--reference", "Nonmaintained", "--ties", "breslow",
             "--ci", "log", "--rmst", "40", "--times", "10,20,30")),
  expect = list(
    n = nrow(aml), events = sum(aml$status), excluded = 0, ci = "log",
    reference = "Nonmaintained",
    groups = curves(fit, c("Maintained", "Nonmaintained"), times = c(10, 20, 30), tau = 40),
    rmst_difference = rmst_diff(fit, c("Maintained", "Nonmaintained"), "Nonmaintained", 40),
    test = test,
    cox = cox(coxph(Surv(time, status) ~ x, aml, ties = "breslow"), c("x=Maintained"),
              "breslow")))

## veteran: four cell types; Gehan–Breslow–Wilcoxon and Prism's hazard ratios -----------
fit <- survfit(Surv(time, status) ~ celltype, veteran, conf.type = "log-log")
lr <- wlr(veteran$time, veteran$status, veteran$celltype, function(n) 1, "logrank")
sd <- survdiff(Surv(time, status) ~ celltype, veteran)
stopifnot(all.equal(lr$chisq, sd$chisq, tolerance = 1e-10),
          all.equal(as.numeric(lr$expected), as.numeric(sd$exp), tolerance = 1e-10))
levels_ct <- sort(unique(veteran$celltype))
cases[[length(cases) + 1]] <- list(
  name = "veteran-celltype-gehan-prism",
  args = I(c("survival", "data/samples/veteran.csv", "--time", "time", "--event", "status",
             "--group", "celltype", "--test", "gehan", "--conventions", "prism")),
  expect = list(
    n = nrow(veteran), events = sum(veteran$status), ci = "log-log", conventions = "prism",
    reference = levels_ct[1],
    groups = curves(fit, levels_ct),
    test = wlr(veteran$time, veteran$status, veteran$celltype, function(n) n, "gehan"),
    prism_hazard_ratios = prism_hr(veteran$time, veteran$status, veteran$celltype,
                                   levels_ct[1]),
    cox = cox(coxph(Surv(time, status) ~ celltype, veteran),
              paste0("celltype=", levels_ct[-1]), "efron")))

## aml: Tarone–Ware --------------------------------------------------------------------------
cases[[length(cases) + 1]] <- list(
  name = "aml-tarone-ware",
  args = I(c("survival", "data/samples/aml.csv", "--time", "time", "--event", "status",
             "--group", "x", "--test", "tarone-ware", "--no-steps")),
  expect = list(
    test = wlr(aml$time, aml$status, as.character(aml$x), function(n) sqrt(n), "tarone-ware")))

## veteran: trend over cell types, pairwise log-rank (Holm), cox.zph -----------------------
fit <- coxph(Surv(time, status) ~ celltype + karno, veteran)
zph <- cox.zph(fit, transform = "km")$table
cases[[length(cases) + 1]] <- list(
  name = "veteran-trend-pairwise-zph",
  args = I(c("survival", "data/samples/veteran.csv", "--time", "time", "--event", "status",
             "--group", "celltype", "--covariates", "karno", "--trend", "--pairwise", "holm",
             "--zph", "--no-steps")),
  expect = list(
    followup = followup(veteran$time, veteran$status, "log-log"),
    trend = trend_test(survdiff(Surv(time, status) ~ celltype, veteran)),
    pairwise = pairwise_logrank(veteran$time, veteran$status, veteran$celltype, "holm"),
    cox = list(zph = lapply(seq_len(nrow(zph)), function(i)
      list(name = rownames(zph)[i], chisq = zph[i, "chisq"], df = zph[i, "df"],
           p = zph[i, "p"])))))

## aml: median follow-up with a plain CI ---------------------------------------------------
cases[[length(cases) + 1]] <- list(
  name = "aml-followup",
  args = I(c("survival", "data/samples/aml.csv", "--time", "time", "--event", "status",
             "--ci", "plain", "--no-steps")),
  expect = list(followup = followup(aml$time, aml$status, "plain")))

## lung, no group but covariates: one curve and a Cox model of the covariates alone ------
d <- lung[complete.cases(lung[, c("time", "status", "age", "sex")]), ]
cases[[length(cases) + 1]] <- list(
  name = "lung-covariates-only",
  args = I(c("survival", "data/samples/lung.csv", "--time", "time", "--event", "status",
             "--covariates", "age,sex", "--no-steps")),
  expect = list(
    n = nrow(d), test = NULL,
    cox = cox(coxph(Surv(time, status) ~ age + sex, d), c("age", "sex"), "efron")))

## Events named by text: lung with its status written out in words -----------------------
# The table is written next to this script; the case reads it back through the importer.
words <- data.frame(time = lung$time, outcome = ifelse(lung$status == 2, "dead", "alive"),
                    sex = ifelse(lung$sex == 1, "male", "female"))
write.csv(words, "tests/reference/cli-lung-words.csv", row.names = FALSE)
fit <- survfit(Surv(time, outcome == "dead") ~ sex, words, conf.type = "log-log")
cases[[length(cases) + 1]] <- list(
  name = "lung-text-events",
  args = I(c("survival", "tests/reference/cli-lung-words.csv", "--time", "time",
             "--event", "outcome", "--event-values", "dead", "--group", "sex",
             "--reference", "male")),
  expect = list(
    n = nrow(words), events = sum(words$outcome == "dead"), reference = "male",
    groups = curves(fit, c("female", "male")),
    test = logrank(survdiff(Surv(time, outcome == "dead") ~ sex, words), "logrank"),
    cox = cox(coxph(Surv(time, outcome == "dead") ~ relevel(factor(sex), "male"), words),
              "sex=female", "efron")))

## aml, Firth-penalised Cox: the values survival-cox.R computed for the core's tests ------
# (coxphf is not packaged for Debian; that script maximises the penalised likelihood.)
ref <- readLines("tests/reference/survival-cox.out")
firth <- function(key) {
  line <- ref[startsWith(ref, paste0("aml.efron.firth.", key, " = "))]
  stopifnot(length(line) == 1)
  as.numeric(sub(".* = ", "", line))
}
term <- "term.x=Nonmaintained."
cases[[length(cases) + 1]] <- list(
  name = "aml-firth",
  args = I(c("survival", "data/samples/aml.csv", "--time", "time", "--event", "status",
             "--group", "x", "--firth", "--no-steps")),
  expect = list(cox = list(
    terms = list(list(name = "x=Nonmaintained", coef = firth(paste0(term, "coef")),
                      se = firth(paste0(term, "se")), hr = firth(paste0(term, "hr")),
                      hr_lower = firth(paste0(term, "pl_hr_lower")),
                      hr_upper = firth(paste0(term, "pl_hr_upper")),
                      z = firth(paste0(term, "z")), p = firth(paste0(term, "pl_p")))),
    lr = list(chisq = firth("lr"), df = 1, p = firth("lr_p")),
    loglik_null = firth("loglik_null"), loglik = firth("loglik"),
    ties = "efron", firth = TRUE)))

writeLines(json(cases), "tests/reference/cli-survival.json")
