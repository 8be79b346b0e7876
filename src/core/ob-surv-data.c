/* ob-surv-data.c — survival data (time, event, group, covariates) taken from a dataset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-core"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ob-surv-data.h"
#include "ob-surv-data-private.h"
#include "ob-csv-columns.h"

/* A column seen as a factor over the kept rows: code per dataset row (G_MAXUINT32 when the
 * cell is missing) and the levels that occur, in sorted order. */
typedef struct
{
  guint32 *codes;
  /* Categorical columns keep their own codes, renumbered through remap: no array of a
   * million codes to write.  Neither codes nor source: every row is level 0. */
  const guint32 *source;
  guint32 *remap;
  char **names;        /* NULL-terminated */
  guint n_levels;
} Factor;

static inline guint32
factor_code (const Factor *factor,
             gsize         row)
{
  if (factor->codes != NULL)
    return factor->codes[row];
  if (factor->source == NULL)
    return 0;
  return factor->source[row] == OB_LEVEL_MISSING ? G_MAXUINT32
                                                  : factor->remap[factor->source[row]];
}

static void
factor_clear (Factor *factor)
{
  g_clear_pointer (&factor->codes, g_free);
  g_clear_pointer (&factor->remap, g_free);
  g_clear_pointer (&factor->names, g_strfreev);
  factor->n_levels = 0;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Numeric-aware, as the dataset sorts categorical levels: "2" < "10". */
static int
compare_level_strings (const void *a,
                       const void *b)
{
  const char *x = *(const char * const *) a;
  const char *y = *(const char * const *) b;
  char *end_x = NULL;
  char *end_y = NULL;
  double dx = g_ascii_strtod (x, &end_x);
  double dy = g_ascii_strtod (y, &end_y);

  if (end_x != x && *end_x == '\0' && end_y != y && *end_y == '\0' && dx != dy)
    return (dx > dy) - (dx < dy);
  return strcmp (x, y);
}

static char *
format_number (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.15g", value));
}

/* Dates as the table shows them, so a group named by a date reads as one. */
static char *
format_date (double days)
{
  g_autoptr(GDate) date = g_date_new_dmy (1, G_DATE_JANUARY, 1970);
  char buffer[32];

  if (days >= 0)
    g_date_add_days (date, (guint) days);
  else
    g_date_subtract_days (date, (guint) -days);
  g_date_strftime (buffer, sizeof buffer, "%Y-%m-%d", date);
  return g_strdup (buffer);
}

/* Levels that never occur in the kept rows are dropped, as R's strata() and factor() after
 * subsetting with droplevels(): an empty group has no curve and no Cox coefficient. */
static void
factor_from_column (const ObColumn *column,
                    gsize           n_rows,
                    const guint8   *keep,
                    Factor         *out)
{
  switch (column->type)
    {
    case OB_COLUMN_CATEGORICAL:
      {
        guint n_all = column->levels->len;
        guint32 *remap = g_new (guint32, n_all + 1);
        guint n_used = 0;

        memset (remap, 0, sizeof (guint32) * (n_all + 1));
        for (gsize i = 0; i < n_rows; i++)
          if (keep[i] && column->codes[i] != OB_LEVEL_MISSING)
            remap[column->codes[i]] = 1;
        out->names = g_new0 (char *, n_all + 1);
        for (guint l = 0; l < n_all; l++)
          if (remap[l])
            {
              out->names[n_used] = g_strdup (g_ptr_array_index (column->levels, l));
              remap[l] = n_used++;
            }
          else
            remap[l] = G_MAXUINT32;
        out->n_levels = n_used;
        out->source = column->codes;
        out->remap = remap;
        break;
      }

    case OB_COLUMN_NUMERIC:
    case OB_COLUMN_DATE:
      {
        g_autofree double *values = g_new (double, n_rows);
        gsize n_values = 0;
        gsize n_distinct = 0;

        gboolean few = TRUE;

        out->codes = g_new (guint32, n_rows);
        /* Group columns hold a handful of codes: collect them without sorting every row. */
        for (gsize i = 0; i < n_rows && few; i++)
          if (keep[i] && !isnan (column->num[i]))
            {
              gsize l = 0;

              while (l < n_values && values[l] != column->num[i])
                l++;
              if (l == n_values)
                {
                  few = n_values < 64;
                  values[n_values++] = column->num[i];
                }
            }
        if (!few)
          {
            n_values = 0;
            for (gsize i = 0; i < n_rows; i++)
              if (keep[i] && !isnan (column->num[i]))
                values[n_values++] = column->num[i];
          }
        qsort (values, n_values, sizeof (double), compare_doubles);
        for (gsize i = 0; i < n_values; i++)
          if (n_distinct == 0 || values[i] != values[n_distinct - 1])
            values[n_distinct++] = values[i];
        out->names = g_new0 (char *, n_distinct + 1);
        for (gsize l = 0; l < n_distinct; l++)
          out->names[l] = column->type == OB_COLUMN_DATE ? format_date (values[l])
                                                         : format_number (values[l]);
        out->n_levels = (guint) n_distinct;
        for (gsize i = 0; i < n_rows; i++)
          {
            const double *hit;

            if (isnan (column->num[i]))
              {
                out->codes[i] = G_MAXUINT32;
                continue;
              }
            hit = bsearch (&column->num[i], values, n_distinct, sizeof (double),
                           compare_doubles);
            out->codes[i] = hit != NULL ? (guint32) (hit - values) : G_MAXUINT32;
          }
        break;
      }

    case OB_COLUMN_TEXT:
    default:
      {
        g_autoptr(GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);
        g_autoptr(GPtrArray) distinct = g_ptr_array_new ();

        out->codes = g_new (guint32, n_rows);
        for (gsize i = 0; i < n_rows; i++)
          if (keep[i] && column->text[i] != NULL
              && !g_hash_table_contains (index, column->text[i]))
            {
              g_hash_table_add (index, column->text[i]);
              g_ptr_array_add (distinct, column->text[i]);
            }
        qsort (distinct->pdata, distinct->len, sizeof (char *), compare_level_strings);
        out->names = g_new0 (char *, distinct->len + 1);
        for (guint l = 0; l < distinct->len; l++)
          {
            out->names[l] = g_strdup (g_ptr_array_index (distinct, l));
            g_hash_table_insert (index, g_ptr_array_index (distinct, l), GUINT_TO_POINTER (l + 1));
          }
        out->n_levels = distinct->len;
        for (gsize i = 0; i < n_rows; i++)
          {
            gpointer code = column->text[i] != NULL
                            ? g_hash_table_lookup (index, column->text[i]) : NULL;
            out->codes[i] = code != NULL ? GPOINTER_TO_UINT (code) - 1 : G_MAXUINT32;
          }
        break;
      }
    }
}

static const ObColumn *
lookup_column (const ObDataset  *dataset,
               const char       *name,
               const char       *role,
               GError          **error)
{
  const ObColumn *column = ob_dataset_lookup_column (dataset, name);

  if (column == NULL)
    g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                 _("There is no column “%s” for the %s; check the column names in the header row"),
                 name, role);
  return column;
}


