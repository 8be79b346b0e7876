/* ob-elisa-page.c: an ELISA plate read against its standard curve
 *
 * Settings on the left; the curve and the plate map in the middle; samples, standards, the
 * fit and the exclusion log below.  A click on a well (in the map or on the curve) leaves it
 * out, with a reason, and the curve is refitted at once: a plate fits in well under a frame.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-app"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "ob-elisa-page-private.h"
#include "ob-plot-export.h"

G_DEFINE_FINAL_TYPE_WITH_CODE (ObElisaPage, ob_elisa_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (OB_TYPE_ANALYSIS_PAGE,
                                                      ob_elisa_page_analysis_page_init))

const char * const ob_elisa_role_options[OB_ELISA_N_ROLES] = {
  "sample", "type", "conc", "response", "dilution", "group", "plate", "well",
};

static const char * const role_titles[OB_ELISA_N_ROLES] = {
  N_("Sample"), N_("Well Type"), N_("Concentration"), N_("Response"), N_("Dilution"),
  N_("Group"), N_("Plate"), N_("Well"),
};

/* Names a column is found by, as the command line's defaults plus the usual synonyms. */
static const char * const role_patterns[OB_ELISA_N_ROLES] = {
  "^(sample|sample_?id|id|name)$",
  "^(type|well_?type|kind|role)$",
  "^(conc|concentration|dose|std_?conc)",
  "^(response|od|density|absorbance|abs|signal|od450|mfi)",
  "^(dilution|dil|dilution_?factor)$",
  "^(group|condition|arm)$",
  "^(plate|run|plate_?id)$",
  "^(well|well_?id|position)$",
};

/* Helpers */

void
ob_elisa_exclusion_free (gpointer data)
{
  ObElisaExclusion *exclusion = data;

  g_free (exclusion->well);
  g_free (exclusion->reason);
  g_free (exclusion);
}

static const char *
role_column (ObElisaPage *self,
             ObElisaRole  role)
{
  guint k = adw_combo_row_get_selected (self->column_rows[role]);
  guint n = ob_dataset_get_n_columns (self->dataset);

  /* Position 0 is "None". */
  if (k == 0 || k > n)
    return NULL;
  return ob_dataset_get_column (self->dataset, k - 1)->name;
}

void
ob_elisa_page_get_assay (ObElisaPage     *self,
                         ObAssayColumns  *columns,
                         ObAssaySettings *settings)
{
  static const ObCurveWeight weights[] = {
    OB_CURVE_WEIGHT_NONE, OB_CURVE_WEIGHT_INV_Y, OB_CURVE_WEIGHT_INV_Y2,
  };
  guint model = adw_combo_row_get_selected (self->model_row);
  guint weight = adw_combo_row_get_selected (self->weight_row);

  columns->sample = role_column (self, OB_ELISA_SAMPLE);
  columns->type = role_column (self, OB_ELISA_TYPE);
  columns->conc = role_column (self, OB_ELISA_CONC);
  columns->response = role_column (self, OB_ELISA_RESPONSE);
  columns->dilution = role_column (self, OB_ELISA_DILUTION);
  columns->group = role_column (self, OB_ELISA_GROUP);
  columns->plate = role_column (self, OB_ELISA_PLATE);
  columns->well = role_column (self, OB_ELISA_WELL);

  ob_assay_settings_init (settings);
  settings->model = model <= OB_CURVE_P2P ? (ObCurveModel) model : OB_CURVE_4PL;
  settings->weight = weights[MIN (weight, G_N_ELEMENTS (weights) - 1)];
  settings->cv_limit = gtk_spin_button_get_value (self->cv_spin);
  settings->exclude_failing = gtk_switch_get_active (self->exclude_failing_switch);
}

int
ob_elisa_page_find_exclusion (ObElisaPage *self,
                              gsize        row)
{
  for (guint i = 0; i < self->exclusions->len; i++)
    if (((ObElisaExclusion *) g_ptr_array_index (self->exclusions, i))->row == row)
      return (int) i;
  return -1;
}

