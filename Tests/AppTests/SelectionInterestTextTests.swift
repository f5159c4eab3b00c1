import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import KnigonoshaApp

/// A reader's interests are typed by people and pasted from anywhere: the book selection reads
/// them as the catalogue search reads a query. Decomposed letters are put in NFC, and a word heaped
/// with combining marks (which SQLite's FTS tokenizer splits into a phrase it cannot answer) makes
/// no candidates rather than a failed selection.
@Suite struct SelectionInterestTextTests {
    /// Zalgo text as schemathesis sent it to the catalogue search, where it was a 500.
    static let zalgo =
        "\u{1E70}\u{033A}\u{033A}\u{0315}o\u{035E} \u{0337}i\u{0332}\u{032C}\u{0347}\u{032A}\u{0359}n\u{031D}\u{0317}\u{0355}v\u{031F}\u{031C}\u{0318}\u{0326}\u{035F}o\u{0336}\u{0319}\u{0330}\u{0320}k\u{00E8}\u{035A}\u{032E}\u{033A}\u{032A}\u{0339}\u{0331}\u{0324} \u{0316}t\u{031D}\u{0355}\u{0333}\u{0323}\u{033B}\u{032A}\u{035E}h\u{033C}\u{0353}\u{0332}\u{0326}\u{0333}\u{0318}\u{0332}e\u{0347}\u{0323}\u{0330}\u{0326}\u{032C}\u{034E} \u{0322}\u{033C}\u{033B}\u{0331}\u{0318}h\u{035A}\u{034E}\u{0359}\u{031C}\u{0323}\u{0332}\u{0345}i\u{0326}\u{0332}\u{0323}\u{0330}\u{0324}v\u{033B}\u{034D}e"

    @Test(arguments: TestDatabase.all)
    func test_marks_in_interests_never_fail_the_selection(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            let ids = try await DeliveryFixtures.catalogue(app, branch: seed.north, titles: [("Ёлка", "История"), ("Другая", "Химия")])
            let today = LocalDate.today(in: app.config.timeZone)
            // Zalgo text, and «Ёлка» as Е + U+0308.
            let reader = try await DeliveryFixtures.reader(app, seed: seed, card: "Z-1", subjects: [Self.zalgo, "\u{0415}\u{0308}лка"])
            let visit = try await DeliveryFixtures.visit(app, reader: reader, branch: seed.north, on: today)
            _ = try await SelectionService.suggest(visitID: visit.id!, accept: false, today: today, on: app.db)
            let offered = try await VisitItem.query(on: app.db).filter(\.$visit.$id == visit.id!).all().map(\.$bib.id)
            // «Ёлка» is found by its NFC form; «Другая» (chemistry) matches no interest, so it is not first.
            #expect(offered.first == ids["Ёлка"])
        }
    }
}
