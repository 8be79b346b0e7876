/* ob-group-sort.c — radix sort of doubles with optional tags
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-core"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ob-group-sort.h"

#define DIGIT_BITS 11
#define N_BUCKETS (1u << DIGIT_BITS)
#define N_PASSES 6            /* 6 × 11 ≥ 64 bits */
#define SMALL 256

/* Order-preserving map of a double onto an unsigned integer: flip every bit of negatives,
 * only the sign bit of the rest. */
static inline guint64
key_of (double value)
{
  guint64 bits;

  memcpy (&bits, &value, sizeof bits);
  return (bits >> 63) ? ~bits : bits | G_GUINT64_CONSTANT (0x8000000000000000);
}

static inline double
value_of (guint64 key)
{
  guint64 bits = (key >> 63) ? key & ~G_GUINT64_CONSTANT (0x8000000000000000) : ~key;
  double value;

  memcpy (&value, &bits, sizeof value);
  return value;
}

static void
insertion_sort (double  *values,
                guint32 *tags,
                gsize    n)
{
  for (gsize i = 1; i < n; i++)
    {
      double v = values[i];
      guint32 t = tags != NULL ? tags[i] : 0;
      gsize j = i;

      for (; j > 0 && values[j - 1] > v; j--)
        {
          values[j] = values[j - 1];
          if (tags != NULL)
            tags[j] = tags[j - 1];
        }
      values[j] = v;
      if (tags != NULL)
        tags[j] = t;
    }
}

void
ob_sort_doubles (double  *values,
                 guint32 *tags,
                 gsize    n)
{
  g_autofree guint64 *keys = NULL;
  g_autofree guint64 *keys_tmp = NULL;
  g_autofree guint32 *tags_tmp = NULL;
  g_autofree gsize *counts = NULL;
  guint64 *from, *to;
  guint32 *tags_from = tags, *tags_to;

  if (n < SMALL)
    {
      insertion_sort (values, tags, n);
      return;
    }

  keys = g_new (guint64, n);
  keys_tmp = g_new (guint64, n);
  if (tags != NULL)
    tags_tmp = g_new (guint32, n);
  counts = g_new0 (gsize, N_PASSES * N_BUCKETS);

  /* All histograms in one read. */
  for (gsize i = 0; i < n; i++)
    {
      keys[i] = key_of (values[i]);
      for (guint p = 0; p < N_PASSES; p++)
        counts[p * N_BUCKETS + ((keys[i] >> (p * DIGIT_BITS)) & (N_BUCKETS - 1))]++;
    }

  from = keys;
  to = keys_tmp;
  tags_to = tags_tmp;
  for (guint p = 0; p < N_PASSES; p++)
    {
      gsize *count = counts + p * N_BUCKETS;
      gsize sum = 0;
      guint shift = p * DIGIT_BITS;
      gboolean trivial = FALSE;

      /* A digit all keys share (the high bits of similar numbers) needs no pass. */
      for (guint d = 0; d < N_BUCKETS && !trivial; d++)
        trivial = count[d] == n;
      if (trivial)
        continue;
      for (guint d = 0; d < N_BUCKETS; d++)
        {
          gsize c = count[d];

          count[d] = sum;
          sum += c;
        }
      for (gsize i = 0; i < n; i++)
        {
          gsize at = count[(from[i] >> shift) & (N_BUCKETS - 1)]++;

          to[at] = from[i];
          if (tags != NULL)
            tags_to[at] = tags_from[i];
        }
      {
        guint64 *swap = from;
        guint32 *tag_swap = tags_from;

        from = to;
        to = swap;
        tags_from = tags_to;
        tags_to = tag_swap;
      }
    }

  for (gsize i = 0; i < n; i++)
    values[i] = value_of (from[i]);
  if (tags != NULL && tags_from != tags)
    memcpy (tags, tags_from, n * sizeof (guint32));
}
