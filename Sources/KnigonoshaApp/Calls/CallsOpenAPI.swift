/// The OpenAPI paths and schemas of the day-before call list (issue 15, §3).
enum CallsOpenAPI {
    typealias D = OpenAPIDocument

    static var paths: JSONValue {
        [
            "/visits/calls": [
                "get": [
                    "operationId": "listCalls",
                    "summary":
                        "The open visits of a day (tomorrow when no date is given) with whom to call: the reader's phones and the caregiver's, as tel:, WhatsApp and Telegram links with the reminder in the reader's language, and the last call's answer. Coordinators see their branch; administrators every branch or one",
                    "parameters": [
                        ["name": "date", "in": "query", "required": false, "schema": ["type": "string", "format": "date"]],
                        ["name": "branch_id", "in": "query", "required": false, "schema": ["type": "string", "format": "uuid"]],
                    ],
                    "responses": D.responses(("200", D.ok(["type": "array", "items": D.ref("CallEntry")])), ["401", "403", "422"]),
                ]
            ],
            "/visits/{id}/calls": [
                "parameters": [D.idParameter],
                "post": [
                    "operationId": "recordCall",
                    "summary":
                        "The answer to a reminder call: confirmed and no_answer are noted; moved moves the visit to moved_to, cancelled cancels it (reason, the reader's refusal by default), with the call in one transaction",
                    "requestBody": D.body("CallInput"),
                    "responses": D.responses(("201", D.ok(D.ref("CallAnswer"), "Created")), ["400", "401", "403", "404", "413", "422"]),
                ],
            ],
        ]
    }

    static var schemas: JSONValue {
        let uuid: JSONValue = ["type": "string", "format": "uuid"]
        let text: JSONValue = ["type": "string"]
        let maybe: JSONValue = ["type": ["string", "null"]]
        let results: JSONValue = .array(CallResult.codes.map { .string($0) })
        return [
            "CallInput": [
                "type": "object", "required": ["result"],
                "description": "`moved_to` is required for `moved`: a day from today on, not the visit's own",
                "properties": [
                    "result": ["type": "string", "enum": results], "moved_to": ["type": ["string", "null"], "format": "date"],
                    "reason": ["type": ["string", "null"], "enum": .array(CancelReason.codes.map { .string($0) } + [.null])],
                    "note": ["type": ["string", "null"], "maxLength": 500],
                ],
            ],
            "CallAnswer": [
                "type": "object", "required": ["result"],
                "properties": [
                    "result": ["type": "string", "enum": results], "at": ["type": ["string", "null"], "format": "date-time"], "moved_to": maybe,
                    "note": maybe,
                ],
            ],
            "CallEntry": [
                "type": "object",
                "required": ["visit_id", "scheduled_on", "reader_id", "reader_name", "card_number", "language", "reminder", "contacts"],
                "properties": [
                    "visit_id": uuid, "scheduled_on": ["type": "string", "format": "date"], "time_from": maybe, "time_to": maybe, "reader_id": uuid,
                    "reader_name": text, "card_number": text, "preferred_channel": maybe,
                    "language": ["type": "string", "enum": ["ru", "kk", "en"]],
                    "reminder": text, "carrier_name": maybe,
                    "contacts": [
                        "type": "array",
                        "items": [
                            "type": "object", "required": ["who", "number", "tel", "whatsapp", "telegram"],
                            "properties": [
                                "who": ["type": "string", "enum": ["reader", "caregiver"]], "name": maybe, "label": maybe, "number": text,
                                "tel": text,
                                "whatsapp": text, "telegram": text,
                            ],
                        ],
                    ],
                    "last_call": ["oneOf": [D.ref("CallAnswer"), ["type": "null"]]],
                ],
            ],
        ]
    }
}
