"""The run page's offline queue (issue 13, section 1), on a phone-sized screen with the browser's
own offline mode:
- an outcome recorded offline survives a session that ended meanwhile: the carrier is asked to
  sign in again, signs in through the login form, and the outcome is then sent and recorded;
- one the server refuses (422) reopens its form to be corrected and sent again;
- one that is forbidden (403) or whose visit was cancelled (409) stays as "not sent" with the
  reason until the carrier removes it;
- signing out with outcomes still waiting warns first, and then clears the queue and the kept
  run sheet.
Every state of the page is scanned with axe-core."""
import os
import sqlite3
import subprocess
import time
import urllib.request
from contextlib import closing, contextmanager

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import PASSWORD, ROOT, Server, _free_port, arm, axe_clean, click_and_wait, login

CARRIER = "carrier2@demo.kz"
# The sign-out journey records nothing; it uses the other carrier, whose run has stops to spare.
OTHER_CARRIER = "carrier@demo.kz"


def queued(driver):
    return driver.execute_script("return JSON.parse(localStorage.getItem('kn-run-queue-v2') || '[]').length")


def network(driver, online):
    """The browser's own offline mode (Chrome DevTools network emulation)."""
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd(
        "Network.emulateNetworkConditions", {"offline": not online, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1}
    )
    WebDriverWait(driver, 5).until(lambda d: d.execute_script("return navigator.onLine") == online)


def visit_status(server, visit_id):
    """The visit's row as stored (SQLite keeps the id as upper-case text; the page has it lower-case)."""
    with closing(sqlite3.connect(server.db, timeout=10)) as db:
        row = db.execute("SELECT status FROM visits WHERE lower(id) = ?", (visit_id.lower(),)).fetchone()
    return row[0] if row else None


def end_sessions(server, email):
    """Ends the account's sessions in the database, as an idle timeout would."""
    with closing(sqlite3.connect(server.db, timeout=10)) as db:
        db.execute("DELETE FROM user_sessions WHERE user_id IN (SELECT id FROM users WHERE email = ?)", (email,))
        db.commit()


def first_open_stop(driver):
    """The first stop that still has its outcome form: (element id, visit id)."""
    form = driver.find_elements(By.CSS_SELECTOR, "article.stop form.outcome")[0]
    stop = form.find_element(By.XPATH, "..").get_attribute("id")
    return stop, stop[len("stop-"):]


def listed_books(driver, stop):
    """The titles under "to deliver" and "to collect" of a stop."""
    return [li.text for li in driver.find_elements(By.CSS_SELECTOR, f"#{stop} h3 + ul li")]


def db_run(server, sql, *args):
    with closing(sqlite3.connect(server.db, timeout=10)) as db:
        db.execute(sql, args)
        db.commit()


def queue_offline(driver, stop, outcome="no_answer"):
    """Records an outcome with the connection off; it waits on the phone."""
    network(driver, online=False)
    arm(driver, driver.find_element(By.CSS_SELECTOR, f"#{stop} button[value='{outcome}']")).click()
    WebDriverWait(driver, 5).until(lambda d: queued(d) == 1)


def reconnect(driver):
    network(driver, online=True)
    driver.execute_script("window.dispatchEvent(new Event('online'))")


