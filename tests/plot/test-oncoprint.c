/* test-oncoprint.c: the oncoprint's geometry, hit tests and export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-test"

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "ob-csv-reader.h"
#include "ob-oncoprint.h"
#include "ob-plot-export.h"

static ObLandscape *
alk_landscape (ObDataset **out_dataset)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "samples",
                                                 "alk-alterations.csv", NULL);
  const char *genes[] = { "tp53", "cdkn2a", "pik3ca", "myc", "egfr", "kras", NULL };
  g_autoptr(ObDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  ObLandscape *land;

  dataset = ob_csv_read_file (path, NULL, &error);
  g_assert_no_error (error);
  land = ob_landscape_new_wide (dataset, genes, "patient_id", NULL, &error);
  g_assert_no_error (error);
  if (out_dataset != NULL)
    *out_dataset = g_steal_pointer (&dataset);
  return land;
}

static void
check_texts (const ObOncoprintLayout *layout)
{
  GArray *boxes = layout->text_boxes;
  ObPlotRect page = { 0, 0, layout->width, layout->height };

  g_assert_cmpuint (boxes->len, >, 10);
  for (guint i = 0; i < boxes->len; i++)
    {
      const ObPlotRect *a = &g_array_index (boxes, ObPlotRect, i);

      if (!ob_plot_rect_contains (&page, a, 0.01))
        g_error ("text box %u (%.1f, %.1f, %.1f × %.1f) leaves the %.0f × %.0f figure", i,
                 a->x, a->y, a->width, a->height, layout->width, layout->height);
      if (ob_plot_rect_intersects (a, &layout->grid))
        g_error ("text box %u lies on the cells", i);
      for (guint j = i + 1; j < boxes->len; j++)
        {
          const ObPlotRect *b = &g_array_index (boxes, ObPlotRect, j);
          ObPlotRect shrunk = { b->x + 0.2, b->y + 0.2, b->width - 0.4, b->height - 0.4 };

          if (ob_plot_rect_intersects (a, &shrunk))
            g_error ("text boxes %u and %u overlap", i, j);
        }
    }
}

static void
check_layout (const ObOncoprint *plot,
              double             width_mm)
{
  const ObLandscape *land = plot->landscape;
  double width = OB_MM_TO_PT (width_mm);
  double height = ob_oncoprint_natural_height (plot, width);
  g_autoptr(ObOncoprintLayout) layout = ob_oncoprint_layout (plot, width, height);
  double pitch = layout->row_height + layout->row_gap;

  g_assert_cmpfloat (layout->bottom, <=, height + 0.01);
  g_assert_cmpuint (layout->n_columns, ==, land->n_patients);
  check_texts (layout);
  /* cells, bars and labels side by side, inside the page */
  g_assert_cmpfloat (layout->grid.x, >=, layout->pct_x);
  g_assert_cmpfloat (layout->grid.x + layout->grid.width, <=, layout->bars.x);
  g_assert_cmpfloat (layout->bars.x + layout->bars.width, <=, width);
  g_assert_cmpfloat_with_epsilon (layout->cell_width * layout->n_columns, layout->grid.width,
                                  1e-9);
  /* the bar axis reaches the most altered gene's count */
  g_assert_cmpfloat (layout->bar_ticks[layout->n_bar_ticks - 1], >=,
                     (double) land->genes[0].n_altered);

  /* the bars above count each patient's altered genes, and sit over the cells */
  {
    gsize max = 0;

    for (gsize p = 0; p < land->n_patients; p++)
      {
        gsize count = 0;

        for (guint g = 0; g < land->n_genes; g++)
          count += land->cells[(gsize) g * land->n_patients + p] != 0;
        max = MAX (max, count);
      }
    g_assert_cmpuint (layout->patient_bars_max, ==, max);
    g_assert_cmpfloat (layout->patient_bars.width, ==, layout->grid.width);
    g_assert_cmpfloat (layout->patient_bars.y + layout->patient_bars.height, <,
                       layout->grid.y);
  }

  /* every cell answers with its gene and patient, in oncoprint order */
  for (guint g = 0; g < land->n_genes; g++)
    for (gsize c = 0; c < layout->n_columns; c += 7)
      {
        double x = layout->grid.x + (c + 0.5) * layout->cell_width;
        double y = layout->grid.y + g * pitch + layout->row_height / 2;
        guint hit_gene = 0;
        gsize hit_patient = 0;

        g_assert_true (ob_oncoprint_layout_hit (layout, x, y, &hit_gene, &hit_patient));
        g_assert_cmpuint (hit_gene, ==, g);
        g_assert_cmpuint (hit_patient, ==, land->order[c]);
      }
  {
    guint g = 0;
    gsize p = 0;

    /* a gene's name selects the gene */
    g_assert_true (ob_oncoprint_layout_hit (layout, layout->margin + 1,
                                            layout->grid.y + pitch + layout->row_height / 2,
                                            &g, &p));
    g_assert_cmpuint (g, ==, 1);
    g_assert_cmpuint (p, ==, G_MAXSIZE);
    /* the gap between rows and the space below hold nothing */
    g_assert_false (ob_oncoprint_layout_hit (layout, layout->grid.x + 1,
                                             layout->grid.y + pitch - layout->row_gap / 2,
                                             &g, &p));
    g_assert_false (ob_oncoprint_layout_hit (layout, layout->grid.x + 1, layout->bottom - 1,
                                             &g, &p));
  }
}

