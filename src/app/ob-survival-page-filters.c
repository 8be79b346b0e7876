/* ob-survival-page-filters.c: subgroup filters of the survival page
 *
 * A categorical column (or a numeric one with few values) filters by ticking its levels, as
 * "only TP53 frameshift"; another numeric column by a range.  Rows must pass every filter.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-app"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "ob-survival-page-private.h"

void
ob_survival_page_filter_free (gpointer data)
{
  ObSurvivalFilter *filter = data;

  g_clear_pointer (&filter->checks, g_ptr_array_unref);
  g_clear_pointer (&filter->values, g_array_unref);
  g_free (filter);
}

static gboolean
filter_is_active (const ObSurvivalFilter *filter)
{
  if (filter->by_level)
    {
      for (guint k = 0; k < filter->checks->len; k++)
        if (!gtk_check_button_get_active (g_ptr_array_index (filter->checks, k)))
          return TRUE;
      return FALSE;
    }
  return gtk_adjustment_get_value (filter->lo) > filter->min
         || gtk_adjustment_get_value (filter->hi) < filter->max;
}

static void
update_filter_subtitle (ObSurvivalFilter *filter)
{
  g_autofree char *subtitle = NULL;

  if (!filter_is_active (filter))
    subtitle = g_strdup (_("All rows"));
  else if (filter->by_level)
    {
      guint n = 0;

      for (guint k = 0; k < filter->checks->len; k++)
        n += gtk_check_button_get_active (g_ptr_array_index (filter->checks, k));
      subtitle = g_strdup_printf (_("%u of %u values"), n, filter->checks->len);
    }
  else
    subtitle = g_strdup_printf (_("%g to %g"), gtk_adjustment_get_value (filter->lo),
                                gtk_adjustment_get_value (filter->hi));
  adw_expander_row_set_subtitle (filter->row, subtitle);
}

static void
filter_changed_cb (GObject        *object,
                   ObSurvivalPage *self)
{
  for (guint f = 0; f < self->filters->len; f++)
    update_filter_subtitle (g_ptr_array_index (self->filters, f));
  ob_survival_page_schedule_recompute (self);
}

static GtkWidget *
add_range_row (AdwExpanderRow *expander,
               const char     *title,
               GtkAdjustment  *adjustment,
               guint           digits)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new (adjustment, 1, digits);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_expander_row_add_row (expander, row);
  return spin;
}

void
ob_survival_page_build_filters (ObSurvivalPage *self)
{
  gsize n_rows = ob_dataset_get_n_rows (self->dataset);
  guint n_columns = ob_dataset_get_n_columns (self->dataset);

  for (guint c = 0; c < n_columns; c++)
    {
      const ObColumn *column = ob_dataset_get_column (self->dataset, c);
      g_autoptr(GPtrArray) levels = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GArray) numbers = g_array_new (FALSE, FALSE, sizeof (double));
      ObSurvivalFilter *filter;

      if (column->type != OB_COLUMN_NUMERIC && column->type != OB_COLUMN_CATEGORICAL)
        continue;

      filter = g_new0 (ObSurvivalFilter, 1);
      filter->column = c;
      filter->row = ADW_EXPANDER_ROW (adw_expander_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (filter->row), column->name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (filter->row), FALSE);

      if (ob_survival_page_collect_distinct (self, column, OB_SURVIVAL_MAX_LEVELS, levels, numbers))
        {
          filter->by_level = TRUE;
          filter->checks = g_ptr_array_new ();
          filter->values = g_steal_pointer (&numbers);
          for (guint k = 0; k < levels->len; k++)
            {
              GtkWidget *check;

              ob_survival_page_add_check_row (filter->row, g_ptr_array_index (levels, k), TRUE, &check);
              g_signal_connect (check, "toggled", G_CALLBACK (filter_changed_cb), self);
              g_ptr_array_add (filter->checks, check);
            }
        }
      else if (column->type == OB_COLUMN_NUMERIC)
        {
          double lo = INFINITY, hi = -INFINITY, step;
          guint digits;
          GtkWidget *spin;

          for (gsize i = 0; i < n_rows; i++)
            if (!isnan (column->num[i]))
              {
                lo = MIN (lo, column->num[i]);
                hi = MAX (hi, column->num[i]);
              }
          if (!(lo < hi))
            {
              ob_survival_page_filter_free (filter);
              continue;
            }
          filter->min = lo;
          filter->max = hi;
          /* Steps of about a hundredth of the range, at a round decimal. */
          step = pow (10, floor (log10 ((hi - lo) / 100)));
          digits = step < 1 ? (guint) -floor (log10 (step)) : 0;
          filter->lo = gtk_adjustment_new (lo, lo, hi, step, step * 10, 0);
          filter->hi = gtk_adjustment_new (hi, lo, hi, step, step * 10, 0);
          spin = add_range_row (filter->row, _("From"), filter->lo, digits);
          g_signal_connect (spin, "value-changed", G_CALLBACK (filter_changed_cb), self);
          spin = add_range_row (filter->row, _("To"), filter->hi, digits);
          g_signal_connect (spin, "value-changed", G_CALLBACK (filter_changed_cb), self);
        }
      else
        {
          /* A categorical column with too many levels (an ID) is no subgroup. */
          ob_survival_page_filter_free (filter);
          continue;
        }

      update_filter_subtitle (filter);
      adw_preferences_group_add (self->filters_group, GTK_WIDGET (filter->row));
      g_ptr_array_add (self->filters, filter);
    }
}

