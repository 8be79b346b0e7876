/* ob-window-project.c: the window's work as a project: saving, opening, asking before losing it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-app"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "ob-autosave.h"
#include "ob-project-io.h"
#include "ob-window-private.h"

#define PROJECT_SUFFIX ".oncobench"

static void save_as (ObWindow *self,
                     gboolean  close_after);

/* Helpers */

static gboolean
has_analyses (ObWindow *self)
{
  for (guint i = 0; self->entries != NULL && i < self->entries->len; i++)
    if (((ObWindowEntry *) g_ptr_array_index (self->entries, i))->n_analyses > 0)
      return TRUE;
  return self->kept_analyses != NULL && self->kept_analyses->len > 0;
}

/* Tables opened from files are still on disk; analyses and a project's copies are not. */
static gboolean
needs_saving (ObWindow *self)
{
  return self->dirty && (self->project_path != NULL || has_analyses (self));
}

static char *
project_display_name (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);

  if (g_str_has_suffix (base, PROJECT_SUFFIX))
    base[strlen (base) - strlen (PROJECT_SUFFIX)] = '\0';
  return g_steal_pointer (&base);
}

static void
toast (ObWindow   *self,
       const char *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

/* Saving */

typedef struct
{
  ObWindow *window;
  char *path;
  guint64 changes;          /* the window's change count when the save began */
  gboolean close_after;
} SaveRequest;

static void
save_request_free (SaveRequest *request)
{
  g_object_unref (request->window);
  g_free (request->path);
  g_free (request);
}

static void
saved (ObWindow   *self,
       const char *path,
       guint64     changes)
{
  if (g_strcmp0 (self->project_path, path) != 0)
    {
      g_free (self->project_path);
      self->project_path = g_strdup (path);
    }
  /* Changes made while the file was written are still unsaved. */
  if (self->changes == changes)
    {
      self->dirty = FALSE;
      ob_autosave_discard (self);
    }
  ob_window_remember_file (self, path);
  ob_window_update_title (self);
}

static void
save_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  SaveRequest *request = user_data;
  ObWindow *self = request->window;
  g_autoptr(GError) error = NULL;

  if (!ob_project_io_save_finish (result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          self->saving = FALSE;
          /* The work stays in the window, unsaved, for another place or another try. */
          ob_window_show_error (self, _("Could Not Save the Project"), error);
          ob_window_update_title (self);
        }
      save_request_free (request);
      return;
    }

  self->saving = FALSE;
  saved (self, request->path, request->changes);
  if (request->close_after)
    {
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
  else
    {
      g_autofree char *name = g_path_get_basename (request->path);
      g_autofree char *text = g_strdup_printf (_("Saved “%s”"), name);

      toast (self, text);
    }
  save_request_free (request);
}

static void
save_to (ObWindow   *self,
         const char *path,
         gboolean    close_after)
{
  SaveRequest *request = g_new0 (SaveRequest, 1);

  request->window = g_object_ref (self);
  request->path = g_strdup (path);
  request->changes = self->changes;
  request->close_after = close_after;
  self->saving = TRUE;
  ob_project_io_save_async (ob_project_io_collect (self), path, self->cancellable,
                            save_done_cb, request);
}

static void
save_as_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     ObWindow        *self)
{
  gboolean close_after = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog),
                                                             "ob-close-after"));
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  if (file == NULL)
    return;
  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autoptr(GError) error = NULL;

      g_set_error_literal (&error, OB_ERROR, OB_ERROR_FAILED,
                           _("Projects can only be saved to a folder on this computer."));
      ob_window_show_error (self, _("Could Not Save the Project"), error);
      return;
    }
  if (!g_str_has_suffix (path, PROJECT_SUFFIX))
    {
      char *with_suffix = g_strconcat (path, PROJECT_SUFFIX, NULL);

      g_free (path);
      path = with_suffix;
    }
  save_to (self, path, close_after);
}

