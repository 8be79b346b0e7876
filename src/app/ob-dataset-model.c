/* ob-dataset-model.c: a dataset as a GListModel of rows, for list widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-app"

#include "config.h"

#include "ob-dataset-model.h"

struct _ObDatasetRow
{
  GObject parent_instance;

  ObDataset *dataset;
  guint index;
};

struct _ObDatasetModel
{
  GObject parent_instance;

  ObDataset *dataset;
};

static void ob_dataset_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE (ObDatasetRow, ob_dataset_row, G_TYPE_OBJECT)
G_DEFINE_FINAL_TYPE_WITH_CODE (ObDatasetModel, ob_dataset_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      ob_dataset_model_list_model_init))

static void
ob_dataset_row_finalize (GObject *object)
{
  ObDatasetRow *self = OB_DATASET_ROW (object);

  g_clear_pointer (&self->dataset, ob_dataset_unref);

  G_OBJECT_CLASS (ob_dataset_row_parent_class)->finalize (object);
}

static void
ob_dataset_row_class_init (ObDatasetRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ob_dataset_row_finalize;
}

static void
ob_dataset_row_init (ObDatasetRow *self)
{
}

static GType
ob_dataset_model_get_item_type (GListModel *model)
{
  return OB_TYPE_DATASET_ROW;
}

static guint
ob_dataset_model_get_n_items (GListModel *model)
{
  ObDatasetModel *self = OB_DATASET_MODEL (model);
  gsize n_rows = ob_dataset_get_n_rows (self->dataset);

  /* GListModel positions are guint; larger tables show their first 2³² − 1 rows. */
  return (guint) MIN (n_rows, (gsize) G_MAXUINT);
}

static gpointer
ob_dataset_model_get_item (GListModel *model,
                           guint       position)
{
  ObDatasetModel *self = OB_DATASET_MODEL (model);
  ObDatasetRow *row;

  if (position >= ob_dataset_model_get_n_items (model))
    return NULL;

  row = g_object_new (OB_TYPE_DATASET_ROW, NULL);
  row->dataset = ob_dataset_ref (self->dataset);
  row->index = position;
  return row;
}

static void
ob_dataset_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = ob_dataset_model_get_item_type;
  iface->get_n_items = ob_dataset_model_get_n_items;
  iface->get_item = ob_dataset_model_get_item;
}

static void
ob_dataset_model_finalize (GObject *object)
{
  ObDatasetModel *self = OB_DATASET_MODEL (object);

  g_clear_pointer (&self->dataset, ob_dataset_unref);

  G_OBJECT_CLASS (ob_dataset_model_parent_class)->finalize (object);
}

static void
ob_dataset_model_class_init (ObDatasetModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ob_dataset_model_finalize;
}

static void
ob_dataset_model_init (ObDatasetModel *self)
{
}

ObDataset *
ob_dataset_row_get_dataset (ObDatasetRow *self)
{
  g_return_val_if_fail (OB_IS_DATASET_ROW (self), NULL);
  return self->dataset;
}

guint
ob_dataset_row_get_index (ObDatasetRow *self)
{
  g_return_val_if_fail (OB_IS_DATASET_ROW (self), 0);
  return self->index;
}

/* The model keeps a reference to @dataset. */
ObDatasetModel *
ob_dataset_model_new (ObDataset *dataset)
{
  ObDatasetModel *self;

  g_return_val_if_fail (dataset != NULL, NULL);

  self = g_object_new (OB_TYPE_DATASET_MODEL, NULL);
  self->dataset = ob_dataset_ref (dataset);
  return self;
}

ObDataset *
ob_dataset_model_get_dataset (ObDatasetModel *self)
{
  g_return_val_if_fail (OB_IS_DATASET_MODEL (self), NULL);
  return self->dataset;
}
