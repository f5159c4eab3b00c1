import Foundation
import Routing
import Vapor

/// The week's plan in the API: the same content as the pages, as ids and codes.
enum WeekPlanDTO {
    struct Visit: Content {
        var visit_id: UUID
        var reader_id: UUID
        var reader_name: String
        var scheduled_on: String
        var time_from: String?
        var time_to: String?
        var carrier_id: UUID?
        var status: String
        /// Open, not started and from tomorrow on: the plan may move or reassign it.
        var plannable: Bool
        var has_coordinates: Bool
        var pin_carrier: Bool
        var pin_day: Bool
    }

    struct Carrier: Content {
        var id: UUID
        var full_name: String
    }

    struct Week: Content {
        var branch_id: UUID
        var monday: String
        var first_day: String
        var visits: [Visit]
        var carriers: [Carrier]

        init(_ w: WeekInput) {
            branch_id = w.branch.id!
            monday = w.monday.iso
            first_day = w.firstDay.iso
            visits = w.visits.map { v in
                Visit(
                    visit_id: v.id!, reader_id: v.$reader.id, reader_name: v.reader.fullName, scheduled_on: v.scheduledOn, time_from: v.timeFrom,
                    time_to: v.timeTo, carrier_id: v.$carrier.id, status: v.status, plannable: w.isPlannable(v),
                    has_coordinates: v.reader.point != nil,
                    pin_carrier: v.pinCarrier == true, pin_day: v.pinDay == true)
            }
            carriers = w.carriers.map { Carrier(id: $0.id!, full_name: $0.fullName) }
        }
    }

    struct Change: Content {
        var visit_id: UUID
        var from_carrier_id: UUID?
        var from_date: String
        var carrier_id: UUID
        var date: String
    }

    struct Unplaced: Content {
        var visit_id: UUID
        var reason: String
    }

    struct Stop: Content {
        var visit_id: UUID
        var expected_at: String
    }

    struct Route: Content {
        var carrier_id: UUID
        var date: String
        var travel_minutes: Int
        var stops: [Stop]
    }

    struct Proposal: Content {
        var basis: String
        var travel_minutes: Int
        var continuity_breaks: Int
        var changes: [Change]
        var unplaced: [Unplaced]
        var routes: [Route]

        init(_ p: WeekProposal) {
            basis = p.basis
            travel_minutes = p.travelMinutes
            continuity_breaks = p.continuityBreaks
            changes = p.changes.map {
                Change(
                    visit_id: $0.visit.id!, from_carrier_id: $0.visit.$carrier.id, from_date: $0.visit.scheduledOn, carrier_id: $0.carrier.id!,
                    date: $0.day.iso)
            }
            unplaced =
                p.unplaced.map { Unplaced(visit_id: $0.visit.id!, reason: WeekPlanDTO.code($0.reason)) }
                + p.unlocated.map { Unplaced(visit_id: $0.id!, reason: "no_coordinates") }
            routes = p.routes.map { r in
                Route(
                    carrier_id: r.carrier.id!, date: r.day.iso, travel_minutes: r.travelMinutes,
                    stops: r.stops.map { Stop(visit_id: $0.visit.id!, expected_at: WeekPlanView.clock($0.arrival)) })
            }
        }
    }

    static let reasons = ["no_carrier_on_allowed_days", "more_items_than_any_bag", "window_outside_carrier_hours", "no_time_left", "no_coordinates"]

    static func code(_ reason: UnplacedReason) -> String {
        switch reason {
        case .noCarrierOnAllowedDays: "no_carrier_on_allowed_days"
        case .moreItemsThanAnyBag: "more_items_than_any_bag"
        case .windowOutsideCarrierHours: "window_outside_carrier_hours"
        case .noTimeLeft: "no_time_left"
        }
    }
}
