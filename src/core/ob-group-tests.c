/* ob-group-tests.c — groups from a dataset, descriptives, t tests, Mann–Whitney
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-core"

#include "config.h"

#include <glib/gi18n.h>
#include <gsl/gsl_cdf.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ob-group-sort.h"
#include "ob-group-tests.h"

#define NO_LEVEL G_MAXUINT32

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

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static int
compare_strings (const void *a,
                 const void *b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Only levels present in the kept rows count, as R's factor() after subsetting. */
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
      g_autofree guint32 *remap = g_new0 (guint32, n_all + 1);
      guint n_used = 0;

      for (gsize i = 0; i < n_rows; i++)
        if (keep[i] && column->codes[i] != OB_LEVEL_MISSING)
          remap[column->codes[i]] = 1;
      out->names = g_new0 (char *, n_all + 1);
      for (guint l = 0; l < n_all; l++)
        if (remap[l])
          {
            out->names[n_used] = g_strdup (g_ptr_array_index (column->levels, l));
            remap[l] = n_used++;
          }
        else
          remap[l] = NO_LEVEL;
      out->n_levels = n_used;
      for (gsize i = 0; i < n_rows; i++)
        out->codes[i] = column->codes[i] == OB_LEVEL_MISSING ? NO_LEVEL : remap[column->codes[i]];
    }
  else if (column->type == OB_COLUMN_TEXT)
    {
      g_autoptr(GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr(GPtrArray) distinct = g_ptr_array_new ();

      for (gsize i = 0; i < n_rows; i++)
        if (keep[i] && column->text[i] != NULL && !g_hash_table_contains (index, column->text[i]))
          {
            g_hash_table_add (index, column->text[i]);
            g_ptr_array_add (distinct, column->text[i]);
          }
      qsort (distinct->pdata, distinct->len, sizeof (char *), compare_strings);
      out->names = g_new0 (char *, distinct->len + 1);
      for (guint l = 0; l < distinct->len; l++)
        {
          out->names[l] = g_strdup (g_ptr_array_index (distinct, l));
          g_hash_table_insert (index, g_ptr_array_index (distinct, l), GUINT_TO_POINTER (l + 1));
        }
      out->n_levels = distinct->len;
      for (gsize i = 0; i < n_rows; i++)
        {
          gpointer code = column->text[i] != NULL ? g_hash_table_lookup (index, column->text[i])
                                                  : NULL;
          out->codes[i] = code != NULL ? GPOINTER_TO_UINT (code) - 1 : NO_LEVEL;
        }
    }
  else
    {
      g_autofree double *distinct = g_new (double, n_rows);
      gsize n_distinct = 0;
      gsize n_values = 0;

      for (gsize i = 0; i < n_rows; i++)
        if (keep[i] && !isnan (column->num[i]))
          distinct[n_values++] = column->num[i];
      ob_sort_doubles (distinct, NULL, n_values);
      for (gsize i = 0; i < n_values; i++)
        if (n_distinct == 0 || distinct[i] != distinct[n_distinct - 1])
          distinct[n_distinct++] = distinct[i];
      out->names = g_new0 (char *, n_distinct + 1);
      for (gsize l = 0; l < n_distinct; l++)
        {
          char buffer[G_ASCII_DTOSTR_BUF_SIZE];

          out->names[l] = g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.15g", distinct[l]));
        }
      out->n_levels = (guint) n_distinct;
      for (gsize i = 0; i < n_rows; i++)
        {
          const double *hit = isnan (column->num[i]) ? NULL
                              : bsearch (&column->num[i], distinct, n_distinct, sizeof (double),
                                         compare_doubles);

          out->codes[i] = hit != NULL ? (guint32) (hit - distinct) : NO_LEVEL;
        }
    }
}

static const ObColumn *
lookup_column (const ObDataset  *dataset,
               const char       *name,
               const char       *role,
               GError          **error)
{
  const ObColumn *column = ob_dataset_lookup_column (dataset, name);

  if (column == NULL)
    g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                 /* TRANSLATORS: first %s is a role such as "value", second a column name */
                 _("The %s column “%s” is not in the table"), role, name);
  return column;
}

