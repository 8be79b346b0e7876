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

close(out)
