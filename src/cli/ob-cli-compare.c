/* ob-cli-compare.c — `oncobench-cli compare FILE`: a measurement compared between groups
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ob-anova.h"
#include "ob-cli.h"
#include "ob-cli-common.h"
#include "ob-cli-compare-private.h"
#include "ob-cli-project.h"
#include "ob-group-pairs.h"
#include "ob-group-tests.h"
#include "ob-surv-data.h"

typedef enum
{
  TEST_WELCH,
  TEST_STUDENT,
  TEST_PAIRED,
  TEST_MANN_WHITNEY,
  TEST_ANOVA,
  TEST_WELCH_ANOVA,
  TEST_KRUSKAL,
  TEST_TWOWAY,
  TEST_CHISQ,
  TEST_FISHER,
  N_TESTS,
} Test;

static const char * const test_names[N_TESTS] = {
  "welch", "student", "paired", "mannwhitney", "anova", "welch-anova", "kruskal", "twoway",
  "chisq", "fisher",
};

#define MAX_GROUPS 200u

static const char * const posthoc_names[] = { "tukey", "games-howell", "dunn", "sidak" };

typedef struct
{
  ObCliInputOptions input;
  char *value;
  char *group;
  char *factor2;
  char *test;
  char *pair;
  char *posthoc;
  char *id;
  char **where;
  char *save_project;
  ObCliCompareFigure figure;
  ObCliCompareLimits limits;
} CompareOptions;

static void
compare_options_clear (CompareOptions *o)
{
  ob_cli_input_options_clear (&o->input);
  g_clear_pointer (&o->value, g_free);
  g_clear_pointer (&o->group, g_free);
  g_clear_pointer (&o->factor2, g_free);
  g_clear_pointer (&o->test, g_free);
  g_clear_pointer (&o->pair, g_free);
  g_clear_pointer (&o->posthoc, g_free);
  g_clear_pointer (&o->id, g_free);
  g_clear_pointer (&o->where, g_strfreev);
  g_clear_pointer (&o->save_project, g_free);
  ob_cli_compare_figure_clear (&o->figure);
  ob_cli_compare_limits_clear (&o->limits);
}

static gboolean
invalid (GError    **error,
         const char *message)
{
  g_set_error_literal (error, OB_ERROR, OB_ERROR_INVALID_ARG, message);
  return FALSE;
}

static gboolean
is_two_group (Test test)
{
  return test <= TEST_MANN_WHITNEY;
}

static void
add_descriptives (JsonBuilder *b,
                  const char  *name,
                  const double *x,
                  gsize        n,
                  double      *scratch)
{
  ObDescriptives d;
  ObShapiroWilk sw;

  ob_describe (x, n, scratch, &d);
  json_builder_begin_object (b);
  ob_cli_json_add_string (b, "name", name);
  ob_cli_json_add_int (b, "n", (gint64) d.n);
  ob_cli_json_add_double (b, "mean", d.mean);
  ob_cli_json_add_double (b, "sd", d.sd);
  ob_cli_json_add_double (b, "sem", d.sem);
  ob_cli_json_add_double (b, "ci_lower", d.ci_lower);
  ob_cli_json_add_double (b, "ci_upper", d.ci_upper);
  ob_cli_json_add_double (b, "median", d.median);
  ob_cli_json_add_double (b, "q1", d.q1);
  ob_cli_json_add_double (b, "q3", d.q3);
  ob_cli_json_add_double (b, "min", d.min);
  ob_cli_json_add_double (b, "max", d.max);
  /* Reported for reading, never used to pick the test. */
  json_builder_set_member_name (b, "normality");
  if (ob_shapiro_wilk (x, n, &sw, NULL))
    {
      json_builder_begin_object (b);
      ob_cli_json_add_string (b, "test", "shapiro-wilk");
      ob_cli_json_add_double (b, "statistic", sw.statistic);
      ob_cli_json_add_double (b, "p", sw.p);
      json_builder_end_object (b);
    }
  else
    json_builder_add_null_value (b);
  json_builder_end_object (b);
}

