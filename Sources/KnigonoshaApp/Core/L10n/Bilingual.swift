import Plot

/// Text people type in two versions, Russian and Kazakh, for the reports in the state language.
/// The Russian version is the one every record has; a Kazakh page shows the Kazakh one, or the
/// Russian one marked as such, so that nobody takes it for a translation (issue 12, finding 13).
enum Bilingual {
    /// Plain text, for page titles and other places that hold no markup.
    static func pick(_ ctx: PageContext, ru: String, kk: String?) -> String {
        let (text, mark) = choose(ctx, ru: ru, kk: kk)
        return mark.map { text + " " + $0 } ?? text
    }

    /// The same in the page: the Russian text of a Kazakh page is marked `lang="ru"`, so that a
    /// screen reader reads it as Russian (WCAG 3.1.2, language of parts).
    static func node(_ ctx: PageContext, ru: String, kk: String?) -> Node<HTML.BodyContext> {
        let (text, mark) = choose(ctx, ru: ru, kk: kk)
        guard let mark else { return .text(text) }
        return .group(.span(.attribute(named: "lang", value: "ru"), .text(text)), .text(" " + mark))
    }

    /// A link whose text is such a name; the mark, when there is one, follows the link.
    static func link(_ ctx: PageContext, _ href: String, ru: String, kk: String?) -> Node<HTML.BodyContext> {
        let (text, mark) = choose(ctx, ru: ru, kk: kk)
        guard let mark else { return .a(.href(href), .text(text)) }
        return .group(.a(.href(href), .attribute(named: "lang", value: "ru"), .text(text)), .text(" " + mark))
    }

    /// The version to show, and the mark when it is the Russian one on a Kazakh page.
    private static func choose(_ ctx: PageContext, ru: String, kk: String?) -> (String, mark: String?) {
        guard ctx.lang == .kk else { return (ru, nil) }
        if let kk, !kk.isEmpty { return (kk, nil) }
        return (ru, ctx.t("content.not_in_kazakh"))
    }
}
