/* ob-window-undo.c: undo and redo of analysis settings, and of deleting an analysis
 *
 * A page's settings are snapshotted (as the command line spells them) whenever it reports a
 * change; undo loads the snapshot before it.  Snapshots are taken once the change has settled,
 * so a choice that moves two settings at once is one step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-app"

#include "config.h"

#include <glib/gi18n.h>

#include "ob-window-private.h"

/* Enough for an afternoon of tweaking; older steps are dropped. */
#define MAX_STEPS 200

typedef enum
{
  STEP_SETTINGS,
  STEP_DELETE,
} StepKind;

typedef struct
{
  StepKind kind;
  ObAnalysisPage *page;
  JsonObject *before;       /* STEP_SETTINGS */
  JsonObject *after;
  guint entry_id;           /* STEP_DELETE: where the analysis was */
  char *title;
  char *icon_name;
} UndoStep;

static void
undo_step_free (gpointer data)
{
  UndoStep *step = data;

  g_clear_object (&step->page);
  g_clear_pointer (&step->before, json_object_unref);
  g_clear_pointer (&step->after, json_object_unref);
  g_free (step->title);
  g_free (step->icon_name);
  g_free (step);
}

static GPtrArray *
ensure_stack (GPtrArray **stack)
{
  if (*stack == NULL)
    *stack = g_ptr_array_new_with_free_func (undo_step_free);
  return *stack;
}

static void
update_undo_actions (ObWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 self->undo_stack != NULL && self->undo_stack->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 self->redo_stack != NULL && self->redo_stack->len > 0);
}

static void
push_undo (ObWindow *self,
           UndoStep *step)
{
  GPtrArray *stack = ensure_stack (&self->undo_stack);

  g_ptr_array_add (stack, step);
  if (stack->len > MAX_STEPS)
    g_ptr_array_remove_index (stack, 0);
  /* A new change makes the undone ones unreachable. */
  g_clear_pointer (&self->redo_stack, g_ptr_array_unref);
  update_undo_actions (self);
}

static void
set_snapshot (ObAnalysisPage *page,
              JsonObject     *settings)
{
  g_object_set_data_full (G_OBJECT (page), "ob-undo-settings", settings,
                          (GDestroyNotify) json_object_unref);
}

static GtkListBoxRow *
find_row (ObWindow       *self,
          ObAnalysisPage *page)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->sidebar_list, i)) != NULL; i++)
    if (ob_window_row_get_analysis (row) == page)
      return row;
  return NULL;
}

static ObWindowEntry *
find_entry_by_id (ObWindow *self,
                  guint     id)
{
  for (guint i = 0; i < self->entries->len; i++)
    {
      ObWindowEntry *entry = g_ptr_array_index (self->entries, i);

      if (entry->id == id)
        return entry;
    }
  return NULL;
}

/* Settings snapshots */

/* Weak on the window: a closing window must not wait for its pages' snapshots. */
typedef struct
{
  GWeakRef window;
  ObAnalysisPage *page;
} Pending;

static void
pending_free (gpointer data)
{
  Pending *pending = data;

  g_object_set_data (G_OBJECT (pending->page), "ob-undo-idle", NULL);
  g_weak_ref_clear (&pending->window);
  g_object_unref (pending->page);
  g_free (pending);
}

static void
take_snapshot (ObWindow       *self,
               ObAnalysisPage *page)
{
  JsonObject *before = g_object_get_data (G_OBJECT (page), "ob-undo-settings");
  g_autoptr(JsonObject) now = ob_analysis_page_save_settings (page);
  UndoStep *step;

  if (before != NULL && json_object_equal (before, now))
    return;
  if (before != NULL)
    {
      step = g_new0 (UndoStep, 1);
      step->kind = STEP_SETTINGS;
      step->page = g_object_ref (page);
      step->before = json_object_ref (before);
      step->after = json_object_ref (now);
      push_undo (self, step);
    }
  set_snapshot (page, g_steal_pointer (&now));
}

static gboolean
snapshot_idle_cb (gpointer user_data)
{
  Pending *pending = user_data;
  g_autoptr(ObWindow) window = g_weak_ref_get (&pending->window);

  /* A closed window keeps no history. */
  if (window != NULL && !g_cancellable_is_cancelled (window->cancellable))
    take_snapshot (window, pending->page);
  return G_SOURCE_REMOVE;
}

