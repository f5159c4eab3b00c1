import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import KnigonoshaApp

/// Issue 16, §3: consents by scope with the way they were given and a scan; withdrawal stops what
/// depends on them; a scan that is not a PDF or an image is refused and nothing is kept.
@Suite struct ConsentLifecycleTests {
    static let pdf = Array("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".utf8)

    private func rows(_ app: Application, _ reader: Reader) async throws -> [ReaderConsent] {
        try await ReaderConsent.query(on: app.db).filter(\.$reader.$id == reader.id!).sort(\.$createdAt).all()
    }

    private func files(_ app: Application) -> Set<String> {
        Set(((try? FileManager.default.contentsOfDirectory(atPath: app.config.attachmentDirectory)) ?? []).filter { $0.hasPrefix("consent-") })
    }

    @Test(arguments: TestDatabase.all)
    func test_a_consent_with_its_scan_is_kept_and_a_bad_scan_or_field_keeps_nothing(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let reader = try await Seed.storeReader(app, Seed.reader(branch: seed.north, card: "N-C1"), by: seed.coordinator)
            // The reader form registered the service consent: one record of it.
            let registered = try await rows(app, reader)
            #expect(registered.map(\.scope) == ["service"] && registered.first?.givenOn == "2024-01-10")
            let rid = reader.id!.uuidString.lowercased()
            let today = LocalDate.today(in: app.config.timeZone).iso
            let web = WebClient(app)
            try await web.login("coord@test.kz")
            #expect(try await web.get("/readers/\(rid)").text.contains("href=\"/readers/\(rid)/consents\""))
            let form: [(String, String)] = [("scope", "publication"), ("given_on", today), ("way", "signed"), ("representative", ""), ("until", "")]
            let saved = try await web.upload("/readers/\(rid)/consents", fields: form, file: ("file", "согласие.pdf", Self.pdf))
            #expect(saved.status == .seeOther)
            let after = try await rows(app, reader)
            #expect(after.count == 2)
            let publication = try #require(after.first { $0.scope == "publication" })
            #expect(publication.scanName == "согласие.pdf" && publication.scanType == "application/pdf" && publication.scanSize == Self.pdf.count)
            #expect(files(app).count == 1)
            #expect(try await Reader.find(reader.id, on: app.db)?.consentPublication == true)
            let scan = try await web.get("/readers/\(rid)/consents/\(publication.id!.uuidString.lowercased())/scan")
            #expect(
                scan.status == .ok && scan.headers.contentType?.description == "application/pdf" && Array(scan.body.readableBytesView) == Self.pdf)

            // A page named .pdf is refused at the file field; nothing is kept.
            let html = try await web.upload(
                "/readers/\(rid)/consents",
                fields: [("scope", "statistics"), ("given_on", today), ("way", "oral"), ("representative", ""), ("until", "")],
                file: ("file", "scan.pdf", Array("<html><script>alert(1)</script></html>".utf8)))
            #expect(html.status == .unprocessableEntity)
            #expect(html.text.contains("Скан согласия — только PDF, JPEG или PNG."))
            // Bad fields: nothing kept either, not even a good scan.
            let bad = try await web.upload(
                "/readers/\(rid)/consents",
                fields: [("scope", ""), ("given_on", "2999-01-01"), ("way", "caregiver"), ("representative", ""), ("until", "")],
                file: ("file", "scan.pdf", Self.pdf))
            #expect(bad.status == .unprocessableEntity)
            for message in ["Цель согласия", "Дата не может быть в будущем.", "Кто дал согласие за читателя"] {
                #expect(bad.text.contains(message), "\(message) is missing")
            }
            #expect(try await rows(app, reader).count == 2)
            #expect(files(app).count == 1)
            // A chosen file that came empty is said, not dropped.
            let empty = try await web.upload(
                "/readers/\(rid)/consents",
                fields: [("scope", "statistics"), ("given_on", today), ("way", "oral"), ("representative", ""), ("until", "")],
                file: ("file", "empty.pdf", []))
            #expect(empty.status == .unprocessableEntity && empty.text.contains("Файл пуст или не прочитан"))
            // A real scan is larger than the 1 MB of an ordinary form: 1.5 MB passes, on the page.
            let big = Self.pdf + Array(repeating: UInt8(ascii: " "), count: 1_500_000)
            let large = try await web.upload(
                "/readers/\(rid)/consents",
                fields: [("scope", "statistics"), ("given_on", today), ("way", "oral"), ("representative", ""), ("until", "")],
                file: ("file", "большой.pdf", big))
            #expect(large.status == .seeOther)
            let statistics = try #require(try await rows(app, reader).first { $0.scope == "statistics" })
            #expect(statistics.scanSize == big.count)
            // A consent's scan is never replaced.
            let again = try await web.upload(
                "/readers/\(rid)/consents/\(statistics.id!.uuidString.lowercased())/scan", fields: [], file: ("file", "other.pdf", Self.pdf))
            #expect(again.status == .conflict && again.text.contains("уже есть скан"))
            #expect(try await ReaderConsent.find(statistics.id, on: app.db)?.scanSize == big.count)
            #expect(files(app).count == 2)

