import Foundation
import Testing

@testable import MARCKit

/// Issue 14: text is stored in NFC whatever the input, and only values that may need it pay.
@Suite struct NFCTests {
    static func read(_ r: MARCRecord) -> (MARCRecord, [UInt8]?) {
        let reader = ISO2709Reader(bytes: ISO2709Writer.encode(r))
        reader.keepCanonical = true
        guard case .record(_, let back, let raw)? = reader.next() else { return (r, nil) }
        return (back, raw)
    }

    @Test func test_decomposed_utf8_is_read_composed_and_its_bytes_are_not_kept() {
        let r = Build.book([Build.data("500", "  ", [("a", "か\u{3099}、\u{1100}\u{1161}, a\u{323}\u{302}, Q\u{340}")])], title: "Е\u{308}лка")
        let (back, raw) = Self.read(r)
        #expect(Array(back.first("245", "a")!.unicodeScalars) == Array("Ёлка".unicodeScalars))
        #expect(Array(back.first("500", "a")!.unicodeScalars) == Array("が、가, ậ, Q\u{300}".unicodeScalars))
        #expect(raw == nil)
    }

    @Test func test_text_already_in_nfc_keeps_its_bytes() {
        // Arabic vowel marks and a lone combining mark after a space are NFC as they are.
        let r = Build.book([Build.data("500", "  ", [("a", "كَتَبَ \u{301}x")])], title: "Қара сөздер")
        let (back, raw) = Self.read(r)
        #expect(back.first("500", "a")!.utf8.elementsEqual("كَتَبَ \u{301}x".utf8))
        #expect(raw == ISO2709Writer.encode(back))
    }

    @Test func test_the_pair_road_agrees_with_the_standard_library() {
        var rng = FuzzTests.SplitMix(state: 14)
        let pieces = [
            "a", "E", "Е", "о", "и", " ", "ı", "\u{301}", "\u{308}", "\u{306}", "\u{323}", "\u{302}", "\u{3099}", "か", "\u{1100}", "\u{1161}",
            "\u{11A8}",
            "가", "\u{2126}", "\u{340}", "\u{64E}", "ك", "\u{0B47}", "\u{0B3E}", "1",
        ]
        for _ in 0..<20_000 {
            let s = (0..<Int.random(in: 1...6, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            let ours = UnicodeNFC.normalize(s).0
            #expect(Array(ours.utf8) == s._nfcCodeUnits, "\(s.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test func test_only_suspect_scalars_send_a_value_to_normalisation() {
        #expect(!UnicodeNFC.suspect(0x0439))  // й, precomposed
        #expect(!UnicodeNFC.suspect(0xAC00))  // 가, a syllable
        #expect(UnicodeNFC.suspect(0x0308) && UnicodeNFC.suspect(0x3099) && UnicodeNFC.suspect(0x1161) && UnicodeNFC.suspect(0x2126))
        #expect(!"Қара сөздер Ёлка".utf8.withContiguousStorageIfAvailable(UnicodeNFC.mightChange)!)
    }

    @Test func test_marcxml_and_windows_1251_text_is_nfc() {
        let xml = MARCXML.header + MARCXML.record(Build.book([], title: "Е\u{308}лка")) + MARCXML.footer
        var titles: [String] = []
        MARCXMLReader(data: Data(xml.utf8)).read { if case .record(_, let r, _) = $0 { titles.append(r.first("245", "a") ?? "") } }
        #expect(titles.map { Array($0.unicodeScalars) } == [Array("Ёлка".unicodeScalars)])
    }
}
