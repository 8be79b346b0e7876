/* ob-analysis-page.c: what the window asks of every analysis page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-app"

#include "config.h"

#include <glib/gi18n.h>

#include "ob-analysis-page.h"
#include "ob-plot-export.h"
#include "ob-project.h"

G_DEFINE_INTERFACE (ObAnalysisPage, ob_analysis_page, GTK_TYPE_WIDGET)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Where pages without their own size controls keep the export size. */
typedef struct
{
  double width_mm;
  double height_mm;
  double dpi;
} FigureSize;

static GQuark
figure_size_quark (void)
{
  return g_quark_from_static_string ("ob-analysis-page-figure-size");
}

static FigureSize *
ensure_figure_size (ObAnalysisPage *self)
{
  FigureSize *size = g_object_get_qdata (G_OBJECT (self), figure_size_quark ());

  if (size == NULL)
    {
      size = g_new (FigureSize, 1);
      size->width_mm = 89.0;
      size->height_mm = 70.0;
      size->dpi = OB_PLOT_DEFAULT_DPI;
      g_object_set_qdata_full (G_OBJECT (self), figure_size_quark (), size, g_free);
    }
  return size;
}

static void
default_get_figure_size (ObAnalysisPage *self,
                         double         *width_mm,
                         double         *height_mm,
                         double         *dpi)
{
  const FigureSize *size = ensure_figure_size (self);

  *width_mm = size->width_mm;
  *height_mm = size->height_mm;
  *dpi = size->dpi;
}

static void
default_set_figure_size (ObAnalysisPage *self,
                         double          width_mm,
                         double          height_mm,
                         double          dpi)
{
  FigureSize *size = ensure_figure_size (self);

  size->width_mm = width_mm;
  size->height_mm = height_mm;
  size->dpi = dpi;
}