static void
add_groups (JsonBuilder       *b,
            const ObGroupData *data,
            const guint       *which,
            guint              n_which,
            gboolean           cells)
{
  gsize largest = 1;
  g_autofree double *scratch = NULL;

  for (guint g = 0; g < data->n_groups; g++)
    largest = MAX (largest, data->offsets[g + 1] - data->offsets[g]);
  scratch = g_new (double, largest);

  json_builder_set_member_name (b, "groups");
  json_builder_begin_array (b);
  if (cells)
    {
      g_autofree double *cell = g_new (double, largest);

      for (guint g = 0; g < data->n_groups; g++)
        for (guint l = 0; l < data->n_levels2; l++)
          {
            g_autofree char *name = NULL;
            gsize n = 0;

            for (gsize i = data->offsets[g]; i < data->offsets[g + 1]; i++)
              if (data->factor2[i] == l)
                cell[n++] = data->values[i];
            if (n == 0)
              continue;
            name = g_strdup_printf ("%s / %s", data->group_names[g], data->factor2_names[l]);
            add_descriptives (b, name, cell, n, scratch);
          }
    }
  else
    for (guint k = 0; k < n_which; k++)
      {
        guint g = which[k];

        add_descriptives (b, data->group_names[g], data->values + data->offsets[g],
                          data->offsets[g + 1] - data->offsets[g], scratch);
      }
  json_builder_end_array (b);
}

static void
add_pairs (JsonBuilder       *b,
           const ObGroupData *data,
           const ObPairwise  *pairs,
           gsize              n_pairs,
           gboolean           sidak)
{
  char **names = sidak ? data->factor2_names : data->group_names;

  json_builder_set_member_name (b, "posthoc");
  json_builder_begin_array (b);
  for (gsize i = 0; i < n_pairs; i++)
    {
      json_builder_begin_object (b);
      if (sidak)
        ob_cli_json_add_string (b, "within", data->group_names[pairs[i].within]);
      ob_cli_json_add_string (b, "a", names[pairs[i].a]);
      ob_cli_json_add_string (b, "b", names[pairs[i].b]);
      ob_cli_json_add_double (b, "diff", pairs[i].diff);
      if (!isnan (pairs[i].rank_diff))
        ob_cli_json_add_double (b, "rank_diff", pairs[i].rank_diff);
      ob_cli_json_add_double (b, "lower", pairs[i].lower);
      ob_cli_json_add_double (b, "upper", pairs[i].upper);
      ob_cli_json_add_double (b, "statistic", pairs[i].statistic);
      ob_cli_json_add_double (b, "df", pairs[i].df);
      ob_cli_json_add_double (b, "p", pairs[i].p);
      ob_cli_json_add_double (b, "p_adj", pairs[i].p_adj);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
add_term (JsonBuilder       *b,
          const char        *name,
          const ObAnovaTerm *term)
{
  json_builder_begin_object (b);
  ob_cli_json_add_string (b, "term", name);
  ob_cli_json_add_double (b, "df", term->df);
  ob_cli_json_add_double (b, "ss", term->ss);
  ob_cli_json_add_double (b, "ms", term->ms);
  ob_cli_json_add_double (b, "F", term->statistic);
  ob_cli_json_add_double (b, "p", term->p);
  json_builder_end_object (b);
}

/* The two groups of a two-group test: --pair names them, or the data hold exactly two. */
static gboolean
pick_pair (const ObGroupData  *data,
           const char         *pair,
           guint              *which,
           GError            **error)
{
  g_auto(GStrv) names = NULL;

  if (pair == NULL)
    {
      if (data->n_groups != 2)
        {
          g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                       _("The data hold %u groups: name the two to compare with --pair 'A,B', "
                         "or choose a test for several groups (anova, welch-anova, kruskal)"),
                       data->n_groups);
          return FALSE;
        }
      which[0] = 0;
      which[1] = 1;
      return TRUE;
    }
  names = g_strsplit (pair, ",", -1);
  if (g_strv_length (names) != 2)
    return invalid (error, _("--pair expects two group names separated by a comma: 'A,B'"));
  for (guint k = 0; k < 2; k++)
    {
      int g = ob_group_data_find (data, g_strstrip (names[k]));

      if (g < 0)
        {
          g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                       _("--pair: there is no group “%s” with values"), names[k]);
          return FALSE;
        }
      which[k] = (guint) g;
    }
  if (which[0] == which[1])
    return invalid (error, _("--pair names the same group twice"));
  return TRUE;
}

