/* ob-subgroups-page.c: the hazard ratio of two arms across subgroups, as a forest plot
 *
 * The forest plot follows every change of the settings at once.  Filters come as the command
 * line's --where (a linked selection from the cohort overview sets them).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-app"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "ob-subgroups-page-private.h"
#include "ob-surv-data.h"

#define MAX_LEVELS 12
#define TIME_PATTERN "time|month|day|week|year|^os|^pfs|_os|_pfs|期間"
#define EVENT_PATTERN "event|status|death|dead|censor|progress|増悪|死亡|再発"
#define GROUP_PATTERN "status|arm|group|treat|状態|群"
#define BY_PATTERN "sex|gender|stage|line|ecog|age_group|性別|病期|ライン"
#define REFERENCE_PATTERN "wild|^wt$|none|negative|control|placebo|standard|野生|対照"
#define PREVIEW_MARGIN 12.0



G_DEFINE_FINAL_TYPE_WITH_CODE (ObSubgroupsPage, ob_subgroups_page, ADW_TYPE_BIN,
                                G_IMPLEMENT_INTERFACE (OB_TYPE_ANALYSIS_PAGE,
                                                       ob_subgroups_page_analysis_page_init))

/* Helpers */

static guint
count_levels (const ObColumn *column,
              gsize           n_rows)
{
  double seen[MAX_LEVELS + 1];
  guint n_seen = 0;

  if (column->type == OB_COLUMN_CATEGORICAL)
    return column->levels->len;
  if (column->type != OB_COLUMN_NUMERIC)
    return G_MAXUINT;
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
      if (n_seen == MAX_LEVELS)
        return G_MAXUINT;
      seen[n_seen++] = v;
    }
  return n_seen;
}

const char *
ob_subgroups_page_name_at (ObSubgroupsPage *self,
                           GArray          *columns,
                           guint            position)
{
  if (position >= columns->len)
    return NULL;
  return ob_dataset_get_column (self->dataset, g_array_index (columns, guint, position))->name;
}

const char *
ob_subgroups_page_selected_name (ObSubgroupsPage *self,
                                 AdwComboRow     *row,
                                 GArray          *columns)
{
  return ob_subgroups_page_name_at (self, columns, adw_combo_row_get_selected (row));
}

static gboolean
matches (const char *pattern,
         const char *text)
{
  return g_regex_match_simple (pattern, text, G_REGEX_CASELESS, 0);
}

