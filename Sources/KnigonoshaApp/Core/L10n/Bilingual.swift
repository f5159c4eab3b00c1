/// Text people type in two versions, Russian and Kazakh, for the reports in the state language.
/// The Russian version is the one every record has; a Kazakh page shows the Kazakh one, or the
/// Russian one marked as such, so that nobody takes it for a translation (issue 12, finding 13).
enum Bilingual {
    static func pick(_ ctx: PageContext, ru: String, kk: String?) -> String {
        guard ctx.lang == .kk else { return ru }
        if let kk, !kk.isEmpty { return kk }
        return ru + " " + ctx.t("content.not_in_kazakh")
    }
}
