/* ob-cli-subgroups.c — `oncobench-cli subgroups FILE`: hazard ratios by subgroup, forest plot
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
#include "ob-cli-common.h"
#include "ob-cli-project.h"
#include "ob-forest-plot.h"
#include "ob-plot-export.h"
#include "ob-subgroups.h"

/* A single journal column. */
#define DEFAULT_WIDTH_MM 89.0

typedef struct
{
  ObCliInputOptions input;
  char *time;
  char *event;
  char *event_values;
  char *group;
  char *reference;
  char *by;
  char **where;
  char *ties;
  char *figure;
  char *size;
  double dpi;
  char *title;
  char *hr_range;
  gboolean per_arm;
  char *save_project;
} SubgroupsOptions;

static void
options_clear (SubgroupsOptions *o)
{
  ob_cli_input_options_clear (&o->input);
  g_clear_pointer (&o->save_project, g_free);
  g_clear_pointer (&o->time, g_free);
  g_clear_pointer (&o->event, g_free);
  g_clear_pointer (&o->event_values, g_free);
  g_clear_pointer (&o->group, g_free);
  g_clear_pointer (&o->reference, g_free);
  g_clear_pointer (&o->by, g_free);
  g_clear_pointer (&o->where, g_strfreev);
  g_clear_pointer (&o->ties, g_free);
  g_clear_pointer (&o->figure, g_free);
  g_clear_pointer (&o->size, g_free);
  g_clear_pointer (&o->title, g_free);
  g_clear_pointer (&o->hr_range, g_free);
}

static gboolean
parse_double (const char *str,
              double     *out)
{
  char *end = NULL;

  *out = g_ascii_strtod (str, &end);
  return end != str && *end == '\0' && isfinite (*out);
}

/* "W" (height to fit the rows) or "WxH", in mm. */
static gboolean
parse_size (const char  *size,
            double      *width,
            double      *height,
            GError     **error)
{
  g_auto(GStrv) parts = g_strsplit_set (size, "xX", 2);
  guint n = g_strv_length (parts);

  *height = 0;
  if (n < 1 || n > 2 || !parse_double (parts[0], width) || *width < 40 || *width > 1000
      || (n == 2 && (!parse_double (parts[1], height) || *height < 20 || *height > 1000)))
    {
      g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                   _("--size “%s”: expected WIDTH or WIDTHxHEIGHT in mm, e.g. 89 or 183x120"),
                   size);
      return FALSE;
    }
  return TRUE;
}

static void
add_row (JsonBuilder         *b,
         const ObSubgroupRow *row,
         const ObSubgroups   *sg)
{
  json_builder_begin_object (b);
  if (row->variable != NULL)
    {
      ob_cli_json_add_string (b, "variable", row->variable);
      ob_cli_json_add_string (b, "subgroup", row->subgroup);
    }
  ob_cli_json_add_int (b, "n", row->n);
  ob_cli_json_add_int (b, "events", row->events);
  ob_cli_json_add_double (b, "hr", row->hr);
  ob_cli_json_add_double (b, "hr_lower", row->hr_lower);
  ob_cli_json_add_double (b, "hr_upper", row->hr_upper);
  ob_cli_json_add_double (b, "p", row->p);
  json_builder_set_member_name (b, "arms");
  json_builder_begin_array (b);
  for (guint a = 0; a < 2; a++)
    {
      json_builder_begin_object (b);
      ob_cli_json_add_string (b, "level", sg->arm_names[a]);
      ob_cli_json_add_int (b, "n", row->n_arm[a]);
      ob_cli_json_add_int (b, "events", row->events_arm[a]);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  if (row->reason != NULL)
    ob_cli_json_add_string (b, "reason", row->reason);
  if (row->warning != NULL)
    ob_cli_json_add_string (b, "warning", row->warning);
  json_builder_end_object (b);
}

static void
add_interaction (JsonBuilder                 *b,
                 const ObSubgroupInteraction *inter)
{
  json_builder_begin_object (b);
  ob_cli_json_add_string (b, "variable", inter->variable);
  ob_cli_json_add_double (b, "chisq", inter->chisq);
  ob_cli_json_add_int (b, "df", inter->df);
  ob_cli_json_add_double (b, "p", inter->p);
  ob_cli_json_add_int (b, "n", inter->n);
  ob_cli_json_add_int (b, "events", inter->events);
  if (inter->reason != NULL)
    ob_cli_json_add_string (b, "reason", inter->reason);
  json_builder_end_object (b);
}

static gboolean
write_figure (const SubgroupsOptions  *o,
              const ObSubgroups       *sg,
              GError                 **error)
{
  ObForestPlot plot;
  ObPlotFormat format;
  double width = DEFAULT_WIDTH_MM, height = 0;

  if (!ob_plot_format_from_path (o->figure, &format, error))
    return FALSE;
  if (o->size != NULL && !parse_size (o->size, &width, &height, error))
    return FALSE;
  ob_forest_plot_init (&plot, sg);
  plot.title = o->title;
  plot.per_arm = o->per_arm;
  if (o->hr_range != NULL)
    {
      g_auto(GStrv) parts = ob_cli_split_list (o->hr_range);

      if (g_strv_length (parts) != 2 || !parse_double (parts[0], &plot.x_min)
          || !parse_double (parts[1], &plot.x_max) || !(plot.x_min > 0)
          || !(plot.x_max > plot.x_min * 1.5))
        {
          g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                       _("--hr-range “%s”: expected two hazard ratios LO,HI with 0 < LO < HI, "
                         "e.g. 0.1,10"), o->hr_range);
          return FALSE;
        }
    }
  if (height <= 0)
    height = ob_forest_plot_natural_height (&plot, OB_MM_TO_PT (width)) * 25.4 / 72.0;
  return ob_cli_project_export_figure ("subgroups", format, o->figure, width, height,
                                       o->dpi > 0 ? o->dpi : OB_PLOT_DEFAULT_DPI,
                                       ob_forest_plot_draw_func, &plot, error);
}

