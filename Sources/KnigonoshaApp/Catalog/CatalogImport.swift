import Fluent
import Foundation
import SQLKit
import Vapor

/// Imports one file into the catalogue: reads it on its own thread, writes in batches, and
/// reports progress. Shared by `knigonosha catalog import` and the background job.
enum CatalogImport {
    static func run(
        path: String, options: ImportOptions, run: String? = nil, on db: any Database,
        progress: (_ bytes: Int, _ summary: ImportSummary) async throws -> Void = { _, _ in }
    ) async throws -> ImportSummary {
        let importer = try await CatalogImporter(db: db, run: run)
        let items = RecordSource.items(path: path, options: options)
        importer.written = items.recycler.put
        var fatal: String?
        while let item = await items.next() {
            switch item {
            case .record(let r): try await importer.add(r)
            case .failure(let n, let reason, let code): importer.skip(number: n, reason: reason, code: code)
            case .progress(let bytes): try await progress(bytes, importer.summary)
            case .fatal(let message): fatal = message
            }
        }
        var summary = try await importer.finish()
        summary.fatal = fatal
        // Copies written in bulk leave the SQLite index fragmented (each copy rewrites its record's row).
        if summary.holdings >= SearchHoldings.bulk {
            try await SearchHoldings.merge(on: try db.sql)
        }
        try await progress(Int((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0), summary)
        return summary
    }
}

/// `knigonosha catalog import FILE`.
struct CatalogCommands: AsyncCommandGroup {
    var commands: [String: any AnyAsyncCommand] {
        ["import": CatalogImportCommand(), "sync": CatalogSyncCommand(), "circulation": CirculationCommand()]
    }
    var help: String { "Manages the catalogue." }
}

struct CatalogImportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "An ISO 2709 or MARCXML file") var file: String
        @Option(name: "syntax", help: "iso2709, marcxml or csv (default: detected)") var syntax: String?
        @Option(name: "flavor", help: "marc21 or unimarc (default: detected per record)") var flavor: String?
        @Option(name: "encoding", help: "utf-8, marc-8 or windows-1251 (default: detected per record)") var encoding: String?
        @Option(name: "report", help: "Write every skipped record and its reason to this file") var report: String?
        @Flag(name: "dry-run", help: "Read and prepare the records, but write nothing (for timing)") var dryRun: Bool
    }

    var help: String {
        "Imports MARC 21 or UNIMARC records. Exits 0 when the file was processed (even with skipped records), 1 when nothing could be imported."
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        var options = ImportOptions()
        options.syntax = try ImportOptions.Syntax.option(signature.syntax)
        if let f = signature.flavor {
            guard let v = MARCFlavorOption(rawValue: f) else { throw CommandFailure("--flavor must be marc21 or unimarc") }
            options.flavor = v.flavor
        }
        if let e = signature.encoding {
            guard let v = MARCEncodingOption(rawValue: e) else { throw CommandFailure("--encoding must be utf-8, marc-8 or windows-1251") }
            options.encoding = v.encoding
        }
        guard FileManager.default.isReadableFile(atPath: signature.file) else { throw CommandFailure("cannot read \(signature.file)") }
        try await Migrations.run(on: app)
        let total = (try? FileManager.default.attributesOfItem(atPath: signature.file)[.size] as? Int) ?? 0
        let bar = ProgressBar(total: total, enabled: isatty(STDERR_FILENO) == 1)
        if signature.dryRun {
            let items = RecordSource.items(path: signature.file, options: options)
            var records = 0
            var skipped = 0
            while let item = await items.next() {
                if case .record = item { records += 1 }
                if case .failure = item { skipped += 1 }
            }
            print("prepared \(records), skipped \(skipped) (dry run, nothing written)")
            return
        }
        let summary = try await CatalogImport.run(path: signature.file, options: options, on: app.db) { bytes, s in
            bar.update(bytes: bytes, records: s.imported + s.updated + s.skipped)
        }
        bar.finish()
        for issue in summary.issues.prefix(20) { FileHandle.standardError.write(Data("record \(issue.number): \(issue.reason)\n".utf8)) }
        if summary.issues.count > 20 { FileHandle.standardError.write(Data("… and \(summary.issues.count - 20) more skipped records\n".utf8)) }
        if let path = signature.report {
            // Skips, then one line per repair: record, 001, field, what was found and done.
            let repairs = summary.repaired.flatMap { r in
                r.details.map { w in "\(r.number)\trepaired\t\(w.controlNumber ?? "")\t\(WarningLine(w).english)" }
            }
            let text = (summary.issues.map { "\($0.number)\t\($0.reason)" } + repairs).joined(separator: "\n")
            try Data((text + "\n").utf8).write(to: URL(fileURLWithPath: path))
        }
        if let fatal = summary.fatal { FileHandle.standardError.write(Data("Error: \(fatal)\n".utf8)) }
        print(summary.line)
        if summary.imported + summary.updated == 0 { throw CommandFailure("nothing could be imported") }
    }
}

enum MARCFlavorOption: String {
    case marc21, unimarc
    var flavor: MARCKitFlavor { self == .marc21 ? .marc21 : .unimarc }
}

enum MARCEncodingOption: String {
    case utf8 = "utf-8", marc8 = "marc-8", windows1251 = "windows-1251"
    var encoding: MARCKitEncoding { MARCKitEncoding(rawValue: rawValue)! }
}
