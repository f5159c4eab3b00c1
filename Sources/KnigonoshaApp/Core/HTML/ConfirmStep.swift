import Foundation
import Plot
import Vapor

/// The second step of a one-click action that cannot be taken back (issue 12, item 8): an outcome,
/// a copy marked lost, a removal.
///
/// The button's form is posted as before. Unless it carries `confirmed=yes`, the action does
/// nothing yet: a page says what is about to happen and sends the same fields again, with the
/// confirmation, or goes back. It works without JavaScript; the API, whose clients decide for
/// themselves, never asks.
enum ConfirmStep {
    static let field = "confirmed"

    /// The confirmation page, or nil when this request is the confirmed one.
    static func ask(_ req: Request, question: String, detail: String? = nil, confirm: String, back: String) -> Response? {
        if req.content[String.self, at: field] == "yes" { return nil }
        let ctx = req.page
        // Every field of the original form goes again as it came, but the old token (the form
        // adds a fresh one) and a stray confirmation.
        let fields = pairs(req.body.string ?? "").filter { $0.0 != CSRFMiddleware.fieldName && $0.0 != field }
        return Layout.page(
            ctx, title: question,
            .unwrap(detail) { .p(.text($0)) },
            Forms.post(
                ctx, action: req.url.path, class: "danger-zone",
                fields.map { .input(.type(.hidden), .name($0.0), .value($0.1)) } + [
                    .input(.type(.hidden), .name(field), .value("yes")),
                    .div(
                        .class("actions"),
                        .button(.type(.submit), .class("danger"), .text(confirm)),
                        .a(.class("button secondary"), .href(back), .text(ctx.t("confirm.back")))),
                ])
        )
    }

    /// The name–value pairs of a form body, in order, decoded as a browser encodes them.
    static func pairs(_ body: String) -> [(String, String)] {
        body.split(separator: "&", omittingEmptySubsequences: true).map { part in
            let kv = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String {
                String(s).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(s)
            }
            return (decode(kv[0]), kv.count > 1 ? decode(kv[1]) : "")
        }
    }
}
