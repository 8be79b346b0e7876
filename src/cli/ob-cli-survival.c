/* ob-cli-survival.c — `oncobench-cli survival FILE`: Kaplan–Meier, tests, Cox, figure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "ob-cli.h"
#include "ob-cli-common.h"
#include "ob-cli-project.h"
#include "ob-cli-survival-private.h"
#include "ob-cox.h"
#include "ob-kaplan-meier.h"
#include "ob-km-plot.h"
#include "ob-logrank.h"
#include "ob-plot-export.h"
#include "ob-row-id.h"
#include "ob-surv-data.h"

#define DEFAULT_WIDTH_MM 85.0
#define DEFAULT_HEIGHT_MM 75.0

typedef struct
{
  ObCliInputOptions input;
  char *time;
  char *event;
  char *event_values;
  char *group;
  char *reference;
  char *covariates;
  char *strata;
  char *ties;
  char *ci;
  char *test;
  char *times;
  double rmst;
  double landmark;
  char **where;
  char *id;
  char **exclude;
  char *conventions;
  char *figure;
  char *size;
  double dpi;
  char *risk_table;
  char *time_unit;
  char *convert_time;
  gboolean no_steps;
  gboolean zph;
  gboolean firth;
  gboolean trend;
  char *pairwise;
  char *save_project;
} SurvivalOptions;

/* Everything the options resolve to, checked before any file is read. */
typedef struct
{
  ObCiTransform ci;
  ObTies ties;
  ObSurvTestMethod test;
  gboolean prism;
  const char *conventions;
  double *times;
  gsize n_times;
  double width_mm, height_mm;
  gboolean pairwise;
  ObPAdjust adjust;
  ObPlotFormat format;
  ObKmRiskTable risk_table;
} SurvivalSettings;

static void
survival_options_clear (SurvivalOptions *o)
{
  ob_cli_input_options_clear (&o->input);
  g_clear_pointer (&o->time, g_free);
  g_clear_pointer (&o->event, g_free);
  g_clear_pointer (&o->event_values, g_free);
  g_clear_pointer (&o->group, g_free);
  g_clear_pointer (&o->reference, g_free);
  g_clear_pointer (&o->covariates, g_free);
  g_clear_pointer (&o->strata, g_free);
  g_clear_pointer (&o->ties, g_free);
  g_clear_pointer (&o->ci, g_free);
  g_clear_pointer (&o->test, g_free);
  g_clear_pointer (&o->times, g_free);
  g_clear_pointer (&o->where, g_strfreev);
  g_clear_pointer (&o->id, g_free);
  g_clear_pointer (&o->exclude, g_strfreev);
  g_clear_pointer (&o->conventions, g_free);
  g_clear_pointer (&o->figure, g_free);
  g_clear_pointer (&o->size, g_free);
  g_clear_pointer (&o->risk_table, g_free);
  g_clear_pointer (&o->time_unit, g_free);
  g_clear_pointer (&o->convert_time, g_free);
  g_clear_pointer (&o->pairwise, g_free);
  g_clear_pointer (&o->save_project, g_free);
}

static const char * const adjust_names[] = { "none", "holm", "bonferroni", "BH" };

static gboolean
parse_double (const char *str,
              double     *out)
{
  char *end = NULL;

  *out = g_ascii_strtod (str, &end);
  return end != str && *end == '\0' && isfinite (*out);
}

