/* ob-survival-page-words.c: the survival analysis as a Methods paragraph and a Results
 * sentence, ready to paste into a manuscript
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-app"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "ob-plot-text.h"
#include "ob-survival-page-private.h"

/* Helpers */

/* "pfs_months" → "PFS", "os_days" → "OS"; a plain "time" column → "survival". */
static char *
endpoint_name (const char *column)
{
  static const char * const units[] = { "months", "month", "days", "day", "weeks", "week",
                                        "years", "year", "mo", "m", "d", "w", "y", NULL };
  g_autofree char *name = g_strdup (column != NULL ? column : "");
  g_auto(GStrv) words = g_strsplit_set (name, "_.- ", -1);
  g_autoptr(GString) kept = g_string_new (NULL);
  gboolean short_code;

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *lower = g_ascii_strdown (words[i], -1);

      if (*lower == '\0' || (i > 0 && g_strv_contains (units, lower)))
        continue;
      if (kept->len > 0)
        g_string_append_c (kept, ' ');
      g_string_append (kept, words[i]);
    }
  if (kept->len == 0 || g_ascii_strcasecmp (kept->str, "time") == 0 ||
      g_ascii_strcasecmp (kept->str, "futime") == 0)
    return g_strdup (_("survival"));

  /* Endpoint codes are written in capitals in papers: PFS, OS, DFS. */
  short_code = kept->len <= 4;
  for (const char *p = kept->str; short_code && *p != '\0'; p++)
    short_code = g_ascii_isalpha (*p);
  return short_code ? g_ascii_strup (kept->str, -1) : g_strdup (kept->str);
}

/* A group as a reader names it: "TP53-mutant", or for a coded level "sex 2". */
static char *
group_label (const char *column,
             const char *level)
{
  char *end = NULL;

  g_ascii_strtod (level, &end);
  if (column != NULL && end != level && *end == '\0')
    return g_strdup_printf ("%s %s", column, level);
  return g_strdup (level);
}

/* Three significant digits, without the zeros a time read from the data never had: 8.3,
 * 15.9, 310. */
static char *
format_time (double value)
{
  char *text = ob_plot_format_number (value, 3);

  if (strchr (text, '.') != NULL)
    {
      char *end = text + strlen (text);

      while (end > text && end[-1] == '0')
        *--end = '\0';
      if (end > text && end[-1] == '.')
        end[-1] = '\0';
    }
  return text;
}

static char *
format_time_ci (double lower,
                double upper)
{
  g_autofree char *lo = isfinite (lower) ? format_time (lower) : g_strdup (_("NR"));
  g_autofree char *hi = isfinite (upper) ? format_time (upper) : g_strdup (_("NR"));

  return g_strdup_printf ("%s–%s", lo, hi);
}

/* Hazard ratios to two decimals, as journals print them; an open limit stays open. */
static char *
format_hr (double value)
{
  if (isinf (value))
    return g_strdup ("∞");
  return isfinite (value) ? g_strdup_printf ("%.2f", value) : g_strdup ("NA");
}

static const char *
test_name (ObSurvTestMethod method)
{
  switch (method)
    {
    case OB_SURV_TEST_PETO:
      return _("Peto–Peto");
    case OB_SURV_TEST_GEHAN:
      return _("Gehan–Breslow–Wilcoxon");
    case OB_SURV_TEST_TARONE_WARE:
      return _("Tarone–Ware");
    case OB_SURV_TEST_LOGRANK:
    default:
      return _("log-rank");
    }
}

static const char *
ci_name (ObCiTransform ci)
{
  switch (ci)
    {
    case OB_CI_LOG:
      return _("log-transformed");
    case OB_CI_PLAIN:
      return _("plain (linear)");
    case OB_CI_LOG_LOG:
    default:
      return _("log-log-transformed");
    }
}

static void
append_joined (GString    *out,
               guint       index,
               guint       count,
               const char *item)
{
  if (index > 0)
    g_string_append (out, index + 1 == count ? _(" and ") : _(", "));
  g_string_append (out, item);
}

static const ObColumn *
group_column (ObSurvivalPage *self)
{
  return ob_survival_page_selected_column (self, self->group_row, self->group_columns);
}

/* Methods */

