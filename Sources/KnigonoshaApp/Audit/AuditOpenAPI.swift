/// The OpenAPI path of the access log.
enum AuditOpenAPI {
    typealias D = OpenAPIDocument

    static var paths: JSONValue {
        [
            "/audit": [
                "get": [
                    "operationId": "listAudit",
                    "summary":
                        "Who viewed or changed what, newest first (administrators only): ids, actions, the channel and the route pattern, never personal data. Reading the log is logged",
                    "parameters": [
                        D.query("reader", ["type": "string", "maxLength": 100], "A reader's id or card number: the entries about that reader"),
                        D.query("user_id", ["type": "string", "format": "uuid"], "The account that acted"),
                        D.query("action", ["type": "string", "enum": .array(AuditAction.allCases.map { .string($0.rawValue) })], "Action"),
                        D.query("from", ["type": "string", "format": "date"], "First day, in the library's time zone"),
                        D.query("to", ["type": "string", "format": "date"], "Last day, in the library's time zone"),
                        D.query("page", ["type": "integer", "minimum": 1, "maximum": 100_000], "Page, from 1"),
                        D.query("per_page", ["type": "integer", "minimum": 1, "maximum": 200], "Entries per page (50)"),
                    ],
                    "responses": D.responses(("200", D.ok(D.ref("AuditPage"))), ["400", "401", "403", "422"]),
                ]
            ]
        ]
    }

    static var schemas: JSONValue {
        let uuid: JSONValue = ["type": "string", "format": "uuid"]
        let entry: JSONValue = [
            "type": "object", "required": ["id", "at", "action", "entity", "channel"],
            "properties": [
                "id": uuid, "at": ["type": "string", "format": "date-time"], "user_id": uuid, "user_email": ["type": "string"],
                "action": ["type": "string", "enum": .array(AuditAction.allCases.map { .string($0.rawValue) })], "entity": ["type": "string"],
                "entity_id": uuid, "channel": ["type": "string", "enum": ["web", "api", "cli", "job"]], "route": ["type": "string"],
            ],
        ]
        return [
            "AuditPage": [
                "type": "object", "required": ["items", "total", "page", "per_page"],
                "properties": [
                    "items": ["type": "array", "items": entry], "total": ["type": "integer", "minimum": 0],
                    "page": ["type": "integer", "minimum": 1], "per_page": ["type": "integer", "minimum": 1],
                ],
            ]
        ]
    }
}
