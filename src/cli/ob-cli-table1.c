/* ob-cli-table1.c — `oncobench-cli table1 FILE`: baseline characteristics by group
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>

#include "ob-cli.h"
#include "ob-cli-common.h"
#include "ob-cli-project.h"
#include "ob-plot-export.h"
#include "ob-surv-data.h"
#include "ob-table-plot.h"
#include "ob-table1.h"

typedef struct
{
  ObCliInputOptions input;
  char *group;
  char *vars;
  char *nonnormal;
  char *categorical;
  char **where;
  char *csv;
  char *html;
  char *figure;
  char *title;
  char *size;
  double dpi;
  char *save_project;
} Table1Options;

static void
table1_options_clear (Table1Options *o)
{
  ob_cli_input_options_clear (&o->input);
  g_clear_pointer (&o->save_project, g_free);
  g_clear_pointer (&o->group, g_free);
  g_clear_pointer (&o->vars, g_free);
  g_clear_pointer (&o->nonnormal, g_free);
  g_clear_pointer (&o->categorical, g_free);
  g_clear_pointer (&o->where, g_strfreev);
  g_clear_pointer (&o->csv, g_free);
  g_clear_pointer (&o->html, g_free);
  g_clear_pointer (&o->figure, g_free);
  g_clear_pointer (&o->title, g_free);
  g_clear_pointer (&o->size, g_free);
}

/* "183" (the height follows the table) or "183x120", in mm. */
static gboolean
parse_size (const char *size,
            double     *w,
            double     *h)
{
  g_auto(GStrv) parts = NULL;
  char *end;

  if (size == NULL)
    return TRUE;
  parts = g_strsplit_set (size, "xX", 2);
  *w = g_ascii_strtod (parts[0], &end);
  if (*end != '\0' || !(*w >= 40 && *w <= 500))
    return FALSE;
  if (parts[1] == NULL)
    return TRUE;
  *h = g_ascii_strtod (parts[1], &end);
  return *end == '\0' && *h >= 20 && *h <= 2000;
}

static void
add_summary (JsonBuilder            *b,
             const ObTable1Variable *var,
             guint                   g)
{
  const ObDescriptives *d = &var->desc[g];

  json_builder_begin_object (b);
  ob_cli_json_add_int (b, "n", (gint64) var->n[g]);
  ob_cli_json_add_int (b, "missing", (gint64) var->n_missing[g]);
  if (!var->categorical)
    {
      ob_cli_json_add_double (b, "mean", d->mean);
      ob_cli_json_add_double (b, "sd", d->sd);
      ob_cli_json_add_double (b, "median", d->median);
      ob_cli_json_add_double (b, "q1", d->q1);
      ob_cli_json_add_double (b, "q3", d->q3);
      ob_cli_json_add_double (b, "min", d->min);
      ob_cli_json_add_double (b, "max", d->max);
    }
  json_builder_end_object (b);
}

static void
add_level (JsonBuilder            *b,
           const ObTable1Variable *var,
           guint                   l,
           guint                   g,
           guint                   width)
{
  json_builder_begin_object (b);
  ob_cli_json_add_int (b, "count", (gint64) var->counts[l * width + g]);
  ob_cli_json_add_double (b, "percent", var->percent[l * width + g]);
  json_builder_end_object (b);
}

static void
add_variable (JsonBuilder            *b,
              const ObTable1         *table,
              const ObTable1Variable *var)
{
  guint n_groups = table->n_groups, width = n_groups + 1;

  /* The variable's own row: its summaries (continuous) or its n (categorical), and its test. */
  json_builder_begin_object (b);
  ob_cli_json_add_string (b, "variable", var->name);
  json_builder_set_member_name (b, "level");
  json_builder_add_null_value (b);
  ob_cli_json_add_string (b, "type", var->categorical ? "categorical" : "continuous");
  ob_cli_json_add_string (b, "summary", var->categorical ? "n (%)"
                                        : var->nonnormal ? "median [IQR]" : "mean (SD)");
  if (!var->categorical)
    ob_cli_json_add_double (b, "skewness", var->skewness);
  json_builder_set_member_name (b, "groups");
  json_builder_begin_array (b);
  for (guint g = 0; g < n_groups; g++)
    add_summary (b, var, g);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "overall");
  add_summary (b, var, n_groups);
  if (var->test == OB_TABLE1_TEST_NONE)
    {
      json_builder_set_member_name (b, "test");
      json_builder_add_null_value (b);
    }
  else
    ob_cli_json_add_string (b, "test", ob_table1_test_to_string (var->test));
  ob_cli_json_add_string (b, "method", ob_table1_test_describe (var->test));
  if (var->test == OB_TABLE1_TEST_CHISQ)
    {
      json_builder_set_member_name (b, "yates");
      json_builder_add_boolean_value (b, var->yates);
    }
  ob_cli_json_add_double (b, "statistic", var->statistic);
  ob_cli_json_add_double (b, "df", var->df);
  if (var->test == OB_TABLE1_TEST_ANOVA)
    ob_cli_json_add_double (b, "df2", var->df2);
  ob_cli_json_add_double (b, "p", var->p);
  ob_cli_json_add_double (b, "smd", var->smd);
  json_builder_end_object (b);

  for (guint l = 0; var->categorical && l < var->n_levels; l++)
    {
      json_builder_begin_object (b);
      ob_cli_json_add_string (b, "variable", var->name);
      ob_cli_json_add_string (b, "level", var->levels[l]);
      json_builder_set_member_name (b, "groups");
      json_builder_begin_array (b);
      for (guint g = 0; g < n_groups; g++)
        add_level (b, var, l, g, width);
      json_builder_end_array (b);
      json_builder_set_member_name (b, "overall");
      add_level (b, var, l, n_groups, width);
      json_builder_end_object (b);
    }
}