            // Anonymising keeps what was consented to and when, and drops the scan and its file.
            let admin = try await Seed.token(app, for: seed.admin)
            let anonymised = try await app.testing().sendRequest(
                .POST, "/api/v1/readers/\(rid)/anonymise", headers: ["Authorization": "Bearer \(admin)", "Content-Type": "application/json"],
                body: .init(string: #"{"reason":"died"}"#))
            #expect(anonymised.status == .ok)
            let kept = try await rows(app, reader)
            #expect(kept.count == 3 && kept.allSatisfy { $0.scanStored == nil && $0.scanName == nil })
            #expect(files(app).isEmpty)
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_a_withdrawn_service_consent_stops_planning_until_a_new_one_is_given(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let reader = try await Seed.storeReader(app, Seed.reader(branch: seed.north, card: "N-W1", family: "Отозвавшая"), by: seed.coordinator)
            let control = try await Seed.storeReader(app, Seed.reader(branch: seed.north, card: "N-W2", family: "Контрольный"), by: seed.coordinator)
            let today = LocalDate.today(in: app.config.timeZone)
            let rid = reader.id!.uuidString.lowercased()
            let service = try #require(try await rows(app, reader).first { $0.scope == "service" })
            let web = WebClient(app)
            try await web.login("coord@test.kz")
            let path = "/readers/\(rid)/consents/\(service.id!.uuidString.lowercased())/withdraw"
            let early = try await web.post(path, [("withdrawn_on", "2023-12-31")])
            #expect(early.status == .unprocessableEntity && early.text.contains("раньше дня, когда оно дано"))
            #expect(try await Reader.find(reader.id, on: app.db)?.consentWithdrawnOn == nil)
            #expect(try await web.post(path, [("withdrawn_on", today.iso)]).status == .seeOther)
            #expect(try await Reader.find(reader.id, on: app.db)?.consentWithdrawnOn == today.iso)
            let twice = try await web.post(path, [("withdrawn_on", today.iso)])
            #expect(twice.status == .conflict && twice.text.contains("Это согласие уже отозвано.") && twice.text.contains("История согласий"))

            let plan = try await VisitPlanner.plan(branchID: seed.north.id, from: today, until: today.adding(days: 27), by: nil, on: app.db)
            #expect(plan.withoutConsent == 1)
            #expect(try await Visit.query(on: app.db).filter(\.$reader.$id == reader.id!).count() == 0)
            #expect(try await Visit.query(on: app.db).filter(\.$reader.$id == control.id!).count() > 0)

            // A new service consent through the API: planning takes the reader again.
            let token = try await Seed.token(app, for: seed.coordinator)
            let headers: HTTPHeaders = ["Authorization": "Bearer \(token)", "Content-Type": "application/json"]
            let noRepresentative = try await app.testing().sendRequest(
                .POST, "/api/v1/readers/\(rid)/consents", headers: headers,
                body: .init(string: #"{"scope":"service","given_on":"\#(today.iso)","way":"caregiver"}"#))
            #expect(noRepresentative.status == .unprocessableEntity && noRepresentative.body.string.contains("representative"))
            let given = try await app.testing().sendRequest(
                .POST, "/api/v1/readers/\(rid)/consents", headers: headers,
                body: .init(string: #"{"scope":"service","given_on":"\#(today.iso)","way":"caregiver","representative":"Дочь, Айгуль"}"#))
            #expect(given.status == .created && given.body.string.contains(#""state":"active""#))
            let renewed = try #require(try await Reader.find(reader.id, on: app.db))
            #expect(
                renewed.consentWithdrawnOn == nil && renewed.consentSignedBy == "representative" && renewed.consentRepresentative == "Дочь, Айгуль")
            #expect(try await rows(app, reader).last?.representative == "Дочь, Айгуль")
            let again = try await VisitPlanner.plan(branchID: seed.north.id, from: today, until: today.adding(days: 27), by: nil, on: app.db)
            #expect(again.withoutConsent == 0)
            #expect(try await Visit.query(on: app.db).filter(\.$reader.$id == reader.id!).count() > 0)
            // The history keeps both: the withdrawn consent and the new one.
            // A later consent the reader gave orally has no representative: the card forgets the caregiver.
            let oral = try await app.testing().sendRequest(
                .POST, "/api/v1/readers/\(rid)/consents", headers: headers,
                body: .init(string: #"{"scope":"service","given_on":"\#(today.iso)","way":"oral"}"#))
            #expect(oral.status == .created)
            let spoken = try #require(try await Reader.find(reader.id, on: app.db))
            #expect(spoken.consentSignedBy == "reader" && spoken.consentRepresentative == nil)
            let list = try await app.testing().sendRequest(.GET, "/api/v1/readers/\(rid)/consents", headers: headers)
            #expect(list.body.string.components(separatedBy: #""state":"withdrawn""#).count == 2)
            #expect(list.body.string.components(separatedBy: #""state":"active""#).count == 3)
            #expect(list.body.string.contains(#""representative":"Дочь, Айгуль""#))
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_withdrawn_publication_consent_is_shown_to_the_carrier_and_a_text_scan_is_refused(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            var p = Seed.reader(branch: seed.north, card: "N-P1", family: "Фотогеничная")
            p.consent_publication = true
            let reader = try await Seed.storeReader(app, p, by: seed.coordinator)
            let rid = reader.id!.uuidString.lowercased()
            let publication = try #require(try await rows(app, reader).first { $0.scope == "publication" })
            let token = try await Seed.token(app, for: seed.coordinator)
            let headers: HTTPHeaders = ["Authorization": "Bearer \(token)", "Content-Type": "application/json"]
            let cid = publication.id!.uuidString.lowercased()
            let text = try await app.testing().sendRequest(
                .PUT, "/api/v1/readers/\(rid)/consents/\(cid)/scan?file_name=scan.png", headers: ["Authorization": "Bearer \(token)"],
                body: .init(string: "not an image"))
            #expect(text.status == .unprocessableEntity && text.body.string.contains("file"))
            #expect(files(app).isEmpty)
            // Through the API too, a scan of 1.5 MB is taken, once.
            let big = Self.pdf + Array(repeating: UInt8(ascii: " "), count: 1_500_000)
            func put(_ bytes: [UInt8]) async throws -> TestingHTTPResponse {
                try await app.testing().sendRequest(
                    .PUT, "/api/v1/readers/\(rid)/consents/\(cid)/scan?file_name=form.pdf", headers: ["Authorization": "Bearer \(token)"],
                    body: ByteBuffer(bytes: bytes))
            }
            #expect(try await put(big).status == .ok)
            #expect(try await put(Self.pdf).status == .conflict)
            #expect(try await ReaderConsent.find(publication.id, on: app.db)?.scanSize == big.count && files(app).count == 1)
            let withdrawn = try await app.testing().sendRequest(.POST, "/api/v1/readers/\(rid)/consents/\(cid)/withdraw", headers: headers)
            #expect(withdrawn.status == .ok && withdrawn.body.string.contains(#""state":"withdrawn""#))
            #expect(try await Reader.find(reader.id, on: app.db)?.consentPublication == false)
            // The service consent still holds: the reader is visited, and the carrier is told.
            let stop = try await DeliveryFixtures.visit(app, reader: reader, branch: seed.north, on: LocalDate.today(in: app.config.timeZone))
            stop.$carrier.id = seed.carrier.id
            try await stop.save(on: app.db)
            let carrier = WebClient(app)
            try await carrier.login("carrier@test.kz")
            let run = try await carrier.get("/run")
            #expect(run.text.contains("Фотогеничная"))
            #expect(run.text.components(separatedBy: "Без фото: не фотографировать и не упоминать в публикациях.").count == 2)
        }
    }

    /// A consent to photos with an end that has passed is no consent, though nothing was written
    /// when it lapsed: the carrier's stop says «Без фото» on the web and `photos_allowed` is false
    /// through the API; a consent still running says neither.
    @Test(arguments: TestDatabase.all)
    func test_an_expired_publication_consent_gives_no_photos_on_the_run(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let today = LocalDate.today(in: app.config.timeZone)
            func stop(_ card: String, _ family: String, until: LocalDate) async throws -> Reader {
                var p = Seed.reader(branch: seed.north, card: card, family: family)
                p.consent_publication = true
                let reader = try await Seed.storeReader(app, p, by: seed.coordinator)
                let c = Consents.Checked(scope: .publication, givenOn: LocalDate(year: 2025, month: 1, day: 1), way: .signed, until: until)
                _ = try await Consents.record(c, scan: nil, reader: reader, on: app.db)
                let visit = try await DeliveryFixtures.visit(app, reader: reader, branch: seed.north, on: today)
                visit.$carrier.id = seed.carrier.id
                try await visit.save(on: app.db)
                return reader
            }
            let lapsed = try await stop("N-EXP", "Истёкшая", until: today.adding(days: -1))
            let running = try await stop("N-RUN", "Действующая", until: today.adding(days: 30))
            // The flag alone still says yes for both: only the end tells them apart.
            #expect(try await Reader.find(lapsed.id, on: app.db)?.consentPublication == true)

            let carrier = WebClient(app)
            try await carrier.login("carrier@test.kz")
            let run = try await carrier.get("/run").text
            let noPhotos = "Без фото: не фотографировать и не упоминать в публикациях."
            #expect(run.components(separatedBy: noPhotos).count == 2)
            // The line is on the lapsed reader's stop, not on the other one.
            let stops = run.components(separatedBy: "<article").filter { $0.contains("Истёкшая") || $0.contains("Действующая") }
            #expect(stops.count == 2)
            #expect(stops.first { $0.contains("Истёкшая") }?.contains(noPhotos) == true)
            #expect(stops.first { $0.contains("Действующая") }?.contains(noPhotos) == false)

            let token = try await Seed.token(app, for: seed.carrier)
            let api = try await app.testing().sendRequest(.GET, "/api/v1/run", headers: ["Authorization": "Bearer \(token)"])
            #expect(api.status == .ok)
            let out = try JSONDecoder().decode(VisitsAPIController.RunDTO.self, from: api.body)
            let allowed = Dictionary(uniqueKeysWithValues: out.stops.map { ($0.reader_name, $0.photos_allowed) })
            #expect(allowed == [lapsed.fullName: false, running.fullName: true])

            // The reader's card says the same: «нет» for the lapsed consent, «да» for the running one.
            let web = WebClient(app)
            try await web.login("coord@test.kz")
            func publication(_ r: Reader) async throws -> String? {
                let page = try await web.get("/readers/\(r.id!)").text
                return page.firstMatch(of: /Публикация \(например, в новостях\)<\/dt><dd>([^<]*)</)?.1.description
            }
            #expect(try await publication(lapsed) == "Нет")
            #expect(try await publication(running) == "Да")
            // So do the readers API and the export's JSON (they said true for the lapsed one).
            let staff = try await Seed.token(app, for: seed.coordinator)
            for (reader, holds) in [(lapsed, false), (running, true)] {
                let one = try await app.testing().sendRequest(.GET, "/api/v1/readers/\(reader.id!)", headers: ["Authorization": "Bearer \(staff)"])
                #expect(try one.content.decode(ReaderRecord.self).consent_publication == holds)
                let json = try await web.get("/readers/\(reader.id!)/export.json").text
                #expect(json.contains(#""consent_publication":\#(holds)"#) || json.contains(#""consent_publication" : \#(holds)"#))
            }
        }
    }
}
