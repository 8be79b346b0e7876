/* ob-survival-page-exclude.c: a patient clicked in the figure, shown as its data row, and
 * left out of the analysis with a logged reason
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-app"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ob-reason-dialog.h"
#include "ob-row-id.h"
#include "ob-survival-page-private.h"

/* At most this many patients are listed for one mark; more share a time only in registries. */
#define MAX_ROWS_SHOWN 3

void
ob_survival_exclusion_free (gpointer data)
{
  ObSurvivalExclusion *e = data;

  g_free (e->id);
  g_free (e->reason);
  g_free (e);
}

/* Identifiers */

static gboolean
is_id_name (const char *name)
{
  static const char * const words[] = { "id", "patient", "subject", "mouse", "animal",
                                        "sample", "case", "患者", "症例", "個体", NULL };
  g_autofree char *lower = g_utf8_strdown (name, -1);
  g_auto(GStrv) parts = g_strsplit_set (lower, "_.- ", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    if (g_strv_contains (words, parts[i]))
      return TRUE;
  /* "PatientID", "subjectId"; not "lipid". */
  return g_str_has_suffix (name, "ID") || g_str_has_suffix (name, "Id");
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* A column named like an identifier whose every row has its own value. */
static gboolean
is_unique (const ObDataset *dataset,
           guint            index)
{
  const ObColumn *column = ob_dataset_get_column (dataset, index);
  gsize n_rows = ob_dataset_get_n_rows (dataset);
  g_autoptr(GHashTable) seen = NULL;

  if (column->n_missing > 0)
    return FALSE;
  if (column->type == OB_COLUMN_CATEGORICAL)
    return column->levels->len == n_rows;
  if (column->type == OB_COLUMN_TEXT)
    {
      /* The cells themselves are the keys: nothing is copied. */
      seen = g_hash_table_new (g_str_hash, g_str_equal);
      for (gsize r = 0; r < n_rows; r++)
        if (column->text[r] == NULL || !g_hash_table_add (seen, column->text[r]))
          return FALSE;
      return TRUE;
    }
  {
    g_autofree double *sorted = g_memdup2 (column->num, n_rows * sizeof (double));

    qsort (sorted, n_rows, sizeof (double), compare_doubles);
    for (gsize r = 1; r < n_rows; r++)
      if (sorted[r] == sorted[r - 1])
        return FALSE;
    return TRUE;
  }
}

int
ob_survival_page_id_column (ObSurvivalPage *self)
{
  if (!self->id_guessed)
    {
      self->id_guessed = TRUE;
      for (guint c = 0; c < ob_dataset_get_n_columns (self->dataset); c++)
        {
          const ObColumn *column = ob_dataset_get_column (self->dataset, c);

          if (is_id_name (column->name) && is_unique (self->dataset, c))
            {
              self->id_name = g_strdup (column->name);
              break;
            }
        }
    }
  return self->id_name != NULL ? ob_dataset_find_column (self->dataset, self->id_name) : -1;
}

/* Mask, settings */

gsize
ob_survival_page_apply_exclusions (ObSurvivalPage  *self,
                                   guint8         **mask)
{
  gsize n_rows = ob_dataset_get_n_rows (self->dataset);
  g_autofree guint8 *keep = NULL;
  int id_column;
  gsize n_out = 0;

  if (self->exclusions == NULL || self->exclusions->len == 0)
    return 0;
  id_column = ob_survival_page_id_column (self);
  keep = g_malloc (n_rows);
  memset (keep, 1, n_rows);
  for (guint i = 0; i < self->exclusions->len; i++)
    {
      const ObSurvivalExclusion *e = g_ptr_array_index (self->exclusions, i);

      /* Checked when the exclusion was made or loaded. */
      ob_row_id_exclude (self->dataset, id_column, e->id, keep, NULL, NULL);
    }
  if (*mask == NULL)
    {
      *mask = g_malloc (n_rows);
      memset (*mask, 1, n_rows);
    }
  for (gsize r = 0; r < n_rows; r++)
    if ((*mask)[r] && !keep[r])
      {
        (*mask)[r] = 0;
        n_out++;
      }
  return n_out;
}

void
ob_survival_page_save_exclusions (ObSurvivalPage *self,
                                  JsonObject     *settings)
{
  JsonArray *list;

  if (self->exclusions == NULL || self->exclusions->len == 0)
    return;
  /* Without "id", the identifiers are row numbers, as for oncobench-cli. */
  if (ob_survival_page_id_column (self) >= 0)
    json_object_set_string_member (settings, "id", self->id_name);
  list = json_array_new ();
  for (guint i = 0; i < self->exclusions->len; i++)
    {
      const ObSurvivalExclusion *e = g_ptr_array_index (self->exclusions, i);
      g_autofree char *item = e->reason != NULL ? g_strdup_printf ("%s:%s", e->id, e->reason)
                                                : g_strdup (e->id);

      json_array_add_string_element (list, item);
    }
  json_object_set_array_member (settings, "exclude", list);
}

gboolean
ob_survival_page_load_exclusions (ObSurvivalPage  *self,
                                  JsonObject      *settings,
                                  GError         **error)
{
  g_autoptr(GPtrArray) loaded = g_ptr_array_new_with_free_func (ob_survival_exclusion_free);
  gsize n_rows = ob_dataset_get_n_rows (self->dataset);
  g_autofree guint8 *keep = NULL;
  JsonNode *node = json_object_get_member (settings, "exclude");
  JsonNode *id = json_object_get_member (settings, "id");
  int id_column = -1;

  if (node == NULL)
    {
      if (self->exclusions != NULL && self->exclusions->len > 0)
        ob_survival_page_schedule_recompute (self);
      g_clear_pointer (&self->exclusions, g_ptr_array_unref);
      ob_survival_page_update_exclusions_view (self);
      return TRUE;
    }
  if (id != NULL)
    {
      if (!JSON_NODE_HOLDS_VALUE (id) || json_node_get_value_type (id) != G_TYPE_STRING ||
          (id_column = ob_dataset_find_column (self->dataset, json_node_get_string (id))) < 0)
        {
          g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                       _("--id: the table has no identifier column “%s”"),
                       JSON_NODE_HOLDS_VALUE (id) ? json_node_get_string (id) : "");
          return FALSE;
        }
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error_literal (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                           _("--exclude: expected a list of ID:REASON"));
      return FALSE;
    }

  keep = g_malloc (n_rows);
  for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
    {
      JsonNode *item = json_array_get_element (json_node_get_array (node), i);
      ObSurvivalExclusion *e;
      g_autoptr(GError) local_error = NULL;

      if (!JSON_NODE_HOLDS_VALUE (item) || json_node_get_value_type (item) != G_TYPE_STRING)
        {
          g_set_error_literal (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                               _("--exclude: expected a list of ID:REASON"));
          return FALSE;
        }
      e = g_new0 (ObSurvivalExclusion, 1);
      ob_row_id_split (json_node_get_string (item), &e->id, &e->reason);
      g_ptr_array_add (loaded, e);
      memset (keep, 1, n_rows);
      if (ob_row_id_exclude (self->dataset, id_column, e->id, keep, NULL, &local_error) == 0)
        {
          g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG, "--exclude %s: %s", e->id,
                       local_error->message);
          return FALSE;
        }
    }

  g_free (self->id_name);
  self->id_name = id_column >= 0 ? g_strdup (json_node_get_string (id)) : NULL;
  self->id_guessed = TRUE;
  g_clear_pointer (&self->exclusions, g_ptr_array_unref);
  self->exclusions = g_steal_pointer (&loaded);
  ob_survival_page_update_exclusions_view (self);
  ob_survival_page_schedule_recompute (self);
  return TRUE;
}

