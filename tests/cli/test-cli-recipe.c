/* test-cli-recipe.c — every figure format carries its recipe, and the recipe makes it again
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-test"

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "cli-test-util.h"




/* What GLib itself makes of the file's bytes: the recipe must name the same data. */
static char *
file_sha256 (const char *path)
{
  g_autoptr(GBytes) bytes = cli_read_bytes (path);
  gsize n;
  const guchar *data = g_bytes_get_data (bytes, &n);

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, n);
}

static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autoptr(GBytes) bytes = cli_read_bytes (path);
  gsize n, m = strlen (needle);
  const char *data = g_bytes_get_data (bytes, &n);

  for (gsize i = 0; i + m <= n; i++)
    if (memcmp (data + i, needle, m) == 0)
      return TRUE;
  return FALSE;
}

/* The recipe as `oncobench-cli recipe` prints it. */
static JsonParser *
read_recipe (const char *figure)
{
  g_autoptr(CliResult) result = cli_run ("recipe", figure, NULL);

  if (result->exit_status != 0)
    g_printerr ("%s", result->err);
  return cli_result_parse (result);
}

static void
test_formats (void)
{
  static const struct
  {
    const char *ext, *format, *marker;
  } formats[] = {
    { "pdf", "pdf", "/OncobenchRecipe (" },
    { "svg", "svg", "<metadata id=\"oncobench-recipe\">" },
    { "eps", "eps", "\n%OncobenchRecipe: {" },
    { "png", "png", "iTXtoncobench:recipe" },
    { "tif", "tiff", "{\"software\":\"Oncobench " PACKAGE_VERSION "\"" },
  };
  g_autofree char *dir = cli_make_temp_dir ("ob-recipe-XXXXXX");
  g_autofree char *lung = cli_sample_path ("lung.csv");
  g_autofree char *lung_abs = g_canonicalize_filename (lung, NULL);
  g_autofree char *sha256 = file_sha256 (lung);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *name = g_strconcat ("km.", formats[i].ext, NULL);
      g_autofree char *figure = g_build_filename (dir, name, NULL);
      g_autoptr(CliResult) run = NULL;
      g_autoptr(JsonParser) parser = NULL;
      JsonObject *recipe, *settings, *data, *fig;
      JsonArray *where;

      g_test_message ("%s", formats[i].format);
      run = cli_run ("survival", lung, "--time", "time", "--event", "status", "--group", "sex",
                     "--ci", "log", "--where", "ph.ecog=1", "--zph", "--figure", figure,
                     "--size", "89x70", "--dpi", "150", NULL);
      g_assert_cmpint (run->exit_status, ==, 0);
      g_assert_true (file_contains (figure, formats[i].marker));

      parser = read_recipe (figure);
      recipe = json_node_get_object (json_parser_get_root (parser));
      g_assert_cmpstr (cli_get_string (recipe, "kind"), ==, "survival");
      g_assert_cmpstr (cli_get_string (recipe, "software"), ==, "Oncobench " PACKAGE_VERSION);
      g_assert_true (g_str_has_suffix (cli_get_string (recipe, "created"), "Z"));

      settings = cli_get_object (recipe, "settings");
      g_assert_cmpstr (cli_get_string (settings, "time"), ==, "time");
      g_assert_cmpstr (cli_get_string (settings, "event"), ==, "status");
      g_assert_cmpstr (cli_get_string (settings, "group"), ==, "sex");
      g_assert_cmpstr (cli_get_string (settings, "ci"), ==, "log");
      g_assert_true (json_object_get_boolean_member (settings, "zph"));
      where = cli_get_array (settings, "where");
      g_assert_cmpuint (json_array_get_length (where), ==, 1);
      g_assert_cmpstr (json_array_get_string_element (where, 0), ==, "ph.ecog=1");
      /* Where the output goes is no setting. */
      g_assert_false (json_object_has_member (settings, "figure"));
      g_assert_false (json_object_has_member (settings, "size"));
      g_assert_cmpuint (json_array_get_length (cli_get_array (recipe, "exclusions")), ==, 0);

      data = cli_get_object (recipe, "data");
      g_assert_cmpstr (cli_get_string (data, "sha256"), ==, sha256);
      g_assert_cmpstr (cli_get_string (data, "file"), ==, lung_abs);

      fig = cli_get_object (recipe, "figure");
      g_assert_cmpstr (cli_get_string (fig, "format"), ==, formats[i].format);
      g_assert_cmpfloat (cli_get_double (fig, "width_mm"), ==, 89);
      g_assert_cmpfloat (cli_get_double (fig, "height_mm"), ==, 70);
      if (g_str_equal (formats[i].ext, "png") || g_str_equal (formats[i].ext, "tif"))
        g_assert_cmpfloat (cli_get_double (fig, "dpi"), ==, 150);
      else
        g_assert_true (isnan (cli_get_double (fig, "dpi")));
    }
  cli_remove_tree (dir);
}

