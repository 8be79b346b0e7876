/* ob-dataset.h — an in-memory table of typed columns
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define OB_ERROR (ob_error_quark ())
GQuark ob_error_quark (void);

typedef enum
{
  OB_ERROR_FAILED,
  OB_ERROR_PARSE,        /* malformed input: message names file:line:column */
  OB_ERROR_ENCODING,     /* bytes that are not valid in any supported encoding */
  OB_ERROR_INVALID_ARG,  /* a column or option the user named does not fit the data */
  OB_ERROR_NO_DATA,      /* nothing left to analyse after exclusions */
  OB_ERROR_NUMERIC,      /* a fit did not converge, a matrix is singular, … */
  OB_ERROR_VERSION,      /* a file written by a newer Oncobench */
} ObErrorCode;

typedef enum
{
  OB_COLUMN_NUMERIC,
  OB_COLUMN_CATEGORICAL,
  OB_COLUMN_DATE,
  OB_COLUMN_TEXT,
} ObColumnType;

/* Missing categorical cell. */
#define OB_LEVEL_MISSING G_MAXUINT32

/* A column owns exactly one value array, chosen by its type:
 *   NUMERIC      num[i]   (NAN = missing)
 *   DATE         num[i]   days since 1970-01-01 (NAN = missing)
 *   CATEGORICAL  codes[i] index into levels (OB_LEVEL_MISSING = missing);
 *                levels are in sorted order (numeric-aware: "2" < "10")
 *   TEXT         text[i]  (NULL = missing), strings owned by the dataset
 */
typedef struct
{
  char *name;
  ObColumnType type;
  double *num;
  guint32 *codes;
  GPtrArray *levels;   /* char *, owned */
  char **text;
  gsize n_missing;
} ObColumn;

typedef struct _ObDataset ObDataset;

ObDataset      *ob_dataset_new              (void);
ObDataset      *ob_dataset_ref              (ObDataset *self);
void            ob_dataset_unref            (ObDataset *self);

/* Data derived from the cells (a sort order, …) kept for the next analysis and freed with the
 * dataset; the caller serialises access to its own key. */
gpointer        ob_dataset_get_cache        (const ObDataset *self, const char *key);
void            ob_dataset_set_cache        (const ObDataset *self, const char *key,
                                             gpointer data, GDestroyNotify destroy);

gsize           ob_dataset_get_n_rows       (const ObDataset *self);
guint           ob_dataset_get_n_columns    (const ObDataset *self);
const ObColumn *ob_dataset_get_column       (const ObDataset *self, guint index);
/* Case-insensitive match on the column name; -1 when absent. */
int             ob_dataset_find_column      (const ObDataset *self, const char *name);
const ObColumn *ob_dataset_lookup_column    (const ObDataset *self, const char *name);

/* Builders: the dataset takes ownership of the arrays (g_malloc'd, n_rows long). */
void            ob_dataset_set_n_rows       (ObDataset *self, gsize n_rows);
void            ob_dataset_add_numeric      (ObDataset *self, const char *name, double *values);
void            ob_dataset_add_date         (ObDataset *self, const char *name, double *days);
void            ob_dataset_add_categorical  (ObDataset *self, const char *name, guint32 *codes,
                                             GPtrArray *levels);
void            ob_dataset_add_text         (ObDataset *self, const char *name, char **values);
/* Strings that text/level arrays point into may live in this chunk. */
GStringChunk   *ob_dataset_get_string_chunk (ObDataset *self);

/* Where the data came from, as the importer found it. */
const char     *ob_dataset_get_source_path  (const ObDataset *self);
void            ob_dataset_set_source_path  (ObDataset *self, const char *path);
const char     *ob_dataset_get_encoding     (const ObDataset *self);
void            ob_dataset_set_encoding     (ObDataset *self, const char *encoding);
char            ob_dataset_get_delimiter    (const ObDataset *self);
void            ob_dataset_set_delimiter    (ObDataset *self, char delimiter);
gboolean        ob_dataset_get_decimal_comma (const ObDataset *self);
void            ob_dataset_set_decimal_comma (ObDataset *self, gboolean decimal_comma);
/* Import warnings (skipped rows, coerced cells, …), each a user-facing sentence. */
const GPtrArray *ob_dataset_get_warnings    (const ObDataset *self);
void            ob_dataset_add_warning      (ObDataset *self, const char *format, ...) G_GNUC_PRINTF (2, 3);

/* Cell access for display and export; returns a newly allocated string, "" when missing. */
char           *ob_dataset_format_cell      (const ObDataset *self, guint column, gsize row);
gboolean        ob_column_is_missing        (const ObColumn *column, gsize row);
/* The numeric value of a cell (numeric, date; categorical levels that parse as numbers); NAN otherwise. */
double          ob_column_get_double        (const ObColumn *column, gsize row);
/* The string of a categorical or text cell, NULL when missing or of another type. */
const char     *ob_column_get_string        (const ObColumn *column, gsize row);

const char     *ob_column_type_to_string    (ObColumnType type);   /* "numeric", … */
gboolean        ob_column_type_from_string  (const char *str, ObColumnType *out_type);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ObDataset, ob_dataset_unref)

G_END_DECLS
