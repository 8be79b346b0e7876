/* test-group-limits.c — values flagged beyond the limits of quantification, counted per group
 * as tests/reference/elisa-compare.R counts them for the ELISA samples of plate-flags.csv
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-test"

#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "ob-csv-reader.h"
#include "ob-group-limits.h"
#include "ob-group-tests.h"

/* The R case with flagged samples. */
static JsonObject *
load_case (JsonParser *parser)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "reference",
                                                 "elisa-compare.json", NULL);
  g_autoptr(GError) error = NULL;
  JsonArray *cases;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  cases = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                        "cases");
  for (guint i = 0; i < json_array_get_length (cases); i++)
    {
      JsonObject *c = json_array_get_object_element (cases, i);

      if (g_strcmp0 (json_object_get_string_member (c, "name"), "plate-flags") == 0)
        return c;
    }
  g_assert_not_reached ();
}

static void
append_number (GString    *csv,
               JsonObject *sample,
               const char *name)
{
  JsonNode *node = json_object_get_member (sample, name);

  if (!JSON_NODE_HOLDS_NULL (node))
    g_string_append_printf (csv, "%.17g", json_node_get_double (node));
}

/* The samples as a table: their flags and concentrations, and an "lloq" cell per row taken
 * from the lower bound of the sample two rows on, so that the largest of the flagged rows' cells is known
 * without typing any number. */