static void
fill_row (ObSubgroupsPage *self,
          AdwComboRow     *row,
          GArray          *columns,
          guint            best)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  for (guint k = 0; k < columns->len; k++)
    gtk_string_list_append (names, ob_subgroups_page_name_at (self, columns, k));
  adw_combo_row_set_model (row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (row, best != G_MAXUINT ? best : 0);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The group's levels as the reference row's choices, the control-like one first chosen. */
void
ob_subgroups_page_fill_levels (ObSubgroupsPage *self)
{
  const char *group = ob_subgroups_page_selected_name (self, self->group_row, self->group_columns);
  const ObColumn *column = group != NULL ? ob_dataset_lookup_column (self->dataset, group)
                                         : NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  guint best = 0;

  if (column != NULL && column->type == OB_COLUMN_CATEGORICAL)
    for (guint k = 0; k < column->levels->len; k++)
      g_ptr_array_add (names, g_strdup (g_ptr_array_index (column->levels, k)));
  else if (column != NULL)
    {
      g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
      gsize n_rows = ob_dataset_get_n_rows (self->dataset);

      for (gsize i = 0; i < n_rows; i++)
        {
          double v = column->num[i];
          guint k = 0;

          while (k < values->len && g_array_index (values, double, k) != v)
            k++;
          if (!isnan (v) && k == values->len)
            g_array_append_val (values, v);
        }
      g_array_sort (values, compare_doubles);
      for (guint k = 0; k < values->len; k++)
        g_ptr_array_add (names, g_strdup_printf ("%g", g_array_index (values, double, k)));
    }
  for (guint k = 0; k < names->len; k++)
    if (matches (REFERENCE_PATTERN, g_ptr_array_index (names, k)))
      {
        best = k;
        break;
      }
  g_ptr_array_add (names, NULL);
  gtk_string_list_splice (self->levels, 0, g_list_model_get_n_items (G_LIST_MODEL (self->levels)),
                          (const char * const *) names->pdata);
  adw_combo_row_set_selected (self->reference_row, best);
}

static void
build_settings (ObSubgroupsPage *self)
{
  gsize n_rows = ob_dataset_get_n_rows (self->dataset);
  guint n_columns = ob_dataset_get_n_columns (self->dataset);
  guint best_time = G_MAXUINT, best_event = G_MAXUINT, best_group = G_MAXUINT;
  guint n_by_chosen = 0;

  self->building = TRUE;
  for (guint c = 0; c < n_columns; c++)
    {
      const ObColumn *column = ob_dataset_get_column (self->dataset, c);
      guint n_levels = count_levels (column, n_rows);

      if (column->type == OB_COLUMN_NUMERIC && n_levels > 2)
        {
          if (best_time == G_MAXUINT && matches (TIME_PATTERN, column->name))
            best_time = self->time_columns->len;
          g_array_append_val (self->time_columns, c);
        }
      if (n_levels == 2 || (column->type == OB_COLUMN_CATEGORICAL && n_levels <= MAX_LEVELS))
        {
          if (n_levels == 2 && best_event == G_MAXUINT && column->type == OB_COLUMN_NUMERIC
              && matches (EVENT_PATTERN, column->name))
            best_event = self->event_columns->len;
          g_array_append_val (self->event_columns, c);
        }
      if (n_levels == 2)
        {
          if (best_group == G_MAXUINT && matches (GROUP_PATTERN, column->name))
            best_group = self->group_columns->len;
          g_array_append_val (self->group_columns, c);
        }
      if (n_levels >= 2 && n_levels <= MAX_LEVELS)
        {
          GtkWidget *row = adw_action_row_new ();
          GtkWidget *check = gtk_check_button_new ();
          gboolean chosen = matches (BY_PATTERN, column->name);

          gtk_check_button_set_active (GTK_CHECK_BUTTON (check), chosen);
          n_by_chosen += chosen;
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), column->name);
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
          adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
          adw_preferences_group_add (self->by_group, row);
          g_ptr_array_add (self->by_checks, check);
          g_array_append_val (self->by_columns, c);
        }
    }
  fill_row (self, self->time_row, self->time_columns, best_time);
  fill_row (self, self->event_row, self->event_columns, best_event);
  fill_row (self, self->group_row, self->group_columns, best_group);
  adw_combo_row_set_model (self->reference_row, G_LIST_MODEL (self->levels));
  ob_subgroups_page_fill_levels (self);
  self->building = FALSE;
}

char **
ob_subgroups_page_dup_by (ObSubgroupsPage *self)
{
  const char *group = ob_subgroups_page_selected_name (self, self->group_row, self->group_columns);
  GStrvBuilder *builder = g_strv_builder_new ();
  char **by;

  for (guint k = 0; k < self->by_checks->len; k++)
    {
      const char *name = ob_subgroups_page_name_at (self, self->by_columns, k);

      if (gtk_check_button_get_active (g_ptr_array_index (self->by_checks, k))
          && g_strcmp0 (name, group) != 0)
        g_strv_builder_add (builder, name);
    }
  by = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return by;
}

const char *
ob_subgroups_page_selected_reference (ObSubgroupsPage *self)
{
  guint k = adw_combo_row_get_selected (self->reference_row);

  if (k >= g_list_model_get_n_items (G_LIST_MODEL (self->levels)))
    return NULL;
  return gtk_string_list_get_string (self->levels, k);
}

/* The results table */

