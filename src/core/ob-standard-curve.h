/* ob-standard-curve.h — ELISA standard curves: fits, inverse prediction, flags
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "ob-dataset.h"

G_BEGIN_DECLS

typedef enum
{
  OB_CURVE_4PL,      /* bottom + (top − bottom) / (1 + (x/ec50)^(−hill)) */
  OB_CURVE_5PL,      /* … / (1 + (x/ec50)^(−hill))^asymmetry */
  OB_CURVE_LINEAR,   /* intercept + slope · x */
  OB_CURVE_LOGLOG,   /* log10 y = intercept + slope · log10 x */
  OB_CURVE_P2P,      /* straight lines between the mean responses of the standards */
} ObCurveModel;

typedef enum
{
  OB_CURVE_WEIGHT_NONE,
  OB_CURVE_WEIGHT_INV_Y,    /* 1/y, y the observed response */
  OB_CURVE_WEIGHT_INV_Y2,   /* 1/y² */
} ObCurveWeight;

#define OB_CURVE_MAX_PARAMS 5

/* A fitted curve.  Parameters are in the order bottom, top, ec50, hill, asymmetry for the
 * logistic models and intercept, slope for the straight lines; p2p has none.  Standard
 * errors are those of R's summary(nls) / summary(lm): sigma² = rss / (n − p) times
 * (JᵀWJ)⁻¹; the CIs are estimate ± t(0.975, n − p) · se (Wald with t). */
typedef struct
{
  ObCurveModel model;
  ObCurveWeight weight;
  guint n_params;
  double params[OB_CURVE_MAX_PARAMS];
  double se[OB_CURVE_MAX_PARAMS];
  double ci_lower[OB_CURVE_MAX_PARAMS];
  double ci_upper[OB_CURVE_MAX_PARAMS];
  double vcov[OB_CURVE_MAX_PARAMS * OB_CURVE_MAX_PARAMS];  /* row-major, n_params² used */
  gsize n;            /* standards' wells used in the fit */
  double df;          /* n − n_params */
  double rss;         /* weighted residual sum of squares (log10 scale for loglog) */
  double sigma;
  double r2;          /* 1 − rss / weighted total sum of squares */
  double aic;         /* as R's AIC() on the nls / lm fit */
  double *residuals;  /* n, y − fitted (log10 scale for loglog), unweighted */
  double *x;          /* n, the standards as given, sorted by x */
  double *y;
  double x_min;       /* the fitted range: smallest and largest standard */
  double x_max;
  /* p2p: the distinct concentrations and their mean responses. */
  gsize n_knots;
  double *knot_x;
  double *knot_y;
  guint iterations;
  /* The F-test of the curve against a flat line (the weighted mean response), on n_params − 1
   * and df degrees of freedom: evidence that the standards respond to concentration at all.
   * NAN for p2p. */
  double flat_f;
  double flat_p;
} ObCurveFit;

/* Fits a curve to n standards (x = concentration, y = response).  The logistic models use
 * Levenberg–Marquardt from starting values read off the data (bottom and top from the
 * responses at the lowest and highest concentrations, ec50 where the response crosses
 * its midpoint, interpolated in log x), so rising and falling curves both fit with
 * hill > 0 (falling ones have top < bottom).  5PL starts from the 4PL solution. */
ObCurveFit *ob_curve_fit             (ObCurveModel   model,
                                      ObCurveWeight  weight,
                                      const double  *x,
                                      const double  *y,
                                      gsize          n,
                                      GError       **error);
void        ob_curve_fit_free        (ObCurveFit *fit);

double      ob_curve_fit_predict     (const ObCurveFit *fit,
                                      double            x);
/* The concentration whose fitted response is y, even outside the standards (callers flag
 * that); NAN when the curve never reaches y: beyond a plateau, or outside p2p's knots. */
double      ob_curve_fit_inverse     (const ObCurveFit *fit,
                                      double            y);
