# survival-km.R — reference values for ob-surv-data.c, ob-kaplan-meier.c and ob-logrank.c
#
# Run from the repository root:  Rscript tests/reference/survival-km.R
# Reads the sample CSVs (data/samples/{lung,veteran,aml}.csv, exported from the survival
# package) and writes tests/reference/survival-km.out: one "key = value" per line, numbers
# printed with 17 significant digits, NA where R gives NA.
#
# SPDX-License-Identifier: GPL-3.0-or-later

suppressPackageStartupMessages(library(survival))

out <- file("tests/reference/survival-km.out", "w")
emit <- function(key, value) {
  value <- as.numeric(value)
  if (length(value) == 0) return(invisible())
  txt <- ifelse(is.na(value), "NA", trimws(formatC(value, digits = 17, format = "g")))
  writeLines(paste0(key, " = ", paste(txt, collapse = " ")), out)
}

lung <- read.csv("data/samples/lung.csv")
veteran <- read.csv("data/samples/veteran.csv")
aml <- read.csv("data/samples/aml.csv")

# --- ObSurvData: counts, ordering and the design matrix ------------------------------------
emit("lung.n", nrow(lung))
emit("lung.events", sum(lung$status == 2))
emit("lung.sex.n", as.numeric(table(lung$sex)))
emit("lung.ecog.kept", sum(!is.na(lung$ph.ecog)))
emit("lung.ecog.excluded", sum(is.na(lung$ph.ecog)))
emit("lung.ecog.n", as.numeric(table(lung$ph.ecog)))
# Sorted by time, events first at ties: R's order() on (time, -status) is stable.
o <- order(lung$time, -lung$status)
emit("lung.sorted.row", o[1:20] - 1)
emit("lung.sorted.time", lung$time[o][c(1:10, 219:228)])
# where sex=2 and (ph.ecog=0 or ph.ecog=1)
emit("lung.where.n", sum(lung$sex == 2 & lung$ph.ecog %in% c(0, 1)))
emit("lung.where.sex2", sum(lung$sex == 2))
# Design for group ph.ecog (reference 1) plus covariates age and sex as categorical: rows of
# complete cases with ph.ecog, in sorted order, column sums.
cc <- lung[!is.na(lung$ph.ecog), ]
cc <- cc[order(cc$time, -cc$status), ]
X <- cbind(as.numeric(cc$ph.ecog == 0), as.numeric(cc$ph.ecog == 2),
           as.numeric(cc$ph.ecog == 3), cc$age, as.numeric(cc$sex == 2))
emit("lung.design.colsum", colSums(X))
emit("lung.design.row0", X[1, ])
emit("veteran.n", nrow(veteran))
emit("veteran.celltype.n", as.numeric(table(veteran$celltype)))
emit("veteran.events.status1", sum(veteran$status == 1))
emit("aml.x.n", as.numeric(table(aml$x)))
emit("aml.events", sum(aml$status == 1))

