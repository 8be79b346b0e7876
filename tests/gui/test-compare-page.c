/* test-compare-page.c: the compare page shows R's numbers for the tests it is set to
 *
 * Expected values: tests/reference/group-tests-cli.json, written by
 * tests/reference/group-tests.R (t.test, wilcox.test, aov + TukeyHSD, oneway.test,
 * kruskal.test, anova(lm) on the sample data), with the command line's --where filters set
 * as the page's.  Pairs by subject, filters and limits: test-compare-rows.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-test"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "gui-test-util.h"
#include "ob-window-private.h"

static JsonParser *reference;

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

static void
check_case (JsonObject *item)
{
  JsonArray *args = json_object_get_array_member (item, "args");
  const char *test = option (args, "--test");
  const char *pair = option (args, "--pair");
  JsonArray *groups = json_object_get_array_member (item, "groups");
  JsonArray *posthoc = json_object_get_array_member (item, "posthoc");
  ObComparePage *page = gui_new_page (json_object_get_string_member (item, "file"));
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

  gui_assert_close (r->statistic, gui_member_double (item, "statistic"), 1e-6, "statistic");
  gui_assert_close (r->df, gui_member_double (item, "df"), 1e-6, "df");
  gui_assert_close (r->df2, gui_member_double (item, "df2"), 1e-6, "df2");
  gui_assert_close (r->p, gui_member_double (item, "p"), 1e-6, "p");

  g_assert_cmpuint (r->n_groups, ==, json_array_get_length (groups));
  for (guint i = 0; i < r->n_groups; i++)
    {
      JsonObject *want = json_array_get_object_element (groups, i);
      const ObDescriptives *d = &r->groups[i].desc;

      g_assert_cmpstr (r->groups[i].name, ==, json_object_get_string_member (want, "name"));
      g_assert_cmpuint (d->n, ==, (guint) json_object_get_int_member (want, "n"));
      gui_assert_close (d->mean, gui_member_double (want, "mean"), 1e-6, "mean");
      gui_assert_close (d->sd, gui_member_double (want, "sd"), 1e-6, "sd");
      gui_assert_close (d->sem, gui_member_double (want, "sem"), 1e-6, "sem");
      gui_assert_close (d->median, gui_member_double (want, "median"), 1e-6, "median");
      gui_assert_close (d->q1, gui_member_double (want, "q1"), 1e-6, "q1");
      gui_assert_close (d->q3, gui_member_double (want, "q3"), 1e-6, "q3");
      gui_assert_close (r->groups[i].has_normality ? r->groups[i].normality.p : NAN,
                    gui_member_double (want, "normality_p"), 1e-6, "Shapiro–Wilk p");
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
          gui_assert_close (got->diff, gui_member_double (want, "diff"), 1e-6, "diff");
          gui_assert_close (got->p_adj, gui_member_double (want, "p_adj"), 1e-6, "p_adj");
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
  ObComparePage *page = gui_new_page ("csf-areg.csv");
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
  page = gui_new_page ("apoptosis.csv");
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
  ObComparePage *page = gui_new_page ("csf-areg.csv");
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

static void
test_copy_and_export (void)
{
  ObComparePage *page = gui_new_page ("csf-areg.csv");
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
  ObComparePage *page = gui_new_page ("csf-areg.csv");
  ObComparePage *copy = gui_new_page ("csf-areg.csv");
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
  ObComparePage *page = gui_new_page ("apoptosis.csv");
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
  ObComparePage *page = gui_new_page ("csf-areg.csv");
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
  gui_wait_idle ();
  return gtk_stack_get_visible_child (window->content_stack);
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
  gui_wait_idle ();
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
  gui_wait_idle ();
  page = gtk_stack_get_visible_child (window->content_stack);
  g_assert_true (OB_IS_COMPARE_PAGE (page));
  ob_compare_page_update (OB_COMPARE_PAGE (page));
  g_assert_cmpint (OB_COMPARE_PAGE (page)->results->test, ==, OB_COMPARE_KRUSKAL);
  g_assert_cmpfloat (OB_COMPARE_PAGE (page)->results->p, ==, p);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);

  gui_render_project (project, out);
  gui_remove_tree (dir);
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
