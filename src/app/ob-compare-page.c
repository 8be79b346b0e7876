/* ob-compare-page.c: a measurement compared between groups, with its chart
 *
 * Settings on the left, the chart in the middle, the numbers below.  Until the user picks
 * a test, the page uses the one that fits the number of groups and says so; it never looks
 * at the data's distribution to choose.
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

G_DEFINE_FINAL_TYPE_WITH_CODE (ObComparePage, ob_compare_page, ADW_TYPE_BIN,
                                G_IMPLEMENT_INTERFACE (OB_TYPE_ANALYSIS_PAGE,
                                                       ob_compare_page_analysis_page_init))

/* A grouping column has few distinct values; beyond these it is a measurement or an ID. */
#define MAX_GROUP_LEVELS 30

#define GROUP_PATTERN "group|arm|treat|condition|cohort|genotype|line|群|処理"

/* Helpers */

static const ObColumn *
column_at (ObComparePage *self,
           GArray        *columns,
           guint          position)
{
  guint column;

  if (position == GTK_INVALID_LIST_POSITION || position >= columns->len)
    return NULL;
  column = g_array_index (columns, guint, position);
  return column != G_MAXUINT ? ob_dataset_get_column (self->dataset, column) : NULL;
}

static const ObColumn *
selected_column (ObComparePage *self,
                 AdwComboRow   *row,
                 GArray        *columns)
{
  return column_at (self, columns, adw_combo_row_get_selected (row));
}

static gboolean
has_few_values (const ObColumn *column,
                gsize           n_rows)
{
  double seen[MAX_GROUP_LEVELS];
  guint n_seen = 0;

  if (column->type == OB_COLUMN_CATEGORICAL)
    return column->levels->len >= 2 && column->levels->len <= MAX_GROUP_LEVELS;
  if (column->type != OB_COLUMN_NUMERIC)
    return FALSE;
  for (gsize i = 0; i < n_rows; i++)
    {
      double v = column->num[i];
      gboolean found = FALSE;

      if (isnan (v))
        continue;
      for (guint k = 0; k < n_seen && !found; k++)
        found = seen[k] == v;
      if (found)
        continue;
      if (n_seen == MAX_GROUP_LEVELS)
        return FALSE;
      seen[n_seen++] = v;
    }
  return n_seen >= 2;
}

static void
fill_row (AdwComboRow *row,
          GArray      *columns,
          ObDataset   *dataset,
          const char  *none)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  for (guint k = 0; k < columns->len; k++)
    {
      guint c = g_array_index (columns, guint, k);

      gtk_string_list_append (names, c == G_MAXUINT ? none
                                                    : ob_dataset_get_column (dataset, c)->name);
    }
  adw_combo_row_set_model (row, G_LIST_MODEL (names));
}

static void
build_settings (ObComparePage *self)
{
  gsize n_rows = ob_dataset_get_n_rows (self->dataset);
  guint n_columns = ob_dataset_get_n_columns (self->dataset);
  guint none = G_MAXUINT, best_value = G_MAXUINT, best_group = G_MAXUINT;

  g_array_append_val (self->factor2_columns, none);
  for (guint c = 0; c < n_columns; c++)
    {
      const ObColumn *column = ob_dataset_get_column (self->dataset, c);
      gboolean few = has_few_values (column, n_rows);

      if (column->type == OB_COLUMN_NUMERIC)
        {
          /* A column of a few numbers is more likely a replicate or a dose than the value. */
          if (best_value == G_MAXUINT && !few)
            best_value = self->value_columns->len;
          g_array_append_val (self->value_columns, c);
        }
      if (few)
        {
          if (best_group == G_MAXUINT && g_regex_match_simple (GROUP_PATTERN, column->name,
                                                               G_REGEX_CASELESS, 0))
            best_group = self->group_columns->len;
          g_array_append_val (self->group_columns, c);
          g_array_append_val (self->factor2_columns, c);
        }
    }

  self->building = TRUE;
  fill_row (self->value_row, self->value_columns, self->dataset, NULL);
  fill_row (self->group_row, self->group_columns, self->dataset, NULL);
  fill_row (self->factor2_row, self->factor2_columns, self->dataset, _("None"));
  adw_combo_row_set_model (self->pair_a_row, G_LIST_MODEL (self->pair_names));
  adw_combo_row_set_model (self->pair_b_row, G_LIST_MODEL (self->pair_names));
  if (best_value != G_MAXUINT)
    adw_combo_row_set_selected (self->value_row, best_value);
  if (best_group != G_MAXUINT)
    adw_combo_row_set_selected (self->group_row, best_group);
  adw_combo_row_set_selected (self->factor2_row, 0);
  self->building = FALSE;
}

