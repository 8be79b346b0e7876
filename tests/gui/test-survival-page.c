/* test-survival-page.c: the survival page shows R's numbers and follows its settings
 *
 * Expected values come from tests/reference/survival-page.R (its output is
 * tests/reference/survival-page.out).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-test"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include <json-glib/json-glib.h>

#include "ob-csv-reader.h"
#include "ob-plot-export.h"
#include "ob-survival-page-private.h"

static GHashTable *reference;   /* key → GArray of double */

static void
load_reference (void)
{
  g_autofree char *path = g_build_filename (OB_SOURCE_DIR, "tests", "reference",
                                            "survival-page.out", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  reference = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                     (GDestroyNotify) g_array_unref);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (lines[i], " = ", 2);
      g_auto(GStrv) values = NULL;
      GArray *array;

      if (g_strv_length (parts) != 2)
        continue;
      values = g_strsplit (parts[1], " ", -1);
      array = g_array_new (FALSE, FALSE, sizeof (double));
      for (guint k = 0; values[k] != NULL; k++)
        {
          double v = strcmp (values[k], "NA") == 0 ? NAN : g_ascii_strtod (values[k], NULL);

          g_array_append_val (array, v);
        }
      g_hash_table_insert (reference, g_strdup (parts[0]), array);
    }
}

static double
ref (const char *key,
     guint       index)
{
  GArray *array = g_hash_table_lookup (reference, key);

  g_assert_nonnull (array);
  g_assert_cmpuint (index, <, array->len);
  return g_array_index (array, double, index);
}

static void
assert_close (double actual,
              double expected)
{
  if (isnan (expected))
    g_assert_true (isnan (actual));
  else
    g_assert_cmpfloat_with_epsilon (actual, expected, 1e-6 * MAX (1.0, fabs (expected)));
}

/* lung.csv is all numbers, quoted header, NA or empty for missing. */
static ObDataset *
load_lung (void)
{
  g_autofree char *path = g_build_filename (OB_SOURCE_DIR, "data", "samples", "lung.csv", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) header = NULL;
  g_autoptr(GError) error = NULL;
  ObDataset *dataset = ob_dataset_new ();
  guint n_columns, n_rows = 0;
  double **columns;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (g_strchomp (contents), "\n", -1);
  header = g_strsplit (lines[0], ",", -1);
  n_columns = g_strv_length (header);
  n_rows = g_strv_length (lines) - 1;
  columns = g_new (double *, n_columns);
  for (guint c = 0; c < n_columns; c++)
    columns[c] = g_new (double, n_rows);
  for (guint r = 0; r < n_rows; r++)
    {
      g_auto(GStrv) cells = g_strsplit (lines[r + 1], ",", -1);

      g_assert_cmpuint (g_strv_length (cells), ==, n_columns);
      for (guint c = 0; c < n_columns; c++)
        columns[c][r] = cells[c][0] == '\0' || strcmp (cells[c], "NA") == 0
                        ? NAN : g_ascii_strtod (cells[c], NULL);
    }
  ob_dataset_set_n_rows (dataset, n_rows);
  for (guint c = 0; c < n_columns; c++)
    {
      g_autofree char *name = g_strndup (header[c] + 1, strlen (header[c]) - 2);

      ob_dataset_add_numeric (dataset, name, columns[c]);
    }
  ob_dataset_set_source_path (dataset, path);
  g_free (columns);
  return dataset;
}

static ObSurvivalPage *
new_page (void)
{
  g_autoptr(ObDataset) dataset = load_lung ();
  GtkWidget *page = ob_survival_page_new (dataset);

  g_object_ref_sink (page);
  return OB_SURVIVAL_PAGE (page);
}

static void
assert_medians (const ObKmFit *fit,
                const char    *prefix)
{
  g_autofree char *n = g_strconcat (prefix, ".n", NULL);
  g_autofree char *median = g_strconcat (prefix, ".median", NULL);
  g_autofree char *lower = g_strconcat (prefix, ".median_lower", NULL);
  g_autofree char *upper = g_strconcat (prefix, ".median_upper", NULL);
  GArray *expected_n = g_hash_table_lookup (reference, n);

  g_assert_nonnull (fit);
  g_assert_cmpuint (fit->n_curves, ==, expected_n->len);
  for (guint g = 0; g < fit->n_curves; g++)
    {
      g_assert_cmpuint (fit->curves[g].n, ==, (gsize) ref (n, g));
      assert_close (fit->curves[g].median, ref (median, g));
      assert_close (fit->curves[g].median_lower, ref (lower, g));
      assert_close (fit->curves[g].median_upper, ref (upper, g));
    }
}

