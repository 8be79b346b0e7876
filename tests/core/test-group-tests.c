/* test-group-tests.c — group comparisons against R (tests/reference/group-tests.R)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-test"

#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "ob-anova.h"
#include "ob-csv-reader.h"
#include "ob-group-sort.h"
#include "ob-group-tests.h"

static JsonParser *fixture;

static JsonObject *
fixture_root (void)
{
  return json_node_get_object (json_parser_get_root (fixture));
}

static JsonArray *
cases (const char *name)
{
  return json_object_get_array_member (fixture_root (), name);
}

/* NAN for null, as R's NA. */
static double
member_double (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  g_assert_nonnull (node);
  return JSON_NODE_HOLDS_NULL (node) ? NAN : json_node_get_double (node);
}

static double *
member_vector (JsonObject *object,
               const char *name,
               gsize      *n)
{
  JsonArray *array = json_object_get_array_member (object, name);
  double *v;

  *n = json_array_get_length (array);
  v = g_new (double, *n);
  for (guint i = 0; i < *n; i++)
    v[i] = json_array_get_double_element (array, i);
  return v;
}

static void
assert_close (double      actual,
              double      expected,
              double      rel_tol,
              const char *what)
{
  if (isnan (expected) && isnan (actual))
    return;
  if (isinf (expected) && actual == expected)
    return;
  if (!(fabs (actual - expected) <= rel_tol * MAX (fabs (expected), 1e-300)))
    g_error ("%s: got %.17g, R gives %.17g (relative difference %.3g)", what, actual, expected,
             fabs (actual - expected) / fabs (expected));
}

static void
test_describe (void)
{
  JsonArray *list = cases ("describe");

  for (guint c = 0; c < json_array_get_length (list); c++)
    {
      JsonObject *item = json_array_get_object_element (list, c);
      JsonObject *e = json_object_get_object_member (item, "expected");
      gsize n;
      g_autofree double *x = member_vector (item, "x", &n);
      g_autofree double *scratch = g_new (double, n);
      ObDescriptives d;

      ob_describe (x, n, scratch, &d);
      g_assert_cmpuint (d.n, ==, (gsize) member_double (e, "n"));
      assert_close (d.mean, member_double (e, "mean"), 1e-12, "mean");
      assert_close (d.sd, member_double (e, "sd"), 1e-10, "sd");
      assert_close (d.sem, member_double (e, "sem"), 1e-10, "sem");
      assert_close (d.ci_lower, member_double (e, "ci_lower"), 1e-9, "ci_lower");
      assert_close (d.ci_upper, member_double (e, "ci_upper"), 1e-9, "ci_upper");
      assert_close (d.median, member_double (e, "median"), 1e-12, "median");
      assert_close (d.q1, member_double (e, "q1"), 1e-12, "q1");
      assert_close (d.q3, member_double (e, "q3"), 1e-12, "q3");
      assert_close (d.min, member_double (e, "min"), 0, "min");
      assert_close (d.max, member_double (e, "max"), 0, "max");
    }
}

static void
test_t_test (void)
{
  JsonArray *list = cases ("t_test");

  for (guint c = 0; c < json_array_get_length (list); c++)
    {
      JsonObject *item = json_array_get_object_element (list, c);
      const char *kind_name = json_object_get_string_member (item, "kind");
      ObTTestKind kind = g_str_equal (kind_name, "welch") ? OB_T_WELCH
                         : g_str_equal (kind_name, "student") ? OB_T_STUDENT : OB_T_PAIRED;
      gsize nx, ny;
      g_autofree double *x = member_vector (item, "x", &nx);
      g_autofree double *y = member_vector (item, "y", &ny);
      g_autoptr(GError) error = NULL;
      ObTTest t;

      g_assert_true (ob_t_test (x, nx, y, ny, kind, 0.95, &t, &error));
      g_assert_no_error (error);
      assert_close (t.statistic, member_double (item, "statistic"), 1e-9, "t");
      assert_close (t.df, member_double (item, "df"), 1e-9, "df");
      assert_close (t.p, member_double (item, "p"), 1e-6, "p");
      assert_close (t.estimate, member_double (item, "estimate"), 1e-9, "estimate");
      assert_close (t.ci_lower, member_double (item, "ci_lower"), 1e-6, "ci_lower");
      assert_close (t.ci_upper, member_double (item, "ci_upper"), 1e-6, "ci_upper");
    }
}

