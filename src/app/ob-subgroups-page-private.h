/* ob-subgroups-page-private.h: what the subgroups page's source files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ob-analysis-page.h"
#include "ob-forest-plot.h"
#include "ob-plot-view.h"
#include "ob-subgroups-page.h"

G_BEGIN_DECLS

struct _ObSubgroupsPage
{
  AdwBin parent_instance;

  ObDataset *dataset;

  AdwComboRow *time_row;
  AdwComboRow *event_row;
  AdwComboRow *group_row;
  AdwComboRow *reference_row;
  AdwPreferencesGroup *by_group;
  AdwActionRow *where_row;
  GtkButton *clear_where_button;
  GtkStack *figure_stack;
  GtkPaned *figure_paned;
  ObPlotView *plot_view;
  guint fit_id;             /* tick callback that sizes the figure pane to the first figure */
  gboolean fitted;
  AdwStatusPage *message_page;
  GtkLabel *title_label;
  GtkGrid *results_grid;

  GArray *time_columns;     /* guint column indices behind each combo row */
  GArray *event_columns;
  GArray *group_columns;
  GArray *by_columns;       /* the column of each check */
  GPtrArray *by_checks;     /* GtkCheckButton * */
  GtkStringList *levels;    /* of the group column, for the reference */
  char **where;             /* "COL=VALUE" filters, NULL for none */

  ObSubgroups *subgroups;
  ObForestPlot plot;
  double width_mm, height_mm, dpi;   /* height_mm 0: the plot's natural height */

  gboolean building;
  gboolean loading;
};

/* ob-subgroups-page.c */
const char *ob_subgroups_page_name_at          (ObSubgroupsPage *self,
                                                GArray          *columns,
                                                guint            position);
const char *ob_subgroups_page_selected_name    (ObSubgroupsPage *self,
                                                AdwComboRow     *row,
                                                GArray          *columns);
const char *ob_subgroups_page_selected_reference (ObSubgroupsPage *self);
/* The group's levels as the reference row's choices, the control-like one chosen. */
void        ob_subgroups_page_fill_levels      (ObSubgroupsPage *self);
/* The chosen subgroup columns but the group's, NULL-terminated. */
char      **ob_subgroups_page_dup_by           (ObSubgroupsPage *self);
void        ob_subgroups_page_recompute        (ObSubgroupsPage *self);
void        ob_subgroups_page_notify_changed   (ObSubgroupsPage *self);
/* The export size in points; the height follows the plot until one is chosen. */
void        ob_subgroups_page_figure_size_pt   (ObSubgroupsPage *self,
                                                double          *width,
                                                double          *height);

/* ob-subgroups-page-analysis.c */
void        ob_subgroups_page_analysis_page_init (ObAnalysisPageInterface *iface);

G_END_DECLS
