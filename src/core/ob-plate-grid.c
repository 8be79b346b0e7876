/* ob-plate-grid.c — finding the 8 × 12 blocks in a plate reader's export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-core"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "ob-encoding.h"
#include "ob-plate-grid.h"
#include "ob-plate-grid-private.h"

/* Readers mark saturated wells with a word instead of a number: no response, not an error. */
static const char *const overflow_words[] = {
  "OVRFLW", "OVER", "OVERFLOW", "SAT", "SATURATED", "*", "#SAT", "HIGH", NULL,
};

typedef struct
{
  const char *name;
  const char *text;       /* the whole file, UTF-8 */
  gsize len;
  gsize pos;              /* start of the next line */
  guint line;             /* of the line last read */
  GPtrArray *cells;       /* ObGridCell *, of the line last read */
  char delimiter;
} Reader;

static void
cell_free (ObGridCell *cell)
{
  g_free (cell->text);
  g_free (cell);
}

/* Reads the next line into cells; FALSE at the end of the text. */
static gboolean
next_line (Reader *r)
{
  const char *p, *end, *nl;
  GString *cell;
  gsize column = 1, cell_column = 1;
  gboolean quoted = FALSE;

  g_ptr_array_set_size (r->cells, 0);
  if (r->pos >= r->len)
    return FALSE;
  p = r->text + r->pos;
  nl = memchr (p, '\n', r->len - r->pos);
  end = nl != NULL ? nl : r->text + r->len;
  r->pos = (gsize) (end - r->text) + (nl != NULL ? 1 : 0);
  r->line++;
  if (end > p && end[-1] == '\r')
    end--;

  /* One delimiter a line: tabs win, then semicolons (decimal-comma locales), then commas. */
  r->delimiter = memchr (p, '\t', (gsize) (end - p)) != NULL ? '\t'
               : memchr (p, ';', (gsize) (end - p)) != NULL ? ';' : ',';
  cell = g_string_new (NULL);
  for (; p <= end; p = g_utf8_next_char (p))
    {
      if (p == end || (*p == r->delimiter && !quoted))
        {
          ObGridCell *c = g_new0 (ObGridCell, 1);

          c->text = g_strstrip (g_strdup (cell->str));
          c->column = (guint) cell_column;
          g_ptr_array_add (r->cells, c);
          g_string_truncate (cell, 0);
          cell_column = column + 1;
          if (p == end)
            break;
        }
      else if (*p == '"')
        {
          if (quoted && p + 1 < end && p[1] == '"')
            {
              g_string_append_c (cell, '"');
              p++;
              column++;
            }
          else
            quoted = !quoted;
        }
      else
        g_string_append_unichar (cell, g_utf8_get_char (p));
      column++;
    }
  g_string_free (cell, TRUE);
  return TRUE;
}

static const char *
cell_text (const Reader *r, guint i)
{
  return i < r->cells->len ? ((ObGridCell *) g_ptr_array_index (r->cells, i))->text : NULL;
}

static guint
cell_column (const Reader *r, guint i)
{
  ObGridCell *last;

  if (i < r->cells->len)
    return ((ObGridCell *) g_ptr_array_index (r->cells, i))->column;
  /* Past the last cell: just after the line's end. */
  last = r->cells->len > 0 ? g_ptr_array_index (r->cells, r->cells->len - 1) : NULL;
  return last != NULL ? last->column + (guint) g_utf8_strlen (last->text, -1) : 1;
}

