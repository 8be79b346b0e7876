/* ob-plot-recipe.c: how a figure was made, carried inside the figure file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-plot"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <cairo-pdf.h>

#include "ob-dataset.h"
#include "ob-plot-recipe.h"

#define PDF_KEY "OncobenchRecipe"
#define PNG_KEYWORD "oncobench:recipe"
#define EPS_PREFIX "%OncobenchRecipe: "
#define SVG_OPEN "<metadata id=\"oncobench-recipe\">"
#define SVG_CLOSE "</metadata>"

/* SOURCE_DATE_EPOCH (reproducible-builds.org) pins the time, so that the same analysis made
 * twice gives the same bytes. */
static char *
utc_now (void)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  g_autoptr(GDateTime) now = NULL;
  char *end = NULL;
  gint64 seconds = epoch != NULL ? g_ascii_strtoll (epoch, &end, 10) : 0;

  if (epoch != NULL && *epoch != '\0' && *end == '\0' && seconds >= 0)
    now = g_date_time_new_from_unix_utc (seconds);
  if (now == NULL)
    now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/* survival spells one exclusion ID:REASON; elisa's PLATE:WELL and growth's lists of mice
 * carry no reason. */
static void
add_exclusions_from (ObPlotRecipe *self,
                     JsonNode     *node)
{
  gboolean with_reason = g_str_equal (self->kind, "survival");
  g_auto(GStrv) items = NULL;

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *list = json_node_get_array (node);
      guint n = json_array_get_length (list);

      items = g_new0 (char *, n + 1);
      for (guint i = 0; i < n; i++)
        {
          JsonNode *item = json_array_get_element (list, i);

          items[i] = g_strdup (JSON_NODE_HOLDS_VALUE (item)
                               && json_node_get_value_type (item) == G_TYPE_STRING
                               ? json_node_get_string (item) : "");
        }
    }
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    items = g_strsplit (json_node_get_string (node), ",", -1);

  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    {
      char *colon = with_reason ? strchr (items[i], ':') : NULL;
      g_autofree char *id = g_strstrip (g_strndup (items[i], colon ? (gsize) (colon - items[i])
                                                                   : strlen (items[i])));

      if (*id != '\0')
        ob_plot_recipe_add_exclusion (self, id, colon != NULL ? colon + 1 : NULL);
    }
}

ObPlotRecipe *
ob_plot_recipe_new (const char *kind,
                    JsonObject *settings)
{
  ObPlotRecipe *self;

  g_return_val_if_fail (kind != NULL, NULL);

  self = g_new0 (ObPlotRecipe, 1);
  self->software = g_strdup ("Oncobench " PACKAGE_VERSION);
  self->kind = g_strdup (kind);
  self->exclusions = json_array_new ();
  self->created = utc_now ();
  if (settings != NULL)
    {
      g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), settings);
      g_autoptr(JsonNode) copy = json_node_copy (node);

      self->settings = json_object_ref (json_node_get_object (copy));
      if (json_object_has_member (self->settings, "exclude"))
        add_exclusions_from (self, json_object_get_member (self->settings, "exclude"));
    }
  else
    self->settings = json_object_new ();
  return self;
}

void
ob_plot_recipe_free (ObPlotRecipe *self)
{
  if (self == NULL)
    return;
  g_free (self->software);
  g_free (self->kind);
  g_clear_pointer (&self->settings, json_object_unref);
  g_clear_pointer (&self->exclusions, json_array_unref);
  g_free (self->data_file);
  g_free (self->data_sha256);
  g_free (self->created);
  g_free (self->format);
  g_free (self);
}

void
ob_plot_recipe_set_data (ObPlotRecipe *self,
                         const char   *data_file,
                         const char   *sha256)
{
  g_return_if_fail (self != NULL);

  g_free (self->data_file);
  self->data_file = g_strdup (data_file);
  g_free (self->data_sha256);
  self->data_sha256 = g_strdup (sha256);
}

