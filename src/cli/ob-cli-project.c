/* ob-cli-project.c — analyses of oncobench-cli kept in, and re-run from, a project file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ob-cli-project.h"

/* Options that are switches (no value), in every command.  Everything else takes one. */
static const char * const switches[] = { "zph", "firth", "trend", "no-steps", "log", "traces",
                                         "exclude-failing", "per-arm", "exact-p", "show-ns",
                                         "no-band", "no-samples", "no-limits", NULL };
/* Options that may be given several times and are kept as a list. */
static const char * const repeatable[] = { "where", "run", NULL };
/* Options about reading FILE: the embedded dataset already holds their result. */
static const char * const input_options[] = { "type", "encoding", "delimiter", "grid", "map",
                                              "plate-block", NULL };
/* Files the command writes besides its figure: render writes only figures and results. */
static const char * const outputs[] = { "save-project", "plate-figure", "samples-csv", "csv",
                                        "html", NULL };

static ObDataset *given_dataset;
static ObDataset *last_dataset;
/* For figure recipes: what the running command was given and read. */
static char *given_source;
static char *given_sha256;
static char *last_path;
static char **command_args;

void
ob_cli_project_set_command (const char * const *args)
{
  g_clear_pointer (&command_args, g_strfreev);
  command_args = g_strdupv ((char **) args);
}

void
ob_cli_project_use_source (const char *source_path,
                           const char *sha256)
{
  g_free (given_source);
  given_source = g_strdup (source_path);
  g_free (given_sha256);
  given_sha256 = g_strdup (sha256);
}

void
ob_cli_project_keep_dataset (ObDataset *dataset)
{
  g_clear_pointer (&last_dataset, ob_dataset_unref);
  last_dataset = ob_dataset_ref (dataset);
}

void
ob_cli_project_use_dataset (ObDataset *dataset)
{
  g_clear_pointer (&given_dataset, ob_dataset_unref);
  if (dataset != NULL)
    given_dataset = ob_dataset_ref (dataset);
}

ObDataset *
ob_cli_project_open_dataset (const char              *path,
                             const ObCliInputOptions *input,
                             GError                 **error)
{
  ObDataset *dataset;

  if (given_dataset != NULL)
    dataset = ob_dataset_ref (given_dataset);
  else
    dataset = ob_cli_load_dataset (path, input, error);
  if (dataset == NULL)
    return NULL;
  g_free (last_path);
  last_path = given_dataset != NULL ? NULL : g_strdup (path);
  ob_cli_project_keep_dataset (dataset);
  return dataset;
}

/* Each command's figure size when it is given no --size; 0 high grows with the rows. */
static const struct
{
  const char *kind;
  double width_mm, height_mm;
} default_sizes[] = {
  { "survival", 85, 75 }, { "compare", 89, 70 }, { "elisa", 89, 70 }, { "growth", 89, 70 },
  { "crosstab", 89, 70 }, { "cohort", 183, 0 }, { "subgroups", 89, 0 }, { "landscape", 89, 0 },
};

static void
set_default_size (ObProjectAnalysis *analysis)
{
  for (guint i = 0; i < G_N_ELEMENTS (default_sizes); i++)
    if (g_str_equal (default_sizes[i].kind, analysis->kind))
      {
        analysis->width_mm = default_sizes[i].width_mm;
        if (default_sizes[i].height_mm > 0)
          analysis->height_mm = default_sizes[i].height_mm;
        else
          {
            char width[G_ASCII_DTOSTR_BUF_SIZE];

            g_ascii_dtostr (width, sizeof width, default_sizes[i].width_mm);
            json_object_set_string_member (analysis->settings, "size", width);
          }
      }
}

static gboolean
parse_size (const char *value,
            double     *width,
            double     *height)
{
  g_auto(GStrv) parts = g_strsplit_set (value, "xX", 2);
  char *end0 = NULL, *end1 = NULL;

  /* A table's width alone: its height follows its rows. */
  if (g_strv_length (parts) == 1)
    {
      *width = g_ascii_strtod (parts[0], &end0);
      return *end0 == '\0';
    }
  if (g_strv_length (parts) != 2)
    return FALSE;
  *width = g_ascii_strtod (parts[0], &end0);
  *height = g_ascii_strtod (parts[1], &end1);
  return *end0 == '\0' && *end1 == '\0';
}

