/* ob-cli-growth.c — `oncobench-cli growth FILE`: tumour growth curves, TGI, rates, endpoint
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ob-cli.h"
#include "ob-cli-growth-private.h"
#include "ob-cli-project.h"
#include "ob-kaplan-meier.h"
#include "ob-logrank.h"

#define DEFAULT_WIDTH_MM 89.0
#define DEFAULT_HEIGHT_MM 70.0

static void
growth_options_clear (GrowthOptions *o)
{
  ob_cli_input_options_clear (&o->input);
  g_clear_pointer (&o->subject, g_free);
  g_clear_pointer (&o->group, g_free);
  g_clear_pointer (&o->time, g_free);
  g_clear_pointer (&o->wide, g_free);
  g_clear_pointer (&o->volume, g_free);
  g_clear_pointer (&o->length, g_free);
  g_clear_pointer (&o->width, g_free);
  g_clear_pointer (&o->formula, g_free);
  g_clear_pointer (&o->weight, g_free);
  g_clear_pointer (&o->flux, g_free);
  g_clear_pointer (&o->control, g_free);
  g_clear_pointer (&o->endpoint_time, g_free);
  g_clear_pointer (&o->endpoint_event, g_free);
  g_clear_pointer (&o->exclude, g_free);
  g_clear_pointer (&o->where, g_strfreev);
  g_clear_pointer (&o->figure, g_free);
  g_clear_pointer (&o->chart, g_free);
  g_clear_pointer (&o->size, g_free);
  g_clear_pointer (&o->dosing, g_free);
  g_clear_pointer (&o->save_project, g_free);
}

static gboolean invalid_option (GError **error, const char *format, ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid_option (GError    **error,
                const char *format,
                ...)
{
  g_autofree char *message = NULL;
  va_list ap;

  va_start (ap, format);
  message = g_strdup_vprintf (format, ap);
  va_end (ap);
  g_set_error_literal (error, OB_ERROR, OB_ERROR_INVALID_ARG, message);
  return FALSE;
}

static gboolean
parse_double (const char *str,
              double     *out)
{
  char *end = NULL;

  *out = g_ascii_strtod (str, &end);
  return end != str && *end == '\0' && isfinite (*out);
}

static gboolean
resolve_settings (const GrowthOptions  *o,
                  GrowthSettings       *s,
                  GError              **error)
{
  memset (s, 0, sizeof *s);
  s->formula = OB_GROWTH_FORMULA_HALF;
  s->width_mm = DEFAULT_WIDTH_MM;
  s->height_mm = DEFAULT_HEIGHT_MM;
  s->dosing_start = s->dosing_end = NAN;
  s->chart = 0;

  if (o->subject == NULL || o->group == NULL || (o->time == NULL) == (o->wide == NULL))
    return invalid_option (error, "%s", _("--subject COL, --group COL and either --time COL or "
                                          "--wide COLS are required"));
  if (o->wide != NULL && (o->length != NULL || o->volume != NULL || o->weight != NULL
                          || o->flux != NULL))
    return invalid_option (error, "%s", _("--wide columns hold the volumes: leave out --volume, "
                                          "--length, --width, --weight and --flux"));
  if (o->volume != NULL && (o->length != NULL || o->width != NULL))
    return invalid_option (error, "%s", _("Give either --volume or --length and --width, not "
                                          "both"));
  if (o->volume == NULL && (o->length == NULL) != (o->width == NULL))
    return invalid_option (error, "%s", _("--length and --width go together"));
  if (o->volume == NULL && o->length == NULL && o->flux == NULL && o->weight == NULL
      && o->wide == NULL)
    return invalid_option (error, "%s", _("--volume COL (or --length COL --width COL) is "
                                          "required, unless the table holds only --flux or "
                                          "--weight"));
  if (o->formula != NULL && !ob_growth_formula_from_string (o->formula, &s->formula))
    return invalid_option (error, _("--formula “%s” is not one of half (L × W² / 2), "
                                    "ellipsoid (π/6 × L × W²)"), o->formula);
  if (!isnan (o->endpoint) && !(o->endpoint > 0))
    return invalid_option (error, "%s", _("--endpoint V must be a volume > 0"));
  if (!isnan (o->endpoint) && o->endpoint_time != NULL)
    return invalid_option (error, "%s", _("Give the endpoint either as a volume (--endpoint) or "
                                          "as recorded days (--endpoint-time), not both"));
  if ((o->endpoint_time == NULL) != (o->endpoint_event == NULL))
    return invalid_option (error, "%s", _("--endpoint-time and --endpoint-event go together"));
  if (!isfinite (o->mrecist_start) || o->mrecist_start < 0)
    return invalid_option (error, "%s", _("--mrecist-start must be a day ≥ 0"));
  if (o->chart != NULL && !ob_cli_growth_chart_from_string (o->chart, &s->chart))
    return invalid_option (error, _("--chart “%s” is not one of curves, spaghetti, waterfall, "
                                    "weight, flux, endpoint"), o->chart);
  if (o->dosing != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (o->dosing, ",", 2);

      if (g_strv_length (parts) != 2 || !parse_double (parts[0], &s->dosing_start)
          || !parse_double (parts[1], &s->dosing_end) || s->dosing_end <= s->dosing_start)
        return invalid_option (error, _("--dosing “%s”: expected FIRST,LAST day, e.g. 0,14"),
                               o->dosing);
    }
  if (o->size != NULL)
    {
      g_auto(GStrv) parts = g_strsplit_set (o->size, "xX", 2);

      if (g_strv_length (parts) != 2 || !parse_double (parts[0], &s->width_mm)
          || !parse_double (parts[1], &s->height_mm) || s->width_mm < 20 || s->height_mm < 20
          || s->width_mm > 1000 || s->height_mm > 1000)
        return invalid_option (error, _("--size “%s”: expected WIDTHxHEIGHT in mm, e.g. 89x70"),
                               o->size);
    }
  if (o->dpi != 0 && !(o->dpi >= 72 && o->dpi <= 2400))
    return invalid_option (error, "%s", _("--dpi must be between 72 and 2400"));
  if (o->figure != NULL && !ob_plot_format_from_path (o->figure, &s->format, error))
    return FALSE;
  return TRUE;
}

/* Writes the arm-day rows of one measure. */
static void
add_summary (JsonBuilder          *b,
             const char           *member,
             const ObGrowthStudy  *study,
             const ObGrowthArmDay *rows,
             gsize                 n_rows,
             gboolean              censoring)
{
  json_builder_set_member_name (b, member);
  json_builder_begin_array (b);
  for (gsize i = 0; i < n_rows; i++)
    {
      json_builder_begin_object (b);
      ob_cli_json_add_string (b, "group", study->arm_names[rows[i].arm]);
      ob_cli_json_add_double (b, "time", rows[i].time);
      ob_cli_json_add_int (b, "n", rows[i].n);
      if (censoring)
        ob_cli_json_add_int (b, "n_censored", rows[i].n_censored);
      ob_cli_json_add_double (b, "mean", rows[i].mean);
      ob_cli_json_add_double (b, "sd", rows[i].sd);
      ob_cli_json_add_double (b, "sem", rows[i].sem);
      ob_cli_json_add_double (b, "median", rows[i].median);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
add_measure (JsonBuilder         *b,
             const char          *member,
             const ObGrowthStudy *study,
             ObGrowthMeasure      measure)
{
  gsize n_rows;
  g_autofree ObGrowthArmDay *rows = ob_growth_summarise (study, measure, &n_rows);

  add_summary (b, member, study, rows, n_rows, measure == OB_GROWTH_LOG10_FLUX);
}

static void
add_tgi (JsonBuilder         *b,
         const ObGrowthStudy *study,
         const ObGrowthTgi   *tgi)
{
  json_builder_set_member_name (b, "tgi");
  json_builder_begin_object (b);
  ob_cli_json_add_double (b, "time", tgi->time);
  json_builder_set_member_name (b, "default_time");
  json_builder_add_boolean_value (b, tgi->default_time);
  ob_cli_json_add_double (b, "baseline", tgi->baseline);
  ob_cli_json_add_string (b, "control", study->arm_names[tgi->control]);
  ob_cli_json_add_string (b, "formula", tgi->formula);
  json_builder_set_member_name (b, "groups");
  json_builder_begin_array (b);
  for (guint a = 0; a < tgi->n_arms; a++)
    {
      const ObGrowthTgiArm *arm = &tgi->arms[a];

      json_builder_begin_object (b);
      ob_cli_json_add_string (b, "group", study->arm_names[arm->arm]);
      ob_cli_json_add_int (b, "n0", arm->n0);
      ob_cli_json_add_int (b, "n", arm->n);
      ob_cli_json_add_double (b, "mean0", arm->mean0);
      ob_cli_json_add_double (b, "mean", arm->mean);
      ob_cli_json_add_double (b, "tgi_pct", arm->tgi_pct);
      ob_cli_json_add_double (b, "tc_pct", arm->tc_pct);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
}

/* Per-mouse arrays are written row by row while printing: a study may hold 100 000 mice. */
typedef struct
{
  const ObGrowthStudy *study;
  const ObGrowthResponse *responses;
  const ObGrowthRates *rates;
  guint *mice;                      /* the mice not excluded */
  gsize n_mice;
} MouseRows;

static void
write_mrecist_row (ObCliJsonRow  *row,
                   gsize          index,
                   gconstpointer  user_data)
{
  const MouseRows *r = user_data;
  guint m = r->mice[index];

  ob_cli_json_row_string (row, "subject", r->study->mice[m].id);
  ob_cli_json_row_string (row, "group", r->study->arm_names[r->study->mice[m].arm]);
  ob_cli_json_row_double (row, "best_response", r->responses[m].best_response);
  ob_cli_json_row_double (row, "best_avg_response", r->responses[m].best_avg_response);
  ob_cli_json_row_string (row, "category", ob_mrecist_to_string (r->responses[m].category));
}

static void
write_rate_row (ObCliJsonRow  *row,
                gsize          index,
                gconstpointer  user_data)
{
  const MouseRows *r = user_data;
  guint m = r->mice[index];

  ob_cli_json_row_string (row, "subject", r->study->mice[m].id);
  ob_cli_json_row_string (row, "group", r->study->arm_names[r->study->mice[m].arm]);
  ob_cli_json_row_double (row, "rate", r->rates->rate[m]);
  ob_cli_json_row_double (row, "auc", r->rates->auc[m]);
}

static void
add_mrecist (ObCliJson       *json,
             const MouseRows *rows,
             double           start_day)
{
  JsonBuilder *b = ob_cli_json_get_builder (json);

  json_builder_set_member_name (b, "mrecist");
  json_builder_begin_object (b);
  ob_cli_json_add_double (b, "start_day", start_day);
  ob_cli_json_add_rows (json, "subjects", rows->n_mice, write_mrecist_row, rows);
  json_builder_end_object (b);
}

static void
add_rates (ObCliJson       *json,
           const MouseRows *rows)
{
  JsonBuilder *b = ob_cli_json_get_builder (json);
  const ObGrowthStudy *study = rows->study;
  const ObGrowthRates *rates = rows->rates;

  json_builder_set_member_name (b, "growth_rate");
  json_builder_begin_object (b);
  ob_cli_json_add_string (b, "method", rates->method);
  ob_cli_json_add_rows (json, "subjects", rows->n_mice, write_rate_row, rows);
  json_builder_set_member_name (b, "anova");
  json_builder_begin_object (b);
  ob_cli_json_add_double (b, "F", rates->f);
  ob_cli_json_add_double (b, "df1", rates->df1);
  ob_cli_json_add_double (b, "df2", rates->df2);
  ob_cli_json_add_double (b, "p", rates->p);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "vs_control");
  json_builder_begin_array (b);
  for (guint k = 0; k < rates->n_vs_control; k++)
    {
      const ObGrowthRateTest *t = &rates->vs_control[k];

      json_builder_begin_object (b);
      ob_cli_json_add_string (b, "group", study->arm_names[t->arm]);
      ob_cli_json_add_string (b, "control", study->arm_names[study->control]);
      ob_cli_json_add_double (b, "diff", t->diff);
      ob_cli_json_add_double (b, "se", t->se);
      ob_cli_json_add_double (b, "t", t->t);
      ob_cli_json_add_double (b, "df", t->df);
      ob_cli_json_add_double (b, "p", t->p);
      ob_cli_json_add_double (b, "p_adj", t->p_adj);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
}

/* Time to endpoint: curves' medians, the log-rank test.  *out keeps the data for the figure. */
static gboolean
add_endpoint (JsonBuilder          *b,
              const GrowthOptions  *o,
              const ObGrowthStudy  *study,
              const ObDataset      *dataset,
              ObSurvData          **out,
              GError              **error)
{
  ObGrowthEndpointSpec spec = { 0 };
  g_autoptr(ObSurvData) data = NULL;
  g_autoptr(ObKmFit) fit = NULL;
  g_autoptr(ObSurvTest) test = NULL;
  ObKmOptions km;
  gsize events = 0;

  spec.volume = isnan (o->endpoint) ? 0 : o->endpoint;
  spec.time_column = o->endpoint_time;
  spec.event_column = o->endpoint_event;
  if ((data = ob_growth_endpoint_data (study, dataset, &spec, error)) == NULL)
    return FALSE;
  ob_km_options_init (&km);
  if ((fit = ob_km_fit (data, &km, error)) == NULL)
    return FALSE;
  for (gsize i = 0; i < data->n; i++)
    events += data->status[i];
  if (data->n_groups > 1 && events > 0
      && (test = ob_surv_test (data, OB_SURV_TEST_LOGRANK, FALSE, error)) == NULL)
    return FALSE;

  json_builder_set_member_name (b, "endpoint");
  json_builder_begin_object (b);
  ob_cli_json_add_double (b, "volume", spec.volume > 0 ? spec.volume : NAN);
  ob_cli_json_add_string (b, "time_column", spec.volume > 0 ? NULL : spec.time_column);
  ob_cli_json_add_string (b, "definition",
                          spec.volume > 0
                          ? _("First day the volume reaches the endpoint; mice that never do are "
                              "censored at their last measurement")
                          : _("Day and status of each mouse's endpoint as recorded"));
  ob_cli_json_add_int (b, "n", data->n);
  ob_cli_json_add_int (b, "events", events);
  json_builder_set_member_name (b, "groups");
  json_builder_begin_array (b);
  for (guint g = 0; g < fit->n_curves; g++)
    {
      json_builder_begin_object (b);
      ob_cli_json_add_string (b, "group", fit->curves[g].name);
      ob_cli_json_add_int (b, "n", fit->curves[g].n);
      ob_cli_json_add_int (b, "events", fit->curves[g].events);
      ob_cli_json_add_double (b, "median", fit->curves[g].median);
      ob_cli_json_add_double (b, "median_lower", fit->curves[g].median_lower);
      ob_cli_json_add_double (b, "median_upper", fit->curves[g].median_upper);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "logrank");
  if (test == NULL)
    json_builder_add_null_value (b);
  else
    {
      json_builder_begin_object (b);
      ob_cli_json_add_double (b, "chisq", test->chisq);
      ob_cli_json_add_int (b, "df", test->df);
      ob_cli_json_add_double (b, "p", test->p);
      json_builder_end_object (b);
    }
  json_builder_end_object (b);
  *out = g_steal_pointer (&data);
  return TRUE;
}

static gboolean
exclude_mice (ObGrowthStudy *study,
              const char    *list,
              JsonBuilder   *b,
              GError       **error)
{
  g_auto(GStrv) ids = ob_cli_split_list (list);

  json_builder_set_member_name (b, "excluded");
  json_builder_begin_array (b);
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      int m = ob_growth_study_find_mouse (study, ids[i]);

      if (m < 0)
        return invalid_option (error, _("--exclude: there is no mouse “%s”"), ids[i]);
      study->excluded[m] = 1;
      json_builder_add_string_value (b, ids[i]);
    }
  json_builder_end_array (b);
  return TRUE;
}

/* *about_figure tells the caller the error concerns the figure, not the table. */
static gboolean
run_growth (const char           *path,
            const GrowthOptions  *o,
            const GrowthSettings *s,
            gboolean             *about_figure,
            GError              **error)
{
  g_autoptr(ObDataset) dataset = NULL;
  g_autoptr(ObGrowthStudy) study = NULL;
  g_autoptr(ObGrowthTgi) tgi = NULL;
  g_autoptr(ObGrowthRates) rates = NULL;
  g_autoptr(ObSurvData) endpoint = NULL;
  g_autoptr(ObCliJson) json = NULL;
  g_autofree ObGrowthResponse *responses = NULL;
  g_autofree guint8 *mask = NULL;
  g_autoptr(GError) tgi_error = NULL;
  g_auto(GStrv) wide = ob_cli_split_list (o->wide);
  const GPtrArray *warnings;
  GrowthResults results = { 0 };
  MouseRows rows = { 0 };
  g_autoptr(GPtrArray) model_warnings = g_ptr_array_new_with_free_func (g_free);
  g_autofree guint *mice = NULL;
  ObGrowthSpec spec;
  JsonBuilder *b;

  if ((dataset = ob_cli_project_open_dataset (path, &o->input, error)) == NULL)
    return FALSE;
  if (o->where != NULL
      && (mask = ob_dataset_where_mask (dataset, (const char * const *) o->where, error)) == NULL)
    return FALSE;

  ob_growth_spec_init (&spec);
  spec.subject_column = o->subject;
  spec.group_column = o->group;
  spec.time_column = o->time;
  spec.volume_column = o->volume;
  spec.length_column = o->length;
  spec.width_column = o->width;
  spec.formula = s->formula;
  spec.weight_column = o->weight;
  spec.flux_column = o->flux;
  spec.flux_background = o->background;
  spec.control = o->control;
  spec.wide_columns = (const char * const *) wide;
  if ((study = ob_growth_study_new (dataset, &spec, mask, error)) == NULL)
    return FALSE;

  json = ob_cli_json_new ();
  b = ob_cli_json_get_builder (json);
  json_builder_begin_object (b);
  ob_cli_json_add_string (b, "file", path);
  if (!exclude_mice (study, o->exclude, b, error))
    return FALSE;
  ob_cli_json_add_int (b, "n_subjects", study->n_mice);
  ob_cli_json_add_int (b, "n_observations", study->n_obs);
  ob_cli_json_add_string (b, "control", study->arm_names[study->control]);
  json_builder_set_member_name (b, "groups");
  json_builder_begin_array (b);
  for (guint a = 0; a < study->n_arms; a++)
    json_builder_add_string_value (b, study->arm_names[a]);
  json_builder_end_array (b);
  if (o->length != NULL)
    ob_cli_json_add_string (b, "volume_formula", s->formula == OB_GROWTH_FORMULA_ELLIPSOID
                                                 ? "pi/6 * L * W^2" : "L * W^2 / 2");

  if (study->has_volume)
    {
      add_measure (b, "summary", study, OB_GROWTH_VOLUME);
      add_measure (b, "relative_volume", study, OB_GROWTH_RELATIVE_VOLUME);
      tgi = ob_growth_tgi (study, o->tgi_day, &tgi_error);
      if (tgi != NULL)
        add_tgi (b, study, tgi);
      else if (!isnan (o->tgi_day))
        {
          g_propagate_error (error, g_steal_pointer (&tgi_error));
          return FALSE;
        }
      else
        {
          /* No day has every mouse yet: the reason is among the warnings. */
          json_builder_set_member_name (b, "tgi");
          json_builder_add_null_value (b);
        }
      responses = ob_growth_mrecist (study, o->mrecist_start);
      if ((rates = ob_growth_rates (study, error)) == NULL)
        return FALSE;
      rows.study = study;
      rows.responses = responses;
      rows.rates = rates;
      rows.mice = mice = g_new (guint, MAX (study->n_mice, 1));
      for (guint m = 0; m < study->n_mice; m++)
        if (!study->excluded[m])
          rows.mice[rows.n_mice++] = m;
      add_mrecist (json, &rows, o->mrecist_start);
      add_rates (json, &rows);
      ob_cli_growth_add_models (b, study, model_warnings);
    }
  if (study->has_weight)
    {
      add_measure (b, "weight", study, OB_GROWTH_WEIGHT);
      add_measure (b, "weight_change", study, OB_GROWTH_WEIGHT_CHANGE);
    }
  if (study->has_flux)
    {
      json_builder_set_member_name (b, "flux");
      json_builder_begin_object (b);
      ob_cli_json_add_double (b, "background", o->background);
      ob_cli_json_add_string (b, "scale", "log10");
      add_measure (b, "summary", study, OB_GROWTH_LOG10_FLUX);
      json_builder_end_object (b);
    }
  if ((!isnan (o->endpoint) || o->endpoint_time != NULL)
      && !add_endpoint (b, o, study, dataset, &endpoint, error))
    return FALSE;

  json_builder_set_member_name (b, "warnings");
  json_builder_begin_array (b);
  warnings = ob_dataset_get_warnings (dataset);
  for (guint i = 0; warnings != NULL && i < warnings->len; i++)
    json_builder_add_string_value (b, g_ptr_array_index (warnings, i));
  for (guint i = 0; i < study->warnings->len; i++)
    json_builder_add_string_value (b, g_ptr_array_index (study->warnings, i));
  if (tgi_error != NULL)
    json_builder_add_string_value (b, tgi_error->message);
  if (rates != NULL)
    {
      gsize n_kept = 0;

      for (guint m = 0; m < study->n_mice; m++)
        n_kept += study->excluded[m] ? 0 : 1;
      if (rates->n_used < n_kept)
        {
          g_autofree char *no_rate = g_strdup_printf (
            g_dngettext (GETTEXT_PACKAGE,
                         "%zu mouse has fewer than two days with a volume above 0, so no "
                         "growth rate; it is left out of the comparison of rates",
                         "%zu mice have fewer than two days with a volume above 0, so no "
                         "growth rate; they are left out of the comparison of rates",
                         n_kept - rates->n_used), n_kept - rates->n_used);

          json_builder_add_string_value (b, no_rate);
        }
    }
  for (guint i = 0; i < model_warnings->len; i++)
    json_builder_add_string_value (b, g_ptr_array_index (model_warnings, i));
  json_builder_end_array (b);

  if (o->figure != NULL)
    {
      results.study = study;
      results.responses = responses;
      results.endpoint = endpoint;
      if (!ob_cli_growth_write_figure (o, s, &results, error))
        {
          *about_figure = TRUE;
          return FALSE;
        }
      ob_cli_json_add_string (b, "figure", o->figure);
    }

  json_builder_end_object (b);
  return ob_cli_json_print (json, error);
}

int
ob_cli_growth (int    argc,
               char **argv)
{
  GrowthOptions o = { 0 };
  const GOptionEntry entries[] = {
    { "subject", 0, 0, G_OPTION_ARG_STRING, &o.subject, N_("Column naming each mouse"),
      N_("COL") },
    { "group", 0, 0, G_OPTION_ARG_STRING, &o.group, N_("Column of the arm"), N_("COL") },
    { "time", 0, 0, G_OPTION_ARG_STRING, &o.time, N_("Column of the day"), N_("COL") },
    { "wide", 0, 0, G_OPTION_ARG_STRING, &o.wide,
      N_("Or a wide table: one volume column per day, the day the number in its name"),
      N_("COL1,COL2…") },
    { "volume", 0, 0, G_OPTION_ARG_STRING, &o.volume, N_("Column of tumour volumes (mm³)"),
      N_("COL") },
    { "length", 0, 0, G_OPTION_ARG_STRING, &o.length, N_("Column of caliper lengths"),
      N_("COL") },
    { "width", 0, 0, G_OPTION_ARG_STRING, &o.width, N_("Column of caliper widths"), N_("COL") },
    { "formula", 0, 0, G_OPTION_ARG_STRING, &o.formula,
      N_("Volume from calipers: half (L × W² / 2, default) or ellipsoid (π/6 × L × W²)"),
      N_("NAME") },
    { "weight", 0, 0, G_OPTION_ARG_STRING, &o.weight, N_("Column of body weights"), N_("COL") },
    { "flux", 0, 0, G_OPTION_ARG_STRING, &o.flux,
      N_("Column of bioluminescence photon flux (analysed as log10)"), N_("COL") },
    { "background", 0, 0, G_OPTION_ARG_DOUBLE, &o.background,
      N_("Flux at or below this is below detection (censored)"), N_("FLUX") },
    { "control", 0, 0, G_OPTION_ARG_STRING, &o.control,
      N_("Control arm (default: vehicle, control, placebo or untreated, else the first)"),
      N_("LEVEL") },
    { "tgi-day", 0, 0, G_OPTION_ARG_DOUBLE, &o.tgi_day,
      N_("Day of %TGI and T/C (default: the last day every arm has all its mice)"), N_("D") },
    { "endpoint", 0, 0, G_OPTION_ARG_DOUBLE, &o.endpoint,
      N_("Endpoint volume: time to endpoint by Kaplan–Meier and log-rank"), N_("V") },
    { "endpoint-time", 0, 0, G_OPTION_ARG_STRING, &o.endpoint_time,
      N_("Or a column of each mouse's death / euthanasia day…"), N_("COL") },
    { "endpoint-event", 0, 0, G_OPTION_ARG_STRING, &o.endpoint_event,
      N_("…and its status (1 = reached, 0 = alive at the end)"), N_("COL") },
    { "mrecist-start", 0, 0, G_OPTION_ARG_DOUBLE, &o.mrecist_start,
      N_("First day counted for mRECIST best response (default 10)"), N_("D") },
    { "exclude", 0, 0, G_OPTION_ARG_STRING, &o.exclude,
      N_("Leave these mice out of every analysis"), N_("ID1,ID2…") },
    { "where", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o.where,
      N_("Keep rows where COL equals VALUE; repeatable"), N_("COL=VALUE") },
    { "log", 0, 0, G_OPTION_ARG_NONE, &o.log, N_("Logarithmic volume axis in the figure"),
      NULL },
    { "traces", 0, 0, G_OPTION_ARG_NONE, &o.traces,
      N_("Draw each mouse in a light tone behind the arm means"), NULL },
    { "figure", 0, 0, G_OPTION_ARG_FILENAME, &o.figure,
      N_("Write a figure (.pdf, .svg, .eps, .png)"), N_("FILE") },
    { "chart", 0, 0, G_OPTION_ARG_STRING, &o.chart,
      N_("curves (default), spaghetti, waterfall, weight, flux or endpoint"), N_("KIND") },
    { "dosing", 0, 0, G_OPTION_ARG_STRING, &o.dosing, N_("Shade the dosing period"),
      N_("FIRST,LAST") },
    { "size", 0, 0, G_OPTION_ARG_STRING, &o.size, N_("Figure size in mm (default 89x70)"),
      N_("WxH") },
    { "dpi", 0, 0, G_OPTION_ARG_DOUBLE, &o.dpi, N_("Resolution of PNG figures (default 300)"),
      N_("N") },
    { "save-project", 0, 0, G_OPTION_ARG_FILENAME, &o.save_project,
      N_("Also keep this analysis, its data and figure style in a project file"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  GrowthSettings s;
  gboolean about_figure = FALSE;
  int status = EXIT_FAILURE;

  o.tgi_day = NAN;
  o.endpoint = NAN;
  o.mrecist_start = 10;
  context = g_option_context_new (_("FILE — tumour growth: curves, %TGI, mRECIST, growth rates, "
                                    "time to endpoint"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  ob_cli_input_options_add (context, &o.input);
  g_option_context_set_description (context,
    _("Prints JSON: per arm and day n, mean, SD, SEM and median of the volume (SD and SEM null "
      "when n = 1; means over the mice measured that day, never carrying a removed mouse "
      "forward); %TGI and T/C against the control; mRECIST per mouse; growth rate (slope of "
      "ln volume on day) per mouse with a one-way ANOVA and each arm against the control; "
      "time to endpoint by Kaplan–Meier and log-rank."));

  args = g_strdupv (argv);
  if (!ob_cli_parse_options (context, "growth", &argc, &argv))
    goto out;
  if (argc != 2)
    {
      g_printerr ("%s\n", _("oncobench-cli growth: expected one FILE (see --help)"));
      goto out;
    }
  if (!resolve_settings (&o, &s, &error))
    {
      ob_cli_print_error ("oncobench-cli growth", error);
      goto out;
    }
  if (!run_growth (argv[1], &o, &s, &about_figure, &error))
    {
      ob_cli_print_error (about_figure ? "oncobench-cli growth" : argv[1], error);
      goto out;
    }
  if (o.save_project != NULL
      && !ob_cli_project_save_analysis (o.save_project, "growth", argv[1],
                                        (const char * const *) args, &error))
    {
      ob_cli_print_error (o.save_project, error);
      goto out;
    }
  status = EXIT_SUCCESS;

out:
  growth_options_clear (&o);
  return status;
}
