/* ob-survival-page.h: Kaplan–Meier, survival tests and Cox regression for one dataset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ob-dataset.h"

G_BEGIN_DECLS

#define OB_TYPE_SURVIVAL_PAGE (ob_survival_page_get_type ())
G_DECLARE_FINAL_TYPE (ObSurvivalPage, ob_survival_page, OB, SURVIVAL_PAGE, AdwBin)

GtkWidget *ob_survival_page_new (ObDataset *dataset);

G_END_DECLS
