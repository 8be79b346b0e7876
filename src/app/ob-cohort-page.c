/* ob-cohort-page.c: the cohort at a glance — Table 1 by a column and its alteration landscape
 *
 * Any dataset gets its Table 1; one with alteration columns (cells such as "missense",
 * "frameshift", "none") also gets its oncoprint.  A click on a level of Table 1 or on a cell
 * of the oncoprint selects those patients, and one more click filters the dataset's other
 * analyses to them: "only TP53 frameshift" from the landscape to the Kaplan–Meier curve.
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

G_DEFINE_FINAL_TYPE_WITH_CODE (ObCohortPage, ob_cohort_page, ADW_TYPE_BIN,
                                G_IMPLEMENT_INTERFACE (OB_TYPE_ANALYSIS_PAGE,
                                                       ob_cohort_page_analysis_page_init))

/* A column with more levels than this is an identifier or a measurement, not a subgroup. */
#define MAX_LEVELS 12

/* Columns a first Table 1 leaves out: follow-up and outcomes belong to the analyses. */
#define OUTCOME_PATTERN "month|day|week|year|time|event|censor|death|dead|status|^os|^pfs|^dfs|" \
                        "^efs|^rfs|_os|_pfs|生存|死亡|増悪|期間"

/* Columns whose levels make a good first split of the cohort. */
#define GROUP_PATTERN "status|arm|group|treat|cohort|状態|群"

/* Names of alteration types, as cBioPortal, MAF files and clinical sheets spell them. */
static const char * const alteration_words[] = {
  "missense", "nonsense", "frameshift", "frame_shift", "splice", "inframe", "in_frame",
  "in-frame", "truncat", "deletion", "amplification", "amp", "homdel", "gain", "loss",
  "fusion", "rearrange", "indel", "insertion", "multiple", "nonstop", "translation_start",
  "mutation", "mutated", "altered", "ミスセンス", "ナンセンス", "フレームシフト", "欠失",
  "増幅", "融合",
};

/* Helpers */

static gboolean
is_alteration_level (const char *level)
{
  g_autofree char *lower = g_utf8_strdown (level, -1);

  for (guint k = 0; k < G_N_ELEMENTS (alteration_words); k++)
    if (strstr (lower, alteration_words[k]) != NULL)
      return TRUE;
  return FALSE;
}

/* A gene column: every value names an alteration type or says "not altered", and some
 * patients are altered. */
static gboolean
is_alteration_column (const ObColumn *column)
{
  guint n_altered = 0;

  if (column->type != OB_COLUMN_CATEGORICAL || column->levels->len > MAX_LEVELS)
    return FALSE;
  for (guint k = 0; k < column->levels->len; k++)
    {
      const char *level = g_ptr_array_index (column->levels, k);

      if (ob_landscape_is_unaltered (level))
        continue;
      if (!is_alteration_level (level))
        return FALSE;
      n_altered++;
    }
  return n_altered > 0;
}

/* Whole numbers with few distinct values (ECOG, line of therapy) group like categories. */
static guint
count_levels (const ObColumn *column,
              gsize           n_rows,
              guint           max)
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
      if (v != floor (v))
        return G_MAXUINT;
      for (guint k = 0; k < n_seen && !found; k++)
        found = seen[k] == v;
      if (found)
        continue;
      if (n_seen == max)
        return G_MAXUINT;
      seen[n_seen++] = v;
    }
  return n_seen;
}

static const char *
column_name (ObCohortPage *self,
             guint         column)
{
  return ob_dataset_get_column (self->dataset, column)->name;
}

static void
add_variable_check (ObCohortPage *self,
                    guint         c,
                    gboolean      active)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), column_name (self, c));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  adw_expander_row_add_row (self->vars_row, row);
  g_ptr_array_add (self->var_checks, check);
  g_array_append_val (self->var_columns, c);
}

