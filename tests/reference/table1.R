# table1.R — expected values for Table 1 (src/core/ob-table1.c, oncobench-cli table1).
#
# Run from the source root:  Rscript tests/reference/table1.R > tests/reference/table1.json
# R 4.2.2 stats + MASS; numbers printed with 17 significant digits, null for NA/NaN/Inf.
#
# The rules of ob-table1.h written out in R:
# - a variable is categorical when it is text, when named so, or when its values are whole
#   numbers with at most 5 distinct values; levels sorted, missing values counted apart and
#   left out of the percentages and the tests;
# - a continuous variable is shown as median [IQR] when named non-normal or when its sample
#   skewness g1 = m3 / m2^(3/2) (all groups pooled) exceeds 1 in absolute value;
# - tests: t.test (Welch) or oneway.test(var.equal = TRUE) for mean (SD); wilcox.test or
#   kruskal.test for median [IQR]; chisq.test, or fisher.test when an expected count is < 5;
# - SMD as tableone (not installed here) computes it: |m1 - m2| / sqrt((s1^2 + s2^2) / 2);
#   categorical: Yang & Dalton's sqrt((T - C)' S^+ (T - C)) on the level proportions without
#   the first level, S the mean of the two multinomial covariances, S^+ = MASS::ginv(S);
#   with more than two groups, the mean over all pairs.

options(warn = -1)
library(MASS)
num <- function(x) ifelse(is.finite(x), sprintf("%.17g", x), "null")
vec <- function(x) paste0("[", paste(num(x), collapse = ", "), "]")
str <- function(x) paste0("[", paste0("\"", x, "\"", collapse = ", "), "]")
radix_sort <- function(x) sort(unique(x), method = "radix")

skewness <- function(x) { d <- x - mean(x); mean(d^3) / mean(d^2)^1.5 }
smd_cont <- function(x, g) {
  lv <- levels(g); pairs <- combn(length(lv), 2)
  mean(apply(pairs, 2, function(p) {
    a <- x[g == lv[p[1]]]; b <- x[g == lv[p[2]]]
    abs(mean(a) - mean(b)) / sqrt((var(a) + var(b)) / 2)
  }))
}
smd_cat <- function(tab) {           # levels x groups counts
  props <- sweep(tab, 2, colSums(tab), "/")
  pairs <- combn(ncol(tab), 2)
  mean(apply(pairs, 2, function(p) {
    t1 <- props[-1, p[1]]; t2 <- props[-1, p[2]]
    cov1 <- -outer(t1, t1); diag(cov1) <- t1 * (1 - t1)
    cov2 <- -outer(t2, t2); diag(cov2) <- t2 * (1 - t2)
    s <- (cov1 + cov2) / 2
    sqrt(drop(t(t1 - t2) %*% ginv(s) %*% (t1 - t2)))
  }))
}

