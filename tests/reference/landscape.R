# landscape.R — reference values for src/core/ob-landscape.c
#
# Run from the repository root:  Rscript tests/reference/landscape.R
# Reads data/samples/alk-alterations.csv (one column per gene, "none" = not altered) and
# writes tests/reference/landscape.out (key = value, 17 significant digits) and the same
# alterations in long form, one row per altered gene and patient, as
# tests/data/landscape/alk-alterations-long.csv.
#
# Per gene: patients altered, their percentage, and patients per alteration type.  Per pair
# of genes: the 2 × 2 table (A altered yes/no) × (B altered yes/no), fisher.test's
# conditional maximum-likelihood odds ratio and two-sided p, and p.adjust(method = "BH")
# over all pairs.  fisher.test finds the odds ratio with uniroot's default tolerance (1.2e-4
# relative); odds_ratio here is the same root solved to 1e-13, and fisher.test's own estimate
# is kept beside it as r_fisher_odds_ratio.  Genes are named by their column in capitals and listed most altered
# first, as Oncobench orders them.
#
# SPDX-License-Identifier: GPL-3.0-or-later

out <- file("tests/reference/landscape.out", "w")
emit <- function(key, value) {
  txt <- if (is.na(value)) "NA" else if (is.infinite(value)) "Inf" else sprintf("%.17g", value)
  writeLines(paste0(key, " = ", txt), out)
}

d <- read.csv("data/samples/alk-alterations.csv", stringsAsFactors = FALSE)
genes <- setdiff(names(d), "patient_id")
altered <- sapply(genes, function(g) d[[g]] != "none")
colnames(altered) <- toupper(genes)
n_alt <- colSums(altered)
ord <- order(-n_alt, colnames(altered))
emit("n_patients", nrow(d))
for (j in ord) {
  g <- colnames(altered)[j]
  emit(paste0("gene.", g, ".n_altered"), n_alt[j])
  emit(paste0("gene.", g, ".pct"), 100 * n_alt[j] / nrow(d))
  types <- table(d[[genes[j]]][altered[, j]])
  for (t in names(types)) emit(paste0("gene.", g, ".type.", t), types[[t]])
}
emit("n_genes", length(genes))

# The conditional MLE: the odds ratio at which E[X] under the noncentral hypergeometric
# distribution equals the observed count (0 and Inf at the ends of the support).
fisher_mle <- function(t) {
  m <- sum(t[, 1]); n <- sum(t[, 2]); k <- sum(t[1, ]); x <- t[1, 1]
  lo <- max(0, k - n); hi <- min(k, m); support <- lo:hi
  logdc <- dhyper(support, m, n, k, log = TRUE)
  mn <- function(psi) { d <- logdc + log(psi) * support; d <- exp(d - max(d)); sum(support * d / sum(d)) }
  if (x == lo) return(0)
  if (x == hi) return(Inf)
  exp(uniroot(function(l) mn(exp(l)) - x, c(-50, 50), tol = 1e-13)$root)
}

pairs <- combn(ord, 2)
p <- numeric(ncol(pairs))
res <- list()
for (k in seq_len(ncol(pairs))) {
  a <- pairs[1, k]; b <- pairs[2, k]
  tab <- table(factor(altered[, a], levels = c(TRUE, FALSE)),
               factor(altered[, b], levels = c(TRUE, FALSE)))
  f <- fisher.test(tab)
  p[k] <- f$p.value
  res[[k]] <- list(key = paste0("pair.", colnames(altered)[a], ".", colnames(altered)[b]),
                   tab = tab, or = fisher_mle(tab), r_or = unname(f$estimate), p = f$p.value)
}
q <- p.adjust(p, method = "BH")
for (k in seq_along(res)) {
  r <- res[[k]]
  emit(paste0(r$key, ".both"), r$tab[1, 1])
  emit(paste0(r$key, ".a_only"), r$tab[1, 2])
  emit(paste0(r$key, ".b_only"), r$tab[2, 1])
  emit(paste0(r$key, ".neither"), r$tab[2, 2])
  emit(paste0(r$key, ".odds_ratio"), r$or)
  emit(paste0(r$key, ".r_fisher_odds_ratio"), r$r_or)
  emit(paste0(r$key, ".p"), r$p)
  emit(paste0(r$key, ".q"), q[k])
}
close(out)

long <- do.call(rbind, lapply(genes, function(g) {
  keep <- d[[g]] != "none"
  data.frame(patient = d$patient_id[keep], gene = rep(toupper(g), sum(keep)),
             alteration = d[[g]][keep], stringsAsFactors = FALSE)
}))
long <- long[order(long$patient, long$gene), ]
write.csv(long, "tests/data/landscape/alk-alterations-long.csv", row.names = FALSE)