static gboolean invalid_option (GError **error, const char *format, ...) G_GNUC_PRINTF (2, 3);
static double time_scale (const SurvivalOptions *o);

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
resolve_settings (const SurvivalOptions  *o,
                  SurvivalSettings       *s,
                  GError                **error)
{
  memset (s, 0, sizeof *s);
  s->ci = OB_CI_LOG_LOG;
  s->ties = OB_TIES_EFRON;
  s->test = OB_SURV_TEST_LOGRANK;
  s->conventions = "oncobench";
  s->width_mm = DEFAULT_WIDTH_MM;
  s->height_mm = DEFAULT_HEIGHT_MM;
  s->risk_table = OB_KM_RISK_TABLE_CLASSIC;

  if (o->time == NULL || o->event == NULL)
    return invalid_option (error, "%s", _("--time COL and --event COL are required"));

  if (o->conventions != NULL)
    {
      /* R: survfit’s default log CI.  Prism: log-log CIs and its two hazard ratios. */
      if (g_str_equal (o->conventions, "r"))
        s->ci = OB_CI_LOG;
      else if (g_str_equal (o->conventions, "prism"))
        s->prism = TRUE;
      else
        return invalid_option (error, _("--conventions “%s” is not one of r, prism"),
                               o->conventions);
      s->conventions = o->conventions;
    }
  if (o->ci != NULL && !ob_ci_transform_from_string (o->ci, &s->ci))
    return invalid_option (error, _("--ci “%s” is not one of log-log, log, plain"), o->ci);
  if (o->ties != NULL && !ob_ties_from_string (o->ties, &s->ties))
    return invalid_option (error, _("--ties “%s” is not one of efron, breslow"), o->ties);
  if (o->test != NULL && !ob_surv_test_method_from_string (o->test, &s->test))
    return invalid_option (error,
                           _("--test “%s” is not one of logrank, peto, gehan, tarone-ware"),
                           o->test);
  if (o->risk_table != NULL && !ob_km_risk_table_from_string (o->risk_table, &s->risk_table))
    return invalid_option (error, _("--risk-table “%s” is not one of none, classic, kmunicate"),
                           o->risk_table);

  if (o->pairwise != NULL)
    {
      s->pairwise = TRUE;
      for (s->adjust = 0; s->adjust < G_N_ELEMENTS (adjust_names); s->adjust++)
        if (g_ascii_strcasecmp (o->pairwise, adjust_names[s->adjust]) == 0)
          break;
      if (s->adjust == G_N_ELEMENTS (adjust_names))
        return invalid_option (error,
                               _("--pairwise “%s” is not one of none, holm, bonferroni, BH"),
                               o->pairwise);
    }

  if (o->times != NULL)
    {
      g_auto(GStrv) parts = ob_cli_split_list (o->times);

      s->n_times = g_strv_length (parts);
      s->times = g_new (double, s->n_times);
      for (gsize i = 0; i < s->n_times; i++)
        if (!parse_double (parts[i], &s->times[i]) || s->times[i] < 0)
          return invalid_option (error, _("--times: “%s” is not a time ≥ 0"), parts[i]);
    }
  if (!isnan (o->rmst) && !(o->rmst > 0))
    return invalid_option (error, "%s", _("--rmst TAU must be a time > 0"));
  if (!(isfinite (o->landmark) && o->landmark >= 0))
    return invalid_option (error, "%s", _("--landmark T must be a time ≥ 0"));
  if (o->convert_time != NULL && time_scale (o) == 0)
    return invalid_option (error,
                           _("--convert-time %s: give units among days, weeks, months and years, "
                             "and the time column’s own unit with --time-unit"),
                           o->convert_time);

  if (o->size != NULL)
    {
      g_auto(GStrv) parts = g_strsplit_set (o->size, "xX", 2);

      if (g_strv_length (parts) != 2 || !parse_double (parts[0], &s->width_mm) ||
          !parse_double (parts[1], &s->height_mm) || s->width_mm < 20 || s->height_mm < 20 ||
          s->width_mm > 1000 || s->height_mm > 1000)
        return invalid_option (error,
                               _("--size “%s”: expected WIDTHxHEIGHT in mm, e.g. 85x75"),
                               o->size);
    }
  if (o->dpi != 0 && !(o->dpi >= 72 && o->dpi <= 2400))
    return invalid_option (error, "%s", _("--dpi must be between 72 and 2400"));
  if (o->figure != NULL && !ob_plot_format_from_path (o->figure, &s->format, error))
    return FALSE;

  return TRUE;
}

/* Which conventions the numbers follow, and why another program's may differ.  The interval
 * named is the one used, even when --ci overrode the conventions' own. */
