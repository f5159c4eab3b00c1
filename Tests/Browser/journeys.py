"""What the journeys (test_journey_*.py) share: the steps a person takes, counted as they are
taken, the axe scans, and reads of the server's database.

After `login()` (the only `driver.get`, for /login) every page is reached by clicking a link or a
button the previous page offers; forms are filled in their own fields and sent with their own
submit button, so the browser sends every field, the empty ones too. Nothing is posted by hand.
Downloads (XLSX, CSV) are fetched from the href of the link the page offers, with the browser's
own session cookie. Every page on the way is scanned with axe-core at 1280 px and at 360 px.

The journeys share one demo server, so each one makes its own data (names with a random suffix)
and does not depend on the order the others ran in."""
import html
import io
import json
import os
import random
import re
import sqlite3
import time
import urllib.parse
import urllib.request
import zipfile
from contextlib import closing

from axe_selenium_python import Axe
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import ARTIFACTS, PASSWORD, axe_clean
from conftest import click_and_wait as _click_and_wait
from conftest import login as _login

LIBRARY_RU = "Восточно-Казахстанская областная универсальная библиотека имени Абая"
LIBRARY_KK = "Абай атындағы Шығыс Қазақстан облыстық әмбебап кітапханасы"
CARRIER_NAME = "Ерлан Жумабаев"
HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "..", "Fixtures", "marc")
STEPS_FILE = os.path.join(ARTIFACTS, "..", "journey-steps.json")

# What a person does on each journey, counted as it is done (for docs/JOURNEYS.md): clicks (links,
# buttons, boxes ticked), fields filled (typed, chosen, a file picked) and pages scanned.
STEPS = {"clicks": 0, "fields": 0, "pages": 0}


def reset_steps():
    for k in STEPS:
        STEPS[k] = 0


def save_steps(name):
    """Adds one journey's counts to artifacts/journey-steps.json. The file is read and written
    again after every journey, so journeys from any number of files, run in one session or in
    several, end up side by side in it."""
    os.makedirs(ARTIFACTS, exist_ok=True)
    try:
        with open(STEPS_FILE) as f:
            seen = json.load(f)
    except (OSError, ValueError):
        seen = {}
    seen[name] = dict(STEPS)
    with open(STEPS_FILE, "w") as f:
        json.dump(seen, f, ensure_ascii=False, indent=1)


def click_and_wait(driver, element):
    STEPS["clicks"] += 1
    _click_and_wait(driver, element)


def login(driver, server, email, password=PASSWORD):
    STEPS["fields"] += 2
    STEPS["clicks"] += 1
    _login(driver, server, email, password)


def suffix(n=6):
    """A random tag in Cyrillic letters, so that names stay names (and searchable words)."""
    return "".join(random.choice("бвгджзклмнпрстфхцчшщ") for _ in range(n))


def _violations(driver, name):
    os.makedirs(ARTIFACTS, exist_ok=True)
    driver.save_screenshot(os.path.join(ARTIFACTS, name + ".png"))
    axe = Axe(driver)
    axe.inject()
    return [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:5]) for v in axe.run()["violations"]]


def scan(driver, name, deferred=None):
    """axe-core on the current page at 1280 px and at 360 px; the window size is then restored.
    With `deferred` (a list), violations are noted there and the journey goes on."""
    STEPS["pages"] += 1
    size = driver.get_window_size()
    try:
        for width, height in ((1280, 900), (360, 740)):
            driver.set_window_size(width, height)
            if deferred is None:
                axe_clean(driver, f"journey-{name}-{width}")
                continue
            path = urllib.parse.urlparse(driver.current_url).path
            deferred.extend((path, width, v) for v in _violations(driver, f"journey-{name}-{width}"))
    finally:
        driver.set_window_size(size["width"], size["height"])


def settle(deferred, known):
    """Ends a journey that noted axe results or problems on its way: any of them fails it, all
    named at once, after the rest of the journey has been checked."""
    problems = known + [f"axe on {p} at {w}px: {v}" for p, w, v in deferred]
    assert not problems, "\n".join(problems)


def q(server, sql, *args):
    """A read-only query on the server's database."""
    with closing(sqlite3.connect(f"file:{server.db}?mode=ro", uri=True, timeout=10)) as db:
        return db.execute(sql, args).fetchall()


def one(server, sql, *args):
    rows = q(server, sql, *args)
    assert len(rows) == 1, f"{sql} {args}: {rows}"
    return rows[0]


def main_text(driver):
    return driver.find_element(By.TAG_NAME, "main").text


