/* ob-oncoprint-draw.c: drawing the oncoprint
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-plot"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ob-oncoprint-private.h"

/* Light enough that any alteration colour stands out, dark enough to show on paper. */
#define UNALTERED_GREY 0.88

typedef struct
{
  ObPlotText *text;
  cairo_t *cr;
  GArray *boxes;
  gboolean annotation;      /* colours of the annotation track, not alteration types */
  const ObOncoprintLayout *layout;
} KeyContext;

static void
put (ObPlotText *text,
     cairo_t    *cr,
     GArray     *boxes,
     const char *str,
     double      x,
     double      y,
     double      xalign,
     double      yalign)
{
  ObPlotRect box;

  if (str == NULL || *str == '\0')
    return;
  if (cr != NULL)
    cairo_set_source_rgb (cr, 0, 0, 0);
  box = cr != NULL ? ob_plot_text_draw (text, cr, str, x, y, xalign, yalign)
                   : ob_plot_text_box (text, str, x, y, xalign, yalign);
  if (boxes != NULL)
    g_array_append_val (boxes, box);
}

static ObPlotColor
annotation_color (const ObOncoprintLayout *layout,
                  guint                    level)
{
  guint n = g_strv_length (layout->annotation_levels);

  /* two levels (mutant / wild-type, female / male) as dark and light grey keep the track
   * from competing with the alterations; more levels take the palette */
  if (n <= 2)
    {
      double v = level == 0 ? 0.30 : 0.70;

      return (ObPlotColor) { v, v, v };
    }
  return ob_plot_style_color (&layout->source->style, level, n);
}

static void
key_entry (gpointer    user_data,
           guint       index,
           const char *label,
           double      x,
           double      y,
           double      swatch)
{
  KeyContext *k = user_data;
  double lh = ob_plot_text_line_height (k->text);

  ob_plot_text_set_font (k->text, 1, index == G_MAXUINT);
  if (index == G_MAXUINT)
    {
      put (k->text, k->cr, k->boxes, label, x, y, 0, 0);
      ob_plot_text_set_font (k->text, 1, FALSE);
      return;
    }
  if (k->cr != NULL)
    {
      ObPlotColor c = k->annotation
                      ? annotation_color (k->layout, index)
                      : ob_oncoprint_type_color (label, index);

      cairo_set_source_rgb (k->cr, c.r, c.g, c.b);
      cairo_rectangle (k->cr, x, y + (lh - swatch) / 2, swatch, swatch);
      cairo_fill (k->cr);
    }
  put (k->text, k->cr, k->boxes, label, x + swatch + lh * 0.3, y, 0, 0);
}

