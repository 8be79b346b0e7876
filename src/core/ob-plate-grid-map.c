/* ob-plate-grid-map.c — plate maps, and a read plate turned into the long form
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-core"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "ob-plate-grid.h"
#include "ob-plate-grid-private.h"

void
ob_plate_map_free (ObPlateMap *map)
{
  if (map == NULL)
    return;
  for (guint i = 0; i < map->rows * map->cols; i++)
    {
      g_free (map->cells[i].id);
      g_free (map->cells[i].group);
    }
  g_free (map->cells);
  g_free (map);
}

static gboolean
is_group_block (const ObPlateBlock *block)
{
  return block->label != NULL && (g_ascii_strcasecmp (block->label, "group") == 0
                                  || g_ascii_strcasecmp (block->label, "groups") == 0);
}

static gboolean
all_digits (const char *s)
{
  if (*s == '\0')
    return FALSE;
  for (; *s != '\0'; s++)
    if (!g_ascii_isdigit (*s))
      return FALSE;
  return TRUE;
}

/* "U7 x4" → "U7" diluted 4-fold.  FALSE for a suffix that is no positive number. */
static gboolean
split_dilution (char *id, double *dilution)
{
  char *x = strrchr (id, ' ');

  *dilution = 1.0;
  if (x == NULL || (x[1] != 'x' && x[1] != 'X') || x[2] == '\0')
    return TRUE;
  if (!ob_plate_grid_parse_number (x + 2, ',', dilution))
    {
      *dilution = 1.0;
      return TRUE;    /* "Sample x ray": a name, not a dilution */
    }
  if (!(*dilution > 0))
    return FALSE;
  *x = '\0';
  g_strchomp (id);
  return TRUE;
}

static gboolean
map_error (GError           **error,
           const char        *name,
           const ObPlateBlock *block,
           guint              k,
           const char        *what)
{
  g_set_error (error, OB_ERROR, OB_ERROR_PARSE, "%s:%u:%u: %s", name, block->lines[k],
               block->columns[k], what);
  return FALSE;
}

static gboolean
parse_cell (const char        *name,
            const ObPlateBlock *block,
            guint              k,
            ObPlateMapCell    *cell,
            GError           **error)
{
  const char *t = block->text[k];
  const char *dash;

  cell->conc = NAN;
  cell->dilution = 1.0;
  cell->kind = OB_ASSAY_WELL_UNKNOWN;
  if (t == NULL || strcmp (t, "-") == 0 || strcmp (t, ".") == 0)
    return TRUE;
  if (g_ascii_strcasecmp (t, "blank") == 0 || (t[0] == 'B' && (t[1] == '\0' || all_digits (t + 1))))
    {
      cell->kind = OB_ASSAY_WELL_BLANK;
      cell->id = g_strdup ("blank");
      return TRUE;
    }
  if ((t[0] == 'S' || t[0] == 's') && g_ascii_isdigit (t[1]))
    {
      gsize n = 1;

      while (g_ascii_isdigit (t[n]))
        n++;
      if (t[n] == '\0' || t[n] == '-' || t[n] == '=')
        {
          cell->kind = OB_ASSAY_WELL_STANDARD;
          cell->id = g_strndup (t, n);
          cell->id[0] = 'S';
          if (t[n] != '\0' && (!ob_plate_grid_parse_number (t + n + 1, ',', &cell->conc)
                               || cell->conc < 0 || t[n + 1] == '\0'))
            {
              g_autofree char *what = g_strdup_printf (_("“%s”: the concentration after %c "
                                                         "must be a number ≥ 0, as in S1-500"),
                                                       t, t[n]);

              return map_error (error, name, block, k, what);
            }
          return TRUE;
        }
    }
  dash = t;
  cell->kind = g_ascii_strncasecmp (t, "QC", 2) == 0 ? OB_ASSAY_WELL_CONTROL
                                                     : OB_ASSAY_WELL_SAMPLE;
  cell->id = g_strdup (dash);
  if (!split_dilution (cell->id, &cell->dilution))
    {
      g_autofree char *what = g_strdup_printf (_("“%s”: a dilution is a positive factor, as in "
                                                 "U7 x4"), t);

      return map_error (error, name, block, k, what);
    }
  return TRUE;
}

