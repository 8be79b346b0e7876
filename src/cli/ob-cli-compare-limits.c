/* ob-cli-compare-limits.c — `compare --flag`: values beyond the limits of quantification are
 * counted per group, never tested as numbers; `--lower`/`--upper` carry each value's interval
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "ob-cli-common.h"
#include "ob-cli-compare-private.h"

void
ob_cli_compare_limits_init (ObCliCompareLimits *l)
{
  memset (l, 0, sizeof *l);
  l->lloq = l->uloq = NAN;
}

void
ob_cli_compare_limits_clear (ObCliCompareLimits *l)
{
  g_clear_pointer (&l->flag, g_free);
  g_clear_pointer (&l->lower, g_free);
  g_clear_pointer (&l->upper, g_free);
  g_clear_pointer (&l->below_rows, g_array_unref);
  g_clear_pointer (&l->above_rows, g_array_unref);
}

/* "<LLOQ", ">ULOQ;outside standards": the flags are a list. */
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

static const ObColumn *
numeric_column (const ObDataset *dataset,
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
  else
    return column;
  return NULL;
}

/* Without --lloq: where the samples' own limits say (largest LLOQ, smallest ULOQ: every
 * flagged sample lies beyond its line). */
static double
limit_from_column (const ObDataset *dataset,
                   const char      *name,
                   GArray          *rows,
                   gboolean         largest)
{
  const ObColumn *column = ob_dataset_lookup_column (dataset, name);
  double best = NAN;

  if (column == NULL || column->type != OB_COLUMN_NUMERIC)
    return NAN;
  for (guint i = 0; i < rows->len; i++)
    {
      double v = ob_column_get_double (column, g_array_index (rows, gsize, i));

      if (isfinite (v) && (isnan (best) || (largest ? v > best : v < best)))
        best = v;
    }
  return best;
}

gboolean
ob_cli_compare_limits_exclude (ObCliCompareLimits *l,
                               const ObDataset    *dataset,
                               guint8            **mask,
                               GError            **error)
{
  const ObColumn *flag;
  gsize n = ob_dataset_get_n_rows (dataset);

  if ((l->lower == NULL) != (l->upper == NULL))
    {
      g_set_error_literal (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                           _("--lower and --upper go together: the two ends of each value’s "
                             "interval"));
      return FALSE;
    }
  if (l->lower != NULL && (numeric_column (dataset, l->lower, "--lower", error) == NULL
                           || numeric_column (dataset, l->upper, "--upper", error) == NULL))
    return FALSE;
  if (l->flag == NULL)
    {
      if (!isnan (l->lloq) || !isnan (l->uloq))
        {
          g_set_error_literal (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                               _("--lloq and --uloq place the flagged values: name the flag "
                                 "column with --flag COL"));
          return FALSE;
        }
      return TRUE;
    }
  flag = ob_dataset_lookup_column (dataset, l->flag);
  if (flag == NULL)
    {
      g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                   _("--flag: the column “%s” is not in the table"), l->flag);
      return FALSE;
    }
  l->below_rows = g_array_new (FALSE, FALSE, sizeof (gsize));
  l->above_rows = g_array_new (FALSE, FALSE, sizeof (gsize));
  if (*mask == NULL)
    {
      *mask = g_new (guint8, MAX (n, 1));
      memset (*mask, 1, MAX (n, 1));
    }
  for (gsize row = 0; row < n; row++)
    {
      const char *cell = ob_column_get_string (flag, row);

      if (!(*mask)[row] || cell == NULL)
        continue;
      if (has_flag (cell, "<LLOQ"))
        g_array_append_val (l->below_rows, row);
      else if (has_flag (cell, ">ULOQ"))
        g_array_append_val (l->above_rows, row);
      else
        continue;
      /* A number next to such a flag would be an extrapolation: it is not a measurement. */
      (*mask)[row] = 0;
    }
  if (isnan (l->lloq))
    l->lloq = limit_from_column (dataset, "lloq", l->below_rows, TRUE);
  if (isnan (l->uloq))
    l->uloq = limit_from_column (dataset, "uloq", l->above_rows, FALSE);
  return TRUE;
}

