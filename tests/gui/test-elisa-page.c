/* test-elisa-page.c: the ELISA page fits and interpolates as R's nls, and refits when a well
 * is left out
 *
 * Expected values: tests/reference/elisa-page.json, written by tests/reference/elisa-page.R
 * (the analysis of elisa-cli.R on the sample plate, with and without well D2, and on run 1
 * of DNase).  The plate reader's grid of the same plate (elisa-plate-grid.txt with
 * elisa-plate-map.txt) fits to the same numbers.
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
#include "ob-compare-page-private.h"
#include "ob-csv-reader.h"
#include "ob-elisa-page-import.h"
#include "ob-elisa-page-private.h"
#include "ob-window-private.h"

/* nls stops at a relative change of 1e-7; the fits agree to about that. */
#define FIT_TOLERANCE 1e-5

static JsonParser *reference;

static JsonObject *
reference_case (const char *name)
{
  JsonArray *cases = json_object_get_array_member (
    json_node_get_object (json_parser_get_root (reference)), "cases");

  for (guint i = 0; i < json_array_get_length (cases); i++)
    {
      JsonObject *item = json_array_get_object_element (cases, i);

      if (strcmp (json_object_get_string_member (item, "name"), name) == 0)
        return item;
    }
  g_error ("no reference case %s", name);
  return NULL;
}


static void
assert_close (double      actual,
              double      expected,
              const char *what)
{
  if (isnan (expected))
    {
      if (!isnan (actual))
        g_error ("%s: expected NA, got %.17g", what, actual);
      return;
    }
  if (!(fabs (actual - expected) <= FIT_TOLERANCE * MAX (fabs (expected), 1e-3)))
    g_error ("%s: expected %.17g, got %.17g", what, expected, actual);
}

static ObElisaPage *
new_page (const char *sample)
{
  g_autofree char *path = g_build_filename (OB_SOURCE_DIR, "data", "samples", sample, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ObDataset) dataset = ob_csv_read_file (path, NULL, &error);
  GtkWidget *page;

  g_assert_no_error (error);
  page = ob_elisa_page_new (dataset);
  g_object_ref_sink (page);
  return OB_ELISA_PAGE (page);
}

static void
assert_plate (const ObAssayPlate *plate,
              JsonObject         *want)
{
  JsonArray *params = json_object_get_array_member (want, "params");
  JsonArray *se = json_object_get_array_member (want, "se");
  JsonArray *standards = json_object_get_array_member (want, "standards");
  JsonArray *samples = json_object_get_array_member (want, "samples");

  g_assert_nonnull (plate);
  g_assert_cmpuint (plate->fit->n_params, ==, json_array_get_length (params));
  for (guint j = 0; j < plate->fit->n_params; j++)
    {
      assert_close (plate->fit->params[j], json_array_get_double_element (params, j), "param");
      assert_close (plate->fit->se[j], json_array_get_double_element (se, j), "param SE");
    }
  assert_close (plate->fit->rss, gui_member_double (want, "rss"), "rss");
  assert_close (plate->lloq, gui_member_double (want, "lloq"), "lloq");
  assert_close (plate->uloq, gui_member_double (want, "uloq"), "uloq");

  g_assert_cmpuint (plate->standards->len, ==, json_array_get_length (standards));
  for (guint i = 0; i < plate->standards->len; i++)
    {
      const ObAssayStandard *s = &g_array_index (plate->standards, ObAssayStandard, i);
      JsonObject *w = json_array_get_object_element (standards, i);

      assert_close (s->conc, gui_member_double (w, "conc"), "standard conc");
      assert_close (s->mean_response, gui_member_double (w, "mean_response"), "standard response");
      assert_close (s->back_calc, gui_member_double (w, "back_calc"), "back-calculated");
      assert_close (s->recovery_pct, gui_member_double (w, "recovery_pct"), "recovery");
    }

  g_assert_cmpuint (plate->samples->len, ==, json_array_get_length (samples));
  for (guint i = 0; i < plate->samples->len; i++)
    {
      const ObAssaySample *s = g_ptr_array_index (plate->samples, i);
      JsonObject *w = json_array_get_object_element (samples, i);
      JsonArray *flags = json_object_get_array_member (w, "flags");

      g_assert_cmpstr (s->id, ==, json_object_get_string_member (w, "id"));
      g_assert_cmpuint (s->n, ==, (guint) json_object_get_int_member (w, "n"));
      assert_close (s->mean_response, gui_member_double (w, "mean_response"), "sample response");
      assert_close (s->cv_pct, gui_member_double (w, "cv_pct"), "sample CV");
      assert_close (s->conc, gui_member_double (w, "conc"), "sample conc");
      assert_close (s->conc_lower, gui_member_double (w, "conc_lower"), "sample CI lower");
      assert_close (s->conc_upper, gui_member_double (w, "conc_upper"), "sample CI upper");
      g_assert_cmpuint (s->flags->len, ==, json_array_get_length (flags));
      for (guint f = 0; f < s->flags->len; f++)
        g_assert_cmpstr (g_ptr_array_index (s->flags, f), ==,
                         json_array_get_string_element (flags, f));
    }
}