void
ob_plot_recipe_add_exclusion (ObPlotRecipe *self,
                              const char   *id,
                              const char   *reason)
{
  JsonObject *entry;

  g_return_if_fail (self != NULL && id != NULL);

  entry = json_object_new ();
  json_object_set_string_member (entry, "id", id);
  if (reason != NULL && *reason != '\0')
    json_object_set_string_member (entry, "reason", reason);
  else
    json_object_set_null_member (entry, "reason");
  json_array_add_object_element (self->exclusions, entry);
}

static void
add_string_or_null (JsonBuilder *b,
                    const char  *member,
                    const char  *value)
{
  json_builder_set_member_name (b, member);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

/* Figure files differ in what bytes they keep intact (PDF strings, EPS's 7-bit header): as
 * ASCII the JSON survives all of them unchanged.  Non-ASCII only occurs inside JSON strings,
 * where \uXXXX means the same. */
static char *
to_ascii_json (const char *utf8)
{
  GString *out = g_string_sized_new (strlen (utf8) + 16);

  for (const char *p = utf8; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x80)
        g_string_append_c (out, (char) c);
      else if (c < 0x10000)
        g_string_append_printf (out, "\\u%04x", c);
      else
        {
          c -= 0x10000;
          g_string_append_printf (out, "\\u%04x\\u%04x", 0xd800 + (c >> 10), 0xdc00 + (c & 0x3ff));
        }
    }
  return g_string_free (out, FALSE);
}

char *
ob_plot_recipe_to_json (const ObPlotRecipe *self)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  json_builder_begin_object (b);
  add_string_or_null (b, "software", self->software);
  add_string_or_null (b, "kind", self->kind);
  json_builder_set_member_name (b, "data");
  json_builder_begin_object (b);
  add_string_or_null (b, "file", self->data_file);
  add_string_or_null (b, "sha256", self->data_sha256);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "settings");
  json_builder_add_value (b, json_node_init_object (json_node_alloc (), self->settings));
  json_builder_set_member_name (b, "exclusions");
  json_builder_add_value (b, json_node_init_array (json_node_alloc (), self->exclusions));
  if (self->format != NULL)
    {
      json_builder_set_member_name (b, "figure");
      json_builder_begin_object (b);
      add_string_or_null (b, "format", self->format);
      json_builder_set_member_name (b, "width_mm");
      json_builder_add_double_value (b, self->width_mm);
      json_builder_set_member_name (b, "height_mm");
      json_builder_add_double_value (b, self->height_mm);
      /* Vector figures have no resolution. */
      json_builder_set_member_name (b, "dpi");
      if (self->dpi > 0)
        json_builder_add_double_value (b, self->dpi);
      else
        json_builder_add_null_value (b);
      json_builder_end_object (b);
    }
  add_string_or_null (b, "created", self->created);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  return to_ascii_json (text);
}

static char *
dup_member (JsonObject *object,
            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return g_strdup (json_node_get_string (node));
}

static double
double_member (JsonObject *object,
               const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return 0;
  return json_node_get_double (node);
}

ObPlotRecipe *
ob_plot_recipe_from_json (const char  *json,
                          GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ObPlotRecipe) self = NULL;
  JsonNode *root;
  JsonObject *object, *data, *figure;

  g_return_val_if_fail (json != NULL, NULL);

  if (!json_parser_load_from_data (parser, json, -1, &local_error))
    {
      g_set_error (error, OB_ERROR, OB_ERROR_PARSE, _("The figure’s recipe is damaged: %s"),
                   local_error->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      json_object_get_member (json_node_get_object (root), "kind") == NULL)
    {
      g_set_error_literal (error, OB_ERROR, OB_ERROR_PARSE,
                           _("The figure’s recipe is damaged: it names no analysis"));
      return NULL;
    }
  object = json_node_get_object (root);

  self = g_new0 (ObPlotRecipe, 1);
  self->software = dup_member (object, "software");
  self->kind = dup_member (object, "kind");
  self->created = dup_member (object, "created");
  if (self->kind == NULL)
    {
      g_set_error_literal (error, OB_ERROR, OB_ERROR_PARSE,
                           _("The figure’s recipe is damaged: it names no analysis"));
      return NULL;
    }
  if (json_object_has_member (object, "settings") &&
      JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "settings")))
    self->settings = json_object_ref (json_object_get_object_member (object, "settings"));
  else
    self->settings = json_object_new ();
  if (json_object_has_member (object, "exclusions") &&
      JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "exclusions")))
    self->exclusions = json_array_ref (json_object_get_array_member (object, "exclusions"));
  else
    self->exclusions = json_array_new ();
  if (json_object_has_member (object, "data") &&
      JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "data")))
    {
      data = json_object_get_object_member (object, "data");
      self->data_file = dup_member (data, "file");
      self->data_sha256 = dup_member (data, "sha256");
    }
  if (json_object_has_member (object, "figure") &&
      JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "figure")))
    {
      figure = json_object_get_object_member (object, "figure");
      self->format = dup_member (figure, "format");
      self->width_mm = double_member (figure, "width_mm");
      self->height_mm = double_member (figure, "height_mm");
      self->dpi = double_member (figure, "dpi");
    }
  return g_steal_pointer (&self);
}

