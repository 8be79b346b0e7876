/* ob-standard-curve-assay.c — a plate read against its standards: blanks, limits, flags
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-core"

#include "config.h"

#include <glib/gi18n.h>
#include <gsl/gsl_cdf.h>
#include <math.h>
#include <string.h>

#include "ob-standard-curve.h"

typedef enum
{
  WELL_STANDARD,
  WELL_BLANK,
  WELL_SAMPLE,
} WellKind;

typedef struct
{
  const ObColumn *sample;
  int sample_index;
  const ObColumn *type;
  int type_index;
  const ObColumn *conc;
  const ObColumn *response;
  const ObColumn *dilution;
  const ObColumn *group;
  int group_index;
  const ObColumn *plate;
  int plate_index;
  const ObColumn *well;
  int well_index;
} Columns;

/* Rows of one plate, sorted into standards, blanks and samples as they are read. */
typedef struct
{
  char *name;
  GArray *standards;   /* gsize row */
  GArray *blanks;
  GArray *samples;
  GPtrArray *exclusions;
} PlateRows;

void
ob_assay_settings_init (ObAssaySettings *settings)
{
  settings->model = OB_CURVE_4PL;
  settings->weight = OB_CURVE_WEIGHT_NONE;
  settings->recovery_limit = 20.0;
  settings->recovery_limit_edge = 25.0;
  settings->cv_limit = 20.0;
}

static void
plate_rows_free (PlateRows *rows)
{
  g_free (rows->name);
  g_array_unref (rows->standards);
  g_array_unref (rows->blanks);
  g_array_unref (rows->samples);
  if (rows->exclusions != NULL)
    g_ptr_array_unref (rows->exclusions);
  g_free (rows);
}

static void
sample_free (ObAssaySample *sample)
{
  g_free (sample->id);
  g_free (sample->group);
  g_free (sample->replicate_conc);
  g_ptr_array_unref (sample->flags);
  g_free (sample);
}

void
ob_assay_plate_free (ObAssayPlate *plate)
{
  if (plate == NULL)
    return;
  g_free (plate->plate);
  ob_curve_fit_free (plate->fit);
  g_array_unref (plate->standards);
  g_ptr_array_unref (plate->samples);
  g_ptr_array_unref (plate->exclusions);
  g_free (plate);
}

static gboolean
find_column (const ObDataset *dataset,
             const char      *name,
             const char      *fallback,
             gboolean         required,
             const ObColumn **out,
             int             *out_index,
             GError         **error)
{
  const char *wanted = name != NULL ? name : fallback;
  int index = ob_dataset_find_column (dataset, wanted);

  *out = index >= 0 ? ob_dataset_get_column (dataset, (guint) index) : NULL;
  if (out_index != NULL)
    *out_index = index;
  if (index < 0 && (required || name != NULL))
    {
      g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                   _("The table has no column “%s”"), wanted);
      return FALSE;
    }
  return TRUE;
}

static char *
well_name (const ObDataset *dataset,
           const Columns   *cols,
           gsize            row)
{
  if (cols->well_index >= 0)
    {
      g_autofree char *cell = ob_dataset_format_cell (dataset, (guint) cols->well_index, row);

      if (*cell != '\0')
        return g_strdup_printf (_("Well %s"), cell);
    }
  return g_strdup_printf (_("Row %" G_GSIZE_FORMAT), row + 1);
}

static void
exclude (PlateRows       *rows,
         const ObDataset *dataset,
         const Columns   *cols,
         gsize            row,
         const char      *why)
{
  g_autofree char *well = well_name (dataset, cols, row);

  g_ptr_array_add (rows->exclusions, g_strdup_printf ("%s: %s", well, why));
}

static gboolean
classify (const ObDataset *dataset,
          const Columns   *cols,
          gsize            row,
          WellKind        *kind,
          PlateRows       *rows)
{
  g_autofree char *type = NULL;

  if (isnan (ob_column_get_double (cols->response, row)))
    {
      exclude (rows, dataset, cols, row, _("no response"));
      return FALSE;
    }
  if (cols->type == NULL)
    {
      *kind = isnan (ob_column_get_double (cols->conc, row)) ? WELL_SAMPLE : WELL_STANDARD;
      return TRUE;
    }
  type = ob_dataset_format_cell (dataset, (guint) cols->type_index, row);
  if (g_ascii_strcasecmp (type, "standard") == 0 || g_ascii_strcasecmp (type, "std") == 0)
    *kind = WELL_STANDARD;
  else if (g_ascii_strcasecmp (type, "blank") == 0)
    *kind = WELL_BLANK;
  else if (g_ascii_strcasecmp (type, "sample") == 0 || g_ascii_strcasecmp (type, "control") == 0
           || g_ascii_strcasecmp (type, "unknown") == 0)
    *kind = WELL_SAMPLE;
  else
    {
      g_autofree char *why = g_strdup_printf (_("type “%s” is not standard, blank, sample or "
                                                "control"), type);

      exclude (rows, dataset, cols, row, why);
      return FALSE;
    }
  if (*kind == WELL_STANDARD && !(ob_column_get_double (cols->conc, row) >= 0.0))
    {
      exclude (rows, dataset, cols, row, _("a standard without a concentration"));
      return FALSE;
    }
  return TRUE;
}

