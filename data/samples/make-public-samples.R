# Exports the public survival datasets shipped as samples, from R's survival package
# (LGPL-2 or later).  Run inside data/samples:  Rscript make-public-samples.R
#
# SPDX-License-Identifier: GPL-3.0-or-later

suppressPackageStartupMessages(library(survival))

out <- function(df, name) {
  write.csv(df, name, row.names = FALSE, na = "")
}

out(survival::lung, "lung.csv")
out(survival::veteran, "veteran.csv")
aml <- survival::aml
aml$x <- as.character(aml$x)
out(aml, "aml.csv")
