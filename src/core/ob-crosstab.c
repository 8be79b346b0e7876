/* ob-crosstab.c — a cross-tabulation with its percentages, test and 2 × 2 effect sizes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-core"

#include "config.h"

#include <glib/gi18n.h>
#include <gsl/gsl_cdf.h>
#include <math.h>
#include <string.h>

#include "ob-crosstab.h"

const char *
ob_crosstab_test_to_string (ObCrosstabTest test)
{
  switch (test)
    {
    case OB_CROSSTAB_CHISQ:
      return "chisq";
    case OB_CROSSTAB_FISHER:
      return "fisher";
    case OB_CROSSTAB_AUTO:
    default:
      return "auto";
    }
}

gboolean
ob_crosstab_test_from_string (const char     *str,
                              ObCrosstabTest *out)
{
  if (g_ascii_strcasecmp (str, "chisq") == 0 || g_ascii_strcasecmp (str, "chi-square") == 0)
    *out = OB_CROSSTAB_CHISQ;
  else if (g_ascii_strcasecmp (str, "fisher") == 0)
    *out = OB_CROSSTAB_FISHER;
  else if (g_ascii_strcasecmp (str, "auto") == 0)
    *out = OB_CROSSTAB_AUTO;
  else
    return FALSE;
  return TRUE;
}

/* Risks are the proportions in the second column; row 1 is compared with row 2. */
static void
risk_measures (ObCrosstab *ct)
{
  const double *x = ct->counts;
  double n1 = ct->row_totals[0], n2 = ct->row_totals[1];
  double p1 = x[1] / n1, p2 = x[3] / n2;
  double z = gsl_cdf_ugaussian_Qinv ((1 - ct->conf_level) / 2);
  double se_rd = sqrt (p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2);
  double se_rr;

  ct->risk1 = p1;
  ct->risk2 = p2;
  ct->risk_difference = p1 - p2;
  ct->rd_lower = p1 - p2 - z * se_rd;
  ct->rd_upper = p1 - p2 + z * se_rd;
  /* With an empty cell the log-scale interval degenerates the way IEEE arithmetic takes it
   * (a zero risk: lower 0, upper undefined), as the formula does in R. */
  se_rr = sqrt (1 / x[1] - 1 / n1 + 1 / x[3] - 1 / n2);
  ct->risk_ratio = p1 / p2;
  ct->rr_lower = exp (log (ct->risk_ratio) - z * se_rr);
  ct->rr_upper = exp (log (ct->risk_ratio) + z * se_rr);
}

ObCrosstab *
ob_crosstab_new (const double    *counts,
                 guint            n_rows,
                 guint            n_cols,
                 ObCrosstabTest   test,
                 double           conf_level,
                 GError         **error)
{
  g_autoptr(ObCrosstab) ct = NULL;
  ObTableTest chisq;
  guint n = n_rows * n_cols;

  if (n_rows < 2 || n_cols < 2)
    {
      g_set_error_literal (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                           _("A cross-tabulation needs at least two levels in its rows and two "
                             "in its columns"));
      return NULL;
    }
  if (!(conf_level > 0 && conf_level < 1))
    {
      g_set_error_literal (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                           _("The confidence level must lie between 0 and 1"));
      return NULL;
    }
  /* Validates the counts and the margins on the way. */
  if (!ob_chisq_test (counts, n_rows, n_cols, &chisq, error))
    return NULL;

  ct = g_new0 (ObCrosstab, 1);
  ct->n_rows = n_rows;
  ct->n_cols = n_cols;
  ct->conf_level = conf_level;
  ct->counts = g_memdup2 (counts, n * sizeof (double));
  ct->row_totals = g_new0 (double, n_rows);
  ct->col_totals = g_new0 (double, n_cols);
  ct->row_percent = g_new (double, n);
  ct->col_percent = g_new (double, n);
  for (guint r = 0; r < n_rows; r++)
    for (guint c = 0; c < n_cols; c++)
      {
        ct->row_totals[r] += counts[r * n_cols + c];
        ct->col_totals[c] += counts[r * n_cols + c];
        ct->total += counts[r * n_cols + c];
      }
  ct->min_expected = INFINITY;
  for (guint r = 0; r < n_rows; r++)
    for (guint c = 0; c < n_cols; c++)
      {
        double x = counts[r * n_cols + c];

        ct->row_percent[r * n_cols + c] = 100 * x / ct->row_totals[r];
        ct->col_percent[r * n_cols + c] = 100 * x / ct->col_totals[c];
        ct->min_expected = MIN (ct->min_expected,
                                ct->row_totals[r] * ct->col_totals[c] / ct->total);
      }

  if (test == OB_CROSSTAB_AUTO)
    test = ct->min_expected < 5 ? OB_CROSSTAB_FISHER : OB_CROSSTAB_CHISQ;
  ct->test = test;
  ct->odds_ratio = ct->or_lower = ct->or_upper = NAN;
  ct->risk1 = ct->risk2 = NAN;
  ct->risk_difference = ct->rd_lower = ct->rd_upper = NAN;
  ct->risk_ratio = ct->rr_lower = ct->rr_upper = NAN;
  if (test == OB_CROSSTAB_CHISQ)
    {
      ct->statistic = chisq.statistic;
      ct->df = chisq.df;
      ct->p = chisq.p;
      ct->yates = chisq.yates;
    }
  else
    {
      ct->statistic = ct->df = NAN;
      if (!ob_fisher_test_rxc (counts, n_rows, n_cols, &ct->p, error))
        return NULL;
    }

  if (n_rows == 2 && n_cols == 2)
    {
      ObTableTest fisher;

      if (!ob_fisher_test (counts, &fisher, error)
          || !ob_fisher_odds_ratio_ci (counts, conf_level, &ct->or_lower, &ct->or_upper, error))
        return NULL;
      ct->odds_ratio = fisher.odds_ratio;
      /* The 2 × 2 enumeration is the same sum as the r × c one, computed the direct way. */
      if (test == OB_CROSSTAB_FISHER)
        ct->p = fisher.p;
      risk_measures (ct);
    }
  return g_steal_pointer (&ct);
}

void
ob_crosstab_free (ObCrosstab *crosstab)
{
  if (crosstab == NULL)
    return;
  g_free (crosstab->counts);
  g_free (crosstab->row_totals);
  g_free (crosstab->col_totals);
  g_free (crosstab->row_percent);
  g_free (crosstab->col_percent);
  g_free (crosstab);
}
