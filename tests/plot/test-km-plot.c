/* test-km-plot.c: Kaplan–Meier figure geometry, table counts, hit tests and speed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-test"

#include "config.h"

#include <math.h>
#include <string.h>
#include <time.h>

#include <glib/gstdio.h>

#include "km-fixture.h"
#include "ob-km-plot-private.h"
#include "ob-plot-export.h"

typedef struct
{
  double width_mm, height_mm;
  ObKmRiskTable table;
  double font_size;
} Geometry;

static const Geometry geometries[] = {
  { 85, 80, OB_KM_RISK_TABLE_CLASSIC, 7 },
  { 89, 80, OB_KM_RISK_TABLE_CLASSIC, 7 },
  { 85, 80, OB_KM_RISK_TABLE_KMUNICATE, 7 },
  { 89, 80, OB_KM_RISK_TABLE_KMUNICATE, 6 },
  { 183, 120, OB_KM_RISK_TABLE_CLASSIC, 7 },
  { 183, 120, OB_KM_RISK_TABLE_KMUNICATE, 8 },
  { 254, 143, OB_KM_RISK_TABLE_KMUNICATE, 16 },   /* a slide */
};

static void
init_plot (ObKmPlot *plot, KmFixture *fx, const Geometry *g)
{
  memset (plot, 0, sizeof *plot);
  plot->fit = &fx->fit;
  plot->test = &fx->test;
  plot->cox = &fx->cox;
  ob_km_plot_style_init (&plot->style);
  plot->style.time_unit = "days";
  plot->style.risk_table = g->table;
  plot->style.plot_style.font_size = g->font_size;
  if (g->font_size > 10)
    {
      ob_plot_style_init_slide (&plot->style.plot_style);
      plot->style.plot_style.font_size = g->font_size;
    }
}

/* Counts as survival::lung gives them (plot-km-lung-risk.csv). */
static void
expected_counts (const char *group, double time, gsize out[3])
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "reference",
                                                 "plot-km-lung-risk.csv", NULL);
  g_autofree char *contents = NULL;
  g_auto (GStrv) lines = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto (GStrv) f = g_strsplit (lines[i], ",", -1);

      if (g_strv_length (f) == 5 && strcmp (f[0], group) == 0
          && g_ascii_strtod (f[1], NULL) == time)
        {
          out[0] = g_ascii_strtoull (f[2], NULL, 10);
          out[1] = g_ascii_strtoull (f[3], NULL, 10);
          out[2] = g_ascii_strtoull (f[4], NULL, 10);
          return;
        }
    }
  g_error ("no reference count for %s at %g", group, time);
}

static void
test_risk_table_counts (void)
{
  g_autoptr (KmFixture) fx = km_fixture_load_lung ();
  Geometry g = { 183, 120, OB_KM_RISK_TABLE_KMUNICATE, 7 };
  ObKmPlot plot;
  g_autoptr (ObKmLayout) layout = NULL;

  init_plot (&plot, fx, &g);
  layout = ob_km_plot_layout (&plot, OB_MM_TO_PT (g.width_mm), OB_MM_TO_PT (g.height_mm));

  /* Every 100 days on a full-width figure, on to the tick past the last time (1022). */
  g_assert_cmpuint (layout->n_ticks, ==, 12);
  g_assert_cmpfloat (layout->ticks[11], ==, 1100);
  g_assert_cmpuint (layout->n_cells, ==, 2 * 3 * 12);
  for (gsize k = 0; k < layout->n_cells; k++)
    {
      const ObKmRiskCell *cell = &layout->cells[k];
      gsize want[3];

      expected_counts (fx->fit.curves[cell->curve].name, cell->time, want);
      g_assert_cmpuint (cell->value, ==, want[cell->row]);
    }

  /* Classic table at a column width: only the at-risk row. */
  {
    g_autoptr (ObKmLayout) small = NULL;

    g.table = OB_KM_RISK_TABLE_CLASSIC;
    init_plot (&plot, fx, &g);
    small = ob_km_plot_layout (&plot, OB_MM_TO_PT (85), OB_MM_TO_PT (80));
    g_assert_cmpuint (small->n_cells, ==, 2 * small->n_ticks);
    for (gsize k = 0; k < small->n_cells; k++)
      {
        gsize want[3];

        g_assert_cmpuint (small->cells[k].row, ==, 0);
        expected_counts (fx->fit.curves[small->cells[k].curve].name, small->cells[k].time, want);
        g_assert_cmpuint (small->cells[k].value, ==, want[0]);
      }
  }
}

