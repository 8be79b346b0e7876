/* ob-survival-page-results.c: the results panel of the survival page, and its text copy
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-app"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "ob-plot-style.h"
#include "ob-survival-page-private.h"

/* Below these, estimates are too imprecise to report without a word of caution. */
#define SMALL_COHORT_N      30
#define SMALL_GROUP_EVENTS  10

/* Helpers */

static char *
format_value (double value)
{
  if (!isfinite (value))
    return g_strdup ("—");
  if (fabs (value) >= 10000)
    return g_strdup_printf ("%.0f", value);
  return g_strdup_printf ("%.4g", value);
}

static char *
format_ratio (double value)
{
  if (!isfinite (value))
    return g_strdup ("—");
  return g_strdup_printf ("%.2f", value);
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

static char *
format_with_ci (double value,
                double lower,
                double upper,
                gboolean ratio)
{
  g_autofree char *v = NULL;
  g_autofree char *lo = NULL;
  g_autofree char *hi = NULL;

  if (!isfinite (value))
    return g_strdup (ratio ? "—" : _("not reached"));

  v = ratio ? format_ratio (value) : format_value (value);
  lo = ratio ? format_ratio (lower) : format_value (lower);
  /* An upper limit the curve never reaches is open, not missing. */
  hi = isfinite (upper) ? (ratio ? format_ratio (upper) : format_value (upper))
                        : g_strdup (_("NR"));
  return g_strdup_printf ("%s (%s–%s)", v, lo, hi);
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

/* One section of the panel: a heading, an optional table and paragraphs under it.  The
 * widgets are made once and only their text is set on a change, so that a recompute creates
 * no widgets and GTK measures again only the labels whose text changed. */
typedef struct
{
  GtkWidget *child;            /* the flow box child */
  GtkWidget *box;
  GtkWidget *title;
  GtkWidget *grid;             /* NULL without a table */
  guint n_columns;
  guint n_rows;                /* rows under the table's header */
  GPtrArray *paragraphs;       /* GtkLabel * */
} Section;

enum
{
  SECTION_SURVIVAL,
  SECTION_TEST,
  SECTION_COX,
  SECTION_PRISM,
  SECTION_WARNINGS,
  SECTION_DATA,
  N_SECTIONS
};

typedef struct
{
  Section sections[N_SECTIONS];
} Panel;

#define PANEL_KEY "ob-survival-results-panel"

static void
panel_free (gpointer data)
{
  Panel *panel = data;

  for (guint i = 0; i < N_SECTIONS; i++)
    g_ptr_array_unref (panel->sections[i].paragraphs);
  g_free (panel);
}

static void
set_label (GtkWidget  *label,
           const char *text,
           gboolean    markup)
{
  /* Setting the same text would still queue a resize. */
  if (g_strcmp0 (gtk_label_get_label (GTK_LABEL (label)), text) == 0)
    return;
  if (markup)
    gtk_label_set_markup (GTK_LABEL (label), text);
  else
    gtk_label_set_text (GTK_LABEL (label), text);
}

static void
make_section (Section            *section,
              GtkFlowBox         *box,
              const char * const *headers)
{
  section->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  section->title = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (section->title), 0);
  gtk_label_set_wrap (GTK_LABEL (section->title), TRUE);
  gtk_widget_add_css_class (section->title, "heading");
  gtk_box_append (GTK_BOX (section->box), section->title);
  gtk_widget_set_valign (section->box, GTK_ALIGN_START);
  gtk_flow_box_append (box, section->box);
  section->child = gtk_widget_get_parent (section->box);
  /* Sections are read, not chosen. */
  gtk_widget_set_focusable (section->child, FALSE);
  gtk_widget_set_visible (section->child, FALSE);
  section->paragraphs = g_ptr_array_new ();
  if (headers == NULL)
    return;

  section->grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (section->grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (section->grid), 4);
  for (section->n_columns = 0; headers[section->n_columns] != NULL; section->n_columns++)
    {
      GtkWidget *label = gtk_label_new (headers[section->n_columns]);

      gtk_label_set_xalign (GTK_LABEL (label), section->n_columns == 0 ? 0 : 1);
      gtk_widget_add_css_class (label, "caption-heading");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_grid_attach (GTK_GRID (section->grid), label, section->n_columns, 0, 1, 1);
    }
  gtk_box_append (GTK_BOX (section->box), section->grid);
}

static void
show_section (Section    *section,
              const char *title)
{
  set_label (section->title, title, FALSE);
  gtk_widget_set_opacity (section->box, 1.0);
  gtk_widget_set_visible (section->child, TRUE);
}

/* Rows of labels, made or dropped so that the table has n rows under its header. */
static void
set_rows (Section *section,
          guint    n)
{
  for (; section->n_rows < n; section->n_rows++)
    for (guint c = 0; c < section->n_columns; c++)
      {
        GtkWidget *label = gtk_label_new (NULL);

        gtk_label_set_xalign (GTK_LABEL (label), c == 0 ? 0 : 1);
        gtk_label_set_selectable (GTK_LABEL (label), TRUE);
        if (c > 0)
          gtk_widget_add_css_class (label, "numeric");
        gtk_grid_attach (GTK_GRID (section->grid), label, c, section->n_rows + 1, 1, 1);
      }
  for (; section->n_rows > n; section->n_rows--)
    gtk_grid_remove_row (GTK_GRID (section->grid), section->n_rows);
}

/* Group names come as markup (with their colour); numbers as plain text. */
static void
set_cell (Section    *section,
          guint       column,
          guint       row,
          const char *text)
{
  set_label (gtk_grid_get_child_at (GTK_GRID (section->grid), column, row + 1), text,
             column == 0);
}

static void
set_paragraph (Section    *section,
               guint       i,
               const char *text,
               const char *css_class)
{
  while (section->paragraphs->len <= i)
    {
      GtkWidget *label = gtk_label_new (NULL);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      if (css_class != NULL)
        gtk_widget_add_css_class (label, css_class);
      gtk_box_append (GTK_BOX (section->box), label);
      g_ptr_array_add (section->paragraphs, label);
    }
  set_label (g_ptr_array_index (section->paragraphs, i), text, FALSE);
}

static void
trim_paragraphs (Section *section,
                 guint    n)
{
  while (section->paragraphs->len > n)
    {
      GtkWidget *label = g_ptr_array_steal_index (section->paragraphs,
                                                  section->paragraphs->len - 1);

      gtk_box_remove (GTK_BOX (section->box), label);
    }
}

static Panel *
ensure_panel (GtkFlowBox *box)
{
  static const char *group_headers[] = { N_("Group"), N_("n"), N_("Events"),
                                         N_("Median (95% CI)"), N_("25%"), N_("75%"), NULL };
  const char *headers[G_N_ELEMENTS (group_headers)];
  Panel *panel = g_object_get_data (G_OBJECT (box), PANEL_KEY);

  if (panel != NULL)
    return panel;

  panel = g_new0 (Panel, 1);
  for (guint i = 0; i < G_N_ELEMENTS (group_headers); i++)
    headers[i] = group_headers[i] != NULL ? gettext (group_headers[i]) : NULL;
  make_section (&panel->sections[SECTION_SURVIVAL], box, headers);
  make_section (&panel->sections[SECTION_TEST], box, NULL);
  {
    const char *cox_headers[] = { _("Term"), _("HR (95% CI)"), _("p"), NULL };

    make_section (&panel->sections[SECTION_COX], box, cox_headers);
  }
  {
    const char *prism_headers[] = { _("Versus reference"), _("Mantel–Haenszel"),
                                    _("Log-rank"), NULL };

    make_section (&panel->sections[SECTION_PRISM], box, prism_headers);
  }
  make_section (&panel->sections[SECTION_WARNINGS], box, NULL);
  make_section (&panel->sections[SECTION_DATA], box, NULL);
  g_object_set_data_full (G_OBJECT (box), PANEL_KEY, panel, panel_free);
  return panel;
}

/* The group name with the dot of its colour in the figure. */
static char *
group_markup (const ObSurvivalResults *results,
              guint                    g)
{
  ObPlotColor color = ob_plot_palette_okabe_ito (g);
  g_autofree char *name = g_markup_escape_text (results->fit->curves[g].name, -1);

  if (results->fit->n_curves < 2)
    return g_steal_pointer (&name);
  return g_strdup_printf ("<span foreground=\"#%02x%02x%02x\">●</span> %s",
                          (guint) lround (color.r * 255), (guint) lround (color.g * 255),
                          (guint) lround (color.b * 255), name);
}

static char *
test_summary (const ObSurvTest *test)
{
  g_autofree char *p = format_p (test->p);

  return g_strdup_printf (_("χ² = %.3g, df = %u, p %s%s"), test->chisq, test->df,
                          g_str_has_prefix (p, "<") ? "" : "= ", p);
}

static char *
exclusions_text (const ObSurvivalResults *results)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, _("%zu of %zu rows analysed."), results->data->n,
                          results->n_rows);
  if (results->n_filtered > 0)
    {
      g_string_append_c (text, '\n');
      /* TRANSLATORS: rows removed by the subgroup filters */
      g_string_append_printf (text, ngettext ("%zu row outside the chosen subgroup.",
                                              "%zu rows outside the chosen subgroup.",
                                              results->n_filtered),
                              results->n_filtered);
    }
  for (guint i = 0; results->data->exclusions != NULL && i < results->data->exclusions->len; i++)
    g_string_append_printf (text, "\n%s",
                            (const char *) g_ptr_array_index (results->data->exclusions, i));
  return g_string_free (text, FALSE);
}

