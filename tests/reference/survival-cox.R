# survival-cox.R — reference values for src/core/ob-cox.c
#
# Run from the repository root:  Rscript tests/reference/survival-cox.R
# Writes tests/reference/cox-data-<model>.csv (the numeric design, rows sorted by time with
# events before censorings at tied times, as ObSurvData keeps them) and
# tests/reference/survival-cox.out (key = value, printed with 17 significant digits).
#
# Categorical covariates are indicators against their first level in sorted order, named
# "column=level", as Oncobench builds them.
#
# Firth-penalised Cox: the coxphf package is not packaged for Debian, so the penalised
# estimate is computed here directly from its definition (Heinze & Schemper 2001):
# maximise l(beta) + 0.5 log|I(beta)|, with l and I taken from coxph evaluated at fixed
# beta (iter.max = 0).  The maximum is found by steps beta <- beta + I^-1 grad (bounded and
# halved as in coxphf), the gradient of the penalised loglik by central differences
# (pen_max below).  Standard errors are
# sqrt(diag(I(beta)^-1)) and the likelihood-ratio test is the penalised one,
# 2 (pl(beta) - pl(0)), as coxphf reports them.  Per term, coxphf's default confidence
# limits and p-values come from the profile penalised likelihood (the other coefficients
# re-maximised at each fixed value): pl_hr_lower, pl_hr_upper and pl_p.
#
# SPDX-License-Identifier: GPL-3.0-or-later

suppressPackageStartupMessages(library(survival))

outdir <- "tests/reference"
out <- file(file.path(outdir, "survival-cox.out"), "w")
emit <- function(key, value) {
  txt <- if (is.na(value)) "NA" else sprintf("%.17g", value)
  writeLines(paste0(key, " = ", txt), out)
}

sorted_levels <- function(f) {
  f <- as.character(f)
  factor(f, levels = sort(unique(f[!is.na(f)])))
}

# Design columns are named as Oncobench names its terms.
indicators <- function(f, name) {
  f <- sorted_levels(f)
  m <- sapply(levels(f)[-1], function(l) as.numeric(f == l))
  m <- matrix(m, nrow = length(f))
  colnames(m) <- paste0(name, "=", levels(f)[-1])
  m
}

write_design <- function(model, time, status, x, strata = NULL) {
  if (is.null(strata)) strata <- rep(0L, length(time))
  ord <- order(time, -status)
  d <- data.frame(time = time[ord], status = status[ord], stratum = strata[ord],
                  x[ord, , drop = FALSE], check.names = FALSE)
  write.csv(d, file.path(outdir, paste0("cox-data-", model, ".csv")),
            row.names = FALSE, quote = FALSE)
}

emit_tests <- function(key, fit) {
  s <- summary(fit)
  emit(paste0(key, ".n"), fit$n)
  emit(paste0(key, ".events"), fit$nevent)
  emit(paste0(key, ".iter"), fit$iter)
  emit(paste0(key, ".loglik_null"), fit$loglik[1])
  emit(paste0(key, ".loglik"), fit$loglik[2])
  emit(paste0(key, ".lr"), s$logtest["test"])
  emit(paste0(key, ".lr_p"), s$logtest["pvalue"])
  # summary() prints the Wald statistic rounded to 2 decimals; take the fit's own value.
  emit(paste0(key, ".wald"), fit$wald.test)
  emit(paste0(key, ".wald_p"), s$waldtest["pvalue"])
  emit(paste0(key, ".score"), s$sctest["test"])
  emit(paste0(key, ".score_p"), s$sctest["pvalue"])
  emit(paste0(key, ".df"), s$logtest["df"])
}

emit_terms <- function(key, names, coef, se, p) {
  z <- coef / se
  for (i in seq_along(names)) {
    k <- paste0(key, ".term.", names[i])
    emit(paste0(k, ".coef"), coef[i])
    emit(paste0(k, ".se"), se[i])
    emit(paste0(k, ".hr"), exp(coef[i]))
    emit(paste0(k, ".hr_lower"), exp(coef[i] - qnorm(0.975) * se[i]))
    emit(paste0(k, ".hr_upper"), exp(coef[i] + qnorm(0.975) * se[i]))
    emit(paste0(k, ".z"), z[i])
    emit(paste0(k, ".p"), p[i])
  }
}

emit_var <- function(key, v) {
  for (i in seq_len(nrow(v)))
    for (j in seq_len(ncol(v)))
      emit(paste0(key, ".var.", i - 1, ".", j - 1), v[i, j])
}

# Fits the design as written (so R sees exactly the columns the test reads back).
fit_design <- function(model, ties, stratified = FALSE, iter_max = 20) {
  d <- read.csv(file.path(outdir, paste0("cox-data-", model, ".csv")), check.names = FALSE)
  x <- as.matrix(d[, -(1:3), drop = FALSE])
  control <- coxph.control(iter.max = iter_max)
  if (stratified)
    fit <- coxph(Surv(d$time, d$status) ~ x + strata(d$stratum), ties = ties, control = control)
  else
    fit <- coxph(Surv(d$time, d$status) ~ x, ties = ties, control = control)
  list(fit = fit, names = colnames(x), d = d, x = x)
}

