/* ob-growth-page-results.c: the growth page's results — tables below the figure, the same
 * tables as tab-separated text for Copy, and the Methods and Results sentences
 *
 * The tables are built once as plain rows so that what is shown and what is copied cannot
 * differ.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-app"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "ob-growth-page-private.h"

typedef struct
{
  char *title;
  GPtrArray *rows;                  /* GStrv; the first is the header */
  GPtrArray *notes;                 /* char * */
} Section;

static void
section_free (gpointer data)
{
  Section *section = data;

  g_free (section->title);
  g_ptr_array_unref (section->rows);
  g_ptr_array_unref (section->notes);
  g_free (section);
}

static Section *
section_new (GPtrArray  *sections,
             const char *title)
{
  Section *section = g_new0 (Section, 1);

  section->title = g_strdup (title);
  section->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  section->notes = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (sections, section);
  return section;
}

/* Appends a row of cells, NULL-terminated. */
static void
add_row (Section    *section,
         const char *first,
         ...)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  va_list ap;

  va_start (ap, first);
  for (const char *cell = first; cell != NULL; cell = va_arg (ap, const char *))
    g_strv_builder_add (builder, cell);
  va_end (ap);
  g_ptr_array_add (section->rows, g_strv_builder_end (builder));
}

static void
add_note (Section    *section,
          const char *format,
          ...) G_GNUC_PRINTF (2, 3);

static void
add_note (Section    *section,
          const char *format,
          ...)
{
  va_list ap;

  va_start (ap, format);
  g_ptr_array_add (section->notes, g_strdup_vprintf (format, ap));
  va_end (ap);
}

/* Numbers as a table shows them, with @digits decimals (-1: as few as needed); "—" for
 * none. */
static char *
fmt (double value,
     int    digits)
{
  if (!isfinite (value))
    return g_strdup ("—");
  if (digits < 0)
    return g_strdup_printf ("%g", value);
  return g_strdup_printf ("%.*f", digits, value);
}

static char *
fmt_p (double p)
{
  if (!isfinite (p))
    return g_strdup ("—");
  if (p < 1e-4)
    return g_strdup_printf ("%.2e", p);
  return g_strdup_printf ("%.4f", p);
}

static void
add_tgi_section (GPtrArray             *sections,
                 const ObGrowthResults *r)
{
  const ObGrowthStudy *study = r->study;
  const ObGrowthTgi *tgi = r->tgi;
  g_autofree char *title = NULL;
  Section *s;

  if (tgi == NULL)
    return;
  title = g_strdup_printf (tgi->default_time ? _("Volume on day %g (last day with every mouse)")
                                             : _("Volume on day %g"), tgi->time);
  s = section_new (sections, title);
  add_row (s, _("Arm"), _("n"), _("Mean (mm³)"), _("Day 0 mean"), _("%TGI"), _("T/C (%)"),
           NULL);
  for (guint a = 0; a < tgi->n_arms; a++)
    {
      const ObGrowthTgiArm *arm = &tgi->arms[a];
      g_autofree char *n = g_strdup_printf ("%zu", arm->n);
      g_autofree char *mean = fmt (arm->mean, 1);
      g_autofree char *mean0 = fmt (arm->mean0, 1);
      g_autofree char *pct = fmt (arm->tgi_pct, 1);
      g_autofree char *tc = fmt (arm->tc_pct, 1);

      add_row (s, study->arm_names[arm->arm], n, mean, mean0,
               arm->arm == tgi->control ? _("control") : pct, tc, NULL);
    }
  add_note (s, "%s", tgi->formula);
}