static void
test_layout (void)
{
  g_autoptr(ObDataset) dataset = NULL;
  g_autoptr(ObLandscape) land = alk_landscape (&dataset);
  const ObColumn *tp53 = ob_dataset_lookup_column (dataset, "tp53");
  g_autofree const char **annotation = g_new0 (const char *, land->n_patients + 1);
  ObOncoprint plot;

  ob_oncoprint_init (&plot, land);
  check_layout (&plot, 89);
  check_layout (&plot, 183);
  for (gsize i = 0; i < land->n_patients; i++)
    annotation[i] = g_str_equal (ob_column_get_string (tp53, i), "none") ? "wild-type"
                                                                          : "mutant";
  plot.annotation = annotation;
  plot.annotation_label = "TP53 status";
  plot.title = "Co-alterations";
  check_layout (&plot, 89);
  check_layout (&plot, 183);
}

static void
test_colors (void)
{
  ObPlotColor missense = ob_oncoprint_type_color ("Missense_Mutation", 3);
  ObPlotColor amp = ob_oncoprint_type_color ("amplification", 0);
  ObPlotColor del = ob_oncoprint_type_color ("deep deletion", 0);
  ObPlotColor other1 = ob_oncoprint_type_color ("weird", 0);
  ObPlotColor other2 = ob_oncoprint_type_color ("odd", 1);

  /* green, red-orange and blue, whatever their position */
  g_assert_cmpfloat (missense.g, >, missense.r);
  g_assert_cmpfloat (amp.r, >, amp.b);
  g_assert_cmpfloat (del.b, >, del.r);
  g_assert_false (other1.r == other2.r && other1.g == other2.g && other1.b == other2.b);
}

static void
test_export (void)
{
  g_autoptr(ObLandscape) land = alk_landscape (NULL);
  g_autofree char *dir = g_dir_make_tmp ("oncoprint-XXXXXX", NULL);
  const char *names[] = { "oncoprint.pdf", "oncoprint.svg", "oncoprint.png" };
  ObOncoprint plot;

  ob_oncoprint_init (&plot, land);
  plot.show_unaltered = FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_autoptr(GError) error = NULL;
      ObPlotFormat format;
      GStatBuf st;

      g_assert_true (ob_plot_format_from_path (path, &format, &error));
      g_assert_true (ob_plot_export (format, path, 89, 45, 150, ob_oncoprint_draw_func, &plot,
                                     &error));
      g_assert_no_error (error);
      g_assert_cmpint (g_stat (path, &st), ==, 0);
      g_assert_cmpint (st.st_size, >, 1000);
      g_unlink (path);
    }
  g_rmdir (dir);
  {
    g_autoptr(ObOncoprintLayout) layout = ob_oncoprint_layout (&plot, 250, 120);
    gsize altered = 0;

    /* without the unaltered patients: only those with an alteration, as many as R counts */
    for (gsize p = 0; p < land->n_patients; p++)
      for (guint g = 0; g < land->n_genes; g++)
        if (land->cells[(gsize) g * land->n_patients + p] != 0)
          {
            altered++;
            break;
          }
    g_assert_cmpuint (layout->n_columns, ==, altered);
    g_assert_cmpuint (altered, <, land->n_patients);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/plot/oncoprint/layout", test_layout);
  g_test_add_func ("/plot/oncoprint/colors", test_colors);
  g_test_add_func ("/plot/oncoprint/export", test_export);
  return g_test_run ();
}
