/* test-csv.c — CSV/TSV import: delimiters, quoting, encodings, types and messages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-test"

#include "config.h"

#include <math.h>
#include <string.h>

#include "ob-csv-reader.h"

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "csv", name, NULL);
}

static ObDataset *
read_fixture (const char         *name,
              const ObCsvOptions *options)
{
  g_autofree char *path = fixture (name);
  g_autoptr(GError) error = NULL;
  ObDataset *dataset = ob_csv_read_file (path, options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  return dataset;
}

static void
assert_read_error (const char *name,
                   int         code,
                   const char *message)
{
  g_autofree char *path = fixture (name);
  g_autoptr(GError) error = NULL;
  g_autoptr(ObDataset) dataset = ob_csv_read_file (path, NULL, &error);

  g_assert_null (dataset);
  g_assert_error (error, OB_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
}

static const ObColumn *
column (const ObDataset *dataset,
        const char      *name,
        ObColumnType     type)
{
  const ObColumn *c = ob_dataset_lookup_column (dataset, name);

  g_assert_nonnull (c);
  g_assert_cmpstr (ob_column_type_to_string (c->type), ==, ob_column_type_to_string (type));
  return c;
}

static void
assert_levels (const ObColumn *c,
               const char     *joined)
{
  g_auto(GStrv) expected = g_strsplit (joined, "|", -1);

  g_assert_cmpuint (c->levels->len, ==, g_strv_length (expected));
  for (guint i = 0; i < c->levels->len; i++)
    g_assert_cmpstr (g_ptr_array_index (c->levels, i), ==, expected[i]);
}

static void
assert_warning (const ObDataset *dataset,
                const char      *message)
{
  const GPtrArray *warnings = ob_dataset_get_warnings (dataset);

  for (guint i = 0; i < warnings->len; i++)
    if (g_strcmp0 (g_ptr_array_index (warnings, i), message) == 0)
      return;
  for (guint i = 0; i < warnings->len; i++)
    g_printerr ("warning %u: %s\n", i, (const char *) g_ptr_array_index (warnings, i));
  g_error ("missing warning: %s", message);
}

static double
days_since_1970 (int year,
                 int month,
                 int day)
{
  g_autoptr(GDate) epoch = g_date_new_dmy (1, G_DATE_JANUARY, 1970);
  g_autoptr(GDate) date = g_date_new_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);

  return (double) g_date_days_between (epoch, date);
}

/* Columns as R wrote and summarised them (tests/reference/csv-import.R). */
static void
test_reference (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "reference", "csv-import.csv",
                                                 NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  guint n_checked = 0;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);
  for (guint l = 1; lines[l] != NULL && lines[l][0] != '\0'; l++)
    {
      g_auto(GStrv) f = g_strsplit (lines[l], ",", -1);
      g_autoptr(GHashTable) types = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr(ObDataset) dataset = NULL;
      ObColumnType type;
      const ObColumn *c;
      ObCsvOptions options;

      g_assert_cmpuint (g_strv_length (f), ==, 6);
      ob_csv_options_init (&options);
      /* R's write.csv2 quotes the run numbers of a factor; they are numbers otherwise. */
      g_hash_table_insert (types, "Run", GINT_TO_POINTER (OB_COLUMN_CATEGORICAL + 1));
      options.column_types = types;
      dataset = read_fixture (f[0], strcmp (f[0], "dnase-eu.csv") == 0 ? &options : NULL);
      g_assert_true (ob_column_type_from_string (f[2], &type));
      c = column (dataset, f[1], type);
      g_assert_cmpuint (c->n_missing, ==, g_ascii_strtoull (f[3], NULL, 10));
      if (type == OB_COLUMN_CATEGORICAL)
        assert_levels (c, f[5]);
      else
        {
          double expected = g_ascii_strtod (f[4], NULL);
          double sum = 0;

          for (gsize i = 0; i < ob_dataset_get_n_rows (dataset); i++)
            sum += isnan (c->num[i]) ? 0 : c->num[i];
          g_assert_cmpfloat_with_epsilon (sum, expected, 1e-6 * MAX (1, fabs (expected)));
        }
      if (g_str_has_suffix (f[0], "-eu.csv"))
        g_assert_cmpint (ob_dataset_get_delimiter (dataset), ==, ';');
      /* lung holds whole numbers only: nothing shows which decimal mark it would use. */
      if (strcmp (f[0], "dnase-eu.csv") == 0)
        g_assert_true (ob_dataset_get_decimal_comma (dataset));
      if (strcmp (f[0], "veteran.tsv") == 0)
        g_assert_cmpint (ob_dataset_get_delimiter (dataset), ==, '\t');
      n_checked++;
    }
  g_assert_cmpuint (n_checked, >=, 30);
}

