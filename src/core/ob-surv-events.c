/* ob-surv-events.c — which rows of the event column are events
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-core"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "ob-surv-data-private.h"

/* Does a cell equal one of the user's event values?  Numbers compare as numbers, so "2"
 * matches 2.0 and "2.0" matches 2. */
static gboolean
text_is_event_value (const char         *text,
                     double              value,
                     const char * const *values,
                     const double       *numbers)
{
  for (guint k = 0; values[k] != NULL; k++)
    {
      if (text != NULL && strcmp (text, values[k]) == 0)
        return TRUE;
      if (!isnan (value) && !isnan (numbers[k]) && value == numbers[k])
        return TRUE;
      if (text != NULL && !isnan (numbers[k]))
        {
          char *end = NULL;
          double parsed = g_ascii_strtod (text, &end);

          if (end != text && *end == '\0' && parsed == numbers[k])
            return TRUE;
        }
    }
  return FALSE;
}

static gboolean
cell_is_event_value (const ObColumn     *column,
                     gsize               row,
                     const char * const *values,
                     const double       *numbers)
{
  return text_is_event_value (ob_column_get_string (column, row),
                              (column->type == OB_COLUMN_NUMERIC
                               || column->type == OB_COLUMN_DATE) ? column->num[row] : NAN,
                              values, numbers);
}

/* The user's event values against a categorical column: each level is matched once, not each
 * row, since a million rows hold a handful of levels.  FALSE when a value names no level
 * that occurs (a typo, not a study without events). */
static gboolean
categorical_events (const ObColumn     *column,
                    gsize               n_rows,
                    const guint8       *keep,
                    const char * const *values,
                    const double       *numbers,
                    guint8             *status,
                    const char        **missing_value)
{
  guint n_levels = column->levels->len;
  g_autofree guint8 *occurs = g_new0 (guint8, n_levels);
  g_autofree guint8 *is_event = g_new0 (guint8, n_levels);

  for (gsize i = 0; i < n_rows; i++)
    if (column->codes[i] != OB_LEVEL_MISSING)
      occurs[column->codes[i]] = 1;
  for (guint k = 0; values[k] != NULL; k++)
    {
      const char *one[2] = { values[k], NULL };
      gboolean found = FALSE;

      for (guint l = 0; l < n_levels; l++)
        if (occurs[l] && text_is_event_value (g_ptr_array_index (column->levels, l), NAN, one,
                                              &numbers[k]))
          is_event[l] = 1, found = TRUE;
      if (!found)
        {
          *missing_value = values[k];
          return FALSE;
        }
    }
  for (gsize i = 0; i < n_rows; i++)
    if (keep[i])
      status[i] = column->codes[i] != OB_LEVEL_MISSING && is_event[column->codes[i]];
  return TRUE;
}

/* Like ob_column_get_double, but text cells that read as numbers count too. */
static double
cell_number (const ObColumn *column,
             gsize           row)
{
  const char *text;
  char *end = NULL;
  double value;

  if (column->type != OB_COLUMN_TEXT)
    return ob_column_get_double (column, row);
  text = column->text[row];
  if (text == NULL)
    return NAN;
  value = g_ascii_strtod (text, &end);
  return (end != text && *end == '\0') ? value : NAN;
}

/* The default event coding follows R's Surv(): a numeric status whose largest value is 2 is
 * 1/2 coded (2 = event), otherwise it must be 0/1; TRUE/FALSE columns count TRUE. */
static gboolean
decode_default_events (const ObColumn  *column,
                       gsize            n_rows,
                       const guint8    *keep,
                       guint8          *status,
                       GError         **error)
{
  double max = -INFINITY;
  gboolean logical = column->type == OB_COLUMN_CATEGORICAL || column->type == OB_COLUMN_TEXT;

  if (logical)
    for (gsize i = 0; i < n_rows && logical; i++)
      {
        const char *text = ob_column_get_string (column, i);

        if (keep[i] && text != NULL && g_ascii_strcasecmp (text, "TRUE") != 0
            && g_ascii_strcasecmp (text, "FALSE") != 0)
          logical = FALSE;
      }
  if (logical)
    {
      for (gsize i = 0; i < n_rows; i++)
        if (keep[i])
          status[i] = g_ascii_strcasecmp (ob_column_get_string (column, i), "TRUE") == 0;
      return TRUE;
    }

  for (gsize i = 0; i < n_rows; i++)
    if (keep[i])
      {
        double value = cell_number (column, i);

        if (isnan (value))
          {
            const char *cell = ob_column_get_string (column, i);

            g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                         _("The event column “%s” holds “%s” on row %zu; name the values that mean "
                           "an event with --event-values"),
                         column->name, cell != NULL ? cell : "", i + 1);
            return FALSE;
          }
        max = MAX (max, value);
      }

  for (gsize i = 0; i < n_rows; i++)
    if (keep[i])
      {
        double value = cell_number (column, i);
        double code = max == 2 ? value - 1 : value;

        if (code != 0 && code != 1)
          {
            g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                         _("The event column “%s” is neither 0/1 nor 1/2 coded (row %zu holds %g); "
                           "name the values that mean an event with --event-values"),
                         column->name, i + 1, value);
            return FALSE;
          }
        status[i] = code == 1;
      }
  return TRUE;
}

gboolean
ob_surv_decode_events (const ObColumn     *column,
                       gsize               n_rows,
                       const guint8       *keep,
                       const char * const *event_values,
                       guint8             *status,
                       GError            **error)
{
  if (event_values != NULL && event_values[0] != NULL)
    {
      guint n_values = g_strv_length ((char **) event_values);
      g_autofree double *numbers = g_new (double, n_values);
      const char *missing_value = NULL;

      for (guint k = 0; k < n_values; k++)
        {
          char *end = NULL;

          numbers[k] = g_ascii_strtod (event_values[k], &end);
          if (end == event_values[k] || *end != '\0')
            numbers[k] = NAN;
        }
      if (column->type == OB_COLUMN_CATEGORICAL)
        {
          if (!categorical_events (column, n_rows, keep, event_values, numbers,
                                   status, &missing_value))
            {
              g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                           _("The event value “%s” does not occur in column “%s”; check "
                             "--event-values"),
                           missing_value, column->name);
              return FALSE;
            }
        }
      else
        for (gsize i = 0; i < n_rows; i++)
          if (keep[i])
            status[i] = cell_is_event_value (column, i, event_values, numbers);

      /* A value that occurs nowhere in the column is a typo, not a study without events. */
      for (guint k = 0; k < n_values && column->type != OB_COLUMN_CATEGORICAL; k++)
        {
          const char *one[2] = { event_values[k], NULL };
          gboolean found = FALSE;

          for (gsize i = 0; i < n_rows && !found; i++)
            found = !ob_column_is_missing (column, i)
                    && cell_is_event_value (column, i, one, &numbers[k]);
          if (!found)
            {
              g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                           _("The event value “%s” does not occur in column “%s”; check "
                             "--event-values"),
                           event_values[k], column->name);
              return FALSE;
            }
        }
      return TRUE;
    }
  return decode_default_events (column, n_rows, keep, status, error);
}
