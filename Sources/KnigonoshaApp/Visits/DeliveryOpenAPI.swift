/// The OpenAPI paths and schemas of home delivery: visits, selection, outcomes and the run.
enum DeliveryOpenAPI {
    typealias D = OpenAPIDocument
    private static let date: JSONValue = ["type": "string", "format": "date"]
    private static let time: JSONValue = ["type": ["string", "null"], "pattern": "^[0-2][0-9]:[0-5][0-9]$"]
    private static func text(_ max: Int) -> JSONValue { ["type": ["string", "null"], "maxLength": .number(Double(max))] }
    private static func codes<C: LabeledCode>(_ type: C.Type) -> JSONValue { ["type": "string", "enum": .array(C.codes.map { .string($0) })] }
    private static let uuid: JSONValue = ["type": "string", "format": "uuid"]
    private static let itemParameter: JSONValue = ["name": "item", "in": "path", "required": true, "schema": ["type": "string", "format": "uuid"]]

    static var paths: JSONValue {
        [
            "/visits": [
                "get": [
                    "operationId": "listVisits", "summary": "Visits in a date range (a week from today by default)",
                    "parameters": [D.query("from", date, "First day"), D.query("to", date, "Last day")],
                    "responses": D.responses(("200", D.ok(D.ref("VisitList"))), ["400", "401", "403", "422"]),
                ],
                "post": [
                    "operationId": "createVisit", "summary": "Log a request and plan the visit it asks for", "requestBody": D.body("VisitInput"),
                    "responses": D.responses(("201", D.ok(D.ref("Visit"), "Created")), ["400", "401", "403", "413", "422"]),
                ],
            ],
            "/visits/plan": [
                "post": [
                    "operationId": "planVisits", "summary": "Plan visits from readers' rhythms up to a horizon; planning twice adds nothing",
                    "requestBody": D.body("PlanInput"),
                    "responses": D.responses(("200", D.ok(D.ref("PlanResult"))), ["400", "401", "403", "413", "422"]),
                ]
            ],
            "/visits/select": [
                "post": [
                    "operationId": "selectForVisits", "summary": "Prepare selections (suggest and reserve) for a branch's visits in a range",
                    "requestBody": D.body("SelectInput"),
                    "responses": D.responses(("200", D.ok(D.ref("SelectResult"))), ["400", "401", "403", "413", "422"]),
                ]
            ],
            "/visits/{id}": [
                "parameters": [D.idParameter],
                "get": [
                    "operationId": "getVisit", "summary": "A visit with its selection and what to collect",
                    "responses": D.responses(("200", D.ok(D.ref("Visit"))), ["401", "403", "404"]),
                ],
                "patch": [
                    "operationId": "updateVisit", "summary": "Move a visit or hand it to another carrier", "requestBody": D.body("VisitChange"),
                    "responses": D.responses(("200", D.ok(D.ref("Visit"))), ["400", "401", "403", "404", "413", "422"]),
                ],
            ],
            "/visits/{id}/suggestions": [
                "parameters": [D.idParameter],
                "post": [
                    "operationId": "suggestForVisit", "summary": "Replace open suggestions with fresh ones for the reader",
                    "responses": D.responses(("200", D.ok(D.ref("Visit"))), ["401", "403", "404", "409"]),
                ],
            ],
            "/visits/{id}/items": [
                "parameters": [D.idParameter],
                "post": [
                    "operationId": "addVisitItem",
                    "summary": "Add a title by hand; reserves a copy, at `branch_id` when another branch is asked (409 when someone else has it)",
                    "requestBody": D.body("ItemInput"),
                    "responses": D.responses(("201", D.ok(D.ref("Visit"), "Added")), ["400", "401", "403", "404", "409", "413", "422"]),
                ],
            ],
            "/visits/{id}/items/{item}/accept": [
                "parameters": [D.idParameter, itemParameter],
                "post": [
                    "operationId": "acceptVisitItem",
                    "summary": "Accept a suggestion, reserving a copy (at `branch_id`, another branch of the library, when given)",
                    "parameters": [D.query("branch_id", ["type": "string", "format": "uuid"], "The branch asked for its copy")],
                    "responses": D.responses(("200", D.ok(D.ref("Visit"))), ["401", "403", "404", "409", "422"]),
                ],
            ],
            "/visits/{id}/items/{item}": [
                "parameters": [D.idParameter, itemParameter],
                "delete": [
                    "operationId": "removeVisitItem", "summary": "Remove an item; a reserved copy goes back on the shelf",
                    "responses": D.responses(("204", ["description": "Removed"]), ["401", "403", "404", "409"]),
                ],
            ],
            "/visits/{id}/outcome": [
                "parameters": [
                    D.idParameter,
                    [
                        "name": "Idempotency-Key", "in": "header", "required": false, "schema": ["type": "string", "maxLength": 100],
                        "description":
                            "Or `key` in the body: a resend with the same key records nothing twice and gets the first answer, marked `Idempotent-Replayed: true`",
                    ],
                ],
                "post": [
                    "operationId": "recordVisitOutcome",
                    "summary": "Record what happened: loans, returns with ratings, time spent, all in one transaction",
                    "description":
                        "Also takes the run page's web session cookie with an `X-CSRF-Token` header (from `GET /session/csrf`); an expired session gets 401.",
                    "requestBody": D.body("OutcomeInput"),
                    "responses": D.responses(
                        ("200", D.ok(["oneOf": [D.ref("Visit"), D.ref("RunStop")]])), ["400", "401", "403", "404", "409", "413", "422"]),
                ],
            ],
            "/loans": [
                "get": [
                    "operationId": "listLoans", "summary": "Items on loan to the branch's readers, or only the overdue ones",
                    "parameters": [D.query("status", ["type": "string", "enum": ["on_loan", "overdue"]], "Default: on_loan")],
                    "responses": D.responses(("200", D.ok(D.ref("LoanList"))), ["400", "401", "403", "422"]),
                ]
            ],
            "/loans/{id}/renew": [
                "parameters": [D.idParameter],
                "post": [
                    "operationId": "renewLoan", "summary": "Move the due date on by the reader's rhythm (three times at most)",
                    "responses": D.responses(("200", D.ok(D.ref("Loan"))), ["401", "403", "404", "409"]),
                ],
            ],
            "/loans/{id}/lost": [
                "parameters": [D.idParameter],
                "post": [
                    "operationId": "markLoanLost", "summary": "The copy did not come back: loan and copy become lost",
                    "responses": D.responses(("200", D.ok(D.ref("Loan"))), ["401", "403", "404", "409"]),
                ],
            ],
            "/holidays": [
                "get": [
                    "operationId": "listHolidays", "summary": "The holiday list; no visits are planned on these days",
                    "responses": D.responses(("200", D.ok(["type": "array", "items": D.ref("Holiday")])), ["401", "403"]),
                ],
                "post": [
                    "operationId": "addHoliday", "summary": "Add a holiday (administrators)", "requestBody": D.body("HolidayInput"),
                    "responses": D.responses(("201", D.ok(D.ref("Holiday"), "Created")), ["400", "401", "403", "413", "422"]),
                ],
            ],
            "/holidays/{id}": [
                "parameters": [D.idParameter],
                "delete": [
                    "operationId": "deleteHoliday", "summary": "Remove a holiday (administrators)",
                    "responses": D.responses(("204", ["description": "Removed"]), ["401", "403", "404"]),
                ],
            ],
            "/settings/delivery": [
                "get": [
                    "operationId": "getDeliverySettings", "summary": "The re-send rule, the planning horizon and the library's name",
                    "responses": D.responses(("200", D.ok(D.ref("DeliverySettings"))), ["401", "403"]),
                ],
                "put": [
                    "operationId": "putDeliverySettings", "summary": "Change them (administrators)", "requestBody": D.body("DeliverySettings"),
                    "responses": D.responses(("200", D.ok(D.ref("DeliverySettings"))), ["400", "401", "403", "413", "422"]),
                ],
            ],
            "/catalog/{id}/loans": [
                "parameters": [["name": "id", "in": "path", "required": true, "schema": ["type": "integer", "minimum": 1]]],
                "get": [
                    "operationId": "whoHadTitle", "summary": "Who had this title (readers of the account's branches)",
                    "responses": D.responses(("200", D.ok(D.ref("LoanList"))), ["401", "403", "404"]),
                ],
            ],
            "/visits/{id}/start": [
                "parameters": [D.idParameter],
                "post": [
                    "operationId": "startVisit", "summary": "On my way: a planned visit becomes in progress (its carrier, or staff)",
                    "responses": D.responses(("204", ["description": "Started"]), ["401", "403", "404", "409"]),
                ],
            ],
            "/readers/{id}/next-visit": [
                "parameters": [D.idParameter],
                "put": [
                    "operationId": "setNextVisit", "summary": "Override the date of the reader's next visit; null removes the override",
                    "requestBody": D.body("NextVisit"),
                    "responses": D.responses(("200", D.ok(D.ref("NextVisit"))), ["400", "401", "403", "404", "413", "422"]),
                ],
            ],
            "/run": [
                "get": [
                    "operationId": "getRun", "summary": "The signed-in carrier's stops for a day, in route order",
                    "parameters": [D.query("date", date, "The day; today by default")],
                    "responses": D.responses(("200", D.ok(D.ref("Run"))), ["400", "401", "422"]),
                ]
            ],
        ]
    }

