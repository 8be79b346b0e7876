/* ob-project.h — a saved piece of work: datasets and the analyses made on them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "ob-dataset.h"

G_BEGIN_DECLS

/* The .oncobench format this build writes; it reads this version and older ones. */
#define OB_PROJECT_FORMAT_VERSION 1

typedef struct
{
  char *name;            /* unique within the project */
  ObDataset *dataset;    /* embedded, so the project needs no other file */
  char *source_path;     /* where it was read from, NULL when unknown */
  char *sha256;          /* hex SHA-256 of that file when it was read, NULL when unknown */
} ObProjectDataset;

typedef struct
{
  char *name;            /* unique within the project; also names its figure files */
  char *kind;            /* "survival" */
  char *dataset;         /* name of an ObProjectDataset */
  /* Settings as the command line spells them, member = option without "--": a string, an
   * array of strings (repeatable options such as where), a number, or true for a switch. */
  JsonObject *settings;
  /* Figure style. */
  double width_mm;
  double height_mm;
  double dpi;
  char *format;          /* "pdf", "svg", "eps", "png" */
} ObProjectAnalysis;

typedef struct
{
  GPtrArray *datasets;   /* ObProjectDataset * */
  GPtrArray *analyses;   /* ObProjectAnalysis * */
} ObProject;

ObProject          *ob_project_new              (void);
void                ob_project_free             (ObProject *self);

/* Adds a reference to dataset under name, made unique ("lung", "lung 2", …). */
ObProjectDataset   *ob_project_add_dataset      (ObProject  *self,
                                                 const char *name,
                                                 ObDataset  *dataset,
                                                 const char *source_path,
                                                 const char *sha256);
ObProjectDataset   *ob_project_find_dataset     (const ObProject *self,
                                                 const char      *name);
/* A dataset read from the same file with the same checksum, if the project holds one. */
ObProjectDataset   *ob_project_find_source      (const ObProject *self,
                                                 const char      *source_path,
                                                 const char      *sha256);

/* Adds an analysis with empty settings and the default figure style; its name is made
 * unique ("Survival", "Survival 2", …). */
ObProjectAnalysis  *ob_project_add_analysis     (ObProject  *self,
                                                 const char *name,
                                                 const char *kind,
                                                 const char *dataset);

/* Writes the whole project to path atomically: a temporary file in the same directory,
 * flushed to disk, then renamed over path, so a failure leaves the previous file intact. */
gboolean            ob_project_save             (const ObProject  *self,
                                                 const char       *path,
                                                 GError          **error);
/* Reads only path.  A newer format gives OB_ERROR_VERSION, a damaged file OB_ERROR_PARSE. */
ObProject          *ob_project_load             (const char  *path,
                                                 GError     **error);

/* Hex SHA-256 of a file's bytes, read in blocks. */
char               *ob_project_file_sha256      (const char  *path,
                                                 GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ObProject, ob_project_free)

G_END_DECLS
