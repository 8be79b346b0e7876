/* ob-cli-recipe.c — `oncobench-cli recipe FIGURE`: how a figure file was made
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ob-cli.h"
#include "ob-cli-common.h"
#include "ob-cli-project.h"
#include "ob-plot-recipe.h"

/* The line that makes the figure again from its data file: the same command and options,
 * writing to figure_path at the recipe's size. */
static char *
command_line (const ObPlotRecipe *recipe,
              const char         *figure_path)
{
  g_autoptr(ObProject) project = ob_project_new ();
  ObProjectAnalysis *analysis;
  g_auto(GStrv) argv = NULL;
  g_autoptr(GString) line = g_string_new ("oncobench-cli");

  analysis = ob_project_add_analysis (project, recipe->kind, recipe->kind,
                                      recipe->data_file != NULL ? recipe->data_file : "FILE");
  json_object_unref (analysis->settings);
  analysis->settings = json_object_ref (recipe->settings);
  if (recipe->width_mm > 0 && recipe->height_mm > 0)
    {
      analysis->width_mm = recipe->width_mm;
      analysis->height_mm = recipe->height_mm;
    }
  if (recipe->dpi > 0)
    analysis->dpi = recipe->dpi;

  argv = ob_cli_project_analysis_argv (analysis, figure_path);
  /* The project calls Table 1 a cohort; the command keeps its older name. */
  if (g_str_equal (argv[0], "cohort"))
    {
      g_free (argv[0]);
      argv[0] = g_strdup ("table1");
    }
  for (guint i = 0; argv[i] != NULL; i++)
    {
      g_autofree char *quoted = g_shell_quote (argv[i]);
      gboolean plain = argv[i][0] != '\0';

      /* Options read better unquoted when nothing in them needs it. */
      for (const char *p = argv[i]; *p != '\0'; p++)
        if (!g_ascii_isalnum (*p) && strchr ("-_./=,:+@%", *p) == NULL)
          plain = FALSE;
      g_string_append_c (line, ' ');
      g_string_append (line, plain ? argv[i] : quoted);
    }
  return g_strdup (line->str);
}

static gboolean
print_recipe (const char *path,
              gboolean    as_command,
              GError    **error)
{
  g_autofree char *json = ob_plot_recipe_read_json (path, error);
  g_autoptr(ObPlotRecipe) recipe = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autofree char *text = NULL;

  if (json == NULL || (recipe = ob_plot_recipe_from_json (json, error)) == NULL)
    return FALSE;

  if (as_command)
    {
      g_autofree char *line = command_line (recipe, path);

      printf ("%s\n", line);
      return TRUE;
    }

  /* Printed readable: the file keeps it on one ASCII line. */
  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, json, -1, error))
    return FALSE;
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, json_parser_get_root (parser));
  text = json_generator_to_data (generator, NULL);
  printf ("%s\n", text);
  return TRUE;
}

int
ob_cli_recipe (int    argc,
               char **argv)
{
  gboolean as_command = FALSE;
  const GOptionEntry entries[] = {
    { "command", 0, 0, G_OPTION_ARG_NONE, &as_command,
      N_("Print the oncobench-cli command that makes the figure again instead"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;

  context = g_option_context_new (_("FIGURE — how a figure exported by Oncobench was made"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("Prints the recipe a PDF, SVG, EPS, PNG or TIFF figure carries as JSON: the analysis, "
      "its options, the rows excluded and why, the software version, the data file and the "
      "SHA-256 of its bytes, and when it was made."));

  if (!ob_cli_parse_options (context, "recipe", &argc, &argv))
    return EXIT_FAILURE;
  if (argc != 2)
    {
      g_printerr ("%s\n", _("oncobench-cli recipe: expected one FIGURE (see --help)"));
      return EXIT_FAILURE;
    }
  if (!print_recipe (argv[1], as_command, &error))
    {
      ob_cli_print_error (argv[1], error);
      return EXIT_FAILURE;
    }
  return EXIT_SUCCESS;
}
