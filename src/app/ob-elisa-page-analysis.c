/* ob-elisa-page-analysis.c: the ELISA page's public API, its export and Copy, and the page
 * as an ObAnalysisPage
 *
 * Settings are saved as `oncobench-cli elisa` spells its options (--model, --weight,
 * --cv-limit, the column options and --exclude WELL), so that a project saved here is re-made
 * by `oncobench-cli render` and the other way round.
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

static const char * const weight_names[] = { "none", "1/y", "1/y2" };

/* Copy and export */

void
ob_elisa_page_copy_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  ObElisaPage *self = OB_ELISA_PAGE (widget);
  g_autofree char *text = ob_elisa_page_get_results_text (self);
  GtkWidget *overlay;

  if (text == NULL)
    return;
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay),
                                 adw_toast_new (_("Results copied")));
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    ObElisaPage     *self)
{
  gboolean plate_map = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "plate-map"));
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  const char *base;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_object_unref (dialog);
  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    return;

  /* Without an extension the user most likely wants the vector format journals ask for. */
  base = strrchr (path, G_DIR_SEPARATOR) != NULL ? strrchr (path, G_DIR_SEPARATOR) : path;
  if (strchr (base, '.') == NULL)
    {
      char *with_extension = g_strconcat (path, ".pdf", NULL);

      g_free (path);
      path = with_extension;
    }

  if (!ob_elisa_page_export (self, path, plate_map, &error))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *message = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                   _("Could Not Export the Figure"),
                                                   error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (message));
    }
  else
    {
      GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
      g_autofree char *basename = g_path_get_basename (path);
      g_autofree char *text = g_strdup_printf (_("Saved “%s”"), basename);

      if (overlay != NULL)
        adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (text));
    }
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *pattern)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
save_as (ObElisaPage *self,
         gboolean     plate_map)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *native;
  const char *source = ob_dataset_get_source_path (self->dataset);
  g_autofree char *stem = NULL;
  g_autofree char *name = NULL;

  gtk_popover_popdown (self->export_popover);
  native = gtk_file_chooser_native_new (_("Export Figure"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  add_filter (GTK_FILE_CHOOSER (native), _("PDF (vector)"), "*.pdf");
  add_filter (GTK_FILE_CHOOSER (native), _("SVG (vector)"), "*.svg");
  add_filter (GTK_FILE_CHOOSER (native), _("EPS (vector)"), "*.eps");
  add_filter (GTK_FILE_CHOOSER (native), _("PNG (image)"), "*.png");
  add_filter (GTK_FILE_CHOOSER (native), _("TIFF (image)"), "*.tif");

  if (source != NULL)
    {
      g_autofree char *basename = g_path_get_basename (source);
      char *dot = strrchr (basename, '.');

      if (dot != NULL)
        *dot = '\0';
      stem = g_steal_pointer (&basename);
    }
  name = g_strdup_printf ("%s-%s.pdf", stem != NULL ? stem : "figure",
                          plate_map ? "plate" : "standard-curve");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);

  g_object_set_data (G_OBJECT (native), "plate-map", GINT_TO_POINTER (plate_map));
  g_signal_connect (native, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

void
ob_elisa_page_save_curve_clicked (ObElisaPage *self)
{
  save_as (self, FALSE);
}

void
ob_elisa_page_save_plate_clicked (ObElisaPage *self)
{
  save_as (self, TRUE);
}

/* Public */

const ObAssayPlate *
ob_elisa_page_get_plate (ObElisaPage *self)
{
  g_return_val_if_fail (OB_IS_ELISA_PAGE (self), NULL);

  ob_elisa_page_update (self);
  return self->plates != NULL ? g_ptr_array_index (self->plates, self->current) : NULL;
}

guint
ob_elisa_page_get_n_plates (ObElisaPage *self)
{
  g_return_val_if_fail (OB_IS_ELISA_PAGE (self), 0);

  ob_elisa_page_update (self);
  return self->plates != NULL ? self->plates->len : 0;
}

void
ob_elisa_page_set_plate_index (ObElisaPage *self,
                               guint        index)
{
  g_return_if_fail (OB_IS_ELISA_PAGE (self));

  ob_elisa_page_update (self);
  if (self->plates != NULL && index < self->plates->len)
    gtk_drop_down_set_selected (self->plate_dropdown, index);
}

gboolean
ob_elisa_page_set_column (ObElisaPage *self,
                          const char  *role,
                          const char  *column)
{
  int r = ob_analysis_page_find_role (ob_elisa_role_options,
                                      OB_ELISA_N_ROLES, role);

  g_return_val_if_fail (OB_IS_ELISA_PAGE (self), FALSE);

  return r >= 0 && ob_analysis_page_select_column (self->column_rows[r], self->dataset, column);
}

gboolean
ob_elisa_page_set_model (ObElisaPage *self,
                         const char  *model)
{
  ObCurveModel value;

  g_return_val_if_fail (OB_IS_ELISA_PAGE (self), FALSE);

  if (!ob_curve_model_from_string (model, &value))
    return FALSE;
  adw_combo_row_set_selected (self->model_row, value);
  return TRUE;
}

/* The well's name as --exclude takes it: WELL, or PLATE:WELL with a plate column. */
static char *
exclusion_name (ObElisaPage *self,
                gsize        row)
{
  ObAssayColumns columns;
  ObAssaySettings settings;
  int well, plate;
  g_autofree char *name = NULL;

  ob_elisa_page_get_assay (self, &columns, &settings);
  well = ob_dataset_find_column (self->dataset, columns.well != NULL ? columns.well : "well");
  plate = ob_dataset_find_column (self->dataset, columns.plate != NULL ? columns.plate
                                                                      : "plate");
  if (well < 0)
    return NULL;
  name = ob_dataset_format_cell (self->dataset, (guint) well, row);
  if (plate >= 0)
    {
      g_autofree char *plate_name = ob_dataset_format_cell (self->dataset, (guint) plate, row);

      return g_strdup_printf ("%s:%s", plate_name, name);
    }
  return g_steal_pointer (&name);
}

gboolean
ob_elisa_page_exclude_row (ObElisaPage *self,
                           gsize        row,
                           const char  *reason)
{
  ObElisaExclusion *exclusion;

  g_return_val_if_fail (OB_IS_ELISA_PAGE (self), FALSE);

  if (row >= ob_dataset_get_n_rows (self->dataset) || ob_elisa_page_find_exclusion (self, row) >= 0)
    return FALSE;
  exclusion = g_new0 (ObElisaExclusion, 1);
  exclusion->row = row;
  exclusion->well = exclusion_name (self, row);
  exclusion->reason = g_strstrip (g_strdup (reason != NULL ? reason : ""));
  g_ptr_array_add (self->exclusions, exclusion);
  ob_elisa_page_recompute (self);
  ob_elisa_page_notify_changed (self);
  return TRUE;
}

gboolean
ob_elisa_page_include_row (ObElisaPage *self,
                           gsize        row)
{
  int index;

  g_return_val_if_fail (OB_IS_ELISA_PAGE (self), FALSE);

  index = ob_elisa_page_find_exclusion (self, row);
  if (index < 0)
    return FALSE;
  g_ptr_array_remove_index (self->exclusions, (guint) index);
  ob_elisa_page_recompute (self);
  ob_elisa_page_notify_changed (self);
  return TRUE;
}

guint
ob_elisa_page_get_n_exclusions (ObElisaPage *self)
{
  g_return_val_if_fail (OB_IS_ELISA_PAGE (self), 0);

  return self->exclusions->len;
}

char *
ob_elisa_page_get_results_text (ObElisaPage *self)
{
  g_autoptr(GString) out = NULL;

  g_return_val_if_fail (OB_IS_ELISA_PAGE (self), NULL);

  ob_elisa_page_update (self);
  if (self->plates == NULL)
    return NULL;
  out = g_string_new (NULL);
  for (guint i = 0; i < self->plates->len; i++)
    {
      g_autofree char *text = ob_elisa_results_to_tsv (g_ptr_array_index (self->plates, i),
                                                       self->exclusions);

      if (i > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, text);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

gboolean
ob_elisa_page_export (ObElisaPage *self,
                      const char  *path,
                      gboolean     plate_map,
                      GError     **error)
{
  ObPlotFormat format;

  g_return_val_if_fail (OB_IS_ELISA_PAGE (self), FALSE);

  ob_elisa_page_update (self);
  if (self->plates == NULL)
    {
      g_set_error_literal (error, OB_ERROR, OB_ERROR_NO_DATA,
                           _("There is no standard curve to export yet."));
      return FALSE;
    }
  if (!ob_plot_format_from_path (path, &format, error))
    return FALSE;
  if (plate_map)
    return ob_analysis_page_export_titled (OB_ANALYSIS_PAGE (self), format, path,
                                           gtk_spin_button_get_value (self->width_spin),
                                           gtk_spin_button_get_value (self->width_spin) * 0.75,
                                           gtk_spin_button_get_value (self->dpi_spin), NULL,
                                           ob_plate_plot_draw_func, &self->plate_plot, error);
  return ob_analysis_page_export_titled (OB_ANALYSIS_PAGE (self), format, path,
                                         gtk_spin_button_get_value (self->width_spin),
                                         gtk_spin_button_get_value (self->height_spin),
                                         gtk_spin_button_get_value (self->dpi_spin), NULL,
                                         ob_curve_plot_draw_func, &self->curve, error);
}

/* ObAnalysisPage */

static const char *
get_string (JsonObject *settings,
            const char *member)
{
  JsonNode *node = json_object_get_member (settings, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
invalid_value (GError     **error,
               const char  *option,
               const char  *value)
{
  g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG, _("--%s: “%s” is not a valid choice"),
               option, value);
  return FALSE;
}

/* The rows a --exclude WELL or PLATE:WELL names, as the command line matches them. */
static gboolean
find_exclusion_rows (ObElisaPage  *self,
                     const char   *spec,
                     GArray       *rows)
{
  gsize n = ob_dataset_get_n_rows (self->dataset);
  gboolean found = FALSE;

  for (gsize row = 0; row < n; row++)
    {
      g_autofree char *name = exclusion_name (self, row);
      const char *colon;

      if (name == NULL)
        return FALSE;
      colon = strchr (spec, ':') == NULL ? strrchr (name, ':') : NULL;
      if (g_ascii_strcasecmp (colon != NULL ? colon + 1 : name, spec) == 0)
        {
          g_array_append_val (rows, row);
          found = TRUE;
        }
    }
  return found;
}

static gboolean
apply_settings (ObElisaPage  *self,
                JsonObject   *settings,
                GPtrArray    *old_exclusions,
                GError      **error)
{
  JsonNode *node;
  const char *value;
  ObCurveModel model = OB_CURVE_4PL;
  ObCurveWeight weight = OB_CURVE_WEIGHT_NONE;

  self->building = TRUE;
  for (guint r = 0; r < OB_ELISA_N_ROLES; r++)
    if ((value = get_string (settings, ob_elisa_role_options[r])) != NULL)
      {
        int index = ob_dataset_find_column (self->dataset, value);

        if (index < 0)
          {
            self->building = FALSE;
            g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                         _("--%s: the column “%s” is missing or does not fit this analysis"),
                         ob_elisa_role_options[r], value);
            return FALSE;
          }
        adw_combo_row_set_selected (self->column_rows[r], (guint) index + 1);
      }
  value = get_string (settings, "model");
  if (value != NULL && !ob_curve_model_from_string (value, &model))
    {
      self->building = FALSE;
      return invalid_value (error, "model", value);
    }
  adw_combo_row_set_selected (self->model_row, model);
  value = get_string (settings, "weight");
  if (value != NULL && !ob_curve_weight_from_string (value, &weight))
    {
      self->building = FALSE;
      return invalid_value (error, "weight", value);
    }
  adw_combo_row_set_selected (self->weight_row, weight);
  gtk_spin_button_set_value (self->cv_spin,
                             json_object_get_double_member_with_default (settings, "cv-limit",
                                                                         20.0));
  gtk_switch_set_active (self->exclude_failing_switch,
                         json_object_get_boolean_member_with_default (settings,
                                                                      "exclude-failing",
                                                                      FALSE));

  g_ptr_array_set_size (self->exclusions, 0);
  node = json_object_get_member (settings, "exclude");
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          const char *spec = json_array_get_string_element (array, i);
          g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (gsize));

          if (spec == NULL || !find_exclusion_rows (self, spec, rows))
            {
              self->building = FALSE;
              g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                           _("--exclude “%s”: no such well"), spec != NULL ? spec : "");
              return FALSE;
            }
          for (guint k = 0; k < rows->len; k++)
            {
              ObElisaExclusion *e = g_new0 (ObElisaExclusion, 1);

              e->row = g_array_index (rows, gsize, k);
              e->well = exclusion_name (self, e->row);
              /* The reason stays with the page; a project keeps the wells. */
              for (guint j = 0; old_exclusions != NULL && j < old_exclusions->len; j++)
                {
                  ObElisaExclusion *old = g_ptr_array_index (old_exclusions, j);

                  if (old->row == e->row)
                    e->reason = g_strdup (old->reason);
                }
              if (e->reason == NULL)
                e->reason = g_strdup (_("left out in the saved analysis"));
              g_ptr_array_add (self->exclusions, e);
            }
        }
    }
  self->building = FALSE;
  ob_elisa_page_recompute (self);
  return TRUE;
}

