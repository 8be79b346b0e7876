/* ob-csv-reader.c — CSV/TSV import with encoding and type detection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is scanned twice at most.  The first pass reads every cell as a number or a date
 * straight into the column's final array and counts what else it meets; only columns that turn
 * out to hold strings are read again, into levels or text.  Numeric columns therefore cost
 * eight bytes a cell and no allocation per cell.
 */
#define G_LOG_DOMAIN "oncobench-core"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "ob-csv-cell.h"
#include "ob-csv-reader.h"
#include "ob-encoding.h"

#define CATEGORICAL_MAX_LEVELS 50
#define MAX_LISTED_LINES 10
#define EXAMPLE_MAX_BYTES 40
#define N_KINDS (OB_CSV_CELL_OTHER + 1)
#define NO_OFFSET G_MAXSIZE

typedef struct
{
  const char *ptr;          /* the cell, unquoted and trimmed */
  gsize len;
  gsize scratch_offset;     /* NO_OFFSET when ptr points into the input */
  const char *raw;          /* where the field starts in the input */
  gboolean quoted;
} Field;

typedef struct
{
  const char *display_name;
  const char *text;
  const char *pos;
  const char *end;
  char delimiter;
  gboolean stop[256];
  gsize line;               /* line of pos */
  gsize record_line;        /* line where the last record started */
  Field *fields;
  guint n_fields;
  guint fields_size;
  GString *scratch;         /* unescaped quoted fields of the current record */
} Scanner;

typedef struct
{
  char *name;
  int forced;               /* ObColumnType, or -1 to infer */
  ObColumnType type;
  gboolean stringy;         /* read again in the second pass */
  gsize counts[N_KINDS];
  gsize example_line[N_KINDS];
  char *example[N_KINDS];
  double *num;
  gboolean num_dead;
  double *days;
  gboolean days_dead;
  /* Second pass. */
  GHashTable *index;        /* level → code + 1; keys owned by levels */
  GPtrArray *levels;
  guint32 *codes;
  char **text;
} Column;

static void
column_clear (Column *column)
{
  g_free (column->name);
  for (guint k = 0; k < N_KINDS; k++)
    g_free (column->example[k]);
  g_free (column->num);
  g_free (column->days);
  g_clear_pointer (&column->index, g_hash_table_unref);
  g_clear_pointer (&column->levels, g_ptr_array_unref);
  g_free (column->codes);
  g_free (column->text);
}

void
ob_csv_options_init (ObCsvOptions *options)
{
  memset (options, 0, sizeof *options);
  options->decimal_comma = -1;
}

/* Scanner ------------------------------------------------------------------------------- */

static void
scanner_init (Scanner    *s,
              const char *display_name,
              const char *text,
              gsize       len,
              char        delimiter)
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
  s->scratch = g_string_new (NULL);
}

static void
scanner_clear (Scanner *s)
{
  g_free (s->fields);
  g_string_free (s->scratch, TRUE);
}

static void
scanner_set_error (Scanner     *s,
                   GError     **error,
                   const char  *where,
                   const char  *message)
{
  gsize line, column;

  ob_encoding_locate (s->text, (gsize) (where - s->text), &line, &column);
  g_set_error (error, OB_ERROR, OB_ERROR_PARSE, "%s:%zu:%zu: %s", s->display_name, line, column,
               message);
}

static inline gboolean
is_blank (char c,
          char delimiter)
{
  return c == ' ' || (c == '\t' && delimiter != '\t');
}

static inline void
scanner_push (Scanner     *s,
              const Field *field)
{
  if (s->n_fields == s->fields_size)
    {
      s->fields_size = MAX (16, s->fields_size * 2);
      s->fields = g_renew (Field, s->fields, s->fields_size);
    }
  s->fields[s->n_fields++] = *field;
}