/* Delta-method standard error of log(ob_curve_fit_inverse (fit, y)) for a response that
 * is the mean of n_replicates wells: the parameters' covariance plus the response's own
 * variance sigma² / (m · w(y)), both carried through the inverse.  NAN when not defined. */
double      ob_curve_fit_inverse_log_se (const ObCurveFit *fit,
                                         double            y,
                                         guint             n_replicates);

/* Pointwise 95% confidence band of the fitted mean response at x: fitted ± t(0.975, df) · SE,
 * SE from the model's gradient in its parameters and their covariance (delta method; exact
 * for the straight lines, as predict.lm; loglog's band is formed on log10 y and carried back).
 * FALSE (lo = hi = NAN) for p2p, x outside the model's domain or a fit without residual df. */
gboolean    ob_curve_fit_band        (const ObCurveFit *fit,
                                      double            x,
                                      double           *lo,
                                      double           *hi);

/* anova(fit4, fit5) and AIC for both: the 5PL's asymmetry earns its place when p is small. */
typedef struct
{
  double f;
  double df1;
  double df2;
  double p;
  double aic4;
  double aic5;
} ObCurveComparison;

gboolean    ob_curve_compare_4pl_5pl (const ObCurveFit  *fit4,
                                      const ObCurveFit  *fit5,
                                      ObCurveComparison *out,
                                      GError           **error);

/* A plate read against its standard curve.  Columns are named (case-insensitive); sample,
 * type, dilution, group, plate and well may be absent.  type is standard, blank, sample or
 * control; without a type column, rows with a concentration are standards and the rest
 * samples.  Each plate gets its own curve, blanks and limits. */
typedef struct
{
  const char *sample;      /* default "sample" */
  const char *type;        /* "type" */
  const char *conc;        /* "conc" */
  const char *response;    /* "response" */
  const char *dilution;    /* "dilution"; 1 when absent or missing */
  const char *group;       /* "group" */
  const char *plate;       /* "plate" */
  const char *well;        /* "well": names the wells in the exclusion log */
} ObAssayColumns;

typedef struct
{
  ObCurveModel model;
  ObCurveWeight weight;
  double recovery_limit;        /* % off nominal a standard may be: 20 (ICH M10) */
  double recovery_limit_edge;   /* … at the lowest and highest standard: 25 */
  double cv_limit;              /* replicate CV% above which a sample is flagged: 20 */
  double cv_limit_edge;         /* … for a standard at the lowest or highest level, and a
                                 * sample within the lowest or highest interval of passing
                                 * standards: 25 */
  /* Leave out the standard level furthest off its recovery limit and refit, until every
   * level left passes (each left-out well is logged).  Off by default: ICH M10 lets an
   * analyst drop failing standards, it does not do it for them. */
  gboolean exclude_failing;
} ObAssaySettings;

void ob_assay_settings_init (ObAssaySettings *settings);

typedef struct
{
  double conc;            /* nominal */
  guint n;
  double mean_response;   /* blank-subtracted */
  double cv_pct;          /* of the responses as read */
  double sd;              /* of the responses as read; NAN for one well */
  double back_calc;       /* NAN when the curve cannot reach the mean response */
  double recovery_pct;    /* 100 · back_calc / conc */
  gboolean passes;        /* recovery within the limit for its position */
  gboolean cv_passes;     /* replicate CV% within cv_limit (cv_limit_edge at the ends) */
  gboolean excluded;      /* every well of the level left out of the fit */
} ObAssayStandard;

/* Samples are the replicates sharing a sample name and a dilution.  conc is the
 * interpolated concentration × dilution, NAN (with a flag) below the LLOQ, above the ULOQ
 * or outside the standards: never extrapolated.  The 95% CI comes from the delta method
 * on log concentration (curve parameters and the mean response's own variance, t with the
 * fit's residual df), so it is asymmetric and stays positive. */
