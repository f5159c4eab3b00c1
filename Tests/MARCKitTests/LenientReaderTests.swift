import Foundation
import Testing

@testable import MARCKit

/// Issue 14: a record is skipped only when it cannot be read at all; every other fault is
/// repaired and reported. The corpus is written byte by byte by scripts/make_lenient_fixtures.py.
@Suite struct LenientReaderTests {
    static func read(_ name: String) throws -> [MARCReadResult] { Array(try ISO2709Reader(path: Fixture.lenient(name))) }

    static func kept(_ name: String) throws -> [String: MARCRecord] {
        var out: [String: MARCRecord] = [:]
        for case .record(_, let r, _) in try read(name) { out[r.control("001") ?? ""] = r }
        return out
    }

    /// The warnings as «kind/action/tag».
    static func codes(_ r: MARCRecord?) -> [String] {
        (r?.warnings ?? []).map { "\($0.kind.rawValue)/\($0.action.rawValue)/\($0.tag ?? "")" }
    }

    @Test func test_every_record_of_the_lenient_corpus_is_kept_with_its_position_and_001() throws {
        let results = try Self.read("lenient.mrc")
        #expect(results.count == 14)
        for case .failure(let n, let e) in results { Issue.record("record \(n) skipped: \(e)") }
        for case .record(let n, let r, let raw) in results {
            #expect(!r.warnings.isEmpty, "\(n)")
            #expect(r.warnings.allSatisfy { $0.recordNumber == n && $0.controlNumber == r.control("001") })
            #expect(raw == nil, "repaired bytes are never kept as canonical")
        }
    }

    @Test func test_invalid_indicators_become_blanks() throws {
        let r = try Self.kept("lenient.mrc")
        for id in ["len-ind-dash", "len-ind-nbsp"] {
            let f = try #require(r[id]?.field("650"))
            #expect((f.indicator1, f.indicator2) == (" ", "0"), "\(id)")
            #expect(f.subfields == [MARCSubfield("a", "Subject")])
            #expect(Self.codes(r[id]) == ["invalid_indicator/replaced_with_blank/650"])
        }
        #expect(r["len-ind-dash"]?.warnings.first?.found == "-")
        #expect(r["len-ind-nbsp"]?.warnings.first?.found == "U+00A0")
        #expect(r["len-ind-nbsp"]?.warnings.first?.position == 1)
        let other = try #require(r["len-ind-other"])
        #expect(other.field("650").map { ($0.indicator1, $0.indicator2) } ?? ("x", "x") == (" ", " "))
        #expect(other.warnings.map(\.found) == ["A", "0x01"])
    }

    @Test func test_bad_subfield_codes_keep_their_text() throws {
        let r = try #require(try Self.kept("lenient.mrc")["len-sf-code"])
        #expect(r.field("752")?.subfields == [MARCSubfield("?", "Kazakhstan"), MARCSubfield("?", "Алматы")])
        #expect(r.warnings.map(\.found) == ["0x20", "0xD0"])
        #expect(BibliographicMapping.map(r).title == "Bad subfield codes")
    }

    @Test func test_text_without_a_delimiter_is_kept_as_subfield_a() throws {
        let r = try #require(try Self.kept("lenient.mrc")["len-no-delim"])
        #expect(r.field("245").map { ($0.indicator1, $0.indicator2) } ?? ("x", "x") == ("1", "0"))
        #expect(r.first("245", "a") == "Заглавие без разделителя")
        #expect(r.field("500")?.subfields == [MARCSubfield("a", "A note that lost its delimiter")])
        #expect(Self.codes(r) == ["missing_delimiter/kept_as_subfield_a/245", "missing_delimiter/kept_as_subfield_a/500"])
        #expect(BibliographicMapping.map(r).title == "Заглавие без разделителя")
    }

    @Test func test_empty_subfields_are_dropped_and_counted() throws {
        let r = try #require(try Self.kept("lenient.mrc")["len-empty-sub"])
        #expect(r.field("500")?.subfields == [MARCSubfield("a", "Note"), MARCSubfield("b", "More")])
        #expect(Self.codes(r) == ["empty_subfield/dropped/500"])
        #expect(r.warnings.first?.count == 2)
    }

