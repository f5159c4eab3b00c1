import Foundation

/// Copies from a CSV export of the library's own system: one copy a row, with its barcode,
/// branch, shelf mark and status (and, when there, inventory number and note). Headers are
/// matched by name in English, Russian or Kazakh, in any order; the cells are read by
/// `CSVParser`, as catalogue CSV files are.
public enum HoldingsCSV {
    public struct Row: Sendable, Equatable {
        /// The row's number in the file, the header being row 1.
        public let row: Int
        public let holding: Holding
    }

    enum Column: CaseIterable { case barcode, branch, shelfMark, status, inventory, note }

    static let headers: [String: Column] = [
        "barcode": .barcode, "item barcode": .barcode, "штрихкод": .barcode, "штрих-код": .barcode, "штрих код": .barcode,
        "штрихкоды": .barcode, "branch": .branch, "branch code": .branch, "library": .branch, "филиал": .branch, "библиотека": .branch,
        "место хранения": .branch, "бөлімше": .branch, "shelf mark": .shelfMark, "shelfmark": .shelfMark, "call number": .shelfMark,
        "callnumber": .shelfMark, "шифр": .shelfMark, "шифр хранения": .shelfMark, "полочный индекс": .shelfMark, "status": .status,
        "статус": .status, "состояние": .status, "мәртебе": .status, "inventory number": .inventory, "inventory": .inventory,
        "инвентарный номер": .inventory, "инв. номер": .inventory, "инв номер": .inventory, "note": .note, "примечание": .note,
    ]

    /// Whether the text is a holdings export rather than a catalogue CSV: its header names a
    /// barcode or inventory column and no title.
    public static func isHoldings(_ text: String) -> Bool {
        let header = (CSVParser.parse(String(text.prefix { $0 != "\n" && $0 != "\r\n" })).first ?? []).map {
            BibliographicMapping.trim($0).lowercased().replacingOccurrences(of: "_", with: " ")
        }
        guard !header.contains("title") else { return false }
        return header.contains { [.barcode, .inventory].contains(headers[$0]) }
    }

    /// The copies, and the rows that could not be read (a row with neither a barcode nor an
    /// inventory number; a file without either column).
    public static func read(_ text: String) -> (rows: [Row], errors: [CSVCatalog.RowError]) {
        let rows = CSVParser.parse(text)
        guard let header = rows.first else { return ([], [CSVCatalog.RowError(row: 1, reason: "the file is empty", code: "empty")]) }
        var columns: [Column: Int] = [:]
        for (i, name) in header.enumerated() {
            let key = BibliographicMapping.trim(name).lowercased().replacingOccurrences(of: "_", with: " ")
            if let column = headers[key], columns[column] == nil { columns[column] = i }
        }
        guard columns[.barcode] != nil || columns[.inventory] != nil else {
            return ([], [CSVCatalog.RowError(row: 1, reason: "the header has no barcode column", code: "no_barcode_column")])
        }
        var out: [Row] = []
        var errors: [CSVCatalog.RowError] = []
        for (i, cells) in rows.enumerated().dropFirst() {
            func cell(_ c: Column) -> String? {
                columns[c].flatMap { $0 < cells.count ? BibliographicMapping.trim(cells[$0]).nilIfEmpty : nil }
            }
            if cells.allSatisfy({ BibliographicMapping.trim($0).isEmpty }) { continue }
            let barcode = cell(.barcode)
            let inventory = cell(.inventory)
            guard barcode != nil || inventory != nil else {
                errors.append(CSVCatalog.RowError(row: i + 1, reason: "the barcode is missing", code: "missing_barcode"))
                continue
            }
            let holding = Holding(
                branchCode: cell(.branch), shelfMark: cell(.shelfMark), inventoryNumber: inventory ?? barcode, barcode: barcode,
                note: cell(.note), status: cell(.status).flatMap(HoldingStatus.init(text:)), source: .csv)
            out.append(Row(row: i + 1, holding: holding))
        }
        return (out, errors)
    }
}
