/* surv-test-util.h — shared by the survival tests: sample data and R reference values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ob-csv-reader.h"
#include "ob-dataset.h"

static G_GNUC_UNUSED ObDataset *
surv_test_load_csv (const char *name)
{
  g_autofree char *path = g_build_filename (OB_SOURCE_DIR, "data", "samples", name, NULL);
  g_autoptr(GError) error = NULL;
  ObCsvOptions options;
  ObDataset *dataset;

  ob_csv_options_init (&options);
  dataset = ob_csv_read_file (path, &options, &error);
  g_assert_no_error (error);
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

/* Data written into the reference file by the R script: <name>.time, .status, .group and
 * optionally .stratum. */
static G_GNUC_UNUSED ObDataset *
surv_test_reference_dataset (const char *name)
{
  ObDataset *dataset = ob_dataset_new ();
  const char *fields[] = { "time", "status", "group", "stratum" };

  for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
    {
      g_autofree char *key = g_strdup_printf ("%s.%s", name, fields[f]);
      const GArray *values = g_hash_table_lookup (surv_test_reference, key);

      if (values == NULL)
        continue;
      ob_dataset_set_n_rows (dataset, values->len);
      ob_dataset_add_numeric (dataset, fields[f],
                              g_memdup2 (values->data, values->len * sizeof (double)));
    }
  return dataset;
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
