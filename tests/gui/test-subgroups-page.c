/* test-subgroups-page.c: the subgroups page shows R's hazard ratios and follows its settings
 *
 * Expected values come from tests/reference/subgroups.R (its output is
 * tests/reference/subgroups.out).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-test"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include <json-glib/json-glib.h>

#include "ob-analysis-page.h"
#include "ob-csv-reader.h"
#include "ob-subgroups-page.h"

static GHashTable *reference;   /* key → "value" */

static void
load_reference (void)
{
  g_autofree char *path = g_build_filename (OB_SOURCE_DIR, "tests", "reference",
                                            "subgroups.out", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  reference = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (lines[i], " = ", 2);

      if (g_strv_length (parts) == 2)
        g_hash_table_insert (reference, g_strdup (parts[0]), g_strdup (parts[1]));
    }
}

static double
ref (const char *key)
{
  const char *value = g_hash_table_lookup (reference, key);

  if (value == NULL)
    g_error ("no reference value “%s”", key);
  return strcmp (value, "NA") == 0 ? NAN : g_ascii_strtod (value, NULL);
}

/* Iterative fits: 1e-5 relative. */
static void
assert_close (double      actual,
              const char *key)
{
  double expected = ref (key);

  if (isnan (expected))
    g_assert_true (isnan (actual));
  else
    g_assert_cmpfloat_with_epsilon (actual, expected, 1e-5 * MAX (1.0, fabs (expected)));
}

static void
assert_row (const ObSubgroupRow *row,
            const char          *key)
{
  g_autofree char *n = g_strconcat (key, ".n", NULL);
  g_autofree char *hr = g_strconcat (key, ".hr", NULL);
  g_autofree char *lo = g_strconcat (key, ".hr_lower", NULL);
  g_autofree char *hi = g_strconcat (key, ".hr_upper", NULL);
  g_autofree char *p = g_strconcat (key, ".p", NULL);

  g_assert_cmpfloat (row->n, ==, ref (n));
  assert_close (row->hr, hr);
  assert_close (row->hr_lower, lo);
  assert_close (row->hr_upper, hi);
  assert_close (row->p, p);
}

static ObDataset *
load_alk (void)
{
  g_autofree char *path = g_build_filename (OB_SOURCE_DIR, "data", "samples", "alk-cohort.csv",
                                            NULL);
  g_autoptr(GError) error = NULL;
  ObDataset *dataset = ob_csv_read_file (path, NULL, &error);

  g_assert_no_error (error);
  return dataset;
}

/* Opened on the ALK cohort, the page shows the TP53 hazard ratio across sex, stage and line
 * of therapy, every row as R's coxph has it. */
static void
test_forest_matches_r (void)
{
  g_autoptr(ObDataset) dataset = load_alk ();
  ObSubgroupsPage *page = OB_SUBGROUPS_PAGE (ob_subgroups_page_new (dataset));
  const ObSubgroups *sg;
  g_autofree char *text = NULL;

  g_object_ref_sink (page);
  sg = ob_subgroups_page_get_subgroups (page);
  g_assert_nonnull (sg);
  g_assert_cmpstr (sg->group_column, ==, "tp53_status");
  g_assert_cmpstr (sg->arm_names[0], ==, "wild-type");
  g_assert_cmpuint (sg->n_interactions, ==, 3);
  g_assert_cmpstr (sg->interactions[0].variable, ==, "sex");
  g_assert_cmpstr (sg->interactions[1].variable, ==, "stage");
  g_assert_cmpstr (sg->interactions[2].variable, ==, "line_of_therapy");

  assert_row (&sg->overall, "alk.overall");
  for (guint r = 0; r < sg->n_rows; r++)
    {
      g_autofree char *key = g_strdup_printf ("alk.%s=%s", sg->rows[r].variable,
                                              sg->rows[r].subgroup);

      assert_row (&sg->rows[r], key);
    }
  for (guint b = 0; b < sg->n_interactions; b++)
    {
      g_autofree char *chisq = g_strdup_printf ("alk.%s.interaction.chisq",
                                                sg->interactions[b].variable);
      g_autofree char *p = g_strdup_printf ("alk.%s.interaction.p",
                                            sg->interactions[b].variable);

      assert_close (sg->interactions[b].chisq, chisq);
      assert_close (sg->interactions[b].p, p);
    }

  text = ob_analysis_page_get_results_text (OB_ANALYSIS_PAGE (page));
  g_assert_nonnull (text);
  g_assert_true (g_str_has_prefix (text, "Subgroup\tn\t"));
  g_assert_nonnull (strstr (text, "\nfemale\t58\t26\t"));
  g_assert_true (ob_analysis_page_has_figure (OB_ANALYSIS_PAGE (page)));
  g_assert_finalize_object (page);
}