/* Stable LSD radix sort on the bits of the (non-negative) times: for such doubles the bit
 * pattern orders like the value.  Rows enter events first, so stability keeps events before
 * censorings at tied times, as survfit and coxph count them.  The sorted times are written
 * back over the first n of time from the keys, sparing both a gather through the permutation
 * and a fresh array (whose pages cost more to touch than the copy). */
void
ob_surv_sort_rows (gsize    n,
                   double  *time,
                   gsize   *order,
                   guint8  *code)
{
  g_autofree guint64 *keys_a = NULL;
  g_autofree guint64 *keys_b = NULL;
  g_autofree gsize *order_b = NULL;
  g_autofree guint8 *code_b = NULL;
  guint64 *keys, *keys_tmp;
  gsize *order_in = order, *order_out;
  guint8 *code_in = code, *code_out;

  /* g_new gives NULL for no rows, which memcpy may not be handed even for 0 bytes. */
  if (n == 0)
    return;
  /* In 2 MB pages: a million rows fault in 13 pages instead of 6,000. */
  keys = keys_a = ob_csv_alloc_array (n, sizeof (guint64));
  keys_tmp = keys_b = ob_csv_alloc_array (n, sizeof (guint64));
  order_out = order_b = ob_csv_alloc_array (n, sizeof (gsize));
  code_out = code_b = code != NULL ? ob_csv_alloc_array (n, sizeof (guint8)) : NULL;
  for (gsize i = 0; i < n; i++)
    {
      double t = time[order[i]] + 0.0;   /* folds -0.0 into +0.0 */
      memcpy (&keys[i], &t, sizeof t);
    }

  /* Each pass scatters from one buffer into the other and the two swap roles, so that no
   * pass copies back. */
  for (guint shift = 0; shift < 64; shift += 8)
    {
      gsize count[257] = { 0 };
      guint64 *swap_keys;
      gsize *swap_order;
      guint8 *swap_code;

      for (gsize i = 0; i < n; i++)
        count[((keys[i] >> shift) & 0xff) + 1]++;
      if (count[((keys[0] >> shift) & 0xff) + 1] == n)
        continue;   /* every key shares this byte */
      for (guint b = 0; b < 256; b++)
        count[b + 1] += count[b];
      for (gsize i = 0; i < n; i++)
        {
          gsize dest = count[(keys[i] >> shift) & 0xff]++;
          keys_tmp[dest] = keys[i];
          order_out[dest] = order_in[i];
          if (code != NULL)
            code_out[dest] = code_in[i];
        }
      swap_keys = keys; keys = keys_tmp; keys_tmp = swap_keys;
      swap_order = order_in; order_in = order_out; order_out = swap_order;
      swap_code = code_in; code_in = code_out; code_out = swap_code;
    }
  if (order_in != order)
    memcpy (order, order_in, n * sizeof (gsize));
  if (code != NULL && code_in != code)
    memcpy (code, code_in, n);
  memcpy (time, keys, n * sizeof (double));
}

