/* ob-compare-page-options.c: the compare page's subject column, filters, intervals and limits
 *
 * Each is an option of `oncobench-cli compare` and is saved in its spelling: --id, --where,
 * --lower, --upper, --flag, --lloq, --uloq.  Filters come from the cohort overview's linked
 * selection and show above the chart as chips, each with its own remove button.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-app"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "ob-compare-page-private.h"
#include "ob-surv-data.h"

/* Helpers */

static void
fill_columns (AdwComboRow *row,
              GArray      *columns,
              ObDataset   *dataset,
              const char  *none,
              gboolean     numeric_only)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint n_columns = ob_dataset_get_n_columns (dataset);
  guint c = G_MAXUINT;

  g_array_set_size (columns, 0);
  g_array_append_val (columns, c);
  gtk_string_list_append (names, none);
  for (c = 0; c < n_columns; c++)
    {
      const ObColumn *column = ob_dataset_get_column (dataset, c);

      if (numeric_only && column->type != OB_COLUMN_NUMERIC)
        continue;
      g_array_append_val (columns, c);
      gtk_string_list_append (names, column->name);
    }
  adw_combo_row_set_model (row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (row, 0);
}

static const char *
row_column (ObComparePage *self,
            AdwComboRow   *row,
            GArray        *columns)
{
  guint k = adw_combo_row_get_selected (row);
  guint c;

  if (k >= columns->len || (c = g_array_index (columns, guint, k)) == G_MAXUINT)
    return NULL;
  return ob_dataset_get_column (self->dataset, c)->name;
}

/* Empty: no limit given, NAN.  FALSE for text that is no number. */
static gboolean
parse_limit (const char *text,
             double     *value)
{
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));
  char *end = NULL;

  *value = NAN;
  if (*copy == '\0')
    return TRUE;
  *value = g_ascii_strtod (copy, &end);
  if (end == copy || *end != '\0' || !isfinite (*value) || *value <= 0)
    {
      *value = NAN;
      return FALSE;
    }
  return TRUE;
}

static double
entry_limit (AdwEntryRow *row)
{
  double value;

  parse_limit (gtk_editable_get_text (GTK_EDITABLE (row)), &value);
  return value;
}

static void
set_entry_limit (AdwEntryRow *row,
                 double       value)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE] = "";

  if (isfinite (value))
    g_ascii_formatd (text, sizeof text, "%.10g", value);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

static gboolean
is_paired (ObComparePage *self)
{
  return adw_combo_row_get_selected (self->test_row) == OB_COMPARE_PAIRED;
}

/* Signal callbacks */

static void
option_changed_cb (ObComparePage *self)
{
  if (self->building)
    return;
  ob_compare_page_options_sync (self);
  ob_compare_page_rows_changed (self);
}

static void
limit_applied_cb (AdwEntryRow   *row,
                  ObComparePage *self)
{
  double value;

  /* A line at a place that is no number would be drawn nowhere: say so where it was typed. */
  if (!parse_limit (gtk_editable_get_text (GTK_EDITABLE (row)), &value))
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  option_changed_cb (self);
}

static void
remove_filter_clicked_cb (GtkButton     *button,
                          ObComparePage *self)
{
  const char *filter = g_object_get_data (G_OBJECT (button), "ob-filter");
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  gboolean removed = FALSE;

  for (guint i = 0; self->where != NULL && self->where[i] != NULL; i++)
    {
      if (!removed && g_strcmp0 (self->where[i], filter) == 0)
        removed = TRUE;
      else
        g_ptr_array_add (kept, self->where[i]);
    }
  g_ptr_array_add (kept, NULL);
  ob_compare_page_set_where (self, (const char * const *) kept->pdata);
}

/* Filter chips */