static void
add_exclusion (ObGroupData *data,
               gsize        count,
               const char  *what)
{
  if (count == 0)
    return;
  g_ptr_array_add (data->exclusions,
                   g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%zu row with %s",
                                                 "%zu rows with %s", count),
                                    count, what));
}

ObGroupData *
ob_group_data_new (const ObDataset  *dataset,
                   const char       *value_column,
                   const char       *group_column,
                   const char       *factor2_column,
                   const guint8     *mask,
                   GError          **error)
{
  g_autoptr(ObGroupData) data = NULL;
  const ObColumn *value;
  const ObColumn *group;
  const ObColumn *factor2 = NULL;
  gsize n_rows = ob_dataset_get_n_rows (dataset);
  g_autofree guint8 *keep = g_new (guint8, n_rows);
  g_auto(Levels) groups = { 0 };
  g_auto(Levels) levels2 = { 0 };
  g_autofree gsize *fill = NULL;
  gsize missing_value = 0, missing_group = 0, missing_factor = 0;

  g_return_val_if_fail (value_column != NULL && group_column != NULL, NULL);

  if ((value = lookup_column (dataset, value_column, _("value"), error)) == NULL
      || (group = lookup_column (dataset, group_column, _("group"), error)) == NULL
      || (factor2_column != NULL
          && (factor2 = lookup_column (dataset, factor2_column, _("second factor"),
                                       error)) == NULL))
    return NULL;
  if (value->type != OB_COLUMN_NUMERIC)
    {
      g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                   _("The value column “%s” is not numeric; choose a column of measurements "
                     "or set its type to numeric"), value->name);
      return NULL;
    }

  for (gsize i = 0; i < n_rows; i++)
    keep[i] = mask == NULL || mask[i];

  levels_from_column (group, n_rows, keep, &groups);
  if (factor2 != NULL)
    levels_from_column (factor2, n_rows, keep, &levels2);

  data = g_new0 (ObGroupData, 1);
  data->exclusions = g_ptr_array_new_with_free_func (g_free);
  data->n_groups = groups.n_levels;
  data->offsets = g_new0 (gsize, groups.n_levels + 1);

  for (gsize i = 0; i < n_rows; i++)
    {
      if (!keep[i])
        continue;
      if (isnan (value->num[i]))
        missing_value++;
      else if (groups.codes[i] == NO_LEVEL)
        missing_group++;
      else if (factor2 != NULL && levels2.codes[i] == NO_LEVEL)
        missing_factor++;
      else
        {
          data->offsets[groups.codes[i] + 1]++;
          continue;
        }
      keep[i] = 0;
    }
  for (guint g = 0; g < data->n_groups; g++)
    data->offsets[g + 1] += data->offsets[g];
  data->n = data->offsets[data->n_groups];
  data->n_excluded = missing_value + missing_group + missing_factor;
  add_exclusion (data, missing_value, _("a missing value"));
  add_exclusion (data, missing_group, _("a missing group"));
  add_exclusion (data, missing_factor, _("a missing second factor"));

  if (data->n == 0)
    {
      g_set_error (error, OB_ERROR, OB_ERROR_NO_DATA,
                   _("No rows left to compare: every row misses the value “%s” or the group “%s”"),
                   value->name, group->name);
      return NULL;
    }

  /* Levels seen only in rows dropped for a missing value give empty groups; drop them. */
  {
    guint n_used = 0;
    g_autofree guint32 *remap = g_new (guint32, data->n_groups);
    char **names = g_new0 (char *, data->n_groups + 1);

    for (guint g = 0; g < data->n_groups; g++)
      if (data->offsets[g + 1] > data->offsets[g])
        {
          remap[g] = n_used;
          names[n_used] = g_steal_pointer (&groups.names[g]);
          data->offsets[n_used + 1] = data->offsets[g + 1];
          n_used++;
        }
      else
        {
          remap[g] = NO_LEVEL;
          g_clear_pointer (&groups.names[g], g_free);
        }
    for (gsize i = 0; i < n_rows; i++)
      if (keep[i])
        groups.codes[i] = remap[groups.codes[i]];
    data->n_groups = n_used;
    data->group_names = names;
  }

  data->values = g_new (double, data->n);
  data->row_index = g_new (gsize, data->n);
  fill = g_memdup2 (data->offsets, sizeof (gsize) * data->n_groups);
  if (factor2 != NULL)
    {
      data->factor2 = g_new (guint32, data->n);
      data->n_levels2 = levels2.n_levels;
      data->factor2_names = g_steal_pointer (&levels2.names);
    }
  for (gsize i = 0; i < n_rows; i++)
    if (keep[i])
      {
        gsize at = fill[groups.codes[i]]++;

        data->values[at] = value->num[i];
        data->row_index[at] = i;
        if (factor2 != NULL)
          data->factor2[at] = levels2.codes[i];
      }

  return g_steal_pointer (&data);
}