# --- Kaplan–Meier --------------------------------------------------------------------------
# For each fit and group: survfit's steps (every distinct time), summary()'s SE of S(t),
# quantile() with Brookmeyer–Crowley limits, print()'s median, summary(times =), and
# print(rmean = tau).  Groups are the sorted levels, as Oncobench orders them.
conf_types <- c("log-log", "log", "plain")
emit_km <- function(name, time, status, group, at, tau) {
  group <- factor(group, levels = sort(unique(group)))
  for (ct in conf_types) {
    for (g in seq_along(levels(group))) {
      who <- group == levels(group)[g]
      fit <- survfit(Surv(time[who], status[who]) ~ 1, conf.type = ct)
      key <- paste0("km.", name, ".", ct, ".", g - 1)
      if (ct == "log-log") {
        emit(paste0(key, ".n"), sum(who))
        emit(paste0(key, ".time"), fit$time)
        emit(paste0(key, ".n_risk"), fit$n.risk)
        emit(paste0(key, ".n_event"), fit$n.event)
        emit(paste0(key, ".n_censor"), fit$n.censor)
        emit(paste0(key, ".surv"), fit$surv)
        emit(paste0(key, ".std_err"), summary(fit, censored = TRUE)$std.err)
      }
      emit(paste0(key, ".lower"), fit$lower)
      emit(paste0(key, ".upper"), fit$upper)
      q <- quantile(fit, probs = c(0.25, 0.5, 0.75))
      emit(paste0(key, ".quantile"), q$quantile)
      emit(paste0(key, ".quantile_lower"), q$lower)
      emit(paste0(key, ".quantile_upper"), q$upper)
      tab <- summary(fit)$table
      emit(paste0(key, ".print_median"), tab[c("median", "0.95LCL", "0.95UCL")])
      s <- summary(fit, times = at, extend = TRUE)
      emit(paste0(key, ".at.surv"), s$surv)
      emit(paste0(key, ".at.std_err"), s$std.err)
      emit(paste0(key, ".at.lower"), s$lower)
      emit(paste0(key, ".at.upper"), s$upper)
      emit(paste0(key, ".at.n_risk"), s$n.risk)
      r <- survival:::survmean(fit, rmean = tau)$matrix
      emit(paste0(key, ".rmst"), r[c("rmean", "se(rmean)")])
    }
  }
  emit(paste0("km.", name, ".at"), at)
  emit(paste0("km.", name, ".tau"), tau)
  emit(paste0("km.", name, ".n_groups"), nlevels(group))
  # Median follow-up: reverse Kaplan–Meier over everyone, censorings as events.
  for (ct in conf_types) {
    rev <- survfit(Surv(time, 1 - status) ~ 1, conf.type = ct)
    q <- quantile(rev, probs = 0.5)
    emit(paste0("km.", name, ".", ct, ".followup"), c(q$quantile, q$lower, q$upper))
  }
}

emit_km("lung-sex", lung$time, lung$status - 1, lung$sex, c(0, 100, 365, 730), 730)
ecog <- !is.na(lung$ph.ecog)
emit_km("lung-ecog", lung$time[ecog], lung$status[ecog] - 1, lung$ph.ecog[ecog],
        c(5, 180, 365, 1000), 365)
emit_km("lung-all", lung$time, lung$status - 1, rep("all", nrow(lung)), c(200, 1022, 2000),
        1000)
emit_km("veteran-trt", veteran$time, veteran$status, veteran$trt, c(30, 100, 365), 400)
emit_km("veteran-celltype", veteran$time, veteran$status, veteran$celltype, c(30, 100, 365),
        200)
emit_km("aml-x", aml$time, aml$status, aml$x, c(10, 24, 48, 200), 48)

# A 90% band (log-log) for aml, to check that the level is honoured.
for (g in 1:2) {
  lev <- sort(unique(aml$x))[g]
  fit <- survfit(Surv(time, status) ~ 1, data = aml[aml$x == lev, ], conf.int = 0.9,
                 conf.type = "log-log")
  q <- quantile(fit, probs = c(0.25, 0.5, 0.75))
  key <- paste0("km90.aml-x.", g - 1)
  emit(paste0(key, ".lower"), fit$lower)
  emit(paste0(key, ".upper"), fit$upper)
  emit(paste0(key, ".quantile_lower"), q$lower)
  emit(paste0(key, ".quantile_upper"), q$upper)
}

# Other probabilities of quantile(): the start of the curve at 0 and a tenth.
q <- quantile(survfit(Surv(time, status) ~ 1, data = lung, conf.type = "log-log"),
              probs = c(0, 0.1, 0.9))
emit("quantile.lung-all", c(q$quantile, q$lower, q$upper))

# RMST difference women - men as survRM2's rmst2 reports it: the difference of the two
# survmean() values, SE sqrt(se1^2 + se0^2), Wald CI and p.
r1 <- survival:::survmean(survfit(Surv(time, status) ~ 1, data = lung[lung$sex == 2, ]),
                          rmean = 730)$matrix
r0 <- survival:::survmean(survfit(Surv(time, status) ~ 1, data = lung[lung$sex == 1, ]),
                          rmean = 730)$matrix
