import Fluent
import Routing
import Vapor

/// One stop of a carrier's run: only what the doorstep needs. No disability details, needs,
/// history or consent data ever reach a carrier; this type has no field for them.
struct RunStop: Content {
    struct Phone: Content {
        var label: String
        var number: String
    }

    struct Deliver: Content {
        var item_id: UUID
        var title: String
        var authors: String
        var format: String
        var shelf_mark: String?
    }

    struct Collect: Content {
        var loan_id: UUID
        var title: String
        var due_on: String
    }

    var visit_id: UUID
    var position: Int
    var scheduled_on: String
    var time_from: String?
    var time_to: String?
    var status: String
    var reader_name: String
    var settlement: String
    var street: String
    var building: String
    var apartment: String?
    var entrance: String?
    var floor: Int?
    var intercom: String?
    var has_lift: Bool?
    var access_notes: String?
    var has_coordinates: Bool
    var phones: [Phone]
    var caregiver_name: String?
    var caregiver_phone: String?
    /// The reader's consent to photos and publication holds on the run's day; without it the
    /// carrier takes no photos.
    var photos_allowed: Bool
    /// When the carrier should get there (HH:mm), by the day's plan; nil when it cannot be timed.
    var expected_at: String?
    /// The stop cannot be reached within the reader's window any more: call ahead.
    var window_missed: Bool
    var deliver: [Deliver]
    var collect: [Collect]
    /// A fresh idempotency key for recording this stop's outcome.
    var key: String
}

/// A carrier's stops for a day, in route order from the branch.
enum RunSheet {
    static func stops(carrierID: UUID, day: LocalDate, now: Int? = nil, on db: any Database) async throws -> [RunStop] {
        try await run(carrierID: carrierID, day: day, now: now, on: db).stops
    }

    /// The day's stops, how many of the carrier's visits are left off them for want of consent, and
    /// the stops' places by visit (for the route sheets' sketch). `now` is the minute of the day
    /// when `day` is today, so that a late carrier's plan starts now.
    static func run(
        carrierID: UUID, day: LocalDate, now: Int? = nil, on db: any Database
    ) async throws -> (stops: [RunStop], heldBack: Int, points: [UUID: GeoPoint]) {
        // A reader whose consent has ended is not on the run: without consent there is no ground
        // to hand their address to a carrier (issue 19, finding 8). The coordinator sees why.
        let all = try await Visit.query(on: db).filter(\.$carrier.$id == carrierID).filter(\.$scheduledOn == day.iso)
            .filter(\.$status != VisitStatus.rescheduled.rawValue)
            .with(\.$reader) { $0.with(\.$phones) }.with(\.$branch).all()
        let visits = all.filter { $0.reader.hasConsent(on: day.iso) }
        let heldBack = all.count - visits.count
        guard !visits.isEmpty else { return ([], heldBack, [:]) }
        let start = visits.first?.branch.point
        let points = visits.map(\.reader.point)
        // The carrier's own start point and hours of that weekday (9:00–18:00 when none are set).
        let carrier = try await User.find(carrierID, on: db)
        let home = carrier?.startPoint
        let shift = try await CarrierHours.query(on: db).filter(\.$user.$id == carrierID).filter(\.$weekday == day.schedulingDay.weekday).first()
        let hours = (shift.flatMap { RunPlan.minutes($0.timeFrom) } ?? 9 * 60)...(shift.flatMap { RunPlan.minutes($0.timeTo) } ?? 18 * 60)
        let placed = RunPlan.place(visits, points: points, start: home ?? start, carrier: carrier, hours: hours, now: now)
        let order = placed.order
        var out: [RunStop] = []
        let allDetails = try await VisitDetails.loadAll(visits, on: db)
        // By the run's day, from the records: an expired consent to photos is no consent.
        let photos = try await ConsentsInForce.readers(visits.map(\.reader), holding: .publication, on: day, db: db)
        for (position, index) in order.enumerated() {
            let v = visits[index]
            let r = v.reader
            let details = allDetails[v.id!] ?? VisitDetails(items: [], collect: [])
            out.append(
                RunStop(
                    visit_id: v.id!, position: position + 1, scheduled_on: v.scheduledOn, time_from: v.timeFrom, time_to: v.timeTo, status: v.status,
                    reader_name: r.fullName, settlement: r.settlement, street: r.street, building: r.building, apartment: r.apartment,
                    entrance: r.entrance, floor: r.floor, intercom: r.intercom, has_lift: r.hasLift, access_notes: r.accessNotes,
                    has_coordinates: points[index] != nil,
                    phones: r.phones.sorted { $0.position < $1.position }.map { RunStop.Phone(label: $0.label, number: $0.number) },
                    caregiver_name: r.caregiverName, caregiver_phone: r.caregiverPhone, photos_allowed: photos.contains(r.id!),
                    expected_at: placed.arrival[index].map { String(format: "%02d:%02d", $0 / 60, $0 % 60) },
                    window_missed: placed.late.contains(index),
                    // After "no answer" the books are still in the carrier's bag: the stop keeps
                    // listing them, so that they go back to the shelf (issue 13, section 1).
                    deliver: details.items.filter {
                        $0.itemState == .accepted || $0.itemState == .delivered || (v.visitStatus == .noAnswer && $0.itemState == .notDelivered)
                    }.map { i in
                        RunStop.Deliver(
                            item_id: i.id!, title: i.bib.title, authors: i.bib.contributorList.first?.name ?? "", format: i.bib.form,
                            shelf_mark: i.copy?.shelfMark)
                    },
                    collect: details.collect.map { RunStop.Collect(loan_id: $0.id!, title: $0.bib.title, due_on: $0.dueOn) },
                    key: UUID().uuidString.lowercased()))
        }
        let places = Dictionary(uniqueKeysWithValues: visits.indices.compactMap { i in points[i].map { (visits[i].id!, $0) } })
        return (out, heldBack, places)
    }
}
