"""Writes the lenient-reading corpus in Tests/Fixtures/marc-lenient (issue 14).

Each record carries one fault that real exports have, written here byte by byte so that the
fixtures are reproducible: MARCKit must keep every record of lenient.mrc and lenient.xml with the
warning named in its 001, and skip every record of unreadable.mrc with a reason.
    python3 scripts/make_lenient_fixtures.py
Benchmarks/marc_lenient_compare.py reads the same files with pymarc 5.4.
"""
import os

OUT = os.path.join(os.path.dirname(__file__), "..", "Tests", "Fixtures", "marc-lenient")
FT, RT, SD = b"\x1e", b"\x1d", b"\x1f"
LEADER = "00000nam a2200000 i 4500"


def field(tag, ind, subs, enc="utf-8"):
    """A data field's body: indicators (str or bytes) and (code, value) subfields."""
    ind = ind if isinstance(ind, bytes) else ind.encode(enc)
    return tag, ind + b"".join(SD + c.encode() + v.encode(enc) for c, v in subs) + FT


def control(tag, value, enc="utf-8"):
    return tag, (value if isinstance(value, bytes) else value.encode(enc)) + FT


def record(fields, leader=LEADER, chars=False, length=None, base=None):
    """ISO 2709. `chars` counts lengths and starts in characters (UTF-8 decoded), as some
    exporters do; `length` and `base` override the leader's numbers."""
    count = (lambda b: len(b.decode("utf-8"))) if chars else len
    directory, data = b"", b""
    for tag, body in fields:
        directory += tag.encode() + b"%04d%05d" % (count(body), count(data))
        data += body
    directory += FT
    real_base = 24 + len(directory)
    total = real_base + count(data) + 1
    lead = leader.encode() if isinstance(leader, str) else leader
    lead = (b"%05d" % (length or total)) + lead[5:12] + (b"%05d" % (base or real_base)) + lead[17:]
    assert len(lead) == 24, lead
    return lead + directory + data + RT


def basic(number, title="Lenient record", extra=(), enc="utf-8", fixed="950615s2015    ru            000 1 rus d"):
    return [control("001", number), control("008", fixed, enc), field("245", "00", [("a", title)], enc), *extra]


def lenient():
    recs = []
    recs.append(record(basic("len-ind-dash", "Dash indicator", [field("650", b"-0", [("a", "Subject")])])))
    recs.append(record(basic("len-ind-nbsp", "NBSP indicator", [field("650", "\u00a00", [("a", "Subject")])])))
    recs.append(record(basic("len-ind-other", "Capital indicator", [field("650", b"A\x01", [("a", "Subject")])])))
    # The field that cost 11 of 12 records: 752 with a blank as a subfield code, and one with none.
    recs.append(record(basic("len-sf-code", "Bad subfield codes", [
        ("752", b"  " + SD + b" Kazakhstan" + SD + "Алматы".encode() + FT)])))
    recs.append(record([control("001", "len-no-delim"), ("245", "10Заглавие без разделителя".encode() + FT),
                        ("500", b"  A note that lost its delimiter" + FT)]))
    recs.append(record(basic("len-empty-sub", "Empty subfield", [("500", b"  " + SD + b"aNote" + SD + SD + b"bMore" + SD + FT)])))
    recs.append(record(basic("len-base", "Wrong base address"), base=99))
    recs.append(record(basic("len-leader-ctl", "Leader control"), leader="00000n\x00m a2200000\x09i 4500"))
    recs.append(record(basic("len-chars", "Длина в символах", [field("520", "  ", [("a", "Аннотация на русском языке")])]),
                       chars=True))
    body = basic("len-length", "Длина только в лидере", [field("520", "  ", [("a", "Ещё одна аннотация")])])
    recs.append(record(body, length=len(record(body).decode("utf-8"))))
    # A 245 whose directory length misses its terminator by one byte.
    r = bytearray(record(basic("len-field-term", "Short field length")))
    entry = r.index(b"245", 24)
    r[entry + 3:entry + 7] = b"%04d" % (int(r[entry + 3:entry + 7]) - 1)
    recs.append(bytes(r))
    recs.append(record(basic("len-tag", "Odd tag", [field("9x!", "  ", [("a", "local")])])))
    # MARC-8 (leader/09 blank) with a stray ANSEL byte in 008/20: the language at 35-37 stays.
    stray = b"950615s1994    pl   \xe1        000 1 pol d"
    recs.append(record([control("001", "len-008-stray"), ("003", b"KNIGO" + FT), ("008", stray + FT),
                        ("245", b"10" + SD + b"a\xe2Zolta lodz" + FT)], leader="00000nam  2200000 a 4500"))
    # RUSMARC in UTF-8 with a Cyrillic «д» typed for «d» at 100$a/8: the year at 9-12 stays.
    recs.append(record([control("001", "len-100-cyr"),
                        field("100", "  ", [("a", "20150612д2015    k  y0rusy50      ca")]),
                        field("200", "1 ", [("a", "Қара сөздер")])], leader="00000nam0 2200000   450 "))
    return b"".join(recs)


def unreadable():
    recs = []
    recs.append(record(basic("ok-before", "Readable before")))
    recs.append(b"JUNK!" + b"x" * 40 + RT)  # no leader, no directory
    r = bytearray(record(basic("bad-dir", "Directory of 13 bytes")))
    base = int(r[12:17])
    r[base - 1:base - 1] = b"0"  # the directory is no longer whole entries, nor is the base
    r[0:5] = b"%05d" % len(r)
    recs.append(bytes(r))
    recs.append(record([], leader=LEADER))  # no fields at all
    recs.append(record(basic("ok-after", "Readable after")))
    recs.append(record(basic("cut", "Cut at the end of the file"))[:-30])
    return b"".join(recs)


XML = """<?xml version="1.0" encoding="UTF-8"?>
<collection xmlns="http://www.loc.gov/MARC21/slim">
  <record>
    <leader>00000nam a2200000 i 450</leader>
    <controlfield tag="001">xml-odd</controlfield>
    <datafield tag="245" ind1="-" ind2="\u00a0"><subfield code="a">Е\u0308лка и ёж</subfield></datafield>
    <datafield tag="24" ind1=" " ind2=" "><subfield code="">short tag, no code</subfield></datafield>
    <datafield tag="500" ind1=" " ind2=" ">A note without subfields</datafield>
  </record>
  <record>
    <leader>00000nam\ta2200000 i 4500</leader>
    <controlfield tag="001">xml-tab</controlfield>
    <datafield tag="245" ind1="1" ind2="0"><subfield code="ab">Two-letter code</subfield></datafield>
  </record>
</collection>
"""


def write(name, blob):
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(blob)
    print(name, len(blob))


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    write("lenient.mrc", lenient())
    write("unreadable.mrc", unreadable())
    write("lenient.xml", XML.encode("utf-8"))
