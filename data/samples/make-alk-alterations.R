# make-alk-alterations.R — co-alterations of the synthetic ALK cohort, one column per gene
#
# Run from data/samples after make-synthetic-samples.R:  Rscript make-alk-alterations.R
# Reads alk-cohort.csv and writes alk-alterations.csv: patient_id, then one column per gene
# holding the alteration type ("none" = not altered).  TP53 is copied from the cohort; the
# other genes are simulated with a fixed seed at frequencies reported for ALK-rearranged
# NSCLC (CDKN2A/B loss the commonest after TP53 and enriched in TP53-mutant tumours; PIK3CA,
# MYC, EGFR and KRAS rare, KRAS never with a CDKN2A loss here so that one pair leans towards
# mutual exclusivity).  The same gene columns (but TP53, already there as
# tp53_mutation_type) are then appended to alk-cohort.csv and its CP932 twin
# alk-cohort-ja.csv, so that the cohort shows its own landscape; the lines are extended as
# text, which keeps every existing column byte for byte, and running the script again
# replaces the appended columns rather than adding more.
#
# SPDX-License-Identifier: GPL-3.0-or-later

alk <- read.csv("alk-cohort.csv", stringsAsFactors = FALSE)[, 1:13]
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

genes <- c("cdkn2a", "pik3ca", "myc", "egfr", "kras")
append_genes <- function(path, encoding) {
  con <- file(path, encoding = encoding)
  lines <- readLines(con)
  close(con)
  stopifnot(length(lines) == n + 1)
  # Drop what an earlier run appended: the last five quoted fields after the 13th column.
  if (grepl('"kras"$', lines[1]))
    lines <- sub('(,"[^",]*"){5}$', "", lines)
  cells <- cbind(genes, t(as.matrix(out[genes])))
  suffix <- apply(cells, 2, function(x) paste0(',"', x, '"', collapse = ""))
  con <- file(path, "w", encoding = encoding)
  writeLines(paste0(lines, suffix), con)
  close(con)
}
append_genes("alk-cohort.csv", "UTF-8")
append_genes("alk-cohort-ja.csv", "CP932")
