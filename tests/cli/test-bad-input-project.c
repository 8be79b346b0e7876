/* test-bad-input-project.c — hostile project files given to `oncobench-cli render`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A project names the file its data came from, but render works on the embedded copy: the
 * named file is never opened (watched with inotify), and whatever a project says about
 * output paths, render writes only into the folder the user gave.
 */
#define G_LOG_DOMAIN "oncobench-test"

#include "config.h"

#include <glib/gstdio.h>
#include <errno.h>
#include <string.h>
#include <sys/inotify.h>
#include <unistd.h>

#include "cli-test-util.h"



/* The saved aml project of the fuzz corpus, with its source and first dataset's name (and
 * the analysis pointing at it) replaced, and one more setting. */
static char *
write_project (const char *dir,
               const char *source_path,
               const char *dataset_name,
               const char *setting,
               const char *setting_value)
{
  g_autofree char *seed = g_build_filename (g_getenv ("OB_SOURCE_DIR"), "tests", "fuzz",
                                            "corpus", "project", "aml.oncobench", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, "hostile.oncobench", NULL);
  JsonObject *root, *dataset, *analysis;

  json_parser_load_from_file (parser, seed, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  dataset = json_array_get_object_element (json_object_get_array_member (root, "datasets"), 0);
  analysis = json_array_get_object_element (json_object_get_array_member (root, "analyses"), 0);
  json_object_set_string_member (json_object_get_object_member (dataset, "source"), "path",
                                 source_path);
  json_object_set_string_member (dataset, "name", dataset_name);
  json_object_set_string_member (analysis, "dataset", dataset_name);
  if (setting != NULL)
    json_object_set_string_member (json_object_get_object_member (analysis, "settings"),
                                   setting, setting_value);
  json_generator_set_root (generator, json_parser_get_root (parser));
  json_generator_to_file (generator, path, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

/* The source is a real table (veteran, 137 rows) that differs from the embedded one (aml, 23):
 * render must neither open it nor take its numbers. */
static void
test_source_never_opened (void)
{
  g_autofree char *dir = cli_make_temp_dir ("ob-render-XXXXXX");
  g_autofree char *out = g_build_filename (dir, "figures", NULL);
  g_autofree char *source = g_build_filename (dir, "aml.csv", NULL);
  g_autofree char *veteran = cli_sample_path ("veteran.csv");
  g_autofree char *contents = NULL;
  g_autofree char *results_path = g_build_filename (out, "Survival.json", NULL);
  g_autofree char *results = NULL;
  g_autofree char *project = NULL;
  g_autoptr(CliResult) result = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  char events[4096];
  gsize length;
  ssize_t n;
  int fd, watch;

  g_assert_true (g_file_get_contents (veteran, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (source, contents, (gssize) length, NULL));
  project = write_project (dir, source, "aml", NULL, NULL);

  fd = inotify_init1 (IN_NONBLOCK | IN_CLOEXEC);
  if (fd < 0)
    {
      g_test_skip ("inotify is not available");
      cli_remove_tree (dir);
      return;
    }
  watch = inotify_add_watch (fd, source, IN_OPEN | IN_ACCESS | IN_MODIFY | IN_ATTRIB);
  g_assert_cmpint (watch, >=, 0);

  result = cli_run ("render", project, "--out", out, "--format=svg", NULL);
  g_assert_cmpstr (result->err, ==, "");
  g_assert_cmpint (result->exit_status, ==, 0);

  n = read (fd, events, sizeof events);
  g_assert_cmpint (n, <, 0);
  g_assert_cmpint (errno, ==, EAGAIN);
  close (fd);

  g_assert_true (g_file_get_contents (results_path, &results, NULL, NULL));
  json_parser_load_from_data (parser, results, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cli_get_int (json_node_get_object (json_parser_get_root (parser)), "n"), ==,
                   23);
  cli_remove_tree (dir);
}

/* A render writes only DIR/NAME.FORMAT and DIR/NAME.json, whatever the project says. */
static void
assert_only_figures (const char *dir,
                     const char *out)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (d)) != NULL)
    g_assert_true (g_str_equal (name, "hostile.oncobench") || g_str_equal (name, "figures"));
  g_clear_pointer (&d, g_dir_close);
  d = g_dir_open (out, 0, NULL);
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    g_assert_true (g_str_equal (name, "Survival.svg") || g_str_equal (name, "Survival.json"));
}

/* A saved "save-project" or "figure" setting must not send output elsewhere. */
static void
test_output_settings_ignored (void)
{
  const char *settings[] = { "save-project", "figure" };

  for (guint i = 0; i < G_N_ELEMENTS (settings); i++)
    {
      g_autofree char *dir = cli_make_temp_dir ("ob-render-XXXXXX");
      g_autofree char *out = g_build_filename (dir, "figures", NULL);
      g_autofree char *elsewhere = g_build_filename (dir, "elsewhere.pdf", NULL);
      g_autofree char *project = write_project (dir, "aml.csv", "aml", settings[i], elsewhere);
      g_autoptr(CliResult) result = cli_run ("render", project, "--out", out, "--format=svg",
                                             NULL);

      g_assert_cmpint (result->exit_status, ==, 0);
      g_assert_false (g_file_test (elsewhere, G_FILE_TEST_EXISTS));
      assert_only_figures (dir, out);
      cli_remove_tree (dir);
    }
}

/* A dataset named like an option becomes an argument of the re-run analysis: it must not act
 * as one. */
static void
test_dataset_named_like_an_option (void)
{
  g_autofree char *dir = cli_make_temp_dir ("ob-render-XXXXXX");
  g_autofree char *out = g_build_filename (dir, "figures", NULL);
  g_autofree char *elsewhere = g_build_filename (dir, "elsewhere.oncobench", NULL);
  g_autofree char *name = g_strconcat ("--save-project=", elsewhere, NULL);
  g_autofree char *project = write_project (dir, "aml.csv", name, NULL, NULL);
  g_autoptr(CliResult) result = cli_run ("render", project, "--out", out, NULL);

  g_assert_false (g_file_test (elsewhere, G_FILE_TEST_EXISTS));
  assert_only_figures (dir, out);
  cli_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/bad-input-project/source-never-opened", test_source_never_opened);
  g_test_add_func ("/cli/bad-input-project/output-settings-ignored",
                   test_output_settings_ignored);
  g_test_add_func ("/cli/bad-input-project/dataset-named-like-an-option",
                   test_dataset_named_like_an_option);
  return g_test_run ();
}