static void
cancel_pending (ObAnalysisPage *page)
{
  guint id = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (page), "ob-undo-idle"));

  if (id != 0)
    g_source_remove (id);
}

void
ob_window_undo_watch (ObWindow       *self,
                      ObAnalysisPage *page)
{
  set_snapshot (page, ob_analysis_page_save_settings (page));
}

void
ob_window_undo_page_changed (ObWindow       *self,
                             ObAnalysisPage *page)
{
  Pending *pending;
  guint id;

  if (self->undoing || g_object_get_data (G_OBJECT (page), "ob-undo-idle") != NULL)
    return;
  pending = g_new0 (Pending, 1);
  g_weak_ref_init (&pending->window, self);
  pending->page = g_object_ref (page);
  /* After the page's own recomputation, which runs at high idle priority. */
  id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, snapshot_idle_cb, pending, pending_free);
  g_object_set_data (G_OBJECT (page), "ob-undo-idle", GUINT_TO_POINTER (id));
}

/* Undo and redo */

static void
load_snapshot (ObWindow       *self,
               ObAnalysisPage *page,
               JsonObject     *settings)
{
  g_autoptr(GError) error = NULL;
  GtkListBoxRow *row;

  /* A change still settling belongs before this step. */
  cancel_pending (page);
  self->undoing = TRUE;
  if (!ob_analysis_page_load_settings (page, settings, &error))
    g_message ("Could not restore settings: %s", error->message);
  self->undoing = FALSE;
  set_snapshot (page, ob_analysis_page_save_settings (page));
  row = find_row (self, page);
  if (row != NULL)
    gtk_list_box_select_row (self->sidebar_list, row);
  ob_window_set_dirty (self, TRUE);
}

static void
remove_analysis (ObWindow      *self,
                 GtkListBoxRow *row)
{
  ObWindowEntry *entry = g_object_get_data (G_OBJECT (row), "ob-entry");
  GtkWidget *page = g_object_get_data (G_OBJECT (row), "ob-page");

  cancel_pending (OB_ANALYSIS_PAGE (page));
  gtk_stack_remove (self->content_stack, page);
  gtk_list_box_remove (self->sidebar_list, GTK_WIDGET (row));
  entry->n_analyses--;
  gtk_list_box_select_row (self->sidebar_list, entry->row);
  ob_window_set_dirty (self, TRUE);
}

static gboolean
restore_analysis (ObWindow *self,
                  UndoStep *step)
{
  ObWindowEntry *entry = find_entry_by_id (self, step->entry_id);

  if (entry == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("The analysis’ dataset is closed")));
      return FALSE;
    }
  ob_window_add_analysis (self, entry, GTK_WIDGET (step->page), step->title, step->icon_name);
  return TRUE;
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ObWindow *self = OB_WINDOW (widget);
  UndoStep *step;

  if (self->undo_stack == NULL || self->undo_stack->len == 0)
    return;
  step = g_ptr_array_steal_index (self->undo_stack, self->undo_stack->len - 1);
  if (step->kind == STEP_SETTINGS)
    load_snapshot (self, step->page, step->before);
  else if (!restore_analysis (self, step))
    {
      undo_step_free (step);
      update_undo_actions (self);
      return;
    }
  g_ptr_array_add (ensure_stack (&self->redo_stack), step);
  update_undo_actions (self);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ObWindow *self = OB_WINDOW (widget);
  UndoStep *step;

  if (self->redo_stack == NULL || self->redo_stack->len == 0)
    return;
  step = g_ptr_array_steal_index (self->redo_stack, self->redo_stack->len - 1);
  if (step->kind == STEP_SETTINGS)
    load_snapshot (self, step->page, step->after);
  else
    {
      GtkListBoxRow *row = find_row (self, step->page);

      if (row == NULL)
        {
          undo_step_free (step);
          update_undo_actions (self);
          return;
        }
      remove_analysis (self, row);
    }
  g_ptr_array_add (ensure_stack (&self->undo_stack), step);
  update_undo_actions (self);
}

/* Editing the sidebar */

static GtkListBoxRow *
selected_analysis_row (ObWindow *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->sidebar_list);

  return ob_window_row_get_analysis (row) != NULL ? row : NULL;
}

