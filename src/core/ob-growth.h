/* ob-growth.h — in vivo tumour growth: calipers, body weight and bioluminescence per mouse,
 * summaries per arm and day, %TGI and T/C, mRECIST, growth rates, AUC, time to endpoint
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Definitions are those of DOMAIN.md ("Tumour growth"); tests/reference/growth.R computes the
 * same numbers in R.  Means are always over the mice measured that day: a mouse removed at the
 * size limit simply has no later values (never the last observation carried forward).
 *
 * Names: the figure module (src/plot/ob-growth-plot.h) owns ObGrowthData / ObGrowthSubject /
 * ObGrowthSummary, so the analysis side speaks of a study, its mice and its arm-day rows.
 */
#pragma once

#include "ob-surv-data.h"

G_BEGIN_DECLS

typedef enum
{
  OB_GROWTH_FORMULA_HALF,       /* V = L × W² / 2 (DOMAIN.md default) */
  OB_GROWTH_FORMULA_ELLIPSOID,  /* V = π/6 × L × W² */
} ObGrowthFormula;

const char *ob_growth_formula_to_string   (ObGrowthFormula formula);  /* "half", "ellipsoid" */
gboolean    ob_growth_formula_from_string (const char *str, ObGrowthFormula *out);

/* Where the measurements are.  Long form: one row per mouse and day (time_column set).
 * Wide form (Prism, TumGrowth): one row per mouse, one volume column per day (wide_columns set,
 * time_column NULL); each column's day is the last number in its name ("day 7", "D14", "21").
 * In wide form only volumes are read. */
typedef struct
{
  const char *subject_column;       /* the mouse id; required */
  const char *group_column;         /* the arm; required */
  const char *time_column;          /* day (numeric, or a date: days from the earliest) */
  const char *volume_column;        /* either this… */
  const char *length_column;        /* …or length and width */
  const char *width_column;
  ObGrowthFormula formula;
  const char *weight_column;        /* body weight, or NULL */
  const char *flux_column;          /* bioluminescence photon flux, or NULL */
  /* Flux at or below this is below detection: censored, never used as a number.  Flux <= 0
   * is always censored. */
  double flux_background;
  const char * const *wide_columns; /* NULL-terminated, or NULL (long form) */
  /* The control arm; NULL: an arm called vehicle, control, placebo or untreated (any case),
   * else the first arm in sorted order. */
  const char *control;
} ObGrowthSpec;

void ob_growth_spec_init (ObGrowthSpec *spec);

/* One mouse: its observations are study->time[first … first + n_obs - 1], sorted by day. */
typedef struct
{
  char *id;
  guint arm;
  gsize first;
  gsize n_obs;
  gsize row;                        /* first dataset row (0-based) that named it */
  double volume0;                   /* first volume measured (V0), NAN when none */
  double weight0;                   /* first body weight, NAN when none */
} ObGrowthMouse;

typedef struct
{
  guint n_arms;
  char **arm_names;                 /* NULL-terminated, sorted as the dataset sorts levels */
  guint control;                    /* index into arm_names */
  guint n_mice;
  ObGrowthMouse *mice;              /* by arm, then id */
  guint *arm_first;                 /* n_arms + 1: arm a's mice are arm_first[a] … [a+1]-1 */
  /* Observations, mouse after mouse; NAN where not measured. */
  gsize n_obs;
  double *time;
  double *volume;
  double *weight;
  double *log10_flux;               /* NAN where missing or censored */
  guint8 *flux_censored;            /* 1 = at or below background */
  gsize *row;                       /* dataset row of each observation (wide: the mouse's row) */
  guint *day_index;                 /* index of each observation's day in days */
  /* Distinct days, ascending. */
  guint n_days;
  double *days;
  /* Mice left out of every analysis (set by the caller, e.g. a click in the GUI); each
   * analysis skips them.  One byte per mouse, 0 at first. */
  guint8 *excluded;
  gboolean has_volume, has_weight, has_flux;
  GPtrArray *warnings;              /* char *: rows skipped for a missing id, arm or day, … */
} ObGrowthStudy;

/* Errors (OB_ERROR_INVALID_ARG, naming the rows) for a mouse id in two arms and for a mouse
 * measured twice on one day.  mask: NULL or one byte per dataset row, non-zero = keep. */
ObGrowthStudy *ob_growth_study_new        (const ObDataset     *dataset,
                                           const ObGrowthSpec  *spec,
                                           const guint8        *mask,
                                           GError             **error);
void           ob_growth_study_free       (ObGrowthStudy *study);
/* Index of a mouse / an arm by name, -1 when absent. */
int            ob_growth_study_find_mouse (const ObGrowthStudy *study, const char *id);
int            ob_growth_study_find_arm   (const ObGrowthStudy *study, const char *name);

typedef enum
{
  OB_GROWTH_VOLUME,                 /* mm³ */
  OB_GROWTH_RELATIVE_VOLUME,        /* V / V0, V0 the mouse's first volume */
  OB_GROWTH_VOLUME_CHANGE,          /* 100 (V − V0) / V0, mRECIST's ΔVol */
  OB_GROWTH_WEIGHT,                 /* g */
  OB_GROWTH_WEIGHT_CHANGE,          /* 100 (W − W0) / W0 */
  OB_GROWTH_LOG10_FLUX,             /* censored values are not numbers: NAN */
} ObGrowthMeasure;

