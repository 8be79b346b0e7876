/* ob-group-tests.h — comparing a measurement between groups: descriptives, t and rank tests,
 * contingency tables, normality
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every statistic follows R's stats package with its default options (t.test, wilcox.test,
 * fisher.test, chisq.test, shapiro.test); ob-anova.h has the tests for more than two groups.
 */
#pragma once

#include "ob-dataset.h"

G_BEGIN_DECLS

/* A numeric column split by a group column (and optionally a second factor), rows with a
 * missing value, group or factor left out.  Values are stored group by group, each group in
 * row order: group g is values[offsets[g]] … values[offsets[g + 1] - 1]. */
typedef struct
{
  gsize n;
  double *values;
  guint n_groups;
  char **group_names;      /* NULL-terminated, levels in sorted order, empty ones dropped */
  gsize *offsets;          /* n_groups + 1 */
  gsize *row_index;        /* dataset row of each value */
  /* Second factor (two-way designs), aligned with values; NULL without one. */
  guint32 *factor2;
  guint n_levels2;
  char **factor2_names;    /* NULL-terminated, or NULL */
  gsize n_excluded;
  GPtrArray *exclusions;   /* char *: "3 rows with a missing value", … */
} ObGroupData;

/* mask: NULL or one byte per dataset row, non-zero = keep.  factor2_column may be NULL. */
ObGroupData *ob_group_data_new   (const ObDataset  *dataset,
                                  const char       *value_column,
                                  const char       *group_column,
                                  const char       *factor2_column,
                                  const guint8     *mask,
                                  GError          **error);
void         ob_group_data_free  (ObGroupData *data);
/* Index of a group by name, -1 when absent. */
int          ob_group_data_find  (const ObGroupData *data,
                                  const char        *name);

typedef struct
{
  gsize n;
  double mean;
  double sd;               /* n - 1 denominator; NAN for n < 2 */
  double sem;
  double ci_lower;         /* 95% t interval of the mean */
  double ci_upper;
  double median;
  double q1;               /* R's quantile type 7 */
  double q3;
  double min;
  double max;
} ObDescriptives;

/* scratch: n doubles the function may overwrite (the values are sorted there). */
void         ob_describe         (const double   *x,
                                  gsize           n,
                                  double         *scratch,
                                  ObDescriptives *out);

typedef enum
{
  OB_T_WELCH,
  OB_T_STUDENT,
  OB_T_PAIRED,
} ObTTestKind;

typedef struct
{
  double statistic;        /* t from mean(x) - mean(y) */
  double df;
  double p;                /* two-sided */
  double estimate;         /* mean(x) - mean(y), or the mean difference when paired */
  double ci_lower;
  double ci_upper;
  double conf_level;
} ObTTest;

/* Paired: x[i] pairs with y[i], nx == ny. */
gboolean     ob_t_test           (const double  *x,
                                  gsize          nx,
                                  const double  *y,
                                  gsize          ny,
                                  ObTTestKind    kind,
                                  double         conf_level,
                                  ObTTest       *out,
                                  GError       **error);

typedef struct
{
  double statistic;        /* R's W: the Mann–Whitney U of x */
  double p;                /* two-sided */
  gboolean exact;          /* exact distribution (both n < 50, no ties) or normal approx. */
} ObWilcoxTest;

gboolean     ob_wilcox_test      (const double  *x,
                                  gsize          nx,
                                  const double  *y,
                                  gsize          ny,
                                  ObWilcoxTest  *out,
                                  GError       **error);

/* P(W <= q) for the Mann–Whitney statistic of samples of m and n without ties. */
double       ob_pwilcox          (double q,
                                  gsize  m,
                                  gsize  n);

typedef struct
{
  double statistic;        /* W */
  double p;
} ObShapiroWilk;

/* Royston's algorithm (AS R94) as shapiro.test; 3 ≤ n ≤ 5000. */
gboolean     ob_shapiro_wilk     (const double   *x,
                                  gsize           n,
                                  ObShapiroWilk  *out,
                                  GError        **error);

typedef struct
{
  double statistic;        /* X-squared; NAN for Fisher's test */
  double df;
  double p;
  double odds_ratio;       /* Fisher: conditional maximum-likelihood estimate */
  gboolean yates;
} ObTableTest;

/* counts: row-major n_rows × n_cols.  Yates' correction for 2 × 2 tables, as chisq.test. */
gboolean     ob_chisq_test       (const double  *counts,
                                  guint          n_rows,
                                  guint          n_cols,
                                  ObTableTest   *out,
                                  GError       **error);
/* 2 × 2 table { a, b, c, d } = rows (a b) (c d); two-sided p as fisher.test. */
gboolean     ob_fisher_test      (const double  *counts,
                                  ObTableTest   *out,
                                  GError       **error);

/* Counts of two categorical columns crossed: rows are the levels of row_column, columns those
 * of col_column (sorted, empty ones dropped); rows missing either are left out and counted. */
typedef struct
{
  guint n_rows;
  guint n_cols;
  double *counts;          /* row-major n_rows × n_cols */
  char **row_names;        /* NULL-terminated */
  char **col_names;        /* NULL-terminated */
  gsize n_excluded;
} ObCountTable;

ObCountTable *ob_count_table_new  (const ObDataset  *dataset,
                                   const char       *row_column,
                                   const char       *col_column,
                                   const guint8     *mask,
                                   GError          **error);
void          ob_count_table_free (ObCountTable *table);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ObGroupData, ob_group_data_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ObCountTable, ob_count_table_free)

G_END_DECLS
