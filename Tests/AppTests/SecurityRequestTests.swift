import Fluent
import Foundation
import Logging
import Testing
import Vapor
import VaporTesting

@testable import KnigonoshaApp

/// Issue 19: bodies, headers, file names, the calendar feed and the logs.
@Suite struct SecurityRequestTests {
    /// Finding 2: nobody unknown may make the server hold more than 1 MB, whatever the path.
    @Test(arguments: TestDatabase.all)
    func test_anonymous_bodies_are_capped_at_one_megabyte(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            _ = try await Seed.make(app)
            let big = ByteBuffer(repeating: UInt8(ascii: "a"), count: 2 * 1024 * 1024)
            for path in ["/catalog/import", "/events/\(UUID())/attachments", "/login"] {
                var headers = HTTPHeaders()
                headers.contentType = HTTPMediaType(type: "multipart", subType: "form-data", parameters: ["boundary": "x"])
                let res = try await app.testing().sendRequest(.POST, path, headers: headers, body: big)
                #expect(res.status == .payloadTooLarge, "\(path)")
                #expect(res.body.string.contains("больше 1 МБ"), "\(path)")
            }
            // A signed-in coordinator may send a catalogue file past 1 MB.
            app.config.uploadDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("kn-up-\(UUID())").path
            let web = WebClient(app)
            try await web.login("coord@test.kz")
            let upload = try await web.upload(
                "/catalog/import", fields: [("syntax", "")], file: ("file", "big.mrc", Array(repeating: UInt8(ascii: "a"), count: 2 * 1024 * 1024)))
            #expect(upload.status != .payloadTooLarge)
        }
    }

    /// Finding 2: "over N MB" names the real limit of what was sent, at the file's field; a body
    /// past ten times the limit is refused outright, with the same limit named.
    @Test(arguments: TestDatabase.all)
    func test_too_large_names_the_real_limit(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            _ = try await Seed.make(app)
            app.config.attachmentMaxBytes = 1024 * 1024
            app.config.attachmentDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("kn-att-\(UUID())").path
            let web = WebClient(app)
            try await web.login("coord@test.kz")
            #expect(try await web.post("/events/new", EventsTests.lesson).status == .seeOther)
            let event = try #require(try await Event.query(on: app.db).first())
            let over = try await web.upload(
                "/events/\(event.id!)/attachments", fields: [], file: ("file", "big.png", Array(repeating: 0x89, count: 5 * 1024 * 1024)))
            #expect(over.status == .unprocessableEntity)
            #expect(over.text.contains("Файл больше 1 МБ."))
            let huge = try await web.upload(
                "/events/\(event.id!)/attachments", fields: [], file: ("file", "huge.png", Array(repeating: 0x89, count: 11 * 1024 * 1024)))
            #expect(huge.status == .payloadTooLarge)
            #expect(huge.text.contains("больше 1 МБ"))
            #expect(!huge.text.contains("больше 10 МБ"))
            #expect(try await EventAttachment.query(on: app.db).count() == 0)
        }
    }

    /// Finding 12: pages a signed-in person sees are not stored; logging out clears the cache.
    @Test(arguments: TestDatabase.all)
    func test_personal_pages_are_not_stored_and_logout_clears_the_cache(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            _ = try await Seed.make(app)
            let web = WebClient(app)
            #expect(try await web.get("/login").headers.first(name: .cacheControl) != "no-store")
            try await web.login("coord@test.kz")
            for page in ["/visits", "/events", "/loans", "/catalog", "/profile", "/readers"] {
                #expect(try await web.get(page).headers.first(name: .cacheControl) == "no-store", "\(page)")
            }
            #expect(try await web.get("/static/app.css").headers.first(name: .cacheControl) != "no-store")
            let out = try await web.post("/logout", [])
            #expect(out.headers.first(name: "Clear-Site-Data") == "\"cache\", \"storage\"")
        }
    }

    /// Finding 14: attachment names follow the text rules; the stored file's extension comes
    /// from its detected type.
    @Test(arguments: TestDatabase.all)
    func test_file_names_are_cleaned_and_types_decide_extensions(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kn-att-\(UUID())").path
            app.config.attachmentDirectory = dir
            let web = WebClient(app)
            try await web.login("coord@test.kz")
            #expect(try await web.post("/events/new", EventsTests.lesson).status == .seeOther)
            let event = try #require(try await Event.query(on: app.db).first())
            let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 0, count: 64)
            let res = try await web.upload("/events/\(event.id!)/attachments", fields: [], file: ("file", "../../evil\u{202E}gpj.exe", png))
            #expect(res.status == .seeOther)
            let stored = try #require(try await EventAttachment.query(on: app.db).first())
            // The name keeps the type the bytes have: opening the download never runs an .exe.
            #expect(stored.fileName == "evilgpj.png")
            #expect(stored.storedName.hasSuffix(".png"))
            // Through the API, a NUL is a field error and leaves neither row nor file behind.
            let token = try await Seed.token(app, for: seed.coordinator)
            let api = try await app.testing().sendRequest(
                .POST, "/api/v1/events/\(event.id!)/attachments?file_name=a%00b.png", headers: ["Authorization": "Bearer \(token)"],
                body: ByteBuffer(bytes: png))
            #expect(api.status == .unprocessableEntity)
            #expect(api.body.string.contains("file_name"))
            #expect(try await EventAttachment.query(on: app.db).count() == 1)
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0 != "incoming" }.count == 1)
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/incoming").isEmpty)
        }
    }

    @Test func test_links_must_be_web_addresses() {
        for bad in ["https://x\"><i>", "https://x.kz/\"onx=\"1", "javascript:alert(1)", "https://", "http://a b.kz", "https://x.kz/<p>"] {
            #expect(!ProjectService.isWebAddress(bad), "\(bad)")
        }
        for good in ["https://abai-lib.kz/projects/knigonosha", "http://example.org/a?b=1&c=%D0%B0#x"] {
            #expect(ProjectService.isWebAddress(good), "\(good)")
        }
    }

    @Test func test_file_name_rules() {
        #expect(FileNames.clean("C:\\Users\\x\\фото.JPG") == "фото.JPG")
        #expect(FileNames.clean("../../etc/passwd") == "passwd")
        #expect(FileNames.clean("a\u{0}b\r\nc.pdf") == "abc.pdf")
        #expect(FileNames.clean("  ..  ") == "file")
        #expect(FileNames.clean(String(repeating: "я", count: 300) + ".pptx").hasSuffix(".pptx"))
        #expect(FileNames.clean(String(repeating: "я", count: 300) + ".pptx").count == FileNames.maxLength)
    }

    /// Finding 15: the feed links from PUBLIC_URL, never from the Host header; hours are read
    /// only within the branches one may work with.
    @Test(arguments: TestDatabase.all)
    func test_calendar_links_come_from_the_configured_address(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            _ = try await DeliveryFixtures.stopToday(app, seed: seed, card: "N-CAL")
            let secret = try await CalendarFeed.renew(for: seed.carrier.id!, on: app.db)
            let evil: HTTPHeaders = ["Host": "evil.example"]
            let plain = try await app.testing().sendRequest(.GET, "/calendar/\(secret).ics", headers: evil).body.string
            #expect(plain.contains("BEGIN:VEVENT"))
            #expect(!plain.contains("evil.example"))
            #expect(!plain.contains("URL:"))
            app.config.publicURL = "https://kitap.example.kz"
            let linked = try await app.testing().sendRequest(.GET, "/calendar/\(secret).ics", headers: evil).body.string
            #expect(linked.contains("URL:https://kitap.example.kz/run?date="))
            #expect(!linked.contains("evil.example"))
            // Hours: the carrier's own coordinator reads them; another branch's does not.
            let own = try await Seed.token(app, for: seed.coordinator)
            let other = try await Seed.token(app, for: seed.otherCoordinator)
            let path = "/api/v1/carriers/\(seed.carrier.id!)/hours"
            #expect(try await app.testing().sendRequest(.GET, path, headers: ["Authorization": "Bearer \(own)"]).status == .ok)
            #expect(try await app.testing().sendRequest(.GET, path, headers: ["Authorization": "Bearer \(other)"]).status == .notFound)
        }
    }

    /// Finding 10: bound values never reach the log, at any level.
    @Test(arguments: TestDatabase.all)
    func test_query_values_never_reach_the_log(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let lines = LogCapture()
            app.logger = Logger(label: "test") { _ in RedactingLogHandler(inner: lines) }
            app.logger.logLevel = .trace
            var payload = Seed.reader(branch: seed.north, card: "N-LOG")
            payload.street = "Улица Секретная"
            let record = try #require(
                try await ReaderValidator(user: seed.coordinator.current, today: .today(in: app.config.timeZone), db: app.db, readerID: nil).validate(
                    payload
                ).0)
            _ = try await ReaderStore.create(record, by: seed.coordinator.current, on: app.db)
            _ = try await Reader.query(on: app.db).filter(\.$street == "Улица Секретная").first()
            let text = lines.text
            #expect(!text.contains("Секретная"))
            #expect(!text.contains("$2b$"))
            // The queries were logged, without their values.
            #expect(text.contains("Running query"))
            #expect(text.contains("[redacted]"))
        }
    }
}

