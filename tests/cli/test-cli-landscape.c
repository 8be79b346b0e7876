/* test-cli-landscape.c — `oncobench-cli landscape` as a user runs it, against R
 * (tests/reference/landscape.R → landscape.out)
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
                                            "landscape.out", NULL);
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
want (const char *a,
      const char *b,
      const char *field)
{
  g_autofree char *key = b != NULL ? g_strdup_printf ("pair.%s.%s.%s", a, b, field)
                                   : g_strdup_printf ("gene.%s.%s", a, field);
  const char *value = g_hash_table_lookup (expected, key);

  if (value == NULL)
    g_error ("%s is missing from landscape.out", key);
  return strcmp (value, "NA") == 0 ? NAN : g_ascii_strtod (value, NULL);
}

static void
check_document (JsonObject *root)
{
  JsonArray *genes = cli_get_array (root, "genes");
  JsonArray *pairs = cli_get_array (root, "pairs");

  g_assert_cmpint (cli_get_int (root, "n_patients"), ==, 124);
  g_assert_cmpuint (json_array_get_length (genes), ==, 6);
  for (guint g = 0; g < json_array_get_length (genes); g++)
    {
      JsonObject *gene = json_array_get_object_element (genes, g);
      const char *name = cli_get_string (gene, "gene");
      JsonObject *types = cli_get_object (gene, "types");
      g_autoptr(GList) members = json_object_get_members (types);

      g_assert_cmpint (cli_get_int (gene, "n_altered"), ==, (gint64) want (name, NULL,
                                                                             "n_altered"));
      cli_assert_close (cli_get_double (gene, "pct"), want (name, NULL, "pct"), 1e-12, "pct");
      for (GList *l = members; l != NULL; l = l->next)
        {
          g_autofree char *field = g_strdup_printf ("type.%s", (const char *) l->data);

          g_assert_cmpint (cli_get_int (types, l->data), ==, (gint64) want (name, NULL, field));
        }
    }
  g_assert_cmpuint (json_array_get_length (pairs), ==, 15);
  for (guint k = 0; k < json_array_get_length (pairs); k++)
    {
      JsonObject *pair = json_array_get_object_element (pairs, k);
      const char *a = cli_get_string (pair, "a"), *b = cli_get_string (pair, "b");
      double odds = want (a, b, "odds_ratio");

      g_assert_cmpint (cli_get_int (pair, "both"), ==, (gint64) want (a, b, "both"));
      cli_assert_close (cli_get_double (pair, "odds_ratio"), odds, 1e-5, "odds ratio");
      cli_assert_close (cli_get_double (pair, "p"), want (a, b, "p"), 1e-6, "p");
      cli_assert_close (cli_get_double (pair, "q"), want (a, b, "q"), 1e-6, "q");
      /* log 0 has no JSON number: null */
      if (odds == 0)
        g_assert_true (isnan (cli_get_double (pair, "log_odds_ratio")));
      else
        cli_assert_close (exp (cli_get_double (pair, "log_odds_ratio")), odds, 1e-5, "log OR");
      g_assert_nonnull (cli_get_string (pair, "tendency"));
    }
}

static void
test_wide (void)
{
  g_autofree char *path = cli_sample_path ("alk-alterations.csv");
  g_autofree char *dir = g_dir_make_tmp ("cli-landscape-XXXXXX", NULL);
  g_autofree char *figure = g_build_filename (dir, "oncoprint.svg", NULL);
  g_autoptr(CliResult) result = cli_run ("landscape", path, "--genes",
                                         "tp53,cdkn2a,pik3ca,myc,egfr,kras", "--patient",
                                         "patient_id", "--figure", figure, NULL);
  g_autoptr(JsonParser) parser = cli_result_parse (result);
  JsonObject *root = json_node_get_object (json_parser_get_root (parser));
  GStatBuf st;

  check_document (root);
  g_assert_cmpstr (cli_get_string (root, "figure"), ==, figure);
  g_assert_cmpint (g_stat (figure, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, 1000);
  g_unlink (figure);
  g_rmdir (dir);
}

static void
test_long (void)
{
  g_autofree char *path = g_build_filename (OB_SOURCE_DIR, "tests", "data", "landscape",
                                            "alk-alterations-long.csv", NULL);
  g_autoptr(CliResult) result = cli_run ("landscape", path, "--long",
                                         "patient,gene,alteration", "--patients", "124",
                                         NULL);
  g_autoptr(JsonParser) parser = cli_result_parse (result);

  check_document (json_node_get_object (json_parser_get_root (parser)));
}

static void
test_where_annotate (void)
{
  g_autofree char *path = cli_sample_path ("alk-cohort.csv");
  g_autofree char *dir = g_dir_make_tmp ("cli-landscape-XXXXXX", NULL);
  g_autofree char *figure = g_build_filename (dir, "oncoprint.png", NULL);
  g_autoptr(CliResult) result = cli_run ("landscape", path, "--genes", "tp53_mutation_type",
                                         "--where", "line_of_therapy=1", "--annotate", "sex",
                                         "--figure", figure, NULL);
  g_autoptr(JsonParser) parser = cli_result_parse (result);
  JsonObject *root = json_node_get_object (json_parser_get_root (parser));
  JsonObject *gene = json_array_get_object_element (cli_get_array (root, "genes"), 0);

  /* 107 patients treated first line */
  g_assert_cmpint (cli_get_int (root, "n_patients"), ==, 107);
  g_assert_cmpstr (cli_get_string (gene, "gene"), ==, "TP53");
  g_assert_cmpuint (json_array_get_length (cli_get_array (root, "pairs")), ==, 0);
  g_unlink (figure);
  g_rmdir (dir);
}

static void
test_errors (void)
{
  g_autofree char *path = cli_sample_path ("alk-alterations.csv");
  g_autoptr(CliResult) neither = cli_run ("landscape", path, NULL);
  g_autoptr(CliResult) missing = cli_run ("landscape", path, "--genes", "tp53,nothing", NULL);
  g_autoptr(CliResult) bad_long = cli_run ("landscape", path, "--long", "a,b", NULL);
  g_autofree char *l1 = NULL, *l2 = NULL, *l3 = NULL;

  g_assert_cmpint (neither->exit_status, !=, 0);
  l1 = cli_result_error_line (neither);
  g_assert_nonnull (strstr (l1, "--genes"));
  g_assert_cmpint (missing->exit_status, !=, 0);
  l2 = cli_result_error_line (missing);
  g_assert_nonnull (strstr (l2, "nothing"));
  g_assert_cmpint (bad_long->exit_status, !=, 0);
  l3 = cli_result_error_line (bad_long);
  g_assert_nonnull (strstr (l3, "--long"));
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  load_expected ();
  g_test_add_func ("/cli/landscape/wide", test_wide);
  g_test_add_func ("/cli/landscape/long", test_long);
  g_test_add_func ("/cli/landscape/where-annotate", test_where_annotate);
  g_test_add_func ("/cli/landscape/errors", test_errors);
  status = g_test_run ();
  g_hash_table_unref (expected);
  return status;
}