char *
ob_survival_page_get_methods_text (ObAnalysisPage *page)
{
  ObSurvivalPage *self = OB_SURVIVAL_PAGE (page);
  const ObSurvivalResults *r;
  const ObColumn *group;
  g_autoptr(GString) text = g_string_new (NULL);
  g_auto(GStrv) covariates = NULL;
  double landmark;

  ob_survival_page_update (self);
  if ((r = self->results) == NULL)
    return NULL;
  group = group_column (self);
  covariates = ob_survival_page_covariates (self);
  landmark = gtk_spin_button_get_value (self->landmark_spin);

  g_string_append_printf (text, _("Survival was estimated by the Kaplan–Meier method with "
                                  "Greenwood’s variance and %s %.0f%% confidence intervals; "
                                  "median survival times are given with Brookmeyer–Crowley "
                                  "confidence intervals on the same scale. "),
                          ci_name (r->fit->ci), 100 * r->fit->conf_level);
  if (landmark > 0)
    g_string_append_printf (text, _("Patients still at risk at the landmark of %g %s were "
                                    "analysed from that time. "),
                            landmark, r->time_unit != NULL ? r->time_unit : "");
  if (r->test != NULL && group != NULL)
    g_string_append_printf (text, _("Curves were compared between the groups of %s by the "
                                    "%s test. "), group->name, test_name (r->method));
  if (r->data->p > 0)
    {
      g_autofree char *adjusted = covariates != NULL ? g_strjoinv (", ", covariates) : NULL;

      if (group != NULL && adjusted != NULL)
        g_string_append_printf (text, _("Hazard ratios with Wald 95%% confidence intervals "
                                        "were estimated by a Cox proportional-hazards model of "
                                        "%s (reference: %s) adjusted for %s, with %s ties. "),
                                group->name, r->data->group_names[r->data->reference],
                                adjusted, r->cox != NULL && r->cox->ties == OB_TIES_BRESLOW
                                          ? _("Breslow") : _("Efron"));
      else if (group != NULL)
        g_string_append_printf (text, _("Hazard ratios with Wald 95%% confidence intervals "
                                        "were estimated by a Cox proportional-hazards model of "
                                        "%s (reference: %s), with %s ties. "),
                                group->name, r->data->group_names[r->data->reference],
                                r->cox != NULL && r->cox->ties == OB_TIES_BRESLOW
                                ? _("Breslow") : _("Efron"));
      else
        g_string_append_printf (text, _("Hazard ratios with Wald 95%% confidence intervals "
                                        "were estimated by a Cox proportional-hazards model of "
                                        "%s, with %s ties. "), adjusted,
                                r->cox != NULL && r->cox->ties == OB_TIES_BRESLOW
                                ? _("Breslow") : _("Efron"));
    }
  if (r->n_filtered > 0)
    g_string_append_printf (text, _("The analysis was restricted to a subgroup of %zu of the "
                                    "%zu rows. "), r->n_rows - r->n_filtered, r->n_rows);
  if (self->exclusions != NULL && self->exclusions->len > 0)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                               "%u patient was excluded by hand, with the "
                                               "reason logged. ",
                                               "%u patients were excluded by hand, with the "
                                               "reasons logged. ", self->exclusions->len),
                            self->exclusions->len);
  if (r->data->n_excluded > 0)
    g_string_append_printf (text, _("Rows without a usable time or event were left out "
                                    "(%zu). "), r->data->n_excluded);
  g_string_append_printf (text, _("Analyses were made with Oncobench %s, whose estimates equal "
                                  "those of R’s survival package (survfit, survdiff, coxph)."),
                          PACKAGE_VERSION);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Results */

/* "HR for wild-type vs TP53-mutant 0.33, 95% CI 0.15–0.72": each group against the
 * reference, from the Cox model's group terms (the first n_groups − 1). */
static void
append_hazard_ratios (GString                 *out,
                      const ObSurvivalResults *r,
                      const char              *column,
                      gboolean                 adjusted)
{
  const ObSurvData *data = r->data;
  g_autofree char *reference = group_label (column, data->group_names[data->reference]);
  guint t = 0;

  for (guint g = 0; g < data->n_groups; g++)
    {
      const ObCoxTerm *term;
      g_autofree char *name = NULL;
      g_autofree char *hr = NULL;
      g_autofree char *lo = NULL;
      g_autofree char *hi = NULL;

      if (g == data->reference)
        continue;
      term = &r->cox->terms[t++];
      name = group_label (column, data->group_names[g]);
      hr = format_hr (term->hr);
      lo = format_hr (term->hr_lower);
      hi = format_hr (term->hr_upper);
      if (out->len > 0)
        g_string_append (out, _("; "));
      g_string_append_printf (out, adjusted ? _("adjusted HR for %s vs %s %s, 95%% CI %s–%s")
                                            : _("HR for %s vs %s %s, 95%% CI %s–%s"),
                              name, reference, hr, lo, hi);
    }
}

