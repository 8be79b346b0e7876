/* ob-cli-elisa.c — `oncobench-cli elisa FILE`: standard curve, limits and sample concentrations
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
#include "ob-cli-elisa-private.h"
#include "ob-cli-project.h"
#include "ob-plate-grid.h"
#include "ob-standard-curve.h"
#include "ob-surv-data.h"

typedef struct
{
  ObCliInputOptions input;
  char *model;
  char *weight;
  char *sample;
  char *conc;
  char *response;
  char *dilution;
  char *group;
  char *plate;
  char *well;
  char **run;
  char **where;
  double cv_limit;
  double cv_limit_edge;
  char *grid;
  char *map;
  char *plate_block;
  char **exclude;
  gboolean exclude_failing;
  char *samples_csv;
  char *save_project;
  ObCliElisaFigure figure;
} ElisaOptions;

static void
elisa_options_clear (ElisaOptions *o)
{
  ob_cli_input_options_clear (&o->input);
  g_clear_pointer (&o->model, g_free);
  g_clear_pointer (&o->weight, g_free);
  g_clear_pointer (&o->sample, g_free);
  g_clear_pointer (&o->conc, g_free);
  g_clear_pointer (&o->response, g_free);
  g_clear_pointer (&o->dilution, g_free);
  g_clear_pointer (&o->group, g_free);
  g_clear_pointer (&o->plate, g_free);
  g_clear_pointer (&o->well, g_free);
  g_clear_pointer (&o->run, g_strfreev);
  g_clear_pointer (&o->where, g_strfreev);
  g_clear_pointer (&o->grid, g_free);
  g_clear_pointer (&o->map, g_free);
  g_clear_pointer (&o->plate_block, g_free);
  g_clear_pointer (&o->exclude, g_strfreev);
  g_clear_pointer (&o->save_project, g_free);
  g_clear_pointer (&o->samples_csv, g_free);
  ob_cli_elisa_figure_clear (&o->figure);
}

/* --plate-block N (1-based) or all; 0 stands for all. */
static gboolean
parse_plate_block (const char *text,
                   guint      *out,
                   GError    **error)
{
  guint64 n;

  *out = 1;
  if (text == NULL)
    return TRUE;
  if (g_ascii_strcasecmp (text, "all") == 0)
    {
      *out = 0;
      return TRUE;
    }
  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXUINT, &n, NULL))
    {
      g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                   _("--plate-block “%s”: expected a plate number from 1, or all"), text);
      return FALSE;
    }
  *out = (guint) n;
  return TRUE;
}

/* A plate reader's grid and its plate map, read into the long form. */
static ObDataset *
load_grid (ElisaOptions *o,
           GError      **error)
{
  g_autoptr(ObPlateGrid) grid = NULL;
  g_autoptr(ObPlateMap) map = NULL;
  guint block;

  if (!parse_plate_block (o->plate_block, &block, error))
    return NULL;
  grid = ob_plate_grid_read_file (o->grid, error);
  if (grid == NULL)
    return NULL;
  map = ob_plate_map_read_file (o->map, error);
  if (map == NULL)
    return NULL;
  return ob_plate_grid_to_dataset (grid, block, map, error);
}

/* --exclude WELL or PLATE:WELL, matched against the well (and plate) columns. */
static guint8 *
exclusion_mask (const ObDataset *dataset,
                ElisaOptions    *o,
                GError         **error)
{
  int well_col = ob_dataset_find_column (dataset, o->well != NULL ? o->well : "well");
  int plate_col = ob_dataset_find_column (dataset, o->plate != NULL ? o->plate : "plate");
  gsize n = ob_dataset_get_n_rows (dataset);
  g_autofree guint8 *mask = NULL;

  if (o->exclude == NULL)
    return NULL;
  if (well_col < 0)
    {
      g_set_error_literal (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                           _("--exclude names wells, but the table has no well column"));
      return NULL;
    }
  mask = g_new0 (guint8, MAX (n, 1));
  for (guint i = 0; o->exclude[i] != NULL; i++)
    {
      const char *spec = o->exclude[i], *colon = strrchr (spec, ':');
      g_autofree char *plate = colon != NULL ? g_strndup (spec, (gsize) (colon - spec)) : NULL;
      const char *well = colon != NULL ? colon + 1 : spec;
      gsize hits = 0;

      for (gsize row = 0; row < n; row++)
        {
          g_autofree char *w = ob_dataset_format_cell (dataset, (guint) well_col, row);
          g_autofree char *p = NULL;

          if (g_ascii_strcasecmp (w, well) != 0)
            continue;
          if (plate != NULL)
            {
              p = plate_col >= 0 ? ob_dataset_format_cell (dataset, (guint) plate_col, row)
                                 : g_strdup ("");
              if (strcmp (p, plate) != 0)
                continue;
            }
          mask[row] = 1;
          hits++;
        }
      if (hits == 0)
        {
          g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                       _("--exclude “%s”: no such well"), spec);
          return NULL;
        }
    }
  return g_steal_pointer (&mask);
}

