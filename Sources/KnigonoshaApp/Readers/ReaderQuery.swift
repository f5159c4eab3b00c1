import Fluent
import TextKit
import Vapor

/// Filters, sorting and paging of the reader list; the page and the API share it.
struct ReaderQuery: Content {
    var q: String?
    var branch: String?
    var status: String?
    var disability: String?
    var format: String?
    var language: String?
    var sort: String?
    var page: Int?
    var per_page: Int?

    static let sorts = ["name", "-name", "card", "-card", "registered", "-registered", "updated", "-updated"]
    static let defaultPerPage = 25
    static let maxPerPage = 100
    static let maxPage = 100_000

    var pageNumber: Int { min(Self.maxPage, max(1, page ?? 1)) }
    var perPage: Int { min(Self.maxPerPage, max(1, per_page ?? Self.defaultPerPage)) }

    /// Unknown filter values are errors for the API; the page simply ignores them.
    func problems() -> FieldErrors {
        var e = FieldErrors()
        if let q, q.count > 200 { e.add("q", "validation.too_long", ["max": "200"]) }
        // An empty value ("any" in the page's drop-downs) is not a value the API accepts.
        if let b = branch, UUID(uuidString: b) == nil { e.add("branch", "validation.choice") }
        if let s = status, ReaderStatus(rawValue: s) == nil { e.add("status", "validation.choice") }
        if let d = disability, DisabilityGroup(rawValue: d) == nil { e.add("disability", "validation.choice") }
        if let f = format, MaterialFormat(rawValue: f) == nil { e.add("format", "validation.choice") }
        if let l = language, MaterialLanguage(rawValue: l) == nil { e.add("language", "validation.choice") }
        if let s = sort, !Self.sorts.contains(s) { e.add("sort", "validation.choice") }
        if let p = page, !(1...Self.maxPage).contains(p) { e.add("page", "validation.range", ["min": "1", "max": String(Self.maxPage)]) }
        if let p = per_page, !(1...Self.maxPerPage).contains(p) {
            e.add("per_page", "validation.range", ["min": "1", "max": String(Self.maxPerPage)])
        }
        return e
    }

    /// Drops invalid values, as the page does, instead of failing.
    /// The list form's label for each filter, to name one the page could not read.
    static let labelKeys = [
        "branch": "reader.branch_id", "status": "reader.status", "disability": "reader.disability_group", "format": "reader.formats",
        "language": "reader.languages", "sort": "filter.sort", "page": "filter.page", "per_page": "filter.per_page",
    ]

    mutating func dropProblems() {
        for item in problems().items {
            switch item.field {
            case "branch": branch = nil
            case "status": status = nil
            case "disability": disability = nil
            case "format": format = nil
            case "language": language = nil
            case "sort": sort = nil
            case "page": page = nil
            case "per_page": per_page = nil
            default: q = String((q ?? "").prefix(200))
            }
        }
    }

    /// Runs the query for `user`, who sees only their own branch unless an administrator.
    /// `tags`: the API's records carry each reader's interests; the web list shows none of them,
    /// and loading them (5–60 a reader, each a Fluent model) was two thirds of the page's time
    /// under `perf` (issue 17, §4).
    func run(for user: CurrentUser, tags: Bool = true, on db: any Database) async throws -> (readers: [Reader], total: Int) {
        // Anonymised and erased rows are no longer people to find: they stay reachable by id from
        // the access log and the reports' lists, never in the registry's list or search.
        let query = Reader.query(on: db).filter(\.$removedAs == nil)
        if user.role != .admin {
            query.filter(\.$branch.$id == (user.branchID ?? SiteRoute.anyID))
        }
        if let b = branch.flatMap(UUID.init(uuidString:)) { query.filter(\.$branch.$id == b) }
        if let s = status, ReaderStatus(rawValue: s) != nil { query.filter(\.$status == s) }
        if let d = disability, DisabilityGroup(rawValue: d) != nil { query.filter(\.$disabilityGroup == d) }
        if let f = format, MaterialFormat(rawValue: f) != nil {
            query.join(FormatTag.self, on: \Reader.$id == \FormatTag.$reader.$id)
                .filter(FormatTag.self, \.$kind == .format).filter(FormatTag.self, \.$value == f)
        }
        if let l = language, MaterialLanguage(rawValue: l) != nil {
            query.join(LanguageTag.self, on: \Reader.$id == \LanguageTag.$reader.$id)
                .filter(LanguageTag.self, \.$kind == .language).filter(LanguageTag.self, \.$value == l)
        }
        for term in Self.terms(q ?? "") {
            let variants = Self.variants(of: term)
            query.group(.or) { group in
                for v in variants { group.filter(\.$searchText ~~ v) }
            }
        }
        let total = try await query.count()
        switch sort ?? "name" {
        case "-name": query.sort(\.$familyName, .descending).sort(\.$givenName, .descending)
        case "card": query.sort(\.$cardNumber)
        case "-card": query.sort(\.$cardNumber, .descending)
        case "registered": query.sort(\.$registeredOn).sort(\.$familyName)
        case "-registered": query.sort(\.$registeredOn, .descending).sort(\.$familyName)
        case "updated": query.sort(\.$updatedAt).sort(\.$familyName)
        case "-updated": query.sort(\.$updatedAt, .descending).sort(\.$familyName)
        default: query.sort(\.$familyName).sort(\.$givenName)
        }
        query.sort(\.$id)
        query.range((pageNumber - 1) * perPage..<(pageNumber * perPage)).with(\.$phones).with(\.$branch)
        if tags { query.with(\.$tags) }
        let readers = try await query.all()
        return (readers, total)
    }

    /// A query that looks like a phone number ("8 722 252-33") is one term of digits; anything
    /// else is split into words that must all match.
    static func terms(_ query: String) -> [String] {
        let trimmed = query.trimmingCharacters(in: .whitespaces)
        let phoneLike = trimmed.filter(\.isNumber).count >= 3 && trimmed.allSatisfy { $0.isNumber || " +-()".contains($0) }
        return phoneLike ? [trimmed.filter(\.isNumber)] : SearchFolding.terms(query)
    }

    /// A phone typed with a leading 8 is stored with 7; digits with separators are matched as digits.
    static func variants(of term: String) -> [String] {
        let digits = term.filter(\.isNumber)
        guard digits.count >= 3, digits.count == term.filter({ !"+-()".contains($0) }).count else { return [term] }
        var out = [digits]
        if digits.hasPrefix("8") { out.append("7" + digits.dropFirst()) }
        if term != digits { out.append(term) }
        return out
    }
}

/// Aliases for joining `reader_tags` twice in one query.
final class FormatTag: ModelAlias {
    static let name = "format_tag"
    let model = ReaderTag()
}

final class LanguageTag: ModelAlias {
    static let name = "language_tag"
    let model = ReaderTag()
}