void
ob_elisa_page_notify_changed (ObElisaPage *self)
{
  if (!self->building && !self->loading && self->dataset != NULL)
    ob_analysis_page_changed (OB_ANALYSIS_PAGE (self));
}

static void
build_column_rows (ObElisaPage *self)
{
  guint n_columns = ob_dataset_get_n_columns (self->dataset);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  gtk_string_list_append (names, _("None"));
  for (guint c = 0; c < n_columns; c++)
    gtk_string_list_append (names, ob_dataset_get_column (self->dataset, c)->name);

  for (guint role = 0; role < OB_ELISA_N_ROLES; role++)
    {
      AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());
      guint chosen = 0;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(role_titles[role]));
      adw_combo_row_set_model (row, G_LIST_MODEL (names));
      for (guint c = 0; c < n_columns && chosen == 0; c++)
        if (g_regex_match_simple (role_patterns[role],
                                  ob_dataset_get_column (self->dataset, c)->name,
                                  G_REGEX_CASELESS, 0))
          chosen = c + 1;
      adw_combo_row_set_selected (row, chosen);
      adw_preferences_group_add (self->columns_group, GTK_WIDGET (row));
      self->column_rows[role] = row;
    }
}

static void
show_message (ObElisaPage *self,
              const char  *title,
              const char  *description)
{
  g_clear_pointer (&self->layout, ob_curve_layout_free);
  memset (&self->curve, 0, sizeof self->curve);
  memset (&self->plate_plot, 0, sizeof self->plate_plot);
  g_clear_pointer (&self->plates, g_ptr_array_unref);
  adw_status_page_set_title (self->message_page, title);
  adw_status_page_set_description (self->message_page, description);
  gtk_stack_set_visible_child_name (self->figure_stack, "message");
  ob_elisa_results_clear (self);
  gtk_label_set_text (self->title_label, "");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "elisa.copy", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "elisa.compare-samples", FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_as_button), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->plate_save_button), FALSE);
}

static void
setup_plots (ObElisaPage *self)
{
  const ObAssayPlate *plate = g_ptr_array_index (self->plates, self->current);
  ObAssayColumns columns;
  ObAssaySettings settings;

  ob_elisa_page_get_assay (self, &columns, &settings);
  ob_curve_plot_init (&self->curve, plate);
  self->curve.show_band = gtk_switch_get_active (self->band_switch);
  self->curve.show_samples = gtk_switch_get_active (self->samples_switch);
  self->curve.show_limits = gtk_switch_get_active (self->limits_switch);
  /* Interned: the figure may outlive the dataset's columns. */
  self->curve.x_label = columns.conc != NULL ? g_intern_string (columns.conc) : NULL;
  self->curve.y_label = columns.response != NULL ? g_intern_string (columns.response) : NULL;
  ob_plate_plot_init (&self->plate_plot, plate);
  g_clear_pointer (&self->layout, ob_curve_layout_free);
}

static const char *
model_title (ObCurveModel model)
{
  static const char * const titles[] = {
    N_("4PL"), N_("5PL"), N_("Linear"), N_("Log–log linear"), N_("Point to point"),
  };

  return _(titles[MIN ((guint) model, G_N_ELEMENTS (titles) - 1)]);
}

static void
show_plate (ObElisaPage *self)
{
  const ObAssayPlate *plate = g_ptr_array_index (self->plates, self->current);
  g_autofree char *title = NULL;
  gboolean has_positions = FALSE;

  setup_plots (self);
  ob_elisa_results_show (self, plate);
  /* Without well names there is no plate to draw. */
  for (guint i = 0; i < plate->wells->len && !has_positions; i++)
    has_positions = g_array_index (plate->wells, ObAssayWell, i).plate_row >= 0;
  gtk_widget_set_visible (GTK_WIDGET (self->plate_view), has_positions);
  if (plate->plate != NULL)
    title = g_strdup_printf (_("Plate %s · %s · %zu standard wells"), plate->plate,
                             model_title (plate->fit->model), plate->fit->n);
  else
    title = g_strdup_printf (_("%s · %zu standard wells"), model_title (plate->fit->model),
                             plate->fit->n);
  gtk_label_set_text (self->title_label, title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->plot_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("The standard curve, with the samples read from it"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->plate_view),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("The plate's wells, coloured by type"), -1);
  gtk_widget_queue_draw (GTK_WIDGET (self->plot_view));
  gtk_widget_queue_draw (GTK_WIDGET (self->plate_view));
}

