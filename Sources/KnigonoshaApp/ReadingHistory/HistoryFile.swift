import Foundation

/// A loan history exported by the library system: one loan a row, with the reader's card number,
/// the copy's barcode or inventory number or the title's ISBN, and the day. CSV (UTF-8 or
/// Windows-1251, «,» or «;») or XLSX; headers in English, Russian or Kazakh, in any order.
struct HistoryFile {
    struct Row: Sendable, Equatable {
        let row: Int
        let card: String
        let item: String?
        let isbn: String?
        let date: String
    }

    /// A row that was not stored, with a code the page localises and the value it was about.
    struct Problem: Sendable, Equatable {
        let row: Int
        let code: String
        let value: String

        /// The value as far as a person needs it to find the row: 100 characters.
        init(row: Int, code: String, value: String) {
            self.row = row
            self.code = code
            self.value = value.count > 100 ? String(value.prefix(100)) + "…" : value
        }
    }

    enum Column: CaseIterable { case card, item, isbn, date }

    static let headers: [String: Column] = [
        "reader card": .card, "card": .card, "card number": .card, "cardnumber": .card, "patron": .card, "borrower": .card,
        "читательский билет": .card, "номер читательского билета": .card, "номер билета": .card, "билет": .card, "читатель": .card,
        "оқырман билеті": .card, "билет нөмірі": .card, "barcode": .item, "item barcode": .item, "inventory number": .item,
        "inventory": .item, "штрихкод": .item, "штрих-код": .item, "штрих код": .item, "инвентарный номер": .item, "инв. номер": .item,
        "инв номер": .item, "түгендеу нөмірі": .item, "isbn": .isbn, "исбн": .isbn, "date": .date, "issued on": .date, "issue date": .date,
        "issuedate": .date, "checkout date": .date, "дата": .date, "дата выдачи": .date, "выдано": .date, "күні": .date,
        "берілген күні": .date, "кітап беру күні": .date,
    ]

    var rows: [Row] = []
    var problems: [Problem] = []
    /// Set when the file as a whole cannot be used (no such column, not a spreadsheet): nothing
    /// is stored.
    var failure: String?

    /// Reads the bytes as XLSX when they are a ZIP archive, else as CSV.
    init(data: Data, today: LocalDate) {
        guard let cells = UploadedTable.cells(data) else {
            self.init(cells: [], today: today)
            failure = UploadedTable.isZIP(data) ? "not_spreadsheet" : "not_table"
            return
        }
        self.init(cells: cells, today: today)
    }

    init(cells: [[String]], today: LocalDate) {
        guard let header = cells.first else {
            failure = "empty"
            return
        }
        var columns: [Column: Int] = [:]
        for (i, name) in header.enumerated() {
            if let c = Self.headers[UploadedTable.key(name)], columns[c] == nil { columns[c] = i }
        }
        guard columns[.card] != nil else {
            failure = "no_card_column"
            return
        }
        guard columns[.item] != nil || columns[.isbn] != nil else {
            failure = "no_item_column"
            return
        }
        guard columns[.date] != nil else {
            failure = "no_date_column"
            return
        }
        for (i, line) in cells.enumerated().dropFirst() {
            func cell(_ c: Column) -> String? {
                guard let at = columns[c], at < line.count else { return nil }
                let v = line[at].trimmingCharacters(in: .whitespacesAndNewlines)
                return v.isEmpty ? nil : v
            }
            if line.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            let number = i + 1
            guard let card = cell(.card) else {
                problems.append(Problem(row: number, code: "missing_card", value: ""))
                continue
            }
            let item = cell(.item)
            let isbn = cell(.isbn).flatMap(Self.isbn)
            guard item != nil || isbn != nil else {
                problems.append(Problem(row: number, code: "missing_item", value: cell(.isbn) ?? ""))
                continue
            }
            guard let raw = cell(.date), let date = Self.date(raw), date <= today else {
                problems.append(Problem(row: number, code: "bad_date", value: cell(.date) ?? ""))
                continue
            }
            rows.append(Row(row: number, card: card, item: item, isbn: isbn, date: date.iso))
        }
    }

    /// 2026-11-05, 2026-11-05 10:30, 05.11.2026, 05/11/2026, or a spreadsheet's day number from
    /// `earliestSerial` on (a loan: 1950; a birth date: 1 March 1900, after Excel's phantom 29 February).
    static func date(_ raw: String, earliestSerial: Double = 18_264) -> LocalDate? {
        if let d = LocalDate(String(raw.prefix(10))) { return d }
        let parts = raw.prefix(10).split(whereSeparator: { $0 == "." || $0 == "/" }).map { Int($0) }
        if parts.count == 3, let d = parts[0], let m = parts[1], let y = parts[2], y > 1000 {
            return LocalDate(String(format: "%04d-%02d-%02d", y, m, d))
        }
        // Excel counts days from 30 December 1899; 1950–2100 is what a loan can be.
        if let serial = Double(raw), serial >= earliestSerial, serial < 73_051 {
            let day = LocalDate(year: 1899, month: 12, day: 30).adding(days: Int(serial))
            return day
        }
        return nil
    }

    /// Digits and X of an ISBN; an ISBN-10 as its ISBN-13, the form records are matched in too.
    static func isbn(_ raw: String) -> String? {
        let v = raw.filter { $0.isASCII && ($0.isNumber || $0 == "X" || $0 == "x") }.uppercased()
        if v.count == 13 { return v }
        guard v.count == 10 else { return nil }
        return isbn13(v)
    }

    static func isbn13(_ ten: String) -> String {
        let core = "978" + ten.prefix(9)
        let sum = core.enumerated().reduce(0) { $0 + (Int(String($1.element)) ?? 0) * ($1.offset % 2 == 0 ? 1 : 3) }
        return core + String((10 - sum % 10) % 10)
    }
}