static void
test_t_test_errors (void)
{
  const double x[] = { 1, 2, 3 };
  const double y[] = { 4 };
  const double flat[] = { 2, 2, 2 };
  g_autoptr(GError) error = NULL;
  ObTTest t;

  g_assert_false (ob_t_test (x, 3, y, 1, OB_T_WELCH, 0.95, &t, &error));
  g_assert_error (error, OB_ERROR, OB_ERROR_NO_DATA);
  g_clear_error (&error);
  g_assert_false (ob_t_test (x, 3, y, 1, OB_T_PAIRED, 0.95, &t, &error));
  g_assert_error (error, OB_ERROR, OB_ERROR_INVALID_ARG);
  g_clear_error (&error);
  g_assert_false (ob_t_test (flat, 3, flat, 3, OB_T_STUDENT, 0.95, &t, &error));
  g_assert_error (error, OB_ERROR, OB_ERROR_NUMERIC);
}

static void
test_wilcox (void)
{
  JsonArray *list = cases ("wilcox");

  for (guint c = 0; c < json_array_get_length (list); c++)
    {
      JsonObject *item = json_array_get_object_element (list, c);
      gsize nx, ny;
      g_autofree double *x = member_vector (item, "x", &nx);
      g_autofree double *y = member_vector (item, "y", &ny);
      g_autoptr(GError) error = NULL;
      ObWilcoxTest w;

      g_assert_true (ob_wilcox_test (x, nx, y, ny, &w, &error));
      g_assert_no_error (error);
      g_assert_cmpint (w.exact, ==, json_object_get_boolean_member (item, "exact"));
      assert_close (w.statistic, member_double (item, "statistic"), 1e-12, "W");
      assert_close (w.p, member_double (item, "p"), 1e-6, "p");
    }

  list = cases ("pwilcox");
  for (guint c = 0; c < json_array_get_length (list); c++)
    {
      JsonObject *item = json_array_get_object_element (list, c);

      assert_close (ob_pwilcox (member_double (item, "q"), (gsize) member_double (item, "m"),
                                (gsize) member_double (item, "n")),
                    member_double (item, "p"), 1e-9, "pwilcox");
    }
}

static void
test_shapiro (void)
{
  JsonArray *list = cases ("shapiro");
  const double flat[] = { 1, 1, 1, 1 };
  g_autoptr(GError) error = NULL;
  ObShapiroWilk sw;

  for (guint c = 0; c < json_array_get_length (list); c++)
    {
      JsonObject *item = json_array_get_object_element (list, c);
      gsize n;
      g_autofree double *x = member_vector (item, "x", &n);

      g_assert_true (ob_shapiro_wilk (x, n, &sw, &error));
      g_assert_no_error (error);
      assert_close (sw.statistic, member_double (item, "statistic"), 1e-7, "W");
      assert_close (sw.p, member_double (item, "p"), 1e-6, "p");
    }
  g_assert_false (ob_shapiro_wilk (flat, 4, &sw, &error));
  g_assert_error (error, OB_ERROR, OB_ERROR_NUMERIC);
  g_clear_error (&error);
  g_assert_false (ob_shapiro_wilk (flat, 2, &sw, &error));
  g_assert_error (error, OB_ERROR, OB_ERROR_NO_DATA);
}

