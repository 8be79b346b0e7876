/* ob-compare-page-analysis.c: the compare page's public API, its export and Copy, and the
 * page as an ObAnalysisPage
 *
 * Settings are saved as `oncobench-cli compare` spells its options, so that a project saved
 * here is re-made by `oncobench-cli render` and the other way round.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-app"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "ob-compare-page-private.h"
#include "ob-plot-export.h"

static const char * const error_names[] = { "sd", "sem", "ci" };
static const char * const chart_names[] = { "dot", "bar", "box", "violin" };

/* Copy and export */

void
ob_compare_page_copy_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  ObComparePage *self = OB_COMPARE_PAGE (widget);
  g_autofree char *text = ob_compare_page_get_results_text (self);
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
                    ObComparePage   *self)
{
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

  if (!ob_compare_page_export (self, path, &error))
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

void
ob_compare_page_save_as_clicked (ObComparePage *self)
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
  name = g_strdup_printf ("%s-groups.pdf", stem != NULL ? stem : "figure");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);

  g_signal_connect (native, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}


/* Public */

gboolean
ob_compare_page_set_columns (ObComparePage *self,
                             const char    *value,
                             const char    *group,
                             const char    *factor2)
{
  gboolean ok;

  g_return_val_if_fail (OB_IS_COMPARE_PAGE (self), FALSE);

  /* One change, not one per row. */
  self->building = TRUE;
  ok = ob_compare_page_select_column (self, self->value_row, self->value_columns, value)
       && ob_compare_page_select_column (self, self->group_row, self->group_columns, group)
       && ob_compare_page_select_column (self, self->factor2_row, self->factor2_columns, factor2);
  self->building = FALSE;
  ob_compare_page_columns_changed (self);
  return ok;
}

gboolean
ob_compare_page_set_test (ObComparePage *self,
                          const char    *test)
{
  ObCompareTest value;

  g_return_val_if_fail (OB_IS_COMPARE_PAGE (self), FALSE);

  if (!ob_compare_test_from_string (test, &value))
    return FALSE;
  /* Chosen even when it was already the default shown. */
  if (adw_combo_row_get_selected (self->test_row) == value)
    ob_compare_page_test_changed (self);
  else
    adw_combo_row_set_selected (self->test_row, value);
  return TRUE;
}

const char *
ob_compare_page_get_test (ObComparePage *self)
{
  g_return_val_if_fail (OB_IS_COMPARE_PAGE (self), NULL);

  return self->results != NULL ? ob_compare_test_to_string (self->results->test) : NULL;
}

gboolean
ob_compare_page_set_posthoc (ObComparePage *self,
                             const char    *posthoc)
{
  g_return_val_if_fail (OB_IS_COMPARE_PAGE (self), FALSE);

  for (guint k = 0; k <= OB_POSTHOC_SIDAK; k++)
    if (g_ascii_strcasecmp (posthoc, ob_compare_posthoc_to_string ((ObPosthoc) k)) == 0)
      {
        if (adw_combo_row_get_selected (self->posthoc_row) == k)
          ob_compare_page_posthoc_changed (self);
        else
          adw_combo_row_set_selected (self->posthoc_row, k);
        return TRUE;
      }
  return FALSE;
}

gboolean
ob_compare_page_set_pair (ObComparePage *self,
                          const char    *a,
                          const char    *b)
{
  guint n, found = 0;

  g_return_val_if_fail (OB_IS_COMPARE_PAGE (self), FALSE);

  ob_compare_page_update (self);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->pair_names));
  for (guint k = 0; k < n; k++)
    {
      const char *name = gtk_string_list_get_string (self->pair_names, k);

      if (strcmp (name, a) == 0)
        {
          adw_combo_row_set_selected (self->pair_a_row, k);
          found |= 1;
        }
      if (strcmp (name, b) == 0)
        {
          adw_combo_row_set_selected (self->pair_b_row, k);
          found |= 2;
        }
    }
  return found == 3;
}

gboolean
ob_compare_page_set_chart (ObComparePage *self,
                           const char    *chart)
{
  ObGroupChart value;

  g_return_val_if_fail (OB_IS_COMPARE_PAGE (self), FALSE);

  if (!ob_group_chart_from_string (chart, &value))
    return FALSE;
  adw_combo_row_set_selected (self->chart_row, value);
  self->chart_chosen = TRUE;
  return TRUE;
}

char *
ob_compare_page_get_results_text (ObComparePage *self)
{
  g_return_val_if_fail (OB_IS_COMPARE_PAGE (self), NULL);

  ob_compare_page_update (self);
  return self->results != NULL ? ob_compare_results_to_tsv (self->results) : NULL;
}

