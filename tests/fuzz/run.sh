#!/bin/sh
# Runs the importer's libFuzzer harnesses; see README.md.
#
#   tests/fuzz/run.sh [--smoke] [SECONDS] [HARNESS…]
#
# SECONDS (default 300) is per harness; --smoke gives 20 seconds to each.  HARNESS is csv,
# csv-options, survival, project or plate-grid; all but plate-grid by default.
# Crashes, leaks and hangs (over OB_FUZZ_TIMEOUT seconds for one input, default 10; more on a
# machine busy with other work) are written to _build-fuzz/fuzz-artifacts/ and make the script
# fail.  OB_FUZZ_JOBS (default 1) harnesses run side by side, each on one core.
set -eu

src=$(cd "$(dirname "$0")/../.." && pwd)
build="${OB_FUZZ_BUILD:-$src/_build-fuzz}"
seconds=300
harnesses=""

for arg in "$@"; do
  case "$arg" in
    --smoke) seconds=20 ;;
    ''|*[!0-9]*) harnesses="$harnesses $arg" ;;
    *) seconds="$arg" ;;
  esac
done
[ -n "$harnesses" ] || harnesses="csv csv-options survival project"

if [ ! -d "$build" ]; then
  # The library is instrumented for coverage; only the harnesses link libFuzzer itself.
  CC=clang meson setup "$build" "$src" -Dgui=false -Db_sanitize=address,undefined \
    -Db_lundef=false -Dc_args=-fsanitize=fuzzer-no-link
fi
ninja -C "$build" $(for h in $harnesses; do printf 'tests/fuzz/fuzz-%s ' "$h"; done)

artifacts="$build/fuzz-artifacts"
mkdir -p "$artifacts"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}"
status=0

fuzz_one () {
  h=$1
  corpus="$build/fuzz-corpus/$h"
  mkdir -p "$corpus"
  # The options harness reads four option bytes first; all zero means "detect everything".
  dict="$src/tests/fuzz/csv.dict"
  seeds="$src/tests/fuzz/corpus/csv/* $src/tests/fuzz/regressions/* $src/tests/data/bad/*"
  case "$h" in
    project)
      dict="$src/tests/fuzz/project.dict"
      seeds="$src/tests/fuzz/regressions/project/* $src/tests/data/project/*" ;;
    plate-grid)
      seeds="" ;;
  esac
  for seed in $seeds "$src"/tests/fuzz/corpus/"$h"/*; do
    [ -f "$seed" ] || continue
    if [ "$h" = csv-options ]; then
      printf '\000\000\000\000' | cat - "$seed" > "$corpus/seed-$(basename "$seed")"
    else
      cp "$seed" "$corpus/seed-$(basename "$seed")"
    fi
  done
  # Each harness logs to its own file so that side-by-side runs stay readable.
  if "$build/tests/fuzz/fuzz-$h" -max_total_time="$seconds" -timeout="${OB_FUZZ_TIMEOUT:-10}" \
      -rss_limit_mb=4096 -max_len=65536 -print_final_stats=1 -dict="$dict" \
      -artifact_prefix="$artifacts/$h-" "$corpus" > "$artifacts/$h.log" 2>&1; then
    echo "fuzz-$h: $seconds s, nothing found"
    tail -n 6 "$artifacts/$h.log"
  else
    cat "$artifacts/$h.log"
    echo "fuzz-$h: FAILED after at most $seconds s; see $artifacts" >&2
    return 1
  fi
}

jobs="${OB_FUZZ_JOBS:-1}"
pids=""
for h in $harnesses; do
  fuzz_one "$h" &
  pids="$pids $!"
  set -- $pids
  if [ "$#" -ge "$jobs" ]; then
    wait "$1" || status=1
    shift
    pids="$*"
  fi
done
for pid in $pids; do
  wait "$pid" || status=1
done

if [ "$status" -ne 0 ]; then
  echo "fuzzing found a problem; reproducers are in $artifacts" >&2
fi
exit "$status"
