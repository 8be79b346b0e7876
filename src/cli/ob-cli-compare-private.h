/* ob-cli-compare-private.h — the figure of `oncobench-cli compare`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ob-anova.h"
#include "ob-group-tests.h"

G_BEGIN_DECLS

/* --chart, --error, --figure, --size, --dpi, --log as the user typed them. */
typedef struct
{
  char *chart;
  char *error;
  char *figure;
  char *size;
  double dpi;
  gboolean log;
} ObCliCompareFigure;

void     ob_cli_compare_figure_clear    (ObCliCompareFigure *f);
/* Checks the options before any data is read; FALSE with a message when one is wrong. */
gboolean ob_cli_compare_figure_check    (const ObCliCompareFigure *f,
                                         GError                  **error);
/* Writes the figure: the groups (cells with a second factor) and pairs as brackets. */
gboolean ob_cli_compare_figure_write    (const ObCliCompareFigure *f,
                                         const ObGroupData        *data,
                                         const char               *value_label,
                                         const ObPairwise         *pairs,
                                         gsize                     n_pairs,
                                         GError                  **error);

G_END_DECLS