static void
test_types (void)
{
  g_autoptr(ObDataset) dataset = read_fixture ("types.csv", NULL);
  const ObColumn *c;

  g_assert_cmpuint (ob_dataset_get_n_rows (dataset), ==, 6);
  g_assert_cmpuint (ob_dataset_get_n_columns (dataset), ==, 8);

  c = column (dataset, "id", OB_COLUMN_TEXT);
  g_assert_cmpstr (c->text[5], ==, "P06");

  c = column (dataset, "arm", OB_COLUMN_CATEGORICAL);
  assert_levels (c, "A|B");
  g_assert_cmpuint (c->codes[0], ==, 1);
  g_assert_cmpuint (c->codes[3], ==, OB_LEVEL_MISSING);
  g_assert_cmpuint (c->n_missing, ==, 1);

  c = column (dataset, "stage", OB_COLUMN_CATEGORICAL);
  assert_levels (c, "T1|T2|T10");
  g_assert_cmpstr (ob_column_get_string (c, 1), ==, "T10");

  /* A 0/1 column is an outcome, not two groups of labels. */
  c = column (dataset, "resp", OB_COLUMN_NUMERIC);
  g_assert_cmpfloat (c->num[0], ==, 1);
  g_assert_true (isnan (c->num[4]));

  c = column (dataset, "dose", OB_COLUMN_NUMERIC);
  g_assert_cmpfloat (c->num[0], ==, 1.5);
  g_assert_cmpfloat (c->num[1], ==, -0.25);
  g_assert_cmpfloat (c->num[5], ==, 1000);
  g_assert_cmpuint (c->n_missing, ==, 2);

  c = column (dataset, "visit", OB_COLUMN_DATE);
  g_assert_cmpfloat (c->num[0], ==, days_since_1970 (2021, 3, 1));
  g_assert_cmpfloat (c->num[1], ==, days_since_1970 (2021, 3, 15));
  g_assert_cmpfloat (c->num[5], ==, days_since_1970 (2021, 5, 31));
  g_assert_cmpuint (c->n_missing, ==, 2);
  {
    g_autofree char *cell = ob_dataset_format_cell (dataset, 5, 1);
    g_assert_cmpstr (cell, ==, "2021-03-15");
  }

  c = column (dataset, "note", OB_COLUMN_TEXT);
  g_assert_cmpstr (c->text[2], ==, "said \"fine\"");
  g_assert_null (c->text[1]);
  g_assert_null (c->text[3]);

  /* Every documented missing marker. */
  c = column (dataset, "empty", OB_COLUMN_NUMERIC);
  g_assert_cmpuint (c->n_missing, ==, 6);

  g_assert_cmpuint (ob_dataset_get_warnings (dataset)->len, ==, 0);
  g_assert_cmpstr (ob_dataset_get_encoding (dataset), ==, "UTF-8");
}

static void
test_quoted (void)
{
  g_autoptr(ObDataset) dataset = read_fixture ("quoted.csv", NULL);
  const ObColumn *c;

  g_assert_cmpuint (ob_dataset_get_n_rows (dataset), ==, 4);
  c = column (dataset, "name", OB_COLUMN_TEXT);
  g_assert_cmpstr (c->text[0], ==, "Smith, J");
  g_assert_cmpstr (c->text[1], ==, "Tanaka");
  g_assert_null (c->text[3]);
  c = column (dataset, "comment", OB_COLUMN_TEXT);
  g_assert_cmpstr (c->text[0], ==, "He said \"no\"");
  g_assert_cmpstr (c->text[1], ==, "line one\r\nline two");
  g_assert_cmpstr (c->text[2], ==, "spaced");
  g_assert_cmpstr (c->text[3], ==, "x");
  c = column (dataset, "value", OB_COLUMN_NUMERIC);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpfloat (c->num[i], ==, i + 1);
}

