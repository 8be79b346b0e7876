/* ob-cli-growth-figure.c — the figures of `oncobench-cli growth`: the analysis results turned
 * into the growth figure's plain data, or the time-to-endpoint Kaplan–Meier figure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ob-cli-growth-private.h"
#include "ob-cli-project.h"
#include "ob-growth-plot.h"
#include "ob-km-plot.h"
#include "ob-logrank.h"

#define CHART_ENDPOINT (-1)

gboolean
ob_cli_growth_chart_from_string (const char *str,
                                 int        *chart)
{
  ObGrowthChart c;

  if (g_strcmp0 (str, "endpoint") == 0)
    {
      *chart = CHART_ENDPOINT;
      return TRUE;
    }
  if (!ob_growth_chart_from_string (str, &c))
    return FALSE;
  *chart = (int) c;
  return TRUE;
}

/* Every arm is added, in the study's order, even one whose mice were all excluded, so an arm
 * keeps its colour whatever is left out. */
static ObGrowthData *
figure_data (const GrowthOptions *o,
             const GrowthResults *r,
             ObGrowthChart        chart)
{
  const ObGrowthStudy *study = r->study;
  ObGrowthData *data = ob_growth_data_new ();
  /* Weight as % change from each mouse's first weighing: toxicity limits are set that way. */
  ObGrowthMeasure measure = chart == OB_GROWTH_CHART_WEIGHT ? OB_GROWTH_WEIGHT_CHANGE
                            : chart == OB_GROWTH_CHART_FLUX ? OB_GROWTH_LOG10_FLUX
                            : OB_GROWTH_VOLUME;

  for (guint a = 0; a < study->n_arms; a++)
    ob_growth_data_add_arm (data, study->arm_names[a]);

  if (chart == OB_GROWTH_CHART_WATERFALL)
    {
      for (guint m = 0; m < study->n_mice; m++)
        if (!study->excluded[m] && r->responses != NULL)
          ob_growth_data_add_waterfall (data, study->mice[m].id, study->mice[m].arm,
                                        r->responses[m].best_response,
                                        ob_mrecist_to_string (r->responses[m].category));
      return data;
    }

  if (measure != OB_GROWTH_LOG10_FLUX)
    {
      gsize n_rows;
      g_autofree ObGrowthArmDay *rows = ob_growth_summarise (study, measure, &n_rows);

      for (gsize i = 0; i < n_rows; i++)
        if (rows[i].n > 0)
          ob_growth_data_add_summary (data, rows[i].arm, rows[i].time, (guint) rows[i].n,
                                      rows[i].mean, rows[i].sem);
    }

  for (guint m = 0; m < study->n_mice; m++)
    {
      const ObGrowthMouse *mouse = &study->mice[m];

      if (study->excluded[m])
        continue;
      ob_growth_data_add_subject (data, mouse->id, mouse->arm);
      for (gsize i = mouse->first; i < mouse->first + mouse->n_obs; i++)
        {
          if (measure == OB_GROWTH_LOG10_FLUX)
            {
              /* A flux below detection sits on the background line, drawn as censored. */
              if (study->flux_censored[i])
                ob_growth_data_add_point (data, study->time[i], o->background, TRUE);
              else if (!isnan (study->log10_flux[i]))
                ob_growth_data_add_point (data, study->time[i], pow (10, study->log10_flux[i]),
                                          FALSE);
              continue;
            }
          if (!isnan (ob_growth_study_value (study, measure, m, i)))
            ob_growth_data_add_point (data, study->time[i],
                                      ob_growth_study_value (study, measure, m, i), FALSE);
        }
    }
  return data;
}

