/* ob-window.h: the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define OB_TYPE_WINDOW (ob_window_get_type ())
G_DECLARE_FINAL_TYPE (ObWindow, ob_window, OB, WINDOW, AdwApplicationWindow)

ObWindow *ob_window_new (AdwApplication *application);

G_END_DECLS
