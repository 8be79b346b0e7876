/* ob-presentation.c: the project's figures full screen, in slide type, one after another
 *
 * The figure is laid out as on a 720-point-high slide and scaled to the screen, so the type
 * keeps its size relative to the slide from a 1024 × 768 projector to a 4K monitor, and stays
 * sharp because it is drawn, not stretched.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-app"

#include "config.h"

#include <glib/gi18n.h>

#include "ob-presentation.h"

/* The slide the figure is laid out on, in points. */
#define SLIDE_HEIGHT 720.0
/* Room around the figure and above the controls, in slide points. */
#define MARGIN 24.0

struct _ObPresentation
{
  AdwWindow parent_instance;

  GPtrArray *pages;          /* ObAnalysisPage * */
  guint index;
  gulong changed_id;
  guint redraw_id;

  GtkWidget *area;
  GtkWidget *title_label;
  GtkWidget *counter_label;
  GtkWidget *controls_box;   /* the page's live controls, if any */
  GtkWidget *bar;
  GtkWidget *bar_box;        /* the bar's full-width strip, dark with dark slides */
  GtkWidget *dark_button;
  gboolean dark;
};

G_DEFINE_FINAL_TYPE (ObPresentation, ob_presentation, ADW_TYPE_WINDOW)

static void
figure_geometry (ObPresentation  *self,
                 double           width,
                 double           height,
                 graphene_rect_t *bounds,
                 double          *scale)
{
  double s = MAX (height, 1) / SLIDE_HEIGHT;
  double fig_w = MAX (width / s - 2 * MARGIN, 1);
  double fig_h = SLIDE_HEIGHT - 2 * MARGIN;

  /* Very wide screens would stretch a survival curve into a line: 16:9 at most. */
  fig_w = MIN (fig_w, fig_h * 16.0 / 9.0);
  graphene_rect_init (bounds, (width - fig_w * s) / 2, MARGIN * s, fig_w, fig_h);
  *scale = s;
}

/* The slide as the screen shows it, on width × height points of cr. */
static void
draw_slide (ObPresentation *self,
            cairo_t        *cr,
            double          width,
            double          height)
{
  ObAnalysisPage *page = ob_presentation_get_page (self);
  graphene_rect_t bounds;
  ObPlotStyle style;
  double scale;

  /* Figures stay white on the projector, as they will be printed, unless asked for dark
   * slides; those are drawn on white too and remapped after. */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  if (page == NULL || !ob_analysis_page_has_figure (page))
    return;

  figure_geometry (self, width, height, &bounds, &scale);
  if (self->dark)
    ob_plot_style_init_dark_slide (&style);
  else
    ob_plot_style_init_slide (&style);
  cairo_save (cr);
  cairo_translate (cr, bounds.origin.x, bounds.origin.y);
  cairo_scale (cr, scale, scale);
  ob_analysis_page_draw_figure (page, cr, bounds.size.width, bounds.size.height, &style);
  cairo_restore (cr);
}

static void
draw_cb (GtkDrawingArea *area,
         cairo_t        *cr,
         int             width,
         int             height,
         gpointer        user_data)
{
  ob_presentation_render (OB_PRESENTATION (user_data), cr, width, height,
                          gtk_widget_get_scale_factor (GTK_WIDGET (area)));
}

static gboolean
redraw_cb (gpointer user_data)
{
  ObPresentation *self = user_data;

  self->redraw_id = 0;
  gtk_widget_queue_draw (self->area);
  return G_SOURCE_REMOVE;
}

/* The page recomputes after reporting the change; draw once it has. */
static void
page_changed_cb (ObAnalysisPage *page,
                 ObPresentation *self)
{
  if (self->redraw_id == 0)
    self->redraw_id = g_idle_add_full (G_PRIORITY_LOW, redraw_cb, self, NULL);
}

static void
show_page (ObPresentation *self)
{
  ObAnalysisPage *page = ob_presentation_get_page (self);
  GtkWidget *child;
  g_autofree char *counter = NULL;
  const char *title;

  while ((child = gtk_widget_get_first_child (self->controls_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->controls_box), child);
  if (self->changed_id != 0)
    {
      ObAnalysisPage *old = g_object_get_data (G_OBJECT (self), "ob-watched");

      g_signal_handler_disconnect (old, self->changed_id);
      self->changed_id = 0;
    }
  if (page == NULL)
    return;

  self->changed_id = g_signal_connect (page, "changed", G_CALLBACK (page_changed_cb), self);
  g_object_set_data (G_OBJECT (self), "ob-watched", page);
  child = ob_analysis_page_create_live_controls (page);
  if (child != NULL)
    gtk_box_append (GTK_BOX (self->controls_box), child);

  title = g_object_get_data (G_OBJECT (page), "ob-presentation-title");
  gtk_label_set_text (GTK_LABEL (self->title_label), title != NULL ? title : "");
  /* TRANSLATORS: which figure of how many is shown, e.g. "2 / 5" */
  counter = g_strdup_printf (_("%u / %u"), self->index + 1, self->pages->len);
  gtk_label_set_text (GTK_LABEL (self->counter_label), counter);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->area), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title != NULL ? title : _("Figure"), -1);
  gtk_widget_queue_draw (self->area);
}

