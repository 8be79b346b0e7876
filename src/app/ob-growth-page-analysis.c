/* ob-growth-page-analysis.c: the growth page's public API, Copy, and the page as an
 * ObAnalysisPage
 *
 * Settings are saved as `oncobench-cli growth` spells its options (the column options,
 * --formula, --control, --tgi-day, --endpoint, --mrecist-start, --background, --exclude,
 * --chart, --traces, --log, --dosing), so that a project saved here is re-made by
 * `oncobench-cli render` and the other way round.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-app"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "ob-growth-page-private.h"

static const char * const chart_names[] = {
  "curves", "spaghetti", "waterfall", "weight", "flux", "endpoint",
};

void
ob_growth_page_copy_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  g_autofree char *text = ob_growth_page_get_results_text (OB_GROWTH_PAGE (widget));
  GtkWidget *overlay;

  if (text == NULL)
    return;
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay),
                                 adw_toast_new (_("Results copied")));
}

/* Public */

const ObGrowthStudy *
ob_growth_page_get_study (ObGrowthPage *self)
{
  g_return_val_if_fail (OB_IS_GROWTH_PAGE (self), NULL);

  ob_growth_page_update (self);
  return self->results != NULL ? self->results->study : NULL;
}

const ObGrowthTgi *
ob_growth_page_get_tgi (ObGrowthPage *self)
{
  g_return_val_if_fail (OB_IS_GROWTH_PAGE (self), NULL);

  ob_growth_page_update (self);
  return self->results != NULL ? self->results->tgi : NULL;
}

const ObGrowthRates *
ob_growth_page_get_rates (ObGrowthPage *self)
{
  g_return_val_if_fail (OB_IS_GROWTH_PAGE (self), NULL);

  ob_growth_page_update (self);
  return self->results != NULL ? self->results->rates : NULL;
}

const ObLmeResult *
ob_growth_page_get_mixed_model (ObGrowthPage *self)
{
  g_return_val_if_fail (OB_IS_GROWTH_PAGE (self), NULL);

  ob_growth_page_update (self);
  return self->results != NULL ? self->results->lme : NULL;
}

gboolean
ob_growth_page_set_column (ObGrowthPage *self,
                           const char   *role,
                           const char   *column)
{
  int r = ob_analysis_page_find_role (ob_growth_role_options,
                                      OB_GROWTH_N_ROLES, role);

  g_return_val_if_fail (OB_IS_GROWTH_PAGE (self), FALSE);

  return r >= 0 && ob_analysis_page_select_column (self->column_rows[r], self->dataset, column);
}

static int
chart_from_string (const char *chart)
{
  for (guint c = 0; c < G_N_ELEMENTS (chart_names); c++)
    if (g_strcmp0 (chart, chart_names[c]) == 0)
      return (int) c;
  return -1;
}

gboolean
ob_growth_page_set_chart (ObGrowthPage *self,
                          const char   *chart)
{
  int c = chart_from_string (chart);

  g_return_val_if_fail (OB_IS_GROWTH_PAGE (self), FALSE);

  if (c < 0)
    return FALSE;
  adw_combo_row_set_selected (self->chart_row, (guint) c);
  return TRUE;
}

gboolean
ob_growth_page_exclude_mouse (ObGrowthPage *self,
                              const char   *id,
                              const char   *reason)
{
  ObGrowthExclusion *exclusion;

  g_return_val_if_fail (OB_IS_GROWTH_PAGE (self), FALSE);

  ob_growth_page_update (self);
  if (id == NULL || self->results == NULL
      || ob_growth_study_find_mouse (self->results->study, id) < 0
      || ob_growth_page_find_exclusion (self, id) >= 0)
    return FALSE;
  exclusion = g_new0 (ObGrowthExclusion, 1);
  exclusion->id = g_strdup (id);
  exclusion->reason = g_strstrip (g_strdup (reason != NULL ? reason : ""));
  g_ptr_array_add (self->exclusions, exclusion);
  ob_growth_page_show_exclusions (self);
  ob_growth_page_recompute (self);
  ob_growth_page_notify_changed (self);
  return TRUE;
}

