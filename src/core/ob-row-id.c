/* ob-row-id.c — naming a row of a table, to leave it out of an analysis by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-core"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "ob-row-id.h"

char *
ob_row_id_get (const ObDataset *dataset,
               int              id_column,
               gsize            row)
{
  g_return_val_if_fail (row < ob_dataset_get_n_rows (dataset), g_strdup (""));

  if (id_column < 0)
    return g_strdup_printf ("%" G_GSIZE_FORMAT, row + 1);
  return ob_dataset_format_cell (dataset, (guint) id_column, row);
}

void
ob_row_id_split (const char  *spec,
                 char       **id,
                 char       **reason)
{
  const char *colon = strchr (spec, ':');

  *id = g_strstrip (colon != NULL ? g_strndup (spec, colon - spec) : g_strdup (spec));
  *reason = colon != NULL ? g_strstrip (g_strdup (colon + 1)) : NULL;
  if (*reason != NULL && **reason == '\0')
    g_clear_pointer (reason, g_free);
}

static void
take (gsize   row,
      guint8 *keep,
      GArray *matched)
{
  keep[row] = 0;
  if (matched != NULL)
    g_array_append_val (matched, row);
}

/* Cells are compared by type rather than formatted, so a million rows cost no allocation. */
gsize
ob_row_id_exclude (const ObDataset  *dataset,
                   int               id_column,
                   const char       *id,
                   guint8           *keep,
                   GArray           *matched,
                   GError          **error)
{
  gsize n_rows = ob_dataset_get_n_rows (dataset);
  const ObColumn *column;
  gsize n = 0;
  char *end = NULL;
  double number;

  g_return_val_if_fail (id != NULL && keep != NULL, 0);

  number = g_ascii_strtod (id, &end);
  if (id_column < 0)
    {
      if (end != id && *end == '\0' && number >= 1 && number <= (double) n_rows &&
          number == floor (number))
        {
          take ((gsize) number - 1, keep, matched);
          return 1;
        }
      g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                   _("No row is numbered “%s”: without an identifier column, rows are "
                     "numbered 1 to %zu under the header"), id, n_rows);
      return 0;
    }

  column = ob_dataset_get_column (dataset, (guint) id_column);
  switch (column->type)
    {
    case OB_COLUMN_CATEGORICAL:
      for (guint l = 0; l < column->levels->len; l++)
        if (g_str_equal (g_ptr_array_index (column->levels, l), id))
          for (gsize r = 0; r < n_rows; r++)
            if (column->codes[r] == l)
              {
                take (r, keep, matched);
                n++;
              }
      break;
    case OB_COLUMN_TEXT:
      for (gsize r = 0; r < n_rows; r++)
        if (column->text[r] != NULL && g_str_equal (column->text[r], id))
          {
            take (r, keep, matched);
            n++;
          }
      break;
    case OB_COLUMN_NUMERIC:
      if (end != id && *end == '\0')
        for (gsize r = 0; r < n_rows; r++)
          if (column->num[r] == number)
            {
              take (r, keep, matched);
              n++;
            }
      break;
    case OB_COLUMN_DATE:
    default:
      for (gsize r = 0; r < n_rows; r++)
        {
          g_autofree char *cell = ob_dataset_format_cell (dataset, (guint) id_column, r);

          if (g_str_equal (cell, id))
            {
              take (r, keep, matched);
              n++;
            }
        }
      break;
    }
  if (n == 0)
    g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                 _("No row has “%s” in the identifier column “%s”"), id, column->name);
  return n;
}
