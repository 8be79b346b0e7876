/* test-recipe.c: figures exported from a page carry the page's recipe
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-test"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "ob-csv-reader.h"
#include "ob-export-dialog.h"
#include "ob-plot-recipe.h"
#include "ob-survival-page.h"

static char *
lung_path (void)
{
  return g_build_filename (OB_SOURCE_DIR, "data", "samples", "lung.csv", NULL);
}

static char *
file_sha256 (const char *path)
{
  g_autofree char *contents = NULL;
  gsize n;

  g_assert_true (g_file_get_contents (path, &contents, &n, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, n);
}

static ObAnalysisPage *
new_page (void)
{
  g_autofree char *path = lung_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ObDataset) dataset = ob_csv_read_file (path, NULL, &error);
  g_autoptr(JsonObject) settings = json_object_new ();
  GtkWidget *page;

  g_assert_no_error (error);
  page = ob_survival_page_new (dataset);
  g_object_ref_sink (page);
  json_object_set_string_member (settings, "time", "time");
  json_object_set_string_member (settings, "event", "status");
  json_object_set_string_member (settings, "group", "sex");
  json_object_set_string_member (settings, "ci", "log");
  g_assert_true (ob_analysis_page_load_settings (OB_ANALYSIS_PAGE (page), settings, &error));
  g_assert_no_error (error);
  ob_survival_page_update (OB_SURVIVAL_PAGE (page));
  g_assert_true (ob_analysis_page_has_figure (OB_ANALYSIS_PAGE (page)));
  return OB_ANALYSIS_PAGE (page);
}

static void
assert_recipe (const char *figure,
               const char *format,
               const char *sha256)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ObPlotRecipe) recipe = ob_plot_recipe_read_file (figure, &error);
  g_autofree char *lung = lung_path ();

  g_assert_no_error (error);
  g_assert_cmpstr (recipe->kind, ==, "survival");
  g_assert_cmpstr (recipe->software, ==, "Oncobench " PACKAGE_VERSION);
  g_assert_cmpstr (json_object_get_string_member (recipe->settings, "time"), ==, "time");
  g_assert_cmpstr (json_object_get_string_member (recipe->settings, "event"), ==, "status");
  g_assert_cmpstr (json_object_get_string_member (recipe->settings, "group"), ==, "sex");
  g_assert_cmpstr (json_object_get_string_member (recipe->settings, "ci"), ==, "log");
  g_assert_cmpstr (recipe->data_sha256, ==, sha256);
  g_assert_true (g_str_has_suffix (recipe->data_file, "lung.csv"));
  g_assert_cmpstr (recipe->format, ==, format);
}

/* The export dialog, the page's own Save button and the clipboard all carry it. */
static void
test_page_exports (void)
{
  static const char * const extensions[] = { "pdf", "svg", "eps", "png", "tif" };
  static const char * const formats[] = { "pdf", "svg", "eps", "png", "tiff" };
  ObAnalysisPage *page = new_page ();
  ObExportDialog *dialog = OB_EXPORT_DIALOG (ob_export_dialog_new (NULL, page));
  g_autofree char *dir = g_dir_make_tmp ("oncobench-recipe-XXXXXX", NULL);
  g_autofree char *lung = lung_path ();
  g_autofree char *sha256 = file_sha256 (lung);
  g_autofree char *own = g_build_filename (dir, "own.svg", NULL);
  g_autofree char *pasted = g_build_filename (dir, "pasted.png", NULL);
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GError) error = NULL;
  ObPlotStyle style;

  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    {
      g_autofree char *name = g_strconcat ("figure.", extensions[i], NULL);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_assert_true (ob_export_dialog_export_to (dialog, path, &error));
      g_assert_no_error (error);
      assert_recipe (path, formats[i], sha256);
      g_unlink (path);
    }
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_assert_true (ob_survival_page_export (OB_SURVIVAL_PAGE (page), own, &error));
  g_assert_no_error (error);
  assert_recipe (own, "svg", sha256);
  g_unlink (own);

  ob_plot_style_init (&style);
  png = ob_export_render_bytes (page, OB_PLOT_FORMAT_PNG, 89, 70, 150, &style, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (pasted, g_bytes_get_data (png, NULL),
                                      (gssize) g_bytes_get_size (png), NULL));
  assert_recipe (pasted, "png", sha256);
  g_unlink (pasted);

  /* The checksum the window recorded when it read the file wins over the file now. */
  ob_analysis_page_set_data_sha256 (page, "0123456789abcdef");
  g_assert_true (ob_survival_page_export (OB_SURVIVAL_PAGE (page), own, &error));
  assert_recipe (own, "svg", "0123456789abcdef");
  g_unlink (own);

  g_rmdir (dir);
  g_assert_finalize_object (page);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/gui/recipe/page-exports", test_page_exports);
  return g_test_run ();
}
