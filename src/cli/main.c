/* main.c — oncobench-cli: analyses as JSON, figures to files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "ob-cli.h"
#include "ob-cli-project.h"

typedef int (*ObCliCommand) (int argc, char **argv);

static const struct
{
  const char *name;
  ObCliCommand run;
  const char *summary;
} commands[] = {
  { "info", ob_cli_info, N_("Describe a table: encoding, delimiter, column types, levels") },
  { "survival", ob_cli_survival,
    N_("Kaplan–Meier curves, log-rank and related tests, Cox model, figure") },
  { "compare", ob_cli_compare, N_("Compare a measurement between groups: t, rank tests, ANOVA") },
  { "elisa", ob_cli_elisa, N_("ELISA standard curve, limits and sample concentrations") },
  { "render", ob_cli_render, N_("Make every figure of a saved project again") },
  { "recipe", ob_cli_recipe,
    N_("How a figure file was made, or the command that makes it again") },
  { "growth", ob_cli_growth,
    N_("Tumour growth: curves, %TGI, mRECIST, growth rates, time to endpoint") },
  { "crosstab", ob_cli_crosstab, N_("Cross-tabulate two columns: chi-square, Fisher, odds ratio") },
  { "table1", ob_cli_table1, N_("Baseline characteristics by group (Table 1): tests, SMD, table") },
  { "subgroups", ob_cli_subgroups,
    N_("Hazard ratio within subgroups, interaction tests, forest plot") },
  { "landscape", ob_cli_landscape,
    N_("Alteration frequencies by gene and type, co-occurrence, oncoprint") },
  { NULL, NULL, NULL },
};

static void
print_usage (FILE *stream)
{
  fprintf (stream, "%s\n\n%s\n", _("Usage: oncobench-cli COMMAND [OPTION…] FILE"), _("Commands:"));
  for (guint i = 0; commands[i].name != NULL; i++)
    fprintf (stream, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (stream, "\n%s\n", _("Run “oncobench-cli COMMAND --help” for a command’s options."));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  /* Numbers in and out are always C-locale: JSON and CSV are not localised. */
  setlocale (LC_NUMERIC, "C");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    {
      print_usage (stderr);
      return EXIT_FAILURE;
    }
  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") || g_str_equal (argv[1], "help"))
    {
      print_usage (stdout);
      return EXIT_SUCCESS;
    }
  if (g_str_equal (argv[1], "--version"))
    {
      printf ("oncobench-cli %s\n", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }
  for (guint i = 0; commands[i].name != NULL; i++)
    if (g_str_equal (argv[1], commands[i].name))
      {
        ob_cli_project_set_command ((const char * const *) argv + 1);
        return commands[i].run (argc - 1, argv + 1);
      }

  g_printerr (_("oncobench-cli: unknown command “%s”\n"), argv[1]);
  print_usage (stderr);
  return EXIT_FAILURE;
}
