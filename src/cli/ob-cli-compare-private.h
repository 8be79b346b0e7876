/* ob-cli-compare-private.h — the figure of `oncobench-cli compare`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "ob-anova.h"
#include "ob-dataset.h"
#include "ob-group-tests.h"

G_BEGIN_DECLS

/* --chart, --error, --figure, --size, --dpi, --log, --exact-p, --show-ns as the user typed
 * them. */
typedef struct
{
  char *chart;
  char *error;
  char *figure;
  char *size;
  double dpi;
  gboolean log;
  gboolean exact_p;
  gboolean show_ns;
} ObCliCompareFigure;

/* --flag, --lower, --upper, --lloq, --uloq: values carried with their interval and flag, e.g.
 * the samples table of elisa --samples-csv. */
typedef struct
{
  char *flag;
  char *lower;
  char *upper;
  double lloq;              /* NAN: the largest "lloq" cell of the rows below it, if any */
  double uloq;
  /* Filled by ob_cli_compare_limits_exclude(): per row its ObLimitKind (ob-group-limits.h),
   * and the counts. */
  guint8 *kinds;
  gsize n_below;
  gsize n_above;
} ObCliCompareLimits;

void     ob_cli_compare_limits_init     (ObCliCompareLimits *l);
void     ob_cli_compare_limits_clear    (ObCliCompareLimits *l);
/* Leaves the flagged rows out of *mask (made when NULL): they have no number to test. */
gboolean ob_cli_compare_limits_exclude  (ObCliCompareLimits *l,
                                         const ObDataset    *dataset,
                                         guint8            **mask,
                                         GError            **error);
/* The "limits" member and, when rows were left out, a sentence saying so. */
char    *ob_cli_compare_limits_json     (const ObCliCompareLimits *l,
                                         JsonBuilder              *b,
                                         const ObDataset          *dataset,
                                         const char               *group_column,
                                         const ObGroupData        *data);

void     ob_cli_compare_figure_clear    (ObCliCompareFigure *f);
/* Checks the options before any data is read; FALSE with a message when one is wrong. */
gboolean ob_cli_compare_figure_check    (const ObCliCompareFigure *f,
                                         GError                  **error);
/* Writes the figure: the groups (cells with a second factor) and pairs as brackets. */
gboolean ob_cli_compare_figure_write    (const ObCliCompareFigure *f,
                                         const ObCliCompareLimits *limits,
                                         const ObDataset          *dataset,
                                         const char               *group_column,
                                         const ObGroupData        *data,
                                         const char               *value_label,
                                         const ObPairwise         *pairs,
                                         gsize                     n_pairs,
                                         GError                  **error);

G_END_DECLS
