/* test-autosave.c: unsaved work survives a kill -9 and is offered back at the next start
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-test"

#include "config.h"

#include <signal.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "ob-autosave.h"
#include "ob-survival-page-private.h"
#include "ob-window-private.h"

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
open_lung_with_analysis (ObWindow *window)
{
  g_autofree char *path = g_build_filename (OB_SOURCE_DIR, "data", "samples", "lung.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (ob_window_load_file_sync (window, file, &error));
  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-survival", NULL));
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

static void
clear_autosaves (void)
{
  g_autofree char *dir = ob_autosave_get_dir ();

  remove_dir (dir);
}

static gboolean
timeout_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until the window's autosave is on disk. The bound is generous because a
 * sanitizer build on a loaded machine can take many seconds to write the first autosave. */
static void
wait_for_autosave (ObWindow *window)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (120, timeout_cb, &timed_out);

  while (!timed_out && (ob_autosave_get_path (window) == NULL
                        || !g_file_test (ob_autosave_get_path (window), G_FILE_TEST_EXISTS)))
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
}

/* The child: work that is never saved, autosaved, then the process is killed outright. */
static void
crash_after_autosave (void)
{
  ObWindow *window = create_window ();
  ObSurvivalPage *page;

  open_lung_with_analysis (window);
  page = OB_SURVIVAL_PAGE (gtk_stack_get_visible_child (window->content_stack));
  g_assert_true (ob_survival_page_set_group_column (page, "ph.ecog"));
  wait_for_autosave (window);
  /* The async write renames into place last; the file exists only once complete. */
  kill (getpid (), SIGKILL);
}

static void
test_recover_after_kill (void)
{
  g_auto(GStrv) orphans = NULL;
  ObWindow *window;
  ObSurvivalPage *page;
  const ObColumn *group;
  AdwMessageDialog *dialog = NULL;
  GListModel *toplevels;
  g_autoptr(GError) error = NULL;

  if (g_test_subprocess ())
    {
      crash_after_autosave ();
      return;
    }
  clear_autosaves ();
  g_test_trap_subprocess (NULL, 240 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_failed ();

  orphans = ob_autosave_find_orphans ();
  g_assert_nonnull (orphans);
  g_assert_cmpuint (g_strv_length (orphans), ==, 1);

  /* The next start offers it back. */
  window = create_window ();
  g_assert_true (ob_autosave_offer_recovery (window));
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (item))
        dialog = ADW_MESSAGE_DIALOG (item);
    }
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (dialog, "recover"));
  g_assert_true (adw_message_dialog_has_response (dialog, "discard"));
  adw_message_dialog_response (dialog, "recover");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Everything as it was, still unsaved, and the orphan gone. */
  g_assert_cmpuint (window->entries->len, ==, 1);
  gtk_list_box_select_row (window->sidebar_list,
                           gtk_list_box_get_row_at_index (window->sidebar_list, 1));
  page = OB_SURVIVAL_PAGE (gtk_stack_get_visible_child (window->content_stack));
  g_assert_true (OB_IS_SURVIVAL_PAGE (page));
  group = ob_survival_page_selected_column (page, page->group_row, page->group_columns);
  g_assert_cmpstr (group->name, ==, "ph.ecog");
  g_assert_true (ob_window_has_unsaved_changes (window));
  g_clear_pointer (&orphans, g_strfreev);
  orphans = ob_autosave_find_orphans ();
  g_assert_null (orphans);

  /* A deliberate discard on close leaves nothing to recover. */
  g_assert_true (ob_autosave_write_now (window, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (ob_autosave_get_path (window), G_FILE_TEST_EXISTS));
  ob_autosave_discard (window);
  g_assert_false (g_file_test (ob_autosave_get_path (window), G_FILE_TEST_EXISTS));
  destroy_window (window);
  clear_autosaves ();
}

/* A saved project leaves no autosave behind; a live process' autosave is no orphan. */
static void
test_saved_work_not_offered (void)
{
  g_autofree char *dir = g_dir_make_tmp ("oncobench-autosave-XXXXXX", NULL);
  g_autofree char *project = g_build_filename (dir, "saved.oncobench", NULL);
  g_autoptr(GError) error = NULL;
  ObWindow *window = create_window ();

  clear_autosaves ();
  ob_autosave_set_interval (20);
  open_lung_with_analysis (window);
  wait_for_autosave (window);
  g_assert_null (ob_autosave_find_orphans ());

  g_assert_true (ob_window_save_project_sync (window, project, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (ob_autosave_get_path (window), G_FILE_TEST_EXISTS));
  g_assert_false (ob_autosave_offer_recovery (window));

  destroy_window (window);
  ob_autosave_set_interval (OB_AUTOSAVE_INTERVAL_MS);
  remove_dir (dir);
  clear_autosaves ();
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *state = NULL;

  /* A subprocess inherits the parent's folder, so both see the same autosaves. */
  if (g_getenv ("OB_TEST_STATE_HOME") == NULL)
    {
      state = g_dir_make_tmp ("oncobench-state-XXXXXX", NULL);
      g_setenv ("OB_TEST_STATE_HOME", state, TRUE);
    }
  g_setenv ("XDG_STATE_HOME", g_getenv ("OB_TEST_STATE_HOME"), TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  ob_autosave_set_interval (100);

  g_test_add_func ("/gui/autosave/recover-after-kill", test_recover_after_kill);
  g_test_add_func ("/gui/autosave/saved-work-not-offered", test_saved_work_not_offered);

  if (state != NULL)
    {
      int status = g_test_run ();

      remove_dir (state);
      return status;
    }
  return g_test_run ();
}