static void
test_risk_table_aligned (void)
{
  g_autoptr (KmFixture) fx = km_fixture_load_lung ();

  for (guint i = 0; i < G_N_ELEMENTS (geometries); i++)
    {
      const Geometry *g = &geometries[i];
      ObKmPlot plot;
      g_autoptr (ObKmLayout) layout = NULL;
      double axis_bottom;

      init_plot (&plot, fx, g);
      layout = ob_km_plot_layout (&plot, OB_MM_TO_PT (g->width_mm), OB_MM_TO_PT (g->height_mm));
      g_test_message ("%g × %g mm, %s table, %g pt", g->width_mm, g->height_mm,
                      ob_km_risk_table_to_string (g->table), g->font_size);
      g_assert_cmpuint (layout->n_cells, >, 0);
      axis_bottom = layout->x_axis.y + layout->x_axis.height;

      for (gsize k = 0; k < layout->n_cells; k++)
        {
          const ObKmRiskCell *cell = &layout->cells[k];
          double tick_x = ob_plot_scale_map (&layout->x, cell->time);
          double centre = cell->box.x + cell->box.width / 2;

          /* The tick positions are also where the curves put these times. */
          g_assert_cmpfloat (fabs (tick_x - (layout->plot.x + layout->plot.width * cell->time
                                                                / layout->x.hi)), <, 1e-9);
          g_assert_cmpfloat (fabs (centre - tick_x), <=, 0.5);
          g_assert_cmpfloat (cell->box.y, >=, axis_bottom);
          g_assert_false (ob_plot_rect_intersects (&cell->box, &layout->x_axis));
          /* Neighbours in a row must not touch. */
          if (k + 1 < layout->n_cells && layout->cells[k + 1].curve == cell->curve
              && layout->cells[k + 1].row == cell->row)
            g_assert_cmpfloat (cell->box.x + cell->box.width, <, layout->cells[k + 1].box.x);
        }
      g_assert_cmpfloat (layout->risk_table.y, >=, axis_bottom);
    }
}

/* The drawn numbers, not only their boxes, sit under their ticks: render at 300 dpi and find
 * each number's ink. */
static void
test_risk_table_ink (void)
{
  g_autoptr (KmFixture) fx = km_fixture_load_lung ();
  const double scale = 300 / 72.0;

  for (guint i = 0; i < G_N_ELEMENTS (geometries); i++)
    {
      const Geometry *g = &geometries[i];
      double w = OB_MM_TO_PT (g->width_mm), h = OB_MM_TO_PT (g->height_mm);
      ObKmPlot plot;
      g_autoptr (ObKmLayout) layout = NULL;
      cairo_surface_t *surface;
      cairo_t *cr;
      const guint8 *data;
      int stride, pw, ph;

      init_plot (&plot, fx, g);
      layout = ob_km_plot_layout (&plot, w, h);
      surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) ceil (w * scale),
                                            (int) ceil (h * scale));
      cr = cairo_create (surface);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_scale (cr, scale, scale);
      ob_km_plot_render_layout (cr, layout);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      data = cairo_image_surface_get_data (surface);
      stride = cairo_image_surface_get_stride (surface);
      pw = cairo_image_surface_get_width (surface);
      ph = cairo_image_surface_get_height (surface);

      for (gsize k = 0; k < layout->n_cells; k++)
        {
          const ObKmRiskCell *cell = &layout->cells[k];
          int x0 = MAX ((int) floor ((cell->box.x - 1) * scale), 0);
          int x1 = MIN ((int) ceil ((cell->box.x + cell->box.width + 1) * scale), pw - 1);
          int y0 = MAX ((int) floor (cell->box.y * scale), 0);
          int y1 = MIN ((int) ceil ((cell->box.y + cell->box.height) * scale), ph - 1);
          int ink_lo = G_MAXINT, ink_hi = -1;

          for (int y = y0; y <= y1; y++)
            {
              const guint32 *row = (const guint32 *) (data + (gsize) y * stride);

              for (int x = x0; x <= x1; x++)
                {
                  guint32 p = row[x];
                  int lum = (int) ((p >> 16) & 0xff) + (int) ((p >> 8) & 0xff) + (int) (p & 0xff);

                  if (lum < 3 * 200)
                    {
                      ink_lo = MIN (ink_lo, x);
                      ink_hi = MAX (ink_hi, x);
                    }
                }
            }
          g_assert_cmpint (ink_hi, >=, 0);
          /* Side bearings (a tabular "1" is narrow ink in a wide box) shift the ink from
           * the typographic centre by up to a tenth of the type size. */
          g_assert_cmpfloat (fabs ((ink_lo + ink_hi + 1) / 2.0 / scale
                                   - ob_plot_scale_map (&layout->x, cell->time)), <,
                             0.1 * g->font_size + 0.25);
        }
      cairo_surface_destroy (surface);
    }
}

