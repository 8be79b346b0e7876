# group-tests.R — expected values for the group comparisons (src/core/ob-group-tests.c,
# ob-anova.c, oncobench-cli compare).
#
# Run from the source root:  Rscript tests/reference/group-tests.R
# Writes tests/data/groups/*.csv (the inputs), tests/reference/group-tests.json (core tests:
# inputs and results) and tests/reference/group-tests-cli.json (the CLI on data/samples).
# R 4.2.2 stats; numbers printed with 17 significant digits, null for NA/NaN/Inf.
#
# Where R has no function, the statistic is written out below as an explicit formula:
# - Games–Howell: t = (mean_b − mean_a) / sqrt(v_a/n_a + v_b/n_b), Welch–Satterthwaite df,
#   p = ptukey(|t| √2, k, df, lower = FALSE), CI diff ± qtukey(0.95, k, df) / √2 · se.
# - Dunn: ranks over all groups (mid-ranks), rank_diff = R̄_b − R̄_a,
#   z = rank_diff / sqrt((N(N+1)/12 − Σ(t³ − t) / (12 (N − 1))) (1/n_a + 1/n_b)),
#   p = 2 pnorm(−|z|), p.adjust(p, "holm") over all k(k − 1)/2 pairs; diff stays mean_b − mean_a.
# - Šidák comparisons after a two-way ANOVA: within each level of the first factor, every pair
#   of levels of the second, diff = mean_b − mean_a, se = sqrt(MS_res (1/n_a + 1/n_b)),
#   p = 2 pt(−|t|, df_res), p_adj = 1 − (1 − p)^m (as −expm1(m log1p(−p)): exact for tiny p),
#   m = all comparisons made (the family is every comparison, as Prism's default).
# - Fisher's conditional MLE odds ratio solved with uniroot(tol = 1e-13) instead of
#   fisher.test's default tolerance (1.2e-4), so that it can be compared closely.

options(warn = 1)
dir.create("tests/data/groups", showWarnings = FALSE, recursive = TRUE)

num <- function(x) ifelse(is.finite(x), sprintf("%.17g", x), "null")

to_json <- function(v, indent = "") {
  inner <- paste0(indent, "  ")
  if (is.list(v)) {
    if (length(v) == 0) return(if (is.null(names(v))) "[]" else "{}")
    items <- vapply(v, to_json, "", indent = inner)
    if (!is.null(names(v)))
      items <- paste0("\"", names(v), "\": ", items)
    open <- if (is.null(names(v))) "[" else "{"
    close <- if (is.null(names(v))) "]" else "}"
    return(paste0(open, "\n", inner, paste(items, collapse = paste0(",\n", inner)), "\n",
                  indent, close))
  }
  if (inherits(v, "AsIs") || length(v) != 1) {
    if (is.character(v)) return(paste0("[", paste0("\"", v, "\"", collapse = ", "), "]"))
    return(paste0("[", paste(num(as.numeric(v)), collapse = ", "), "]"))
  }
  if (is.character(v)) return(paste0("\"", v, "\""))
  if (is.logical(v) && !is.na(v)) return(if (isTRUE(v)) "true" else "false")
  num(as.numeric(v))
}

# Levels in byte order, as Oncobench sorts them.
cfactor <- function(x) factor(x, levels = sort(unique(as.character(x)), method = "radix"))

describe <- function(x) {
  n <- length(x)
  ci <- if (n > 1) t.test(x)$conf.int else c(NA, NA)
  q <- quantile(x, c(0.25, 0.5, 0.75), type = 7, names = FALSE)
  list(n = n, mean = mean(x), sd = sd(x), sem = sd(x) / sqrt(n), ci_lower = ci[1],
       ci_upper = ci[2], median = q[2], q1 = q[1], q3 = q[3], min = min(x), max = max(x))
}

ttest <- function(x, y, kind) {
  r <- switch(kind,
              welch = t.test(x, y),
              student = t.test(x, y, var.equal = TRUE),
              paired = t.test(x, y, paired = TRUE))
  est <- if (kind == "paired") unname(r$estimate) else unname(r$estimate[1] - r$estimate[2])
  list(kind = kind, x = I(x), y = I(y), statistic = unname(r$statistic),
       df = unname(r$parameter), p = r$p.value, estimate = est,
       ci_lower = r$conf.int[1], ci_upper = r$conf.int[2])
}