/* The measure at observation i (of mouse m), NAN when undefined. */
double ob_growth_study_value (const ObGrowthStudy *study, ObGrowthMeasure measure, guint mouse,
                              gsize i);

/* One arm on one day, over the mice (not excluded) with a value that day. */
typedef struct
{
  guint arm;
  double time;
  gsize n;
  gsize n_censored;                 /* flux below background, not in n */
  double mean;
  double sd;                        /* NAN when n < 2 */
  double sem;                       /* sd / √n; NAN when n < 2 */
  double median;
} ObGrowthArmDay;

/* Rows by arm, then day; days where an arm has no value are left out.  Free with g_free. */
ObGrowthArmDay *ob_growth_summarise (const ObGrowthStudy *study, ObGrowthMeasure measure,
                                     gsize *n_rows);

/* %TGI(t) = 100 (1 − (mean_T(t) − mean_T(0)) / (mean_C(t) − mean_C(0))), C the control, day 0
 * the first day of the study; T/C(t) = 100 mean_T(t) / mean_C(t) on volumes. */
typedef struct
{
  guint arm;
  gsize n0, n;                      /* mice measured at day 0 and at t */
  double mean0, mean;               /* volumes */
  double tgi_pct;                   /* NAN for the control itself and when undefined */
  double tc_pct;
} ObGrowthTgiArm;

typedef struct
{
  double time;
  double baseline;                  /* day 0 as used */
  gboolean default_time;            /* time chosen as DOMAIN.md says */
  guint control;
  guint n_arms;
  ObGrowthTgiArm *arms;
  const char *formula;              /* the TGI and T/C formulas in words, static */
} ObGrowthTgi;

/* time NAN: the last day at which every arm still has all its mice (error when only the first
 * day qualifies).  A time nobody was measured on is an OB_ERROR_INVALID_ARG listing the days. */
ObGrowthTgi *ob_growth_tgi      (const ObGrowthStudy *study, double time, GError **error);
void         ob_growth_tgi_free (ObGrowthTgi *tgi);

typedef enum
{
  OB_MRECIST_NONE,                  /* no volume on or after the start day */
  OB_MRECIST_CR,
  OB_MRECIST_PR,
  OB_MRECIST_SD,
  OB_MRECIST_PD,
} ObMrecist;

const char *ob_mrecist_to_string (ObMrecist category);   /* "mCR", …; NULL for NONE */

/* Per mouse (Gao et al., Nat Med 2015): ΔVol_t = 100 (V_t − V_0) / V_0; best response BR =
 * min ΔVol_t over t − t0 ≥ start_day; best average response BAR = min over the same t of the
 * mean of ΔVol from t0 to t (t0 included, where ΔVol = 0); mCR: BR < −95 and BAR < −40;
 * mPR: BR < −50 and BAR < −20; mSD: BR < 35 and BAR < 30; otherwise mPD. */
typedef struct
{
  double best_response;             /* NAN when none */
  double best_avg_response;
  ObMrecist category;
} ObGrowthResponse;

/* Array of n_mice, by mouse index.  Free with g_free. */
ObGrowthResponse *ob_growth_mrecist (const ObGrowthStudy *study, double start_day);

/* One arm against the control: pooled-SD t (the residual SD of the ANOVA on all arms, as
 * pairwise.t.test(pool.sd = TRUE)), two-sided, Holm-adjusted over the k − 1 comparisons. */
typedef struct
{
  guint arm;
  double diff;                      /* mean rate of arm − mean rate of control */
  double se;
  double t, df, p, p_adj;
} ObGrowthRateTest;

/* Growth rate per mouse: least-squares slope of ln V on day (NAN with fewer than two days
 * with V > 0); AUC: trapezoids of V over the mouse's days. */
typedef struct
{
  double *rate;                     /* n_mice, per day */
  double *auc;                      /* n_mice, mm³ · day */
  gsize n_used;                     /* mice with a rate, not excluded */
  /* One-way ANOVA of the rates on arm (aov); NAN when fewer than two arms have rates. */
  double f, df1, df2, p;
  guint n_vs_control;
  ObGrowthRateTest *vs_control;     /* arms in order, the control left out */
  const char *method;               /* static, for the report */
} ObGrowthRates;

ObGrowthRates *ob_growth_rates      (const ObGrowthStudy *study, GError **error);
void           ob_growth_rates_free (ObGrowthRates *rates);

/* Time to endpoint per mouse as survival data (groups = arms, reference = the control):
 * with volume > 0, the first day V ≥ volume is an event, mice that never reach it are
 * censored at their last measurement (times are the days as given); otherwise time_column and
 * event_column hold each mouse's endpoint day and status (0/1 as R's Surv, the first row of
 * the mouse counts).  Feed it to ob_km_fit() and ob_surv_test(). */
typedef struct
{
  double volume;                    /* > 0: volume threshold */
  const char *time_column;          /* or a death / euthanasia day column… */
  const char *event_column;         /* …and its status */
} ObGrowthEndpointSpec;

ObSurvData *ob_growth_endpoint_data (const ObGrowthStudy        *study,
                                     const ObDataset            *dataset,
                                     const ObGrowthEndpointSpec *spec,
                                     GError                    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ObGrowthStudy, ob_growth_study_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ObGrowthTgi, ob_growth_tgi_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ObGrowthRates, ob_growth_rates_free)

G_END_DECLS