static void
test_nothing_clipped (void)
{
  g_autoptr (KmFixture) fx = km_fixture_load_lung ();

  for (guint i = 0; i < G_N_ELEMENTS (geometries); i++)
    {
      const Geometry *g = &geometries[i];
      double w = OB_MM_TO_PT (g->width_mm), h = OB_MM_TO_PT (g->height_mm);
      ObPlotRect page = { 0, 0, w, h };
      ObKmPlot plot;
      g_autoptr (ObKmLayout) layout = NULL;
      cairo_surface_t *rec;
      cairo_t *cr;
      double ix, iy, iw, ih;

      init_plot (&plot, fx, g);
      plot.style.title = "Overall survival by sex";
      /* Every other size with the longer legend: medians and their CIs. */
      plot.style.show_median = i % 2 == 1;
      layout = ob_km_plot_layout (&plot, w, h);
      g_test_message ("%g × %g mm, %s table", g->width_mm, g->height_mm,
                      ob_km_risk_table_to_string (g->table));

      g_assert_cmpuint (layout->text_boxes->len, >, 20);
      for (guint a = 0; a < layout->text_boxes->len; a++)
        {
          const ObPlotRect *ra = &g_array_index (layout->text_boxes, ObPlotRect, a);

          g_assert_true (ob_plot_rect_contains (&page, ra, 0.01));
          for (guint b = a + 1; b < layout->text_boxes->len; b++)
            {
              const ObPlotRect *rb = &g_array_index (layout->text_boxes, ObPlotRect, b);

              if (ob_plot_rect_intersects (ra, rb))
                g_error ("text boxes %u (%g,%g %g×%g) and %u (%g,%g %g×%g) overlap", a, ra->x,
                         ra->y, ra->width, ra->height, b, rb->x, rb->y, rb->width, rb->height);
            }
        }
      /* Each block sits in a corner of the plot or, when none was free, above it. */
      if (layout->blocks_outside)
        g_test_message ("legend or statistics above the plot");
      g_assert_true (ob_plot_rect_contains (&layout->plot, &layout->legend, 0.01)
                     || layout->legend.y + layout->legend.height <= layout->plot.y);
      g_assert_true (ob_plot_rect_contains (&layout->plot, &layout->annotation, 0.01)
                     || layout->annotation.y + layout->annotation.height <= layout->plot.y);
      g_assert_cmpuint (layout->blocks_outside, ==,
                        !ob_plot_rect_contains (&layout->plot, &layout->legend, 0.01)
                        || !ob_plot_rect_contains (&layout->plot, &layout->annotation, 0.01));

      /* And the ink itself, whatever the layout believes. */
      rec = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
      cr = cairo_create (rec);
      ob_km_plot_render_layout (cr, layout);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_recording_surface_ink_extents (rec, &ix, &iy, &iw, &ih);
      cairo_surface_destroy (rec);
      g_assert_cmpfloat (ix, >=, 0);
      g_assert_cmpfloat (iy, >=, 0);
      g_assert_cmpfloat (ix + iw, <=, w);
      g_assert_cmpfloat (iy + ih, <=, h);
      /* The figure fills its page: not a postage stamp in a corner. */
      g_assert_cmpfloat (iw, >, 0.9 * w);
      g_assert_cmpfloat (ih, >, 0.9 * h);
    }
}

/* Four groups and KMunicate on a column-wide page: the table must not crush the curves, and
 * nothing may collide. */
static void
test_many_groups (void)
{
  g_autoptr (KmFixture) fx = km_fixture_load_lung ();
  /* Japanese names come from a fallback font with taller lines. */
  const char *names[] = { "adenocarcinoma, EGFR exon 19 deletion, after osimertinib", "大細胞癌",
                          "small cell", "扁平上皮癌" };
  ObKmCurve curves[4];
  ObKmFit fit = fx->fit;
  Geometry g = { 85, 80, OB_KM_RISK_TABLE_KMUNICATE, 7 };
  double w = OB_MM_TO_PT (85), h = OB_MM_TO_PT (80);
  ObPlotRect page = { 0, 0, w, h };
  ObKmPlot plot;
  g_autoptr (ObKmLayout) layout = NULL;

  for (guint c = 0; c < 4; c++)
    {
      curves[c] = fx->fit.curves[c % 2];
      curves[c].name = (char *) names[c];
    }
  fit.curves = curves;
  fit.n_curves = 4;
  init_plot (&plot, fx, &g);
  plot.fit = &fit;
  plot.cox = NULL;
  layout = ob_km_plot_layout (&plot, w, h);

  g_assert_true (layout->compact_table);
  /* A long name is cut short rather than squeezing the plot. */
  g_assert_cmpfloat (layout->plot.x, <, 0.45 * w);
  g_assert_cmpuint (layout->n_cells, ==, 4 * 3 * layout->n_ticks);
  g_assert_cmpfloat (layout->plot.height, >=, 0.3 * h);
  for (guint a = 0; a < layout->text_boxes->len; a++)
    {
      const ObPlotRect *ra = &g_array_index (layout->text_boxes, ObPlotRect, a);

      g_assert_true (ob_plot_rect_contains (&page, ra, 0.01));
      for (guint b = a + 1; b < layout->text_boxes->len; b++)
        {
          const ObPlotRect *rb = &g_array_index (layout->text_boxes, ObPlotRect, b);

          g_assert_false (ob_plot_rect_intersects (ra, rb));
        }
    }
  for (gsize k = 0; k < layout->n_cells; k++)
    g_assert_cmpfloat (fabs (layout->cells[k].box.x + layout->cells[k].box.width / 2
                             - ob_plot_scale_map (&layout->x, layout->cells[k].time)), <=, 0.5);
}

