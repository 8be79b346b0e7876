/* ob-export-dialog.h: one export dialog for every figure, and the figure on the clipboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ob-analysis-page.h"
#include "ob-plot-export.h"

G_BEGIN_DECLS

typedef struct
{
  const char *id;          /* "nature-single", saved in the preferences */
  const char *name;        /* untranslated, N_("Nature, single column") */
  double width_mm;
  double height_mm;        /* 0: keep the figure's proportions */
} ObExportPreset;

/* Journal column widths and slide sizes, in the order the dialog lists them. */
const ObExportPreset *ob_export_presets          (guint      *n_presets);
const ObExportPreset *ob_export_preset_lookup    (const char *id);

/* The journal style with the preferred palette (GSettings), or the defaults without them. */
void                  ob_export_style_from_settings (ObPlotStyle *style);

/* The figure as PNG or SVG bytes, at width × height mm (dpi for PNG). */
GBytes               *ob_export_render_bytes     (ObAnalysisPage     *page,
                                                  ObPlotFormat        format,
                                                  double              width_mm,
                                                  double              height_mm,
                                                  double              dpi,
                                                  const ObPlotStyle  *style,
                                                  GError            **error);
/* Puts the figure on the clipboard as both image/png and image/svg+xml, so slides and
 * drawing programs each take the one they prefer. */
gboolean              ob_export_copy_figure      (ObAnalysisPage     *page,
                                                  GdkClipboard       *clipboard,
                                                  double              width_mm,
                                                  double              height_mm,
                                                  double              dpi,
                                                  const ObPlotStyle  *style,
                                                  GError            **error);

#define OB_TYPE_EXPORT_DIALOG (ob_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ObExportDialog, ob_export_dialog, OB, EXPORT_DIALOG, AdwWindow)

GtkWidget *ob_export_dialog_new         (GtkWindow      *parent,
                                         ObAnalysisPage *page);
/* For tests and scripts: what the dialog's controls hold. */
gboolean   ob_export_dialog_set_preset  (ObExportDialog *self,
                                         const char     *id);
void       ob_export_dialog_get_size    (ObExportDialog *self,
                                         double         *width_mm,
                                         double         *height_mm,
                                         double         *dpi);
void       ob_export_dialog_get_style   (ObExportDialog *self,
                                         ObPlotStyle    *style);
/* Writes the file as the Export button would, the format chosen in the dialog. */
gboolean   ob_export_dialog_export_to   (ObExportDialog *self,
                                         const char     *path,
                                         GError        **error);

G_END_DECLS