static GPtrArray *
collect_warnings (const ObSurvivalResults *results)
{
  GPtrArray *warnings = g_ptr_array_new_with_free_func (g_free);
  gsize events = 0;

  for (guint g = 0; g < results->fit->n_curves; g++)
    events += results->fit->curves[g].events;

  if (results->response_warning != NULL)
    g_ptr_array_add (warnings, g_strdup (results->response_warning));
  if (results->cox != NULL && results->cox->warning != NULL)
    g_ptr_array_add (warnings, g_strdup (results->cox->warning));
  if (results->cox != NULL && !results->cox->converged && results->cox->warning == NULL)
    g_ptr_array_add (warnings, g_strdup (_("The Cox model did not converge.")));
  if (results->cox_error != NULL)
    g_ptr_array_add (warnings, g_strdup (results->cox_error));
  if (results->test_error != NULL)
    g_ptr_array_add (warnings, g_strdup (results->test_error));
  if (results->data->n < SMALL_COHORT_N)
    g_ptr_array_add (warnings,
                     g_strdup_printf (_("Small cohort (%zu subjects, %zu events): estimates are "
                                        "imprecise."), results->data->n, events));
  for (guint g = 0; g < results->fit->n_curves && results->fit->n_curves > 1; g++)
    if (results->fit->curves[g].events < SMALL_GROUP_EVENTS)
      {
        g_ptr_array_add (warnings,
                         g_strdup_printf (_("Group “%s” has only %zu events."),
                                          results->fit->curves[g].name,
                                          results->fit->curves[g].events));
      }
  return warnings;
}

