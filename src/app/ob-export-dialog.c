/* ob-export-dialog.c: one export dialog for every figure, and the figure on the clipboard
 *
 * The preview is the exported figure itself, drawn at the chosen size and scaled to fit, so
 * what is seen is what the journal gets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-app"

#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo-svg.h>
#include <glib/gi18n.h>

#include "ob-export-dialog.h"

#define MM_PER_INCH 25.4

/* Column widths from the journals' artwork guidelines (check them before submitting: they
 * change), and PowerPoint's widescreen and standard slides. */
static const ObExportPreset presets[] = {
  { "custom", N_("Custom"), 0, 0 },
  { "nature-single", N_("Nature, single column"), 89, 0 },
  { "nature-1.5", N_("Nature, 1.5 columns"), 120, 0 },
  { "nature-double", N_("Nature, double column"), 183, 0 },
  { "cell-single", N_("Cell, single column"), 85, 0 },
  { "cell-1.5", N_("Cell, 1.5 columns"), 114, 0 },
  { "cell-double", N_("Cell, double column"), 174, 0 },
  { "nejm-single", N_("NEJM, single column"), 84, 0 },
  { "nejm-1.5", N_("NEJM, 1.5 columns"), 127, 0 },
  { "nejm-double", N_("NEJM, double column"), 178, 0 },
  { "lancet-single", N_("Lancet, single column"), 75, 0 },
  { "lancet-1.5", N_("Lancet, 1.5 columns"), 114, 0 },
  { "lancet-double", N_("Lancet, double column"), 154, 0 },
  { "jco-single", N_("JCO, single column"), 86, 0 },
  { "jco-1.5", N_("JCO, 1.5 columns"), 130, 0 },
  { "jco-double", N_("JCO, double column"), 178, 0 },
  { "slide-16-9", N_("Slide, 16:9"), 338.67, 190.5 },
  { "slide-4-3", N_("Slide, 4:3"), 254, 190.5 },
};

static const ObPlotFormat formats[] = {
  OB_PLOT_FORMAT_PDF, OB_PLOT_FORMAT_SVG, OB_PLOT_FORMAT_EPS, OB_PLOT_FORMAT_PNG,
  OB_PLOT_FORMAT_TIFF,
};
static const ObPlotPalette palettes[] = {
  OB_PLOT_PALETTE_OKABE_ITO, OB_PLOT_PALETTE_GREYSCALE, OB_PLOT_PALETTE_VIRIDIS,
};

struct _ObExportDialog
{
  AdwWindow parent_instance;

  ObAnalysisPage *page;
  GSettings *settings;
  double aspect;            /* height / width of the figure when the dialog opened */
  gboolean updating;

  AdwComboRow *format_row;
  AdwComboRow *preset_row;
  AdwComboRow *units_row;
  GtkSpinButton *width_spin;
  GtkSpinButton *height_spin;
  GtkSpinButton *dpi_spin;
  GtkWidget *dpi_row;
  AdwEntryRow *font_row;
  GtkSpinButton *font_size_spin;
  AdwComboRow *palette_row;
  GtkWidget *preview;
  GtkWidget *size_label;
};

G_DEFINE_FINAL_TYPE (ObExportDialog, ob_export_dialog, ADW_TYPE_WINDOW)

/* Presets and style */

const ObExportPreset *
ob_export_presets (guint *n_presets)
{
  *n_presets = G_N_ELEMENTS (presets);
  return presets;
}

const ObExportPreset *
ob_export_preset_lookup (const char *id)
{
  for (guint i = 0; id != NULL && i < G_N_ELEMENTS (presets); i++)
    if (g_str_equal (presets[i].id, id))
      return &presets[i];
  return NULL;
}

static GSettings *
get_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "default-palette"))
    return NULL;
  return g_settings_new (APPLICATION_ID);
}

void
ob_export_style_from_settings (ObPlotStyle *style)
{
  g_autoptr(GSettings) settings = get_settings ();
  g_autofree char *palette = NULL;

  ob_plot_style_init (style);
  if (settings == NULL)
    return;
  palette = g_settings_get_string (settings, "default-palette");
  ob_plot_palette_from_string (palette, &style->palette);
}

/* Rendering to memory */

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