static void
test_tables (void)
{
  JsonArray *list = cases ("chisq");

  for (guint c = 0; c < json_array_get_length (list); c++)
    {
      JsonObject *item = json_array_get_object_element (list, c);
      gsize n;
      g_autofree double *counts = member_vector (item, "counts", &n);
      guint rows = (guint) member_double (item, "rows");
      guint cols = (guint) member_double (item, "cols");
      g_autoptr(GError) error = NULL;
      ObTableTest t;

      g_assert_cmpuint (n, ==, rows * cols);
      g_assert_true (ob_chisq_test (counts, rows, cols, &t, &error));
      g_assert_no_error (error);
      g_assert_cmpint (t.yates, ==, rows == 2 && cols == 2);
      assert_close (t.statistic, member_double (item, "statistic"), 1e-9, "X-squared");
      assert_close (t.df, member_double (item, "df"), 0, "df");
      assert_close (t.p, member_double (item, "p"), 1e-6, "p");
    }

  list = cases ("fisher");
  for (guint c = 0; c < json_array_get_length (list); c++)
    {
      JsonObject *item = json_array_get_object_element (list, c);
      gsize n;
      g_autofree double *counts = member_vector (item, "counts", &n);
      g_autoptr(GError) error = NULL;
      ObTableTest t;

      g_assert_true (ob_fisher_test (counts, &t, &error));
      g_assert_no_error (error);
      assert_close (t.p, member_double (item, "p"), 1e-6, "Fisher p");
      assert_close (t.odds_ratio, member_double (item, "odds_ratio"), 1e-6, "odds ratio");
    }
}

/* The groups of a fixture case as values + offsets, the layout ObGroupData uses. */
static double *
member_groups (JsonObject *object,
               gsize     **offsets,
               guint      *n_groups)
{
  JsonArray *groups = json_object_get_array_member (object, "groups");
  GArray *values = g_array_new (FALSE, FALSE, sizeof (double));

  *n_groups = json_array_get_length (groups);
  *offsets = g_new0 (gsize, *n_groups + 1);
  for (guint g = 0; g < *n_groups; g++)
    {
      JsonArray *x = json_array_get_array_element (groups, g);

      for (guint i = 0; i < json_array_get_length (x); i++)
        {
          double v = json_array_get_double_element (x, i);

          g_array_append_val (values, v);
        }
      (*offsets)[g + 1] = values->len;
    }
  return (double *) g_array_free (values, FALSE);
}

static void
assert_oneway (JsonObject   *e,
               const ObOneway *r,
               double        tol)
{
  assert_close (r->statistic, member_double (e, "statistic"), tol, "statistic");
  assert_close (r->df1, member_double (e, "df1"), 1e-12, "df1");
  if (json_object_has_member (e, "df2"))
    assert_close (r->df2, member_double (e, "df2"), 1e-9, "df2");
  else
    g_assert_true (isnan (r->df2));
  assert_close (r->p, member_double (e, "p"), 1e-6, "p");
}

static double
element (JsonObject *object,
         const char *member,
         guint       i)
{
  JsonArray *array = json_object_get_array_member (object, member);
  JsonNode *node = json_array_get_element (array, i);

  return JSON_NODE_HOLDS_NULL (node) ? NAN : json_node_get_double (node);
}

