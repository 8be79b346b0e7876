/* ob-landscape.c — the alteration landscape of a cohort
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-landscape"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ob-group-tests.h"
#include "ob-landscape.h"
#include "ob-logrank.h"

/* cells are guint16: type index + 1, 0 = not altered */
#define MAX_TYPES (G_MAXUINT16 - 1)

typedef struct
{
  GPtrArray *patients;      /* char * */
  GHashTable *patient_index;
  GPtrArray *genes;         /* char * display names */
  GPtrArray *columns;       /* char * or NULL */
  GPtrArray *types;         /* char * */
  GHashTable *type_index;   /* name → index + 1 */
  guint multiple;           /* index + 1 of "multiple", 0 until needed */
} Builder;

static void
builder_init (Builder *b)
{
  b->patients = g_ptr_array_new_with_free_func (g_free);
  b->patient_index = g_hash_table_new (g_str_hash, g_str_equal);
  b->genes = g_ptr_array_new_with_free_func (g_free);
  b->columns = g_ptr_array_new_with_free_func (g_free);
  b->types = g_ptr_array_new_with_free_func (g_free);
  b->type_index = g_hash_table_new (g_str_hash, g_str_equal);
  b->multiple = 0;
}

static void
builder_clear (Builder *b)
{
  g_clear_pointer (&b->patient_index, g_hash_table_unref);
  g_clear_pointer (&b->patients, g_ptr_array_unref);
  g_clear_pointer (&b->genes, g_ptr_array_unref);
  g_clear_pointer (&b->columns, g_ptr_array_unref);
  g_clear_pointer (&b->type_index, g_hash_table_unref);
  g_clear_pointer (&b->types, g_ptr_array_unref);
}

/* index + 1 of the type, added if new; 0 when there are too many types. */
static guint
builder_type (Builder    *b,
              const char *name)
{
  gpointer found = g_hash_table_lookup (b->type_index, name);
  char *copy;

  if (found != NULL)
    return GPOINTER_TO_UINT (found);
  if (b->types->len >= MAX_TYPES)
    return 0;
  copy = g_strdup (name);
  g_ptr_array_add (b->types, copy);
  g_hash_table_insert (b->type_index, copy, GUINT_TO_POINTER (b->types->len));
  return b->types->len;
}

static gboolean
too_many_types (GError **error)
{
  g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
               _("The alteration columns hold more than %u different values; choose columns "
                 "of alteration types"), MAX_TYPES);
  return FALSE;
}

gboolean
ob_landscape_is_unaltered (const char *value)
{
  static const char * const unaltered[] = {
    "none", "wild-type", "wildtype", "wild type", "wt", "no", "negative", "neg", "0", "-",
    "not altered", "unaltered", "false",
    /* As Japanese clinical sheets write them (alk-cohort-ja.csv). */
    "なし", "野生型", "陰性",
  };
  g_autofree char *stripped = NULL;

  if (value == NULL)
    return TRUE;
  stripped = g_strstrip (g_strdup (value));
  if (*stripped == '\0')
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (unaltered); i++)
    if (g_ascii_strcasecmp (stripped, unaltered[i]) == 0)
      return TRUE;
  return FALSE;
}

const char *
ob_landscape_tendency_to_string (ObLandscapeTendency tendency)
{
  switch (tendency)
    {
    case OB_LANDSCAPE_CO_OCCURRENCE:
      return "co-occurrence";
    case OB_LANDSCAPE_MUTUAL_EXCLUSIVITY:
      return "mutual exclusivity";
    case OB_LANDSCAPE_NONE:
    default:
      return "none";
    }
}

/* "tp53_mutation_type" → "TP53", "CDKN2A" stays; other names are left as they are. */
static char *
gene_name (const char *column)
{
  static const char * const suffixes[] = {
    "_mutation_type", "_alteration_type", "_mutation", "_mutations", "_alteration",
    "_alterations", "_status", "_type", "_mut", "_alt",
  };
  g_autofree char *lower = g_ascii_strdown (column, -1);
  gsize len = strlen (lower);
  gboolean plain = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (g_str_has_suffix (lower, suffixes[i]) && len > strlen (suffixes[i]))
      {
        len -= strlen (suffixes[i]);
        break;
      }
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isalnum (column[i]) || g_ascii_isupper (column[i]))
      plain = FALSE;
  if (!plain)
    return g_strndup (column, len);
  return g_ascii_strup (column, (gssize) len);
}

