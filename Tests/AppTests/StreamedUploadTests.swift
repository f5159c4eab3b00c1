import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import KnigonoshaApp

/// Issue 19, finding 2: uploads stream to disk over a real connection, their limit counted while
/// they arrive; the form's token is checked before anything is kept.
@Suite(.serialized) struct StreamedUploadTests {
    static func multipart(_ fields: [(String, String)], file: (String, [UInt8]), fileFirst: Bool = false) -> (HTTPHeaders, ByteBuffer) {
        let boundary = "----kn\(UUID().uuidString)"
        var body = ByteBuffer()
        func writeFile() {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(file.0)\"\r\n")
            body.writeString("Content-Type: application/octet-stream\r\n\r\n")
            body.writeBytes(file.1)
            body.writeString("\r\n")
        }
        if fileFirst { writeFile() }
        for (name, value) in fields { body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n") }
        if !fileFirst { writeFile() }
        body.writeString("--\(boundary)--\r\n")
        var headers = HTTPHeaders()
        headers.add(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        return (headers, body)
    }

    static func leftovers(_ dir: String) -> [String] {
        ((try? FileManager.default.subpathsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".part") }
    }

    @Test(arguments: TestDatabase.all)
    func test_uploads_stream_to_disk_and_check_their_token(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            _ = try await Seed.make(app)
            let root = FileManager.default.temporaryDirectory.appendingPathComponent("kn-stream-\(UUID())").path
            app.config.uploadDirectory = root + "/uploads"
            app.config.attachmentDirectory = root + "/attachments"
            app.config.attachmentMaxBytes = 1024 * 1024
            let web = WebClient(app)
            try await web.login("coord@test.kz")
            #expect(try await web.post("/events/new", EventsTests.lesson).status == .seeOther)
            let event = try #require(try await Event.query(on: app.db).first())
            let port = FreePort.next()
            let server = try app.testing(method: .running(hostname: "127.0.0.1", port: port))
            var cookie = HTTPHeaders()
            cookie.add(name: .cookie, value: web.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
            func send(_ path: String, _ parts: (HTTPHeaders, ByteBuffer)) async throws -> TestingHTTPResponse {
                var headers = parts.0
                headers.add(contentsOf: cookie)
                return try await server.sendRequest(.POST, path, headers: headers, body: parts.1)
            }
            // A 3 MB catalogue file streams to the upload folder and is queued whole.
            let big = Array(repeating: UInt8(ascii: "a"), count: 3 * 1024 * 1024)
            let ok = try await send("/catalog/import", Self.multipart([("_csrf", web.formToken), ("syntax", "")], file: ("big.mrc", big)))
            // The client follows the redirect to the job's page.
            #expect([.seeOther, .ok].contains(ok.status))
            let job = try #require(try await ImportJob.query(on: app.db).first())
            #expect(job.totalBytes == big.count)
            #expect((try FileManager.default.attributesOfItem(atPath: job.storedPath)[.size] as? Int) == big.count)
            // A wrong token, before or after the file, keeps nothing.
            for fileFirst in [false, true] {
                let bad = try await send(
                    "/catalog/import", Self.multipart([("_csrf", "forged"), ("syntax", "")], file: ("x.mrc", big), fileFirst: fileFirst))
                #expect(bad.status == .badRequest)
            }
            #expect(try await ImportJob.query(on: app.db).count() == 1)
            #expect(Self.leftovers(root).isEmpty)
            // An attachment over its limit is told so at its field, with the real limit.
            let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
            let over = try await send(
                "/events/\(event.id!)/attachments",
                Self.multipart([("_csrf", web.formToken)], file: ("photo.png", png + Array(repeating: 0, count: 1_300_000))))
            #expect(over.status == .unprocessableEntity)
            #expect(over.body.string.contains("Файл больше 1 МБ."))
            let fits = try await send(
                "/events/\(event.id!)/attachments", Self.multipart([("_csrf", web.formToken)], file: ("photo.png", png + [1, 2, 3])))
            #expect([.seeOther, .ok].contains(fits.status))
            #expect(try await EventAttachment.query(on: app.db).first()?.size == png.count + 3)
            #expect(Self.leftovers(root).isEmpty)
        }
    }
}