    @Test func test_structure_faults_the_directory_explains() throws {
        let r = try Self.kept("lenient.mrc")
        #expect(Self.codes(r["len-base"]) == ["base_address/recomputed/"])
        #expect(r["len-base"]?.warnings.first?.found == "00099")
        #expect(r["len-base"]?.first("245", "a") == "Wrong base address")
        let leader = try #require(r["len-leader-ctl"])
        #expect(leader.leader.utf8.count == 24)
        #expect(Array(leader.leader.utf8)[6] == 0x20 && Array(leader.leader.utf8)[17] == 0x20)
        #expect(leader.warnings.map(\.position) == [6, 17])
        #expect(leader.warnings.map(\.found) == ["0x00", "0x09"])
        let chars = try #require(r["len-chars"])
        #expect(Self.codes(chars) == ["record_length/read_to_terminator/", "field_position/read_in_order/245", "field_position/read_in_order/520"])
        #expect(chars.first("245", "a") == "Длина в символах")
        #expect(chars.first("520", "a") == "Аннотация на русском языке")
        #expect(Self.codes(r["len-length"]) == ["record_length/read_to_terminator/"])
        #expect(r["len-length"]?.first("520", "a") == "Ещё одна аннотация")
        #expect(r["len-field-term"]?.first("245", "a") == "Short field length")
        #expect(Self.codes(r["len-field-term"]) == ["field_position/read_in_order/245"])
        #expect(r["len-tag"]?.field("9x!")?.subfields == [MARCSubfield("a", "local")])
        #expect(Self.codes(r["len-tag"]) == ["invalid_tag/kept/9x!"])
    }

    @Test func test_a_stray_byte_in_a_fixed_field_shifts_nothing() throws {
        let r = try Self.kept("lenient.mrc")
        let marc8 = try #require(r["len-008-stray"])
        #expect(marc8.control("008") == "950615s1994    pl   |        000 1 pol d")
        #expect(marc8.warnings.map { "\($0.tag ?? "")@\($0.position ?? -1)=\($0.found ?? "")" } == ["008@20=0xE1"])
        #expect(BibliographicMapping.map(marc8).languages == ["pol"])
        #expect(BibliographicMapping.map(marc8).title == "Źolta lodz")
        let unimarc = try #require(r["len-100-cyr"])
        #expect(unimarc.first("100", "a") == "20150612|2015    k  y0rusy50      ca")
        #expect(unimarc.warnings.map { "\($0.tag ?? "")$\($0.subfield ?? "")@\($0.position ?? -1)=\($0.found ?? "")" } == ["100$a@8=U+0434"])
        #expect(BibliographicMapping.map(unimarc).year == 2015)
    }

    @Test func test_records_that_cannot_be_read_are_skipped_with_a_reason_and_the_rest_read() throws {
        let summary = try Self.read("unreadable.mrc").map { result -> String in
            switch result {
            case .record(let n, let r, _): "\(n):\(r.control("001") ?? "")"
            case .failure(let n, let e): "\(n):\(e.code)"
            }
        }
        #expect(summary == ["1:ok-before", "2:invalid_base_address", "3:broken_directory", "4:no_fields", "5:ok-after", "6:truncated"])
    }

    @Test func test_marcxml_faults_are_repaired_like_iso2709_ones() throws {
        var records: [MARCRecord] = []
        let reader = try #require(MARCXMLReader(path: Fixture.lenient("lenient.xml")))
        reader.read { if case .record(_, let r, _) = $0 { records.append(r) } }
        #expect(reader.fatalError == nil)
        #expect(records.count == 2)
        let odd = records[0]
        #expect(odd.leader == "00000nam a2200000 i 450 ")
        let title = try #require(odd.field("245"))
        #expect((title.indicator1, title.indicator2) == (" ", " "))
        // Е + U+0308 arrives composed: «Ё», one scalar.
        #expect(title.first("a") == "Ёлка и ёж")
        #expect(Array(title.first("a")!.unicodeScalars).first == "Ё")
        #expect(odd.field("24?")?.subfields == [MARCSubfield("?", "short tag, no code")])
        #expect(odd.field("500")?.subfields == [MARCSubfield("a", "A note without subfields")])
        #expect(
            Self.codes(odd) == [
                "invalid_indicator/replaced_with_blank/245", "invalid_indicator/replaced_with_blank/245", "invalid_tag/replaced_with_fill/24?",
                "invalid_subfield_code/kept_under_unknown_code/24?", "missing_delimiter/kept_as_subfield_a/500", "leader_length/resized/",
            ])
        #expect(odd.warnings.allSatisfy { $0.recordNumber == 1 && $0.controlNumber == "xml-odd" })
        #expect(records[1].field("245")?.subfields == [MARCSubfield("?", "Two-letter code")])
        #expect(records[1].warnings.last?.position == 8)
    }
}