/* Embedding. */

static gssize
find_bytes (const guint8 *data,
            gsize         len,
            gsize         from,
            const char   *needle)
{
  gsize n = strlen (needle);

  for (gsize i = from; n <= len && i + n <= len; i++)
    if (data[i] == (guint8) needle[0] && memcmp (data + i, needle, n) == 0)
      return (gssize) i;
  return -1;
}

static gssize
rfind_bytes (const guint8 *data,
             gsize         len,
             const char   *needle)
{
  gsize n = strlen (needle);

  for (gsize i = len >= n ? len - n + 1 : 0; i-- > 0;)
    if (memcmp (data + i, needle, n) == 0)
      return (gssize) i;
  return -1;
}

static void
insert_bytes (GByteArray   *file,
              gsize         at,
              const guint8 *data,
              gsize         len)
{
  gsize old = file->len;

  g_byte_array_set_size (file, (guint) (old + len));
  memmove (file->data + at + len, file->data + at, old - at);
  memcpy (file->data + at, data, len);
}

static char *
xml_escape (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    switch (*p)
      {
      case '&': g_string_append (out, "&amp;"); break;
      case '<': g_string_append (out, "&lt;"); break;
      case '>': g_string_append (out, "&gt;"); break;
      default: g_string_append_c (out, *p); break;
      }
  return g_string_free (out, FALSE);
}

static gboolean
embed_svg (const char *json,
           GByteArray *file,
           GError    **error)
{
  gssize root = find_bytes (file->data, file->len, 0, "<svg");
  gssize end = root >= 0 ? find_bytes (file->data, file->len, (gsize) root, ">") : -1;
  g_autofree char *escaped = xml_escape (json);
  g_autofree char *element = g_strconcat ("\n" SVG_OPEN, escaped, SVG_CLOSE, NULL);

  if (end < 0)
    {
      g_set_error_literal (error, OB_ERROR, OB_ERROR_FAILED,
                           _("The SVG figure has no <svg> element to hold its recipe"));
      return FALSE;
    }
  insert_bytes (file, (gsize) end + 1, (const guint8 *) element, strlen (element));
  return TRUE;
}

static gboolean
embed_eps (const char *json,
           GByteArray *file,
           GError    **error)
{
  gssize at = find_bytes (file->data, file->len, 0, "%%EndComments");
  g_autofree char *line = g_strconcat (EPS_PREFIX, json, "\n", NULL);

  if (at < 0)
    {
      g_set_error_literal (error, OB_ERROR, OB_ERROR_FAILED,
                           _("The EPS figure has no header to hold its recipe"));
      return FALSE;
    }
  at = find_bytes (file->data, file->len, (gsize) at, "\n");
  if (at < 0)
    at = (gssize) file->len - 1;
  insert_bytes (file, (gsize) at + 1, (const guint8 *) line, strlen (line));
  return TRUE;
}

static guint32
png_crc (const guint8 *data,
         gsize         len)
{
  guint32 crc = 0xffffffffu;

  for (gsize i = 0; i < len; i++)
    {
      crc ^= data[i];
      for (int k = 0; k < 8; k++)
        crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1)));
    }
  return crc ^ 0xffffffffu;
}

