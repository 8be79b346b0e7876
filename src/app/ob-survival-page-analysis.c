/* ob-survival-page-analysis.c: the survival page as an ObAnalysisPage
 *
 * Settings are saved as `oncobench-cli survival` spells its options, so that a project
 * saved here is re-made by `oncobench-cli render` and the other way round.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-app"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "ob-survival-page-private.h"

/* The order of the rows' items in ob-survival-page.ui. */
static const ObCiTransform ci_items[] = { OB_CI_LOG_LOG, OB_CI_LOG, OB_CI_PLAIN };
static const ObSurvTestMethod test_items[] = {
  OB_SURV_TEST_LOGRANK, OB_SURV_TEST_PETO, OB_SURV_TEST_GEHAN, OB_SURV_TEST_TARONE_WARE,
};
static const ObKmRiskTable risk_table_items[] = {
  OB_KM_RISK_TABLE_NONE, OB_KM_RISK_TABLE_CLASSIC, OB_KM_RISK_TABLE_KMUNICATE,
};

/* Helpers */

static guint
selected_item (AdwComboRow *row,
               guint        n)
{
  guint selected = adw_combo_row_get_selected (row);

  return selected < n ? selected : 0;
}

static const char *
check_text (GtkWidget *check)
{
  GtkWidget *row = gtk_widget_get_ancestor (check, ADW_TYPE_PREFERENCES_ROW);

  return row != NULL ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)) : "";
}

static char *
join_strv (char **values)
{
  return values != NULL ? g_strjoinv (",", values) : NULL;
}

/* A filter value picks a level by its text, or by number as `--where` does. */
static gboolean
level_matches (const char *level,
               const char *value)
{
  char *end_a = NULL, *end_b = NULL;
  double a, b;

  if (strcmp (level, value) == 0)
    return TRUE;
  a = g_ascii_strtod (level, &end_a);
  b = g_ascii_strtod (value, &end_b);
  return end_a != level && *end_a == '\0' && end_b != value && *end_b == '\0' && a == b;
}

static gboolean
select_column (ObSurvivalPage  *self,
               AdwComboRow     *row,
               GArray          *columns,
               const char      *option,
               const char      *name,
               GError         **error)
{
  for (guint k = 0; k < columns->len; k++)
    {
      guint column = g_array_index (columns, guint, k);

      if (name == NULL ? column == G_MAXUINT
          : column != G_MAXUINT
            && strcmp (ob_dataset_get_column (self->dataset, column)->name, name) == 0)
        {
          adw_combo_row_set_selected (row, k);
          return TRUE;
        }
    }
  g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
               _("--%s: the column “%s” is missing or does not fit this analysis"), option,
               name);
  return FALSE;
}

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

/* Ticks exactly the given values among checks, as the comma list of the option. */
static gboolean
tick_values (GPtrArray   *checks,
             const char  *option,
             const char  *list,
             GError     **error)
{
  g_auto(GStrv) values = g_strsplit (list, ",", -1);
  g_autofree gboolean *used = g_new0 (gboolean, g_strv_length (values) + 1);

  for (guint k = 0; k < checks->len; k++)
    {
      GtkWidget *check = g_ptr_array_index (checks, k);
      gboolean active = FALSE;

      for (guint v = 0; values[v] != NULL; v++)
        if (level_matches (check_text (check), g_strstrip (values[v])))
          active = used[v] = TRUE;
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
    }
  for (guint v = 0; values[v] != NULL; v++)
    if (!used[v] && *values[v] != '\0')
      return invalid_value (error, option, values[v]);
  return TRUE;
}

static gboolean
load_where (ObSurvivalPage  *self,
            JsonObject      *settings,
            GError         **error)
{
  JsonNode *node = json_object_get_member (settings, "where");
  g_autoptr(GPtrArray) filters = g_ptr_array_new_with_free_func (g_free);

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          const char *text = json_array_get_string_element (array, i);

          if (text != NULL)
            g_ptr_array_add (filters, g_strdup (text));
        }
    }
  else if (node != NULL && get_string (settings, "where") != NULL)
    g_ptr_array_add (filters, g_strdup (get_string (settings, "where")));

  /* Every filter on a column is one ticked level; the others are unticked. */
  for (guint f = 0; f < self->filters->len; f++)
    {
      ObSurvivalFilter *filter = g_ptr_array_index (self->filters, f);
      const char *name = ob_dataset_get_column (self->dataset, filter->column)->name;
      g_autoptr(GString) values = g_string_new (NULL);
      gboolean any = FALSE;

      if (!filter->by_level)
        {
          gtk_adjustment_set_value (filter->lo, filter->min);
          gtk_adjustment_set_value (filter->hi, filter->max);
          continue;
        }
      for (guint i = 0; i < filters->len; i++)
        {
          const char *text = g_ptr_array_index (filters, i);
          const char *eq = text != NULL ? strchr (text, '=') : NULL;
          g_autofree char *column = eq != NULL ? g_strstrip (g_strndup (text, eq - text)) : NULL;

          if (column == NULL || strcmp (column, name) != 0)
            continue;
          g_string_append_printf (values, "%s%s", any ? "," : "", eq + 1);
          any = TRUE;
          g_ptr_array_index (filters, i) = NULL;
          g_free ((char *) text);
        }
      if (!any)
        {
          for (guint k = 0; k < filter->checks->len; k++)
            gtk_check_button_set_active (g_ptr_array_index (filter->checks, k), TRUE);
        }
      else if (!tick_values (filter->checks, "where", values->str, error))
        return FALSE;
    }
  for (guint i = 0; i < filters->len; i++)
    if (g_ptr_array_index (filters, i) != NULL)
      return invalid_value (error, "where", g_ptr_array_index (filters, i));
  return TRUE;
}

