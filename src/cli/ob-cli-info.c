/* ob-cli-info.c — `oncobench-cli info FILE`: what the importer made of a table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "ob-cli.h"
#include "ob-cli-common.h"

static const char *
delimiter_to_string (char delimiter)
{
  switch (delimiter)
    {
    case ',':
      return ",";
    case ';':
      return ";";
    case '\t':
      return "\t";
    case '|':
      return "|";
    default:
      return NULL;
    }
}

static void
build_info (JsonBuilder     *builder,
            const char      *path,
            const ObDataset *dataset)
{
  const GPtrArray *warnings = ob_dataset_get_warnings (dataset);
  guint n_columns = ob_dataset_get_n_columns (dataset);

  json_builder_begin_object (builder);
  ob_cli_json_add_string (builder, "file", path);
  ob_cli_json_add_string (builder, "encoding", ob_dataset_get_encoding (dataset));
  ob_cli_json_add_string (builder, "delimiter",
                          delimiter_to_string (ob_dataset_get_delimiter (dataset)));
  ob_cli_json_add_int (builder, "rows", ob_dataset_get_n_rows (dataset));

  json_builder_set_member_name (builder, "columns");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_columns; i++)
    {
      const ObColumn *column = ob_dataset_get_column (dataset, i);

      json_builder_begin_object (builder);
      ob_cli_json_add_string (builder, "name", column->name);
      ob_cli_json_add_string (builder, "type", ob_column_type_to_string (column->type));
      ob_cli_json_add_int (builder, "missing", column->n_missing);
      if (column->type == OB_COLUMN_CATEGORICAL)
        {
          json_builder_set_member_name (builder, "levels");
          json_builder_begin_array (builder);
          for (guint l = 0; column->levels != NULL && l < column->levels->len; l++)
            json_builder_add_string_value (builder, g_ptr_array_index (column->levels, l));
          json_builder_end_array (builder);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "warnings");
  json_builder_begin_array (builder);
  for (guint i = 0; warnings != NULL && i < warnings->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (warnings, i));
  json_builder_end_array (builder);

  json_builder_end_object (builder);
}

int
ob_cli_info (int    argc,
             char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(ObCliJson) json = NULL;
  g_autoptr(ObDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  ObCliInputOptions input = { 0 };
  int status = EXIT_FAILURE;

  context = g_option_context_new (_("FILE — describe a table: encoding, delimiter, columns"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("Prints JSON: the file, its encoding and delimiter, the number of rows, each column’s "
      "type, missing count and levels, and any import warnings."));
  ob_cli_input_options_add (context, &input);

  if (!ob_cli_parse_options (context, "info", &argc, &argv))
    goto out;
  if (argc != 2)
    {
      g_printerr ("%s\n", _("oncobench-cli info: expected one FILE (see --help)"));
      goto out;
    }

  dataset = ob_cli_load_dataset (argv[1], &input, &error);
  if (dataset == NULL)
    {
      ob_cli_print_error (argv[1], error);
      goto out;
    }

  json = ob_cli_json_new ();
  build_info (ob_cli_json_get_builder (json), argv[1], dataset);
  if (!ob_cli_json_print (json, &error))
    {
      ob_cli_print_error ("oncobench-cli info", error);
      goto out;
    }
  status = EXIT_SUCCESS;

out:
  ob_cli_input_options_clear (&input);
  return status;
}