static void
build_settings (ObCohortPage *self)
{
  gsize n_rows = ob_dataset_get_n_rows (self->dataset);
  guint n_columns = ob_dataset_get_n_columns (self->dataset);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint best_group = G_MAXUINT;

  self->building = TRUE;
  for (guint c = 0; c < n_columns; c++)
    {
      const ObColumn *column = ob_dataset_get_column (self->dataset, c);
      guint n_levels = count_levels (column, n_rows, MAX_LEVELS);
      gboolean outcome = g_regex_match_simple (OUTCOME_PATTERN, column->name,
                                               G_REGEX_CASELESS, 0);
      gboolean gene = is_alteration_column (column);

      if (gene)
        g_ptr_array_add (self->gene_columns, g_strdup (column->name));
      if (n_levels >= 2 && n_levels <= OB_TABLE1_MAX_GROUPS)
        {
          /* Two-level columns first: Table 1 compares arms, mutant against wild-type. */
          if (g_regex_match_simple (GROUP_PATTERN, column->name, G_REGEX_CASELESS, 0)
              && (best_group == G_MAXUINT
                  || (n_levels == 2
                      && count_levels (ob_dataset_get_column (
                                         self->dataset,
                                         g_array_index (self->group_columns, guint, best_group)),
                                       n_rows, MAX_LEVELS) != 2)))
            best_group = self->group_columns->len;
          g_array_append_val (self->group_columns, c);
          gtk_string_list_append (names, column->name);
        }
      if (column->type == OB_COLUMN_NUMERIC
          || (column->type == OB_COLUMN_CATEGORICAL && n_levels <= MAX_LEVELS))
        add_variable_check (self, c, !outcome && !gene);
    }
  g_ptr_array_add (self->gene_columns, NULL);
  adw_combo_row_set_model (self->group_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->group_row, best_group != G_MAXUINT ? best_group : 0);
  adw_combo_row_set_selected (self->figure_row,
                              self->gene_columns->len > 1 ? OB_COHORT_SHOW_LANDSCAPE
                                                          : OB_COHORT_SHOW_TABLE);
  self->building = FALSE;
}

const char *
ob_cohort_page_get_group (ObCohortPage *self)
{
  guint k = adw_combo_row_get_selected (self->group_row);

  if (k >= self->group_columns->len)
    return NULL;
  return column_name (self, g_array_index (self->group_columns, guint, k));
}

char **
ob_cohort_page_dup_variables (ObCohortPage *self)
{
  const char *group = ob_cohort_page_get_group (self);
  GStrvBuilder *builder = g_strv_builder_new ();
  char **vars;

  for (guint k = 0; k < self->var_checks->len; k++)
    {
      const char *name = column_name (self, g_array_index (self->var_columns, guint, k));

      if (gtk_check_button_get_active (g_ptr_array_index (self->var_checks, k))
          && g_strcmp0 (name, group) != 0)
        g_strv_builder_add (builder, name);
    }
  vars = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return vars;
}

ObCohortShow
ob_cohort_page_get_show (ObCohortPage *self)
{
  if (self->landscape != NULL
      && adw_combo_row_get_selected (self->figure_row) == OB_COHORT_SHOW_LANDSCAPE)
    return OB_COHORT_SHOW_LANDSCAPE;
  return OB_COHORT_SHOW_TABLE;
}

void
ob_cohort_page_set_show (ObCohortPage *self,
                         ObCohortShow  show)
{
  adw_combo_row_set_selected (self->figure_row, show);
}

/* Table 1 as a widget */

static GtkWidget *
make_cell (const char *text,
           gboolean    header,
           float       xalign)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_justify (GTK_LABEL (label), xalign > 0.4 ? GTK_JUSTIFY_CENTER
                                                         : GTK_JUSTIFY_LEFT);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  if (header)
    gtk_widget_add_css_class (label, "heading");
  return label;
}

static void
level_released_cb (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   ObCohortPage    *self)
{
  GtkWidget *label = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));

  ob_cohort_page_select (self, g_object_get_data (G_OBJECT (label), "ob-column"),
                         g_object_get_data (G_OBJECT (label), "ob-level"));
}