GBytes *
ob_export_render_bytes (ObAnalysisPage     *page,
                        ObPlotFormat        format,
                        double              width_mm,
                        double              height_mm,
                        double              dpi,
                        const ObPlotStyle  *style,
                        GError            **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(ObPlotRecipe) recipe = NULL;
  double width_pt = OB_MM_TO_PT (width_mm), height_pt = OB_MM_TO_PT (height_mm);
  ObPlotStyle copy = *style;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (format == OB_PLOT_FORMAT_PNG || format == OB_PLOT_FORMAT_SVG, NULL);

  copy.vector = format == OB_PLOT_FORMAT_SVG;
  if (format == OB_PLOT_FORMAT_SVG)
    surface = cairo_svg_surface_create_for_stream (append_bytes, bytes, width_pt, height_pt);
  else
    {
      double scale = (dpi > 0 ? dpi : OB_PLOT_DEFAULT_DPI) / 72.0;

      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                            (int) (width_pt * scale + 0.5),
                                            (int) (height_pt * scale + 0.5));
      cairo_surface_set_device_scale (surface, scale, scale);
    }
  cr = cairo_create (surface);
  /* Pasted onto a coloured slide, a figure keeps its white paper. */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  ob_analysis_page_draw_figure (page, cr, width_pt, height_pt, &copy);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS && format == OB_PLOT_FORMAT_PNG)
    status = cairo_surface_write_to_png_stream (surface, append_bytes, bytes);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, OB_ERROR, OB_ERROR_FAILED, _("Could not draw the figure: %s"),
                   cairo_status_to_string (status));
      return NULL;
    }
  /* A figure pasted into slides can be traced like an exported one. */
  recipe = ob_analysis_page_build_recipe (page);
  recipe->width_mm = width_mm;
  recipe->height_mm = height_mm;
  recipe->dpi = format == OB_PLOT_FORMAT_PNG ? (dpi > 0 ? dpi : OB_PLOT_DEFAULT_DPI) : 0;
  recipe->format = g_strdup (ob_plot_format_to_string (format));
  if (!ob_plot_recipe_embed (recipe, recipe->format, bytes, error))
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

gboolean
ob_export_copy_figure (ObAnalysisPage     *page,
                       GdkClipboard       *clipboard,
                       double              width_mm,
                       double              height_mm,
                       double              dpi,
                       const ObPlotStyle  *style,
                       GError            **error)
{
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GBytes) svg = NULL;
  GdkContentProvider *providers[2];
  g_autoptr(GdkContentProvider) both = NULL;

  g_return_val_if_fail (OB_IS_ANALYSIS_PAGE (page), FALSE);
  g_return_val_if_fail (GDK_IS_CLIPBOARD (clipboard), FALSE);

  if (!ob_analysis_page_has_figure (page))
    {
      g_set_error_literal (error, OB_ERROR, OB_ERROR_NO_DATA,
                           _("There is no figure to copy yet."));
      return FALSE;
    }
  png = ob_export_render_bytes (page, OB_PLOT_FORMAT_PNG, width_mm, height_mm, dpi, style,
                                error);
  if (png == NULL)
    return FALSE;
  svg = ob_export_render_bytes (page, OB_PLOT_FORMAT_SVG, width_mm, height_mm, dpi, style,
                                error);
  if (svg == NULL)
    return FALSE;
  providers[0] = gdk_content_provider_new_for_bytes ("image/png", png);
  providers[1] = gdk_content_provider_new_for_bytes ("image/svg+xml", svg);
  both = gdk_content_provider_new_union (providers, 2);
  return gdk_clipboard_set_content (clipboard, both);
}

/* The dialog */

static double
unit_factor (ObExportDialog *self)
{
  return adw_combo_row_get_selected (self->units_row) == 1 ? MM_PER_INCH : 1.0;
}

static ObPlotFormat
selected_format (ObExportDialog *self)
{
  guint i = adw_combo_row_get_selected (self->format_row);

  return formats[i < G_N_ELEMENTS (formats) ? i : 0];
}

