"""The driver of Benchmarks/load.sh: seeds a scratch database, serves it, signs in and runs wrk.

Traffic goes to loopback only. Everything it starts (servers, the scratch database) it stops.
"""

import argparse
import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
import urllib.parse
import urllib.request
import http.cookiejar

PASSWORD = "load-bench-password-1"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(bin, url, *args, stdin=None):
    env = dict(os.environ, DATABASE_URL=url, LOG_LEVEL="warning")
    out = subprocess.run([bin, *args], env=env, input=stdin, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"{' '.join(args)} failed: {out.stderr[-2000:]}")
    return out.stdout


class Database:
    """The scratch database, SQLite or PostgreSQL, and the few statements the set-up needs."""

    def __init__(self, kind, work, admin_url):
        self.kind = kind
        self.admin_url = admin_url
        if kind == "sqlite":
            self.path = os.path.join(work, "load.sqlite")
            self.url = f"sqlite://{self.path}"
        else:
            self.psql(admin_url, "DROP DATABASE IF EXISTS kn_load")
            self.psql(admin_url, "CREATE DATABASE kn_load OWNER kn")
            host = urllib.parse.urlparse(admin_url)
            self.url = f"postgres://kn:kn@{host.hostname}:{host.port or 5432}/kn_load"

    @staticmethod
    def psql(url, sql):
        return subprocess.run(["psql", "-qAt", url, "-c", sql], check=True, capture_output=True, text=True).stdout.strip()

    def query(self, sql, *args):
        if self.kind == "sqlite":
            with sqlite3.connect(self.path) as db:
                rows = db.execute(sql, args).fetchall()
                db.commit()
                return rows
        # psql with variables: the values are quoted by psql (:'name'), never pasted into the text.
        names = [f"v{i}" for i in range(len(args))]
        text = sql
        for name in names:
            text = text.replace("?", f":'{name}'", 1)
        cmd = ["psql", "-qAt", "-F", "\t", self.url]
        for name, value in zip(names, args):
            cmd += ["-v", f"{name}={value}"]
        out = subprocess.run(cmd, input=text, check=True, capture_output=True, text=True).stdout
        return [tuple(line.split("\t")) for line in out.splitlines() if line]

    def drop(self):
        if self.kind == "postgres":
            self.psql(self.admin_url, "DROP DATABASE IF EXISTS kn_load WITH (FORCE)")


def sign_in(base, email):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(base + "/login").read().decode()
    csrf = re.search(r'name="_csrf" value="([^"]*)"', page).group(1)
    form = urllib.parse.urlencode({"_csrf": csrf, "email": email, "password": PASSWORD}).encode()
    opener.open(base + "/login", data=form).read()
    return "; ".join(f"{c.name}={c.value}" for c in jar)


def uuid_text(value):
    """SQLite keeps a UUID as 16 bytes, PostgreSQL gives it as text."""
    return str(uuid.UUID(bytes=value)) if isinstance(value, bytes) else str(value).lower()


def rss_kb(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            return int(next(line for line in f if line.startswith("VmRSS")).split()[1])
    except (OSError, StopIteration):
        return 0


def wrk(url, cookie, connections, seconds):
    """One wrk run: requests/s, p50, p99 (ms) and errors (socket errors and non-2xx/3xx answers)."""
    cmd = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "10s", url]
    if cookie:
        cmd[1:1] = ["-H", f"Cookie: {cookie}"]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout

    def ms(label):
        m = re.search(rf"{label}%\s+([\d.]+)(us|ms|s)\b", out)
        value, unit = float(m.group(1)), m.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    total = int(re.search(r"(\d+) requests in", out).group(1))
    errors = 0
    m = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    if m:
        errors += sum(int(x) for x in m.groups())
    m = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if m:
        errors += int(m.group(1))
    return {"rps": rps, "p50": ms("50"), "p99": ms("99"), "errors": errors, "requests": total}


def start(cmd, env, port, path="/healthz"):
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(300):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=1).read()
            return proc
        except OSError:
            time.sleep(0.1)
    proc.kill()
    sys.exit(f"{cmd[0]} did not answer on port {port}")


def stop(proc):
    if proc and proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()


