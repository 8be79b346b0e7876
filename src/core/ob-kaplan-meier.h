/* ob-kaplan-meier.h — Kaplan–Meier estimates as R's survfit computes them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ob-surv-data.h"

G_BEGIN_DECLS

typedef enum
{
  OB_CI_LOG_LOG,   /* our default, as SAS and Stata */
  OB_CI_LOG,       /* R's default */
  OB_CI_PLAIN,
} ObCiTransform;

const char *ob_ci_transform_to_string   (ObCiTransform ci);         /* "log-log", "log", "plain" */
gboolean    ob_ci_transform_from_string (const char *str, ObCiTransform *out);

typedef struct
{
  double time;
  gsize n_risk;
  gsize n_event;
  gsize n_censor;
  double surv;
  double std_err;    /* SE of S(t) itself, as summary(survfit) prints */
  double lower;      /* NAN where undefined */
  double upper;
} ObKmStep;

typedef struct
{
  char *name;
  gsize n;
  gsize events;
  ObKmStep *steps;     /* one per distinct time (events or censorings) */
  gsize n_steps;
  /* Quantiles with Brookmeyer–Crowley CIs; NAN = not reached.  As quantile(survfit): where
   * the curve is flat at exactly 1 - p the midpoint to the next drop, or to the last time
   * when it stays flat to the end (print(survfit) shows the first time in that case). */
  double median, median_lower, median_upper;
  double q25, q25_lower, q25_upper;
  double q75, q75_lower, q75_upper;
} ObKmCurve;

typedef struct
{
  ObCiTransform ci;
  double conf_level;   /* 0.95 */
} ObKmOptions;

typedef struct
{
  ObKmCurve *curves;   /* one per group, in ObSurvData group order */
  guint n_curves;
  ObCiTransform ci;
  double conf_level;
} ObKmFit;

typedef struct
{
  double time;
  double surv, std_err, lower, upper;
  gsize n_risk;        /* at risk just before time */
} ObKmSurvAt;

void      ob_km_options_init  (ObKmOptions *options);
ObKmFit  *ob_km_fit           (const ObSurvData *data, const ObKmOptions *options, GError **error);
void      ob_km_fit_free      (ObKmFit *fit);

/* S(t) at a time, as summary(survfit, times = t). */
void      ob_km_curve_surv_at (const ObKmCurve *curve, double time, ObKmSurvAt *out);
/* n at risk at a time (for the at-risk table): subjects with time >= t. */
gsize     ob_km_curve_n_risk_at (const ObKmCurve *curve, double time);
/* Restricted mean survival time to tau with its SE, as print(survfit, rmean = tau). */
void      ob_km_curve_rmst    (const ObKmCurve *curve, double tau, double *rmst, double *se);

/* Quantile where 1 - S(t) reaches p (0.5: the median) with its Brookmeyer–Crowley CI, as
 * quantile(survfit, p); NAN when not reached.  lower/upper may be NULL. */
void      ob_km_curve_quantile (const ObKmCurve *curve, double p,
                                double *quantile, double *lower, double *upper);

typedef struct
{
  double rmst1, se1;     /* arm 1 */
  double rmst0, se0;     /* arm 0, the reference */
  double diff;           /* rmst1 - rmst0 */
  double se;             /* sqrt (se1² + se0²), as survRM2 */
  double lower, upper;   /* diff ± z se at conf_level */
  double p;              /* two-sided Wald p; NAN when se is 0 */
} ObKmRmstDiff;

/* Difference in restricted mean survival time to tau between two curves. */
void      ob_km_rmst_diff      (const ObKmCurve *curve1, const ObKmCurve *curve0, double tau,
                                double conf_level, ObKmRmstDiff *out);

/* Median follow-up by reverse Kaplan–Meier (censorings as events), with its CI. */
void      ob_km_median_followup (const ObSurvData *data, const ObKmOptions *options,
                                 double *median, double *lower, double *upper);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ObKmFit, ob_km_fit_free)

G_END_DECLS
