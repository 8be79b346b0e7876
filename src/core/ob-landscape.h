/* ob-landscape.h — the alteration landscape of a cohort: frequencies by gene and type,
 * co-occurrence and mutual exclusivity of gene pairs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ob-dataset.h"

G_BEGIN_DECLS

/* A cell value that means "not altered" in a gene column: empty, "none", "wild-type", "wt",
 * "no", "negative", "0", "-" (case-insensitive), "なし", "野生型", "陰性". */
gboolean ob_landscape_is_unaltered (const char *value);

typedef enum
{
  OB_LANDSCAPE_NONE,                /* odds ratio 1, or not estimable */
  OB_LANDSCAPE_CO_OCCURRENCE,       /* odds ratio > 1 */
  OB_LANDSCAPE_MUTUAL_EXCLUSIVITY,  /* odds ratio < 1 */
} ObLandscapeTendency;

/* "none", "co-occurrence", "mutual exclusivity" */
const char *ob_landscape_tendency_to_string (ObLandscapeTendency tendency);

typedef struct
{
  char *gene;               /* display name: "TP53" for a column "tp53_mutation_type" */
  char *column;             /* the column it came from (wide form), or NULL */
  gsize n_altered;          /* patients with an alteration of this gene */
  double pct;               /* 100 n_altered / n_patients */
  gsize *type_counts;       /* patients per alteration type, ObLandscape.types order */
} ObLandscapeGene;

/* Fisher's exact test of the 2 × 2 table (A altered, not) × (B altered, not), as R's
 * fisher.test: conditional maximum-likelihood odds ratio, two-sided p; q adjusted over all
 * pairs by Benjamini–Hochberg, as p.adjust (method = "BH"). */
typedef struct
{
  guint a, b;               /* gene indices, a < b */
  gsize both, a_only, b_only, neither;
  double odds_ratio;
  double log_odds_ratio;    /* -inf / +inf when a cell is empty */
  double p, q;
  ObLandscapeTendency tendency;
} ObLandscapePair;

typedef struct
{
  gsize n_patients;
  char **patients;          /* NULL-terminated, dataset order (wide) or first appearance */
  guint n_genes;
  ObLandscapeGene *genes;   /* most frequently altered first, then by name */
  guint n_types;
  char **types;             /* NULL-terminated; commonest first; "multiple" when a patient
                             * has several types in one gene (long form) */
  /* Type of each gene × patient cell, row-major n_genes × n_patients: index into types
   * plus one, 0 = not altered. */
  guint16 *cells;
  ObLandscapePair *pairs;   /* every pair of genes, in gene order */
  guint n_pairs;
  /* Patients in oncoprint order: altered in the first gene first, then the second, …, ties
   * broken by alteration type, then by dataset order. */
  gsize *order;
} ObLandscape;

/* Wide form: one row per patient, one column per gene whose cells are alteration types
 * (numeric columns: non-zero = "altered").  patient_column may be NULL (rows are named
 * "1", "2", …).  mask: NULL or one byte per row to keep. */
ObLandscape *ob_landscape_new_wide (const ObDataset     *dataset,
                                    const char * const  *gene_columns,
                                    const char          *patient_column,
                                    const guint8        *mask,
                                    GError             **error);

/* Long form: one row per alteration (patient, gene, type).  A row with an empty gene or an
 * unaltered type only registers its patient.  n_patients > 0 is the number of patients
 * profiled when those without any alteration are not listed (it must be at least the
 * number of distinct patients); 0 counts the patients the table names. */
ObLandscape *ob_landscape_new_long (const ObDataset  *dataset,
                                    const char       *patient_column,
                                    const char       *gene_column,
                                    const char       *type_column,
                                    gsize             n_patients,
                                    const guint8     *mask,
                                    GError          **error);

void         ob_landscape_free     (ObLandscape *landscape);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ObLandscape, ob_landscape_free)

G_END_DECLS
