/* main.c: the oncobench executable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-app"

#include "config.h"

#include <locale.h>
#include <malloc.h>
#include <stdio.h>
#include <time.h>
#include <glib/gi18n.h>

#include "ob-application.h"

/* OB_BENCH_STARTUP=1: print the time from main() to the first painted frame and quit, so
 * that start-up can be measured (bench/bench-startup.sh). */
static gint64 start_time, start_cpu;
static gulong paint_handler, added_handler;

static gint64
cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static void
first_paint_cb (GdkFrameClock *clock,
                GApplication  *app)
{
  printf ("startup-to-first-frame %.1f %.1f\n",
          (double) (g_get_monotonic_time () - start_time) / 1000.0,
          (double) (cpu_us () - start_cpu) / 1000.0);
  fflush (stdout);
  g_clear_signal_handler (&paint_handler, clock);
  g_application_quit (app);
}

static void
window_realized_cb (GtkWidget    *window,
                    GApplication *app)
{
  paint_handler = g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                                    G_CALLBACK (first_paint_cb), app);
}

static void
window_added_cb (GtkApplication *app,
                 GtkWindow      *window)
{
  printf ("startup-to-window %.1f %.1f\n",
          (double) (g_get_monotonic_time () - start_time) / 1000.0,
          (double) (cpu_us () - start_cpu) / 1000.0);
  if (gtk_widget_get_realized (GTK_WIDGET (window)))
    window_realized_cb (GTK_WIDGET (window), G_APPLICATION (app));
  else
    g_signal_connect_after (window, "realize", G_CALLBACK (window_realized_cb), app);
  g_clear_signal_handler (&added_handler, app);
}

int
main (int argc, char *argv[])
{
  g_autoptr (ObApplication) app = NULL;

  start_time = g_get_monotonic_time ();
  start_cpu = cpu_us ();

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
  if (g_getenv ("OB_BENCH_STARTUP") != NULL)
    added_handler = g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
