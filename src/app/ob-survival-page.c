/* ob-survival-page.c: Kaplan–Meier, survival tests and Cox regression for one dataset
 *
 * Settings on the left, the figure in the middle, the numbers on the right.  Every change
 * recomputes at once: survival statistics on a cohort take well under a frame.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-app"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "ob-plot-export.h"
#include "ob-survival-page-private.h"

G_DEFINE_FINAL_TYPE_WITH_CODE (ObSurvivalPage, ob_survival_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (OB_TYPE_ANALYSIS_PAGE,
                                                      ob_survival_page_analysis_page_init))

static const ObCiTransform ci_transforms[] = { OB_CI_LOG_LOG, OB_CI_LOG, OB_CI_PLAIN };
static const ObSurvTestMethod test_methods[] = {
  OB_SURV_TEST_LOGRANK, OB_SURV_TEST_PETO, OB_SURV_TEST_GEHAN, OB_SURV_TEST_TARONE_WARE,
};
static const ObKmRiskTable risk_tables[] = {
  OB_KM_RISK_TABLE_NONE, OB_KM_RISK_TABLE_CLASSIC, OB_KM_RISK_TABLE_KMUNICATE,
};

/* Helpers */

static guint
combo_index (AdwComboRow *row,
             guint        n)
{
  guint selected = adw_combo_row_get_selected (row);

  return selected < n ? selected : 0;
}

static void
show_message (ObSurvivalPage *self,
              const char     *title,
              const char     *description)
{
  g_clear_pointer (&self->layout, ob_km_layout_free);
  g_clear_pointer (&self->results, ob_survival_results_free);
  memset (&self->plot, 0, sizeof self->plot);
  adw_status_page_set_title (self->message_page, title);
  adw_status_page_set_description (self->message_page, description);
  gtk_stack_set_visible_child_name (self->figure_stack, "message");
  ob_survival_results_clear (self->results_box);
  gtk_label_set_text (self->title_label, "");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "survival.copy", FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_as_button), FALSE);
}

static void
setup_plot (ObSurvivalPage *self)
{
  const ObSurvivalResults *results = self->results;
  ObKmPlotStyle *style = &self->plot.style;
  guint n_groups_terms = results->data->n_groups > 0 ? results->data->n_groups - 1 : 0;
  const ObColumn *group = ob_survival_page_selected_column (self, self->group_row,
                                                            self->group_columns);

  ob_km_plot_style_init (style);
  self->plot.fit = results->fit;
  self->plot.test = results->test;
  /* The figure's hazard ratio is the unadjusted one; adjusted models belong in the table. */
  self->plot.cox = results->cox != NULL && results->cox->n_terms == n_groups_terms
                   ? results->cox : NULL;
  style->show_ci = gtk_switch_get_active (self->ci_bands_switch);
  style->risk_table = risk_tables[combo_index (self->risk_table_row,
                                               G_N_ELEMENTS (risk_tables))];
  style->time_unit = results->time_unit;
  style->hidden_groups = self->hidden_groups;
  /* Interned: the figure may outlive the dataset's columns when the file is read again. */
  style->group_label = results->data->n_groups > 1 && group != NULL
                       ? g_intern_string (group->name) : NULL;
}

static void
install_results (ObSurvivalPage    *self,
                 ObSurvivalResults *results)
{
  const ObColumn *time = ob_survival_page_selected_column (self, self->time_row,
                                                           self->time_columns);
  const ObColumn *group = ob_survival_page_selected_column (self, self->group_row,
                                                            self->group_columns);
  g_autofree char *title = NULL;

  /* The layout points into the old results. */
  g_clear_pointer (&self->layout, ob_km_layout_free);
  g_clear_pointer (&self->results, ob_survival_results_free);
  self->results = results;

  setup_plot (self);
  ob_survival_results_show (results, self->results_box);
  ob_survival_page_show_words (self);

  if (group != NULL)
    title = g_strdup_printf (_("%s by %s · n = %zu"), time->name, group->name, results->data->n);
  else
    title = g_strdup_printf (_("%s · n = %zu"), time->name, results->data->n);
  gtk_label_set_text (self->title_label, title);
  {
    g_autofree char *description = g_strdup_printf (
      g_dngettext (GETTEXT_PACKAGE, "Kaplan–Meier curve of %u group",
                   "Kaplan–Meier curves of %u groups", results->fit->n_curves),
      (guint) results->fit->n_curves);

    gtk_accessible_update_property (GTK_ACCESSIBLE (self->plot_view),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  }
  gtk_stack_set_visible_child_name (self->figure_stack, "figure");
  gtk_widget_set_visible (GTK_WIDGET (self->show_all_button), self->hidden_groups != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "survival.copy", TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_as_button), TRUE);
  gtk_widget_queue_draw (GTK_WIDGET (self->plot_view));
  ob_survival_page_start_cox (self);
}