static void
show_message (ObComparePage *self,
              const char    *title,
              const char    *description)
{
  /* The status page reads markup: "<LLOQ" in a message is text. */
  g_autofree char *escaped = g_markup_escape_text (description, -1);

  g_clear_pointer (&self->layout, ob_group_layout_free);
  g_clear_pointer (&self->results, ob_compare_results_free);
  memset (&self->plot, 0, sizeof self->plot);
  adw_status_page_set_title (self->message_page, title);
  adw_status_page_set_description (self->message_page, escaped);
  gtk_stack_set_visible_child_name (self->figure_stack, "message");
  ob_compare_results_clear (self->results_box);
  gtk_label_set_text (self->title_label, "");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.copy", FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_as_button), FALSE);
  ob_compare_page_options_sync (self);
}

static const char *
selected_pair_name (ObComparePage *self,
                    AdwComboRow   *row)
{
  guint k = adw_combo_row_get_selected (row);

  if (!gtk_widget_get_visible (GTK_WIDGET (row))
      || k >= g_list_model_get_n_items (G_LIST_MODEL (self->pair_names)))
    return NULL;
  return gtk_string_list_get_string (self->pair_names, k);
}

static void
setup_plot (ObComparePage *self)
{
  const ObCompareResults *r = self->results;
  ObGroupChart chart = (ObGroupChart) adw_combo_row_get_selected (self->chart_row);
  ObGroupError error = (ObGroupError) adw_combo_row_get_selected (self->error_row);

  ob_group_plot_init (&self->plot, ob_compare_results_figure_data (r));
  if (chart <= OB_GROUP_CHART_VIOLIN)
    self->plot.chart = chart;
  if (error <= OB_GROUP_ERROR_CI)
    self->plot.error = error;
  if (ob_compare_test_is_two_group (r->test))
    {
      self->plot.pairs = &r->figure_pair;
      self->plot.n_pairs = 1;
    }
  else
    {
      self->plot.pairs = r->pairs;
      self->plot.n_pairs = r->n_pairs;
    }
  /* Rank tests compare the middle of each group: the line shows the median there. */
  self->plot.median = r->test == OB_COMPARE_MANN_WHITNEY || r->test == OB_COMPARE_KRUSKAL;
  self->plot.log_y = gtk_switch_get_active (self->log_switch);
  self->plot.exact_p = adw_combo_row_get_selected (self->p_format_row) == 1;
  self->plot.show_ns = gtk_switch_get_active (self->show_ns_switch);
  /* Interned: the figure may outlive the results' copy of the name. */
  self->plot.y_label = g_intern_string (r->value_column);
  ob_compare_page_options_setup_plot (self);
  g_clear_pointer (&self->layout, ob_group_layout_free);
}

/* The settings follow what was computed: the test and comparisons used, the pair's rows
 * when a two-group test picks two of more groups. */
