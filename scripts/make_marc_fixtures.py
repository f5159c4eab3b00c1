"""Writes the small MARC fixtures in Tests/Fixtures/marc.

Each record is declared here as fields; the script encodes it as ISO 2709 in the wanted character
encoding, so the fixtures are reproducible and every byte is accounted for.
    python3 scripts/make_marc_fixtures.py
"""
import os

OUT = os.path.join(os.path.dirname(__file__), "..", "Tests", "Fixtures", "marc")
FT, RT, SD = b"\x1e", b"\x1d", b"\x1f"

# MARC-8: ANSEL diacritics come before their letter; Cyrillic is ISO 5427 after ESC ( N.
ANSEL_MARKS = {"\u0301": b"\xe2", "\u0300": b"\xe1", "\u0302": b"\xe3", "\u0308": b"\xe8", "\u030c": b"\xe9",
               "\u0327": b"\xf0", "\u0303": b"\xe4", "\u0328": b"\xf1", "\u0304": b"\xe5", "\u0307": b"\xe7", "\u030a": b"\xea"}
ANSEL_SPACING = {"ł": b"\xb1", "Ł": b"\xa1", "ø": b"\xb2", "æ": b"\xb5", "©": b"\xc3", "ß": b"\xc7"}
CYR = "юабцдефгхийклмнопярстужвьызшэщчъЮАБЦДЕФГХИЙКЛМНОПЯРСТУЖВЬЫЗШЭЩЧ"


def marc8(text):
    import unicodedata
    out = b""
    cyrillic = False
    for ch in unicodedata.normalize("NFD", text):
        if ch in CYR:
            if not cyrillic:
                out += b"\x1b(N"
                cyrillic = True
            out += bytes([0x40 + CYR.index(ch)])
            continue
        if cyrillic and ch.isalpha():
            out += b"\x1b(B"
            cyrillic = False
        if ch in ANSEL_MARKS:
            # move the mark in front of the letter just written
            out = out[:-1] + ANSEL_MARKS[ch] + out[-1:]
        elif ch in ANSEL_SPACING:
            out += ANSEL_SPACING[ch]
        else:
            out += ch.encode("ascii")
    if cyrillic:
        out += b"\x1b(B"
    return out


def encode(text, encoding):
    if encoding == "marc8":
        return marc8(text)
    return text.encode(encoding)


def record(leader, fields, encoding="utf-8"):
    directory, data = b"", b""
    for tag, *rest in fields:
        if tag < "010":
            body = encode(rest[0], encoding) + FT
        else:
            ind, subs = rest
            body = ind.encode() + b"".join(SD + code.encode() + encode(value, encoding) for code, value in subs) + FT
        directory += tag.encode() + b"%04d%05d" % (len(body), len(data))
        data += body
    directory += FT
    base = 24 + len(directory)
    total = base + len(data) + 1
    lead = (b"%05d" % total) + leader[5:12].encode() + (b"%05d" % base) + leader[17:].encode()
    assert len(lead) == 24, lead
    return lead + directory + data + RT


def write(name, blob):
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(blob)
    print(name, len(blob))


# MARC 21, MARC-8 with Latin diacritics and a Cyrillic parallel title.
marc8_record = record("00000cam  2200000 a 4500", [
    ("001", "kn-m8-0001"), ("003", "KNIGO"),
    ("008", "950615s1994    pl            000 1 pol d"),
    ("020", "  ", [("a", "8307012345")]),
    ("041", "1 ", [("a", "pol"), ("h", "fre")]),
    ("100", "1 ", [("a", "Łoziński, Józef"), ("e", "author.")]),
    ("245", "10", [("a", "Żółta łódź i café na rogu :"), ("b", "opowiadania ="), ("c", "Józef Łoziński ; przełożyła Hélène Müller.")]),
    ("246", "31", [("a", "Желтая лодка")]),
    ("250", "  ", [("a", "Wyd. 2.")]),
    ("260", "  ", [("a", "Kraków :"), ("b", "Wydawnictwo Literackie,"), ("c", "1994.")]),
    ("300", "  ", [("a", "213 p. ;"), ("c", "21 cm.")]),
    ("650", " 0", [("a", "Short stories, Polish.")]),
    ("852", "  ", [("a", "KNIGO"), ("b", "SEM-C"), ("h", "84(4Пол)"), ("p", "INV-M8-1")]),
], "marc8")
write("marc21-marc8.mrc", marc8_record)

