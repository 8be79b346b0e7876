/* ob-elisa-page-results.c: the ELISA page's tables (samples, standards, fit, exclusions) and
 * their text copy
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-app"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "ob-elisa-page-private.h"

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

static void
tsv_value (GString *out,
           double   value)
{
  if (isfinite (value))
    g_string_append_printf (out, "\t%.6g", value);
  else
    g_string_append (out, "\tNA");
}

static gboolean
has_flag (const ObAssaySample *sample,
          const char          *flag)
{
  for (guint i = 0; i < sample->flags->len; i++)
    if (strcmp (g_ptr_array_index (sample->flags, i), flag) == 0)
      return TRUE;
  return FALSE;
}

/* A sample beyond the limits is reported as such, never as a number. */
char *
ob_elisa_format_conc (const ObAssaySample *sample)
{
  if (isfinite (sample->conc))
    return format_value (sample->conc);
  if (has_flag (sample, "<LLOQ"))
    return g_strdup ("<LLOQ");
  if (has_flag (sample, ">ULOQ"))
    return g_strdup (">ULOQ");
  return g_strdup ("—");
}

static char *
join_flags (const ObAssaySample *sample)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < sample->flags->len; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? ", " : "",
                            (const char *) g_ptr_array_index (sample->flags, i));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static GtkWidget *
add_grid (GtkBox             *box,
          const char * const *headers)
{
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_column_spacing (GTK_GRID (grid), 16);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  for (int c = 0; headers[c] != NULL; c++)
    {
      GtkWidget *label = gtk_label_new (headers[c]);

      gtk_label_set_xalign (GTK_LABEL (label), c == 0 ? 0 : 1);
      gtk_widget_add_css_class (label, "caption-heading");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_grid_attach (GTK_GRID (grid), label, c, 0, 1, 1);
    }
  gtk_box_append (box, grid);
  return grid;
}

static GtkWidget *
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
  return label;
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

static void
add_note (GtkBox     *box,
          const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (box, label);
}

/* Tables */

static void
show_samples (GtkBox             *box,
              const ObAssayPlate *plate)
{
  const char * const headers[] = {
    _("Sample"), _("Group"), _("Dilution"), "n", _("Mean Response"), _("CV %"),
    _("Concentration"), _("95% CI"), _("Flags"), NULL,
  };
  GtkWidget *grid;

  if (plate->samples->len == 0)
    {
      add_note (box, _("No samples: only standards and blanks on this plate."));
      return;
    }
  grid = add_grid (box, headers);
  for (guint i = 0; i < plate->samples->len; i++)
    {
      const ObAssaySample *s = g_ptr_array_index (plate->samples, i);
      g_autofree char *n = g_strdup_printf ("%u", s->n);
      g_autofree char *conc = ob_elisa_format_conc (s);
      g_autofree char *lo = format_value (s->conc_lower);
      g_autofree char *hi = format_value (s->conc_upper);
      g_autofree char *ci = isfinite (s->conc_lower) ? g_strdup_printf ("%s–%s", lo, hi)
                                                     : g_strdup ("—");
      g_autofree char *flags = join_flags (s);
      int row = (int) i + 1;
      GtkWidget *flag_label;

      add_cell (grid, 0, row, s->id);
      add_cell (grid, 1, row, s->group != NULL ? s->group : "");
      add_number (grid, 2, row, s->dilution);
      add_cell (grid, 3, row, n);
      add_number (grid, 4, row, s->mean_response);
      add_number (grid, 5, row, s->cv_pct);
      add_cell (grid, 6, row, conc);
      add_cell (grid, 7, row, ci);
      flag_label = add_cell (grid, 8, row, flags);
      gtk_label_set_xalign (GTK_LABEL (flag_label), 0);
      if (s->flags->len > 0)
        gtk_widget_add_css_class (flag_label, "warning");
    }
}

