import Foundation
import Testing

@testable import MARCKit

@Suite struct ReaderTests {
    @Test func test_marc8_latin_diacritics_and_cyrillic_become_unicode() throws {
        let r = try #require(try Fixture.records("marc21-marc8.mrc").first)
        #expect(r.first("245", "a") == "Żółta łódź i café na rogu :")
        #expect(r.first("245", "c") == "Józef Łoziński ; przełożyła Hélène Müller.")
        #expect(r.first("100", "a") == "Łoziński, Józef")
        #expect(r.first("246", "a") == "Желтая лодка")
        // Composed (NFC) forms, as typed on a keyboard.
        #expect(r.first("245", "a")?.unicodeScalars.count == "Żółta łódź i café na rogu :".precomposedStringWithCanonicalMapping.unicodeScalars.count)
    }

    @Test func test_windows_1251_is_detected_and_converted() throws {
        let r = try #require(try Fixture.records("marc21-cp1251.mrc").first)
        #expect(r.first("245", "a") == "Путь Абая :")
        #expect(r.first("100", "a") == "Ауэзов, Мухтар")
        #expect(r.fields("852").count == 2)
        let bytes = try Fixture.bytes("marc21-cp1251.mrc")
        let detected = bytes.withUnsafeBufferPointer { ISO2709Parser.detectEncoding($0, leader9: $0[9], base: 24) }
        #expect(detected == .windows1251)
    }

    @Test func test_rusmarc_in_utf8() throws {
        let r = try #require(try Fixture.records("rusmarc-utf8.mrc").first)
        #expect(r.first("200", "a") == "Қара сөздер")
        #expect(r.first("899", "p") == "INV-RU-1")
    }

    /// pymarc 5.4 reads only the first of these records (its reader stops at the wrong length);
    /// MARCKit repairs three and skips only the record the file cuts short.
    @Test func test_bad_records_are_repaired_or_reported_and_the_rest_read() throws {
        let results = try Fixture.read("bad-records.mrc")
        let summary = results.map { result -> String in
            switch result {
            case .record(let n, let r, _): "\(n):ok:\(r.control("001") ?? ""):\(r.warnings.map(\.kind.rawValue).joined(separator: ","))"
            case .failure(let n, let e): "\(n):\(e)"
            }
        }
        #expect(results.count == 6, "\(summary)")
        #expect(summary[0] == "1:ok:kn-bad-1:")
        #expect(summary[1] == "2:ok:kn-bad-2:record_length")
        #expect(summary[2] == "3:ok:kn-bad-3:directory_entry")
        #expect(summary[3] == "4:ok:kn-bad-4:invalid_indicator")
        #expect(summary[4] == "5:ok:kn-bad-5:")
        #expect(summary[5].hasPrefix("6:truncated record"))
        let titles = results.compactMap { if case .record(_, let r, _) = $0 { r.first("245", "a") } else { nil } }
        #expect(titles == ["Первая хорошая запись", "x", "Сломанный каталог", "Неверный индикатор", "Вторая хорошая запись"])
    }

    @Test func test_marcxml_collection_streams_records_and_repairs_bad_ones() throws {
        let reader = try #require(MARCXMLReader(path: Fixture.path("collection.xml")))
        var records: [MARCRecord] = []
        var failures: [String] = []
        reader.read { result in
            switch result {
            case .record(_, let r, _): records.append(r)
            case .failure(let n, let e): failures.append("\(n): \(e)")
            }
        }
        #expect(reader.fatalError == nil)
        #expect(records.map { $0.control("001") } == ["kn-xml-0001", "kn-xml-0002", "kn-xml-0003"])
        #expect(records[0].first("245", "a") == "Өлеңдер мен поэмалар /")
        #expect(failures.isEmpty)
        #expect(records[2].warnings.map(\.kind) == [.invalidIndicator])
        #expect(records[2].warnings.first?.recordNumber == 3)
    }

    @Test func test_malformed_xml_is_a_fatal_error_not_a_crash() {
        let reader = MARCXMLReader(data: Data("<collection><record><leader>x</leader>".utf8))
        var count = 0
        reader.read { _ in count += 1 }
        #expect(reader.fatalError != nil)
        #expect(count == 0)
    }
}

@Suite struct WriterTests {
    @Test(arguments: ["marc21-marc8.mrc", "marc21-cp1251.mrc", "rusmarc-utf8.mrc"])
    func test_iso2709_round_trip_gives_the_same_record(name: String) throws {
        let original = try #require(try Fixture.records(name).first)
        let bytes = ISO2709Writer.encode(original)
        let again = try #require(ISO2709Reader(bytes: bytes).compactMap { if case .record(_, let r, _) = $0 { r } else { nil } }.first)
        #expect(again.fields == original.fields)
        #expect(again.leader.utf8.dropFirst(12).elementsEqual(ISO2709Writer.encode(again).prefix(24).dropFirst(12)))
        // Written as UTF-8, marked in leader/09, and byte-identical when written again.
        #expect(Array(again.leader.utf8)[9] == 0x61)
        #expect(ISO2709Writer.encode(again) == bytes)
    }

    @Test func test_marcxml_round_trip_gives_the_same_records() throws {
        let originals = try Fixture.records("marc21-cp1251.mrc") + Fixture.records("marc21-marc8.mrc")
        let xml = MARCXML.header + originals.map(MARCXML.record).joined() + MARCXML.footer
        var back: [MARCRecord] = []
        MARCXMLReader(data: Data(xml.utf8)).read { if case .record(_, let r, _) = $0 { back.append(r) } }
        #expect(back == originals)
    }
}
