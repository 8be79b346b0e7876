# elisa-checks.R — expected results of the checks on a plate's curve, computed with nls / lm.
#
# Run from the source root:
#   Rscript tests/reference/elisa-checks.R > tests/reference/elisa-checks.json
#
# dose_response: the F-test of each curve against a flat line (the mean response), as
# anova() of the nested fits would give it: F = ((TSS − RSS) / (p − 1)) / (RSS / (n − p)).
# hook: the warnings the standards of tests/data/bad/elisa-hook.csv must raise: a level whose
# mean response falls below the previous level's on a rising curve by more than two SDs of
# the noisier level and 2% of the span of the means.
options(digits = 15)
num <- function(x) formatC(x, digits = 15, format = "g")

f4 <- deriv(~ bottom + (top - bottom) / (1 + (x / ec50)^(-hill)),
            c("bottom", "top", "ec50", "hill"), function(x, bottom, top, ec50, hill) NULL)
ctrl <- nls.control(maxiter = 1000, tol = 1e-7, minFactor = 1e-12)
fit4 <- function(x, y) {
  s <- data.frame(x = x, y = y)
  nls(y ~ f4(x, bottom, top, ec50, hill), s,
      start = list(bottom = min(y), top = max(y), ec50 = exp(mean(log(range(x)))), hill = 1),
      control = ctrl)
}
flat_test <- function(rss, y, p) {
  n <- length(y)
  tss <- sum((y - mean(y))^2)
  f <- ((tss - rss) / (p - 1)) / (rss / (n - p))
  c(F = f, df1 = p - 1, df2 = n - p, p = pf(f, p - 1, n - p, lower.tail = FALSE))
}

dnase <- read.csv("data/samples/dnase.csv", stringsAsFactors = FALSE)
run1 <- dnase[dnase$run == 1, ]
m4 <- fit4(run1$conc, run1$density)
ml <- lm(density ~ conc, run1)
a <- anova(lm(density ~ 1, run1), ml)
t4 <- flat_test(deviance(m4), run1$density, 4)
tl <- c(F = a$F[2], df1 = a$Df[2], df2 = a$Res.Df[2], p = a$`Pr(>F)`[2])

cat("{\n")
cat('  "dose_response": [\n')
cat(sprintf('    {"model": "4pl", "F": %s, "df1": %d, "df2": %d, "p": %s},\n',
            num(t4[["F"]]), t4[["df1"]], t4[["df2"]], num(t4[["p"]])))
cat(sprintf('    {"model": "linear", "F": %s, "df1": %d, "df2": %d, "p": %s}\n',
            num(tl[["F"]]), tl[["df1"]], tl[["df2"]], num(tl[["p"]])))
cat("  ],\n")

hook <- read.csv("tests/data/bad/elisa-hook.csv", stringsAsFactors = FALSE)
std <- hook[hook$type == "standard", ]
levels <- sort(unique(std$conc))
means <- sapply(levels, function(x) mean(std$response[std$conc == x]))
sds <- sapply(levels, function(x) sd(std$response[std$conc == x]))
# nls does not converge on these standards (its start sits on the hook); the direction of
# the curve is then that of the rank correlation of response on concentration.
h <- tryCatch(fit4(std$conc, std$response), error = function(e) NULL)
rising <- if (is.null(h)) cor(std$conc, std$response, method = "spearman") > 0 else
  (coef(h)[["top"]] - coef(h)[["bottom"]]) * coef(h)[["hill"]] > 0
span <- max(means) - min(means)
warnings <- character(0)
for (k in seq_along(levels)[-1]) {
  step <- (means[k] - means[k - 1]) * if (rising) 1 else -1
  if (step < 0 && -step > 2 * max(sds[k], sds[k - 1]) && -step > 0.02 * span)
    warnings <- c(warnings, sprintf(paste0(
      "The standards do not rise with concentration: the standard at %g responds %.4g, ",
      "less than %.4g at %g. A hook effect or a mislabelled well? Check the plate map, or ",
      "exclude the level."), levels[k], means[k], means[k - 1], levels[k - 1]))
}
cat(sprintf('  "hook_rising": %s,\n', if (rising) "true" else "false"))
cat('  "hook_warnings": [\n')
cat(paste0('    "', warnings, '"', collapse = ",\n"), "\n")
cat("  ]\n}\n")