static void
add_cell (ObSubgroupsPage *self,
          const char      *text,
          guint            col,
          guint            row,
          gboolean         bold,
          gboolean         indent)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), col == 0 ? 0.0f : 1.0f);
  if (bold)
    gtk_widget_add_css_class (label, "heading");
  if (indent)
    gtk_widget_set_margin_start (label, 18);
  gtk_grid_attach (self->results_grid, label, (int) col, (int) row, 1, 1);
}

static char *
format_p (double p)
{
  if (isnan (p))
    return g_strdup ("");
  if (p < 0.001)
    return g_strdup ("<0.001");
  return g_strdup_printf (p < 0.01 ? "%.3f" : "%.2f", p);
}

/* One line per row: label, n, events, HR (95% CI), p, interaction p. */
static void
table_row (const ObSubgroups   *sg,
           const ObSubgroupRow *row,
           const char          *label,
           double               interaction,
           char               **cells)
{
  cells[0] = g_strdup (label);
  cells[1] = row != NULL ? g_strdup_printf ("%zu", row->n) : g_strdup ("");
  cells[2] = row != NULL ? g_strdup_printf ("%zu", row->events) : g_strdup ("");
  cells[3] = row != NULL ? ob_forest_format_hr (row) : g_strdup ("");
  cells[4] = row != NULL ? format_p (row->p) : g_strdup ("");
  cells[5] = format_p (interaction);
}

static GPtrArray *
results_lines (const ObSubgroups *sg)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  char **cells = g_new0 (char *, 7);

  cells[0] = g_strdup (_("Subgroup"));
  cells[1] = g_strdup ("n");
  cells[2] = g_strdup (_("Events"));
  cells[3] = g_strdup (_("HR (95% CI)"));
  cells[4] = g_strdup ("p");
  cells[5] = g_strdup (_("P for interaction"));
  g_ptr_array_add (lines, cells);
  cells = g_new0 (char *, 7);
  table_row (sg, &sg->overall, _("All patients"), NAN, cells);
  g_ptr_array_add (lines, cells);
  for (guint b = 0; b < sg->n_interactions; b++)
    {
      const ObSubgroupInteraction *in = &sg->interactions[b];

      cells = g_new0 (char *, 7);
      table_row (sg, NULL, in->variable, in->p, cells);
      g_ptr_array_add (lines, cells);
      for (guint r = in->first_row; r < in->first_row + in->n_rows; r++)
        {
          cells = g_new0 (char *, 7);
          table_row (sg, &sg->rows[r], sg->rows[r].subgroup, NAN, cells);
          g_ptr_array_add (lines, cells);
        }
    }
  return lines;
}

static void
show_results (ObSubgroupsPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results_grid))) != NULL)
    gtk_grid_remove (self->results_grid, child);
  if (self->subgroups == NULL)
    return;
  {
    g_autoptr(GPtrArray) lines = results_lines (self->subgroups);
    guint r = 0;

    for (guint l = 0; l < lines->len; l++)
      {
        char **cells = g_ptr_array_index (lines, l);
        /* Headings of a block have no n; their rows are indented under them. */
        gboolean heading = l == 0 || (l > 1 && *cells[1] == '\0');
        gboolean level = l > 1 && !heading;

        for (guint c = 0; c < 6; c++)
          add_cell (self, cells[c], c, r, heading, level && c == 0);
        r++;
      }
  }
}

/* Computing */


/* The forest plot is wide and short: once the pane has its size, give the figure the height
 * it takes at the pane's width (within reason) and the table the rest. Only for the first
 * figure, so a divider the user moved stays where they put it. */