static gboolean
run_two_group (JsonBuilder          *b,
               const ObDataset      *dataset,
               const ObGroupData    *data,
               Test                  test,
               const CompareOptions *o,
               ObPairwise          **fig_pairs,
               gsize                *n_fig_pairs,
               GError              **error)
{
  double p;
  guint which[2];
  const double *x, *y;
  g_autofree double *paired_x = NULL;
  g_autofree double *paired_y = NULL;
  gsize nx, ny;

  if (!pick_pair (data, o->pair, which, error))
    return FALSE;
  x = data->values + data->offsets[which[0]];
  nx = data->offsets[which[0] + 1] - data->offsets[which[0]];
  y = data->values + data->offsets[which[1]];
  ny = data->offsets[which[1] + 1] - data->offsets[which[1]];
  if (o->id != NULL)
    {
      gsize unpaired;

      if (!ob_group_data_pair_by_id (dataset, data, o->id, which, &paired_x, &paired_y, &nx,
                                     &unpaired, error))
        return FALSE;
      x = paired_x;
      y = paired_y;
      ny = nx;
      ob_cli_json_add_int (b, "pairs", (gint64) nx);
      ob_cli_json_add_int (b, "unpaired", (gint64) unpaired);
    }

  if (test == TEST_MANN_WHITNEY)
    {
      ObWilcoxTest w;

      if (!ob_wilcox_test (x, nx, y, ny, &w, error))
        return FALSE;
      ob_cli_json_add_string (b, "method", w.exact ? "Mann–Whitney U (exact)"
                                                   : "Mann–Whitney U (normal approximation, "
                                                     "continuity and tie corrections)");
      ob_cli_json_add_double (b, "statistic", w.statistic);
      ob_cli_json_add_double (b, "df", NAN);
      ob_cli_json_add_double (b, "p", w.p);
      p = w.p;
      json_builder_set_member_name (b, "exact");
      json_builder_add_boolean_value (b, w.exact);
    }
  else
    {
      ObTTest t;
      ObTTestKind kind = test == TEST_PAIRED ? OB_T_PAIRED
                         : test == TEST_STUDENT ? OB_T_STUDENT : OB_T_WELCH;

      if (!ob_t_test (x, nx, y, ny, kind, 0.95, &t, error))
        return FALSE;
      ob_cli_json_add_string (b, "method",
                              test == TEST_PAIRED ? (o->id != NULL ? "Paired t test (pairs by ID)"
                                                                   : "Paired t test (pairs in "
                                                                     "row order)")
                              : test == TEST_STUDENT ? "Student's t test (equal variances)"
                              : "Welch's t test");
      ob_cli_json_add_double (b, "statistic", t.statistic);
      ob_cli_json_add_double (b, "df", t.df);
      ob_cli_json_add_double (b, "p", t.p);
      p = t.p;
      json_builder_set_member_name (b, "ci");
      json_builder_begin_object (b);
      ob_cli_json_add_string (b, "of", test == TEST_PAIRED ? "mean of the differences a − b"
                                                          : "mean(a) − mean(b)");
      ob_cli_json_add_double (b, "estimate", t.estimate);
      ob_cli_json_add_double (b, "lower", t.ci_lower);
      ob_cli_json_add_double (b, "upper", t.ci_upper);
      ob_cli_json_add_double (b, "level", t.conf_level);
      json_builder_end_object (b);
    }
  ob_cli_json_add_string (b, "a", data->group_names[which[0]]);
  ob_cli_json_add_string (b, "b", data->group_names[which[1]]);
  add_groups (b, data, which, 2, FALSE);
  /* The figure's one bracket: the two groups tested. */
  *fig_pairs = g_new0 (ObPairwise, 1);
  **fig_pairs = (ObPairwise) { .a = which[0], .b = which[1], .within = G_MAXUINT, .p = p,
                               .p_adj = p };
  *n_fig_pairs = 1;
  json_builder_set_member_name (b, "posthoc");
  json_builder_begin_array (b);
  json_builder_end_array (b);
  return TRUE;
}

