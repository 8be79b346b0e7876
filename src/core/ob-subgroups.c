/* ob-subgroups.c — the hazard ratio of two arms within subgroups, and the interaction test
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-subgroups"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>

#include "ob-subgroups.h"

/* A design column whose part not explained by the columns before it (and the constant) is
 * this small a fraction of its own spread is aliased, as coxph's Cholesky tolerance treats it. */
#define ALIAS_TOLERANCE 1e-9

static void
row_clear (ObSubgroupRow *row)
{
  g_free (row->variable);
  g_free (row->subgroup);
  g_free (row->reason);
  g_free (row->warning);
}

void
ob_subgroups_free (ObSubgroups *subgroups)
{
  if (subgroups == NULL)
    return;
  g_free (subgroups->group_column);
  g_free (subgroups->arm_names[0]);
  g_free (subgroups->arm_names[1]);
  row_clear (&subgroups->overall);
  for (guint i = 0; i < subgroups->n_rows; i++)
    row_clear (&subgroups->rows[i]);
  g_free (subgroups->rows);
  for (guint i = 0; i < subgroups->n_interactions; i++)
    {
      g_free (subgroups->interactions[i].variable);
      g_free (subgroups->interactions[i].reason);
    }
  g_free (subgroups->interactions);
  g_free (subgroups);
}

static void
row_set_missing (ObSubgroupRow *row)
{
  row->coef = row->se = NAN;
  row->hr = row->hr_lower = row->hr_upper = row->p = NAN;
}

/* The rows of src (already in time order) whose level is `want` (all rows when level is NULL),
 * with room for a p-column design that the caller fills in. */
