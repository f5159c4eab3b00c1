/// The OpenAPI paths and schemas of carriers' working hours and calendar feeds.
enum CarrierOpenAPI {
    typealias D = OpenAPIDocument
    private static let time: JSONValue = ["type": "string", "pattern": "^[0-2][0-9]:[0-5][0-9]$"]
    private static let weekday: JSONValue = ["type": "integer", "minimum": 1, "maximum": 7, "description": "1 is Monday, 7 is Sunday"]

    static var paths: JSONValue {
        [
            "/carriers/{id}/hours": [
                "parameters": [D.idParameter],
                "get": [
                    "operationId": "getCarrierHours", "summary": "A carrier's working days and hours",
                    "responses": D.responses(("200", D.ok(["type": "array", "items": D.ref("CarrierHours")])), ["401", "403", "404"]),
                ],
                "put": [
                    "operationId": "putCarrierHours", "summary": "Replace them; days not listed are days off (administrators)",
                    "requestBody": D.body("CarrierHoursInput"),
                    "responses": D.responses(
                        ("200", D.ok(["type": "array", "items": D.ref("CarrierHours")])), ["400", "401", "403", "404", "413", "422"]),
                ],
            ],
            "/profile/calendar-feed": [
                "post": [
                    "operationId": "createCalendarFeed",
                    "summary": "A new private iCalendar address for the signed-in carrier; any earlier one stops working",
                    "responses": D.responses(("201", D.ok(D.ref("CalendarFeed"), "Created")), ["401", "403"]),
                ],
                "delete": [
                    "operationId": "revokeCalendarFeed", "summary": "Stop the carrier's calendar address",
                    "responses": D.responses(("204", ["description": "Revoked"]), ["401", "403"]),
                ],
            ],
        ]
    }

    static var schemas: JSONValue {
        [
            "CarrierHours": [
                "type": "object", "required": ["weekday", "from", "to"], "properties": ["weekday": weekday, "from": time, "to": time],
            ],
            "CarrierHoursInput": [
                "type": "object", "required": ["hours"],
                "properties": [
                    "hours": [
                        "type": "array", "maxItems": 7,
                        "items": [
                            "type": "object", "required": ["weekday", "from", "to"], "properties": ["weekday": weekday, "from": time, "to": time],
                        ],
                    ]
                ],
            ],
            "CalendarFeed": [
                "type": "object", "required": ["url"],
                "properties": ["url": ["type": "string", "description": "Shown once; only its hash is kept"]],
            ],
        ]
    }
}
