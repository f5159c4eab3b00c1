import Foundation
import Plot

/// Accessible form pieces: every control has a label, errors are tied to their controls with
/// `aria-describedby`, and a summary at the top links to each field.
enum Forms {
    /// A POST form with its CSRF token.
    static func post(
        _ ctx: PageContext, _ route: SiteRoute, class cls: String = "", ariaLabel: String? = nil, novalidate: Bool = false,
        _ nodes: Node<HTML.BodyContext>...
    ) -> Node<HTML.BodyContext> {
        post(ctx, action: route.path, class: cls, ariaLabel: ariaLabel, novalidate: novalidate, nodes)
    }

    static func post(
        _ ctx: PageContext, action: String, class cls: String = "", ariaLabel: String? = nil, novalidate: Bool = false,
        _ nodes: [Node<HTML.BodyContext>]
    ) -> Node<HTML.BodyContext> {
        .element(
            named: "form",
            nodes: [
                .attribute(named: "method", value: "post"),
                .attribute(named: "action", value: action),
                .class(cls),
                .attribute(named: "aria-label", value: ariaLabel),
                .if(novalidate, .attribute(named: "novalidate")),
                .input(.type(.hidden), .name(CSRFMiddleware.fieldName), .value(ctx.csrf)),
            ] + nodes
        )
    }

    /// The id of a field's control, used by labels and by the error summary's links.
    static func id(_ name: String) -> String { "f-" + name.replacingOccurrences(of: "[]", with: "") }

    /// A value made fit for an id: ids hold no whitespace, and a value typed by people (a genre) may.
    static func idPart(_ value: String) -> String {
        String(value.unicodeScalars.map { CharacterSet.whitespacesAndNewlines.contains($0) || $0 == "#" ? "_" : Character($0) })
    }

    /// An error summary that names every problem with its field's label and links to the field.
    /// Labels come from `labels`, or from the catalog key `labelPrefix + field`.
    static func errorSummary(
        _ ctx: PageContext, _ errors: FieldErrors, anchors: [String: String] = [:], labelPrefix: String? = nil,
        labels: [String: String] = [:]
    ) -> Node<HTML.BodyContext> {
        guard !errors.isEmpty else { return .empty }
        func label(_ field: String) -> String? {
            if let label = labels[field] { return label }
            guard let labelPrefix, ctx.l10n.has(labelPrefix + field) else { return nil }
            return ctx.t(labelPrefix + field)
        }
        return .div(
            .class("error-summary"), .id("error-summary"),
            .attribute(named: "role", value: "alert"), .attribute(named: "tabindex", value: "-1"),
            // Focus goes to the list of problems when the page comes back with them.
            .attribute(named: "autofocus", value: "autofocus"),
            .h2(.text(ctx.plural("form.errors_count", errors.items.count))),
            .ul(
                .forEach(errors.items) { item in
                    let text = label(item.field).map { "\($0): \(ctx.t(item.message))" } ?? ctx.t(item.message)
                    return .li(.a(.href("#" + (anchors[item.field] ?? id(item.field))), .text(text)))
                }
            )
        )
    }

    struct Field {
        var name: String
        var label: String
        var value: String = ""
        var error: Message?
        var required = false
        var type = "text"
        var hint: String?
        var autocomplete: String?
        var inputmode: String?
        var extra: [(String, String)] = []
        /// Overrides the id derived from the name, for repeated rows.
        var controlID: String?

        var htmlID: String { controlID ?? Forms.id(name) }
    }

    private static func describedBy(_ field: Field) -> String? {
        let ids = [field.hint != nil ? field.htmlID + "-hint" : nil, field.error != nil ? field.htmlID + "-error" : nil]
            .compactMap { $0 }
        return ids.isEmpty ? nil : ids.joined(separator: " ")
    }

    private static func labelNode(_ ctx: PageContext, _ field: Field) -> Node<HTML.BodyContext> {
        .element(
            named: "label",
            nodes: [
                .attribute(named: "for", value: field.htmlID),
                .text(field.label),
                .if(field.required, .span(.class("req"), .text(" " + ctx.t("form.required_mark")))),
            ]
        )
    }

    private static func messages(_ ctx: PageContext, _ field: Field) -> Node<HTML.BodyContext> {
        .group(
            .unwrap(field.hint) { .p(.class("hint"), .id(field.htmlID + "-hint"), .text($0)) },
            .unwrap(field.error) {
                .p(.class("field-error"), .id(field.htmlID + "-error"), .text(ctx.t("form.error_prefix") + " " + ctx.t($0)))
            }
        )
    }

    static func input(_ ctx: PageContext, _ field: Field) -> Node<HTML.BodyContext> {
        typealias A = Attribute<HTML.BodyContext>
        var attributes: [A] = [
            .attribute(named: "type", value: field.type),
            .attribute(named: "id", value: field.htmlID),
            .attribute(named: "name", value: field.name),
            .attribute(named: "value", value: field.value),
            .attribute(named: "autocomplete", value: field.autocomplete),
            .attribute(named: "inputmode", value: field.inputmode),
            .attribute(named: "aria-describedby", value: describedBy(field)),
        ]
        if field.required { attributes.append(.attribute(named: "aria-required", value: "true")) }
        if field.error != nil { attributes.append(.attribute(named: "aria-invalid", value: "true")) }
        for (name, value) in field.extra { attributes.append(.attribute(named: name, value: value)) }
        return .div(
            .class(field.error == nil ? "field" : "field has-error"),
            labelNode(ctx, field),
            messages(ctx, field),
            .selfClosedElement(named: "input", attributes: attributes)
        )
    }

