# make-synthetic-samples.R — the synthetic sample datasets shipped with Oncobench
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Every set is simulated (no patient or animal data), shaped like the studies Oncobench is
# built for, with a fixed seed so the files are reproducible byte for byte:
#
#   cd data/samples && Rscript make-synthetic-samples.R
#
# Each section reseeds, so changing one dataset leaves the others unchanged.

out_dir <- "."
write_sample <- function(df, name) {
  write.csv(df, file.path(out_dir, name), row.names = FALSE, na = "", quote = TRUE,
            fileEncoding = "UTF-8")
}

## ALK-rearranged NSCLC cohort -------------------------------------------------------------
# 124 patients, TP53 co-mutation in 31 (20 missense, 8 frameshift, 3 nonsense); 90 received
# alectinib first line.  PFS is Weibull with a hazard ratio of about 3 for TP53-mutant
# against wild-type tumours (0.33 the other way round), median about 12 months for mutant
# tumours, so the wild-type curve stays above 0.5 within follow-up.  Patients enter over
# three years and the data are cut at a fixed date, which censors administratively.  With 21
# mutant patients a draw can land far from the study's figures; this seed is one whose
# first-line alectinib subgroup resembles them (mutant median near 11.7 months, wild-type
# not reached, log-rank p < 0.005, HR near 0.33).
set.seed(20190770)
n <- 124
tp53_type <- sample(c(rep("missense", 20), rep("frameshift", 8), rep("nonsense", 3),
                      rep("none", n - 31)))
tp53_status <- ifelse(tp53_type == "none", "wild-type", "mutant")
# 90 first-line alectinib; the rest had chemotherapy or crizotinib first, or alectinib later.
line <- integer(n)
treatment <- character(n)
idx_first <- sample(n, 90)
line[idx_first] <- 1L
treatment[idx_first] <- "alectinib"
rest <- setdiff(seq_len(n), idx_first)
line[rest] <- sample(c(1L, 2L, 3L), length(rest), replace = TRUE, prob = c(0.35, 0.5, 0.15))
treatment[rest] <- ifelse(line[rest] == 1L,
                          sample(c("crizotinib", "platinum doublet"), length(rest), TRUE),
                          "alectinib")
age <- round(pmin(pmax(rnorm(n, 60, 11), 28), 86))
sex <- sample(c("female", "male"), n, replace = TRUE, prob = c(0.55, 0.45))
stage <- sample(c("IIIB", "IIIC", "IVA", "IVB", "recurrent"), n, replace = TRUE,
                prob = c(0.06, 0.04, 0.35, 0.40, 0.15))
smoking <- sample(c("never", "former", "current"), n, replace = TRUE,
                  prob = c(0.62, 0.30, 0.08))

weibull_times <- function(median, shape, n) {
  scale <- median / log(2)^(1 / shape)
  rweibull(n, shape = shape, scale = scale)
}
shape <- 1.2
hr_mut <- 3.5
median_wt <- 11.7 * hr_mut^(1 / shape)
# Later lines progress sooner.
line_factor <- c(1, 0.7, 0.5)[line]
pfs_median <- ifelse(tp53_status == "mutant", 11.7, median_wt) * line_factor
pfs_true <- weibull_times(pfs_median, shape, n)
os_true <- pfs_true + weibull_times(ifelse(tp53_status == "mutant", 14, 30), 1.1, n)
follow_up <- runif(n, 6, 36)          # months from start of treatment to the data cut-off
dropout <- rexp(n, 1 / 200)           # rare loss to follow-up
cens <- pmin(follow_up, dropout)
pfs_months <- round(pmin(pfs_true, cens), 1)
pfs_event <- as.integer(pfs_true <= cens)
os_months <- round(pmin(os_true, cens), 1)
os_event <- as.integer(os_true <= cens)
# A recorded time of 0.0 would be an artefact of rounding.
pfs_months <- pmax(pfs_months, 0.1)
os_months <- pmax(os_months, pfs_months)

alk <- data.frame(
  patient_id = sprintf("ALK%03d", seq_len(n)),
  age = age,
  sex = sex,
  stage = stage,
  smoking = smoking,
  line_of_therapy = line,
  tp53_status = tp53_status,
  tp53_mutation_type = tp53_type,
  treatment = treatment,
  pfs_months = pfs_months,
  pfs_event = pfs_event,
  os_months = os_months,
  os_event = os_event,
  stringsAsFactors = FALSE)
