/* test-project.c: the window saves its work as a project and finds it again as it was
 *
 * Expected survival numbers come from tests/reference/survival-page.R (its output is
 * tests/reference/survival-page.out).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-test"

#include "config.h"

#include <math.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "ob-csv-reader.h"
#include "ob-project-io.h"
#include "ob-survival-page-private.h"
#include "ob-window-private.h"

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
  g_assert_cmpuint (fit->n_curves, ==, expected_n->len);
  for (guint g = 0; g < fit->n_curves; g++)
    {
      g_assert_cmpuint (fit->curves[g].n, ==, (gsize) ref (n, g));
      assert_close (fit->curves[g].median, ref (median, g));
      assert_close (fit->curves[g].median_lower, ref (lower, g));
      assert_close (fit->curves[g].median_upper, ref (upper, g));
    }
}

static ObWindow *
create_window (void)
{
  ObWindow *window = g_object_ref (ob_window_new (NULL));

  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
destroy_window (ObWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

static void
open_lung (ObWindow *window)
{
  g_autofree char *path = g_build_filename (OB_SOURCE_DIR, "data", "samples", "lung.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (ob_window_load_file_sync (window, file, &error));
  g_assert_no_error (error);
}

static ObSurvivalPage *
visible_survival_page (ObWindow *window)
{
  GtkWidget *page = gtk_stack_get_visible_child (window->content_stack);

  g_assert_true (OB_IS_SURVIVAL_PAGE (page));
  return OB_SURVIVAL_PAGE (page);
}

static guint
count_analyses (ObWindow *window)
{
  GtkListBoxRow *row;
  guint n = 0;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (window->sidebar_list, i)) != NULL; i++)
    n += ob_window_row_get_analysis (row) != NULL;
  return n;
}

static GtkListBoxRow *
analysis_row (ObWindow *window,
              guint     index)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (window->sidebar_list, i)) != NULL; i++)
    if (ob_window_row_get_analysis (row) != NULL && index-- == 0)
      return row;
  g_assert_not_reached ();
}

static void
wait_idle (void)
{
  /* The page recomputes and the window snapshots settings in idle callbacks. */
  for (guint i = 0; i < 5; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

static char *
make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("oncobench-project-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_dir (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

/* Save, then open in a new window: the dataset, the analysis' settings and figure size and
 * R's numbers are all back, and the title says nothing is unsaved. */
static void
test_save_and_reopen (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "lung study.oncobench", NULL);
  g_autoptr(GError) error = NULL;
  ObWindow *window = create_window ();
  ObWindow *again;
  ObSurvivalPage *page;
  double width, height, dpi;
  const char *title;

  open_lung (window);
  g_assert_false (ob_window_has_unsaved_changes (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-survival", NULL));
  g_assert_true (ob_window_has_unsaved_changes (window));
  page = visible_survival_page (window);
  g_assert_true (ob_survival_page_set_group_column (page, "ph.ecog"));
  ob_analysis_page_set_figure_size (OB_ANALYSIS_PAGE (page), 89, 70, 600);
  wait_idle ();
  title = adw_window_title_get_title (window->window_title);
  g_assert_true (g_str_has_prefix (title, "• "));

  g_assert_true (ob_window_save_project_sync (window, path, &error));
  g_assert_no_error (error);
  g_assert_false (ob_window_has_unsaved_changes (window));
  g_assert_cmpstr (ob_window_get_project_path (window), ==, path);
  g_assert_cmpstr (adw_window_title_get_title (window->window_title), ==, "lung study");
  destroy_window (window);

  again = create_window ();
  g_assert_true (ob_window_load_project_sync (again, path, &error));
  g_assert_no_error (error);
  g_assert_false (ob_window_has_unsaved_changes (again));
  g_assert_cmpuint (again->entries->len, ==, 1);
  g_assert_cmpuint (count_analyses (again), ==, 1);
  g_assert_cmpstr (g_object_get_data (G_OBJECT (analysis_row (again, 0)), "ob-title"), ==,
                   "Survival Analysis");
  gtk_list_box_select_row (again->sidebar_list, analysis_row (again, 0));
  page = visible_survival_page (again);
  ob_survival_page_update (page);
  assert_medians (ob_survival_page_get_fit (page), "ecog");
  ob_analysis_page_get_figure_size (OB_ANALYSIS_PAGE (page), &width, &height, &dpi);
  g_assert_cmpfloat (width, ==, 89);
  g_assert_cmpfloat (height, ==, 70);
  g_assert_cmpfloat (dpi, ==, 600);
  /* The embedded table, not the file, is what the analysis uses. */
  g_assert_cmpuint (ob_dataset_get_n_rows (ob_window_get_dataset (again)), ==, 228);
  destroy_window (again);

  remove_dir (dir);
}

/* A saved project re-made headless by oncobench-cli render: the GUI writes options the
 * command line accepts. */
static void
test_render_from_cli (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "cli.oncobench", NULL);
  g_autofree char *out = g_build_filename (dir, "figures", NULL);
  g_autofree char *std_err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) figures = NULL;
  const char *cli = g_getenv ("OB_CLI");
  ObWindow *window = create_window ();
  ObSurvivalPage *page;
  int status = 0;
  guint n_files = 0;

  g_assert_nonnull (cli);
  open_lung (window);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-survival", NULL);
  page = visible_survival_page (window);
  g_assert_true (ob_survival_page_set_group_column (page, "sex"));
  adw_combo_row_set_selected (page->risk_table_row, 2);
  gtk_spin_button_set_value (page->landmark_spin, 30);
  wait_idle ();
  g_assert_true (ob_window_save_project_sync (window, path, &error));
  g_assert_no_error (error);
  destroy_window (window);

  {
    const char *argv[] = { cli, "render", path, "--out", out, "--format", "png", NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL,
                  &std_err, &status, &error);
  }
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("render failed: %s", std_err);
  figures = g_dir_open (out, 0, &error);
  g_assert_no_error (error);
  while (g_dir_read_name (figures) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, >=, 1);

  remove_dir (dir);
}

/* A save that cannot be written keeps the work in the window, unsaved, and the old file. */
static void
test_save_error_keeps_work (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *good = g_build_filename (dir, "good.oncobench", NULL);
  g_autofree char *locked_dir = g_build_filename (dir, "locked", NULL);
  g_autofree char *bad = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  ObWindow *window = create_window ();

  open_lung (window);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-survival", NULL);
  g_assert_true (ob_window_save_project_sync (window, good, &error));
  g_assert_no_error (error);
  g_file_get_contents (good, &before, NULL, &error);
  g_assert_no_error (error);

  /* Root writes into read-only folders; /proc refuses everyone. */
  g_mkdir (locked_dir, 0500);
  if (geteuid () == 0)
    bad = g_strdup ("/proc/oncobench-test.oncobench");
  else
    bad = g_build_filename (locked_dir, "bad.oncobench", NULL);

  ob_survival_page_set_group_column (visible_survival_page (window), "ph.ecog");
  wait_idle ();
  g_assert_true (ob_window_has_unsaved_changes (window));
  g_assert_false (ob_window_save_project_sync (window, bad, &error));
  g_assert_nonnull (error);
  g_assert_true (ob_window_has_unsaved_changes (window));
  g_assert_cmpstr (ob_window_get_project_path (window), ==, good);
  g_assert_cmpuint (count_analyses (window), ==, 1);
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
  g_file_get_contents (good, &after, NULL, NULL);
  g_assert_cmpstr (before, ==, after);

  g_chmod (locked_dir, 0700);
  destroy_window (window);
  remove_dir (dir);
}

/* A newer or damaged file is refused with a message, and the window stays as it was. */
static void
test_open_refused (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *newer = g_build_filename (dir, "newer.oncobench", NULL);
  g_autofree char *damaged = g_build_filename (dir, "damaged.oncobench", NULL);
  g_autoptr(GError) error = NULL;
  ObWindow *window = create_window ();

  g_file_set_contents (newer, "{\"format\":\"oncobench-project\",\"version\":99,"
                       "\"datasets\":[],\"analyses\":[]}", -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (damaged, "{\"format\":\"oncobench-project\",\"version\":1,\"data",
                       -1, &error);
  g_assert_no_error (error);

  g_assert_false (ob_window_load_project_sync (window, newer, &error));
  g_assert_error (error, OB_ERROR, OB_ERROR_VERSION);
  g_clear_error (&error);
  g_assert_false (ob_window_load_project_sync (window, damaged, &error));
  g_assert_error (error, OB_ERROR, OB_ERROR_PARSE);
  g_assert_null (ob_window_get_project_path (window));
  g_assert_cmpuint (window->entries->len, ==, 0);

  destroy_window (window);
  remove_dir (dir);
}

/* An analysis this build cannot show is kept and written back unchanged. */
static void
test_unknown_kind_kept (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "future.oncobench", NULL);
  g_autofree char *lung = g_build_filename (OB_SOURCE_DIR, "data", "samples", "lung.csv", NULL);
  g_autoptr(ObProject) project = ob_project_new ();
  g_autoptr(ObProject) reread = NULL;
  g_autoptr(ObDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  ObProjectAnalysis *future;
  ObWindow *window = create_window ();

  dataset = ob_csv_read_file (lung, NULL, &error);
  g_assert_no_error (error);
  ob_project_add_dataset (project, "lung.csv", dataset, lung, NULL);
  future = ob_project_add_analysis (project, "Photon flux", "bli-kinetics", "lung.csv");
  json_object_set_string_member (future->settings, "signal", "time");
  ob_project_add_analysis (project, "Survival", "survival", "lung.csv");
  g_assert_true (ob_project_save (project, path, &error));
  g_assert_no_error (error);

  g_assert_true (ob_window_load_project_sync (window, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_analyses (window), ==, 1);
  g_assert_true (ob_window_save_project_sync (window, path, &error));
  g_assert_no_error (error);

  reread = ob_project_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reread->analyses->len, ==, 2);
  for (guint i = 0; i < reread->analyses->len; i++)
    {
      ObProjectAnalysis *a = g_ptr_array_index (reread->analyses, i);

      if (g_str_equal (a->kind, "bli-kinetics"))
        {
          g_assert_cmpstr (a->name, ==, "Photon flux");
          g_assert_cmpstr (json_object_get_string_member (a->settings, "signal"), ==, "time");
        }
    }

  destroy_window (window);
  remove_dir (dir);
}

/* Ctrl+Z and Ctrl+Shift+Z step through settings; a deleted analysis comes back. */
static void
test_undo_redo (void)
{
  ObWindow *window = create_window ();
  ObSurvivalPage *page;
  const ObColumn *group;

  open_lung (window);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-survival", NULL);
  page = visible_survival_page (window);
  wait_idle ();
  g_assert_true (window->undo_stack == NULL || window->undo_stack->len == 0);

  g_assert_true (ob_survival_page_set_group_column (page, "ph.ecog"));
  wait_idle ();
  adw_combo_row_set_selected (page->test_row, 1);
  wait_idle ();
  g_assert_cmpuint (window->undo_stack->len, ==, 2);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  wait_idle ();
  g_assert_cmpuint (adw_combo_row_get_selected (page->test_row), ==, 0);
  group = ob_survival_page_selected_column (page, page->group_row, page->group_columns);
  g_assert_cmpstr (group->name, ==, "ph.ecog");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  wait_idle ();
  group = ob_survival_page_selected_column (page, page->group_row, page->group_columns);
  g_assert_cmpstr (group->name, ==, "sex");
  ob_survival_page_update (page);
  assert_medians (ob_survival_page_get_fit (page), "sex");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  wait_idle ();
  ob_survival_page_update (page);
  assert_medians (ob_survival_page_get_fit (page), "ecog");
  g_assert_cmpuint (window->redo_stack->len, ==, 1);

  /* Deleting: gone from the sidebar, back with its settings on undo. */
  gtk_list_box_select_row (window->sidebar_list, analysis_row (window, 0));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-analysis", NULL));
  g_assert_cmpuint (count_analyses (window), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (count_analyses (window), ==, 1);
  g_assert_true (visible_survival_page (window) == page);
  ob_survival_page_update (page);
  assert_medians (ob_survival_page_get_fit (page), "ecog");

  /* Duplicating copies the settings into a second analysis. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.duplicate-analysis",
                                             NULL));
  g_assert_cmpuint (count_analyses (window), ==, 2);
  g_assert_true (visible_survival_page (window) != page);
  ob_survival_page_update (visible_survival_page (window));
  assert_medians (ob_survival_page_get_fit (visible_survival_page (window)), "ecog");

  destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *state = g_dir_make_tmp ("oncobench-state-XXXXXX", NULL);
  int status;

  /* Autosaves of these windows stay out of the user's own folder. */
  g_setenv ("XDG_STATE_HOME", state, TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  load_reference ();

  g_test_add_func ("/gui/project/save-and-reopen", test_save_and_reopen);
  g_test_add_func ("/gui/project/render-from-cli", test_render_from_cli);
  g_test_add_func ("/gui/project/save-error-keeps-work", test_save_error_keeps_work);
  g_test_add_func ("/gui/project/open-refused", test_open_refused);
  g_test_add_func ("/gui/project/unknown-kind-kept", test_unknown_kind_kept);
  g_test_add_func ("/gui/project/undo-redo", test_undo_redo);

  status = g_test_run ();
  g_hash_table_unref (reference);
  remove_dir (state);
  return status;
}
