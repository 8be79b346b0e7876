/* test-survival-exclude.c: a patient clicked in the Kaplan–Meier figure, left out with a
 * reason, and the log kept through a project
 *
 * Expected values come from tests/reference/survival-exclude.R (survival-exclude.json).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-test"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "ob-csv-reader.h"
#include "ob-survival-page-private.h"
#include "ob-window-private.h"

static ObDataset *
load_sample (const char *name)
{
  g_autofree char *path = g_build_filename (OB_SOURCE_DIR, "data", "samples", name, NULL);
  g_autoptr(GError) error = NULL;
  ObDataset *dataset = ob_csv_read_file (path, NULL, &error);

  g_assert_no_error (error);
  return dataset;
}

static void
wait_idle (void)
{
  for (guint i = 0; i < 5; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

static void
load_lung_settings (ObAnalysisPage *page)
{
  g_autoptr(JsonObject) settings = json_object_new ();
  g_autoptr(GError) error = NULL;

  json_object_set_string_member (settings, "time", "time");
  json_object_set_string_member (settings, "event", "status");
  json_object_set_string_member (settings, "group", "sex");
  g_assert_true (ob_analysis_page_load_settings (page, settings, &error));
  g_assert_no_error (error);
}

static double
cell (const ObDataset *dataset,
      const char      *column,
      gsize            row)
{
  return ob_dataset_lookup_column (dataset, column)->num[row];
}

/* A click on a censoring tick or an event drop finds the patients there. */
static void
test_click_finds_patients (void)
{
  g_autoptr(ObDataset) dataset = load_sample ("lung.csv");
  GtkWidget *window = gtk_window_new ();
  ObSurvivalPage *page = OB_SURVIVAL_PAGE (ob_survival_page_new (dataset));
  const ObKmCurve *curve;
  const ObKmLayout *layout;
  gsize censored = G_MAXSIZE, event = G_MAXSIZE;

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 800);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  load_lung_settings (OB_ANALYSIS_PAGE (page));
  gtk_window_present (GTK_WINDOW (window));
  for (guint i = 0; i < 300 && page->layout == NULL; i++)
    {
      wait_idle ();
      g_usleep (10000);
    }
  g_assert_nonnull (page->layout);
  layout = page->layout;

  /* Curve 0 is sex 1: its first tick without an event, and its third drop. */
  curve = &page->results->fit->curves[0];
  for (gsize i = 0, drops = 0; i < curve->n_steps; i++)
    {
      if (curve->steps[i].n_event == 0 && curve->steps[i].n_censor > 0 && censored == G_MAXSIZE)
        censored = i;
      if (curve->steps[i].n_event > 0 && ++drops == 3)
        event = i;
    }
  g_assert_cmpuint (censored, <, curve->n_steps);
  g_assert_cmpuint (event, <, curve->n_steps);

  for (guint k = 0; k < 2; k++)
    {
      const ObKmStep *st = &curve->steps[k == 0 ? censored : event];
      const ObKmStep *prev = &curve->steps[(k == 0 ? censored : event) - 1];
      /* On the tick; halfway down the drop. */
      double s = k == 0 ? st->surv : (st->surv + prev->surv) / 2;
      double x = ob_plot_scale_map (&layout->x, st->time);
      double y = ob_plot_scale_map (&layout->y, s * layout->y_factor);
      g_autoptr(GArray) rows = ob_survival_page_rows_at (page,
                                                         x * page->layout_scale
                                                         + page->layout_dx,
                                                         y * page->layout_scale
                                                         + page->layout_dy);

      g_assert_cmpuint (rows->len, ==, k == 0 ? st->n_censor : st->n_event + st->n_censor);
      for (guint r = 0; r < rows->len; r++)
        {
          gsize row = g_array_index (rows, gsize, r);

          g_assert_cmpfloat (cell (dataset, "time", row), ==, st->time);
          g_assert_cmpfloat (cell (dataset, "sex", row), ==, 1);
          if (k == 0)
            g_assert_cmpfloat (cell (dataset, "status", row), ==, 1);
        }
      g_assert_true (ob_survival_page_show_rows (page,
                                                 x * page->layout_scale + page->layout_dx,
                                                 y * page->layout_scale + page->layout_dy));
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (page->row_popover)));
      gtk_popover_popdown (page->row_popover);
    }

  /* Far from every curve there is nobody. */
  g_assert_false (ob_survival_page_show_rows (page, 1, 1));
  gtk_window_destroy (GTK_WINDOW (window));
  wait_idle ();
}

