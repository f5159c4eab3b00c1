import Plot
import Vapor

enum SlipView {
    /// The slip itself is in the reader's language (marked with `lang`), the page around it in
    /// the coordinator's. Body text is at least 24 px, black on white, on screen and on paper.
    static func page(_ ctx: PageContext, _ slip: SlipContent, visitID: UUID) -> Response {
        let s = ctx.in(slip.lang)
        return Layout.page(
            ctx, title: ctx.t("slip.title"),
            .p(
                .class("no-print"), .text(ctx.t("slip.language_note", ["language": ctx.t("language." + slip.lang.rawValue)])), .text(" "),
                .forEach(Lang.allCases.filter { $0 != slip.lang }) { other in
                    .a(
                        .href(SiteRoute.visitSlip(visitID).path + "?in=" + other.rawValue), .attribute(named: "lang", value: other.rawValue),
                        .class("slip-lang"), .text(other.endonym))
                }
            ),
            .div(
                .class("slip"), .attribute(named: "lang", value: slip.lang.rawValue),
                // The page's own heading is in the coordinator's language and is not printed; this one is.
                .p(.class("slip-title print-only"), .text(s.t("slip.title"))),
                .p(.class("slip-reader"), .text(slip.readerName)),
                .h2(.text(s.t("slip.left"))),
                .ol(
                    .forEach(slip.titles) { item in
                        .li(
                            .text(item.title),
                            .unwrap(item.dueOn) { .span(.class("slip-due"), .text(" — " + s.t("slip.return_by", ["date": s.date($0)]))) })
                    }),
                .h2(.text(s.t("slip.next"))),
                .p(.text(slip.next.map { nextText(s, $0) } ?? s.t("slip.next_by_phone"))),
                .unwrap(slip.carrierName) { .p(.text(s.t("slip.carrier", ["name": $0]))) },
                .p(.class("slip-phone"), .text(phoneLine(s, slip.branch)))
            ),
            PrintParts.button(ctx, ctx.t("slip.print"))
        )
    }

    static func nextText(_ s: PageContext, _ v: Visit) -> String {
        let hours = [v.timeFrom, v.timeTo].compactMap { $0 }
        return s.date(v.scheduledOn) + (hours.isEmpty ? "" : ", " + hours.joined(separator: "–"))
    }

    /// The branch's own number, kept on the branch: each branch answers its readers' calls.
    static func phoneLine(_ s: PageContext, _ branch: Branch) -> String {
        let raw = branch.phone.trimmingCharacters(in: .whitespaces)
        // Grouped the way people read a number aloud: «+7 7222 52 33 44» rather than a run of digits.
        let phone = raw.isEmpty ? raw : PhoneDisplay.format(raw) ?? raw
        return phone.isEmpty
            ? s.t("slip.branch_no_phone", ["branch": branch.name(s.lang)])
            : s.t("slip.branch_phone", ["branch": branch.name(s.lang), "phone": phone])
    }
}
