/* ob-cohort-page-private.h: what the cohort page's source files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ob-analysis-page.h"
#include "ob-cohort-page.h"
#include "ob-oncoprint.h"
#include "ob-plot-view.h"
#include "ob-table-plot.h"

G_BEGIN_DECLS

typedef enum
{
  OB_COHORT_SHOW_LANDSCAPE,
  OB_COHORT_SHOW_TABLE,
} ObCohortShow;

struct _ObCohortPage
{
  AdwBin parent_instance;

  ObDataset *dataset;

  AdwComboRow *group_row;
  AdwExpanderRow *vars_row;
  AdwComboRow *figure_row;
  GtkRevealer *selection_revealer;
  GtkLabel *selection_label;
  GtkButton *use_filter_button;
  GtkStack *figure_stack;
  GtkPaned *figure_paned;
  ObPlotView *plot_view;
  AdwStatusPage *message_page;
  GtkLabel *title_label;
  GtkGrid *table_grid;
  GtkLabel *footnotes_label;

  GArray *group_columns;    /* guint column indices behind each group_row position */
  GArray *var_columns;      /* guint: the column of each variable check */
  GPtrArray *var_checks;    /* GtkCheckButton *, in dataset order */
  GPtrArray *gene_columns;  /* names of the alteration columns, NULL-terminated */

  ObTable1 *table;
  ObTable1Grid *grid;
  char *table_error;        /* why there is no Table 1 */
  ObLandscape *landscape;
  ObOncoprint oncoprint;
  ObOncoprintLayout *layout;  /* of the last drawing, for clicks */
  double layout_scale, layout_dx, layout_dy;
  guint fit_id;             /* tick callback that sizes the figure pane to the figure */
  int fitted_show;          /* the ObCohortShow the pane was sized for; -1: none yet */
  double width_mm, height_mm, dpi;   /* height_mm 0: the figure's natural height */

  char *selection_column;   /* linked selection: column = level, n rows */
  char *selection_level;
  gsize selection_n;

  gboolean building;        /* settings are being set: do not recompute yet */
  gboolean loading;         /* load_settings() at work: it emits "changed" once itself */
};

/* ob-cohort-page.c */
void  ob_cohort_page_recompute          (ObCohortPage *self);
/* The figure shown: the landscape when there is one and it is chosen, else Table 1. */
ObCohortShow ob_cohort_page_get_show    (ObCohortPage *self);
/* Selected variables, NULL-terminated; free with g_strfreev. */
char **ob_cohort_page_dup_variables     (ObCohortPage *self);
const char *ob_cohort_page_get_group    (ObCohortPage *self);
void  ob_cohort_page_set_show           (ObCohortPage *self,
                                         ObCohortShow  show);
void  ob_cohort_page_notify_changed     (ObCohortPage *self);
/* The export size in points; the height follows the figure until one is chosen. */
void  ob_cohort_page_figure_size_pt     (ObCohortPage *self,
                                         double       *width,
                                         double       *height);

/* ob-cohort-page-analysis.c */
void  ob_cohort_page_analysis_page_init (ObAnalysisPageInterface *iface);
void  ob_cohort_page_class_init_actions (GtkWidgetClass *widget_class);
/* Table 1 as tab-separated text with its footnotes, or NULL. */
char *ob_cohort_page_get_results_text   (ObCohortPage *self);

G_END_DECLS
