/// The OpenAPI 3.1 description of `/api/v1`.
enum OpenAPIDocument {
    static func build() -> JSONValue {
        [
            "openapi": "3.1.0",
            "info": [
                "title": "Knigonosha API",
                "version": "1.0.0",
                "description":
                    "Home delivery of library books: readers, branches. Authenticate with a personal token from the profile page, sent as `Authorization: Bearer <token>`. Errors are `{\"error\": …, \"fields\": {name: message}}`.",
            ],
            "servers": [["url": "/api/v1"]],
            "security": [["bearerAuth": []]],
            "components": [
                "securitySchemes": [
                    "bearerAuth": ["type": "http", "scheme": "bearer"],
                    "sessionCookie": ["type": "apiKey", "in": "cookie", "name": .string(SessionAuthMiddleware.cookie)],
                ],
                "schemas": OpenAPISchemas.all.merging(DeliveryOpenAPI.schemas).merging(CarrierOpenAPI.schemas).merging(EventsOpenAPI.schemas)
                    .merging(ProjectsOpenAPI.schemas).merging(StatsOpenAPI.schemas).merging(GenresOpenAPI.schemas)
                    .merging(HistoryOpenAPI.schemas).merging(ReaderImportOpenAPI.schemas)
                    .merging(CatalogSyncOpenAPI.schemas).merging(AuditOpenAPI.schemas).merging(PrivacyOpenAPI.schemas).merging(
                        ConsentsOpenAPI.schemas
                    ).merging(CarriersOpenAPI.schemas).merging(CallsOpenAPI.schemas).merging(WeekPlanOpenAPI.schemas),
                "responses": [
                    "BadRequest": error("Malformed request, for example a body that is not JSON"),
                    "Unauthorized": error("No valid bearer token"),
                    "Forbidden": error("The account's role or branch does not allow this"),
                    "NotFound": error("No such record"),
                    "TooLarge": error("The body is larger than 1 MB"),
                    "Invalid": error("Validation failed; `fields` names each field with its problem"),
                    "Conflict": error("The record is not in a state that allows this, or someone else got there first"),
                ],
            ],
            "paths": paths.merging(DeliveryOpenAPI.paths).merging(CarrierOpenAPI.paths).merging(EventsOpenAPI.paths)
                .merging(ProjectsOpenAPI.paths).merging(StatsOpenAPI.paths).merging(GenresOpenAPI.paths)
                .merging(HistoryOpenAPI.paths).merging(ReaderImportOpenAPI.paths)
                .merging(CatalogSyncOpenAPI.paths).merging(AuditOpenAPI.paths).merging(PrivacyOpenAPI.paths).merging(ConsentsOpenAPI.paths)
                .merging(CarriersOpenAPI.paths).merging(CallsOpenAPI.paths).merging(WeekPlanOpenAPI.paths),
        ]
    }

    private static func error(_ description: String) -> JSONValue {
        ["description": .string(description), "content": ["application/json": ["schema": ["$ref": "#/components/schemas/Error"]]]]
    }

    static func ref(_ name: String) -> JSONValue { ["$ref": .string("#/components/schemas/\(name)")] }

    static func ok(_ schema: JSONValue, _ description: String = "OK") -> JSONValue {
        ["description": .string(description), "content": ["application/json": ["schema": schema]]]
    }

    static func responses(_ success: (String, JSONValue), _ errors: [String]) -> JSONValue {
        var pairs: [(String, JSONValue)] = [success]
        let names = [
            "400": "BadRequest", "401": "Unauthorized", "403": "Forbidden", "404": "NotFound", "409": "Conflict", "413": "TooLarge",
            "422": "Invalid",
        ]
        for code in errors { pairs.append((code, ["$ref": .string("#/components/responses/\(names[code]!)")])) }
        return .object(pairs)
    }

    static func body(_ schema: String) -> JSONValue {
        ["required": true, "content": ["application/json": ["schema": ref(schema)]]]
    }

    /// A file uploaded as the body: CSV text or an XLSX workbook (the library system's exports).
    static let spreadsheetBody: JSONValue = [
        "required": true,
        "content": [
            "text/csv": ["schema": ["type": "string"]],
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ["schema": ["type": "string", "format": "binary"]],
        ],
    ]

    static let idParameter: JSONValue = [
        "name": "id", "in": "path", "required": true, "schema": ["type": "string", "format": "uuid"],
    ]

    private static let intIDParameter: JSONValue = [
        "name": "id", "in": "path", "required": true, "schema": ["type": "integer", "minimum": 1],
    ]

