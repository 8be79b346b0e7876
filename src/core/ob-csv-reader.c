/* ob-csv-reader.c — CSV/TSV import with encoding and type detection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One pass reads every cell straight into its column's final array: numbers and dates as
 * doubles, strings as level codes or text.  A column is read as strings once a cell shows it
 * cannot be numeric or a date while nothing but missing cells came before; only a column
 * that turns to strings late (numbers first, words later) is read again in a second pass.
 * Numeric columns cost eight bytes a cell and no allocation per cell.
 */
#define G_LOG_DOMAIN "oncobench-core"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "ob-csv-columns.h"
#include "ob-encoding.h"

void
ob_csv_options_init (ObCsvOptions *options)
{
  memset (options, 0, sizeof *options);
  options->decimal_comma = -1;
}

/* Reading ------------------------------------------------------------------------------- */

typedef struct
{
  ObDataset *dataset;
  GStringChunk *chunk;
  char decimal;
  gsize capacity;           /* rows the column arrays hold */
  guint max_levels;         /* beyond this many levels a column is text */
  ObCsvColumn *columns;
  guint n_columns;
} Import;

static void
switch_to_text (Import      *im,
                ObCsvColumn *c,
                gsize        row)
{
  c->text = ob_csv_alloc_array (im->capacity, sizeof (char *));
  for (gsize r = 0; r < row; r++)
    c->text[r] = c->codes[r] == OB_LEVEL_MISSING
                 ? NULL : g_string_chunk_insert (im->chunk, g_ptr_array_index (c->levels,
                                                                              c->codes[r]));
  g_clear_pointer (&c->codes, g_free);
  ob_csv_level_index_clear (&c->index);
  g_clear_pointer (&c->levels, g_ptr_array_unref);
  c->type = OB_COLUMN_TEXT;
}

/* From row on, the column's cells are read as levels (or text when forced so). */
static void
start_strings (Import      *im,
               ObCsvColumn *c,
               gsize        row)
{
  g_clear_pointer (&c->num, g_free);
  g_clear_pointer (&c->days, g_free);
  c->num_dead = c->days_dead = TRUE;
  c->strings_now = TRUE;
  c->type = c->forced == OB_COLUMN_TEXT ? OB_COLUMN_TEXT : OB_COLUMN_CATEGORICAL;
  if (c->type == OB_COLUMN_TEXT)
    {
      c->text = ob_csv_alloc_array (im->capacity, sizeof (char *));
      for (gsize r = 0; r < row; r++)
        c->text[r] = NULL;
      return;
    }
  c->codes = ob_csv_alloc_array (im->capacity, sizeof (guint32));
  for (gsize r = 0; r < row; r++)
    c->codes[r] = OB_LEVEL_MISSING;
  c->levels = g_ptr_array_new_with_free_func (g_free);
  ob_csv_level_index_init (&c->index);
}

static inline void
read_cell_strings (Import           *im,
                   ObCsvColumn      *c,
                   const ObCsvField *f,
                   gsize             row,
                   gboolean          count_missing)
{
  gboolean missing = ob_csv_is_missing (f->ptr, f->len);

  if (missing && count_missing)
    c->counts[OB_CSV_CELL_MISSING]++;
  if (c->type == OB_COLUMN_CATEGORICAL)
    {
      guint32 code;

      if (missing)
        {
          c->codes[row] = OB_LEVEL_MISSING;
          return;
        }
      code = ob_csv_level_index_lookup (&c->index, c->levels, f->ptr, f->len);
      if (code != G_MAXUINT32)
        {
          c->codes[row] = code;
          return;
        }
      if (c->forced < 0 && c->levels->len >= im->max_levels)
        switch_to_text (im, c, row);
      else
        {
          c->codes[row] = ob_csv_level_index_add (&c->index, c->levels, f->ptr, f->len);
          return;
        }
    }
  c->text[row] = missing ? NULL : g_string_chunk_insert_len (im->chunk, f->ptr, (gssize) f->len);
}

