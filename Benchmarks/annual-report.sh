#!/usr/bin/env bash
# The annual report over three years of data: 2,000 readers at 10 branches (about 150,000
# visits, 200,000 loans), 1,200 events and 10 projects. Seeds a scratch database with
# `knigonosha bench report`, serves it, signs in, and times 20 requests of each page with curl:
#   - /reports/annual for last year, whole library (the target: under 1 s);
#   - /reports (the dashboard) for last year, whole library;
#   - /api/v1/reports/annual for last year.
# SQLite by default; set KNIGONOSHA_BENCH_POSTGRES_URL to an empty PostgreSQL database for that too.
# Usage: Benchmarks/annual-report.sh [READERS BRANCHES]
#   Benchmarks/annual-report.sh 20000 30 is issue 17's ten times the data (§7).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product knigonosha >/dev/null
bin=$PWD/.build/release/knigonosha
export LOG_LEVEL=warning
work=$(mktemp -d /tmp/kn-report.XXXXXX)
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
year=$(( $(date +%Y) - 1 ))
port=18321
readers=${1:-2000}
branches=${2:-10}

times() {  # label url [curl args...]: 20 timed requests after 2 warm-ups; prints p50/p95/max
    local label=$1 url=$2; shift 2
    for _ in 1 2; do curl -sf -o /dev/null "$@" "$url"; done
    for _ in $(seq 20); do curl -sf -o /dev/null -w "%{time_total}\n" "$@" "$url"; done | python3 -c "
import sys
t = sorted(float(x) * 1000 for x in sys.stdin)
print(f'  $label: p50 {t[len(t)//2]:.0f} ms, p95 {t[int(len(t)*0.95)-1]:.0f} ms, max {t[-1]:.0f} ms')"
}

run() {
    local label=$1 url=$2
    echo "== $label =="
    DATABASE_URL="$url" "$bin" bench report --readers "$readers" --branches "$branches"
    echo "bench-password-1" | DATABASE_URL="$url" "$bin" user create --role admin --email bench@example.kz --name Bench >/dev/null
    token=$(DATABASE_URL="$url" "$bin" token create --email bench@example.kz | tail -1)
    DATABASE_URL="$url" "$bin" serve --port $port >"$work/serve.log" 2>&1 &
    pid=$!
    for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$port/login" && break; sleep 0.2; done
    local base="http://127.0.0.1:$port" jar="$work/cookies"
    rm -f "$jar"
    csrf=$(curl -s -c "$jar" -b "$jar" "$base/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"//')
    curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "_csrf=$csrf" --data-urlencode "email=bench@example.kz" \
        --data-urlencode "password=bench-password-1" "$base/login"
    times "annual report page, $year, whole library" "$base/reports/annual?year=$year" -b "$jar"
    times "statistics dashboard, $year, whole library" "$base/reports?from=$year-01-01&to=$year-12-31" -b "$jar"
    times "annual report API, $year" "$base/api/v1/reports/annual?year=$year" -H "Authorization: Bearer $token"
    kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
}

echo "$(nproc) cores"
run "SQLite" "sqlite://$work/bench.sqlite"
if [ -n "${KNIGONOSHA_BENCH_POSTGRES_URL:-}" ]; then run "PostgreSQL" "$KNIGONOSHA_BENCH_POSTGRES_URL"; fi
