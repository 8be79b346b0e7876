/* ob-plot-tiff.c: baseline TIFF from a cairo image, for journals that ask for TIFF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-plot"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "ob-dataset.h"
#include "ob-plot-tiff.h"

enum
{
  TIFF_ASCII = 2,
  TIFF_SHORT = 3,
  TIFF_LONG = 4,
  TIFF_RATIONAL = 5,
};

#define N_ENTRIES 12

/* PackBits (TIFF 6.0, section 9): runs of three or more repeat, the rest goes literally.
 * A figure is mostly white rows, which shrink to a few bytes. */
static gsize
packbits (const guint8 *src, gsize n, guint8 *dst)
{
  gsize i = 0, o = 0;

  while (i < n)
    {
      gsize run = 1, start, len = 0;

      while (i + run < n && run < 128 && src[i + run] == src[i])
        run++;
      if (run >= 3)
        {
          dst[o++] = (guint8) (257 - run);
          dst[o++] = src[i];
          i += run;
          continue;
        }
      start = i;
      while (i < n && len < 128)
        {
          if (i + 2 < n && src[i] == src[i + 1] && src[i] == src[i + 2])
            break;
          i++;
          len++;
        }
      dst[o++] = (guint8) (len - 1);
      memcpy (dst + o, src + start, len);
      o += len;
    }
  return o;
}

static void
put16 (GByteArray *out, guint16 v)
{
  guint8 b[2] = { (guint8) v, (guint8) (v >> 8) };

  g_byte_array_append (out, b, 2);
}

static void
put32 (GByteArray *out, guint32 v)
{
  guint8 b[4] = { (guint8) v, (guint8) (v >> 8), (guint8) (v >> 16), (guint8) (v >> 24) };

  g_byte_array_append (out, b, 4);
}

static void
set32 (GByteArray *out, gsize at, guint32 v)
{
  out->data[at] = (guint8) v;
  out->data[at + 1] = (guint8) (v >> 8);
  out->data[at + 2] = (guint8) (v >> 16);
  out->data[at + 3] = (guint8) (v >> 24);
}

static void
entry (GByteArray *out, guint16 tag, guint16 type, guint32 count, guint32 value)
{
  put16 (out, tag);
  put16 (out, type);
  put32 (out, count);
  /* A single SHORT sits in the first two bytes of the value field (little-endian). */
  put32 (out, value);
}

gboolean
ob_plot_write_tiff (cairo_surface_t *image, const char *path, double dpi, GError **error)
{
  return ob_plot_write_tiff_described (image, path, dpi, NULL, error);
}

gboolean
ob_plot_write_tiff_described (cairo_surface_t *image, const char *path, double dpi,
                              const char *description, GError **error)
{
  int w, h, stride;
  const guint8 *data;
  g_autoptr (GByteArray) out = NULL;
  g_autofree guint8 *row = NULL;
  g_autofree guint8 *packed = NULL;
  g_autofree guint32 *offsets = NULL;
  g_autofree guint32 *counts = NULL;
  g_autoptr (GError) local = NULL;
  gsize bps_at, res_at, offsets_at, counts_at, ifd_at, text_at = 0;
  guint32 text_len = description != NULL ? (guint32) strlen (description) + 1 : 0;
  guint32 res = (guint32) lround (dpi * 1000);

  g_return_val_if_fail (cairo_surface_get_type (image) == CAIRO_SURFACE_TYPE_IMAGE, FALSE);

  cairo_surface_flush (image);
  w = cairo_image_surface_get_width (image);
  h = cairo_image_surface_get_height (image);
  stride = cairo_image_surface_get_stride (image);
  data = cairo_image_surface_get_data (image);
  if ((gsize) w * 3 * h > G_MAXUINT32 / 2)
    {
      g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                   _("A %d × %d pixel TIFF is too large: lower the resolution"), w, h);
      return FALSE;
    }

  out = g_byte_array_sized_new ((guint) ((gsize) w * h / 4 + 1024));
  row = g_malloc ((gsize) w * 3);
  packed = g_malloc ((gsize) w * 3 + (gsize) w * 3 / 128 + 2);
  offsets = g_new (guint32, h);
  counts = g_new (guint32, h);

  g_byte_array_append (out, (const guint8 *) "II*\0", 4);
  put32 (out, 0);   /* IFD offset, set below */

  for (int y = 0; y < h; y++)
    {
      const guint32 *px = (const guint32 *) (data + (gsize) y * stride);
      gsize n;

      for (int x = 0; x < w; x++)
        {
          row[3 * x] = (guint8) (px[x] >> 16);
          row[3 * x + 1] = (guint8) (px[x] >> 8);
          row[3 * x + 2] = (guint8) px[x];
        }
      n = packbits (row, (gsize) w * 3, packed);
      offsets[y] = out->len;
      counts[y] = (guint32) n;
      g_byte_array_append (out, packed, (guint) n);
    }

  if (out->len % 2)
    g_byte_array_append (out, (const guint8 *) "", 1);
  bps_at = out->len;
  put16 (out, 8);
  put16 (out, 8);
  put16 (out, 8);
  put16 (out, 0);
  res_at = out->len;
  put32 (out, res);     /* dpi as a fraction: dpi * 1000 / 1000 */
  put32 (out, 1000);
  offsets_at = out->len;
  for (int y = 0; y < h; y++)
    put32 (out, offsets[y]);
  counts_at = out->len;
  for (int y = 0; y < h; y++)
    put32 (out, counts[y]);
  if (description != NULL)
    {
      text_at = out->len;
      g_byte_array_append (out, (const guint8 *) description, text_len);
      if (out->len % 2)
        g_byte_array_append (out, (const guint8 *) "", 1);
    }

  /* Entries in ascending tag order, as readers may require. */
  ifd_at = out->len;
  set32 (out, 4, (guint32) ifd_at);
  put16 (out, N_ENTRIES + (description != NULL));
  entry (out, 256, TIFF_LONG, 1, (guint32) w);
  entry (out, 257, TIFF_LONG, 1, (guint32) h);
  entry (out, 258, TIFF_SHORT, 3, (guint32) bps_at);
  entry (out, 259, TIFF_SHORT, 1, 32773);               /* PackBits */
  entry (out, 262, TIFF_SHORT, 1, 2);                   /* RGB */
  if (description != NULL)
    entry (out, 270, TIFF_ASCII, text_len, (guint32) text_at);  /* ImageDescription */
  entry (out, 273, TIFF_LONG, (guint32) h, h == 1 ? offsets[0] : (guint32) offsets_at);
  entry (out, 277, TIFF_SHORT, 1, 3);
  entry (out, 278, TIFF_LONG, 1, 1);
  entry (out, 279, TIFF_LONG, (guint32) h, h == 1 ? counts[0] : (guint32) counts_at);
  entry (out, 282, TIFF_RATIONAL, 1, (guint32) res_at);
  entry (out, 283, TIFF_RATIONAL, 1, (guint32) res_at);
  entry (out, 296, TIFF_SHORT, 1, 2);                   /* inches */
  put32 (out, 0);

  if (!g_file_set_contents (path, (const char *) out->data, out->len, &local))
    {
      g_set_error (error, OB_ERROR, OB_ERROR_FAILED, _("Could not write the figure “%s”: %s"),
                   path, local->message);
      return FALSE;
    }
  return TRUE;
}