typedef struct
{
  const guint16 *cells;
  gsize n;
  guint n_genes;
} SortData;

static int
compare_patients (const void *pa,
                  const void *pb,
                  void       *user_data)
{
  const SortData *s = user_data;
  gsize a = *(const gsize *) pa, b = *(const gsize *) pb;

  for (guint g = 0; g < s->n_genes; g++)
    {
      gboolean alt_a = s->cells[g * s->n + a] != 0, alt_b = s->cells[g * s->n + b] != 0;

      if (alt_a != alt_b)
        return alt_a ? -1 : 1;
    }
  for (guint g = 0; g < s->n_genes; g++)
    {
      guint16 ta = s->cells[g * s->n + a], tb = s->cells[g * s->n + b];

      if (ta != tb)
        return ta < tb ? -1 : 1;
    }
  return (a > b) - (a < b);
}

typedef struct
{
  const ObLandscapeGene *genes;
} GeneSort;

static int
compare_genes (const void *pa,
               const void *pb,
               void       *user_data)
{
  const GeneSort *s = user_data;
  const ObLandscapeGene *a = &s->genes[*(const guint *) pa];
  const ObLandscapeGene *b = &s->genes[*(const guint *) pb];

  if (a->n_altered != b->n_altered)
    return a->n_altered > b->n_altered ? -1 : 1;
  return g_strcmp0 (a->gene, b->gene);
}

typedef struct
{
  const gsize *totals;
  char * const *names;
} TypeSort;

static int
compare_types (const void *pa,
               const void *pb,
               void       *user_data)
{
  const TypeSort *s = user_data;
  guint a = *(const guint *) pa, b = *(const guint *) pb;

  if (s->totals[a] != s->totals[b])
    return s->totals[a] > s->totals[b] ? -1 : 1;
  return g_strcmp0 (s->names[a], s->names[b]);
}

/* Orders types and genes, counts, tests every pair and sorts the patients.  Takes cells
 * (n_genes × n_patients, in builder order). */
