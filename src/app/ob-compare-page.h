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
/* Keeps the rows where COL equals VALUE ("COL=VALUE", as --where: several on one column are
 * alternatives, on different columns must all hold); NULL or empty for every row. */
void        ob_compare_page_set_where        (ObComparePage      *self,
                                              const char * const *where);
const char * const *ob_compare_page_get_where (ObComparePage     *self);
/* A paired test's subject column, as --id; NULL pairs the rows in order. */
gboolean    ob_compare_page_set_id           (ObComparePage *self,
                                              const char    *column);
/* As --flag, --lower, --upper, --lloq and --uloq: NULL columns and NAN limits for none. */
gboolean    ob_compare_page_set_limits       (ObComparePage *self,
                                              const char    *flag,
                                              const char    *lower,
                                              const char    *upper,
                                              double         lloq,
                                              double         uloq);
/* The results panel as tab-separated text (what Copy puts on the clipboard), or NULL. */
char       *ob_compare_page_get_results_text (ObComparePage *self);
/* Writes the figure at the export size chosen in the page; the format follows the
 * extension (.pdf, .svg, .eps, .png, .tif). */
gboolean    ob_compare_page_export           (ObComparePage *self,
                                              const char    *path,
                                              GError       **error);

G_END_DECLS
