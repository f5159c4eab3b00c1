import Fluent
import Vapor

/// A bibliographic record of the catalogue, with its descriptive fields and the record itself.
final class BibRecord: Model, @unchecked Sendable {
    static let schema = "bib_records"

    // managed fields
    /// An integer id: it is also the row id of the SQLite full-text index.
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data fields
    /// What a re-import matches on: 003+001, else the ISBN, else title, year and first author.
    @Field(key: "match_key") var matchKey: String
    @Field(key: "flavor") var flavor: String
    @Field(key: "title") var title: String
    @OptionalField(key: "subtitle") var subtitle: String?
    /// Contributors as «name|role» lines.
    @Field(key: "contributors") var contributors: String
    @OptionalField(key: "edition") var edition: String?
    @OptionalField(key: "year") var year: Int?
    @OptionalField(key: "publisher") var publisher: String?
    @OptionalField(key: "place") var place: String?
    @Field(key: "isbns") var isbns: String
    @Field(key: "issns") var issns: String
    /// Language codes between spaces (« rus kaz »), so that a bound LIKE finds one.
    @Field(key: "languages") var languages: String
    @Field(key: "subjects") var subjects: String
    @Field(key: "genres") var genres: String
    @OptionalField(key: "series") var series: String?
    @OptionalField(key: "series_number") var seriesNumber: String?
    @OptionalField(key: "physical") var physical: String?
    @OptionalField(key: "summary") var summary: String?
    @OptionalField(key: "audience") var audience: String?
    @Field(key: "form") var form: String
    /// The record as ISO 2709 in UTF-8: what export writes back.
    @Field(key: "marc") var marc: Data

    init() {}

    var contributorList: [(name: String, role: String)] {
        contributors.split(separator: "\n").map { line in
            let parts = line.split(separator: "|", maxSplits: 1).map(String.init)
            return (parts[0], parts.count > 1 ? parts[1] : "")
        }
    }

    var languageCodes: [String] { languages.split(separator: " ").map(String.init) }
    var subjectList: [String] { subjects.split(separator: "\n").map(String.init) }
    var genreList: [String] { genres.split(separator: "\n").map(String.init) }
}

/// One physical copy of a record.
final class Copy: Model, @unchecked Sendable {
    static let schema = "copies"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data fields
    @Parent(key: "bib_id") var bib: BibRecord
    @Field(key: "inventory_number") var inventoryNumber: String
    @OptionalField(key: "barcode") var barcode: String?
    @OptionalParent(key: "branch_id") var branch: Branch?
    @OptionalField(key: "shelf_mark") var shelfMark: String?
    @OptionalField(key: "acquired_on") var acquiredOn: String?
    @OptionalField(key: "notes") var notes: String?
    @Field(key: "status") var status: String
    /// What the library's own system last said of the copy (`HoldingStatus.code`, or «absent»
    /// once it left the export), and when; nil for copies added here.
    @OptionalField(key: "ils_status") var ilsStatus: String?
    @OptionalField(key: "ils_seen_at") var ilsSeenAt: Date?
    /// The import or sync run that last saw the copy in an export.
    @OptionalField(key: "ils_run") var ilsRun: String?

    init() {}
}

/// The states of a copy. Only an available copy can be reserved for a visit; `damaged` and
/// `notForLoan` come from the library's own system (issue 14, §3).
enum CopyStatus: String, LabeledCode {
    case available, reserved, onLoan = "on_loan", lost, withdrawn, damaged, notForLoan = "not_for_loan"
    static let labelPrefix = "copy_status"
}