static GtkWidget *
make_chip (ObComparePage *self,
           const char    *filter,
           guint          index)
{
  const char *eq = strchr (filter, '=');
  g_autofree char *column = eq != NULL ? g_strndup (filter, eq - filter) : g_strdup (filter);
  const char *value = eq != NULL ? eq + 1 : "";
  const ObCompareResults *r = self->results;
  g_autofree char *text = NULL;
  g_autofree char *remove_label = NULL;
  GtkWidget *chip = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
  GtkWidget *label, *button;

  g_strstrip (column);
  if (r != NULL && r->where_kept != NULL)
    text = g_strdup_printf (_("Filtered: %s = %s · %zu of %zu rows"), column, value,
                            r->where_kept[index], r->n_rows);
  else
    text = g_strdup_printf (_("Filtered: %s = %s"), column, value);
  remove_label = g_strdup_printf (_("Remove the filter %s = %s"), column, value);

  label = gtk_label_new (text);
  gtk_widget_set_margin_start (label, 10);
  gtk_box_append (GTK_BOX (chip), label);
  button = gtk_button_new_from_icon_name ("window-close-symbolic");
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  remove_label, -1);
  g_object_set_data_full (G_OBJECT (button), "ob-filter", g_strdup (filter), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (remove_filter_clicked_cb), self);
  gtk_box_append (GTK_BOX (chip), button);
  gtk_widget_add_css_class (chip, "card");
  gtk_widget_set_halign (chip, GTK_ALIGN_START);
  return chip;
}

static void
update_chips (ObComparePage *self)
{
  GtkWidget *child;
  guint n = self->where != NULL ? g_strv_length (self->where) : 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->filter_box))) != NULL)
    gtk_box_remove (self->filter_box, child);
  for (guint i = 0; i < n; i++)
    gtk_box_append (self->filter_box, make_chip (self, self->where[i], i));
  gtk_widget_set_visible (self->filter_bar, n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->filter_box), n > 0);
}

/* Internal */

gboolean
ob_compare_page_select_column (ObComparePage *self,
                               AdwComboRow   *row,
                               GArray        *columns,
                               const char    *name)
{
  for (guint k = 0; k < columns->len; k++)
    {
      guint c = g_array_index (columns, guint, k);
      gboolean match = name == NULL
                       ? c == G_MAXUINT
                       : c != G_MAXUINT
                         && g_ascii_strcasecmp (ob_dataset_get_column (self->dataset, c)->name,
                                                name) == 0;

      if (match)
        {
          adw_combo_row_set_selected (row, k);
          return TRUE;
        }
    }
  return FALSE;
}

void
ob_compare_page_options_build (ObComparePage *self)
{
  fill_columns (self->id_row, self->id_columns, self->dataset, _("Row Order"), FALSE);
  fill_columns (self->lower_row, self->bound_columns, self->dataset, _("None"), TRUE);
  adw_combo_row_set_model (self->upper_row, adw_combo_row_get_model (self->lower_row));
  adw_combo_row_set_selected (self->upper_row, 0);
  fill_columns (self->flag_row, self->flag_columns, self->dataset, _("None"), FALSE);
  ob_compare_page_options_sync (self);
}

void
ob_compare_page_options_connect (ObComparePage *self)
{
  g_signal_connect_swapped (self->id_row, "notify::selected", G_CALLBACK (option_changed_cb),
                            self);
  g_signal_connect_swapped (self->lower_row, "notify::selected", G_CALLBACK (option_changed_cb),
                            self);
  g_signal_connect_swapped (self->upper_row, "notify::selected", G_CALLBACK (option_changed_cb),
                            self);
  g_signal_connect_swapped (self->flag_row, "notify::selected", G_CALLBACK (option_changed_cb),
                            self);
  g_signal_connect (self->lloq_row, "apply", G_CALLBACK (limit_applied_cb), self);
  g_signal_connect (self->uloq_row, "apply", G_CALLBACK (limit_applied_cb), self);
}

void
ob_compare_page_options_fill_job (ObComparePage *self,
                                  ObCompareJob  *job)
{
  job->where = g_strdupv (self->where);
  job->id_column = g_strdup (row_column (self, self->id_row, self->id_columns));
  job->lower_column = g_strdup (row_column (self, self->lower_row, self->bound_columns));
  job->upper_column = g_strdup (row_column (self, self->upper_row, self->bound_columns));
  job->flag_column = g_strdup (row_column (self, self->flag_row, self->flag_columns));
  job->lloq = entry_limit (self->lloq_row);
  job->uloq = entry_limit (self->uloq_row);
}

