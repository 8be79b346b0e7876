/* ob-analysis-page.h: what the window asks of every analysis page
 *
 * The window saves, restores, presents, exports and undoes analyses through this interface
 * alone, so a new kind of analysis needs no change outside its own page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <json-glib/json-glib.h>

#include "ob-dataset.h"
#include "ob-plot-export.h"
#include "ob-plot-style.h"

G_BEGIN_DECLS

#define OB_TYPE_ANALYSIS_PAGE (ob_analysis_page_get_type ())
G_DECLARE_INTERFACE (ObAnalysisPage, ob_analysis_page, OB, ANALYSIS_PAGE, GtkWidget)

struct _ObAnalysisPageInterface
{
  GTypeInterface parent_iface;

  /* Required. */

  /* "survival", "compare", "elisa" or "growth": the oncobench-cli command that re-runs it. */
  const char *(*get_kind)          (ObAnalysisPage *self);
  ObDataset  *(*get_dataset)       (ObAnalysisPage *self);
  /* The settings as the command line spells them: member = option without "--", value a
   * string, an array of strings (repeatable options such as "where"), a number, or true for
   * a switch.  Options at their default may be left out.  Never "figure", "size", "dpi" or
   * "save-project": the figure's size belongs to get_figure_size(). */
  JsonObject *(*save_settings)     (ObAnalysisPage *self);
  /* Sets the page from such an object (members it does not know are ignored, missing ones
   * take their defaults) and recomputes; emits "changed" once at most.  FALSE with an error
   * naming the option when a value does not fit the dataset; the page is then unchanged. */
  gboolean    (*load_settings)     (ObAnalysisPage *self,
                                    JsonObject     *settings,
                                    GError        **error);
  /* FALSE while the settings make no figure (nothing chosen yet, a failed fit). */
  gboolean    (*has_figure)        (ObAnalysisPage *self);
  /* Draws the current figure into cr, whose user space is in points, at width_pt ×
   * height_pt with style (journal, slide, or the export dialog's choice); the page's own
   * choices (groups shown, CI bands, tables) apply.  Draws nothing without a figure. */
  void        (*draw_figure)       (ObAnalysisPage    *self,
                                    cairo_t           *cr,
                                    double             width_pt,
                                    double             height_pt,
                                    const ObPlotStyle *style);

  /* Optional: NULL falls back to the default noted. */

  /* The export size the page shows (default: 89 × 70 mm at 300 dpi, kept per page). */
  void        (*get_figure_size)   (ObAnalysisPage *self,
                                    double         *width_mm,
                                    double         *height_mm,
                                    double         *dpi);
  void        (*set_figure_size)   (ObAnalysisPage *self,
                                    double          width_mm,
                                    double          height_mm,
                                    double          dpi);
  /* The results panel as tab-separated text, as Copy puts it on the clipboard (default
   * NULL). */
  char       *(*get_results_text)  (ObAnalysisPage *self);
  /* A "Methods" paragraph: what was computed, with which options and software version
   * (default NULL). */
  char       *(*get_methods_text)  (ObAnalysisPage *self);
  /* A "Results" sentence in journal style (default NULL). */
  char       *(*get_results_sentence) (ObAnalysisPage *self);
  /* A row of toggles for the figure that stay usable while presenting (groups shown, CI
   * bands…), acting on the page itself so every change emits "changed"; NULL: none. */
  GtkWidget  *(*create_live_controls) (ObAnalysisPage *self);
};

const char *ob_analysis_page_get_kind             (ObAnalysisPage    *self);
ObDataset  *ob_analysis_page_get_dataset          (ObAnalysisPage    *self);
JsonObject *ob_analysis_page_save_settings        (ObAnalysisPage    *self);
gboolean    ob_analysis_page_load_settings        (ObAnalysisPage    *self,
                                                   JsonObject        *settings,
                                                   GError           **error);
