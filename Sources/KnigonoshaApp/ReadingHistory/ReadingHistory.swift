import Fluent
import Foundation

/// A title a reader read before this service, as the library's own system recorded it.
final class ReadingHistory: Model, @unchecked Sendable {
    static let schema = "reading_history"

    @ID(key: .id) var id: UUID?
    @Parent(key: "reader_id") var reader: Reader
    @Parent(key: "bib_id") var bib: BibRecord
    /// The day of the loan in the library system, YYYY-MM-DD.
    @Field(key: "read_on") var readOn: String
    /// Where it came from: «ils» for an import of the library system's loan history.
    @Field(key: "source") var source: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}
