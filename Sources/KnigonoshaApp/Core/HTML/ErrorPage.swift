import Plot
import Vapor

/// The friendly error page: a localised explanation and a way back, nothing internal.
enum ErrorPage {
    static func response(status: HTTPResponseStatus, message: Message, req: Request) throws -> Response {
        let ctx = req.page
        let titleKey: String
        switch status {
        case .notFound: titleKey = "error.title.not_found"
        case .forbidden: titleKey = "error.title.forbidden"
        case .unauthorized: titleKey = "error.title.unauthorized"
        case .internalServerError: titleKey = "error.title.internal"
        default: titleKey = "error.title.generic"
        }
        return Layout.page(
            ctx, title: ctx.t(titleKey), status: status,
            .p(.text(ctx.t(message))),
            .p(.a(.href(SiteRoute.home.path), .text(ctx.t("error.back_home"))))
        )
    }
}
