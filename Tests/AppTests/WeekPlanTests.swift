import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import KnigonoshaApp

/// Issue 15, §3: «План недели». The week's visits with pins, the solver's proposal set against the
/// current plan (nothing saved until confirmed), the save in one go with each change in the visit's
/// history, a stale proposal refused, and the printable route sheets with their sketches.
@Suite(.serialized) struct WeekPlanTests {
    struct Setup {
        let seed: Seed
        let second: User
        let monday: LocalDate
        /// No carrier yet: the plan must give it one.
        let open: Visit
        /// The second carrier's, pinned by the test: the plan must not move it.
        let pinned: Visit
        /// Wednesday, when one carrier is away and the other does not work: it cannot be placed.
        let stranded: Visit
        /// The reader has no coordinates.
        let unlocated: Visit
        /// Thursday, the reader allows Monday and Thursday.
        let flexible: Visit
        let south: Visit

        var visitsOfWeek: [Visit] { [open, pinned, stranded, unlocated, flexible] }
    }

    static func setup(_ app: Application) async throws -> Setup {
        let seed = try await Seed.make(app)
        seed.north.latitude = 50.41
        seed.north.longitude = 80.23
        try await seed.north.save(on: app.db)
        let hash = try await app.password.async.hash(Seed.password)
        // A name that would break out of an attribute if it were not escaped.
        let second = User(
            email: "carrier2@test.kz", fullName: #"Второй "Книгоноша" <b>"#, role: .carrier, branchID: seed.north.id, passwordHash: hash)
        try await second.create(on: app.db)
        // The second carrier works Monday, Tuesday and Thursday, 9 to 17; the first, with no hours
        // set, Monday to Friday, and is away on Wednesday of the planned week.
        for day in [1, 2, 4] {
            let h = CarrierHours()
            h.$user.id = second.id!
            h.weekday = day
            h.timeFrom = "09:00"
            h.timeTo = "17:00"
            try await h.create(on: app.db)
        }
        let monday = WeekInput.monday(of: LocalDate.today(in: app.config.timeZone).adding(days: 7))
        try await CarrierAbsence(userID: seed.carrier.id!, from: monday.adding(days: 2), to: monday.adding(days: 2), kind: .leave).create(on: app.db)

        func visit(
            _ card: String, _ family: String, day: Int, carrier: User?, own: User? = nil, point: Bool = true, weekdays: [String] = []
        )
            async throws -> Visit
        {
            var p = Seed.reader(branch: seed.north, card: card, family: family)
            p.carrier_id = own?.id
            p.weekdays = weekdays
            if !point {
                p.latitude = nil
                p.longitude = nil
            } else {
                // A few hundred metres apart around the branch.
                p.latitude = 50.41 + Double(Int(card.suffix(1)) ?? 0) * 0.001
                p.longitude = 80.23 + Double(day) * 0.002
            }
            let reader = try await Seed.storeReader(app, p, by: seed.coordinator)
            let v = try await DeliveryFixtures.visit(app, reader: reader, branch: seed.north, on: monday.adding(days: day))
            v.$carrier.id = carrier?.id
            v.timeFrom = "10:00"
            v.timeTo = "13:00"
            try await v.save(on: app.db)
            return v
        }
        let open = try await visit("WP-1", "Безкнигоношина", day: 0, carrier: nil)
        let pinned = try await visit("WP-2", "Закреплённая", day: 1, carrier: second, own: seed.carrier)
        let stranded = try await visit("WP-3", "Средовая", day: 2, carrier: seed.carrier)
        let unlocated = try await visit("WP-4", "Безкоординатная", day: 0, carrier: seed.carrier, point: false)
        let flexible = try await visit("WP-5", "Гибкая", day: 3, carrier: seed.carrier, weekdays: ["mon", "thu"])
        let southReader = try await Seed.storeReader(app, Seed.reader(branch: seed.south, card: "WP-S", family: "Южанка"), by: seed.otherCoordinator)
        let south = try await DeliveryFixtures.visit(app, reader: southReader, branch: seed.south, on: monday)
        return Setup(
            seed: seed, second: second, monday: monday, open: open, pinned: pinned, stranded: stranded, unlocated: unlocated, flexible: flexible,
            south: south)
    }

    static func id(_ v: Visit) -> String { v.id!.uuidString.lowercased() }

    @Test(arguments: TestDatabase.all)
    func test_the_week_is_proposed_against_the_current_plan_and_saved_in_one_go(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let s = try await Self.setup(app)
            let web = WebClient(app)
            try await web.login("coord@test.kz")
            let branch = s.seed.north.id!.uuidString.lowercased()
            // The visits page leads to the week; the week lists the branch's visits with their pins.
            #expect(try await web.get("/visits").text.contains("/visits/week?"))
            let page = try await web.get("/visits/week?week=\(s.monday.iso)").text
            for name in ["Безкнигоношина", "Закреплённая", "Средовая", "Безкоординатная", "Гибкая"] { #expect(page.contains(name), "\(name)") }
            #expect(!page.contains("Южанка"))
            #expect(page.contains(#"name="pin_carrier[]" value="\#(Self.id(s.pinned))""#))
            // A visit without a carrier has nothing to pin to.
            #expect(!page.contains(#"name="pin_carrier[]" value="\#(Self.id(s.open))""#))
            #expect(page.contains(#"Второй "Книгоноша" &lt;b&gt;"#) && !page.contains("<b>"))
            // A day that is a public holiday says so.
            let holiday = Holiday()
            (holiday.day, holiday.name) = (s.monday.adding(days: 1).iso, "Тест")
            try await holiday.create(on: app.db)
            #expect(try await web.get("/visits/week?week=\(s.monday.iso)").text.contains("праздничный день"))
            #expect(!page.contains("праздничный день"))

            // Unpinned, the reader's own carrier is preferred: the second carrier's visit goes back
            // to the first (the continuity penalty), which is what the pin below prevents.
            let free = try await web.post("/visits/week/propose", [("branch", branch), ("week", s.monday.iso)]).text
            let carrier = s.seed.carrier.id!.uuidString.lowercased()
            #expect(free.contains(#"value="\#(Self.id(s.pinned))|\#(carrier)|\#(s.pinned.scheduledOn)""#))
            // A date moves only for a real saving: the flexible reader keeps Thursday (a new user
            // saw three readers moved to Monday for a route of the same length).
            let freeAssigns = HTMLScan.tags(free).filter { $0.attribute("name") == "assign[]" }.compactMap { $0.attribute("value") }
            #expect(!freeAssigns.contains { $0.hasPrefix(Self.id(s.flexible)) && !$0.hasSuffix(s.flexible.scheduledOn) })
            // Propose with the second carrier's visit pinned, as the form sends it.
            let proposal = try await web.post(
                "/visits/week/propose", [("branch", branch), ("week", s.monday.iso), ("pin_carrier[]", Self.id(s.pinned))])
            #expect(proposal.status == .ok)
            let html = proposal.text
            #expect(try await Visit.find(s.pinned.id, on: app.db)?.pinCarrier == true)
            // No change gives a reader someone other than their own carrier here.
            #expect(!html.contains("не свой книгоноша читателя"))
            // Nothing is saved by proposing.
            #expect(try await Visit.find(s.open.id, on: app.db)?.$carrier.id == nil)
            // Every visit is either on a route or named with its reason.
            #expect(html.contains("Средовая") && html.contains("в подходящие дни ни один книгоноша не работает"))
            #expect(html.contains("Безкоординатная") && html.contains("у читателя нет координат"))
            let assigns = HTMLScan.tags(html).filter { $0.attribute("name") == "assign[]" }.compactMap { $0.attribute("value") }
            let basis = try #require(HTMLScan.tags(html).first { $0.attribute("name") == "basis" }?.attribute("value"))
            // The open visit gets a carrier; the pinned one keeps its carrier; the stranded one and the
            // one without coordinates are left alone.
            #expect(assigns.contains { $0.hasPrefix(Self.id(s.open) + "|") })
            for kept in [s.pinned, s.stranded, s.unlocated] { #expect(!assigns.contains { $0.hasPrefix(Self.id(kept)) }) }
            #expect(assigns.allSatisfy { !$0.hasPrefix(Self.id(s.pinned) + "|") || $0.contains(s.second.id!.uuidString.lowercased()) })

            // Saved as shown: every assignment lands, each with its history, nothing else changes.
            let saved = try await web.post(
                "/visits/week/save", [("branch", branch), ("week", s.monday.iso), ("basis", basis)] + assigns.map { ("assign[]", $0) })
            #expect(saved.status == .seeOther)
            let open = try #require(try await Visit.find(s.open.id, on: app.db))
            #expect(open.$carrier.id != nil)
            let events = try await VisitEvent.query(on: app.db).filter(\.$visit.$id == s.open.id!).filter(\.$kind == "assigned").all()
            #expect(events.count == 1)
            for (v, carrier) in [(s.pinned, s.second.id), (s.stranded, s.seed.carrier.id), (s.unlocated, s.seed.carrier.id)] {
                let now = try #require(try await Visit.find(v.id, on: app.db))
                #expect(now.$carrier.id == carrier && now.scheduledOn == v.scheduledOn)
            }
            #expect(try await web.get("/visits/week?week=\(s.monday.iso)").text.contains("План недели сохранён. Изменено визитов: \(assigns.count)."))

            // The same form again is stale: the week changed since it was proposed. Nothing is saved.
            let before = try await VisitEvent.query(on: app.db).count()
            let again = try await web.post(
                "/visits/week/save", [("branch", branch), ("week", s.monday.iso), ("basis", basis)] + assigns.map { ("assign[]", $0) })
            // A refusal, shown as one (not in the green notice of a success).
            #expect(again.status == .conflict)
            #expect(again.text.contains(#"<p class="warning-box" role="alert">Пока вы смотрели предложение, визиты недели изменились."#))
            // Years no plan can be about are named, and today's week is shown instead.
            let far = try await web.get("/visits/week?week=9999-12-31").text
            #expect(far.contains("9999-12-31") && far.contains(Formats.date(WeekInput.monday(of: LocalDate.today(in: app.config.timeZone)).iso, .ru)))
            #expect(try await web.post("/visits/week/propose", [("branch", branch), ("week", "9999-12-31")]).status == .badRequest)
            #expect(try await VisitEvent.query(on: app.db).count() == before)
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_a_plan_no_proposal_could_make_is_refused_whole(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let s = try await Self.setup(app)
            let web = WebClient(app)
            try await web.login("coord@test.kz")
            let branch = s.seed.north.id!.uuidString.lowercased()
            let week = try await WeekInput.load(branch: s.seed.north, week: s.monday, today: LocalDate.today(in: app.config.timeZone), on: app.db)
            let state = WeekProposal.basis(of: week)
            let good = WeekPlanSave.Assignment(visitID: s.open.id!, carrierID: s.seed.carrier.id!, day: s.monday).formValue
            let carrier = s.seed.carrier.id!.uuidString.lowercased()
            let second = s.second.id!.uuidString.lowercased()
            // Each sealed as a proposal would be, so that the rules, not the seal, refuse them.
            func post(_ values: [String]) async throws -> TestingHTTPResponse {
                let basis = WeekProposal.seal(state, values.compactMap(WeekPlanSave.Assignment.init(formValue:)))
                return try await web.post(
                    "/visits/week/save", [("branch", branch), ("week", s.monday.iso), ("basis", basis)] + values.map { ("assign[]", $0) })
            }
            for bad in [
                ["\(Self.id(s.south))|\(carrier)|\(s.monday.iso)"],  // another branch's visit
                ["\(Self.id(s.stranded))|\(carrier)|\(s.monday.adding(days: 2).iso)"],  // the carrier is away that day
                ["\(Self.id(s.stranded))|\(second)|\(s.monday.adding(days: 2).iso)"],  // the second does not work Wednesdays
                ["\(Self.id(s.open))|\(carrier)|\(s.monday.adding(days: 1).iso)"],  // a day the reader did not allow
                ["\(Self.id(s.open))|\(Self.id(s.open))|\(s.monday.iso)"],  // not a carrier
                ["\(Self.id(s.open))|\(carrier)|2026-02-30"],  // not a day
                ["nonsense"],
                [good, "\(Self.id(s.open))|\(second)|\(s.monday.iso)"],  // the same visit twice
                [good, "\(Self.id(s.stranded))|\(carrier)|\(s.monday.adding(days: 2).iso)"],  // a good one with a bad one
            ] {
                #expect(try await post(bad).status == .badRequest, "\(bad)")
            }
            // A save must carry what was proposed: the good assignment under a seal made without it
            // is refused (a new user added a change of their own to a proposal's save).
            let unsealed = try await web.post(
                "/visits/week/save", [("branch", branch), ("week", s.monday.iso), ("basis", WeekProposal.seal(state, [])), ("assign[]", good)])
            #expect(unsealed.status == .badRequest)
            // The good half of a bad form is not saved either.
            #expect(try await Visit.find(s.open.id, on: app.db)?.$carrier.id == nil)
            #expect(try await VisitEvent.query(on: app.db).filter(\.$kind == "assigned").count() == 0)
            // Another branch's coordinator may not plan this branch or open its sheets.
            let other = WebClient(app)
            try await other.login("coord2@test.kz")
            #expect(try await other.post("/visits/week/propose", [("branch", branch), ("week", s.monday.iso)]).status == .forbidden)
            #expect(
                try await other.post("/visits/week/save", [("branch", branch), ("week", s.monday.iso), ("basis", state), ("assign[]", good)]).status
                    == .forbidden)
            #expect(try await other.get("/visits/route-sheets?branch=\(branch)&date=\(s.monday.iso)").status == .forbidden)
            #expect(!(try await other.get("/visits/week").text.contains("Безкнигоношина")))
            // Carriers and management see neither page.
            let carrierWeb = WebClient(app)
            try await carrierWeb.login("carrier@test.kz")
            #expect(try await carrierWeb.get("/visits/week").status == .forbidden)
            #expect(try await carrierWeb.get("/visits/route-sheets").status == .forbidden)
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_the_days_a_visit_may_take(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let s = try await Self.setup(app)
            let today = LocalDate.today(in: app.config.timeZone)
            var week = try await WeekInput.load(branch: s.seed.north, week: s.monday.adding(days: 3), today: today, on: app.db)
            #expect(week.monday == s.monday)
            let flexible = try #require(week.visits.first { $0.id == s.flexible.id })
            // The reader allows Monday and Thursday: both are open to the plan.
            #expect(week.allowedDays(flexible) == [0, 3])
            #expect(week.allowedDays(try #require(week.visits.first { $0.id == s.open.id })) == [0])
            // Pinned to its day, it keeps it.
            try await WeekPlanSave.pin(carrier: [], day: [s.flexible.id!], week: week, on: app.db)
            week = try await WeekInput.load(branch: s.seed.north, week: s.monday, today: today, on: app.db)
            #expect(week.allowedDays(try #require(week.visits.first { $0.id == s.flexible.id })) == [3])
            // A second visit of the same reader this week: both keep their days.
            try await WeekPlanSave.pin(carrier: [], day: [], week: week, on: app.db)
            let reader = try #require(try await Reader.find(s.flexible.$reader.id, on: app.db))
            _ = try await DeliveryFixtures.visit(app, reader: reader, branch: s.seed.north, on: s.monday.adding(days: 1))
            week = try await WeekInput.load(branch: s.seed.north, week: s.monday, today: today, on: app.db)
            #expect(week.allowedDays(try #require(week.visits.first { $0.id == s.flexible.id })) == [3])
            // The proposal places every located visit once, on a day its carrier works, in its window.
            let proposal = try WeekProposal.make(week, start: s.seed.north.point!, seconds: 2)
            let placed = proposal.routes.flatMap { r in r.stops.map { ($0.visit.id!, r) } }
            #expect(Set(placed.map(\.0)).count == placed.count)
            #expect(placed.count + proposal.unplaced.count == week.visits.filter { week.isPlannable($0) && $0.reader.point != nil }.count)
            for r in proposal.routes {
                #expect(week.shift(r.carrier, on: r.day) != nil)
                for stop in r.stops { #expect((10 * 60...13 * 60).contains(stop.arrival) || stop.visit.timeFrom == nil) }
            }
            #expect(proposal.unlocated.map(\.id) == [s.unlocated.id])

            // Today's visits are left alone: the carrier may be on the way and the sheets printed.
            let todayVisit = try await DeliveryFixtures.visit(app, reader: reader, branch: s.seed.north, on: today)
            let now = try await WeekInput.load(branch: s.seed.north, week: today, today: today, on: app.db)
            #expect(!now.isPlannable(try #require(now.visits.first { $0.id == todayVisit.id })))
            #expect(now.firstDay == today.adding(days: 1))
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_route_sheets_print_each_carriers_day_with_its_sketch(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let s = try await Self.setup(app)
            let web = WebClient(app)
            try await web.login("coord@test.kz")
            // Monday: the first carrier has the visit without coordinates; give them the open one too.
            s.open.$carrier.id = s.seed.carrier.id
            try await s.open.save(on: app.db)
            let page = try await web.get("/visits/route-sheets?date=\(s.monday.iso)")
            #expect(page.status == .ok)
            let html = page.text
            #expect(html.contains("Безкнигоношина") && html.contains("Безкоординатная") && !html.contains("Южанка"))
            // One sketch, for the one carrier with stops that day; one numbered stop on it (the other
            // has no point), and the square of the start.
            let svgs = HTMLScan.tags(html).filter { $0.name == "svg" && !$0.isEnd }
            #expect(svgs.count == 1 && svgs.first?.attribute("role") == "img")
            #expect(HTMLScan.tags(html).filter { $0.name == "circle" }.count == 1)
            #expect(HTMLScan.tags(html).filter { $0.name == "rect" }.count == 1)
            #expect(html.contains("ул. Абая, 10"))
            // Tuesday: the second carrier's sheet; the quoted name stays inside its attribute.
            let tuesday = try await web.get("/visits/route-sheets?date=\(s.monday.adding(days: 1).iso)").text
            let label = try #require(HTMLScan.tags(tuesday).first { $0.name == "svg" }?.attribute("aria-label"))
            #expect(label.contains(#"Второй "Книгоноша" <b>"#))
            #expect(!tuesday.contains("<b>"))
            // A day with nothing: said so, no sheet.
            let sunday = try await web.get("/visits/route-sheets?date=\(s.monday.adding(days: 6).iso)").text
            #expect(sunday.contains("В этот день у книгонош филиала нет визитов.") && !sunday.contains("<svg"))
            // A date that cannot be read is named and today is shown instead.
            #expect(try await web.get("/visits/route-sheets?date=31.02").text.contains("31.02"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_the_plans_weights_are_library_settings(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let web = WebClient(app)
            try await web.login("admin@test.kz")
            let form: [(String, String)] = [
                ("resend_after_months", "0"), ("horizon_weeks", "8"), ("library_name_ru", ""), ("library_name_kk", ""), ("submitted", "1"),
                ("expired_check_blocks[]", "1"),
            ]
            for bad in ["", "-1", "601", "1,5", "десять"] {
                let r = try await web.post("/admin/delivery", form + [("plan_continuity_minutes", bad), ("plan_imbalance_minutes", "10")])
                #expect(r.status == .unprocessableEntity, "\(bad)")
                #expect(r.text.contains(#"id="f-plan_continuity_minutes-error""#), "\(bad)")
            }
            #expect(try await DeliverySettings.load(on: app.db).planContinuityMinutes == 15)
            let ok = try await web.post("/admin/delivery", form + [("plan_continuity_minutes", "40"), ("plan_imbalance_minutes", "0")])
            #expect(ok.status == .seeOther)
            let saved = try await DeliverySettings.load(on: app.db)
            #expect(saved.planContinuityMinutes == 40 && saved.planImbalanceMinutes == 0 && saved.expiredCheckBlocks)
            // The API keeps what a PUT leaves out, and names a weight out of range.
            let token = try await Seed.token(app, for: seed.admin)
            let put = try await app.sendRequest(
                .PUT, "/api/v1/settings/delivery", headers: ["Authorization": "Bearer \(token)", "Content-Type": "application/json"],
                body: ByteBuffer(string: #"{"horizon_weeks": 8, "plan_imbalance_minutes": 700}"#))
            #expect(put.status == .unprocessableEntity && put.body.string.contains("plan_imbalance_minutes"))
            let kept = try await app.sendRequest(
                .PUT, "/api/v1/settings/delivery", headers: ["Authorization": "Bearer \(token)", "Content-Type": "application/json"],
                body: ByteBuffer(string: #"{"horizon_weeks": 8, "plan_imbalance_minutes": 5}"#))
            #expect(kept.status == .ok && kept.body.string.contains(#""plan_continuity_minutes":40"#))
            #expect(try await DeliverySettings.load(on: app.db).planImbalanceMinutes == 5)
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_a_readers_visit_minutes_and_a_carriers_bag_shape_the_plan(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let s = try await Self.setup(app)
            let web = WebClient(app)
            try await web.login("coord@test.kz")
            // The reader's form: bad minutes are refused at the field, nothing saved; good ones kept.
            let base = ReaderFormFields.valid(branch: s.seed.north, card: "WP-M")
            for bad in ["4", "181", "полчаса"] {
                let r = try await web.post("/readers", ReaderFormFields.with(base, "visit_minutes", bad))
                #expect(r.status == .unprocessableEntity && r.text.contains(#"id="f-visit_minutes-error""#), "\(bad)")
            }
            #expect(try await Reader.query(on: app.db).filter(\.$cardNumber == "WP-M").count() == 0)
            #expect(try await web.post("/readers", ReaderFormFields.with(base, "visit_minutes", "45")).status == .seeOther)
            let reader = try #require(try await Reader.query(on: app.db).filter(\.$cardNumber == "WP-M").first())
            #expect(reader.visitMinutes == 45)
            #expect(try await web.get("/readers/\(reader.id!)").text.contains("45 мин"))
            // Empty means the default, 20.
            #expect(
                try await web.post("/readers", ReaderFormFields.with(ReaderFormFields.valid(branch: s.seed.north, card: "WP-N"), "visit_minutes", ""))
                    .status == .seeOther)
            #expect(try await Reader.query(on: app.db).filter(\.$cardNumber == "WP-N").first()?.visitMinutes == nil)

            // The carrier's bag: refused at the field when it is not 1 to 200, kept when it is.
            let path = "/carriers/\(s.second.id!)/details"
            func details(_ bag: String) -> [(String, String)] {
                [
                    ("certificate_on", ""), ("certificate_until", ""), ("trained_on", ""), ("id_card_number", ""), ("travel_mode", ""),
                    ("start_point", ""), ("bag_capacity", bag),
                ]
            }
            for bad in ["0", "201", "много"] {
                let r = try await web.post(path, details(bad))
                #expect(r.status == .unprocessableEntity && r.text.contains(#"id="f-bag_capacity-error""#), "\(bad)")
            }
            #expect(try await User.find(s.second.id, on: app.db)?.bagCapacity == nil)
            #expect(try await web.post(path, details("2")).status == .seeOther)
            #expect(try await User.find(s.second.id, on: app.db)?.bagCapacity == 2)

            // In the plan: the pinned visit (3 items) no longer fits the second carrier's bag. Every
            // reader of the week takes 100 minutes now: each stop starts after the one before ends.
            // A second Monday visit near the first, so that Monday's route has two stops.
            var p = Seed.reader(branch: s.seed.north, card: "WP-7", family: "Соседка")
            (p.latitude, p.longitude) = (50.412, 80.231)
            let neighbour = try await Seed.storeReader(app, p, by: s.seed.coordinator)
            let extra = try await DeliveryFixtures.visit(app, reader: neighbour, branch: s.seed.north, on: s.monday)
            (extra.timeFrom, extra.timeTo) = ("10:00", "13:00")
            try await extra.save(on: app.db)
            for v in s.visitsOfWeek + [extra] {
                try await Reader.query(on: app.db).filter(\.$id == v.$reader.id).set(\.$visitMinutes, to: 100).update()
            }
            let pinned = try #require(try await Visit.find(s.pinned.id, on: app.db))
            pinned.pinCarrier = true
            try await pinned.save(on: app.db)
            let week = try await WeekInput.load(branch: s.seed.north, week: s.monday, today: LocalDate.today(in: app.config.timeZone), on: app.db)
            let proposal = try WeekProposal.make(week, start: s.seed.north.point!, seconds: 2)
            #expect(proposal.unplaced.contains { $0.visit.id == s.pinned.id && $0.reason == .moreItemsThanAnyBag })
            #expect(!proposal.routes.contains { r in r.stops.contains { $0.visit.id == s.pinned.id } })
            for r in proposal.routes {
                for (a, b) in zip(r.stops, r.stops.dropFirst()) { #expect(b.arrival >= a.arrival + 100) }
            }
            #expect(proposal.routes.contains { $0.stops.count > 1 })
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_the_week_plan_through_the_api(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let s = try await Self.setup(app)
            let token = try await Seed.token(app, for: s.seed.coordinator)
            let headers: HTTPHeaders = ["Authorization": "Bearer \(token)", "Content-Type": "application/json"]
            func send(_ method: HTTPMethod, _ path: String, _ body: String? = nil) async throws -> TestingHTTPResponse {
                try await app.sendRequest(method, "/api/v1" + path, headers: headers, body: body.map { ByteBuffer(string: $0) })
            }
            // The week as it stands: the branch's five visits, not the other branch's.
            let week = try await send(.GET, "/visits/week?week=\(s.monday.iso)")
            #expect(week.status == .ok)
            let current = try week.content.decode(WeekPlanDTO.Week.self)
            #expect(current.visits.count == 5 && current.monday == s.monday.iso && current.carriers.count == 2)
            #expect(current.visits.first { $0.visit_id == s.unlocated.id }?.has_coordinates == false)
            #expect(try await send(.GET, "/visits/week?week=31.12.2026").status == .unprocessableEntity)
            #expect(try await send(.GET, "/visits/week?branch_id=\(s.seed.south.id!)").status == .forbidden)

            // A proposal with a pin: the pinned visit stays, the open one gets a carrier, the reasons are codes.
            let proposed = try await send(.POST, "/visits/week/proposal", #"{"week": "\#(s.monday.iso)", "pin_carrier": ["\#(s.pinned.id!)"]}"#)
            #expect(proposed.status == .ok)
            let p = try proposed.content.decode(WeekPlanDTO.Proposal.self)
            #expect(try await Visit.find(s.pinned.id, on: app.db)?.pinCarrier == true)
            #expect(p.changes.contains { $0.visit_id == s.open.id && $0.from_carrier_id == nil })
            #expect(!p.changes.contains { $0.visit_id == s.pinned.id })
            #expect(p.unplaced.contains { $0.visit_id == s.stranded.id && $0.reason == "no_carrier_on_allowed_days" })
            #expect(p.unplaced.contains { $0.visit_id == s.unlocated.id && $0.reason == "no_coordinates" })
            #expect(try await send(.POST, "/visits/week/proposal", #"{"week": "9999-01-01"}"#).body.string.contains("week"))
            // A pin on a visit the plan may not change is named, and nothing is pinned.
            let wrongPin = try await send(.POST, "/visits/week/proposal", #"{"week": "\#(s.monday.iso)", "pin_day": ["\#(s.south.id!)"]}"#)
            #expect(wrongPin.status == .unprocessableEntity && wrongPin.body.string.contains("pin_day[0]"))
            // Only the list given is replaced: pin_day leaves the carrier pin as it was.
            #expect(try await send(.POST, "/visits/week/proposal", #"{"week": "\#(s.monday.iso)", "pin_day": []}"#).status == .ok)
            #expect(try await Visit.find(s.pinned.id, on: app.db)?.pinCarrier == true)

            // Saved as proposed; the same again is stale (409); a forged one is refused (400).
            let assignments = p.changes.map { #"{"visit_id": "\#($0.visit_id)", "carrier_id": "\#($0.carrier_id)", "date": "\#($0.date)"}"# }
            let body = #"{"week": "\#(s.monday.iso)", "basis": "\#(p.basis)", "assignments": [\#(assignments.joined(separator: ","))]}"#
            let saved = try await send(.POST, "/visits/week", body)
            #expect(saved.status == .ok && saved.body.string.contains(#""saved":\#(p.changes.count)"#))
            #expect(try await Visit.find(s.open.id, on: app.db)?.$carrier.id != nil)
            #expect(try await send(.POST, "/visits/week", body).status == .conflict)
            let fresh = try await send(.POST, "/visits/week/proposal", #"{"week": "\#(s.monday.iso)"}"#).content.decode(WeekPlanDTO.Proposal.self)
            let forged =
                #"{"week": "\#(s.monday.iso)", "basis": "\#(fresh.basis)", "assignments": [{"visit_id": "\#(s.south.id!)", "carrier_id": "\#(s.seed.carrier.id!)", "date": "\#(s.monday.iso)"}]}"#
            #expect(try await send(.POST, "/visits/week", forged).status == .badRequest)
            // A proposal's save with a change of the client's own added is refused whole.
            let extra =
                #"{"week": "\#(s.monday.iso)", "basis": "\#(fresh.basis)", "assignments": [{"visit_id": "\#(s.flexible.id!)", "carrier_id": "\#(s.second.id!)", "date": "\#(s.flexible.scheduledOn)"}]}"#
            #expect(try await send(.POST, "/visits/week", extra).status == .badRequest)
            #expect(try await Visit.find(s.flexible.id, on: app.db)?.$carrier.id == s.seed.carrier.id)
            // An administrator naming a branch that does not exist gets 404, not another branch.
            let adminToken = try await Seed.token(app, for: s.seed.admin)
            let unknown = try await app.sendRequest(
                .GET, "/api/v1/visits/week?branch_id=00000000-0000-0000-0000-000000000000", headers: ["Authorization": "Bearer \(adminToken)"])
            #expect(unknown.status == .notFound)
            let badDate =
                #"{"week": "\#(s.monday.iso)", "basis": "x", "assignments": [{"visit_id": "\#(s.open.id!)", "carrier_id": "\#(s.seed.carrier.id!)", "date": "2026-13-01"}]}"#
            let refused = try await send(.POST, "/visits/week", badDate)
            #expect(refused.status == .unprocessableEntity && refused.body.string.contains("assignments[0].date"))
        }
    }
}
