/* ob-oncoprint.c: layout of the oncoprint
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-plot"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ob-oncoprint-private.h"

void
ob_oncoprint_init (ObOncoprint       *plot,
                   const ObLandscape *landscape)
{
  memset (plot, 0, sizeof *plot);
  plot->landscape = landscape;
  plot->show_unaltered = TRUE;
  plot->show_patient_bars = TRUE;
  ob_plot_style_init (&plot->style);
}

ObPlotColor
ob_oncoprint_type_color (const char *type,
                         guint       index)
{
  static const struct { const char *key; ObPlotColor color; } known[] = {
    { "missense", { 0.00, 0.62, 0.45 } },
    { "frameshift", { 0.10, 0.10, 0.10 } },
    { "truncat", { 0.10, 0.10, 0.10 } },
    { "nonsense", { 0.55, 0.34, 0.16 } },
    { "stop", { 0.55, 0.34, 0.16 } },
    { "splice", { 0.90, 0.62, 0.00 } },
    { "inframe", { 0.80, 0.47, 0.65 } },
    { "in-frame", { 0.80, 0.47, 0.65 } },
    { "amplif", { 0.84, 0.37, 0.00 } },
    { "gain", { 0.84, 0.37, 0.00 } },
    { "deletion", { 0.00, 0.45, 0.70 } },
    { "loss", { 0.00, 0.45, 0.70 } },
    { "fusion", { 0.34, 0.71, 0.91 } },
    { "rearrang", { 0.34, 0.71, 0.91 } },
    { "multiple", { 0.45, 0.45, 0.45 } },
  };
  g_autofree char *lower = g_utf8_strdown (type != NULL ? type : "", -1);

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    if (strstr (lower, known[i].key) != NULL)
      return known[i].color;
  /* yellow and the pale sky blue are kept for the rarest, so they rarely meet */
  return ob_plot_palette_okabe_ito (index + 1);
}

ObPlotText *
ob_oncoprint_text_new (const ObOncoprint *plot)
{
  return ob_plot_text_new (&plot->style);
}

static double
text_width (ObPlotText *text,
            const char *str)
{
  double w, h;

  ob_plot_text_measure (text, str, &w, &h);
  return w;
}

char *
ob_oncoprint_format_pct (double pct)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (pct))
    return g_strdup ("");
  /* whole percent, as oncoprints print them; one decimal below 1% so 0.4% is not "0%" */
  g_ascii_formatd (buf, sizeof buf, pct > 0 && pct < 1 ? "%.1f" : "%.0f", pct);
  return g_strconcat (buf, "%", NULL);
}

static int
compare_strings (const void *a,
                 const void *b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

static void
layout_annotation (const ObOncoprint *plot,
                   ObOncoprintLayout *layout)
{
  g_autoptr(GPtrArray) levels = g_ptr_array_new ();
  g_autoptr(GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);

  if (plot->annotation == NULL)
    return;
  for (gsize c = 0; c < layout->n_columns; c++)
    {
      const char *v = plot->annotation[layout->columns[c]];

      if (v != NULL && *v != '\0' && !g_hash_table_contains (index, v))
        {
          g_hash_table_add (index, (gpointer) v);
          g_ptr_array_add (levels, g_strdup (v));
        }
    }
  qsort (levels->pdata, levels->len, sizeof (gpointer), compare_strings);
  g_hash_table_remove_all (index);
  for (guint l = 0; l < levels->len; l++)
    g_hash_table_insert (index, g_ptr_array_index (levels, l), GUINT_TO_POINTER (l + 1));
  layout->annotation_codes = g_new (guint, MAX (layout->n_columns, 1));
  for (gsize c = 0; c < layout->n_columns; c++)
    {
      const char *v = plot->annotation[layout->columns[c]];
      guint code = v != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (index, v)) : 0;

      layout->annotation_codes[c] = code > 0 ? code - 1 : G_MAXUINT;
    }
  g_ptr_array_add (levels, NULL);
  layout->annotation_levels = (char **) g_ptr_array_free (g_steal_pointer (&levels), FALSE);
}

/* Flows key entries (swatch + label) from x0 to x1 starting at y; returns the y below. */
double
ob_oncoprint_legend_flow (ObPlotText         *text,
                          const char         *heading,
                          const char * const *labels,
                          guint               n,
                          double              x0,
                          double              x1,
                          double              y,
                          ObOncoprintKeyFunc  func,
                          gpointer            user_data)
{
  double lh = ob_plot_text_line_height (text), sw = lh * 0.7, gap = lh * 0.9;
  double x = x0, hw;

  ob_plot_text_set_font (text, 1, TRUE);
  hw = text_width (text, heading);
  if (func != NULL)
    func (user_data, G_MAXUINT, heading, x, y, 0);
  x += hw + gap * 0.6;
  ob_plot_text_set_font (text, 1, FALSE);
  for (guint i = 0; i < n; i++)
    {
      double w = sw + lh * 0.3 + text_width (text, labels[i]);

      if (x + w > x1 && x > x0 + hw + gap)
        {
          x = x0 + hw + gap * 0.6;
          y += lh * 1.2;
        }
      if (func != NULL)
        func (user_data, i, labels[i], x, y, sw);
      x += w + gap;
    }
  return y + lh * 1.2;
}