void
ob_oncoprint_layout_texts (const ObOncoprintLayout *layout,
                           ObPlotText              *text,
                           cairo_t                 *cr,
                           GArray                  *boxes)
{
  const ObOncoprint *plot = layout->source;
  const ObLandscape *land = plot->landscape;
  double pitch = layout->row_height + layout->row_gap;
  double lh = ob_plot_text_line_height (text), y;
  KeyContext key = { text, cr, boxes, FALSE, layout };

  if (plot->title != NULL)
    {
      ob_plot_text_set_font (text, 1.15, TRUE);
      put (text, cr, boxes, plot->title, layout->title_box.x, layout->title_box.y, 0, 0);
    }
  ob_plot_text_set_font (text, 1, FALSE);
  if (layout->patient_bars.width > 0)
    {
      g_autofree char *max = g_strdup_printf ("%" G_GSIZE_FORMAT, layout->patient_bars_max);
      double x = layout->grid.x - plot->style.tick_length - lh * 0.15;
      ObPlotRect box = ob_plot_text_box (text, max, x, layout->patient_bars.y, 1, 0.5);

      /* the bars' scale: the count at their top, and what they count, ellipsised rather
       * than pushed off the page when the gene names leave little room */
      put (text, cr, boxes, max, x, layout->patient_bars.y, 1, 0.5);
      ob_plot_text_set_max_width (text, box.x - lh * 0.4 - layout->margin);
      put (text, cr, boxes, _("Alterations"), box.x - lh * 0.4,
           layout->patient_bars.y + layout->patient_bars.height / 2, 1, 0.5);
      ob_plot_text_set_max_width (text, 0);
    }
  if (layout->annotation.width > 0 && plot->annotation_label != NULL)
    {
      ob_plot_text_set_max_width (text, layout->pct_x - layout->margin);
      put (text, cr, boxes, plot->annotation_label, layout->pct_x,
           layout->annotation.y + layout->annotation.height / 2, 1, 0.5);
      ob_plot_text_set_max_width (text, 0);
    }
  for (guint g = 0; g < land->n_genes; g++)
    {
      double yc = layout->grid.y + g * pitch + layout->row_height / 2;
      g_autofree char *pct = ob_oncoprint_format_pct (land->genes[g].pct);

      ob_plot_text_set_italic (text, TRUE);
      put (text, cr, boxes, land->genes[g].gene, layout->gene_x, yc, 1, 0.5);
      ob_plot_text_set_italic (text, FALSE);
      put (text, cr, boxes, pct, layout->pct_x, yc, 1, 0.5);
    }
  y = layout->grid.y + layout->grid.height + plot->style.tick_length + lh * 0.1;
  for (guint t = 0; t < layout->n_bar_ticks; t++)
    {
      g_autofree char *label = ob_plot_scale_format (&layout->bar_scale, layout->bar_ticks[t],
                                                     1);

      put (text, cr, boxes, label, ob_plot_scale_map (&layout->bar_scale,
                                                      layout->bar_ticks[t]), y, 0.5, 0);
    }
  /* TRANSLATORS: the axis of the bars of altered patients per gene */
  put (text, cr, boxes, _("Patients"), layout->bars.x + layout->bars.width / 2, y + lh, 0.5, 0);

  y = ob_oncoprint_legend_flow (text, _("Alteration"), (const char * const *) land->types,
                                land->n_types, layout->margin, layout->width - layout->margin,
                                layout->legend_y, key_entry, &key);
  if (layout->annotation_levels != NULL)
    {
      key.annotation = TRUE;
      ob_oncoprint_legend_flow (text, plot->annotation_label != NULL
                                      ? plot->annotation_label : _("Annotation"),
                                (const char * const *) layout->annotation_levels,
                                g_strv_length (layout->annotation_levels), layout->margin,
                                layout->width - layout->margin, y + lh * 0.2, key_entry, &key);
    }
}

/* One row of cells: runs of equal cells as one rectangle when cells are thinner than a
 * visible gap (a million patients stay a few hundred rectangles); separate cells with a gap
 * otherwise. */
static void
draw_cells (cairo_t                 *cr,
            const ObOncoprintLayout *layout,
            const guint16           *row,
            double                   y,
            double                   h)
{
  const ObLandscape *land = layout->source->landscape;
  double cw = layout->cell_width, gap = cw >= 2.5 ? MIN (cw * 0.15, 1.0) : 0;
  gsize n = layout->n_columns;

  cairo_set_source_rgb (cr, UNALTERED_GREY, UNALTERED_GREY, UNALTERED_GREY);
  if (gap == 0)
    cairo_rectangle (cr, layout->grid.x, y, layout->grid.width, h);
  else
    for (gsize c = 0; c < n; c++)
      cairo_rectangle (cr, layout->grid.x + c * cw + gap / 2, y, cw - gap, h);
  cairo_fill (cr);

  for (gsize c = 0; c < n;)
    {
      guint16 v = row[layout->columns[c]];
      gsize end = c + 1;
      ObPlotColor color;

      if (gap == 0)
        while (end < n && row[layout->columns[end]] == v)
          end++;
      if (v != 0)
        {
          color = ob_oncoprint_type_color (land->types[v - 1], v - 1);
          cairo_set_source_rgb (cr, color.r, color.g, color.b);
          cairo_rectangle (cr, layout->grid.x + c * cw + gap / 2, y, (end - c) * cw - gap, h);
          cairo_fill (cr);
        }
      c = end;
    }
}