static void
compute_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;
  ObSurvivalResults *results = ob_survival_job_run (task_data, &error);

  if (results == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, results, (GDestroyNotify) ob_survival_results_free);
}

static void
compute_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  ObSurvivalPage *self = OB_SURVIVAL_PAGE (object);
  g_autoptr(GError) error = NULL;
  ObSurvivalResults *results = g_task_propagate_pointer (G_TASK (result), &error);

  /* A newer computation replaced this one; its result is the one to show. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  gtk_widget_set_opacity (GTK_WIDGET (self->plot_view), 1.0);
  if (results == NULL)
    show_message (self, _("No Survival Curve"), error->message);
  else
    install_results (self, results);
}

/* Large cohorts are computed in a thread; the last figure stays, dimmed, until the new
 * one is ready.  Below this the curves take less than a frame (the Cox model follows on
 * its own, ob-survival-page-compute.c), and a thread would cost a dimmed frame more. */
#define THREAD_MIN_ROWS 250000

static void
recompute (ObSurvivalPage *self)
{
  const ObColumn *time = ob_survival_page_selected_column (self, self->time_row,
                                                           self->time_columns);
  const ObColumn *event = ob_survival_page_selected_column (self, self->event_row,
                                                            self->event_columns);
  const ObColumn *group = ob_survival_page_selected_column (self, self->group_row,
                                                            self->group_columns);
  g_autoptr(ObSurvivalJob) job = NULL;
  g_auto(GStrv) event_values = ob_survival_page_event_values (self);
  g_autoptr(GError) error = NULL;
  ObSurvivalResults *results;

  g_clear_handle_id (&self->recompute_id, g_source_remove);
  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
    }

  if (time == NULL)
    {
      show_message (self, _("No Time Column"),
                    _("Survival analysis needs a numeric column with the follow-up time."));
      return;
    }
  if (event == NULL)
    {
      show_message (self, _("No Event Column"),
                    _("Survival analysis needs a column that says whether the event happened, "
                      "such as status or death."));
      return;
    }
  if (event_values == NULL)
    {
      g_autofree char *description =
        g_strdup_printf (_("Choose which values of “%s” mark an event under Event Values."),
                         event->name);

      show_message (self, _("Which Values Are Events?"), description);
      return;
    }

  job = g_new0 (ObSurvivalJob, 1);
  job->dataset = ob_dataset_ref (self->dataset);
  job->time_column = g_strdup (time->name);
  job->event_column = g_strdup (event->name);
  job->group_column = group != NULL ? g_strdup (group->name) : NULL;
  job->event_values = g_steal_pointer (&event_values);
  job->covariates = ob_survival_page_covariates (self);
  job->n_filtered = ob_survival_page_build_mask (self);
  job->mask = g_steal_pointer (&self->mask);
  job->ci = ci_transforms[combo_index (self->ci_row, G_N_ELEMENTS (ci_transforms))];
  job->method = test_methods[combo_index (self->test_row, G_N_ELEMENTS (test_methods))];
  job->conventions = combo_index (self->conventions_row, 2) == 1 ? OB_CONVENTIONS_PRISM
                                                                 : OB_CONVENTIONS_R;
  job->time_unit = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->time_unit_row)));
  job->landmark = gtk_spin_button_get_value (self->landmark_spin);

  if (ob_dataset_get_n_rows (self->dataset) >= THREAD_MIN_ROWS && !self->synchronous)
    {
      g_autoptr(GTask) task = NULL;

      self->cancellable = g_cancellable_new ();
      task = g_task_new (self, self->cancellable, compute_done_cb, NULL);
      g_task_set_return_on_cancel (task, TRUE);
      g_task_set_task_data (task, g_steal_pointer (&job), (GDestroyNotify) ob_survival_job_free);
      g_task_run_in_thread (task, compute_thread);
      gtk_widget_set_opacity (GTK_WIDGET (self->plot_view), 0.5);
      return;
    }

  results = ob_survival_job_run (job, &error);
  if (results == NULL)
    show_message (self, _("No Survival Curve"), error->message);
  else
    install_results (self, results);
}

