/// The OpenAPI path of the readers' loan history import.
enum HistoryOpenAPI {
    typealias D = OpenAPIDocument

    static var paths: JSONValue {
        [
            "/readers/history": [
                "post": [
                    "operationId": "importReadingHistory",
                    "summary":
                        "Store readers' loans from the library system (CSV or XLSX as the body, 16 MB at most): reader card, barcode or inventory number or ISBN, date. Matched rows are stored in one transaction, the same loan once; a coordinator's rows match readers of their own branch only",
                    "requestBody": D.spreadsheetBody,
                    "responses": D.responses(("200", D.ok(D.ref("ReadingHistoryOutcome"))), ["400", "401", "403", "413", "422"]),
                ]
            ]
        ]
    }

    static var schemas: JSONValue {
        let count: JSONValue = ["type": "integer", "minimum": 0]
        let problem: JSONValue = [
            "type": "object", "required": ["row", "code", "value"],
            "properties": [
                "row": ["type": "integer", "minimum": 1],
                "code": ["type": "string", "enum": ["missing_card", "missing_item", "bad_date", "unknown_reader", "unknown_item"]],
                "value": ["type": "string"],
            ],
        ]
        return [
            "ReadingHistoryOutcome": [
                "type": "object", "required": ["rows", "stored", "already_stored", "readers", "not_stored", "not_stored_total"],
                "properties": [
                    "rows": count, "stored": count, "already_stored": count, "readers": count,
                    "not_stored": ["type": "array", "items": problem, "maxItems": 1000], "not_stored_total": count,
                ],
            ]
        ]
    }
}
