/* fuzz-csv.c — libFuzzer entry point: raw bytes into the CSV/TSV importer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything is detected, as when a user opens an unknown file.  The importer must return a
 * dataset or an OB_ERROR; anything else (a crash, a sanitizer report, a leak) is a bug.
 */
#define G_LOG_DOMAIN "oncobench-fuzz"

#include "config.h"

#include <stdint.h>

#include "ob-csv-reader.h"
#include "fuzz-common.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(ObDataset) dataset = NULL;

  ob_fuzz_init ();
  dataset = ob_csv_read_bytes (bytes, "fuzz.csv", NULL, &error);
  ob_fuzz_check (dataset, error);
  return 0;
}
