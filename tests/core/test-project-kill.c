/* test-project-kill.c — no saved work is lost when a save is killed or cannot finish
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A child process saves ever newer generations of a large project over one file and is killed
 * (SIGKILL) at random moments; after every kill the file must load and be one whole
 * generation, never a mixture or a truncated file.  Saves into a read-only folder and onto a
 * disk that fills up must report an error and leave the previous project untouched.
 */
#define G_LOG_DOMAIN "oncobench-test"

#include "config.h"

#include <glib/gstdio.h>
#include <errno.h>
#include <math.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ob-project.h"

/* A few megabytes: writing it takes long enough for kills to land inside the write. */
#define BASE_ROWS 30000
#define N_KILLS 40

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("ob-project-kill-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

/* Generation g has BASE_ROWS + g % 7 rows, every cell of "generation" equal to g, and the
 * setting "generation" equal to g too: a file mixing two generations cannot pass check(). */
static ObProject *
build_generation (guint generation)
{
  g_autoptr(ObProject) project = ob_project_new ();
  g_autoptr(ObDataset) dataset = ob_dataset_new ();
  gsize n_rows = BASE_ROWS + generation % 7;
  double *gen = g_new (double, n_rows);
  double *x = g_new (double, n_rows);
  guint32 *codes = g_new (guint32, n_rows);
  char **text = g_new (char *, n_rows);
  GPtrArray *levels = g_ptr_array_new_with_free_func (g_free);
  GStringChunk *chunk = ob_dataset_get_string_chunk (dataset);
  ObProjectAnalysis *analysis;

  g_ptr_array_add (levels, g_strdup ("control"));
  g_ptr_array_add (levels, g_strdup ("treated"));
  for (gsize i = 0; i < n_rows; i++)
    {
      char id[32];

      gen[i] = generation;
      x[i] = (double) i / 7.0 + generation;
      codes[i] = (i + generation) % 2;
      g_snprintf (id, sizeof id, "P%05zu-%u", i, generation);
      text[i] = g_string_chunk_insert_const (chunk, id);
    }
  ob_dataset_set_n_rows (dataset, n_rows);
  ob_dataset_add_numeric (dataset, "generation", gen);
  ob_dataset_add_numeric (dataset, "x", x);
  ob_dataset_add_categorical (dataset, "arm", codes, levels);
  ob_dataset_add_text (dataset, "id", text);
  ob_project_add_dataset (project, "cohort", dataset, "cohort.csv", NULL);
  analysis = ob_project_add_analysis (project, "Survival", "survival", "cohort");
  json_object_set_int_member (analysis->settings, "generation", generation);
  return g_steal_pointer (&project);
}

/* Returns the generation the file at path holds, failing the test unless it is whole. */
static guint
check (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ObProject) project = ob_project_load (path, &error);
  const ObProjectDataset *d;
  const ObProjectAnalysis *a;
  const ObColumn *gen;
  guint generation;

  g_assert_no_error (error);
  g_assert_cmpuint (project->datasets->len, ==, 1);
  g_assert_cmpuint (project->analyses->len, ==, 1);
  a = g_ptr_array_index (project->analyses, 0);
  generation = (guint) json_object_get_int_member (a->settings, "generation");
  d = g_ptr_array_index (project->datasets, 0);
  g_assert_cmpuint (ob_dataset_get_n_rows (d->dataset), ==, BASE_ROWS + generation % 7);
  gen = ob_dataset_get_column (d->dataset, 0);
  g_assert_cmpstr (gen->name, ==, "generation");
  for (gsize i = 0; i < ob_dataset_get_n_rows (d->dataset); i++)
    g_assert_cmpfloat (gen->num[i], ==, generation);
  return generation;
}

/* Only the project and the temporary files of interrupted saves may be in dir. */
static guint
count_leftovers (const char *dir,
                 const char *project_name)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autofree char *temp_prefix = g_strconcat (project_name, ".", NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_str_equal (name, project_name))
        continue;
      g_assert_true (g_str_has_prefix (name, temp_prefix));
      g_unlink (path);
      n++;
    }
  return n;
}

/* Tells the parent through ready just before the first save, so that its kill lands in a
 * save rather than while a generation is being built. */
static G_GNUC_NORETURN void
save_forever (const char *path,
              guint       first,
              int         ready)
{
  for (guint g = first;; g++)
    {
      g_autoptr(ObProject) project = build_generation (g);

      if (g == first && (write (ready, "s", 1) != 1 || close (ready) != 0))
        _exit (3);
      if (!ob_project_save (project, path, NULL))
        _exit (3);
    }
}