static void
assert_pairs (JsonObject       *e,
              const ObPairwise *pairs,
              gsize             n_pairs,
              guint             n_groups,
              double            tol)
{
  gsize at = 0;

  g_assert_cmpuint (n_pairs, ==, json_array_get_length (json_object_get_array_member (e, "diff")));
  for (guint a = 0; a < n_groups; a++)
    for (guint b = a + 1; b < n_groups; b++, at++)
      {
        g_assert_cmpuint (pairs[at].a, ==, a);
        g_assert_cmpuint (pairs[at].b, ==, b);
        assert_close (pairs[at].diff, element (e, "diff", at), 1e-9, "diff");
        assert_close (pairs[at].p_adj, element (e, "p_adj", at), 1e-6, "p adj");
        if (json_object_has_member (e, "lower"))
          {
            assert_close (pairs[at].lower, element (e, "lower", at), tol, "lower");
            assert_close (pairs[at].upper, element (e, "upper", at), tol, "upper");
          }
        if (json_object_has_member (e, "rank_diff"))
          assert_close (pairs[at].rank_diff, element (e, "rank_diff", at), 1e-9, "rank diff");
        else
          g_assert_true (isnan (pairs[at].rank_diff));
        if (json_object_has_member (e, "statistic"))
          assert_close (pairs[at].statistic, element (e, "statistic", at), 1e-9, "statistic");
        if (json_object_has_member (e, "p"))
          assert_close (pairs[at].p, element (e, "p", at), 1e-6, "p");
        if (json_object_has_member (e, "df"))
          assert_close (pairs[at].df, element (e, "df", at), 1e-9, "df");
      }
}

static void
test_oneway (void)
{
  JsonArray *list = cases ("oneway");

  for (guint c = 0; c < json_array_get_length (list); c++)
    {
      JsonObject *item = json_array_get_object_element (list, c);
      g_autofree gsize *offsets = NULL;
      guint k;
      g_autofree double *values = member_groups (item, &offsets, &k);
      g_autoptr(GError) error = NULL;
      JsonObject *e = json_object_get_object_member (item, "anova");
      ObOneway r;

      g_assert_true (ob_oneway_test (values, offsets, k, OB_ONEWAY_ANOVA, &r, &error));
      g_assert_no_error (error);
      assert_oneway (e, &r, 1e-9);
      assert_close (r.ss_between, member_double (e, "ss_between"), 1e-9, "SS between");
      assert_close (r.ss_within, member_double (e, "ss_within"), 1e-9, "SS within");
      assert_close (r.ms_within, member_double (e, "ms_within"), 1e-9, "MS within");

      g_assert_true (ob_oneway_test (values, offsets, k, OB_ONEWAY_WELCH, &r, &error));
      assert_oneway (json_object_get_object_member (item, "welch"), &r, 1e-9);
      g_assert_true (ob_oneway_test (values, offsets, k, OB_ONEWAY_KRUSKAL, &r, &error));
      assert_oneway (json_object_get_object_member (item, "kruskal"), &r, 1e-9);
      g_assert_no_error (error);
    }
}

static void
test_posthoc (void)
{
  JsonArray *list = cases ("oneway");
  static const struct { const char *member; ObPosthoc method; double tol; } methods[] = {
    /* Intervals go through qtukey's secant search, which stops on a step below 1e-4. */
    { "tukey", OB_POSTHOC_TUKEY, 1e-5 },
    { "games_howell", OB_POSTHOC_GAMES_HOWELL, 1e-5 },
    { "dunn", OB_POSTHOC_DUNN, 1e-6 },
  };

  for (guint c = 0; c < json_array_get_length (list); c++)
    for (guint m = 0; m < G_N_ELEMENTS (methods); m++)
      {
        JsonObject *item = json_array_get_object_element (list, c);
        g_autofree gsize *offsets = NULL;
        guint k;
        g_autofree double *values = member_groups (item, &offsets, &k);
        g_autoptr(GError) error = NULL;
        g_autofree ObPairwise *pairs = NULL;
        gsize n_pairs;

        pairs = ob_posthoc_oneway (values, offsets, k, methods[m].method, &n_pairs, &error);
        g_assert_no_error (error);
        assert_pairs (json_object_get_object_member (item, methods[m].member), pairs, n_pairs, k,
                      methods[m].tol);
      }
}