static void
show_standards (GtkBox             *box,
                const ObAssayPlate *plate)
{
  const char * const headers[] = {
    _("Nominal"), "n", _("Mean Response"), _("CV %"), _("Back-calculated"), _("Recovery %"),
    _("Passes"), NULL,
  };
  GtkWidget *grid = add_grid (box, headers);

  for (guint i = 0; i < plate->standards->len; i++)
    {
      const ObAssayStandard *s = &g_array_index (plate->standards, ObAssayStandard, i);
      g_autofree char *n = g_strdup_printf ("%u", s->n);
      int row = (int) i + 1;
      const char *verdict = s->excluded ? _("left out")
                            : s->passes && s->cv_passes ? _("yes")
                            : !s->passes ? _("no: recovery") : _("no: CV");
      GtkWidget *label;

      add_number (grid, 0, row, s->conc);
      add_cell (grid, 1, row, n);
      add_number (grid, 2, row, s->mean_response);
      add_number (grid, 3, row, s->cv_pct);
      add_number (grid, 4, row, s->back_calc);
      add_number (grid, 5, row, s->recovery_pct);
      label = add_cell (grid, 6, row, verdict);
      if (!s->passes || !s->cv_passes || s->excluded)
        gtk_widget_add_css_class (label, "warning");
    }
  add_note (box, _("ICH M10: back-calculated within 20% of nominal (25% at the lowest and "
                   "highest standard). LLOQ and ULOQ are the lowest and highest standard that "
                   "passes."));
}

static void
show_fit (GtkBox             *box,
          const ObAssayPlate *plate)
{
  const ObCurveFit *fit = plate->fit;
  const char * const headers[] = { _("Parameter"), _("Estimate"), _("SE"), _("95% CI"), NULL };
  const char * const stat_headers[] = { _("Statistic"), _("Value"), NULL };
  GtkWidget *grid = add_grid (box, headers);
  struct { const char *name; double value; } stats[] = {
    { "R²", fit->r2 }, { "RSS", fit->rss }, { "σ", fit->sigma }, { "df", fit->df },
    { "AIC", fit->aic }, { "LLOQ", plate->lloq }, { "ULOQ", plate->uloq },
    { _("Blank (mean)"), plate->blank },
  };
  GtkWidget *stats_grid;

  for (guint j = 0; j < fit->n_params; j++)
    {
      g_autofree char *lo = format_value (fit->ci_lower[j]);
      g_autofree char *hi = format_value (fit->ci_upper[j]);
      g_autofree char *ci = g_strdup_printf ("%s to %s", lo, hi);

      add_cell (grid, 0, (int) j + 1, ob_curve_param_name (fit, j));
      add_number (grid, 1, (int) j + 1, fit->params[j]);
      add_number (grid, 2, (int) j + 1, fit->se[j]);
      add_cell (grid, 3, (int) j + 1, ci);
    }
  stats_grid = add_grid (box, stat_headers);
  gtk_widget_set_margin_top (stats_grid, 12);
  for (guint i = 0; i < G_N_ELEMENTS (stats); i++)
    {
      add_cell (stats_grid, 0, (int) i + 1, stats[i].name);
      add_number (stats_grid, 1, (int) i + 1, stats[i].value);
    }

  /* With a 5PL, whether its asymmetry earns its place over a 4PL on the same standards. */
  if (fit->model == OB_CURVE_5PL)
    {
      g_autoptr(ObCurveFit) fit4 = ob_curve_fit (OB_CURVE_4PL, fit->weight, fit->x, fit->y,
                                                 fit->n, NULL);
      ObCurveComparison cmp;

      if (fit4 != NULL && ob_curve_compare_4pl_5pl (fit4, fit, &cmp, NULL))
        {
          g_autofree char *text =
            g_strdup_printf (_("5PL versus 4PL: F(%.0f, %.0f) = %.4g, p = %.3g; AIC %.4g "
                               "versus %.4g."), cmp.df1, cmp.df2, cmp.f, cmp.p, cmp.aic5,
                             cmp.aic4);

          add_note (box, text);
        }
    }
}

static void
undo_clicked_cb (GtkButton   *button,
                 ObElisaPage *self)
{
  gsize row = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "row"));

  ob_elisa_page_include_row (self, row);
}

