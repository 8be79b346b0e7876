/* test-cli-render.c — survival --save-project, then render: the same figures and results
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-test"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cli-test-util.h"
#include "ob-project.h"




static gboolean
bytes_contain (GBytes     *bytes,
               const char *needle)
{
  gsize n;
  const char *data = g_bytes_get_data (bytes, &n);

  return g_strstr_len (data, n, needle) != NULL;
}

/* Checks the file is a complete document of its format, not merely present. */
static void
assert_valid_figure (const char *path,
                     const char *format)
{
  g_autoptr(GBytes) bytes = cli_read_bytes (path);
  gsize n;
  const guint8 *data = g_bytes_get_data (bytes, &n);

  g_assert_cmpuint (n, >, 1000);
  if (g_str_equal (format, "pdf"))
    {
      g_assert_true (memcmp (data, "%PDF-", 5) == 0);
      /* The trailer: a file cut short has none. */
      g_assert_nonnull (g_strstr_len ((const char *) data + n - MIN (n, 32), MIN (n, 32),
                                      "%%EOF"));
    }
  else if (g_str_equal (format, "png"))
    {
      static const guint8 signature[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

      g_assert_true (memcmp (data, signature, sizeof signature) == 0);
      g_assert_true (memcmp (data + n - 8, "IEND", 4) == 0);
    }
  else
    {
      g_assert_true (bytes_contain (bytes, "<svg"));
      g_assert_true (bytes_contain (bytes, "</svg>"));
    }
}

/* The result without the members that name where input and figure went. */
static JsonNode *
results_without_paths (const char *json_text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  json_parser_load_from_data (parser, json_text, -1, &error);
  g_assert_no_error (error);
  root = json_node_copy (json_parser_get_root (parser));
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  json_object_remove_member (json_node_get_object (root), "file");
  json_object_remove_member (json_node_get_object (root), "figure");
  return root;
}

static void
test_round_trip (void)
{
  g_autofree char *dir = cli_make_temp_dir ("ob-render-XXXXXX");
  g_autofree char *lung = cli_sample_path ("lung.csv");
  g_autofree char *project_path = g_build_filename (dir, "work.oncobench", NULL);
  g_autofree char *direct_png = g_build_filename (dir, "direct.png", NULL);
  g_autofree char *out = g_build_filename (dir, "figures", NULL);
  g_autofree char *rendered_png = g_build_filename (out, "Survival.png", NULL);
  g_autofree char *rendered_pdf = g_build_filename (out, "Survival 2.pdf", NULL);
  g_autofree char *rendered_json = g_build_filename (out, "Survival.json", NULL);
  g_autofree char *results_text = NULL;
  g_autoptr(CliResult) first = NULL;
  g_autoptr(CliResult) second = NULL;
  g_autoptr(CliResult) render = NULL;
  g_autoptr(JsonNode) direct = NULL;
  g_autoptr(JsonNode) again = NULL;
  g_autoptr(GBytes) png_a = NULL;
  g_autoptr(GBytes) png_b = NULL;
  g_autoptr(ObProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) listing = NULL;
  JsonArray *figures;

  first = cli_run ("survival", lung, "--time", "time", "--event", "status", "--group", "sex",
                   "--covariates", "age", "--where", "ph.ecog=1", "--where", "inst=1",
                   "--times=180,365", "--rmst", "500", "--ci", "log", "--zph",
                   "--figure", direct_png, "--size", "89x70", "--dpi", "150",
                   "--save-project", project_path, NULL);
  g_assert_cmpint (first->exit_status, ==, 0);
  second = cli_run ("survival", lung, "--time", "time", "--event", "status",
                    "--group", "ph.ecog", "--risk-table", "kmunicate",
                    "--save-project", project_path, NULL);
  g_assert_cmpint (second->exit_status, ==, 0);

  /* The same file is embedded once; the second analysis joins the first. */
  project = ob_project_load (project_path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (project->datasets->len, ==, 1);
  g_assert_cmpuint (project->analyses->len, ==, 2);

  render = cli_run ("render", project_path, "--out", out, NULL);
  listing = cli_result_parse (render);
  figures = cli_get_array (json_node_get_object (json_parser_get_root (listing)), "figures");
  g_assert_cmpuint (json_array_get_length (figures), ==, 2);
  g_assert_cmpstr (cli_get_string (json_array_get_object_element (figures, 0), "figure"), ==,
                   rendered_png);

  assert_valid_figure (rendered_png, "png");
  assert_valid_figure (rendered_pdf, "pdf");

  /* Same settings, same data, same code: the same numbers and the same pixels. */
  direct = results_without_paths (first->out);
  g_assert_true (g_file_get_contents (rendered_json, &results_text, NULL, NULL));
  again = results_without_paths (results_text);
  g_assert_true (json_node_equal (direct, again));
  png_a = cli_read_bytes (direct_png);
  png_b = cli_read_bytes (rendered_png);
  g_assert_true (g_bytes_equal (png_a, png_b));

  cli_remove_tree (dir);
}

static void
test_format_override (void)
{
  g_autofree char *dir = cli_make_temp_dir ("ob-render-XXXXXX");
  g_autofree char *aml = cli_sample_path ("aml.csv");
  g_autofree char *project_path = g_build_filename (dir, "aml.oncobench", NULL);
  g_autofree char *out = g_build_filename (dir, "svg", NULL);
  g_autofree char *svg = g_build_filename (out, "Survival.svg", NULL);
  g_autoptr(CliResult) first = NULL;
  g_autoptr(CliResult) render = NULL;
  g_autoptr(CliResult) bad = NULL;
  g_autoptr(JsonParser) listing = NULL;
  g_autofree char *line = NULL;

  first = cli_run ("survival", aml, "--time", "time", "--event", "status", "--group", "x",
                   "--save-project", project_path, NULL);
  g_assert_cmpint (first->exit_status, ==, 0);
  render = cli_run ("render", project_path, "--out", out, "--format", "svg", NULL);
  listing = cli_result_parse (render);
  assert_valid_figure (svg, "svg");

  bad = cli_run ("render", project_path, "--out", out, "--format", "gif", NULL);
  g_assert_cmpint (bad->exit_status, !=, 0);
  line = cli_result_error_line (bad);
  g_assert_nonnull (strstr (line, "gif"));
  cli_remove_tree (dir);
}

/* A project the program cannot read is reported, and never overwritten by --save-project. */
static void
test_unreadable_projects (void)
{
  g_autofree char *newer = g_test_build_filename (G_TEST_DIST, "data", "project",
                                                  "newer-version.oncobench", NULL);
  g_autofree char *dir = cli_make_temp_dir ("ob-render-XXXXXX");
  g_autofree char *damaged = g_build_filename (dir, "damaged.oncobench", NULL);
  g_autofree char *out = g_build_filename (dir, "out", NULL);
  g_autofree char *lung = cli_sample_path ("lung.csv");
  g_autofree char *line = NULL;
  g_autofree char *line2 = NULL;
  g_autofree char *after = NULL;
  g_autoptr(CliResult) render = NULL;
  g_autoptr(CliResult) save = NULL;
  static const char damaged_text[] = "{\"format\": \"oncobench-project\", \"version\": 1, \"da";

  render = cli_run ("render", newer, "--out", out, NULL);
  g_assert_cmpint (render->exit_status, !=, 0);
  line = cli_result_error_line (render);
  g_assert_nonnull (strstr (line, "newer Oncobench"));
  g_assert_nonnull (strstr (line, "version 7"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  g_assert_true (g_file_set_contents (damaged, damaged_text, -1, NULL));
  save = cli_run ("survival", lung, "--time", "time", "--event", "status",
                  "--save-project", damaged, NULL);
  g_assert_cmpint (save->exit_status, !=, 0);
  line2 = cli_result_error_line (save);
  g_assert_nonnull (strstr (line2, "damaged"));
  g_assert_true (g_file_get_contents (damaged, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, damaged_text);
  cli_remove_tree (dir);
}

/* The project decides what is computed, render where it is written. */
static void
test_output_settings_ignored (void)
{
  g_autofree char *dir = cli_make_temp_dir ("ob-render-XXXXXX");
  g_autofree char *aml = cli_sample_path ("aml.csv");
  g_autofree char *project_path = g_build_filename (dir, "aml.oncobench", NULL);
  g_autofree char *elsewhere_project = g_build_filename (dir, "elsewhere.oncobench", NULL);
  g_autofree char *elsewhere_figure = g_build_filename (dir, "elsewhere.pdf", NULL);
  g_autofree char *out = g_build_filename (dir, "out", NULL);
  g_autofree char *figure = g_build_filename (out, "Survival.pdf", NULL);
  g_autoptr(CliResult) first = NULL;
  g_autoptr(CliResult) render = NULL;
  g_autoptr(JsonParser) listing = NULL;
  g_autoptr(ObProject) project = NULL;
  g_autoptr(GError) error = NULL;
  ObProjectAnalysis *analysis;

  first = cli_run ("survival", aml, "--time", "time", "--event", "status",
                   "--save-project", project_path, NULL);
  g_assert_cmpint (first->exit_status, ==, 0);
  project = ob_project_load (project_path, &error);
  g_assert_no_error (error);
  analysis = g_ptr_array_index (project->analyses, 0);
  json_object_set_string_member (analysis->settings, "save-project", elsewhere_project);
  json_object_set_string_member (analysis->settings, "figure", elsewhere_figure);
  g_assert_true (ob_project_save (project, project_path, &error));

  render = cli_run ("render", project_path, "--out", out, NULL);
  listing = cli_result_parse (render);
  assert_valid_figure (figure, "pdf");
  g_assert_false (g_file_test (elsewhere_project, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (elsewhere_figure, G_FILE_TEST_EXISTS));
  cli_remove_tree (dir);
}

static void
test_usage (void)
{
  g_autoptr(CliResult) no_out = cli_run ("render", "x.oncobench", NULL);
  g_autofree char *line = NULL;

  g_assert_cmpint (no_out->exit_status, !=, 0);
  line = cli_result_error_line (no_out);
  g_assert_nonnull (strstr (line, "--out"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  /* A figure's recipe records when it was made: pinned, so a figure made again is the same
   * file byte for byte. */
  g_setenv ("SOURCE_DATE_EPOCH", "1700000000", TRUE);

  g_test_add_func ("/cli/render/round-trip", test_round_trip);
  g_test_add_func ("/cli/render/format-override", test_format_override);
  g_test_add_func ("/cli/render/unreadable-projects", test_unreadable_projects);
  g_test_add_func ("/cli/render/output-settings-ignored", test_output_settings_ignored);
  g_test_add_func ("/cli/render/usage", test_usage);

  return g_test_run ();
}
