/* ob-dataset-model.h: a dataset as a GListModel of rows, for list widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ob-dataset.h"

G_BEGIN_DECLS

#define OB_TYPE_DATASET_ROW (ob_dataset_row_get_type ())
G_DECLARE_FINAL_TYPE (ObDatasetRow, ob_dataset_row, OB, DATASET_ROW, GObject)

#define OB_TYPE_DATASET_MODEL (ob_dataset_model_get_type ())
G_DECLARE_FINAL_TYPE (ObDatasetModel, ob_dataset_model, OB, DATASET_MODEL, GObject)

/* Rows are made when a widget asks for them and hold a reference to their dataset, so a
 * model of a million rows costs nothing until rows are shown. */
ObDataset      *ob_dataset_row_get_dataset   (ObDatasetRow   *self);
guint           ob_dataset_row_get_index     (ObDatasetRow   *self);

ObDatasetModel *ob_dataset_model_new         (ObDataset      *dataset);
ObDataset      *ob_dataset_model_get_dataset (ObDatasetModel *self);

G_END_DECLS
