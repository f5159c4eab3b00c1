#!/usr/bin/env bash
# End-to-end import of the Library of Congress file (250,000 MARC 21 records) into a fresh
# database, search index included: wall time, records per second and peak memory.
# SQLite always; PostgreSQL too when KNIGONOSHA_BENCH_POSTGRES_URL names an empty database.
# Then search latency over the imported SQLite catalogue (p50/p95 by query type).
# Usage: Benchmarks/catalog-import.sh
set -euo pipefail
cd "$(dirname "$0")/.."
file=".build-bench-data/pymarc-5.4.0/BooksAll.2016.part01.utf8"
[ -f "$file" ] || Benchmarks/marc-parse.sh 1 >/dev/null
command -v /usr/bin/time >/dev/null || apt-get install -y -qq time >/dev/null
swift build -c release --product knigonosha >/dev/null
bin=.build/release/knigonosha
export LOG_LEVEL=warning
work=$(mktemp -d /tmp/kn-import.XXXXXX)
trap 'kill ${server:-0} 2>/dev/null || true; rm -rf "$work"' EXIT

run() {
    local label=$1 url=$2
    /usr/bin/time -f "%e %M" -o "$work/time" env DATABASE_URL="$url" "$bin" catalog import "$file" >"$work/out" 2>"$work/err"
    read -r seconds kb <"$work/time"
    echo "$seconds" >>"$work/runs"
    python3 -c "import sys; s=float('$seconds'); print(f'$label: {open(\"$work/out\").read().strip()} in {s:.1f} s = {250000/s:,.0f} records/s, peak memory {int($kb)//1024} MB')"
}

echo "File: $file, $(nproc) cores"
/usr/bin/time -f "%e" -o "$work/dry" "$bin" catalog import --dry-run "$file" >/dev/null 2>&1 || true
python3 -c "s=float(open('$work/dry').read().split()[-1]); print(f'prepare only (--dry-run): {s:.1f} s = {250000/s:,.0f} records/s')"
# Three imports into fresh files; the median is the figure (a shared machine's runs vary by a second).
for i in 1 2 3; do
    rm -f "$work"/bench.sqlite*
    run "SQLite run $i" "sqlite://$work/bench.sqlite"
done
python3 -c "import statistics; s=statistics.median(float(x) for x in open('$work/runs')); print(f'SQLite median: {s:.1f} s = {250000/s:,.0f} records/s')"

echo "Search latency over the SQLite catalogue (API, JSON):"
export DATABASE_URL="sqlite://$work/bench.sqlite"
echo "bench-password" | "$bin" user create --role admin --email bench@example.kz >/dev/null 2>&1
token=$("$bin" token create --email bench@example.kz --name bench | tail -n 1)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$bin" serve --port "$port" >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$port/login" >/dev/null && break; sleep 0.2; done
python3 Benchmarks/catalog_search.py "http://127.0.0.1:$port" "$token" 20
kill "$server" 2>/dev/null || true
# PostgreSQL last: its autovacuum after a quarter of a million rows would disturb the timings above.
if [ -n "${KNIGONOSHA_BENCH_POSTGRES_URL:-}" ]; then run "PostgreSQL" "$KNIGONOSHA_BENCH_POSTGRES_URL"; fi
