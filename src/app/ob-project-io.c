/* ob-project-io.c: the window's work as a project, and back; saved and read off the main thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-app"

#include "config.h"

#include <glib/gi18n.h>

#include "ob-project-io.h"
#include "ob-window-private.h"

ObProjectAnalysis *
ob_project_analysis_copy (const ObProjectAnalysis *analysis)
{
  ObProjectAnalysis *copy = g_new0 (ObProjectAnalysis, 1);
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonNode) settings = NULL;

  copy->name = g_strdup (analysis->name);
  copy->kind = g_strdup (analysis->kind);
  copy->dataset = g_strdup (analysis->dataset);
  json_node_set_object (node, analysis->settings);
  settings = json_node_copy (node);
  copy->settings = json_object_ref (json_node_get_object (settings));
  copy->width_mm = analysis->width_mm;
  copy->height_mm = analysis->height_mm;
  copy->dpi = analysis->dpi;
  copy->format = g_strdup (analysis->format);
  return copy;
}

void
ob_project_analysis_free (ObProjectAnalysis *analysis)
{
  if (analysis == NULL)
    return;
  g_free (analysis->name);
  g_free (analysis->kind);
  g_free (analysis->dataset);
  g_clear_pointer (&analysis->settings, json_object_unref);
  g_free (analysis->format);
  g_free (analysis);
}

typedef struct
{
  ObProject *project;
  GHashTable *names;    /* ObWindowEntry * → its dataset's name in the project */
} Collect;

static const char *
dataset_name (Collect       *collect,
              ObWindowEntry *entry)
{
  ObProjectDataset *dataset = g_hash_table_lookup (collect->names, entry);

  if (dataset == NULL)
    {
      ObDataset *table = ob_dataset_view_get_dataset (entry->view);

      dataset = ob_project_add_dataset (collect->project, entry->name, table,
                                        ob_dataset_get_source_path (table), entry->sha256);
      g_hash_table_insert (collect->names, entry, dataset);
    }
  return dataset->name;
}

static void
collect_analysis (ObWindow       *window,
                  ObWindowEntry  *entry,
                  ObAnalysisPage *page,
                  const char     *title,
                  gpointer        user_data)
{
  Collect *collect = user_data;
  ObProjectAnalysis *analysis;

  analysis = ob_project_add_analysis (collect->project, title, ob_analysis_page_get_kind (page),
                                      dataset_name (collect, entry));
  json_object_unref (analysis->settings);
  analysis->settings = ob_analysis_page_save_settings (page);
  ob_analysis_page_get_figure_size (page, &analysis->width_mm, &analysis->height_mm,
                                    &analysis->dpi);
}

ObProject *
ob_project_io_collect (ObWindow *window)
{
  ObWindow *self = window;
  Collect collect;

  g_return_val_if_fail (OB_IS_WINDOW (window), NULL);

  collect.project = ob_project_new ();
  collect.names = g_hash_table_new (NULL, NULL);
  /* Datasets in the sidebar's order, with or without analyses. */
  for (guint i = 0; i < self->entries->len; i++)
    dataset_name (&collect, g_ptr_array_index (self->entries, i));
  ob_window_foreach_analysis (self, collect_analysis, &collect);

  for (guint i = 0; self->kept_analyses != NULL && i < self->kept_analyses->len; i++)
    {
      const ObProjectAnalysis *kept = g_ptr_array_index (self->kept_analyses, i);
      ObProjectAnalysis *analysis;

      /* Its dataset may have been closed since; the analysis goes with it. */
      if (ob_project_find_dataset (collect.project, kept->dataset) == NULL)
        continue;
      analysis = ob_project_add_analysis (collect.project, kept->name, kept->kind,
                                          kept->dataset);
      json_object_unref (analysis->settings);
      analysis->settings = json_object_ref (kept->settings);
      analysis->width_mm = kept->width_mm;
      analysis->height_mm = kept->height_mm;
      analysis->dpi = kept->dpi;
      g_free (analysis->format);
      analysis->format = g_strdup (kept->format);
    }
  g_hash_table_unref (collect.names);
  return collect.project;
}