static const char *
elisa_get_kind (ObAnalysisPage *page)
{
  return "elisa";
}

static ObDataset *
elisa_get_dataset (ObAnalysisPage *page)
{
  return OB_ELISA_PAGE (page)->dataset;
}

static JsonObject *
elisa_save_settings (ObAnalysisPage *page)
{
  ObElisaPage *self = OB_ELISA_PAGE (page);
  JsonObject *settings = json_object_new ();
  ObAssayColumns columns;
  ObAssaySettings assay;
  const char *names[OB_ELISA_N_ROLES];
  JsonArray *exclude = json_array_new ();

  ob_elisa_page_get_assay (self, &columns, &assay);
  names[OB_ELISA_SAMPLE] = columns.sample;
  names[OB_ELISA_TYPE] = columns.type;
  names[OB_ELISA_CONC] = columns.conc;
  names[OB_ELISA_RESPONSE] = columns.response;
  names[OB_ELISA_DILUTION] = columns.dilution;
  names[OB_ELISA_GROUP] = columns.group;
  names[OB_ELISA_PLATE] = columns.plate;
  names[OB_ELISA_WELL] = columns.well;
  json_object_set_string_member (settings, "model", ob_curve_model_to_string (assay.model));
  json_object_set_string_member (settings, "weight", weight_names[assay.weight]);
  for (guint r = 0; r < OB_ELISA_N_ROLES; r++)
    if (names[r] != NULL)
      json_object_set_string_member (settings, ob_elisa_role_options[r], names[r]);
  if (fabs (assay.cv_limit - 20.0) > 1e-9)
    json_object_set_double_member (settings, "cv-limit", assay.cv_limit);
  if (assay.exclude_failing)
    json_object_set_boolean_member (settings, "exclude-failing", TRUE);
  for (guint i = 0; i < self->exclusions->len; i++)
    {
      const ObElisaExclusion *e = g_ptr_array_index (self->exclusions, i);

      if (e->well != NULL)
        json_array_add_string_element (exclude, e->well);
    }
  if (json_array_get_length (exclude) > 0)
    json_object_set_array_member (settings, "exclude", exclude);
  else
    json_array_unref (exclude);
  return settings;
}

