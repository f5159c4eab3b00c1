import Fluent
import Vapor

/// The scan of a signed consent form: a PDF, JPEG or PNG, told by its first bytes, no larger than
/// an event attachment. It is kept beside the event attachments under a name of its own, and goes
/// when the reader is anonymised or erased (it shows the signature and name).
enum ConsentScan {
    /// A scan checked and moved into place, waiting for its record.
    struct Kept: Sendable {
        var fileName: String
        var contentType: String
        var size: Int
        var storedName: String

        func attach(to row: ReaderConsent) {
            row.scanName = fileName
            row.scanType = contentType
            row.scanSize = size
            row.scanStored = storedName
        }
    }

    /// Checks an uploaded file. No file chosen is no scan; an empty or refused one is an error at
    /// `file` and is removed.
    static func keep(_ upload: StreamedForm, fileName rawName: String, app: Application) -> (Kept?, FieldErrors) {
        var e = FieldErrors()
        guard upload.fileSize > 0 || upload.fileTooLarge, let path = upload.filePath else {
            upload.discard()
            // A browser sends a file part with no name when nothing was chosen; a named one that
            // came empty is a file that could not be read, and is not quietly dropped.
            if !rawName.trimmingCharacters(in: .whitespaces).isEmpty { e.add("file", "consent.scan_empty") }
            return (nil, e)
        }
        let max = app.config.attachmentMaxBytes
        var detected: (kind: AttachmentKind, contentType: String)?
        if upload.fileTooLarge || upload.fileSize > max {
            e.add("file", "attachment.too_large", ["max": String(max / 1024 / 1024)])
        } else {
            detected = AttachmentKind.sniff(path, fileName: "")
            if detected == nil || detected?.kind == .officeZip { e.add("file", "consent.scan_type") }
        }
        guard e.isEmpty, let detected else {
            upload.discard()
            return (nil, e)
        }
        let stored = "consent-" + UUID().uuidString.lowercased() + AttachmentKind.fileExtension(contentType: detected.contentType)
        do {
            try FileManager.default.moveItem(atPath: path, toPath: app.config.attachmentDirectory + "/" + stored)
        } catch {
            upload.discard()
            e.add("file", "attachment.required")
            return (nil, e)
        }
        let name = AttachmentKind.name(FileNames.clean(rawName.isEmpty ? "scan" : rawName), contentType: detected.contentType)
        return (Kept(fileName: name, contentType: detected.contentType, size: upload.fileSize, storedName: stored), e)
    }

    /// Removes a kept scan whose record could not be written.
    static func drop(_ kept: Kept?, app: Application) {
        guard let kept else { return }
        try? FileManager.default.removeItem(atPath: app.config.attachmentDirectory + "/" + kept.storedName)
    }

    /// Removes scans from disk by their stored names: after an anonymisation or erasure has
    /// committed.
    static func removeFiles(_ names: [String], directory: String) {
        for name in names { try? FileManager.default.removeItem(atPath: directory + "/" + name) }
    }

    static func removeFiles(_ names: [String], app: Application) {
        removeFiles(names, directory: app.config.attachmentDirectory)
    }

    /// Sends the scan as a download.
    static func download(_ row: ReaderConsent, req: Request) async throws -> Response {
        guard let stored = row.scanStored, let type = row.scanType else { throw AppError.notFound }
        return try await FileDownload.send(
            path: req.application.config.attachmentDirectory + "/" + stored, contentType: type, fileName: row.scanName ?? "scan",
            fallback: "scan", req: req)
    }
}