void
ob_compare_page_options_sync (ObComparePage *self)
{
  gboolean flags = row_column (self, self->flag_row, self->flag_columns) != NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->id_row), is_paired (self));
  gtk_widget_set_sensitive (GTK_WIDGET (self->lloq_row), flags);
  gtk_widget_set_sensitive (GTK_WIDGET (self->uloq_row), flags);
  update_chips (self);
}

void
ob_compare_page_options_setup_plot (ObComparePage *self)
{
  const ObCompareResults *r = self->results;

  self->plot.lower = r->lower;
  self->plot.upper = r->upper;
  if (r->has_flags)
    {
      self->plot.n_below = r->n_below;
      self->plot.n_above = r->n_above;
      self->plot.lloq = r->lloq;
      self->plot.uloq = r->uloq;
    }
}

void
ob_compare_page_options_save (ObComparePage *self,
                              JsonObject    *settings)
{
  const char *id = row_column (self, self->id_row, self->id_columns);
  const char *lower = row_column (self, self->lower_row, self->bound_columns);
  const char *upper = row_column (self, self->upper_row, self->bound_columns);
  const char *flag = row_column (self, self->flag_row, self->flag_columns);

  if (self->where != NULL && self->where[0] != NULL)
    {
      JsonArray *where = json_array_new ();

      for (guint i = 0; self->where[i] != NULL; i++)
        json_array_add_string_element (where, self->where[i]);
      json_object_set_array_member (settings, "where", where);
    }
  /* The command line takes --id with a paired test only. */
  if (id != NULL && self->test_chosen && is_paired (self))
    json_object_set_string_member (settings, "id", id);
  if (lower != NULL && upper != NULL)
    {
      json_object_set_string_member (settings, "lower", lower);
      json_object_set_string_member (settings, "upper", upper);
    }
  if (flag != NULL)
    {
      json_object_set_string_member (settings, "flag", flag);
      if (isfinite (entry_limit (self->lloq_row)))
        json_object_set_double_member (settings, "lloq", entry_limit (self->lloq_row));
      if (isfinite (entry_limit (self->uloq_row)))
        json_object_set_double_member (settings, "uloq", entry_limit (self->uloq_row));
    }
}

/* Saved by the page as a number, by the command line as the text typed. */
static gboolean
load_limit (JsonObject   *settings,
            const char   *option,
            AdwEntryRow  *row,
            GError      **error)
{
  JsonNode *node = json_object_get_member (settings, option);
  double value = NAN;

  if (node != NULL && JSON_NODE_HOLDS_VALUE (node))
    {
      GType type = json_node_get_value_type (node);
      gboolean ok = type == G_TYPE_STRING
                    ? parse_limit (json_node_get_string (node), &value)
                    : type == G_TYPE_DOUBLE || type == G_TYPE_INT64;

      if (ok && type != G_TYPE_STRING)
        value = json_node_get_double (node);
      if (!ok || (type != G_TYPE_STRING && !(isfinite (value) && value > 0)))
        {
          g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                       _("--%s: expected a positive number"), option);
          return FALSE;
        }
    }
  set_entry_limit (row, value);
  return TRUE;
}

