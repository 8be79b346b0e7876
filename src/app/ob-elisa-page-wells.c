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

typedef struct
{
  ObElisaPage *self;
  gsize row;
  GtkEntry *entry;
} ExcludeRequest;

static void
exclude_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     ExcludeRequest   *request)
{
  if (g_strcmp0 (response, "exclude") == 0)
    ob_elisa_page_exclude_row (request->self,
                               request->row,
                               gtk_editable_get_text (GTK_EDITABLE (request->entry)));
  g_object_unref (request->self);
  g_free (request);
}

static void
reason_changed_cb (GtkEditable      *entry,
                   AdwMessageDialog *dialog)
{
  const char *text = gtk_editable_get_text (entry);
  gboolean blank = TRUE;

  for (const char *c = text; *c != '\0' && blank; c++)
    blank = g_ascii_isspace (*c);
  /* Every excluded well is logged with its reason. */
  adw_message_dialog_set_response_enabled (dialog, "exclude", !blank);
}

/* Asks why before leaving a well out; an excluded well clicked again comes back. */
void
ob_elisa_page_well_clicked (ObElisaPage *self,
                            int          index)
{
  const ObAssayPlate *plate = g_ptr_array_index (self->plates, self->current);
  const ObAssayWell *well = &g_array_index (plate->wells, ObAssayWell, index);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  ExcludeRequest *request;
  GtkWidget *dialog, *entry;

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
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                   body);
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason, e.g. bubble in the well"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "exclude", _("_Leave Out"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "exclude",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "exclude");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "exclude", FALSE);
  g_signal_connect (entry, "changed", G_CALLBACK (reason_changed_cb), dialog);

  request = g_new0 (ExcludeRequest, 1);
  request->self = g_object_ref (self);
  request->row = well->row;
  request->entry = GTK_ENTRY (entry);
  g_signal_connect (dialog, "response", G_CALLBACK (exclude_response_cb), request);
  gtk_window_present (GTK_WINDOW (dialog));
}
