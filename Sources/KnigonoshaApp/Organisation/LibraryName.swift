import Fluent
import Vapor

/// The library's official name in Russian and Kazakh, which heads printed reports and
/// spreadsheets. Kept in `library_settings` beside the delivery settings.
struct LibraryName: Sendable, Equatable {
    var ru: String?
    var kk: String?

    static let keys = (ru: "library_name_ru", kk: "library_name_kk")

    static func load(on db: any Database) async throws -> LibraryName {
        var n = LibraryName()
        for row in try await LibrarySetting.query(on: db).filter(\.$id ~~ [keys.ru, keys.kk]).all() {
            if row.id == keys.ru { n.ru = row.value.isEmpty ? nil : row.value }
            if row.id == keys.kk { n.kk = row.value.isEmpty ? nil : row.value }
        }
        return n
    }

    func save(on db: any Database) async throws {
        try await LibrarySetting.put(Self.keys.ru, ru ?? "", on: db)
        try await LibrarySetting.put(Self.keys.kk, kk ?? "", on: db)
    }

    /// The name in `lang`; English reports use the Russian name. A missing Kazakh name falls back
    /// to the Russian one, marked, so that nobody takes it for the state-language version.
    func name(_ ctx: PageContext) -> String {
        switch ctx.lang {
        case .kk: kk ?? ru.map { $0 + " " + ctx.t("content.not_in_kazakh") } ?? ctx.t("report.library_unnamed")
        case .ru, .en: ru ?? kk ?? ctx.t("report.library_unnamed")
        }
    }
}
