/* ob-csv-cell.h — reading one imported cell: numbers, dates, missing markers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Private to the importer; exposed so the tests can check each rule on its own.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  OB_CSV_CELL_MISSING,     /* empty, NA, NaN, ".", N/A, #N/A, NULL */
  OB_CSV_CELL_NUMBER,      /* 12, -3.5, 1e-3, .5 (with the file's decimal mark) */
  OB_CSV_CELL_DATE,        /* YYYY-MM-DD or YYYY/MM/DD, value = days since 1970-01-01 */
  OB_CSV_CELL_THOUSANDS,   /* 1,234 or 1,234.5 (1.234,5 with a decimal comma) */
  OB_CSV_CELL_UNITS,       /* a number followed by a unit: 12 mg, 5%, 3.2 mg/kg */
  OB_CSV_CELL_OTHER,
} ObCsvCellKind;

/* The complete list of cell values read as missing, for documentation and messages. */
extern const char *const ob_csv_missing_markers[];

gboolean       ob_csv_is_missing      (const char *s, gsize len);
/* Whole cell as a plain number; decimal is '.' or ','. */
gboolean       ob_csv_parse_number    (const char *s, gsize len, char decimal, double *out);
gboolean       ob_csv_parse_date      (const char *s, gsize len, double *out_days);
/* Classifies a trimmed cell; *out_value holds the number, the lenient number (thousands
 * separators or units dropped) or the days, NAN otherwise. */
ObCsvCellKind  ob_csv_classify_cell   (const char *s, gsize len, char decimal, double *out_value);
/* Level order: cells that are numbers first, by value; then the rest in natural order
 * ("dose 2" < "dose 10"), ties by bytes.  Deterministic in every locale. */
int            ob_csv_compare_levels  (const char *a, const char *b);

G_END_DECLS
