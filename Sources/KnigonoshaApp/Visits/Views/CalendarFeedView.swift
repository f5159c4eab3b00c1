import Plot
import Vapor

enum CalendarFeedView {
    static func page(_ ctx: PageContext, feed: CalendarFeed?, newURL: String?) -> Response {
        Layout.page(
            ctx, title: ctx.t("calendar.title"),
            .p(.text(ctx.t("calendar.explain"))),
            .unwrap(newURL) { url in
                .div(
                    .class("notice"), .attribute(named: "role", value: "status"),
                    .p(.text(ctx.t("calendar.copy_now"))),
                    .p(.code(.class("secret"), .text(url)))
                )
            },
            .if(feed != nil && newURL == nil, .p(.text(ctx.t("calendar.exists", ["date": ctx.dateTime(feed?.createdAt)])))),
            Forms.post(ctx, SiteRoute.calendarFeed, Forms.submit(ctx.t(feed == nil ? "calendar.create" : "calendar.replace"))),
            .if(
                feed != nil,
                Forms.post(ctx, SiteRoute.calendarFeedRevoke, .button(.type(.submit), .class("secondary"), .text(ctx.t("calendar.revoke"))))
            )
        )
    }
}