# A couple of unknown smoking histories, as real registries have.
alk$smoking[sample(n, 3)] <- NA
write_sample(alk, "alk-cohort.csv")

# Japanese copy in CP932 (Shift_JIS as Windows Excel writes it).
ja_map <- function(x, from, to) unname(setNames(to, from)[x])
alk_ja <- data.frame(
  "患者ID" = alk$patient_id,
  "年齢" = alk$age,
  "性別" = ja_map(alk$sex, c("female", "male"), c("女", "男")),
  "病期" = alk$stage,
  "喫煙歴" = ja_map(alk$smoking, c("never", "former", "current"), c("なし", "過去", "現在")),
  "治療ライン" = alk$line_of_therapy,
  "TP53状態" = ja_map(alk$tp53_status, c("wild-type", "mutant"), c("野生型", "変異型")),
  "TP53変異タイプ" = ja_map(alk$tp53_mutation_type,
                        c("missense", "frameshift", "nonsense", "none"),
                        c("ミスセンス", "フレームシフト", "ナンセンス", "なし")),
  "治療" = ja_map(alk$treatment, c("alectinib", "crizotinib", "platinum doublet"),
                c("アレクチニブ", "クリゾチニブ", "プラチナ併用療法")),
  "無増悪生存期間_月" = alk$pfs_months,
  "増悪" = alk$pfs_event,
  "全生存期間_月" = alk$os_months,
  "死亡" = alk$os_event,
  check.names = FALSE, stringsAsFactors = FALSE)
tmp <- tempfile(fileext = ".csv")
write.csv(alk_ja, tmp, row.names = FALSE, na = "", fileEncoding = "UTF-8")
status <- system2("iconv", c("-f", "UTF-8", "-t", "CP932", shQuote(tmp)),
                  stdout = file.path(out_dir, "alk-cohort-ja.csv"))
stopifnot(status == 0)
unlink(tmp)

## ELISA plate: amphiregulin standard curve and supernatants --------------------------------
# Standards 1000 pg/mL down an 8-point 2-fold series in duplicate, two blanks, and cell
# supernatants in duplicate at one or two dilutions.  Optical density follows a 4PL above
# the blank background with a 4% CV.
set.seed(20190602)
fourpl <- function(x, bottom, top, ec50, hill) bottom + (top - bottom) / (1 + (x / ec50)^(-hill))
background <- 0.045
conc_std <- 1000 / 2^(0:7)
samples <- data.frame(
  sample = c("H3122 parental", "H3122 AR", "H2228 parental", "H2228 AR", "A925L parental",
             "A925L LMC-AR", "A925L LMC-AR"),
  group = c("parental", "alectinib-resistant", "parental", "alectinib-resistant",
            "parental", "alectinib-resistant", "alectinib-resistant"),
  true_conc = c(60, 420, 45, 180, 30, 1900, 1900),
  dilution = c(1, 1, 1, 1, 1, 4, 8),
  stringsAsFactors = FALSE)
rows <- list()
rows[[1]] <- data.frame(sample = sprintf("S%d", rep(1:8, each = 2)), type = "standard",
                        conc = rep(conc_std, each = 2), dilution = 1, group = NA,
                        true_conc = rep(conc_std, each = 2), stringsAsFactors = FALSE)
rows[[2]] <- data.frame(sample = "blank", type = "blank", conc = NA, dilution = 1, group = NA,
                        true_conc = 0, stringsAsFactors = FALSE)[c(1, 1), ]
rows[[3]] <- data.frame(sample = samples$sample[rep(1:7, each = 2)], type = "sample",
                        conc = NA, dilution = samples$dilution[rep(1:7, each = 2)],
                        group = samples$group[rep(1:7, each = 2)],
                        true_conc = (samples$true_conc / samples$dilution)[rep(1:7, each = 2)],
                        stringsAsFactors = FALSE)
