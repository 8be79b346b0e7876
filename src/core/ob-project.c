/* ob-project.c — the .oncobench project file: JSON with the datasets embedded
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-core"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "ob-project.h"

#define FORMAT_NAME "oncobench-project"
#define DEFAULT_WIDTH_MM 85.0
#define DEFAULT_HEIGHT_MM 75.0
#define DEFAULT_DPI 300.0
/* json-glib's parser recurses once per level; a hostile file must not exhaust the stack. */
#define MAX_DEPTH 64
/* A project is read whole; past this it is not one we wrote for a desktop. */
#define MAX_FILE_SIZE ((goffset) 2 * 1024 * 1024 * 1024 - 1)

static void
project_dataset_free (gpointer data)
{
  ObProjectDataset *d = data;

  g_free (d->name);
  g_clear_pointer (&d->dataset, ob_dataset_unref);
  g_free (d->source_path);
  g_free (d->sha256);
  g_free (d);
}

static void
project_analysis_free (gpointer data)
{
  ObProjectAnalysis *a = data;

  g_free (a->name);
  g_free (a->kind);
  g_free (a->dataset);
  g_clear_pointer (&a->settings, json_object_unref);
  g_free (a->format);
  g_free (a);
}

ObProject *
ob_project_new (void)
{
  ObProject *self = g_new0 (ObProject, 1);

  self->datasets = g_ptr_array_new_with_free_func (project_dataset_free);
  self->analyses = g_ptr_array_new_with_free_func (project_analysis_free);
  return self;
}

void
ob_project_free (ObProject *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->datasets);
  g_ptr_array_unref (self->analyses);
  g_free (self);
}

ObProjectDataset *
ob_project_find_dataset (const ObProject *self,
                         const char      *name)
{
  for (guint i = 0; i < self->datasets->len; i++)
    {
      ObProjectDataset *d = g_ptr_array_index (self->datasets, i);

      if (g_str_equal (d->name, name))
        return d;
    }
  return NULL;
}

ObProjectDataset *
ob_project_find_source (const ObProject *self,
                        const char      *source_path,
                        const char      *sha256)
{
  for (guint i = 0; i < self->datasets->len; i++)
    {
      ObProjectDataset *d = g_ptr_array_index (self->datasets, i);

      if (g_strcmp0 (d->source_path, source_path) == 0 && d->sha256 != NULL &&
          g_strcmp0 (d->sha256, sha256) == 0)
        return d;
    }
  return NULL;
}

static gboolean
analysis_name_taken (const ObProject *self,
                     const char      *name)
{
  for (guint i = 0; i < self->analyses->len; i++)
    if (g_str_equal (((ObProjectAnalysis *) g_ptr_array_index (self->analyses, i))->name, name))
      return TRUE;
  return FALSE;
}

static char *
unique_name (const ObProject *self,
             const char      *base,
             gboolean (*taken) (const ObProject *, const char *))
{
  char *name = g_strdup (base);

  for (guint n = 2; taken (self, name); n++)
    {
      g_free (name);
      name = g_strdup_printf ("%s %u", base, n);
    }
  return name;
}

static gboolean
dataset_name_taken (const ObProject *self,
                    const char      *name)
{
  return ob_project_find_dataset (self, name) != NULL;
}

ObProjectDataset *
ob_project_add_dataset (ObProject  *self,
                        const char *name,
                        ObDataset  *dataset,
                        const char *source_path,
                        const char *sha256)
{
  ObProjectDataset *d = g_new0 (ObProjectDataset, 1);

  d->name = unique_name (self, name, dataset_name_taken);
  d->dataset = ob_dataset_ref (dataset);
  d->source_path = g_strdup (source_path);
  d->sha256 = g_strdup (sha256);
  g_ptr_array_add (self->datasets, d);
  return d;
}

ObProjectAnalysis *
ob_project_add_analysis (ObProject  *self,
                         const char *name,
                         const char *kind,
                         const char *dataset)
{
  ObProjectAnalysis *a = g_new0 (ObProjectAnalysis, 1);

  a->name = unique_name (self, name, analysis_name_taken);
  a->kind = g_strdup (kind);
  a->dataset = g_strdup (dataset);
  a->settings = json_object_new ();
  a->width_mm = DEFAULT_WIDTH_MM;
  a->height_mm = DEFAULT_HEIGHT_MM;
  a->dpi = DEFAULT_DPI;
  a->format = g_strdup ("pdf");
  g_ptr_array_add (self->analyses, a);
  return a;
}

