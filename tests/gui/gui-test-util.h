/* gui-test-util.h: what the GUI tests share (the compare page's helpers among them)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "ob-compare-page-private.h"

G_BEGIN_DECLS

/* Fails unless actual is within tolerance (relative, absolute below 1) of expected; NAN
 * expected means R's NA. */
void           gui_assert_close   (double      actual,
                                   double      expected,
                                   double      tolerance,
                                   const char *what);
/* A number of a reference object; null is NAN. */
double         gui_member_double  (JsonObject *object,
                                   const char *name);
/* A compare page on a CSV file (a sample of data/samples by name), owned by the caller. */
ObComparePage *gui_new_page_from  (const char *path);
ObComparePage *gui_new_page       (const char *sample);
/* A file of tests/reference, parsed. */
JsonNode      *gui_load_json      (const char *name);
/* Runs $OB_CLI with args and parses what it prints; fails when it fails. */
JsonParser    *gui_run_cli        (const char * const *args);
void           gui_wait_idle      (void);
/* oncobench-cli render of project into the folder out, when $OB_CLI is set. */
void           gui_render_project (const char *project,
                                   const char *out);
void           gui_remove_tree    (const char *path);

G_END_DECLS
