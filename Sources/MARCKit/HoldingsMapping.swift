/// Copies and their statuses from the holdings fields of the library systems in use:
/// MARC 21 852 with 876–878, Koha's 952, RUSMARC 899 and ИРБИС64's exemplar field 910.
/// docs/CATALOGUE.md lists every subfield and status code.
extension BibliographicMapping {
    /// MARC 21: 852 locations, each with its 876–878 items; Koha's 952 items.
    static func holdings21(_ r: MARCRecord) -> [Holding] {
        let locations = r.fields("852")
        let items = r.fields(keyedIn: itemKeys)
        var out: [Holding] = []
        var described = Set<Int>()
        for item in items {
            let i = location(of: item, among: locations)
            if let i { described.insert(i) }
            let place = i.map { locations[$0] }
            out.append(
                Holding(
                    branchCode: place?.first("b").map(trim), shelfMark: place.flatMap(shelfMark852),
                    inventoryNumber: (item.first("a") ?? item.first("p")).map(trim), barcode: item.first("p").map(trim),
                    note: item.first("z"), status: item.first("j").flatMap(HoldingStatus.init(text:)), source: .marc876,
                    location: (item.first("l") ?? place?.first("c")).map(trim)))
        }
        for (i, f) in locations.enumerated() where !described.contains(i) {
            out.append(
                Holding(
                    branchCode: f.first("b").map(trim), shelfMark: shelfMark852(f), inventoryNumber: (f.first("p") ?? f.first("j")).map(trim),
                    barcode: f.first("p").map(trim), note: f.first("z"), source: .marc852, location: f.first("c").map(trim)))
        }
        out += r.fields("952").map(koha)
        return out
    }

    static let itemKeys = ["876", "877", "878"].map(MARCField.key)

    /// An 876–878 belongs to the 852 with the same link number in $8 («1» in «1.2»); without
    /// links, to the only 852, or to the 852 in the same place when the counts agree.
    static func location(of item: MARCField, among locations: [MARCField]) -> Int? {
        if let link = item.first("8").map(linkNumber),
            let i = locations.firstIndex(where: { $0.first("8").map(linkNumber) == link })
        {
            return i
        }
        if locations.count == 1 { return 0 }
        return nil
    }

    static func linkNumber(_ s: String) -> Substring { trim(s).split(separator: ".", maxSplits: 1).first ?? "" }

    static func shelfMark852(_ f: MARCField) -> String? {
        [f.first("h"), f.first("i")].compactMap { $0 }.joined(separator: " ").nilIfEmpty
    }

    /// Koha's 952: home library $a (else the holding library $b), shelving location $c, call
    /// number $o, barcode $p, inventory number $i, public note $z. Statuses, strongest first:
    /// $0 withdrawn, $1 lost (1 lost, 2 long overdue, 3 lost and paid for, 4 missing), $q on loan
    /// (the date due), $4 damaged, $7 not for loan (-1 ordered, 1 not for loan, 2 staff
    /// collection); none set means available.
    static func koha(_ f: MARCField) -> Holding {
        func set(_ code: Unicode.Scalar) -> Bool {
            f.first(code).map {
                let v = trim($0); return !v.isEmpty && v != "0"
            } ?? false
        }
        let due = f.first("q").map(trim)?.nilIfEmpty
        let status: HoldingStatus =
            set("0") ? .withdrawn : set("1") ? .lost : due != nil ? .onLoan : set("4") ? .damaged : set("7") ? .notForLoan : .available
        return Holding(
            branchCode: (f.first("a") ?? f.first("b")).map(trim), shelfMark: f.first("o").map(trim),
            inventoryNumber: (f.first("i") ?? f.first("p")).map(trim), barcode: f.first("p").map(trim), note: f.first("z"), status: status,
            source: .koha952, location: f.first("c").map(trim), statusDate: due)
    }

    /// RUSMARC 899 and ИРБИС64's 910.
    static func holdingsUnimarc(_ r: MARCRecord) -> [Holding] {
        var out = r.fields("899").map { f in
            Holding(
                branchCode: f.first("a").map(trim), shelfMark: f.first("j").map(trim) ?? shelfMark852(f),
                inventoryNumber: f.first("p").map(trim), barcode: f.first("x").flatMap { $0.allSatisfy(\.isNumber) ? $0 : nil },
                note: f.first("z") ?? f.first("x").flatMap { $0.allSatisfy(\.isNumber) ? nil : $0 }, source: .rusmarc899,
                location: (f.first("b") ?? f.first("c")).map(trim))
        }
        out += r.fields("910").compactMap(irbis)
        return out
    }

    /// ИРБИС64's exemplar field 910: $a status, $b inventory number, $c date received, $d place
    /// of storage (the department or branch), $e price, $h barcode or RFID tag, $r shelving
    /// index, $q collection. Status codes: 0 available, 1 on loan, 2 awaited, 3 at the bindery,
    /// 5 temporarily not lent, 8 on its way, 9 on the reserve shelf (all not for loan here),
    /// 4 lost, 6 written off; group codes (C, P, R, U) are kept as they are. A 910 without a
    /// status and a number is some other local field and is not a copy.
    static func irbis(_ f: MARCField) -> Holding? {
        guard let code = f.first("a").map(trim), !code.isEmpty, code.count <= 2, f.first("b") != nil || f.first("h") != nil else { return nil }
        let status: HoldingStatus =
            switch code {
            case "0": .available
            case "1": .onLoan
            case "2", "3", "5", "8", "9": .notForLoan
            case "4": .lost
            case "6": .withdrawn
            default: .unknown(code)
            }
        return Holding(
            branchCode: f.first("d").map(trim), shelfMark: f.first("r").map(trim), inventoryNumber: f.first("b").map(trim),
            barcode: f.first("h").map(trim), status: status, source: .irbis910, location: f.first("q").map(trim))
    }
}
