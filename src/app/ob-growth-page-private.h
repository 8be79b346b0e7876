/* ob-growth-page-private.h: what the growth page's source files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ob-analysis-page.h"
#include "ob-growth-page.h"
#include "ob-growth-plot.h"
#include "ob-kaplan-meier.h"
#include "ob-km-plot.h"
#include "ob-logrank.h"
#include "ob-plot-view.h"

G_BEGIN_DECLS

/* The columns a study reads, in the order of their rows; named as the command line's
 * options. */
typedef enum
{
  OB_GROWTH_ROLE_SUBJECT,
  OB_GROWTH_ROLE_GROUP,
  OB_GROWTH_ROLE_TIME,
  OB_GROWTH_ROLE_VOLUME,
  OB_GROWTH_ROLE_LENGTH,
  OB_GROWTH_ROLE_WIDTH,
  OB_GROWTH_ROLE_WEIGHT,
  OB_GROWTH_ROLE_FLUX,
  OB_GROWTH_ROLE_ENDPOINT_TIME,
  OB_GROWTH_ROLE_ENDPOINT_EVENT,
  OB_GROWTH_N_ROLES,
} ObGrowthRole;

extern const char * const ob_growth_role_options[OB_GROWTH_N_ROLES];

/* The chart drop-down: the growth figure's kinds, then the time-to-endpoint curves. */
#define OB_GROWTH_PAGE_CHART_ENDPOINT 5

/* A mouse left out by hand, and why. */
typedef struct
{
  char *id;
  char *reason;
} ObGrowthExclusion;

void ob_growth_exclusion_free (gpointer exclusion);

/* Everything an analysis needs, copied so that it may run in a thread. */
typedef struct
{
  ObDataset *dataset;
  char *columns[OB_GROWTH_N_ROLES];
  ObGrowthFormula formula;
  double background;
  char *control;                    /* NULL: the study's default */
  double tgi_day;                   /* NAN: the default day */
  double endpoint;                  /* <= 0: none */
  double mrecist_start;
  char **excluded;                  /* mouse ids */
} ObGrowthJob;

void ob_growth_job_free (ObGrowthJob *job);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ObGrowthJob, ob_growth_job_free)

typedef struct
{
  ObGrowthStudy *study;
  ObGrowthTgi *tgi;
  ObGrowthRates *rates;
  ObGrowthResponse *responses;
  ObLmeResult *lme;
  ObRmAnova *rm;
  ObSurvData *endpoint;
  ObKmFit *km;
  ObSurvTest *logrank;
  GPtrArray *notes;                 /* char *: why a result is missing, dataset warnings */
} ObGrowthResults;

void             ob_growth_results_free (ObGrowthResults *results);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ObGrowthResults, ob_growth_results_free)
/* NULL with an error only when no study can be read at all. */
ObGrowthResults *ob_growth_job_run      (const ObGrowthJob *job,
                                         GError           **error);

struct _ObGrowthPage
{
  AdwBin parent_instance;

  ObDataset *dataset;

  AdwPreferencesGroup *columns_group;
  AdwComboRow *column_rows[OB_GROWTH_N_ROLES];
  guint default_columns[OB_GROWTH_N_ROLES]; /* found by name, the rows' first choice */
  AdwComboRow *formula_row;
  AdwComboRow *control_row;
  AdwComboRow *tgi_row;
  GtkSpinButton *endpoint_spin;
  GtkSpinButton *mrecist_spin;
  GtkSpinButton *background_spin;
  AdwComboRow *chart_row;
  GtkSwitch *traces_switch;
  GtkSwitch *log_switch;
  GtkSwitch *dosing_switch;
  GtkSpinButton *dosing_start_spin;
  GtkSpinButton *dosing_end_spin;
  AdwPreferencesGroup *exclusions_group;
  GtkLabel *title_label;
  GtkStack *figure_stack;
  ObPlotView *plot_view;
  AdwStatusPage *message_page;
  GtkBox *results_box;
  GtkPopover *mouse_popover;
  GtkLabel *mouse_label;
  GtkButton *exclude_button;

  GtkStringList *arm_names;         /* "Automatic (…)", then the arms */
  GtkStringList *day_names;         /* "Automatic (day …)", then the days */
  GArray *days;                     /* double, the days offered after "Automatic" */
  char *control;                    /* the arm chosen, NULL: automatic */
  double tgi_day;                   /* NAN: automatic */
  gboolean chart_chosen;            /* else the chart follows the data */
  GPtrArray *exclusion_rows;        /* GtkWidget *, rows of exclusions_group */
  GPtrArray *exclusions;            /* ObGrowthExclusion *, in the order made */
  ObGrowthResults *results;
  char *popover_mouse;              /* the mouse the popover shows */

  ObGrowthData *figure_data;        /* of the chart shown */
  ObGrowthPlot plot;
  ObKmPlot km_plot;
  ObGrowthLayout *layout;           /* of the last drawing, for hit tests */
  double layout_scale;
  double layout_dx, layout_dy;
  double width_mm, height_mm, dpi;

  GCancellable *cancellable;        /* of the computation running in a thread, if any */
  guint recompute_id;
  gboolean synchronous;             /* ob_growth_page_update(): no thread */
  gboolean building;                /* settings are being set: do not recompute yet */
  gboolean loading;                 /* load_settings() at work: it emits "changed" once */
};

/* ob-growth-page.c */
void        ob_growth_page_recompute          (ObGrowthPage *self);
void        ob_growth_page_schedule_recompute (ObGrowthPage *self);
const char *ob_growth_page_role_column        (ObGrowthPage *self,
                                               ObGrowthRole  role);
/* The chart drop-down's choice: an ObGrowthChart or OB_GROWTH_PAGE_CHART_ENDPOINT. */
guint       ob_growth_page_get_chart          (ObGrowthPage *self);
int         ob_growth_page_find_exclusion     (ObGrowthPage *self,
                                               const char   *id);
void        ob_growth_page_notify_changed     (ObGrowthPage *self);
void        ob_growth_page_clear_figure       (ObGrowthPage *self);
void        ob_growth_page_show_message       (ObGrowthPage *self,
                                               const char   *title,
                                               const char   *description);

/* ob-growth-page-figure.c */
/* Builds the mouse popover and connects the figure view. */
void        ob_growth_page_init_figure        (ObGrowthPage *self);
/* Rebuilds the figure's model from the results and the figure settings, and redraws. */
void        ob_growth_page_setup_figure       (ObGrowthPage *self);
void        ob_growth_page_draw               (ObGrowthPage      *self,
                                               cairo_t           *cr,
                                               double             width_pt,
                                               double             height_pt,
                                               const ObPlotStyle *style);
void        ob_growth_page_show_exclusions    (ObGrowthPage *self);

/* ob-growth-page-results.c */
void  ob_growth_results_show      (ObGrowthPage *self);
char *ob_growth_results_to_tsv    (ObGrowthPage *self);
char *ob_growth_results_methods   (ObGrowthPage *self);
char *ob_growth_results_sentence  (ObGrowthPage *self);

/* ob-growth-page-analysis.c */
void  ob_growth_page_analysis_page_init (ObAnalysisPageInterface *iface);
void  ob_growth_page_copy_action        (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *parameter);

G_END_DECLS
