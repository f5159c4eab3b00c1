import Plot
import Vapor

enum LoginView {
    static func render(
        _ ctx: PageContext, form: LoginController.LoginForm, errors: FieldErrors, status: HTTPResponseStatus = .ok
    ) -> Response {
        Layout.page(
            ctx, title: ctx.t("login.title"), status: status,
            Forms.errorSummary(ctx, errors, labelPrefix: "login."),
            Forms.post(
                ctx, SiteRoute.login, class: "narrow", novalidate: true,
                .input(.type(.hidden), .name("next"), .value(form.next ?? "")),
                Forms.input(
                    ctx,
                    .init(
                        name: "email", label: ctx.t("login.email"), value: form.email ?? "", error: errors["email"],
                        required: true, type: "email", autocomplete: "username"
                    )
                ),
                Forms.input(
                    ctx,
                    .init(
                        name: "password", label: ctx.t("login.password"), error: errors["password"], required: true,
                        type: "password", autocomplete: "current-password"
                    )
                ),
                .div(.class("actions"), Forms.submit(ctx.t("login.submit")))
            )
        )
    }
}
