/* ob-compare-page-private.h: what the compare page's source files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ob-analysis-page.h"
#include "ob-anova.h"
#include "ob-compare-page.h"
#include "ob-group-plot.h"
#include "ob-group-tests.h"
#include "ob-plot-view.h"

G_BEGIN_DECLS

/* In the order of the test row and of the command line's names. */
typedef enum
{
  OB_COMPARE_WELCH,
  OB_COMPARE_STUDENT,
  OB_COMPARE_PAIRED,
  OB_COMPARE_MANN_WHITNEY,
  OB_COMPARE_ANOVA,
  OB_COMPARE_WELCH_ANOVA,
  OB_COMPARE_KRUSKAL,
  OB_COMPARE_TWOWAY,
  OB_COMPARE_N_TESTS,
} ObCompareTest;

const char *ob_compare_test_to_string   (ObCompareTest test);
gboolean    ob_compare_test_from_string (const char *str, ObCompareTest *out);
gboolean    ob_compare_test_is_two_group (ObCompareTest test);
/* What the page picks before the user does: two-way with a second factor, Welch's t for two
 * groups, one-way ANOVA for more.  Never chosen by a look at the data's distribution. */
ObCompareTest ob_compare_default_test   (guint n_groups, gboolean factor2);
/* Tukey after ANOVA, Games–Howell after Welch's ANOVA, Dunn after Kruskal–Wallis, Šidák
 * after two-way ANOVA. */
ObPosthoc   ob_compare_default_posthoc  (ObCompareTest test);
const char *ob_compare_posthoc_to_string (ObPosthoc posthoc);

/* What one computation needs, copied from the settings. */
typedef struct
{
  ObDataset *dataset;
  char *value_column;
  char *group_column;
  char *factor2_column;     /* NULL: none */
  ObCompareTest test;
  gboolean test_chosen;     /* FALSE: the default for the data's number of groups */
  ObPosthoc posthoc;
  gboolean posthoc_chosen;
  char *pair_a;             /* two-group tests among more groups; NULL: the first two */
  char *pair_b;
  char **where;             /* "COL=VALUE" filters as --where takes them; NULL: every row */
  char *id_column;          /* a paired test's subject column (--id); NULL: row order */
  /* Values carried with their interval and flag (an ELISA's samples), as --flag, --lower,
   * --upper, --lloq and --uloq: rows flagged <LLOQ or >ULOQ have no number to test. */
  char *flag_column;
  char *lower_column;
  char *upper_column;
  double lloq;              /* NAN: the largest lloq cell of the rows below it */
  double uloq;
} ObCompareJob;

void ob_compare_job_free (ObCompareJob *job);

/* One line of the descriptives: a group, or a cell of group × second-factor level. */
typedef struct
{
  char *name;
  ObDescriptives desc;
  gboolean has_normality;   /* Shapiro–Wilk needs 3 to 5000 values that are not all equal */
  ObShapiroWilk normality;
} ObCompareGroup;

typedef struct
{
  ObGroupData *data;        /* every group */
  ObGroupData *pair_data;   /* the two groups tested, when the data hold more; else NULL */
  ObCompareTest test;
  char *method;             /* "Welch's t test", … as the command line writes it */
  double statistic;
  double df;
  double df2;               /* F tests; NAN otherwise */
  double p;
  guint which[2];           /* two-group tests: the groups a and b in data */
  ObTTest t;                /* t tests */
  gboolean exact;           /* Mann–Whitney */
  ObTwoway twoway;
  gboolean has_posthoc;
  ObPosthoc posthoc;
  ObPairwise *pairs;        /* the post-hoc comparisons, or the two-group test's one pair */
  gsize n_pairs;
  ObPairwise figure_pair;   /* a two-group test's pair, numbered as in pair_data */
  ObCompareGroup *groups;   /* the groups tested (the cells of a two-way design) */
  guint n_groups;
  char *value_column;
  char *group_column;
  char *factor2_column;
  gsize n_rows;             /* of the table */
  gsize n_kept;             /* rows the filters keep */
  char **where;             /* the job's filters, or NULL */
  gsize *where_kept;        /* per filter of the job, the rows it keeps alone */
  gboolean by_id;           /* a paired test's pairs by the ID column */
  gsize n_paired;
  gsize n_unpaired;         /* values whose ID is in one group only */
  /* Each drawn value's interval, aligned with the figure data's values; NULL without. */
  double *lower;
  double *upper;
  /* The rows flagged beyond a limit, per group of the figure data; NULL without flags. */
  gboolean has_flags;
  gsize *n_below;
  gsize *n_above;
  gsize n_below_total;
  gsize n_above_total;
  gsize n_lost;             /* flagged rows of groups without any number */
  double lloq;
  double uloq;
} ObCompareResults;

void ob_compare_results_free (ObCompareResults *results);
/* The data drawn: the two groups tested, or every group. */
const ObGroupData *ob_compare_results_figure_data (const ObCompareResults *results);

/* NULL with an error when the settings do not make a comparison. */
ObCompareResults *ob_compare_job_run (const ObCompareJob *job,
                                      GError            **error);

/* ob-compare-page-rows.c: the rows a job compares */
/* The job's filters and flags as a row mask (NULL when every row counts), with the counts
 * and limits they give put in @results; *flagged (NULL without a flag column) holds per row
 * 1 for <LLOQ, 2 for >ULOQ, 0 otherwise. */
gboolean ob_compare_job_mask      (const ObCompareJob *job,
                                   ObCompareResults   *results,
                                   guint8            **mask,
                                   guint8            **flagged,
                                   GError            **error);
