/* test-plate-grid.c — plate-reader grids and plate maps into the long form
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-test"

#include "config.h"

#include <math.h>
#include <string.h>

#include "ob-csv-reader.h"
#include "ob-plate-grid.h"
#include "../fuzz/fuzz-plate-grid.h"

static char *
sample_path (const char *file)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "samples", file, NULL);
}

static GBytes *
text_bytes (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

/* A header and rows A–H of twelve values each, tab-separated, with one cell replaced. */
static char *
make_grid (const char *sep, guint bad_row, guint bad_col, const char *bad)
{
  GString *s = g_string_new ("Reader\n");

  for (guint c = 1; c <= 12; c++)
    g_string_append_printf (s, "%s%u", sep, c);
  g_string_append_c (s, '\n');
  for (guint r = 0; r < 8; r++)
    {
      g_string_append_c (s, (char) ('A' + r));
      for (guint c = 0; c < 12; c++)
        {
          g_string_append (s, sep);
          if (r == bad_row && c == bad_col)
            g_string_append (s, bad);
          else
            g_string_append_printf (s, "0.%u%02u", r + 1, c + 1);
        }
      g_string_append_c (s, '\n');
    }
  return g_string_free (s, FALSE);
}

static GPtrArray *
analyse (ObDataset *dataset)
{
  g_autoptr(GError) error = NULL;
  ObAssayColumns columns = { 0 };
  ObAssaySettings settings;
  GPtrArray *plates;

  ob_assay_settings_init (&settings);
  plates = ob_assay_analyse (dataset, &columns, NULL, &settings, &error);
  g_assert_no_error (error);
  return plates;
}

/* The shipped grid and map give exactly the analysis of the long form, which is checked
 * against R elsewhere (tests/reference/elisa-cli.R). */