/* Excluding and including again */

static void
exclusions_changed (ObSurvivalPage *self)
{
  ob_survival_page_update_exclusions_view (self);
  /* Emits "changed" too, unless settings are being loaded. */
  ob_survival_page_schedule_recompute (self);
}

void
ob_survival_page_exclude_row (ObSurvivalPage *self,
                              gsize           row,
                              const char     *reason)
{
  ObSurvivalExclusion *e;

  g_return_if_fail (row < ob_dataset_get_n_rows (self->dataset));

  if (self->exclusions == NULL)
    self->exclusions = g_ptr_array_new_with_free_func (ob_survival_exclusion_free);
  e = g_new0 (ObSurvivalExclusion, 1);
  e->id = ob_row_id_get (self->dataset, ob_survival_page_id_column (self), row);
  e->reason = reason != NULL && *reason != '\0' ? g_strdup (reason) : NULL;
  g_ptr_array_add (self->exclusions, e);
  exclusions_changed (self);
}

void
ob_survival_page_include_again (ObSurvivalPage *self,
                                guint           index)
{
  g_return_if_fail (self->exclusions != NULL && index < self->exclusions->len);

  g_ptr_array_remove_index (self->exclusions, index);
  exclusions_changed (self);
}

/* Rows under a mark */

GArray *
ob_survival_page_rows_at (ObSurvivalPage *self,
                          double          x,
                          double          y)
{
  const ObKmLayout *layout = self->layout;
  const ObSurvData *data;
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (gsize));
  guint curve;
  double time;

  if (layout == NULL || self->results == NULL ||
      !ob_km_plot_hit_mark (layout, (x - self->layout_dx) / self->layout_scale,
                            (y - self->layout_dy) / self->layout_scale, &curve, &time))
    return rows;
  data = self->results->data;
  for (gsize i = 0; i < data->n; i++)
    if (data->group[i] == curve && data->time[i] == time)
      g_array_append_val (rows, data->row_index[i]);
  return rows;
}

