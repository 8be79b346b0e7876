/* ob-compare-page-rows.c: the rows the compare page tests and how it draws them
 *
 * Filters, a paired test's subject column and the limits of quantification work as
 * `oncobench-cli compare --where/--id/--flag/--lower/--upper/--lloq/--uloq` do, so that a
 * figure made here is the one the command line makes from the same settings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-app"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "ob-compare-page-private.h"
#include "ob-surv-data.h"

/* Helpers */

/* "<LLOQ", ">ULOQ;outside standards": a cell holds a list of flags. */
static gboolean
has_flag (const char *cell,
          const char *flag)
{
  gsize n = strlen (flag);

  for (const char *p = cell; p != NULL && *p != '\0';)
    {
      while (*p == ' ')
        p++;
      if (strncmp (p, flag, n) == 0 && (p[n] == '\0' || p[n] == ';' || p[n] == ' '))
        return TRUE;
      p = strchr (p, ';');
      if (p != NULL)
        p++;
    }
  return FALSE;
}

static gboolean
check_numeric (const ObDataset *dataset,
               const char      *name,
               const char      *option,
               GError         **error)
{
  const ObColumn *column = ob_dataset_lookup_column (dataset, name);

  if (column == NULL)
    g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                 _("%s: the column “%s” is not in the table"), option, name);
  else if (column->type != OB_COLUMN_NUMERIC)
    g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                 _("%s: the column “%s” holds %s values, not numbers"), option, name,
                 ob_column_type_to_string (column->type));
  return column != NULL && column->type == OB_COLUMN_NUMERIC;
}

/* Without a limit given: where the samples' own limits say (the largest LLOQ and the
 * smallest ULOQ, so that every flagged sample lies beyond its line). */
static double
limit_from_column (const ObDataset *dataset,
                   const char      *name,
                   const guint8    *flagged,
                   guint8           kind,
                   gboolean         largest)
{
  const ObColumn *column = ob_dataset_lookup_column (dataset, name);
  gsize n = ob_dataset_get_n_rows (dataset);
  double best = NAN;

  if (column == NULL || column->type != OB_COLUMN_NUMERIC)
    return NAN;
  for (gsize row = 0; row < n; row++)
    {
      double v;

      if (flagged[row] != kind)
        continue;
      v = column->num[row];
      if (isfinite (v) && (isnan (best) || (largest ? v > best : v < best)))
        best = v;
    }
  return best;
}

static gsize
count_kept (const guint8 *mask,
            gsize         n)
{
  gsize kept = 0;

  for (gsize i = 0; i < n; i++)
    kept += mask[i] != 0;
  return kept;
}

/* Public */

