/* ob-subgroups-page.h: the hazard ratio of two arms across subgroups, as a forest plot
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ob-dataset.h"
#include "ob-subgroups.h"

G_BEGIN_DECLS

#define OB_TYPE_SUBGROUPS_PAGE (ob_subgroups_page_get_type ())
G_DECLARE_FINAL_TYPE (ObSubgroupsPage, ob_subgroups_page, OB, SUBGROUPS_PAGE, AdwBin)

GtkWidget         *ob_subgroups_page_new             (ObDataset          *dataset);

/* The subgroups shown, or NULL while the settings make none. */
const ObSubgroups *ob_subgroups_page_get_subgroups   (ObSubgroupsPage    *self);
/* The columns whose levels make the subgroups, NULL-terminated; FALSE (nothing changed) when
 * one cannot. */
gboolean           ob_subgroups_page_set_by          (ObSubgroupsPage    *self,
                                                      const char * const *columns);
/* The results table as tab-separated text (what Copy puts on the clipboard), or NULL. */
char              *ob_subgroups_page_get_results_text (ObSubgroupsPage   *self);

G_END_DECLS
