/* test-export.c: the export dialog's presets, files, and the figure on the clipboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-test"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "ob-csv-reader.h"
#include "ob-export-dialog.h"
#include "ob-survival-page.h"

static ObAnalysisPage *
new_page (void)
{
  g_autofree char *path = g_build_filename (OB_SOURCE_DIR, "data", "samples", "lung.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ObDataset) dataset = ob_csv_read_file (path, NULL, &error);
  GtkWidget *page;

  g_assert_no_error (error);
  page = ob_survival_page_new (dataset);
  g_object_ref_sink (page);
  ob_survival_page_update (OB_SURVIVAL_PAGE (page));
  return OB_ANALYSIS_PAGE (page);
}

static void
test_presets_and_export (void)
{
  ObAnalysisPage *page = new_page ();
  ObExportDialog *dialog;
  g_autofree char *dir = g_dir_make_tmp ("oncobench-export-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "km.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  double width, height, dpi, page_width, page_height;
  gsize length;
  ObPlotStyle style;

  ob_analysis_page_set_figure_size (page, 100, 80, 300);
  dialog = OB_EXPORT_DIALOG (ob_export_dialog_new (NULL, page));
  g_object_ref_sink (dialog);
  ob_export_dialog_get_size (dialog, &width, &height, &dpi);
  g_assert_cmpfloat_with_epsilon (width, 100, 1e-9);
  g_assert_cmpfloat_with_epsilon (height, 80, 1e-9);

  /* A journal column sets the width and keeps the figure's proportions. */
  g_assert_true (ob_export_dialog_set_preset (dialog, "nature-single"));
  ob_export_dialog_get_size (dialog, &width, &height, &dpi);
  g_assert_cmpfloat_with_epsilon (width, ob_export_preset_lookup ("nature-single")->width_mm,
                                  1e-9);
  g_assert_cmpfloat_with_epsilon (height / width, 0.8, 1e-3);
  g_assert_true (ob_export_dialog_set_preset (dialog, "slide-16-9"));
  ob_export_dialog_get_size (dialog, &width, &height, NULL);
  g_assert_cmpfloat_with_epsilon (width / height, 16.0 / 9.0, 1e-3);
  g_assert_false (ob_export_dialog_set_preset (dialog, "no-such-journal"));

  ob_export_dialog_get_style (dialog, &style);
  g_assert_true (style.vector);
  g_assert_true (ob_export_dialog_set_preset (dialog, "nature-single"));
  g_assert_true (ob_export_dialog_export_to (dialog, pdf, &error));
  g_assert_no_error (error);
  g_file_get_contents (pdf, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_true (length > 1000 && memcmp (contents, "%PDF", 4) == 0);
  /* The page (and so its project) remembers the size exported. */
  ob_analysis_page_get_figure_size (page, &page_width, &page_height, NULL);
  g_assert_cmpfloat_with_epsilon (page_width, ob_export_preset_lookup ("nature-single")->width_mm,
                                  1e-9);

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);
  g_unlink (pdf);
  g_rmdir (dir);
  g_assert_finalize_object (page);
}

static void
test_copy_png_and_svg (void)
{
  ObAnalysisPage *page = new_page ();
  GdkClipboard *clipboard = gdk_display_get_clipboard (gdk_display_get_default ());
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GBytes) svg = NULL;
  g_autoptr(GError) error = NULL;
  GdkContentFormats *formats;
  ObPlotStyle style;
  gsize size;
  const guint8 *data;

  ob_plot_style_init (&style);
  png = ob_export_render_bytes (page, OB_PLOT_FORMAT_PNG, 89, 70, 300, &style, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (png, &size);
  g_assert_true (size > 8 && memcmp (data, "\x89PNG", 4) == 0);
  /* 89 mm at 300 dpi: width in the IHDR chunk, big-endian. */
  g_assert_cmpint (abs ((int) ((data[16] << 24) | (data[17] << 16) | (data[18] << 8) | data[19])
                        - 1051), <=, 1);
  svg = ob_export_render_bytes (page, OB_PLOT_FORMAT_SVG, 89, 70, 300, &style, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (svg, &size);
  g_assert_nonnull (g_strstr_len ((const char *) data, (gssize) size, "<svg"));

  g_assert_true (ob_export_copy_figure (page, clipboard, 89, 70, 150, &style, &error));
  g_assert_no_error (error);
  formats = gdk_clipboard_get_formats (clipboard);
  g_assert_true (gdk_content_formats_contain_mime_type (formats, "image/png"));
  g_assert_true (gdk_content_formats_contain_mime_type (formats, "image/svg+xml"));
  gdk_clipboard_set_content (clipboard, NULL);

  g_assert_finalize_object (page);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/gui/export/presets-and-export", test_presets_and_export);
  g_test_add_func ("/gui/export/copy-png-and-svg", test_copy_png_and_svg);

  return g_test_run ();
}