void
ob_group_data_free (ObGroupData *data)
{
  if (data == NULL)
    return;
  g_free (data->values);
  g_strfreev (data->group_names);
  g_free (data->offsets);
  g_free (data->factor2);
  g_free (data->row_index);
  g_strfreev (data->factor2_names);
  g_clear_pointer (&data->exclusions, g_ptr_array_unref);
  g_free (data);
}

int
ob_group_data_find (const ObGroupData *data,
                    const char        *name)
{
  for (guint g = 0; g < data->n_groups; g++)
    if (g_str_equal (data->group_names[g], name))
      return (int) g;
  return -1;
}

ObCountTable *
ob_count_table_new (const ObDataset  *dataset,
                    const char       *row_column,
                    const char       *col_column,
                    const guint8     *mask,
                    GError          **error)
{
  g_autoptr(ObCountTable) table = NULL;
  const ObColumn *rows, *cols;
  gsize n_rows = ob_dataset_get_n_rows (dataset);
  g_autofree guint8 *keep = g_new (guint8, n_rows);
  g_auto(Levels) row_levels = { 0 };
  g_auto(Levels) col_levels = { 0 };
  double total = 0;

  if ((rows = lookup_column (dataset, row_column, _("group"), error)) == NULL
      || (cols = lookup_column (dataset, col_column, _("value"), error)) == NULL)
    return NULL;

  /* Levels only from rows that have both, so that no row or column of the table is empty
   * merely because the other cell was missing. */
  for (gsize i = 0; i < n_rows; i++)
    keep[i] = (mask == NULL || mask[i]) && !ob_column_is_missing (rows, i)
              && !ob_column_is_missing (cols, i);
  levels_from_column (rows, n_rows, keep, &row_levels);
  levels_from_column (cols, n_rows, keep, &col_levels);

  table = g_new0 (ObCountTable, 1);
  table->n_rows = row_levels.n_levels;
  table->n_cols = col_levels.n_levels;
  table->row_names = g_steal_pointer (&row_levels.names);
  table->col_names = g_steal_pointer (&col_levels.names);
  table->counts = g_new0 (double, MAX (1, table->n_rows * table->n_cols));
  for (gsize i = 0; i < n_rows; i++)
    {
      if (mask != NULL && !mask[i])
        continue;
      if (!keep[i])
        table->n_excluded++;
      else
        {
          table->counts[row_levels.codes[i] * table->n_cols + col_levels.codes[i]] += 1;
          total += 1;
        }
    }
  if (total == 0)
    {
      g_set_error (error, OB_ERROR, OB_ERROR_NO_DATA,
                   _("No rows have both “%s” and “%s”"), rows->name, cols->name);
      return NULL;
    }
  return g_steal_pointer (&table);
}

void
ob_count_table_free (ObCountTable *table)
{
  if (table == NULL)
    return;
  g_free (table->counts);
  g_strfreev (table->row_names);
  g_strfreev (table->col_names);
  g_free (table);
}

/* R's default quantile (type 7) on sorted values. */
static double
quantile_sorted (const double *sorted,
                 gsize         n,
                 double        prob)
{
  double h = (double) (n - 1) * prob;
  gsize lo = (gsize) floor (h);

  if (lo + 1 >= n)
    return sorted[n - 1];
  return sorted[lo] + (h - (double) lo) * (sorted[lo + 1] - sorted[lo]);
}

