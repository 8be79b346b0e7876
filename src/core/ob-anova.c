/* ob-anova.c — one-way tests over several groups and their pairwise comparisons
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-core"

#include "config.h"

#include <glib/gi18n.h>
#include <gsl/gsl_cdf.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ob-anova.h"
#include "ob-group-sort.h"

typedef struct
{
  gsize n;
  double mean;
  double var;
  double rank_mean;
} GroupStats;

static void
group_stats (const double *values,
             const gsize  *offsets,
             guint         n_groups,
             GroupStats   *stats)
{
  for (guint g = 0; g < n_groups; g++)
    {
      const double *x = values + offsets[g];
      gsize n = offsets[g + 1] - offsets[g];
      double sum = 0, ss = 0;

      for (gsize i = 0; i < n; i++)
        sum += x[i];
      stats[g].n = n;
      stats[g].mean = n > 0 ? sum / (double) n : NAN;
      for (gsize i = 0; i < n; i++)
        ss += (x[i] - stats[g].mean) * (x[i] - stats[g].mean);
      stats[g].var = n > 1 ? ss / (double) (n - 1) : NAN;
    }
}

/* Mean mid-rank of each group over all values; returns Σ(t³ − t) over the tie groups. */
static double
rank_means (const double *values,
            const gsize  *offsets,
            guint         n_groups,
            GroupStats   *stats)
{
  gsize n = offsets[n_groups];
  g_autofree double *all = g_memdup2 (values, n * sizeof (double));
  g_autofree guint32 *group = g_new (guint32, n);
  g_autofree double *sums = g_new0 (double, n_groups);
  double ties = 0;

  for (guint g = 0; g < n_groups; g++)
    for (gsize i = offsets[g]; i < offsets[g + 1]; i++)
      group[i] = g;
  ob_sort_doubles (all, group, n);
  for (gsize i = 0; i < n;)
    {
      gsize j = i;
      double t;

      while (j < n && all[j] == all[i])
        j++;
      for (gsize k = i; k < j; k++)
        sums[group[k]] += (double) (i + j + 1) / 2.0;
      t = (double) (j - i);
      ties += t * t * t - t;
      i = j;
    }
  for (guint g = 0; g < n_groups; g++)
    stats[g].rank_mean = sums[g] / (double) stats[g].n;
  return ties;
}

static gboolean
check_groups (const gsize  *offsets,
              guint         n_groups,
              gsize         min_n,
              GError      **error)
{
  if (n_groups < 2)
    {
      g_set_error_literal (error, OB_ERROR, OB_ERROR_NO_DATA,
                           _("A comparison needs at least two groups with values"));
      return FALSE;
    }
  for (guint g = 0; g < n_groups; g++)
    if (offsets[g + 1] - offsets[g] < min_n)
      {
        g_set_error (error, OB_ERROR, OB_ERROR_NO_DATA,
                     g_dngettext (GETTEXT_PACKAGE,
                                  "This test needs at least %zu value in every group",
                                  "This test needs at least %zu values in every group", min_n),
                     min_n);
        return FALSE;
      }
  return TRUE;
}

static gboolean
fail_constant (GError **error)
{
  g_set_error_literal (error, OB_ERROR, OB_ERROR_NUMERIC,
                       _("The values do not vary within the groups: the test cannot be computed"));
  return FALSE;
}

