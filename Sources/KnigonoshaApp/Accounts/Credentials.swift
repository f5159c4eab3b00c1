import Fluent
import Vapor

/// The long-lived ways into an account besides a browser session: API tokens and the calendar
/// feed. They end with everything else when the password changes or is reset and when the account
/// is deactivated, so that reactivating an account cannot revive them (issue 19, finding 7).
enum Credentials {
    static func revokeAll(userID: UUID, on db: any Database) async throws {
        try await APIToken.query(on: db).filter(\.$user.$id == userID).delete()
        try await CalendarFeed.query(on: db).filter(\.$user.$id == userID).delete()
    }
}