static char *
conventions_note (const SurvivalSettings *s,
                  ObCiTransform           ci,
                  const ObCox            *cox)
{
  const char *transform = ob_ci_transform_to_string (ci);
  const char *ties = ob_ties_to_string (cox != NULL ? cox->ties : s->ties);

  if (s->prism)
    return g_strdup_printf (_("Prism conventions: %s (Prism’s “asymmetrical”) confidence "
                              "intervals for S(t) with Greenwood variance; medians with "
                              "Brookmeyer–Crowley intervals on the same scale (Prism’s "
                              "documentation does not name its method, so a median’s interval "
                              "may differ from Prism’s); hazard ratios against the reference by "
                              "the log-rank (O/E) method, Prism’s default, with Mantel–Haenszel "
                              "beside them in prism_hazard_ratios. The Cox model, which Prism "
                              "does not fit, is reported too (%s ties). R differs: log "
                              "intervals and Cox hazard ratios."), transform, ties);
  if (g_str_equal (s->conventions, "r"))
    return g_strdup_printf (_("R conventions: %s confidence intervals for S(t) with Greenwood "
                              "variance, as survfit’s default; medians with Brookmeyer–Crowley "
                              "intervals on the same scale, as quantile(survfit); hazard ratios "
                              "from the Cox model, as coxph (%s ties). Prism, SAS and Stata "
                              "use log-log intervals, so their intervals and medians' "
                              "intervals differ, and Prism’s log-rank hazard ratio differs "
                              "slightly from Cox’s."), transform, ties);
  return g_strdup_printf (_("Oncobench conventions: %s confidence intervals for S(t) with "
                            "Greenwood variance, as SAS and Stata; medians with "
                            "Brookmeyer–Crowley intervals on the same scale; hazard ratios from "
                            "the Cox model (%s ties), as coxph. R’s survfit uses log intervals "
                            "by default (--conventions r gives R's numbers); Prism reports "
                            "log-rank hazard ratios (--conventions prism)."), transform, ties);
}

/* "pfs_months" → "months", so the figure's x axis says what the numbers are. */
static const char *
guess_time_unit (const char *column)
{
  static const char * const units[] = { "days", "weeks", "months", "years" };
  g_autofree char *lower = g_utf8_strdown (column, -1);

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    {
      g_autofree char *singular = g_strndup (units[i], strlen (units[i]) - 1);

      if (strstr (lower, singular) != NULL)
        return units[i];
    }
  if (strstr (lower, "月") != NULL)
    return "months";
  if (strstr (lower, "日") != NULL)
    return "days";
  return NULL;
}

/* Factor from the time column's unit to --convert-time's, 0 when unknown; 1 without it. */
static double
time_scale (const SurvivalOptions *o)
{
  if (o->convert_time == NULL)
    return 1;
  return ob_surv_time_unit_factor (o->time_unit != NULL ? o->time_unit : guess_time_unit (o->time),
                                   o->convert_time);
}

static gboolean
write_figure (const SurvivalOptions  *o,
              const SurvivalSettings *s,
              const ObKmFit          *fit,
              const ObSurvTest       *test,
              const ObCox            *cox,
              GError                **error)
{
  ObKmPlot plot = { 0 };

  plot.fit = fit;
  plot.test = test;
  plot.cox = cox;
  ob_km_plot_style_init (&plot.style);
  plot.style.risk_table = s->risk_table;
  plot.style.time_unit = o->convert_time != NULL ? o->convert_time
                        : o->time_unit != NULL ? o->time_unit : guess_time_unit (o->time);
  plot.style.group_label = o->group;

  return ob_cli_project_export_figure ("survival", s->format, o->figure, s->width_mm,
                                       s->height_mm, o->dpi > 0 ? o->dpi : OB_PLOT_DEFAULT_DPI,
                                       ob_km_plot_draw_func, &plot, error);
}

/* One --exclude: the rows it names and why. */
typedef struct
{
  char *id;
  char *reason;
  GArray *rows;             /* gsize, 0-based */
} HandExclusion;

static void
hand_exclusion_clear (gpointer data)
{
  HandExclusion *e = data;

  g_free (e->id);
  g_free (e->reason);
  g_array_unref (e->rows);
}

/* --exclude leaves rows out in the same mask as --where, before the survival data are built,
 * so every number below is made without them.  Returns how many rows it took out that
 * --where had kept. */
