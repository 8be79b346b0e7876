/* bench-import.c — times one import of a CSV file and prints what was read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built and run by bench/bench-import.sh against the core library.
 */
#define G_LOG_DOMAIN "oncobench-bench"

#include <stdio.h>
#include <stdlib.h>

#include <glib/gstdio.h>

#include "ob-csv-reader.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ObDataset) dataset = NULL;
  gint64 start;
  double seconds;
  GStatBuf st;

  if (argc != 2)
    {
      g_printerr ("usage: %s FILE.csv\n", argv[0]);
      return EXIT_FAILURE;
    }
  start = g_get_monotonic_time ();
  dataset = ob_csv_read_file (argv[1], NULL, &error);
  seconds = (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
  if (dataset == NULL)
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }
  if (g_stat (argv[1], &st) != 0)
    st.st_size = 0;
  printf ("rows %zu, columns %u, %.3f s, %.0f MB/s\n", ob_dataset_get_n_rows (dataset),
          ob_dataset_get_n_columns (dataset), seconds, (double) st.st_size / 1e6 / seconds);
  for (guint i = 0; i < ob_dataset_get_n_columns (dataset); i++)
    {
      const ObColumn *c = ob_dataset_get_column (dataset, i);

      printf ("  %-12s %-11s missing %zu%s", c->name, ob_column_type_to_string (c->type),
              c->n_missing, c->levels != NULL ? ", levels " : "");
      if (c->levels != NULL)
        printf ("%u", c->levels->len);
      printf ("\n");
    }
  for (guint i = 0; i < ob_dataset_get_warnings (dataset)->len; i++)
    printf ("warning: %s\n",
            (const char *) g_ptr_array_index (ob_dataset_get_warnings (dataset), i));
  return EXIT_SUCCESS;
}
