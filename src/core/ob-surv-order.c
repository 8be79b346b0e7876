/* ob-surv-order.c — the rows of a dataset sorted by survival time, kept for the next analysis
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-core"

#include "config.h"

#include <math.h>
#include <string.h>

#include "ob-surv-data-private.h"
#include "ob-csv-columns.h"

/* One order per dataset: the time and event columns rarely change while filters and groups
 * do, and a new pair simply replaces the old one. */
#define CACHE_KEY "ob-surv-order"

/* Default event coding, decided on the kept rows only (see decode_default_events). */
enum
{
  CODE_FALSE = 3,
  CODE_TRUE = 4,
  CODE_OTHER = 255,
};

/* Guards the datasets' cached orders: the page computes in a thread, and a cancelled thread
 * may still be reading while a new one starts. */
static GMutex cache_lock;

static void
order_free (ObSurvOrder *order)
{
  g_free (order->event_key);
  g_free (order->row);
  g_free (order->time);
  g_free (order->code);
  g_free (order->reason);
  g_clear_pointer (&order->codes, g_hash_table_unref);
  g_mutex_clear (&order->lock);
}

void
ob_surv_order_unref (ObSurvOrder *order)
{
  g_atomic_rc_box_release_full (order, (GDestroyNotify) order_free);
}

static char *
event_key (const char * const *event_values)
{
  if (event_values == NULL || event_values[0] == NULL)
    return NULL;
  return g_strjoinv ("\x1f", (char **) event_values);
}

static gboolean
order_matches (const ObSurvOrder  *order,
               gsize               n_rows,
               const ObColumn     *time_col,
               const ObColumn     *event_col,
               const char         *key,
               double              time_scale)
{
  return order->n_rows == n_rows && order->time_col == time_col
         && order->event_col == event_col && order->time_scale == time_scale
         && g_strcmp0 (order->event_key, key) == 0;
}

/* The default coding's raw value of a cell: 0, 1, 2, TRUE, FALSE or anything else. */
static guint8
default_code (const ObColumn *column,
              gsize           row)
{
  double value;

  if (column->type == OB_COLUMN_CATEGORICAL || column->type == OB_COLUMN_TEXT)
    {
      const char *text = ob_column_get_string (column, row);
      char *end = NULL;

      if (g_ascii_strcasecmp (text, "TRUE") == 0)
        return CODE_TRUE;
      if (g_ascii_strcasecmp (text, "FALSE") == 0)
        return CODE_FALSE;
      value = g_ascii_strtod (text, &end);
      if (end == text || *end != '\0')
        return CODE_OTHER;
    }
  else
    value = column->num[row];
  if (value == 0 || value == 1 || value == 2)
    return (guint8) value;
  return CODE_OTHER;
}

