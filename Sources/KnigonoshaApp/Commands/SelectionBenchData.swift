import Fluent
import SQLKit
import Vapor

/// Synthetic delivery data over a real catalogue, for the selection benchmark: branches, one copy
/// per record, readers with 5–60 interests drawn from the catalogue's own subjects and authors,
/// three years of visits and loans with ratings, and a week of planned visits. Deterministic for a
/// given seed.
struct SelectionBenchData {
    var rng: SeededGenerator
    let db: any SQLDatabase
    let today: LocalDate
    var branches: [UUID] = []
    /// (copy id, bib id) per branch.
    var shelves: [[(UUID, Int)]] = []
    var readers: [(id: UUID, branch: Int)] = []

    init(seed: UInt64, db: any SQLDatabase, today: LocalDate) {
        rng = SeededGenerator(seed: seed)
        self.db = db
        self.today = today
    }

    mutating func branchesAndCopies(count: Int) async throws {
        let now = Date()
        for i in 0..<count {
            let id = UUID()
            branches.append(id)
            try await db.insert(into: Branch.schema).columns("id", "code", "name_ru", "name_kk", "address", "phone")
                .values(
                    SQLBind(id), SQLBind("B\(i)"), SQLBind("Филиал \(i)"), SQLBind("Филиал \(i)"), SQLBind("Адрес \(i)"),
                    SQLBind(String(format: "+772220%05d", i))
                )
                .run()
        }
        shelves = Array(repeating: [], count: count)
        let bibs = try await db.select().column("id").from(BibRecord.schema).all().map { try $0.decode(column: "id", as: Int.self) }
        for chunk in bibs.chunked(2000) {
            let insert = db.insert(into: Copy.schema).columns("id", "created_at", "updated_at", "bib_id", "inventory_number", "branch_id", "status")
            for bib in chunk {
                let id = UUID()
                let branch = bib % count
                shelves[branch].append((id, bib))
                insert.values(
                    SQLBind(id), SQLBind(now), SQLBind(now), SQLBind(bib), SQLBind("INV\(bib)"), SQLBind(branches[branch]), SQLBind("available"))
            }
            try await insert.run()
        }
        // As an import of copies does at its end.
        try await SearchHoldings.merge(on: db)
    }

    /// The most frequent subjects and authors of a sample of the catalogue.
    func vocabulary() async throws -> (subjects: [String], authors: [String]) {
        var subjects: [String: Int] = [:]
        var authors: [String: Int] = [:]
        let rows = try await db.raw("SELECT subjects, contributors FROM bib_records WHERE id % 25 = 0").all()
        for row in rows {
            for s in try row.decode(column: "subjects", as: String.self).split(separator: "\n") { subjects[String(s), default: 0] += 1 }
            for c in try row.decode(column: "contributors", as: String.self).split(separator: "\n") {
                authors[String(c.split(separator: "|").first ?? ""), default: 0] += 1
            }
        }
        func top(_ d: [String: Int], _ n: Int) -> [String] {
            d.sorted { $0.value == $1.value ? $0.key < $1.key : $0.value > $1.value }.prefix(n).map(\.key)
        }
        return (top(subjects, 3000), top(authors, 2000))
    }

    mutating func readers(count: Int, subjects: [String], authors: [String]) async throws {
        let now = Date()
        var tagRows: [(UUID, String, String, Int)] = []
        for chunk in Array(0..<count).chunked(500) {
            let insert = db.insert(into: Reader.schema).columns(
                "id", "created_at", "updated_at", "family_name", "given_name", "card_number", "branch_id", "settlement", "street", "building",
                "latitude", "longitude", "disability_group", "items_per_visit", "frequency", "status", "registered_on", "consent_date",
                "consent_third_party", "consent_publication", "search_text")
            for i in chunk {
                let id = UUID()
                let branch = i % branches.count
                readers.append((id, branch))
                insert.values(
                    SQLBind(id), SQLBind(now), SQLBind(now), SQLBind("Reader\(i)"), SQLBind("Bench"), SQLBind("BENCH-\(i)"),
                    SQLBind(branches[branch]),
                    SQLBind("Семей"), SQLBind("ул. Абая"), SQLBind("\(i % 200)"), SQLBind(50.40 + Double(i % 97) / 1000),
                    SQLBind(80.22 + Double(i % 89) / 1000), SQLBind("group2"), SQLBind(3), SQLBind("biweekly"), SQLBind("active"),
                    SQLBind("2023-01-10"), SQLBind("2023-01-10"), SQLBind(false), SQLBind(false), SQLBind("reader\(i) bench"))
                // 5 to 60 interests: mostly subjects, some authors; print, sometimes large print; English.
                let interests = 5 + Int(rng.next() % 56)
                for k in 0..<interests {
                    let author = k % 5 == 4
                    let pool = author ? authors : subjects
                    // Popular entries more often than rare ones.
                    let r = Double(rng.next() % 10_000) / 10_000
                    let value = pool[min(pool.count - 1, Int(pow(r, 2.5) * Double(pool.count)))]
                    tagRows.append((id, author ? "author" : "subject", value, k))
                }
                tagRows.append((id, "format", "print", 0))
                if i % 5 == 0 { tagRows.append((id, "format", "large_print", 1)) }
                tagRows.append((id, "language", "en", 0))
            }
            try await insert.run()
        }
        for chunk in tagRows.chunked(3000) {
            let insert = db.insert(into: ReaderTag.schema).columns("id", "reader_id", "kind", "value", "position")
            for (reader, kind, value, position) in chunk {
                insert.values(SQLBind(UUID()), SQLBind(reader), SQLBind(kind), SQLBind(value), SQLBind(position))
            }
            try await insert.run()
        }
    }
}

/// A small deterministic random number generator (SplitMix64), so that every run seeds the same data.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