static void
install_plates (ObElisaPage *self,
                GPtrArray   *plates)
{
  g_auto(GStrv) names = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_clear_pointer (&self->layout, ob_curve_layout_free);
  g_clear_pointer (&self->plates, g_ptr_array_unref);
  self->plates = plates;
  if (self->current >= plates->len)
    self->current = 0;

  for (guint i = 0; i < plates->len; i++)
    {
      const ObAssayPlate *plate = g_ptr_array_index (plates, i);

      g_strv_builder_add (builder, plate->plate != NULL ? plate->plate : "");
    }
  names = g_strv_builder_end (builder);
  self->building = TRUE;
  gtk_string_list_splice (self->plate_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->plate_names)),
                          (const char * const *) names);
  gtk_drop_down_set_selected (self->plate_dropdown, self->current);
  gtk_widget_set_visible (GTK_WIDGET (self->plate_dropdown), plates->len > 1);
  self->building = FALSE;

  gtk_stack_set_visible_child_name (self->figure_stack, "figure");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "elisa.copy", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "elisa.compare-samples",
                                 ob_elisa_page_count_sample_groups (self) >= 2);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_as_button), TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->plate_save_button), TRUE);
  show_plate (self);
}

void
ob_elisa_page_recompute (ObElisaPage *self)
{
  ObAssayColumns columns;
  ObAssaySettings settings;
  gsize n_rows = ob_dataset_get_n_rows (self->dataset);
  g_autofree guint8 *excluded = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *plates;

  g_clear_handle_id (&self->recompute_id, g_source_remove);
  ob_elisa_page_get_assay (self, &columns, &settings);
  if (self->exclusions->len > 0)
    {
      excluded = g_new0 (guint8, MAX (n_rows, 1));
      for (guint i = 0; i < self->exclusions->len; i++)
        {
          const ObElisaExclusion *e = g_ptr_array_index (self->exclusions, i);

          if (e->row < n_rows)
            excluded[e->row] = 1;
        }
    }
  plates = ob_assay_analyse_excluding (self->dataset, &columns, NULL, excluded, &settings,
                                       &error);
  if (plates == NULL)
    show_message (self, _("No Standard Curve"), error->message);
  else
    install_plates (self, plates);
}

static gboolean
recompute_idle_cb (gpointer user_data)
{
  ObElisaPage *self = user_data;

  self->recompute_id = 0;
  ob_elisa_page_recompute (self);
  return G_SOURCE_REMOVE;
}

void
ob_elisa_page_schedule_recompute (ObElisaPage *self)
{
  if (self->building || self->dataset == NULL || self->recompute_id != 0)
    return;
  /* Above redraw priority, so the new figure is drawn in the frame after the change. */
  self->recompute_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, recompute_idle_cb, self, NULL);
}

/* Room around the preview, in pixels. */
#define PREVIEW_MARGIN 12.0

static ObCurveLayout *
ensure_layout (ObElisaPage *self,
               double       width,
               double       height)
{
  double export_width = OB_MM_TO_PT (gtk_spin_button_get_value (self->width_spin));
  double export_height = OB_MM_TO_PT (gtk_spin_button_get_value (self->height_spin));
  double scale;

  if (self->plates == NULL)
    return NULL;

  scale = MIN (MAX (width - 2 * PREVIEW_MARGIN, 1) / export_width,
               MAX (height - 2 * PREVIEW_MARGIN, 1) / export_height);
  self->layout_scale = scale;
  self->layout_dx = floor ((width - export_width * scale) / 2);
  self->layout_dy = floor ((height - export_height * scale) / 2);

  if (self->layout != NULL && fabs (self->layout->width - export_width) < 1e-9
      && fabs (self->layout->height - export_height) < 1e-9)
    return self->layout;

  g_clear_pointer (&self->layout, ob_curve_layout_free);
  self->layout = ob_curve_plot_layout (&self->curve, export_width, export_height);
  return self->layout;
}

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