gboolean
ob_compare_page_options_load (ObComparePage  *self,
                              JsonObject     *settings,
                              GError        **error)
{
  JsonNode *node = json_object_get_member (settings, "where");
  g_autoptr(GPtrArray) where = g_ptr_array_new_with_free_func (g_free);

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          const char *filter = json_array_get_string_element (array, i);

          if (filter != NULL)
            g_ptr_array_add (where, g_strdup (filter));
        }
    }
  else if (ob_compare_page_settings_string (settings, "where") != NULL)
    g_ptr_array_add (where, g_strdup (ob_compare_page_settings_string (settings, "where")));
  g_ptr_array_add (where, NULL);
  if (where->len > 1)
    {
      g_autoptr(GError) local = NULL;
      g_autofree guint8 *mask = ob_dataset_where_mask (self->dataset,
                                                       (const char * const *) where->pdata,
                                                       &local);

      if (mask == NULL)
        {
          g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG, "--where: %s", local->message);
          return FALSE;
        }
    }

  if (!ob_compare_page_load_column (self, settings, "id", self->id_row, self->id_columns, FALSE,
                                    error)
      || !ob_compare_page_load_column (self, settings, "lower", self->lower_row,
                                       self->bound_columns, FALSE, error)
      || !ob_compare_page_load_column (self, settings, "upper", self->upper_row,
                                       self->bound_columns, FALSE, error)
      || !ob_compare_page_load_column (self, settings, "flag", self->flag_row,
                                       self->flag_columns, FALSE, error)
      || !load_limit (settings, "lloq", self->lloq_row, error)
      || !load_limit (settings, "uloq", self->uloq_row, error))
    return FALSE;
  if ((ob_compare_page_settings_string (settings, "lower") == NULL)
      != (ob_compare_page_settings_string (settings, "upper") == NULL))
    {
      g_set_error_literal (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                           _("--lower and --upper go together: the two ends of each value’s "
                             "interval"));
      return FALSE;
    }

  g_clear_pointer (&self->where, g_strfreev);
  if (where->len > 1)
    self->where = (char **) g_ptr_array_free (g_steal_pointer (&where), FALSE);
  return TRUE;
}

/* Public */

void
ob_compare_page_set_where (ObComparePage      *self,
                           const char * const *where)
{
  char **old;

  g_return_if_fail (OB_IS_COMPARE_PAGE (self));

  /* where may point into the filters it replaces. */
  old = self->where;
  self->where = where != NULL && where[0] != NULL ? g_strdupv ((char **) where) : NULL;
  g_strfreev (old);
  update_chips (self);
  ob_compare_page_rows_changed (self);
}

const char * const *
ob_compare_page_get_where (ObComparePage *self)
{
  g_return_val_if_fail (OB_IS_COMPARE_PAGE (self), NULL);

  return (const char * const *) self->where;
}

gboolean
ob_compare_page_set_id (ObComparePage *self,
                        const char    *column)
{
  g_return_val_if_fail (OB_IS_COMPARE_PAGE (self), FALSE);

  return ob_compare_page_select_column (self, self->id_row, self->id_columns, column);
}

gboolean
ob_compare_page_set_limits (ObComparePage *self,
                            const char    *flag,
                            const char    *lower,
                            const char    *upper,
                            double         lloq,
                            double         uloq)
{
  gboolean ok;

  g_return_val_if_fail (OB_IS_COMPARE_PAGE (self), FALSE);

  /* One change, not one per row. */
  self->building = TRUE;
  ok = ob_compare_page_select_column (self, self->flag_row, self->flag_columns, flag)
       && ob_compare_page_select_column (self, self->lower_row, self->bound_columns, lower)
       && ob_compare_page_select_column (self, self->upper_row, self->bound_columns, upper);
  set_entry_limit (self->lloq_row, lloq);
  set_entry_limit (self->uloq_row, uloq);
  self->building = FALSE;
  option_changed_cb (self);
  return ok;
}

const char *
ob_compare_page_settings_string (JsonObject *settings,
                                 const char *member)
{
  JsonNode *node = json_object_get_member (settings, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

gboolean
ob_compare_page_load_column (ObComparePage  *self,
                             JsonObject     *settings,
                             const char     *option,
                             AdwComboRow    *row,
                             GArray         *columns,
                             gboolean        keep_when_absent,
                             GError        **error)
{
  const char *name = ob_compare_page_settings_string (settings, option);

  if (name == NULL && keep_when_absent)
    return TRUE;
  if (ob_compare_page_select_column (self, row, columns, name))
    return TRUE;
  g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
               _("--%s: the column “%s” is missing or does not fit this analysis"), option,
               name);
  return FALSE;
}
