/* ob-growth-study.c — reading mice, arms and days from a long- or wide-form table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-growth"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ob-growth.h"

/* A column's values as codes into its distinct values, sorted as the dataset sorts levels. */
typedef struct
{
  guint32 *codes;        /* per dataset row; G_MAXUINT32 = missing */
  char **names;          /* NULL-terminated */
  guint n_levels;
} Factor;

static void
factor_clear (Factor *f)
{
  g_clear_pointer (&f->codes, g_free);
  g_clear_pointer (&f->names, g_strfreev);
}

/* One measurement occasion before sorting: a dataset row, and in wide form the column. */
typedef struct
{
  double time;
  gsize row;
  guint wide;            /* index into the wide columns, G_MAXUINT in long form */
} Record;

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static int
compare_records (const void *a,
                 const void *b)
{
  const Record *x = a;
  const Record *y = b;

  if (x->time != y->time)
    return (x->time > y->time) - (x->time < y->time);
  return (x->row > y->row) - (x->row < y->row);
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

static void
factor_from_column (const ObColumn *column,
                    gsize           n_rows,
                    Factor         *out)
{
  out->codes = g_new (guint32, n_rows);

  switch (column->type)
    {
    case OB_COLUMN_CATEGORICAL:
      out->n_levels = column->levels->len;
      out->names = g_new0 (char *, out->n_levels + 1);
      for (guint l = 0; l < out->n_levels; l++)
        out->names[l] = g_strdup (g_ptr_array_index (column->levels, l));
      for (gsize i = 0; i < n_rows; i++)
        out->codes[i] = column->codes[i] == OB_LEVEL_MISSING ? G_MAXUINT32 : column->codes[i];
      break;

    case OB_COLUMN_NUMERIC:
    case OB_COLUMN_DATE:
      {
        g_autofree double *values = g_new (double, n_rows);
        gsize n_values = 0, n_distinct = 0;

        for (gsize i = 0; i < n_rows; i++)
          if (!isnan (column->num[i]))
            values[n_values++] = column->num[i];
        qsort (values, n_values, sizeof (double), compare_doubles);
        for (gsize i = 0; i < n_values; i++)
          if (n_distinct == 0 || values[i] != values[n_distinct - 1])
            values[n_distinct++] = values[i];
        out->names = g_new0 (char *, n_distinct + 1);
        for (gsize l = 0; l < n_distinct; l++)
          {
            char buffer[G_ASCII_DTOSTR_BUF_SIZE];

            out->names[l] = g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.15g", values[l]));
          }
        out->n_levels = (guint) n_distinct;
        for (gsize i = 0; i < n_rows; i++)
          {
            const double *hit = isnan (column->num[i]) ? NULL
                                : bsearch (&column->num[i], values, n_distinct, sizeof (double),
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

        for (gsize i = 0; i < n_rows; i++)
          if (column->text[i] != NULL && !g_hash_table_contains (index, column->text[i]))
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
lookup (const ObDataset  *dataset,
        const char       *name,
        gboolean          numeric,
        GError          **error)
{
  const ObColumn *column = ob_dataset_lookup_column (dataset, name);

  if (column == NULL)
    {
      g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG, _("There is no column “%s”"), name);
      return NULL;
    }
  if (numeric && column->type != OB_COLUMN_NUMERIC && column->type != OB_COLUMN_DATE)
    {
      g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                   _("Column “%s” must hold numbers but is %s"), name,
                   ob_column_type_to_string (column->type));
      return NULL;
    }
  return column;
}

const char *
ob_growth_formula_to_string (ObGrowthFormula formula)
{
  return formula == OB_GROWTH_FORMULA_ELLIPSOID ? "ellipsoid" : "half";
}

gboolean
ob_growth_formula_from_string (const char      *str,
                               ObGrowthFormula *out)
{
  if (g_strcmp0 (str, "half") == 0)
    *out = OB_GROWTH_FORMULA_HALF;
  else if (g_strcmp0 (str, "ellipsoid") == 0)
    *out = OB_GROWTH_FORMULA_ELLIPSOID;
  else
    return FALSE;
  return TRUE;
}

void
ob_growth_spec_init (ObGrowthSpec *spec)
{
  memset (spec, 0, sizeof *spec);
  spec->formula = OB_GROWTH_FORMULA_HALF;
}

/* The last number in a column name: "day 7" → 7, "D14" → 14, "21" → 21. */
static gboolean
day_from_name (const char *name,
               double     *day)
{
  const char *end = name + strlen (name);
  const char *start;

  while (end > name && !g_ascii_isdigit (end[-1]))
    end--;
  if (end == name)
    return FALSE;
  start = end;
  while (start > name && (g_ascii_isdigit (start[-1]) || start[-1] == '.'))
    start--;
  if (start > name && start[-1] == '-' && (start - 1 == name || !g_ascii_isalnum (start[-2])))
    start--;
  *day = g_ascii_strtod (start, NULL);
  return isfinite (*day);
}

static guint
default_control (char **arms)
{
  static const char * const names[] = { "vehicle", "control", "placebo", "untreated" };

  for (guint k = 0; k < G_N_ELEMENTS (names); k++)
    for (guint a = 0; arms[a] != NULL; a++)
      if (g_ascii_strcasecmp (arms[a], names[k]) == 0)
        return a;
  return 0;
}

void
ob_growth_study_free (ObGrowthStudy *study)
{
  if (study == NULL)
    return;
  g_strfreev (study->arm_names);
  for (guint m = 0; m < study->n_mice; m++)
    g_free (study->mice[m].id);
  g_free (study->mice);
  g_free (study->arm_first);
  g_free (study->time);
  g_free (study->volume);
  g_free (study->weight);
  g_free (study->log10_flux);
  g_free (study->flux_censored);
  g_free (study->row);
  g_free (study->day_index);
  g_free (study->days);
  g_free (study->excluded);
  if (study->warnings != NULL)
    g_ptr_array_unref (study->warnings);
  g_free (study);
}

typedef struct
{
  const ObColumn *time, *volume, *length, *width, *weight, *flux;
  const ObColumn **wide;
  double *wide_day;
  guint n_wide;
} Columns;

static double
record_volume (const Columns      *c,
               const ObGrowthSpec *spec,
               const Record       *r)
{
  double l, w;

  if (r->wide != G_MAXUINT)
    return ob_column_get_double (c->wide[r->wide], r->row);
  if (c->volume != NULL)
    return ob_column_get_double (c->volume, r->row);
  if (c->length == NULL)
    return NAN;
  l = ob_column_get_double (c->length, r->row);
  w = ob_column_get_double (c->width, r->row);
  return spec->formula == OB_GROWTH_FORMULA_ELLIPSOID ? G_PI / 6 * l * w * w : l * w * w / 2;
}

static gboolean
find_columns (const ObDataset     *dataset,
              const ObGrowthSpec  *spec,
              Columns             *c,
              GError             **error)
{
  if (spec->wide_columns != NULL && spec->wide_columns[0] != NULL)
    {
      c->n_wide = g_strv_length ((char **) spec->wide_columns);
      c->wide = g_new0 (const ObColumn *, c->n_wide);
      c->wide_day = g_new (double, c->n_wide);
      for (guint j = 0; j < c->n_wide; j++)
        {
          if ((c->wide[j] = lookup (dataset, spec->wide_columns[j], TRUE, error)) == NULL)
            return FALSE;
          if (!day_from_name (spec->wide_columns[j], &c->wide_day[j]))
            {
              g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                           _("Column “%s” names no day: a wide table needs one column per day "
                             "with the day in its name, such as “day 7”"),
                           spec->wide_columns[j]);
              return FALSE;
            }
          for (guint k = 0; k < j; k++)
            if (c->wide_day[k] == c->wide_day[j])
              {
                g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                             _("Columns “%s” and “%s” are both day %g"),
                             spec->wide_columns[k], spec->wide_columns[j], c->wide_day[j]);
                return FALSE;
              }
        }
      return TRUE;
    }

  if (spec->time_column == NULL)
    {
      g_set_error_literal (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                           _("Choose the column that holds the day of each measurement"));
      return FALSE;
    }
  if ((c->time = lookup (dataset, spec->time_column, TRUE, error)) == NULL)
    return FALSE;
  if (spec->volume_column != NULL)
    {
      if ((c->volume = lookup (dataset, spec->volume_column, TRUE, error)) == NULL)
        return FALSE;
    }
  else if (spec->length_column != NULL || spec->width_column != NULL)
    {
      if (spec->length_column == NULL || spec->width_column == NULL)
        {
          g_set_error_literal (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                               _("The volume from calipers needs both the length and the width "
                                 "column"));
          return FALSE;
        }
      if ((c->length = lookup (dataset, spec->length_column, TRUE, error)) == NULL
          || (c->width = lookup (dataset, spec->width_column, TRUE, error)) == NULL)
        return FALSE;
    }
  if (spec->weight_column != NULL
      && (c->weight = lookup (dataset, spec->weight_column, TRUE, error)) == NULL)
    return FALSE;
  if (spec->flux_column != NULL
      && (c->flux = lookup (dataset, spec->flux_column, TRUE, error)) == NULL)
    return FALSE;
  if (c->volume == NULL && c->length == NULL && c->weight == NULL && c->flux == NULL)
    {
      g_set_error_literal (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                           _("Choose a volume column (or length and width), a body-weight "
                             "column or a bioluminescence column"));
      return FALSE;
    }
  return TRUE;
}

/* Mice sorted by arm then id; each mouse's records sorted by day, checked for repeats. */
static gboolean
build_mice (ObGrowthStudy       *study,
            const ObDataset     *dataset,
            const Factor        *subject,
            const Factor        *arm,
            Record              *records,
            gsize                n_records,
            const guint32       *record_subject,
            guint32             *mouse_of_subject,
            gsize               *offsets,
            GError             **error)
{
  const char *source = ob_dataset_get_source_path (dataset);
  g_autofree guint32 *subject_arm = g_new (guint32, subject->n_levels);
  g_autofree gsize *subject_row = g_new (gsize, subject->n_levels);
  g_autofree gsize *count = g_new0 (gsize, subject->n_levels + 1);
  g_autofree Record *sorted = g_new (Record, n_records);
  g_autofree char *base = g_path_get_basename (source != NULL ? source : _("the table"));
  guint n_mice = 0;

  for (guint s = 0; s < subject->n_levels; s++)
    subject_arm[s] = G_MAXUINT32;
  for (gsize k = 0; k < n_records; k++)
    {
      guint32 s = record_subject[k];
      guint32 a = arm->codes[records[k].row];

      if (subject_arm[s] == G_MAXUINT32)
        {
          subject_arm[s] = a;
          subject_row[s] = records[k].row;
        }
      else if (subject_arm[s] != a)
        {
          g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                       _("%s: mouse “%s” is in arm “%s” (row %zu) and in arm “%s” (row %zu); a "
                         "mouse keeps one id and one arm in every row"),
                       base, subject->names[s], arm->names[subject_arm[s]],
                       subject_row[s] + 1, arm->names[a], records[k].row + 1);
          return FALSE;
        }
      count[s + 1]++;
    }

  /* Counting sort of the records by mouse, then by day within each mouse. */
  for (guint s = 0; s < subject->n_levels; s++)
    count[s + 1] += count[s];
  memcpy (offsets, count, sizeof (gsize) * (subject->n_levels + 1));
  for (gsize k = 0; k < n_records; k++)
    sorted[count[record_subject[k]]++] = records[k];
  for (guint s = 0; s < subject->n_levels; s++)
    {
      Record *r = sorted + offsets[s];
      gsize n = offsets[s + 1] - offsets[s];

      qsort (r, n, sizeof (Record), compare_records);
      for (gsize k = 1; k < n; k++)
        if (r[k].time == r[k - 1].time)
          {
            g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                         _("%s: mouse “%s” is measured twice on day %g (rows %zu and %zu); "
                           "keep one row per mouse and day"),
                         base, subject->names[s], r[k].time, r[k - 1].row + 1, r[k].row + 1);
            return FALSE;
          }
    }
  memcpy (records, sorted, sizeof (Record) * n_records);

  /* Arms in level order, mice in id order within each arm; arms without mice dropped. */
  study->arm_first = g_new0 (guint, arm->n_levels + 1);
  {
    g_autofree guint *arm_used = g_new0 (guint, arm->n_levels);
    g_autofree guint *arm_new = g_new (guint, arm->n_levels);
    guint n_arms = 0;

    for (guint s = 0; s < subject->n_levels; s++)
      if (subject_arm[s] != G_MAXUINT32)
        arm_used[subject_arm[s]]++;
    study->arm_names = g_new0 (char *, arm->n_levels + 1);
    for (guint a = 0; a < arm->n_levels; a++)
      if (arm_used[a] > 0)
        {
          study->arm_names[n_arms] = g_strdup (arm->names[a]);
          study->arm_first[n_arms + 1] = study->arm_first[n_arms] + arm_used[a];
          arm_new[a] = n_arms++;
        }
    study->n_arms = n_arms;
    study->mice = g_new0 (ObGrowthMouse, subject->n_levels);
    {
      g_autofree guint *next = g_memdup2 (study->arm_first, sizeof (guint) * (n_arms + 1));

      for (guint s = 0; s < subject->n_levels; s++)
        {
          ObGrowthMouse *mouse;

          mouse_of_subject[s] = G_MAXUINT32;
          if (subject_arm[s] == G_MAXUINT32)
            continue;
          mouse_of_subject[s] = next[arm_new[subject_arm[s]]]++;
          mouse = &study->mice[mouse_of_subject[s]];
          mouse->id = g_strdup (subject->names[s]);
          mouse->arm = arm_new[subject_arm[s]];
          mouse->row = subject_row[s];
          n_mice++;
        }
    }
  }
  study->n_mice = n_mice;
  return TRUE;
}

