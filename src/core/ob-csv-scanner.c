/* ob-csv-scanner.c — splitting delimited UTF-8 text into records and fields
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fields point into the input whenever they can; only quoted fields with doubled quotes (or
 * text after the closing quote) are copied, into one scratch buffer reused for every record.
 */
#define G_LOG_DOMAIN "oncobench-core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ob-csv-cell.h"
#include "ob-csv-scanner.h"
#include "ob-dataset.h"
#include "ob-encoding.h"

#define NO_OFFSET G_MAXSIZE
#define SNIFF_BYTES (64 * 1024)
#define SNIFF_LINES 50
#define SNIFF_RECORDS 1000

void
ob_csv_scanner_init (ObCsvScanner *s,
                     const char   *display_name,
                     const char   *text,
                     gsize         len,
                     char          delimiter)
{
  memset (s, 0, sizeof *s);
  s->display_name = display_name;
  s->text = text;
  s->pos = text;
  s->end = text + len;
  s->delimiter = delimiter;
  s->stop[(guchar) delimiter] = TRUE;
  s->stop['\n'] = TRUE;
  s->stop['\r'] = TRUE;
  s->line = 1;
  s->fields_size = 64;
  s->fields = g_new (ObCsvField, s->fields_size);
  s->scratch = g_string_new (NULL);
}

void
ob_csv_scanner_init_copy (ObCsvScanner       *s,
                          const ObCsvScanner *from)
{
  *s = *from;
  s->n_fields = 0;
  s->fields = g_new (ObCsvField, s->fields_size);
  s->scratch = g_string_new (NULL);
}

void
ob_csv_scanner_clear (ObCsvScanner *s)
{
  g_clear_pointer (&s->fields, g_free);
  if (s->scratch != NULL)
    g_string_free (g_steal_pointer (&s->scratch), TRUE);
}

static void
set_error (ObCsvScanner  *s,
           GError       **error,
           const char    *where,
           const char    *message)
{
  gsize line, column;

  ob_encoding_locate (s->text, (gsize) (where - s->text), &line, &column);
  g_set_error (error, OB_ERROR, OB_ERROR_PARSE, "%s:%zu:%zu: %s", s->display_name, line, column,
               message);
}

/* Moves p to the first delimiter or line end at or after it, eight bytes at a time where the
 * byte order lets the lowest match be found with a bit scan. */
static inline const char *
find_stop (const char     *p,
           const char     *end,
           const gboolean *stop,
           char            delimiter)
{
#if G_BYTE_ORDER == G_LITTLE_ENDIAN && defined(__GNUC__)
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const guint64 high = G_GUINT64_CONSTANT (0x8080808080808080);
  const guint64 d = ones * (guchar) delimiter;
  const guint64 lf = ones * (guchar) '\n';
  const guint64 cr = ones * (guchar) '\r';

  while (end - p >= 8)
    {
      guint64 w, a, b, c, found;

      memcpy (&w, p, 8);
      a = w ^ d;
      b = w ^ lf;
      c = w ^ cr;
      found = (((a - ones) & ~a) | ((b - ones) & ~b) | ((c - ones) & ~c)) & high;
      if (found != 0)
        return p + (__builtin_ctzll (found) >> 3);
      p += 8;
    }
#endif
  while (p < end && !stop[(guchar) *p])
    p++;
  return p;
}

static inline gboolean
is_blank (char c,
          char delimiter)
{
  return c == ' ' || (c == '\t' && delimiter != '\t');
}

/* Reads a quoted field whose opening quote is at *pp; leaves *pp after the field. */
static gboolean
read_quoted (ObCsvScanner  *s,
             const char   **pp,
             ObCsvField    *field,
             GError       **error)
{
  const char *quote = *pp;
  const char *p = quote + 1;
  const char *end = s->end;
  const char *segment = p;

  field->quoted = TRUE;
  for (;;)
    {
      if (p >= end)
        {
          set_error (s, error, quote,
                     _("unterminated quoted field; close the quote or re-export the file"));
          return FALSE;
        }
      if (*p == '"')
        {
          if (p + 1 < end && p[1] == '"')
            {
              if (field->scratch_offset == NO_OFFSET)
                field->scratch_offset = s->scratch->len;
              g_string_append_len (s->scratch, segment, p + 1 - segment);
              p += 2;
              segment = p;
              continue;
            }
          break;
        }
      if (*p == '\n' || (*p == '\r' && (p + 1 >= end || p[1] != '\n')))
        s->line++;
      p++;
    }
  if (field->scratch_offset != NO_OFFSET)
    g_string_append_len (s->scratch, segment, p - segment);
  else
    {
      field->ptr = segment;
      field->len = (gsize) (p - segment);
    }
  p++;

  /* Text after the closing quote ("a"b) is kept rather than rejected. */
  if (p < end && !s->stop[(guchar) *p])
    {
      const char *tail = p;
      const char *last;

      while (p < end && !s->stop[(guchar) *p])
        p++;
      for (last = p; last > tail && is_blank (last[-1], s->delimiter); last--)
        ;
      if (field->scratch_offset == NO_OFFSET)
        {
          field->scratch_offset = s->scratch->len;
          g_string_append_len (s->scratch, field->ptr, (gssize) field->len);
        }
      g_string_append_len (s->scratch, tail, last - tail);
    }
  if (field->scratch_offset != NO_OFFSET)
    field->len = s->scratch->len - field->scratch_offset;
  *pp = p;
  return TRUE;
}

