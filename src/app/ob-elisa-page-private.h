/* ob-elisa-page-private.h: what the ELISA page's source files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ob-analysis-page.h"
#include "ob-curve-plot.h"
#include "ob-elisa-page.h"
#include "ob-plot-view.h"
#include "ob-standard-curve.h"

G_BEGIN_DECLS

/* The columns an assay reads, in the order of their rows and of ObAssayColumns. */
typedef enum
{
  OB_ELISA_SAMPLE,
  OB_ELISA_TYPE,
  OB_ELISA_CONC,
  OB_ELISA_RESPONSE,
  OB_ELISA_DILUTION,
  OB_ELISA_GROUP,
  OB_ELISA_PLATE,
  OB_ELISA_WELL,
  OB_ELISA_N_ROLES,
} ObElisaRole;

/* The command line's option for each role: --sample, --type, --conc, … */
extern const char * const ob_elisa_role_options[OB_ELISA_N_ROLES];

/* A well left out by hand, and why. */
typedef struct
{
  gsize row;
  char *well;              /* its name in the well column ("PLATE:WELL" with plates), or NULL */
  char *reason;
} ObElisaExclusion;

void ob_elisa_exclusion_free (gpointer exclusion);

struct _ObElisaPage
{
  AdwBin parent_instance;

  ObDataset *dataset;

  AdwComboRow *model_row;
  AdwComboRow *weight_row;
  GtkSpinButton *cv_spin;
  GtkSwitch *exclude_failing_switch;
  GtkSwitch *band_switch;
  GtkSwitch *samples_switch;
  GtkSwitch *limits_switch;
  AdwPreferencesGroup *columns_group;
  AdwComboRow *column_rows[OB_ELISA_N_ROLES];
  GtkDropDown *plate_dropdown;
  GtkStringList *plate_names;
  GtkLabel *title_label;
  GtkPopover *export_popover;
  GtkSpinButton *width_spin;
  GtkSpinButton *height_spin;
  GtkSpinButton *dpi_spin;
  GtkButton *save_as_button;
  GtkButton *plate_save_button;
  GtkButton *compare_button;
  GtkStack *figure_stack;
  ObPlotView *plot_view;
  ObPlotView *plate_view;
  AdwStatusPage *message_page;
  GtkBox *samples_box;
  GtkBox *standards_box;
  GtkBox *fit_box;
  GtkBox *log_box;

  GPtrArray *exclusions;    /* ObElisaExclusion *, in the order made */
  GPtrArray *plates;        /* ObAssayPlate *, the last analysis; NULL without one */
  guint current;            /* the plate shown */
  char *error_message;      /* why there is no analysis, or NULL */

  ObCurvePlot curve;
  ObPlatePlot plate_plot;
  ObCurveLayout *layout;    /* of the last drawing, for hit tests */
  double layout_scale;
  double layout_dx, layout_dy;

  guint recompute_id;
  gboolean building;        /* settings are being set: do not recompute yet */
  gboolean loading;         /* load_settings() at work: it emits "changed" once itself */
};

/* ob-elisa-page.c */
void  ob_elisa_page_recompute          (ObElisaPage *self);
void  ob_elisa_page_schedule_recompute (ObElisaPage *self);
/* The page's settings as the analysis takes them; names point into the dataset. */
void  ob_elisa_page_get_assay          (ObElisaPage     *self,
                                        ObAssayColumns  *columns,
                                        ObAssaySettings *settings);
int   ob_elisa_page_find_exclusion     (ObElisaPage *self,
                                        gsize        row);
/* Emits "changed" unless the settings are being built or loaded. */
void  ob_elisa_page_notify_changed     (ObElisaPage *self);
/* A click on well @index of the plate shown: asks for a reason and leaves it out, or puts
 * a well left out by hand back. */
void  ob_elisa_page_well_clicked       (ObElisaPage *self,
                                        int          index);

/* ob-elisa-page-results.c */
/* Fills the four result tabs for @plate; @self gives the hand-made exclusions to list. */
void  ob_elisa_results_show            (ObElisaPage        *self,
                                        const ObAssayPlate *plate);
void  ob_elisa_results_clear           (ObElisaPage        *self);
char *ob_elisa_results_to_tsv          (const ObAssayPlate *plate,
                                        GPtrArray          *exclusions);
/* What a sample's concentration cell shows: the number, or "<LLOQ" / ">ULOQ" / "—". */
char *ob_elisa_format_conc             (const ObAssaySample *sample);
char *ob_elisa_results_methods         (const ObAssayPlate    *plate,
                                        const ObAssaySettings *settings,
                                        guint                  n_plates,
                                        guint                  n_excluded);
char *ob_elisa_results_sentence        (const ObAssayPlate *plate);

/* ob-elisa-page-samples.c */
/* How many different groups the samples of the analysis belong to. */
guint ob_elisa_page_count_sample_groups    (ObElisaPage *self);
void  ob_elisa_page_compare_samples_action (GtkWidget  *widget,
                                            const char *action_name,
                                            GVariant   *parameter);

/* ob-elisa-page-analysis.c */
void  ob_elisa_page_analysis_page_init (ObAnalysisPageInterface *iface);
void  ob_elisa_page_copy_action        (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *parameter);
void  ob_elisa_page_save_curve_clicked (ObElisaPage *self);
void  ob_elisa_page_save_plate_clicked (ObElisaPage *self);

G_END_DECLS
