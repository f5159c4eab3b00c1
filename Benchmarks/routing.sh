#!/usr/bin/env bash
# Stop order for a carrier's run: RoutePlanner (nearest neighbour + 2-opt, Swift) against OR-Tools
# on the same random runs of 8 to 120 homes around a branch in Semey.
# Usage: Benchmarks/routing.sh [runs per size] [OR-Tools guided-local-search seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
gls=${2:-1}
[ -x .venv-bench/bin/python ] || python3 -m venv .venv-bench
.venv-bench/bin/python -c "import ortools" 2>/dev/null || .venv-bench/bin/pip install -q ortools
swift build -c release --product route-bench >/dev/null
work=$(mktemp -d /tmp/kn-route.XXXXXX)
trap 'rm -rf "$work"' EXIT
.build/release/route-bench "$runs" >"$work/runs.jsonl"
echo "$(nproc) cores; $runs runs per size; OR-Tools $(.venv-bench/bin/python -c 'import ortools; print(ortools.__version__)')"
.venv-bench/bin/python Benchmarks/routing_peers.py "$work/runs.jsonl" "$gls"
