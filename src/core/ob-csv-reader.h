/* ob-csv-reader.h — CSV/TSV import with encoding and type detection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ob-dataset.h"

G_BEGIN_DECLS

typedef struct
{
  /* 0 = detect; otherwise ',', ';', '\t', '|'. */
  char delimiter;
  /* NULL = detect (UTF-8 with/without BOM, UTF-16 with BOM, CP932/Shift_JIS). */
  const char *encoding;
  /* -1 = detect from the delimiter and the cells, 0 = '.', 1 = ','. */
  int decimal_comma;
  /* Per-column type overrides by column name (char * → GINT_TO_POINTER (ObColumnType + 1)),
   * or NULL. */
  GHashTable *column_types;
} ObCsvOptions;

void        ob_csv_options_init     (ObCsvOptions *options);

/* What the importer does, so that users and callers can rely on it:
 *
 * - Delimiter: the one of tab, comma, semicolon and "|" that splits the first 50 lines into
 *   the same number of fields as the header; comma when none does.
 * - Decimal comma ("1,5"), when the delimiter is not a comma and the first 1000 rows hold
 *   more numbers written that way than with a point.
 * - Quotes: fields in double quotes may hold delimiters, line breaks and doubled quotes.
 *   Unquoted fields lose leading and trailing blanks.  CRLF, LF and CR line ends; blank lines
 *   are ignored.
 * - Missing cells: empty, NA, NaN, ".", N/A, #N/A and NULL (exactly these, case-sensitive;
 *   see ob_csv_missing_markers).  Missing is missing in every column type.
 * - Types, unless column_types says otherwise: numeric when every cell is a number (plain,
 *   signed, scientific; a 0/1 column stays numeric); date when every cell is YYYY-MM-DD or
 *   YYYY/MM/DD (stored as days since 1970-01-01); otherwise categorical when the values
 *   repeat and there are at most 50 of them (or 5% of the rows), text when there are more or
 *   every value is different.  Levels are sorted: numbers by value first, then the rest in
 *   natural byte order ("T2" < "T10"), the same in every locale.
 * - Numbers with units ("12 mg", "5%") or thousands separators ("1,234") never become
 *   numbers silently: the column stays categorical or text with a warning.  A numeric or date
 *   override converts what it can (dropping units and separators) and reports the cells it
 *   set to missing, with the first line and column.
 * - Rows with more or fewer fields than the header are skipped, and a warning lists them.  A
 *   header with one field fewer than every row (R's write.table) gains a first column
 *   "row.names".  Empty header names become "V3" (the column's position), repeats "x.2".
 * - Encodings: see ob_encoding_to_utf8 (UTF-8 with or without BOM, UTF-16 with BOM, CP932). */

/* Reads a whole file.  Errors are OB_ERROR_PARSE / OB_ERROR_ENCODING with a message of the
 * form "FILE:LINE:COLUMN: what happened; what to do".  Rows that cannot be read are never
 * dropped silently: each skipped row and the count of coerced cells become dataset warnings. */
ObDataset  *ob_csv_read_file        (const char          *path,
                                     const ObCsvOptions  *options,
                                     GError             **error);

/* Same, from memory; display_name is used in messages. */
ObDataset  *ob_csv_read_bytes       (GBytes              *bytes,
                                     const char          *display_name,
                                     const ObCsvOptions  *options,
                                     GError             **error);

G_END_DECLS