plate <- do.call(rbind, rows)
mean_od <- background + fourpl(plate$true_conc, 0, 2.9, 310, 1.15)
plate$response <- round(mean_od * exp(rnorm(nrow(plate), 0, 0.04)), 3)
# Plate layout: column-wise from A1, duplicates in adjacent columns of the same row.
nw <- nrow(plate)
pair <- (seq_len(nw) + 1) %/% 2
plate$well <- sprintf("%s%d", LETTERS[((pair - 1) %% 8) + 1],
                      2 * ((pair - 1) %/% 8) + 1 + (seq_len(nw) + 1) %% 2)
elisa <- plate[, c("well", "sample", "type", "conc", "response", "dilution", "group")]
write_sample(elisa, "elisa-plate.csv")

# The same plate as a plate reader exports it: a text file with the instrument's header lines
# and one 8 x 12 block per wavelength (450 nm, then the 570 nm reference), tab-separated, plus
# the plate map that says what each well holds (syntax in README.md).  Unused wells read the
# background; drawing them after the plate keeps elisa-plate.csv as it was.
grid <- matrix(round(background * exp(rnorm(96, 0, 0.04)), 3), 8, 12)
ref <- matrix(round(0.04 * exp(rnorm(96, 0, 0.05)), 3), 8, 12)
layout <- matrix("", 8, 12)
groups <- matrix("", 8, 12)
rc <- cbind(match(substr(plate$well, 1, 1), LETTERS), as.integer(substring(plate$well, 2)))
grid[rc] <- plate$response
first_of <- !duplicated(plate$sample)
layout[rc] <- ifelse(plate$type == "standard",
                     ifelse(first_of, sprintf("%s-%s", plate$sample, as.character(plate$conc)),
                            plate$sample),
                     ifelse(plate$type == "blank", "blank",
                            ifelse(plate$dilution > 1,
                                   sprintf("%s x%d", plate$sample, plate$dilution),
                                   plate$sample)))
groups[rc] <- ifelse(is.na(plate$group), "", plate$group)
block <- function(m, corner) {
  c(paste(c(corner, 1:12), collapse = "\t"),
    vapply(1:8, function(i) paste(c(LETTERS[i], m[i, ]), collapse = "\t"), ""))
}
writeLines(c("Software Version\t3.11.19", "Experiment File Path:\tAREG ELISA.xpt",
             "Plate Number\tPlate 1", "Date\t2019-06-02", "Reader Type:\tSynergy H1", "",
             "Read 1:450", "", block(format(grid, nsmall = 3), ""), "",
             "Read 2:570", "", block(format(ref, nsmall = 3), ""), ""),
           file.path(out_dir, "elisa-plate-grid.txt"))
csv_block <- function(m) {
  q <- function(x) ifelse(x == "", "", paste0('"', x, '"'))
  c(paste(c("", 1:12), collapse = ","),
    vapply(1:8, function(i) paste(c(LETTERS[i], q(m[i, ])), collapse = ","), ""))
}
writeLines(c("Layout", csv_block(layout), "", "Group", csv_block(groups)),
           file.path(out_dir, "elisa-plate-map.txt"))

## Amphiregulin in cerebrospinal fluid ------------------------------------------------------
# 73 patients in three groups; log-normal concentrations, high with ALK-TKI resistance.
set.seed(20190603)
n_grp <- c("ALK-TKI-resistant LMC" = 11, "EGFR-TKI-resistant LMC" = 27, "no LMC" = 35)
grp <- rep(names(n_grp), n_grp)
meanlog <- c("ALK-TKI-resistant LMC" = log(95), "EGFR-TKI-resistant LMC" = log(22),
             "no LMC" = log(12))[grp]
areg <- round(exp(rnorm(length(grp), meanlog, 0.75)), 1)
csf <- data.frame(patient_id = sprintf("CSF%03d", seq_along(grp)), group = grp,
                  areg_pg_ml = areg, stringsAsFactors = FALSE)
csf <- csf[sample(nrow(csf)), ]
csf$patient_id <- sprintf("CSF%03d", seq_len(nrow(csf)))
write_sample(csf, "csf-areg.csv")

## Apoptosis of ALK-positive cell lines -----------------------------------------------------
# % apoptotic cells after 72 h; the TP53-mutant line resists alectinib alone but not the
# combination with ixazomib.
set.seed(20190604)
cells <- data.frame(cell_line = c("H3122", "H2228"), tp53 = c("wild-type", "mutant"),
                    stringsAsFactors = FALSE)
