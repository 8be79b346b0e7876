/* ob-cli-compare-limits.c — `compare --flag`: values beyond the limits of quantification are
 * counted per group, never tested as numbers; `--lower`/`--upper` carry each value's interval
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "ob-cli-common.h"
#include "ob-cli-compare-private.h"
#include "ob-group-limits.h"

void
ob_cli_compare_limits_init (ObCliCompareLimits *l)
{
  memset (l, 0, sizeof *l);
  l->lloq = l->uloq = NAN;
}

void
ob_cli_compare_limits_clear (ObCliCompareLimits *l)
{
  g_clear_pointer (&l->flag, g_free);
  g_clear_pointer (&l->lower, g_free);
  g_clear_pointer (&l->upper, g_free);
  g_clear_pointer (&l->kinds, g_free);
}

gboolean
ob_cli_compare_limits_exclude (ObCliCompareLimits *l,
                               const ObDataset    *dataset,
                               guint8            **mask,
                               GError            **error)
{
  if (!ob_group_limits_check_bounds (dataset, l->lower, l->upper, error))
    return FALSE;
  if (l->flag == NULL)
    {
      if (!isnan (l->lloq) || !isnan (l->uloq))
        {
          g_set_error_literal (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                               _("--lloq and --uloq place the flagged values: name the flag "
                                 "column with --flag COL"));
          return FALSE;
        }
      return TRUE;
    }
  l->kinds = ob_group_limits_flag_rows (dataset, l->flag, mask, &l->n_below, &l->n_above,
                                        error);
  if (l->kinds == NULL)
    return FALSE;
  if (isnan (l->lloq))
    l->lloq = ob_group_limits_from_cells (dataset, l->kinds, OB_LIMIT_BELOW);
  if (isnan (l->uloq))
    l->uloq = ob_group_limits_from_cells (dataset, l->kinds, OB_LIMIT_ABOVE);
  return TRUE;
}

char *
ob_cli_compare_limits_json (const ObCliCompareLimits *l,
                            JsonBuilder              *b,
                            const ObDataset          *dataset,
                            const char               *group_column,
                            const ObGroupData        *data)
{
  g_autofree gsize *below = NULL;
  g_autofree gsize *above = NULL;
  gsize lost, n_below, n_above;

  if (l->flag == NULL)
    return NULL;
  ob_group_limits_count (dataset, group_column, data, l->kinds, &below, &above, &lost);
  n_below = l->n_below;
  n_above = l->n_above;
  json_builder_set_member_name (b, "limits");
  json_builder_begin_object (b);
  ob_cli_json_add_string (b, "flag", l->flag);
  ob_cli_json_add_double (b, "lloq", l->lloq);
  ob_cli_json_add_double (b, "uloq", l->uloq);
  ob_cli_json_add_int (b, "below_lloq", (gint64) n_below);
  ob_cli_json_add_int (b, "above_uloq", (gint64) n_above);
  ob_cli_json_add_int (b, "in_groups_without_values", (gint64) lost);
  json_builder_set_member_name (b, "groups");
  json_builder_begin_array (b);
  for (guint g = 0; g < data->n_groups; g++)
    {
      json_builder_begin_object (b);
      ob_cli_json_add_string (b, "name", data->group_names[g]);
      ob_cli_json_add_int (b, "n", (gint64) (data->offsets[g + 1] - data->offsets[g]));
      ob_cli_json_add_int (b, "below_lloq", (gint64) below[g]);
      ob_cli_json_add_int (b, "above_uloq", (gint64) above[g]);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  if (n_below + n_above == 0)
    return NULL;
  /* Counts after a colon need no plural forms. */
  if (lost > 0)
    return g_strdup_printf (_("Left out of the test, having no number (flagged in “%s”): below "
                              "the LLOQ %zu, above the ULOQ %zu, of which %zu in groups "
                              "without any number.  The test uses the %zu numeric values; the "
                              "flagged ones are counted per group under “limits”"),
                            l->flag, n_below, n_above, lost, data->n);
  return g_strdup_printf (_("Left out of the test, having no number (flagged in “%s”): below "
                            "the LLOQ %zu, above the ULOQ %zu.  The test uses the %zu numeric "
                            "values; the flagged ones are counted per group under “limits”"),
                          l->flag, n_below, n_above, data->n);
}
