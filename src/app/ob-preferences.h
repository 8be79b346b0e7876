/* ob-preferences.h: the preferences window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Figure palette, journal preset, units, survival interval and conventions, written to
 * GSettings as they change; NULL when the settings schema is not installed. */
GtkWidget *ob_preferences_new (GtkWindow *parent);

G_END_DECLS