static void
keep_analysis (ObWindow                *self,
               const ObProjectAnalysis *analysis)
{
  if (self->kept_analyses == NULL)
    self->kept_analyses =
      g_ptr_array_new_with_free_func ((GDestroyNotify) ob_project_analysis_free);
  g_ptr_array_add (self->kept_analyses, ob_project_analysis_copy (analysis));
}

char *
ob_project_io_restore (ObWindow  *window,
                       ObProject *project)
{
  ObWindow *self = window;
  g_autoptr(GHashTable) entries = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GString) problems = g_string_new (NULL);
  GtkListBoxRow *first = NULL;

  g_return_val_if_fail (OB_IS_WINDOW (window), NULL);
  g_return_val_if_fail (project != NULL, NULL);

  for (guint i = 0; i < project->datasets->len; i++)
    {
      ObProjectDataset *d = g_ptr_array_index (project->datasets, i);
      ObWindowEntry *entry;

      if (d->source_path != NULL && ob_dataset_get_source_path (d->dataset) == NULL)
        ob_dataset_set_source_path (d->dataset, d->source_path);
      entry = ob_window_add_dataset (self, d->name,
                                     d->source_path != NULL ? d->source_path : d->name,
                                     d->sha256, d->dataset);
      g_hash_table_insert (entries, d->name, entry);
      if (first == NULL)
        first = entry->row;
    }

  for (guint i = 0; i < project->analyses->len; i++)
    {
      ObProjectAnalysis *a = g_ptr_array_index (project->analyses, i);
      ObWindowEntry *entry = g_hash_table_lookup (entries, a->dataset);
      const ObAnalysisKind *kind = ob_analysis_kind_lookup (a->kind);
      g_autoptr(GError) error = NULL;
      GtkWidget *page;

      if (entry == NULL)
        continue;
      if (kind == NULL)
        {
          keep_analysis (self, a);
          g_string_append_printf (problems, _("“%s”: this version cannot show %s analyses; "
                                              "it is kept in the project unchanged."),
                                  a->name, a->kind);
          g_string_append_c (problems, '\n');
          continue;
        }
      page = kind->new_page (ob_dataset_view_get_dataset (entry->view));
      g_object_ref_sink (page);
      if (!ob_analysis_page_load_settings (OB_ANALYSIS_PAGE (page), a->settings, &error))
        {
          keep_analysis (self, a);
          g_string_append_printf (problems, _("“%s”: %s; it is kept in the project unchanged."),
                                  a->name, error->message);
          g_string_append_c (problems, '\n');
          g_object_unref (page);
          continue;
        }
      ob_analysis_page_set_figure_size (OB_ANALYSIS_PAGE (page), a->width_mm, a->height_mm,
                                        a->dpi);
      ob_window_add_analysis (self, entry, page, a->name, kind->icon_name);
      g_object_unref (page);
    }

  if (first != NULL)
    gtk_list_box_select_row (self->sidebar_list, first);
  if (problems->len == 0)
    return NULL;
  g_string_truncate (problems, problems->len - 1);
  return g_string_free (g_steal_pointer (&problems), FALSE);
}

typedef struct
{
  ObProject *project;
  char *path;
} SaveData;

static void
save_data_free (gpointer data)
{
  SaveData *save = data;

  ob_project_free (save->project);
  g_free (save->path);
  g_free (save);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *save = task_data;
  GError *error = NULL;

  if (ob_project_save (save->project, save->path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
ob_project_io_save_async (ObProject           *project,
                          const char          *path,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  SaveData *save = g_new0 (SaveData, 1);

  save->project = project;
  save->path = g_strdup (path);
  g_task_set_task_data (task, save, save_data_free);
  g_task_set_name (task, "[oncobench] save project");
  g_task_run_in_thread (task, save_thread);
}

gboolean
ob_project_io_save_finish (GAsyncResult  *result,
                           GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  ObProject *project = ob_project_load (task_data, &error);

  if (project == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, project, (GDestroyNotify) ob_project_free);
}

void
ob_project_io_load_async (const char          *path,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_set_name (task, "[oncobench] read project");
  g_task_run_in_thread (task, load_thread);
}

ObProject *
ob_project_io_load_finish (GAsyncResult  *result,
                           GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}
