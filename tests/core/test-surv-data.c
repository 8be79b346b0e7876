/* test-surv-data.c — building survival data from a dataset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-test"

#include "config.h"

#include "ob-surv-data.h"
#include "surv-test-util.h"

static void
test_lung_sorted (void)
{
  g_autoptr(ObDataset) lung = surv_test_load_csv ("lung.csv");
  ObSurvSpec spec = { .time_column = "time", .event_column = "status", .group_column = "sex" };
  g_autoptr(GError) error = NULL;
  g_autoptr(ObSurvData) data = ob_surv_data_new (lung, &spec, NULL, &error);
  gsize events = 0;
  gsize per_group[2] = { 0, 0 };

  g_assert_no_error (error);
  g_assert_cmpuint (data->n, ==, (gsize) surv_test_ref1 ("lung.n", 0));
  for (gsize i = 0; i < data->n; i++)
    {
      events += data->status[i];
      per_group[data->group[i]]++;
      if (i > 0)
        {
          g_assert_cmpfloat (data->time[i - 1], <=, data->time[i]);
          if (data->time[i - 1] == data->time[i])
            g_assert_cmpint (data->status[i - 1], >=, data->status[i]);
        }
    }
  g_assert_cmpuint (events, ==, (gsize) surv_test_ref1 ("lung.events", 0));
  g_assert_cmpuint (data->n_groups, ==, 2);
  g_assert_cmpstr (data->group_names[0], ==, "1");
  g_assert_cmpstr (data->group_names[1], ==, "2");
  g_assert_null (data->group_names[2]);
  g_assert_cmpuint (per_group[0], ==, (gsize) surv_test_ref1 ("lung.sex.n", 0));
  g_assert_cmpuint (per_group[1], ==, (gsize) surv_test_ref1 ("lung.sex.n", 1));
  for (guint i = 0; i < 20; i++)
    g_assert_cmpuint (data->row_index[i], ==, (gsize) surv_test_ref1 ("lung.sorted.row", i));
  for (guint i = 0; i < 10; i++)
    {
      g_assert_cmpfloat (data->time[i], ==, surv_test_ref1 ("lung.sorted.time", i));
      g_assert_cmpfloat (data->time[data->n - 10 + i], ==,
                         surv_test_ref1 ("lung.sorted.time", 10 + i));
    }
  g_assert_cmpuint (data->n_excluded, ==, 0);
  g_assert_cmpuint (data->p, ==, 1);
  g_assert_cmpstr (data->term_names[0], ==, "sex=2");
  for (gsize i = 0; i < data->n; i++)
    g_assert_cmpfloat (data->x[i], ==, data->group[i] == 1 ? 1.0 : 0.0);
}

static void
test_lung_design (void)
{
  g_autoptr(ObDataset) lung = surv_test_load_csv ("lung.csv");
  const char *covariates[] = { "age", "sex", NULL };
  ObSurvSpec spec = { .time_column = "time", .event_column = "status",
                      .group_column = "ph.ecog", .reference = "1",
                      .covariates = covariates };
  g_autoptr(GError) error = NULL;
  g_autoptr(ObSurvData) data = NULL;
  const char *expected_names[] = { "ph.ecog=0", "ph.ecog=2", "ph.ecog=3", "age", "sex", NULL };
  double colsum[5] = { 0 };

  data = ob_surv_data_new (lung, &spec, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (data->n, ==, (gsize) surv_test_ref1 ("lung.ecog.kept", 0));
  g_assert_cmpuint (data->n_excluded, ==, (gsize) surv_test_ref1 ("lung.ecog.excluded", 0));
  g_assert_cmpuint (data->exclusions->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (data->exclusions, 0), "group"));
  g_assert_cmpuint (data->n_groups, ==, 4);
  g_assert_cmpuint (data->reference, ==, 1);
  g_assert_cmpuint (data->p, ==, 5);
  g_assert_cmpstrv (data->term_names, expected_names);
  for (gsize i = 0; i < data->n; i++)
    for (guint j = 0; j < 5; j++)
      colsum[j] += data->x[i * 5 + j];
  /* numeric sex enters as is (1/2): its column sum is n + number of women */
  g_assert_cmpfloat (colsum[0], ==, surv_test_ref1 ("lung.design.colsum", 0));
  g_assert_cmpfloat (colsum[1], ==, surv_test_ref1 ("lung.design.colsum", 1));
  g_assert_cmpfloat (colsum[2], ==, surv_test_ref1 ("lung.design.colsum", 2));
  g_assert_cmpfloat (colsum[3], ==, surv_test_ref1 ("lung.design.colsum", 3));
  g_assert_cmpfloat (colsum[4], ==, data->n + surv_test_ref1 ("lung.design.colsum", 4));
  for (guint j = 0; j < 4; j++)
    g_assert_cmpfloat (data->x[j], ==, surv_test_ref1 ("lung.design.row0", j));
}

