/* ob-cox-private.h — the sorted working copy and linear algebra shared by the Cox files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ob-cox.h"

G_BEGIN_DECLS

/* The rows in stratum-then-time order, covariates centred and scaled, as coxfit6 works;
 * centring keeps exp() in range and scaling keeps the information matrix well conditioned,
 * neither changes the estimates. */
typedef struct
{
  gsize n;
  guint p;
  ObTies ties;
  double *time;
  guint8 *status;
  guint32 *stratum;
  double *x;                    /* n × p */
  /* Rows merged from several of the same stratum, time, status and covariates: how many
   * each stands for.  NULL when every row is one subject. */
  double *weight;
  gsize n_subjects;             /* rows before merging */
  double *mean, *scale;

  /* One pass over the rows fills these. */
  double *u;                    /* p */
  double *imat;                 /* p × p */
  double *dimat;                /* p × p × p: derivative of imat, Firth only */

  /* Running sums over the risk set (a, cmat, c3) and over the deaths at one time. */
  double *a, *a2, *cmat, *cmat2, *c3, *c32;
} ObCoxWork;

/* merge: let rows that differ in nothing share one weighted row (the sums the fit needs do
 * not change); not for residuals, which belong to each subject. */
ObCoxWork *ob_cox_work_new      (const ObSurvData *data, gboolean stratified, ObTies ties,
                                 gboolean third, gboolean merge, GError **error);
void       ob_cox_work_free     (ObCoxWork *w);
double     ob_cox_work_pass     (ObCoxWork *w, const double *beta);
void       ob_cox_add_row       (double *a, double *cmat, double *c3, guint p, const double *xi,
                                 double risk);

guint      ob_chol_decomp       (double *m, guint n);
void       ob_chol_solve        (const double *m, guint n, double *y);
void       ob_chol_inverse      (const double *m, guint n, double *inv);
double     ob_chol_logdet       (const double *m, guint n);
double     ob_chol_quad_inverse (const double *m, guint n, const double *x);

gboolean   ob_cox_firth_maximise (ObCoxWork *w, const ObCoxOptions *options, double *beta,
                                  const guint8 *fixed, double *pl, guint *iterations);
void       ob_cox_firth_profile  (ObCoxWork *w, const ObCoxOptions *options,
                                  const double *beta_hat, double pl_hat, guint j, double se,
                                  double *lower, double *upper, double *p_value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ObCoxWork, ob_cox_work_free)

G_END_DECLS