static void
add_rates_section (GPtrArray             *sections,
                   const ObGrowthResults *r)
{
  const ObGrowthStudy *study = r->study;
  const ObGrowthRates *rates = r->rates;
  g_autofree double *sum = NULL;
  g_autofree guint *count = NULL;
  Section *s;

  if (rates == NULL)
    return;
  s = section_new (sections, _("Growth rate (slope of ln volume per day)"));
  add_row (s, _("Arm"), _("n"), _("Mean rate"), _("Difference vs control"), _("SE"), _("t"),
           _("df"), _("p"), _("p (Holm)"), NULL);
  sum = g_new0 (double, study->n_arms);
  count = g_new0 (guint, study->n_arms);
  for (guint m = 0; m < study->n_mice; m++)
    if (!study->excluded[m] && !isnan (rates->rate[m]))
      {
        sum[study->mice[m].arm] += rates->rate[m];
        count[study->mice[m].arm]++;
      }
  for (guint a = 0; a < study->n_arms; a++)
    {
      const ObGrowthRateTest *t = NULL;
      g_autofree char *n = g_strdup_printf ("%u", count[a]);
      g_autofree char *mean = fmt (count[a] > 0 ? sum[a] / count[a] : NAN, 4);
      g_autofree char *diff = NULL, *se = NULL, *tv = NULL, *df = NULL, *p = NULL;
      g_autofree char *p_adj = NULL;

      for (guint k = 0; k < rates->n_vs_control; k++)
        if (rates->vs_control[k].arm == a)
          t = &rates->vs_control[k];
      diff = fmt (t != NULL ? t->diff : NAN, 4);
      se = fmt (t != NULL ? t->se : NAN, 4);
      tv = fmt (t != NULL ? t->t : NAN, 2);
      df = fmt (t != NULL ? t->df : NAN, -1);
      p = fmt_p (t != NULL ? t->p : NAN);
      p_adj = fmt_p (t != NULL ? t->p_adj : NAN);
      add_row (s, study->arm_names[a], n, mean, a == study->control ? _("control") : diff, se,
               tv, df, p, p_adj, NULL);
    }
  if (isfinite (rates->f))
    {
      g_autofree char *p = fmt_p (rates->p);

      add_note (s, _("One-way ANOVA of the rates: F(%g, %g) = %.2f, p = %s."), rates->df1,
                rates->df2, rates->f, p);
    }
  add_note (s, "%s", rates->method);
}

static void
add_models_section (GPtrArray             *sections,
                    const ObGrowthResults *r)
{
  Section *s;

  if (r->lme != NULL)
    {
      s = section_new (sections, _("Mixed model: ln volume ~ arm × day, random intercept and "
                                   "slope per mouse"));
      add_row (s, _("Term"), _("num df"), _("den df"), _("F"), _("p"), NULL);
      for (guint j = 0; j < r->lme->n_anova; j++)
        {
          const ObLmeAnovaRow *row = &r->lme->anova[j];
          g_autofree char *num = g_strdup_printf ("%u", row->num_df);
          g_autofree char *den = fmt (row->den_df, -1);
          g_autofree char *f = fmt (row->f, 2);
          g_autofree char *p = fmt_p (row->p);

          add_row (s, row->name, num, den, f, p, NULL);
        }
      if (isfinite (r->lme->lrt_p))
        {
          g_autofree char *p = fmt_p (r->lme->lrt_p);

          add_note (s, _("Arm × day (different growth): likelihood ratio χ² = %.2f, df = %u, "
                         "p = %s."), r->lme->lrt_statistic, r->lme->lrt_df, p);
        }
      if (r->lme->warning != NULL)
        add_note (s, "%s", r->lme->warning);
    }
  if (r->rm != NULL)
    {
      s = section_new (sections, _("Repeated-measures ANOVA on volume (complete mice only)"));
      add_row (s, _("Term"), _("df"), _("F"), _("p"), _("p (Greenhouse–Geisser)"), NULL);
      for (guint k = 0; k < G_N_ELEMENTS (r->rm->rows); k++)
        {
          const ObRmAnovaRow *row = &r->rm->rows[k];
          g_autofree char *df = fmt (row->df, -1);
          g_autofree char *f = fmt (row->f, 2);
          g_autofree char *p = fmt_p (row->p);
          g_autofree char *p_gg = fmt_p (row->p_gg);

          add_row (s, row->name, df, f, p, p_gg, NULL);
        }
      /* Mice removed at the size limit leave this table: say so beside it. */
      add_note (s, "%s", r->rm->warning != NULL ? r->rm->warning
                : _("Only mice measured on every day analysed are included."));
    }
}