/* The columns are found by name and the plate fits as R's nls, at once. */
static void
test_sample_plate (void)
{
  ObElisaPage *page = new_page ("elisa-plate.csv");
  g_autofree char *text = NULL;

  assert_plate (ob_elisa_page_get_plate (page), reference_case ("plate-4pl"));
  g_assert_cmpuint (ob_elisa_page_get_n_plates (page), ==, 1);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (page->plate_dropdown)));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page->figure_stack), ==, "figure");

  text = ob_elisa_page_get_results_text (page);
  g_assert_true (g_str_has_prefix (text, "Model\t4pl"));
  g_assert_nonnull (strstr (text, "H3122 AR\talectinib-resistant"));
  g_assert_finalize_object (page);
}

/* Leaving well D2 out refits the curve as R does without it; Undo brings the first fit back. */
static void
test_exclude_refits (void)
{
  JsonObject *without = reference_case ("plate-4pl-without-D2");
  gsize row = (gsize) json_object_get_int_member (without, "excluded_row");
  ObElisaPage *page = new_page ("elisa-plate.csv");
  const ObAssayPlate *plate = ob_elisa_page_get_plate (page);
  const ObAssayWell *well = &g_array_index (plate->wells, ObAssayWell, row);
  g_autoptr(JsonObject) settings = NULL;
  g_autofree char *text = NULL;
  JsonArray *exclude;

  g_assert_cmpstr (well->name, ==, "D2");
  g_assert_true (ob_elisa_page_exclude_row (page, row, "  bubble in the well "));
  g_assert_false (ob_elisa_page_exclude_row (page, row, "twice"));
  g_assert_cmpuint (ob_elisa_page_get_n_exclusions (page), ==, 1);
  plate = ob_elisa_page_get_plate (page);
  assert_plate (plate, without);
  g_assert_true (g_array_index (plate->wells, ObAssayWell, row).excluded);

  /* Logged with its reason, in the results and in the settings. */
  text = ob_elisa_page_get_results_text (page);
  g_assert_nonnull (strstr (text, "D2\tbubble in the well\n"));
  settings = ob_analysis_page_save_settings (OB_ANALYSIS_PAGE (page));
  exclude = json_object_get_array_member (settings, "exclude");
  g_assert_cmpuint (json_array_get_length (exclude), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (exclude, 0), ==, "D2");

  g_assert_true (ob_elisa_page_include_row (page, row));
  g_assert_cmpuint (ob_elisa_page_get_n_exclusions (page), ==, 0);
  assert_plate (ob_elisa_page_get_plate (page), reference_case ("plate-4pl"));
  g_assert_finalize_object (page);
}

static void
count_cb (ObAnalysisPage *page,
          guint          *count)
{
  (*count)++;
}

/* Settings in the command line's spelling come back as the same analysis; a bad one is named
 * and changes nothing. */