static void
count_rows (const ObDataset   *dataset,
            int                group_index,
            const ObGroupData *data,
            GArray            *rows,
            gsize             *counts,
            gsize             *n_lost)
{
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      gsize row = g_array_index (rows, gsize, i);
      g_autofree char *name = ob_dataset_format_cell (dataset, (guint) group_index, row);
      int g = *name != '\0' ? ob_group_data_find (data, name) : -1;

      if (g >= 0)
        counts[g]++;
      else
        (*n_lost)++;
    }
}

void
ob_cli_compare_limits_count (const ObCliCompareLimits *l,
                             const ObDataset          *dataset,
                             const char               *group_column,
                             const ObGroupData        *data,
                             gsize                   **below,
                             gsize                   **above,
                             gsize                    *n_lost)
{
  int group_index = ob_dataset_find_column (dataset, group_column);

  *below = g_new0 (gsize, MAX (data->n_groups, 1));
  *above = g_new0 (gsize, MAX (data->n_groups, 1));
  *n_lost = 0;
  if (group_index < 0)
    return;
  count_rows (dataset, group_index, data, l->below_rows, *below, n_lost);
  count_rows (dataset, group_index, data, l->above_rows, *above, n_lost);
}

char *
ob_cli_compare_limits_json (const ObCliCompareLimits *l,
                            JsonBuilder              *b,
                            const ObDataset          *dataset,
                            const char               *group_column,
                            const ObGroupData        *data)
{
  g_autofree gsize *below = NULL;
  g_autofree gsize *above = NULL;
  gsize lost, n_below, n_above;

  if (l->flag == NULL)
    return NULL;
  ob_cli_compare_limits_count (l, dataset, group_column, data, &below, &above, &lost);
  n_below = l->below_rows->len;
  n_above = l->above_rows->len;
  json_builder_set_member_name (b, "limits");
  json_builder_begin_object (b);
  ob_cli_json_add_string (b, "flag", l->flag);
  ob_cli_json_add_double (b, "lloq", l->lloq);
  ob_cli_json_add_double (b, "uloq", l->uloq);
  ob_cli_json_add_int (b, "below_lloq", (gint64) n_below);
  ob_cli_json_add_int (b, "above_uloq", (gint64) n_above);
  ob_cli_json_add_int (b, "in_groups_without_values", (gint64) lost);
  json_builder_set_member_name (b, "groups");
  json_builder_begin_array (b);
  for (guint g = 0; g < data->n_groups; g++)
    {
      json_builder_begin_object (b);
      ob_cli_json_add_string (b, "name", data->group_names[g]);
      ob_cli_json_add_int (b, "n", (gint64) (data->offsets[g + 1] - data->offsets[g]));
      ob_cli_json_add_int (b, "below_lloq", (gint64) below[g]);
      ob_cli_json_add_int (b, "above_uloq", (gint64) above[g]);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  if (n_below + n_above == 0)
    return NULL;
  /* Counts after a colon need no plural forms. */
  if (lost > 0)
    return g_strdup_printf (_("Left out of the test, having no number (flagged in “%s”): below "
                              "the LLOQ %zu, above the ULOQ %zu, of which %zu in groups "
                              "without any number.  The test uses the %zu numeric values; the "
                              "flagged ones are counted per group under “limits”"),
                            l->flag, n_below, n_above, lost, data->n);
  return g_strdup_printf (_("Left out of the test, having no number (flagged in “%s”): below "
                            "the LLOQ %zu, above the ULOQ %zu.  The test uses the %zu numeric "
                            "values; the flagged ones are counted per group under “limits”"),
                          l->flag, n_below, n_above, data->n);
}
