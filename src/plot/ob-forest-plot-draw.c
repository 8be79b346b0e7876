/* ob-forest-plot-draw.c: drawing the subgroup forest plot
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-plot"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ob-forest-plot-private.h"

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
  box = cr != NULL ? ob_plot_text_draw (text, cr, str, x, y, xalign, yalign)
                   : ob_plot_text_box (text, str, x, y, xalign, yalign);
  if (boxes != NULL)
    g_array_append_val (boxes, box);
}

/* Multi-line headings, each line aligned on its own, the last line's bottom at y. */
static void
put_heading (ObPlotText *text,
             cairo_t    *cr,
             GArray     *boxes,
             const char *str,
             double      x,
             double      y,
             double      xalign)
{
  g_auto(GStrv) lines = NULL;
  double lh = ob_plot_text_line_height (text);
  guint n;

  if (str == NULL)
    return;
  lines = g_strsplit (str, "\n", -1);
  n = g_strv_length (lines);
  for (guint l = 0; l < n; l++)
    put (text, cr, boxes, lines[l], x, y - (n - 1 - l) * lh, xalign, 1);
}

void
ob_forest_layout_texts (const ObForestLayout *layout,
                        ObPlotText           *text,
                        cairo_t              *cr,
                        GArray               *boxes)
{
  const ObForestPlot *plot = layout->source;
  const ObSubgroups *sg = plot->subgroups;
  double em = plot->style.font_size, x1;

  if (cr != NULL)
    cairo_set_source_rgb (cr, 0, 0, 0);
  if (plot->title != NULL)
    {
      ob_plot_text_set_font (text, 1.15, TRUE);
      put (text, cr, boxes, plot->title, layout->title_box.x, layout->title_box.y, 0, 0);
    }

  ob_plot_text_set_font (text, 1, TRUE);
  put_heading (text, cr, boxes, _("Subgroup"), layout->col_label, layout->header_y, 0);
  put_heading (text, cr, boxes, layout->headers[0], layout->col_n, layout->header_y, 1);
  put_heading (text, cr, boxes, layout->headers[1], layout->col_events, layout->header_y, 1);
  put_heading (text, cr, boxes, layout->headers[2], layout->col_hr, layout->header_y, 0);
  put_heading (text, cr, boxes, layout->headers[3], layout->col_p, layout->header_y, 1);

  for (guint i = 0; i < layout->n_rows; i++)
    {
      const ObForestRowLayout *r = &layout->rows[i];
      g_autofree char *hr = NULL;

      if (r->kind == OB_FOREST_ROW_VARIABLE)
        {
          g_autofree char *name = ob_forest_pretty_name (sg->interactions[r->block].variable);
          g_autofree char *p = NULL;

          /* a heading has no counts beside it: it may run up to the intervals */
          ob_plot_text_set_font (text, 1, TRUE);
          ob_plot_text_set_max_width (text, layout->panel.x - em * 0.5 - layout->col_label);
          put (text, cr, boxes, name, layout->col_label, r->y, 0, 0.5);
          ob_plot_text_set_max_width (text, 0);
          ob_plot_text_set_font (text, 1, FALSE);
          if (plot->show_interaction)
            {
              p = ob_forest_format_interaction (sg->interactions[r->block].p);
              put (text, cr, boxes, p, layout->col_p, r->y, 1, 0.5);
            }
          continue;
        }

      ob_plot_text_set_font (text, 1, r->kind == OB_FOREST_ROW_OVERALL);
      if (r->kind == OB_FOREST_ROW_OVERALL)
        {
          ob_plot_text_set_max_width (text, layout->label_width);
          put (text, cr, boxes, _("All patients"), layout->col_label, r->y, 0, 0.5);
        }
      else
        {
          ob_plot_text_set_max_width (text, layout->label_width - (layout->col_indent
                                                                   - layout->col_label));
          put (text, cr, boxes, r->row->subgroup, layout->col_indent, r->y, 0, 0.5);
        }
      ob_plot_text_set_max_width (text, 0);
      for (guint c = 0; c < 2; c++)
        {
          g_autofree char *count = ob_forest_count_text (plot, r->row, c);

          put (text, cr, boxes, count, c == 0 ? layout->col_n : layout->col_events, r->y, 1,
               0.5);
        }
      hr = ob_forest_format_hr (r->row);
      put (text, cr, boxes, hr, layout->col_hr, r->y, 0, 0.5);
    }

  ob_plot_text_set_font (text, 1, FALSE);
  for (guint t = 0; t < layout->n_ticks; t++)
    {
      g_autofree char *label = ob_forest_format_tick (layout->ticks[t]);

      put (text, cr, boxes, label, ob_plot_scale_map (&layout->x, layout->ticks[t]),
           layout->tick_label_y, 0.5, 0);
    }

  /* "← Favours mutant | Favours wild-type →", meeting at the line of no effect */
  x1 = ob_plot_scale_map (&layout->x, 1);
  if (x1 >= layout->panel.x && x1 <= layout->panel.x + layout->panel.width)
    {
      const char *left_arm = sg->arm_names[1], *right_arm = sg->arm_names[0];
      g_autofree char *left = NULL, *right = NULL;
      ObPlotRect lb, rb;
      double xl = x1 - em * 0.35, xr = x1 + em * 0.35;

      /* TRANSLATORS: under a forest plot's axis; %s is a treatment arm or group */
      left = g_strdup_printf (_("\u2190 Favours %s"),
                              plot->favours_left != NULL ? plot->favours_left : left_arm);
      right = g_strdup_printf (_("Favours %s \u2192"),
                               plot->favours_right != NULL ? plot->favours_right : right_arm);
      lb = ob_plot_text_box (text, left, xl, layout->favours_y, 1, 0);
      rb = ob_plot_text_box (text, right, xr, layout->favours_y, 0, 0);
      /* keep both inside the figure, sliding outwards from the line if need be */
      if (lb.x < layout->margin)
        xl += layout->margin - lb.x;
      if (rb.x + rb.width > layout->width - layout->margin)
        xr -= rb.x + rb.width - (layout->width - layout->margin);
      put (text, cr, boxes, left, xl, layout->favours_y, 1, 0);
      put (text, cr, boxes, right, xr, layout->favours_y, 0, 0);
    }
}