def flash(driver):
    return driver.find_element(By.CSS_SELECTOR, "p.flash").text


def menu(driver, text):
    """Follows an entry of the main menu."""
    click_and_wait(driver, driver.find_element(By.XPATH, f"//nav[@aria-label]//a[normalize-space()='{text}']"))


def link(driver, text):
    click_and_wait(driver, driver.find_element(By.XPATH, f"//main//a[normalize-space()='{text}']"))


def button(driver, text, scope="//main"):
    click_and_wait(driver, driver.find_element(By.XPATH, f"{scope}//button[normalize-space()='{text}']"))


def type_into(driver, field_id, value):
    STEPS["fields"] += 1
    el = driver.find_element(By.ID, field_id)
    if el.get_attribute("type") in ("date", "time"):
        # Chromium's date and time inputs take keys in the locale's order; the value is set as a
        # picker would set it, and the change is announced the same way.
        driver.execute_script(
            "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', {bubbles: true}))", el, value
        )
    else:
        el.clear()
        el.send_keys(value)


def tick(driver, element_id, on=True):
    box = driver.find_element(By.ID, element_id)
    if box.is_selected() != on:
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", box)
        STEPS["clicks"] += 1
        box.click()
    assert box.is_selected() == on


def choose(driver, select_id, visible_text):
    STEPS["fields"] += 1
    Select(driver.find_element(By.ID, select_id)).select_by_visible_text(visible_text)


def fetch(driver, href):
    """Downloads what a link of the page points at, with the browser's session cookie."""
    STEPS["clicks"] += 1
    url = urllib.parse.urljoin(driver.current_url, href)
    cookies = "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())
    req = urllib.request.Request(url, headers={"Cookie": cookies})
    with urllib.request.urlopen(req, timeout=30) as r:
        return r.status, r.headers.get("Content-Type", ""), r.read()


def xlsx_text(data):
    """Every string of an XLSX workbook, sheet by sheet: {sheet name: [strings in cell order]}."""
    zf = zipfile.ZipFile(io.BytesIO(data))
    names = zf.namelist()
    shared = []
    if "xl/sharedStrings.xml" in names:
        xml = zf.read("xl/sharedStrings.xml").decode()
        shared = [unescape(re.sub(r"<[^>]+>", "", si)) for si in re.findall(r"<si>(.*?)</si>", xml, re.S)]
    workbook = zf.read("xl/workbook.xml").decode()
    titles = [unescape(t) for t in re.findall(r'<sheet[^>]*name="([^"]*)"', workbook)]
    sheets = {}
    for i, title in enumerate(titles, start=1):
        xml = zf.read(f"xl/worksheets/sheet{i}.xml").decode()
        values = []
        for cell in re.findall(r"<c [^>]*?(?:/>|>.*?</c>)", xml, re.S):
            kind = re.search(r't="(\w+)"', cell)
            v = re.search(r"<v>(.*?)</v>", cell, re.S)
            inline = re.search(r"<is>(.*?)</is>", cell, re.S)
            if kind and kind.group(1) == "s" and v:
                values.append(shared[int(v.group(1))])
            elif inline:
                values.append(unescape(re.sub(r"<[^>]+>", "", inline.group(1))))
            elif v:
                values.append(unescape(v.group(1)))
        sheets[title] = values
    return sheets


def unescape(s):
    return html.unescape(s)


def wait_for_import(driver):
    """Waits on the import job's page, reloading it as a person would, until the job is over."""
    for _ in range(60):
        if driver.find_element(By.ID, "status-label").text in ("Завершён", "Не выполнен"):
            return driver.find_element(By.ID, "status-label").text
        time.sleep(0.5)
        driver.refresh()
    return driver.find_element(By.ID, "status-label").text


def selection_rows(driver):
    """The visit's selection as shown: [(title, state)]."""
    rows = driver.find_elements(By.CSS_SELECTOR, "#selection table tbody tr")
    return [(r.find_element(By.CSS_SELECTOR, "td a").text, r.find_element(By.CSS_SELECTOR, "td[data-label='Состояние']").text) for r in rows]


def visit_items(server, visit_id):
    """The visit's items as stored: {title: state}."""
    return dict(
        q(server, "SELECT b.title, vi.state FROM visit_items vi JOIN bib_records b ON b.id = vi.bib_id WHERE lower(vi.visit_id) = ?", visit_id.lower())
    )


def visit_status(server, visit_id):
    return one(server, "SELECT status FROM visits WHERE lower(id) = ?", visit_id.lower())[0]