static gboolean
elisa_load_settings (ObAnalysisPage  *page,
                     JsonObject      *settings,
                     GError         **error)
{
  ObElisaPage *self = OB_ELISA_PAGE (page);
  g_autoptr(JsonObject) before = elisa_save_settings (page);
  g_autoptr(GPtrArray) old = g_ptr_array_new_with_free_func (ob_elisa_exclusion_free);
  gboolean ok;

  /* Kept aside so that exclusions that stay keep their reasons. */
  for (guint i = 0; i < self->exclusions->len; i++)
    {
      const ObElisaExclusion *e = g_ptr_array_index (self->exclusions, i);
      ObElisaExclusion *copy = g_new0 (ObElisaExclusion, 1);

      copy->row = e->row;
      copy->well = g_strdup (e->well);
      copy->reason = g_strdup (e->reason);
      g_ptr_array_add (old, copy);
    }
  self->loading = TRUE;
  ok = apply_settings (self, settings, old, error);
  /* A value that does not fit leaves the page as it was. */
  if (!ok)
    apply_settings (self, before, old, NULL);
  self->loading = FALSE;
  if (ok)
    ob_analysis_page_changed (page);
  return ok;
}

static gboolean
elisa_has_figure (ObAnalysisPage *page)
{
  return ob_elisa_page_get_plate (OB_ELISA_PAGE (page)) != NULL;
}