static guint32
get_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static void
put_be32 (guint8 *p,
          guint32 v)
{
  p[0] = (guint8) (v >> 24);
  p[1] = (guint8) (v >> 16);
  p[2] = (guint8) (v >> 8);
  p[3] = (guint8) v;
}

static gboolean
embed_png (const char *json,
           GByteArray *file,
           GError    **error)
{
  const gsize after_ihdr = 8 + 4 + 4 + 13 + 4;
  /* keyword, NUL, compression flag and method, empty language and translated keyword. */
  gsize data_len = strlen (PNG_KEYWORD) + 1 + 2 + 1 + 1 + strlen (json);
  g_autofree guint8 *chunk = g_malloc (4 + 4 + data_len + 4);
  guint8 *p = chunk + 8;

  if (file->len < after_ihdr || memcmp (file->data + 12, "IHDR", 4) != 0)
    {
      g_set_error_literal (error, OB_ERROR, OB_ERROR_FAILED,
                           _("The PNG figure has no header to hold its recipe"));
      return FALSE;
    }
  put_be32 (chunk, (guint32) data_len);
  memcpy (chunk + 4, "iTXt", 4);
  memcpy (p, PNG_KEYWORD, strlen (PNG_KEYWORD) + 1);
  p += strlen (PNG_KEYWORD) + 1;
  *p++ = 0;
  *p++ = 0;
  *p++ = 0;
  *p++ = 0;
  memcpy (p, json, strlen (json));
  put_be32 (chunk + 8 + data_len, png_crc (chunk + 4, 4 + data_len));
  insert_bytes (file, after_ihdr, chunk, 4 + 4 + data_len + 4);
  return TRUE;
}

static guint64
number_after (const guint8 *data,
              gsize         len,
              gsize         at,
              const char   *key,
              gsize         limit)
{
  gssize found = find_bytes (data, MIN (len, limit), at, key);
  g_autofree char *text = NULL;

  if (found < 0)
    return 0;
  found += (gssize) strlen (key);
  text = g_strndup ((const char *) data + found, MIN (24, len - (gsize) found));
  return g_ascii_strtoull (g_strchug (text), NULL, 10);
}

/* Debian 12's cairo (1.16) cannot add a key of its own to the document information, so the
 * recipe comes in an incremental update: a copy of cairo's Info dictionary with the key, and a
 * trailer pointing at it.  Readers take the last trailer; the rest of the file is untouched. */
static gboolean
embed_pdf (const char *json,
           GByteArray *file,
           GError    **error)
{
  const guint8 *data = file->data;
  gsize len = file->len;
  gssize startxref = rfind_bytes (data, len, "startxref");
  gssize trailer = startxref >= 0 ? rfind_bytes (data, (gsize) startxref, "trailer") : -1;
  guint64 old_xref, size, root, info;
  g_autofree char *object_head = NULL;
  g_autoptr(GString) tail = g_string_new (NULL);
  gssize info_at, info_end, dict_end;
  gsize new_at, xref_at;

  if (trailer < 0)
    goto damaged;
  old_xref = number_after (data, len, (gsize) startxref, "startxref", len);
  size = number_after (data, len, (gsize) trailer, "/Size", (gsize) startxref);
  root = number_after (data, len, (gsize) trailer, "/Root", (gsize) startxref);
  info = number_after (data, len, (gsize) trailer, "/Info", (gsize) startxref);
  if (size == 0 || root == 0 || info == 0)
    goto damaged;
  object_head = g_strdup_printf ("\n%" G_GUINT64_FORMAT " 0 obj", info);
  info_at = find_bytes (data, len, 0, object_head);
  info_end = info_at >= 0 ? find_bytes (data, len, (gsize) info_at, "endobj") : -1;
  dict_end = info_end >= 0 ? rfind_bytes (data, (gsize) info_end, ">>") : -1;
  if (dict_end < info_at + (gssize) strlen (object_head))
    goto damaged;

  if (len > 0 && data[len - 1] != '\n')
    g_string_append_c (tail, '\n');
  new_at = len + tail->len;
  g_string_append_printf (tail, "%" G_GUINT64_FORMAT " 0 obj\n", size);
  g_string_append_len (tail, (const char *) data + info_at + strlen (object_head),
                       dict_end - info_at - (gssize) strlen (object_head));
  g_string_append (tail, "   /" PDF_KEY " (");
  for (const char *p = json; *p != '\0'; p++)
    {
      if (*p == '(' || *p == ')' || *p == '\\')
        g_string_append_c (tail, '\\');
      g_string_append_c (tail, *p);
    }
  g_string_append (tail, ")\n>>\nendobj\n");
  xref_at = len + tail->len;
  g_string_append_printf (tail, "xref\n0 1\n0000000000 65535 f \n%" G_GUINT64_FORMAT " 1\n"
                          "%010" G_GSIZE_FORMAT " 00000 n \n", size, new_at);
  g_string_append_printf (tail, "trailer\n<< /Size %" G_GUINT64_FORMAT
                          "\n   /Root %" G_GUINT64_FORMAT " 0 R\n   /Info %" G_GUINT64_FORMAT
                          " 0 R\n   /Prev %" G_GUINT64_FORMAT "\n>>\nstartxref\n%"
                          G_GSIZE_FORMAT "\n%%%%EOF\n", size + 1, root, size, old_xref, xref_at);
  g_byte_array_append (file, (const guint8 *) tail->str, tail->len);
  return TRUE;

damaged:
  g_set_error_literal (error, OB_ERROR, OB_ERROR_FAILED,
                       _("The PDF figure has no document information to hold its recipe"));
  return FALSE;
}

