/* ob-window.c: the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-app"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>

#include "ob-csv-reader.h"
#include "ob-window-private.h"

typedef struct
{
  char *path;
  GHashTable *column_types;
  /* The id of the entry to refresh, or 0 to open a new one. */
  guint entry_id;
  char *sha256;            /* set by the thread: what a project records of the file */
} LoadRequest;

G_DEFINE_FINAL_TYPE (ObWindow, ob_window, ADW_TYPE_APPLICATION_WINDOW)

static void
dismiss_warnings (ObWindowEntry *entry)
{
  AdwToast *toast = entry->warnings_toast;

  if (toast == NULL)
    return;
  g_object_remove_weak_pointer (G_OBJECT (toast), (gpointer *) &entry->warnings_toast);
  entry->warnings_toast = NULL;
  adw_toast_dismiss (toast);
}

static void
entry_free (gpointer data)
{
  ObWindowEntry *entry = data;

  /* Its Details button would point at nothing. */
  dismiss_warnings (entry);
  g_free (entry->path);
  g_free (entry->name);
  g_free (entry->sha256);
  g_clear_pointer (&entry->column_types, g_hash_table_unref);
  g_free (entry);
}

static void
load_request_free (gpointer data)
{
  LoadRequest *request = data;

  g_free (request->path);
  g_free (request->sha256);
  g_clear_pointer (&request->column_types, g_hash_table_unref);
  g_free (request);
}

static GHashTable *
copy_column_types (GHashTable *column_types)
{
  GHashTable *copy = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key, value;

  if (column_types == NULL)
    return copy;
  g_hash_table_iter_init (&iter, column_types);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy, g_strdup (key), value);
  return copy;
}

/* Digits grouped as the user's locale groups them: "1,000,000 rows" reads at a glance. */
static char *
format_count (gsize n)
{
  const char *separator = localeconv ()->thousands_sep;
  g_autofree char *digits = g_strdup_printf ("%" G_GSIZE_FORMAT, n);
  GString *out = g_string_new (NULL);
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0 && separator != NULL)
        g_string_append (out, separator);
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}

static char *
describe_size (ObDataset *dataset)
{
  gsize n_rows = ob_dataset_get_n_rows (dataset);
  guint n_columns = ob_dataset_get_n_columns (dataset);
  g_autofree char *count = format_count (n_rows);
  g_autofree char *rows = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s row", "%s rows",
                                                        n_rows), count);
  g_autofree char *columns = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u column",
                                                           "%u columns", n_columns), n_columns);

  /* TRANSLATORS: a table size, e.g. "228 rows × 10 columns" */
  return g_strdup_printf (_("%s × %s"), rows, columns);
}

static void
update_view (ObWindow *self)
{
  const char *page;

  if (self->entries == NULL)
    return;
  if (self->entries->len > 0)
    page = "workbench";
  else if (self->n_loading > 0)
    page = "loading";
  else
    page = "empty";
  gtk_stack_set_visible_child_name (self->main_stack, page);
  gtk_widget_set_visible (self->sidebar_button, self->entries->len > 0);

  if (self->n_loading > 0)
    gtk_spinner_start (self->spinner);
  else
    gtk_spinner_stop (self->spinner);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), self->n_loading > 0);

  ob_window_update_title (self);
  ob_window_update_actions (self);
}

