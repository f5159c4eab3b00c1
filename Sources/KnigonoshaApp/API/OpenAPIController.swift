import Vapor

/// Serves `/api/v1/openapi.json`. A test compares its paths with the registered routes, so the
/// document cannot drift from the code.
struct OpenAPIController {
    func document(req: Request) async throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(OpenAPIDocument.build())
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.contentType = .json
        return response
    }
}