/* --type is shared with the importer's COL=TYPE overrides: a bare column name picks the
 * column of well types, anything with "=" stays an override.  Returns the column, if any. */
static char *
split_type_option (ObCliInputOptions *input)
{
  g_autoptr(GStrvBuilder) overrides = g_strv_builder_new ();
  char *column = NULL;

  if (input->types == NULL)
    return NULL;
  for (guint i = 0; input->types[i] != NULL; i++)
    if (strchr (input->types[i], '=') != NULL)
      g_strv_builder_add (overrides, input->types[i]);
    else
      {
        g_free (column);
        column = g_strdup (input->types[i]);
      }
  g_strfreev (input->types);
  input->types = g_strv_builder_end (overrides);
  if (input->types[0] == NULL)
    g_clear_pointer (&input->types, g_strfreev);
  return column;
}

static void
add_param_object (JsonBuilder      *b,
                  const char       *member,
                  const ObCurveFit *fit,
                  const double     *values)
{
  json_builder_set_member_name (b, member);
  json_builder_begin_object (b);
  for (guint j = 0; j < fit->n_params; j++)
    ob_cli_json_add_double (b, ob_curve_param_name (fit, j), values[j]);
  json_builder_end_object (b);
}

static void
write_fit (JsonBuilder      *b,
           const ObCurveFit *fit)
{
  add_param_object (b, "params", fit, fit->params);
  add_param_object (b, "param_se", fit, fit->se);
  json_builder_set_member_name (b, "param_ci");
  json_builder_begin_object (b);
  for (guint j = 0; j < fit->n_params; j++)
    {
      json_builder_set_member_name (b, ob_curve_param_name (fit, j));
      json_builder_begin_array (b);
      ob_cli_json_add_double_value (b, fit->ci_lower[j]);
      ob_cli_json_add_double_value (b, fit->ci_upper[j]);
      json_builder_end_array (b);
    }
  json_builder_end_object (b);
  ob_cli_json_add_double (b, "rss", fit->rss);
  ob_cli_json_add_double (b, "r2", fit->r2);
  ob_cli_json_add_double (b, "sigma", fit->sigma);
  ob_cli_json_add_double (b, "df", fit->df);
  ob_cli_json_add_double (b, "aic", fit->aic);
  /* Whether the standards respond at all: the curve against a flat line. */
  json_builder_set_member_name (b, "dose_response");
  json_builder_begin_object (b);
  ob_cli_json_add_double (b, "F", fit->flat_f);
  ob_cli_json_add_double (b, "df1", fit->n_params > 0 ? fit->n_params - 1.0 : NAN);
  ob_cli_json_add_double (b, "df2", fit->df);
  ob_cli_json_add_double (b, "p", fit->flat_p);
  json_builder_end_object (b);
}