void
ob_describe (const double   *x,
             gsize           n,
             double         *scratch,
             ObDescriptives *out)
{
  double sum = 0, ss = 0, mean;

  out->n = n;
  out->mean = out->sd = out->sem = out->ci_lower = out->ci_upper = NAN;
  out->median = out->q1 = out->q3 = out->min = out->max = NAN;
  if (n == 0)
    return;

  for (gsize i = 0; i < n; i++)
    sum += x[i];
  mean = sum / (double) n;
  /* A second pass keeps the variance accurate for large values with small spread. */
  for (gsize i = 0; i < n; i++)
    ss += (x[i] - mean) * (x[i] - mean);
  out->mean = mean;
  if (n > 1)
    {
      double half;

      out->sd = sqrt (ss / (double) (n - 1));
      out->sem = out->sd / sqrt ((double) n);
      half = gsl_cdf_tdist_Pinv (0.975, (double) (n - 1)) * out->sem;
      out->ci_lower = mean - half;
      out->ci_upper = mean + half;
    }

  memcpy (scratch, x, n * sizeof (double));
  ob_sort_doubles (scratch, NULL, n);
  out->min = scratch[0];
  out->max = scratch[n - 1];
  out->median = quantile_sorted (scratch, n, 0.5);
  out->q1 = quantile_sorted (scratch, n, 0.25);
  out->q3 = quantile_sorted (scratch, n, 0.75);
}

static void
mean_var (const double *x,
          gsize         n,
          double       *mean,
          double       *var)
{
  double sum = 0, ss = 0;

  for (gsize i = 0; i < n; i++)
    sum += x[i];
  *mean = sum / (double) n;
  for (gsize i = 0; i < n; i++)
    ss += (x[i] - *mean) * (x[i] - *mean);
  *var = n > 1 ? ss / (double) (n - 1) : NAN;
}

static double
two_sided_t (double t,
             double df)
{
  return 2 * gsl_cdf_tdist_Q (fabs (t), df);
}

gboolean
ob_t_test (const double  *x,
           gsize          nx,
           const double  *y,
           gsize          ny,
           ObTTestKind    kind,
           double         conf_level,
           ObTTest       *out,
           GError       **error)
{
  double mx, vx, my, vy, se, q;

  memset (out, 0, sizeof *out);
  out->conf_level = conf_level;

  if (kind == OB_T_PAIRED)
    {
      double sum = 0, ss = 0, mean;

      if (nx != ny)
        {
          g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                       _("A paired t test needs the same number of values in both groups "
                         "(%zu and %zu)"), nx, ny);
          return FALSE;
        }
      if (nx < 2)
        goto too_few;
      for (gsize i = 0; i < nx; i++)
        sum += x[i] - y[i];
      mean = sum / (double) nx;
      for (gsize i = 0; i < nx; i++)
        ss += (x[i] - y[i] - mean) * (x[i] - y[i] - mean);
      se = sqrt (ss / (double) (nx - 1) / (double) nx);
      out->df = (double) (nx - 1);
      out->estimate = mean;
    }
  else
    {
      if (nx < 2 || ny < 2)
        goto too_few;
      mean_var (x, nx, &mx, &vx);
      mean_var (y, ny, &my, &vy);
      out->estimate = mx - my;
      if (kind == OB_T_STUDENT)
        {
          double pooled;

          out->df = (double) (nx + ny - 2);
          pooled = ((double) (nx - 1) * vx + (double) (ny - 1) * vy) / out->df;
          se = sqrt (pooled * (1.0 / (double) nx + 1.0 / (double) ny));
        }
      else
        {
          double ex = vx / (double) nx, ey = vy / (double) ny;

          se = sqrt (ex + ey);
          out->df = (ex + ey) * (ex + ey)
                    / (ex * ex / (double) (nx - 1) + ey * ey / (double) (ny - 1));
        }
    }

  if (!(se > 0))
    {
      g_set_error_literal (error, OB_ERROR, OB_ERROR_NUMERIC,
                           _("The data are essentially constant: a t test cannot be computed"));
      return FALSE;
    }
  out->statistic = out->estimate / se;
  out->p = two_sided_t (out->statistic, out->df);
  q = gsl_cdf_tdist_Pinv (0.5 + conf_level / 2, out->df);
  out->ci_lower = out->estimate - q * se;
  out->ci_upper = out->estimate + q * se;
  return TRUE;

too_few:
  g_set_error_literal (error, OB_ERROR, OB_ERROR_NO_DATA,
                       _("A t test needs at least two values in each group"));
  return FALSE;
}

/* Counts of W = w for samples of m and n values without ties: walk the ranks 1 … m+n and
 * choose each into x or y; a rank chosen as the j-th x value has i − j y values below it. */
