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

static GtkWidget *
add_paragraph (GtkWidget  *section,
               const char *text,
               const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (GTK_BOX (section), label);
  return label;
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

/* Group names come as markup (with their colour); numbers as plain text. */
static void
add_cell (GtkWidget  *grid,
          int         column,
          int         row,
          const char *text)
{
  GtkWidget *label = gtk_label_new (NULL);

  if (column == 0)
    gtk_label_set_markup (GTK_LABEL (label), text);
  else
    gtk_label_set_text (GTK_LABEL (label), text);
  gtk_label_set_xalign (GTK_LABEL (label), column == 0 ? 0 : 1);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (column > 0)
    gtk_widget_add_css_class (label, "numeric");
  gtk_grid_attach (GTK_GRID (grid), label, column, row, 1, 1);
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

void
ob_survival_results_free (ObSurvivalResults *results)
{
  if (results == NULL)
    return;
  g_clear_pointer (&results->data, ob_surv_data_free);
  g_clear_pointer (&results->fit, ob_km_fit_free);
  g_clear_pointer (&results->test, ob_surv_test_free);
  g_clear_pointer (&results->cox, ob_cox_free);
  g_free (results->cox_error);
  g_free (results->test_error);
  g_free (results->time_unit);
  g_free (results);
}

void
ob_survival_job_free (ObSurvivalJob *job)
{
  if (job == NULL)
    return;
  g_clear_pointer (&job->dataset, ob_dataset_unref);
  g_free (job->time_column);
  g_free (job->event_column);
  g_free (job->group_column);
  g_strfreev (job->event_values);
  g_strfreev (job->covariates);
  g_free (job->mask);
  g_free (job->time_unit);
  g_free (job);
}

ObSurvivalResults *
ob_survival_job_run (const ObSurvivalJob *job,
                     GError             **error)
{
  g_autoptr(ObSurvivalResults) results = g_new0 (ObSurvivalResults, 1);
  g_autoptr(GError) local_error = NULL;
  ObSurvSpec spec = { 0 };
  ObKmOptions km_options;

  spec.time_column = job->time_column;
  spec.event_column = job->event_column;
  spec.event_values = (const char * const *) job->event_values;
  spec.group_column = job->group_column;
  spec.covariates = (const char * const *) job->covariates;
  spec.landmark = job->landmark;

  results->n_rows = ob_dataset_get_n_rows (job->dataset);
  results->n_filtered = job->n_filtered;
  results->method = job->method;
  results->conventions = job->conventions;
  results->time_unit = g_strdup (job->time_unit);

  results->data = ob_surv_data_new (job->dataset, &spec, job->mask, error);
  if (results->data == NULL)
    return NULL;
  results->response_warning = ob_surv_data_response_warning (results->data, &spec);

  ob_km_options_init (&km_options);
  km_options.ci = job->ci;
  results->fit = ob_km_fit (results->data, &km_options, error);
  if (results->fit == NULL)
    return NULL;

  if (results->data->n_groups >= 2)
    {
      results->test = ob_surv_test (results->data, job->method, FALSE, &local_error);
      if (results->test == NULL)
        results->test_error = g_strdup (local_error->message);
      g_clear_error (&local_error);
    }

  if (results->data->p > 0)
    {
      ObCoxOptions cox_options;

      ob_cox_options_init (&cox_options);
      results->cox = ob_cox_fit (results->data, &cox_options, &local_error);
      if (results->cox == NULL)
        results->cox_error = g_strdup (local_error->message);
      g_clear_error (&local_error);
    }

  return g_steal_pointer (&results);
}

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
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_flow_box_remove (box, child);
}

void
ob_survival_results_show (const ObSurvivalResults *results,
                          GtkFlowBox              *box)
{
  static const char *group_headers[] = { N_("Group"), N_("n"), N_("Events"),
                                         N_("Median (95% CI)"), N_("25%"), N_("75%"), NULL };
  const char *headers[G_N_ELEMENTS (group_headers)];
  const ObKmFit *fit = results->fit;
  g_autoptr(GPtrArray) warnings = collect_warnings (results);
  g_autofree char *excluded = exclusions_text (results);
  g_autofree char *note = ob_survival_results_conventions_note (results);
  g_autofree char *median_title = NULL;
  GtkWidget *section, *grid;

  ob_survival_results_clear (box);

  for (guint i = 0; i < G_N_ELEMENTS (group_headers); i++)
    headers[i] = group_headers[i] != NULL ? gettext (group_headers[i]) : NULL;
  median_title = results->time_unit != NULL && *results->time_unit != '\0'
                 ? g_strdup_printf (_("Survival (%s)"), results->time_unit)
                 : g_strdup (_("Survival"));
  section = add_section (box, median_title);
  grid = add_grid (section, headers);
  for (guint g = 0; g < fit->n_curves; g++)
    {
      const ObKmCurve *c = &fit->curves[g];
      g_autofree char *name = group_markup (results, g);
      g_autofree char *n = g_strdup_printf ("%zu", c->n);
      g_autofree char *events = g_strdup_printf ("%zu", c->events);
      g_autofree char *median = format_with_ci (c->median, c->median_lower, c->median_upper, FALSE);
      g_autofree char *q25 = isfinite (c->q25) ? format_value (c->q25) : g_strdup (_("NR"));
      g_autofree char *q75 = isfinite (c->q75) ? format_value (c->q75) : g_strdup (_("NR"));

      add_cell (grid, 0, g + 1, name);
      add_cell (grid, 1, g + 1, n);
      add_cell (grid, 2, g + 1, events);
      add_cell (grid, 3, g + 1, median);
      add_cell (grid, 4, g + 1, q25);
      add_cell (grid, 5, g + 1, q75);
    }

  if (results->test != NULL)
    {
      g_autofree char *summary = test_summary (results->test);

      section = add_section (box, ob_surv_test_method_label (results->test->method));
      add_paragraph (section, summary, "numeric");
    }

  if (results->cox != NULL)
    {
      const char *cox_headers[] = { _("Term"), _("HR (95% CI)"), _("p"), NULL };
      g_autofree char *lr = NULL;
      g_autofree char *lr_p = NULL;

      section = add_section (box, _("Cox Proportional Hazards"));
      grid = add_grid (section, cox_headers);
      for (guint t = 0; t < results->cox->n_terms; t++)
        {
          const ObCoxTerm *term = &results->cox->terms[t];
          g_autofree char *name = g_markup_escape_text (term->name, -1);
          g_autofree char *hr = format_with_ci (term->hr, term->hr_lower, term->hr_upper, TRUE);
          g_autofree char *p = format_p (term->p);

          add_cell (grid, 0, t + 1, name);
          add_cell (grid, 1, t + 1, hr);
          add_cell (grid, 2, t + 1, p);
        }
      lr_p = format_p (results->cox->lr.p);
      lr = g_strdup_printf (_("Likelihood ratio χ² = %.3g, df = %u, p %s%s"),
                            results->cox->lr.chisq, results->cox->lr.df,
                            g_str_has_prefix (lr_p, "<") ? "" : "= ", lr_p);
      add_paragraph (section, lr, "dim-label");
    }

  if (results->conventions == OB_CONVENTIONS_PRISM && results->test != NULL
      && results->test->hr_mh != NULL)
    {
      const char *prism_headers[] = { _("Versus reference"), _("Mantel–Haenszel"),
                                      _("Log-rank"), NULL };
      int row = 1;

      section = add_section (box, _("Hazard Ratios (Prism)"));
      grid = add_grid (section, prism_headers);
      for (guint g = 0; g < results->test->n_groups; g++)
        {
          const ObSurvTest *t = results->test;
          g_autofree char *name = NULL;
          g_autofree char *mh = NULL;
          g_autofree char *lr = NULL;

          if (g == results->data->reference)
            continue;
          name = group_markup (results, g);
          mh = format_with_ci (t->hr_mh[g], t->hr_mh_lower[g], t->hr_mh_upper[g], TRUE);
          lr = format_with_ci (t->hr_logrank[g], t->hr_logrank_lower[g], t->hr_logrank_upper[g],
                               TRUE);
          add_cell (grid, 0, row, name);
          add_cell (grid, 1, row, mh);
          add_cell (grid, 2, row, lr);
          row++;
        }
    }

  if (warnings->len > 0)
    {
      section = add_section (box, _("Warnings"));
      for (guint i = 0; i < warnings->len; i++)
        add_paragraph (section, g_ptr_array_index (warnings, i), "warning");
    }

  section = add_section (box, _("Data"));
  add_paragraph (section, excluded, NULL);
  add_paragraph (section, note, "dim-label");
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