    private static var catalogParameterList: [JSONValue] {
        [
            query("q", ["type": "string", "maxLength": 200], "Words; the last one also matches as a prefix"),
            query("format", ["type": "string", "enum": .array(MaterialFormatCode.codes.map { .string($0) })], "Format"),
            query("language", ["type": "string", "pattern": "^[a-z]{3}$"], "ISO 639-2 language code"),
            query("branch", ["type": "string", "format": "uuid"], "Only records with a copy available at this branch"),
            query("year_from", ["type": "integer", "minimum": 1000, "maximum": 2200], "Published in or after"),
            query("year_to", ["type": "integer", "minimum": 1000, "maximum": 2200], "Published in or before"),
            query("audience", ["type": "string", "minLength": 1, "maxLength": 40], "Target audience"),
            query("page", ["type": "integer", "minimum": 1, "maximum": .number(Double(CatalogQuery.maxPage))], "Page number"),
            query("per_page", ["type": "integer", "minimum": 1, "maximum": .number(Double(CatalogQuery.maxPerPage))], "Items per page"),
        ]
    }

    private static var catalogParameters: JSONValue { .array(catalogParameterList) }

    static func query(_ name: String, _ schema: JSONValue, _ description: String) -> JSONValue {
        ["name": .string(name), "in": "query", "required": false, "schema": schema, "description": .string(description)]
    }

    private static var readerListParameters: JSONValue {
        [
            query("q", ["type": "string", "maxLength": 200], "Name, phone or card number; case-insensitive, ё = е"),
            query("branch", ["type": "string", "format": "uuid"], "Branch id"),
            query("status", ["type": "string", "enum": .array(ReaderStatus.codes.map { .string($0) })], "Status"),
            query("disability", ["type": "string", "enum": .array(DisabilityGroup.codes.map { .string($0) })], "Disability group"),
            query("format", ["type": "string", "enum": .array(MaterialFormat.codes.map { .string($0) })], "Preferred format"),
            query("language", ["type": "string", "enum": .array(MaterialLanguage.codes.map { .string($0) })], "Language of materials"),
            query("sort", ["type": "string", "enum": .array(ReaderQuery.sorts.map { .string($0) })], "Sort order; a leading minus reverses it"),
            query("page", ["type": "integer", "minimum": 1, "maximum": .number(Double(ReaderQuery.maxPage))], "Page number, from 1"),
            query("per_page", ["type": "integer", "minimum": 1, "maximum": .number(Double(ReaderQuery.maxPerPage))], "Items per page"),
        ]
    }

