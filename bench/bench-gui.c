/* bench-gui.c — times the survival page on a large cohort: recompute, filter, redraw, export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built and run by bench/run.sh (under xvfb-run) against the app library. Prints one
 * "STEP WALL_MS CPU_MS MAIN_MS" line per step (CPU: user + system of the whole process, every
 * thread, which is what a step costs when other programs share the CPUs; under Xvfb that
 * includes Mesa's software GL rasterising the frames.  MAIN: the GTK thread alone):
 *   import          ob_csv_read_file
 *   recompute       survival data, Kaplan–Meier, log-rank and Cox for arm, in this thread
 *   filter          one stage unticked, then the same recompute on the subgroup
 *   snapshot        the figure widget's snapshot (the renderer drawing into render nodes)
 *   raster          those nodes drawn on an image surface the size of the widget
 *   filter-to-results stage IV ticked or unticked until the page holds the new curves (the
 *                   curves in a thread from 250,000 rows) and the panel shows them
 *   filter-to-frame the same until the frame that shows them is painted, as the user sees it
 *   filter-to-cox   the same until the Cox model (in a thread from 20,000 rows) is in the panel
 *                   (these three: the median of N_TOGGLES toggles)
 *   export-png      the figure written as PNG at 300 dpi at the page's export size
 */
#define G_LOG_DOMAIN "oncobench-bench"

#include "config.h"

#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ob-csv-reader.h"
#include "ob-survival-page-private.h"

static gint64 start_cpu, start_thread_cpu;

static gint64
cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static gint64
thread_cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static gint64
start_clock (void)
{
  start_cpu = cpu_us ();
  start_thread_cpu = thread_cpu_us ();
  return g_get_monotonic_time ();
}

static void
report (const char *step,
        gint64      start)
{
  printf ("%s %.1f %.1f %.1f\n", step, (double) (g_get_monotonic_time () - start) / 1000.0,
          (double) (cpu_us () - start_cpu) / 1000.0,
          (double) (thread_cpu_us () - start_thread_cpu) / 1000.0);
}

static void
after_paint_cb (GdkFrameClock *frame_clock G_GNUC_UNUSED,
                gpointer       user_data)
{
  guint *n_painted = user_data;

  (*n_painted)++;
}

/* Filter toggles timed, and what each is timed until. */
#ifndef N_TOGGLES
#define N_TOGGLES 7
#endif
enum { TOGGLE_RESULTS, TOGGLE_FRAME, TOGGLE_COX, N_TOGGLE_STEPS };
static const char * const toggle_steps[] = {
  "filter-to-results", "filter-to-frame", "filter-to-cox",
};

typedef struct
{
  double wall[N_TOGGLES];
  double cpu[N_TOGGLES];
  double main_cpu[N_TOGGLES];
} Samples;

static void
sample (Samples *samples,
        guint    k,
        gint64   start)
{
  samples->wall[k] = (double) (g_get_monotonic_time () - start) / 1000.0;
  samples->cpu[k] = (double) (cpu_us () - start_cpu) / 1000.0;
  samples->main_cpu[k] = (double) (thread_cpu_us () - start_thread_cpu) / 1000.0;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof *values, compare_doubles);
  return values[n / 2];
}

/* Runs the main loop for ms milliseconds, whatever it has to do. */
static void
settle (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (1000);
    }
}

