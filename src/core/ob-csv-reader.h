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