gboolean
ob_growth_page_include_mouse (ObGrowthPage *self,
                              const char   *id)
{
  int index;

  g_return_val_if_fail (OB_IS_GROWTH_PAGE (self), FALSE);

  index = ob_growth_page_find_exclusion (self, id);
  if (index < 0)
    return FALSE;
  g_ptr_array_remove_index (self->exclusions, (guint) index);
  ob_growth_page_show_exclusions (self);
  ob_growth_page_recompute (self);
  ob_growth_page_notify_changed (self);
  return TRUE;
}

guint
ob_growth_page_get_n_exclusions (ObGrowthPage *self)
{
  g_return_val_if_fail (OB_IS_GROWTH_PAGE (self), 0);

  return self->exclusions->len;
}

/* At most this many measurements are listed in the popover; the rest are counted. */
#define MAX_LISTED_DAYS 16

char *
ob_growth_page_describe_mouse (ObGrowthPage *self,
                               const char   *id)
{
  const ObGrowthStudy *study;
  const ObGrowthMouse *mouse;
  g_autoptr(GString) text = NULL;
  g_autofree char *name = NULL;
  g_autofree char *arm = NULL;
  int m;

  g_return_val_if_fail (OB_IS_GROWTH_PAGE (self), NULL);

  ob_growth_page_update (self);
  if (self->results == NULL || (m = ob_growth_study_find_mouse (self->results->study, id)) < 0)
    return NULL;
  study = self->results->study;
  mouse = &study->mice[m];
  name = g_markup_escape_text (mouse->id, -1);
  arm = g_markup_escape_text (study->arm_names[mouse->arm], -1);
  text = g_string_new (NULL);
  g_string_append_printf (text, "<b>%s</b> · %s", name, arm);
  for (gsize i = mouse->first, k = 0; i < mouse->first + mouse->n_obs; i++, k++)
    {
      if (k == MAX_LISTED_DAYS)
        {
          g_string_append_printf (text, "\n%s", _("…"));
          break;
        }
      g_string_append_printf (text, "\n%s %g:", _("Day"), study->time[i]);
      if (!isnan (study->volume[i]))
        g_string_append_printf (text, " %.1f mm³", study->volume[i]);
      if (!isnan (study->weight[i]))
        g_string_append_printf (text, " · %.1f g", study->weight[i]);
      if (study->has_flux)
        {
          if (study->flux_censored[i])
            g_string_append_printf (text, " · %s", _("flux not detected"));
          else if (!isnan (study->log10_flux[i]))
            g_string_append_printf (text, " · %.3g p/s", pow (10, study->log10_flux[i]));
        }
    }
  if (self->results->rates != NULL && !isnan (self->results->rates->rate[m]))
    g_string_append_printf (text, "\n%s %.4f %s", _("Growth rate"), self->results->rates->rate[m],
                            _("per day"));
  if (self->results->responses != NULL
      && self->results->responses[m].category != OB_MRECIST_NONE)
    g_string_append_printf (text, "\n%s %.1f%% · %s", _("Best response"),
                            self->results->responses[m].best_response,
                            ob_mrecist_to_string (self->results->responses[m].category));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

char *
ob_growth_page_get_results_text (ObGrowthPage *self)
{
  g_return_val_if_fail (OB_IS_GROWTH_PAGE (self), NULL);

  ob_growth_page_update (self);
  if (self->results == NULL)
    return NULL;
  return ob_growth_results_to_tsv (self);
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

static double
get_double (JsonObject *settings,
            const char *member,
            double      fallback)
{
  JsonNode *node = json_object_get_member (settings, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return fallback;
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    {
      char *end = NULL;
      double value = g_ascii_strtod (json_node_get_string (node), &end);

      return end != NULL && *end == '\0' ? value : fallback;
    }
  return json_node_get_double (node);
}

static gboolean
invalid_value (GError    **error,
               const char *option,
               const char *value)
{
  g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG, _("--%s: “%s” is not a valid choice"),
               option, value);
  return FALSE;
}

static gboolean
apply_settings (ObGrowthPage *self,
                JsonObject   *settings,
                GPtrArray    *old_exclusions,
                GError      **error)
{
  const char *value;
  int chart = -1;
  double start, end;

  self->building = TRUE;
  for (guint r = 0; r < OB_GROWTH_N_ROLES; r++)
    {
      int index = (int) self->default_columns[r] - 1;

      value = get_string (settings, ob_growth_role_options[r]);
      if (value != NULL && (index = ob_dataset_find_column (self->dataset, value)) < 0)
        {
          self->building = FALSE;
          g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                       _("--%s: the column “%s” is missing or does not fit this analysis"),
                       ob_growth_role_options[r], value);
          return FALSE;
        }
      adw_combo_row_set_selected (self->column_rows[r], (guint) (index + 1));
    }
  value = get_string (settings, "formula");
  if (value != NULL && g_strcmp0 (value, "half") != 0 && g_strcmp0 (value, "ellipsoid") != 0)
    {
      self->building = FALSE;
      return invalid_value (error, "formula", value);
    }
  value = get_string (settings, "chart");
  if (value != NULL && (chart = chart_from_string (value)) < 0)
    {
      self->building = FALSE;
      return invalid_value (error, "chart", value);
    }
  value = get_string (settings, "dosing");
  start = NAN;
  end = NAN;
  if (value != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (value, ",", 2);
      char *e0 = NULL, *e1 = NULL;

      if (g_strv_length (parts) == 2)
        {
          start = g_ascii_strtod (parts[0], &e0);
          end = g_ascii_strtod (parts[1], &e1);
        }
      if (g_strv_length (parts) != 2 || *e0 != '\0' || *e1 != '\0' || !(end > start))
        {
          self->building = FALSE;
          return invalid_value (error, "dosing", value);
        }
    }
  adw_combo_row_set_selected (self->formula_row,
                              g_strcmp0 (get_string (settings, "formula"), "ellipsoid") == 0);
  g_clear_pointer (&self->control, g_free);
  self->control = g_strdup (get_string (settings, "control"));
  self->tgi_day = get_double (settings, "tgi-day", NAN);
  gtk_spin_button_set_value (self->endpoint_spin, get_double (settings, "endpoint", 0));
  gtk_spin_button_set_value (self->mrecist_spin, get_double (settings, "mrecist-start", 10));
  gtk_spin_button_set_value (self->background_spin, get_double (settings, "background", 0));
  self->chart_chosen = chart >= 0;
  if (chart >= 0)
    adw_combo_row_set_selected (self->chart_row, (guint) chart);
  gtk_switch_set_active (self->traces_switch,
                         json_object_get_boolean_member_with_default (settings, "traces",
                                                                      FALSE));
  gtk_switch_set_active (self->log_switch,
                         json_object_get_boolean_member_with_default (settings, "log", FALSE));
  gtk_switch_set_active (self->dosing_switch, !isnan (start));
  if (!isnan (start))
    {
      gtk_spin_button_set_value (self->dosing_start_spin, start);
      gtk_spin_button_set_value (self->dosing_end_spin, end);
    }

  g_ptr_array_set_size (self->exclusions, 0);
  value = get_string (settings, "exclude");
  if (value != NULL)
    {
      g_auto(GStrv) ids = g_strsplit (value, ",", -1);

      for (guint i = 0; ids[i] != NULL; i++)
        {
          ObGrowthExclusion *e;

          g_strstrip (ids[i]);
          if (*ids[i] == '\0' || ob_growth_page_find_exclusion (self, ids[i]) >= 0)
            continue;
          e = g_new0 (ObGrowthExclusion, 1);
          e->id = g_strdup (ids[i]);
          /* The reason stays with the page; a project keeps the mice. */
          for (guint j = 0; old_exclusions != NULL && j < old_exclusions->len; j++)
            {
              ObGrowthExclusion *old = g_ptr_array_index (old_exclusions, j);

              if (g_strcmp0 (old->id, e->id) == 0)
                e->reason = g_strdup (old->reason);
            }
          if (e->reason == NULL)
            e->reason = g_strdup (_("left out in the saved analysis"));
          g_ptr_array_add (self->exclusions, e);
        }
    }
  ob_growth_page_show_exclusions (self);
  self->building = FALSE;
  ob_growth_page_recompute (self);
  ob_growth_page_update (self);
  if (self->results != NULL)
    for (guint i = 0; i < self->exclusions->len; i++)
      {
        const ObGrowthExclusion *e = g_ptr_array_index (self->exclusions, i);

        if (ob_growth_study_find_mouse (self->results->study, e->id) < 0)
          {
            g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                         _("--exclude: there is no mouse “%s”"), e->id);
            return FALSE;
          }
      }
  return TRUE;
}