static void
render_ok (const ObKmPlot *plot, double w, double h)
{
  cairo_surface_t *rec = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (rec);

  ob_km_plot_render (cr, w, h, plot);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (rec);
}

static double
last_time (const ObKmFit *fit)
{
  double t = 0;

  for (guint c = 0; c < fit->n_curves; c++)
    t = MAX (t, ob_km_curve_last_time (&fit->curves[c]));
  return t;
}

/* The axis, the curves and the table end together, on a tick at or past the last time, and
 * no sooner than one step before it. */
static void
assert_axis_ends_on_tick (const ObKmLayout *layout, double last)
{
  double end = layout->ticks[layout->n_ticks - 1];

  g_assert_cmpuint (layout->n_ticks, >=, 3);
  g_assert_cmpfloat (end, ==, layout->x.hi);
  g_assert_cmpfloat (end, >=, last);
  g_assert_cmpfloat (layout->ticks[layout->n_ticks - 2], <, last);
  g_assert_cmpfloat (fabs (ob_plot_scale_map (&layout->x, end)
                           - (layout->plot.x + layout->plot.width)), <, 1e-9);
  for (gsize k = 0; k < layout->n_cells; k++)
    g_assert_cmpfloat (layout->cells[k].time, <=, end);
  g_assert_cmpfloat (layout->cells[layout->n_cells - 1].time, ==, end);
}

static void
test_axis_ends_on_tick (void)
{
  g_autoptr (KmFixture) fx = km_fixture_load_lung ();
  double last = last_time (&fx->fit);
  double month_ends[] = { 34.2, 35.1, 59.5, 7.9, 121 };

  g_assert_cmpfloat (last, ==, 1022);
  for (guint i = 0; i < G_N_ELEMENTS (geometries); i++)
    {
      const Geometry *g = &geometries[i];
      ObKmPlot plot;
      g_autoptr (ObKmLayout) layout = NULL;

      init_plot (&plot, fx, g);
      layout = ob_km_plot_layout (&plot, OB_MM_TO_PT (g->width_mm), OB_MM_TO_PT (g->height_mm));
      g_test_message ("%g mm: %u ticks to %g", g->width_mm, layout->n_ticks, layout->x.hi);
      assert_axis_ends_on_tick (layout, last);
      /* Little empty room after the data: less than a fifth of the axis. */
      g_assert_cmpfloat ((layout->x.hi - last) / layout->x.hi, <, 0.2);
    }

  /* A step the user chose still ends on a tick past the data. */
  {
    ObKmPlot plot;
    g_autoptr (ObKmLayout) layout = NULL;

    init_plot (&plot, fx, &geometries[0]);
    plot.style.x_step = 365.25;
    layout = ob_km_plot_layout (&plot, OB_MM_TO_PT (85), OB_MM_TO_PT (80));
    assert_axis_ends_on_tick (layout, last);
    g_assert_cmpfloat (layout->x.hi, ==, 3 * 365.25);
  }

  /* Months step in 3, 6, 12…: a cohort followed to 35.1 months ends at 36. */
  for (guint i = 0; i < G_N_ELEMENTS (month_ends); i++)
    {
      ObKmFit fit = fx->fit;
      ObKmCurve curves[2];
      ObKmPlot plot;
      g_autoptr (ObKmLayout) layout = NULL;

      /* Rescale lung's days so that its last time lands on month_ends[i]. */
      for (guint c = 0; c < 2; c++)
        {
          curves[c] = fx->fit.curves[c];
          curves[c].steps = g_memdup2 (fx->fit.curves[c].steps,
                                       curves[c].n_steps * sizeof (ObKmStep));
          for (gsize k = 0; k < curves[c].n_steps; k++)
            curves[c].steps[k].time *= month_ends[i] / last;
        }
      fit.curves = curves;
      init_plot (&plot, fx, &geometries[1]);
      plot.fit = &fit;
      plot.style.time_unit = "months";
      layout = ob_km_plot_layout (&plot, OB_MM_TO_PT (89), OB_MM_TO_PT (80));
      g_test_message ("%g months: step %g to %g", month_ends[i], layout->x.step, layout->x.hi);
      assert_axis_ends_on_tick (layout, month_ends[i] * (1 - 1e-12));
      g_assert_true (layout->x.step == 1 || layout->x.step == 2 || layout->x.step == 3
                     || fmod (layout->x.step, 6) == 0);
      if (i == 1)
        g_assert_cmpfloat (layout->x.hi, ==, 36);
      for (guint c = 0; c < 2; c++)
        g_free (curves[c].steps);
    }
}

