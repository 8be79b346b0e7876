/* ob-autosave.c: unsaved work written aside every 30 s, and offered back after a crash
 *
 * Each window writes its own project file, named after the process, to the user's state
 * folder with the same atomic save as a real project; a clean close removes it.  A file
 * whose process is gone was left by a crash.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-app"

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "ob-autosave.h"
#include "ob-project-io.h"
#include "ob-window-private.h"

#define SUFFIX ".oncobench"
#define INFO_SUFFIX ".info"

static guint interval_ms = OB_AUTOSAVE_INTERVAL_MS;
static guint n_windows;

/* Helpers */

static char *
info_path_for (const char *path)
{
  g_autofree char *stem = g_strndup (path, strlen (path) - strlen (SUFFIX));

  return g_strconcat (stem, INFO_SUFFIX, NULL);
}

static gboolean
needs_autosave (ObWindow *self)
{
  return ob_window_has_unsaved_changes (self);
}

static const char *
ensure_path (ObWindow  *self,
             GError   **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;

  if (self->autosave_path != NULL)
    return self->autosave_path;
  dir = ob_autosave_get_dir ();
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not create the folder %s for unsaved work: %s"), dir,
                   g_strerror (saved_errno));
      return NULL;
    }
  name = g_strdup_printf ("%d-%u" SUFFIX, (int) getpid (), ++n_windows);
  self->autosave_path = g_build_filename (dir, name, NULL);
  return self->autosave_path;
}

/* Where the work was saved before, so that recovering it can offer the same place. */
static gboolean
write_info (ObWindow   *self,
            const char *path,
            GError    **error)
{
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autofree char *info_path = info_path_for (path);
  g_autofree char *data = NULL;
  gsize length;

  g_key_file_set_string (info, "autosave", "project",
                         self->project_path != NULL ? self->project_path : "");
  g_key_file_set_int64 (info, "autosave", "time", g_get_real_time () / G_USEC_PER_SEC);
  data = g_key_file_to_data (info, &length, NULL);
  return g_file_set_contents (info_path, data, (gssize) length, error);
}

static void
autosave_done_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* Not shown: the user did not ask for it, and the next autosave may succeed. */
  if (!ob_project_io_save_finish (result, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_message ("Autosave failed: %s", error->message);
}

static gboolean
autosave_cb (gpointer user_data)
{
  ObWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  const char *path;

  self->autosave_id = 0;
  if (!self->autosave_stale)
    return G_SOURCE_REMOVE;
  if (!needs_autosave (self))
    {
      ob_autosave_discard (self);
      return G_SOURCE_REMOVE;
    }
  self->autosave_stale = FALSE;
  path = ensure_path (self, &error);
  if (path == NULL || !write_info (self, path, &error))
    {
      g_message ("Autosave failed: %s", error->message);
      return G_SOURCE_REMOVE;
    }
  ob_project_io_save_async (ob_project_io_collect (self), path, self->cancellable,
                            autosave_done_cb, NULL);
  return G_SOURCE_REMOVE;
}

static void
remove_files (const char *path)
{
  g_autofree char *info = info_path_for (path);

  g_unlink (path);
  g_unlink (info);
}

/* Public */

char *
ob_autosave_get_dir (void)
{
  return g_build_filename (g_get_user_state_dir (), "oncobench", "autosave", NULL);
}

void
ob_autosave_set_interval (guint milliseconds)
{
  interval_ms = MAX (milliseconds, 1);
}

void
ob_autosave_start (ObWindow *window)
{
  window->autosave_stale = FALSE;
}

void
ob_autosave_stop (ObWindow *window)
{
  g_clear_handle_id (&window->autosave_id, g_source_remove);
  g_clear_pointer (&window->autosave_path, g_free);
}

void
ob_autosave_schedule (ObWindow *window)
{
  window->autosave_stale = TRUE;
  /* Counted from the first unsaved change, so no change waits longer than the interval. */
  if (window->autosave_id == 0)
    window->autosave_id = g_timeout_add (interval_ms, autosave_cb, window);
}

gboolean
ob_autosave_write_now (ObWindow  *window,
                       GError   **error)
{
  g_autoptr(ObProject) project = NULL;
  const char *path;

  g_return_val_if_fail (OB_IS_WINDOW (window), FALSE);

  path = ensure_path (window, error);
  if (path == NULL || !write_info (window, path, error))
    return FALSE;
  project = ob_project_io_collect (window);
  window->autosave_stale = FALSE;
  return ob_project_save (project, path, error);
}

void
ob_autosave_discard (ObWindow *window)
{
  g_clear_handle_id (&window->autosave_id, g_source_remove);
  window->autosave_stale = FALSE;
  if (window->autosave_path != NULL)
    remove_files (window->autosave_path);
}

const char *
ob_autosave_get_path (ObWindow *window)
{
  g_return_val_if_fail (OB_IS_WINDOW (window), NULL);

  return window->autosave_path;
}

static gboolean
process_alive (int pid)
{
  if (pid == (int) getpid ())
    return TRUE;
  return pid > 0 && (kill (pid, 0) == 0 || errno == EPERM);
}

static gint64
file_mtime (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? (gint64) st.st_mtime : 0;
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  gint64 ta = file_mtime (*(char * const *) a), tb = file_mtime (*(char * const *) b);

  return (ta < tb) - (ta > tb);
}

char **
ob_autosave_find_orphans (void)
{
  g_autofree char *dir_path = ob_autosave_get_dir ();
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    return NULL;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      char *end = NULL;
      gint64 pid;

      if (!g_str_has_suffix (name, SUFFIX))
        continue;
      pid = g_ascii_strtoll (name, &end, 10);
      if (end == name || *end != '-' || process_alive ((int) pid))
        continue;
      g_ptr_array_add (found, g_build_filename (dir_path, name, NULL));
    }
  if (found->len == 0)
    return NULL;
  g_ptr_array_sort (found, compare_newest_first);
  g_ptr_array_add (found, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&found), FALSE);
}

