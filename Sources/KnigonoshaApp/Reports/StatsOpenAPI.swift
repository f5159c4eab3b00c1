/// The OpenAPI paths and schemas of the delivery statistics, the annual report and the library
/// totals.
enum StatsOpenAPI {
    typealias D = OpenAPIDocument
    private static let date: JSONValue = ["type": "string", "format": "date"]
    private static let int: JSONValue = ["type": "integer", "minimum": 0]
    private static let uuid: JSONValue = ["type": "string", "format": "uuid"]
    private static func object(_ properties: [String: JSONValue], optional: Set<String> = []) -> JSONValue {
        [
            "type": "object", "required": .array(properties.keys.filter { !optional.contains($0) }.sorted().map { .string($0) }),
            "properties": .object(properties.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }),
        ]
    }
    private static var period: [JSONValue] {
        [
            D.query("from", date, "First day (default: 1 January this year)"), D.query("to", date, "Last day (default: 31 December this year)"),
            D.query("branch_id", uuid, "One branch; the whole library when left out"),
        ]
    }

    static var paths: JSONValue {
        [
            "/reports/delivery": [
                "get": [
                    "operationId": "deliveryStatistics",
                    "summary": "Readers served, visits, items issued, returned and overdue, with breakdowns, months and shares of library totals",
                    "parameters": .array(period),
                    "responses": D.responses(("200", D.ok(D.ref("DeliveryStatistics"))), ["400", "401", "403", "422"]),
                ]
            ],
            "/reports/delivery/rows": [
                "get": [
                    "operationId": "deliveryStatisticsRows",
                    "summary": "The readers, visits or loans behind one figure, 100 a page (coordinators: their own branch only)",
                    "parameters": .array(
                        period + [
                            D.query("list", ["type": "string", "enum": ["readers", "visits", "loans"]], "Which list"),
                            D.query(
                                "subset", ["type": "string", "maxLength": 60],
                                "The figure: readers all|new|disability.CODE|age.CODE; visits all|done|failed|open|no_answer|rescheduled|cancelled_REASON; loans issued|returned|overdue|form.CODE|language.CODE"
                            ),
                            D.query("page", ["type": "integer", "minimum": 1, "maximum": 10000], "Page number"),
                        ]),
                    "responses": D.responses(("200", D.ok(D.ref("StatisticsRows"))), ["400", "401", "403", "422"]),
                ]
            ],
            "/reports/circulation": [
                "get": [
                    "operationId": "circulationExport",
                    "summary":
                        "Issues and returns made through the service in the period, for the library's own system: CSV (event, date, inventory_number, barcode, branch, reader_card, due_date, isbn, control_number, title) or MARC 21 holdings records with 876 (reader staff; coordinators: their own branch only)",
                    "parameters": .array(
                        period + [D.query("format", ["type": "string", "enum": ["csv", "marc"]], "csv (default) or marc (ISO 2709, UTF-8)")]),
                    "responses": .object([
                        (
                            "200",
                            [
                                "description": "The file",
                                "content": [
                                    "text/csv": ["schema": ["type": "string"]],
                                    "application/marc": ["schema": ["type": "string", "format": "binary"]],
                                ],
                            ]
                        ),
                        ("400", ["$ref": "#/components/responses/BadRequest"]),
                        ("401", ["$ref": "#/components/responses/Unauthorized"]), ("403", ["$ref": "#/components/responses/Forbidden"]),
                        ("422", ["$ref": "#/components/responses/Invalid"]),
                    ]),
                ]
            ],
            "/reports/annual": [
                "get": [
                    "operationId": "annualReport", "summary": "The year's delivery figures, events and projects",
                    "parameters": [
                        D.query("year", ["type": "integer", "minimum": 2000, "maximum": 2200], "The year (default: this year)"),
                        D.query("branch_id", uuid, "One branch; the whole library when left out"),
                    ],
                    "responses": D.responses(("200", D.ok(D.ref("AnnualReport"))), ["400", "401", "403", "422"]),
                ]
            ],
            "/library-totals": [
                "get": [
                    "operationId": "listLibraryTotals", "summary": "The library's totals entered per period",
                    "responses": D.responses(("200", D.ok(["type": "array", "items": D.ref("LibraryTotal")])), ["401", "403"]),
                ],
                "post": [
                    "operationId": "saveLibraryTotal",
                    "summary": "Enter the totals for a period and branch (administrators); the same period is replaced",
                    "requestBody": D.body("LibraryTotalInput"),
                    "responses": D.responses(("200", D.ok(D.ref("LibraryTotal"))), ["400", "401", "403", "413", "422"]),
                ],
            ],
            "/library-totals/{id}": [
                "parameters": [D.idParameter],
                "delete": [
                    "operationId": "deleteLibraryTotal", "summary": "Remove entered totals (administrators)",
                    "responses": D.responses(("204", ["description": "Removed"]), ["401", "403", "404"]),
                ],
            ],
        ]
    }

    static var schemas: JSONValue {
        let count = object(["code": ["type": "string"], "value": int])
        let counts: JSONValue = ["type": "array", "items": count]
        let month = object(["month": ["type": "string"], "readers": int, "visits_done": int, "issued": int])
        let share = object(["figure": ["type": "string"], "value": int, "library_total": int, "percent": ["type": "number", "minimum": 0]])
        let stats = object(
            [
                "from": date, "to": date, "branch_id": ["type": ["string", "null"], "format": "uuid"], "readers_served": int, "readers_new": int,
                "readers_by_disability": counts, "readers_by_age": counts, "visits_planned": int, "visits_done": int, "visits_failed": int,
                "visits_open": int, "visits_failed_by_reason": counts, "items_issued": int, "items_by_format": counts, "items_by_language": counts,
                "items_returned": int, "items_overdue": int, "by_month": ["type": "array", "items": month],
                "shares": ["type": "array", "items": share],
            ], optional: ["branch_id"])
        let rows = object(
            [
                "total": int, "page": int, "page_size": int, "columns": ["type": "array", "items": ["type": "string"]],
                "rows": [
                    "type": "array",
                    "items": object(
                        ["link": ["type": ["string", "null"]], "cells": ["type": "array", "items": ["type": "string"]]], optional: ["link"]),
                ],
            ])
        let annual = object(
            [
                "year": ["type": "integer"], "branch_id": ["type": ["string", "null"], "format": "uuid"], "delivery": D.ref("DeliveryStatistics"),
                "events": D.ref("EventsReport"), "projects": ["type": "array", "items": D.ref("Project")],
            ], optional: ["branch_id"])
        let total: JSONValue = ["type": ["integer", "null"], "minimum": 0, "maximum": 100_000_000]
        let input = object(
            [
                "from": date, "to": date, "branch_id": ["type": ["string", "null"], "format": "uuid"], "users": total, "visits": total,
                "issued": total,
            ],
            optional: ["branch_id", "users", "visits", "issued"])
        let row = object(
            [
                "id": uuid, "from": date, "to": date, "branch_id": ["type": ["string", "null"], "format": "uuid"],
                "users": ["type": ["integer", "null"]],
                "visits": ["type": ["integer", "null"]], "issued": ["type": ["integer", "null"]],
            ], optional: ["branch_id", "users", "visits", "issued"])
        return ["DeliveryStatistics": stats, "StatisticsRows": rows, "AnnualReport": annual, "LibraryTotalInput": input, "LibraryTotal": row]
    }
}
