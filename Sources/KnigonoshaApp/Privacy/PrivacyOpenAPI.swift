/// The OpenAPI paths of a reader's data rights: the subject-access export, anonymisation and
/// erasure (the DELETE on `/readers/{id}` is listed with that path in `OpenAPIDocument`).
enum PrivacyOpenAPI {
    typealias D = OpenAPIDocument

    static let reasonSchema: JSONValue = ["type": "string", "enum": .array(RemovalReason.chosen.map { .string($0.rawValue) })]

    /// `DELETE /readers/{id}`: the reason in the query, since a DELETE body has no defined meaning.
    static var eraseOperation: JSONValue {
        [
            "operationId": "eraseReader",
            "summary":
                "Erase a reader's personal data for good (administrators only): the row stays, empty, so that the statistics keep their counts. Refused while books are on loan or visits are open",
            "parameters": [["name": "reason", "in": "query", "required": true, "schema": reasonSchema, "description": "Why"]],
            "responses": D.responses(("200", D.ok(D.ref("RemovalResult"))), ["400", "401", "403", "404", "422"]),
        ]
    }

    static var paths: JSONValue {
        [
            "/readers/{id}/export": [
                "parameters": [D.idParameter],
                "get": [
                    "operationId": "exportReader",
                    "summary":
                        "Everything held about one reader: record, consents, visits with their chosen and refused titles and their history, loans and ratings, reading history, change history and who opened the record or its visits. The export is itself logged",
                    "responses": D.responses(("200", D.ok(D.ref("ReaderExport"))), ["401", "403", "404"]),
                ],
            ],
            "/readers/{id}/anonymise": [
                "parameters": [D.idParameter],
                "post": [
                    "operationId": "anonymiseReader",
                    "summary":
                        "Anonymise a reader for good (administrators only): personal fields go, visits, loans and every statistic stay under a pseudonym. Refused while books are on loan or visits are open",
                    "requestBody": D.body("RemovalInput"),
                    "responses": D.responses(("200", D.ok(D.ref("RemovalResult"))), ["400", "401", "403", "404", "413", "422"]),
                ],
            ],
        ]
    }

    static var schemas: JSONValue {
        let uuid: JSONValue = ["type": "string", "format": "uuid"]
        let date: JSONValue = ["type": "string", "format": "date"]
        let time: JSONValue = ["type": "string", "format": "date-time"]
        let text: JSONValue = ["type": "string"]
        func list(_ required: [String], _ properties: [(String, JSONValue)]) -> JSONValue {
            ["type": "array", "items": ["type": "object", "required": .array(required.map { .string($0) }), "properties": .object(properties)]]
        }
        return [
            "RemovalInput": ["type": "object", "required": ["reason"], "properties": ["reason": reasonSchema]],
            "RemovalResult": [
                "type": "object", "required": ["id", "removed_as", "removed_on", "removal_reason"],
                "properties": [
                    "id": uuid, "removed_as": ["type": "string", "enum": ["anonymised", "erased"]], "removed_on": date, "removal_reason": text,
                ],
            ],
            "ReaderExport": [
                "type": "object",
                "required": [
                    "generated_at", "language", "reader", "consents", "visits", "visit_items", "selection_rejections", "visit_events", "loans",
                    "reading_history", "changes", "access_log",
                ],
                "properties": [
                    "generated_at": time, "language": ["type": "string", "enum": ["ru", "kk", "en"]], "reader": D.ref("Reader"),
                    "removal": ["type": "object", "required": ["kind"], "properties": ["kind": text, "on": date, "reason": text]],
                    "consents": ["type": "array", "items": D.ref("Consent")],
                    "visits": list(
                        ["id", "scheduled_on", "kind", "status"],
                        [
                            ("id", uuid), ("scheduled_on", date), ("kind", text), ("status", text), ("reason", text), ("time_from", text),
                            ("time_to", text), ("carrier_name", text), ("requested_by", text), ("request_text", text), ("comment", text),
                            ("completed_at", time),
                        ]),
                    "visit_items": list(
                        ["visit_id", "scheduled_on", "title", "state"],
                        [
                            ("visit_id", uuid), ("scheduled_on", date), ("title", text),
                            ("state", ["type": "string", "enum": .array(ItemState.allCases.map { .string($0.rawValue) })]),
                        ]),
                    "selection_rejections": list(
                        ["visit_id", "scheduled_on"], [("visit_id", uuid), ("scheduled_on", date), ("title", text), ("at", time)]),
                    "visit_events": list(
                        ["visit_id", "at", "kind"],
                        [
                            ("visit_id", uuid), ("at", time), ("kind", text), ("from_value", text), ("to_value", text), ("user_name", text),
                        ]),
                    "loans": list(
                        ["id", "title", "issued_on", "due_on", "status"],
                        [
                            ("id", uuid), ("title", text), ("issued_on", date), ("due_on", date), ("returned_on", date), ("status", text),
                            ("rating", ["type": "integer"]), ("comment", text),
                        ]),
                    "reading_history": list(["title", "read_on", "source"], [("title", text), ("read_on", date), ("source", text)]),
                    "changes": list(
                        ["changed_at", "field"],
                        [("changed_at", time), ("field", text), ("old_value", text), ("new_value", text), ("user_name", text)]),
                    "access_log": list(
                        ["at", "entity", "action", "channel"],
                        [
                            ("at", time), ("entity", ["type": "string", "enum": ["reader", "visit"]]), ("entity_id", uuid), ("action", text),
                            ("channel", text), ("route", text), ("user_name", text),
                        ]),
                ],
            ],
        ]
    }
}