/* Right-aligned row labels keep at least most of an em before the first column of counts,
 * however short the label ("1") and however wide the count. */
static void
test_risk_table_label_gap (void)
{
  g_autoptr (KmFixture) fx = km_fixture_load_lung ();
  const char *names[] = { "1", "2" };

  for (guint i = 0; i < G_N_ELEMENTS (geometries); i++)
    {
      const Geometry *g = &geometries[i];
      ObKmFit fit = fx->fit;
      ObKmCurve curves[2] = { fx->fit.curves[0], fx->fit.curves[1] };
      ObKmPlot plot;
      g_autoptr (ObKmLayout) layout = NULL;
      double fs = g->font_size;
      guint first = 0;

      curves[0].name = (char *) names[0];
      curves[1].name = (char *) names[1];
      fit.curves = curves;
      init_plot (&plot, fx, g);
      plot.fit = &fit;
      layout = ob_km_plot_layout (&plot, OB_MM_TO_PT (g->width_mm), OB_MM_TO_PT (g->height_mm));
      for (gsize k = 0; k < layout->n_cells; k++)
        {
          const ObKmRiskCell *cell = &layout->cells[k];

          if (cell->time != layout->ticks[0])
            continue;
          first++;
          g_assert_cmpfloat (cell->box.x - layout->row_label_right, >=, 0.8 * fs);
          /* The label itself ends at row_label_right: find its box on the cell's line. */
          for (guint b = 0; b < layout->text_boxes->len; b++)
            {
              const ObPlotRect *r = &g_array_index (layout->text_boxes, ObPlotRect, b);

              if (r->x + r->width <= layout->row_label_right + 0.5
                  && r->x + r->width > layout->row_label_right - 0.5
                  && r->y < cell->y && r->y + r->height > cell->y)
                g_assert_cmpfloat (cell->box.x - (r->x + r->width), >=, 0.8 * fs);
            }
        }
      g_assert_cmpuint (first, >, 0);
    }
}

/* Whether any visible curve passes through r: its level across r, or a drop within it. */
static gboolean
curve_crosses (const ObKmLayout *layout, const ObPlotRect *r)
{
  const ObKmPlot *plot = layout->source;

  for (guint c = 0; c < plot->fit->n_curves; c++)
    {
      const ObKmCurve *curve = &plot->fit->curves[c];
      double prev = NAN;

      for (double px = r->x; px <= r->x + r->width; px += 0.25)
        {
          double t = ob_plot_scale_unmap (&layout->x, px);
          gsize i;
          double y, lo, hi;

          if (t < 0 || t > ob_km_curve_last_time (curve))
            continue;
          i = ob_km_steps_upto (curve, t);
          y = ob_plot_scale_map (&layout->y, (i > 0 ? curve->steps[i - 1].surv : 1)
                                             * layout->y_factor);
          lo = isnan (prev) ? y : MIN (y, prev);
          hi = isnan (prev) ? y : MAX (y, prev);
          prev = y;
          if (hi >= r->y && lo <= r->y + r->height)
            return TRUE;
        }
    }
  return FALSE;
}

/* Four crossing groups with a KMunicate table in one column: no text over a curve. */
static void
test_blocks_clear_of_curves (void)
{
  g_autoptr (KmFixture) fx = km_fixture_load_lung ();
  const char *names[] = { "adeno", "large", "smallcell", "squamous" };
  const double scale[] = { 0.2, 0.55, 0.4, 1 };
  const double widths[] = { 85, 89 };
  ObKmCurve curves[4];
  ObKmFit fit = fx->fit;

  for (guint c = 0; c < 4; c++)
    {
      curves[c] = fx->fit.curves[c % 2];
      curves[c].name = (char *) names[c];
      curves[c].steps = g_memdup2 (fx->fit.curves[c % 2].steps,
                                   curves[c].n_steps * sizeof (ObKmStep));
      for (gsize k = 0; k < curves[c].n_steps; k++)
        curves[c].steps[k].time *= scale[c];
    }
  fit.curves = curves;
  fit.n_curves = 4;
  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      Geometry g = { widths[i], 80, OB_KM_RISK_TABLE_KMUNICATE, 7 };
      ObKmPlot plot;
      g_autoptr (ObKmLayout) layout = NULL;

      init_plot (&plot, fx, &g);
      plot.fit = &fit;
      plot.cox = NULL;
      plot.style.group_label = "celltype";
      layout = ob_km_plot_layout (&plot, OB_MM_TO_PT (g.width_mm), OB_MM_TO_PT (80));
      g_assert_cmpfloat (layout->legend.width, >, 0);
      g_assert_cmpfloat (layout->annotation.width, >, 0);
      g_assert_cmpuint (layout->crowded_blocks, ==, 0);
      g_assert_false (curve_crosses (layout, &layout->legend));
      g_assert_false (curve_crosses (layout, &layout->annotation));
      g_assert_cmpfloat (layout->plot.height, >=, 0.25 * OB_MM_TO_PT (80));
    }
  for (guint c = 0; c < 4; c++)
    g_free (curves[c].steps);
}

