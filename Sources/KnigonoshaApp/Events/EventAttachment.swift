import Fluent
import Vapor

/// A photo or slides kept with an event. The file lives in the configured folder under a
/// generated name; the name the user gave is only shown.
final class EventAttachment: Model, @unchecked Sendable {
    static let schema = "event_attachments"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Parent(key: "event_id") var event: Event
    @Field(key: "file_name") var fileName: String
    @Field(key: "content_type") var contentType: String
    @Field(key: "size") var size: Int
    @Field(key: "stored_name") var storedName: String

    init() {}
}

/// What may be attached, told by the file's first bytes (its name can say anything).
enum AttachmentKind: String, CaseIterable {
    case jpeg, png, pdf, officeZip

    /// `name` with the extension of its detected type (`.jpeg` is kept for JPEG).
    static func name(_ name: String, contentType: String) -> String {
        let ext = fileExtension(contentType: contentType)
        let lower = name.lowercased()
        if lower.hasSuffix(ext) || (ext == ".jpg" && lower.hasSuffix(".jpeg")) { return name }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        let base = parts.count > 1 ? parts.dropLast().joined(separator: ".") : name
        return String((base.isEmpty ? "file" : base).prefix(FileNames.maxLength - ext.count)) + ext
    }

    /// The extension a stored file gets, from its detected type and never from the name it came
    /// with (issue 19, finding 14).
    static func fileExtension(contentType: String) -> String {
        switch contentType {
        case "image/jpeg": ".jpg"
        case "image/png": ".png"
        case "application/pdf": ".pdf"
        case "application/vnd.openxmlformats-officedocument.presentationml.presentation": ".pptx"
        case "application/vnd.oasis.opendocument.presentation": ".odp"
        default: ".bin"
        }
    }

    /// The type of the file at `path`, by its first bytes.
    static func sniff(_ path: String, fileName: String) -> (kind: AttachmentKind, contentType: String)? {
        let head = (try? FileHandle(forReadingFrom: URL(fileURLWithPath: path)).read(upToCount: 8)) ?? nil
        return detect(Array(head ?? Data()), fileName: fileName)
    }

    /// Slides come as PowerPoint or OpenDocument files: ZIP containers, named accordingly.
    static func detect(_ bytes: [UInt8], fileName: String) -> (kind: AttachmentKind, contentType: String)? {
        let name = fileName.lowercased()
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return (.jpeg, "image/jpeg") }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return (.png, "image/png") }
        if bytes.starts(with: Array("%PDF-".utf8)) { return (.pdf, "application/pdf") }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            if name.hasSuffix(".pptx") { return (.officeZip, "application/vnd.openxmlformats-officedocument.presentationml.presentation") }
            if name.hasSuffix(".odp") { return (.officeZip, "application/vnd.oasis.opendocument.presentation") }
        }
        return nil
    }
}

struct M032CreateEventAttachments: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(EventAttachment.schema)
            .id()
            .field("created_at", .datetime)
            .field("event_id", .uuid, .required, .references(Event.schema, "id", onDelete: .cascade))
            .field("file_name", .string, .required)
            .field("content_type", .string, .required)
            .field("size", .int, .required)
            .field("stored_name", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(EventAttachment.schema).delete()
    }
}