gboolean
ob_csv_scanner_next (ObCsvScanner  *s,
                     GError       **error)
{
  const char *p = s->pos;
  const char *end = s->end;
  const gboolean *stop = s->stop;
  const char delimiter = s->delimiter;
  gboolean any_scratch = FALSE;

  s->n_fields = 0;
  if (p >= end)
    return FALSE;
  if (s->scratch->len > 0)
    g_string_truncate (s->scratch, 0);
  s->record_line = s->line;

  for (;;)
    {
      ObCsvField *field;

      if (G_UNLIKELY (s->n_fields == s->fields_size))
        {
          s->fields_size *= 2;
          s->fields = g_renew (ObCsvField, s->fields, s->fields_size);
        }
      field = &s->fields[s->n_fields++];
      field->scratch_offset = NO_OFFSET;
      field->quoted = FALSE;

      if (G_UNLIKELY (p < end && (*p == '"' || is_blank (*p, delimiter))))
        {
          const char *q = p;

          while (q < end && is_blank (*q, delimiter))
            q++;
          if (q < end && *q == '"')
            {
              if (!read_quoted (s, &q, field, error))
                return FALSE;
              any_scratch |= field->scratch_offset != NO_OFFSET;
              p = q;
              goto next;
            }
          p = q;
        }
      {
        const char *start = p;
        const char *last;

        p = find_stop (p, end, stop, delimiter);
        last = p;
        while (G_UNLIKELY (last > start && is_blank (last[-1], delimiter)))
          last--;
        field->ptr = start;
        field->len = (gsize) (last - start);
      }

    next:
      if (p < end && *p == delimiter)
        {
          p++;
          continue;
        }
      if (p < end)
        {
          if (*p == '\r' && p + 1 < end && p[1] == '\n')
            p++;
          p++;
          s->line++;
        }
      break;
    }
  s->pos = p;

  /* The scratch buffer may move while it grows, so fields point into it only now. */
  if (any_scratch)
    for (guint i = 0; i < s->n_fields; i++)
      if (s->fields[i].scratch_offset != NO_OFFSET)
        s->fields[i].ptr = s->scratch->str + s->fields[i].scratch_offset;
  return TRUE;
}

gboolean
ob_csv_scanner_record_blank (const ObCsvScanner *s)
{
  return s->n_fields == 1 && s->fields[0].len == 0 && !s->fields[0].quoted;
}

char
ob_csv_detect_delimiter (const char *text,
                         gsize       len)
{
  static const char candidates[] = { '\t', ',', ';', '|' };
  guint counts[G_N_ELEMENTS (candidates)][SNIFF_LINES] = { { 0 } };
  gsize n = MIN (len, SNIFF_BYTES);
  guint n_lines = 0;
  gboolean in_quotes = FALSE;
  gboolean line_has_text = FALSE;
  char best = ',';
  guint best_consistent = 0, best_header = 0;

  for (gsize i = 0; i < n && n_lines < SNIFF_LINES; i++)
    {
      char c = text[i];

      if (c == '"')
        in_quotes = !in_quotes;
      else if (!in_quotes && (c == '\n' || c == '\r'))
        {
          if (line_has_text)
            n_lines++;
          line_has_text = FALSE;
          continue;
        }
      line_has_text = TRUE;
      if (!in_quotes)
        for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
          counts[k][n_lines] += c == candidates[k] ? 1 : 0;
    }
  /* A last line cut off by the sample size would miscount; one that ends the file counts. */
  if (line_has_text && n == len && n_lines < SNIFF_LINES)
    n_lines++;

  for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
    {
      guint header = counts[k][0];
      guint consistent = 0;

      if (header == 0)
        continue;
      for (guint l = 1; l < n_lines; l++)
        consistent += counts[k][l] == header ? 1 : 0;
      if (best_header == 0 || consistent > best_consistent
          || (consistent == best_consistent && header > best_header))
        {
          best = candidates[k];
          best_consistent = consistent;
          best_header = header;
        }
    }
  return best;
}

static gboolean
has_byte (const char *s,
          gsize       len,
          char        c)
{
  return len > 0 && memchr (s, c, len) != NULL;
}

gboolean
ob_csv_detect_decimal_comma (const ObCsvScanner *from)
{
  ObCsvScanner s;
  gsize n_comma = 0, n_dot = 0;
  double value;

  ob_csv_scanner_init_copy (&s, from);
  for (guint r = 0; r < SNIFF_RECORDS && ob_csv_scanner_next (&s, NULL); r++)
    for (guint i = 0; i < s.n_fields; i++)
      {
        const ObCsvField *f = &s.fields[i];

        if (has_byte (f->ptr, f->len, ',') && ob_csv_parse_number (f->ptr, f->len, ',', &value))
          n_comma++;
        else if (has_byte (f->ptr, f->len, '.')
                 && ob_csv_parse_number (f->ptr, f->len, '.', &value))
          n_dot++;
      }
  ob_csv_scanner_clear (&s);
  return n_comma > n_dot;
}

gsize
ob_csv_count_lines (const char *text,
                    gsize       len)
{
  gsize n = 0;
  const char *p = text;
  const char *end = text + len;

  while ((p = memchr (p, '\n', (gsize) (end - p))) != NULL)
    {
      n++;
      p++;
    }
  if (n == 0)
    for (p = text; (p = memchr (p, '\r', (gsize) (end - p))) != NULL; p++)
      n++;
  return n + 1;
}
