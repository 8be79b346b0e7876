/* ob-cox.h — Cox proportional hazards, as R's coxph
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ob-surv-data.h"

G_BEGIN_DECLS

typedef enum
{
  OB_TIES_EFRON,
  OB_TIES_BRESLOW,
} ObTies;

const char *ob_ties_to_string   (ObTies ties);                    /* "efron", "breslow" */
gboolean    ob_ties_from_string (const char *str, ObTies *out);

typedef struct
{
  ObTies ties;
  gboolean stratified;    /* use data->strata */
  gboolean firth;         /* Firth-penalised likelihood (few events, separation) */
  guint max_iter;         /* 20 */
  double eps;             /* 1e-9, relative change in loglik, as coxph.control */
  /* NULL, or stops the fit between Newton steps with G_IO_ERROR_CANCELLED (a newer question
   * made this one stale). */
  GCancellable *cancellable;
} ObCoxOptions;

/* hr_lower/hr_upper: Wald 95% limits exp(coef ± 1.96 se) and p from z, as summary(coxph);
 * for Firth fits the profile penalised-likelihood limits and test, as coxphf's default
 * (z stays coef / se).  A limit can be 0 or +inf when the profile never falls far enough. */
typedef struct
{
  char *name;
  double coef, se, hr, hr_lower, hr_upper, z, p;
} ObCoxTerm;

typedef struct
{
  double chisq;
  guint df;
  double p;
} ObChisq;

typedef struct
{
  ObCoxTerm *terms;
  guint n_terms;
  ObChisq lr, wald, score;
  ObTies ties;
  gboolean firth;         /* loglik values and lr are then the penalised ones */
  gboolean converged;
  guint iterations;
  double loglik_null, loglik;
  gsize n, events;
  double *var;            /* n_terms × n_terms covariance, row-major */
  /* A user-facing sentence when something is off (separation, non-convergence), or NULL. */
  char *warning;
  gboolean stratified;    /* fitted with separate risk sets per stratum */
} ObCox;

typedef struct
{
  char *name;       /* term name, or "GLOBAL" */
  double chisq;
  guint df;
  double p;
} ObCoxZphTerm;

typedef struct
{
  ObCoxZphTerm *terms;   /* per term, then GLOBAL last */
  guint n_terms;
} ObCoxZph;

void      ob_cox_options_init (ObCoxOptions *options);
ObCox    *ob_cox_fit          (const ObSurvData *data, const ObCoxOptions *options, GError **error);
void      ob_cox_free         (ObCox *cox);

/* cox.zph(fit, transform = "km") */
ObCoxZph *ob_cox_zph          (const ObSurvData *data, const ObCox *cox, GError **error);
void      ob_cox_zph_free     (ObCoxZph *zph);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ObCox, ob_cox_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ObCoxZph, ob_cox_zph_free)

G_END_DECLS
