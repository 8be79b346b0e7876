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

#include "ob-standard-curve-private.h"

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

/* Wells of one plate, sorted into standards, blanks and samples as they are read. */
typedef struct
{
  char *name;
  GArray *wells;       /* ObAssayWell */
  GArray *standards;   /* guint: index in wells */
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
  settings->cv_limit_edge = 25.0;
  settings->exclude_failing = FALSE;
}

gboolean
ob_assay_parse_well_name (const char *name,
                          int        *row,
                          int        *col)
{
  char letter;
  char *end;
  guint64 number;

  while (g_ascii_isspace (*name))
    name++;
  letter = g_ascii_toupper (*name);
  if (letter < 'A' || letter > 'P' || !g_ascii_isdigit (name[1]))
    return FALSE;
  number = g_ascii_strtoull (name + 1, &end, 10);
  while (g_ascii_isspace (*end))
    end++;
  if (*end != '\0' || number < 1 || number > 24)
    return FALSE;
  *row = letter - 'A';
  *col = (int) number - 1;
  return TRUE;
}

static void
well_clear (gpointer data)
{
  ObAssayWell *well = data;

  g_free (well->name);
}

static void
plate_rows_free (PlateRows *rows)
{
  g_free (rows->name);
  if (rows->wells != NULL)
    g_array_unref (rows->wells);
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
  if (plate->warnings != NULL)
    g_ptr_array_unref (plate->warnings);
  if (plate->wells != NULL)
    g_array_unref (plate->wells);
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
well_label (const ObAssayWell *well)
{
  if (well->name != NULL)
    return g_strdup_printf (_("Well %s"), well->name);
  return g_strdup_printf (_("Row %zu"), well->row + 1);
}

static void
exclude (PlateRows         *rows,
         const ObAssayWell *well,
         const char        *why)
{
  g_autofree char *label = well_label (well);

  g_ptr_array_add (rows->exclusions, g_strdup_printf ("%s: %s", label, why));
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

/* Records the row as a well of the plate and says whether the analysis may use it. */
static gboolean
classify (const ObDataset *dataset,
          const Columns   *cols,
          gsize            row,
          gboolean         by_hand,
          PlateRows       *rows)
{
  g_autofree char *type = NULL;
  ObAssayWell well = { 0 };
  ObAssayWell *w;

  well.row = row;
  well.name = cell_or_null (dataset, cols->well_index, row);
  if (well.name == NULL || !ob_assay_parse_well_name (well.name, &well.plate_row,
                                                      &well.plate_col))
    well.plate_row = well.plate_col = -1;
  well.conc = ob_column_get_double (cols->conc, row);
  well.response = ob_column_get_double (cols->response, row);
  well.standard = well.sample = -1;
  if (cols->type == NULL)
    well.kind = isnan (well.conc) ? OB_ASSAY_WELL_SAMPLE : OB_ASSAY_WELL_STANDARD;
  else
    {
      type = ob_dataset_format_cell (dataset, (guint) cols->type_index, row);
      if (g_ascii_strcasecmp (type, "standard") == 0 || g_ascii_strcasecmp (type, "std") == 0)
        well.kind = OB_ASSAY_WELL_STANDARD;
      else if (g_ascii_strcasecmp (type, "blank") == 0)
        well.kind = OB_ASSAY_WELL_BLANK;
      else if (g_ascii_strcasecmp (type, "sample") == 0
               || g_ascii_strcasecmp (type, "unknown") == 0)
        well.kind = OB_ASSAY_WELL_SAMPLE;
      else if (g_ascii_strcasecmp (type, "control") == 0)
        well.kind = OB_ASSAY_WELL_CONTROL;
      else
        well.kind = OB_ASSAY_WELL_UNKNOWN;
    }
  if (well.kind != OB_ASSAY_WELL_STANDARD)
    well.conc = NAN;
  g_array_append_val (rows->wells, well);
  w = &g_array_index (rows->wells, ObAssayWell, rows->wells->len - 1);

  w->excluded = TRUE;
  if (by_hand)
    exclude (rows, w, _("excluded by hand"));
  else if (isnan (w->response))
    exclude (rows, w, _("no response"));
  else if (w->kind == OB_ASSAY_WELL_UNKNOWN)
    {
      g_autofree char *why = g_strdup_printf (_("type “%s” is not standard, blank, sample or "
                                                "control"), type);

      exclude (rows, w, why);
    }
  else if (w->kind == OB_ASSAY_WELL_STANDARD && !(w->conc >= 0.0))
    exclude (rows, w, _("a standard without a concentration"));
  else
    w->excluded = FALSE;
  return !w->excluded;
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
         double       *cv,
         double       *sd)
{
  double sum = 0.0, ss = 0.0;

  for (gsize i = 0; i < n; i++)
    sum += v[i];
  *mean = sum / (double) n;
  for (gsize i = 0; i < n; i++)
    ss += (v[i] - *mean) * (v[i] - *mean);
  *sd = n > 1 ? sqrt (ss / (double) (n - 1)) : NAN;
  *cv = n > 1 && *mean != 0.0 ? 100.0 * *sd / fabs (*mean) : NAN;
}

static int
compare_wells_by_conc (gconstpointer a,
                       gconstpointer b,
                       gpointer      user_data)
{
  GArray *wells = user_data;
  double x = g_array_index (wells, ObAssayWell, *(const guint *) a).conc;
  double y = g_array_index (wells, ObAssayWell, *(const guint *) b).conc;

  return (x > y) - (x < y);
}

/* Back-calculates each standard level against the current fit and sets the limits of
 * quantification.  std holds the standard wells sorted by concentration. */
static void
score_standards (ObAssayPlate          *plate,
                 GArray                *std,
                 const ObAssaySettings *settings)
{
  g_autofree double *raw = g_new (double, std->len + 1);
  double lowest = INFINITY, highest = -INFINITY;

  g_array_set_size (plate->standards, 0);
  for (guint i = 0; i < std->len;)
    {
      ObAssayStandard s = { 0 };
      guint j = i;

      s.conc = g_array_index (plate->wells, ObAssayWell, g_array_index (std, guint, i)).conc;
      s.excluded = TRUE;
      for (; j < std->len; j++)
        {
          ObAssayWell *w = &g_array_index (plate->wells, ObAssayWell,
                                           g_array_index (std, guint, j));

          if (w->conc != s.conc)
            break;
          raw[j - i] = w->response;
          s.excluded = s.excluded && w->excluded;
          w->standard = (int) plate->standards->len;
        }
      s.n = j - i;
      mean_cv (raw, s.n, &s.mean_response, &s.cv_pct, &s.sd);
      s.mean_response -= plate->blank;
      s.back_calc = s.conc > 0.0 ? ob_curve_fit_inverse (plate->fit, s.mean_response) : NAN;
      s.recovery_pct = 100.0 * s.back_calc / s.conc;
      if (s.conc > 0.0 && !s.excluded)
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
      gboolean edge = s->conc == lowest || s->conc == highest;
      double limit = edge ? settings->recovery_limit_edge : settings->recovery_limit;

      s->passes = !s->excluded && s->conc > 0.0 && fabs (s->recovery_pct - 100.0) <= limit;
      s->cv_passes = !(s->cv_pct > (edge ? settings->cv_limit_edge : settings->cv_limit));
      if (s->passes)
        {
          if (isnan (plate->lloq))
            plate->lloq = s->conc;
          plate->uloq = s->conc;
        }
    }
}

/* The level whose recovery is furthest beyond its limit, or -1 when all pass. */
static int
worst_standard (const ObAssayPlate    *plate,
                const ObAssaySettings *settings,
                guint                 *n_left)
{
  double lowest = INFINITY, highest = -INFINITY, worst = 0.0;
  int found = -1;

  *n_left = 0;
  for (guint i = 0; i < plate->standards->len; i++)
    {
      const ObAssayStandard *s = &g_array_index (plate->standards, ObAssayStandard, i);

      if (s->excluded || !(s->conc > 0.0))
        continue;
      (*n_left)++;
      lowest = MIN (lowest, s->conc);
      highest = MAX (highest, s->conc);
    }
  for (guint i = 0; i < plate->standards->len; i++)
    {
      const ObAssayStandard *s = &g_array_index (plate->standards, ObAssayStandard, i);
      double limit = s->conc == lowest || s->conc == highest ? settings->recovery_limit_edge
                                                             : settings->recovery_limit;
      /* A level the curve cannot reach at all is the worst there is. */
      double excess = isnan (s->recovery_pct) ? INFINITY
                                              : fabs (s->recovery_pct - 100.0) - limit;

      if (!s->excluded && s->conc > 0.0 && excess > worst)
        {
          worst = excess;
          found = (int) i;
        }
    }
  return found;
}

static gboolean
fit_standards (ObAssayPlate          *plate,
               GArray                *std,
               const ObAssaySettings *settings,
               GError               **error)
{
  g_autofree double *x = g_new (double, std->len + 1);
  g_autofree double *y = g_new (double, std->len + 1);
  ObCurveFit *fit;
  gsize n = 0;

  for (guint i = 0; i < std->len; i++)
    {
      const ObAssayWell *w = &g_array_index (plate->wells, ObAssayWell,
                                             g_array_index (std, guint, i));

      if (w->excluded)
        continue;
      x[n] = w->conc;
      y[n] = w->response - plate->blank;
      n++;
    }
  fit = ob_curve_fit (settings->model, settings->weight, x, y, n, error);
  if (fit == NULL)
    return FALSE;
  ob_curve_fit_free (plate->fit);
  plate->fit = fit;
  return TRUE;
}

/* ICH M10 lets failing calibrators go; each level dropped is logged, well by well, and the
 * curve refitted.  Stops when all pass or the model would have too few levels left. */
static void
drop_failing_standards (ObAssayPlate          *plate,
                        PlateRows             *rows,
                        const ObAssaySettings *settings)
{
  guint min_levels = settings->model == OB_CURVE_P2P ? 2 : plate->fit->n_params + 1;

  for (;;)
    {
      ObAssayStandard s;
      guint n_left;
      int worst = worst_standard (plate, settings, &n_left);
      g_autofree char *why = NULL;

      if (worst < 0 || n_left <= min_levels)
        return;
      s = g_array_index (plate->standards, ObAssayStandard, worst);
      for (guint i = 0; i < rows->standards->len; i++)
        {
          ObAssayWell *w = &g_array_index (plate->wells, ObAssayWell,
                                           g_array_index (rows->standards, guint, i));

          if (w->standard == worst && !w->excluded)
            w->excluded = TRUE;
        }
      if (!fit_standards (plate, rows->standards, settings, NULL))
        {
          for (guint i = 0; i < rows->standards->len; i++)
            {
              ObAssayWell *w = &g_array_index (plate->wells, ObAssayWell,
                                               g_array_index (rows->standards, guint, i));

              if (w->standard == worst)
                w->excluded = FALSE;
            }
          return;
        }
      if (isnan (s.recovery_pct))
        why = g_strdup_printf (_("standard %g left out: the curve cannot reach its response; "
                                 "curve refitted"), s.conc);
      else
        why = g_strdup_printf (_("standard %g left out: recovery %.1f%% is outside its "
                                 "limit; curve refitted"), s.conc, s.recovery_pct);
      for (guint i = 0; i < rows->standards->len; i++)
        {
          const ObAssayWell *w = &g_array_index (plate->wells, ObAssayWell,
                                                 g_array_index (rows->standards, guint, i));

          if (w->standard == worst)
            exclude (rows, w, why);
        }
      score_standards (plate, rows->standards, settings);
    }
}

static void
flag_range (ObAssaySample *sample,
            gboolean       low)
{
  g_ptr_array_add (sample->flags, g_strdup (low ? "<LLOQ" : ">ULOQ"));
}

/* Whether x lies in the lowest or highest interval of passing standards, where ICH M10
 * allows the wider CV. */
static gboolean
near_limits (const ObAssayPlate *plate,
             double              x)
{
  double second_low = NAN, second_high = NAN;
  guint n = 0;

  if (isnan (x) || x < plate->lloq || x > plate->uloq)
    return TRUE;
  for (guint i = 0; i < plate->standards->len; i++)
    {
      const ObAssayStandard *s = &g_array_index (plate->standards, ObAssayStandard, i);

      if (!s->passes)
        continue;
      if (++n == 2)
        second_low = s->conc;
    }
  for (guint i = plate->standards->len, m = 0; i-- > 0;)
    {
      const ObAssayStandard *s = &g_array_index (plate->standards, ObAssayStandard, i);

      if (s->passes && ++m == 2)
        {
          second_high = s->conc;
          break;
        }
    }
  return n < 3 || x <= second_low || x >= second_high;
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
  double x, se, tq, sd, cv_limit;
  double y_low = ob_curve_fit_predict (fit, fit->x_min);
  double y_high = ob_curve_fit_predict (fit, fit->x_max);

  mean_cv (raw, sample->n, &sample->mean_response, &sample->cv_pct, &sd);
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
  cv_limit = near_limits (plate, x) ? settings->cv_limit_edge : settings->cv_limit;
  if (sample->cv_pct > cv_limit)
    g_ptr_array_add (sample->flags, g_strdup_printf ("CV > %g%%", cv_limit));
}

/* Replicates share a sample name and a dilution; they stay in the order of the file. */
static void
collect_samples (ObAssayPlate          *plate,
                 const ObDataset       *dataset,
                 const Columns         *cols,
                 GArray                *wells,
                 const ObAssaySettings *settings)
{
  g_autoptr(GHashTable) index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) members = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  for (guint i = 0; i < wells->len; i++)
    {
      ObAssayWell *w = &g_array_index (plate->wells, ObAssayWell, g_array_index (wells, guint, i));
      g_autofree char *id = cell_or_null (dataset, cols->sample_index, w->row);
      double dilution = row_dilution (cols, w->row);
      g_autofree char *key = NULL;
      guint64 bits;
      gpointer found;
      ObAssaySample *sample;

      if (id == NULL)
        id = well_label (w);
      /* The dilution's bits, not its decimal form: formatting a double on every row cost
       * more than the rest of the analysis. */
      memcpy (&bits, &dilution, sizeof bits);
      key = g_strdup_printf ("%s\x1f%016" G_GINT64_MODIFIER "x", id, bits);
      if (g_hash_table_lookup_extended (index, key, NULL, &found))
        {
          w->sample = (int) GPOINTER_TO_UINT (found);
          g_array_append_val (g_ptr_array_index (members, w->sample), w->response);
          continue;
        }
      sample = g_new0 (ObAssaySample, 1);
      sample->id = g_steal_pointer (&id);
      sample->group = cell_or_null (dataset, cols->group_index, w->row);
      sample->dilution = dilution;
      sample->flags = g_ptr_array_new_with_free_func (g_free);
      w->sample = (int) plate->samples->len;
      g_hash_table_insert (index, g_steal_pointer (&key), GUINT_TO_POINTER (plate->samples->len));
      g_ptr_array_add (plate->samples, sample);
      g_ptr_array_add (members, g_array_new (FALSE, FALSE, sizeof (double)));
      g_array_append_val (g_ptr_array_index (members, members->len - 1), w->response);
    }

  for (guint i = 0; i < plate->samples->len; i++)
    {
      ObAssaySample *sample = g_ptr_array_index (plate->samples, i);
      GArray *m = g_ptr_array_index (members, i);

      sample->n = m->len;
      score_sample (plate, sample, (const double *) (gpointer) m->data, settings);
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
  g_autoptr(GError) local_error = NULL;
  double sum = 0.0;

  plate->plate = g_steal_pointer (&rows->name);
  plate->standards = g_array_new (FALSE, FALSE, sizeof (ObAssayStandard));
  plate->samples = g_ptr_array_new_with_free_func ((GDestroyNotify) sample_free);
  plate->warnings = g_ptr_array_new_with_free_func (g_free);
  plate->wells = g_steal_pointer (&rows->wells);
  plate->n_blanks = rows->blanks->len;
  for (guint i = 0; i < rows->blanks->len; i++)
    sum += g_array_index (plate->wells, ObAssayWell, g_array_index (rows->blanks, guint, i))
             .response;
  plate->blank = plate->n_blanks > 0 ? sum / plate->n_blanks : 0.0;

  g_array_sort_with_data (rows->standards, compare_wells_by_conc, plate->wells);
  if (!fit_standards (plate, rows->standards, settings, &local_error)
      || !ob_assay_check_dose_response (plate, &local_error))
    {
      plate->exclusions = g_steal_pointer (&rows->exclusions);
      if (plate->plate != NULL)
        g_set_error (error, OB_ERROR, local_error->code, _("Plate %s: %s"), plate->plate,
                     local_error->message);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  score_standards (plate, rows->standards, settings);
  if (settings->exclude_failing)
    drop_failing_standards (plate, rows, settings);
  plate->exclusions = g_steal_pointer (&rows->exclusions);
  collect_samples (plate, dataset, cols, rows->samples, settings);
  ob_assay_check_monotone (plate);
  return g_steal_pointer (&plate);
}

GPtrArray *
ob_assay_analyse (const ObDataset       *dataset,
                  const ObAssayColumns  *columns,
                  const guint8          *mask,
                  const ObAssaySettings *settings,
                  GError               **error)
{
  return ob_assay_analyse_excluding (dataset, columns, mask, NULL, settings, error);
}

GPtrArray *
ob_assay_analyse_excluding (const ObDataset       *dataset,
                            const ObAssayColumns  *columns,
                            const guint8          *mask,
                            const guint8          *excluded,
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
      const ObAssayWell *w;
      guint index;

      if (mask != NULL && !mask[row])
        continue;
      name = cell_or_null (dataset, cols.plate_index, row);
      rows = g_hash_table_lookup (by_name, name != NULL ? name : "");
      if (rows == NULL)
        {
          rows = g_new0 (PlateRows, 1);
          rows->name = g_steal_pointer (&name);
          rows->wells = g_array_new (FALSE, FALSE, sizeof (ObAssayWell));
          g_array_set_clear_func (rows->wells, well_clear);
          rows->standards = g_array_new (FALSE, FALSE, sizeof (guint));
          rows->blanks = g_array_new (FALSE, FALSE, sizeof (guint));
          rows->samples = g_array_new (FALSE, FALSE, sizeof (guint));
          rows->exclusions = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (by_name, rows->name != NULL ? rows->name : (char *) "", rows);
          g_ptr_array_add (plates, rows);
        }
      if (!classify (dataset, &cols, row, excluded != NULL && excluded[row], rows))
        continue;
      index = rows->wells->len - 1;
      w = &g_array_index (rows->wells, ObAssayWell, index);
      g_array_append_val (w->kind == OB_ASSAY_WELL_STANDARD ? rows->standards
                          : w->kind == OB_ASSAY_WELL_BLANK ? rows->blanks : rows->samples, index);
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
