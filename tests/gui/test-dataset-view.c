/* test-dataset-view.c: the table widget and its row model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-test"

#include "config.h"

#include <math.h>
#include <adwaita.h>

#include "ob-dataset-model.h"
#include "ob-dataset-view.h"

static ObDataset *
create_dataset (void)
{
  ObDataset *dataset = ob_dataset_new ();
  double *x = g_new (double, 3);
  guint32 *codes = g_new (guint32, 3);
  char **text = g_new0 (char *, 3);
  GPtrArray *levels = g_ptr_array_new_with_free_func (g_free);

  x[0] = 1.5;
  x[1] = NAN;
  x[2] = -20;
  g_ptr_array_add (levels, g_strdup ("a"));
  g_ptr_array_add (levels, g_strdup ("b"));
  codes[0] = 1;
  codes[1] = 0;
  codes[2] = OB_LEVEL_MISSING;
  text[0] = g_string_chunk_insert (ob_dataset_get_string_chunk (dataset), "first note");
  text[2] = g_string_chunk_insert (ob_dataset_get_string_chunk (dataset), "third note");

  ob_dataset_set_n_rows (dataset, 3);
  ob_dataset_add_numeric (dataset, "x", x);
  ob_dataset_add_categorical (dataset, "group", codes, levels);
  ob_dataset_add_text (dataset, "note", text);
  return dataset;
}

static void
test_model_rows (void)
{
  g_autoptr(ObDataset) dataset = create_dataset ();
  g_autoptr(ObDatasetModel) model = ob_dataset_model_new (dataset);
  g_autoptr(ObDatasetRow) row = NULL;

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (model)) == OB_TYPE_DATASET_ROW);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 3);
  g_assert_true (ob_dataset_model_get_dataset (model) == dataset);

  row = g_list_model_get_item (G_LIST_MODEL (model), 2);
  g_assert_nonnull (row);
  g_assert_cmpuint (ob_dataset_row_get_index (row), ==, 2);
  g_assert_true (ob_dataset_row_get_dataset (row) == dataset);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), 3));

  g_assert_finalize_object (g_steal_pointer (&row));
  g_assert_finalize_object (g_steal_pointer (&model));
}

/* A million rows cost one model object: rows exist only while something holds them. */
static void
test_model_million_rows (void)
{
  const gsize n_rows = 1000000;
  g_autoptr(ObDataset) dataset = ob_dataset_new ();
  g_autoptr(ObDatasetModel) model = NULL;
  g_autoptr(ObDatasetRow) last = NULL;
  double *values = g_new (double, n_rows);

  for (gsize i = 0; i < n_rows; i++)
    values[i] = (double) i;
  ob_dataset_set_n_rows (dataset, n_rows);
  ob_dataset_add_numeric (dataset, "value", values);

  model = ob_dataset_model_new (dataset);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n_rows);
  last = g_list_model_get_item (G_LIST_MODEL (model), n_rows - 1);
  g_assert_cmpuint (ob_dataset_row_get_index (last), ==, n_rows - 1);
  g_assert_finalize_object (g_steal_pointer (&last));
  g_assert_finalize_object (g_steal_pointer (&model));
}