gboolean
ob_compare_page_export (ObComparePage *self,
                        const char    *path,
                        GError       **error)
{
  ObPlotFormat format;

  g_return_val_if_fail (OB_IS_COMPARE_PAGE (self), FALSE);

  ob_compare_page_update (self);
  if (self->results == NULL)
    {
      g_set_error_literal (error, OB_ERROR, OB_ERROR_NO_DATA,
                           _("There is no comparison to export yet."));
      return FALSE;
    }
  if (!ob_plot_format_from_path (path, &format, error))
    return FALSE;
  return ob_analysis_page_export_titled (OB_ANALYSIS_PAGE (self), format, path,
                                         gtk_spin_button_get_value (self->width_spin),
                                         gtk_spin_button_get_value (self->height_spin),
                                         gtk_spin_button_get_value (self->dpi_spin),
                                         self->results->value_column, ob_group_plot_draw_func,
                                         &self->plot, error);
}


/* ObAnalysisPage */

static gboolean
invalid_value (GError     **error,
               const char  *option,
               const char  *value)
{
  g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG, _("--%s: “%s” is not a valid choice"),
               option, value);
  return FALSE;
}


static int
lookup (const char         *value,
        const char * const *names,
        guint               n_names)
{
  for (guint k = 0; value != NULL && k < n_names; k++)
    if (g_ascii_strcasecmp (value, names[k]) == 0)
      return (int) k;
  return -1;
}

static gboolean
apply_settings (ObComparePage  *self,
                JsonObject     *settings,
                GError        **error)
{
  const char *value;
  ObCompareTest test;
  int index;

  self->building = TRUE;
  /* No second factor is a choice too; a missing value or group keeps the page's guess. */
  if (!ob_compare_page_load_column (self, settings, "value", self->value_row,
                                    self->value_columns, TRUE, error)
      || !ob_compare_page_load_column (self, settings, "group", self->group_row,
                                       self->group_columns, TRUE, error)
      || !ob_compare_page_load_column (self, settings, "factor2", self->factor2_row,
                                       self->factor2_columns, FALSE, error))
    {
      self->building = FALSE;
      return FALSE;
    }

  self->test_chosen = self->posthoc_chosen = self->chart_chosen = FALSE;
  if ((value = ob_compare_page_settings_string (settings, "test")) != NULL)
    {
      if (!ob_compare_test_from_string (value, &test))
        {
          self->building = FALSE;
          return invalid_value (error, "test", value);
        }
      adw_combo_row_set_selected (self->test_row, test);
      self->test_chosen = TRUE;
    }
  if ((value = ob_compare_page_settings_string (settings, "posthoc")) != NULL)
    {
      index = -1;
      for (guint k = 0; k <= OB_POSTHOC_SIDAK; k++)
        if (g_ascii_strcasecmp (value, ob_compare_posthoc_to_string ((ObPosthoc) k)) == 0)
          index = (int) k;
      if (index < 0)
        {
          self->building = FALSE;
          return invalid_value (error, "posthoc", value);
        }
      adw_combo_row_set_selected (self->posthoc_row, (guint) index);
      self->posthoc_chosen = TRUE;
    }
  if ((value = ob_compare_page_settings_string (settings, "chart")) != NULL)
    {
      if ((index = lookup (value, chart_names, G_N_ELEMENTS (chart_names))) < 0)
        {
          self->building = FALSE;
          return invalid_value (error, "chart", value);
        }
      adw_combo_row_set_selected (self->chart_row, (guint) index);
      self->chart_chosen = TRUE;
    }
  value = ob_compare_page_settings_string (settings, "error");
  index = value != NULL ? lookup (value, error_names, G_N_ELEMENTS (error_names)) : 0;
  if (index < 0)
    {
      self->building = FALSE;
      return invalid_value (error, "error", value);
    }
  adw_combo_row_set_selected (self->error_row, (guint) index);
  if (!ob_compare_page_options_load (self, settings, error))
    {
      self->building = FALSE;
      return FALSE;
    }
  gtk_switch_set_active (self->log_switch,
                         json_object_get_boolean_member_with_default (settings, "log", FALSE));
  adw_combo_row_set_selected (self->p_format_row,
                              json_object_get_boolean_member_with_default (settings, "exact-p",
                                                                           FALSE) ? 1 : 0);
  gtk_switch_set_active (self->show_ns_switch,
                         json_object_get_boolean_member_with_default (settings, "show-ns", FALSE));
  gtk_string_list_splice (self->pair_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->pair_names)), NULL);
  self->building = FALSE;

  /* The pair is chosen among the groups the columns give. */
  ob_compare_page_recompute (self);
  if ((value = ob_compare_page_settings_string (settings, "pair")) != NULL)
    {
      g_auto(GStrv) names = g_strsplit (value, ",", 2);

      if (g_strv_length (names) != 2
          || !ob_compare_page_set_pair (self, g_strstrip (names[0]), g_strstrip (names[1])))
        return invalid_value (error, "pair", value);
    }
  ob_compare_page_recompute (self);
  return TRUE;
}

