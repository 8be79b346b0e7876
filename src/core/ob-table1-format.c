/* ob-table1-format.c — Table 1 as text: the grid journals print, CSV and HTML
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-core"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "ob-table1.h"

/* Footnote marks, in order of first use. */
static const char * const marks[] = { "ᵃ", "ᵇ", "ᶜ", "ᵈ", "ᵉ", "ᶠ", "ᵍ" };

char *
ob_table1_format_p (double p)
{
  if (isnan (p))
    return g_strdup ("");
  if (p < 0.001)
    return g_strdup ("<0.001");
  /* Two significant digits, three decimals at most: 0.41, 0.052, 0.003. */
  if (p < 0.01)
    return g_strdup_printf ("%.3f", p);
  if (p >= 0.995)
    return g_strdup ("0.99");
  return g_strdup_printf ("%.2f", p);
}

static char *
format_1 (double v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (v))
    return g_strdup ("–");
  g_snprintf (buf, sizeof buf, "%.1f", v);
  /* "−" rather than "-": the minus sign typesetting expects; no "−0.0". */
  if (buf[0] == '-')
    return strcmp (buf, "-0.0") == 0 ? g_strdup ("0.0") : g_strconcat ("−", buf + 1, NULL);
  return g_strdup (buf);
}

static char *
continuous_cell (const ObTable1Variable *var,
                 guint                   g)
{
  const ObDescriptives *d = &var->desc[g];
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;

  if (var->n[g] == 0)
    return g_strdup ("–");
  if (var->nonnormal)
    {
      a = format_1 (d->median);
      b = format_1 (d->q1);
      c = format_1 (d->q3);
      return g_strdup_printf ("%s [%s, %s]", a, b, c);
    }
  a = format_1 (d->mean);
  b = format_1 (d->sd);
  return g_strdup_printf ("%s (%s)", a, b);
}

ObTable1Grid *
ob_table1_grid_new (const ObTable1 *table)
{
  ObTable1Grid *grid = g_new0 (ObTable1Grid, 1);
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  g_autoptr(GByteArray) levels = g_byte_array_new ();
  g_autoptr(GPtrArray) footnotes = g_ptr_array_new ();
  /* One mark per test, chi-square with Yates' correction apart (the last slot). */
  int mark_of[OB_TABLE1_TEST_FISHER + 2];
  guint n_groups = table->n_groups, n_cols = n_groups + 4, n_marks = 0;
  guint8 zero = 0, one = 1;

  for (guint t = 0; t < G_N_ELEMENTS (mark_of); t++)
    mark_of[t] = -1;
  grid->n_cols = n_cols;

  /* Header */
  g_ptr_array_add (cells, g_strdup (_("Characteristic")));
  for (guint g = 0; g <= n_groups; g++)
    g_ptr_array_add (cells, g_strdup_printf ("%s\n(n = %zu)",
                                             g < n_groups ? table->group_names[g]
                                                          : _("Overall"),
                                             table->group_n[g]));
  g_ptr_array_add (cells, g_strdup ("p"));
  g_ptr_array_add (cells, g_strdup ("SMD"));
  g_byte_array_append (levels, &zero, 1);

  for (guint v = 0; v < table->n_variables; v++)
    {
      const ObTable1Variable *var = &table->variables[v];
      guint width = n_groups + 1;
      gboolean any_missing = var->n_missing[n_groups] > 0;
      g_autofree char *p = ob_table1_format_p (var->p);
      const char *mark = "";

      if (var->test != OB_TABLE1_TEST_NONE && n_marks < G_N_ELEMENTS (marks))
        {
          guint slot = var->yates ? OB_TABLE1_TEST_FISHER + 1 : var->test;

          if (mark_of[slot] < 0)
            {
              mark_of[slot] = (int) n_marks;
              g_ptr_array_add (footnotes,
                               var->yates
                               ? g_strdup_printf (_("%s Pearson’s chi-square test with Yates’ "
                                                    "continuity correction"), marks[n_marks])
                               : g_strdup_printf ("%s %s", marks[n_marks],
                                                  ob_table1_test_describe (var->test)));
              n_marks++;
            }
          mark = marks[mark_of[slot]];
        }

      g_ptr_array_add (cells, g_strdup_printf ("%s, %s", var->name,
                                               var->categorical ? _("n (%)")
                                               : var->nonnormal ? _("median [IQR]")
                                                                : _("mean (SD)")));
      for (guint g = 0; g <= n_groups; g++)
        g_ptr_array_add (cells, var->categorical ? g_strdup ("") : continuous_cell (var, g));
      g_ptr_array_add (cells, g_strconcat (p, *p != '\0' ? mark : "", NULL));
      g_ptr_array_add (cells, isnan (var->smd) ? g_strdup ("")
                                               : g_strdup_printf ("%.3f", var->smd));
      g_byte_array_append (levels, &zero, 1);

      for (guint l = 0; var->categorical && l < var->n_levels; l++)
        {
          g_ptr_array_add (cells, g_strdup (var->levels[l]));
          for (guint g = 0; g <= n_groups; g++)
            {
              double pct = var->percent[l * width + g];
              g_autofree char *pct_text = isnan (pct) ? g_strdup ("–")
                                                      : g_strdup_printf ("%.1f", pct);

              g_ptr_array_add (cells, g_strdup_printf ("%.0f (%s)", var->counts[l * width + g],
                                                       pct_text));
            }
          g_ptr_array_add (cells, g_strdup (""));
          g_ptr_array_add (cells, g_strdup (""));
          g_byte_array_append (levels, &one, 1);
        }
      if (any_missing)
        {
          g_ptr_array_add (cells, g_strdup (_("Missing")));
          for (guint g = 0; g <= n_groups; g++)
            g_ptr_array_add (cells, g_strdup_printf ("%zu", var->n_missing[g]));
          g_ptr_array_add (cells, g_strdup (""));
          g_ptr_array_add (cells, g_strdup (""));
          g_byte_array_append (levels, &one, 1);
        }
    }
  g_ptr_array_add (footnotes, g_strdup (n_groups > 2
                                        ? _("SMD: standardised mean difference, mean over pairs")
                                        : _("SMD: standardised mean difference")));
  g_ptr_array_add (footnotes, NULL);

  grid->n_rows = levels->len;
  grid->cells = (char **) g_ptr_array_free (g_steal_pointer (&cells), FALSE);
  grid->level = g_byte_array_free (g_steal_pointer (&levels), FALSE);
  grid->footnotes = (char **) g_ptr_array_free (g_steal_pointer (&footnotes), FALSE);
  return grid;
}

