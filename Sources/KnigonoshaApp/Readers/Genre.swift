import Fluent
import TextKit
import Vapor

/// A genre a reader can like, from the library's own list. A reader's genre is stored by its
/// Russian name, the language most of the catalogue's genre headings are in, so that selection
/// matches it; the Kazakh name is what a Kazakh-speaking coordinator sees.
final class Genre: Model, @unchecked Sendable {
    static let schema = "genres"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Field(key: "name_ru") var nameRu: String
    @Field(key: "name_kk") var nameKk: String

    init() {}

    init(nameRu: String, nameKk: String) {
        self.nameRu = nameRu
        self.nameKk = nameKk
    }

    /// English has no name of its own: the Russian one is shown, as in the catalogue.
    func name(_ lang: Lang) -> String { lang == .kk ? nameKk : nameRu }
}

/// The library's genre list: reading it, adding to it, and reading a reader's choices against it.
struct GenreList: Sendable {
    let genres: [Genre]

    static func load(on db: any Database) async throws -> GenreList {
        GenreList(genres: try await Genre.query(on: db).sort(\.$nameRu).all())
    }

    /// The list's genre a submitted value names, in either language, ignoring case and spacing.
    func find(_ value: String) -> Genre? {
        let key = SearchFolding.fold(value)
        return genres.first { SearchFolding.fold($0.nameRu) == key || SearchFolding.fold($0.nameKk) == key }
    }

    /// The label for a stored value: the genre's name in `lang`, or the value itself when it is
    /// not (or no longer) on the list.
    func label(_ stored: String, _ lang: Lang) -> String { find(stored)?.name(lang) ?? stored }

    /// Adds a genre after checking both names; a name already on the list, in either language, is refused.
    static func add(nameRu rawRu: String?, nameKk rawKk: String?, on db: any Database) async throws -> (Genre?, FieldErrors) {
        var e = FieldErrors()
        let ru = e.oneLine(rawRu, "name_ru", required: true, max: 100)
        let kk = e.oneLine(rawKk, "name_kk", required: true, max: 100)
        let list = try await load(on: db)
        if let ru, list.find(ru) != nil { e.add("name_ru", "genre.exists") }
        if let kk, list.find(kk) != nil { e.add("name_kk", "genre.exists") }
        guard e.isEmpty, let ru, let kk else { return (nil, e) }
        let genre = Genre(nameRu: ru, nameKk: kk)
        try await genre.create(on: db)
        return (genre, e)
    }
}