static gboolean
apply_settings (ObSurvivalPage  *self,
                JsonObject      *settings,
                GError         **error)
{
  const char *time = get_string (settings, "time");
  const char *event = get_string (settings, "event");
  const char *group = get_string (settings, "group");
  const char *value;
  ObCiTransform ci;
  ObSurvTestMethod test;
  ObKmRiskTable risk_table;

  if (time != NULL && !select_column (self, self->time_row, self->time_columns, "time", time,
                                      error))
    return FALSE;
  if (event != NULL && !select_column (self, self->event_row, self->event_columns, "event",
                                       event, error))
    return FALSE;
  if (!select_column (self, self->group_row, self->group_columns, "group", group, error))
    return FALSE;

  /* The event column's values are listed once it is chosen, above. */
  if ((value = get_string (settings, "event-values")) != NULL
      && !tick_values (self->event_checks, "event-values", value, error))
    return FALSE;
  for (guint k = 0; k < self->covariate_checks->len; k++)
    gtk_check_button_set_active (g_ptr_array_index (self->covariate_checks, k), FALSE);
  if ((value = get_string (settings, "covariates")) != NULL
      && !tick_values (self->covariate_checks, "covariates", value, error))
    return FALSE;
  if (!load_where (self, settings, error))
    return FALSE;
  if (!ob_survival_page_load_exclusions (self, settings, error))
    return FALSE;

  /* Conventions first: choosing them also picks their interval, which --ci may override. */
  value = get_string (settings, "conventions");
  if (value != NULL && !g_str_equal (value, "r") && !g_str_equal (value, "prism"))
    return invalid_value (error, "conventions", value);
  adw_combo_row_set_selected (self->conventions_row, g_strcmp0 (value, "prism") == 0);

  value = get_string (settings, "ci");
  if (value == NULL)
    ci = g_strcmp0 (get_string (settings, "conventions"), "r") == 0 ? OB_CI_LOG : OB_CI_LOG_LOG;
  else if (!ob_ci_transform_from_string (value, &ci))
    return invalid_value (error, "ci", value);
  for (guint k = 0; k < G_N_ELEMENTS (ci_items); k++)
    if (ci_items[k] == ci)
      adw_combo_row_set_selected (self->ci_row, k);

  test = OB_SURV_TEST_LOGRANK;
  value = get_string (settings, "test");
  if (value != NULL && !ob_surv_test_method_from_string (value, &test))
    return invalid_value (error, "test", value);
  for (guint k = 0; k < G_N_ELEMENTS (test_items); k++)
    if (test_items[k] == test)
      adw_combo_row_set_selected (self->test_row, k);

  risk_table = OB_KM_RISK_TABLE_CLASSIC;
  value = get_string (settings, "risk-table");
  if (value != NULL && !ob_km_risk_table_from_string (value, &risk_table))
    return invalid_value (error, "risk-table", value);
  for (guint k = 0; k < G_N_ELEMENTS (risk_table_items); k++)
    if (risk_table_items[k] == risk_table)
      adw_combo_row_set_selected (self->risk_table_row, k);

  gtk_spin_button_set_value (self->landmark_spin,
                             json_object_get_double_member_with_default (settings, "landmark",
                                                                         0.0));
  /* Without --time-unit the unit guessed from the time column's name stays. */
  if ((value = get_string (settings, "time-unit")) != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->time_unit_row), value);
  return TRUE;
}

/* ObAnalysisPage */

static const char *
survival_get_kind (ObAnalysisPage *page)
{
  return "survival";
}

