/* ob-cohort-page-analysis.c: the cohort page as an analysis — settings, figure, copy,
 * export, and the linked selection offered to the other analyses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-app"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "ob-cohort-page-private.h"
#include "ob-surv-data.h"
#include "ob-window.h"

static const char * const show_names[] = { "landscape", "table" };

/* Messages */

static void
toast (ObCohortPage *self,
       const char   *text)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (text));
}

static void
show_error (ObCohortPage *self,
            const char   *heading,
            const char   *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Copy and export */

char *
ob_cohort_page_get_results_text (ObCohortPage *self)
{
  GString *text;

  if (self->grid == NULL)
    return NULL;
  text = g_string_new (NULL);
  for (guint r = 0; r < self->grid->n_rows; r++)
    {
      for (guint c = 0; c < self->grid->n_cols; c++)
        {
          g_autofree char *cell = g_strdup (ob_table1_grid_cell (self->grid, r, c));

          /* The header's "group\n(n = …)" must stay one cell. */
          g_strdelimit (cell, "\t\n", ' ');
          g_string_append_printf (text, "%s%s", c > 0 ? "\t" : "", cell);
        }
      g_string_append_c (text, '\n');
    }
  for (guint k = 0; self->grid->footnotes[k] != NULL; k++)
    g_string_append_printf (text, "%s\n", self->grid->footnotes[k]);
  return g_string_free (text, FALSE);
}

static char *
table_caption (ObCohortPage *self)
{
  return g_strdup_printf (_("Table 1. Characteristics by %s"), self->table->group_column);
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ObCohortPage *self = OB_COHORT_PAGE (widget);
  g_autofree char *text = ob_cohort_page_get_results_text (self);

  if (text == NULL)
    return;
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  toast (self, _("Table 1 copied"));
}

static void
copy_html_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ObCohortPage *self = OB_COHORT_PAGE (widget);
  g_autofree char *caption = NULL;
  g_autofree char *html = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GdkContentProvider) provider = NULL;
  GdkContentProvider *both[2];
  gsize html_len;

  if (self->grid == NULL)
    return;
  caption = table_caption (self);
  html = ob_table1_grid_to_html (self->grid, caption);
  text = ob_cohort_page_get_results_text (self);
  /* Word and Writer take the HTML with its rules; a plain editor gets the tab-separated text. */
  html_len = strlen (html);
  both[0] = gdk_content_provider_new_for_bytes ("text/html",
                                                g_bytes_new_take (g_steal_pointer (&html),
                                                                  html_len));
  both[1] = gdk_content_provider_new_typed (G_TYPE_STRING, text);
  provider = gdk_content_provider_new_union (both, 2);
  gdk_clipboard_set_content (gtk_widget_get_clipboard (widget), provider);
  toast (self, _("Table 1 copied as HTML"));
}

static void
export_csv_response_cb (GtkNativeDialog *dialog,
                        int              response,
                        ObCohortPage    *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *message = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_object_unref (dialog);
  if (file == NULL || self->grid == NULL)
    return;
  csv = ob_table1_grid_to_csv (self->grid);
  if (!g_file_replace_contents (file, csv, strlen (csv), NULL, FALSE, G_FILE_CREATE_NONE, NULL,
                                NULL, &error))
    {
      show_error (self, _("Could Not Export Table 1"), error->message);
      return;
    }
  basename = g_file_get_basename (file);
  message = g_strdup_printf (_("Saved “%s”"), basename);
  toast (self, message);
}

static void
export_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ObCohortPage *self = OB_COHORT_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  native = gtk_file_chooser_native_new (_("Export Table 1"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_filter_set_name (filter, _("CSV"));
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), "table1.csv");
  g_signal_connect (native, "response", G_CALLBACK (export_csv_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* Linked selection */

gsize
ob_cohort_page_select (ObCohortPage *self,
                       const char   *column,
                       const char   *level)
{
  g_autofree char *filter = NULL;
  g_autofree guint8 *mask = NULL;
  g_autofree char *text = NULL;
  const char *filters[2] = { NULL, NULL };
  gsize n_rows, n = 0;

  g_return_val_if_fail (OB_IS_COHORT_PAGE (self), 0);
  g_return_val_if_fail (column != NULL && level != NULL, 0);

  filter = g_strdup_printf ("%s=%s", column, level);
  filters[0] = filter;
  mask = ob_dataset_where_mask (self->dataset, filters, NULL);
  n_rows = ob_dataset_get_n_rows (self->dataset);
  for (gsize i = 0; mask != NULL && i < n_rows; i++)
    n += mask[i] != 0;

  g_clear_pointer (&self->selection_column, g_free);
  g_clear_pointer (&self->selection_level, g_free);
  self->selection_n = n;
  if (n > 0)
    {
      self->selection_column = g_strdup (column);
      self->selection_level = g_strdup (level);
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s = %s: %zu patient",
                                           "%s = %s: %zu patients", n),
                              column, level, n);
      gtk_label_set_text (self->selection_label, text);
    }
  gtk_revealer_set_reveal_child (self->selection_revealer, n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cohort.use-filter", n > 0);
  return n;
}

gboolean
ob_cohort_page_get_selection (ObCohortPage  *self,
                              const char   **column,
                              const char   **level)
{
  g_return_val_if_fail (OB_IS_COHORT_PAGE (self), FALSE);

  if (self->selection_column == NULL)
    return FALSE;
  if (column != NULL)
    *column = self->selection_column;
  if (level != NULL)
    *level = self->selection_level;
  return TRUE;
}

guint
ob_cohort_page_use_selection (ObCohortPage *self)
{
  GtkRoot *root;
  guint n;

  g_return_val_if_fail (OB_IS_COHORT_PAGE (self), 0);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (self->selection_column == NULL || !OB_IS_WINDOW (root))
    return 0;
  n = ob_window_apply_filter (OB_WINDOW (root), self->dataset, self->selection_column,
                              self->selection_level);
  if (n == 0)
    toast (self, _("No open analysis of this dataset takes a filter: add a survival or "
                   "subgroup analysis first"));
  else
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "Filter applied to %u analysis",
                                                            "Filter applied to %u analyses", n),
                                               n);
      toast (self, text);
    }
  return n;
}