/* Reads one record into s->fields.  FALSE at the end of the input or on error. */
static gboolean
scanner_next (Scanner  *s,
              GError  **error)
{
  const char *p = s->pos;
  const char *end = s->end;

  s->n_fields = 0;
  g_string_truncate (s->scratch, 0);
  if (p >= end)
    return FALSE;
  s->record_line = s->line;

  for (;;)
    {
      Field field = { NULL, 0, NO_OFFSET, p, FALSE };
      const char *q = p;

      while (q < end && is_blank (*q, s->delimiter))
        q++;
      if (q < end && *q == '"')
        {
          const char *segment;

          field.quoted = TRUE;
          field.raw = q;
          p = segment = q + 1;
          for (;;)
            {
              if (p >= end)
                {
                  scanner_set_error (s, error, field.raw,
                                     _("unterminated quoted field; close the quote or "
                                       "re-export the file"));
                  return FALSE;
                }
              if (*p == '"')
                {
                  if (p + 1 < end && p[1] == '"')
                    {
                      if (field.scratch_offset == NO_OFFSET)
                        field.scratch_offset = s->scratch->len;
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
          if (field.scratch_offset != NO_OFFSET)
            g_string_append_len (s->scratch, segment, p - segment);
          else
            {
              field.ptr = segment;
              field.len = (gsize) (p - segment);
            }
          p++;
          /* Text after the closing quote ("a"b) is kept rather than rejected. */
          if (p < end && !s->stop[(guchar) *p])
            {
              const char *tail = p;

              while (p < end && !s->stop[(guchar) *p])
                p++;
              if (field.scratch_offset == NO_OFFSET)
                {
                  field.scratch_offset = s->scratch->len;
                  g_string_append_len (s->scratch, field.ptr, field.len);
                }
              while (p > tail && is_blank (p[-1], s->delimiter))
                p--;
              g_string_append_len (s->scratch, tail, p - tail);
              while (p < end && !s->stop[(guchar) *p])
                p++;
            }
          if (field.scratch_offset != NO_OFFSET)
            field.len = s->scratch->len - field.scratch_offset;
        }
      else
        {
          const char *last;

          p = q;
          while (p < end && !s->stop[(guchar) *p])
            p++;
          last = p;
          while (last > q && is_blank (last[-1], s->delimiter))
            last--;
          field.ptr = q;
          field.len = (gsize) (last - q);
        }
      scanner_push (s, &field);

      if (p < end && *p == s->delimiter)
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
  for (guint i = 0; i < s->n_fields; i++)
    if (s->fields[i].scratch_offset != NO_OFFSET)
      s->fields[i].ptr = s->scratch->str + s->fields[i].scratch_offset;
  return TRUE;
}

static gboolean
record_is_blank (const Scanner *s)
{
  return s->n_fields == 1 && s->fields[0].len == 0 && !s->fields[0].quoted;
}

/* Detection ----------------------------------------------------------------------------- */

#define SNIFF_BYTES (64 * 1024)
#define SNIFF_LINES 50

static char
detect_delimiter (const char *text,
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

/* European spreadsheets write "1,5" where a comma is not the delimiter. */
static gboolean
detect_decimal_comma (const Scanner *header_scanner)
{
  Scanner s = *header_scanner;
  gsize n_comma = 0, n_dot = 0;
  double value;

  s.fields = NULL;
  s.fields_size = 0;
  s.n_fields = 0;
  s.scratch = g_string_new (NULL);
  for (guint r = 0; r < 1000 && scanner_next (&s, NULL); r++)
    for (guint i = 0; i < s.n_fields; i++)
      {
        const Field *f = &s.fields[i];

        if (has_byte (f->ptr, f->len, ',') && ob_csv_parse_number (f->ptr, f->len, ',', &value))
          n_comma++;
        else if (has_byte (f->ptr, f->len, '.')
                 && ob_csv_parse_number (f->ptr, f->len, '.', &value))
          n_dot++;
      }
  scanner_clear (&s);
  return n_comma > n_dot;
}

static gsize
count_lines (const char *text,
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

/* Header -------------------------------------------------------------------------------- */

static char **
make_names (const Scanner *s,
            ObDataset     *dataset)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) renamed = g_string_new (NULL);
  g_autoptr(GString) unnamed = g_string_new (NULL);
  char **names = g_new0 (char *, s->n_fields + 1);

  for (guint i = 0; i < s->n_fields; i++)
    {
      g_autofree char *base = g_strndup (s->fields[i].ptr, s->fields[i].len);
      char *name;

      if (base[0] == '\0')
        {
          g_free (base);
          base = g_strdup_printf ("V%u", i + 1);
          g_string_append_printf (unnamed, "%s“%s”", unnamed->len > 0 ? ", " : "", base);
        }
      name = g_strdup (base);
      for (guint k = 2; g_hash_table_contains (seen, name); k++)
        {
          g_free (name);
          name = g_strdup_printf ("%s.%u", base, k);
        }
      if (strcmp (name, base) != 0)
        g_string_append_printf (renamed, "%s“%s” → “%s”", renamed->len > 0 ? ", " : "",
                                base, name);
      g_hash_table_add (seen, g_strdup (name));
      names[i] = name;
    }
  if (unnamed->len > 0)
    ob_dataset_add_warning (dataset, _("Columns without a name were named after their "
                                       "position: %s."), unnamed->str);
  if (renamed->len > 0)
    ob_dataset_add_warning (dataset, _("Repeated column names were made unique: %s."),
                            renamed->str);
  return names;
}

static gboolean
apply_type_overrides (Column              *columns,
                      guint                n_columns,
                      const ObCsvOptions  *options,
                      const char          *display_name,
                      GError             **error)
{
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < n_columns; i++)
    columns[i].forced = -1;
  if (options->column_types == NULL)
    return TRUE;

  g_hash_table_iter_init (&iter, options->column_types);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      int type = GPOINTER_TO_INT (value) - 1;
      guint i;

      for (i = 0; i < n_columns; i++)
        if (strcmp (columns[i].name, key) == 0)
          break;
      if (i == n_columns)
        for (i = 0; i < n_columns; i++)
          if (g_ascii_strcasecmp (columns[i].name, key) == 0)
            break;
      if (i == n_columns)
        {
          g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                       _("%s has no column “%s”; check the name in the column types"),
                       display_name, (const char *) key);
          return FALSE;
        }
      if (type < OB_COLUMN_NUMERIC || type > OB_COLUMN_TEXT)
        {
          g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                       _("Unknown type for column “%s”"), columns[i].name);
          return FALSE;
        }
      columns[i].forced = type;
    }
  return TRUE;
}