static void
test_categorical_covariate (void)
{
  g_autoptr(ObDataset) veteran = surv_test_load_csv ("veteran.csv");
  const char *covariates[] = { "celltype", "karno", NULL };
  ObSurvSpec spec = { .time_column = "time", .event_column = "status",
                      .group_column = "trt", .covariates = covariates };
  const char *expected_names[] = { "trt=2", "celltype=large", "celltype=smallcell",
                                   "celltype=squamous", "karno", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(ObSurvData) data = ob_surv_data_new (veteran, &spec, NULL, &error);
  double sums[3] = { 0 };

  g_assert_no_error (error);
  g_assert_cmpuint (data->n, ==, (gsize) surv_test_ref1 ("veteran.n", 0));
  g_assert_cmpstrv (data->term_names, expected_names);
  for (gsize i = 0; i < data->n; i++)
    for (guint j = 0; j < 3; j++)
      sums[j] += data->x[i * data->p + 1 + j];
  for (guint j = 0; j < 3; j++)
    g_assert_cmpfloat (sums[j], ==, surv_test_ref1 ("veteran.celltype.n", j + 1));
}

static gsize
count_events (const ObSurvData *data)
{
  gsize events = 0;

  for (gsize i = 0; i < data->n; i++)
    events += data->status[i];
  return events;
}

static void
test_event_values (void)
{
  g_autoptr(ObDataset) veteran = surv_test_load_csv ("veteran.csv");
  g_autoptr(ObDataset) aml = surv_test_load_csv ("aml.csv");
  g_autoptr(ObDataset) lung = surv_test_load_csv ("lung.csv");
  const char *one[] = { "1.0", NULL };
  const char *two[] = { "2", NULL };
  const char *text[] = { "Maintained", NULL };
  ObSurvSpec spec = { .time_column = "time", .event_column = "status" };
  g_autoptr(GError) error = NULL;
  g_autoptr(ObSurvData) a = NULL;
  g_autoptr(ObSurvData) b = NULL;
  g_autoptr(ObSurvData) c = NULL;
  g_autoptr(ObSurvData) d = NULL;

  a = ob_surv_data_new (veteran, &spec, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_events (a), ==, (gsize) surv_test_ref1 ("veteran.events.status1", 0));
  g_assert_cmpuint (a->n_groups, ==, 1);
  g_assert_cmpstr (a->group_names[0], ==, "all");
  spec.event_values = one;
  b = ob_surv_data_new (veteran, &spec, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_events (b), ==, count_events (a));

  spec.event_values = two;
  c = ob_surv_data_new (lung, &spec, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_events (c), ==, (gsize) surv_test_ref1 ("lung.events", 0));

  /* a text column as the event: only the named level counts */
  spec.event_column = "x";
  spec.event_values = text;
  d = ob_surv_data_new (aml, &spec, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_events (d), ==, (gsize) surv_test_ref1 ("aml.x.n", 0));
}

static void
test_errors (void)
{
  g_autoptr(ObDataset) lung = surv_test_load_csv ("lung.csv");
  g_autoptr(ObDataset) tiny = ob_dataset_new ();
  double *time = g_new (double, 3);
  double *event = g_new (double, 3);
  ObSurvSpec spec = { .time_column = "time", .event_column = "status" };
  g_autoptr(GError) error = NULL;
  ObSurvData *data;

  spec.event_column = "ph.ecog";   /* 0–3: neither 0/1 nor 1/2 */
  data = ob_surv_data_new (lung, &spec, NULL, &error);
  g_assert_null (data);
  g_assert_error (error, OB_ERROR, OB_ERROR_INVALID_ARG);
  g_assert_nonnull (strstr (error->message, "--event-values"));
  g_clear_error (&error);

  {
    const char *typo[] = { "2", "Dead", NULL };

    spec.event_column = "status";
    spec.event_values = typo;
    data = ob_surv_data_new (lung, &spec, NULL, &error);
    g_assert_null (data);
    g_assert_error (error, OB_ERROR, OB_ERROR_INVALID_ARG);
    g_assert_nonnull (strstr (error->message, "Dead"));
    g_clear_error (&error);
    spec.event_values = NULL;
  }

  spec.event_column = "no such column";
  data = ob_surv_data_new (lung, &spec, NULL, &error);
  g_assert_null (data);
  g_assert_error (error, OB_ERROR, OB_ERROR_INVALID_ARG);
  g_clear_error (&error);

  spec.event_column = "status";
  spec.group_column = "sex";
  spec.reference = "3";
  data = ob_surv_data_new (lung, &spec, NULL, &error);
  g_assert_null (data);
  g_assert_error (error, OB_ERROR, OB_ERROR_INVALID_ARG);
  g_clear_error (&error);

  ob_dataset_set_n_rows (tiny, 3);
  time[0] = 1; time[1] = -2; time[2] = 3;
  event[0] = 1; event[1] = 0; event[2] = 1;
  ob_dataset_add_numeric (tiny, "t", time);
  ob_dataset_add_numeric (tiny, "e", event);
  spec = (ObSurvSpec) { .time_column = "t", .event_column = "e" };
  data = ob_surv_data_new (tiny, &spec, NULL, &error);
  g_assert_null (data);
  g_assert_error (error, OB_ERROR, OB_ERROR_INVALID_ARG);
  g_assert_nonnull (strstr (error->message, "Row 2"));
  g_clear_error (&error);
}

/* A categorical time column is read through its numeric levels; a word is an error. */
static void
test_categorical_time (void)
{
  g_autoptr(ObDataset) tiny = ob_dataset_new ();
  guint32 *codes = g_new (guint32, 3);
  double *event = g_new (double, 3);
  GPtrArray *levels = g_ptr_array_new_with_free_func (g_free);
  ObSurvSpec spec = { .time_column = "t", .event_column = "e" };
  g_autoptr(GError) error = NULL;
  ObSurvData *data;

  g_ptr_array_add (levels, g_strdup ("3"));
  g_ptr_array_add (levels, g_strdup ("soon"));
  codes[0] = 0; codes[1] = OB_LEVEL_MISSING; codes[2] = 1;
  event[0] = 1; event[1] = 0; event[2] = 1;
  ob_dataset_set_n_rows (tiny, 3);
  ob_dataset_add_categorical (tiny, "t", codes, levels);
  ob_dataset_add_numeric (tiny, "e", event);
  data = ob_surv_data_new (tiny, &spec, NULL, &error);
  g_assert_null (data);
  g_assert_error (error, OB_ERROR, OB_ERROR_INVALID_ARG);
  g_assert_nonnull (strstr (error->message, "soon"));
}

static void
test_infinite_and_empty (void)
{
  g_autoptr(ObDataset) tiny = ob_dataset_new ();
  double *time = g_new (double, 2);
  double *event = g_new (double, 2);
  ObSurvSpec spec = { .time_column = "t", .event_column = "e" };
  g_autoptr(GError) error = NULL;
  const char *filters[] = { "e=5", NULL };
  g_autofree guint8 *mask = NULL;
  ObSurvData *data;

  ob_dataset_set_n_rows (tiny, 2);
  time[0] = 1; time[1] = INFINITY;
  event[0] = 1; event[1] = 0;
  ob_dataset_add_numeric (tiny, "t", time);
  ob_dataset_add_numeric (tiny, "e", event);
  data = ob_surv_data_new (tiny, &spec, NULL, &error);
  g_assert_null (data);
  g_assert_error (error, OB_ERROR, OB_ERROR_INVALID_ARG);
  g_clear_error (&error);

  mask = ob_dataset_where_mask (tiny, filters, &error);
  g_assert_no_error (error);
  data = ob_surv_data_new (tiny, &spec, mask, &error);
  g_assert_null (data);
  g_assert_error (error, OB_ERROR, OB_ERROR_NO_DATA);
}

static void
test_where (void)
{
  g_autoptr(ObDataset) lung = surv_test_load_csv ("lung.csv");
  g_autoptr(ObDataset) aml = surv_test_load_csv ("aml.csv");
  const char *filters[] = { "sex=2", "ph.ecog=0", "ph.ecog=1.0", NULL };
  const char *bad[] = { "nosuch=1", NULL };
  const char *malformed[] = { "sex", NULL };
  const char *text[] = { "x=Maintained", NULL };
  const char *numeric_level[] = { "x=Maintained", "x=2.0", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree guint8 *mask = ob_dataset_where_mask (lung, filters, &error);
  g_autofree guint8 *mask_sex = NULL;
  g_autofree guint8 *mask_aml = NULL;
  ObSurvSpec spec = { .time_column = "time", .event_column = "status" };
  g_autoptr(ObSurvData) data = NULL;
  gsize kept = 0;

  g_assert_no_error (error);
  for (gsize i = 0; i < ob_dataset_get_n_rows (lung); i++)
    kept += mask[i] != 0;
  g_assert_cmpuint (kept, ==, (gsize) surv_test_ref1 ("lung.where.n", 0));

  filters[1] = NULL;
  mask_sex = ob_dataset_where_mask (lung, filters, &error);
  g_assert_no_error (error);
  data = ob_surv_data_new (lung, &spec, mask_sex, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (data->n, ==, (gsize) surv_test_ref1 ("lung.where.sex2", 0));
  g_assert_cmpuint (data->n_excluded, ==, 0);

  mask_aml = ob_dataset_where_mask (aml, text, &error);
  g_assert_no_error (error);
  kept = 0;
  for (gsize i = 0; i < ob_dataset_get_n_rows (aml); i++)
    kept += mask_aml[i] != 0;
  g_assert_cmpuint (kept, ==, (gsize) surv_test_ref1 ("aml.x.n", 0));

  /* a categorical column whose level reads as a number matches the number too */
  {
    g_autoptr(ObDataset) tiny = ob_dataset_new ();
    guint32 *codes = g_new (guint32, 3);
    GPtrArray *levels = g_ptr_array_new_with_free_func (g_free);
    g_autofree guint8 *m = NULL;

    g_ptr_array_add (levels, g_strdup ("2"));
    g_ptr_array_add (levels, g_strdup ("Maintained"));
    codes[0] = 0; codes[1] = 1; codes[2] = OB_LEVEL_MISSING;
    ob_dataset_set_n_rows (tiny, 3);
    ob_dataset_add_categorical (tiny, "x", codes, levels);
    m = ob_dataset_where_mask (tiny, numeric_level, &error);
    g_assert_no_error (error);
    g_assert_cmpint (m[0], ==, 1);
    g_assert_cmpint (m[1], ==, 1);
    g_assert_cmpint (m[2], ==, 0);
  }

  g_assert_null (ob_dataset_where_mask (lung, bad, &error));
  g_assert_error (error, OB_ERROR, OB_ERROR_INVALID_ARG);
  g_clear_error (&error);
  g_assert_null (ob_dataset_where_mask (lung, malformed, &error));
  g_assert_error (error, OB_ERROR, OB_ERROR_INVALID_ARG);
}

/* Ties at time 0 and a subgroup filter that empties a level: the level disappears. */
static void
test_ties_and_dropped_levels (void)
{
  g_autoptr(ObDataset) tiny = ob_dataset_new ();
  double *time = g_new (double, 6);
  double *event = g_new (double, 6);
  double *arm = g_new (double, 6);
  const double t[] = { 0, 0, 0, 5, 5, 2 };
  const double e[] = { 0, 1, 0, 0, 1, 1 };
  const double a[] = { 3, 1, 3, 1, 2, 1 };
  const char *filters[] = { "arm=1", "arm=3", NULL };
  ObSurvSpec spec = { .time_column = "t", .event_column = "e", .group_column = "arm" };
  g_autoptr(GError) error = NULL;
  g_autofree guint8 *mask = NULL;
  g_autoptr(ObSurvData) data = NULL;

  memcpy (time, t, sizeof t);
  memcpy (event, e, sizeof e);
  memcpy (arm, a, sizeof a);
  ob_dataset_set_n_rows (tiny, 6);
  ob_dataset_add_numeric (tiny, "t", time);
  ob_dataset_add_numeric (tiny, "e", event);
  ob_dataset_add_numeric (tiny, "arm", arm);
  mask = ob_dataset_where_mask (tiny, filters, &error);
  g_assert_no_error (error);
  data = ob_surv_data_new (tiny, &spec, mask, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (data->n, ==, 5);
  g_assert_cmpuint (data->n_groups, ==, 2);
  g_assert_cmpstr (data->group_names[1], ==, "3");
  g_assert_cmpuint (data->row_index[0], ==, 1);   /* the event at 0 first */
  g_assert_cmpuint (data->row_index[1], ==, 0);
  g_assert_cmpuint (data->row_index[2], ==, 2);
  g_assert_cmpuint (data->row_index[3], ==, 5);
  g_assert_cmpuint (data->row_index[4], ==, 3);
}

/* An event column read as text still decodes 0/1 and 1/2 */
static void
test_text_events (void)
{
  g_autoptr(ObDataset) tiny = ob_dataset_new ();
  double *time = g_new (double, 3);
  char **event = g_new (char *, 3);
  GStringChunk *chunk = ob_dataset_get_string_chunk (tiny);
  ObSurvSpec spec = { .time_column = "t", .event_column = "e" };
  g_autoptr(GError) error = NULL;
  g_autoptr(ObSurvData) data = NULL;

  time[0] = 1; time[1] = 2; time[2] = 3;
  event[0] = g_string_chunk_insert (chunk, "2");
  event[1] = g_string_chunk_insert (chunk, "1");
  event[2] = g_string_chunk_insert (chunk, "2");
  ob_dataset_set_n_rows (tiny, 3);
  ob_dataset_add_numeric (tiny, "t", time);
  ob_dataset_add_text (tiny, "e", event);
  data = ob_surv_data_new (tiny, &spec, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (data->status[0], ==, 1);
  g_assert_cmpuint (data->status[1], ==, 0);
  g_assert_cmpuint (data->status[2], ==, 1);
}

/* A categorical event column is matched level by level: as text, or as a number ("2.0"
 * names the level "2"); a value naming no level that occurs is refused. */
static void
test_categorical_events (void)
{
  g_autoptr(ObDataset) tiny = ob_dataset_new ();
  double *time = g_new (double, 5);
  guint32 *codes = g_new (guint32, 5);
  GPtrArray *levels = g_ptr_array_new_with_free_func (g_free);
  const char *values[] = { "Dead", "2.0", NULL };
  const char *typo[] = { "Dead", "Deceased", NULL };
  const char *unused[] = { "Lost", NULL };
  ObSurvSpec spec = { .time_column = "t", .event_column = "e", .event_values = values };
  g_autoptr(GError) error = NULL;
  g_autoptr(ObSurvData) data = NULL;
  ObSurvData *none;

  g_ptr_array_add (levels, g_strdup ("2"));
  g_ptr_array_add (levels, g_strdup ("Alive"));
  g_ptr_array_add (levels, g_strdup ("Dead"));
  g_ptr_array_add (levels, g_strdup ("Lost"));
  for (guint i = 0; i < 5; i++)
    time[i] = i + 1;
  codes[0] = 2; codes[1] = 1; codes[2] = 0; codes[3] = OB_LEVEL_MISSING; codes[4] = 1;
  ob_dataset_set_n_rows (tiny, 5);
  ob_dataset_add_numeric (tiny, "t", time);
  ob_dataset_add_categorical (tiny, "e", codes, levels);
  data = ob_surv_data_new (tiny, &spec, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (data->n, ==, 4);
  g_assert_cmpuint (data->status[0], ==, 1);
  g_assert_cmpuint (data->status[1], ==, 0);
  g_assert_cmpuint (data->status[2], ==, 1);
  g_assert_cmpuint (data->status[3], ==, 0);

  for (guint k = 0; k < 2; k++)
    {
      spec.event_values = k == 0 ? typo : unused;
      none = ob_surv_data_new (tiny, &spec, NULL, &error);
      g_assert_null (none);
      g_assert_error (error, OB_ERROR, OB_ERROR_INVALID_ARG);
      g_assert_nonnull (strstr (error->message, k == 0 ? "Deceased" : "Lost"));
      g_clear_error (&error);
    }
}

static void
test_date_groups (void)
{
  g_autoptr(ObDataset) tiny = ob_dataset_new ();
  double *time = g_new (double, 3);
  double *event = g_new (double, 3);
  double *day = g_new (double, 3);
  ObSurvSpec spec = { .time_column = "t", .event_column = "e", .group_column = "cohort" };
  g_autoptr(GError) error = NULL;
  g_autoptr(ObSurvData) data = NULL;

  time[0] = 5; time[1] = 3; time[2] = 4;
  event[0] = 1; event[1] = 0; event[2] = 1;
  day[0] = 18262; day[1] = 0; day[2] = 18262;    /* 2020-01-01, 1970-01-01 */
  ob_dataset_set_n_rows (tiny, 3);
  ob_dataset_add_numeric (tiny, "t", time);
  ob_dataset_add_numeric (tiny, "e", event);
  ob_dataset_add_date (tiny, "cohort", day);
  data = ob_surv_data_new (tiny, &spec, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (data->n_groups, ==, 2);
  g_assert_cmpstr (data->group_names[0], ==, "1970-01-01");
  g_assert_cmpstr (data->group_names[1], ==, "2020-01-01");
  g_assert_cmpuint (data->group[0], ==, 0);
  g_assert_cmpuint (data->group[1], ==, 1);
}

/* Groups named after a response are known only after follow-up begins: warn, unless the
 * analysis starts at a landmark.  Labels that merely contain "pr" are not responses. */
static void
test_response_warning (void)
{
  static const struct
  {
    const char *column;
    const char *levels[3];
    gboolean warn;
  } cases[] = {
    { "best_response", { "A", "B" }, TRUE },
    { "arm", { "responder", "non-responder" }, TRUE },
    { "arm", { "CR", "SD" }, TRUE },
    { "arm", { "pr", "PD" }, TRUE },
    { "効果", { "奏効あり", "奏効なし" }, TRUE },
    { "arm", { "alectinib", "crizotinib" }, FALSE },
    { "receptor", { "PR-negative", "PR-positive" }, FALSE },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(ObDataset) tiny = ob_dataset_new ();
      double *time = g_new (double, 4);
      double *event = g_new (double, 4);
      guint32 *codes = g_new (guint32, 4);
      GPtrArray *levels = g_ptr_array_new_with_free_func (g_free);
      ObSurvSpec spec = { .time_column = "t", .event_column = "e",
                          .group_column = cases[c].column };
      g_autoptr(GError) error = NULL;
      g_autoptr(ObSurvData) data = NULL;
      g_autoptr(ObSurvData) landmarked = NULL;

      for (guint i = 0; i < 4; i++)
        {
          time[i] = 1 + i;
          event[i] = i % 2;
          codes[i] = i % 2;
        }
      g_ptr_array_add (levels, g_strdup (cases[c].levels[0]));
      g_ptr_array_add (levels, g_strdup (cases[c].levels[1]));
      ob_dataset_set_n_rows (tiny, 4);
      ob_dataset_add_numeric (tiny, "t", time);
      ob_dataset_add_numeric (tiny, "e", event);
      ob_dataset_add_categorical (tiny, cases[c].column, codes, levels);

      data = ob_surv_data_new (tiny, &spec, NULL, &error);
      g_assert_no_error (error);
      if (cases[c].warn)
        g_assert_nonnull (strstr (ob_surv_data_response_warning (data, &spec),
                                  "immortal-time bias"));
      else
        g_assert_null (ob_surv_data_response_warning (data, &spec));

      spec.landmark = 1.5;
      landmarked = ob_surv_data_new (tiny, &spec, NULL, &error);
      g_assert_no_error (error);
      g_assert_null (ob_surv_data_response_warning (landmarked, &spec));
    }
}

/* The landmark drops who had the event or was censored before it and counts time from it. */
static void
test_landmark (void)
{
  g_autoptr(ObDataset) tiny = ob_dataset_new ();
  double *time = g_new (double, 5);
  double *event = g_new (double, 5);
  ObSurvSpec spec = { .time_column = "t", .event_column = "e", .landmark = 3 };
  g_autoptr(GError) error = NULL;
  g_autoptr(ObSurvData) data = NULL;
  ObSurvData *none;

  time[0] = 1; time[1] = 2; time[2] = 3; time[3] = 7; time[4] = 5;
  event[0] = 1; event[1] = 0; event[2] = 1; event[3] = 0; event[4] = 1;
  ob_dataset_set_n_rows (tiny, 5);
  ob_dataset_add_numeric (tiny, "t", time);
  ob_dataset_add_numeric (tiny, "e", event);
  data = ob_surv_data_new (tiny, &spec, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (data->n, ==, 3);
  g_assert_cmpfloat (data->time[0], ==, 0);
  g_assert_cmpfloat (data->time[1], ==, 2);
  g_assert_cmpfloat (data->time[2], ==, 4);
  g_assert_cmpuint (data->row_index[0], ==, 2);
  g_assert_cmpuint (data->n_excluded, ==, 2);
  g_assert_cmpuint (data->exclusions->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (data->exclusions, 0), ==,
                   "1 row with the event before the landmark at 3");
  g_assert_cmpstr (g_ptr_array_index (data->exclusions, 1), ==,
                   "1 row censored before the landmark at 3");

  spec.landmark = 8;
  none = ob_surv_data_new (tiny, &spec, NULL, &error);
  g_assert_null (none);
  g_assert_error (error, OB_ERROR, OB_ERROR_NO_DATA);
  g_assert_nonnull (strstr (error->message, "landmark"));
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  surv_test_load_reference ();
  g_test_add_func ("/core/surv-data/lung-sorted", test_lung_sorted);
  g_test_add_func ("/core/surv-data/lung-design", test_lung_design);
  g_test_add_func ("/core/surv-data/categorical-covariate", test_categorical_covariate);
  g_test_add_func ("/core/surv-data/event-values", test_event_values);
  g_test_add_func ("/core/surv-data/errors", test_errors);
  g_test_add_func ("/core/surv-data/categorical-time", test_categorical_time);
  g_test_add_func ("/core/surv-data/infinite-and-empty", test_infinite_and_empty);
  g_test_add_func ("/core/surv-data/where", test_where);
  g_test_add_func ("/core/surv-data/date-groups", test_date_groups);
  g_test_add_func ("/core/surv-data/text-events", test_text_events);
  g_test_add_func ("/core/surv-data/categorical-events", test_categorical_events);
  g_test_add_func ("/core/surv-data/ties-and-dropped-levels", test_ties_and_dropped_levels);
  g_test_add_func ("/core/surv-data/response-warning", test_response_warning);
  g_test_add_func ("/core/surv-data/landmark", test_landmark);
  status = g_test_run ();
  surv_test_free_reference ();
  return status;
}