static void
test_prefill_and_medians (void)
{
  ObSurvivalPage *page = new_page ();
  g_autofree char *text = NULL;
  g_autofree char *logrank = NULL;

  /* time, status (1/2: 2 is the event) and sex are found without a click. */
  g_assert_cmpstr (ob_survival_page_selected_column (page, page->time_row,
                                                     page->time_columns)->name, ==, "time");
  g_assert_cmpstr (ob_survival_page_selected_column (page, page->event_row,
                                                     page->event_columns)->name, ==, "status");
  g_assert_cmpstr (ob_survival_page_selected_column (page, page->group_row,
                                                     page->group_columns)->name, ==, "sex");
  assert_medians (ob_survival_page_get_fit (page), "sex");

  g_assert_nonnull (page->results->test);
  g_assert_cmpint (page->results->test->method, ==, OB_SURV_TEST_LOGRANK);
  assert_close (page->results->test->chisq, ref ("sex.logrank.chisq", 0));
  assert_close (page->results->test->p, ref ("sex.logrank.p", 0));
  g_assert_nonnull (page->results->cox);
  g_assert_cmpuint (page->results->cox->n_terms, ==, 1);
  g_assert_cmpfloat_with_epsilon (page->results->cox->terms[0].hr, ref ("sex.cox.hr", 0),
                                  1e-5 * ref ("sex.cox.hr", 0));
  g_assert_cmpfloat_with_epsilon (page->results->cox->terms[0].hr_lower, ref ("sex.cox.hr_ci", 0),
                                  1e-5 * ref ("sex.cox.hr_ci", 0));
  g_assert_cmpfloat_with_epsilon (page->results->cox->terms[0].hr_upper, ref ("sex.cox.hr_ci", 1),
                                  1e-5 * ref ("sex.cox.hr_ci", 1));

  /* The copied text carries the same numbers. */
  text = ob_survival_page_get_results_text (page);
  g_assert_nonnull (text);
  g_assert_true (strstr (text, "1\t138\t") != NULL);
  g_assert_true (strstr (text, "2\t90\t") != NULL);
  logrank = g_strdup_printf ("\t%.6g\t1\t%.6g", ref ("sex.logrank.chisq", 0),
                             ref ("sex.logrank.p", 0));
  g_assert_true (strstr (text, logrank) != NULL);
  g_assert_true (strstr (text, "log-log") != NULL);
  g_assert_null (strstr (text, "nan"));

  /* Copy puts exactly that text on the clipboard. */
  {
    GdkContentProvider *content;
    g_auto(GValue) value = G_VALUE_INIT;
    g_autoptr(GError) error = NULL;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "survival.copy", NULL));
    content = gdk_clipboard_get_content (gtk_widget_get_clipboard (GTK_WIDGET (page)));
    g_assert_nonnull (content);
    g_value_init (&value, G_TYPE_STRING);
    g_assert_true (gdk_content_provider_get_value (content, &value, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (g_value_get_string (&value), ==, text);
  }

  g_assert_finalize_object (page);
}

/* The conventions preference is followed, at creation and when it changes; the interval
 * preference gives the default transform. */