def test_an_outcome_recorded_offline_survives_an_expired_session(driver, server):
    driver.set_window_size(360, 740)
    login(driver, server, CARRIER)
    assert driver.current_url.endswith("/run")
    stop, visit = first_open_stop(driver)
    before = visit_status(server, visit)
    assert before in ("planned", "in_progress")
    books = listed_books(driver, stop)

    # Offline: the outcome waits on the phone, said next to the stop and in the banner.
    network(driver, online=False)
    arm(driver, driver.find_element(By.CSS_SELECTOR, f"#{stop} button[value='no_answer']")).click()
    WebDriverWait(driver, 5).until(lambda d: queued(d) == 1)
    banner = driver.find_element(By.ID, "offline-status")
    assert banner.get_attribute("aria-live") == "polite"
    WebDriverWait(driver, 5).until(lambda d: "Ожидают отправки: 1" in banner.text)
    assert "Сохранено на телефоне" in driver.find_element(By.ID, stop).text
    axe_clean(driver, "queue-offline")

    # The session ends meanwhile; the connection returns. Nothing is dropped: sign in again.
    end_sessions(server, CARRIER)
    network(driver, online=True)
    driver.execute_script("window.dispatchEvent(new Event('online'))")
    link = driver.find_element(By.CSS_SELECTOR, "#queue-signin a")
    WebDriverWait(driver, 10).until(lambda d: link.is_displayed())
    assert "войдите снова" in banner.text
    assert queued(driver) == 1
    assert visit_status(server, visit) == before
    assert "next=" in link.get_attribute("href") and "run" in link.get_attribute("href")
    axe_clean(driver, "queue-sign-in")

    # The carrier signs in through the login form and comes back to the run: the outcome is sent.
    click_and_wait(driver, link)
    assert "/login" in driver.current_url
    driver.find_element(By.ID, "f-email").send_keys(CARRIER)
    driver.find_element(By.ID, "f-password").send_keys(PASSWORD)
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
    assert driver.current_url.endswith("/run")
    WebDriverWait(driver, 15).until(lambda d: queued(d) == 0)
    WebDriverWait(driver, 5).until(lambda d: "Отправлено" in d.find_element(By.ID, stop).text)
    assert visit_status(server, visit) == "no_answer"
    axe_clean(driver, "queue-sent")

    # What a person sees on the next visit to the page agrees with the database, and after "no
    # answer" the stop still lists what was to be delivered and collected.
    driver.get(server + "/run")
    assert driver.find_elements(By.CSS_SELECTOR, f"#{stop} form.outcome") == []
    assert "Не застали дома" in driver.find_element(By.ID, stop).text
    assert books and listed_books(driver, stop) == books


def test_a_refused_outcome_reopens_its_form_and_is_sent_again(driver, server):
    driver.set_window_size(360, 740)
    login(driver, server, CARRIER)
    stop, visit = first_open_stop(driver)
    queue_offline(driver, stop)
    # Meanwhile the coordinator moved the visit to tomorrow: nobody has been to that door today.
    db_run(server, "UPDATE visits SET scheduled_on = date(scheduled_on, '+1 day') WHERE lower(id) = ?", visit)
    reconnect(driver)
    note = (By.CSS_SELECTOR, f"#{stop} .queue-note.refused")
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(*note))
    text = driver.find_element(*note).text
    assert "Не отправлено" in text
    assert queued(driver) == 1
    assert driver.find_element(By.CSS_SELECTOR, f"#{stop} form.outcome").is_displayed()
    assert visit_status(server, visit) == "planned"
    axe_clean(driver, "queue-refused-422")

    # The visit is back on today's run; the carrier sends the corrected outcome from the same form.
    db_run(server, "UPDATE visits SET scheduled_on = date(scheduled_on, '-1 day') WHERE lower(id) = ?", visit)
    arm(driver, driver.find_element(By.CSS_SELECTOR, f"#{stop} button[value='no_answer']")).click()
    WebDriverWait(driver, 10).until(lambda d: queued(d) == 0)
    WebDriverWait(driver, 5).until(lambda d: "Отправлено" in d.find_element(By.ID, stop).text)
    assert visit_status(server, visit) == "no_answer"


def test_a_forbidden_or_cancelled_outcome_stays_until_the_carrier_removes_it(driver, server):
    driver.set_window_size(360, 740)
    login(driver, server, CARRIER)
    for change, code in (
        # The visit was given to another carrier: 403.
        ("UPDATE visits SET carrier_id = (SELECT id FROM users WHERE email = 'carrier@demo.kz') WHERE lower(id) = ?", "403"),
        # The coordinator cancelled the visit: 409, with the reason in words.
        ("UPDATE visits SET status = 'cancelled' WHERE lower(id) = ?", "409"),
    ):
        driver.get(server + "/run")
        stop, visit = first_open_stop(driver)
        name = driver.find_element(By.ID, stop + "-h").text
        queue_offline(driver, stop)
        db_run(server, change, visit)
        before = visit_status(server, visit)
        reconnect(driver)
        note = (By.CSS_SELECTOR, f"#{stop} .queue-note.refused")
        WebDriverWait(driver, 10).until(lambda d: d.find_elements(*note))
        assert "Не отправлено" in driver.find_element(*note).text
        # Not silently dropped, and not sent: it waits for the carrier's decision, across a reload,
        # even when its stop has left the run (given to another carrier): then it is listed apart,
        # under the name it was recorded for.
        driver.get(server + "/run")
        anywhere = (By.CSS_SELECTOR, ".queue-note.refused")
        WebDriverWait(driver, 10).until(lambda d: d.find_elements(*anywhere))
        card = driver.find_elements(*anywhere)[0]
        assert "Не отправлено" in card.text
        if not driver.find_elements(By.ID, stop):
            assert name in driver.find_element(By.ID, "queue-elsewhere").text
        assert queued(driver) == 1
        assert "Не отправлено" in driver.find_element(By.ID, "offline-status").text
        axe_clean(driver, "queue-refused-" + code)
        card.find_element(By.CSS_SELECTOR, f"button[aria-label='Убрать с телефона: {name}']").click()
        WebDriverWait(driver, 5).until(lambda d: queued(d) == 0)
        assert driver.find_elements(*anywhere) == []
        assert visit_status(server, visit) == before


