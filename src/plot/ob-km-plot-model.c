/* ob-km-plot-model.c: the Kaplan–Meier figure's style defaults, curve look-ups and wording
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-plot"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "ob-km-plot-private.h"

static const char *const risk_table_names[] = { "none", "classic", "kmunicate" };

const char *
ob_km_risk_table_to_string (ObKmRiskTable table)
{
  g_return_val_if_fail (table < G_N_ELEMENTS (risk_table_names), NULL);
  return risk_table_names[table];
}

gboolean
ob_km_risk_table_from_string (const char *str, ObKmRiskTable *out)
{
  for (guint i = 0; i < G_N_ELEMENTS (risk_table_names); i++)
    if (g_strcmp0 (str, risk_table_names[i]) == 0)
      {
        *out = (ObKmRiskTable) i;
        return TRUE;
      }
  return FALSE;
}

void
ob_km_plot_style_init (ObKmPlotStyle *style)
{
  memset (style, 0, sizeof *style);
  style->show_ci = TRUE;
  style->show_censor = TRUE;
  style->show_median = FALSE;
  style->risk_table = OB_KM_RISK_TABLE_CLASSIC;
  style->legend = OB_KM_PLACE_AUTO;
  style->show_annotation = TRUE;
  style->annotation = OB_KM_PLACE_AUTO;
  ob_plot_style_init (&style->plot_style);
}

gsize
ob_km_steps_upto (const ObKmCurve *curve, double t)
{
  gsize lo = 0, hi = curve->n_steps;

  while (lo < hi)
    {
      gsize mid = lo + (hi - lo) / 2;

      if (curve->steps[mid].time <= t)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

gsize
ob_km_steps_before (const ObKmCurve *curve, double t)
{
  gsize lo = 0, hi = curve->n_steps;

  while (lo < hi)
    {
      gsize mid = lo + (hi - lo) / 2;

      if (curve->steps[mid].time < t)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

double
ob_km_curve_last_time (const ObKmCurve *curve)
{
  return curve->n_steps > 0 ? curve->steps[curve->n_steps - 1].time : 0;
}

gboolean
ob_km_plot_is_visible (const ObKmPlot *plot, guint curve)
{
  return curve >= 64 || !(plot->style.hidden_groups & (G_GUINT64_CONSTANT (1) << curve));
}

guint
ob_km_plot_n_visible (const ObKmPlot *plot)
{
  guint n = 0;

  for (guint i = 0; i < plot->fit->n_curves; i++)
    n += ob_km_plot_is_visible (plot, i);
  return n;
}

/* Legend and statistics keep their numbers; a long group name gives way instead. */
#define SHORT_NAME_CHARS 24

static char *
short_name (const char *name)
{
  g_autofree char *head = NULL;

  if (name == NULL)
    return g_strdup ("");
  if (g_utf8_strlen (name, -1) <= SHORT_NAME_CHARS)
    return g_strdup (name);
  head = g_utf8_substring (name, 0, SHORT_NAME_CHARS - 1);
  return g_strconcat (g_strchomp (head), "\u2026", NULL);
}

char *
ob_km_plot_legend_label (const ObKmPlot *plot, const ObKmCurve *curve)
{
  g_autofree char *name = short_name (curve->name);
  g_autofree char *median = NULL;

  if (!plot->style.show_median)
    return g_strdup_printf ("%s (n = %" G_GSIZE_FORMAT ")", name, curve->n);
  if (!isfinite (curve->median))
    return g_strdup_printf (_("%s (n = %zu), median not reached"), name,
                            curve->n);
  median = ob_plot_format_number (curve->median, 3);
  if (isfinite (curve->median_lower))
    {
      /* An upper limit the band never reaches is "not reached" too. */
      g_autofree char *lo = ob_plot_format_number (curve->median_lower, 3);
      g_autofree char *hi = isfinite (curve->median_upper)
                              ? ob_plot_format_number (curve->median_upper, 3)
                              : g_strdup (_("NR"));

      return g_strdup_printf (_("%s (n = %zu), median %s (%s–%s)"), name,
                              curve->n, median, lo, hi);
    }
  return g_strdup_printf (_("%s (n = %zu), median %s"), name, curve->n, median);
}

GStrv
ob_km_plot_legend_labels (const ObKmPlot *plot, guint *curves)
{
  GStrv labels = g_new0 (char *, plot->fit->n_curves + 1);
  guint n = 0;

  for (guint c = 0; c < plot->fit->n_curves; c++)
    if (ob_km_plot_is_visible (plot, c))
      {
        curves[n] = c;
        labels[n++] = ob_km_plot_legend_label (plot, &plot->fit->curves[c]);
      }
  return labels;
}

const char *
ob_km_plot_row_label (guint row)
{
  switch (row)
    {
    case 0:
      return _("At risk");
    case 1:
      return _("Censored");
    default:
      return _("Events");
    }
}

ObPlotText *
ob_km_plot_text_new (const ObKmPlot *plot)
{
  return ob_plot_text_new (&plot->style.plot_style);
}