static void
test_european (void)
{
  g_autoptr(ObDataset) dataset = read_fixture ("european.csv", NULL);
  const ObColumn *c;

  g_assert_cmpint (ob_dataset_get_delimiter (dataset), ==, ';');
  g_assert_true (ob_dataset_get_decimal_comma (dataset));
  c = column (dataset, "weight", OB_COLUMN_NUMERIC);
  g_assert_cmpfloat (c->num[0], ==, 72.5);
  g_assert_true (isnan (c->num[2]));
  c = column (dataset, "ratio", OB_COLUMN_NUMERIC);
  g_assert_cmpfloat (c->num[1], ==, 1.5e-2);
  g_assert_cmpfloat (c->num[2], ==, -0.5);
  c = column (dataset, "group", OB_COLUMN_CATEGORICAL);
  assert_levels (c, "a|b");
}

static void
test_pipe (void)
{
  g_autoptr(ObDataset) dataset = read_fixture ("pipe.txt", NULL);

  g_assert_cmpint (ob_dataset_get_delimiter (dataset), ==, '|');
  g_assert_cmpuint (ob_dataset_get_n_columns (dataset), ==, 2);
  assert_levels (column (dataset, "b", OB_COLUMN_CATEGORICAL), "x|y");
}

static void
test_units (void)
{
  g_autoptr(ObDataset) dataset = read_fixture ("units.csv", NULL);

  column (dataset, "dose", OB_COLUMN_TEXT);
  column (dataset, "count", OB_COLUMN_TEXT);
  column (dataset, "size", OB_COLUMN_NUMERIC);
  assert_warning (dataset, "Column “dose”: 4 cells look like numbers with units (first at "
                  "line 2: “12 mg”); kept as text. Change the type to numeric to convert.");
  assert_warning (dataset, "Column “count”: 2 cells look like numbers with thousands "
                  "separators (first at line 2: “1,234”); kept as text. Change the type to "
                  "numeric to convert.");
  g_assert_cmpuint (ob_dataset_get_warnings (dataset)->len, ==, 2);
}

static void
test_override (void)
{
  g_autoptr(GHashTable) types = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(ObDataset) plain = read_fixture ("override.csv", NULL);
  g_autoptr(ObDataset) dataset = NULL;
  ObCsvOptions options;
  const ObColumn *c;

  column (plain, "value", OB_COLUMN_TEXT);
  column (plain, "when", OB_COLUMN_TEXT);
  column (plain, "code", OB_COLUMN_NUMERIC);

  ob_csv_options_init (&options);
  g_hash_table_insert (types, "value", GINT_TO_POINTER (OB_COLUMN_NUMERIC + 1));
  g_hash_table_insert (types, "WHEN", GINT_TO_POINTER (OB_COLUMN_DATE + 1));
  g_hash_table_insert (types, "code", GINT_TO_POINTER (OB_COLUMN_CATEGORICAL + 1));
  options.column_types = types;
  dataset = read_fixture ("override.csv", &options);

  c = column (dataset, "value", OB_COLUMN_NUMERIC);
  g_assert_cmpfloat (c->num[0], ==, 3.5);
  g_assert_true (isnan (c->num[1]));
  g_assert_cmpfloat (c->num[2], ==, 12);
  g_assert_true (isnan (c->num[3]));
  g_assert_cmpfloat (c->num[4], ==, 1500);
  g_assert_cmpuint (c->n_missing, ==, 2);
  assert_warning (dataset, "Column “value”: 2 cells were converted to numbers by dropping "
                  "units or thousands separators (first at line 4: “12 mg”).");
  assert_warning (dataset, "Column “value” is numeric: 1 cell could not be read as such and "
                  "is missing (line 3, column 2: “high”).");

  c = column (dataset, "when", OB_COLUMN_DATE);
  g_assert_cmpfloat (c->num[0], ==, days_since_1970 (2020, 1, 1));
  g_assert_true (isnan (c->num[1]));
  g_assert_true (isnan (c->num[2]));
  g_assert_cmpfloat (c->num[4], ==, days_since_1970 (2021, 12, 31));
  assert_warning (dataset, "Column “when” is date: 2 cells could not be read as such and are "
                  "missing (first at line 3, column 3: “2020-02-30”).");

  c = column (dataset, "code", OB_COLUMN_CATEGORICAL);
  assert_levels (c, "7|8|9");
  g_assert_cmpuint (c->codes[2], ==, 2);
  g_assert_cmpuint (c->codes[3], ==, 0);
  g_assert_cmpfloat (ob_column_get_double (c, 1), ==, 8);
  g_assert_cmpuint (ob_dataset_get_warnings (dataset)->len, ==, 3);
}

