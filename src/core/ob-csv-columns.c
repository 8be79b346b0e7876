/* ob-csv-columns.c — what the importer learns about each column, and the warnings it gives
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-core"
/* madvise () is not part of C17. */
#define _DEFAULT_SOURCE

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "ob-csv-columns.h"

#if defined(__linux__)
#include <sys/mman.h>
#endif

#define HUGE_PAGE (2 * 1024 * 1024)

gpointer
ob_csv_alloc_array (gsize n,
                    gsize size)
{
  gsize n_bytes = MAX (n, 1) * size;
  gpointer array;

  if (n_bytes / size != MAX (n, 1))
    g_error ("%s: overflow allocating %zu × %zu bytes", G_STRLOC, n, size);
  array = g_malloc (n_bytes);
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  /* A column of a million rows is 8 MB: in 2 MB pages it costs four page faults, not two
   * thousand, and the kernel time of an import halves. */
  if (n_bytes >= 2 * HUGE_PAGE)
    {
      guintptr start = ((guintptr) array + HUGE_PAGE - 1) & ~(guintptr) (HUGE_PAGE - 1);
      guintptr end = ((guintptr) array + n_bytes) & ~(guintptr) (HUGE_PAGE - 1);

      if (end > start)
        madvise ((void *) start, end - start, MADV_HUGEPAGE);
    }
#endif
  return array;
}

void
ob_csv_column_clear (ObCsvColumn *column)
{
  g_free (column->name);
  for (guint k = 0; k < N_KINDS; k++)
    g_free (column->example[k]);
  g_free (column->num);
  g_free (column->days);
  ob_csv_level_index_clear (&column->index);
  g_clear_pointer (&column->levels, g_ptr_array_unref);
  g_free (column->codes);
  g_free (column->text);
}

/* Levels -------------------------------------------------------------------------------- */

static inline guint32
hash_bytes (const char *s,
            gsize       len)
{
  guint32 h = 2166136261u;

  for (gsize i = 0; i < len; i++)
    h = (h ^ (guchar) s[i]) * 16777619u;
  return h;
}

void
ob_csv_level_index_init (ObCsvLevelIndex *index)
{
  index->mask = 63;
  index->slots = g_new0 (guint32, index->mask + 1);
  index->hashes = g_new (guint32, index->mask + 1);
}

void
ob_csv_level_index_clear (ObCsvLevelIndex *index)
{
  g_clear_pointer (&index->slots, g_free);
  g_clear_pointer (&index->hashes, g_free);
  index->mask = 0;
}

static guint32
find_slot (const ObCsvLevelIndex *index,
           const GPtrArray       *levels,
           const char            *s,
           gsize                  len,
           guint32                hash)
{
  guint32 i = hash & index->mask;

  /* Cells hold no NUL (the text is validated UTF-8), so strncmp plus the end check is an
   * exact comparison. */
  while (index->slots[i] != 0)
    {
      const char *level = levels->pdata[index->slots[i] - 1];

      if (index->hashes[i] == hash && strncmp (level, s, len) == 0 && level[len] == '\0')
        break;
      i = (i + 1) & index->mask;
    }
  return i;
}

guint32
ob_csv_level_index_lookup (const ObCsvLevelIndex *index,
                           const GPtrArray       *levels,
                           const char            *s,
                           gsize                  len)
{
  guint32 slot = find_slot (index, levels, s, len, hash_bytes (s, len));

  return index->slots[slot] != 0 ? index->slots[slot] - 1 : G_MAXUINT32;
}

guint32
ob_csv_level_index_add (ObCsvLevelIndex *index,
                        GPtrArray       *levels,
                        const char      *s,
                        gsize            len)
{
  guint32 hash = hash_bytes (s, len);
  guint32 slot;

  /* Kept at most half full so that probes stay short. */
  if ((levels->len + 1) * 2 > index->mask + 1)
    {
      ObCsvLevelIndex bigger;

      bigger.mask = index->mask * 2 + 1;
      bigger.slots = g_new0 (guint32, bigger.mask + 1);
      bigger.hashes = g_new (guint32, bigger.mask + 1);
      for (guint32 i = 0; i <= index->mask; i++)
        if (index->slots[i] != 0)
          {
            guint32 j = index->hashes[i] & bigger.mask;

            while (bigger.slots[j] != 0)
              j = (j + 1) & bigger.mask;
            bigger.slots[j] = index->slots[i];
            bigger.hashes[j] = index->hashes[i];
          }
      ob_csv_level_index_clear (index);
      *index = bigger;
    }
  slot = find_slot (index, levels, s, len, hash);
  g_ptr_array_add (levels, g_strndup (s, len));
  index->slots[slot] = levels->len;
  index->hashes[slot] = hash;
  return levels->len - 1;
}

/* Header -------------------------------------------------------------------------------- */

