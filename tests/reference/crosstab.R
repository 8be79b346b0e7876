# crosstab.R — expected values for cross-tabulations (src/core/ob-crosstab.c,
# ob-fisher-rxc.c, ob-contingency.c, oncobench-cli crosstab).
#
# Run from the source root:  Rscript tests/reference/crosstab.R > tests/reference/crosstab.json
# R 4.2.2 stats; numbers printed with 17 significant digits, null for NA/NaN/Inf.
#
# chisq.test and fisher.test with their defaults.  Where fisher.test solves with uniroot's
# default tolerance (about 1e-4), the same equations are solved here with tol = 1e-13 so that
# they can be compared closely:
# - conditional MLE of the odds ratio: E[X; psi] = x;
# - interval (two-sided, conf.level 0.95): lower solves P(X >= x; psi) = 0.025 (0 when x is
#   the smallest possible), upper solves P(X <= x; psi) = 0.025 (Inf when x is the largest);
#   fisher.test's own values are printed beside them ("R_fisher_*").
# Risk = proportion in the second column; row 1 against row 2; Wald intervals:
#   rd = p1 - p2, se = sqrt(p1 (1 - p1) / n1 + p2 (1 - p2) / n2);
#   log rr, se = sqrt(1/x12 - 1/n1 + 1/x22 - 1/n2).

options(warn = -1)
num <- function(x) ifelse(is.finite(x), sprintf("%.17g", x), "null")
vec <- function(x) paste0("[", paste(num(x), collapse = ", "), "]")
str <- function(x) paste0("[", paste0("\"", x, "\"", collapse = ", "), "]")
cfactor <- function(x) factor(x, levels = sort(unique(as.character(x)), method = "radix"))

dnhyper <- function(m, n, k, ncp) {
  lo <- max(0, k - n); hi <- min(k, m); support <- lo:hi
  logdc <- dhyper(support, m, n, k, log = TRUE)
  d <- logdc + log(ncp) * support
  d <- exp(d - max(d))
  list(support = support, d = d / sum(d), lo = lo, hi = hi)
}
or_exact <- function(t) {
  x <- t[1, 1]; m <- sum(t[, 1]); n <- sum(t[, 2]); k <- sum(t[1, ])
  h <- dnhyper(m, n, k, 1)
  mean_at <- function(psi) sum(dnhyper(m, n, k, psi)$support * dnhyper(m, n, k, psi)$d)
  ptail <- function(psi, upper) {
    dd <- dnhyper(m, n, k, psi)
    if (upper) sum(dd$d[dd$support >= x]) else sum(dd$d[dd$support <= x])
  }
  est <- if (x == h$lo) 0 else if (x == h$hi) Inf else
    exp(uniroot(function(l) mean_at(exp(l)) - x, c(-60, 60), tol = 1e-13)$root)
  lower <- if (x == h$lo) 0 else
    exp(uniroot(function(l) ptail(exp(l), TRUE) - 0.025, c(-60, 60), tol = 1e-13)$root)
  upper <- if (x == h$hi) Inf else
    exp(uniroot(function(l) ptail(exp(l), FALSE) - 0.025, c(-60, 60), tol = 1e-13)$root)
  c(est, lower, upper)
}

