/* test-compare-page.c: the compare page shows R's numbers for the tests it is set to
 *
 * Expected values: tests/reference/group-tests-cli.json, written by
 * tests/reference/group-tests.R (t.test, wilcox.test, aov + TukeyHSD, oneway.test,
 * kruskal.test, anova(lm) on the sample data), with the command line's --where filters set
 * as the page's; group-tests-cli-paired.json for pairs by subject (--id); elisa-compare.json
 * (tests/reference/elisa-compare.R) for an ELISA's samples with their flags and intervals.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-test"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "ob-compare-page-private.h"
#include "ob-csv-reader.h"
#include "ob-surv-data.h"
#include "ob-window-private.h"

static JsonParser *reference;

static void
assert_close (double      actual,
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

static double
member_double (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  g_assert_nonnull (node);
  return JSON_NODE_HOLDS_NULL (node) ? NAN : json_node_get_double (node);
}

static ObComparePage *
new_page_from (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ObDataset) dataset = ob_csv_read_file (path, NULL, &error);
  GtkWidget *page;

  g_assert_no_error (error);
  page = ob_compare_page_new (dataset);
  g_object_ref_sink (page);
  return OB_COMPARE_PAGE (page);
}

static ObComparePage *
new_page (const char *sample)
{
  g_autofree char *path = g_build_filename (OB_SOURCE_DIR, "data", "samples", sample, NULL);

  return new_page_from (path);
}

/* The page finalizes once released: nothing else holds it. */
static void
release_page (ObComparePage *page)
{
  g_assert_finalize_object (page);
}

static const char *
option (JsonArray  *args,
        const char *name)
{
  for (guint i = 0; i + 1 < json_array_get_length (args); i++)
    if (strcmp (json_array_get_string_element (args, i), name) == 0)
      return json_array_get_string_element (args, i + 1);
  return NULL;
}

