"""No personal data reaches the server's log (issue 16, §7; law 94-V). This file is named to run
last: by then every journey of the session has registered, imported, visited, exported and
erased readers on the one server, which logs at debug level, the most it ever writes.

Looked for in the log:
- of every reader still in the database: family name, given name, patronymic, street, caregiver
  and the representative who signed a consent (four letters and up: shorter ones occur in any
  text); building and flat as a form or JSON field would carry them; every phone of the reader
  and of the caregiver, by its last ten digits, against every number in the log with its spaces,
  brackets and dashes taken out (+7 701 123 45 67 and 8 (7222) 52-33-44 are found); the
  disability code as a field's value, and bare where it cannot be another word (group1–group3);
- of the reader the privacy journey imports and then erases, whose row is empty by now: the
  values that journey types (`ERASED`, checked against its source so the two stay in step)."""
import os
import re

from journeys import HERE, q

# What test_journey_privacy.py types for the reader it imports and erases in the same test: the
# erasure empties the row, so the database can no longer say what to look for.
ERASED = {
    "Нуртаева": "name of an erased reader",  # the journey adds a random suffix
    "Сауле": "name of an erased reader",
    "87057654321": "phone of an erased reader",
    "ул. Абая, д. 3, кв. 7": "address of an erased reader",
    "12.04.1941": "birth date of an erased reader",
}

# A number as people write it: digits with spaces, brackets, dots or dashes between, on one line,
# not part of a longer word (a request id's hex groups are words).
NUMBER = re.compile(r"(?<![\w])\+?\d[\d \t().-]{8,}\d(?![\w])")
# Disability codes that are no ordinary word: found bare. "child" and "none" only as a field's value.
BARE_CODES = {"group1", "group2", "group3"}


def _digits(number):
    return re.sub(r"\D", "", number or "")


def test_the_server_log_holds_no_reader_s_personal_data(server):
    with open(server.log, encoding="utf-8", errors="replace") as f:
        log = f.read()
    assert "GET /login" in log or "GET /" in log, "the log is not the server's request log"
    with open(os.path.join(HERE, "test_journey_privacy.py"), encoding="utf-8") as f:
        journey = f.read()
    stale = [value for value in ERASED if value not in journey]
    assert not stale, f"test_journey_privacy.py no longer types {stale}: update ERASED"

    needles = dict(ERASED)
    phones = {}
    rows = q(
        server,
        "SELECT family_name, given_name, patronymic, street, caregiver_name, consent_representative, building, apartment, "
        "caregiver_phone, disability_group FROM readers WHERE removed_as IS NULL",
    )
    for family, given, patronymic, street, caregiver, representative, building, apartment, caregiver_phone, group in rows:
        for value in (family, given, patronymic, street, caregiver, representative):
            if value and len(value) >= 4:
                needles[value] = "name or address"
        for field, value in (("building", building), ("apartment", apartment)):
            if value:
                needles[f'"{field}":"{value}"'] = "building or flat"
                needles[f"{field}={value}"] = "building or flat"
        if _digits(caregiver_phone):
            phones[_digits(caregiver_phone)[-10:]] = "caregiver's phone"
        if group and group != "none":
            needles[f'"{group}"'] = "disability code"
            needles[f"={group}"] = "disability code"
    for (representative,) in q(server, "SELECT representative FROM reader_consents WHERE representative IS NOT NULL"):
        if len(representative) >= 4:
            needles[representative] = "caregiver who signed a consent"
    for (number,) in q(server, "SELECT number FROM reader_phones"):
        if len(_digits(number)) >= 10:
            phones[_digits(number)[-10:]] = "phone"
    phones.update({_digits(value)[-10:]: kind for value, kind in ERASED.items() if "phone" in kind})

    found = {f"{kind}: {value}" for value, kind in needles.items() if value in log}
    numbers = {_digits(m.group()) for m in NUMBER.finditer(log)}
    found |= {f"{kind}: {tail}" for tail, kind in phones.items() if any(tail in n for n in numbers)}
    found |= {f"disability code: {code}" for code in BARE_CODES if re.search(rf"(?<![\w.]){code}(?!\w)", log)}
    assert len(needles) + len(phones) > 80, f"too few values to look for ({len(needles)} + {len(phones)}): is the database empty?"
    assert any(len(p) == 10 for p in phones) and len(rows) >= 40, "no phones or readers to look for"
    assert not found, f"personal data in the server log ({len(log)} characters): {sorted(found)[:20]}"


def test_the_log_check_finds_formatted_phones_and_bare_codes():
    """The normalising above finds what it is for, and does not take a request id for a phone."""
    log = (
        "[ INFO ] GET /readers 200 2ms [request-id: 2A641289-3328-4AAA-BEA0-5EA7D3E75DA3]\n"
        "[ DEBUG ] called +7 701 123 45 67 and 8 (7222) 52-33-44, group2 noted\n"
    )
    numbers = {_digits(m.group()) for m in NUMBER.finditer(log)}
    assert any("7011234567" in n for n in numbers) and any("7222523344" in n for n in numbers), numbers
    assert not any("2A641289" in n or "41289332" in n for n in numbers), numbers
    assert re.search(r"(?<![\w.])group2(?!\w)", log) and not re.search(r"(?<![\w.])group2(?!\w)", "disability.group2")
