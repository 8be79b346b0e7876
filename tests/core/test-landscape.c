/* test-landscape.c — alteration frequencies and gene-pair tests against R
 * (tests/reference/landscape.R)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-test"

#include "config.h"

#include <math.h>
#include <string.h>

#include "ob-landscape.h"
#include "surv-test-util.h"

static GHashTable *expected;

static void
load_expected (void)
{
  g_autofree char *path = g_build_filename (OB_SOURCE_DIR, "tests", "reference",
                                            "landscape.out", NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *eq = strstr (lines[i], " = ");

      if (eq != NULL)
        g_hash_table_insert (expected, g_strndup (lines[i], eq - lines[i]), g_strdup (eq + 3));
    }
}

static double want (const char *fmt, ...) G_GNUC_PRINTF (1, 2);

static double
want (const char *fmt,
      ...)
{
  g_autofree char *key = NULL;
  const char *value;
  va_list ap;

  va_start (ap, fmt);
  key = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  value = g_hash_table_lookup (expected, key);
  if (value == NULL)
    g_error ("%s is missing from landscape.out", key);
  return strcmp (value, "NA") == 0 ? NAN : g_ascii_strtod (value, NULL);
}

static ObDataset *
load (const char *dir,
      const char *file)
{
  g_autofree char *path = g_build_filename (OB_SOURCE_DIR, dir, file, NULL);
  g_autoptr(GError) error = NULL;
  ObDataset *dataset = ob_csv_read_file (path, NULL, &error);

  g_assert_no_error (error);
  return dataset;
}

static void
check_against_r (const ObLandscape *land)
{
  gsize type_total = 0;

  g_assert_cmpuint (land->n_patients, ==, (gsize) want ("n_patients"));
  g_assert_cmpuint (land->n_genes, ==, (guint) want ("n_genes"));
  for (guint g = 0; g < land->n_genes; g++)
    {
      const ObLandscapeGene *gene = &land->genes[g];
      gsize sum = 0;

      g_assert_cmpuint (gene->n_altered, ==, (gsize) want ("gene.%s.n_altered", gene->gene));
      surv_test_check (gene->gene, gene->pct, want ("gene.%s.pct", gene->gene), 1e-12);
      for (guint t = 0; t < land->n_types; t++)
        {
          g_autofree char *key = g_strdup_printf ("gene.%s.type.%s", gene->gene,
                                                  land->types[t]);

          if (g_hash_table_contains (expected, key))
            g_assert_cmpuint (gene->type_counts[t], ==, (gsize) want ("%s", key));
          else
            g_assert_cmpuint (gene->type_counts[t], ==, 0);
          sum += gene->type_counts[t];
        }
      g_assert_cmpuint (sum, ==, gene->n_altered);
      type_total += sum;
      /* most altered first */
      if (g > 0)
        g_assert_cmpuint (land->genes[g - 1].n_altered, >=, gene->n_altered);
    }
  g_assert_cmpuint (type_total, >, 0);

  g_assert_cmpuint (land->n_pairs, ==, land->n_genes * (land->n_genes - 1) / 2);
  for (guint k = 0; k < land->n_pairs; k++)
    {
      const ObLandscapePair *pair = &land->pairs[k];
      const char *a = land->genes[pair->a].gene, *b = land->genes[pair->b].gene;
      g_autofree char *what = g_strdup_printf ("%s–%s", a, b);
      double odds = want ("pair.%s.%s.odds_ratio", a, b);
      ObLandscapeTendency expect;

      g_assert_cmpuint (pair->a, <, pair->b);
      g_assert_cmpuint (pair->both, ==, (gsize) want ("pair.%s.%s.both", a, b));
      g_assert_cmpuint (pair->a_only, ==, (gsize) want ("pair.%s.%s.a_only", a, b));
      g_assert_cmpuint (pair->b_only, ==, (gsize) want ("pair.%s.%s.b_only", a, b));
      g_assert_cmpuint (pair->neither, ==, (gsize) want ("pair.%s.%s.neither", a, b));
      /* the conditional MLE is found iteratively, as uniroot does in R */
      surv_test_check (what, pair->odds_ratio, odds, 1e-5);
      surv_test_check (what, pair->p, want ("pair.%s.%s.p", a, b), 1e-6);
      surv_test_check (what, pair->q, want ("pair.%s.%s.q", a, b), 1e-6);
      /* an odds ratio within rounding of 1 leans neither way */
      expect = fabs (log (odds)) < 1e-6 ? OB_LANDSCAPE_NONE
               : odds > 1 ? OB_LANDSCAPE_CO_OCCURRENCE : OB_LANDSCAPE_MUTUAL_EXCLUSIVITY;
      g_assert_cmpint (pair->tendency, ==, expect);
    }
}

