#!/usr/bin/env python3
"""Crash fault injection for Knigonosha (issue 13, section 4). Run through scripts/fault-test.

Two series, on SQLite and/or PostgreSQL:
  import  `kill -9` of `knigonosha catalog import` at seeded random moments; after each kill the
          database is checked (integrity, record <-> search row), then the file is imported again
          to the end and checked for duplicates against a clean import.
  server  `kill -9` of `knigonosha serve` while reservations, visit outcomes and reader edits are
          posted from several threads; after a restart every acknowledged (2xx) write must be in
          the database exactly as acknowledged, and the invariants the services promise (one
          transaction per outcome, per selection edit, per reader edit) must hold.
Standard library only; PostgreSQL is queried through `psql`.
"""

import argparse
import json
import os
import random
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

BATCH = 5000  # CatalogImporter.batchSize: records are committed in whole batches.


class CheckFailed(Exception):
    """A check that failed; the message names it."""


def fail(check, detail):
    raise CheckFailed(f"{check}: {detail}")


def log(msg):
    print(msg, flush=True)


# ---------------------------------------------------------------- databases


class SQLiteDB:
    kind = "sqlite"

    def __init__(self, work, name):
        self.path = os.path.join(work, name + ".sqlite")

    @property
    def url(self):
        return "sqlite://" + self.path

    def reset(self):
        for suffix in ("", "-wal", "-shm", ".lock"):
            if os.path.exists(self.path + suffix):
                os.remove(self.path + suffix)

    def query(self, sql):
        # A fresh connection each time: nothing is held open while the app runs.
        con = sqlite3.connect(self.path, timeout=60)
        try:
            return [tuple(norm(v) for v in row) for row in con.execute(sql).fetchall()]
        finally:
            con.close()

    def drop(self):
        self.reset()