/* With a 5PL, whether its asymmetry earns its place: the same standards fitted by a 4PL. */
static void
write_comparison (JsonBuilder           *b,
                  const ObCurveFit      *fit5,
                  const ObAssaySettings *settings)
{
  g_autoptr(ObCurveFit) fit4 = NULL;
  ObCurveComparison cmp;

  if (fit5->model != OB_CURVE_5PL)
    return;
  fit4 = ob_curve_fit (OB_CURVE_4PL, settings->weight, fit5->x, fit5->y, fit5->n, NULL);
  if (fit4 == NULL || !ob_curve_compare_4pl_5pl (fit4, fit5, &cmp, NULL))
    return;
  json_builder_set_member_name (b, "versus_4pl");
  json_builder_begin_object (b);
  ob_cli_json_add_double (b, "f", cmp.f);
  ob_cli_json_add_double (b, "df1", cmp.df1);
  ob_cli_json_add_double (b, "df2", cmp.df2);
  ob_cli_json_add_double (b, "p", cmp.p);
  ob_cli_json_add_double (b, "aic_4pl", cmp.aic4);
  ob_cli_json_add_double (b, "aic_5pl", cmp.aic5);
  json_builder_end_object (b);
}

static void
write_plate (JsonBuilder           *b,
             const ObAssayPlate    *plate,
             const ObAssaySettings *settings)
{
  if (plate->plate != NULL)
    ob_cli_json_add_string (b, "plate", plate->plate);
  write_fit (b, plate->fit);
  write_comparison (b, plate->fit, settings);
  ob_cli_json_add_int (b, "n_blanks", plate->n_blanks);
  ob_cli_json_add_double (b, "blank", plate->blank);
  ob_cli_json_add_double (b, "lloq", plate->lloq);
  ob_cli_json_add_double (b, "uloq", plate->uloq);

  json_builder_set_member_name (b, "standards");
  json_builder_begin_array (b);
  for (guint i = 0; i < plate->standards->len; i++)
    {
      const ObAssayStandard *s = &g_array_index (plate->standards, ObAssayStandard, i);

      json_builder_begin_object (b);
      ob_cli_json_add_double (b, "conc", s->conc);
      ob_cli_json_add_int (b, "n", s->n);
      ob_cli_json_add_double (b, "mean_response", s->mean_response);
      ob_cli_json_add_double (b, "sd", s->sd);
      ob_cli_json_add_double (b, "cv_pct", s->cv_pct);
      ob_cli_json_add_double (b, "back_calc", s->back_calc);
      ob_cli_json_add_double (b, "recovery_pct", s->recovery_pct);
      json_builder_set_member_name (b, "passes");
      json_builder_add_boolean_value (b, s->passes);
      json_builder_set_member_name (b, "cv_passes");
      json_builder_add_boolean_value (b, s->cv_passes);
      json_builder_set_member_name (b, "excluded");
      json_builder_add_boolean_value (b, s->excluded);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "samples");
  json_builder_begin_array (b);
  for (guint i = 0; i < plate->samples->len; i++)
    {
      const ObAssaySample *s = g_ptr_array_index (plate->samples, i);

      json_builder_begin_object (b);
      ob_cli_json_add_string (b, "id", s->id);
      json_builder_set_member_name (b, "group");
      if (s->group != NULL)
        json_builder_add_string_value (b, s->group);
      else
        json_builder_add_null_value (b);
      ob_cli_json_add_double (b, "dilution", s->dilution);
      ob_cli_json_add_int (b, "n", s->n);
      ob_cli_json_add_double (b, "mean_response", s->mean_response);
      ob_cli_json_add_double (b, "cv_pct", s->cv_pct);
      ob_cli_json_add_double (b, "conc", s->conc);
      ob_cli_json_add_double (b, "conc_lower", s->conc_lower);
      ob_cli_json_add_double (b, "conc_upper", s->conc_upper);
      json_builder_set_member_name (b, "replicate_conc");
      json_builder_begin_array (b);
      for (guint j = 0; j < s->n; j++)
        ob_cli_json_add_double_value (b, s->replicate_conc[j]);
      json_builder_end_array (b);
      json_builder_set_member_name (b, "flags");
      json_builder_begin_array (b);
      for (guint j = 0; j < s->flags->len; j++)
        json_builder_add_string_value (b, g_ptr_array_index (s->flags, j));
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "exclusions");
  json_builder_begin_array (b);
  for (guint i = 0; i < plate->exclusions->len; i++)
    json_builder_add_string_value (b, g_ptr_array_index (plate->exclusions, i));
  json_builder_end_array (b);

  json_builder_set_member_name (b, "warnings");
  json_builder_begin_array (b);
  for (guint i = 0; i < plate->warnings->len; i++)
    json_builder_add_string_value (b, g_ptr_array_index (plate->warnings, i));
  json_builder_end_array (b);
}