/* A level that selects its patients when clicked, yet reads as part of the table. */
static GtkWidget *
make_level_cell (ObCohortPage *self,
                 const char   *text,
                 const char   *column,
                 const char   *level,
                 gboolean      header)
{
  GtkWidget *label = make_cell (text, header, header ? 0.5f : 0.0f);
  GtkGesture *click = gtk_gesture_click_new ();
  g_autofree char *tooltip = g_strdup_printf (_("Select %s = %s"), column, level);

  gtk_widget_add_css_class (label, "accent");
  gtk_widget_set_cursor_from_name (label, "pointer");
  gtk_widget_set_tooltip_text (label, tooltip);
  g_object_set_data_full (G_OBJECT (label), "ob-column", g_strdup (column), g_free);
  g_object_set_data_full (G_OBJECT (label), "ob-level", g_strdup (level), g_free);
  g_signal_connect (click, "released", G_CALLBACK (level_released_cb), self);
  gtk_widget_add_controller (label, GTK_EVENT_CONTROLLER (click));
  return label;
}

static void
clear_grid (ObCohortPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->table_grid))) != NULL)
    gtk_grid_remove (self->table_grid, child);
  gtk_label_set_text (self->footnotes_label, "");
}

static void
show_grid (ObCohortPage *self)
{
  const ObTable1Grid *grid = self->grid;
  const ObTable1 *table = self->table;
  g_autoptr(GString) notes = g_string_new (NULL);
  guint v = 0, l = 0;
  const ObTable1Variable *var = NULL;

  clear_grid (self);
  for (guint r = 0; r < grid->n_rows; r++)
    {
      if (r > 0 && !grid->level[r])
        {
          var = &table->variables[v++];
          l = 0;
        }
      for (guint c = 0; c < grid->n_cols; c++)
        {
          const char *text = ob_table1_grid_cell (grid, r, c);
          GtkWidget *cell;

          if (r == 0 && c >= 1 && c <= table->n_groups)
            cell = make_level_cell (self, text, table->group_column,
                                    table->group_names[c - 1], TRUE);
          else if (c == 0 && grid->level[r] && var != NULL && var->categorical
                   && l < var->n_levels)
            cell = make_level_cell (self, text, var->name, var->levels[l], FALSE);
          else
            cell = make_cell (text, r == 0, c == 0 ? 0.0f : 0.5f);
          if (c == 0 && grid->level[r])
            gtk_widget_set_margin_start (cell, 18);
          gtk_widget_set_valign (cell, GTK_ALIGN_CENTER);
          gtk_grid_attach (self->table_grid, cell, (int) c, (int) r, 1, 1);
        }
      if (grid->level[r])
        l++;
    }
  for (guint k = 0; grid->footnotes[k] != NULL; k++)
    g_string_append_printf (notes, "%s%s", k > 0 ? "\n" : "", grid->footnotes[k]);
  gtk_label_set_text (self->footnotes_label, notes->str);
}

/* Computing */

/* Grey around the figure's white sheet in the preview, in pixels. */
#define PREVIEW_MARGIN 12.0

/* A wide, short oncoprint would float in a tall grey pane: once the pane has its size, give
 * the figure the height it takes at the pane's width (within reason) and the table the rest.
 * Done once per kind of figure, so a divider the user moved stays where they put it. */
static gboolean
fit_pane_cb (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       user_data)
{
  ObCohortPage *self = user_data;
  int view_width = gtk_widget_get_width (widget);
  int paned_height = gtk_widget_get_height (GTK_WIDGET (self->figure_paned));
  double width, height, wanted;

  if (view_width <= 0 || paned_height <= 0)
    return G_SOURCE_CONTINUE;
  self->fit_id = 0;
  self->fitted_show = (int) ob_cohort_page_get_show (self);
  ob_cohort_page_figure_size_pt (self, &width, &height);
  wanted = height * (view_width - 2 * PREVIEW_MARGIN) / MAX (width, 1) + 2 * PREVIEW_MARGIN;
  gtk_paned_set_position (self->figure_paned,
                          (int) CLAMP (wanted, 160, MAX (160, paned_height * 0.6)));
  return G_SOURCE_REMOVE;
}

