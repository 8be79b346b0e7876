/* ob-lme-rm.c — two-way repeated-measures ANOVA (arm between subjects, day within) on the
 * subjects measured on every analysed day, as R's aov(… + Error(subject / factor(day)))
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Complete data make the split-plot orthogonal, so the sums of squares are differences of
 * means: no model matrix.  Rows are bucketed by subject (a counting sort), which also counts
 * the subjects measured per day in one pass.
 */
#define G_LOG_DOMAIN "oncobench-core"

#include "config.h"

#include <glib/gi18n.h>
#include <gsl/gsl_cdf.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ob-dataset.h"
#include "ob-lme.h"

/* Greenhouse–Geisser needs a days × days matrix; beyond this many days it is left out. */
#define GG_MAX_DAYS 500

static int
compare_double (const void *a,
                const void *b)
{
  const double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static gsize
find_day (const double *days,
          gsize         n_days,
          double        day)
{
  const double *hit = bsearch (&day, days, n_days, sizeof (double), compare_double);

  return hit - days;
}

static gboolean
row_valid (const guint32 *subject,
           guint          n_subjects,
           const guint32 *arm,
           guint          n_arms,
           const double  *day,
           const double  *y,
           gsize          i)
{
  return subject[i] < n_subjects && arm[i] < n_arms && isfinite (day[i]) && isfinite (y[i]);
}

/* ε from the pooled within-arm sums of squares and products of the k repeated measures:
 * (tr C)² / ((k − 1) tr C²) with C the double-centred matrix, whose non-zero eigenvalues are
 * those of the matrix on orthonormal contrasts that stats:::sphericity uses. */
static double
greenhouse_geisser (const double *cell,         /* s × k values */
                    const guint  *subject_arm,  /* s */
                    const double *arm_mean,     /* arms × k */
                    guint         s,
                    guint         k)
{
  g_autofree double *ssd = NULL;
  g_autofree double *row_mean = NULL;
  double all = 0, trace = 0, square = 0;

  if (k > GG_MAX_DAYS)
    return NAN;
  ssd = g_new0 (double, (gsize) k * k);
  row_mean = g_new0 (double, k);
  for (guint i = 0; i < s; i++)
    {
      const double *v = cell + (gsize) i * k, *mu = arm_mean + (gsize) subject_arm[i] * k;

      for (guint a = 0; a < k; a++)
        for (guint b = a; b < k; b++)
          ssd[a * k + b] += (v[a] - mu[a]) * (v[b] - mu[b]);
    }
  for (guint a = 0; a < k; a++)
    for (guint b = 0; b < a; b++)
      ssd[a * k + b] = ssd[b * k + a];
  for (guint a = 0; a < k; a++)
    {
      for (guint b = 0; b < k; b++)
        row_mean[a] += ssd[a * k + b] / k;
      all += row_mean[a] / k;
    }
  for (guint a = 0; a < k; a++)
    for (guint b = 0; b < k; b++)
      {
        double c = ssd[a * k + b] - row_mean[a] - row_mean[b] + all;

        if (a == b)
          trace += c;
        square += c * c;
      }
  return square > 0 ? trace * trace / ((k - 1) * square) : NAN;
}

static void
set_row (ObRmAnovaRow *row,
         const char   *name,
         guint         stratum,
         double        df,
         double        ss)
{
  row->name = g_strdup (name);
  row->stratum = stratum;
  row->df = df;
  row->ss = ss;
  row->ms = ss / df;
  row->f = row->p = row->p_gg = NAN;
}

static void
test_row (ObRmAnovaRow       *row,
          const ObRmAnovaRow *error_row,
          double              epsilon)
{
  row->f = row->ms / error_row->ms;
  row->p = gsl_cdf_fdist_Q (row->f, row->df, error_row->df);
  if (row->stratum == 1 && isfinite (epsilon))
    row->p_gg = gsl_cdf_fdist_Q (row->f, epsilon * row->df, epsilon * error_row->df);
}

/* Sums of squares of the complete subjects' k × s table. */
static void
fill_table (ObRmAnova    *res,
            const double *cell,
            const guint  *subject_arm,
            guint         s,
            guint         k,
            guint         n_arms)
{
  g_autofree double *arm_mean = g_new0 (double, (gsize) n_arms * k);
  g_autofree double *arm_n = g_new0 (double, n_arms);
  g_autofree double *day_mean = g_new0 (double, k);
  double grand = 0, ss_arm = 0, ss_between = 0, ss_day = 0, ss_cells = 0, ss_within = 0;
  guint g = 0;

  for (guint i = 0; i < s; i++)
    {
      arm_n[subject_arm[i]]++;
      for (guint j = 0; j < k; j++)
        {
          arm_mean[(gsize) subject_arm[i] * k + j] += cell[(gsize) i * k + j];
          day_mean[j] += cell[(gsize) i * k + j] / s;
        }
    }
  for (guint a = 0; a < n_arms; a++)
    if (arm_n[a] > 0)
      {
        g++;
        for (guint j = 0; j < k; j++)
          arm_mean[(gsize) a * k + j] /= arm_n[a];
      }
  for (guint j = 0; j < k; j++)
    grand += day_mean[j] / k;
  for (guint j = 0; j < k; j++)
    ss_day += s * (day_mean[j] - grand) * (day_mean[j] - grand);
  for (guint a = 0; a < n_arms; a++)
    if (arm_n[a] > 0)
      {
        const double *mu = arm_mean + (gsize) a * k;
        double level = 0;

        for (guint j = 0; j < k; j++)
          level += mu[j] / k;
        ss_arm += k * arm_n[a] * (level - grand) * (level - grand);
        for (guint j = 0; j < k; j++)
          ss_cells += arm_n[a] * (mu[j] - level) * (mu[j] - level);
      }
  for (guint i = 0; i < s; i++)
    {
      const double *v = cell + (gsize) i * k, *mu = arm_mean + (gsize) subject_arm[i] * k;
      double level = 0, own = 0;

      for (guint j = 0; j < k; j++)
        {
          level += mu[j] / k;
          own += v[j] / k;
        }
      ss_between += k * (own - level) * (own - level);
      for (guint j = 0; j < k; j++)
        {
          double e = v[j] - own - mu[j] + level;

          ss_within += e * e;
        }
    }

  res->gg_epsilon = greenhouse_geisser (cell, subject_arm, arm_mean, s, k);
  set_row (&res->rows[0], "arm", 0, g - 1, ss_arm);
  set_row (&res->rows[1], "Residuals", 0, s - g, ss_between);
  set_row (&res->rows[2], "day", 1, k - 1, ss_day);
  set_row (&res->rows[3], "arm:day", 1, (double) (g - 1) * (k - 1), ss_cells - ss_day);
  set_row (&res->rows[4], "Residuals", 1, (double) (s - g) * (k - 1), ss_within);
  test_row (&res->rows[0], &res->rows[1], NAN);
  test_row (&res->rows[2], &res->rows[4], res->gg_epsilon);
  test_row (&res->rows[3], &res->rows[4], res->gg_epsilon);
}

ObRmAnova *
ob_rm_anova_growth (const guint32  *subject,
                    guint           n_subjects,
                    const guint32  *arm,
                    guint           n_arms,
                    const double   *day,
                    const double   *y,
                    gsize           n,
                    GError        **error)
{
  g_autofree gsize *start = g_new0 (gsize, (gsize) n_subjects + 1);
  g_autofree guint *order_day = NULL;    /* rows bucketed by subject: their day's index … */
  g_autofree double *order_y = NULL;     /* … and their value */
  g_autofree double *days = NULL;
  g_autofree guint *rank = NULL;
  g_autoptr (GHashTable) distinct = g_hash_table_new (g_double_hash, g_double_equal);
  g_autofree guint32 *last = NULL;
  g_autofree guint *count = NULL;
  g_autofree guint *candidate = NULL;     /* day index → candidate rank, or G_MAXUINT */
  g_autofree double *sum = NULL;
  g_autofree guint *prefix = NULL;
  g_autofree guint *histogram = NULL;
  g_autofree double *cell = NULL;
  g_autofree guint *cell_arm = NULL;
  g_autofree guint32 *subject_arm = g_new (guint32, MAX (n_subjects, 1));
  g_autoptr (ObRmAnova) res = NULL;
  gsize n_valid = 0, n_days = 0;
  guint present = 0, n_cand = 0, best_k = 0, best_subjects = 0, s, g = 0;

  memset (subject_arm, 0xff, MAX (n_subjects, 1) * sizeof (guint32));
  for (gsize i = 0; i < n; i++)
    if (row_valid (subject, n_subjects, arm, n_arms, day, y, i))
      {
        if (subject_arm[subject[i]] != G_MAXUINT32 && subject_arm[subject[i]] != arm[i])
          {
            g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                         _("Row %zu: a subject appears in two arms; each "
                           "mouse must stay in one arm"), i + 1);
            return NULL;
          }
        if (subject_arm[subject[i]] == G_MAXUINT32)
          present++;
        subject_arm[subject[i]] = arm[i];
        start[subject[i] + 1]++;
        n_valid++;
      }

  /* Distinct days through a hash (a handful for a million rows), then sorted; rows bucketed
   * by subject with their day's rank. */
  days = g_new (double, MAX (n_valid, 1));
  for (gsize i = 0; i < n; i++)
    if (row_valid (subject, n_subjects, arm, n_arms, day, y, i) &&
        !g_hash_table_contains (distinct, &day[i]))
      {
        days[n_days] = day[i];
        g_hash_table_insert (distinct, (gpointer) &day[i], GSIZE_TO_POINTER (++n_days));
      }
  rank = g_new (guint, MAX (n_days, 1));
  {
    g_autofree double *sorted = g_memdup2 (days, MAX (n_days, 1) * sizeof (double));
    gsize u = 0;

    qsort (sorted, n_days, sizeof (double), compare_double);
    for (gsize i = 0; i < n_days; i++)
      if (u == 0 || sorted[i] != sorted[u - 1])
        sorted[u++] = sorted[i];
    for (gsize i = 0; i < n_days; i++)
      rank[i] = find_day (sorted, u, days[i]);
    memcpy (days, sorted, u * sizeof (double));
    n_days = u;
  }
  order_day = g_new (guint, MAX (n_valid, 1));
  order_y = g_new (double, MAX (n_valid, 1));
  for (guint i = 0; i < n_subjects; i++)
    start[i + 1] += start[i];
  for (gsize i = 0; i < n; i++)
    if (row_valid (subject, n_subjects, arm, n_arms, day, y, i))
      {
        gsize pos = start[subject[i]]++;

        order_day[pos] = rank[GPOINTER_TO_SIZE (g_hash_table_lookup (distinct, &day[i])) - 1];
        order_y[pos] = y[i];
      }
  for (guint i = n_subjects; i > 0; i--)
    start[i] = start[i - 1];
  start[0] = 0;

  /* Subjects measured per day; candidates are days at least half of them have. */
  last = g_new (guint32, MAX (n_days, 1));
  memset (last, 0xff, MAX (n_days, 1) * sizeof (guint32));
  count = g_new0 (guint, MAX (n_days, 1));
  for (guint i = 0; i < n_subjects; i++)
    for (gsize r = start[i]; r < start[i + 1]; r++)
      {
        guint d = order_day[r];

        if (last[d] != i)
          {
            last[d] = i;
            count[d]++;
          }
      }
  candidate = g_new (guint, MAX (n_days, 1));
  for (gsize d = 0; d < n_days; d++)
    candidate[d] = 2 * (gsize) count[d] >= present ? n_cand++ : G_MAXUINT;
  if (n_cand < 2)
    {
      g_set_error_literal (error, OB_ERROR, OB_ERROR_NO_DATA,
                           _("A repeated-measures ANOVA needs at least two days on which most "
                             "mice were measured"));
      return NULL;
    }

  /* Per subject and candidate day: the sum of its measurements (NAN when none). */
  sum = g_new (double, (gsize) n_subjects * n_cand);
  count = g_renew (guint, count, (gsize) n_subjects * n_cand);
  memset (count, 0, (gsize) n_subjects * n_cand * sizeof (guint));
  memset (sum, 0, (gsize) n_subjects * n_cand * sizeof (double));
  prefix = g_new0 (guint, MAX (n_subjects, 1));
  histogram = g_new0 (guint, n_cand + 1);
  for (guint i = 0; i < n_subjects; i++)
    {
      for (gsize r = start[i]; r < start[i + 1]; r++)
        {
          guint c = candidate[order_day[r]];

          if (c != G_MAXUINT)
            {
              sum[(gsize) i * n_cand + c] += order_y[r];
              count[(gsize) i * n_cand + c]++;
            }
        }
      while (prefix[i] < n_cand && count[(gsize) i * n_cand + prefix[i]] > 0)
        prefix[i]++;
      if (start[i + 1] > start[i])
        histogram[prefix[i]]++;
    }
  for (guint k = n_cand, complete = 0; k >= 2; k--)
    {
      complete += histogram[k];
      if ((gsize) complete * k > (gsize) best_subjects * best_k)
        {
          best_k = k;
          best_subjects = complete;
        }
    }

  res = g_new0 (ObRmAnova, 1);
  res->n_days = best_k;
  res->days = g_new (double, MAX (best_k, 1));
  res->dropped_days = g_new (double, MAX (n_days, 1));
  for (gsize d = 0; d < n_days; d++)
    if (candidate[d] < best_k)
      res->days[candidate[d]] = days[d];
    else
      res->dropped_days[res->n_dropped_days++] = days[d];
  res->dropped_subjects = g_new (guint32, MAX (present, 1));
  cell = g_new (double, (gsize) MAX (best_subjects, 1) * MAX (best_k, 1));
  cell_arm = g_new (guint, MAX (best_subjects, 1));
  s = 0;
  for (guint i = 0; i < n_subjects; i++)
    {
      if (start[i + 1] == start[i])
        continue;
      if (prefix[i] < best_k)
        {
          res->dropped_subjects[res->n_dropped_subjects++] = i;
          continue;
        }
      for (guint j = 0; j < best_k; j++)
        cell[(gsize) s * best_k + j] = sum[(gsize) i * n_cand + j] / count[(gsize) i * n_cand + j];
      cell_arm[s++] = subject_arm[i];
    }
  res->n_subjects = s;
  for (guint a = 0; a < n_arms; a++)
    for (guint i = 0; i < s; i++)
      if (cell_arm[i] == a)
        {
          g++;
          break;
        }
  if (g < 2 || s <= g)
    {
      g_set_error_literal (error, OB_ERROR, OB_ERROR_NO_DATA,
                           _("A repeated-measures ANOVA needs mice measured on every day in at "
                             "least two arms, and more mice than arms"));
      return NULL;
    }
  fill_table (res, cell, cell_arm, s, best_k, n_arms);
  res->warning = g_strdup_printf (
    _("Repeated-measures ANOVA on the %u of %u mice measured on all %u days analysed: mice "
      "that left the study early (removed at the size limit) are excluded, which biases the "
      "comparison towards the smaller tumours; the mixed model uses every measurement."),
    s, present, best_k);
  return g_steal_pointer (&res);
}

void
ob_rm_anova_free (ObRmAnova *anova)
{
  if (anova == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (anova->rows); i++)
    g_free (anova->rows[i].name);
  g_free (anova->days);
  g_free (anova->dropped_subjects);
  g_free (anova->dropped_days);
  g_free (anova->warning);
  g_free (anova);
}
