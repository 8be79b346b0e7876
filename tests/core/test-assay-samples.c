/* test-assay-samples.c — an ELISA's samples table, read back, against the concentrations and
 * flags of tests/reference/elisa-compare.R (elisa-compare.json)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-test"

#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>

#include "ob-assay-samples.h"
#include "ob-csv-reader.h"

#define TOL_FIT 1e-5

static void
assert_close (double      actual,
              JsonObject *expected,
              const char *name)
{
  JsonNode *node = json_object_get_member (expected, name);
  double want;

  if (JSON_NODE_HOLDS_NULL (node))
    {
      if (!isnan (actual))
        g_error ("%s: %.17g where R has no number", name, actual);
      return;
    }
  want = json_node_get_double (node);
  if (!(fabs (actual - want) <= TOL_FIT * fabs (want)))
    g_error ("%s: %.17g, R says %.17g", name, actual, want);
}

static const ObColumn *
column (const ObDataset *dataset,
        const char      *name)
{
  const ObColumn *c = ob_dataset_lookup_column (dataset, name);

  g_assert_nonnull (c);
  return c;
}

static void
check_case (JsonObject *item)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..",
                                                 json_object_get_string_member (item, "file"),
                                                 NULL);
  JsonArray *samples = json_object_get_array_member (item, "samples");
  g_autoptr(GError) error = NULL;
  g_autoptr(ObDataset) plate_data = NULL;
  g_autoptr(ObDataset) table = NULL;
  g_autoptr(GPtrArray) plates = NULL;
  g_autoptr(GBytes) csv = NULL;
  ObAssayColumns columns = { NULL };
  ObAssaySettings settings;
  const ObAssayPlate *plate;
  const ObColumn *conc, *lower, *upper, *lloq, *uloq, *dilution;

  g_test_message ("case %s", json_object_get_string_member (item, "name"));
  plate_data = ob_csv_read_file (path, NULL, &error);
  g_assert_no_error (error);
  ob_assay_settings_init (&settings);
  plates = ob_assay_analyse (plate_data, &columns, NULL, &settings, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plates->len, ==, 1);
  plate = g_ptr_array_index (plates, 0);
  g_assert_null (plate->plate);

  csv = ob_assay_samples_to_csv (plates);
  table = ob_csv_read_bytes (csv, "samples.csv", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ob_dataset_get_n_columns (table), ==, 9);
  g_assert_null (ob_dataset_lookup_column (table, "plate"));
  g_assert_cmpuint (ob_dataset_get_n_rows (table), ==, json_array_get_length (samples));
  conc = column (table, "conc");
  lower = column (table, "conc_lower");
  upper = column (table, "conc_upper");
  lloq = column (table, "lloq");
  uloq = column (table, "uloq");
  dilution = column (table, "dilution");
  for (guint i = 0; i < json_array_get_length (samples); i++)
    {
      JsonObject *want = json_array_get_object_element (samples, i);
      const ObAssaySample *s = g_ptr_array_index (plate->samples, i);
      const char *flag = ob_column_get_string (column (table, "flag"), i);

      g_assert_cmpstr (ob_column_get_string (column (table, "id"), i), ==,
                       json_object_get_string_member (want, "id"));
      g_assert_cmpstr (ob_column_get_string (column (table, "group"), i), ==,
                       json_object_get_string_member (want, "group"));
      g_assert_cmpstr (flag != NULL ? flag : "", ==,
                       json_object_get_string_member (want, "flag"));
      assert_close (ob_column_get_double (conc, i), want, "conc");
      assert_close (ob_column_get_double (lower, i), want, "conc_lower");
      assert_close (ob_column_get_double (upper, i), want, "conc_upper");
      /* Every number reads back as the double the analysis gave. */
      if (isfinite (s->conc))
        g_assert_cmpfloat (ob_column_get_double (conc, i), ==, s->conc);
      g_assert_cmpfloat (ob_column_get_double (dilution, i), ==, s->dilution);
      g_assert_cmpfloat (ob_column_get_double (lloq, i), ==, plate->lloq * s->dilution);
      g_assert_cmpfloat (ob_column_get_double (uloq, i), ==, plate->uloq * s->dilution);
    }
}

static void
test_samples_against_r (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "reference",
                                                 "elisa-compare.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *cases;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  cases = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                        "cases");
  g_assert_cmpuint (json_array_get_length (cases), >=, 2);
  for (guint i = 0; i < json_array_get_length (cases); i++)
    check_case (json_array_get_object_element (cases, i));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/assay-samples/against-r", test_samples_against_r);
  return g_test_run ();
}