/* What a screen reader says of the figure, which has no text of its own to read. */
static void
describe_figure (ObCohortPage *self)
{
  g_autofree char *description = NULL;
  const char *label;

  if (ob_cohort_page_get_show (self) == OB_COHORT_SHOW_TABLE)
    {
      label = _("Table 1");
      if (self->table != NULL)
        description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                    "Patient characteristics, %u variable",
                                                    "Patient characteristics, %u variables",
                                                    self->table->n_variables),
                                       self->table->n_variables);
    }
  else
    {
      label = _("Mutation Landscape");
      description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "Oncoprint of %u genes in %zu patient",
                                                  "Oncoprint of %u genes in %zu patients",
                                                  self->landscape->n_patients),
                                     self->landscape->n_genes, self->landscape->n_patients);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->plot_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description != NULL ? description : "", -1);
}

static void
update_figure (ObCohortPage *self)
{
  g_clear_pointer (&self->layout, ob_oncoprint_layout_free);
  if (self->table == NULL && ob_cohort_page_get_show (self) == OB_COHORT_SHOW_TABLE)
    {
      adw_status_page_set_title (self->message_page, _("No Table 1"));
      adw_status_page_set_description (self->message_page, self->table_error);
      gtk_stack_set_visible_child_name (self->figure_stack, "message");
    }
  else
    gtk_stack_set_visible_child_name (self->figure_stack, "figure");
  describe_figure (self);
  if ((int) ob_cohort_page_get_show (self) != self->fitted_show && self->fit_id == 0)
    self->fit_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->plot_view), fit_pane_cb,
                                                 self, NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self->plot_view));
}

void
ob_cohort_page_recompute (ObCohortPage *self)
{
  g_auto(GStrv) vars = NULL;
  const char *group = ob_cohort_page_get_group (self);
  g_autoptr(GError) error = NULL;
  gboolean has_table;

  if (self->building)
    return;
  g_clear_pointer (&self->grid, ob_table1_grid_free);
  g_clear_pointer (&self->table, ob_table1_free);
  g_clear_pointer (&self->table_error, g_free);

  vars = ob_cohort_page_dup_variables (self);
  if (group == NULL)
    self->table_error = g_strdup (_("The dataset has no column with 2 to 20 values to make the "
                                    "columns of Table 1."));
  else if (vars[0] == NULL)
    self->table_error = g_strdup (_("Choose the variables to describe."));
  else
    {
      self->table = ob_table1_new (self->dataset, group, (const char * const *) vars, NULL, NULL,
                                   NULL, &error);
      if (self->table == NULL)
        self->table_error = g_strdup (error->message);
    }

  has_table = self->table != NULL;
  if (has_table)
    {
      g_autofree char *title = g_strdup_printf (_("Table 1. Characteristics by %s"),
                                                self->table->group_column);

      self->grid = ob_table1_grid_new (self->table);
      show_grid (self);
      gtk_label_set_text (self->title_label, title);
    }
  else
    {
      clear_grid (self);
      gtk_label_set_text (self->title_label, self->table_error);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cohort.copy", has_table);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cohort.copy-html", has_table);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cohort.export-csv", has_table);
  update_figure (self);
}

static void
build_landscape (ObCohortPage *self)
{
  g_autoptr(GError) error = NULL;
  const char *patient = NULL;
  guint n_columns = ob_dataset_get_n_columns (self->dataset);

  if (self->gene_columns->len < 2)
    return;
  /* The first text column with a value per row names the patients, as an ID does. */
  for (guint c = 0; c < n_columns && patient == NULL; c++)
    {
      const ObColumn *column = ob_dataset_get_column (self->dataset, c);

      if (column->n_missing == 0
          && ((column->type == OB_COLUMN_CATEGORICAL
               && column->levels->len == ob_dataset_get_n_rows (self->dataset))
              || column->type == OB_COLUMN_TEXT))
        patient = column->name;
    }
  self->landscape = ob_landscape_new_wide (self->dataset,
                                           (const char * const *) self->gene_columns->pdata,
                                           patient, NULL, &error);
  if (self->landscape == NULL)
    {
      g_debug ("No landscape: %s", error->message);
      return;
    }
  ob_oncoprint_init (&self->oncoprint, self->landscape);
  self->oncoprint.show_patient_bars = TRUE;
}

/* Drawing and clicks */