    private static var paths: JSONValue {
        [
            "/openapi.json": [
                "get": [
                    "operationId": "getOpenAPI", "summary": "This document", "security": [],
                    "responses": ["200": ok(["type": "object"])],
                ]
            ],
            "/session/csrf": [
                "get": [
                    "operationId": "getSessionCSRF",
                    "summary":
                        "The run page's CSRF header token for its web session (`X-CSRF-Token`); bearer clients need none and get 401",
                    "security": [["sessionCookie": []]],
                    "responses": responses(("200", ok(ref("SessionCSRF"))), ["401"]),
                ]
            ],
            "/me": [
                "get": [
                    "operationId": "getMe", "summary": "The account the token belongs to",
                    "responses": responses(("200", ok(ref("Me"))), ["401"]),
                ]
            ],
            "/branches": [
                "get": [
                    "operationId": "listBranches", "summary": "All branches",
                    "responses": responses(("200", ok(["type": "array", "items": ref("Branch")])), ["401"]),
                ],
                "post": [
                    "operationId": "createBranch", "summary": "Create a branch (administrators)", "requestBody": body("BranchInput"),
                    "responses": responses(("201", ok(ref("Branch"), "Created")), ["400", "401", "403", "413", "422"]),
                ],
            ],
            "/branches/{id}": [
                "parameters": [idParameter],
                "get": [
                    "operationId": "getBranch", "summary": "One branch",
                    "responses": responses(("200", ok(ref("Branch"))), ["401", "404"]),
                ],
                "put": [
                    "operationId": "updateBranch", "summary": "Replace a branch's details (administrators)",
                    "requestBody": body("BranchInput"),
                    "responses": responses(("200", ok(ref("Branch"))), ["400", "401", "403", "404", "413", "422"]),
                ],
            ],
            "/readers": [
                "get": [
                    "operationId": "listReaders", "summary": "Search and filter readers (coordinators see their branch)",
                    "parameters": readerListParameters,
                    "responses": responses(("200", ok(ref("ReaderPage"))), ["400", "401", "403", "422"]),
                ],
                "post": [
                    "operationId": "createReader", "summary": "Register a reader", "requestBody": body("ReaderInput"),
                    "responses": responses(("201", ok(ref("Reader"), "Created")), ["400", "401", "403", "413", "422"]),
                ],
            ],
            "/readers/{id}": [
                "parameters": [idParameter],
                "get": [
                    "operationId": "getReader", "summary": "One reader's record",
                    "responses": responses(("200", ok(ref("Reader"))), ["401", "403", "404"]),
                ],
                "put": [
                    "operationId": "updateReader", "summary": "Replace a reader's record; every changed field is logged",
                    "requestBody": body("ReaderInput"),
                    "responses": responses(("200", ok(ref("Reader"))), ["400", "401", "403", "404", "409", "413", "422"]),
                ],
                "delete": PrivacyOpenAPI.eraseOperation,
            ],
            "/catalog": [
                "get": [
                    "operationId": "searchCatalog", "summary": "Search the catalogue: words (stemmed Russian, Kazakh and English), filters, pages",
                    "parameters": catalogParameters,
                    "responses": responses(("200", ok(ref("BibPage"))), ["400", "401", "403", "422"]),
                ]
            ],
            "/catalog/{id}": [
                "parameters": [intIDParameter],
                "get": [
                    "operationId": "getCatalogRecord", "summary": "One record with its copies",
                    "responses": responses(("200", ok(ref("Bib"))), ["401", "403", "404"]),
                ],
            ],
            "/catalog/{id}/copies": [
                "parameters": [intIDParameter],
                "post": [
                    "operationId": "addCatalogCopy", "summary": "Add a copy to a record", "requestBody": body("CopyInput"),
                    "responses": responses(("201", ok(ref("Copy"), "Created")), ["400", "401", "403", "404", "413", "422"]),
                ],
            ],
            "/catalog/export": [
                "get": [
                    "operationId": "exportCatalog", "summary": "MARC 21 (ISO 2709, UTF-8) or MARCXML for a search or for chosen ids",
                    "parameters": .array(
                        [
                            query("format", ["type": "string", "enum": ["marc21", "marcxml"]], "Output format"),
                            query("ids", ["type": "string", "pattern": "^[0-9]+(,[0-9]+)*$"], "Record ids, comma-separated"),
                        ] + catalogParameterList
                    ),
                    "responses": .object([
                        (
                            "200",
                            [
                                "description": "The records",
                                "content": [
                                    "application/marc": ["schema": ["type": "string", "format": "binary"]],
                                    "application/marcxml+xml": ["schema": ["type": "string"]],
                                ],
                            ]
                        ),
                        ("400", ["$ref": "#/components/responses/BadRequest"]),
                        ("401", ["$ref": "#/components/responses/Unauthorized"]), ("403", ["$ref": "#/components/responses/Forbidden"]),
                        ("422", ["$ref": "#/components/responses/Invalid"]),
                    ]),
                ]
            ],
            "/catalog/imports": [
                "post": [
                    "operationId": "startCatalogImport", "summary": "Queue an import of an ISO 2709 or MARCXML file sent as the body (64 MB at most)",
                    "parameters": [
                        query("syntax", ["type": "string", "enum": ["iso2709", "marcxml", "csv"]], "Default: detected"),
                        query("flavor", ["type": "string", "enum": ["marc21", "unimarc"]], "Default: detected per record"),
                        query("encoding", ["type": "string", "enum": ["utf-8", "marc-8", "windows-1251"]], "Default: detected per record"),
                        query("name", ["type": "string", "maxLength": 200], "The file's name, for the report"),
                    ],
                    "requestBody": ["required": true, "content": ["application/octet-stream": ["schema": ["type": "string", "format": "binary"]]]],
                    "responses": responses(("202", ok(ref("ImportJob"), "Queued")), ["400", "401", "403", "413", "422"]),
                ]
            ],
            "/catalog/imports/{id}": [
                "parameters": [idParameter],
                "get": [
                    "operationId": "getCatalogImport", "summary": "An import's progress and its report of skipped records",
                    "responses": responses(("200", ok(ref("ImportJob"))), ["401", "403", "404"]),
                ],
            ],
            "/catalog/imports/{id}/cancel": [
                "parameters": [idParameter],
                "post": [
                    "operationId": "cancelCatalogImport",
                    "summary":
                        "Cancel an import that is queued or running; records already imported stay. Cancelling a cancelled import again is harmless; a finished one is 409",
                    "responses": responses(("200", ok(ref("ImportJob"), "Cancelled")), ["401", "403", "404", "409"]),
                ],
            ],
            "/readers/{id}/history": [
                "parameters": [idParameter],
                "get": [
                    "operationId": "getReaderHistory", "summary": "Who changed which field, and when",
                    "responses": responses(("200", ok(["type": "array", "items": ref("Change")])), ["401", "403", "404"]),
                ],
            ],
        ]
    }
}
