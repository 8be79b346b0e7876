/* ob-group-limits.c — values flagged beyond the limits of quantification
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-core"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "ob-group-limits.h"

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

gboolean
ob_group_limits_check_bounds (const ObDataset *dataset,
                              const char      *lower_column,
                              const char      *upper_column,
                              GError         **error)
{
  if ((lower_column == NULL) != (upper_column == NULL))
    {
      g_set_error_literal (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                           _("--lower and --upper go together: the two ends of each value’s "
                             "interval"));
      return FALSE;
    }
  return lower_column == NULL
         || (check_numeric (dataset, lower_column, "--lower", error)
             && check_numeric (dataset, upper_column, "--upper", error));
}

void
ob_group_limits_intervals (const ObDataset   *dataset,
                           const char        *lower_column,
                           const char        *upper_column,
                           const ObGroupData *data,
                           double           **lower,
                           double           **upper)
{
  const ObColumn *lo = ob_dataset_lookup_column (dataset, lower_column);
  const ObColumn *hi = ob_dataset_lookup_column (dataset, upper_column);

  *lower = g_new (double, MAX (data->n, 1));
  *upper = g_new (double, MAX (data->n, 1));
  for (gsize i = 0; i < data->n; i++)
    {
      (*lower)[i] = lo != NULL ? ob_column_get_double (lo, data->row_index[i]) : NAN;
      (*upper)[i] = hi != NULL ? ob_column_get_double (hi, data->row_index[i]) : NAN;
    }
}

guint8 *
ob_group_limits_flag_rows (const ObDataset *dataset,
                           const char      *flag_column,
                           guint8         **mask,
                           gsize           *n_below,
                           gsize           *n_above,
                           GError         **error)
{
  const ObColumn *flag = ob_dataset_lookup_column (dataset, flag_column);
  gsize n = ob_dataset_get_n_rows (dataset);
  guint8 *kinds;

  *n_below = *n_above = 0;
  if (flag == NULL)
    {
      g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                   _("--flag: the column “%s” is not in the table"), flag_column);
      return NULL;
    }
  if (*mask == NULL)
    {
      *mask = g_malloc (MAX (n, 1));
      memset (*mask, 1, MAX (n, 1));
    }
  kinds = g_malloc0 (MAX (n, 1));
  for (gsize row = 0; row < n; row++)
    {
      const char *cell = ob_column_get_string (flag, row);

      if (!(*mask)[row] || cell == NULL)
        continue;
      if (has_flag (cell, "<LLOQ"))
        {
          kinds[row] = OB_LIMIT_BELOW;
          (*n_below)++;
        }
      else if (has_flag (cell, ">ULOQ"))
        {
          kinds[row] = OB_LIMIT_ABOVE;
          (*n_above)++;
        }
      else
        continue;
      /* A number next to such a flag would be an extrapolation, not a measurement. */
      (*mask)[row] = 0;
    }
  return kinds;
}

double
ob_group_limits_from_cells (const ObDataset *dataset,
                            const guint8    *kinds,
                            ObLimitKind      kind)
{
  gboolean largest = kind == OB_LIMIT_BELOW;
  const ObColumn *column = ob_dataset_lookup_column (dataset, largest ? "lloq" : "uloq");
  gsize n = ob_dataset_get_n_rows (dataset);
  double best = NAN;

  if (column == NULL || column->type != OB_COLUMN_NUMERIC)
    return NAN;
  for (gsize row = 0; row < n; row++)
    {
      double v;

      if (kinds[row] != kind)
        continue;
      v = column->num[row];
      if (isfinite (v) && (isnan (best) || (largest ? v > best : v < best)))
        best = v;
    }
  return best;
}

void
ob_group_limits_count (const ObDataset   *dataset,
                       const char        *group_column,
                       const ObGroupData *data,
                       const guint8      *kinds,
                       gsize            **below,
                       gsize            **above,
                       gsize             *n_lost)
{
  int group_index = ob_dataset_find_column (dataset, group_column);
  const ObColumn *column = group_index >= 0 ? ob_dataset_get_column (dataset,
                                                                     (guint) group_index)
                                            : NULL;
  gsize n = ob_dataset_get_n_rows (dataset);
  g_autofree int *level_group = NULL;

  *below = g_new0 (gsize, MAX (data->n_groups, 1));
  *above = g_new0 (gsize, MAX (data->n_groups, 1));
  *n_lost = 0;
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

      if (kinds[row] == OB_LIMIT_NONE)
        continue;
      if (level_group != NULL)
        g = column->codes[row] != OB_LEVEL_MISSING ? level_group[column->codes[row]] : -1;
      else if (column != NULL)
        {
          g_autofree char *name = ob_dataset_format_cell (dataset, (guint) group_index, row);

          g = *name != '\0' ? ob_group_data_find (data, name) : -1;
        }
      if (g < 0)
        (*n_lost)++;
      else if (kinds[row] == OB_LIMIT_BELOW)
        (*below)[g]++;
      else
        (*above)[g]++;
    }
}