static void
draw_curve_cb (cairo_t *cr,
               double   width,
               double   height,
               gpointer user_data)
{
  ObElisaPage *self = user_data;
  ObCurveLayout *layout = ensure_layout (self, width, height);

  if (layout == NULL)
    return;
  /* A sheet of paper on the desk, as in a print preview. */
  paint_desk (cr, self->layout_dx, self->layout_dy, layout->width * self->layout_scale,
              layout->height * self->layout_scale);
  cairo_translate (cr, self->layout_dx, self->layout_dy);
  cairo_scale (cr, self->layout_scale, self->layout_scale);
  ob_curve_plot_render_layout (cr, layout);
}

/* The plate map is drawn as exported (a single column wide, three quarters as high), scaled
 * to fit its view. */
#define PLATE_WIDTH_PT  OB_MM_TO_PT (89.0)
#define PLATE_HEIGHT_PT OB_MM_TO_PT (89.0 * 0.75)

static double
plate_transform (double  width,
                 double  height,
                 double *dx,
                 double *dy)
{
  double scale = MIN (MAX (width - 2 * PREVIEW_MARGIN, 1) / PLATE_WIDTH_PT,
                      MAX (height - 2 * PREVIEW_MARGIN, 1) / PLATE_HEIGHT_PT);

  *dx = floor ((width - PLATE_WIDTH_PT * scale) / 2);
  *dy = floor ((height - PLATE_HEIGHT_PT * scale) / 2);
  return scale;
}

static void
draw_plate_cb (cairo_t *cr,
               double   width,
               double   height,
               gpointer user_data)
{
  ObElisaPage *self = user_data;
  double dx, dy, scale = plate_transform (width, height, &dx, &dy);

  if (self->plates == NULL)
    return;
  paint_desk (cr, dx, dy, PLATE_WIDTH_PT * scale, PLATE_HEIGHT_PT * scale);
  cairo_translate (cr, dx, dy);
  cairo_scale (cr, scale, scale);
  ob_plate_plot_draw (cr, PLATE_WIDTH_PT, PLATE_HEIGHT_PT, &self->plate_plot);
}

static int
plate_well_at (ObElisaPage *self,
               double       x,
               double       y,
               double       width,
               double       height)
{
  double dx, dy, scale = plate_transform (width, height, &dx, &dy);

  return ob_plate_plot_hit_test (&self->plate_plot, PLATE_WIDTH_PT, PLATE_HEIGHT_PT,
                                 (x - dx) / scale, (y - dy) / scale);
}

static int
curve_well_at (ObElisaPage *self,
               double       x,
               double       y,
               int         *sample)
{
  int mark;
  const ObCurveMark *m;

  *sample = -1;
  if (self->layout == NULL)
    return -1;
  mark = ob_curve_layout_hit_test (self->layout, (x - self->layout_dx) / self->layout_scale,
                                   (y - self->layout_dy) / self->layout_scale);
  if (mark < 0)
    return -1;
  m = &g_array_index (self->layout->marks, ObCurveMark, mark);
  *sample = m->sample;
  return m->well;
}

