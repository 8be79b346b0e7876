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

close(out)