gboolean
ob_oneway_test (const double  *values,
                const gsize   *offsets,
                guint          n_groups,
                ObOnewayKind   kind,
                ObOneway      *out,
                GError       **error)
{
  g_autofree GroupStats *stats = g_new0 (GroupStats, n_groups);
  double k = n_groups, n;

  out->statistic = out->df1 = out->df2 = out->p = NAN;
  out->ss_between = out->ss_within = out->ms_within = NAN;
  if (!check_groups (offsets, n_groups, kind == OB_ONEWAY_WELCH ? 2 : 1, error))
    return FALSE;
  n = (double) offsets[n_groups];
  group_stats (values, offsets, n_groups, stats);

  if (kind == OB_ONEWAY_ANOVA)
    {
      double grand = 0, between = 0, within = 0;

      for (guint g = 0; g < n_groups; g++)
        grand += stats[g].mean * (double) stats[g].n;
      grand /= n;
      for (guint g = 0; g < n_groups; g++)
        {
          between += (double) stats[g].n * (stats[g].mean - grand) * (stats[g].mean - grand);
          if (stats[g].n > 1)
            within += stats[g].var * (double) (stats[g].n - 1);
        }
      if (n <= k)
        {
          g_set_error_literal (error, OB_ERROR, OB_ERROR_NO_DATA,
                               _("An ANOVA needs more values than groups"));
          return FALSE;
        }
      if (!(within > 0))
        return fail_constant (error);
      out->df1 = k - 1;
      out->df2 = n - k;
      out->ss_between = between;
      out->ss_within = within;
      out->ms_within = within / out->df2;
      out->statistic = between / out->df1 / out->ms_within;
      out->p = gsl_cdf_fdist_Q (out->statistic, out->df1, out->df2);
    }
  else if (kind == OB_ONEWAY_WELCH)
    {
      double sum_w = 0, mu = 0, between = 0, tmp = 0;

      for (guint g = 0; g < n_groups; g++)
        {
          if (!(stats[g].var > 0))
            return fail_constant (error);
          sum_w += (double) stats[g].n / stats[g].var;
        }
      for (guint g = 0; g < n_groups; g++)
        mu += (double) stats[g].n / stats[g].var * stats[g].mean / sum_w;
      for (guint g = 0; g < n_groups; g++)
        {
          double w = (double) stats[g].n / stats[g].var;

          between += w * (stats[g].mean - mu) * (stats[g].mean - mu);
          tmp += (1 - w / sum_w) * (1 - w / sum_w) / (double) (stats[g].n - 1);
        }
      tmp /= k * k - 1;
      out->df1 = k - 1;
      out->df2 = 1 / (3 * tmp);
      out->statistic = between / ((k - 1) * (1 + 2 * (k - 2) * tmp));
      out->p = gsl_cdf_fdist_Q (out->statistic, out->df1, out->df2);
    }
  else
    {
      double ties = rank_means (values, offsets, n_groups, stats), h = 0;

      if (ties >= n * n * n - n)
        return fail_constant (error);
      for (guint g = 0; g < n_groups; g++)
        h += (double) stats[g].n * stats[g].rank_mean * stats[g].rank_mean;
      h = 12 / (n * (n + 1)) * h - 3 * (n + 1);
      out->statistic = h / (1 - ties / (n * n * n - n));
      out->df1 = k - 1;
      out->p = gsl_cdf_chisq_Q (out->statistic, out->df1);
    }
  return TRUE;
}

static int
compare_p (const void *a,
           const void *b)
{
  double x = (*(ObPairwise * const *) a)->p;
  double y = (*(ObPairwise * const *) b)->p;

  return (x > y) - (x < y);
}

/* p.adjust(p, "holm"): step-down, kept monotone, capped at 1. */
static void
adjust_holm (ObPairwise *pairs,
             gsize       n)
{
  g_autofree ObPairwise **order = g_new (ObPairwise *, n);
  double running = 0;

  for (gsize i = 0; i < n; i++)
    order[i] = &pairs[i];
  qsort (order, n, sizeof (ObPairwise *), compare_p);
  for (gsize i = 0; i < n; i++)
    {
      running = MAX (running, (double) (n - i) * order[i]->p);
      order[i]->p_adj = MIN (running, 1.0);
    }
}