/* First pass ---------------------------------------------------------------------------- */

static double *
new_nan_array (gsize capacity,
               gsize n_filled)
{
  double *array = g_new (double, MAX (capacity, 1));

  for (gsize i = 0; i < n_filled; i++)
    array[i] = NAN;
  return array;
}

static inline void
read_cell_first_pass (Column      *c,
                      const Field *f,
                      char         decimal,
                      gsize        row,
                      gsize        capacity,
                      gsize        line)
{
  double value;
  ObCsvCellKind kind = ob_csv_classify_cell (f->ptr, f->len, decimal, &value);
  gboolean is_number = kind == OB_CSV_CELL_NUMBER;
  gboolean keep_num, keep_days;

  c->counts[kind]++;
  if (c->example[kind] == NULL && kind != OB_CSV_CELL_MISSING)
    {
      c->example[kind] = g_utf8_make_valid (f->ptr, (gssize) MIN (f->len, EXAMPLE_MAX_BYTES));
      c->example_line[kind] = line;
    }

  keep_num = kind == OB_CSV_CELL_MISSING || is_number || c->forced == OB_COLUMN_NUMERIC;
  if (!c->num_dead && !keep_num)
    {
      g_clear_pointer (&c->num, g_free);
      c->num_dead = TRUE;
    }
  else if (!c->num_dead)
    {
      if (c->num == NULL)
        {
          if (kind == OB_CSV_CELL_MISSING)
            goto days;
          c->num = new_nan_array (capacity, row);
        }
      c->num[row] = kind == OB_CSV_CELL_DATE ? NAN : value;
    }

days:
  keep_days = kind == OB_CSV_CELL_MISSING || kind == OB_CSV_CELL_DATE
              || c->forced == OB_COLUMN_DATE;
  if (!c->days_dead && !keep_days)
    {
      g_clear_pointer (&c->days, g_free);
      c->days_dead = TRUE;
    }
  else if (!c->days_dead)
    {
      if (c->days == NULL)
        {
          if (kind == OB_CSV_CELL_MISSING)
            return;
          c->days = new_nan_array (capacity, row);
        }
      c->days[row] = kind == OB_CSV_CELL_DATE ? value : NAN;
    }
}

