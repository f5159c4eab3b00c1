/// The schemas of the OpenAPI document.
enum OpenAPISchemas {
    private static func nullable(_ type: String, _ extra: JSONValue = [:]) -> JSONValue {
        (["type": [.string(type), "null"]] as JSONValue).merging(extra)
    }

    private static func codes<C: LabeledCode>(_ type: C.Type, nullable: Bool = false) -> JSONValue {
        let values: [JSONValue] = C.codes.map { .string($0) } + (nullable ? [.null] : [])
        return ["enum": .array(values)]
    }

    private static func codeList<C: LabeledCode>(_ type: C.Type) -> JSONValue {
        ["type": "array", "items": ["type": "string", "enum": .array(C.codes.map { .string($0) })]]
    }

    private static let textList: JSONValue = ["type": "array", "items": ["type": "string", "maxLength": 200]]
    private static let date: JSONValue = ["type": ["string", "null"], "format": "date"]

    static var readerFields: [(String, JSONValue)] {
        [
            ("family_name", ["type": "string", "minLength": 1, "maxLength": 100]),
            ("given_name", ["type": "string", "minLength": 1, "maxLength": 100]),
            ("patronymic", nullable("string", ["maxLength": 100])),
            ("birth_date", date),
            ("card_number", ["type": "string", "minLength": 1, "maxLength": 30]),
            ("branch_id", ["type": "string", "format": "uuid"]),
            ("phones", ["type": "array", "maxItems": 10, "items": ["$ref": "#/components/schemas/Phone"]]),
            ("preferred_channel", codes(ContactChannel.self, nullable: true)),
            ("caregiver_name", nullable("string")),
            ("caregiver_relation", nullable("string")),
            ("caregiver_phone", nullable("string", ["description": "Kazakhstan number; stored as +7XXXXXXXXXX"])),
            ("settlement", ["type": "string", "minLength": 1, "maxLength": 200]),
            ("street", ["type": "string", "minLength": 1, "maxLength": 200]),
            ("building", ["type": "string", "minLength": 1, "maxLength": 20]),
            ("apartment", nullable("string")),
            ("entrance", nullable("string")),
            ("floor", nullable("integer", ["minimum": -3, "maximum": 100])),
            ("intercom", nullable("string")),
            ("has_lift", nullable("boolean")),
            ("access_notes", nullable("string", ["maxLength": 1000])),
            ("latitude", nullable("number", ["minimum": -90, "maximum": 90])),
            ("longitude", nullable("number", ["minimum": -180, "maximum": 180])),
            ("disability_group", codes(DisabilityGroup.self)),
            ("needs", codeList(Need.self)),
            ("formats", codeList(MaterialFormat.self)),
            ("languages", codeList(MaterialLanguage.self)),
            ("subjects", textList), ("genres", textList), ("authors", textList),
            ("excluded_topics", textList), ("excluded_authors", textList), ("series", textList),
            ("items_per_visit", ["type": "integer", "minimum": 1, "maximum": 20]),
            ("visit_minutes", nullable("integer", ["minimum": 5, "maximum": 180, "description": "Usual minutes at the door; empty: 20"])),
            ("carrier_id", nullable("string", ["format": "uuid"])),
            ("weekdays", codeList(Weekday.self)),
            ("time_from", nullable("string", ["pattern": "^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$"])),
            ("time_to", nullable("string", ["pattern": "^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$"])),
            ("frequency", codes(VisitFrequency.self)),
            ("status", codes(ReaderStatus.self)),
            ("pause_from", date), ("pause_until", date), ("pause_reason", nullable("string")),
            ("ended_on", date), ("end_reason", codes(EndReason.self, nullable: true)),
            ("referral_source", codes(ReferralSource.self, nullable: true)),
            ("registered_on", ["type": "string", "format": "date"]),
            ("consent_date", date), ("consent_until", date),
            ("consent_signed_by", codes(ConsentSigner.self, nullable: true)),
            ("consent_representative", nullable("string")),
            ("consent_third_party", ["type": "boolean"]),
            ("consent_publication", ["type": "boolean"]),
            ("notes", nullable("string", ["maxLength": 2000])),
        ]
    }