/* elisa's --exclude names one well and survival's one row, each given once per exclusion;
 * growth's takes a list. */
static gboolean
is_repeatable (const char *kind,
               const char *name)
{
  return g_strv_contains (repeatable, name)
         || ((g_str_equal (kind, "elisa") || g_str_equal (kind, "survival"))
             && g_str_equal (name, "exclude"));
}

/* elisa's --type COL names the column of well types, a setting; COL=TYPE is about reading. */
static gboolean
is_input_option (const char *kind,
                 const char *name,
                 const char *value)
{
  if (g_str_equal (name, "type") && g_str_equal (kind, "elisa") && strchr (value, '=') == NULL)
    return FALSE;
  return g_strv_contains (input_options, name);
}

/* The command's options (already accepted by its GOptionContext) as project settings and
 * figure style. */
static void
record_options (ObProjectAnalysis  *analysis,
                const char * const *args)
{
  const char *kind = analysis->kind;

  set_default_size (analysis);

  for (guint i = 1; args[i] != NULL; i++)
    {
      const char *arg = args[i];
      g_autofree char *name = NULL;
      const char *value = NULL, *eq;

      if (g_str_equal (arg, "--"))
        break;
      if (!g_str_has_prefix (arg, "--"))
        continue;   /* FILE */
      eq = strchr (arg, '=');
      name = eq != NULL ? g_strndup (arg + 2, eq - arg - 2) : g_strdup (arg + 2);
      if (g_strv_contains (switches, name))
        {
          json_object_set_boolean_member (analysis->settings, name, TRUE);
          continue;
        }
      if (eq != NULL)
        value = eq + 1;
      else if (args[i + 1] != NULL)
        value = args[++i];
      else
        break;

      if (g_strv_contains (outputs, name) || g_str_equal (name, "figure") ||
          is_input_option (kind, name, value))
        {
          const char *dot = g_str_equal (name, "figure") ? strrchr (value, '.') : NULL;
          static const char * const formats[] = { "pdf", "svg", "eps", "png", NULL };
          g_autofree char *ext = dot != NULL ? g_ascii_strdown (dot + 1, -1) : NULL;

          if (ext != NULL && g_strv_contains (formats, ext))
            {
              g_free (analysis->format);
              analysis->format = g_steal_pointer (&ext);
            }
        }
      else if (g_str_equal (name, "size"))
        {
          gboolean height_given = strpbrk (value, "xX") != NULL;

          if (parse_size (value, &analysis->width_mm, &analysis->height_mm) && !height_given)
            json_object_set_string_member (analysis->settings, name, value);
          else
            json_object_remove_member (analysis->settings, name);
        }
      else if (g_str_equal (name, "dpi"))
        analysis->dpi = g_ascii_strtod (value, NULL);
      else if (is_repeatable (kind, name))
        {
          JsonArray *list;

          if (!json_object_has_member (analysis->settings, name))
            json_object_set_array_member (analysis->settings, name, json_array_new ());
          list = json_object_get_array_member (analysis->settings, name);
          json_array_add_string_element (list, value);
        }
      else
        json_object_set_string_member (analysis->settings, name, value);
    }
}

gboolean
ob_cli_project_export_figure (const char     *kind,
                              ObPlotFormat    format,
                              const char     *path,
                              double          width_mm,
                              double          height_mm,
                              double          dpi,
                              ObPlotDrawFunc  draw,
                              gpointer        user_data,
                              GError        **error)
{
  g_autoptr(ObProject) project = ob_project_new ();
  g_autoptr(ObPlotRecipe) recipe = NULL;
  ObProjectAnalysis *analysis = ob_project_add_analysis (project, kind, kind, "");

  if (command_args != NULL)
    record_options (analysis, (const char * const *) command_args);
  recipe = ob_plot_recipe_new (kind, analysis->settings);
  if (given_dataset != NULL)
    ob_plot_recipe_set_data (recipe, given_source, given_sha256);
  else if (last_path != NULL)
    {
      g_autofree char *source = g_canonicalize_filename (last_path, NULL);
      g_autofree char *sha256 = ob_project_file_sha256 (last_path, error);

      if (sha256 == NULL)
        return FALSE;
      ob_plot_recipe_set_data (recipe, source, sha256);
    }
  return ob_plot_export_with_recipe (format, path, width_mm, height_mm, dpi, NULL, recipe, draw,
                                     user_data, error);
}

