/* ob-growth-page-figure.c: the growth page's figure — its model from the results, the
 * preview, and a click on a mouse that shows its values and offers to leave it out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-app"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "ob-growth-page-private.h"
#include "ob-plot-export.h"
#include "ob-reason-dialog.h"

/* Room around the preview, in pixels. */
#define PREVIEW_MARGIN 12.0

/* The figure's plain data for a chart: every arm in the study's order, even one whose mice
 * were all left out, so an arm keeps its colour whatever is excluded. */
static ObGrowthData *
figure_data (const ObGrowthResults *r,
             ObGrowthChart          chart,
             double                 background)
{
  const ObGrowthStudy *study = r->study;
  ObGrowthData *data = ob_growth_data_new ();
  /* Weight as % change from each mouse's first weighing: toxicity limits are set that way. */
  ObGrowthMeasure measure = chart == OB_GROWTH_CHART_WEIGHT ? OB_GROWTH_WEIGHT_CHANGE
                            : chart == OB_GROWTH_CHART_FLUX ? OB_GROWTH_LOG10_FLUX
                            : OB_GROWTH_VOLUME;

  for (guint a = 0; a < study->n_arms; a++)
    ob_growth_data_add_arm (data, study->arm_names[a]);
  if (chart == OB_GROWTH_CHART_WATERFALL)
    {
      for (guint m = 0; m < study->n_mice && r->responses != NULL; m++)
        if (!study->excluded[m])
          ob_growth_data_add_waterfall (data, study->mice[m].id, study->mice[m].arm,
                                        r->responses[m].best_response,
                                        ob_mrecist_to_string (r->responses[m].category));
      return data;
    }
  if (measure != OB_GROWTH_LOG10_FLUX)
    {
      gsize n_rows;
      g_autofree ObGrowthArmDay *rows = ob_growth_summarise (study, measure, &n_rows);

      for (gsize i = 0; i < n_rows; i++)
        if (rows[i].n > 0)
          ob_growth_data_add_summary (data, rows[i].arm, rows[i].time, (guint) rows[i].n,
                                      rows[i].mean, rows[i].sem);
    }
  for (guint m = 0; m < study->n_mice; m++)
    {
      const ObGrowthMouse *mouse = &study->mice[m];

      if (study->excluded[m])
        continue;
      ob_growth_data_add_subject (data, mouse->id, mouse->arm);
      for (gsize i = mouse->first; i < mouse->first + mouse->n_obs; i++)
        {
          double value;

          if (measure == OB_GROWTH_LOG10_FLUX)
            {
              /* A flux below detection sits on the background line, drawn as censored. */
              if (study->flux_censored[i])
                ob_growth_data_add_point (data, study->time[i], background, TRUE);
              else if (!isnan (study->log10_flux[i]))
                ob_growth_data_add_point (data, study->time[i], pow (10, study->log10_flux[i]),
                                          FALSE);
              continue;
            }
          value = ob_growth_study_value (study, measure, m, i);
          if (!isnan (value))
            ob_growth_data_add_point (data, study->time[i], value, FALSE);
        }
    }
  return data;
}

/* Why the chart chosen cannot be drawn from this study, or NULL. */
static const char *
chart_missing (const ObGrowthResults *r,
               guint                  chart)
{
  if (chart == OB_GROWTH_PAGE_CHART_ENDPOINT)
    return r->km == NULL ? _("Give an endpoint volume, or the columns of each mouse’s "
                             "endpoint day and whether it was reached.") : NULL;
  if ((chart == OB_GROWTH_CHART_CURVES || chart == OB_GROWTH_CHART_SPAGHETTI
       || chart == OB_GROWTH_CHART_WATERFALL) && !r->study->has_volume)
    return _("This chart needs tumour volumes, or caliper length and width.");
  if (chart == OB_GROWTH_CHART_WEIGHT && !r->study->has_weight)
    return _("This chart needs a column of body weights.");
  if (chart == OB_GROWTH_CHART_FLUX && !r->study->has_flux)
    return _("This chart needs a column of bioluminescence flux.");
  return NULL;
}