static void
grow_columns (Column *columns,
              guint   n_columns,
              gsize   capacity)
{
  for (guint i = 0; i < n_columns; i++)
    {
      if (columns[i].num != NULL)
        columns[i].num = g_renew (double, columns[i].num, capacity);
      if (columns[i].days != NULL)
        columns[i].days = g_renew (double, columns[i].days, capacity);
    }
}

static void
warn_ragged (ObDataset    *dataset,
             const GArray *lines,
             gsize         n_ragged,
             guint         n_columns)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < lines->len; i += 2)
    g_string_append_printf (list, "%s%zu (%zu)", i > 0 ? ", " : "",
                            g_array_index (lines, gsize, i), g_array_index (lines, gsize, i + 1));
  if (n_ragged > lines->len / 2)
    g_string_append (list, ", …");
  ob_dataset_add_warning (dataset,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "Skipped %zu row whose number of fields differs from "
                                       "the header’s %u; line (fields): %s.",
                                       "Skipped %zu rows whose number of fields differs from "
                                       "the header’s %u; lines (fields): %s.", n_ragged),
                          n_ragged, n_columns, list->str);
}

/* Reads every record once; returns the number of rows kept, or G_MAXSIZE on error. */
static gsize
first_pass (Scanner    *s,
            Column     *columns,
            guint       n_columns,
            char        decimal,
            gsize       capacity,
            ObDataset  *dataset,
            GError    **error)
{
  g_autoptr(GArray) ragged_lines = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr(GError) local_error = NULL;
  gsize n_ragged = 0;
  gsize row = 0;

  while (scanner_next (s, &local_error))
    {
      if (record_is_blank (s))
        continue;
      if (s->n_fields != n_columns)
        {
          if (n_ragged++ < MAX_LISTED_LINES)
            {
              gsize n = s->n_fields;

              g_array_append_val (ragged_lines, s->record_line);
              g_array_append_val (ragged_lines, n);
            }
          continue;
        }
      if (row == capacity)
        {
          capacity *= 2;
          grow_columns (columns, n_columns, capacity);
        }
      for (guint i = 0; i < n_columns; i++)
        read_cell_first_pass (&columns[i], &s->fields[i], decimal, row, capacity,
                              s->record_line);
      row++;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return G_MAXSIZE;
    }
  if (n_ragged > 0)
    warn_ragged (dataset, ragged_lines, n_ragged, n_columns);
  return row;
}

/* Types --------------------------------------------------------------------------------- */

static const char *
type_label (ObColumnType type)
{
  switch (type)
    {
    case OB_COLUMN_NUMERIC:
      return _("numeric");
    case OB_COLUMN_CATEGORICAL:
      return _("categorical");
    case OB_COLUMN_DATE:
      return _("date");
    case OB_COLUMN_TEXT:
    default:
      return _("text");
    }
}

/* The earliest example among the given kinds. */
static gsize
first_example (const Column  *c,
               const guint   *kinds,
               guint          n_kinds,
               const char   **out_text)
{
  gsize line = G_MAXSIZE;

  *out_text = "";
  for (guint k = 0; k < n_kinds; k++)
    if (c->example[kinds[k]] != NULL && c->example_line[kinds[k]] < line)
      {
        line = c->example_line[kinds[k]];
        *out_text = c->example[kinds[k]];
      }
  return line;
}