gboolean
ob_plot_recipe_embed (const ObPlotRecipe *self,
                      const char         *format,
                      GByteArray         *file,
                      GError            **error)
{
  g_autofree char *json = NULL;

  g_return_val_if_fail (self != NULL && format != NULL && file != NULL, FALSE);

  json = ob_plot_recipe_to_json (self);
  if (g_str_equal (format, "svg"))
    return embed_svg (json, file, error);
  if (g_str_equal (format, "eps"))
    return embed_eps (json, file, error);
  if (g_str_equal (format, "png"))
    return embed_png (json, file, error);
  if (g_str_equal (format, "pdf"))
    return embed_pdf (json, file, error);
  g_return_val_if_reached (FALSE);
}

void
ob_plot_recipe_set_pdf_metadata (const ObPlotRecipe *self,
                                 cairo_surface_t    *pdf,
                                 const char         *title)
{
  g_autofree char *own_title = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *keywords = NULL;

  if (title == NULL)
    title = own_title = g_strdup_printf ("Oncobench %s", self->kind);
  if (self->data_file != NULL)
    {
      g_autofree char *base = g_path_get_basename (self->data_file);

      subject = g_strdup_printf ("Oncobench %s analysis of %s (SHA-256 %s)", self->kind, base,
                                 self->data_sha256 != NULL ? self->data_sha256 : "unknown");
    }
  else
    subject = g_strdup_printf ("Oncobench %s analysis", self->kind);
  keywords = g_strdup_printf ("Oncobench, %s, recipe", self->kind);

  cairo_pdf_surface_set_metadata (pdf, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (pdf, CAIRO_PDF_METADATA_SUBJECT, subject);
  cairo_pdf_surface_set_metadata (pdf, CAIRO_PDF_METADATA_KEYWORDS, keywords);
  cairo_pdf_surface_set_metadata (pdf, CAIRO_PDF_METADATA_CREATOR, self->software);
}

char *
ob_plot_recipe_to_description (const ObPlotRecipe *self)
{
  return ob_plot_recipe_to_json (self);
}

/* Reading back. */

/* A PDF string after the key: (literal, with backslash escapes) or <hex>, which is UTF-16BE
 * after a byte-order mark when not plain bytes. */
static char *
read_pdf_string (const guint8 *data,
                 gsize         len,
                 gsize         at)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  int depth = 0;

  while (at < len && (data[at] == ' ' || data[at] == '\r' || data[at] == '\n'))
    at++;
  if (at >= len)
    return NULL;
  if (data[at] == '<')
    {
      int hi = -1;

      for (at++; at < len && data[at] != '>'; at++)
        {
          int v = g_ascii_xdigit_value (data[at]);

          if (v < 0)
            continue;
          if (hi < 0)
            hi = v;
          else
            {
              guint8 byte = (guint8) (hi * 16 + v);

              g_byte_array_append (out, &byte, 1);
              hi = -1;
            }
        }
      if (out->len >= 2 && out->data[0] == 0xfe && out->data[1] == 0xff)
        {
          gsize n = (out->len - 2) / 2;
          g_autofree gunichar2 *units = g_new (gunichar2, n + 1);

          for (gsize i = 0; i < n; i++)
            units[i] = (gunichar2) ((out->data[2 + 2 * i] << 8) | out->data[3 + 2 * i]);
          return g_utf16_to_utf8 (units, (glong) n, NULL, NULL, NULL);
        }
      g_byte_array_append (out, (const guint8 *) "", 1);
      return g_strdup ((const char *) out->data);
    }
  if (data[at] != '(')
    return NULL;
  for (at++; at < len; at++)
    {
      guint8 c = data[at];

      if (c == '\\' && at + 1 < len)
        {
          guint8 e = data[++at];

          switch (e)
            {
            case 'n': c = '\n'; break;
            case 'r': c = '\r'; break;
            case 't': c = '\t'; break;
            case 'b': c = '\b'; break;
            case 'f': c = '\f'; break;
            case '\n': continue;
            default:
              if (e >= '0' && e <= '7')
                {
                  int v = 0;

                  for (int k = 0; k < 3 && at < len && data[at] >= '0' && data[at] <= '7'; k++)
                    v = v * 8 + (data[at++] - '0');
                  at--;
                  c = (guint8) v;
                }
              else
                c = e;
            }
        }
      else if (c == '(')
        depth++;
      else if (c == ')' && depth-- == 0)
        break;
      g_byte_array_append (out, &c, 1);
    }
  g_byte_array_append (out, (const guint8 *) "", 1);
  return g_strdup ((const char *) out->data);
}

