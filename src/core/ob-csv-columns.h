/* ob-csv-columns.h — what the importer learns about each column, and the warnings it gives
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Private to the importer.
 */
#pragma once

#include "ob-csv-cell.h"
#include "ob-csv-reader.h"
#include "ob-csv-scanner.h"

G_BEGIN_DECLS

/* A column with more distinct values than this (or 5% of the rows) is text. */
#define CATEGORICAL_MAX_LEVELS 50
#define MAX_LISTED_LINES 10
#define EXAMPLE_MAX_BYTES 40
#define N_KINDS (OB_CSV_CELL_OTHER + 1)

/* Level → code, looked up straight from the bytes of a cell (no copy, no NUL needed). */
typedef struct
{
  guint32 *slots;           /* code + 1; 0 = empty */
  guint32 *hashes;
  guint32 mask;
} ObCsvLevelIndex;

typedef struct
{
  char *name;
  int forced;               /* ObColumnType, or -1 to infer */
  ObColumnType type;
  gboolean strings_now;     /* levels or text read in the first pass */
  gboolean rescan;          /* found to hold strings late: read again in a second pass */
  gsize counts[N_KINDS];
  gsize example_line[N_KINDS];
  char *example[N_KINDS];
  double *num;
  gboolean num_dead;
  double *days;
  gboolean days_dead;
  /* Strings. */
  ObCsvLevelIndex index;
  GPtrArray *levels;
  guint32 *codes;
  char **text;
} ObCsvColumn;


void      ob_csv_column_clear          (ObCsvColumn         *column);
/* g_malloc for the column arrays, asking for huge pages where they pay. */
gpointer  ob_csv_alloc_array           (gsize                n,
                                        gsize                size);

void      ob_csv_level_index_init      (ObCsvLevelIndex     *index);
void      ob_csv_level_index_clear     (ObCsvLevelIndex     *index);
/* The code of the level equal to s[0..len), or G_MAXUINT32. */
guint32   ob_csv_level_index_lookup    (const ObCsvLevelIndex *index,
                                        const GPtrArray       *levels,
                                        const char            *s,
                                        gsize                  len);
/* Appends s[0..len) to levels and indexes it; returns its code. */
guint32   ob_csv_level_index_add       (ObCsvLevelIndex     *index,
                                        GPtrArray           *levels,
                                        const char          *s,
                                        gsize                len);
double   *ob_csv_new_nan_array         (gsize                capacity,
                                        gsize                n_filled);
/* Column names from the header record: empty ones become "V3", repeats "x.2"; with
 * row_names a first column "row.names" comes before them (R's write.table). */
char    **ob_csv_make_names            (const ObCsvScanner  *s,
                                        gboolean             row_names,
                                        ObDataset           *dataset);
gboolean  ob_csv_apply_type_overrides  (ObCsvColumn         *columns,
                                        guint                n_columns,
                                        const ObCsvOptions  *options,
                                        const char          *display_name,
                                        GError             **error);
/* lines holds (line, number of fields) pairs for the first rows skipped. */
void      ob_csv_warn_ragged           (ObDataset           *dataset,
                                        const GArray        *lines,
                                        gsize                n_ragged,
                                        guint                n_columns);
/* After the first pass: the column's type, its arrays completed, warnings on coerced cells. */
void      ob_csv_decide_type           (ObDataset           *dataset,
                                        ObCsvColumn         *c,
                                        guint                index,
                                        gsize                n_rows);
/* Explains why a column of number-like cells (units, thousands separators) is not numeric. */
void      ob_csv_warn_number_like      (ObDataset           *dataset,
                                        const ObCsvColumn   *c);

G_END_DECLS