static void
test_ptukey (void)
{
  JsonArray *list = cases ("ptukey");

  for (guint c = 0; c < json_array_get_length (list); c++)
    {
      JsonObject *item = json_array_get_object_element (list, c);
      double q = member_double (item, "q"), k = member_double (item, "k");
      double df = member_double (item, "df");

      assert_close (ob_ptukey (q, k, df, FALSE), member_double (item, "upper"), 1e-9, "ptukey");
      assert_close (ob_qtukey (0.95, k, df), member_double (item, "quantile"), 1e-5, "qtukey");
    }
  g_assert_cmpfloat (ob_ptukey (0, 3, 10, TRUE), ==, 0);
  g_assert_true (isnan (ob_ptukey (1, 3, 1, TRUE)));
}

static void
assert_term (JsonObject        *e,
             const char        *name,
             const ObAnovaTerm *term)
{
  JsonObject *t = json_object_get_object_member (e, name);

  assert_close (term->df, member_double (t, "df"), 0, name);
  assert_close (term->ss, member_double (t, "ss"), 1e-9, name);
  assert_close (term->ms, member_double (t, "ms"), 1e-9, name);
  assert_close (term->statistic, member_double (t, "statistic"), 1e-9, name);
  assert_close (term->p, member_double (t, "p"), 1e-6, name);
}

static ObGroupData *load_groups (const char *file, const char *value, const char *group,
                                 const char *factor2);

static void
test_twoway (void)
{
  JsonArray *list = cases ("twoway");

  for (guint c = 0; c < json_array_get_length (list); c++)
    {
      JsonObject *item = json_array_get_object_element (list, c);
      JsonObject *sidak = json_object_get_object_member (item, "sidak");
      g_autoptr(ObGroupData) data = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree ObPairwise *pairs = NULL;
      gsize n_pairs;
      ObTwoway fit;

      data = load_groups (json_object_get_string_member (item, "file"),
                          json_object_get_string_member (item, "value"),
                          json_object_get_string_member (item, "group"),
                          json_object_get_string_member (item, "factor2"));
      g_assert_true (ob_anova_twoway (data, &fit, &error));
      g_assert_no_error (error);
      assert_term (item, "a", &fit.a);
      assert_term (item, "b", &fit.b);
      assert_term (item, "interaction", &fit.interaction);
      assert_term (item, "residual", &fit.residual);

      pairs = ob_twoway_sidak (data, &fit, &n_pairs, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (n_pairs, ==,
                        json_array_get_length (json_object_get_array_member (sidak, "diff")));
      for (gsize i = 0; i < n_pairs; i++)
        {
          g_assert_cmpuint (pairs[i].within, ==, (guint) element (sidak, "within", i));
          g_assert_cmpuint (pairs[i].a, ==, (guint) element (sidak, "a", i));
          g_assert_cmpuint (pairs[i].b, ==, (guint) element (sidak, "b", i));
          assert_close (pairs[i].diff, element (sidak, "diff", i), 1e-9, "diff");
          assert_close (pairs[i].statistic, element (sidak, "statistic", i), 1e-9, "t");
          assert_close (pairs[i].p, element (sidak, "p", i), 1e-6, "p");
          assert_close (pairs[i].p_adj, element (sidak, "p_adj", i), 1e-6, "p adj");
          assert_close (pairs[i].lower, element (sidak, "lower", i), 1e-6, "lower");
          assert_close (pairs[i].upper, element (sidak, "upper", i), 1e-6, "upper");
        }
    }
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The radix sort against qsort, on signs, zeros, ties, extremes and both the small-n and the
 * radix path; tags must travel with their values. */
static void
test_sort (void)
{
  static const gsize sizes[] = { 0, 1, 7, 255, 256, 5000, 100003 };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261123);

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      gsize n = sizes[s];
      g_autofree double *values = g_new (double, n + 1);
      g_autofree double *expected = g_new (double, n + 1);
      g_autofree guint32 *tags = g_new (guint32, n + 1);
      g_autofree double *original = g_new (double, n + 1);

      for (gsize i = 0; i < n; i++)
        {
          switch (g_rand_int_range (rand, 0, 6))
            {
            case 0: values[i] = -0.0; break;
            case 1: values[i] = 0.0; break;
            case 2: values[i] = (double) g_rand_int_range (rand, -5, 5); break;
            case 3: values[i] = g_rand_double_range (rand, -1e300, 1e300); break;
            case 4: values[i] = g_rand_double_range (rand, -1e-300, 1e-300); break;
            default: values[i] = g_rand_double_range (rand, -100, 100); break;
            }
          original[i] = values[i];
          tags[i] = (guint32) i;
        }
      memcpy (expected, values, n * sizeof (double));
      qsort (expected, n, sizeof (double), compare_doubles);
      ob_sort_doubles (values, tags, n);
      for (gsize i = 0; i < n; i++)
        {
          g_assert_cmpfloat (values[i], ==, expected[i]);
          g_assert_cmpmem (&original[tags[i]], sizeof (double), &values[i], sizeof (double));
        }
      ob_sort_doubles (original, NULL, n);
      for (gsize i = 0; i < n; i++)
        g_assert_cmpfloat (original[i], ==, expected[i]);
    }
}