char *
ob_project_file_sha256 (const char  *path,
                        GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) in = g_file_read (file, NULL, error);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guint8 *buffer = NULL;
  gssize n;

  if (in == NULL)
    return NULL;
  buffer = g_malloc (64 * 1024);
  while ((n = g_input_stream_read (G_INPUT_STREAM (in), buffer, 64 * 1024, NULL, error)) > 0)
    g_checksum_update (checksum, buffer, n);
  if (n < 0)
    return NULL;
  return g_strdup (g_checksum_get_string (checksum));
}

/* Loading.  Everything read is checked: the file may be truncated, edited by hand or
 * hostile, and a bad one must end in a message, never in a crash or a huge allocation. */

typedef struct
{
  const char *path;
  GError **error;
} Reader;

static gboolean damaged (Reader *r, const char *format, ...) G_GNUC_PRINTF (2, 3);

static gboolean
damaged (Reader     *r,
         const char *format,
         ...)
{
  g_autofree char *what = NULL;
  va_list ap;

  va_start (ap, format);
  what = g_strdup_vprintf (format, ap);
  va_end (ap);
  g_set_error (r->error, OB_ERROR, OB_ERROR_PARSE,
               _("“%s” is damaged and cannot be opened: %s. The file was left unchanged."),
               r->path, what);
  return FALSE;
}

/* The deepest nesting of arrays and objects, stopping early once past limit. */
static guint
nesting_depth (const char *text,
               gsize       length,
               guint       limit)
{
  guint depth = 0, deepest = 0;
  gboolean in_string = FALSE;

  for (gsize i = 0; i < length && deepest <= limit; i++)
    {
      char c = text[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          /* Not inside MAX (): the macro would count this level twice. */
          depth++;
          deepest = MAX (deepest, depth);
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }
  return deepest;
}

static JsonNode *
member (Reader     *r,
        JsonObject *object,
        const char *name,
        const char *where)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL)
    damaged (r, _("%s has no “%s”"), where, name);
  return node;
}

static const char *
get_string (Reader     *r,
            JsonObject *object,
            const char *name,
            gboolean    nullable,
            const char *where)
{
  JsonNode *node = member (r, object, name, where);

  if (node == NULL)
    return NULL;
  if (nullable && JSON_NODE_HOLDS_NULL (node))
    return NULL;
  /* json-glib decodes a lone surrogate escape ("\ud800") into bytes that are not UTF-8. */
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
      !g_utf8_validate (json_node_get_string (node), -1, NULL))
    {
      damaged (r, _("“%s” of %s is not text"), name, where);
      return NULL;
    }
  return json_node_get_string (node);
}

static gboolean
node_get_number (JsonNode *node,
                 double   *out)
{
  GType type;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64)
    *out = (double) json_node_get_int (node);
  else if (type == G_TYPE_DOUBLE)
    *out = json_node_get_double (node);
  else
    return FALSE;
  return isfinite (*out);
}

static gboolean
get_number (Reader     *r,
            JsonObject *object,
            const char *name,
            double      min,
            double      max,
            double     *out,
            const char *where)
{
  JsonNode *node = member (r, object, name, where);

  if (node == NULL)
    return FALSE;
  if (!node_get_number (node, out) || *out < min || *out > max)
    return damaged (r, _("“%s” of %s is not a number between %g and %g"), name, where, min,
                    max);
  return TRUE;
}

static JsonArray *
get_array (Reader     *r,
           JsonObject *object,
           const char *name,
           const char *where)
{
  JsonNode *node = member (r, object, name, where);

  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      damaged (r, _("“%s” of %s is not a list"), name, where);
      return NULL;
    }
  return json_node_get_array (node);
}

static JsonObject *
array_object (Reader     *r,
              JsonArray  *array,
              guint       index,
              const char *what)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      damaged (r, _("%s %u is not an object"), what, index + 1);
      return NULL;
    }
  return json_node_get_object (node);
}