static void
test_override_unknown (void)
{
  g_autoptr(GHashTable) types = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *path = fixture ("override.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(ObDataset) dataset = NULL;
  ObCsvOptions options;

  ob_csv_options_init (&options);
  g_hash_table_insert (types, "dose", GINT_TO_POINTER (OB_COLUMN_NUMERIC + 1));
  options.column_types = types;
  dataset = ob_csv_read_file (path, &options, &error);
  g_assert_null (dataset);
  g_assert_error (error, OB_ERROR, OB_ERROR_INVALID_ARG);
  g_assert_cmpstr (error->message, ==,
                   "override.csv has no column “dose”; check the name in the column types");
}

static void
test_ragged (void)
{
  g_autoptr(ObDataset) dataset = read_fixture ("ragged.csv", NULL);
  const ObColumn *c = column (dataset, "a", OB_COLUMN_NUMERIC);

  /* Rows of the wrong width are skipped, whether too short or too long. */
  g_assert_cmpuint (ob_dataset_get_n_rows (dataset), ==, 3);
  g_assert_cmpfloat (c->num[0], ==, 1);
  g_assert_cmpfloat (c->num[1], ==, 6);
  g_assert_cmpfloat (c->num[2], ==, 13);
  assert_warning (dataset, "Skipped 2 rows whose number of fields differs from the header’s 3; "
                  "lines (fields): 3 (2), 5 (4).");
}

static void
test_names (void)
{
  g_autoptr(ObDataset) dataset = read_fixture ("names.csv", NULL);
  const char *expected[] = { "x", "x.2", "V3", "y", "x.3" };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (ob_dataset_get_column (dataset, i)->name, ==, expected[i]);
  assert_warning (dataset, "Columns without a name were named after their position: “V3”.");
  assert_warning (dataset, "Repeated column names were made unique: “x” → “x.2”, “x” → “x.3”.");
}

static void
test_malformed (void)
{
  assert_read_error ("unterminated.csv", OB_ERROR_PARSE,
                     "unterminated.csv:3:3: unterminated quoted field; close the quote or "
                     "re-export the file");
  assert_read_error ("empty.csv", OB_ERROR_NO_DATA,
                     "empty.csv: the file is empty; choose a file with a header line and data "
                     "rows");
  assert_read_error ("blank.csv", OB_ERROR_NO_DATA,
                     "blank.csv: the file is empty; choose a file with a header line and data "
                     "rows");
  assert_read_error ("header-only.csv", OB_ERROR_NO_DATA,
                     "header-only.csv: the file has a header line but no data rows");
}

static void
test_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ObDataset) dataset = ob_csv_read_file ("/nonexistent/lung.csv", NULL, &error);

  g_assert_null (dataset);
  g_assert_error (error, OB_ERROR, OB_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "lung.csv"));
}

