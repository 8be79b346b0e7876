# growth.R — expected tumour growth statistics on data/samples/xenograft.csv and bli.csv.
#
# Run from the source root:  Rscript tests/reference/growth.R > tests/reference/growth.json
# Also writes tests/data/growth/xenograft-wide.csv: the same calipers as one row per mouse and
# one volume column per day (empty after a mouse left the study), as Prism keeps them; and
# tests/data/growth/xenograft-weight.csv: the volumes with a simulated body weight (seed 7).
#
# Definitions (DOMAIN.md, "Tumour growth"), written out here step by step:
# - volume = L × W² / 2; arms sorted as C strcmp sorts them; the control is "vehicle";
# - per arm and day over the mice measured that day: n, mean, sd, sem = sd / √n, median;
#   sd and sem are null when n = 1; relative volume = V / V0, V0 the mouse's first volume;
# - %TGI(t) = 100 (1 − (mean_T(t) − mean_T(0)) / (mean_C(t) − mean_C(0))), T/C = 100 mean_T /
#   mean_C; default t: the last day on which every arm has all its mice;
# - mRECIST: ΔVol = 100 (V − V0) / V0; BR = min ΔVol for day ≥ 10; BAR = min over the same days
#   of the running mean of ΔVol from day 0 (included); categories as Gao et al. 2015;
# - growth rate = slope of lm(log(V) ~ day) per mouse; AUC by trapezoids; anova(lm(rate ~ arm));
#   each arm against the control with pairwise.t.test(pool.sd = TRUE, p.adjust = "none"),
#   then p.adjust(method = "holm") over those k − 1 p values;
# - time to endpoint: first day V ≥ 1000 mm³ (event), else censored at the last measurement;
#   survdiff(Surv(time, event) ~ arm);
# - bioluminescence: log10 flux, flux ≤ 1e5 photons/s censored (not in n, mean or sd);
#   endpoint from death_day / event (first row of each mouse), survdiff;
# - mixed model: lme(log(volume) ~ arm * day, random = ~ day | mouse), REML, arms as
#   treatment contrasts against the control; summary()$tTable, anova(), VarCorr();
# - repeated-measures ANOVA: the mice measured on every day (here all nine days keep the most
#   mice × days), summary(aov(volume ~ arm * factor(day) + Error(mouse / factor(day))));
# - body weight: per arm and day as the volume; % change = 100 (W − W0) / W0, W0 the first.

options(warn = 1)
suppressPackageStartupMessages(library(survival))
suppressPackageStartupMessages(library(nlme))
num <- function(x) ifelse(is.finite(x), sprintf("%.17g", x), "null")
qs <- function(x) paste0('"', x, '"')
obj <- function(...) {
  kv <- list(...)
  paste0("{", paste(sprintf('"%s": %s', names(kv), unlist(kv)), collapse = ", "), "}")
}
arr <- function(items) paste0("[\n    ", paste(items, collapse = ",\n    "), "\n  ]")

x <- read.csv("data/samples/xenograft.csv", stringsAsFactors = FALSE)
x$volume <- x$length_mm * x$width_mm^2 / 2
arms <- sort(unique(x$arm), method = "radix")
x$arm <- factor(x$arm, levels = arms)
x <- x[order(x$mouse, x$day), ]
control <- "vehicle"
days <- sort(unique(x$day))

summ <- function(d, value) {
  out <- character(0)
  for (a in levels(d$arm)) for (t in days) {
    v <- value[d$arm == a & d$day == t & !is.na(value)]
    if (length(v) == 0) next
    s <- if (length(v) > 1) sd(v) else NA
    out <- c(out, obj(group = qs(a), time = num(t), n = length(v), mean = num(mean(v)),
                      sd = num(s), sem = num(s / sqrt(length(v))), median = num(median(v))))
  }
  out
}

v0 <- ave(x$volume, x$mouse, FUN = function(v) v[1])
x$relative <- x$volume / v0

# TGI
n_mice <- tapply(x$mouse, x$arm, function(m) length(unique(m)))
n_at <- function(t) sapply(arms, function(a) sum(x$arm == a & x$day == t))
complete <- sapply(days[-1], function(t) all(n_at(t) == n_mice))
tgi_default <- max(days[-1][complete])
m_at <- function(t) sapply(arms, function(a) mean(x$volume[x$arm == a & x$day == t]))
tgi <- function(t) {
  m0 <- m_at(days[1]); mt <- m_at(t)
  dc <- mt[[control]] - m0[[control]]
  sapply(arms, function(a) obj(group = qs(a),
                               tgi_pct = num(if (a == control) NA else
                                 100 * (1 - (mt[[a]] - m0[[a]]) / dc)),
                               tc_pct = num(if (a == control) NA else 100 * mt[[a]] / mt[[control]])))
}

