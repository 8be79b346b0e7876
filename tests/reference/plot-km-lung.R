# Kaplan–Meier fit of survival::lung by sex (log-log CI, as Oncobench's default), with the
# log-rank test and the Cox hazard ratio, for the figure tests in tests/plot/test-km-plot.c.
# The figure tests build their fit from these rows, and check the at-risk table against
# the counts below.
# Run: Rscript tests/reference/plot-km-lung.R
# Writes plot-km-lung-steps.csv, plot-km-lung-stats.csv and plot-km-lung-risk.csv here.
suppressPackageStartupMessages(library(survival))

d <- lung
d$sex <- factor(d$sex, levels = 1:2, labels = c("Male", "Female"))
fit <- survfit(Surv(time, status) ~ sex, data = d, conf.type = "log-log")
groups <- rep(levels(d$sex), fit$strata)

steps <- data.frame(group = groups, time = fit$time, n_risk = fit$n.risk,
                    n_event = fit$n.event, n_censor = fit$n.censor, surv = fit$surv,
                    std_err = fit$std.err * fit$surv, lower = fit$lower, upper = fit$upper)
write.csv(steps, "plot-km-lung-steps.csv", row.names = FALSE, na = "NA")

tab <- summary(fit)$table
sd <- survdiff(Surv(time, status) ~ sex, data = d)
cx <- summary(coxph(Surv(time, status) ~ sex, data = d))
stats <- data.frame(
  key = c("n_Male", "n_Female", "events_Male", "events_Female",
          "median_Male", "median_Male_lower", "median_Male_upper",
          "median_Female", "median_Female_lower", "median_Female_upper",
          "logrank_chisq", "logrank_p", "hr", "hr_lower", "hr_upper", "coef", "se"),
  value = c(tab[, "records"], tab[, "events"],
            tab[1, c("median", "0.95LCL", "0.95UCL")], tab[2, c("median", "0.95LCL", "0.95UCL")],
            sd$chisq, pchisq(sd$chisq, length(sd$n) - 1, lower.tail = FALSE),
            cx$conf.int[1, "exp(coef)"], cx$conf.int[1, "lower .95"],
            cx$conf.int[1, "upper .95"], cx$coefficients[1, "coef"],
            cx$coefficients[1, "se(coef)"]))
write.csv(format(stats, digits = 17), "plot-km-lung-stats.csv", row.names = FALSE, quote = FALSE)

# At risk = time >= t; events and censored strictly before t: they add up to n (KMunicate).
times <- seq(0, 1500, by = 50)
risk <- do.call(rbind, lapply(levels(d$sex), function(g) {
  s <- d[d$sex == g, ]
  data.frame(group = g, time = times,
             at_risk = sapply(times, function(t) sum(s$time >= t)),
             censored = sapply(times, function(t) sum(s$time < t & s$status == 1)),
             events = sapply(times, function(t) sum(s$time < t & s$status == 2)),
             summary_n_risk = summary(fit[g == levels(d$sex)], times = times,
                                      extend = TRUE)$n.risk)
}))
stopifnot(all(risk$at_risk == risk$summary_n_risk))
write.csv(risk[, 1:5], "plot-km-lung-risk.csv", row.names = FALSE, quote = FALSE)
print(stats)