static JsonNode *
load_json (const char *name)
{
  g_autofree char *path = g_build_filename (OB_SOURCE_DIR, "tests", "reference", name, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static void
check_case (JsonObject *item)
{
  JsonArray *args = json_object_get_array_member (item, "args");
  const char *test = option (args, "--test");
  const char *pair = option (args, "--pair");
  JsonArray *groups = json_object_get_array_member (item, "groups");
  JsonArray *posthoc = json_object_get_array_member (item, "posthoc");
  ObComparePage *page = new_page (json_object_get_string_member (item, "file"));
  const ObCompareResults *r;

  g_test_message ("case %s %s", json_object_get_string_member (item, "file"),
                  test != NULL ? test : "(default)");
  g_assert_true (ob_compare_page_set_columns (page, option (args, "--value"),
                                              option (args, "--group"),
                                              option (args, "--factor2")));
  if (option (args, "--where") != NULL)
    {
      const char * const where[] = { option (args, "--where"), NULL };

      ob_compare_page_set_where (page, where);
    }
  /* The command line's --pair implies a two-group test, Welch's by default; on the page the
   * pair is chosen under the two-group test. */
  if (test == NULL && pair != NULL)
    test = "welch";
  if (test != NULL)
    g_assert_true (ob_compare_page_set_test (page, test));
  if (pair != NULL)
    {
      g_auto(GStrv) names = g_strsplit (pair, ",", 2);

      g_assert_true (ob_compare_page_set_pair (page, names[0], names[1]));
    }
  ob_compare_page_update (page);
  r = page->results;
  g_assert_nonnull (r);
  g_assert_cmpstr (ob_compare_page_get_test (page), ==,
                   json_object_get_string_member (item, "test"));

  assert_close (r->statistic, member_double (item, "statistic"), 1e-6, "statistic");
  assert_close (r->df, member_double (item, "df"), 1e-6, "df");
  assert_close (r->df2, member_double (item, "df2"), 1e-6, "df2");
  assert_close (r->p, member_double (item, "p"), 1e-6, "p");

  g_assert_cmpuint (r->n_groups, ==, json_array_get_length (groups));
  for (guint i = 0; i < r->n_groups; i++)
    {
      JsonObject *want = json_array_get_object_element (groups, i);
      const ObDescriptives *d = &r->groups[i].desc;

      g_assert_cmpstr (r->groups[i].name, ==, json_object_get_string_member (want, "name"));
      g_assert_cmpuint (d->n, ==, (guint) json_object_get_int_member (want, "n"));
      assert_close (d->mean, member_double (want, "mean"), 1e-6, "mean");
      assert_close (d->sd, member_double (want, "sd"), 1e-6, "sd");
      assert_close (d->sem, member_double (want, "sem"), 1e-6, "sem");
      assert_close (d->median, member_double (want, "median"), 1e-6, "median");
      assert_close (d->q1, member_double (want, "q1"), 1e-6, "q1");
      assert_close (d->q3, member_double (want, "q3"), 1e-6, "q3");
      assert_close (r->groups[i].has_normality ? r->groups[i].normality.p : NAN,
                    member_double (want, "normality_p"), 1e-6, "Shapiro–Wilk p");
    }

  if (json_array_get_length (posthoc) > 0)
    {
      g_assert_true (r->has_posthoc);
      g_assert_cmpuint (r->n_pairs, ==, json_array_get_length (posthoc));
      for (guint i = 0; i < r->n_pairs; i++)
        {
          JsonObject *want = json_array_get_object_element (posthoc, i);
          const ObPairwise *got = &r->pairs[i];
          char **names = r->test == OB_COMPARE_TWOWAY ? r->data->factor2_names
                                                      : r->data->group_names;

          if (json_object_has_member (want, "within"))
            g_assert_cmpstr (r->data->group_names[got->within], ==,
                             json_object_get_string_member (want, "within"));
          g_assert_cmpstr (names[got->a], ==, json_object_get_string_member (want, "a"));
          g_assert_cmpstr (names[got->b], ==, json_object_get_string_member (want, "b"));
          assert_close (got->diff, member_double (want, "diff"), 1e-6, "diff");
          assert_close (got->p_adj, member_double (want, "p_adj"), 1e-6, "p_adj");
        }
    }
  else
    g_assert_false (r->has_posthoc);

  release_page (page);
}

static void
test_r_cases (void)
{
  JsonArray *cases = json_node_get_array (json_parser_get_root (reference));
  guint n_checked = 0;

  for (guint i = 0; i < json_array_get_length (cases); i++)
    {
      JsonObject *item = json_array_get_object_element (cases, i);

      check_case (item);
      n_checked++;
    }
  /* Default ANOVA, Welch's ANOVA, Kruskal–Wallis, two Mann–Whitney pairs, Welch, two-way,
   * and Student, Mann–Whitney and paired t on the rows of a filter. */
  g_assert_cmpuint (n_checked, ==, 10);
}

/* Without a choice the page shows the test for the number of groups, and says so. */
static void
test_defaults (void)
{
  ObComparePage *page = new_page ("csf-areg.csv");
  const char *title;

  g_assert_nonnull (page->results);
  g_assert_cmpstr (page->results->value_column, ==, "areg_pg_ml");
  g_assert_cmpstr (page->results->group_column, ==, "group");
  g_assert_cmpstr (ob_compare_page_get_test (page), ==, "anova");
  g_assert_cmpuint (adw_combo_row_get_selected (page->test_row), ==, OB_COMPARE_ANOVA);
  title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (page->test_row));
  g_assert_nonnull (strstr (title, "3"));
  g_assert_cmpint (page->results->posthoc, ==, OB_POSTHOC_TUKEY);
  g_assert_cmpint (page->plot.chart, ==, OB_GROUP_CHART_DOT);
  /* Brackets for every Tukey pair. */
  g_assert_cmpuint (page->plot.n_pairs, ==, 3);

  /* Kruskal–Wallis brings Dunn's comparisons, and the dot plot its medians. */
  g_assert_true (ob_compare_page_set_test (page, "kruskal"));
  ob_compare_page_update (page);
  g_assert_cmpint (page->results->posthoc, ==, OB_POSTHOC_DUNN);
  g_assert_true (page->plot.median);
  g_assert_null (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (page->test_row)),
                         "3"));
  release_page (page);

  /* A second factor: two-way ANOVA and grouped bars. */
  page = new_page ("apoptosis.csv");
  g_assert_true (ob_compare_page_set_columns (page, "apoptosis_pct", "treatment", "tp53"));
  ob_compare_page_update (page);
  g_assert_cmpstr (ob_compare_page_get_test (page), ==, "twoway");
  g_assert_cmpint (page->plot.chart, ==, OB_GROUP_CHART_BAR);
  g_assert_cmpuint (page->plot.n_pairs, ==, page->results->n_pairs);
  /* A one-way test with the second factor still set is refused, not run on part of it. */
  g_assert_true (ob_compare_page_set_test (page, "anova"));
  ob_compare_page_update (page);
  g_assert_null (page->results);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page->figure_stack), ==, "message");
  release_page (page);
}

static void
test_pair_figure (void)
{
  ObComparePage *page = new_page ("csf-areg.csv");
  const ObGroupData *shown;

  g_assert_true (ob_compare_page_set_test (page, "mannwhitney"));
  g_assert_true (ob_compare_page_set_pair (page, "no LMC", "ALK-TKI-resistant LMC"));
  ob_compare_page_update (page);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (page->pair_a_row)));
  shown = ob_compare_results_figure_data (page->results);
  /* The figure draws the two groups tested, a then b, with the test's p on its bracket. */
  g_assert_cmpuint (shown->n_groups, ==, 2);
  g_assert_cmpstr (shown->group_names[0], ==, "no LMC");
  g_assert_cmpstr (shown->group_names[1], ==, "ALK-TKI-resistant LMC");
  g_assert_cmpuint (page->plot.n_pairs, ==, 1);
  g_assert_cmpfloat (page->plot.pairs[0].p_adj, ==, page->results->p);
  release_page (page);
}

/* A paired test pairs its rows by the subject column, whatever their order (R's t.test on
 * the values matched by ID). */
