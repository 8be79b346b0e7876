/* test-cohort-page.c: the cohort overview shows R's Table 1, the cohort's landscape, and
 * hands a clicked subgroup to the other analyses
 *
 * Table 1 is compared with tests/reference/table1.json (tests/reference/table1.R).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-test"

#include "config.h"

#include <math.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "ob-cohort-page-private.h"
#include "ob-compare-page-private.h"
#include "ob-csv-reader.h"
#include "ob-surv-data.h"
#include "ob-subgroups-page.h"
#include "ob-survival-page.h"
#include "ob-window-private.h"

static JsonParser *reference;

static JsonObject *
reference_case (const char *name)
{
  JsonArray *cases = json_node_get_array (json_parser_get_root (reference));

  for (guint i = 0; i < json_array_get_length (cases); i++)
    {
      JsonObject *c = json_array_get_object_element (cases, i);

      if (g_str_equal (json_object_get_string_member (c, "name"), name))
        return c;
    }
  g_error ("no reference case “%s”", name);
  return NULL;
}

static void
assert_close (double actual,
              JsonNode *expected)
{
  double e;

  if (JSON_NODE_HOLDS_NULL (expected))
    {
      g_assert_true (isnan (actual));
      return;
    }
  e = json_node_get_double (expected);
  g_assert_cmpfloat_with_epsilon (actual, e, 1e-6 * MAX (1.0, fabs (e)));
}

static double
element (JsonArray *array,
         guint      i)
{
  return json_array_get_double_element (array, i);
}

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
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Lets animations (the selection bar sliding in) finish before a screenshot. */
static void
wait_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }
}

/* The ALK cohort by TP53 status: every number of Table 1 as R has it. */
static void
test_table1_matches_r (void)
{
  g_autoptr(ObDataset) dataset = load_sample ("alk-cohort.csv");
  JsonObject *expected = reference_case ("alk by tp53_status");
  JsonArray *vars = json_object_get_array_member (expected, "variables");
  JsonArray *rows = json_object_get_array_member (expected, "rows");
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  ObCohortPage *page = OB_COHORT_PAGE (ob_cohort_page_new (dataset));
  const ObTable1 *table;

  g_object_ref_sink (page);
  /* The page picks TP53 status itself: a two-level column named like a status. */
  g_assert_cmpstr (ob_cohort_page_get_group (page), ==, "tp53_status");

  for (guint i = 0; i < json_array_get_length (vars); i++)
    g_ptr_array_add (names, (gpointer) json_array_get_string_element (vars, i));
  g_ptr_array_add (names, NULL);
  g_assert_true (ob_cohort_page_set_variables (page, (const char * const *) names->pdata));
  table = ob_cohort_page_get_table (page);
  g_assert_nonnull (table);
  g_assert_cmpuint (table->n_variables, ==, json_array_get_length (rows));
  for (guint g = 0; g <= table->n_groups; g++)
    g_assert_cmpuint (table->group_n[g], ==,
                      (gsize) element (json_object_get_array_member (expected, "group_n"), g));

  for (guint v = 0; v < table->n_variables; v++)
    {
      const ObTable1Variable *var = &table->variables[v];
      JsonObject *row = json_array_get_object_element (rows, v);

      g_assert_cmpstr (var->name, ==, json_object_get_string_member (row, "name"));
      g_assert_cmpint (var->categorical, ==, json_object_get_boolean_member (row, "categorical"));
      g_assert_cmpstr (ob_table1_test_to_string (var->test), ==,
                       json_object_get_string_member (row, "test"));
      assert_close (var->p, json_object_get_member (row, "p"));
      assert_close (var->smd, json_object_get_member (row, "smd"));
      assert_close (var->statistic, json_object_get_member (row, "statistic"));
      for (guint g = 0; g <= table->n_groups; g++)
        g_assert_cmpuint (var->n[g], ==,
                          (gsize) element (json_object_get_array_member (row, "n"), g));
      if (var->categorical)
        {
          JsonArray *counts = json_object_get_array_member (row, "counts");

          g_assert_cmpuint (var->n_levels * (table->n_groups + 1), ==,
                            json_array_get_length (counts));
          for (guint k = 0; k < json_array_get_length (counts); k++)
            g_assert_cmpfloat (var->counts[k], ==, element (counts, k));
        }
      else
        for (guint g = 0; g <= table->n_groups; g++)
          {
            assert_close (var->desc[g].mean,
                          json_array_get_element (json_object_get_array_member (row, "mean"), g));
            assert_close (var->desc[g].sd,
                          json_array_get_element (json_object_get_array_member (row, "sd"), g));
          }
    }

  /* The widget shows the grid the core formats, cell for cell. */
  {
    g_autofree char *text = ob_analysis_page_get_results_text (OB_ANALYSIS_PAGE (page));
    g_autofree char *p = ob_table1_format_p (table->variables[0].p);

    g_assert_nonnull (text);
    g_assert_nonnull (strstr (text, "age, mean (SD)\t"));
    g_assert_nonnull (strstr (text, p));
    g_assert_nonnull (gtk_grid_get_child_at (page->table_grid, 0, (int) page->grid->n_rows - 1));
  }
  g_assert_finalize_object (page);
}

