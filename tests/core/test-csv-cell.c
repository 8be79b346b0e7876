/* test-csv-cell.c — reading single cells: numbers, dates, kinds, level order, UTF-8
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-test"

#include "config.h"

#include <math.h>
#include <string.h>

#include "ob-csv-cell.h"
#include "ob-encoding.h"

static double
days_since_1970 (int year,
                 int month,
                 int day)
{
  g_autoptr(GDate) epoch = g_date_new_dmy (1, G_DATE_JANUARY, 1970);
  g_autoptr(GDate) date = g_date_new_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);

  return (double) g_date_days_between (epoch, date);
}

/* The ASCII fast path must accept and reject exactly what GLib does, at the same byte. */
static void
test_validate_utf8 (void)
{
  static const char *const pieces[] = { "a", "1,2", "\n", "é", "患者", "😀", "\xed\xa0\x80",
                                        "\xf4\x90\x80\x80", "\xc0\x80", "\xe6\x82", "\xff",
                                        "\x80", "\x00", "abcdefgh", "\xef\xbf\xbf" };
  GRand *rand = g_rand_new_with_seed (42);

  for (guint trial = 0; trial < 20000; trial++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      guint n = (guint) g_rand_int_range (rand, 0, 12);
      const char *ours = NULL, *glib = NULL;
      gboolean ok_ours, ok_glib;

      for (guint k = 0; k < n; k++)
        {
          const char *piece = pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))];

          /* Mostly valid pieces, so that the invalid ones land at every offset. */
          if ((guchar) piece[0] >= 0x80 && g_rand_int_range (rand, 0, 3) != 0)
            piece = "xy";
          g_string_append_len (text, piece, piece[0] == '\0' ? 1 : (gssize) strlen (piece));
        }
      ok_ours = ob_encoding_validate_utf8 (text->str, text->len, &ours);
      ok_glib = g_utf8_validate_len (text->str, text->len, &glib);
      g_assert_cmpint (ok_ours, ==, ok_glib);
      g_assert_true (ours == glib);
    }
  g_rand_free (rand);
}

/* The fast decimal path must give the very double g_ascii_strtod gives. */
static void
test_cell_numbers (void)
{
  static const char *const cases[] = {
    "0", "-0", "1", "+7", "0.1", ".5", "5.", "-2.5e-1", "1e3", "1E+03", "123456789012345",
    "1234567890123456789", "0.000001234", "3.141592653589793", "2.718281828459045235",
    "1e-300", "9007199254740993", "0.30000000000000004", "1e22", "1e23",
  };
  static const char *const not_numbers[] = { "", "-", ".", "e5", "1e", "1.2.3", "1,5", "12 mg",
                                             "0x10", "1-2", "--1", " 1" };
  GRand *rand = g_rand_new_with_seed (20261123);
  double value;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_true (ob_csv_parse_number (cases[i], strlen (cases[i]), '.', &value));
      g_assert_cmpfloat (value, ==, g_ascii_strtod (cases[i], NULL));
    }
  for (guint i = 0; i < G_N_ELEMENTS (not_numbers); i++)
    g_assert_false (ob_csv_parse_number (not_numbers[i], strlen (not_numbers[i]), '.', &value));
  g_assert_true (ob_csv_parse_number ("1,5", 3, ',', &value));
  g_assert_cmpfloat (value, ==, 1.5);

  for (guint i = 0; i < 100000; i++)
    {
      char buffer[64];

      g_snprintf (buffer, sizeof buffer, "%.*f", g_rand_int_range (rand, 0, 9),
                  g_rand_double_range (rand, -1e6, 1e6));
      g_assert_true (ob_csv_parse_number (buffer, strlen (buffer), '.', &value));
      g_assert_cmpfloat (value, ==, g_ascii_strtod (buffer, NULL));
    }
  g_rand_free (rand);
}

static void
test_cell_kinds (void)
{
  double value;

  g_assert_cmpint (ob_csv_classify_cell ("NA", 2, '.', &value), ==, OB_CSV_CELL_MISSING);
  g_assert_cmpint (ob_csv_classify_cell ("#N/A", 4, '.', &value), ==, OB_CSV_CELL_MISSING);
  g_assert_cmpint (ob_csv_classify_cell ("na", 2, '.', &value), ==, OB_CSV_CELL_OTHER);
  g_assert_cmpint (ob_csv_classify_cell ("1970-01-02", 10, '.', &value), ==, OB_CSV_CELL_DATE);
  g_assert_cmpfloat (value, ==, 1);
  g_assert_cmpint (ob_csv_classify_cell ("1969/12/31", 10, '.', &value), ==, OB_CSV_CELL_DATE);
  g_assert_cmpfloat (value, ==, -1);
  g_assert_cmpint (ob_csv_classify_cell ("2024-02-29", 10, '.', &value), ==, OB_CSV_CELL_DATE);
  g_assert_cmpfloat (value, ==, days_since_1970 (2024, 2, 29));
  g_assert_cmpint (ob_csv_classify_cell ("2023-02-29", 10, '.', &value), ==, OB_CSV_CELL_OTHER);
  g_assert_cmpint (ob_csv_classify_cell ("2023-02/01", 10, '.', &value), ==, OB_CSV_CELL_OTHER);
  g_assert_cmpint (ob_csv_classify_cell ("1,234.5", 7, '.', &value), ==, OB_CSV_CELL_THOUSANDS);
  g_assert_cmpfloat (value, ==, 1234.5);
  g_assert_cmpint (ob_csv_classify_cell ("1.234,5", 7, ',', &value), ==, OB_CSV_CELL_THOUSANDS);
  g_assert_cmpfloat (value, ==, 1234.5);
  g_assert_cmpint (ob_csv_classify_cell ("12,34", 5, '.', &value), ==, OB_CSV_CELL_OTHER);
  g_assert_cmpint (ob_csv_classify_cell ("5%", 2, '.', &value), ==, OB_CSV_CELL_UNITS);
  g_assert_cmpfloat (value, ==, 5);
  g_assert_cmpint (ob_csv_classify_cell ("3.2 mg/kg", 9, '.', &value), ==, OB_CSV_CELL_UNITS);
  g_assert_cmpfloat (value, ==, 3.2);
  g_assert_cmpint (ob_csv_classify_cell ("3a", 2, '.', &value), ==, OB_CSV_CELL_OTHER);
  g_assert_cmpint (ob_csv_classify_cell ("T2", 2, '.', &value), ==, OB_CSV_CELL_OTHER);
}

static void
test_level_order (void)
{
  const char *sorted[] = { "-3", "2", "10", "10.5", "", "A", "B", "a", "dose 2", "dose 010",
                           "dose 10", "女", "男" };

  for (guint i = 0; i < G_N_ELEMENTS (sorted); i++)
    for (guint j = 0; j < G_N_ELEMENTS (sorted); j++)
      {
        int cmp = ob_csv_compare_levels (sorted[i], sorted[j]);

        if (i < j)
          g_assert_cmpint (cmp, <, 0);
        else if (i > j)
          g_assert_cmpint (cmp, >, 0);
        else
          g_assert_cmpint (cmp, ==, 0);
      }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/csv/encoding/validate-utf8", test_validate_utf8);
  g_test_add_func ("/core/csv/cell/numbers", test_cell_numbers);
  g_test_add_func ("/core/csv/cell/kinds", test_cell_kinds);
  g_test_add_func ("/core/csv/cell/level-order", test_level_order);

  return g_test_run ();
}