static void
test_paired_by_id (void)
{
  g_autoptr(JsonNode) root = load_json ("group-tests-cli-paired.json");
  JsonObject *want = json_array_get_object_element (json_node_get_array (root), 0);
  g_autofree char *path = g_build_filename (OB_SOURCE_DIR, "tests", "data", "groups",
                                            json_object_get_string_member (want, "file"), NULL);
  ObComparePage *page = new_page_from (path);
  ObComparePage *copy = new_page_from (path);
  g_autoptr(JsonObject) settings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const ObCompareResults *r;

  g_assert_true (ob_compare_page_set_columns (page, "extra", "group", NULL));
  g_assert_true (ob_compare_page_set_test (page, "paired"));
  ob_compare_page_update (page);
  /* The picker shows with the paired test; rows in order until a column is chosen. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (page->id_row)));
  /* In row order the groups' sizes differ here: no pairs, and the page says why. */
  g_assert_null (page->results);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page->figure_stack), ==, "message");
  g_assert_true (ob_compare_page_set_id (page, "ID"));
  ob_compare_page_update (page);
  r = page->results;
  g_assert_true (r->by_id);
  g_assert_cmpuint (r->n_paired, ==, (guint) json_object_get_int_member (want, "pairs"));
  g_assert_cmpuint (r->n_unpaired, ==, (guint) json_object_get_int_member (want, "unpaired"));
  assert_close (r->statistic, member_double (want, "statistic"), 1e-6, "t");
  assert_close (r->df, member_double (want, "df"), 1e-6, "df");
  assert_close (r->p, member_double (want, "p"), 1e-6, "p");
  assert_close (r->t.estimate, member_double (want, "estimate"), 1e-6, "mean difference");
  assert_close (r->t.ci_lower, member_double (want, "lower"), 1e-6, "lower");
  assert_close (r->t.ci_upper, member_double (want, "upper"), 1e-6, "upper");
  text = ob_compare_page_get_results_text (page);
  g_assert_nonnull (strstr (text, "Pairs by ID\t9\nUnpaired\t1\n"));

  /* Saved as --id, and brought back to the same pairs. */
  settings = ob_analysis_page_save_settings (OB_ANALYSIS_PAGE (page));
  g_assert_cmpstr (json_object_get_string_member (settings, "id"), ==, "ID");
  g_assert_true (ob_analysis_page_load_settings (OB_ANALYSIS_PAGE (copy), settings, &error));
  g_assert_no_error (error);
  g_assert_true (copy->results->by_id);
  g_assert_cmpfloat (copy->results->p, ==, r->p);

  /* Another test hides the picker and leaves the option out of the settings. */
  g_assert_true (ob_compare_page_set_test (page, "welch"));
  ob_compare_page_update (page);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (page->id_row)));
  g_clear_pointer (&settings, json_object_unref);
  settings = ob_analysis_page_save_settings (OB_ANALYSIS_PAGE (page));
  g_assert_false (json_object_has_member (settings, "id"));
  release_page (copy);
  release_page (page);
}

static gsize
count_rows (ObDataset          *dataset,
            const char * const *where)
{
  g_autofree guint8 *mask = ob_dataset_where_mask (dataset, where, NULL);
  gsize n = 0;

  g_assert_nonnull (mask);
  for (gsize i = 0; i < ob_dataset_get_n_rows (dataset); i++)
    n += mask[i] != 0;
  return n;
}

static GtkWidget *
chip_button (ObComparePage *page,
             guint          index)
{
  GtkWidget *chip = gtk_widget_get_first_child (GTK_WIDGET (page->filter_box));
  GtkWidget *button;

  for (guint i = 0; i < index && chip != NULL; i++)
    chip = gtk_widget_get_next_sibling (chip);
  g_assert_nonnull (chip);
  button = gtk_widget_get_last_child (chip);
  g_assert_true (GTK_IS_BUTTON (button));
  return button;
}

static const char *
chip_text (ObComparePage *page,
           guint          index)
{
  GtkWidget *chip = gtk_widget_get_parent (chip_button (page, index));

  return gtk_label_get_text (GTK_LABEL (gtk_widget_get_first_child (chip)));
}

/* Filters show as chips above the chart, each with its rows and its own remove button; they
 * are saved as --where and come back. */
static void
test_filter_chips (void)
{
  ObComparePage *page = new_page ("apoptosis.csv");
  ObComparePage *copy = new_page ("apoptosis.csv");
  const char * const where[] = { "cell_line=H3122", "tp53=wild-type", NULL };
  const char * const first[] = { "cell_line=H3122", NULL };
  const char * const second[] = { "tp53=wild-type", NULL };
  gsize n_rows = ob_dataset_get_n_rows (page->dataset);
  g_autofree char *want = NULL;
  g_autoptr(JsonObject) settings = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *saved;

  g_assert_true (ob_compare_page_set_columns (page, "apoptosis_pct", "treatment", NULL));
  ob_compare_page_update (page);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (page->filter_box)));
  g_assert_cmpuint (page->results->data->n, ==, n_rows);

  ob_compare_page_set_where (page, where);
  ob_compare_page_update (page);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (page->filter_box)));
  g_assert_cmpuint (page->results->data->n, ==, count_rows (page->dataset, where));
  g_assert_cmpuint (page->results->n_kept, ==, count_rows (page->dataset, where));
  want = g_strdup_printf ("Filtered: cell_line = H3122 · %zu of %zu rows",
                          count_rows (page->dataset, first), n_rows);
  g_assert_cmpstr (chip_text (page, 0), ==, want);
  g_assert_nonnull (strstr (chip_text (page, 1), "tp53 = wild-type"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (chip_button (page, 1)), ==,
                   "Remove the filter tp53 = wild-type");

  settings = ob_analysis_page_save_settings (OB_ANALYSIS_PAGE (page));
  saved = json_object_get_array_member (settings, "where");
  g_assert_cmpuint (json_array_get_length (saved), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (saved, 1), ==, "tp53=wild-type");
  g_assert_true (ob_analysis_page_load_settings (OB_ANALYSIS_PAGE (copy), settings, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (copy->results->data->n, ==, page->results->data->n);
  g_assert_cmpfloat (copy->results->p, ==, page->results->p);

  /* The first chip's button removes that filter only. */
  g_signal_emit_by_name (chip_button (page, 0), "clicked");
  ob_compare_page_update (page);
  g_assert_cmpuint (g_strv_length ((char **) ob_compare_page_get_where (page)), ==, 1);
  g_assert_cmpuint (page->results->data->n, ==, count_rows (page->dataset, second));
  g_signal_emit_by_name (chip_button (page, 0), "clicked");
  ob_compare_page_update (page);
  g_assert_null (ob_compare_page_get_where (page));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (page->filter_box)));
  g_assert_cmpuint (page->results->data->n, ==, n_rows);

  /* A filter on a column the table lacks is refused by name. */
  json_object_set_array_member (settings, "where", json_array_new ());
  json_array_add_string_element (json_object_get_array_member (settings, "where"),
                                 "no_such_column=1");
  g_assert_false (ob_analysis_page_load_settings (OB_ANALYSIS_PAGE (copy), settings, &error));
  g_assert_nonnull (strstr (error->message, "--where"));
  g_assert_cmpuint (copy->results->data->n, ==, count_rows (page->dataset, where));
  release_page (copy);
  release_page (page);
}

