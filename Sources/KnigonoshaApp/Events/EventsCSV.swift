import Vapor

/// The event list as CSV (RFC 4180, UTF-8 with a byte-order mark so that spreadsheet programs
/// read Cyrillic right), with localised headings and labels.
enum EventsCSV {
    static func response(
        _ events: [Event], branchNames: [UUID: String], projectNames: [UUID: String] = [:], ctx: PageContext, name: String,
        separator: Character = ","
    )
        -> Response
    {
        let headings = [
            "event.starts_on", "event.ends_on", "event.time_from", "event.time_to", "event.title", "event.type", "event.place",
            "event.organiser", "event.branch", "event.target_groups", "event.participants", "event.participants_total", "event.children",
            "event.youth", "event.adults", "event.disabled", "event.goal", "event.expected_result", "event.actual_result", "event.project",
        ].map { ctx.t($0) }
        var lines = [CSV.line(headings, separator: separator)]
        for e in events {
            let n: (Int?) -> String = { $0.map(String.init) ?? "" }
            lines.append(
                CSV.line(
                    [
                        e.startsOn, e.endsOn ?? "", e.timeFrom ?? "", e.timeTo ?? "", e.title, ctx.t(e.eventType.labelKey), e.place, e.organiser,
                        e.$branch.id.flatMap { branchNames[$0] } ?? "", e.groups.map { ctx.t($0.labelKey) }.joined(separator: "; "), e.participants,
                        String(e.participantsTotal), n(e.children), n(e.youth), n(e.adults), n(e.disabled), e.goal, e.expectedResult,
                        e.actualResult ?? "", e.$project.id.flatMap { projectNames[$0] } ?? "",
                    ], separator: separator))
        }
        let response = Response(status: .ok, body: .init(string: "\u{FEFF}" + lines.joined()))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name)\"")
        return response
    }
}

/// RFC 4180 fields: quoted when they hold a comma, quote or line break; quotes doubled. A field
/// that starts like a formula is prefixed with an apostrophe, so a spreadsheet shows it as text.
enum CSV {
    static func field(_ s: String, separator: Character = ",") -> String {
        var v = s
        // OWASP's list: a formula may also start after a tab or a carriage return.
        if let first = v.first, "=+-@\t\r".contains(first), Int(v) == nil { v = "'" + v }
        guard v.contains(where: { $0 == separator || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return v }
        return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func line(_ fields: [String], separator: Character = ",") -> String {
        fields.map { field($0, separator: separator) }.joined(separator: String(separator)) + "\r\n"
    }

    /// Excel with Russian or Kazakh regional settings splits CSV on `;`, not `,`: the pages offer
    /// both files, `sep=semicolon` asking for the first (issue 12, item 10).
    static func separator(_ req: Request) -> Character { req.query[String.self, at: "sep"] == "semicolon" ? ";" : "," }
}
