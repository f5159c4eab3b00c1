"""No personal data reaches the server's log (issue 16, §7; law 94-V). This file is named to run
last: by then every journey of the session has registered, imported, visited, exported and
erased readers on the one server, which logs at debug level, the most it ever writes. Every
reader's name, phone, address, caregiver and disability code in the database is then looked for
in the log, as is what the journeys typed."""
import re

from journeys import q


def test_the_server_log_holds_no_reader_s_personal_data(server):
    with open(server.log, encoding="utf-8", errors="replace") as f:
        log = f.read()
    assert "GET /login" in log or "GET /" in log, "the log is not the server's request log"
    needles = {}
    for family, given, street, caregiver, group in q(
        server, "SELECT family_name, given_name, street, caregiver_name, disability_group FROM readers WHERE removed_as IS NULL"
    ):
        for value in (family, given, street, caregiver):
            # Short values ("12", "Ли") occur in any text; names and streets of four letters and up are the test.
            if value and len(value) >= 4:
                needles[value] = "name or address"
        if group and group != "none":
            needles[f'"{group}"'] = "disability code"
            needles[f"={group}"] = "disability code"
    for (number,) in q(server, "SELECT number FROM reader_phones"):
        digits = re.sub(r"\D", "", number)
        if len(digits) >= 10:
            needles[digits[-10:]] = "phone"
    found = sorted({f"{kind}: {value}" for value, kind in needles.items() if value in log})
    assert len(needles) > 50, f"too few values to look for ({len(needles)}): is the database empty?"
    assert not found, f"personal data in the server log ({len(log)} characters): {found[:20]}"