gboolean
ob_cli_project_save_analysis (const char          *project_path,
                              const char          *kind,
                              const char          *data_path,
                              const char * const  *args,
                              GError             **error)
{
  g_autoptr(ObProject) project = NULL;
  g_autofree char *source = g_canonicalize_filename (data_path, NULL);
  g_autofree char *sha256 = NULL;
  g_autofree char *title = NULL;
  ObProjectDataset *dataset;
  ObProjectAnalysis *analysis;

  g_return_val_if_fail (last_dataset != NULL, FALSE);

  /* A project that cannot be read is left alone rather than replaced by a new one. */
  if (g_file_test (project_path, G_FILE_TEST_EXISTS))
    project = ob_project_load (project_path, error);
  else
    project = ob_project_new ();
  if (project == NULL)
    return FALSE;

  if ((sha256 = ob_project_file_sha256 (data_path, error)) == NULL)
    return FALSE;
  dataset = ob_project_find_source (project, source, sha256);
  if (dataset == NULL)
    {
      g_autofree char *base = g_path_get_basename (data_path);
      char *dot = strrchr (base, '.');

      if (dot != NULL && dot != base)
        *dot = '\0';
      dataset = ob_project_add_dataset (project, base, last_dataset, source, sha256);
    }

  title = g_strdup (kind);
  title[0] = g_ascii_toupper (title[0]);
  analysis = ob_project_add_analysis (project, title, kind, dataset->name);
  record_options (analysis, args);

  return ob_project_save (project, project_path, error);
}

static void
add_setting (GPtrArray  *argv,
             const char *name,
             JsonNode   *node)
{
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *list = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (list); i++)
        g_ptr_array_add (argv, g_strdup_printf ("--%s=%s", name,
                                                json_array_get_string_element (list, i)));
    }
  else if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    {
      if (json_node_get_boolean (node))
        g_ptr_array_add (argv, g_strdup_printf ("--%s", name));
    }
  else if (json_node_get_value_type (node) == G_TYPE_STRING)
    g_ptr_array_add (argv, g_strdup_printf ("--%s=%s", name, json_node_get_string (node)));
  else
    {
      char number[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_dtostr (number, sizeof number, json_node_get_double (node));
      g_ptr_array_add (argv, g_strdup_printf ("--%s=%s", name, number));
    }
}

char **
ob_cli_project_analysis_argv (const ObProjectAnalysis *analysis,
                              const char              *figure_path)
{
  GPtrArray *argv = g_ptr_array_new ();
  g_autoptr(GList) names = json_object_get_members (analysis->settings);
  char width[G_ASCII_DTOSTR_BUF_SIZE], height[G_ASCII_DTOSTR_BUF_SIZE];
  char dpi[G_ASCII_DTOSTR_BUF_SIZE];

  g_ptr_array_add (argv, g_strdup (analysis->kind));
  g_ptr_array_add (argv, g_strdup (analysis->dataset));
  for (GList *l = names; l != NULL; l = l->next)
    {
      /* Where output goes is render's choice, never the file's. */
      if (g_strv_contains (outputs, l->data) || g_str_equal (l->data, "figure") ||
          g_str_equal (l->data, "size") || g_str_equal (l->data, "dpi"))
        continue;
      add_setting (argv, l->data, json_object_get_member (analysis->settings, l->data));
    }

  g_ascii_dtostr (width, sizeof width, analysis->width_mm);
  g_ascii_dtostr (height, sizeof height, analysis->height_mm);
  g_ascii_dtostr (dpi, sizeof dpi, analysis->dpi);
  g_ptr_array_add (argv, g_strdup_printf ("--figure=%s", figure_path));
  /* A width alone: the figure is as tall as its rows make it. */
  if (json_object_has_member (analysis->settings, "size"))
    g_ptr_array_add (argv, g_strdup_printf ("--size=%s", width));
  else
    g_ptr_array_add (argv, g_strdup_printf ("--size=%sx%s", width, height));
  g_ptr_array_add (argv, g_strdup_printf ("--dpi=%s", dpi));
  g_ptr_array_add (argv, NULL);
  return (char **) g_ptr_array_free (argv, FALSE);
}
