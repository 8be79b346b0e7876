/* ob-cli-crosstab.c — `oncobench-cli crosstab FILE`: two categorical columns crossed
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
#include "ob-crosstab.h"
#include "ob-plot-export.h"
#include "ob-stacked-bar.h"
#include "ob-surv-data.h"

typedef struct
{
  ObCliInputOptions input;
  char *rows;
  char *cols;
  char *test;
  char **where;
  char *row_order;
  char *col_order;
  char *figure;
  char *size;
  double dpi;
  char *save_project;
} CrosstabOptions;

static void
crosstab_options_clear (CrosstabOptions *o)
{
  ob_cli_input_options_clear (&o->input);
  g_clear_pointer (&o->save_project, g_free);
  g_clear_pointer (&o->rows, g_free);
  g_clear_pointer (&o->cols, g_free);
  g_clear_pointer (&o->test, g_free);
  g_clear_pointer (&o->where, g_strfreev);
  g_clear_pointer (&o->row_order, g_free);
  g_clear_pointer (&o->col_order, g_free);
  g_clear_pointer (&o->figure, g_free);
  g_clear_pointer (&o->size, g_free);
}

/* Puts the rows (or, transposed, the columns) of the table in the order the user listed:
 * every level once.  Which level comes first decides the direction of the odds ratio and of
 * the risk difference. */
static gboolean
reorder_levels (ObCountTable  *table,
                gboolean       rows,
                const char    *order,
                const char    *option,
                GError       **error)
{
  g_auto(GStrv) wanted = ob_cli_split_list (order);
  char **names = rows ? table->row_names : table->col_names;
  guint n = rows ? table->n_rows : table->n_cols;
  g_autofree guint *from = g_new0 (guint, n);
  g_autofree double *counts = NULL;
  g_autofree char **old_names = NULL;

  if (wanted == NULL || g_strv_length (wanted) != n)
    {
      g_autofree char *levels = g_strjoinv (", ", names);

      g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                   _("%s must list each of the %u levels once: %s"), option, n, levels);
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    {
      guint k;

      for (k = 0; k < n && g_strcmp0 (names[k], wanted[i]) != 0; k++)
        ;
      for (guint j = 0; j < i && k < n; j++)
        if (from[j] == k)
          k = n;
      if (k == n)
        {
          g_autofree char *levels = g_strjoinv (", ", names);

          g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                       _("%s: “%s” is not a level, or is listed twice; the levels are %s"),
                       option, wanted[i], levels);
          return FALSE;
        }
      from[i] = k;
    }
  counts = g_memdup2 (table->counts, table->n_rows * table->n_cols * sizeof (double));
  old_names = g_memdup2 (names, n * sizeof (char *));
  for (guint i = 0; i < n; i++)
    names[i] = old_names[from[i]];
  for (guint r = 0; r < table->n_rows; r++)
    for (guint c = 0; c < table->n_cols; c++)
      table->counts[r * table->n_cols + c] =
        rows ? counts[from[r] * table->n_cols + c] : counts[r * table->n_cols + from[c]];
  return TRUE;
}

static void
add_matrix (JsonBuilder  *b,
            const char   *member,
            const double *values,
            guint         n_rows,
            guint         n_cols,
            gboolean      integers)
{
  json_builder_set_member_name (b, member);
  json_builder_begin_array (b);
  for (guint r = 0; r < n_rows; r++)
    {
      json_builder_begin_array (b);
      for (guint c = 0; c < n_cols; c++)
        if (integers)
          json_builder_add_int_value (b, (gint64) values[r * n_cols + c]);
        else
          ob_cli_json_add_double_value (b, values[r * n_cols + c]);
      json_builder_end_array (b);
    }
  json_builder_end_array (b);
}

static void
add_strings (JsonBuilder *b,
             const char  *member,
             char       **strings)
{
  json_builder_set_member_name (b, member);
  json_builder_begin_array (b);
  for (guint i = 0; strings[i] != NULL; i++)
    json_builder_add_string_value (b, strings[i]);
  json_builder_end_array (b);
}

static const char *
method_name (const ObCrosstab *ct)
{
  if (ct->test == OB_CROSSTAB_FISHER)
    return "Fisher's exact test (two-sided)";
  return ct->yates ? "Pearson's chi-square with Yates' continuity correction"
                   : "Pearson's chi-square";
}

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
  if (g_strv_length (parts) != 2)
    return FALSE;
  *w = g_ascii_strtod (parts[0], &end);
  if (*end != '\0' || !(*w >= 20 && *w <= 500))
    return FALSE;
  *h = g_ascii_strtod (parts[1], &end);
  return *end == '\0' && *h >= 20 && *h <= 500;
}

