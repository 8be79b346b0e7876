/* ob-cli-landscape.c — `oncobench-cli landscape FILE`: alteration frequencies, gene pairs,
 * oncoprint
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ob-cli.h"
#include "ob-cli-common.h"
#include "ob-cli-project.h"
#include "ob-landscape.h"
#include "ob-oncoprint.h"
#include "ob-plot-export.h"
#include "ob-surv-data.h"

/* A single journal column. */
#define DEFAULT_WIDTH_MM 89.0

typedef struct
{
  ObCliInputOptions input;
  char *genes;
  char *long_form;
  char *patient;
  gint64 patients;
  char **where;
  char *annotate;
  char *figure;
  char *size;
  double dpi;
  char *title;
  char *save_project;
} LandscapeOptions;

static void
options_clear (LandscapeOptions *o)
{
  ob_cli_input_options_clear (&o->input);
  g_clear_pointer (&o->save_project, g_free);
  g_clear_pointer (&o->genes, g_free);
  g_clear_pointer (&o->long_form, g_free);
  g_clear_pointer (&o->patient, g_free);
  g_clear_pointer (&o->where, g_strfreev);
  g_clear_pointer (&o->annotate, g_free);
  g_clear_pointer (&o->figure, g_free);
  g_clear_pointer (&o->size, g_free);
  g_clear_pointer (&o->title, g_free);
}

static gboolean
parse_double (const char *str,
              double     *out)
{
  char *end = NULL;

  *out = g_ascii_strtod (str, &end);
  return end != str && *end == '\0' && isfinite (*out);
}

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, OB_ERROR, OB_ERROR_INVALID_ARG, message);
  return FALSE;
}

/* The annotation value of each patient (wide form: the kept rows, in order). */
static char **
annotation_values (const ObDataset  *dataset,
                   const char       *column_name,
                   const guint8     *mask,
                   gsize             n_patients,
                   GError          **error)
{
  int column = ob_dataset_find_column (dataset, column_name);
  gsize n_rows = ob_dataset_get_n_rows (dataset), k = 0;
  char **values;

  if (column < 0)
    {
      g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                   _("There is no column “%s” to annotate the patients with"), column_name);
      return NULL;
    }
  values = g_new0 (char *, n_patients + 1);
  for (gsize i = 0; i < n_rows && k < n_patients; i++)
    if (mask == NULL || mask[i])
      values[k++] = ob_dataset_format_cell (dataset, (guint) column, i);
  return values;
}

static gboolean
write_figure (const LandscapeOptions  *o,
              const ObLandscape       *land,
              const char * const      *annotation,
              GError                 **error)
{
  ObOncoprint plot;
  ObPlotFormat format;
  double width = DEFAULT_WIDTH_MM, height = 0;

  if (!ob_plot_format_from_path (o->figure, &format, error))
    return FALSE;
  if (o->size != NULL)
    {
      g_auto(GStrv) parts = g_strsplit_set (o->size, "xX", 2);
      guint n = g_strv_length (parts);

      if (n < 1 || n > 2 || !parse_double (parts[0], &width) || width < 40 || width > 1000
          || (n == 2 && (!parse_double (parts[1], &height) || height < 20 || height > 1000)))
        {
          g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                       _("--size “%s”: expected WIDTH or WIDTHxHEIGHT in mm, e.g. 89 or "
                         "183x80"), o->size);
          return FALSE;
        }
    }
  ob_oncoprint_init (&plot, land);
  plot.title = o->title;
  plot.annotation = annotation;
  plot.annotation_label = o->annotate;
  if (height <= 0)
    height = ob_oncoprint_natural_height (&plot, OB_MM_TO_PT (width)) * 25.4 / 72.0;
  return ob_cli_project_export_figure ("landscape", format, o->figure, width, height,
                                       o->dpi > 0 ? o->dpi : OB_PLOT_DEFAULT_DPI,
                                       ob_oncoprint_draw_func, &plot, error);
}

