#!/usr/bin/env bash
# The VRPTW solver against PyVRP and OR-Tools (guided local search) on Solomon's instances under
# the DIMACS convention, each on one core with the same budget; then the generated branch week
# (300 visits, 8 carriers × 5 days) at 2 s against the same solver at 60 s, and a carrier's day of
# 4–15 stops re-optimised.
# Usage: Benchmarks/vrptw.sh [--short] [seconds per instance]
#   --short: 1 s, three instances, the week at 2 s against 10 s (for CI).
set -euo pipefail
cd "$(dirname "$0")/.."
short=0
if [ "${1:-}" = "--short" ]; then short=1; shift; fi
seconds=${1:-$([ $short = 1 ] && echo 1 || echo 10)}
dir=${VRPTW_INSTANCES:-../shared/vrptw}
if [ $short = 1 ]; then names=(C102 R102 RC102); reference=10; else names=(C102 C201 R102 R105 R201 R209 RC102 RC201 RC205); reference=60; fi
files=(); for n in "${names[@]}"; do files+=("$dir/$n.txt"); done

[ -x .venv-bench/bin/python ] || python3 -m venv .venv-bench
.venv-bench/bin/python -c "import pyvrp, ortools" 2>/dev/null || .venv-bench/bin/pip install -q pyvrp==0.14.1 ortools==9.15.6755
work=$(mktemp -d /tmp/kn-vrptw.XXXXXX)
trap 'rm -rf "$work"' EXIT
swift build -c release --scratch-path .build-vrptw --product vrptw-bench >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
bench=.build-vrptw/release/vrptw-bench

echo "$(nproc) cores; ${seconds} s per instance and solver, one core (taskset -c 0), seed 1;" \
  "$(.venv-bench/bin/pip list 2>/dev/null | grep -iE '^(pyvrp|ortools) ' | tr -s ' ' | paste -sd ',' -)"
taskset -c 0 "$bench" solomon "$seconds" 1 "${files[@]}" >"$work/ours.jsonl"
taskset -c 0 .venv-bench/bin/python Benchmarks/vrptw_peers.py solve "$seconds" "${files[@]}" >"$work/peers.jsonl"
.venv-bench/bin/python Benchmarks/vrptw_peers.py table "$work/ours.jsonl" "$work/peers.jsonl" "$dir"

echo
echo "Branch week (300 visits, 8 carriers x 5 days): 2 s against ${reference} s, same seed"
taskset -c 0 "$bench" week 2 1 | tee "$work/week2.json"
taskset -c 0 "$bench" week "$reference" 1 | tee "$work/weekref.json"
.venv-bench/bin/python - "$work/week2.json" "$work/weekref.json" <<'PY'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:])
print(f"objective {a['objective']:.1f} min in {a['seconds']:.2f} s vs {b['objective']:.1f} min in {b['seconds']:.0f} s: "
      f"gap {100 * (a['objective'] - b['objective']) / b['objective']:+.2f}% (unplaced {a['unplaced']} vs {b['unplaced']})")
PY
echo
echo "A carrier's day of 4-15 stops, re-optimised (200 runs):"
taskset -c 0 "$bench" day 200