static gboolean
run_oneway (JsonBuilder       *b,
            const ObGroupData *data,
            Test               test,
            int                posthoc,
            ObPairwise       **fig_pairs,
            gsize             *n_fig_pairs,
            GError           **error)
{
  static const char * const methods[] = {
    "One-way ANOVA", "Welch's ANOVA (unequal variances)", "Kruskal–Wallis (tie-corrected)",
  };
  ObOnewayKind kind = test == TEST_ANOVA ? OB_ONEWAY_ANOVA
                      : test == TEST_WELCH_ANOVA ? OB_ONEWAY_WELCH : OB_ONEWAY_KRUSKAL;
  g_autofree guint *all = g_new (guint, data->n_groups);
  g_autofree ObPairwise *pairs = NULL;
  gsize n_pairs = 0;
  ObOneway r;

  if (posthoc < 0)
    posthoc = (int) kind;   /* Tukey, Games–Howell, Dunn in the same order as the tests */
  if (posthoc == OB_POSTHOC_SIDAK)
    return invalid (error, _("--posthoc sidak follows --test twoway"));
  if (!ob_oneway_test (data->values, data->offsets, data->n_groups, kind, &r, error))
    return FALSE;
  pairs = ob_posthoc_oneway (data->values, data->offsets, data->n_groups, posthoc, &n_pairs,
                             error);
  if (pairs == NULL)
    return FALSE;

  ob_cli_json_add_string (b, "method", methods[kind]);
  ob_cli_json_add_double (b, "statistic", r.statistic);
  ob_cli_json_add_double (b, "df", r.df1);
  ob_cli_json_add_double (b, "df2", r.df2);
  ob_cli_json_add_double (b, "p", r.p);
  ob_cli_json_add_string (b, "posthoc_method", posthoc_names[posthoc]);
  for (guint g = 0; g < data->n_groups; g++)
    all[g] = g;
  add_groups (b, data, all, data->n_groups, FALSE);
  add_pairs (b, data, pairs, n_pairs, FALSE);
  *fig_pairs = g_steal_pointer (&pairs);
  *n_fig_pairs = n_pairs;
  return TRUE;
}

static gboolean
run_twoway (JsonBuilder       *b,
            const ObGroupData *data,
            const CompareOptions *o,
            int                posthoc,
            ObPairwise       **fig_pairs,
            gsize             *n_fig_pairs,
            GError           **error)
{
  g_autofree ObPairwise *pairs = NULL;
  g_autofree char *interaction = NULL;
  gsize n_pairs = 0;
  ObTwoway fit;

  if (data->factor2 == NULL)
    return invalid (error, _("--test twoway needs the second factor: --factor2 COL"));
  if (posthoc >= 0 && posthoc != OB_POSTHOC_SIDAK)
    return invalid (error, _("After a two-way ANOVA the comparisons are --posthoc sidak"));
  if (!ob_anova_twoway (data, &fit, error))
    return FALSE;
  pairs = ob_twoway_sidak (data, &fit, &n_pairs, error);
  if (pairs == NULL)
    return FALSE;

  /* The headline test is the interaction: does the second factor act alike in every group? */
  ob_cli_json_add_string (b, "method", "Two-way ANOVA with interaction, type I (sequential) "
                                       "sums of squares as R's anova(lm(y ~ A * B))");
  ob_cli_json_add_double (b, "statistic", fit.interaction.statistic);
  ob_cli_json_add_double (b, "df", fit.interaction.df);
  ob_cli_json_add_double (b, "df2", fit.residual.df);
  ob_cli_json_add_double (b, "p", fit.interaction.p);
  ob_cli_json_add_string (b, "sums_of_squares", "type I");
  json_builder_set_member_name (b, "terms");
  json_builder_begin_array (b);
  interaction = g_strdup_printf ("%s:%s", o->group, o->factor2);
  add_term (b, o->group, &fit.a);
  add_term (b, o->factor2, &fit.b);
  add_term (b, interaction, &fit.interaction);
  add_term (b, "Residuals", &fit.residual);
  json_builder_end_array (b);
  ob_cli_json_add_string (b, "posthoc_method", "sidak");
  add_groups (b, data, NULL, 0, TRUE);
  add_pairs (b, data, pairs, n_pairs, TRUE);
  *fig_pairs = g_steal_pointer (&pairs);
  *n_fig_pairs = n_pairs;
  return TRUE;
}

