/* ob-growth-page.h: a tumour growth study — curves, %TGI, growth rates, longitudinal tests,
 * mRECIST and time to endpoint
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ob-dataset.h"
#include "ob-growth.h"
#include "ob-lme.h"

G_BEGIN_DECLS

#define OB_TYPE_GROWTH_PAGE (ob_growth_page_get_type ())
G_DECLARE_FINAL_TYPE (ObGrowthPage, ob_growth_page, OB, GROWTH_PAGE, AdwBin)

GtkWidget           *ob_growth_page_new              (ObDataset    *dataset);

/* Runs a pending recomputation now (in this thread) instead of at the next idle moment or
 * in the background. */
void                 ob_growth_page_update           (ObGrowthPage *self);
/* The last analysis, NULL while there is none (columns missing, a failed read). */
const ObGrowthStudy *ob_growth_page_get_study        (ObGrowthPage *self);
/* NULL when the study has no volumes or no day qualifies. */
const ObGrowthTgi   *ob_growth_page_get_tgi          (ObGrowthPage *self);
const ObGrowthRates *ob_growth_page_get_rates        (ObGrowthPage *self);
const ObLmeResult   *ob_growth_page_get_mixed_model  (ObGrowthPage *self);
/* Maps a role, spelt as the command line's option ("subject", "group", "time", "volume",
 * "length", "width", "weight", "flux", "endpoint-time", "endpoint-event"), to a column by
 * name, or to none with NULL. */
gboolean             ob_growth_page_set_column       (ObGrowthPage *self,
                                                      const char   *role,
                                                      const char   *column);
/* "curves", "spaghetti", "waterfall", "weight", "flux" or "endpoint". */
gboolean             ob_growth_page_set_chart        (ObGrowthPage *self,
                                                      const char   *chart);
/* Leaves mouse @id out of every analysis, logged with @reason; FALSE when there is no such
 * mouse or it is out already. */
gboolean             ob_growth_page_exclude_mouse    (ObGrowthPage *self,
                                                      const char   *id,
                                                      const char   *reason);
gboolean             ob_growth_page_include_mouse    (ObGrowthPage *self,
                                                      const char   *id);
guint                ob_growth_page_get_n_exclusions (ObGrowthPage *self);
/* What a click at (x, y) of the figure view finds: the mouse's id, or NULL. */
char                *ob_growth_page_mouse_at         (ObGrowthPage *self,
                                                      double        x,
                                                      double        y);
/* The mouse's values as the popover shows them (Pango markup), NULL for an unknown id. */
char                *ob_growth_page_describe_mouse   (ObGrowthPage *self,
                                                      const char   *id);
/* The results as tab-separated text (what Copy puts on the clipboard), or NULL. */
char                *ob_growth_page_get_results_text (ObGrowthPage *self);

G_END_DECLS
