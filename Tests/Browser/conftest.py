"""Starts the built server on demo data and gives each test a headless Chromium."""
import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request

import pytest
from axe_selenium_python import Axe
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
ARTIFACTS = os.path.join(ROOT, "artifacts", "screenshots")
PASSWORD = "knigonosha-demo"


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server(str):
    """The server's address; `db` is the path of its SQLite database, for the few checks that
    look at stored rows or end a session the way a timeout would."""

    db = ""
    binary = ""


@pytest.fixture(scope="session")
def server():
    binary = os.environ.get("KNIGONOSHA_BIN", os.path.join(ROOT, ".build", "debug", "knigonosha"))
    workdir = tempfile.mkdtemp(prefix="kn-browser-")
    port = _free_port()
    # At debug level, the most the server ever writes: the last test reads it all for personal data.
    env = dict(os.environ, DATABASE_URL=f"sqlite://{workdir}/browser.sqlite", BCRYPT_COST="6", LOG_LEVEL="debug")
    log = open(os.path.join(workdir, "server.log"), "w")
    proc = subprocess.Popen([binary, "serve", "--demo", "--port", str(port)], cwd=workdir, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = Server(f"http://127.0.0.1:{port}")
    base.db = os.path.join(workdir, "browser.sqlite")
    base.log = os.path.join(workdir, "server.log")
    # The journeys that run a `knigonosha` command beside the server use this same binary.
    base.binary = binary
    for _ in range(150):
        try:
            urllib.request.urlopen(base + "/login", timeout=1)
            break
        except Exception:
            if proc.poll() is not None:
                raise RuntimeError("server exited: " + open(os.path.join(workdir, "server.log")).read())
            time.sleep(0.2)
    yield base
    proc.terminate()
    proc.wait(timeout=10)
    shutil.rmtree(workdir, ignore_errors=True)


@pytest.fixture
def driver(request):
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM_BIN", "/usr/bin/chromium")
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,900", "--lang=ru"):
        options.add_argument(arg)
    options.add_experimental_option("prefs", {"intl.accept_languages": "ru-RU,ru"})
    d = webdriver.Chrome(service=Service(os.environ.get("CHROMEDRIVER_BIN", "/usr/bin/chromedriver")), options=options)
    d.implicitly_wait(2)
    yield d
    os.makedirs(ARTIFACTS, exist_ok=True)
    d.save_screenshot(os.path.join(ARTIFACTS, request.node.name + ".png"))
    d.quit()


def axe_clean(driver, name):
    """Runs axe-core on the current page and fails on any violation; keeps a screenshot."""
    os.makedirs(ARTIFACTS, exist_ok=True)
    driver.save_screenshot(os.path.join(ARTIFACTS, name + ".png"))
    axe = Axe(driver)
    axe.inject()
    results = axe.run()
    violations = [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:5]) for v in results["violations"]]
    assert violations == [], f"axe violations on {name} ({driver.current_url}): {violations}"


def click_and_wait(driver, element):
    """Clicks a link or submit button and waits until the next page has replaced this one."""
    page = driver.find_element(By.TAG_NAME, "html")
    try:
        element.click()
    except WebDriverException as e:
        # Chromium sometimes loses track of a node it just found while the page settles; the
        # element itself is fine, so it is clicked from inside the page instead.
        if "does not belong to the document" not in str(e):
            raise
        driver.execute_script("arguments[0].click()", element)
    WebDriverWait(driver, 15).until(lambda d: _gone(page))
    WebDriverWait(driver, 15).until(lambda d: d.execute_script("return document.readyState") == "complete")


def _gone(element):
    """Whether the page an element belonged to has been replaced. While the next page loads,
    Chromium may answer with "does not belong to the document" instead of a stale-element error:
    that means replaced too."""
    try:
        element.is_enabled()
        return False
    except WebDriverException:
        return True


def login(driver, server, email, password=PASSWORD):
    """Signs in. Chromium now and then reports the login button as detached while the freshly
    loaded page settles ("Node with given id does not belong to the document"); that attempt is
    simply made again, up to three times."""
    for attempt in range(3):
        driver.get(server + "/login")
        WebDriverWait(driver, 15).until(lambda d: d.execute_script("return document.readyState") == "complete")
        try:
            driver.find_element(By.ID, "f-email").send_keys(email)
            driver.find_element(By.ID, "f-password").send_keys(password)
            click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
            return
        except WebDriverException:
            if attempt == 2:
                raise


@pytest.fixture
def journey_steps(request):
    """Counts what one journey does (journeys.STEPS) and adds the counts to
    artifacts/journey-steps.json. Only the journeys ask for it, so other tests leave the file be."""
    import journeys  # here, not at the top: journeys imports this module

    journeys.reset_steps()
    yield
    journeys.save_steps(request.node.name)


def arm(driver, button):
    """The first tap on a run's outcome button only asks (issue 12, item 8): the button then says
    to tap again, naming the outcome, and nothing is recorded or queued yet. Returns the button for
    the second tap."""
    from selenium.webdriver.support.ui import WebDriverWait

    label = button.text
    button.click()
    WebDriverWait(driver, 5).until(lambda d: button.text.startswith("Нажмите ещё раз"))
    assert label in button.text, (label, button.text)
    return button
