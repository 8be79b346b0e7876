/* test-user-flow.c: what a new user does on the first day, end to end
 *
 * Open the ALK sample, make a survival and a compare analysis of it, an ELISA of the plate
 * sample and a growth analysis of the xenograft sample, all through the window's actions;
 * export an 89 mm PDF, copy a figure for slides, present and leave, save, close, open the
 * project in a new window and find every analysis as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-test"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "ob-export-dialog.h"
#include "ob-presentation.h"
#include "ob-window-private.h"

/* Growth fits its mixed model in a worker thread; give it time under sanitizers. */
#define FIGURE_TIMEOUT_S 120

static void
wait_idle (void)
{
  for (guint i = 0; i < 5; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

static void
wait_for_figure (ObAnalysisPage *page)
{
  gint64 deadline = g_get_monotonic_time () + FIGURE_TIMEOUT_S * G_USEC_PER_SEC;

  while (!ob_analysis_page_has_figure (page) && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (G_USEC_PER_SEC / 100);
    }
  wait_idle ();
  g_assert_true (ob_analysis_page_has_figure (page));
}

static gpointer
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (item, type) && gtk_widget_get_visible (GTK_WIDGET (item)))
        return item;
    }
  return NULL;
}

static void
open_sample (ObWindow   *window,
             const char *name)
{
  g_autofree char *path = g_build_filename (OB_SOURCE_DIR, "data", "samples", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (ob_window_load_file_sync (window, file, &error));
  g_assert_no_error (error);
  wait_idle ();
}

/* New analysis of the shown dataset, as the New Analysis menu makes it. */
static ObAnalysisPage *
new_analysis (ObWindow   *window,
              const char *kind)
{
  g_autofree char *action = g_strconcat ("win.new-", kind, NULL);
  GtkWidget *page;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
  wait_idle ();
  page = gtk_stack_get_visible_child (window->content_stack);
  g_assert_true (OB_IS_ANALYSIS_PAGE (page));
  g_assert_cmpstr (ob_analysis_page_get_kind (OB_ANALYSIS_PAGE (page)), ==, kind);
  wait_for_figure (OB_ANALYSIS_PAGE (page));
  return OB_ANALYSIS_PAGE (page);
}

/* What a user would check after reopening: each analysis' kind, title, dataset, settings
 * and figure size, in sidebar order, as one text. */
static void
describe_analysis (ObWindow       *window,
                   ObWindowEntry  *entry,
                   ObAnalysisPage *page,
                   const char     *title,
                   gpointer        user_data)
{
  GString *out = user_data;
  g_autoptr(JsonObject) settings = ob_analysis_page_save_settings (page);
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *json = NULL;
  double width, height, dpi;

  json_node_set_object (node, settings);
  json = json_to_string (node, FALSE);
  ob_analysis_page_get_figure_size (page, &width, &height, &dpi);
  g_string_append_printf (out, "%s | %s | %s | %g × %g mm at %g dpi | %s\n",
                          ob_analysis_page_get_kind (page), title, entry->name, width, height,
                          dpi, json);
}

static char *
describe_project (ObWindow *window)
{
  GString *out = g_string_new (NULL);

  ob_window_foreach_analysis (window, describe_analysis, out);
  return g_string_free (out, FALSE);
}

static GtkListBoxRow *
row_of (ObWindow       *window,
        ObAnalysisPage *page)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (window->sidebar_list, i)) != NULL; i++)
    if (ob_window_row_get_analysis (row) == page)
      return row;
  g_assert_not_reached ();
}

