# lme.R — expected values for the mixed-effects model and the repeated-measures ANOVA of
# tumour growth (src/core/ob-lme*.c).
#
# Run from the source root:  Rscript tests/reference/lme.R > tests/reference/lme.json
# R 4.2, nlme 3.1; numbers printed with 17 significant digits, null for NA/NaN/Inf.  Each
# case carries its data (0-based subject and arm codes, day, y) so the test needs nothing else.
#
# - lme(y ~ arm * day, random = ~ day | subject), REML, treatment contrasts against the
#   reference arm.
#   coef = summary(fit)$tTable, anova = anova(fit) (sequential), VarCorr, logLik, AIC, BIC;
#   anova's p from its F and df by pf(lower.tail = FALSE): nlme's 1 − pf is 0 below 1e-16.
# - lrt = anova(ml1, ml0): the model refitted by ML, with and without arm:day.
# - rm_anova = summary(aov(y ~ arm * factor(day) + Error(subject / factor(day)))) on the
#   complete subjects; Greenhouse–Geisser ε from the pooled within-arm SSD of the wide data
#   (stats:::sphericity, as anova.mlm(test = "Spherical")).  The days analysed: among the days
#   measured in at least half of the subjects, the first k (k ≥ 2) maximising complete
#   subjects × k, ties to the larger k.
#
# Cases: data/samples/xenograft.csv (ln of L W² / 2; two vehicle mice leave early),
# nlme::Orthodont (distance ~ age * Sex), and the xenograft made more unbalanced: the three
# largest vehicle tumours at day 14 are not measured after it, one combination mouse only on
# day 0 and another only on days 0 and 3; the same in hours, where the slope's variance is
# 576 times smaller than the intercept's, for the optimiser's sake.

suppressPackageStartupMessages(library(nlme))
options(warn = 1)
num <- function(x) ifelse(is.finite(x), sprintf("%.17g", x), "null")
vec <- function(x) paste0("[", paste(num(x), collapse = ", "), "]")
ivec <- function(x) paste0("[", paste(as.integer(x), collapse = ", "), "]")
str <- function(x) paste0("[", paste0('"', x, '"', collapse = ", "), "]")

# The REML surface is flat along the variance parameters: settings that agree on the
# log-likelihood to 1e-9 differ by 1e-5 in the standard errors.  Each model is fitted with
# several optimiser settings and the one reaching the highest log-likelihood is kept.
controls <- list(
  lmeControl(),
  lmeControl(maxIter = 1000, msMaxIter = 1000, niterEM = 200, msMaxEval = 5000,
             tolerance = 1e-12, msTol = 1e-14),
  lmeControl(maxIter = 1000, msMaxIter = 1000, niterEM = 200, tolerance = 1e-12,
             opt = "optim"))
best_lme <- function(formula, data, method) {
  fits <- lapply(controls, function(ctrl)
    tryCatch(lme(formula, random = ~ day | subject, data = data, method = method,
                 control = ctrl), error = function(e) NULL))
  fits <- Filter(Negate(is.null), fits)
  fits[[which.max(sapply(fits, function(f) as.numeric(logLik(f))))]]
}

choose_days <- function(d) {
  subjects <- unique(d$subject)
  days <- sort(unique(d$day))
  count <- sapply(days, function(t) length(unique(d$subject[d$day == t])))
  cand <- days[count >= length(subjects) / 2]
  best <- NULL
  best_score <- -1
  for (k in seq(2, length(cand))) {
    use <- cand[1:k]
    complete <- subjects[sapply(subjects, function(s) all(use %in% d$day[d$subject == s]))]
    score <- length(complete) * k
    if (score >= best_score) {
      best_score <- score
      best <- list(days = use, subjects = complete)
    }
  }
  best
}

