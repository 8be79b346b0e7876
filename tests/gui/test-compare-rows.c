/* test-compare-rows.c: the rows the compare page tests: pairs by subject, filters shown as
 * chips, and values carried with their interval and limit flags
 *
 * Expected values: tests/reference/group-tests-cli-paired.json (t.test on the pairs matched
 * by ID, tests/reference/group-tests.R) and elisa-compare.json (tests/reference/
 * elisa-compare.R: kruskal.test on an ELISA's numeric concentrations, the flagged samples
 * counted per group); and oncobench-cli compare given the same options.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-test"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "gui-test-util.h"
#include "ob-project.h"
#include "ob-surv-data.h"

/* A paired test pairs its rows by the subject column, whatever their order (R's t.test on
 * the values matched by ID). */
static void
test_paired_by_id (void)
{
  g_autoptr(JsonNode) root = gui_load_json ("group-tests-cli-paired.json");
  JsonObject *want = json_array_get_object_element (json_node_get_array (root), 0);
  g_autofree char *path = g_build_filename (OB_SOURCE_DIR, "tests", "data", "groups",
                                            json_object_get_string_member (want, "file"), NULL);
  ObComparePage *page = gui_new_page_from (path);
  ObComparePage *copy = gui_new_page_from (path);
  g_autoptr(JsonObject) settings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *methods = NULL;
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
  gui_assert_close (r->statistic, gui_member_double (want, "statistic"), 1e-6, "t");
  gui_assert_close (r->df, gui_member_double (want, "df"), 1e-6, "df");
  gui_assert_close (r->p, gui_member_double (want, "p"), 1e-6, "p");
  gui_assert_close (r->t.estimate, gui_member_double (want, "estimate"), 1e-6, "mean difference");
  gui_assert_close (r->t.ci_lower, gui_member_double (want, "lower"), 1e-6, "lower");
  gui_assert_close (r->t.ci_upper, gui_member_double (want, "upper"), 1e-6, "upper");
  methods = ob_analysis_page_get_methods_text (OB_ANALYSIS_PAGE (page));
  g_assert_nonnull (strstr (methods, "paired by subject: pairs 9, values without a partner left out 1."));
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
  g_assert_finalize_object (copy);
  g_assert_finalize_object (page);
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
  ObComparePage *page = gui_new_page ("apoptosis.csv");
  ObComparePage *copy = gui_new_page ("apoptosis.csv");
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
  {
    g_autofree char *methods = ob_analysis_page_get_methods_text (OB_ANALYSIS_PAGE (copy));
    g_autofree char *said = g_strdup_printf ("restricted to cell_line=H3122, tp53=wild-type "
                                             "(%zu of %zu)", count_rows (page->dataset, where),
                                             n_rows);

    g_assert_nonnull (strstr (methods, said));
  }

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
  g_assert_finalize_object (copy);
  g_assert_finalize_object (page);
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
  elisa_json = gui_run_cli (elisa);
  page = gui_new_page_from (csv);
  copy = gui_new_page_from (csv);
  g_assert_true (ob_compare_page_set_columns (page, "conc", "group", NULL));
  g_assert_true (ob_compare_page_set_test (page, "kruskal"));
  g_assert_true (ob_compare_page_set_limits (page, "flag", "conc_lower", "conc_upper", NAN,
                                             NAN));
  ob_compare_page_update (page);
  r = page->results;
  g_assert_nonnull (r);
  data = ob_compare_results_figure_data (r);

  /* R: kruskal.test on the numeric concentrations only. */
  gui_assert_close (r->statistic, gui_member_double (want, "statistic"), 1e-6, "H");
  gui_assert_close (r->df, gui_member_double (want, "df"), 1e-6, "df");
  gui_assert_close (r->p, gui_member_double (want, "p"), 1e-6, "p");
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
  {
    g_autofree char *methods = ob_analysis_page_get_methods_text (OB_ANALYSIS_PAGE (page));
    g_autofree char *said = g_strdup_printf ("(below the LLOQ %zu, above the ULOQ %zu)", below,
                                             above);

    g_assert_true ((strstr (methods, said) != NULL) == (below + above > 0));
  }
  g_assert_cmpuint (r->n_above_total, ==, above);
  g_assert_cmpuint (r->n_lost, ==, 0);
  /* Whiskers through every point drawn: each value lies in its own interval. */
  g_assert_true (page->plot.lower == r->lower && page->plot.upper == r->upper);
  for (gsize i = 0; i < data->n; i++)
    g_assert_true (r->lower[i] <= data->values[i] && data->values[i] <= r->upper[i]);
  g_assert_true (page->plot.n_below == r->n_below && page->plot.n_above == r->n_above);

  /* The command line, given the same options, agrees. */
  cli_json = gui_run_cli (compare);
  cli = json_node_get_object (json_parser_get_root (cli_json));
  limits = json_object_get_object_member (cli, "limits");
  g_assert_cmpfloat (gui_member_double (cli, "statistic"), ==, r->statistic);
  g_assert_cmpfloat (gui_member_double (cli, "p"), ==, r->p);
  g_assert_cmpint (json_object_get_int_member (cli, "n"), ==, (gint64) r->data->n);
  g_assert_cmpint (json_object_get_int_member (limits, "below_lloq"), ==, (gint64) below);
  g_assert_cmpint (json_object_get_int_member (limits, "above_uloq"), ==, (gint64) above);
  gui_assert_close (r->lloq, gui_member_double (limits, "lloq"), 1e-12, "lloq line");
  gui_assert_close (r->uloq, gui_member_double (limits, "uloq"), 1e-12, "uloq line");

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
  gui_assert_close (page->plot.uloq, uloq, 0, "uloq line");
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
  gui_assert_close (page->plot.uloq, uloq, 0, "uloq line");

  project = ob_project_new ();
  dataset = ob_project_add_dataset (project, "samples", page->dataset, csv, NULL);
  analysis = ob_project_add_analysis (project, "Compare", "compare", dataset->name);
  json_object_unref (analysis->settings);
  analysis->settings = json_object_ref (settings);
  g_assert_true (ob_project_save (project, project_path, &error));
  g_assert_no_error (error);
  gui_render_project (project_path, out);

  g_assert_finalize_object (copy);
  g_assert_finalize_object (page);
  gui_remove_tree (dir);
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
  root = gui_load_json ("elisa-compare.json");
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

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/gui/compare-rows/paired-by-id", test_paired_by_id);
  g_test_add_func ("/gui/compare-rows/filter-chips", test_filter_chips);
  g_test_add_func ("/gui/compare-rows/limits", test_limits);
  g_test_add_func ("/gui/compare-rows/limits-counts", test_limits_counts);
  return g_test_run ();
}