ObPairwise *
ob_posthoc_oneway (const double  *values,
                   const gsize   *offsets,
                   guint          n_groups,
                   ObPosthoc      method,
                   gsize         *n_pairs,
                   GError       **error)
{
  g_autofree GroupStats *stats = g_new0 (GroupStats, n_groups);
  g_autofree ObPairwise *pairs = NULL;
  double k = n_groups, n, ms_within = NAN, df_within = NAN, q_crit = NAN, rank_var = NAN;
  gsize at = 0;

  *n_pairs = 0;
  if (method == OB_POSTHOC_SIDAK)
    {
      g_set_error_literal (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                           _("Šidák comparisons follow a two-way ANOVA"));
      return NULL;
    }
  if (!check_groups (offsets, n_groups, method == OB_POSTHOC_GAMES_HOWELL ? 2 : 1, error))
    return NULL;
  n = (double) offsets[n_groups];
  group_stats (values, offsets, n_groups, stats);

  if (method == OB_POSTHOC_TUKEY)
    {
      ObOneway anova;

      if (!ob_oneway_test (values, offsets, n_groups, OB_ONEWAY_ANOVA, &anova, error))
        return NULL;
      ms_within = anova.ms_within;
      df_within = anova.df2;
      q_crit = ob_qtukey (0.95, k, df_within);
    }
  else if (method == OB_POSTHOC_DUNN)
    {
      double ties = rank_means (values, offsets, n_groups, stats);

      rank_var = n * (n + 1) / 12 - ties / (12 * (n - 1));
      if (!(rank_var > 0))
        {
          fail_constant (error);
          return NULL;
        }
    }
  else
    for (guint g = 0; g < n_groups; g++)
      if (!(stats[g].var > 0))
        {
          fail_constant (error);
          return NULL;
        }

  pairs = g_new0 (ObPairwise, n_groups * (n_groups - 1) / 2);
  for (guint a = 0; a < n_groups; a++)
    for (guint b = a + 1; b < n_groups; b++, at++)
      {
        ObPairwise *pair = &pairs[at];
        double na = (double) stats[a].n, nb = (double) stats[b].n;

        pair->a = a;
        pair->b = b;
        pair->within = G_MAXUINT;
        pair->diff = stats[b].mean - stats[a].mean;
        pair->rank_diff = NAN;
        if (method == OB_POSTHOC_TUKEY)
          {
            double se = sqrt (ms_within / 2 * (1 / na + 1 / nb));

            pair->df = df_within;
            pair->statistic = pair->diff / se / G_SQRT2;
            pair->lower = pair->diff - q_crit * se;
            pair->upper = pair->diff + q_crit * se;
            pair->p = pair->p_adj = ob_ptukey (fabs (pair->diff) / se, k, df_within, FALSE);
          }
        else if (method == OB_POSTHOC_GAMES_HOWELL)
          {
            double ea = stats[a].var / na, eb = stats[b].var / nb, se = sqrt (ea + eb);
            double crit;

            pair->df = (ea + eb) * (ea + eb) / (ea * ea / (na - 1) + eb * eb / (nb - 1));
            pair->statistic = pair->diff / se;
            crit = ob_qtukey (0.95, k, pair->df) / G_SQRT2;
            pair->lower = pair->diff - crit * se;
            pair->upper = pair->diff + crit * se;
            pair->p = pair->p_adj = ob_ptukey (fabs (pair->statistic) * G_SQRT2, k, pair->df,
                                               FALSE);
          }
        else
          {
            pair->rank_diff = stats[b].rank_mean - stats[a].rank_mean;
            pair->df = NAN;
            pair->lower = pair->upper = NAN;
            pair->statistic = pair->rank_diff / sqrt (rank_var * (1 / na + 1 / nb));
            pair->p = 2 * gsl_cdf_ugaussian_Q (fabs (pair->statistic));
          }
      }
  if (method == OB_POSTHOC_DUNN)
    adjust_holm (pairs, at);
  *n_pairs = at;
  return g_steal_pointer (&pairs);
}