static char *
read_pdf (const guint8 *data,
          gsize         len)
{
  gssize at = find_bytes (data, len, 0, "/" PDF_KEY);

  return at < 0 ? NULL : read_pdf_string (data, len, (gsize) at + strlen ("/" PDF_KEY));
}

static char *
read_png (const guint8 *data,
          gsize         len)
{
  gsize at = 8;

  while (at + 12 <= len)
    {
      guint32 n = get_be32 (data + at);
      const guint8 *body = data + at + 8;

      if (n > len - at - 12)
        return NULL;
      if (memcmp (data + at + 4, "iTXt", 4) == 0 && n > strlen (PNG_KEYWORD) + 5 &&
          memcmp (body, PNG_KEYWORD, strlen (PNG_KEYWORD) + 1) == 0)
        {
          const guint8 *p = body + strlen (PNG_KEYWORD) + 1 + 2;
          const guint8 *end = body + n;

          /* Skip the language tag and the translated keyword. */
          for (int k = 0; k < 2 && p < end; k++)
            {
              while (p < end && *p != 0)
                p++;
              p++;
            }
          if (p > end || body[strlen (PNG_KEYWORD) + 1] != 0)
            return NULL;
          return g_strndup ((const char *) p, end - p);
        }
      if (memcmp (data + at + 4, "IDAT", 4) == 0 || memcmp (data + at + 4, "IEND", 4) == 0)
        return NULL;
      at += 12 + n;
    }
  return NULL;
}

static char *
read_eps (const guint8 *data,
          gsize         len)
{
  gssize at = find_bytes (data, len, 0, "\n" EPS_PREFIX);
  gssize end;

  if (at < 0)
    return NULL;
  at += 1 + strlen (EPS_PREFIX);
  end = find_bytes (data, len, (gsize) at, "\n");
  if (end < 0)
    end = (gssize) len;
  if (end > at && data[end - 1] == '\r')
    end--;
  return g_strndup ((const char *) data + at, end - at);
}