static const char *
growth_get_kind (ObAnalysisPage *page)
{
  return "growth";
}

static ObDataset *
growth_get_dataset (ObAnalysisPage *page)
{
  return OB_GROWTH_PAGE (page)->dataset;
}

static JsonObject *
growth_save_settings (ObAnalysisPage *page)
{
  ObGrowthPage *self = OB_GROWTH_PAGE (page);
  JsonObject *settings = json_object_new ();
  gboolean has_volume = ob_growth_page_role_column (self, OB_GROWTH_ROLE_VOLUME) != NULL;
  gboolean has_calipers = !has_volume
                          && ob_growth_page_role_column (self, OB_GROWTH_ROLE_LENGTH) != NULL
                          && ob_growth_page_role_column (self, OB_GROWTH_ROLE_WIDTH) != NULL;
  double endpoint = gtk_spin_button_get_value (self->endpoint_spin);
  double background = gtk_spin_button_get_value (self->background_spin);
  double mrecist = gtk_spin_button_get_value (self->mrecist_spin);
  g_autoptr(GString) excluded = g_string_new (NULL);

  for (guint r = 0; r < OB_GROWTH_N_ROLES; r++)
    {
      const char *column = ob_growth_page_role_column (self, r);

      /* The command line takes one way to the volume, and one way to the endpoint. */
      if (column == NULL
          || ((r == OB_GROWTH_ROLE_LENGTH || r == OB_GROWTH_ROLE_WIDTH) && !has_calipers)
          || ((r == OB_GROWTH_ROLE_ENDPOINT_TIME || r == OB_GROWTH_ROLE_ENDPOINT_EVENT)
              && (endpoint > 0
                  || ob_growth_page_role_column (self, OB_GROWTH_ROLE_ENDPOINT_TIME) == NULL
                  || ob_growth_page_role_column (self, OB_GROWTH_ROLE_ENDPOINT_EVENT)
                     == NULL)))
        continue;
      json_object_set_string_member (settings, ob_growth_role_options[r], column);
    }
  if (has_calipers && adw_combo_row_get_selected (self->formula_row) == 1)
    json_object_set_string_member (settings, "formula", "ellipsoid");
  if (self->control != NULL)
    json_object_set_string_member (settings, "control", self->control);
  if (!isnan (self->tgi_day))
    json_object_set_double_member (settings, "tgi-day", self->tgi_day);
  if (endpoint > 0)
    json_object_set_double_member (settings, "endpoint", endpoint);
  if (fabs (mrecist - 10) > 1e-9)
    json_object_set_double_member (settings, "mrecist-start", mrecist);
  if (background > 0)
    json_object_set_double_member (settings, "background", background);
  json_object_set_string_member (settings, "chart", chart_names[ob_growth_page_get_chart (self)]);
  if (gtk_switch_get_active (self->traces_switch))
    json_object_set_boolean_member (settings, "traces", TRUE);
  if (gtk_switch_get_active (self->log_switch))
    json_object_set_boolean_member (settings, "log", TRUE);
  if (gtk_switch_get_active (self->dosing_switch))
    {
      char start[G_ASCII_DTOSTR_BUF_SIZE], end[G_ASCII_DTOSTR_BUF_SIZE];
      g_autofree char *dosing = NULL;

      g_ascii_formatd (start, sizeof start, "%g",
                       gtk_spin_button_get_value (self->dosing_start_spin));
      g_ascii_formatd (end, sizeof end, "%g", gtk_spin_button_get_value (self->dosing_end_spin));
      dosing = g_strconcat (start, ",", end, NULL);
      json_object_set_string_member (settings, "dosing", dosing);
    }
  for (guint i = 0; i < self->exclusions->len; i++)
    {
      const ObGrowthExclusion *e = g_ptr_array_index (self->exclusions, i);

      if (excluded->len > 0)
        g_string_append_c (excluded, ',');
      g_string_append (excluded, e->id);
    }
  if (excluded->len > 0)
    json_object_set_string_member (settings, "exclude", excluded->str);
  return settings;
}