static void
delete_analysis_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  ObWindow *self = OB_WINDOW (widget);
  GtkListBoxRow *row = selected_analysis_row (self);
  ObWindowEntry *entry;
  g_autofree char *text = NULL;
  UndoStep *step;
  AdwToast *toast;

  if (row == NULL)
    return;
  entry = g_object_get_data (G_OBJECT (row), "ob-entry");
  step = g_new0 (UndoStep, 1);
  step->kind = STEP_DELETE;
  step->page = g_object_ref (ob_window_row_get_analysis (row));
  step->entry_id = entry->id;
  step->title = g_strdup (g_object_get_data (G_OBJECT (row), "ob-title"));
  step->icon_name = g_strdup (g_object_get_data (G_OBJECT (row), "ob-icon"));
  text = g_strdup_printf (_("“%s” deleted"), step->title);

  remove_analysis (self, row);
  push_undo (self, step);

  toast = adw_toast_new (text);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
duplicate_analysis_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  ObWindow *self = OB_WINDOW (widget);
  GtkListBoxRow *row = selected_analysis_row (self);
  ObAnalysisPage *source;
  g_autoptr(JsonObject) settings = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *copy;
  double width, height, dpi;

  if (row == NULL)
    return;
  source = ob_window_row_get_analysis (row);
  if (ob_analysis_kind_lookup (ob_analysis_page_get_kind (source)) == NULL)
    return;
  settings = ob_analysis_page_save_settings (source);
  ob_analysis_page_get_figure_size (source, &width, &height, &dpi);
  copy = ob_window_new_analysis (self, g_object_get_data (G_OBJECT (row), "ob-entry"),
                                 ob_analysis_page_get_kind (source));
  if (!ob_analysis_page_load_settings (OB_ANALYSIS_PAGE (copy), settings, &error))
    g_message ("Could not copy settings: %s", error->message);
  ob_analysis_page_set_figure_size (OB_ANALYSIS_PAGE (copy), width, height, dpi);
  ob_window_undo_watch (self, OB_ANALYSIS_PAGE (copy));
}

static void
rename_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    ObWindow         *self)
{
  GtkEditable *editable = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  GtkListBoxRow *row = g_object_get_data (G_OBJECT (dialog), "ob-row");
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (editable)));
  GtkLabel *label;

  if (!g_str_equal (response, "rename") || *name == '\0'
      || find_row (self, ob_window_row_get_analysis (row)) == NULL)
    return;
  label = g_object_get_data (G_OBJECT (row), "ob-title-label");
  gtk_label_set_text (label, name);
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), name);
  g_object_set_data_full (G_OBJECT (row), "ob-title", g_steal_pointer (&name), g_free);
  ob_window_set_dirty (self, TRUE);
}

static void
rename_activate_cb (GtkEntry         *entry,
                    AdwMessageDialog *dialog)
{
  adw_message_dialog_response (dialog, "rename");
  gtk_window_close (GTK_WINDOW (dialog));
}

static void
rename_analysis_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  ObWindow *self = OB_WINDOW (widget);
  GtkListBoxRow *row = selected_analysis_row (self);
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  if (row == NULL)
    return;
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Rename Analysis"), NULL));
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), g_object_get_data (G_OBJECT (row), "ob-title"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Analysis name"), -1);
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "rename", _("_Rename"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "rename", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "rename");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "ob-row", g_object_ref (row), g_object_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (rename_response_cb), self);
  g_signal_connect (entry, "activate", G_CALLBACK (rename_activate_cb), dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
ob_window_undo_dispose (ObWindow *self)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->sidebar_list, i)) != NULL; i++)
    if (ob_window_row_get_analysis (row) != NULL)
      cancel_pending (ob_window_row_get_analysis (row));
  g_clear_pointer (&self->undo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->redo_stack, g_ptr_array_unref);
}

void
ob_window_class_init_undo (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.delete-analysis", NULL,
                                   delete_analysis_action);
  gtk_widget_class_install_action (widget_class, "win.duplicate-analysis", NULL,
                                   duplicate_analysis_action);
  gtk_widget_class_install_action (widget_class, "win.rename-analysis", NULL,
                                   rename_analysis_action);
}
