/* main.c: the oncobench executable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-app"

#include "config.h"

#include <locale.h>
#include <malloc.h>
#include <glib/gi18n.h>

#include "ob-application.h"

int
main (int argc, char *argv[])
{
  g_autoptr (ObApplication) app = NULL;

  /* A recompute on a registry cohort frees and allocates arrays of many megabytes; keeping
   * freed memory in the process spares the page faults of touching it anew, which were most
   * of a recompute's time at a million rows. */
  mallopt (M_MMAP_THRESHOLD, 32 * 1024 * 1024);
  mallopt (M_TRIM_THRESHOLD, 256 * 1024 * 1024);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = ob_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
