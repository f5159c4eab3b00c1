/// The OpenAPI paths and schemas of a reader's consents.
enum ConsentsOpenAPI {
    typealias D = OpenAPIDocument

    static var paths: JSONValue {
        let consent: JSONValue = ["name": "id2", "in": "path", "required": true, "schema": ["type": "string", "format": "uuid"]]
        let binary: JSONValue = ["schema": ["type": "string", "format": "binary"]]
        return [
            "/readers/{id}/consents": [
                "parameters": [D.idParameter],
                "get": [
                    "operationId": "listReaderConsents",
                    "summary": "Every consent recorded for the reader, withdrawn ones included, with where each stands today",
                    "responses": D.responses(("200", D.ok(["type": "array", "items": D.ref("Consent")])), ["401", "403", "404"]),
                ],
                "post": [
                    "operationId": "addReaderConsent",
                    "summary":
                        "Record a consent for one purpose. The reader's consent fields follow the latest consent of each purpose; a caregiver's consent names who gave it",
                    "requestBody": D.body("ConsentInput"),
                    "responses": D.responses(("201", D.ok(D.ref("Consent"), "Created")), ["400", "401", "403", "404", "409", "413", "422"]),
                ],
            ],
            "/readers/{id}/consents/{id2}/withdraw": [
                "parameters": [D.idParameter, consent],
                "post": [
                    "operationId": "withdrawReaderConsent",
                    "summary":
                        "Withdraw a consent from a day (today when none is given). A withdrawn service consent stops the planning of visits from that day",
                    "requestBody": ["required": false, "content": ["application/json": ["schema": D.ref("ConsentWithdrawal")]]],
                    "responses": D.responses(("200", D.ok(D.ref("Consent"))), ["400", "401", "403", "404", "409", "413", "422"]),
                ],
            ],
            "/readers/{id}/consents/{id2}/scan": [
                "parameters": [D.idParameter, consent],
                "get": [
                    "operationId": "getReaderConsentScan", "summary": "The scan of the signed consent",
                    "responses": D.responses(
                        ("200", ["description": "The scan", "content": ["application/pdf": binary, "image/jpeg": binary, "image/png": binary]]),
                        ["401", "403", "404"]),
                ],
                "put": [
                    "operationId": "putReaderConsentScan",
                    "summary":
                        "Attach the scan, sent as the raw body: PDF, JPEG or PNG (told by its first bytes), within ATTACHMENT_MAX_MB. A consent that has a scan keeps it (409)",
                    "parameters": [D.query("file_name", ["type": "string", "minLength": 1, "maxLength": 200], "The file's name")],
                    "requestBody": ["required": true, "content": ["application/octet-stream": ["schema": ["type": "string", "format": "binary"]]]],
                    "responses": D.responses(("200", D.ok(D.ref("Consent"))), ["400", "401", "403", "404", "409", "413", "422"]),
                ],
            ],
        ]
    }

    static var schemas: JSONValue {
        let date: JSONValue = ["type": "string", "format": "date"]
        let scope: JSONValue = ["type": "string", "enum": .array(ConsentScope.codes.map { .string($0) })]
        let way: JSONValue = ["type": "string", "enum": .array(ConsentWay.codes.map { .string($0) })]
        return [
            "ConsentInput": [
                "type": "object", "required": ["scope", "given_on", "way"],
                "properties": [
                    "scope": scope, "given_on": date, "way": way, "until": ["type": ["string", "null"], "format": "date"],
                    "representative": ["type": ["string", "null"], "maxLength": 200, "description": "Required when the way is caregiver"],
                ],
            ],
            "ConsentWithdrawal": ["type": "object", "properties": ["withdrawn_on": ["type": ["string", "null"], "format": "date"]]],
            "Consent": [
                "type": "object", "required": ["id", "scope", "given_on", "way", "state"],
                "properties": [
                    "id": ["type": "string", "format": "uuid"], "scope": scope, "given_on": date, "way": way, "representative": ["type": "string"],
                    "until": date, "withdrawn_on": date,
                    "state": ["type": "string", "enum": ["active", "expired", "withdrawn", "not_yet"]],
                    "scan": [
                        "type": "object", "required": ["file_name", "content_type", "size"],
                        "properties": ["file_name": ["type": "string"], "content_type": ["type": "string"], "size": ["type": "integer"]],
                    ],
                    "created_at": ["type": "string", "format": "date-time"],
                ],
            ],
        ]
    }
}