typedef struct
{
  char *name;
  const ObColumn *column;
  Factor factor;         /* categorical covariates only */
} Covariate;

static void
add_exclusion (ObSurvData *data,
               gsize       count,
               const char *reason)
{
  if (count > 0)
    g_ptr_array_add (data->exclusions,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%" G_GSIZE_FORMAT
                                                   " row with a missing %s",
                                                   "%" G_GSIZE_FORMAT " rows with a missing %s",
                                                   count),
                                      count, reason));
}

static gboolean
is_numeric_column (const ObColumn *column)
{
  return column->type == OB_COLUMN_NUMERIC || column->type == OB_COLUMN_DATE;
}

static inline gboolean
cell_missing (const ObColumn *column,
              gsize           row)
{
  switch (column->type)
    {
    case OB_COLUMN_NUMERIC:
    case OB_COLUMN_DATE:
      return isnan (column->num[row]);
    case OB_COLUMN_CATEGORICAL:
      return column->codes[row] == OB_LEVEL_MISSING;
    case OB_COLUMN_TEXT:
    default:
      return column->text[row] == NULL;
    }
}

/* Rows missed for each reason, in the order the checks run. */
typedef struct
{
  gsize time, event, group, strata, cov;
} Missing;

/* The rows the filter keeps, walked in the cached time order: no sort, one pass.  FALSE when
 * a kept row needs what only the full path can say (a bad time, a mixed event coding). */
