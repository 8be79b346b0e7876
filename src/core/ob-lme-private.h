/* ob-lme-private.h — pieces of the mixed-effects model shared between its source files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ob-lme.h"

G_BEGIN_DECLS

/* Writes the model->p design values of row into x: a design built on the fly rather than
 * held as an n × p matrix. */
typedef void (*ObLmeRowFunc) (gpointer  data,
                              gsize     row,
                              double   *x);

/* The cross-products of a model, computed once in one pass over its rows and shared by
 * nested fits (REML, then ML with and without a term).  The design comes from row_func when
 * given, else from model->x.  model must outlive it. */
typedef struct _ObLmeWork ObLmeWork;

ObLmeWork   *ob_lme_work_new  (const ObLmeModel  *model,
                               ObLmeRowFunc       row_func,
                               gpointer           row_data,
                               GError           **error);
/* ob_lme_fit restricted to the first n_terms terms of the model (the columns they span). */
ObLmeResult *ob_lme_work_fit  (ObLmeWork         *work,
                               guint              n_terms,
                               ObLmeMethod        method,
                               GError           **error);
void         ob_lme_work_free (ObLmeWork *work);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ObLmeWork, ob_lme_work_free)

/* Criterion values of at least this mean "not a valid parameter"; finite, as Nelder–Mead
 * requires. */
#define OB_LME_BAD_CRITERION 1e300

typedef double (*ObLmeCriterionFunc) (gpointer      data,
                                      const double *theta);

/* Minimises func over theta[3] from the given start; FALSE when Nelder–Mead did not converge
 * (theta then holds the best point found). */
gboolean     ob_lme_minimise  (ObLmeCriterionFunc  func,
                               gpointer            data,
                               double             *theta,
                               guint              *iterations);

G_END_DECLS