static ObLandscape *
finish (Builder  *b,
        guint16  *cells,
        GError  **error)
{
  g_autoptr(ObLandscape) land = g_new0 (ObLandscape, 1);
  guint n_genes = b->genes->len, n_types = b->types->len;
  gsize n = b->patients->len;
  g_autofree gsize *totals = g_new0 (gsize, n_types + 1);
  g_autofree guint *type_order = g_new (guint, n_types + 1);
  g_autofree guint16 *type_remap = g_new0 (guint16, n_types + 1);
  g_autofree guint *gene_order = g_new (guint, n_genes + 1);
  g_autofree ObLandscapeGene *genes = g_new0 (ObLandscapeGene, n_genes + 1);
  g_autofree double *p = NULL;
  TypeSort ts;
  GeneSort gs;
  SortData sd;

  land->n_patients = n;
  land->n_genes = n_genes;
  land->n_types = n_types;

  /* commonest type first, so palettes and legends follow the data */
  for (gsize k = 0; k < (gsize) n_genes * n; k++)
    if (cells[k] != 0)
      totals[cells[k] - 1]++;
  for (guint t = 0; t < n_types; t++)
    type_order[t] = t;
  ts.totals = totals;
  ts.names = (char * const *) b->types->pdata;
  g_qsort_with_data (type_order, (gint) n_types, sizeof (guint), compare_types, &ts);
  land->types = g_new0 (char *, n_types + 1);
  for (guint t = 0; t < n_types; t++)
    {
      land->types[t] = g_strdup (g_ptr_array_index (b->types, type_order[t]));
      type_remap[type_order[t] + 1] = (guint16) (t + 1);
    }
  for (gsize k = 0; k < (gsize) n_genes * n; k++)
    cells[k] = type_remap[cells[k]];

  for (guint g = 0; g < n_genes; g++)
    {
      genes[g].gene = g_strdup (g_ptr_array_index (b->genes, g));
      genes[g].column = g_strdup (g_ptr_array_index (b->columns, g));
      genes[g].type_counts = g_new0 (gsize, MAX (n_types, 1));
      for (gsize i = 0; i < n; i++)
        {
          guint16 c = cells[(gsize) g * n + i];

          if (c != 0)
            {
              genes[g].n_altered++;
              genes[g].type_counts[c - 1]++;
            }
        }
      genes[g].pct = n > 0 ? 100.0 * (double) genes[g].n_altered / (double) n : NAN;
      gene_order[g] = g;
    }
  gs.genes = genes;
  g_qsort_with_data (gene_order, (gint) n_genes, sizeof (guint), compare_genes, &gs);
  land->genes = g_new0 (ObLandscapeGene, MAX (n_genes, 1));
  land->cells = g_new (guint16, MAX ((gsize) n_genes * n, 1));
  for (guint g = 0; g < n_genes; g++)
    {
      land->genes[g] = genes[gene_order[g]];
      memcpy (land->cells + (gsize) g * n, cells + (gsize) gene_order[g] * n,
              n * sizeof (guint16));
    }

  land->patients = g_new0 (char *, n + 1);
  for (gsize i = 0; i < n; i++)
    land->patients[i] = g_strdup (g_ptr_array_index (b->patients, i));

  /* every pair: altered in A (yes, no) × altered in B (yes, no) */
  land->n_pairs = n_genes * (n_genes - (n_genes > 0)) / 2;
  land->pairs = g_new0 (ObLandscapePair, MAX (land->n_pairs, 1));
  p = g_new (double, MAX (land->n_pairs, 1));
  for (guint a = 0, k = 0; a < n_genes; a++)
    for (guint c = a + 1; c < n_genes; c++, k++)
      {
        ObLandscapePair *pair = &land->pairs[k];
        const guint16 *ra = land->cells + (gsize) a * n, *rc = land->cells + (gsize) c * n;
        double counts[4];
        ObTableTest test;

        pair->a = a;
        pair->b = c;
        for (gsize i = 0; i < n; i++)
          {
            gboolean x = ra[i] != 0, y = rc[i] != 0;

            if (x && y)
              pair->both++;
            else if (x)
              pair->a_only++;
            else if (y)
              pair->b_only++;
            else
              pair->neither++;
          }
        counts[0] = (double) pair->both;
        counts[1] = (double) pair->a_only;
        counts[2] = (double) pair->b_only;
        counts[3] = (double) pair->neither;
        if (!ob_fisher_test (counts, &test, error))
          return NULL;
        pair->odds_ratio = test.odds_ratio;
        pair->log_odds_ratio = log (test.odds_ratio);
        pair->p = p[k] = test.p;
        /* an odds ratio of 1 up to the precision of its root leans neither way, and one
         * with a gene altered in nobody or in everybody says nothing about the pair */
        if (isnan (pair->odds_ratio) || fabs (pair->log_odds_ratio) < 1e-6
            || pair->both + pair->a_only == 0 || pair->both + pair->b_only == 0
            || pair->b_only + pair->neither == 0 || pair->a_only + pair->neither == 0)
          pair->tendency = OB_LANDSCAPE_NONE;
        else if (pair->odds_ratio > 1)
          pair->tendency = OB_LANDSCAPE_CO_OCCURRENCE;
        else
          pair->tendency = OB_LANDSCAPE_MUTUAL_EXCLUSIVITY;
      }
  ob_p_adjust (p, land->n_pairs, OB_P_ADJUST_BH);
  for (guint k = 0; k < land->n_pairs; k++)
    land->pairs[k].q = p[k];

  land->order = g_new (gsize, MAX (n, 1));
  for (gsize i = 0; i < n; i++)
    land->order[i] = i;
  sd.cells = land->cells;
  sd.n = n;
  sd.n_genes = n_genes;
  g_qsort_with_data (land->order, (gint) n, sizeof (gsize), compare_patients, &sd);
  return g_steal_pointer (&land);
}

void
ob_landscape_free (ObLandscape *land)
{
  if (land == NULL)
    return;
  g_strfreev (land->patients);
  for (guint g = 0; land->genes != NULL && g < land->n_genes; g++)
    {
      g_free (land->genes[g].gene);
      g_free (land->genes[g].column);
      g_free (land->genes[g].type_counts);
    }
  g_free (land->genes);
  g_strfreev (land->types);
  g_free (land->cells);
  g_free (land->pairs);
  g_free (land->order);
  g_free (land);
}