gboolean    ob_analysis_page_has_figure           (ObAnalysisPage    *self);
void        ob_analysis_page_draw_figure          (ObAnalysisPage    *self,
                                                   cairo_t           *cr,
                                                   double             width_pt,
                                                   double             height_pt,
                                                   const ObPlotStyle *style);
void        ob_analysis_page_get_figure_size      (ObAnalysisPage    *self,
                                                   double            *width_mm,
                                                   double            *height_mm,
                                                   double            *dpi);
void        ob_analysis_page_set_figure_size      (ObAnalysisPage    *self,
                                                   double             width_mm,
                                                   double             height_mm,
                                                   double             dpi);
char       *ob_analysis_page_get_results_text     (ObAnalysisPage    *self);
char       *ob_analysis_page_get_methods_text     (ObAnalysisPage    *self);
char       *ob_analysis_page_get_results_sentence (ObAnalysisPage    *self);
GtkWidget  *ob_analysis_page_create_live_controls (ObAnalysisPage    *self);

/* Pages call this after every change of their settings (not after loading them, which
 * emits it itself): the window marks the project unsaved and records an undo step. */
void        ob_analysis_page_changed              (ObAnalysisPage    *self);

/* Writes the figure drawn by draw_figure() with style to path, the format taken from the
 * extension (.pdf, .svg, .eps, .png, .tif); dpi matters for PNG and TIFF only.  Vector
 * formats get style->vector set, raster ones have it cleared. */
gboolean    ob_analysis_page_export               (ObAnalysisPage    *self,
                                                   const char        *path,
                                                   double             width_mm,
                                                   double             height_mm,
                                                   double             dpi,
                                                   const ObPlotStyle *style,
                                                   GError           **error);
/* How the figure was made, as one line of JSON for metadata and captions (the JSON of
 * ob_analysis_page_build_recipe()). */
char       *ob_analysis_page_get_recipe           (ObAnalysisPage    *self);
/* The recipe every exported figure carries: kind, get_save_settings() (so the exclusions
 * too), the dataset's file and its SHA-256. */
ObPlotRecipe *ob_analysis_page_build_recipe       (ObAnalysisPage    *self);
/* The SHA-256 of the dataset's file as it was read (the window knows it); without it the
 * recipe hashes the file as it is on disk at export, NULL when it is gone. */
void        ob_analysis_page_set_data_sha256      (ObAnalysisPage    *self,
                                                   const char        *sha256);
/* ob_plot_export_titled() for a page's own figure, carrying the page's recipe. */
gboolean    ob_analysis_page_export_titled        (ObAnalysisPage    *self,
                                                   ObPlotFormat       format,
                                                   const char        *path,
                                                   double             width_mm,
                                                   double             height_mm,
                                                   double             dpi,
                                                   const char        *title,
                                                   ObPlotDrawFunc     draw,
                                                   gpointer           user_data,
                                                   GError           **error);

/* The kinds the window can make, so it opens any saved analysis without knowing its page. */
typedef GtkWidget *(*ObAnalysisPageNewFunc) (ObDataset *dataset);

typedef struct
{
  const char *kind;             /* "survival" */
  const char *title;            /* untranslated, N_("Survival Analysis") */
  const char *icon_name;
  ObAnalysisPageNewFunc new_page;
} ObAnalysisKind;

/* Strings are not copied: give static ones.  Registering a kind again replaces it. */
void                  ob_analysis_kind_register (const char            *kind,
                                                 const char            *title,
                                                 const char            *icon_name,
                                                 ObAnalysisPageNewFunc  new_page);
/* NULL when no page of that kind is built in. */
const ObAnalysisKind *ob_analysis_kind_lookup   (const char            *kind);

/* Column pickers whose first item is "None": selects column in row (NULL: None); FALSE when
 * the dataset has no such column. */
gboolean ob_analysis_page_select_column (AdwComboRow     *row,
                                         const ObDataset *dataset,
                                         const char      *column);
/* The index of role among n option names, or -1. */
int      ob_analysis_page_find_role     (const char * const *options,
                                         guint               n,
                                         const char         *role);

G_END_DECLS