static ObGroupData *
load_groups (const char *file,
             const char *value,
             const char *group,
             const char *factor2)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "groups", file, NULL);
  g_autoptr(ObDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  ObGroupData *data;

  dataset = ob_csv_read_file (path, NULL, &error);
  g_assert_no_error (error);
  data = ob_group_data_new (dataset, value, group, factor2, NULL, &error);
  g_assert_no_error (error);
  return data;
}

static void
test_group_data (void)
{
  g_autoptr(ObGroupData) plants = load_groups ("plantgrowth.csv", "weight", "group", NULL);
  g_autoptr(ObGroupData) teeth = load_groups ("toothgrowth.csv", "len", "supp", "dose");
  JsonObject *ctrl = json_array_get_object_element (cases ("describe"), 0);
  gsize n;
  g_autofree double *x = member_vector (ctrl, "x", &n);

  g_assert_cmpuint (plants->n, ==, 30);
  g_assert_cmpuint (plants->n_groups, ==, 3);
  g_assert_cmpstr (plants->group_names[0], ==, "ctrl");
  g_assert_cmpstr (plants->group_names[2], ==, "trt2");
  g_assert_cmpint (ob_group_data_find (plants, "trt1"), ==, 1);
  g_assert_cmpint (ob_group_data_find (plants, "trt3"), ==, -1);
  /* Values stay in row order within their group. */
  g_assert_cmpuint (plants->offsets[1] - plants->offsets[0], ==, n);
  for (gsize i = 0; i < n; i++)
    {
      g_assert_cmpfloat (plants->values[plants->offsets[0] + i], ==, x[i]);
      g_assert_cmpuint (plants->row_index[plants->offsets[0] + i], ==, i);
    }
  /* trt2 fills the last ten rows of the file. */
  g_assert_cmpuint (plants->row_index[plants->offsets[2]], ==, 20);

  g_assert_cmpuint (teeth->n_groups, ==, 2);
  g_assert_cmpuint (teeth->n_levels2, ==, 3);
  g_assert_cmpstr (teeth->factor2_names[0], ==, "0.5");
  g_assert_cmpstr (teeth->factor2_names[2], ==, "2");
  g_assert_nonnull (teeth->factor2);
}

static void
test_group_data_missing (void)
{
  const char csv[] = "value,group\n1.5,a\nNA,a\n2.5,\n3,b\n4,b\n,c\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (csv, sizeof csv - 1);
  g_autoptr(ObDataset) dataset = NULL;
  g_autoptr(ObGroupData) data = NULL;
  g_autoptr(GError) error = NULL;

  dataset = ob_csv_read_bytes (bytes, "missing.csv", NULL, &error);
  g_assert_no_error (error);
  data = ob_group_data_new (dataset, "value", "group", NULL, NULL, &error);
  g_assert_no_error (error);
  /* Group c only has a missing value: it is no group at all. */
  g_assert_cmpuint (data->n_groups, ==, 2);
  g_assert_cmpuint (data->n, ==, 3);
  g_assert_cmpuint (data->n_excluded, ==, 3);
  g_assert_cmpuint (data->exclusions->len, ==, 2);

  g_assert_null (ob_group_data_new (dataset, "value", "nope", NULL, NULL, &error));
  g_assert_error (error, OB_ERROR, OB_ERROR_INVALID_ARG);
  g_clear_error (&error);
  g_assert_null (ob_group_data_new (dataset, "group", "value", NULL, NULL, &error));
  g_assert_error (error, OB_ERROR, OB_ERROR_INVALID_ARG);
}