static double *
wilcox_counts (gsize m,
               gsize n)
{
  gsize mn = m * n;
  double *f = g_new0 (double, (m + 1) * (mn + 1));

  f[0] = 1;
  for (gsize i = 1; i <= m + n; i++)
    {
      gsize j_hi = MIN (i, m);
      gsize j_lo = i > n ? i - n : 1;

      for (gsize j = j_hi; j >= j_lo && j >= 1; j--)
        {
          gsize shift = i - j;
          double *row = f + j * (mn + 1);
          const double *prev = f + (j - 1) * (mn + 1);

          for (gsize w = mn; w + 1 > shift; w--)
            {
              row[w] += prev[w - shift];
              if (w == 0)
                break;
            }
        }
    }
  return f;
}

/* Summing the tail asked for keeps small upper-tail p values accurate. */
static double
wilcox_tail (double   q,
             gsize    m,
             gsize    n,
             gboolean lower)
{
  g_autofree double *f = wilcox_counts (m, n);
  gsize mn = m * n;
  const double *counts = f + m * (mn + 1);
  double total = 0, tail = 0;

  for (gsize w = 0; w <= mn; w++)
    {
      total += counts[w];
      if (((double) w <= q) == lower)
        tail += counts[w];
    }
  return tail / total;
}

double
ob_pwilcox (double q,
            gsize  m,
            gsize  n)
{
  q = floor (q + 1e-7);
  if (q < 0)
    return 0;
  if (q >= (double) (m * n))
    return 1;
  return wilcox_tail (q, m, n, TRUE);
}

gboolean
ob_wilcox_test (const double  *x,
                gsize          nx,
                const double  *y,
                gsize          ny,
                ObWilcoxTest  *out,
                GError       **error)
{
  gsize n = nx + ny;
  g_autofree double *all = NULL;
  g_autofree guint32 *from_x = NULL;
  double rank_sum = 0, tie_term = 0;
  gboolean ties = FALSE;

  memset (out, 0, sizeof *out);
  if (nx == 0 || ny == 0)
    {
      g_set_error_literal (error, OB_ERROR, OB_ERROR_NO_DATA,
                           _("A Mann–Whitney test needs values in both groups"));
      return FALSE;
    }

  all = g_new (double, n);
  from_x = g_new (guint32, n);
  memcpy (all, x, nx * sizeof (double));
  memcpy (all + nx, y, ny * sizeof (double));
  for (gsize i = 0; i < n; i++)
    from_x[i] = i < nx;
  ob_sort_doubles (all, from_x, n);

  for (gsize i = 0; i < n;)
    {
      gsize j = i;
      double mid, t;

      while (j < n && all[j] == all[i])
        j++;
      mid = (double) (i + j + 1) / 2.0;
      for (gsize k = i; k < j; k++)
        if (from_x[k])
          rank_sum += mid;
      t = (double) (j - i);
      if (j - i > 1)
        ties = TRUE;
      tie_term += t * t * t - t;
      i = j;
    }

  out->statistic = rank_sum - (double) nx * (double) (nx + 1) / 2.0;
  if (nx < 50 && ny < 50 && !ties)
    {
      double w = out->statistic, p;

      out->exact = TRUE;
      if (w > (double) (nx * ny) / 2.0)
        p = wilcox_tail (w - 1, nx, ny, FALSE);
      else
        p = wilcox_tail (w, nx, ny, TRUE);
      out->p = MIN (2 * p, 1.0);
    }
  else
    {
      double dn = (double) n, z = out->statistic - (double) nx * (double) ny / 2.0;
      double sigma = sqrt ((double) nx * (double) ny / 12.0
                           * ((dn + 1) - tie_term / (dn * (dn - 1))));

      if (!(sigma > 0))
        {
          g_set_error_literal (error, OB_ERROR, OB_ERROR_NUMERIC,
                               _("All values are equal: a Mann–Whitney test cannot be computed"));
          return FALSE;
        }
      z = (z - (z > 0 ? 0.5 : z < 0 ? -0.5 : 0)) / sigma;
      out->p = 2 * MIN (gsl_cdf_ugaussian_P (z), gsl_cdf_ugaussian_Q (z));
    }
  return TRUE;
}