wtest <- function(x, y) {
  r <- suppressWarnings(wilcox.test(x, y))
  exact <- length(x) < 50 && length(y) < 50 && !any(duplicated(c(x, y)))
  list(x = I(x), y = I(y), statistic = unname(r$statistic), p = r$p.value, exact = exact)
}

swtest <- function(x) {
  r <- shapiro.test(x)
  list(x = I(x), statistic = unname(r$statistic), p = r$p.value)
}

fisher_mle <- function(t) {
  m <- sum(t[, 1]); n <- sum(t[, 2]); k <- sum(t[1, ]); x <- t[1, 1]
  lo <- max(0, k - n); hi <- min(k, m); support <- lo:hi
  logdc <- dhyper(support, m, n, k, log = TRUE)
  mn <- function(psi) { d <- logdc + log(psi) * support; d <- exp(d - max(d)); sum(support * d / sum(d)) }
  if (x == lo) return(0)
  if (x == hi) return(Inf)
  exp(uniroot(function(l) mn(exp(l)) - x, c(-50, 50), tol = 1e-13)$root)
}

# --- inputs ---------------------------------------------------------------------------------
write.csv(PlantGrowth, "tests/data/groups/plantgrowth.csv", row.names = FALSE)
write.csv(ToothGrowth, "tests/data/groups/toothgrowth.csv", row.names = FALSE)
write.csv(sleep, "tests/data/groups/sleep.csv", row.names = FALSE)
write.csv(InsectSprays, "tests/data/groups/insectsprays.csv", row.names = FALSE)
warp <- warpbreaks[-c(1, 2, 3, 20, 40, 41), ]   # unbalanced: 6 rows dropped
write.csv(warp, "tests/data/groups/warpbreaks-unbalanced.csv", row.names = FALSE)

pg <- split(PlantGrowth$weight, cfactor(PlantGrowth$group))
tg <- split(ToothGrowth$len, cfactor(ToothGrowth$supp))
sl <- split(sleep$extra, sleep$group)
# Small handmade vectors: no ties (exact Mann–Whitney), and ties (normal approximation).
a_noties <- c(0.80, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46)
b_noties <- c(1.15, 0.88, 0.90, 0.74, 1.21)
a_ties <- c(1, 2, 2, 3, 3, 3, 5, 8)
b_ties <- c(2, 3, 4, 4, 6, 7, 7, 9, 10)

core <- list(
  describe = list(
    list(x = I(pg$ctrl), expected = describe(pg$ctrl)),
    list(x = I(pg$trt2), expected = describe(pg$trt2)),
    list(x = I(a_ties), expected = describe(a_ties)),
    list(x = I(ToothGrowth$len), expected = describe(ToothGrowth$len))),
  t_test = list(
    ttest(pg$ctrl, pg$trt1, "welch"), ttest(pg$ctrl, pg$trt1, "student"),
    ttest(tg$OJ, tg$VC, "welch"), ttest(tg$OJ, tg$VC, "student"),
    ttest(sl[["1"]], sl[["2"]], "paired"), ttest(a_ties, b_ties, "welch")),
  wilcox = list(
    wtest(a_noties, b_noties), wtest(b_noties, a_noties), wtest(a_ties, b_ties),
    wtest(pg$ctrl, pg$trt2), wtest(tg$OJ, tg$VC),
    wtest(seq(1, 59, 2), seq(2, 120, 2))),
  pwilcox = lapply(list(c(3, 4, 5), c(10, 10, 10), c(17, 12, 9), c(600, 40, 45)),
                   function(a) list(q = a[1], m = a[2], n = a[3],
                                    p = pwilcox(a[1], a[2], a[3]))),
  shapiro = list(
    swtest(c(2.1, 3.4, 1.9)), swtest(c(2.1, 3.4, 1.9, 5.6, 2.2)), swtest(pg$ctrl),
    swtest(pg$trt1), swtest(InsectSprays$count[InsectSprays$spray == "C"]),
    swtest(ToothGrowth$len), swtest(survival::lung$age)),
  chisq = lapply(list(matrix(c(12, 5, 7, 9), 2), matrix(c(3, 1, 1, 3), 2),
                      apply(HairEyeColor, c(1, 2), sum),
                      table(survival::lung$sex, survival::lung$ph.ecog)),
                 function(t) {
                   r <- suppressWarnings(chisq.test(t))
                   list(rows = nrow(t), cols = ncol(t), counts = I(as.vector(t(t))),
                        statistic = unname(r$statistic), df = unname(r$parameter),
                        p = r$p.value)
                 }),
  fisher = lapply(list(matrix(c(3, 1, 1, 3), 2), matrix(c(2, 10, 15, 3), 2),
                       matrix(c(12, 5, 7, 9), 2), matrix(c(0, 5, 6, 2), 2)),
                  function(t) list(counts = I(as.vector(t(t))), p = fisher.test(t)$p.value,
                                   odds_ratio = fisher_mle(t))))

