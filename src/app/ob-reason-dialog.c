/* ob-reason-dialog.c: asks why before a data point is left out of an analysis
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-app"

#include "config.h"

#include <glib/gi18n.h>

#include "ob-reason-dialog.h"

typedef struct
{
  GtkEntry *entry;
  ObReasonFunc func;
  gpointer user_data;
  GDestroyNotify destroy;
} ReasonRequest;

static void
reason_request_free (gpointer data)
{
  ReasonRequest *request = data;

  if (request->destroy != NULL)
    request->destroy (request->user_data);
  g_free (request);
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             ReasonRequest    *request)
{
  if (g_strcmp0 (response, "exclude") == 0)
    {
      g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (
                                                        GTK_EDITABLE (request->entry))));

      request->func (reason, request->user_data);
    }
}

static void
reason_changed_cb (GtkEditable      *entry,
                   AdwMessageDialog *dialog)
{
  const char *text = gtk_editable_get_text (entry);
  gboolean blank = TRUE;

  for (const char *c = text; *c != '\0' && blank; c++)
    blank = g_ascii_isspace (*c);
  adw_message_dialog_set_response_enabled (dialog, "exclude", !blank);
}

void
ob_reason_dialog_present (GtkWidget      *parent,
                          const char     *heading,
                          const char     *body,
                          const char     *placeholder,
                          const char     *accept_label,
                          ObReasonFunc    func,
                          gpointer        user_data,
                          GDestroyNotify  destroy)
{
  GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;
  ReasonRequest *request = g_new0 (ReasonRequest, 1);
  GtkWidget *dialog, *entry;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                   body);
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  /* The placeholder vanishes once typing starts; a screen reader keeps the field's name. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reason"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "exclude", accept_label, NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "exclude",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "exclude");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "exclude", FALSE);
  g_signal_connect (entry, "changed", G_CALLBACK (reason_changed_cb), dialog);

  request->entry = GTK_ENTRY (entry);
  request->func = func;
  request->user_data = user_data;
  request->destroy = destroy;
  /* The request lives as long as the dialog, whatever the answer. */
  g_object_set_data_full (G_OBJECT (dialog), "ob-reason-request", request, reason_request_free);
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), request);
  gtk_window_present (GTK_WINDOW (dialog));
}