/* Stacked in gene order, so the bars read with the rows under them. */
static void
draw_patient_bars (cairo_t                 *cr,
                   const ObOncoprintLayout *layout)
{
  const ObLandscape *land = layout->source->landscape;
  const ObPlotRect *r = &layout->patient_bars;
  double unit = r->height / (double) layout->patient_bars_max, cw = layout->cell_width;
  double gap = cw >= 2.5 ? MIN (cw * 0.15, 1.0) : 0;

  for (gsize c = 0; c < layout->n_columns; c++)
    {
      double y = r->y + r->height;

      for (guint g = 0; g < land->n_genes; g++)
        {
          guint16 v = land->cells[(gsize) g * land->n_patients + layout->columns[c]];
          ObPlotColor color;

          if (v == 0)
            continue;
          color = ob_oncoprint_type_color (land->types[v - 1], v - 1);
          cairo_set_source_rgb (cr, color.r, color.g, color.b);
          cairo_rectangle (cr, r->x + c * cw + gap / 2, y - unit, cw - gap, unit);
          cairo_fill (cr);
          y -= unit;
        }
    }
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, layout->source->style.axis_width);
  cairo_move_to (cr, r->x - layout->source->style.tick_length, r->y);
  cairo_line_to (cr, r->x, r->y);
  cairo_line_to (cr, r->x, r->y + r->height);
  cairo_stroke (cr);
}

static void
draw_bars (cairo_t                 *cr,
           const ObOncoprintLayout *layout)
{
  const ObOncoprint *plot = layout->source;
  const ObLandscape *land = plot->landscape;
  double pitch = layout->row_height + layout->row_gap;
  double base = layout->bars.x, bottom = layout->grid.y + layout->grid.height;

  for (guint g = 0; g < land->n_genes; g++)
    {
      double x = base, y = layout->grid.y + g * pitch + layout->row_height * 0.12;
      gsize sum = 0;

      for (guint t = 0; t < land->n_types; t++)
        {
          gsize count = land->genes[g].type_counts[t];
          double x1;
          ObPlotColor c;

          if (count == 0)
            continue;
          sum += count;
          x1 = ob_plot_scale_map (&layout->bar_scale, (double) sum);
          c = ob_oncoprint_type_color (land->types[t], t);
          cairo_set_source_rgb (cr, c.r, c.g, c.b);
          cairo_rectangle (cr, x, y, x1 - x, layout->row_height * 0.76);
          cairo_fill (cr);
          x = x1;
        }
    }
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, plot->style.axis_width);
  cairo_move_to (cr, base, bottom);
  cairo_line_to (cr, layout->bars.x + layout->bars.width, bottom);
  for (guint t = 0; t < layout->n_bar_ticks; t++)
    {
      double x = ob_plot_scale_map (&layout->bar_scale, layout->bar_ticks[t]);

      cairo_move_to (cr, x, bottom);
      cairo_line_to (cr, x, bottom + plot->style.tick_length);
    }
  cairo_stroke (cr);
}

void
ob_oncoprint_render_layout (cairo_t                 *cr,
                            const ObOncoprintLayout *layout)
{
  const ObOncoprint *plot = layout->source;
  const ObLandscape *land = plot->landscape;
  g_autoptr(ObPlotText) text = ob_oncoprint_text_new (plot);
  double pitch = layout->row_height + layout->row_gap;

  cairo_save (cr);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
  if (layout->annotation.width > 0)
    {
      double cw = layout->cell_width;

      for (gsize c = 0; c < layout->n_columns; c++)
        {
          guint code = layout->annotation_codes[c];
          ObPlotColor color;

          if (code == G_MAXUINT)
            continue;
          color = annotation_color (layout, code);
          cairo_set_source_rgb (cr, color.r, color.g, color.b);
          cairo_rectangle (cr, layout->grid.x + c * cw, layout->annotation.y, cw,
                           layout->annotation.height);
          cairo_fill (cr);
        }
    }
  for (guint g = 0; g < land->n_genes; g++)
    draw_cells (cr, layout, land->cells + (gsize) g * land->n_patients,
                layout->grid.y + g * pitch, layout->row_height);
  if (layout->patient_bars.width > 0)
    draw_patient_bars (cr, layout);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_DEFAULT);
  draw_bars (cr, layout);
  ob_oncoprint_layout_texts (layout, text, cr, NULL);
  cairo_restore (cr);
}

void
ob_oncoprint_render (cairo_t           *cr,
                     double             width_pt,
                     double             height_pt,
                     const ObOncoprint *plot)
{
  g_autoptr(ObOncoprintLayout) layout = NULL;

  g_return_if_fail (cr != NULL && plot != NULL && plot->landscape != NULL);

  layout = ob_oncoprint_layout (plot, width_pt, height_pt);
  ob_oncoprint_render_layout (cr, layout);
}

void
ob_oncoprint_draw_func (cairo_t  *cr,
                        double    width_pt,
                        double    height_pt,
                        gpointer  user_data)
{
  ob_oncoprint_render (cr, width_pt, height_pt, user_data);
}