static const char *
compare_get_kind (ObAnalysisPage *page)
{
  return "compare";
}

static ObDataset *
compare_get_dataset (ObAnalysisPage *page)
{
  return OB_COMPARE_PAGE (page)->dataset;
}

static const ObColumn *
selected (ObComparePage *self,
          AdwComboRow   *row,
          GArray        *columns)
{
  guint k = adw_combo_row_get_selected (row);
  guint c;

  if (k >= columns->len || (c = g_array_index (columns, guint, k)) == G_MAXUINT)
    return NULL;
  return ob_dataset_get_column (self->dataset, c);
}

static JsonObject *
compare_save_settings (ObAnalysisPage *page)
{
  ObComparePage *self = OB_COMPARE_PAGE (page);
  JsonObject *settings = json_object_new ();
  const ObColumn *value = selected (self, self->value_row, self->value_columns);
  const ObColumn *group = selected (self, self->group_row, self->group_columns);
  const ObColumn *factor2 = selected (self, self->factor2_row, self->factor2_columns);
  guint test = adw_combo_row_get_selected (self->test_row);
  guint error = adw_combo_row_get_selected (self->error_row);

  if (value != NULL)
    json_object_set_string_member (settings, "value", value->name);
  if (group != NULL)
    json_object_set_string_member (settings, "group", group->name);
  if (factor2 != NULL)
    json_object_set_string_member (settings, "factor2", factor2->name);
  /* A test left to the page follows the groups, as the command line's default does. */
  if (self->test_chosen && test < OB_COMPARE_N_TESTS)
    json_object_set_string_member (settings, "test",
                                   ob_compare_test_to_string ((ObCompareTest) test));
  if (self->posthoc_chosen)
    json_object_set_string_member (settings, "posthoc",
                                   ob_compare_posthoc_to_string (
                                     (ObPosthoc) MIN (adw_combo_row_get_selected (
                                                        self->posthoc_row), OB_POSTHOC_SIDAK)));
  if (gtk_widget_get_visible (GTK_WIDGET (self->pair_a_row)))
    {
      guint a = adw_combo_row_get_selected (self->pair_a_row);
      guint b = adw_combo_row_get_selected (self->pair_b_row);
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->pair_names));

      if (a < n && b < n)
        {
          g_autofree char *pair = g_strdup_printf (
            "%s,%s", gtk_string_list_get_string (self->pair_names, a),
            gtk_string_list_get_string (self->pair_names, b));

          json_object_set_string_member (settings, "pair", pair);
        }
    }
  if (self->chart_chosen)
    json_object_set_string_member (settings, "chart",
                                   chart_names[MIN (adw_combo_row_get_selected (self->chart_row),
                                                    G_N_ELEMENTS (chart_names) - 1)]);
  if (error > 0 && error < G_N_ELEMENTS (error_names))
    json_object_set_string_member (settings, "error", error_names[error]);
  if (gtk_switch_get_active (self->log_switch))
    json_object_set_boolean_member (settings, "log", TRUE);
  if (adw_combo_row_get_selected (self->p_format_row) == 1)
    json_object_set_boolean_member (settings, "exact-p", TRUE);
  if (gtk_switch_get_active (self->show_ns_switch))
    json_object_set_boolean_member (settings, "show-ns", TRUE);
  ob_compare_page_options_save (self, settings);
  return settings;
}