static void
test_sample_plate (void)
{
  g_autofree char *grid_path = sample_path ("elisa-plate-grid.txt");
  g_autofree char *map_path = sample_path ("elisa-plate-map.txt");
  g_autofree char *long_path = sample_path ("elisa-plate.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(ObPlateGrid) grid = ob_plate_grid_read_file (grid_path, &error);
  g_autoptr(ObPlateMap) map = NULL;
  g_autoptr(ObDataset) from_grid = NULL;
  g_autoptr(ObDataset) from_long = NULL;
  g_autoptr(GPtrArray) a = NULL;
  g_autoptr(GPtrArray) b = NULL;
  ObAssayPlate *pa, *pb;
  const ObPlateBlock *block;

  g_assert_no_error (error);
  g_assert_cmpuint (grid->blocks->len, ==, 2);
  block = g_ptr_array_index (grid->blocks, 0);
  g_assert_cmpstr (block->label, ==, "Read 1:450");
  g_assert_cmpuint (block->line, ==, 9);
  g_assert_cmpfloat (block->values[0], ==, 2.321);
  g_assert_cmpfloat (block->values[7 * 12 + 3], ==, 1.202);
  block = g_ptr_array_index (grid->blocks, 1);
  g_assert_cmpstr (block->label, ==, "Read 2:570");

  map = ob_plate_map_read_file (map_path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (map->cells[0].kind, ==, OB_ASSAY_WELL_STANDARD);
  g_assert_cmpfloat (map->cells[0].conc, ==, 1000);
  g_assert_cmpfloat (map->cells[1].conc, ==, 1000);   /* "S1" takes S1-1000's */
  g_assert_cmpint (map->cells[2].kind, ==, OB_ASSAY_WELL_BLANK);
  g_assert_cmpint (map->cells[6 * 12 + 2].kind, ==, OB_ASSAY_WELL_SAMPLE);
  g_assert_cmpstr (map->cells[6 * 12 + 2].id, ==, "A925L LMC-AR");
  g_assert_cmpfloat (map->cells[6 * 12 + 2].dilution, ==, 4);
  g_assert_cmpstr (map->cells[6 * 12 + 2].group, ==, "alectinib-resistant");
  g_assert_cmpint (map->cells[4].kind, ==, OB_ASSAY_WELL_UNKNOWN);

  from_grid = ob_plate_grid_to_dataset (grid, 1, map, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ob_dataset_get_n_rows (from_grid), ==, 32);
  g_assert_cmpint (ob_dataset_find_column (from_grid, "plate"), ==, -1);
  from_long = ob_csv_read_file (long_path, NULL, &error);
  g_assert_no_error (error);

  a = analyse (from_grid);
  b = analyse (from_long);
  pa = g_ptr_array_index (a, 0);
  pb = g_ptr_array_index (b, 0);
  for (guint j = 0; j < pa->fit->n_params; j++)
    g_assert_cmpfloat (pa->fit->params[j], ==, pb->fit->params[j]);
  g_assert_cmpfloat (pa->blank, ==, pb->blank);
  g_assert_cmpfloat (pa->lloq, ==, pb->lloq);
  g_assert_cmpuint (pa->samples->len, ==, pb->samples->len);
  for (guint i = 0; i < pa->samples->len; i++)
    {
      ObAssaySample *x = g_ptr_array_index (pa->samples, i), *y = g_ptr_array_index (pb->samples, i);

      g_assert_cmpstr (x->id, ==, y->id);
      g_assert_cmpstr (x->group, ==, y->group);
      g_assert_cmpfloat (x->dilution, ==, y->dilution);
      g_assert_true (x->conc == y->conc || (isnan (x->conc) && isnan (y->conc)));
    }
  /* The map's wells keep their plate positions for the plate drawing. */
  g_assert_cmpint (g_array_index (pa->wells, ObAssayWell, 0).plate_row, >=, 0);
}

/* Every block as a plate of its own: a plate column named after the blocks' labels. */
static void
test_all_blocks (void)
{
  g_autofree char *grid_path = sample_path ("elisa-plate-grid.txt");
  g_autofree char *map_path = sample_path ("elisa-plate-map.txt");
  g_autoptr(GError) error = NULL;
  g_autoptr(ObPlateGrid) grid = ob_plate_grid_read_file (grid_path, &error);
  g_autoptr(ObPlateMap) map = ob_plate_map_read_file (map_path, &error);
  g_autoptr(ObDataset) all = NULL;
  g_autoptr(ObDataset) none = NULL;
  g_autofree char *message = NULL;
  int plate;

  g_assert_no_error (error);
  all = ob_plate_grid_to_dataset (grid, 0, map, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ob_dataset_get_n_rows (all), ==, 64);
  plate = ob_dataset_find_column (all, "plate");
  g_assert_cmpint (plate, >=, 0);
  g_assert_cmpstr (ob_column_get_string (ob_dataset_get_column (all, (guint) plate), 63), ==,
                   "Read 2:570");
  none = ob_plate_grid_to_dataset (grid, 3, map, &error);
  g_assert_null (none);
  g_assert_error (error, OB_ERROR, OB_ERROR_INVALID_ARG);
  message = g_strdup_printf ("%s has 2 plates; there is no plate 3", grid_path);
  g_assert_cmpstr (error->message, ==, message);
}

/* Semicolons with decimal commas, as a German reader writes; the corner cell as label. */
static void
test_semicolons (void)
{
  g_autofree char *grid_text = make_grid (";", 1, 4, "1,25");
  g_autofree char *text = g_strconcat ("Reader\nX", grid_text + strlen ("Reader\n"), NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ObPlateGrid) grid = NULL;
  const ObPlateBlock *block;

  bytes = text_bytes (text);
  grid = ob_plate_grid_parse (bytes, "de.csv", &error);
  g_assert_no_error (error);
  block = g_ptr_array_index (grid->blocks, 0);
  g_assert_cmpstr (block->label, ==, "X");
  g_assert_cmpfloat (block->values[1 * 12 + 4], ==, 1.25);
  g_assert_cmpfloat (block->values[0], ==, 0.101);
  g_assert_cmpuint (block->columns[1 * 12 + 4], ==, 2 + 4 * 6 + 1);
}

static void
assert_grid_error (const char *text, const char *message)
{
  g_autoptr(GBytes) bytes = text_bytes (text);
  g_autoptr(GError) error = NULL;
  g_autoptr(ObPlateGrid) grid = ob_plate_grid_parse (bytes, "plate.txt", &error);

  g_assert_null (grid);
  g_assert_error (error, OB_ERROR, OB_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_malformed_grids (void)
{
  g_autofree char *word = make_grid ("\t", 2, 4, "abc");
  g_autofree char *overflow = make_grid ("\t", 2, 4, "OVRFLW");
  g_autofree char *short_row = make_grid (",", 7, 0, "0.5");
  g_autofree char *cut = make_grid (",", 0, 0, "0.5");
  g_autofree char *wrong_row = make_grid (",", 0, 0, "0.5");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ObPlateGrid) grid = NULL;
  char *p;

  assert_grid_error ("", "plate.txt:1:1: no plate found: expected a row of column numbers 1 to "
                         "12 with rows A to H under it, each led by its letter");
  assert_grid_error ("a,b\n1,2,3\n", "plate.txt:1:1: no plate found: expected a row of column "
                                     "numbers 1 to 12 with rows A to H under it, each led by "
                                     "its letter");
  /* Line 5 is row C: "C", then cells of five characters after a tab each. */
  assert_grid_error (word, "plate.txt:5:27: “abc” in well C5 is not a number");

  /* A saturated well is no response, not an error. */
  bytes = text_bytes (overflow);
  grid = ob_plate_grid_parse (bytes, "plate.txt", &error);
  g_assert_no_error (error);
  g_assert_true (isnan (((ObPlateBlock *) g_ptr_array_index (grid->blocks, 0))->values[28]));

  /* Row B loses its last cell: the message points just past the line's end. */
  p = strstr (short_row, ",0.212\n");
  memmove (p, p + 6, strlen (p + 6) + 1);
  assert_grid_error (short_row, "plate.txt:4:68: row B has 11 wells; a plate row has 12");

  /* The file stops after row C. */
  p = strstr (cut, "\nD");
  p[1] = '\0';
  assert_grid_error (cut, "plate.txt:6:1: the plate under the header on line 2 ends after row "
                          "C; rows A to H are needed");

  p = strstr (wrong_row, "\nE");
  p[1] = 'Q';
  assert_grid_error (wrong_row, "plate.txt:7:1: expected row E of the plate whose header is on "
                                "line 2, found “Q”");
}

static void
assert_map_error (const char *layout_row_a, const char *message)
{
  g_autoptr(GString) s = g_string_new (",1,2,3,4,5,6,7,8,9,10,11,12\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ObPlateMap) map = NULL;

  g_string_append_printf (s, "A,%s\n", layout_row_a);
  for (char r = 'B'; r <= 'H'; r++)
    g_string_append_printf (s, "%c,,,,,,,,,,,,\n", r);
  bytes = text_bytes (s->str);
  map = ob_plate_map_parse (bytes, "map.csv", &error);
  if (message == NULL)
    {
      g_assert_no_error (error);
      return;
    }
  g_assert_null (map);
  g_assert_error (error, OB_ERROR, OB_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_malformed_maps (void)
{
  assert_map_error ("S1-100,S1,S2-50,S2,B,U1 x2,QC1,,,,,", NULL);
  assert_map_error ("S1,S1,,,,,,,,,,", "map.csv:2:3: standard S1 has no concentration: write "
                                       "it in one of its wells, as S1-100");
  assert_map_error ("S1-100,S1-200,,,,,,,,,,", "map.csv:2:10: S1 is at 200 here but at 100 on "
                                               "line 2, column 3");
  assert_map_error ("S1-abc,,,,,,,,,,,", "map.csv:2:3: “S1-abc”: the concentration after - must "
                                         "be a number ≥ 0, as in S1-500");
  assert_map_error ("U1 x0,,,,,,,,,,,", "map.csv:2:3: “U1 x0”: a dilution is a positive factor, "
                                        "as in U7 x4");
}

/* A 384-well grid against a 96-well map. */
static void
test_shape_mismatch (void)
{
  g_autoptr(GString) s = g_string_new ("");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ObPlateGrid) grid = NULL;
  g_autoptr(ObPlateMap) map = NULL;
  g_autoptr(ObDataset) dataset = NULL;
  g_autofree char *map_path = sample_path ("elisa-plate-map.txt");

  for (guint c = 1; c <= 24; c++)
    g_string_append_printf (s, "\t%u", c);
  g_string_append_c (s, '\n');
  for (guint r = 0; r < 16; r++)
    {
      g_string_append_c (s, (char) ('A' + r));
      for (guint c = 0; c < 24; c++)
        g_string_append (s, "\t0.1");
      g_string_append_c (s, '\n');
    }
  bytes = text_bytes (s->str);
  grid = ob_plate_grid_parse (bytes, "384.txt", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (((ObPlateBlock *) g_ptr_array_index (grid->blocks, 0))->rows, ==, 16);
  map = ob_plate_map_read_file (map_path, &error);
  g_assert_no_error (error);
  dataset = ob_plate_grid_to_dataset (grid, 1, map, &error);
  g_assert_null (dataset);
  g_assert_error (error, OB_ERROR, OB_ERROR_INVALID_ARG);
  g_assert_cmpstr (error->message, ==, "384.txt:1:1: this plate is 16 × 24 wells but the map is "
                                       "8 × 12");
}

/* The fuzzer's seeds and every reproducer it found go through what the harness runs. */
static void
test_fuzz_inputs (void)
{
  const char *dirs[] = { "corpus/plate-grid", "regressions" };

  for (guint d = 0; d < G_N_ELEMENTS (dirs); d++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fuzz", dirs[d], NULL);
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;
      guint n = 0;

      if (dir == NULL)
        continue;
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *file = g_build_filename (path, name, NULL);
          g_autoptr(GMappedFile) mapped = NULL;
          g_autoptr(GBytes) bytes = NULL;

          if (d == 1 && !g_str_has_prefix (name, "plate-grid-"))
            continue;
          mapped = g_mapped_file_new (file, FALSE, NULL);
          g_assert_nonnull (mapped);
          bytes = g_mapped_file_get_bytes (mapped);
          ob_fuzz_plate_grid (bytes);
          n++;
        }
      if (d == 0)
        g_assert_cmpuint (n, >=, 3);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/plate-grid/sample-plate", test_sample_plate);
  g_test_add_func ("/core/plate-grid/all-blocks", test_all_blocks);
  g_test_add_func ("/core/plate-grid/semicolons", test_semicolons);
  g_test_add_func ("/core/plate-grid/malformed-grids", test_malformed_grids);
  g_test_add_func ("/core/plate-grid/malformed-maps", test_malformed_maps);
  g_test_add_func ("/core/plate-grid/shape-mismatch", test_shape_mismatch);
  g_test_add_func ("/core/plate-grid/fuzz-inputs", test_fuzz_inputs);
  return g_test_run ();
}
