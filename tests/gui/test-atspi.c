/* test-atspi.c: the app as a screen reader sees it, through AT-SPI
 *
 * Starts oncobench on a sample, finds the "New Analysis" control by its accessible name,
 * presses it through AT-SPI's action interface, picks "Survival Analysis" in the menu that
 * opens, and finds the survival page's controls by name: what Orca, or a test driving the
 * app from outside, relies on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-test"

#include "config.h"

#include <string.h>

#include <atspi/atspi.h>
#include <gio/gio.h>

/* libatspi 2.46 declares no cleanup functions of its own. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtspiAccessible, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtspiAction, g_object_unref)

/* Starting the app and its first registration on the accessibility bus take a while under
 * sanitizers on a loaded machine. */
#define DEADLINE_S 90

/* The first node named name under root that offers an action: a GtkMenuButton shows as a
 * named button whose inner button, named the same, is the one that can be pressed. */
static AtspiAccessible *
find_actionable (AtspiAccessible *root,
                 const char      *name,
                 guint            depth)
{
  g_autofree char *own = atspi_accessible_get_name (root, NULL);
  int n;

  if (g_strcmp0 (own, name) == 0)
    {
      g_autoptr(AtspiAction) action = atspi_accessible_get_action_iface (root);

      if (action != NULL && atspi_action_get_n_actions (action, NULL) > 0)
        return g_object_ref (root);
    }
  if (depth > 60)
    return NULL;
  /* The data table has a node per cell, thousands over D-Bus; no control lives there. */
  switch (atspi_accessible_get_role (root, NULL))
    {
    case ATSPI_ROLE_TABLE:
    case ATSPI_ROLE_TREE_TABLE:
    case ATSPI_ROLE_TABLE_ROW:
    case ATSPI_ROLE_TABLE_CELL:
      return NULL;
    default:
      break;
    }
  n = atspi_accessible_get_child_count (root, NULL);
  for (int i = 0; i < n; i++)
    {
      g_autoptr(AtspiAccessible) child = atspi_accessible_get_child_at_index (root, i, NULL);
      AtspiAccessible *found;

      if (child == NULL)
        continue;
      found = find_actionable (child, name, depth + 1);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static AtspiAccessible *
find_app (const char *name)
{
  g_autoptr(AtspiAccessible) desktop = atspi_get_desktop (0);
  int n = atspi_accessible_get_child_count (desktop, NULL);

  for (int i = 0; i < n; i++)
    {
      g_autoptr(AtspiAccessible) app = atspi_accessible_get_child_at_index (desktop, i, NULL);
      g_autofree char *app_name = app != NULL ? atspi_accessible_get_name (app, NULL) : NULL;

      if (g_strcmp0 (app_name, name) == 0)
        return g_steal_pointer (&app);
    }
  return NULL;
}

/* Polls until a control named name can be pressed in app, or the deadline passes. */
static AtspiAccessible *
wait_for (AtspiAccessible **app,
          const char       *name,
          gint64            deadline)
{
  while (g_get_monotonic_time () < deadline)
    {
      AtspiAccessible *found;

      if (*app == NULL)
        *app = find_app ("oncobench");
      if (*app != NULL)
        {
          /* A fresh look at the tree, not what an earlier walk cached. */
          atspi_accessible_clear_cache (*app);
          found = find_actionable (*app, name, 0);
          if (found != NULL)
            return found;
        }
      g_usleep (G_USEC_PER_SEC / 4);
    }
  return NULL;
}

static void
press (AtspiAccessible *accessible)
{
  g_autoptr(AtspiAction) action = atspi_accessible_get_action_iface (accessible);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (action);
  g_assert_true (atspi_action_do_action (action, 0, &error));
  g_assert_no_error (error);
}

static void
test_new_analysis (void)
{
  const char *build_dir = g_getenv ("G_TEST_BUILDDIR");
  g_autofree char *exe = NULL;
  g_autofree char *sample = g_build_filename (OB_SOURCE_DIR, "data", "samples",
                                              "alk-cohort.csv", NULL);
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) app_process = NULL;
  g_autoptr(AtspiAccessible) app = NULL;
  g_autoptr(AtspiAccessible) button = NULL;
  g_autoptr(AtspiAccessible) item = NULL;
  g_autoptr(AtspiAccessible) control = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  gint64 deadline = start + DEADLINE_S * G_USEC_PER_SEC;

  g_assert_nonnull (build_dir);
  exe = g_build_filename (build_dir, "..", "src", "app", "oncobench", NULL);
  g_assert_true (g_file_test (exe, G_FILE_TEST_IS_EXECUTABLE));
  if (atspi_init () > 1)
    {
      g_test_skip ("no accessibility bus");
      return;
    }
  /* Test processes that ran before may have left their entries on the bus; asking a gone
   * one must fail in seconds, not after D-Bus's default 25. */
  atspi_set_timeout (2000, 15000);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_subprocess_launcher_unsetenv (launcher, "NO_AT_BRIDGE");
  g_subprocess_launcher_unsetenv (launcher, "GTK_A11Y");
  app_process = g_subprocess_launcher_spawn (launcher, &error, exe, sample, NULL);
  g_assert_no_error (error);

  button = wait_for (&app, "New Analysis", deadline);
  g_test_message ("found the button after %.1f s", (g_get_monotonic_time () - start) / 1e6);
  g_assert_nonnull (button);
  press (button);
  item = wait_for (&app, "Survival Analysis", deadline);
  g_test_message ("found the item after %.1f s", (g_get_monotonic_time () - start) / 1e6);
  g_assert_nonnull (item);
  press (item);
  /* The survival page's switch is named by its row, so it can be found and pressed too. */
  control = wait_for (&app, "Confidence Bands", deadline);
  g_test_message ("found the switch after %.1f s", (g_get_monotonic_time () - start) / 1e6);
  g_assert_nonnull (control);

  g_subprocess_force_exit (app_process);
  g_subprocess_wait (app_process, NULL, NULL);
  g_clear_object (&control);
  g_clear_object (&item);
  g_clear_object (&button);
  g_clear_object (&app);
  atspi_exit ();
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *state = g_dir_make_tmp ("oncobench-state-XXXXXX", NULL);

  /* The app's autosave stays out of the user's own folder. */
  g_setenv ("XDG_STATE_HOME", state, TRUE);
  g_test_init (&argc, &argv, NULL);
  /* GTK 4.8 has no AT-SPI cache object, and libatspi warns about it once per app it asks:
   * harmless, so warnings are fatal for this test's own messages only. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  g_log_set_fatal_mask (G_LOG_DOMAIN, G_LOG_FATAL_MASK | G_LOG_LEVEL_WARNING
                                      | G_LOG_LEVEL_CRITICAL);

  g_test_add_func ("/gui/atspi/new-analysis", test_new_analysis);

  return g_test_run ();
}