d <- r1[["rmean"]] - r0[["rmean"]]
se <- sqrt(r1[["se(rmean)"]]^2 + r0[["se(rmean)"]]^2)
emit("rmst.lung-sex", c(d, se, d - qnorm(0.975) * se, d + qnorm(0.975) * se,
                        2 * pnorm(-abs(d / se))))

# Edge cases, with their data: ties at time 0, an all-censored group, a curve flat at
# exactly 0.5 before a later drop, one that ends flat at 0.5, and one that reaches 0.
edge <- data.frame(
  time = c(0, 0, 0, 2, 3, 3, 5, 8,   1, 4, 6, 9,   1, 2, 3, 4, 5, 6,   1, 2, 3, 4,   2, 2, 4, 7),
  status = c(1, 1, 0, 1, 1, 0, 1, 0,   0, 0, 0, 0,   1, 1, 1, 0, 1, 1,   1, 1, 0, 0,
             1, 0, 1, 1),
  group = rep(c("a-ties0", "b-censored", "c-flat", "d-ends-flat", "e-zero"),
              c(8, 4, 6, 4, 4)))
emit("edge.time", edge$time)
emit("edge.status", edge$status)
emit("edge.group", as.integer(factor(edge$group)) - 1)
emit_km("edge", edge$time, edge$status, edge$group, c(0, 1, 2.5, 3, 8, 10), 6)

# Simulated data with heavy ties (integer times), three groups and two strata.
set.seed(20261123)
sim <- data.frame(group = sample(0:2, 300, replace = TRUE), stratum = sample(0:1, 300, TRUE))
sim$time <- pmin(round(rexp(300, 0.08 * (1 + sim$group / 2) * (1 + sim$stratum))),
                 round(runif(300, 5, 40)))
sim$status <- as.numeric(round(rexp(300, 0.08 * (1 + sim$group / 2) * (1 + sim$stratum))) <=
                         sim$time)
emit("sim.time", sim$time)
emit("sim.status", sim$status)
emit("sim.group", sim$group)
emit("sim.stratum", sim$stratum)
emit_km("sim", sim$time, sim$status, sim$group, c(0, 3, 10, 25, 60), 20)

# --- Tests of survival curves --------------------------------------------------------------
# Log-rank and Peto–Peto straight from survdiff (rho = 0, 1).  Gehan–Breslow–Wilcoxon
# (weights n at risk) and Tarone–Ware (sqrt(n)) are not in survdiff, so wlr() computes the
# weighted log-rank statistic from its definition over the risk sets:
#   U_k = sum_t w(t) (d_kt - d_t n_kt / n_t)
#   V_jk = sum_t w(t)^2 d_t (n_t - d_t) / (n_t - 1) * n_jt / n_t * (delta_jk - n_kt / n_t)
#   chisq = U' V^-1 U over all groups but the first (groups with no expected events left
#   out, as survdiff).  With w = 1 and w = S(t-) it reproduces survdiff; that is checked
#   below before any number is written.
wlr <- function(time, status, group, strata = rep(1, length(time)), weight) {
  g <- factor(group, levels = sort(unique(group)))
  k <- nlevels(g)
  U <- rep(0, k); V <- matrix(0, k, k); O <- rep(0, k); E <- rep(0, k)
  for (s in unique(strata)) {
    ws <- strata == s
    ts <- time[ws]; ss <- status[ws]; gs <- g[ws]
    km <- 1
    for (t in sort(unique(ts[ss == 1]))) {
      nk <- as.numeric(table(factor(gs[ts >= t], levels = levels(g))))
      dk <- as.numeric(table(factor(gs[ts == t & ss == 1], levels = levels(g))))
      n <- sum(nk); d <- sum(dk)
      w <- weight(n, km)
      O <- O + dk; E <- E + d * nk / n
      U <- U + w * (dk - d * nk / n)
      if (n > 1) V <- V + w^2 * d * (n - d) / (n - 1) * (diag(nk / n, k) - outer(nk, nk) / n^2)
      km <- km * (n - d) / n
    }
  }
  use <- which(E > 0)
  u <- U[use][-1]; v <- V[use, use, drop = FALSE][-1, -1, drop = FALSE]
  chisq <- if (length(use) < 2) 0 else sum(solve(v, u) * u)
  df <- length(use) - 1
  list(O = O, E = E, U = U, V = V, chisq = chisq, df = df,
       p = pchisq(chisq, df, lower.tail = FALSE))
}
weights <- list(logrank = function(n, km) 1, peto = function(n, km) km,
                gehan = function(n, km) n, "tarone-ware" = function(n, km) sqrt(n))