void
ob_growth_page_setup_figure (ObGrowthPage *self)
{
  const ObGrowthResults *r = self->results;
  guint chart = ob_growth_page_get_chart (self);
  const char *missing;
  double endpoint = gtk_spin_button_get_value (self->endpoint_spin);
  double background = gtk_spin_button_get_value (self->background_spin);

  ob_growth_page_clear_figure (self);
  if (r == NULL)
    return;
  if ((missing = chart_missing (r, chart)) != NULL)
    {
      ob_growth_page_show_message (self, _("Nothing to Draw"), missing);
      return;
    }
  if (chart == OB_GROWTH_PAGE_CHART_ENDPOINT)
    {
      self->km_plot.fit = r->km;
      self->km_plot.test = r->logrank;
      ob_km_plot_style_init (&self->km_plot.style);
      self->km_plot.style.time_unit = "days";
      self->km_plot.style.x_label = _("Day");
      /* Weekly ticks read as the dosing schedule does; longer studies get a nice step. */
      self->km_plot.style.x_step = r->study->n_days > 0
                                   && r->study->days[r->study->n_days - 1] <= 56 ? 7 : 0;
      self->km_plot.style.y_label = endpoint > 0 ? _("Proportion below endpoint volume")
                                                 : _("Survival probability");
      self->km_plot.style.group_label =
        g_intern_string (ob_growth_page_role_column (self, OB_GROWTH_ROLE_GROUP));
    }
  else
    {
      self->figure_data = figure_data (r, (ObGrowthChart) chart, background);
      ob_growth_plot_init (&self->plot, self->figure_data, (ObGrowthChart) chart);
      self->plot.show_subjects = gtk_switch_get_active (self->traces_switch)
                                 || chart == OB_GROWTH_CHART_SPAGHETTI;
      self->plot.log_y = gtk_switch_get_active (self->log_switch)
                         || chart == OB_GROWTH_CHART_FLUX;
      if (gtk_switch_get_active (self->dosing_switch))
        {
          self->plot.dosing_start = gtk_spin_button_get_value (self->dosing_start_spin);
          self->plot.dosing_end = gtk_spin_button_get_value (self->dosing_end_spin);
        }
      if (chart != OB_GROWTH_CHART_WEIGHT && chart != OB_GROWTH_CHART_FLUX && endpoint > 0)
        self->plot.endpoint = endpoint;
      if (chart == OB_GROWTH_CHART_FLUX && background > 0)
        self->plot.background = background;
      if (chart == OB_GROWTH_CHART_WEIGHT)
        self->plot.y_label = _("Body weight change (%)");
      self->plot.width_mm = self->width_mm;
      self->plot.height_mm = self->height_mm;
    }
  gtk_stack_set_visible_child_name (self->figure_stack, "figure");
  gtk_widget_queue_draw (GTK_WIDGET (self->plot_view));
}

void
ob_growth_page_draw (ObGrowthPage      *self,
                     cairo_t           *cr,
                     double             width_pt,
                     double             height_pt,
                     const ObPlotStyle *style)
{
  if (self->km_plot.fit != NULL)
    {
      ObKmPlot km = self->km_plot;

      km.style.plot_style = *style;
      ob_km_plot_render (cr, width_pt, height_pt, &km);
    }
  else if (self->figure_data != NULL)
    {
      ObGrowthPlot plot = self->plot;

      plot.plot_style = *style;
      ob_growth_plot_render (cr, width_pt, height_pt, &plot);
    }
}

/* Drawing and clicks */

static void
paint_desk (cairo_t *cr,
            double   x,
            double   y,
            double   width,
            double   height)
{
  double grey = adw_style_manager_get_dark (adw_style_manager_get_default ()) ? 0.22 : 0.88;

  cairo_set_source_rgb (cr, grey, grey, grey);
  cairo_paint (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.15);
  cairo_rectangle (cr, x + 1, y + 2, width, height);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, x, y, width, height);
  cairo_fill (cr);
}

/* The preview is the export drawn to scale; the layout is kept for hit tests. */
static void
draw_cb (cairo_t *cr,
         double   width,
         double   height,
         gpointer user_data)
{
  ObGrowthPage *self = user_data;
  double export_width = OB_MM_TO_PT (self->width_mm);
  double export_height = OB_MM_TO_PT (self->height_mm);
  double scale;

  if (self->figure_data == NULL && self->km_plot.fit == NULL)
    return;
  scale = MIN (MAX (width - 2 * PREVIEW_MARGIN, 1) / export_width,
               MAX (height - 2 * PREVIEW_MARGIN, 1) / export_height);
  self->layout_scale = scale;
  self->layout_dx = floor ((width - export_width * scale) / 2);
  self->layout_dy = floor ((height - export_height * scale) / 2);
  /* A sheet of paper on the desk, as in a print preview. */
  paint_desk (cr, self->layout_dx, self->layout_dy, export_width * scale,
              export_height * scale);
  cairo_translate (cr, self->layout_dx, self->layout_dy);
  cairo_scale (cr, scale, scale);
  if (self->km_plot.fit != NULL)
    {
      ob_km_plot_render (cr, export_width, export_height, &self->km_plot);
      return;
    }
  if (self->layout == NULL || fabs (self->layout->width - export_width) > 1e-9
      || fabs (self->layout->height - export_height) > 1e-9)
    {
      g_clear_pointer (&self->layout, ob_growth_layout_free);
      self->layout = ob_growth_plot_layout (&self->plot, export_width, export_height);
    }
  ob_growth_plot_render_layout (cr, self->layout);
}

char *
ob_growth_page_mouse_at (ObGrowthPage *self,
                         double        x,
                         double        y)
{
  ObGrowthHit hit;

  g_return_val_if_fail (OB_IS_GROWTH_PAGE (self), NULL);

  if (self->layout == NULL || self->layout_scale <= 0)
    return NULL;
  if (!ob_growth_plot_hit_test (self->layout, (x - self->layout_dx) / self->layout_scale,
                                (y - self->layout_dy) / self->layout_scale, &hit))
    return NULL;
  return g_strdup (hit.id);
}

