/* test-fuzz-regressions.c — inputs that once broke the importer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every file in tests/fuzz/regressions/ is read with everything detected, then with each
 * delimiter, encoding and decimal mark forced, and a file named "options-*" also exactly as
 * fuzz-csv-options read it; each read must give a dataset or an OB_ERROR.  The detected read
 * then goes through the survival analyses as in fuzz-survival.  The
 * seed corpus is read too, so that the checks below also run on ordinary files.  Project
 * files (regressions/project/, corpus/project/ and the damaged projects of tests/data/project/)
 * are loaded, saved and loaded again as in fuzz-project.
 */
#define G_LOG_DOMAIN "oncobench-test"

#include "config.h"

#include <string.h>

#include "fuzz-project.h"
#include "fuzz-survival.h"

static void
read_detected (GBytes     *bytes,
               const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ObDataset) dataset = NULL;

  dataset = ob_csv_read_bytes (bytes, name, NULL, &error);
  ob_fuzz_check (dataset, error);
  ob_fuzz_survival (dataset);
}

/* Every delimiter, encoding and decimal mark in turn: the regressions are small. */
static void
read_forced (GBytes     *bytes,
             const char *name)
{
  for (guint d = 0; d < G_N_ELEMENTS (ob_fuzz_delimiters); d++)
    for (guint e = 0; e < G_N_ELEMENTS (ob_fuzz_encodings); e++)
      for (int comma = -1; comma <= 1; comma++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(ObDataset) dataset = NULL;
          ObCsvOptions options;

          ob_csv_options_init (&options);
          options.delimiter = ob_fuzz_delimiters[d];
          options.encoding = ob_fuzz_encodings[e];
          options.decimal_comma = comma;
          dataset = ob_csv_read_bytes (bytes, name, &options, &error);
          ob_fuzz_check (dataset, error);
        }
}

/* As fuzz-csv-options read it: the first bytes are the options. */
static void
read_with_option_bytes (GBytes     *bytes,
                        const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ObDataset) dataset = NULL;
  g_autoptr(GHashTable) column_types = NULL;
  g_autoptr(GBytes) rest = NULL;
  const guint8 *data;
  gsize len;
  ObCsvOptions options;

  data = g_bytes_get_data (bytes, &len);
  if (len < OB_FUZZ_N_OPTION_BYTES)
    return;
  column_types = ob_fuzz_options_decode (data, &options);
  rest = g_bytes_new_from_bytes (bytes, OB_FUZZ_N_OPTION_BYTES, len - OB_FUZZ_N_OPTION_BYTES);
  dataset = ob_csv_read_bytes (rest, name, &options, &error);
  ob_fuzz_check (dataset, error);
}

static guint
read_directory (const char *subdir,
                gboolean    forced)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (OB_SOURCE_DIR, "tests", "fuzz", subdir, NULL);
  g_autoptr(GDir) dir = g_dir_open (path, 0, &error);
  const char *entry;
  guint n = 0;

  g_assert_no_error (error);
  while ((entry = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, entry, NULL);
      g_autofree char *contents = NULL;
      g_autoptr(GBytes) bytes = NULL;
      gsize len;

      if (g_str_has_prefix (entry, ".") || g_file_test (file, G_FILE_TEST_IS_DIR))
        continue;
      g_file_get_contents (file, &contents, &len, &error);
      g_assert_no_error (error);
      g_test_message ("%s/%s", subdir, entry);
      bytes = g_bytes_new_take (g_steal_pointer (&contents), len);
      read_detected (bytes, entry);
      if (forced)
        read_forced (bytes, entry);
      if (g_str_has_prefix (entry, "options-"))
        read_with_option_bytes (bytes, entry);
      n++;
    }
  return n;
}

static void
test_regressions (void)
{
  read_directory ("regressions", TRUE);
}

static void
test_seeds (void)
{
  g_assert_cmpuint (read_directory ("corpus/csv", FALSE), >, 0);
}

static guint
load_projects (const char *dir_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, &error);
  g_autofree char *resave = NULL;
  const char *entry;
  guint n = 0;

  g_assert_no_error (error);
  resave = ob_fuzz_project_write ("resave", (const guint8 *) "", 0);
  while ((entry = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (dir_path, entry, NULL);

      if (g_str_has_prefix (entry, ".") || g_file_test (file, G_FILE_TEST_IS_DIR))
        continue;
      g_test_message ("%s", file);
      ob_fuzz_project_load (file, resave);
      n++;
    }
  g_unlink (resave);
  return n;
}

static void
test_projects (void)
{
  const char * const dirs[][3] = {
    { "tests", "fuzz", "regressions/project" },
    { "tests", "fuzz", "corpus/project" },
    { "tests", "data", "project" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *path = g_build_filename (OB_SOURCE_DIR, dirs[i][0], dirs[i][1],
                                                dirs[i][2], NULL);

      g_assert_cmpuint (load_projects (path), >, 0);
    }
}

/* A row count is cheap to claim: without columns to hold the rows it is refused. */
static void
test_project_rows_without_columns (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ObProject) project = NULL;
  g_autofree char *path = g_build_filename (OB_SOURCE_DIR, "tests", "fuzz", "regressions",
                                            "project", "rows-without-columns.oncobench", NULL);
  g_autofree char *expected = g_strdup_printf ("“%s” is damaged and cannot be opened: dataset "
                                               "“d” claims 4294967295 rows but holds no "
                                               "columns. The file was left unchanged.", path);

  project = ob_project_load (path, &error);
  g_assert_null (project);
  g_assert_error (error, OB_ERROR, OB_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==, expected);
}

/* The check itself must catch a reader that returns neither or both. */
static void
test_check_refuses_nothing (void)
{
  if (g_test_subprocess ())
    {
      ob_fuzz_check (NULL, NULL);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/fuzz-regressions/regressions", test_regressions);
  g_test_add_func ("/core/fuzz-regressions/seeds", test_seeds);
  g_test_add_func ("/core/fuzz-regressions/projects", test_projects);
  g_test_add_func ("/core/fuzz-regressions/project-rows-without-columns",
                   test_project_rows_without_columns);
  g_test_add_func ("/core/fuzz-regressions/check-refuses-nothing", test_check_refuses_nothing);
  return g_test_run ();
}