static const ObColumn *
find_column (const ObDataset  *dataset,
             const char       *name,
             const char       *role,
             GError          **error)
{
  const ObColumn *column = ob_dataset_lookup_column (dataset, name);

  if (column == NULL)
    g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                 /* TRANSLATORS: the second %s is a role: "gene", "patient", "alteration" */
                 _("There is no column “%s” (the %s column)"), name, role);
  return column;
}

/* The alteration in a cell of a wide gene column: type index + 1, 0 for none; *full when
 * there are too many types. */
static guint
wide_cell (Builder        *b,
           const ObColumn *column,
           const guint    *level_types,
           gsize           row,
           gboolean       *full)
{
  guint t;

  if (ob_column_is_missing (column, row))
    return 0;
  switch (column->type)
    {
    case OB_COLUMN_CATEGORICAL:
      return level_types[column->codes[row]];
    case OB_COLUMN_TEXT:
      {
        g_autofree char *value = NULL;

        if (ob_landscape_is_unaltered (column->text[row]))
          return 0;
        value = g_strstrip (g_strdup (column->text[row]));
        t = builder_type (b, value);
      }
      break;
    case OB_COLUMN_NUMERIC:
    case OB_COLUMN_DATE:
    default:
      if (column->num[row] == 0)
        return 0;
      t = builder_type (b, "altered");
      break;
    }
  *full = *full || t == 0;
  return t;
}

ObLandscape *
ob_landscape_new_wide (const ObDataset     *dataset,
                       const char * const  *gene_columns,
                       const char          *patient_column,
                       const guint8        *mask,
                       GError             **error)
{
  gsize n_rows = ob_dataset_get_n_rows (dataset), n = 0;
  const ObColumn *patient = NULL;
  int patient_index;
  g_autoptr(GPtrArray) columns = g_ptr_array_new ();
  g_autofree guint16 *cells = NULL;
  gboolean full = FALSE;
  ObLandscape *land = NULL;
  Builder b;

  g_return_val_if_fail (dataset != NULL, NULL);

  if (gene_columns == NULL || gene_columns[0] == NULL)
    {
      g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                   _("Choose the gene columns whose values are alteration types"));
      return NULL;
    }
  if (patient_column != NULL
      && (patient = find_column (dataset, patient_column, _("patient"), error)) == NULL)
    return NULL;
  for (guint g = 0; gene_columns[g] != NULL; g++)
    {
      const ObColumn *column = find_column (dataset, gene_columns[g], _("gene"), error);

      if (column == NULL)
        return NULL;
      g_ptr_array_add (columns, (gpointer) column);
    }

  builder_init (&b);
  patient_index = patient != NULL ? ob_dataset_find_column (dataset, patient->name) : -1;
  for (gsize i = 0; i < n_rows; i++)
    if (mask == NULL || mask[i])
      {
        g_ptr_array_add (b.patients,
                         patient_index >= 0
                         ? ob_dataset_format_cell (dataset, (guint) patient_index, i)
                         : g_strdup_printf ("%" G_GSIZE_FORMAT, i + 1));
        n++;
      }
  cells = g_new0 (guint16, MAX (n * columns->len, 1));
  for (guint g = 0; g < columns->len; g++)
    {
      const ObColumn *column = g_ptr_array_index (columns, g);
      g_autofree guint *level_types = NULL;
      gsize k = 0;

      g_ptr_array_add (b.genes, gene_name (column->name));
      g_ptr_array_add (b.columns, g_strdup (column->name));
      if (column->type == OB_COLUMN_CATEGORICAL)
        {
          /* decide once per level, not per row */
          level_types = g_new0 (guint, column->levels->len + 1);
          for (guint l = 0; l < column->levels->len; l++)
            {
              const char *level = g_ptr_array_index (column->levels, l);

              if (!ob_landscape_is_unaltered (level))
                {
                  level_types[l] = builder_type (&b, level);
                  full = full || level_types[l] == 0;
                }
            }
        }
      for (gsize i = 0; i < n_rows && !full; i++)
        if (mask == NULL || mask[i])
          cells[(gsize) g * n + k++] = (guint16) wide_cell (&b, column, level_types, i, &full);
      if (full)
        {
          too_many_types (error);
          goto out;
        }
    }
  land = finish (&b, cells, error);

out:
  builder_clear (&b);
  return land;
}

