/* ob-elisa-page-wells.c: leaving a well out of the ELISA page's analysis, with a reason
 *
 * ICH M10 asks that every excluded well be logged with why; the page asks before it leaves a
 * well out, and a second click (or Undo in the log) puts it back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-app"

#include "config.h"

#include <glib/gi18n.h>

#include "ob-elisa-page-private.h"
#include "ob-reason-dialog.h"

typedef struct
{
  ObElisaPage *self;
  gsize row;
} ExcludeRequest;

static void
exclude_request_free (gpointer data)
{
  ExcludeRequest *request = data;

  g_object_unref (request->self);
  g_free (request);
}

static void
exclude_confirmed_cb (const char *reason,
                      gpointer    user_data)
{
  ExcludeRequest *request = user_data;

  ob_elisa_page_exclude_row (request->self, request->row, reason);
}

/* Asks why before leaving a well out; an excluded well clicked again comes back. */
void
ob_elisa_page_well_clicked (ObElisaPage *self,
                            int          index)
{
  const ObAssayPlate *plate = g_ptr_array_index (self->plates, self->current);
  const ObAssayWell *well = &g_array_index (plate->wells, ObAssayWell, index);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  ExcludeRequest *request;

  if (ob_elisa_page_find_exclusion (self, well->row) >= 0)
    {
      ob_elisa_page_include_row (self, well->row);
      return;
    }
  if (well->excluded || (well->kind != OB_ASSAY_WELL_STANDARD
                         && well->kind != OB_ASSAY_WELL_SAMPLE
                         && well->kind != OB_ASSAY_WELL_CONTROL))
    return;

  heading = g_strdup_printf (_("Leave Out Well %s?"), well->name != NULL ? well->name : "");
  body = g_strdup (well->kind == OB_ASSAY_WELL_STANDARD
                   ? _("The curve is refitted without this standard well. The exclusion is "
                       "logged with its reason and can be undone.")
                   : _("The sample is interpolated from its other wells. The exclusion is "
                       "logged with its reason and can be undone."));
  request = g_new0 (ExcludeRequest, 1);
  request->self = g_object_ref (self);
  request->row = well->row;
  ob_reason_dialog_present (GTK_WIDGET (self), heading, body,
                            _("Reason, e.g. bubble in the well"), _("_Leave Out"),
                            exclude_confirmed_cb, request, exclude_request_free);
}
