import Fluent
import Vapor

/// The delivery part of the demo: holidays, carriers who work every day, two weeks of planned
/// visits with selections ready, and a run for each carrier today.
enum DemoDelivery {
    static func load(on db: any Database, today: LocalDate, l10n: Localizer) async throws {
        for year in [today.year, today.year + 1] {
            _ = try await Holidays.addFixed(year: year, names: { l10n.t("holiday." + $0, .ru) }, on: db)
        }
        let carriers = try await User.query(on: db).filter(\.$role == .carrier).all()
        for carrier in carriers {
            for weekday in 1...7 {
                let hours = CarrierHours()
                hours.$user.id = carrier.id!
                hours.weekday = weekday
                hours.timeFrom = "10:00"
                hours.timeTo = "17:00"
                try await hours.create(on: db)
            }
        }
        _ = try await VisitPlanner.plan(branchID: nil, from: today, until: today.adding(days: 13), by: nil, on: db)
        // Whatever the weekday, each carrier has stops today.
        for carrier in carriers {
            guard let branchID = carrier.$branch.id else { continue }
            let busy = Set(try await Visit.query(on: db).filter(\.$scheduledOn == today.iso).all().map { $0.$reader.id })
            let readers = try await Reader.query(on: db).filter(\.$branch.$id == branchID).filter(\.$status == ReaderStatus.active.rawValue)
                .sort(\.$familyName).all().filter { !busy.contains($0.id!) }
            let mine = try await Visit.query(on: db).filter(\.$carrier.$id == carrier.id!).filter(\.$scheduledOn == today.iso).count()
            for reader in readers.prefix(max(0, 4 - mine)) {
                let visit = Visit()
                visit.$reader.id = reader.id!
                visit.$branch.id = branchID
                visit.$carrier.id = carrier.id
                visit.scheduledOn = today.iso
                visit.timeFrom = reader.timeFrom
                visit.timeTo = reader.timeTo
                visit.kind = VisitKind.planned.rawValue
                visit.status = VisitStatus.planned.rawValue
                try await visit.create(on: db)
            }
        }
        for branch in try await Branch.query(on: db).all() {
            _ = try await SelectionBatch.run(branchID: branch.id!, from: today, until: today.adding(days: 6), today: today, on: db)
        }
    }
}