static GtkWidget *
create_sidebar_row (const char  *icon_name,
                    const char  *title,
                    const char  *subtitle,
                    gboolean     nested,
                    GtkLabel   **out_subtitle)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title_label = gtk_label_new (title);
  GtkWidget *subtitle_label = gtk_label_new (subtitle);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, nested ? 24 : 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (icon_name));

  gtk_label_set_xalign (GTK_LABEL (title_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title_label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_set_tooltip_text (title_label, title);
  gtk_box_append (GTK_BOX (labels), title_label);

  gtk_label_set_xalign (GTK_LABEL (subtitle_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle_label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle_label, "caption");
  gtk_widget_add_css_class (subtitle_label, "dim-label");
  gtk_widget_set_visible (subtitle_label, subtitle != NULL);
  gtk_box_append (GTK_BOX (labels), subtitle_label);

  gtk_widget_set_valign (labels, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_box_append (GTK_BOX (box), labels);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data (G_OBJECT (row), "ob-title-label", title_label);

  if (out_subtitle != NULL)
    *out_subtitle = GTK_LABEL (subtitle_label);
  return row;
}

static char *
next_page_name (ObWindow *self)
{
  return g_strdup_printf ("page-%u", ++self->n_pages);
}

static void
toast_warnings (ObWindow      *self,
                ObWindowEntry *entry)
{
  const GPtrArray *warnings = ob_dataset_get_warnings (ob_dataset_view_get_dataset (entry->view));
  g_autofree char *title = NULL;
  AdwToast *toast;

  dismiss_warnings (entry);
  if (warnings->len == 0)
    return;
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported with %u warning",
                                        "Imported with %u warnings", warnings->len),
                           warnings->len);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Details"));
  adw_toast_set_action_name (toast, "win.show-import-warnings");
  adw_toast_set_action_target_value (toast, g_variant_new_string (entry->path));
  adw_toast_set_timeout (toast, 8);
  entry->warnings_toast = toast;
  g_object_add_weak_pointer (G_OBJECT (toast), (gpointer *) &entry->warnings_toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
column_type_requested_cb (ObDatasetView *view,
                          guint          column,
                          guint          type,
                          ObWindow      *self);

static ObWindowEntry *
add_entry (ObWindow   *self,
           const char *path,
           const char *name,
           const char *sha256,
           GHashTable *column_types,
           ObDataset  *dataset)
{
  ObWindowEntry *entry = g_new0 (ObWindowEntry, 1);
  g_autofree char *size = describe_size (dataset);
  g_autofree char *page_name = next_page_name (self);
  GtkWidget *row;

  entry->id = ++self->n_entries_made;
  entry->path = g_strdup (path);
  entry->name = name != NULL ? g_strdup (name) : g_path_get_basename (path);
  entry->sha256 = g_strdup (sha256);
  entry->column_types = copy_column_types (column_types);
  entry->view = OB_DATASET_VIEW (ob_dataset_view_new (dataset));
  g_signal_connect (entry->view, "column-type-requested",
                    G_CALLBACK (column_type_requested_cb), self);
  g_ptr_array_add (self->entries, entry);

  gtk_stack_add_named (self->content_stack, GTK_WIDGET (entry->view), page_name);
  row = create_sidebar_row ("x-office-spreadsheet-symbolic", entry->name, size, FALSE,
                            &entry->subtitle);
  g_object_set_data (G_OBJECT (row), "ob-entry", entry);
  g_object_set_data (G_OBJECT (row), "ob-page", entry->view);
  entry->row = GTK_LIST_BOX_ROW (row);
  gtk_list_box_append (self->sidebar_list, row);
  gtk_list_box_select_row (self->sidebar_list, entry->row);

  if (name == NULL)
    ob_window_remember_file (self, path);
  toast_warnings (self, entry);
  ob_window_set_dirty (self, TRUE);
  update_view (self);
  return entry;
}

static void
refresh_entry (ObWindow      *self,
               ObWindowEntry *entry,
               GHashTable    *column_types,
               ObDataset     *dataset)
{
  g_autofree char *size = describe_size (dataset);

  g_clear_pointer (&entry->column_types, g_hash_table_unref);
  entry->column_types = copy_column_types (column_types);
  ob_dataset_view_set_dataset (entry->view, dataset);
  gtk_label_set_text (entry->subtitle, size);
  /* Analyses hold the table they were started on; say so rather than let a figure and the
   * table silently disagree. */
  if (entry->n_analyses > 0)
    adw_toast_overlay_add_toast (self->toast_overlay,
                                 adw_toast_new (_("Open analyses keep the previous column "
                                                  "types; start a new one to use the change")));
  toast_warnings (self, entry);
  update_view (self);
}

static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  LoadRequest *request = task_data;
  g_autoptr(GError) error = NULL;
  ObCsvOptions options;
  ObDataset *dataset;

  ob_csv_options_init (&options);
  options.column_types = request->column_types;
  dataset = ob_csv_read_file (request->path, &options, &error);
  if (dataset == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* A project records which file its copy of the data came from; unreadable now means
   * unknown, not an error. */
  request->sha256 = ob_project_file_sha256 (request->path, NULL);
  g_task_return_pointer (task, dataset, (GDestroyNotify) ob_dataset_unref);
}

static void
load_finished_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  ObWindow *self = OB_WINDOW (object);
  LoadRequest *request = g_task_get_task_data (G_TASK (result));
  g_autoptr(ObDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  ObWindowEntry *entry = NULL;

  dataset = g_task_propagate_pointer (G_TASK (result), &error);
  /* A closed window has freed its entries; there is nothing left to show the result in. */
  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  self->n_loading--;
  if (request->entry_id == 0)
    g_hash_table_remove (self->pending, request->path);
  for (guint i = 0; i < self->entries->len; i++)
    {
      ObWindowEntry *candidate = g_ptr_array_index (self->entries, i);
      if (candidate->id == request->entry_id)
        entry = candidate;
    }
  /* The dataset was closed while its file was read again. */
  if (request->entry_id != 0 && entry == NULL)
    {
      update_view (self);
      return;
    }

  if (dataset == NULL)
    {
      g_autofree char *name = g_path_get_basename (request->path);
      g_autofree char *heading = NULL;

      if (entry != NULL)
        heading = g_strdup (_("Could Not Change the Column Type"));
      else
        heading = g_strdup_printf (_("Could Not Open “%s”"), name);
      ob_window_show_error (self, heading, error);
      update_view (self);
      return;
    }

  ob_dataset_set_source_path (dataset, request->path);
  if (entry != NULL)
    {
      g_free (entry->sha256);
      entry->sha256 = g_strdup (request->sha256);
      refresh_entry (self, entry, request->column_types, dataset);
    }
  else
    add_entry (self, request->path, NULL, request->sha256, request->column_types, dataset);
}

static void
start_load (ObWindow      *self,
            const char    *path,
            GHashTable    *column_types,
            ObWindowEntry *entry)
{
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, load_finished_cb, NULL);
  LoadRequest *request = g_new0 (LoadRequest, 1);

  request->path = g_strdup (path);
  request->column_types = copy_column_types (column_types);
  request->entry_id = entry != NULL ? entry->id : 0;
  g_task_set_task_data (task, request, load_request_free);
  g_task_set_name (task, "[oncobench] read dataset");

  if (entry == NULL)
    g_hash_table_add (self->pending, g_strdup (path));
  self->n_loading++;
  update_view (self);
  g_task_run_in_thread (task, load_in_thread);
}

static void
column_type_requested_cb (ObDatasetView *view,
                          guint          column,
                          guint          type,
                          ObWindow      *self)
{
  ObDataset *dataset = ob_dataset_view_get_dataset (view);
  const ObColumn *info = ob_dataset_get_column (dataset, column);
  g_autoptr(GHashTable) column_types = NULL;
  ObWindowEntry *entry = NULL;

  for (guint i = 0; i < self->entries->len; i++)
    {
      ObWindowEntry *candidate = g_ptr_array_index (self->entries, i);
      if (candidate->view == view)
        entry = candidate;
    }
  g_return_if_fail (entry != NULL);

  column_types = copy_column_types (entry->column_types);
  g_hash_table_insert (column_types, g_strdup (info->name), GINT_TO_POINTER ((int) type + 1));
  start_load (self, entry->path, column_types, entry);
}

static void
sidebar_row_selected_cb (GtkListBox    *list,
                         GtkListBoxRow *row,
                         ObWindow      *self)
{
  GtkWidget *page = row != NULL ? g_object_get_data (G_OBJECT (row), "ob-page") : NULL;

  if (self->entries == NULL)
    return;
  if (page != NULL)
    gtk_stack_set_visible_child (self->content_stack, page);
  /* A folded sidebar covers the page the user just picked. */
  if (row != NULL && adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
  update_view (self);
}

/* A secondary click on a dataset or analysis offers what the main menu does for it. */
static void
sidebar_pressed_cb (GtkGestureClick *gesture,
                    int              n_press,
                    double           x,
                    double           y,
                    ObWindow        *self)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_y (self->sidebar_list, (int) y);
  GdkRectangle where = { (int) x, (int) y, 1, 1 };

  if (row == NULL)
    return;
  gtk_list_box_select_row (self->sidebar_list, row);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->sidebar_popover), &where);
  gtk_popover_popup (GTK_POPOVER (self->sidebar_popover));
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         ObWindow      *self)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  files = gdk_file_list_get_files (g_value_get_boxed (value));
  for (GSList *l = files; l != NULL; l = l->next)
    ob_window_open_file (self, l->data);
  g_slist_free (files);
  return files != NULL;
}