static void
test_count_table (void)
{
  const char csv[] = "arm,response,site\nA,yes,1\nA,no,1\nB,yes,2\nA,yes,2\nB,,1\n,no,2\n"
                     "B,no,1\nC,yes,1\nB,no,2\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (csv, sizeof csv - 1);
  g_autoptr(ObDataset) dataset = NULL;
  g_autoptr(ObCountTable) table = NULL;
  g_autoptr(GError) error = NULL;
  const guint8 site1[] = { 1, 1, 0, 0, 1, 0, 1, 1, 0 };
  /* Rows: A, B, C; columns: no, yes. */
  const double all[] = { 1, 2, 2, 1, 0, 1 };
  const double only_site1[] = { 1, 1, 1, 0, 0, 1 };

  dataset = ob_csv_read_bytes (bytes, "counts.csv", NULL, &error);
  g_assert_no_error (error);
  table = ob_count_table_new (dataset, "arm", "response", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (table->n_rows, ==, 3);
  g_assert_cmpuint (table->n_cols, ==, 2);
  g_assert_cmpstr (table->row_names[2], ==, "C");
  g_assert_cmpstr (table->col_names[0], ==, "no");
  g_assert_cmpmem (table->counts, sizeof all, all, sizeof all);
  g_assert_cmpuint (table->n_excluded, ==, 2);
  g_clear_pointer (&table, ob_count_table_free);

  /* A mask keeps the rows of one site; excluded counts only rows it kept. */
  table = ob_count_table_new (dataset, "arm", "response", site1, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (table->counts, sizeof only_site1, only_site1, sizeof only_site1);
  g_assert_cmpuint (table->n_excluded, ==, 1);
  g_clear_pointer (&table, ob_count_table_free);

  g_assert_null (ob_count_table_new (dataset, "arm", "outcome", NULL, &error));
  g_assert_error (error, OB_ERROR, OB_ERROR_INVALID_ARG);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  path = g_test_build_filename (G_TEST_DIST, "reference", "group-tests.json", NULL);
  fixture = json_parser_new ();
  json_parser_load_from_file (fixture, path, &error);
  g_assert_no_error (error);

  g_test_add_func ("/core/group-tests/describe", test_describe);
  g_test_add_func ("/core/group-tests/t-test", test_t_test);
  g_test_add_func ("/core/group-tests/t-test-errors", test_t_test_errors);
  g_test_add_func ("/core/group-tests/wilcox", test_wilcox);
  g_test_add_func ("/core/group-tests/shapiro", test_shapiro);
  g_test_add_func ("/core/group-tests/tables", test_tables);
  g_test_add_func ("/core/group-tests/oneway", test_oneway);
  g_test_add_func ("/core/group-tests/posthoc", test_posthoc);
  g_test_add_func ("/core/group-tests/ptukey", test_ptukey);
  g_test_add_func ("/core/group-tests/twoway", test_twoway);
  g_test_add_func ("/core/group-tests/sort", test_sort);
  g_test_add_func ("/core/group-tests/count-table", test_count_table);
  g_test_add_func ("/core/group-tests/group-data", test_group_data);
  g_test_add_func ("/core/group-tests/group-data-missing", test_group_data_missing);

  status = g_test_run ();
  g_object_unref (fixture);
  return status;
}