static void
draw_bars (cairo_t *cr,
           double   width_pt,
           double   height_pt,
           gpointer user_data)
{
  ob_stacked_bar_draw (user_data, cr, width_pt, height_pt);
}

static gboolean
run_crosstab (const char            *path,
              const CrosstabOptions *o,
              ObCrosstabTest         test,
              double                 width_mm,
              double                 height_mm,
              GError               **error)
{
  g_autoptr(ObDataset) dataset = NULL;
  g_autoptr(ObCountTable) table = NULL;
  g_autoptr(ObCrosstab) ct = NULL;
  g_autoptr(ObCliJson) json = NULL;
  g_autofree guint8 *mask = NULL;
  JsonBuilder *b;
  gboolean two_by_two;

  dataset = ob_cli_project_open_dataset (path, &o->input, error);
  if (dataset == NULL)
    return FALSE;
  if (o->where != NULL
      && (mask = ob_dataset_where_mask (dataset, (const char * const *) o->where, error)) == NULL)
    return FALSE;
  table = ob_count_table_new (dataset, o->rows, o->cols, mask, error);
  if (table == NULL
      || (o->row_order != NULL
          && !reorder_levels (table, TRUE, o->row_order, "--row-order", error))
      || (o->col_order != NULL
          && !reorder_levels (table, FALSE, o->col_order, "--col-order", error)))
    return FALSE;
  ct = ob_crosstab_new (table->counts, table->n_rows, table->n_cols, test, 0.95, error);
  if (ct == NULL)
    {
      g_prefix_error (error, _("“%s” × “%s”: "), o->rows, o->cols);
      return FALSE;
    }
  two_by_two = ct->n_rows == 2 && ct->n_cols == 2;

  if (o->figure != NULL)
    {
      ObStackedBar bar;
      ObPlotFormat format;

      ob_stacked_bar_init (&bar, ct, (const char * const *) table->row_names,
                           (const char * const *) table->col_names);
      bar.row_title = o->rows;
      bar.col_title = o->cols;

      if (!ob_plot_format_from_path (o->figure, &format, error))
        return FALSE;
      /* As ob_stacked_bar_export(), carrying the figure's recipe. */
      bar.plot_style.vector = ob_plot_format_is_vector (format);
      if (!ob_cli_project_export_figure ("crosstab", format, o->figure, width_mm, height_mm,
                                         o->dpi > 0 ? o->dpi : OB_PLOT_DEFAULT_DPI, draw_bars,
                                         &bar, error))
        return FALSE;
    }

  json = ob_cli_json_new ();
  b = ob_cli_json_get_builder (json);
  json_builder_begin_object (b);
  ob_cli_json_add_string (b, "file", path);
  ob_cli_json_add_string (b, "rows", o->rows);
  ob_cli_json_add_string (b, "cols", o->cols);
  ob_cli_json_add_int (b, "n", (gint64) ct->total);
  ob_cli_json_add_int (b, "excluded", (gint64) table->n_excluded);
  add_strings (b, "row_levels", table->row_names);
  add_strings (b, "col_levels", table->col_names);
  add_matrix (b, "table", ct->counts, ct->n_rows, ct->n_cols, TRUE);
  add_matrix (b, "row_percent", ct->row_percent, ct->n_rows, ct->n_cols, FALSE);
  add_matrix (b, "col_percent", ct->col_percent, ct->n_rows, ct->n_cols, FALSE);
  ob_cli_json_add_double (b, "min_expected", ct->min_expected);
  ob_cli_json_add_string (b, "test", ob_crosstab_test_to_string (ct->test));
  ob_cli_json_add_string (b, "method", method_name (ct));
  ob_cli_json_add_double (b, "statistic", ct->statistic);
  ob_cli_json_add_double (b, "df", ct->df);
  ob_cli_json_add_double (b, "p", ct->p);
  /* JSON has no infinity: an odds ratio or bound at infinity is null. */
  ob_cli_json_add_double (b, "odds_ratio", ct->odds_ratio);
  ob_cli_json_add_double (b, "or_lower", ct->or_lower);
  ob_cli_json_add_double (b, "or_upper", ct->or_upper);
  if (two_by_two)
    {
      ob_cli_json_add_string (b, "or_method", "conditional maximum likelihood, exact interval");
      ob_cli_json_add_double (b, "conf_level", ct->conf_level);
      ob_cli_json_add_string (b, "risk_of", table->col_names[1]);
      ob_cli_json_add_double (b, "risk1", ct->risk1);
      ob_cli_json_add_double (b, "risk2", ct->risk2);
      ob_cli_json_add_double (b, "risk_difference", ct->risk_difference);
      ob_cli_json_add_double (b, "rd_lower", ct->rd_lower);
      ob_cli_json_add_double (b, "rd_upper", ct->rd_upper);
      ob_cli_json_add_double (b, "risk_ratio", ct->risk_ratio);
      ob_cli_json_add_double (b, "rr_lower", ct->rr_lower);
      ob_cli_json_add_double (b, "rr_upper", ct->rr_upper);
      ob_cli_json_add_string (b, "risk_ci", "wald");
    }
  json_builder_end_object (b);
  return ob_cli_json_print (json, error);
}