static void render_project (const char *project, const char *out);
static void remove_tree    (const char *path);

static JsonParser *
run_cli (const char * const *args)
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

static JsonObject *
find_named (JsonArray  *array,
            const char *name)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *item = json_array_get_object_element (array, i);

      if (strcmp (json_object_get_string_member (item, "name"), name) == 0)
        return item;
    }
  g_error ("no “%s”", name);
}

/* An ELISA's samples carried into the comparison: each value's interval as a whisker, the
 * samples below the LLOQ or above the ULOQ out of the test and drawn on their limit's line,
 * as R counts them (elisa-compare.json) and as oncobench-cli compare does with the same
 * options. */
static void
check_limits_case (JsonObject *want)
{
  g_autofree char *dir = g_dir_make_tmp ("ob-compare-limits-XXXXXX", NULL);
  g_autofree char *plate = g_build_filename (OB_SOURCE_DIR,
                                             json_object_get_string_member (want, "file"), NULL);
  g_autofree char *csv = g_build_filename (dir, "samples.csv", NULL);
  g_autofree char *project_path = g_build_filename (dir, "limits.oncobench", NULL);
  g_autofree char *out = g_build_filename (dir, "figures", NULL);
  const char * const elisa[] = { "elisa", plate, "--samples-csv", csv, NULL };
  const char * const compare[] = { "compare", csv, "--value", "conc", "--group", "group",
                                   "--test", "kruskal", "--flag", "flag", "--lower",
                                   "conc_lower", "--upper", "conc_upper", NULL };
  g_autoptr(JsonParser) elisa_json = NULL;
  g_autoptr(JsonParser) cli_json = NULL;
  g_autoptr(JsonObject) settings = NULL;
  g_autoptr(ObProject) project = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *cli, *limits;
  JsonArray *groups = json_object_get_array_member (want, "groups");
  ObComparePage *page, *copy;
  const ObCompareResults *r;
  const ObGroupData *data;
  ObProjectAnalysis *analysis;
  ObProjectDataset *dataset;
  gsize below = 0, above = 0;
  double uloq;

  g_test_message ("limits case %s", json_object_get_string_member (want, "name"));
  elisa_json = run_cli (elisa);
  page = new_page_from (csv);
  copy = new_page_from (csv);
  g_assert_true (ob_compare_page_set_columns (page, "conc", "group", NULL));
  g_assert_true (ob_compare_page_set_test (page, "kruskal"));
  g_assert_true (ob_compare_page_set_limits (page, "flag", "conc_lower", "conc_upper", NAN,
                                             NAN));
  ob_compare_page_update (page);
  r = page->results;
  g_assert_nonnull (r);
  data = ob_compare_results_figure_data (r);

  /* R: kruskal.test on the numeric concentrations only. */
  assert_close (r->statistic, member_double (want, "statistic"), 1e-6, "H");
  assert_close (r->df, member_double (want, "df"), 1e-6, "df");
  assert_close (r->p, member_double (want, "p"), 1e-6, "p");
  g_assert_cmpuint (r->data->n, ==, (guint) json_object_get_int_member (want, "n"));
  g_assert_cmpuint (data->n_groups, ==, json_array_get_length (groups));
  for (guint g = 0; g < data->n_groups; g++)
    {
      JsonObject *group = find_named (groups, data->group_names[g]);

      g_assert_cmpuint (data->offsets[g + 1] - data->offsets[g], ==,
                        (guint) json_object_get_int_member (group, "n"));
      g_assert_cmpuint (r->n_below[g], ==, (guint) json_object_get_int_member (group,
                                                                               "below_lloq"));
      g_assert_cmpuint (r->n_above[g], ==, (guint) json_object_get_int_member (group,
                                                                               "above_uloq"));
      below += r->n_below[g];
      above += r->n_above[g];
    }
  g_assert_cmpuint (r->n_below_total, ==, below);
  g_assert_cmpuint (r->n_above_total, ==, above);
  g_assert_cmpuint (r->n_lost, ==, 0);
  /* Whiskers through every point drawn: each value lies in its own interval. */
  g_assert_true (page->plot.lower == r->lower && page->plot.upper == r->upper);
  for (gsize i = 0; i < data->n; i++)
    g_assert_true (r->lower[i] <= data->values[i] && data->values[i] <= r->upper[i]);
  g_assert_true (page->plot.n_below == r->n_below && page->plot.n_above == r->n_above);

  /* The command line, given the same options, agrees. */
  cli_json = run_cli (compare);
  cli = json_node_get_object (json_parser_get_root (cli_json));
  limits = json_object_get_object_member (cli, "limits");
  g_assert_cmpfloat (member_double (cli, "statistic"), ==, r->statistic);
  g_assert_cmpfloat (member_double (cli, "p"), ==, r->p);
  g_assert_cmpint (json_object_get_int_member (cli, "n"), ==, (gint64) r->data->n);
  g_assert_cmpint (json_object_get_int_member (limits, "below_lloq"), ==, (gint64) below);
  g_assert_cmpint (json_object_get_int_member (limits, "above_uloq"), ==, (gint64) above);
  assert_close (r->lloq, member_double (limits, "lloq"), 1e-12, "lloq line");
  assert_close (r->uloq, member_double (limits, "uloq"), 1e-12, "uloq line");

  /* Saved in the command line's spelling, back to the same figure, and drawn by render. */
  settings = ob_analysis_page_save_settings (OB_ANALYSIS_PAGE (page));
  g_assert_cmpstr (json_object_get_string_member (settings, "flag"), ==, "flag");
  g_assert_cmpstr (json_object_get_string_member (settings, "lower"), ==, "conc_lower");
  g_assert_cmpstr (json_object_get_string_member (settings, "upper"), ==, "conc_upper");
  g_assert_true (ob_analysis_page_load_settings (OB_ANALYSIS_PAGE (copy), settings, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (copy->results->p, ==, r->p);
  g_assert_nonnull (copy->plot.lower);
  g_assert_cmpuint (copy->results->n_below_total, ==, below);
  /* A line placed by hand: saved as --lloq, read back from the command line's text too. */
  uloq = r->uloq;
  g_assert_true (ob_compare_page_set_limits (page, "flag", "conc_lower", "conc_upper", 5.0,
                                             NAN));
  ob_compare_page_update (page);
  g_assert_cmpfloat (page->plot.lloq, ==, 5.0);
  assert_close (page->plot.uloq, uloq, 0, "uloq line");
  g_clear_pointer (&settings, json_object_unref);
  settings = ob_analysis_page_save_settings (OB_ANALYSIS_PAGE (page));
  g_assert_cmpfloat (json_object_get_double_member (settings, "lloq"), ==, 5.0);
  g_assert_false (json_object_has_member (settings, "uloq"));
  {
    g_autoptr(JsonObject) typed = json_object_new ();

    json_object_set_string_member (typed, "value", "conc");
    json_object_set_string_member (typed, "group", "group");
    json_object_set_string_member (typed, "flag", "flag");
    json_object_set_string_member (typed, "lloq", "5");
    g_assert_true (ob_analysis_page_load_settings (OB_ANALYSIS_PAGE (copy), typed, &error));
    g_assert_no_error (error);
    g_assert_cmpfloat (copy->plot.lloq, ==, 5.0);
    /* No interval columns in these settings: no whiskers. */
    g_assert_null (copy->plot.lower);
    json_object_set_string_member (typed, "lloq", "five");
    g_assert_false (ob_analysis_page_load_settings (OB_ANALYSIS_PAGE (copy), typed, &error));
    g_assert_nonnull (strstr (error->message, "--lloq"));
    g_clear_error (&error);
  }
  /* Text that is no number is marked where it was typed and changes nothing. */
  gtk_editable_set_text (GTK_EDITABLE (page->uloq_row), "abc");
  g_signal_emit_by_name (page->uloq_row, "apply");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (page->uloq_row), "error"));
  ob_compare_page_update (page);
  assert_close (page->plot.uloq, uloq, 0, "uloq line");

  project = ob_project_new ();
  dataset = ob_project_add_dataset (project, "samples", page->dataset, csv, NULL);
  analysis = ob_project_add_analysis (project, "Compare", "compare", dataset->name);
  json_object_unref (analysis->settings);
  analysis->settings = json_object_ref (settings);
  g_assert_true (ob_project_save (project, project_path, &error));
  g_assert_no_error (error);
  render_project (project_path, out);

  release_page (copy);
  release_page (page);
  remove_tree (dir);
}