static double
row_dilution (const Columns *cols,
              gsize          row)
{
  double d = cols->dilution != NULL ? ob_column_get_double (cols->dilution, row) : NAN;

  return d > 0.0 ? d : 1.0;
}

static void
mean_cv (const double *v,
         gsize         n,
         double       *mean,
         double       *cv)
{
  double sum = 0.0, ss = 0.0;

  for (gsize i = 0; i < n; i++)
    sum += v[i];
  *mean = sum / (double) n;
  for (gsize i = 0; i < n; i++)
    ss += (v[i] - *mean) * (v[i] - *mean);
  *cv = n > 1 && *mean != 0.0 ? 100.0 * sqrt (ss / (double) (n - 1)) / fabs (*mean) : NAN;
}

static int
compare_rows_by_conc (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  const ObColumn *conc = user_data;
  double x = ob_column_get_double (conc, *(const gsize *) a);
  double y = ob_column_get_double (conc, *(const gsize *) b);

  return (x > y) - (x < y);
}

/* Back-calculates each standard level and sets the limits of quantification. */
static void
score_standards (ObAssayPlate          *plate,
                 const Columns         *cols,
                 GArray                *rows,
                 const ObAssaySettings *settings)
{
  g_autofree double *raw = g_new (double, rows->len);
  double lowest = INFINITY, highest = -INFINITY;

  g_array_sort_with_data (rows, compare_rows_by_conc, (gpointer) cols->conc);
  for (guint i = 0; i < rows->len;)
    {
      ObAssayStandard s = { 0 };
      guint j = i;

      s.conc = ob_column_get_double (cols->conc, g_array_index (rows, gsize, i));
      while (j < rows->len && ob_column_get_double (cols->conc, g_array_index (rows, gsize, j))
                              == s.conc)
        {
          raw[j - i] = ob_column_get_double (cols->response, g_array_index (rows, gsize, j));
          j++;
        }
      s.n = j - i;
      mean_cv (raw, s.n, &s.mean_response, &s.cv_pct);
      s.mean_response -= plate->blank;
      s.back_calc = s.conc > 0.0 ? ob_curve_fit_inverse (plate->fit, s.mean_response) : NAN;
      s.recovery_pct = 100.0 * s.back_calc / s.conc;
      if (s.conc > 0.0)
        {
          lowest = MIN (lowest, s.conc);
          highest = MAX (highest, s.conc);
        }
      g_array_append_val (plate->standards, s);
      i = j;
    }

  plate->lloq = plate->uloq = NAN;
  for (guint i = 0; i < plate->standards->len; i++)
    {
      ObAssayStandard *s = &g_array_index (plate->standards, ObAssayStandard, i);
      double limit = s->conc == lowest || s->conc == highest ? settings->recovery_limit_edge
                                                             : settings->recovery_limit;

      s->passes = s->conc > 0.0 && fabs (s->recovery_pct - 100.0) <= limit;
      if (s->passes)
        {
          if (isnan (plate->lloq))
            plate->lloq = s->conc;
          plate->uloq = s->conc;
        }
    }
}

static void
flag_range (ObAssaySample *sample,
            gboolean       low)
{
  g_ptr_array_add (sample->flags, g_strdup (low ? "<LLOQ" : ">ULOQ"));
}

/* Interpolates one sample; never extrapolates: anything beyond the standards or the
 * limits gets a flag and no concentration. */