emit_tests <- function(name, time, status, group, strata = NULL) {
  st <- if (is.null(strata)) rep(1, length(time)) else strata
  for (m in names(weights)) {
    r <- wlr(time, status, group, st, weights[[m]])
    if (m %in% c("logrank", "peto")) {
      sd <- if (is.null(strata)) survdiff(Surv(time, status) ~ group, rho = m == "peto")
            else survdiff(Surv(time, status) ~ group + strata(strata), rho = m == "peto")
      ob <- if (is.matrix(sd$obs)) rowSums(sd$obs) else sd$obs
      ex <- if (is.matrix(sd$exp)) rowSums(sd$exp) else sd$exp
      stopifnot(all.equal(r$chisq, sd$chisq, tolerance = 1e-10),
                all.equal(unname(r$U), unname(ob - ex), tolerance = 1e-10),
                all.equal(unname(r$V), unname(sd$var), tolerance = 1e-10))
      if (m == "logrank") stopifnot(all.equal(unname(r$E), unname(ex), tolerance = 1e-10))
    }
    key <- paste0("lr.", name, ".", m)
    emit(paste0(key, ".chisq"), r$chisq)
    emit(paste0(key, ".df"), r$df)
    emit(paste0(key, ".p"), r$p)
    emit(paste0(key, ".observed"), r$O)
    emit(paste0(key, ".expected"), r$E)
    emit(paste0(key, ".score"), r$U)
    emit(paste0(key, ".var"), r$V)
  }
}

# Prism's hazard ratios of each group against the reference (the first level here), from a
# two-group log-rank of that group and the reference alone:
#   log-rank method  HR = (O1/E1)/(O2/E2), CI exp(log HR -/+ 1.96 sqrt(1/E1 + 1/E2))
#   Mantel–Haenszel  HR = exp((O1-E1)/V), CI exp((O1-E1)/V -/+ 1.96/sqrt(V))
emit_prism <- function(name, time, status, group, strata = NULL) {
  lev <- sort(unique(group))
  out_lr <- out_mh <- NULL
  for (l in lev) {
    if (l == lev[1]) { out_lr <- c(out_lr, NA, NA, NA); out_mh <- c(out_mh, NA, NA, NA); next }
    who <- group %in% c(lev[1], l)
    g2 <- factor(group[who], levels = c(l, lev[1]))
    sd <- if (is.null(strata)) survdiff(Surv(time[who], status[who]) ~ g2)
          else survdiff(Surv(time[who], status[who]) ~ g2 + strata(strata[who]))
    ob <- if (is.matrix(sd$obs)) rowSums(sd$obs) else sd$obs
    ex <- if (is.matrix(sd$exp)) rowSums(sd$exp) else sd$exp
    z <- qnorm(0.975)
    hr <- (ob[1] / ex[1]) / (ob[2] / ex[2])
    half <- z * sqrt(1 / ex[1] + 1 / ex[2])
    out_lr <- c(out_lr, hr, exp(log(hr) - half), exp(log(hr) + half))
    v <- sd$var[1, 1]
    lhr <- (ob[1] - ex[1]) / v
    out_mh <- c(out_mh, exp(lhr), exp(lhr - z / sqrt(v)), exp(lhr + z / sqrt(v)))
  }
  emit(paste0("hr.", name, ".logrank"), out_lr)
  emit(paste0("hr.", name, ".mh"), out_mh)
}

