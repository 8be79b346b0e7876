/* ob-anova.h — more than two groups: one- and two-way ANOVA, Welch ANOVA, Kruskal–Wallis and
 * their post-hoc comparisons
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * As R computes them: aov / oneway.test(var.equal = TRUE) + TukeyHSD, oneway.test (Welch),
 * kruskal.test; Games–Howell, Dunn (Holm) and Šidák comparisons by their textbook formulas
 * (see tests/reference/group-tests.R).
 */
#pragma once

#include "ob-group-tests.h"

G_BEGIN_DECLS

typedef enum
{
  OB_ONEWAY_ANOVA,         /* F with pooled variance */
  OB_ONEWAY_WELCH,         /* Welch's F, no equal variances assumed */
  OB_ONEWAY_KRUSKAL,       /* Kruskal–Wallis H, tie-corrected; df2 = NAN */
} ObOnewayKind;

typedef struct
{
  double statistic;        /* F or H */
  double df1;
  double df2;              /* NAN for Kruskal–Wallis (chi-square) */
  double p;
  double ss_between;       /* ANOVA only, else NAN */
  double ss_within;
  double ms_within;
} ObOneway;

/* values/offsets as in ObGroupData: group g is values[offsets[g]] … values[offsets[g+1] - 1]. */
gboolean     ob_oneway_test      (const double  *values,
                                  const gsize   *offsets,
                                  guint          n_groups,
                                  ObOnewayKind   kind,
                                  ObOneway      *out,
                                  GError       **error);

typedef enum
{
  OB_POSTHOC_TUKEY,        /* after ANOVA: TukeyHSD */
  OB_POSTHOC_GAMES_HOWELL, /* after Welch ANOVA */
  OB_POSTHOC_DUNN,         /* after Kruskal–Wallis: z on mean ranks, Holm-adjusted */
  OB_POSTHOC_SIDAK,        /* after two-way ANOVA: second-factor levels within each group */
} ObPosthoc;

/* One pairwise comparison.  diff = mean(b) − mean(a), as TukeyHSD. */
typedef struct
{
  guint a;
  guint b;
  guint within;            /* Šidák: the group (first factor) level; G_MAXUINT otherwise */
  double diff;
  double rank_diff;        /* Dunn: mean rank of b − mean rank of a, which z tests; else NAN */
  double lower;            /* simultaneous 95% interval of diff; NAN for Dunn */
  double upper;
  double statistic;        /* q/√2 for Tukey and Games–Howell (a t), z for Dunn, t for Šidák */
  double df;
  double p;                /* unadjusted (Dunn, Šidák); equal to p_adj for Tukey, Games–Howell */
  double p_adj;
} ObPairwise;

/* Every pair in R's order (0,1), (0,2) … (1,2) …; *n_pairs = k (k − 1) / 2.  Free with g_free. */
ObPairwise  *ob_posthoc_oneway   (const double  *values,
                                  const gsize   *offsets,
                                  guint          n_groups,
                                  ObPosthoc      method,
                                  gsize         *n_pairs,
                                  GError       **error);

/* Studentized range distribution (Copenhaver & Holland 1988) for nranges = 1. */
double       ob_ptukey           (double q,
                                  double n_means,
                                  double df,
                                  gboolean lower_tail);
double       ob_qtukey           (double p,
                                  double n_means,
                                  double df);

typedef struct
{
  double df;
  double ss;
  double ms;
  double statistic;        /* F; NAN for the residual row */
  double p;
} ObAnovaTerm;

/* Two-way ANOVA with interaction, y ~ A * B, A = the group column, B = the second factor.
 * Sums of squares are type I (sequential: A, then B given A, then A:B), exactly as
 * anova(lm(y ~ A * B)) prints them; for a balanced design they equal types II and III. */
typedef struct
{
  ObAnovaTerm a;
  ObAnovaTerm b;
  ObAnovaTerm interaction;
  ObAnovaTerm residual;
  guint n_empty_cells;
} ObTwoway;

gboolean     ob_anova_twoway     (const ObGroupData *data,
                                  ObTwoway          *out,
                                  GError           **error);

/* Every pair of second-factor levels within each group level, t on the residual mean square,
 * Šidák-adjusted over all comparisons made.  Free with g_free. */
ObPairwise  *ob_twoway_sidak     (const ObGroupData *data,
                                  const ObTwoway    *fit,
                                  gsize             *n_pairs,
                                  GError           **error);

G_END_DECLS
