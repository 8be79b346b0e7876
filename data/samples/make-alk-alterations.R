# make-alk-alterations.R — co-alterations of the synthetic ALK cohort, one column per gene
#
# Run from data/samples after make-synthetic-samples.R:  Rscript make-alk-alterations.R
# Reads alk-cohort.csv and writes alk-alterations.csv: patient_id, then one column per gene
# holding the alteration type ("none" = not altered).  TP53 is copied from the cohort; the
# other genes are simulated with a fixed seed at frequencies reported for ALK-rearranged
# NSCLC (CDKN2A/B loss the commonest after TP53 and enriched in TP53-mutant tumours; PIK3CA,
# MYC, EGFR and KRAS rare, KRAS never with a CDKN2A loss here so that one pair leans towards
# mutual exclusivity).  The cohort file itself is left untouched.
#
# SPDX-License-Identifier: GPL-3.0-or-later

alk <- read.csv("alk-cohort.csv", stringsAsFactors = FALSE)
n <- nrow(alk)
set.seed(20260923)

tp53_mut <- alk$tp53_mutation_type != "none"
draw <- function(p) runif(n) < p

cdkn2a <- ifelse(draw(ifelse(tp53_mut, 0.42, 0.10)), "deletion", "none")
pik3ca <- ifelse(draw(0.05), sample(c("missense", "missense", "amplification"), n, TRUE), "none")
myc <- ifelse(draw(ifelse(tp53_mut, 0.13, 0.03)), "amplification", "none")
egfr <- ifelse(draw(0.03), "amplification", "none")
kras <- ifelse(draw(0.04) & cdkn2a == "none", "missense", "none")

out <- data.frame(patient_id = alk$patient_id,
                  tp53 = alk$tp53_mutation_type,
                  cdkn2a = cdkn2a,
                  pik3ca = pik3ca,
                  myc = myc,
                  egfr = egfr,
                  kras = kras,
                  stringsAsFactors = FALSE)
write.csv(out, "alk-alterations.csv", row.names = FALSE)