/* Per value drawn, its interval; per group drawn, the flagged rows. */
void     ob_compare_results_limits (const ObCompareJob *job,
                                    ObCompareResults   *results,
                                    const guint8       *flagged);

/* Fills @box (emptied first) with the test, the descriptives, the comparisons and the
 * normality tests, one section a child. */
void  ob_compare_results_show   (const ObCompareResults *results,
                                 GtkFlowBox             *box);
void  ob_compare_results_clear  (GtkFlowBox             *box);
/* The same as tab-separated text, for the clipboard. */
char *ob_compare_results_to_tsv (const ObCompareResults *results);
/* A Methods paragraph and a Results sentence for a manuscript. */
char *ob_compare_results_methods  (const ObCompareResults *results);
char *ob_compare_results_sentence (const ObCompareResults *results);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ObCompareJob, ob_compare_job_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ObCompareResults, ob_compare_results_free)

struct _ObComparePage
{
  AdwBin parent_instance;

  ObDataset *dataset;

  AdwComboRow *value_row;
  AdwComboRow *group_row;
  AdwComboRow *factor2_row;
  AdwComboRow *test_row;
  AdwComboRow *pair_a_row;
  AdwComboRow *pair_b_row;
  AdwComboRow *id_row;
  AdwComboRow *posthoc_row;
  AdwComboRow *lower_row;
  AdwComboRow *upper_row;
  AdwComboRow *flag_row;
  AdwEntryRow *lloq_row;
  AdwEntryRow *uloq_row;
  GtkWidget *filter_bar;
  GtkBox *filter_box;       /* one chip a filter, in the bar above the chart */
  AdwComboRow *chart_row;
  AdwComboRow *error_row;
  AdwComboRow *p_format_row;
  GtkSwitch *show_ns_switch;
  GtkSwitch *log_switch;
  GtkLabel *title_label;
  GtkPopover *export_popover;
  GtkSpinButton *width_spin;
  GtkSpinButton *height_spin;
  GtkSpinButton *dpi_spin;
  GtkButton *save_as_button;
  GtkStack *figure_stack;
  ObPlotView *plot_view;
  AdwStatusPage *message_page;
  GtkFlowBox *results_box;

  GArray *value_columns;    /* guint column indices behind each combo row */
  GArray *group_columns;
  GArray *factor2_columns;  /* position 0 is "None" */
  GArray *id_columns;       /* position 0 is "None" in these three */
  GArray *bound_columns;
  GArray *flag_columns;
  GtkStringList *pair_names;
  char **where;             /* the filters, "COL=VALUE" as --where; NULL for none */

  gboolean test_chosen;     /* the user picked the test; else it follows the data */
  gboolean posthoc_chosen;
  gboolean chart_chosen;

  ObCompareResults *results;
  ObGroupPlot plot;
  ObGroupLayout *layout;    /* of the last drawing, for hit tests */
  double layout_scale;
  double layout_dx, layout_dy;

  guint recompute_id;
  GCancellable *cancellable;  /* of the computation running in a thread, if any */
  gboolean synchronous;       /* compute in the calling thread, whatever the size */
  gboolean building;        /* settings are being set: do not recompute yet */
  gboolean loading;         /* load_settings() at work: it emits "changed" once itself */
};

/* ob-compare-page.c */
/* The user chose other columns: the test follows the new groups until chosen again. */
void ob_compare_page_columns_changed (ObComparePage *self);
/* The user chose the test: its comparisons follow it until chosen again. */
void ob_compare_page_test_changed    (ObComparePage *self);
void ob_compare_page_posthoc_changed (ObComparePage *self);
/* Another pair, filter, subject column or limit: the same test on other rows. */
void ob_compare_page_rows_changed    (ObComparePage *self);
/* Computes now, whatever is pending. */
void ob_compare_page_recompute       (ObComparePage *self);

/* ob-compare-page-options.c: subject column, filters, intervals and limits */
void     ob_compare_page_options_build      (ObComparePage *self);
void     ob_compare_page_options_connect    (ObComparePage *self);
void     ob_compare_page_options_fill_job   (ObComparePage *self,
                                             ObCompareJob  *job);
/* After a computation (results may be NULL): the filter chips, the rows that apply. */
void     ob_compare_page_options_sync       (ObComparePage *self);
void     ob_compare_page_options_setup_plot (ObComparePage *self);
void     ob_compare_page_options_save       (ObComparePage *self,
                                             JsonObject    *settings);
/* While the page is building: sets the rows from settings; FALSE with a message naming the
 * option when one does not fit. */
gboolean ob_compare_page_options_load       (ObComparePage *self,
                                             JsonObject    *settings,
                                             GError       **error);
/* A string member of saved settings; NULL when absent or not a string. */
const char *ob_compare_page_settings_string (JsonObject *settings,
                                             const char *member);
/* Selects the column that settings name for @option; when absent, "None", or the row as it
 * is with @keep_when_absent.  FALSE with a message naming the option when it does not fit. */
gboolean ob_compare_page_load_column        (ObComparePage *self,
                                             JsonObject    *settings,
                                             const char    *option,
                                             AdwComboRow   *row,
                                             GArray        *columns,
                                             gboolean       keep_when_absent,
                                             GError       **error);
/* Selects by name among a row's columns; NULL for "None". */
gboolean ob_compare_page_select_column      (ObComparePage *self,
                                             AdwComboRow   *row,
                                             GArray        *columns,
                                             const char    *name);

/* ob-compare-page-analysis.c */
void ob_compare_page_analysis_page_init (ObAnalysisPageInterface *iface);
void ob_compare_page_copy_action        (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *parameter);
void ob_compare_page_save_as_clicked    (ObComparePage *self);

G_END_DECLS