/* The page size of a one-page PDF, in points, as cairo writes it. */
static void
read_media_box (const char *path,
                double     *width,
                double     *height)
{
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) regex = g_regex_new ("/MediaBox\\s*\\[\\s*([-0-9.]+)\\s+([-0-9.]+)\\s+"
                                         "([-0-9.]+)\\s+([-0-9.]+)\\s*\\]", G_REGEX_RAW, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *x0 = NULL, *y0 = NULL, *x1 = NULL, *y1 = NULL;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_true (length > 5 && memcmp (contents, "%PDF-", 5) == 0);
  /* The PDF is binary in places (hence a raw regex); the page dictionary is plain text. */
  g_assert_true (g_regex_match_full (regex, contents, (gssize) length, 0, 0, &match, NULL));
  x0 = g_match_info_fetch (match, 1);
  y0 = g_match_info_fetch (match, 2);
  x1 = g_match_info_fetch (match, 3);
  y1 = g_match_info_fetch (match, 4);
  *width = g_ascii_strtod (x1, NULL) - g_ascii_strtod (x0, NULL);
  *height = g_ascii_strtod (y1, NULL) - g_ascii_strtod (y0, NULL);
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

static void
test_first_day (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("oncobench-flow-XXXXXX", &error);
  g_autofree char *pdf = NULL;
  g_autofree char *project = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  ObWindow *window;
  ObWindow *again;
  ObAnalysisPage *survival, *compare, *elisa, *growth;
  ObExportDialog *dialog;
  ObPresentation *presentation;
  GdkContentFormats *formats;
  double width, height;

  g_assert_no_error (error);
  pdf = g_build_filename (dir, "survival.pdf", NULL);
  project = g_build_filename (dir, "first day.oncobench", NULL);

  window = g_object_ref (ob_window_new (NULL));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  wait_idle ();

  /* Each kind of analysis, from the samples a new user sees on the first screen. */
  open_sample (window, "alk-cohort.csv");
  survival = new_analysis (window, "survival");
  compare = new_analysis (window, "compare");
  open_sample (window, "elisa-plate.csv");
  elisa = new_analysis (window, "elisa");
  open_sample (window, "xenograft.csv");
  growth = new_analysis (window, "growth");
  g_assert_cmpuint (window->entries->len, ==, 3);

  /* An 89 mm PDF of the survival figure, through the export dialog. */
  gtk_list_box_select_row (window->sidebar_list, row_of (window, survival));
  wait_idle ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-figure", NULL));
  wait_idle ();
  dialog = find_toplevel (OB_TYPE_EXPORT_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (ob_export_dialog_set_preset (dialog, "nature-single"));
  g_assert_true (ob_export_dialog_export_to (dialog, pdf, &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (dialog));
  read_media_box (pdf, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 89 / 25.4 * 72, 0.5);
  g_assert_cmpfloat (height, >, 20 / 25.4 * 72);

  /* A figure on the clipboard, as PNG for any slide program and SVG for those that take it. */
  gtk_list_box_select_row (window->sidebar_list, row_of (window, growth));
  wait_idle ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.copy-figure", NULL));
  wait_idle ();
  formats = gdk_clipboard_get_formats (gtk_widget_get_clipboard (GTK_WIDGET (window)));
  g_assert_true (gdk_content_formats_contain_mime_type (formats, "image/png"));
  g_assert_true (gdk_content_formats_contain_mime_type (formats, "image/svg+xml"));

  /* Full screen from the shown analysis, through all four, and back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL));
  wait_idle ();
  presentation = find_toplevel (OB_TYPE_PRESENTATION);
  g_assert_nonnull (presentation);
  g_object_ref (presentation);
  g_assert_true (ob_presentation_get_page (presentation) == growth);
  ob_presentation_step (presentation, -10);
  g_assert_true (ob_presentation_get_page (presentation) == survival);
  ob_presentation_step (presentation, 1);
  g_assert_true (ob_presentation_get_page (presentation) == compare);
  ob_presentation_step (presentation, 1);
  g_assert_true (ob_presentation_get_page (presentation) == elisa);
  gtk_window_close (GTK_WINDOW (presentation));
  wait_idle ();
  g_assert_finalize_object (presentation);

  /* Save, close, reopen in a new window: everything as it was. */
  before = describe_project (window);
  g_test_message ("%s", before);
  g_assert_true (ob_window_save_project_sync (window, project, &error));
  g_assert_no_error (error);
  g_assert_false (ob_window_has_unsaved_changes (window));
  gtk_window_close (GTK_WINDOW (window));
  wait_idle ();
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);

  again = g_object_ref (ob_window_new (NULL));
  gtk_window_present (GTK_WINDOW (again));
  g_assert_true (ob_window_load_project_sync (again, project, &error));
  g_assert_no_error (error);
  wait_idle ();
  g_assert_false (ob_window_has_unsaved_changes (again));
  g_assert_cmpuint (again->entries->len, ==, 3);
  after = describe_project (again);
  g_assert_cmpstr (after, ==, before);
  /* The survival figure keeps the size it was exported at. */
  g_assert_nonnull (strstr (after, "89 × "));

  gtk_window_destroy (GTK_WINDOW (again));
  g_assert_finalize_object (again);
  remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *state = g_dir_make_tmp ("oncobench-state-XXXXXX", NULL);

  g_setenv ("XDG_STATE_HOME", state, TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/gui/user-flow/first-day", test_first_day);

  return g_test_run ();
}