gboolean
ob_compare_job_mask (const ObCompareJob *job,
                     ObCompareResults   *results,
                     guint8            **mask,
                     guint8            **flagged,
                     GError            **error)
{
  gsize n = ob_dataset_get_n_rows (job->dataset);
  guint n_where = job->where != NULL ? g_strv_length (job->where) : 0;
  const ObColumn *flag;
  g_autofree guint8 *keep = NULL;
  g_autofree guint8 *kinds = NULL;

  *mask = NULL;
  *flagged = NULL;
  results->n_rows = n;
  results->n_kept = n;
  results->lloq = results->uloq = NAN;
  if ((job->lower_column == NULL) != (job->upper_column == NULL))
    {
      g_set_error_literal (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                           _("--lower and --upper go together: the two ends of each value’s "
                             "interval"));
      return FALSE;
    }
  if (job->lower_column != NULL
      && (!check_numeric (job->dataset, job->lower_column, "--lower", error)
          || !check_numeric (job->dataset, job->upper_column, "--upper", error)))
    return FALSE;

  if (n_where > 0)
    {
      keep = ob_dataset_where_mask (job->dataset, (const char * const *) job->where, error);
      if (keep == NULL)
        return FALSE;
      results->n_kept = count_kept (keep, n);
      results->where = g_strdupv (job->where);
      results->where_kept = g_new0 (gsize, n_where);
      for (guint f = 0; f < n_where; f++)
        {
          const char * const one[] = { job->where[f], NULL };
          g_autofree guint8 *alone = ob_dataset_where_mask (job->dataset, one, NULL);

          results->where_kept[f] = alone != NULL ? count_kept (alone, n) : 0;
        }
    }

  if (job->flag_column == NULL)
    {
      *mask = g_steal_pointer (&keep);
      return TRUE;
    }
  flag = ob_dataset_lookup_column (job->dataset, job->flag_column);
  if (flag == NULL)
    {
      g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                   _("--flag: the column “%s” is not in the table"), job->flag_column);
      return FALSE;
    }
  if (keep == NULL)
    {
      keep = g_malloc (MAX (n, 1));
      memset (keep, 1, MAX (n, 1));
    }
  kinds = g_malloc0 (MAX (n, 1));
  for (gsize row = 0; row < n; row++)
    {
      const char *cell = ob_column_get_string (flag, row);

      if (!keep[row] || cell == NULL)
        continue;
      if (has_flag (cell, "<LLOQ"))
        kinds[row] = 1;
      else if (has_flag (cell, ">ULOQ"))
        kinds[row] = 2;
      else
        continue;
      /* A number next to such a flag would be an extrapolation, not a measurement. */
      keep[row] = 0;
    }
  results->has_flags = TRUE;
  results->lloq = isnan (job->lloq) ? limit_from_column (job->dataset, "lloq", kinds, 1, TRUE)
                                    : job->lloq;
  results->uloq = isnan (job->uloq) ? limit_from_column (job->dataset, "uloq", kinds, 2, FALSE)
                                    : job->uloq;
  *mask = g_steal_pointer (&keep);
  *flagged = g_steal_pointer (&kinds);
  return TRUE;
}

void
ob_compare_results_limits (const ObCompareJob *job,
                           ObCompareResults   *results,
                           const guint8       *flagged)
{
  const ObGroupData *data = ob_compare_results_figure_data (results);
  const ObColumn *column;
  g_autofree int *level_group = NULL;
  int group_index;
  gsize n = ob_dataset_get_n_rows (job->dataset);

  if (job->lower_column != NULL)
    {
      const ObColumn *lo = ob_dataset_lookup_column (job->dataset, job->lower_column);
      const ObColumn *hi = ob_dataset_lookup_column (job->dataset, job->upper_column);

      results->lower = g_new (double, MAX (data->n, 1));
      results->upper = g_new (double, MAX (data->n, 1));
      for (gsize i = 0; i < data->n; i++)
        {
          results->lower[i] = lo->num[data->row_index[i]];
          results->upper[i] = hi->num[data->row_index[i]];
        }
    }
  if (flagged == NULL)
    return;

  results->n_below = g_new0 (gsize, MAX (data->n_groups, 1));
  results->n_above = g_new0 (gsize, MAX (data->n_groups, 1));
  group_index = ob_dataset_find_column (job->dataset, job->group_column);
  column = group_index >= 0 ? ob_dataset_get_column (job->dataset, (guint) group_index) : NULL;
  /* A categorical column's levels are named once, not every flagged row's cell. */
  if (column != NULL && column->type == OB_COLUMN_CATEGORICAL)
    {
      level_group = g_new (int, MAX (column->levels->len, 1));
      for (guint l = 0; l < column->levels->len; l++)
        level_group[l] = ob_group_data_find (data, g_ptr_array_index (column->levels, l));
    }
  for (gsize row = 0; row < n; row++)
    {
      int g = -1;

      if (flagged[row] == 0)
        continue;
      if (flagged[row] == 1)
        results->n_below_total++;
      else
        results->n_above_total++;
      if (level_group != NULL)
        g = column->codes[row] != OB_LEVEL_MISSING ? level_group[column->codes[row]] : -1;
      else if (column != NULL)
        {
          g_autofree char *name = ob_dataset_format_cell (job->dataset, (guint) group_index,
                                                          row);

          g = *name != '\0' ? ob_group_data_find (data, name) : -1;
        }
      if (g < 0)
        results->n_lost++;
      else if (flagged[row] == 1)
        results->n_below[g]++;
      else
        results->n_above[g]++;
    }
}