static void
add_mrecist_section (GPtrArray             *sections,
                     const ObGrowthResults *r)
{
  const ObGrowthStudy *study = r->study;
  static const ObMrecist order[] = { OB_MRECIST_CR, OB_MRECIST_PR, OB_MRECIST_SD,
                                     OB_MRECIST_PD };
  Section *s;

  if (r->responses == NULL)
    return;
  s = section_new (sections, _("mRECIST best response"));
  add_row (s, _("Arm"), "mCR", "mPR", "mSD", "mPD", _("Not evaluable"), NULL);
  for (guint a = 0; a < study->n_arms; a++)
    {
      guint counts[5] = { 0 };
      char cells[5][16];

      for (guint m = 0; m < study->n_mice; m++)
        if (!study->excluded[m] && study->mice[m].arm == a)
          counts[r->responses[m].category]++;
      for (guint k = 0; k < G_N_ELEMENTS (order); k++)
        g_snprintf (cells[k], sizeof cells[k], "%u", counts[order[k]]);
      g_snprintf (cells[4], sizeof cells[4], "%u", counts[OB_MRECIST_NONE]);
      add_row (s, study->arm_names[a], cells[0], cells[1], cells[2], cells[3], cells[4], NULL);
    }
  add_note (s, "%s", _("Gao et al. 2015: ΔVol = 100 (V − V0) / V0; best response (BR) and best "
                       "average response (BAR) from the start day on; mCR: BR < −95 and "
                       "BAR < −40; mPR: BR < −50 and BAR < −20; mSD: BR < 35 and BAR < 30; "
                       "otherwise mPD."));
}

/* Each arm's last imaging day: flux grows over orders of magnitude, so its geometric mean. */
static void
add_flux_section (GPtrArray             *sections,
                  const ObGrowthResults *r)
{
  const ObGrowthStudy *study = r->study;
  gsize n_rows;
  g_autofree ObGrowthArmDay *rows = NULL;
  Section *s;

  if (!study->has_flux)
    return;
  rows = ob_growth_summarise (study, OB_GROWTH_LOG10_FLUX, &n_rows);
  s = section_new (sections, _("Bioluminescence on each arm’s last imaging day"));
  add_row (s, _("Arm"), _("Day"), _("n"), _("Below background"), _("Geometric mean (p/s)"),
           NULL);
  for (gsize i = 0; i < n_rows; i++)
    if (i + 1 == n_rows || rows[i + 1].arm != rows[i].arm)
      {
        g_autofree char *day = fmt (rows[i].time, -1);
        g_autofree char *n = g_strdup_printf ("%zu", rows[i].n);
        g_autofree char *below = g_strdup_printf ("%zu", rows[i].n_censored);
        g_autofree char *mean = NULL;

        mean = isfinite (rows[i].mean) ? g_strdup_printf ("%.3g", pow (10, rows[i].mean))
                                       : g_strdup ("—");
        add_row (s, study->arm_names[rows[i].arm], day, n, below, mean, NULL);
      }
  add_note (s, "%s", _("Flux is analysed as log10; values at or below the background are "
                       "below detection and left out of the mean."));
}

static void
add_endpoint_section (GPtrArray             *sections,
                      const ObGrowthResults *r)
{
  Section *s;

  if (r->km == NULL)
    return;
  s = section_new (sections, _("Time to endpoint"));
  add_row (s, _("Arm"), _("n"), _("Events"), _("Median (days)"), _("95% CI"), NULL);
  for (guint g = 0; g < r->km->n_curves; g++)
    {
      const ObKmCurve *c = &r->km->curves[g];
      g_autofree char *n = g_strdup_printf ("%zu", c->n);
      g_autofree char *events = g_strdup_printf ("%zu", c->events);
      g_autofree char *median = fmt (c->median, -1);
      g_autofree char *lower = fmt (c->median_lower, -1);
      g_autofree char *upper = fmt (c->median_upper, -1);
      g_autofree char *ci = isfinite (c->median_lower) || isfinite (c->median_upper)
                            ? g_strdup_printf ("%s – %s", lower, upper) : g_strdup ("—");

      add_row (s, c->name, n, events, median, ci, NULL);
    }
  if (r->logrank != NULL)
    {
      g_autofree char *p = fmt_p (r->logrank->p);

      add_note (s, _("Log-rank test: χ² = %.2f, df = %u, p = %s."), r->logrank->chisq,
                r->logrank->df, p);
    }
}