/* The cohort's gene columns make its landscape; outcomes and genes stay out of Table 1 by
 * default. */
static void
test_landscape_and_defaults (void)
{
  g_autoptr(ObDataset) dataset = load_sample ("alk-cohort.csv");
  g_autoptr(ObLandscape) direct = NULL;
  const char * const genes[] = { "tp53_mutation_type", "cdkn2a", "pik3ca", "myc", "egfr",
                                 "kras", NULL };
  ObCohortPage *page = OB_COHORT_PAGE (ob_cohort_page_new (dataset));
  const ObLandscape *land;
  g_auto(GStrv) vars = NULL;
  g_autoptr(GError) error = NULL;

  g_object_ref_sink (page);
  land = ob_cohort_page_get_landscape (page);
  g_assert_nonnull (land);
  direct = ob_landscape_new_wide (dataset, genes, "patient_id", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (land->n_genes, ==, direct->n_genes);
  g_assert_cmpuint (land->n_patients, ==, direct->n_patients);
  for (guint g = 0; g < land->n_genes; g++)
    {
      g_assert_cmpstr (land->genes[g].gene, ==, direct->genes[g].gene);
      g_assert_cmpuint (land->genes[g].n_altered, ==, direct->genes[g].n_altered);
    }
  g_assert_cmpint (ob_cohort_page_get_show (page), ==, OB_COHORT_SHOW_LANDSCAPE);
  g_assert_true (ob_analysis_page_has_figure (OB_ANALYSIS_PAGE (page)));

  vars = ob_cohort_page_dup_variables (page);
  g_assert_true (g_strv_contains ((const char * const *) vars, "age"));
  g_assert_true (g_strv_contains ((const char * const *) vars, "treatment"));
  g_assert_false (g_strv_contains ((const char * const *) vars, "pfs_months"));
  g_assert_false (g_strv_contains ((const char * const *) vars, "kras"));
  g_assert_false (g_strv_contains ((const char * const *) vars, "tp53_status"));
  g_assert_nonnull (ob_cohort_page_get_table (page));
  g_assert_finalize_object (page);

  /* The Japanese twin in CP932 shows the same landscape: なし is "not altered". */
  {
    g_autoptr(ObDataset) ja = load_sample ("alk-cohort-ja.csv");
    ObCohortPage *ja_page = OB_COHORT_PAGE (ob_cohort_page_new (ja));
    const ObLandscape *ja_land;

    g_object_ref_sink (ja_page);
    ja_land = ob_cohort_page_get_landscape (ja_page);
    g_assert_nonnull (ja_land);
    g_assert_cmpuint (ja_land->n_genes, ==, direct->n_genes);
    for (guint g = 0; g < ja_land->n_genes; g++)
      g_assert_cmpuint (ja_land->genes[g].n_altered, ==, direct->genes[g].n_altered);
    g_assert_cmpstr (ob_cohort_page_get_group (ja_page), ==, "TP53状態");
    g_assert_nonnull (ob_cohort_page_get_table (ja_page));
    g_assert_finalize_object (ja_page);
  }

  /* A dataset without alteration columns has Table 1 alone. */
  {
    g_autoptr(ObDataset) veteran = load_sample ("veteran.csv");

    page = OB_COHORT_PAGE (ob_cohort_page_new (veteran));
    g_object_ref_sink (page);
    g_assert_null (ob_cohort_page_get_landscape (page));
    g_assert_cmpint (ob_cohort_page_get_show (page), ==, OB_COHORT_SHOW_TABLE);
    g_assert_nonnull (ob_cohort_page_get_table (page));
    g_assert_finalize_object (page);
  }
}

/* Settings in the command line's spelling survive a save and a load; a bad one changes
 * nothing. */
static void
test_settings_round_trip (void)
{
  g_autoptr(ObDataset) dataset = load_sample ("alk-cohort.csv");
  ObCohortPage *page = OB_COHORT_PAGE (ob_cohort_page_new (dataset));
  ObCohortPage *copy = OB_COHORT_PAGE (ob_cohort_page_new (dataset));
  g_autoptr(JsonObject) settings = json_object_new ();
  g_autoptr(JsonObject) saved = NULL;
  g_autoptr(JsonObject) again = NULL;
  g_autoptr(JsonObject) bad = json_object_new ();
  g_autoptr(GError) error = NULL;

  g_object_ref_sink (page);
  g_object_ref_sink (copy);
  json_object_set_string_member (settings, "group", "treatment");
  json_object_set_string_member (settings, "vars", "age,sex,stage");
  json_object_set_string_member (settings, "show", "table");
  g_assert_true (ob_analysis_page_load_settings (OB_ANALYSIS_PAGE (page), settings, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ob_cohort_page_get_table (page)->group_column, ==, "treatment");
  g_assert_cmpuint (ob_cohort_page_get_table (page)->n_variables, ==, 3);
  g_assert_cmpint (ob_cohort_page_get_show (page), ==, OB_COHORT_SHOW_TABLE);

  saved = ob_analysis_page_save_settings (OB_ANALYSIS_PAGE (page));
  g_assert_cmpstr (json_object_get_string_member (saved, "group"), ==, "treatment");
  g_assert_cmpstr (json_object_get_string_member (saved, "vars"), ==, "age,sex,stage");
  g_assert_cmpstr (json_object_get_string_member (saved, "show"), ==, "table");
  g_assert_true (ob_analysis_page_load_settings (OB_ANALYSIS_PAGE (copy), saved, &error));
  again = ob_analysis_page_save_settings (OB_ANALYSIS_PAGE (copy));
  g_assert_cmpstr (json_object_get_string_member (again, "show"), ==, "table");
  g_assert_cmpstr (json_object_get_string_member (again, "vars"), ==, "age,sex,stage");
  g_assert_cmpstr (json_object_get_string_member (again, "group"), ==, "treatment");

  json_object_set_string_member (bad, "group", "no_such_column");
  g_assert_false (ob_analysis_page_load_settings (OB_ANALYSIS_PAGE (page), bad, &error));
  g_assert_error (error, OB_ERROR, OB_ERROR_INVALID_ARG);
  g_assert_cmpstr (ob_cohort_page_get_table (page)->group_column, ==, "treatment");

  g_assert_finalize_object (page);
  g_assert_finalize_object (copy);
}

static gsize
count_level (ObDataset  *dataset,
             const char *column,
             const char *level)
{
  const ObColumn *col = ob_dataset_lookup_column (dataset, column);
  gsize n = 0;

  g_assert_nonnull (col);
  g_assert_cmpint (col->type, ==, OB_COLUMN_CATEGORICAL);
  for (gsize i = 0; i < ob_dataset_get_n_rows (dataset); i++)
    n += col->codes[i] != OB_LEVEL_MISSING
         && g_str_equal (g_ptr_array_index (col->levels, col->codes[i]), level);
  return n;
}

static gsize
survival_n (ObSurvivalPage *page)
{
  const ObKmFit *fit;
  gsize n = 0;

  ob_survival_page_update (page);
  fit = ob_survival_page_get_fit (page);
  g_assert_nonnull (fit);
  for (guint c = 0; c < fit->n_curves; c++)
    n += fit->curves[c].n;
  return n;
}

static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  const char *dir = g_getenv ("OB_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);

  if (dir == NULL || width <= 0 || height <= 0)
    return;
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  /* One file per language the test runs in. */
  {
    g_autofree char *file = g_strdup_printf ("%s-%s.png", name,
                                             g_getenv ("LANGUAGE") != NULL ? g_getenv ("LANGUAGE")
                                                                           : "en");

    path = g_build_filename (dir, file, NULL);
  }
  gdk_texture_save_to_png (texture, path);
}

/* "Only TP53 frameshift", one click from the landscape to the Kaplan–Meier curve. */
static void
test_linked_selection (void)
{
  g_autofree char *path = g_build_filename (OB_SOURCE_DIR, "data", "samples", "alk-cohort.csv",
                                            NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  ObWindow *window = g_object_ref (ob_window_new (NULL));
  ObWindowEntry *entry;
  ObSurvivalPage *survival;
  ObSubgroupsPage *forest;
  ObComparePage *compare;
  ObCohortPage *cohort;
  ObDataset *dataset;
  const char *column = NULL, *level = NULL;
  gsize n_all, n_frameshift;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 860);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (ob_window_load_file_sync (window, file, &error));
  g_assert_no_error (error);
  entry = ob_window_get_current_entry (window);
  dataset = ob_window_get_dataset (window);
  survival = OB_SURVIVAL_PAGE (ob_window_new_analysis (window, entry, "survival"));
  compare = OB_COMPARE_PAGE (ob_window_new_analysis (window, entry, "compare"));
  g_assert_true (ob_compare_page_set_columns (compare, "age", "stage", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-subgroups", NULL));
  wait_idle ();
  forest = OB_SUBGROUPS_PAGE (gtk_stack_get_visible_child (window->content_stack));
  g_assert_true (OB_IS_SUBGROUPS_PAGE (forest));
  wait_ms (g_getenv ("OB_SCREENSHOT_DIR") != NULL ? 1000 : 0);
  save_screenshot (GTK_WIDGET (window), "subgroups-page");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-cohort", NULL));
  wait_idle ();
  cohort = OB_COHORT_PAGE (gtk_stack_get_visible_child (window->content_stack));
  g_assert_true (OB_IS_COHORT_PAGE (cohort));

  n_all = survival_n (survival);
  n_frameshift = count_level (dataset, "tp53_mutation_type", "frameshift");
  g_assert_cmpuint (n_frameshift, >, 0);
  g_assert_cmpuint (n_frameshift, <, n_all);

  g_assert_cmpuint (ob_cohort_page_select (cohort, "tp53_mutation_type", "frameshift"), ==,
                    n_frameshift);
  g_assert_true (ob_cohort_page_get_selection (cohort, &column, &level));
  g_assert_cmpstr (column, ==, "tp53_mutation_type");
  g_assert_cmpstr (level, ==, "frameshift");
  wait_ms (g_getenv ("OB_SCREENSHOT_DIR") != NULL ? 600 : 0);
  save_screenshot (GTK_WIDGET (window), "cohort-landscape");
  ob_cohort_page_set_show (cohort, OB_COHORT_SHOW_TABLE);
  wait_ms (g_getenv ("OB_SCREENSHOT_DIR") != NULL ? 300 : 0);
  save_screenshot (GTK_WIDGET (window), "cohort-table");

  g_assert_cmpuint (ob_cohort_page_use_selection (cohort), ==, 3);
  g_assert_cmpuint (survival_n (survival), ==, n_frameshift);
  /* The comparison takes the same patients, and says so above its chart. */
  ob_compare_page_update (compare);
  g_assert_cmpuint (compare->results->data->n, ==, n_frameshift);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (compare->filter_box)));
  /* Frameshifts are all TP53-mutant: the forest has one arm left and says so. */
  g_assert_null (ob_subgroups_page_get_subgroups (forest));

  /* Another level of the same column replaces the filter rather than adding to it. */
  g_assert_cmpuint (ob_cohort_page_select (cohort, "tp53_mutation_type", "missense"), ==,
                    count_level (dataset, "tp53_mutation_type", "missense"));
  g_assert_cmpuint (ob_cohort_page_use_selection (cohort), ==, 3);
  g_assert_cmpuint (survival_n (survival), ==,
                    count_level (dataset, "tp53_mutation_type", "missense"));
  ob_compare_page_update (compare);
  g_assert_cmpuint (compare->results->data->n, ==,
                    count_level (dataset, "tp53_mutation_type", "missense"));

  /* A level of another column joins the filter on the first: missense among women. */
  g_assert_cmpuint (ob_cohort_page_select (cohort, "sex", "female"), ==,
                    count_level (dataset, "sex", "female"));
  g_assert_cmpuint (ob_cohort_page_use_selection (cohort), ==, 3);
  {
    const char * const both[] = { "tp53_mutation_type=missense", "sex=female", NULL };
    g_autofree guint8 *mask = ob_dataset_where_mask (dataset, both, NULL);
    g_autoptr(JsonObject) settings = ob_analysis_page_save_settings (OB_ANALYSIS_PAGE (forest));
    JsonArray *where = json_object_get_array_member (settings, "where");
    gsize n = 0;

    for (gsize i = 0; i < ob_dataset_get_n_rows (dataset); i++)
      n += mask[i];
    g_assert_cmpuint (survival_n (survival), ==, n);
    ob_compare_page_update (compare);
    g_assert_cmpuint (compare->results->data->n, ==, n);
    g_assert_cmpuint (json_array_get_length (where), ==, 2);
    g_assert_cmpstr (json_array_get_string_element (where, 0), ==,
                     "tp53_mutation_type=missense");
    g_assert_cmpstr (json_array_get_string_element (where, 1), ==, "sex=female");
  }

  /* No patient, no selection. */
  g_assert_cmpuint (ob_cohort_page_select (cohort, "tp53_mutation_type", "no such type"), ==, 0);
  g_assert_false (ob_cohort_page_get_selection (cohort, NULL, NULL));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

/* The Japanese cohort in a window: its landscape, and a selection named in Japanese. */
static void
test_japanese_window (void)
{
  g_autofree char *path = g_build_filename (OB_SOURCE_DIR, "data", "samples",
                                            "alk-cohort-ja.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  ObWindow *window = g_object_ref (ob_window_new (NULL));
  ObCohortPage *cohort;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 860);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (ob_window_load_file_sync (window, file, &error));
  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-cohort", NULL));
  wait_idle ();
  cohort = OB_COHORT_PAGE (gtk_stack_get_visible_child (window->content_stack));
  g_assert_true (OB_IS_COHORT_PAGE (cohort));
  g_assert_nonnull (ob_cohort_page_get_landscape (cohort));
  g_assert_cmpuint (ob_cohort_page_select (cohort, "TP53変異タイプ", "フレームシフト"),
                    ==,
                    count_level (ob_window_get_dataset (window), "TP53変異タイプ",
                                 "フレームシフト"));
  wait_ms (g_getenv ("OB_SCREENSHOT_DIR") != NULL ? 1000 : 0);
  save_screenshot (GTK_WIDGET (window), "cohort-japanese-data");

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *path = g_build_filename (OB_SOURCE_DIR, "tests", "reference", "table1.json",
                                            NULL);
  g_autoptr(GError) error = NULL;
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  reference = json_parser_new ();
  json_parser_load_from_file (reference, path, &error);
  g_assert_no_error (error);

  g_test_add_func ("/gui/cohort-page/table1-matches-r", test_table1_matches_r);
  g_test_add_func ("/gui/cohort-page/landscape-and-defaults", test_landscape_and_defaults);
  g_test_add_func ("/gui/cohort-page/settings-round-trip", test_settings_round_trip);
  g_test_add_func ("/gui/cohort-page/linked-selection", test_linked_selection);
  g_test_add_func ("/gui/cohort-page/japanese-window", test_japanese_window);

  status = g_test_run ();
  g_object_unref (reference);
  return status;
}
