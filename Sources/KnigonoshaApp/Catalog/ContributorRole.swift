import Foundation

/// A contributor's role in the reader's language (issue 12, item 7). Records give it as a MARC
/// relator code (`aut`, `ill`), a relator term (`ill.`, `author.`), or our mapping's own word; a
/// role we do not know is shown as the record gives it.
enum ContributorRole {
    static let known: [String: String] = [
        "author": "author", "aut": "author", "автор": "author",
        "contributor": "contributor", "ctb": "contributor",
        "illustrator": "illustrator", "ill": "illustrator", "ill.": "illustrator", "ил": "illustrator", "худож": "illustrator",
        "editor": "editor", "edt": "editor", "ed": "editor", "ред": "editor",
        "translator": "translator", "trl": "translator", "tr": "translator", "пер": "translator",
        "compiler": "compiler", "com": "compiler", "comp": "compiler", "сост": "compiler",
        "narrator": "narrator", "nrt": "narrator",
        "publisher": "publisher", "pbl": "publisher", "изд": "publisher",
        "photographer": "photographer", "pht": "photographer",
        "performer": "performer", "prf": "performer",
    ]

    static func label(_ role: String, _ ctx: PageContext) -> String {
        let key = role.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: " .,;:"))
        guard let code = known[key] ?? known[key + "."] else { return role }
        return ctx.t("contributor_role." + code)
    }
}
