#!/bin/sh
# Import benchmark: 1,000,000 rows x 20 columns (about 110 MB), timed and with peak memory.
# Usage: bench/bench-import.sh [BUILD_DIR] [ROWS]
# Results are written up in bench/README.md, section "Import".
set -eu
cd "$(dirname "$0")/.."
build=${1:-_build}
rows=${2:-1000000}
out=bench/out
mkdir -p "$out"

csv="$out/wide-$rows.csv"
[ -f "$csv" ] || python3 bench/gen-wide.py "$rows" "$csv"

ninja -C "$build" src/core/liboncobench-core.a >/dev/null
# shellcheck disable=SC2046
cc -O2 -std=c17 -o "$out/bench-import" bench/bench-import.c -Isrc/core -I"$build" \
  "$build/src/core/liboncobench-core.a" \
  $(pkg-config --cflags --libs glib-2.0 gio-2.0 gsl json-glib-1.0) -lm

echo "file: $csv ($(du -m "$csv" | cut -f1) MB); $(nproc) CPUs, load $(cut -d' ' -f1 /proc/loadavg)"
# The first run warms the page cache so that the timed runs measure parsing, not the disk.
"$out/bench-import" "$csv" >/dev/null
for run in 1 2 3; do
  /usr/bin/time -v "$out/bench-import" "$csv" 2>"$out/time-$run.txt" | head -1
  grep -E "User time|System time|Maximum resident|Elapsed" "$out/time-$run.txt" | sed 's/^\t*/  /'
done
"$out/bench-import" "$csv" | tail -n +2
