/* ob-reason-dialog.h: asks why before a data point is left out of an analysis
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The dialog's responses are "cancel" and "exclude". */

/* Called with the reason given (stripped, never empty) when the user confirms. */
typedef void (*ObReasonFunc) (const char *reason,
                              gpointer    user_data);

/* A dialog over @parent's window with an entry for the reason; @accept_label (mnemonic) is
 * enabled only once a reason is typed, since every exclusion is logged with why.  @func is
 * not called on Cancel; @destroy frees @user_data either way. */
void ob_reason_dialog_present (GtkWidget      *parent,
                               const char     *heading,
                               const char     *body,
                               const char     *placeholder,
                               const char     *accept_label,
                               ObReasonFunc    func,
                               gpointer        user_data,
                               GDestroyNotify  destroy);

G_END_DECLS
