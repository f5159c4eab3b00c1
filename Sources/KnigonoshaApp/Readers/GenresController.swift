import Fluent
import Vapor

/// The library's genre list: the page (`/genres`) and `/api/v1/genres`. Coordinators and
/// administrators add to it; readers' genres are chosen from it.
struct GenresController {
    struct GenreForm: Content {
        var name_ru: String?
        var name_kk: String?
    }

    struct GenreDTO: Content {
        var id: UUID
        var name_ru: String
        var name_kk: String
    }

    func register(web: any RoutesBuilder, api: any RoutesBuilder) {
        web.get(SiteRoute.genres.pattern, use: page)
        web.post(SiteRoute.genres.pattern, use: add)
        api.get("genres", use: list)
        api.post("genres", use: addJSON)
    }

    func page(req: Request) async throws -> Response {
        GenresView.page(req.page, list: try await GenreList.load(on: req.db), form: GenreForm(), errors: FieldErrors())
    }

    func add(req: Request) async throws -> Response {
        let form = try req.content.decode(GenreForm.self)
        let (genre, e) = try await GenreList.add(nameRu: form.name_ru, nameKk: form.name_kk, on: req.db)
        guard genre != nil else {
            return GenresView.page(req.page, list: try await GenreList.load(on: req.db), form: form, errors: e, status: .unprocessableEntity)
        }
        try await req.audit(.create, "genre", genre?.id)
        return req.seeOther(.genres, flash: "genre.added")
    }

    func list(req: Request) async throws -> [GenreDTO] {
        try await GenreList.load(on: req.db).genres.map(Self.dto)
    }

    func addJSON(req: Request) async throws -> Response {
        let input = try req.content.decode(GenreForm.self, using: JSONDecoder())
        let (added, e) = try await GenreList.add(nameRu: input.name_ru, nameKk: input.name_kk, on: req.db)
        guard let genre = added else { throw AppError.validation(e) }
        try await req.audit(.create, "genre", genre.id)
        let response = Response(status: .created)
        try response.content.encode(Self.dto(genre), as: .json)
        return response
    }

    static func dto(_ g: Genre) -> GenreDTO { GenreDTO(id: g.id!, name_ru: g.nameRu, name_kk: g.nameKk) }
}
