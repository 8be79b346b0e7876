/* test-presentation.c: F5 shows the project's figures full screen, steps, toggles, leaves
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-test"

#include "config.h"

#include "ob-presentation.h"
#include "ob-survival-page-private.h"
#include "ob-window-private.h"

static void
wait_idle (void)
{
  for (guint i = 0; i < 5; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

static ObWindow *
window_with_two_analyses (void)
{
  g_autofree char *path = g_build_filename (OB_SOURCE_DIR, "data", "samples", "lung.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  ObWindow *window = g_object_ref (ob_window_new (NULL));

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (ob_window_load_file_sync (window, file, &error));
  g_assert_no_error (error);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-survival", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-survival", NULL);
  ob_survival_page_update (OB_SURVIVAL_PAGE (gtk_stack_get_visible_child (window->content_stack)));
  wait_idle ();
  return window;
}

static GtkWidget *
find_toggle (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_TOGGLE_BUTTON (widget)
      && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_toggle (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_present_and_step (void)
{
  ObWindow *window = window_with_two_analyses ();
  ObPresentation *presentation;
  ObSurvivalPage *second;
  GtkWidget *bands;
  graphene_rect_t bounds;
  double scale;
  int width, height;

  second = OB_SURVIVAL_PAGE (gtk_stack_get_visible_child (window->content_stack));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL));
  wait_idle ();
  presentation = NULL;
  {
    GListModel *toplevels = gtk_window_get_toplevels ();

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

        if (OB_IS_PRESENTATION (item))
          presentation = OB_PRESENTATION (item);
      }
  }
  g_assert_nonnull (presentation);
  g_object_ref (presentation);

  /* It starts at the analysis shown, the second of two. */
  g_assert_cmpuint (ob_presentation_get_index (presentation), ==, 1);
  g_assert_true (ob_presentation_get_page (presentation) == OB_ANALYSIS_PAGE (second));
  ob_presentation_step (presentation, -1);
  g_assert_cmpuint (ob_presentation_get_index (presentation), ==, 0);
  ob_presentation_step (presentation, -1);
  g_assert_cmpuint (ob_presentation_get_index (presentation), ==, 0);
  ob_presentation_step (presentation, 5);
  g_assert_cmpuint (ob_presentation_get_index (presentation), ==, 1);

  /* The figure lies inside the window whatever its size. */
  wait_idle ();
  ob_presentation_get_figure_geometry (presentation, &bounds, &scale);
  width = gtk_widget_get_width (GTK_WIDGET (presentation));
  height = gtk_widget_get_height (GTK_WIDGET (presentation));
  g_assert_cmpfloat (scale, >, 0);
  g_assert_cmpfloat (bounds.origin.x, >=, 0);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width * scale, <=, width + 0.5);
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height * scale, <=, height + 0.5);

  /* Live toggles act on the page itself. */
  bands = find_toggle (GTK_WIDGET (presentation), "CI Bands");
  g_assert_nonnull (bands);
  g_assert_true (gtk_switch_get_active (second->ci_bands_switch));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (bands), FALSE);
  g_assert_false (gtk_switch_get_active (second->ci_bands_switch));
  g_assert_false (second->plot.style.show_ci);
  {
    GtkWidget *group = find_toggle (GTK_WIDGET (presentation), second->results->fit->curves[0].name);

    g_assert_nonnull (group);
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (group), FALSE);
    g_assert_cmpuint (second->hidden_groups, ==, 1);
  }

  gtk_window_close (GTK_WINDOW (presentation));
  wait_idle ();
  g_assert_finalize_object (presentation);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *state = g_dir_make_tmp ("oncobench-state-XXXXXX", NULL);

  g_setenv ("XDG_STATE_HOME", state, TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/gui/presentation/present-and-step", test_present_and_step);

  return g_test_run ();
}
