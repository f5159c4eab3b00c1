import Foundation

extension HoldingStatus {
    /// A status written as words (MARC 21 876$j, a CSV column), in English, Russian or Kazakh;
    /// `unknown` with the text as written when no word is known, nil when it is empty. Negative
    /// forms are looked for first: «not available» is not «available».
    public init?(text: String) {
        let raw = BibliographicMapping.trim(text)
        guard !raw.isEmpty else { return nil }
        let t = raw.lowercased().replacingOccurrences(of: "ё", with: "е").replacingOccurrences(of: "_", with: " ")
        for (status, stems) in Self.stems where stems.contains(where: { t.contains($0) }) {
            self = status
            return
        }
        if let status = Self.exact[t] {
            self = status
            return
        }
        self = .unknown(raw)
    }

    /// Stems that may stand anywhere in the text, in the order they are tried.
    static let stems: [(HoldingStatus, [String])] = [
        (
            .notForLoan,
            [
                "not for loan", "notforloan", "reference", "library use only", "in-library use", "not available", "unavailable",
                "on order", "ordered", "не выда", "не выдается", "только в чит", "читальн", "бронеполк", "недоступ", "в переплет",
                "ожидается", "берілмейді", "оқу зал",
            ]
        ),
        (.withdrawn, ["withdrawn", "discarded", "weeded", "written off", "списан", "выбыл", "есептен шығ", "шығарылған"]),
        (.lost, ["lost", "missing", "утерян", "утрачен", "потерян", "отсутств", "жоғал"]),
        (.onLoan, ["on loan", "onloan", "checked out", "charged", "issued", "loaned", "выдан", "на руках", "берілген", "оқырманда"]),
        (.damaged, ["damaged", "поврежд", "ветх", "бүлінген", "зақымдал"]),
        (.available, ["available", "on shelf", "checked in", "доступ", "в наличии", "на месте", "на полке", "свобод", "қолжетімді", "орнында"]),
    ]

    /// Whole values too short to look for inside other words.
    static let exact: [String: HoldingStatus] = ["in": .available, "бар": .available, "out": .onLoan]
}

extension HoldingStatus: CustomStringConvertible {
    public var description: String { raw.map { "unknown(\($0))" } ?? code }
}
