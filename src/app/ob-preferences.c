/* ob-preferences.c: the preferences window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-app"

#include "config.h"

#include <glib/gi18n.h>

#include "ob-export-dialog.h"
#include "ob-preferences.h"

/* A combo row over a string key: the row's items stand for values[]. */
typedef struct
{
  GSettings *settings;
  const char *key;
  const char * const *values;
} Choice;

static void
choice_free (gpointer data)
{
  Choice *choice = data;

  g_object_unref (choice->settings);
  g_free (choice);
}

static void
selected_cb (AdwComboRow *row,
             GParamSpec  *pspec,
             Choice      *choice)
{
  guint i = adw_combo_row_get_selected (row);

  if (i < g_strv_length ((char **) choice->values))
    g_settings_set_string (choice->settings, choice->key, choice->values[i]);
}

static GtkWidget *
add_choice (AdwPreferencesGroup *group,
            GSettings           *settings,
            const char          *key,
            const char          *title,
            const char          *subtitle,
            const char * const  *labels,
            const char * const  *values)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  g_autofree char *current = g_settings_get_string (settings, key);
  Choice *choice = g_new0 (Choice, 1);

  for (guint i = 0; labels[i] != NULL; i++)
    gtk_string_list_append (list, gettext (labels[i]));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (list));
  for (guint i = 0; values[i] != NULL; i++)
    if (g_strcmp0 (values[i], current) == 0)
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  choice->settings = g_object_ref (settings);
  choice->key = key;
  choice->values = values;
  g_signal_connect_data (row, "notify::selected", G_CALLBACK (selected_cb), choice,
                         (GClosureNotify) (void (*) (void)) choice_free, 0);
  adw_preferences_group_add (group, row);
  return row;
}

GtkWidget *
ob_preferences_new (GtkWindow *parent)
{
  static const char *palette_labels[] = {
    N_("Okabe–Ito (colour-blind safe)"), N_("Greyscale"), N_("Viridis"), NULL,
  };
  static const char *palette_values[] = { "okabe-ito", "grey", "viridis", NULL };
  static const char *unit_labels[] = { N_("Millimetres"), N_("Inches"), NULL };
  static const char *unit_values[] = { "mm", "in", NULL };
  static const char *ci_labels[] = { N_("Log-log"), N_("Log"), N_("Plain"), NULL };
  static const char *ci_values[] = { "log-log", "log", "plain", NULL };
  static const char *conventions_labels[] = { N_("R"), N_("Prism"), NULL };
  static const char *conventions_values[] = { "r", "prism", NULL };
  /* Room for every preset; the list is static, like the strings it points to. */
  static const char *preset_labels[64];
  static const char *preset_values[G_N_ELEMENTS (preset_labels)];
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  const ObExportPreset *presets;
  guint n_presets;
  GtkWidget *window;
  GtkWidget *page;
  AdwPreferencesGroup *figures, *survival;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "default-palette"))
    return NULL;
  settings = g_settings_new (APPLICATION_ID);

  presets = ob_export_presets (&n_presets);
  n_presets = MIN (n_presets, G_N_ELEMENTS (preset_labels) - 1);
  for (guint i = 0; i < n_presets; i++)
    {
      preset_labels[i] = presets[i].name;
      preset_values[i] = presets[i].id;
    }
  preset_labels[n_presets] = preset_values[n_presets] = NULL;

  window = adw_preferences_window_new ();
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  adw_preferences_window_set_search_enabled (ADW_PREFERENCES_WINDOW (window), FALSE);
  page = adw_preferences_page_new ();
  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (page), _("General"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (page), "preferences-system-symbolic");

  figures = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (figures, _("Figures"));
  add_choice (figures, settings, "default-palette", _("Palette"),
              _("Colours of groups in new figures"), palette_labels, palette_values);
  add_choice (figures, settings, "journal-preset", _("Journal"),
              _("The column width the export dialog starts from"), preset_labels,
              preset_values);
  add_choice (figures, settings, "figure-units", _("Units"), NULL, unit_labels, unit_values);

  survival = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (survival, _("Survival"));
  add_choice (survival, settings, "ci-transform", _("Confidence Interval"),
              _("Transform of S(t) for new analyses; log-log as SAS and Stata, log as R"),
              ci_labels, ci_values);
  add_choice (survival, settings, "conventions", _("Conventions"),
              _("Whose numbers new analyses match"), conventions_labels, conventions_values);

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), figures);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), survival);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (window), ADW_PREFERENCES_PAGE (page));
  return window;
}