static ObDataset *
survival_get_dataset (ObAnalysisPage *page)
{
  return OB_SURVIVAL_PAGE (page)->dataset;
}

static JsonObject *
survival_save_settings (ObAnalysisPage *page)
{
  ObSurvivalPage *self = OB_SURVIVAL_PAGE (page);
  JsonObject *settings = json_object_new ();
  const ObColumn *time = ob_survival_page_selected_column (self, self->time_row,
                                                           self->time_columns);
  const ObColumn *event = ob_survival_page_selected_column (self, self->event_row,
                                                            self->event_columns);
  const ObColumn *group = ob_survival_page_selected_column (self, self->group_row,
                                                            self->group_columns);
  g_auto(GStrv) event_values = ob_survival_page_event_values (self);
  g_auto(GStrv) covariates = ob_survival_page_covariates (self);
  const char *time_unit = gtk_editable_get_text (GTK_EDITABLE (self->time_unit_row));
  double landmark = gtk_spin_button_get_value (self->landmark_spin);
  JsonArray *where = json_array_new ();

  if (time != NULL)
    json_object_set_string_member (settings, "time", time->name);
  if (event != NULL)
    json_object_set_string_member (settings, "event", event->name);
  if (event_values != NULL)
    {
      g_autofree char *list = join_strv (event_values);

      json_object_set_string_member (settings, "event-values", list);
    }
  if (group != NULL)
    json_object_set_string_member (settings, "group", group->name);
  if (covariates != NULL)
    {
      g_autofree char *list = join_strv (covariates);

      json_object_set_string_member (settings, "covariates", list);
    }
  json_object_set_string_member (settings, "ci",
                                 ob_ci_transform_to_string (
                                   ci_items[selected_item (self->ci_row,
                                                           G_N_ELEMENTS (ci_items))]));
  json_object_set_string_member (settings, "test",
                                 ob_surv_test_method_to_string (
                                   test_items[selected_item (self->test_row,
                                                             G_N_ELEMENTS (test_items))]));
  json_object_set_string_member (settings, "conventions",
                                 adw_combo_row_get_selected (self->conventions_row) == 1
                                 ? "prism" : "r");
  json_object_set_string_member (settings, "risk-table",
                                 ob_km_risk_table_to_string (
                                   risk_table_items[selected_item (
                                     self->risk_table_row, G_N_ELEMENTS (risk_table_items))]));
  if (landmark > 0)
    json_object_set_double_member (settings, "landmark", landmark);
  if (*time_unit != '\0')
    json_object_set_string_member (settings, "time-unit", time_unit);

  /* Level filters only: --where cannot say a numeric range. */
  for (guint f = 0; f < self->filters->len; f++)
    {
      ObSurvivalFilter *filter = g_ptr_array_index (self->filters, f);
      const char *name = ob_dataset_get_column (self->dataset, filter->column)->name;
      gboolean all = TRUE;

      if (!filter->by_level)
        continue;
      for (guint k = 0; k < filter->checks->len && all; k++)
        all = gtk_check_button_get_active (g_ptr_array_index (filter->checks, k));
      if (all)
        continue;
      for (guint k = 0; k < filter->checks->len; k++)
        {
          GtkWidget *check = g_ptr_array_index (filter->checks, k);

          g_autofree char *text = NULL;

          if (!gtk_check_button_get_active (GTK_CHECK_BUTTON (check)))
            continue;
          text = g_strdup_printf ("%s=%s", name, check_text (check));
          json_array_add_string_element (where, text);
        }
    }
  if (json_array_get_length (where) > 0)
    json_object_set_array_member (settings, "where", where);
  else
    json_array_unref (where);
  ob_survival_page_save_exclusions (self, settings);
  return settings;
}

static gboolean
survival_load_settings (ObAnalysisPage  *page,
                        JsonObject      *settings,
                        GError         **error)
{
  ObSurvivalPage *self = OB_SURVIVAL_PAGE (page);
  g_autoptr(JsonObject) before = survival_save_settings (page);
  gboolean ok;

  self->loading = TRUE;
  ok = apply_settings (self, settings, error);
  /* A value that does not fit leaves the page as it was. */
  if (!ok)
    apply_settings (self, before, NULL);
  self->loading = FALSE;
  ob_survival_page_update (self);
  if (ok)
    ob_analysis_page_changed (page);
  return ok;
}

static gboolean
survival_has_figure (ObAnalysisPage *page)
{
  return OB_SURVIVAL_PAGE (page)->results != NULL;
}

static void
survival_draw_figure (ObAnalysisPage    *page,
                      cairo_t           *cr,
                      double             width_pt,
                      double             height_pt,
                      const ObPlotStyle *style)
{
  ObSurvivalPage *self = OB_SURVIVAL_PAGE (page);
  ObKmPlot plot = self->plot;

  plot.style.plot_style = *style;
  ob_km_plot_render (cr, width_pt, height_pt, &plot);
}