static char *
describe_well (ObElisaPage *self,
               int          index)
{
  const ObAssayPlate *plate = g_ptr_array_index (self->plates, self->current);
  const ObAssayWell *well = &g_array_index (plate->wells, ObAssayWell, index);
  g_autofree char *name = g_markup_escape_text (well->name != NULL ? well->name : "", -1);
  g_autoptr(GString) text = g_string_new (NULL);

  g_string_append_printf (text, "<b>%s</b>", *name != '\0' ? name : _("Well"));
  switch (well->kind)
    {
    case OB_ASSAY_WELL_STANDARD:
      g_string_append_printf (text, "\n%s %.6g", _("Standard"), well->conc);
      break;
    case OB_ASSAY_WELL_BLANK:
      g_string_append_printf (text, "\n%s", _("Blank"));
      break;
    case OB_ASSAY_WELL_SAMPLE:
    case OB_ASSAY_WELL_CONTROL:
      if (well->sample >= 0)
        {
          const ObAssaySample *s = g_ptr_array_index (plate->samples, well->sample);
          g_autofree char *id = g_markup_escape_text (s->id, -1);
          g_autofree char *conc = ob_elisa_format_conc (s);
          g_autofree char *escaped = g_markup_escape_text (conc, -1);

          g_string_append_printf (text, "\n%s · %s", id, escaped);
        }
      break;
    default:
      g_string_append_printf (text, "\n%s", _("Not used"));
      break;
    }
  if (isfinite (well->response))
    g_string_append_printf (text, "\n%s %.4g", _("Response"), well->response);
  if (well->excluded)
    g_string_append_printf (text, "\n<i>%s</i>", _("Left out of the fit"));
  else if (well->kind == OB_ASSAY_WELL_STANDARD || well->kind == OB_ASSAY_WELL_SAMPLE
           || well->kind == OB_ASSAY_WELL_CONTROL)
    g_string_append_printf (text, "\n<i>%s</i>", _("Click to leave it out"));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
curve_tooltip_cb (double   x,
                  double   y,
                  double   width,
                  double   height,
                  gpointer user_data)
{
  ObElisaPage *self = user_data;
  int sample, well;

  if (ensure_layout (self, width, height) == NULL)
    return NULL;
  well = curve_well_at (self, x, y, &sample);
  if (well >= 0)
    return describe_well (self, well);
  if (sample >= 0)
    {
      const ObAssayPlate *plate = g_ptr_array_index (self->plates, self->current);
      const ObAssaySample *s = g_ptr_array_index (plate->samples, sample);
      g_autofree char *id = g_markup_escape_text (s->id, -1);
      g_autofree char *conc = ob_elisa_format_conc (s);

      return g_strdup_printf ("<b>%s</b>\n%s", id, conc);
    }
  return NULL;
}

static char *
plate_tooltip_cb (double   x,
                  double   y,
                  double   width,
                  double   height,
                  gpointer user_data)
{
  ObElisaPage *self = user_data;
  int well;

  if (self->plates == NULL)
    return NULL;
  well = plate_well_at (self, x, y, width, height);
  return well >= 0 ? describe_well (self, well) : NULL;
}

static void
curve_clicked_cb (ObElisaPage *self,
                  double       x,
                  double       y)
{
  int sample, well;

  if (self->plates == NULL || self->layout == NULL)
    return;
  well = curve_well_at (self, x, y, &sample);
  if (well >= 0)
    ob_elisa_page_well_clicked (self, well);
}

static void
plate_clicked_cb (ObElisaPage *self,
                  double       x,
                  double       y)
{
  int well;

  if (self->plates == NULL)
    return;
  well = plate_well_at (self, x, y, gtk_widget_get_width (GTK_WIDGET (self->plate_view)),
                        gtk_widget_get_height (GTK_WIDGET (self->plate_view)));
  if (well >= 0)
    ob_elisa_page_well_clicked (self, well);
}

/* Signal callbacks */

static void
setting_changed_cb (ObElisaPage *self)
{
  if (self->building)
    return;
  ob_elisa_page_schedule_recompute (self);
  ob_elisa_page_notify_changed (self);
}

static void
plate_selected_cb (ObElisaPage *self)
{
  guint index = gtk_drop_down_get_selected (self->plate_dropdown);

  if (self->building || self->plates == NULL || index >= self->plates->len)
    return;
  self->current = index;
  show_plate (self);
}

static void
figure_setting_changed_cb (ObElisaPage *self)
{
  if (self->building)
    return;
  if (self->plates != NULL)
    {
      setup_plots (self);
      gtk_widget_queue_draw (GTK_WIDGET (self->plot_view));
    }
  ob_elisa_page_notify_changed (self);
}

static void
figure_size_changed_cb (ObElisaPage *self)
{
  g_clear_pointer (&self->layout, ob_curve_layout_free);
  gtk_widget_queue_draw (GTK_WIDGET (self->plot_view));
  ob_elisa_page_notify_changed (self);
}

/* Overrides */

static void
ob_elisa_page_dispose (GObject *object)
{
  ObElisaPage *self = OB_ELISA_PAGE (object);

  g_clear_handle_id (&self->recompute_id, g_source_remove);
  if (self->plot_view != NULL)
    {
      ob_plot_view_set_draw_func (self->plot_view, NULL, NULL, NULL);
      ob_plot_view_set_tooltip_func (self->plot_view, NULL, NULL, NULL);
    }
  if (self->plate_view != NULL)
    {
      ob_plot_view_set_draw_func (self->plate_view, NULL, NULL, NULL);
      ob_plot_view_set_tooltip_func (self->plate_view, NULL, NULL, NULL);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), OB_TYPE_ELISA_PAGE);
  g_clear_pointer (&self->layout, ob_curve_layout_free);
  g_clear_pointer (&self->plates, g_ptr_array_unref);

  G_OBJECT_CLASS (ob_elisa_page_parent_class)->dispose (object);
}