/* Counts rather than measurements: --group × --value, both read as categories. */
static gboolean
run_table (const char            *path,
           const ObDataset       *dataset,
           const CompareOptions  *o,
           Test                   test,
           const guint8          *mask,
           GError               **error)
{
  g_autoptr(ObCountTable) table = NULL;
  g_autoptr(ObCliJson) json = NULL;
  JsonBuilder *b;
  ObTableTest r;

  if (o->pair != NULL || o->posthoc != NULL || o->factor2 != NULL)
    return invalid (error, _("--test chisq and fisher take no --pair, --posthoc or --factor2"));
  if (o->figure.figure != NULL)
    return invalid (error, _("--figure draws a measurement by group; counts have no figure "
                             "here"));
  table = ob_count_table_new (dataset, o->group, o->value, mask, error);
  if (table == NULL)
    return FALSE;
  if (test == TEST_FISHER && (table->n_rows != 2 || table->n_cols != 2))
    {
      g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                   _("Fisher’s exact test here takes a 2 × 2 table; “%s” × “%s” is %u × %u "
                     "(use --test chisq, or --where to keep two levels)"),
                   o->group, o->value, table->n_rows, table->n_cols);
      return FALSE;
    }
  if (!(test == TEST_FISHER ? ob_fisher_test (table->counts, &r, error)
                            : ob_chisq_test (table->counts, table->n_rows, table->n_cols, &r,
                                             error)))
    return FALSE;

  json = ob_cli_json_new ();
  b = ob_cli_json_get_builder (json);
  json_builder_begin_object (b);
  ob_cli_json_add_string (b, "file", path);
  ob_cli_json_add_string (b, "test", test_names[test]);
  ob_cli_json_add_string (b, "value", o->value);
  ob_cli_json_add_string (b, "group", o->group);
  {
    double n = 0;

    for (guint i = 0; i < table->n_rows * table->n_cols; i++)
      n += table->counts[i];
    ob_cli_json_add_int (b, "n", (gint64) n);
  }
  ob_cli_json_add_int (b, "excluded", (gint64) table->n_excluded);
  if (test == TEST_FISHER)
    {
      ob_cli_json_add_string (b, "method", "Fisher's exact test (two-sided)");
      ob_cli_json_add_double (b, "statistic", NAN);
      ob_cli_json_add_double (b, "df", NAN);
      ob_cli_json_add_double (b, "p", r.p);
      /* JSON has no infinity: a table with a zero cell can give null here. */
      ob_cli_json_add_double (b, "odds_ratio", r.odds_ratio);
    }
  else
    {
      ob_cli_json_add_string (b, "method", r.yates ? "Pearson's chi-square with Yates' "
                                                     "continuity correction"
                                                   : "Pearson's chi-square");
      ob_cli_json_add_double (b, "statistic", r.statistic);
      ob_cli_json_add_double (b, "df", r.df);
      ob_cli_json_add_double (b, "p", r.p);
    }
  json_builder_set_member_name (b, "columns");
  json_builder_begin_array (b);
  for (guint c = 0; c < table->n_cols; c++)
    json_builder_add_string_value (b, table->col_names[c]);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "groups");
  json_builder_begin_array (b);
  for (guint g = 0; g < table->n_rows; g++)
    {
      double n = 0;

      json_builder_begin_object (b);
      ob_cli_json_add_string (b, "name", table->row_names[g]);
      json_builder_set_member_name (b, "counts");
      json_builder_begin_array (b);
      for (guint c = 0; c < table->n_cols; c++)
        {
          n += table->counts[g * table->n_cols + c];
          json_builder_add_int_value (b, (gint64) table->counts[g * table->n_cols + c]);
        }
      json_builder_end_array (b);
      ob_cli_json_add_int (b, "n", (gint64) n);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "posthoc");
  json_builder_begin_array (b);
  json_builder_end_array (b);
  json_builder_end_object (b);
  return ob_cli_json_print (json, error);
}

