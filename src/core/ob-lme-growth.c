/* ob-lme-growth.c — the tumour-growth mixed model: ln(volume) ~ arm * day with a random
 * intercept and slope per mouse, and the likelihood-ratio test of the arm × day interaction
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-core"

#include "config.h"

#include <glib/gi18n.h>
#include <gsl/gsl_cdf.h>
#include <math.h>
#include <string.h>

#include "ob-dataset.h"
#include "ob-lme-private.h"

/* Fills lrt_* of res from ML refits with and without the last term; a failure there leaves
 * them NAN and says so, the REML fit standing on its own. */
static void
add_lrt (ObLmeWork        *work,
         const ObLmeModel *model,
         ObLmeResult      *res)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ObLmeResult) full = NULL;
  g_autoptr (ObLmeResult) reduced = NULL;

  full = ob_lme_work_fit (work, model->n_terms, OB_LME_ML, &error);
  if (full != NULL)
    reduced = ob_lme_work_fit (work, model->n_terms - 1, OB_LME_ML, &error);
  if (reduced == NULL)
    {
      char *msg = g_strdup_printf (_("The likelihood-ratio test of arm × day is not available: "
                                     "%s"), error->message);

      if (res->warning != NULL)
        {
          char *both = g_strconcat (res->warning, " ", msg, NULL);

          g_free (msg);
          msg = both;
        }
      g_free (res->warning);
      res->warning = msg;
      return;
    }
  res->lrt_loglik_full = full->loglik;
  res->lrt_loglik_reduced = reduced->loglik;
  res->lrt_df = full->n_coef - reduced->n_coef;
  res->lrt_statistic = MAX (0, 2 * (full->loglik - reduced->loglik));
  res->lrt_p = gsl_cdf_chisq_Q (res->lrt_statistic, res->lrt_df);
}

/* Row i of model.matrix(~ arm * day): the design is built on the fly, not held. */
typedef struct
{
  guint p, k;
  const guint *column;     /* per row: the arm's dummy column, 0 for the reference arm */
  const double *day;
} Design;

static void
design_row (gpointer  data,
            gsize     i,
            double   *row)
{
  const Design *d = data;
  const guint c = d->column[i];

  memset (row, 0, d->p * sizeof (double));
  row[0] = 1;
  row[1 + d->k] = d->day[i];
  if (c > 0)
    {
      row[c] = 1;
      row[1 + d->k + c] = d->day[i];
    }
}

ObLmeResult *
ob_lme_growth_fit (const guint32      *subject,
                   guint               n_subjects,
                   const guint32      *arm,
                   const char *const  *arm_names,
                   guint               n_arms,
                   guint               reference_arm,
                   const double       *day,
                   const double       *log_volume,
                   gsize               n,
                   GError            **error)
{
  g_autofree guint32 *subject_arm = NULL;
  g_autofree guint *column = NULL;       /* arm → its dummy column, 0 for the reference */
  g_autofree gsize *arm_rows = NULL;
  g_autofree guint *row_column = NULL;
  g_autofree double *y = NULL;
  g_autofree double *t = NULL;
  g_autofree guint32 *s = NULL;
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *term_names[] = { "(Intercept)", "arm", "day", "arm:day" };
  guint term_start[5];
  ObLmeModel model = { 0 };
  Design design;
  g_autoptr (ObLmeWork) work = NULL;
  ObLmeResult *res;
  guint k = 0, p;
  gsize kept = 0;

  g_return_val_if_fail (n == 0 || (subject != NULL && arm != NULL && day != NULL &&
                                   log_volume != NULL), NULL);
  g_return_val_if_fail (arm_names != NULL || n_arms == 0, NULL);

  if (reference_arm >= n_arms)
    {
      g_set_error_literal (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                           _("The control arm is not one of the arms"));
      return NULL;
    }
  subject_arm = g_new (guint32, MAX (n_subjects, 1));
  memset (subject_arm, 0xff, MAX (n_subjects, 1) * sizeof (guint32));
  arm_rows = g_new0 (gsize, n_arms);
  for (gsize i = 0; i < n; i++)
    {
      if (subject[i] >= n_subjects || arm[i] >= n_arms || !isfinite (day[i]) ||
          !isfinite (log_volume[i]))
        continue;
      if (subject_arm[subject[i]] == G_MAXUINT32)
        subject_arm[subject[i]] = arm[i];
      else if (subject_arm[subject[i]] != arm[i])
        {
          g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                       _("Row %zu: a subject appears in two arms (“%s” and "
                         "“%s”); each mouse must stay in one arm"), i + 1,
                       arm_names[subject_arm[subject[i]]], arm_names[arm[i]]);
          return NULL;
        }
      arm_rows[arm[i]]++;
      kept++;
    }
  if (arm_rows[reference_arm] == 0)
    {
      g_set_error (error, OB_ERROR, OB_ERROR_NO_DATA,
                   _("The control arm “%s” has no measurements"), arm_names[reference_arm]);
      return NULL;
    }

  /* Columns as R's model.matrix(~ arm * day) with the reference arm first. */
  column = g_new0 (guint, n_arms);
  for (guint a = 0; a < n_arms; a++)
    if (a != reference_arm && arm_rows[a] > 0)
      column[a] = ++k;
  p = 2 + 2 * k;
  g_ptr_array_add (names, g_strdup ("(Intercept)"));
  for (guint a = 0; a < n_arms; a++)
    if (column[a] > 0)
      g_ptr_array_add (names, g_strconcat ("arm", arm_names[a], NULL));
  g_ptr_array_add (names, g_strdup ("day"));
  for (guint a = 0; a < n_arms; a++)
    if (column[a] > 0)
      g_ptr_array_add (names, g_strconcat ("arm", arm_names[a], ":day", NULL));

  row_column = g_new (guint, MAX (kept, 1));
  y = g_new (double, kept);
  t = g_new (double, kept);
  s = g_new (guint32, kept);
  kept = 0;
  for (gsize i = 0; i < n; i++)
    {
      if (subject[i] >= n_subjects || arm[i] >= n_arms || !isfinite (day[i]) ||
          !isfinite (log_volume[i]))
        continue;
      row_column[kept] = column[arm[i]];
      y[kept] = log_volume[i];
      t[kept] = day[i];
      s[kept] = subject[i];
      kept++;
    }

  model.n = kept;
  model.p = p;
  model.y = y;
  model.time = t;
  model.subject = s;
  model.n_subjects = n_subjects;
  model.coef_names = (const char *const *) names->pdata;
  model.term_start = term_start;
  if (k > 0)
    {
      model.n_terms = 4;
      model.term_names = term_names;
      term_start[0] = 0;
      term_start[1] = 1;
      term_start[2] = 1 + k;
      term_start[3] = 2 + k;
      term_start[4] = p;
    }
  else
    {
      static const char *const single[] = { "(Intercept)", "day" };

      model.n_terms = 2;
      model.term_names = single;
      term_start[0] = 0;
      term_start[1] = 1;
      term_start[2] = 2;
    }

  design.p = p;
  design.k = k;
  design.column = row_column;
  design.day = t;
  work = ob_lme_work_new (&model, design_row, &design, error);
  if (work == NULL)
    return NULL;
  res = ob_lme_work_fit (work, model.n_terms, OB_LME_REML, error);
  if (res != NULL && k > 0)
    add_lrt (work, &model, res);
  return res;
}
