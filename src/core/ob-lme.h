/* ob-lme.h — linear mixed-effects model with a random intercept and slope per subject, as
 * R's nlme::lme, and the two-way repeated-measures ANOVA of aov(… + Error(subject/time))
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Model: y = X β + Z b + ε, one grouping factor (the subject), b_i = (intercept, slope on a
 * time covariate) ~ N(0, Ψ) with Ψ an unstructured 2 × 2 covariance (nlme's pdLogChol),
 * ε ~ N(0, σ² I).  Fitted by REML (default) or ML on the profiled criterion.  Every
 * observed row is used: subjects with one or two observations and unbalanced designs (mice
 * removed at the size limit) are fine, nothing is carried forward.
 *
 * Results follow R (see tests/reference/lme*.R):
 *   coef        summary(fit)$tTable, df by nlme's between/within rules
 *   anova       anova(fit): sequential (type I) conditional F-tests
 *   lrt         anova(update(fit, method = "ML"), update(fit0, method = "ML")) where fit0
 *               drops the last term (the interaction)
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  OB_LME_REML,
  OB_LME_ML,
} ObLmeMethod;

/* A general model.  Rows need not be sorted by subject.  Columns of x are grouped into
 * terms for the F-tests: term t spans columns term_start[t] … term_start[t + 1] − 1, with
 * term_start[0] = 0 and term_start[n_terms] = p (the intercept is a term of its own). */
typedef struct
{
  gsize n;                         /* observations */
  guint p;                         /* fixed-effect columns */
  const double *y;                 /* n */
  const double *x;                 /* n × p, row-major */
  const double *time;              /* n: the covariate of the random slope */
  const guint32 *subject;          /* n: 0 … n_subjects − 1 */
  guint n_subjects;
  const char *const *coef_names;   /* p */
  guint n_terms;
  const guint *term_start;         /* n_terms + 1 */
  const char *const *term_names;   /* n_terms */
} ObLmeModel;

typedef struct
{
  char *name;                      /* "(Intercept)", "armB", "day", "armB:day" */
  double estimate, se, df, t, p;   /* p two-sided from t on df */
} ObLmeCoef;

typedef struct
{
  char *name;                      /* "(Intercept)", "arm", "day", "arm:day" */
  guint num_df;
  double den_df, f, p;
} ObLmeAnovaRow;

typedef struct
{
  ObLmeMethod method;
  ObLmeCoef *coef;
  guint n_coef;
  double *vcov;                    /* n_coef × n_coef covariance of β, row-major (vcov(fit)) */
  ObLmeAnovaRow *anova;
  guint n_anova;

  /* VarCorr(fit): standard deviations of the random intercept and slope, their correlation,
   * and the residual standard deviation. */
  double sd_intercept, sd_slope, corr, sigma;

  double loglik;                   /* logLik(fit), REML or ML as fitted */
  double aic, bic;                 /* AIC(fit), BIC(fit) */
  gsize n_obs;
  guint n_subjects;                /* subjects with at least one observation */

  /* Likelihood-ratio test of the last term (arm × time), both models refitted by ML; NAN
   * when not computed. */
  double lrt_loglik_full, lrt_loglik_reduced, lrt_statistic, lrt_p;
  guint lrt_df;

  guint iterations;
  /* A user-facing sentence when something deserves attention (a variance component on its
   * boundary, a subject with a single observation), or NULL. */
  char *warning;
} ObLmeResult;

/* Fails with OB_ERROR_NUMERIC when the optimiser does not converge or the fixed-effects
 * design is rank-deficient, never returning an unconverged estimate. */
ObLmeResult *ob_lme_fit           (const ObLmeModel  *model,
                                   ObLmeMethod        method,
                                   GError           **error);
void         ob_lme_result_free   (ObLmeResult *result);

/* Tumour growth: lme(log_volume ~ arm * day, random = ~ day | subject), REML, treatment
 * contrasts against reference_arm; fills the lrt_* fields (arm × day).
 *
 * subject[i] < n_subjects and arm[i] < n_arms are codes (for example a categorical
 * column's); rows where a code is OB_LEVEL_MISSING (G_MAXUINT32) or day / log_volume is not
 * finite are skipped.  A subject's arm is taken from its rows (it must not change).  Arms
 * with no rows are left out of the model.  Coefficient names are built from arm_names as R
 * does: "(Intercept)", "arm" + name, "day", "arm" + name + ":day". */
ObLmeResult *ob_lme_growth_fit    (const guint32      *subject,
                                   guint               n_subjects,
                                   const guint32      *arm,
                                   const char *const  *arm_names,
                                   guint               n_arms,
                                   guint               reference_arm,
                                   const double       *day,
                                   const double       *log_volume,
                                   gsize               n,
                                   GError            **error);

/* Two-way repeated-measures ANOVA, arm between subjects and day within, as R's
 * summary(aov(y ~ arm * factor(day) + Error(subject / factor(day)))) on complete subjects. */
typedef struct
{
  char *name;                      /* "arm", "Residuals", "day", "arm:day", "Residuals" */
  guint stratum;                   /* 0 between subjects, 1 within */
  double df, ss, ms;
  double f, p;                     /* NAN on the Residuals rows */
  double p_gg;                     /* Greenhouse–Geisser corrected p (within rows), else NAN */
} ObRmAnovaRow;

typedef struct
{
  ObRmAnovaRow rows[5];            /* arm, Residuals | day, arm:day, Residuals */
  double gg_epsilon;               /* Greenhouse–Geisser ε of the within-subject factor */
  double *days;                    /* the days analysed, ascending */
  guint n_days;
  guint n_subjects;                /* complete subjects analysed */
  guint32 *dropped_subjects;       /* codes of the subjects left out (a day missing) */
  guint n_dropped_subjects;
  double *dropped_days;            /* days left out (too few subjects measured on them) */
  guint n_dropped_days;
  /* Always set: the analysis only sees complete subjects, so dropouts (mice removed at the
   * size limit) bias it; the sentence says how many were left out. */
  char *warning;
} ObRmAnova;

/* Days measured in at least half of the subjects are candidates; the analysis keeps the
 * first k of them (k chosen to maximise complete subjects × days, at least two days) and the
 * subjects measured on all k.  One observation per subject and day (duplicates are averaged). */
ObRmAnova   *ob_rm_anova_growth   (const guint32      *subject,
                                   guint               n_subjects,
                                   const guint32      *arm,
                                   guint               n_arms,
                                   const double       *day,
                                   const double       *y,
                                   gsize               n,
                                   GError            **error);
void         ob_rm_anova_free     (ObRmAnova *anova);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ObLmeResult, ob_lme_result_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ObRmAnova, ob_rm_anova_free)

G_END_DECLS
