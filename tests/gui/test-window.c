/* test-window.c: the main window opens files, lists samples and hosts analyses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-test"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "ob-csv-reader.h"
#include "ob-survival-page.h"
#include "ob-window-private.h"

static ObWindow *
create_window (void)
{
  /* GTK owns toplevels; our own reference lets the test prove the window is freed. */
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

static GPtrArray *
list_samples (void)
{
  g_autofree char *dir_path = ob_window_find_samples_dir ();
  g_autoptr(GDir) dir = NULL;
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir_path);
  dir = g_dir_open (dir_path, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".csv") || g_str_has_suffix (name, ".tsv"))
      g_ptr_array_add (paths, g_build_filename (dir_path, name, NULL));
  return paths;
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, (int) n) != NULL)
    n++;
  return n;
}

static GtkColumnView *
current_column_view (ObWindow *window)
{
  GtkWidget *page = gtk_stack_get_visible_child (window->content_stack);

  g_assert_true (OB_IS_DATASET_VIEW (page));
  return ob_dataset_view_get_column_view (OB_DATASET_VIEW (page));
}

/* The table shows the file as the reader reads it: every row, every column. */
static void
assert_shows (ObWindow   *window,
              const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ObDataset) expected = ob_csv_read_file (path, NULL, &error);
  ObDataset *shown = ob_window_get_dataset (window);
  GtkColumnView *column_view = current_column_view (window);
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (column_view));
  GListModel *columns = gtk_column_view_get_columns (column_view);

  g_assert_no_error (error);
  g_assert_nonnull (shown);
  g_assert_cmpstr (ob_dataset_get_source_path (shown), ==, path);
  g_assert_cmpuint (ob_dataset_get_n_rows (expected), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, ob_dataset_get_n_rows (expected));
  g_assert_cmpuint (ob_dataset_get_n_columns (shown), ==, ob_dataset_get_n_columns (expected));
  /* Row numbers come first. */
  g_assert_cmpuint (g_list_model_get_n_items (columns), ==,
                    ob_dataset_get_n_columns (expected) + 1);
  for (guint i = 0; i < ob_dataset_get_n_columns (expected); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i + 1);
      const char *name = ob_dataset_get_column (expected, i)->name;

      g_assert_true (g_str_has_prefix (gtk_column_view_column_get_title (column), name));
    }
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "workbench");
}

static void
test_empty_state (void)
{
  ObWindow *window = create_window ();
  g_autoptr(GPtrArray) samples = list_samples ();

  g_assert_null (ob_window_get_dataset (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "empty");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window->empty_page)));
  /* One button per bundled sample. */
  g_assert_cmpuint (samples->len, >, 0);
  g_assert_cmpuint (count_rows (window->sample_list), ==, samples->len);
  g_assert_cmpuint (g_menu_model_get_n_items (G_MENU_MODEL (window->samples_menu)), ==,
                    samples->len);
  /* Rows are described by the samples' README where it has a heading for the file. */
  {
    g_autofree char *dir = ob_window_find_samples_dir ();
    g_autofree char *readme = g_build_filename (dir, "README.md", NULL);
    guint n_described = 0;

    for (guint i = 0; i < samples->len; i++)
      {
        GtkListBoxRow *row = gtk_list_box_get_row_at_index (window->sample_list, (int) i);
        const char *subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));

        n_described += subtitle != NULL && *subtitle != '\0';
      }
    if (g_file_test (readme, G_FILE_TEST_EXISTS))
      g_assert_cmpuint (n_described, >, 0);
  }
  /* Nothing to analyse yet. */
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (window->new_analysis_button)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-survival", NULL);
  g_assert_null (gtk_stack_get_visible_child (window->content_stack));
  g_assert_cmpuint (count_rows (window->sidebar_list), ==, 0);

  destroy_window (window);
}

static void
test_open_samples (void)
{
  g_autoptr(GPtrArray) samples = list_samples ();
  ObWindow *window = create_window ();

  for (guint i = 0; i < samples->len; i++)
    {
      const char *path = g_ptr_array_index (samples, i);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", path);
      g_assert_true (ob_window_load_file_sync (window, file, &error));
      g_assert_no_error (error);
      assert_shows (window, path);
    }
  /* One sidebar row per file. */
  g_assert_cmpuint (count_rows (window->sidebar_list), ==, samples->len);

  destroy_window (window);
}

