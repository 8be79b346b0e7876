/* ob-surv-data-private.h — pieces of the survival data shared between its files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ob-dataset.h"

G_BEGIN_DECLS

/* status[i] = 1 where kept row i had the event: the cells equal to one of event_values, or
 * with NULL R's default 0/1 or 1/2 coding (TRUE/FALSE too).  Rows not kept are left alone. */
gboolean ob_surv_decode_events (const ObColumn     *column,
                                gsize               n_rows,
                                const guint8       *keep,
                                const char * const *event_values,
                                guint8             *status,
                                GError            **error);

/* Why a dataset row is or is not in a cached time order. */
enum
{
  OB_SURV_ROW_USABLE,
  OB_SURV_ROW_NO_TIME,
  OB_SURV_ROW_NO_EVENT,
  OB_SURV_ROW_BAD,       /* a time that is not a number, negative or infinite */
};

/* Every row with a time and an event, sorted once by time (events first at ties), so that a
 * new filter or grouping only selects rows.  Kept with the dataset, refcounted. */
typedef struct
{
  gsize n_rows;
  const ObColumn *time_col, *event_col;
  char *event_key;       /* the event values joined, or NULL for the default coding */
  double time_scale;
  gsize n;
  gsize *row;            /* n dataset rows, by time */
  double *time;          /* n times, scaled */
  guint8 *code;          /* n: 1/0 status with event values, else the raw value's code */
  guint8 *reason;        /* n_rows: OB_SURV_ROW_… */
  gsize n_no_time, n_no_event, n_bad;
  /* Categorical columns' codes in time order (ObColumn * → guint32 *), gathered once so that
   * a new filter reads them in sequence instead of jumping through the dataset. */
  GMutex lock;
  GHashTable *codes;
} ObSurvOrder;

/* NULL when the event values fit no row (the full path reports why). */
ObSurvOrder *ob_surv_order_get    (const ObDataset    *dataset,
                                   const ObColumn     *time_col,
                                   const ObColumn     *event_col,
                                   const char * const *event_values,
                                   double              time_scale);
void         ob_surv_order_unref  (ObSurvOrder *order);
/* The codes of categorical @column for the order's n rows, in time order; owned by the order. */
const guint32 *ob_surv_order_codes (ObSurvOrder    *order,
                                    const ObColumn *column);
/* Turns the codes of the n kept rows, in status, into 1 = event; FALSE when the kept rows
 * do not follow one coding (the full path reports why). */
gboolean     ob_surv_order_events (const ObSurvOrder *order,
                                   guint8            *status,
                                   gsize              n);

/* Stable radix sort of order by time[order[i]]; the sorted times end in time[0 … n), and
 * code (or NULL) follows the rows. */
void         ob_surv_sort_rows    (gsize    n,
                                   double  *time,
                                   gsize   *order,
                                   guint8  *code);

G_END_DECLS