static void
draw_arrow_head (cairo_t *cr,
                 double   x,
                 double   y,
                 double   dir,
                 double   size)
{
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x - dir * size, y - size * 0.55);
  cairo_line_to (cr, x - dir * size, y + size * 0.55);
  cairo_close_path (cr);
  cairo_fill (cr);
}

static void
draw_rows (cairo_t              *cr,
           const ObForestLayout *layout)
{
  const ObPlotStyle *ps = &layout->source->style;
  ObPlotColor ink = ob_plot_style_color (ps, 0, 1);
  double head = ps->font_size * 0.45;

  cairo_set_line_width (cr, ps->line_width);
  for (guint i = 0; i < layout->n_rows; i++)
    {
      const ObForestRowLayout *r = &layout->rows[i];
      double lo = r->x_lo, hi = r->x_hi;

      if (r->row == NULL || !isfinite (r->row->hr) || !isfinite (r->x_hr))
        continue;
      if (r->kind == OB_FOREST_ROW_OVERALL)
        {
          double h = layout->row_pitch * 0.36;

          /* the diamond spans the interval; its centre is the estimate */
          cairo_set_source_rgb (cr, 0, 0, 0);
          cairo_move_to (cr, lo, r->y);
          cairo_line_to (cr, r->x_hr, r->y - h);
          cairo_line_to (cr, hi, r->y);
          cairo_line_to (cr, r->x_hr, r->y + h);
          cairo_close_path (cr);
          cairo_fill (cr);
          if (r->clip_lo)
            draw_arrow_head (cr, lo - head * 0.2, r->y, -1, head);
          if (r->clip_hi)
            draw_arrow_head (cr, hi + head * 0.2, r->y, 1, head);
          continue;
        }
      cairo_set_source_rgb (cr, ink.r, ink.g, ink.b);
      if (r->clip_lo)
        lo += head;
      if (r->clip_hi)
        hi -= head;
      cairo_move_to (cr, lo, r->y);
      cairo_line_to (cr, hi, r->y);
      cairo_stroke (cr);
      if (r->clip_lo)
        draw_arrow_head (cr, r->x_lo, r->y, -1, head);
      if (r->clip_hi)
        draw_arrow_head (cr, r->x_hi, r->y, 1, head);
      if (r->marker > 0)
        {
          cairo_rectangle (cr, r->x_hr - r->marker / 2, r->y - r->marker / 2, r->marker,
                           r->marker);
          cairo_fill (cr);
        }
    }
}