# Per mouse: mRECIST, rate, AUC, endpoint
mice <- sort(unique(x$mouse), method = "radix")
per <- do.call(rbind, lapply(mice, function(id) {
  d <- x[x$mouse == id, ]
  dv <- 100 * (d$volume - d$volume[1]) / d$volume[1]
  avg <- cumsum(dv) / seq_along(dv)
  w <- d$day - d$day[1] >= 10
  br <- if (any(w)) min(dv[w]) else NA
  bar <- if (any(w)) min(avg[w]) else NA
  cat <- if (is.na(br)) NA else if (br < -95 && bar < -40) "mCR" else
    if (br < -50 && bar < -20) "mPR" else if (br < 35 && bar < 30) "mSD" else "mPD"
  rate <- unname(coef(lm(log(volume) ~ day, data = d))[2])
  auc <- sum(diff(d$day) * (head(d$volume, -1) + tail(d$volume, -1)) / 2)
  hit <- which(d$volume >= 1000)
  data.frame(mouse = id, arm = as.character(d$arm[1]), br = br, bar = bar,
             category = ifelse(is.na(cat), "", cat), rate = rate, auc = auc,
             ep_time = if (length(hit)) d$day[hit[1]] else max(d$day),
             ep_event = as.integer(length(hit) > 0), stringsAsFactors = FALSE)
}))
per$arm <- factor(per$arm, levels = arms)
fit <- anova(lm(rate ~ arm, data = per))
pw <- pairwise.t.test(per$rate, per$arm, p.adjust.method = "none", pool.sd = TRUE)$p.value
others <- setdiff(arms, control)
p_raw <- sapply(others, function(a) if (a %in% rownames(pw) && control %in% colnames(pw))
  pw[a, control] else pw[control, a])
p_holm <- p.adjust(p_raw, "holm")
means <- tapply(per$rate, per$arm, mean)
sd_pooled <- sqrt(fit[["Mean Sq"]][2])
vs <- sapply(others, function(a) {
  se <- sd_pooled * sqrt(1 / sum(per$arm == a) + 1 / sum(per$arm == control))
  d <- means[[a]] - means[[control]]
  obj(group = qs(a), diff = num(d), se = num(se), t = num(d / se), df = num(fit$Df[2]),
      p = num(p_raw[[a]]), p_adj = num(p_holm[[a]]))
})
sd_ep <- survdiff(Surv(ep_time, ep_event) ~ arm, data = per)

# Mixed model on ln volume, the control as reference.
xm <- x
xm$arm <- relevel(xm$arm, control)
mm <- lme(log(volume) ~ arm * day, random = ~ day | mouse, data = xm, method = "REML",
          control = lmeControl(maxIter = 500, msMaxIter = 500, tolerance = 1e-12, msTol = 1e-14))
tt <- summary(mm)$tTable
av <- anova(mm)
vc <- VarCorr(mm)
mm_coef <- sapply(seq_len(nrow(tt)), function(i)
  obj(name = qs(rownames(tt)[i]), estimate = num(tt[i, "Value"]), se = num(tt[i, "Std.Error"]),
      df = num(tt[i, "DF"]), t = num(tt[i, "t-value"]), p = num(tt[i, "p-value"])))
mm_anova <- sapply(seq_len(nrow(av)), function(i)
  obj(term = qs(rownames(av)[i]), num_df = num(av$numDF[i]), den_df = num(av$denDF[i]),
      F = num(av[["F-value"]][i]), p = num(av[["p-value"]][i])))

# Bioluminescence
b <- read.csv("data/samples/bli.csv", stringsAsFactors = FALSE)
bli_groups <- sort(unique(b$group), method = "radix")
b$group <- factor(b$group, levels = bli_groups)
b$cens <- b$flux <= 1e5
b$lf <- ifelse(b$cens, NA, log10(b$flux))
bli_rows <- character(0)
for (g in bli_groups) for (t in sort(unique(b$day))) {
  sel <- b$group == g & b$day == t
  if (!any(sel)) next
  v <- b$lf[sel & !b$cens]
  s <- if (length(v) > 1) sd(v) else NA
  bli_rows <- c(bli_rows, obj(group = qs(g), time = num(t), n = length(v),
                              n_censored = sum(b$cens[sel]),
                              mean = num(if (length(v)) mean(v) else NA), sd = num(s),
                              sem = num(s / sqrt(length(v))),
                              median = num(if (length(v)) median(v) else NA)))
}
first <- b[!duplicated(b$mouse), ]
sd_bli <- survdiff(Surv(death_day, event) ~ group, data = first)

# The wide copy of the calipers, for the wide-form reader.
wide <- data.frame(mouse = mice, arm = as.character(per$arm), stringsAsFactors = FALSE)
for (t in days) wide[[paste("day", t)]] <- sapply(mice, function(id) {
  v <- x$volume[x$mouse == id & x$day == t]
  if (length(v)) sprintf("%.17g", v) else ""
})
dir.create("tests/data/growth", showWarnings = FALSE, recursive = TRUE)
write.csv(wide, "tests/data/growth/xenograft-wide.csv", row.names = FALSE, na = "", quote = 1:2)

