/* ob-cli-json.c — the JSON documents oncobench-cli prints
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ob-dataset.h"
#include "ob-cli-json.h"

/* Output is handed to stdio in pieces of about this size. */
#define FLUSH_SIZE (64 * 1024)

typedef struct
{
  gsize n_rows;
  ObCliJsonRowFunc write;
  gconstpointer user_data;
} Rows;

struct _ObCliJson
{
  JsonBuilder *builder;
  GArray *rows;          /* Rows; the placeholder string of rows[i] names i */
};

struct _ObCliJsonRow
{
  GString *out;
  const char *indent;    /* of the row's members */
  gboolean first;
};

/* A control character cannot come from a column name or level by accident: the importer
 * keeps none, and json-glib writes it escaped, which is what print() looks for. */
#define PLACEHOLDER_PREFIX "\001ob-cli-rows-"
#define PLACEHOLDER_ESCAPED "\\u0001ob-cli-rows-"

ObCliJson *
ob_cli_json_new (void)
{
  ObCliJson *json = g_new0 (ObCliJson, 1);

  json->builder = json_builder_new ();
  json->rows = g_array_new (FALSE, FALSE, sizeof (Rows));
  return json;
}

void
ob_cli_json_free (ObCliJson *json)
{
  g_clear_object (&json->builder);
  g_clear_pointer (&json->rows, g_array_unref);
  g_free (json);
}

JsonBuilder *
ob_cli_json_get_builder (ObCliJson *json)
{
  return json->builder;
}

void
ob_cli_json_add_rows (ObCliJson        *json,
                      const char       *member,
                      gsize             n_rows,
                      ObCliJsonRowFunc  write,
                      gconstpointer     user_data)
{
  Rows rows = { n_rows, write, user_data };
  g_autofree char *placeholder = g_strdup_printf (PLACEHOLDER_PREFIX "%u", json->rows->len);

  g_array_append_val (json->rows, rows);
  json_builder_set_member_name (json->builder, member);
  json_builder_add_string_value (json->builder, placeholder);
}

/* Shortest decimal that reads back as the same double: 0.95, not 0.94999999999999996. */
static void
append_shortest (GString *out,
                 double   value)
{
  static const char * const formats[] = { "%.15g", "%.16g", "%.17g" };
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buffer, sizeof buffer, formats[i], value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }
  g_string_append (out, buffer);
}

static void
begin_member (ObCliJsonRow *row,
              const char   *member)
{
  if (!row->first)
    g_string_append (row->out, ",\n");
  row->first = FALSE;
  g_string_append (row->out, row->indent);
  g_string_append_c (row->out, '"');
  g_string_append (row->out, member);
  g_string_append (row->out, "\" : ");
}

void
ob_cli_json_row_double (ObCliJsonRow *row,
                        const char   *member,
                        double        value)
{
  begin_member (row, member);
  if (isfinite (value))
    append_shortest (row->out, value);
  else
    g_string_append (row->out, "null");
}

void
ob_cli_json_row_int (ObCliJsonRow *row,
                     const char   *member,
                     gint64        value)
{
  begin_member (row, member);
  g_string_append_printf (row->out, "%" G_GINT64_FORMAT, value);
}

void
ob_cli_json_row_string (ObCliJsonRow *row,
                        const char   *member,
                        const char   *value)
{
  begin_member (row, member);
  if (value == NULL)
    {
      g_string_append (row->out, "null");
      return;
    }
  g_string_append_c (row->out, '"');
  for (const char *p = value; *p != '\0'; p++)
    if (*p == '"' || *p == '\\')
      g_string_append_printf (row->out, "\\%c", *p);
    else if ((guchar) *p < 0x20)
      g_string_append_printf (row->out, "\\u%04x", (guchar) *p);
    else
      g_string_append_c (row->out, *p);
  g_string_append_c (row->out, '"');
}

typedef struct
{
  GString *out;
  gboolean failed;
} Output;

