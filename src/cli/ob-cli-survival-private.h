/* ob-cli-survival-private.h — pieces of `oncobench-cli survival` shared between its files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ob-cli-json.h"
#include "ob-cox.h"
#include "ob-kaplan-meier.h"
#include "ob-logrank.h"

G_BEGIN_DECLS

/* Each writes one member of the result object being built.  Non-finite numbers become null. */

/* A group's curve: counts, quartiles with CIs, the steps (streamed), S(t) at times, and the
 * RMST to tau unless tau is NAN. */
void ob_cli_survival_add_curve               (ObCliJson        *json,
                                              const ObKmCurve  *curve,
                                              gboolean          steps,
                                              const double     *times,
                                              gsize             n_times,
                                              double            tau);
/* "test": null without a test (a single group). */
void ob_cli_survival_add_test                (JsonBuilder      *b,
                                              const ObSurvTest *test);
void ob_cli_survival_add_prism_hazard_ratios (JsonBuilder      *b,
                                              const ObSurvData *data,
                                              const ObSurvTest *test);
void ob_cli_survival_add_rmst_differences    (JsonBuilder      *b,
                                              const ObSurvData *data,
                                              const ObKmFit    *fit,
                                              double            tau);
/* "cox": null without a model; zph may be NULL. */
void ob_cli_survival_add_cox                 (JsonBuilder      *b,
                                              const ObCox      *cox,
                                              const ObCoxZph   *zph);
void ob_cli_survival_add_pairwise            (JsonBuilder      *b,
                                              const ObSurvData *data,
                                              const GArray     *pairs,
                                              ObSurvTestMethod  method,
                                              const char       *adjust);
void ob_cli_survival_add_followup            (JsonBuilder       *b,
                                              const ObSurvData  *data,
                                              const ObKmOptions *km_options);

G_END_DECLS