treatments <- c("control", "alectinib", "ixazomib", "alectinib + ixazomib")
base <- rbind(c(5, 38, 12, 55),     # H3122
              c(6, 12, 14, 41))     # H2228
apo <- expand.grid(replicate = 1:3, treatment = treatments, cell_line = cells$cell_line,
                   stringsAsFactors = FALSE)
mu <- base[cbind(match(apo$cell_line, cells$cell_line), match(apo$treatment, treatments))]
apo$tp53 <- cells$tp53[match(apo$cell_line, cells$cell_line)]
apo$apoptosis_pct <- round(pmax(mu + rnorm(nrow(apo), 0, 0.08 * mu + 1), 0.5), 1)
apo <- apo[, c("cell_line", "tp53", "treatment", "replicate", "apoptosis_pct")]
write_sample(apo, "apoptosis.csv")

## Subcutaneous xenografts ------------------------------------------------------------------
# 8 SCID mice per arm; exponential growth with a per-mouse rate; calipers measure length and
# width with 0.3 mm error.  A mouse leaves the study at its first volume ≥ 1500 mm³.
set.seed(20190605)
arms <- c("vehicle", "alectinib", "ixazomib", "combination")
rate_mean <- c(vehicle = 0.085, alectinib = 0.045, ixazomib = 0.065, combination = 0.004)
days <- c(0, 3, 7, 10, 14, 17, 21, 24, 28)
xeno <- list()
for (a in seq_along(arms)) {
  for (m in 1:8) {
    id <- sprintf("M%02d", (a - 1) * 8 + m)
    v0 <- exp(rnorm(1, log(150), 0.15))
    rate <- rnorm(1, rate_mean[[arms[a]]], 0.015)
    ratio <- runif(1, 1.2, 1.7)
    for (d in days) {
      v <- v0 * exp(rate * d) * exp(rnorm(1, 0, 0.05))
      w <- (2 * v / ratio)^(1 / 3)
      len <- round(ratio * w + rnorm(1, 0, 0.3), 1)
      wid <- round(w + rnorm(1, 0, 0.3), 1)
      xeno[[length(xeno) + 1]] <- data.frame(mouse = id, arm = arms[a], day = d,
                                             length_mm = len, width_mm = wid,
                                             stringsAsFactors = FALSE)
      if (len * wid^2 / 2 >= 1500)
        break
    }
  }
}
xeno <- do.call(rbind, xeno)
write_sample(xeno, "xenograft.csv")

## Bioluminescence in the leptomeningeal model ----------------------------------------------
# Luciferase photon flux grows log-linearly; a mouse reaches its humane endpoint near
# 1e10 photons/s; the study ends at day 100 (censored survivors).
set.seed(20190606)
bli_groups <- c("vehicle", "alectinib", "alectinib + ixazomib")
slope <- c(vehicle = 0.085, alectinib = 0.060, "alectinib + ixazomib" = 0.038)
bli <- list()
for (g in seq_along(bli_groups)) {
  for (m in 1:8) {
    id <- sprintf("L%02d", (g - 1) * 8 + m)
    start <- rnorm(1, 5.1, 0.2)                     # log10 flux on day 0
    s <- rnorm(1, slope[[bli_groups[g]]], 0.01)
    death <- (rnorm(1, 9.9, 0.15) - start) / s
    event <- as.integer(death <= 100)
    death_day <- if (event == 1L) round(death) else 100
    for (d in seq(0, 98, by = 7)) {
      if (d > death_day)
        break
      flux <- 10^(start + s * d + rnorm(1, 0, 0.12))
      bli[[length(bli) + 1]] <- data.frame(mouse = id, group = bli_groups[g], day = d,
                                           flux = signif(flux, 3), death_day = death_day,
                                           event = event, stringsAsFactors = FALSE)
    }
  }
}
bli <- do.call(rbind, bli)
write_sample(bli, "bli.csv")

## DNase ELISA (base R) ---------------------------------------------------------------------
# Real data: the validation set for standard-curve fits.
dnase <- data.frame(run = as.character(DNase$Run), conc = DNase$conc, density = DNase$density,
                    stringsAsFactors = FALSE)
write_sample(dnase, "dnase.csv")
