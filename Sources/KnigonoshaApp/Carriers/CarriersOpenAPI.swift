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
                "type": "object", "required": ["id", "full_name", "is_active", "absences"],
                "properties": [
                    "id": uuid, "full_name": ["type": "string"], "branch_id": ["type": ["string", "null"], "format": "uuid"],
                    "is_active": ["type": "boolean"], "absences": ["type": "array", "items": D.ref("CarrierAbsence")],
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
