/* ob-logrank.h — k-sample tests for survival curves, as R's survdiff and friends
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ob-surv-data.h"

G_BEGIN_DECLS

typedef enum
{
  OB_SURV_TEST_LOGRANK,       /* survdiff(rho = 0) */
  OB_SURV_TEST_PETO,          /* survdiff(rho = 1): Peto–Peto */
  OB_SURV_TEST_GEHAN,         /* Gehan–Breslow–Wilcoxon: weights n at risk */
  OB_SURV_TEST_TARONE_WARE,   /* weights sqrt(n at risk) */
} ObSurvTestMethod;

const char *ob_surv_test_method_to_string   (ObSurvTestMethod m);  /* "logrank", "peto", "gehan", "tarone-ware" */
const char *ob_surv_test_method_label       (ObSurvTestMethod m);  /* "Log-rank (Mantel–Cox)", … */
gboolean    ob_surv_test_method_from_string (const char *str, ObSurvTestMethod *out);

typedef struct
{
  ObSurvTestMethod method;
  gboolean stratified;
  double chisq;
  guint df;
  double p;
  guint n_groups;
  double *observed;       /* per group: events, unweighted */
  double *expected;       /* log-rank expected events, unweighted */
  /* Weighted O − E per group (survdiff's obs − exp, which are weighted for rho = 1) and
   * its n_groups × n_groups covariance, row-major; the statistic is built from these. */
  double *score;
  double *variance;
  /* Hazard ratio of each group against the reference as Prism reports it:
   * log-rank (O/E) and Mantel–Haenszel methods, with 95% CIs; NAN when undefined and for
   * the reference itself.  Always from unweighted log-rank sums over that group and the
   * reference alone (within strata when stratified), whatever the test's weights. */
  double *hr_logrank, *hr_logrank_lower, *hr_logrank_upper;
  double *hr_mh, *hr_mh_lower, *hr_mh_upper;
} ObSurvTest;

ObSurvTest *ob_surv_test         (const ObSurvData *data, ObSurvTestMethod method,
                                  gboolean stratified, GError **error);
void        ob_surv_test_free    (ObSurvTest *test);

/* Log-rank test for trend over ordered groups (scores 1…k unless given, one per group):
 * (c'U)² / c'Vc on one degree of freedom, U and V the log-rank O − E and its covariance;
 * not stratified. */
ObSurvTest *ob_surv_test_trend   (const ObSurvData *data, const double *scores, GError **error);

typedef enum { OB_P_ADJUST_NONE, OB_P_ADJUST_HOLM, OB_P_ADJUST_BONFERRONI, OB_P_ADJUST_BH } ObPAdjust;

typedef struct
{
  guint a, b;        /* group indices */
  double chisq;
  double p;
  double p_adj;
} ObSurvPairwise;

/* All pairs of groups (a < b, in order), each tested on its own two groups as survdiff on
 * that subset (not stratified), adjusted as R's p.adjust; a pair that cannot be tested has
 * NAN chisq and p.  Returns an array of ObSurvPairwise. */
GArray     *ob_surv_test_pairwise (const ObSurvData *data, ObSurvTestMethod method,
                                   ObPAdjust adjust, GError **error);

/* p.adjust in place. */
void        ob_p_adjust          (double *p, gsize n, ObPAdjust method);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ObSurvTest, ob_surv_test_free)

G_END_DECLS
