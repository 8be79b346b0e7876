/* ob-surv-where.c — subgroup filters ("COLUMN=VALUE") turned into a row mask, and the check
 * that groups were known at baseline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-core"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "ob-surv-data.h"

/* A filter value matches a text cell exactly, or as a number when both are numbers, so
 * "ph.ecog=1" and "ph.ecog=1.0" select the same rows whatever type the importer chose. */
static gboolean
text_matches (const char *text,
              const char *value,
              double      number)
{
  char *end = NULL;
  double parsed;

  if (strcmp (text, value) == 0)
    return TRUE;
  if (isnan (number))
    return FALSE;
  parsed = g_ascii_strtod (text, &end);
  return end != text && *end == '\0' && parsed == number;
}

static void
mark_matches (const ObColumn *column,
              gsize           n_rows,
              const char     *value,
              double          number,
              guint8         *hit)
{
  switch (column->type)
    {
    case OB_COLUMN_NUMERIC:
    case OB_COLUMN_DATE:
      for (gsize i = 0; i < n_rows; i++)
        hit[i] |= isnan (column->num[i]) ? value[0] == '\0'
                  : (!isnan (number) && column->num[i] == number);
      break;
    case OB_COLUMN_CATEGORICAL:
      {
        /* decide per level once rather than per row */
        guint n_levels = column->levels->len;
        g_autofree guint8 *level_hit = g_new0 (guint8, n_levels + 1);

        for (guint l = 0; l < n_levels; l++)
          level_hit[l] = text_matches (g_ptr_array_index (column->levels, l), value, number);
        for (gsize i = 0; i < n_rows; i++)
          hit[i] |= column->codes[i] == OB_LEVEL_MISSING ? value[0] == '\0'
                    : level_hit[column->codes[i]];
        break;
      }
    case OB_COLUMN_TEXT:
    default:
      for (gsize i = 0; i < n_rows; i++)
        hit[i] |= column->text[i] == NULL ? value[0] == '\0'
                  : text_matches (column->text[i], value, number);
      break;
    }
}

guint8 *
ob_dataset_where_mask (const ObDataset    *dataset,
                       const char * const *filters,
                       GError            **error)
{
  gsize n_rows = ob_dataset_get_n_rows (dataset);
  g_autofree guint8 *mask = g_malloc (MAX (n_rows, 1));
  g_autofree guint8 *column_hit = g_malloc (MAX (n_rows, 1));
  guint n_columns = ob_dataset_get_n_columns (dataset);
  g_autofree gboolean *seen = g_new0 (gboolean, MAX (n_columns, 1));
  guint n_filters = filters != NULL ? g_strv_length ((char **) filters) : 0;
  g_autofree int *filter_column = g_new (int, MAX (n_filters, 1));

  memset (mask, 1, MAX (n_rows, 1));

  for (guint f = 0; f < n_filters; f++)
    {
      const char *eq = strchr (filters[f], '=');
      g_autofree char *name = NULL;

      if (eq == NULL || eq == filters[f])
        {
          g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                       _("The filter “%s” is not of the form COLUMN=VALUE"), filters[f]);
          return NULL;
        }
      name = g_strstrip (g_strndup (filters[f], (gsize) (eq - filters[f])));
      filter_column[f] = ob_dataset_find_column (dataset, name);
      if (filter_column[f] < 0)
        {
          g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                       _("The filter “%s” names a column “%s” that the data does not have"),
                       filters[f], name);
          return NULL;
        }
    }

  /* Filters on the same column are alternatives; different columns must all hold. */
  for (guint f = 0; f < n_filters; f++)
    {
      int c = filter_column[f];
      const ObColumn *column = ob_dataset_get_column (dataset, (guint) c);

      if (seen[c])
        continue;
      seen[c] = TRUE;
      memset (column_hit, 0, MAX (n_rows, 1));
      for (guint g = f; g < n_filters; g++)
        {
          const char *value;
          char *end = NULL;
          double number;

          if (filter_column[g] != c)
            continue;
          value = strchr (filters[g], '=') + 1;
          number = g_ascii_strtod (value, &end);
          if (end == value || *end != '\0')
            number = NAN;
          mark_matches (column, n_rows, value, number, column_hit);
        }
      for (gsize i = 0; i < n_rows; i++)
        mask[i] &= column_hit[i];
    }

  return g_steal_pointer (&mask);
}

/* Lower-cased text names a tumour response, the usual grouping that is known only after
 * follow-up has begun.  Short RECIST codes count only as a whole level, so "PR" is caught
 * without every label that merely contains the letters. */
static gboolean
names_response (const char *text,
                gboolean    whole_codes)
{
  static const char * const words[] = { "respon", "奏効", "奏功" };
  static const char * const codes[] = { "cr", "pr", "cr/pr", "cr+pr", "cr or pr", "orr" };
  g_autofree char *lower = g_utf8_strdown (text, -1);

  g_strstrip (lower);
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (strstr (lower, words[i]) != NULL)
      return TRUE;
  for (guint i = 0; whole_codes && i < G_N_ELEMENTS (codes); i++)
    if (strcmp (lower, codes[i]) == 0)
      return TRUE;
  return FALSE;
}

const char *
ob_surv_data_response_warning (const ObSurvData *data,
                               const ObSurvSpec *spec)
{
  gboolean response;

  g_return_val_if_fail (data != NULL && spec != NULL, NULL);

  /* A landmark analysis is the remedy, so it is not warned about again. */
  if (spec->group_column == NULL || spec->landmark > 0)
    return NULL;
  response = names_response (spec->group_column, FALSE);
  for (guint g = 0; !response && data->group_names[g] != NULL; g++)
    response = names_response (data->group_names[g], TRUE);
  if (!response)
    return NULL;
  return _("Groups defined by response are known only after follow-up begins (immortal-time "
           "bias). Consider a landmark analysis (--landmark).");
}