emit_fit <- function(model, ties, stratified = FALSE, zph_terms = NULL, iter_max = 20) {
  key <- paste0(model, ".", ties)
  if (iter_max != 20) key <- paste0(key, ".iter", iter_max)
  r <- withCallingHandlers(fit_design(model, ties, stratified, iter_max), warning = function(w) {
    writeLines(paste0("# ", key, " R warns: ", conditionMessage(w)), out)
    invokeRestart("muffleWarning")
  })
  fit <- r$fit
  if (iter_max != 20) {
    # Out of iterations, coxfit6 inverts the recomputed information without factorising it
    # first, so fit$var is not the inverse information at the returned coefficients.  Take
    # the variance (and the Wald test) from coxph evaluated at those coefficients instead.
    at <- coxph(Surv(r$d$time, r$d$status) ~ r$x, ties = ties, init = coef(fit),
                control = coxph.control(iter.max = 0))
    stopifnot(all.equal(at$loglik[2], fit$loglik[2], tolerance = 1e-12))
    fit$var <- at$var
    fit$wald.test <- drop(coef(fit) %*% solve(at$var, coef(fit)))
  }
  emit_tests(key, fit)
  se <- sqrt(diag(fit$var))
  emit_terms(key, r$names, coef(fit), se,
             2 * pnorm(-abs(coef(fit) / se)))
  emit_var(key, fit$var)
  if (!is.null(zph_terms)) {
    # cox.zph groups columns by model term; refit with one term per group so its table
    # has Oncobench's term names.
    groups <- split(seq_along(r$names), factor(zph_terms, levels = unique(zph_terms)))
    env <- list2env(lapply(groups, function(g) r$x[, g, drop = FALSE]))
    env$time <- r$d$time
    env$status <- r$d$status
    env$stratum <- r$d$stratum
    rhs <- paste0("`", names(groups), "`", collapse = " + ")
    if (stratified) rhs <- paste(rhs, "+ strata(stratum)")
    f <- as.formula(paste("Surv(time, status) ~", rhs), env = env)
    fit2 <- coxph(f, ties = ties)
    stopifnot(all.equal(unname(coef(fit2)), unname(coef(fit)), tolerance = 1e-12))
    z <- cox.zph(fit2, transform = "km")$table
    rownames(z) <- c(names(groups), "GLOBAL")
    for (t in rownames(z)) {
      emit(paste0(key, ".zph.", t, ".chisq"), z[t, "chisq"])
      emit(paste0(key, ".zph.", t, ".df"), z[t, "df"])
      emit(paste0(key, ".zph.", t, ".p"), z[t, "p"])
    }
  }
}

pen_loglik <- function(d, x, beta, ties) {
  force(beta)  # so that an error computing it is not taken for an overflow below
  fit <- tryCatch(coxph(Surv(d$time, d$status) ~ x, ties = ties, init = beta,
                        control = coxph.control(iter.max = 0)),
                  error = function(e) NULL)
  if (is.null(fit))
    return(list(pl = -Inf))
  list(pl = fit$loglik[2] - 0.5 * as.numeric(determinant(fit$var)$modulus),
       loglik = fit$loglik[2], var = fit$var)
}

# Maximises the penalised loglik over the coefficients in free (indices), from start:
# steps I[free, free]^-1 grad (bounded and halved as in coxphf), the gradient of the
# penalised loglik by central differences.
pen_max <- function(d, x, ties, start, free = seq_len(ncol(x))) {
  beta <- start
  f <- function(b) pen_loglik(d, x, b, ties)$pl
  # Large enough that rounding in the loglik does not swamp the difference.
  h <- 1e-4
  for (it in 1:500) {
    grad <- sapply(free, function(j) {
      e <- rep(0, length(beta)); e[j] <- h
      (f(beta + e) - f(beta - e)) / (2 * h)
    })
    info <- solve(pen_loglik(d, x, beta, ties)$var)
    step <- rep(0, length(beta))
    step[free] <- solve(info[free, free, drop = FALSE], grad)
    if (max(abs(step)) > 0.5) step <- step * 0.5 / max(abs(step))
    while (f(beta + step) < f(beta) && max(abs(step)) > 1e-14) step <- step / 2
    beta <- beta + step
    if (max(abs(step)) < 1e-8) break
  }
  stopifnot(it < 500)
  beta
}

# The penalised loglik maximised over the other coefficients with beta[j] held at b.
profile_pl <- function(d, x, ties, j, b, start) {
  start[j] <- b
  if (ncol(x) == 1)
    return(pen_loglik(d, x, start, ties)$pl)
  pen_loglik(d, x, pen_max(d, x, ties, start, free = seq_len(ncol(x))[-j]), ties)$pl
}

