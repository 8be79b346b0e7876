/* ob-cli-render.c — `oncobench-cli render PROJECT --out DIR`: every figure of a project again
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ob-cli.h"
#include "ob-cli-common.h"
#include "ob-cli-project.h"

typedef int (*Command) (int argc, char **argv);

static const struct
{
  const char *kind;
  Command run;
} kinds[] = {
  { "survival", ob_cli_survival },
  { "growth", ob_cli_growth },
  { "compare", ob_cli_compare },
  { "elisa", ob_cli_elisa },
  { "cohort", ob_cli_table1 },
  { "crosstab", ob_cli_crosstab },
  { "subgroups", ob_cli_subgroups },
  { "landscape", ob_cli_landscape },
};

/* An analysis name as a file name: no directories, no hidden files. */
static char *
file_name_for (const char *name)
{
  char *file = g_strdup (name);

  for (char *p = file; *p != '\0'; p++)
    if (*p == '/' || *p == '\\' || (guchar) *p < 0x20)
      *p = '_';
  if (file[0] == '.' || file[0] == '\0')
    {
      char *prefixed = g_strconcat ("_", file, NULL);

      g_free (file);
      file = prefixed;
    }
  return file;
}

/* Runs the analysis' command as `oncobench-cli KIND` would, with its JSON going to
 * results_path instead of standard output, so render and a direct run share one code path. */
static gboolean
run_analysis (Command                  run,
              const ObProjectAnalysis *analysis,
              const char              *figure_path,
              const char              *results_path,
              GError                 **error)
{
  g_auto(GStrv) args = ob_cli_project_analysis_argv (analysis, figure_path);
  g_autofree char **argv = g_memdup2 (args, (g_strv_length (args) + 1) * sizeof (char *));
  int fd, saved, status;

  fd = g_open (results_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd < 0)
    {
      int err = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (err),
                   _("Could not write “%s”: %s"), results_path, g_strerror (err));
      return FALSE;
    }
  ob_cli_project_set_command ((const char * const *) args);
  fflush (stdout);
  saved = dup (STDOUT_FILENO);
  dup2 (fd, STDOUT_FILENO);
  close (fd);
  /* The option parser shuffles argv; args keeps every string to free. */
  status = run (g_strv_length (args), argv);
  fflush (stdout);
  dup2 (saved, STDOUT_FILENO);
  close (saved);

  if (status != EXIT_SUCCESS)
    {
      g_set_error (error, OB_ERROR, OB_ERROR_FAILED,
                   _("analysis “%s” could not be re-run (see above)"), analysis->name);
      return FALSE;
    }
  return TRUE;
}

static gboolean
render_project (const char *path,
                const char *out_dir,
                const char *format,
                GError    **error)
{
  g_autoptr(ObProject) project = ob_project_load (path, error);
  g_autoptr(ObCliJson) json = NULL;
  JsonBuilder *b;
  gboolean ok = TRUE;

  if (project == NULL)
    return FALSE;
  if (g_mkdir_with_parents (out_dir, 0755) != 0)
    {
      int err = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (err),
                   _("Could not create the folder “%s”: %s"), out_dir, g_strerror (err));
      return FALSE;
    }

  json = ob_cli_json_new ();
  b = ob_cli_json_get_builder (json);
  json_builder_begin_object (b);
  ob_cli_json_add_string (b, "project", path);
  json_builder_set_member_name (b, "figures");
  json_builder_begin_array (b);
  for (guint i = 0; i < project->analyses->len; i++)
    {
      const ObProjectAnalysis *analysis = g_ptr_array_index (project->analyses, i);
      const ObProjectDataset *dataset = ob_project_find_dataset (project, analysis->dataset);
      g_autofree char *base = file_name_for (analysis->name);
      g_autofree char *figure_name = g_strconcat (base, ".",
                                                  format != NULL ? format : analysis->format,
                                                  NULL);
      g_autofree char *results_name = g_strconcat (base, ".json", NULL);
      g_autofree char *figure = g_build_filename (out_dir, figure_name, NULL);
      g_autofree char *results = g_build_filename (out_dir, results_name, NULL);
      g_autoptr(GError) local_error = NULL;
      Command run = NULL;

      for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
        if (g_str_equal (kinds[k].kind, analysis->kind))
          run = kinds[k].run;
      if (run == NULL)
        {
          g_printerr (_("%s: analysis “%s” is of a kind this version cannot render (“%s”)\n"),
                      path, analysis->name, analysis->kind);
          ok = FALSE;
          continue;
        }

      ob_cli_project_use_dataset (dataset->dataset);
      ob_cli_project_use_source (dataset->source_path, dataset->sha256);
      if (!run_analysis (run, analysis, figure, results, &local_error))
        {
          ob_cli_print_error (path, local_error);
          ok = FALSE;
        }
      ob_cli_project_use_dataset (NULL);
      ob_cli_project_use_source (NULL, NULL);
      if (local_error != NULL)
        continue;

      json_builder_begin_object (b);
      ob_cli_json_add_string (b, "analysis", analysis->name);
      ob_cli_json_add_string (b, "figure", figure);
      ob_cli_json_add_string (b, "results", results);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  if (!ob_cli_json_print (json, error))
    return FALSE;
  if (!ok)
    {
      g_set_error (error, OB_ERROR, OB_ERROR_FAILED, "%s",
                   _("some figures could not be made"));
      return FALSE;
    }
  return TRUE;
}

int
ob_cli_render (int    argc,
               char **argv)
{
  g_autofree char *out_dir = NULL;
  g_autofree char *format = NULL;
  const GOptionEntry entries[] = {
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out_dir, N_("Folder for the figures (created)"),
      N_("DIR") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      N_("pdf, svg, eps or png for every figure (default: each analysis’ own)"), N_("FORMAT") },
    { NULL }
  };
  static const char * const formats[] = { "pdf", "svg", "eps", "png", NULL };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;

  context = g_option_context_new (_("PROJECT — make every figure of a project again"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("Re-runs each analysis of the project on its embedded data with its saved settings and "
      "figure style, writing DIR/NAME.FORMAT and its results as DIR/NAME.json, and prints the "
      "list as JSON."));

  if (!ob_cli_parse_options (context, "render", &argc, &argv))
    return EXIT_FAILURE;
  if (argc != 2 || out_dir == NULL)
    {
      g_printerr ("%s\n", _("oncobench-cli render: expected one PROJECT and --out DIR "
                            "(see --help)"));
      return EXIT_FAILURE;
    }
  if (format != NULL && !g_strv_contains (formats, format))
    {
      g_printerr (_("oncobench-cli render: --format “%s” is not one of pdf, svg, eps, png\n"),
                  format);
      return EXIT_FAILURE;
    }
  if (!render_project (argv[1], out_dir, format, &error))
    {
      ob_cli_print_error (argv[1], error);
      return EXIT_FAILURE;
    }
  return EXIT_SUCCESS;
}
