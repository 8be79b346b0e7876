/* ob-surv-data.h — survival data (time, event, group, covariates) taken from a dataset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ob-dataset.h"

G_BEGIN_DECLS

typedef struct
{
  const char *time_column;
  const char *event_column;
  /* Values of the event column that count as events (matched as text, so "1", "2", "Dead",
   * "再発"); everything else is censored.  NULL: a 0/1 column means 1 = event and a 1/2
   * column means 2 = event (as R's Surv); any other coding is an OB_ERROR_INVALID_ARG that
   * names --event-values. */
  const char * const *event_values;
  /* NULL: one group named "all". */
  const char *group_column;
  /* Reference level of the group for Cox; NULL = the first level in sorted order. */
  const char *reference;
  /* Extra Cox covariates: numeric columns enter as is, categorical ones as indicators
   * against their first sorted level.  NULL-terminated, or NULL. */
  const char * const *covariates;
  /* Stratification column for stratified tests / Cox, or NULL. */
  const char *strata_column;
  /* Landmark time: > 0 keeps only subjects still at risk then (time >= landmark) and measures
   * time from it, so groups known only after baseline are compared fairly.  0 = off. */
  double landmark;
  /* Multiplies every time before anything else (e.g. 1 / 30.4375 turns days into months), so
   * curves, medians and the figure's axis are in the unit the reader expects; hazard ratios and
   * tests do not change.  0 or 1 = off.  A landmark is given in the converted unit. */
  double time_scale;
} ObSurvSpec;

/* Factor converting times in unit FROM to unit TO ("days", "weeks", "months", "years"; months
 * of 365.25 / 12 days), or 0 when either is unknown. */
double ob_surv_time_unit_factor (const char *from, const char *to);

/* Rows are kept sorted by time (ascending; at tied times events before censorings), so every
 * analysis can walk them once without sorting again. */
typedef struct
{
  gsize n;
  double *time;
  guint8 *status;          /* 1 = event, 0 = censored */
  guint32 *group;          /* 0 … n_groups-1, in group_names order (sorted levels) */
  guint n_groups;
  char **group_names;      /* NULL-terminated */
  guint reference;         /* index of the reference group */
  guint32 *strata;         /* NULL without strata */
  guint n_strata;
  char **strata_names;     /* NULL-terminated, or NULL */
  /* Cox design: group indicators (against the reference) then covariate terms;
   * row-major n × p. */
  guint p;
  double *x;
  char **term_names;       /* NULL-terminated, p long: "rx=Lev", "age" */
  gsize *row_index;        /* dataset row of each kept row */
  gsize n_excluded;
  GPtrArray *exclusions;   /* char *: "12 rows with a missing time", … */
} ObSurvData;

/* mask: NULL or one byte per dataset row, non-zero = keep (subgroup filters). */
ObSurvData *ob_surv_data_new     (const ObDataset   *dataset,
                                  const ObSurvSpec  *spec,
                                  const guint8      *mask,
                                  GError           **error);
void        ob_surv_data_free    (ObSurvData *data);

/* Parses "COL=VALUE" (several may be given; same column = OR, different columns = AND) into
 * a row mask; NULL filters keep every row. */
guint8     *ob_dataset_where_mask (const ObDataset    *dataset,
                                   const char * const *filters,
                                   GError            **error);

/* A warning when the groups look defined after baseline (a column or levels naming a
 * response, "CR", "PR", 奏効…) and no landmark is set; NULL otherwise.  Translated, static. */
const char *ob_surv_data_response_warning (const ObSurvData *data,
                                           const ObSurvSpec *spec);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ObSurvData, ob_surv_data_free)

G_END_DECLS