/* Public */

char *
ob_survival_results_conventions_note (const ObSurvivalResults *results)
{
  const char *ci = ob_ci_transform_to_string (results->fit->ci);

  if (results->conventions == OB_CONVENTIONS_PRISM)
    return g_strdup_printf (_("Prism conventions: %s confidence intervals for S(t) with Greenwood "
                              "variance (Prism’s “asymmetrical” intervals are log-log); medians "
                              "with Brookmeyer–Crowley intervals on the same scale; hazard ratios "
                              "by the log-rank method, Prism’s default, and Mantel–Haenszel, "
                              "beside Cox regression, which Prism does not fit. R’s defaults "
                              "differ: log intervals and Cox hazard ratios."),
                            ci);
  return g_strdup_printf (_("R conventions: %s confidence intervals for S(t) with Greenwood "
                            "variance (survfit); medians with Brookmeyer–Crowley intervals; tests "
                            "as survdiff; hazard ratios from Cox regression (coxph, %s ties). "
                            "Prism’s defaults differ: log-log intervals and log-rank hazard "
                            "ratios."),
                          ci, results->cox != NULL ? ob_ties_to_string (results->cox->ties)
                                                   : "efron");
}

void
ob_survival_results_clear (GtkFlowBox *box)
{
  Panel *panel = g_object_get_data (G_OBJECT (box), PANEL_KEY);

  for (guint i = 0; panel != NULL && i < N_SECTIONS; i++)
    gtk_widget_set_visible (panel->sections[i].child, FALSE);
}

