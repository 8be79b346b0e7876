/* ob-compare-page-panel.c: the compare page's results panel and its tab-separated copy
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-app"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "ob-compare-page-private.h"

/* Helpers */

static char *
format_value (double value)
{
  if (!isfinite (value))
    return g_strdup ("—");
  if (fabs (value) >= 100000)
    return g_strdup_printf ("%.0f", value);
  return g_strdup_printf ("%.4g", value);
}

static char *
format_p (double p)
{
  if (!isfinite (p))
    return g_strdup ("—");
  if (p < 0.0001)
    return g_strdup ("< 0.0001");
  if (p < 0.001)
    return g_strdup_printf ("%.4f", p);
  return g_strdup_printf ("%.3g", p);
}

static void
tsv_value (GString *out,
           double   value)
{
  if (isfinite (value))
    g_string_append_printf (out, "\t%.6g", value);
  else
    g_string_append (out, "\tNA");
}

static const char *
statistic_symbol (ObCompareTest test)
{
  switch (test)
    {
    case OB_COMPARE_MANN_WHITNEY:
      return "W";
    case OB_COMPARE_KRUSKAL:
      return "H";
    case OB_COMPARE_ANOVA:
    case OB_COMPARE_WELCH_ANOVA:
    case OB_COMPARE_TWOWAY:
      return "F";
    default:
      return "t";
    }
}

/* "F(2, 70) = 4.21, p = 0.0188" */
static char *
format_test_line (const ObCompareResults *r)
{
  g_autofree char *statistic = format_value (r->statistic);
  g_autofree char *p = format_p (r->p);
  const char *eq = r->p < 0.0001 ? "" : "= ";
  g_autofree char *df = NULL;

  if (isfinite (r->df) && isfinite (r->df2))
    df = g_strdup_printf ("(%.4g, %.4g)", r->df, r->df2);
  else if (isfinite (r->df))
    df = g_strdup_printf ("(%.4g)", r->df);
  return g_strdup_printf ("%s%s = %s, p %s%s", statistic_symbol (r->test), df != NULL ? df : "",
                          statistic, eq, p);
}

static const char *
pair_name (const ObCompareResults *r,
           const ObPairwise       *pair,
           guint                   level)
{
  char **names = r->test == OB_COMPARE_TWOWAY ? r->data->factor2_names : r->data->group_names;

  return names[level];
}

static GtkWidget *
add_section (GtkFlowBox *box,
             const char *title)
{
  GtkWidget *section = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (section), label);
  gtk_widget_set_valign (section, GTK_ALIGN_START);
  gtk_flow_box_append (box, section);
  /* Sections are read, not chosen. */
  gtk_widget_set_focusable (gtk_widget_get_parent (section), FALSE);
  return section;
}

static void
add_paragraph (GtkWidget  *section,
               const char *text,
               const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 48);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (GTK_BOX (section), label);
}

static GtkWidget *
add_grid (GtkWidget          *section,
          const char * const *headers)
{
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  for (int c = 0; headers[c] != NULL; c++)
    {
      GtkWidget *label = gtk_label_new (headers[c]);

      gtk_label_set_xalign (GTK_LABEL (label), c == 0 ? 0 : 1);
      gtk_widget_add_css_class (label, "caption-heading");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_grid_attach (GTK_GRID (grid), label, c, 0, 1, 1);
    }
  gtk_box_append (GTK_BOX (section), grid);
  return grid;
}

static void
add_cell (GtkWidget  *grid,
          int         column,
          int         row,
          const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), column == 0 ? 0 : 1);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (column > 0)
    gtk_widget_add_css_class (label, "numeric");
  gtk_grid_attach (GTK_GRID (grid), label, column, row, 1, 1);
}

static void
add_number (GtkWidget *grid,
            int        column,
            int        row,
            double     value)
{
  g_autofree char *text = format_value (value);

  add_cell (grid, column, row, text);
}

