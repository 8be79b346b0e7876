/* test-workbench.c: analysis pages through ObAnalysisPage, as the window sees them
 *
 * Expected values come from tests/reference/survival-page.R (its output is
 * tests/reference/survival-page.out).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-test"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "ob-analysis-page.h"
#include "ob-csv-reader.h"
#include "ob-plot-export.h"
#include "ob-survival-page-private.h"

static GHashTable *reference;   /* key → GArray of double */

static void
load_reference (void)
{
  g_autofree char *path = g_build_filename (OB_SOURCE_DIR, "tests", "reference",
                                            "survival-page.out", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  reference = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                     (GDestroyNotify) g_array_unref);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (lines[i], " = ", 2);
      g_auto(GStrv) values = NULL;
      GArray *array;

      if (g_strv_length (parts) != 2)
        continue;
      values = g_strsplit (parts[1], " ", -1);
      array = g_array_new (FALSE, FALSE, sizeof (double));
      for (guint k = 0; values[k] != NULL; k++)
        {
          double v = strcmp (values[k], "NA") == 0 ? NAN : g_ascii_strtod (values[k], NULL);

          g_array_append_val (array, v);
        }
      g_hash_table_insert (reference, g_strdup (parts[0]), array);
    }
}

static double
ref (const char *key,
     guint       index)
{
  GArray *array = g_hash_table_lookup (reference, key);

  g_assert_nonnull (array);
  g_assert_cmpuint (index, <, array->len);
  return g_array_index (array, double, index);
}

static void
assert_close (double actual,
              double expected)
{
  if (isnan (expected))
    g_assert_true (isnan (actual));
  else
    g_assert_cmpfloat_with_epsilon (actual, expected, 1e-6 * MAX (1.0, fabs (expected)));
}

static void
assert_medians (const ObKmFit *fit,
                const char    *prefix)
{
  g_autofree char *n = g_strconcat (prefix, ".n", NULL);
  g_autofree char *median = g_strconcat (prefix, ".median", NULL);
  g_autofree char *lower = g_strconcat (prefix, ".median_lower", NULL);
  g_autofree char *upper = g_strconcat (prefix, ".median_upper", NULL);
  GArray *expected_n = g_hash_table_lookup (reference, n);

  g_assert_nonnull (fit);
  g_assert_nonnull (expected_n);
  g_assert_cmpuint (fit->n_curves, ==, expected_n->len);
  for (guint g = 0; g < fit->n_curves; g++)
    {
      g_assert_cmpuint (fit->curves[g].n, ==, (gsize) ref (n, g));
      assert_close (fit->curves[g].median, ref (median, g));
      assert_close (fit->curves[g].median_lower, ref (lower, g));
      assert_close (fit->curves[g].median_upper, ref (upper, g));
    }
}

static ObDataset *
load_lung (void)
{
  g_autofree char *path = g_build_filename (OB_SOURCE_DIR, "data", "samples", "lung.csv", NULL);
  g_autoptr(GError) error = NULL;
  ObCsvOptions options;
  ObDataset *dataset;

  ob_csv_options_init (&options);
  dataset = ob_csv_read_file (path, &options, &error);
  g_assert_no_error (error);
  return dataset;
}

static ObAnalysisPage *
new_page (ObDataset *dataset)
{
  GtkWidget *page = ob_survival_page_new (dataset);

  g_object_ref_sink (page);
  g_assert_true (OB_IS_ANALYSIS_PAGE (page));
  return OB_ANALYSIS_PAGE (page);
}

static void
count_cb (ObAnalysisPage *page,
          guint          *count)
{
  (*count)++;
}

static ObSurvivalFilter *
find_filter (ObSurvivalPage *page,
             const char     *name)
{
  for (guint f = 0; f < page->filters->len; f++)
    {
      ObSurvivalFilter *filter = g_ptr_array_index (page->filters, f);

      if (strcmp (ob_dataset_get_column (page->dataset, filter->column)->name, name) == 0)
        return filter;
    }
  g_assert_not_reached ();
}