char *
ob_survival_page_get_results_sentence (ObAnalysisPage *page)
{
  ObSurvivalPage *self = OB_SURVIVAL_PAGE (page);
  const ObSurvivalResults *r;
  const ObColumn *group, *time;
  g_autoptr(GString) medians = g_string_new (NULL);
  g_autoptr(GString) stats = g_string_new (NULL);
  g_autofree char *endpoint = NULL;
  const char *unit;
  g_auto(GStrv) covariates = NULL;

  ob_survival_page_update (self);
  if ((r = self->results) == NULL)
    return NULL;
  group = group_column (self);
  time = ob_survival_page_selected_column (self, self->time_row, self->time_columns);
  endpoint = endpoint_name (time != NULL ? time->name : NULL);
  unit = r->time_unit != NULL ? r->time_unit : "";
  covariates = ob_survival_page_covariates (self);

  for (guint g = 0; g < r->fit->n_curves; g++)
    {
      const ObKmCurve *c = &r->fit->curves[g];
      g_autofree char *label = group != NULL ? group_label (group->name, c->name) : NULL;
      g_autofree char *item = NULL;

      if (isfinite (c->median))
        {
          g_autofree char *value = format_time (c->median);
          g_autofree char *ci = format_time_ci (c->median_lower, c->median_upper);
          g_autofree char *with_unit = *unit != '\0'
                                       ? g_strdup_printf (_("%s %s"), value, unit)
                                       : g_strdup (value);

          item = label != NULL
                 ? g_strdup_printf (_("%s (95%% CI %s) in %s"), with_unit, ci, label)
                 : g_strdup_printf (_("%s (95%% CI %s)"), with_unit, ci);
        }
      else
        item = label != NULL ? g_strdup_printf (_("not reached in %s"), label)
                             : g_strdup (_("not reached"));
      append_joined (medians, g, r->fit->n_curves, item);
    }

  if (r->cox != NULL && group != NULL && r->data->n_groups > 1)
    append_hazard_ratios (stats, r, group->name, covariates != NULL);
  if (r->test != NULL && isfinite (r->test->p))
    {
      g_autofree char *p = ob_plot_format_p (r->test->p);

      if (stats->len > 0)
        g_string_append (stats, _("; "));
      /* "log-rank p = 0.0008" */
      g_string_append_printf (stats, _("%s %s"), test_name (r->method), p);
    }
  if (group == NULL || r->data->n_groups < 2)
    {
      const ObKmCurve *c = &r->fit->curves[0];

      g_string_append_printf (stats, g_dngettext (GETTEXT_PACKAGE, "%zu patient, %zu events",
                                                  "%zu patients, %zu events", c->n),
                              c->n, c->events);
    }

  if (stats->len == 0)
    return g_strdup_printf (_("Median %s was %s."), endpoint, medians->str);
  return g_strdup_printf (_("Median %s was %s (%s)."), endpoint, medians->str, stats->str);
}

/* Both under the results, to paste into a manuscript */

static void
copy_words (ObSurvivalPage *self,
            gboolean        methods)
{
  ObAnalysisPage *page = OB_ANALYSIS_PAGE (self);
  g_autofree char *text = methods ? ob_survival_page_get_methods_text (page)
                                  : ob_survival_page_get_results_sentence (page);
  GtkWidget *overlay;

  if (text == NULL)
    return;
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay),
                                 adw_toast_new (methods ? _("Methods paragraph copied")
                                                        : _("Results sentence copied")));
}

static void
copy_methods_clicked_cb (ObSurvivalPage *self)
{
  copy_words (self, TRUE);
}

static void
copy_sentence_clicked_cb (ObSurvivalPage *self)
{
  copy_words (self, FALSE);
}

/* The text is made when copied, so it always says what the page shows then, Cox model
 * included once it has been fitted. */
void
ob_survival_page_show_words (ObSurvivalPage *self)
{
  GtkWidget *box, *title, *buttons, *methods, *sentence;

  if (g_object_get_data (G_OBJECT (self), "ob-words-view") != NULL)
    return;
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  title = gtk_label_new (_("For the Manuscript"));
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  methods = gtk_button_new_with_mnemonic (_("Copy _Methods"));
  sentence = gtk_button_new_with_mnemonic (_("Copy Results _Sentence"));
  gtk_widget_set_tooltip_text (methods, _("What was computed, with which options and "
                                          "software version, as a paragraph"));
  gtk_widget_set_tooltip_text (sentence, _("Medians with their confidence intervals, the "
                                           "hazard ratio and the test, in journal style"));
  g_signal_connect_swapped (methods, "clicked", G_CALLBACK (copy_methods_clicked_cb), self);
  g_signal_connect_swapped (sentence, "clicked", G_CALLBACK (copy_sentence_clicked_cb), self);
  gtk_box_append (GTK_BOX (buttons), methods);
  gtk_box_append (GTK_BOX (buttons), sentence);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), buttons);
  gtk_flow_box_append (self->results_box, box);
  g_object_set_data (G_OBJECT (self), "ob-words-view", box);
}
