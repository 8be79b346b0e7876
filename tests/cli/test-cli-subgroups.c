/* test-cli-subgroups.c — `oncobench-cli subgroups` as a user runs it, against R
 * (tests/reference/subgroups.R → subgroups.out)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-test"

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "cli-test-util.h"

static GHashTable *expected;

static void
load_expected (void)
{
  g_autofree char *path = g_build_filename (OB_SOURCE_DIR, "tests", "reference",
                                            "subgroups.out", NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *eq = strstr (lines[i], " = ");

      if (eq != NULL)
        g_hash_table_insert (expected, g_strndup (lines[i], eq - lines[i]), g_strdup (eq + 3));
    }
}

static double
want (const char *prefix,
      const char *field)
{
  g_autofree char *key = g_strdup_printf ("%s.%s", prefix, field);
  const char *value = g_hash_table_lookup (expected, key);

  if (value == NULL)
    g_error ("%s is missing from subgroups.out", key);
  return strcmp (value, "NA") == 0 ? NAN : g_ascii_strtod (value, NULL);
}

static void
check_row (JsonObject *row,
           const char *prefix)
{
  const char *fields[] = { "hr", "hr_lower", "hr_upper", "p" };

  g_assert_cmpint (cli_get_int (row, "n"), ==, (gint64) want (prefix, "n"));
  g_assert_cmpint (cli_get_int (row, "events"), ==, (gint64) want (prefix, "events"));
  for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
    cli_assert_close (cli_get_double (row, fields[f]), want (prefix, fields[f]), 1e-5,
                      fields[f]);
  if (isnan (want (prefix, "hr")))
    g_assert_nonnull (cli_get_string (row, "reason"));
}

static void
test_alk (void)
{
  g_autofree char *path = cli_sample_path ("alk-cohort.csv");
  g_autofree char *dir = g_dir_make_tmp ("cli-subgroups-XXXXXX", NULL);
  g_autofree char *figure = g_build_filename (dir, "forest.pdf", NULL);
  g_autoptr(CliResult) result = cli_run ("subgroups", path, "--time", "pfs_months", "--event",
                                         "pfs_event", "--group", "tp53_status", "--reference",
                                         "wild-type", "--by", "sex,stage,line_of_therapy",
                                         "--figure", figure, NULL);
  g_autoptr(JsonParser) parser = cli_result_parse (result);
  JsonObject *root = json_node_get_object (json_parser_get_root (parser));
  JsonArray *rows = cli_get_array (root, "subgroups");
  JsonArray *inters = cli_get_array (root, "interactions");
  GStatBuf st;

  g_assert_cmpstr (cli_get_string (root, "reference"), ==, "wild-type");
  check_row (cli_get_object (root, "overall"), "alk.overall");
  g_assert_cmpuint (json_array_get_length (rows), ==, 10);
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      g_autofree char *prefix = g_strdup_printf ("alk.%s=%s", cli_get_string (row, "variable"),
                                                 cli_get_string (row, "subgroup"));

      check_row (row, prefix);
    }
  /* several --by columns: one interaction each, no single "interaction" */
  g_assert_false (json_object_has_member (root, "interaction"));
  g_assert_cmpuint (json_array_get_length (inters), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      JsonObject *inter = json_array_get_object_element (inters, i);
      g_autofree char *prefix = g_strdup_printf ("alk.%s.interaction",
                                                 cli_get_string (inter, "variable"));

      cli_assert_close (cli_get_double (inter, "p"), want (prefix, "p"), 1e-5, prefix);
      g_assert_cmpint (cli_get_int (inter, "df"), ==, (gint64) want (prefix, "df"));
    }
  g_assert_cmpstr (cli_get_string (root, "figure"), ==, figure);
  g_assert_cmpint (g_stat (figure, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, 1000);
  g_unlink (figure);
  g_rmdir (dir);
}

static void
test_veteran_single (void)
{
  g_autofree char *path = cli_sample_path ("veteran.csv");
  g_autoptr(CliResult) result = cli_run ("subgroups", path, "--time", "time", "--event",
                                         "status", "--group", "trt", "--by", "celltype", NULL);
  g_autoptr(JsonParser) parser = cli_result_parse (result);
  JsonObject *root = json_node_get_object (json_parser_get_root (parser));
  JsonObject *inter = cli_get_object (root, "interaction");

  check_row (cli_get_object (root, "overall"), "veteran.overall");
  cli_assert_close (cli_get_double (inter, "p"), want ("veteran.celltype.interaction", "p"),
                    1e-5, "interaction p");
  cli_assert_close (cli_get_double (inter, "chisq"),
                    want ("veteran.celltype.interaction", "chisq"), 1e-5, "interaction chisq");
}

static void
test_where (void)
{
  g_autofree char *path = cli_sample_path ("alk-cohort.csv");
  g_autoptr(CliResult) result = cli_run ("subgroups", path, "--time", "pfs_months", "--event",
                                         "pfs_event", "--group", "tp53_status", "--by", "sex",
                                         "--where", "sex=female", NULL);
  g_autoptr(JsonParser) parser = cli_result_parse (result);
  JsonObject *root = json_node_get_object (json_parser_get_root (parser));
  JsonObject *inter = cli_get_object (root, "interaction");

  /* default reference: the first level in sorted order */
  g_assert_cmpstr (cli_get_string (root, "reference"), ==, "mutant");
  g_assert_cmpint (cli_get_int (cli_get_object (root, "overall"), "n"), ==,
                   (gint64) want ("alk.sex=female", "n"));
  /* the reversed comparison inverts the hazard ratio */
  cli_assert_close (cli_get_double (cli_get_object (root, "overall"), "hr"),
                    1 / want ("alk.sex=female", "hr"), 1e-5, "hr");
  g_assert_true (isnan (cli_get_double (inter, "p")));
  g_assert_nonnull (cli_get_string (inter, "reason"));
}

static void
test_errors (void)
{
  g_autofree char *path = cli_sample_path ("veteran.csv");
  g_autoptr(CliResult) no_by = cli_run ("subgroups", path, "--time", "time", "--event",
                                        "status", "--group", "trt", NULL);
  g_autoptr(CliResult) four = cli_run ("subgroups", path, "--time", "time", "--event",
                                       "status", "--group", "celltype", "--by", "prior", NULL);
  g_autoptr(CliResult) bad_size = cli_run ("subgroups", path, "--time", "time", "--event",
                                           "status", "--group", "trt", "--by", "prior",
                                           "--figure", "x.png", "--size", "tiny", NULL);
  g_autofree char *line1 = NULL, *line2 = NULL, *line3 = NULL;

  g_assert_cmpint (no_by->exit_status, !=, 0);
  line1 = cli_result_error_line (no_by);
  g_assert_nonnull (strstr (line1, "--by"));
  g_assert_cmpint (four->exit_status, !=, 0);
  line2 = cli_result_error_line (four);
  g_assert_nonnull (strstr (line2, "celltype"));
  g_assert_cmpint (bad_size->exit_status, !=, 0);
  line3 = cli_result_error_line (bad_size);
  g_assert_nonnull (strstr (line3, "--size"));
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  load_expected ();
  g_test_add_func ("/cli/subgroups/alk", test_alk);
  g_test_add_func ("/cli/subgroups/veteran-single", test_veteran_single);
  g_test_add_func ("/cli/subgroups/where", test_where);
  g_test_add_func ("/cli/subgroups/errors", test_errors);
  status = g_test_run ();
  g_hash_table_unref (expected);
  return status;
}