# --- several groups ---------------------------------------------------------------------------
oneway <- function(groups) {
  y <- unlist(groups); g <- factor(rep(seq_along(groups), lengths(groups)))
  a <- anova(lm(y ~ g))
  w <- oneway.test(y ~ g)
  k <- kruskal.test(y ~ g)
  list(groups = lapply(groups, I),
       anova = list(statistic = a$`F value`[1], df1 = a$Df[1], df2 = a$Df[2], p = a$`Pr(>F)`[1],
                    ss_between = a$`Sum Sq`[1], ss_within = a$`Sum Sq`[2],
                    ms_within = a$`Mean Sq`[2]),
       welch = list(statistic = unname(w$statistic), df1 = unname(w$parameter[1]),
                    df2 = unname(w$parameter[2]), p = w$p.value),
       kruskal = list(statistic = unname(k$statistic), df1 = unname(k$parameter),
                      p = k$p.value),
       tukey = tukey(y, g), games_howell = games_howell(groups), dunn = dunn(groups))
}

pairs_of <- function(k) { a <- c(); b <- c()
  for (i in 1:(k - 1)) for (j in (i + 1):k) { a <- c(a, i); b <- c(b, j) }
  list(a = a, b = b) }

tukey <- function(y, g) {
  t <- TukeyHSD(aov(y ~ g))$g
  pr <- pairs_of(nlevels(g))   # TukeyHSD lists (1,2), (1,3) … (2,3) …, diff = b − a
  list(a = I(pr$a - 1), b = I(pr$b - 1), diff = I(t[, "diff"]), lower = I(t[, "lwr"]),
       upper = I(t[, "upr"]), p_adj = I(t[, "p adj"]))
}

games_howell <- function(groups) {
  k <- length(groups); pr <- pairs_of(k)
  m <- sapply(groups, mean); v <- sapply(groups, var); n <- lengths(groups)
  e <- v / n
  diff <- m[pr$b] - m[pr$a]
  se <- sqrt(e[pr$a] + e[pr$b])
  df <- (e[pr$a] + e[pr$b])^2 / (e[pr$a]^2 / (n[pr$a] - 1) + e[pr$b]^2 / (n[pr$b] - 1))
  t <- diff / se
  crit <- qtukey(0.95, k, df) / sqrt(2)
  list(diff = I(diff), statistic = I(t), df = I(df),
       p_adj = I(ptukey(abs(t) * sqrt(2), k, df, lower.tail = FALSE)),
       lower = I(diff - crit * se), upper = I(diff + crit * se))
}

dunn <- function(groups) {
  k <- length(groups); pr <- pairs_of(k)
  y <- unlist(groups); g <- rep(seq_len(k), lengths(groups))
  r <- rank(y); N <- length(y); n <- lengths(groups)
  rbar <- tapply(r, g, mean)
  ties <- table(r)
  v <- N * (N + 1) / 12 - sum(ties^3 - ties) / (12 * (N - 1))
  rank_diff <- rbar[pr$b] - rbar[pr$a]
  m <- sapply(groups, mean)
  z <- rank_diff / sqrt(v * (1 / n[pr$a] + 1 / n[pr$b]))
  p <- 2 * pnorm(-abs(z))
  list(diff = I(unname(m[pr$b] - m[pr$a])), rank_diff = I(unname(rank_diff)),
       statistic = I(unname(z)), p = I(unname(p)),
       p_adj = I(p.adjust(unname(p), "holm")))
}