static gboolean
read_column (Reader     *r,
             ObDataset  *dataset,
             JsonObject *object,
             gsize       n_rows,
             const char *where)
{
  const char *name, *type_name;
  ObColumnType type;
  JsonArray *values;

  if ((name = get_string (r, object, "name", FALSE, where)) == NULL ||
      (type_name = get_string (r, object, "type", FALSE, where)) == NULL)
    return FALSE;
  if (!ob_column_type_from_string (type_name, &type))
    return damaged (r, _("column “%s” has an unknown type “%s”"), name, type_name);
  if ((values = get_array (r, object, "values", where)) == NULL)
    return FALSE;
  if (json_array_get_length (values) != n_rows)
    return damaged (r, _("column “%s” has %u values for %zu rows"), name,
                    json_array_get_length (values), n_rows);

  if (type == OB_COLUMN_NUMERIC || type == OB_COLUMN_DATE)
    {
      g_autofree double *num = g_new (double, n_rows);

      for (gsize i = 0; i < n_rows; i++)
        {
          JsonNode *node = json_array_get_element (values, i);

          if (JSON_NODE_HOLDS_NULL (node))
            num[i] = NAN;
          else if (!node_get_number (node, &num[i]))
            return damaged (r, _("row %zu of column “%s” is not a finite number"), i + 1, name);
        }
      if (type == OB_COLUMN_NUMERIC)
        ob_dataset_add_numeric (dataset, name, g_steal_pointer (&num));
      else
        ob_dataset_add_date (dataset, name, g_steal_pointer (&num));
    }
  else if (type == OB_COLUMN_CATEGORICAL)
    {
      g_autoptr(GPtrArray) levels = g_ptr_array_new_with_free_func (g_free);
      g_autofree guint32 *codes = NULL;
      JsonArray *level_array = get_array (r, object, "levels", where);

      if (level_array == NULL)
        return FALSE;
      for (guint i = 0; i < json_array_get_length (level_array); i++)
        {
          JsonNode *node = json_array_get_element (level_array, i);

          if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
              !g_utf8_validate (json_node_get_string (node), -1, NULL))
            return damaged (r, _("level %u of column “%s” is not text"), i + 1, name);
          g_ptr_array_add (levels, g_strdup (json_node_get_string (node)));
        }
      codes = g_new (guint32, n_rows);
      for (gsize i = 0; i < n_rows; i++)
        {
          JsonNode *node = json_array_get_element (values, i);

          if (JSON_NODE_HOLDS_NULL (node))
            codes[i] = OB_LEVEL_MISSING;
          else if (JSON_NODE_HOLDS_VALUE (node) &&
                   json_node_get_value_type (node) == G_TYPE_INT64 &&
                   json_node_get_int (node) >= 0 && json_node_get_int (node) < levels->len)
            codes[i] = (guint32) json_node_get_int (node);
          else
            return damaged (r, _("row %zu of column “%s” is not one of its %u levels"), i + 1,
                            name, levels->len);
        }
      ob_dataset_add_categorical (dataset, name, g_steal_pointer (&codes),
                                  g_steal_pointer (&levels));
    }
  else
    {
      GStringChunk *chunk = ob_dataset_get_string_chunk (dataset);
      g_autofree char **text = g_new (char *, n_rows);

      for (gsize i = 0; i < n_rows; i++)
        {
          JsonNode *node = json_array_get_element (values, i);

          if (JSON_NODE_HOLDS_NULL (node))
            text[i] = NULL;
          else if (JSON_NODE_HOLDS_VALUE (node) &&
                   json_node_get_value_type (node) == G_TYPE_STRING &&
                   g_utf8_validate (json_node_get_string (node), -1, NULL))
            text[i] = g_string_chunk_insert_const (chunk, json_node_get_string (node));
          else
            return damaged (r, _("row %zu of column “%s” is not text"), i + 1, name);
        }
      ob_dataset_add_text (dataset, name, g_steal_pointer (&text));
    }
  return TRUE;
}

static gboolean
read_dataset (Reader     *r,
              ObProject  *project,
              JsonObject *object,
              guint       index)
{
  g_autofree char *where = g_strdup_printf (_("dataset %u"), index + 1);
  g_autoptr(ObDataset) dataset = ob_dataset_new ();
  const char *name, *source_path = NULL, *sha256 = NULL;
  JsonArray *columns;
  JsonNode *source;
  ObProjectDataset *d;
  double rows;

  if ((name = get_string (r, object, "name", FALSE, where)) == NULL)
    return FALSE;
  if (ob_project_find_dataset (project, name) != NULL)
    return damaged (r, _("two datasets are called “%s”"), name);
  if ((source = json_object_get_member (object, "source")) != NULL &&
      !JSON_NODE_HOLDS_NULL (source))
    {
      if (!JSON_NODE_HOLDS_OBJECT (source))
        return damaged (r, _("the source of dataset “%s” is not an object"), name);
      source_path = get_string (r, json_node_get_object (source), "path", TRUE, where);
      if (source_path == NULL && *r->error != NULL)
        return FALSE;
      sha256 = get_string (r, json_node_get_object (source), "sha256", TRUE, where);
      if (sha256 == NULL && *r->error != NULL)
        return FALSE;
    }
  /* The count is only compared with the arrays actually present, so a wrong one cannot
   * make us allocate more than the file holds. */
  if (!get_number (r, object, "rows", 0, G_MAXUINT32, &rows, where) ||
      (columns = get_array (r, object, "columns", where)) == NULL)
    return FALSE;
  if (rows != floor (rows))
    return damaged (r, _("dataset “%s” has a fractional row count"), name);
  /* Rows without columns would cost nothing to claim and a table view per row to show. */
  if (rows > 0 && json_array_get_length (columns) == 0)
    return damaged (r, _("dataset “%s” claims %.0f rows but holds no columns"), name, rows);
  ob_dataset_set_n_rows (dataset, (gsize) rows);
  for (guint c = 0; c < json_array_get_length (columns); c++)
    {
      JsonObject *column = array_object (r, columns, c, _("Column"));

      if (column == NULL || !read_column (r, dataset, column, (gsize) rows, where))
        return FALSE;
    }
  if (source_path != NULL)
    ob_dataset_set_source_path (dataset, source_path);

  d = ob_project_add_dataset (project, name, dataset, source_path, sha256);
  g_assert (g_str_equal (d->name, name));
  return TRUE;
}

