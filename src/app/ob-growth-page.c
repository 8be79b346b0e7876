/* ob-growth-page.c: a tumour growth study — curves, %TGI, rates, longitudinal tests
 *
 * Settings on the left; the figure in the middle; the results below.  A click on a mouse's
 * trace (or its waterfall bar) shows its values and offers to leave it out, with a reason,
 * and everything is recomputed.  Large studies are analysed in a thread; the last figure
 * stays, dimmed, until the new one is ready.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-app"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "ob-growth-page-private.h"

G_DEFINE_FINAL_TYPE_WITH_CODE (ObGrowthPage, ob_growth_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (OB_TYPE_ANALYSIS_PAGE,
                                                      ob_growth_page_analysis_page_init))

const char * const ob_growth_role_options[OB_GROWTH_N_ROLES] = {
  "subject", "group", "time", "volume", "length", "width", "weight", "flux",
  "endpoint-time", "endpoint-event",
};

static const char * const role_titles[OB_GROWTH_N_ROLES] = {
  N_("Mouse"), N_("Arm"), N_("Day"), N_("Volume"), N_("Caliper Length"), N_("Caliper Width"),
  N_("Body Weight"), N_("Photon Flux"), N_("Endpoint Day"), N_("Endpoint Reached"),
};

/* Names a column is found by: the usual spellings of caliper and imaging sheets. */
static const char * const role_patterns[OB_GROWTH_N_ROLES] = {
  "^(mouse|subject|animal|id|mouse_?id|animal_?id|ear_?tag)$",
  "^(arm|group|treatment|cohort)$",
  "^(day|days|time|date)$",
  "^(volume|vol|tumou?r_?volume)(_?mm3)?$",
  "^(length|l|long)(_?mm)?$",
  "^(width|w|short)(_?mm)?$",
  "^(weight|body_?weight|bw)(_?g)?$",
  "^(flux|total_?flux|photons?|bli)",
  "^(death_?day|endpoint_?day|euthanasia_?day|endpoint_?time)$",
  "^(event|status|death|dead|endpoint_?event)$",
};

/* Large studies are analysed in a thread. */
#define THREAD_MIN_ROWS 50000

/* Helpers */

void
ob_growth_exclusion_free (gpointer data)
{
  ObGrowthExclusion *exclusion = data;

  g_free (exclusion->id);
  g_free (exclusion->reason);
  g_free (exclusion);
}

const char *
ob_growth_page_role_column (ObGrowthPage *self,
                            ObGrowthRole  role)
{
  guint k = adw_combo_row_get_selected (self->column_rows[role]);
  guint n = ob_dataset_get_n_columns (self->dataset);

  /* Position 0 is "None". */
  if (k == 0 || k > n)
    return NULL;
  return ob_dataset_get_column (self->dataset, k - 1)->name;
}

guint
ob_growth_page_get_chart (ObGrowthPage *self)
{
  return MIN (adw_combo_row_get_selected (self->chart_row), OB_GROWTH_PAGE_CHART_ENDPOINT);
}

int
ob_growth_page_find_exclusion (ObGrowthPage *self,
                               const char   *id)
{
  for (guint i = 0; i < self->exclusions->len; i++)
    if (g_strcmp0 (((ObGrowthExclusion *) g_ptr_array_index (self->exclusions, i))->id,
                   id) == 0)
      return (int) i;
  return -1;
}

void
ob_growth_page_notify_changed (ObGrowthPage *self)
{
  if (!self->building && !self->loading && self->dataset != NULL)
    ob_analysis_page_changed (OB_ANALYSIS_PAGE (self));
}

static void
build_column_rows (ObGrowthPage *self)
{
  guint n_columns = ob_dataset_get_n_columns (self->dataset);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint8 *taken = g_new0 (guint8, n_columns + 1);

  gtk_string_list_append (names, _("None"));
  for (guint c = 0; c < n_columns; c++)
    gtk_string_list_append (names, ob_dataset_get_column (self->dataset, c)->name);

  for (guint role = 0; role < OB_GROWTH_N_ROLES; role++)
    {
      AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());
      guint chosen = 0;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(role_titles[role]));
      adw_combo_row_set_model (row, G_LIST_MODEL (names));
      for (guint c = 0; c < n_columns && chosen == 0; c++)
        if (!taken[c] && g_regex_match_simple (role_patterns[role],
                                               ob_dataset_get_column (self->dataset, c)->name,
                                               G_REGEX_CASELESS, 0))
          chosen = c + 1;
      if (chosen > 0)
        taken[chosen - 1] = 1;
      adw_combo_row_set_selected (row, chosen);
      self->default_columns[role] = chosen;
      adw_preferences_group_add (self->columns_group, GTK_WIDGET (row));
      self->column_rows[role] = row;
      /* The formula reads with the calipers it applies to. */
      if (role == OB_GROWTH_ROLE_WIDTH)
        {
          g_object_ref (self->formula_row);
          adw_preferences_group_remove (self->columns_group, GTK_WIDGET (self->formula_row));
          adw_preferences_group_add (self->columns_group, GTK_WIDGET (self->formula_row));
          g_object_unref (self->formula_row);
        }
    }
  g_free (taken);
}

