/* ob-subgroups-page-analysis.c: the subgroups page as an analysis — settings in the command
 * line's spelling, the figure, the results as text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-app"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "ob-subgroups-page-private.h"
#include "ob-surv-data.h"

/* The analysis page interface */

static const char *
subgroups_get_kind (ObAnalysisPage *page)
{
  return "subgroups";
}

static ObDataset *
subgroups_get_dataset (ObAnalysisPage *page)
{
  return OB_SUBGROUPS_PAGE (page)->dataset;
}

static void
set_string (JsonObject *settings,
            const char *name,
            const char *value)
{
  if (value != NULL)
    json_object_set_string_member (settings, name, value);
}

static JsonObject *
subgroups_save_settings (ObAnalysisPage *page)
{
  ObSubgroupsPage *self = OB_SUBGROUPS_PAGE (page);
  JsonObject *settings = json_object_new ();
  g_auto(GStrv) by = ob_subgroups_page_dup_by (self);

  set_string (settings, "time",
              ob_subgroups_page_selected_name (self, self->time_row, self->time_columns));
  set_string (settings, "event",
              ob_subgroups_page_selected_name (self, self->event_row, self->event_columns));
  set_string (settings, "group",
              ob_subgroups_page_selected_name (self, self->group_row, self->group_columns));
  set_string (settings, "reference", ob_subgroups_page_selected_reference (self));
  if (by[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (",", by);

      json_object_set_string_member (settings, "by", joined);
    }
  if (self->where != NULL)
    {
      JsonArray *where = json_array_new ();

      for (guint i = 0; self->where[i] != NULL; i++)
        json_array_add_string_element (where, self->where[i]);
      json_object_set_array_member (settings, "where", where);
    }
  return settings;
}

static const char *
get_string (JsonObject *settings,
            const char *name)
{
  JsonNode *node = json_object_get_member (settings, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
select_name (ObSubgroupsPage *self,
             AdwComboRow     *row,
             GArray          *columns,
             const char      *option,
             const char      *name,
             GError         **error)
{
  if (name == NULL)
    return TRUE;
  for (guint k = 0; k < columns->len; k++)
    if (g_str_equal (ob_subgroups_page_name_at (self, columns, k), name))
      {
        adw_combo_row_set_selected (row, k);
        return TRUE;
      }
  g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
               _("--%s “%s” does not fit this dataset"), option, name);
  return FALSE;
}

static gboolean
apply_settings (ObSubgroupsPage *self,
                JsonObject      *settings,
                GError         **error)
{
  const char *reference = get_string (settings, "reference");
  const char *by = get_string (settings, "by");
  JsonNode *where = json_object_get_member (settings, "where");
  g_auto(GStrv) names = NULL;
  g_autoptr(GPtrArray) filters = g_ptr_array_new_with_free_func (g_free);
  gboolean ok = TRUE;

  self->building = TRUE;
  ok = select_name (self, self->time_row, self->time_columns, "time",
                    get_string (settings, "time"), error)
       && select_name (self, self->event_row, self->event_columns, "event",
                       get_string (settings, "event"), error)
       && select_name (self, self->group_row, self->group_columns, "group",
                       get_string (settings, "group"), error);
  if (ok)
    ob_subgroups_page_fill_levels (self);
  if (ok && reference != NULL)
    {
      guint k = 0, n = g_list_model_get_n_items (G_LIST_MODEL (self->levels));

      while (k < n && !g_str_equal (gtk_string_list_get_string (self->levels, k), reference))
        k++;
      if (k == n)
        {
          g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                       _("--%s “%s” does not fit this dataset"), "reference", reference);
          ok = FALSE;
        }
      else
        adw_combo_row_set_selected (self->reference_row, k);
    }
  if (ok && by != NULL)
    {
      names = g_strsplit (by, ",", -1);
      for (guint i = 0; names[i] != NULL && ok; i++)
        {
          guint k = 0;

          g_strstrip (names[i]);
          while (k < self->by_columns->len
                 && !g_str_equal (ob_subgroups_page_name_at (self, self->by_columns, k),
                                  names[i]))
            k++;
          if (k == self->by_columns->len)
            {
              g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                           _("--%s “%s” does not fit this dataset"), "by", names[i]);
              ok = FALSE;
            }
        }
      for (guint k = 0; ok && k < self->by_checks->len; k++)
        gtk_check_button_set_active (
          g_ptr_array_index (self->by_checks, k),
          g_strv_contains ((const char * const *) names,
                           ob_subgroups_page_name_at (self, self->by_columns, k)));
    }
  if (ok && where != NULL && JSON_NODE_HOLDS_ARRAY (where))
    {
      JsonArray *array = json_node_get_array (where);

      for (guint i = 0; i < json_array_get_length (array); i++)
        if (json_array_get_string_element (array, i) != NULL)
          g_ptr_array_add (filters, g_strdup (json_array_get_string_element (array, i)));
    }
  else if (ok && get_string (settings, "where") != NULL)
    g_ptr_array_add (filters, g_strdup (get_string (settings, "where")));
  if (ok && filters->len > 0)
    {
      g_autofree guint8 *mask = NULL;

      g_ptr_array_add (filters, NULL);
      mask = ob_dataset_where_mask (self->dataset, (const char * const *) filters->pdata, error);
      ok = mask != NULL;
    }
  if (ok)
    {
      g_clear_pointer (&self->where, g_strfreev);
      if (filters->len > 0)
        self->where = (char **) g_ptr_array_free (g_steal_pointer (&filters), FALSE);
    }
  self->building = FALSE;
  if (ok)
    ob_subgroups_page_recompute (self);
  return ok;
}

