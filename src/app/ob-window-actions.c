/* ob-window-actions.c: what the window's menus, buttons and shortcuts do
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-app"

#include "config.h"

#include <glib/gi18n.h>

#include "ob-cohort-page.h"
#include "ob-subgroups-page.h"
#include "ob-compare-page.h"
#include "ob-elisa-page.h"
#include "ob-elisa-page-import.h"
#include "ob-growth-page.h"
#include "ob-survival-page.h"
#include "ob-window-private.h"

/* The import warnings dialog lists this many and counts the rest. */
#define MAX_LISTED_WARNINGS 50

static void
file_chooser_response_cb (GtkNativeDialog *dialog,
                          int              response,
                          ObWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);
          ob_window_open_file (self, file);
        }
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ObWindow *self = OB_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) tables = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) projects = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Open Dataset or Project"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);

  gtk_file_filter_set_name (tables, _("Datasets and Projects"));
  gtk_file_filter_add_suffix (tables, "oncobench");
  gtk_file_filter_add_mime_type (tables, "text/csv");
  gtk_file_filter_add_mime_type (tables, "text/tab-separated-values");
  gtk_file_filter_add_suffix (tables, "csv");
  gtk_file_filter_add_suffix (tables, "tsv");
  gtk_file_filter_add_suffix (tables, "txt");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), tables);

  gtk_file_filter_set_name (projects, _("Oncobench Projects"));
  gtk_file_filter_add_suffix (projects, "oncobench");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), projects);

  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);

  g_signal_connect (chooser, "response", G_CALLBACK (file_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_path_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_variant_get_string (parameter, NULL));

  ob_window_open_file (OB_WINDOW (widget), file);
}

static void
new_survival_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ObWindow *self = OB_WINDOW (widget);
  ObWindowEntry *entry = ob_window_get_current_entry (self);

  if (entry != NULL)
    ob_window_new_analysis (self, entry, "survival");
}

static void
new_compare_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ObWindow *self = OB_WINDOW (widget);
  ObWindowEntry *entry = ob_window_get_current_entry (self);

  if (entry != NULL)
    ob_window_new_analysis (self, entry, "compare");
}

static void
new_elisa_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ObWindow *self = OB_WINDOW (widget);
  ObWindowEntry *entry = ob_window_get_current_entry (self);

  if (entry != NULL)
    ob_window_new_analysis (self, entry, "elisa");
}

static void
new_growth_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ObWindow *self = OB_WINDOW (widget);
  ObWindowEntry *entry = ob_window_get_current_entry (self);

  if (entry != NULL)
    ob_window_new_analysis (self, entry, "growth");
}

static void
new_cohort_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ObWindow *self = OB_WINDOW (widget);
  ObWindowEntry *entry = ob_window_get_current_entry (self);

  if (entry != NULL)
    ob_window_new_analysis (self, entry, "cohort");
}

static void
new_subgroups_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ObWindow *self = OB_WINDOW (widget);
  ObWindowEntry *entry = ob_window_get_current_entry (self);

  if (entry != NULL)
    ob_window_new_analysis (self, entry, "subgroups");
}

static void
close_dataset_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ObWindow *self = OB_WINDOW (widget);
  ObWindowEntry *entry = ob_window_get_current_entry (self);

  if (entry != NULL)
    ob_window_close_entry (self, entry);
}

static void
show_import_warnings_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  ObWindow *self = OB_WINDOW (widget);
  ObWindowEntry *entry = ob_window_find_entry (self, g_variant_get_string (parameter, NULL));

  if (entry != NULL)
    ob_window_show_warnings (self, entry);
}

void
ob_window_show_warnings (ObWindow      *self,
                         ObWindowEntry *entry)
{
  const GPtrArray *warnings = ob_dataset_get_warnings (ob_dataset_view_get_dataset (entry->view));
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *name = g_path_get_basename (entry->path);
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  GtkWidget *scrolled;
  GtkWidget *label;

  for (guint i = 0; i < warnings->len && i < MAX_LISTED_WARNINGS; i++)
    g_string_append_printf (text, "%s• %s", i > 0 ? "\n" : "",
                            (const char *) g_ptr_array_index (warnings, i));
  if (warnings->len > MAX_LISTED_WARNINGS)
    {
      guint rest = warnings->len - MAX_LISTED_WARNINGS;

      g_string_append_c (text, '\n');
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "… and %u more",
                                                 "… and %u more", rest), rest);
    }

  body = g_strdup_printf (_("These cells or rows of “%s” were not read as they stand:"), name);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Import Warnings"), body);

  label = gtk_label_new (text->str);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
toggle_sidebar (GtkWidget *widget,
                GVariant  *args,
                gpointer   user_data)
{
  ObWindow *self = OB_WINDOW (widget);

  if (!gtk_widget_get_visible (self->sidebar_button))
    return FALSE;
  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
  return TRUE;
}

/* Ctrl+N opens the "New Analysis" menu, so every kind is two keys away. */
static gboolean
popup_new_analysis (GtkWidget *widget,
                    GVariant  *args,
                    gpointer   user_data)
{
  ObWindow *self = OB_WINDOW (widget);

  if (!gtk_widget_is_sensitive (GTK_WIDGET (self->new_analysis_button)))
    return FALSE;
  gtk_menu_button_popup (self->new_analysis_button);
  return TRUE;
}

