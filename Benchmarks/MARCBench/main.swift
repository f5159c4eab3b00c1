import Foundation
import MARCKit

// Parses every record of a MARC file and reports records per second. Parsing means: framing,
// checking the leader and directory, and decoding every field and subfield to Unicode strings.
// Usage: marc-bench FILE [--repeat N]
let args = CommandLine.arguments
guard args.count >= 2 else {
    FileHandle.standardError.write(Data("usage: marc-bench FILE [--repeat N]\n".utf8))
    exit(2)
}
let repeats = args.firstIndex(of: "--repeat").flatMap { Int(args[$0 + 1]) } ?? 1
var best = Double.infinity
var records = 0, failures = 0, subfields = 0
for _ in 0..<repeats {
    records = 0
    failures = 0
    subfields = 0
    let start = ContinuousClock.now
    let reader = try ISO2709Reader(path: args[1])
    while let result = reader.next() {
        switch result {
        case .record(_, let record, _):
            records += 1
            for f in record.fields { subfields += f.subfields.count }
        case .failure:
            failures += 1
        }
    }
    let elapsed = ContinuousClock.now - start
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    best = min(best, seconds)
}
print(
    String(
        format: "swift MARCKit: %d records (%d skipped, %d subfields) in %.3f s = %.0f records/s", records, failures, subfields, best,
        Double(records) / best))