emit_firth <- function(model, ties) {
  key <- paste0(model, ".", ties, ".firth")
  d <- read.csv(file.path(outdir, paste0("cox-data-", model, ".csv")), check.names = FALSE)
  x <- as.matrix(d[, -(1:3), drop = FALSE])
  p <- ncol(x)
  beta <- pen_max(d, x, ties, rep(0, p))
  at <- pen_loglik(d, x, beta, ties)
  at0 <- pen_loglik(d, x, rep(0, p), ties)
  se <- sqrt(diag(at$var))
  lr <- 2 * (at$pl - at0$pl)
  emit(paste0(key, ".loglik_null"), at0$pl)
  emit(paste0(key, ".loglik"), at$pl)
  emit(paste0(key, ".lr"), lr)
  emit(paste0(key, ".lr_p"), pchisq(lr, p, lower.tail = FALSE))
  emit_terms(key, colnames(x), beta, se, 2 * pnorm(-abs(beta / se)))
  emit_var(key, at$var)

  # Profile penalised likelihood: coxphf's default confidence limits and tests.
  crit <- qchisq(0.95, 1)
  for (j in seq_len(p)) {
    g <- function(b) 2 * (at$pl - profile_pl(d, x, ties, j, b, beta)) - crit
    lo <- uniroot(g, beta[j] - c(4, 0) * se[j], extendInt = "downX", tol = 1e-11)$root
    hi <- uniroot(g, beta[j] + c(0, 4) * se[j], extendInt = "upX", tol = 1e-11)$root
    lr0 <- 2 * (at$pl - profile_pl(d, x, ties, j, 0, beta))
    k <- paste0(key, ".term.", colnames(x)[j])
    emit(paste0(k, ".pl_hr_lower"), exp(lo))
    emit(paste0(k, ".pl_hr_upper"), exp(hi))
    emit(paste0(k, ".pl_p"), pchisq(lr0, 1, lower.tail = FALSE))
  }
}

# lung: status 1 = censored, 2 = dead.
lung_ev <- as.numeric(lung$status == 2)
write_design("lung-sex", lung$time, lung_ev, indicators(lung$sex, "sex"))
ok <- !is.na(lung$ph.ecog)
write_design("lung-multi", lung$time[ok], lung_ev[ok],
             cbind(indicators(lung$sex, "sex"), age = lung$age, ph.ecog = lung$ph.ecog)[ok, ])
write_design("lung-ecogf", lung$time[ok], lung_ev[ok],
             cbind(indicators(lung$sex, "sex"), age = lung$age,
                   indicators(lung$ph.ecog, "ph.ecog"))[ok, ])

cell <- sorted_levels(veteran$celltype)
write_design("veteran", veteran$time, veteran$status,
             cbind(trt = veteran$trt, indicators(veteran$celltype, "celltype")),
             strata = as.integer(cell) - 1L)
write_design("veteran-strata", veteran$time, veteran$status,
             cbind(trt = veteran$trt, karno = veteran$karno),
             strata = as.integer(cell) - 1L)

write_design("aml", aml$time, aml$status, indicators(aml$x, "x"))

# Monotone likelihood: every event falls in group "b"; group "a" is only ever censored.
sep_time <- c(3, 5, 6, 8, 9, 11, 14, 15, 17, 20, 4, 7, 10, 12, 13, 16, 18, 19, 21, 22)
sep_status <- c(1, 1, 0, 1, 1, 1, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
sep_group <- rep(c("b", "a"), each = 10)
write_design("separation", sep_time, sep_status, indicators(sep_group, "arm"))
# The same with a covariate that is estimable beside the diverging one.
sep_age <- c(61, 55, 70, 48, 66, 59, 73, 52, 64, 57, 68, 50, 62, 71, 54, 60, 67, 49, 58, 65)
write_design("separation-age", sep_time, sep_status,
             cbind(indicators(sep_group, "arm"), age = sep_age))

for (ties in c("efron", "breslow")) {
  emit_fit("lung-sex", ties, zph_terms = "sex")
  emit_fit("lung-multi", ties, zph_terms = c("sex", "age", "ph.ecog"))
  emit_fit("lung-ecogf", ties, zph_terms = c("sex", "age", "ph.ecog", "ph.ecog", "ph.ecog"))
  emit_fit("veteran", ties, zph_terms = c("trt", "celltype", "celltype", "celltype"))
  emit_fit("veteran-strata", ties, stratified = TRUE, zph_terms = c("trt", "karno"))
  emit_fit("aml", ties, zph_terms = "x")
  emit_fit("separation", ties)
  emit_fit("separation-age", ties)
  # Out of iterations: coxph keeps the last step that raised the loglik.
  emit_fit("lung-multi", ties, iter_max = 2)
  emit_firth("separation", ties)
  emit_firth("separation-age", ties)
  emit_firth("aml", ties)
  emit_firth("lung-multi", ties)
}

close(out)
