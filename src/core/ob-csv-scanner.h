/* ob-csv-scanner.h — splitting delimited UTF-8 text into records and fields
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Private to the importer.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *ptr;          /* the cell, unquoted and trimmed; not NUL-terminated */
  gsize len;
  gsize scratch_offset;     /* G_MAXSIZE when ptr points into the input */
  gboolean quoted;
} ObCsvField;

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
  ObCsvField *fields;
  guint n_fields;
  guint fields_size;
  GString *scratch;         /* unescaped quoted fields of the current record */
} ObCsvScanner;

void      ob_csv_scanner_init          (ObCsvScanner  *s,
                                        const char    *display_name,
                                        const char    *text,
                                        gsize          len,
                                        char           delimiter);
/* A copy that goes on from where s stands, with its own buffers. */
void      ob_csv_scanner_init_copy     (ObCsvScanner       *s,
                                        const ObCsvScanner *from);
void      ob_csv_scanner_clear         (ObCsvScanner  *s);
/* Reads one record into s->fields; FALSE at the end of the input or on error
 * (OB_ERROR_PARSE "NAME:LINE:COLUMN: …"). */
gboolean  ob_csv_scanner_next          (ObCsvScanner  *s,
                                        GError       **error);
/* An empty line, skipped wherever it appears. */
gboolean  ob_csv_scanner_record_blank  (const ObCsvScanner *s);

/* The delimiter among tab, comma, semicolon and bar that splits the first lines most evenly;
 * comma when none appears. */
char      ob_csv_detect_delimiter      (const char    *text,
                                        gsize          len);
/* Whether the first records (after s's position) write decimals as "1,5". */
gboolean  ob_csv_detect_decimal_comma  (const ObCsvScanner *s);
/* An upper bound on the number of records. */
gsize     ob_csv_count_lines           (const char    *text,
                                        gsize          len);

G_END_DECLS