static void
output_flush (Output *output,
              gboolean force)
{
  if (output->out->len < FLUSH_SIZE && !force)
    return;
  if (!output->failed && fwrite (output->out->str, 1, output->out->len, stdout) != output->out->len)
    output->failed = TRUE;
  g_string_truncate (output->out, 0);
}

/* The array that replaces a placeholder, laid out as json-glib lays out arrays: base is the
 * indent of the line holding the member name. */
static void
write_rows (Output     *output,
            const Rows *rows,
            gsize       base)
{
  g_autofree char *outer = g_strnfill (base + 2, ' ');
  g_autofree char *inner = g_strnfill (base + 4, ' ');

  if (rows->n_rows == 0)
    {
      g_string_append (output->out, "[]");
      return;
    }
  g_string_append (output->out, "[\n");
  for (gsize i = 0; i < rows->n_rows; i++)
    {
      ObCliJsonRow row = { output->out, inner, TRUE };

      g_string_append (output->out, outer);
      g_string_append (output->out, "{\n");
      rows->write (&row, i, rows->user_data);
      g_string_append_c (output->out, '\n');
      g_string_append (output->out, outer);
      g_string_append (output->out, i + 1 < rows->n_rows ? "},\n" : "}\n");
      output_flush (output, FALSE);
    }
  g_string_append_len (output->out, outer, base);
  g_string_append_c (output->out, ']');
}

static gsize
line_indent (const char *text,
             const char *at)
{
  const char *line = at;

  while (line > text && line[-1] != '\n')
    line--;
  return strspn (line, " ");
}

static gboolean
is_placeholder (ObCliJson  *json,
                const char *string,
                guint      *index)
{
  const char *digits = string + strlen (PLACEHOLDER_ESCAPED);
  char *end = NULL;
  guint64 value;

  if (!g_str_has_prefix (string, PLACEHOLDER_ESCAPED))
    return FALSE;
  value = g_ascii_strtoull (digits, &end, 10);
  if (end == digits || *end != '"' || value >= json->rows->len)
    return FALSE;
  *index = (guint) value;
  return TRUE;
}

/* Copies json-glib's text to stdout, rewriting numbers (json-glib prints every double with
 * 17 significant digits) and expanding the row placeholders; strings pass untouched. */
static void
write_document (ObCliJson  *json,
                const char *text,
                Output     *output)
{
  const char *p = text;

  while (*p != '\0')
    {
      if (*p == '"')
        {
          const char *start = p++;
          guint index;

          while (*p != '\0' && *p != '"')
            p += (*p == '\\' && p[1] != '\0') ? 2 : 1;
          if (*p == '"')
            p++;
          if (is_placeholder (json, start + 1, &index))
            write_rows (output, &g_array_index (json->rows, Rows, index),
                        line_indent (text, start));
          else
            g_string_append_len (output->out, start, p - start);
        }
      else if (*p == '-' || g_ascii_isdigit (*p))
        {
          const char *start = p;
          gboolean is_double = FALSE;

          for (; *p != '\0' && strchr ("+-0123456789.eE", *p) != NULL; p++)
            if (*p == '.' || *p == 'e' || *p == 'E')
              is_double = TRUE;
          if (is_double)
            append_shortest (output->out, g_ascii_strtod (start, NULL));
          else
            g_string_append_len (output->out, start, p - start);
        }
      else
        g_string_append_c (output->out, *p++);
      output_flush (output, FALSE);
    }
}

gboolean
ob_cli_json_print (ObCliJson  *json,
                   GError    **error)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (json->builder);
  g_autofree char *text = NULL;
  Output output = { g_string_sized_new (FLUSH_SIZE + 4096), FALSE };

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_indent_char (generator, ' ');
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);

  write_document (json, text, &output);
  g_string_append_c (output.out, '\n');
  output_flush (&output, TRUE);
  g_string_free (output.out, TRUE);

  if (output.failed || fflush (stdout) != 0)
    {
      g_set_error (error, OB_ERROR, OB_ERROR_FAILED, _("Could not write to standard output"));
      return FALSE;
    }
  return TRUE;
}
