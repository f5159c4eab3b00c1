import Foundation
import MARCKit
import Spreadsheet

/// The cells of a spreadsheet someone uploaded: XLSX when the bytes are a ZIP archive, else CSV
/// in UTF-8 or Windows-1251 (what Russian Excel saves), separated by «,» or «;». Library systems
/// export both, and a person cannot be asked which one they have.
enum UploadedTable {
    /// A library system's export of readers or loans: 16 MB holds hundreds of thousands of rows.
    static let maxBytes = 16 * 1024 * 1024

    /// Nil when the bytes look like an XLSX archive that cannot be read, or are not text at all (a
    /// NUL byte in the first 4 KB: an image, a PDF, an old .xls).
    static func cells(_ data: Data) -> [[String]]? {
        if isZIP(data) { return try? XLSXReader.rows(data) }
        if data.prefix(4096).contains(0) { return nil }
        let text = String(validating: data, as: UTF8.self) ?? String(String.UnicodeScalarView(data.map { Windows1251Text.scalar($0) }))
        return CSVParser.parse(text)
    }

    /// An XLSX file is a ZIP archive.
    static func isZIP(_ data: Data) -> Bool { data.starts(with: [0x50, 0x4B, 0x03, 0x04]) }

    /// A header cell as the column tables know it: trimmed, lower case, «_» as a space, «ё» as «е».
    static func key(_ header: String) -> String {
        header.trimmingCharacters(in: .whitespacesAndNewlines).lowercased().replacingOccurrences(of: "_", with: " ")
            .replacingOccurrences(of: "ё", with: "е")
    }
}