/* A header row: "1", "2", … "12" (or on to "24") in consecutive cells after a first cell. */
static gboolean
find_header (const Reader *r, guint *first, guint *cols)
{
  for (guint j = 1; j + 12 <= r->cells->len; j++)
    {
      guint n = 0;

      while (j + n < r->cells->len && n < 24)
        {
          char want[4];

          g_snprintf (want, sizeof want, "%u", n + 1);
          if (strcmp (cell_text (r, j + n), want) != 0)
            break;
          n++;
        }
      if (n >= 12)
        {
          *first = j;
          *cols = n >= 24 ? 24 : 12;
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
ob_plate_grid_parse_number (const char *text,
                            char        delimiter,
                            double     *out)
{
  g_autofree char *copy = NULL;
  char *end;

  if (*text == '\0')
    {
      *out = NAN;
      return TRUE;
    }
  for (guint i = 0; overflow_words[i] != NULL; i++)
    if (g_ascii_strcasecmp (text, overflow_words[i]) == 0)
      {
        *out = NAN;
        return TRUE;
      }
  copy = g_strdup (text);
  if (delimiter != ',')
    g_strdelimit (copy, ",", '.');
  *out = g_ascii_strtod (copy, &end);
  return end != copy && *end == '\0' && isfinite (*out);
}

static void
block_free (ObPlateBlock *block)
{
  if (block->text != NULL)
    for (guint i = 0; i < block->rows * block->cols; i++)
      g_free (block->text[i]);
  g_free (block->text);
  g_free (block->values);
  g_free (block->lines);
  g_free (block->columns);
  g_free (block->label);
  g_free (block);
}

void
ob_plate_grid_free (ObPlateGrid *grid)
{
  if (grid == NULL)
    return;
  g_free (grid->name);
  g_ptr_array_unref (grid->blocks);
  g_free (grid);
}

static char *
line_label (const Reader *r)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < r->cells->len; i++)
    {
      const char *t = cell_text (r, i);

      if (*t == '\0')
        continue;
      if (s->len > 0)
        g_string_append_c (s, ' ');
      g_string_append (s, t);
      if (s->len > 80)
        break;
    }
  return s->len > 0 ? g_strdup (s->str) : NULL;
}

static gboolean
read_block (Reader        *r,
            guint          first,
            gboolean       numeric,
            ObPlateBlock  *block,
            GError       **error)
{
  guint header_line = r->line;

  for (guint row = 0; row < block->rows; row++)
    {
      char letter = (char) ('A' + row);
      const char *lead;

      if (!next_line (r))
        {
          g_set_error (error, OB_ERROR, OB_ERROR_PARSE,
                       _("%s:%u:1: the plate under the header on line %u ends after row %c; "
                         "rows A to %c are needed"), r->name, r->line + 1, header_line,
                       row > 0 ? letter - 1 : '-', (char) ('A' + block->rows - 1));
          return FALSE;
        }
      lead = cell_text (r, first - 1);
      if (lead == NULL || g_ascii_toupper (lead[0]) != letter || lead[1] != '\0')
        {
          g_set_error (error, OB_ERROR, OB_ERROR_PARSE,
                       _("%s:%u:%u: expected row %c of the plate whose header is on line %u, "
                         "found “%s”"), r->name, r->line, cell_column (r, first - 1), letter,
                       header_line, lead != NULL ? lead : "");
          return FALSE;
        }
      for (guint c = 0; c < block->cols; c++)
        {
          const char *t = cell_text (r, first + c);
          guint k = row * block->cols + c;

          if (t == NULL)
            {
              g_set_error (error, OB_ERROR, OB_ERROR_PARSE,
                           _("%s:%u:%u: row %c has %u wells; a plate row has %u"), r->name,
                           r->line, cell_column (r, first + c), letter, c, block->cols);
              return FALSE;
            }
          block->lines[k] = r->line;
          block->columns[k] = cell_column (r, first + c);
          block->text[k] = *t != '\0' ? g_strdup (t) : NULL;
          if (numeric && !ob_plate_grid_parse_number (t, r->delimiter, &block->values[k]))
            {
              g_set_error (error, OB_ERROR, OB_ERROR_PARSE,
                           _("%s:%u:%u: “%s” in well %c%u is not a number"), r->name, r->line,
                           block->columns[k], t, letter, c + 1);
              return FALSE;
            }
          if (!numeric)
            block->values[k] = NAN;
        }
    }
  return TRUE;
}

ObPlateGrid *
ob_plate_grid_parse_full (GBytes      *bytes,
                          const char  *display_name,
                          gboolean     numeric,
                          GError     **error)
{
  g_autoptr(GBytes) utf8 = NULL;
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func ((GDestroyNotify) cell_free);
  g_autofree char *last_label = NULL;
  ObPlateGrid *grid;
  Reader r = { 0 };
  gsize len;

  utf8 = ob_encoding_to_utf8 (bytes, NULL, display_name, NULL, error);
  if (utf8 == NULL)
    return NULL;
  r.name = display_name;
  r.text = g_bytes_get_data (utf8, &len);
  r.len = len;
  r.cells = cells;

  grid = g_new0 (ObPlateGrid, 1);
  grid->name = g_strdup (display_name);
  grid->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  while (next_line (&r))
    {
      ObPlateBlock *block;
      guint first, cols;
      const char *corner;

      if (!find_header (&r, &first, &cols))
        {
          char *label = line_label (&r);

          if (label != NULL)
            {
              g_free (last_label);
              last_label = label;
            }
          continue;
        }
      block = g_new0 (ObPlateBlock, 1);
      block->cols = cols;
      block->rows = cols == 24 ? 16 : 8;
      block->line = r.line;
      block->values = g_new (double, block->rows * block->cols);
      block->text = g_new0 (char *, block->rows * block->cols);
      block->lines = g_new0 (guint, block->rows * block->cols);
      block->columns = g_new0 (guint, block->rows * block->cols);
      corner = cell_text (&r, first - 1);
      if (*corner != '\0' && strcmp (corner, "<>") != 0)
        block->label = g_strdup (corner);
      else
        block->label = g_steal_pointer (&last_label);
      g_ptr_array_add (grid->blocks, block);
      if (!read_block (&r, first, numeric, block, error))
        {
          ob_plate_grid_free (grid);
          return NULL;
        }
      g_clear_pointer (&last_label, g_free);
    }
  if (grid->blocks->len == 0)
    {
      g_set_error (error, OB_ERROR, OB_ERROR_PARSE,
                   _("%s:1:1: no plate found: expected a row of column numbers 1 to 12 with "
                     "rows A to H under it, each led by its letter"), display_name);
      ob_plate_grid_free (grid);
      return NULL;
    }
  return grid;
}

ObPlateGrid *
ob_plate_grid_parse (GBytes      *bytes,
                     const char  *display_name,
                     GError     **error)
{
  return ob_plate_grid_parse_full (bytes, display_name, TRUE, error);
}

GBytes *
ob_plate_grid_load (const char  *path,
                    GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  char *contents;
  gsize len;

  if (!g_file_get_contents (path, &contents, &len, &local_error))
    {
      g_set_error (error, OB_ERROR, OB_ERROR_FAILED, "%s", local_error->message);
      return NULL;
    }
  return g_bytes_new_take (contents, len);
}

ObPlateGrid *
ob_plate_grid_read_file (const char  *path,
                         GError     **error)
{
  g_autoptr(GBytes) bytes = ob_plate_grid_load (path, error);

  return bytes != NULL ? ob_plate_grid_parse (bytes, path, error) : NULL;
}
