import Foundation

/// Readers exported by the library system (ИРБИС64, Koha, КАБИС…): one reader a row, headers in
/// Russian, Kazakh or English, or Koha's patron import names, in any order. Only the columns this
/// service keeps are read; the rest of a row (e-mail, category, expiry) is left alone.
struct ReaderFile {
    enum Column: String, CaseIterable, Sendable {
        case card, fullName, familyName, givenName, patronymic, birthDate, branch, phone, settlement, street, building, apartment
        case address, disability, registeredOn, notes
    }

    struct Row: Sendable, Equatable {
        let row: Int
        let cells: [Column: String]
    }

    /// The header names each column is known by, compared after `UploadedTable.key`.
    static let headers: [Column: [String]] = [
        .card: [
            "card", "card number", "cardnumber", "reader card", "читательский билет", "номер читательского билета", "номер билета",
            "билет", "оқырман билеті", "оқырман билетінің нөмірі", "билет нөмірі",
        ],
        .fullName: ["фио", "ф.и.о.", "name", "full name", "читатель", "аты-жөні", "толық аты-жөні", "оқырман"],
        .familyName: ["фамилия", "surname", "family name", "last name", "тегі"],
        .givenName: ["имя", "firstname", "first name", "given name", "аты"],
        .patronymic: ["отчество", "patronymic", "middle name", "әкесінің аты"],
        .birthDate: ["дата рождения", "dateofbirth", "date of birth", "birth date", "birthdate", "туған күні"],
        .branch: ["филиал", "библиотека", "branch", "branchcode", "library", "филиалы", "кітапхана", "бөлімше"],
        .phone: ["телефон", "телефоны", "phone", "mobile", "phone number", "телефон нөмірі", "мобильный телефон"],
        .settlement: ["населенный пункт", "город", "село", "city", "town", "settlement", "елді мекен", "қала", "ауыл"],
        .street: ["улица", "street", "көше"],
        .building: ["дом", "streetnumber", "street number", "building", "house", "үй", "үй нөмірі"],
        .apartment: ["квартира", "кв.", "apartment", "flat", "address2", "пәтер"],
        .address: ["адрес", "address", "мекенжай", "мекен-жай"],
        .disability: ["группа инвалидности", "инвалидность", "disability", "disability group", "мүгедектік тобы", "мүгедектік"],
        .registeredOn: ["дата записи", "дата регистрации", "dateenrolled", "registered", "registered on", "тіркелген күні"],
        .notes: ["примечание", "примечания", "notes", "borrowernotes", "ескертпе", "ескертпелер"],
    ]

    var rows: [Row] = []
    /// The header of each column found, as the file wrote it: errors name the column a person sees.
    var columns: [Column: String] = [:]
    /// Where each column found stands in the file, so that a row's errors read left to right.
    var positions: [Column: Int] = [:]
    /// Set when the file as a whole cannot be used; nothing is stored.
    var failure: String?

    init(data: Data) {
        guard let cells = UploadedTable.cells(data) else {
            self.init(cells: [])
            failure = UploadedTable.isZIP(data) ? "not_spreadsheet" : "not_table"
            return
        }
        self.init(cells: cells)
    }

    init(cells: [[String]]) {
        guard let header = cells.first, cells.count > 1 else {
            failure = "empty"
            return
        }
        var lookup: [String: Column] = [:]
        for (column, names) in Self.headers { for name in names { lookup[name] = column } }
        var at: [Column: Int] = [:]
        for (i, name) in header.enumerated() {
            if let c = lookup[UploadedTable.key(name)], at[c] == nil {
                at[c] = i
                columns[c] = name.trimmingCharacters(in: .whitespacesAndNewlines)
            }
        }
        if at[.card] == nil {
            failure = "no_card_column"
        } else if at[.fullName] == nil && (at[.familyName] == nil || at[.givenName] == nil) {
            failure = "no_name_column"
        } else if at[.address] == nil && (at[.street] == nil || at[.building] == nil) {
            failure = "no_address_column"
        }
        guard failure == nil else { return }
        positions = at
        for (i, line) in cells.enumerated().dropFirst() {
            if line.allSatisfy({ $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }) { continue }
            var row: [Column: String] = [:]
            for (column, index) in at where index < line.count {
                let v = line[index].trimmingCharacters(in: .whitespacesAndNewlines)
                if !v.isEmpty { row[column] = v }
            }
            rows.append(Row(row: i + 1, cells: row))
        }
        if rows.isEmpty { failure = "empty" }
    }
}
