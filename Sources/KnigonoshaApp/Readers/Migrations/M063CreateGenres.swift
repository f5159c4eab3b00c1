import Fluent
import Foundation
import SQLKit

/// The library's genre list, started with the genres home readers ask for most; the library adds
/// its own. Readers' genres written as free text before this stay as they are.
struct M063CreateGenres: AsyncMigration {
    static let initial: [(ru: String, kk: String)] = [
        ("Биография", "Өмірбаян"), ("Детектив", "Детектив"), ("Драматургия", "Драматургия"), ("Здоровье", "Денсаулық"),
        ("Исторический роман", "Тарихи роман"), ("Классика", "Классика"), ("Краеведение", "Өлкетану"),
        ("Любовный роман", "Махаббат туралы роман"), ("Мемуары", "Естеліктер"), ("Повесть", "Повесть"), ("Поэзия", "Поэзия"),
        ("Приключения", "Шытырман оқиға"), ("Публицистика", "Публицистика"), ("Рассказы", "Әңгімелер"), ("Религия", "Дін"),
        ("Роман", "Роман"), ("Сказки", "Ертегілер"), ("Фантастика", "Фантастика"), ("Фэнтези", "Фэнтези"), ("Юмор", "Әзіл-оспақ"),
    ]

    func prepare(on database: any Database) async throws {
        try await database.schema(Genre.schema)
            .id()
            .field("created_at", .datetime)
            .field("name_ru", .string, .required)
            .field("name_kk", .string, .required)
            .unique(on: "name_ru")
            .unique(on: "name_kk")
            .create()
        // Plain rows, not the model: a migration must keep working when the model changes later.
        guard let sql = database as? any SQLDatabase else { return }
        for g in Self.initial {
            try await sql.insert(into: Genre.schema).columns("id", "created_at", "name_ru", "name_kk")
                .values(SQLBind(UUID()), SQLBind(Date()), SQLBind(g.ru), SQLBind(g.kk)).run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Genre.schema).delete()
    }
}