static void
ob_analysis_page_default_init (ObAnalysisPageInterface *iface)
{
  iface->get_figure_size = default_get_figure_size;
  iface->set_figure_size = default_set_figure_size;

  /**
   * ObAnalysisPage::changed:
   *
   * The user changed a setting (or load_settings() set them all).
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_INTERFACE (iface),
                                   G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

const char *
ob_analysis_page_get_kind (ObAnalysisPage *self)
{
  g_return_val_if_fail (OB_IS_ANALYSIS_PAGE (self), NULL);

  return OB_ANALYSIS_PAGE_GET_IFACE (self)->get_kind (self);
}

ObDataset *
ob_analysis_page_get_dataset (ObAnalysisPage *self)
{
  g_return_val_if_fail (OB_IS_ANALYSIS_PAGE (self), NULL);

  return OB_ANALYSIS_PAGE_GET_IFACE (self)->get_dataset (self);
}

JsonObject *
ob_analysis_page_save_settings (ObAnalysisPage *self)
{
  g_return_val_if_fail (OB_IS_ANALYSIS_PAGE (self), NULL);

  return OB_ANALYSIS_PAGE_GET_IFACE (self)->save_settings (self);
}

gboolean
ob_analysis_page_load_settings (ObAnalysisPage  *self,
                                JsonObject      *settings,
                                GError         **error)
{
  g_return_val_if_fail (OB_IS_ANALYSIS_PAGE (self), FALSE);
  g_return_val_if_fail (settings != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return OB_ANALYSIS_PAGE_GET_IFACE (self)->load_settings (self, settings, error);
}

gboolean
ob_analysis_page_has_figure (ObAnalysisPage *self)
{
  g_return_val_if_fail (OB_IS_ANALYSIS_PAGE (self), FALSE);

  return OB_ANALYSIS_PAGE_GET_IFACE (self)->has_figure (self);
}

void
ob_analysis_page_draw_figure (ObAnalysisPage    *self,
                              cairo_t           *cr,
                              double             width_pt,
                              double             height_pt,
                              const ObPlotStyle *style)
{
  g_return_if_fail (OB_IS_ANALYSIS_PAGE (self));
  g_return_if_fail (cr != NULL && style != NULL);

  if (width_pt <= 0 || height_pt <= 0 || !ob_analysis_page_has_figure (self))
    return;
  cairo_save (cr);
  OB_ANALYSIS_PAGE_GET_IFACE (self)->draw_figure (self, cr, width_pt, height_pt, style);
  cairo_restore (cr);
}

void
ob_analysis_page_get_figure_size (ObAnalysisPage *self,
                                  double         *width_mm,
                                  double         *height_mm,
                                  double         *dpi)
{
  double w, h, d;

  g_return_if_fail (OB_IS_ANALYSIS_PAGE (self));

  OB_ANALYSIS_PAGE_GET_IFACE (self)->get_figure_size (self, &w, &h, &d);
  if (width_mm != NULL)
    *width_mm = w;
  if (height_mm != NULL)
    *height_mm = h;
  if (dpi != NULL)
    *dpi = d;
}

void
ob_analysis_page_set_figure_size (ObAnalysisPage *self,
                                  double          width_mm,
                                  double          height_mm,
                                  double          dpi)
{
  g_return_if_fail (OB_IS_ANALYSIS_PAGE (self));
  g_return_if_fail (width_mm > 0 && height_mm > 0);

  OB_ANALYSIS_PAGE_GET_IFACE (self)->set_figure_size (self, width_mm, height_mm,
                                                      dpi > 0 ? dpi : OB_PLOT_DEFAULT_DPI);
}

char *
ob_analysis_page_get_results_text (ObAnalysisPage *self)
{
  ObAnalysisPageInterface *iface;

  g_return_val_if_fail (OB_IS_ANALYSIS_PAGE (self), NULL);

  iface = OB_ANALYSIS_PAGE_GET_IFACE (self);
  return iface->get_results_text != NULL ? iface->get_results_text (self) : NULL;
}

char *
ob_analysis_page_get_methods_text (ObAnalysisPage *self)
{
  ObAnalysisPageInterface *iface;

  g_return_val_if_fail (OB_IS_ANALYSIS_PAGE (self), NULL);

  iface = OB_ANALYSIS_PAGE_GET_IFACE (self);
  return iface->get_methods_text != NULL ? iface->get_methods_text (self) : NULL;
}

char *
ob_analysis_page_get_results_sentence (ObAnalysisPage *self)
{
  ObAnalysisPageInterface *iface;

  g_return_val_if_fail (OB_IS_ANALYSIS_PAGE (self), NULL);

  iface = OB_ANALYSIS_PAGE_GET_IFACE (self);
  return iface->get_results_sentence != NULL ? iface->get_results_sentence (self) : NULL;
}

GtkWidget *
ob_analysis_page_create_live_controls (ObAnalysisPage *self)
{
  ObAnalysisPageInterface *iface;

  g_return_val_if_fail (OB_IS_ANALYSIS_PAGE (self), NULL);

  iface = OB_ANALYSIS_PAGE_GET_IFACE (self);
  return iface->create_live_controls != NULL ? iface->create_live_controls (self) : NULL;
}

void
ob_analysis_page_changed (ObAnalysisPage *self)
{
  g_return_if_fail (OB_IS_ANALYSIS_PAGE (self));

  g_signal_emit (self, signals[CHANGED], 0);
}

static GQuark
data_sha256_quark (void)
{
  return g_quark_from_static_string ("ob-analysis-page-data-sha256");
}

void
ob_analysis_page_set_data_sha256 (ObAnalysisPage *self,
                                  const char     *sha256)
{
  g_return_if_fail (OB_IS_ANALYSIS_PAGE (self));

  g_object_set_qdata_full (G_OBJECT (self), data_sha256_quark (), g_strdup (sha256), g_free);
}

ObPlotRecipe *
ob_analysis_page_build_recipe (ObAnalysisPage *self)
{
  g_autoptr(JsonObject) settings = NULL;
  ObPlotRecipe *recipe;
  ObDataset *dataset;
  const char *source = NULL;
  const char *sha256;
  g_autofree char *on_disk = NULL;

  g_return_val_if_fail (OB_IS_ANALYSIS_PAGE (self), NULL);

  dataset = ob_analysis_page_get_dataset (self);
  if (dataset != NULL)
    source = ob_dataset_get_source_path (dataset);
  settings = ob_analysis_page_save_settings (self);
  recipe = ob_plot_recipe_new (ob_analysis_page_get_kind (self), settings);

  sha256 = g_object_get_qdata (G_OBJECT (self), data_sha256_quark ());
  if (sha256 == NULL && source != NULL)
    sha256 = on_disk = ob_project_file_sha256 (source, NULL);
  ob_plot_recipe_set_data (recipe, source, sha256);
  return recipe;
}

char *
ob_analysis_page_get_recipe (ObAnalysisPage *self)
{
  g_autoptr(ObPlotRecipe) recipe = NULL;

  g_return_val_if_fail (OB_IS_ANALYSIS_PAGE (self), NULL);

  recipe = ob_analysis_page_build_recipe (self);
  return ob_plot_recipe_to_json (recipe);
}

gboolean
ob_analysis_page_export_titled (ObAnalysisPage  *self,
                                ObPlotFormat     format,
                                const char      *path,
                                double           width_mm,
                                double           height_mm,
                                double           dpi,
                                const char      *title,
                                ObPlotDrawFunc   draw,
                                gpointer         user_data,
                                GError         **error)
{
  g_autoptr(ObPlotRecipe) recipe = NULL;

  g_return_val_if_fail (OB_IS_ANALYSIS_PAGE (self), FALSE);

  recipe = ob_analysis_page_build_recipe (self);
  return ob_plot_export_with_recipe (format, path, width_mm, height_mm, dpi, title, recipe,
                                     draw, user_data, error);
}

typedef struct
{
  ObAnalysisPage *page;
  ObPlotStyle style;
} ExportData;

static void
export_draw (cairo_t  *cr,
             double    width_pt,
             double    height_pt,
             gpointer  user_data)
{
  ExportData *data = user_data;

  ob_analysis_page_draw_figure (data->page, cr, width_pt, height_pt, &data->style);
}

gboolean
ob_analysis_page_export (ObAnalysisPage     *self,
                         const char         *path,
                         double              width_mm,
                         double              height_mm,
                         double              dpi,
                         const ObPlotStyle  *style,
                         GError            **error)
{
  ObPlotFormat format;
  ExportData data;
  g_autofree char *title = NULL;
  g_autofree char *base = NULL;

  g_return_val_if_fail (OB_IS_ANALYSIS_PAGE (self), FALSE);
  g_return_val_if_fail (path != NULL && style != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ob_analysis_page_has_figure (self))
    {
      g_set_error (error, OB_ERROR, OB_ERROR_NO_DATA,
                   _("There is no figure to export yet: choose the analysis’ columns first."));
      return FALSE;
    }
  if (!ob_plot_format_from_path (path, &format, error))
    return FALSE;

  data.page = self;
  data.style = *style;
  data.style.vector = ob_plot_format_is_vector (format);
  /* The document title says which analysis made the figure, so a file found on disk can
   * be traced back. */
  base = g_path_get_basename (path);
  title = g_strdup_printf ("Oncobench %s: %s", ob_analysis_page_get_kind (self), base);
  return ob_analysis_page_export_titled (self, format, path, width_mm, height_mm, dpi, title,
                                         export_draw, &data, error);
}