static gboolean
apply_hand_exclusions (const ObDataset        *dataset,
                       const SurvivalOptions  *o,
                       guint8                **mask,
                       GArray                 *exclusions,
                       gsize                  *n_out,
                       GError                **error)
{
  gsize n_rows = ob_dataset_get_n_rows (dataset);
  g_autofree guint8 *keep = NULL;
  int id_column = -1;

  *n_out = 0;
  if (o->exclude == NULL || o->exclude[0] == NULL)
    return TRUE;
  if (o->id != NULL && (id_column = ob_dataset_find_column (dataset, o->id)) < 0)
    return invalid_option (error, _("--id: there is no column “%s”"), o->id);

  keep = g_malloc (n_rows);
  memset (keep, 1, n_rows);
  for (guint i = 0; o->exclude[i] != NULL; i++)
    {
      HandExclusion e = { NULL, NULL, g_array_new (FALSE, FALSE, sizeof (gsize)) };
      g_autoptr(GError) local_error = NULL;

      ob_row_id_split (o->exclude[i], &e.id, &e.reason);
      g_array_append_val (exclusions, e);
      if (ob_row_id_exclude (dataset, id_column, e.id, keep, e.rows, &local_error) == 0)
        {
          g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG, "--exclude %s: %s", e.id,
                       local_error->message);
          return FALSE;
        }
    }
  if (*mask == NULL)
    {
      *mask = g_malloc (n_rows);
      memset (*mask, 1, n_rows);
    }
  for (gsize r = 0; r < n_rows; r++)
    if ((*mask)[r] && !keep[r])
      {
        (*mask)[r] = 0;
        (*n_out)++;
      }
  return TRUE;
}