    /// An anonymised or erased reader (`ReaderRemoval`) is returned with an empty given name and
    /// address, and an erased one with the disability group `unknown`: what the API may answer,
    /// wider than what it accepts.
    private static func removedReaderOutput(_ field: (String, JSONValue)) -> (String, JSONValue) {
        switch field.0 {
        case "given_name": (field.0, ["type": "string", "maxLength": 100])
        case "settlement", "street": (field.0, ["type": "string", "maxLength": 200])
        case "building": (field.0, ["type": "string", "maxLength": 20])
        case "disability_group":
            (field.0, ["type": "string", "enum": .array((DisabilityGroup.codes + [DisabilityGroup.unknownStored]).map { .string($0) })])
        default: field
        }
    }

    static var all: JSONValue {
        let requiredInput: JSONValue = ["family_name", "given_name", "card_number", "branch_id", "settlement", "street", "building"]
        let readerOut: [(String, JSONValue)] =
            [("id", ["type": "string", "format": "uuid"])] + readerFields.map(removedReaderOutput)
            + [("created_at", nullable("string", ["format": "date-time"])), ("updated_at", nullable("string", ["format": "date-time"]))]
        // Optional fields are left out of a response when they have no value.
        let requiredOut: JSONValue = .array(
            [
                "id", "family_name", "given_name", "card_number", "branch_id", "phones", "settlement", "street", "building",
                "disability_group", "needs", "formats", "languages", "subjects", "genres", "authors", "excluded_topics",
                "excluded_authors", "series", "items_per_visit", "weekdays", "frequency", "status", "registered_on",
                "consent_third_party", "consent_publication",
            ].map { JSONValue.string($0) }
        )
        return [
            "Error": [
                "type": "object", "required": ["error"],
                "properties": ["error": ["type": "string"], "fields": ["type": "object", "additionalProperties": ["type": "string"]]],
            ],
            "SessionCSRF": [
                "type": "object", "required": ["csrf_token"], "properties": ["csrf_token": ["type": "string"]],
            ],
            "Me": [
                "type": "object", "required": ["id", "email", "full_name", "role"],
                "properties": [
                    "id": ["type": "string", "format": "uuid"], "email": ["type": "string"], "full_name": ["type": "string"],
                    "role": ["enum": .array(Role.allCases.map { .string($0.rawValue) })], "branch_id": nullable("string", ["format": "uuid"]),
                ],
            ],
            "Phone": [
                "type": "object", "required": ["number"],
                "properties": [
                    "label": codes(PhoneLabel.self, nullable: true),
                    "number": [
                        "type": "string", "description": "Kazakhstan number: +7 and 10 digits, or 8 and 10 digits; spaces and dashes allowed",
                    ],
                ],
            ],
            "BranchInput": [
                "type": "object", "required": ["code", "name_ru", "name_kk", "address", "phone"],
                "properties": [
                    "code": ["type": "string", "maxLength": 20], "name_ru": ["type": "string"], "name_kk": ["type": "string"],
                    "address": ["type": "string"], "phone": ["type": "string"],
                    "latitude": nullable("number", ["minimum": -90, "maximum": 90]),
                    "longitude": nullable("number", ["minimum": -180, "maximum": 180]),
                ],
            ],
            "Branch": [
                "type": "object", "required": ["id", "code", "name_ru", "name_kk", "address", "phone"],
                "properties": [
                    "id": ["type": "string", "format": "uuid"], "code": ["type": "string"], "name_ru": ["type": "string"],
                    "name_kk": ["type": "string"], "address": ["type": "string"], "phone": ["type": "string"],
                    "latitude": nullable("number"), "longitude": nullable("number"),
                ],
            ],
            "ReaderInput": ["type": "object", "required": requiredInput, "properties": .object(readerFields)],
            "Reader": ["type": "object", "required": requiredOut, "properties": .object(readerOut)],
            "ReaderPage": [
                "type": "object", "required": ["items", "total", "page", "per_page"],
                "properties": [
                    "items": ["type": "array", "items": ["$ref": "#/components/schemas/Reader"]], "total": ["type": "integer"],
                    "page": ["type": "integer"], "per_page": ["type": "integer"],
                ],
            ],
            "Bib": [
                "type": "object",
                "required": ["id", "title", "contributors", "isbns", "issns", "languages", "subjects", "genres", "format"],
                "properties": [
                    "id": ["type": "integer"], "title": ["type": "string"], "subtitle": nullable("string"),
                    "contributors": [
                        "type": "array",
                        "items": [
                            "type": "object", "required": ["name", "role"], "properties": ["name": ["type": "string"], "role": ["type": "string"]],
                        ],
                    ],
                    "edition": nullable("string"), "year": nullable("integer"), "publisher": nullable("string"), "place": nullable("string"),
                    "isbns": ["type": "array", "items": ["type": "string"]], "issns": ["type": "array", "items": ["type": "string"]],
                    "languages": ["type": "array", "items": ["type": "string"]], "subjects": ["type": "array", "items": ["type": "string"]],
                    "genres": ["type": "array", "items": ["type": "string"]], "series": nullable("string"), "series_number": nullable("string"),
                    "physical": nullable("string"), "summary": nullable("string"), "audience": nullable("string"),
                    "format": ["enum": .array(MaterialFormatCode.codes.map { .string($0) })],
                    "copies": [
                        "type": "array",
                        "items": [
                            "type": "object", "required": ["id", "inventory_number", "status"],
                            "properties": [
                                "id": ["type": "string", "format": "uuid"], "inventory_number": ["type": "string"], "barcode": nullable("string"),
                                "branch_id": nullable("string", ["format": "uuid"]), "shelf_mark": nullable("string"),
                                "status": ["enum": .array(CopyStatus.codes.map { .string($0) })],
                            ],
                        ],
                    ],
                ],
            ],
            "CopyInput": [
                "type": "object", "required": ["inventory_number", "branch_id"],
                "properties": [
                    "inventory_number": ["type": "string", "minLength": 1, "maxLength": 40], "barcode": nullable("string", ["maxLength": 40]),
                    "branch_id": ["type": "string", "format": "uuid"], "shelf_mark": nullable("string", ["maxLength": 60]),
                    "acquired_on": ["type": ["string", "null"], "format": "date"], "notes": nullable("string", ["maxLength": 500]),
                ],
            ],
            "Copy": [
                "type": "object", "required": ["id", "inventory_number", "status"],
                "properties": [
                    "id": ["type": "string", "format": "uuid"], "inventory_number": ["type": "string"], "barcode": nullable("string"),
                    "branch_id": nullable("string", ["format": "uuid"]), "shelf_mark": nullable("string"),
                    "status": ["enum": .array(CopyStatus.codes.map { .string($0) })],
                ],
            ],
            "BibPage": [
                "type": "object", "required": ["items", "total", "page", "per_page"],
                "properties": [
                    "items": ["type": "array", "items": ["$ref": "#/components/schemas/Bib"]], "total": ["type": "integer"],
                    "page": ["type": "integer"], "per_page": ["type": "integer"],
                ],
            ],
            "ImportJob": [
                "type": "object", "required": ["id", "file_name", "status", "total_bytes", "processed_bytes", "imported", "updated", "skipped"],
                "properties": [
                    "id": ["type": "string", "format": "uuid"], "file_name": ["type": "string"],
                    "status": ["enum": .array(ImportStatus.codes.map { .string($0) })], "total_bytes": ["type": "integer"],
                    "processed_bytes": ["type": "integer"], "imported": ["type": "integer"], "updated": ["type": "integer"],
                    "skipped": ["type": "integer"], "message": nullable("string"),
                    "issues": [
                        "type": "array",
                        "items": [
                            "type": "object", "required": ["record_number", "reason"],
                            "properties": ["record_number": ["type": "integer"], "reason": ["type": "string"], "code": nullable("string")],
                        ],
                    ],
                    "repairs": [
                        "type": "array",
                        "items": [
                            "type": "object", "required": ["record_number", "kinds"],
                            "properties": ["record_number": ["type": "integer"], "kinds": ["type": "array", "items": ["type": "string"]]],
                        ],
                    ],
                ],
            ],
            "Change": [
                "type": "object", "required": ["field", "changed_at"],
                "properties": [
                    "field": ["type": "string"], "old_value": nullable("string"), "new_value": nullable("string"),
                    "changed_at": ["type": "string", "format": "date-time"], "user_id": nullable("string", ["format": "uuid"]),
                    "user_name": nullable("string"),
                ],
            ],
        ]
    }
}
