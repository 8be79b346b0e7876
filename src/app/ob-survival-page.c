/* ob-survival-page.c: Kaplan–Meier, survival tests and Cox regression for one dataset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-app"

#include "config.h"

#include <glib/gi18n.h>

#include "ob-survival-page.h"

struct _ObSurvivalPage
{
  AdwBin parent_instance;

  ObDataset *dataset;
};

G_DEFINE_FINAL_TYPE (ObSurvivalPage, ob_survival_page, ADW_TYPE_BIN)

static void
ob_survival_page_dispose (GObject *object)
{
  ObSurvivalPage *self = OB_SURVIVAL_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), OB_TYPE_SURVIVAL_PAGE);
  g_clear_pointer (&self->dataset, ob_dataset_unref);

  G_OBJECT_CLASS (ob_survival_page_parent_class)->dispose (object);
}

static void
ob_survival_page_class_init (ObSurvivalPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ob_survival_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/oncobench/Oncobench/ob-survival-page.ui");
}

static void
ob_survival_page_init (ObSurvivalPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* The page keeps a reference to @dataset. */
GtkWidget *
ob_survival_page_new (ObDataset *dataset)
{
  ObSurvivalPage *self;

  g_return_val_if_fail (dataset != NULL, NULL);

  self = g_object_new (OB_TYPE_SURVIVAL_PAGE, NULL);
  self->dataset = ob_dataset_ref (dataset);

  return GTK_WIDGET (self);
}
