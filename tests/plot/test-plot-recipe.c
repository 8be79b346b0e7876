/* test-plot-recipe.c: the recipe written into each figure format reads back unchanged, and
 * leaves a valid file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-test"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "ob-dataset.h"
#include "ob-plot-export.h"
#include "ob-plot-recipe.h"

static void
draw_box (cairo_t *cr, double w, double h, gpointer user_data)
{
  cairo_set_source_rgb (cr, 0, 0.45, 0.7);
  cairo_rectangle (cr, 10, 10, w - 20, h - 20);
  cairo_stroke (cr);
}

/* Characters each container escapes differently: PDF string delimiters and backslashes, XML
 * markup, non-ASCII text (Japanese column names), and quotes. */
static ObPlotRecipe *
awkward_recipe (void)
{
  g_autoptr(JsonObject) settings = json_object_new ();
  g_autoptr(JsonArray) exclude = json_array_new ();
  ObPlotRecipe *recipe;

  json_object_set_string_member (settings, "time", "無増悪生存期間 (月)");
  json_object_set_string_member (settings, "group", "a<b & \"c\" \\ d)");
  json_array_add_string_element (exclude, "P-017:sample swap (lab note 3)");
  json_array_add_string_element (exclude, "P-020");
  json_object_set_array_member (settings, "exclude", json_array_ref (exclude));
  recipe = ob_plot_recipe_new ("survival", settings);
  ob_plot_recipe_set_data (recipe, "/data/コホート.csv",
                           "cf2ddfa766fdc3722364e4a24878162de2facaf71df1b66d48e7126c0a6e1f12");
  return recipe;
}

static void
test_exclusions_from_settings (void)
{
  g_autoptr(ObPlotRecipe) recipe = awkward_recipe ();
  JsonObject *first, *second;

  g_assert_cmpuint (json_array_get_length (recipe->exclusions), ==, 2);
  first = json_array_get_object_element (recipe->exclusions, 0);
  second = json_array_get_object_element (recipe->exclusions, 1);
  g_assert_cmpstr (json_object_get_string_member (first, "id"), ==, "P-017");
  g_assert_cmpstr (json_object_get_string_member (first, "reason"), ==,
                   "sample swap (lab note 3)");
  g_assert_cmpstr (json_object_get_string_member (second, "id"), ==, "P-020");
  g_assert_true (json_object_get_null_member (second, "reason"));

  /* An ELISA well on its plate is one identifier; growth lists mice in one string. */
  {
    g_autoptr(JsonObject) elisa = json_object_new ();
    g_autoptr(JsonObject) growth = json_object_new ();
    g_autoptr(JsonArray) wells = json_array_new ();
    g_autoptr(ObPlotRecipe) e = NULL;
    g_autoptr(ObPlotRecipe) g = NULL;

    json_array_add_string_element (wells, "Plate 2:B3");
    json_object_set_array_member (elisa, "exclude", json_array_ref (wells));
    e = ob_plot_recipe_new ("elisa", elisa);
    g_assert_cmpuint (json_array_get_length (e->exclusions), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (
                       json_array_get_object_element (e->exclusions, 0), "id"), ==,
                     "Plate 2:B3");
    json_object_set_string_member (growth, "exclude", "M03,M07");
    g = ob_plot_recipe_new ("growth", growth);
    g_assert_cmpuint (json_array_get_length (g->exclusions), ==, 2);
    g_assert_cmpstr (json_object_get_string_member (
                       json_array_get_object_element (g->exclusions, 1), "id"), ==, "M07");
  }
}

static void
test_json_is_ascii_and_round_trips (void)
{
  g_autoptr(ObPlotRecipe) recipe = awkward_recipe ();
  g_autoptr(ObPlotRecipe) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = ob_plot_recipe_to_json (recipe);
  g_autofree char *again = NULL;

  for (const char *p = json; *p != '\0'; p++)
    g_assert_true ((guchar) *p >= 0x20 && (guchar) *p < 0x7f);
  g_assert_null (strchr (json, '\n'));

  back = ob_plot_recipe_from_json (json, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->kind, ==, "survival");
  g_assert_cmpstr (back->data_file, ==, "/data/コホート.csv");
  g_assert_cmpstr (json_object_get_string_member (back->settings, "time"), ==,
                   "無増悪生存期間 (月)");
  again = ob_plot_recipe_to_json (back);
  g_assert_cmpstr (again, ==, json);

  g_assert_null (ob_plot_recipe_from_json ("{\"software\":\"x\"}", &error));
  g_assert_error (error, OB_ERROR, OB_ERROR_PARSE);
  g_clear_error (&error);
  g_assert_null (ob_plot_recipe_from_json ("{\"kind\":", &error));
  g_assert_error (error, OB_ERROR, OB_ERROR_PARSE);
}

static guint32
be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* Figure files hold NUL bytes, where GLib's string searches stop. */
static const char *
find (const guint8 *data,
      gsize         n,
      const char   *needle,
      gboolean      last)
{
  gsize m = strlen (needle);
  const char *found = NULL;

  for (gsize i = 0; i + m <= n; i++)
    if (memcmp (data + i, needle, m) == 0)
      {
        found = (const char *) data + i;
        if (!last)
          break;
      }
  return found;
}