static inline void
read_cell (Import           *im,
           ObCsvColumn      *c,
           const ObCsvField *f,
           gsize             row,
           gsize             line)
{
  double value;
  ObCsvCellKind kind;
  gboolean keep;

  if (c->strings_now)
    {
      read_cell_strings (im, c, f, row, TRUE);
      return;
    }
  /* The common case first: a number in a column that has held only numbers so far. */
  if (c->num != NULL && c->days_dead && c->forced != OB_COLUMN_DATE
      && ob_csv_parse_number (f->ptr, f->len, im->decimal, &value))
    {
      c->counts[OB_CSV_CELL_NUMBER]++;
      c->num[row] = value;
      return;
    }

  kind = ob_csv_classify_cell (f->ptr, f->len, im->decimal, &value);
  c->counts[kind]++;
  if (c->example[kind] == NULL && kind != OB_CSV_CELL_MISSING)
    {
      c->example[kind] = g_utf8_make_valid (f->ptr, (gssize) MIN (f->len, EXAMPLE_MAX_BYTES));
      c->example_line[kind] = line;
    }

  /* Words after nothing but missing cells: the column holds strings, read them now. */
  if (kind == OB_CSV_CELL_OTHER && c->forced < 0
      && c->counts[OB_CSV_CELL_MISSING] == row)
    {
      start_strings (im, c, row);
      read_cell_strings (im, c, f, row, FALSE);
      return;
    }

  keep = kind == OB_CSV_CELL_MISSING || kind == OB_CSV_CELL_NUMBER
         || c->forced == OB_COLUMN_NUMERIC;
  if (!c->num_dead && !keep)
    {
      g_clear_pointer (&c->num, g_free);
      c->num_dead = TRUE;
    }
  else if (!c->num_dead && (c->num != NULL || kind != OB_CSV_CELL_MISSING))
    {
      if (c->num == NULL)
        c->num = ob_csv_new_nan_array (im->capacity, row);
      c->num[row] = kind == OB_CSV_CELL_DATE ? NAN : value;
    }

  keep = kind == OB_CSV_CELL_MISSING || kind == OB_CSV_CELL_DATE || c->forced == OB_COLUMN_DATE;
  if (!c->days_dead && !keep)
    {
      g_clear_pointer (&c->days, g_free);
      c->days_dead = TRUE;
    }
  else if (!c->days_dead && (c->days != NULL || kind != OB_CSV_CELL_MISSING))
    {
      if (c->days == NULL)
        c->days = ob_csv_new_nan_array (im->capacity, row);
      c->days[row] = kind == OB_CSV_CELL_DATE ? value : NAN;
    }
}

static void
grow_columns (Import *im)
{
  im->capacity *= 2;
  for (guint i = 0; i < im->n_columns; i++)
    {
      ObCsvColumn *c = &im->columns[i];

      if (c->num != NULL)
        c->num = g_renew (double, c->num, im->capacity);
      if (c->days != NULL)
        c->days = g_renew (double, c->days, im->capacity);
      if (c->codes != NULL)
        c->codes = g_renew (guint32, c->codes, im->capacity);
      if (c->text != NULL)
        c->text = g_renew (char *, c->text, im->capacity);
    }
}

/* Reads every record once; returns the number of rows kept, or G_MAXSIZE on error. */
static gsize
first_pass (Import        *im,
            ObCsvScanner  *s,
            GError       **error)
{
  g_autoptr(GArray) ragged_lines = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr(GError) local_error = NULL;
  gsize n_ragged = 0;
  gsize row = 0;

  for (guint i = 0; i < im->n_columns; i++)
    if (im->columns[i].forced == OB_COLUMN_CATEGORICAL || im->columns[i].forced == OB_COLUMN_TEXT)
      start_strings (im, &im->columns[i], 0);

  while (ob_csv_scanner_next (s, &local_error))
    {
      if (G_UNLIKELY (s->n_fields != im->n_columns))
        {
          if (ob_csv_scanner_record_blank (s))
            continue;
          if (n_ragged++ < MAX_LISTED_LINES)
            {
              gsize n = s->n_fields;

              g_array_append_val (ragged_lines, s->record_line);
              g_array_append_val (ragged_lines, n);
            }
          continue;
        }
      if (G_UNLIKELY (im->n_columns == 1 && ob_csv_scanner_record_blank (s)))
        continue;
      if (G_UNLIKELY (row == im->capacity))
        grow_columns (im);
      for (guint i = 0; i < im->n_columns; i++)
        read_cell (im, &im->columns[i], &s->fields[i], row, s->record_line);
      row++;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return G_MAXSIZE;
    }
  if (n_ragged > 0)
    ob_csv_warn_ragged (im->dataset, ragged_lines, n_ragged, im->n_columns);
  return row;
}

