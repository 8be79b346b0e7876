/* fuzz-survival.c — libFuzzer entry point: imported bytes through the survival analyses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first column is the time, the second the event and the third (if any) the group, as a
 * user would pick them in any table: whatever the importer made of the bytes, the survival
 * code must give curves, a test and a Cox model, or an OB_ERROR.
 */
#define G_LOG_DOMAIN "oncobench-fuzz"

#include "config.h"

#include <stdint.h>

#include "fuzz-survival.h"

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
  ob_fuzz_survival (dataset);
  return 0;
}