char **
ob_csv_make_names (const ObCsvScanner *s,
                   gboolean            row_names,
                   ObDataset          *dataset)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) renamed = g_string_new (NULL);
  g_autoptr(GString) unnamed = g_string_new (NULL);
  guint shift = row_names ? 1 : 0;
  guint n = s->n_fields + shift;
  char **names = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *base = i < shift ? g_strdup ("row.names")
                              : g_strndup (s->fields[i - shift].ptr, s->fields[i - shift].len);
      char *name;

      if (base[0] == '\0')
        {
          g_free (base);
          base = g_strdup_printf ("V%u", i + 1);
          g_string_append_printf (unnamed, "%s“%s”", unnamed->len > 0 ? ", " : "", base);
        }
      name = g_strdup (base);
      for (guint k = 2; g_hash_table_contains (seen, name); k++)
        {
          g_free (name);
          name = g_strdup_printf ("%s.%u", base, k);
        }
      if (strcmp (name, base) != 0)
        g_string_append_printf (renamed, "%s“%s” → “%s”", renamed->len > 0 ? ", " : "",
                                base, name);
      g_hash_table_add (seen, g_strdup (name));
      names[i] = name;
    }
  if (row_names)
    ob_dataset_add_warning (dataset, _("The header line has one name fewer than the rows, as R "
                                       "writes row names; the first column is called “%s”."),
                            names[0]);
  if (unnamed->len > 0)
    ob_dataset_add_warning (dataset, _("Columns without a name were named after their "
                                       "position: %s."), unnamed->str);
  if (renamed->len > 0)
    ob_dataset_add_warning (dataset, _("Repeated column names were made unique: %s."),
                            renamed->str);
  return names;
}

gboolean
ob_csv_apply_type_overrides (ObCsvColumn         *columns,
                             guint                n_columns,
                             const ObCsvOptions  *options,
                             const char          *display_name,
                             GError             **error)
{
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < n_columns; i++)
    columns[i].forced = -1;
  if (options->column_types == NULL)
    return TRUE;

  g_hash_table_iter_init (&iter, options->column_types);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      int type = GPOINTER_TO_INT (value) - 1;
      guint i;

      for (i = 0; i < n_columns; i++)
        if (strcmp (columns[i].name, key) == 0)
          break;
      if (i == n_columns)
        for (i = 0; i < n_columns; i++)
          if (g_ascii_strcasecmp (columns[i].name, key) == 0)
            break;
      if (i == n_columns)
        {
          g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                       _("%s has no column “%s”; check the name in the column types"),
                       display_name, (const char *) key);
          return FALSE;
        }
      if (type < OB_COLUMN_NUMERIC || type > OB_COLUMN_TEXT)
        {
          g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                       _("Unknown type for column “%s”"), columns[i].name);
          return FALSE;
        }
      columns[i].forced = type;
    }
  return TRUE;
}

double *
ob_csv_new_nan_array (gsize capacity,
                      gsize n_filled)
{
  double *array = ob_csv_alloc_array (capacity, sizeof (double));

  for (gsize i = 0; i < n_filled; i++)
    array[i] = NAN;
  return array;
}

void
ob_csv_warn_ragged (ObDataset    *dataset,
                    const GArray *lines,
                    gsize         n_ragged,
                    guint         n_columns)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < lines->len; i += 2)
    g_string_append_printf (list, "%s%zu (%zu)", i > 0 ? ", " : "",
                            g_array_index (lines, gsize, i), g_array_index (lines, gsize, i + 1));
  if (n_ragged > lines->len / 2)
    g_string_append (list, ", …");
  ob_dataset_add_warning (dataset,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "Skipped %zu row whose number of fields differs from "
                                       "the header’s %u; line (fields): %s.",
                                       "Skipped %zu rows whose number of fields differs from "
                                       "the header’s %u; lines (fields): %s.", n_ragged),
                          n_ragged, n_columns, list->str);
}

/* Types --------------------------------------------------------------------------------- */

static const char *
type_label (ObColumnType type)
{
  switch (type)
    {
    case OB_COLUMN_NUMERIC:
      return _("numeric");
    case OB_COLUMN_CATEGORICAL:
      return _("categorical");
    case OB_COLUMN_DATE:
      return _("date");
    case OB_COLUMN_TEXT:
    default:
      return _("text");
    }
}

/* The earliest example among the given kinds. */
static gsize
first_example (const ObCsvColumn  *c,
               const guint        *kinds,
               guint               n_kinds,
               const char        **out_text)
{
  gsize line = G_MAXSIZE;

  *out_text = "";
  for (guint k = 0; k < n_kinds; k++)
    if (c->example[kinds[k]] != NULL && c->example_line[kinds[k]] < line)
      {
        line = c->example_line[kinds[k]];
        *out_text = c->example[kinds[k]];
      }
  return line;
}

