/* test-growth-page.c: the tumour growth page computes what the core computes (and so what R
 * computes), refits when a mouse is left out, keeps its settings, and exports its figures
 *
 * Expected values: tests/reference/growth.json, written by tests/reference/growth.R on the
 * xenograft and bioluminescence samples.
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
#include "ob-csv-reader.h"
#include "ob-growth-page-private.h"
#include "ob-window-private.h"

#define TOLERANCE 1e-6

static JsonParser *reference;

static JsonObject *
expected (void)
{
  return json_node_get_object (json_parser_get_root (reference));
}

static void
assert_close (double      actual,
              double      want,
              double      tolerance,
              const char *what)
{
  if (isnan (want))
    {
      if (!isnan (actual))
        g_error ("%s: expected NA, got %.17g", what, actual);
      return;
    }
  if (!(fabs (actual - want) <= tolerance * MAX (fabs (want), 1e-12)))
    g_error ("%s: expected %.17g, got %.17g", what, want, actual);
}


static ObDataset *
load_sample (const char *sample)
{
  g_autofree char *path = g_build_filename (OB_SOURCE_DIR, "data", "samples", sample, NULL);
  g_autoptr(GError) error = NULL;
  ObDataset *dataset = ob_csv_read_file (path, NULL, &error);

  g_assert_no_error (error);
  return dataset;
}

static ObGrowthPage *
new_page (ObDataset *dataset)
{
  GtkWidget *page = ob_growth_page_new (dataset);

  g_object_ref_sink (page);
  return OB_GROWTH_PAGE (page);
}

/* The study the core reads from the same columns, with @excluded left out. */
static ObGrowthStudy *
core_study (ObDataset   *dataset,
            const char  *excluded)
{
  g_autoptr(GError) error = NULL;
  ObGrowthStudy *study;
  ObGrowthSpec spec;

  ob_growth_spec_init (&spec);
  spec.subject_column = "mouse";
  spec.group_column = "arm";
  spec.time_column = "day";
  spec.length_column = "length_mm";
  spec.width_column = "width_mm";
  study = ob_growth_study_new (dataset, &spec, NULL, &error);
  g_assert_no_error (error);
  if (excluded != NULL)
    study->excluded[ob_growth_study_find_mouse (study, excluded)] = 1;
  return study;
}

static void
assert_tgi (const ObGrowthStudy *study,
            const ObGrowthTgi   *tgi,
            JsonObject          *want)
{
  JsonArray *groups = json_object_get_array_member (want, "groups");

  g_assert_nonnull (tgi);
  assert_close (tgi->time, gui_member_double (want, "time"), 0, "TGI day");
  for (guint i = 0; i < json_array_get_length (groups); i++)
    {
      JsonObject *g = json_array_get_object_element (groups, i);
      int arm = ob_growth_study_find_arm (study, json_object_get_string_member (g, "group"));

      g_assert_cmpint (arm, >=, 0);
      for (guint a = 0; a < tgi->n_arms; a++)
        if (tgi->arms[a].arm == (guint) arm)
          {
            assert_close (tgi->arms[a].tgi_pct, gui_member_double (g, "tgi_pct"), TOLERANCE, "TGI");
            assert_close (tgi->arms[a].tc_pct, gui_member_double (g, "tc_pct"), TOLERANCE, "T/C");
          }
    }
}

static void
assert_rates_equal (const ObGrowthRates *a,
                    const ObGrowthRates *b,
                    guint                n_mice)
{
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_cmpuint (a->n_used, ==, b->n_used);
  assert_close (a->f, b->f, 1e-12, "F");
  assert_close (a->p, b->p, 1e-12, "ANOVA p");
  g_assert_cmpuint (a->n_vs_control, ==, b->n_vs_control);
  for (guint k = 0; k < a->n_vs_control; k++)
    {
      assert_close (a->vs_control[k].diff, b->vs_control[k].diff, 1e-12, "rate diff");
      assert_close (a->vs_control[k].p_adj, b->vs_control[k].p_adj, 1e-12, "rate p");
    }
  for (guint m = 0; m < n_mice; m++)
    assert_close (a->rate[m], b->rate[m], 1e-12, "rate");
}