static void
wait_until_idle (ObWindow *window)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (window->n_loading > 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

static char *
write_temp_csv (const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = NULL;
  int fd = g_file_open_tmp ("oncobench-XXXXXX.csv", &path, &error);

  g_assert_no_error (error);
  g_close (fd, NULL);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

/* Files open in a worker; a failure becomes a dialog, not a message on the terminal. */
static void
test_open_async (void)
{
  g_autoptr(GPtrArray) samples = list_samples ();
  const char *path = g_ptr_array_index (samples, 0);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/oncobench/missing.csv");
  ObWindow *window = create_window ();
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n_toplevels;

  ob_window_open_file (window, file);
  g_assert_cmpuint (window->n_loading, ==, 1);
  /* A second request while the first is read is the same request. */
  ob_window_open_file (window, file);
  g_assert_cmpuint (window->n_loading, ==, 1);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "loading");
  wait_until_idle (window);
  assert_shows (window, path);

  /* The same file again selects it rather than opening a copy. */
  ob_window_open_file (window, file);
  g_assert_cmpuint (window->n_loading, ==, 0);
  g_assert_cmpuint (window->entries->len, ==, 1);

  n_toplevels = g_list_model_get_n_items (toplevels);
  ob_window_open_file (window, missing);
  wait_until_idle (window);
  g_assert_cmpuint (window->entries->len, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, n_toplevels + 1);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel))
        {
          g_assert_true (strstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (toplevel)),
                                 "missing.csv") != NULL);
          gtk_window_destroy (toplevel);
        }
    }

  destroy_window (window);
}

static GtkDropTarget *
find_drop_target (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  GtkDropTarget *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        found = GTK_DROP_TARGET (controller);
    }
  return found;
}

/* Files dropped on the window open as if chosen in the file chooser. */
static void
test_drop_files (void)
{
  g_autoptr(GPtrArray) samples = list_samples ();
  ObWindow *window = create_window ();
  GtkDropTarget *target = find_drop_target (GTK_WIDGET (window));
  GFile *files[2];
  GValue value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  g_assert_nonnull (target);
  g_assert_cmpuint (samples->len, >=, 2);
  for (guint i = 0; i < 2; i++)
    files[i] = g_file_new_for_path (g_ptr_array_index (samples, i));
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_array (files, 2));

  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_assert_true (accepted);
  wait_until_idle (window);
  g_assert_cmpuint (window->entries->len, ==, 2);
  g_assert_nonnull (ob_window_find_entry (window, g_ptr_array_index (samples, 0)));
  g_assert_nonnull (ob_window_find_entry (window, g_ptr_array_index (samples, 1)));

  g_value_unset (&value);
  for (guint i = 0; i < 2; i++)
    g_object_unref (files[i]);
  destroy_window (window);
}

static void
test_change_column_type (void)
{
  g_autofree char *path = write_temp_csv ("id,dose,arm\n1,10,a\n2,20,b\n3,40,a\n");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  ObWindow *window = create_window ();
  ObWindowEntry *entry;
  int dose;

  g_assert_true (ob_window_load_file_sync (window, file, &error));
  g_assert_no_error (error);
  dose = ob_dataset_find_column (ob_window_get_dataset (window), "dose");
  g_assert_cmpint (dose, >=, 0);
  g_assert_cmpint (ob_dataset_get_column (ob_window_get_dataset (window), dose)->type, ==,
                   OB_COLUMN_NUMERIC);

  /* As the header menu does it: the file is read again with the column's new type. */
  entry = ob_window_get_current_entry (window);
  gtk_widget_activate_action (GTK_WIDGET (entry->view), "dataset.column-type-1", "s",
                              "categorical");
  wait_until_idle (window);
  g_assert_cmpint (ob_dataset_get_column (ob_window_get_dataset (window), dose)->type, ==,
                   OB_COLUMN_CATEGORICAL);
  g_assert_cmpuint (ob_dataset_get_n_rows (ob_window_get_dataset (window)), ==, 3);
  g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (entry->column_types, "dose")), ==,
                   OB_COLUMN_CATEGORICAL + 1);
  g_assert_cmpuint (g_list_model_get_n_items (
                      G_LIST_MODEL (gtk_column_view_get_model (current_column_view (window)))),
                    ==, 3);

  /* Closing the dataset while its file is read again drops the result. */
  gtk_widget_activate_action (GTK_WIDGET (entry->view), "dataset.column-type-1", "s", "text");
  g_assert_cmpuint (window->n_loading, ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close-dataset", NULL);
  wait_until_idle (window);
  g_assert_cmpuint (window->entries->len, ==, 0);
  g_assert_null (ob_window_get_dataset (window));

  destroy_window (window);
  g_unlink (path);
}

/* Skipped rows are reported in the window, with their details a click away. */
static void
test_import_warnings (void)
{
  g_autofree char *ragged = write_temp_csv ("a,b,c\n1,2,x\n3,4\n5,6,y\n");
  g_autofree char *clean = write_temp_csv ("a,b\n1,2\n");
  g_autoptr(GFile) ragged_file = g_file_new_for_path (ragged);
  g_autoptr(GFile) clean_file = g_file_new_for_path (clean);
  g_autoptr(GError) error = NULL;
  ObWindow *window = create_window ();
  ObWindowEntry *entry;

  g_assert_true (ob_window_load_file_sync (window, ragged_file, &error));
  g_assert_no_error (error);
  entry = ob_window_get_current_entry (window);
  g_assert_cmpuint (ob_dataset_get_n_rows (ob_window_get_dataset (window)), ==, 2);
  g_assert_cmpuint (ob_dataset_get_warnings (ob_window_get_dataset (window))->len, >, 0);
  g_assert_nonnull (entry->warnings_toast);

  g_assert_true (ob_window_load_file_sync (window, clean_file, &error));
  g_assert_no_error (error);
  g_assert_null (ob_window_get_current_entry (window)->warnings_toast);

  /* Reading it again replaces its toast. */
  gtk_list_box_select_row (window->sidebar_list, entry->row);
  gtk_widget_activate_action (GTK_WIDGET (entry->view), "dataset.column-type-0", "s", "text");
  wait_until_idle (window);
  g_assert_nonnull (entry->warnings_toast);

  /* Closing the file takes its toast away; the window closes with the other one open. */
  gtk_list_box_select_row (window->sidebar_list, entry->row);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close-dataset", NULL);
  g_assert_cmpuint (window->entries->len, ==, 1);
  g_assert_true (ob_window_load_file_sync (window, ragged_file, &error));
  g_assert_no_error (error);

  destroy_window (window);
  g_unlink (ragged);
  g_unlink (clean);
}