static gboolean
fit_pane_cb (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       user_data)
{
  ObSubgroupsPage *self = user_data;
  int view_width = gtk_widget_get_width (widget);
  int paned_height = gtk_widget_get_height (GTK_WIDGET (self->figure_paned));
  double width, height, wanted;

  if (view_width <= 0 || paned_height <= 0)
    return G_SOURCE_CONTINUE;
  self->fit_id = 0;
  self->fitted = TRUE;
  ob_subgroups_page_figure_size_pt (self, &width, &height);
  wanted = height * (view_width - 2 * PREVIEW_MARGIN) / MAX (width, 1) + 2 * PREVIEW_MARGIN;
  gtk_paned_set_position (self->figure_paned,
                          (int) CLAMP (wanted, 160, MAX (160, paned_height * 0.7)));
  return G_SOURCE_REMOVE;
}

void
ob_subgroups_page_recompute (ObSubgroupsPage *self)
{
  g_auto(GStrv) by = NULL;
  g_autofree guint8 *mask = NULL;
  g_autoptr(GError) error = NULL;
  ObSurvSpec spec = { 0 };

  if (self->building)
    return;
  g_clear_pointer (&self->subgroups, ob_subgroups_free);
  by = ob_subgroups_page_dup_by (self);
  spec.time_column = ob_subgroups_page_selected_name (self, self->time_row, self->time_columns);
  spec.event_column = ob_subgroups_page_selected_name (self, self->event_row, self->event_columns);
  spec.group_column = ob_subgroups_page_selected_name (self, self->group_row, self->group_columns);
  spec.reference = ob_subgroups_page_selected_reference (self);

  if (spec.time_column == NULL || spec.event_column == NULL || spec.group_column == NULL)
    g_set_error_literal (&error, OB_ERROR, OB_ERROR_INVALID_ARG,
                         _("The dataset needs a time, an event and a column of two groups."));
  else if (by[0] == NULL)
    g_set_error_literal (&error, OB_ERROR, OB_ERROR_INVALID_ARG,
                         _("Choose the columns whose levels make the subgroups."));
  else if (self->where == NULL
           || (mask = ob_dataset_where_mask (self->dataset, (const char * const *) self->where,
                                             &error)) != NULL)
    self->subgroups = ob_subgroups_new (self->dataset, &spec, (const char * const *) by, mask,
                                        NULL, &error);

  if (self->where != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", self->where);

      adw_action_row_set_subtitle (self->where_row, joined);
    }
  else
    adw_action_row_set_subtitle (self->where_row, _("All"));
  gtk_widget_set_visible (GTK_WIDGET (self->clear_where_button), self->where != NULL);

  if (self->subgroups == NULL)
    {
      adw_status_page_set_title (self->message_page, _("No Forest Plot"));
      adw_status_page_set_description (self->message_page, error->message);
      gtk_stack_set_visible_child_name (self->figure_stack, "message");
      gtk_label_set_text (self->title_label, "");
    }
  else
    {
      g_autofree char *title = g_strdup_printf (_("Hazard ratio of %s vs %s across subgroups"),
                                                self->subgroups->arm_names[1],
                                                self->subgroups->arm_names[0]);

      g_autofree char *description = NULL;

      ob_forest_plot_init (&self->plot, self->subgroups);
      gtk_stack_set_visible_child_name (self->figure_stack, "figure");
      if (!self->fitted && self->fit_id == 0)
        self->fit_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->plot_view), fit_pane_cb,
                                                     self, NULL);
      gtk_label_set_text (self->title_label, title);
      description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "Forest plot of %u subgroup row",
                                                  "Forest plot of %u subgroup rows",
                                                  self->subgroups->n_rows),
                                     self->subgroups->n_rows);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->plot_view),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "subgroups.copy", self->subgroups != NULL);
  show_results (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->plot_view));
}

void
ob_subgroups_page_notify_changed (ObSubgroupsPage *self)
{
  if (!self->building && !self->loading && self->dataset != NULL)
    ob_analysis_page_changed (OB_ANALYSIS_PAGE (self));
}

void
ob_subgroups_page_figure_size_pt (ObSubgroupsPage *self,
                                  double          *width,
                                  double          *height)
{
  *width = OB_MM_TO_PT (self->width_mm);
  *height = self->height_mm > 0 ? OB_MM_TO_PT (self->height_mm)
            : self->subgroups != NULL ? ob_forest_plot_natural_height (&self->plot, *width)
                                      : OB_MM_TO_PT (70);
}

