import Foundation
import MARCKit

/// The import report's line for each repair (issue 14, §1): the record's position, its 001, the
/// field and subfield, what was found and what was done. Stored as JSON in the report row, so
/// that the page says it in the reader's language and the command line in English.
struct WarningLine: Codable, Sendable, Equatable {
    var kind: String
    var action: String
    var control: String?
    var tag: String?
    var subfield: String?
    var position: Int?
    var found: String?
    var used: String?
    var count: Int

    init(_ w: MARCWarning) {
        kind = w.kind.rawValue
        action = w.action.rawValue
        control = w.controlNumber.map { String($0.prefix(40)) }
        tag = w.tag
        subfield = w.subfield
        position = w.position
        found = w.found.map { String($0.prefix(40)) }
        used = w.used.map { String($0.prefix(40)) }
        count = w.count
    }

    /// At most twenty a record: enough to see what a file does wrong.
    static func encode(_ warnings: [MARCWarning]) -> String {
        let lines = warnings.prefix(20).map(WarningLine.init)
        return String(decoding: (try? JSONEncoder().encode(Array(lines))) ?? Data("[]".utf8), as: UTF8.self)
    }

    static func decode(_ text: String) -> [WarningLine] {
        (try? JSONDecoder().decode([WarningLine].self, from: Data(text.utf8))) ?? []
    }

    /// «245 $k», «008/35», «leader/09»: where in the record.
    var place: String {
        var out = tag ?? "leader"
        if let subfield { out += " $" + subfield }
        if let position { out += "/" + String(format: "%02d", position) }
        return out
    }

    /// The line in English, for the command's report.
    var english: String {
        var out = "\(place): \(kind.replacingOccurrences(of: "_", with: " "))"
        if let found { out += " «\(found)»" }
        out += ", " + action.replacingOccurrences(of: "_", with: " ")
        if let used { out += " «\(used)»" }
        if count > 1 { out += " (×\(count))" }
        return out
    }

    func localized(_ ctx: PageContext) -> String {
        var out = "\(place): \(ctx.t("marc_warning." + kind))"
        if let found { out += " «\(found)»" }
        out += " — " + ctx.t("marc_action." + action)
        if let used { out += " «\(used)»" }
        if count > 1 { out += " (×\(count))" }
        return out
    }
}
