import Fluent
import Vapor

/// `/api/v1/holidays`, `/api/v1/settings/delivery` and `/api/v1/catalog/{id}/loans`.
struct DeliveryAdminAPIController {
    struct HolidayDTO: Content {
        var id: UUID
        var day: String
        var name: String
    }

    struct HolidayInput: Content {
        var day: String?
        var name: String?
    }

    struct SettingsDTO: Content {
        var resend_after_months: Int?
        var horizon_weeks: Int
        /// The library's name for printed reports; left out of a PUT, it is kept.
        var library_name_ru: String?
        var library_name_kk: String?
        /// A carrier whose certificate has expired gets no new visits; left out of a PUT, kept.
        var expired_check_blocks: Bool?
        /// The week plan's weights in minutes of travel (issue 15, §2); left out of a PUT, kept.
        var plan_continuity_minutes: Int?
        var plan_imbalance_minutes: Int?
    }

    func register(staff: any RoutesBuilder, admin: any RoutesBuilder) {
        staff.get("holidays", use: holidays)
        admin.post("holidays", use: addHoliday)
        admin.delete("holidays", ":id", use: deleteHoliday)
        staff.get("settings", "delivery", use: settings)
        admin.put("settings", "delivery", use: saveSettings)
        staff.get("catalog", ":id", "loans", use: whoHad)
    }

    func holidays(req: Request) async throws -> [HolidayDTO] {
        try await Holiday.query(on: req.db).sort(\.$day).all().map { HolidayDTO(id: $0.id!, day: $0.day, name: $0.name) }
    }

    func addHoliday(req: Request) async throws -> Response {
        let input = try req.content.decode(HolidayInput.self, using: JSONDecoder())
        let (added, e) = try await Holidays.add(day: input.day, name: input.name, on: req.db)
        guard let holiday = added else { throw AppError.validation(e) }
        let response = Response(status: .created)
        try response.content.encode(HolidayDTO(id: holiday.id!, day: holiday.day, name: holiday.name), as: .json)
        return response
    }

    func deleteHoliday(req: Request) async throws -> Response {
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)) else { throw Abort(.notFound) }
        guard let holiday = try await Holiday.find(id, on: req.db) else { throw AppError.notFound }
        try await holiday.delete(on: req.db)
        return Response(status: .noContent)
    }

    func settings(req: Request) async throws -> SettingsDTO {
        let s = try await DeliverySettings.load(on: req.db)
        let name = try await LibraryName.load(on: req.db)
        return SettingsDTO(
            resend_after_months: s.resendAfterMonths, horizon_weeks: s.horizonWeeks, library_name_ru: name.ru, library_name_kk: name.kk,
            expired_check_blocks: s.expiredCheckBlocks, plan_continuity_minutes: s.planContinuityMinutes,
            plan_imbalance_minutes: s.planImbalanceMinutes)
    }

    func saveSettings(req: Request) async throws -> SettingsDTO {
        let input = try req.content.decode(SettingsDTO.self, using: JSONDecoder())
        var e = FieldErrors()
        if let m = input.resend_after_months, !(0...120).contains(m) { e.add("resend_after_months", "settings.months_range") }
        if !(1...26).contains(input.horizon_weeks) { e.add("horizon_weeks", "visit.weeks_range") }
        var name = try await LibraryName.load(on: req.db)
        if input.library_name_ru != nil { name.ru = e.oneLine(input.library_name_ru, "library_name_ru", max: 300) }
        if input.library_name_kk != nil { name.kk = e.oneLine(input.library_name_kk, "library_name_kk", max: 300) }
        for (field, value) in [("plan_continuity_minutes", input.plan_continuity_minutes), ("plan_imbalance_minutes", input.plan_imbalance_minutes)] {
            if let value, !(0...600).contains(value) { e.add(field, "settings.plan_weight_range") }
        }
        guard e.isEmpty else { throw AppError.validation(e) }
        let stored = try await DeliverySettings.load(on: req.db)
        var s = DeliverySettings(resendAfterMonths: input.resend_after_months.flatMap { $0 == 0 ? nil : $0 }, horizonWeeks: input.horizon_weeks)
        s.expiredCheckBlocks = input.expired_check_blocks ?? stored.expiredCheckBlocks
        s.planContinuityMinutes = input.plan_continuity_minutes ?? stored.planContinuityMinutes
        s.planImbalanceMinutes = input.plan_imbalance_minutes ?? stored.planImbalanceMinutes
        let chosen = name
        let settings = s
        try await req.db.transaction { tx in
            try await settings.save(on: tx)
            try await chosen.save(on: tx)
        }
        return SettingsDTO(
            resend_after_months: s.resendAfterMonths, horizon_weeks: s.horizonWeeks, library_name_ru: name.ru, library_name_kk: name.kk,
            expired_check_blocks: s.expiredCheckBlocks, plan_continuity_minutes: s.planContinuityMinutes,
            plan_imbalance_minutes: s.planImbalanceMinutes)
    }

    /// Who had this title: loans of the account's own branches' readers.
    func whoHad(req: Request) async throws -> LoansController.LoanList {
        let user = try req.currentUser()
        guard let bib = try await BibRecord.find(req.intParameter(), on: req.db) else { throw AppError.notFound }
        var q = Loan.query(on: req.db).filter(\.$bib.$id == bib.id!).join(Reader.self, on: \Loan.$reader.$id == \Reader.$id).with(\.$bib)
        if !user.isAdmin { q = q.filter(Reader.self, \.$branch.$id == (user.branchID ?? UUID())) }
        let loans = try await q.sort(\.$issuedOn, .descending).limit(500).all()
        try await req.audit(.list, "loan")
        return LoansController.LoanList(items: loans.map(LoansController.LoanDTO.init))
    }
}
