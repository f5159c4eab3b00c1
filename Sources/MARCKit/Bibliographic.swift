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

/// The forms of material the service delivers, and the other forms a catalogue holds: a map or a
/// photograph is never taken for a book because a note mentions a computer.
public enum MaterialForm: String, Sendable, CaseIterable {
    case print, largePrint = "large_print", audiobook, daisy, braille, ebook, periodical
    /// Maps and atlases (leader/06 e, f).
    case map
    /// Photographs, pictures, posters and other graphics (leader/06 k).
    case image
    /// Printed or manuscript music (leader/06 c, d).
    case score
    /// Films and video (leader/06 g).
    case video
    /// Musical sound recordings (leader/06 j).
    case music
    /// Kits, mixed materials, objects, software and data (leader/06 m, o, p, r).
    case other
}

/// A person or body responsible for the work, with their role.
public struct Contributor: Sendable, Equatable {
    public var name: String
    public var role: String

    public init(name: String, role: String) {
        self.name = name
        self.role = role
    }
}

/// A series the item belongs to, and its number in it.
public struct Series: Sendable, Equatable {
    public var title: String
    public var number: String?

    public init(title: String, number: String? = nil) {
        self.title = title
        self.number = number
    }
}

/// The record's text in another script (MARC 21 880, linked to the field it transcribes by
/// $6): the Cyrillic, Arabic or Chinese beside a romanised record. Searchable and shown beside
/// the romanised form.
public struct AlternateScript: Sendable, Equatable {
    public var title: String?
    public var subtitle: String?
    public var contributors: [Contributor] = []
    public var edition: String?
    public var publisher: String?
    public var place: String?
    public var series: [Series] = []
    public var subjects: [String] = []
    public var summary: String?

    public init() {}

    public var isEmpty: Bool { self == AlternateScript() }

    /// Every text, for a search index.
    public var searchText: [String] {
        [title, subtitle, edition, publisher, place, summary].compactMap { $0 } + contributors.map(\.name) + series.map(\.title) + subjects
    }
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
    /// The first of `allSeries`.
    public var series: String?
    public var seriesNumber: String?
    /// Every series statement, without repeats: 830, 440, 490, 800–811 (UNIMARC 225, 410).
    public var allSeries: [Series] = []
    public var physical: String?
    public var summary: String?
    public var audience: String?
    public var form: MaterialForm = .print
    public var holdings: [Holding] = []
    public var alternateScript = AlternateScript()
    /// The record's reading warnings followed by the mapping's own.
    public var warnings: [MARCWarning] = []

    public init(flavor: MARCFlavor) { self.flavor = flavor }
}