static void
score_sample (ObAssayPlate          *plate,
              ObAssaySample         *sample,
              const double          *raw,
              const ObAssaySettings *settings)
{
  const ObCurveFit *fit = plate->fit;
  double x, se, tq;
  double y_low = ob_curve_fit_predict (fit, fit->x_min);
  double y_high = ob_curve_fit_predict (fit, fit->x_max);

  mean_cv (raw, sample->n, &sample->mean_response, &sample->cv_pct);
  sample->mean_response -= plate->blank;
  sample->conc = sample->conc_lower = sample->conc_upper = NAN;
  sample->replicate_conc = g_new (double, sample->n);
  for (guint i = 0; i < sample->n; i++)
    {
      double xi = ob_curve_fit_inverse (fit, raw[i] - plate->blank);

      sample->replicate_conc[i] = xi >= fit->x_min && xi <= fit->x_max ? xi * sample->dilution
                                                                       : NAN;
    }

  x = ob_curve_fit_inverse (fit, sample->mean_response);
  if (isnan (x) || x < fit->x_min || x > fit->x_max)
    {
      gboolean low = isnan (x) ? fabs (sample->mean_response - y_low)
                                 < fabs (sample->mean_response - y_high)
                               : x < fit->x_min;

      g_ptr_array_add (sample->flags, g_strdup ("outside standards"));
      flag_range (sample, low);
    }
  else if (isnan (plate->lloq))
    g_ptr_array_add (sample->flags, g_strdup ("no passing standards"));
  else if (x < plate->lloq || x > plate->uloq)
    flag_range (sample, x < plate->lloq);
  else
    {
      sample->conc = x * sample->dilution;
      se = ob_curve_fit_inverse_log_se (fit, sample->mean_response, sample->n);
      tq = gsl_cdf_tdist_Qinv (0.025, fit->df);
      sample->conc_lower = sample->conc * exp (-tq * se);
      sample->conc_upper = sample->conc * exp (tq * se);
    }
  if (sample->cv_pct > settings->cv_limit)
    g_ptr_array_add (sample->flags, g_strdup_printf ("CV > %g%%", settings->cv_limit));
}

static char *
cell_or_null (const ObDataset *dataset,
              int              column,
              gsize            row)
{
  char *cell;

  if (column < 0)
    return NULL;
  cell = ob_dataset_format_cell (dataset, (guint) column, row);
  if (*cell == '\0')
    g_clear_pointer (&cell, g_free);
  return cell;
}

/* Replicates share a sample name and a dilution; they stay in the order of the file. */
static void
collect_samples (ObAssayPlate          *plate,
                 const ObDataset       *dataset,
                 const Columns         *cols,
                 GArray                *rows,
                 const ObAssaySettings *settings)
{
  g_autoptr(GHashTable) index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) members = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(GArray) raw = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < rows->len; i++)
    {
      gsize row = g_array_index (rows, gsize, i);
      g_autofree char *id = cell_or_null (dataset, cols->sample_index, row);
      double dilution = row_dilution (cols, row);
      g_autofree char *key = NULL;
      gpointer found;
      ObAssaySample *sample;

      if (id == NULL)
        id = well_name (dataset, cols, row);
      key = g_strdup_printf ("%s\x1f%.17g", id, dilution);
      if (g_hash_table_lookup_extended (index, key, NULL, &found))
        {
          g_array_append_val (g_ptr_array_index (members, GPOINTER_TO_UINT (found)), row);
          continue;
        }
      sample = g_new0 (ObAssaySample, 1);
      sample->id = g_steal_pointer (&id);
      sample->group = cell_or_null (dataset, cols->group_index, row);
      sample->dilution = dilution;
      sample->flags = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (index, g_steal_pointer (&key), GUINT_TO_POINTER (plate->samples->len));
      g_ptr_array_add (plate->samples, sample);
      g_ptr_array_add (members, g_array_new (FALSE, FALSE, sizeof (gsize)));
      g_array_append_val (g_ptr_array_index (members, members->len - 1), row);
    }

  for (guint i = 0; i < plate->samples->len; i++)
    {
      ObAssaySample *sample = g_ptr_array_index (plate->samples, i);
      GArray *m = g_ptr_array_index (members, i);

      g_array_set_size (raw, 0);
      for (guint j = 0; j < m->len; j++)
        {
          double v = ob_column_get_double (cols->response, g_array_index (m, gsize, j));

          g_array_append_val (raw, v);
        }
      sample->n = m->len;
      score_sample (plate, sample, (const double *) (gpointer) raw->data, settings);
    }
}