static gboolean
lists_title (GtkListBox *list,
             const char *title)
{
  for (int i = 0; gtk_list_box_get_row_at_index (list, i) != NULL; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, i);

      if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == 0)
        return TRUE;
    }
  return FALSE;
}

/* A file opened once is offered on the empty page of the next window; samples are not. */
static void
test_recent_files (void)
{
  g_autofree char *path = write_temp_csv ("x,y\n1,2\n");
  g_autofree char *name = g_path_get_basename (path);
  g_autoptr(GPtrArray) samples = list_samples ();
  g_autofree char *sample_name = g_path_get_basename (g_ptr_array_index (samples, 0));
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) sample = g_file_new_for_path (g_ptr_array_index (samples, 0));
  g_autoptr(GError) error = NULL;
  ObWindow *window = create_window ();

  g_assert_true (ob_window_load_file_sync (window, file, &error));
  g_assert_no_error (error);
  g_assert_true (ob_window_load_file_sync (window, sample, &error));
  g_assert_no_error (error);
  destroy_window (window);

  window = create_window ();
  g_assert_true (gtk_widget_get_visible (window->recent_box));
  g_assert_true (lists_title (window->recent_list, name));
  g_assert_false (lists_title (window->recent_list, sample_name));
  destroy_window (window);

  /* A file that has gone is not offered. */
  g_unlink (path);
  window = create_window ();
  g_assert_false (lists_title (window->recent_list, name));
  destroy_window (window);
}

static void
test_new_survival (void)
{
  g_autoptr(GPtrArray) samples = list_samples ();
  g_autoptr(GError) error = NULL;
  ObWindow *window = create_window ();
  ObDataset *dataset;
  GtkWidget *page;

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (g_ptr_array_index (samples, i));
      g_assert_true (ob_window_load_file_sync (window, file, &error));
      g_assert_no_error (error);
    }
  /* Analyse the first file, which is not the one shown last. */
  gtk_list_box_select_row (window->sidebar_list,
                           gtk_list_box_get_row_at_index (window->sidebar_list, 0));
  dataset = ob_window_get_dataset (window);
  g_assert_cmpstr (ob_dataset_get_source_path (dataset), ==, g_ptr_array_index (samples, 0));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (window->new_analysis_button)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-survival", NULL));
  page = gtk_stack_get_visible_child (window->content_stack);
  g_assert_true (OB_IS_SURVIVAL_PAGE (page));
  g_assert_true (ob_window_get_dataset (window) == dataset);
  /* The analysis sits under its dataset, above the second file. */
  g_assert_cmpuint (count_rows (window->sidebar_list), ==, 3);
  g_assert_true (gtk_list_box_get_selected_row (window->sidebar_list)
                 == gtk_list_box_get_row_at_index (window->sidebar_list, 1));

  /* The same actions on a secondary click in the sidebar. */
  g_assert_true (gtk_widget_get_parent (window->sidebar_popover)
                 == GTK_WIDGET (window->sidebar_list));
  g_assert_cmpint (g_menu_model_get_n_items (window->sidebar_menu), ==, 2);

  /* Closing the dataset takes its analysis with it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.close-dataset", NULL));
  g_assert_cmpuint (window->entries->len, ==, 1);
  g_assert_cmpuint (count_rows (window->sidebar_list), ==, 1);
  g_assert_cmpstr (ob_dataset_get_source_path (ob_window_get_dataset (window)), ==,
                   g_ptr_array_index (samples, 1));
  g_assert_true (OB_IS_DATASET_VIEW (gtk_stack_get_visible_child (window->content_stack)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close-dataset", NULL);
  g_assert_null (ob_window_get_dataset (window));
  g_assert_null (gtk_stack_get_visible_child (window->content_stack));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "empty");

  destroy_window (window);
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/gui/window/empty-state", test_empty_state);
  g_test_add_func ("/gui/window/open-samples", test_open_samples);
  g_test_add_func ("/gui/window/open-async", test_open_async);
  g_test_add_func ("/gui/window/drop-files", test_drop_files);
  g_test_add_func ("/gui/window/change-column-type", test_change_column_type);
  g_test_add_func ("/gui/window/import-warnings", test_import_warnings);
  g_test_add_func ("/gui/window/recent-files", test_recent_files);
  g_test_add_func ("/gui/window/new-survival", test_new_survival);

  return g_test_run ();
}
