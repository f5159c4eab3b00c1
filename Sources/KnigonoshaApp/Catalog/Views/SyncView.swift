import Plot
import Vapor

/// The runs of `knigonosha catalog sync` on the import page, and one run's report.
enum SyncView {
    static func recent(_ ctx: PageContext, _ syncs: [CatalogSync]) -> Node<HTML.BodyContext> {
        .group(
            .h2(.text(ctx.t("sync.title"))),
            .p(.class("hint"), .text(ctx.t("sync.explain"))),
            syncs.isEmpty
                ? .p(.class("muted"), .text(ctx.t("sync.none")))
                : .ul(
                    .forEach(syncs) { sync in
                        .li(
                            .a(.href(SiteRoute.catalogSync(sync.id!).path), .text(ctx.dateTime(sync.startedAt))),
                            .text(" — " + sync.fileName + ", " + ctx.t("sync_outcome." + sync.outcome))
                        )
                    }
                )
        )
    }

    static func page(_ ctx: PageContext, sync: CatalogSync) -> Response {
        let report = SyncReport.decode(sync.report)
        let c = report?.counts ?? SyncReport.Counts()
        let entries = report?.entries ?? []
        let copies = entries.filter { $0.kind != .skipped }
        let skipped = entries.filter { $0.kind == .skipped }
        return Layout.page(
            ctx, title: ctx.t("sync.page_title", ["date": ctx.dateTime(sync.startedAt)]),
            .p(.strong(.text(ctx.t("sync_outcome." + sync.outcome))), .text(" — " + sync.fileName)),
            .ul(
                .li(.text(ctx.t("sync.records", ["new": ctx.number(c.recordsNew), "reread": ctx.number(c.recordsReread)]))),
                .li(
                    .text(
                        ctx.t(
                            "sync.copies",
                            [
                                "new": ctx.number(c.copiesNew), "changed": ctx.number(c.changed), "withdrawn": ctx.number(c.withdrawn),
                                "conflicts": ctx.number(c.conflicts),
                            ]))),
                .li(.text(ctx.plural("import.skipped_count", c.skipped)))
            ),
            .unwrap(report?.held) { held in
                .p(
                    .class("field-error"),
                    .text(
                        ctx.t(
                            "sync.held." + held.reason.rawValue, ["absent": ctx.number(held.absent), "of": ctx.number(held.of)])))
            },
            .if(
                !copies.isEmpty,
                CopyEntriesView.table(ctx, caption: ctx.t("sync.copies_caption"), entries: Array(copies.prefix(2000)))),
            .if(
                !skipped.isEmpty,
                CopyEntriesView.table(ctx, caption: ctx.t("import.skipped_caption"), entries: Array(skipped.prefix(1000)))),
            .p(.a(.href(SiteRoute.catalogImport.path), .text(ctx.t("nav.import"))))
        )
    }
}
