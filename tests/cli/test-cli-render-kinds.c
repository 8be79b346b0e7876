/* test-cli-render-kinds.c — every kind of analysis saved with --save-project and made again by
 * render: the same figure, byte for byte, and the same results
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-test"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cli-test-util.h"
#include "ob-project.h"

typedef struct
{
  const char *kind;        /* as the project names it */
  const char *file;        /* under data/samples */
  const char *args[20];    /* the command and its settings, NULL-terminated */
} Case;

static const Case cases[] = {
  { "compare", "csf-areg.csv",
    { "compare", "--value", "areg_pg_ml", "--group", "group", "--test", "kruskal", "--posthoc",
      "dunn", "--chart", "box", "--log", "--exact-p", "--show-ns", "--size", "89x70", NULL } },
  { "crosstab", "veteran.csv",
    { "crosstab", "--rows", "celltype", "--cols", "prior", NULL } },
  { "cohort", "alk-cohort.csv",
    { "table1", "--group", "tp53_status", "--vars", "age,sex,stage,smoking", "--nonnormal",
      "age", NULL } },
  { "subgroups", "alk-cohort.csv",
    { "subgroups", "--time", "pfs_months", "--event", "pfs_event", "--group", "tp53_status",
      "--reference", "wild-type", "--by", "sex,stage", "--size", "120", NULL } },
  { "landscape", "alk-alterations.csv",
    { "landscape", "--genes", "tp53,cdkn2a,pik3ca,myc,egfr,kras", "--patient", "patient_id",
      NULL } },
  { "elisa", "elisa-plate.csv",
    { "elisa", "--type", "type", "--model", "5pl", "--exclude", "B3", "--exclude", "C4",
      "--cv-limit", "15", "--size", "100x80", NULL } },
};


/* The file without its /CreationDate, the one part of a PDF that differs run to run. */
static GBytes *
read_figure (const char *path)
{
  g_autoptr(GBytes) bytes = cli_read_bytes (path);
  g_autoptr(GRegex) date = g_regex_new ("/CreationDate \\(D:[0-9]+Z?\\)", G_REGEX_RAW, 0, NULL);
  gsize n;
  const char *data = g_bytes_get_data (bytes, &n);
  char *stripped;

  if (!g_str_has_suffix (path, ".pdf"))
    return g_bytes_ref (bytes);
  stripped = g_regex_replace_literal (date, data, n, 0, "", 0, NULL);
  g_assert_nonnull (stripped);
  return g_bytes_new_take (stripped, strlen (stripped));
}


/* Members naming where the input was read and the figure written differ by design. */
static void
strip_paths (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (object);

      json_object_remove_member (object, "file");
      json_object_remove_member (object, "figure");
      for (GList *l = members; l != NULL; l = l->next)
        if (json_object_has_member (object, l->data))
          strip_paths (json_object_get_member (object, l->data));
    }
}

static JsonNode *
parse_results (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  root = json_node_copy (json_parser_get_root (parser));
  strip_paths (root);
  return root;
}

/* Named as render names it (the analysis' title), in a folder of its own: a PDF's title is
 * its file name. */
static char *
direct_figure_path (const char *dir,
                    const Case *c,
                    guint       i)
{
  g_autofree char *title = g_strdup (c->kind);
  g_autofree char *folder_name = g_strdup_printf ("direct-%u", i);
  g_autofree char *folder = g_build_filename (dir, folder_name, NULL);
  g_autofree char *name = NULL;

  title[0] = g_ascii_toupper (title[0]);
  name = g_strconcat (title, i % 2 ? ".pdf" : ".png", NULL);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  return g_build_filename (folder, name, NULL);
}

/* Runs one case directly with --figure (PNG or PDF) and --save-project into project_path. */
static CliResult *
run_direct (const Case *c,
            const char *data,
            const char *figure,
            const char *project_path)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (gpointer) c->args[0]);
  g_ptr_array_add (argv, (gpointer) data);
  for (guint i = 1; c->args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) c->args[i]);
  g_ptr_array_add (argv, (gpointer) "--figure");
  g_ptr_array_add (argv, (gpointer) figure);
  if (g_str_has_suffix (figure, ".png"))
    {
      g_ptr_array_add (argv, (gpointer) "--dpi");
      g_ptr_array_add (argv, (gpointer) "150");
    }
  g_ptr_array_add (argv, (gpointer) "--save-project");
  g_ptr_array_add (argv, (gpointer) project_path);
  g_ptr_array_add (argv, NULL);
  return cli_runv ((const char * const *) argv->pdata);
}

