/// The OpenAPI path of the readers import from the library system.
enum ReaderImportOpenAPI {
    typealias D = OpenAPIDocument

    static var paths: JSONValue {
        [
            "/readers/import": [
                "post": [
                    "operationId": "importReaders",
                    "summary":
                        "Store readers from the library system (CSV with `,`, `;` or tabs, or XLSX, as the body; 16 MB and 5,000 rows at most), all or none. Each row passes the reader form's rules; a failing cell is a 422 whose `fields` name it as `rows[N].field` (N is the file's row, the header being row 1). New readers are `pending` (awaiting consent to home service)",
                    "parameters": [
                        D.query("branch_id", ["type": "string", "format": "uuid"], "Branch for rows with no branch column or an empty cell"),
                        D.query("settlement", ["type": "string", "maxLength": 200], "Settlement for rows whose address has none"),
                        D.query(
                            "update_existing", ["type": "string", "enum": ["true", "false"]],
                            "`true` (or `1`, `yes`, `on`): readers already here (same card number) take the file's filled cells, with their change history; a coordinator's default branch is their own"
                        ),
                    ],
                    "requestBody": D.spreadsheetBody,
                    "responses": D.responses(("200", D.ok(D.ref("ReaderImportOutcome"))), ["400", "401", "403", "413", "422"]),
                ]
            ]
        ]
    }

    static var schemas: JSONValue {
        let count: JSONValue = ["type": "integer", "minimum": 0]
        let item: JSONValue = [
            "type": "object", "required": ["card_number", "result"],
            "properties": [
                "id": ["type": ["string", "null"], "format": "uuid"],
                "card_number": ["type": "string"],
                "result": ["type": "string", "enum": ["created", "updated", "unchanged"]],
            ],
        ]
        return [
            "ReaderImportOutcome": [
                "type": "object", "required": ["rows", "created", "updated", "unchanged", "readers"],
                "properties": [
                    "rows": count, "created": count, "updated": count, "unchanged": count,
                    "readers": ["type": "array", "items": item],
                ],
            ]
        ]
    }
}