class PostgresDB:
    kind = "postgres"

    def __init__(self, admin_url, app_url, name):
        self.admin_url = admin_url
        self.name = name
        app = urllib.parse.urlsplit(app_url)
        self.url = urllib.parse.urlunsplit((app.scheme, app.netloc, "/" + name, "", ""))
        self.owner = app.username or "kn"
        admin = urllib.parse.urlsplit(admin_url)
        self.check_url = urllib.parse.urlunsplit((admin.scheme, admin.netloc, "/" + name, "", ""))

    def admin(self, sql):
        psql(self.admin_url, sql)

    def reset(self):
        self.drop()
        self.admin(f'CREATE DATABASE "{self.name}" OWNER "{self.owner}"')

    def drop(self):
        self.admin(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')

    def query(self, sql):
        return psql(self.check_url, sql)


NULL = "<<fault-null>>"


def psql(url, sql):
    """Rows of `sql` as tuples of strings (None for NULL); unit/record separators keep text intact."""
    out = subprocess.run(
        ["psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-F", "\x1f", "-R", "\x1e", "-P", "null=" + NULL, url, "-c", sql],
        capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(f"psql failed: {out.stderr.strip()} ({sql[:80]})")
    text = out.stdout.rstrip("\n")
    if not text:
        return []
    return [tuple(None if v == NULL else norm(v) for v in rec.split("\x1f")) for rec in text.split("\x1e") if rec != ""]


def norm(v):
    """SQLite keeps UUIDs as upper-case text, PostgreSQL prints them lower-case; numbers as text."""
    if isinstance(v, str):
        if re.fullmatch(r"[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}", v):
            return v.lower()
        return v
    if isinstance(v, int):
        return str(v)
    return v


def scalar(db, sql):
    return int(db.query(sql)[0][0])


# ---------------------------------------------------------------- the MARC file


def subset(path, records, out):
    """The first `records` records of an ISO 2709 file, cut at the record terminator 0x1D."""
    n = 0
    with open(path, "rb") as f, open(out, "wb") as w:
        buf = b""
        while n < records:
            chunk = f.read(1 << 20)
            if not chunk:
                break
            buf += chunk
            while n < records:
                i = buf.find(b"\x1d")
                if i < 0:
                    break
                w.write(buf[: i + 1])
                buf = buf[i + 1:]
                n += 1
    return n


# ---------------------------------------------------------------- processes


def app_env(db, work):
    env = dict(os.environ)
    env.update(DATABASE_URL=db.url, LOG_LEVEL="warning", BCRYPT_COST="4",
               UPLOAD_DIR=os.path.join(work, "uploads"), ATTACHMENT_DIR=os.path.join(work, "attachments"))
    return env


def start(cmd, env, logpath):
    # Its own session, so that a kill -9 reaches exactly this process and nothing of ours.
    return subprocess.Popen(cmd, env=env, stdout=open(logpath, "ab"), stderr=subprocess.STDOUT, start_new_session=True)


def kill9(proc):
    """kill -9; True when the process was still running (a real crash, not a finished run)."""
    alive = proc.poll() is None
    if alive:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    return alive


def run_import(bin_, file, db, work, tag):
    t0 = time.monotonic()
    out = subprocess.run([bin_, "catalog", "import", file], env=app_env(db, work), capture_output=True, text=True)
    secs = time.monotonic() - t0
    if out.returncode != 0:
        fail("import completes", f"{tag}: exit {out.returncode}: {out.stderr.strip()[-400:]}")
    m = re.search(r"imported (\d+), updated (\d+), skipped (\d+)", out.stdout)
    if not m:
        fail("import completes", f"{tag}: no summary line in {out.stdout!r}")
    return secs, tuple(int(x) for x in m.groups())


# ---------------------------------------------------------------- import series


def catalog_checks(db, label):
    """After any crash: the file is sound and every record has its search row and vice versa."""
    res = {}
    integrity(db, label)
    if db.kind == "sqlite":
        if not db.query("SELECT name FROM sqlite_master WHERE name = 'bib_fts'"):
            return {"records": 0}  # killed before the migrations made the catalogue
        # FTS5's own check: its index agrees with the rows it keeps.
        con = sqlite3.connect(db.path, timeout=60)
        try:
            con.execute("INSERT INTO bib_fts (bib_fts) VALUES ('integrity-check')")
        except sqlite3.DatabaseError as e:
            fail("FTS5 integrity-check", f"{label}: {e}")
        finally:
            con.close()
        orphans = scalar(db, "SELECT count(*) FROM bib_records r WHERE NOT EXISTS (SELECT 1 FROM bib_fts f WHERE f.rowid = r.id)")
        strays = scalar(db, "SELECT count(*) FROM bib_fts f WHERE NOT EXISTS (SELECT 1 FROM bib_records r WHERE r.id = f.rowid)")
        fts = scalar(db, "SELECT count(*) FROM bib_fts")
    else:
        if not db.query("SELECT 1 FROM information_schema.columns WHERE table_name = 'bib_records' AND column_name = 'search_vector'"):
            return {"records": 0}
        # The search row is the record's own tsvector column: it is there, and the GIN index finds
        # exactly what a sequential scan finds.
        orphans = scalar(db, "SELECT count(*) FROM bib_records WHERE search_vector IS NULL")
        strays = 0
        seq = db.query("SET enable_bitmapscan = off; SET enable_indexscan = off; "
                       "SELECT count(*) FROM bib_records WHERE search_vector @@ to_tsquery('simple', 'history')")
        idx = db.query("SET enable_seqscan = off; SELECT count(*) FROM bib_records WHERE search_vector @@ to_tsquery('simple', 'history')")
        if seq != idx:
            fail("GIN index agrees with the rows", f"{label}: index {idx} vs scan {seq}")
        fts = None
    records = scalar(db, "SELECT count(*) FROM bib_records")
    if orphans:
        fail("every record has its search row", f"{label}: {orphans} records without one")
    if strays:
        fail("every search row has its record", f"{label}: {strays} search rows without one")
    if fts is not None and fts != records:
        fail("search rows = records", f"{label}: {fts} search rows, {records} records")
    keys = scalar(db, "SELECT count(DISTINCT match_key) FROM bib_records")
    if keys != records:
        fail("no duplicates", f"{label}: {records} records but {keys} match keys")
    res["records"] = records
    return res


def import_series(args, bin_, file, db, work, rng, kills):
    log(f"-- import series on {db.kind}: {kills} kills, file {file}")
    db.reset()
    secs, (imp, upd, skp) = run_import(bin_, file, db, work, "clean import")
    clean = catalog_checks(db, "clean import")["records"]
    log(f"   clean import: {secs:.1f} s, imported {imp}, updated {upd}, skipped {skp}; {clean} records")
    whole_batches = upd == 0 and skp == 0  # then every committed batch adds exactly BATCH records
    rows = []
    for i in range(1, kills + 1):
        # The moment is a fraction of a clean import's time. When the machine got faster since
        # that was measured and the import ends first, the run is repeated with the time it took.
        for _ in range(4):
            db.reset()
            fraction = rng.uniform(0.02, 0.98)
            moment = fraction * secs
            proc = start([bin_, "catalog", "import", file], app_env(db, work), os.path.join(work, f"import-{db.kind}.log"))
            t0 = time.monotonic()
            while time.monotonic() - t0 < moment and proc.poll() is None:
                time.sleep(0.02)
            crashed = kill9(proc)
            if crashed:
                break
            secs = time.monotonic() - t0
            log(f"   (import ended at {secs:.1f} s, before the kill at {moment:.1f} s: again with that as the clean time)")
        label = f"kill {i} at {moment:.2f} s"
        after = catalog_checks(db, label)["records"]
        if whole_batches and after % BATCH and after != clean:
            fail("whole batches only", f"{label}: {after} records is not a multiple of {BATCH}")
        rsecs, (imp2, upd2, _) = run_import(bin_, file, db, work, label + ", re-import")
        final = catalog_checks(db, label + ", after re-import")["records"]
        if final != clean:
            fail("re-import = clean import", f"{label}: {final} records after re-import, {clean} after a clean import")
        if upd2 < after:
            fail("re-import updates what was there", f"{label}: {after} records before, re-import updated {upd2}")
        rows.append((i, moment, crashed, after, rsecs, final))
        log(f"   kill {i:2}: at {moment:6.2f} s {'killed' if crashed else 'had finished'}, {after:7} records after the kill; "
            f"re-import {rsecs:5.1f} s (imported {imp2}, updated {upd2}) -> {final} records: ok")
    db.drop()
    return {"clean_secs": secs, "clean": clean, "rows": rows}


# ---------------------------------------------------------------- server series: HTTP


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


REFUSED = -1


class API:
    def __init__(self, port, token):
        self.base = f"http://127.0.0.1:{port}/api/v1"
        self.token = token

    def call(self, method, path, body=None, headers=None, timeout=30):
        """(status, parsed JSON or None); status None when the connection failed (no answer)."""
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.base + path, data=data, method=method)
        req.add_header("Authorization", "Bearer " + self.token)
        if data is not None:
            req.add_header("Content-Type", "application/json")
        for k, v in (headers or {}).items():
            req.add_header(k, v)
        try:
            with urllib.request.urlopen(req, timeout=timeout) as r:
                raw = r.read()
                return r.status, (json.loads(raw) if raw else None)
        except urllib.error.HTTPError as e:
            return e.code, None
        except urllib.error.URLError as e:
            # Refused: the server was already dead, so the request never reached it.
            if isinstance(e.reason, ConnectionRefusedError):
                return REFUSED, None
            return None, None
        except (OSError, json.JSONDecodeError):
            return None, None


def wait_ready(port, proc, secs=120):
    deadline = time.monotonic() + secs
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            fail("server starts", f"exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/login", timeout=2):
                return
        except (OSError, urllib.error.URLError):
            time.sleep(0.1)
    fail("server starts", f"not answering after {secs} s")


# ---------------------------------------------------------------- server series: the load


class Ledger:
    """What the clients sent and what the server acknowledged, shared by the worker threads."""

    def __init__(self):
        self.lock = threading.Lock()
        self.reservations = []   # (visit, bib, item, copy) acknowledged with 201
        self.outcomes = {}       # visit -> (status, key, minutes) acknowledged with 200
        self.doubtful = {}       # visit -> payload of an outcome sent without an answer
        self.edits = {}          # reader -> [n, ...] acknowledged, in order
        self.in_flight = {}      # reader -> n sent last (answered or not)
        self.counter = 0
        self.requests = 0
        self.acked = 0
        self.answers = {}        # HTTP status (None: no answer) -> count, refused connections left out

    def answered(self, status):
        with self.lock:
            if status != REFUSED:
                self.requests += 1
                self.answers[status] = self.answers.get(status, 0) + 1

    def next_n(self):
        with self.lock:
            self.counter += 1
            return self.counter


def worker(api, ledger, visits, readers, bibs_by_branch, rng, stop, seed_tag):
    """One client: reserves copies, records outcomes and edits readers until told to stop."""
    while not stop.is_set():
        roll = rng.random()
        if visits and roll < 0.4:
            reserve(api, ledger, rng.choice(visits), bibs_by_branch, rng)
        elif visits and roll < 0.65:
            visit = visits.pop(rng.randrange(len(visits)))
            record_outcome(api, ledger, visit, rng, seed_tag)
        elif readers:
            edit_reader(api, ledger, rng.choice(readers))
        else:
            time.sleep(0.05)


def reserve(api, ledger, visit, bibs_by_branch, rng):
    vid, branch = visit
    bib = rng.choice(bibs_by_branch[branch])
    status, body = api.call("POST", f"/visits/{vid}/items", {"bib_id": bib})
    ledger.answered(status)
    if status == 201 and body:
        item = next((it for it in body["items"] if it["bib_id"] == bib), None)
        if item is None:
            fail("reservation answer", f"201 for visit {vid} bib {bib} without the item")
        with ledger.lock:
            ledger.acked += 1
            ledger.reservations.append((vid, bib, item["id"].lower(), item["copy_id"].lower()))


def outcome_payload(rng, key):
    if rng.random() < 0.8:
        return {"outcome": "done", "minutes_spent": rng.randint(5, 120), "comment": key}
    return {"outcome": "no_answer", "comment": key}


def record_outcome(api, ledger, visit, rng, seed_tag):
    vid, _ = visit
    key = f"fault-{seed_tag}-{ledger.next_n()}"
    payload = outcome_payload(rng, key)
    with ledger.lock:
        ledger.doubtful[vid] = payload
    status, _ = api.call("POST", f"/visits/{vid}/outcome", payload, {"Idempotency-Key": key})
    ledger.answered(status)
    if status is not None:
        with ledger.lock:
            ledger.doubtful.pop(vid, None)
    if status == 200:
        with ledger.lock:
            ledger.acked += 1
            ledger.outcomes[vid] = (payload["outcome"], key, payload.get("minutes_spent"))


def reader_values(n):
    """One edit's values: four fields and the phone list, all carrying the same number, so that a
    half-applied edit shows as a mix."""
    tag = f"fault-{n}"
    return {"notes": tag, "access_notes": tag, "intercom": f"F{n}", "phones": [{"label": "mobile", "number": f"+7701{n % 10**7:07d}"}]}


def edit_reader(api, ledger, rid):
    status, record = api.call("GET", f"/readers/{rid}")
    if status != 200 or not record:
        return
    n = ledger.next_n()
    record.update(reader_values(n))
    with ledger.lock:
        previous = ledger.in_flight.get(rid)
        ledger.in_flight[rid] = n
    status, _ = api.call("PUT", f"/readers/{rid}", record)
    ledger.answered(status)
    if status == REFUSED:
        with ledger.lock:
            ledger.in_flight[rid] = previous
    if status == 200:
        with ledger.lock:
            ledger.acked += 1
            ledger.edits.setdefault(rid, []).append(n)


# ---------------------------------------------------------------- server series: the checks


def load_state(db):
    q = db.query
    return {
        "visits": {r[0]: r for r in q("SELECT id, status, comment, minutes_spent, completed_at, branch_id FROM visits")},
        "items": q("SELECT id, visit_id, bib_id, copy_id, state FROM visit_items"),
        "copies": {r[0]: r[1] for r in q("SELECT id, status FROM copies")},
        "loans": q("SELECT id, visit_id, copy_id, status FROM loans"),
        "keys": {r[0]: r for r in q("SELECT key, visit_id, recorded_status FROM outcome_keys")},
        "events": set((r[0], r[1]) for r in q("SELECT visit_id, to_value FROM visit_events WHERE kind = 'status'")),
        "readers": {r[0]: r for r in q("SELECT id, notes, access_notes, intercom FROM readers")},
        "phones": q("SELECT reader_id, number FROM reader_phones"),
        "changes": set((r[0], r[1]) for r in q("SELECT reader_id, new_value FROM reader_changes WHERE field = 'notes'")),
    }


OPEN = {"planned", "in_progress"}


def invariants(s, label):
    """What the services promise whatever was acknowledged: nothing is half-saved."""
    items_by_copy = {}
    for iid, vid, bib, copy, state in s["items"]:
        vstatus = s["visits"][vid][1]
        if vstatus not in OPEN and state in ("accepted", "suggested"):
            fail("closed visits hold no reservations", f"{label}: item {iid} is {state} on a {vstatus} visit {vid}")
        if state == "accepted" and vstatus in OPEN:
            if s["copies"].get(copy) != "reserved":
                fail("an accepted item's copy is reserved", f"{label}: item {iid} copy {copy} is {s['copies'].get(copy)}")
            items_by_copy.setdefault(copy, []).append(iid)
    for copy, status in s["copies"].items():
        if status == "reserved" and len(items_by_copy.get(copy, [])) != 1:
            fail("a reserved copy has exactly one reservation", f"{label}: copy {copy} has {items_by_copy.get(copy, [])}")
    open_loans = {}
    loans_by_visit_copy = set()
    for lid, vid, copy, status in s["loans"]:
        loans_by_visit_copy.add((vid, copy))
        if status == "on_loan":
            open_loans.setdefault(copy, []).append(lid)
            if s["copies"].get(copy) != "on_loan":
                fail("a loan's copy is on loan", f"{label}: loan {lid} copy {copy} is {s['copies'].get(copy)}")
    for copy, status in s["copies"].items():
        if status == "on_loan" and len(open_loans.get(copy, [])) != 1:
            fail("a copy on loan has exactly one open loan", f"{label}: copy {copy} has {open_loans.get(copy, [])}")
    for iid, vid, bib, copy, state in s["items"]:
        if state == "delivered" and (vid, copy) not in loans_by_visit_copy:
            fail("a delivered item has its loan", f"{label}: item {iid} of visit {vid}")
    for key, vid, recorded in s["keys"].values():
        v = s["visits"].get(vid)
        if v is None or v[1] != recorded:
            fail("an idempotency key exists exactly with its outcome", f"{label}: key {key} says {recorded}, visit is {v and v[1]}")
        if (vid, recorded) not in s["events"]:
            fail("an outcome has its status event", f"{label}: visit {vid} {recorded}")
        if v[4] is None:
            fail("an outcome has its completion time", f"{label}: visit {vid}")
    phones = {}
    for rid, number in s["phones"]:
        phones.setdefault(rid, []).append(number)
    for rid, notes, access, intercom in s["readers"].values():
        if notes and notes.startswith("fault-"):
            n = int(notes.split("-")[1])
            want = reader_values(n)
            digits = [re.sub(r"\D", "", p) for p in phones.get(rid, [])]
            if access != want["access_notes"] or intercom != want["intercom"] or digits != [re.sub(r"\D", "", want["phones"][0]["number"])]:
                fail("a reader edit is whole", f"{label}: reader {rid} notes {notes}, access {access}, intercom {intercom}, phones {phones.get(rid)}")


def acknowledged(s, ledger, label):
    """Every 2xx is in the database exactly as acknowledged."""
    for vid, bib, iid, copy in ledger.reservations:
        item = next((it for it in s["items"] if it[0] == iid), None)
        if item is None or item[1] != vid or item[2] != str(bib) or item[3] != copy:
            fail("acknowledged reservation is there", f"{label}: item {iid} (visit {vid}, bib {bib}, copy {copy}) found as {item}")
        vstatus = s["visits"][vid][1]
        expected = {"done": "delivered", "no_answer": "not_delivered"}.get(vstatus, "accepted")
        if item[4] != expected:
            fail("acknowledged reservation is there", f"{label}: item {iid} is {item[4]} on a {vstatus} visit, expected {expected}")
    for vid, (status, key, minutes) in ledger.outcomes.items():
        v = s["visits"][vid]
        if v[1] != status or v[2] != key or (minutes is not None and v[3] != str(minutes)):
            fail("acknowledged outcome is there", f"{label}: visit {vid} is {v[1:4]}, acknowledged {status} {key} {minutes}")
        if key not in s["keys"]:
            fail("acknowledged outcome keeps its key", f"{label}: {key}")
    for rid, ns in ledger.edits.items():
        r = s["readers"][rid]
        allowed = {f"fault-{ns[-1]}", f"fault-{ledger.in_flight.get(rid)}"}
        if r[1] not in allowed:
            fail("acknowledged reader edit is there", f"{label}: reader {rid} notes {r[1]}, last acknowledged fault-{ns[-1]}")
        for n in ns:
            if (rid, f"fault-{n}") not in s["changes"]:
                fail("acknowledged reader edit is in the history", f"{label}: reader {rid} fault-{n}")


def resend_doubtful(api, ledger, label):
    """Outcomes sent without an answer go again under the same key, as the run page does: each
    must be recorded exactly once (now, or replayed from before the crash)."""
    for vid, payload in list(ledger.doubtful.items()):
        status, _ = api.call("POST", f"/visits/{vid}/outcome", payload, {"Idempotency-Key": payload["comment"]})
        if status != 200:
            fail("a resent outcome is recorded once", f"{label}: visit {vid} key {payload['comment']} answered {status}")
        ledger.outcomes[vid] = (payload["outcome"], payload["comment"], payload.get("minutes_spent"))
    resent = len(ledger.doubtful)
    ledger.doubtful.clear()
    return resent


def integrity(db, label):
    if db.kind == "sqlite":
        ic = db.query("PRAGMA integrity_check")
        if ic != [("ok",)]:
            fail("PRAGMA integrity_check", f"{label}: {ic[:5]}")
        fk = db.query("PRAGMA foreign_key_check")
        if fk:
            fail("PRAGMA foreign_key_check", f"{label}: {fk[:5]}")


# ---------------------------------------------------------------- server series: setup and rounds


def seed_server(api, db, copies_per_bib, horizons):
    """More open visits (half a year planned per horizon) and more copies, so that the rounds do
    not run out of work."""
    for _ in range(horizons):
        last = db.query("SELECT max(scheduled_on) FROM visits")[0][0]
        start_day = time.strftime("%Y-%m-%d", time.gmtime(time.mktime(time.strptime(last, "%Y-%m-%d")) + 36 * 3600))
        status, _ = api.call("POST", "/visits/plan", {"weeks": 26, "from": start_day}, timeout=600)
        if status != 200:
            fail("setup", f"planning visits from {start_day} answered {status}")
    branches = [r[0] for r in db.query("SELECT id FROM branches")]
    bibs = [int(r[0]) for r in db.query("SELECT id FROM bib_records")]
    for branch in branches:
        for bib in bibs:
            for k in range(copies_per_bib):
                status, _ = api.call("POST", f"/catalog/{bib}/copies", {"branch_id": branch, "inventory_number": f"FT-{branch[:8]}-{bib}-{k}"})
                if status != 201:
                    fail("setup", f"adding a copy answered {status}")
    return {b: bibs for b in branches}


def server_series(args, bin_, db, work, rng, kills):
    log(f"-- server series on {db.kind}: {kills} kills")
    db.reset()
    env = app_env(db, work)
    port = free_port()
    logpath = os.path.join(work, f"serve-{db.kind}.log")
    proc = start([bin_, "serve", "--demo", "--port", str(port)], env, logpath)
    wait_ready(port, proc)
    email = "fault@example.kz"
    subprocess.run([bin_, "user", "create", "--role", "admin", "--email", email], env=env, input="fault-test-password\n",
                   capture_output=True, text=True, check=True)
    token = subprocess.run([bin_, "token", "create", "--email", email, "--name", "fault"], env=env, capture_output=True, text=True,
                           check=True).stdout.strip().splitlines()[-1]
    api = API(port, token)
    bibs_by_branch = seed_server(api, db, args.copies, args.horizons)
    state = load_state(db)
    invariants(state, "before the first kill")
    open_visits = [(v[0], v[5]) for v in state["visits"].values() if v[1] in OPEN]
    readers = list(state["readers"])
    rng.shuffle(open_visits)
    rng.shuffle(readers)
    log(f"   setup: {len(open_visits)} open visits, {len(readers)} readers, {sum(len(b) for b in bibs_by_branch.values()) * args.copies} copies added")
    ledger = Ledger()
    rows = []
    threads_n = args.threads
    for i in range(1, kills + 1):
        stop = threading.Event()
        lanes = [(open_visits[k::threads_n], readers[k::threads_n]) for k in range(threads_n)]
        threads = [threading.Thread(target=worker, args=(api, ledger, lanes[k][0], lanes[k][1], bibs_by_branch,
                                                         random.Random(rng.random()), stop, f"{args.seed}"), daemon=True)
                   for k in range(threads_n)]
        before = (ledger.requests, ledger.acked, dict(ledger.answers))
        for t in threads:
            t.start()
        moment = rng.uniform(args.load_min, args.load_max)
        time.sleep(moment)
        crashed = kill9(proc)
        stop.set()
        for t in threads:
            t.join(timeout=60)
        used = {vid for vid in ledger.outcomes} | set(ledger.doubtful)
        open_visits = [v for v in open_visits if v[0] not in used]
        doubtful = len(ledger.doubtful)
        label = f"kill {i} at {moment:.2f} s"
        integrity(db, label)
        proc = start([bin_, "serve", "--port", str(port)], env, logpath)
        t0 = time.monotonic()
        wait_ready(port, proc)
        restart = time.monotonic() - t0
        state = load_state(db)
        acknowledged(state, ledger, label)
        invariants(state, label)
        resent = resend_doubtful(api, ledger, label)
        state = load_state(db)
        acknowledged(state, ledger, label + ", after resending")
        invariants(state, label + ", after resending")
        sent, acked = ledger.requests - before[0], ledger.acked - before[1]
        codes = {k: v - before[2].get(k, 0) for k, v in ledger.answers.items() if v - before[2].get(k, 0)}
        rows.append((i, moment, crashed, sent, acked, doubtful, restart))
        log(f"   kill {i:2}: at {moment:5.2f} s {'killed' if crashed else 'HAD EXITED'}, {sent} writes sent, {acked} acknowledged, "
            f"{doubtful} outcomes unanswered (resent: {resent}); restart {restart:.1f} s: ok; answers "
            + ", ".join(f"{'none' if k is None else k}: {v}" for k, v in sorted(codes.items(), key=lambda kv: str(kv[0]))))
        if not crashed:
            fail("server was running at the kill", label)
    kill9(proc)
    totals = {"reservations": len(ledger.reservations), "outcomes": len(ledger.outcomes), "edits": sum(len(v) for v in ledger.edits.values()),
              "answers": dict(ledger.answers)}
    db.drop()
    return {"rows": rows, "totals": totals}


# ---------------------------------------------------------------- main


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--short", action="store_true", help="CI mode: 5 import kills on a subset, 3 server kills")
    p.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    p.add_argument("--seed", type=int, default=None)
    p.add_argument("--bin", required=True)
    p.add_argument("--file", required=True, help="the Library of Congress MARC file")
    p.add_argument("--records", type=int, default=None, help="import only the first N records (short mode: 20,000)")
    p.add_argument("--import-kills", type=int, default=None)
    p.add_argument("--server-kills", type=int, default=None)
    p.add_argument("--threads", type=int, default=6)
    p.add_argument("--copies", type=int, default=None, help="copies added per title and branch before the server series")
    p.add_argument("--only", choices=["import", "server"], default=None)
    p.add_argument("--pg-admin-url", default=os.environ.get("KNIGONOSHA_FAULT_PG_ADMIN_URL", "postgres://postgres@127.0.0.1:55432/postgres"))
    p.add_argument("--pg-app-url", default=os.environ.get("KNIGONOSHA_TEST_POSTGRES_URL", "postgres://kn:kn@127.0.0.1:55432/kn"))
    args = p.parse_args()
    args.seed = args.seed if args.seed is not None else random.SystemRandom().randrange(1, 10**6)
    short = args.short
    args.records = args.records or (20000 if short else None)
    args.import_kills = args.import_kills if args.import_kills is not None else (5 if short else 20)
    args.server_kills = args.server_kills if args.server_kills is not None else (3 if short else 10)
    args.copies = args.copies or (3 if short else 20)
    args.horizons = 1 if short else 4
    args.load_min, args.load_max = (1.0, 4.0) if short else (1.0, 8.0)
    log(f"fault-test: seed {args.seed} (replay with --seed {args.seed}), mode {'short' if short else 'full'}, binary {args.bin}")

    work = tempfile.mkdtemp(prefix="kn-fault.")
    file = args.file
    if args.records:
        file = os.path.join(work, "subset.mrc")
        n = subset(args.file, args.records, file)
        log(f"subset: the first {n} records of {args.file}")
    dbs = ["sqlite", "postgres"] if args.db == "both" else [args.db]
    tag = f"{os.getpid()}"
    results = []
    t_all = time.monotonic()
    status = 0
    try:
        for kind in dbs:
            rng = random.Random(f"{args.seed}-{kind}")
            make = (lambda name: SQLiteDB(work, name)) if kind == "sqlite" else (
                lambda name: PostgresDB(args.pg_admin_url, args.pg_app_url, f"kn_fault_{name}_{tag}"))
            if args.only in (None, "import") and args.import_kills:
                t0 = time.monotonic()
                r = import_series(args, args.bin, file, make("import"), work, rng, args.import_kills)
                results.append((kind, "import", r, time.monotonic() - t0))
            if args.only in (None, "server") and args.server_kills:
                t0 = time.monotonic()
                r = server_series(args, args.bin, make("server"), work, rng, args.server_kills)
                results.append((kind, "server", r, time.monotonic() - t0))
    except CheckFailed as e:
        log(f"FAILED check {e}")
        log(f"replay: scripts/fault-test{' --short' if short else ''} --db {args.db} --seed {args.seed}; logs kept in {work}")
        status = 1
    finally:
        if status == 0:
            shutil.rmtree(work, ignore_errors=True)
        else:
            for kind in dbs:  # PostgreSQL databases are dropped even after a failure; files stay
                if kind == "postgres":
                    for name in ("import", "server"):
                        try:
                            PostgresDB(args.pg_admin_url, args.pg_app_url, f"kn_fault_{name}_{tag}").drop()
                        except Exception:
                            pass
    summary(results, time.monotonic() - t_all, args)
    sys.exit(status)


def summary(results, total, args):
    log("")
    log(f"| Database | Series | Kills | Killed mid-run | Result | Time |")
    log(f"|---|---|---|---|---|---|")
    for kind, series, r, secs in results:
        rows = r["rows"]
        killed = sum(1 for row in rows if row[2])
        if series == "import":
            after = [row[3] for row in rows]
            detail = (f"clean {r['clean']} records in {r['clean_secs']:.1f} s; kills at "
                      f"{min(row[1] for row in rows):.1f}-{max(row[1] for row in rows):.1f} s left {min(after)}-{max(after)} records; "
                      f"every re-import -> {r['clean']}")
        else:
            t = r["totals"]
            detail = (f"{sum(row[3] for row in rows)} writes, {sum(row[4] for row in rows)} acknowledged "
                      f"({t['reservations']} reservations, {t['outcomes']} outcomes, {t['edits']} reader edits), "
                      f"{sum(row[5] for row in rows)} unanswered outcomes resent; answers "
                      + ", ".join(f"{'none' if k is None else k}: {v}" for k, v in sorted(t["answers"].items(), key=lambda kv: str(kv[0]))))
        log(f"| {kind} | {series} | {len(rows)} | {killed} | all checks ok: {detail} | {secs:.0f} s |")
    log(f"seed {args.seed}, total {total:.0f} s")


if __name__ == "__main__":
    main()
