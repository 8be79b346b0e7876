/* fuzz-plate-grid.h — what the plate-grid harness and its regression test run on an input
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz-common.h"
#include "ob-plate-grid.h"
#include "ob-standard-curve.h"

static inline void
ob_fuzz_error_check (gboolean      ok,
                     const GError *error)
{
  if (ok == (error != NULL))
    abort ();
  if (error != NULL && (error->domain != OB_ERROR || error->message == NULL
                        || error->message[0] == '\0'
                        || !g_utf8_validate (error->message, -1, NULL)))
    abort ();
}

static inline void
ob_fuzz_assay (ObDataset *dataset)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plates = NULL;
  ObAssayColumns columns = { 0 };
  ObAssaySettings settings;

  ob_assay_settings_init (&settings);
  settings.exclude_failing = TRUE;
  plates = ob_assay_analyse (dataset, &columns, NULL, &settings, &error);
  ob_fuzz_error_check (plates != NULL, error);
  for (guint i = 0; plates != NULL && i < plates->len; i++)
    {
      const ObAssayPlate *plate = g_ptr_array_index (plates, i);

      for (guint w = 0; w < plate->wells->len; w++)
        {
          const ObAssayWell *well = &g_array_index (plate->wells, ObAssayWell, w);

          if (well->row >= ob_dataset_get_n_rows (dataset)
              || (well->sample >= 0 && (guint) well->sample >= plate->samples->len)
              || (well->standard >= 0 && (guint) well->standard >= plate->standards->len))
            abort ();
        }
    }
}

/* A form feed splits an input into the grid and the map; without one, the same bytes are both. */
static inline void
ob_fuzz_plate_grid (GBytes *bytes)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  const char *ff = size > 0 ? memchr (data, '\f', size) : NULL;
  g_autoptr(GBytes) grid_bytes = ff != NULL ? g_bytes_new_from_bytes (bytes, 0, (gsize) (ff - data))
                                            : g_bytes_ref (bytes);
  g_autoptr(GBytes) map_bytes = ff != NULL ? g_bytes_new_from_bytes (bytes, (gsize) (ff - data) + 1,
                                                                     size - (gsize) (ff - data) - 1)
                                           : g_bytes_ref (bytes);
  g_autoptr(GError) grid_error = NULL;
  g_autoptr(GError) map_error = NULL;
  g_autoptr(ObPlateGrid) grid = ob_plate_grid_parse (grid_bytes, "fuzz.txt", &grid_error);
  g_autoptr(ObPlateMap) map = ob_plate_map_parse (map_bytes, "fuzz-map.csv", &map_error);

  ob_fuzz_error_check (grid != NULL, grid_error);
  ob_fuzz_error_check (map != NULL, map_error);
  if (grid == NULL || map == NULL)
    return;
  for (guint b = 0; b <= grid->blocks->len && b <= 3; b++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ObDataset) dataset = ob_plate_grid_to_dataset (grid, b, map, &error);

      ob_fuzz_check (dataset, error);
      if (dataset != NULL)
        ob_fuzz_assay (dataset);
    }
}
