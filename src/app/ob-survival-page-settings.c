/* ob-survival-page-settings.c: the settings column of the survival page
 *
 * Columns are pre-filled from their names and values, so a typical cohort file shows a
 * curve without a click.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-app"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "ob-survival-page-private.h"

/* An event or group column has few distinct values; beyond these it is something else. */
#define MAX_EVENT_VALUES  12
#define MAX_GROUP_LEVELS  12

/* Helpers */

static const ObColumn *
column_at (ObSurvivalPage *self,
           GArray         *columns,
           guint           position)
{
  guint column;

  if (position == GTK_INVALID_LIST_POSITION || position >= columns->len)
    return NULL;
  column = g_array_index (columns, guint, position);
  /* G_MAXUINT stands for "None". */
  return column != G_MAXUINT ? ob_dataset_get_column (self->dataset, column) : NULL;
}

const ObColumn *
ob_survival_page_selected_column (ObSurvivalPage *self,
                                  AdwComboRow    *row,
                                  GArray         *columns)
{
  return column_at (self, columns, adw_combo_row_get_selected (row));
}

static char *
format_double (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.15g", value));
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Distinct non-missing values of a column in sorted order, as text (and as numbers for a
 * numeric column); FALSE once there are more than max, or for dates and free text. */
static gboolean
scan_distinct (const ObColumn *column,
               gsize           n_rows,
               guint           max,
               GPtrArray      *out_text,
               GArray         *out_numbers)
{
  g_autoptr(GArray) seen = NULL;

  if (column->type == OB_COLUMN_CATEGORICAL)
    {
      if (column->levels->len > max)
        return FALSE;
      for (guint l = 0; l < column->levels->len; l++)
        g_ptr_array_add (out_text, g_strdup (g_ptr_array_index (column->levels, l)));
      return TRUE;
    }
  if (column->type != OB_COLUMN_NUMERIC)
    return FALSE;

  seen = g_array_new (FALSE, FALSE, sizeof (double));
  for (gsize i = 0; i < n_rows; i++)
    {
      double v = column->num[i];
      gboolean found = FALSE;

      if (isnan (v))
        continue;
      for (guint k = 0; k < seen->len && !found; k++)
        found = g_array_index (seen, double, k) == v;
      if (found)
        continue;
      if (seen->len == max)
        return FALSE;
      g_array_append_val (seen, v);
    }
  g_array_sort (seen, compare_doubles);
  for (guint k = 0; k < seen->len; k++)
    {
      double v = g_array_index (seen, double, k);

      g_ptr_array_add (out_text, format_double (v));
      if (out_numbers != NULL)
        g_array_append_val (out_numbers, v);
    }
  return TRUE;
}

/* Several settings ask for the same columns' values; a million-row scan is done once. */
typedef struct
{
  GPtrArray *text;     /* char * */
  GArray *numbers;     /* double, numeric columns only */
} Distinct;

static void
distinct_free (gpointer data)
{
  Distinct *distinct = data;

  if (distinct == NULL)
    return;
  g_ptr_array_unref (distinct->text);
  g_array_unref (distinct->numbers);
  g_free (distinct);
}

gboolean
ob_survival_page_collect_distinct (ObSurvivalPage *self,
                                   const ObColumn *column,
                                   guint           max,
                                   GPtrArray      *out_text,
                                   GArray         *out_numbers)
{
  guint n_columns = ob_dataset_get_n_columns (self->dataset);
  guint c = 0;
  Distinct *distinct;

  while (c < n_columns && ob_dataset_get_column (self->dataset, c) != column)
    c++;
  g_return_val_if_fail (c < n_columns, FALSE);

  if (self->distinct == NULL)
    {
      self->distinct = g_ptr_array_new_with_free_func (distinct_free);
      g_ptr_array_set_size (self->distinct, n_columns);
      self->distinct_done = g_new0 (guint8, n_columns);
    }
  if (!self->distinct_done[c])
    {
      distinct = g_new0 (Distinct, 1);
      distinct->text = g_ptr_array_new_with_free_func (g_free);
      distinct->numbers = g_array_new (FALSE, FALSE, sizeof (double));
      if (!scan_distinct (column, ob_dataset_get_n_rows (self->dataset), OB_SURVIVAL_MAX_LEVELS,
                          distinct->text, distinct->numbers))
        g_clear_pointer (&distinct, distinct_free);
      g_ptr_array_index (self->distinct, c) = distinct;
      self->distinct_done[c] = TRUE;
    }

  distinct = g_ptr_array_index (self->distinct, c);
  if (distinct == NULL || distinct->text->len > max)
    return FALSE;
  for (guint k = 0; k < distinct->text->len; k++)
    g_ptr_array_add (out_text, g_strdup (g_ptr_array_index (distinct->text, k)));
  if (out_numbers != NULL && distinct->numbers->len > 0)
    g_array_append_vals (out_numbers, distinct->numbers->data, distinct->numbers->len);
  return TRUE;
}

static gboolean
name_matches (const char *name,
              const char *pattern)
{
  return g_regex_match_simple (pattern, name, G_REGEX_CASELESS, 0);
}

#define TIME_PATTERN  "time|pfs|^os|[^a-z]os([^a-z]|$)|month|day|week|year|futime|surv|dfs|efs|" \
                      "rfs|ttp|follow|期間|月"
#define UNIT_PATTERN  "time|month|day|week|year|期間|月|日数"
#define EVENT_PATTERN "status|event|dead|death|died|censor|vital|fustat|relapse|progress|" \
                      "死亡|増悪|再発|イベント|打ち切り|転帰"

/* Values counted as events when the user has not said: R's Surv() rules for 0/1 and 1/2,
 * and the usual words otherwise.  A column named "censor…" marks censorings, not events. */
static gboolean
is_default_event_value (const ObColumn *column,
                        GPtrArray      *values,
                        guint           index)
{
  const char *value = g_ptr_array_index (values, index);
  gboolean zero_one = TRUE, one_two = TRUE;

  for (guint k = 0; k < values->len; k++)
    {
      const char *v = g_ptr_array_index (values, k);

      zero_one = zero_one && (strcmp (v, "0") == 0 || strcmp (v, "1") == 0);
      one_two = one_two && (strcmp (v, "1") == 0 || strcmp (v, "2") == 0);
    }
  if (zero_one)
    return strcmp (value, name_matches (column->name, "censor") ? "0" : "1") == 0;
  if (one_two)
    return strcmp (value, "2") == 0;
  return name_matches (value, "^(yes|true|dead|death|died|deceased|event|progression|progressed|"
                              "relapse|relapsed|recurrence|pd|死亡|再発|増悪|あり)$");
}

static void
update_event_subtitle (ObSurvivalPage *self)
{
  g_autoptr(GString) chosen = g_string_new (NULL);

  for (guint k = 0; k < self->event_checks->len; k++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->event_checks, k)))
      g_string_append_printf (chosen, "%s%s", chosen->len > 0 ? ", " : "",
                              (const char *) g_ptr_array_index (self->event_values, k));
  if (chosen->len == 0)
    adw_expander_row_set_subtitle (self->event_values_row,
                                   _("Choose the values that mark an event"));
  else
    {
      g_autofree char *subtitle = g_strdup_printf (_("Events: %s"), chosen->str);

      adw_expander_row_set_subtitle (self->event_values_row, subtitle);
    }
}