def cached_run_sheets(driver):
    return driver.execute_async_script(
        "var done = arguments[0]; caches.keys().then(function (k) { done(k.filter(function (n) { return n.indexOf('kn-run') === 0; }).length); })"
    )


def test_signing_out_warns_about_waiting_outcomes_then_clears_the_phone(driver, server):
    driver.set_window_size(360, 740)
    login(driver, server, OTHER_CARRIER)
    # The service worker keeps the run sheet from the first load it controls.
    WebDriverWait(driver, 10).until(lambda d: d.execute_script("return !!(navigator.serviceWorker && navigator.serviceWorker.controller)"))
    driver.get(server + "/run")
    WebDriverWait(driver, 10).until(lambda d: cached_run_sheets(d) == 1)
    stop, visit = first_open_stop(driver)
    # The outcome cannot reach the server (the API is unreachable), but pages still load.
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["*/api/v1/*"]})
    arm(driver, driver.find_element(By.CSS_SELECTOR, f"#{stop} button[value='no_answer']")).click()
    WebDriverWait(driver, 10).until(lambda d: queued(d) == 1 and "Сохранено на телефоне" in d.find_element(By.ID, stop).text)

    # Signing out warns first; the carrier may stay, and nothing is lost.
    sign_out = driver.find_element(By.CSS_SELECTOR, "form[action='/logout'] button")
    sign_out.click()
    dialog = driver.find_element(By.ID, "signout-dialog")
    WebDriverWait(driver, 5).until(lambda d: dialog.is_displayed())
    assert "результаты визитов: 1" in dialog.text
    assert driver.switch_to.active_element.get_attribute("data-action") == "stay"
    axe_clean(driver, "signout-warning")
    dialog.find_element(By.CSS_SELECTOR, "[data-action=stay]").click()
    WebDriverWait(driver, 5).until(lambda d: not dialog.is_displayed())
    assert driver.current_url.endswith("/run") and queued(driver) == 1

    # Without a connection, signing out is not possible: the carrier is told, and nothing is cleared.
    network(driver, online=False)
    sign_out.click()
    WebDriverWait(driver, 5).until(lambda d: dialog.is_displayed())
    assert "Нет связи" in dialog.text
    assert not dialog.find_element(By.CSS_SELECTOR, "[data-action=confirm]").is_displayed()
    dialog.find_element(By.CSS_SELECTOR, "[data-action=stay]").click()
    WebDriverWait(driver, 5).until(lambda d: not dialog.is_displayed())
    assert queued(driver) == 1
    network(driver, online=True)

    # Signing out after all: the queue and the kept run sheet are gone from the phone.
    sign_out.click()
    WebDriverWait(driver, 5).until(lambda d: dialog.is_displayed())
    click_and_wait(driver, dialog.find_element(By.CSS_SELECTOR, "[data-action=confirm]"))
    assert "/login" in driver.current_url
    assert queued(driver) == 0
    assert cached_run_sheets(driver) == 0
    assert visit_status(server, visit) == "planned"
    driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": []})

    # With nothing waiting, signing out asks nothing.
    login(driver, server, OTHER_CARRIER)
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form[action='/logout'] button"))
    assert "/login" in driver.current_url