void
ob_export_dialog_get_size (ObExportDialog *self,
                           double         *width_mm,
                           double         *height_mm,
                           double         *dpi)
{
  g_return_if_fail (OB_IS_EXPORT_DIALOG (self));

  if (width_mm != NULL)
    *width_mm = gtk_spin_button_get_value (self->width_spin) * unit_factor (self);
  if (height_mm != NULL)
    *height_mm = gtk_spin_button_get_value (self->height_spin) * unit_factor (self);
  if (dpi != NULL)
    *dpi = gtk_spin_button_get_value (self->dpi_spin);
}

void
ob_export_dialog_get_style (ObExportDialog *self,
                            ObPlotStyle    *style)
{
  const char *font;
  guint palette;

  g_return_if_fail (OB_IS_EXPORT_DIALOG (self));

  ob_plot_style_init (style);
  palette = adw_combo_row_get_selected (self->palette_row);
  style->palette = palettes[palette < G_N_ELEMENTS (palettes) ? palette : 0];
  style->dashes = style->palette == OB_PLOT_PALETTE_GREYSCALE;
  font = gtk_editable_get_text (GTK_EDITABLE (self->font_row));
  if (*font != '\0')
    g_strlcpy (style->font_family, font, sizeof style->font_family);
  style->font_size = gtk_spin_button_get_value (self->font_size_spin);
  style->vector = ob_plot_format_is_vector (selected_format (self));
}

static void
set_size_mm (ObExportDialog *self,
             double          width_mm,
             double          height_mm)
{
  self->updating = TRUE;
  gtk_spin_button_set_value (self->width_spin, width_mm / unit_factor (self));
  gtk_spin_button_set_value (self->height_spin, height_mm / unit_factor (self));
  self->updating = FALSE;
}

static void
update_preview (ObExportDialog *self)
{
  double width, height, dpi;
  g_autofree char *text = NULL;

  ob_export_dialog_get_size (self, &width, &height, &dpi);
  if (ob_plot_format_is_vector (selected_format (self)))
    /* TRANSLATORS: the exported figure's size, e.g. "89 × 70 mm" */
    text = g_strdup_printf (_("%.0f × %.0f mm"), width, height);
  else
    /* TRANSLATORS: an image's size, e.g. "89 × 70 mm, 1051 × 827 pixels" */
    text = g_strdup_printf (_("%.0f × %.0f mm, %.0f × %.0f pixels"), width, height,
                            width / MM_PER_INCH * dpi, height / MM_PER_INCH * dpi);
  gtk_label_set_text (GTK_LABEL (self->size_label), text);
  gtk_widget_set_visible (self->dpi_row, !ob_plot_format_is_vector (selected_format (self)));
  gtk_widget_queue_draw (self->preview);
}

static void
preset_changed_cb (ObExportDialog *self)
{
  guint i = adw_combo_row_get_selected (self->preset_row);
  const ObExportPreset *preset;

  if (self->updating || i == 0 || i >= G_N_ELEMENTS (presets))
    return;
  preset = &presets[i];
  set_size_mm (self, preset->width_mm,
               preset->height_mm > 0 ? preset->height_mm : preset->width_mm * self->aspect);
  update_preview (self);
}

static void
size_changed_cb (ObExportDialog *self)
{
  double width, height;

  if (self->updating)
    return;
  /* A size typed by hand is no longer the preset's. */
  ob_export_dialog_get_size (self, &width, &height, NULL);
  self->aspect = height / MAX (width, 1);
  self->updating = TRUE;
  adw_combo_row_set_selected (self->preset_row, 0);
  self->updating = FALSE;
  update_preview (self);
}

static void
units_changed_cb (ObExportDialog *self)
{
  double width_mm = gtk_spin_button_get_value (self->width_spin);
  double height_mm = gtk_spin_button_get_value (self->height_spin);
  guint digits = adw_combo_row_get_selected (self->units_row) == 1 ? 2 : 1;

  /* The spins still hold the previous unit's numbers: inches when mm is chosen now. */
  if (adw_combo_row_get_selected (self->units_row) == 0)
    {
      width_mm *= MM_PER_INCH;
      height_mm *= MM_PER_INCH;
    }
  gtk_spin_button_set_digits (self->width_spin, digits);
  gtk_spin_button_set_digits (self->height_spin, digits);
  set_size_mm (self, width_mm, height_mm);
  update_preview (self);
}