/* "sex=Female" → "Female": the level reads better than the design-matrix name. */
static const char *
term_level (const char *name)
{
  const char *eq = name ? strchr (name, '=') : NULL;

  return eq ? eq + 1 : (name ? name : "");
}

static char *
format_ratio (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    return g_strdup ("NA");
  /* Hazard ratios are read to two decimals (0.59, 1.02); large ones need fewer. */
  g_ascii_formatd (buf, sizeof buf, value >= 9.995 ? "%.1f" : "%.2f", value);
  return g_strdup (buf);
}

static char *
format_hr (const ObCoxTerm *term)
{
  g_autofree char *hr = format_ratio (term->hr);
  g_autofree char *lo = format_ratio (term->hr_lower);
  g_autofree char *hi = format_ratio (term->hr_upper);

  return g_strdup_printf ("%s (%s\u2013%s)", hr, lo, hi);
}

static gboolean
names_curve (const ObKmPlot *plot, const char *level)
{
  for (guint c = 0; c < plot->fit->n_curves; c++)
    if (g_strcmp0 (plot->fit->curves[c].name, level) == 0)
      return TRUE;
  return FALSE;
}

/* The group no hazard-ratio term names: the reference.  NULL unless exactly one. */
static const char *
reference_name (const ObKmPlot *plot)
{
  const char *ref = NULL;

  for (guint c = 0; c < plot->fit->n_curves; c++)
    {
      gboolean named = FALSE;

      for (guint i = 0; i < plot->cox->n_terms && !named; i++)
        named = g_strcmp0 (term_level (plot->cox->terms[i].name),
                           plot->fit->curves[c].name) == 0;
      if (!named && ref != NULL)
        return NULL;
      if (!named)
        ref = plot->fit->curves[c].name;
    }
  return ref;
}

/* The figure names the transform itself so it draws whatever the core library offers. */
static const char *
ci_name (ObCiTransform ci)
{
  switch (ci)
    {
    case OB_CI_LOG:
      return "log";
    case OB_CI_PLAIN:
      return "plain";
    case OB_CI_LOG_LOG:
    default:
      return "log-log";
    }
}

GPtrArray *
ob_km_plot_annotation_lines (const ObKmPlot *plot)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  const ObKmFit *fit = plot->fit;
  double level = fit->conf_level > 0 && fit->conf_level < 1 ? fit->conf_level : 0.95;
  g_autofree char *pct = ob_plot_format_number (100 * level, 2);

  if (plot->test != NULL)
    {
      g_autofree char *p = ob_plot_format_p (plot->test->p);
      const char *name = plot->test->method == OB_SURV_TEST_LOGRANK ? _("Log-rank")
                         : plot->test->method == OB_SURV_TEST_PETO  ? _("Peto–Peto")
                         : plot->test->method == OB_SURV_TEST_GEHAN ? _("Gehan–Breslow")
                                                                    : _("Tarone–Ware");

      if (plot->test->stratified)
        g_ptr_array_add (lines, g_strdup_printf (_("Stratified %s %s"), name, p));
      else
        g_ptr_array_add (lines, g_strdup_printf ("%s %s", name, p));
    }

  if (plot->cox != NULL && plot->cox->n_terms > 0)
    {
      const ObCox *cox = plot->cox;
      const char *ref = reference_name (plot);
      guint shown = 0;

      /* Beyond four terms the block would hide the curves; the report lists them all.  With
       * a reference, only the group terms: covariates of an adjusted model are not curves. */
      g_autofree char *ref_short = short_name (ref);

      for (guint i = 0; i < cox->n_terms && shown < 4; i++)
        {
          g_autofree char *hr = format_hr (&cox->terms[i]);
          const char *level_name = term_level (cox->terms[i].name);
          g_autofree char *level_short = short_name (level_name);

          if (ref != NULL && !names_curve (plot, level_name))
            continue;
          if (ref != NULL)
            g_ptr_array_add (lines, g_strdup_printf (_("HR %s vs %s: %s"), level_short,
                                                     ref_short, hr));
          else
            g_ptr_array_add (lines, g_strdup_printf (_("HR %s: %s"), level_short, hr));
          shown++;
        }
    }

  if (plot->style.show_ci)
    g_ptr_array_add (lines, g_strdup_printf (_("Shaded: %s%% CI, %s"), pct,
                                             ci_name (fit->ci)));
  else
    g_ptr_array_add (lines, g_strdup_printf (_("%s%% CI: %s"), pct,
                                             ci_name (fit->ci)));
  return lines;
}

const char *
ob_km_plot_group_label (const ObKmPlot *plot)
{
  const char *label = plot->style.group_label;

  return label != NULL && *label ? label : NULL;
}

char *
ob_km_plot_table_header (const ObKmPlot *plot)
{
  const char *group = ob_km_plot_group_label (plot);

  /* TRANSLATORS: the title of the number-at-risk table; %s is the grouping column, e.g. "sex" */
  return group != NULL ? g_strdup_printf (_("Number at risk by %s"), group)
                       : g_strdup (_("Number at risk"));
}