/* Reads again the columns that turned out to hold strings after numbers or dates. */
static void
second_pass (Import       *im,
             ObCsvScanner *s,
             gsize         n_rows)
{
  g_autofree guint *rescan = g_new (guint, im->n_columns);
  guint n_rescan = 0;
  gsize row = 0;

  for (guint i = 0; i < im->n_columns; i++)
    if (im->columns[i].rescan)
      {
        rescan[n_rescan++] = i;
        start_strings (im, &im->columns[i], 0);
      }
  if (n_rescan == 0)
    return;

  /* The first pass read the same bytes without error, so this one cannot fail. */
  while (row < n_rows && ob_csv_scanner_next (s, NULL))
    {
      if (s->n_fields != im->n_columns
          || (im->n_columns == 1 && ob_csv_scanner_record_blank (s)))
        continue;
      for (guint j = 0; j < n_rescan; j++)
        read_cell_strings (im, &im->columns[rescan[j]], &s->fields[rescan[j]], row, FALSE);
      row++;
    }
  g_assert (row == n_rows);
}

static int
compare_level_codes (gconstpointer a,
                     gconstpointer b,
                     gpointer      data)
{
  const GPtrArray *levels = data;

  return ob_csv_compare_levels (levels->pdata[*(const guint32 *) a],
                                levels->pdata[*(const guint32 *) b]);
}

static void
finish_categorical (Import      *im,
                    ObCsvColumn *c,
                    gsize        n_rows)
{
  gsize n_present = n_rows - c->counts[OB_CSV_CELL_MISSING];
  g_autofree guint32 *remap = NULL;
  g_autofree guint32 *order = NULL;
  g_autofree gpointer *sorted = NULL;
  guint32 n_levels;

  /* Every value distinct: identifiers or free text, not groups. */
  if (c->forced < 0 && c->levels->len > 2 && c->levels->len == n_present)
    {
      switch_to_text (im, c, n_rows);
      return;
    }
  n_levels = c->levels->len;
  order = g_new (guint32, MAX (n_levels, 1));
  sorted = g_new (gpointer, MAX (n_levels, 1));
  remap = g_new (guint32, MAX (n_levels, 1));
  for (guint32 i = 0; i < n_levels; i++)
    order[i] = i;
  g_qsort_with_data (order, (gint) n_levels, sizeof (guint32), compare_level_codes, c->levels);
  for (guint32 i = 0; i < n_levels; i++)
    {
      remap[order[i]] = i;
      sorted[i] = c->levels->pdata[order[i]];
    }
  if (n_levels > 0)
    memcpy (c->levels->pdata, sorted, n_levels * sizeof (gpointer));
  for (gsize r = 0; r < n_rows; r++)
    if (c->codes[r] != OB_LEVEL_MISSING)
      c->codes[r] = remap[c->codes[r]];
  ob_csv_level_index_clear (&c->index);
}

static void
add_column (ObDataset   *dataset,
            ObCsvColumn *c,
            gsize        n_rows)
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
      ob_dataset_add_categorical (dataset, c->name,
                                  g_renew (guint32, g_steal_pointer (&c->codes), size),
                                  g_steal_pointer (&c->levels));
      break;
    case OB_COLUMN_TEXT:
    default:
      ob_dataset_add_text (dataset, c->name, g_renew (char *, g_steal_pointer (&c->text), size));
      break;
    }
}

/* Reading a whole text ------------------------------------------------------------------ */

/* Excel reads, and some exports write, a first line "sep=;" naming the delimiter. */
static char
excel_separator_hint (const char *text,
                      gsize       len)
{
  if (len < 5 || memcmp (text, "sep=", 4) != 0 || strchr (",;\t|", text[4]) == NULL
      || text[4] == '\0' || (len > 5 && text[5] != '\n' && text[5] != '\r'))
    return 0;
  return text[4];
}

/* R's write.table leaves the row-name column out of the header line: every row then has
 * one field more than the header. */
static gboolean
has_row_names (const ObCsvScanner *header)
{
  ObCsvScanner s;
  gboolean result = FALSE;
  guint n_checked = 0;

  ob_csv_scanner_init_copy (&s, header);
  while (n_checked < 100 && ob_csv_scanner_next (&s, NULL))
    {
      if (ob_csv_scanner_record_blank (&s))
        continue;
      result = s.n_fields == header->n_fields + 1;
      if (!result)
        break;
      n_checked++;
    }
  ob_csv_scanner_clear (&s);
  return result;
}

