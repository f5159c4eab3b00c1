"""Compares MARCKit's lenient reading with pymarc 5.4 (issue 14): every record pymarc reads,
MARCKit must read too, as the same record (same position, same 001).

Usage:
    PYENV_VERSION=3.12.1 python3.12 -m venv .venv-marc && .venv-marc/bin/pip install pymarc==5.4.0
    .venv-marc/bin/python Benchmarks/marc_lenient_compare.py [FILE ...]
Without files it reads Tests/Fixtures/marc-lenient/*, Tests/Fixtures/marc/*.mrc and .xml, and
pymarc's own test files when its source distribution is unpacked in .build-bench-data (as
Benchmarks/marc-parse.sh leaves it). MARCKit's side is a small reader compiled with swiftc from
Sources/MARCKit into .build-marc/lenient-compare, so no package product is needed. Exits 1 when
pymarc reads a record MARCKit does not.
"""
import contextlib
import glob
import io
import json
import logging
import os
import subprocess
import sys
import warnings

import pymarc

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
WORK = os.path.join(ROOT, ".build-marc", "lenient-compare")

HARNESS = r"""
import Foundation

// One JSON line per record: {"n":1,"ok":true,"id":"001","w":["kind/action/tag"]} or {"n":2,"ok":false,"e":"code"}.
func line(_ r: MARCReadResult) -> String {
    switch r {
    case .record(let n, let rec, _):
        let id = (rec.control("001") ?? "").replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        let w = rec.warnings.map { "\"\($0.kind.rawValue)/\($0.action.rawValue)/\($0.tag ?? "")\"" }.joined(separator: ",")
        return "{\"n\":\(n),\"ok\":true,\"id\":\"\(id)\",\"w\":[\(w)]}"
    case .failure(let n, let e):
        return "{\"n\":\(n),\"ok\":false,\"e\":\"\(e.code)\"}"
    }
}
for path in CommandLine.arguments.dropFirst() {
    print("{\"file\":\"\(path)\"}")
    if path.hasSuffix(".xml") {
        guard let reader = MARCXMLReader(path: path) else { continue }
        reader.read { print(line($0)) }
        if let e = reader.fatalError { print("{\"fatal\":\"\(e.code)\"}") }
    } else if let reader = try? ISO2709Reader(path: path) {
        for r in reader { print(line(r)) }
    }
}
"""


def build():
    os.makedirs(WORK, exist_ok=True)
    main = os.path.join(WORK, "main.swift")
    with open(main, "w") as f:
        f.write(HARNESS)
    exe = os.path.join(WORK, "read")
    sources = sorted(glob.glob(os.path.join(ROOT, "Sources", "MARCKit", "*.swift")))
    newest = max(os.path.getmtime(p) for p in sources + [main])
    if not os.path.exists(exe) or os.path.getmtime(exe) < newest:
        subprocess.run(["swiftc", "-O", "-module-name", "LenientCompare", "-o", exe, *sources, main], check=True)
    return exe


def marckit(exe, files):
    out = subprocess.run([exe, *files], check=True, capture_output=True, text=True).stdout
    results, current = {}, None
    for row in map(json.loads, out.splitlines()):
        if "file" in row:
            current = results.setdefault(row["file"], {})
        elif "n" in row:
            current[row["n"]] = row
    return results


def ident(record):
    field = record.get("001") if record else None
    return field.data if field is not None and field.data else ""


def pymarc_read(path):
    """{position: 001 or ""} of the records pymarc reads, and {position: exception name} of those it skips."""
    read, skipped = {}, {}
    logging.disable(logging.CRITICAL)
    # pymarc's MARC-8 decoder prints what it cannot decode.
    with warnings.catch_warnings(), contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        warnings.simplefilter("ignore")
        if path.endswith(".xml"):
            try:
                records = pymarc.parse_xml_to_array(path, strict=False)
            except Exception as e:  # a document pymarc cannot parse at all
                return read, {0: type(e).__name__}
            for i, r in enumerate(records, 1):
                read[i] = ident(r)
            return read, skipped
        with open(path, "rb") as f:
            reader = pymarc.MARCReader(io.BytesIO(f.read()))
            i = 0
            for r in reader:
                i += 1
                if r is None:
                    skipped[i] = type(reader.current_exception).__name__
                else:
                    read[i] = ident(r)
    return read, skipped


def main():
    files = sys.argv[1:] or sorted(
        glob.glob(os.path.join(ROOT, "Tests", "Fixtures", "marc-lenient", "*"))
        + glob.glob(os.path.join(ROOT, "Tests", "Fixtures", "marc", "*.mrc"))
        + glob.glob(os.path.join(ROOT, "Tests", "Fixtures", "marc", "*.xml"))
        + glob.glob(os.path.join(ROOT, ".build-bench-data", "pymarc-5.4.0", "test", "*.dat"))
        + glob.glob(os.path.join(ROOT, ".build-bench-data", "pymarc-5.4.0", "test", "*.mrc"))
        + glob.glob(os.path.join(ROOT, ".build-bench-data", "pymarc-5.4.0", "test", "*.xml"))
    )
    files = [os.path.abspath(f) for f in files]
    ours = marckit(build(), files)
    missing = 0
    print(f"{'file':<28} {'pymarc read/skip':>17} {'MARCKit read/skip':>18}  records pymarc reads and MARCKit does not")
    for path in files:
        read, skipped = pymarc_read(path)
        mine = ours.get(path, {})
        ok = {n for n, r in mine.items() if r["ok"]}
        lost = [f"#{n} {ident}" for n, ident in read.items() if n not in ok or (ident and mine[n].get("id", "").strip() != ident.strip())]
        missing += len(lost)
        print(f"{os.path.basename(path):<28} {len(read):>8}/{len(skipped):<8} {len(ok):>9}/{len(mine) - len(ok):<8}  {', '.join(lost) or '-'}")
    print(f"\n{'FAIL' if missing else 'OK'}: {missing} record(s) pymarc reads that MARCKit does not")
    sys.exit(1 if missing else 0)


if __name__ == "__main__":
    main()