static void
test_settings_round_trip (void)
{
  ObElisaPage *page = new_page ("elisa-plate.csv");
  ObElisaPage *copy = new_page ("elisa-plate.csv");
  g_autoptr(JsonObject) settings = NULL;
  g_autoptr(JsonObject) bad = json_object_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *methods = NULL;
  g_autofree char *sentence = NULL;
  guint changes = 0;

  g_assert_true (ob_elisa_page_set_model (page, "5pl"));
  g_assert_true (ob_elisa_page_exclude_row (page, 7, "pipetting error"));
  settings = ob_analysis_page_save_settings (OB_ANALYSIS_PAGE (page));
  g_assert_cmpstr (ob_analysis_page_get_kind (OB_ANALYSIS_PAGE (page)), ==, "elisa");
  g_assert_cmpstr (json_object_get_string_member (settings, "model"), ==, "5pl");
  g_assert_cmpstr (json_object_get_string_member (settings, "response"), ==, "response");

  g_signal_connect (copy, "changed", G_CALLBACK (count_cb), &changes);
  g_assert_true (ob_analysis_page_load_settings (OB_ANALYSIS_PAGE (copy), settings, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpuint (ob_elisa_page_get_n_exclusions (copy), ==, 1);
  g_assert_cmpint (ob_elisa_page_get_plate (copy)->fit->model, ==, OB_CURVE_5PL);
  for (guint j = 0; j < 5; j++)
    g_assert_cmpfloat (ob_elisa_page_get_plate (copy)->fit->params[j], ==,
                       ob_elisa_page_get_plate (page)->fit->params[j]);

  json_object_set_string_member (bad, "model", "6pl");
  g_assert_false (ob_analysis_page_load_settings (OB_ANALYSIS_PAGE (copy), bad, &error));
  g_assert_error (error, OB_ERROR, OB_ERROR_INVALID_ARG);
  g_assert_nonnull (strstr (error->message, "--model"));
  g_clear_error (&error);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpint (ob_elisa_page_get_plate (copy)->fit->model, ==, OB_CURVE_5PL);
  g_assert_cmpuint (ob_elisa_page_get_n_exclusions (copy), ==, 1);

  methods = ob_analysis_page_get_methods_text (OB_ANALYSIS_PAGE (copy));
  sentence = ob_analysis_page_get_results_sentence (OB_ANALYSIS_PAGE (copy));
  g_assert_nonnull (strstr (methods, "five-parameter"));
  g_assert_nonnull (strstr (sentence, "of 7 samples"));

  g_assert_finalize_object (copy);
  g_assert_finalize_object (page);
}

/* DNase: every run its own curve; run 1 as R fits it. */
static void
test_dnase_runs (void)
{
  ObElisaPage *page = new_page ("dnase.csv");
  const ObAssayPlate *plate;
  guint run1 = G_MAXUINT;

  /* Found by name: density is the response, run the plate. */
  g_assert_cmpuint (ob_elisa_page_get_n_plates (page), ==, 11);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (page->plate_dropdown)));
  for (guint i = 0; i < ob_elisa_page_get_n_plates (page); i++)
    if (strcmp (((ObAssayPlate *) g_ptr_array_index (page->plates, i))->plate, "1") == 0)
      run1 = i;
  g_assert_cmpuint (run1, !=, G_MAXUINT);
  ob_elisa_page_set_plate_index (page, run1);
  plate = ob_elisa_page_get_plate (page);
  g_assert_cmpstr (plate->plate, ==, "1");
  assert_plate (plate, reference_case ("dnase-run1"));
  g_assert_finalize_object (page);
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

/* A click on a well asks why; without a reason it cannot be left out; with one it is, and a
 * second click puts it back. */
static void
test_click_asks_reason (void)
{
  ObElisaPage *page = new_page ("elisa-plate.csv");
  GtkWidget *window = gtk_window_new ();
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  /* In a window, as in the application: the question is asked over it. */
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  ob_elisa_page_well_clicked (page, 7);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "exclude"));
  entry = adw_message_dialog_get_extra_child (dialog);
  gtk_editable_set_text (GTK_EDITABLE (entry), "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "exclude"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "scratched well");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "exclude"));
  /* As its button does: the answer, then the dialog closes. */
  adw_message_dialog_response (dialog, "exclude");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpuint (ob_elisa_page_get_n_exclusions (page), ==, 1);
  assert_plate (ob_elisa_page_get_plate (page), reference_case ("plate-4pl-without-D2"));
  g_assert_cmpstr (((ObElisaExclusion *) g_ptr_array_index (page->exclusions, 0))->reason, ==,
                   "scratched well");

  ob_elisa_page_well_clicked (page, 7);
  g_assert_null (find_dialog ());
  g_assert_cmpuint (ob_elisa_page_get_n_exclusions (page), ==, 0);

  /* A blank is no well to leave out of a fit. */
  ob_elisa_page_well_clicked (page, 16);
  g_assert_null (find_dialog ());
  gtk_window_set_child (GTK_WINDOW (window), NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (page);
}

/* The presentation's toggles work the page's figure switches. */
static void
test_live_controls (void)
{
  ObElisaPage *page = new_page ("elisa-plate.csv");
  GtkWidget *controls = ob_analysis_page_create_live_controls (OB_ANALYSIS_PAGE (page));
  GtkWidget *band;
  guint changes = 0;

  g_object_ref_sink (controls);
  band = gtk_widget_get_first_child (controls);
  g_assert_true (GTK_IS_TOGGLE_BUTTON (band));
  g_assert_true (page->curve.show_band);
  g_signal_connect (page, "changed", G_CALLBACK (count_cb), &changes);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (band), FALSE);
  g_assert_false (gtk_switch_get_active (page->band_switch));
  g_assert_false (page->curve.show_band);
  g_assert_cmpuint (changes, ==, 1);
  gtk_switch_set_active (page->samples_switch, FALSE);
  g_assert_false (page->curve.show_samples);
  g_object_unref (controls);
  g_assert_finalize_object (page);
}