static void
sync_settings (ObComparePage *self)
{
  const ObCompareResults *r = self->results;
  gboolean two_group = ob_compare_test_is_two_group (r->test);
  guint n_names = g_list_model_get_n_items (G_LIST_MODEL (self->pair_names));
  gboolean same = n_names == r->data->n_groups;
  g_autofree char *title = NULL;

  self->building = TRUE;
  for (guint g = 0; same && g < n_names; g++)
    same = strcmp (gtk_string_list_get_string (self->pair_names, g),
                   r->data->group_names[g]) == 0;
  if (!same)
    gtk_string_list_splice (self->pair_names, 0, n_names,
                            (const char * const *) r->data->group_names);
  gtk_widget_set_visible (GTK_WIDGET (self->pair_a_row), two_group && r->data->n_groups > 2);
  gtk_widget_set_visible (GTK_WIDGET (self->pair_b_row), two_group && r->data->n_groups > 2);
  if (two_group)
    {
      adw_combo_row_set_selected (self->pair_a_row, r->which[0]);
      adw_combo_row_set_selected (self->pair_b_row, r->which[1]);
    }
  adw_combo_row_set_selected (self->test_row, r->test);
  /* The row's subtitle shows the test itself; the title says when it is the default. */
  if (!self->test_chosen)
    title = r->data->factor2 != NULL
            ? g_strdup (_("Test (default with a second factor)"))
            : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Test (default for %u group)",
                                            "Test (default for %u groups)", r->data->n_groups),
                               r->data->n_groups);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->test_row),
                                 title != NULL ? title : _("Test"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->posthoc_row), r->has_posthoc);
  if (r->has_posthoc)
    adw_combo_row_set_selected (self->posthoc_row, r->posthoc);
  if (!self->chart_chosen)
    adw_combo_row_set_selected (self->chart_row, r->data->factor2 != NULL ? OB_GROUP_CHART_BAR
                                                                          : OB_GROUP_CHART_DOT);
  self->building = FALSE;
}

static void
install_results (ObComparePage    *self,
                 ObCompareResults *results)
{
  g_autofree char *title = NULL;

  g_clear_pointer (&self->layout, ob_group_layout_free);
  g_clear_pointer (&self->results, ob_compare_results_free);
  self->results = results;

  sync_settings (self);
  ob_compare_page_options_sync (self);
  setup_plot (self);
  ob_compare_results_show (results, self->results_box);

  if (results->factor2_column != NULL)
    title = g_strdup_printf (_("%s by %s and %s · n = %zu"), results->value_column,
                             results->group_column, results->factor2_column, results->data->n);
  else
    title = g_strdup_printf (_("%s by %s · n = %zu"), results->value_column,
                             results->group_column, results->data->n);
  gtk_label_set_text (self->title_label, title);
  {
    g_autofree char *description = g_strdup_printf (
      g_dngettext (GETTEXT_PACKAGE, "Values of %u group, each point a sample",
                   "Values of %u groups, each point a sample", results->data->n_groups),
      results->data->n_groups);

    gtk_accessible_update_property (GTK_ACCESSIBLE (self->plot_view),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  }
  gtk_stack_set_visible_child_name (self->figure_stack, "figure");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.copy", TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_as_button), TRUE);
  gtk_widget_queue_draw (GTK_WIDGET (self->plot_view));
}

static void
compute_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;
  ObCompareResults *results = ob_compare_job_run (task_data, &error);

  if (results == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, results, (GDestroyNotify) ob_compare_results_free);
}

static void
compute_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  ObComparePage *self = OB_COMPARE_PAGE (object);
  g_autoptr(GError) error = NULL;
  ObCompareResults *results = g_task_propagate_pointer (G_TASK (result), &error);

  /* A newer computation replaced this one; its result is the one to show. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  gtk_widget_set_opacity (GTK_WIDGET (self->plot_view), 1.0);
  if (results == NULL)
    show_message (self, _("No Comparison"), error->message);
  else
    install_results (self, results);
}

/* Large tables are compared in a thread; the last figure stays, dimmed, until the new one
 * is ready. */
#define THREAD_MIN_ROWS 100000

