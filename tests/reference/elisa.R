# elisa.R — expected values for standard-curve fits (src/core/ob-standard-curve.c) and for
# `oncobench-cli elisa` on data/samples.
#
# Run from the source root:  Rscript tests/reference/elisa.R > tests/reference/elisa.json
# R 4.2 stats::nls (Gauss–Newton, analytic gradients, tol 1e-7) on base R's DNase; numbers
# printed with 17 significant digits, null for NA/NaN/Inf.
#
# Definitions written out here because R prints them differently or not at all:
# - Weighted fits use the observed response: weights = 1/y or 1/y^2, as nls(weights = ).
#   rss is the weighted residual sum of squares, sigma^2 = rss / (n − p) as summary(nls).
# - se is summary(nls)'s "Std. Error"; the 95% CI is estimate ± qt(0.975, n − p) · se
#   (Wald with t, like confint.default but with t quantiles, not confint.nls's profiles).
# - r2 = 1 − rss / Σ w (y − ȳ_w)², ȳ_w the weighted mean response.
# - aic is AIC() of the nls fit; the 4PL-vs-5PL F test is anova(fit4, fit5).
# - linear: lm(y ~ x, weights); loglog: lm(log10(y) ~ log10(x)) (weights, if any, on y).

options(warn = 1)
num <- function(x) ifelse(is.finite(x), sprintf("%.17g", x), "null")
vec <- function(x) paste0("[", paste(num(x), collapse = ", "), "]")

# Analytic gradients (deriv) let nls converge far tighter than with its numerical ones.
f4 <- deriv(~ bottom + (top - bottom) / (1 + (x / ec50)^(-hill)),
            c("bottom", "top", "ec50", "hill"), function(x, bottom, top, ec50, hill) NULL)
f5 <- deriv(~ bottom + (top - bottom) / (1 + (x / ec50)^(-hill))^asymmetry,
            c("bottom", "top", "ec50", "hill", "asymmetry"),
            function(x, bottom, top, ec50, hill, asymmetry) NULL)
fourpl <- y ~ f4(x, bottom, top, ec50, hill)
fivepl <- y ~ f5(x, bottom, top, ec50, hill, asymmetry)
ctrl <- nls.control(maxiter = 1000, tol = 1e-7, minFactor = 1e-12)

wts <- function(y, weight) switch(weight, none = rep(1, length(y)), "1/y" = 1 / y,
                                  "1/y2" = 1 / y^2)

# Pointwise 95% confidence band of the fitted mean at band_x: fitted ± qt(0.975, df) · se,
# se² = g' vcov g with g the model's gradient in its parameters (delta method); for lm this is
# predict(se.fit = TRUE); loglog's band is formed on log10 y and carried back with 10^.
band_x <- c(0.1, 0.5, 2, 10)
band <- function(model, fit, x) {
  tq <- qt(0.975, df.residual(fit))
  if (model %in% c("4pl", "5pl")) {
    p <- as.list(coef(fit))
    g <- if (model == "4pl") f4(x, p$bottom, p$top, p$ec50, p$hill) else
      f5(x, p$bottom, p$top, p$ec50, p$hill, p$asymmetry)
    G <- attr(g, "gradient")
    centre <- as.vector(g)
    se <- sqrt(rowSums((G %*% vcov(fit)) * G))
  } else {
    pr <- predict(fit, newdata = data.frame(x = x), se.fit = TRUE)
    centre <- pr$fit
    se <- pr$se.fit
  }
  lo <- centre - tq * se
  hi <- centre + tq * se
  if (model == "loglog") list(lo = 10^lo, hi = 10^hi) else list(lo = lo, hi = hi)
}

describe <- function(name, model, weight, x, y, fit, rss, n, p, w) {
  est <- if (inherits(fit, "nls")) coef(fit) else coef(fit)
  se <- summary(fit)$coefficients[, 2]
  yy <- if (model == "loglog") log10(y) else y
  ybar <- sum(w * yy) / sum(w)
  tq <- qt(0.975, n - p)
  cat(sprintf(paste0('    {"name": "%s", "model": "%s", "weight": "%s",\n',
                     '     "x": %s,\n     "y": %s,\n',
                     '     "params": %s,\n     "se": %s,\n     "ci_lower": %s,\n',
                     '     "ci_upper": %s,\n     "rss": %s, "sigma": %s, "r2": %s, "aic": %s,\n',
                     '     "df": %d, "residuals": %s,\n',
                     '     "band_x": %s, "band_lo": %s, "band_hi": %s}'),
              name, model, weight, vec(x), vec(y), vec(est), vec(se), vec(est - tq * se),
              vec(est + tq * se), num(rss), num(sqrt(rss / (n - p))),
              num(1 - rss / sum(w * (yy - ybar)^2)), num(AIC(fit)), n - p,
              vec(residuals(fit)), vec(band_x), vec(band(model, fit, band_x)$lo),
              vec(band(model, fit, band_x)$hi)))
}

fit_case <- function(name, model, weight, x, y) {
  w <- wts(y, weight)
  d <- data.frame(x = x, y = y, w = w)
  fit <- switch(model,
    "4pl" = nls(fourpl, d, start = list(bottom = 0, top = 2.4, ec50 = 4.5, hill = 1),
                weights = w, control = ctrl),
    "5pl" = nls(fivepl, d, start = list(bottom = 0, top = 2.4, ec50 = 4.5, hill = 1, asymmetry = 1),
                weights = w, control = ctrl),
    "linear" = lm(y ~ x, d, weights = w),
    "loglog" = lm(log10(y) ~ log10(x), d, weights = w))
  r <- if (inherits(fit, "nls")) sum(w * residuals(fit)^2) else sum(w * residuals(fit)^2)
  describe(name, model, weight, x, y, fit, r, length(y), length(coef(fit)), w)
  fit
}

run1 <- DNase[DNase$Run == "1", ]
cat("{\n  \"fits\": [\n")
cases <- list(c("4pl", "none"), c("4pl", "1/y"), c("4pl", "1/y2"), c("5pl", "none"),
              c("5pl", "1/y2"), c("linear", "none"), c("loglog", "none"), c("linear", "1/y"))
fits <- list()
for (i in seq_along(cases)) {
  m <- cases[[i]][1]; wt <- cases[[i]][2]
  nm <- paste0("dnase-run1-", m, "-", gsub("/", "", wt))
  fits[[nm]] <- fit_case(nm, m, wt, run1$conc, run1$density)
  cat(if (i < length(cases)) ",\n" else "\n")
}
cat("  ],\n")

# 4PL against 5PL, unweighted, on Run 1.
a <- anova(fits[["dnase-run1-4pl-none"]], fits[["dnase-run1-5pl-none"]])
cat(sprintf('  "compare": {"f": %s, "df1": %d, "df2": %d, "p": %s, "aic4": %s, "aic5": %s}\n',
            num(a$`F value`[2]), a$Df[2], a$`Res.Df`[2], num(a$`Pr(>F)`[2]),
            num(AIC(fits[["dnase-run1-4pl-none"]])), num(AIC(fits[["dnase-run1-5pl-none"]]))))
cat("}\n")
