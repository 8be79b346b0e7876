/* ob-dataset.c — an in-memory table of typed columns
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-core"

#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>

#include "ob-dataset.h"

struct _ObDataset
{
  gatomicrefcount ref_count;
  gsize n_rows;
  GPtrArray *columns;      /* ObColumn * */
  GStringChunk *strings;
  char *source_path;
  char *encoding;
  char delimiter;
  gboolean decimal_comma;
  GPtrArray *warnings;     /* char * */
  GData *cache;
};

G_DEFINE_QUARK (ob-error-quark, ob_error)

static void
column_free (gpointer data)
{
  ObColumn *column = data;

  g_free (column->name);
  g_free (column->num);
  g_free (column->codes);
  g_clear_pointer (&column->levels, g_ptr_array_unref);
  g_free (column->text);
  g_free (column);
}

static ObColumn *
add_column (ObDataset    *self,
            const char   *name,
            ObColumnType  type)
{
  ObColumn *column = g_new0 (ObColumn, 1);

  column->name = g_strdup (name);
  column->type = type;
  g_ptr_array_add (self->columns, column);
  return column;
}

ObDataset *
ob_dataset_new (void)
{
  ObDataset *self = g_new0 (ObDataset, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->columns = g_ptr_array_new_with_free_func (column_free);
  self->strings = g_string_chunk_new (64 * 1024);
  self->warnings = g_ptr_array_new_with_free_func (g_free);
  self->delimiter = ',';
  return self;
}

ObDataset *
ob_dataset_ref (ObDataset *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
ob_dataset_unref (ObDataset *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_datalist_clear (&self->cache);
  g_ptr_array_unref (self->columns);
  g_string_chunk_free (self->strings);
  g_ptr_array_unref (self->warnings);
  g_free (self->source_path);
  g_free (self->encoding);
  g_free (self);
}

gpointer
ob_dataset_get_cache (const ObDataset *self,
                      const char      *key)
{
  return g_datalist_get_data ((GData **) &self->cache, key);
}

void
ob_dataset_set_cache (const ObDataset *self,
                      const char      *key,
                      gpointer         data,
                      GDestroyNotify   destroy)
{
  /* The cells never change once built, so what is derived from them stays valid; the
   * cache is not part of the table's value. */
  g_datalist_set_data_full ((GData **) &self->cache, key, data, destroy);
}

gsize
ob_dataset_get_n_rows (const ObDataset *self)
{
  return self->n_rows;
}

guint
ob_dataset_get_n_columns (const ObDataset *self)
{
  return self->columns->len;
}

const ObColumn *
ob_dataset_get_column (const ObDataset *self,
                       guint            index)
{
  g_return_val_if_fail (index < self->columns->len, NULL);
  return g_ptr_array_index (self->columns, index);
}

int
ob_dataset_find_column (const ObDataset *self,
                        const char      *name)
{
  g_autofree char *folded = NULL;

  if (name == NULL)
    return -1;
  /* Exact match first: CSV headers may differ only by case. */
  for (guint i = 0; i < self->columns->len; i++)
    {
      const ObColumn *column = g_ptr_array_index (self->columns, i);
      if (g_strcmp0 (column->name, name) == 0)
        return (int) i;
    }
  folded = g_utf8_casefold (name, -1);
  for (guint i = 0; i < self->columns->len; i++)
    {
      const ObColumn *column = g_ptr_array_index (self->columns, i);
      g_autofree char *other = g_utf8_casefold (column->name, -1);
      if (g_strcmp0 (folded, other) == 0)
        return (int) i;
    }
  return -1;
}

const ObColumn *
ob_dataset_lookup_column (const ObDataset *self,
                          const char      *name)
{
  int index = ob_dataset_find_column (self, name);

  return index < 0 ? NULL : g_ptr_array_index (self->columns, index);
}

void
ob_dataset_set_n_rows (ObDataset *self,
                       gsize      n_rows)
{
  g_return_if_fail (self->columns->len == 0 || self->n_rows == n_rows);
  self->n_rows = n_rows;
}

static void
count_missing_num (ObColumn *column,
                   gsize     n)
{
  column->n_missing = 0;
  for (gsize i = 0; i < n; i++)
    column->n_missing += isnan (column->num[i]) ? 1 : 0;
}

void
ob_dataset_add_numeric (ObDataset  *self,
                        const char *name,
                        double     *values)
{
  ObColumn *column = add_column (self, name, OB_COLUMN_NUMERIC);

  column->num = values;
  count_missing_num (column, self->n_rows);
}

void
ob_dataset_add_date (ObDataset  *self,
                     const char *name,
                     double     *days)
{
  ObColumn *column = add_column (self, name, OB_COLUMN_DATE);

  column->num = days;
  count_missing_num (column, self->n_rows);
}

void
ob_dataset_add_categorical (ObDataset  *self,
                            const char *name,
                            guint32    *codes,
                            GPtrArray  *levels)
{
  ObColumn *column = add_column (self, name, OB_COLUMN_CATEGORICAL);

  column->codes = codes;
  column->levels = levels;
  for (gsize i = 0; i < self->n_rows; i++)
    column->n_missing += codes[i] == OB_LEVEL_MISSING ? 1 : 0;
}

void
ob_dataset_add_text (ObDataset  *self,
                     const char *name,
                     char      **values)
{
  ObColumn *column = add_column (self, name, OB_COLUMN_TEXT);

  column->text = values;
  for (gsize i = 0; i < self->n_rows; i++)
    column->n_missing += values[i] == NULL ? 1 : 0;
}

GStringChunk *
ob_dataset_get_string_chunk (ObDataset *self)
{
  return self->strings;
}

const char *
ob_dataset_get_source_path (const ObDataset *self)
{
  return self->source_path;
}

void
ob_dataset_set_source_path (ObDataset  *self,
                            const char *path)
{
  g_free (self->source_path);
  self->source_path = g_strdup (path);
}

const char *
ob_dataset_get_encoding (const ObDataset *self)
{
  return self->encoding != NULL ? self->encoding : "UTF-8";
}

void
ob_dataset_set_encoding (ObDataset  *self,
                         const char *encoding)
{
  g_free (self->encoding);
  self->encoding = g_strdup (encoding);
}

char
ob_dataset_get_delimiter (const ObDataset *self)
{
  return self->delimiter;
}

void
ob_dataset_set_delimiter (ObDataset *self,
                          char       delimiter)
{
  self->delimiter = delimiter;
}

gboolean
ob_dataset_get_decimal_comma (const ObDataset *self)
{
  return self->decimal_comma;
}

void
ob_dataset_set_decimal_comma (ObDataset *self,
                              gboolean   decimal_comma)
{
  self->decimal_comma = decimal_comma;
}

const GPtrArray *
ob_dataset_get_warnings (const ObDataset *self)
{
  return self->warnings;
}

void
ob_dataset_add_warning (ObDataset  *self,
                        const char *format,
                        ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (self->warnings, g_strdup_vprintf (format, args));
  va_end (args);
}

gboolean
ob_column_is_missing (const ObColumn *column,
                      gsize           row)
{
  switch (column->type)
    {
    case OB_COLUMN_NUMERIC:
    case OB_COLUMN_DATE:
      return isnan (column->num[row]);
    case OB_COLUMN_CATEGORICAL:
      return column->codes[row] == OB_LEVEL_MISSING;
    case OB_COLUMN_TEXT:
      return column->text[row] == NULL;
    default:
      g_assert_not_reached ();
    }
}

double
ob_column_get_double (const ObColumn *column,
                      gsize           row)
{
  switch (column->type)
    {
    case OB_COLUMN_NUMERIC:
    case OB_COLUMN_DATE:
      return column->num[row];
    case OB_COLUMN_CATEGORICAL:
      {
        const char *level;
        char *end = NULL;
        double value;

        if (column->codes[row] == OB_LEVEL_MISSING)
          return NAN;
        level = g_ptr_array_index (column->levels, column->codes[row]);
        value = g_ascii_strtod (level, &end);
        return (end != level && *end == '\0') ? value : NAN;
      }
    case OB_COLUMN_TEXT:
    default:
      return NAN;
    }
}

const char *
ob_column_get_string (const ObColumn *column,
                      gsize           row)
{
  if (column->type == OB_COLUMN_CATEGORICAL)
    return column->codes[row] == OB_LEVEL_MISSING
           ? NULL : g_ptr_array_index (column->levels, column->codes[row]);
  if (column->type == OB_COLUMN_TEXT)
    return column->text[row];
  return NULL;
}

static char *
format_number (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  /* %.15g round-trips what a CSV holds without printing binary noise (0.1 stays 0.1). */
  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.15g", value));
}

char *
ob_dataset_format_cell (const ObDataset *self,
                        guint            column_index,
                        gsize            row)
{
  const ObColumn *column = ob_dataset_get_column (self, column_index);

  g_return_val_if_fail (column != NULL && row < self->n_rows, g_strdup (""));
  if (ob_column_is_missing (column, row))
    return g_strdup ("");

  switch (column->type)
    {
    case OB_COLUMN_NUMERIC:
      return format_number (column->num[row]);
    case OB_COLUMN_DATE:
      {
        g_autoptr(GDate) date = g_date_new_dmy (1, G_DATE_JANUARY, 1970);
        char buffer[16];

        double days = column->num[row];

        if (days >= 0)
          g_date_add_days (date, (guint) days);
        else
          g_date_subtract_days (date, (guint) -days);
        g_date_strftime (buffer, sizeof buffer, "%Y-%m-%d", date);
        return g_strdup (buffer);
      }
    case OB_COLUMN_CATEGORICAL:
    case OB_COLUMN_TEXT:
      return g_strdup (ob_column_get_string (column, row));
    default:
      g_assert_not_reached ();
    }
}

static const char *const type_names[] = { "numeric", "categorical", "date", "text" };

const char *
ob_column_type_to_string (ObColumnType type)
{
  g_return_val_if_fail ((guint) type < G_N_ELEMENTS (type_names), "text");
  return type_names[type];
}

gboolean
ob_column_type_from_string (const char   *str,
                            ObColumnType *out_type)
{
  for (guint i = 0; i < G_N_ELEMENTS (type_names); i++)
    if (g_ascii_strcasecmp (str, type_names[i]) == 0)
      {
        *out_type = (ObColumnType) i;
        return TRUE;
      }
  return FALSE;
}