static void
warn_coerced (ObDataset         *dataset,
              const ObCsvColumn *c,
              guint              index,
              const guint       *bad_kinds,
              guint              n_bad_kinds)
{
  gsize n_bad = 0;
  const char *text;
  gsize line;

  for (guint k = 0; k < n_bad_kinds; k++)
    n_bad += c->counts[bad_kinds[k]];
  if (n_bad == 0)
    return;
  line = first_example (c, bad_kinds, n_bad_kinds, &text);
  ob_dataset_add_warning (dataset,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "Column “%s” is %s: %zu cell could not be read as such "
                                       "and is missing (line %zu, column %u: “%s”).",
                                       "Column “%s” is %s: %zu cells could not be read as such "
                                       "and are missing (first at line %zu, column %u: “%s”).",
                                       n_bad),
                          c->name, type_label (c->type), n_bad, line, index + 1, text);
}

void
ob_csv_decide_type (ObDataset   *dataset,
                    ObCsvColumn *c,
                    guint        index,
                    gsize        n_rows)
{
  static const guint lenient[] = { OB_CSV_CELL_THOUSANDS, OB_CSV_CELL_UNITS };
  gsize n_lenient = c->counts[OB_CSV_CELL_THOUSANDS] + c->counts[OB_CSV_CELL_UNITS];

  /* Columns read as strings from the start already have their type. */
  if (c->strings_now)
    return;
  if (c->forced >= 0)
    c->type = (ObColumnType) c->forced;
  else if (!c->num_dead)
    c->type = OB_COLUMN_NUMERIC;
  else if (!c->days_dead)
    c->type = OB_COLUMN_DATE;
  else
    c->type = OB_COLUMN_CATEGORICAL;   /* or text, once the levels are counted */
  c->rescan = c->type == OB_COLUMN_CATEGORICAL || c->type == OB_COLUMN_TEXT;

  if (c->type == OB_COLUMN_NUMERIC)
    {
      static const guint bad[] = { OB_CSV_CELL_DATE, OB_CSV_CELL_OTHER };

      if (c->num == NULL)
        c->num = ob_csv_new_nan_array (n_rows, n_rows);
      if (n_lenient > 0)
        {
          const char *text;
          gsize line = first_example (c, lenient, G_N_ELEMENTS (lenient), &text);

          ob_dataset_add_warning (dataset,
                                  g_dngettext (GETTEXT_PACKAGE,
                                               "Column “%s”: %zu cell was converted to a number "
                                               "by dropping a unit or thousands separators "
                                               "(line %zu: “%s”).",
                                               "Column “%s”: %zu cells were converted to numbers "
                                               "by dropping units or thousands separators "
                                               "(first at line %zu: “%s”).", n_lenient),
                                  c->name, n_lenient, line, text);
        }
      warn_coerced (dataset, c, index, bad, G_N_ELEMENTS (bad));
    }
  else if (c->type == OB_COLUMN_DATE)
    {
      static const guint bad[] = { OB_CSV_CELL_NUMBER, OB_CSV_CELL_THOUSANDS,
                                   OB_CSV_CELL_UNITS, OB_CSV_CELL_OTHER };

      if (c->days == NULL)
        c->days = ob_csv_new_nan_array (n_rows, n_rows);
      warn_coerced (dataset, c, index, bad, G_N_ELEMENTS (bad));
    }
  else
    {
      g_clear_pointer (&c->num, g_free);
      g_clear_pointer (&c->days, g_free);
    }
}

/* Explains, after the levels are known, why a column of number-like cells is not numeric. */
void
ob_csv_warn_number_like (ObDataset         *dataset,
                         const ObCsvColumn *c)
{
  if (c->forced >= 0 || c->counts[OB_CSV_CELL_OTHER] > 0 || c->counts[OB_CSV_CELL_DATE] > 0)
    return;
  if (c->counts[OB_CSV_CELL_UNITS] > 0)
    ob_dataset_add_warning (dataset,
                            g_dngettext (GETTEXT_PACKAGE,
                                         "Column “%s”: %zu cell looks like a number with a unit "
                                         "(line %zu: “%s”); kept as %s. Change the type to "
                                         "numeric to convert.",
                                         "Column “%s”: %zu cells look like numbers with units "
                                         "(first at line %zu: “%s”); kept as %s. Change the "
                                         "type to numeric to convert.",
                                         c->counts[OB_CSV_CELL_UNITS]),
                            c->name, c->counts[OB_CSV_CELL_UNITS],
                            c->example_line[OB_CSV_CELL_UNITS], c->example[OB_CSV_CELL_UNITS],
                            type_label (c->type));
  if (c->counts[OB_CSV_CELL_THOUSANDS] > 0)
    ob_dataset_add_warning (dataset,
                            g_dngettext (GETTEXT_PACKAGE,
                                         "Column “%s”: %zu cell looks like a number with "
                                         "thousands separators (line %zu: “%s”); kept as %s. "
                                         "Change the type to numeric to convert.",
                                         "Column “%s”: %zu cells look like numbers with "
                                         "thousands separators (first at line %zu: “%s”); "
                                         "kept as %s. Change the type to numeric to convert.",
                                         c->counts[OB_CSV_CELL_THOUSANDS]),
                            c->name, c->counts[OB_CSV_CELL_THOUSANDS],
                            c->example_line[OB_CSV_CELL_THOUSANDS],
                            c->example[OB_CSV_CELL_THOUSANDS], type_label (c->type));
}