typedef struct
{
  ObSurvivalPage *page;
  gsize row;
} ExcludeRequest;

static void
reason_given_cb (const char *reason,
                 gpointer    user_data)
{
  ExcludeRequest *request = user_data;

  ob_survival_page_exclude_row (request->page, request->row, reason);
}

static void
exclude_clicked_cb (GtkButton *button,
                    gpointer   user_data)
{
  ObSurvivalPage *self = user_data;
  ExcludeRequest *request = g_new (ExcludeRequest, 1);
  g_autofree char *id = NULL;
  g_autofree char *heading = NULL;

  request->page = self;
  request->row = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "ob-row"));
  id = ob_row_id_get (self->dataset, ob_survival_page_id_column (self), request->row);
  heading = ob_survival_page_id_column (self) >= 0
            ? g_strdup_printf (_("Exclude Patient %s?"), id)
            : g_strdup_printf (_("Exclude Row %s?"), id);
  gtk_popover_popdown (self->row_popover);
  ob_reason_dialog_present (GTK_WIDGET (self), heading,
                            _("Every result and the figure are computed again without this "
                              "patient. The reason is kept in the project and in the recipe "
                              "of every figure exported."),
                            _("e.g. consent withdrawn"), _("_Exclude"), reason_given_cb,
                            request, g_free);
}

static GtkWidget *
row_view (ObSurvivalPage *self,
          gsize           row)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *title, *button;
  g_autofree char *id = ob_row_id_get (self->dataset, ob_survival_page_id_column (self), row);
  g_autofree char *heading = ob_survival_page_id_column (self) >= 0
                             ? g_strdup_printf (_("Patient %s"), id)
                             : g_strdup_printf (_("Row %s"), id);

  title = gtk_label_new (heading);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_box_append (GTK_BOX (box), title);

  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 2);
  for (guint c = 0; c < ob_dataset_get_n_columns (self->dataset); c++)
    {
      g_autofree char *value = ob_dataset_format_cell (self->dataset, c, row);
      GtkWidget *name = gtk_label_new (ob_dataset_get_column (self->dataset, c)->name);
      GtkWidget *cell = gtk_label_new (*value != '\0' ? value : "—");

      gtk_label_set_xalign (GTK_LABEL (name), 1);
      gtk_widget_add_css_class (name, "dim-label");
      gtk_label_set_xalign (GTK_LABEL (cell), 0);
      gtk_grid_attach (GTK_GRID (grid), name, 0, (int) c, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), cell, 1, (int) c, 1, 1);
    }
  gtk_box_append (GTK_BOX (box), grid);

  button = gtk_button_new_with_mnemonic (_("_Exclude…"));
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_widget_add_css_class (button, "destructive-action");
  gtk_widget_set_tooltip_text (button, _("Leave this patient out of the analysis, with a "
                                         "reason"));
  g_object_set_data (G_OBJECT (button), "ob-row", GSIZE_TO_POINTER (row));
  g_signal_connect (button, "clicked", G_CALLBACK (exclude_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), button);
  return box;
}