/* All kinds in one project: each dataset embedded once, every figure made again identical. */
static void
test_every_kind (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ob-render-kinds-XXXXXX", &error);
  g_autofree char *project_path = g_build_filename (dir, "all.oncobench", NULL);
  g_autofree char *out = g_build_filename (dir, "out", NULL);
  g_autoptr(CliResult) render = NULL;
  g_autoptr(JsonParser) listing = NULL;
  g_autoptr(ObProject) project = NULL;
  JsonArray *figures;
  g_autoptr(GPtrArray) direct_out = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *data = cli_sample_path (cases[i].file);
      g_autofree char *figure = direct_figure_path (dir, &cases[i], i);
      g_autoptr(CliResult) direct = run_direct (&cases[i], data, figure, project_path);

      if (direct->exit_status != 0)
        g_printerr ("%s: %s\n", cases[i].kind, direct->err);
      g_assert_cmpint (direct->exit_status, ==, 0);
      g_assert_true (g_file_test (figure, G_FILE_TEST_IS_REGULAR));
      g_ptr_array_add (direct_out, g_strdup (direct->out));
    }

  /* alk-cohort.csv serves two analyses and is kept once. */
  project = ob_project_load (project_path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (project->analyses->len, ==, G_N_ELEMENTS (cases));
  g_assert_cmpuint (project->datasets->len, ==, G_N_ELEMENTS (cases) - 1);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const ObProjectAnalysis *a = g_ptr_array_index (project->analyses, i);

      g_assert_cmpstr (a->kind, ==, cases[i].kind);
      g_assert_cmpstr (a->format, ==, i % 2 ? "pdf" : "png");
    }

  render = cli_run ("render", project_path, "--out", out, NULL);
  if (render->exit_status != 0)
    g_printerr ("%s", render->err);
  listing = cli_result_parse (render);
  figures = cli_get_array (json_node_get_object (json_parser_get_root (listing)), "figures");
  g_assert_cmpuint (json_array_get_length (figures), ==, G_N_ELEMENTS (cases));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      JsonObject *item = json_array_get_object_element (figures, i);
      g_autofree char *direct_figure = direct_figure_path (dir, &cases[i], i);
      g_autofree char *results_text = NULL;
      g_autoptr(GBytes) a = read_figure (direct_figure);
      g_autoptr(GBytes) b = read_figure (cli_get_string (item, "figure"));
      g_autoptr(JsonNode) direct = parse_results (g_ptr_array_index (direct_out, i));
      g_autoptr(JsonNode) again = NULL;

      g_test_message ("%s", cases[i].kind);
      g_assert_true (g_str_has_suffix (cli_get_string (item, "figure"),
                                       i % 2 ? ".pdf" : ".png"));
      g_assert_true (g_bytes_equal (a, b));
      g_assert_true (g_file_get_contents (cli_get_string (item, "results"), &results_text,
                                          NULL, NULL));
      again = parse_results (results_text);
      g_assert_true (json_node_equal (direct, again));
    }
  cli_remove_tree (dir);
}

/* Only figures are render's to write: the tables and sample lists a command also wrote stay
 * where the user asked for them, and are not written again. */
static void
test_other_outputs_not_rewritten (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ob-render-kinds-XXXXXX", &error);
  g_autofree char *data = cli_sample_path ("alk-cohort.csv");
  g_autofree char *project_path = g_build_filename (dir, "t1.oncobench", NULL);
  g_autofree char *csv = g_build_filename (dir, "table1.csv", NULL);
  g_autofree char *out = g_build_filename (dir, "out", NULL);
  g_autoptr(CliResult) direct = NULL;
  g_autoptr(CliResult) render = NULL;
  g_autoptr(JsonParser) listing = NULL;
  g_autoptr(ObProject) project = NULL;
  const ObProjectAnalysis *a;

  g_assert_no_error (error);
  direct = cli_run ("table1", data, "--group", "tp53_status", "--vars", "age,sex", "--csv", csv,
                    "--save-project", project_path, NULL);
  g_assert_cmpint (direct->exit_status, ==, 0);
  g_assert_cmpint (g_unlink (csv), ==, 0);
  project = ob_project_load (project_path, &error);
  g_assert_no_error (error);
  a = g_ptr_array_index (project->analyses, 0);
  g_assert_false (json_object_has_member (a->settings, "csv"));
  /* Table 1's own width, its height following the rows. */
  g_assert_cmpfloat (a->width_mm, ==, 183);

  render = cli_run ("render", project_path, "--out", out, NULL);
  listing = cli_result_parse (render);
  g_assert_false (g_file_test (csv, G_FILE_TEST_EXISTS));
  cli_remove_tree (dir);
}

/* The page's "Exact p" and "Show n.s." are figure settings the command line has too. */
static void
test_compare_bracket_labels (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ob-render-kinds-XXXXXX", &error);
  g_autofree char *data = cli_sample_path ("lung.csv");
  const char *variants[][3] = { { NULL }, { "--exact-p", NULL }, { "--show-ns", NULL } };
  GBytes *figures[G_N_ELEMENTS (variants)];

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
    {
      g_autofree char *name = g_strdup_printf ("%u.png", i);
      g_autofree char *png = g_build_filename (dir, name, NULL);
      /* Tukey's p are significant for two of the six pairs of ECOG grades only. */
      g_autoptr(CliResult) result = cli_run ("compare", data, "--value", "age", "--group",
                                             "ph.ecog", "--test", "anova", "--posthoc", "tukey",
                                             "--figure", png, "--dpi", "100", variants[i][0],
                                             NULL);

      g_assert_cmpint (result->exit_status, ==, 0);
      figures[i] = cli_read_bytes (png);
    }
  g_assert_false (g_bytes_equal (figures[0], figures[1]));
  g_assert_false (g_bytes_equal (figures[0], figures[2]));
  for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
    g_bytes_unref (figures[i]);
  cli_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  /* A figure's recipe records when it was made: pinned, so a figure made again is the same
   * file byte for byte. */
  g_setenv ("SOURCE_DATE_EPOCH", "1700000000", TRUE);

  g_test_add_func ("/cli/render/every-kind", test_every_kind);
  g_test_add_func ("/cli/render/other-outputs", test_other_outputs_not_rewritten);
  g_test_add_func ("/cli/render/compare-bracket-labels", test_compare_bracket_labels);

  return g_test_run ();
}
