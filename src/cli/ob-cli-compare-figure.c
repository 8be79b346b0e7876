/* ob-cli-compare-figure.c — `compare --figure`: the groups drawn, post-hoc results as brackets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ob-cli-compare-private.h"
#include "ob-cli-project.h"
#include "ob-group-limits.h"
#include "ob-group-pairs.h"
#include "ob-group-plot.h"
#include "ob-plot-export.h"

#define DEFAULT_WIDTH_MM 89.0
#define DEFAULT_HEIGHT_MM 70.0

void
ob_cli_compare_figure_clear (ObCliCompareFigure *f)
{
  g_clear_pointer (&f->chart, g_free);
  g_clear_pointer (&f->error, g_free);
  g_clear_pointer (&f->figure, g_free);
  g_clear_pointer (&f->size, g_free);
}

static gboolean
parse_size (const char *size, double *width_mm, double *height_mm)
{
  g_auto(GStrv) parts = NULL;
  char *end;

  *width_mm = DEFAULT_WIDTH_MM;
  *height_mm = DEFAULT_HEIGHT_MM;
  if (size == NULL)
    return TRUE;
  parts = g_strsplit_set (size, "xX", 2);
  if (g_strv_length (parts) != 2)
    return FALSE;
  *width_mm = g_ascii_strtod (parts[0], &end);
  if (end == parts[0] || *end != '\0')
    return FALSE;
  *height_mm = g_ascii_strtod (parts[1], &end);
  if (end == parts[1] || *end != '\0')
    return FALSE;
  return *width_mm >= 20 && *height_mm >= 20 && *width_mm <= 1000 && *height_mm <= 1000;
}

gboolean
ob_cli_compare_figure_check (const ObCliCompareFigure *f,
                             GError                  **error)
{
  ObGroupChart chart;
  ObGroupError err;
  ObPlotFormat format;
  double w, h;

  if (f->figure == NULL)
    {
      if (f->chart != NULL || f->error != NULL || f->size != NULL || f->dpi != 0 || f->log
          || f->exact_p || f->show_ns)
        {
          g_set_error_literal (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                               _("--chart, --error, --size, --dpi, --log, --exact-p and --show-ns "
                                 "shape the figure: name its file with --figure FILE"));
          return FALSE;
        }
      return TRUE;
    }
  if (f->chart != NULL && !ob_group_chart_from_string (f->chart, &chart))
    {
      g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                   _("--chart “%s” is not one of dot, bar, box, violin"), f->chart);
      return FALSE;
    }
  if (f->error != NULL && !ob_group_error_from_string (f->error, &err))
    {
      g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                   _("--error “%s” is not one of sd, sem, ci"), f->error);
      return FALSE;
    }
  if (!parse_size (f->size, &w, &h))
    {
      g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                   _("--size “%s”: expected WIDTHxHEIGHT in mm, e.g. 89x70"), f->size);
      return FALSE;
    }
  if (f->dpi != 0 && !(f->dpi >= 72 && f->dpi <= 2400))
    {
      g_set_error_literal (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                           _("--dpi must be between 72 and 2400"));
      return FALSE;
    }
  return ob_plot_format_from_path (f->figure, &format, error);
}

gboolean
ob_cli_compare_figure_write (const ObCliCompareFigure *f,
                             const ObCliCompareLimits *limits,
                             const ObDataset          *dataset,
                             const char               *group_column,
                             const ObGroupData        *data,
                             const char               *value_label,
                             const ObPairwise         *pairs,
                             gsize                     n_pairs,
                             GError                  **error)
{
  g_autoptr(ObGroupData) subset = NULL;
  g_autofree double *lower = NULL;
  g_autofree double *upper = NULL;
  g_autofree gsize *below = NULL;
  g_autofree gsize *above = NULL;
  ObPairwise pair;
  ObGroupPlot plot;
  ObPlotFormat format;
  double w, h;

  if (!ob_cli_compare_figure_check (f, error) || f->figure == NULL)
    return f->figure == NULL;
  parse_size (f->size, &w, &h);
  ob_plot_format_from_path (f->figure, &format, NULL);
  /* One pair out of more groups: --pair chose two of them for a two-group test. */
  if (data->factor2 == NULL && n_pairs == 1 && data->n_groups > 2)
    {
      const guint which[2] = { pairs[0].a, pairs[0].b };

      subset = ob_group_data_subset_pair (data, which);
      pair = pairs[0];
      pair.a = 0;
      pair.b = 1;
      data = subset;
      pairs = &pair;
    }
  ob_group_plot_init (&plot, data);
  /* Grouped bars are how two-factor designs are read; one factor defaults to every point. */
  plot.chart = data->factor2 != NULL ? OB_GROUP_CHART_BAR : OB_GROUP_CHART_DOT;
  if (f->chart != NULL)
    ob_group_chart_from_string (f->chart, &plot.chart);
  if (f->error != NULL)
    ob_group_error_from_string (f->error, &plot.error);
  plot.log_y = f->log;
  plot.exact_p = f->exact_p;
  plot.show_ns = f->show_ns;
  plot.pairs = pairs;
  plot.n_pairs = n_pairs;
  plot.y_label = value_label;
  if (limits->lower != NULL)
    {
      ob_group_limits_intervals (dataset, limits->lower, limits->upper, data, &lower, &upper);
      plot.lower = lower;
      plot.upper = upper;
    }
  if (limits->flag != NULL)
    {
      gsize lost;

      ob_group_limits_count (dataset, group_column, data, limits->kinds, &below, &above, &lost);
      plot.n_below = below;
      plot.n_above = above;
      plot.lloq = limits->lloq;
      plot.uloq = limits->uloq;
    }
  if (f->log)
    {
      gsize bad = 0;

      for (gsize i = 0; i < data->n; i++)
        bad += data->values[i] <= 0;
      if (bad > 0)
        {
          g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "--log: %zu value is zero or negative and has no place "
                                    "on a log axis",
                                    "--log: %zu values are zero or negative and have no "
                                    "place on a log axis", bad), bad);
          return FALSE;
        }
    }
  return ob_cli_project_export_figure ("compare", format, f->figure, w, h,
                                       f->dpi > 0 ? f->dpi : OB_PLOT_DEFAULT_DPI,
                                       ob_group_plot_draw_func, &plot, error);
}