static gboolean
check_setting (Reader     *r,
               const char *analysis,
               const char *name,
               JsonNode   *node)
{
  double number;

  /* Settings become command-line options again; a name like "a=b" would smuggle in one
   * the user never set. */
  if (!g_ascii_islower (name[0]) || strspn (name, "abcdefghijklmnopqrstuvwxyz0123456789-") !=
      strlen (name))
    return damaged (r, _("analysis “%s” has a setting with an unusable name “%s”"), analysis,
                    name);
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *item = json_array_get_element (array, i);

          if (!JSON_NODE_HOLDS_VALUE (item) || json_node_get_value_type (item) != G_TYPE_STRING ||
              !g_utf8_validate (json_node_get_string (item), -1, NULL))
            return damaged (r, _("setting “%s” of analysis “%s” is not a list of text"), name,
                            analysis);
        }
      return TRUE;
    }
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING &&
      !g_utf8_validate (json_node_get_string (node), -1, NULL))
    return damaged (r, _("setting “%s” of analysis “%s” is not text"), name, analysis);
  if (JSON_NODE_HOLDS_VALUE (node) && (json_node_get_value_type (node) == G_TYPE_STRING ||
                                       json_node_get_value_type (node) == G_TYPE_BOOLEAN ||
                                       node_get_number (node, &number)))
    return TRUE;
  return damaged (r, _("setting “%s” of analysis “%s” is not text, a number or a switch"), name,
                  analysis);
}

static gboolean
read_analysis (Reader     *r,
               ObProject  *project,
               JsonObject *object,
               guint       index)
{
  static const char * const formats[] = { "pdf", "svg", "eps", "png", NULL };
  g_autofree char *where = g_strdup_printf (_("analysis %u"), index + 1);
  const char *name, *kind, *dataset, *format;
  JsonNode *settings, *figure_node;
  JsonObject *figure;
  ObProjectAnalysis *a;
  double width, height, dpi;

  if ((name = get_string (r, object, "name", FALSE, where)) == NULL ||
      (kind = get_string (r, object, "kind", FALSE, where)) == NULL ||
      (dataset = get_string (r, object, "dataset", FALSE, where)) == NULL)
    return FALSE;
  if (analysis_name_taken (project, name))
    return damaged (r, _("two analyses are called “%s”"), name);
  if (ob_project_find_dataset (project, dataset) == NULL)
    return damaged (r, _("analysis “%s” uses a dataset “%s” the project does not hold"), name,
                    dataset);
  if ((settings = member (r, object, "settings", where)) == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_OBJECT (settings))
    return damaged (r, _("the settings of analysis “%s” are not an object"), name);
  {
    g_autoptr(GList) names = json_object_get_members (json_node_get_object (settings));

    for (GList *l = names; l != NULL; l = l->next)
      if (!check_setting (r, name, l->data,
                          json_object_get_member (json_node_get_object (settings), l->data)))
        return FALSE;
  }
  if ((figure_node = member (r, object, "figure", where)) == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_OBJECT (figure_node))
    return damaged (r, _("the figure of analysis “%s” is not an object"), name);
  figure = json_node_get_object (figure_node);
  if (!get_number (r, figure, "width_mm", 20, 1000, &width, where) ||
      !get_number (r, figure, "height_mm", 20, 1000, &height, where) ||
      !get_number (r, figure, "dpi", 72, 2400, &dpi, where) ||
      (format = get_string (r, figure, "format", FALSE, where)) == NULL)
    return FALSE;
  if (!g_strv_contains (formats, format))
    return damaged (r, _("analysis “%s” has an unknown figure format “%s”"), name, format);

  a = ob_project_add_analysis (project, name, kind, dataset);
  json_object_unref (a->settings);
  a->settings = json_object_ref (json_node_get_object (settings));
  a->width_mm = width;
  a->height_mm = height;
  a->dpi = dpi;
  g_free (a->format);
  a->format = g_strdup (format);
  return TRUE;
}

