/* fuzz-common.h — what every importer harness checks after a read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stdlib.h>

#include "ob-csv-reader.h"

/* Messages would flood the fuzzer's output; a critical must still abort. */
static inline void
ob_fuzz_init (void)
{
  static gboolean done;

  if (done)
    return;
  done = TRUE;
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
}

/* Exactly one of dataset and error, an error in OB_ERROR with a message, and a dataset whose
 * columns all hold as many cells as it has rows. */
static inline void
ob_fuzz_check (ObDataset    *dataset,
               const GError *error)
{
  if ((dataset == NULL) == (error == NULL))
    abort ();
  if (error != NULL)
    {
      if (error->domain != OB_ERROR || error->message == NULL || error->message[0] == '\0')
        abort ();
      if (!g_utf8_validate (error->message, -1, NULL))
        abort ();
      return;
    }
  gsize n_rows = ob_dataset_get_n_rows (dataset);
  guint n_columns = ob_dataset_get_n_columns (dataset);

  for (guint i = 0; i < n_columns; i++)
    {
      const ObColumn *column = ob_dataset_get_column (dataset, i);

      if (column == NULL || column->name == NULL || !g_utf8_validate (column->name, -1, NULL))
        abort ();
      /* Touching every cell lets the sanitizers see arrays shorter than the row count. */
      for (gsize r = 0; r < n_rows; r++)
        {
          g_autofree char *cell = ob_dataset_format_cell (dataset, i, r);

          if (cell == NULL || !g_utf8_validate (cell, -1, NULL))
            abort ();
          if (column->type == OB_COLUMN_CATEGORICAL && column->codes[r] != OB_LEVEL_MISSING
              && column->codes[r] >= column->levels->len)
            abort ();
        }
    }
}

/* The option bytes at the start of an fuzz-csv-options input (and of a regression named
 * "options-*"): delimiter, encoding, decimal mark, and base-5 type overrides for three likely
 * column names.  Invalid choices are included on purpose: they must give an error. */
#define OB_FUZZ_N_OPTION_BYTES 4

static const char ob_fuzz_delimiters[] = { 0, ',', ';', '\t', '|', 'x' };
static const char * const ob_fuzz_encodings[] = {
  NULL, "UTF-8", "utf8", "UTF-16", "UTF-16LE", "UTF-16BE", "CP932", "SHIFT_JIS",
  "ISO-8859-1", "WINDOWS-1252", "no-such-encoding",
};

/* Returns the override table the options point to (or NULL); the caller frees it. */
static inline GHashTable *
ob_fuzz_options_decode (const guint8 *data,
                        ObCsvOptions *options)
{
  static const char * const names[] = { "a", "time", "V1" };
  GHashTable *column_types = NULL;
  guint code = data[3];

  ob_csv_options_init (options);
  options->delimiter = ob_fuzz_delimiters[data[0] % G_N_ELEMENTS (ob_fuzz_delimiters)];
  options->encoding = ob_fuzz_encodings[data[1] % G_N_ELEMENTS (ob_fuzz_encodings)];
  options->decimal_comma = (int) (data[2] % 3) - 1;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++, code /= 5)
    {
      guint pick = code % 5;   /* 0: no override, else the column type + 1 */

      if (pick == 0)
        continue;
      if (column_types == NULL)
        column_types = g_hash_table_new (g_str_hash, g_str_equal);
      g_hash_table_insert (column_types, (gpointer) names[i], GUINT_TO_POINTER (pick));
    }
  options->column_types = column_types;
  return column_types;
}