static void
test_kill_mid_save (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "study.oncobench", NULL);
  g_autoptr(GError) error = NULL;
  guint generation = 0, mid_save = 0, advanced = 0;
  gint64 start, save_us;

  {
    g_autoptr(ObProject) project = build_generation (0);

    start = g_get_monotonic_time ();
    g_assert_true (ob_project_save (project, path, &error));
    g_assert_no_error (error);
    save_us = MAX (g_get_monotonic_time () - start, 1000);
  }
  g_test_message ("one save takes %" G_GINT64_FORMAT " µs", save_us);

  for (guint k = 0; k < N_KILLS; k++)
    {
      int status = 0;
      pid_t pid;
      guint now;

      int ready[2];
      char byte;

      g_assert_cmpint (pipe (ready), ==, 0);
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          close (ready[0]);
          save_forever (path, generation + 1, ready[1]);
        }
      close (ready[1]);
      g_assert_cmpint (read (ready[0], &byte, 1), ==, 1);
      close (ready[0]);
      /* Anywhere in the save, or past it.  The child's save runs slower than the one timed
       * here (a forked copy faults its pages in; the sanitizers multiply that), so a window
       * of one save length can end before the child ever opens its file. */
      g_usleep (g_test_rand_int_range (0, (gint32) MIN (save_us * 3, G_MAXINT32)));
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status));
      g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);

      now = check (path);
      /* Never an older generation than the one already seen complete. */
      g_assert_cmpuint (now, >=, generation);
      advanced += now > generation;
      generation = now;
      mid_save += count_leftovers (dir, "study.oncobench") > 0;
    }
  g_test_message ("%u kills, %u inside a write, the project advanced %u times", N_KILLS,
                  mid_save, advanced);
  /* Else the kills all missed the writes and the test showed nothing. */
  g_assert_cmpuint (mid_save + advanced, >, 0);
  remove_dir (dir);
}

/* Root writes into read-only folders, so as root the save runs as nobody. */
static void
test_read_only_folder (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;

  if (g_test_subprocess ())
    {
      g_autoptr(ObProject) second = build_generation (2);
      g_autoptr(GError) error = NULL;
      const char *target = g_getenv ("OB_TEST_PROJECT");
      g_autofree char *folder = g_path_get_dirname (target);

      if (getuid () == 0)
        g_assert_true (setgid (65534) == 0 && setuid (65534) == 0);
      g_assert_cmpint (access (folder, W_OK), !=, 0);
      g_assert_false (ob_project_save (second, target, &error));
      g_assert_error (error, OB_ERROR, OB_ERROR_FAILED);
      g_printerr ("%s\n", error->message);
      return;
    }

  dir = make_temp_dir ();
  path = g_build_filename (dir, "study.oncobench", NULL);
  {
    g_autoptr(ObProject) first = build_generation (1);

    g_assert_true (ob_project_save (first, path, NULL));
  }
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
  g_setenv ("OB_TEST_PROJECT", path, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("Could not save the project: *Permission denied*");
  g_assert_cmpuint (check (path), ==, 1);
  /* Nothing was left behind, and a writable folder takes the next save. */
  g_assert_cmpuint (count_leftovers (dir, "study.oncobench"), ==, 0);
  {
    g_autoptr(ObProject) second = build_generation (2);

    g_assert_true (ob_project_save (second, path, NULL));
  }
  g_assert_cmpuint (check (path), ==, 2);
  remove_dir (dir);
}

/* A save onto the device itself (/dev/full) would rename its temporary file over the device
 * node, so the full disk is a file-size limit instead: the device stops taking bytes part way
 * through the new project, the save fails and the previous project stays. */
static void
test_disk_fills_mid_write (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;

  if (g_test_subprocess ())
    {
      g_autoptr(ObProject) second = build_generation (2);
      g_autoptr(GError) error = NULL;
      struct rlimit limit = { 64 * 1024, 64 * 1024 };

      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
      g_assert_false (ob_project_save (second, g_getenv ("OB_TEST_PROJECT"), &error));
      g_assert_error (error, OB_ERROR, OB_ERROR_FAILED);
      g_printerr ("%s\n", error->message);
      return;
    }

  dir = make_temp_dir ();
  path = g_build_filename (dir, "study.oncobench", NULL);
  {
    g_autoptr(ObProject) first = build_generation (1);

    g_assert_true (ob_project_save (first, path, NULL));
  }
  g_setenv ("OB_TEST_PROJECT", path, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("Could not save the project: *File too large*");
  g_assert_cmpuint (check (path), ==, 1);
  count_leftovers (dir, "study.oncobench");
  remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/project-kill/kill-mid-save", test_kill_mid_save);
  g_test_add_func ("/core/project-kill/read-only-folder", test_read_only_folder);
  g_test_add_func ("/core/project-kill/disk-fills-mid-write", test_disk_fills_mid_write);
  return g_test_run ();
}