void
ob_forest_plot_render_layout (cairo_t              *cr,
                              const ObForestLayout *layout)
{
  const ObForestPlot *plot = layout->source;
  const ObPlotStyle *ps = &plot->style;
  g_autoptr(ObPlotText) text = ob_forest_text_new (plot);
  double x0 = layout->panel.x, x1 = layout->panel.x + layout->panel.width;
  double top = layout->panel.y, ax = layout->axis_y;
  const ObSubgroupRow *overall = &plot->subgroups->overall;

  cairo_save (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);

  /* rule under the headings, across the table */
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, ps->axis_width);
  cairo_move_to (cr, layout->margin, layout->rule_y);
  cairo_line_to (cr, MAX (layout->col_p, layout->col_hr) , layout->rule_y);
  cairo_stroke (cr);

  /* the overall estimate, dashed and light, so each subgroup reads against it */
  if (isfinite (overall->hr) && overall->hr >= layout->x.lo && overall->hr <= layout->x.hi)
    {
      double xo = ob_plot_scale_map (&layout->x, overall->hr);
      const double dash[] = { ps->line_width * 3, ps->line_width * 2 };

      cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
      cairo_set_line_width (cr, ps->axis_width);
      cairo_set_dash (cr, dash, 2, 0);
      cairo_move_to (cr, xo, layout->rows[0].bottom);
      cairo_line_to (cr, xo, ax);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }

  /* line of no effect */
  if (layout->x.lo <= 1 && layout->x.hi >= 1)
    {
      double xn = ob_plot_scale_map (&layout->x, 1);

      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_set_line_width (cr, ps->axis_width);
      cairo_move_to (cr, xn, top);
      cairo_line_to (cr, xn, ax);
      cairo_stroke (cr);
    }

  /* axis and ticks */
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, ps->axis_width);
  cairo_move_to (cr, x0, ax);
  cairo_line_to (cr, x1, ax);
  for (guint t = 0; t < layout->n_ticks; t++)
    {
      double x = ob_plot_scale_map (&layout->x, layout->ticks[t]);

      cairo_move_to (cr, x, ax);
      cairo_line_to (cr, x, ax + ps->tick_length);
    }
  cairo_stroke (cr);

  draw_rows (cr, layout);
  ob_forest_layout_texts (layout, text, cr, NULL);
  cairo_restore (cr);
}

void
ob_forest_plot_render (cairo_t            *cr,
                       double              width_pt,
                       double              height_pt,
                       const ObForestPlot *plot)
{
  g_autoptr(ObForestLayout) layout = NULL;

  g_return_if_fail (cr != NULL && plot != NULL && plot->subgroups != NULL);

  layout = ob_forest_plot_layout (plot, width_pt, height_pt);
  ob_forest_plot_render_layout (cr, layout);
}

void
ob_forest_plot_draw_func (cairo_t  *cr,
                          double    width_pt,
                          double    height_pt,
                          gpointer  user_data)
{
  ob_forest_plot_render (cr, width_pt, height_pt, user_data);
}