static void
check_japanese (const char *name,
                const char *encoding)
{
  g_autoptr(ObDataset) dataset = read_fixture (name, NULL);
  const ObColumn *c;

  g_assert_cmpstr (ob_dataset_get_encoding (dataset), ==, encoding);
  g_assert_cmpuint (ob_dataset_get_n_rows (dataset), ==, 4);
  c = column (dataset, "患者ID", OB_COLUMN_TEXT);
  g_assert_cmpstr (c->text[0], ==, "J001");
  c = column (dataset, "性別", OB_COLUMN_CATEGORICAL);
  g_assert_cmpstr (ob_column_get_string (c, 0), ==, "男");
  g_assert_cmpstr (ob_column_get_string (c, 1), ==, "女");
  c = column (dataset, "再発", OB_COLUMN_CATEGORICAL);
  g_assert_cmpuint (c->levels->len, ==, 2);
  c = column (dataset, "年齢", OB_COLUMN_NUMERIC);
  g_assert_cmpfloat (c->num[1], ==, 71);
  g_assert_true (isnan (c->num[3]));
}

static void
test_encodings (void)
{
  check_japanese ("japanese-utf8.csv", "UTF-8");
  check_japanese ("japanese-bom.csv", "UTF-8");
  check_japanese ("japanese-cp932.csv", "CP932");
  check_japanese ("japanese-utf16le.csv", "UTF-16LE");
  check_japanese ("japanese-utf16be.csv", "UTF-16BE");
}

/* The shipped Japanese cohort (CP932, as Japanese Excel saves it) must hold the same table
 * as its English twin: same types, numbers, missing cells and number of levels. */
