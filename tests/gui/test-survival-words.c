/* test-survival-words.c: the survival page's Methods paragraph and Results sentence say
 * what the page computed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-test"

#include "config.h"

#include <math.h>
#include <string.h>

#include "ob-csv-reader.h"
#include "ob-plot-text.h"
#include "ob-survival-page-private.h"

static ObAnalysisPage *
new_page (const char *time,
          const char *event,
          const char *group)
{
  g_autofree char *path = g_build_filename (OB_SOURCE_DIR, "data", "samples", "alk-cohort.csv",
                                            NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ObDataset) dataset = ob_csv_read_file (path, NULL, &error);
  g_autoptr(JsonObject) settings = json_object_new ();
  GtkWidget *page;
  gint64 deadline = g_get_monotonic_time () + 30 * G_TIME_SPAN_SECOND;

  g_assert_no_error (error);
  page = ob_survival_page_new (dataset);
  g_object_ref_sink (page);
  json_object_set_string_member (settings, "time", time);
  json_object_set_string_member (settings, "event", event);
  json_object_set_string_member (settings, "group", group);
  g_assert_true (ob_analysis_page_load_settings (OB_ANALYSIS_PAGE (page), settings, &error));
  g_assert_no_error (error);
  ob_survival_page_update (OB_SURVIVAL_PAGE (page));
  g_assert_nonnull (OB_SURVIVAL_PAGE (page)->results);
  /* The Cox model may come from a worker thread. */
  while (OB_SURVIVAL_PAGE (page)->results->cox == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_nonnull (OB_SURVIVAL_PAGE (page)->results->cox);
  return OB_ANALYSIS_PAGE (page);
}

/* A number printed with `significant` digits stands for value. */
static void
assert_printed (const char *printed,
                double      value,
                int         significant)
{
  double shown = g_ascii_strtod (printed, NULL);
  double mag = pow (10, floor (log10 (fabs (value))) - significant + 1);

  g_test_message ("printed %s for %.6g", printed, value);
  g_assert_cmpfloat (fabs (shown - value), <=, 0.5 * mag + 1e-12);
}

static void
test_sentence_numbers (void)
{
  ObAnalysisPage *page = new_page ("pfs_months", "pfs_event", "tp53_status");
  const ObSurvivalResults *r = OB_SURVIVAL_PAGE (page)->results;
  const ObKmCurve *mutant = &r->fit->curves[0];
  const ObKmCurve *wild = &r->fit->curves[1];
  const ObCoxTerm *term = &r->cox->terms[0];
  g_autofree char *sentence = ob_analysis_page_get_results_sentence (page);
  g_autofree char *p = ob_plot_format_p (r->test->p);
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *expected_p = NULL;
  g_autofree char *m1 = NULL, *l1 = NULL, *u1 = NULL, *m2 = NULL, *l2 = NULL;
  g_autofree char *hr = NULL, *hr_lo = NULL, *hr_hi = NULL, *shown_p = NULL;

  g_test_message ("%s", sentence);
  g_assert_cmpstr (mutant->name, ==, "mutant");
  g_assert_cmpstr (wild->name, ==, "wild-type");
  /* wild-type's median is reached but its upper limit is not. */
  g_assert_true (isfinite (wild->median) && !isfinite (wild->median_upper));

  regex = g_regex_new ("^Median PFS was ([0-9.]+) months \\(95% CI ([0-9.]+)–([0-9.]+)\\) in "
                       "mutant and ([0-9.]+) months \\(95% CI ([0-9.]+)–NR\\) in wild-type "
                       "\\(HR for wild-type vs mutant ([0-9.]+), 95% CI ([0-9.]+)–([0-9.]+); "
                       "log-rank (p [<=] [0-9.]+)\\)\\.$", 0, 0, NULL);
  g_assert_true (g_regex_match (regex, sentence, 0, &match));
  m1 = g_match_info_fetch (match, 1);
  l1 = g_match_info_fetch (match, 2);
  u1 = g_match_info_fetch (match, 3);
  m2 = g_match_info_fetch (match, 4);
  l2 = g_match_info_fetch (match, 5);
  hr = g_match_info_fetch (match, 6);
  hr_lo = g_match_info_fetch (match, 7);
  hr_hi = g_match_info_fetch (match, 8);
  shown_p = g_match_info_fetch (match, 9);

  assert_printed (m1, mutant->median, 3);
  assert_printed (l1, mutant->median_lower, 3);
  assert_printed (u1, mutant->median_upper, 3);
  assert_printed (m2, wild->median, 3);
  assert_printed (l2, wild->median_lower, 3);
  g_assert_cmpfloat (fabs (g_ascii_strtod (hr, NULL) - term->hr), <=, 0.005);
  g_assert_cmpfloat (fabs (g_ascii_strtod (hr_lo, NULL) - term->hr_lower), <=, 0.005);
  g_assert_cmpfloat (fabs (g_ascii_strtod (hr_hi, NULL) - term->hr_upper), <=, 0.005);
  /* As the figure prints it. */
  g_assert_cmpstr (shown_p, ==, p);
  g_assert_true (r->test->p < 0.0001);
  g_assert_cmpstr (shown_p, ==, "p < 0.0001");

  g_assert_finalize_object (page);
}

