/* test-project.c — the .oncobench file: round trip, atomic save, newer and damaged files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-test"

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "ob-csv-reader.h"
#include "ob-project.h"

static ObDataset *
build_all_types (void)
{
  static const double num[] = { 1.5, NAN, 0.1, -2e-20, 1e300 };
  static const double days[] = { 0, -1, 18262, NAN, 20000 };
  static const guint32 codes[] = { 1, 0, OB_LEVEL_MISSING, 1, 0 };
  ObDataset *dataset = ob_dataset_new ();
  GPtrArray *levels = g_ptr_array_new_with_free_func (g_free);
  char **text = g_new (char *, 5);
  GStringChunk *chunk = ob_dataset_get_string_chunk (dataset);

  g_ptr_array_add (levels, g_strdup ("2"));
  g_ptr_array_add (levels, g_strdup ("野生型"));
  text[0] = g_string_chunk_insert (chunk, "alpha \"quoted\"\n");
  text[1] = NULL;
  text[2] = g_string_chunk_insert (chunk, "患者");
  text[3] = NULL;
  text[4] = g_string_chunk_insert (chunk, "");

  ob_dataset_set_n_rows (dataset, 5);
  ob_dataset_add_numeric (dataset, "dose", g_memdup2 (num, sizeof num));
  ob_dataset_add_date (dataset, "diagnosed", g_memdup2 (days, sizeof days));
  ob_dataset_add_categorical (dataset, "arm", g_memdup2 (codes, sizeof codes), levels);
  ob_dataset_add_text (dataset, "note", text);
  return dataset;
}

static void
assert_same_dataset (const ObDataset *a,
                     const ObDataset *b)
{
  gsize n = ob_dataset_get_n_rows (a);

  g_assert_cmpuint (ob_dataset_get_n_rows (b), ==, n);
  g_assert_cmpuint (ob_dataset_get_n_columns (b), ==, ob_dataset_get_n_columns (a));
  for (guint c = 0; c < ob_dataset_get_n_columns (a); c++)
    {
      const ObColumn *x = ob_dataset_get_column (a, c);
      const ObColumn *y = ob_dataset_get_column (b, c);

      g_assert_cmpstr (y->name, ==, x->name);
      g_assert_cmpint (y->type, ==, x->type);
      g_assert_cmpuint (y->n_missing, ==, x->n_missing);
      if (x->type == OB_COLUMN_CATEGORICAL)
        {
          g_assert_cmpuint (y->levels->len, ==, x->levels->len);
          for (guint i = 0; i < x->levels->len; i++)
            g_assert_cmpstr (g_ptr_array_index (y->levels, i), ==,
                             g_ptr_array_index (x->levels, i));
        }
      for (gsize r = 0; r < n; r++)
        switch (x->type)
          {
          case OB_COLUMN_NUMERIC:
          case OB_COLUMN_DATE:
            /* Exactly the same double, not merely close: a saved project must reproduce
             * its figures bit for bit. */
            if (isnan (x->num[r]))
              g_assert_true (isnan (y->num[r]));
            else
              g_assert_true (memcmp (&x->num[r], &y->num[r], sizeof (double)) == 0);
            break;
          case OB_COLUMN_CATEGORICAL:
            g_assert_cmpuint (y->codes[r], ==, x->codes[r]);
            break;
          case OB_COLUMN_TEXT:
          default:
            g_assert_cmpstr (y->text[r], ==, x->text[r]);
            break;
          }
    }
}

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("ob-project-XXXXXX", &error);

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

