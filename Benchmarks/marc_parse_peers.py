"""Parses a MARC file with pymarc and with mrrc and prints records per second, the best of N runs.

Parsing means reading every record and decoding every field to Unicode, as the Swift benchmark does.
Usage: python marc_parse_peers.py FILE [REPEATS]
"""
import sys
import time

import mrrc
import pymarc

path = sys.argv[1]
repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 1


def run_pymarc():
    n = subfields = 0
    with open(path, "rb") as f:
        for record in pymarc.MARCReader(f, to_unicode=True, force_utf8=True):
            if record is None:
                continue
            n += 1
            for field in record.get_fields():
                if not field.is_control_field():
                    subfields += len(field.subfields)
    return n, subfields


def run_mrrc():
    n = subfields = 0
    with open(path, "rb") as f:
        for record in mrrc.MARCReader(f):
            if record is None:
                continue
            n += 1
            for field in record.get_fields():
                if not field.is_control_field():
                    subfields += len(field.subfields())
    return n, subfields


for name, fn in (("mrrc " + getattr(mrrc, "__version__", ""), run_mrrc), ("pymarc " + pymarc.__version__ if hasattr(pymarc, "__version__") else "pymarc", run_pymarc)):
    best = float("inf")
    for _ in range(repeats):
        t = time.perf_counter()
        n, subfields = fn()
        best = min(best, time.perf_counter() - t)
    print(f"{name}: {n} records ({subfields} subfields) in {best:.3f} s = {n / best:.0f} records/s")