void
ob_window_update_actions (ObWindow *self)
{
  gboolean has_dataset = ob_window_get_current_entry (self) != NULL;
  gboolean has_analysis =
    ob_window_row_get_analysis (gtk_list_box_get_selected_row (self->sidebar_list)) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-survival", has_dataset);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-compare", has_dataset);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-elisa", has_dataset);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-growth", has_dataset);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-cohort", has_dataset);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-subgroups", has_dataset);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.close-dataset", has_dataset);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-analysis", has_analysis);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.duplicate-analysis", has_analysis);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.rename-analysis", has_analysis);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 self->undo_stack != NULL && self->undo_stack->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 self->redo_stack != NULL && self->redo_stack->len > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->new_analysis_button), has_dataset);
  ob_window_update_figure_actions (self);
}

void
ob_window_class_init_actions (GtkWidgetClass *widget_class)
{
  /* Every kind a project may hold; the window makes, saves and restores them alike. */
  ob_analysis_kind_register ("survival", N_("Survival Analysis"), "ob-survival-symbolic",
                             ob_survival_page_new);
  ob_analysis_kind_register ("compare", N_("Compare Groups"), "view-grid-symbolic",
                             ob_compare_page_new);
  ob_analysis_kind_register ("elisa", N_("ELISA"), "view-app-grid-symbolic", ob_elisa_page_new);
  ob_analysis_kind_register ("growth", N_("Tumour Growth"), "go-up-symbolic",
                             ob_growth_page_new);
  ob_analysis_kind_register ("cohort", N_("Cohort Overview"), "view-list-symbolic",
                             ob_cohort_page_new);
  ob_analysis_kind_register ("subgroups", N_("Subgroups"), "view-sort-descending-symbolic",
                             ob_subgroups_page_new);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-path", "s", open_path_action);
  gtk_widget_class_install_action (widget_class, "win.new-survival", NULL, new_survival_action);
  gtk_widget_class_install_action (widget_class, "win.new-compare", NULL, new_compare_action);
  gtk_widget_class_install_action (widget_class, "win.new-elisa", NULL, new_elisa_action);
  gtk_widget_class_install_action (widget_class, "win.new-growth", NULL, new_growth_action);
  gtk_widget_class_install_action (widget_class, "win.new-cohort", NULL, new_cohort_action);
  gtk_widget_class_install_action (widget_class, "win.new-subgroups", NULL,
                                   new_subgroups_action);
  gtk_widget_class_install_action (widget_class, "win.close-dataset", NULL, close_dataset_action);
  gtk_widget_class_install_action (widget_class, "win.import-plate-grid", NULL,
                                   ob_elisa_page_import_grid_action);
  gtk_widget_class_install_action (widget_class, "win.show-import-warnings", "s",
                                   show_import_warnings_action);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_F9, 0, toggle_sidebar, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, popup_new_analysis,
                                NULL);
}

/* Linked selection */

typedef struct
{
  ObDataset *dataset;
  const char *column;
  char *filter;             /* "column=level" */
  guint n;
} ApplyFilter;

static void
apply_filter_to_page (ObWindow       *self,
                      ObWindowEntry  *entry,
                      ObAnalysisPage *page,
                      const char     *title,
                      gpointer        user_data)
{
  /* The kinds whose settings take "where" filters, as their commands do. */
  static const char * const kinds[] = { "survival", "subgroups", "compare", NULL };
  ApplyFilter *apply = user_data;
  g_autoptr(JsonObject) settings = NULL;
  g_autofree char *prefix = NULL;
  JsonNode *node;
  JsonArray *where;

  if (ob_analysis_page_get_dataset (page) != apply->dataset
      || !g_strv_contains (kinds, ob_analysis_page_get_kind (page)))
    return;

  /* The selection replaces any filter on its column and joins those on others. */
  settings = ob_analysis_page_save_settings (page);
  prefix = g_strconcat (apply->column, "=", NULL);
  where = json_array_new ();
  node = json_object_get_member (settings, "where");
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *old = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (old); i++)
        {
          const char *text = json_array_get_string_element (old, i);

          if (text != NULL && !g_str_has_prefix (text, prefix))
            json_array_add_string_element (where, text);
        }
    }
  json_array_add_string_element (where, apply->filter);
  json_object_set_array_member (settings, "where", where);
  if (ob_analysis_page_load_settings (page, settings, NULL))
    apply->n++;
}

/* Filters the analyses of dataset that take filters to the rows where column holds level;
 * returns how many did. */
guint
ob_window_apply_filter (ObWindow   *self,
                        ObDataset  *dataset,
                        const char *column,
                        const char *level)
{
  ApplyFilter apply = { dataset, column, NULL, 0 };

  g_return_val_if_fail (OB_IS_WINDOW (self), 0);
  g_return_val_if_fail (column != NULL && level != NULL, 0);

  apply.filter = g_strconcat (column, "=", level, NULL);
  ob_window_foreach_analysis (self, apply_filter_to_page, &apply);
  g_free (apply.filter);
  return apply.n;
}
