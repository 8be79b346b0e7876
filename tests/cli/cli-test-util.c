/* cli-test-util.c — running oncobench-cli from tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-test"

#include "config.h"

#include <glib/gstdio.h>
#include <gio/gio.h>
#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "cli-test-util.h"

static char *
bytes_to_string (GBytes *bytes)
{
  gsize len = 0;
  const char *data;

  if (bytes == NULL)
    return g_strdup ("");
  data = g_bytes_get_data (bytes, &len);
  /* Empty bytes may have no data pointer at all. */
  return len > 0 ? g_strndup (data, len) : g_strdup ("");
}

CliResult *
cli_runv (const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) err = NULL;
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("OB_CLI");
  CliResult *result;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer) cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                       G_SUBPROCESS_FLAGS_STDERR_PIPE);
  /* Under AddressSanitizer, full allocation stacks let tests/lsan.supp name the library
   * function that leaks (cairo finishing an EPS) rather than the whole library.  Other
   * builds ignore the variable. */
  {
    const char *asan = g_getenv ("ASAN_OPTIONS");
    g_autofree char *options = g_strconcat (asan != NULL ? asan : "", asan != NULL ? ":" : "",
                                            "fast_unwind_on_malloc=0", NULL);

    g_subprocess_launcher_setenv (launcher, "ASAN_OPTIONS", options, TRUE);
  }
  proc = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate (proc, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (proc));

  result = g_new0 (CliResult, 1);
  result->exit_status = g_subprocess_get_exit_status (proc);
  result->out = bytes_to_string (out);
  result->err = bytes_to_string (err);
  return result;
}

CliResult *
cli_run (const char *first_arg,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const char *arg;
  va_list ap;

  va_start (ap, first_arg);
  for (arg = first_arg; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  return cli_runv ((const char * const *) args->pdata);
}

void
cli_result_free (CliResult *result)
{
  g_free (result->out);
  g_free (result->err);
  g_free (result);
}

JsonParser *
cli_result_parse (const CliResult *result)
{
  g_autoptr(GError) error = NULL;
  JsonParser *parser;

  if (result->exit_status != 0)
    g_test_message ("stderr: %s", result->err);
  g_assert_cmpint (result->exit_status, ==, 0);

  parser = json_parser_new ();
  json_parser_load_from_data (parser, result->out, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return parser;
}

char *
cli_sample_path (const char *name)
{
  const char *srcdir = g_getenv ("OB_SOURCE_DIR");

  g_assert_nonnull (srcdir);
  return g_build_filename (srcdir, "data", "samples", name, NULL);
}

char *
cli_result_error_line (const CliResult *result)
{
  gsize len = strlen (result->err);

  g_assert_cmpuint (len, >, 1);
  g_assert_cmpint (result->err[len - 1], ==, '\n');
  /* Exactly one line: the only newline is the last character. */
  g_assert_null (memchr (result->err, '\n', len - 1));
  return g_strndup (result->err, len - 1);
}

static JsonNode *
get_member (JsonObject *object,
            const char *member)
{
  if (!json_object_has_member (object, member))
    g_error ("JSON object has no member “%s”", member);
  return json_object_get_member (object, member);
}

JsonObject *
cli_get_object (JsonObject *object,
                const char *member)
{
  JsonNode *node = get_member (object, member);

  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_node_get_object (node);
}

JsonArray *
cli_get_array (JsonObject *object,
               const char *member)
{
  JsonNode *node = get_member (object, member);

  g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
  return json_node_get_array (node);
}

const char *
cli_get_string (JsonObject *object,
                const char *member)
{
  JsonNode *node = get_member (object, member);

  g_assert_true (JSON_NODE_HOLDS_VALUE (node));
  g_assert_cmpuint (json_node_get_value_type (node), ==, G_TYPE_STRING);
  return json_node_get_string (node);
}

gint64
cli_get_int (JsonObject *object,
             const char *member)
{
  JsonNode *node = get_member (object, member);

  g_assert_true (JSON_NODE_HOLDS_VALUE (node));
  g_assert_cmpuint (json_node_get_value_type (node), ==, G_TYPE_INT64);
  return json_node_get_int (node);
}

double
cli_get_double (JsonObject *object,
                const char *member)
{
  JsonNode *node = get_member (object, member);

  if (JSON_NODE_HOLDS_NULL (node))
    return NAN;
  g_assert_true (JSON_NODE_HOLDS_VALUE (node));
  /* JSON does not tell 3 from 3.0; json-glib reads whole numbers as integers. */
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return (double) json_node_get_int (node);
  g_assert_cmpuint (json_node_get_value_type (node), ==, G_TYPE_DOUBLE);
  return json_node_get_double (node);
}

void
cli_assert_close (double      actual,
                  double      expected,
                  double      rel_tol,
                  const char *what)
{
  double scale;

  if (isnan (expected) || isnan (actual))
    {
      if (isnan (expected) != isnan (actual))
        g_error ("%s: got %.10g, expected %.10g", what, actual, expected);
      return;
    }
  /* A floor so that an expected 0 (S(t) = 1 has SE 0) allows rounding noise. */
  scale = MAX (fabs (expected), 1e-9);
  if (fabs (actual - expected) > rel_tol * scale)
    g_error ("%s: got %.12g, expected %.12g (relative tolerance %g)", what, actual, expected,
             rel_tol);
}

char *
cli_make_temp_dir (const char *tmpl)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp (tmpl, &error);

  g_assert_no_error (error);
  return dir;
}

void
cli_remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          cli_remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

GBytes *
cli_read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize length = 0;

  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (data, length);
}
