/* ob-plot-recipe.h: how a figure was made, carried inside the figure file
 *
 * A figure found on disk must say which analysis drew it, with which options, on which data
 * and by which version, so that it can be traced and made again.  The recipe is one line of
 * JSON stored in the file's own metadata:
 *
 *   PDF   the document information dictionary: key OncobenchRecipe (plus title, subject,
 *         keywords and creator "Oncobench VERSION"), added as an incremental update since
 *         cairo 1.16 sets no custom keys
 *   SVG   a <metadata id="oncobench-recipe"> element right after the root <svg> tag
 *   PNG   an iTXt chunk with the keyword "oncobench:recipe", right after IHDR
 *   EPS   a "%OncobenchRecipe: " comment line right after the header's %%EndComments,
 *         besides %%Title
 *   TIFF  the ImageDescription tag
 *
 * The JSON is kept to ASCII (other characters as \uXXXX escapes), so every format holds it
 * byte for byte.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct
{
  char *software;          /* "Oncobench 0.1.0" */
  char *kind;              /* "survival": the oncobench-cli command that re-makes the figure */
  /* The analysis' options as the command line and the project spell them (member = option
   * without "--"); never NULL. */
  JsonObject *settings;
  /* The rows left out by hand, each {"id": "…", "reason": "…" or null}; never NULL. */
  JsonArray *exclusions;
  char *data_file;         /* the table the figure was made from, NULL when unknown */
  /* Hex SHA-256 of the bytes of data_file as they were read (see the README), NULL when
   * unknown. */
  char *data_sha256;
  char *created;           /* ISO 8601 in UTC */
  /* The figure itself, set when it is written: "pdf" … "tiff", size in mm, dpi. */
  char *format;
  double width_mm;
  double height_mm;
  double dpi;
} ObPlotRecipe;

/* A recipe of the running version, created now.  settings is copied (NULL: none); an
 * "exclude" member in it (strings, or one comma-separated string) is also listed in
 * exclusions, as ID:REASON for survival and as bare identifiers for other kinds. */
ObPlotRecipe *ob_plot_recipe_new             (const char         *kind,
                                              JsonObject         *settings);
void          ob_plot_recipe_free            (ObPlotRecipe       *self);

void          ob_plot_recipe_set_data        (ObPlotRecipe       *self,
                                              const char         *data_file,
                                              const char         *sha256);
void          ob_plot_recipe_add_exclusion   (ObPlotRecipe       *self,
                                              const char         *id,
                                              const char         *reason);

/* One line of ASCII JSON. */
char         *ob_plot_recipe_to_json         (const ObPlotRecipe *self);
ObPlotRecipe *ob_plot_recipe_from_json       (const char         *json,
                                              GError            **error);

/* Puts the recipe into the bytes of a PDF, SVG, EPS or PNG file ("pdf" … "png"), as
 * described above. */
gboolean      ob_plot_recipe_embed           (const ObPlotRecipe *self,
                                              const char         *format,
                                              GByteArray         *file,
                                              GError            **error);
/* Sets a PDF surface's metadata before anything is drawn; title NULL: from the kind. */
void          ob_plot_recipe_set_pdf_metadata (const ObPlotRecipe *self,
                                               cairo_surface_t    *pdf,
                                               const char         *title);
/* The text a TIFF's ImageDescription holds: the recipe's JSON. */
char         *ob_plot_recipe_to_description  (const ObPlotRecipe *self);

/* The recipe's JSON as stored in a figure file of any of the formats above (told apart by
 * their content, not their name).  OB_ERROR_NO_DATA when the file holds none. */
char         *ob_plot_recipe_read_json       (const char         *path,
                                              GError            **error);
ObPlotRecipe *ob_plot_recipe_read_file       (const char         *path,
                                              GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ObPlotRecipe, ob_plot_recipe_free)

G_END_DECLS