static gboolean
run_elisa (const char            *path,
           ElisaOptions          *o,
           const char            *type_column,
           const ObAssaySettings *settings,
           GError               **error)
{
  g_autoptr(ObDataset) dataset = NULL;
  g_autoptr(GPtrArray) plates = NULL;
  g_autoptr(ObCliJson) json = NULL;
  g_autoptr(GStrvBuilder) filters = g_strv_builder_new ();
  g_auto(GStrv) where = NULL;
  g_autofree guint8 *mask = NULL;
  g_autofree guint8 *excluded = NULL;
  ObAssayColumns columns = {
    o->sample, type_column, o->conc, o->response, o->dilution, o->group, o->plate, o->well,
  };
  JsonBuilder *b;

  dataset = o->grid != NULL ? load_grid (o, error)
                            : ob_cli_project_open_dataset (path, &o->input, error);
  if (dataset == NULL)
    return FALSE;
  if (o->grid != NULL)
    ob_cli_project_keep_dataset (dataset);
  /* --run picks one run (plate, experiment) exactly as --where does. */
  if (o->run != NULL)
    g_strv_builder_addv (filters, (const char **) o->run);
  if (o->where != NULL)
    g_strv_builder_addv (filters, (const char **) o->where);
  where = g_strv_builder_end (filters);
  if (where[0] != NULL)
    {
      mask = ob_dataset_where_mask (dataset, (const char * const *) where, error);
      if (mask == NULL)
        return FALSE;
    }
  if (o->exclude != NULL && (excluded = exclusion_mask (dataset, o, error)) == NULL)
    return FALSE;
  plates = ob_assay_analyse_excluding (dataset, &columns, mask, excluded, settings, error);
  if (plates == NULL)
    return FALSE;
  if (!ob_cli_elisa_figure_write (&o->figure, plates, error))
    return FALSE;
  if (!ob_cli_elisa_samples_write (o->samples_csv, plates, error))
    return FALSE;

  json = ob_cli_json_new ();
  b = ob_cli_json_get_builder (json);
  json_builder_begin_object (b);
  if (o->grid != NULL)
    {
      ob_cli_json_add_string (b, "file", o->grid);
      ob_cli_json_add_string (b, "map", o->map);
    }
  else
    ob_cli_json_add_string (b, "file", path);
  ob_cli_json_add_string (b, "model", ob_curve_model_to_string (settings->model));
  ob_cli_json_add_string (b, "weight", ob_curve_weight_to_string (settings->weight));
  ob_cli_json_add_double (b, "cv_limit", settings->cv_limit);
  ob_cli_json_add_double (b, "cv_limit_edge", settings->cv_limit_edge);
  if (plates->len == 1)
    write_plate (b, g_ptr_array_index (plates, 0), settings);
  else
    {
      json_builder_set_member_name (b, "plates");
      json_builder_begin_array (b);
      for (guint i = 0; i < plates->len; i++)
        {
          json_builder_begin_object (b);
          write_plate (b, g_ptr_array_index (plates, i), settings);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
    }
  json_builder_end_object (b);
  return ob_cli_json_print (json, error);
}

int
ob_cli_elisa (int    argc,
              char **argv)
{
  ElisaOptions o = { 0 };
  const GOptionEntry entries[] = {
    { "model", 0, 0, G_OPTION_ARG_STRING, &o.model,
      N_("Curve: 4pl (default), 5pl, linear, loglog or p2p"), N_("MODEL") },
    { "weight", 0, 0, G_OPTION_ARG_STRING, &o.weight,
      N_("Least-squares weights: none (default), 1/y or 1/y2"), N_("W") },
    { "sample", 0, 0, G_OPTION_ARG_STRING, &o.sample,
      N_("Column naming the sample of each well (default “sample”)"), N_("COL") },
    { "conc", 0, 0, G_OPTION_ARG_STRING, &o.conc,
      N_("Column of the standards’ concentrations (default “conc”)"), N_("COL") },
    { "response", 0, 0, G_OPTION_ARG_STRING, &o.response,
      N_("Column of the responses, e.g. optical density (default “response”)"), N_("COL") },
    { "dilution", 0, 0, G_OPTION_ARG_STRING, &o.dilution,
      N_("Column of dilution factors (default “dilution”; 1 when absent)"), N_("COL") },
    { "group", 0, 0, G_OPTION_ARG_STRING, &o.group,
      N_("Column naming each sample’s group (default “group”)"), N_("COL") },
    { "plate", 0, 0, G_OPTION_ARG_STRING, &o.plate,
      N_("Column naming the plate: one curve per plate (default “plate”)"), N_("COL") },
    { "well", 0, 0, G_OPTION_ARG_STRING, &o.well,
      N_("Column naming the wells, for the exclusion log (default “well”)"), N_("COL") },
    { "run", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o.run,
      N_("Keep rows where COL equals VALUE (one run of several); repeatable"),
      N_("COL=VALUE") },
    { "where", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o.where,
      N_("Keep rows where COL equals VALUE; repeatable"), N_("COL=VALUE") },
    { "cv-limit", 0, 0, G_OPTION_ARG_DOUBLE, &o.cv_limit,
      N_("Flag samples whose replicates’ CV% exceeds this (default 20; 15 in many labs)"),
      N_("PCT") },
    { "cv-limit-edge", 0, 0, G_OPTION_ARG_DOUBLE, &o.cv_limit_edge,
      N_("The same at the lowest and highest standards (default 25)"), N_("PCT") },
    { "exclude", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o.exclude,
      N_("Leave a well out (an outlier), by its name in the well column; PLATE:WELL with "
         "several plates; repeatable"), N_("WELL") },
    { "exclude-failing", 0, 0, G_OPTION_ARG_NONE, &o.exclude_failing,
      N_("Leave out the standards that fail recovery, worst first, refitting each time"),
      NULL },
    { "grid", 0, 0, G_OPTION_ARG_FILENAME, &o.grid,
      N_("Read a plate reader’s export (8 × 12 blocks of responses) instead of FILE"),
      N_("FILE") },
    { "map", 0, 0, G_OPTION_ARG_FILENAME, &o.map,
      N_("The plate map for --grid: what each well holds"), N_("FILE") },
    { "plate-block", 0, 0, G_OPTION_ARG_STRING, &o.plate_block,
      N_("Which block of the --grid file to read (default 1), or all: one plate each"),
      N_("N") },
    { "samples-csv", 0, 0, G_OPTION_ARG_FILENAME, &o.samples_csv,
      N_("Write the samples (id, group, conc with its 95% CI, flag) as CSV to FILE, e.g. for "
         "compare --lower conc_lower --upper conc_upper --flag flag"), N_("FILE") },
    { "figure", 0, 0, G_OPTION_ARG_FILENAME, &o.figure.figure,
      N_("Draw the standard curve to FILE (.pdf, .svg, .eps, .png, .tiff)"), N_("FILE") },
    { "plate-figure", 0, 0, G_OPTION_ARG_FILENAME, &o.figure.plate_figure,
      N_("Draw the plate map to FILE"), N_("FILE") },
    { "size", 0, 0, G_OPTION_ARG_STRING, &o.figure.size,
      N_("Figure size in mm (default 89x70, a journal column)"), N_("WxH") },
    { "dpi", 0, 0, G_OPTION_ARG_INT, &o.figure.dpi,
      N_("Resolution of PNG and TIFF figures (default 300)"), N_("DPI") },
    { "x-label", 0, 0, G_OPTION_ARG_STRING, &o.figure.x_label,
      N_("Title of the concentration axis, e.g. “AREG (pg/mL)”"), N_("TEXT") },
    { "y-label", 0, 0, G_OPTION_ARG_STRING, &o.figure.y_label,
      N_("Title of the response axis, e.g. “OD 450 nm”"), N_("TEXT") },
    { "save-project", 0, 0, G_OPTION_ARG_FILENAME, &o.save_project,
      N_("Also keep this analysis, its data and figure style in a project file"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *type_column = NULL;
  g_auto(GStrv) args = NULL;
  ObAssaySettings settings;
  int status = EXIT_FAILURE;

  ob_assay_settings_init (&settings);
  o.cv_limit = settings.cv_limit;
  o.cv_limit_edge = settings.cv_limit_edge;
  context = g_option_context_new (_("FILE — standard curve and sample concentrations"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  ob_cli_input_options_add (context, &o.input);
  g_option_context_set_description (context,
    _("--type COL names the column of well types (standard, blank, sample, control); "
      "--type COL=TYPE still sets a column’s data type.  Without a type column, rows with a "
      "concentration are standards.  The mean blank is subtracted from every well.  Prints "
      "JSON: the curve’s parameters with standard errors and 95% CIs (estimate ± t·SE, as "
      "summary(nls)), each standard’s back-calculated concentration and recovery (ICH M10: "
      "within 20%, 25% at the lowest and highest standard), LLOQ and ULOQ (lowest and "
      "highest passing standard), and each sample’s concentration × dilution with a 95% CI "
      "(delta method on log concentration).  Samples beyond the limits get a flag and no "
      "concentration: nothing is extrapolated."));

  args = g_strdupv (argv);
  if (!ob_cli_parse_options (context, "elisa", &argc, &argv))
    goto out;
  if (argc != (o.grid != NULL ? 1 : 2))
    {
      g_printerr ("%s\n", o.grid != NULL
                           ? _("oncobench-cli elisa: --grid replaces FILE (see --help)")
                           : _("oncobench-cli elisa: expected one FILE (see --help)"));
      goto out;
    }
  type_column = split_type_option (&o.input);
  settings.cv_limit = o.cv_limit;
  settings.cv_limit_edge = o.cv_limit_edge;
  settings.exclude_failing = o.exclude_failing;
  if (o.model != NULL && !ob_curve_model_from_string (o.model, &settings.model))
    g_set_error (&error, OB_ERROR, OB_ERROR_INVALID_ARG,
                 _("--model “%s” is not one of 4pl, 5pl, linear, loglog, p2p"), o.model);
  else if (o.weight != NULL && !ob_curve_weight_from_string (o.weight, &settings.weight))
    g_set_error (&error, OB_ERROR, OB_ERROR_INVALID_ARG,
                 _("--weight “%s” is not one of none, 1/y, 1/y2"), o.weight);
  else if (!(settings.cv_limit > 0.0) || !(settings.cv_limit_edge > 0.0))
    g_set_error_literal (&error, OB_ERROR, OB_ERROR_INVALID_ARG,
                         _("--cv-limit and --cv-limit-edge must be positive percentages"));
  else if ((o.grid == NULL) != (o.map == NULL))
    g_set_error_literal (&error, OB_ERROR, OB_ERROR_INVALID_ARG,
                         _("--grid and --map go together: the plate’s responses and what each "
                           "well holds"));
  else if (o.plate_block != NULL && o.grid == NULL)
    g_set_error_literal (&error, OB_ERROR, OB_ERROR_INVALID_ARG,
                         _("--plate-block picks a block of a --grid file"));
  else
    ob_cli_elisa_figure_check (&o.figure, &error);
  if (error != NULL)
    {
      ob_cli_print_error ("oncobench-cli elisa", error);
      goto out;
    }
  if (!run_elisa (o.grid != NULL ? o.grid : argv[1], &o, type_column, &settings, &error))
    {
      /* The readers' messages already start with FILE:LINE:COLUMN. */
      if (error->code == OB_ERROR_PARSE || error->code == OB_ERROR_ENCODING)
        g_printerr ("%s\n", error->message);
      else
        ob_cli_print_error (error->code == OB_ERROR_INVALID_ARG ? "oncobench-cli elisa"
                            : o.grid != NULL ? o.grid : argv[1], error);
      goto out;
    }
  if (o.save_project != NULL
      && !ob_cli_project_save_analysis (o.save_project, "elisa",
                                        o.grid != NULL ? o.grid : argv[1],
                                        (const char * const *) args, &error))
    {
      ob_cli_print_error (o.save_project, error);
      goto out;
    }
  status = EXIT_SUCCESS;

out:
  elisa_options_clear (&o);
  return status;
}