static gboolean
run_compare (const char            *path,
             CompareOptions        *o,
             int                    test_index,
             int                    posthoc,
             GError               **error)
{
  Test test;
  g_autoptr(ObDataset) dataset = NULL;
  g_autoptr(ObGroupData) data = NULL;
  g_autoptr(ObCliJson) json = NULL;
  g_autofree guint8 *mask = NULL;
  g_autofree ObPairwise *fig_pairs = NULL;
  g_autofree char *left_out = NULL;
  gsize n_fig_pairs = 0;
  const GPtrArray *warnings;
  JsonBuilder *b;
  gboolean ok;

  dataset = ob_cli_project_open_dataset (path, &o->input, error);
  if (dataset == NULL)
    return FALSE;
  if (o->where != NULL)
    {
      mask = ob_dataset_where_mask (dataset, (const char * const *) o->where, error);
      if (mask == NULL)
        return FALSE;
    }
  if (!ob_cli_compare_limits_exclude (&o->limits, dataset, &mask, error))
    return FALSE;
  if (test_index == TEST_CHISQ || test_index == TEST_FISHER)
    return run_table (path, dataset, o, (Test) test_index, mask, error);
  data = ob_group_data_new (dataset, o->value, o->group, o->factor2, mask, error);
  if (data == NULL)
    return FALSE;
  /* An ID or a measurement picked as the group by mistake would ask for millions of pairs. */
  if (data->n_groups > MAX_GROUPS || data->n_levels2 > MAX_GROUPS)
    {
      g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                   _("“%s” has %u different values: comparisons take at most %u groups; is it "
                     "the right column?"),
                   data->n_groups > MAX_GROUPS ? o->group : o->factor2,
                   MAX (data->n_groups, data->n_levels2), MAX_GROUPS);
      return FALSE;
    }

  if (test_index >= 0)
    test = (Test) test_index;
  else
    test = data->factor2 != NULL ? TEST_TWOWAY
           : data->n_groups == 2 || o->pair != NULL ? TEST_WELCH : TEST_ANOVA;
  if (o->pair != NULL && !is_two_group (test))
    return invalid (error, _("--pair chooses the groups of a two-group test (welch, student, "
                             "paired, mannwhitney)"));
  if (o->id != NULL && test != TEST_PAIRED)
    return invalid (error, _("--id pairs the rows of --test paired"));
  if (is_two_group (test) && posthoc >= 0)
    return invalid (error, _("--posthoc follows a test of several groups"));

  json = ob_cli_json_new ();
  b = ob_cli_json_get_builder (json);
  json_builder_begin_object (b);
  ob_cli_json_add_string (b, "file", path);
  ob_cli_json_add_string (b, "test", test_names[test]);
  ob_cli_json_add_string (b, "value", o->value);
  ob_cli_json_add_string (b, "group", o->group);
  if (o->factor2 != NULL)
    ob_cli_json_add_string (b, "factor2", o->factor2);
  ob_cli_json_add_int (b, "n", (gint64) data->n);
  ob_cli_json_add_int (b, "excluded", (gint64) data->n_excluded);
  json_builder_set_member_name (b, "exclusions");
  json_builder_begin_array (b);
  for (guint i = 0; i < data->exclusions->len; i++)
    json_builder_add_string_value (b, g_ptr_array_index (data->exclusions, i));
  json_builder_end_array (b);

  if (is_two_group (test))
    ok = run_two_group (b, dataset, data, test, o, &fig_pairs, &n_fig_pairs, error);
  else if (test == TEST_TWOWAY)
    ok = run_twoway (b, data, o, posthoc, &fig_pairs, &n_fig_pairs, error);
  else
    ok = run_oneway (b, data, test, posthoc, &fig_pairs, &n_fig_pairs, error);
  if (!ok)
    return FALSE;
  left_out = ob_cli_compare_limits_json (&o->limits, b, dataset, o->group, data);

  json_builder_set_member_name (b, "warnings");
  json_builder_begin_array (b);
  if (left_out != NULL)
    {
      json_builder_add_string_value (b, left_out);
      g_printerr ("oncobench-cli compare: %s\n", left_out);
    }
  warnings = ob_dataset_get_warnings (dataset);
  for (guint i = 0; warnings != NULL && i < warnings->len; i++)
    json_builder_add_string_value (b, g_ptr_array_index (warnings, i));
  json_builder_end_array (b);
  json_builder_end_object (b);
  /* The figure first: when it cannot be written, nothing is printed and the command fails. */
  if (!ob_cli_compare_figure_write (&o->figure, &o->limits, dataset, o->group, data, o->value,
                                    fig_pairs, n_fig_pairs, error))
    return FALSE;
  return ob_cli_json_print (json, error);
}

