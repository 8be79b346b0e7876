/* ob-fisher-rxc.c — Fisher's exact test on r × c tables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Given the margins, a table x has probability P(x) = exp(K − S(x)) with
 * K = Σ ln R_i! + Σ ln C_j! − ln N! and S(x) = Σ ln x_ij!.  The p-value sums P over the
 * tables with S ≥ S(observed) (less R's relative slack).  Tables are built column by column;
 * before a column is filled, bounds on S over every completion decide whether the whole
 * sub-tree counts (its total probability has a closed form, Σ_completions exp(−S) =
 * N'! / (Π r'_i! Π C_j!)), cannot count, or must be opened.  The bounds come from relaxing
 * the table to its columns (and to its rows) separately: ln x! is convex, so the most even
 * filling of each column under the row caps gives the least S and the greediest filling the
 * most (the first is majorised by, the second majorises, every feasible column).
 */
#define G_LOG_DOMAIN "oncobench-core"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ob-crosstab.h"

typedef struct
{
  guint n_rows;
  guint n_cols;
  int *rem;                /* row sums still to place */
  int *cols;               /* column totals, in the order filled */
  int *cols_left;          /* Σ of cols[j…] */
  double *lnfact;          /* ln k!, k = 0 … N */
  double threshold;        /* a table counts when S ≥ threshold */
  double k_const;
  double p;
  guint64 steps;
  gboolean too_big;
  int *caps;               /* scratch: n_rows + n_cols */
} Fisher;

static int
compare_ints_desc (const void *a,
                   const void *b)
{
  int x = *(const int *) a;
  int y = *(const int *) b;

  return (x < y) - (x > y);
}

/* Least Σ ln x_i! with Σ x_i = total, 0 ≤ x_i ≤ caps[i]; caps sorted in descending order. */
static double
even_fill (const Fisher *f,
           const int    *caps,
           guint         n,
           int           total)
{
  double s = 0;

  for (guint i = n; i-- > 0;)
    {
      guint k = i + 1;
      int q = total / (int) k;

      if (caps[i] <= q)
        {
          s += f->lnfact[caps[i]];
          total -= caps[i];
          continue;
        }
      /* caps[0 … i] all exceed q: q each, and the remainder one more. */
      s += (double) (k - (guint) (total % (int) k)) * f->lnfact[q]
           + (double) (total % (int) k) * f->lnfact[q + 1];
      return s;
    }
  return s;
}

/* Largest Σ ln x_i! under the same constraints: fill the largest caps first. */
static double
greedy_fill (const Fisher *f,
             const int    *caps,
             guint         n,
             int           total)
{
  double s = 0;

  for (guint i = 0; i < n && total > 0; i++)
    {
      int x = MIN (caps[i], total);

      s += f->lnfact[x];
      total -= x;
    }
  return s;
}

static void
bounds (Fisher *f,
        guint   col,
        double *lo,
        double *hi)
{
  int *row_caps = f->caps;
  int *col_caps = f->caps + f->n_rows;
  guint n_left = f->n_cols - col;
  double lo_c = 0, hi_c = 0, lo_r = 0, hi_r = 0;

  memcpy (row_caps, f->rem, f->n_rows * sizeof (int));
  qsort (row_caps, f->n_rows, sizeof (int), compare_ints_desc);
  memcpy (col_caps, f->cols + col, n_left * sizeof (int));
  qsort (col_caps, n_left, sizeof (int), compare_ints_desc);
  for (guint j = 0; j < n_left; j++)
    {
      lo_c += even_fill (f, row_caps, f->n_rows, col_caps[j]);
      hi_c += greedy_fill (f, row_caps, f->n_rows, col_caps[j]);
    }
  for (guint i = 0; i < f->n_rows; i++)
    {
      lo_r += even_fill (f, col_caps, n_left, row_caps[i]);
      hi_r += greedy_fill (f, col_caps, n_left, row_caps[i]);
    }
  *lo = MAX (lo_c, lo_r);
  *hi = MIN (hi_c, hi_r);
}

static void enumerate_column (Fisher *f,
                              guint   col,
                              double  s_past);

static void
fill_rows (Fisher *f,
           guint   col,
           guint   row,
           int     left,
           double  s_past)
{
  int after = 0, from, to;

  if (f->too_big)
    return;
  if (row == f->n_rows - 1)
    {
      f->rem[row] -= left;
      enumerate_column (f, col + 1, s_past + f->lnfact[left]);
      f->rem[row] += left;
      return;
    }
  for (guint i = row + 1; i < f->n_rows; i++)
    after += f->rem[i];
  from = MAX (0, left - after);
  to = MIN (f->rem[row], left);
  for (int x = from; x <= to; x++)
    {
      if (++f->steps > OB_FISHER_MAX_STEPS)
        {
          f->too_big = TRUE;
          return;
        }
      f->rem[row] -= x;
      fill_rows (f, col, row + 1, left - x, s_past + f->lnfact[x]);
      f->rem[row] += x;
    }
}

