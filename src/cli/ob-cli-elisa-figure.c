/* ob-cli-elisa-figure.c — `elisa --figure` and `--plate-figure`: each plate's curve and map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ob-cli-elisa-private.h"
#include "ob-cli-project.h"
#include "ob-curve-plot.h"
#include "ob-plot-export.h"

#define DEFAULT_WIDTH_MM 89.0
#define DEFAULT_HEIGHT_MM 70.0
#define PLATE_HEIGHT_MM 62.0

void
ob_cli_elisa_figure_clear (ObCliElisaFigure *f)
{
  g_clear_pointer (&f->figure, g_free);
  g_clear_pointer (&f->plate_figure, g_free);
  g_clear_pointer (&f->size, g_free);
  g_clear_pointer (&f->x_label, g_free);
  g_clear_pointer (&f->y_label, g_free);
}

static gboolean
parse_size (const char *size, double *width_mm, double *height_mm)
{
  g_auto(GStrv) parts = NULL;
  char *end;

  if (size == NULL)
    return TRUE;
  parts = g_strsplit_set (size, "xX", 2);
  if (g_strv_length (parts) != 2)
    return FALSE;
  *width_mm = g_ascii_strtod (parts[0], &end);
  if (end == parts[0] || *end != '\0')
    return FALSE;
  *height_mm = g_ascii_strtod (parts[1], &end);
  if (end == parts[1] || *end != '\0')
    return FALSE;
  return *width_mm >= 20 && *height_mm >= 20 && *width_mm <= 1000 && *height_mm <= 1000;
}

gboolean
ob_cli_elisa_figure_check (const ObCliElisaFigure *f,
                           GError                **error)
{
  ObPlotFormat format;
  double w, h;

  if (f->figure == NULL && f->plate_figure == NULL)
    {
      if (f->size != NULL || f->dpi != 0 || f->x_label != NULL || f->y_label != NULL)
        {
          g_set_error_literal (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                               _("--size, --dpi, --x-label and --y-label shape the figure: name "
                                 "its file with --figure FILE"));
          return FALSE;
        }
      return TRUE;
    }
  if (!parse_size (f->size, &w, &h))
    {
      g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                   _("--size “%s”: expected WIDTHxHEIGHT in mm, e.g. 89x70"), f->size);
      return FALSE;
    }
  if (f->dpi != 0 && !(f->dpi >= 72 && f->dpi <= 2400))
    {
      g_set_error_literal (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                           _("--dpi must be between 72 and 2400"));
      return FALSE;
    }
  return (f->figure == NULL || ob_plot_format_from_path (f->figure, &format, error))
         && (f->plate_figure == NULL
             || ob_plot_format_from_path (f->plate_figure, &format, error));
}

/* With several plates, "curve.pdf" becomes "curve-P1.pdf", "curve-P2.pdf", …: the plate's
 * name made safe for a file name. */
static char *
plate_path (const char *path, const ObAssayPlate *plate, guint index, guint n_plates)
{
  g_autofree char *name = NULL;
  const char *dot, *slash;

  if (n_plates <= 1)
    return g_strdup (path);
  name = plate->plate != NULL ? g_strdup (plate->plate) : g_strdup_printf ("%u", index + 1);
  for (char *p = name; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_' && *p != '.')
      *p = '_';
  dot = strrchr (path, '.');
  slash = strrchr (path, G_DIR_SEPARATOR);
  if (dot == NULL || (slash != NULL && dot < slash))
    return g_strdup_printf ("%s-%s", path, name);
  return g_strdup_printf ("%.*s-%s%s", (int) (dot - path), path, name, dot);
}

gboolean
ob_cli_elisa_figure_write (const ObCliElisaFigure *f,
                           GPtrArray              *plates,
                           GError                **error)
{
  double w = DEFAULT_WIDTH_MM, h = DEFAULT_HEIGHT_MM;
  double dpi = f->dpi > 0 ? f->dpi : OB_PLOT_DEFAULT_DPI;

  if (!ob_cli_elisa_figure_check (f, error))
    return FALSE;
  parse_size (f->size, &w, &h);
  for (guint i = 0; i < plates->len; i++)
    {
      const ObAssayPlate *plate = g_ptr_array_index (plates, i);
      ObPlotFormat format;

      if (f->figure != NULL)
        {
          g_autofree char *path = plate_path (f->figure, plate, i, plates->len);
          ObCurvePlot plot;

          ob_curve_plot_init (&plot, plate);
          plot.x_label = f->x_label;
          plot.y_label = f->y_label;
          if (plates->len > 1)
            plot.title = plate->plate;
          ob_plot_format_from_path (path, &format, NULL);
          if (!ob_cli_project_export_figure ("elisa", format, path, w, h, dpi,
                                             ob_curve_plot_draw_func, &plot, error))
            return FALSE;
        }
      if (f->plate_figure != NULL)
        {
          g_autofree char *path = plate_path (f->plate_figure, plate, i, plates->len);
          ObPlatePlot map;

          ob_plate_plot_init (&map, plate);
          ob_plot_format_from_path (path, &format, NULL);
          if (!ob_cli_project_export_figure ("elisa", format, path, w,
                                             f->size != NULL ? h : PLATE_HEIGHT_MM, dpi,
                                             ob_plate_plot_draw_func, &map, error))
            return FALSE;
        }
    }
  return TRUE;
}