static gboolean
run_subgroups (const char              *path,
               const SubgroupsOptions  *o,
               gboolean                *about_figure,
               GError                 **error)
{
  g_autoptr(ObDataset) dataset = NULL;
  g_autoptr(ObSubgroups) sg = NULL;
  g_autoptr(ObCliJson) json = NULL;
  g_autofree guint8 *mask = NULL;
  g_auto(GStrv) event_values = ob_cli_split_list (o->event_values);
  g_auto(GStrv) by = ob_cli_split_list (o->by);
  const GPtrArray *warnings;
  ObSurvSpec spec = { 0 };
  ObCoxOptions cox_options;
  JsonBuilder *b;

  ob_cox_options_init (&cox_options);
  if (o->ties != NULL && !ob_ties_from_string (o->ties, &cox_options.ties))
    {
      g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                   _("--ties “%s” is not one of efron, breslow"), o->ties);
      *about_figure = TRUE;
      return FALSE;
    }
  dataset = ob_cli_project_open_dataset (path, &o->input, error);
  if (dataset == NULL)
    return FALSE;
  if (o->where != NULL)
    {
      mask = ob_dataset_where_mask (dataset, (const char * const *) o->where, error);
      if (mask == NULL)
        return FALSE;
    }
  spec.time_column = o->time;
  spec.event_column = o->event;
  spec.event_values = (const char * const *) event_values;
  spec.group_column = o->group;
  spec.reference = o->reference;
  sg = ob_subgroups_new (dataset, &spec, (const char * const *) by, mask, &cox_options, error);
  if (sg == NULL)
    return FALSE;

  json = ob_cli_json_new ();
  b = ob_cli_json_get_builder (json);
  json_builder_begin_object (b);
  ob_cli_json_add_string (b, "file", path);
  ob_cli_json_add_string (b, "group", sg->group_column);
  ob_cli_json_add_string (b, "reference", sg->arm_names[0]);
  ob_cli_json_add_string (b, "comparison", sg->arm_names[1]);
  ob_cli_json_add_string (b, "ties", ob_ties_to_string (sg->ties));
  ob_cli_json_add_int (b, "excluded", sg->n_excluded);
  json_builder_set_member_name (b, "overall");
  add_row (b, &sg->overall, sg);
  json_builder_set_member_name (b, "subgroups");
  json_builder_begin_array (b);
  for (guint i = 0; i < sg->n_rows; i++)
    add_row (b, &sg->rows[i], sg);
  json_builder_end_array (b);
  if (sg->n_interactions == 1)
    {
      json_builder_set_member_name (b, "interaction");
      add_interaction (b, &sg->interactions[0]);
    }
  json_builder_set_member_name (b, "interactions");
  json_builder_begin_array (b);
  for (guint i = 0; i < sg->n_interactions; i++)
    add_interaction (b, &sg->interactions[i]);
  json_builder_end_array (b);
  ob_cli_json_add_string (b, "method",
                          _("Cox model of the group within each subgroup (Wald 95% CI); "
                            "interaction: likelihood-ratio test of group × subgroup terms, as "
                            "anova() of the nested coxph fits"));

  json_builder_set_member_name (b, "warnings");
  json_builder_begin_array (b);
  warnings = ob_dataset_get_warnings (dataset);
  for (guint i = 0; warnings != NULL && i < warnings->len; i++)
    json_builder_add_string_value (b, g_ptr_array_index (warnings, i));
  if (sg->overall.warning != NULL)
    json_builder_add_string_value (b, sg->overall.warning);
  json_builder_end_array (b);

  if (o->figure != NULL)
    {
      if (!write_figure (o, sg, error))
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
ob_cli_subgroups (int    argc,
                  char **argv)
{
  SubgroupsOptions o = { 0 };
  const GOptionEntry entries[] = {
    { "time", 0, 0, G_OPTION_ARG_STRING, &o.time, N_("Column of follow-up times"), N_("COL") },
    { "event", 0, 0, G_OPTION_ARG_STRING, &o.event,
      N_("Column of event indicators (0/1 or 1/2 unless --event-values)"), N_("COL") },
    { "event-values", 0, 0, G_OPTION_ARG_STRING, &o.event_values,
      N_("Values of the event column that mean an event"), N_("V1,V2…") },
    { "group", 0, 0, G_OPTION_ARG_STRING, &o.group,
      N_("Column of the two arms whose hazard ratio is compared"), N_("COL") },
    { "reference", 0, 0, G_OPTION_ARG_STRING, &o.reference,
      N_("Reference arm (default: first level)"), N_("LEVEL") },
    { "by", 0, 0, G_OPTION_ARG_STRING, &o.by, N_("Columns that define the subgroups"),
      N_("COL,COL…") },
    { "where", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o.where,
      N_("Keep rows where COL equals VALUE; repeatable"), N_("COL=VALUE") },
    { "ties", 0, 0, G_OPTION_ARG_STRING, &o.ties, N_("Cox ties: efron (default) or breslow"),
      N_("METHOD") },
    { "figure", 0, 0, G_OPTION_ARG_FILENAME, &o.figure,
      N_("Write the forest plot (.pdf, .svg, .eps, .png, .tiff)"), N_("FILE") },
    { "size", 0, 0, G_OPTION_ARG_STRING, &o.size,
      N_("Figure size in mm: width (default 89) and optionally height"), N_("W[xH]") },
    { "dpi", 0, 0, G_OPTION_ARG_DOUBLE, &o.dpi, N_("Resolution of PNG figures (default 300)"),
      N_("N") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &o.title, N_("Title above the figure"),
      N_("TEXT") },
    { "hr-range", 0, 0, G_OPTION_ARG_STRING, &o.hr_range,
      N_("Hazard ratio axis limits (default: from the data)"), N_("LO,HI") },
    { "per-arm", 0, 0, G_OPTION_ARG_NONE, &o.per_arm,
      N_("Show events/patients per arm instead of patients and events"), NULL },
    { "save-project", 0, 0, G_OPTION_ARG_FILENAME, &o.save_project,
      N_("Also keep this analysis, its data and figure style in a project file"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  gboolean about_figure = FALSE;
  int status = EXIT_FAILURE;

  context = g_option_context_new (_("FILE — hazard ratio of two arms within subgroups"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  ob_cli_input_options_add (context, &o.input);
  g_option_context_set_description (context,
    _("Prints JSON: the overall hazard ratio of --group (against --reference), the hazard "
      "ratio with its 95% CI, n and events in each level of each --by column, and per --by "
      "column the interaction p (likelihood-ratio test of group × subgroup terms). A subgroup "
      "without events in an arm, or with one arm only, has hr null and a reason."));

  args = g_strdupv (argv);
  if (!ob_cli_parse_options (context, "subgroups", &argc, &argv))
    goto out;
  if (argc != 2)
    {
      g_printerr ("%s\n", _("oncobench-cli subgroups: expected one FILE (see --help)"));
      goto out;
    }
  if (o.time == NULL || o.event == NULL || o.group == NULL || o.by == NULL)
    {
      g_printerr ("%s\n", _("oncobench-cli subgroups: --time, --event, --group and --by are "
                            "required"));
      goto out;
    }
  if (!run_subgroups (argv[1], &o, &about_figure, &error))
    {
      ob_cli_print_error (about_figure ? "oncobench-cli subgroups" : argv[1], error);
      goto out;
    }
  if (o.save_project != NULL
      && !ob_cli_project_save_analysis (o.save_project, "subgroups", argv[1],
                                        (const char * const *) args, &error))
    {
      ob_cli_print_error (o.save_project, error);
      goto out;
    }
  status = EXIT_SUCCESS;

out:
  options_clear (&o);
  return status;
}