static GPtrArray *kinds;   /* ObAnalysisKind * */

void
ob_analysis_kind_register (const char            *kind,
                           const char            *title,
                           const char            *icon_name,
                           ObAnalysisPageNewFunc  new_page)
{
  ObAnalysisKind *entry;

  g_return_if_fail (kind != NULL && title != NULL && new_page != NULL);

  entry = (ObAnalysisKind *) ob_analysis_kind_lookup (kind);
  if (entry == NULL)
    {
      if (kinds == NULL)
        kinds = g_ptr_array_new ();
      entry = g_new0 (ObAnalysisKind, 1);
      g_ptr_array_add (kinds, entry);
    }
  entry->kind = kind;
  entry->title = title;
  entry->icon_name = icon_name;
  entry->new_page = new_page;
}

const ObAnalysisKind *
ob_analysis_kind_lookup (const char *kind)
{
  for (guint i = 0; kinds != NULL && kind != NULL && i < kinds->len; i++)
    {
      const ObAnalysisKind *entry = g_ptr_array_index (kinds, i);

      if (g_str_equal (entry->kind, kind))
        return entry;
    }
  return NULL;
}

gboolean
ob_analysis_page_select_column (AdwComboRow     *row,
                                const ObDataset *dataset,
                                const char      *column)
{
  int index;

  if (column == NULL)
    {
      adw_combo_row_set_selected (row, 0);
      return TRUE;
    }
  index = ob_dataset_find_column (dataset, column);
  if (index < 0)
    return FALSE;
  adw_combo_row_set_selected (row, (guint) index + 1);
  return TRUE;
}

int
ob_analysis_page_find_role (const char * const *options,
                            guint               n,
                            const char         *role)
{
  for (guint r = 0; r < n; r++)
    if (g_strcmp0 (role, options[r]) == 0)
      return (int) r;
  return -1;
}