static void
test_prism_conventions (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  ObSurvivalPage *page;
  const ObSurvTest *test;
  g_autofree char *text = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL)
    {
      g_test_skip ("the settings schema is not compiled in the build tree");
      return;
    }
  settings = g_settings_new (APPLICATION_ID);
  g_settings_set_string (settings, "conventions", "prism");
  page = new_page ();
  g_assert_cmpuint (adw_combo_row_get_selected (page->conventions_row), ==, 1);
  g_assert_cmpint (page->results->conventions, ==, OB_CONVENTIONS_PRISM);

  test = page->results->test;
  for (guint k = 0; k < 3; k++)
    {
      const double logrank[] = { test->hr_logrank[1], test->hr_logrank_lower[1],
                                 test->hr_logrank_upper[1] };
      const double mh[] = { test->hr_mh[1], test->hr_mh_lower[1], test->hr_mh_upper[1] };

      assert_close (logrank[k], ref ("sex.prism.hr_logrank", k));
      assert_close (mh[k], ref ("sex.prism.hr_mh", k));
    }
  text = ob_survival_page_get_results_text (page);
  g_assert_true (strstr (text, "Mantel–Haenszel") != NULL);
  g_assert_true (strstr (text, "Prism conventions") != NULL);

  g_settings_set_string (settings, "conventions", "r");
  ob_survival_page_update (page);
  g_assert_cmpint (page->results->conventions, ==, OB_CONVENTIONS_R);
  g_clear_pointer (&text, g_free);
  text = ob_survival_page_get_results_text (page);
  g_assert_null (strstr (text, "Mantel–Haenszel"));
  g_assert_finalize_object (page);

  /* The preferred interval transform is the page's default. */
  g_settings_set_string (settings, "ci-transform", "plain");
  page = new_page ();
  g_assert_cmpint (ob_survival_page_get_fit (page)->ci, ==, OB_CI_PLAIN);
  g_settings_reset (settings, "ci-transform");
  g_assert_finalize_object (page);
}

static void
test_regroup (void)
{
  ObSurvivalPage *page = new_page ();
  g_autofree char *text = NULL;

  g_assert_true (ob_survival_page_set_group_column (page, "ph.ecog"));
  ob_survival_page_update (page);
  assert_medians (ob_survival_page_get_fit (page), "ecog");
  assert_close (page->results->test->chisq, ref ("ecog.logrank.chisq", 0));
  g_assert_cmpuint (page->results->test->df, ==, (guint) ref ("ecog.logrank.df", 0));
  /* The row without an ECOG score is reported, not silently lost. */
  g_assert_cmpuint (page->results->data->n_excluded, ==, 1);

  g_assert_true (ob_survival_page_set_group_column (page, NULL));
  ob_survival_page_update (page);
  assert_medians (ob_survival_page_get_fit (page), "all");
  g_assert_null (page->results->test);
  text = ob_survival_page_get_results_text (page);
  g_assert_null (strstr (text, "Log-rank"));

  g_assert_false (ob_survival_page_set_group_column (page, "no such column"));

  g_assert_finalize_object (page);
}

static void
test_settings_change_results (void)
{
  ObSurvivalPage *page = new_page ();
  const ObKmFit *fit;

  /* Peto–Peto is the second test offered. */
  adw_combo_row_set_selected (page->test_row, 1);
  ob_survival_page_update (page);
  g_assert_cmpint (page->results->test->method, ==, OB_SURV_TEST_PETO);
  assert_close (page->results->test->chisq, ref ("sex.peto.chisq", 0));

  /* Plain intervals change the interval, never the median. */
  adw_combo_row_set_selected (page->ci_row, 2);
  ob_survival_page_update (page);
  fit = ob_survival_page_get_fit (page);
  g_assert_cmpint (fit->ci, ==, OB_CI_PLAIN);
  assert_close (fit->curves[0].median, ref ("sex.median", 0));

  /* Ticking a covariate adjusts the Cox model, as coxph(~ factor(sex) + age). */
  for (guint k = 0; k < page->covariate_columns->len; k++)
    {
      guint column = g_array_index (page->covariate_columns, guint, k);

      if (strcmp (ob_dataset_get_column (page->dataset, column)->name, "age") == 0)
        gtk_check_button_set_active (g_ptr_array_index (page->covariate_checks, k), TRUE);
    }
  ob_survival_page_update (page);
  g_assert_cmpuint (page->results->cox->n_terms, ==, 2);
  g_assert_cmpstr (page->results->cox->terms[1].name, ==, "age");
  for (guint t = 0; t < 2; t++)
    {
      g_assert_cmpfloat_with_epsilon (page->results->cox->terms[t].hr, ref ("sex_age.cox.hr", t),
                                      1e-5 * ref ("sex_age.cox.hr", t));
      g_assert_cmpfloat_with_epsilon (page->results->cox->terms[t].p, ref ("sex_age.cox.p", t),
                                      1e-5 * ref ("sex_age.cox.p", t));
    }
  /* The figure prints the unadjusted hazard ratio only. */
  g_assert_null (page->plot.cox);

  /* Unticking every event value leaves nothing to analyse, and says so. */
  for (guint k = 0; k < page->event_checks->len; k++)
    gtk_check_button_set_active (g_ptr_array_index (page->event_checks, k), FALSE);
  ob_survival_page_update (page);
  g_assert_null (ob_survival_page_get_fit (page));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page->figure_stack), ==, "message");
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (page->save_as_button)));

  g_assert_finalize_object (page);
}

