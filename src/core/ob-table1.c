/* ob-table1.c — baseline characteristics by group, with tests and standardised differences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-core"

#include "config.h"

#include <glib/gi18n.h>
#include <float.h>
#include <gsl/gsl_linalg.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ob-anova.h"
#include "ob-crosstab.h"
#include "ob-table1.h"

#define NO_LEVEL G_MAXUINT32

/* A column seen as categorical: one code per row (NO_LEVEL when missing or masked out) and
 * the levels present in the kept rows, sorted. */
typedef struct
{
  guint32 *codes;
  char **names;
  guint n_levels;
} Levels;

static void
levels_clear (Levels *levels)
{
  g_clear_pointer (&levels->codes, g_free);
  g_clear_pointer (&levels->names, g_strfreev);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Levels, levels_clear)

const char *
ob_table1_test_to_string (ObTable1Test test)
{
  static const char * const names[] = {
    NULL, "welch", "anova", "wilcox", "kruskal", "chisq", "fisher",
  };

  return test < G_N_ELEMENTS (names) ? names[test] : NULL;
}

const char *
ob_table1_test_describe (ObTable1Test test)
{
  switch (test)
    {
    case OB_TABLE1_TEST_WELCH:
      return _("Welch two-sample t test");
    case OB_TABLE1_TEST_ANOVA:
      return _("one-way ANOVA");
    case OB_TABLE1_TEST_WILCOX:
      return _("Wilcoxon rank-sum (Mann–Whitney) test");
    case OB_TABLE1_TEST_KRUSKAL:
      return _("Kruskal–Wallis test");
    case OB_TABLE1_TEST_CHISQ:
      return _("Pearson’s chi-square test");
    case OB_TABLE1_TEST_FISHER:
      return _("Fisher’s exact test");
    case OB_TABLE1_TEST_NONE:
    default:
      return _("no test: fewer than two groups with data");
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

static char *
format_level (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.15g", value));
}

/* Levels of a categorical column keep only those present in the kept rows; numbers become
 * levels by value, text by its string. */
static void
levels_from_column (const ObColumn *column,
                    gsize           n_rows,
                    const guint8   *keep,
                    Levels         *out)
{
  out->codes = g_new (guint32, n_rows);
  if (column->type == OB_COLUMN_CATEGORICAL)
    {
      guint n_all = column->levels->len;
      g_autofree guint32 *remap = g_new0 (guint32, MAX (n_all, 1));
      GPtrArray *names = g_ptr_array_new ();

      for (gsize i = 0; i < n_rows; i++)
        if (keep[i] && column->codes[i] != OB_LEVEL_MISSING)
          remap[column->codes[i]] = 1;
      for (guint l = 0; l < n_all; l++)
        if (remap[l])
          {
            remap[l] = names->len;
            g_ptr_array_add (names, g_strdup (g_ptr_array_index (column->levels, l)));
          }
        else
          remap[l] = NO_LEVEL;
      for (gsize i = 0; i < n_rows; i++)
        out->codes[i] = keep[i] && column->codes[i] != OB_LEVEL_MISSING
                        ? remap[column->codes[i]] : NO_LEVEL;
      out->n_levels = names->len;
      g_ptr_array_add (names, NULL);
      out->names = (char **) g_ptr_array_free (names, FALSE);
    }
  else if (column->type == OB_COLUMN_TEXT)
    {
      g_autoptr(GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);
      g_autofree guint32 *order = NULL;
      GPtrArray *names = g_ptr_array_new ();
      GList *keys;
      guint l = 0;

      for (gsize i = 0; i < n_rows; i++)
        if (keep[i] && column->text[i] != NULL)
          g_hash_table_add (index, column->text[i]);
      keys = g_list_sort (g_hash_table_get_keys (index), (GCompareFunc) strcmp);
      for (GList *k = keys; k != NULL; k = k->next, l++)
        {
          g_hash_table_insert (index, k->data, GUINT_TO_POINTER (l + 1));
          g_ptr_array_add (names, g_strdup (k->data));
        }
      g_list_free (keys);
      for (gsize i = 0; i < n_rows; i++)
        out->codes[i] = keep[i] && column->text[i] != NULL
                        ? GPOINTER_TO_UINT (g_hash_table_lookup (index, column->text[i])) - 1
                        : NO_LEVEL;
      out->n_levels = names->len;
      g_ptr_array_add (names, NULL);
      out->names = (char **) g_ptr_array_free (names, FALSE);
    }
  else
    {
      g_autofree double *sorted = g_new (double, MAX (n_rows, 1));
      gsize n = 0, n_unique = 0;

      for (gsize i = 0; i < n_rows; i++)
        if (keep[i] && !isnan (column->num[i]))
          sorted[n++] = column->num[i];
      qsort (sorted, n, sizeof (double), compare_doubles);
      for (gsize i = 0; i < n; i++)
        if (n_unique == 0 || sorted[i] != sorted[n_unique - 1])
          sorted[n_unique++] = sorted[i];
      out->n_levels = (guint) n_unique;
      out->names = g_new0 (char *, n_unique + 1);
      for (gsize l = 0; l < n_unique; l++)
        out->names[l] = format_level (sorted[l]);
      for (gsize i = 0; i < n_rows; i++)
        {
          const double *hit = NULL;

          if (keep[i] && !isnan (column->num[i]))
            hit = bsearch (&column->num[i], sorted, n_unique, sizeof (double), compare_doubles);
          out->codes[i] = hit != NULL ? (guint32) (hit - sorted) : NO_LEVEL;
        }
    }
}

/* Whole numbers with few distinct values: a flag or a score rather than a measurement. */
static gboolean
numeric_looks_categorical (const ObColumn *column,
                           gsize           n_rows,
                           const guint8   *keep)
{
  double seen[OB_TABLE1_MAX_NUMERIC_LEVELS];
  guint n_seen = 0;

  for (gsize i = 0; i < n_rows; i++)
    {
      double v = column->num[i];
      guint k;

      if (!keep[i] || isnan (v))
        continue;
      if (v != floor (v))
        return FALSE;
      for (k = 0; k < n_seen && seen[k] != v; k++)
        ;
      if (k == n_seen)
        {
          if (n_seen == OB_TABLE1_MAX_NUMERIC_LEVELS)
            return FALSE;
          seen[n_seen++] = v;
        }
    }
  return n_seen > 0;
}

static gboolean
name_in (const char * const *list,
         const char         *name)
{
  for (guint i = 0; list != NULL && list[i] != NULL; i++)
    if (g_ascii_strcasecmp (list[i], name) == 0)
      return TRUE;
  return FALSE;
}

double
ob_table1_smd_categorical (const double *p1,
                           const double *p2,
                           guint         k)
{
  guint m = k - 1;
  g_autofree double *diff = NULL;
  gsl_matrix *s, *v;
  gsl_vector *d, *work;
  double smd = 0, tol;

  if (k < 2)
    return 0;
  /* The first level is the reference; S is the mean of the two multinomial covariances. */
  diff = g_new (double, m);
  s = gsl_matrix_alloc (m, m);
  v = gsl_matrix_alloc (m, m);
  d = gsl_vector_alloc (m);
  work = gsl_vector_alloc (m);
  for (guint a = 0; a < m; a++)
    {
      diff[a] = p1[a + 1] - p2[a + 1];
      for (guint b = 0; b < m; b++)
        {
          double x = a == b ? (p1[a + 1] * (1 - p1[a + 1]) + p2[a + 1] * (1 - p2[a + 1])) / 2
                            : -(p1[a + 1] * p1[b + 1] + p2[a + 1] * p2[b + 1]) / 2;

          gsl_matrix_set (s, a, b, x);
        }
    }
  /* Moore–Penrose inverse as MASS::ginv: singular values below sqrt(eps) × the largest are
   * dropped, so that a level absent from both groups does not make S singular. */
  if (m == 1)
    {
      double x = gsl_matrix_get (s, 0, 0);

      smd = x > 0 ? fabs (diff[0]) / sqrt (x) : 0;
    }
  else if (gsl_linalg_SV_decomp (s, v, d, work) == GSL_SUCCESS)
    {
      tol = sqrt (DBL_EPSILON) * gsl_vector_get (d, 0);
      for (guint j = 0; j < m; j++)
        {
          double sv = gsl_vector_get (d, j), ud = 0, vd = 0;

          if (!(sv > tol && sv > 0))
            continue;
          for (guint a = 0; a < m; a++)
            {
              ud += gsl_matrix_get (s, a, j) * diff[a];
              vd += gsl_matrix_get (v, a, j) * diff[a];
            }
          smd += vd * ud / sv;
        }
      smd = sqrt (MAX (smd, 0));
    }
  else
    smd = NAN;
  gsl_matrix_free (s);
  gsl_matrix_free (v);
  gsl_vector_free (d);
  gsl_vector_free (work);
  return smd;
}

/* Scratch shared by every variable, sized once for the whole table. */
typedef struct
{
  const guint32 *group;
  guint n_groups;
  gsize n_rows;
  double *values;
  double *scratch;
  gsize *offsets;
  gsize *offsets_test;
  double *counts_test;
} Work;

static void
continuous_test (ObTable1Variable *var,
                 Work             *w)
{
  guint n_groups = w->n_groups, n_test = 0;
  g_autoptr(GError) error = NULL;

  /* The test runs over the groups that have values. */
  w->offsets_test[0] = 0;
  for (guint g = 0; g < n_groups; g++)
    if (var->n[g] > 0)
      {
        n_test++;
        w->offsets_test[n_test] = w->offsets[g + 1];
      }
  /* Values of empty groups take no room, so compacting the offsets is enough. */
  if (n_test < 2)
    return;
  if (n_test == 2)
    {
      guint a = 0, b;

      while (var->n[a] == 0)
        a++;
      for (b = a + 1; var->n[b] == 0; b++)
        ;
      if (var->nonnormal)
        {
          ObWilcoxTest r;

          if (ob_wilcox_test (w->values + w->offsets[a], var->n[a],
                              w->values + w->offsets[b], var->n[b], &r, &error))
            {
              var->test = OB_TABLE1_TEST_WILCOX;
              var->statistic = r.statistic;
              var->p = r.p;
            }
        }
      else
        {
          ObTTest r;

          if (ob_t_test (w->values + w->offsets[a], var->n[a], w->values + w->offsets[b],
                         var->n[b], OB_T_WELCH, 0.95, &r, &error))
            {
              var->test = OB_TABLE1_TEST_WELCH;
              var->statistic = r.statistic;
              var->df = r.df;
              var->p = r.p;
            }
        }
    }
  else
    {
      ObOneway r;
      ObOnewayKind kind = var->nonnormal ? OB_ONEWAY_KRUSKAL : OB_ONEWAY_ANOVA;

      if (ob_oneway_test (w->values, w->offsets_test, n_test, kind, &r, &error))
        {
          var->test = var->nonnormal ? OB_TABLE1_TEST_KRUSKAL : OB_TABLE1_TEST_ANOVA;
          var->statistic = r.statistic;
          var->df = r.df1;
          var->df2 = var->nonnormal ? NAN : r.df2;
          var->p = r.p;
        }
    }
  if (error != NULL)
    g_debug ("%s: no test: %s", var->name, error->message);
}

static void
describe_nothing (ObDescriptives *out)
{
  out->n = 0;
  out->mean = out->sd = out->sem = out->ci_lower = out->ci_upper = NAN;
  out->median = out->q1 = out->q3 = out->min = out->max = NAN;
}

static void
summarise_continuous (ObTable1Variable *var,
                      const ObColumn   *column,
                      gboolean          force_nonnormal,
                      Work             *w)
{
  guint n_groups = w->n_groups;
  gsize total = 0;
  double mean = 0, m2 = 0, m3 = 0, smd_sum = 0;
  guint n_pairs = 0;

  var->desc = g_new0 (ObDescriptives, n_groups + 1);
  for (gsize i = 0; i < w->n_rows; i++)
    {
      guint32 g = w->group[i];

      if (g == NO_LEVEL)
        continue;
      if (isnan (column->num[i]))
        var->n_missing[g]++;
      else
        var->n[g]++;
    }
  w->offsets[0] = 0;
  for (guint g = 0; g < n_groups; g++)
    {
      w->offsets[g + 1] = w->offsets[g] + var->n[g];
      var->n_missing[n_groups] += var->n_missing[g];
    }
  total = var->n[n_groups] = w->offsets[n_groups];
  {
    g_autofree gsize *fill = g_memdup2 (w->offsets, n_groups * sizeof (gsize));

    for (gsize i = 0; i < w->n_rows; i++)
      if (w->group[i] != NO_LEVEL && !isnan (column->num[i]))
        w->values[fill[w->group[i]]++] = column->num[i];
  }

  for (gsize i = 0; i < total; i++)
    mean += w->values[i];
  mean /= (double) MAX (total, 1);
  for (gsize i = 0; i < total; i++)
    {
      double d = w->values[i] - mean;

      m2 += d * d;
      m3 += d * d * d;
    }
  var->skewness = total > 0 && m2 > 0
                  ? (m3 / (double) total) / pow (m2 / (double) total, 1.5) : NAN;
  var->nonnormal = force_nonnormal || fabs (var->skewness) > OB_TABLE1_SKEWNESS_LIMIT;

  for (guint g = 0; g <= n_groups; g++)
    {
      gsize start = g < n_groups ? w->offsets[g] : 0;

      if (var->n[g] > 0)
        ob_describe (w->values + start, var->n[g], w->scratch, &var->desc[g]);
      else
        describe_nothing (&var->desc[g]);
    }

  for (guint a = 0; a < n_groups; a++)
    for (guint b = a + 1; b < n_groups; b++)
      if (var->n[a] > 1 && var->n[b] > 1)
        {
          const ObDescriptives *da = &var->desc[a], *db = &var->desc[b];
          double s = sqrt ((da->sd * da->sd + db->sd * db->sd) / 2);

          smd_sum += fabs (da->mean - db->mean) / s;
          n_pairs++;
        }
  var->smd = n_pairs > 0 ? smd_sum / n_pairs : NAN;
  continuous_test (var, w);
}

static void
categorical_test (ObTable1Variable *var,
                  Work             *w)
{
  guint n_groups = w->n_groups, width = n_groups + 1, n_cols = 0;
  g_autoptr(GError) error = NULL;
  ObTableTest chisq, fisher;
  gboolean fisher_ok;
  g_autofree double *col_totals = g_new0 (double, MAX (n_groups, 1));
  double total = 0, min_expected = INFINITY;

  /* Levels × the groups that have data. */
  for (guint g = 0; g < n_groups; g++)
    if (var->n[g] > 0)
      {
        for (guint l = 0; l < var->n_levels; l++)
          w->counts_test[l * n_groups + n_cols] = var->counts[l * width + g];
        n_cols++;
      }
  if (n_cols < 2 || var->n_levels < 2)
    return;
  for (guint l = 0; l < var->n_levels; l++)
    memmove (w->counts_test + l * n_cols, w->counts_test + l * n_groups,
             n_cols * sizeof (double));
  for (guint c = 0; c < n_cols; c++)
    {
      col_totals[c] = 0;
      for (guint l = 0; l < var->n_levels; l++)
        col_totals[c] += w->counts_test[l * n_cols + c];
      total += col_totals[c];
    }
  /* The test alone: Table 1 shows no odds ratio, whose exact interval costs time on large
   * 2 × 2 tables. */
  if (!ob_chisq_test (w->counts_test, var->n_levels, n_cols, &chisq, &error))
    {
      g_debug ("%s: no test: %s", var->name, error->message);
      return;
    }
  for (guint l = 0; l < var->n_levels; l++)
    {
      double row = 0;

      for (guint c = 0; c < n_cols; c++)
        row += w->counts_test[l * n_cols + c];
      for (guint c = 0; c < n_cols; c++)
        min_expected = MIN (min_expected, row * col_totals[c] / total);
    }
  if (min_expected < 5)
    {
      if (var->n_levels == 2 && n_cols == 2)
        fisher_ok = ob_fisher_test (w->counts_test, &fisher, &error);
      else
        fisher_ok = ob_fisher_test_rxc (w->counts_test, var->n_levels, n_cols, &fisher.p,
                                        &error);
      if (fisher_ok)
        {
          var->test = OB_TABLE1_TEST_FISHER;
          var->p = fisher.p;
          return;
        }
      /* Too large to enumerate: the expected counts are then large enough for chi-square
       * nearly always; the footnote names the test that ran. */
      g_debug ("%s: %s", var->name, error->message);
    }
  var->test = OB_TABLE1_TEST_CHISQ;
  var->statistic = chisq.statistic;
  var->df = chisq.df;
  var->p = chisq.p;
  var->yates = chisq.yates;
}

static void
summarise_categorical (ObTable1Variable *var,
                       const Levels     *levels,
                       Work             *w)
{
  guint n_groups = w->n_groups, width = n_groups + 1;
  g_autofree double *pa = NULL;
  g_autofree double *pb = NULL;
  double smd_sum = 0;
  guint n_pairs = 0;

  var->n_levels = levels->n_levels;
  var->levels = g_strdupv (levels->names);
  var->counts = g_new0 (double, MAX (1, var->n_levels * width));
  var->percent = g_new0 (double, MAX (1, var->n_levels * width));
  for (gsize i = 0; i < w->n_rows; i++)
    {
      guint32 g = w->group[i], l = levels->codes[i];

      if (g == NO_LEVEL)
        continue;
      if (l == NO_LEVEL)
        var->n_missing[g]++;
      else
        {
          var->n[g]++;
          var->counts[l * width + g] += 1;
        }
    }
  for (guint g = 0; g < n_groups; g++)
    {
      var->n[n_groups] += var->n[g];
      var->n_missing[n_groups] += var->n_missing[g];
    }
  for (guint l = 0; l < var->n_levels; l++)
    {
      for (guint g = 0; g < n_groups; g++)
        var->counts[l * width + n_groups] += var->counts[l * width + g];
      for (guint g = 0; g <= n_groups; g++)
        var->percent[l * width + g] = var->n[g] > 0
                                      ? 100 * var->counts[l * width + g] / (double) var->n[g]
                                      : NAN;
    }

  pa = g_new (double, MAX (1, var->n_levels));
  pb = g_new (double, MAX (1, var->n_levels));
  for (guint a = 0; a < n_groups; a++)
    for (guint b = a + 1; b < n_groups; b++)
      if (var->n[a] > 0 && var->n[b] > 0)
        {
          for (guint l = 0; l < var->n_levels; l++)
            {
              pa[l] = var->percent[l * width + a] / 100;
              pb[l] = var->percent[l * width + b] / 100;
            }
          smd_sum += ob_table1_smd_categorical (pa, pb, var->n_levels);
          n_pairs++;
        }
  var->smd = n_pairs > 0 ? smd_sum / n_pairs : NAN;
  categorical_test (var, w);
}

static void
variable_clear (ObTable1Variable *var)
{
  g_free (var->name);
  g_free (var->n);
  g_free (var->n_missing);
  g_free (var->desc);
  g_strfreev (var->levels);
  g_free (var->counts);
  g_free (var->percent);
}

ObTable1 *
ob_table1_new (const ObDataset    *dataset,
               const char         *group_column,
               const char * const *variables,
               const char * const *nonnormal,
               const char * const *categorical,
               const guint8       *mask,
               GError            **error)
{
  g_autoptr(ObTable1) table = NULL;
  const ObColumn *group;
  gsize n_rows = ob_dataset_get_n_rows (dataset);
  g_autofree guint8 *keep = g_new (guint8, MAX (n_rows, 1));
  g_auto(Levels) groups = { 0 };
  Work w = { 0 };
  guint n_vars = variables != NULL ? g_strv_length ((char **) variables) : 0;

  if ((group = ob_dataset_lookup_column (dataset, group_column)) == NULL)
    {
      g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                   _("The group column “%s” is not in the table"), group_column);
      return NULL;
    }
  if (group->type == OB_COLUMN_DATE)
    {
      g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                   _("The group column “%s” holds dates; choose a categorical column"),
                   group->name);
      return NULL;
    }
  if (n_vars == 0)
    {
      g_set_error_literal (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                           _("Name at least one variable to describe"));
      return NULL;
    }
  for (guint v = 0; v < n_vars; v++)
    {
      const ObColumn *column = ob_dataset_lookup_column (dataset, variables[v]);

      if (column == NULL)
        {
          g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                       _("The variable “%s” is not in the table"), variables[v]);
          return NULL;
        }
      if (column->type == OB_COLUMN_DATE)
        {
          g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                       _("The variable “%s” holds dates, which Table 1 cannot summarise"),
                       column->name);
          return NULL;
        }
    }

  for (gsize i = 0; i < n_rows; i++)
    keep[i] = mask == NULL || mask[i];
  levels_from_column (group, n_rows, keep, &groups);
  if (groups.n_levels == 0)
    {
      g_set_error (error, OB_ERROR, OB_ERROR_NO_DATA,
                   _("No row has a value in the group column “%s”"), group->name);
      return NULL;
    }
  /* A column of identifiers or measurements is no grouping: its table would be unreadable
   * and its pairwise SMDs quadratic in the number of groups. */
  if (groups.n_levels > OB_TABLE1_MAX_GROUPS)
    {
      g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                   _("The group column “%s” has %u distinct values; group by a column with at "
                     "most %u"), group->name, groups.n_levels, OB_TABLE1_MAX_GROUPS);
      return NULL;
    }

  table = g_new0 (ObTable1, 1);
  table->group_column = g_strdup (group->name);
  table->n_groups = groups.n_levels;
  table->group_names = g_strdupv (groups.names);
  table->group_n = g_new0 (gsize, table->n_groups + 1);
  for (gsize i = 0; i < n_rows; i++)
    if (groups.codes[i] != NO_LEVEL)
      {
        table->group_n[groups.codes[i]]++;
        table->group_n[table->n_groups]++;
      }
    else if (keep[i])
      table->n_excluded++;
  for (gsize i = 0; i < n_rows; i++)
    keep[i] = groups.codes[i] != NO_LEVEL;

  w.group = groups.codes;
  w.n_groups = table->n_groups;
  w.n_rows = n_rows;
  w.values = g_new (double, MAX (n_rows, 1));
  w.scratch = g_new (double, MAX (n_rows, 1));
  w.offsets = g_new0 (gsize, table->n_groups + 1);
  w.offsets_test = g_new0 (gsize, table->n_groups + 1);

  table->variables = g_new0 (ObTable1Variable, n_vars);
  for (guint v = 0; v < n_vars; v++)
    {
      const ObColumn *column = ob_dataset_lookup_column (dataset, variables[v]);
      ObTable1Variable *var = &table->variables[v];

      table->n_variables = v + 1;
      var->name = g_strdup (column->name);
      var->n = g_new0 (gsize, table->n_groups + 1);
      var->n_missing = g_new0 (gsize, table->n_groups + 1);
      var->skewness = var->statistic = var->df = var->df2 = var->p = var->smd = NAN;
      var->test = OB_TABLE1_TEST_NONE;
      var->categorical = column->type != OB_COLUMN_NUMERIC || name_in (categorical, column->name)
                         || numeric_looks_categorical (column, n_rows, keep);
      if (var->categorical)
        {
          g_auto(Levels) levels = { 0 };

          levels_from_column (column, n_rows, keep, &levels);
          g_free (w.counts_test);
          w.counts_test = g_new0 (double, MAX (1, levels.n_levels * table->n_groups));
          summarise_categorical (var, &levels, &w);
        }
      else
        summarise_continuous (var, column, name_in (nonnormal, column->name), &w);
    }

  g_free (w.values);
  g_free (w.scratch);
  g_free (w.offsets);
  g_free (w.offsets_test);
  g_free (w.counts_test);
  return g_steal_pointer (&table);
}

void
ob_table1_free (ObTable1 *table)
{
  if (table == NULL)
    return;
  for (guint v = 0; v < table->n_variables; v++)
    variable_clear (&table->variables[v]);
  g_free (table->variables);
  g_free (table->group_column);
  g_strfreev (table->group_names);
  g_free (table->group_n);
  g_free (table);
}
