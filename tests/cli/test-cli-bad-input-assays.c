/* test-cli-bad-input-assays.c — plates and studies that cannot be read as they stand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Standards without a dose response are refused with a message; standards that turn back (a
 * hook) give the fit with warnings and every sample flagged; a mouse in two arms is refused
 * naming both rows.  Expected warnings and F-tests come from tests/reference/elisa-checks.R.
 */
#define G_LOG_DOMAIN "oncobench-test"

#include "config.h"

#include <string.h>

#include "cli-test-util.h"

static char *
source_path (const char *first,
             ...)
{
  const char *srcdir = g_getenv ("OB_SOURCE_DIR");
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  const char *part;
  va_list ap;

  g_assert_nonnull (srcdir);
  g_ptr_array_add (parts, (gpointer) srcdir);
  va_start (ap, first);
  for (part = first; part != NULL; part = va_arg (ap, const char *))
    g_ptr_array_add (parts, (gpointer) part);
  va_end (ap);
  g_ptr_array_add (parts, NULL);
  return g_build_filenamev ((char **) parts->pdata);
}

static JsonObject *
fixture (JsonParser **parser)
{
  g_autofree char *path = source_path ("tests", "reference", "elisa-checks.json", NULL);
  g_autoptr(GError) error = NULL;

  *parser = json_parser_new ();
  json_parser_load_from_file (*parser, path, &error);
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (*parser));
}

static void
assert_refused (const char * const *args,
                const char         *expected)
{
  g_autoptr(CliResult) result = cli_runv (args);
  g_autofree char *line = NULL;

  g_assert_cmpint (result->exit_status, ==, 1);
  g_assert_cmpstr (result->out, ==, "");
  line = cli_result_error_line (result);
  g_assert_cmpstr (line, ==, expected);
}

static void
test_flat_standards (void)
{
  g_autofree char *path = source_path ("tests", "data", "bad", "elisa-flat.csv", NULL);
  g_autofree char *expected = g_strconcat (path, ": The standards show no dose response: a flat "
                                           "line fits them as well as the 4pl curve (F-test, "
                                           "p > 0.05), so no concentration can be read from "
                                           "it. Check the plate map and the standards’ "
                                           "concentrations.", NULL);
  const char *args[] = { "elisa", path, NULL };

  assert_refused (args, expected);
}

static void
test_hook (void)
{
  g_autofree char *path = source_path ("tests", "data", "bad", "elisa-hook.csv", NULL);
  g_autoptr(JsonParser) reference = NULL;
  JsonArray *expected = json_object_get_array_member (fixture (&reference), "hook_warnings");
  g_autoptr(CliResult) result = cli_run ("elisa", path, NULL);
  g_autoptr(JsonParser) parser = cli_result_parse (result);
  JsonObject *root = json_node_get_object (json_parser_get_root (parser));
  JsonArray *warnings = cli_get_array (root, "warnings");
  JsonArray *samples = cli_get_array (root, "samples");

  g_assert_cmpuint (json_array_get_length (warnings), ==, json_array_get_length (expected));
  g_assert_cmpuint (json_array_get_length (warnings), >, 0);
  for (guint i = 0; i < json_array_get_length (expected); i++)
    g_assert_cmpstr (json_array_get_string_element (warnings, i), ==,
                     json_array_get_string_element (expected, i));
  g_assert_cmpuint (json_array_get_length (samples), >, 0);
  for (guint i = 0; i < json_array_get_length (samples); i++)
    {
      JsonArray *flags = cli_get_array (json_array_get_object_element (samples, i), "flags");
      gboolean flagged = FALSE;

      for (guint j = 0; j < json_array_get_length (flags); j++)
        flagged |= g_str_equal (json_array_get_string_element (flags, j),
                                "standards not monotone");
      g_assert_true (flagged);
    }
}

/* The F-test against a flat line, for a curve and a straight line, as R computes it; a real
 * plate raises no monotonicity warning. */
static void
test_dose_response (void)
{
  g_autofree char *dnase = cli_sample_path ("dnase.csv");
  g_autoptr(JsonParser) reference = NULL;
  JsonArray *cases = json_object_get_array_member (fixture (&reference), "dose_response");

  for (guint i = 0; i < json_array_get_length (cases); i++)
    {
      JsonObject *c = json_array_get_object_element (cases, i);
      g_autofree char *model = g_strconcat ("--model=", cli_get_string (c, "model"), NULL);
      g_autoptr(CliResult) result = cli_run ("elisa", dnase, "--response", "density", "--run",
                                             "run=1", model, NULL);
      g_autoptr(JsonParser) parser = cli_result_parse (result);
      JsonObject *root = json_node_get_object (json_parser_get_root (parser));
      JsonObject *test = cli_get_object (root, "dose_response");

      cli_assert_close (cli_get_double (test, "F"), cli_get_double (c, "F"), 1e-5, "F");
      cli_assert_close (cli_get_double (test, "df1"), cli_get_double (c, "df1"), 0, "df1");
      cli_assert_close (cli_get_double (test, "df2"), cli_get_double (c, "df2"), 0, "df2");
      cli_assert_close (cli_get_double (test, "p"), cli_get_double (c, "p"), 1e-5, "p");
      g_assert_cmpuint (json_array_get_length (cli_get_array (root, "warnings")), ==, 0);
    }
}

static void
test_mouse_in_two_arms (void)
{
  g_autofree char *path = source_path ("tests", "data", "bad", "growth-two-arms.csv", NULL);
  g_autofree char *expected = g_strconcat (path, ": mouse “M1” is in arm “vehicle” (row 1) and "
                                           "in arm “drug” (row 7); a mouse keeps one id and "
                                           "one arm in every row", NULL);
  const char *args[] = {
    "growth", path, "--subject", "mouse", "--group", "arm", "--time", "day", "--volume",
    "volume", NULL
  };

  assert_refused (args, expected);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/bad-input/elisa-flat-standards", test_flat_standards);
  g_test_add_func ("/cli/bad-input/elisa-hook", test_hook);
  g_test_add_func ("/cli/bad-input/elisa-dose-response", test_dose_response);
  g_test_add_func ("/cli/bad-input/growth-mouse-in-two-arms", test_mouse_in_two_arms);
  return g_test_run ();
}
