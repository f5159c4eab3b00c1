import Fluent
import Testing
import Vapor
import VaporTesting

@testable import KnigonoshaApp

@Suite struct ReaderListTests {
    private func seedReaders(_ app: Application, _ seed: Seed) async throws {
        var a = Seed.reader(branch: seed.north, card: "N-1", family: "Ковалёв")
        a.formats = ["braille"]
        a.languages = ["kk"]
        var b = Seed.reader(branch: seed.north, card: "N-2", family: "Ёлкина")
        b.phones = [PhoneEntry(label: "home", number: "+7 722 252 33 44")]
        var c = Seed.reader(branch: seed.south, card: "S-3", family: "Касымова")
        c.status = "paused"
        c.pause_from = "2025-01-01"
        c.disability_group = "group3"
        try await Seed.storeReader(app, a, by: seed.admin)
        try await Seed.storeReader(app, b, by: seed.admin)
        try await Seed.storeReader(app, c, by: seed.admin)
    }

    private func names(_ app: Application, _ token: String, _ query: String) async throws -> (total: Int, names: [String]) {
        var result: (Int, [String]) = (0, [])
        try await app.testing().test(.GET, "/api/v1/readers?" + query, headers: ["Authorization": "Bearer \(token)"]) { res in
            #expect(res.status == .ok, "\(query)")
            let page = try res.content.decode(ReaderPage.self)
            result = (page.total, page.items.map(\.family_name))
        }
        return result
    }

    @Test(arguments: TestDatabase.all)
    func test_search_ignores_case_and_treats_yo_as_ye(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            try await seedReaders(app, seed)
            let token = try await Seed.token(app, for: seed.admin)
            #expect(try await names(app, token, "q=%D0%BA%D0%BE%D0%B2%D0%B0%D0%BB%D0%B5%D0%B2").names == ["Ковалёв"])  // ковалев
            #expect(try await names(app, token, "q=%D0%95%D0%9B%D0%9A%D0%98%D0%9D%D0%90").names == ["Ёлкина"])  // ЕЛКИНА
            #expect(try await names(app, token, "q=8%20722%20252").names == ["Ёлкина"])
            #expect(try await names(app, token, "q=s-3").names == ["Касымова"])
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_filters_sorting_and_pagination(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            try await seedReaders(app, seed)
            let token = try await Seed.token(app, for: seed.admin)
            #expect(try await names(app, token, "format=braille").names == ["Ковалёв"])
            #expect(try await names(app, token, "language=kk&format=braille").names == ["Ковалёв"])
            #expect(try await names(app, token, "language=ru").names == ["Ёлкина", "Касымова"])
            #expect(try await names(app, token, "status=paused").names == ["Касымова"])
            #expect(try await names(app, token, "disability=group3").names == ["Касымова"])
            #expect(try await names(app, token, "branch=\(seed.south.id!)").names == ["Касымова"])
            #expect(try await names(app, token, "sort=-card").names == ["Касымова", "Ёлкина", "Ковалёв"])
            let second = try await names(app, token, "per_page=2&page=2")
            #expect(second.total == 3)
            #expect(second.names.count == 1)
            try await app.testing().test(.GET, "/api/v1/readers?format=vinyl&page=0", headers: ["Authorization": "Bearer \(token)"]) { res in
                #expect(res.status == .unprocessableEntity)
                let body = try res.content.decode(APIErrorBody.self)
                #expect(body.fields?.keys.sorted() == ["format", "page"])
            }
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_list_page_shows_plural_count_and_pages(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            try await seedReaders(app, seed)
            let web = WebClient(app)
            try await web.login("admin@test.kz")
            let all = try await web.get("/readers")
            #expect(all.text.contains("Найдено 3 читателя"))
            let one = try await web.get("/readers?q=%D0%BA%D0%B0%D1%81%D1%8B%D0%BC")
            #expect(one.text.contains("Найден 1 читатель"))
            // A browser sends the spaces of a search as «+»: a full name is found, and comes back as typed.
            let full = "Касымова Николай".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!.replacingOccurrences(of: "%20", with: "+")
            let named = try await web.get("/readers?q=\(full)&branch=&status=&sort=")
            #expect(named.text.contains("Найден 1 читатель"))
            #expect(named.text.contains(#"value="Касымова Николай""#))
            #expect(!named.text.contains("Касымова+Николай"))
            // A typed plus stays a plus.
            #expect(try await web.get("/readers?q=%2B7701").text.contains(#"value="+7701""#))
            let paged = try await web.get("/readers?per_page=2")
            #expect(paged.text.contains("Страница 1 из 2"))
            #expect(paged.text.contains("page=2"))
            // Bad filter values on the page are ignored rather than failing.
            #expect(try await web.get("/readers?format=vinyl&page=-4").status == .ok)
        }
    }

    @Test(arguments: TestDatabase.all)
    func test_any_number_of_interests_is_kept(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let seed = try await Seed.make(app)
            var p = Seed.reader(branch: seed.north)
            p.subjects = (1...300).map { "Тема \($0)" }
            p.authors = (1...120).map { "Автор \($0)" }
            let reader = try await Seed.storeReader(app, p, by: seed.admin)
            let loaded = try #require(try await ReaderStore.find(reader.id!, on: app.db))
            let record = ReaderStore.record(of: loaded)
            #expect(record.subjects.count == 300)
            #expect(record.subjects.last == "Тема 300")
            #expect(record.authors.count == 120)
        }
    }
}