static void
save_as (ObWindow *self,
         gboolean  close_after)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  chooser = gtk_file_chooser_native_new (_("Save Project"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Oncobench Projects"));
  gtk_file_filter_add_suffix (filter, "oncobench");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  if (self->project_path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (self->project_path);

      gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), file, NULL);
    }
  else
    {
      ObWindowEntry *entry = ob_window_get_current_entry (self);
      g_autofree char *stem = entry != NULL ? g_strdup (entry->name) : g_strdup (_("Untitled"));
      char *dot = strrchr (stem, '.');

      if (dot != NULL && dot != stem)
        *dot = '\0';
      name = g_strconcat (stem, PROJECT_SUFFIX, NULL);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    }

  g_object_set_data (G_OBJECT (chooser), "ob-close-after", GINT_TO_POINTER (close_after));
  g_signal_connect (chooser, "response", G_CALLBACK (save_as_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ObWindow *self = OB_WINDOW (widget);

  if (self->saving)
    return;
  if (self->project_path != NULL)
    save_to (self, self->project_path, FALSE);
  else
    save_as (self, FALSE);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ObWindow *self = OB_WINDOW (widget);

  if (!self->saving)
    save_as (self, FALSE);
}

/* Closing */

static void
close_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   ObWindow         *self)
{
  if (g_str_equal (response, "save"))
    {
      if (self->project_path != NULL)
        save_to (self, self->project_path, TRUE);
      else
        save_as (self, TRUE);
    }
  else if (g_str_equal (response, "discard"))
    {
      ob_autosave_discard (self);
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

static gboolean
ob_window_close_request (GtkWindow *window)
{
  ObWindow *self = OB_WINDOW (window);
  AdwMessageDialog *dialog;
  g_autofree char *body = NULL;

  if (self->close_confirmed || !needs_saving (self))
    {
      ob_autosave_discard (self);
      return GTK_WINDOW_CLASS (g_type_class_peek (ADW_TYPE_APPLICATION_WINDOW))
               ->close_request (window);
    }

  if (self->project_path != NULL)
    {
      g_autofree char *name = project_display_name (self->project_path);

      body = g_strdup_printf (_("“%s” has changes that are not saved. Save them before "
                                "closing?"), name);
    }
  else
    body = g_strdup (_("The analyses of this window are not saved in a project yet. Save "
                       "them before closing?"));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window, _("Save Changes?"), body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "discard", _("_Discard"),
                                    "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (close_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

/* Opening */

typedef struct
{
  ObWindow *window;
  char *path;
} LoadRequest;

static void
load_request_free (LoadRequest *request)
{
  g_object_unref (request->window);
  g_free (request->path);
  g_free (request);
}

static void
show_restore_problems (ObWindow   *self,
                       const char *problems)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Some Analyses Cannot Be Shown"),
                                                       problems));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_project (ObWindow   *self,
              ObProject  *project,
              const char *path)
{
  g_autofree char *problems = ob_project_io_restore (self, project);

  g_free (self->project_path);
  self->project_path = g_strdup (path);
  self->dirty = FALSE;
  g_clear_pointer (&self->undo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->redo_stack, g_ptr_array_unref);
  ob_window_remember_file (self, path);
  ob_window_update_title (self);
  ob_window_update_actions (self);
  if (problems != NULL)
    show_restore_problems (self, problems);
}

static void
load_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  LoadRequest *request = user_data;
  ObWindow *self = request->window;
  g_autoptr(GError) error = NULL;
  g_autoptr(ObProject) project = ob_project_io_load_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      load_request_free (request);
      return;
    }
  self->n_loading--;
  if (project == NULL)
    {
      g_autofree char *name = g_path_get_basename (request->path);
      g_autofree char *heading = g_strdup_printf (_("Could Not Open “%s”"), name);

      ob_window_show_error (self, heading, error);
      ob_window_update_title (self);
      gtk_stack_set_visible_child_name (self->main_stack,
                                        self->entries->len > 0 ? "workbench" : "empty");
      gtk_spinner_stop (self->spinner);
      gtk_widget_set_visible (GTK_WIDGET (self->spinner), self->n_loading > 0);
    }
  else
    show_project (self, project, request->path);
  load_request_free (request);
}

void
ob_window_open_project (ObWindow *self,
                        GFile    *file)
{
  g_autofree char *path = g_file_get_path (file);
  LoadRequest *request;
  ObWindow *target = self;

  g_return_if_fail (path != NULL);

  if (g_strcmp0 (self->project_path, path) == 0)
    return;
  /* A project is a window's whole content: another one opens beside it. */
  if (self->entries->len > 0 || self->project_path != NULL || self->n_loading > 0)
    {
      GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

      target = ob_window_new (ADW_APPLICATION (app));
      gtk_window_present (GTK_WINDOW (target));
    }

  request = g_new0 (LoadRequest, 1);
  request->window = g_object_ref (target);
  request->path = g_steal_pointer (&path);
  target->n_loading++;
  gtk_stack_set_visible_child_name (target->main_stack, "loading");
  gtk_widget_set_visible (GTK_WIDGET (target->spinner), TRUE);
  gtk_spinner_start (target->spinner);
  ob_project_io_load_async (request->path, target->cancellable, load_done_cb, request);
}

/* Following the analyses */

static void
analysis_changed_cb (ObAnalysisPage *page,
                     ObWindow       *self)
{
  ob_window_set_dirty (self, TRUE);
  ob_window_undo_page_changed (self, page);
}

void
ob_window_watch_analysis (ObWindow       *self,
                          ObAnalysisPage *page)
{
  ob_window_undo_watch (self, page);
  /* An analysis brought back by undo is watched already. */
  g_signal_handlers_disconnect_by_data (page, self);
  g_signal_connect_object (page, "changed", G_CALLBACK (analysis_changed_cb), self, 0);
}

/* Shared with the window's other files */

void
ob_window_set_dirty (ObWindow *self,
                     gboolean  dirty)
{
  if (dirty)
    {
      self->changes++;
      ob_autosave_schedule (self);
    }
  if (self->dirty == dirty)
    return;
  self->dirty = dirty;
  ob_window_update_title (self);
}

