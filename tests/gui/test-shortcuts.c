/* test-shortcuts.c: the shortcuts window lists every key the app answers to, and no other
 *
 * The keys come from where the app really sets them: the application's accelerators, the
 * window's class bindings (less those every libadwaita window has), the presentation's
 * shortcut controller and the table's list navigation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-test"

#include "config.h"

#include <string.h>

#include "ob-application.h"
#include "ob-presentation.h"
#include "ob-window-private.h"

#define OVERLAY_PATH "/io/github/oncobench/Oncobench/gtk/help-overlay.ui"

static void
wait_idle (void)
{
  for (guint i = 0; i < 5; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

/* One spelling per key: "<ctrl>n" and "<Control>n" are the same shortcut. */
static char *
normalize (const char *accel)
{
  guint key;
  GdkModifierType mods;

  if (!gtk_accelerator_parse (accel, &key, &mods))
    g_error ("cannot parse the accelerator “%s”", accel);
  return gtk_accelerator_name (key, mods);
}

static void
add_accels (GHashTable *set,
            const char *list,
            const char *separators)
{
  g_auto(GStrv) parts = g_strsplit_set (list, separators, -1);

  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] != '\0')
      g_hash_table_add (set, normalize (parts[i]));
}

static GHashTable *
new_set (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* The keys of a widget's own shortcut controllers: its class bindings, the F10 every window
 * has, or the one named name. Managers that gather the children's shortcuts are left out. */
static GHashTable *
controller_keys (GtkWidget  *widget,
                 const char *name)
{
  static const char * const own[] = {
    "gtk-widget-class-shortcuts", "gtk-window-menubar-accel", NULL
  };
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  GHashTable *set = new_set ();

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller)
          || gtk_event_controller_get_name (controller) == NULL
          || (name != NULL && !g_str_equal (gtk_event_controller_get_name (controller), name))
          || (name == NULL && !g_strv_contains (own, gtk_event_controller_get_name (controller))))
        continue;
      for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (controller)); k++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), k);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (
            gtk_shortcut_get_trigger (shortcut));

          /* Mnemonics follow the labels, as Alt+letter; they are not listed. */
          if (g_str_equal (trigger, "never") || g_str_has_prefix (trigger, "<Mnemonic>"))
            continue;
          add_accels (set, trigger, "|");
        }
    }
  return set;
}

typedef struct
{
  GHashTable *actions;       /* action names listed */
  GHashTable *presentation;  /* keys listed in the Presentation group */
  GHashTable *table;         /* keys of the Table group */
  GHashTable *window;        /* other keys listed without an action */
} Overlay;

/* From the objects the file declares: the section shows them regrouped into columns. */
static void
collect_overlay (GtkBuilder *builder,
                 Overlay    *overlay)
{
  GObject *presentation_group = gtk_builder_get_object (builder, "presentation_group");
  GObject *table_group = gtk_builder_get_object (builder, "table_group");
  g_autoptr(GSList) objects = gtk_builder_get_objects (builder);

  g_assert_nonnull (presentation_group);
  g_assert_nonnull (table_group);
  for (GSList *l = objects; l != NULL; l = l->next)
    {
      g_autofree char *action = NULL;
      g_autofree char *accelerator = NULL;
      GObject *group;

      if (!GTK_IS_SHORTCUTS_SHORTCUT (l->data))
        continue;
      group = G_OBJECT (gtk_widget_get_parent (l->data));
      g_object_get (l->data, "action-name", &action, "accelerator", &accelerator, NULL);
      if (action != NULL)
        g_hash_table_add (overlay->actions, g_steal_pointer (&action));
      else if (group == presentation_group)
        add_accels (overlay->presentation, accelerator, " ");
      else if (group == table_group)
        add_accels (overlay->table, accelerator, " ");
      else
        add_accels (overlay->window, accelerator, " ");
    }
}

static void
assert_subset (GHashTable *set,
               GHashTable *of,
               const char *what)
{
  GHashTableIter iter;
  const char *key;
  g_autoptr(GString) missing = g_string_new (NULL);

  g_hash_table_iter_init (&iter, set);
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, NULL))
    if (!g_hash_table_contains (of, key))
      g_string_append_printf (missing, " %s", key);
  if (missing->len > 0)
    g_test_fail_printf ("%s:%s", what, missing->str);
}

