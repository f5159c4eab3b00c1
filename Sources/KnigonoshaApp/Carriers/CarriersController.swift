import Fluent
import Routing
import Vapor

/// The carriers of the coordinator's branch (all branches for an administrator): who is away
/// when, and the visits an absence leaves without a carrier (issue 15, §1).
struct CarriersController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.carriers.pattern, use: list)
        routes.get(SiteRoute.carrier(SiteRoute.anyID).pattern, use: show)
        routes.post(SiteRoute.carrierAbsences(SiteRoute.anyID).pattern, use: addAbsence)
        routes.post(SiteRoute.carrierAbsenceDelete(SiteRoute.anyID, SiteRoute.anyID).pattern, use: removeAbsence)
        routes.post(SiteRoute.carrierReassign(SiteRoute.anyID).pattern, use: reassign)
        routes.post(SiteRoute.carrierDetails(SiteRoute.anyID).pattern, use: saveDetails)
    }

    /// The details form as typed: the start point is one «lat, lon» field.
    struct DetailsForm: Content {
        var certificate_on: String?
        var certificate_until: String?
        var trained_on: String?
        var id_card_number: String?
        var travel_mode: String?
        var start_point: String?
        var bag_capacity: String?

        init() {}

        init(_ u: User) {
            (certificate_on, certificate_until, trained_on, id_card_number) = (u.certificateOn, u.certificateUntil, u.trainedOn, u.idCardNumber)
            travel_mode = u.travelMode
            bag_capacity = u.bagCapacity.map(String.init)
            start_point = u.startLatitude.flatMap { lat in u.startLongitude.map { "\(lat), \($0)" } }
        }
    }

    func saveDetails(req: Request) async throws -> Response {
        let carrier = try await Self.find(req)
        let form = try req.content.decode(DetailsForm.self)
        let (lat, lon, ok) = CarrierDetails.point(form.start_point)
        var errors = FieldErrors()
        if !ok { errors.add("start_point", "carrier.point_invalid") }
        let bagText = (form.bag_capacity ?? "").trimmingCharacters(in: .whitespaces)
        let bag = Int(bagText)
        if !bagText.isEmpty, bag == nil { errors.add("bag_capacity", "validation.whole_number") }
        let input = CarrierDetails.Input(
            certificate_on: form.certificate_on, certificate_until: form.certificate_until, trained_on: form.trained_on,
            id_card_number: form.id_card_number, travel_mode: form.travel_mode, start_latitude: lat, start_longitude: lon,
            bag_capacity: bag)
        if errors.isEmpty {
            // The two numbers are one field on the page.
            for item in CarrierDetails.apply(input, to: carrier, branch: carrier.branch?.point).items {
                errors.add(item.field.hasPrefix("start_") ? "start_point" : item.field, item.message.key, item.message.args)
            }
        }
        guard errors.isEmpty else {
            return try await render(
                req, carrier: carrier, form: CarrierAbsences.Input(), errors: FieldErrors(), details: form, detailErrors: errors,
                status: .unprocessableEntity)
        }
        try await carrier.save(on: req.db)
        try await req.audit(.update, "carrier", carrier.id)
        return req.seeOther(SiteRoute.carrier(carrier.id!).path + "#details-h", flash: "carrier.details_saved")
    }

    func list(req: Request) async throws -> Response {
        let user = try req.currentUser()
        var query = User.query(on: req.db).filter(\.$role == .carrier).with(\.$branch).sort(\.$fullName)
        if !user.isAdmin { query = query.filter(\.$branch.$id == (user.branchID ?? UUID())) }
        let carriers = try await query.all()
        let ids = carriers.compactMap(\.id)
        let absences =
            ids.isEmpty
            ? []
            : try await CarrierAbsence.query(on: req.db).filter(\.$user.$id ~~ ids).filter(\.$endsOn >= req.today.iso).sort(\.$startsOn).all()
        try await req.audit(.list, "carrier")
        return CarriersView.list(
            req.page, carriers: carriers, absences: absences, today: req.today, blocks: try await DeliverySettings.load(on: req.db).expiredCheckBlocks
        )
    }

    func show(req: Request) async throws -> Response {
        try await render(req, carrier: try await Self.find(req), form: CarrierAbsences.Input(), errors: FieldErrors())
    }

    func addAbsence(req: Request) async throws -> Response {
        let carrier = try await Self.find(req)
        let input = try req.content.decode(CarrierAbsences.Input.self)
        let (absence, errors) = try await CarrierAbsences.add(input, carrierID: carrier.id!, today: req.today, on: req.db)
        guard let absence else { return try await render(req, carrier: carrier, form: input, errors: errors, status: .unprocessableEntity) }
        try await req.audit(.create, "carrier_absence", absence.id)
        let stranded = try await CarrierAbsences.stranded(carrierID: carrier.id!, today: req.today, on: req.db).count
        req.flash([(stranded > 0 ? "absence.saved_stranded" : "absence.saved", [("count", stranded)])])
        return req.seeOther(SiteRoute.carrier(carrier.id!).path + (stranded > 0 ? "#stranded-h" : "#absences-h"))
    }

    func removeAbsence(req: Request) async throws -> Response {
        let carrier = try await Self.find(req)
        guard let id = req.parameters.get("id2").flatMap(UUID.init(uuidString:)),
            let absence = try await CarrierAbsence.query(on: req.db).filter(\.$id == id).filter(\.$user.$id == carrier.id!).first()
        else { throw AppError.notFound }
        let ctx = req.page
        if let ask = ConfirmStep.ask(
            req, question: ctx.t("confirm.remove_question", ["what": ctx.date(absence.startsOn) + "–" + ctx.date(absence.endsOn)]),
            detail: ctx.t("absence.remove_detail"), confirm: ctx.t("common.remove"), back: SiteRoute.carrier(carrier.id!).path + "#absences-h")
        {
            return ask
        }
        try await absence.delete(on: req.db)
        try await req.audit(.update, "carrier_absence", absence.id)
        return req.seeOther(SiteRoute.carrier(carrier.id!).path + "#absences-h", flash: "absence.removed")
    }

    func reassign(req: Request) async throws -> Response {
        let carrier = try await Self.find(req)
        let (moved, unassigned) = try await CarrierAbsences.reassign(carrierID: carrier.id!, today: req.today, by: try req.currentUser(), on: req.db)
        try await req.audit(.update, "carrier", carrier.id)
        req.flash([("absence.reassigned", [("moved", moved), ("unassigned", unassigned)])])
        return req.seeOther(SiteRoute.carrier(carrier.id!).path + "#stranded-h")
    }

    private func render(
        _ req: Request, carrier: User, form: CarrierAbsences.Input, errors: FieldErrors, details: DetailsForm? = nil,
        detailErrors: FieldErrors = FieldErrors(), status: HTTPStatus = .ok
    ) async throws -> Response {
        // Absences from two months back: recent ones stay visible for the hours report.
        let since = req.today.adding(days: -60)
        let absences = try await CarrierAbsence.query(on: req.db).filter(\.$user.$id == carrier.id!).filter(\.$endsOn >= since.iso)
            .sort(\.$startsOn, .descending).all()
        let stranded = try await CarrierAbsences.stranded(carrierID: carrier.id!, today: req.today, on: req.db)
        try await req.audit(.view, "carrier", carrier.id)
        return CarriersView.page(
            req.page, carrier: carrier, absences: absences, stranded: stranded, form: form, errors: errors, details: details ?? DetailsForm(carrier),
            detailErrors: detailErrors, today: req.today, blocks: try await DeliverySettings.load(on: req.db).expiredCheckBlocks, status: status)
    }

    /// A carrier the signed-in coordinator may manage: one of their branch (any for an administrator).
    static func find(_ req: Request) async throws -> User {
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)),
            let carrier = try await User.query(on: req.db).filter(\.$id == id).filter(\.$role == .carrier).with(\.$branch).first()
        else { throw AppError.notFound }
        guard try req.currentUser().canAccess(branchID: carrier.$branch.id) else { throw AppError.forbidden }
        return carrier
    }
}