static void
layout_geometry (const ObOncoprint *plot,
                 ObOncoprintLayout *layout,
                 ObPlotText        *text,
                 double             row_height)
{
  const ObLandscape *land = plot->landscape;
  const ObPlotStyle *ps = &plot->style;
  double em = ps->font_size, lh = ob_plot_text_line_height (text), m = layout->margin;
  double names = 0, pcts = 0, x, y, max_count = 0;

  for (guint g = 0; g < land->n_genes; g++)
    {
      g_autofree char *pct = ob_oncoprint_format_pct (land->genes[g].pct);

      /* Measured as drawn: gene symbols in italic, the HGNC convention journals follow. */
      ob_plot_text_set_italic (text, TRUE);
      names = MAX (names, text_width (text, land->genes[g].gene));
      ob_plot_text_set_italic (text, FALSE);
      pcts = MAX (pcts, text_width (text, pct));
      max_count = MAX (max_count, (double) land->genes[g].n_altered);
    }
  if (plot->annotation_label != NULL)
    names = MAX (names, MIN (text_width (text, plot->annotation_label), em * 10));

  x = m;
  layout->gene_x = x + names;
  layout->pct_x = layout->gene_x + em * 0.6 + pcts;
  layout->grid.x = layout->pct_x + em * 0.6;
  layout->bars.width = MAX (em * 5, layout->width * 0.14);
  layout->bars.x = layout->width - m - layout->bars.width;
  layout->grid.width = MAX (layout->bars.x - em * 0.6 - layout->grid.x, em * 4);
  layout->cell_width = layout->grid.width / (double) MAX (layout->n_columns, 1);

  y = m;
  if (plot->title != NULL)
    {
      ob_plot_text_set_font (text, 1.15, TRUE);
      layout->title_box = ob_plot_text_box (text, plot->title, m, y, 0, 0);
      y += layout->title_box.height + lh * 0.5;
      ob_plot_text_set_font (text, 1, FALSE);
    }
  layout->row_height = row_height;
  layout->row_gap = row_height * 0.18;
  layout->patient_bars = (ObPlotRect) { 0 };
  /* a bar per patient stops meaning anything once bars are thinner than a hairline */
  if (plot->show_patient_bars && land->n_genes > 1 && layout->patient_bars_max > 0
      && layout->cell_width >= 0.2)
    {
      layout->patient_bars = (ObPlotRect) { layout->grid.x, y, layout->grid.width,
                                            row_height * 2.5 };
      y += layout->patient_bars.height + layout->row_gap * 2;
    }
  if (plot->annotation != NULL)
    {
      layout->annotation = (ObPlotRect) { layout->grid.x, y, layout->grid.width,
                                          row_height * 0.7 };
      y += layout->annotation.height + layout->row_gap * 2;
    }
  layout->grid.y = y;
  layout->grid.height = land->n_genes * (row_height + layout->row_gap) - layout->row_gap;
  layout->bars.y = layout->grid.y;
  layout->bars.height = layout->grid.height;

  /* as many intervals as leave the tick labels apart */
  g_clear_pointer (&layout->bar_ticks, g_free);
  layout->bar_ticks = g_new (double, 32);
  for (guint intervals = 4; intervals >= 1; intervals--)
    {
      double widest = 0, spacing;

      ob_plot_scale_init_covering (&layout->bar_scale, 0, MAX (max_count, 1), NULL, 0,
                                   intervals);
      ob_plot_scale_set_range (&layout->bar_scale, layout->bars.x,
                               layout->bars.x + layout->bars.width);
      layout->n_bar_ticks = ob_plot_scale_ticks (&layout->bar_scale, layout->bar_ticks, 32);
      for (guint t = 0; t < layout->n_bar_ticks; t++)
        {
          g_autofree char *label = ob_plot_scale_format (&layout->bar_scale,
                                                         layout->bar_ticks[t], 1);

          widest = MAX (widest, text_width (text, label));
        }
      spacing = layout->n_bar_ticks > 1
                ? layout->bars.width / (layout->n_bar_ticks - 1) : layout->bars.width;
      if (spacing >= widest + em * 0.6)
        break;
    }

  /* bar axis under the bars with its title, then the keys across the figure */
  y = layout->grid.y + layout->grid.height + ps->tick_length + lh * 2.3;
  layout->legend_y = y + lh * 0.4;
  y = ob_oncoprint_legend_flow (text, _("Alteration"), (const char * const *) land->types,
                                land->n_types, m, layout->width - m, layout->legend_y, NULL,
                                NULL);
  if (layout->annotation_levels != NULL)
    y = ob_oncoprint_legend_flow (text, plot->annotation_label != NULL
                                        ? plot->annotation_label : _("Annotation"),
                                  (const char * const *) layout->annotation_levels,
                                  g_strv_length (layout->annotation_levels), m,
                                  layout->width - m, y + lh * 0.2, NULL, NULL);
  layout->bottom = y + m;
}

