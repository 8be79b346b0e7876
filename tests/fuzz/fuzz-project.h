/* fuzz-project.h — what the project harness and the regression test check after a load
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "ob-project.h"
#include "fuzz-common.h"

/* The loader only takes a path: the bytes go to a file of this process' own, in memory when
 * /dev/shm is there, since every save is synced to disk. */
static inline char *
ob_fuzz_project_write (const char   *tag,
                       const guint8 *data,
                       gsize         size)
{
  g_autofree char *name = g_strdup_printf ("ob-fuzz-%s-%d.oncobench", tag, (int) getpid ());
  const char *dir = g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR) ? "/dev/shm" : g_get_tmp_dir ();
  char *path = g_build_filename (dir, name, NULL);

  if (!g_file_set_contents (path, (const char *) data, (gssize) size, NULL))
    abort ();
  return path;
}

/* Every dataset is well formed, every name usable and every analysis points at a dataset of
 * the project. */
static inline void
ob_fuzz_project_check (const ObProject *project)
{
  for (guint i = 0; i < project->datasets->len; i++)
    {
      const ObProjectDataset *d = g_ptr_array_index (project->datasets, i);

      if (d->name == NULL || !g_utf8_validate (d->name, -1, NULL) || d->dataset == NULL)
        abort ();
      if (d->source_path != NULL && !g_utf8_validate (d->source_path, -1, NULL))
        abort ();
      ob_fuzz_check (d->dataset, NULL);
    }
  for (guint i = 0; i < project->analyses->len; i++)
    {
      const ObProjectAnalysis *a = g_ptr_array_index (project->analyses, i);

      if (a->name == NULL || a->kind == NULL || a->settings == NULL || a->format == NULL ||
          ob_project_find_dataset (project, a->dataset) == NULL)
        abort ();
      if (!(a->width_mm >= 20 && a->width_mm <= 1000 && a->dpi >= 72 && a->dpi <= 2400))
        abort ();
    }
}

/* Loads path; a project must then save and load again to the same shape. */
static inline void
ob_fuzz_project_load (const char *path,
                      const char *resave_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ObProject) project = ob_project_load (path, &error);
  g_autoptr(ObProject) again = NULL;

  if ((project == NULL) == (error == NULL))
    abort ();
  if (error != NULL)
    {
      if (error->domain != OB_ERROR || error->message == NULL || error->message[0] == '\0' ||
          !g_utf8_validate (error->message, -1, NULL))
        abort ();
      return;
    }
  ob_fuzz_project_check (project);
  if (!ob_project_save (project, resave_path, &error))
    abort ();
  again = ob_project_load (resave_path, &error);
  if (again == NULL)
    {
      g_printerr ("a loaded project does not load again once saved: %s\n", error->message);
      abort ();
    }
  if (again->datasets->len != project->datasets->len ||
      again->analyses->len != project->analyses->len)
    abort ();
  for (guint i = 0; i < project->datasets->len; i++)
    {
      const ObProjectDataset *a = g_ptr_array_index (project->datasets, i);
      const ObProjectDataset *b = g_ptr_array_index (again->datasets, i);

      if (!g_str_equal (a->name, b->name) ||
          ob_dataset_get_n_rows (a->dataset) != ob_dataset_get_n_rows (b->dataset) ||
          ob_dataset_get_n_columns (a->dataset) != ob_dataset_get_n_columns (b->dataset))
        abort ();
    }
  g_unlink (resave_path);
}
