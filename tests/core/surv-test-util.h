/* surv-test-util.h — shared by the survival tests: sample data and R reference values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ob-dataset.h"

static int
compare_level_pointers (gconstpointer a,
                        gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The sample CSVs are plain (quoted strings, no embedded commas), so a few lines read them
 * without depending on the importer: a column is numeric when every non-empty cell parses. */
static G_GNUC_UNUSED ObDataset *
surv_test_load_csv (const char *name)
{
  g_autofree char *path = g_build_filename (OB_SOURCE_DIR, "data", "samples", name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) header = NULL;
  ObDataset *dataset = ob_dataset_new ();
  guint n_cols;
  gsize n_rows = 0;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);
  header = g_strsplit (lines[0], ",", -1);
  n_cols = g_strv_length (header);
  for (guint i = 1; lines[i] != NULL; i++)
    if (lines[i][0] != '\0')
      n_rows++;
  ob_dataset_set_n_rows (dataset, n_rows);

  for (guint c = 0; c < n_cols; c++)
    {
      g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
      gboolean numeric = TRUE;
      g_autofree char *name_c = g_strdup (header[c]);

      g_strdelimit (name_c, "\"", ' ');
      g_strstrip (name_c);
      for (guint i = 1; lines[i] != NULL; i++)
        {
          g_auto(GStrv) fields = NULL;
          char *cell;
          char *end = NULL;

          if (lines[i][0] == '\0')
            continue;
          fields = g_strsplit (lines[i], ",", -1);
          g_assert_cmpuint (g_strv_length (fields), ==, n_cols);
          cell = g_strdup (fields[c]);
          if (cell[0] == '"')
            {
              numeric = FALSE;
              memmove (cell, cell + 1, strlen (cell));
              cell[strlen (cell) - 1] = '\0';
            }
          else if (cell[0] != '\0' && (g_ascii_strtod (cell, &end), *end != '\0'))
            numeric = FALSE;
          g_ptr_array_add (cells, cell);
        }

      if (numeric)
        {
          double *values = g_new (double, n_rows);

          for (gsize i = 0; i < n_rows; i++)
            {
              const char *cell = g_ptr_array_index (cells, i);
              values[i] = cell[0] == '\0' ? NAN : g_ascii_strtod (cell, NULL);
            }
          ob_dataset_add_numeric (dataset, name_c, values);
        }
      else
        {
          g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
          GPtrArray *levels = g_ptr_array_new_with_free_func (g_free);
          guint32 *codes = g_new (guint32, n_rows);

          for (gsize i = 0; i < n_rows; i++)
            {
              const char *cell = g_ptr_array_index (cells, i);
              gboolean seen = FALSE;

              for (guint l = 0; l < sorted->len && !seen; l++)
                seen = strcmp (g_ptr_array_index (sorted, l), cell) == 0;
              if (!seen && cell[0] != '\0')
                g_ptr_array_add (sorted, (gpointer) cell);
            }
          g_ptr_array_sort (sorted, compare_level_pointers);
          for (guint l = 0; l < sorted->len; l++)
            g_ptr_array_add (levels, g_strdup (g_ptr_array_index (sorted, l)));
          for (gsize i = 0; i < n_rows; i++)
            {
              const char *cell = g_ptr_array_index (cells, i);

              codes[i] = OB_LEVEL_MISSING;
              for (guint l = 0; l < levels->len; l++)
                if (strcmp (g_ptr_array_index (levels, l), cell) == 0)
                  codes[i] = l;
            }
          ob_dataset_add_categorical (dataset, name_c, codes, levels);
        }
    }
  return dataset;
}

/* tests/reference/survival-km.out: "key = v1 v2 …", NA for R's NA. */
static GHashTable *surv_test_reference;

static G_GNUC_UNUSED void
surv_test_load_reference (void)
{
  g_autofree char *path = g_build_filename (OB_SOURCE_DIR, "tests", "reference",
                                            "survival-km.out", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  surv_test_reference = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                               (GDestroyNotify) g_array_unref);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (lines[i], " = ", 2);
      g_auto(GStrv) values = NULL;
      GArray *array;

      if (parts[0] == NULL || parts[1] == NULL)
        continue;
      array = g_array_new (FALSE, FALSE, sizeof (double));
      values = g_strsplit (parts[1], " ", -1);
      for (guint k = 0; values[k] != NULL; k++)
        {
          double v = strcmp (values[k], "NA") == 0 ? NAN : g_ascii_strtod (values[k], NULL);
          g_array_append_val (array, v);
        }
      g_hash_table_insert (surv_test_reference, g_strdup (parts[0]), array);
    }
}

static G_GNUC_UNUSED void
surv_test_free_reference (void)
{
  g_clear_pointer (&surv_test_reference, g_hash_table_unref);
}

static G_GNUC_UNUSED const GArray *
surv_test_ref (const char *key)
{
  const GArray *array = g_hash_table_lookup (surv_test_reference, key);

  if (array == NULL)
    g_error ("reference value %s missing from survival-km.out", key);
  return array;
}

static G_GNUC_UNUSED double
surv_test_ref1 (const char *key,
                guint       index)
{
  const GArray *array = surv_test_ref (key);

  g_assert_cmpuint (index, <, array->len);
  return g_array_index (array, double, index);
}

/* Relative tolerance; NA in R must be NAN here and the other way round. */
static G_GNUC_UNUSED void
surv_test_check (const char *what,
                 double      got,
                 double      expected,
                 double      tol)
{
  if (isnan (expected) || isnan (got))
    {
      if (isnan (expected) != isnan (got))
        g_error ("%s: got %.17g, R gives %.17g", what, got, expected);
      return;
    }
  if (fabs (got - expected) > tol * fabs (expected) + 1e-12)
    g_error ("%s: got %.17g, R gives %.17g (relative error %.3g)", what, got, expected,
             fabs (got - expected) / fabs (expected));
}
