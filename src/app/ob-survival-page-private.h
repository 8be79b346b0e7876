/* ob-survival-page-private.h: what the survival page's source files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ob-analysis-page.h"
#include "ob-cox.h"
#include "ob-km-plot.h"
#include "ob-plot-view.h"
#include "ob-kaplan-meier.h"
#include "ob-logrank.h"
#include "ob-survival-page.h"

G_BEGIN_DECLS

typedef enum
{
  OB_CONVENTIONS_R,
  OB_CONVENTIONS_PRISM,
} ObConventions;

/* One computation: everything the results panel and the figure show.  Shared with the
 * thread that fits its Cox model, hence counted. */
typedef struct
{
  gatomicrefcount ref_count;
  ObSurvData *data;
  ObKmFit *fit;
  ObSurvTest *test;        /* NULL with a single group */
  ObCox *cox;              /* NULL without terms, when the fit failed, or until it is done */
  gboolean cox_pending;    /* there are terms and their model is still being fitted */
  char *cox_error;         /* why there is no Cox model, or NULL */
  char *test_error;        /* why there is no test, or NULL */
  ObSurvTestMethod method;
  ObConventions conventions;
  const char *response_warning;  /* groups that look defined after baseline, or NULL */
  gsize n_rows;            /* rows in the dataset */
  gsize n_filtered;        /* rows outside the chosen subgroup */
  char *time_unit;
} ObSurvivalResults;

ObSurvivalResults *ob_survival_results_ref  (ObSurvivalResults *results);
/* Drops one reference. */
void               ob_survival_results_free (ObSurvivalResults *results);

/* What one computation needs, copied from the settings so it can run in a thread. */
typedef struct
{
  ObDataset *dataset;
  char *time_column;
  char *event_column;
  char *group_column;
  char **event_values;
  char **covariates;
  guint8 *mask;
  gsize n_filtered;
  ObCiTransform ci;
  ObSurvTestMethod method;
  ObConventions conventions;
  double landmark;         /* 0 = off */
  char *time_unit;
} ObSurvivalJob;

/* ob-survival-page-compute.c */
void               ob_survival_job_free (ObSurvivalJob *job);
/* Survival data, Kaplan–Meier and the test, what the figure draws; NULL with an error when
 * there is no curve.  A failed test is a warning inside the results.  The Cox model is left
 * pending for ob_survival_page_start_cox(). */
ObSurvivalResults *ob_survival_job_run  (const ObSurvivalJob *job,
                                         GError             **error);
/* Fits the pending Cox model of the page's results, in a thread on a large cohort, and shows
 * it when done; a failed fit becomes a warning.  Call after installing new results. */
void               ob_survival_page_start_cox (ObSurvivalPage *self);

/* ob-survival-page-results.c */
/* Shows the tables and notes of @results in @box, one section a child, so that they sit side
 * by side when there is room.  The widgets are made once; later calls set their text. */
void  ob_survival_results_show       (const ObSurvivalResults *results,
                                      GtkFlowBox              *box);
void  ob_survival_results_clear      (GtkFlowBox              *box);
/* The same as tab-separated text, for the clipboard. */
char *ob_survival_results_to_tsv     (const ObSurvivalResults *results);
/* "R conventions: log-log CI …", the sentence printed under every result. */
char *ob_survival_results_conventions_note (const ObSurvivalResults *results);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ObSurvivalResults, ob_survival_results_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ObSurvivalJob, ob_survival_job_free)

/* A subgroup filter on one column: levels to keep, or a numeric range. */
typedef struct
{
  guint column;
  gboolean by_level;
  AdwExpanderRow *row;
  GPtrArray *checks;        /* GtkCheckButton *, one per level */
  GArray *values;           /* double, for numeric columns filtered by level */
  GtkAdjustment *lo, *hi;   /* numeric range */
  double min, max;
} ObSurvivalFilter;

/* A row left out by hand: the value of the identifier column (or "row N", counted from 1
 * under the header, without one) and why. */
typedef struct
{
  char *id;
  char *reason;
} ObSurvivalExclusion;

struct _ObSurvivalPage
{
  AdwBin parent_instance;

  ObDataset *dataset;
  GSettings *settings;

  AdwComboRow *time_row;
  AdwComboRow *event_row;
  AdwExpanderRow *event_values_row;
  AdwComboRow *group_row;
  AdwExpanderRow *covariates_row;
  AdwComboRow *ci_row;
  AdwComboRow *test_row;
  AdwComboRow *conventions_row;
  GtkSpinButton *landmark_spin;
  AdwComboRow *risk_table_row;
  GtkSwitch *ci_bands_switch;
  AdwEntryRow *time_unit_row;
  AdwPreferencesGroup *filters_group;
  GtkLabel *title_label;
  GtkButton *show_all_button;
  GtkPopover *export_popover;
  GtkSpinButton *width_spin;
  GtkSpinButton *height_spin;
  GtkSpinButton *dpi_spin;
  GtkButton *save_as_button;
  GtkStack *figure_stack;
  ObPlotView *plot_view;
  AdwStatusPage *message_page;
  GtkFlowBox *results_box;

