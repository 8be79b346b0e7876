/* ob-group-sort.h — sorting measurements for the group comparisons (private to src/core)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Sorts values ascending (no NaN) and, when tags is not NULL, carries tags[i] along with
 * values[i].  A radix sort on the bits of the doubles: linear in n, so that ranking a
 * million values costs a few passes rather than twenty comparisons each. */
void ob_sort_doubles (double  *values,
                      guint32 *tags,
                      gsize    n);

G_END_DECLS
