/// The OpenAPI paths and schemas of the week's plan (issue 15, §3).
enum WeekPlanOpenAPI {
    typealias D = OpenAPIDocument

    static var paths: JSONValue {
        let week: JSONValue = ["type": "string", "format": "date", "description": "Any day of the week, years 2000 to 2100"]
        return [
            "/visits/week": [
                "get": [
                    "operationId": "getWeekPlan",
                    "summary":
                        "A branch's week (Monday to Sunday) as it stands: each visit that is not moved or cancelled, with its carrier, pins, and whether the plan may change it (open, not started, from tomorrow on), and the branch's active carriers. Coordinators their branch; administrators any (the first by name when none is given)",
                    "parameters": [
                        ["name": "week", "in": "query", "required": false, "schema": week],
                        ["name": "branch_id", "in": "query", "required": false, "schema": ["type": "string", "format": "uuid"]],
                    ],
                    "responses": D.responses(("200", D.ok(D.ref("WeekPlan"))), ["401", "403", "404", "422"]),
                ],
                "post": [
                    "operationId": "saveWeekPlan",
                    "summary":
                        "Saves the assignments a proposal returned, all or none, each in the visit's history. 409 when any visit of the week changed since the proposal (its `basis` no longer matches); 400 when an assignment is one no proposal could make (another branch's visit, a carrier away or not working that day, a day the reader does not allow, a pinned carrier changed)",
                    "requestBody": D.body("WeekPlanSave"),
                    "responses": D.responses(("200", D.ok(D.ref("WeekPlanSaved"))), ["400", "401", "403", "404", "409", "413", "422"]),
                ],
            ],
            "/visits/week/proposal": [
                "post": [
                    "operationId": "proposeWeekPlan",
                    "summary":
                        "Runs the week solver (2 s or 2,000 iterations) over the week's plannable visits and returns what would change, the visits left as they are with the reason, and each route in order with expected times. Nothing is saved but the pins, when `pin_carrier` or `pin_day` is given (they then replace the week's pins). 409 when the branch has no coordinates",
                    "requestBody": D.body("WeekPlanProposalInput"),
                    "responses": D.responses(("200", D.ok(D.ref("WeekPlanProposal"))), ["400", "401", "403", "404", "409", "413", "422"]),
                ]
            ],
        ]
    }

    static var schemas: JSONValue {
        let uuid: JSONValue = ["type": "string", "format": "uuid"]
        let date: JSONValue = ["type": "string", "format": "date"]
        let maybe: JSONValue = ["type": ["string", "null"]]
        let uuids: JSONValue = ["type": ["array", "null"], "items": uuid, "maxItems": 4000, "description": "Left out or null: the stored pins"]
        return [
            "WeekPlan": [
                "type": "object", "required": ["branch_id", "monday", "first_day", "visits", "carriers"],
                "properties": [
                    "branch_id": uuid, "monday": date, "first_day": date,
                    "visits": [
                        "type": "array",
                        "items": [
                            "type": "object",
                            "required": [
                                "visit_id", "reader_id", "reader_name", "scheduled_on", "status", "plannable", "has_coordinates", "pin_carrier",
                                "pin_day",
                            ],
                            "properties": [
                                "visit_id": uuid, "reader_id": uuid, "reader_name": ["type": "string"], "scheduled_on": date, "time_from": maybe,
                                "time_to": maybe, "carrier_id": ["type": ["string", "null"], "format": "uuid"], "status": ["type": "string"],
                                "plannable": ["type": "boolean"], "has_coordinates": ["type": "boolean"], "pin_carrier": ["type": "boolean"],
                                "pin_day": ["type": "boolean"],
                            ],
                        ],
                    ],
                    "carriers": [
                        "type": "array",
                        "items": ["type": "object", "required": ["id", "full_name"], "properties": ["id": uuid, "full_name": ["type": "string"]]],
                    ],
                ],
            ],
            "WeekPlanProposalInput": [
                "type": "object", "required": ["week"],
                "properties": [
                    "branch_id": ["type": ["string", "null"], "format": "uuid"],
                    "week": ["type": "string", "format": "date", "description": "Any day of the week, years 2000 to 2100"],
                    "pin_carrier": uuids, "pin_day": uuids,
                ],
            ],
            "WeekPlanProposal": [
                "type": "object", "required": ["basis", "travel_minutes", "continuity_breaks", "changes", "unplaced", "routes"],
                "properties": [
                    "basis": ["type": "string", "description": "Send back with the save"],
                    "travel_minutes": ["type": "integer"], "continuity_breaks": ["type": "integer"],
                    "changes": [
                        "type": "array",
                        "items": [
                            "type": "object", "required": ["visit_id", "from_date", "carrier_id", "date"],
                            "properties": [
                                "visit_id": uuid, "from_carrier_id": ["type": ["string", "null"], "format": "uuid"], "from_date": date,
                                "carrier_id": uuid, "date": date,
                            ],
                        ],
                    ],
                    "unplaced": [
                        "type": "array",
                        "items": [
                            "type": "object", "required": ["visit_id", "reason"],
                            "properties": ["visit_id": uuid, "reason": ["type": "string", "enum": .array(WeekPlanDTO.reasons.map { .string($0) })]],
                        ],
                    ],
                    "routes": [
                        "type": "array",
                        "items": [
                            "type": "object", "required": ["carrier_id", "date", "travel_minutes", "stops"],
                            "properties": [
                                "carrier_id": uuid, "date": date, "travel_minutes": ["type": "integer"],
                                "stops": [
                                    "type": "array",
                                    "items": [
                                        "type": "object", "required": ["visit_id", "expected_at"],
                                        "properties": ["visit_id": uuid, "expected_at": ["type": "string"]],
                                    ],
                                ],
                            ],
                        ],
                    ],
                ],
            ],
            "WeekPlanSave": [
                "type": "object", "required": ["week", "basis", "assignments"],
                "properties": [
                    "branch_id": ["type": ["string", "null"], "format": "uuid"],
                    "week": ["type": "string", "format": "date", "description": "Any day of the week, years 2000 to 2100"],
                    "basis": ["type": "string"],
                    "assignments": [
                        "type": "array",
                        "items": [
                            "type": "object", "required": ["visit_id", "carrier_id", "date"],
                            "properties": ["visit_id": uuid, "carrier_id": uuid, "date": date],
                        ],
                    ],
                ],
            ],
            "WeekPlanSaved": ["type": "object", "required": ["saved"], "properties": ["saved": ["type": "integer"]]],
        ]
    }
}