# MARC 21 in Windows-1251 (as many Russian libraries export), leader/09 blank.
cp1251_record = record("00000nam  2200000 i 4500", [
    ("001", "kn-1251-0001"), ("003", "KNIGO"),
    ("008", "120305s2012    ru a   d      000 1 rus d"),
    ("020", "  ", [("a", "9785170812345")]),
    ("041", "0 ", [("a", "rus")]),
    ("100", "1 ", [("a", "Ауэзов, Мухтар"), ("e", "автор")]),
    ("245", "10", [("a", "Путь Абая :"), ("b", "роман-эпопея в двух книгах."), ("n", "Книга 1")]),
    ("250", "  ", [("a", "Крупный шрифт")]),
    ("264", " 1", [("a", "Москва :"), ("b", "Художественная литература,"), ("c", "2012")]),
    ("300", "  ", [("a", "612 с. ;"), ("c", "24 см")]),
    ("336", "  ", [("a", "текст"), ("b", "txt"), ("2", "rdacontent")]),
    ("490", "1 ", [("a", "Путь Абая"), ("v", "кн. 1")]),
    ("520", "  ", [("a", "Роман о жизни великого казахского поэта Абая Кунанбаева.")]),
    ("650", " 7", [("a", "Казахская литература"), ("2", "rubbk")]),
    ("655", " 7", [("a", "Исторический роман"), ("2", "rubbk")]),
    ("800", "1 ", [("a", "Ауэзов, Мухтар."), ("t", "Путь Абая"), ("v", "кн. 1")]),
    ("852", "  ", [("a", "KNIGO"), ("b", "SEM-C"), ("h", "84(5Каз)"), ("p", "INV-1251-1")]),
    ("852", "  ", [("a", "KNIGO"), ("b", "UKG"), ("h", "84(5Каз)"), ("p", "INV-1251-2")]),
], "cp1251")
write("marc21-cp1251.mrc", cp1251_record)

# RUSMARC (UNIMARC) in UTF-8, with 899 holdings.
rusmarc_record = record("00000nam0 2200000   450 ", [
    ("001", "RU\\NLR\\bibl\\1234567"),
    ("010", "  ", [("a", "978-601-7123-45-6")]),
    ("100", "  ", [("a", "20150612d2015    k  y0rusy50      ca")]),
    ("101", "0 ", [("a", "kaz")]),
    ("200", "1 ", [("a", "Қара сөздер"), ("e", "философиялық трактат"), ("f", "Абай Құнанбайұлы")]),
    ("205", "  ", [("a", "Ірі қаріппен")]),
    ("210", "  ", [("a", "Алматы"), ("c", "Жазушы"), ("d", "2015")]),
    ("215", "  ", [("a", "176 б.")]),
    ("225", "1 ", [("a", "Абай мұрасы"), ("v", "2")]),
    ("330", "  ", [("a", "Абайдың қара сөздері — ойшылдың өмір, адамгершілік туралы толғаныстары.")]),
    ("606", "  ", [("a", "Қазақ философиясы")]),
    ("700", " 1", [("a", "Абай Құнанбайұлы"), ("f", "1845-1904")]),
    ("899", "  ", [("a", "SEM-2"), ("j", "87.3(5Каз)"), ("p", "INV-RU-1"), ("x", "Крупный шрифт")]),
], "utf-8")
write("rusmarc-utf8.mrc", rusmarc_record)

# A file of good and broken records, in this order: good, wrong length, broken directory,
# invalid indicator, good, truncated.
good1 = record("00000nam a2200000 i 4500", [("001", "kn-bad-1"), ("245", "00", [("a", "Первая хорошая запись")])])
good2 = record("00000nam a2200000 i 4500", [("001", "kn-bad-5"), ("245", "00", [("a", "Вторая хорошая запись")])])
wrong_length = b"00999" + record("00000nam a2200000 i 4500", [("001", "kn-bad-2"), ("245", "00", [("a", "x")])])[5:]
r3 = bytearray(record("00000nam a2200000 i 4500", [("001", "kn-bad-3"), ("245", "00", [("a", "Сломанный каталог")])]))
r3[24 + 12 + 3:24 + 12 + 7] = b"9x99"  # the 245 entry's length is not a number
bad_ind = bytearray(record("00000nam a2200000 i 4500", [("001", "kn-bad-4"), ("245", "00", [("a", "Неверный индикатор")])]))
pos = bad_ind.index(b"00\x1fa")
bad_ind[pos] = 0x01  # a control character as the first indicator
truncated = record("00000nam a2200000 i 4500", [("001", "kn-bad-6"), ("245", "00", [("a", "Оборванная запись")])])[:-20]
write("bad-records.mrc", good1 + wrong_length + bytes(r3) + bytes(bad_ind) + good2 + truncated)