static ObProject *
build_project (void)
{
  g_autofree char *lung_path = g_test_build_filename (G_TEST_DIST, "..", "data", "samples",
                                                      "lung.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ObDataset) built = build_all_types ();
  g_autoptr(ObDataset) lung = NULL;
  g_autofree char *sha = NULL;
  ObProject *project = ob_project_new ();
  ObProjectAnalysis *a;
  JsonArray *where;
  ObCsvOptions options;

  ob_csv_options_init (&options);
  lung = ob_csv_read_file (lung_path, &options, &error);
  g_assert_no_error (error);
  sha = ob_project_file_sha256 (lung_path, &error);
  g_assert_no_error (error);

  /* The source is not read on load: a path that no longer exists must not matter. */
  ob_project_add_dataset (project, "types", built, "/nonexistent/types.csv", NULL);
  ob_project_add_dataset (project, "lung", lung, lung_path, sha);

  a = ob_project_add_analysis (project, "Survival", "survival", "lung");
  json_object_set_string_member (a->settings, "time", "time");
  json_object_set_string_member (a->settings, "event", "status");
  json_object_set_string_member (a->settings, "group", "sex");
  json_object_set_string_member (a->settings, "ci", "log");
  json_object_set_double_member (a->settings, "rmst", 365.25);
  json_object_set_boolean_member (a->settings, "zph", TRUE);
  where = json_array_new ();
  json_array_add_string_element (where, "ph.ecog=1");
  json_array_add_string_element (where, "age=60");
  json_object_set_array_member (a->settings, "where", where);
  a->width_mm = 89;
  a->height_mm = 70.5;
  a->dpi = 600;
  g_free (a->format);
  a->format = g_strdup ("svg");

  a = ob_project_add_analysis (project, "Survival", "survival", "lung");
  g_assert_cmpstr (a->name, ==, "Survival 2");
  return project;
}

static void
test_round_trip (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "work.oncobench", NULL);
  g_autoptr(ObProject) project = build_project ();
  g_autoptr(ObProject) loaded = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (ob_project_save (project, path, &error));
  g_assert_no_error (error);
  loaded = ob_project_load (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);

  g_assert_cmpuint (loaded->datasets->len, ==, project->datasets->len);
  for (guint i = 0; i < project->datasets->len; i++)
    {
      ObProjectDataset *x = g_ptr_array_index (project->datasets, i);
      ObProjectDataset *y = g_ptr_array_index (loaded->datasets, i);

      g_assert_cmpstr (y->name, ==, x->name);
      g_assert_cmpstr (y->source_path, ==, x->source_path);
      g_assert_cmpstr (y->sha256, ==, x->sha256);
      assert_same_dataset (x->dataset, y->dataset);
    }
  g_assert_cmpuint (strlen (((ObProjectDataset *) g_ptr_array_index (loaded->datasets, 1))->sha256),
                    ==, 64);

  g_assert_cmpuint (loaded->analyses->len, ==, project->analyses->len);
  for (guint i = 0; i < project->analyses->len; i++)
    {
      ObProjectAnalysis *x = g_ptr_array_index (project->analyses, i);
      ObProjectAnalysis *y = g_ptr_array_index (loaded->analyses, i);
      g_autoptr(JsonNode) xs = json_node_init_object (json_node_alloc (), x->settings);
      g_autoptr(JsonNode) ys = json_node_init_object (json_node_alloc (), y->settings);

      g_assert_cmpstr (y->name, ==, x->name);
      g_assert_cmpstr (y->kind, ==, x->kind);
      g_assert_cmpstr (y->dataset, ==, x->dataset);
      g_assert_true (json_node_equal (xs, ys));
      g_assert_cmpfloat (y->width_mm, ==, x->width_mm);
      g_assert_cmpfloat (y->height_mm, ==, x->height_mm);
      g_assert_cmpfloat (y->dpi, ==, x->dpi);
      g_assert_cmpstr (y->format, ==, x->format);
    }
  remove_dir (dir);
}

/* A failure while writing (here the file size limit standing in for a full disk) must leave
 * the previous project byte for byte and no stray temporary file. */
