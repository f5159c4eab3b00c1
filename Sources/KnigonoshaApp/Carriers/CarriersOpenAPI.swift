/// The OpenAPI paths and schemas of carriers' absences (issue 15, §1).
enum CarriersOpenAPI {
    typealias D = OpenAPIDocument

    static var paths: JSONValue {
        let absence: JSONValue = ["name": "id2", "in": "path", "required": true, "schema": ["type": "string", "format": "uuid"]]
        return [
            "/carriers": [
                "get": [
                    "operationId": "listCarriers",
                    "summary": "The carriers of the coordinator's branch (all for an administrator), each with the absences not yet ended",
                    "responses": D.responses(("200", D.ok(["type": "array", "items": D.ref("Carrier")])), ["401", "403"]),
                ]
            ],
            "/carriers/hours": [
                "get": [
                    "operationId": "carrierHours",
                    "summary":
                        "Hours and travel per carrier over a period (this month so far by default, at most a year): visits done and trips to doors nobody opened, minutes at the door as recorded, and each day's route distance (straight line × 1.3) and travel time by travel mode",
                    "parameters": [
                        ["name": "from", "in": "query", "required": false, "schema": ["type": "string", "format": "date"]],
                        ["name": "to", "in": "query", "required": false, "schema": ["type": "string", "format": "date"]],
                        ["name": "branch_id", "in": "query", "required": false, "schema": ["type": "string", "format": "uuid"]],
                    ],
                    "responses": D.responses(("200", D.ok(["type": "array", "items": D.ref("CarrierHoursRow")])), ["401", "403", "422"]),
                ]
            ],
            "/carriers/{id}/details": [
                "parameters": [D.idParameter],
                "put": [
                    "operationId": "saveCarrierDetails",
                    "summary":
                        "Replace the carrier's checks (certificate of no criminal record: issued, valid until), training, identity card number, travel mode and start point; a field left out is cleared. With the library's setting on, a carrier whose certificate has expired gets no new visits",
                    "requestBody": D.body("CarrierDetails"),
                    "responses": D.responses(("200", D.ok(D.ref("CarrierDetails"))), ["400", "401", "403", "404", "413", "422"]),
                ],
            ],
            "/carriers/{id}/absences": [
                "parameters": [D.idParameter],
                "get": [
                    "operationId": "listCarrierAbsences", "summary": "The carrier's absences, newest first",
                    "responses": D.responses(("200", D.ok(["type": "array", "items": D.ref("CarrierAbsence")])), ["401", "403", "404"]),
                ],
                "post": [
                    "operationId": "addCarrierAbsence",
                    "summary":
                        "Record an absence, first and last day included (at most 366 days). Planning gives the carrier no visit on those days; visits already theirs are listed by /stranded",
                    "requestBody": D.body("CarrierAbsenceInput"),
                    "responses": D.responses(("201", D.ok(D.ref("CarrierAbsence"), "Created")), ["400", "401", "403", "404", "413", "422"]),
                ],
            ],
            "/carriers/{id}/absences/{id2}": [
                "parameters": [D.idParameter, absence],
                "delete": [
                    "operationId": "deleteCarrierAbsence", "summary": "Remove an absence; visits already handed over stay with their new carriers",
                    "responses": D.responses(("204", ["description": "Removed"]), ["401", "403", "404"]),
                ],
            ],
            "/carriers/{id}/stranded": [
                "parameters": [D.idParameter],
                "get": [
                    "operationId": "listStrandedVisits", "summary": "The carrier's open visits from today on that fall on a day they are away",
                    "responses": D.responses(("200", D.ok(D.ref("StrandedVisits"))), ["401", "403", "404"]),
                ],
            ],
            "/carriers/{id}/reassign": [
                "parameters": [D.idParameter],
                "post": [
                    "operationId": "reassignStrandedVisits",
                    "summary":
                        "Hand each stranded visit to the reader's own carrier when present, else the branch's least-loaded carrier working that day; a visit nobody can take loses its carrier",
                    "responses": D.responses(("200", D.ok(D.ref("Reassignment"))), ["401", "403", "404"]),
                ],
            ],
        ]
    }