static gboolean
step_cb (GtkWidget *widget,
         GVariant  *args,
         gpointer   user_data)
{
  ObPresentation *self = OB_PRESENTATION (widget);
  int delta = g_variant_get_int32 (args);

  /* Home and End jump to the ends, whatever the count. */
  if (delta == G_MININT32)
    delta = -(int) self->index;
  else if (delta == G_MAXINT32)
    delta = (int) self->pages->len;
  ob_presentation_step (self, delta);
  return TRUE;
}

static gboolean
leave_cb (GtkWidget *widget,
          GVariant  *args,
          gpointer   user_data)
{
  gtk_window_close (GTK_WINDOW (widget));
  return TRUE;
}

static gboolean
toggle_dark_cb (GtkWidget *widget,
                GVariant  *args,
                gpointer   user_data)
{
  ObPresentation *self = OB_PRESENTATION (widget);

  ob_presentation_set_dark (self, !self->dark);
  return TRUE;
}

static void
dark_toggled_cb (GtkToggleButton *button,
                 ObPresentation  *self)
{
  ob_presentation_set_dark (self, gtk_toggle_button_get_active (button));
}

static gboolean
toggle_bar_cb (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  ObPresentation *self = OB_PRESENTATION (widget);

  gtk_widget_set_visible (self->bar, !gtk_widget_get_visible (self->bar));
  gtk_widget_queue_draw (self->area);
  return TRUE;
}

/* The keys, in one controller so the shortcuts window can be checked against them. It runs in
 * the capture phase: Space steps even when a button of the bar has the focus. */
static GtkEventController *
create_shortcuts (void)
{
  static const struct
  {
    const char *accel;
    int delta;   /* 0: not a step */
    GtkShortcutFunc func;
  } keys[] = {
    { "Right", 1, step_cb }, { "Down", 1, step_cb }, { "Page_Down", 1, step_cb },
    { "space", 1, step_cb },
    { "Left", -1, step_cb }, { "Up", -1, step_cb }, { "Page_Up", -1, step_cb },
    { "BackSpace", -1, step_cb },
    { "Home", G_MININT32, step_cb }, { "End", G_MAXINT32, step_cb },
    { "Escape", 0, leave_cb }, { "F5", 0, leave_cb },
    { "h", 0, toggle_bar_cb }, { "d", 0, toggle_dark_cb },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_name (controller, "ob-presentation-keys");
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      GtkShortcutAction *action = gtk_callback_action_new (keys[i].func, NULL, NULL);
      GtkShortcut *shortcut = gtk_shortcut_new (gtk_shortcut_trigger_parse_string (keys[i].accel),
                                                action);

      if (keys[i].func == step_cb)
        gtk_shortcut_set_arguments (shortcut, g_variant_new_int32 (keys[i].delta));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
    }
  return controller;
}

static void
ob_presentation_dispose (GObject *object)
{
  ObPresentation *self = OB_PRESENTATION (object);

  g_clear_handle_id (&self->redraw_id, g_source_remove);
  if (self->changed_id != 0)
    {
      g_signal_handler_disconnect (g_object_get_data (object, "ob-watched"), self->changed_id);
      self->changed_id = 0;
    }
  g_clear_pointer (&self->pages, g_ptr_array_unref);

  G_OBJECT_CLASS (ob_presentation_parent_class)->dispose (object);
}

static void
ob_presentation_realize (GtkWidget *widget)
{
  static GQuark quark = 0;
  GdkDisplay *display = gtk_widget_get_display (widget);

  GTK_WIDGET_CLASS (ob_presentation_parent_class)->realize (widget);

  /* The bar's strip takes the dark slide's own background, not the OSD's translucent grey;
   * one provider per display. */
  if (quark == 0)
    quark = g_quark_from_static_string ("ob-presentation-css");
  if (g_object_get_qdata (G_OBJECT (display), quark) == NULL)
    {
      GtkCssProvider *provider = gtk_css_provider_new ();
      ObPlotStyle style;
      ObPlotColor bg;
      g_autofree char *css = NULL;

      ob_plot_style_init_dark_slide (&style);
      bg = ob_plot_style_background (&style);
      css = g_strdup_printf (".ob-dark-slide { background-color: rgb(%d, %d, %d); }",
                             (int) (bg.r * 255 + 0.5), (int) (bg.g * 255 + 0.5),
                             (int) (bg.b * 255 + 0.5));
      gtk_css_provider_load_from_data (provider, css, -1);
      gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      g_object_set_qdata_full (G_OBJECT (display), quark, provider, g_object_unref);
    }
}