static void
warn_coerced (ObDataset    *dataset,
              const Column *c,
              guint         index,
              const guint  *bad_kinds,
              guint         n_bad_kinds)
{
  gsize n_bad = 0;
  const char *text;
  gsize line;

  for (guint k = 0; k < n_bad_kinds; k++)
    n_bad += c->counts[bad_kinds[k]];
  if (n_bad == 0)
    return;
  line = first_example (c, bad_kinds, n_bad_kinds, &text);
  ob_dataset_add_warning (dataset,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "Column “%s” is %s: %zu cell could not be read as such "
                                       "and is missing (line %zu, column %u: “%s”).",
                                       "Column “%s” is %s: %zu cells could not be read as such "
                                       "and are missing (first at line %zu, column %u: “%s”).",
                                       n_bad),
                          c->name, type_label (c->type), n_bad, line, index + 1, text);
}

static void
decide_type (ObDataset *dataset,
             Column    *c,
             guint      index,
             gsize      n_rows)
{
  static const guint lenient[] = { OB_CSV_CELL_THOUSANDS, OB_CSV_CELL_UNITS };
  gsize n_lenient = c->counts[OB_CSV_CELL_THOUSANDS] + c->counts[OB_CSV_CELL_UNITS];

  if (c->forced >= 0)
    c->type = (ObColumnType) c->forced;
  else if (!c->num_dead)
    c->type = OB_COLUMN_NUMERIC;
  else if (!c->days_dead)
    c->type = OB_COLUMN_DATE;
  else
    c->type = OB_COLUMN_CATEGORICAL;   /* or text, once the levels are counted */
  c->stringy = c->type == OB_COLUMN_CATEGORICAL || c->type == OB_COLUMN_TEXT;

  if (c->type == OB_COLUMN_NUMERIC)
    {
      static const guint bad[] = { OB_CSV_CELL_DATE, OB_CSV_CELL_OTHER };

      if (c->num == NULL)
        c->num = new_nan_array (n_rows, n_rows);
      if (n_lenient > 0)
        {
          const char *text;
          gsize line = first_example (c, lenient, G_N_ELEMENTS (lenient), &text);

          ob_dataset_add_warning (dataset,
                                  g_dngettext (GETTEXT_PACKAGE,
                                               "Column “%s”: %zu cell was converted to a number "
                                               "by dropping a unit or thousands separators "
                                               "(line %zu: “%s”).",
                                               "Column “%s”: %zu cells were converted to numbers "
                                               "by dropping units or thousands separators "
                                               "(first at line %zu: “%s”).", n_lenient),
                                  c->name, n_lenient, line, text);
        }
      warn_coerced (dataset, c, index, bad, G_N_ELEMENTS (bad));
    }
  else if (c->type == OB_COLUMN_DATE)
    {
      static const guint bad[] = { OB_CSV_CELL_NUMBER, OB_CSV_CELL_THOUSANDS,
                                   OB_CSV_CELL_UNITS, OB_CSV_CELL_OTHER };

      if (c->days == NULL)
        c->days = new_nan_array (n_rows, n_rows);
      warn_coerced (dataset, c, index, bad, G_N_ELEMENTS (bad));
    }
  else
    {
      g_clear_pointer (&c->num, g_free);
      g_clear_pointer (&c->days, g_free);
    }
}

/* Explains, after the levels are known, why a column of number-like cells is not numeric. */
static void
warn_number_like (ObDataset    *dataset,
                  const Column *c)
{
  if (c->forced >= 0 || c->counts[OB_CSV_CELL_OTHER] > 0 || c->counts[OB_CSV_CELL_DATE] > 0)
    return;
  if (c->counts[OB_CSV_CELL_UNITS] > 0)
    ob_dataset_add_warning (dataset,
                            g_dngettext (GETTEXT_PACKAGE,
                                         "Column “%s”: %zu cell looks like a number with a unit "
                                         "(line %zu: “%s”); kept as %s. Change the type to "
                                         "numeric to convert.",
                                         "Column “%s”: %zu cells look like numbers with units "
                                         "(first at line %zu: “%s”); kept as %s. Change the "
                                         "type to numeric to convert.",
                                         c->counts[OB_CSV_CELL_UNITS]),
                            c->name, c->counts[OB_CSV_CELL_UNITS],
                            c->example_line[OB_CSV_CELL_UNITS], c->example[OB_CSV_CELL_UNITS],
                            type_label (c->type));
  if (c->counts[OB_CSV_CELL_THOUSANDS] > 0)
    ob_dataset_add_warning (dataset,
                            g_dngettext (GETTEXT_PACKAGE,
                                         "Column “%s”: %zu cell looks like a number with "
                                         "thousands separators (line %zu: “%s”); kept as %s. "
                                         "Change the type to numeric to convert.",
                                         "Column “%s”: %zu cells look like numbers with "
                                         "thousands separators (first at line %zu: “%s”); "
                                         "kept as %s. Change the type to numeric to convert.",
                                         c->counts[OB_CSV_CELL_THOUSANDS]),
                            c->name, c->counts[OB_CSV_CELL_THOUSANDS],
                            c->example_line[OB_CSV_CELL_THOUSANDS],
                            c->example[OB_CSV_CELL_THOUSANDS], type_label (c->type));
}