gboolean
ob_autosave_recover (ObWindow    *window,
                     const char  *path,
                     GError     **error)
{
  g_autoptr(ObProject) project = NULL;
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autofree char *info_path = info_path_for (path);
  g_autofree char *project_path = NULL;
  g_autofree char *problems = NULL;

  g_return_val_if_fail (OB_IS_WINDOW (window), FALSE);

  project = ob_project_load (path, error);
  if (project == NULL)
    return FALSE;
  if (g_key_file_load_from_file (info, info_path, G_KEY_FILE_NONE, NULL))
    project_path = g_key_file_get_string (info, "autosave", "project", NULL);

  problems = ob_project_io_restore (window, project);
  g_free (window->project_path);
  window->project_path = project_path != NULL && *project_path != '\0'
                         ? g_steal_pointer (&project_path) : NULL;
  /* Recovered work is unsaved work: it is autosaved again under this process's name, and
   * closing asks where to keep it. */
  ob_window_set_dirty (window, TRUE);
  ob_window_update_title (window);
  remove_files (path);
  if (problems != NULL)
    g_message ("Recovered with problems: %s", problems);
  return TRUE;
}

static void
recovery_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      ObWindow         *self)
{
  g_auto(GStrv) orphans = g_strdupv (g_object_get_data (G_OBJECT (dialog), "ob-orphans"));

  for (guint i = 0; orphans != NULL && orphans[i] != NULL; i++)
    {
      if (g_str_equal (response, "discard"))
        remove_files (orphans[i]);
      else if (g_str_equal (response, "recover"))
        {
          g_autoptr(GError) error = NULL;
          ObWindow *target = self;

          if (self->entries->len > 0)
            {
              target = ob_window_new (ADW_APPLICATION (gtk_window_get_application (
                                        GTK_WINDOW (self))));
              gtk_window_present (GTK_WINDOW (target));
            }
          if (!ob_autosave_recover (target, orphans[i], &error))
            ob_window_show_error (target, _("Could Not Recover the Unsaved Work"), error);
        }
    }
}

gboolean
ob_autosave_offer_recovery (ObWindow *window)
{
  g_auto(GStrv) orphans = ob_autosave_find_orphans ();
  g_autofree char *when = NULL;
  g_autofree char *body = NULL;
  g_autoptr(GDateTime) time = NULL;
  AdwMessageDialog *dialog;
  guint n;

  g_return_val_if_fail (OB_IS_WINDOW (window), FALSE);

  if (orphans == NULL)
    return FALSE;
  n = g_strv_length (orphans);
  time = g_date_time_new_from_unix_local (file_mtime (orphans[0]));
  when = g_date_time_format (time, "%c");
  if (n == 1)
    body = g_strdup_printf (_("Oncobench closed unexpectedly with unsaved work, last kept at "
                              "%s. Recover it?"), when);
  else
    body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Oncobench closed unexpectedly with %u windows of "
                                         "unsaved work, the last kept at %s. Recover them?",
                                         "Oncobench closed unexpectedly with %u windows of "
                                         "unsaved work, the last kept at %s. Recover them?", n),
                            n, when);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (window),
                                                       _("Recover Unsaved Work?"), NULL));
  adw_message_dialog_set_body (dialog, body);
  adw_message_dialog_add_responses (dialog, "later", _("_Later"), "discard", _("_Discard"),
                                    "recover", _("_Recover"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "recover", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "recover");
  adw_message_dialog_set_close_response (dialog, "later");
  g_object_set_data_full (G_OBJECT (dialog), "ob-orphans", g_steal_pointer (&orphans),
                          (GDestroyNotify) g_strfreev);
  g_signal_connect_object (dialog, "response", G_CALLBACK (recovery_response_cb), window, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}