static ObAssayPlate *
analyse_plate (PlateRows             *rows,
               const ObDataset       *dataset,
               const Columns         *cols,
               const ObAssaySettings *settings,
               GError               **error)
{
  g_autoptr(ObAssayPlate) plate = g_new0 (ObAssayPlate, 1);
  g_autofree double *x = g_new (double, rows->standards->len + 1);
  g_autofree double *y = g_new (double, rows->standards->len + 1);
  g_autoptr(GError) local_error = NULL;
  double sum = 0.0;

  plate->plate = g_steal_pointer (&rows->name);
  plate->standards = g_array_new (FALSE, FALSE, sizeof (ObAssayStandard));
  plate->samples = g_ptr_array_new_with_free_func ((GDestroyNotify) sample_free);
  plate->exclusions = g_steal_pointer (&rows->exclusions);
  plate->n_blanks = rows->blanks->len;
  for (guint i = 0; i < rows->blanks->len; i++)
    sum += ob_column_get_double (cols->response, g_array_index (rows->blanks, gsize, i));
  plate->blank = plate->n_blanks > 0 ? sum / plate->n_blanks : 0.0;

  for (guint i = 0; i < rows->standards->len; i++)
    {
      gsize row = g_array_index (rows->standards, gsize, i);

      x[i] = ob_column_get_double (cols->conc, row);
      y[i] = ob_column_get_double (cols->response, row) - plate->blank;
    }
  plate->fit = ob_curve_fit (settings->model, settings->weight, x, y, rows->standards->len,
                             &local_error);
  if (plate->fit == NULL)
    {
      if (plate->plate != NULL)
        g_set_error (error, OB_ERROR, local_error->code, _("Plate %s: %s"), plate->plate,
                     local_error->message);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  score_standards (plate, cols, rows->standards, settings);
  collect_samples (plate, dataset, cols, rows->samples, settings);
  return g_steal_pointer (&plate);
}

GPtrArray *
ob_assay_analyse (const ObDataset       *dataset,
                  const ObAssayColumns  *columns,
                  const guint8          *mask,
                  const ObAssaySettings *settings,
                  GError               **error)
{
  Columns cols = { 0 };
  g_autoptr(GPtrArray) plates = g_ptr_array_new_with_free_func ((GDestroyNotify) plate_rows_free);
  g_autoptr(GHashTable) by_name = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) result = NULL;
  gsize n_rows = ob_dataset_get_n_rows (dataset);

  if (!find_column (dataset, columns->response, "response", TRUE, &cols.response, NULL, error)
      || !find_column (dataset, columns->conc, "conc", TRUE, &cols.conc, NULL, error)
      || !find_column (dataset, columns->sample, "sample", FALSE, &cols.sample, &cols.sample_index,
                       error)
      || !find_column (dataset, columns->type, "type", FALSE, &cols.type, &cols.type_index,
                       error)
      || !find_column (dataset, columns->dilution, "dilution", FALSE, &cols.dilution, NULL, error)
      || !find_column (dataset, columns->group, "group", FALSE, &cols.group, &cols.group_index,
                       error)
      || !find_column (dataset, columns->plate, "plate", FALSE, &cols.plate, &cols.plate_index,
                       error)
      || !find_column (dataset, columns->well, "well", FALSE, &cols.well, &cols.well_index,
                       error))
    return NULL;
  if (cols.response->type != OB_COLUMN_NUMERIC || cols.conc->type != OB_COLUMN_NUMERIC)
    {
      g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                   _("“%s” and “%s” must be numeric columns"), cols.conc->name,
                   cols.response->name);
      return NULL;
    }

  for (gsize row = 0; row < n_rows; row++)
    {
      g_autofree char *name = NULL;
      PlateRows *rows;
      WellKind kind;

      if (mask != NULL && !mask[row])
        continue;
      name = cell_or_null (dataset, cols.plate_index, row);
      rows = g_hash_table_lookup (by_name, name != NULL ? name : "");
      if (rows == NULL)
        {
          rows = g_new0 (PlateRows, 1);
          rows->name = g_steal_pointer (&name);
          rows->standards = g_array_new (FALSE, FALSE, sizeof (gsize));
          rows->blanks = g_array_new (FALSE, FALSE, sizeof (gsize));
          rows->samples = g_array_new (FALSE, FALSE, sizeof (gsize));
          rows->exclusions = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (by_name, rows->name != NULL ? rows->name : (char *) "", rows);
          g_ptr_array_add (plates, rows);
        }
      if (!classify (dataset, &cols, row, &kind, rows))
        continue;
      g_array_append_val (kind == WELL_STANDARD ? rows->standards
                          : kind == WELL_BLANK ? rows->blanks : rows->samples, row);
    }
  if (plates->len == 0)
    {
      g_set_error_literal (error, OB_ERROR, OB_ERROR_NO_DATA, _("No wells left to analyse"));
      return NULL;
    }

  /* The hash table's keys are the plates' names, which analyse_plate takes over. */
  g_hash_table_steal_all (by_name);
  result = g_ptr_array_new_with_free_func ((GDestroyNotify) ob_assay_plate_free);
  for (guint i = 0; i < plates->len; i++)
    {
      ObAssayPlate *plate = analyse_plate (g_ptr_array_index (plates, i), dataset, &cols,
                                           settings, error);

      if (plate == NULL)
        return NULL;
      g_ptr_array_add (result, plate);
    }
  return g_steal_pointer (&result);
}
