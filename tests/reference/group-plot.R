# group-plot.R — expected values for the group-comparison figure (src/plot/ob-group-plot.c).
#
# Run from the source root:  Rscript tests/reference/group-plot.R > tests/reference/group-plot.csv
# For each group of data/samples/csf-areg.csv (AREG in CSF) and of survival::lung age by ECOG
# score (larger groups, with outliers), and for DNase density by run: boxplot.stats (whiskers,
# hinges, median and the number of outliers), bw.nrd0, and the Gaussian kernel density at the
# median and at the lower hinge, written out as mean(dnorm((t - x) / bw)) / bw (density()
# itself bins on a grid, which the figure does not).
# R 4.2.2; numbers printed with 17 significant digits.

suppressMessages(library(survival))

rows <- list()
add <- function(set, name, x) {
  x <- x[!is.na(x)]
  if (length(x) < 2) return(invisible())  # bw.nrd0 needs two values
  b <- boxplot.stats(x)
  bw <- bw.nrd0(x)
  kde <- function(t) mean(dnorm((t - x) / bw)) / bw
  rows[[length(rows) + 1]] <<- data.frame(
    set = set, group = name, n = length(x),
    s1 = b$stats[1], s2 = b$stats[2], s3 = b$stats[3], s4 = b$stats[4], s5 = b$stats[5],
    n_out = length(b$out), bw = bw,
    t1 = b$stats[3], kde1 = kde(b$stats[3]), t2 = b$stats[2], kde2 = kde(b$stats[2]))
}

csf <- read.csv("data/samples/csf-areg.csv")
for (g in sort(unique(csf$group))) add("csf", g, csf$areg_pg_ml[csf$group == g])
for (g in sort(unique(lung$ph.ecog))) add("lung-age", g, lung$age[lung$ph.ecog %in% g])
for (g in levels(DNase$Run)) add("dnase", g, DNase$density[DNase$Run == g])

out <- do.call(rbind, rows)
num <- sapply(out, is.numeric)
out[num] <- lapply(out[num], function(v) sprintf("%.17g", v))
write.csv(out, stdout(), row.names = FALSE, quote = c(1, 2))
