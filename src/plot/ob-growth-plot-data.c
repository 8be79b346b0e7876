/* ob-growth-plot-data.c: what the tumour growth figures draw, and their defaults
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-plot"

#include "config.h"

#include <math.h>
#include <string.h>

#include "ob-growth-plot.h"
#include "ob-plot-export.h"

static const char *const chart_names[] = { "curves", "spaghetti", "waterfall", "weight", "flux" };
static const char *const legend_names[] = {
  "auto", "top-left", "top-right", "bottom-left", "bottom-right", "right", "none",
};

const char *
ob_growth_chart_to_string (ObGrowthChart chart)
{
  g_return_val_if_fail ((guint) chart < G_N_ELEMENTS (chart_names), NULL);
  return chart_names[chart];
}

gboolean
ob_growth_chart_from_string (const char *str, ObGrowthChart *out)
{
  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (chart_names); i++)
    if (g_ascii_strcasecmp (str, chart_names[i]) == 0)
      {
        *out = (ObGrowthChart) i;
        return TRUE;
      }
  return FALSE;
}

gboolean
ob_growth_legend_from_string (const char *str, ObGrowthLegend *out)
{
  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (legend_names); i++)
    if (g_ascii_strcasecmp (str, legend_names[i]) == 0)
      {
        *out = (ObGrowthLegend) i;
        return TRUE;
      }
  return FALSE;
}

static void
clear_subject (gpointer p)
{
  ObGrowthSubject *s = p;

  g_free (s->id);
}

static void
clear_waterfall (gpointer p)
{
  ObGrowthWaterfall *w = p;

  g_free (w->id);
  g_free (w->category);
}

ObGrowthData *
ob_growth_data_new (void)
{
  ObGrowthData *data = g_new0 (ObGrowthData, 1);

  data->arms = g_ptr_array_new_with_free_func (g_free);
  data->summaries = g_array_new (FALSE, FALSE, sizeof (ObGrowthSummary));
  data->subjects = g_array_new (FALSE, FALSE, sizeof (ObGrowthSubject));
  g_array_set_clear_func (data->subjects, clear_subject);
  data->time = g_array_new (FALSE, FALSE, sizeof (double));
  data->value = g_array_new (FALSE, FALSE, sizeof (double));
  data->censored = g_array_new (FALSE, FALSE, sizeof (guint8));
  data->waterfall = g_array_new (FALSE, FALSE, sizeof (ObGrowthWaterfall));
  g_array_set_clear_func (data->waterfall, clear_waterfall);
  return data;
}

void
ob_growth_data_free (ObGrowthData *data)
{
  if (data == NULL)
    return;
  g_ptr_array_unref (data->arms);
  g_array_unref (data->summaries);
  g_array_unref (data->subjects);
  g_array_unref (data->time);
  g_array_unref (data->value);
  g_array_unref (data->censored);
  g_array_unref (data->waterfall);
  g_free (data);
}

guint
ob_growth_data_add_arm (ObGrowthData *data, const char *name)
{
  g_ptr_array_add (data->arms, g_strdup (name != NULL ? name : ""));
  return data->arms->len - 1;
}

void
ob_growth_data_add_summary (ObGrowthData *data, guint arm, double time, guint n, double mean,
                            double sem)
{
  ObGrowthSummary s = { arm, time, n, mean, n < 2 ? NAN : sem };

  g_return_if_fail (arm < data->arms->len);
  g_array_append_val (data->summaries, s);
}

guint
ob_growth_data_add_subject (ObGrowthData *data, const char *id, guint arm)
{
  ObGrowthSubject s = { g_strdup (id != NULL ? id : ""), arm, data->time->len, 0 };

  g_return_val_if_fail (arm < data->arms->len, G_MAXUINT);
  g_array_append_val (data->subjects, s);
  return data->subjects->len - 1;
}

void
ob_growth_data_add_point (ObGrowthData *data, double time, double value, gboolean censored)
{
  guint8 c = censored ? 1 : 0;

  g_return_if_fail (data->subjects->len > 0);
  g_array_append_val (data->time, time);
  g_array_append_val (data->value, value);
  g_array_append_val (data->censored, c);
  g_array_index (data->subjects, ObGrowthSubject, data->subjects->len - 1).n++;
}

void
ob_growth_data_add_waterfall (ObGrowthData *data, const char *id, guint arm, double best_change,
                              const char *category)
{
  ObGrowthWaterfall w = {
    g_strdup (id != NULL ? id : ""), arm, best_change,
    category != NULL && *category ? g_strdup (category) : NULL,
  };

  g_return_if_fail (arm < data->arms->len);
  g_array_append_val (data->waterfall, w);
}

guint
ob_growth_data_n_arms (const ObGrowthData *data)
{
  return data->arms->len;
}

const char *
ob_growth_data_arm_name (const ObGrowthData *data, guint arm)
{
  g_return_val_if_fail (arm < data->arms->len, NULL);
  return g_ptr_array_index (data->arms, arm);
}

void
ob_growth_plot_init (ObGrowthPlot *plot, const ObGrowthData *data, ObGrowthChart chart)
{
  memset (plot, 0, sizeof *plot);
  plot->data = data;
  plot->chart = chart;
  plot->log_y = chart == OB_GROWTH_CHART_FLUX;
  plot->dosing_start = NAN;
  plot->dosing_end = NAN;
  plot->endpoint = NAN;
  plot->background = NAN;
  plot->reference_lines = TRUE;
  plot->show_categories = chart == OB_GROWTH_CHART_WATERFALL;
  plot->legend = OB_GROWTH_LEGEND_AUTO;
  plot->width_mm = 89;
  plot->height_mm = 70;
  ob_plot_style_init (&plot->plot_style);
}

void
ob_growth_plot_draw_func (cairo_t *cr, double width_pt, double height_pt, gpointer user_data)
{
  ob_growth_plot_render (cr, width_pt, height_pt, user_data);
}

gboolean
ob_growth_plot_export (const ObGrowthPlot *plot, const char *path, double dpi, GError **error)
{
  ObPlotFormat fmt;

  g_return_val_if_fail (plot != NULL && path != NULL, FALSE);

  if (!ob_plot_format_from_path (path, &fmt, error))
    return FALSE;
  return ob_plot_export_titled (fmt, path, plot->width_mm, plot->height_mm,
                                dpi > 0 ? dpi : OB_PLOT_DEFAULT_DPI, plot->title,
                                ob_growth_plot_draw_func, (gpointer) plot, error);
}
