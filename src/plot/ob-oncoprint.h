/* ob-oncoprint.h: the alteration landscape as an oncoprint (patients × genes)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "ob-landscape.h"
#include "ob-plot-export.h"
#include "ob-plot-scale.h"
#include "ob-plot-style.h"
#include "ob-plot-text.h"

G_BEGIN_DECLS

typedef struct
{
  const ObLandscape *landscape;
  const char *title;                /* NULL: none */
  /* A track above the grid: one value per patient (landscape->patients order), NULL for
   * none; annotation_label names it. */
  const char * const *annotation;
  const char *annotation_label;
  /* Columns for patients without any alteration (the cohort's denominator made visible). */
  gboolean show_unaltered;
  /* Bars above the grid: each patient's number of altered genes, by type. */
  gboolean show_patient_bars;
  ObPlotStyle style;
} ObOncoprint;

void ob_oncoprint_init (ObOncoprint *plot, const ObLandscape *landscape);

/* The colour of an alteration type: the conventions of cBioPortal and ComplexHeatmap for
 * the usual names (missense green, truncating dark, amplification red, deletion blue, …),
 * Okabe–Ito for others; index is the type's position in the landscape. */
ObPlotColor ob_oncoprint_type_color (const char *type, guint index);

typedef struct
{
  double width, height;
  double margin;
  ObPlotRect grid;                  /* the cells */
  double cell_width, row_height, row_gap;
  gsize n_columns;                  /* patients drawn */
  gsize *columns;                   /* patient index of each column, oncoprint order */
  ObPlotRect patient_bars;          /* alterations per patient; width 0 without them */
  gsize patient_bars_max;
  ObPlotRect annotation;            /* the track; width 0 without one */
  char **annotation_levels;         /* distinct values, sorted; NULL without a track */
  guint *annotation_codes;          /* per column: index into annotation_levels, or G_MAXUINT */
  ObPlotRect bars;                  /* the counts by type at the right */
  ObPlotScale bar_scale;
  double *bar_ticks;
  guint n_bar_ticks;
  double gene_x, pct_x;             /* right edges of the gene names and the percentages */
  double legend_y;
  ObPlotRect title_box;
  double bottom;                    /* lowest point drawn, margin included */
  GArray *text_boxes;               /* ObPlotRect of every text */
  const ObOncoprint *source;
} ObOncoprintLayout;

ObOncoprintLayout *ob_oncoprint_layout      (const ObOncoprint *plot, double width_pt,
                                             double height_pt);
void               ob_oncoprint_layout_free (ObOncoprintLayout *layout);
double             ob_oncoprint_natural_height (const ObOncoprint *plot, double width_pt);

/* What is under page point (x, y): a cell (gene and patient), a gene's row label or bar
 * (patient G_MAXSIZE), or nothing (FALSE). */
gboolean ob_oncoprint_layout_hit (const ObOncoprintLayout *layout, double x, double y,
                                  guint *gene, gsize *patient);

void ob_oncoprint_render        (cairo_t *cr, double width_pt, double height_pt,
                                 const ObOncoprint *plot);
void ob_oncoprint_render_layout (cairo_t *cr, const ObOncoprintLayout *layout);
/* Adapter for ob_plot_export(): user_data is a const ObOncoprint *. */
void ob_oncoprint_draw_func     (cairo_t *cr, double width_pt, double height_pt,
                                 gpointer user_data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ObOncoprintLayout, ob_oncoprint_layout_free)

G_END_DECLS