static ObDataset *
samples_dataset (JsonArray *samples)
{
  g_autoptr(GString) csv = g_string_new ("id,group,conc,conc_lower,conc_upper,flag,lloq\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  guint n = json_array_get_length (samples);
  ObDataset *dataset;

  for (guint i = 0; i < n; i++)
    {
      JsonObject *s = json_array_get_object_element (samples, i);

      g_string_append_printf (csv, "\"%s\",\"%s\",", json_object_get_string_member (s, "id"),
                              json_object_get_string_member (s, "group"));
      append_number (csv, s, "conc");
      g_string_append_c (csv, ',');
      append_number (csv, s, "conc_lower");
      g_string_append_c (csv, ',');
      append_number (csv, s, "conc_upper");
      g_string_append_printf (csv, ",\"%s\",", json_object_get_string_member (s, "flag"));
      append_number (csv, json_array_get_object_element (samples, (i + 2) % n), "conc_lower");
      g_string_append_c (csv, '\n');
    }
  bytes = g_bytes_new (csv->str, csv->len);
  dataset = ob_csv_read_bytes (bytes, "samples.csv", NULL, &error);
  g_assert_no_error (error);
  return dataset;
}

static void
test_limits_counts (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *expected = load_case (parser);
  JsonArray *samples = json_object_get_array_member (expected, "samples");
  JsonArray *groups = json_object_get_array_member (expected, "groups");
  g_autoptr(ObDataset) dataset = samples_dataset (samples);
  g_autoptr(ObGroupData) data = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree guint8 *mask = NULL;
  g_autofree guint8 *kinds = NULL;
  g_autofree gsize *below = NULL;
  g_autofree gsize *above = NULL;
  g_autofree double *lower = NULL;
  g_autofree double *upper = NULL;
  gsize n_below, n_above, n_lost, want_below = 0, want_above = 0;
  double lloq_expected = NAN;

  g_assert_true (ob_group_limits_check_bounds (dataset, "conc_lower", "conc_upper", &error));
  g_assert_no_error (error);
  kinds = ob_group_limits_flag_rows (dataset, "flag", &mask, &n_below, &n_above, &error);
  g_assert_no_error (error);
  g_assert_nonnull (mask);
  data = ob_group_data_new (dataset, "conc", "group", NULL, mask, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (data->n, ==, (gsize) json_object_get_int_member (expected, "n"));
  ob_group_limits_count (dataset, "group", data, kinds, &below, &above, &n_lost);
  g_assert_cmpuint (n_lost, ==, 0);
  g_assert_cmpuint (data->n_groups, ==, json_array_get_length (groups));
  for (guint g = 0; g < data->n_groups; g++)
    {
      JsonObject *group = json_array_get_object_element (groups, g);

      g_assert_cmpstr (data->group_names[g], ==, json_object_get_string_member (group, "name"));
      g_assert_cmpuint (data->offsets[g + 1] - data->offsets[g], ==,
                        (gsize) json_object_get_int_member (group, "n"));
      g_assert_cmpuint (below[g], ==, (gsize) json_object_get_int_member (group, "below_lloq"));
      g_assert_cmpuint (above[g], ==, (gsize) json_object_get_int_member (group, "above_uloq"));
      want_below += below[g];
      want_above += above[g];
    }
  /* Each tested value keeps the interval R gave its sample. */
  ob_group_limits_intervals (dataset, "conc_lower", "conc_upper", data, &lower, &upper);
  for (gsize i = 0; i < data->n; i++)
    {
      JsonObject *s = json_array_get_object_element (samples, (guint) data->row_index[i]);

      g_assert_cmpfloat_with_epsilon (lower[i], json_object_get_double_member (s, "conc_lower"),
                                      1e-9 * lower[i]);
      g_assert_cmpfloat_with_epsilon (upper[i], json_object_get_double_member (s, "conc_upper"),
                                      1e-9 * upper[i]);
    }
  g_assert_cmpuint (n_below, ==, want_below);
  g_assert_cmpuint (n_above, ==, want_above);
  g_assert_cmpuint (n_below, >, 0);
  g_assert_cmpuint (n_above, >, 0);

  for (guint i = 0; i < json_array_get_length (samples); i++)
    {
      JsonObject *s = json_array_get_object_element (samples, i);
      guint n = json_array_get_length (samples);
      JsonObject *next = json_array_get_object_element (samples, (i + 2) % n);

      g_assert_cmpint (kinds[i] != OB_LIMIT_NONE, ==,
                       JSON_NODE_HOLDS_NULL (json_object_get_member (s, "conc")));
      if (kinds[i] == OB_LIMIT_BELOW
          && !JSON_NODE_HOLDS_NULL (json_object_get_member (next, "conc_lower")))
        {
          double v = json_object_get_double_member (next, "conc_lower");

          if (isnan (lloq_expected) || v > lloq_expected)
            lloq_expected = v;
        }
    }
  g_assert_false (isnan (lloq_expected));
  g_assert_cmpfloat (ob_group_limits_from_cells (dataset, kinds, OB_LIMIT_BELOW), ==,
                     lloq_expected);
  /* No "uloq" column: no line to draw. */
  g_assert_true (isnan (ob_group_limits_from_cells (dataset, kinds, OB_LIMIT_ABOVE)));
}

/* A row the filters left out is not counted, whatever its flag. */
static void
test_limits_mask (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *samples = json_object_get_array_member (load_case (parser), "samples");
  g_autoptr(ObDataset) dataset = samples_dataset (samples);
  gsize n = ob_dataset_get_n_rows (dataset), n_below, n_above, kept = 0;
  g_autofree guint8 *mask = g_malloc0 (n);
  g_autofree guint8 *kinds = NULL;
  g_autoptr(GError) error = NULL;

  for (gsize i = 0; i < n; i++)
    if (JSON_NODE_HOLDS_NULL (json_object_get_member (json_array_get_object_element (samples,
                                                                                     (guint) i),
                                                      "conc")))
      mask[i] = 1;
    else
      kept++;
  g_assert_cmpuint (kept, <, n);
  kinds = ob_group_limits_flag_rows (dataset, "flag", &mask, &n_below, &n_above, &error);
  g_assert_no_error (error);
  for (gsize i = 0; i < n; i++)
    g_assert_cmpuint (mask[i], ==, 0);
  g_assert_cmpuint (n_below + n_above, ==, n - kept);
  g_clear_pointer (&kinds, g_free);
  memset (mask, 0, n);
  kinds = ob_group_limits_flag_rows (dataset, "flag", &mask, &n_below, &n_above, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_below + n_above, ==, 0);
}

static void
test_limits_errors (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(ObDataset) dataset = samples_dataset (json_object_get_array_member
                                                    (load_case (parser), "samples"));
  g_autoptr(GError) error = NULL;
  guint8 *mask = NULL;
  gsize n_below, n_above;

  g_assert_true (ob_group_limits_check_bounds (dataset, NULL, NULL, &error));
  g_assert_false (ob_group_limits_check_bounds (dataset, "conc_lower", NULL, &error));
  g_assert_error (error, OB_ERROR, OB_ERROR_INVALID_ARG);
  g_assert_nonnull (strstr (error->message, "go together"));
  g_clear_error (&error);
  g_assert_false (ob_group_limits_check_bounds (dataset, "conc_lower", "group", &error));
  g_assert_error (error, OB_ERROR, OB_ERROR_INVALID_ARG);
  g_assert_nonnull (strstr (error->message, "--upper"));
  g_clear_error (&error);
  g_assert_false (ob_group_limits_check_bounds (dataset, "low", "conc_upper", &error));
  g_assert_error (error, OB_ERROR, OB_ERROR_INVALID_ARG);
  g_assert_nonnull (strstr (error->message, "“low” is not in the table"));
  g_clear_error (&error);
  g_assert_null (ob_group_limits_flag_rows (dataset, "flags", &mask, &n_below, &n_above,
                                            &error));
  g_assert_error (error, OB_ERROR, OB_ERROR_INVALID_ARG);
  g_assert_null (mask);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/group-limits/counts", test_limits_counts);
  g_test_add_func ("/core/group-limits/mask", test_limits_mask);
  g_test_add_func ("/core/group-limits/errors", test_limits_errors);
  return g_test_run ();
}
