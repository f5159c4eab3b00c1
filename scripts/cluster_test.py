"""Two instances behind nginx on one PostgreSQL, under a bounded mixed load, one of them killed
with kill -9 halfway (issue 17, §3). Driven by scripts/cluster-test; reuses fault_test.py's clients
and checks. Loopback only; stops everything it started."""
import argparse
import http.cookiejar
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request

import fault_test as ft

NGINX = """
pid {work}/nginx.pid;
error_log {work}/nginx-error.log;
daemon off;
events {{}}
http {{
    access_log off;
    client_body_temp_path {work}/nginx-body;
    proxy_temp_path {work}/nginx-proxy;
    upstream knigonosha {{
        server 127.0.0.1:{a} max_fails=1 fail_timeout=30s;
        server 127.0.0.1:{b} max_fails=1 fail_timeout=30s;
    }}
    server {{
        listen 127.0.0.1:{port};
        client_max_body_size 64m;
        proxy_http_version 1.1;
        proxy_set_header Connection "";
        proxy_set_header Host $host;
        proxy_set_header X-Forwarded-For $remote_addr;
        proxy_next_upstream error timeout http_502 http_503;
        location / {{ proxy_pass http://knigonosha; }}
    }}
}}
"""


class Reads:
    """Signed-in page views: sign-in, the reader list, a catalogue search. Counts answers."""

    def __init__(self, port, label):
        self.base = f"http://127.0.0.1:{port}"
        self.label = label
        self.lock = threading.Lock()
        self.answers = {}
        self.errors = []

    def note(self, what, status):
        with self.lock:
            self.answers[status] = self.answers.get(status, 0) + 1
            if status is None or status >= 500:
                self.errors.append(f"{what}: {status}")

    def session(self, email):
        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect())
        status, page = self.get(opener, "/login")
        if status != 200:
            self.note("GET /login", status)
            return None
        token = re.search(r'name="_csrf" value="([^"]+)"', page)
        body = urllib.parse.urlencode({"email": email, "password": "knigonosha-demo", "_csrf": token.group(1) if token else ""}).encode()
        status, _ = self.send(opener, "/login", body)
        self.note("POST /login", status)
        return opener if status == 303 else None

    def get(self, opener, path):
        return self.send(opener, path, None)

    def send(self, opener, path, body):
        try:
            with opener.open(urllib.request.Request(self.base + path, data=body), timeout=30) as r:
                return r.status, r.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as e:
            return e.code, ""
        except (OSError, urllib.error.URLError):
            return None, ""

    def loop(self, stop, rng):
        while not stop.is_set():
            opener = self.session("coordinator@demo.kz")
            for _ in range(5):
                if opener is None or stop.is_set():
                    break
                for path in ("/readers", "/catalog?q=" + urllib.parse.quote(rng.choice(["абай", "история", "war", "поэзия"]))):
                    status, _ = self.get(opener, path)
                    self.note("GET " + path.split("?")[0], status)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--bin", required=True)
    p.add_argument("--seconds", type=float, default=60)
    p.add_argument("--threads", type=int, default=4)
    p.add_argument("--seed", type=int, default=None)
    p.add_argument("--marc", required=True, help="a MARC file for the import job")
    p.add_argument("--pg-admin-url", default=os.environ.get("KNIGONOSHA_FAULT_PG_ADMIN_URL", "postgres://postgres@127.0.0.1:55432/postgres"))
    p.add_argument("--pg-app-url", default=os.environ.get("KNIGONOSHA_TEST_POSTGRES_URL", "postgres://kn:kn@127.0.0.1:55432/kn"))
    args = p.parse_args()
    args.seed = args.seed if args.seed is not None else random.randrange(1_000_000)
    rng = random.Random(args.seed)
    work = tempfile.mkdtemp(prefix="kn-cluster.")
    db = ft.PostgresDB(args.pg_admin_url, args.pg_app_url, f"kn_cluster_{args.seed}")
    procs = []
    status = 0
    try:
        db.reset()
        env = ft.app_env(db, work)
        a, b, port = ft.free_port(), ft.free_port(), ft.free_port()
        # A loads the demo; B starts on the same database, as a second server of a region does.
        proc_a = ft.start([args.bin, "serve", "--demo", "--port", str(a)], env, os.path.join(work, "a.log"))
        procs.append(proc_a)
        ft.wait_ready(a, proc_a)
        proc_b = ft.start([args.bin, "serve", "--port", str(b)], env, os.path.join(work, "b.log"))
        procs.append(proc_b)
        ft.wait_ready(b, proc_b)
        with open(os.path.join(work, "nginx.conf"), "w") as f:
            f.write(NGINX.format(work=work, a=a, b=b, port=port))
        nginx = subprocess.Popen(["nginx", "-c", os.path.join(work, "nginx.conf"), "-p", work], stdout=subprocess.DEVNULL,
                                 stderr=open(os.path.join(work, "nginx.out"), "wb"), start_new_session=True)
        procs.append(nginx)
        ft.wait_ready(port, nginx)
        email = "cluster@example.kz"
        subprocess.run([args.bin, "user", "create", "--role", "admin", "--email", email], env=env, input="cluster-test-password\n",
                       capture_output=True, text=True, check=True)
        token = subprocess.run([args.bin, "token", "create", "--email", email, "--name", "cluster"], env=env, capture_output=True,
                               text=True, check=True).stdout.strip().splitlines()[-1]
        api = ft.API(port, token)
        bibs_by_branch = ft.seed_server(api, db, 2, 1)
        state = ft.load_state(db)
        ft.invariants(state, "before the load")
        visits = [(v[0], v[5]) for v in state["visits"].values() if v[1] in ft.OPEN]
        readers = list(state["readers"])
        rng.shuffle(visits)
        rng.shuffle(readers)

        # The import job, through nginx; whichever instance claims it, it must finish once.
        with open(args.marc, "rb") as f:
            req = urllib.request.Request(f"http://127.0.0.1:{port}/api/v1/catalog/imports?name={os.path.basename(args.marc)}",
                                         data=f.read(), method="POST",
                                         headers={"Authorization": "Bearer " + token, "Content-Type": "application/octet-stream"})
        with urllib.request.urlopen(req, timeout=60) as r:
            job = re.search(r'"id":"([0-9A-Fa-f-]+)"', r.read().decode()).group(1).lower()

        ledger = ft.Ledger()
        stop = threading.Event()
        through, direct = Reads(port, "through nginx"), Reads(a, "instance A directly")
        lanes = [(visits[k::args.threads], readers[k::args.threads]) for k in range(args.threads)]
        threads = [threading.Thread(target=ft.worker, args=(api, ledger, lanes[k][0], lanes[k][1], bibs_by_branch,
                                                            random.Random(rng.random()), stop, f"c{args.seed}"), daemon=True)
                   for k in range(args.threads)]
        threads += [threading.Thread(target=through.loop, args=(stop, random.Random(rng.random())), daemon=True),
                    threading.Thread(target=direct.loop, args=(stop, random.Random(rng.random())), daemon=True)]
        t0 = time.monotonic()
        for t in threads:
            t.start()
        time.sleep(args.seconds / 2)
        killed = ft.kill9(proc_b)
        ft.log(f"   kill -9 of instance B at {time.monotonic() - t0:.1f} s ({'running' if killed else 'HAD EXITED'})")
        time.sleep(args.seconds / 2)
        stop.set()
        for t in threads:
            t.join(timeout=60)

        # Checks: every acknowledged write is there once; unanswered outcomes resent with their keys
        # are recorded once; the import finished once; A answered every request it got.
        label = "after the load"
        ft.integrity(db, label)
        state = ft.load_state(db)
        ft.acknowledged(state, ledger, label)
        ft.invariants(state, label)
        resent = ft.resend_doubtful(ft.API(a, token), ledger, label)
        state = ft.load_state(db)
        ft.acknowledged(state, ledger, label + ", after resending")
        ft.invariants(state, label + ", after resending")
        deadline = time.monotonic() + 120
        while True:
            row = db.query(f"SELECT status, imported + updated, (SELECT count(*) FROM import_jobs WHERE id = '{job}') FROM import_jobs WHERE id = '{job}'")
            if row and row[0][0] in ("done", "failed") or time.monotonic() > deadline:
                break
            time.sleep(0.5)
        job_status, job_records, job_rows = row[0] if row else ("missing", "0", "0")
        if job_status != "done" or job_rows != "1":
            ft.fail("the import job finished once", f"status {job_status}, rows {job_rows}")
        if direct.errors:
            ft.fail("instance A answered every request", "; ".join(direct.errors[:5]))
        if not killed:
            ft.fail("instance B was running at the kill", "it had exited")
        writes = ", ".join(f"{'none' if k is None else k}: {v}" for k, v in sorted(ledger.answers.items(), key=lambda kv: str(kv[0])))
        ft.log(f"   writes through nginx: {ledger.requests} sent, {ledger.acked} acknowledged "
               f"({len(ledger.reservations)} reservations, {len(ledger.outcomes)} outcomes, {sum(len(v) for v in ledger.edits.values())} reader edits); "
               f"answers {writes}; unanswered outcomes resent: {resent}")
        for reads in (through, direct):
            answers = ", ".join(f"{'none' if k is None else k}: {v}" for k, v in sorted(reads.answers.items(), key=lambda kv: str(kv[0])))
            ft.log(f"   page views {reads.label}: {sum(reads.answers.values())}, answers {answers}; errors {len(reads.errors)}")
        ft.log(f"   import job: {job_status}, {job_records} records, claimed once")
        ft.log(f"cluster test passed (seed {args.seed}, {args.seconds:.0f} s)")
    except ft.CheckFailed as e:
        ft.log(f"FAILED check {e}; logs kept in {work}")
        status = 1
    finally:
        for proc in procs:
            ft.kill9(proc)
        try:
            db.drop()
        except Exception:
            pass
        if status == 0:
            shutil.rmtree(work, ignore_errors=True)
    sys.exit(status)


if __name__ == "__main__":
    main()