static GPtrArray *
build_sections (ObGrowthPage *self)
{
  GPtrArray *sections = g_ptr_array_new_with_free_func (section_free);
  const ObGrowthResults *r = self->results;
  Section *s;

  if (r == NULL)
    return sections;
  add_tgi_section (sections, r);
  add_rates_section (sections, r);
  add_models_section (sections, r);
  add_mrecist_section (sections, r);
  add_flux_section (sections, r);
  add_endpoint_section (sections, r);
  if (self->exclusions->len > 0)
    {
      s = section_new (sections, _("Excluded mice"));
      add_row (s, _("Mouse"), _("Arm"), _("Reason"), NULL);
      for (guint i = 0; i < self->exclusions->len; i++)
        {
          const ObGrowthExclusion *e = g_ptr_array_index (self->exclusions, i);
          int m = ob_growth_study_find_mouse (r->study, e->id);

          add_row (s, e->id, m >= 0 ? r->study->arm_names[r->study->mice[m].arm] : "",
                   e->reason, NULL);
        }
    }
  if (r->notes->len > 0)
    {
      s = section_new (sections, _("Notes"));
      for (guint i = 0; i < r->notes->len; i++)
        add_note (s, "%s", (const char *) g_ptr_array_index (r->notes, i));
    }
  return sections;
}

static GtkWidget *
section_widget (const Section *section)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (section->title);
  GtkWidget *grid;

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (box), title);
  grid = gtk_grid_new ();
  gtk_box_append (GTK_BOX (box), grid);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 2);
  for (guint i = 0; i < section->rows->len; i++)
    {
      GStrv cells = g_ptr_array_index (section->rows, i);

      for (guint c = 0; cells[c] != NULL; c++)
        {
          GtkWidget *label = gtk_label_new (cells[c]);

          /* Names left, numbers right, as in a printed table. */
          gtk_label_set_xalign (GTK_LABEL (label), c == 0 ? 0.0f : 1.0f);
          gtk_label_set_selectable (GTK_LABEL (label), TRUE);
          if (i == 0)
            gtk_widget_add_css_class (label, "dim-label");
          else if (c > 0)
            gtk_widget_add_css_class (label, "numeric");
          gtk_grid_attach (GTK_GRID (grid), label, (int) c, (int) i, 1, 1);
        }
    }
  gtk_widget_set_visible (grid, section->rows->len > 0);
  for (guint i = 0; i < section->notes->len; i++)
    {
      GtkWidget *note = gtk_label_new (g_ptr_array_index (section->notes, i));

      gtk_label_set_xalign (GTK_LABEL (note), 0);
      gtk_label_set_wrap (GTK_LABEL (note), TRUE);
      gtk_label_set_selectable (GTK_LABEL (note), TRUE);
      gtk_widget_add_css_class (note, "caption");
      gtk_widget_add_css_class (note, "dim-label");
      gtk_box_append (GTK_BOX (box), note);
    }
  return box;
}

void
ob_growth_results_show (ObGrowthPage *self)
{
  g_autoptr(GPtrArray) sections = build_sections (self);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results_box))) != NULL)
    gtk_box_remove (self->results_box, child);
  for (guint i = 0; i < sections->len; i++)
    gtk_box_append (self->results_box, section_widget (g_ptr_array_index (sections, i)));
}

