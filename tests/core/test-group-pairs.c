/* test-group-pairs.c — two groups' values paired by a subject ID, against R's match()
 * (tests/reference/group-tests.R wrote group-tests-cli-paired.json)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-test"

#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>

#include "ob-csv-reader.h"
#include "ob-group-pairs.h"
#include "ob-group-tests.h"

static JsonObject *
load_fixture (JsonParser *parser)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "reference",
                                                 "group-tests-cli-paired.json", NULL);
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return json_array_get_object_element (json_node_get_array (json_parser_get_root (parser)), 0);
}

static void
assert_close (double      actual,
              double      expected,
              const char *what)
{
  if (!(fabs (actual - expected) <= 1e-6 * MAX (fabs (expected), 1e-12)))
    g_error ("%s: %.17g, R says %.17g", what, actual, expected);
}

static ObDataset *
load_sleep (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "groups",
                                                 "sleep-shuffled.csv", NULL);
  g_autoptr(GError) error = NULL;
  ObDataset *dataset = ob_csv_read_file (path, NULL, &error);

  g_assert_no_error (error);
  return dataset;
}

/* Shuffled rows and one partner dropped: the pairs are R's, whatever the row order. */
static void
test_pairs_sleep (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *expected = load_fixture (parser);
  g_autoptr(ObDataset) dataset = load_sleep ();
  g_autoptr(ObGroupData) data = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree double *x = NULL;
  g_autofree double *y = NULL;
  const guint which[2] = { 0, 1 };
  gsize n_pairs = 0, n_unpaired = 0;
  ObTTest t;

  data = ob_group_data_new (dataset, "extra", "group", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ob_group_data_pair_by_id (dataset, data, "ID", which, &x, &y, &n_pairs,
                                           &n_unpaired, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_pairs, ==, (gsize) json_object_get_double_member (expected, "pairs"));
  g_assert_cmpuint (n_unpaired, ==,
                    (gsize) json_object_get_double_member (expected, "unpaired"));
  g_assert_true (ob_t_test (x, n_pairs, y, n_pairs, OB_T_PAIRED, 0.95, &t, &error));
  g_assert_no_error (error);
  assert_close (t.estimate, json_object_get_double_member (expected, "estimate"),
                "mean difference");
  assert_close (t.statistic, json_object_get_double_member (expected, "statistic"), "t");
  assert_close (t.p, json_object_get_double_member (expected, "p"), "p");
}

static void
test_pairs_errors (void)
{
  g_autoptr(ObDataset) dataset = load_sleep ();
  g_autoptr(ObGroupData) data = NULL;
  g_autoptr(GError) error = NULL;
  double *x = NULL, *y = NULL;
  const guint which[2] = { 0, 1 };
  gsize n_pairs = 0, n_unpaired = 0;

  data = ob_group_data_new (dataset, "extra", "group", NULL, NULL, &error);
  g_assert_no_error (error);
  /* Every row of a group shares its group's cell: no ID may stand twice. */
  g_assert_false (ob_group_data_pair_by_id (dataset, data, "group", which, &x, &y, &n_pairs,
                                            &n_unpaired, &error));
  g_assert_error (error, OB_ERROR, OB_ERROR_INVALID_ARG);
  g_assert_nonnull (g_strstr_len (error->message, -1, "occurs twice"));
  g_clear_error (&error);
  g_assert_false (ob_group_data_pair_by_id (dataset, data, "patient", which, &x, &y, &n_pairs,
                                            &n_unpaired, &error));
  g_assert_error (error, OB_ERROR, OB_ERROR_INVALID_ARG);
  g_assert_nonnull (g_strstr_len (error->message, -1, "“patient”"));
  g_assert_null (x);
  g_assert_null (y);
}

/* Text IDs, one missing and one in a group only: each value of b is its partner's plus 100,
 * so a wrong match shows in the difference, and x keeps a's row order. */
static void
test_pairs_text_ids (void)
{
  const char csv[] = "value,group,id\n"
                     "3,a,p3\n1,a,p1\n2,a,\n4,a,p4\n"
                     "101,b,p1\n104,b,p4\n103,b,p3\n105,b,p5\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (csv, sizeof csv - 1);
  g_autoptr(ObDataset) dataset = NULL;
  g_autoptr(ObGroupData) data = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree double *x = NULL;
  g_autofree double *y = NULL;
  const guint which[2] = { 0, 1 };
  gsize n_pairs = 0, n_unpaired = 0;

  dataset = ob_csv_read_bytes (bytes, "ids.csv", NULL, &error);
  g_assert_no_error (error);
  data = ob_group_data_new (dataset, "value", "group", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ob_group_data_pair_by_id (dataset, data, "id", which, &x, &y, &n_pairs,
                                           &n_unpaired, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_pairs, ==, 3);
  g_assert_cmpuint (n_unpaired, ==, data->n - 2 * n_pairs);
  for (gsize i = 0; i < n_pairs; i++)
    g_assert_cmpfloat (y[i] - x[i], ==, 100);
  /* a's third row has no ID. */
  g_assert_cmpfloat (x[0], ==, data->values[data->offsets[0]]);
  g_assert_cmpfloat (x[1], ==, data->values[data->offsets[0] + 1]);
  g_assert_cmpfloat (x[2], ==, data->values[data->offsets[0] + 3]);
}

/* Two groups picked out of three, b before a: values, rows and names move together. */
static void
test_subset_pair (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "groups",
                                                 "plantgrowth.csv", NULL);
  g_autoptr(ObDataset) dataset = NULL;
  g_autoptr(ObGroupData) data = NULL;
  g_autoptr(ObGroupData) sub = NULL;
  g_autoptr(GError) error = NULL;
  const guint which[2] = { 2, 0 };

  dataset = ob_csv_read_file (path, NULL, &error);
  g_assert_no_error (error);
  data = ob_group_data_new (dataset, "weight", "group", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (data->n_groups, ==, 3);
  sub = ob_group_data_subset_pair (data, which);
  g_assert_cmpuint (sub->n_groups, ==, 2);
  g_assert_null (sub->factor2);
  for (guint k = 0; k < 2; k++)
    {
      gsize from = data->offsets[which[k]];
      gsize n = data->offsets[which[k] + 1] - from;

      g_assert_cmpstr (sub->group_names[k], ==, data->group_names[which[k]]);
      g_assert_cmpuint (sub->offsets[k + 1] - sub->offsets[k], ==, n);
      for (gsize i = 0; i < n; i++)
        {
          g_assert_cmpfloat (sub->values[sub->offsets[k] + i], ==, data->values[from + i]);
          g_assert_cmpuint (sub->row_index[sub->offsets[k] + i], ==, data->row_index[from + i]);
        }
    }
  g_assert_null (sub->group_names[2]);
  g_assert_cmpuint (sub->n, ==, sub->offsets[2]);
  g_assert_cmpint (ob_group_data_find (sub, data->group_names[1]), ==, -1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/group-pairs/sleep", test_pairs_sleep);
  g_test_add_func ("/core/group-pairs/errors", test_pairs_errors);
  g_test_add_func ("/core/group-pairs/text-ids", test_pairs_text_ids);
  g_test_add_func ("/core/group-pairs/subset", test_subset_pair);
  return g_test_run ();
}