static void
survival_get_figure_size (ObAnalysisPage *page,
                          double         *width_mm,
                          double         *height_mm,
                          double         *dpi)
{
  ObSurvivalPage *self = OB_SURVIVAL_PAGE (page);

  *width_mm = gtk_spin_button_get_value (self->width_spin);
  *height_mm = gtk_spin_button_get_value (self->height_spin);
  *dpi = gtk_spin_button_get_value (self->dpi_spin);
}

static void
survival_set_figure_size (ObAnalysisPage *page,
                          double          width_mm,
                          double          height_mm,
                          double          dpi)
{
  ObSurvivalPage *self = OB_SURVIVAL_PAGE (page);

  gtk_spin_button_set_value (self->width_spin, width_mm);
  gtk_spin_button_set_value (self->height_spin, height_mm);
  gtk_spin_button_set_value (self->dpi_spin, dpi);
}

static char *
survival_get_results_text (ObAnalysisPage *page)
{
  return ob_survival_page_get_results_text (OB_SURVIVAL_PAGE (page));
}

static void
group_toggled_cb (GtkToggleButton *button,
                  ObSurvivalPage  *self)
{
  guint curve = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "ob-curve"));
  guint64 bit = G_GUINT64_CONSTANT (1) << curve;

  ob_survival_page_set_hidden_groups (self, gtk_toggle_button_get_active (button)
                                            ? self->hidden_groups & ~bit
                                            : self->hidden_groups | bit);
  ob_analysis_page_changed (OB_ANALYSIS_PAGE (self));
}

/* Groups shown, CI bands, the table under the plot and the landmark: what a meeting asks
 * about.  Each control works the page's own, so the page and the slide stay in step. */
static GtkWidget *
survival_create_live_controls (ObAnalysisPage *page)
{
  ObSurvivalPage *self = OB_SURVIVAL_PAGE (page);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *bands = gtk_toggle_button_new_with_label (_("CI Bands"));
  /* The drop-down takes a reference it does not add. */
  GListModel *tables = adw_combo_row_get_model (self->risk_table_row);
  GtkWidget *table = gtk_drop_down_new (g_object_ref (tables), NULL);
  GtkWidget *landmark_label = gtk_label_new (_("Landmark"));
  GtkWidget *landmark = gtk_spin_button_new (gtk_spin_button_get_adjustment (self->landmark_spin),
                                             1, 0);

  if (self->results != NULL && self->results->fit->n_curves > 1)
    for (guint c = 0; c < MIN (self->results->fit->n_curves, 64); c++)
      {
        GtkWidget *toggle = gtk_toggle_button_new_with_label (self->results->fit->curves[c].name);

        gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle),
                                      !(self->hidden_groups & (G_GUINT64_CONSTANT (1) << c)));
        g_object_set_data (G_OBJECT (toggle), "ob-curve", GUINT_TO_POINTER (c));
        g_signal_connect_object (toggle, "toggled", G_CALLBACK (group_toggled_cb), self, 0);
        gtk_widget_set_tooltip_text (toggle, _("Show or hide this group"));
        gtk_box_append (GTK_BOX (box), toggle);
      }

  g_object_bind_property (self->ci_bands_switch, "active", bands, "active",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_object_bind_property (self->risk_table_row, "selected", table, "selected",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  gtk_widget_set_tooltip_text (table, _("Table under the plot"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (table), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Table under the plot"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (landmark), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Landmark time"), -1);
  gtk_widget_add_css_class (landmark_label, "dim-label");
  gtk_box_append (GTK_BOX (box), bands);
  gtk_box_append (GTK_BOX (box), table);
  gtk_box_append (GTK_BOX (box), landmark_label);
  gtk_box_append (GTK_BOX (box), landmark);
  return box;
}

void
ob_survival_page_analysis_page_init (ObAnalysisPageInterface *iface)
{
  iface->create_live_controls = survival_create_live_controls;
  iface->get_kind = survival_get_kind;
  iface->get_dataset = survival_get_dataset;
  iface->save_settings = survival_save_settings;
  iface->load_settings = survival_load_settings;
  iface->has_figure = survival_has_figure;
  iface->draw_figure = survival_draw_figure;
  iface->get_figure_size = survival_get_figure_size;
  iface->set_figure_size = survival_set_figure_size;
  iface->get_results_text = survival_get_results_text;
  iface->get_methods_text = ob_survival_page_get_methods_text;
  iface->get_results_sentence = ob_survival_page_get_results_sentence;
}
