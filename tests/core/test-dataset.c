/* test-dataset.c — the in-memory table: builders, lookup, cell access and formatting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-test"

#include "config.h"

#include <math.h>
#include <string.h>

#include "ob-csv-reader.h"
#include "ob-dataset.h"

static double *
doubles (gsize         n,
         const double *values)
{
  return g_memdup2 (values, n * sizeof (double));
}

static ObDataset *
build (void)
{
  static const double num[] = { 1.5, NAN, 0.1, -2e-20 };
  static const double days[] = { 0, -1, 18262, NAN };
  static const guint32 codes[] = { 1, 0, OB_LEVEL_MISSING, 1 };
  ObDataset *dataset = ob_dataset_new ();
  GPtrArray *levels = g_ptr_array_new_with_free_func (g_free);
  char **text = g_new (char *, 4);
  GStringChunk *chunk = ob_dataset_get_string_chunk (dataset);

  g_ptr_array_add (levels, g_strdup ("2"));
  g_ptr_array_add (levels, g_strdup ("10"));
  text[0] = g_string_chunk_insert (chunk, "alpha");
  text[1] = NULL;
  text[2] = g_string_chunk_insert (chunk, "患者");
  text[3] = NULL;

  ob_dataset_set_n_rows (dataset, 4);
  ob_dataset_add_numeric (dataset, "Value", doubles (4, num));
  ob_dataset_add_date (dataset, "when", doubles (4, days));
  ob_dataset_add_categorical (dataset, "dose", g_memdup2 (codes, sizeof codes), levels);
  ob_dataset_add_text (dataset, "note", text);
  return dataset;
}

static void
test_builders (void)
{
  g_autoptr(ObDataset) dataset = build ();
  const ObColumn *c;

  g_assert_cmpuint (ob_dataset_get_n_rows (dataset), ==, 4);
  g_assert_cmpuint (ob_dataset_get_n_columns (dataset), ==, 4);
  c = ob_dataset_get_column (dataset, 0);
  g_assert_cmpstr (c->name, ==, "Value");
  g_assert_cmpuint (c->n_missing, ==, 1);
  g_assert_cmpuint (ob_dataset_get_column (dataset, 1)->n_missing, ==, 1);
  g_assert_cmpuint (ob_dataset_get_column (dataset, 2)->n_missing, ==, 1);
  g_assert_cmpuint (ob_dataset_get_column (dataset, 3)->n_missing, ==, 2);

  g_assert_cmpint (ob_dataset_find_column (dataset, "Value"), ==, 0);
  g_assert_cmpint (ob_dataset_find_column (dataset, "VALUE"), ==, 0);
  g_assert_cmpint (ob_dataset_find_column (dataset, "note"), ==, 3);
  g_assert_cmpint (ob_dataset_find_column (dataset, "absent"), ==, -1);
  g_assert_cmpint (ob_dataset_find_column (dataset, NULL), ==, -1);
  g_assert_null (ob_dataset_lookup_column (dataset, "absent"));
  g_assert_true (ob_dataset_lookup_column (dataset, "DOSE") == ob_dataset_get_column (dataset, 2));
}

static void
test_exact_name_first (void)
{
  g_autoptr(ObDataset) dataset = ob_dataset_new ();
  static const double one[] = { 1 };

  /* CSV headers may differ only by case; the exact one must win whatever the order. */
  ob_dataset_set_n_rows (dataset, 1);
  ob_dataset_add_numeric (dataset, "AGE", doubles (1, one));
  ob_dataset_add_numeric (dataset, "age", doubles (1, one));
  g_assert_cmpint (ob_dataset_find_column (dataset, "age"), ==, 1);
  g_assert_cmpint (ob_dataset_find_column (dataset, "AGE"), ==, 0);
  g_assert_cmpint (ob_dataset_find_column (dataset, "Age"), ==, 0);
}