static int
lookup_name (const char         *name,
             const char * const *names,
             guint               n_names)
{
  for (guint i = 0; i < n_names; i++)
    if (g_ascii_strcasecmp (name, names[i]) == 0)
      return (int) i;
  return -1;
}

int
ob_cli_compare (int    argc,
                char **argv)
{
  CompareOptions o = { 0 };
  const GOptionEntry entries[] = {
    { "value", 0, 0, G_OPTION_ARG_STRING, &o.value, N_("Numeric column to compare"), N_("COL") },
    { "group", 0, 0, G_OPTION_ARG_STRING, &o.group, N_("Column that names the groups"),
      N_("COL") },
    { "factor2", 0, 0, G_OPTION_ARG_STRING, &o.factor2,
      N_("Second factor of a two-way design"), N_("COL") },
    { "test", 0, 0, G_OPTION_ARG_STRING, &o.test,
      N_("welch, student, paired, mannwhitney, anova, welch-anova, kruskal, twoway; or chisq, "
         "fisher for a categorical --value (default: welch for two groups, anova for more, "
         "twoway with --factor2)"),
      N_("TEST") },
    { "pair", 0, 0, G_OPTION_ARG_STRING, &o.pair,
      N_("The two groups of a two-group test, in the order a, b"), N_("A,B") },
    { "posthoc", 0, 0, G_OPTION_ARG_STRING, &o.posthoc,
      N_("tukey, games-howell, dunn or sidak (default: the one that goes with the test)"),
      N_("METHOD") },
    { "id", 0, 0, G_OPTION_ARG_STRING, &o.id,
      N_("Pair a paired test’s values by this column (default: row order within each group)"),
      N_("COL") },
    { "where", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o.where,
      N_("Keep rows where COL equals VALUE; repeatable"), N_("COL=VALUE") },
    { "figure", 0, 0, G_OPTION_ARG_FILENAME, &o.figure.figure,
      N_("Draw the groups with the post-hoc results as brackets (.pdf, .svg, .eps, .png, "
         ".tif)"), N_("FILE") },
    { "chart", 0, 0, G_OPTION_ARG_STRING, &o.figure.chart,
      N_("dot, bar, box or violin (default: dot, or bar with --factor2)"), N_("KIND") },
    { "error", 0, 0, G_OPTION_ARG_STRING, &o.figure.error,
      N_("Error bars of bar and dot charts: sd (default), sem or ci"), N_("KIND") },
    { "size", 0, 0, G_OPTION_ARG_STRING, &o.figure.size, N_("Figure size in mm (default 89x70)"),
      N_("WxH") },
    { "dpi", 0, 0, G_OPTION_ARG_DOUBLE, &o.figure.dpi,
      N_("Resolution of PNG and TIFF figures (default 300)"), N_("N") },
    { "log", 0, 0, G_OPTION_ARG_NONE, &o.figure.log, N_("Logarithmic value axis"), NULL },
    { "exact-p", 0, 0, G_OPTION_ARG_NONE, &o.figure.exact_p,
      N_("Label brackets with the p value (p = 0.003) instead of stars"), NULL },
    { "show-ns", 0, 0, G_OPTION_ARG_NONE, &o.figure.show_ns,
      N_("Draw brackets for comparisons with p ≥ 0.05 too, marked n.s."), NULL },
    { "flag", 0, 0, G_OPTION_ARG_STRING, &o.limits.flag,
      N_("Column of flags: rows flagged <LLOQ or >ULOQ have no number; they are counted per "
         "group, left out of the test and drawn as open markers on the limit’s line"),
      N_("COL") },
    { "lower", 0, 0, G_OPTION_ARG_STRING, &o.limits.lower,
      N_("Column of each value’s lower bound (e.g. conc_lower), drawn as a whisker"),
      N_("COL") },
    { "upper", 0, 0, G_OPTION_ARG_STRING, &o.limits.upper,
      N_("Column of each value’s upper bound (e.g. conc_upper)"), N_("COL") },
    { "lloq", 0, 0, G_OPTION_ARG_DOUBLE, &o.limits.lloq,
      N_("Where the LLOQ line is drawn (default: the largest lloq cell of the rows below it)"),
      N_("X") },
    { "uloq", 0, 0, G_OPTION_ARG_DOUBLE, &o.limits.uloq,
      N_("Where the ULOQ line is drawn (default: the smallest uloq cell of the rows above it)"),
      N_("X") },
    { "save-project", 0, 0, G_OPTION_ARG_FILENAME, &o.save_project,
      N_("Also keep this analysis, its data and figure style in a project file"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  int test = -1, posthoc = -1;
  int status = EXIT_FAILURE;

  ob_cli_compare_limits_init (&o.limits);
  context = ob_cli_context_new (_("FILE — compare a measurement between groups"),
                                entries, &o.input,
    _("Prints JSON: the test (statistic, df, and df2 for F tests, p), per group n, mean, SD, "
      "SEM, 95% CI, median, quartiles and a Shapiro–Wilk test (reported, never used to choose "
      "the test), and the post-hoc comparisons with diff = mean(b) − mean(a) and adjusted p. "
      "Two-group statistics follow R's t.test(a, b) and wilcox.test(a, b). Rows with a "
      "missing value or group are left out and counted."));

  args = g_strdupv (argv);
  if (!ob_cli_parse_options (context, "compare", &argc, &argv))
    goto out;
  if (argc != 2)
    {
      g_printerr ("%s\n", _("oncobench-cli compare: expected one FILE (see --help)"));
      goto out;
    }
  if (o.value == NULL || o.group == NULL)
    g_set_error_literal (&error, OB_ERROR, OB_ERROR_INVALID_ARG,
                         _("--value COL and --group COL are required"));
  else if (o.test != NULL && (test = lookup_name (o.test, test_names, N_TESTS)) < 0)
    g_set_error (&error, OB_ERROR, OB_ERROR_INVALID_ARG,
                 _("--test “%s” is not one of welch, student, paired, mannwhitney, anova, "
                   "welch-anova, kruskal, twoway, chisq, fisher"), o.test);
  else if (o.posthoc != NULL
           && (posthoc = lookup_name (o.posthoc, posthoc_names,
                                      G_N_ELEMENTS (posthoc_names))) < 0)
    g_set_error (&error, OB_ERROR, OB_ERROR_INVALID_ARG,
                 _("--posthoc “%s” is not one of tukey, games-howell, dunn, sidak"), o.posthoc);
  else if (o.factor2 != NULL && test >= 0 && test != TEST_TWOWAY)
    g_set_error_literal (&error, OB_ERROR, OB_ERROR_INVALID_ARG,
                         _("--factor2 goes with --test twoway"));
  else
    ob_cli_compare_figure_check (&o.figure, &error);
  if (error == NULL)
    run_compare (argv[1], &o, test, posthoc, &error);
  status = ob_cli_finish ("compare", "compare", argv[1], o.save_project,
                          (const char * const *) args, error);

out:
  compare_options_clear (&o);
  return status;
}