static void
fill_observations (ObGrowthStudy      *study,
                   const ObGrowthSpec *spec,
                   const Columns      *c,
                   const Record       *records,
                   gsize               n_records,
                   const guint32      *mouse_of_subject,
                   const gsize        *offsets,
                   guint               n_subjects)
{
  g_autofree gsize *mouse_subject = g_new (gsize, study->n_mice);
  g_autofree double *days = g_new (double, n_records);
  gsize o = 0, n_days = 0;

  study->n_obs = n_records;
  study->time = g_new (double, n_records);
  study->volume = g_new (double, n_records);
  study->weight = g_new (double, n_records);
  study->log10_flux = g_new (double, n_records);
  study->flux_censored = g_new0 (guint8, n_records);
  study->row = g_new (gsize, n_records);
  study->day_index = g_new (guint, n_records);
  study->excluded = g_new0 (guint8, study->n_mice);

  for (guint s = 0; s < n_subjects; s++)
    if (mouse_of_subject[s] != G_MAXUINT32)
      mouse_subject[mouse_of_subject[s]] = s;

  for (guint m = 0; m < study->n_mice; m++)
    {
      ObGrowthMouse *mouse = &study->mice[m];
      gsize s = mouse_subject[m];

      mouse->first = o;
      mouse->n_obs = offsets[s + 1] - offsets[s];
      mouse->volume0 = mouse->weight0 = NAN;
      for (gsize k = offsets[s]; k < offsets[s + 1]; k++, o++)
        {
          const Record *r = &records[k];
          double flux = c->flux != NULL ? ob_column_get_double (c->flux, r->row) : NAN;

          study->time[o] = r->time;
          study->row[o] = r->row;
          study->volume[o] = record_volume (c, spec, r);
          study->weight[o] = c->weight != NULL ? ob_column_get_double (c->weight, r->row) : NAN;
          study->flux_censored[o] = !isnan (flux) && (flux <= spec->flux_background || flux <= 0);
          study->log10_flux[o] = isnan (flux) || study->flux_censored[o] ? NAN : log10 (flux);
          if (isnan (mouse->volume0) && !isnan (study->volume[o]))
            mouse->volume0 = study->volume[o];
          if (isnan (mouse->weight0) && !isnan (study->weight[o]))
            mouse->weight0 = study->weight[o];
          study->has_volume |= !isnan (study->volume[o]);
          study->has_weight |= !isnan (study->weight[o]);
          study->has_flux |= !isnan (flux);
          days[o] = r->time;
        }
    }

  qsort (days, n_records, sizeof (double), compare_doubles);
  for (gsize k = 0; k < n_records; k++)
    if (n_days == 0 || days[k] != days[n_days - 1])
      days[n_days++] = days[k];
  study->n_days = (guint) n_days;
  study->days = g_memdup2 (days, sizeof (double) * MAX (n_days, 1));
  for (gsize k = 0; k < n_records; k++)
    {
      const double *hit = bsearch (&study->time[k], study->days, n_days, sizeof (double),
                                   compare_doubles);

      study->day_index[k] = (guint) (hit - study->days);
    }
}

