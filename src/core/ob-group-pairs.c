/* ob-group-pairs.c — the values of two groups paired by a subject ID
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ob-group-pairs.h"

static gboolean
same_id (const ObColumn *column,
         gsize           row_a,
         gsize           row_b)
{
  if (column->type == OB_COLUMN_NUMERIC || column->type == OB_COLUMN_DATE)
    return column->num[row_a] == column->num[row_b];
  return g_strcmp0 (ob_column_get_string (column, row_a),
                    ob_column_get_string (column, row_b)) == 0;
}

static guint
id_hash (const ObColumn *column,
         gsize           row)
{
  if (column->type == OB_COLUMN_NUMERIC || column->type == OB_COLUMN_DATE)
    return g_double_hash (&column->num[row]);
  return g_str_hash (ob_column_get_string (column, row));
}

/* The slot holding the b row with @row's ID, or the empty slot where it would go. */
static gsize
probe (const ObColumn *column,
       const gssize   *slots,
       gsize           n_slots,
       const gsize    *b_rows,
       gsize           row)
{
  gsize h = id_hash (column, row) & (n_slots - 1);

  while (slots[h] >= 0 && !same_id (column, b_rows[slots[h]], row))
    h = (h + 1) & (n_slots - 1);
  return h;
}

gboolean
ob_group_data_pair_by_id (const ObDataset   *dataset,
                          const ObGroupData *data,
                          const char        *id_column,
                          const guint       *which,
                          double           **x,
                          double           **y,
                          gsize             *n_pairs,
                          gsize             *n_unpaired,
                          GError           **error)
{
  const ObColumn *column = ob_dataset_lookup_column (dataset, id_column);
  gsize a0 = data->offsets[which[0]], na = data->offsets[which[0] + 1] - a0;
  gsize b0 = data->offsets[which[1]], nb = data->offsets[which[1] + 1] - b0;
  gsize n_slots = 1, matched = 0;
  g_autofree gssize *slots = NULL;

  if (column == NULL)
    {
      g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                   _("The ID column “%s” is not in the table"), id_column);
      return FALSE;
    }
  /* Open addressing over b's rows: one allocation, whatever the number of pairs. */
  while (n_slots < 2 * nb + 1)
    n_slots *= 2;
  slots = g_new (gssize, n_slots);
  memset (slots, 0xff, n_slots * sizeof (gssize));
  for (gsize j = 0; j < nb; j++)
    {
      gsize row = data->row_index[b0 + j];
      gsize h;

      if (ob_column_is_missing (column, row))
        continue;
      h = probe (column, slots, n_slots, data->row_index + b0, row);
      if (slots[h] >= 0)
        {
          guint index = (guint) ob_dataset_find_column (dataset, id_column);
          g_autofree char *cell = ob_dataset_format_cell (dataset, index, row);

          g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                       _("The ID “%s” occurs twice in group “%s”: pairs must be unique"), cell,
                       data->group_names[which[1]]);
          return FALSE;
        }
      slots[h] = (gssize) j;
    }

  *x = g_new (double, MAX (na, 1));
  *y = g_new (double, MAX (na, 1));
  for (gsize i = 0; i < na; i++)
    {
      gsize row = data->row_index[a0 + i];
      gsize h;

      if (ob_column_is_missing (column, row))
        continue;
      h = probe (column, slots, n_slots, data->row_index + b0, row);
      if (slots[h] >= 0)
        {
          (*x)[matched] = data->values[a0 + i];
          (*y)[matched] = data->values[b0 + slots[h]];
          matched++;
        }
    }
  *n_pairs = matched;
  *n_unpaired = na + nb - 2 * matched;
  return TRUE;
}

ObGroupData *
ob_group_data_subset_pair (const ObGroupData *data,
                           const guint       *which)
{
  ObGroupData *sub = g_new0 (ObGroupData, 1);
  gsize n = 0;

  for (guint k = 0; k < 2; k++)
    n += data->offsets[which[k] + 1] - data->offsets[which[k]];
  sub->n = n;
  sub->n_groups = 2;
  sub->values = g_new (double, MAX (n, 1));
  sub->row_index = g_new (gsize, MAX (n, 1));
  sub->offsets = g_new0 (gsize, 3);
  sub->group_names = g_new0 (char *, 3);
  sub->exclusions = g_ptr_array_new_with_free_func (g_free);
  for (guint k = 0; k < 2; k++)
    {
      gsize first = data->offsets[which[k]], count = data->offsets[which[k] + 1] - first;

      memcpy (sub->values + sub->offsets[k], data->values + first, count * sizeof (double));
      memcpy (sub->row_index + sub->offsets[k], data->row_index + first,
              count * sizeof (gsize));
      sub->offsets[k + 1] = sub->offsets[k] + count;
      sub->group_names[k] = g_strdup (data->group_names[which[k]]);
    }
  return sub;
}
