/* ob-window-private.h: what the window's source files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ob-analysis-page.h"
#include "ob-dataset-view.h"
#include "ob-project.h"
#include "ob-window.h"

G_BEGIN_DECLS

/* One open file: its table page, its row in the sidebar and the analyses under it. */
typedef struct
{
  guint id;                /* never reused, unlike the address once closed */
  char *path;              /* the file read, or for a project's dataset its name */
  char *name;              /* shown in the sidebar and saved in projects */
  char *sha256;            /* of the file when it was read, NULL when unknown */
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

  /* The project: where it is saved (NULL: never), and whether the window shows more. */
  char *project_path;
  gboolean dirty;
  guint64 changes;            /* counts every change, to tell whether a save caught them all */
  gboolean saving;
  gboolean close_confirmed;
  /* Analyses of a loaded project that no page here can show, kept to be saved again. */
  GPtrArray *kept_analyses;   /* ObProjectAnalysis * */

  /* Autosave of unsaved work (ob-autosave.c). */
  guint autosave_id;
  char *autosave_path;
  gboolean autosave_stale;    /* changed since the last autosave */

  /* Undo and redo of settings changes and deletions (ob-window-undo.c). */
  GPtrArray *undo_stack;
  GPtrArray *redo_stack;
  gboolean undoing;
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
/* Makes a page of a registered kind for entry, titled and numbered, and shows it. */
GtkWidget     *ob_window_new_analysis        (ObWindow      *self,
                                              ObWindowEntry *entry,
                                              const char    *kind);
/* A dataset already read (from a project): shown under name, read again from path. */
ObWindowEntry *ob_window_add_dataset         (ObWindow      *self,
                                              const char    *name,
                                              const char    *path,
                                              const char    *sha256,
                                              ObDataset     *dataset);
/* The analysis in row, or NULL for a dataset's row. */
ObAnalysisPage *ob_window_row_get_analysis   (GtkListBoxRow *row);
/* The sidebar's analyses in order, each with its entry and title. */
typedef void (*ObWindowAnalysisFunc)         (ObWindow       *self,
                                              ObWindowEntry  *entry,
                                              ObAnalysisPage *page,
                                              const char     *title,
                                              gpointer        user_data);
void           ob_window_foreach_analysis    (ObWindow             *self,
                                              ObWindowAnalysisFunc  func,
                                              gpointer              user_data);
/* Unsaved changes: the title says so, closing asks, autosave picks them up. */
void           ob_window_set_dirty           (ObWindow      *self,
                                              gboolean       dirty);
void           ob_window_update_title        (ObWindow      *self);

/* ob-window-project.c */
void           ob_window_init_project        (ObWindow      *self);
void           ob_window_dispose_project     (ObWindow      *self);
void           ob_window_class_init_project  (GtkWidgetClass *widget_class);
/* Follows the page's changes: unsaved marker, undo steps. */
void           ob_window_watch_analysis      (ObWindow       *self,
                                              ObAnalysisPage *page);
/* Reads a .oncobench file in a worker thread and shows it: here when the window is empty,
 * else in a new window. */
void           ob_window_open_project        (ObWindow      *self,
                                              GFile         *file);

/* ob-window-undo.c */
void           ob_window_class_init_undo     (GtkWidgetClass *widget_class);
void           ob_window_undo_dispose        (ObWindow       *self);
/* Remembers the page's settings as they are, the state an undo returns to. */
void           ob_window_undo_watch          (ObWindow       *self,
                                              ObAnalysisPage *page);
/* The page emitted "changed": one undo step once the change has settled. */
void           ob_window_undo_page_changed   (ObWindow       *self,
                                              ObAnalysisPage *page);

/* ob-window-figures.c */
void           ob_window_class_init_figures  (GtkWidgetClass *widget_class);
void           ob_window_update_figure_actions (ObWindow    *self);

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