/* Columns are found by name; TGI, rates and tests are R's. */
static void
test_xenograft (void)
{
  g_autoptr(ObDataset) dataset = load_sample ("xenograft.csv");
  ObGrowthPage *page = new_page (dataset);
  g_autoptr(ObGrowthStudy) study = core_study (dataset, NULL);
  g_autoptr(ObGrowthRates) rates = ob_growth_rates (study, NULL);
  const ObGrowthStudy *shown = ob_growth_page_get_study (page);
  const ObGrowthRates *page_rates = ob_growth_page_get_rates (page);
  JsonObject *want_anova = json_object_get_object_member (expected (), "anova");
  JsonArray *want_vs = json_object_get_array_member (expected (), "vs_control");
  g_autofree char *text = NULL;
  g_autofree char *methods = NULL;

  g_assert_nonnull (shown);
  g_assert_true (shown->has_volume);
  g_assert_cmpuint (shown->n_mice, ==, study->n_mice);
  g_assert_cmpstr (shown->arm_names[shown->control], ==,
                   json_object_get_string_member (expected (), "control"));
  assert_tgi (shown, ob_growth_page_get_tgi (page),
              json_object_get_object_member (expected (), "tgi_default"));
  g_assert_true (ob_growth_page_get_tgi (page)->default_time);

  assert_rates_equal (page_rates, rates, study->n_mice);
  assert_close (page_rates->f, gui_member_double (want_anova, "F"), TOLERANCE, "rates F");
  assert_close (page_rates->p, gui_member_double (want_anova, "p"), TOLERANCE, "rates p");
  for (guint i = 0; i < json_array_get_length (want_vs); i++)
    {
      JsonObject *w = json_array_get_object_element (want_vs, i);
      int arm = ob_growth_study_find_arm (shown, json_object_get_string_member (w, "group"));

      for (guint k = 0; k < page_rates->n_vs_control; k++)
        if (page_rates->vs_control[k].arm == (guint) arm)
          {
            assert_close (page_rates->vs_control[k].t, gui_member_double (w, "t"), TOLERANCE, "t");
            assert_close (page_rates->vs_control[k].p_adj, gui_member_double (w, "p_adj"),
                          TOLERANCE, "Holm p");
          }
    }
  g_assert_nonnull (ob_growth_page_get_mixed_model (page));

  text = ob_growth_page_get_results_text (page);
  g_assert_nonnull (strstr (text, "%TGI"));
  g_assert_nonnull (strstr (text, "mRECIST"));
  /* The formula is stated wherever TGI is given: definitions differ between tools. */
  g_assert_nonnull (strstr (text, ob_growth_page_get_tgi (page)->formula));
  methods = ob_analysis_page_get_methods_text (OB_ANALYSIS_PAGE (page));
  g_assert_nonnull (strstr (methods, "L × W² / 2"));
  g_assert_true (ob_analysis_page_has_figure (OB_ANALYSIS_PAGE (page)));
  g_assert_finalize_object (page);
}

/* A mouse left out is left out of everything, logged with its reason, and comes back. */
static void
test_exclude_refits (void)
{
  g_autoptr(ObDataset) dataset = load_sample ("xenograft.csv");
  ObGrowthPage *page = new_page (dataset);
  g_autoptr(ObGrowthStudy) without = core_study (dataset, "M01");
  g_autoptr(ObGrowthStudy) with = core_study (dataset, NULL);
  g_autoptr(ObGrowthRates) rates_without = ob_growth_rates (without, NULL);
  g_autoptr(ObGrowthRates) rates_with = ob_growth_rates (with, NULL);
  g_autoptr(ObGrowthTgi) tgi_without = ob_growth_tgi (without, NAN, NULL);
  const ObGrowthTgi *tgi;
  g_autofree char *text = NULL;
  g_autoptr(JsonObject) settings = NULL;

  g_assert_false (ob_growth_page_exclude_mouse (page, "no such mouse", "typo"));
  g_assert_true (ob_growth_page_exclude_mouse (page, "M01", "ulcerated tumour"));
  g_assert_false (ob_growth_page_exclude_mouse (page, "M01", "twice"));
  g_assert_cmpuint (ob_growth_page_get_n_exclusions (page), ==, 1);
  assert_rates_equal (ob_growth_page_get_rates (page), rates_without, without->n_mice);
  tgi = ob_growth_page_get_tgi (page);
  for (guint a = 0; a < tgi->n_arms; a++)
    {
      assert_close (tgi->arms[a].mean, tgi_without->arms[a].mean, 1e-12, "mean without M01");
      assert_close (tgi->arms[a].tgi_pct, tgi_without->arms[a].tgi_pct, 1e-12, "TGI");
    }
  text = ob_growth_page_get_results_text (page);
  g_assert_nonnull (strstr (text, "ulcerated tumour"));
  settings = ob_analysis_page_save_settings (OB_ANALYSIS_PAGE (page));
  g_assert_cmpstr (json_object_get_string_member (settings, "exclude"), ==, "M01");

  g_assert_true (ob_growth_page_include_mouse (page, "M01"));
  g_assert_cmpuint (ob_growth_page_get_n_exclusions (page), ==, 0);
  assert_rates_equal (ob_growth_page_get_rates (page), rates_with, with->n_mice);
  g_assert_finalize_object (page);
}

