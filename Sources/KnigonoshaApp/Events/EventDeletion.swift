import Fluent
import Plot
import Vapor

/// Removing an event: a page that says what will go (the event, its attachments) and asks to
/// confirm, then the removal. Never one click (issue 12, items 8 and 9).
struct EventDeletion {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.eventDelete(SiteRoute.anyID).pattern, use: confirm)
        routes.post(SiteRoute.eventDelete(SiteRoute.anyID).pattern, use: delete)
    }

    func confirm(req: Request) async throws -> Response {
        let event = try await EventsController.find(req)
        guard try EventsController().canEdit(event, req) else { throw AppError.forbidden }
        let files = try await EventAttachment.query(on: req.db).filter(\.$event.$id == event.id!).count()
        let ctx = req.page
        return Layout.page(
            ctx, title: ctx.t("event.delete_title", ["title": event.title]),
            .p(.text(ctx.t("event.delete_explain", ["date": ctx.date(event.startsOn)]))),
            .if(files > 0, .p(.text(ctx.plural("event.delete_files", files)))),
            Forms.post(
                ctx, .eventDelete(event.id!), class: "danger-zone",
                .div(
                    .class("actions"),
                    .button(.type(.submit), .class("danger"), .text(ctx.t("event.delete_confirm"))),
                    .a(.class("button secondary"), .href(SiteRoute.event(event.id!).path), .text(ctx.t("event.delete_cancel")))))
        )
    }

    func delete(req: Request) async throws -> Response {
        let event = try await EventsController.find(req)
        guard try EventsController().canEdit(event, req) else { throw AppError.forbidden }
        try await Self.remove(event, req)
        return req.seeOther(.events, flash: "event.deleted")
    }

    /// Removes an event, its attachments' rows and their files, and audits it; the page and the
    /// API's DELETE both come here.
    static func remove(_ event: Event, _ req: Request) async throws {
        let files = try await EventAttachment.query(on: req.db).filter(\.$event.$id == event.id!).all()
        try await req.db.transaction { db in
            try await EventAttachment.query(on: db).filter(\.$event.$id == event.id!).delete()
            try await event.delete(on: db)
        }
        // The rows are gone; the files follow (a file left by a crash here holds no reader's data).
        for file in files { try? FileManager.default.removeItem(atPath: req.application.config.attachmentDirectory + "/" + file.storedName) }
        try await req.audit(.update, "event", event.id)
    }
}
