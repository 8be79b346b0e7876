/* km-fixture.h: survival::lung by sex as R fitted it, for the figure tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ob-km-plot.h"

G_BEGIN_DECLS

typedef struct
{
  ObKmFit fit;
  ObSurvTest test;
  ObCox cox;
  ObCoxTerm term;
  GHashTable *stats;     /* key → double * */
} KmFixture;

/* Reads tests/reference/plot-km-lung-{steps,stats}.csv (written by plot-km-lung.R). */
KmFixture *km_fixture_load_lung (void);
double     km_fixture_stat      (KmFixture *fx, const char *key);
/* A synthetic fit of n_rows subjects in two groups (distinct times), for timing. */
KmFixture *km_fixture_new_large (gsize n_rows);
void       km_fixture_free      (KmFixture *fx);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KmFixture, km_fixture_free)

G_END_DECLS