static void
draw_figure_cb (cairo_t *cr,
                double   view_width,
                double   view_height,
                gpointer user_data)
{
  ObSubgroupsPage *self = user_data;
  double grey = adw_style_manager_get_dark (adw_style_manager_get_default ()) ? 0.22 : 0.88;
  double width, height, scale, dx, dy;

  if (self->subgroups == NULL)
    return;
  ob_subgroups_page_figure_size_pt (self, &width, &height);
  scale = MIN (MAX (view_width - 2 * PREVIEW_MARGIN, 1) / width,
               MAX (view_height - 2 * PREVIEW_MARGIN, 1) / height);
  dx = floor ((view_width - width * scale) / 2);
  dy = floor ((view_height - height * scale) / 2);
  cairo_set_source_rgb (cr, grey, grey, grey);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, dx, dy, width * scale, height * scale);
  cairo_fill (cr);
  cairo_translate (cr, dx, dy);
  cairo_scale (cr, scale, scale);
  ob_forest_plot_render (cr, width, height, &self->plot);
}

/* Signal callbacks */

static void
settings_changed_cb (ObSubgroupsPage *self)
{
  if (self->building)
    return;
  ob_subgroups_page_recompute (self);
  ob_subgroups_page_notify_changed (self);
}

static void
group_changed_cb (ObSubgroupsPage *self)
{
  if (self->building)
    return;
  self->building = TRUE;
  ob_subgroups_page_fill_levels (self);
  self->building = FALSE;
  settings_changed_cb (self);
}

static void
clear_where_cb (ObSubgroupsPage *self)
{
  g_clear_pointer (&self->where, g_strfreev);
  settings_changed_cb (self);
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  g_autofree char *text = ob_subgroups_page_get_results_text (OB_SUBGROUPS_PAGE (widget));
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  if (text == NULL)
    return;
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (_("Results copied")));
}

/* Overrides */

static void
ob_subgroups_page_dispose (GObject *object)
{
  ObSubgroupsPage *self = OB_SUBGROUPS_PAGE (object);

  if (self->plot_view != NULL)
    {
      if (self->fit_id != 0)
        gtk_widget_remove_tick_callback (GTK_WIDGET (self->plot_view), self->fit_id);
      self->fit_id = 0;
      ob_plot_view_set_draw_func (self->plot_view, NULL, NULL, NULL);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), OB_TYPE_SUBGROUPS_PAGE);

  G_OBJECT_CLASS (ob_subgroups_page_parent_class)->dispose (object);
}

static void
ob_subgroups_page_finalize (GObject *object)
{
  ObSubgroupsPage *self = OB_SUBGROUPS_PAGE (object);

  g_clear_pointer (&self->subgroups, ob_subgroups_free);
  g_clear_pointer (&self->dataset, ob_dataset_unref);
  g_clear_pointer (&self->time_columns, g_array_unref);
  g_clear_pointer (&self->event_columns, g_array_unref);
  g_clear_pointer (&self->group_columns, g_array_unref);
  g_clear_pointer (&self->by_columns, g_array_unref);
  g_clear_pointer (&self->by_checks, g_ptr_array_unref);
  g_clear_pointer (&self->where, g_strfreev);
  g_clear_object (&self->levels);

  G_OBJECT_CLASS (ob_subgroups_page_parent_class)->finalize (object);
}