static void
test_atomic_write_failure (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "work.oncobench", NULL);
  g_autoptr(ObProject) small = ob_project_new ();
  g_autoptr(ObProject) big = build_project ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL, *after = NULL;
  g_autoptr(GDir) listing = NULL;
  struct rlimit saved, limit;
  gboolean ok;

  g_assert_true (ob_project_save (small, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  limit = saved;
  limit.rlim_cur = 4096;
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  ok = ob_project_save (big, path, &error);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  signal (SIGXFSZ, SIG_DFL);

  g_assert_false (ok);
  g_assert_error (error, OB_ERROR, OB_ERROR_FAILED);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);

  listing = g_dir_open (dir, 0, NULL);
  g_assert_cmpstr (g_dir_read_name (listing), ==, "work.oncobench");
  g_assert_null (g_dir_read_name (listing));
  remove_dir (dir);
}

static void
test_atomic_unwritable_directory (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "work.oncobench", NULL);
  g_autoptr(ObProject) small = ob_project_new ();
  g_autoptr(ObProject) big = build_project ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL, *after = NULL;
  gboolean ok;

  g_assert_true (ob_project_save (small, path, &error));
  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
  if (access (dir, W_OK) == 0)
    {
      /* root writes anywhere; the file size test covers this case there. */
      g_chmod (dir, 0755);
      remove_dir (dir);
      g_test_skip ("the directory stays writable for this user");
      return;
    }
  ok = ob_project_save (big, path, &error);
  g_chmod (dir, 0755);
  g_assert_false (ok);
  g_assert_error (error, OB_ERROR, OB_ERROR_FAILED);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);
  remove_dir (dir);
}

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "project", name, NULL);
}

static void
test_newer_version (void)
{
  g_autofree char *path = fixture ("newer-version.oncobench");
  g_autoptr(GError) error = NULL;
  g_autoptr(ObProject) project = ob_project_load (path, &error);

  g_assert_null (project);
  g_assert_error (error, OB_ERROR, OB_ERROR_VERSION);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "version 7"));
  g_assert_nonnull (strstr (error->message, "version 1"));
}

static void
assert_damaged (const char *path,
                const char *words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ObProject) project = ob_project_load (path, &error);

  g_assert_null (project);
  g_assert_error (error, OB_ERROR, OB_ERROR_PARSE);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, words));
}

static void
test_damaged (void)
{
  static const struct { const char *file; const char *words; } cases[] = {
    { "truncated.oncobench", "not valid JSON" },
    { "not-a-project.oncobench", "not an Oncobench project" },
    { "wrong-types.oncobench", "row 2 of column “x” is not a finite number" },
    { "huge-number.oncobench", "row 2 of column “x” is not a finite number" },
    { "huge-rows.oncobench", "has 2 values for 4000000000 rows" },
    { "bad-level.oncobench", "is not one of its 1 levels" },
    { "missing-dataset.oncobench", "dataset “lung” the project does not hold" },
    { "bad-setting-name.oncobench", "unusable name “time=x --save-project”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = fixture (cases[i].file);

      assert_damaged (path, cases[i].words);
    }
}

/* A million opening brackets would overflow the parser's stack if handed to it. */
static void
test_deep_nesting (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "deep.oncobench", NULL);
  GString *text = g_string_new ("{\"format\": \"oncobench-project\", \"version\": 1, \"x\": ");

  for (guint i = 0; i < 1000000; i++)
    g_string_append_c (text, '[');
  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));
  g_string_free (text, TRUE);
  assert_damaged (path, "nests deeper");

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  assert_damaged (path, "empty");
  remove_dir (dir);
}

static void
test_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ObProject) project = ob_project_load ("/nonexistent/work.oncobench", &error);

  g_assert_null (project);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_nonnull (strstr (error->message, "/nonexistent/work.oncobench"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/project/round-trip", test_round_trip);
  g_test_add_func ("/core/project/atomic-write-failure", test_atomic_write_failure);
  g_test_add_func ("/core/project/atomic-unwritable-directory", test_atomic_unwritable_directory);
  g_test_add_func ("/core/project/newer-version", test_newer_version);
  g_test_add_func ("/core/project/damaged", test_damaged);
  g_test_add_func ("/core/project/deep-nesting", test_deep_nesting);
  g_test_add_func ("/core/project/missing-file", test_missing_file);

  return g_test_run ();
}