typedef struct
{
  char *id;
  char *group;            /* NULL when none */
  double dilution;
  guint n;
  double mean_response;   /* blank-subtracted */
  double cv_pct;          /* of the responses as read; NAN for one well */
  double conc;
  double conc_lower;
  double conc_upper;
  double *replicate_conc; /* n, each well interpolated × dilution, NAN outside the curve */
  GPtrArray *flags;       /* char *: "<LLOQ", ">ULOQ", "outside standards", "CV > 20%" */
} ObAssaySample;

typedef enum
{
  OB_ASSAY_WELL_STANDARD,
  OB_ASSAY_WELL_BLANK,
  OB_ASSAY_WELL_SAMPLE,
  OB_ASSAY_WELL_CONTROL,   /* analysed as a sample */
  OB_ASSAY_WELL_UNKNOWN,   /* a type the analysis does not know: left out */
} ObAssayWellKind;

/* Every row of a plate, used or not, for plate maps and figures. */
typedef struct
{
  gsize row;              /* in the dataset */
  char *name;             /* as the well column has it ("A1"); NULL without one */
  int plate_row;          /* 0 for A … 15 for P; -1 when the name is no plate position */
  int plate_col;          /* 0 for column 1; -1 likewise */
  ObAssayWellKind kind;
  double conc;            /* standards: nominal; NAN otherwise */
  double response;        /* as read; NAN when missing */
  int standard;           /* standards: index in plate->standards; else -1 */
  int sample;             /* samples and controls: index in plate->samples; else -1 */
  gboolean excluded;      /* left out: by hand, as a failing standard, or unusable */
} ObAssayWell;

typedef struct
{
  char *plate;            /* NULL without a plate column */
  ObCurveFit *fit;
  guint n_blanks;
  double blank;           /* mean blank response subtracted from every well; 0 without */
  double lloq;            /* NAN when no standard passes */
  double uloq;
  GArray *standards;      /* ObAssayStandard, by increasing concentration */
  GPtrArray *samples;     /* ObAssaySample *, in the order of the file */
  GPtrArray *exclusions;  /* char *: one sentence per well left out and why */
  GArray *wells;          /* ObAssayWell, in the order of the file */
  GPtrArray *warnings;    /* char *: one sentence per doubt about the curve (see below) */
} ObAssayPlate;

/* mask: NULL or one byte per row, non-zero = keep. Returns ObAssayPlate *s (owning). */
GPtrArray  *ob_assay_analyse          (const ObDataset       *dataset,
                                       const ObAssayColumns  *columns,
                                       const guint8          *mask,
                                       const ObAssaySettings *settings,
                                       GError               **error);
/* Same, with wells left out by hand: excluded is NULL or one byte per row, non-zero = out
 * (an outlier well).  Each is logged in the plate's exclusions and marked in its wells. */
GPtrArray  *ob_assay_analyse_excluding (const ObDataset       *dataset,
                                        const ObAssayColumns  *columns,
                                        const guint8          *mask,
                                        const guint8          *excluded,
                                        const ObAssaySettings *settings,
                                        GError               **error);
void        ob_assay_plate_free       (ObAssayPlate *plate);
/* Row (0 = A) and column (0 = 1) of a well name such as "B7" or "h12"; FALSE otherwise. */
gboolean    ob_assay_parse_well_name  (const char *name,
                                       int        *row,
                                       int        *col);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ObAssayPlate, ob_assay_plate_free)

const char *ob_curve_model_to_string    (ObCurveModel model);     /* "4pl", … */
gboolean    ob_curve_model_from_string  (const char *str, ObCurveModel *out);
const char *ob_curve_weight_to_string   (ObCurveWeight weight);   /* "none", "1/y", "1/y2" */
gboolean    ob_curve_weight_from_string (const char *str, ObCurveWeight *out);
/* The name of parameter i in JSON and tables: "bottom", …, "intercept", "slope". */
const char *ob_curve_param_name         (const ObCurveFit *fit, guint i);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ObCurveFit, ob_curve_fit_free)

G_END_DECLS