ObGrowthStudy *
ob_growth_study_new (const ObDataset     *dataset,
                     const ObGrowthSpec  *spec,
                     const guint8        *mask,
                     GError             **error)
{
  g_autoptr(ObGrowthStudy) study = g_new0 (ObGrowthStudy, 1);
  gsize n_rows = ob_dataset_get_n_rows (dataset);
  const ObColumn *subject_col, *arm_col;
  Columns c = { 0 };
  Factor subject = { 0 }, arm = { 0 };
  g_autofree Record *records = NULL;
  g_autofree guint32 *record_subject = NULL;
  g_autofree guint32 *mouse_of_subject = NULL;
  g_autofree gsize *offsets = NULL;
  gsize n_records = 0, n_skipped = 0;
  double time_origin = 0;
  gboolean ok = FALSE;

  study->warnings = g_ptr_array_new_with_free_func (g_free);
  if (spec->subject_column == NULL || spec->group_column == NULL)
    {
      g_set_error_literal (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                           _("Choose the column that names each mouse and the column of its "
                             "arm"));
      return NULL;
    }
  if ((subject_col = lookup (dataset, spec->subject_column, FALSE, error)) == NULL
      || (arm_col = lookup (dataset, spec->group_column, FALSE, error)) == NULL
      || !find_columns (dataset, spec, &c, error))
    goto out;

  factor_from_column (subject_col, n_rows, &subject);
  factor_from_column (arm_col, n_rows, &arm);
  if (c.time != NULL && c.time->type == OB_COLUMN_DATE)
    {
      time_origin = INFINITY;
      for (gsize i = 0; i < n_rows; i++)
        if (!isnan (c.time->num[i]))
          time_origin = MIN (time_origin, c.time->num[i]);
    }

  records = g_new (Record, c.n_wide > 0 ? n_rows * c.n_wide : n_rows);
  record_subject = g_new (guint32, c.n_wide > 0 ? n_rows * c.n_wide : n_rows);
  for (gsize i = 0; i < n_rows; i++)
    {
      if (mask != NULL && !mask[i])
        continue;
      if (subject.codes[i] == G_MAXUINT32 || arm.codes[i] == G_MAXUINT32)
        {
          n_skipped++;
          continue;
        }
      if (c.n_wide > 0)
        {
          for (guint j = 0; j < c.n_wide; j++)
            if (!isnan (ob_column_get_double (c.wide[j], i)))
              {
                records[n_records] = (Record) { c.wide_day[j], i, j };
                record_subject[n_records++] = subject.codes[i];
              }
          continue;
        }
      if (isnan (c.time->num[i]))
        {
          n_skipped++;
          continue;
        }
      records[n_records] = (Record) { c.time->num[i] - time_origin, i, G_MAXUINT };
      record_subject[n_records++] = subject.codes[i];
    }
  if (n_skipped > 0)
    g_ptr_array_add (study->warnings,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%zu row without a mouse, an arm or a day "
                                                   "was left out",
                                                   "%zu rows without a mouse, an arm or a day "
                                                   "were left out", n_skipped), n_skipped));
  if (n_records == 0)
    {
      g_set_error_literal (error, OB_ERROR, OB_ERROR_NO_DATA,
                           _("No row has a mouse, an arm and a day"));
      goto out;
    }

  offsets = g_new (gsize, subject.n_levels + 1);
  mouse_of_subject = g_new (guint32, subject.n_levels);
  if (!build_mice (study, dataset, &subject, &arm, records, n_records, record_subject,
                   mouse_of_subject, offsets, error))
    goto out;
  fill_observations (study, spec, &c, records, n_records, mouse_of_subject, offsets,
                     subject.n_levels);

  if (spec->control != NULL)
    {
      int a = ob_growth_study_find_arm (study, spec->control);

      if (a < 0)
        {
          g_autofree char *levels = g_strjoinv (", ", study->arm_names);

          g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                       _("The control “%s” is not an arm of “%s”; its arms are: %s"),
                       spec->control, spec->group_column, levels);
          goto out;
        }
      study->control = (guint) a;
    }
  else
    study->control = default_control (study->arm_names);
  ok = TRUE;

out:
  factor_clear (&subject);
  factor_clear (&arm);
  g_free (c.wide);
  g_free (c.wide_day);
  return ok ? g_steal_pointer (&study) : NULL;
}

int
ob_growth_study_find_mouse (const ObGrowthStudy *study,
                            const char          *id)
{
  for (guint m = 0; m < study->n_mice; m++)
    if (g_strcmp0 (study->mice[m].id, id) == 0)
      return (int) m;
  return -1;
}

int
ob_growth_study_find_arm (const ObGrowthStudy *study,
                          const char          *name)
{
  for (guint a = 0; a < study->n_arms; a++)
    if (g_strcmp0 (study->arm_names[a], name) == 0)
      return (int) a;
  return -1;
}
