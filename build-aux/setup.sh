#!/usr/bin/env bash
# One entry point for a fresh Debian 12 machine:
#   build-aux/setup.sh run    install what is missing, build, open the app on a sample dataset
#   build-aux/setup.sh test   install what is missing, build, run the whole test suite
#                             (normal build, then AddressSanitizer + UBSan build, then a
#                             short libFuzzer run of every fuzz harness)
set -euo pipefail

mode=${1:-run}
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

packages=(
  gcc pkg-config meson ninja-build gettext
  libglib2.0-dev libglib2.0-bin libgtk-4-dev libadwaita-1-dev libgsl-dev libjson-glib-dev
  desktop-file-utils appstream
  fonts-dejavu-core
)
if [ "$mode" = test ]; then
  packages+=(xvfb xauth dbus dbus-x11 clang libclang-rt-14-dev)
  # test-gui-atspi drives the app through the accessibility bus, as a screen reader does.
  packages+=(libatspi2.0-dev at-spi2-core)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

build() {
  local dir=$1; shift
  if [ ! -f "$dir/build.ninja" ]; then
    meson setup "$dir" "$@"
  fi
  meson compile -C "$dir"
}

export GSETTINGS_SCHEMA_DIR="$top/_build/data"

case "$mode" in
  run)
    build _build
    exec ./_build/src/app/oncobench "$top/data/samples/alk-cohort.csv"
    ;;
  test)
    build _build
    status=0
    xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \
      meson test -C _build --print-errorlogs --num-processes 2 || status=1
    # Sanitizers: any AddressSanitizer, LeakSanitizer or UBSan report fails the run.
    build _build-asan -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug
    export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1"
    export LSAN_OPTIONS="suppressions=$top/tests/lsan.supp:print_suppressions=0"
    export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
    xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \
      meson test -C _build-asan --print-errorlogs --num-processes 2 \
        --timeout-multiplier 4 || status=1
    python3 "$top/build-aux/test-summary.py" _build/meson-logs/testlog.json \
      _build-asan/meson-logs/testlog.json
    # Fuzz smoke: each harness from its seeds for OB_FUZZ_SECONDS (60 s by default), two side
    # by side: three minutes for the five. Any crash, leak or hang (30 s on one input, generous
    # for a shared runner) fails the run.
    unset ASAN_OPTIONS LSAN_OPTIONS UBSAN_OPTIONS
    OB_FUZZ_TIMEOUT="${OB_FUZZ_TIMEOUT:-30}" OB_FUZZ_BUILD="$top/_build-fuzz" \
      OB_FUZZ_JOBS="${OB_FUZZ_JOBS:-2}" "$top/tests/fuzz/run.sh" "${OB_FUZZ_SECONDS:-60}" \
      csv csv-options survival project plate-grid || status=1
    exit $status
    ;;
  *)
    echo "usage: $0 run|test" >&2
    exit 2
    ;;
esac