extension SecurityRequestTests {
    /// Refused requests leave a line with their route pattern and status, like answered ones, and
    /// nothing of what was sent (a new user's forged saves of the week's plan left no trace).
    @Test(arguments: TestDatabase.all)
    func test_refused_requests_are_logged_by_pattern_and_status(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            _ = try await Seed.make(app)
            let lines = LogCapture()
            app.logger = Logger(label: "test") { _ in RedactingLogHandler(inner: lines) }
            let web = WebClient(app)
            try await web.login("carrier@test.kz")
            #expect(try await web.get("/readers?q=Секретная").status == .forbidden)
            let other = WebClient(app)
            try await other.login("coord@test.kz")
            #expect(
                try await other.post("/visits/week/save", [("week", "2026-12-07"), ("basis", "x"), ("assign[]", "Секретная")]).status == .badRequest)
            let text = lines.text
            #expect(text.contains("GET /readers 403"))
            #expect(text.contains("POST /visits/week/save 400"))
            #expect(!text.contains("Секретная"))
        }
    }
}

/// Collects log lines, with their metadata, for a test to read.
final class LogCapture: LogHandler, @unchecked Sendable {
    private let lock = NSLock()
    private var collected: [String] = []
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        lock.withLock { collected.append("\(event.message) \(event.metadata ?? [:])") }
    }

    var text: String { lock.withLock { collected.joined(separator: "\n") } }
}