/* Second pass --------------------------------------------------------------------------- */

static void
switch_to_text (Column       *c,
                gsize         n_rows,
                gsize         row,
                GStringChunk *chunk)
{
  c->text = g_new (char *, MAX (n_rows, 1));
  for (gsize r = 0; r < row; r++)
    c->text[r] = c->codes[r] == OB_LEVEL_MISSING
                 ? NULL : g_string_chunk_insert (chunk, g_ptr_array_index (c->levels,
                                                                          c->codes[r]));
  g_clear_pointer (&c->codes, g_free);
  g_clear_pointer (&c->index, g_hash_table_unref);
  g_clear_pointer (&c->levels, g_ptr_array_unref);
  c->type = OB_COLUMN_TEXT;
}

static inline void
read_cell_second_pass (Column       *c,
                       const Field  *f,
                       gsize         row,
                       gsize         n_rows,
                       guint         max_levels,
                       GStringChunk *chunk,
                       GString      *key)
{
  gboolean missing = ob_csv_is_missing (f->ptr, f->len);

  if (c->type == OB_COLUMN_CATEGORICAL)
    {
      gpointer code;

      if (missing)
        {
          c->codes[row] = OB_LEVEL_MISSING;
          return;
        }
      g_string_truncate (key, 0);
      g_string_append_len (key, f->ptr, (gssize) f->len);
      code = g_hash_table_lookup (c->index, key->str);
      if (code != NULL)
        {
          c->codes[row] = GPOINTER_TO_UINT (code) - 1;
          return;
        }
      if (c->forced < 0 && c->levels->len >= max_levels)
        switch_to_text (c, n_rows, row, chunk);
      else
        {
          char *level = g_strndup (f->ptr, f->len);

          g_ptr_array_add (c->levels, level);
          g_hash_table_insert (c->index, level, GUINT_TO_POINTER (c->levels->len));
          c->codes[row] = c->levels->len - 1;
          return;
        }
    }
  c->text[row] = missing ? NULL : g_string_chunk_insert_len (chunk, f->ptr, (gssize) f->len);
}

static int
compare_level_ptrs (gconstpointer a,
                    gconstpointer b)
{
  return ob_csv_compare_levels (*(char *const *) a, *(char *const *) b);
}

static void
finish_categorical (Column       *c,
                    gsize         n_rows,
                    GStringChunk *chunk)
{
  gsize n_present = n_rows - c->counts[OB_CSV_CELL_MISSING];
  g_autofree guint32 *remap = NULL;

  /* Every value distinct: identifiers or free text, not groups. */
  if (c->forced < 0 && c->levels->len > 2 && c->levels->len == n_present)
    {
      switch_to_text (c, n_rows, n_rows, chunk);
      return;
    }
  g_ptr_array_sort (c->levels, compare_level_ptrs);
  remap = g_new (guint32, MAX (c->levels->len, 1));
  for (guint i = 0; i < c->levels->len; i++)
    remap[GPOINTER_TO_UINT (g_hash_table_lookup (c->index, c->levels->pdata[i])) - 1] = i;
  for (gsize r = 0; r < n_rows; r++)
    if (c->codes[r] != OB_LEVEL_MISSING)
      c->codes[r] = remap[c->codes[r]];
  g_clear_pointer (&c->index, g_hash_table_unref);
}