static ObSurvData *
fit_data_new (const ObSurvData *src,
              const guint32    *level,
              guint32           want,
              gsize             n,
              guint             p)
{
  ObSurvData *d = g_new0 (ObSurvData, 1);
  gsize k = 0;

  d->n = n;
  d->time = g_new (double, n);
  d->status = g_new (guint8, n);
  d->row_index = g_new (gsize, n);
  d->p = p;
  d->x = g_new0 (double, MAX (n * p, 1));
  d->term_names = g_new0 (char *, p + 1);
  for (guint j = 0; j < p; j++)
    d->term_names[j] = g_strdup_printf ("x%u", j + 1);
  for (gsize j = 0; j < src->n; j++)
    {
      if (level != NULL && level[j] != want)
        continue;
      d->time[k] = src->time[j];
      d->status[k] = src->status[j];
      d->row_index[k] = j;
      k++;
    }
  g_assert (k == n);
  return d;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static int
compare_strings (const void *a,
                 const void *b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The rows of src whose cell in column is known, still in time order: no second sort. */
static ObSurvData *
known_rows (const ObSurvData *src,
            const ObColumn   *column)
{
  ObSurvData *d = g_new0 (ObSurvData, 1);
  gsize k = 0;

  d->time = g_new (double, MAX (src->n, 1));
  d->status = g_new (guint8, MAX (src->n, 1));
  d->group = g_new (guint32, MAX (src->n, 1));
  d->row_index = g_new (gsize, MAX (src->n, 1));
  for (gsize j = 0; j < src->n; j++)
    if (!ob_column_is_missing (column, src->row_index[j]))
      {
        d->time[k] = src->time[j];
        d->status[k] = src->status[j];
        d->group[k] = src->group[j];
        d->row_index[k] = src->row_index[j];
        k++;
      }
  d->n = k;
  d->n_groups = src->n_groups;
  d->group_names = g_strdupv (src->group_names);
  d->reference = src->reference;
  d->term_names = g_new0 (char *, 1);
  return d;
}

/* Levels of a subgroup column over the kept rows of data, in sorted order (numbers by value),
 * only those that occur.  level[j] indexes the returned names. */
static char **
subgroup_levels (const ObColumn    *column,
                 const ObSurvData  *data,
                 guint32           *level)
{
  GPtrArray *names = g_ptr_array_new ();

  if (column->type == OB_COLUMN_CATEGORICAL)
    {
      g_autofree guint32 *remap = g_new (guint32, column->levels->len);

      for (guint l = 0; l < column->levels->len; l++)
        remap[l] = G_MAXUINT32;
      for (gsize j = 0; j < data->n; j++)
        remap[column->codes[data->row_index[j]]] = 0;
      for (guint l = 0; l < column->levels->len; l++)
        if (remap[l] == 0)
          {
            remap[l] = names->len;
            g_ptr_array_add (names, g_strdup (g_ptr_array_index (column->levels, l)));
          }
      for (gsize j = 0; j < data->n; j++)
        level[j] = remap[column->codes[data->row_index[j]]];
    }
  else if (column->type == OB_COLUMN_TEXT)
    {
      g_autofree const char **sorted = g_new (const char *, MAX (data->n, 1));
      gsize m = 0;

      for (gsize j = 0; j < data->n; j++)
        sorted[j] = column->text[data->row_index[j]];
      qsort (sorted, data->n, sizeof (char *), compare_strings);
      for (gsize j = 0; j < data->n; j++)
        if (m == 0 || strcmp (sorted[m - 1], sorted[j]) != 0)
          sorted[m++] = sorted[j];
      for (gsize l = 0; l < m; l++)
        g_ptr_array_add (names, g_strdup (sorted[l]));
      for (gsize j = 0; j < data->n; j++)
        {
          const char *key = column->text[data->row_index[j]];
          const char **hit = bsearch (&key, sorted, m, sizeof (char *), compare_strings);

          level[j] = (guint32) (hit - sorted);
        }
    }
  else
    {
      g_autofree double *sorted = g_new (double, MAX (data->n, 1));
      gsize m = 0;

      for (gsize j = 0; j < data->n; j++)
        sorted[j] = column->num[data->row_index[j]];
      qsort (sorted, data->n, sizeof (double), compare_doubles);
      for (gsize j = 0; j < data->n; j++)
        if (m == 0 || sorted[m - 1] != sorted[j])
          sorted[m++] = sorted[j];
      for (gsize l = 0; l < m; l++)
        g_ptr_array_add (names, g_strdup_printf ("%g", sorted[l]));
      for (gsize j = 0; j < data->n; j++)
        {
          double key = column->num[data->row_index[j]];
          const double *hit = bsearch (&key, sorted, m, sizeof (double), compare_doubles);

          level[j] = (guint32) (hit - sorted);
        }
    }
  g_ptr_array_add (names, NULL);
  return (char **) g_ptr_array_free (names, FALSE);
}

/* Marks which of the p columns of x (row-major) are not a linear combination of the constant
 * and the columns kept before them: Gram–Schmidt in column order, so the later of two aliased
 * terms goes, as coxph leaves it NA. */
static void
find_aliased (const double *x,
              gsize         n,
              guint         p,
              gboolean     *keep)
{
  g_autofree double *basis = g_new (double, MAX (n * p, 1));
  g_autofree double *v = g_new (double, MAX (n, 1));
  guint m = 0;

  for (guint k = 0; k < p; k++)
    {
      double mean = 0, norm0 = 0, norm = 0;

      for (gsize i = 0; i < n; i++)
        mean += (v[i] = x[i * p + k]);
      mean /= (double) MAX (n, 1);
      for (gsize i = 0; i < n; i++)
        {
          v[i] -= mean;
          norm0 += v[i] * v[i];
        }
      /* twice, so rounding in the first pass cannot leave a spurious remainder */
      for (guint pass = 0; pass < 2; pass++)
        for (guint b = 0; b < m; b++)
          {
            const double *q = basis + (gsize) b * n;
            double dot = 0;

            for (gsize i = 0; i < n; i++)
              dot += v[i] * q[i];
            for (gsize i = 0; i < n; i++)
              v[i] -= dot * q[i];
          }
      for (gsize i = 0; i < n; i++)
        norm += v[i] * v[i];
      keep[k] = norm0 > 0 && norm > ALIAS_TOLERANCE * norm0;
      if (keep[k])
        {
          double *q = basis + (gsize) m * n;
          double scale = 1 / sqrt (norm);

          for (gsize i = 0; i < n; i++)
            q[i] = v[i] * scale;
          m++;
        }
    }
}

/* Fits the kept columns of the full design (row-major n × p_full, rows of src). */
static ObCox *
fit_design (const ObSurvData    *src,
            const double        *x_full,
            guint                p_full,
            const gboolean      *keep,
            guint                p_use,
            const ObCoxOptions  *options,
            GError             **error)
{
  g_autoptr(ObSurvData) d = NULL;
  guint p = 0;

  for (guint k = 0; k < p_use; k++)
    p += keep[k] ? 1 : 0;
  d = fit_data_new (src, NULL, 0, src->n, p);
  for (gsize i = 0; i < src->n; i++)
    {
      guint t = 0;

      for (guint k = 0; k < p_use; k++)
        if (keep[k])
          d->x[i * p + t++] = x_full[i * p_full + k];
    }
  return ob_cox_fit (d, options, error);
}

/* The hazard ratio of arm 1 against arm 0 among the rows of src at `want` (all when level is
 * NULL). */
static void
fit_row (const ObSurvData    *src,
         const guint32       *level,
         guint32              want,
         const guint8        *arm,
         char * const        *arm_names,
         const ObCoxOptions  *options,
         ObSubgroupRow       *row)
{
  g_autoptr(ObSurvData) d = NULL;
  g_autoptr(ObCox) cox = NULL;
  g_autoptr(GError) error = NULL;

  row_set_missing (row);
  for (gsize j = 0; j < src->n; j++)
    {
      if (level != NULL && level[j] != want)
        continue;
      row->n++;
      row->events += src->status[j];
      row->n_arm[arm[j]]++;
      row->events_arm[arm[j]] += src->status[j];
    }
  for (guint a = 0; a < 2; a++)
    if (row->n_arm[a] == 0)
      {
        row->reason = g_strdup_printf (_("Every patient here is in the %s arm"),
                                       arm_names[1 - a]);
        return;
      }
  if (row->events == 0)
    {
      row->reason = g_strdup (_("No events here"));
      return;
    }
  for (guint a = 0; a < 2; a++)
    if (row->events_arm[a] == 0)
      {
        /* the partial likelihood keeps rising as the hazard ratio goes to 0 or infinity */
        row->reason = g_strdup_printf (_("No events in the %s arm; the hazard ratio is not "
                                         "estimable"), arm_names[a]);
        return;
      }

  d = fit_data_new (src, level, want, row->n, 1);
  for (gsize k = 0; k < d->n; k++)
    d->x[k] = arm[d->row_index[k]];
  cox = ob_cox_fit (d, options, &error);
  if (cox == NULL)
    {
      row->reason = g_strdup (error->message);
      return;
    }
  row->coef = cox->terms[0].coef;
  row->se = cox->terms[0].se;
  row->hr = cox->terms[0].hr;
  row->hr_lower = cox->terms[0].hr_lower;
  row->hr_upper = cox->terms[0].hr_upper;
  row->p = cox->terms[0].p;
  row->warning = g_strdup (cox->warning);
}

static guint8 *
arms_of (const ObSurvData *data,
         const char       *comparison)
{
  guint8 *arm = g_new (guint8, MAX (data->n, 1));
  g_autofree guint8 *by_group = g_new0 (guint8, data->n_groups + 1);

  for (guint g = 0; g < data->n_groups; g++)
    by_group[g] = strcmp (data->group_names[g], comparison) == 0;
  for (gsize j = 0; j < data->n; j++)
    arm[j] = by_group[data->group[j]];
  return arm;
}

/* anova (coxph (~ arm + by), coxph (~ arm * by)) on the rows of data. */
static void
test_interaction (const ObSurvData       *data,
                  const guint32          *level,
                  guint                   n_levels,
                  const guint8           *arm,
                  const ObCoxOptions     *options,
                  ObSubgroupInteraction  *out)
{
  guint p_full = 2 * n_levels - 1, df = 0;
  g_autofree double *x = NULL;
  g_autofree gboolean *keep = NULL;
  g_autoptr(ObCox) additive = NULL;
  g_autoptr(ObCox) full = NULL;
  g_autoptr(GError) error = NULL;

  out->chisq = out->p = NAN;
  out->n = data->n;
  for (gsize j = 0; j < data->n; j++)
    out->events += data->status[j];
  if (n_levels < 2)
    {
      out->reason = g_strdup_printf (_("“%s” has a single level here; there is no interaction "
                                       "to test"), out->variable);
      return;
    }

  x = g_new0 (double, data->n * p_full);
  for (gsize j = 0; j < data->n; j++)
    {
      double *xr = x + j * p_full;

      xr[0] = arm[j];
      if (level[j] > 0)
        {
          xr[level[j]] = 1;
          xr[n_levels - 1 + level[j]] = arm[j];
        }
    }
  keep = g_new (gboolean, p_full);
  find_aliased (x, data->n, p_full, keep);
  for (guint k = n_levels; k < p_full; k++)
    df += keep[k] ? 1 : 0;
  if (!keep[0] || df == 0)
    {
      out->reason = g_strdup_printf (_("No level of “%s” but one has patients in both arms; "
                                       "there is no interaction to test"), out->variable);
      return;
    }

  additive = fit_design (data, x, p_full, keep, n_levels, options, &error);
  if (additive != NULL)
    full = fit_design (data, x, p_full, keep, p_full, options, &error);
  if (full == NULL)
    {
      out->reason = g_strdup (error->message);
      return;
    }
  out->df = df;
  out->chisq = 2 * (full->loglik - additive->loglik);
  out->p = gsl_cdf_chisq_Q (MAX (out->chisq, 0), df);
}

ObSubgroups *
ob_subgroups_new (const ObDataset     *dataset,
                  const ObSurvSpec    *spec,
                  const char * const  *by_columns,
                  const guint8        *mask,
                  const ObCoxOptions  *options,
                  GError             **error)
{
  g_autoptr(ObSubgroups) result = NULL;
  g_autoptr(ObSurvData) all = NULL;
  g_autofree guint8 *arm = NULL;
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (ObSubgroupRow));
  ObCoxOptions defaults;
  ObSurvSpec base;
  guint n_by;

  g_return_val_if_fail (dataset != NULL && spec != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (by_columns == NULL || by_columns[0] == NULL)
    {
      g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                   _("Choose at least one column that defines the subgroups"));
      return NULL;
    }
  if (spec->group_column == NULL)
    {
      g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                   _("Choose the group column whose hazard ratio is compared across "
                     "subgroups"));
      return NULL;
    }
  if (options == NULL)
    {
      ob_cox_options_init (&defaults);
      options = &defaults;
    }
  g_array_set_clear_func (rows, (GDestroyNotify) row_clear);
  base = *spec;
  base.covariates = NULL;
  base.strata_column = NULL;

  all = ob_surv_data_new (dataset, &base, mask, error);
  if (all == NULL)
    return NULL;
  if (all->n_groups != 2)
    {
      g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The group column “%s” has %u level; a subgroup analysis "
                                "compares two arms",
                                "The group column “%s” has %u levels; a subgroup analysis "
                                "compares two arms (filter the rows to keep two)",
                                all->n_groups),
                   spec->group_column, all->n_groups);
      return NULL;
    }

  result = g_new0 (ObSubgroups, 1);
  result->ties = options->ties;
  result->group_column = g_strdup (spec->group_column);
  result->arm_names[0] = g_strdup (all->group_names[all->reference]);
  result->arm_names[1] = g_strdup (all->group_names[1 - all->reference]);
  result->n_excluded = all->n_excluded;
  result->overall.block = G_MAXUINT;
  arm = arms_of (all, result->arm_names[1]);
  fit_row (all, NULL, 0, arm, result->arm_names, options, &result->overall);

  n_by = g_strv_length ((char **) by_columns);
  result->interactions = g_new0 (ObSubgroupInteraction, n_by);
  result->n_interactions = n_by;
  for (guint b = 0; b < n_by; b++)
    {
      ObSubgroupInteraction *inter = &result->interactions[b];
      const ObColumn *column = ob_dataset_lookup_column (dataset, by_columns[b]);
      g_autoptr(ObSurvData) data = NULL;
      g_autofree guint32 *level = NULL;
      g_autofree guint8 *by_arm = NULL;
      g_auto(GStrv) names = NULL;
      guint n_levels;

      if (column == NULL)
        {
          g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                       _("There is no column “%s” to define subgroups"), by_columns[b]);
          return NULL;
        }
      inter->variable = g_strdup (column->name);
      data = known_rows (all, column);
      if (data->n == 0)
        {
          g_set_error (error, OB_ERROR, OB_ERROR_NO_DATA,
                       _("Every row left to analyse has a missing value in “%s”"),
                       column->name);
          return NULL;
        }
      level = g_new (guint32, MAX (data->n, 1));
      names = subgroup_levels (column, data, level);
      n_levels = g_strv_length (names);
      by_arm = arms_of (data, result->arm_names[1]);

      inter->first_row = rows->len;
      inter->n_rows = n_levels;
      for (guint l = 0; l < n_levels; l++)
        {
          ObSubgroupRow row = { 0 };

          row.variable = g_strdup (column->name);
          row.subgroup = g_strdup (names[l]);
          row.block = b;
          fit_row (data, level, l, by_arm, result->arm_names, options, &row);
          g_array_append_val (rows, row);
        }
      test_interaction (data, level, n_levels, by_arm, options, inter);
    }
  result->n_rows = rows->len;
  result->rows = (ObSubgroupRow *) (void *) g_array_free (g_steal_pointer (&rows), FALSE);
  return g_steal_pointer (&result);
}