static gboolean
growth_load_settings (ObAnalysisPage  *page,
                      JsonObject      *settings,
                      GError         **error)
{
  ObGrowthPage *self = OB_GROWTH_PAGE (page);
  g_autoptr(JsonObject) before = growth_save_settings (page);
  g_autoptr(GPtrArray) old = g_ptr_array_new_with_free_func (ob_growth_exclusion_free);
  gboolean ok;

  /* Kept aside so that exclusions that stay keep their reasons. */
  for (guint i = 0; i < self->exclusions->len; i++)
    {
      const ObGrowthExclusion *e = g_ptr_array_index (self->exclusions, i);
      ObGrowthExclusion *copy = g_new0 (ObGrowthExclusion, 1);

      copy->id = g_strdup (e->id);
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
growth_has_figure (ObAnalysisPage *page)
{
  ObGrowthPage *self = OB_GROWTH_PAGE (page);

  ob_growth_page_update (self);
  return self->figure_data != NULL || self->km_plot.fit != NULL;
}

static void
growth_draw_figure (ObAnalysisPage    *page,
                    cairo_t           *cr,
                    double             width_pt,
                    double             height_pt,
                    const ObPlotStyle *style)
{
  ObGrowthPage *self = OB_GROWTH_PAGE (page);

  ob_growth_page_update (self);
  ob_growth_page_draw (self, cr, width_pt, height_pt, style);
}

static void
growth_get_figure_size (ObAnalysisPage *page,
                        double         *width_mm,
                        double         *height_mm,
                        double         *dpi)
{
  ObGrowthPage *self = OB_GROWTH_PAGE (page);

  *width_mm = self->width_mm;
  *height_mm = self->height_mm;
  *dpi = self->dpi;
}

static void
growth_set_figure_size (ObAnalysisPage *page,
                        double          width_mm,
                        double          height_mm,
                        double          dpi)
{
  ObGrowthPage *self = OB_GROWTH_PAGE (page);

  self->width_mm = width_mm;
  self->height_mm = height_mm;
  self->dpi = dpi;
  self->plot.width_mm = width_mm;
  self->plot.height_mm = height_mm;
  g_clear_pointer (&self->layout, ob_growth_layout_free);
  gtk_widget_queue_draw (GTK_WIDGET (self->plot_view));
}

static char *
growth_get_results_text (ObAnalysisPage *page)
{
  return ob_growth_page_get_results_text (OB_GROWTH_PAGE (page));
}

static char *
growth_get_methods_text (ObAnalysisPage *page)
{
  ObGrowthPage *self = OB_GROWTH_PAGE (page);

  ob_growth_page_update (self);
  return self->results != NULL ? ob_growth_results_methods (self) : NULL;
}

static char *
growth_get_results_sentence (ObAnalysisPage *page)
{
  ObGrowthPage *self = OB_GROWTH_PAGE (page);

  ob_growth_page_update (self);
  return self->results != NULL ? ob_growth_results_sentence (self) : NULL;
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

/* The chart, the mice and the log axis: each works the page's own control. */
static GtkWidget *
growth_create_live_controls (ObAnalysisPage *page)
{
  ObGrowthPage *self = OB_GROWTH_PAGE (page);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  /* The drop-down takes a reference it does not add. */
  GtkWidget *charts = gtk_drop_down_new (g_object_ref (adw_combo_row_get_model (self->chart_row)),
                                         NULL);

  g_object_bind_property (self->chart_row, "selected", charts, "selected",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  gtk_widget_set_tooltip_text (charts, _("Chart"));
  gtk_box_append (GTK_BOX (box), charts);
  add_toggle (box, self->traces_switch, _("Mice"));
  add_toggle (box, self->log_switch, _("Log Axis"));
  add_toggle (box, self->dosing_switch, _("Dosing"));
  return box;
}

void
ob_growth_page_analysis_page_init (ObAnalysisPageInterface *iface)
{
  iface->get_kind = growth_get_kind;
  iface->get_dataset = growth_get_dataset;
  iface->save_settings = growth_save_settings;
  iface->load_settings = growth_load_settings;
  iface->has_figure = growth_has_figure;
  iface->draw_figure = growth_draw_figure;
  iface->get_figure_size = growth_get_figure_size;
  iface->set_figure_size = growth_set_figure_size;
  iface->get_results_text = growth_get_results_text;
  iface->get_methods_text = growth_get_methods_text;
  iface->get_results_sentence = growth_get_results_sentence;
  iface->create_live_controls = growth_create_live_controls;
}