static gboolean
recompute_idle_cb (gpointer user_data)
{
  ObSurvivalPage *self = user_data;

  self->recompute_id = 0;
  recompute (self);
  return G_SOURCE_REMOVE;
}

/* Room around the preview, in pixels. */
#define PREVIEW_MARGIN 12.0

/* The view shows the figure as it will be exported: laid out at the export size in points,
 * then scaled to fit and centred, so the legend, the annotation and the table fall where
 * they will on paper. */
static ObKmLayout *
ensure_layout (ObSurvivalPage *self,
               double          width,
               double          height)
{
  double export_width = OB_MM_TO_PT (gtk_spin_button_get_value (self->width_spin));
  double export_height = OB_MM_TO_PT (gtk_spin_button_get_value (self->height_spin));
  double scale;

  if (self->results == NULL)
    return NULL;

  scale = MIN (MAX (width - 2 * PREVIEW_MARGIN, 1) / export_width,
               MAX (height - 2 * PREVIEW_MARGIN, 1) / export_height);
  self->layout_scale = scale;
  self->layout_dx = floor ((width - export_width * scale) / 2);
  self->layout_dy = floor ((height - export_height * scale) / 2);

  if (self->layout != NULL && fabs (self->layout->width - export_width) < 1e-9
      && fabs (self->layout->height - export_height) < 1e-9)
    return self->layout;

  g_clear_pointer (&self->layout, ob_km_layout_free);
  self->layout = ob_km_plot_layout (&self->plot, export_width, export_height);
  return self->layout;
}

static void
draw_figure_cb (cairo_t *cr,
                double   width,
                double   height,
                gpointer user_data)
{
  ObSurvivalPage *self = user_data;
  ObKmLayout *layout = ensure_layout (self, width, height);
  double grey = adw_style_manager_get_dark (adw_style_manager_get_default ()) ? 0.22 : 0.88;
  double paper_width, paper_height;

  if (layout == NULL)
    return;

  /* A sheet of paper on the desk, as in a print preview. */
  paper_width = layout->width * self->layout_scale;
  paper_height = layout->height * self->layout_scale;
  cairo_set_source_rgb (cr, grey, grey, grey);
  cairo_paint (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.15);
  cairo_rectangle (cr, self->layout_dx + 1, self->layout_dy + 2, paper_width, paper_height);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, self->layout_dx, self->layout_dy, paper_width, paper_height);
  cairo_fill (cr);

  cairo_translate (cr, self->layout_dx, self->layout_dy);
  cairo_scale (cr, self->layout_scale, self->layout_scale);
  ob_km_plot_render_layout (cr, layout);
}

static char *
figure_tooltip_cb (double   x,
                   double   y,
                   double   width,
                   double   height,
                   gpointer user_data)
{
  ObSurvivalPage *self = user_data;
  ObKmLayout *layout = ensure_layout (self, width, height);
  const char *unit;
  g_autofree char *name = NULL;
  g_autofree char *time = NULL;
  g_autofree char *escaped_time = NULL;
  ObKmHit hit;

  if (layout == NULL
      || !ob_km_plot_hit_test (layout, (x - self->layout_dx) / self->layout_scale,
                               (y - self->layout_dy) / self->layout_scale, &hit))
    return NULL;

  unit = self->results->time_unit != NULL ? self->results->time_unit : "";
  name = g_markup_escape_text (self->results->fit->curves[hit.curve].name, -1);
  time = *unit != '\0' ? g_strdup_printf ("%.4g %s", hit.time, unit)
                        : g_strdup_printf ("%.4g", hit.time);
  escaped_time = g_markup_escape_text (time, -1);
  if (isfinite (hit.lower) && isfinite (hit.upper))
    return g_strdup_printf (_("<b>%s</b>\nTime %s\nS(t) %.3f (95%% CI %.3f–%.3f)\n"
                              "At risk %zu"),
                            name, escaped_time, hit.surv, hit.lower, hit.upper, hit.n_risk);
  return g_strdup_printf (_("<b>%s</b>\nTime %s\nS(t) %.3f\nAt risk %zu"),
                          name, escaped_time, hit.surv, hit.n_risk);
}