static void
enumerate_column (Fisher *f,
                  guint   col,
                  double  s_past)
{
  double lo, hi, log_total;

  if (col == f->n_cols - 1)
    {
      double s = s_past;

      for (guint i = 0; i < f->n_rows; i++)
        s += f->lnfact[f->rem[i]];
      if (s >= f->threshold)
        f->p += exp (f->k_const - s);
      return;
    }

  bounds (f, col, &lo, &hi);
  if (s_past + lo >= f->threshold)
    {
      log_total = f->lnfact[f->cols_left[col]];
      for (guint i = 0; i < f->n_rows; i++)
        log_total -= f->lnfact[f->rem[i]];
      for (guint j = col; j < f->n_cols; j++)
        log_total -= f->lnfact[f->cols[j]];
      f->p += exp (f->k_const - s_past + log_total);
      return;
    }
  if (s_past + hi < f->threshold)
    return;
  fill_rows (f, col, 0, f->cols[col], s_past);
}

gboolean
ob_fisher_test_rxc (const double  *counts,
                    guint          n_rows,
                    guint          n_cols,
                    double        *p,
                    GError       **error)
{
  Fisher f = { 0 };
  g_autofree int *rows = NULL;
  g_autofree int *cols = NULL;
  g_autofree int *cols_left = NULL;
  g_autofree double *lnfact = NULL;
  g_autofree int *caps = NULL;
  gboolean transpose = n_rows > n_cols;
  double s_obs = 0, total = 0;
  int n;

  *p = NAN;
  if (n_rows < 2 || n_cols < 2)
    {
      g_set_error_literal (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                           _("Fisher’s exact test needs at least two rows and two columns"));
      return FALSE;
    }
  for (guint i = 0; i < n_rows * n_cols; i++)
    {
      if (!(counts[i] >= 0) || counts[i] != floor (counts[i]) || counts[i] > 1e7)
        {
          g_set_error_literal (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                               _("A contingency table holds counts: whole numbers ≥ 0"));
          return FALSE;
        }
      total += counts[i];
    }
  if (total == 0)
    {
      g_set_error_literal (error, OB_ERROR, OB_ERROR_NO_DATA, _("The table is empty"));
      return FALSE;
    }
  n = (int) total;

  /* The fewer rows, the shallower each column's filling; the table's p is the same either
   * way round. */
  f.n_rows = transpose ? n_cols : n_rows;
  f.n_cols = transpose ? n_rows : n_cols;
  rows = g_new0 (int, f.n_rows);
  cols = g_new0 (int, f.n_cols);
  for (guint r = 0; r < n_rows; r++)
    for (guint c = 0; c < n_cols; c++)
      {
        int x = (int) counts[r * n_cols + c];

        rows[transpose ? c : r] += x;
        cols[transpose ? r : c] += x;
      }
  lnfact = g_new (double, n + 2);
  lnfact[0] = 0;
  for (int k = 1; k <= n + 1; k++)
    lnfact[k] = lnfact[k - 1] + log ((double) k);
  for (guint i = 0; i < n_rows * n_cols; i++)
    s_obs += lnfact[(int) counts[i]];

  /* Large columns first: their sub-trees are decided sooner. */
  qsort (cols, f.n_cols, sizeof (int), compare_ints_desc);
  cols_left = g_new0 (int, f.n_cols + 1);
  for (guint j = f.n_cols; j-- > 0;)
    cols_left[j] = cols_left[j + 1] + cols[j];

  f.k_const = -lnfact[n];
  for (guint i = 0; i < f.n_rows; i++)
    f.k_const += lnfact[rows[i]];
  for (guint j = 0; j < f.n_cols; j++)
    f.k_const += lnfact[cols[j]];
  /* fisher.test counts tables with P ≤ P_obs (1 + 1e-7). */
  f.threshold = s_obs - log1p (1e-7);
  caps = g_new (int, f.n_rows + f.n_cols);
  f.rem = rows;
  f.cols = cols;
  f.cols_left = cols_left;
  f.lnfact = lnfact;
  f.caps = caps;

  enumerate_column (&f, 0, 0);
  if (f.too_big)
    {
      g_set_error (error, OB_ERROR, OB_ERROR_NUMERIC,
                   _("The %u × %u table with %d observations is too large for Fisher’s exact "
                     "test; use the chi-square test"), n_rows, n_cols, n);
      return FALSE;
    }
  *p = MIN (f.p, 1.0);
  return TRUE;
}