static gboolean
subgroups_load_settings (ObAnalysisPage  *page,
                         JsonObject      *settings,
                         GError         **error)
{
  ObSubgroupsPage *self = OB_SUBGROUPS_PAGE (page);
  g_autoptr(JsonObject) before = subgroups_save_settings (page);
  gboolean ok;

  self->loading = TRUE;
  ok = apply_settings (self, settings, error);
  if (!ok)
    apply_settings (self, before, NULL);
  self->loading = FALSE;
  if (ok)
    ob_analysis_page_changed (page);
  return ok;
}

static gboolean
subgroups_has_figure (ObAnalysisPage *page)
{
  return OB_SUBGROUPS_PAGE (page)->subgroups != NULL;
}

static void
subgroups_draw_figure (ObAnalysisPage    *page,
                       cairo_t           *cr,
                       double             width_pt,
                       double             height_pt,
                       const ObPlotStyle *style)
{
  ObSubgroupsPage *self = OB_SUBGROUPS_PAGE (page);
  ObForestPlot plot;

  if (self->subgroups == NULL)
    return;
  plot = self->plot;
  plot.style = *style;
  ob_forest_plot_render (cr, width_pt, height_pt, &plot);
}

static void
subgroups_get_figure_size (ObAnalysisPage *page,
                           double         *width_mm,
                           double         *height_mm,
                           double         *dpi)
{
  ObSubgroupsPage *self = OB_SUBGROUPS_PAGE (page);
  double width, height;

  ob_subgroups_page_figure_size_pt (self, &width, &height);
  *width_mm = self->width_mm;
  *height_mm = ceil (height / OB_MM_TO_PT (1));
  *dpi = self->dpi;
}

static void
subgroups_set_figure_size (ObAnalysisPage *page,
                           double          width_mm,
                           double          height_mm,
                           double          dpi)
{
  ObSubgroupsPage *self = OB_SUBGROUPS_PAGE (page);

  self->width_mm = width_mm;
  self->height_mm = height_mm;
  self->dpi = dpi;
  gtk_widget_queue_draw (GTK_WIDGET (self->plot_view));
}

static char *
subgroups_get_results_text (ObAnalysisPage *page)
{
  return ob_subgroups_page_get_results_text (OB_SUBGROUPS_PAGE (page));
}

static char *
subgroups_get_methods_text (ObAnalysisPage *page)
{
  ObSubgroupsPage *self = OB_SUBGROUPS_PAGE (page);

  if (self->subgroups == NULL)
    return NULL;
  return g_strdup_printf (
    _("Hazard ratios of %s against %s were estimated within each subgroup by Cox regression "
      "(%s ties) with Wald 95%% confidence intervals; heterogeneity across subgroups was "
      "tested by the likelihood-ratio test of the treatment-by-subgroup interaction "
      "(Oncobench %s)."),
    self->subgroups->arm_names[1], self->subgroups->arm_names[0],
    ob_ties_to_string (self->subgroups->ties), PACKAGE_VERSION);
}

void
ob_subgroups_page_analysis_page_init (ObAnalysisPageInterface *iface)
{
  iface->get_kind = subgroups_get_kind;
  iface->get_dataset = subgroups_get_dataset;
  iface->save_settings = subgroups_save_settings;
  iface->load_settings = subgroups_load_settings;
  iface->has_figure = subgroups_has_figure;
  iface->draw_figure = subgroups_draw_figure;
  iface->get_figure_size = subgroups_get_figure_size;
  iface->set_figure_size = subgroups_set_figure_size;
  iface->get_results_text = subgroups_get_results_text;
  iface->get_methods_text = subgroups_get_methods_text;
}

/* Public */

gboolean
ob_subgroups_page_set_by (ObSubgroupsPage    *self,
                          const char * const *columns)
{
  g_autoptr(JsonObject) settings = json_object_new ();
  g_autofree char *joined = g_strjoinv (",", (char **) columns);

  g_return_val_if_fail (OB_IS_SUBGROUPS_PAGE (self), FALSE);

  json_object_set_string_member (settings, "by", joined);
  if (!apply_settings (self, settings, NULL))
    return FALSE;
  ob_subgroups_page_notify_changed (self);
  return TRUE;
}
