import Plot
import Vapor

/// The genre list with the form that adds to it; both names are asked, since readers' genres
/// appear in Russian and Kazakh pages and reports.
enum GenresView {
    static func page(
        _ ctx: PageContext, list: GenreList, form: GenresController.GenreForm, errors: FieldErrors, status: HTTPResponseStatus = .ok
    ) -> Response {
        Layout.page(
            ctx, title: ctx.t("genre.title"), status: status,
            Forms.errorSummary(ctx, errors, labelPrefix: "genre."),
            .div(
                .class("table-wrap"), H.scrollRegion(ctx),
                .table(
                    .caption(.text(ctx.plural("genre.count", list.genres.count))),
                    .thead(.tr(.th(.text(ctx.t("genre.name_ru"))), .th(.text(ctx.t("genre.name_kk"))))),
                    .tbody(
                        .forEach(list.genres) { g in
                            .tr(
                                .td(.attribute(named: "lang", value: "ru"), .text(g.nameRu)),
                                .td(.attribute(named: "lang", value: "kk"), .text(g.nameKk)))
                        })
                )
            ),
            .h2(.id("genre-add-h"), .text(ctx.t("genre.add"))),
            Forms.post(
                ctx, SiteRoute.genres, novalidate: true,
                Forms.input(
                    ctx, .init(name: "name_ru", label: ctx.t("genre.name_ru"), value: form.name_ru ?? "", error: errors["name_ru"], required: true)),
                Forms.input(
                    ctx, .init(name: "name_kk", label: ctx.t("genre.name_kk"), value: form.name_kk ?? "", error: errors["name_kk"], required: true)),
                Forms.submit(ctx.t("genre.add"))
            )
        )
    }
}