void
ob_growth_page_clear_figure (ObGrowthPage *self)
{
  g_clear_pointer (&self->layout, ob_growth_layout_free);
  g_clear_pointer (&self->figure_data, ob_growth_data_free);
  memset (&self->plot, 0, sizeof self->plot);
  memset (&self->km_plot, 0, sizeof self->km_plot);
}

void
ob_growth_page_show_message (ObGrowthPage *self,
                             const char   *title,
                             const char   *description)
{
  ob_growth_page_clear_figure (self);
  adw_status_page_set_title (self->message_page, title);
  adw_status_page_set_description (self->message_page, description);
  gtk_stack_set_visible_child_name (self->figure_stack, "message");
  gtk_label_set_text (self->title_label, "");
}

/* The arm lists of the control and TGI drop-downs follow the study read. */
static void
fill_choices (ObGrowthPage *self)
{
  const ObGrowthResults *r = self->results;
  g_autoptr(GStrvBuilder) arms = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) days = g_strv_builder_new ();
  g_auto(GStrv) arm_names = NULL;
  g_auto(GStrv) day_names = NULL;
  g_autofree char *automatic_arm = NULL;
  g_autofree char *tgi_subtitle = NULL;
  guint control = 0, tgi = 0;
  gboolean was_building = self->building;

  if (r != NULL)
    automatic_arm = g_strdup_printf (_("Automatic (%s)"),
                                     self->control == NULL
                                     ? r->study->arm_names[r->study->control]
                                     : _("vehicle, control…"));
  else
    automatic_arm = g_strdup (_("Automatic"));
  g_strv_builder_add (arms, automatic_arm);
  /* The default day is shown: definitions of the TGI day differ between tools. */
  if (r != NULL && r->tgi != NULL && r->tgi->default_time)
    tgi_subtitle = g_strdup_printf (_("Automatic: day %g, the last day with every mouse"),
                                    r->tgi->time);
  else
    tgi_subtitle = g_strdup (_("Automatic: the last day with every mouse"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->tgi_row), tgi_subtitle);
  g_strv_builder_add (days, _("Automatic"));
  g_array_set_size (self->days, 0);
  for (guint a = 0; r != NULL && a < r->study->n_arms; a++)
    {
      g_strv_builder_add (arms, r->study->arm_names[a]);
      if (g_strcmp0 (self->control, r->study->arm_names[a]) == 0)
        control = a + 1;
    }
  for (guint d = 0; r != NULL && d < r->study->n_days; d++)
    {
      g_autofree char *name = g_strdup_printf (_("Day %g"), r->study->days[d]);

      g_strv_builder_add (days, name);
      g_array_append_val (self->days, r->study->days[d]);
      if (r->study->days[d] == self->tgi_day)
        tgi = d + 1;
    }
  arm_names = g_strv_builder_end (arms);
  day_names = g_strv_builder_end (days);
  self->building = TRUE;
  gtk_string_list_splice (self->arm_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->arm_names)),
                          (const char * const *) arm_names);
  gtk_string_list_splice (self->day_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->day_names)),
                          (const char * const *) day_names);
  adw_combo_row_set_selected (self->control_row, control);
  adw_combo_row_set_selected (self->tgi_row, tgi);
  self->building = was_building;
}