static void
add_hand_exclusions (JsonBuilder  *b,
                     const GArray *exclusions)
{
  json_builder_set_member_name (b, "excluded_by_hand");
  json_builder_begin_array (b);
  for (guint i = 0; i < exclusions->len; i++)
    {
      const HandExclusion *e = &g_array_index (exclusions, HandExclusion, i);

      json_builder_begin_object (b);
      ob_cli_json_add_string (b, "id", e->id);
      ob_cli_json_add_string (b, "reason", e->reason);
      json_builder_set_member_name (b, "rows");
      json_builder_begin_array (b);
      for (guint k = 0; k < e->rows->len; k++)
        json_builder_add_int_value (b, (gint64) g_array_index (e->rows, gsize, k) + 1);
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

/* --trend and --pairwise, which only mean something with several groups. */
static gboolean
add_group_comparisons (JsonBuilder            *b,
                       const ObSurvData       *data,
                       const SurvivalOptions  *o,
                       const SurvivalSettings *s,
                       GError                **error)
{
  if (data->n_groups < 2)
    return TRUE;
  if (o->trend)
    {
      g_autoptr(ObSurvTest) trend = ob_surv_test_trend (data, NULL, error);

      if (trend == NULL)
        return FALSE;
      json_builder_set_member_name (b, "trend");
      json_builder_begin_object (b);
      ob_cli_json_add_double (b, "chisq", trend->chisq);
      ob_cli_json_add_int (b, "df", trend->df);
      ob_cli_json_add_double (b, "p", trend->p);
      json_builder_end_object (b);
    }
  if (s->pairwise)
    {
      g_autoptr(GArray) pairs = ob_surv_test_pairwise (data, s->test, s->adjust, error);

      if (pairs == NULL)
        return FALSE;
      ob_cli_survival_add_pairwise (b, data, pairs, s->test, adjust_names[s->adjust]);
    }
  return TRUE;
}

/* *about_figure tells the caller the error concerns the figure, not the table. */
static gboolean
run_survival (const char             *path,
              const SurvivalOptions  *o,
              const SurvivalSettings *s,
              gboolean               *about_figure,
              GError                **error)
{
  g_autoptr(ObDataset) dataset = NULL;
  g_autoptr(ObSurvData) data = NULL;
  g_autoptr(ObKmFit) fit = NULL;
  g_autoptr(ObSurvTest) test = NULL;
  g_autoptr(ObCox) cox = NULL;
  g_autoptr(ObCoxZph) zph = NULL;
  g_autoptr(ObCliJson) json = NULL;
  JsonBuilder *b;
  g_autofree guint8 *mask = NULL;
  g_auto(GStrv) event_values = ob_cli_split_list (o->event_values);
  g_auto(GStrv) covariates = ob_cli_split_list (o->covariates);
  const GPtrArray *warnings;
  g_autofree char *note = NULL;
  ObSurvSpec spec = { 0 };
  ObKmOptions km_options;
  gsize events = 0, n_by_hand = 0;
  g_autoptr(GArray) by_hand = g_array_new (FALSE, FALSE, sizeof (HandExclusion));

  dataset = ob_cli_project_open_dataset (path, &o->input, error);
  if (dataset == NULL)
    return FALSE;

  if (o->where != NULL)
    {
      mask = ob_dataset_where_mask (dataset, (const char * const *) o->where, error);
      if (mask == NULL)
        return FALSE;
    }
  g_array_set_clear_func (by_hand, hand_exclusion_clear);
  if (!apply_hand_exclusions (dataset, o, &mask, by_hand, &n_by_hand, error))
    return FALSE;

  spec.time_column = o->time;
  spec.event_column = o->event;
  spec.event_values = (const char * const *) event_values;
  spec.group_column = o->group;
  spec.reference = o->reference;
  spec.covariates = covariates != NULL && covariates[0] != NULL
                    ? (const char * const *) covariates : NULL;
  spec.strata_column = o->strata;
  spec.landmark = o->landmark;
  spec.time_scale = time_scale (o);
  data = ob_surv_data_new (dataset, &spec, mask, error);
  if (data == NULL)
    return FALSE;

  ob_km_options_init (&km_options);
  km_options.ci = s->ci;
  fit = ob_km_fit (data, &km_options, error);
  if (fit == NULL)
    return FALSE;

  for (gsize i = 0; i < data->n; i++)
    events += data->status[i];

  /* Without a single event the curves stay at 1: R's survdiff and coxph give NA, so say so
   * rather than fail and lose the curves. */
  if (data->n_groups > 1 && events > 0)
    {
      test = ob_surv_test (data, s->test, data->strata != NULL, error);
      if (test == NULL)
        return FALSE;
    }
  if (data->p > 0 && events > 0)
    {
      ObCoxOptions cox_options;

      ob_cox_options_init (&cox_options);
      cox_options.ties = s->ties;
      cox_options.stratified = data->strata != NULL;
      cox_options.firth = o->firth;
      cox = ob_cox_fit (data, &cox_options, error);
      if (cox == NULL)
        return FALSE;
      if (o->zph && (zph = ob_cox_zph (data, cox, error)) == NULL)
        return FALSE;
    }

  note = conventions_note (s, fit->ci, cox);

  json = ob_cli_json_new ();
  b = ob_cli_json_get_builder (json);
  json_builder_begin_object (b);
  ob_cli_json_add_string (b, "file", path);
  /* Times below are measured from the landmark. */
  ob_cli_json_add_double (b, "landmark", o->landmark > 0 ? o->landmark : NAN);
  ob_cli_json_add_int (b, "n", data->n);
  ob_cli_json_add_int (b, "events", events);
  ob_cli_json_add_int (b, "excluded", data->n_excluded + n_by_hand);
  json_builder_set_member_name (b, "exclusions");
  json_builder_begin_array (b);
  for (guint i = 0; data->exclusions != NULL && i < data->exclusions->len; i++)
    json_builder_add_string_value (b, g_ptr_array_index (data->exclusions, i));
  for (guint i = 0; i < by_hand->len; i++)
    {
      const HandExclusion *e = &g_array_index (by_hand, HandExclusion, i);
      g_autofree char *line = e->reason != NULL
        ? g_strdup_printf (_("%s excluded by hand: %s"), e->id, e->reason)
        : g_strdup_printf (_("%s excluded by hand"), e->id);

      json_builder_add_string_value (b, line);
    }
  json_builder_end_array (b);
  add_hand_exclusions (b, by_hand);
  ob_cli_json_add_string (b, "ci", ob_ci_transform_to_string (fit->ci));
  ob_cli_json_add_double (b, "conf_level", fit->conf_level);
  ob_cli_json_add_string (b, "conventions", s->conventions);
  ob_cli_json_add_string (b, "conventions_note", note);
  ob_cli_json_add_string (b, "reference",
                          data->n_groups > 1 ? data->group_names[data->reference] : NULL);

  json_builder_set_member_name (b, "groups");
  json_builder_begin_array (b);
  for (guint g = 0; g < fit->n_curves; g++)
    ob_cli_survival_add_curve (json, &fit->curves[g], !o->no_steps, s->times, s->n_times,
                               o->rmst);
  json_builder_end_array (b);
  ob_cli_survival_add_followup (b, data, &km_options);

  if (!isnan (o->rmst) && fit->n_curves > 1)
    ob_cli_survival_add_rmst_differences (b, data, fit, o->rmst);
  ob_cli_survival_add_test (b, test);
  if (!add_group_comparisons (b, data, o, s, error))
    return FALSE;
  if (s->prism)
    ob_cli_survival_add_prism_hazard_ratios (b, data, test);
  ob_cli_survival_add_cox (b, cox, zph);

  json_builder_set_member_name (b, "warnings");
  json_builder_begin_array (b);
  warnings = ob_dataset_get_warnings (dataset);
  for (guint i = 0; warnings != NULL && i < warnings->len; i++)
    json_builder_add_string_value (b, g_ptr_array_index (warnings, i));
  if (cox != NULL && cox->warning != NULL)
    json_builder_add_string_value (b, cox->warning);
  if (events == 0)
    json_builder_add_string_value (b, _("No row has an event: every curve stays at 1 and there "
                                        "is nothing to test or to fit a Cox model to."));
  if (ob_surv_data_response_warning (data, &spec) != NULL)
    json_builder_add_string_value (b, ob_surv_data_response_warning (data, &spec));
  json_builder_end_array (b);

  if (o->figure != NULL)
    {
      if (!write_figure (o, s, fit, test, cox, error))
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
ob_cli_survival (int    argc,
                 char **argv)
{
  SurvivalOptions o = { 0 };
  const GOptionEntry entries[] = {
    { "time", 0, 0, G_OPTION_ARG_STRING, &o.time, N_("Column of follow-up times"), N_("COL") },
    { "event", 0, 0, G_OPTION_ARG_STRING, &o.event,
      N_("Column of event indicators (0/1 or 1/2 unless --event-values)"), N_("COL") },
    { "event-values", 0, 0, G_OPTION_ARG_STRING, &o.event_values,
      N_("Values of the event column that mean an event"), N_("V1,V2…") },
    { "group", 0, 0, G_OPTION_ARG_STRING, &o.group, N_("Column that splits the curves"),
      N_("COL") },
    { "reference", 0, 0, G_OPTION_ARG_STRING, &o.reference,
      N_("Reference group for hazard ratios (default: first level)"), N_("LEVEL") },
    { "covariates", 0, 0, G_OPTION_ARG_STRING, &o.covariates,
      N_("Further Cox covariates"), N_("C1,C2…") },
    { "strata", 0, 0, G_OPTION_ARG_STRING, &o.strata,
      N_("Stratify the test and the Cox model by this column"), N_("COL") },
    { "ties", 0, 0, G_OPTION_ARG_STRING, &o.ties, N_("Cox ties: efron (default) or breslow"),
      N_("METHOD") },
    { "ci", 0, 0, G_OPTION_ARG_STRING, &o.ci,
      N_("Confidence interval of S(t): log-log (default), log or plain"), N_("TRANSFORM") },
    { "test", 0, 0, G_OPTION_ARG_STRING, &o.test,
      N_("logrank (default), peto, gehan or tarone-ware"), N_("METHOD") },
    { "times", 0, 0, G_OPTION_ARG_STRING, &o.times, N_("Report S(t) at these times"),
      N_("T1,T2…") },
    { "rmst", 0, 0, G_OPTION_ARG_DOUBLE, &o.rmst,
      N_("Restricted mean survival time up to TAU"), N_("TAU") },
    { "landmark", 0, 0, G_OPTION_ARG_DOUBLE, &o.landmark,
      N_("Landmark analysis: keep subjects still at risk at T and count time from T"),
      N_("T") },
    { "where", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o.where,
      N_("Keep rows where COL equals VALUE; repeatable"), N_("COL=VALUE") },
    { "id", 0, 0, G_OPTION_ARG_STRING, &o.id,
      N_("Column that identifies each patient, for --exclude (default: row numbers from 1)"),
      N_("COL") },
    { "exclude", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o.exclude,
      N_("Leave out the patient with this identifier, and say why; repeatable"),
      N_("ID[:REASON]") },
    { "conventions", 0, 0, G_OPTION_ARG_STRING, &o.conventions,
      N_("r: R’s survfit/coxph (log CI, Cox HR); prism: GraphPad Prism’s (log-log CI, "
         "log-rank and Mantel–Haenszel HRs beside Cox); default: log-log CI, Cox HR"),
      N_("NAME") },
    { "figure", 0, 0, G_OPTION_ARG_FILENAME, &o.figure,
      N_("Write the Kaplan–Meier figure (.pdf, .svg, .eps, .png)"), N_("FILE") },
    { "size", 0, 0, G_OPTION_ARG_STRING, &o.size, N_("Figure size in mm (default 85x75)"),
      N_("WxH") },
    { "dpi", 0, 0, G_OPTION_ARG_DOUBLE, &o.dpi, N_("Resolution of PNG figures (default 300)"),
      N_("N") },
    { "risk-table", 0, 0, G_OPTION_ARG_STRING, &o.risk_table,
      N_("Table under the figure: classic (default), kmunicate or none"), N_("KIND") },
    { "time-unit", 0, 0, G_OPTION_ARG_STRING, &o.time_unit,
      N_("Unit for the figure’s time axis (default: from the column name)"), N_("UNIT") },
    { "convert-time", 0, 0, G_OPTION_ARG_STRING, &o.convert_time,
      N_("Convert times to days, weeks, months or years (1 month = 365.25/12 days) for every "
         "output and the figure"), N_("UNIT") },
    { "zph", 0, 0, G_OPTION_ARG_NONE, &o.zph,
      N_("Test proportional hazards as cox.zph (Kaplan–Meier time transform)"), NULL },
    { "firth", 0, 0, G_OPTION_ARG_NONE, &o.firth,
      N_("Firth-penalised Cox model, for few events or a group without any"), NULL },
    { "trend", 0, 0, G_OPTION_ARG_NONE, &o.trend,
      N_("Log-rank test for trend over the groups in sorted order"), NULL },
    { "pairwise", 0, 0, G_OPTION_ARG_STRING, &o.pairwise,
      N_("Test every pair of groups, p adjusted by none, holm, bonferroni or BH"),
      N_("ADJUST") },
    { "save-project", 0, 0, G_OPTION_ARG_FILENAME, &o.save_project,
      N_("Also keep this analysis, its data and figure style in a project file"), N_("FILE") },
    { "no-steps", 0, 0, G_OPTION_ARG_NONE, &o.no_steps,
      N_("Leave the per-time steps out of the output"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  SurvivalSettings s = { 0 };
  gboolean about_figure = FALSE;
  int status = EXIT_FAILURE;

  o.rmst = NAN;

  context = g_option_context_new (_("FILE — Kaplan–Meier curves, a test between groups, Cox "
                                    "model"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  ob_cli_input_options_add (context, &o.input);
  g_option_context_set_description (context,
    _("Prints JSON: per group n, events, median with its CI (null = not reached), the steps "
      "of the curve, S(t) at --times; the test between groups; and the Cox model of the group "
      "(indicators against the reference) and the covariates."));

  /* As typed, for --save-project: parsing takes the options out of argv. */
  args = g_strdupv (argv);
  if (!ob_cli_parse_options (context, "survival", &argc, &argv))
    goto out;
  if (argc != 2)
    {
      g_printerr ("%s\n", _("oncobench-cli survival: expected one FILE (see --help)"));
      goto out;
    }
  if (!resolve_settings (&o, &s, &error))
    {
      ob_cli_print_error ("oncobench-cli survival", error);
      goto out;
    }
  if (!run_survival (argv[1], &o, &s, &about_figure, &error))
    {
      ob_cli_print_error (about_figure ? "oncobench-cli survival" : argv[1], error);
      goto out;
    }
  if (o.save_project != NULL &&
      !ob_cli_project_save_analysis (o.save_project, "survival", argv[1],
                                     (const char * const *) args, &error))
    {
      ob_cli_print_error (o.save_project, error);
      goto out;
    }
  status = EXIT_SUCCESS;

out:
  g_free (s.times);
  survival_options_clear (&o);
  return status;
}