void
ob_window_update_title (ObWindow *self)
{
  ObWindowEntry *entry = ob_window_get_current_entry (self);
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *window_title = NULL;

  if (self->project_path != NULL)
    name = project_display_name (self->project_path);
  else if (has_analyses (self))
    name = g_strdup (_("Unsaved Project"));

  if (name == NULL)
    title = g_strdup (_("Oncobench"));
  else if (self->dirty)
    /* TRANSLATORS: the title of a project with unsaved changes */
    title = g_strdup_printf (_("• %s"), name);
  else
    title = g_strdup (name);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, entry != NULL ? entry->name : NULL);

  if (name != NULL)
    /* TRANSLATORS: the window title in task switchers: project, then the application */
    window_title = g_strdup_printf (_("%s — Oncobench"), title);
  else if (entry != NULL)
    window_title = g_strdup_printf (_("%s — Oncobench"), entry->name);
  else
    window_title = g_strdup (_("Oncobench"));
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

ObAnalysisPage *
ob_window_row_get_analysis (GtkListBoxRow *row)
{
  GtkWidget *page = row != NULL ? g_object_get_data (G_OBJECT (row), "ob-page") : NULL;

  return page != NULL && OB_IS_ANALYSIS_PAGE (page) ? OB_ANALYSIS_PAGE (page) : NULL;
}

void
ob_window_foreach_analysis (ObWindow             *self,
                            ObWindowAnalysisFunc  func,
                            gpointer              user_data)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->sidebar_list, i)) != NULL; i++)
    {
      ObAnalysisPage *page = ob_window_row_get_analysis (row);

      if (page != NULL)
        func (self, g_object_get_data (G_OBJECT (row), "ob-entry"), page,
              g_object_get_data (G_OBJECT (row), "ob-title"), user_data);
    }
}

typedef struct
{
  ObWindowEntry *entry;
  GHashTable *titles;
} TitlesOf;

static void
collect_title (ObWindow       *self,
               ObWindowEntry  *entry,
               ObAnalysisPage *page,
               const char     *title,
               gpointer        user_data)
{
  TitlesOf *of = user_data;

  if (entry == of->entry && title != NULL)
    g_hash_table_add (of->titles, (gpointer) title);
}

GtkWidget *
ob_window_new_analysis (ObWindow      *self,
                        ObWindowEntry *entry,
                        const char    *kind)
{
  const ObAnalysisKind *info = ob_analysis_kind_lookup (kind);
  g_autoptr(GHashTable) titles = g_hash_table_new (g_str_hash, g_str_equal);
  TitlesOf of = { entry, titles };
  g_autofree char *title = NULL;
  GtkWidget *page;

  g_return_val_if_fail (info != NULL, NULL);

  /* The first of a kind is named by it; later ones are numbered, from 2, so two analyses of
   * one dataset can be told apart. */
  ob_window_foreach_analysis (self, collect_title, &of);
  title = g_strdup (gettext (info->title));
  for (guint n = 2; g_hash_table_contains (titles, title); n++)
    {
      g_free (title);
      title = g_strdup_printf ("%s %u", gettext (info->title), n);
    }
  page = info->new_page (ob_dataset_view_get_dataset (entry->view));
  ob_window_add_analysis (self, entry, page, title, info->icon_name);
  return page;
}

void
ob_window_init_project (ObWindow *self)
{
  ob_autosave_start (self);
}

void
ob_window_dispose_project (ObWindow *self)
{
  ob_autosave_stop (self);
  if (self->sidebar_list != NULL)
    ob_window_undo_dispose (self);
  g_clear_pointer (&self->kept_analyses, g_ptr_array_unref);
  g_clear_pointer (&self->project_path, g_free);
}

void
ob_window_class_init_project (GtkWidgetClass *widget_class)
{
  GTK_WINDOW_CLASS (widget_class)->close_request = ob_window_close_request;

  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  ob_window_class_init_undo (widget_class);
}

/* Public */

const char *
ob_window_get_project_path (ObWindow *self)
{
  g_return_val_if_fail (OB_IS_WINDOW (self), NULL);

  return self->project_path;
}

gboolean
ob_window_has_unsaved_changes (ObWindow *self)
{
  g_return_val_if_fail (OB_IS_WINDOW (self), FALSE);

  return needs_saving (self);
}

gboolean
ob_window_save_project_sync (ObWindow    *self,
                             const char  *path,
                             GError     **error)
{
  g_autoptr(ObProject) project = NULL;

  g_return_val_if_fail (OB_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  project = ob_project_io_collect (self);
  if (!ob_project_save (project, path, error))
    return FALSE;
  saved (self, path, self->changes);
  return TRUE;
}

gboolean
ob_window_load_project_sync (ObWindow    *self,
                             const char  *path,
                             GError     **error)
{
  g_autoptr(ObProject) project = NULL;

  g_return_val_if_fail (OB_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  project = ob_project_load (path, error);
  if (project == NULL)
    return FALSE;
  show_project (self, project, path);
  return TRUE;
}
