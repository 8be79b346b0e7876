/* ob-autosave.h: unsaved work written aside every 30 s, and offered back after a crash
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ob-window.h"

G_BEGIN_DECLS

#define OB_AUTOSAVE_INTERVAL_MS 30000

/* The folder autosaves go to: $XDG_STATE_HOME/oncobench/autosave. */
char      *ob_autosave_get_dir          (void);
/* For tests: how long after a change the autosave is written. */
void       ob_autosave_set_interval     (guint     milliseconds);

void       ob_autosave_start            (ObWindow *window);
void       ob_autosave_stop             (ObWindow *window);
/* The window changed: its work is written out within the interval unless saved first. */
void       ob_autosave_schedule         (ObWindow *window);
/* Writes the autosave now, in the calling thread. */
gboolean   ob_autosave_write_now        (ObWindow *window,
                                         GError  **error);
/* The work was saved or deliberately discarded: the autosave goes. */
void       ob_autosave_discard          (ObWindow *window);
/* Where this window's work is autosaved, NULL before the first autosave. */
const char *ob_autosave_get_path        (ObWindow *window);

/* Autosaves left by an Oncobench that did not quit (crashed, killed, power cut), newest
 * first; NULL-terminated, NULL when none. */
char     **ob_autosave_find_orphans     (void);
/* Asks whether to recover what find_orphans() finds; recovered work opens in window (when
 * empty) or in new windows, unsaved, so that nothing is lost twice.  FALSE when there was
 * nothing to offer. */
gboolean   ob_autosave_offer_recovery   (ObWindow *window);
/* Opens one orphan in window as unsaved work and removes the orphan file. */
gboolean   ob_autosave_recover          (ObWindow   *window,
                                         const char *path,
                                         GError    **error);

G_END_DECLS