/* The grouping column titles the legend and the classic table. */
static void
test_group_label (void)
{
  g_autoptr (KmFixture) fx = km_fixture_load_lung ();
  ObKmPlot plot;
  g_autoptr (ObKmLayout) bare = NULL;
  g_autoptr (ObKmLayout) titled = NULL;
  g_autofree char *header = NULL;

  init_plot (&plot, fx, &geometries[1]);
  bare = ob_km_plot_layout (&plot, OB_MM_TO_PT (89), OB_MM_TO_PT (80));
  header = ob_km_plot_table_header (&plot);
  g_assert_cmpstr (header, ==, "Number at risk");
  g_clear_pointer (&header, g_free);
  plot.style.group_label = "";
  g_assert_null (ob_km_plot_group_label (&plot));
  plot.style.group_label = "sex";
  titled = ob_km_plot_layout (&plot, OB_MM_TO_PT (89), OB_MM_TO_PT (80));
  header = ob_km_plot_table_header (&plot);
  g_assert_cmpstr (header, ==, "Number at risk by sex");
  /* One more line in the legend, and the header box grows with its text. */
  g_assert_cmpfloat (titled->legend.height, >, bare->legend.height);
  g_assert_cmpfloat (titled->table_header_box.width, >, bare->table_header_box.width);
  render_ok (&plot, OB_MM_TO_PT (89), OB_MM_TO_PT (80));
}

static void
test_edge_cases (void)
{
  g_autoptr (KmFixture) fx = km_fixture_load_lung ();
  Geometry g = { 89, 80, OB_KM_RISK_TABLE_KMUNICATE, 7 };
  double w = OB_MM_TO_PT (89), h = OB_MM_TO_PT (80);
  ObKmCurve empty[2];
  ObKmFit fit = fx->fit;
  ObKmPlot plot;

  /* A time axis cut short: ticks, table and curves stop at x_max. */
  init_plot (&plot, fx, &g);
  plot.style.x_max = 500;
  plot.style.x_step = 100;
  {
    g_autoptr (ObKmLayout) layout = ob_km_plot_layout (&plot, w, h);

    g_assert_cmpuint (layout->n_ticks, ==, 6);
    g_assert_cmpfloat (layout->ticks[5], ==, 500);
    g_assert_cmpfloat (layout->x.hi, ==, 500);
  }
  render_ok (&plot, w, h);

  /* One curve: no legend; every curve hidden; no test, no Cox, no annotation. */
  plot.style.hidden_groups = 2;
  {
    g_autoptr (ObKmLayout) layout = ob_km_plot_layout (&plot, w, h);

    g_assert_cmpfloat (layout->legend.width, ==, 0);
    g_assert_cmpuint (layout->n_cells, ==, 3 * layout->n_ticks);
  }
  render_ok (&plot, w, h);
  plot.style.hidden_groups = 3;
  plot.test = NULL;
  plot.cox = NULL;
  render_ok (&plot, w, h);
  plot.style.show_annotation = FALSE;
  plot.style.risk_table = OB_KM_RISK_TABLE_NONE;
  {
    g_autoptr (ObKmLayout) layout = ob_km_plot_layout (&plot, w, h);

    g_assert_cmpuint (layout->n_cells, ==, 0);
    g_assert_cmpfloat (layout->annotation.width, ==, 0);
  }
  render_ok (&plot, w, h);

  /* Groups with no rows left after a filter, and a tiny page. */
  memset (empty, 0, sizeof empty);
  empty[0].name = (char *) "none";
  empty[1].name = (char *) "either";
  empty[0].median = empty[1].median = NAN;
  fit.curves = empty;
  init_plot (&plot, fx, &g);
  plot.fit = &fit;
  plot.cox = NULL;
  render_ok (&plot, w, h);
  render_ok (&plot, 20, 15);
}