static void
draw_preview_cb (GtkDrawingArea *area,
                 cairo_t        *cr,
                 int             width,
                 int             height,
                 gpointer        user_data)
{
  ObExportDialog *self = user_data;
  double width_mm, height_mm, width_pt, height_pt, scale, x, y;
  double grey = adw_style_manager_get_dark (adw_style_manager_get_default ()) ? 0.22 : 0.88;
  ObPlotStyle style;

  ob_export_dialog_get_size (self, &width_mm, &height_mm, NULL);
  ob_export_dialog_get_style (self, &style);
  width_pt = OB_MM_TO_PT (width_mm);
  height_pt = OB_MM_TO_PT (height_mm);
  scale = MIN ((width - 24.0) / width_pt, (height - 24.0) / height_pt);
  if (scale <= 0)
    return;
  x = floor ((width - width_pt * scale) / 2);
  y = floor ((height - height_pt * scale) / 2);

  cairo_set_source_rgb (cr, grey, grey, grey);
  cairo_paint (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.15);
  cairo_rectangle (cr, x + 1, y + 2, width_pt * scale, height_pt * scale);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, x, y, width_pt * scale, height_pt * scale);
  cairo_fill (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, scale, scale);
  ob_analysis_page_draw_figure (self->page, cr, width_pt, height_pt, &style);
}

gboolean
ob_export_dialog_set_preset (ObExportDialog *self,
                             const char     *id)
{
  g_return_val_if_fail (OB_IS_EXPORT_DIALOG (self), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    if (g_str_equal (presets[i].id, id))
      {
        adw_combo_row_set_selected (self->preset_row, i);
        preset_changed_cb (self);
        return TRUE;
      }
  return FALSE;
}

gboolean
ob_export_dialog_export_to (ObExportDialog  *self,
                            const char      *path,
                            GError         **error)
{
  double width, height, dpi;
  ObPlotStyle style;

  g_return_val_if_fail (OB_IS_EXPORT_DIALOG (self), FALSE);

  ob_export_dialog_get_size (self, &width, &height, &dpi);
  ob_export_dialog_get_style (self, &style);
  if (!ob_analysis_page_export (self->page, path, width, height, dpi, &style, error))
    return FALSE;
  /* The page remembers the size it was last exported at, and so does its project. */
  ob_analysis_page_set_figure_size (self->page, width, height, dpi);
  return TRUE;
}

static void
save_response_cb (GtkNativeDialog *chooser,
                  int              response,
                  ObExportDialog  *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    return;
  if (strrchr (path, '.') == NULL || strrchr (path, '.') < strrchr (path, G_DIR_SEPARATOR))
    {
      char *with = g_strconcat (path, ".", ob_plot_format_to_string (selected_format (self)),
                                NULL);

      g_free (path);
      path = with;
    }
  if (!ob_export_dialog_export_to (self, path, &error))
    {
      AdwMessageDialog *message;

      message = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                            _("Could Not Export the Figure"),
                                                            error->message));
      adw_message_dialog_add_response (message, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (message));
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

static void
export_clicked_cb (ObExportDialog *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  const char *extension = ob_plot_format_to_string (selected_format (self));
  g_autofree char *pattern = g_strconcat ("*.", extension, NULL);
  g_autofree char *name = NULL;
  const char *source = NULL;
  g_autofree char *stem = NULL;

  if (ob_analysis_page_get_dataset (self->page) != NULL)
    source = ob_dataset_get_source_path (ob_analysis_page_get_dataset (self->page));
  stem = source != NULL ? g_path_get_basename (source) : g_strdup ("figure");
  if (strrchr (stem, '.') != NULL && strrchr (stem, '.') != stem)
    *strrchr (stem, '.') = '\0';
  name = g_strdup_printf ("%s-%s.%s", stem, ob_analysis_page_get_kind (self->page), extension);

  chooser = gtk_file_chooser_native_new (_("Export Figure"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, extension);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (save_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
copy_clicked_cb (ObExportDialog *self)
{
  double width, height, dpi;
  ObPlotStyle style;
  g_autoptr(GError) error = NULL;

  ob_export_dialog_get_size (self, &width, &height, &dpi);
  ob_export_dialog_get_style (self, &style);
  if (!ob_export_copy_figure (self->page, gtk_widget_get_clipboard (GTK_WIDGET (self)), width,
                              height, dpi, &style, &error))
    g_message ("Could not copy the figure: %s", error->message);
}

/* Building */

static AdwComboRow *
add_combo (AdwPreferencesGroup *group,
           const char          *title,
           const char * const  *items)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  for (guint i = 0; items[i] != NULL; i++)
    gtk_string_list_append (list, gettext (items[i]));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (list));
  adw_preferences_group_add (group, row);
  return ADW_COMBO_ROW (row);
}

static GtkSpinButton *
add_spin (AdwPreferencesGroup *group,
          const char          *title,
          double               lower,
          double               upper,
          double               step,
          guint                digits,
          GtkWidget          **out_row)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (lower, upper, step);

  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), digits);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  adw_preferences_group_add (group, row);
  if (out_row != NULL)
    *out_row = row;
  return GTK_SPIN_BUTTON (spin);
}

