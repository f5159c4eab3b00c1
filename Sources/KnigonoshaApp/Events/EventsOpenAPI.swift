/// The OpenAPI paths and schemas of the event register.
enum EventsOpenAPI {
    typealias D = OpenAPIDocument
    private static let date: JSONValue = ["type": "string", "format": "date"]
    private static let time: JSONValue = ["type": ["string", "null"], "pattern": "^[0-2][0-9]:[0-5][0-9]$"]
    private static let count: JSONValue = ["type": ["integer", "null"], "minimum": 0, "maximum": 1_000_000]
    private static func text(_ max: Int, nullable: Bool = true) -> JSONValue {
        ["type": nullable ? ["string", "null"] : "string", "maxLength": .number(Double(max))]
    }
    private static func codes<C: LabeledCode>(_ type: C.Type) -> JSONValue { ["type": "string", "enum": .array(C.codes.map { .string($0) })] }
    private static func query(_ name: String, _ schema: JSONValue) -> JSONValue { ["name": .string(name), "in": "query", "schema": schema] }

    static var paths: JSONValue {
        [
            "/events": [
                "get": [
                    "operationId": "listEvents", "summary": "Events in a period (default: this year), by date",
                    "parameters": [
                        query("from", date), query("to", date), query("type", codes(EventType.self)), query("group", codes(TargetGroup.self)),
                        query("branch_id", ["type": "string", "format": "uuid"]),
                    ],
                    "responses": D.responses(("200", D.ok(["type": "array", "items": D.ref("Event")])), ["400", "401", "403", "422"]),
                ],
                "post": [
                    "operationId": "createEvent", "summary": "Register an event", "requestBody": D.body("EventInput"),
                    "responses": D.responses(("201", D.ok(D.ref("Event"), "Created")), ["400", "401", "403", "413", "422"]),
                ],
            ],
            "/reports/events": [
                "get": [
                    "operationId": "eventsReport",
                    "summary": "Events, participants and people with disabilities in a period (default: this year), by type, target group and month",
                    "parameters": [query("from", date), query("to", date), query("branch_id", ["type": "string", "format": "uuid"])],
                    "responses": D.responses(("200", D.ok(D.ref("EventsReport"))), ["400", "401", "403", "422"]),
                ]
            ],
            "/events/{id}": [
                "parameters": [D.idParameter],
                "get": [
                    "operationId": "getEvent", "summary": "One event's card",
                    "responses": D.responses(("200", D.ok(D.ref("Event"))), ["401", "403", "404"]),
                ],
                "put": [
                    "operationId": "updateEvent", "summary": "Change an event (coordinators: their branch's)", "requestBody": D.body("EventInput"),
                    "responses": D.responses(("200", D.ok(D.ref("Event"))), ["400", "401", "403", "404", "413", "422"]),
                ],
                "delete": [
                    "operationId": "deleteEvent", "summary": "Remove an event (coordinators: their branch's)",
                    "responses": D.responses(("204", ["description": "Removed"]), ["401", "403", "404"]),
                ],
            ],
        ]
    }

    static var schemas: JSONValue {
        var input: [String: JSONValue] = [
            "title": ["type": "string", "minLength": 1, "maxLength": 300], "type": codes(EventType.self), "starts_on": date,
            "ends_on": ["type": ["string", "null"], "format": "date"], "time_from": time, "time_to": time,
            "place": ["type": "string", "minLength": 1, "maxLength": 300], "organiser": text(300),
            "branch_id": ["type": ["string", "null"], "format": "uuid"],
            "target_groups": ["type": ["array", "null"], "items": codes(TargetGroup.self)], "participants": text(500),
            "participants_total": ["type": "integer", "minimum": 0, "maximum": 1_000_000], "children": count, "youth": count,
            "adults": count, "disabled": count, "goal": text(2000), "expected_result": text(2000), "actual_result": text(4000),
            "notes": text(4000), "project_id": ["type": ["string", "null"], "format": "uuid"],
        ]
        let inputSchema: JSONValue = [
            "type": "object", "required": ["title", "type", "starts_on", "place", "participants_total"],
            "description": "The age bands (children, youth, adults) add up to the total at most; so does `disabled`.",
            "properties": .object(input.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }),
        ]
        input["id"] = ["type": "string", "format": "uuid"]
        input["target_groups"] = ["type": "array", "items": codes(TargetGroup.self)]
        for key in ["organiser", "participants", "goal", "expected_result"] { input[key] = ["type": "string"] }
        let eventSchema: JSONValue = [
            "type": "object",
            "required": [
                "id", "title", "type", "starts_on", "place", "organiser", "target_groups", "participants", "participants_total", "goal",
                "expected_result",
            ],
            "properties": .object(input.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }),
        ]
        let row: JSONValue = [
            "type": "object", "required": ["code", "events", "participants", "disabled"],
            "properties": [
                "code": ["type": "string"], "events": ["type": "integer", "minimum": 0], "participants": ["type": "integer", "minimum": 0],
                "disabled": ["type": "integer", "minimum": 0],
            ],
        ]
        let rows: JSONValue = ["type": "array", "items": row]
        let report: JSONValue = [
            "type": "object", "required": ["from", "to", "by_type", "by_group", "by_month", "total"],
            "properties": ["from": date, "to": date, "by_type": rows, "by_group": rows, "by_month": rows, "total": row],
        ]
        return ["EventInput": inputSchema, "Event": eventSchema, "EventsReport": report]
    }
}
