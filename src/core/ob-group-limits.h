/* ob-group-limits.h — values beyond the limits of quantification, flagged "<LLOQ" or ">ULOQ"
 * in a column (an ELISA's samples table): they have no number to test, and are counted per
 * group instead
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ob-dataset.h"
#include "ob-group-tests.h"

G_BEGIN_DECLS

typedef enum
{
  OB_LIMIT_NONE = 0,
  OB_LIMIT_BELOW = 1,       /* "<LLOQ" */
  OB_LIMIT_ABOVE = 2,       /* ">ULOQ" */
} ObLimitKind;

/* Each value's interval: both columns or neither, both numeric.  The messages name the
 * options --lower and --upper. */
gboolean ob_group_limits_check_bounds (const ObDataset  *dataset,
                                       const char       *lower_column,
                                       const char       *upper_column,
                                       GError          **error);
/* Each value of @data's interval from the two columns, aligned with data->values (newly
 * allocated, data->n long); NAN where a column is absent. */
void     ob_group_limits_intervals    (const ObDataset    *dataset,
                                       const char         *lower_column,
                                       const char         *upper_column,
                                       const ObGroupData  *data,
                                       double            **lower,
                                       double            **upper);
/* The rows *mask keeps (*mask NULL: every row; a mask is made) whose cell of @flag_column
 * lists "<LLOQ" or ">ULOQ" among ";"-separated flags: they leave *mask, and their
 * ObLimitKind is returned per dataset row (newly allocated), *n_below and *n_above counted. */
guint8  *ob_group_limits_flag_rows    (const ObDataset  *dataset,
                                       const char       *flag_column,
                                       guint8          **mask,
                                       gsize            *n_below,
                                       gsize            *n_above,
                                       GError          **error);
/* Where a limit's line goes when not given: the largest "lloq" cell of the rows below, or the
 * smallest "uloq" cell of those above, so that every flagged value lies beyond it; NAN
 * without such a cell. */
double   ob_group_limits_from_cells   (const ObDataset  *dataset,
                                       const guint8     *kinds,
                                       ObLimitKind       kind);
/* Per group of @data (n_groups entries each, newly allocated) the rows flagged below and
 * above; flagged rows of groups without any number are counted in *n_lost. */
void     ob_group_limits_count        (const ObDataset    *dataset,
                                       const char         *group_column,
                                       const ObGroupData  *data,
                                       const guint8       *kinds,
                                       gsize             **below,
                                       gsize             **above,
                                       gsize              *n_lost);

G_END_DECLS