static ObProject *
read_project (Reader   *r,
              JsonNode *root)
{
  g_autoptr(ObProject) project = ob_project_new ();
  JsonObject *object;
  JsonNode *format, *version;
  JsonArray *datasets, *analyses;

  if (!JSON_NODE_HOLDS_OBJECT (root) ||
      (format = json_object_get_member (json_node_get_object (root), "format")) == NULL ||
      !JSON_NODE_HOLDS_VALUE (format) || json_node_get_value_type (format) != G_TYPE_STRING ||
      !g_str_equal (json_node_get_string (format), FORMAT_NAME))
    {
      g_set_error (r->error, OB_ERROR, OB_ERROR_PARSE,
                   _("“%s” is not an Oncobench project."), r->path);
      return NULL;
    }
  object = json_node_get_object (root);
  version = json_object_get_member (object, "version");
  if (version == NULL || !JSON_NODE_HOLDS_VALUE (version) ||
      json_node_get_value_type (version) != G_TYPE_INT64 || json_node_get_int (version) < 1)
    {
      damaged (r, "%s", _("its format version is missing or not a positive whole number"));
      return NULL;
    }
  if (json_node_get_int (version) > OB_PROJECT_FORMAT_VERSION)
    {
      g_set_error (r->error, OB_ERROR, OB_ERROR_VERSION,
                   _("“%s” was saved by a newer Oncobench (project format version %lld); this "
                     "version reads format version %d and older. Update Oncobench to open it; "
                     "the file was left unchanged."),
                   r->path, (long long) json_node_get_int (version), OB_PROJECT_FORMAT_VERSION);
      return NULL;
    }

  if ((datasets = get_array (r, object, "datasets", _("the project"))) == NULL ||
      (analyses = get_array (r, object, "analyses", _("the project"))) == NULL)
    return NULL;
  for (guint i = 0; i < json_array_get_length (datasets); i++)
    {
      JsonObject *d = array_object (r, datasets, i, _("Dataset"));

      if (d == NULL || !read_dataset (r, project, d, i))
        return NULL;
    }
  for (guint i = 0; i < json_array_get_length (analyses); i++)
    {
      JsonObject *a = array_object (r, analyses, i, _("Analysis"));

      if (a == NULL || !read_analysis (r, project, a, i))
        return NULL;
    }
  return g_steal_pointer (&project);
}

static ObProject *
load_project (const char  *path,
              GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = NULL;
  GStatBuf st;
  gsize length;
  Reader r = { path, error };

  if (g_stat (path, &st) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Could not open “%s”: %s"), path, g_strerror (saved));
      return NULL;
    }
  if (!S_ISREG (st.st_mode) || st.st_size > MAX_FILE_SIZE)
    {
      g_set_error (error, OB_ERROR, OB_ERROR_PARSE,
                   _("“%s” is not an Oncobench project: not a regular file of a sensible "
                     "size."), path);
      return NULL;
    }
  if (!g_file_get_contents (path, &text, &length, error))
    return NULL;
  if (nesting_depth (text, length, MAX_DEPTH) > MAX_DEPTH)
    {
      damaged (&r, _("it nests deeper than %d levels"), MAX_DEPTH);
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, text, length, &local_error))
    {
      /* json-glib quotes the offending text, which may be a lone surrogate it decoded to
       * bytes that are not UTF-8. */
      g_autofree char *why = g_utf8_make_valid (local_error->message, -1);

      damaged (&r, _("it is not valid JSON (%s)"), why);
      return NULL;
    }
  g_clear_pointer (&text, g_free);
  if (json_parser_get_root (parser) == NULL)
    {
      damaged (&r, "%s", _("it is empty"));
      return NULL;
    }
  return read_project (&r, json_parser_get_root (parser));
}

ObProject *
ob_project_load (const char  *path,
                 GError     **error)
{
  /* The readers look at the error they set, so they always get a real one. */
  GError *local_error = NULL;
  ObProject *project = load_project (path, &local_error);

  if (project == NULL)
    g_propagate_error (error, local_error);
  return project;
}
