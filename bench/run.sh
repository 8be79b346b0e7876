#!/bin/bash
# Oncobench against R on synthetic cohorts of several sizes; see bench/README.md, "Against R".
#
# Usage: bench/run.sh [--sizes 10k,100k,1M,10M] [--runs N] [--build DIR] [--r-max SIZE]
#                     [--gui-sizes 100k,1M]
#
# For each size, writes bench/out/cohort-SIZE.csv with bench/gen-cohort.R (fixed seed) and
# times, under /usr/bin/time, the median of N runs (default 3) of each cumulative step:
#   import  oncobench-cli info                       R read (fread, and read.csv)
#   km      survival --group arm --no-steps          survfit, survdiff, coxph(~ arm)
#   cox     ... --covariates age,stage               coxph(~ arm + age + stage)
#   e2e     ... with every step and --figure PNG     summary(censored = TRUE), png(res = 300)
# R is the same run on the same file (bench/bench-cohort.R); sizes above --r-max skip it.
# Then the GUI bench (bench/bench-gui.c, under xvfb-run) at the --gui-sizes: the survival
# page's recompute, a filter change, the redraw, and the figure exported to PNG at 300 dpi
# (wall clock and CPU of the process).  Last, 4PL fits of a 96-well plate per second of CPU
# against R's nls (bench/bench-4pl.c, bench/bench-4pl.R).
# Before the times are reported, the Cox coefficients of oncobench and R must agree to 1e-6.
# The table goes to stdout and to bench/out/results.md.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=10k,100k,1M
gui_sizes=100k,1M
runs=3
build=_build-bench
r_max=
while [ $# -gt 0 ]; do
  case $1 in
    --sizes) sizes=$2; shift 2 ;;
    --gui-sizes) gui_sizes=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --build) build=$2; shift 2 ;;
    --r-max) r_max=$2; shift 2 ;;
    -h|--help) sed -n '2,/^$/s/^# \{0,1\}//p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

rows_of () {
  case $1 in
    *[kK]) echo $(( ${1%[kK]} * 1000 )) ;;
    *M) echo $(( ${1%M} * 1000000 )) ;;
    *) echo "$1" ;;
  esac
}

out=bench/out
mkdir -p "$out"
[ -f "$build/build.ninja" ] || meson setup "$build" --buildtype=release >/dev/null
ninja -C "$build" src/cli/oncobench-cli src/app/liboncobench-app.a src/app/ob-resources.c \
  data/gschemas.compiled >"$out/ninja.log" || { cat "$out/ninja.log" >&2; exit 1; }
cli="$build/src/cli/oncobench-cli"
if Rscript -e 'library(data.table)' >/dev/null 2>&1; then
  reader=fread
else
  reader=read.csv
fi

# Median of one column of the runs' "wall cpu rss_mb" lines.
median_of () {
  cut -d' ' -f"$2" "$1" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

# measure NAME COMMAND…: runs it $runs times; leaves "wall cpu rss_mb" in $result and the
# first run's output in $out/NAME.out.
measure () {
  local name=$1
  local times="$out/$name.times"
  shift
  : >"$times"
  for run in $(seq "$runs"); do
    /usr/bin/time -f '%e %U %S %M' -o "$out/$name.time" "$@" >"$out/$name.run" 2>"$out/$name.err" \
      || { echo "run.sh: failed: $*" >&2; cat "$out/$name.err" >&2; exit 1; }
    awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 / 1024 }' "$out/$name.time" >>"$times"
    [ "$run" -gt 1 ] || mv "$out/$name.run" "$out/$name.out"
  done
  result="$(median_of "$times" 1) $(median_of "$times" 2) $(median_of "$times" 3)"
}

fmt () {
  awk -v w="$1" -v c="$2" -v m="$3" 'BEGIN { printf "%.2f s | %.2f s | %.0f MB", w, c, m }'
}
ratio () {
  awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1f×", a / b; else printf "–" }'
}