/* Japanese column names (Shift_JIS file) are recognised as well as English ones. */
static void
test_japanese_cohort (void)
{
  g_autofree char *path = g_build_filename (OB_SOURCE_DIR, "data", "samples",
                                            "alk-cohort-ja.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ObDataset) dataset = ob_csv_read_file (path, NULL, &error);
  ObSurvivalPage *page;

  g_assert_no_error (error);
  page = OB_SURVIVAL_PAGE (ob_survival_page_new (dataset));
  g_object_ref_sink (page);

  g_assert_cmpstr (ob_survival_page_selected_column (page, page->time_row,
                                                     page->time_columns)->name,
                   ==, "無増悪生存期間_月");
  g_assert_cmpstr (ob_survival_page_selected_column (page, page->event_row,
                                                     page->event_columns)->name, ==, "増悪");
  g_assert_cmpstr (ob_survival_page_selected_column (page, page->group_row,
                                                     page->group_columns)->name, ==, "性別");
  g_assert_cmpstr (page->results->time_unit, ==, "months");

  g_assert_true (ob_survival_page_set_group_column (page, "TP53状態"));
  ob_survival_page_update (page);
  assert_medians (ob_survival_page_get_fit (page), "alk.tp53");
  assert_close (page->results->test->chisq, ref ("alk.tp53.logrank.chisq", 0));

  g_assert_finalize_object (page);
}

static ObSurvivalFilter *
find_filter (ObSurvivalPage *page,
             const char     *name)
{
  for (guint f = 0; f < page->filters->len; f++)
    {
      ObSurvivalFilter *filter = g_ptr_array_index (page->filters, f);

      if (strcmp (ob_dataset_get_column (page->dataset, filter->column)->name, name) == 0)
        return filter;
    }
  g_assert_not_reached ();
}

static void
test_subgroup_filter (void)
{
  ObSurvivalPage *page = new_page ();
  ObSurvivalFilter *sex = find_filter (page, "sex");
  ObSurvivalFilter *age = find_filter (page, "age");

  g_assert_true (sex->by_level);
  g_assert_cmpuint (sex->checks->len, ==, 2);
  g_assert_false (age->by_level);

  /* Women only, grouped by ECOG. */
  gtk_check_button_set_active (g_ptr_array_index (sex->checks, 0), FALSE);
  g_assert_true (ob_survival_page_set_group_column (page, "ph.ecog"));
  ob_survival_page_update (page);
  assert_medians (ob_survival_page_get_fit (page), "women.ecog");
  g_assert_cmpuint (page->results->n_filtered, ==, 138);

  /* A numeric range: nobody is older than the oldest, so the full range filters nothing. */
  gtk_check_button_set_active (g_ptr_array_index (sex->checks, 0), TRUE);
  gtk_adjustment_set_value (age->lo, 70);
  ob_survival_page_update (page);
  g_assert_cmpuint (page->results->n_rows - page->results->n_filtered, ==,
                    page->results->data->n + page->results->data->n_excluded);
  for (gsize i = 0; i < page->results->data->n; i++)
    {
      const ObColumn *column = ob_dataset_lookup_column (page->dataset, "age");

      g_assert_cmpfloat (column->num[page->results->data->row_index[i]], >=, 70);
    }
  gtk_adjustment_set_value (age->lo, age->min);
  ob_survival_page_update (page);
  g_assert_cmpuint (page->results->n_filtered, ==, 0);

  g_assert_finalize_object (page);
}

static void
test_export (void)
{
  ObSurvivalPage *page = new_page ();
  g_autofree char *dir = g_dir_make_tmp ("oncobench-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "km.pdf", NULL);
  g_autofree char *png = g_build_filename (dir, "km.png", NULL);
  g_autofree char *tif = g_build_filename (dir, "km.tif", NULL);
  g_autofree char *bad = g_build_filename (dir, "km.doc", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_assert_true (ob_survival_page_export (page, pdf, &error));
  g_assert_no_error (error);
  g_file_get_contents (pdf, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "%PDF"));

  g_assert_true (ob_survival_page_export (page, png, &error));
  g_assert_no_error (error);
  g_clear_pointer (&contents, g_free);
  g_file_get_contents (png, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_true (memcmp (contents, "\x89PNG", 4) == 0);

  g_assert_true (ob_survival_page_export (page, tif, &error));
  g_assert_no_error (error);
  g_clear_pointer (&contents, g_free);
  g_file_get_contents (tif, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_true (memcmp (contents, "II*", 4) == 0 || memcmp (contents, "MM\0*", 4) == 0);

  g_assert_false (ob_survival_page_export (page, bad, &error));
  g_assert_nonnull (error);

  g_unlink (pdf);
  g_unlink (png);
  g_unlink (tif);
  g_rmdir (dir);
  g_assert_finalize_object (page);
}

/* A cohort large enough to be computed in a thread; deterministic, so reruns agree. */
static ObDataset *
make_large_cohort (gsize n)
{
  ObDataset *dataset = ob_dataset_new ();
  double *time = g_new (double, n);
  double *status = g_new (double, n);
  guint32 *arm = g_new (guint32, n);
  GPtrArray *levels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261123);

  g_ptr_array_add (levels, g_strdup ("control"));
  g_ptr_array_add (levels, g_strdup ("treated"));
  for (gsize i = 0; i < n; i++)
    {
      arm[i] = g_rand_int_range (rand, 0, 2);
      time[i] = ceil (-log (1 - g_rand_double (rand)) * (arm[i] ? 400 : 250));
      status[i] = g_rand_double (rand) < 0.8 ? 1 : 0;
    }
  ob_dataset_set_n_rows (dataset, n);
  ob_dataset_add_numeric (dataset, "os_days", time);
  ob_dataset_add_numeric (dataset, "os_event", status);
  ob_dataset_add_categorical (dataset, "arm", arm, levels);
  return dataset;
}

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* On screen: hovering over a curve names the group and S(t); a legend click hides a curve. */
static void
test_hover_and_legend (void)
{
  ObSurvivalPage *page = new_page ();
  GtkWidget *window = gtk_window_new ();
  gboolean timed_out = FALSE;
  guint timeout;
  const ObKmLayout *layout;
  g_autofree char *tooltip = NULL;
  double x, y, t = 200;
  ObKmSurvAt at;

  gtk_window_set_default_size (GTK_WINDOW (window), 1300, 800);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));
  timeout = g_timeout_add_seconds (10, timeout_cb, &timed_out);
  while (page->layout == NULL && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (timeout);
  layout = page->layout;

  ob_km_curve_surv_at (&page->results->fit->curves[1], t, &at);
  x = page->layout_dx + ob_plot_scale_map (&layout->x, t) * page->layout_scale;
  y = page->layout_dy
      + ob_plot_scale_map (&layout->y, at.surv * layout->y_factor) * page->layout_scale;
  tooltip = ob_plot_view_query_at (page->plot_view, x, y);
  g_assert_nonnull (tooltip);
  g_assert_true (strstr (tooltip, "<b>2</b>") != NULL);

  g_assert_cmpfloat (layout->legend.width, >, 0);
  /* The figure is laid out at the export size whatever the window. */
  g_assert_cmpfloat_with_epsilon (layout->width, OB_MM_TO_PT (89), 1e-9);
  g_assert_cmpfloat_with_epsilon (layout->height, OB_MM_TO_PT (80), 1e-9);
  g_signal_emit_by_name (page->plot_view, "clicked",
                         page->layout_dx
                         + (layout->legend.x + layout->legend.width / 2) * page->layout_scale,
                         page->layout_dy
                         + (layout->legend.y + layout->legend.height / 4) * page->layout_scale);
  g_assert_cmpuint (page->hidden_groups, ==, 1);
  g_assert_cmpuint (page->plot.style.hidden_groups, ==, 1);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (page->show_all_button)));
  /* With one curve left there is no legend to click; the button brings the rest back. */
  g_signal_emit_by_name (page->show_all_button, "clicked");
  g_assert_cmpuint (page->plot.style.hidden_groups, ==, 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (page->show_all_button)));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (page);
}