/* Settings round trip, the forest following "by" and "where", and a bad value changing
 * nothing. */
static void
test_settings (void)
{
  g_autoptr(ObDataset) dataset = load_alk ();
  ObSubgroupsPage *page = OB_SUBGROUPS_PAGE (ob_subgroups_page_new (dataset));
  ObSubgroupsPage *copy = OB_SUBGROUPS_PAGE (ob_subgroups_page_new (dataset));
  const char * const by[] = { "sex", NULL };
  g_autoptr(JsonObject) saved = NULL;
  g_autoptr(JsonObject) again = NULL;
  g_autoptr(JsonObject) bad = json_object_new ();
  g_autoptr(JsonObject) filtered = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *where;

  g_object_ref_sink (page);
  g_object_ref_sink (copy);
  g_assert_true (ob_subgroups_page_set_by (page, by));
  g_assert_cmpuint (ob_subgroups_page_get_subgroups (page)->n_interactions, ==, 1);
  assert_row (&ob_subgroups_page_get_subgroups (page)->rows[0], "alk.sex=female");

  saved = ob_analysis_page_save_settings (OB_ANALYSIS_PAGE (page));
  g_assert_cmpstr (json_object_get_string_member (saved, "time"), ==, "pfs_months");
  g_assert_cmpstr (json_object_get_string_member (saved, "event"), ==, "pfs_event");
  g_assert_cmpstr (json_object_get_string_member (saved, "group"), ==, "tp53_status");
  g_assert_cmpstr (json_object_get_string_member (saved, "reference"), ==, "wild-type");
  g_assert_cmpstr (json_object_get_string_member (saved, "by"), ==, "sex");
  g_assert_false (json_object_has_member (saved, "where"));

  /* A filter, as a linked selection sets it: only the patients of that level remain. */
  filtered = ob_analysis_page_save_settings (OB_ANALYSIS_PAGE (page));
  where = json_array_new ();
  json_array_add_string_element (where, "sex=female");
  json_object_set_array_member (filtered, "where", where);
  json_object_set_string_member (filtered, "by", "stage");
  g_assert_true (ob_analysis_page_load_settings (OB_ANALYSIS_PAGE (copy), filtered, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (ob_subgroups_page_get_subgroups (copy)->overall.n, ==,
                     ref ("alk.sex=female.n"));
  again = ob_analysis_page_save_settings (OB_ANALYSIS_PAGE (copy));
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (again, "where"),
                                                  0), ==, "sex=female");
  g_assert_cmpstr (json_object_get_string_member (again, "by"), ==, "stage");

  json_object_set_string_member (bad, "by", "no_such_column");
  g_assert_false (ob_analysis_page_load_settings (OB_ANALYSIS_PAGE (copy), bad, &error));
  g_assert_error (error, OB_ERROR, OB_ERROR_INVALID_ARG);
  g_assert_cmpfloat (ob_subgroups_page_get_subgroups (copy)->overall.n, ==,
                     ref ("alk.sex=female.n"));

  g_assert_finalize_object (page);
  g_assert_finalize_object (copy);
}

/* The figure exports at its natural height. */
static void
test_export (void)
{
  g_autoptr(ObDataset) dataset = load_alk ();
  ObSubgroupsPage *page = OB_SUBGROUPS_PAGE (ob_subgroups_page_new (dataset));
  const char *dir = g_getenv ("OB_SCREENSHOT_DIR");
  g_autofree char *tmp = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  ObPlotStyle style;
  double width, height, dpi;

  g_object_ref_sink (page);
  tmp = dir != NULL ? g_strdup (dir) : g_dir_make_tmp ("ob-subgroups-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (tmp, "subgroups-forest.png", NULL);
  ob_analysis_page_get_figure_size (OB_ANALYSIS_PAGE (page), &width, &height, &dpi);
  g_assert_cmpfloat (width, ==, 183);
  g_assert_cmpfloat (height, >, 40);
  ob_plot_style_init (&style);
  g_assert_true (ob_analysis_page_export (OB_ANALYSIS_PAGE (page), path, width, height, dpi,
                                          &style, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  if (dir == NULL)
    {
      g_remove (path);
      g_rmdir (tmp);
    }
  g_assert_finalize_object (page);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  load_reference ();

  g_test_add_func ("/gui/subgroups-page/forest-matches-r", test_forest_matches_r);
  g_test_add_func ("/gui/subgroups-page/settings", test_settings);
  g_test_add_func ("/gui/subgroups-page/export", test_export);

  status = g_test_run ();
  g_hash_table_unref (reference);
  return status;
}
