/* test-growth-plot-fixture.h: growth figure models built from the sample data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ob-growth-plot-private.h"

/* A background a little above the weakest signal in bli.csv, so early scans fall under it. */
#define BLI_BACKGROUND 1e5
#define ENDPOINT 1500
#define N_KINDS 6

typedef struct
{
  const char *name;
  ObGrowthChart chart;
} Kind;

/* curves, curves-mice, spaghetti, waterfall, weight, flux */
extern const Kind kinds[N_KINDS];

typedef struct
{
  ObGrowthData *xeno, *bli;
} Samples;

extern Samples samples;

/* xenograft.csv as volumes with per-arm summaries and a waterfall of best change. */
ObGrowthData *growth_load_xenograft (void);
/* bli.csv as photon flux, censored at or below BLI_BACKGROUND. */
ObGrowthData *growth_load_bli       (void);
/* Each kind as a study would show it: dosing days 0–14, the 1500 mm³ limit, the background. */
void          init_kind             (ObGrowthPlot *plot, const Kind *kind);

gboolean      near_rect             (double x, double y, double r, const ObPlotRect *rect);
/* The page position of a mouse's point i, or FALSE when it is not drawn. */
gboolean      point_at              (const ObGrowthLayout *layout, const ObGrowthPanel *panel,
                                     gsize i, double *x, double *y);

/* Registers the export and speed tests (test-growth-plot-export.c). */
void          growth_add_export_tests (void);