void
ob_survival_page_set_hidden_groups (ObSurvivalPage *self,
                                    guint64         hidden)
{
  self->hidden_groups = hidden;
  self->plot.style.hidden_groups = hidden;
  gtk_widget_set_visible (GTK_WIDGET (self->show_all_button), hidden != 0);
  g_clear_pointer (&self->layout, ob_km_layout_free);
  gtk_widget_queue_draw (GTK_WIDGET (self->plot_view));
}

/* A click on a legend entry hides its curve.  The legend lists the visible curves only, so
 * "Show All Groups" brings hidden ones back. */
static void
figure_clicked_cb (ObSurvivalPage *self,
                   double          x,
                   double          y)
{
  const ObKmLayout *layout = self->layout;
  guint n_curves, n_visible = 0, entry;
  double fx, fy;

  if (layout == NULL || self->results == NULL)
    return;
  if (ob_survival_page_show_rows (self, x, y) || layout->legend.width <= 0)
    return;
  fx = (x - self->layout_dx) / self->layout_scale;
  fy = (y - self->layout_dy) / self->layout_scale;
  if (fx < layout->legend.x || fx > layout->legend.x + layout->legend.width
      || fy < layout->legend.y || fy > layout->legend.y + layout->legend.height)
    return;

  n_curves = MIN (self->results->fit->n_curves, 64);
  for (guint c = 0; c < n_curves; c++)
    n_visible += !(self->hidden_groups & (G_GUINT64_CONSTANT (1) << c));
  if (n_visible < 2)
    return;
  entry = (guint) ((fy - layout->legend.y) / (layout->legend.height / n_visible));
  for (guint c = 0; c < n_curves; c++)
    {
      if (self->hidden_groups & (G_GUINT64_CONSTANT (1) << c))
        continue;
      if (entry-- == 0)
        {
          ob_survival_page_set_hidden_groups (self,
                                              self->hidden_groups | (G_GUINT64_CONSTANT (1) << c));
          return;
        }
    }
}

static void
show_all_clicked_cb (ObSurvivalPage *self)
{
  ob_survival_page_set_hidden_groups (self, 0);
}

static void
figure_setting_changed_cb (ObSurvivalPage *self)
{
  if (!self->building && !self->loading)
    ob_analysis_page_changed (OB_ANALYSIS_PAGE (self));
  if (self->results == NULL)
    return;
  setup_plot (self);
  g_clear_pointer (&self->layout, ob_km_layout_free);
  gtk_widget_queue_draw (GTK_WIDGET (self->plot_view));
}

static void
conventions_changed_cb (GSettings      *settings,
                        const char     *key,
                        ObSurvivalPage *self)
{
  g_autofree char *value = g_settings_get_string (settings, "conventions");

  adw_combo_row_set_selected (self->conventions_row, g_strcmp0 (value, "prism") == 0);
}

/* Choosing conventions after the page is built brings their interval with them, as
 * --conventions does: R's survfit uses log, Prism log-log.  The preferred interval still sets
 * the page's initial transform. */
static void
conventions_row_changed_cb (ObSurvivalPage *self)
{
  ObCiTransform wanted = adw_combo_row_get_selected (self->conventions_row) == 1
                         ? OB_CI_LOG_LOG : OB_CI_LOG;

  for (guint k = 0; k < G_N_ELEMENTS (ci_transforms); k++)
    if (ci_transforms[k] == wanted)
      adw_combo_row_set_selected (self->ci_row, k);
}