/* Oncoprint order: altered in the first gene first, then the second, … */
static void
check_order (const ObLandscape *land)
{
  gsize n = land->n_patients;
  g_autofree guint8 *seen = g_new0 (guint8, n);

  for (gsize i = 0; i < n; i++)
    {
      g_assert_cmpuint (land->order[i], <, n);
      g_assert_false (seen[land->order[i]]);
      seen[land->order[i]] = 1;
    }
  for (gsize i = 1; i < n; i++)
    {
      gsize p = land->order[i - 1], q = land->order[i];

      for (guint g = 0; g < land->n_genes; g++)
        {
          gboolean ap = land->cells[g * n + p] != 0, aq = land->cells[g * n + q] != 0;

          if (ap != aq)
            {
              g_assert_true (ap);
              break;
            }
        }
    }
}

static void
test_wide (void)
{
  g_autoptr(ObDataset) dataset = load ("data/samples", "alk-alterations.csv");
  const char *genes[] = { "tp53", "cdkn2a", "pik3ca", "myc", "egfr", "kras", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(ObLandscape) land = ob_landscape_new_wide (dataset, genes, "patient_id", NULL,
                                                       &error);

  g_assert_no_error (error);
  check_against_r (land);
  check_order (land);
  g_assert_cmpstr (land->genes[0].gene, ==, "TP53");
  g_assert_cmpstr (land->genes[0].column, ==, "tp53");
  g_assert_cmpstr (land->patients[0], ==, "ALK001");
  /* commonest type first: 24 deletions, then 20 + 5 + 6 missense … */
  g_assert_cmpstr (land->types[0], ==, "missense");
}

static void
test_long (void)
{
  g_autoptr(ObDataset) dataset = load ("tests/data/landscape", "alk-alterations-long.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(ObLandscape) land = NULL;

  /* the long table lists only altered patients: say how many were profiled */
  land = ob_landscape_new_long (dataset, "patient", "gene", "alteration", 124, NULL, &error);
  g_assert_no_error (error);
  check_against_r (land);
  check_order (land);
  ob_landscape_free (g_steal_pointer (&land));

  land = ob_landscape_new_long (dataset, "patient", "gene", "alteration", 10, NULL, &error);
  g_assert_error (error, OB_ERROR, OB_ERROR_INVALID_ARG);
  g_assert_null (land);
}

static void
test_cohort_column (void)
{
  g_autoptr(ObDataset) dataset = surv_test_load_csv ("alk-cohort.csv");
  const char *genes[] = { "tp53_mutation_type", NULL };
  const char *missing[] = { "tp53_mutation_type", "no_such_gene", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(ObLandscape) land = ob_landscape_new_wide (dataset, genes, NULL, NULL, &error);
  ObLandscape *none;

  g_assert_no_error (error);
  g_assert_cmpstr (land->genes[0].gene, ==, "TP53");
  g_assert_cmpuint (land->genes[0].n_altered, ==, 31);
  g_assert_cmpuint (land->n_pairs, ==, 0);
  g_assert_cmpstr (land->patients[0], ==, "1");

  none = ob_landscape_new_wide (dataset, missing, NULL, NULL, &error);
  g_assert_error (error, OB_ERROR, OB_ERROR_INVALID_ARG);
  g_assert_null (none);
}

static void
test_multiple (void)
{
  g_autoptr(ObDataset) dataset = ob_dataset_new ();
  const char *p[] = { "P1", "P1", "P2", "P3", "P3", "P4" };
  const char *g[] = { "EGFR", "EGFR", "EGFR", "KRAS", "KRAS", "" };
  const char *t[] = { "missense", "amplification", "missense", "missense", "missense", "" };
  char **pc = g_new0 (char *, 6), **gc = g_new0 (char *, 6), **tc = g_new0 (char *, 6);
  g_autoptr(GError) error = NULL;
  g_autoptr(ObLandscape) land = NULL;
  GStringChunk *chunk = ob_dataset_get_string_chunk (dataset);

  for (guint i = 0; i < 6; i++)
    {
      pc[i] = g_string_chunk_insert (chunk, p[i]);
      gc[i] = *g[i] ? g_string_chunk_insert (chunk, g[i]) : NULL;
      tc[i] = *t[i] ? g_string_chunk_insert (chunk, t[i]) : NULL;
    }
  ob_dataset_set_n_rows (dataset, 6);
  ob_dataset_add_text (dataset, "patient", pc);
  ob_dataset_add_text (dataset, "gene", gc);
  ob_dataset_add_text (dataset, "alteration", tc);
  land = ob_landscape_new_long (dataset, "patient", "gene", "alteration", 0, NULL, &error);
  g_assert_no_error (error);
  /* P4 has no alteration but is counted */
  g_assert_cmpuint (land->n_patients, ==, 4);
  g_assert_cmpstr (land->genes[0].gene, ==, "EGFR");
  g_assert_cmpuint (land->genes[0].n_altered, ==, 2);
  g_assert_cmpfloat (land->genes[0].pct, ==, 50);
  /* P1 has two EGFR alterations: one "multiple" cell */
  for (guint ty = 0; ty < land->n_types; ty++)
    if (g_str_equal (land->types[ty], "multiple"))
      g_assert_cmpuint (land->genes[0].type_counts[ty], ==, 1);
  g_assert_cmpuint (land->n_pairs, ==, 1);
  g_assert_cmpuint (land->pairs[0].neither, ==, 1);
}

/* A gene altered in nobody leaves its pairs without a tendency, whatever the odds ratio. */
static void
test_never_altered (void)
{
  g_autoptr(ObDataset) dataset = ob_dataset_new ();
  const char *a[] = { "none", "none", "none", "none" };
  const char *b[] = { "missense", "", "missense", "none" };
  char **ac = g_new0 (char *, 4), **bc = g_new0 (char *, 4);
  const char *genes[] = { "a", "b", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(ObLandscape) land = NULL;
  GStringChunk *chunk = ob_dataset_get_string_chunk (dataset);

  for (guint i = 0; i < 4; i++)
    {
      ac[i] = g_string_chunk_insert (chunk, a[i]);
      bc[i] = *b[i] ? g_string_chunk_insert (chunk, b[i]) : NULL;
    }
  ob_dataset_set_n_rows (dataset, 4);
  ob_dataset_add_text (dataset, "a", ac);
  ob_dataset_add_text (dataset, "b", bc);
  land = ob_landscape_new_wide (dataset, genes, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (land->genes[0].gene, ==, "B");
  g_assert_cmpuint (land->genes[0].n_altered, ==, 2);
  g_assert_cmpuint (land->genes[1].n_altered, ==, 0);
  g_assert_cmpuint (land->n_pairs, ==, 1);
  g_assert_cmpfloat (land->pairs[0].p, ==, 1);
  g_assert_cmpint (land->pairs[0].tendency, ==, OB_LANDSCAPE_NONE);
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  load_expected ();
  g_test_add_func ("/core/landscape/wide", test_wide);
  g_test_add_func ("/core/landscape/long", test_long);
  g_test_add_func ("/core/landscape/cohort-column", test_cohort_column);
  g_test_add_func ("/core/landscape/multiple", test_multiple);
  g_test_add_func ("/core/landscape/never-altered", test_never_altered);
  status = g_test_run ();
  g_hash_table_unref (expected);
  return status;
}