/* What the test left out and why: filtered rows, unmatched subjects, values beyond a limit. */
static void
show_rows (const ObCompareResults *r,
           GtkWidget              *section)
{
  if (r->n_kept < r->n_rows)
    {
      g_autofree char *text = g_strdup_printf (_("Filtered: %zu of %zu rows"), r->n_kept,
                                               r->n_rows);

      add_paragraph (section, text, "dim-label");
    }
  if (r->by_id)
    {
      /* Counts after a colon need no plural forms. */
      g_autofree char *text = g_strdup_printf (_("Pairs by subject: %zu; values without a "
                                                 "partner left out: %zu"),
                                               r->n_paired, r->n_unpaired);

      add_paragraph (section, text, "dim-label");
    }
  if (r->n_below_total + r->n_above_total > 0)
    {
      g_autofree char *text = g_strdup_printf (_("Left out of the test, having no number: "
                                                 "below the LLOQ %zu, above the ULOQ %zu"),
                                               r->n_below_total, r->n_above_total);

      add_paragraph (section, text, "dim-label");
    }
}

static void
show_test (const ObCompareResults *r,
           GtkFlowBox             *box)
{
  GtkWidget *section = add_section (box, r->method);
  g_autofree char *line = format_test_line (r);

  add_paragraph (section, line, NULL);
  if (ob_compare_test_is_two_group (r->test))
    {
      g_autofree char *groups = g_strdup_printf (_("a = %s, b = %s"),
                                                 r->data->group_names[r->which[0]],
                                                 r->data->group_names[r->which[1]]);

      add_paragraph (section, groups, "dim-label");
      if (r->test != OB_COMPARE_MANN_WHITNEY)
        {
          g_autofree char *estimate = format_value (r->t.estimate);
          g_autofree char *lower = format_value (r->t.ci_lower);
          g_autofree char *upper = format_value (r->t.ci_upper);
          g_autofree char *text =
            g_strdup_printf (r->test == OB_COMPARE_PAIRED
                             ? _("Mean difference a − b %s (95%% CI %s to %s)")
                             : _("Difference of means a − b %s (95%% CI %s to %s)"),
                             estimate, lower, upper);

          add_paragraph (section, text, NULL);
        }
      else
        add_paragraph (section, _("W is the Mann–Whitney U of group a, as R’s wilcox.test(a, b)."),
                       "dim-label");
    }
  if (r->test == OB_COMPARE_TWOWAY)
    {
      const char * const headers[] = { _("Term"), _("df"), _("SS"), _("MS"), "F", "p", NULL };
      const ObAnovaTerm *terms[] = { &r->twoway.a, &r->twoway.b, &r->twoway.interaction,
                                     &r->twoway.residual };
      g_autofree char *interaction = g_strdup_printf ("%s × %s", r->group_column,
                                                      r->factor2_column);
      const char *names[] = { r->group_column, r->factor2_column, interaction, _("Residual") };
      GtkWidget *grid = add_grid (section, headers);

      for (guint i = 0; i < G_N_ELEMENTS (terms); i++)
        {
          g_autofree char *p = format_p (terms[i]->p);

          add_cell (grid, 0, i + 1, names[i]);
          add_number (grid, 1, i + 1, terms[i]->df);
          add_number (grid, 2, i + 1, terms[i]->ss);
          add_number (grid, 3, i + 1, terms[i]->ms);
          add_number (grid, 4, i + 1, terms[i]->statistic);
          add_cell (grid, 5, i + 1, i + 1 < G_N_ELEMENTS (terms) ? p : "");
        }
      add_paragraph (section, _("The test line is the interaction: whether the second factor "
                                "acts alike in every group."), "dim-label");
    }
  show_rows (r, section);
}

static void
show_descriptives (const ObCompareResults *r,
                   GtkFlowBox             *box)
{
  const char * const headers[] = {
    _("Group"), "n", _("Mean"), _("SD"), _("SEM"), _("95% CI"), _("Median"), _("IQR"), NULL,
  };
  GtkWidget *section = add_section (box, _("Descriptive Statistics"));
  GtkWidget *grid = add_grid (section, headers);

  for (guint i = 0; i < r->n_groups; i++)
    {
      const ObDescriptives *d = &r->groups[i].desc;
      g_autofree char *n = g_strdup_printf ("%zu", d->n);
      g_autofree char *lo = format_value (d->ci_lower);
      g_autofree char *hi = format_value (d->ci_upper);
      g_autofree char *ci = isfinite (d->ci_lower) ? g_strdup_printf ("%s–%s", lo, hi)
                                                   : g_strdup ("—");
      g_autofree char *q1 = format_value (d->q1);
      g_autofree char *q3 = format_value (d->q3);
      g_autofree char *iqr = g_strdup_printf ("%s–%s", q1, q3);

      add_cell (grid, 0, i + 1, r->groups[i].name);
      add_cell (grid, 1, i + 1, n);
      add_number (grid, 2, i + 1, d->mean);
      add_number (grid, 3, i + 1, d->sd);
      add_number (grid, 4, i + 1, d->sem);
      add_cell (grid, 5, i + 1, ci);
      add_number (grid, 6, i + 1, d->median);
      add_cell (grid, 7, i + 1, iqr);
    }
}