/* Every replicate of a standard gets the concentration one of its cells states. */
static gboolean
settle_standards (const char        *name,
                  const ObPlateBlock *block,
                  ObPlateMap        *map,
                  GError           **error)
{
  g_autoptr(GHashTable) first = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = map->rows * map->cols;

  for (guint k = 0; k < n; k++)
    {
      ObPlateMapCell *c = &map->cells[k];
      gpointer found;

      if (c->kind != OB_ASSAY_WELL_STANDARD || isnan (c->conc))
        continue;
      if (g_hash_table_lookup_extended (first, c->id, NULL, &found))
        {
          guint j = GPOINTER_TO_UINT (found);

          if (map->cells[j].conc != c->conc)
            {
              g_autofree char *what =
                g_strdup_printf (_("%s is at %g here but at %g on line %u, column %u"), c->id,
                                 c->conc, map->cells[j].conc, block->lines[j], block->columns[j]);

              return map_error (error, name, block, k, what);
            }
          continue;
        }
      g_hash_table_insert (first, c->id, GUINT_TO_POINTER (k));
    }
  for (guint k = 0; k < n; k++)
    {
      ObPlateMapCell *c = &map->cells[k];
      gpointer found;

      if (c->kind != OB_ASSAY_WELL_STANDARD || !isnan (c->conc))
        continue;
      if (!g_hash_table_lookup_extended (first, c->id, NULL, &found))
        {
          g_autofree char *what = g_strdup_printf (_("standard %s has no concentration: write "
                                                     "it in one of its wells, as %s-100"),
                                                   c->id, c->id);

          return map_error (error, name, block, k, what);
        }
      c->conc = map->cells[GPOINTER_TO_UINT (found)].conc;
    }
  return TRUE;
}

ObPlateMap *
ob_plate_map_parse (GBytes      *bytes,
                    const char  *display_name,
                    GError     **error)
{
  g_autoptr(ObPlateGrid) grid = ob_plate_grid_parse_full (bytes, display_name, FALSE, error);
  g_autoptr(ObPlateMap) map = NULL;
  const ObPlateBlock *layout = NULL, *groups = NULL;

  if (grid == NULL)
    return NULL;
  for (guint i = 0; i < grid->blocks->len; i++)
    {
      const ObPlateBlock *b = g_ptr_array_index (grid->blocks, i);

      if (is_group_block (b) && groups == NULL)
        groups = b;
      else if (!is_group_block (b) && layout == NULL)
        layout = b;
    }
  if (layout == NULL)
    {
      g_set_error (error, OB_ERROR, OB_ERROR_PARSE,
                   _("%s:1:1: the map has groups but no layout: add a block of well contents "
                     "before the one labelled “group”"), display_name);
      return NULL;
    }
  if (groups != NULL && (groups->rows != layout->rows || groups->cols != layout->cols))
    {
      g_set_error (error, OB_ERROR, OB_ERROR_PARSE,
                   _("%s:%u:1: the groups are %u × %u wells but the layout is %u × %u"),
                   display_name, groups->line, groups->rows, groups->cols, layout->rows,
                   layout->cols);
      return NULL;
    }

  map = g_new0 (ObPlateMap, 1);
  map->rows = layout->rows;
  map->cols = layout->cols;
  map->cells = g_new0 (ObPlateMapCell, map->rows * map->cols);
  for (guint k = 0; k < map->rows * map->cols; k++)
    {
      if (!parse_cell (display_name, layout, k, &map->cells[k], error))
        return NULL;
      if (groups != NULL && groups->text[k] != NULL
          && (map->cells[k].kind == OB_ASSAY_WELL_SAMPLE
              || map->cells[k].kind == OB_ASSAY_WELL_CONTROL))
        map->cells[k].group = g_strdup (groups->text[k]);
    }
  if (!settle_standards (display_name, layout, map, error))
    return NULL;
  return g_steal_pointer (&map);
}

ObPlateMap *
ob_plate_map_read_file (const char  *path,
                        GError     **error)
{
  g_autoptr(GBytes) bytes = ob_plate_grid_load (path, error);

  return bytes != NULL ? ob_plate_map_parse (bytes, path, error) : NULL;
}