static gboolean
select_sorted (ObSurvOrder       *sorted,
               const guint8      *mask,
               const ObColumn    *group_col,
               const ObColumn    *strata_col,
               GArray            *covariates,
               guint8            *keep,
               gsize             *n_out,
               gsize            **row_out,
               double           **time_out,
               guint8           **status_out,
               guint32          **group_out,
               Missing           *missing)
{
  g_autofree gsize *row = NULL;
  g_autofree double *time = NULL;
  g_autofree guint8 *status = NULL;
  g_autofree guint32 *group = NULL;
  const guint32 *group_codes = NULL;
  g_autofree const ObColumn **checks = g_new (const ObColumn *, covariates->len + 2);
  guint n_checks = 0;
  gsize n = 0;

  if (mask == NULL)
    {
      if (sorted->n_bad > 0)
        return FALSE;
      missing->time = sorted->n_no_time;
      missing->event = sorted->n_no_event;
    }
  else
    for (gsize i = 0; i < sorted->n_rows; i++)
      if (mask[i])
        switch (sorted->reason[i])
          {
          case OB_SURV_ROW_NO_TIME:
            missing->time++;
            break;
          case OB_SURV_ROW_NO_EVENT:
            missing->event++;
            break;
          case OB_SURV_ROW_BAD:
            return FALSE;
          default:
            break;
          }

  /* Columns with no missing cell need no look per row. */
  for (guint k = 0; k < covariates->len; k++)
    {
      const ObColumn *column = g_array_index (covariates, Covariate, k).column;

      if (column->n_missing > 0)
        checks[n_checks++] = column;
    }

  /* A categorical group's codes in time order: read in sequence, not row by row. */
  if (group_col != NULL && group_col->type == OB_COLUMN_CATEGORICAL)
    {
      group_codes = ob_surv_order_codes (sorted, group_col);
      group = ob_csv_alloc_array (sorted->n, sizeof (guint32));
    }
  row = ob_csv_alloc_array (sorted->n, sizeof (gsize));
  time = ob_csv_alloc_array (sorted->n, sizeof (double));
  status = ob_csv_alloc_array (sorted->n, sizeof (guint8));
  for (gsize j = 0; j < sorted->n; j++)
    {
      gsize r = sorted->row[j];
      gboolean cov_missing = FALSE;

      if (mask != NULL && !mask[r])
        continue;
      if (group_codes != NULL ? group_codes[j] == OB_LEVEL_MISSING
          : group_col != NULL && group_col->n_missing > 0 && cell_missing (group_col, r))
        {
          missing->group++;
          continue;
        }
      if (strata_col != NULL && strata_col->n_missing > 0 && cell_missing (strata_col, r))
        {
          missing->strata++;
          continue;
        }
      for (guint k = 0; k < n_checks && !cov_missing; k++)
        cov_missing = cell_missing (checks[k], r);
      if (cov_missing)
        {
          missing->cov++;
          continue;
        }
      keep[r] = 1;
      row[n] = r;
      time[n] = sorted->time[j];
      status[n] = sorted->code[j];
      if (group != NULL)
        group[n] = group_codes[j];
      n++;
    }
  if (!ob_surv_order_events (sorted, status, n))
    return FALSE;

  *n_out = n;
  *group_out = g_steal_pointer (&group);
  *row_out = g_renew (gsize, g_steal_pointer (&row), MAX (n, 1));
  *time_out = g_renew (double, g_steal_pointer (&time), MAX (n, 1));
  *status_out = g_renew (guint8, g_steal_pointer (&status), MAX (n, 1));
  return TRUE;
}