static void
install_results (ObGrowthPage    *self,
                 ObGrowthResults *results)
{
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  const ObGrowthStudy *study = results->study;
  guint n_kept = 0;

  g_clear_pointer (&self->results, ob_growth_results_free);
  self->results = results;
  /* Without a chart chosen, show what the data hold. */
  if (!self->chart_chosen)
    {
      guint chart = study->has_volume ? OB_GROWTH_CHART_CURVES
                    : study->has_flux ? OB_GROWTH_CHART_FLUX
                    : study->has_weight ? OB_GROWTH_CHART_WEIGHT : OB_GROWTH_CHART_CURVES;
      gboolean was_building = self->building;

      self->building = TRUE;
      adw_combo_row_set_selected (self->chart_row, chart);
      self->building = was_building;
    }
  fill_choices (self);
  for (guint m = 0; m < study->n_mice; m++)
    n_kept += study->excluded[m] ? 0 : 1;
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u mouse in %u arms · control %s",
                                        "%u mice in %u arms · control %s", n_kept),
                           n_kept, study->n_arms, study->arm_names[study->control]);
  gtk_label_set_text (self->title_label, title);
  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Growth of %u arm over time",
                                              "Growth of %u arms over time", study->n_arms),
                                 study->n_arms);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->plot_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "growth.copy", TRUE);
  ob_growth_page_setup_figure (self);
  ob_growth_results_show (self);
}

static void
install_error (ObGrowthPage *self,
               const GError *error)
{
  g_clear_pointer (&self->results, ob_growth_results_free);
  fill_choices (self);
  ob_growth_page_show_message (self, _("No Growth Study"), error->message);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "growth.copy", FALSE);
  ob_growth_results_show (self);
}

static ObGrowthJob *
make_job (ObGrowthPage *self)
{
  ObGrowthJob *job = g_new0 (ObGrowthJob, 1);
  g_autoptr(GStrvBuilder) excluded = g_strv_builder_new ();

  job->dataset = ob_dataset_ref (self->dataset);
  for (guint r = 0; r < OB_GROWTH_N_ROLES; r++)
    job->columns[r] = g_strdup (ob_growth_page_role_column (self, r));
  job->formula = adw_combo_row_get_selected (self->formula_row) == 1
                 ? OB_GROWTH_FORMULA_ELLIPSOID : OB_GROWTH_FORMULA_HALF;
  job->background = gtk_spin_button_get_value (self->background_spin);
  job->control = g_strdup (self->control);
  job->tgi_day = self->tgi_day;
  job->endpoint = gtk_spin_button_get_value (self->endpoint_spin);
  job->mrecist_start = gtk_spin_button_get_value (self->mrecist_spin);
  for (guint i = 0; i < self->exclusions->len; i++)
    g_strv_builder_add (excluded,
                        ((ObGrowthExclusion *) g_ptr_array_index (self->exclusions, i))->id);
  job->excluded = g_strv_builder_end (excluded);
  return job;
}

static void
compute_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;
  ObGrowthResults *results = ob_growth_job_run (task_data, &error);

  if (results == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, results, (GDestroyNotify) ob_growth_results_free);
}

static void
compute_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  ObGrowthPage *self = OB_GROWTH_PAGE (object);
  g_autoptr(GError) error = NULL;
  ObGrowthResults *results = g_task_propagate_pointer (G_TASK (result), &error);

  /* A newer computation replaced this one; its result is the one to show. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  gtk_widget_set_opacity (GTK_WIDGET (self->plot_view), 1.0);
  if (results == NULL)
    install_error (self, error);
  else
    install_results (self, results);
}

void
ob_growth_page_recompute (ObGrowthPage *self)
{
  g_autoptr(ObGrowthJob) job = NULL;
  g_autoptr(GError) error = NULL;
  ObGrowthResults *results;

  g_clear_handle_id (&self->recompute_id, g_source_remove);
  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
      gtk_widget_set_opacity (GTK_WIDGET (self->plot_view), 1.0);
    }
  job = make_job (self);
  if (ob_dataset_get_n_rows (self->dataset) >= THREAD_MIN_ROWS && !self->synchronous)
    {
      g_autoptr(GTask) task = NULL;

      self->cancellable = g_cancellable_new ();
      task = g_task_new (self, self->cancellable, compute_done_cb, NULL);
      g_task_set_return_on_cancel (task, TRUE);
      g_task_set_task_data (task, g_steal_pointer (&job), (GDestroyNotify) ob_growth_job_free);
      g_task_run_in_thread (task, compute_thread);
      gtk_widget_set_opacity (GTK_WIDGET (self->plot_view), 0.5);
      return;
    }
  results = ob_growth_job_run (job, &error);
  if (results == NULL)
    install_error (self, error);
  else
    install_results (self, results);
}

static gboolean
recompute_idle_cb (gpointer user_data)
{
  ObGrowthPage *self = user_data;

  self->recompute_id = 0;
  ob_growth_page_recompute (self);
  return G_SOURCE_REMOVE;
}

void
ob_growth_page_schedule_recompute (ObGrowthPage *self)
{
  if (self->building || self->dataset == NULL || self->recompute_id != 0)
    return;
  /* Above redraw priority, so the new figure is drawn in the frame after the change. */
  self->recompute_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, recompute_idle_cb, self, NULL);
}