static void
event_check_toggled_cb (ObSurvivalPage *self)
{
  update_event_subtitle (self);
  ob_survival_page_schedule_recompute (self);
}

GtkWidget *
ob_survival_page_add_check_row (AdwExpanderRow *expander,
                                const char     *title,
                                gboolean        active,
                                GtkWidget     **out_check)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  adw_expander_row_add_row (expander, row);
  *out_check = check;
  return row;
}

static void
rebuild_event_values (ObSurvivalPage *self)
{
  const ObColumn *column = ob_survival_page_selected_column (self, self->event_row,
                                                             self->event_columns);

  for (guint k = 0; k < self->event_checks->len; k++)
    {
      GtkWidget *check = g_ptr_array_index (self->event_checks, k);

      adw_expander_row_remove (self->event_values_row,
                               gtk_widget_get_ancestor (check, ADW_TYPE_ACTION_ROW));
    }
  g_ptr_array_set_size (self->event_checks, 0);
  g_ptr_array_set_size (self->event_values, 0);

  if (column == NULL
      || !ob_survival_page_collect_distinct (self, column, MAX_EVENT_VALUES,
                            self->event_values, NULL))
    {
      g_ptr_array_set_size (self->event_values, 0);
      update_event_subtitle (self);
      return;
    }

  for (guint k = 0; k < self->event_values->len; k++)
    {
      GtkWidget *check;

      ob_survival_page_add_check_row (self->event_values_row, g_ptr_array_index (self->event_values, k),
                     is_default_event_value (column, self->event_values, k), &check);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (event_check_toggled_cb), self);
      g_ptr_array_add (self->event_checks, check);
    }
  update_event_subtitle (self);
}