static void
show_log (ObElisaPage        *self,
          const ObAssayPlate *plate)
{
  GtkBox *box = self->log_box;
  guint n_shown = 0;

  for (guint i = 0; i < self->exclusions->len; i++)
    {
      const ObElisaExclusion *e = g_ptr_array_index (self->exclusions, i);
      GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      g_autofree char *text = g_strdup_printf (_("%s: left out by hand — %s"),
                                               e->well != NULL ? e->well : _("a well"),
                                               e->reason);
      GtkWidget *label = gtk_label_new (text);
      GtkWidget *undo = gtk_button_new_with_mnemonic (_("_Undo"));

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_widget_set_valign (undo, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (undo, _("Put the well back and refit"));
      g_object_set_data (G_OBJECT (undo), "row", GSIZE_TO_POINTER (e->row));
      g_signal_connect (undo, "clicked", G_CALLBACK (undo_clicked_cb), self);
      gtk_box_append (GTK_BOX (line), label);
      gtk_box_append (GTK_BOX (line), undo);
      gtk_box_append (box, line);
      n_shown++;
    }
  /* What the analysis itself left out (failing standards, unusable wells); the wells left out
   * by hand are listed above with their reasons. */
  for (guint i = 0; i < plate->exclusions->len; i++)
    {
      const char *sentence = g_ptr_array_index (plate->exclusions, i);
      gboolean by_hand = FALSE;

      for (guint k = 0; k < self->exclusions->len && !by_hand; k++)
        {
          const ObElisaExclusion *e = g_ptr_array_index (self->exclusions, k);
          const char *well = e->well != NULL && strrchr (e->well, ':') != NULL
                             ? strrchr (e->well, ':') + 1 : e->well;

          by_hand = well != NULL && g_str_has_prefix (sentence, well)
                    && sentence[strlen (well)] == ':';
        }
      if (!by_hand)
        {
          add_note (box, sentence);
          n_shown++;
        }
    }
  if (n_shown == 0)
    add_note (box, _("Every well is used. Click a well on the plate or a standard on the "
                     "curve to leave it out."));
}

/* Public */

void
ob_elisa_results_clear (ObElisaPage *self)
{
  clear_box (self->samples_box);
  clear_box (self->standards_box);
  clear_box (self->fit_box);
  clear_box (self->log_box);
}

void
ob_elisa_results_show (ObElisaPage        *self,
                       const ObAssayPlate *plate)
{
  ob_elisa_results_clear (self);
  show_samples (self->samples_box, plate);
  show_standards (self->standards_box, plate);
  show_fit (self->fit_box, plate);
  show_log (self, plate);
}

char *
ob_elisa_results_to_tsv (const ObAssayPlate *plate,
                         GPtrArray          *exclusions)
{
  const ObCurveFit *fit = plate->fit;
  GString *out = g_string_new (NULL);

  if (plate->plate != NULL)
    g_string_append_printf (out, "Plate\t%s\n", plate->plate);
  g_string_append_printf (out, "Model\t%s\nWeights\t%s\n", ob_curve_model_to_string (fit->model),
                          ob_curve_weight_to_string (fit->weight));
  g_string_append (out, "Parameter\tEstimate\tSE\t95% CI lower\t95% CI upper\n");
  for (guint j = 0; j < fit->n_params; j++)
    {
      g_string_append (out, ob_curve_param_name (fit, j));
      tsv_value (out, fit->params[j]);
      tsv_value (out, fit->se[j]);
      tsv_value (out, fit->ci_lower[j]);
      tsv_value (out, fit->ci_upper[j]);
      g_string_append_c (out, '\n');
    }
  g_string_append (out, "R2");
  tsv_value (out, fit->r2);
  g_string_append (out, "\nRSS");
  tsv_value (out, fit->rss);
  g_string_append (out, "\nLLOQ");
  tsv_value (out, plate->lloq);
  g_string_append (out, "\nULOQ");
  tsv_value (out, plate->uloq);
  g_string_append (out, "\n\nStandard\tn\tMean response\tCV %\tBack-calculated\tRecovery %"
                        "\tPasses\n");
  for (guint i = 0; i < plate->standards->len; i++)
    {
      const ObAssayStandard *s = &g_array_index (plate->standards, ObAssayStandard, i);

      g_string_append_printf (out, "%.6g\t%u", s->conc, s->n);
      tsv_value (out, s->mean_response);
      tsv_value (out, s->cv_pct);
      tsv_value (out, s->back_calc);
      tsv_value (out, s->recovery_pct);
      g_string_append_printf (out, "\t%s\n", s->excluded ? "excluded"
                                             : s->passes && s->cv_passes ? "yes" : "no");
    }
  g_string_append (out, "\nSample\tGroup\tDilution\tn\tMean response\tCV %\tConcentration"
                        "\t95% CI lower\t95% CI upper\tFlags\n");
  for (guint i = 0; i < plate->samples->len; i++)
    {
      const ObAssaySample *s = g_ptr_array_index (plate->samples, i);
      g_autofree char *conc = ob_elisa_format_conc (s);
      g_autofree char *flags = join_flags (s);

      g_string_append_printf (out, "%s\t%s", s->id, s->group != NULL ? s->group : "");
      tsv_value (out, s->dilution);
      g_string_append_printf (out, "\t%u", s->n);
      tsv_value (out, s->mean_response);
      tsv_value (out, s->cv_pct);
      /* "<LLOQ" rather than NA: the table says why there is no number. */
      if (isfinite (s->conc))
        tsv_value (out, s->conc);
      else
        g_string_append_printf (out, "\t%s", conc);
      tsv_value (out, s->conc_lower);
      tsv_value (out, s->conc_upper);
      g_string_append_printf (out, "\t%s\n", flags);
    }
  if (exclusions->len > 0 || plate->exclusions->len > 0)
    {
      g_string_append (out, "\nExcluded\tReason\n");
      for (guint i = 0; i < exclusions->len; i++)
        {
          const ObElisaExclusion *e = g_ptr_array_index (exclusions, i);

          g_string_append_printf (out, "%s\t%s\n", e->well != NULL ? e->well : "", e->reason);
        }
      for (guint i = 0; i < plate->exclusions->len; i++)
        g_string_append_printf (out, "\t%s\n",
                                (const char *) g_ptr_array_index (plate->exclusions, i));
    }
  return g_string_free (out, FALSE);
}

char *
ob_elisa_results_methods (const ObAssayPlate    *plate,
                          const ObAssaySettings *settings,
                          guint                  n_plates,
                          guint                  n_excluded)
{
  static const char * const models[] = {
    N_("a four-parameter logistic curve"), N_("a five-parameter logistic curve"),
    N_("a straight line"), N_("a straight line on log–log axes"),
    N_("straight lines between the standards’ mean responses"),
  };
  static const char * const weights[] = {
    N_("unweighted least squares"), N_("least squares weighted by 1/y"),
    N_("least squares weighted by 1/y²"),
  };
  GString *out = g_string_new (NULL);

  if (n_plates == 1)
    g_string_append_printf (out, _("The standard curve was fitted as %s by %s."),
                            _(models[settings->model]), _(weights[settings->weight]));
  else
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                              "Each of %u plate had its own standard curve, "
                                              "fitted as %s by %s.",
                                              "Each of %u plates had its own standard curve, "
                                              "fitted as %s by %s.", n_plates),
                            n_plates, _(models[settings->model]), _(weights[settings->weight]));
  g_string_append_c (out, ' ');
  g_string_append (out, _("The mean blank response was subtracted from every well; each "
                          "sample's concentration was interpolated from the mean of its "
                          "replicates and multiplied by its dilution, with a 95% confidence "
                          "interval by the delta method on log concentration."));
  g_string_append_c (out, ' ');
  g_string_append_printf (out, _("Standards were accepted when back-calculated within 20%% of "
                                 "nominal (25%% at the lowest and highest, ICH M10); samples "
                                 "outside the range of accepted standards are reported as "
                                 "below the LLOQ or above the ULOQ, and replicate CVs above "
                                 "%.0f%% are flagged."), settings->cv_limit);
  if (n_excluded > 0)
    {
      g_string_append_c (out, ' ');
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                                "%u well was left out by hand, its reason "
                                                "logged.",
                                                "%u wells were left out by hand, each with its "
                                                "reason logged.", n_excluded), n_excluded);
    }
  g_string_append_c (out, ' ');
  g_string_append_printf (out, _("Computed with Oncobench %s, whose fits equal R’s nls."),
                          PACKAGE_VERSION);
  return g_string_free (out, FALSE);
}

char *
ob_elisa_results_sentence (const ObAssayPlate *plate)
{
  guint quantified = 0, below = 0, above = 0;

  for (guint i = 0; i < plate->samples->len; i++)
    {
      const ObAssaySample *s = g_ptr_array_index (plate->samples, i);

      quantified += isfinite (s->conc);
      below += has_flag (s, "<LLOQ");
      above += has_flag (s, ">ULOQ");
    }
  return g_strdup_printf (_("The standard curve (%s, R² = %.4f) quantified %u of %u samples "
                            "between %.4g and %.4g; %u were below the LLOQ and %u above the "
                            "ULOQ."),
                          ob_curve_model_to_string (plate->fit->model), plate->fit->r2,
                          quantified, plate->samples->len, plate->lloq, plate->uloq, below,
                          above);
}