char *
ob_growth_results_to_tsv (ObGrowthPage *self)
{
  g_autoptr(GPtrArray) sections = build_sections (self);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < sections->len; i++)
    {
      const Section *section = g_ptr_array_index (sections, i);

      if (i > 0)
        g_string_append_c (out, '\n');
      g_string_append_printf (out, "%s\n", section->title);
      for (guint k = 0; k < section->rows->len; k++)
        {
          g_autofree char *line = g_strjoinv ("\t", g_ptr_array_index (section->rows, k));

          g_string_append_printf (out, "%s\n", line);
        }
      for (guint k = 0; k < section->notes->len; k++)
        g_string_append_printf (out, "%s\n", (const char *) g_ptr_array_index (section->notes,
                                                                                k));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
ob_growth_results_methods (ObGrowthPage *self)
{
  const ObGrowthResults *r = self->results;
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean calipers = ob_growth_page_role_column (self, OB_GROWTH_ROLE_VOLUME) == NULL
                      && ob_growth_page_role_column (self, OB_GROWTH_ROLE_LENGTH) != NULL;

  if (calipers)
    g_string_append (text, adw_combo_row_get_selected (self->formula_row) == 1
                     ? _("Tumour volume was computed from caliper length (L) and width (W) as "
                         "π/6 × L × W². ")
                     : _("Tumour volume was computed from caliper length (L) and width (W) as "
                         "L × W² / 2. "));
  g_string_append (text, _("Volumes are shown as mean ± SEM per arm over the mice measured on "
                           "each day, without carrying removed mice forward. "));
  if (r->tgi != NULL)
    g_string_append_printf (text, _("Tumour growth inhibition on day %g was computed as %s. "),
                            r->tgi->time, r->tgi->formula);
  if (r->rates != NULL)
    g_string_append (text, _("Growth rates (least-squares slope of ln volume on day per mouse) "
                             "were compared by one-way ANOVA and each arm against the control "
                             "by pooled-SD t tests with Holm's adjustment. "));
  if (r->lme != NULL)
    g_string_append (text, _("Growth curves were compared by a linear mixed model on ln volume "
                             "with arm × day fixed effects and a random intercept and slope per "
                             "mouse (REML; arm × day tested by likelihood ratio). "));
  if (r->responses != NULL)
    g_string_append_printf (text, _("Responses were classified by mRECIST (Gao et al., 2015) "
                                    "from day %g. "),
                            gtk_spin_button_get_value (self->mrecist_spin));
  if (r->km != NULL)
    g_string_append (text, _("Time to endpoint was estimated by Kaplan–Meier and compared by "
                             "the log-rank test. "));
  if (self->exclusions->len > 0)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                               "%u mouse was excluded, with the reason logged. ",
                                               "%u mice were excluded, with the reasons "
                                               "logged. ", self->exclusions->len),
                            self->exclusions->len);
  g_string_append_printf (text, _("Analyses were made with Oncobench %s."), PACKAGE_VERSION);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

char *
ob_growth_results_sentence (ObGrowthPage *self)
{
  const ObGrowthResults *r = self->results;
  const ObGrowthStudy *study = r->study;
  g_autoptr(GString) text = g_string_new (NULL);

  if (r->tgi != NULL)
    {
      g_string_append_printf (text, _("On day %g, "), r->tgi->time);
      for (guint a = 0, k = 0; a < r->tgi->n_arms; a++)
        {
          const ObGrowthTgiArm *arm = &r->tgi->arms[a];

          if (arm->arm == r->tgi->control || isnan (arm->tgi_pct))
            continue;
          g_string_append_printf (text, k++ > 0 ? _(", %s %.0f%%") : _("%s inhibited growth by "
                                                                       "%.0f%%"),
                                  study->arm_names[arm->arm], arm->tgi_pct);
        }
      g_string_append_printf (text, _(" relative to %s (%%TGI)."),
                              study->arm_names[r->tgi->control]);
    }
  if (r->lme != NULL && isfinite (r->lme->lrt_p))
    {
      g_autofree char *p = fmt_p (r->lme->lrt_p);

      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append_printf (text, _("Growth differed between arms (mixed model, arm × day: "
                                      "χ²(%u) = %.1f, p = %s)."), r->lme->lrt_df,
                              r->lme->lrt_statistic, p);
    }
  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}
