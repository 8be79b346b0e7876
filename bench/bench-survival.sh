#!/bin/sh
# Survival benchmark: 1,000,000 patients (time, status, 2 groups, age, sex), Kaplan–Meier,
# log-rank and a Cox model with two covariates; oncobench-cli against R's survival package.
# Usage: bench/bench-survival.sh [BUILD_DIR] [ROWS] [RUNS]
# Results are written up in bench/README.md, section "Survival".
set -eu
cd "$(dirname "$0")/.."
build=${1:-_build}
rows=${2:-1000000}
runs=${3:-3}
out=bench/out
mkdir -p "$out"

csv="$out/survival-$rows.csv"
[ -f "$csv" ] || Rscript bench/gen-survival.R "$rows" "$csv"
ninja -C "$build" src/cli/oncobench-cli >/dev/null
cli="$build/src/cli/oncobench-cli"

echo "file: $csv ($(du -m "$csv" | cut -f1) MB, $rows rows)"
# Warm the page cache so the runs measure computing, not the disk.
cat "$csv" >/dev/null

measure () {
  name=$1
  shift
  for run in $(seq "$runs"); do
    /usr/bin/time -v "$@" >"$out/$name-$run.out" 2>"$out/$name-time-$run.txt"
    wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$out/$name-time-$run.txt")
    user=$(sed -n 's/.*User time (seconds): //p' "$out/$name-time-$run.txt")
    sys=$(sed -n 's/.*System time (seconds): //p' "$out/$name-time-$run.txt")
    rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$out/$name-time-$run.txt")
    echo "$name run $run: wall $wall, CPU ${user}s user + ${sys}s sys, max RSS $((rss / 1024)) MB"
  done
}

measure oncobench "$cli" survival "$csv" --time time --event status --group group \
  --covariates age,sex
measure R Rscript bench/bench-survival.R "$csv"

# The two must agree before their times mean anything: the Cox coefficients to 1e-6.
python3 - "$out/oncobench-1.out" "$out/R-1.out" <<'PY'
import json, sys
ours = [t["coef"] for t in json.load(open(sys.argv[1]))["cox"]["terms"]]
r = [float(line.split()[2]) for line in open(sys.argv[2]) if line.startswith("coef ")]
for a, b in zip(ours, r):
    print(f"coef oncobench {a:.10g}  R {b:.10g}")
    assert abs(a - b) <= 1e-6 * abs(b), "oncobench-cli and R disagree"
assert len(ours) == len(r) == 3
print("Cox coefficients agree to 1e-6")
PY
