import Plot
import Vapor

/// The run sheet, phone first: one card per stop, big buttons, nothing the doorstep does not need.
enum RunView {
    /// An outcome the server refused: the stop it was for, what was typed, and the errors.
    struct Refused {
        var visitID: UUID
        var minutes: String
        var comment: String
        var errors: FieldErrors
    }

    static func page(_ ctx: PageContext, day: LocalDate, stops: [RunStop], refused: Refused? = nil, heldBack: Int = 0) -> Response {
        Layout.page(
            ctx, title: ctx.t("run.title"), status: refused == nil ? .ok : .unprocessableEntity,
            refused.map { summary(ctx, $0) } ?? .empty,
            .p(.class("lead"), .text(ctx.date(day.iso) + " · " + ctx.plural("run.stops", stops.count))),
            // Stops left off because the reader's consent has ended: the carrier learns that some
            // are missing, and whom to ask, but nothing about whom (issue 19, finding 8).
            .if(heldBack > 0, .p(.class("notice"), .text(ctx.plural("run.held_back", heldBack)))),
            queueStatus(ctx),
            .div(.id("queue-elsewhere"), .class("queue-elsewhere")),
            .if(stops.isEmpty, .p(.text(ctx.t("run.empty")))),
            .forEach(stops) { stop($0, ctx, refused: refused?.visitID == $0.visit_id ? refused : nil) },
            .div(
                .class("actions no-print"),
                .button(.type(.button), .class("print-button"), .attribute(named: "data-print", value: "1"), .text(ctx.t("run.print")))),
            .script(.src(SiteRoute.runScript.path), .defer())
        )
    }

    /// The offline queue's banner: a live region that is always in the page (a region added or
    /// unhidden later is often not announced), filled by the script, with the way back in.
    static func queueStatus(_ ctx: PageContext) -> Node<HTML.BodyContext> {
        .div(
            .id("offline-status"), .class("queue-banner"), .attribute(named: "role", value: "status"),
            .attribute(named: "aria-live", value: "polite"),
            .p(.id("queue-text")),
            .p(
                .id("queue-signin"), .attribute(named: "hidden"),
                // After signing in the carrier comes back here, where the queue is sent.
                .a(.href(SiteRoute.login.path(query: [("next", SiteRoute.run.path)])), .text(ctx.t("run.queue_signin_link")))),
            messages(ctx))
    }

    /// The script's messages in the page's language, so run.js holds no text of its own.
    static func messages(_ ctx: PageContext) -> Node<HTML.BodyContext> {
        .div(
            .id("run-messages"), .attribute(named: "hidden"), .attribute(named: "data-account", value: ctx.user?.id.uuidString.lowercased()),
            .forEach(messageKeys) { pair in .span(.attribute(named: "data-m", value: pair.0), .text(ctx.t(pair.1))) })
    }

    /// run.js's names for its messages, and their catalog keys.
    static let messageKeys: [(String, String)] = [
        ("waiting", "run.queue_waiting"), ("signin", "run.queue_signin"), ("refused", "run.queue_refused"),
        ("saved", "run.stop_saved"), ("stop_signin", "run.stop_signin"), ("stop_refused", "run.stop_refused"),
        ("sent", "run.stop_sent"), ("unconfirmed", "run.queue_unconfirmed"), ("retry", "run.queue_retry"),
        ("dismiss", "run.queue_dismiss"), ("elsewhere", "run.queue_elsewhere"), ("unknown_stop", "run.queue_unknown_stop"),
        ("other_account", "run.queue_other_account"), ("start_offline", "run.start_offline"), ("tap_again", "run.tap_again"),
    ]

    /// A stop's form controls are told apart by the visit.
    static func base(_ visitID: UUID) -> String { "r-" + String(visitID.uuidString.lowercased().prefix(8)) }

    static func summary(_ ctx: PageContext, _ r: Refused) -> Node<HTML.BodyContext> {
        let b = base(r.visitID)
        return Forms.errorSummary(
            ctx, r.errors, anchors: ["minutes_spent": b + "-min", "comment": b + "-c", "ratings": "stop-" + r.visitID.uuidString.lowercased()],
            labels: ["minutes_spent": ctx.t("run.minutes"), "comment": ctx.t("run.comment")])
    }

    /// The stop's address as one line: settlement, street, building, flat.
    static func address(_ s: RunStop, _ ctx: PageContext) -> String {
        [s.settlement, s.street, s.building, s.apartment.map { ctx.t("run.apartment") + " " + $0 }].compactMap { $0 }.joined(separator: ", ")
    }

    /// How to get in: entrance, floor (and no lift), intercom.
    static func access(_ s: RunStop, _ ctx: PageContext) -> [String] {
        var access: [String] = []
        if let e = s.entrance { access.append(ctx.t("run.entrance") + " " + e) }
        if let f = s.floor { access.append(ctx.t("run.floor") + " " + String(f) + (s.has_lift == false ? " (" + ctx.t("run.no_lift") + ")" : "")) }
        if let i = s.intercom { access.append(ctx.t("run.intercom") + " " + i) }
        return access
    }

