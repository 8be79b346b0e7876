/* gui-test-util.c: what the GUI tests share (the compare page's helpers among them)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-test"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "gui-test-util.h"
#include "ob-csv-reader.h"

void
gui_assert_close (double      actual,
                  double      expected,
                  double      tolerance,
                  const char *what)
{
  if (isnan (expected))
    {
      if (!isnan (actual))
        g_error ("%s: expected NA, got %.17g", what, actual);
      return;
    }
  if (!(fabs (actual - expected) <= tolerance * MAX (1.0, fabs (expected))))
    g_error ("%s: expected %.17g, got %.17g", what, expected, actual);
}

double
gui_member_double (JsonObject *object,
                   const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  g_assert_nonnull (node);
  return JSON_NODE_HOLDS_NULL (node) ? NAN : json_node_get_double (node);
}

ObComparePage *
gui_new_page_from (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ObDataset) dataset = ob_csv_read_file (path, NULL, &error);
  GtkWidget *page;

  g_assert_no_error (error);
  page = ob_compare_page_new (dataset);
  g_object_ref_sink (page);
  return OB_COMPARE_PAGE (page);
}

ObComparePage *
gui_new_page (const char *sample)
{
  g_autofree char *path = g_build_filename (OB_SOURCE_DIR, "data", "samples", sample, NULL);

  return gui_new_page_from (path);
}

JsonNode *
gui_load_json (const char *name)
{
  g_autofree char *path = g_build_filename (OB_SOURCE_DIR, "tests", "reference", name, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

JsonParser *
gui_run_cli (const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *std_out = NULL;
  g_autofree char *std_err = NULL;
  g_autoptr(GError) error = NULL;
  JsonParser *parser = json_parser_new ();
  int status = 0;

  g_ptr_array_add (argv, (gpointer) g_getenv ("OB_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &std_out,
                &std_err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("oncobench-cli %s failed: %s", args[0], std_err);
  json_parser_load_from_data (parser, std_out, -1, &error);
  g_assert_no_error (error);
  return parser;
}

void
gui_wait_idle (void)
{
  for (guint i = 0; i < 5; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

void
gui_render_project (const char *project,
                    const char *out)
{
  const char *cli = g_getenv ("OB_CLI");
  const char *argv[] = { cli, "render", project, "--out", out, "--format", "png", NULL };
  g_autofree char *std_err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) figures = NULL;
  int status = 0;
  guint n_files = 0;

  if (cli == NULL)
    {
      g_test_message ("OB_CLI is not set: oncobench-cli render is not checked");
      return;
    }
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL,
                &std_err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("render failed: %s", std_err);
  figures = g_dir_open (out, 0, &error);
  g_assert_no_error (error);
  while (g_dir_read_name (figures) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, >=, 1);
}

void
gui_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        gui_remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}