static void
build (ObExportDialog *self)
{
  static const char *format_items[] = {
    N_("PDF (vector)"), N_("SVG (vector)"), N_("EPS (vector)"), N_("PNG (image)"),
    N_("TIFF (image)"), NULL,
  };
  static const char *unit_items[] = { N_("Millimetres"), N_("Inches"), NULL };
  static const char *palette_items[] = {
    N_("Okabe–Ito (colour-blind safe)"), N_("Greyscale"), N_("Viridis"), NULL,
  };
  const char *preset_items[G_N_ELEMENTS (presets) + 1];
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *export_button = gtk_button_new_with_mnemonic (_("_Export…"));
  GtkWidget *copy_button = gtk_button_new_with_mnemonic (_("_Copy"));
  GtkWidget *paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *preview_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  AdwPreferencesGroup *file_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *size_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *type_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    preset_items[i] = presets[i].name;
  preset_items[G_N_ELEMENTS (presets)] = NULL;

  gtk_window_set_title (GTK_WINDOW (self), _("Export Figure"));
  gtk_window_set_default_size (GTK_WINDOW (self), 900, 600);

  gtk_widget_add_css_class (export_button, "suggested-action");
  gtk_widget_set_tooltip_text (copy_button, _("Copy the figure as PNG and SVG, to paste into "
                                              "slides"));
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), export_button);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), copy_button);
  gtk_box_append (GTK_BOX (content), header);

  adw_preferences_group_set_title (file_group, _("File"));
  self->format_row = add_combo (file_group, _("Format"), format_items);
  self->dpi_spin = add_spin (file_group, _("Resolution (dpi)"), 72, 2400, 50, 0,
                             &self->dpi_row);

  adw_preferences_group_set_title (size_group, _("Size"));
  self->preset_row = add_combo (size_group, _("Preset"), preset_items);
  self->units_row = add_combo (size_group, _("Units"), unit_items);
  self->width_spin = add_spin (size_group, _("Width"), 0.5, 1000, 1, 1, NULL);
  self->height_spin = add_spin (size_group, _("Height"), 0.5, 1000, 1, 1, NULL);

  adw_preferences_group_set_title (type_group, _("Style"));
  self->font_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->font_row), _("Font Family"));
  adw_preferences_group_add (type_group, GTK_WIDGET (self->font_row));
  self->font_size_spin = add_spin (type_group, _("Base Font Size (pt)"), 4, 48, 0.5, 1, NULL);
  self->palette_row = add_combo (type_group, _("Palette"), palette_items);

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), file_group);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), size_group);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), type_group);
  gtk_widget_set_size_request (page, 340, -1);

  self->preview = gtk_drawing_area_new ();
  gtk_widget_set_hexpand (self->preview, TRUE);
  gtk_widget_set_vexpand (self->preview, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->preview), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Preview of the exported figure"), -1);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->preview), draw_preview_cb, self,
                                  NULL);
  self->size_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->size_label, "dim-label");
  gtk_widget_set_margin_bottom (self->size_label, 6);
  gtk_box_append (GTK_BOX (preview_box), self->preview);
  gtk_box_append (GTK_BOX (preview_box), self->size_label);

  gtk_paned_set_start_child (GTK_PANED (paned), page);
  gtk_paned_set_end_child (GTK_PANED (paned), preview_box);
  gtk_paned_set_shrink_start_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_resize_start_child (GTK_PANED (paned), FALSE);
  gtk_widget_set_vexpand (paned, TRUE);
  gtk_box_append (GTK_BOX (content), paned);
  adw_window_set_content (ADW_WINDOW (self), content);

  g_signal_connect_swapped (export_button, "clicked", G_CALLBACK (export_clicked_cb), self);
  g_signal_connect_swapped (copy_button, "clicked", G_CALLBACK (copy_clicked_cb), self);
}

