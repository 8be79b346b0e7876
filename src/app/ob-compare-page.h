/* ob-compare-page.h: a measurement compared between groups, with its chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ob-dataset.h"

G_BEGIN_DECLS

#define OB_TYPE_COMPARE_PAGE (ob_compare_page_get_type ())
G_DECLARE_FINAL_TYPE (ObComparePage, ob_compare_page, OB, COMPARE_PAGE, AdwBin)

GtkWidget  *ob_compare_page_new              (ObDataset     *dataset);

/* Runs a pending recomputation now instead of at the next idle moment. */
void        ob_compare_page_update           (ObComparePage *self);
/* Chooses the columns by name; factor2 NULL for none.  FALSE when one cannot serve. */
gboolean    ob_compare_page_set_columns      (ObComparePage *self,
                                              const char    *value,
                                              const char    *group,
                                              const char    *factor2);
/* The command line's spellings: "welch", "student", "paired", "mannwhitney", "anova",
 * "welch-anova", "kruskal", "twoway". */
gboolean    ob_compare_page_set_test         (ObComparePage *self,
                                              const char    *test);
const char *ob_compare_page_get_test         (ObComparePage *self);
/* "tukey", "games-howell", "dunn", "sidak". */
gboolean    ob_compare_page_set_posthoc      (ObComparePage *self,
                                              const char    *posthoc);
/* The two groups of a two-group test among more, by name, a then b. */
gboolean    ob_compare_page_set_pair         (ObComparePage *self,
                                              const char    *a,
                                              const char    *b);
/* "dot", "bar", "box", "violin". */
gboolean    ob_compare_page_set_chart        (ObComparePage *self,
                                              const char    *chart);
/* The results panel as tab-separated text (what Copy puts on the clipboard), or NULL. */
char       *ob_compare_page_get_results_text (ObComparePage *self);
/* Writes the figure at the export size chosen in the page; the format follows the
 * extension (.pdf, .svg, .eps, .png, .tif). */
gboolean    ob_compare_page_export           (ObComparePage *self,
                                              const char    *path,
                                              GError       **error);

G_END_DECLS
