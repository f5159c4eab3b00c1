import Fluent
import Vapor

/// Free copies of some titles in each branch, so that a title the visit's branch cannot give can
/// be asked for from another branch of the library (issue 12, finding 4).
struct BranchStock: Sendable {
    /// Free copies by title and branch.
    var free: [Int: [UUID: Int]] = [:]
    var branches: [UUID: Branch] = [:]

    static func load(bibs: [Int], on db: any Database) async throws -> BranchStock {
        var stock = BranchStock()
        for b in try await Branch.query(on: db).all() { stock.branches[b.id!] = b }
        guard !bibs.isEmpty else { return stock }
        let copies = try await Copy.query(on: db).filter(\.$bib.$id ~~ Set(bibs)).filter(\.$status == CopyStatus.available.rawValue).all()
        for c in copies {
            guard let branch = c.$branch.id else { continue }
            stock.free[c.$bib.id, default: [:]][branch, default: 0] += 1
        }
        return stock
    }

    /// The branches other than `home` with a free copy of `bib`, by name.
    func elsewhere(_ bib: Int, home: UUID, _ lang: Lang) -> [Branch] {
        (free[bib] ?? [:]).filter { $0.key != home && $0.value > 0 }.compactMap { branches[$0.key] }.sorted { $0.name(lang) < $1.name(lang) }
    }

    func hasFree(_ bib: Int, at branch: UUID) -> Bool { (free[bib]?[branch] ?? 0) > 0 }
}