ObSurvData *
ob_surv_data_new (const ObDataset   *dataset,
                  const ObSurvSpec  *spec,
                  const guint8      *mask,
                  GError           **error)
{
  g_autoptr(ObSurvData) data = NULL;
  const ObColumn *time_col, *event_col, *group_col = NULL, *strata_col = NULL;
  gsize n_rows = ob_dataset_get_n_rows (dataset);
  g_autofree guint8 *keep = g_new0 (guint8, n_rows);
  g_autofree guint8 *status = NULL;
  g_autofree double *time_values = NULL;
  g_autofree gsize *order = NULL;
  g_autofree guint8 *sorted_status = NULL;
  g_autofree guint32 *group_codes = NULL;   /* the group's dataset codes, kept rows by time */
  ObSurvOrder *sorted = NULL;
  g_autoptr(GArray) covariates = g_array_new (FALSE, TRUE, sizeof (Covariate));
  Factor group = { 0 }, strata = { 0 };
  gsize n_miss_time = 0, n_miss_event = 0, n_miss_group = 0, n_miss_strata = 0;
  gsize n_miss_cov = 0, n_landmark_event = 0, n_landmark_censor = 0;
  guint p = 0;
  gsize n = 0;
  gboolean ok = FALSE;

  g_return_val_if_fail (dataset != NULL && spec != NULL, NULL);

  if (spec->time_column == NULL || spec->event_column == NULL)
    {
      g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                   _("Choose a time column and an event column"));
      return NULL;
    }
  if ((time_col = lookup_column (dataset, spec->time_column, _("time"), error)) == NULL
      || (event_col = lookup_column (dataset, spec->event_column, _("event"), error)) == NULL)
    return NULL;
  if (spec->group_column != NULL
      && (group_col = lookup_column (dataset, spec->group_column, _("group"), error)) == NULL)
    return NULL;
  if (spec->strata_column != NULL
      && (strata_col = lookup_column (dataset, spec->strata_column, _("strata"), error)) == NULL)
    return NULL;
  if (time_col->type == OB_COLUMN_TEXT)
    {
      g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                   _("The time column “%s” holds text, not numbers; choose a numeric column"),
                   time_col->name);
      return NULL;
    }

  for (guint k = 0; spec->covariates != NULL && spec->covariates[k] != NULL; k++)
    {
      Covariate cov = { 0 };

      if ((cov.column = lookup_column (dataset, spec->covariates[k], _("covariate"),
                                       error)) == NULL)
        goto out;
      cov.name = cov.column->name;
      g_array_append_val (covariates, cov);
    }

  /* A landmark moves every time, and may tie times the order holds apart. */
  if (spec->landmark <= 0)
    sorted = ob_surv_order_get (dataset, time_col, event_col, spec->event_values,
                                spec->time_scale > 0 && spec->time_scale != 1
                                ? spec->time_scale : 1);
  if (sorted != NULL)
    {
      Missing missing = { 0 };

      if (select_sorted (sorted, mask, group_col, strata_col, covariates, keep, &n, &order,
                         &time_values, &sorted_status, &group_codes, &missing))
        {
          n_miss_time = missing.time;
          n_miss_event = missing.event;
          n_miss_group = missing.group;
          n_miss_strata = missing.strata;
          n_miss_cov = missing.cov;
          goto selected;
        }
      g_clear_pointer (&sorted, ob_surv_order_unref);
      n = 0;
    }

  status = g_new0 (guint8, n_rows);
  time_values = g_new (double, n_rows);
  /* Rows the filter keeps, then those with every needed cell present. */
  for (gsize i = 0; i < n_rows; i++)
    {
      gboolean cov_missing = FALSE;

      keep[i] = 0;
      if (mask != NULL && !mask[i])
        continue;
      time_values[i] = ob_column_get_double (time_col, i);
      if (isnan (time_values[i]) && !ob_column_is_missing (time_col, i))
        {
          /* a categorical time column whose cell is not a number: say so, do not drop it */
          g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                       _("Row %zu of the time column “%s” holds “%s”, which "
                         "is not a number"),
                       i + 1, time_col->name, ob_column_get_string (time_col, i));
          goto out;
        }
      if (isnan (time_values[i]))
        {
          n_miss_time++;
          continue;
        }
      if (ob_column_is_missing (event_col, i))
        {
          n_miss_event++;
          continue;
        }
      if (group_col != NULL && ob_column_is_missing (group_col, i))
        {
          n_miss_group++;
          continue;
        }
      if (strata_col != NULL && ob_column_is_missing (strata_col, i))
        {
          n_miss_strata++;
          continue;
        }
      for (guint k = 0; k < covariates->len && !cov_missing; k++)
        cov_missing = ob_column_is_missing (g_array_index (covariates, Covariate, k).column, i);
      if (cov_missing)
        {
          n_miss_cov++;
          continue;
        }
      if (!isfinite (time_values[i]) || time_values[i] < 0)
        {
          g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                       _("Row %zu has the time %g in column “%s”; survival "
                         "times must be finite and not negative"),
                       i + 1, time_values[i], time_col->name);
          goto out;
        }
      keep[i] = 1;
      n++;
    }

  if (!ob_surv_decode_events (event_col, n_rows, keep, spec->event_values, status, error))
    goto out;

  if (spec->time_scale > 0 && spec->time_scale != 1)
    for (gsize i = 0; i < n_rows; i++)
      time_values[i] *= spec->time_scale;

  if (spec->landmark > 0)
    for (gsize i = 0; i < n_rows; i++)
      {
        if (!keep[i])
          continue;
        if (time_values[i] < spec->landmark)
          {
            keep[i] = 0;
            n--;
            if (status[i])
              n_landmark_event++;
            else
              n_landmark_censor++;
          }
        else
          time_values[i] -= spec->landmark;
      }

