/* ob-crosstab.h — cross-tabulation of two categorical columns: percentages, chi-square or
 * Fisher's exact test on r × c tables, and for 2 × 2 tables the odds ratio, risk difference
 * and risk ratio with their confidence intervals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * As R computes them: chisq.test (Yates' correction on 2 × 2 only), fisher.test (the r × c
 * p-value and the 2 × 2 conditional maximum-likelihood odds ratio with its exact interval);
 * risk difference and ratio by their Wald formulas (see tests/reference/crosstab.R).
 */
#pragma once

#include "ob-group-tests.h"

G_BEGIN_DECLS

/* Fisher's exact test refuses tables whose exact enumeration would take longer than this
 * many steps (a second or two), pointing the user to the chi-square test instead. */
#define OB_FISHER_MAX_STEPS 4000000

/* Two-sided p of Fisher's exact test on an r × c table (row-major counts), as fisher.test:
 * the probability of every table with the same margins at most as likely as the observed
 * one (relative slack 1e-7).  Enumerates the tables, pruning whole sub-trees whose every
 * completion is known to count or not. */
gboolean     ob_fisher_test_rxc       (const double  *counts,
                                       guint          n_rows,
                                       guint          n_cols,
                                       double        *p,
                                       GError       **error);

/* The exact conditional confidence interval of the odds ratio of a 2 × 2 table
 * { a, b, c, d } as fisher.test(conf.level) reports it. */
gboolean     ob_fisher_odds_ratio_ci  (const double  *counts,
                                       double         conf_level,
                                       double        *lower,
                                       double        *upper,
                                       GError       **error);

typedef enum
{
  OB_CROSSTAB_AUTO,        /* chi-square, or Fisher when an expected count is below 5 */
  OB_CROSSTAB_CHISQ,
  OB_CROSSTAB_FISHER,
} ObCrosstabTest;

const char  *ob_crosstab_test_to_string   (ObCrosstabTest test);   /* "chisq", "fisher" */
gboolean     ob_crosstab_test_from_string (const char     *str,
                                           ObCrosstabTest *out);

typedef struct
{
  guint n_rows;
  guint n_cols;
  double *counts;          /* row-major n_rows × n_cols */
  double *row_totals;
  double *col_totals;
  double total;
  double *row_percent;     /* 100 × count / row total */
  double *col_percent;     /* 100 × count / column total */
  double min_expected;
  ObCrosstabTest test;     /* the test run: never AUTO */
  double statistic;        /* X-squared; NAN for Fisher */
  double df;               /* NAN for Fisher */
  double p;
  gboolean yates;
  /* 2 × 2 only, else NAN.  Odds ratio: fisher.test's conditional MLE with its exact
   * interval.  Risk = proportion in the second column; difference and ratio of the first row
   * against the second, with Wald intervals (the ratio's on the log scale). */
  double odds_ratio;
  double or_lower;
  double or_upper;
  double risk1;
  double risk2;
  double risk_difference;
  double rd_lower;
  double rd_upper;
  double risk_ratio;
  double rr_lower;
  double rr_upper;
  double conf_level;
} ObCrosstab;

/* counts: row-major n_rows × n_cols, at least 2 × 2, no empty row or column. */
ObCrosstab  *ob_crosstab_new          (const double    *counts,
                                       guint            n_rows,
                                       guint            n_cols,
                                       ObCrosstabTest   test,
                                       double           conf_level,
                                       GError         **error);
void         ob_crosstab_free         (ObCrosstab *crosstab);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ObCrosstab, ob_crosstab_free)

G_END_DECLS