static gboolean
write_endpoint_figure (const GrowthOptions  *o,
                       const GrowthSettings *s,
                       const GrowthResults  *r,
                       GError              **error)
{
  g_autoptr(ObKmFit) fit = NULL;
  g_autoptr(ObSurvTest) test = NULL;
  ObKmOptions km;
  ObKmPlot plot = { 0 };
  gsize events = 0;

  if (r->endpoint == NULL)
    {
      g_set_error_literal (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                           _("--chart endpoint needs --endpoint V or --endpoint-time and "
                             "--endpoint-event"));
      return FALSE;
    }
  ob_km_options_init (&km);
  if ((fit = ob_km_fit (r->endpoint, &km, error)) == NULL)
    return FALSE;
  for (gsize i = 0; i < r->endpoint->n; i++)
    events += r->endpoint->status[i];
  if (r->endpoint->n_groups > 1 && events > 0
      && (test = ob_surv_test (r->endpoint, OB_SURV_TEST_LOGRANK, FALSE, error)) == NULL)
    return FALSE;
  plot.fit = fit;
  plot.test = test;
  ob_km_plot_style_init (&plot.style);
  plot.style.time_unit = "days";
  plot.style.x_label = _("Day");
  /* Weekly ticks read as the dosing schedule does; longer studies get a nice step. */
  plot.style.x_step = r->study->n_days > 0 && r->study->days[r->study->n_days - 1] <= 56 ? 7 : 0;
  plot.style.y_label = !isnan (o->endpoint) ? _("Proportion below endpoint volume")
                                            : _("Survival probability");
  plot.style.group_label = o->group;
  return ob_cli_project_export_figure ("growth", s->format, o->figure, s->width_mm,
                                       s->height_mm, o->dpi > 0 ? o->dpi : OB_PLOT_DEFAULT_DPI,
                                       ob_km_plot_draw_func, &plot, error);
}

gboolean
ob_cli_growth_write_figure (const GrowthOptions  *o,
                            const GrowthSettings *s,
                            const GrowthResults  *r,
                            GError              **error)
{
  g_autoptr(ObGrowthData) data = NULL;
  ObGrowthChart chart = (ObGrowthChart) s->chart;
  ObGrowthPlot plot;
  ObPlotFormat format;

  if (s->chart == CHART_ENDPOINT)
    return write_endpoint_figure (o, s, r, error);
  if ((chart == OB_GROWTH_CHART_CURVES || chart == OB_GROWTH_CHART_SPAGHETTI
       || chart == OB_GROWTH_CHART_WATERFALL) && !r->study->has_volume)
    {
      g_set_error_literal (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                           _("This chart needs tumour volumes (--volume, or --length and "
                             "--width)"));
      return FALSE;
    }
  if (chart == OB_GROWTH_CHART_WEIGHT && !r->study->has_weight)
    {
      g_set_error_literal (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                           _("--chart weight needs body weights (--weight COL)"));
      return FALSE;
    }
  if (chart == OB_GROWTH_CHART_FLUX && !r->study->has_flux)
    {
      g_set_error_literal (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                           _("--chart flux needs bioluminescence (--flux COL)"));
      return FALSE;
    }

  data = figure_data (o, r, chart);
  ob_growth_plot_init (&plot, data, chart);
  plot.show_subjects = o->traces || chart == OB_GROWTH_CHART_SPAGHETTI;
  plot.log_y = o->log || chart == OB_GROWTH_CHART_FLUX;
  plot.dosing_start = s->dosing_start;
  plot.dosing_end = s->dosing_end;
  if (chart != OB_GROWTH_CHART_WEIGHT && chart != OB_GROWTH_CHART_FLUX && !isnan (o->endpoint))
    plot.endpoint = o->endpoint;
  if (chart == OB_GROWTH_CHART_FLUX && o->background > 0)
    plot.background = o->background;
  if (chart == OB_GROWTH_CHART_WEIGHT)
    plot.y_label = _("Body weight change (%)");
  plot.width_mm = s->width_mm;
  plot.height_mm = s->height_mm;
  return ob_plot_format_from_path (o->figure, &format, error)
         && ob_cli_project_export_figure ("growth", format, o->figure, plot.width_mm,
                                          plot.height_mm, o->dpi > 0 ? o->dpi
                                                                     : OB_PLOT_DEFAULT_DPI,
                                          ob_growth_plot_draw_func, &plot, error);
}