static void
bind_settings (ObWindow *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  /* An uninstalled run without GSETTINGS_SCHEMA_DIR still gets a window, only unremembered. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL)
    return;

  self->settings = g_settings_new (APPLICATION_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
  /* Another window may have opened a file. */
  g_signal_connect_object (self->settings, "changed::recent-files",
                           G_CALLBACK (ob_window_populate_recent), self, G_CONNECT_SWAPPED);
}

static void
ob_window_dispose (GObject *object)
{
  ObWindow *self = OB_WINDOW (object);

  /* Entries first: callbacks that run while the template is torn down find none. */
  g_cancellable_cancel (self->cancellable);
  ob_window_dispose_project (self);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->pending, g_hash_table_unref);
  g_clear_pointer (&self->sidebar_popover, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), OB_TYPE_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ob_window_parent_class)->dispose (object);
}

static void
ob_window_finalize (GObject *object)
{
  ObWindow *self = OB_WINDOW (object);

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (ob_window_parent_class)->finalize (object);
}

static void
ob_window_class_init (ObWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ob_window_dispose;
  object_class->finalize = ob_window_finalize;

  g_type_ensure (OB_TYPE_DATASET_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/oncobench/Oncobench/ob-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ObWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, ObWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ObWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, ObWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, ObWindow, recent_box);
  gtk_widget_class_bind_template_child (widget_class, ObWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, ObWindow, samples_box);
  gtk_widget_class_bind_template_child (widget_class, ObWindow, sample_list);
  gtk_widget_class_bind_template_child (widget_class, ObWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, ObWindow, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, ObWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, ObWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, ObWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, ObWindow, new_analysis_button);
  gtk_widget_class_bind_template_child (widget_class, ObWindow, samples_menu);
  gtk_widget_class_bind_template_child (widget_class, ObWindow, sidebar_menu);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_selected_cb);

  ob_window_class_init_actions (widget_class);
  ob_window_class_init_project (widget_class);
  ob_window_class_init_figures (widget_class);
}