static ObSurvOrder *
order_new (const ObDataset    *dataset,
           const ObColumn     *time_col,
           const ObColumn     *event_col,
           const char * const *event_values,
           double              time_scale)
{
  gsize n_rows = ob_dataset_get_n_rows (dataset);
  ObSurvOrder *order = g_atomic_rc_box_new0 (ObSurvOrder);
  g_autofree guint8 *usable = g_new0 (guint8, n_rows);
  g_autofree guint8 *status = NULL;
  g_autofree double *time = ob_csv_alloc_array (n_rows, sizeof (double));
  gboolean explicit = event_values != NULL && event_values[0] != NULL;
  gsize n = 0;

  order->n_rows = n_rows;
  order->time_col = time_col;
  order->event_col = event_col;
  order->event_key = event_key (event_values);
  order->time_scale = time_scale;
  order->reason = g_new (guint8, n_rows);
  g_mutex_init (&order->lock);

  for (gsize i = 0; i < n_rows; i++)
    {
      double t = ob_column_get_double (time_col, i);
      guint8 reason = OB_SURV_ROW_USABLE;

      if (isnan (t))
        reason = ob_column_is_missing (time_col, i) ? OB_SURV_ROW_NO_TIME : OB_SURV_ROW_BAD;
      else if (ob_column_is_missing (event_col, i))
        reason = OB_SURV_ROW_NO_EVENT;
      else if (!isfinite (t) || t < 0)
        reason = OB_SURV_ROW_BAD;
      order->reason[i] = reason;
      switch (reason)
        {
        case OB_SURV_ROW_USABLE:
          usable[i] = 1;
          time[i] = time_scale > 0 && time_scale != 1 ? t * time_scale : t;
          n++;
          break;
        case OB_SURV_ROW_NO_TIME:
          order->n_no_time++;
          break;
        case OB_SURV_ROW_NO_EVENT:
          order->n_no_event++;
          break;
        default:
          order->n_bad++;
          break;
        }
    }

  /* Explicit event values mean the same whatever rows are kept; the default coding does not,
   * so the raw values are kept and read once the rows are known. */
  order->code = ob_csv_alloc_array (n, sizeof (guint8));
  if (explicit)
    {
      status = g_new0 (guint8, n_rows);
      if (!ob_surv_decode_events (event_col, n_rows, usable, event_values, status, NULL))
        {
          ob_surv_order_unref (order);
          return NULL;
        }
    }

  /* Higher codes first at tied times, so events come before censorings under any coding; the
   * radix sort by time is stable and keeps them so. */
  order->row = ob_csv_alloc_array (n, sizeof (gsize));
  {
    g_autofree guint8 *row_code = g_new (guint8, n_rows);
    gsize count[256] = { 0 };
    gsize start[256];
    gsize pos = 0;

    for (gsize i = 0; i < n_rows; i++)
      if (usable[i])
        {
          row_code[i] = explicit ? status[i] : default_code (event_col, i);
          count[row_code[i]]++;
        }
    for (guint c = 256; c-- > 0;)
      {
        start[c] = pos;
        pos += count[c];
      }
    for (gsize i = 0; i < n_rows; i++)
      if (usable[i])
        {
          gsize j = start[row_code[i]]++;

          order->row[j] = i;
          order->code[j] = row_code[i];
        }
  }
  order->n = n;
  order->time = time;
  time = NULL;
  ob_surv_sort_rows (n, order->time, order->row, order->code);
  order->time = g_renew (double, order->time, MAX (n, 1));
  return order;
}

ObSurvOrder *
ob_surv_order_get (const ObDataset    *dataset,
                   const ObColumn     *time_col,
                   const ObColumn     *event_col,
                   const char * const *event_values,
                   double              time_scale)
{
  g_autofree char *key = event_key (event_values);
  ObSurvOrder *order;
  gsize n_rows = ob_dataset_get_n_rows (dataset);

  g_mutex_lock (&cache_lock);
  order = ob_dataset_get_cache (dataset, CACHE_KEY);
  if (order == NULL || !order_matches (order, n_rows, time_col, event_col, key, time_scale))
    {
      order = order_new (dataset, time_col, event_col, event_values, time_scale);
      if (order != NULL)
        ob_dataset_set_cache (dataset, CACHE_KEY, order,
                              (GDestroyNotify) ob_surv_order_unref);
    }
  if (order != NULL)
    g_atomic_rc_box_acquire (order);
  g_mutex_unlock (&cache_lock);
  return order;
}

const guint32 *
ob_surv_order_codes (ObSurvOrder    *order,
                     const ObColumn *column)
{
  guint32 *codes;

  g_return_val_if_fail (column->type == OB_COLUMN_CATEGORICAL, NULL);

  g_mutex_lock (&order->lock);
  if (order->codes == NULL)
    order->codes = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  codes = g_hash_table_lookup (order->codes, column);
  if (codes == NULL)
    {
      codes = ob_csv_alloc_array (order->n, sizeof (guint32));
      for (gsize j = 0; j < order->n; j++)
        codes[j] = column->codes[order->row[j]];
      g_hash_table_insert (order->codes, (gpointer) column, codes);
    }
  g_mutex_unlock (&order->lock);
  return codes;
}

gboolean
ob_surv_order_events (const ObSurvOrder *order,
                      guint8            *status,
                      gsize              n)
{
  guint32 seen = 0;
  guint8 event_code;

  if (order->event_key != NULL)
    return TRUE;   /* the codes are the status already */

  for (gsize j = 0; j < n; j++)
    seen |= status[j] == CODE_OTHER ? 1u << 31 : 1u << status[j];
  if (seen & (1u << 31))
    return FALSE;
  if ((seen & ((1u << CODE_TRUE) | (1u << CODE_FALSE))) != 0)
    {
      if ((seen & 0x7u) != 0)
        return FALSE;
      event_code = CODE_TRUE;
    }
  else if (seen & (1u << 2))
    {
      if (seen & 1u)
        return FALSE;   /* 0 in a 1/2 coded column */
      event_code = 2;
    }
  else
    event_code = 1;
  for (gsize j = 0; j < n; j++)
    status[j] = status[j] == event_code;
  return TRUE;
}