    static func textarea(_ ctx: PageContext, _ field: Field, rows: Int = 3) -> Node<HTML.BodyContext> {
        var attributes: [Node<HTML.BodyContext>] = [
            .attribute(named: "id", value: field.htmlID),
            .attribute(named: "name", value: field.name),
            .attribute(named: "rows", value: String(rows)),
            .attribute(named: "aria-describedby", value: describedBy(field)),
        ]
        if field.error != nil { attributes.append(.attribute(named: "aria-invalid", value: "true")) }
        for (name, value) in field.extra { attributes.append(.attribute(named: name, value: value)) }
        return .div(
            .class(field.error == nil ? "field" : "field has-error"),
            labelNode(ctx, field),
            messages(ctx, field),
            .element(named: "textarea", nodes: attributes + [.text(field.value)])
        )
    }

    /// A drop-down list; `options` are (value, label) pairs.
    static func select(_ ctx: PageContext, _ field: Field, options: [(String, String)]) -> Node<HTML.BodyContext> {
        var attributes: [Node<HTML.BodyContext>] = [
            .attribute(named: "id", value: field.htmlID),
            .attribute(named: "name", value: field.name),
            .attribute(named: "aria-describedby", value: describedBy(field)),
        ]
        if field.required { attributes.append(.attribute(named: "aria-required", value: "true")) }
        if field.error != nil { attributes.append(.attribute(named: "aria-invalid", value: "true")) }
        let optionNodes: [Node<HTML.BodyContext>] = options.map { option in
            .element(
                named: "option",
                nodes: [
                    .attribute(named: "value", value: option.0, ignoreIfValueIsEmpty: false),
                    .if(option.0 == field.value, .attribute(named: "selected")),
                    .text(option.1),
                ]
            )
        }
        return .div(
            .class(field.error == nil ? "field" : "field has-error"),
            labelNode(ctx, field),
            messages(ctx, field),
            .element(named: "select", nodes: attributes + optionNodes)
        )
    }

    /// A group of checkboxes (or radio buttons) in a fieldset with a legend.
    static func choiceGroup(
        _ ctx: PageContext, name: String, legend: String, options: [(String, String)], selected: Set<String>,
        error: Message?, radio: Bool = false, hint: String? = nil
    ) -> Node<HTML.BodyContext> {
        let groupID = id(name)
        let hintID: String? = hint != nil ? groupID + "-hint" : nil
        let errorID: String? = error != nil ? groupID + "-error" : nil
        let described = [hintID, errorID].compactMap { $0 }.joined(separator: " ")
        var nodes: [Node<HTML.BodyContext>] = [
            .class(error == nil ? "choices" : "choices has-error"),
            .id(groupID + "-group"),
            .attribute(named: "aria-describedby", value: described.isEmpty ? nil : described),
            .element(named: "legend", nodes: [.text(legend)]),
        ]
        if let hint, let hintID { nodes.append(.p(.class("hint"), .id(hintID), .text(hint))) }
        if let error, let errorID {
            nodes.append(.p(.class("field-error"), .id(errorID), .text(ctx.t("form.error_prefix") + " " + ctx.t(error))))
        }
        for (index, option) in options.enumerated() {
            nodes.append(
                choice(
                    name: name, id: index == 0 ? groupID : groupID + "-" + idPart(option.0), option: option, radio: radio,
                    checked: selected.contains(option.0)))
        }
        return .element(named: "fieldset", nodes: nodes)
    }

    private static func choice(name: String, id optionID: String, option: (String, String), radio: Bool, checked: Bool) -> Node<HTML.BodyContext> {
        var attributes: [Attribute<HTML.BodyContext>] = [
            .attribute(named: "type", value: radio ? "radio" : "checkbox"),
            .attribute(named: "id", value: optionID),
            .attribute(named: "name", value: name),
            Attribute(name: "value", value: option.0, ignoreIfValueIsEmpty: false),
        ]
        if checked { attributes.append(Attribute(name: "checked", value: nil, ignoreIfValueIsEmpty: false)) }
        return .div(
            .class("choice"),
            .selfClosedElement(named: "input", attributes: attributes),
            .element(named: "label", nodes: [.attribute(named: "for", value: optionID), .text(option.1)])
        )
    }

    static func fieldset(_ legend: String, id: String? = nil, _ nodes: Node<HTML.BodyContext>...) -> Node<HTML.BodyContext> {
        .element(
            named: "fieldset",
            nodes: [.attribute(named: "id", value: id), .element(named: "legend", nodes: [.text(legend)])] + nodes
        )
    }

    /// A button that removes one thing, in a form of its own: it reads `label`, and says what it
    /// removes to screen readers (`label: what`), since a list has one per row.
    static func removeButton(_ ctx: PageContext, _ route: SiteRoute, label: String, what: String) -> Node<HTML.BodyContext> {
        post(
            ctx, route, class: "inline no-print",
            .button(.type(.submit), .class("link-button"), .attribute(named: "aria-label", value: label + ": " + what), .text(label)))
    }

    static func submit(_ label: String, name: String? = nil, value: String? = nil) -> Node<HTML.BodyContext> {
        .button(.type(.submit), .class("primary"), .attribute(named: "name", value: name), .attribute(named: "value", value: value), .text(label))
    }
}