static void
second_pass (Scanner    *s,
             Column     *columns,
             guint       n_columns,
             gsize       n_rows,
             ObDataset  *dataset)
{
  GStringChunk *chunk = ob_dataset_get_string_chunk (dataset);
  g_autoptr(GString) key = g_string_new (NULL);
  guint max_levels = (guint) MAX (CATEGORICAL_MAX_LEVELS, n_rows / 20);
  g_autofree guint *stringy = g_new (guint, n_columns);
  guint n_stringy = 0;
  gsize row = 0;

  for (guint i = 0; i < n_columns; i++)
    {
      Column *c = &columns[i];

      if (!c->stringy)
        continue;
      stringy[n_stringy++] = i;
      if (c->type == OB_COLUMN_CATEGORICAL)
        {
          c->codes = g_new (guint32, MAX (n_rows, 1));
          c->levels = g_ptr_array_new_with_free_func (g_free);
          c->index = g_hash_table_new (g_str_hash, g_str_equal);
        }
      else
        c->text = g_new (char *, MAX (n_rows, 1));
    }

  /* The first pass read the same bytes without error, so this one cannot fail. */
  while (row < n_rows && scanner_next (s, NULL))
    {
      if (record_is_blank (s) || s->n_fields != n_columns)
        continue;
      for (guint j = 0; j < n_stringy; j++)
        read_cell_second_pass (&columns[stringy[j]], &s->fields[stringy[j]], row, n_rows,
                               max_levels, chunk, key);
      row++;
    }
  g_assert (row == n_rows);

  for (guint j = 0; j < n_stringy; j++)
    {
      Column *c = &columns[stringy[j]];

      if (c->type == OB_COLUMN_CATEGORICAL)
        finish_categorical (c, n_rows, chunk);
      warn_number_like (dataset, c);
    }
}

/* Public -------------------------------------------------------------------------------- */

static void
add_column (ObDataset *dataset,
            Column    *c,
            gsize      n_rows)
{
  gsize size = MAX (n_rows, 1);

  switch (c->type)
    {
    case OB_COLUMN_NUMERIC:
      ob_dataset_add_numeric (dataset, c->name, g_renew (double, g_steal_pointer (&c->num), size));
      break;
    case OB_COLUMN_DATE:
      ob_dataset_add_date (dataset, c->name, g_renew (double, g_steal_pointer (&c->days), size));
      break;
    case OB_COLUMN_CATEGORICAL:
      ob_dataset_add_categorical (dataset, c->name, g_steal_pointer (&c->codes),
                                  g_steal_pointer (&c->levels));
      break;
    case OB_COLUMN_TEXT:
    default:
      ob_dataset_add_text (dataset, c->name, g_steal_pointer (&c->text));
      break;
    }
}

