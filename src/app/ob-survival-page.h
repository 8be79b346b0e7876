/* ob-survival-page.h: Kaplan–Meier, survival tests and Cox regression for one dataset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ob-dataset.h"
#include "ob-kaplan-meier.h"

G_BEGIN_DECLS

#define OB_TYPE_SURVIVAL_PAGE (ob_survival_page_get_type ())
G_DECLARE_FINAL_TYPE (ObSurvivalPage, ob_survival_page, OB, SURVIVAL_PAGE, AdwBin)

GtkWidget     *ob_survival_page_new              (ObDataset      *dataset);

/* Runs a pending recomputation now instead of at the next idle moment. */
void           ob_survival_page_update           (ObSurvivalPage *self);
/* The curves shown, or NULL while the settings do not make an analysis. */
const ObKmFit *ob_survival_page_get_fit          (ObSurvivalPage *self);
/* The results panel as tab-separated text (what Copy puts on the clipboard), or NULL. */
char          *ob_survival_page_get_results_text (ObSurvivalPage *self);
/* Groups by the named column, or by nothing with NULL; FALSE when the column cannot group. */
gboolean       ob_survival_page_set_group_column (ObSurvivalPage *self,
                                                  const char     *name);
/* Writes the figure at the export size chosen in the page; the format follows the
 * extension (.pdf, .svg, .eps, .png, .tif). */
gboolean       ob_survival_page_export           (ObSurvivalPage *self,
                                                  const char     *path,
                                                  GError        **error);

G_END_DECLS
