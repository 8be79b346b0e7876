/* ob-encoding.c — turning imported bytes into UTF-8
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ob-dataset.h"
#include "ob-encoding.h"

void
ob_encoding_locate (const char *text,
                    gsize       offset,
                    gsize      *out_line,
                    gsize      *out_column)
{
  gsize line = 1;
  gsize line_start = 0;

  /* A lone CR ends a line as well: old Mac exports still turn up. */
  for (gsize i = 0; i < offset; i++)
    {
      if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= offset || text[i + 1] != '\n')))
        {
          line++;
          line_start = i + 1;
        }
    }
  if (out_line != NULL)
    *out_line = line;
  if (out_column != NULL)
    {
      gsize column = 1;

      for (gsize i = line_start; i < offset; i++)
        column += ((guchar) text[i] & 0xC0) != 0x80 ? 1 : 0;
      *out_column = column;
    }
}

gboolean
ob_encoding_validate_utf8 (const char  *text,
                           gsize        len,
                           const char **out_end)
{
  const guint64 high = G_GUINT64_CONSTANT (0x8080808080808080);
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  gsize i = 0;

  while (i < len)
    {
      guint64 word;
      guchar c;
      gunichar u;

      /* Eight ASCII bytes at a time, none of them NUL. */
      if (i + 8 <= len)
        {
          memcpy (&word, text + i, 8);
          if (((word & high) | ((word - ones) & ~word & high)) == 0)
            {
              i += 8;
              continue;
            }
        }
      c = (guchar) text[i];
      if (c != 0 && c < 0x80)
        {
          i++;
          continue;
        }
      u = c == 0 ? (gunichar) -1 : g_utf8_get_char_validated (text + i, (gssize) (len - i));
      if (u == (gunichar) -1 || u == (gunichar) -2)
        {
          if (out_end != NULL)
            *out_end = text + i;
          return FALSE;
        }
      i += (gsize) g_utf8_skip[c];
    }
  if (out_end != NULL)
    *out_end = text + len;
  return TRUE;
}

/* Counts multi-byte characters that are valid UTF-8 and invalid spots, so that a UTF-8 file
 * with one damaged byte is reported as such instead of being read as CP932 mojibake. */
static void
survey_utf8 (const char *data,
             gsize       len,
             gsize      *n_multibyte,
             gsize      *n_invalid,
             gsize      *first_invalid)
{
  const char *p = data;
  const char *end = data + len;

  *n_multibyte = 0;
  *n_invalid = 0;
  *first_invalid = len;
  while (p < end)
    {
      const char *stop = NULL;
      gboolean valid = g_utf8_validate_len (p, (gsize) (end - p), &stop);

      for (const char *q = p; q < stop; q++)
        *n_multibyte += (guchar) *q >= 0xC0 ? 1 : 0;
      if (valid)
        break;
      if (*n_invalid == 0)
        *first_invalid = (gsize) (stop - data);
      (*n_invalid)++;
      p = stop + 1;
    }
}

static void
set_invalid_error (GError     **error,
                   const char  *display_name,
                   const char  *text,
                   gsize        offset,
                   const char  *what)
{
  gsize line, column;

  ob_encoding_locate (text, offset, &line, &column);
  g_set_error (error, OB_ERROR, OB_ERROR_ENCODING,
               /* Translators: NAME:LINE:COLUMN: problem; remedy */
               _("%s:%zu:%zu: %s; save the file as UTF-8 (in Excel: “CSV UTF-8”) and import it "
                 "again"),
               display_name, line, column, what);
}

/* UTF-16 without a byte-order mark: ASCII text leaves every other byte zero. */
static const char *
sniff_utf16 (const guint8 *data,
             gsize         len)
{
  gsize n = MIN (len, 512) & ~(gsize) 1;
  gsize even_zero = 0, odd_zero = 0;

  if (n < 4)
    return NULL;
  for (gsize i = 0; i < n; i += 2)
    {
      even_zero += data[i] == 0 ? 1 : 0;
      odd_zero += data[i + 1] == 0 ? 1 : 0;
    }
  if (odd_zero * 4 >= n && even_zero == 0)
    return "UTF-16LE";
  if (even_zero * 4 >= n && odd_zero == 0)
    return "UTF-16BE";
  return NULL;
}