static void
ob_presentation_class_init (ObPresentationClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ob_presentation_dispose;
  GTK_WIDGET_CLASS (klass)->realize = ob_presentation_realize;
}

static void
ob_presentation_init (ObPresentation *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *close;
  GtkWidget *previous;
  GtkWidget *next;

  gtk_window_set_title (GTK_WINDOW (self), _("Presentation"));
  gtk_window_set_default_size (GTK_WINDOW (self), 1024, 768);

  self->area = gtk_drawing_area_new ();
  gtk_widget_set_hexpand (self->area, TRUE);
  gtk_widget_set_vexpand (self->area, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->area),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Figure"), -1);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->area), draw_cb, self, NULL);

  /* A bar along the bottom: where we are, and the live toggles of the figure. */
  self->bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_add_css_class (self->bar, "toolbar");
  gtk_widget_set_margin_start (self->bar, 12);
  gtk_widget_set_margin_end (self->bar, 12);

  previous = gtk_button_new_from_icon_name ("go-previous-symbolic");
  gtk_widget_set_tooltip_text (previous, _("Previous Figure"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (previous), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Previous Figure"), -1);
  next = gtk_button_new_from_icon_name ("go-next-symbolic");
  gtk_widget_set_tooltip_text (next, _("Next Figure"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (next), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Next Figure"), -1);
  self->counter_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->counter_label, "numeric");
  self->title_label = gtk_label_new (NULL);
  gtk_label_set_ellipsize (GTK_LABEL (self->title_label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (self->title_label), 8);
  gtk_label_set_max_width_chars (GTK_LABEL (self->title_label), 24);
  gtk_widget_add_css_class (self->title_label, "heading");
  self->controls_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_hexpand (self->controls_box, TRUE);
  gtk_widget_set_halign (self->controls_box, GTK_ALIGN_CENTER);
  self->dark_button = gtk_toggle_button_new ();
  gtk_button_set_icon_name (GTK_BUTTON (self->dark_button), "weather-clear-night-symbolic");
  gtk_widget_set_tooltip_text (self->dark_button, _("Dark Slides"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->dark_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Dark Slides"), -1);
  g_signal_connect (self->dark_button, "toggled", G_CALLBACK (dark_toggled_cb), self);
  close = gtk_button_new_from_icon_name ("view-restore-symbolic");
  gtk_widget_set_tooltip_text (close, _("Leave Presentation"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (close), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Leave Presentation"), -1);
  g_signal_connect_swapped (close, "clicked", G_CALLBACK (gtk_window_close), self);

  gtk_box_append (GTK_BOX (self->bar), previous);
  gtk_box_append (GTK_BOX (self->bar), self->counter_label);
  gtk_box_append (GTK_BOX (self->bar), next);
  gtk_box_append (GTK_BOX (self->bar), self->title_label);
  /* Many groups must not widen the window past a projector's 1024 pixels: they scroll. */
  {
    GtkWidget *scroller = gtk_scrolled_window_new ();

    gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC,
                                    GTK_POLICY_NEVER);
    gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scroller), TRUE);
    gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), self->controls_box);
    gtk_widget_set_hexpand (scroller, TRUE);
    gtk_box_append (GTK_BOX (self->bar), scroller);
  }
  gtk_box_append (GTK_BOX (self->bar), self->dark_button);
  gtk_box_append (GTK_BOX (self->bar), close);
  g_object_set_data (G_OBJECT (previous), "ob-delta", GINT_TO_POINTER (-1));
  g_object_set_data (G_OBJECT (next), "ob-delta", GINT_TO_POINTER (1));
  g_object_set_data (G_OBJECT (self), "ob-previous", previous);
  g_object_set_data (G_OBJECT (self), "ob-next", next);

  /* The figure fills the space above the bar, never under it. */
  self->bar_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (self->bar_box), self->bar);
  gtk_box_append (GTK_BOX (box), self->area);
  gtk_box_append (GTK_BOX (box), self->bar_box);
  adw_window_set_content (ADW_WINDOW (self), box);

  gtk_widget_add_controller (GTK_WIDGET (self), create_shortcuts ());
}

static void
step_clicked_cb (GtkButton      *button,
                 ObPresentation *self)
{
  ob_presentation_step (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button),
                                                                  "ob-delta")));
}