static void
recompute (ObComparePage *self)
{
  const ObColumn *value = selected_column (self, self->value_row, self->value_columns);
  const ObColumn *group = selected_column (self, self->group_row, self->group_columns);
  const ObColumn *factor2 = selected_column (self, self->factor2_row, self->factor2_columns);
  g_autoptr(ObCompareJob) job = NULL;
  g_autoptr(GError) error = NULL;
  ObCompareResults *results;

  g_clear_handle_id (&self->recompute_id, g_source_remove);
  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
      gtk_widget_set_opacity (GTK_WIDGET (self->plot_view), 1.0);
    }
  if (value == NULL)
    {
      show_message (self, _("No Numeric Column"),
                    _("A comparison needs a column of numbers to compare."));
      return;
    }
  if (group == NULL)
    {
      show_message (self, _("No Group Column"),
                    _("A comparison needs a column that names the groups, with 2 to 30 "
                      "different values."));
      return;
    }
  if (factor2 == group)
    {
      show_message (self, _("Same Column Twice"),
                    _("The second factor must be another column than the groups."));
      return;
    }

  job = g_new0 (ObCompareJob, 1);
  job->dataset = ob_dataset_ref (self->dataset);
  job->value_column = g_strdup (value->name);
  job->group_column = g_strdup (group->name);
  job->factor2_column = factor2 != NULL ? g_strdup (factor2->name) : NULL;
  job->test = (ObCompareTest) MIN (adw_combo_row_get_selected (self->test_row),
                                   OB_COMPARE_N_TESTS - 1);
  job->test_chosen = self->test_chosen;
  job->posthoc = (ObPosthoc) MIN (adw_combo_row_get_selected (self->posthoc_row),
                                  OB_POSTHOC_SIDAK);
  job->posthoc_chosen = self->posthoc_chosen;
  job->pair_a = g_strdup (selected_pair_name (self, self->pair_a_row));
  job->pair_b = g_strdup (selected_pair_name (self, self->pair_b_row));
  ob_compare_page_options_fill_job (self, job);

  if (ob_dataset_get_n_rows (self->dataset) >= THREAD_MIN_ROWS && !self->synchronous)
    {
      g_autoptr(GTask) task = NULL;

      self->cancellable = g_cancellable_new ();
      task = g_task_new (self, self->cancellable, compute_done_cb, NULL);
      g_task_set_return_on_cancel (task, TRUE);
      g_task_set_task_data (task, g_steal_pointer (&job), (GDestroyNotify) ob_compare_job_free);
      g_task_run_in_thread (task, compute_thread);
      gtk_widget_set_opacity (GTK_WIDGET (self->plot_view), 0.5);
      return;
    }

  results = ob_compare_job_run (job, &error);
  if (results == NULL)
    show_message (self, _("No Comparison"), error->message);
  else
    install_results (self, results);
}

static gboolean
recompute_idle_cb (gpointer user_data)
{
  ObComparePage *self = user_data;

  self->recompute_id = 0;
  recompute (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_recompute (ObComparePage *self)
{
  if (self->building || self->dataset == NULL || self->recompute_id != 0)
    return;
  /* Above redraw priority, so the new figure is drawn in the frame after the change. */
  self->recompute_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, recompute_idle_cb, self, NULL);
}

/* Room around the preview, in pixels. */
#define PREVIEW_MARGIN 12.0

/* The view shows the figure as it will be exported: laid out at the export size in points,
 * then scaled to fit and centred. */
static ObGroupLayout *
ensure_layout (ObComparePage *self,
               double         width,
               double         height)
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

  g_clear_pointer (&self->layout, ob_group_layout_free);
  self->layout = ob_group_plot_layout (&self->plot, export_width, export_height);
  return self->layout;
}

static void
draw_figure_cb (cairo_t *cr,
                double   width,
                double   height,
                gpointer user_data)
{
  ObComparePage *self = user_data;
  ObGroupLayout *layout = ensure_layout (self, width, height);
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
  ob_group_plot_render_layout (cr, layout);
}