static void
test_cells (void)
{
  g_autoptr(ObDataset) dataset = build ();
  const ObColumn *num = ob_dataset_get_column (dataset, 0);
  const ObColumn *date = ob_dataset_get_column (dataset, 1);
  const ObColumn *dose = ob_dataset_get_column (dataset, 2);
  const ObColumn *note = ob_dataset_get_column (dataset, 3);
  struct { guint column; gsize row; const char *text; } cases[] = {
    { 0, 0, "1.5" }, { 0, 1, "" }, { 0, 2, "0.1" }, { 0, 3, "-2e-20" },
    { 1, 0, "1970-01-01" }, { 1, 1, "1969-12-31" }, { 1, 2, "2020-01-01" }, { 1, 3, "" },
    { 2, 0, "10" }, { 2, 1, "2" }, { 2, 2, "" },
    { 3, 0, "alpha" }, { 3, 1, "" }, { 3, 2, "患者" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *cell = ob_dataset_format_cell (dataset, cases[i].column, cases[i].row);
      g_assert_cmpstr (cell, ==, cases[i].text);
    }

  g_assert_true (ob_column_is_missing (num, 1));
  g_assert_false (ob_column_is_missing (num, 0));
  g_assert_true (ob_column_is_missing (dose, 2));
  g_assert_true (ob_column_is_missing (note, 3));
  g_assert_cmpfloat (ob_column_get_double (num, 0), ==, 1.5);
  g_assert_cmpfloat (ob_column_get_double (date, 2), ==, 18262);
  /* Levels that are numbers read as numbers (doses, scores). */
  g_assert_cmpfloat (ob_column_get_double (dose, 0), ==, 10);
  g_assert_true (isnan (ob_column_get_double (dose, 2)));
  g_assert_true (isnan (ob_column_get_double (note, 0)));
  g_assert_cmpstr (ob_column_get_string (dose, 1), ==, "2");
  g_assert_null (ob_column_get_string (dose, 2));
  g_assert_cmpstr (ob_column_get_string (note, 2), ==, "患者");
  g_assert_null (ob_column_get_string (num, 0));
}

static void
test_metadata (void)
{
  g_autoptr(ObDataset) dataset = ob_dataset_new ();
  g_autoptr(ObDataset) other = ob_dataset_ref (dataset);
  const GPtrArray *warnings;

  g_assert_true (other == dataset);
  g_assert_null (ob_dataset_get_source_path (dataset));
  g_assert_cmpstr (ob_dataset_get_encoding (dataset), ==, "UTF-8");
  g_assert_cmpint (ob_dataset_get_delimiter (dataset), ==, ',');
  g_assert_false (ob_dataset_get_decimal_comma (dataset));
  ob_dataset_set_source_path (dataset, "/data/lung.csv");
  ob_dataset_set_encoding (dataset, "CP932");
  ob_dataset_set_delimiter (dataset, ';');
  ob_dataset_set_decimal_comma (dataset, TRUE);
  g_assert_cmpstr (ob_dataset_get_source_path (other), ==, "/data/lung.csv");
  g_assert_cmpstr (ob_dataset_get_encoding (other), ==, "CP932");
  g_assert_cmpint (ob_dataset_get_delimiter (other), ==, ';');
  g_assert_true (ob_dataset_get_decimal_comma (other));
  ob_dataset_add_warning (dataset, "Skipped %d rows", 3);
  warnings = ob_dataset_get_warnings (dataset);
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (warnings, 0), ==, "Skipped 3 rows");
}

static void
test_type_names (void)
{
  ObColumnType type;

  for (int t = OB_COLUMN_NUMERIC; t <= OB_COLUMN_TEXT; t++)
    {
      g_assert_true (ob_column_type_from_string (ob_column_type_to_string (t), &type));
      g_assert_cmpint (type, ==, t);
    }
  g_assert_true (ob_column_type_from_string ("Categorical", &type));
  g_assert_cmpint (type, ==, OB_COLUMN_CATEGORICAL);
  g_assert_false (ob_column_type_from_string ("factor", &type));
}

/* Cells printed back equal the cells R wrote (tests/reference/csv-import.R), missing as "". */
static void
test_round_trip (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "csv", "lung.csv", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(ObDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  gsize n_rows;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  dataset = ob_csv_read_file (path, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);
  n_rows = ob_dataset_get_n_rows (dataset);
  g_assert_cmpuint (n_rows, ==, 228);
  for (gsize r = 0; r < n_rows; r++)
    {
      g_auto(GStrv) cells = g_strsplit (lines[r + 1], ",", -1);

      g_assert_cmpuint (g_strv_length (cells), ==, ob_dataset_get_n_columns (dataset));
      for (guint c = 0; c < ob_dataset_get_n_columns (dataset); c++)
        {
          g_autofree char *cell = ob_dataset_format_cell (dataset, c, r);
          g_assert_cmpstr (cell, ==, strcmp (cells[c], "NA") == 0 ? "" : cells[c]);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/dataset/builders", test_builders);
  g_test_add_func ("/core/dataset/exact-name-first", test_exact_name_first);
  g_test_add_func ("/core/dataset/cells", test_cells);
  g_test_add_func ("/core/dataset/metadata", test_metadata);
  g_test_add_func ("/core/dataset/type-names", test_type_names);
  g_test_add_func ("/core/dataset/round-trip", test_round_trip);

  return g_test_run ();
}