void
ob_table1_grid_free (ObTable1Grid *grid)
{
  if (grid == NULL)
    return;
  for (guint i = 0; i < grid->n_rows * grid->n_cols; i++)
    g_free (grid->cells[i]);
  g_free (grid->cells);
  g_free (grid->level);
  g_strfreev (grid->footnotes);
  g_free (grid);
}

const char *
ob_table1_grid_cell (const ObTable1Grid *grid,
                     guint               row,
                     guint               col)
{
  g_return_val_if_fail (row < grid->n_rows && col < grid->n_cols, "");
  return grid->cells[row * grid->n_cols + col];
}

static void
csv_field (GString    *out,
           const char *str)
{
  g_string_append_c (out, '"');
  for (const char *c = str; *c != '\0'; c++)
    {
      if (*c == '"')
        g_string_append_c (out, '"');
      /* One line per row in the CSV: the header's line break becomes a space. */
      g_string_append_c (out, *c == '\n' ? ' ' : *c);
    }
  g_string_append_c (out, '"');
}

char *
ob_table1_grid_to_csv (const ObTable1Grid *grid)
{
  GString *out = g_string_new (NULL);

  for (guint r = 0; r < grid->n_rows; r++)
    {
      for (guint c = 0; c < grid->n_cols; c++)
        {
          if (c > 0)
            g_string_append_c (out, ',');
          if (c == 0 && grid->level[r])
            {
              g_autofree char *indented = g_strconcat ("  ", ob_table1_grid_cell (grid, r, c),
                                                       NULL);

              csv_field (out, indented);
            }
          else
            csv_field (out, ob_table1_grid_cell (grid, r, c));
        }
      g_string_append (out, "\r\n");
    }
  for (guint i = 0; grid->footnotes[i] != NULL; i++)
    {
      csv_field (out, grid->footnotes[i]);
      g_string_append (out, "\r\n");
    }
  return g_string_free (out, FALSE);
}

static void
html_text (GString    *out,
           const char *str)
{
  g_autofree char *escaped = g_markup_escape_text (str, -1);
  g_auto(GStrv) lines = g_strsplit (escaped, "\n", -1);
  g_autofree char *joined = g_strjoinv ("<br>", lines);

  g_string_append (out, joined);
}

char *
ob_table1_grid_to_html (const ObTable1Grid *grid,
                        const char         *caption)
{
  GString *out = g_string_new (NULL);
  /* Inline styles only: word processors drop style sheets when pasting. */
  const char *cell = "padding:1pt 6pt;font-family:Arial,Helvetica,sans-serif;font-size:9pt;";

  g_string_append (out, "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
                        "<title>Table 1</title></head><body>\n"
                        "<table style=\"border-collapse:collapse;border-top:1.5pt solid black;"
                        "border-bottom:1.5pt solid black\">\n");
  if (caption != NULL)
    {
      g_string_append_printf (out, "<caption style=\"%stext-align:left;font-weight:bold\">",
                              cell);
      html_text (out, caption);
      g_string_append (out, "</caption>\n");
    }
  for (guint r = 0; r < grid->n_rows; r++)
    {
      const char *tag = r == 0 ? "th" : "td";

      g_string_append (out, r == 0 ? "<thead><tr>" : "<tr>");
      for (guint c = 0; c < grid->n_cols; c++)
        {
          g_string_append_printf (out, "<%s style=\"%stext-align:%s;vertical-align:bottom;%s%s\">",
                                  tag, cell, c == 0 ? "left" : "center",
                                  r == 0 ? "border-bottom:0.75pt solid black;" : "",
                                  c == 0 && grid->level[r] ? "padding-left:14pt;" : "");
          html_text (out, ob_table1_grid_cell (grid, r, c));
          g_string_append_printf (out, "</%s>", tag);
        }
      g_string_append (out, r == 0 ? "</tr></thead>\n<tbody>\n" : "</tr>\n");
    }
  g_string_append (out, "</tbody>\n</table>\n");
  for (guint i = 0; grid->footnotes[i] != NULL; i++)
    {
      g_string_append_printf (out, "<p style=\"%smargin:0\">", cell);
      html_text (out, grid->footnotes[i]);
      g_string_append (out, "</p>\n");
    }
  g_string_append (out, "</body></html>\n");
  return g_string_free (out, FALSE);
}