static void
test_export (void)
{
  ObElisaPage *page = new_page ("elisa-plate.csv");
  g_autofree char *dir = g_dir_make_tmp ("ob-elisa-XXXXXX", NULL);
  const char *names[] = { "curve.png", "curve.pdf", "plate.svg" };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      GStatBuf st;

      g_assert_true (ob_elisa_page_export (page, path, i == 2, &error));
      g_assert_no_error (error);
      g_assert_cmpint (g_stat (path, &st), ==, 0);
      g_assert_cmpint (st.st_size, >, 1000);
      g_remove (path);
    }
  g_rmdir (dir);
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
  g_autofree char *dir = g_dir_make_tmp ("ob-elisa-project-XXXXXX", NULL);
  g_autofree char *project = g_build_filename (dir, "plate.oncobench", NULL);
  g_autofree char *out = g_build_filename (dir, "figures", NULL);
  g_autoptr(GError) error = NULL;
  ObWindow *window = g_object_ref (ob_window_new (NULL));
  GtkWidget *page;

  gtk_window_present (GTK_WINDOW (window));
  page = open_in_window (window, "elisa-plate.csv", "win.new-elisa");
  g_assert_true (OB_IS_ELISA_PAGE (page));
  g_assert_true (ob_elisa_page_exclude_row (OB_ELISA_PAGE (page), 7, "bubble"));
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
  g_assert_true (OB_IS_ELISA_PAGE (page));
  g_assert_cmpuint (ob_elisa_page_get_n_exclusions (OB_ELISA_PAGE (page)), ==, 1);
  assert_plate (ob_elisa_page_get_plate (OB_ELISA_PAGE (page)),
                reference_case ("plate-4pl-without-D2"));
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);

  gui_render_project (project, out);
  gui_remove_tree (dir);
}

static gsize
find_well (const ObAssayPlate *plate,
           const char         *name)
{
  for (guint i = 0; i < plate->wells->len; i++)
    {
      const ObAssayWell *well = &g_array_index (plate->wells, ObAssayWell, i);

      if (g_strcmp0 (well->name, name) == 0)
        return well->row;
    }
  g_error ("no well %s", name);
  return 0;
}

/* A plate reader's grid and its map become a dataset of the window and an ELISA analysis
 * that fits as R does on the long form of the same plate; the project carries the wells. */
