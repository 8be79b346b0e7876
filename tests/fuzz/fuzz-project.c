/* fuzz-project.c — libFuzzer entry point: arbitrary bytes as a .oncobench project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Project files travel between collaborators; any bytes must give a project or an OB_ERROR,
 * in bounded time and memory, and a project that loads must save and load again.
 */
#define G_LOG_DOMAIN "oncobench-fuzz"

#include "config.h"

#include <stdint.h>
#include <unistd.h>

#include "fuzz-project.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static char *path, *resave_path;

  ob_fuzz_init ();
  if (path == NULL)
    {
      path = ob_fuzz_project_write ("in", data, size);
      resave_path = ob_fuzz_project_write ("out", data, 0);
    }
  else if (!g_file_set_contents (path, (const char *) data, (gssize) size, NULL))
    abort ();
  ob_fuzz_project_load (path, resave_path);
  return 0;
}
