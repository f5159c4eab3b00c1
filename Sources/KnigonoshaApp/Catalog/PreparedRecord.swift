import Foundation
import MARCKit
import SQLiteNIO
import Stemming
import TextKit

/// A record ready to be written: its descriptive fields, the analysed texts for the search index
/// and the key that a re-import matches on. Preparing is CPU work done off the database's path.
final class PreparedRecord: Sendable {
    let number: Int
    let bib: Bibliographic
    let matchKey: String
    let marc: [UInt8]
    /// Stemmed terms joined by spaces: title, authors, subjects (and genres), series, summary.
    let index: (title: String, authors: String, subjects: String, series: String, summary: String)
    /// The row's SQLite values, built here on the reading thread so that the writing thread only
    /// sends them (see `SQLiteBulk`).
    let sqliteRow: [SQLiteData]
    /// What the reader repaired in the record (MARCWarning kinds, each once).
    let warnings: [String]
    /// The repairs themselves, for the report's lines.
    let details: [MARCWarning]

    /// `encoded` is the record's ISO 2709 form when the file already holds it byte for byte.
    /// A record with no title in any field a title may come from is refused (`noTitle`): stored
    /// as «—» it was matched to another untitled record by year and author, and one of the two
    /// was lost (issue 14).
    init(number: Int, record: MARCRecord, flavor: MARCFlavor?, analyzer: SearchAnalyzer, encoded: [UInt8]? = nil) throws(MARCError) {
        self.number = number
        let bib = try BibliographicMapping.prepare(record, number: number, flavor: flavor)
        // The reader's repairs and the mapping's own (a title taken from 245 $k, 240, 740 or 246).
        var kinds: [String] = []
        for w in bib.warnings where !kinds.contains(w.kind.rawValue) { kinds.append(w.kind.rawValue) }
        warnings = kinds
        details = bib.warnings
        self.bib = bib
        matchKey = Self.matchKey(bib)
        marc = encoded ?? ISO2709Writer.encode(record)
        // 880 fields (the same description in another script) and every series, not only the
        // first, are searchable (issue 14, §2).
        let alt = bib.alternateScript
        index = (
            analyzer.indexText([bib.title, bib.subtitle ?? "", alt.title ?? "", alt.subtitle ?? ""]),
            analyzer.indexText(bib.contributors.map(\.name) + alt.contributors.map(\.name)),
            analyzer.indexText(bib.subjects + bib.genres + alt.subjects),
            analyzer.indexText(bib.allSeries.map(\.title) + alt.series.map(\.title) + (bib.allSeries.isEmpty ? [bib.series ?? ""] : [])),
            analyzer.indexText([bib.summary ?? "", alt.summary ?? ""])
        )
        sqliteRow = SQLiteBulk.row(
            bib: bib, matchKey: matchKey, contributors: Self.contributorsText(bib), languages: Self.languagesText(bib), marc: marc)
    }

    static func contributorsText(_ bib: Bibliographic) -> String { bib.contributors.map { "\($0.name)|\($0.role)" }.joined(separator: "\n") }
    static func languagesText(_ bib: Bibliographic) -> String {
        bib.languages.isEmpty ? "" : " " + bib.languages.joined(separator: " ") + " "
    }

    /// 003 and 001 together name a record; without them the ISBN, then title, year and author.
    static func matchKey(_ b: Bibliographic) -> String {
        if let number = b.controlNumber, !number.isEmpty { return "ctl:\(b.controlOrganisation ?? ""):\(number)" }
        if let isbn = b.isbns.first { return "isbn:\(isbn)" }
        let author = b.contributors.first.map { SearchFolding.fold($0.name) } ?? ""
        return "bib:\(SearchFolding.fold(b.title))|\(b.year.map(String.init) ?? "")|\(author)"
    }

    var contributorsText: String { Self.contributorsText(bib) }
    var languagesText: String { Self.languagesText(bib) }
}
