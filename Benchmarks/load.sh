#!/usr/bin/env bash
# Pages under load (issue 17, §4), with the release build and wrk, on SQLite and on PostgreSQL.
# Seeds a scratch database as a region's would look: the Library of Congress file (250,000
# records), 2,000 readers at 10 branches with three years of history and next week's visits
# chosen (`knigonosha bench selection`). Then, signed in, wrk (2 threads) loads each page for 30 s
# at 50 connections: /readers (all 2,000, as an administrator), /catalog?q=…, a visit's page, and
# /run (a carrier's twelve stops). Bare Vapor's plaintext route (Benchmarks/PlaintextBench) is
# measured in the same run, and the reader list at 200 connections for 60 s with the server's
# memory sampled. Prints one table; the targets are p99 < 50 ms at 50 connections, no errors at
# 200, and the reader list at ≥ 30 % of the plaintext ceiling.
# Usage: Benchmarks/load.sh [--db sqlite|postgres|both] [--seconds N]
#   PostgreSQL: KNIGONOSHA_BENCH_PG_ADMIN_URL (default postgres://postgres@127.0.0.1:55432/postgres)
#   creates and drops a kn_load database owned by kn.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || apt-get install -y -qq wrk >/dev/null
file=".build-bench-data/pymarc-5.4.0/BooksAll.2016.part01.utf8"
[ -f "$file" ] || Benchmarks/marc-parse.sh 1 >/dev/null
if [ -z "${KNIGONOSHA_BIN:-}" ]; then
    swift build -c release --product knigonosha >/dev/null
    swift build -c release --product plaintext-bench >/dev/null
fi
exec python3 Benchmarks/load_run.py --bin "${KNIGONOSHA_BIN:-.build/release/knigonosha}" \
    --plaintext "${KNIGONOSHA_PLAINTEXT_BIN:-.build/release/plaintext-bench}" --marc "$file" "$@"