static char *
settings_string (ObGrowthPage *page)
{
  g_autoptr(JsonObject) settings = ob_analysis_page_save_settings (OB_ANALYSIS_PAGE (page));
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  json_node_set_object (node, settings);
  return json_to_string (node, FALSE);
}

static JsonObject *
parse_object (const char *json)
{
  g_autoptr(JsonNode) node = json_from_string (json, NULL);

  g_assert_nonnull (node);
  return json_object_ref (json_node_get_object (node));
}

/* Saved as the command line spells it, and loaded back to the same page. */
static void
test_settings_round_trip (void)
{
  g_autoptr(ObDataset) dataset = load_sample ("xenograft.csv");
  ObGrowthPage *page = new_page (dataset);
  ObGrowthPage *copy = new_page (dataset);
  g_autoptr(JsonObject) settings = parse_object (
    "{\"subject\":\"mouse\",\"group\":\"arm\",\"time\":\"day\",\"length\":\"length_mm\","
    "\"width\":\"width_mm\",\"control\":\"vehicle\",\"tgi-day\":14,\"endpoint\":1000,"
    "\"chart\":\"waterfall\",\"traces\":true,\"log\":true,\"dosing\":\"0,14\","
    "\"exclude\":\"M02\"}");
  g_autoptr(JsonObject) bad = parse_object ("{\"subject\":\"no such column\"}");
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *again = NULL;
  g_autofree char *after_bad = NULL;

  g_assert_true (ob_analysis_page_load_settings (OB_ANALYSIS_PAGE (page), settings, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ob_growth_page_get_n_exclusions (page), ==, 1);
  g_assert_cmpuint (ob_growth_page_get_chart (page), ==, OB_GROWTH_CHART_WATERFALL);
  saved = settings_string (page);
  g_assert_nonnull (strstr (saved, "\"tgi-day\":14"));
  g_assert_nonnull (strstr (saved, "\"dosing\":\"0,14\""));
  g_assert_nonnull (strstr (saved, "\"exclude\":\"M02\""));

  {
    g_autoptr(JsonObject) reloaded = parse_object (saved);

    g_assert_true (ob_analysis_page_load_settings (OB_ANALYSIS_PAGE (copy), reloaded, &error));
    g_assert_no_error (error);
  }
  again = settings_string (copy);
  g_assert_cmpstr (again, ==, saved);

  /* A value that does not fit leaves the page as it was. */
  g_assert_false (ob_analysis_page_load_settings (OB_ANALYSIS_PAGE (copy), bad, &error));
  g_assert_error (error, OB_ERROR, OB_ERROR_INVALID_ARG);
  after_bad = settings_string (copy);
  g_assert_cmpstr (after_bad, ==, saved);
  g_assert_finalize_object (page);
  g_assert_finalize_object (copy);
}

/* The TGI day chosen is R's day-14 TGI. */
static void
test_tgi_day (void)
{
  g_autoptr(ObDataset) dataset = load_sample ("xenograft.csv");
  ObGrowthPage *page = new_page (dataset);
  g_autoptr(JsonObject) settings = parse_object ("{\"tgi-day\":14}");

  g_assert_true (ob_analysis_page_load_settings (OB_ANALYSIS_PAGE (page), settings, NULL));
  assert_tgi (ob_growth_page_get_study (page), ob_growth_page_get_tgi (page),
              json_object_get_object_member (expected (), "tgi_day14"));
  g_assert_false (ob_growth_page_get_tgi (page)->default_time);
  g_assert_finalize_object (page);
}

/* Flux with its background, and the endpoint from recorded days: R's log-rank test. */
static void
test_bli (void)
{
  g_autoptr(ObDataset) dataset = load_sample ("bli.csv");
  ObGrowthPage *page = new_page (dataset);
  JsonObject *want = json_object_get_object_member (expected (), "bli_endpoint");
  g_autofree char *settings_json = g_strdup_printf (
    "{\"background\":%.17g,\"endpoint-time\":\"death_day\",\"endpoint-event\":\"event\"}",
    gui_member_double (expected (), "bli_background"));
  g_autoptr(JsonObject) settings = parse_object (settings_json);
  const ObGrowthStudy *study = ob_growth_page_get_study (page);

  g_assert_nonnull (study);
  g_assert_true (study->has_flux);
  g_assert_false (study->has_volume);
  g_assert_cmpuint (ob_growth_page_get_chart (page), ==, OB_GROWTH_CHART_FLUX);
  g_assert_true (ob_analysis_page_load_settings (OB_ANALYSIS_PAGE (page), settings, NULL));
  ob_growth_page_update (page);
  g_assert_nonnull (page->results->logrank);
  assert_close (page->results->logrank->chisq, gui_member_double (want, "chisq"), TOLERANCE,
                "log-rank chi-square");
  assert_close (page->results->logrank->p, gui_member_double (want, "p"), TOLERANCE, "log-rank p");

  /* Each arm's last imaging day, as R summarised it, in the copied table. */
  {
    JsonArray *summary = json_object_get_array_member (expected (), "bli_summary");
    g_autofree char *text = ob_growth_page_get_results_text (page);
    guint n_checked = 0;

    for (guint i = 0; i < json_array_get_length (summary); i++)
      {
        JsonObject *row = json_array_get_object_element (summary, i);
        JsonObject *next = i + 1 < json_array_get_length (summary)
                           ? json_array_get_object_element (summary, i + 1) : NULL;
        g_autofree char *line = NULL;

        if (next != NULL && g_strcmp0 (json_object_get_string_member (next, "group"),
                                       json_object_get_string_member (row, "group")) == 0)
          continue;
        line = g_strdup_printf ("%s\t%g\t%u\t%u\t%.3g\n",
                                json_object_get_string_member (row, "group"),
                                gui_member_double (row, "time"),
                                (guint) json_object_get_int_member (row, "n"),
                                (guint) json_object_get_int_member (row, "n_censored"),
                                pow (10, gui_member_double (row, "mean")));
        if (strstr (text, line) == NULL)
          g_error ("no row %s in:\n%s", line, text);
        n_checked++;
      }
    g_assert_cmpuint (n_checked, ==, 3);
  }
  g_assert_finalize_object (page);
}

/* Every chart exports; a chart the data cannot make says why instead. */
static void
test_export (void)
{
  static const char * const charts[] = {
    "curves", "spaghetti", "waterfall", "endpoint",
  };
  g_autoptr(ObDataset) dataset = load_sample ("xenograft.csv");
  ObGrowthPage *page = new_page (dataset);
  g_autofree char *dir = g_dir_make_tmp ("ob-growth-XXXXXX", NULL);
  g_autoptr(JsonObject) settings = parse_object ("{\"endpoint\":1000,\"traces\":true}");
  ObPlotStyle style;

  ob_plot_style_init (&style);
  g_assert_true (ob_analysis_page_load_settings (OB_ANALYSIS_PAGE (page), settings, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s.png", charts[i]);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GError) error = NULL;
      GStatBuf st;

      g_assert_true (ob_growth_page_set_chart (page, charts[i]));
      g_assert_true (ob_analysis_page_has_figure (OB_ANALYSIS_PAGE (page)));
      g_assert_true (ob_analysis_page_export (OB_ANALYSIS_PAGE (page), path, 89, 70, 150,
                                              &style, &error));
      g_assert_no_error (error);
      g_assert_cmpint (g_stat (path, &st), ==, 0);
      g_assert_cmpint (st.st_size, >, 1000);
      g_remove (path);
    }
  /* The xenograft sheet has no flux column. */
  g_assert_true (ob_growth_page_set_chart (page, "flux"));
  g_assert_false (ob_analysis_page_has_figure (OB_ANALYSIS_PAGE (page)));
  g_rmdir (dir);
  g_assert_finalize_object (page);
}


/* A click on a mouse's trace finds that mouse, and its values are what was measured. */
static void
test_click_finds_mouse (void)
{
  g_autoptr(ObDataset) dataset = load_sample ("xenograft.csv");
  GtkWidget *window = gtk_window_new ();
  ObGrowthPage *page = OB_GROWTH_PAGE (ob_growth_page_new (dataset));
  const ObGrowthSubject *subject;
  const ObGrowthPanel *panel;
  g_autofree char *id = NULL;
  g_autofree char *description = NULL;
  gsize point;
  double x, y;

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 800);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_switch_set_active (page->traces_switch, TRUE);
  gtk_window_present (GTK_WINDOW (window));
  for (guint i = 0; i < 200 && page->layout == NULL; i++)
    {
      gui_wait_idle ();
      g_usleep (10000);
    }
  g_assert_nonnull (page->layout);

  /* The last point of the first mouse: traces fan out there. */
  subject = &g_array_index (page->figure_data->subjects, ObGrowthSubject, 0);
  point = subject->first + subject->n - 1;
  panel = &page->layout->panels[0];
  x = ob_plot_scale_map (&panel->x, g_array_index (page->figure_data->time, double, point));
  y = ob_plot_scale_map (&panel->y, g_array_index (page->figure_data->value, double, point));
  id = ob_growth_page_mouse_at (page, x * page->layout_scale + page->layout_dx,
                                y * page->layout_scale + page->layout_dy);
  g_assert_nonnull (id);
  description = ob_growth_page_describe_mouse (page, id);
  g_assert_nonnull (strstr (description, id));
  g_assert_nonnull (strstr (description, "mm³"));
  g_assert_null (ob_growth_page_describe_mouse (page, "no such mouse"));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* `oncobench-cli render` re-makes the project's figure from the settings the page saved. */
static void
render_project (const char *project,
                const char *out)
{
  const char *cli = g_getenv ("OB_CLI");
  const char *argv[] = { cli, "render", project, "--out", out, "--format", "png", NULL };
  g_autofree char *std_err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) figures = NULL;
  const char *name;
  int status = 0;
  guint n_png = 0;

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
  while ((name = g_dir_read_name (figures)) != NULL)
    {
      g_autofree char *path = g_build_filename (out, name, NULL);

      n_png += g_str_has_suffix (name, ".png") ? 1 : 0;
      /* The results re-made by the command line leave the same mouse out. */
      if (g_str_has_suffix (name, ".json"))
        {
          g_autofree char *json = NULL;

          g_assert_true (g_file_get_contents (path, &json, NULL, NULL));
          g_assert_nonnull (strstr (json, "\"M03\""));
        }
      g_remove (path);
    }
  g_assert_cmpuint (n_png, ==, 1);
  g_rmdir (out);
}

/* The window makes the page, saves it in a project, and restores it with its exclusion. */
static void
test_window_project (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ob-growth-project-XXXXXX", NULL);
  g_autofree char *project = g_build_filename (dir, "study.oncobench", NULL);
  g_autofree char *out = g_build_filename (dir, "figures", NULL);
  g_autofree char *path = g_build_filename (OB_SOURCE_DIR, "data", "samples", "xenograft.csv",
                                            NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  ObWindow *window = g_object_ref (ob_window_new (NULL));
  GtkWidget *page;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (ob_window_load_file_sync (window, file, &error));
  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-growth", NULL));
  gui_wait_idle ();
  page = gtk_stack_get_visible_child (window->content_stack);
  g_assert_true (OB_IS_GROWTH_PAGE (page));
  g_assert_true (ob_growth_page_exclude_mouse (OB_GROWTH_PAGE (page), "M03", "died"));
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
  g_assert_true (OB_IS_GROWTH_PAGE (page));
  g_assert_cmpuint (ob_growth_page_get_n_exclusions (OB_GROWTH_PAGE (page)), ==, 1);
  g_assert_true (ob_growth_page_get_study (OB_GROWTH_PAGE (page))->excluded[
                   ob_growth_study_find_mouse (ob_growth_page_get_study (OB_GROWTH_PAGE (page)),
                                               "M03")]);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
  render_project (project, out);
  g_remove (project);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *path = g_build_filename (OB_SOURCE_DIR, "tests", "reference", "growth.json",
                                            NULL);
  g_autoptr(GError) error = NULL;
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  reference = json_parser_new ();
  json_parser_load_from_file (reference, path, &error);
  g_assert_no_error (error);

  g_test_add_func ("/gui/growth-page/xenograft", test_xenograft);
  g_test_add_func ("/gui/growth-page/exclude-refits", test_exclude_refits);
  g_test_add_func ("/gui/growth-page/settings-round-trip", test_settings_round_trip);
  g_test_add_func ("/gui/growth-page/tgi-day", test_tgi_day);
  g_test_add_func ("/gui/growth-page/bli", test_bli);
  g_test_add_func ("/gui/growth-page/export", test_export);
  g_test_add_func ("/gui/growth-page/click-finds-mouse", test_click_finds_mouse);
  g_test_add_func ("/gui/growth-page/window-project", test_window_project);

  status = g_test_run ();
  g_clear_object (&reference);
  return status;
}
