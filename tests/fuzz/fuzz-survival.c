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

#include "ob-cox.h"
#include "ob-kaplan-meier.h"
#include "ob-logrank.h"
#include "ob-surv-data.h"
#include "fuzz-common.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
check_error (const GError *error)
{
  if (error == NULL || error->domain != OB_ERROR || error->message == NULL)
    abort ();
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(ObDataset) dataset = NULL;
  g_autoptr(ObSurvData) surv = NULL;
  g_autoptr(ObKmFit) fit = NULL;
  g_autoptr(ObSurvTest) test = NULL;
  g_autoptr(ObCox) cox = NULL;
  ObSurvSpec spec = { 0 };
  ObKmOptions km_options;
  ObCoxOptions cox_options;

  ob_fuzz_init ();
  dataset = ob_csv_read_bytes (bytes, "fuzz.csv", NULL, &error);
  ob_fuzz_check (dataset, error);
  if (dataset == NULL || ob_dataset_get_n_columns (dataset) < 2)
    return 0;

  spec.time_column = ob_dataset_get_column (dataset, 0)->name;
  spec.event_column = ob_dataset_get_column (dataset, 1)->name;
  if (ob_dataset_get_n_columns (dataset) > 2)
    spec.group_column = ob_dataset_get_column (dataset, 2)->name;
  surv = ob_surv_data_new (dataset, &spec, NULL, &error);
  if (surv == NULL)
    {
      check_error (error);
      return 0;
    }

  ob_km_options_init (&km_options);
  fit = ob_km_fit (surv, &km_options, &error);
  if (fit == NULL)
    check_error (error);
  g_clear_error (&error);
  if (surv->n_groups > 1)
    {
      test = ob_surv_test (surv, OB_SURV_TEST_LOGRANK, FALSE, &error);
      if (test == NULL)
        check_error (error);
      g_clear_error (&error);
    }
  if (surv->p > 0)
    {
      ob_cox_options_init (&cox_options);
      cox = ob_cox_fit (surv, &cox_options, &error);
      if (cox == NULL)
        check_error (error);
    }
  return 0;
}
