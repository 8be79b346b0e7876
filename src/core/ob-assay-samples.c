/* ob-assay-samples.c — an ELISA's samples as a CSV table
 *
 * The table is what `oncobench-cli elisa --samples-csv` writes and what the ELISA page hands
 * to a comparison of the samples' groups, so that `compare --flag flag --lower conc_lower
 * --upper conc_upper` on the file and the page's comparison see the same values.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-core"

#include "config.h"

#include <math.h>
#include <string.h>

#include "ob-assay-samples.h"

/* RFC 4180: quoted only when a separator, a quote or a line break would break the row. */
static void
append_text (GString    *out,
             const char *text)
{
  if (text == NULL || *text == '\0')
    return;
  if (strpbrk (text, ",\"\r\n") == NULL && text[0] != ' ')
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* Shortest decimal that reads back as the same double; empty (missing) when not finite, so a
 * flagged sample has no number to be mistaken for a measurement. */
static void
append_number (GString *out,
               double   value)
{
  static const char * const formats[] = { "%.15g", "%.16g", "%.17g" };
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buf, sizeof buf, formats[i], value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  g_string_append (out, buf);
}

/* "<LLOQ" and ">ULOQ" first, as the group comparison reads them; the rest after, by ";". */
static void
append_flags (GString         *out,
              const GPtrArray *flags)
{
  static const char * const limits[] = { "<LLOQ", ">ULOQ" };
  g_autoptr(GString) joined = g_string_new (NULL);

  for (guint k = 0; k < G_N_ELEMENTS (limits); k++)
    for (guint j = 0; j < flags->len; j++)
      if (strcmp (g_ptr_array_index (flags, j), limits[k]) == 0)
        g_string_append_printf (joined, "%s%s", joined->len > 0 ? ";" : "", limits[k]);
  for (guint j = 0; j < flags->len; j++)
    {
      const char *flag = g_ptr_array_index (flags, j);

      if (strcmp (flag, limits[0]) != 0 && strcmp (flag, limits[1]) != 0)
        g_string_append_printf (joined, "%s%s", joined->len > 0 ? ";" : "", flag);
    }
  append_text (out, joined->str);
}

GBytes *
ob_assay_samples_to_csv (GPtrArray *plates)
{
  GString *out = g_string_new (NULL);
  gboolean with_plate = FALSE;

  for (guint p = 0; p < plates->len; p++)
    with_plate |= ((const ObAssayPlate *) g_ptr_array_index (plates, p))->plate != NULL;
  if (with_plate)
    g_string_append (out, "plate,");
  g_string_append (out, "id,group,dilution,conc,conc_lower,conc_upper,flag,lloq,uloq\n");
  for (guint p = 0; p < plates->len; p++)
    {
      const ObAssayPlate *plate = g_ptr_array_index (plates, p);

      for (guint i = 0; i < plate->samples->len; i++)
        {
          const ObAssaySample *s = g_ptr_array_index (plate->samples, i);

          if (with_plate)
            {
              append_text (out, plate->plate);
              g_string_append_c (out, ',');
            }
          append_text (out, s->id);
          g_string_append_c (out, ',');
          append_text (out, s->group);
          g_string_append_c (out, ',');
          append_number (out, s->dilution);
          g_string_append_c (out, ',');
          append_number (out, s->conc);
          g_string_append_c (out, ',');
          append_number (out, s->conc_lower);
          g_string_append_c (out, ',');
          append_number (out, s->conc_upper);
          g_string_append_c (out, ',');
          append_flags (out, s->flags);
          g_string_append_c (out, ',');
          /* The plate's limits in the sample's own units: a diluted sample reaches further. */
          append_number (out, plate->lloq * s->dilution);
          g_string_append_c (out, ',');
          append_number (out, plate->uloq * s->dilution);
          g_string_append_c (out, '\n');
        }
    }
  return g_string_free_to_bytes (out);
}
