/* ob-elisa-page-import.c: a plate reader's grid and its plate map opened as an ELISA analysis
 *
 * Plate readers export a block of 8 × 12 responses; what each well holds is in a plate map
 * of the same shape.  Both become the long form the ELISA analysis reads (one row a well), a
 * dataset of the window like any other, so that a saved project carries it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-app"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "ob-elisa-page-import.h"
#include "ob-plate-grid.h"
#include "ob-window-private.h"

/* The grid chosen while the plate map is asked for. */
typedef struct
{
  ObWindow *window;
  char *grid_path;
} ImportRequest;

static void
import_request_free (ImportRequest *request)
{
  g_clear_object (&request->window);
  g_free (request->grid_path);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImportRequest, import_request_free)

/* Helpers */

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char * const *patterns)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  for (guint i = 0; patterns[i] != NULL; i++)
    gtk_file_filter_add_pattern (filter, patterns[i]);
  gtk_file_chooser_add_filter (chooser, filter);
}

static GtkFileChooserNative *
new_chooser (ObWindow   *window,
             const char *title,
             const char *accept)
{
  static const char * const text[] = { "*.txt", "*.csv", "*.tsv", "*.tab", NULL };
  static const char * const any[] = { "*", NULL };
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (title, GTK_WINDOW (window),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, accept, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  add_filter (GTK_FILE_CHOOSER (native), _("Plate reader text (TXT, CSV, TSV)"), text);
  add_filter (GTK_FILE_CHOOSER (native), _("All files"), any);
  return native;
}

static char *
chosen_path (GtkNativeDialog *dialog,
             int              response)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  return file != NULL ? g_file_get_path (file) : NULL;
}

/* Signal callbacks */

static void
map_chosen_cb (GtkNativeDialog *dialog,
               int              response,
               ImportRequest   *request)
{
  g_autoptr(ImportRequest) owned = request;
  g_autofree char *map_path = chosen_path (dialog, response);
  g_autoptr(GError) error = NULL;

  g_object_unref (dialog);
  if (map_path == NULL)
    return;
  if (ob_elisa_page_import_grid (request->window, request->grid_path, map_path,
                                 &error) == NULL)
    ob_window_show_error (request->window, _("Could Not Read the Plate"), error);
}

static void
grid_chosen_cb (GtkNativeDialog *dialog,
                int              response,
                ObWindow        *window)
{
  g_autofree char *grid_path = chosen_path (dialog, response);
  GtkFileChooserNative *native;
  ImportRequest *request;

  g_object_unref (dialog);
  if (grid_path == NULL)
    return;
  request = g_new0 (ImportRequest, 1);
  request->window = g_object_ref (window);
  request->grid_path = g_steal_pointer (&grid_path);
  /* TRANSLATORS: the second of two file choosers: what each well of the plate holds */
  native = new_chooser (window, _("Plate Map of the Grid"), _("_Import"));
  g_signal_connect (native, "response", G_CALLBACK (map_chosen_cb), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* Public */

GtkWidget *
ob_elisa_page_import_grid (ObWindow   *window,
                           const char *grid_path,
                           const char *map_path,
                           GError    **error)
{
  g_autoptr(ObPlateGrid) grid = NULL;
  g_autoptr(ObPlateMap) map = NULL;
  g_autoptr(ObDataset) dataset = NULL;
  g_autofree char *name = NULL;
  ObWindowEntry *entry;
  GtkWidget *page;
  char *dot;

  g_return_val_if_fail (OB_IS_WINDOW (window), NULL);
  g_return_val_if_fail (grid_path != NULL && map_path != NULL, NULL);

  grid = ob_plate_grid_read_file (grid_path, error);
  if (grid == NULL)
    return NULL;
  map = ob_plate_map_read_file (map_path, error);
  if (map == NULL)
    return NULL;
  /* The first block, as the command line reads by default: later blocks of an export are
   * more often other wavelengths than other plates. */
  dataset = ob_plate_grid_to_dataset (grid, 1, map, error);
  if (dataset == NULL)
    return NULL;

  name = g_path_get_basename (grid_path);
  dot = strrchr (name, '.');
  if (dot != NULL && dot != name)
    *dot = '\0';
  entry = ob_window_add_dataset (window, name, grid_path, NULL, dataset);
  page = ob_window_new_analysis (window, entry, "elisa");
  if (grid->blocks->len > 1)
    {
      const ObPlateBlock *first = g_ptr_array_index (grid->blocks, 0);
      /* Counts after a colon need no plural forms. */
      g_autofree char *text = g_strdup_printf (_("Blocks of responses in the file: %u; the "
                                                 "first (“%s”) was read"),
                                               grid->blocks->len,
                                               first->label != NULL ? first->label : "1");

      adw_toast_overlay_add_toast (window->toast_overlay, adw_toast_new (text));
    }
  return page;
}

void
ob_elisa_page_import_grid_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  ObWindow *window = OB_WINDOW (widget);
  GtkFileChooserNative *native;

  /* TRANSLATORS: the first of two file choosers: the plate reader's export of responses */
  native = new_chooser (window, _("Plate Reader Grid"), _("_Next"));
  g_signal_connect (native, "response", G_CALLBACK (grid_chosen_cb), window);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}