double
ob_oncoprint_natural_height (const ObOncoprint *plot,
                             double             width_pt)
{
  g_autoptr(ObOncoprintLayout) layout = ob_oncoprint_layout (plot, width_pt, 0);

  return layout->bottom;
}

ObOncoprintLayout *
ob_oncoprint_layout (const ObOncoprint *plot,
                     double             width_pt,
                     double             height_pt)
{
  const ObLandscape *land;
  g_autoptr(ObPlotText) text = NULL;
  ObOncoprintLayout *layout;
  double lh, pitch;

  g_return_val_if_fail (plot != NULL && plot->landscape != NULL, NULL);

  land = plot->landscape;
  text = ob_oncoprint_text_new (plot);
  lh = ob_plot_text_line_height (text);
  layout = g_new0 (ObOncoprintLayout, 1);
  layout->source = plot;
  layout->width = width_pt;
  layout->height = height_pt;
  layout->margin = plot->style.font_size * 0.6;
  layout->text_boxes = g_array_new (FALSE, FALSE, sizeof (ObPlotRect));

  layout->columns = g_new (gsize, MAX (land->n_patients, 1));
  for (gsize i = 0; i < land->n_patients; i++)
    {
      gsize p = land->order[i];
      gboolean altered = FALSE;

      for (guint g = 0; g < land->n_genes && !altered; g++)
        altered = land->cells[(gsize) g * land->n_patients + p] != 0;
      if (altered || plot->show_unaltered)
        layout->columns[layout->n_columns++] = p;
    }
  layout_annotation (plot, layout);
  for (gsize c = 0; c < layout->n_columns; c++)
    {
      gsize count = 0;

      for (guint g = 0; g < land->n_genes; g++)
        count += land->cells[(gsize) g * land->n_patients + layout->columns[c]] != 0;
      layout->patient_bars_max = MAX (layout->patient_bars_max, count);
    }

  pitch = lh * 1.25;
  layout_geometry (plot, layout, text, pitch);
  if (height_pt > 0 && fabs (height_pt - layout->bottom) > 0.5 && land->n_genes > 0)
    {
      /* rows take up what the height gives or asks back, within readable bounds */
      double rows = land->n_genes * 1.18 + (plot->annotation != NULL ? 0.7 + 0.36 : 0)
                    + (layout->patient_bars.width > 0 ? 1.6 + 0.36 : 0);

      pitch = CLAMP (pitch + (height_pt - layout->bottom) / rows, lh * 0.9, lh * 3);
      layout_geometry (plot, layout, text, pitch);
    }
  ob_oncoprint_layout_texts (layout, text, NULL, layout->text_boxes);
  return layout;
}

void
ob_oncoprint_layout_free (ObOncoprintLayout *layout)
{
  if (layout == NULL)
    return;
  g_free (layout->columns);
  g_strfreev (layout->annotation_levels);
  g_free (layout->annotation_codes);
  g_free (layout->bar_ticks);
  g_clear_pointer (&layout->text_boxes, g_array_unref);
  g_free (layout);
}

gboolean
ob_oncoprint_layout_hit (const ObOncoprintLayout *layout,
                         double                   x,
                         double                   y,
                         guint                   *gene,
                         gsize                   *patient)
{
  const ObLandscape *land = layout->source->landscape;
  double pitch = layout->row_height + layout->row_gap;
  gboolean in_columns = x >= layout->grid.x && x < layout->grid.x + layout->grid.width;

  if (layout->annotation.width > 0 && in_columns && y >= layout->annotation.y
      && y < layout->annotation.y + layout->annotation.height)
    {
      *gene = G_MAXUINT;
      *patient = layout->columns[MIN ((gsize) ((x - layout->grid.x) / layout->cell_width),
                                      layout->n_columns - 1)];
      return TRUE;
    }
  if (y >= layout->grid.y && y < layout->grid.y + layout->grid.height && x >= 0
      && x <= layout->width)
    {
      guint g = (guint) ((y - layout->grid.y) / pitch);

      if (g >= land->n_genes || y - layout->grid.y - g * pitch > layout->row_height)
        return FALSE;
      *gene = g;
      *patient = in_columns
                 ? layout->columns[MIN ((gsize) ((x - layout->grid.x) / layout->cell_width),
                                        layout->n_columns - 1)]
                 : G_MAXSIZE;
      return TRUE;
    }
  return FALSE;
}