    static var schemas: JSONValue {
        let uuid: JSONValue = ["type": "string", "format": "uuid"]
        let date: JSONValue = ["type": "string", "format": "date"]
        let kinds: JSONValue = .array(AbsenceKind.codes.map { .string($0) })
        return [
            "CarrierAbsence": [
                "type": "object", "required": ["id", "carrier_id", "starts_on", "ends_on", "kind"],
                "properties": ["id": uuid, "carrier_id": uuid, "starts_on": date, "ends_on": date, "kind": ["type": "string", "enum": kinds]],
            ],
            "CarrierAbsenceInput": [
                "type": "object", "required": ["starts_on", "ends_on", "kind"],
                "description": "`ends_on` is not before `starts_on`, and at most 365 days after it; years from 2000",
                "properties": ["starts_on": date, "ends_on": date, "kind": ["type": "string", "enum": kinds]],
            ],
            "Carrier": [
                "type": "object", "required": ["id", "full_name", "is_active", "absences", "details"],
                "properties": [
                    "id": uuid, "full_name": ["type": "string"], "branch_id": ["type": ["string", "null"], "format": "uuid"],
                    "is_active": ["type": "boolean"], "absences": ["type": "array", "items": D.ref("CarrierAbsence")],
                    "details": D.ref("CarrierDetails"),
                ],
            ],
            "CarrierDetails": [
                "type": "object",
                "description": "`certificate_until` not before `certificate_on`; the start point has both numbers or neither",
                "properties": [
                    "certificate_on": ["type": ["string", "null"], "format": "date"],
                    "certificate_until": ["type": ["string", "null"], "format": "date"],
                    "trained_on": ["type": ["string", "null"], "format": "date"],
                    "id_card_number": ["type": ["string", "null"], "maxLength": 20, "description": "6 to 12 Latin letters and digits"],
                    "travel_mode": ["type": ["string", "null"], "enum": .array(CarrierTravel.codes.map { .string($0) } + [.null])],
                    "start_latitude": ["type": ["number", "null"], "minimum": -90, "maximum": 90],
                    "start_longitude": ["type": ["number", "null"], "minimum": -180, "maximum": 180],
                    "bag_capacity": [
                        "type": ["integer", "null"], "minimum": 1, "maximum": 200,
                        "description": "Items the bag holds, for the week's plan; empty: no limit",
                    ],
                ],
            ],
            // Not «CarrierHours»: that is a carrier's working days (CarrierOpenAPI), and a second
            // schema of the name replaced it in the document (schemathesis).
            "CarrierHoursRow": [
                "type": "object",
                "required": [
                    "carrier_id", "full_name", "travel_mode", "days", "visits_done", "visits_no_answer", "minutes_at_door", "km", "travel_minutes",
                    "total_minutes",
                ],
                "properties": [
                    "carrier_id": uuid, "full_name": ["type": "string"],
                    "travel_mode": ["type": "string", "enum": .array(CarrierTravel.codes.map { .string($0) })],
                    "days": ["type": "integer"], "visits_done": ["type": "integer"], "visits_no_answer": ["type": "integer"],
                    "minutes_at_door": ["type": "integer"], "km": ["type": "number"], "travel_minutes": ["type": "integer"],
                    "total_minutes": ["type": "integer"],
                ],
            ],
            "StrandedVisits": ["type": "object", "required": ["visits"], "properties": ["visits": ["type": "array", "items": uuid]]],
            "Reassignment": [
                "type": "object", "required": ["moved", "unassigned"],
                "properties": ["moved": ["type": "integer", "minimum": 0], "unassigned": ["type": "integer", "minimum": 0]],
            ],
        ]
    }
}
