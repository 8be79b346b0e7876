/* main.c: the oncobench executable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-app"

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "ob-application.h"

int
main (int argc, char *argv[])
{
  g_autoptr (ObApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = ob_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