static void
test_import_grid (void)
{
  g_autofree char *grid = g_build_filename (OB_SOURCE_DIR, "data", "samples",
                                            "elisa-plate-grid.txt", NULL);
  g_autofree char *map = g_build_filename (OB_SOURCE_DIR, "data", "samples",
                                           "elisa-plate-map.txt", NULL);
  g_autofree char *dir = g_dir_make_tmp ("ob-elisa-grid-XXXXXX", NULL);
  g_autofree char *project = g_build_filename (dir, "grid.oncobench", NULL);
  g_autofree char *bad = g_build_filename (dir, "short-grid.txt", NULL);
  g_autofree char *out = g_build_filename (dir, "figures", NULL);
  g_autofree char *prefix = NULL;
  g_autoptr(GError) error = NULL;
  ObWindow *window = g_object_ref (ob_window_new (NULL));
  ObWindowEntry *entry;
  GtkWidget *page;
  gsize row;

  gtk_window_present (GTK_WINDOW (window));
  page = ob_elisa_page_import_grid (window, grid, map, &error);
  g_assert_no_error (error);
  g_assert_true (OB_IS_ELISA_PAGE (page));
  gui_wait_idle ();
  g_assert_true (gtk_stack_get_visible_child (window->content_stack) == page);
  entry = ob_window_get_current_entry (window);
  g_assert_cmpstr (entry->name, ==, "elisa-plate-grid");
  assert_plate (ob_elisa_page_get_plate (OB_ELISA_PAGE (page)), reference_case ("plate-4pl"));

  /* A well out by hand refits as R does without it, in the grid's rows as in the table's. */
  row = find_well (ob_elisa_page_get_plate (OB_ELISA_PAGE (page)), "D2");
  g_assert_true (ob_elisa_page_exclude_row (OB_ELISA_PAGE (page), row, "bubble"));
  assert_plate (ob_elisa_page_get_plate (OB_ELISA_PAGE (page)),
                reference_case ("plate-4pl-without-D2"));
  gui_wait_idle ();
  g_assert_true (ob_window_save_project_sync (window, project, &error));
  g_assert_no_error (error);

  /* A file that is no plate is refused with its place named, and nothing is added. */
  g_assert_true (g_file_set_contents (bad, "Plate 1\n,1,2,3,4,5,6,7,8,9,10,11,12\n"
                                           "A,1,2,3,4,5,6,7,8,9,10,11,12\n", -1, &error));
  g_assert_null (ob_elisa_page_import_grid (window, bad, map, &error));
  g_assert_error (error, OB_ERROR, OB_ERROR_PARSE);
  prefix = g_strdup_printf ("%s:", bad);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  g_assert_true (g_regex_match_simple ("^[^:]+:[0-9]+:[0-9]+: ", error->message, 0, 0));
  g_clear_error (&error);
  g_assert_cmpuint (window->entries->len, ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);

  /* The project holds the wells themselves: it opens without the grid files. */
  window = g_object_ref (ob_window_new (NULL));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (ob_window_load_project_sync (window, project, &error));
  g_assert_no_error (error);
  for (int i = 0; gtk_list_box_get_row_at_index (window->sidebar_list, i) != NULL; i++)
    gtk_list_box_select_row (window->sidebar_list,
                             gtk_list_box_get_row_at_index (window->sidebar_list, i));
  gui_wait_idle ();
  page = gtk_stack_get_visible_child (window->content_stack);
  g_assert_true (OB_IS_ELISA_PAGE (page));
  assert_plate (ob_elisa_page_get_plate (OB_ELISA_PAGE (page)),
                reference_case ("plate-4pl-without-D2"));
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);

  gui_render_project (project, out);
  g_remove (bad);
  gui_remove_tree (dir);
}

/* The samples carried into a comparison of their groups: the numbers R's kruskal.test gives
 * on the numeric concentrations (elisa-compare.json), the flagged samples counted per group
 * and drawn on their limit's line, each value with its 95% CI. */