static void
show_pairs (const ObCompareResults *r,
            GtkFlowBox             *box)
{
  static const char * const titles[] = {
    N_("Tukey HSD"), N_("Games–Howell"), N_("Dunn (Holm-adjusted)"), N_("Šidák"),
  };
  gboolean within = r->test == OB_COMPARE_TWOWAY;
  gboolean ci = r->posthoc != OB_POSTHOC_DUNN;
  const char * const headers[] = {
    within ? _("Within") : _("a"), within ? _("a") : _("b"), within ? _("b") : _("b − a"),
    within ? _("b − a") : (ci ? _("95% CI") : _("p adj.")), within || ci ? _("p adj.") : NULL,
    NULL,
  };
  GtkWidget *section = add_section (box, _(titles[r->posthoc]));
  GtkWidget *grid = add_grid (section, headers);

  for (gsize i = 0; i < r->n_pairs; i++)
    {
      const ObPairwise *pair = &r->pairs[i];
      g_autofree char *p = format_p (pair->p_adj);
      g_autofree char *p_text = g_strdup_printf ("%s %s", p, ob_p_stars (pair->p_adj));
      int row = (int) i + 1, c = 0;

      if (within)
        add_cell (grid, c++, row, r->data->group_names[pair->within]);
      add_cell (grid, c++, row, pair_name (r, pair, pair->a));
      add_cell (grid, c++, row, pair_name (r, pair, pair->b));
      add_number (grid, c++, row, pair->diff);
      if (!within && ci)
        {
          g_autofree char *lo = format_value (pair->lower);
          g_autofree char *hi = format_value (pair->upper);
          g_autofree char *range = g_strdup_printf ("%s to %s", lo, hi);

          add_cell (grid, c++, row, range);
        }
      add_cell (grid, c, row, p_text);
    }
}

static void
show_normality (const ObCompareResults *r,
                GtkFlowBox             *box)
{
  const char * const headers[] = { _("Group"), "W", "p", NULL };
  GtkWidget *section = add_section (box, _("Normality (Shapiro–Wilk)"));
  GtkWidget *grid = add_grid (section, headers);

  for (guint i = 0; i < r->n_groups; i++)
    {
      const ObCompareGroup *g = &r->groups[i];
      g_autofree char *p = g->has_normality ? format_p (g->normality.p) : g_strdup ("—");

      add_cell (grid, 0, i + 1, g->name);
      add_number (grid, 1, i + 1, g->has_normality ? g->normality.statistic : NAN);
      add_cell (grid, 2, i + 1, p);
    }
  add_paragraph (section, _("For information only: the test above is the one chosen, "
                            "whatever these say."), "dim-label");
  if (r->data->exclusions->len > 0)
    {
      g_autoptr(GString) text = g_string_new (_("Left out: "));

      for (guint i = 0; i < r->data->exclusions->len; i++)
        g_string_append_printf (text, "%s%s", i > 0 ? "; " : "",
                                (const char *) g_ptr_array_index (r->data->exclusions, i));
      add_paragraph (section, text->str, "dim-label");
    }
}

/* Public */

void
ob_compare_results_clear (GtkFlowBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_flow_box_remove (box, child);
}

void
ob_compare_results_show (const ObCompareResults *results,
                         GtkFlowBox             *box)
{
  ob_compare_results_clear (box);
  show_test (results, box);
  show_descriptives (results, box);
  if (results->has_posthoc)
    show_pairs (results, box);
  show_normality (results, box);
}

