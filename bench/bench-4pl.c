/* bench-4pl.c — 4PL fits and interpolations of a 96-well plate per second of CPU
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads the plate written by bench-4pl.R, then N times fits the 4PL to the 16 standard wells
 * and interpolates the 80 sample wells, as bench-4pl.R does with nls.  Prints
 * "fits_per_s X" and the coefficients, to compare with R's.
 */
#define G_LOG_DOMAIN "oncobench-bench"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ob-csv-reader.h"
#include "ob-standard-curve.h"

static double
cpu_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (double) ts.tv_sec + ts.tv_nsec / 1e9;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ObDataset) plate = NULL;
  g_autofree double *x = NULL, *y = NULL, *samples = NULL;
  const ObColumn *type, *conc, *response;
  gsize n_rows, n_std = 0, n_samples = 0;
  double start, elapsed, sum = 0;
  ObCurveFit *fit = NULL;
  int n;

  if (argc != 3)
    {
      g_printerr ("usage: %s PLATE.csv N\n", argv[0]);
      return EXIT_FAILURE;
    }
  n = atoi (argv[2]);
  plate = ob_csv_read_file (argv[1], NULL, &error);
  if (plate == NULL)
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }
  type = ob_dataset_lookup_column (plate, "type");
  conc = ob_dataset_lookup_column (plate, "conc");
  response = ob_dataset_lookup_column (plate, "response");
  n_rows = ob_dataset_get_n_rows (plate);
  x = g_new (double, n_rows);
  y = g_new (double, n_rows);
  samples = g_new (double, n_rows);
  for (gsize i = 0; i < n_rows; i++)
    if (g_strcmp0 (ob_column_get_string (type, i), "standard") == 0)
      {
        x[n_std] = conc->num[i];
        y[n_std++] = response->num[i];
      }
    else
      samples[n_samples++] = response->num[i];

  start = cpu_seconds ();
  for (int r = 0; r < n; r++)
    {
      g_clear_pointer (&fit, ob_curve_fit_free);
      fit = ob_curve_fit (OB_CURVE_4PL, OB_CURVE_WEIGHT_NONE, x, y, n_std, &error);
      if (fit == NULL)
        {
          g_printerr ("%s\n", error->message);
          return EXIT_FAILURE;
        }
      for (gsize k = 0; k < n_samples; k++)
        sum += ob_curve_fit_inverse (fit, samples[k]);
    }
  elapsed = cpu_seconds () - start;
  printf ("fits_per_s %.1f\n", n / elapsed);
  for (guint i = 0; i < fit->n_params; i++)
    printf ("%s %.10g\n", ob_curve_param_name (fit, i), fit->params[i]);
  /* Keeps the interpolations from being optimised away. */
  if (sum == 42.0)
    printf ("\n");
  ob_curve_fit_free (fit);
  return EXIT_SUCCESS;
}