twoway <- function(file, d, y, A, B) {
  d[[A]] <- cfactor(d[[A]]); d[[B]] <- cfactor(d[[B]])
  f <- lm(as.formula(paste(y, "~", A, "*", B)), data = d)
  a <- anova(f)
  term <- function(i) list(df = a$Df[i], ss = a$`Sum Sq`[i], ms = a$`Mean Sq`[i],
                           statistic = a$`F value`[i], p = a$`Pr(>F)`[i])
  # Šidák: B levels within each A level, residual MS, family = all comparisons made.
  mse <- a$`Mean Sq`[nrow(a)]; dfr <- a$Df[nrow(a)]
  out <- list(within = c(), a = c(), b = c(), diff = c(), t = c(), p = c())
  for (ai in seq_len(nlevels(d[[A]]))) for (b1 in 1:(nlevels(d[[B]]) - 1))
    for (b2 in (b1 + 1):nlevels(d[[B]])) {
      y1 <- d[[y]][d[[A]] == levels(d[[A]])[ai] & d[[B]] == levels(d[[B]])[b1]]
      y2 <- d[[y]][d[[A]] == levels(d[[A]])[ai] & d[[B]] == levels(d[[B]])[b2]]
      if (length(y1) == 0 || length(y2) == 0) next
      se <- sqrt(mse * (1 / length(y1) + 1 / length(y2)))
      out$within <- c(out$within, ai - 1); out$a <- c(out$a, b1 - 1); out$b <- c(out$b, b2 - 1)
      out$diff <- c(out$diff, mean(y2) - mean(y1)); out$se <- c(out$se, se)
      out$t <- c(out$t, (mean(y2) - mean(y1)) / se)
    }
  m <- length(out$diff)
  p <- 2 * pt(-abs(out$t), dfr)
  crit <- qt(1 - (1 - 0.95^(1 / m)) / 2, dfr)
  list(file = file, value = y, group = A, factor2 = B,
       a = term(1), b = term(2), interaction = term(3), residual = term(4),
       sidak = list(within = I(out$within), a = I(out$a), b = I(out$b), diff = I(out$diff),
                    statistic = I(out$t), p = I(p), p_adj = I(-expm1(m * log1p(-p))),
                    lower = I(out$diff - crit * out$se), upper = I(out$diff + crit * out$se)))
}

warp_empty <- warpbreaks[!(warpbreaks$wool == "A" & warpbreaks$tension == "H"), ]
write.csv(warp_empty, "tests/data/groups/warpbreaks-empty-cell.csv", row.names = FALSE)
insects <- split(InsectSprays$count, cfactor(InsectSprays$spray))

core$oneway <- list(oneway(unname(pg)), oneway(unname(insects)),
                    oneway(list(a_ties, b_ties, c(3, 3, 5, 6, 11, 12))))
core$ptukey <- lapply(list(c(3.5, 3, 10), c(1.2, 5, 27), c(6, 4, 100), c(4, 6, 900),
                           c(2.9, 12, 6000), c(3, 3, 30000)),
                      function(a) list(q = a[1], k = a[2], df = a[3],
                                       upper = ptukey(a[1], a[2], a[3], lower.tail = FALSE),
                                       quantile = qtukey(0.95, a[2], a[3])))
core$twoway <- list(
  twoway("toothgrowth.csv", ToothGrowth, "len", "supp", "dose"),
  twoway("warpbreaks-unbalanced.csv", warp, "breaks", "wool", "tension"),
  twoway("warpbreaks-unbalanced.csv", warp, "breaks", "tension", "wool"),
  twoway("warpbreaks-empty-cell.csv", warp_empty, "breaks", "tension", "wool"))

writeLines(to_json(core), "tests/reference/group-tests.json")
cat("wrote tests/reference/group-tests.json\n")

