#!/usr/bin/env bash
# Book selection over the Library of Congress catalogue (250,000 MARC 21 records, one copy each
# at 10 branches), 2,000 readers with 5-60 interests and three years of loan history:
#   - batch selection (suggest and reserve) for all visits of one week (500);
#   - one reader's suggestions, p50/p95 over 200 readers.
# SQLite by default; set KNIGONOSHA_BENCH_POSTGRES_URL to an empty PostgreSQL database for that too.
# Usage: Benchmarks/selection.sh
set -euo pipefail
cd "$(dirname "$0")/.."
file=".build-bench-data/pymarc-5.4.0/BooksAll.2016.part01.utf8"
[ -f "$file" ] || Benchmarks/marc-parse.sh 1 >/dev/null
swift build -c release --product knigonosha >/dev/null
bin=.build/release/knigonosha
export LOG_LEVEL=warning
work=$(mktemp -d /tmp/kn-select.XXXXXX)
trap 'rm -rf "$work"' EXIT

run() {
    local label=$1 url=$2
    echo "== $label =="
    DATABASE_URL="$url" "$bin" catalog import "$file" >/dev/null 2>&1
    DATABASE_URL="$url" "$bin" bench selection --readers 2000 --week-visits 500
}

echo "$(nproc) cores; catalogue: $file"
run "SQLite" "sqlite://$work/bench.sqlite"
if [ -n "${KNIGONOSHA_BENCH_POSTGRES_URL:-}" ]; then run "PostgreSQL" "$KNIGONOSHA_BENCH_POSTGRES_URL"; fi
