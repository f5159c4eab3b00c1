import Foundation
import Vapor

/// A multipart form read as it arrives: the small fields in memory, the one file straight to a
/// temporary file, its limit counted while it streams (issue 19, finding 2). Before, the whole
/// body (up to 64 MB for a catalogue, twice the limit for an attachment) was held in memory.
struct StreamedForm {
    var fields: [String: String] = [:]
    /// The file part: the name the browser gave, and where its bytes are now.
    var fileName: String?
    var filePath: String?
    var fileSize = 0
    /// The file was larger than its limit; what was over it was read and dropped.
    var fileTooLarge = false

    /// Removes the temporary file, for a form that is refused.
    func discard() {
        if let filePath { try? FileManager.default.removeItem(atPath: filePath) }
    }
}

enum StreamedUpload {
    /// Small fields are capped, so that only the file can be large.
    static let maxFieldBytes = 64 * 1024
    static let maxFields = 50

    /// Reads `req`'s multipart body. The file part named `fileField` goes to a new file in
    /// `directory`; up to `maxFileBytes` are kept, and reading stops with 413 at `hardLimit` bytes
    /// of body. Anything refused leaves no file behind.
    static func read(
        _ req: Request, fileField: String, maxFileBytes: Int, hardLimit: Int, directory: String
    ) async throws -> StreamedForm {
        guard let type = req.headers.contentType, type.type == "multipart", let boundary = type.parameters["boundary"] else {
            throw AppError.badRequest(Message("error.bad_request"))
        }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let state = PartState(directory: directory, fileField: fileField, maxFileBytes: maxFileBytes)
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in state.header(name, value) }
        parser.onBody = { buffer in state.body(&buffer) }
        parser.onPartComplete = { state.complete() }
        var total = 0
        do {
            for try await chunk in req.body {
                total += chunk.readableBytes
                if total > hardLimit { throw Abort(.payloadTooLarge) }
                try parser.execute(chunk)
                if let error = state.error { throw error }
            }
        } catch {
            state.form.discard()
            state.close()
            throw error
        }
        state.close()
        return state.form
    }

    /// What the parser has seen so far. The parser calls back synchronously from `execute`, on
    /// the one task that reads the body, so this needs no lock.
    private final class PartState: @unchecked Sendable {
        let directory: String
        let fileField: String
        let maxFileBytes: Int
        var form = StreamedForm()
        var error: (any Error)?
        private var name: String?
        private var fileName: String?
        private var value = [UInt8]()
        private var handle: FileHandle?

        init(directory: String, fileField: String, maxFileBytes: Int) {
            self.directory = directory
            self.fileField = fileField
            self.maxFileBytes = maxFileBytes
        }

        func header(_ field: String, _ raw: String) {
            guard field.lowercased() == "content-disposition" else { return }
            name = Self.parameter("name", in: raw)
            fileName = Self.parameter("filename", in: raw)
            if name == fileField, fileName != nil, form.filePath == nil {
                let path = directory + "/" + UUID().uuidString.lowercased() + ".part"
                _ = FileManager.default.createFile(atPath: path, contents: nil)
                form.filePath = path
                form.fileName = fileName
                handle = FileHandle(forWritingAtPath: path)
            }
        }

        func body(_ buffer: inout ByteBuffer) {
            if name == fileField, handle != nil {
                let room = max(0, maxFileBytes - form.fileSize)
                let bytes = buffer.readBytes(length: buffer.readableBytes) ?? []
                if bytes.count > room { form.fileTooLarge = true }
                if room > 0 { handle?.write(Data(bytes.prefix(room))) }
                form.fileSize += bytes.count
            } else if let bytes = buffer.readBytes(length: buffer.readableBytes) {
                value += bytes
                if value.count > StreamedUpload.maxFieldBytes { error = Abort(.payloadTooLarge) }
            }
        }

        func complete() {
            if name == fileField, handle != nil {
                close()
            } else if let name, form.fields[name] == nil {
                if form.fields.count >= StreamedUpload.maxFields { error = Abort(.payloadTooLarge) }
                form.fields[name] = String(decoding: value, as: UTF8.self)
            }
            name = nil
            fileName = nil
            value = []
        }

        func close() {
            try? handle?.close()
            handle = nil
        }

        /// `name="file"` out of `form-data; name="file"; filename="a.mrc"`.
        static func parameter(_ key: String, in header: String) -> String? {
            for part in header.split(separator: ";") {
                let pair = part.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
                guard pair.count == 2, pair[0].lowercased() == key else { continue }
                var value = String(pair[1])
                if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
                return value.replacingOccurrences(of: "\\\"", with: "\"")
            }
            return nil
        }
    }
}

extension StreamedUpload {
    /// A raw request body (the API's uploads) streamed to a new file in `directory`. Up to
    /// `maxBytes` are kept; reading stops with 413 at `hardLimit`.
    static func readRaw(_ req: Request, maxBytes: Int, hardLimit: Int, directory: String) async throws -> StreamedForm {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var form = StreamedForm()
        let path = directory + "/" + UUID().uuidString.lowercased() + ".part"
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        form.filePath = path
        guard let handle = FileHandle(forWritingAtPath: path) else { throw Abort(.internalServerError) }
        defer { try? handle.close() }
        do {
            for try await var chunk in req.body {
                let bytes = chunk.readBytes(length: chunk.readableBytes) ?? []
                if form.fileSize + bytes.count > hardLimit { throw Abort(.payloadTooLarge) }
                let room = max(0, maxBytes - form.fileSize)
                if bytes.count > room { form.fileTooLarge = true }
                if room > 0 { handle.write(Data(bytes.prefix(room))) }
                form.fileSize += bytes.count
            }
        } catch {
            form.discard()
            throw error
        }
        return form
    }
}