# --- oncobench-cli compare on the shipped samples -------------------------------------------
# Each case: the arguments after FILE, and what R prints for the same choice.
cli_groups <- function(groups) unname(lapply(names(groups), function(nm) {
  x <- groups[[nm]]; d <- describe(x)
  sw <- if (length(x) >= 3) shapiro.test(x) else list(statistic = NA, p.value = NA)
  list(name = nm, n = d$n, mean = d$mean, sd = d$sd, sem = d$sem, median = d$median,
       q1 = d$q1, q3 = d$q3, normality_p = sw$p.value)
}))
cli_pairs <- function(groups, diff, p_adj, within = NULL) {
  pr <- pairs_of(length(groups))
  out <- lapply(seq_along(diff), function(i)
    list(a = names(groups)[pr$a[i]], b = names(groups)[pr$b[i]], diff = as.numeric(diff)[i],
         p_adj = as.numeric(p_adj)[i]))
  out
}
oneway_case <- function(file, args, d, y, g, test, groups_test) {
  groups <- split(d[[y]], cfactor(d[[g]]))
  x <- unname(groups); yy <- unlist(x); gg <- factor(rep(seq_along(x), lengths(x)))
  if (test == "anova") {
    a <- anova(lm(yy ~ gg)); stat <- a$`F value`[1]; df <- a$Df[1]; df2 <- a$Df[2]
    p <- a$`Pr(>F)`[1]; ph <- tukey(yy, gg); pd <- ph$diff; pa <- ph$p_adj
  } else if (test == "welch-anova") {
    w <- oneway.test(yy ~ gg); stat <- unname(w$statistic); df <- unname(w$parameter[1])
    df2 <- unname(w$parameter[2]); p <- w$p.value
    ph <- games_howell(x); pd <- ph$diff; pa <- ph$p_adj
  } else {
    k <- kruskal.test(yy ~ gg); stat <- unname(k$statistic); df <- unname(k$parameter)
    df2 <- NA; p <- k$p.value; ph <- dunn(x); pd <- ph$diff; pa <- ph$p_adj
  }
  list(file = file, args = I(args), test = test, statistic = stat, df = df, df2 = df2, p = p,
       groups = cli_groups(groups), posthoc = cli_pairs(groups, pd, pa))
}
two_case <- function(file, args, d, y, g, a, b, test) {
  xa <- d[[y]][d[[g]] == a]; xb <- d[[y]][d[[g]] == b]
  if (test == "mannwhitney") {
    r <- suppressWarnings(wilcox.test(xa, xb)); df <- NA
  } else {
    r <- t.test(xa, xb, var.equal = test == "student", paired = test == "paired")
    df <- unname(r$parameter)
  }
  groups <- list(xa, xb); names(groups) <- c(a, b)
  list(file = file, args = I(args), test = test, statistic = unname(r$statistic), df = df,
       df2 = NA, p = r$p.value, groups = cli_groups(groups), posthoc = list())
}

csf <- read.csv("data/samples/csf-areg.csv")
apo <- read.csv("data/samples/apoptosis.csv")
alk <- "ALK-TKI-resistant LMC"; egfr <- "EGFR-TKI-resistant LMC"
h3122 <- apo[apo$cell_line == "H3122", ]

tw <- twoway("apoptosis.csv", apo, "apoptosis_pct", "treatment", "tp53")
apo_cells <- split(apo$apoptosis_pct, list(cfactor(apo$treatment), cfactor(apo$tp53)),
                   lex.order = TRUE, sep = " / ")
tlev <- levels(cfactor(apo$treatment)); plev <- levels(cfactor(apo$tp53))
twoway_case <- list(
  file = "apoptosis.csv", args = I(c("--value", "apoptosis_pct", "--group", "treatment",
                                     "--factor2", "tp53")),
  test = "twoway", statistic = tw$interaction$statistic, df = tw$interaction$df,
  df2 = tw$residual$df, p = tw$interaction$p, groups = cli_groups(apo_cells),
  terms = list(tw$a, tw$b, tw$interaction, tw$residual),
  posthoc = lapply(seq_along(tw$sidak$diff), function(i)
    list(within = tlev[tw$sidak$within[i] + 1], a = plev[tw$sidak$a[i] + 1],
         b = plev[tw$sidak$b[i] + 1], diff = as.numeric(tw$sidak$diff)[i],
         p_adj = as.numeric(tw$sidak$p_adj)[i])))