selected:

  data = g_new0 (ObSurvData, 1);
  data->exclusions = g_ptr_array_new_with_free_func (g_free);
  data->n_excluded = n_miss_time + n_miss_event + n_miss_group + n_miss_strata + n_miss_cov
                     + n_landmark_event + n_landmark_censor;
  add_exclusion (data, n_miss_time, _("time"));
  add_exclusion (data, n_miss_event, _("event"));
  add_exclusion (data, n_miss_group, _("group"));
  add_exclusion (data, n_miss_strata, _("stratum"));
  add_exclusion (data, n_miss_cov, _("covariate"));
  if (n_landmark_event > 0)
    g_ptr_array_add (data->exclusions,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%" G_GSIZE_FORMAT " row with the event "
                                                   "before the landmark at %g",
                                                   "%" G_GSIZE_FORMAT " rows with the event "
                                                   "before the landmark at %g",
                                                   n_landmark_event),
                                      n_landmark_event, spec->landmark));
  if (n_landmark_censor > 0)
    g_ptr_array_add (data->exclusions,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%" G_GSIZE_FORMAT " row censored before "
                                                   "the landmark at %g",
                                                   "%" G_GSIZE_FORMAT " rows censored before "
                                                   "the landmark at %g",
                                                   n_landmark_censor),
                                      n_landmark_censor, spec->landmark));

  if (n == 0)
    {
      if (spec->landmark > 0)
        g_set_error (error, OB_ERROR, OB_ERROR_NO_DATA,
                     _("No rows are left to analyse: nobody is still at risk at the landmark "
                       "%g"), spec->landmark);
      else
        g_set_error (error, OB_ERROR, OB_ERROR_NO_DATA,
                     _("No rows are left to analyse: every row was filtered out or had a "
                       "missing value"));
      goto out;
    }

  if (group_col != NULL)
    factor_from_column (group_col, n_rows, keep, &group);
  else
    {
      group.names = g_new0 (char *, 2);
      group.names[0] = g_strdup ("all");
      group.n_levels = 1;
    }

  data->reference = 0;
  if (spec->reference != NULL && group_col != NULL)
    {
      gboolean found = FALSE;

      for (guint l = 0; l < group.n_levels && !found; l++)
        if (strcmp (group.names[l], spec->reference) == 0)
          data->reference = l, found = TRUE;
      for (guint l = 0; l < group.n_levels && !found; l++)
        if (g_ascii_strcasecmp (group.names[l], spec->reference) == 0)
          data->reference = l, found = TRUE;
      if (!found)
        {
          g_autofree char *levels = g_strjoinv (", ", group.names);

          g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                       _("The reference “%s” is not a level of “%s”; its levels are: %s"),
                       spec->reference, group_col->name, levels);
          goto out;
        }
    }

  if (strata_col != NULL)
    factor_from_column (strata_col, n_rows, keep, &strata);

  /* Design columns: group indicators, then each covariate. */
  p = group.n_levels > 0 ? group.n_levels - 1 : 0;
  for (guint k = 0; k < covariates->len; k++)
    {
      Covariate *cov = &g_array_index (covariates, Covariate, k);

      if (is_numeric_column (cov->column))
        p++;
      else
        {
          factor_from_column (cov->column, n_rows, keep, &cov->factor);
          p += cov->factor.n_levels > 0 ? cov->factor.n_levels - 1 : 0;
        }
    }

  if (sorted == NULL)
    {
      gsize j = 0;

      order = g_new (gsize, n);
      for (gsize i = 0; i < n_rows; i++)
        if (keep[i] && status[i])
          order[j++] = i;
      for (gsize i = 0; i < n_rows; i++)
        if (keep[i] && !status[i])
          order[j++] = i;
      ob_surv_sort_rows (n, time_values, order, NULL);
      sorted_status = g_new (guint8, n);
      for (j = 0; j < n; j++)
        sorted_status[j] = status[order[j]];
    }

  data->n = n;
  data->time = g_renew (double, g_steal_pointer (&time_values), n);
  data->status = g_steal_pointer (&sorted_status);
  data->group = ob_csv_alloc_array (n, sizeof (guint32));
  data->row_index = order;
  order = NULL;
  data->n_groups = group.n_levels;
  data->group_names = g_steal_pointer (&group.names);
  if (strata_col != NULL)
    {
      data->strata = ob_csv_alloc_array (n, sizeof (guint32));
      data->n_strata = strata.n_levels;
      data->strata_names = g_steal_pointer (&strata.names);
    }
  data->p = p;
  data->x = p > 0 ? ob_csv_alloc_array (n, p * sizeof (double)) : NULL;
  data->term_names = g_new0 (char *, p + 1);

  {
    guint t = 0;

    for (guint l = 0; l < data->n_groups; l++)
      if (l != data->reference)
        data->term_names[t++] = g_strdup_printf ("%s=%s", group_col->name,
                                                 data->group_names[l]);
    for (guint k = 0; k < covariates->len; k++)
      {
        Covariate *cov = &g_array_index (covariates, Covariate, k);

        if (is_numeric_column (cov->column))
          data->term_names[t++] = g_strdup (cov->name);
        else
          for (guint l = 1; l < cov->factor.n_levels; l++)
            data->term_names[t++] = g_strdup_printf ("%s=%s", cov->name,
                                                     cov->factor.names[l]);
      }
  }

  for (gsize j = 0; j < n; j++)
    {
      gsize row = data->row_index[j];
      double *xrow = data->x != NULL ? data->x + j * p : NULL;
      guint t = 0;

      data->group[j] = group_codes != NULL ? group.remap[group_codes[j]]
                                           : factor_code (&group, row);
      if (data->strata != NULL)
        data->strata[j] = factor_code (&strata, row);
      if (xrow == NULL)
        continue;
      for (guint l = 0; l < data->n_groups; l++)
        if (l != data->reference)
          xrow[t++] = data->group[j] == l ? 1.0 : 0.0;
      for (guint k = 0; k < covariates->len; k++)
        {
          Covariate *cov = &g_array_index (covariates, Covariate, k);

          if (is_numeric_column (cov->column))
            xrow[t++] = cov->column->num[row];
          else
            for (guint l = 1; l < cov->factor.n_levels; l++)
              xrow[t++] = factor_code (&cov->factor, row) == l ? 1.0 : 0.0;
        }
    }
  ok = TRUE;