static void
ob_elisa_page_finalize (GObject *object)
{
  ObElisaPage *self = OB_ELISA_PAGE (object);

  g_clear_pointer (&self->dataset, ob_dataset_unref);
  g_clear_pointer (&self->exclusions, g_ptr_array_unref);
  g_clear_pointer (&self->error_message, g_free);
  g_clear_object (&self->plate_names);

  G_OBJECT_CLASS (ob_elisa_page_parent_class)->finalize (object);
}

static void
ob_elisa_page_class_init (ObElisaPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ob_elisa_page_dispose;
  object_class->finalize = ob_elisa_page_finalize;

  g_type_ensure (OB_TYPE_PLOT_VIEW);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/oncobench/Oncobench/ob-elisa-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ObElisaPage, model_row);
  gtk_widget_class_bind_template_child (widget_class, ObElisaPage, weight_row);
  gtk_widget_class_bind_template_child (widget_class, ObElisaPage, cv_spin);
  gtk_widget_class_bind_template_child (widget_class, ObElisaPage, exclude_failing_switch);
  gtk_widget_class_bind_template_child (widget_class, ObElisaPage, band_switch);
  gtk_widget_class_bind_template_child (widget_class, ObElisaPage, samples_switch);
  gtk_widget_class_bind_template_child (widget_class, ObElisaPage, limits_switch);
  gtk_widget_class_bind_template_child (widget_class, ObElisaPage, columns_group);
  gtk_widget_class_bind_template_child (widget_class, ObElisaPage, plate_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ObElisaPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, ObElisaPage, export_popover);
  gtk_widget_class_bind_template_child (widget_class, ObElisaPage, width_spin);
  gtk_widget_class_bind_template_child (widget_class, ObElisaPage, height_spin);
  gtk_widget_class_bind_template_child (widget_class, ObElisaPage, dpi_spin);
  gtk_widget_class_bind_template_child (widget_class, ObElisaPage, save_as_button);
  gtk_widget_class_bind_template_child (widget_class, ObElisaPage, plate_save_button);
  gtk_widget_class_bind_template_child (widget_class, ObElisaPage, compare_button);
  gtk_widget_class_bind_template_child (widget_class, ObElisaPage, figure_stack);
  gtk_widget_class_bind_template_child (widget_class, ObElisaPage, plot_view);
  gtk_widget_class_bind_template_child (widget_class, ObElisaPage, plate_view);
  gtk_widget_class_bind_template_child (widget_class, ObElisaPage, message_page);
  gtk_widget_class_bind_template_child (widget_class, ObElisaPage, samples_box);
  gtk_widget_class_bind_template_child (widget_class, ObElisaPage, standards_box);
  gtk_widget_class_bind_template_child (widget_class, ObElisaPage, fit_box);
  gtk_widget_class_bind_template_child (widget_class, ObElisaPage, log_box);

  gtk_widget_class_install_action (widget_class, "elisa.compare-samples", NULL,
                                   ob_elisa_page_compare_samples_action);
  gtk_widget_class_install_action (widget_class, "elisa.copy", NULL,
                                   ob_elisa_page_copy_action);
}