char *
ob_compare_results_to_tsv (const ObCompareResults *r)
{
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "%s\n", r->method);
  g_string_append_printf (out, "Value\t%s\nGroups\t%s\n", r->value_column, r->group_column);
  if (r->factor2_column != NULL)
    g_string_append_printf (out, "Second factor\t%s\n", r->factor2_column);
  if (ob_compare_test_is_two_group (r->test))
    g_string_append_printf (out, "a\t%s\nb\t%s\n", r->data->group_names[r->which[0]],
                            r->data->group_names[r->which[1]]);
  g_string_append (out, "Statistic");
  tsv_value (out, r->statistic);
  g_string_append (out, "\ndf");
  tsv_value (out, r->df);
  if (isfinite (r->df2))
    tsv_value (out, r->df2);
  g_string_append (out, "\np");
  tsv_value (out, r->p);
  g_string_append_c (out, '\n');
  if (r->n_kept < r->n_rows)
    g_string_append_printf (out, "Rows kept by the filters\t%zu\t%zu\n", r->n_kept, r->n_rows);
  if (r->by_id)
    g_string_append_printf (out, "Pairs by ID\t%zu\nUnpaired\t%zu\n", r->n_paired,
                            r->n_unpaired);
  if (r->has_flags)
    {
      g_string_append_printf (out, "Below LLOQ\t%zu\nAbove ULOQ\t%zu\nLLOQ", r->n_below_total,
                              r->n_above_total);
      tsv_value (out, r->lloq);
      g_string_append (out, "\nULOQ");
      tsv_value (out, r->uloq);
      g_string_append_c (out, '\n');
    }
  if (r->test <= OB_COMPARE_PAIRED)
    {
      g_string_append (out, "Difference a − b and 95% CI");
      tsv_value (out, r->t.estimate);
      tsv_value (out, r->t.ci_lower);
      tsv_value (out, r->t.ci_upper);
      g_string_append_c (out, '\n');
    }
  if (r->test == OB_COMPARE_TWOWAY)
    {
      const ObAnovaTerm *terms[] = { &r->twoway.a, &r->twoway.b, &r->twoway.interaction,
                                     &r->twoway.residual };
      const char *names[] = { r->group_column, r->factor2_column, "Interaction", "Residual" };

      g_string_append (out, "\nTerm\tdf\tSS\tMS\tF\tp\n");
      for (guint i = 0; i < G_N_ELEMENTS (terms); i++)
        {
          g_string_append (out, names[i]);
          tsv_value (out, terms[i]->df);
          tsv_value (out, terms[i]->ss);
          tsv_value (out, terms[i]->ms);
          tsv_value (out, terms[i]->statistic);
          tsv_value (out, terms[i]->p);
          g_string_append_c (out, '\n');
        }
    }

  g_string_append (out, "\nGroup\tn\tMean\tSD\tSEM\t95% CI lower\t95% CI upper\tMedian\tQ1\tQ3"
                        "\tShapiro–Wilk W\tShapiro–Wilk p\n");
  for (guint i = 0; i < r->n_groups; i++)
    {
      const ObCompareGroup *g = &r->groups[i];

      g_string_append_printf (out, "%s\t%zu", g->name, g->desc.n);
      tsv_value (out, g->desc.mean);
      tsv_value (out, g->desc.sd);
      tsv_value (out, g->desc.sem);
      tsv_value (out, g->desc.ci_lower);
      tsv_value (out, g->desc.ci_upper);
      tsv_value (out, g->desc.median);
      tsv_value (out, g->desc.q1);
      tsv_value (out, g->desc.q3);
      tsv_value (out, g->has_normality ? g->normality.statistic : NAN);
      tsv_value (out, g->has_normality ? g->normality.p : NAN);
      g_string_append_c (out, '\n');
    }

  if (r->has_posthoc)
    {
      g_string_append_printf (out, "\nComparisons (%s)\n%sa\tb\tdiff (b − a)\tlower\tupper"
                                   "\tp adj\n",
                              ob_compare_posthoc_to_string (r->posthoc),
                              r->test == OB_COMPARE_TWOWAY ? "Within\t" : "");
      for (gsize i = 0; i < r->n_pairs; i++)
        {
          const ObPairwise *pair = &r->pairs[i];

          if (r->test == OB_COMPARE_TWOWAY)
            g_string_append_printf (out, "%s\t", r->data->group_names[pair->within]);
          g_string_append_printf (out, "%s\t%s", pair_name (r, pair, pair->a),
                                  pair_name (r, pair, pair->b));
          tsv_value (out, pair->diff);
          tsv_value (out, pair->lower);
          tsv_value (out, pair->upper);
          tsv_value (out, pair->p_adj);
          g_string_append_c (out, '\n');
        }
    }
  return g_string_free (out, FALSE);
}