out:
  g_clear_pointer (&sorted, ob_surv_order_unref);
  factor_clear (&group);
  factor_clear (&strata);
  for (guint k = 0; k < covariates->len; k++)
    factor_clear (&g_array_index (covariates, Covariate, k).factor);
  return ok ? g_steal_pointer (&data) : NULL;
}

void
ob_surv_data_free (ObSurvData *data)
{
  if (data == NULL)
    return;
  g_free (data->time);
  g_free (data->status);
  g_free (data->group);
  g_strfreev (data->group_names);
  g_free (data->strata);
  g_strfreev (data->strata_names);
  g_free (data->x);
  g_strfreev (data->term_names);
  g_free (data->row_index);
  g_clear_pointer (&data->exclusions, g_ptr_array_unref);
  g_free (data);
}

double
ob_surv_time_unit_factor (const char *from,
                          const char *to)
{
  static const struct { const char *name; double days; } units[] = {
    { "days", 1.0 }, { "weeks", 7.0 }, { "months", 365.25 / 12.0 }, { "years", 365.25 },
  };
  double from_days = 0, to_days = 0;

  if (from == NULL || to == NULL)
    return 0;
  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    {
      if (g_str_equal (from, units[i].name))
        from_days = units[i].days;
      if (g_str_equal (to, units[i].name))
        to_days = units[i].days;
    }
  return from_days > 0 && to_days > 0 ? from_days / to_days : 0;
}