    static func stop(_ s: RunStop, _ ctx: PageContext, refused: Refused? = nil) -> Node<HTML.BodyContext> {
        let id = "stop-" + s.visit_id.uuidString.lowercased()
        let open = VisitStatus(rawValue: s.status)?.isOpen ?? false
        let address = address(s, ctx)
        let access = access(s, ctx)
        return .element(
            named: "article",
            nodes: [
                .class("stop card"), .id(id), .attribute(named: "aria-labelledby", value: id + "-h"),
                .h2(.id(id + "-h"), .text("\(s.position). \(s.reader_name)")),
                .p(.class("status"), .text(ctx.t("visit_status." + s.status) + (s.time_from.map { " · " + $0 + "–" + (s.time_to ?? "") } ?? ""))),
                .if(open, .unwrap(s.expected_at) { .p(.class("expected"), .text(ctx.t("run.expected_at", ["time": $0]))) }),
                .if(open && s.window_missed, .p(.class("warning-box"), .text(ctx.t("run.window_missed")))),
                .p(.class("address"), .text(address)),
                .if(!access.isEmpty, .p(.text(access.joined(separator: " · ")))),
                .unwrap(s.access_notes) { .p(.class("notice"), .text($0)) },
                .if(!s.photos_allowed, .p(.class("notice"), .text(ctx.t("run.no_photos")))),
                .if(!s.has_coordinates, .p(.class("hint"), .text(ctx.t("run.no_coordinates")))),
                .ul(
                    .class("phones"),
                    .forEach(s.phones) { p in .li(.a(.href("tel:" + p.number), .text(ctx.t("phone_label." + p.label) + ": " + p.number))) },
                    .unwrap(s.caregiver_phone) { phone in
                        .li(.a(.href("tel:" + phone), .text(ctx.t("run.caregiver") + (s.caregiver_name.map { " " + $0 } ?? "") + ": " + phone)))
                    }
                ),
                .h3(.text(ctx.plural("run.deliver_count", s.deliver.count))),
                .ul(
                    .forEach(s.deliver) { d in
                        .li(
                            .text(d.title + (d.authors.isEmpty ? "" : " — " + d.authors)),
                            .if(d.format != "print", .strong(.class("badge"), .text(" " + ctx.t("material." + d.format)))))
                    }),
                .h3(.text(ctx.plural("run.collect_count", s.collect.count))),
                .ul(.forEach(s.collect) { c in .li(.text(c.title)) }),
                .if(
                    s.status == VisitStatus.planned.rawValue,
                    Forms.post(
                        ctx, action: SiteRoute.runStart(s.visit_id).path, class: "inline start",
                        [
                            .button(
                                .type(.submit), .class("secondary"),
                                .attribute(named: "aria-label", value: ctx.t("run.start") + ": " + s.reader_name),
                                .text(ctx.t("run.start")))
                        ])),
                .if(open, outcomeForm(s, ctx, refused: refused)),
            ])
    }

    static func rating(_ c: RunStop.Collect, base: String, _ ctx: PageContext) -> Node<HTML.BodyContext> {
        let loan = c.loan_id.uuidString.lowercased()
        var field = Forms.Field(name: "ratings[\(loan)]", label: ctx.t("run.rating_for") + " «" + c.title + "»")
        field.controlID = base + "-" + String(loan.prefix(8))
        let options: [(String, String)] = [("", "—"), ("1", "1"), ("2", "2"), ("3", "3"), ("4", "4"), ("5", "5")]
        return Forms.select(ctx, field, options: options)
    }

    static func outcomeForm(_ s: RunStop, _ ctx: PageContext, refused: Refused? = nil) -> Node<HTML.BodyContext> {
        let base = base(s.visit_id)
        var minutes = Forms.Field(
            name: "minutes_spent", label: ctx.t("run.minutes"), value: refused?.minutes ?? "", error: refused?.errors["minutes_spent"],
            type: "number", inputmode: "numeric", extra: [("min", "0"), ("max", "600")])
        minutes.controlID = base + "-min"
        var comment = Forms.Field(name: "comment", label: ctx.t("run.comment"), value: refused?.comment ?? "", error: refused?.errors["comment"])
        comment.controlID = base + "-c"
        // The server's limit, so that a long note is not typed on a phone only to be refused.
        comment.extra = [("maxlength", "2000")]
        let details: [Node<HTML.BodyContext>] = [
            .element(named: "summary", nodes: [.text(ctx.t("run.details"))]),
            .forEach(s.collect) { c in rating(c, base: base, ctx) },
            Forms.input(ctx, minutes),
            Forms.textarea(ctx, comment, rows: 2),
        ]
        return Forms.post(
            ctx, action: SiteRoute.runOutcome(s.visit_id).path, class: "outcome", ariaLabel: ctx.t("run.record_for") + " " + s.reader_name,
            [
                .input(.type(.hidden), .name("key"), .value(s.key)),
                // Opened when the server refused what was typed in it, so the errors show.
                .element(named: "details", nodes: (refused == nil ? [] : [.attribute(named: "open", value: "open")]) + details),
                .div(
                    .class("actions big"),
                    Forms.submit(ctx.t("run.done"), name: "outcome", value: "done"),
                    .button(.type(.submit), .class("secondary"), .name("outcome"), .value("no_answer"), .text(ctx.t("run.no_answer")))),
            ])
    }
}