/* Builds the row mask of the active filters; returns the number of rows left out, and leaves
 * self->mask NULL when every row is kept. */
static gsize build_filter_mask (ObSurvivalPage *self);

gsize
ob_survival_page_build_mask (ObSurvivalPage *self)
{
  gsize n_out = build_filter_mask (self);

  /* Rows excluded by hand are logged apart from the subgroup's. */
  ob_survival_page_apply_exclusions (self, &self->mask);
  return n_out;
}

static gsize
build_filter_mask (ObSurvivalPage *self)
{
  gsize n_rows = ob_dataset_get_n_rows (self->dataset);
  gboolean any = FALSE;
  gsize n_out = 0;

  for (guint f = 0; f < self->filters->len && !any; f++)
    any = filter_is_active (g_ptr_array_index (self->filters, f));
  g_clear_pointer (&self->mask, g_free);
  if (!any)
    return 0;

  self->mask = g_malloc (n_rows);
  memset (self->mask, 1, n_rows);
  for (guint f = 0; f < self->filters->len; f++)
    {
      ObSurvivalFilter *filter = g_ptr_array_index (self->filters, f);
      const ObColumn *column = ob_dataset_get_column (self->dataset, filter->column);

      if (!filter_is_active (filter))
        continue;

      if (filter->by_level)
        {
          guint n_levels = filter->checks->len;
          g_autofree guint8 *keep = g_new (guint8, n_levels);

          for (guint k = 0; k < n_levels; k++)
            keep[k] = gtk_check_button_get_active (g_ptr_array_index (filter->checks, k));

          if (column->type == OB_COLUMN_CATEGORICAL)
            {
              for (gsize i = 0; i < n_rows; i++)
                if (column->codes[i] == OB_LEVEL_MISSING || !keep[column->codes[i]])
                  self->mask[i] = 0;
            }
          else
            {
              const double *values = (const double *) (gpointer) filter->values->data;

              for (gsize i = 0; i < n_rows; i++)
                {
                  double v = column->num[i];
                  guint k = 0;

                  while (k < n_levels && values[k] != v)
                    k++;
                  if (k == n_levels || !keep[k])
                    self->mask[i] = 0;
                }
            }
        }
      else
        {
          double lo = gtk_adjustment_get_value (filter->lo);
          double hi = gtk_adjustment_get_value (filter->hi);

          for (gsize i = 0; i < n_rows; i++)
            if (!(column->num[i] >= lo && column->num[i] <= hi))
              self->mask[i] = 0;
        }
    }

  for (gsize i = 0; i < n_rows; i++)
    n_out += self->mask[i] == 0;
  return n_out;
}