static void
add_json (JsonBuilder       *b,
          const ObLandscape *land)
{
  ob_cli_json_add_int (b, "n_patients", land->n_patients);
  json_builder_set_member_name (b, "types");
  json_builder_begin_array (b);
  for (guint t = 0; t < land->n_types; t++)
    json_builder_add_string_value (b, land->types[t]);
  json_builder_end_array (b);

  json_builder_set_member_name (b, "genes");
  json_builder_begin_array (b);
  for (guint g = 0; g < land->n_genes; g++)
    {
      const ObLandscapeGene *gene = &land->genes[g];

      json_builder_begin_object (b);
      ob_cli_json_add_string (b, "gene", gene->gene);
      if (gene->column != NULL)
        ob_cli_json_add_string (b, "column", gene->column);
      ob_cli_json_add_int (b, "n_altered", gene->n_altered);
      ob_cli_json_add_double (b, "pct", gene->pct);
      json_builder_set_member_name (b, "types");
      json_builder_begin_object (b);
      for (guint t = 0; t < land->n_types; t++)
        if (gene->type_counts[t] > 0)
          ob_cli_json_add_int (b, land->types[t], gene->type_counts[t]);
      json_builder_end_object (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "pairs");
  json_builder_begin_array (b);
  for (guint k = 0; k < land->n_pairs; k++)
    {
      const ObLandscapePair *pair = &land->pairs[k];

      json_builder_begin_object (b);
      ob_cli_json_add_string (b, "a", land->genes[pair->a].gene);
      ob_cli_json_add_string (b, "b", land->genes[pair->b].gene);
      ob_cli_json_add_int (b, "both", pair->both);
      ob_cli_json_add_int (b, "a_only", pair->a_only);
      ob_cli_json_add_int (b, "b_only", pair->b_only);
      ob_cli_json_add_int (b, "neither", pair->neither);
      ob_cli_json_add_double (b, "odds_ratio", pair->odds_ratio);
      ob_cli_json_add_double (b, "log_odds_ratio", pair->log_odds_ratio);
      ob_cli_json_add_double (b, "p", pair->p);
      ob_cli_json_add_double (b, "q", pair->q);
      ob_cli_json_add_string (b, "tendency", ob_landscape_tendency_to_string (pair->tendency));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  ob_cli_json_add_string (b, "method",
                          _("Per gene pair: Fisher's exact test of altered × altered, "
                            "conditional maximum-likelihood odds ratio (as fisher.test), q by "
                            "Benjamini–Hochberg over all pairs"));
}

static gboolean
run_landscape (const char              *path,
               const LandscapeOptions  *o,
               gboolean                *about_figure,
               GError                 **error)
{
  g_autoptr(ObDataset) dataset = NULL;
  g_autoptr(ObLandscape) land = NULL;
  g_autoptr(ObCliJson) json = NULL;
  g_autofree guint8 *mask = NULL;
  g_auto(GStrv) annotation = NULL;
  const GPtrArray *warnings;
  JsonBuilder *b;

  /* option mistakes are the command's, not the file's */
  *about_figure = TRUE;
  if ((o->genes == NULL) == (o->long_form == NULL))
    return invalid (error, _("Give either --genes COL,COL… (one column per gene) or --long "
                             "PATIENT,GENE,TYPE"));
  if (o->long_form != NULL && (o->annotate != NULL || o->patients < 0))
    return invalid (error, o->annotate != NULL
                           ? _("--annotate needs the wide form (--genes), one row per patient")
                           : _("--patients must be a number of patients"));
  *about_figure = FALSE;
  dataset = ob_cli_project_open_dataset (path, &o->input, error);
  if (dataset == NULL)
    return FALSE;
  if (o->where != NULL)
    {
      mask = ob_dataset_where_mask (dataset, (const char * const *) o->where, error);
      if (mask == NULL)
        return FALSE;
    }
  if (o->genes != NULL)
    {
      g_auto(GStrv) genes = ob_cli_split_list (o->genes);

      land = ob_landscape_new_wide (dataset, (const char * const *) genes, o->patient, mask,
                                    error);
      if (land != NULL && o->annotate != NULL)
        {
          annotation = annotation_values (dataset, o->annotate, mask, land->n_patients, error);
          if (annotation == NULL)
            return FALSE;
        }
    }
  else
    {
      g_auto(GStrv) cols = ob_cli_split_list (o->long_form);

      if (g_strv_length (cols) != 3)
        {
          *about_figure = TRUE;
          return invalid (error, _("--long expects three columns: PATIENT,GENE,TYPE"));
        }
      land = ob_landscape_new_long (dataset, cols[0], cols[1], cols[2], (gsize) o->patients,
                                    mask, error);
    }
  if (land == NULL)
    return FALSE;

  json = ob_cli_json_new ();
  b = ob_cli_json_get_builder (json);
  json_builder_begin_object (b);
  ob_cli_json_add_string (b, "file", path);
  add_json (b, land);
  json_builder_set_member_name (b, "warnings");
  json_builder_begin_array (b);
  warnings = ob_dataset_get_warnings (dataset);
  for (guint i = 0; warnings != NULL && i < warnings->len; i++)
    json_builder_add_string_value (b, g_ptr_array_index (warnings, i));
  json_builder_end_array (b);
  if (o->figure != NULL)
    {
      if (!write_figure (o, land, (const char * const *) annotation, error))
        {
          *about_figure = TRUE;
          return FALSE;
        }
      ob_cli_json_add_string (b, "figure", o->figure);
    }
  json_builder_end_object (b);
  return ob_cli_json_print (json, error);
}

int
ob_cli_landscape (int    argc,
                  char **argv)
{
  LandscapeOptions o = { 0 };
  const GOptionEntry entries[] = {
    { "genes", 0, 0, G_OPTION_ARG_STRING, &o.genes,
      N_("Gene columns whose values are alteration types (“none” or empty = not altered)"),
      N_("COL,COL…") },
    { "long", 0, 0, G_OPTION_ARG_STRING, &o.long_form,
      N_("Long form instead: the patient, gene and alteration-type columns"),
      N_("PATIENT,GENE,TYPE") },
    { "patient", 0, 0, G_OPTION_ARG_STRING, &o.patient,
      N_("Column naming the patients (wide form)"), N_("COL") },
    { "patients", 0, 0, G_OPTION_ARG_INT64, &o.patients,
      N_("Patients profiled, when the long table lists only those with an alteration"),
      N_("N") },
    { "where", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o.where,
      N_("Keep rows where COL equals VALUE; repeatable"), N_("COL=VALUE") },
    { "annotate", 0, 0, G_OPTION_ARG_STRING, &o.annotate,
      N_("Column shown as a track above the oncoprint (wide form)"), N_("COL") },
    { "figure", 0, 0, G_OPTION_ARG_FILENAME, &o.figure,
      N_("Write the oncoprint (.pdf, .svg, .eps, .png, .tiff)"), N_("FILE") },
    { "size", 0, 0, G_OPTION_ARG_STRING, &o.size,
      N_("Figure size in mm: width (default 89) and optionally height"), N_("W[xH]") },
    { "dpi", 0, 0, G_OPTION_ARG_DOUBLE, &o.dpi, N_("Resolution of PNG figures (default 300)"),
      N_("N") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &o.title, N_("Title above the figure"),
      N_("TEXT") },
    { "save-project", 0, 0, G_OPTION_ARG_FILENAME, &o.save_project,
      N_("Also keep this analysis, its data and figure style in a project file"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  gboolean about_figure = FALSE;
  int status = EXIT_FAILURE;

  context = g_option_context_new (_("FILE — alteration frequencies, co-occurrence and mutual "
                                    "exclusivity, oncoprint"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  ob_cli_input_options_add (context, &o.input);
  g_option_context_set_description (context,
    _("Prints JSON: per gene the patients altered, their percentage and counts by alteration "
      "type (most altered gene first); per pair of genes the 2 × 2 counts, Fisher's odds "
      "ratio, p and BH-adjusted q, and whether they tend to co-occur or exclude each other."));

  args = g_strdupv (argv);
  if (!ob_cli_parse_options (context, "landscape", &argc, &argv))
    goto out;
  if (argc != 2)
    {
      g_printerr ("%s\n", _("oncobench-cli landscape: expected one FILE (see --help)"));
      goto out;
    }
  if (!run_landscape (argv[1], &o, &about_figure, &error))
    {
      ob_cli_print_error (about_figure ? "oncobench-cli landscape" : argv[1], error);
      goto out;
    }
  if (o.save_project != NULL
      && !ob_cli_project_save_analysis (o.save_project, "landscape", argv[1],
                                        (const char * const *) args, &error))
    {
      ob_cli_print_error (o.save_project, error);
      goto out;
    }
  status = EXIT_SUCCESS;

out:
  options_clear (&o);
  return status;
}
