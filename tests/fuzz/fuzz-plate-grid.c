/* fuzz-plate-grid.c — libFuzzer entry point: raw bytes as a plate reader's grid and a plate map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same bytes are read as a grid of responses and as a plate map; each read must give a
 * result or an OB_ERROR.  When both succeed, every block and then all blocks together become
 * the long form, which must hold together as a dataset and go through the assay analysis
 * (a result or an OB_ERROR again).
 */
#define G_LOG_DOMAIN "oncobench-fuzz"

#include "config.h"

#include <stdint.h>

#include "fuzz-common.h"
#include "fuzz-plate-grid.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);

  ob_fuzz_init ();
  ob_fuzz_plate_grid (bytes);
  return 0;
}
