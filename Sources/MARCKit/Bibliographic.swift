/// The two MARC families in use in Kazakhstan and Russia.
public enum MARCFlavor: String, Sendable, CaseIterable {
    /// MARC 21, and KazMARC, which is based on it.
    case marc21
    /// UNIMARC, and RUSMARC, which is based on it.
    case unimarc

    /// UNIMARC keeps the title in 200 and coded data in 100$a; MARC 21 keeps the title in 245.
    public static func detect(_ r: MARCRecord) -> MARCFlavor {
        if r.field("245") != nil { return .marc21 }
        if r.field("200") != nil { return .unimarc }
        if let coded = r.first("100", "a"), coded.count >= 35, coded.prefix(8).allSatisfy(\.isNumber) { return .unimarc }
        return .marc21
    }
}

/// The forms of material the service delivers.
public enum MaterialForm: String, Sendable, CaseIterable {
    case print, largePrint = "large_print", audiobook, daisy, braille, ebook, periodical
}

/// A person or body responsible for the work, with their role.
public struct Contributor: Sendable, Equatable {
    public var name: String
    public var role: String
}

/// A copy described in the record's holdings (852 in MARC 21, 899 in RUSMARC).
public struct Holding: Sendable, Equatable {
    public var branchCode: String?
    public var shelfMark: String?
    public var inventoryNumber: String?
    public var barcode: String?
    public var note: String?
}

/// The descriptive fields the catalogue shows and searches, taken from a MARC record.
public struct Bibliographic: Sendable, Equatable {
    public var flavor: MARCFlavor
    public var controlNumber: String?
    public var controlOrganisation: String?
    public var title = ""
    public var subtitle: String?
    public var contributors: [Contributor] = []
    public var edition: String?
    public var year: Int?
    public var publisher: String?
    public var place: String?
    public var isbns: [String] = []
    public var issns: [String] = []
    public var languages: [String] = []
    public var subjects: [String] = []
    public var genres: [String] = []
    public var series: String?
    public var seriesNumber: String?
    public var physical: String?
    public var summary: String?
    public var audience: String?
    public var form: MaterialForm = .print
    public var holdings: [Holding] = []

    public init(flavor: MARCFlavor) { self.flavor = flavor }
}