static void
elisa_draw_figure (ObAnalysisPage    *page,
                   cairo_t           *cr,
                   double             width_pt,
                   double             height_pt,
                   const ObPlotStyle *style)
{
  ObElisaPage *self = OB_ELISA_PAGE (page);
  ObCurvePlot curve;

  if (ob_elisa_page_get_plate (self) == NULL)
    return;
  curve = self->curve;
  curve.plot_style = *style;
  ob_curve_plot_render (cr, width_pt, height_pt, &curve);
}

static void
elisa_get_figure_size (ObAnalysisPage *page,
                       double         *width_mm,
                       double         *height_mm,
                       double         *dpi)
{
  ObElisaPage *self = OB_ELISA_PAGE (page);

  *width_mm = gtk_spin_button_get_value (self->width_spin);
  *height_mm = gtk_spin_button_get_value (self->height_spin);
  *dpi = gtk_spin_button_get_value (self->dpi_spin);
}

static void
elisa_set_figure_size (ObAnalysisPage *page,
                       double          width_mm,
                       double          height_mm,
                       double          dpi)
{
  ObElisaPage *self = OB_ELISA_PAGE (page);

  gtk_spin_button_set_value (self->width_spin, width_mm);
  gtk_spin_button_set_value (self->height_spin, height_mm);
  gtk_spin_button_set_value (self->dpi_spin, dpi);
}