# oncobench and R must compute the same model before their times mean anything.
check_agree () {
  local ours=$1
  local theirs=$2
  grep -o '"coef" : [-0-9.e]*' "$ours" | awk '{ print $3 }' >"$out/coef-ob.txt"
  awk '/^coef / { print $3 }' "$theirs" >"$out/coef-r.txt"
  paste -d' ' "$out/coef-ob.txt" "$out/coef-r.txt" | awk '
    NF != 2 { bad = 1 }
    { d = $1 - $2; if (d < 0) d = -d; s = $2 < 0 ? -$2 : $2; if (d > 1e-6 * s) bad = 1; n++ }
    END { if (bad || n == 0) exit 1 }' \
    || { echo "run.sh: oncobench and R disagree on the Cox coefficients:" >&2
         paste "$out/coef-ob.txt" "$out/coef-r.txt" >&2; exit 1; }
}

table="$out/results.md"
{
  echo "Machine: $(nproc) CPUs, $(sed -n 's/^model name\t*: //p' /proc/cpuinfo | head -1)," \
    "$(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo);" \
    "load $(cut -d' ' -f1-3 /proc/loadavg) at start"
  echo "Date: $(date -u '+%Y-%m-%d %H:%M UTC'); commit $(git rev-parse --short HEAD);" \
    "$runs runs, median; R $(Rscript -e 'cat(R.version$major, R.version$minor, sep = ".")')" \
    "with survival $(Rscript -e 'cat(format(packageVersion("survival")))'), reader $reader"
  echo
  echo "| rows | step | oncobench wall | CPU | peak RSS | R wall | CPU | peak RSS | R/oncobench wall | CPU | RSS |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|"
} | tee "$table"

# What every command pays before reading a byte: starting the program and, for R, loading
# the packages.
measure start-ob "$cli" --help
read -r ow oc om <<<"$result"
measure start-r Rscript -e 'suppressMessages(library(survival))'
read -r rw rc rm <<<"$result"
echo "| – | start only | $(fmt "$ow" "$oc" "$om") | $(fmt "$rw" "$rc" "$rm") |" \
  "$(ratio "$rw" "$ow") | $(ratio "$rc" "$oc") | $(ratio "$rm" "$om") |" | tee -a "$table"

r_limit=$( [ -n "$r_max" ] && rows_of "$r_max" || echo 0 )
for size in ${sizes//,/ }; do
  rows=$(rows_of "$size")
  csv="$out/cohort-$size.csv"
  [ -f "$csv" ] || Rscript bench/gen-cohort.R "$rows" "$csv"
  # Warm the page cache: the runs measure computing, not the disk.
  cat "$csv" >/dev/null
  with_r=1
  [ "$r_limit" -gt 0 ] && [ "$rows" -gt "$r_limit" ] && with_r=0
  common=(survival "$csv" --time time --event event --group arm)
  for step in import km cox e2e; do
    case $step in
      import) cmd=("$cli" info "$csv") ;;
      km) cmd=("$cli" "${common[@]}" --no-steps) ;;
      cox) cmd=("$cli" "${common[@]}" --covariates age,stage --no-steps) ;;
      e2e) cmd=("$cli" "${common[@]}" --covariates age,stage --figure "$out/km-ob-$size.png") ;;
    esac
    measure "ob-$step-$size" "${cmd[@]}"
    read -r ow oc om <<<"$result"
    if [ "$with_r" = 1 ]; then
      measure "r-$step-$size" Rscript bench/bench-cohort.R "$step" "$reader" "$csv" \
        "$out/km-r-$size.png"
      read -r rw rc rm <<<"$result"
      [ "$step" != cox ] || check_agree "$out/ob-cox-$size.out" "$out/r-cox-$size.out"
      echo "| $size | $step | $(fmt "$ow" "$oc" "$om") | $(fmt "$rw" "$rc" "$rm") |" \
        "$(ratio "$rw" "$ow") | $(ratio "$rc" "$oc") | $(ratio "$rm" "$om") |"
    else
      echo "| $size | $step | $(fmt "$ow" "$oc" "$om") | (R skipped) | | | | | |"
    fi | tee -a "$table"
    if [ "$step" = import ] && [ "$with_r" = 1 ] && [ "$reader" = fread ]; then
      measure "r-read.csv-$size" Rscript bench/bench-cohort.R import read.csv "$csv"
      read -r rw rc rm <<<"$result"
      echo "| $size | import, R read.csv | $(fmt "$ow" "$oc" "$om") | $(fmt "$rw" "$rc" "$rm") |" \
        "$(ratio "$rw" "$ow") | $(ratio "$rc" "$oc") | $(ratio "$rm" "$om") |" | tee -a "$table"
    fi
  done
