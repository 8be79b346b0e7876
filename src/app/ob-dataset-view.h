/* ob-dataset-view.h: a dataset shown as a table, one column per variable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ob-dataset.h"

G_BEGIN_DECLS

#define OB_TYPE_DATASET_VIEW (ob_dataset_view_get_type ())
G_DECLARE_FINAL_TYPE (ObDatasetView, ob_dataset_view, OB, DATASET_VIEW, AdwBin)

GtkWidget     *ob_dataset_view_new             (ObDataset     *dataset);
ObDataset     *ob_dataset_view_get_dataset     (ObDatasetView *self);
/* Replaces the table, e.g. after the file was read again with other column types. */
void           ob_dataset_view_set_dataset     (ObDatasetView *self,
                                                ObDataset     *dataset);
GtkColumnView *ob_dataset_view_get_column_view (ObDatasetView *self);

/* What the header menus ask for: the view does not re-read files itself, it emits
 * ::column-type-requested (guint column, guint ObColumnType) and whoever owns the file
 * reads it again and calls ob_dataset_view_set_dataset(). */
void           ob_dataset_view_request_column_type (ObDatasetView *self,
                                                    guint          column,
                                                    ObColumnType   type);

G_END_DECLS