static const char *
r_function (ObCompareTest test)
{
  switch (test)
    {
    case OB_COMPARE_MANN_WHITNEY:
      return "wilcox.test";
    case OB_COMPARE_ANOVA:
      return "aov";
    case OB_COMPARE_WELCH_ANOVA:
      return "oneway.test";
    case OB_COMPARE_KRUSKAL:
      return "kruskal.test";
    case OB_COMPARE_TWOWAY:
      return "anova(lm(y ~ A * B))";
    default:
      return "t.test";
    }
}

char *
ob_compare_results_methods (const ObCompareResults *r)
{
  static const char * const posthoc_text[] = {
    N_("Tukey’s honestly significant difference"),
    N_("the Games–Howell procedure"),
    N_("Dunn’s test with Holm’s adjustment"),
    N_("t tests on the residual mean square with Šidák’s adjustment"),
  };
  GString *out = g_string_new (NULL);

  if (r->factor2_column != NULL)
    g_string_append_printf (out, _("%s was compared across %s and %s (%zu observations) by %s."),
                            r->value_column, r->group_column, r->factor2_column, r->data->n,
                            r->method);
  else
    g_string_append_printf (out, _("%s was compared between the groups of %s (%zu "
                                   "observations) by %s."),
                            r->value_column, r->group_column, r->data->n, r->method);
  /* A reader must be able to tell which rows, pairs and values went in. */
  if (r->where != NULL)
    {
      g_autofree char *filters = g_strjoinv (", ", r->where);

      g_string_append_c (out, ' ');
      g_string_append_printf (out, _("Rows were restricted to %s (%zu of %zu)."), filters,
                              r->n_kept, r->n_rows);
    }
  if (r->by_id)
    {
      g_string_append_c (out, ' ');
      /* Counts after a colon need no plural forms. */
      g_string_append_printf (out, _("Values were paired by subject: pairs %zu, values "
                                     "without a partner left out %zu."),
                              r->n_paired, r->n_unpaired);
    }
  if (r->n_below_total + r->n_above_total > 0)
    {
      g_string_append_c (out, ' ');
      g_string_append_printf (out, _("Values beyond the limits of quantification have no "
                                     "number and were left out of the test (below the LLOQ "
                                     "%zu, above the ULOQ %zu); the figure shows them on the "
                                     "limit’s line."),
                              r->n_below_total, r->n_above_total);
    }
  if (r->has_posthoc)
    {
      g_string_append_c (out, ' ');
      g_string_append_printf (out, _("Pairwise comparisons used %s."),
                              _(posthoc_text[r->posthoc]));
    }
  g_string_append_c (out, ' ');
  g_string_append_printf (out, _("Normality was checked with the Shapiro–Wilk test for "
                                 "information and did not select the test. Two-sided p values "
                                 "below 0.05 were taken as significant. Statistics were "
                                 "computed with Oncobench %s, whose results equal R’s %s."),
                          PACKAGE_VERSION, r_function (r->test));
  return g_string_free (out, FALSE);
}

char *
ob_compare_results_sentence (const ObCompareResults *r)
{
  g_autofree char *line = format_test_line (r);

  if (ob_compare_test_is_two_group (r->test))
    return g_strdup_printf (_("%s in %s (n = %zu) versus %s (n = %zu): %s."), r->value_column,
                            r->groups[0].name, r->groups[0].desc.n, r->groups[1].name,
                            r->groups[1].desc.n, line);
  if (r->test == OB_COMPARE_TWOWAY)
    return g_strdup_printf (_("%s: interaction of %s and %s, %s."), r->value_column,
                            r->group_column, r->factor2_column, line);
  return g_strdup_printf (_("%s differed between the %u groups of %s with %s (%s)."),
                          r->value_column, r->data->n_groups, r->group_column, line,
                          r->method);
}