emit_tests("lung-sex", lung$time, lung$status - 1, lung$sex)
emit_prism("lung-sex", lung$time, lung$status - 1, lung$sex)
emit_tests("lung-ecog", lung$time[ecog], lung$status[ecog] - 1, lung$ph.ecog[ecog])
emit_prism("lung-ecog", lung$time[ecog], lung$status[ecog] - 1, lung$ph.ecog[ecog])
emit_tests("veteran-trt", veteran$time, veteran$status, veteran$trt)
emit_prism("veteran-trt", veteran$time, veteran$status, veteran$trt)
emit_tests("veteran-celltype", veteran$time, veteran$status, veteran$celltype)
emit_prism("veteran-celltype", veteran$time, veteran$status, veteran$celltype)
emit_tests("aml-x", aml$time, aml$status, aml$x)
emit_prism("aml-x", aml$time, aml$status, aml$x)
emit_tests("edge", edge$time, edge$status, edge$group)
emit_tests("sim", sim$time, sim$status, sim$group)
emit_prism("sim", sim$time, sim$status, sim$group)
emit_tests("sim-strata", sim$time, sim$status, sim$group, sim$stratum)
emit_prism("sim-strata", sim$time, sim$status, sim$group, sim$stratum)
# Stratified: treatment within cell type; sex within ECOG score.
emit_tests("veteran-trt-strata", veteran$time, veteran$status, veteran$trt, veteran$celltype)
emit_prism("veteran-trt-strata", veteran$time, veteran$status, veteran$trt, veteran$celltype)
emit_tests("lung-sex-strata", lung$time[ecog], lung$status[ecog] - 1, lung$sex[ecog],
           lung$ph.ecog[ecog])

# Log-rank test for trend over ECOG 0 < 1 < 2 < 3: (c'U)^2 / c'Vc from survdiff's U and V.
trend <- function(time, status, group, scores) {
  sd <- survdiff(Surv(time, status) ~ group)
  u <- sd$obs - sd$exp
  chisq <- sum(scores * u)^2 / drop(t(scores) %*% sd$var %*% scores)
  c(chisq, pchisq(chisq, 1, lower.tail = FALSE))
}
emit("trend.lung-ecog", trend(lung$time[ecog], lung$status[ecog] - 1, lung$ph.ecog[ecog], 1:4))
emit("trend.lung-ecog.scores", c(0, 1, 2, 5))
emit("trend.lung-ecog.custom", trend(lung$time[ecog], lung$status[ecog] - 1, lung$ph.ecog[ecog],
                                     c(0, 1, 2, 5)))
emit("trend.veteran-celltype", trend(veteran$time, veteran$status, veteran$celltype, 1:4))

# Pairwise log-rank over cell types (pairs in order 1-2, 1-3, …), adjusted by p.adjust.
pairwise <- function(time, status, group, rho) {
  lev <- sort(unique(group))
  chisq <- p <- NULL
  for (a in seq_along(lev)) for (b in seq_along(lev)) if (a < b) {
    who <- group %in% lev[c(a, b)]
    sd <- survdiff(Surv(time[who], status[who]) ~ group[who], rho = rho)
    chisq <- c(chisq, sd$chisq)
    p <- c(p, pchisq(sd$chisq, 1, lower.tail = FALSE))
  }
  list(chisq = chisq, p = p)
}
for (rho in 0:1) {
  pw <- pairwise(veteran$time, veteran$status, veteran$celltype, rho)
  key <- paste0("pairwise.veteran-celltype.", c("logrank", "peto")[rho + 1])
  emit(paste0(key, ".chisq"), pw$chisq)
  emit(paste0(key, ".p"), pw$p)
  emit(paste0(key, ".holm"), p.adjust(pw$p, "holm"))
  emit(paste0(key, ".bonferroni"), p.adjust(pw$p, "bonferroni"))
  emit(paste0(key, ".BH"), p.adjust(pw$p, "BH"))
}
padj_in <- c(0.01, 0.04, NA, 0.03, 0.04, 0.2, 0.5, 1e-5)
emit("padjust.in", padj_in)
for (m in c("holm", "bonferroni", "BH")) emit(paste0("padjust.", m), p.adjust(padj_in, m))

close(out)