void
ob_cohort_page_figure_size_pt (ObCohortPage *self,
                               double       *width,
                               double       *height)
{
  *width = OB_MM_TO_PT (self->width_mm);
  *height = OB_MM_TO_PT (self->height_mm);
  if (self->height_mm > 0)
    return;
  /* Until a height is chosen, the figure's own: as many rows as it has, no blank page. */
  if (ob_cohort_page_get_show (self) == OB_COHORT_SHOW_LANDSCAPE)
    *height = ob_oncoprint_natural_height (&self->oncoprint, *width);
  else if (self->grid != NULL)
    {
      ObTablePlot plot;
      g_autofree char *title = g_strdup_printf (_("Table 1. Characteristics by %s"),
                                                self->table->group_column);

      ob_table_plot_init (&plot, self->grid);
      plot.title = title;
      *height = ob_table_plot_height (&plot, *width);
    }
  else
    *height = OB_MM_TO_PT (100);
}

static void
place_preview (ObCohortPage *self,
               double        view_width,
               double        view_height)
{
  double width, height, scale;

  ob_cohort_page_figure_size_pt (self, &width, &height);
  scale = MIN (MAX (view_width - 2 * PREVIEW_MARGIN, 1) / width,
               MAX (view_height - 2 * PREVIEW_MARGIN, 1) / height);
  self->layout_scale = scale;
  self->layout_dx = floor ((view_width - width * scale) / 2);
  self->layout_dy = floor ((view_height - height * scale) / 2);
}

static void
draw_figure_cb (cairo_t *cr,
                double   view_width,
                double   view_height,
                gpointer user_data)
{
  ObCohortPage *self = user_data;
  double grey = adw_style_manager_get_dark (adw_style_manager_get_default ()) ? 0.22 : 0.88;
  double width, height;

  if (self->landscape == NULL && self->table == NULL)
    return;
  ob_cohort_page_figure_size_pt (self, &width, &height);
  place_preview (self, view_width, view_height);
  cairo_set_source_rgb (cr, grey, grey, grey);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, self->layout_dx, self->layout_dy, width * self->layout_scale,
                   height * self->layout_scale);
  cairo_fill (cr);
  cairo_translate (cr, self->layout_dx, self->layout_dy);
  cairo_scale (cr, self->layout_scale, self->layout_scale);

  if (ob_cohort_page_get_show (self) == OB_COHORT_SHOW_LANDSCAPE)
    {
      if (self->layout == NULL)
        self->layout = ob_oncoprint_layout (&self->oncoprint, width, height);
      ob_oncoprint_render_layout (cr, self->layout);
    }
  else if (self->grid != NULL)
    {
      ObTablePlot plot;
      g_autofree char *title = g_strdup_printf (_("Table 1. Characteristics by %s"),
                                                self->table->group_column);

      ob_table_plot_init (&plot, self->grid);
      plot.title = title;
      ob_table_plot_draw (&plot, cr, width, height);
    }
}

/* The gene column and alteration type under a view point, or FALSE. */
static gboolean
oncoprint_hit (ObCohortPage *self,
               double        x,
               double        y,
               const char  **column,
               const char  **level)
{
  const ObLandscape *land = self->landscape;
  const ObLandscapeGene *gene;
  guint g, type = 0;
  gsize patient;

  if (self->layout == NULL || ob_cohort_page_get_show (self) != OB_COHORT_SHOW_LANDSCAPE)
    return FALSE;
  if (!ob_oncoprint_layout_hit (self->layout, (x - self->layout_dx) / self->layout_scale,
                                (y - self->layout_dy) / self->layout_scale, &g, &patient))
    return FALSE;
  gene = &land->genes[g];
  if (gene->column == NULL)
    return FALSE;
  if (patient != G_MAXSIZE)
    type = land->cells[(gsize) g * land->n_patients + patient];
  else
    /* A gene's name or bar: its commonest alteration type. */
    for (guint t = 0; t < land->n_types; t++)
      if (gene->type_counts[t] > 0
          && (type == 0 || gene->type_counts[t] > gene->type_counts[type - 1]))
        type = t + 1;
  if (type == 0)
    return FALSE;
  *column = gene->column;
  *level = land->types[type - 1];
  return TRUE;
}