static void
use_filter_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ob_cohort_page_use_selection (OB_COHORT_PAGE (widget));
}

static void
clear_selection_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  ObCohortPage *self = OB_COHORT_PAGE (widget);

  g_clear_pointer (&self->selection_column, g_free);
  g_clear_pointer (&self->selection_level, g_free);
  self->selection_n = 0;
  gtk_revealer_set_reveal_child (self->selection_revealer, FALSE);
  gtk_widget_action_set_enabled (widget, "cohort.use-filter", FALSE);
}

void
ob_cohort_page_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "cohort.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "cohort.copy-html", NULL, copy_html_action);
  gtk_widget_class_install_action (widget_class, "cohort.export-csv", NULL, export_csv_action);
  gtk_widget_class_install_action (widget_class, "cohort.use-filter", NULL, use_filter_action);
  gtk_widget_class_install_action (widget_class, "cohort.clear-selection", NULL,
                                   clear_selection_action);
}

/* The analysis page interface */

static const char *
cohort_get_kind (ObAnalysisPage *page)
{
  return "cohort";
}

static ObDataset *
cohort_get_dataset (ObAnalysisPage *page)
{
  return OB_COHORT_PAGE (page)->dataset;
}

static JsonObject *
cohort_save_settings (ObAnalysisPage *page)
{
  ObCohortPage *self = OB_COHORT_PAGE (page);
  JsonObject *settings = json_object_new ();
  const char *group = ob_cohort_page_get_group (self);
  g_auto(GStrv) vars = ob_cohort_page_dup_variables (self);

  if (group != NULL)
    json_object_set_string_member (settings, "group", group);
  if (vars[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (",", vars);

      json_object_set_string_member (settings, "vars", joined);
    }
  json_object_set_string_member (settings, "show",
                                 show_names[adw_combo_row_get_selected (self->figure_row)
                                            == OB_COHORT_SHOW_TABLE]);
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
invalid_value (GError    **error,
               const char *option,
               const char *value)
{
  g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
               _("--%s “%s” does not fit this dataset"), option, value);
  return FALSE;
}

static gboolean
apply_settings (ObCohortPage *self,
                JsonObject   *settings,
                GError      **error)
{
  const char *group = get_string (settings, "group");
  const char *vars = get_string (settings, "vars");
  const char *show = get_string (settings, "show");
  g_auto(GStrv) names = NULL;
  guint show_index = OB_COHORT_SHOW_LANDSCAPE;

  if (show != NULL)
    {
      while (show_index < G_N_ELEMENTS (show_names) && strcmp (show_names[show_index], show) != 0)
        show_index++;
      if (show_index == G_N_ELEMENTS (show_names))
        return invalid_value (error, "show", show);
    }
  else if (self->landscape == NULL)
    show_index = OB_COHORT_SHOW_TABLE;

  self->building = TRUE;
  if (group != NULL && !ob_cohort_page_set_group (self, group))
    {
      self->building = FALSE;
      return invalid_value (error, "group", group);
    }
  self->building = FALSE;
  if (vars != NULL)
    {
      names = g_strsplit (vars, ",", -1);
      for (guint i = 0; names[i] != NULL; i++)
        g_strstrip (names[i]);
      if (!ob_cohort_page_set_variables (self, (const char * const *) names))
        return invalid_value (error, "vars", vars);
    }
  self->building = TRUE;
  ob_cohort_page_set_show (self, (ObCohortShow) show_index);
  self->building = FALSE;
  ob_cohort_page_recompute (self);
  return TRUE;
}

static gboolean
cohort_load_settings (ObAnalysisPage  *page,
                      JsonObject      *settings,
                      GError         **error)
{
  ObCohortPage *self = OB_COHORT_PAGE (page);
  g_autoptr(JsonObject) before = cohort_save_settings (page);
  gboolean ok;

  self->loading = TRUE;
  ok = apply_settings (self, settings, error);
  /* A value that does not fit leaves the page as it was. */
  if (!ok)
    apply_settings (self, before, NULL);
  self->loading = FALSE;
  if (ok)
    ob_analysis_page_changed (page);
  return ok;
}

static gboolean
cohort_has_figure (ObAnalysisPage *page)
{
  ObCohortPage *self = OB_COHORT_PAGE (page);

  return ob_cohort_page_get_show (self) == OB_COHORT_SHOW_LANDSCAPE || self->grid != NULL;
}

static void
cohort_draw_figure (ObAnalysisPage    *page,
                    cairo_t           *cr,
                    double             width_pt,
                    double             height_pt,
                    const ObPlotStyle *style)
{
  ObCohortPage *self = OB_COHORT_PAGE (page);

  if (ob_cohort_page_get_show (self) == OB_COHORT_SHOW_LANDSCAPE)
    {
      ObOncoprint plot = self->oncoprint;

      plot.style = *style;
      ob_oncoprint_render (cr, width_pt, height_pt, &plot);
    }
  else if (self->grid != NULL)
    {
      ObTablePlot plot;
      g_autofree char *caption = table_caption (self);

      ob_table_plot_init (&plot, self->grid);
      plot.title = caption;
      plot.plot_style = *style;
      ob_table_plot_draw (&plot, cr, width_pt, height_pt);
    }
}

static void
cohort_get_figure_size (ObAnalysisPage *page,
                        double         *width_mm,
                        double         *height_mm,
                        double         *dpi)
{
  ObCohortPage *self = OB_COHORT_PAGE (page);

  double width, height;

  ob_cohort_page_figure_size_pt (self, &width, &height);
  *width_mm = self->width_mm;
  *height_mm = ceil (height / OB_MM_TO_PT (1));
  *dpi = self->dpi;
}

static void
cohort_set_figure_size (ObAnalysisPage *page,
                        double          width_mm,
                        double          height_mm,
                        double          dpi)
{
  ObCohortPage *self = OB_COHORT_PAGE (page);

  self->width_mm = width_mm;
  self->height_mm = height_mm;
  self->dpi = dpi;
  g_clear_pointer (&self->layout, ob_oncoprint_layout_free);
  gtk_widget_queue_draw (GTK_WIDGET (self->plot_view));
}

static char *
cohort_get_results_text (ObAnalysisPage *page)
{
  return ob_cohort_page_get_results_text (OB_COHORT_PAGE (page));
}

static char *
cohort_get_methods_text (ObAnalysisPage *page)
{
  ObCohortPage *self = OB_COHORT_PAGE (page);

  if (self->table == NULL)
    return NULL;
  return g_strdup_printf (
    _("Baseline characteristics were summarised by %s as mean (SD), or median [IQR] for "
      "skewed variables (|skewness| > %g), and as n (%%) for categorical variables; groups "
      "were compared by Welch’s t test or one-way ANOVA, the Mann–Whitney or Kruskal–Wallis "
      "test, and Pearson’s chi-square test, or Fisher’s exact test when an expected count was "
      "below 5 (Oncobench %s)."),
    self->table->group_column, OB_TABLE1_SKEWNESS_LIMIT, PACKAGE_VERSION);
}

static char *
cohort_get_results_sentence (ObAnalysisPage *page)
{
  ObCohortPage *self = OB_COHORT_PAGE (page);
  const ObTable1 *t = self->table;
  g_autoptr(GString) groups = NULL;

  if (t == NULL)
    return NULL;
  groups = g_string_new (NULL);
  for (guint g = 0; g < t->n_groups; g++)
    g_string_append_printf (groups, "%s%s (n = %zu)",
                            g == 0 ? "" : g + 1 == t->n_groups ? _(" and ") : ", ",
                            t->group_names[g], t->group_n[g]);
  return g_strdup_printf (_("Of %zu patients with a known %s, %s."), t->group_n[t->n_groups],
                          t->group_column, groups->str);
}

void
ob_cohort_page_analysis_page_init (ObAnalysisPageInterface *iface)
{
  iface->get_kind = cohort_get_kind;
  iface->get_dataset = cohort_get_dataset;
  iface->save_settings = cohort_save_settings;
  iface->load_settings = cohort_load_settings;
  iface->has_figure = cohort_has_figure;
  iface->draw_figure = cohort_draw_figure;
  iface->get_figure_size = cohort_get_figure_size;
  iface->set_figure_size = cohort_set_figure_size;
  iface->get_results_text = cohort_get_results_text;
  iface->get_methods_text = cohort_get_methods_text;
  iface->get_results_sentence = cohort_get_results_sentence;
}
