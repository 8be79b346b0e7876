/* fuzz-csv-options.c — libFuzzer entry point: the importer with every option forced
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first four bytes choose the delimiter, the encoding, the decimal mark and type
 * overrides for a few likely column names; the rest is the file.  This reaches the paths a
 * user gets by picking options in the import dialog or on the command line, including
 * combinations that contradict the data.
 */
#define G_LOG_DOMAIN "oncobench-fuzz"

#include "config.h"

#include <stdint.h>

#include "fuzz-common.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ObDataset) dataset = NULL;
  g_autoptr(GHashTable) column_types = NULL;
  ObCsvOptions options;

  if (size < OB_FUZZ_N_OPTION_BYTES)
    return 0;
  ob_fuzz_init ();
  column_types = ob_fuzz_options_decode (data, &options);

  bytes = g_bytes_new (data + OB_FUZZ_N_OPTION_BYTES, size - OB_FUZZ_N_OPTION_BYTES);
  dataset = ob_csv_read_bytes (bytes, "fuzz.csv", &options, &error);
  ob_fuzz_check (dataset, error);
  return 0;
}