static gboolean
compare_load_settings (ObAnalysisPage  *page,
                       JsonObject      *settings,
                       GError         **error)
{
  ObComparePage *self = OB_COMPARE_PAGE (page);
  g_autoptr(JsonObject) before = compare_save_settings (page);
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
compare_has_figure (ObAnalysisPage *page)
{
  ObComparePage *self = OB_COMPARE_PAGE (page);

  ob_compare_page_update (self);
  return self->results != NULL;
}

static void
compare_draw_figure (ObAnalysisPage    *page,
                     cairo_t           *cr,
                     double             width_pt,
                     double             height_pt,
                     const ObPlotStyle *style)
{
  ObComparePage *self = OB_COMPARE_PAGE (page);
  ObGroupPlot plot;

  ob_compare_page_update (self);
  if (self->results == NULL)
    return;
  plot = self->plot;
  plot.plot_style = *style;
  ob_group_plot_render (cr, width_pt, height_pt, &plot);
}

static void
compare_get_figure_size (ObAnalysisPage *page,
                         double         *width_mm,
                         double         *height_mm,
                         double         *dpi)
{
  ObComparePage *self = OB_COMPARE_PAGE (page);

  *width_mm = gtk_spin_button_get_value (self->width_spin);
  *height_mm = gtk_spin_button_get_value (self->height_spin);
  *dpi = gtk_spin_button_get_value (self->dpi_spin);
}

static void
compare_set_figure_size (ObAnalysisPage *page,
                         double          width_mm,
                         double          height_mm,
                         double          dpi)
{
  ObComparePage *self = OB_COMPARE_PAGE (page);

  gtk_spin_button_set_value (self->width_spin, width_mm);
  gtk_spin_button_set_value (self->height_spin, height_mm);
  gtk_spin_button_set_value (self->dpi_spin, dpi);
}

static char *
compare_get_results_text (ObAnalysisPage *page)
{
  return ob_compare_page_get_results_text (OB_COMPARE_PAGE (page));
}

static char *
compare_get_methods_text (ObAnalysisPage *page)
{
  ObComparePage *self = OB_COMPARE_PAGE (page);

  ob_compare_page_update (self);
  return self->results != NULL ? ob_compare_results_methods (self->results) : NULL;
}

static char *
compare_get_results_sentence (ObAnalysisPage *page)
{
  ObComparePage *self = OB_COMPARE_PAGE (page);

  ob_compare_page_update (self);
  return self->results != NULL ? ob_compare_results_sentence (self->results) : NULL;
}

static gboolean
index_to_active (GBinding     *binding,
                 const GValue *from,
                 GValue       *to,
                 gpointer      user_data)
{
  g_value_set_boolean (to, g_value_get_uint (from) == 1);
  return TRUE;
}

static gboolean
active_to_index (GBinding     *binding,
                 const GValue *from,
                 GValue       *to,
                 gpointer      user_data)
{
  g_value_set_uint (to, g_value_get_boolean (from) ? 1 : 0);
  return TRUE;
}

static GtkWidget *
add_drop_down (GtkWidget   *box,
               AdwComboRow *row,
               const char  *label)
{
  /* The drop-down takes a reference it does not add. */
  GtkWidget *drop_down = gtk_drop_down_new (g_object_ref (adw_combo_row_get_model (row)), NULL);

  g_object_bind_property (row, "selected", drop_down, "selected",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  gtk_widget_set_tooltip_text (drop_down, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label, -1);
  gtk_box_append (GTK_BOX (box), drop_down);
  return drop_down;
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

/* What a lab meeting asks to see differently: the kind of chart, its error bars, exact p
 * or stars, the non-significant pairs, a log axis.  Each works the page's own setting. */
static GtkWidget *
compare_create_live_controls (ObAnalysisPage *page)
{
  ObComparePage *self = OB_COMPARE_PAGE (page);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *exact = gtk_toggle_button_new_with_label (_("Exact p"));

  add_drop_down (box, self->chart_row, _("Chart"));
  add_drop_down (box, self->error_row, _("Error bars"));
  g_object_bind_property_full (self->p_format_row, "selected", exact, "active",
                               G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL,
                               index_to_active, active_to_index, NULL, NULL);
  gtk_box_append (GTK_BOX (box), exact);
  add_toggle (box, self->show_ns_switch, _("Show n.s."));
  add_toggle (box, self->log_switch, _("Log Axis"));
  return box;
}

void
ob_compare_page_analysis_page_init (ObAnalysisPageInterface *iface)
{
  iface->get_kind = compare_get_kind;
  iface->get_dataset = compare_get_dataset;
  iface->save_settings = compare_save_settings;
  iface->load_settings = compare_load_settings;
  iface->has_figure = compare_has_figure;
  iface->draw_figure = compare_draw_figure;
  iface->get_figure_size = compare_get_figure_size;
  iface->set_figure_size = compare_set_figure_size;
  iface->get_results_text = compare_get_results_text;
  iface->get_methods_text = compare_get_methods_text;
  iface->get_results_sentence = compare_get_results_sentence;
  iface->create_live_controls = compare_create_live_controls;
}