static JsonObject *
reference_case (JsonParser *parser,
                const char *name)
{
  g_autofree char *path = g_build_filename (OB_SOURCE_DIR, "tests", "reference",
                                            "survival-exclude.json", NULL);
  g_autoptr(GError) error = NULL;
  JsonArray *cases;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  cases = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (cases); i++)
    {
      JsonObject *c = json_array_get_object_element (cases, i);

      if (g_str_equal (json_object_get_string_member (c, "name"), name))
        return json_object_get_object_member (c, "expect");
    }
  g_assert_not_reached ();
}

static void
assert_close (double      actual,
              JsonObject *object,
              const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (JSON_NODE_HOLDS_NULL (node))
    g_assert_true (isnan (actual));
  else
    g_assert_cmpfloat_with_epsilon (actual, json_node_get_double (node),
                                    1e-6 * MAX (1.0, fabs (json_node_get_double (node))));
}

/* The page without rows 3, 17, 50 and 120 gives R's numbers, logs the reasons in its
 * settings and its recipe, and says so in the Methods. */
static void
test_exclusions_match_r (void)
{
  g_autoptr(ObDataset) dataset = load_sample ("lung.csv");
  ObSurvivalPage *page = OB_SURVIVAL_PAGE (g_object_ref_sink (ob_survival_page_new (dataset)));
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *expect = reference_case (parser, "lung-sex-exclude-rows");
  JsonArray *groups = json_object_get_array_member (expect, "groups");
  JsonObject *term = json_array_get_object_element (
    json_object_get_array_member (json_object_get_object_member (expect, "cox"), "terms"), 0);
  g_autoptr(JsonObject) settings = NULL;
  g_autofree char *recipe = NULL;
  g_autofree char *methods = NULL;
  const ObSurvivalResults *r;
  JsonArray *exclude;
  gint64 deadline;

  load_lung_settings (OB_ANALYSIS_PAGE (page));
  g_assert_cmpint (ob_survival_page_id_column (page), ==, -1);
  ob_survival_page_exclude_row (page, 2, "wrong date of birth");
  ob_survival_page_exclude_row (page, 16, "duplicate record");
  ob_survival_page_exclude_row (page, 49, "consent withdrawn");
  ob_survival_page_exclude_row (page, 119, "duplicate record");
  ob_survival_page_update (page);
  deadline = g_get_monotonic_time () + 30 * G_TIME_SPAN_SECOND;
  while (page->results->cox == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  r = page->results;

  g_assert_cmpuint (r->data->n, ==, json_object_get_int_member (expect, "n"));
  for (guint g = 0; g < 2; g++)
    {
      JsonObject *e = json_array_get_object_element (groups, g);
      const ObKmCurve *c = &r->fit->curves[g];

      g_assert_cmpuint (c->n, ==, json_object_get_int_member (e, "n"));
      g_assert_cmpuint (c->events, ==, json_object_get_int_member (e, "events"));
      assert_close (c->median, e, "median");
      assert_close (c->median_lower, e, "median_lower");
      assert_close (c->median_upper, e, "median_upper");
    }
  assert_close (r->test->chisq, json_object_get_object_member (expect, "test"), "chisq");
  assert_close (r->test->p, json_object_get_object_member (expect, "test"), "p");
  g_assert_nonnull (r->cox);
  g_assert_cmpfloat_with_epsilon (r->cox->terms[0].hr, json_object_get_double_member (term, "hr"),
                                  1e-5 * json_object_get_double_member (term, "hr"));

  settings = ob_analysis_page_save_settings (OB_ANALYSIS_PAGE (page));
  g_assert_false (json_object_has_member (settings, "id"));
  exclude = json_object_get_array_member (settings, "exclude");
  g_assert_cmpuint (json_array_get_length (exclude), ==, 4);
  g_assert_cmpstr (json_array_get_string_element (exclude, 0), ==, "3:wrong date of birth");
  g_assert_cmpstr (json_array_get_string_element (exclude, 3), ==, "120:duplicate record");

  recipe = ob_analysis_page_get_recipe (OB_ANALYSIS_PAGE (page));
  g_assert_nonnull (strstr (recipe, "{\"id\":\"50\",\"reason\":\"consent withdrawn\"}"));
  methods = ob_analysis_page_get_methods_text (OB_ANALYSIS_PAGE (page));
  g_assert_nonnull (strstr (methods, "4 patients were excluded by hand"));

  /* Letting one back in brings its row back. */
  ob_survival_page_include_again (page, 0);
  ob_survival_page_update (page);
  g_assert_cmpuint (page->results->data->n, ==, json_object_get_int_member (expect, "n") + 1);
  g_assert_finalize_object (page);
}

/* With an identifier column the log names patients by it, as --id does. */
static void
test_identifier_column (void)
{
  g_autoptr(ObDataset) dataset = load_sample ("alk-cohort.csv");
  ObSurvivalPage *page = OB_SURVIVAL_PAGE (g_object_ref_sink (ob_survival_page_new (dataset)));
  g_autoptr(JsonObject) settings = json_object_new ();
  g_autoptr(JsonObject) saved = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *exclude = json_array_new ();
  gsize n_before;

  json_object_set_string_member (settings, "time", "pfs_months");
  json_object_set_string_member (settings, "event", "pfs_event");
  g_assert_true (ob_analysis_page_load_settings (OB_ANALYSIS_PAGE (page), settings, &error));
  n_before = page->results->data->n;
  g_assert_cmpint (ob_survival_page_id_column (page), ==,
                   ob_dataset_find_column (dataset, "patient_id"));
  ob_survival_page_exclude_row (page, 6, "second primary");
  ob_survival_page_update (page);
  g_assert_cmpuint (page->results->data->n, ==, n_before - 1);
  saved = ob_analysis_page_save_settings (OB_ANALYSIS_PAGE (page));
  g_assert_cmpstr (json_object_get_string_member (saved, "id"), ==, "patient_id");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (saved,
                                                                                "exclude"), 0),
                   ==, "ALK007:second primary");

  /* An identifier the table does not hold is refused, and the page stays as it was. */
  json_array_add_string_element (exclude, "ALK999:typo");
  json_object_set_array_member (settings, "exclude", exclude);
  json_object_set_string_member (settings, "id", "patient_id");
  g_assert_false (ob_analysis_page_load_settings (OB_ANALYSIS_PAGE (page), settings, &error));
  g_assert_error (error, OB_ERROR, OB_ERROR_INVALID_ARG);
  g_assert_nonnull (strstr (error->message, "ALK999"));
  g_assert_cmpuint (page->exclusions->len, ==, 1);
  g_assert_finalize_object (page);
}

