/* ob-cli-elisa-samples.c — `elisa --samples-csv`: the samples as a table the importer reads back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "ob-assay-samples.h"
#include "ob-cli-elisa-private.h"

gboolean
ob_cli_elisa_samples_write (const char *path,
                            GPtrArray  *plates,
                            GError    **error)
{
  g_autoptr(GBytes) csv = NULL;
  gsize size;
  const char *text;

  if (path == NULL)
    return TRUE;
  csv = ob_assay_samples_to_csv (plates);
  text = g_bytes_get_data (csv, &size);
  if (!g_file_set_contents (path, text, (gssize) size, error))
    {
      g_prefix_error (error, _("Cannot write the samples table: "));
      return FALSE;
    }
  return TRUE;
}