# Repeated-measures ANOVA on the complete mice.
complete_mice <- names(which(table(x$mouse) == length(days)))
xr <- x[x$mouse %in% complete_mice, ]
xr$fday <- factor(xr$day)
xr$mouse <- factor(xr$mouse)
rm_fit <- summary(aov(volume ~ arm * fday + Error(mouse / fday), data = xr))
rm_rows <- character(0)
for (stratum in names(rm_fit)) {
  tab <- rm_fit[[stratum]][[1]]
  for (i in seq_len(nrow(tab))) {
    term <- sub("fday", "day", trimws(rownames(tab)[i]))
    rm_rows <- c(rm_rows, obj(term = qs(term), df = num(tab$Df[i]), ss = num(tab[["Sum Sq"]][i]),
                              F = num(tab[["F value"]][i]), p = num(tab[["Pr(>F)"]][i])))
  }
}

# Body weight: the combination loses a little, the others gain.
set.seed(7)
w0 <- setNames(round(rnorm(length(mice), 20, 1.5), 1), mice)
loss <- c(vehicle = 0.004, alectinib = 0.002, ixazomib = 0.0, combination = -0.006)
xw <- x[order(x$mouse, x$day), c("mouse", "arm", "day", "volume")]
xw$weight_g <- round(w0[xw$mouse] * (1 + loss[as.character(xw$arm)] * xw$day) +
                     rnorm(nrow(xw), 0, 0.3), 1)
write.csv(data.frame(mouse = xw$mouse, arm = as.character(xw$arm), day = xw$day,
                     volume = sprintf("%.17g", xw$volume), weight_g = xw$weight_g),
          "tests/data/growth/xenograft-weight.csv", row.names = FALSE, quote = 1:2)
xw$change <- 100 * (xw$weight_g - ave(xw$weight_g, xw$mouse, FUN = function(w) w[1])) /
  ave(xw$weight_g, xw$mouse, FUN = function(w) w[1])

cat("{\n")
cat('  "arms": [', paste(qs(arms), collapse = ", "), '], "control": "vehicle",\n', sep = "")
cat('  "summary": ', arr(summ(x, x$volume)), ",\n", sep = "")
cat('  "relative": ', arr(summ(x, x$relative)), ",\n", sep = "")
cat('  "tgi_default": {"time": ', num(tgi_default), ', "groups": ', arr(tgi(tgi_default)),
    "},\n", sep = "")
cat('  "tgi_day14": {"time": 14, "groups": ', arr(tgi(14)), "},\n", sep = "")
cat('  "mice": ', arr(sprintf(
  '{"subject": "%s", "group": "%s", "best_response": %s, "best_avg_response": %s, "category": %s, "rate": %s, "auc": %s, "endpoint_time": %s, "endpoint_event": %d}',
  per$mouse, per$arm, num(per$br), num(per$bar),
  ifelse(per$category == "", "null", qs(per$category)), num(per$rate), num(per$auc),
  num(per$ep_time), per$ep_event)), ",\n", sep = "")
cat('  "anova": ', obj(F = num(fit[["F value"]][1]), df1 = num(fit$Df[1]), df2 = num(fit$Df[2]),
                      p = num(fit[["Pr(>F)"]][1])), ",\n", sep = "")
cat('  "vs_control": ', arr(vs), ",\n", sep = "")
cat('  "endpoint": ', obj(volume = 1000, events = sum(per$ep_event), chisq = num(sd_ep$chisq),
                         df = length(sd_ep$n) - 1,
                         p = num(pchisq(sd_ep$chisq, length(sd_ep$n) - 1, lower.tail = FALSE))),
    ",\n", sep = "")
cat('  "mixed_model": {"coefficients": ', arr(mm_coef), ', "anova": ', arr(mm_anova),
    ', "sd_intercept": ', num(as.numeric(vc[1, "StdDev"])),
    ', "sd_slope": ', num(as.numeric(vc[2, "StdDev"])),
    ', "sigma": ', num(mm$sigma), ', "loglik": ', num(as.numeric(logLik(mm))), "},\n", sep = "")
cat('  "rm_anova": {"n_subjects": ', length(complete_mice), ', "dropped": ',
    length(mice) - length(complete_mice), ', "rows": ', arr(rm_rows), "},\n", sep = "")
cat('  "weight": ', arr(summ(xw, xw$weight_g)), ",\n", sep = "")
cat('  "weight_change": ', arr(summ(xw, xw$change)), ",\n", sep = "")
cat('  "bli_background": 1e5,\n')
cat('  "bli_summary": ', arr(bli_rows), ",\n", sep = "")
cat('  "bli_endpoint": ', obj(events = sum(first$event), chisq = num(sd_bli$chisq),
                             df = length(sd_bli$n) - 1,
                             p = num(pchisq(sd_bli$chisq, length(sd_bli$n) - 1,
                                            lower.tail = FALSE))), "\n", sep = "")
cat("}\n")
