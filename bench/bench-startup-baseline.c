/* bench-startup-baseline.c — the least a libadwaita window costs to show, for comparison
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A header bar and an empty status page in a 1300 × 800 AdwApplicationWindow, timed from
 * main() to the first painted frame exactly as OB_BENCH_STARTUP=1 times oncobench
 * (src/app/main.c).  What oncobench takes beyond this is its own start-up; the rest is GTK,
 * fonts, D-Bus and the GL driver.  Built and run by bench/bench-startup.sh.
 */
#include <adwaita.h>
#include <stdio.h>
#include <time.h>

static gint64 start_time, start_cpu;

static gint64
cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static void
first_paint_cb (GdkFrameClock *clock G_GNUC_UNUSED,
                GApplication  *app)
{
  printf ("baseline-to-first-frame %.1f %.1f\n",
          (double) (g_get_monotonic_time () - start_time) / 1000.0,
          (double) (cpu_us () - start_cpu) / 1000.0);
  g_application_quit (app);
}

static void
realized_cb (GtkWidget    *window,
             GApplication *app)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (first_paint_cb), app);
}

static void
activate_cb (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *status = adw_status_page_new ();

  adw_status_page_set_title (ADW_STATUS_PAGE (status), "Baseline");
  gtk_widget_set_vexpand (status, TRUE);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), status);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1300, 800);
  g_signal_connect_after (window, "realize", G_CALLBACK (realized_cb), app);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = NULL;

  start_time = g_get_monotonic_time ();
  start_cpu = cpu_us ();
  app = adw_application_new ("io.github.oncobench.StartupBaseline", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
