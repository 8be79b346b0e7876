/* km-fixture.c: survival::lung by sex as R fitted it, for the figure tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-test"

#include "config.h"

#include <math.h>
#include <string.h>

#include "km-fixture.h"

static char **
read_lines (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "reference", name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_strdelimit (contents, "\"", ' ');
  return g_strsplit (contents, "\n", -1);
}

static double
parse_num (const char *s)
{
  g_autofree char *t = g_strstrip (g_strdup (s));

  return strcmp (t, "NA") == 0 ? NAN : g_ascii_strtod (t, NULL);
}

double
km_fixture_stat (KmFixture *fx, const char *key)
{
  double *v = g_hash_table_lookup (fx->stats, key);

  g_assert_nonnull (v);
  return *v;
}

KmFixture *
km_fixture_load_lung (void)
{
  KmFixture *fx = g_new0 (KmFixture, 1);
  g_auto (GStrv) steps = read_lines ("plot-km-lung-steps.csv");
  g_auto (GStrv) stats = read_lines ("plot-km-lung-stats.csv");
  const char *names[] = { "Male", "Female" };

  fx->stats = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 1; stats[i] != NULL; i++)
    {
      g_auto (GStrv) f = g_strsplit (stats[i], ",", -1);
      double *v;

      if (g_strv_length (f) != 2)
        continue;
      v = g_new (double, 1);
      *v = parse_num (f[1]);
      g_hash_table_insert (fx->stats, g_strstrip (g_strdup (f[0])), v);
    }

  fx->fit.n_curves = 2;
  fx->fit.curves = g_new0 (ObKmCurve, 2);
  fx->fit.ci = OB_CI_LOG_LOG;
  fx->fit.conf_level = 0.95;
  for (guint c = 0; c < 2; c++)
    {
      ObKmCurve *curve = &fx->fit.curves[c];
      g_autofree char *key = NULL;

      curve->name = g_strdup (names[c]);
      curve->steps = g_new0 (ObKmStep, g_strv_length (steps));
      key = g_strdup_printf ("n_%s", names[c]);
      curve->n = (gsize) km_fixture_stat (fx, key);
      g_free (key);
      key = g_strdup_printf ("events_%s", names[c]);
      curve->events = (gsize) km_fixture_stat (fx, key);
      g_free (key);
      key = g_strdup_printf ("median_%s", names[c]);
      curve->median = km_fixture_stat (fx, key);
      g_free (key);
      key = g_strdup_printf ("median_%s_lower", names[c]);
      curve->median_lower = km_fixture_stat (fx, key);
      g_free (key);
      key = g_strdup_printf ("median_%s_upper", names[c]);
      curve->median_upper = km_fixture_stat (fx, key);
      curve->q25 = curve->q75 = NAN;
    }
  for (guint i = 1; steps[i] != NULL; i++)
    {
      g_auto (GStrv) f = g_strsplit (steps[i], ",", -1);
      ObKmCurve *curve;
      ObKmStep *st;
      g_autofree char *group = NULL;

      if (g_strv_length (f) != 9)
        continue;
      group = g_strstrip (g_strdup (f[0]));
      curve = &fx->fit.curves[strcmp (group, "Male") == 0 ? 0 : 1];
      st = &curve->steps[curve->n_steps++];
      st->time = parse_num (f[1]);
      st->n_risk = (gsize) parse_num (f[2]);
      st->n_event = (gsize) parse_num (f[3]);
      st->n_censor = (gsize) parse_num (f[4]);
      st->surv = parse_num (f[5]);
      st->std_err = parse_num (f[6]);
      st->lower = parse_num (f[7]);
      st->upper = parse_num (f[8]);
    }
  g_assert_cmpuint (fx->fit.curves[0].n_steps, >, 50);
  g_assert_cmpuint (fx->fit.curves[1].n_steps, >, 50);

  fx->test.method = OB_SURV_TEST_LOGRANK;
  fx->test.chisq = km_fixture_stat (fx, "logrank_chisq");
  fx->test.df = 1;
  fx->test.p = km_fixture_stat (fx, "logrank_p");
  fx->test.n_groups = 2;

  fx->term.name = (char *) "sex=Female";
  fx->term.coef = km_fixture_stat (fx, "coef");
  fx->term.se = km_fixture_stat (fx, "se");
  fx->term.hr = km_fixture_stat (fx, "hr");
  fx->term.hr_lower = km_fixture_stat (fx, "hr_lower");
  fx->term.hr_upper = km_fixture_stat (fx, "hr_upper");
  fx->cox.terms = &fx->term;
  fx->cox.n_terms = 1;
  return fx;
}

KmFixture *
km_fixture_new_large (gsize n_rows)
{
  KmFixture *fx = g_new0 (KmFixture, 1);
  g_autoptr (GRand) rand = g_rand_new_with_seed (20190101);

  fx->stats = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  fx->fit.n_curves = 2;
  fx->fit.curves = g_new0 (ObKmCurve, 2);
  fx->fit.conf_level = 0.95;
  for (guint c = 0; c < 2; c++)
    {
      ObKmCurve *curve = &fx->fit.curves[c];
      gsize n = n_rows / 2;
      double s = 1, var = 0;

      curve->name = g_strdup_printf ("Arm %c", 'A' + c);
      curve->n = n;
      curve->steps = g_new0 (ObKmStep, n);
      curve->median = curve->median_lower = curve->median_upper = NAN;
      for (gsize i = 0; i < n; i++)
        {
          ObKmStep *st = &curve->steps[curve->n_steps++];
          gsize at_risk = n - i;
          gboolean event = g_rand_double (rand) < (c == 0 ? 0.7 : 0.5);

          st->time = (double) (i + 1) * 60.0 / (double) n;
          st->n_risk = at_risk;
          st->n_event = event;
          st->n_censor = !event;
          if (event && at_risk > 1)
            {
              s *= 1 - 1.0 / (double) at_risk;
              var += 1.0 / ((double) at_risk * (double) (at_risk - 1));
              curve->events++;
            }
          st->surv = s;
          st->std_err = s * sqrt (var);
          st->lower = MAX (s - 1.96 * st->std_err, 0);
          st->upper = MIN (s + 1.96 * st->std_err, 1);
        }
    }
  return fx;
}

void
km_fixture_free (KmFixture *fx)
{
  if (fx == NULL)
    return;
  for (guint c = 0; c < fx->fit.n_curves; c++)
    {
      g_free (fx->fit.curves[c].name);
      g_free (fx->fit.curves[c].steps);
    }
  g_free (fx->fit.curves);
  g_hash_table_unref (fx->stats);
  g_free (fx);
}