/* Saved with the project, and found again when it is opened. */
static void
test_project_round_trip (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ob-survival-exclude-XXXXXX", NULL);
  g_autofree char *project = g_build_filename (dir, "cohort.oncobench", NULL);
  g_autofree char *path = g_build_filename (OB_SOURCE_DIR, "data", "samples", "lung.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  ObWindow *window = g_object_ref (ob_window_new (NULL));
  ObSurvivalPage *page;
  gsize n;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (ob_window_load_file_sync (window, file, &error));
  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-survival", NULL));
  wait_idle ();
  page = OB_SURVIVAL_PAGE (gtk_stack_get_visible_child (window->content_stack));
  load_lung_settings (OB_ANALYSIS_PAGE (page));
  ob_survival_page_exclude_row (page, 9, "treated off protocol");
  ob_survival_page_update (page);
  n = page->results->data->n;
  wait_idle ();
  g_assert_true (window->dirty);
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
  page = OB_SURVIVAL_PAGE (gtk_stack_get_visible_child (window->content_stack));
  g_assert_true (OB_IS_SURVIVAL_PAGE (page));
  ob_survival_page_update (page);
  g_assert_nonnull (page->exclusions);
  g_assert_cmpuint (page->exclusions->len, ==, 1);
  g_assert_cmpstr (((ObSurvivalExclusion *) g_ptr_array_index (page->exclusions, 0))->id, ==,
                   "10");
  g_assert_cmpstr (((ObSurvivalExclusion *) g_ptr_array_index (page->exclusions, 0))->reason,
                   ==, "treated off protocol");
  g_assert_cmpuint (page->results->data->n, ==, n);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
  g_unlink (project);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/gui/survival-exclude/click-finds-patients", test_click_finds_patients);
  g_test_add_func ("/gui/survival-exclude/exclusions-match-r", test_exclusions_match_r);
  g_test_add_func ("/gui/survival-exclude/identifier-column", test_identifier_column);
  g_test_add_func ("/gui/survival-exclude/project-round-trip", test_project_round_trip);
  return g_test_run ();
}