static void
update_covariates_subtitle (ObSurvivalPage *self)
{
  guint n = 0;

  for (guint k = 0; k < self->covariate_checks->len; k++)
    n += gtk_check_button_get_active (g_ptr_array_index (self->covariate_checks, k));
  if (n == 0)
    adw_expander_row_set_subtitle (self->covariates_row, _("None"));
  else
    {
      g_autofree char *subtitle = g_strdup_printf (ngettext ("%u covariate", "%u covariates", n),
                                                   n);

      adw_expander_row_set_subtitle (self->covariates_row, subtitle);
    }
}

static void
covariate_toggled_cb (ObSurvivalPage *self)
{
  update_covariates_subtitle (self);
  ob_survival_page_schedule_recompute (self);
}

static void
build_covariates (ObSurvivalPage *self)
{
  guint n_columns = ob_dataset_get_n_columns (self->dataset);

  for (guint c = 0; c < n_columns; c++)
    {
      const ObColumn *column = ob_dataset_get_column (self->dataset, c);
      GtkWidget *check;

      if (column->type != OB_COLUMN_NUMERIC && column->type != OB_COLUMN_CATEGORICAL)
        continue;
      g_ptr_array_add (self->covariate_rows,
                       ob_survival_page_add_check_row (self->covariates_row, column->name, FALSE, &check));
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (covariate_toggled_cb), self);
      g_array_append_val (self->covariate_columns, c);
      g_ptr_array_add (self->covariate_checks, check);
    }
  update_covariates_subtitle (self);
}

/* The time, event and group columns cannot also be covariates. */
static void
update_covariate_sensitivity (ObSurvivalPage *self)
{
  const ObColumn *time = ob_survival_page_selected_column (self, self->time_row,
                                                           self->time_columns);
  const ObColumn *event = ob_survival_page_selected_column (self, self->event_row,
                                                            self->event_columns);
  const ObColumn *group = ob_survival_page_selected_column (self, self->group_row,
                                                            self->group_columns);

  for (guint k = 0; k < self->covariate_columns->len; k++)
    {
      const ObColumn *column = column_at (self, self->covariate_columns, k);
      gboolean used = column == time || column == event || column == group;

      gtk_widget_set_visible (g_ptr_array_index (self->covariate_rows, k), !used);
    }
}

/* Columns */

