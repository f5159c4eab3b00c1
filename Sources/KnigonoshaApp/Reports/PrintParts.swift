import Plot

/// What a page that is printed as an official document has: a print button, a head naming the
/// library, the branch and the period, and a signature block at the end (issue 12, finding 12).
enum PrintParts {
    /// The button works with JavaScript; without it the hint beside it says to use the browser's
    /// own print command, which gives the same printout.
    static let script = #"""
        document.addEventListener("click", function (ev) {
          var t = ev.target && ev.target.closest ? ev.target.closest("[data-print]") : null;
          if (t) window.print();
        });
        """#

    static func button(_ ctx: PageContext, _ label: String) -> Node<HTML.BodyContext> {
        .group(
            .p(.class("no-print"), .button(.type(.button), .class("button"), .attribute(named: "data-print", value: "1"), .text(label))),
            .script(.src(SiteRoute.printScript.path), .defer()))
    }

    static func head(_ ctx: PageContext, _ h: ReportHeading) -> Node<HTML.BodyContext> {
        .div(
            .class("report-head"),
            .p(.class("report-library"), .text(h.library)),
            .p(.text(ctx.t("report.branch_line", ["branch": h.branch]) + " · " + ctx.t("report.period_line", ["period": h.period]))))
    }

    /// Lines to sign by hand on paper; on screen they would only be noise.
    static func signature(_ ctx: PageContext) -> Node<HTML.BodyContext> {
        .div(
            .class("signature print-only"),
            .p(.text(ctx.t("report.signature_head"))),
            .p(.text(ctx.t("report.signature_line"))),
            .p(.text(ctx.t("report.signature_date"))))
    }
}