ObLandscape *
ob_landscape_new_long (const ObDataset  *dataset,
                       const char       *patient_column,
                       const char       *gene_column,
                       const char       *type_column,
                       gsize             n_patients,
                       const guint8     *mask,
                       GError          **error)
{
  gsize n_rows = ob_dataset_get_n_rows (dataset);
  const ObColumn *patient, *gene, *type;
  int patient_index, gene_index, type_index;
  g_autoptr(GHashTable) genes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) triples = g_array_new (FALSE, FALSE, sizeof (guint32) * 3);
  g_autofree guint16 *cells = NULL;
  ObLandscape *land = NULL;
  gsize n;
  Builder b;

  g_return_val_if_fail (dataset != NULL, NULL);

  if (patient_column == NULL || gene_column == NULL || type_column == NULL)
    {
      g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                   _("Choose the patient, gene and alteration columns"));
      return NULL;
    }
  if ((patient = find_column (dataset, patient_column, _("patient"), error)) == NULL
      || (gene = find_column (dataset, gene_column, _("gene"), error)) == NULL
      || (type = find_column (dataset, type_column, _("alteration"), error)) == NULL)
    return NULL;
  patient_index = ob_dataset_find_column (dataset, patient->name);
  gene_index = ob_dataset_find_column (dataset, gene->name);
  type_index = ob_dataset_find_column (dataset, type->name);

  builder_init (&b);
  for (gsize i = 0; i < n_rows; i++)
    {
      g_autofree char *p = NULL, *g = NULL, *t = NULL;
      gpointer found;
      guint32 triple[3];

      if ((mask != NULL && !mask[i]) || ob_column_is_missing (patient, i))
        continue;
      p = ob_dataset_format_cell (dataset, (guint) patient_index, i);
      if (!g_hash_table_lookup_extended (b.patient_index, p, NULL, &found))
        {
          found = GUINT_TO_POINTER (b.patients->len);
          g_ptr_array_add (b.patients, g_strdup (p));
          g_hash_table_insert (b.patient_index, g_ptr_array_index (b.patients,
                                                                   b.patients->len - 1),
                               found);
        }
      triple[0] = GPOINTER_TO_UINT (found);
      g = ob_dataset_format_cell (dataset, (guint) gene_index, i);
      t = ob_dataset_format_cell (dataset, (guint) type_index, i);
      g_strstrip (g);
      if (*g == '\0' || ob_landscape_is_unaltered (t))
        continue;
      if (!g_hash_table_lookup_extended (genes, g, NULL, &found))
        {
          found = GUINT_TO_POINTER (b.genes->len);
          g_ptr_array_add (b.genes, g_strdup (g));
          g_ptr_array_add (b.columns, NULL);
          g_hash_table_insert (genes, g_strdup (g), found);
        }
      triple[1] = GPOINTER_TO_UINT (found);
      triple[2] = builder_type (&b, g_strstrip (t));
      if (triple[2] == 0)
        {
          too_many_types (error);
          goto out;
        }
      g_array_append_val (triples, triple);
    }

  n = b.patients->len;
  if (n_patients > 0)
    {
      if (n_patients < n)
        {
          g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                       _("The table names %zu patients, more than the %zu said to be "
                         "profiled"), n, n_patients);
          goto out;
        }
      /* profiled patients without any alteration, who have no row */
      for (gsize i = n; i < n_patients; i++)
        g_ptr_array_add (b.patients, g_strdup (""));
      n = n_patients;
    }
  if (n == 0)
    {
      g_set_error (error, OB_ERROR, OB_ERROR_NO_DATA, _("No patients are left to describe"));
      goto out;
    }

  cells = g_new0 (guint16, MAX (n * b.genes->len, 1));
  for (guint k = 0; k < triples->len; k++)
    {
      const guint32 *tr = (const guint32 *) (void *) (triples->data + (gsize) k * 3
                                                      * sizeof (guint32));
      guint16 *cell = &cells[(gsize) tr[1] * n + tr[0]];

      /* two different alterations of one gene in one patient show as "multiple" */
      if (*cell == 0 || *cell == tr[2])
        *cell = (guint16) tr[2];
      else
        {
          if (b.multiple == 0 && (b.multiple = builder_type (&b, _("multiple"))) == 0)
            {
              too_many_types (error);
              goto out;
            }
          *cell = (guint16) b.multiple;
        }
    }
  land = finish (&b, cells, error);

out:
  builder_clear (&b);
  return land;
}
