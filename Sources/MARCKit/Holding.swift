/// A copy described in the record's holdings, or in a holdings export of the library's own system.
public struct Holding: Sendable, Equatable {
    public var branchCode: String?
    public var shelfMark: String?
    public var inventoryNumber: String?
    public var barcode: String?
    public var note: String?
    /// The copy's status in the export; nil when the export does not say (852 alone, 899).
    /// An importer then keeps the copy's status as it is, or takes it as available when new.
    public var status: HoldingStatus?
    /// Where the copy came from, so that a report can name the field.
    public var source: HoldingSource = .marc852
    /// A shelving location or collection within the branch (952$c, 910$d, 852$c).
    public var location: String?
    /// The date the status refers to when the export gives one (Koha 952$q: due back).
    public var statusDate: String?

    public init(
        branchCode: String? = nil, shelfMark: String? = nil, inventoryNumber: String? = nil, barcode: String? = nil, note: String? = nil,
        status: HoldingStatus? = nil, source: HoldingSource = .marc852, location: String? = nil, statusDate: String? = nil
    ) {
        self.branchCode = branchCode
        self.shelfMark = shelfMark
        self.inventoryNumber = inventoryNumber
        self.barcode = barcode
        self.note = note
        self.status = status
        self.source = source
        self.location = location
        self.statusDate = statusDate
    }
}

/// A copy's status as the library's own system reports it.
public enum HoldingStatus: Sendable, Equatable, Hashable {
    case available, onLoan, lost, withdrawn, damaged, notForLoan
    /// A status no mapping knows, as the export wrote it.
    case unknown(String)

    /// A stable code for storage and localisation («on_loan»); `unknown` gives «unknown».
    public var code: String {
        switch self {
        case .available: "available"
        case .onLoan: "on_loan"
        case .lost: "lost"
        case .withdrawn: "withdrawn"
        case .damaged: "damaged"
        case .notForLoan: "not_for_loan"
        case .unknown: "unknown"
        }
    }

    /// The raw value of an unknown status.
    public var raw: String? { if case .unknown(let s) = self { s } else { nil } }
}

/// The field or file a copy was read from.
public enum HoldingSource: String, Sendable, CaseIterable {
    /// MARC 21 852 alone (location, no item status).
    case marc852 = "852"
    /// MARC 21 876–878 item information, with its 852.
    case marc876 = "876"
    /// Koha's 952 item field.
    case koha952 = "952"
    /// RUSMARC 899.
    case rusmarc899 = "899"
    /// ИРБИС64's exemplar field 910.
    case irbis910 = "910"
    /// A CSV holdings export.
    case csv
}