static void
ob_subgroups_page_class_init (ObSubgroupsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ob_subgroups_page_dispose;
  object_class->finalize = ob_subgroups_page_finalize;

  g_type_ensure (OB_TYPE_PLOT_VIEW);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/oncobench/Oncobench/ob-subgroups-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ObSubgroupsPage, time_row);
  gtk_widget_class_bind_template_child (widget_class, ObSubgroupsPage, event_row);
  gtk_widget_class_bind_template_child (widget_class, ObSubgroupsPage, group_row);
  gtk_widget_class_bind_template_child (widget_class, ObSubgroupsPage, reference_row);
  gtk_widget_class_bind_template_child (widget_class, ObSubgroupsPage, by_group);
  gtk_widget_class_bind_template_child (widget_class, ObSubgroupsPage, where_row);
  gtk_widget_class_bind_template_child (widget_class, ObSubgroupsPage, clear_where_button);
  gtk_widget_class_bind_template_child (widget_class, ObSubgroupsPage, figure_stack);
  gtk_widget_class_bind_template_child (widget_class, ObSubgroupsPage, plot_view);
  gtk_widget_class_bind_template_child (widget_class, ObSubgroupsPage, figure_paned);
  gtk_widget_class_bind_template_child (widget_class, ObSubgroupsPage, message_page);
  gtk_widget_class_bind_template_child (widget_class, ObSubgroupsPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, ObSubgroupsPage, results_grid);
  gtk_widget_class_install_action (widget_class, "subgroups.copy", NULL, copy_action);
}

static void
ob_subgroups_page_init (ObSubgroupsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->time_columns = g_array_new (FALSE, FALSE, sizeof (guint));
  self->event_columns = g_array_new (FALSE, FALSE, sizeof (guint));
  self->group_columns = g_array_new (FALSE, FALSE, sizeof (guint));
  self->by_columns = g_array_new (FALSE, FALSE, sizeof (guint));
  self->by_checks = g_ptr_array_new ();
  self->levels = gtk_string_list_new (NULL);
  self->width_mm = 183;
  self->dpi = 300;
  ob_plot_view_set_draw_func (self->plot_view, draw_figure_cb, self, NULL);
}

/* Public */

/* The page keeps a reference to @dataset. */
GtkWidget *
ob_subgroups_page_new (ObDataset *dataset)
{
  ObSubgroupsPage *self;

  g_return_val_if_fail (dataset != NULL, NULL);

  self = g_object_new (OB_TYPE_SUBGROUPS_PAGE, NULL);
  self->dataset = ob_dataset_ref (dataset);
  build_settings (self);

  g_signal_connect_swapped (self->time_row, "notify::selected",
                            G_CALLBACK (settings_changed_cb), self);
  g_signal_connect_swapped (self->event_row, "notify::selected",
                            G_CALLBACK (settings_changed_cb), self);
  g_signal_connect_swapped (self->group_row, "notify::selected",
                            G_CALLBACK (group_changed_cb), self);
  g_signal_connect_swapped (self->reference_row, "notify::selected",
                            G_CALLBACK (settings_changed_cb), self);
  g_signal_connect_swapped (self->clear_where_button, "clicked",
                            G_CALLBACK (clear_where_cb), self);
  for (guint k = 0; k < self->by_checks->len; k++)
    g_signal_connect_swapped (g_ptr_array_index (self->by_checks, k), "toggled",
                              G_CALLBACK (settings_changed_cb), self);

  ob_subgroups_page_recompute (self);
  return GTK_WIDGET (self);
}

const ObSubgroups *
ob_subgroups_page_get_subgroups (ObSubgroupsPage *self)
{
  g_return_val_if_fail (OB_IS_SUBGROUPS_PAGE (self), NULL);
  return self->subgroups;
}

char *
ob_subgroups_page_get_results_text (ObSubgroupsPage *self)
{
  g_autoptr(GPtrArray) lines = NULL;
  GString *text;

  g_return_val_if_fail (OB_IS_SUBGROUPS_PAGE (self), NULL);

  if (self->subgroups == NULL)
    return NULL;
  lines = results_lines (self->subgroups);
  text = g_string_new (NULL);
  for (guint l = 0; l < lines->len; l++)
    {
      g_autofree char *line = g_strjoinv ("\t", g_ptr_array_index (lines, l));

      g_string_append_printf (text, "%s\n", line);
    }
  return g_string_free (text, FALSE);
}