static void
collect_cells (GtkWidget  *widget,
               GHashTable *cells)
{
  if (GTK_IS_INSCRIPTION (widget) && gtk_widget_get_mapped (widget))
    {
      const char *text = gtk_inscription_get_text (GTK_INSCRIPTION (widget));

      if (text != NULL)
        g_hash_table_insert (cells, g_strdup (text), widget);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_cells (child, cells);
}

static gboolean
quit_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
iterate_for (guint milliseconds)
{
  gboolean done = FALSE;

  g_timeout_add (milliseconds, quit_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_view_cells (void)
{
  g_autoptr(ObDataset) dataset = create_dataset ();
  g_autoptr(GHashTable) cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GtkWidget *window = g_object_ref (gtk_window_new ());
  GtkWidget *view = ob_dataset_view_new (dataset);
  GtkColumnView *column_view = ob_dataset_view_get_column_view (OB_DATASET_VIEW (view));
  GListModel *columns = gtk_column_view_get_columns (column_view);
  g_autoptr(GtkColumnViewColumn) x_column = NULL;
  g_autoptr(GtkColumnViewColumn) note_column = NULL;
  GListModel *model;
  GtkWidget *cell;

  g_assert_true (ob_dataset_view_get_dataset (OB_DATASET_VIEW (view)) == dataset);
  /* Row numbers, then one column per variable with its type in the header. */
  g_assert_cmpuint (g_list_model_get_n_items (columns), ==, 4);
  x_column = g_list_model_get_item (columns, 1);
  note_column = g_list_model_get_item (columns, 3);
  g_assert_cmpstr (gtk_column_view_column_get_title (x_column), ==, "x · Numeric");
  g_assert_cmpstr (gtk_column_view_column_get_title (note_column), ==, "note · Text");
  g_assert_nonnull (gtk_column_view_column_get_header_menu (x_column));
  g_assert_cmpint (gtk_column_view_column_get_fixed_width (x_column), >=, 64);
  model = G_LIST_MODEL (gtk_column_view_get_model (column_view));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);

  gtk_window_set_default_size (GTK_WINDOW (window), 600, 300);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  iterate_for (300);

  collect_cells (view, cells);
  g_assert_true (g_hash_table_contains (cells, "1.5"));
  g_assert_true (g_hash_table_contains (cells, "-20"));
  g_assert_true (g_hash_table_contains (cells, "b"));
  g_assert_true (g_hash_table_contains (cells, "first note"));
  g_assert_true (g_hash_table_contains (cells, "NA"));
  g_assert_true (g_hash_table_contains (cells, "3"));   /* the last row number */

  /* Numbers line up on the right, words on the left. */
  cell = g_hash_table_lookup (cells, "1.5");
  g_assert_cmpfloat (gtk_inscription_get_xalign (GTK_INSCRIPTION (cell)), ==, 1.0f);
  cell = g_hash_table_lookup (cells, "first note");
  g_assert_cmpfloat (gtk_inscription_get_xalign (GTK_INSCRIPTION (cell)), ==, 0.0f);
  cell = g_hash_table_lookup (cells, "NA");
  g_assert_true (gtk_widget_has_css_class (cell, "dim-label"));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

static void
collect_dropdowns (GtkWidget *widget,
                   GPtrArray *dropdowns)
{
  if (GTK_IS_DROP_DOWN (widget))
    g_ptr_array_add (dropdowns, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_dropdowns (child, dropdowns);
}

static GtkScrolledWindow *
find_scrolled_window (GtkWidget *widget)
{
  if (GTK_IS_SCROLLED_WINDOW (widget))
    return GTK_SCROLLED_WINDOW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkScrolledWindow *found = find_scrolled_window (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A million rows open and scroll to the end; only the rows on screen get widgets. */
static void
test_view_million_rows (void)
{
  const gsize n_rows = 1000000;
  g_autoptr(ObDataset) dataset = ob_dataset_new ();
  g_autoptr(GHashTable) cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  double *values = g_new (double, n_rows);
  GtkWidget *window = g_object_ref (gtk_window_new ());
  GtkWidget *view;
  GtkAdjustment *adjustment;

  for (gsize i = 0; i < n_rows; i++)
    values[i] = (double) i / 4;
  ob_dataset_set_n_rows (dataset, n_rows);
  ob_dataset_add_numeric (dataset, "value", values);

  view = ob_dataset_view_new (dataset);
  gtk_window_set_default_size (GTK_WINDOW (window), 600, 400);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  iterate_for (300);

  adjustment = gtk_scrolled_window_get_vadjustment (find_scrolled_window (view));
  /* In steps, as a scrollbar drag goes: GTK 4.8 lays out a single jump across a million
   * rows only on a later frame. */
  for (guint step = 1; step <= 10; step++)
    {
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) * step / 10);
      iterate_for (50);
    }
  /* The first layout of a long list takes a few frames, longer under a sanitizer. */
  for (guint i = 0; i < 100 && !g_hash_table_contains (cells, "1000000"); i++)
    {
      iterate_for (100);
      g_hash_table_remove_all (cells);
      collect_cells (view, cells);
    }
  g_assert_true (g_hash_table_contains (cells, "1000000"));
  g_assert_true (g_hash_table_contains (cells, "249999.75"));
  g_assert_false (g_hash_table_contains (cells, "1"));
  /* Two cells a row, a screenful of rows, not a million. */
  g_assert_cmpuint (g_hash_table_size (cells), <, 400);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

static void
type_requested_cb (ObDatasetView *view,
                   guint          column,
                   guint          type,
                   gpointer       user_data)
{
  guint *out = user_data;

  out[0] = column;
  out[1] = type;
  out[2]++;
}

static void
test_view_type_menu (void)
{
  g_autoptr(ObDataset) dataset = create_dataset ();
  g_autoptr(ObDataset) other = ob_dataset_new ();
  GtkWidget *view = g_object_ref_sink (ob_dataset_view_new (dataset));
  GtkColumnView *column_view = ob_dataset_view_get_column_view (OB_DATASET_VIEW (view));
  guint seen[3] = { 0, 0, 0 };
  double *values = g_new (double, 1);

  g_signal_connect (view, "column-type-requested", G_CALLBACK (type_requested_cb), seen);

  /* The current type is not a change. */
  gtk_widget_activate_action (view, "dataset.column-type-1", "s", "categorical");
  g_assert_cmpuint (seen[2], ==, 0);

  gtk_widget_activate_action (view, "dataset.column-type-1", "s", "text");
  g_assert_cmpuint (seen[2], ==, 1);
  g_assert_cmpuint (seen[0], ==, 1);
  g_assert_cmpuint (seen[1], ==, OB_COLUMN_TEXT);

  /* The same request from the Column Types list. */
  {
    g_autoptr(GPtrArray) dropdowns = g_ptr_array_new ();

    collect_dropdowns (view, dropdowns);
    g_assert_cmpuint (dropdowns->len, ==, 3);
    /* Rows follow the dataset's columns; the list is Numeric, Categorical, Date, Text. */
    g_assert_cmpuint (gtk_drop_down_get_selected (g_ptr_array_index (dropdowns, 0)), ==, 0);
    g_assert_cmpuint (gtk_drop_down_get_selected (g_ptr_array_index (dropdowns, 2)), ==, 3);
    gtk_drop_down_set_selected (g_ptr_array_index (dropdowns, 0), 2);
    g_assert_cmpuint (seen[2], ==, 2);
    g_assert_cmpuint (seen[0], ==, 0);
    g_assert_cmpuint (seen[1], ==, OB_COLUMN_DATE);
    /* Nothing changed until the file is read again. */
    g_assert_cmpuint (gtk_drop_down_get_selected (g_ptr_array_index (dropdowns, 0)), ==, 0);
  }

  /* A new table replaces columns and their actions. */
  values[0] = 7;
  ob_dataset_set_n_rows (other, 1);
  ob_dataset_add_numeric (other, "y", values);
  ob_dataset_view_set_dataset (OB_DATASET_VIEW (view), other);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (column_view)), ==, 2);
  g_assert_false (gtk_widget_activate_action (view, "dataset.column-type-2", "s", "text"));
  g_assert_cmpuint (seen[2], ==, 2);
  {
    g_autoptr(GPtrArray) dropdowns = g_ptr_array_new ();

    collect_dropdowns (view, dropdowns);
    g_assert_cmpuint (dropdowns->len, ==, 1);
  }

  g_assert_finalize_object (view);
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/gui/dataset-model/rows", test_model_rows);
  g_test_add_func ("/gui/dataset-model/million-rows", test_model_million_rows);
  g_test_add_func ("/gui/dataset-view/cells", test_view_cells);
  g_test_add_func ("/gui/dataset-view/type-menu", test_view_type_menu);
  g_test_add_func ("/gui/dataset-view/million-rows", test_view_million_rows);

  return g_test_run ();
}
