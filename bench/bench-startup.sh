#!/bin/bash
# Start-up to the first painted frame: oncobench (OB_BENCH_STARTUP=1, see src/app/main.c)
# against an empty libadwaita window (bench/bench-startup-baseline.c), each RUNS times under
# xvfb-run with its own D-Bus session, medians of wall clock and CPU (user + system, every
# thread) in milliseconds.  "startup-to-window" is oncobench's main window built, before it is
# shown.
#
# Usage: bench/bench-startup.sh [BUILD_DIR] [RUNS]     (defaults: _build-bench, 5)
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail
cd "$(dirname "$0")/.."

build=${1:-_build-bench}
runs=${2:-5}
out=bench/out
mkdir -p "$out"
[ -f "$build/build.ninja" ] || meson setup "$build" --buildtype=release >/dev/null
ninja -C "$build" src/app/oncobench data/gschemas.compiled >"$out/ninja.log" \
  || { cat "$out/ninja.log" >&2; exit 1; }
# shellcheck disable=SC2046
cc -O2 -std=c17 -Wall -Wextra -o "$out/bench-startup-baseline" bench/bench-startup-baseline.c \
  $(pkg-config --cflags --libs libadwaita-1)

# GTK_A11Y=none: without a desktop session the accessibility bus would be launched first.
run () {
  GTK_A11Y=none GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$build/data" \
    OB_BENCH_STARTUP=1 xvfb-run -a -s "-screen 0 1920x1080x24" dbus-run-session -- "$@" \
    2>/dev/null
}

: >"$out/startup.txt"
for i in $(seq "$runs"); do
  run "$build/src/app/oncobench" >>"$out/startup.txt"
  run "$out/bench-startup-baseline" >>"$out/startup.txt"
done

echo "| step | wall, median of $runs (ms) | CPU, median (ms) |"
echo "|---|---|---|"
awk '{ print $1 }' "$out/startup.txt" | awk '!seen[$0]++' | while read -r step; do
  ms=$(awk -v s="$step" '$1 == s { print $2 }' "$out/startup.txt" | sort -g \
       | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
  cpu=$(awk -v s="$step" '$1 == s { print $3 }' "$out/startup.txt" | sort -g \
        | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
  echo "| $step | $ms | $cpu |"
done