static void
test_not_reached (void)
{
  ObAnalysisPage *page = new_page ("os_months", "os_event", "tp53_status");
  const ObSurvivalResults *r = OB_SURVIVAL_PAGE (page)->results;
  g_autofree char *sentence = ob_analysis_page_get_results_sentence (page);
  g_autofree char *p = ob_plot_format_p (r->test->p);
  g_autofree char *tail = NULL;

  g_test_message ("%s", sentence);
  g_assert_false (isfinite (r->fit->curves[0].median));
  g_assert_false (isfinite (r->fit->curves[1].median));
  g_assert_true (g_str_has_prefix (sentence, "Median OS was not reached in mutant and not "
                                             "reached in wild-type (HR for wild-type vs mutant "));
  tail = g_strdup_printf ("; log-rank %s).", p);
  g_assert_true (g_str_has_suffix (sentence, tail));
  g_assert_cmpstr (p, ==, "p = 0.0009");
  g_assert_finalize_object (page);
}

static void
test_methods (void)
{
  ObAnalysisPage *page = new_page ("pfs_months", "pfs_event", "tp53_status");
  g_autofree char *methods = ob_analysis_page_get_methods_text (page);
  GtkWidget *words;
  guint n_buttons = 0;

  g_test_message ("%s", methods);
  g_assert_nonnull (strstr (methods, "Kaplan–Meier"));
  g_assert_nonnull (strstr (methods, "log-log-transformed 95% confidence intervals"));
  g_assert_nonnull (strstr (methods, "Brookmeyer–Crowley"));
  g_assert_nonnull (strstr (methods, "by the log-rank test"));
  g_assert_nonnull (strstr (methods, "Cox proportional-hazards model of tp53_status "
                                     "(reference: mutant), with Efron ties"));
  g_assert_nonnull (strstr (methods, "Oncobench " PACKAGE_VERSION));

  /* Under the results, two buttons copy them. */
  words = g_object_get_data (G_OBJECT (page), "ob-words-view");
  g_assert_nonnull (words);
  g_assert_true (gtk_widget_is_ancestor (words,
                                         GTK_WIDGET (OB_SURVIVAL_PAGE (page)->results_box)));
  for (GtkWidget *child = gtk_widget_get_first_child (gtk_widget_get_last_child (words));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      g_assert_true (GTK_IS_BUTTON (child));
      g_signal_emit_by_name (child, "clicked");
      n_buttons++;
    }
  g_assert_cmpuint (n_buttons, ==, 2);
  g_assert_finalize_object (page);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/gui/survival-words/sentence-numbers", test_sentence_numbers);
  g_test_add_func ("/gui/survival-words/not-reached", test_not_reached);
  g_test_add_func ("/gui/survival-words/methods", test_methods);
  return g_test_run ();
}
