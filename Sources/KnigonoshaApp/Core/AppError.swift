import Vapor

/// The app's domain errors. The error middleware turns them into a localised page or a JSON
/// body; nothing internal ever reaches the client.
public enum AppError: Error, Sendable {
    case notFound
    case forbidden
    case unauthorized
    case badRequest(Message)
    case conflict(Message)
    case validation(FieldErrors)

    var status: HTTPResponseStatus {
        switch self {
        case .notFound: .notFound
        case .forbidden: .forbidden
        case .unauthorized: .unauthorized
        case .badRequest: .badRequest
        case .conflict: .conflict
        case .validation: .unprocessableEntity
        }
    }

    var message: Message {
        switch self {
        case .notFound: Message("error.not_found")
        case .forbidden: Message("error.forbidden")
        case .unauthorized: Message("error.unauthorized")
        case .badRequest(let m), .conflict(let m): m
        case .validation: Message("error.validation")
        }
    }
}