describe_case <- function(name, file, data, group, vars, nonnormal = character(0),
                          categorical = character(0)) {
  data <- data[!is.na(data[[group]]), ]
  g_levels <- if (is.numeric(data[[group]])) as.character(sort(unique(data[[group]]))) else
    radix_sort(data[[group]])
  g <- factor(as.character(data[[group]]), levels = g_levels)
  rows <- character(0)
  for (v in vars) {
    x <- data[[v]]
    is_cat <- !is.numeric(x) || v %in% categorical ||
      (all(x[!is.na(x)] == floor(x[!is.na(x)])) && length(unique(x[!is.na(x)])) <= 5)
    n <- c(tapply(!is.na(x), g, sum), sum(!is.na(x)))
    miss <- c(tapply(is.na(x), g, sum), sum(is.na(x)))
    out <- c(sprintf("\"name\": \"%s\"", v), sprintf("\"categorical\": %s", tolower(is_cat)),
             sprintf("\"n\": %s", vec(n)), sprintf("\"missing\": %s", vec(miss)))
    if (is_cat) {
      lv <- if (is.numeric(x)) as.character(sort(unique(x[!is.na(x)]))) else radix_sort(x[!is.na(x)])
      xf <- factor(as.character(x), levels = lv)
      tab <- table(xf, g)
      counts <- cbind(tab, rowSums(tab))
      pct <- 100 * sweep(counts, 2, colSums(counts), "/")
      keep <- colSums(tab) > 0
      tt <- tab[, keep, drop = FALSE]
      e <- outer(rowSums(tt), colSums(tt)) / sum(tt)
      if (min(e) < 5) {
        r <- fisher.test(tt, workspace = 2e8); test <- "fisher"; stat <- NA; df <- NA
      } else {
        r <- chisq.test(tt); test <- "chisq"; stat <- r$statistic; df <- r$parameter
      }
      out <- c(out, sprintf("\"levels\": %s", str(lv)),
               sprintf("\"counts\": %s", vec(as.vector(t(counts)))),
               sprintf("\"percent\": %s", vec(as.vector(t(pct)))),
               sprintf("\"test\": \"%s\"", test), sprintf("\"statistic\": %s", num(stat)),
               sprintf("\"df\": %s", num(df)), sprintf("\"df2\": null"),
               sprintf("\"p\": %s", num(r$p.value)),
               sprintf("\"smd\": %s", num(smd_cat(tab[, keep, drop = FALSE]))))
    } else {
      ok <- !is.na(x); xx <- x[ok]; gg <- droplevels(g[ok])
      sk <- skewness(xx)
      nn <- v %in% nonnormal || abs(sk) > 1
      per <- function(f) c(tapply(x, g, function(y) f(y[!is.na(y)])), f(xx))
      q <- function(p) function(y) quantile(y, p, type = 7, names = FALSE)
      k <- nlevels(gg)
      df2 <- NA
      if (nn && k == 2) {
        r <- wilcox.test(xx ~ gg); test <- "wilcox"; stat <- r$statistic; df <- NA
      } else if (nn) {
        r <- kruskal.test(xx, gg); test <- "kruskal"; stat <- r$statistic; df <- r$parameter
      } else if (k == 2) {
        r <- t.test(xx ~ gg); test <- "welch"; stat <- r$statistic; df <- r$parameter
      } else {
        r <- oneway.test(xx ~ gg, var.equal = TRUE); test <- "anova"; stat <- r$statistic
        df <- r$parameter[1]; df2 <- r$parameter[2]
      }
      out <- c(out, sprintf("\"nonnormal\": %s", tolower(nn)),
               sprintf("\"skewness\": %s", num(sk)),
               sprintf("\"mean\": %s", vec(per(mean))), sprintf("\"sd\": %s", vec(per(sd))),
               sprintf("\"median\": %s", vec(per(median))),
               sprintf("\"q1\": %s", vec(per(q(0.25)))), sprintf("\"q3\": %s", vec(per(q(0.75)))),
               sprintf("\"test\": \"%s\"", test), sprintf("\"statistic\": %s", num(unname(stat))),
               sprintf("\"df\": %s", num(unname(df))), sprintf("\"df2\": %s", num(unname(df2))),
               sprintf("\"p\": %s", num(r$p.value)), sprintf("\"smd\": %s", num(smd_cont(xx, gg))))
    }
    rows <- c(rows, paste0("      {", paste(out, collapse = ", "), "}"))
  }
  paste0("  {\n    \"name\": \"", name, "\",\n    \"file\": \"", file, "\",\n",
         "    \"group\": \"", group, "\",\n",
         "    \"variables\": ", str(vars), ",\n",
         "    \"nonnormal\": ", if (length(nonnormal)) str(nonnormal) else "[]", ",\n",
         "    \"categorical\": ", if (length(categorical)) str(categorical) else "[]", ",\n",
         "    \"groups\": ", str(g_levels), ",\n",
         "    \"group_n\": ", vec(c(table(g), length(g))), ",\n",
         "    \"rows\": [\n", paste(rows, collapse = ",\n"), "\n    ]\n  }")
}

rd <- function(f) read.csv(file.path("data/samples", f), na.strings = c("", "NA"))
alk <- rd("alk-cohort.csv")
lung <- rd("lung.csv")
veteran <- rd("veteran.csv")

cases <- c(
  describe_case("alk by tp53_status", "alk-cohort.csv", alk, "tp53_status",
                c("age", "sex", "stage", "smoking", "line_of_therapy", "treatment", "pfs_months")),
  describe_case("lung by sex", "lung.csv", lung, "sex",
                c("age", "ph.ecog", "ph.karno", "meal.cal", "wt.loss", "pat.karno"),
                nonnormal = c("age"), categorical = c("ph.karno")),
  describe_case("veteran by celltype", "veteran.csv", veteran, "celltype",
                c("age", "karno", "diagtime", "trt", "prior", "time"), nonnormal = c("karno")))
cat("[\n", paste(cases, collapse = ",\n"), "\n]\n", sep = "")