@contextmanager
def second_server(server, port=None):
    """A second server on the same database, that the test can stop. DevTools' offline mode does
    not reach the service worker, so "no connection" for it is a server that is gone."""
    port = port or _free_port()
    env = dict(os.environ, DATABASE_URL=f"sqlite://{server.db}", BCRYPT_COST="6")
    binary = os.environ.get("KNIGONOSHA_BIN", os.path.join(ROOT, ".build", "debug", "knigonosha"))
    proc = subprocess.Popen([binary, "serve", "--port", str(port)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    other = Server(f"http://127.0.0.1:{port}")
    other.db = server.db
    for _ in range(150):
        try:
            urllib.request.urlopen(other + "/login", timeout=1)
            break
        except Exception:
            time.sleep(0.2)
    try:
        yield other, proc
    finally:
        proc.kill()
        proc.wait(timeout=10)


def test_a_run_sheet_kept_from_an_earlier_day_is_not_shown_offline(driver, server):
    driver.set_window_size(360, 740)
    with second_server(server) as (other, proc):
        login(driver, other, OTHER_CARRIER)
        WebDriverWait(driver, 10).until(lambda d: d.execute_script("return !!(navigator.serviceWorker && navigator.serviceWorker.controller)"))
        driver.get(other + "/run")
        WebDriverWait(driver, 10).until(lambda d: cached_run_sheets(d) == 1)
        names = [h.text for h in driver.find_elements(By.CSS_SELECTOR, "article.stop h2")]
        assert names
        # The connection is gone: today's kept sheet is shown, so the carrier can work on.
        proc.kill()
        proc.wait(timeout=10)
        driver.get(other + "/run")
        assert [h.text for h in driver.find_elements(By.CSS_SELECTOR, "article.stop h2")] == names
        # The kept copy is made a day old (its Date header, which the worker reads), as if the
        # phone had been left overnight: it is no longer shown, and it is deleted.
        driver.execute_async_script(
            """
            var done = arguments[0];
            caches.open("kn-run-v1").then(function (c) {
              return c.match("/run", { ignoreSearch: true }).then(function (r) { return r.text().then(function (body) {
                var old = new Date(Date.now() - 86400000).toUTCString();
                return c.put("/run", new Response(body, { headers: { "Content-Type": "text/html", "Date": old } }));
              }); });
            }).then(function () { done(true); });
            """
        )
        driver.get(other + "/run")
        assert driver.find_elements(By.CSS_SELECTOR, "article.stop") == []
        assert not any(name in driver.page_source for name in names)
    # Back online (the same address again; the session is still alive, so the carrier lands on
    # the run): the worker keeps today's fresh sheet, not the day-old copy.
    with second_server(server, port=int(other.rsplit(":", 1)[1])) as (again, _):
        driver.get(again + "/login")
        age = driver.execute_async_script(
            "var done = arguments[0]; caches.open('kn-run-v1').then(function (c) { return c.match('/run', { ignoreSearch: true }); })"
            ".then(function (r) { done(r ? (Date.now() - new Date(r.headers.get('date')).getTime()) / 1000 : null); })"
        )
        assert age is None or age < 600


def test_on_my_way_without_a_connection_says_so_and_keeps_the_page(driver, server):
    """Review of issue 13: «В пути» without a connection left the run for the browser's error
    page. It is sent in the background: offline the page stays and says so beside the stop."""
    driver.set_window_size(360, 740)
    login(driver, server, OTHER_CARRIER)
    form = driver.find_elements(By.CSS_SELECTOR, "article.stop form.start")[0]
    visit = form.get_attribute("action").rstrip("/").split("/")[-2]
    assert visit_status(server, visit) == "planned"
    network(driver, online=False)
    form.find_element(By.TAG_NAME, "button").click()
    note = WebDriverWait(driver, 10).until(lambda d: form.find_element(By.CSS_SELECTOR, ".start-note"))
    WebDriverWait(driver, 5).until(lambda d: "Нет связи" in note.text)
    assert note.get_attribute("role") == "status"
    assert driver.current_url.endswith("/run")
    assert visit_status(server, visit) == "planned"
    axe_clean(driver, "start-offline")
    # With the connection back the same button works, and the page shows the stop under way.
    network(driver, online=True)
    form.find_element(By.TAG_NAME, "button").click()
    WebDriverWait(driver, 15).until(lambda d: visit_status(server, visit) == "in_progress")
    WebDriverWait(driver, 15).until(lambda d: d.execute_script("return document.readyState") == "complete" and not d.find_elements(
        By.CSS_SELECTOR, f"form.start[action*='{visit}']"))
    assert driver.current_url.endswith("/run")
