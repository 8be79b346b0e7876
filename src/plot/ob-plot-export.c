/* ob-plot-export.c: one figure renderer, written to PDF, SVG, EPS, PNG or TIFF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-plot"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>
#include <cairo-pdf.h>
#include <cairo-ps.h>
#include <cairo-svg.h>

#include "ob-dataset.h"
#include "ob-plot-export.h"
#include "ob-plot-tiff.h"

static const char *const format_names[] = { "pdf", "svg", "eps", "png", "tiff" };

const char *
ob_plot_format_to_string (ObPlotFormat fmt)
{
  g_return_val_if_fail (fmt < G_N_ELEMENTS (format_names), NULL);
  return format_names[fmt];
}

gboolean
ob_plot_format_from_string (const char *str, ObPlotFormat *out)
{
  for (guint i = 0; i < G_N_ELEMENTS (format_names); i++)
    if (str != NULL && g_ascii_strcasecmp (str, format_names[i]) == 0)
      {
        *out = (ObPlotFormat) i;
        return TRUE;
      }
  if (str != NULL && g_ascii_strcasecmp (str, "tif") == 0)
    {
      *out = OB_PLOT_FORMAT_TIFF;
      return TRUE;
    }
  return FALSE;
}

gboolean
ob_plot_format_from_path (const char *path, ObPlotFormat *out, GError **error)
{
  const char *dot = path ? strrchr (path, '.') : NULL;

  if (dot == NULL || !ob_plot_format_from_string (dot + 1, out))
    {
      g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                   _("Cannot tell the figure format of “%s”: "
                     "name it .pdf, .svg, .eps, .png or .tif"),
                   path ? path : "");
      return FALSE;
    }
  return TRUE;
}

gboolean
ob_plot_format_is_vector (ObPlotFormat fmt)
{
  return fmt != OB_PLOT_FORMAT_PNG && fmt != OB_PLOT_FORMAT_TIFF;
}

gboolean
ob_plot_export (ObPlotFormat fmt, const char *path, double width_mm, double height_mm,
                double dpi, ObPlotDrawFunc draw, gpointer user_data, GError **error)
{
  return ob_plot_export_titled (fmt, path, width_mm, height_mm, dpi, NULL, draw, user_data,
                                error);
}

static gboolean
check_status (cairo_status_t status, const char *path, GError **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, OB_ERROR, OB_ERROR_FAILED, _("Could not write the figure “%s”: %s"),
               path, status == CAIRO_STATUS_WRITE_ERROR
                       ? _("the file cannot be written (check the folder exists and is writable)")
                       : cairo_status_to_string (status));
  return FALSE;
}

static cairo_status_t
append_bytes (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static guint32
png_crc (const guint8 *data, gsize len)
{
  guint32 crc = 0xffffffffu;

  for (gsize i = 0; i < len; i++)
    {
      crc ^= data[i];
      for (int k = 0; k < 8; k++)
        crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1)));
    }
  return crc ^ 0xffffffffu;
}

static void
put_be32 (guint8 *p, guint32 v)
{
  p[0] = (guint8) (v >> 24);
  p[1] = (guint8) (v >> 16);
  p[2] = (guint8) (v >> 8);
  p[3] = (guint8) v;
}

/* cairo writes no resolution; without a pHYs chunk, word processors and journal upload
 * checks take the figure for 72 dpi and shrink or reject it. */