/* The point under the pointer: its group and value. */
static char *
figure_tooltip_cb (double   x,
                   double   y,
                   double   width,
                   double   height,
                   gpointer user_data)
{
  ObComparePage *self = user_data;
  ObGroupLayout *layout = ensure_layout (self, width, height);
  const ObGroupData *data;
  double fx, fy, best = G_MAXDOUBLE, reach;
  gsize hit = G_MAXSIZE;
  g_autofree char *name = NULL;

  if (layout == NULL)
    return NULL;
  data = ob_compare_results_figure_data (self->results);
  fx = (x - self->layout_dx) / self->layout_scale;
  fy = (y - self->layout_dy) / self->layout_scale;
  reach = MAX (layout->radius * 1.5, 2.0 / self->layout_scale);
  for (guint s = 0; s < layout->n_slots; s++)
    {
      const ObGroupSlot *slot = &layout->slots[s];

      if (fabs (fx - slot->x) > slot->half_width + reach)
        continue;
      for (gsize i = slot->first; i < slot->first + slot->n; i++)
        {
          double d = hypot (layout->px[i] - fx, layout->py[i] - fy);

          if (!isnan (d) && d < best && d <= reach)
            {
              best = d;
              hit = i;
              g_free (name);
              name = slot->level != G_MAXUINT
                     ? g_strdup_printf ("%s / %s", data->group_names[slot->group],
                                        data->factor2_names[slot->level])
                     : g_strdup (data->group_names[slot->group]);
            }
        }
    }
  if (hit == G_MAXSIZE)
    return NULL;
  {
    g_autofree char *escaped = g_markup_escape_text (name, -1);
    g_autofree char *label = g_markup_escape_text (self->results->value_column, -1);

    return g_strdup_printf ("<b>%s</b>\n%s %.6g", escaped, label, layout->sorted[hit]);
  }
}

/* Signal callbacks */

/* Every change the user makes is one step to save and to undo; loading settings emits
 * "changed" once itself. */
static void
notify_changed (ObComparePage *self)
{
  if (!self->building && !self->loading && self->dataset != NULL)
    ob_analysis_page_changed (OB_ANALYSIS_PAGE (self));
}

void
ob_compare_page_columns_changed (ObComparePage *self)
{
  if (self->building)
    return;
  /* New groups: the default test for them, unless asked otherwise again. */
  self->test_chosen = FALSE;
  self->posthoc_chosen = FALSE;
  self->building = TRUE;
  gtk_string_list_splice (self->pair_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->pair_names)), NULL);
  self->building = FALSE;
  schedule_recompute (self);
  notify_changed (self);
}

void
ob_compare_page_test_changed (ObComparePage *self)
{
  if (self->building)
    return;
  self->test_chosen = TRUE;
  self->posthoc_chosen = FALSE;
  schedule_recompute (self);
  notify_changed (self);
}

void
ob_compare_page_posthoc_changed (ObComparePage *self)
{
  if (self->building)
    return;
  self->posthoc_chosen = TRUE;
  schedule_recompute (self);
  notify_changed (self);
}

void
ob_compare_page_rows_changed (ObComparePage *self)
{
  if (self->building)
    return;
  schedule_recompute (self);
  notify_changed (self);
}

static void
chart_changed_cb (ObComparePage *self)
{
  if (!self->building)
    self->chart_chosen = TRUE;
  notify_changed (self);
  if (self->results == NULL)
    return;
  setup_plot (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->plot_view));
}

static void
figure_setting_changed_cb (ObComparePage *self)
{
  if (self->building)
    return;
  notify_changed (self);
  if (self->results == NULL)
    return;
  setup_plot (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->plot_view));
}

/* Overrides */

static void
ob_compare_page_dispose (GObject *object)
{
  ObComparePage *self = OB_COMPARE_PAGE (object);

  g_clear_handle_id (&self->recompute_id, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->plot_view != NULL)
    {
      ob_plot_view_set_draw_func (self->plot_view, NULL, NULL, NULL);
      ob_plot_view_set_tooltip_func (self->plot_view, NULL, NULL, NULL);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), OB_TYPE_COMPARE_PAGE);
  g_clear_pointer (&self->layout, ob_group_layout_free);
  g_clear_pointer (&self->results, ob_compare_results_free);

  G_OBJECT_CLASS (ob_compare_page_parent_class)->dispose (object);
}

