/* fuzz-survival.h — the survival analyses on any imported table, for fuzz-survival and the
 * regression test
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ob-cox.h"
#include "ob-kaplan-meier.h"
#include "ob-logrank.h"
#include "ob-surv-data.h"
#include "fuzz-common.h"

static inline void
ob_fuzz_check_error (const GError *error)
{
  if (error == NULL || error->domain != OB_ERROR || error->message == NULL)
    abort ();
}

/* The first three columns are time, event and group, as a user might pick them in any table:
 * each analysis must succeed or give an OB_ERROR. */
static inline void
ob_fuzz_survival (const ObDataset *dataset)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ObSurvData) surv = NULL;
  g_autoptr(ObKmFit) fit = NULL;
  g_autoptr(ObSurvTest) test = NULL;
  g_autoptr(ObCox) cox = NULL;
  ObSurvSpec spec = { 0 };
  ObKmOptions km_options;
  ObCoxOptions cox_options;

  if (dataset == NULL || ob_dataset_get_n_columns (dataset) < 2)
    return;
  spec.time_column = ob_dataset_get_column (dataset, 0)->name;
  spec.event_column = ob_dataset_get_column (dataset, 1)->name;
  if (ob_dataset_get_n_columns (dataset) > 2)
    spec.group_column = ob_dataset_get_column (dataset, 2)->name;
  surv = ob_surv_data_new (dataset, &spec, NULL, &error);
  if (surv == NULL)
    {
      ob_fuzz_check_error (error);
      return;
    }

  ob_km_options_init (&km_options);
  fit = ob_km_fit (surv, &km_options, &error);
  if (fit == NULL)
    ob_fuzz_check_error (error);
  g_clear_error (&error);
  if (surv->n_groups > 1)
    {
      test = ob_surv_test (surv, OB_SURV_TEST_LOGRANK, FALSE, &error);
      if (test == NULL)
        ob_fuzz_check_error (error);
      g_clear_error (&error);
    }
  if (surv->p > 0)
    {
      ob_cox_options_init (&cox_options);
      cox = ob_cox_fit (surv, &cox_options, &error);
      if (cox == NULL)
        ob_fuzz_check_error (error);
    }
}