static char *
figure_tooltip_cb (double   x,
                   double   y,
                   double   width,
                   double   height,
                   gpointer user_data)
{
  ObCohortPage *self = user_data;
  const char *column, *level;
  g_autofree char *c = NULL, *l = NULL;

  if (!oncoprint_hit (self, x, y, &column, &level))
    return NULL;
  c = g_markup_escape_text (column, -1);
  l = g_markup_escape_text (level, -1);
  return g_strdup_printf (_("<b>%s</b> %s\nClick to select these patients"), c, l);
}

static void
figure_pressed_cb (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   ObCohortPage    *self)
{
  const char *column, *level;

  if (oncoprint_hit (self, x, y, &column, &level))
    ob_cohort_page_select (self, column, level);
}

/* Signal callbacks */

void
ob_cohort_page_notify_changed (ObCohortPage *self)
{
  if (!self->building && !self->loading && self->dataset != NULL)
    ob_analysis_page_changed (OB_ANALYSIS_PAGE (self));
}

static void
settings_changed_cb (ObCohortPage *self)
{
  if (self->building)
    return;
  ob_cohort_page_recompute (self);
  ob_cohort_page_notify_changed (self);
}

static void
figure_changed_cb (ObCohortPage *self)
{
  if (self->building)
    return;
  update_figure (self);
  ob_cohort_page_notify_changed (self);
}

/* Overrides */

static void
ob_cohort_page_dispose (GObject *object)
{
  ObCohortPage *self = OB_COHORT_PAGE (object);

  if (self->plot_view != NULL)
    {
      if (self->fit_id != 0)
        gtk_widget_remove_tick_callback (GTK_WIDGET (self->plot_view), self->fit_id);
      self->fit_id = 0;
      ob_plot_view_set_draw_func (self->plot_view, NULL, NULL, NULL);
      ob_plot_view_set_tooltip_func (self->plot_view, NULL, NULL, NULL);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), OB_TYPE_COHORT_PAGE);
  g_clear_pointer (&self->layout, ob_oncoprint_layout_free);

  G_OBJECT_CLASS (ob_cohort_page_parent_class)->dispose (object);
}

static void
ob_cohort_page_finalize (GObject *object)
{
  ObCohortPage *self = OB_COHORT_PAGE (object);

  g_clear_pointer (&self->grid, ob_table1_grid_free);
  g_clear_pointer (&self->table, ob_table1_free);
  g_clear_pointer (&self->table_error, g_free);
  g_clear_pointer (&self->landscape, ob_landscape_free);
  g_clear_pointer (&self->dataset, ob_dataset_unref);
  g_clear_pointer (&self->group_columns, g_array_unref);
  g_clear_pointer (&self->var_columns, g_array_unref);
  g_clear_pointer (&self->var_checks, g_ptr_array_unref);
  g_clear_pointer (&self->gene_columns, g_ptr_array_unref);
  g_clear_pointer (&self->selection_column, g_free);
  g_clear_pointer (&self->selection_level, g_free);

  G_OBJECT_CLASS (ob_cohort_page_parent_class)->finalize (object);
}

static void
ob_cohort_page_class_init (ObCohortPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ob_cohort_page_dispose;
  object_class->finalize = ob_cohort_page_finalize;

  g_type_ensure (OB_TYPE_PLOT_VIEW);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/oncobench/Oncobench/ob-cohort-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ObCohortPage, group_row);
  gtk_widget_class_bind_template_child (widget_class, ObCohortPage, vars_row);
  gtk_widget_class_bind_template_child (widget_class, ObCohortPage, figure_row);
  gtk_widget_class_bind_template_child (widget_class, ObCohortPage, selection_revealer);
  gtk_widget_class_bind_template_child (widget_class, ObCohortPage, selection_label);
  gtk_widget_class_bind_template_child (widget_class, ObCohortPage, use_filter_button);
  gtk_widget_class_bind_template_child (widget_class, ObCohortPage, figure_stack);
  gtk_widget_class_bind_template_child (widget_class, ObCohortPage, plot_view);
  gtk_widget_class_bind_template_child (widget_class, ObCohortPage, figure_paned);
  gtk_widget_class_bind_template_child (widget_class, ObCohortPage, message_page);
  gtk_widget_class_bind_template_child (widget_class, ObCohortPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, ObCohortPage, table_grid);
  gtk_widget_class_bind_template_child (widget_class, ObCohortPage, footnotes_label);
  ob_cohort_page_class_init_actions (widget_class);
}

