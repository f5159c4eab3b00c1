import Vapor

/// A stored upload sent back as a download: with the type it was detected as, named as it was
/// uploaded (ASCII for old clients, UTF-8 for the rest), and never sniffed or run as a page.
enum FileDownload {
    static func send(path: String, contentType: String, fileName: String, fallback: String, req: Request) async throws -> Response {
        let response = try await req.fileio.asyncStreamFile(at: path)
        response.headers.replaceOrAdd(name: .contentType, value: contentType)
        let ascii = fileName.unicodeScalars.allSatisfy { $0.isASCII && $0 != "\"" && $0.value >= 0x20 } ? fileName : fallback
        let encoded = fileName.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? fallback
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)")
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        return response
    }
}