static char *
read_svg (const guint8 *data,
          gsize         len)
{
  static const struct { const char *entity; char c; } entities[] = {
    { "&amp;", '&' }, { "&lt;", '<' }, { "&gt;", '>' }, { "&quot;", '"' }, { "&apos;", '\'' },
  };
  gssize at = find_bytes (data, len, 0, SVG_OPEN);
  gssize end;
  GString *out;

  if (at < 0)
    return NULL;
  at += strlen (SVG_OPEN);
  end = find_bytes (data, len, (gsize) at, SVG_CLOSE);
  if (end < 0)
    return NULL;
  out = g_string_sized_new (end - at);
  for (gssize i = at; i < end; i++)
    {
      gboolean done = FALSE;

      if (data[i] == '&')
        for (guint k = 0; k < G_N_ELEMENTS (entities) && !done; k++)
          if ((gsize) (end - i) >= strlen (entities[k].entity) &&
              memcmp (data + i, entities[k].entity, strlen (entities[k].entity)) == 0)
            {
              g_string_append_c (out, entities[k].c);
              i += (gssize) strlen (entities[k].entity) - 1;
              done = TRUE;
            }
      if (!done)
        g_string_append_c (out, (char) data[i]);
    }
  return g_string_free (out, FALSE);
}

static guint32
tiff_get (const guint8 *p,
          gboolean      le,
          int           size)
{
  guint32 v = 0;

  for (int i = 0; i < size; i++)
    v |= (guint32) p[le ? i : size - 1 - i] << (8 * (le ? i : size - 1 - i));
  return v;
}

static char *
read_tiff (const guint8 *data,
           gsize         len)
{
  gboolean le = data[0] == 'I';
  guint32 ifd = tiff_get (data + 4, le, 4);
  guint n;

  if (ifd > len || len - ifd < 2)
    return NULL;
  n = tiff_get (data + ifd, le, 2);
  for (guint i = 0; i < n && ifd + 2 + 12 * (gsize) (i + 1) <= len; i++)
    {
      const guint8 *e = data + ifd + 2 + 12 * i;
      guint32 count = tiff_get (e + 4, le, 4);
      guint32 offset = tiff_get (e + 8, le, 4);

      if (tiff_get (e, le, 2) != 270 || tiff_get (e + 2, le, 2) != 2)
        continue;
      if (count <= 4)
        offset = (guint32) (e + 8 - data);
      if (offset > len || count > len - offset || count == 0)
        return NULL;
      return g_strndup ((const char *) data + offset, count);
    }
  return NULL;
}

char *
ob_plot_recipe_read_json (const char  *path,
                          GError     **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  const guint8 *data;
  char *json = NULL;
  gsize len;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &contents, &len, &local_error))
    {
      g_set_error (error, OB_ERROR, OB_ERROR_FAILED, _("Could not read the figure “%s”: %s"),
                   path, local_error->message);
      return NULL;
    }
  data = (const guint8 *) contents;
  if (len >= 5 && memcmp (data, "%PDF-", 5) == 0)
    json = read_pdf (data, len);
  else if (len >= 8 && memcmp (data, "\x89PNG\r\n\x1a\n", 8) == 0)
    json = read_png (data, len);
  else if (len >= 4 && memcmp (data, "%!PS", 4) == 0)
    json = read_eps (data, len);
  else if (len >= 8 && (memcmp (data, "II*\0", 4) == 0 || memcmp (data, "MM\0*", 4) == 0))
    json = read_tiff (data, len);
  else if (find_bytes (data, MIN (len, 4096), 0, "<svg") >= 0)
    json = read_svg (data, len);
  else
    {
      g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                   _("“%s” is not a PDF, SVG, EPS, PNG or TIFF figure"), path);
      return NULL;
    }
  if (json == NULL)
    g_set_error (error, OB_ERROR, OB_ERROR_NO_DATA,
                 _("“%s” carries no Oncobench recipe: it was not exported by Oncobench, or "
                   "another program rewrote it"), path);
  return json;
}

ObPlotRecipe *
ob_plot_recipe_read_file (const char  *path,
                          GError     **error)
{
  g_autofree char *json = ob_plot_recipe_read_json (path, error);

  return json != NULL ? ob_plot_recipe_from_json (json, error) : NULL;
}