static void
ob_cohort_page_init (ObCohortPage *self)
{
  GtkGesture *click;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->fitted_show = -1;
  self->group_columns = g_array_new (FALSE, FALSE, sizeof (guint));
  self->var_columns = g_array_new (FALSE, FALSE, sizeof (guint));
  self->var_checks = g_ptr_array_new ();
  self->gene_columns = g_ptr_array_new_with_free_func (g_free);
  self->layout_scale = 1.0;
  /* A single journal column is too narrow for a landscape or a Table 1: full width. */
  self->width_mm = 183;
  self->height_mm = 0;
  self->dpi = 300;

  ob_plot_view_set_draw_func (self->plot_view, draw_figure_cb, self, NULL);
  ob_plot_view_set_tooltip_func (self->plot_view, figure_tooltip_cb, self, NULL);
  click = gtk_gesture_click_new ();
  g_signal_connect (click, "pressed", G_CALLBACK (figure_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->plot_view), GTK_EVENT_CONTROLLER (click));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cohort.use-filter", FALSE);
}

/* Public */

/* The page keeps a reference to @dataset. */
GtkWidget *
ob_cohort_page_new (ObDataset *dataset)
{
  ObCohortPage *self;

  g_return_val_if_fail (dataset != NULL, NULL);

  self = g_object_new (OB_TYPE_COHORT_PAGE, NULL);
  self->dataset = ob_dataset_ref (dataset);
  build_settings (self);
  build_landscape (self);

  g_signal_connect_swapped (self->group_row, "notify::selected",
                            G_CALLBACK (settings_changed_cb), self);
  g_signal_connect_swapped (self->figure_row, "notify::selected",
                            G_CALLBACK (figure_changed_cb), self);
  for (guint k = 0; k < self->var_checks->len; k++)
    g_signal_connect_swapped (g_ptr_array_index (self->var_checks, k), "toggled",
                              G_CALLBACK (settings_changed_cb), self);

  ob_cohort_page_recompute (self);
  return GTK_WIDGET (self);
}

gboolean
ob_cohort_page_set_group (ObCohortPage *self,
                          const char   *column)
{
  g_return_val_if_fail (OB_IS_COHORT_PAGE (self), FALSE);

  for (guint k = 0; k < self->group_columns->len; k++)
    if (g_str_equal (column_name (self, g_array_index (self->group_columns, guint, k)), column))
      {
        adw_combo_row_set_selected (self->group_row, k);
        return TRUE;
      }
  return FALSE;
}

gboolean
ob_cohort_page_set_variables (ObCohortPage       *self,
                              const char * const *columns)
{
  g_return_val_if_fail (OB_IS_COHORT_PAGE (self), FALSE);

  for (guint i = 0; columns[i] != NULL; i++)
    {
      guint k = 0;

      while (k < self->var_columns->len
             && !g_str_equal (column_name (self, g_array_index (self->var_columns, guint, k)),
                              columns[i]))
        k++;
      if (k == self->var_columns->len)
        return FALSE;
    }
  self->building = TRUE;
  for (guint k = 0; k < self->var_checks->len; k++)
    gtk_check_button_set_active (
      g_ptr_array_index (self->var_checks, k),
      g_strv_contains (columns, column_name (self, g_array_index (self->var_columns, guint, k))));
  self->building = FALSE;
  ob_cohort_page_recompute (self);
  ob_cohort_page_notify_changed (self);
  return TRUE;
}

const ObTable1 *
ob_cohort_page_get_table (ObCohortPage *self)
{
  g_return_val_if_fail (OB_IS_COHORT_PAGE (self), NULL);
  return self->table;
}

const ObLandscape *
ob_cohort_page_get_landscape (ObCohortPage *self)
{
  g_return_val_if_fail (OB_IS_COHORT_PAGE (self), NULL);
  return self->landscape;
}