  GArray *time_columns;     /* guint column indices behind each combo row */
  GArray *event_columns;
  GArray *group_columns;    /* position 0 is "None" */
  GPtrArray *event_values;  /* char *, the text of each check below */
  GPtrArray *event_checks;  /* GtkCheckButton *, one per event value */
  GArray *covariate_columns;
  GPtrArray *covariate_rows;
  GPtrArray *covariate_checks;
  GPtrArray *filters;       /* ObSurvivalFilter * */
  GPtrArray *exclusions;    /* ObSurvivalExclusion *, rows left out by hand; NULL: none */
  char *id_name;            /* the column naming patients, NULL: row numbers */
  gboolean id_guessed;      /* id_name was looked for or loaded */
  GtkPopover *row_popover;  /* the patients under a clicked mark */
  GtkWidget *exclusions_view; /* their log, in the results */
  GPtrArray *distinct;      /* per column: its few distinct values, or NULL */
  guint8 *distinct_done;
  guint8 *mask;
  char *guessed_unit;       /* the time unit filled in from the column name */

  ObSurvivalResults *results;
  ObKmPlot plot;
  guint64 hidden_groups;
  ObKmLayout *layout;       /* of the last drawing, for hit tests */
  double layout_scale;       /* figure points to view pixels */
  double layout_dx, layout_dy; /* where the figure's corner sits in the view */

  guint recompute_id;
  GCancellable *cancellable;  /* of the computation running in a thread, if any */
  gboolean synchronous;       /* compute in the calling thread, whatever the size */
  gboolean building;        /* settings are being filled in: do not recompute yet */
  gboolean loading;         /* settings are being loaded: one "changed" at the end */
};

/* ob-survival-page-settings.c */
/* More distinct values than this make an identifier or a measurement, not levels to list. */
#define OB_SURVIVAL_MAX_LEVELS 30
/* The few distinct values of a column (cached), FALSE when it has more than max. */
gboolean        ob_survival_page_collect_distinct (ObSurvivalPage *self,
                                                   const ObColumn *column,
                                                   guint           max,
                                                   GPtrArray      *out_text,
                                                   GArray         *out_numbers);
GtkWidget      *ob_survival_page_add_check_row    (AdwExpanderRow *expander,
                                                   const char     *title,
                                                   gboolean        active,
                                                   GtkWidget     **out_check);
void            ob_survival_page_build_settings   (ObSurvivalPage *self);
const ObColumn *ob_survival_page_selected_column  (ObSurvivalPage *self,
                                                   AdwComboRow    *row,
                                                   GArray         *columns);
/* NULL-terminated; NULL when nothing is chosen. */
char          **ob_survival_page_event_values     (ObSurvivalPage *self);
char          **ob_survival_page_covariates       (ObSurvivalPage *self);
/* ob-survival-page-filters.c */
void            ob_survival_page_build_filters    (ObSurvivalPage *self);
/* Fills self->mask (NULL: keep every row); returns the number of rows left out. */
gsize           ob_survival_page_build_mask       (ObSurvivalPage *self);
void            ob_survival_page_filter_free      (gpointer filter);

/* ob-survival-page-analysis.c */
void            ob_survival_page_analysis_page_init (ObAnalysisPageInterface *iface);

/* ob-survival-page-words.c */
/* A Methods paragraph and a Results sentence in journal style; NULL without results. */
char           *ob_survival_page_get_methods_text     (ObAnalysisPage *page);
char           *ob_survival_page_get_results_sentence (ObAnalysisPage *page);
/* Adds buttons that copy them under the results (once). */
void            ob_survival_page_show_words           (ObSurvivalPage *self);

/* ob-survival-page-exclude.c */
void            ob_survival_exclusion_free          (gpointer        exclusion);
/* The identifier column (named like one, one value per row), or -1 for row numbers. */
int             ob_survival_page_id_column          (ObSurvivalPage *self);
/* Takes the excluded rows out of *mask (made when NULL); returns how many it had kept. */
gsize           ob_survival_page_apply_exclusions   (ObSurvivalPage *self,
                                                     guint8        **mask);
/* As oncobench-cli spells them: "exclude" ["ID:REASON", …] and "id" COL. */
void            ob_survival_page_save_exclusions    (ObSurvivalPage *self,
                                                     JsonObject     *settings);
gboolean        ob_survival_page_load_exclusions    (ObSurvivalPage *self,
                                                     JsonObject     *settings,
                                                     GError        **error);
/* Leaves a dataset row out (recomputes, logs, emits "changed"), or lets one back in. */
void            ob_survival_page_exclude_row        (ObSurvivalPage *self,
                                                     gsize           row,
                                                     const char     *reason);
void            ob_survival_page_include_again      (ObSurvivalPage *self,
                                                     guint           index);
/* Dataset rows of the patients at the event drop or censoring tick under (x, y) of the
 * view, as last drawn. */
GArray         *ob_survival_page_rows_at            (ObSurvivalPage *self,
                                                     double          x,
                                                     double          y);
/* Shows their rows in a popover, each with "Exclude…"; FALSE when no mark is there. */
gboolean        ob_survival_page_show_rows          (ObSurvivalPage *self,
                                                     double          x,
                                                     double          y);
void            ob_survival_page_update_exclusions_view (ObSurvivalPage *self);

/* ob-survival-page.c */
/* Bit i hides curve i, in the page and in every drawing of its figure. */
void            ob_survival_page_set_hidden_groups  (ObSurvivalPage *self,
                                                     guint64         hidden);
void            ob_survival_page_schedule_recompute (ObSurvivalPage *self);

G_END_DECLS