static gboolean
write_text (const char  *path,
            const char  *contents,
            GError     **error)
{
  if (!g_file_set_contents (path, contents, -1, error))
    {
      g_prefix_error (error, "%s: ", path);
      return FALSE;
    }
  return TRUE;
}

static void
draw_table (cairo_t *cr,
            double   width_pt,
            double   height_pt,
            gpointer user_data)
{
  ob_table_plot_draw (user_data, cr, width_pt, height_pt);
}

static gboolean
run_table1 (const char          *path,
            const Table1Options *o,
            double               width_mm,
            double               height_mm,
            GError             **error)
{
  g_autoptr(ObDataset) dataset = NULL;
  g_autoptr(ObTable1) table = NULL;
  g_autoptr(ObTable1Grid) grid = NULL;
  g_autoptr(ObCliJson) json = NULL;
  g_autofree guint8 *mask = NULL;
  g_auto(GStrv) vars = ob_cli_split_list (o->vars);
  g_auto(GStrv) nonnormal = ob_cli_split_list (o->nonnormal);
  g_auto(GStrv) categorical = ob_cli_split_list (o->categorical);
  g_autofree char *caption = NULL;
  JsonBuilder *b;

  dataset = ob_cli_project_open_dataset (path, &o->input, error);
  if (dataset == NULL)
    return FALSE;
  if (o->where != NULL
      && (mask = ob_dataset_where_mask (dataset, (const char * const *) o->where, error)) == NULL)
    return FALSE;
  table = ob_table1_new (dataset, o->group, (const char * const *) vars,
                         (const char * const *) nonnormal, (const char * const *) categorical,
                         mask, error);
  if (table == NULL)
    return FALSE;
  for (guint i = 0; nonnormal != NULL && nonnormal[i] != NULL; i++)
    if (!g_strv_contains ((const char * const *) vars, nonnormal[i]))
      {
        g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                     _("--nonnormal names “%s”, which is not among --vars"), nonnormal[i]);
        return FALSE;
      }

  caption = o->title != NULL ? g_strdup (o->title)
                             : g_strdup_printf (_("Table 1. Characteristics by %s"),
                                                table->group_column);
  if (o->csv != NULL || o->html != NULL || o->figure != NULL)
    grid = ob_table1_grid_new (table);
  if (o->csv != NULL)
    {
      g_autofree char *csv = ob_table1_grid_to_csv (grid);

      if (!write_text (o->csv, csv, error))
        return FALSE;
    }
  if (o->html != NULL)
    {
      g_autofree char *html = ob_table1_grid_to_html (grid, caption);

      if (!write_text (o->html, html, error))
        return FALSE;
    }
  if (o->figure != NULL)
    {
      ObTablePlot plot;
      ObPlotFormat format;

      ob_table_plot_init (&plot, grid);
      plot.title = caption;
      if (!ob_plot_format_from_path (o->figure, &format, error))
        return FALSE;
      /* As ob_table_plot_export(), carrying the figure's recipe. */
      plot.plot_style.vector = ob_plot_format_is_vector (format);
      if (height_mm <= 0)
        height_mm = ceil (ob_table_plot_height (&plot, OB_MM_TO_PT (width_mm)) * 25.4 / 72.0);
      if (!ob_cli_project_export_figure ("cohort", format, o->figure, width_mm, height_mm,
                                         o->dpi > 0 ? o->dpi : OB_PLOT_DEFAULT_DPI, draw_table,
                                         &plot, error))
        return FALSE;
    }

  json = ob_cli_json_new ();
  b = ob_cli_json_get_builder (json);
  json_builder_begin_object (b);
  ob_cli_json_add_string (b, "file", path);
  ob_cli_json_add_string (b, "group", table->group_column);
  json_builder_set_member_name (b, "groups");
  json_builder_begin_array (b);
  for (guint g = 0; g < table->n_groups; g++)
    {
      json_builder_begin_object (b);
      ob_cli_json_add_string (b, "name", table->group_names[g]);
      ob_cli_json_add_int (b, "n", (gint64) table->group_n[g]);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  ob_cli_json_add_int (b, "n", (gint64) table->group_n[table->n_groups]);
  ob_cli_json_add_int (b, "excluded", (gint64) table->n_excluded);
  json_builder_set_member_name (b, "rows");
  json_builder_begin_array (b);
  for (guint v = 0; v < table->n_variables; v++)
    add_variable (b, table, &table->variables[v]);
  json_builder_end_array (b);
  json_builder_end_object (b);
  return ob_cli_json_print (json, error);
}

