/* ob-window-samples.c: what the empty page offers: recent files and the bundled samples
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-app"

#include "config.h"

#include <string.h>

#include "ob-window-private.h"

/* The samples' README gives each file a heading "### name.csv — what it holds"; that line is
 * the subtitle of the file's row, so the list says more than file names. */
static GHashTable *
read_descriptions (const char *dir_path)
{
  GHashTable *descriptions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *readme_path = g_build_filename (dir_path, "README.md", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents (readme_path, &contents, NULL, NULL)
      || !g_utf8_validate (contents, -1, NULL))
    return descriptions;

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *dash = strstr (lines[i], " — ");
      g_autofree char *names = NULL;
      g_auto(GStrv) files = NULL;

      if (!g_str_has_prefix (lines[i], "### ") || dash == NULL)
        continue;
      names = g_strndup (lines[i] + 4, (gsize) (dash - lines[i] - 4));
      files = g_strsplit (names, ",", -1);
      for (guint j = 0; files[j] != NULL; j++)
        {
          g_autofree char *description = g_strdup (dash + strlen (" — "));

          g_strstrip (files[j]);
          g_strstrip (description);
          /* Markdown code spans read as plain words in a subtitle. */
          g_strdelimit (description, "`", ' ');
          /* A heading's description continues a sentence; a subtitle starts one. */
          if (g_ascii_islower (description[0]))
            description[0] = g_ascii_toupper (description[0]);
          g_strstrip (g_strdelimit (files[j], "`", ' '));
          g_hash_table_insert (descriptions, g_strdup (files[j]), g_steal_pointer (&description));
        }
    }
  return descriptions;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_utf8_collate (*(const char **) a, *(const char **) b);
}

void
ob_window_populate_samples (ObWindow *self)
{
  g_autofree char *dir_path = ob_window_find_samples_dir ();
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) descriptions = NULL;
  const char *name;

  if (dir_path != NULL)
    dir = g_dir_open (dir_path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".csv") || g_str_has_suffix (name, ".tsv"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_strings);
  if (dir_path != NULL)
    descriptions = read_descriptions (dir_path);

  for (guint i = 0; i < names->len; i++)
    {
      const char *file_name = g_ptr_array_index (names, i);
      g_autofree char *path = g_build_filename (dir_path, file_name, NULL);
      g_autoptr(GMenuItem) item = g_menu_item_new (file_name, NULL);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), file_name);
      adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      if (descriptions != NULL && g_hash_table_contains (descriptions, file_name))
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                     g_hash_table_lookup (descriptions, file_name));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-path");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), g_variant_new_string (path));
      gtk_list_box_append (self->sample_list, row);

      g_menu_item_set_action_and_target_value (item, "win.open-path",
                                               g_variant_new_string (path));
      g_menu_append_item (self->samples_menu, item);
    }
  gtk_widget_set_visible (self->samples_box, names->len > 0);
}

/* Recent files are remembered by path; the list stays short enough to scan at a glance. */
#define MAX_RECENT_FILES 6

static char *
describe_folder (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  const char *home = g_get_home_dir ();

  if (g_str_has_prefix (dir, home) && (dir[strlen (home)] == '/' || dir[strlen (home)] == '\0'))
    return g_strconcat ("~", dir + strlen (home), NULL);
  return g_steal_pointer (&dir);
}

void
ob_window_populate_recent (ObWindow *self)
{
  g_auto(GStrv) paths = NULL;
  GtkWidget *child;
  guint n_shown = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);

  if (self->settings != NULL)
    paths = g_settings_get_strv (self->settings, "recent-files");
  for (guint i = 0; paths != NULL && paths[i] != NULL; i++)
    {
      g_autofree char *name = NULL;
      g_autofree char *folder = NULL;
      GtkWidget *row;

      /* A file moved or deleted since is not offered, but stays remembered in case it
       * comes back (a network share, a USB stick). */
      if (!g_file_test (paths[i], G_FILE_TEST_IS_REGULAR))
        continue;
      name = g_path_get_basename (paths[i]);
      folder = describe_folder (paths[i]);
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), folder);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-path");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row),
                                              g_variant_new_string (paths[i]));
      gtk_list_box_append (self->recent_list, row);
      n_shown++;
    }
  gtk_widget_set_visible (self->recent_box, n_shown > 0);
}

void
ob_window_remember_file (ObWindow   *self,
                         const char *path)
{
  g_autofree char *samples_dir = ob_window_find_samples_dir ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_auto(GStrv) old = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) paths = NULL;
  guint n = 1;

  /* Samples have their own list. */
  if (self->settings == NULL || g_strcmp0 (dir, samples_dir) == 0)
    return;

  old = g_settings_get_strv (self->settings, "recent-files");
  builder = g_strv_builder_new ();
  g_strv_builder_add (builder, path);
  for (guint i = 0; old[i] != NULL && n < MAX_RECENT_FILES; i++)
    if (g_strcmp0 (old[i], path) != 0)
      {
        g_strv_builder_add (builder, old[i]);
        n++;
      }
  paths = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-files", (const char * const *) paths);
}

char *
ob_window_find_samples_dir (void)
{
  if (g_file_test (OB_SAMPLES_DIR, G_FILE_TEST_IS_DIR))
    return g_strdup (OB_SAMPLES_DIR);
  if (g_file_test (OB_SOURCE_DIR "/data/samples", G_FILE_TEST_IS_DIR))
    return g_strdup (OB_SOURCE_DIR "/data/samples");
  return NULL;
}
