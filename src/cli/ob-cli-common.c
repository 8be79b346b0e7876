/* ob-cli-common.c — options, errors and JSON members shared by the subcommands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ob-cli-common.h"
#include "ob-cli-project.h"

void
ob_cli_input_options_add (GOptionContext    *context,
                          ObCliInputOptions *options)
{
  const GOptionEntry entries[] = {
    { "type", 0, 0, G_OPTION_ARG_STRING_ARRAY, &options->types,
      N_("Read column COL as TYPE (numeric, categorical, date, text); repeatable"),
      N_("COL=TYPE") },
    { "encoding", 0, 0, G_OPTION_ARG_STRING, &options->encoding,
      N_("Character encoding of the file (default: detect)"), N_("NAME") },
    { "delimiter", 0, 0, G_OPTION_ARG_STRING, &options->delimiter,
      N_("Field delimiter: “,” “;” “tab” or “|” (default: detect)"), N_("CHAR") },
    { NULL }
  };

  /* In the main group, so that plain --help lists them. */
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
}

void
ob_cli_input_options_clear (ObCliInputOptions *options)
{
  g_clear_pointer (&options->types, g_strfreev);
  g_clear_pointer (&options->encoding, g_free);
  g_clear_pointer (&options->delimiter, g_free);
}

static gboolean
parse_delimiter (const char  *str,
                 char        *out,
                 GError     **error)
{
  if (g_ascii_strcasecmp (str, "tab") == 0 || g_str_equal (str, "\\t") || g_str_equal (str, "\t"))
    *out = '\t';
  else if (strlen (str) == 1 && strchr (",;|", str[0]) != NULL)
    *out = str[0];
  else
    {
      g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                   _("--delimiter “%s” is not one of “,” “;” “tab” “|”"), str);
      return FALSE;
    }
  return TRUE;
}

ObDataset *
ob_cli_load_dataset (const char              *path,
                     const ObCliInputOptions *options,
                     GError                 **error)
{
  g_autoptr(GHashTable) types = NULL;
  ObCsvOptions csv;

  ob_csv_options_init (&csv);

  if (options->delimiter != NULL && !parse_delimiter (options->delimiter, &csv.delimiter, error))
    return NULL;
  csv.encoding = options->encoding;

  if (options->types != NULL)
    {
      types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; options->types[i] != NULL; i++)
        {
          const char *spec = options->types[i];
          const char *eq = strrchr (spec, '=');
          ObColumnType type;

          if (eq == NULL || eq == spec || !ob_column_type_from_string (eq + 1, &type))
            {
              g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                           _("--type “%s”: expected COL=TYPE with TYPE one of numeric, "
                             "categorical, date, text"), spec);
              return NULL;
            }
          g_hash_table_insert (types, g_strndup (spec, eq - spec), GINT_TO_POINTER (type + 1));
        }
      csv.column_types = types;
    }

  return ob_csv_read_file (path, &csv, error);
}

gboolean
ob_cli_parse_options (GOptionContext  *context,
                      const char      *command,
                      int             *argc,
                      char          ***argv)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_autofree char *prefix = g_strdup_printf ("oncobench-cli %s", command);

      ob_cli_print_error (prefix, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
starts_with_location (const char *line,
                      const char *name)
{
  gsize len = strlen (name);

  return len > 0 && strncmp (line, name, len) == 0 && line[len] == ':';
}

void
ob_cli_print_error (const char   *prefix,
                    const GError *error)
{
  g_autofree char *line = g_strdup (error->message);
  g_autofree char *base = prefix != NULL ? g_path_get_basename (prefix) : NULL;

  /* One line, so scripts can read it with `head -1` and editors can jump to it. */
  g_strdelimit (line, "\r\n", ' ');
  g_strchomp (line);

  if (prefix == NULL || starts_with_location (line, prefix))
    g_printerr ("%s\n", line);
  else if (starts_with_location (line, base))
    /* The importer names the file by its base name; the user typed a path. */
    g_printerr ("%s%s\n", prefix, line + strlen (base));
  else
    g_printerr ("%s: %s\n", prefix, line);
}

void
ob_cli_json_add_double_value (JsonBuilder *builder,
                              double       value)
{
  if (isfinite (value))
    json_builder_add_double_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

void
ob_cli_json_add_double (JsonBuilder *builder,
                        const char  *member,
                        double       value)
{
  json_builder_set_member_name (builder, member);
  ob_cli_json_add_double_value (builder, value);
}

void
ob_cli_json_add_int (JsonBuilder *builder,
                     const char  *member,
                     gint64       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

void
ob_cli_json_add_string (JsonBuilder *builder,
                        const char  *member,
                        const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

char **
ob_cli_split_list (const char *list)
{
  g_auto(GStrv) parts = NULL;
  GPtrArray *out;

  if (list == NULL)
    return NULL;

  parts = g_strsplit (list, ",", -1);
  out = g_ptr_array_new ();
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (parts[i][0] != '\0')
        g_ptr_array_add (out, g_strdup (parts[i]));
    }
  g_ptr_array_add (out, NULL);
  return (char **) g_ptr_array_free (out, FALSE);
}

gboolean
ob_cli_check_figure_options (const char  *figure,
                             const char  *size,
                             double       dpi,
                             GError     **error)
{
  if (dpi != 0 && !(dpi >= 72 && dpi <= 2400))
    g_set_error_literal (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                         _("--dpi must be between 72 and 2400"));
  else if ((size != NULL || dpi != 0) && figure == NULL)
    g_set_error_literal (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                         _("--size and --dpi shape the figure: add --figure FILE"));
  else
    return TRUE;
  return FALSE;
}

int
ob_cli_finish (const char         *command,
               const char         *analysis,
               const char         *file,
               const char         *save_project,
               const char * const *args,
               const GError       *error)
{
  g_autoptr(GError) save_error = NULL;

  if (error != NULL)
    {
      g_autofree char *prefix = g_strconcat ("oncobench-cli ", command, NULL);

      ob_cli_print_error (error->code == OB_ERROR_INVALID_ARG ? prefix : file, error);
      return EXIT_FAILURE;
    }
  if (save_project != NULL
      && !ob_cli_project_save_analysis (save_project, analysis, file, args, &save_error))
    {
      ob_cli_print_error (save_project, save_error);
      return EXIT_FAILURE;
    }
  return EXIT_SUCCESS;
}

GOptionContext *
ob_cli_context_new (const char         *parameter_string,
                    const GOptionEntry *entries,
                    ObCliInputOptions  *input,
                    const char         *description)
{
  GOptionContext *context = g_option_context_new (parameter_string);

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  ob_cli_input_options_add (context, input);
  g_option_context_set_description (context, description);
  return context;
}
