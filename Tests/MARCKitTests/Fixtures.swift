import Foundation

@testable import MARCKit

enum Fixture {
    static func path(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/marc/\(name)").path
    }

    static func bytes(_ name: String) throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: path(name)))) }

    static func read(_ name: String, encoding: MARCEncoding? = nil) throws -> [MARCReadResult] {
        Array(try ISO2709Reader(path: path(name), encoding: encoding))
    }

    /// The lenient-reading corpus (scripts/make_lenient_fixtures.py).
    static func lenient(_ name: String) -> String { path("../marc-lenient/\(name)") }

    static func records(_ name: String) throws -> [MARCRecord] {
        try read(name).compactMap { if case .record(_, let r, _) = $0 { r } else { nil } }
    }
}
