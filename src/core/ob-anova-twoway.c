/* ob-anova-twoway.c — two-way ANOVA with interaction (type I sums of squares) and Šidák
 * comparisons within the levels of the first factor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-core"

#include "config.h"

#include <glib/gi18n.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_linalg.h>
#include <math.h>
#include <string.h>

#include "ob-anova.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (gsl_matrix, gsl_matrix_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (gsl_vector, gsl_vector_free)

/* Per cell (A level a, B level b) at a * n_b + b. */
typedef struct
{
  guint n_a, n_b;
  double *count;
  double *mean;
  double within;           /* Σ (y − cell mean)² */
  guint n_filled;
} Cells;

static void
cells_clear (Cells *cells)
{
  g_clear_pointer (&cells->count, g_free);
  g_clear_pointer (&cells->mean, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Cells, cells_clear)

static gboolean
cells_compute (const ObGroupData  *data,
               Cells              *cells,
               GError            **error)
{
  if (data->factor2 == NULL || data->n_groups < 1)
    {
      g_set_error_literal (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                           _("A two-way ANOVA needs a second factor"));
      return FALSE;
    }
  cells->n_a = data->n_groups;
  cells->n_b = data->n_levels2;
  cells->count = g_new0 (double, cells->n_a * cells->n_b);
  cells->mean = g_new0 (double, cells->n_a * cells->n_b);
  cells->within = 0;
  cells->n_filled = 0;

  for (guint a = 0; a < cells->n_a; a++)
    for (gsize i = data->offsets[a]; i < data->offsets[a + 1]; i++)
      {
        guint c = a * cells->n_b + data->factor2[i];

        cells->count[c] += 1;
        cells->mean[c] += data->values[i];
      }
  for (guint c = 0; c < cells->n_a * cells->n_b; c++)
    if (cells->count[c] > 0)
      {
        cells->mean[c] /= cells->count[c];
        cells->n_filled++;
      }
  for (guint a = 0; a < cells->n_a; a++)
    for (gsize i = data->offsets[a]; i < data->offsets[a + 1]; i++)
      {
        double d = data->values[i] - cells->mean[a * cells->n_b + data->factor2[i]];

        cells->within += d * d;
      }
  return TRUE;
}

static void
finish_term (ObAnovaTerm       *term,
             const ObAnovaTerm *residual)
{
  term->ms = term->df > 0 ? term->ss / term->df : NAN;
  term->statistic = term->df > 0 ? term->ms / residual->ms : NAN;
  term->p = term->df > 0 ? gsl_cdf_fdist_Q (term->statistic, term->df, residual->df) : NAN;
}

/* The additive model y ~ A + B, fitted from the cell means weighted by their counts (the
 * same least-squares problem as on the rows, without touching them again).  Rank-deficient
 * designs (empty cells that disconnect the layout) are solved by a pseudo-inverse, whose rank
 * gives the degrees of freedom as R's pivoting QR does. */
static gboolean
fit_additive (const Cells  *cells,
              double        grand,
              double       *fitted,
              guint        *rank,
              GError      **error)
{
  guint p = cells->n_a + cells->n_b - 1;
  g_autoptr(gsl_matrix) xtx = gsl_matrix_calloc (p, p);
  g_autoptr(gsl_matrix) v = gsl_matrix_alloc (p, p);
  g_autoptr(gsl_vector) s = gsl_vector_alloc (p);
  g_autoptr(gsl_vector) work = gsl_vector_alloc (p);
  g_autoptr(gsl_vector) xty = gsl_vector_calloc (p);
  g_autoptr(gsl_vector) beta = gsl_vector_calloc (p);
  guint idx[3];
  double tol;

  for (guint a = 0; a < cells->n_a; a++)
    for (guint b = 0; b < cells->n_b; b++)
      {
        guint c = a * cells->n_b + b, m = 0;
        double w = cells->count[c];

        if (w == 0)
          continue;
        idx[m++] = 0;
        if (a > 0)
          idx[m++] = a;
        if (b > 0)
          idx[m++] = cells->n_a - 1 + b;
        for (guint i = 0; i < m; i++)
          {
            *gsl_vector_ptr (xty, idx[i]) += w * (cells->mean[c] - grand);
            for (guint j = 0; j < m; j++)
              *gsl_matrix_ptr (xtx, idx[i], idx[j]) += w;
          }
      }

  if (gsl_linalg_SV_decomp (xtx, v, s, work) != GSL_SUCCESS)
    {
      g_set_error_literal (error, OB_ERROR, OB_ERROR_NUMERIC,
                           _("The two-way design could not be solved"));
      return FALSE;
    }
  /* X'X = U S V' with U = V (symmetric): beta = V S⁺ V' X'y. */
  tol = gsl_vector_get (s, 0) * 1e-10;
  *rank = 0;
  for (guint k = 0; k < p; k++)
    {
      double sk = gsl_vector_get (s, k), proj = 0;

      if (sk <= tol)
        continue;
      (*rank)++;
      for (guint i = 0; i < p; i++)
        proj += gsl_matrix_get (xtx, i, k) * gsl_vector_get (xty, i);
      for (guint i = 0; i < p; i++)
        *gsl_vector_ptr (beta, i) += gsl_matrix_get (v, i, k) * proj / sk;
    }

  for (guint a = 0; a < cells->n_a; a++)
    for (guint b = 0; b < cells->n_b; b++)
      {
        double f = grand + gsl_vector_get (beta, 0);

        if (a > 0)
          f += gsl_vector_get (beta, a);
        if (b > 0)
          f += gsl_vector_get (beta, cells->n_a - 1 + b);
        fitted[a * cells->n_b + b] = f;
      }
  return TRUE;
}

gboolean
ob_anova_twoway (const ObGroupData *data,
                 ObTwoway          *out,
                 GError           **error)
{
  g_auto(Cells) cells = { 0 };
  g_autofree double *fitted = NULL;
  g_autofree double *a_mean = NULL;
  double grand = 0, n = (double) data->n;
  guint rank = 0;

  memset (out, 0, sizeof *out);
  if (!cells_compute (data, &cells, error))
    return FALSE;
  if (cells.n_a < 2 || cells.n_b < 2)
    {
      g_set_error_literal (error, OB_ERROR, OB_ERROR_NO_DATA,
                           _("A two-way ANOVA needs at least two levels of each factor"));
      return FALSE;
    }
  out->n_empty_cells = cells.n_a * cells.n_b - cells.n_filled;
  out->residual.df = n - cells.n_filled;
  if (out->residual.df < 1)
    {
      g_set_error_literal (error, OB_ERROR, OB_ERROR_NO_DATA,
                           _("A two-way ANOVA with interaction needs replicates: more values "
                             "than combinations of the two factors"));
      return FALSE;
    }
  if (!(cells.within > 0))
    {
      g_set_error_literal (error, OB_ERROR, OB_ERROR_NUMERIC,
                           _("The values do not vary within the groups: the test cannot be "
                             "computed"));
      return FALSE;
    }

  a_mean = g_new0 (double, cells.n_a);
  for (guint c = 0; c < cells.n_a * cells.n_b; c++)
    {
      grand += cells.count[c] * cells.mean[c];
      a_mean[c / cells.n_b] += cells.count[c] * cells.mean[c];
    }
  grand /= n;
  for (guint a = 0; a < cells.n_a; a++)
    a_mean[a] /= (double) (data->offsets[a + 1] - data->offsets[a]);

  fitted = g_new (double, cells.n_a * cells.n_b);
  if (!fit_additive (&cells, grand, fitted, &rank, error))
    return FALSE;

  /* Sequential sums of squares as squared distances between nested fits: A against the
   * grand mean, A + B against A, the cell means against A + B. */
  for (guint a = 0; a < cells.n_a; a++)
    {
      double na = (double) (data->offsets[a + 1] - data->offsets[a]);

      out->a.ss += na * (a_mean[a] - grand) * (a_mean[a] - grand);
    }
  for (guint c = 0; c < cells.n_a * cells.n_b; c++)
    if (cells.count[c] > 0)
      {
        double to_b = fitted[c] - a_mean[c / cells.n_b];
        double to_ab = cells.mean[c] - fitted[c];

        out->b.ss += cells.count[c] * to_b * to_b;
        out->interaction.ss += cells.count[c] * to_ab * to_ab;
      }
  out->a.df = cells.n_a - 1;
  out->b.df = (double) rank - cells.n_a;
  out->interaction.df = (double) cells.n_filled - rank;
  out->residual.ss = cells.within;
  out->residual.ms = cells.within / out->residual.df;
  out->residual.statistic = out->residual.p = NAN;
  finish_term (&out->a, &out->residual);
  finish_term (&out->b, &out->residual);
  finish_term (&out->interaction, &out->residual);
  return TRUE;
}

ObPairwise *
ob_twoway_sidak (const ObGroupData *data,
                 const ObTwoway    *fit,
                 gsize             *n_pairs,
                 GError           **error)
{
  g_auto(Cells) cells = { 0 };
  g_autofree ObPairwise *pairs = NULL;
  double m, crit, df = fit->residual.df, mse = fit->residual.ms;
  gsize at = 0;

  *n_pairs = 0;
  if (!cells_compute (data, &cells, error))
    return NULL;

  /* The family is every comparison made; count them first. */
  for (guint a = 0; a < cells.n_a; a++)
    for (guint b1 = 0; b1 < cells.n_b; b1++)
      for (guint b2 = b1 + 1; b2 < cells.n_b; b2++)
        if (cells.count[a * cells.n_b + b1] > 0 && cells.count[a * cells.n_b + b2] > 0)
          at++;
  if (at == 0)
    {
      g_set_error_literal (error, OB_ERROR, OB_ERROR_NO_DATA,
                           _("No two levels of the second factor share a group to compare"));
      return NULL;
    }
  m = (double) at;
  /* Šidák: each comparison at level 1 − 0.95^(1/m), so that all m hold together. */
  crit = gsl_cdf_tdist_Qinv (-expm1 (log (0.95) / m) / 2, df);

  pairs = g_new0 (ObPairwise, at);
  at = 0;
  for (guint a = 0; a < cells.n_a; a++)
    for (guint b1 = 0; b1 < cells.n_b; b1++)
      for (guint b2 = b1 + 1; b2 < cells.n_b; b2++)
        {
          guint c1 = a * cells.n_b + b1, c2 = a * cells.n_b + b2;
          ObPairwise *pair;
          double se;

          if (cells.count[c1] == 0 || cells.count[c2] == 0)
            continue;
          pair = &pairs[at++];
          pair->a = b1;
          pair->b = b2;
          pair->within = a;
          pair->diff = cells.mean[c2] - cells.mean[c1];
          pair->rank_diff = NAN;
          se = sqrt (mse * (1 / cells.count[c1] + 1 / cells.count[c2]));
          pair->statistic = pair->diff / se;
          pair->df = df;
          pair->p = 2 * gsl_cdf_tdist_Q (fabs (pair->statistic), df);
          /* 1 − (1 − p)^m, without losing small p to rounding. */
          pair->p_adj = MIN (1.0, -expm1 (m * log1p (-pair->p)));
          pair->lower = pair->diff - crit * se;
          pair->upper = pair->diff + crit * se;
        }
  *n_pairs = at;
  return g_steal_pointer (&pairs);
}