static GBytes *
convert_to_utf8 (const char  *data,
                 gsize        len,
                 const char  *encoding,
                 const char  *display_name,
                 GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize bytes_read = 0, written = 0;
  char *converted;

  converted = g_convert (data, (gssize) len, "UTF-8", encoding, &bytes_read, &written,
                         &local_error);
  if (converted == NULL)
    {
      if (g_error_matches (local_error, G_CONVERT_ERROR, G_CONVERT_ERROR_NO_CONVERSION))
        {
          g_set_error (error, OB_ERROR, OB_ERROR_ENCODING,
                       _("%s: the encoding “%s” is not supported; choose another encoding"),
                       display_name, encoding);
          return NULL;
        }
      else
        {
          /* Convert what was valid to find where, in characters, the bad bytes sit. */
          g_autofree char *prefix = g_convert (data, (gssize) bytes_read, "UTF-8", encoding,
                                               NULL, &written, NULL);
          g_autofree char *what = g_strdup_printf (_("the bytes here are not valid %s"),
                                                   encoding);

          set_invalid_error (error, display_name, prefix != NULL ? prefix : "",
                             prefix != NULL ? written : 0, what);
          return NULL;
        }
    }
  /* The converted text must itself be clean UTF-8 for the scanner (no NUL bytes). */
  if (!g_utf8_validate_len (converted, written, NULL))
    {
      const char *stop = NULL;

      g_utf8_validate_len (converted, written, &stop);
      set_invalid_error (error, display_name, converted, (gsize) (stop - converted),
                         _("the file holds a NUL character"));
      g_free (converted);
      return NULL;
    }
  return g_bytes_new_take (converted, written);
}

static gboolean
is_utf8_name (const char *encoding)
{
  return g_ascii_strcasecmp (encoding, "UTF-8") == 0 || g_ascii_strcasecmp (encoding, "UTF8") == 0;
}

GBytes *
ob_encoding_to_utf8 (GBytes      *bytes,
                     const char  *encoding,
                     const char  *display_name,
                     char       **out_encoding,
                     GError     **error)
{
  gsize len = 0;
  const guint8 *data = g_bytes_get_data (bytes, &len);
  gboolean detect = encoding == NULL;
  gsize skip = 0;
  GBytes *result;

  g_return_val_if_fail (bytes != NULL, NULL);

  if (data == NULL)
    data = (const guint8 *) "";
  if (len >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF
      && (detect || is_utf8_name (encoding)))
    {
      encoding = "UTF-8";
      skip = 3;
    }
  else if (len >= 2 && data[0] == 0xFF && data[1] == 0xFE
           && (detect || g_ascii_strncasecmp (encoding, "UTF-16", 6) == 0))
    {
      encoding = "UTF-16LE";
      skip = 2;
    }
  else if (len >= 2 && data[0] == 0xFE && data[1] == 0xFF
           && (detect || g_ascii_strncasecmp (encoding, "UTF-16", 6) == 0))
    {
      encoding = "UTF-16BE";
      skip = 2;
    }
  else if (detect)
    encoding = sniff_utf16 (data, len);

  if (encoding == NULL || is_utf8_name (encoding))
    {
      const char *text = (const char *) data + skip;
      gsize text_len = len - skip;
      gsize n_multibyte, n_invalid, first_invalid;

      if (ob_encoding_validate_utf8 (text, text_len, NULL))
        {
          if (out_encoding != NULL)
            *out_encoding = g_strdup ("UTF-8");
          return g_bytes_new_from_bytes (bytes, skip, text_len);
        }
      survey_utf8 (text, text_len, &n_multibyte, &n_invalid, &first_invalid);
      /* A BOM, an explicit choice or mostly valid sequences all say the file is meant as
       * UTF-8: report the damage rather than guess another encoding. */
      if (!detect || skip > 0 || n_multibyte > n_invalid || text[first_invalid] == '\0')
        {
          set_invalid_error (error, display_name, text, first_invalid,
                             text[first_invalid] == '\0'
                             ? _("the file holds a NUL character")
                             : _("the bytes here are not valid UTF-8"));
          return NULL;
        }
      result = convert_to_utf8 (text, text_len, "CP932", display_name, NULL);
      if (result == NULL)
        {
          set_invalid_error (error, display_name, text, first_invalid,
                             _("the file is neither UTF-8 nor Shift_JIS (CP932)"));
          return NULL;
        }
      encoding = "CP932";
    }
  else
    {
      result = convert_to_utf8 ((const char *) data + skip, len - skip, encoding, display_name,
                                error);
      if (result == NULL)
        return NULL;
    }

  if (out_encoding != NULL)
    *out_encoding = g_strdup (encoding);
  return result;
}