static GtkWidget *
find_list_view (GtkWidget *widget)
{
  if (GTK_IS_LIST_VIEW (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_list_view (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_overlay_matches (void)
{
  g_autoptr(ObApplication) app = ob_application_new ();
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (OVERLAY_PATH);
  g_autoptr(GError) error = NULL;
  Overlay overlay = { new_set (), new_set (), new_set (), new_set () };
  g_autoptr(GHashTable) app_actions = new_set ();
  g_autoptr(GHashTable) window_own = NULL;
  g_autoptr(GHashTable) window_base = NULL;
  g_autoptr(GHashTable) presentation_keys = NULL;
  g_autoptr(GHashTable) table_keys = NULL;
  g_auto(GStrv) descriptions = NULL;
  GHashTableIter iter;
  const char *key;
  GtkWidget *base;
  GtkWidget *column_view;
  ObWindow *window;
  GtkWidget *presentation;
  GPtrArray *pages;

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  collect_overlay (builder, &overlay);
  g_assert_cmpuint (g_hash_table_size (overlay.actions), >, 0);

  /* Application accelerators, listed by their action; Ctrl+? comes from GtkApplication. */
  descriptions = gtk_application_list_action_descriptions (GTK_APPLICATION (app));
  for (guint i = 0; descriptions[i] != NULL; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                    descriptions[i]);

      if (accels[0] != NULL)
        g_hash_table_add (app_actions, g_strdup (descriptions[i]));
    }
  g_assert_true (g_hash_table_contains (app_actions, "win.show-help-overlay"));
  assert_subset (app_actions, overlay.actions, "accelerators missing from the shortcuts window");
  assert_subset (overlay.actions, app_actions, "the shortcuts window lists actions without keys");

  /* The window's own bindings, less those of every libadwaita window (F10, focus keys). */
  window = ob_window_new (ADW_APPLICATION (app));
  base = adw_application_window_new (GTK_APPLICATION (app));
  window_own = controller_keys (GTK_WIDGET (window), NULL);
  window_base = controller_keys (base, NULL);
  g_hash_table_iter_init (&iter, window_base);
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, NULL))
    g_hash_table_remove (window_own, key);
  g_assert_true (g_hash_table_contains (window_own, "F9"));
  g_assert_true (g_hash_table_contains (window_base, "F10"));
  assert_subset (window_own, overlay.window, "window keys missing from the shortcuts window");
  {
    g_autoptr(GHashTable) all = controller_keys (GTK_WIDGET (window), NULL);

    assert_subset (overlay.window, all, "the shortcuts window lists keys the window ignores");
  }

  /* The presentation: both ways. */
  {
    g_autofree char *path = g_build_filename (OB_SOURCE_DIR, "data", "samples", "lung.csv",
                                              NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);

    g_assert_true (ob_window_load_file_sync (window, file, &error));
    g_assert_no_error (error);
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-survival", NULL));
  wait_idle ();
  pages = g_ptr_array_new ();
  g_ptr_array_add (pages, gtk_stack_get_visible_child (window->content_stack));
  presentation = ob_presentation_new (GTK_WINDOW (window), pages, 0);
  g_ptr_array_unref (pages);
  presentation_keys = controller_keys (presentation, "ob-presentation-keys");
  g_assert_cmpuint (g_hash_table_size (presentation_keys), >, 0);
  assert_subset (presentation_keys, overlay.presentation,
                 "presentation keys missing from the shortcuts window");
  assert_subset (overlay.presentation, presentation_keys,
                 "the shortcuts window lists presentation keys it ignores");
  gtk_window_destroy (GTK_WINDOW (presentation));

  /* The table: GTK's list navigation, which the window only describes. */
  column_view = gtk_column_view_new (NULL);
  g_object_ref_sink (column_view);
  table_keys = controller_keys (find_list_view (column_view), NULL);
  assert_subset (overlay.table, table_keys, "the shortcuts window lists table keys GTK ignores");
  g_object_unref (column_view);

  gtk_window_destroy (GTK_WINDOW (base));
  gtk_window_destroy (GTK_WINDOW (window));
  wait_idle ();
  g_hash_table_unref (overlay.actions);
  g_hash_table_unref (overlay.presentation);
  g_hash_table_unref (overlay.table);
  g_hash_table_unref (overlay.window);
}

/* Each presentation key does what the shortcuts window says. */
static void
test_presentation_keys (void)
{
  g_autoptr(GError) error = NULL;
  ObWindow *window = g_object_ref (ob_window_new (NULL));
  g_autofree char *path = g_build_filename (OB_SOURCE_DIR, "data", "samples", "lung.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GListModel) controllers = NULL;
  GtkShortcutController *keys = NULL;
  ObPresentation *presentation;
  GPtrArray *pages = g_ptr_array_new ();
  static const struct
  {
    const char *key;
    guint index_after;   /* from index 1 of 3 */
  } steps[] = {
    { "Right", 2 }, { "Down", 2 }, { "Page_Down", 2 }, { "space", 2 },
    { "Left", 0 }, { "Up", 0 }, { "Page_Up", 0 }, { "BackSpace", 0 },
    { "Home", 0 }, { "End", 2 },
  };

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (ob_window_load_file_sync (window, file, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-survival", NULL));
      wait_idle ();
      g_ptr_array_add (pages, gtk_stack_get_visible_child (window->content_stack));
    }
  presentation = OB_PRESENTATION (ob_presentation_new (GTK_WINDOW (window), pages, 1));
  g_ptr_array_unref (pages);
  g_object_ref (presentation);
  gtk_window_present (GTK_WINDOW (presentation));
  wait_idle ();

  controllers = gtk_widget_observe_controllers (GTK_WIDGET (presentation));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (g_strcmp0 (gtk_event_controller_get_name (controller), "ob-presentation-keys") == 0)
        keys = GTK_SHORTCUT_CONTROLLER (controller);
    }
  g_assert_nonnull (keys);

  for (guint s = 0; s < G_N_ELEMENTS (steps); s++)
    {
      gboolean found = FALSE;

      ob_presentation_step (presentation, 1 - (int) ob_presentation_get_index (presentation));
      g_assert_cmpuint (ob_presentation_get_index (presentation), ==, 1);
      for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (keys)); k++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (keys), k);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (
            gtk_shortcut_get_trigger (shortcut));

          if (!g_str_equal (trigger, steps[s].key))
            continue;
          found = TRUE;
          g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                       GTK_WIDGET (presentation),
                                                       gtk_shortcut_get_arguments (shortcut)));
        }
      g_assert_true (found);
      g_assert_cmpuint (ob_presentation_get_index (presentation), ==, steps[s].index_after);
    }

  gtk_window_destroy (GTK_WINDOW (presentation));
  wait_idle ();
  g_assert_finalize_object (presentation);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *state = g_dir_make_tmp ("oncobench-state-XXXXXX", NULL);

  g_setenv ("XDG_STATE_HOME", state, TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/gui/shortcuts/overlay-matches", test_overlay_matches);
  g_test_add_func ("/gui/shortcuts/presentation-keys", test_presentation_keys);

  return g_test_run ();
}
