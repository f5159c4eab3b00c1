/// The OpenAPI paths and schemas of the library's genre list.
enum GenresOpenAPI {
    typealias D = OpenAPIDocument
    private static let name: JSONValue = ["type": "string", "minLength": 1, "maxLength": 100]

    static var paths: JSONValue {
        [
            "/genres": [
                "get": [
                    "operationId": "listGenres", "summary": "The library's genre list; a reader's genres are chosen from it",
                    "responses": D.responses(("200", D.ok(["type": "array", "items": D.ref("Genre")])), ["401", "403"]),
                ],
                "post": [
                    "operationId": "addGenre", "summary": "Add a genre, named in Russian and Kazakh", "requestBody": D.body("GenreInput"),
                    "responses": D.responses(("201", D.ok(D.ref("Genre"), "Created")), ["400", "401", "403", "413", "422"]),
                ],
            ]
        ]
    }

    static var schemas: JSONValue {
        [
            "Genre": [
                "type": "object", "required": ["id", "name_ru", "name_kk"],
                "properties": ["id": ["type": "string", "format": "uuid"], "name_ru": ["type": "string"], "name_kk": ["type": "string"]],
            ],
            "GenreInput": ["type": "object", "required": ["name_ru", "name_kk"], "properties": ["name_ru": name, "name_kk": name]],
        ]
    }
}