static void
copy_results (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ObSurvivalPage *self = OB_SURVIVAL_PAGE (widget);
  g_autofree char *text = ob_survival_page_get_results_text (self);
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
                    ObSurvivalPage  *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_object_unref (dialog);
  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    return;

  /* Without an extension the user most likely wants the vector format journals ask for. */
  if (strchr (strrchr (path, G_DIR_SEPARATOR) != NULL ? strrchr (path, G_DIR_SEPARATOR) : path,
              '.') == NULL)
    {
      char *with_extension = g_strconcat (path, ".pdf", NULL);

      g_free (path);
      path = with_extension;
    }

  if (!ob_survival_page_export (self, path, &error))
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
save_as_clicked_cb (ObSurvivalPage *self)
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
  name = g_strdup_printf ("%s-survival.pdf", stem != NULL ? stem : "figure");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);

  g_signal_connect (native, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* Overrides */

static void
ob_survival_page_dispose (GObject *object)
{
  ObSurvivalPage *self = OB_SURVIVAL_PAGE (object);

  g_clear_handle_id (&self->recompute_id, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->plot_view != NULL)
    ob_plot_view_set_draw_func (self->plot_view, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), OB_TYPE_SURVIVAL_PAGE);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->layout, ob_km_layout_free);
  g_clear_pointer (&self->results, ob_survival_results_free);
  g_clear_pointer ((GtkWidget **) &self->row_popover, gtk_widget_unparent);

  G_OBJECT_CLASS (ob_survival_page_parent_class)->dispose (object);
}

static void
ob_survival_page_finalize (GObject *object)
{
  ObSurvivalPage *self = OB_SURVIVAL_PAGE (object);

  g_clear_pointer (&self->dataset, ob_dataset_unref);
  g_clear_pointer (&self->time_columns, g_array_unref);
  g_clear_pointer (&self->event_columns, g_array_unref);
  g_clear_pointer (&self->group_columns, g_array_unref);
  g_clear_pointer (&self->event_values, g_ptr_array_unref);
  g_clear_pointer (&self->event_checks, g_ptr_array_unref);
  g_clear_pointer (&self->covariate_columns, g_array_unref);
  g_clear_pointer (&self->covariate_rows, g_ptr_array_unref);
  g_clear_pointer (&self->covariate_checks, g_ptr_array_unref);
  g_clear_pointer (&self->filters, g_ptr_array_unref);
  g_clear_pointer (&self->distinct, g_ptr_array_unref);
  g_clear_pointer (&self->distinct_done, g_free);
  g_clear_pointer (&self->mask, g_free);
  g_clear_pointer (&self->guessed_unit, g_free);
  g_clear_pointer (&self->exclusions, g_ptr_array_unref);
  g_clear_pointer (&self->id_name, g_free);

  G_OBJECT_CLASS (ob_survival_page_parent_class)->finalize (object);
}

static void
ob_survival_page_class_init (ObSurvivalPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ob_survival_page_dispose;
  object_class->finalize = ob_survival_page_finalize;

  g_type_ensure (OB_TYPE_PLOT_VIEW);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/oncobench/Oncobench/ob-survival-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ObSurvivalPage, time_row);
  gtk_widget_class_bind_template_child (widget_class, ObSurvivalPage, event_row);
  gtk_widget_class_bind_template_child (widget_class, ObSurvivalPage, event_values_row);
  gtk_widget_class_bind_template_child (widget_class, ObSurvivalPage, group_row);
  gtk_widget_class_bind_template_child (widget_class, ObSurvivalPage, covariates_row);
  gtk_widget_class_bind_template_child (widget_class, ObSurvivalPage, ci_row);
  gtk_widget_class_bind_template_child (widget_class, ObSurvivalPage, test_row);
  gtk_widget_class_bind_template_child (widget_class, ObSurvivalPage, conventions_row);
  gtk_widget_class_bind_template_child (widget_class, ObSurvivalPage, landmark_spin);
  gtk_widget_class_bind_template_child (widget_class, ObSurvivalPage, risk_table_row);
  gtk_widget_class_bind_template_child (widget_class, ObSurvivalPage, ci_bands_switch);
  gtk_widget_class_bind_template_child (widget_class, ObSurvivalPage, time_unit_row);
  gtk_widget_class_bind_template_child (widget_class, ObSurvivalPage, filters_group);
  gtk_widget_class_bind_template_child (widget_class, ObSurvivalPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, ObSurvivalPage, show_all_button);
  gtk_widget_class_bind_template_child (widget_class, ObSurvivalPage, export_popover);
  gtk_widget_class_bind_template_child (widget_class, ObSurvivalPage, width_spin);
  gtk_widget_class_bind_template_child (widget_class, ObSurvivalPage, height_spin);
  gtk_widget_class_bind_template_child (widget_class, ObSurvivalPage, dpi_spin);
  gtk_widget_class_bind_template_child (widget_class, ObSurvivalPage, save_as_button);
  gtk_widget_class_bind_template_child (widget_class, ObSurvivalPage, figure_stack);
  gtk_widget_class_bind_template_child (widget_class, ObSurvivalPage, plot_view);
  gtk_widget_class_bind_template_child (widget_class, ObSurvivalPage, message_page);
  gtk_widget_class_bind_template_child (widget_class, ObSurvivalPage, results_box);

  gtk_widget_class_install_action (widget_class, "survival.copy", NULL, copy_results);
}