static void
test_annotation (void)
{
  g_autoptr (KmFixture) fx = km_fixture_load_lung ();
  Geometry g = { 89, 80, OB_KM_RISK_TABLE_CLASSIC, 7 };
  ObKmPlot plot;
  g_autoptr (ObKmLayout) layout = NULL;
  gboolean found_p = FALSE, found_hr = FALSE, found_ci = FALSE;
  GPtrArray *lines;

  init_plot (&plot, fx, &g);
  layout = ob_km_plot_layout (&plot, OB_MM_TO_PT (89), OB_MM_TO_PT (80));
  g_assert_false (ob_plot_rect_intersects (&layout->legend, &layout->annotation));

  /* Neither block sits on a curve: follow each curve across each block, drops included. */
  for (guint c = 0; c < fx->fit.n_curves; c++)
    {
      const ObKmCurve *curve = &fx->fit.curves[c];
      const ObPlotRect *blocks[] = { &layout->legend, &layout->annotation };

      for (guint b = 0; b < G_N_ELEMENTS (blocks); b++)
        {
          double y_prev = NAN;

          g_assert_cmpfloat (blocks[b]->width, >, 0);
          for (double x = blocks[b]->x; x <= blocks[b]->x + blocks[b]->width; x += 0.25)
            {
              double t = ob_plot_scale_unmap (&layout->x, x), s = 1, y;

              for (gsize i = 0; i < curve->n_steps && curve->steps[i].time <= t; i++)
                s = curve->steps[i].surv;
              if (t > curve->steps[curve->n_steps - 1].time)
                break;
              y = ob_plot_scale_map (&layout->y, s);
              if (isnan (y_prev))
                y_prev = y;
              g_assert_false (MAX (y, y_prev) > blocks[b]->y
                              && MIN (y, y_prev) < blocks[b]->y + blocks[b]->height);
              y_prev = y;
            }
        }
    }

  /* What R reports for lung: log-rank p 0.00131, HR 0.588 (0.424–0.816). */
  lines = ob_km_plot_annotation_lines (&plot);
  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, i);

      g_test_message ("%s", line);
      found_p |= strcmp (line, "Log-rank p = 0.0013") == 0;
      found_hr |= strcmp (line, "HR Female vs Male: 0.59 (0.42\u20130.82)") == 0;
      found_ci |= strstr (line, "95% CI") != NULL && strstr (line, "log-log") != NULL;
    }
  g_ptr_array_unref (lines);
  g_assert_true (found_p);

  /* Medians and their CIs as survfit gives them for lung: 270 (210–306), 426 (345–524). */
  plot.style.show_median = TRUE;
  {
    g_autofree char *male = ob_km_plot_legend_label (&plot, &fx->fit.curves[0]);
    g_autofree char *female = ob_km_plot_legend_label (&plot, &fx->fit.curves[1]);

    g_assert_cmpstr (male, ==, "Male (n = 138), median 270 (210\u2013306)");
    g_assert_cmpstr (female, ==, "Female (n = 90), median 426 (345\u2013524)");
  }
  g_assert_true (found_hr);
  g_assert_true (found_ci);
}

static void
test_p_format (void)
{
  struct { double p; const char *s; } cases[] = {
    { 0.0008, "p = 0.0008" }, { 0.00003, "p < 0.0001" }, { 0.0013111645, "p = 0.0013" },
    { 0.0052, "p = 0.0052" },
    { 0.0312, "p = 0.03" }, { 0.0496, "p = 0.050" }, { 0.5, "p = 0.50" }, { 0.999, "p > 0.99" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *s = ob_plot_format_p (cases[i].p);

      g_assert_cmpstr (s, ==, cases[i].s);
    }
}

static void
test_hit_test (void)
{
  g_autoptr (KmFixture) fx = km_fixture_load_lung ();
  Geometry g = { 183, 120, OB_KM_RISK_TABLE_CLASSIC, 7 };
  ObKmPlot plot;
  g_autoptr (ObKmLayout) layout = NULL;
  const ObKmCurve *male = &fx->fit.curves[0];
  double s300 = 1, x, y;
  gsize want[3];
  ObKmHit hit;

  init_plot (&plot, fx, &g);
  plot.style.show_annotation = FALSE;
  layout = ob_km_plot_layout (&plot, OB_MM_TO_PT (183), OB_MM_TO_PT (120));

  for (gsize i = 0; i < male->n_steps && male->steps[i].time <= 300; i++)
    s300 = male->steps[i].surv;
  x = ob_plot_scale_map (&layout->x, 300);
  y = ob_plot_scale_map (&layout->y, s300) + 1;
  g_assert_true (ob_km_plot_hit_test (layout, x, y, &hit));
  g_assert_cmpuint (hit.curve, ==, 0);
  g_assert_cmpfloat (fabs (hit.time - 300), <, 1e-9);
  g_assert_cmpfloat (hit.surv, ==, s300);
  expected_counts ("Male", 300, want);
  g_assert_cmpuint (hit.n_risk, ==, want[0]);

  /* Far from any curve, or outside the plot. */
  g_assert_false (ob_km_plot_hit_test (layout, x, ob_plot_scale_map (&layout->y, 0.95), &hit));
  g_assert_false (ob_km_plot_hit_test (layout, 1, y, &hit));

  /* Hidden curves are not hit, and leave the table. */
  plot.style.hidden_groups = 1;
  {
    g_autoptr (ObKmLayout) hidden = ob_km_plot_layout (&plot, OB_MM_TO_PT (183),
                                                       OB_MM_TO_PT (120));

    g_assert_true (!ob_km_plot_hit_test (hidden, x, y, &hit) || hit.curve == 1);
    for (gsize k = 0; k < hidden->n_cells; k++)
      g_assert_cmpuint (hidden->cells[k].curve, ==, 1);
    g_assert_cmpfloat (hidden->legend.width, ==, 0);
  }
}

static double
thread_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (double) ts.tv_sec + (double) ts.tv_nsec * 1e-9;
}