done

if [ -n "$gui_sizes" ]; then
  gui="$out/bench-gui"
  # shellcheck disable=SC2046
  cc -O2 -std=c17 -Wall -Wextra -o "$gui" bench/bench-gui.c "$build/src/app/ob-resources.c" \
    -Isrc/app -Isrc/plot -Isrc/core -I"$build" -I"$build/src/app" \
    "$build/src/app/liboncobench-app.a" "$build/src/plot/liboncobench-plot.a" \
    "$build/src/core/liboncobench-core.a" \
    $(pkg-config --cflags --libs libadwaita-1 gtk4 gsl json-glib-1.0) -lm
  {
    echo
    echo "| rows | GUI step | wall, median of $runs (ms) | CPU, median (ms) |"
    echo "|---|---|---|---|"
  } | tee -a "$table"
  for size in ${gui_sizes//,/ }; do
    rows=$(rows_of "$size")
    csv="$out/cohort-$size.csv"
    [ -f "$csv" ] || Rscript bench/gen-cohort.R "$rows" "$csv"
    : >"$out/gui-$size.txt"
    for run in $(seq "$runs"); do
      GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$build/data" \
        xvfb-run -a "$gui" "$csv" "$out/km-gui-$size.png" >>"$out/gui-$size.txt"
    done
    # Lines are "STEP WALL_MS CPU_MS"; the median of each over the runs.
    awk '{ print $1 }' "$out/gui-$size.txt" | awk '!seen[$0]++' | while read -r step; do
      ms=$(awk -v s="$step" '$1 == s { print $2 }' "$out/gui-$size.txt" | sort -g \
           | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
      cpu=$(awk -v s="$step" '$1 == s { print $3 }' "$out/gui-$size.txt" | sort -g \
            | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
      echo "| $size | $step | $ms | $cpu |"
    done | tee -a "$table"
  done
fi

# 4PL: fits of a 96-well plate's standards and interpolation of its 80 sample wells, per second
# of CPU, against R's nls on the same plate; the coefficients printed side by side.
plate="$out/plate-96.csv"
[ -f "$plate" ] || Rscript bench/bench-4pl.R write "$plate"
# shellcheck disable=SC2046
cc -O2 -std=c17 -Wall -Wextra -o "$out/bench-4pl" bench/bench-4pl.c -Isrc/core -I"$build" \
  "$build/src/core/liboncobench-core.a" $(pkg-config --cflags --libs gsl json-glib-1.0) -lm
"$out/bench-4pl" "$plate" 5000 >"$out/4pl-ob.txt"
Rscript bench/bench-4pl.R time "$plate" 300 >"$out/4pl-r.txt"
ob_fits=$(awk '$1 == "fits_per_s" { print $2 }' "$out/4pl-ob.txt")
r_fits=$(awk '$1 == "fits_per_s" { print $2 }' "$out/4pl-r.txt")
{
  echo
  echo "| 4PL, 96-well plate | oncobench fits/s (CPU) | R nls fits/s (CPU) | ratio |"
  echo "|---|---|---|---|"
  echo "| fit + 80 interpolations | $ob_fits | $r_fits | $(awk -v a="$ob_fits" -v b="$r_fits" \
    'BEGIN { printf "%.1f×", a / b }') |"
  echo
  paste "$out/4pl-ob.txt" "$out/4pl-r.txt" | awk 'NR > 1 { print "- " $1 ": " $2 " (R " $4 ")" }'
} | tee -a "$table"