static void
ob_elisa_page_init (ObElisaPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->exclusions = g_ptr_array_new_with_free_func (ob_elisa_exclusion_free);
  self->plate_names = gtk_string_list_new (NULL);
  self->layout_scale = 1.0;
  gtk_drop_down_set_model (self->plate_dropdown, G_LIST_MODEL (self->plate_names));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "elisa.copy", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "elisa.compare-samples", FALSE);

  ob_plot_view_set_draw_func (self->plot_view, draw_curve_cb, self, NULL);
  ob_plot_view_set_tooltip_func (self->plot_view, curve_tooltip_cb, self, NULL);
  ob_plot_view_set_draw_func (self->plate_view, draw_plate_cb, self, NULL);
  ob_plot_view_set_tooltip_func (self->plate_view, plate_tooltip_cb, self, NULL);
  g_signal_connect_swapped (self->plot_view, "clicked", G_CALLBACK (curve_clicked_cb), self);
  g_signal_connect_swapped (self->plate_view, "clicked", G_CALLBACK (plate_clicked_cb), self);
  g_signal_connect_swapped (self->save_as_button, "clicked",
                            G_CALLBACK (ob_elisa_page_save_curve_clicked), self);
  g_signal_connect_swapped (self->plate_save_button, "clicked",
                            G_CALLBACK (ob_elisa_page_save_plate_clicked), self);
}

/* Public */

/* The page keeps a reference to @dataset. */
GtkWidget *
ob_elisa_page_new (ObDataset *dataset)
{
  ObElisaPage *self;

  g_return_val_if_fail (dataset != NULL, NULL);

  self = g_object_new (OB_TYPE_ELISA_PAGE, NULL);
  self->dataset = ob_dataset_ref (dataset);
  self->building = TRUE;
  build_column_rows (self);
  self->building = FALSE;

  for (guint role = 0; role < OB_ELISA_N_ROLES; role++)
    g_signal_connect_swapped (self->column_rows[role], "notify::selected",
                              G_CALLBACK (setting_changed_cb), self);
  g_signal_connect_swapped (self->model_row, "notify::selected",
                            G_CALLBACK (setting_changed_cb), self);
  g_signal_connect_swapped (self->weight_row, "notify::selected",
                            G_CALLBACK (setting_changed_cb), self);
  g_signal_connect_swapped (self->cv_spin, "value-changed",
                            G_CALLBACK (setting_changed_cb), self);
  g_signal_connect_swapped (self->exclude_failing_switch, "notify::active",
                            G_CALLBACK (setting_changed_cb), self);
  g_signal_connect_swapped (self->band_switch, "notify::active",
                            G_CALLBACK (figure_setting_changed_cb), self);
  g_signal_connect_swapped (self->samples_switch, "notify::active",
                            G_CALLBACK (figure_setting_changed_cb), self);
  g_signal_connect_swapped (self->limits_switch, "notify::active",
                            G_CALLBACK (figure_setting_changed_cb), self);
  g_signal_connect_swapped (self->plate_dropdown, "notify::selected",
                            G_CALLBACK (plate_selected_cb), self);
  g_signal_connect_swapped (self->width_spin, "value-changed",
                            G_CALLBACK (figure_size_changed_cb), self);
  g_signal_connect_swapped (self->height_spin, "value-changed",
                            G_CALLBACK (figure_size_changed_cb), self);

  ob_elisa_page_recompute (self);
  return GTK_WIDGET (self);
}

void
ob_elisa_page_update (ObElisaPage *self)
{
  g_return_if_fail (OB_IS_ELISA_PAGE (self));

  if (self->recompute_id != 0)
    ob_elisa_page_recompute (self);
}