GtkWidget *
ob_presentation_new (GtkWindow *parent,
                     GPtrArray *pages,
                     guint      index)
{
  ObPresentation *self;
  GtkWidget *previous, *next;

  g_return_val_if_fail (pages != NULL && pages->len > 0, NULL);

  self = g_object_new (OB_TYPE_PRESENTATION, "transient-for", parent, "modal", TRUE, NULL);
  self->pages = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < pages->len; i++)
    g_ptr_array_add (self->pages, g_object_ref (g_ptr_array_index (pages, i)));
  self->index = MIN (index, pages->len - 1);

  previous = g_object_get_data (G_OBJECT (self), "ob-previous");
  next = g_object_get_data (G_OBJECT (self), "ob-next");
  g_signal_connect (previous, "clicked", G_CALLBACK (step_clicked_cb), self);
  g_signal_connect (next, "clicked", G_CALLBACK (step_clicked_cb), self);

  show_page (self);
  /* Without a window manager to honour fullscreen, cover the screen anyway. */
  {
    GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));
    g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, 0);
    GdkRectangle area;

    if (monitor != NULL)
      {
        gdk_monitor_get_geometry (monitor, &area);
        gtk_window_set_default_size (GTK_WINDOW (self), area.width, area.height);
      }
  }
  gtk_window_fullscreen (GTK_WINDOW (self));
  return GTK_WIDGET (self);
}

guint
ob_presentation_get_index (ObPresentation *self)
{
  g_return_val_if_fail (OB_IS_PRESENTATION (self), 0);

  return self->index;
}

ObAnalysisPage *
ob_presentation_get_page (ObPresentation *self)
{
  g_return_val_if_fail (OB_IS_PRESENTATION (self), NULL);

  if (self->pages == NULL || self->index >= self->pages->len)
    return NULL;
  return g_ptr_array_index (self->pages, self->index);
}

void
ob_presentation_step (ObPresentation *self,
                      int             delta)
{
  gint64 target;

  g_return_if_fail (OB_IS_PRESENTATION (self));

  target = CLAMP ((gint64) self->index + delta, 0, (gint64) self->pages->len - 1);
  if ((guint) target == self->index)
    return;
  self->index = (guint) target;
  show_page (self);
}

void
ob_presentation_get_figure_geometry (ObPresentation  *self,
                                     graphene_rect_t *bounds,
                                     double          *scale)
{
  g_return_if_fail (OB_IS_PRESENTATION (self));

  figure_geometry (self, gtk_widget_get_width (self->area) + 0.0,
                   gtk_widget_get_height (self->area) + 0.0, bounds, scale);
}

void
ob_presentation_set_dark (ObPresentation *self,
                          gboolean        dark)
{
  g_return_if_fail (OB_IS_PRESENTATION (self));

  dark = !!dark;
  if (self->dark == dark)
    return;
  self->dark = dark;
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->dark_button), dark);
  /* The bar goes dark with the slide, so the room sees one dark screen. */
  if (dark)
    {
      gtk_widget_add_css_class (self->bar_box, "osd");
      gtk_widget_add_css_class (self->bar_box, "ob-dark-slide");
    }
  else
    {
      gtk_widget_remove_css_class (self->bar_box, "osd");
      gtk_widget_remove_css_class (self->bar_box, "ob-dark-slide");
    }
  gtk_widget_queue_draw (self->area);
}

gboolean
ob_presentation_get_dark (ObPresentation *self)
{
  g_return_val_if_fail (OB_IS_PRESENTATION (self), FALSE);

  return self->dark;
}

void
ob_presentation_render (ObPresentation *self,
                        cairo_t        *cr,
                        int             width,
                        int             height,
                        int             scale_factor)
{
  cairo_surface_t *image;
  cairo_t *image_cr;
  ObPlotStyle style;

  g_return_if_fail (OB_IS_PRESENTATION (self));

  if (!self->dark)
    {
      draw_slide (self, cr, width, height);
      return;
    }

  /* Drawn at the screen's own pixels, so the remapped figure stays sharp. */
  scale_factor = MAX (scale_factor, 1);
  image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, MAX (width, 1) * scale_factor,
                                      MAX (height, 1) * scale_factor);
  cairo_surface_set_device_scale (image, scale_factor, scale_factor);
  image_cr = cairo_create (image);
  draw_slide (self, image_cr, width, height);
  cairo_destroy (image_cr);
  ob_plot_style_init_dark_slide (&style);
  ob_plot_style_apply_dark (&style, image);
  cairo_save (cr);
  cairo_set_source_surface (cr, image, 0, 0);
  cairo_paint (cr);
  cairo_restore (cr);
  cairo_surface_destroy (image);
}
