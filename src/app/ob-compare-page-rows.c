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
#include "ob-group-limits.h"
#include "ob-surv-data.h"

/* Helpers */

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
  g_autofree guint8 *keep = NULL;
  g_autofree guint8 *kinds = NULL;

  *mask = NULL;
  *flagged = NULL;
  results->n_rows = n;
  results->n_kept = n;
  results->lloq = results->uloq = NAN;
  if (!ob_group_limits_check_bounds (job->dataset, job->lower_column, job->upper_column, error))
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
  kinds = ob_group_limits_flag_rows (job->dataset, job->flag_column, &keep,
                                     &results->n_below_total, &results->n_above_total, error);
  if (kinds == NULL)
    return FALSE;
  results->has_flags = TRUE;
  results->lloq = isnan (job->lloq) ? ob_group_limits_from_cells (job->dataset, kinds,
                                                                  OB_LIMIT_BELOW)
                                    : job->lloq;
  results->uloq = isnan (job->uloq) ? ob_group_limits_from_cells (job->dataset, kinds,
                                                                  OB_LIMIT_ABOVE)
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

  if (job->lower_column != NULL)
    ob_group_limits_intervals (job->dataset, job->lower_column, job->upper_column, data,
                               &results->lower, &results->upper);
  if (flagged == NULL)
    return;
  ob_group_limits_count (job->dataset, job->group_column, data, flagged, &results->n_below,
                         &results->n_above, &results->n_lost);
}
