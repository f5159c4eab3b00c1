#!/usr/bin/env bash
# MARC parsing speed: Knigonosha's MARCKit against pymarc 5.4.0 and mrrc, in the same run, on the
# Library of Congress file of 250,000 records shipped in pymarc's source distribution.
# Usage: Benchmarks/marc-parse.sh [REPEATS]
set -euo pipefail
cd "$(dirname "$0")/.."
repeats="${1:-3}"
data=".build-bench-data"
file="$data/pymarc-5.4.0/BooksAll.2016.part01.utf8"
if [ ! -f "$file" ]; then
    mkdir -p "$data"
    python3 -m pip download -q --no-binary :all: --no-deps pymarc==5.4.0 -d "$data"
    tar -xzf "$data/pymarc-5.4.0.tar.gz" -C "$data" pymarc-5.4.0/BooksAll.2016.part01.utf8
fi
if [ ! -x .venv-bench/bin/python ]; then
    # A pyenv shim answers `command -v` even when it cannot run: try each for real.
    py=$(for c in python3.12 "$HOME/.pyenv/versions/3.12.1/bin/python3" python3; do "$c" --version >/dev/null 2>&1 && { echo "$c"; break; }; done)
    "$py" -m venv .venv-bench
fi
.venv-bench/bin/pip install -q pymarc==5.4.0 mrrc==0.9.2
swift build -c release --product marc-bench >/dev/null
echo "File: $file ($(du -h "$file" | cut -f1)), best of $repeats runs, $(nproc) cores"
.build/release/marc-bench "$file" --repeat "$repeats"
.venv-bench/bin/python Benchmarks/marc_parse_peers.py "$file" "$repeats"