def bench(kind, args, work):
    db = Database(kind, work, args.pg_admin)
    server = plain = None
    try:
        t0 = time.time()
        print(f"== {kind}: seeding ==", flush=True)
        print("  " + run(args.bin, db.url, "catalog", "import", args.marc).strip().splitlines()[-1], flush=True)
        print(f"  catalogue imported in {time.time() - t0:.0f} s", flush=True)
        t1 = time.time()
        run(args.bin, db.url, "bench", "selection", "--readers", "2000", "--week-visits", "500")
        print(f"  2,000 readers, three years of history, next week's 500 visits chosen in {time.time() - t1:.0f} s", flush=True)
        run(args.bin, db.url, "user", "create", "--role", "admin", "--email", "load-admin@example.kz", "--name", "Load", stdin=PASSWORD + "\n")
        run(args.bin, db.url, "user", "create", "--role", "carrier", "--email", "load-carrier@example.kz", "--name", "Carrier", "--branch", "B0",
            stdin=PASSWORD + "\n")
        carrier = db.query("SELECT id FROM users WHERE email = ?", "load-carrier@example.kz")[0][0]
        branch = db.query("SELECT id FROM branches WHERE code = ?", "B0")[0][0]
        day = db.query("SELECT MIN(scheduled_on) FROM visits WHERE status = ? AND branch_id = ?", "planned", branch)[0][0]
        stops = [r[0] for r in db.query(
            "SELECT id FROM visits WHERE status = ? AND branch_id = ? AND scheduled_on = ? ORDER BY id LIMIT 12", "planned", branch, day)]
        for visit in stops:
            db.query("UPDATE visits SET carrier_id = ? WHERE id = ?", carrier, visit)
        if kind == "postgres":
            Database.psql(db.url, "VACUUM ANALYZE")
        port = free_port()
        env = dict(os.environ, DATABASE_URL=db.url, LOG_LEVEL="warning")
        server = start([args.bin, "serve", "--port", str(port)], env, port)
        base = f"http://127.0.0.1:{port}"
        admin = sign_in(base, "load-admin@example.kz")
        carrier_cookie = sign_in(base, "load-carrier@example.kz")
        readers = int(db.query("SELECT COUNT(*) FROM readers")[0][0])
        pages = [
            (f"/readers ({readers} readers)", f"{base}/readers", admin),
            ("/catalog?q=history (250,000 records)", f"{base}/catalog?q=history", admin),
            ("a visit's page", f"{base}/visits/{uuid_text(stops[0])}", admin),
            (f"/run ({len(stops)} stops)", f"{base}/run?date={day}", carrier_cookie),
        ]
        for label, url, cookie in pages:
            # The page must answer 200 as the signed-in user, not a redirect to the sign-in page.
            req = urllib.request.Request(url, headers={"Cookie": cookie})
            with urllib.request.urlopen(req) as r:
                assert r.status == 200 and "/login" not in r.url, f"{label}: {r.status} {r.url}"
        plain_port = free_port()
        plain = start([args.plaintext, str(plain_port)], os.environ, plain_port, "/plaintext")
        results = []
        ceiling = wrk(f"http://127.0.0.1:{plain_port}/plaintext", None, 50, args.seconds)
        stop(plain)
        plain = None
        results.append(("Vapor plaintext (the ceiling)", 50, args.seconds, ceiling))
        for label, url, cookie in pages:
            results.append((label, 50, args.seconds, wrk(url, cookie, 50, args.seconds)))
        before = rss_kb(server.pid)
        heavy = wrk(pages[0][1], admin, 200, args.long_seconds)
        after = rss_kb(server.pid)
        results.append((pages[0][0], 200, args.long_seconds, heavy))
        print(f"== {kind}: results ({os.cpu_count()} cores; server and wrk on the same machine) ==")
        print("| Page | Connections | Requests/s | p50 ms | p99 ms | Errors |")
        print("|---|---|---|---|---|---|")
        for label, conns, secs, r in results:
            print(f"| {label} | {conns} × {secs} s | {r['rps']:,.0f} | {r['p50']:.1f} | {r['p99']:.1f} | {r['errors']} of {r['requests']:,} |")
        share = results[1][3]["rps"] / ceiling["rps"] * 100
        print(f"Reader list at 50 connections: {share:.0f} % of the plaintext ceiling.")
        print(f"Server memory during the 200-connection run: {before // 1024} MB before, {after // 1024} MB after.")
        p99_ok = all(r["p99"] < 50 for _, c, _, r in results[1:-1])
        print(f"Targets: p99 < 50 ms at 50 connections: {'met' if p99_ok else 'NOT met'}; "
              f"no errors at 200: {'met' if heavy['errors'] == 0 else 'NOT met'}; "
              f"≥ 30 % of plaintext: {'met' if share >= 30 else 'NOT met'}", flush=True)
    finally:
        stop(plain)
        stop(server)
        db.drop()


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--bin", required=True)
    p.add_argument("--plaintext", required=True)
    p.add_argument("--marc", required=True)
    p.add_argument("--db", default="both", choices=["sqlite", "postgres", "both"])
    p.add_argument("--seconds", type=int, default=30)
    p.add_argument("--long-seconds", type=int, default=60)
    p.add_argument("--pg-admin", default=os.environ.get("KNIGONOSHA_BENCH_PG_ADMIN_URL", "postgres://postgres@127.0.0.1:55432/postgres"))
    args = p.parse_args()
    with tempfile.TemporaryDirectory(prefix="kn-load.") as work:
        for kind in (["sqlite", "postgres"] if args.db == "both" else [args.db]):
            bench(kind, args, work)


if __name__ == "__main__":
    main()
