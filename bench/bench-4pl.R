# bench-4pl.R — a 96-well ELISA plate for the 4PL bench, and R's nls on it
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Rscript bench/bench-4pl.R write FILE.csv   writes the plate (fixed seed): 8 standards in
#                                            duplicate, 40 samples in duplicate
# Rscript bench/bench-4pl.R time FILE.csv N  fits the 4PL with nls N times and interpolates
#                                            the 80 sample wells each time; prints
#                                            "fits_per_s X" (per second of CPU), then the
#                                            coefficients
args <- commandArgs(trailingOnly = TRUE)
fpl <- function(x, bottom, top, ec50, hill) bottom + (top - bottom) / (1 + (x / ec50)^(-hill))

if (args[1] == "write") {
  set.seed(20261123)
  conc <- rep(1000 / 2^(0:7), each = 2)
  std <- fpl(conc, 0.05, 2.6, 60, 1.1) * exp(rnorm(16, sd = 0.03))
  true <- exp(runif(40, log(2), log(900)))
  smp <- fpl(rep(true, each = 2), 0.05, 2.6, 60, 1.1) * exp(rnorm(80, sd = 0.03))
  write.csv(data.frame(type = c(rep("standard", 16), rep("sample", 80)),
                       conc = c(conc, rep(NA, 80)), response = round(c(std, smp), 4)),
            args[2], row.names = FALSE, na = "")
  quit(save = "no")
}

plate <- read.csv(args[2])
n <- as.integer(args[3])
std <- plate[plate$type == "standard", ]
smp <- plate$response[plate$type == "sample"]
cpu <- function() sum(proc.time()[c("user.self", "sys.self")])
start <- cpu()
for (i in seq_len(n)) {
  fit <- nls(response ~ fpl(conc, bottom, top, ec50, hill), data = std,
             start = list(bottom = min(std$response), top = max(std$response),
                          ec50 = median(std$conc), hill = 1))
  b <- coef(fit)
  est <- b[["ec50"]] * ((b[["top"]] - b[["bottom"]]) / (smp - b[["bottom"]]) - 1)^(-1 / b[["hill"]])
}
elapsed <- cpu() - start
cat(sprintf("fits_per_s %.1f\n", n / elapsed))
cat(sprintf("%s %.10g\n", names(b), b), sep = "")