static void
show_survival (Section                 *section,
               const ObSurvivalResults *results)
{
  const ObKmFit *fit = results->fit;
  g_autofree char *title = NULL;

  title = results->time_unit != NULL && *results->time_unit != '\0'
          ? g_strdup_printf (_("Survival (%s)"), results->time_unit)
          : g_strdup (_("Survival"));
  show_section (section, title);
  set_rows (section, fit->n_curves);
  for (guint g = 0; g < fit->n_curves; g++)
    {
      const ObKmCurve *c = &fit->curves[g];
      g_autofree char *name = group_markup (results, g);
      g_autofree char *n = g_strdup_printf ("%zu", c->n);
      g_autofree char *events = g_strdup_printf ("%zu", c->events);
      g_autofree char *median = format_with_ci (c->median, c->median_lower, c->median_upper, FALSE);
      g_autofree char *q25 = isfinite (c->q25) ? format_value (c->q25) : g_strdup (_("NR"));
      g_autofree char *q75 = isfinite (c->q75) ? format_value (c->q75) : g_strdup (_("NR"));

      set_cell (section, 0, g, name);
      set_cell (section, 1, g, n);
      set_cell (section, 2, g, events);
      set_cell (section, 3, g, median);
      set_cell (section, 4, g, q25);
      set_cell (section, 5, g, q75);
    }
}

static void
show_cox (Section                 *section,
          const ObSurvivalResults *results)
{
  const ObCox *cox = results->cox;
  g_autofree char *lr = NULL;
  g_autofree char *lr_p = NULL;

  /* While a new model is fitted the last one stays, dimmed, as the figure does. */
  if (results->cox_pending)
    {
      gtk_widget_set_opacity (section->box, 0.5);
      return;
    }
  if (cox == NULL)
    {
      gtk_widget_set_visible (section->child, FALSE);
      return;
    }

  show_section (section, _("Cox Proportional Hazards"));
  set_rows (section, cox->n_terms);
  for (guint t = 0; t < cox->n_terms; t++)
    {
      const ObCoxTerm *term = &cox->terms[t];
      g_autofree char *name = g_markup_escape_text (term->name, -1);
      g_autofree char *hr = format_with_ci (term->hr, term->hr_lower, term->hr_upper, TRUE);
      g_autofree char *p = format_p (term->p);

      set_cell (section, 0, t, name);
      set_cell (section, 1, t, hr);
      set_cell (section, 2, t, p);
    }
  lr_p = format_p (cox->lr.p);
  lr = g_strdup_printf (_("Likelihood ratio χ² = %.3g, df = %u, p %s%s"), cox->lr.chisq,
                        cox->lr.df, g_str_has_prefix (lr_p, "<") ? "" : "= ", lr_p);
  set_paragraph (section, 0, lr, "dim-label");
}

static void
show_prism (Section                 *section,
            const ObSurvivalResults *results)
{
  const ObSurvTest *t = results->test;
  guint row = 0;

  if (results->conventions != OB_CONVENTIONS_PRISM || t == NULL || t->hr_mh == NULL)
    {
      gtk_widget_set_visible (section->child, FALSE);
      return;
    }

  show_section (section, _("Hazard Ratios (Prism)"));
  set_rows (section, t->n_groups > 0 ? t->n_groups - 1 : 0);
  for (guint g = 0; g < t->n_groups; g++)
    {
      g_autofree char *name = NULL;
      g_autofree char *mh = NULL;
      g_autofree char *lr = NULL;

      if (g == results->data->reference)
        continue;
      name = group_markup (results, g);
      mh = format_with_ci (t->hr_mh[g], t->hr_mh_lower[g], t->hr_mh_upper[g], TRUE);
      lr = format_with_ci (t->hr_logrank[g], t->hr_logrank_lower[g], t->hr_logrank_upper[g],
                           TRUE);
      set_cell (section, 0, row, name);
      set_cell (section, 1, row, mh);
      set_cell (section, 2, row, lr);
      row++;
    }
}

void
ob_survival_results_show (const ObSurvivalResults *results,
                          GtkFlowBox              *box)
{
  Panel *panel = ensure_panel (box);
  Section *section;
  g_autoptr(GPtrArray) warnings = collect_warnings (results);
  g_autofree char *excluded = exclusions_text (results);
  g_autofree char *note = ob_survival_results_conventions_note (results);

  show_survival (&panel->sections[SECTION_SURVIVAL], results);

  section = &panel->sections[SECTION_TEST];
  if (results->test != NULL)
    {
      g_autofree char *summary = test_summary (results->test);

      show_section (section, ob_surv_test_method_label (results->test->method));
      set_paragraph (section, 0, summary, "numeric");
    }
  else
    gtk_widget_set_visible (section->child, FALSE);

  show_cox (&panel->sections[SECTION_COX], results);
  show_prism (&panel->sections[SECTION_PRISM], results);

  section = &panel->sections[SECTION_WARNINGS];
  if (warnings->len > 0)
    {
      show_section (section, _("Warnings"));
      for (guint i = 0; i < warnings->len; i++)
        set_paragraph (section, i, g_ptr_array_index (warnings, i), "warning");
    }
  else
    gtk_widget_set_visible (section->child, FALSE);
  trim_paragraphs (section, warnings->len);

  section = &panel->sections[SECTION_DATA];
  show_section (section, _("Data"));
  set_paragraph (section, 0, excluded, NULL);
  set_paragraph (section, 1, note, "dim-label");
}