static void
fill_column_row (ObSurvivalPage *self,
                 AdwComboRow    *row,
                 GArray         *columns,
                 gboolean        with_none,
                 gboolean      (*accept) (ObSurvivalPage *self, const ObColumn *column))
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  if (with_none)
    {
      guint none = G_MAXUINT;

      gtk_string_list_append (names, _("None"));
      g_array_append_val (columns, none);
    }
  for (guint c = 0; c < ob_dataset_get_n_columns (self->dataset); c++)
    {
      const ObColumn *column = ob_dataset_get_column (self->dataset, c);

      if (!accept (self, column))
        continue;
      gtk_string_list_append (names, column->name);
      g_array_append_val (columns, c);
    }
  adw_combo_row_set_model (row, G_LIST_MODEL (names));
}

static gboolean
accept_time (ObSurvivalPage *self,
             const ObColumn *column)
{
  return column->type == OB_COLUMN_NUMERIC;
}

static gboolean
accept_event (ObSurvivalPage *self,
              const ObColumn *column)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);

  return ob_survival_page_collect_distinct (self, column, MAX_EVENT_VALUES, values, NULL) && values->len >= 1;
}

static gboolean
accept_group (ObSurvivalPage *self,
              const ObColumn *column)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);

  return ob_survival_page_collect_distinct (self, column, MAX_GROUP_LEVELS, values, NULL) && values->len >= 2;
}

static guint
n_levels (ObSurvivalPage *self,
          const ObColumn *column)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);

  if (!ob_survival_page_collect_distinct (self, column, MAX_GROUP_LEVELS, values, NULL))
    return G_MAXUINT;
  return values->len;
}

/* The text before the first separator: "pfs" of "pfs_months", to pair it with "pfs_event". */
static char *
name_stem (const char *name)
{
  gsize len = strcspn (name, "_.- ");

  return g_ascii_strdown (name, len);
}

/* "pfs_months" is in months: the axis title says so without the user typing it. */
static void
guess_time_unit (ObSurvivalPage *self)
{
  static const struct { const char *pattern; const char *unit; } units[] = {
    { "day|日", N_("days") },
    { "week|週", N_("weeks") },
    { "month|月", N_("months") },
    { "year|年", N_("years") },
  };
  const ObColumn *time = ob_survival_page_selected_column (self, self->time_row,
                                                           self->time_columns);
  const char *current = gtk_editable_get_text (GTK_EDITABLE (self->time_unit_row));
  const char *guess = "";

  /* Only replace what was guessed before, never what the user typed. */
  if (*current != '\0' && g_strcmp0 (current, self->guessed_unit) != 0)
    return;
  for (guint k = 0; time != NULL && k < G_N_ELEMENTS (units); k++)
    if (name_matches (time->name, units[k].pattern))
      {
        guess = gettext (units[k].unit);
        break;
      }
  g_free (self->guessed_unit);
  self->guessed_unit = g_strdup (guess);
  gtk_editable_set_text (GTK_EDITABLE (self->time_unit_row), guess);
}