vgs <- c("--value", "areg_pg_ml", "--group", "group")
cli <- list(
  oneway_case("csf-areg.csv", vgs, csf, "areg_pg_ml", "group", "anova"),
  oneway_case("csf-areg.csv", c(vgs, "--test", "welch-anova"), csf, "areg_pg_ml", "group",
              "welch-anova"),
  oneway_case("csf-areg.csv", c(vgs, "--test", "kruskal"), csf, "areg_pg_ml", "group", "kruskal"),
  two_case("csf-areg.csv", c(vgs, "--test", "mannwhitney", "--pair", paste0(alk, ",", egfr)),
           csf, "areg_pg_ml", "group", alk, egfr, "mannwhitney"),
  two_case("csf-areg.csv", c(vgs, "--test", "mannwhitney", "--pair", paste0(egfr, ",", alk)),
           csf, "areg_pg_ml", "group", egfr, alk, "mannwhitney"),
  two_case("csf-areg.csv", c(vgs, "--pair", paste0("no LMC,", egfr)),
           csf, "areg_pg_ml", "group", "no LMC", egfr, "welch"),
  two_case("apoptosis.csv", c("--value", "apoptosis_pct", "--group", "treatment", "--where",
                              "cell_line=H3122", "--test", "student", "--pair",
                              "control,alectinib"),
           h3122, "apoptosis_pct", "treatment", "control", "alectinib", "student"),
  two_case("apoptosis.csv", c("--value", "apoptosis_pct", "--group", "tp53", "--where",
                              "treatment=ixazomib", "--test", "mannwhitney"),
           apo[apo$treatment == "ixazomib", ], "apoptosis_pct", "tp53", "mutant", "wild-type",
           "mannwhitney"),
  two_case("apoptosis.csv", c("--value", "apoptosis_pct", "--group", "treatment", "--where",
                              "cell_line=H2228", "--test", "paired", "--pair",
                              "control,alectinib + ixazomib"),
           apo[apo$cell_line == "H2228", ], "apoptosis_pct", "treatment", "control",
           "alectinib + ixazomib", "paired"),
  twoway_case)
writeLines(to_json(cli), "tests/reference/group-tests-cli.json")
cat("wrote tests/reference/group-tests-cli.json\n")

# Count tables: --group × --value as categories, rows missing either left out.
alk_cohort <- read.csv("data/samples/alk-cohort.csv", na.strings = c("", "NA"))
table_case <- function(value, test) {
  keep <- !is.na(alk_cohort$tp53_status) & !is.na(alk_cohort[[value]])
  t <- table(cfactor(alk_cohort$tp53_status[keep]), cfactor(alk_cohort[[value]][keep]))
  r <- if (test == "fisher") fisher.test(t) else suppressWarnings(chisq.test(t))
  list(file = "alk-cohort.csv", args = I(c("--value", value, "--group", "tp53_status", "--test",
                                           test)),
       test = test, n = sum(t), excluded = sum(!keep),
       statistic = if (test == "fisher") NA else unname(r$statistic),
       df = if (test == "fisher") NA else unname(r$parameter), p = r$p.value,
       odds_ratio = if (test == "fisher") fisher_mle(t) else NA,
       columns = I(colnames(t)), rows = I(rownames(t)), counts = I(as.vector(t(t))))
}
tables <- list(table_case("sex", "fisher"), table_case("sex", "chisq"),
               table_case("smoking", "chisq"))
writeLines(to_json(tables), "tests/reference/group-tests-cli-tables.json")
cat("wrote tests/reference/group-tests-cli-tables.json\n")

# Paired by ID: sleep with its rows shuffled and one row dropped, so that row order cannot
# pair them and patient 4 has no partner.
set.seed(7)
sleep_shuffled <- sleep[sample(nrow(sleep)), ]
sleep_shuffled <- sleep_shuffled[!(sleep_shuffled$ID == 4 & sleep_shuffled$group == 2), ]
write.csv(sleep_shuffled, "tests/data/groups/sleep-shuffled.csv", row.names = FALSE)
s1 <- sleep_shuffled[sleep_shuffled$group == 1, ]
s2 <- sleep_shuffled[sleep_shuffled$group == 2, ]
both <- s1[s1$ID %in% s2$ID, ]
r <- t.test(both$extra, s2$extra[match(both$ID, s2$ID)], paired = TRUE)
paired_id <- list(list(file = "sleep-shuffled.csv", args = I(c("--value", "extra", "--group",
                                                                "group", "--test", "paired",
                                                                "--id", "ID")),
                       test = "paired", pairs = nrow(both),
                       unpaired = nrow(sleep_shuffled) - 2 * nrow(both),
                       statistic = unname(r$statistic), df = unname(r$parameter),
                       p = r$p.value, estimate = unname(r$estimate),
                       lower = r$conf.int[1], upper = r$conf.int[2]))
writeLines(to_json(paired_id), "tests/reference/group-tests-cli-paired.json")
cat("wrote tests/reference/group-tests-cli-paired.json\n")
