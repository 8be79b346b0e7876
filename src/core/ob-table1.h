/* ob-table1.h — "Table 1": baseline characteristics of a cohort by a group column
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Continuous variables are summarised as mean (SD), or as median [IQR] when skewed: when the
 * sample skewness g1 = m3 / m2^(3/2) of the variable (all groups pooled) exceeds 1 in absolute
 * value, or when the caller names the variable non-normal.  Tests as R runs them: Welch's t
 * (t.test) or one-way ANOVA (oneway.test, var.equal = TRUE) for mean (SD); Mann–Whitney
 * (wilcox.test) or Kruskal–Wallis (kruskal.test) for median [IQR].  Categorical variables as
 * n (%) of the non-missing values, missing values counted apart; chi-square (chisq.test, Yates'
 * correction on 2 × 2 only), or Fisher's exact test when an expected count is below 5.
 * Standardised mean differences as R's tableone computes them: |m1 − m2| / sqrt((s1² + s2²) / 2)
 * for continuous variables, the multi-level SMD of Yang & Dalton (2012) for categorical ones,
 * the mean over all pairs of groups when there are more than two.  A numeric column whose
 * values are whole numbers with at most OB_TABLE1_MAX_NUMERIC_LEVELS distinct values (a 0/1
 * flag, ECOG, line of therapy) is taken as categorical.
 */
#pragma once

#include "ob-dataset.h"
#include "ob-group-tests.h"

G_BEGIN_DECLS

#define OB_TABLE1_MAX_NUMERIC_LEVELS 5
#define OB_TABLE1_SKEWNESS_LIMIT 1.0
#define OB_TABLE1_MAX_GROUPS 20

typedef enum
{
  OB_TABLE1_TEST_NONE,     /* fewer than two groups with data */
  OB_TABLE1_TEST_WELCH,
  OB_TABLE1_TEST_ANOVA,
  OB_TABLE1_TEST_WILCOX,
  OB_TABLE1_TEST_KRUSKAL,
  OB_TABLE1_TEST_CHISQ,
  OB_TABLE1_TEST_FISHER,
} ObTable1Test;

/* "welch", "anova", "wilcox", "kruskal", "chisq", "fisher"; NULL for none. */
const char  *ob_table1_test_to_string (ObTable1Test test);
/* The footnote naming the test, translated: "Welch two-sample t test", … */
const char  *ob_table1_test_describe  (ObTable1Test test);

/* Per-group columns are n_groups + 1 long: the groups in sorted order, then all patients. */
typedef struct
{
  char *name;
  gboolean categorical;
  gboolean nonnormal;      /* median [IQR] rather than mean (SD) */
  double skewness;         /* continuous only, else NAN */
  gsize *n;                /* non-missing values per group */
  gsize *n_missing;
  /* Continuous */
  ObDescriptives *desc;
  /* Categorical: counts[level * (n_groups + 1) + group]; percent of the non-missing. */
  guint n_levels;
  char **levels;           /* NULL-terminated */
  double *counts;
  double *percent;
  /* Test over the groups with data */
  ObTable1Test test;
  double statistic;        /* t, W, F, H or X-squared; NAN for Fisher */
  double df;               /* NAN where the test has none (Wilcoxon, Fisher); df1 of F */
  double df2;              /* ANOVA's denominator df, else NAN */
  gboolean yates;          /* chi-square on a 2 × 2 table, with Yates' correction */
  double p;
  double smd;
} ObTable1Variable;

typedef struct
{
  char *group_column;
  guint n_groups;
  char **group_names;      /* NULL-terminated, sorted */
  gsize *group_n;          /* n_groups + 1: patients per group, then all */
  gsize n_excluded;        /* rows without a group */
  guint n_variables;
  ObTable1Variable *variables;
} ObTable1;

/* variables: NULL-terminated column names in the order of the table.  nonnormal and
 * categorical (either may be NULL) name variables to show as median [IQR] and as categorical
 * whatever their data look like.  mask: NULL or one byte per row, non-zero = keep. */
ObTable1    *ob_table1_new            (const ObDataset    *dataset,
                                       const char         *group_column,
                                       const char * const *variables,
                                       const char * const *nonnormal,
                                       const char * const *categorical,
                                       const guint8       *mask,
                                       GError            **error);
void         ob_table1_free           (ObTable1 *table);

/* Categorical SMD of Yang & Dalton between two vectors of k level proportions. */
double       ob_table1_smd_categorical (const double *p1,
                                        const double *p2,
                                        guint         k);

/* The table as text, the way journals print it: a header row (the variable column, each group
 * with its n, Overall, p, SMD), then per variable its row ("age, mean (SD)" with the p and
 * SMD) and, for categorical variables, a row per level, and a "Missing" row when values are
 * missing.  Means, SDs, medians and quartiles with one decimal, percentages with one; p as
 * "0.41", "0.003", "<0.001"; the test marked by a superscript letter that a footnote names. */
typedef struct
{
  guint n_rows;
  guint n_cols;
  char **cells;            /* n_rows × n_cols, row-major, "" when empty */
  guint8 *level;           /* per row: 1 for a level or Missing row (indented), 0 otherwise */
  char **footnotes;        /* NULL-terminated: "ᵃ Welch two-sample t test", … */
} ObTable1Grid;

ObTable1Grid *ob_table1_grid_new      (const ObTable1 *table);
void          ob_table1_grid_free     (ObTable1Grid *grid);
const char   *ob_table1_grid_cell     (const ObTable1Grid *grid,
                                       guint               row,
                                       guint               col);
/* "0.41", "0.003", "<0.001"; "" for NAN. */
char         *ob_table1_format_p      (double p);
/* The grid as CSV (RFC 4180, UTF-8, footnotes as last lines) and as an HTML table that pastes
 * into Word and LibreOffice Writer with its rules and alignment. */
char         *ob_table1_grid_to_csv   (const ObTable1Grid *grid);
char         *ob_table1_grid_to_html  (const ObTable1Grid *grid,
                                       const char         *caption);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ObTable1, ob_table1_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ObTable1Grid, ob_table1_grid_free)

G_END_DECLS
