/* ob-cli-json.h — the JSON documents oncobench-cli prints
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* A document built with json-glib, printed pretty with a two-space indent and numbers in
 * their shortest exact form.  Long arrays of flat objects (a curve's steps: one per distinct
 * time, a million for a million patients) are not built as nodes but written row by row
 * while printing, so memory stays proportional to the data rather than to the output. */
typedef struct _ObCliJson ObCliJson;
typedef struct _ObCliJsonRow ObCliJsonRow;

/* Writes the members of row index with ob_cli_json_row_*(). */
typedef void (*ObCliJsonRowFunc) (ObCliJsonRow  *row,
                                  gsize          index,
                                  gconstpointer  user_data);

ObCliJson   *ob_cli_json_new          (void);
void         ob_cli_json_free         (ObCliJson *json);
JsonBuilder *ob_cli_json_get_builder  (ObCliJson *json);

/* Sets member (inside an object being built) to an array of n_rows objects; write and
 * user_data must stay valid until the document is printed. */
void         ob_cli_json_add_rows     (ObCliJson        *json,
                                       const char       *member,
                                       gsize             n_rows,
                                       ObCliJsonRowFunc  write,
                                       gconstpointer     user_data);
/* null when the value is not finite. */
void         ob_cli_json_row_double   (ObCliJsonRow *row,
                                       const char   *member,
                                       double        value);
void         ob_cli_json_row_int      (ObCliJsonRow *row,
                                       const char   *member,
                                       gint64        value);
/* null when value is NULL. */
void         ob_cli_json_row_string   (ObCliJsonRow *row,
                                       const char   *member,
                                       const char   *value);

/* Writes the document and a newline to stdout. */
gboolean     ob_cli_json_print        (ObCliJson  *json,
                                       GError    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ObCliJson, ob_cli_json_free)

G_END_DECLS
