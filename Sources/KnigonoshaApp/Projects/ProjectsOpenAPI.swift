/// The OpenAPI paths and schemas of the project registry and of event attachments.
enum ProjectsOpenAPI {
    typealias D = OpenAPIDocument
    private static let date: JSONValue = ["type": "string", "format": "date"]
    private static let uuid: JSONValue = ["type": "string", "format": "uuid"]
    private static func text(_ max: Int, required: Bool = false) -> JSONValue {
        required
            ? ["type": "string", "minLength": 1, "maxLength": .number(Double(max))]
            : ["type": ["string", "null"], "maxLength": .number(Double(max))]
    }
    private static func codes<C: LabeledCode>(_ type: C.Type) -> JSONValue { ["type": "string", "enum": .array(C.codes.map { .string($0) })] }
    private static func object(_ required: [String], _ properties: [String: JSONValue]) -> JSONValue {
        [
            "type": "object", "required": .array(required.map { .string($0) }),
            "properties": .object(properties.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }),
        ]
    }
    private static func array(_ item: JSONValue, nullable: Bool = false) -> JSONValue {
        ["type": nullable ? ["array", "null"] : "array", "items": item]
    }
    /// The file types an attachment may have.
    static let fileTypes = [
        "image/jpeg", "image/png", "application/pdf", "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "application/vnd.oasis.opendocument.presentation",
    ]

    static var paths: JSONValue {
        [
            "/projects": [
                "get": [
                    "operationId": "listProjects", "summary": "Every project, with its lists and computed indicators",
                    "responses": D.responses(("200", D.ok(array(D.ref("Project")))), ["401", "403"]),
                ],
                "post": [
                    "operationId": "createProject", "summary": "Register a project (coordinators: at their branch)",
                    "requestBody": D.body("ProjectInput"),
                    "responses": D.responses(("201", D.ok(D.ref("Project"), "Created")), ["400", "401", "403", "413", "422"]),
                ],
            ],
            "/projects/{id}": [
                "parameters": [D.idParameter],
                "get": [
                    "operationId": "getProject", "summary": "One project with its progress",
                    "responses": D.responses(("200", D.ok(D.ref("Project"))), ["401", "403", "404"]),
                ],
                "put": [
                    "operationId": "updateProject", "summary": "Change a project; a list given replaces the old one, a list left out is kept",
                    "requestBody": D.body("ProjectInput"),
                    "responses": D.responses(("200", D.ok(D.ref("Project"))), ["400", "401", "403", "404", "413", "422"]),
                ],
                "delete": [
                    "operationId": "deleteProject", "summary": "Remove a project (its events stay)",
                    "responses": D.responses(("204", ["description": "Removed"]), ["401", "403", "404"]),
                ],
            ],
            "/events/{id}/attachments": [
                "parameters": [D.idParameter],
                "get": [
                    "operationId": "listEventAttachments", "summary": "The event's photos and slides",
                    "responses": D.responses(("200", D.ok(array(D.ref("Attachment")))), ["401", "403", "404"]),
                ],
                "post": [
                    "operationId": "addEventAttachment",
                    "summary": "Attach a file sent as the raw body: JPEG, PNG, PDF, PPTX or ODP (told by its first bytes), within ATTACHMENT_MAX_MB",
                    "parameters": [
                        D.query("file_name", ["type": "string", "minLength": 1, "maxLength": 200], "The file's name, shown and used for its type")
                    ],
                    "requestBody": ["required": true, "content": ["application/octet-stream": ["schema": ["type": "string", "format": "binary"]]]],
                    "responses": D.responses(("201", D.ok(D.ref("Attachment"), "Created")), ["400", "401", "403", "404", "413", "422"]),
                ],
            ],
            "/events/{id}/attachments/{id2}": [
                "parameters": [D.idParameter, ["name": "id2", "in": "path", "required": true, "schema": uuid]],
                "get": [
                    "operationId": "getEventAttachment", "summary": "The file",
                    "responses": D.responses(
                        (
                            "200",
                            [
                                "description": "The file",
                                "content": .object(fileTypes.map { ($0, ["schema": ["type": "string", "format": "binary"]]) }),
                            ]
                        ),
                        ["401", "403", "404"]),
                ],
                "delete": [
                    "operationId": "deleteEventAttachment", "summary": "Remove the file",
                    "responses": D.responses(("204", ["description": "Removed"]), ["401", "403", "404"]),
                ],
            ],
        ]
    }

    static var schemas: JSONValue {
        let author = object([], ["user_id": ["type": ["string", "null"], "format": "uuid"], "name": text(200)])
        let presentation = object(
            ["venue", "venue_kind", "presented_on", "material"],
            [
                "venue": text(300, required: true), "venue_kk": text(300), "venue_kind": codes(VenueKind.self), "presented_on": date,
                "material": codes(PresentationMaterial.self), "link": text(500), "notes": text(2000),
            ])
        let award = object(
            ["name", "awarded_by", "awarded_on", "recipient"],
            [
                "name": text(300, required: true), "name_kk": text(300), "awarded_by": text(300, required: true), "awarded_by_kk": text(300),
                "awarded_on": date, "recipient": text(300, required: true),
            ])
        let count: JSONValue = ["type": "integer", "minimum": 0, "maximum": 100_000_000]
        let indicatorInput = object(
            ["name", "metric", "target"],
            [
                "name": text(200, required: true), "name_kk": text(200), "metric": codes(IndicatorMetric.self), "target": count,
                "manual_value": ["type": ["integer", "null"], "minimum": 0, "maximum": 100_000_000], "source": text(500),
            ])
        let input = object(
            ["name", "starts_on", "status"],
            [
                "name": text(300, required: true), "name_kk": text(300), "branch_id": ["type": ["string", "null"], "format": "uuid"],
                "organisation": text(300), "organisation_kk": text(300), "goal_kk": text(2000), "description_kk": text(8000),
                "target_groups": array(["type": "string", "enum": .array(ProjectService.groups.map { .string($0.rawValue) })], nullable: true),
                "goal": text(2000), "description": text(8000), "starts_on": date, "ends_on": ["type": ["string", "null"], "format": "date"],
                "status": codes(ProjectStatus.self), "authors": array(author, nullable: true), "presentations": array(presentation, nullable: true),
                "awards": array(award, nullable: true), "indicators": array(indicatorInput, nullable: true),
            ])
        let indicator = object(
            ["name", "metric", "target"],
            [
                "name": ["type": "string"], "name_kk": ["type": ["string", "null"]], "metric": ["type": "string"], "target": ["type": "integer"],
                "manual_value": ["type": ["integer", "null"]],
                "source": ["type": ["string", "null"]], "actual": ["type": ["integer", "null"]], "progress": ["type": ["integer", "null"]],
            ])
        let outPresentation = object(
            ["venue", "venue_kind", "presented_on", "material"],
            [
                "venue": ["type": "string"], "venue_kk": ["type": ["string", "null"]], "venue_kind": ["type": "string"], "presented_on": date,
                "material": ["type": "string"],
                "link": ["type": ["string", "null"]], "notes": ["type": ["string", "null"]],
            ])
        let outAward = object(
            ["name", "awarded_by", "awarded_on", "recipient"],
            [
                "name": ["type": "string"], "name_kk": ["type": ["string", "null"]], "awarded_by": ["type": "string"],
                "awarded_by_kk": ["type": ["string", "null"]],
                "awarded_on": date, "recipient": ["type": "string"],
            ])
        let project = object(
            [
                "id", "name", "organisation", "target_groups", "goal", "description", "starts_on", "status", "authors", "presentations", "awards",
                "indicators", "event_ids",
            ],
            [
                "id": uuid, "name": ["type": "string"], "name_kk": ["type": ["string", "null"]],
                "branch_id": ["type": ["string", "null"], "format": "uuid"],
                "organisation": ["type": "string"], "organisation_kk": ["type": ["string", "null"]], "goal_kk": ["type": ["string", "null"]],
                "description_kk": ["type": ["string", "null"]],
                "target_groups": array(["type": "string"]), "goal": ["type": "string"], "description": ["type": "string"], "starts_on": date,
                "ends_on": ["type": ["string", "null"], "format": "date"], "status": ["type": "string"],
                "authors": array(object(["name"], ["user_id": ["type": ["string", "null"], "format": "uuid"], "name": ["type": "string"]])),
                "presentations": array(outPresentation), "awards": array(outAward), "indicators": array(indicator), "event_ids": array(uuid),
            ])
        let attachment = object(
            ["id", "file_name", "content_type", "size"],
            [
                "id": uuid, "file_name": ["type": "string"], "content_type": ["type": "string"], "size": ["type": "integer", "minimum": 0],
                "created_at": ["type": ["string", "null"], "format": "date-time"],
            ])
        return ["ProjectInput": input, "Project": project, "Attachment": attachment]
    }
}