/* Signal callbacks */

static void
setting_changed_cb (ObGrowthPage *self)
{
  if (self->building)
    return;
  ob_growth_page_schedule_recompute (self);
  ob_growth_page_notify_changed (self);
}

static void
control_selected_cb (ObGrowthPage *self)
{
  guint k = adw_combo_row_get_selected (self->control_row);

  if (self->building)
    return;
  g_clear_pointer (&self->control, g_free);
  if (k > 0 && self->results != NULL && k <= self->results->study->n_arms)
    self->control = g_strdup (self->results->study->arm_names[k - 1]);
  setting_changed_cb (self);
}

static void
tgi_selected_cb (ObGrowthPage *self)
{
  guint k = adw_combo_row_get_selected (self->tgi_row);

  if (self->building)
    return;
  self->tgi_day = k > 0 && k <= self->days->len ? g_array_index (self->days, double, k - 1)
                                                : NAN;
  setting_changed_cb (self);
}

static void
figure_setting_changed_cb (ObGrowthPage *self)
{
  if (self->building)
    return;
  ob_growth_page_setup_figure (self);
  ob_growth_page_notify_changed (self);
}

static void
chart_selected_cb (ObGrowthPage *self)
{
  if (self->building)
    return;
  self->chart_chosen = TRUE;
  figure_setting_changed_cb (self);
}

/* Overrides */

static void
ob_growth_page_dispose (GObject *object)
{
  ObGrowthPage *self = OB_GROWTH_PAGE (object);

  g_clear_handle_id (&self->recompute_id, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->plot_view != NULL)
    {
      ob_plot_view_set_draw_func (self->plot_view, NULL, NULL, NULL);
      ob_plot_view_set_tooltip_func (self->plot_view, NULL, NULL, NULL);
    }
  g_clear_pointer ((GtkWidget **) &self->mouse_popover, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), OB_TYPE_GROWTH_PAGE);
  ob_growth_page_clear_figure (self);
  g_clear_pointer (&self->results, ob_growth_results_free);

  G_OBJECT_CLASS (ob_growth_page_parent_class)->dispose (object);
}

static void
ob_growth_page_finalize (GObject *object)
{
  ObGrowthPage *self = OB_GROWTH_PAGE (object);

  g_clear_pointer (&self->dataset, ob_dataset_unref);
  g_clear_pointer (&self->exclusions, g_ptr_array_unref);
  g_clear_pointer (&self->exclusion_rows, g_ptr_array_unref);
  g_clear_pointer (&self->days, g_array_unref);
  g_clear_pointer (&self->control, g_free);
  g_clear_pointer (&self->popover_mouse, g_free);
  g_clear_object (&self->arm_names);
  g_clear_object (&self->day_names);

  G_OBJECT_CLASS (ob_growth_page_parent_class)->finalize (object);
}

static void
ob_growth_page_class_init (ObGrowthPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ob_growth_page_dispose;
  object_class->finalize = ob_growth_page_finalize;

  g_type_ensure (OB_TYPE_PLOT_VIEW);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/oncobench/Oncobench/ob-growth-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ObGrowthPage, columns_group);
  gtk_widget_class_bind_template_child (widget_class, ObGrowthPage, formula_row);
  gtk_widget_class_bind_template_child (widget_class, ObGrowthPage, control_row);
  gtk_widget_class_bind_template_child (widget_class, ObGrowthPage, tgi_row);
  gtk_widget_class_bind_template_child (widget_class, ObGrowthPage, endpoint_spin);
  gtk_widget_class_bind_template_child (widget_class, ObGrowthPage, mrecist_spin);
  gtk_widget_class_bind_template_child (widget_class, ObGrowthPage, background_spin);
  gtk_widget_class_bind_template_child (widget_class, ObGrowthPage, chart_row);
  gtk_widget_class_bind_template_child (widget_class, ObGrowthPage, traces_switch);
  gtk_widget_class_bind_template_child (widget_class, ObGrowthPage, log_switch);
  gtk_widget_class_bind_template_child (widget_class, ObGrowthPage, dosing_switch);
  gtk_widget_class_bind_template_child (widget_class, ObGrowthPage, dosing_start_spin);
  gtk_widget_class_bind_template_child (widget_class, ObGrowthPage, dosing_end_spin);
  gtk_widget_class_bind_template_child (widget_class, ObGrowthPage, exclusions_group);
  gtk_widget_class_bind_template_child (widget_class, ObGrowthPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, ObGrowthPage, figure_stack);
  gtk_widget_class_bind_template_child (widget_class, ObGrowthPage, plot_view);
  gtk_widget_class_bind_template_child (widget_class, ObGrowthPage, message_page);
  gtk_widget_class_bind_template_child (widget_class, ObGrowthPage, results_box);

  gtk_widget_class_install_action (widget_class, "growth.copy", NULL,
                                   ob_growth_page_copy_action);
}

