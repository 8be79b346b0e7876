/* ob-window-private.h: what the window's source files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ob-dataset-view.h"
#include "ob-window.h"

G_BEGIN_DECLS

/* One open file: its table page, its row in the sidebar and the analyses under it. */
typedef struct
{
  guint id;                /* never reused, unlike the address once closed */
  char *path;
  /* Column types the user chose, by name, as ObCsvOptions.column_types wants them. */
  GHashTable *column_types;
  ObDatasetView *view;     /* owned by content_stack */
  GtkListBoxRow *row;      /* owned by sidebar_list */
  GtkLabel *subtitle;
  AdwToast *warnings_toast; /* weak: the overlay owns it while it shows */
  guint n_analyses;
} ObWindowEntry;

struct _ObWindow
{
  AdwApplicationWindow parent_instance;

  AdwWindowTitle *window_title;
  AdwToastOverlay *toast_overlay;
  GtkStack *main_stack;
  AdwStatusPage *empty_page;
  GtkWidget *recent_box;
  GtkListBox *recent_list;
  GtkWidget *samples_box;
  GtkListBox *sample_list;
  AdwFlap *flap;
  GtkWidget *sidebar_button;
  GtkListBox *sidebar_list;
  GtkStack *content_stack;
  GtkSpinner *spinner;
  GtkMenuButton *new_analysis_button;
  GMenu *samples_menu;
  GMenuModel *sidebar_menu;
  GtkWidget *sidebar_popover;

  GSettings *settings;
  GPtrArray *entries;      /* ObWindowEntry * */
  GCancellable *cancellable;
  GHashTable *pending;     /* paths being read for a new entry */
  guint n_loading;
  guint n_entries_made;
  guint n_pages;
};

/* ob-window.c */
ObWindowEntry *ob_window_get_current_entry   (ObWindow      *self);
ObWindowEntry *ob_window_find_entry          (ObWindow      *self,
                                              const char    *path);
void           ob_window_show_error          (ObWindow      *self,
                                              const char    *heading,
                                              const GError  *error);
void           ob_window_close_entry         (ObWindow      *self,
                                              ObWindowEntry *entry);
void           ob_window_add_analysis        (ObWindow      *self,
                                              ObWindowEntry *entry,
                                              GtkWidget     *page,
                                              const char    *title,
                                              const char    *icon_name);

/* ob-window-samples.c */
void           ob_window_populate_samples    (ObWindow      *self);
void           ob_window_populate_recent     (ObWindow      *self);
void           ob_window_remember_file       (ObWindow      *self,
                                              const char    *path);

/* ob-window-actions.c */
void           ob_window_class_init_actions  (GtkWidgetClass *widget_class);
void           ob_window_update_actions      (ObWindow      *self);
void           ob_window_show_warnings       (ObWindow      *self,
                                              ObWindowEntry *entry);

G_END_DECLS