static void
test_cp932_sample (void)
{
  g_autofree char *ja_path = g_test_build_filename (G_TEST_DIST, "..", "data", "samples",
                                                    "alk-cohort-ja.csv", NULL);
  g_autofree char *en_path = g_test_build_filename (G_TEST_DIST, "..", "data", "samples",
                                                    "alk-cohort.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ObDataset) ja = ob_csv_read_file (ja_path, NULL, &error);
  g_autoptr(ObDataset) en = NULL;

  g_assert_no_error (error);
  en = ob_csv_read_file (en_path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ob_dataset_get_encoding (ja), ==, "CP932");
  g_assert_nonnull (ob_dataset_lookup_column (ja, "患者ID"));
  g_assert_cmpuint (ob_dataset_get_n_rows (ja), ==, ob_dataset_get_n_rows (en));
  g_assert_cmpuint (ob_dataset_get_n_columns (ja), ==, ob_dataset_get_n_columns (en));
  for (guint i = 0; i < ob_dataset_get_n_columns (en); i++)
    {
      const ObColumn *a = ob_dataset_get_column (ja, i);
      const ObColumn *b = ob_dataset_get_column (en, i);

      g_assert_cmpint (a->type, ==, b->type);
      g_assert_cmpuint (a->n_missing, ==, b->n_missing);
      if (a->type == OB_COLUMN_CATEGORICAL)
        g_assert_cmpuint (a->levels->len, ==, b->levels->len);
      if (a->type == OB_COLUMN_NUMERIC)
        for (gsize r = 0; r < ob_dataset_get_n_rows (en); r++)
          g_assert_true (a->num[r] == b->num[r] || (isnan (a->num[r]) && isnan (b->num[r])));
    }
  g_assert_cmpuint (ob_dataset_get_warnings (ja)->len, ==, 0);
}

static void
test_utf16_without_bom (void)
{
  g_autoptr(ObDataset) dataset = read_fixture ("nobom-utf16le.tsv", NULL);

  g_assert_cmpstr (ob_dataset_get_encoding (dataset), ==, "UTF-16LE");
  g_assert_cmpint (ob_dataset_get_delimiter (dataset), ==, '\t');
  g_assert_cmpuint (ob_dataset_get_n_rows (dataset), ==, 2);
}

static void
test_explicit_encoding (void)
{
  g_autoptr(ObDataset) dataset = NULL;
  g_autofree char *path = fixture ("japanese-cp932.csv");
  g_autoptr(GError) error = NULL;
  ObCsvOptions options;

  ob_csv_options_init (&options);
  options.encoding = "SHIFT_JIS";
  dataset = ob_csv_read_file (path, &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ob_dataset_lookup_column (dataset, "患者ID"));

  g_clear_pointer (&dataset, ob_dataset_unref);
  options.encoding = "UTF-8";
  dataset = ob_csv_read_file (path, &options, &error);
  g_assert_null (dataset);
  g_assert_error (error, OB_ERROR, OB_ERROR_ENCODING);
  g_assert_true (g_str_has_prefix (error->message, "japanese-cp932.csv:1:1: the bytes here are "
                                   "not valid UTF-8"));
}

static void
test_invalid_encoding (void)
{
  assert_read_error ("latin1.csv", OB_ERROR_ENCODING,
                     "latin1.csv:3:4: the file is neither UTF-8 nor Shift_JIS (CP932); save the "
                     "file as UTF-8 (in Excel: “CSV UTF-8”) and import it again");
  assert_read_error ("broken-utf8.csv", OB_ERROR_ENCODING,
                     "broken-utf8.csv:3:5: the bytes here are not valid UTF-8; save the file as "
                     "UTF-8 (in Excel: “CSV UTF-8”) and import it again");
}

static void
test_workbook (void)
{
  static const char xlsx[] = "PK\003\004\024\000\006\000[Content_Types].xml";
  g_autoptr(GBytes) bytes = g_bytes_new_static (xlsx, sizeof xlsx - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(ObDataset) dataset = ob_csv_read_bytes (bytes, "cohort.xlsx", NULL, &error);

  g_assert_null (dataset);
  g_assert_error (error, OB_ERROR, OB_ERROR_ENCODING);
  g_assert_cmpstr (error->message, ==, "cohort.xlsx: this is a spreadsheet workbook, not a text "
                   "table; in Excel choose Save As ▸ “CSV UTF-8” and import that file");
}

static void
test_bytes (void)
{
  static const char data[] = "t;s\n1;0\n2;1\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, sizeof data - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(ObDataset) dataset = NULL;
  ObCsvOptions options;

  ob_csv_options_init (&options);
  options.delimiter = ',';
  dataset = ob_csv_read_bytes (bytes, "clip", &options, &error);
  g_assert_no_error (error);
  /* The caller's delimiter wins over detection. */
  g_assert_cmpuint (ob_dataset_get_n_columns (dataset), ==, 1);
  g_assert_cmpstr (ob_dataset_get_column (dataset, 0)->name, ==, "t;s");
  g_assert_null (ob_dataset_get_source_path (dataset));
}

static ObDataset *
read_string (const char  *text,
             GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return ob_csv_read_bytes (bytes, "mem.csv", NULL, error);
}

static void
test_excel_separator_line (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ObDataset) dataset = read_string ("sep=;\r\nid;dose\r\n1;2,5\r\n2;\"3\"\r\n",
                                              &error);
  const ObColumn *c;

  g_assert_no_error (error);
  g_assert_cmpint (ob_dataset_get_delimiter (dataset), ==, ';');
  g_assert_cmpuint (ob_dataset_get_n_rows (dataset), ==, 2);
  c = column (dataset, "dose", OB_COLUMN_NUMERIC);
  g_assert_cmpfloat (c->num[0], ==, 2.5);
  g_assert_cmpfloat (c->num[1], ==, 3);
}

static void
test_forced_strings (void)
{
  g_autoptr(GHashTable) types = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GString) csv = g_string_new ("code,id\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ObDataset) dataset = NULL;
  ObCsvOptions options;
  const ObColumn *c;

  for (guint i = 0; i < 120; i++)
    g_string_append_printf (csv, "%u,%u\n", i % 80, i);
  bytes = g_bytes_new (csv->str, csv->len);
  ob_csv_options_init (&options);
  g_hash_table_insert (types, "code", GINT_TO_POINTER (OB_COLUMN_CATEGORICAL + 1));
  g_hash_table_insert (types, "id", GINT_TO_POINTER (OB_COLUMN_TEXT + 1));
  options.column_types = types;
  dataset = ob_csv_read_bytes (bytes, "codes.csv", &options, &error);
  g_assert_no_error (error);
  /* A categorical override keeps every level, however many. */
  c = column (dataset, "code", OB_COLUMN_CATEGORICAL);
  g_assert_cmpuint (c->levels->len, ==, 80);
  g_assert_cmpstr (g_ptr_array_index (c->levels, 79), ==, "79");
  g_assert_cmpstr (ob_column_get_string (c, 85), ==, "5");
  c = column (dataset, "id", OB_COLUMN_TEXT);
  g_assert_cmpstr (c->text[119], ==, "119");
  g_assert_cmpuint (ob_dataset_get_warnings (dataset)->len, ==, 0);
}

static void
test_row_names (void)
{
  g_autoptr(ObDataset) dataset = read_fixture ("aml-rownames.tsv", NULL);
  const ObColumn *c = column (dataset, "row.names", OB_COLUMN_NUMERIC);

  g_assert_cmpuint (ob_dataset_get_n_columns (dataset), ==, 4);
  g_assert_cmpfloat (c->num[22], ==, 23);
  assert_warning (dataset, "The header line has one name fewer than the rows, as R writes row "
                  "names; the first column is called “row.names”.");
}

static void
test_many_levels (void)
{
  g_autoptr(GString) csv = g_string_new ("many,few,late,mixed\n");
  g_autoptr(ObDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  const ObColumn *c;

  for (guint i = 0; i < 200; i++)
    {
      if (i < 100)
        g_string_append_printf (csv, "L%u,n%u,%u,%u\n", i % 60, i % 5, i, i % 3 * 5);
      else
        g_string_append_printf (csv, "L%u,n%u,w%u,%s\n", i % 60, i % 5, i % 70,
                                i % 2 ? "high" : "low");
    }
  dataset = read_string (csv->str, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ob_dataset_get_n_rows (dataset), ==, 200);

  /* 60 distinct labels: past the 50 that make a grouping. */
  c = column (dataset, "many", OB_COLUMN_TEXT);
  g_assert_cmpstr (c->text[61], ==, "L1");
  c = column (dataset, "few", OB_COLUMN_CATEGORICAL);
  assert_levels (c, "n0|n1|n2|n3|n4");
  g_assert_cmpstr (ob_column_get_string (c, 199), ==, "n4");
  /* Numbers first, words later: read again as strings. */
  c = column (dataset, "late", OB_COLUMN_TEXT);
  g_assert_cmpstr (c->text[0], ==, "0");
  g_assert_cmpstr (c->text[199], ==, "w59");
  c = column (dataset, "mixed", OB_COLUMN_CATEGORICAL);
  assert_levels (c, "0|5|10|high|low");
  g_assert_cmpstr (ob_column_get_string (c, 2), ==, "10");
  g_assert_cmpstr (ob_column_get_string (c, 101), ==, "high");
  g_assert_cmpuint (ob_dataset_get_warnings (dataset)->len, ==, 0);
}

static void
test_old_mac_line_ends (void)
{
  g_autoptr(GError) error = NULL;
  /* One LF inside a quoted cell makes the row estimate too small: the arrays must grow. */
  g_autoptr(ObDataset) dataset = read_string ("a,b\r1,\"x\ny\"\r2,z\r3,w\r4,v\r5,u", &error);
  const ObColumn *c;

  g_assert_no_error (error);
  g_assert_cmpuint (ob_dataset_get_n_rows (dataset), ==, 5);
  c = column (dataset, "a", OB_COLUMN_NUMERIC);
  g_assert_cmpfloat (c->num[4], ==, 5);
  c = column (dataset, "b", OB_COLUMN_TEXT);
  g_assert_cmpstr (c->text[0], ==, "x\ny");
  g_assert_cmpstr (c->text[4], ==, "u");
}

static void
check_invariants (const ObDataset *dataset)
{
  gsize n_rows = ob_dataset_get_n_rows (dataset);

  g_assert_cmpuint (n_rows, >, 0);
  for (guint i = 0; i < ob_dataset_get_n_columns (dataset); i++)
    {
      const ObColumn *c = ob_dataset_get_column (dataset, i);
      gsize n_missing = 0;

      g_assert_true (g_utf8_validate (c->name, -1, NULL));
      for (gsize r = 0; r < n_rows; r++)
        {
          g_autofree char *cell = ob_dataset_format_cell (dataset, i, r);

          g_assert_true (g_utf8_validate (cell, -1, NULL));
          n_missing += ob_column_is_missing (c, r) ? 1 : 0;
          if (c->type == OB_COLUMN_CATEGORICAL && c->codes[r] != OB_LEVEL_MISSING)
            g_assert_cmpuint (c->codes[r], <, c->levels->len);
        }
      g_assert_cmpuint (n_missing, ==, c->n_missing);
    }
}

/* Damaged files must give a dataset or an OB_ERROR, never a crash (run under ASan). */
static void
test_damaged_files (void)
{
  static const char *const names[] = { "types.csv", "quoted.csv", "european.csv", "units.csv",
                                       "japanese-cp932.csv", "japanese-utf16le.csv",
                                       "override.csv" };
  static const char inserts[] = { '"', ',', ';', '\t', '\n', '\r', '\0', '\x82', '\xff', ' ' };
  GRand *rand = g_rand_new_with_seed (7);
  guint n_ok = 0, n_failed = 0;

  for (guint f = 0; f < G_N_ELEMENTS (names); f++)
    {
      g_autofree char *path = fixture (names[f]);
      g_autofree char *contents = NULL;
      gsize len;

      g_file_get_contents (path, &contents, &len, NULL);
      g_assert_nonnull (contents);
      for (guint trial = 0; trial < 300; trial++)
        {
          g_autofree char *copy = g_memdup2 (contents, len);
          g_autoptr(GBytes) bytes = NULL;
          g_autoptr(GError) error = NULL;
          g_autoptr(ObDataset) dataset = NULL;
          gsize n = len;

          for (guint k = 0; k < 1 + trial % 4; k++)
            copy[g_rand_int_range (rand, 0, (gint32) len)] =
              inserts[g_rand_int_range (rand, 0, G_N_ELEMENTS (inserts))];
          if (trial % 5 == 0)
            n = (gsize) g_rand_int_range (rand, 0, (gint32) len);
          bytes = g_bytes_new_take (g_steal_pointer (&copy), n);
          dataset = ob_csv_read_bytes (bytes, "damaged.csv", NULL, &error);
          if (dataset != NULL)
            {
              g_assert_no_error (error);
              check_invariants (dataset);
              n_ok++;
            }
          else
            {
              g_assert_nonnull (error);
              g_assert_true (error->domain == OB_ERROR);
              g_assert_true (g_str_has_prefix (error->message, "damaged.csv"));
              n_failed++;
            }
        }
    }
  g_rand_free (rand);
  g_assert_cmpuint (n_ok, >, 0);
  g_assert_cmpuint (n_failed, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/csv/reference", test_reference);
  g_test_add_func ("/core/csv/types", test_types);
  g_test_add_func ("/core/csv/quoted", test_quoted);
  g_test_add_func ("/core/csv/european", test_european);
  g_test_add_func ("/core/csv/pipe", test_pipe);
  g_test_add_func ("/core/csv/units", test_units);
  g_test_add_func ("/core/csv/override", test_override);
  g_test_add_func ("/core/csv/override-unknown", test_override_unknown);
  g_test_add_func ("/core/csv/ragged", test_ragged);
  g_test_add_func ("/core/csv/names", test_names);
  g_test_add_func ("/core/csv/malformed", test_malformed);
  g_test_add_func ("/core/csv/missing-file", test_missing_file);
  g_test_add_func ("/core/csv/encoding/japanese", test_encodings);
  g_test_add_func ("/core/csv/encoding/utf16-without-bom", test_utf16_without_bom);
  g_test_add_func ("/core/csv/encoding/cp932-sample", test_cp932_sample);
  g_test_add_func ("/core/csv/encoding/explicit", test_explicit_encoding);
  g_test_add_func ("/core/csv/encoding/invalid", test_invalid_encoding);
  g_test_add_func ("/core/csv/bytes", test_bytes);
  g_test_add_func ("/core/csv/workbook", test_workbook);
  g_test_add_func ("/core/csv/row-names", test_row_names);
  g_test_add_func ("/core/csv/excel-separator-line", test_excel_separator_line);
  g_test_add_func ("/core/csv/forced-strings", test_forced_strings);
  g_test_add_func ("/core/csv/many-levels", test_many_levels);
  g_test_add_func ("/core/csv/old-mac-line-ends", test_old_mac_line_ends);
  g_test_add_func ("/core/csv/damaged-files", test_damaged_files);

  return g_test_run ();
}