static void
ob_survival_page_init (ObSurvivalPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->time_columns = g_array_new (FALSE, FALSE, sizeof (guint));
  self->event_columns = g_array_new (FALSE, FALSE, sizeof (guint));
  self->group_columns = g_array_new (FALSE, FALSE, sizeof (guint));
  self->event_values = g_ptr_array_new_with_free_func (g_free);
  self->event_checks = g_ptr_array_new ();
  self->covariate_columns = g_array_new (FALSE, FALSE, sizeof (guint));
  self->covariate_rows = g_ptr_array_new ();
  self->covariate_checks = g_ptr_array_new ();
  self->filters = g_ptr_array_new_with_free_func (ob_survival_page_filter_free);
  self->layout_scale = 1.0;

  gtk_switch_set_active (self->ci_bands_switch, TRUE);
  adw_combo_row_set_selected (self->risk_table_row, 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "survival.copy", FALSE);

  ob_plot_view_set_draw_func (self->plot_view, draw_figure_cb, self, NULL);
  ob_plot_view_set_tooltip_func (self->plot_view, figure_tooltip_cb, self, NULL);
  g_signal_connect_swapped (self->plot_view, "clicked", G_CALLBACK (figure_clicked_cb), self);
  g_signal_connect_swapped (self->save_as_button, "clicked", G_CALLBACK (save_as_clicked_cb),
                            self);
  g_signal_connect_swapped (self->show_all_button, "clicked", G_CALLBACK (show_all_clicked_cb),
                            self);
}

/* The shared preferences give the defaults; without the installed schema (a test, a build
 * tree) the built-in ones stand. */
static void
apply_settings (ObSurvivalPage *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autofree char *ci = NULL;
  ObCiTransform transform;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL)
    return;

  self->settings = g_settings_new (APPLICATION_ID);
  ci = g_settings_get_string (self->settings, "ci-transform");
  if (ob_ci_transform_from_string (ci, &transform))
    for (guint k = 0; k < G_N_ELEMENTS (ci_transforms); k++)
      if (ci_transforms[k] == transform)
        adw_combo_row_set_selected (self->ci_row, k);
  conventions_changed_cb (self->settings, "conventions", self);
  g_signal_connect_object (self->settings, "changed::conventions",
                           G_CALLBACK (conventions_changed_cb), self, 0);
}

/* Public */