static void
ob_export_dialog_dispose (GObject *object)
{
  ObExportDialog *self = OB_EXPORT_DIALOG (object);

  g_clear_object (&self->page);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ob_export_dialog_parent_class)->dispose (object);
}

static void
ob_export_dialog_class_init (ObExportDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = ob_export_dialog_dispose;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ob_export_dialog_init (ObExportDialog *self)
{
  build (self);
}

GtkWidget *
ob_export_dialog_new (GtkWindow      *parent,
                      ObAnalysisPage *page)
{
  ObExportDialog *self;
  double width, height, dpi;
  ObPlotStyle style;

  g_return_val_if_fail (OB_IS_ANALYSIS_PAGE (page), NULL);

  self = g_object_new (OB_TYPE_EXPORT_DIALOG, "transient-for", parent, "modal", TRUE, NULL);
  self->page = g_object_ref (page);
  self->settings = get_settings ();

  ob_analysis_page_get_figure_size (page, &width, &height, &dpi);
  self->aspect = height / MAX (width, 1);
  ob_export_style_from_settings (&style);
  self->updating = TRUE;
  if (self->settings != NULL)
    {
      g_autofree char *units = g_settings_get_string (self->settings, "figure-units");

      adw_combo_row_set_selected (self->units_row, g_strcmp0 (units, "in") == 0);
    }
  gtk_spin_button_set_digits (self->width_spin, adw_combo_row_get_selected (self->units_row)
                                                ? 2 : 1);
  gtk_spin_button_set_digits (self->height_spin, adw_combo_row_get_selected (self->units_row)
                                                 ? 2 : 1);
  gtk_spin_button_set_value (self->dpi_spin, dpi);
  gtk_editable_set_text (GTK_EDITABLE (self->font_row), style.font_family);
  gtk_spin_button_set_value (self->font_size_spin, style.font_size);
  for (guint i = 0; i < G_N_ELEMENTS (palettes); i++)
    if (palettes[i] == style.palette)
      adw_combo_row_set_selected (self->palette_row, i);
  self->updating = FALSE;
  set_size_mm (self, width, height);

  g_signal_connect_swapped (self->preset_row, "notify::selected", G_CALLBACK (preset_changed_cb),
                            self);
  g_signal_connect_swapped (self->units_row, "notify::selected", G_CALLBACK (units_changed_cb),
                            self);
  g_signal_connect_swapped (self->width_spin, "value-changed", G_CALLBACK (size_changed_cb), self);
  g_signal_connect_swapped (self->height_spin, "value-changed", G_CALLBACK (size_changed_cb),
                            self);
  g_signal_connect_swapped (self->dpi_spin, "value-changed", G_CALLBACK (update_preview), self);
  g_signal_connect_swapped (self->format_row, "notify::selected", G_CALLBACK (update_preview),
                            self);
  g_signal_connect_swapped (self->palette_row, "notify::selected", G_CALLBACK (update_preview),
                            self);
  g_signal_connect_swapped (self->font_size_spin, "value-changed", G_CALLBACK (update_preview),
                            self);
  g_signal_connect_swapped (self->font_row, "changed", G_CALLBACK (update_preview), self);

  /* The journal the user usually writes for comes first. */
  if (self->settings != NULL)
    {
      g_autofree char *preset = g_settings_get_string (self->settings, "journal-preset");
      const ObExportPreset *p = ob_export_preset_lookup (preset);

      if (p != NULL && p->width_mm > 0 && fabs (p->width_mm - width) > 0.05)
        ob_export_dialog_set_preset (self, preset);
    }
  update_preview (self);
  return GTK_WIDGET (self);
}
