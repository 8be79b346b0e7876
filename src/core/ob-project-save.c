/* ob-project-save.c — writing the .oncobench file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-core"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <fcntl.h>
#include <math.h>

#include "ob-project.h"

#define FORMAT_NAME "oncobench-project"

/* The columns are written straight into the text rather than built as a json-glib tree:
 * a tree costs a node per cell, hundreds of bytes a row for a million patients. */

static void
append_string (GString    *out,
               const char *str)
{
  if (str == NULL)
    {
      g_string_append (out, "null");
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = str; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c == '"' || c == '\\')
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, c);
        }
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c < 0x20)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, c);
    }
  g_string_append_c (out, '"');
}

static void
append_number (GString *out,
               double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  /* JSON has no NaN: a missing cell is null. */
  if (!isfinite (value))
    g_string_append (out, "null");
  else if (value == 0 && signbit (value))
    g_string_append (out, "-0.0");
  else if (value == trunc (value) && fabs (value) < 1e15)
    g_string_append_printf (out, "%" G_GINT64_FORMAT, (gint64) value);
  else
    {
      /* 15 digits give back what a person typed (29.45, not 29.449999999999999); 17
       * always give back the exact double, for values computed rather than typed. */
      g_ascii_formatd (buffer, sizeof buffer, "%.15g", value);
      if (g_ascii_strtod (buffer, NULL) != value)
        g_ascii_dtostr (buffer, sizeof buffer, value);
      g_string_append (out, buffer);
    }
}

static void
append_member (GString    *out,
               const char *name)
{
  append_string (out, name);
  g_string_append (out, ": ");
}

static void
append_column (GString        *out,
               const ObColumn *column,
               gsize           n_rows)
{
  g_string_append (out, "{");
  append_member (out, "name");
  append_string (out, column->name);
  g_string_append (out, ", ");
  append_member (out, "type");
  append_string (out, ob_column_type_to_string (column->type));
  if (column->type == OB_COLUMN_CATEGORICAL)
    {
      g_string_append (out, ", ");
      append_member (out, "levels");
      g_string_append_c (out, '[');
      for (guint i = 0; i < column->levels->len; i++)
        {
          if (i > 0)
            g_string_append (out, ", ");
          append_string (out, g_ptr_array_index (column->levels, i));
        }
      g_string_append_c (out, ']');
    }
  g_string_append (out, ",\n        ");
  append_member (out, "values");
  g_string_append_c (out, '[');
  for (gsize r = 0; r < n_rows; r++)
    {
      if (r > 0)
        g_string_append_c (out, ',');
      switch (column->type)
        {
        case OB_COLUMN_NUMERIC:
        case OB_COLUMN_DATE:
          append_number (out, column->num[r]);
          break;
        case OB_COLUMN_CATEGORICAL:
          if (column->codes[r] == OB_LEVEL_MISSING)
            g_string_append (out, "null");
          else
            g_string_append_printf (out, "%u", column->codes[r]);
          break;
        case OB_COLUMN_TEXT:
        default:
          append_string (out, column->text[r]);
          break;
        }
    }
  g_string_append (out, "]}");
}

static void
append_dataset (GString                *out,
                const ObProjectDataset *d)
{
  gsize n_rows = ob_dataset_get_n_rows (d->dataset);
  guint n_columns = ob_dataset_get_n_columns (d->dataset);

  g_string_append (out, "    {");
  append_member (out, "name");
  append_string (out, d->name);
  g_string_append (out, ",\n      ");
  append_member (out, "source");
  g_string_append (out, "{");
  append_member (out, "path");
  append_string (out, d->source_path);
  g_string_append (out, ", ");
  append_member (out, "sha256");
  append_string (out, d->sha256);
  g_string_append (out, "},\n      ");
  append_member (out, "rows");
  g_string_append_printf (out, "%" G_GSIZE_FORMAT ",\n      ", n_rows);
  append_member (out, "columns");
  g_string_append (out, "[\n");
  for (guint c = 0; c < n_columns; c++)
    {
      g_string_append (out, c > 0 ? ",\n       " : "       ");
      append_column (out, ob_dataset_get_column (d->dataset, c), n_rows);
    }
  g_string_append (out, "\n      ]}");
}

static void
append_analysis (GString                 *out,
                 const ObProjectAnalysis *a)
{
  g_autoptr(JsonNode) settings = json_node_init_object (json_node_alloc (), a->settings);
  g_autofree char *settings_text = json_to_string (settings, FALSE);

  g_string_append (out, "    {");
  append_member (out, "name");
  append_string (out, a->name);
  g_string_append (out, ", ");
  append_member (out, "kind");
  append_string (out, a->kind);
  g_string_append (out, ", ");
  append_member (out, "dataset");
  append_string (out, a->dataset);
  g_string_append (out, ",\n      ");
  append_member (out, "settings");
  g_string_append (out, settings_text);
  g_string_append (out, ",\n      ");
  append_member (out, "figure");
  g_string_append (out, "{");
  append_member (out, "width_mm");
  append_number (out, a->width_mm);
  g_string_append (out, ", ");
  append_member (out, "height_mm");
  append_number (out, a->height_mm);
  g_string_append (out, ", ");
  append_member (out, "dpi");
  append_number (out, a->dpi);
  g_string_append (out, ", ");
  append_member (out, "format");
  append_string (out, a->format);
  g_string_append (out, "}}");
}

/* GLib syncs the new file but not the folder holding the renamed entry; until that is on
 * disk too, a power cut may bring the old project back.  Best effort: the save already
 * succeeded. */
static void
sync_directory (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = g_open (dir, O_RDONLY, 0);

  if (fd < 0)
    return;
  g_fsync (fd);
  g_close (fd, NULL);
}

gboolean
ob_project_save (const ObProject  *self,
                 const char       *path,
                 GError          **error)
{
  g_autoptr(GString) out = g_string_sized_new (64 * 1024);
  g_autoptr(GError) local_error = NULL;

  g_string_append (out, "{\n  ");
  append_member (out, "format");
  append_string (out, FORMAT_NAME);
  g_string_append_printf (out, ",\n  \"version\": %d,\n  ", OB_PROJECT_FORMAT_VERSION);
  append_member (out, "generator");
  append_string (out, "Oncobench " PACKAGE_VERSION);
  g_string_append (out, ",\n  ");
  append_member (out, "datasets");
  g_string_append (out, "[\n");
  for (guint i = 0; i < self->datasets->len; i++)
    {
      if (i > 0)
        g_string_append (out, ",\n");
      append_dataset (out, g_ptr_array_index (self->datasets, i));
    }
  g_string_append (out, "\n  ],\n  ");
  append_member (out, "analyses");
  g_string_append (out, "[\n");
  for (guint i = 0; i < self->analyses->len; i++)
    {
      if (i > 0)
        g_string_append (out, ",\n");
      append_analysis (out, g_ptr_array_index (self->analyses, i));
    }
  g_string_append (out, "\n  ]\n}\n");

  /* CONSISTENT writes a temporary file beside path and renames it over path; DURABLE
   * fsyncs it first, so a crash leaves either the old project or the new one. */
  if (!g_file_set_contents_full (path, out->str, out->len,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0644, &local_error))
    {
      g_set_error (error, OB_ERROR, OB_ERROR_FAILED, _("Could not save the project: %s"),
                   local_error->message);
      return FALSE;
    }
  sync_directory (path);
  return TRUE;
}
