/* ob-fisher-rxc.c — Fisher's exact test on r × c tables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Given the margins, a table x has probability P(x) = exp(K − S(x)) with
 * K = Σ ln R_i! + Σ ln C_j! − ln N! and S(x) = Σ ln x_ij!.  The p-value sums P over the
 * tables with S ≥ S(observed) (less R's relative slack).  Tables are built column by column,
 * as in the network algorithm of Mehta & Patel (1983): the state after a column is the
 * multiset of row sums left.  For each state, the least and greatest S over all its
 * completions are computed once (memoised by state), so that before a column is filled a
 * partial table is known to count whatever follows (the completions' total probability has a
 * closed form, Σ exp(−S) = N'! / (Π r'_i! Π C_j!)), to count for none of them, or must be
 * opened further.
 */
#define G_LOG_DOMAIN "oncobench-core"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ob-crosstab.h"

typedef struct _Bounds Bounds;

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
  Bounds *probe;           /* scratch key for memo look-ups */
  GHashTable **memo;       /* per column: remaining row sums (sorted) → Bounds */
  int *scratch;            /* per column: 3 × n_rows ints (key, filling, child) */
} Fisher;

/* The least and greatest S over every completion of a state, exactly. */
struct _Bounds
{
  double lo;
  double hi;
  guint n;
  int key[];
};

static guint
bounds_hash (gconstpointer p)
{
  const Bounds *b = p;
  guint h = 5381;

  for (guint i = 0; i < b->n; i++)
    h = h * 33 + (guint) b->key[i];
  return h;
}

static gboolean
bounds_equal (gconstpointer a,
              gconstpointer b)
{
  const Bounds *x = a, *y = b;

  return memcmp (x->key, y->key, x->n * sizeof (int)) == 0;
}

static int
compare_ints_desc (const void *a,
                   const void *b)
{
  int x = *(const int *) a;
  int y = *(const int *) b;

  return (x < y) - (x > y);
}

static void exact_bounds (Fisher    *f,
                          guint      col,
                          const int *key,
                          double    *lo,
                          double    *hi);

static void
sort_desc (int   *v,
           guint  n)
{
  for (guint i = 1; i < n; i++)
    {
      int x = v[i];
      guint j = i;

      for (; j > 0 && v[j - 1] < x; j--)
        v[j] = v[j - 1];
      v[j] = x;
    }
}

/* Every filling of column col under the row sums key, each followed by the best and worst
 * completion of what it leaves. */
static void
compose (Fisher    *f,
         guint      col,
         const int *key,
         guint      row,
         int        left,
         double     s,
         double    *lo,
         double    *hi)
{
  int *x = f->scratch + (gsize) col * 3 * f->n_rows + f->n_rows;
  int *child = x + f->n_rows;
  int after = 0;

  if (f->too_big)
    return;
  if (++f->steps > OB_FISHER_MAX_STEPS)
    {
      f->too_big = TRUE;
      return;
    }
  if (row == f->n_rows - 1)
    {
      double clo, chi;

      x[row] = left;
      for (guint i = 0; i < f->n_rows; i++)
        child[i] = key[i] - x[i];
      sort_desc (child, f->n_rows);
      exact_bounds (f, col + 1, child, &clo, &chi);
      s += f->lnfact[left];
      *lo = MIN (*lo, s + clo);
      *hi = MAX (*hi, s + chi);
      return;
    }
  for (guint i = row + 1; i < f->n_rows; i++)
    after += key[i];
  for (int v = MAX (0, left - after); v <= MIN (key[row], left); v++)
    {
      x[row] = v;
      compose (f, col, key, row + 1, left - v, s + f->lnfact[v], lo, hi);
    }
}

/* key: the row sums left, sorted in descending order. */
static void
exact_bounds (Fisher    *f,
              guint      col,
              const int *key,
              double    *lo,
              double    *hi)
{
  Bounds *b;
  gsize size = sizeof (Bounds) + f->n_rows * sizeof (int);
  int *own;

  if (col == f->n_cols - 1)
    {
      *lo = 0;
      for (guint i = 0; i < f->n_rows; i++)
        *lo += f->lnfact[key[i]];
      *hi = *lo;
      return;
    }
  memcpy (f->probe->key, key, f->n_rows * sizeof (int));
  b = g_hash_table_lookup (f->memo[col], f->probe);
  if (b != NULL)
    {
      *lo = b->lo;
      *hi = b->hi;
      return;
    }
  b = g_malloc (size);
  b->n = f->n_rows;
  memcpy (b->key, key, f->n_rows * sizeof (int));
  /* compose() below reuses this column's scratch; the key must outlive it. */
  own = b->key;
  *lo = INFINITY;
  *hi = -INFINITY;
  compose (f, col, own, 0, f->cols[col], 0, lo, hi);
  b->lo = *lo;
  b->hi = *hi;
  g_hash_table_add (f->memo[col], b);
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

  {
    int *key = f->scratch + (gsize) col * 3 * f->n_rows;

    memcpy (key, f->rem, f->n_rows * sizeof (int));
    sort_desc (key, f->n_rows);
    exact_bounds (f, col, key, &lo, &hi);
  }
  if (f->too_big)
    return;
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
  g_autofree Bounds *probe = NULL;
  g_autofree int *scratch = NULL;
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
  probe = g_malloc0 (sizeof (Bounds) + f.n_rows * sizeof (int));
  probe->n = f.n_rows;
  f.rem = rows;
  f.cols = cols;
  f.cols_left = cols_left;
  f.lnfact = lnfact;
  f.probe = probe;

  f.memo = g_new0 (GHashTable *, f.n_cols);
  for (guint j = 0; j < f.n_cols; j++)
    f.memo[j] = g_hash_table_new_full (bounds_hash, bounds_equal, g_free, NULL);
  f.scratch = scratch = g_new0 (int, (gsize) f.n_cols * 3 * f.n_rows);

  enumerate_column (&f, 0, 0);
  for (guint j = 0; j < f.n_cols; j++)
    g_hash_table_unref (f.memo[j]);
  g_free (f.memo);
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
