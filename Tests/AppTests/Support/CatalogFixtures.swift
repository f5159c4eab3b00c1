import Fluent
import Foundation
import MARCKit
import Vapor

@testable import KnigonoshaApp

/// The MARC fixtures, and branches with the codes their holdings use.
enum CatalogFixtures {
    static func path(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/marc/\(name)").path
    }

    static let files = ["marc21-cp1251.mrc", "rusmarc-utf8.mrc", "marc21-marc8.mrc", "collection.xml"]

    @discardableResult
    static func branches(_ app: Application) async throws -> [String: Branch] {
        var out: [String: Branch] = [:]
        for (code, name) in [("SEM-C", "Центральная"), ("SEM-2", "Филиал 2"), ("UKG", "Өскемен")] {
            let b = Branch(code: code, nameRu: name, nameKk: name, address: "—", phone: "+77222000000")
            try await b.create(on: app.db)
            out[code] = b
        }
        return out
    }

    @discardableResult
    static func importAll(_ app: Application) async throws -> ImportSummary {
        var total = ImportSummary()
        for file in files {
            let s = try await CatalogImport.run(path: path(file), options: ImportOptions(), on: app.db)
            total.imported += s.imported
            total.updated += s.updated
            total.skipped += s.skipped
        }
        return total
    }

    /// Imports the records, for a search test.
    static func importRecords(_ app: Application, _ records: [MARCRecord]) async throws {
        let path = try xmlFile(records)
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = try await CatalogImport.run(path: path, options: ImportOptions(), on: app.db)
    }

    /// The titles the catalogue search finds for `q`, in order.
    static func titles(_ app: Application, _ q: String) async throws -> [String] {
        var query = CatalogQuery()
        query.q = q
        return try await CatalogSearch.run(query, on: app.db).records.map(\.title)
    }

    /// Writes records to a temporary MARCXML file.
    static func xmlFile(_ records: [MARCRecord]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kn-\(UUID()).xml").path
        try Data((MARCXML.header + records.map(MARCXML.record).joined() + MARCXML.footer).utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func record(_ id: String, title: String, subject: String? = nil, summary: String? = nil, author: String? = nil) -> MARCRecord {
        var fields = [MARCField(tag: "001", value: id), MARCField(tag: "003", value: "TEST")]
        if let author { fields.append(MARCField(tag: "100", indicator1: "1", indicator2: " ", subfields: [MARCSubfield("a", author)])) }
        fields.append(MARCField(tag: "245", indicator1: "1", indicator2: "0", subfields: [MARCSubfield("a", title)]))
        if let summary { fields.append(MARCField(tag: "520", indicator1: " ", indicator2: " ", subfields: [MARCSubfield("a", summary)])) }
        if let subject { fields.append(MARCField(tag: "650", indicator1: " ", indicator2: "0", subfields: [MARCSubfield("a", subject)])) }
        return MARCRecord(leader: "00000nam a2200000 i 4500", fields: fields)
    }

    /// The seed, the branches and the fixture files imported, and `email` signed in.
    static func signedIn(_ app: Application, as email: String) async throws -> WebClient {
        _ = try await Seed.make(app)
        try await branches(app)
        _ = try await importAll(app)
        let web = WebClient(app)
        try await web.login(email)
        return web
    }
}