static void
ob_window_init (ObWindow *self)
{
  GtkDropTarget *drop_target;
  GtkGesture *click;

  self->entries = g_ptr_array_new_with_free_func (entry_free);
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  drop_target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop_target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop_target));

  self->sidebar_popover = gtk_popover_menu_new_from_model (self->sidebar_menu);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->sidebar_popover), FALSE);
  gtk_widget_set_halign (self->sidebar_popover, GTK_ALIGN_START);
  gtk_widget_set_parent (self->sidebar_popover, GTK_WIDGET (self->sidebar_list));
  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (sidebar_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->sidebar_list), GTK_EVENT_CONTROLLER (click));

  ob_window_populate_samples (self);
  bind_settings (self);
  ob_window_populate_recent (self);
  ob_window_init_project (self);
  update_view (self);
}

ObWindowEntry *
ob_window_get_current_entry (ObWindow *self)
{
  GtkListBoxRow *row;

  if (self->entries == NULL || self->entries->len == 0)
    return NULL;
  row = gtk_list_box_get_selected_row (self->sidebar_list);
  if (row == NULL)
    return g_ptr_array_index (self->entries, self->entries->len - 1);
  return g_object_get_data (G_OBJECT (row), "ob-entry");
}

ObWindowEntry *
ob_window_find_entry (ObWindow   *self,
                      const char *path)
{
  for (guint i = 0; self->entries != NULL && i < self->entries->len; i++)
    {
      ObWindowEntry *entry = g_ptr_array_index (self->entries, i);
      if (g_strcmp0 (entry->path, path) == 0)
        return entry;
    }
  return NULL;
}

void
ob_window_show_error (ObWindow     *self,
                      const char   *heading,
                      const GError *error)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading,
                                                       error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Removes the dataset, its table and its analyses; the sidebar selects a neighbour. */
void
ob_window_close_entry (ObWindow      *self,
                       ObWindowEntry *entry)
{
  int first = gtk_list_box_row_get_index (entry->row);
  guint n_rows = entry->n_analyses + 1;
  GtkListBoxRow *next;

  for (guint i = 0; i < n_rows; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->sidebar_list, first);
      GtkWidget *page = g_object_get_data (G_OBJECT (row), "ob-page");

      gtk_stack_remove (self->content_stack, page);
      gtk_list_box_remove (self->sidebar_list, GTK_WIDGET (row));
    }
  g_ptr_array_remove (self->entries, entry);

  next = gtk_list_box_get_row_at_index (self->sidebar_list, MAX (first - 1, 0));
  if (next != NULL)
    gtk_list_box_select_row (self->sidebar_list, next);
  ob_window_set_dirty (self, TRUE);
  update_view (self);
}