    static var schemas: JSONValue {
        [
            "VisitInput": [
                "type": "object", "required": ["reader_id", "scheduled_on", "requested_by", "request_channel", "request_text"],
                "properties": [
                    "reader_id": uuid, "scheduled_on": date, "time_from": time, "time_to": time,
                    "carrier_id": ["type": ["string", "null"], "format": "uuid"],
                    "requested_by": codes(Requester.self), "request_channel": codes(RequestChannel.self),
                    "request_text": ["type": "string", "minLength": 1, "maxLength": 1000],
                ],
            ],
            "VisitChange": [
                "type": "object",
                "properties": ["scheduled_on": date, "time_from": time, "time_to": time, "carrier_id": ["type": "string", "maxLength": 40]],
            ],
            "PlanInput": [
                "type": "object",
                "properties": [
                    "branch_id": ["type": ["string", "null"], "format": "uuid"], "from": ["type": ["string", "null"], "format": "date"],
                    "weeks": ["type": ["integer", "null"], "minimum": 1, "maximum": 26],
                ],
            ],
            "PlanResult": [
                "type": "object", "required": ["created", "readers", "without_consent"],
                "properties": [
                    "created": ["type": "integer"], "readers": ["type": "integer"],
                    "without_consent": ["type": "integer", "description": "Active readers left out: their consent ends before the period"],
                ],
            ],
            "SelectInput": [
                "type": "object", "required": ["from", "to"],
                "properties": [
                    "branch_id": ["type": ["string", "null"], "format": "uuid", "description": "Left out: every branch (administrators)"],
                    "from": date, "to": date,
                ],
            ],
            "SelectResult": [
                "type": "object", "required": ["visits", "items"], "properties": ["visits": ["type": "integer"], "items": ["type": "integer"]],
            ],
            "ItemInput": [
                "type": "object", "required": ["bib_id"],
                "properties": [
                    "bib_id": ["type": "integer", "minimum": 1], "copy_id": ["type": ["string", "null"], "format": "uuid"],
                    "branch_id": ["type": ["string", "null"], "format": "uuid"],
                ],
            ],
            "OutcomeInput": [
                "type": "object", "required": ["outcome"],
                "properties": [
                    "outcome": codes(Outcome.self), "reason": codes(CancelReason.self), "reason_note": text(500), "reschedule_to": date,
                    "delivered": ["type": "array", "items": uuid], "returned": ["type": "array", "items": uuid],
                    "ratings": ["type": "object", "additionalProperties": ["type": "integer", "minimum": 1, "maximum": 5]],
                    "comments": ["type": "object", "additionalProperties": ["type": "string", "maxLength": 1000]],
                    "minutes_spent": ["type": ["integer", "null"], "minimum": 0, "maximum": 600], "comment": text(2000),
                    "key": ["type": ["string", "null"], "maxLength": 100],
                ],
            ],
            "Visit": [
                "type": "object", "required": ["id", "reader_id", "reader_name", "branch_id", "scheduled_on", "kind", "status", "items", "collect"],
                "properties": [
                    "id": uuid, "reader_id": uuid, "reader_name": ["type": "string"], "branch_id": uuid, "carrier_id": ["type": ["string", "null"]],
                    "scheduled_on": date, "time_from": time, "time_to": time, "kind": codes(VisitKind.self), "status": codes(VisitStatus.self),
                    "reason": ["type": ["string", "null"]], "reason_note": ["type": ["string", "null"]],
                    "requested_by": ["type": ["string", "null"]],
                    "request_channel": ["type": ["string", "null"]], "request_text": ["type": ["string", "null"]],
                    "minutes_spent": ["type": ["integer", "null"]], "comment": ["type": ["string", "null"]],
                    "rescheduled_to": ["type": ["string", "null"]],
                    "items": ["type": "array", "items": ["type": "object"]], "collect": ["type": "array", "items": ["type": "object"]],
                ],
            ],
            "VisitList": ["type": "object", "required": ["items"], "properties": ["items": ["type": "array", "items": D.ref("Visit")]]],
            "RunStop": [
                "type": "object", "required": ["visit_id", "position", "reader_name", "deliver", "collect", "key"],
                "properties": [
                    "visit_id": uuid, "position": ["type": "integer"], "reader_name": ["type": "string"], "status": codes(VisitStatus.self),
                    "deliver": ["type": "array", "items": ["type": "object"]], "collect": ["type": "array", "items": ["type": "object"]],
                    "key": ["type": "string"], "photos_allowed": ["type": "boolean"],
                    "expected_at": [
                        "type": ["string", "null"], "description": "When the carrier should get there (HH:mm), by the day's plan against the windows",
                    ],
                    "window_missed": ["type": "boolean", "description": "The reader's window can no longer be reached: call ahead"],
                ],
            ],
            "Loan": [
                "type": "object", "required": ["id", "reader_id", "bib_id", "title", "copy_id", "issued_on", "due_on", "status", "renewals"],
                "properties": [
                    "id": uuid, "reader_id": uuid, "bib_id": ["type": "integer"], "title": ["type": "string"], "copy_id": uuid, "issued_on": date,
                    "due_on": date, "status": codes(LoanStatus.self), "renewals": ["type": "integer"], "returned_on": ["type": ["string", "null"]],
                    "rating": ["type": ["integer", "null"]],
                ],
            ],
            "LoanList": ["type": "object", "required": ["items"], "properties": ["items": ["type": "array", "items": D.ref("Loan")]]],
            "Holiday": ["type": "object", "required": ["id", "day", "name"], "properties": ["id": uuid, "day": date, "name": ["type": "string"]]],
            "HolidayInput": [
                "type": "object", "required": ["day", "name"],
                "properties": ["day": date, "name": ["type": "string", "minLength": 1, "maxLength": 100]],
            ],
            "DeliverySettings": [
                "type": "object", "required": ["horizon_weeks"],
                "properties": [
                    "resend_after_months": ["type": ["integer", "null"], "minimum": 0, "maximum": 120],
                    "horizon_weeks": ["type": "integer", "minimum": 1, "maximum": 26],
                    "library_name_ru": ["type": ["string", "null"], "maxLength": 300, "description": "Heads printed reports; left out, kept"],
                    "library_name_kk": ["type": ["string", "null"], "maxLength": 300, "description": "Heads printed reports; left out, kept"],
                    "expired_check_blocks": [
                        "type": ["boolean", "null"],
                        "description": "A carrier whose certificate of no criminal record has expired gets no new visits; left out, kept",
                    ],
                    "plan_continuity_minutes": [
                        "type": ["integer", "null"], "minimum": 0, "maximum": 600,
                        "description": "The week's plan: minutes of travel worth keeping a reader's own carrier; left out, kept",
                    ],
                    "plan_imbalance_minutes": [
                        "type": ["integer", "null"], "minimum": 0, "maximum": 600,
                        "description":
                            "The week's plan: price in minutes of a carrier's week one hour off their fair share (grows with the square); left out, kept",
                    ],
                ],
            ],
            "NextVisit": ["type": "object", "properties": ["next_visit_on": ["type": ["string", "null"], "format": "date"]]],
            "Run": [
                "type": "object", "required": ["date", "stops"],
                "properties": ["date": date, "stops": ["type": "array", "items": D.ref("RunStop")]],
            ],
        ]
    }
}