static void
test_large_fit_fast (void)
{
  g_autoptr (KmFixture) fx = km_fixture_new_large (100000);
  Geometry g = { 183, 120, OB_KM_RISK_TABLE_CLASSIC, 7 };
  double w = OB_MM_TO_PT (183), h = OB_MM_TO_PT (120);
  cairo_surface_t *surface;
  cairo_t *cr;
  ObKmPlot plot;
  double best = INFINITY;
#if defined(__SANITIZE_ADDRESS__)
  const double limit = 0.25;   /* instrumented builds are several times slower */
#else
  const double limit = 0.016;
#endif

  init_plot (&plot, fx, &g);
  plot.test = NULL;
  plot.cox = NULL;
  /* A screen-sized view, as the figure widget draws it, with the default (print) style. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) (w * 1.5), (int) (h * 1.5));
  cr = cairo_create (surface);
  cairo_scale (cr, 1.5, 1.5);
  /* CPU time of this thread, so that a busy machine does not fail the test. */
  for (int round = 0; round < 10; round++)
    {
      double start = thread_seconds ();

      ob_km_plot_render (cr, w, h, &plot);
      best = MIN (best, thread_seconds () - start);
    }
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  g_test_message ("100k rows: %.2f ms", best * 1e3);
  g_assert_cmpfloat (best, <, limit);
}

static void
test_export_example (void)
{
  g_autoptr (KmFixture) fx = km_fixture_load_lung ();
  const char *out = g_getenv ("OB_KM_PLOT_OUT");
  g_autofree char *dir = out ? g_strdup (out) : g_dir_make_tmp ("ob-km-XXXXXX", NULL);
  struct { const char *name; Geometry g; } figures[] = {
    { "lung-89x80.pdf", { 89, 80, OB_KM_RISK_TABLE_CLASSIC, 7 } },
    { "lung-183x120.pdf", { 183, 120, OB_KM_RISK_TABLE_CLASSIC, 7 } },
    { "lung-kmunicate-183x120.pdf", { 183, 120, OB_KM_RISK_TABLE_KMUNICATE, 7 } },
    { "lung-kmunicate-89x80.png", { 89, 80, OB_KM_RISK_TABLE_KMUNICATE, 7 } },
    { "lung-grey-percent-89x80.pdf", { 89, 80, OB_KM_RISK_TABLE_CLASSIC, 7 } },
    { "lung-slide.png", { 254, 143, OB_KM_RISK_TABLE_CLASSIC, 16 } },
  };

  g_assert_nonnull (dir);
  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    {
      g_autofree char *path = g_build_filename (dir, figures[i].name, NULL);
      g_autoptr (GError) error = NULL;
      ObPlotFormat fmt;
      ObKmPlot plot;

      init_plot (&plot, fx, &figures[i].g);
      plot.style.show_median = i == 1 || i == 4;
      if (i == 4)
        {
          plot.style.plot_style.palette = OB_PLOT_PALETTE_GREYSCALE;
          plot.style.plot_style.dashes = TRUE;
          plot.style.y_percent = TRUE;
          plot.style.title = "Overall survival";
        }
      g_assert_true (ob_plot_format_from_path (path, &fmt, &error));
      g_assert_true (ob_plot_export (fmt, path, figures[i].g.width_mm, figures[i].g.height_mm,
                                     figures[i].g.font_size > 10 ? 96 : 300,
                                     ob_km_plot_draw_func, &plot, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
      if (out == NULL)
        g_remove (path);
    }
  if (out == NULL)
    g_rmdir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/plot/km/risk-table-counts", test_risk_table_counts);
  g_test_add_func ("/plot/km/risk-table-aligned", test_risk_table_aligned);
  g_test_add_func ("/plot/km/risk-table-ink", test_risk_table_ink);
  g_test_add_func ("/plot/km/nothing-clipped", test_nothing_clipped);
  g_test_add_func ("/plot/km/many-groups", test_many_groups);
  g_test_add_func ("/plot/km/axis-ends-on-tick", test_axis_ends_on_tick);
  g_test_add_func ("/plot/km/risk-table-label-gap", test_risk_table_label_gap);
  g_test_add_func ("/plot/km/blocks-clear-of-curves", test_blocks_clear_of_curves);
  g_test_add_func ("/plot/km/group-label", test_group_label);
  g_test_add_func ("/plot/km/edge-cases", test_edge_cases);
  g_test_add_func ("/plot/km/annotation", test_annotation);
  g_test_add_func ("/plot/km/p-format", test_p_format);
  g_test_add_func ("/plot/km/hit-test", test_hit_test);
  g_test_add_func ("/plot/km/large-fit-fast", test_large_fit_fast);
  g_test_add_func ("/plot/km/export-example", test_export_example);
  return g_test_run ();
}