static gboolean
write_bytes (const char *path, GByteArray *bytes, GError **error)
{
  g_autoptr (GError) local = NULL;

  if (!g_file_set_contents (path, (const char *) bytes->data, bytes->len, &local))
    {
      g_set_error (error, OB_ERROR, OB_ERROR_FAILED, _("Could not write the figure “%s”: %s"),
                   path, local->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_png (cairo_surface_t *surface, const char *path, double dpi, const ObPlotRecipe *recipe,
           GError **error)
{
  g_autoptr (GByteArray) png = g_byte_array_new ();
  g_autoptr (GByteArray) out = g_byte_array_new ();
  guint8 chunk[4 + 4 + 9 + 4];
  guint32 ppm = (guint32) lround (dpi / 0.0254);
  const gsize after_ihdr = 8 + 4 + 4 + 13 + 4;

  if (!check_status (cairo_surface_write_to_png_stream (surface, append_bytes, png), path,
                     error))
    return FALSE;
  g_return_val_if_fail (png->len > after_ihdr && memcmp (png->data + 12, "IHDR", 4) == 0,
                        FALSE);

  put_be32 (chunk, 9);
  memcpy (chunk + 4, "pHYs", 4);
  put_be32 (chunk + 8, ppm);
  put_be32 (chunk + 12, ppm);
  chunk[16] = 1;   /* unit: metre */
  put_be32 (chunk + 17, png_crc (chunk + 4, 4 + 9));
  g_byte_array_append (out, png->data, after_ihdr);
  g_byte_array_append (out, chunk, sizeof chunk);
  g_byte_array_append (out, png->data + after_ihdr, png->len - after_ihdr);

  if (recipe != NULL && !ob_plot_recipe_embed (recipe, "png", out, error))
    return FALSE;
  return write_bytes (path, out, error);
}

gboolean
ob_plot_export_titled (ObPlotFormat fmt, const char *path, double width_mm, double height_mm,
                       double dpi, const char *title, ObPlotDrawFunc draw, gpointer user_data,
                       GError **error)
{
  return ob_plot_export_with_recipe (fmt, path, width_mm, height_mm, dpi, title, NULL, draw,
                                     user_data, error);
}

/* The EPS header is 7-bit text of lines at most 255 characters long. */
static void
set_eps_title (cairo_surface_t *surface, const char *title)
{
  g_autoptr (GString) line = g_string_new ("%%Title: ");

  for (const char *p = title; *p != '\0' && line->len < 250; p++)
    g_string_append_c (line, (guchar) *p >= 0x20 && (guchar) *p < 0x7f ? *p : '_');
  cairo_ps_surface_dsc_comment (surface, line->str);
}

gboolean
ob_plot_export_with_recipe (ObPlotFormat fmt, const char *path, double width_mm,
                            double height_mm, double dpi, const char *title,
                            ObPlotRecipe *recipe, ObPlotDrawFunc draw, gpointer user_data,
                            GError **error)
{
  g_autoptr (GByteArray) bytes = NULL;
  double w = OB_MM_TO_PT (width_mm), h = OB_MM_TO_PT (height_mm);
  cairo_surface_t *surface = NULL;
  cairo_t *cr;
  cairo_status_t status;
  gboolean ok;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (draw != NULL, FALSE);

  if (!(width_mm > 0 && height_mm > 0 && width_mm <= 2000 && height_mm <= 2000))
    {
      g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                   _("A figure of %g × %g mm cannot be drawn: give a size between 1 and 2000 mm"),
                   width_mm, height_mm);
      return FALSE;
    }
  if (dpi <= 0)
    dpi = OB_PLOT_DEFAULT_DPI;
  if (recipe != NULL)
    {
      g_free (recipe->format);
      recipe->format = g_strdup (ob_plot_format_to_string (fmt));
      recipe->width_mm = width_mm;
      recipe->height_mm = height_mm;
      recipe->dpi = ob_plot_format_is_vector (fmt) ? 0 : dpi;
      /* The recipe goes into vector files once cairo is done: they are kept in memory. */
      if (ob_plot_format_is_vector (fmt))
        bytes = g_byte_array_new ();
    }

  switch (fmt)
    {
    case OB_PLOT_FORMAT_PDF:
      {
        g_autofree char *base = g_path_get_basename (path);
        g_autofree char *creator = g_strdup_printf ("Oncobench %s", PACKAGE_VERSION);

        surface = bytes != NULL ? cairo_pdf_surface_create_for_stream (append_bytes, bytes, w, h)
                                : cairo_pdf_surface_create (path, w, h);
        if (recipe != NULL)
          ob_plot_recipe_set_pdf_metadata (recipe, surface, title ? title : base);
        else
          {
            cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                            title ? title : base);
            cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, creator);
          }
        break;
      }
    case OB_PLOT_FORMAT_SVG:
      surface = bytes != NULL ? cairo_svg_surface_create_for_stream (append_bytes, bytes, w, h)
                              : cairo_svg_surface_create (path, w, h);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PT);
      break;
    case OB_PLOT_FORMAT_EPS:
      surface = bytes != NULL ? cairo_ps_surface_create_for_stream (append_bytes, bytes, w, h)
                              : cairo_ps_surface_create (path, w, h);
      cairo_ps_surface_set_eps (surface, TRUE);
      if (title != NULL || recipe != NULL)
        {
          g_autofree char *base = g_path_get_basename (path);

          set_eps_title (surface, title ? title : base);
        }
      break;
    case OB_PLOT_FORMAT_PNG:
    case OB_PLOT_FORMAT_TIFF:
      {
        int pw = (int) ceil (width_mm / 25.4 * dpi - 1e-6);
        int ph = (int) ceil (height_mm / 25.4 * dpi - 1e-6);

        if ((double) pw * ph > 400e6)
          {
            g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                         _("A %d × %d pixel image is too large: lower the resolution"), pw, ph);
            return FALSE;
          }
        surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, pw, ph);
        break;
      }
    default:
      g_return_val_if_reached (FALSE);
    }

  if (!check_status (cairo_surface_status (surface), path, error))
    {
      cairo_surface_destroy (surface);
      return FALSE;
    }

  cr = cairo_create (surface);
  if (!ob_plot_format_is_vector (fmt))
    {
      /* Journals reject transparent figures; and RGB24 starts black. */
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_scale (cr, dpi / 72.0, dpi / 72.0);
    }
  draw (cr, w, h, user_data);
  cairo_show_page (cr);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS && !ob_plot_format_is_vector (fmt))
    {
      g_autofree char *description = recipe ? ob_plot_recipe_to_description (recipe) : NULL;

      ok = fmt == OB_PLOT_FORMAT_TIFF
           ? ob_plot_write_tiff_described (surface, path, dpi, description, error)
           : write_png (surface, path, dpi, recipe, error);
      cairo_surface_destroy (surface);
      return ok;
    }
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  ok = check_status (status, path, error);
  if (ok && bytes != NULL)
    ok = ob_plot_recipe_embed (recipe, ob_plot_format_to_string (fmt), bytes, error)
         && write_bytes (path, bytes, error);
  return ok;
}