/* --command prints a line that, run, writes the same figure again. */
static void
test_command_remakes (void)
{
  g_autofree char *dir = cli_make_temp_dir ("ob-recipe-XXXXXX");
  g_autofree char *lung = cli_sample_path ("lung.csv");
  g_autofree char *figure = g_build_filename (dir, "figure 1.png", NULL);
  g_autofree char *again = g_build_filename (dir, "again.png", NULL);
  g_autoptr(CliResult) run = NULL;
  g_autoptr(CliResult) command = NULL;
  g_autoptr(CliResult) remake = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) argv = NULL;
  g_autoptr(GBytes) a = NULL;
  g_autoptr(GBytes) b = NULL;
  int argc = 0;

  run = cli_run ("survival", lung, "--time", "time", "--event", "status", "--group", "ph.ecog",
                 "--risk-table", "kmunicate", "--where", "sex=2", "--figure", figure,
                 "--size", "85x80", "--dpi", "200", NULL);
  g_assert_cmpint (run->exit_status, ==, 0);

  command = cli_run ("recipe", "--command", figure, NULL);
  g_assert_cmpint (command->exit_status, ==, 0);
  g_assert_true (g_str_has_prefix (command->out, "oncobench-cli survival "));
  g_assert_nonnull (strstr (command->out, "--risk-table=kmunicate"));
  g_assert_nonnull (strstr (command->out, "--where=sex=2"));
  g_assert_nonnull (strstr (command->out, "--size=85x80"));
  g_assert_nonnull (strstr (command->out, "--dpi=200"));

  g_assert_true (g_shell_parse_argv (command->out, &argc, &argv, &error));
  g_assert_no_error (error);
  /* The same command, writing next to the first figure. */
  for (int i = 0; i < argc; i++)
    if (g_str_has_prefix (argv[i], "--figure="))
      {
        g_free (argv[i]);
        argv[i] = g_strconcat ("--figure=", again, NULL);
      }
  remake = cli_runv ((const char * const *) argv + 1);
  g_assert_cmpint (remake->exit_status, ==, 0);

  a = cli_read_bytes (figure);
  b = cli_read_bytes (again);
  g_assert_true (g_bytes_equal (a, b));
  cli_remove_tree (dir);
}

/* render re-makes a project's figure with the recipe of the file the project embedded. */
static void
test_render (void)
{
  g_autofree char *dir = cli_make_temp_dir ("ob-recipe-XXXXXX");
  g_autofree char *lung = cli_sample_path ("lung.csv");
  g_autofree char *lung_abs = g_canonicalize_filename (lung, NULL);
  g_autofree char *sha256 = file_sha256 (lung);
  g_autofree char *project = g_build_filename (dir, "p.oncobench", NULL);
  g_autofree char *out = g_build_filename (dir, "out", NULL);
  g_autofree char *rendered = g_build_filename (out, "Survival.svg", NULL);
  g_autoptr(CliResult) run = NULL;
  g_autoptr(CliResult) render = NULL;
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *recipe;

  run = cli_run ("survival", lung, "--time", "time", "--event", "status", "--group", "sex",
                 "--test", "peto", "--save-project", project, NULL);
  g_assert_cmpint (run->exit_status, ==, 0);
  render = cli_run ("render", project, "--out", out, "--format", "svg", NULL);
  g_assert_cmpint (render->exit_status, ==, 0);

  parser = read_recipe (rendered);
  recipe = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (cli_get_string (recipe, "kind"), ==, "survival");
  g_assert_cmpstr (cli_get_string (cli_get_object (recipe, "settings"), "test"), ==, "peto");
  g_assert_cmpstr (cli_get_string (cli_get_object (recipe, "data"), "sha256"), ==, sha256);
  g_assert_cmpstr (cli_get_string (cli_get_object (recipe, "data"), "file"), ==, lung_abs);
  cli_remove_tree (dir);
}

