"""Issue 12, item 15: a newcomer's first commands. `serve --demo` shows the banner with the address
and the logins after one line about the database (not eighty lines of migrations), and help, or a
command that reads no data, leaves nothing in the folder it was run from."""
import os
import subprocess
import tempfile
import time

from conftest import ROOT, _free_port


def binary():
    return os.environ.get("KNIGONOSHA_BIN", os.path.join(ROOT, ".build", "debug", "knigonosha"))


def clean_env():
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "LOG_LEVEL")}
    return env


def test_help_and_the_route_list_leave_no_folder_behind():
    for args in (["--help"], ["serve", "--help"], ["routes"]):
        with tempfile.TemporaryDirectory() as folder:
            done = subprocess.run([binary(), *args], cwd=folder, env=clean_env(), capture_output=True, timeout=60)
            assert done.returncode == 0, (args, done.stderr[-500:])
            assert os.listdir(folder) == [], (args, os.listdir(folder))


def test_serve_demo_shows_the_banner_after_one_line():
    with tempfile.TemporaryDirectory() as folder:
        port = _free_port()
        out = os.path.join(folder, "out.txt")
        with open(out, "w") as log:
            proc = subprocess.Popen([binary(), "serve", "--demo", "--port", str(port)], cwd=folder, env=clean_env(), stdout=log, stderr=subprocess.STDOUT)
        try:
            deadline = time.time() + 90
            while "Server started" not in open(out).read():
                assert proc.poll() is None and time.time() < deadline, open(out).read()[-2000:]
                time.sleep(0.2)
        finally:
            proc.terminate()
            proc.wait(timeout=30)
        lines = [line for line in open(out).read().splitlines() if line.strip()]
        banner = next(i for i, line in enumerate(lines) if line.startswith("Demo data loaded."))
        assert len(lines[:banner]) == 1 and lines[0].startswith("[ INFO ] Database ready:"), lines[:banner]
        assert f"http://127.0.0.1:{port}/login" in lines[banner]
        assert "admin@demo.kz" in "\n".join(lines[banner:])