/* Above the threading threshold the page answers at once and fills in the results when the
 * thread is done; they equal the core's, computed here directly. */
static void
test_large_cohort_in_thread (void)
{
  g_autoptr(ObDataset) dataset = make_large_cohort (300000);
  ObSurvSpec spec = { .time_column = "os_days", .event_column = "os_event",
                      .group_column = "arm" };
  g_autoptr(ObSurvData) data = ob_surv_data_new (dataset, &spec, NULL, NULL);
  g_autoptr(ObKmFit) fit = NULL;
  ObSurvivalPage *page = OB_SURVIVAL_PAGE (ob_survival_page_new (dataset));
  gboolean timed_out = FALSE;
  guint timeout;
  ObKmOptions options;
  const ObKmFit *shown;

  g_object_ref_sink (page);
  ob_km_options_init (&options);
  fit = ob_km_fit (data, &options, NULL);
  g_assert_nonnull (fit);

  g_assert_null (ob_survival_page_get_fit (page));
  g_assert_nonnull (page->cancellable);
  timeout = g_timeout_add_seconds (60, timeout_cb, &timed_out);
  while (ob_survival_page_get_fit (page) == NULL && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (timeout);

  shown = ob_survival_page_get_fit (page);
  g_assert_cmpuint (shown->n_curves, ==, 2);
  for (guint g = 0; g < 2; g++)
    {
      g_assert_cmpuint (shown->curves[g].n, ==, fit->curves[g].n);
      g_assert_cmpfloat (shown->curves[g].median, ==, fit->curves[g].median);
      g_assert_cmpfloat (shown->curves[g].median_lower, ==, fit->curves[g].median_lower);
    }

  /* A change while a computation runs replaces it; only the newest result is shown. */
  g_assert_true (ob_survival_page_set_group_column (page, NULL));
  ob_survival_page_update (page);
  g_assert_cmpuint (ob_survival_page_get_fit (page)->n_curves, ==, 1);
  g_assert_true (ob_survival_page_set_group_column (page, "arm"));
  while (g_main_context_iteration (NULL, FALSE));
  g_assert_nonnull (page->cancellable);
  g_assert_true (ob_survival_page_set_group_column (page, NULL));
  ob_survival_page_update (page);
  g_assert_null (page->cancellable);
  g_assert_cmpuint (ob_survival_page_get_fit (page)->n_curves, ==, 1);

  /* The cancelled thread still holds the page until it ends, and lets go in that thread:
   * poll rather than wait for an event that never comes. */
  for (guint i = 0; i < 6000 && G_OBJECT (page)->ref_count > 1; i++)
    {
      while (g_main_context_iteration (NULL, FALSE));
      g_usleep (10000);
    }
  g_assert_finalize_object (page);
}

/* The "expect" object of one case of tests/reference/survival-landmark.json. */
static JsonObject *
landmark_case (const char *name)
{
  g_autofree char *path = g_build_filename (OB_SOURCE_DIR, "tests", "reference",
                                            "survival-landmark.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *cases;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  cases = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (cases); i++)
    {
      JsonObject *c = json_array_get_object_element (cases, i);

      if (g_str_equal (json_object_get_string_member (c, "name"), name))
        return json_object_ref (json_object_get_object_member (c, "expect"));
    }
  g_error ("no case %s", name);
  return NULL;
}

static void
assert_landmark_medians (const ObKmFit *fit,
                         JsonObject    *expect)
{
  JsonArray *groups = json_object_get_array_member (expect, "groups");

  g_assert_cmpuint (fit->n_curves, ==, json_array_get_length (groups));
  for (guint g = 0; g < fit->n_curves; g++)
    {
      JsonObject *e = json_array_get_object_element (groups, g);

      g_assert_cmpuint (fit->curves[g].n, ==, json_object_get_int_member (e, "n"));
      assert_close (fit->curves[g].median, json_object_get_double_member (e, "median"));
      assert_close (fit->curves[g].median_lower,
                    json_object_get_double_member (e, "median_lower"));
      assert_close (fit->curves[g].median_upper,
                    json_object_get_double_member (e, "median_upper"));
    }
}

/* "Landmark at" gives R's numbers from tests/reference/survival-landmark.json (lung by sex
 * from day 90); response groups are warned about until a landmark is set. */
static void
test_landmark (void)
{
  g_autoptr(ObDataset) dataset = load_lung ();
  g_autoptr(JsonObject) expect = landmark_case ("lung-sex-landmark-90");
  ObSurvivalPage *page;
  const ObKmFit *fit;
  g_autofree char *text = NULL;
  GPtrArray *levels = g_ptr_array_new_with_free_func (g_free);
  gsize n = ob_dataset_get_n_rows (dataset);
  guint32 *codes = g_new (guint32, n);


  /* A made-up response column, to see the warning come and go. */
  g_ptr_array_add (levels, g_strdup ("CR"));
  g_ptr_array_add (levels, g_strdup ("PD"));
  for (gsize i = 0; i < n; i++)
    codes[i] = i % 2;
  ob_dataset_add_categorical (dataset, "best_response", codes, levels);

  page = OB_SURVIVAL_PAGE (ob_survival_page_new (dataset));
  g_object_ref_sink (page);
  g_assert_true (ob_survival_page_set_group_column (page, "sex"));
  gtk_spin_button_set_value (page->landmark_spin, 90);
  ob_survival_page_update (page);
  fit = ob_survival_page_get_fit (page);
  g_assert_cmpint (fit->ci, ==, OB_CI_LOG_LOG);
  assert_landmark_medians (fit, expect);
  assert_close (page->results->test->chisq,
                json_object_get_double_member (json_object_get_object_member (expect, "test"),
                                               "chisq"));
  text = ob_survival_page_get_results_text (page);
  g_assert_nonnull (strstr (text, "before the landmark at 90"));
  g_assert_null (strstr (text, "immortal-time"));

  g_assert_true (ob_survival_page_set_group_column (page, "best_response"));
  ob_survival_page_update (page);
  g_clear_pointer (&text, g_free);
  text = ob_survival_page_get_results_text (page);
  g_assert_null (strstr (text, "immortal-time"));

  gtk_spin_button_set_value (page->landmark_spin, 0);
  ob_survival_page_update (page);
  g_assert_cmpuint (page->results->data->n, ==, n);
  g_clear_pointer (&text, g_free);
  text = ob_survival_page_get_results_text (page);
  g_assert_nonnull (strstr (text, "immortal-time bias"));
  g_assert_finalize_object (page);
}

/* Picking conventions brings their interval: log for R (checked against R from day 180),
 * log-log for Prism. */
static void
test_conventions_interval (void)
{
  g_autoptr(JsonObject) expect = landmark_case ("lung-sex-landmark-180-r");
  ObSurvivalPage *page = new_page ();

  gtk_spin_button_set_value (page->landmark_spin, 180);
  adw_combo_row_set_selected (page->conventions_row, 1);
  ob_survival_page_update (page);
  g_assert_cmpint (ob_survival_page_get_fit (page)->ci, ==, OB_CI_LOG_LOG);
  adw_combo_row_set_selected (page->conventions_row, 0);
  ob_survival_page_update (page);
  g_assert_cmpint (ob_survival_page_get_fit (page)->ci, ==, OB_CI_LOG);
  assert_landmark_medians (ob_survival_page_get_fit (page), expect);
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

  g_test_add_func ("/gui/survival-page/prefill-and-medians", test_prefill_and_medians);
  g_test_add_func ("/gui/survival-page/regroup", test_regroup);
  g_test_add_func ("/gui/survival-page/prism-conventions", test_prism_conventions);
  g_test_add_func ("/gui/survival-page/landmark", test_landmark);
  g_test_add_func ("/gui/survival-page/conventions-interval", test_conventions_interval);
  g_test_add_func ("/gui/survival-page/settings-change-results", test_settings_change_results);
  g_test_add_func ("/gui/survival-page/subgroup-filter", test_subgroup_filter);
  g_test_add_func ("/gui/survival-page/japanese-cohort", test_japanese_cohort);
  g_test_add_func ("/gui/survival-page/export", test_export);
  g_test_add_func ("/gui/survival-page/hover-and-legend", test_hover_and_legend);
  g_test_add_func ("/gui/survival-page/large-cohort-in-thread", test_large_cohort_in_thread);

  status = g_test_run ();
  g_hash_table_unref (reference);
  return status;
}
