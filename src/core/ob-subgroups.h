/* ob-subgroups.h — the hazard ratio of two arms within subgroups, and the interaction test
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ob-cox.h"

G_BEGIN_DECLS

/* One row of a forest plot: the Cox hazard ratio of the comparison arm against the reference
 * arm among the patients of one subgroup (or all of them), with Wald 95% limits. */
typedef struct
{
  char *variable;          /* the subgroup column; NULL for the overall row */
  char *subgroup;          /* its level; NULL for the overall row */
  guint block;             /* index into ObSubgroups.interactions; G_MAXUINT for overall */
  gsize n, events;
  gsize n_arm[2];          /* [0] reference arm, [1] comparison arm */
  gsize events_arm[2];
  double coef, se;         /* log hazard ratio and its standard error; NAN when not estimable */
  double hr, hr_lower, hr_upper, p;
  /* Why there is no hazard ratio (no events, one arm only, …): a user-facing sentence, or
   * NULL when the row was estimated.  A row with a warning from the fit keeps its estimate. */
  char *reason;
  char *warning;
} ObSubgroupRow;

/* anova (coxph (Surv ~ group + by), coxph (Surv ~ group * by)) on the rows where by is known;
 * aliased product terms (a subgroup with one arm only) are dropped, as coxph drops them. */
typedef struct
{
  char *variable;
  double chisq;
  guint df;
  double p;                /* NAN when there is nothing to test; reason says why */
  char *reason;
  gsize n, events;         /* rows of the two fits */
  guint first_row, n_rows; /* this variable's rows in ObSubgroups.rows */
} ObSubgroupInteraction;

typedef struct
{
  char *group_column;
  char *arm_names[2];      /* [0] the reference, [1] the comparison */
  ObSubgroupRow overall;
  ObSubgroupRow *rows;     /* per variable, per level in sorted order */
  guint n_rows;
  ObSubgroupInteraction *interactions;   /* one per subgroup column, in the order given */
  guint n_interactions;
  ObTies ties;
  gsize n_excluded;        /* rows of the overall analysis dropped for missing values */
} ObSubgroups;

/* spec names time, event, group (exactly two levels after filtering) and optionally the
 * reference arm, event values and time scale; its covariates, strata and landmark must be
 * unset.  by_columns: NULL-terminated, at least one; each is taken as categorical (numeric
 * columns by their distinct values).  mask: NULL or one byte per dataset row (filters).
 * options: NULL for coxph's defaults (Efron ties). */
ObSubgroups *ob_subgroups_new  (const ObDataset     *dataset,
                                const ObSurvSpec    *spec,
                                const char * const  *by_columns,
                                const guint8        *mask,
                                const ObCoxOptions  *options,
                                GError             **error);
void         ob_subgroups_free (ObSubgroups *subgroups);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ObSubgroups, ob_subgroups_free)

G_END_DECLS
