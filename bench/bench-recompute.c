/* bench-recompute.c — CPU of the survival page's recompute, in core calls only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-recompute COHORT.csv RUNS: builds the survival data (time, event = 1, group arm;
 * every other run without stage IV), the Kaplan–Meier curves, the log-rank test and the
 * arm's Cox model RUNS times and prints the mean thread CPU of each after the first run.
 * Run it with GLIBC_TUNABLES=glibc.malloc.trim_threshold=268435456:\
 * glibc.malloc.mmap_threshold=33554432 to see what the application's malloc settings give.
 */
#define G_LOG_DOMAIN "oncobench-bench"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "ob-cox.h"
#include "ob-csv-reader.h"
#include "ob-kaplan-meier.h"
#include "ob-logrank.h"
#include "ob-surv-data.h"

static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (double) ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

int
main (int   argc,
      char *argv[])
{
  const char * const events[] = { "1", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(ObDataset) dataset = NULL;
  g_autofree guint8 *mask = NULL;
  ObSurvSpec spec = { .time_column = "time", .event_column = "event",
                      .group_column = "arm", .event_values = events };
  const ObColumn *stage;
  double sum[4] = { 0, 0, 0, 0 };
  gsize n_rows;
  int runs;

  if (argc != 3 || (runs = atoi (argv[2])) < 2)
    {
      g_printerr ("usage: %s COHORT.csv RUNS (at least 2)\n", argv[0]);
      return EXIT_FAILURE;
    }
  dataset = ob_csv_read_file (argv[1], NULL, &error);
  if (dataset == NULL || (stage = ob_dataset_lookup_column (dataset, "stage")) == NULL
      || stage->type != OB_COLUMN_CATEGORICAL)
    {
      g_printerr ("%s\n", error != NULL ? error->message : "no categorical column “stage”");
      return EXIT_FAILURE;
    }
  n_rows = ob_dataset_get_n_rows (dataset);
  mask = g_new (guint8, n_rows);
  for (gsize i = 0; i < n_rows; i++)
    mask[i] = stage->codes[i] != 3;

  for (int r = 0; r < runs; r++)
    {
      g_autoptr(ObSurvData) data = NULL;
      g_autoptr(ObKmFit) fit = NULL;
      g_autoptr(ObSurvTest) test = NULL;
      g_autoptr(ObCox) cox = NULL;
      double t[5];

      t[0] = cpu_ms ();
      data = ob_surv_data_new (dataset, &spec, r % 2 ? mask : NULL, &error);
      t[1] = cpu_ms ();
      fit = data != NULL ? ob_km_fit (data, NULL, &error) : NULL;
      t[2] = cpu_ms ();
      test = fit != NULL ? ob_surv_test (data, OB_SURV_TEST_LOGRANK, FALSE, &error) : NULL;
      t[3] = cpu_ms ();
      cox = test != NULL ? ob_cox_fit (data, NULL, &error) : NULL;
      t[4] = cpu_ms ();
      if (cox == NULL)
        {
          g_printerr ("%s\n", error->message);
          return EXIT_FAILURE;
        }
      for (guint k = 0; k < 4 && r > 0; k++)
        sum[k] += t[k + 1] - t[k];
      if (r == runs - 1)
        printf ("rows %zu chisq %.10g %s %.10g iterations %u\n", data->n, test->chisq,
                cox->terms[0].name, cox->terms[0].coef, cox->iterations);
    }
  printf ("survdata %.2f km %.2f logrank %.2f cox %.2f total %.2f (ms of CPU, mean of %d)\n",
          sum[0] / (runs - 1), sum[1] / (runs - 1), sum[2] / (runs - 1), sum[3] / (runs - 1),
          (sum[0] + sum[1] + sum[2] + sum[3]) / (runs - 1), runs - 1);
  return EXIT_SUCCESS;
}