static ObSurvivalFilter *
find_filter (ObSurvivalPage *page,
             const char     *name)
{
  for (guint f = 0; f < page->filters->len; f++)
    {
      ObSurvivalFilter *filter = g_ptr_array_index (page->filters, f);

      if (strcmp (ob_dataset_get_column (page->dataset, filter->column)->name, name) == 0)
        return filter;
    }
  return NULL;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ObDataset) dataset = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  ObSurvivalPage *page;
  ObSurvivalFilter *stage;
  GtkWidget *window;
  GtkWidget *plot;
  GtkSnapshot *snapshot;
  GdkFrameClock *frame_clock;
  cairo_surface_t *surface;
  cairo_t *cr;
  Samples samples[N_TOGGLE_STEPS];
  guint n_painted = 0;
  gulong paint_handler;
  int width, height;
  gint64 start;

  if (argc != 3)
    {
      g_printerr ("usage: %s COHORT.csv FIGURE.png\n", argv[0]);
      return EXIT_FAILURE;
    }
  /* As the application does (src/app/main.c). */
  mallopt (M_MMAP_THRESHOLD, 32 * 1024 * 1024);
  mallopt (M_TRIM_THRESHOLD, 256 * 1024 * 1024);
  gtk_init ();
  adw_init ();

  start = start_clock ();
  dataset = ob_csv_read_file (argv[1], NULL, &error);
  if (dataset == NULL)
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }
  report ("import", start);

  page = OB_SURVIVAL_PAGE (ob_survival_page_new (dataset));
  g_object_ref_sink (page);
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1300, 800);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));

  /* Whatever the page chose on its own is computed first, then ungrouped, so that grouping
   * by arm is a change to compute. */
  ob_survival_page_update (page);
  ob_survival_page_set_group_column (page, NULL);
  ob_survival_page_update (page);
  if (!ob_survival_page_set_group_column (page, "arm"))
    {
      g_printerr ("no column “arm” to group by\n");
      return EXIT_FAILURE;
    }
  start = start_clock ();
  ob_survival_page_update (page);
  report ("recompute", start);
  if (ob_survival_page_get_fit (page) == NULL)
    {
      g_printerr ("the page computed no curves\n");
      return EXIT_FAILURE;
    }

  stage = find_filter (page, "stage");
  if (stage == NULL || !stage->by_level || stage->checks->len != 4)
    {
      g_printerr ("no filter with the four stages\n");
      return EXIT_FAILURE;
    }
  start = start_clock ();
  gtk_check_button_set_active (g_ptr_array_index (stage->checks, 3), FALSE);
  ob_survival_page_update (page);
  report ("filter", start);

  /* Let the window map and draw once, so the widget has its size. */
  frame_clock = gtk_widget_get_frame_clock (window);
  paint_handler = g_signal_connect (frame_clock, "after-paint", G_CALLBACK (after_paint_cb),
                                    &n_painted);
  while (n_painted == 0)
    g_main_context_iteration (NULL, TRUE);

  plot = GTK_WIDGET (page->plot_view);
  width = gtk_widget_get_width (plot);
  height = gtk_widget_get_height (plot);
  /* The widget's own snapshot, not gtk_widget_snapshot_child, which may reuse cached nodes. */
  start = start_clock ();
  snapshot = gtk_snapshot_new ();
  GTK_WIDGET_GET_CLASS (plot)->snapshot (plot, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  report ("snapshot", start);

  start = start_clock ();
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  if (node != NULL)
    gsk_render_node_draw (node, cr);
  cairo_surface_flush (surface);
  report ("raster", start);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  /* Stage IV ticked and unticked in turn; the median of the toggles is what a user sees. */
  for (guint k = 0; k < N_TOGGLES; k++)
    {
      ObSurvivalResults *before = page->results;
      guint painted;

      start = start_clock ();
      gtk_check_button_set_active (g_ptr_array_index (stage->checks, 3), k % 2 == 0);
      while (page->results == before)
        g_main_context_iteration (NULL, TRUE);
      sample (&samples[TOGGLE_RESULTS], k, start);
      painted = n_painted;
      while (n_painted == painted)
        g_main_context_iteration (NULL, TRUE);
      sample (&samples[TOGGLE_FRAME], k, start);
      while (page->results->cox_pending)
        g_main_context_iteration (NULL, TRUE);
      sample (&samples[TOGGLE_COX], k, start);
      /* The Cox table is laid out and painted before the next toggle. */
      settle (200);
    }
  for (guint i = 0; i < N_TOGGLE_STEPS; i++)
    printf ("%s %.1f %.1f %.1f\n", toggle_steps[i], median (samples[i].wall, N_TOGGLES),
            median (samples[i].cpu, N_TOGGLES), median (samples[i].main_cpu, N_TOGGLES));

  gtk_spin_button_set_value (page->dpi_spin, 300);
  start = start_clock ();
  if (!ob_survival_page_export (page, argv[2], &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }
  report ("export-png", start);

  g_signal_handler_disconnect (frame_clock, paint_handler);
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (page);
  return EXIT_SUCCESS;
}