char *
ob_survival_results_to_tsv (const ObSurvivalResults *results)
{
  const ObKmFit *fit = results->fit;
  g_autoptr(GPtrArray) warnings = collect_warnings (results);
  g_autofree char *excluded = exclusions_text (results);
  g_autofree char *note = ob_survival_results_conventions_note (results);
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n",
                          _("Group"), _("n"), _("Events"), _("Median"), _("Median lower 95%"),
                          _("Median upper 95%"), _("25%"), _("25% lower"), _("25% upper"),
                          _("75%"), _("75% lower"), _("75% upper"));
  for (guint g = 0; g < fit->n_curves; g++)
    {
      const ObKmCurve *c = &fit->curves[g];

      g_string_append_printf (out, "%s\t%zu\t%zu", c->name, c->n, c->events);
      tsv_value (out, c->median);
      tsv_value (out, c->median_lower);
      tsv_value (out, c->median_upper);
      tsv_value (out, c->q25);
      tsv_value (out, c->q25_lower);
      tsv_value (out, c->q25_upper);
      tsv_value (out, c->q75);
      tsv_value (out, c->q75_lower);
      tsv_value (out, c->q75_upper);
      g_string_append_c (out, '\n');
    }

  if (results->test != NULL)
    {
      g_string_append_printf (out, "\n%s\t%s\t%s\t%s\n", _("Test"), _("Chi-square"), _("df"),
                              _("p"));
      g_string_append (out, ob_surv_test_method_label (results->test->method));
      tsv_value (out, results->test->chisq);
      g_string_append_printf (out, "\t%u", results->test->df);
      tsv_value (out, results->test->p);
      g_string_append_c (out, '\n');
    }

  if (results->cox != NULL)
    {
      g_string_append_printf (out, "\n%s\t%s\t%s\t%s\t%s\t%s\t%s\n", _("Term"), _("coef"),
                              _("SE"), _("HR"), _("HR lower 95%"), _("HR upper 95%"), _("p"));
      for (guint t = 0; t < results->cox->n_terms; t++)
        {
          const ObCoxTerm *term = &results->cox->terms[t];

          g_string_append (out, term->name);
          tsv_value (out, term->coef);
          tsv_value (out, term->se);
          tsv_value (out, term->hr);
          tsv_value (out, term->hr_lower);
          tsv_value (out, term->hr_upper);
          tsv_value (out, term->p);
          g_string_append_c (out, '\n');
        }
    }

  if (results->conventions == OB_CONVENTIONS_PRISM && results->test != NULL
      && results->test->hr_mh != NULL)
    {
      const ObSurvTest *t = results->test;

      g_string_append_printf (out, "\n%s\t%s\t%s\t%s\t%s\t%s\t%s\n", _("Versus reference"),
                              _("HR (Mantel–Haenszel)"), _("lower 95%"), _("upper 95%"),
                              _("HR (log-rank)"), _("lower 95%"), _("upper 95%"));
      for (guint g = 0; g < t->n_groups; g++)
        {
          if (g == results->data->reference)
            continue;
          g_string_append (out, fit->curves[g].name);
          tsv_value (out, t->hr_mh[g]);
          tsv_value (out, t->hr_mh_lower[g]);
          tsv_value (out, t->hr_mh_upper[g]);
          tsv_value (out, t->hr_logrank[g]);
          tsv_value (out, t->hr_logrank_lower[g]);
          tsv_value (out, t->hr_logrank_upper[g]);
          g_string_append_c (out, '\n');
        }
    }

  g_string_append_printf (out, "\n%s\n", excluded);
  for (guint i = 0; i < warnings->len; i++)
    g_string_append_printf (out, "%s\n", (const char *) g_ptr_array_index (warnings, i));
  g_string_append_printf (out, "%s\n", note);
  return g_string_free (out, FALSE);
}
