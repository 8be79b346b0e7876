/* test-dark-style.c: figures stay paper-white in the dark style; dark slides are asked for
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-test"

#include "config.h"

#include "ob-presentation.h"
#include "ob-window-private.h"

static void
wait_idle (void)
{
  for (guint i = 0; i < 5; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

typedef struct
{
  guint n;
  guint n_light;           /* luminance above 0.8 */
  guint n_dark;            /* below 0.2 */
  guint n_ink;             /* below 0.6: lines and text on paper */
  double corner;           /* luminance of the top-left pixel */
} Census;

/* Within the middle fraction of the image: 1 for all of it. */
static Census
count_pixels (cairo_surface_t *image,
              double           fraction)
{
  const unsigned char *data;
  int width = cairo_image_surface_get_width (image);
  int height = cairo_image_surface_get_height (image);
  int stride = cairo_image_surface_get_stride (image);
  int x0 = (int) (width * (1 - fraction) / 2), y0 = (int) (height * (1 - fraction) / 2);
  Census census = { 0 };

  cairo_surface_flush (image);
  data = cairo_image_surface_get_data (image);
  for (int y = y0; y < height - y0; y++)
    for (int x = x0; x < width - x0; x++)
      {
        guint32 p = *(const guint32 *) (gconstpointer) (data + y * stride + 4 * x);
        double l = (0.2126 * ((p >> 16) & 0xff) + 0.7152 * ((p >> 8) & 0xff)
                    + 0.0722 * (p & 0xff)) / 255.0;

        census.n++;
        census.n_light += l > 0.8;
        census.n_dark += l < 0.2;
        census.n_ink += l < 0.6;
        if (x == x0 && y == y0)
          census.corner = l;
      }
  return census;
}

static ObWindow *
window_with_survival (void)
{
  ObWindow *window = g_object_ref (ob_window_new (NULL));
  g_autofree char *path = g_build_filename (OB_SOURCE_DIR, "data", "samples", "lung.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (ob_window_load_file_sync (window, file, &error));
  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-survival", NULL));
  wait_idle ();
  return window;
}

static GtkWidget *
find_type (GtkWidget *widget,
           const char *type_name)
{
  if (g_str_equal (G_OBJECT_TYPE_NAME (widget), type_name))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type_name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_named_toggle (GtkWidget  *widget,
                   const char *name)
{
  if (GTK_IS_TOGGLE_BUTTON (widget)
      && gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget),
                                           GTK_ACCESSIBLE_PROPERTY_LABEL))
    {
      g_autofree char *differs = gtk_test_accessible_check_property (
        GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name);

      if (differs == NULL)
        return widget;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named_toggle (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* With the system in the dark style, the figure on the page is still drawn on white. */
static void
test_figure_stays_white (void)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  ObWindow *window;
  GtkWidget *page, *view;
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  GtkSnapshot *snapshot;
  cairo_surface_t *image;
  cairo_t *cr;
  Census census;
  int width, height;

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  window = window_with_survival ();
  g_assert_true (adw_style_manager_get_dark (manager));
  page = gtk_stack_get_visible_child (window->content_stack);
  view = find_type (page, "ObPlotView");
  g_assert_nonnull (view);
  g_assert_true (gtk_widget_get_mapped (view));
  width = gtk_widget_get_width (view);
  height = gtk_widget_get_height (view);
  g_assert_cmpint (width, >, 100);

  paintable = gtk_widget_paintable_new (view);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (image);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  /* The page lays the figure out as a sheet of paper on its own backdrop. */
  census = count_pixels (image, 0.5);
  cairo_surface_destroy (image);

  /* Paper, with ink on it. */
  g_assert_cmpfloat (census.corner, >, 0.95);
  g_assert_cmpuint (census.n_light, >, census.n / 2);
  g_assert_cmpuint (census.n_ink, >, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
}

/* The presentation is white until dark slides are asked for, by button or key; then the
 * background is dark and the ink light. */
static void
test_dark_slides (void)
{
  ObWindow *window = window_with_survival ();
  ObPresentation *presentation;
  GtkWidget *button;
  cairo_surface_t *image;
  cairo_t *cr;
  Census light, dark;

  presentation = OB_PRESENTATION (ob_window_present_figures (window));
  g_assert_nonnull (presentation);
  g_object_ref (presentation);
  wait_idle ();
  g_assert_false (ob_presentation_get_dark (presentation));

  image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1024, 700);
  cr = cairo_create (image);
  ob_presentation_render (presentation, cr, 1024, 700, 1);
  light = count_pixels (image, 1);
  g_assert_cmpfloat (light.corner, >, 0.95);
  g_assert_cmpuint (light.n_light, >, light.n / 2);

  /* The bar's toggle, found by the name a screen reader gives it. */
  button = find_named_toggle (GTK_WIDGET (presentation), "Dark Slides");
  g_assert_nonnull (button);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
  g_assert_true (ob_presentation_get_dark (presentation));
  ob_presentation_render (presentation, cr, 1024, 700, 1);
  dark = count_pixels (image, 1);
  g_assert_cmpfloat (dark.corner, <, 0.2);
  g_assert_cmpuint (dark.n_dark, >, dark.n / 2);
  /* The ink that was dark is now light: as many pixels, give or take antialiasing. */
  g_assert_cmpuint (dark.n_light, >, light.n_dark / 2);
  g_assert_cmpuint (dark.n_light, <, light.n_dark * 2);
  cairo_destroy (cr);
  cairo_surface_destroy (image);

  ob_presentation_set_dark (presentation, FALSE);
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));

  gtk_window_destroy (GTK_WINDOW (presentation));
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

  g_test_add_func ("/gui/dark-style/figure-stays-white", test_figure_stays_white);
  g_test_add_func ("/gui/dark-style/dark-slides", test_dark_slides);

  return g_test_run ();
}
