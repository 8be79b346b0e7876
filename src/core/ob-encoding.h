/* ob-encoding.h — turning imported bytes into UTF-8
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Returns the bytes as UTF-8 without a byte-order mark.  With encoding NULL the encoding is
 * detected: UTF-8 (BOM optional), UTF-16LE/BE (with BOM), otherwise CP932 (Shift_JIS as
 * Japanese Excel writes it) when the bytes are not valid UTF-8.  Valid UTF-8 input is not
 * copied.  *out_encoding (optional) receives the name of the encoding that was read.
 * Errors are OB_ERROR_ENCODING with "NAME:LINE:COLUMN: …". */
GBytes     *ob_encoding_to_utf8     (GBytes      *bytes,
                                     const char  *encoding,
                                     const char  *display_name,
                                     char       **out_encoding,
                                     GError     **error);

/* 1-based line and character column of a byte offset into UTF-8 (or ASCII-compatible) text. */
void        ob_encoding_locate      (const char  *text,
                                     gsize        offset,
                                     gsize       *out_line,
                                     gsize       *out_column);

/* g_utf8_validate_len (NUL bytes are invalid too), fast over the ASCII most data files are. */
gboolean    ob_encoding_validate_utf8 (const char  *text,
                                       gsize        len,
                                       const char **out_end);

G_END_DECLS