static void
ob_growth_page_init (ObGrowthPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->exclusions = g_ptr_array_new_with_free_func (ob_growth_exclusion_free);
  self->exclusion_rows = g_ptr_array_new ();
  self->days = g_array_new (FALSE, FALSE, sizeof (double));
  self->arm_names = gtk_string_list_new (NULL);
  self->day_names = gtk_string_list_new (NULL);
  self->tgi_day = NAN;
  self->layout_scale = 1.0;
  self->width_mm = 89.0;
  self->height_mm = 70.0;
  self->dpi = 300.0;
  adw_combo_row_set_model (self->control_row, G_LIST_MODEL (self->arm_names));
  adw_combo_row_set_model (self->tgi_row, G_LIST_MODEL (self->day_names));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "growth.copy", FALSE);
  ob_growth_page_init_figure (self);
}

/* Public */

/* The page keeps a reference to @dataset. */
GtkWidget *
ob_growth_page_new (ObDataset *dataset)
{
  ObGrowthPage *self;

  g_return_val_if_fail (dataset != NULL, NULL);

  self = g_object_new (OB_TYPE_GROWTH_PAGE, NULL);
  self->dataset = ob_dataset_ref (dataset);
  self->building = TRUE;
  build_column_rows (self);
  self->building = FALSE;

  for (guint role = 0; role < OB_GROWTH_N_ROLES; role++)
    g_signal_connect_swapped (self->column_rows[role], "notify::selected",
                              G_CALLBACK (setting_changed_cb), self);
  g_signal_connect_swapped (self->formula_row, "notify::selected",
                            G_CALLBACK (setting_changed_cb), self);
  g_signal_connect_swapped (self->control_row, "notify::selected",
                            G_CALLBACK (control_selected_cb), self);
  g_signal_connect_swapped (self->tgi_row, "notify::selected",
                            G_CALLBACK (tgi_selected_cb), self);
  g_signal_connect_swapped (self->endpoint_spin, "value-changed",
                            G_CALLBACK (setting_changed_cb), self);
  g_signal_connect_swapped (self->mrecist_spin, "value-changed",
                            G_CALLBACK (setting_changed_cb), self);
  g_signal_connect_swapped (self->background_spin, "value-changed",
                            G_CALLBACK (setting_changed_cb), self);
  g_signal_connect_swapped (self->chart_row, "notify::selected",
                            G_CALLBACK (chart_selected_cb), self);
  g_signal_connect_swapped (self->traces_switch, "notify::active",
                            G_CALLBACK (figure_setting_changed_cb), self);
  g_signal_connect_swapped (self->log_switch, "notify::active",
                            G_CALLBACK (figure_setting_changed_cb), self);
  g_signal_connect_swapped (self->dosing_switch, "notify::active",
                            G_CALLBACK (figure_setting_changed_cb), self);
  g_signal_connect_swapped (self->dosing_start_spin, "value-changed",
                            G_CALLBACK (figure_setting_changed_cb), self);
  g_signal_connect_swapped (self->dosing_end_spin, "value-changed",
                            G_CALLBACK (figure_setting_changed_cb), self);

  ob_growth_page_recompute (self);
  return GTK_WIDGET (self);
}

void
ob_growth_page_update (ObGrowthPage *self)
{
  g_return_if_fail (OB_IS_GROWTH_PAGE (self));

  if (self->recompute_id != 0 || self->cancellable != NULL)
    {
      self->synchronous = TRUE;
      ob_growth_page_recompute (self);
      self->synchronous = FALSE;
    }
}
