/* ob-plate-grid.h — plate-reader exports (grids of responses) and plate maps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "ob-dataset.h"
#include "ob-standard-curve.h"

G_BEGIN_DECLS

/* A plate reader writes each read as a block: a header row with the column numbers 1 … 12
 * (1 … 24 for 384 wells) and under it one row per plate row, led by its letter A … H (A … P).
 * Cells are separated by tabs, commas or semicolons (a decimal comma is read with tabs and
 * semicolons); any other lines around the blocks (instrument, protocol, date) are skipped.
 * The label of a block is the text in its header's first cell, or else the last line of
 * text above it ("Plate 2", "450 nm"). */
typedef struct
{
  guint rows;
  guint cols;
  double *values;         /* rows × cols by rows; NAN for an empty cell or an overflow */
  char **text;            /* the same cells as text (NULL when empty), for plate maps */
  guint *lines;           /* where each cell is in the file, 1-based, for messages */
  guint *columns;
  char *label;            /* NULL when none */
  guint line;             /* of the header row, 1-based */
} ObPlateBlock;

typedef struct
{
  char *name;             /* the file, as messages name it */
  GPtrArray *blocks;      /* ObPlateBlock * */
} ObPlateGrid;

/* Errors are OB_ERROR_PARSE (or OB_ERROR_ENCODING) with "NAME:LINE:COLUMN: …". */
ObPlateGrid *ob_plate_grid_parse     (GBytes      *bytes,
                                      const char  *display_name,
                                      GError     **error);
ObPlateGrid *ob_plate_grid_read_file (const char  *path,
                                      GError     **error);
void         ob_plate_grid_free      (ObPlateGrid *grid);

/* A plate map says what is in each well, in a block of the same shape:
 *   empty, "-" or "."      an unused well
 *   "B", "B2", "Blank"     a blank
 *   "S3-250", "S3=250"     standard S3 at 250 (any unit); its replicates may say just "S3"
 *   "QC1", "QC-high"       a control, analysed as a sample
 *   anything else          a sample named by the cell; "U7 x4" is U7 diluted 4-fold
 * A block labelled "group" (or "groups") in the same file names each sample's group. */
typedef struct
{
  ObAssayWellKind kind;   /* OB_ASSAY_WELL_UNKNOWN for an unused well */
  char *id;
  double conc;            /* standards; NAN otherwise */
  double dilution;        /* 1 unless the cell says */
  char *group;            /* NULL when none */
} ObPlateMapCell;

typedef struct
{
  guint rows;
  guint cols;
  ObPlateMapCell *cells;  /* rows × cols by rows */
} ObPlateMap;

ObPlateMap  *ob_plate_map_parse      (GBytes      *bytes,
                                      const char  *display_name,
                                      GError     **error);
ObPlateMap  *ob_plate_map_read_file  (const char  *path,
                                      GError     **error);
void         ob_plate_map_free       (ObPlateMap *map);

/* The long form ob_assay_analyse() reads: one row per well the map uses, with columns well,
 * sample, type, conc, response, dilution, group, and plate (the block's label or number)
 * when more than one block is taken.  block is 1-based; 0 takes every block as a plate of
 * its own with the same map.  Errors name the blocks' shapes when they differ from the map. */
ObDataset   *ob_plate_grid_to_dataset (const ObPlateGrid *grid,
                                       guint              block,
                                       const ObPlateMap  *map,
                                       GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ObPlateGrid, ob_plate_grid_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ObPlateMap, ob_plate_map_free)

G_END_DECLS