/* The container around the recipe is still what readers expect. */
static void
check_container (ObPlotFormat  fmt,
                 const guint8 *data,
                 gsize         n)
{
  switch (fmt)
    {
    case OB_PLOT_FORMAT_PDF:
      {
        /* The last startxref points at an xref section; the update chains to cairo's. */
        const char *last = find (data, n, "startxref", TRUE);
        guint64 at;

        g_assert_nonnull (last);
        at = g_ascii_strtoull (last + strlen ("startxref"), NULL, 10);
        g_assert_cmpuint (at, <, n);
        g_assert_true (memcmp (data + at, "xref", 4) == 0);
        g_assert_nonnull (find (data + at, n - at, "/Prev ", FALSE));
        g_assert_true (memcmp (data + n - 6, "%%EOF\n", 6) == 0);
        break;
      }
    case OB_PLOT_FORMAT_PNG:
      {
        /* iTXt right after IHDR, and every chunk's CRC as a reader checks it. */
        gsize at = 8;

        g_assert_true (memcmp (data + 12 + 4 + 13 + 4 + 4, "iTXt", 4) == 0);
        while (at + 12 <= n)
          {
            guint32 len = be32 (data + at);
            guint32 crc = 0xffffffffu;

            for (gsize i = at + 4; i < at + 8 + len; i++)
              {
                crc ^= data[i];
                for (int k = 0; k < 8; k++)
                  crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1)));
              }
            g_assert_cmpuint (crc ^ 0xffffffffu, ==, be32 (data + at + 8 + len));
            at += 12 + len;
          }
        g_assert_cmpuint (at, ==, n);
        break;
      }
    case OB_PLOT_FORMAT_SVG:
      {
        const char *root = find (data, n, "<svg", FALSE);
        const char *end = strchr (root, '>');

        g_assert_true (g_str_has_prefix (end + 1, "\n<metadata id=\"oncobench-recipe\">"));
        g_assert_nonnull (find (data, n, "</svg>", FALSE));
        break;
      }
    case OB_PLOT_FORMAT_EPS:
      g_assert_nonnull (find (data, n, "%%EndComments\n%OncobenchRecipe: {", FALSE));
      g_assert_nonnull (find (data, n, "%%Title: Figure 2", FALSE));
      g_assert_nonnull (find (data, n, "%%EOF", FALSE));
      break;
    case OB_PLOT_FORMAT_TIFF:
    default:
      g_assert_true (memcmp (data, "II*\0", 4) == 0);
      break;
    }
}

static void
test_every_format (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ob-recipe-XXXXXX", &error);

  g_assert_no_error (error);
  for (ObPlotFormat fmt = OB_PLOT_FORMAT_PDF; fmt <= OB_PLOT_FORMAT_TIFF; fmt++)
    {
      g_autofree char *name = g_strconcat ("figure.", ob_plot_format_to_string (fmt), NULL);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(ObPlotRecipe) recipe = awkward_recipe ();
      g_autoptr(ObPlotRecipe) back = NULL;
      g_autofree char *written = NULL;
      g_autofree char *read = NULL;
      g_autofree char *contents = NULL;
      gsize n;

      g_test_message ("%s", name);
      g_assert_true (ob_plot_export_with_recipe (fmt, path, 60, 40, 100, "Figure 2 (生存)",
                                                 recipe, draw_box, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (recipe->format, ==, ob_plot_format_to_string (fmt));
      written = ob_plot_recipe_to_json (recipe);

      read = ob_plot_recipe_read_json (path, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (read, ==, written);
      back = ob_plot_recipe_read_file (path, &error);
      g_assert_no_error (error);
      g_assert_cmpfloat (back->width_mm, ==, 60);
      g_assert_cmpuint (json_array_get_length (back->exclusions), ==, 2);

      g_assert_true (g_file_get_contents (path, &contents, &n, NULL));
      check_container (fmt, (const guint8 *) contents, n);

      /* The same figure without a recipe carries none. */
      g_assert_true (ob_plot_export (fmt, path, 60, 40, 100, draw_box, NULL, &error));
      g_assert_null (ob_plot_recipe_read_json (path, &error));
      g_assert_error (error, OB_ERROR, OB_ERROR_NO_DATA);
      g_clear_error (&error);
      g_unlink (path);
    }
  g_rmdir (dir);
}

/* A folder that does not exist fails as before, and leaves no file. */
static void
test_write_error (void)
{
  g_autoptr(ObPlotRecipe) recipe = awkward_recipe ();
  g_autoptr(GError) error = NULL;

  g_assert_false (ob_plot_export_with_recipe (OB_PLOT_FORMAT_SVG, "/nonexistent/dir/f.svg", 60,
                                              40, 0, NULL, recipe, draw_box, NULL, &error));
  g_assert_error (error, OB_ERROR, OB_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "/nonexistent/dir/f.svg"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/plot/recipe/exclusions-from-settings", test_exclusions_from_settings);
  g_test_add_func ("/plot/recipe/json-ascii-round-trip", test_json_is_ascii_and_round_trips);
  g_test_add_func ("/plot/recipe/every-format", test_every_format);
  g_test_add_func ("/plot/recipe/write-error", test_write_error);
  return g_test_run ();
}