gboolean
ob_survival_page_show_rows (ObSurvivalPage *self,
                            double          x,
                            double          y)
{
  g_autoptr(GArray) rows = ob_survival_page_rows_at (self, x, y);
  GtkWidget *box, *scrolled;
  GdkRectangle at = { (int) x, (int) y, 1, 1 };

  if (rows->len == 0)
    return FALSE;

  if (self->row_popover == NULL)
    {
      self->row_popover = GTK_POPOVER (gtk_popover_new ());
      gtk_widget_set_parent (GTK_WIDGET (self->row_popover), GTK_WIDGET (self->plot_view));
    }
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  for (guint i = 0; i < MIN (rows->len, MAX_ROWS_SHOWN); i++)
    gtk_box_append (GTK_BOX (box), row_view (self, g_array_index (rows, gsize, i)));
  if (rows->len > MAX_ROWS_SHOWN)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u more patient at this time",
                                                            "%u more patients at this time",
                                                            rows->len - MAX_ROWS_SHOWN),
                                               rows->len - MAX_ROWS_SHOWN);
      GtkWidget *label = gtk_label_new (more);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (box), label);
    }
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 420);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), box);
  gtk_popover_set_child (self->row_popover, scrolled);
  gtk_popover_set_pointing_to (self->row_popover, &at);
  gtk_popover_popup (self->row_popover);
  return TRUE;
}

/* The log in the results */

static void
include_clicked_cb (GtkButton *button,
                    gpointer   user_data)
{
  ObSurvivalPage *self = user_data;

  ob_survival_page_include_again (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button),
                                                                            "ob-index")));
}

void
ob_survival_page_update_exclusions_view (ObSurvivalPage *self)
{
  GtkWidget *box, *title, *child;
  guint n = self->exclusions != NULL ? self->exclusions->len : 0;

  if (self->exclusions_view == NULL && n == 0)
    return;
  if (self->exclusions_view == NULL)
    {
      self->exclusions_view = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      gtk_widget_set_margin_start (self->exclusions_view, 6);
      gtk_widget_set_margin_end (self->exclusions_view, 6);
      gtk_flow_box_append (self->results_box, self->exclusions_view);
    }
  box = self->exclusions_view;
  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_box_remove (GTK_BOX (box), child);
  gtk_widget_set_visible (gtk_widget_get_parent (box), n > 0);
  if (n == 0)
    return;

  title = gtk_label_new (_("Excluded by Hand"));
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_box_append (GTK_BOX (box), title);
  for (guint i = 0; i < n; i++)
    {
      const ObSurvivalExclusion *e = g_ptr_array_index (self->exclusions, i);
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      g_autofree char *text = e->reason != NULL ? g_strdup_printf ("%s — %s", e->id, e->reason)
                                                : g_strdup (e->id);
      GtkWidget *label = gtk_label_new (text);
      GtkWidget *undo = gtk_button_new_from_icon_name ("edit-undo-symbolic");
      g_autofree char *tooltip = g_strdup_printf (_("Include %s Again"), e->id);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_widget_add_css_class (undo, "flat");
      gtk_widget_set_tooltip_text (undo, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (undo), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      tooltip, -1);
      g_object_set_data (G_OBJECT (undo), "ob-index", GUINT_TO_POINTER (i));
      g_signal_connect (undo, "clicked", G_CALLBACK (include_clicked_cb), self);
      gtk_box_append (GTK_BOX (row), label);
      gtk_box_append (GTK_BOX (row), undo);
      gtk_box_append (GTK_BOX (box), row);
    }
}