static char *
elisa_get_results_text (ObAnalysisPage *page)
{
  return ob_elisa_page_get_results_text (OB_ELISA_PAGE (page));
}

static char *
elisa_get_methods_text (ObAnalysisPage *page)
{
  ObElisaPage *self = OB_ELISA_PAGE (page);
  const ObAssayPlate *plate = ob_elisa_page_get_plate (self);
  ObAssayColumns columns;
  ObAssaySettings settings;

  if (plate == NULL)
    return NULL;
  ob_elisa_page_get_assay (self, &columns, &settings);
  return ob_elisa_results_methods (plate, &settings, self->plates->len, self->exclusions->len);
}

static char *
elisa_get_results_sentence (ObAnalysisPage *page)
{
  const ObAssayPlate *plate = ob_elisa_page_get_plate (OB_ELISA_PAGE (page));

  return plate != NULL ? ob_elisa_results_sentence (plate) : NULL;
}

static void
add_toggle (GtkWidget  *box,
            GtkSwitch  *source,
            const char *label)
{
  GtkWidget *toggle = gtk_toggle_button_new_with_label (label);

  g_object_bind_property (source, "active", toggle, "active",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  gtk_box_append (GTK_BOX (box), toggle);
}

/* The plate shown, the band, the samples and the limits: each works the page's own control. */
static GtkWidget *
elisa_create_live_controls (ObAnalysisPage *page)
{
  ObElisaPage *self = OB_ELISA_PAGE (page);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  if (self->plates != NULL && self->plates->len > 1)
    {
      /* The drop-down takes a reference it does not add. */
      GtkWidget *plates = gtk_drop_down_new (g_object_ref (G_LIST_MODEL (self->plate_names)),
                                             NULL);

      g_object_bind_property (self->plate_dropdown, "selected", plates, "selected",
                              G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
      gtk_widget_set_tooltip_text (plates, _("Plate"));
      gtk_box_append (GTK_BOX (box), plates);
    }
  add_toggle (box, self->band_switch, _("CI Band"));
  add_toggle (box, self->samples_switch, _("Samples"));
  add_toggle (box, self->limits_switch, _("Limits"));
  return box;
}

void
ob_elisa_page_analysis_page_init (ObAnalysisPageInterface *iface)
{
  iface->get_kind = elisa_get_kind;
  iface->get_dataset = elisa_get_dataset;
  iface->save_settings = elisa_save_settings;
  iface->load_settings = elisa_load_settings;
  iface->has_figure = elisa_has_figure;
  iface->draw_figure = elisa_draw_figure;
  iface->get_figure_size = elisa_get_figure_size;
  iface->set_figure_size = elisa_set_figure_size;
  iface->get_results_text = elisa_get_results_text;
  iface->get_methods_text = elisa_get_methods_text;
  iface->get_results_sentence = elisa_get_results_sentence;
  iface->create_live_controls = elisa_create_live_controls;
}