# source: c(file, rows column, cols column) when the table comes from a sample file, for the
# CLI test; excluded: rows left out for a missing value.
case <- function(name, t, last = FALSE, source = NULL, excluded = 0) {
  ch <- chisq.test(t)
  fi <- fisher.test(t)
  e <- outer(rowSums(t), colSums(t)) / sum(t)
  out <- c(sprintf("    \"name\": \"%s\"", name),
           sprintf("    \"n_rows\": %d", nrow(t)), sprintf("    \"n_cols\": %d", ncol(t)),
           sprintf("    \"counts\": %s", vec(as.vector(t(t)))),
           sprintf("    \"row_levels\": %s", str(rownames(t))),
           sprintf("    \"col_levels\": %s", str(colnames(t))),
           sprintf("    \"chisq_statistic\": %s", num(unname(ch$statistic))),
           sprintf("    \"chisq_df\": %s", num(unname(ch$parameter))),
           sprintf("    \"chisq_p\": %s", num(ch$p.value)),
           sprintf("    \"row_percent\": %s", vec(as.vector(t(100 * prop.table(t, 1))))),
           sprintf("    \"col_percent\": %s", vec(as.vector(t(100 * prop.table(t, 2))))),
           sprintf("    \"min_expected\": %s", num(min(e))),
           sprintf("    \"fisher_p\": %s", num(fi$p.value)))
  if (!is.null(source))
    out <- c(out, sprintf("    \"file\": \"%s\"", source[1]),
             sprintf("    \"rows\": \"%s\"", source[2]), sprintf("    \"cols\": \"%s\"", source[3]),
             sprintf("    \"excluded\": %d", excluded))
  if (all(dim(t) == 2)) {
    o <- or_exact(t)
    n1 <- sum(t[1, ]); n2 <- sum(t[2, ]); p1 <- t[1, 2] / n1; p2 <- t[2, 2] / n2
    z <- qnorm(0.975)
    se_rd <- sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2)
    rr <- p1 / p2; se_rr <- sqrt(1 / t[1, 2] - 1 / n1 + 1 / t[2, 2] - 1 / n2)
    out <- c(out,
             sprintf("    \"odds_ratio\": %s", num(o[1])),
             sprintf("    \"or_lower\": %s", num(o[2])),
             sprintf("    \"or_upper\": %s", num(o[3])),
             sprintf("    \"R_fisher_or\": %s", num(unname(fi$estimate))),
             sprintf("    \"R_fisher_conf_int\": %s", vec(fi$conf.int)),
             sprintf("    \"risk_difference\": %s", num(p1 - p2)),
             sprintf("    \"rd_lower\": %s", num(p1 - p2 - z * se_rd)),
             sprintf("    \"rd_upper\": %s", num(p1 - p2 + z * se_rd)),
             sprintf("    \"risk_ratio\": %s", num(rr)),
             sprintf("    \"rr_lower\": %s", num(exp(log(rr) - z * se_rr))),
             sprintf("    \"rr_upper\": %s", num(exp(log(rr) + z * se_rr))))
  }
  cat("  {\n", paste(out, collapse = ",\n"), "\n  }", if (!last) ",", "\n", sep = "")
}

veteran <- read.csv("data/samples/veteran.csv", na.strings = c("", "NA"))
alk <- read.csv("data/samples/alk-cohort.csv", na.strings = c("", "NA"))
lung <- read.csv("data/samples/lung.csv", na.strings = c("", "NA"))

cat("[\n")
# Each table as oncobench-cli crosstab builds it from the sample files (levels sorted).
sample_case <- function(name, file, data, rows, cols) {
  ok <- !is.na(data[[rows]]) & !is.na(data[[cols]])
  case(name, table(cfactor(data[[rows]][ok]), cfactor(data[[cols]][ok])),
       source = c(file, rows, cols), excluded = sum(!ok))
}
sample_case("veteran celltype x prior", "veteran.csv", veteran, "celltype", "prior")
sample_case("alk tp53_status x sex", "alk-cohort.csv", alk, "tp53_status", "sex")
sample_case("alk tp53_status x smoking", "alk-cohort.csv", alk, "tp53_status", "smoking")
sample_case("alk stage x tp53_mutation_type", "alk-cohort.csv", alk, "stage",
            "tp53_mutation_type")
sample_case("lung sex x ph.ecog", "lung.csv", lung, "sex", "ph.ecog")
# The levels in the user's order (--row-order wild-type,mutant): the odds ratio turns over.
case("alk tp53_status x sex, wild-type first",
     table(factor(alk$tp53_status, levels = c("wild-type", "mutant")), cfactor(alk$sex)),
     source = c("alk-cohort.csv", "tp53_status", "sex"))
# Job satisfaction by income, the 4 x 4 example of ?fisher.test (Agresti 2002, p. 57).
case("job satisfaction", matrix(c(1, 2, 1, 0, 3, 3, 6, 1, 10, 10, 14, 9, 6, 7, 12, 11), 4, 4,
                                dimnames = list(c("<15k", "15-25k", "25-40k", ">40k"),
                                                c("VeryD", "LittleD", "ModerateS", "VeryS"))))
# Small r x c counts, and 2 x 2 tables at the edge of their range (odds ratio 0 or Inf).
case("small 3x3", matrix(c(2, 0, 1, 1, 3, 0, 0, 1, 4), 3, 3, byrow = TRUE,
                         dimnames = list(c("a", "b", "c"), c("x", "y", "z"))))
case("small 2x3", matrix(c(3, 1, 0, 0, 2, 4), 2, 3, byrow = TRUE,
                         dimnames = list(c("a", "b"), c("x", "y", "z"))))
case("zero cell 2x2", matrix(c(0, 5, 6, 2), 2, 2, byrow = TRUE,
                             dimnames = list(c("a", "b"), c("x", "y"))))
case("full cell 2x2", matrix(c(7, 0, 3, 4), 2, 2, byrow = TRUE,
                             dimnames = list(c("a", "b"), c("x", "y"))), last = TRUE)
cat("]\n")
