/* ob-cohort-page.h: the cohort at a glance — Table 1 by a column and its alteration landscape
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ob-dataset.h"
#include "ob-landscape.h"
#include "ob-table1.h"

G_BEGIN_DECLS

#define OB_TYPE_COHORT_PAGE (ob_cohort_page_get_type ())
G_DECLARE_FINAL_TYPE (ObCohortPage, ob_cohort_page, OB, COHORT_PAGE, AdwBin)

GtkWidget         *ob_cohort_page_new             (ObDataset          *dataset);

/* The column whose levels make Table 1's columns; FALSE when it cannot group. */
gboolean           ob_cohort_page_set_group       (ObCohortPage       *self,
                                                   const char         *column);
/* The rows of Table 1, NULL-terminated names; FALSE (and nothing changed) for an unknown
 * or unsuitable column. */
gboolean           ob_cohort_page_set_variables   (ObCohortPage       *self,
                                                   const char * const *columns);
/* Table 1 as shown, or NULL while the settings make none. */
const ObTable1    *ob_cohort_page_get_table       (ObCohortPage       *self);
/* The landscape of the alteration columns, or NULL when the dataset has none. */
const ObLandscape *ob_cohort_page_get_landscape   (ObCohortPage       *self);

/* Linked selection: selects the patients whose column holds level, as a click on a Table 1
 * level or an oncoprint cell does, and offers them as a filter.  Returns their number; 0
 * (and no selection) when no row matches. */
gsize              ob_cohort_page_select          (ObCohortPage       *self,
                                                   const char         *column,
                                                   const char         *level);
/* The selection, or FALSE when there is none; column and level belong to the page. */
gboolean           ob_cohort_page_get_selection   (ObCohortPage       *self,
                                                   const char        **column,
                                                   const char        **level);
/* "Use as Filter in Analyses": the other analyses of the dataset keep only the selection.
 * Returns how many took the filter. */
guint              ob_cohort_page_use_selection   (ObCohortPage       *self);

G_END_DECLS