/* Puts @page under the dataset's last analysis in the sidebar and shows it. */
void
ob_window_add_analysis (ObWindow      *self,
                        ObWindowEntry *entry,
                        GtkWidget     *page,
                        const char    *title,
                        const char    *icon_name)
{
  g_autofree char *page_name = next_page_name (self);
  GtkWidget *row;
  int position;

  gtk_stack_add_named (self->content_stack, page, page_name);
  row = create_sidebar_row (icon_name, title, NULL, TRUE, NULL);
  g_object_set_data (G_OBJECT (row), "ob-entry", entry);
  g_object_set_data (G_OBJECT (row), "ob-page", page);
  g_object_set_data_full (G_OBJECT (row), "ob-title", g_strdup (title), g_free);
  g_object_set_data_full (G_OBJECT (row), "ob-icon", g_strdup (icon_name), g_free);
  position = gtk_list_box_row_get_index (entry->row) + (int) entry->n_analyses + 1;
  entry->n_analyses++;
  gtk_list_box_insert (self->sidebar_list, row, position);
  gtk_list_box_select_row (self->sidebar_list, GTK_LIST_BOX_ROW (row));
  if (OB_IS_ANALYSIS_PAGE (page))
    {
      /* Exported figures name the file as it was read, even if it changed since. */
      ob_analysis_page_set_data_sha256 (OB_ANALYSIS_PAGE (page), entry->sha256);
      ob_window_watch_analysis (self, OB_ANALYSIS_PAGE (page));
    }
  ob_window_set_dirty (self, TRUE);
}

ObWindow *
ob_window_new (AdwApplication *application)
{
  return g_object_new (OB_TYPE_WINDOW, "application", application, NULL);
}

void
ob_window_open_file (ObWindow *self,
                     GFile    *file)
{
  g_autofree char *path = NULL;
  ObWindowEntry *entry;

  g_return_if_fail (OB_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (&error, OB_ERROR, OB_ERROR_FAILED,
                   _("%s is not a local file. Copy it to this computer, then open the copy."),
                   uri);
      ob_window_show_error (self, _("Could Not Open File"), error);
      return;
    }

  if (g_str_has_suffix (path, ".oncobench"))
    {
      ob_window_open_project (self, file);
      return;
    }

  /* Opening an open file again shows it rather than a second, identical copy. */
  entry = ob_window_find_entry (self, path);
  if (entry != NULL)
    {
      gtk_list_box_select_row (self->sidebar_list, entry->row);
      return;
    }
  if (g_hash_table_contains (self->pending, path))
    return;
  start_load (self, path, NULL, NULL);
}

gboolean
ob_window_load_file_sync (ObWindow  *self,
                          GFile     *file,
                          GError   **error)
{
  g_autofree char *path = NULL;
  g_autofree char *sha256 = NULL;
  g_autoptr(ObDataset) dataset = NULL;
  ObCsvOptions options;

  g_return_val_if_fail (OB_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (error, OB_ERROR, OB_ERROR_FAILED,
                   _("%s is not a local file. Copy it to this computer, then open the copy."),
                   uri);
      return FALSE;
    }

  ob_csv_options_init (&options);
  dataset = ob_csv_read_file (path, &options, error);
  if (dataset == NULL)
    return FALSE;
  ob_dataset_set_source_path (dataset, path);
  sha256 = ob_project_file_sha256 (path, NULL);
  add_entry (self, path, NULL, sha256, NULL, dataset);
  return TRUE;
}

ObWindowEntry *
ob_window_add_dataset (ObWindow   *self,
                       const char *name,
                       const char *path,
                       const char *sha256,
                       ObDataset  *dataset)
{
  return add_entry (self, path, name, sha256, NULL, dataset);
}

ObDataset *
ob_window_get_dataset (ObWindow *self)
{
  ObWindowEntry *entry;

  g_return_val_if_fail (OB_IS_WINDOW (self), NULL);

  entry = ob_window_get_current_entry (self);
  return entry != NULL ? ob_dataset_view_get_dataset (entry->view) : NULL;
}