static void
test_compare_samples (void)
{
  g_autofree char *path = g_build_filename (OB_SOURCE_DIR, "tests", "reference",
                                            "elisa-compare.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  ObWindow *window = g_object_ref (ob_window_new (NULL));
  JsonObject *want = NULL;
  JsonArray *cases, *groups;
  GtkWidget *page, *compare;
  const ObCompareResults *r;
  g_autofree char *dir = g_dir_make_tmp ("ob-elisa-samples-XXXXXX", NULL);
  g_autofree char *project = g_build_filename (dir, "samples.oncobench", NULL);
  g_autofree char *out = g_build_filename (dir, "figures", NULL);
  gsize r_below = 0;
  double p;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  cases = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                        "cases");
  for (guint i = 0; i < json_array_get_length (cases); i++)
    if (strcmp (json_object_get_string_member (json_array_get_object_element (cases, i),
                                               "name"), "plate") == 0)
      want = json_array_get_object_element (cases, i);
  g_assert_nonnull (want);
  groups = json_object_get_array_member (want, "groups");

  /* Outside a window there is nowhere to put the samples' table. */
  page = GTK_WIDGET (new_page ("elisa-plate.csv"));
  g_assert_null (ob_elisa_page_compare_samples (OB_ELISA_PAGE (page), &error));
  g_assert_error (error, OB_ERROR, OB_ERROR_NO_DATA);
  g_clear_error (&error);
  g_assert_finalize_object (page);

  gtk_window_present (GTK_WINDOW (window));
  /* DNase names no groups: nothing to compare, and the button says so by being off. */
  page = open_in_window (window, "dnase.csv", "win.new-elisa");
  g_assert_true (OB_IS_ELISA_PAGE (page));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (OB_ELISA_PAGE (page)->compare_button)));
  g_assert_null (ob_elisa_page_compare_samples (OB_ELISA_PAGE (page), &error));
  g_assert_error (error, OB_ERROR, OB_ERROR_NO_DATA);
  g_clear_error (&error);

  page = open_in_window (window, "elisa-plate.csv", "win.new-elisa");
  g_assert_true (OB_IS_ELISA_PAGE (page));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (OB_ELISA_PAGE (page)->compare_button)));
  compare = ob_elisa_page_compare_samples (OB_ELISA_PAGE (page), &error);
  g_assert_no_error (error);
  g_assert_nonnull (compare);
  gui_wait_idle ();
  g_assert_true (gtk_stack_get_visible_child (window->content_stack) == compare);
  g_assert_cmpstr (ob_window_get_current_entry (window)->name, ==, "elisa-plate samples");

  /* Three groups: Kruskal–Wallis is the test R ran. */
  g_assert_true (ob_compare_page_set_test (OB_COMPARE_PAGE (compare), "kruskal"));
  ob_compare_page_update (OB_COMPARE_PAGE (compare));
  r = OB_COMPARE_PAGE (compare)->results;
  g_assert_nonnull (r);
  g_assert_cmpstr (ob_compare_page_get_test (OB_COMPARE_PAGE (compare)), ==, "kruskal");
  assert_close (r->statistic, gui_member_double (want, "statistic"), "H");
  assert_close (r->p, gui_member_double (want, "p"), "p");
  g_assert_cmpuint (r->data->n, ==, (gsize) json_object_get_int_member (want, "n"));
  g_assert_cmpuint (r->data->n_groups, ==, json_array_get_length (groups));
  for (guint g = 0; g < r->data->n_groups; g++)
    {
      JsonObject *group = json_array_get_object_element (groups, g);

      /* Both in sorted order. */
      g_assert_cmpstr (r->data->group_names[g], ==, json_object_get_string_member (group,
                                                                                  "name"));
      g_assert_cmpuint (r->data->offsets[g + 1] - r->data->offsets[g], ==,
                        (gsize) json_object_get_int_member (group, "n"));
      g_assert_cmpuint (r->n_below[g], ==,
                        (gsize) json_object_get_int_member (group, "below_lloq"));
      r_below += r->n_below[g];
      g_assert_cmpuint (r->n_above[g], ==,
                        (gsize) json_object_get_int_member (group, "above_uloq"));
    }
  g_assert_nonnull (r->lower);
  g_assert_nonnull (OB_COMPARE_PAGE (compare)->plot.lower);
  p = r->p;

  /* A project keeps the samples' table: it reopens, and render re-makes the figure. */
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
  compare = gtk_stack_get_visible_child (window->content_stack);
  g_assert_true (OB_IS_COMPARE_PAGE (compare));
  ob_compare_page_update (OB_COMPARE_PAGE (compare));
  g_assert_cmpfloat (OB_COMPARE_PAGE (compare)->results->p, ==, p);
  g_assert_cmpuint (OB_COMPARE_PAGE (compare)->results->n_below_total, ==,
                    r_below);
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
                                            "elisa-page.json", NULL);
  g_autoptr(GError) error = NULL;
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  reference = json_parser_new ();
  json_parser_load_from_file (reference, path, &error);
  g_assert_no_error (error);

  g_test_add_func ("/gui/elisa-page/sample-plate", test_sample_plate);
  g_test_add_func ("/gui/elisa-page/exclude-refits", test_exclude_refits);
  g_test_add_func ("/gui/elisa-page/settings-round-trip", test_settings_round_trip);
  g_test_add_func ("/gui/elisa-page/dnase-runs", test_dnase_runs);
  g_test_add_func ("/gui/elisa-page/click-asks-reason", test_click_asks_reason);
  g_test_add_func ("/gui/elisa-page/export", test_export);
  g_test_add_func ("/gui/elisa-page/window-project", test_window_project);
  g_test_add_func ("/gui/elisa-page/live-controls", test_live_controls);
  g_test_add_func ("/gui/elisa-page/import-grid", test_import_grid);
  g_test_add_func ("/gui/elisa-page/compare-samples", test_compare_samples);

  status = g_test_run ();
  g_clear_object (&reference);
  return status;
}
