/* test-export.c: every format writes a valid file of the asked size
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-test"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "ob-dataset.h"
#include "ob-plot-export.h"
#include "ob-plot-text.h"

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("ob-export-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_autoptr (GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

static void
draw_sample (cairo_t *cr, double w, double h, gpointer user_data)
{
  ObPlotStyle style;
  g_autoptr (ObPlotText) text = NULL;
  int *calls = user_data;

  ob_plot_style_init (&style);
  text = ob_plot_text_new (&style);
  cairo_set_source_rgb (cr, 0, 0.45, 0.7);
  cairo_set_line_width (cr, 1);
  cairo_rectangle (cr, 10, 10, w - 20, h - 20);
  cairo_stroke (cr);
  ob_plot_text_draw (text, cr, "Number at risk 生存", w / 2, h / 2, 0.5, 0.5);
  (*calls)++;
}

/* PDF holds binary streams: g_strstr_len() would stop at their first NUL. */
static gboolean
contains (const char *data, gsize len, const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= len; i++)
    if (memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

static guint32
read_be32 (const guchar *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static void
test_formats (Fixture *f, gconstpointer data)
{
  struct { const char *name; const char *magic; } files[] = {
    { "figure.pdf", "%PDF-" },
    { "figure.svg", "<?xml" },
    { "figure.eps", "%!PS-Adobe-3.0 EPSF-3.0" },
    { "figure.png", "\x89PNG\r\n\x1a\n" },
    { "figure.tif", "II*\0" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (f->dir, files[i].name, NULL);
      g_autoptr (GError) error = NULL;
      g_autofree char *contents = NULL;
      gsize len;
      ObPlotFormat fmt;
      int calls = 0;

      g_assert_true (ob_plot_format_from_path (path, &fmt, &error));
      g_assert_no_error (error);
      if (fmt != OB_PLOT_FORMAT_TIFF)
        g_assert_cmpstr (ob_plot_format_to_string (fmt), ==, strrchr (files[i].name, '.') + 1);
      g_assert_true (ob_plot_export (fmt, path, 89, 80, 300, draw_sample, &calls, &error));
      g_assert_no_error (error);
      g_assert_cmpint (calls, ==, 1);
      g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
      g_assert_cmpuint (len, >, 100);
      g_assert_cmpmem (contents, strlen (files[i].magic), files[i].magic,
                       strlen (files[i].magic));

      if (fmt == OB_PLOT_FORMAT_SVG)
        {
          g_assert_nonnull (strstr (contents, "<svg"));
          /* Sizes in points so the figure keeps its millimetres. */
          g_assert_nonnull (strstr (contents, "width=\"252.283"));
        }
      if (fmt == OB_PLOT_FORMAT_PDF)
        {
          g_assert_true (contains (contents, len, "Oncobench " PACKAGE_VERSION));
          g_assert_true (contains (contents, len, "figure.pdf"));
          /* 89 × 80 mm = 252.28 × 226.77 pt */
          g_assert_true (contains (contents, len, "/MediaBox [ 0 0 252.283465 226.771654 ]"));
        }
      if (fmt == OB_PLOT_FORMAT_EPS)
        {
          g_assert_true (contains (contents, len, "%%BoundingBox:"));
          /* Text as outlines: nothing for a print shop to substitute. */
          g_assert_false (contains (contents, len, "/FontName"));
        }
    }
}

static void
test_png_size (Fixture *f, gconstpointer data)
{
  double dpis[] = { 72, 300, 600 };

  for (guint i = 0; i < G_N_ELEMENTS (dpis); i++)
    {
      g_autofree char *path = g_build_filename (f->dir, "size.png", NULL);
      g_autoptr (GError) error = NULL;
      g_autofree guchar *contents = NULL;
      gsize len;
      int calls = 0;
      guint32 w, h;
      cairo_surface_t *img;

      g_assert_true (ob_plot_export (OB_PLOT_FORMAT_PNG, path, 85, 60, dpis[i], draw_sample,
                                     &calls, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, (char **) &contents, &len, NULL));
      g_assert_cmpuint (len, >, 33);
      g_assert_cmpmem (contents + 12, 4, "IHDR", 4);
      w = read_be32 (contents + 16);
      h = read_be32 (contents + 20);
      g_assert_cmpuint (w, ==, (guint32) ceil (85 / 25.4 * dpis[i] - 1e-6));
      g_assert_cmpuint (h, ==, (guint32) ceil (60 / 25.4 * dpis[i] - 1e-6));

      /* The resolution travels with the file (pixels per metre), right after IHDR. */
      g_assert_cmpuint (len, >, 33 + 21);
      g_assert_cmpuint (read_be32 (contents + 33), ==, 9);
      g_assert_cmpmem (contents + 37, 4, "pHYs", 4);
      g_assert_cmpuint (read_be32 (contents + 41), ==, (guint32) lround (dpis[i] / 0.0254));
      g_assert_cmpuint (read_be32 (contents + 45), ==, (guint32) lround (dpis[i] / 0.0254));
      g_assert_cmpuint (contents[49], ==, 1);

      /* White paper, not transparent or black: a corner pixel. */
      img = cairo_image_surface_create_from_png (path);
      g_assert_cmpint (cairo_surface_status (img), ==, CAIRO_STATUS_SUCCESS);
      cairo_surface_flush (img);
      g_assert_cmphex (((guint32 *) cairo_image_surface_get_data (img))[0] & 0xffffff, ==,
                       0xffffff);
      cairo_surface_destroy (img);
    }
}

static guint32
le (const guchar *p, int bytes)
{
  guint32 v = 0;

  for (int i = bytes - 1; i >= 0; i--)
    v = (v << 8) | p[i];
  return v;
}

/* Reads the baseline tags back and unpacks the first and a middle row. */
static void
test_tiff (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "figure.TIFF", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree guchar *tiff = NULL;
  gsize len;
  ObPlotFormat fmt;
  int calls = 0;
  guint32 ifd, width = 0, height = 0, compression = 0, offsets = 0, res = 0, unit = 0;
  guint n;

  g_assert_true (ob_plot_format_from_path (path, &fmt, NULL));
  g_assert_cmpint (fmt, ==, OB_PLOT_FORMAT_TIFF);
  g_assert_false (ob_plot_format_is_vector (fmt));
  g_assert_true (ob_plot_export (fmt, path, 40, 20, 600, draw_sample, &calls, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, (char **) &tiff, &len, NULL));
  g_assert_cmpmem (tiff, 4, "II*\0", 4);
  ifd = le (tiff + 4, 4);
  g_assert_cmpuint (ifd + 2, <, len);
  n = le (tiff + ifd, 2);
  for (guint i = 0; i < n; i++)
    {
      const guchar *e = tiff + ifd + 2 + 12 * i;
      guint32 tag = le (e, 2), type = le (e + 2, 2), value = le (e + 8, type == 3 ? 2 : 4);

      if (tag == 256)
        width = value;
      else if (tag == 257)
        height = value;
      else if (tag == 259)
        compression = value;
      else if (tag == 273)
        offsets = value;
      else if (tag == 282)
        res = le (tiff + value, 4) / le (tiff + value + 4, 4);
      else if (tag == 296)
        unit = value;
    }
  g_assert_cmpuint (width, ==, (guint32) ceil (40 / 25.4 * 600 - 1e-6));
  g_assert_cmpuint (height, ==, (guint32) ceil (20 / 25.4 * 600 - 1e-6));
  g_assert_cmpuint (compression, ==, 32773);
  g_assert_cmpuint (res, ==, 600);
  g_assert_cmpuint (unit, ==, 2);

  /* Row 0 is white paper; the middle row crosses the frame and the text. */
  for (guint32 r = 0; r <= height / 2; r += height / 2)
    {
      const guchar *p = tiff + le (tiff + offsets + 4 * r, 4);
      g_autofree guchar *row = g_malloc (width * 3);
      guint32 o = 0, dark = 0;

      while (o < width * 3)
        {
          int c = (signed char) *p++;

          if (c >= 0)
            {
              memcpy (row + o, p, c + 1);
              p += c + 1;
              o += c + 1;
            }
          else
            {
              memset (row + o, *p++, 1 - c);
              o += 1 - c;
            }
        }
      g_assert_cmpuint (o, ==, width * 3);
      for (guint32 x = 0; x < width * 3; x++)
        dark += row[x] < 128;
      if (r == 0)
        g_assert_cmpuint (dark, ==, 0);
      else
        g_assert_cmpuint (dark, >, 0);
    }
}

static void
test_errors (Fixture *f, gconstpointer data)
{
  g_autofree char *missing = g_build_filename (f->dir, "no-such-folder", "figure.pdf", NULL);
  g_autoptr (GError) error = NULL;
  ObPlotFormat fmt;
  int calls = 0;

  g_assert_false (ob_plot_export (OB_PLOT_FORMAT_PDF, missing, 89, 80, 0, draw_sample, &calls,
                                  &error));
  g_assert_error (error, OB_ERROR, OB_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, missing));
  g_clear_error (&error);

  g_assert_false (ob_plot_export (OB_PLOT_FORMAT_PNG, missing, 89, 80, 300, draw_sample,
                                  &calls, &error));
  g_assert_error (error, OB_ERROR, OB_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, missing));
  g_clear_error (&error);

  g_assert_false (ob_plot_export (OB_PLOT_FORMAT_SVG, missing, 0, 80, 300, draw_sample, &calls,
                                  &error));
  g_assert_error (error, OB_ERROR, OB_ERROR_INVALID_ARG);
  g_clear_error (&error);

  g_assert_false (ob_plot_format_from_path ("figure.jpg", &fmt, &error));
  g_assert_error (error, OB_ERROR, OB_ERROR_INVALID_ARG);
  g_assert_nonnull (strstr (error->message, "figure.jpg"));
  g_clear_error (&error);
  g_assert_false (ob_plot_format_from_path ("noextension", &fmt, &error));
  g_assert_error (error, OB_ERROR, OB_ERROR_INVALID_ARG);
  g_clear_error (&error);
  g_assert_true (ob_plot_format_from_path ("Figure 2.PDF", &fmt, NULL));
  g_assert_cmpint (fmt, ==, OB_PLOT_FORMAT_PDF);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/plot/export/formats", Fixture, NULL, fixture_setup, test_formats,
              fixture_teardown);
  g_test_add ("/plot/export/png-size", Fixture, NULL, fixture_setup, test_png_size,
              fixture_teardown);
  g_test_add ("/plot/export/tiff", Fixture, NULL, fixture_setup, test_tiff, fixture_teardown);
  g_test_add ("/plot/export/errors", Fixture, NULL, fixture_setup, test_errors,
              fixture_teardown);
  return g_test_run ();
}