static void
test_limits (void)
{
  g_autoptr(JsonNode) root = NULL;
  JsonArray *cases;

  if (g_getenv ("OB_CLI") == NULL)
    {
      g_test_skip ("OB_CLI is not set: the samples table comes from oncobench-cli elisa");
      return;
    }
  root = load_json ("elisa-compare.json");
  cases = json_object_get_array_member (json_node_get_object (root), "cases");
  g_assert_cmpuint (json_array_get_length (cases), ==, 2);
  for (guint i = 0; i < json_array_get_length (cases); i++)
    check_limits_case (json_array_get_object_element (cases, i));
}

/* Flagged rows are counted in their group whatever the group column's type; a group whose
 * rows are all flagged has no number and is counted apart; the LLOQ line defaults to the
 * largest lloq cell of the rows below it. */
static void
test_limits_counts (void)
{
  static const double arm[] = { 1, 1, 1, 2, 2, 2, 3 };
  static const double conc[] = { 1, 2, NAN, 3, 4, NAN, NAN };
  static const double lloq[] = { 0.5, 0.5, 0.5, 0.7, 0.7, 0.7, 0.9 };
  static const char * const flag[] = { "", "CV > 20%", "<LLOQ", NULL, "", ">ULOQ;CV > 20%",
                                       "<LLOQ" };
  g_autoptr(ObDataset) dataset = ob_dataset_new ();
  g_autoptr(ObCompareJob) job = g_new0 (ObCompareJob, 1);
  g_autoptr(ObCompareResults) r = NULL;
  g_autoptr(GError) error = NULL;
  GStringChunk *chunk = ob_dataset_get_string_chunk (dataset);
  char **text = g_new0 (char *, G_N_ELEMENTS (flag));

  for (guint i = 0; i < G_N_ELEMENTS (flag); i++)
    text[i] = flag[i] != NULL ? g_string_chunk_insert_const (chunk, flag[i]) : NULL;
  ob_dataset_set_n_rows (dataset, G_N_ELEMENTS (arm));
  ob_dataset_add_numeric (dataset, "arm", g_memdup2 (arm, sizeof arm));
  ob_dataset_add_numeric (dataset, "conc", g_memdup2 (conc, sizeof conc));
  ob_dataset_add_numeric (dataset, "lloq", g_memdup2 (lloq, sizeof lloq));
  ob_dataset_add_text (dataset, "flag", text);

  job->dataset = ob_dataset_ref (dataset);
  job->value_column = g_strdup ("conc");
  job->group_column = g_strdup ("arm");
  job->flag_column = g_strdup ("flag");
  job->lloq = job->uloq = NAN;
  r = ob_compare_job_run (job, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (r->data->n_groups, ==, 2);
  /* Another flag than a limit leaves the number in the test. */
  g_assert_cmpuint (r->data->n, ==, 4);
  g_assert_cmpuint (r->n_below[0], ==, 1);
  g_assert_cmpuint (r->n_above[0], ==, 0);
  g_assert_cmpuint (r->n_below[1], ==, 0);
  g_assert_cmpuint (r->n_above[1], ==, 1);
  g_assert_cmpuint (r->n_below_total, ==, 2);
  g_assert_cmpuint (r->n_above_total, ==, 1);
  g_assert_cmpuint (r->n_lost, ==, 1);
  g_assert_cmpfloat (r->lloq, ==, 0.9);
  g_assert_true (isnan (r->uloq));
  g_clear_pointer (&r, ob_compare_results_free);

  /* Bounds come in pairs. */
  job->lower_column = g_strdup ("lloq");
  g_assert_null (ob_compare_job_run (job, &error));
  g_assert_error (error, OB_ERROR, OB_ERROR_INVALID_ARG);
}

static void
test_copy_and_export (void)
{
  ObComparePage *page = new_page ("csf-areg.csv");
  g_autofree char *dir = g_dir_make_tmp ("ob-compare-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "groups.png", NULL);
  g_autofree char *pdf = g_build_filename (dir, "groups.pdf", NULL);
  g_autofree char *bad = g_build_filename (dir, "groups.doc", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_true (ob_compare_page_set_test (page, "kruskal"));
  text = ob_compare_page_get_results_text (page);
  g_assert_nonnull (text);
  g_assert_true (g_str_has_prefix (text, "Kruskal"));
  g_assert_nonnull (strstr (text, "Comparisons (dunn)"));
  g_assert_nonnull (strstr (text, "ALK-TKI-resistant LMC\tno LMC"));

  g_assert_true (ob_compare_page_export (page, png, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (png, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, 1000);
  g_assert_true (ob_compare_page_export (page, pdf, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (pdf, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, 1000);
  g_assert_false (ob_compare_page_export (page, bad, &error));
  g_assert_nonnull (error);

  g_remove (png);
  g_remove (pdf);
  g_rmdir (dir);
  release_page (page);
}

static void
count_cb (ObAnalysisPage *page,
          guint          *count)
{
  (*count)++;
}

/* Settings go out in the command line's spelling and come back to the same analysis. */
static void
test_settings_round_trip (void)
{
  ObComparePage *page = new_page ("csf-areg.csv");
  ObComparePage *copy = new_page ("csf-areg.csv");
  g_autoptr(JsonObject) settings = NULL;
  g_autoptr(JsonObject) bad = json_object_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *methods = NULL;
  g_autofree char *sentence = NULL;
  guint changes = 0;

  g_assert_true (ob_compare_page_set_test (page, "mannwhitney"));
  g_assert_true (ob_compare_page_set_pair (page, "no LMC", "ALK-TKI-resistant LMC"));
  g_assert_true (ob_compare_page_set_chart (page, "box"));
  ob_compare_page_update (page);
  settings = ob_analysis_page_save_settings (OB_ANALYSIS_PAGE (page));
  g_assert_cmpstr (ob_analysis_page_get_kind (OB_ANALYSIS_PAGE (page)), ==, "compare");
  g_assert_cmpstr (json_object_get_string_member (settings, "value"), ==, "areg_pg_ml");
  g_assert_cmpstr (json_object_get_string_member (settings, "group"), ==, "group");
  g_assert_cmpstr (json_object_get_string_member (settings, "test"), ==, "mannwhitney");
  g_assert_cmpstr (json_object_get_string_member (settings, "pair"), ==,
                   "no LMC,ALK-TKI-resistant LMC");
  g_assert_cmpstr (json_object_get_string_member (settings, "chart"), ==, "box");
  g_assert_false (json_object_has_member (settings, "factor2"));

  g_signal_connect (copy, "changed", G_CALLBACK (count_cb), &changes);
  g_assert_true (ob_analysis_page_load_settings (OB_ANALYSIS_PAGE (copy), settings, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_nonnull (copy->results);
  g_assert_cmpint (copy->results->test, ==, OB_COMPARE_MANN_WHITNEY);
  g_assert_cmpfloat (copy->results->statistic, ==, page->results->statistic);
  g_assert_cmpfloat (copy->results->p, ==, page->results->p);
  g_assert_cmpint (copy->plot.chart, ==, OB_GROUP_CHART_BOX);

  /* A value that does not fit is named, and the page stays as it was. */
  json_object_set_string_member (bad, "test", "anova");
  json_object_set_string_member (bad, "value", "no_such_column");
  g_assert_false (ob_analysis_page_load_settings (OB_ANALYSIS_PAGE (copy), bad, &error));
  g_assert_error (error, OB_ERROR, OB_ERROR_INVALID_ARG);
  g_assert_nonnull (strstr (error->message, "--value"));
  g_clear_error (&error);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpint (copy->results->test, ==, OB_COMPARE_MANN_WHITNEY);
  json_object_set_string_member (bad, "value", "areg_pg_ml");
  json_object_set_string_member (bad, "test", "t-test");
  g_assert_false (ob_analysis_page_load_settings (OB_ANALYSIS_PAGE (copy), bad, &error));
  g_assert_nonnull (strstr (error->message, "--test"));
  g_assert_cmpint (copy->results->test, ==, OB_COMPARE_MANN_WHITNEY);

  methods = ob_analysis_page_get_methods_text (OB_ANALYSIS_PAGE (copy));
  sentence = ob_analysis_page_get_results_sentence (OB_ANALYSIS_PAGE (copy));
  g_assert_nonnull (strstr (methods, "wilcox.test"));
  g_assert_nonnull (strstr (sentence, "no LMC (n = 35)"));

  release_page (copy);
  release_page (page);
}

/* A user's change is one "changed" for the window to record. */
static void
test_changed_signal (void)
{
  ObComparePage *page = new_page ("apoptosis.csv");
  guint changes = 0;

  g_signal_connect (page, "changed", G_CALLBACK (count_cb), &changes);
  gtk_switch_set_active (page->log_switch, TRUE);
  g_assert_cmpuint (changes, ==, 1);
  adw_combo_row_set_selected (page->chart_row, OB_GROUP_CHART_VIOLIN);
  g_assert_cmpuint (changes, ==, 2);
  g_assert_true (ob_compare_page_set_test (page, "kruskal"));
  ob_compare_page_update (page);
  g_assert_cmpint (page->results->posthoc, ==, OB_POSTHOC_DUNN);
  g_assert_cmpuint (changes, ==, 3);
  release_page (page);
}


/* The presentation's controls work the page's own settings, both ways. */
static void
test_live_controls (void)
{
  ObComparePage *page = new_page ("csf-areg.csv");
  GtkWidget *controls = ob_analysis_page_create_live_controls (OB_ANALYSIS_PAGE (page));
  GtkWidget *chart, *error, *exact, *show_ns, *log_axis;
  guint changes = 0;

  g_assert_nonnull (controls);
  g_object_ref_sink (controls);
  chart = gtk_widget_get_first_child (controls);
  error = gtk_widget_get_next_sibling (chart);
  exact = gtk_widget_get_next_sibling (error);
  show_ns = gtk_widget_get_next_sibling (exact);
  log_axis = gtk_widget_get_next_sibling (show_ns);
  g_assert_nonnull (log_axis);
  g_signal_connect (page, "changed", G_CALLBACK (count_cb), &changes);

  gtk_drop_down_set_selected (GTK_DROP_DOWN (chart), OB_GROUP_CHART_BOX);
  g_assert_cmpint (page->plot.chart, ==, OB_GROUP_CHART_BOX);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (exact), TRUE);
  g_assert_true (page->plot.exact_p);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (log_axis), TRUE);
  g_assert_true (page->plot.log_y);
  g_assert_cmpuint (changes, ==, 3);
  /* And the other way: the page's row moves the slide's control. */
  adw_combo_row_set_selected (page->p_format_row, 0);
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (exact)));

  g_object_unref (controls);
  g_assert_finalize_object (page);
}

/* A large table is compared in a thread, to the same numbers. */
static void
test_large_table_in_thread (void)
{
  const gsize n = 150000;
  g_autoptr(ObDataset) dataset = ob_dataset_new ();
  double *values = g_new (double, n);
  double *groups = g_new (double, n);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(ObCompareJob) job = g_new0 (ObCompareJob, 1);
  g_autoptr(ObCompareResults) direct = NULL;
  g_autoptr(GError) error = NULL;
  ObComparePage *page;

  for (gsize i = 0; i < n; i++)
    {
      groups[i] = (double) (i % 3);
      values[i] = g_rand_double_range (rand, 0, 10) + groups[i] * 0.01;
    }
  ob_dataset_set_n_rows (dataset, n);
  ob_dataset_add_numeric (dataset, "arm", groups);
  ob_dataset_add_numeric (dataset, "value", values);
  page = OB_COMPARE_PAGE (g_object_ref_sink (ob_compare_page_new (dataset)));
  /* Started, not finished: the page stays responsive. */
  g_assert_nonnull (page->cancellable);
  while (page->cancellable != NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (page->results);
  g_assert_cmpstr (page->results->group_column, ==, "arm");

  job->dataset = ob_dataset_ref (dataset);
  job->value_column = g_strdup ("value");
  job->group_column = g_strdup ("arm");
  direct = ob_compare_job_run (job, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (page->results->statistic, ==, direct->statistic);
  g_assert_cmpfloat (page->results->p, ==, direct->p);

  /* A change while one runs replaces it; update() waits for the newest. */
  g_assert_true (ob_compare_page_set_test (page, "kruskal"));
  ob_compare_page_update (page);
  g_assert_cmpint (page->results->test, ==, OB_COMPARE_KRUSKAL);
  g_assert_null (page->cancellable);
  g_assert_finalize_object (page);
}

/* In the window: the menu's action makes the page, a saved project brings it back with its
 * settings, and oncobench-cli render re-makes its figure from the same file. */
static void
wait_idle (void)
{
  for (guint i = 0; i < 5; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

static GtkWidget *
open_in_window (ObWindow   *window,
                const char *sample,
                const char *action)
{
  g_autofree char *path = g_build_filename (OB_SOURCE_DIR, "data", "samples", sample, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (ob_window_load_file_sync (window, file, &error));
  g_assert_no_error (error);
  if (action != NULL)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
  wait_idle ();
  return gtk_stack_get_visible_child (window->content_stack);
}

static void
render_project (const char *project,
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

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

static void
test_window_project (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ob-compare-project-XXXXXX", NULL);
  g_autofree char *project = g_build_filename (dir, "csf.oncobench", NULL);
  g_autofree char *out = g_build_filename (dir, "figures", NULL);
  g_autoptr(GError) error = NULL;
  ObWindow *window = g_object_ref (ob_window_new (NULL));
  GtkWidget *page;
  double p;

  gtk_window_present (GTK_WINDOW (window));
  page = open_in_window (window, "csf-areg.csv", "win.new-compare");
  g_assert_true (OB_IS_COMPARE_PAGE (page));
  g_assert_true (ob_compare_page_set_test (OB_COMPARE_PAGE (page), "kruskal"));
  ob_compare_page_update (OB_COMPARE_PAGE (page));
  p = OB_COMPARE_PAGE (page)->results->p;
  wait_idle ();
  g_assert_true (ob_window_save_project_sync (window, project, &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);

  window = g_object_ref (ob_window_new (NULL));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (ob_window_load_project_sync (window, project, &error));
  g_assert_no_error (error);
  for (int i = 0; gtk_list_box_get_row_at_index (window->sidebar_list, i) != NULL; i++)
    gtk_list_box_select_row (window->sidebar_list,
                             gtk_list_box_get_row_at_index (window->sidebar_list, i));
  wait_idle ();
  page = gtk_stack_get_visible_child (window->content_stack);
  g_assert_true (OB_IS_COMPARE_PAGE (page));
  ob_compare_page_update (OB_COMPARE_PAGE (page));
  g_assert_cmpint (OB_COMPARE_PAGE (page)->results->test, ==, OB_COMPARE_KRUSKAL);
  g_assert_cmpfloat (OB_COMPARE_PAGE (page)->results->p, ==, p);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);

  render_project (project, out);
  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *path = g_build_filename (OB_SOURCE_DIR, "tests", "reference",
                                            "group-tests-cli.json", NULL);
  g_autoptr(GError) error = NULL;
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  reference = json_parser_new ();
  json_parser_load_from_file (reference, path, &error);
  g_assert_no_error (error);

  g_test_add_func ("/gui/compare-page/r-cases", test_r_cases);
  g_test_add_func ("/gui/compare-page/defaults", test_defaults);
  g_test_add_func ("/gui/compare-page/pair-figure", test_pair_figure);
  g_test_add_func ("/gui/compare-page/paired-by-id", test_paired_by_id);
  g_test_add_func ("/gui/compare-page/filter-chips", test_filter_chips);
  g_test_add_func ("/gui/compare-page/limits", test_limits);
  g_test_add_func ("/gui/compare-page/limits-counts", test_limits_counts);
  g_test_add_func ("/gui/compare-page/copy-and-export", test_copy_and_export);
  g_test_add_func ("/gui/compare-page/settings-round-trip", test_settings_round_trip);
  g_test_add_func ("/gui/compare-page/changed-signal", test_changed_signal);
  g_test_add_func ("/gui/compare-page/window-project", test_window_project);
  g_test_add_func ("/gui/compare-page/live-controls", test_live_controls);
  g_test_add_func ("/gui/compare-page/large-table-in-thread", test_large_table_in_thread);

  status = g_test_run ();
  g_clear_object (&reference);
  return status;
}