static const char *
kind_name (ObAssayWellKind kind)
{
  switch (kind)
    {
    case OB_ASSAY_WELL_STANDARD:
      return "standard";
    case OB_ASSAY_WELL_BLANK:
      return "blank";
    case OB_ASSAY_WELL_CONTROL:
      return "control";
    case OB_ASSAY_WELL_SAMPLE:
    case OB_ASSAY_WELL_UNKNOWN:
    default:
      return "sample";
    }
}

ObDataset *
ob_plate_grid_to_dataset (const ObPlateGrid *grid,
                          guint              block,
                          const ObPlateMap  *map,
                          GError           **error)
{
  g_autoptr(ObDataset) dataset = NULL;
  guint first = block == 0 ? 0 : block - 1;
  guint last = block == 0 ? grid->blocks->len : block;
  gsize used = 0, n, row = 0;
  GStringChunk *chunk;
  char **well, **sample, **type, **group, **plate = NULL;
  double *conc, *response, *dilution;

  if (block > grid->blocks->len)
    {
      g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                   g_dngettext (GETTEXT_PACKAGE, "%s has %u plate; there is no plate %u",
                                "%s has %u plates; there is no plate %u", grid->blocks->len),
                   grid->name, grid->blocks->len, block);
      return NULL;
    }
  for (guint b = first; b < last; b++)
    {
      const ObPlateBlock *p = g_ptr_array_index (grid->blocks, b);

      if (p->rows != map->rows || p->cols != map->cols)
        {
          g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                       _("%s:%u:1: this plate is %u × %u wells but the map is %u × %u"),
                       grid->name, p->line, p->rows, p->cols, map->rows, map->cols);
          return NULL;
        }
    }
  for (guint k = 0; k < map->rows * map->cols; k++)
    used += map->cells[k].kind != OB_ASSAY_WELL_UNKNOWN;
  if (used == 0)
    {
      g_set_error_literal (error, OB_ERROR, OB_ERROR_NO_DATA,
                           _("The plate map names no wells"));
      return NULL;
    }

  n = used * (last - first);
  dataset = ob_dataset_new ();
  chunk = ob_dataset_get_string_chunk (dataset);
  ob_dataset_set_n_rows (dataset, n);
  ob_dataset_set_source_path (dataset, grid->name);
  well = g_new0 (char *, n);
  sample = g_new0 (char *, n);
  type = g_new0 (char *, n);
  group = g_new0 (char *, n);
  if (last - first > 1)
    plate = g_new0 (char *, n);
  conc = g_new (double, n);
  response = g_new (double, n);
  dilution = g_new (double, n);
  for (guint b = first; b < last; b++)
    {
      const ObPlateBlock *p = g_ptr_array_index (grid->blocks, b);
      g_autofree char *plate_name = p->label != NULL ? g_strdup (p->label)
                                                     : g_strdup_printf ("%u", b + 1);

      for (guint k = 0; k < map->rows * map->cols; k++)
        {
          const ObPlateMapCell *c = &map->cells[k];
          char name[8];

          if (c->kind == OB_ASSAY_WELL_UNKNOWN)
            continue;
          g_snprintf (name, sizeof name, "%c%u", 'A' + k / map->cols, k % map->cols + 1);
          well[row] = g_string_chunk_insert_const (chunk, name);
          sample[row] = g_string_chunk_insert_const (chunk, c->id);
          type[row] = g_string_chunk_insert_const (chunk, kind_name (c->kind));
          group[row] = c->group != NULL ? g_string_chunk_insert_const (chunk, c->group) : NULL;
          if (plate != NULL)
            plate[row] = g_string_chunk_insert_const (chunk, plate_name);
          conc[row] = c->conc;
          response[row] = p->values[k];
          dilution[row] = c->dilution;
          row++;
        }
    }
  ob_dataset_add_text (dataset, "well", well);
  ob_dataset_add_text (dataset, "sample", sample);
  ob_dataset_add_text (dataset, "type", type);
  ob_dataset_add_numeric (dataset, "conc", conc);
  ob_dataset_add_numeric (dataset, "response", response);
  ob_dataset_add_numeric (dataset, "dilution", dilution);
  ob_dataset_add_text (dataset, "group", group);
  if (plate != NULL)
    ob_dataset_add_text (dataset, "plate", plate);
  return g_steal_pointer (&dataset);
}