int
ob_cli_crosstab (int    argc,
                 char **argv)
{
  CrosstabOptions o = { 0 };
  const GOptionEntry entries[] = {
    { "rows", 0, 0, G_OPTION_ARG_STRING, &o.rows, N_("Column whose levels make the rows"),
      N_("COL") },
    { "cols", 0, 0, G_OPTION_ARG_STRING, &o.cols, N_("Column whose levels make the columns"),
      N_("COL") },
    { "test", 0, 0, G_OPTION_ARG_STRING, &o.test,
      N_("chisq or fisher (default: Fisher when an expected count is below 5, else chisq)"),
      N_("TEST") },
    { "where", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o.where,
      N_("Keep rows where COL equals VALUE; repeatable"), N_("COL=VALUE") },
    { "row-order", 0, 0, G_OPTION_ARG_STRING, &o.row_order,
      N_("The row levels in the order wanted (default: sorted)"), N_("A,B,…") },
    { "col-order", 0, 0, G_OPTION_ARG_STRING, &o.col_order,
      N_("The column levels in the order wanted (default: sorted)"), N_("A,B,…") },
    { "figure", 0, 0, G_OPTION_ARG_FILENAME, &o.figure,
      N_("Draw a 100% stacked bar of the rows (.pdf, .svg, .eps, .png, .tif)"), N_("FILE") },
    { "size", 0, 0, G_OPTION_ARG_STRING, &o.size, N_("Figure size in mm (default 89x70)"),
      N_("WxH") },
    { "dpi", 0, 0, G_OPTION_ARG_DOUBLE, &o.dpi,
      N_("Resolution of PNG and TIFF figures (default 300)"), N_("N") },
    { "save-project", 0, 0, G_OPTION_ARG_FILENAME, &o.save_project,
      N_("Also keep this analysis, its data and figure style in a project file"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  ObCrosstabTest test = OB_CROSSTAB_AUTO;
  double width_mm = 89, height_mm = 70;
  int status = EXIT_FAILURE;

  context = ob_cli_context_new (_("FILE — cross-tabulate two categorical columns"),
                                entries, &o.input,
    _("Prints JSON: the counts (\"table\", rows × columns, levels sorted), row and column "
      "percentages, the test (chisq.test with Yates' correction on 2 × 2 tables, or "
      "fisher.test on any r × c table) and, for 2 × 2 tables, the conditional maximum-"
      "likelihood odds ratio with its exact 95% interval as fisher.test, and the risk "
      "difference and ratio of the first row against the second, risk being the share in the "
      "second column, with Wald intervals. Rows missing either value are left out and "
      "counted."));

  args = g_strdupv (argv);
  if (!ob_cli_parse_options (context, "crosstab", &argc, &argv))
    goto out;
  if (argc != 2)
    {
      g_printerr ("%s\n", _("oncobench-cli crosstab: expected one FILE (see --help)"));
      goto out;
    }
  if (o.rows == NULL || o.cols == NULL)
    g_set_error_literal (&error, OB_ERROR, OB_ERROR_INVALID_ARG,
                         _("--rows COL and --cols COL are required"));
  else if (o.test != NULL && !ob_crosstab_test_from_string (o.test, &test))
    g_set_error (&error, OB_ERROR, OB_ERROR_INVALID_ARG,
                 _("--test “%s” is not one of chisq, fisher"), o.test);
  else if (!parse_size (o.size, &width_mm, &height_mm))
    g_set_error (&error, OB_ERROR, OB_ERROR_INVALID_ARG,
                 _("--size “%s”: expected WIDTHxHEIGHT in mm between 20 and 500, e.g. 89x70"),
                 o.size);
  else
    ob_cli_check_figure_options (o.figure, o.size, o.dpi, &error);
  if (error == NULL)
    run_crosstab (argv[1], &o, test, width_mm, height_mm, &error);
  status = ob_cli_finish ("crosstab", "crosstab", argv[1], o.save_project,
                          (const char * const *) args, error);

out:
  crosstab_options_clear (&o);
  return status;
}