static void
ob_compare_page_finalize (GObject *object)
{
  ObComparePage *self = OB_COMPARE_PAGE (object);

  g_clear_pointer (&self->dataset, ob_dataset_unref);
  g_clear_pointer (&self->value_columns, g_array_unref);
  g_clear_pointer (&self->group_columns, g_array_unref);
  g_clear_pointer (&self->factor2_columns, g_array_unref);
  g_clear_pointer (&self->id_columns, g_array_unref);
  g_clear_pointer (&self->bound_columns, g_array_unref);
  g_clear_pointer (&self->flag_columns, g_array_unref);
  g_clear_pointer (&self->where, g_strfreev);
  g_clear_object (&self->pair_names);

  G_OBJECT_CLASS (ob_compare_page_parent_class)->finalize (object);
}

static void
ob_compare_page_class_init (ObComparePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ob_compare_page_dispose;
  object_class->finalize = ob_compare_page_finalize;

  g_type_ensure (OB_TYPE_PLOT_VIEW);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/oncobench/Oncobench/ob-compare-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ObComparePage, value_row);
  gtk_widget_class_bind_template_child (widget_class, ObComparePage, group_row);
  gtk_widget_class_bind_template_child (widget_class, ObComparePage, factor2_row);
  gtk_widget_class_bind_template_child (widget_class, ObComparePage, test_row);
  gtk_widget_class_bind_template_child (widget_class, ObComparePage, pair_a_row);
  gtk_widget_class_bind_template_child (widget_class, ObComparePage, pair_b_row);
  gtk_widget_class_bind_template_child (widget_class, ObComparePage, posthoc_row);
  gtk_widget_class_bind_template_child (widget_class, ObComparePage, id_row);
  gtk_widget_class_bind_template_child (widget_class, ObComparePage, lower_row);
  gtk_widget_class_bind_template_child (widget_class, ObComparePage, upper_row);
  gtk_widget_class_bind_template_child (widget_class, ObComparePage, flag_row);
  gtk_widget_class_bind_template_child (widget_class, ObComparePage, lloq_row);
  gtk_widget_class_bind_template_child (widget_class, ObComparePage, uloq_row);
  gtk_widget_class_bind_template_child (widget_class, ObComparePage, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, ObComparePage, filter_box);
  gtk_widget_class_bind_template_child (widget_class, ObComparePage, chart_row);
  gtk_widget_class_bind_template_child (widget_class, ObComparePage, error_row);
  gtk_widget_class_bind_template_child (widget_class, ObComparePage, p_format_row);
  gtk_widget_class_bind_template_child (widget_class, ObComparePage, show_ns_switch);
  gtk_widget_class_bind_template_child (widget_class, ObComparePage, log_switch);
  gtk_widget_class_bind_template_child (widget_class, ObComparePage, title_label);
  gtk_widget_class_bind_template_child (widget_class, ObComparePage, export_popover);
  gtk_widget_class_bind_template_child (widget_class, ObComparePage, width_spin);
  gtk_widget_class_bind_template_child (widget_class, ObComparePage, height_spin);
  gtk_widget_class_bind_template_child (widget_class, ObComparePage, dpi_spin);
  gtk_widget_class_bind_template_child (widget_class, ObComparePage, save_as_button);
  gtk_widget_class_bind_template_child (widget_class, ObComparePage, figure_stack);
  gtk_widget_class_bind_template_child (widget_class, ObComparePage, plot_view);
  gtk_widget_class_bind_template_child (widget_class, ObComparePage, message_page);
  gtk_widget_class_bind_template_child (widget_class, ObComparePage, results_box);

  gtk_widget_class_install_action (widget_class, "compare.copy", NULL,
                                   ob_compare_page_copy_action);
}

