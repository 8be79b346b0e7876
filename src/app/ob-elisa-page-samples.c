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

#include "ob-compare-page.h"
#include "ob-csv-reader.h"
#include "ob-elisa-page-private.h"
#include "ob-window-private.h"

/* Helpers */

/* RFC 4180: quoted only when a separator, a quote or a line break would break the row. */
static void
append_text (GString    *out,
             const char *text)
{
  if (text == NULL || *text == '\0')
    return;
  if (strpbrk (text, ",\"\r\n") == NULL && text[0] != ' ')
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* The shortest decimal that reads back as the same double; empty (missing) when not
 * finite. */
static void
append_number (GString *out,
               double   value)
{
  static const char * const formats[] = { "%.15g", "%.16g", "%.17g" };
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buf, sizeof buf, formats[i], value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  g_string_append (out, buf);
}

/* "<LLOQ" and ">ULOQ" first, as the comparison reads them; the rest after, by ";". */
static char *
join_flags (const GPtrArray *flags)
{
  static const char * const limits[] = { "<LLOQ", ">ULOQ" };
  GString *joined = g_string_new (NULL);

  for (guint k = 0; k < G_N_ELEMENTS (limits); k++)
    for (guint j = 0; j < flags->len; j++)
      if (strcmp (g_ptr_array_index (flags, j), limits[k]) == 0)
        g_string_append_printf (joined, "%s%s", joined->len > 0 ? ";" : "", limits[k]);
  for (guint j = 0; j < flags->len; j++)
    {
      const char *flag = g_ptr_array_index (flags, j);

      if (strcmp (flag, limits[0]) != 0 && strcmp (flag, limits[1]) != 0)
        g_string_append_printf (joined, "%s%s", joined->len > 0 ? ";" : "", flag);
    }
  return g_string_free (joined, FALSE);
}

static GBytes *
samples_csv (GPtrArray *plates)
{
  GString *out = g_string_new (NULL);
  gboolean with_plate = FALSE;

  for (guint p = 0; p < plates->len; p++)
    with_plate |= ((const ObAssayPlate *) g_ptr_array_index (plates, p))->plate != NULL;
  if (with_plate)
    g_string_append (out, "plate,");
  g_string_append (out, "id,group,dilution,conc,conc_lower,conc_upper,flag,lloq,uloq\n");
  for (guint p = 0; p < plates->len; p++)
    {
      const ObAssayPlate *plate = g_ptr_array_index (plates, p);

      for (guint i = 0; i < plate->samples->len; i++)
        {
          const ObAssaySample *s = g_ptr_array_index (plate->samples, i);
          g_autofree char *flag = join_flags (s->flags);

          if (with_plate)
            {
              append_text (out, plate->plate);
              g_string_append_c (out, ',');
            }
          append_text (out, s->id);
          g_string_append_c (out, ',');
          append_text (out, s->group);
          g_string_append_c (out, ',');
          append_number (out, s->dilution);
          g_string_append_c (out, ',');
          append_number (out, s->conc);
          g_string_append_c (out, ',');
          append_number (out, s->conc_lower);
          g_string_append_c (out, ',');
          append_number (out, s->conc_upper);
          g_string_append_c (out, ',');
          append_text (out, flag);
          g_string_append_c (out, ',');
          /* The plate's limits in the sample's own units: a diluted sample reaches further. */
          append_number (out, plate->lloq * s->dilution);
          g_string_append_c (out, ',');
          append_number (out, plate->uloq * s->dilution);
          g_string_append_c (out, '\n');
        }
    }
  return g_string_free_to_bytes (out);
}

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
  csv = samples_csv (self->plates);
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