static ObDataset *
read_text (const char          *text,
           gsize                len,
           const char          *display_name,
           const ObCsvOptions  *options,
           ObDataset           *dataset,
           GError             **error)
{
  char hint = excel_separator_hint (text, len);
  char delimiter = options->delimiter != 0 ? options->delimiter
                   : hint != 0 ? hint : ob_csv_detect_delimiter (text, len);
  g_auto(GStrv) names = NULL;
  Import im = { dataset, ob_dataset_get_string_chunk (dataset), '.', 0, 0, NULL, 0 };
  gboolean decimal_comma;
  gsize n_rows;
  ObCsvScanner s;
  GError *local_error = NULL;
  ObDataset *result = NULL;

  ob_csv_scanner_init (&s, display_name, text, len, delimiter);
  if (hint != 0)
    ob_csv_scanner_next (&s, NULL);
  while (ob_csv_scanner_next (&s, &local_error) && ob_csv_scanner_record_blank (&s))
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

  names = ob_csv_make_names (&s, has_row_names (&s), dataset);
  im.n_columns = g_strv_length (names);
  im.columns = g_new0 (ObCsvColumn, im.n_columns);
  for (guint i = 0; i < im.n_columns; i++)
    im.columns[i].name = g_strdup (names[i]);
  if (!ob_csv_apply_type_overrides (im.columns, im.n_columns, options, display_name, error))
    goto out;

  if (options->decimal_comma >= 0)
    decimal_comma = options->decimal_comma > 0 && delimiter != ',';
  else
    decimal_comma = delimiter != ',' && ob_csv_detect_decimal_comma (&s);
  im.decimal = decimal_comma ? ',' : '.';
  im.capacity = ob_csv_count_lines (s.pos, (gsize) (s.end - s.pos));
  im.max_levels = (guint) MIN (G_MAXUINT, MAX (CATEGORICAL_MAX_LEVELS, im.capacity / 20));

  n_rows = first_pass (&im, &s, error);
  if (n_rows == G_MAXSIZE)
    goto out;
  if (n_rows == 0)
    {
      if (ob_dataset_get_warnings (dataset)->len > 0)
        g_set_error (error, OB_ERROR, OB_ERROR_NO_DATA,
                     _("%s: no row has the %u fields of the header line; check the delimiter"),
                     display_name, im.n_columns);
      else
        g_set_error (error, OB_ERROR, OB_ERROR_NO_DATA,
                     _("%s: the file has a header line but no data rows"), display_name);
      goto out;
    }

  for (guint i = 0; i < im.n_columns; i++)
    ob_csv_decide_type (dataset, &im.columns[i], i, n_rows);
  {
    ObCsvScanner again;

    ob_csv_scanner_init (&again, display_name, text, len, delimiter);
    if (hint != 0)
      ob_csv_scanner_next (&again, NULL);
    while (ob_csv_scanner_next (&again, NULL) && ob_csv_scanner_record_blank (&again))
      ;
    second_pass (&im, &again, n_rows);
    ob_csv_scanner_clear (&again);
  }
  for (guint i = 0; i < im.n_columns; i++)
    {
      ObCsvColumn *c = &im.columns[i];

      if (c->type == OB_COLUMN_CATEGORICAL)
        finish_categorical (&im, c, n_rows);
      if (c->rescan)
        ob_csv_warn_number_like (dataset, c);
    }

  ob_dataset_set_n_rows (dataset, n_rows);
  for (guint i = 0; i < im.n_columns; i++)
    add_column (dataset, &im.columns[i], n_rows);
  ob_dataset_set_delimiter (dataset, delimiter);
  ob_dataset_set_decimal_comma (dataset, decimal_comma);
  result = ob_dataset_ref (dataset);

out:
  for (guint i = 0; i < im.n_columns; i++)
    ob_csv_column_clear (&im.columns[i]);
  g_free (im.columns);
  ob_csv_scanner_clear (&s);
  return result;
}

/* .xlsx and .ods are zip archives, .xls an OLE2 compound file: both common by mistake. */
static gboolean
is_workbook (GBytes *bytes)
{
  static const guint8 zip[] = { 'P', 'K', 3, 4 };
  static const guint8 ole2[] = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };
  gsize len = 0;
  const guint8 *data = g_bytes_get_data (bytes, &len);

  return (len >= sizeof zip && memcmp (data, zip, sizeof zip) == 0)
         || (len >= sizeof ole2 && memcmp (data, ole2, sizeof ole2) == 0);
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

  if (is_workbook (bytes))
    {
      g_set_error (error, OB_ERROR, OB_ERROR_ENCODING,
                   _("%s: this is a spreadsheet workbook, not a text table; in Excel choose "
                     "Save As ▸ “CSV UTF-8” and import that file"), display_name);
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
