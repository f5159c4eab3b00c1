import Plot

/// What an import or a sync did to copies, one row a copy, in the reader's language: conflicts
/// with this service's holds, status changes from the library's own system, withdrawals.
enum CopyEntriesView {
    static func table(_ ctx: PageContext, caption: String, entries: [SyncReport.Entry]) -> Node<HTML.BodyContext> {
        .div(
            .class("table-wrap"), H.scrollRegion(ctx),
            .table(
                .caption(.text(caption)),
                .thead(.tr(.th(.text(ctx.t("sync.copy"))), .th(.text(ctx.t("sync.what"))))),
                .tbody(.forEach(entries) { e in .tr(.td(.text(e.copy)), .td(.text(text(ctx, e)))) })
            )
        )
    }

    static func text(_ ctx: PageContext, _ e: SyncReport.Entry) -> String {
        switch e.kind {
        case .conflict: ctx.t("sync.entry.conflict", ["local": status(ctx, e.from), "ils": status(ctx, e.to)])
        case .moved: ctx.t("sync.entry.moved", ["from": e.from ?? "", "to": e.to ?? ""])
        case .changed: ctx.t("sync.entry.changed", ["from": status(ctx, e.from), "to": status(ctx, e.to)])
        case .withdrawn: ctx.t("sync.entry.withdrawn")
        case .unknown: ctx.t("sync.entry.unknown", ["status": e.to ?? ""])
        case .unmatched: ctx.t("sync.entry.unmatched")
        case .skipped: e.to ?? ""
        }
    }

    /// A copy status here, or one of the library system's («absent» once the copy left its export).
    static func status(_ ctx: PageContext, _ code: String?) -> String {
        guard let code else { return "" }
        if code == "absent" { return ctx.t("sync.absent") }
        return CopyStatus(rawValue: code) != nil ? ctx.t("copy_status." + code) : code
    }

    /// Copy rows an import stored among its issues: the reason holds the inventory number, the
    /// code «kind|from|to».
    static func entries(_ issues: [ImportIssue]) -> [SyncReport.Entry] {
        issues.filter { $0.kind == ImportIssue.copyKind }.compactMap { i in
            let parts = (i.code ?? "").split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            guard let kind = parts.first.flatMap(SyncReport.Entry.Kind.init(rawValue:)) else { return nil }
            return SyncReport.Entry(kind: kind, copy: i.reason, from: parts.count > 1 ? parts[1] : nil, to: parts.count > 2 ? parts[2] : nil)
        }
    }
}