static char *
tooltip_cb (double   x,
            double   y,
            double   width,
            double   height,
            gpointer user_data)
{
  ObGrowthPage *self = user_data;
  g_autofree char *id = ob_growth_page_mouse_at (self, x, y);
  g_autofree char *escaped = NULL;

  if (id == NULL)
    return NULL;
  escaped = g_markup_escape_text (id, -1);
  return g_strdup_printf ("<b>%s</b>\n<i>%s</i>", escaped, _("Click for its values"));
}

static void
exclude_confirmed_cb (const char *reason,
                      gpointer    user_data)
{
  ObGrowthPage *self = g_object_get_data (user_data, "ob-page");

  ob_growth_page_exclude_mouse (self, g_object_get_data (user_data, "ob-mouse"), reason);
}

static void
exclude_clicked_cb (ObGrowthPage *self)
{
  g_autofree char *heading = NULL;
  GObject *request;

  if (self->popover_mouse == NULL)
    return;
  gtk_popover_popdown (self->mouse_popover);
  heading = g_strdup_printf (_("Exclude Mouse %s?"), self->popover_mouse);
  /* Carries the page and the mouse to the answer, and lets go of both with the dialog. */
  request = g_object_new (G_TYPE_OBJECT, NULL);
  g_object_set_data_full (request, "ob-page", g_object_ref (self), g_object_unref);
  g_object_set_data_full (request, "ob-mouse", g_strdup (self->popover_mouse), g_free);
  ob_reason_dialog_present (GTK_WIDGET (self), heading,
                            _("The mouse is left out of every curve, table and test. The "
                              "exclusion is logged with its reason and can be undone."),
                            _("Reason, e.g. ulcerated tumour"), _("_Exclude"),
                            exclude_confirmed_cb, request, g_object_unref);
}

static void
clicked_cb (ObGrowthPage *self,
            double        x,
            double        y)
{
  g_autofree char *id = ob_growth_page_mouse_at (self, x, y);
  g_autofree char *text = NULL;
  GdkRectangle where = { (int) x, (int) y, 1, 1 };

  if (id == NULL || (text = ob_growth_page_describe_mouse (self, id)) == NULL)
    return;
  g_free (self->popover_mouse);
  self->popover_mouse = g_steal_pointer (&id);
  gtk_label_set_markup (self->mouse_label, text);
  gtk_popover_set_pointing_to (self->mouse_popover, &where);
  gtk_popover_popup (self->mouse_popover);
  /* The values are selectable for copying, but not selected as the popover opens. */
  gtk_label_select_region (self->mouse_label, 0, 0);
}

void
ob_growth_page_init_figure (ObGrowthPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Exclude Mouse…"));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (button, "destructive-action");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), button);
  self->mouse_popover = GTK_POPOVER (gtk_popover_new ());
  gtk_popover_set_child (self->mouse_popover, box);
  gtk_widget_set_parent (GTK_WIDGET (self->mouse_popover), GTK_WIDGET (self->plot_view));
  self->mouse_label = GTK_LABEL (label);
  self->exclude_button = GTK_BUTTON (button);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (exclude_clicked_cb), self);

  ob_plot_view_set_draw_func (self->plot_view, draw_cb, self, NULL);
  ob_plot_view_set_tooltip_func (self->plot_view, tooltip_cb, self, NULL);
  g_signal_connect_swapped (self->plot_view, "clicked", G_CALLBACK (clicked_cb), self);
}

/* The exclusion log: one row per mouse left out, with why and a way back. */
static void
undo_clicked_cb (GtkButton *button,
                 ObGrowthPage *self)
{
  ob_growth_page_include_mouse (self, g_object_get_data (G_OBJECT (button), "ob-mouse"));
}

void
ob_growth_page_show_exclusions (ObGrowthPage *self)
{
  for (guint i = 0; i < self->exclusion_rows->len; i++)
    adw_preferences_group_remove (self->exclusions_group,
                                  g_ptr_array_index (self->exclusion_rows, i));
  g_ptr_array_set_size (self->exclusion_rows, 0);
  for (guint i = 0; i < self->exclusions->len; i++)
    {
      const ObGrowthExclusion *e = g_ptr_array_index (self->exclusions, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *undo = gtk_button_new_with_label (_("Undo"));
      g_autofree char *title = g_markup_escape_text (e->id, -1);
      g_autofree char *reason = g_markup_escape_text (e->reason, -1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), reason);
      gtk_widget_set_valign (undo, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (undo, _("Put the mouse back into the analysis"));
      g_object_set_data_full (G_OBJECT (undo), "ob-mouse", g_strdup (e->id), g_free);
      g_signal_connect (undo, "clicked", G_CALLBACK (undo_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), undo);
      adw_preferences_group_add (self->exclusions_group, row);
      g_ptr_array_add (self->exclusion_rows, row);
    }
}