/* The page keeps a reference to @dataset. */
GtkWidget *
ob_survival_page_new (ObDataset *dataset)
{
  ObSurvivalPage *self;

  g_return_val_if_fail (dataset != NULL, NULL);

  self = g_object_new (OB_TYPE_SURVIVAL_PAGE, NULL);
  self->dataset = ob_dataset_ref (dataset);

  apply_settings (self);
  ob_survival_page_build_settings (self);

  g_signal_connect_swapped (self->ci_row, "notify::selected",
                            G_CALLBACK (ob_survival_page_schedule_recompute), self);
  g_signal_connect_swapped (self->test_row, "notify::selected",
                            G_CALLBACK (ob_survival_page_schedule_recompute), self);
  g_signal_connect_swapped (self->conventions_row, "notify::selected",
                            G_CALLBACK (conventions_row_changed_cb), self);
  g_signal_connect_swapped (self->conventions_row, "notify::selected",
                            G_CALLBACK (ob_survival_page_schedule_recompute), self);
  g_signal_connect_swapped (self->landmark_spin, "value-changed",
                            G_CALLBACK (ob_survival_page_schedule_recompute), self);
  g_signal_connect_swapped (self->time_unit_row, "changed",
                            G_CALLBACK (ob_survival_page_schedule_recompute), self);
  g_signal_connect_swapped (self->risk_table_row, "notify::selected",
                            G_CALLBACK (figure_setting_changed_cb), self);
  g_signal_connect_swapped (self->ci_bands_switch, "notify::active",
                            G_CALLBACK (figure_setting_changed_cb), self);
  g_signal_connect_swapped (self->width_spin, "value-changed",
                            G_CALLBACK (figure_setting_changed_cb), self);
  g_signal_connect_swapped (self->height_spin, "value-changed",
                            G_CALLBACK (figure_setting_changed_cb), self);

  recompute (self);
  return GTK_WIDGET (self);
}

void
ob_survival_page_schedule_recompute (ObSurvivalPage *self)
{
  if (!self->building && !self->loading && self->dataset != NULL)
    ob_analysis_page_changed (OB_ANALYSIS_PAGE (self));
  if (self->building || self->dataset == NULL || self->recompute_id != 0)
    return;
  /* Above redraw priority, so the new figure is drawn in the frame after the change. */
  self->recompute_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, recompute_idle_cb, self, NULL);
}

void
ob_survival_page_update (ObSurvivalPage *self)
{
  g_return_if_fail (OB_IS_SURVIVAL_PAGE (self));

  if (self->recompute_id != 0 || self->cancellable != NULL)
    {
      self->synchronous = TRUE;
      recompute (self);
      self->synchronous = FALSE;
    }
}

const ObKmFit *
ob_survival_page_get_fit (ObSurvivalPage *self)
{
  g_return_val_if_fail (OB_IS_SURVIVAL_PAGE (self), NULL);

  return self->results != NULL ? self->results->fit : NULL;
}

char *
ob_survival_page_get_results_text (ObSurvivalPage *self)
{
  g_return_val_if_fail (OB_IS_SURVIVAL_PAGE (self), NULL);

  return self->results != NULL ? ob_survival_results_to_tsv (self->results) : NULL;
}

gboolean
ob_survival_page_set_group_column (ObSurvivalPage *self,
                                   const char     *name)
{
  g_return_val_if_fail (OB_IS_SURVIVAL_PAGE (self), FALSE);

  for (guint k = 0; k < self->group_columns->len; k++)
    {
      guint column = g_array_index (self->group_columns, guint, k);
      gboolean match = name == NULL
                       ? column == G_MAXUINT
                       : column != G_MAXUINT
                         && strcmp (ob_dataset_get_column (self->dataset, column)->name, name) == 0;

      if (match)
        {
          adw_combo_row_set_selected (self->group_row, k);
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
ob_survival_page_export (ObSurvivalPage *self,
                         const char     *path,
                         GError        **error)
{
  ObPlotFormat format;
  const ObColumn *time;

  g_return_val_if_fail (OB_IS_SURVIVAL_PAGE (self), FALSE);

  if (self->results == NULL)
    {
      g_set_error_literal (error, OB_ERROR, OB_ERROR_NO_DATA,
                           _("There is no survival curve to export yet."));
      return FALSE;
    }
  if (!ob_plot_format_from_path (path, &format, error))
    return FALSE;

  time = ob_survival_page_selected_column (self, self->time_row, self->time_columns);
  return ob_analysis_page_export_titled (OB_ANALYSIS_PAGE (self), format, path,
                                         gtk_spin_button_get_value (self->width_spin),
                                         gtk_spin_button_get_value (self->height_spin),
                                         gtk_spin_button_get_value (self->dpi_spin),
                                         time != NULL ? time->name : NULL,
                                         ob_km_plot_draw_func, &self->plot, error);
}