static void
test_no_recipe (void)
{
  g_autofree char *dir = cli_make_temp_dir ("ob-recipe-XXXXXX");
  g_autofree char *plain = g_build_filename (dir, "plain.pdf", NULL);
  g_autofree char *lung = cli_sample_path ("lung.csv");
  g_autoptr(CliResult) none = NULL;
  g_autoptr(CliResult) table = NULL;
  g_autoptr(CliResult) missing = NULL;
  g_autofree char *line = NULL;
  g_autofree char *line2 = NULL;
  g_autofree char *line3 = NULL;
  static const char pdf[] = "%PDF-1.4\n1 0 obj\n<< /Title (x) >>\nendobj\ntrailer\n"
                            "<< /Info 1 0 R >>\n%%EOF\n";

  g_assert_true (g_file_set_contents (plain, pdf, -1, NULL));
  none = cli_run ("recipe", plain, NULL);
  g_assert_cmpint (none->exit_status, ==, 1);
  line = cli_result_error_line (none);
  g_assert_nonnull (strstr (line, "no Oncobench recipe"));
  g_assert_cmpstr (none->out, ==, "");

  table = cli_run ("recipe", lung, NULL);
  g_assert_cmpint (table->exit_status, ==, 1);
  line2 = cli_result_error_line (table);
  g_assert_nonnull (strstr (line2, "not a PDF, SVG, EPS, PNG or TIFF figure"));

  missing = cli_run ("recipe", "/nonexistent/figure.png", NULL);
  g_assert_cmpint (missing->exit_status, ==, 1);
  line3 = cli_result_error_line (missing);
  g_assert_nonnull (strstr (line3, "/nonexistent/figure.png"));
  cli_remove_tree (dir);
}

/* Every command's --figure carries the recipe of its own kind. */
static void
test_every_command (void)
{
  static const struct
  {
    const char *kind, *file;
    const char *args[12];
  } commands[] = {
    { "compare", "csf-areg.csv", { "compare", "--value", "areg_pg_ml", "--group", "group", NULL } },
    { "elisa", "elisa-plate.csv", { "elisa", "--type", "type", "--exclude", "B3", NULL } },
    { "growth", "xenograft.csv", { "growth", "--subject", "mouse", "--group", "arm", "--time",
                                   "day", "--length", "length_mm", "--width", "width_mm",
                                   NULL } },
    { "crosstab", "veteran.csv", { "crosstab", "--rows", "celltype", "--cols", "prior", NULL } },
    { "cohort", "alk-cohort.csv", { "table1", "--group", "tp53_status", "--vars", "age,sex",
                                    NULL } },
    { "subgroups", "alk-cohort.csv", { "subgroups", "--time", "pfs_months", "--event",
                                       "pfs_event", "--group", "tp53_status", "--by", "sex",
                                       NULL } },
    { "landscape", "alk-alterations.csv", { "landscape", "--genes", "tp53,egfr", "--patient",
                                            "patient_id", NULL } },
  };
  g_autofree char *dir = cli_make_temp_dir ("ob-recipe-XXXXXX");

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *data = cli_sample_path (commands[i].file);
      g_autofree char *sha256 = file_sha256 (data);
      g_autofree char *name = g_strconcat (commands[i].kind, ".png", NULL);
      g_autofree char *figure = g_build_filename (dir, name, NULL);
      g_autoptr(GPtrArray) argv = g_ptr_array_new ();
      g_autoptr(CliResult) run = NULL;
      g_autoptr(JsonParser) parser = NULL;
      JsonObject *recipe;

      g_test_message ("%s", commands[i].kind);
      g_ptr_array_add (argv, (gpointer) commands[i].args[0]);
      g_ptr_array_add (argv, data);
      for (guint k = 1; commands[i].args[k] != NULL; k++)
        g_ptr_array_add (argv, (gpointer) commands[i].args[k]);
      g_ptr_array_add (argv, (gpointer) "--figure");
      g_ptr_array_add (argv, figure);
      g_ptr_array_add (argv, NULL);
      run = cli_runv ((const char * const *) argv->pdata);
      if (run->exit_status != 0)
        g_printerr ("%s", run->err);
      g_assert_cmpint (run->exit_status, ==, 0);

      parser = read_recipe (figure);
      recipe = json_node_get_object (json_parser_get_root (parser));
      g_assert_cmpstr (cli_get_string (recipe, "kind"), ==, commands[i].kind);
      g_assert_cmpstr (cli_get_string (cli_get_object (recipe, "data"), "sha256"), ==, sha256);
      g_assert_cmpstr (cli_get_string (cli_get_object (recipe, "settings"),
                                       commands[i].args[1] + 2), ==, commands[i].args[2]);
    }
  cli_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* The recipe records when the figure was made: pinned, so a figure made again is the same
   * file byte for byte. */
  g_setenv ("SOURCE_DATE_EPOCH", "1700000000", TRUE);

  g_test_add_func ("/cli/recipe/formats", test_formats);
  g_test_add_func ("/cli/recipe/command-remakes", test_command_remakes);
  g_test_add_func ("/cli/recipe/render", test_render);
  g_test_add_func ("/cli/recipe/every-command", test_every_command);
  g_test_add_func ("/cli/recipe/no-recipe", test_no_recipe);
  return g_test_run ();
}