int
ob_cli_table1 (int    argc,
               char **argv)
{
  Table1Options o = { 0 };
  const GOptionEntry entries[] = {
    { "group", 0, 0, G_OPTION_ARG_STRING, &o.group, N_("Column whose levels are the columns"),
      N_("COL") },
    { "vars", 0, 0, G_OPTION_ARG_STRING, &o.vars, N_("Variables to describe, in order"),
      N_("A,B,C") },
    { "nonnormal", 0, 0, G_OPTION_ARG_STRING, &o.nonnormal,
      N_("Show these as median [IQR] with rank tests, whatever their skewness"), N_("A,…") },
    { "categorical", 0, 0, G_OPTION_ARG_STRING, &o.categorical,
      N_("Treat these numeric columns as categories"), N_("A,…") },
    { "where", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o.where,
      N_("Keep rows where COL equals VALUE; repeatable"), N_("COL=VALUE") },
    { "csv", 0, 0, G_OPTION_ARG_FILENAME, &o.csv, N_("Write the table as CSV"), N_("FILE") },
    { "html", 0, 0, G_OPTION_ARG_FILENAME, &o.html,
      N_("Write the table as HTML, to open or paste into Word or LibreOffice"), N_("FILE") },
    { "figure", 0, 0, G_OPTION_ARG_FILENAME, &o.figure,
      N_("Typeset the table (.pdf, .svg, .eps, .png, .tif)"), N_("FILE") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &o.title,
      N_("Caption above the table (default: “Table 1. Characteristics by COL”)"), N_("TEXT") },
    { "size", 0, 0, G_OPTION_ARG_STRING, &o.size,
      N_("Figure width in mm, or WxH (default 183; the height follows the table)"), N_("W") },
    { "dpi", 0, 0, G_OPTION_ARG_DOUBLE, &o.dpi,
      N_("Resolution of PNG and TIFF figures (default 300)"), N_("N") },
    { "save-project", 0, 0, G_OPTION_ARG_FILENAME, &o.save_project,
      N_("Also keep this analysis, its data and figure style in a project file"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  double width_mm = 183, height_mm = 0;
  int status = EXIT_FAILURE;

  context = ob_cli_context_new (_("FILE — baseline characteristics by group (Table 1)"),
                                entries, &o.input,
    _("Prints JSON rows: per variable its summaries by group and overall, the test and p and "
      "the standardised mean difference; per level of a categorical variable its counts and "
      "percentages of the non-missing. Continuous variables are shown as mean (SD), or as "
      "median [IQR] when |skewness| > 1 or named by --nonnormal; tested by Welch's t or "
      "ANOVA, Mann–Whitney or Kruskal–Wallis. Categorical variables (text, or whole numbers "
      "with at most 5 values) by chi-square, or Fisher's exact test when an expected count is "
      "below 5. Rows without a group are left out and counted."));

  args = g_strdupv (argv);
  if (!ob_cli_parse_options (context, "table1", &argc, &argv))
    goto out;
  if (argc != 2)
    {
      g_printerr ("%s\n", _("oncobench-cli table1: expected one FILE (see --help)"));
      goto out;
    }
  if (o.group == NULL || o.vars == NULL)
    g_set_error_literal (&error, OB_ERROR, OB_ERROR_INVALID_ARG,
                         _("--group COL and --vars A,B,C are required"));
  else if (!parse_size (o.size, &width_mm, &height_mm))
    g_set_error (&error, OB_ERROR, OB_ERROR_INVALID_ARG,
                 _("--size “%s”: expected a width in mm (40–500), or WIDTHxHEIGHT"), o.size);
  else
    ob_cli_check_figure_options (o.figure, o.size, o.dpi, &error);
  if (error == NULL)
    run_table1 (argv[1], &o, width_mm, height_mm, &error);
  status = ob_cli_finish ("table1", "cohort", argv[1], o.save_project,
                          (const char * const *) args, error);

out:
  table1_options_clear (&o);
  return status;
}