describe <- function(name, d, ref, last = FALSE) {
  arm_levels <- levels(d$arm)
  d$arm <- relevel(d$arm, ref = ref)
  fit <- best_lme(y ~ arm * day, d, "REML")
  ml1 <- best_lme(y ~ arm * day, d, "ML")
  ml0 <- best_lme(y ~ arm + day, d, "ML")
  lrt <- anova(ml1, ml0)
  tt <- summary(fit)$tTable
  av <- anova(fit)
  vc <- as.matrix(getVarCov(fit))
  sel <- choose_days(d)
  dd <- d[d$subject %in% sel$subjects & d$day %in% sel$days, ]
  dd$subject <- droplevels(dd$subject)
  dd$arm <- droplevels(dd$arm)
  a <- summary(aov(y ~ arm * factor(day) + Error(subject / factor(day)), data = dd))
  between <- a[["Error: subject"]][[1]]
  within <- a[["Error: subject:factor(day)"]][[1]]
  wide <- reshape(dd[, c("subject", "arm", "day", "y")], idvar = c("subject", "arm"),
                  timevar = "day", direction = "wide")
  mlm <- lm(as.matrix(wide[, -(1:2)]) ~ wide$arm)
  gg <- stats:::sphericity(SSD(mlm), X = ~1,
                           idata = data.frame(day = factor(sel$days)))$GG.eps
  p_gg <- function(row) pf(within[row, "F value"], gg * within[row, "Df"],
                           gg * within["Residuals", "Df"], lower.tail = FALSE)

  cat(sprintf('  {"name": "%s",\n', name))
  cat(sprintf('   "arm_names": %s, "reference": %d,\n', str(arm_levels),
              match(ref, arm_levels) - 1L))
  cat(sprintf('   "n_subjects": %d,\n', nlevels(d$subject)))
  cat(sprintf('   "subject": %s,\n', ivec(as.integer(d$subject) - 1L)))
  cat(sprintf('   "arm": %s,\n', ivec(match(as.character(d$arm), arm_levels) - 1L)))
  cat(sprintf('   "day": %s,\n', vec(d$day)))
  cat(sprintf('   "y": %s,\n', vec(d$y)))
  cat('   "lme": {\n    "coef": [\n')
  for (i in seq_len(nrow(tt)))
    cat(sprintf('      {"name": "%s", "estimate": %s, "se": %s, "df": %s, "t": %s, "p": %s}%s\n',
                rownames(tt)[i], num(tt[i, 1]), num(tt[i, 2]), num(tt[i, 3]), num(tt[i, 4]),
                num(tt[i, 5]), if (i < nrow(tt)) "," else ""))
  cat(sprintf('    ],\n    "vcov": %s,\n', vec(t(vcov(fit)))))
  cat('    "anova": [\n')
  for (i in seq_len(nrow(av)))
    cat(sprintf('      {"name": "%s", "num_df": %d, "den_df": %s, "f": %s, "p": %s}%s\n',
                rownames(av)[i], as.integer(av[i, 1]), num(av[i, 2]), num(av[i, 3]),
                num(pf(av[i, 3], av[i, 1], av[i, 2], lower.tail = FALSE)), if (i < nrow(av)) "," else ""))
  cat(sprintf('    ],\n    "sd_intercept": %s, "sd_slope": %s, "corr": %s, "sigma": %s,\n',
              num(sqrt(vc[1, 1])), num(sqrt(vc[2, 2])), num(vc[1, 2] / sqrt(vc[1, 1] * vc[2, 2])),
              num(fit$sigma)))
  cat(sprintf('    "loglik": %s, "aic": %s, "bic": %s,\n', num(as.numeric(logLik(fit))),
              num(AIC(fit)), num(BIC(fit))))
  cat(sprintf(paste0('    "lrt": {"loglik_full": %s, "loglik_reduced": %s, "statistic": %s,',
                     ' "df": %d, "p": %s}\n   },\n'),
              num(lrt$logLik[1]), num(lrt$logLik[2]), num(lrt$L.Ratio[2]),
              as.integer(abs(diff(lrt$df))), num(lrt$`p-value`[2])))
  cat('   "rm_anova": {\n')
  cat(sprintf('    "days": %s,\n', vec(sel$days)))
  dropped <- setdiff(levels(d$subject), as.character(sel$subjects))
  cat(sprintf('    "dropped_subjects": %s,\n', ivec(match(dropped, levels(d$subject)) - 1L)))
  cat(sprintf('    "n_subjects": %d, "gg_epsilon": %s,\n', length(sel$subjects), num(gg)))
  row <- function(nm, tab, r, stratum, pgg, comma = TRUE)
    cat(sprintf(paste0('      {"name": "%s", "stratum": %d, "df": %s, "ss": %s, "ms": %s,',
                       ' "f": %s, "p": %s, "p_gg": %s}%s\n'),
                nm, stratum, num(tab[r, "Df"]), num(tab[r, "Sum Sq"]), num(tab[r, "Mean Sq"]),
                num(if (r == "Residuals") NA else tab[r, "F value"]),
                num(if (r == "Residuals") NA else tab[r, "Pr(>F)"]), num(pgg),
                if (comma) "," else ""))
  cat('    "rows": [\n')
  rn <- trimws(rownames(between))
  rownames(between) <- rn
  rownames(within) <- trimws(rownames(within))
  row("arm", between, "arm", 0, NA)
  row("Residuals", between, "Residuals", 0, NA)
  row("day", within, "factor(day)", 1, p_gg("factor(day)"))
  row("arm:day", within, "arm:factor(day)", 1, p_gg("arm:factor(day)"))
  row("Residuals", within, "Residuals", 1, NA, FALSE)
  cat(sprintf('    ]\n   }\n  }%s\n', if (last) "" else ","))
}

x <- read.csv("data/samples/xenograft.csv")
xeno <- data.frame(subject = factor(x$mouse), arm = factor(x$arm), day = x$day,
                   y = log(x$length_mm * x$width_mm^2 / 2))

o <- as.data.frame(Orthodont)
orth <- data.frame(subject = factor(as.character(o$Subject)),
                   arm = factor(as.character(o$Sex), levels = c("Male", "Female")),
                   day = o$age, y = o$distance)

u <- xeno
d14 <- u[u$day == 14 & u$arm == "vehicle", ]
big <- as.character(d14$subject[order(-d14$y)][1:3])
u <- u[!(u$subject %in% big & u$day > 14), ]
comb <- sort(unique(as.character(u$subject[u$arm == "combination"])))
u <- u[!(u$subject == comb[1] & u$day > 0), ]
u <- u[!(u$subject == comb[2] & u$day > 3), ]

cat('{"cases": [\n')
describe("xenograft", xeno, "vehicle")
describe("orthodont", orth, "Male")
describe("xenograft-unbalanced", u, "vehicle")
describe("xenograft-hours", transform(u, day = 24 * day), "vehicle", last = TRUE)
cat(']}\n')
