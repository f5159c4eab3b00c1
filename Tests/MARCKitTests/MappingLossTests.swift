import Testing

@testable import MARCKit

/// Issue 14 §2: nothing a cataloguer wrote is lost or changed on the way in.
@Suite struct MappingLossTests {
    typealias B = Build

    @Test func test_series_from_440_490_and_830_in_authority_order() {
        let old = BibliographicMapping.map(B.book([B.data("440", " 0", [("a", "Pirates of the Caribbean ;"), ("v", "v. 2")])]))
        #expect(old.series == "Pirates of the Caribbean")
        #expect(old.seriesNumber == "v. 2")
        let both = BibliographicMapping.map(
            B.book([
                B.data("490", "1 ", [("a", "Library of Kazakh classics ;"), ("v", "3")]),
                B.data("830", " 0", [("a", "Kazakh classics."), ("v", "3")]),
                B.data("490", "0 ", [("a", "Second series")]),
            ]))
        #expect(both.series == "Kazakh classics")
        #expect(both.seriesNumber == "3")
        #expect(
            both.allSeries == [
                Series(title: "Kazakh classics", number: "3"), Series(title: "Library of Kazakh classics", number: "3"),
                Series(title: "Second series"),
            ])
        let uni = BibliographicMapping.map(
            B.unimarc([
                B.data("200", "1 ", [("a", "Қара сөздер")]), B.data("225", "1 ", [("a", "Абай мұрасы"), ("v", "2")]),
                B.data("410", " 0", [("1", "2001 "), ("a", "Қазақ классикасы"), ("v", "7")]), B.data("410", " 0", [("t", "Мектеп кітапханасы")]),
            ]))
        #expect(
            uni.allSeries == [
                Series(title: "Абай мұрасы", number: "2"), Series(title: "Қазақ классикасы", number: "7"), Series(title: "Мектеп кітапханасы"),
            ])
        #expect(uni.series == "Абай мұрасы")
    }

    @Test func test_corporate_and_meeting_names_keep_all_their_parts() {
        let b = BibliographicMapping.map(
            B.book([
                B.data("110", "1 ", [("a", "United States."), ("b", "War Dept.")]),
                B.data("710", "1 ", [("a", "United States."), ("b", "Dept. of State,"), ("e", "issuing body.")]),
                B.data("710", "2 ", [("a", "Kazakhstan"), ("b", "Ministry of Culture")]),
                B.data("111", "2 ", [("a", "International Conference on Ada"), ("n", "(3rd :"), ("d", "1987 :"), ("c", "Paris, France)")]),
                B.data("711", "2 ", [("a", "Abai Readings"), ("e", "Youth Section"), ("j", "host.")]),
            ]))
        #expect(
            b.contributors == [
                Contributor(name: "United States. War Dept.", role: "author"),
                Contributor(name: "International Conference on Ada (3rd : 1987 : Paris, France)", role: "author"),
                Contributor(name: "United States. Dept. of State", role: "issuing body"),
                Contributor(name: "Kazakhstan. Ministry of Culture", role: "contributor"),
                Contributor(name: "Abai Readings Youth Section", role: "host"),
            ])
        let u = BibliographicMapping.map(
            B.unimarc([
                B.data("200", "1 ", [("a", "Отчёт")]), B.data("710", "02", [("a", "Казахстан"), ("b", "Министерство культуры")]),
                B.data("711", "12", [("a", "Конференция"), ("d", "3"), ("f", "2001"), ("e", "Москва")]),
                B.data("712", "02", [("a", "Национальная библиотека"), ("c", "Алматы"), ("4", "340")]),
                B.data("700", " 1", [("a", "Иоанн"), ("d", "XXIII"), ("c", "папа римский")]),
            ]))
        #expect(
            u.contributors == [
                Contributor(name: "Иоанн XXIII, папа римский", role: "author"), Contributor(name: "Казахстан. Министерство культуры", role: "author"),
                Contributor(name: "Конференция (3 ; 2001 ; Москва)", role: "contributor"),
                Contributor(name: "Национальная библиотека (Алматы)", role: "editor"),
            ])
    }

    @Test(arguments: [
        ("Wyd.", "Wyd."), ("Wyd. 2.", "Wyd. 2."), ("2-е изд.", "2-е изд."), ("United States. War Dept.", "United States. War Dept."),
        ("Oxford U.P.,", "Oxford U.P."), ("U.S. Govt. Print. Off.,", "U.S. Govt. Print. Off."),
        ("Изд. 3-е, перераб. и доп.", "Изд. 3-е, перераб. и доп."),
        ("Казахский нац. ун-т.", "Казахский нац. ун-т."), ("М. : Изд-во МГУ.", "М. : Изд-во МГУ"), ("Hrsg.", "Hrsg."), ("Smith, J.", "Smith, J."),
        ("King, Martin Luther, Jr.", "King, Martin Luther, Jr."), ("Letters, etc.", "Letters, etc."), ("stories.", "stories"), ("1994.", "1994"),
        ("A history of Kazakhstan.", "A history of Kazakhstan"), ("Алматы : Жазушы, 2015.", "Алматы : Жазушы, 2015"), ("The end.", "The end"),
        ("Sons.", "Sons"), ("Dept.", "Dept."), ("Толстой, Л. Н.", "Толстой, Л. Н."), ("Wait...", "Wait..."),
    ])
    func test_abbreviations_keep_their_full_stop(raw: String, clean: String) {
        #expect(BibliographicMapping.clean(raw) == clean)
        #expect(BibliographicMapping.cleanUnicode(raw) == clean)
        if ASCIIText.isPlain(raw) { #expect(BibliographicMapping.cleanASCII(raw) == clean) }
    }

    @Test func test_subject_headings_keep_their_subdivisions_in_order() {
        let b = BibliographicMapping.map(
            B.book([
                B.data(
                    "650", " 0",
                    [
                        ("a", "Kazakh literature"), ("v", "Translations into Russian."), ("x", "History and criticism."), ("y", "20th century."),
                        ("z", "Kazakhstan."),
                    ]),
                B.data("600", "10", [("a", "Abai,"), ("d", "1845-1904"), ("e", "subject."), ("x", "Criticism and interpretation.")]),
                B.data("610", "10", [("a", "United States."), ("b", "Army"), ("x", "History"), ("2", "lcsh")]),
                B.data("653", "  ", [("a", "steppe"), ("a", "nomads")]),
            ]))
        #expect(
            b.subjects == [
                "Kazakh literature — Translations into Russian — History and criticism — 20th century — Kazakhstan",
                "Abai, 1845-1904 — Criticism and interpretation", "United States. Army — History", "steppe", "nomads",
            ])
        let u = BibliographicMapping.map(
            B.unimarc([
                B.data("200", "1 ", [("a", "Тарих")]),
                B.data("606", "1 ", [("a", "Философия"), ("j", "Учебники"), ("x", "История"), ("y", "Казахстан"), ("z", "19 в."), ("2", "rubbk")]),
                B.data("601", "02", [("a", "Казахстан"), ("b", "Парламент"), ("x", "История")]), B.data("610", "0 ", [("a", "кочевники")]),
            ]))
        #expect(u.subjects == ["Философия — Учебники — История — Казахстан — 19 в.", "Казахстан. Парламент — История", "кочевники"])
    }

    @Test func test_title_is_taken_from_245k_240_740_246_in_that_order_with_a_warning() throws {
        func title(_ fields: [MARCField]) -> (String, [String]) {
            let b = BibliographicMapping.map(B.record([B.control("001", "t")] + fields))
            return (b.title, b.warnings.map { "\($0.kind.rawValue):\($0.tag ?? "")$\($0.subfield ?? "")" })
        }
        let k = title([B.data("245", "00", [("k", "Papers,"), ("f", "1850-1900.")]), B.data("240", "10", [("a", "Uniform")])])
        #expect(k.0 == "Papers")
        #expect(k.1 == ["title_fallback:245$k"])
        let uniform = title([
            B.data("246", "3 ", [("a", "Cover title")]), B.data("740", "02", [("a", "Added")]),
            B.data("240", "10", [("a", "Works."), ("n", "No. 2")]),
        ])
        #expect(uniform.0 == "Works No. 2")
        #expect(uniform.1 == ["title_fallback:240$a"])
        #expect(title([B.data("246", "3 ", [("a", "Cover title")]), B.data("740", "02", [("a", "Added.")])]).0 == "Added")
        let cover = BibliographicMapping.map(B.record([B.data("246", "1 ", [("a", "Cover title :"), ("b", "a novel")])]))
        #expect((cover.title, cover.subtitle) == ("Cover title", "a novel"))
        let uni = BibliographicMapping.map(
            B.unimarc([B.data("200", "1 ", [("e", "только подзаголовок")]), B.data("517", "1 ", [("a", "Вариант заглавия")])]))
        #expect(uni.title == "Вариант заглавия")
        #expect(uni.warnings.map(\.tag) == ["517"])
    }

    @Test func test_a_record_without_any_title_is_skipped_never_stored_as_a_dash() throws {
        let none = B.record([B.control("001", "no-title"), B.data("245", "00", [("c", "by nobody.")]), B.data("100", "1 ", [("a", "Somebody")])])
        #expect(BibliographicMapping.map(none).title == "")
        #expect(throws: MARCError.noTitle) { try BibliographicMapping.prepare(none, number: 7) }
        #expect(MARCError.noTitle.code == "no_title")
        let ok = try BibliographicMapping.prepare(B.record([B.control("001", "k"), B.data("245", "00", [("k", "Diaries")])]), number: 7)
        #expect(ok.warnings.map(\.recordNumber) == [7])
        #expect(ok.warnings.map(\.controlNumber) == ["k"])
    }

    @Test func test_880_fields_are_read_as_the_fields_they_transcribe() {
        let b = BibliographicMapping.map(
            B.book(
                [
                    B.data("100", "1 ", [("6", "880-01"), ("a", "Auėzov, Mukhtar.")]),
                    B.data("880", "1 ", [("6", "100-01/(N"), ("a", "Ауэзов, Мухтар.")]),
                    B.data("880", "10", [("6", "245-02/(N"), ("a", "Путь Абая :"), ("b", "роман.")]),
                    B.data("880", " 1", [("6", "264-03/(N"), ("a", "Москва :"), ("b", "Худож. лит.,"), ("c", "1958.")]),
                    B.data("880", " 0", [("6", "650-04/(N"), ("a", "Казахская литература"), ("x", "История.")]),
                    B.data("880", "0 ", [("6", "490-05/(N"), ("a", "Классики"), ("v", "т. 1")]),
                    B.data("880", "  ", [("a", "no link")]),
                ], title: "Put' Abai͡a"))
        let a = b.alternateScript
        #expect(a.title == "Путь Абая")
        #expect(a.subtitle == "роман")
        #expect(a.contributors == [Contributor(name: "Ауэзов, Мухтар", role: "author")])
        #expect((a.place, a.publisher) == ("Москва", "Худож. лит."))
        #expect(a.subjects == ["Казахская литература — История"])
        #expect(a.series == [Series(title: "Классики", number: "т. 1")])
        #expect(a.searchText.contains("Путь Абая") && a.searchText.contains("Ауэзов, Мухтар"))
        #expect(b.contributors == [Contributor(name: "Auėzov, Mukhtar", role: "author")])
        #expect(BibliographicMapping.map(B.book([])).alternateScript.isEmpty)
    }

    @Test func test_form_follows_leader_and_007_before_notes() {
        func form(_ leader: String, _ fields: [MARCField]) -> MaterialForm {
            BibliographicMapping.map(B.record(leader, [B.data("245", "00", [("a", "x")])] + fields)).form
        }
        let online = [
            B.control("007", "cr |||||||||||"), B.data("338", "  ", [("b", "cr")]), B.data("538", "  ", [("a", "Mode of access: World Wide Web.")]),
        ]
        #expect(form("00000nkm a2200000 i 4500", online) == .image)
        #expect(form("00000nem a2200000 i 4500", online) == .map)
        #expect(form("00000ngm a2200000 i 4500", online) == .video)
        #expect(form("00000njm a2200000 i 4500", online) == .music)
        #expect(form("00000ncm a2200000 i 4500", []) == .score)
        #expect(form("00000nam a2200000 i 4500", online) == .ebook)
        #expect(form("00000nam a2200000 i 4500", [B.control("007", "aj canzn")]) == .map)
        let computer = { (type: String) in
            B.control("008", "000000s2000    xx" + String(repeating: " ", count: 9) + type + String(repeating: " ", count: 8) + "eng d")
        }
        #expect(form("00000nmm a2200000 i 4500", [computer("d")]) == .ebook)
        #expect(form("00000nmm a2200000 i 4500", [computer("b")]) == .other)
        #expect(form("00000nim a2200000 i 4500", []) == .audiobook)
        let uni: (String) -> MaterialForm = { BibliographicMapping.map(B.record($0, [B.data("200", "1 ", [("a", "x")])]), flavor: .unimarc).form }
        #expect(uni("00000njm0 2200000   450 ") == .music)
        #expect(uni("00000nem0 2200000   450 ") == .map)
        #expect(uni("00000nim0 2200000   450 ") == .audiobook)
    }
}
