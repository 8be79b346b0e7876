/* ob-cli-growth-private.h — the pieces of `oncobench-cli growth` shared between its files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ob-cli-common.h"
#include "ob-growth.h"
#include "ob-plot-export.h"

G_BEGIN_DECLS

typedef struct
{
  ObCliInputOptions input;
  char *subject, *group, *time;
  char *wide;
  char *volume, *length, *width, *formula;
  char *weight, *flux;
  double background;
  char *control;
  double tgi_day;
  double endpoint;
  char *endpoint_time, *endpoint_event;
  double mrecist_start;
  char *exclude;
  char **where;
  gboolean log;
  gboolean traces;
  char *figure, *chart, *size, *dosing;
  double dpi;
  char *save_project;
} GrowthOptions;

/* What the options mean once checked. */
typedef struct
{
  ObGrowthFormula formula;
  ObPlotFormat format;
  double width_mm, height_mm;
  double dosing_start, dosing_end;
  int chart;                        /* an ObGrowthChart, or -1 for the endpoint KM figure */
} GrowthSettings;

/* The analyses the figure may need, already computed (NULL when not). */
typedef struct
{
  const ObGrowthStudy *study;
  const ObGrowthResponse *responses;
  const ObSurvData *endpoint;
} GrowthResults;

gboolean ob_cli_growth_write_figure (const GrowthOptions  *o,
                                     const GrowthSettings *s,
                                     const GrowthResults  *r,
                                     GError              **error);

/* Adds "mixed_model" and "rm_anova" (null when they cannot be fitted, the reason appended to
 * warnings). */
void     ob_cli_growth_add_models   (JsonBuilder         *b,
                                     const ObGrowthStudy *study,
                                     GPtrArray           *warnings);

/* "curves", "spaghetti", "waterfall", "weight", "flux", "endpoint" → GrowthSettings.chart */
gboolean ob_cli_growth_chart_from_string (const char *str, int *chart);

G_END_DECLS