/* Women grouped by ECOG with Peto–Peto: saved as the CLI spells it, and a fresh page given
 * those settings computes R's numbers. */
static void
test_survival_settings_round_trip (void)
{
  g_autoptr(ObDataset) dataset = load_lung ();
  ObAnalysisPage *page = new_page (dataset);
  ObAnalysisPage *copy = new_page (dataset);
  ObSurvivalPage *survival = OB_SURVIVAL_PAGE (page);
  g_autoptr(JsonObject) settings = NULL;
  g_autoptr(JsonObject) again = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *where;
  guint n_changed = 0;

  g_assert_cmpstr (ob_analysis_page_get_kind (page), ==, "survival");
  g_assert_true (ob_analysis_page_get_dataset (page) == dataset);

  g_signal_connect (page, "changed", G_CALLBACK (count_cb), &n_changed);
  gtk_check_button_set_active (g_ptr_array_index (find_filter (survival, "sex")->checks, 0),
                               FALSE);
  g_assert_cmpuint (n_changed, >, 0);
  g_assert_true (ob_survival_page_set_group_column (survival, "ph.ecog"));
  adw_combo_row_set_selected (survival->test_row, 1);
  gtk_spin_button_set_value (survival->width_spin, 120);
  ob_survival_page_update (survival);
  assert_medians (ob_survival_page_get_fit (survival), "women.ecog");

  settings = ob_analysis_page_save_settings (page);
  g_assert_cmpstr (json_object_get_string_member (settings, "time"), ==, "time");
  g_assert_cmpstr (json_object_get_string_member (settings, "event"), ==, "status");
  g_assert_cmpstr (json_object_get_string_member (settings, "event-values"), ==, "2");
  g_assert_cmpstr (json_object_get_string_member (settings, "group"), ==, "ph.ecog");
  g_assert_cmpstr (json_object_get_string_member (settings, "test"), ==, "peto");
  g_assert_false (json_object_has_member (settings, "size"));
  where = json_object_get_array_member (settings, "where");
  g_assert_cmpuint (json_array_get_length (where), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (where, 0), ==, "sex=2");

  n_changed = 0;
  g_signal_connect (copy, "changed", G_CALLBACK (count_cb), &n_changed);
  g_assert_true (ob_analysis_page_load_settings (copy, settings, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 1);
  assert_medians (ob_survival_page_get_fit (OB_SURVIVAL_PAGE (copy)), "women.ecog");
  g_assert_cmpint (OB_SURVIVAL_PAGE (copy)->results->method, ==, OB_SURV_TEST_PETO);
  again = ob_analysis_page_save_settings (copy);
  g_assert_true (json_object_equal (settings, again));

  g_assert_finalize_object (copy);
  g_assert_finalize_object (page);
}

/* A project naming a column the data lacks is refused, and the page keeps its analysis. */
static void
test_survival_bad_settings (void)
{
  g_autoptr(ObDataset) dataset = load_lung ();
  ObAnalysisPage *page = new_page (dataset);
  g_autoptr(JsonObject) before = NULL;
  g_autoptr(JsonObject) after = NULL;
  g_autoptr(JsonObject) bad = json_object_new ();
  g_autoptr(GError) error = NULL;
  guint n_changed = 0;

  g_assert_true (ob_survival_page_set_group_column (OB_SURVIVAL_PAGE (page), "sex"));
  ob_survival_page_update (OB_SURVIVAL_PAGE (page));
  before = ob_analysis_page_save_settings (page);

  g_signal_connect (page, "changed", G_CALLBACK (count_cb), &n_changed);
  json_object_set_string_member (bad, "time", "time");
  json_object_set_string_member (bad, "event", "status");
  json_object_set_string_member (bad, "group", "no such column");
  g_assert_false (ob_analysis_page_load_settings (page, bad, &error));
  g_assert_error (error, OB_ERROR, OB_ERROR_INVALID_ARG);
  g_assert_nonnull (strstr (error->message, "no such column"));
  g_assert_cmpuint (n_changed, ==, 0);
  after = ob_analysis_page_save_settings (page);
  g_assert_true (json_object_equal (before, after));
  assert_medians (ob_survival_page_get_fit (OB_SURVIVAL_PAGE (page)), "sex");

  g_clear_error (&error);
  json_object_set_string_member (bad, "group", "sex");
  json_object_set_string_member (bad, "ci", "arcsine");
  g_assert_false (ob_analysis_page_load_settings (page, bad, &error));
  g_assert_error (error, OB_ERROR, OB_ERROR_INVALID_ARG);
  g_assert_nonnull (strstr (error->message, "arcsine"));

  g_assert_finalize_object (page);
}

/* The figure drawn through the interface paints the page's curves in any size and style. */
static void
test_survival_draw_and_export (void)
{
  g_autoptr(ObDataset) dataset = load_lung ();
  ObAnalysisPage *page = new_page (dataset);
  g_autofree char *dir = g_dir_make_tmp ("oncobench-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "km.pdf", NULL);
  g_autofree char *png = g_build_filename (dir, "km.png", NULL);
  g_autofree char *recipe = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  ObPlotStyle style;
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height, dpi;
  gsize length, n_dark = 0;
  const guint8 *pixels;
  int stride;

  ob_survival_page_update (OB_SURVIVAL_PAGE (page));
  g_assert_true (ob_analysis_page_has_figure (page));

  ob_analysis_page_set_figure_size (page, 89, 64, 600);
  ob_analysis_page_get_figure_size (page, &width, &height, &dpi);
  g_assert_cmpfloat (width, ==, 89);
  g_assert_cmpfloat (height, ==, 64);
  g_assert_cmpfloat (dpi, ==, 600);

  /* Slide style at a projector's size: dark ink on the white figure. */
  ob_plot_style_init_slide (&style);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1024, 768);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  ob_analysis_page_draw_figure (page, cr, 1024, 768, &style);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  pixels = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < 768; y++)
    for (int x = 0; x < 1024; x++)
      n_dark += (pixels[y * stride + 4 * x + 1] < 128);
  cairo_surface_destroy (surface);
  g_assert_cmpuint (n_dark, >, 2000);

  ob_plot_style_init (&style);
  g_assert_true (ob_analysis_page_export (page, pdf, 89, 64, 300, &style, &error));
  g_assert_no_error (error);
  g_file_get_contents (pdf, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_true (length > 1000 && memcmp (contents, "%PDF", 4) == 0);
  g_clear_pointer (&contents, g_free);

  g_assert_true (ob_analysis_page_export (page, png, 89, 64, 150, &style, &error));
  g_assert_no_error (error);
  surface = cairo_image_surface_create_from_png (png);
  /* 89 mm at 150 dpi. */
  g_assert_cmpint (abs (cairo_image_surface_get_width (surface) - 526), <=, 1);
  cairo_surface_destroy (surface);

  recipe = ob_analysis_page_get_recipe (page);
  g_assert_nonnull (strstr (recipe, "\"kind\":\"survival\""));
  g_assert_nonnull (strstr (recipe, "\"software\":\"Oncobench " PACKAGE_VERSION "\""));
  g_assert_nonnull (strstr (recipe, "lung.csv"));

  g_unlink (pdf);
  g_unlink (png);
  g_rmdir (dir);
  g_assert_finalize_object (page);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  load_reference ();

  g_test_add_func ("/gui/workbench/survival-settings-round-trip",
                   test_survival_settings_round_trip);
  g_test_add_func ("/gui/workbench/survival-bad-settings", test_survival_bad_settings);
  g_test_add_func ("/gui/workbench/survival-draw-and-export", test_survival_draw_and_export);

  status = g_test_run ();
  g_hash_table_unref (reference);
  return status;
}
