/* ob-elisa-page-samples.c: an ELISA's samples carried into a comparison of their groups
 *
 * The samples table is the one `oncobench-cli elisa --samples-csv` writes, read back as the
 * command line reads it, so that the comparison made here is the one `compare --flag flag
 * --lower conc_lower --upper conc_upper` makes: each concentration keeps its 95% CI, and a
 * sample below the LLOQ or above the ULOQ stays a flag, never a number.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-app"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "ob-assay-samples.h"
#include "ob-compare-page.h"
#include "ob-csv-reader.h"
#include "ob-elisa-page-private.h"
#include "ob-window-private.h"

/* Internal */

guint
ob_elisa_page_count_sample_groups (ObElisaPage *self)
{
  g_autoptr(GHashTable) groups = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint p = 0; self->plates != NULL && p < self->plates->len; p++)
    {
      const ObAssayPlate *plate = g_ptr_array_index (self->plates, p);

      for (guint i = 0; i < plate->samples->len; i++)
        {
          const ObAssaySample *s = g_ptr_array_index (plate->samples, i);

          if (s->group != NULL && *s->group != '\0')
            g_hash_table_add (groups, s->group);
        }
    }
  return g_hash_table_size (groups);
}

/* Public */

void
ob_elisa_page_compare_samples_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  ObElisaPage *self = OB_ELISA_PAGE (widget);
  g_autoptr(GError) error = NULL;
  GtkWidget *window;

  if (ob_elisa_page_compare_samples (self, &error) != NULL)
    return;
  window = gtk_widget_get_ancestor (widget, OB_TYPE_WINDOW);
  if (window != NULL)
    ob_window_show_error (OB_WINDOW (window), _("Could Not Compare the Samples"), error);
}

GtkWidget *
ob_elisa_page_compare_samples (ObElisaPage  *self,
                               GError      **error)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), OB_TYPE_WINDOW);
  g_autoptr(GBytes) csv = NULL;
  g_autoptr(ObDataset) samples = NULL;
  g_autofree char *name = NULL;
  g_autofree char *stem = NULL;
  char *dot;
  ObWindowEntry *source = NULL, *entry;
  GtkWidget *page;
  guint n_samples = 0;

  g_return_val_if_fail (OB_IS_ELISA_PAGE (self), NULL);

  ob_elisa_page_update (self);
  for (guint p = 0; self->plates != NULL && p < self->plates->len; p++)
    n_samples += ((const ObAssayPlate *) g_ptr_array_index (self->plates, p))->samples->len;
  if (window == NULL || n_samples == 0)
    {
      g_set_error_literal (error, OB_ERROR, OB_ERROR_NO_DATA,
                           _("There are no samples to compare: fit a standard curve to a plate "
                             "with samples first."));
      return NULL;
    }

  /* Without groups the page would guess one among the other columns: a wrong comparison. */
  if (ob_elisa_page_count_sample_groups (self) < 2)
    {
      g_set_error_literal (error, OB_ERROR, OB_ERROR_NO_DATA,
                           _("The samples belong to fewer than two groups: choose the column "
                             "that names their groups under Columns, Group."));
      return NULL;
    }
  csv = ob_assay_samples_to_csv (self->plates);
  samples = ob_csv_read_bytes (csv, _("samples"), NULL, error);
  if (samples == NULL)
    return NULL;
  for (guint i = 0; i < OB_WINDOW (window)->entries->len && source == NULL; i++)
    {
      ObWindowEntry *e = g_ptr_array_index (OB_WINDOW (window)->entries, i);

      if (ob_dataset_view_get_dataset (e->view) == self->dataset)
        source = e;
    }
  stem = g_strdup (source != NULL ? source->name : _("ELISA"));
  if ((dot = strrchr (stem, '.')) != NULL && dot != stem)
    *dot = '\0';
  /* TRANSLATORS: the name of the dataset of an ELISA's samples, after the plate's */
  name = g_strdup_printf (_("%s samples"), stem);
  entry = ob_window_add_dataset (OB_WINDOW (window), name, name, NULL, samples);
  page = ob_window_new_analysis (OB_WINDOW (window), entry, "compare");
  ob_compare_page_set_columns (OB_COMPARE_PAGE (page), "conc", "group", NULL);
  ob_compare_page_set_limits (OB_COMPARE_PAGE (page), "flag", "conc_lower", "conc_upper", NAN,
                              NAN);
  return page;
}