static ObDataset *
read_text (const char          *text,
           gsize                len,
           const char          *display_name,
           const ObCsvOptions  *options,
           ObDataset           *dataset,
           GError             **error)
{
  char delimiter = options->delimiter != 0 ? options->delimiter : detect_delimiter (text, len);
  g_auto(GStrv) names = NULL;
  Column *columns = NULL;
  guint n_columns = 0;
  gboolean decimal_comma;
  gboolean any_stringy = FALSE;
  gsize capacity, n_rows;
  Scanner s;
  GError *local_error = NULL;
  ObDataset *result = NULL;

  scanner_init (&s, display_name, text, len, delimiter);
  while (scanner_next (&s, &local_error) && record_is_blank (&s))
    ;
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      goto out;
    }
  if (s.n_fields == 0)
    {
      g_set_error (error, OB_ERROR, OB_ERROR_NO_DATA,
                   _("%s: the file is empty; choose a file with a header line and data rows"),
                   display_name);
      goto out;
    }

  names = make_names (&s, dataset);
  n_columns = s.n_fields;
  columns = g_new0 (Column, n_columns);
  for (guint i = 0; i < n_columns; i++)
    columns[i].name = g_strdup (names[i]);
  if (!apply_type_overrides (columns, n_columns, options, display_name, error))
    goto out;

  if (options->decimal_comma >= 0)
    decimal_comma = options->decimal_comma > 0 && delimiter != ',';
  else
    decimal_comma = delimiter != ',' && detect_decimal_comma (&s);

  capacity = count_lines (s.pos, (gsize) (s.end - s.pos));
  n_rows = first_pass (&s, columns, n_columns, decimal_comma ? ',' : '.', capacity, dataset,
                       error);
  if (n_rows == G_MAXSIZE)
    goto out;
  if (n_rows == 0)
    {
      if (ob_dataset_get_warnings (dataset)->len > 0)
        g_set_error (error, OB_ERROR, OB_ERROR_NO_DATA,
                     _("%s: no row has the %u fields of the header line; check the delimiter"),
                     display_name, n_columns);
      else
        g_set_error (error, OB_ERROR, OB_ERROR_NO_DATA,
                     _("%s: the file has a header line but no data rows"), display_name);
      goto out;
    }

  for (guint i = 0; i < n_columns; i++)
    {
      decide_type (dataset, &columns[i], i, n_rows);
      any_stringy |= columns[i].stringy;
    }
  if (any_stringy)
    {
      Scanner again;

      scanner_init (&again, display_name, text, len, delimiter);
      while (scanner_next (&again, NULL) && record_is_blank (&again))
        ;
      second_pass (&again, columns, n_columns, n_rows, dataset);
      scanner_clear (&again);
    }

  ob_dataset_set_n_rows (dataset, n_rows);
  for (guint i = 0; i < n_columns; i++)
    add_column (dataset, &columns[i], n_rows);
  ob_dataset_set_delimiter (dataset, delimiter);
  ob_dataset_set_decimal_comma (dataset, decimal_comma);
  result = ob_dataset_ref (dataset);

out:
  if (columns != NULL)
    for (guint i = 0; i < n_columns; i++)
      column_clear (&columns[i]);
  g_free (columns);
  scanner_clear (&s);
  return result;
}

ObDataset *
ob_csv_read_bytes (GBytes              *bytes,
                   const char          *display_name,
                   const ObCsvOptions  *options,
                   GError             **error)
{
  g_autoptr(ObDataset) dataset = NULL;
  g_autoptr(GBytes) utf8 = NULL;
  g_autofree char *encoding = NULL;
  ObCsvOptions defaults;
  const char *text;
  gsize len;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (display_name == NULL)
    display_name = _("data");
  if (options == NULL)
    {
      ob_csv_options_init (&defaults);
      options = &defaults;
    }
  if (options->delimiter != 0 && options->delimiter != ',' && options->delimiter != ';'
      && options->delimiter != '\t' && options->delimiter != '|')
    {
      g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                   _("“%c” is not a supported delimiter; use a comma, semicolon, tab or "
                     "vertical bar"), options->delimiter);
      return NULL;
    }

  utf8 = ob_encoding_to_utf8 (bytes, options->encoding, display_name, &encoding, error);
  if (utf8 == NULL)
    return NULL;
  text = g_bytes_get_data (utf8, &len);
  if (text == NULL)
    text = "";

  dataset = ob_dataset_new ();
  ob_dataset_set_encoding (dataset, encoding);
  return read_text (text, len, display_name, options, dataset, error);
}

ObDataset *
ob_csv_read_file (const char          *path,
                  const ObCsvOptions  *options,
                  GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *display_name = NULL;
  ObDataset *dataset;

  g_return_val_if_fail (path != NULL, NULL);

  mapped = g_mapped_file_new (path, FALSE, &local_error);
  if (mapped == NULL)
    {
      g_set_error (error, OB_ERROR, OB_ERROR_FAILED, "%s", local_error->message);
      return NULL;
    }
  /* The bytes keep the mapping alive; UTF-8 input is read in place, never copied. */
  bytes = g_mapped_file_get_bytes (mapped);
  display_name = g_path_get_basename (path);
  dataset = ob_csv_read_bytes (bytes, display_name, options, error);
  if (dataset != NULL)
    ob_dataset_set_source_path (dataset, path);
  return dataset;
}