static void
ob_compare_page_init (ObComparePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->value_columns = g_array_new (FALSE, FALSE, sizeof (guint));
  self->group_columns = g_array_new (FALSE, FALSE, sizeof (guint));
  self->factor2_columns = g_array_new (FALSE, FALSE, sizeof (guint));
  self->id_columns = g_array_new (FALSE, FALSE, sizeof (guint));
  self->bound_columns = g_array_new (FALSE, FALSE, sizeof (guint));
  self->flag_columns = g_array_new (FALSE, FALSE, sizeof (guint));
  self->pair_names = gtk_string_list_new (NULL);
  self->layout_scale = 1.0;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.copy", FALSE);

  ob_plot_view_set_draw_func (self->plot_view, draw_figure_cb, self, NULL);
  ob_plot_view_set_tooltip_func (self->plot_view, figure_tooltip_cb, self, NULL);
  g_signal_connect_swapped (self->save_as_button, "clicked",
                            G_CALLBACK (ob_compare_page_save_as_clicked), self);
}

/* Public */

/* The page keeps a reference to @dataset. */
GtkWidget *
ob_compare_page_new (ObDataset *dataset)
{
  ObComparePage *self;

  g_return_val_if_fail (dataset != NULL, NULL);

  self = g_object_new (OB_TYPE_COMPARE_PAGE, NULL);
  self->dataset = ob_dataset_ref (dataset);
  build_settings (self);
  ob_compare_page_options_build (self);

  g_signal_connect_swapped (self->value_row, "notify::selected",
                            G_CALLBACK (ob_compare_page_columns_changed), self);
  g_signal_connect_swapped (self->group_row, "notify::selected",
                            G_CALLBACK (ob_compare_page_columns_changed), self);
  g_signal_connect_swapped (self->factor2_row, "notify::selected",
                            G_CALLBACK (ob_compare_page_columns_changed), self);
  g_signal_connect_swapped (self->test_row, "notify::selected",
                            G_CALLBACK (ob_compare_page_test_changed), self);
  g_signal_connect_swapped (self->posthoc_row, "notify::selected",
                            G_CALLBACK (ob_compare_page_posthoc_changed), self);
  g_signal_connect_swapped (self->pair_a_row, "notify::selected",
                            G_CALLBACK (ob_compare_page_rows_changed), self);
  g_signal_connect_swapped (self->pair_b_row, "notify::selected",
                            G_CALLBACK (ob_compare_page_rows_changed), self);
  g_signal_connect_swapped (self->chart_row, "notify::selected",
                            G_CALLBACK (chart_changed_cb), self);
  g_signal_connect_swapped (self->error_row, "notify::selected",
                            G_CALLBACK (figure_setting_changed_cb), self);
  g_signal_connect_swapped (self->p_format_row, "notify::selected",
                            G_CALLBACK (figure_setting_changed_cb), self);
  g_signal_connect_swapped (self->show_ns_switch, "notify::active",
                            G_CALLBACK (figure_setting_changed_cb), self);
  g_signal_connect_swapped (self->log_switch, "notify::active",
                            G_CALLBACK (figure_setting_changed_cb), self);
  g_signal_connect_swapped (self->width_spin, "value-changed",
                            G_CALLBACK (figure_setting_changed_cb), self);
  g_signal_connect_swapped (self->height_spin, "value-changed",
                            G_CALLBACK (figure_setting_changed_cb), self);
  ob_compare_page_options_connect (self);

  recompute (self);
  return GTK_WIDGET (self);
}

void
ob_compare_page_update (ObComparePage *self)
{
  g_return_if_fail (OB_IS_COMPARE_PAGE (self));

  if (self->recompute_id != 0 || self->cancellable != NULL)
    {
      self->synchronous = TRUE;
      recompute (self);
      self->synchronous = FALSE;
    }
}

void
ob_compare_page_recompute (ObComparePage *self)
{
  self->synchronous = TRUE;
  recompute (self);
  self->synchronous = FALSE;
}