static void
prefill_columns (ObSurvivalPage *self)
{
  guint time_pos = GTK_INVALID_LIST_POSITION, event_pos = GTK_INVALID_LIST_POSITION;
  guint group_pos = 0;
  const ObColumn *time = NULL, *event = NULL;
  g_autofree char *stem = NULL;

  for (guint k = 0; k < self->time_columns->len && time_pos == GTK_INVALID_LIST_POSITION; k++)
    {
      const ObColumn *column = column_at (self, self->time_columns, k);

      /* "pfs_event" is no time, but "無増悪生存期間_月" (progression-free months) is. */
      if (name_matches (column->name, TIME_PATTERN)
          && (!name_matches (column->name, EVENT_PATTERN)
              || name_matches (column->name, UNIT_PATTERN)))
        time_pos = k;
    }
  if (time_pos == GTK_INVALID_LIST_POSITION && self->time_columns->len > 0)
    time_pos = 0;
  if (time_pos != GTK_INVALID_LIST_POSITION)
    {
      adw_combo_row_set_selected (self->time_row, time_pos);
      time = column_at (self, self->time_columns, time_pos);
      stem = name_stem (time->name);
    }

  for (guint k = 0; k < self->event_columns->len; k++)
    {
      const ObColumn *column = column_at (self, self->event_columns, k);
      g_autofree char *event_stem = name_stem (column->name);

      if (column == time || !name_matches (column->name, EVENT_PATTERN))
        continue;
      if (event_pos == GTK_INVALID_LIST_POSITION)
        event_pos = k;
      if (stem != NULL && strcmp (stem, event_stem) == 0)
        {
          event_pos = k;
          break;
        }
    }
  if (event_pos != GTK_INVALID_LIST_POSITION)
    {
      adw_combo_row_set_selected (self->event_row, event_pos);
      event = column_at (self, self->event_columns, event_pos);
    }

  /* Categorical columns first: a numeric one with few values may be a score, not groups. */
  for (int pass = 0; pass < 2 && group_pos == 0; pass++)
    for (guint k = 1; k < self->group_columns->len && group_pos == 0; k++)
      {
        const ObColumn *column = column_at (self, self->group_columns, k);
        guint levels = n_levels (self, column);

        if (column == time || column == event || levels < 2 || levels > 6)
          continue;
        if ((pass == 0) == (column->type == OB_COLUMN_CATEGORICAL))
          group_pos = k;
      }
  adw_combo_row_set_selected (self->group_row, group_pos);
}

static void
event_column_changed_cb (ObSurvivalPage *self)
{
  if (self->building)
    return;
  rebuild_event_values (self);
  update_covariate_sensitivity (self);
  ob_survival_page_schedule_recompute (self);
}

static void
group_column_changed_cb (ObSurvivalPage *self)
{
  if (self->building)
    return;
  self->hidden_groups = 0;
  update_covariate_sensitivity (self);
  ob_survival_page_schedule_recompute (self);
}

static void
time_column_changed_cb (ObSurvivalPage *self)
{
  if (self->building)
    return;
  guess_time_unit (self);
  update_covariate_sensitivity (self);
  ob_survival_page_schedule_recompute (self);
}

/* Public within the page */

char **
ob_survival_page_event_values (ObSurvivalPage *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  gboolean any = FALSE;

  for (guint k = 0; k < self->event_checks->len; k++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->event_checks, k)))
      {
        g_strv_builder_add (builder, g_ptr_array_index (self->event_values, k));
        any = TRUE;
      }
  return any ? g_strv_builder_end (builder) : NULL;
}

char **
ob_survival_page_covariates (ObSurvivalPage *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  gboolean any = FALSE;

  for (guint k = 0; k < self->covariate_checks->len; k++)
    if (gtk_widget_get_visible (g_ptr_array_index (self->covariate_rows, k))
        && gtk_check_button_get_active (g_ptr_array_index (self->covariate_checks, k)))
      {
        const ObColumn *column = column_at (self, self->covariate_columns, k);

        g_strv_builder_add (builder, column->name);
        any = TRUE;
      }
  return any ? g_strv_builder_end (builder) : NULL;
}

void
ob_survival_page_build_settings (ObSurvivalPage *self)
{
  self->building = TRUE;
  fill_column_row (self, self->time_row, self->time_columns, FALSE, accept_time);
  fill_column_row (self, self->event_row, self->event_columns, FALSE, accept_event);
  fill_column_row (self, self->group_row, self->group_columns, TRUE, accept_group);
  prefill_columns (self);
  guess_time_unit (self);
  build_covariates (self);
  ob_survival_page_build_filters (self);
  rebuild_event_values (self);
  update_covariate_sensitivity (self);

  g_signal_connect_swapped (self->time_row, "notify::selected",
                            G_CALLBACK (time_column_changed_cb), self);
  g_signal_connect_swapped (self->event_row, "notify::selected",
                            G_CALLBACK (event_column_changed_cb), self);
  g_signal_connect_swapped (self->group_row, "notify::selected",
                            G_CALLBACK (group_column_changed_cb), self);
  self->building = FALSE;
}
