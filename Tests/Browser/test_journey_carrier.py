"""The carrier's journey: a day's run, online and then offline through an expired session; then
the coordinator finds the run's outcomes on the readers' pages."""
import re
from datetime import date

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import PASSWORD, _free_port, arm
from journeys import STEPS, button, click_and_wait, flash, login, main_text, menu, one, q, scan, type_into, visit_status
from test_offline_queue import end_sessions, queued, second_server

pytestmark = pytest.mark.usefixtures("journey_steps")

CARRIER = "carrier@demo.kz"


def open_stops(driver):
    """The stops that still have their outcome form: [(element id, visit id, reader's name)]."""
    out = []
    for form in driver.find_elements(By.CSS_SELECTOR, "article.stop form.outcome"):
        stop = form.find_element(By.XPATH, "..")
        sid = stop.get_attribute("id")
        name = re.sub(r"^\d+\.\s*", "", stop.find_element(By.CSS_SELECTOR, "h2").text)
        out.append((sid, sid[len("stop-"):], name))
    return out


def run_statuses(server, driver):
    """The stored status of every stop on the run page: {visit id: status}."""
    ids = [a.get_attribute("id")[len("stop-"):].lower() for a in driver.find_elements(By.CSS_SELECTOR, "article.stop")]
    return {i: visit_status(server, i) for i in ids}


def run_day(driver):
    """The run's day, as its page says it (the server's today)."""
    d, m, y = re.match(r"(\d\d)\.(\d\d)\.(\d{4})", driver.find_element(By.CSS_SELECTOR, "main p.lead").text).groups()
    return date(int(y), int(m), int(d))


def test_carrier_runs_the_day_online_and_offline_then_the_coordinator_checks_the_reader(driver, server):
    driver.set_window_size(360, 740)
    port = _free_port()
    with second_server(server, port) as (other, proc):
        login(driver, other, CARRIER)
        assert driver.current_url.endswith("/run")
        scan(driver, "run")
        stops = open_stops(driver)
        assert len(stops) >= 2, "the carrier needs two open stops today"
        day_before = run_statuses(server, driver)
        today = run_day(driver)
        # A stop may have no books (the selection found none that suits the reader, as on
        # 2026-12-03 for one demo reader): the online step takes the first stop that has some.
        with_books = [s for s in stops if books_of(driver, s[0])]
        assert with_books, "some stop today has books to deliver"
        first = with_books[0]
        (stop1, visit1, reader1), (stop2, visit2, reader2) = first, next(s for s in stops if s != first)
        books1 = record_online(driver, server, stop1, visit1, visit2, day_before)
        # The connection goes: the next outcome waits on the phone.
        proc.kill()
        proc.wait(timeout=10)
        banner = record_offline(driver, server, stop2, visit2, day_before)
        # Meanwhile the session runs out.
        end_sessions(server, CARRIER)

    with second_server(server, port):
        send_after_signing_in(driver, server, banner, (stop2, visit2), visit1, day_before)

    driver.set_window_size(1280, 900)
    coordinator_checks_readers(driver, server, today, (visit1, reader1, books1), (visit2, reader2))


def books_of(driver, stop):
    """The titles the run page lists to bring to `stop`."""
    return [li.text.split(" — ")[0] for li in driver.find_elements(By.XPATH, f"//article[@id='{stop}']//h3[starts-with(., 'Привезти')]/following-sibling::ul[1]/li")]


def record_online(driver, server, stop1, visit1, visit2, day_before):
    """Online: one tap, the page comes back with the outcome recorded. Returns the stop's books."""
    books1 = books_of(driver, stop1)
    assert books1, "the first stop has books to deliver"
    STEPS["clicks"] += 1  # the second tap that confirms (issue 12, item 8)
    click_and_wait(driver, arm(driver, driver.find_element(By.CSS_SELECTOR, f"#{stop1} button[value='done']")))
    assert "Результат записан" in flash(driver)
    assert driver.find_elements(By.CSS_SELECTOR, f"#{stop1} form.outcome") == []
    assert visit_status(server, visit1) == "done"
    assert visit_status(server, visit2) == day_before[visit2.lower()]
    scan(driver, "run-done")
    return books1


def record_offline(driver, server, stop2, visit2, day_before):
    """With the server gone, the outcome is kept on the phone. Returns the offline banner."""
    STEPS["clicks"] += 2  # the tap, and the second tap that confirms (issue 12, item 8)
    arm(driver, driver.find_element(By.CSS_SELECTOR, f"#{stop2} button[value='no_answer']")).click()
    WebDriverWait(driver, 10).until(lambda d: queued(d) == 1)
    banner = driver.find_element(By.ID, "offline-status")
    WebDriverWait(driver, 5).until(lambda d: "Ожидают отправки: 1" in banner.text)
    assert "Сохранено на телефоне" in driver.find_element(By.ID, stop2).text
    assert visit_status(server, visit2) == day_before[visit2.lower()]
    scan(driver, "run-offline")
    return banner


def send_after_signing_in(driver, server, banner, second_stop, visit1, day_before):
    """The connection is back, the session is not: the carrier is asked to sign in again, and the
    waiting outcome is sent then."""
    stop2, visit2 = second_stop
    driver.execute_script("window.dispatchEvent(new Event('online'))")
    signin = driver.find_element(By.CSS_SELECTOR, "#queue-signin a")
    WebDriverWait(driver, 15).until(lambda d: signin.is_displayed())
    assert "войдите снова" in banner.text
    assert queued(driver) == 1
    assert visit_status(server, visit2) == day_before[visit2.lower()]
    scan(driver, "run-sign-in-again")
    click_and_wait(driver, signin)
    assert "/login" in driver.current_url
    scan(driver, "login-again")
    type_into(driver, "f-email", CARRIER)
    type_into(driver, "f-password", PASSWORD)
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
    assert driver.current_url.endswith("/run")
    WebDriverWait(driver, 15).until(lambda d: queued(d) == 0)
    WebDriverWait(driver, 5).until(lambda d: "Отправлено" in d.find_element(By.ID, stop2).text)
    scan(driver, "run-sent")
    # In the database: exactly these two visits changed, to these outcomes.
    day_after = run_statuses(server, driver)
    assert visit_status(server, visit2) == "no_answer"
    changed = {v: s for v, s in day_after.items() if day_before.get(v) != s}
    assert changed == {visit1.lower(): "done", visit2.lower(): "no_answer"}
    button(driver, "Выйти", scope="//nav")
    assert "/login" in driver.current_url
    scan(driver, "signed-out")


def coordinator_checks_readers(driver, server, today, first, second):
    """The coordinator looks the first reader up by name, as typed: the visit is done and the
    books are on loan. The second reader's visit reads "not at home", and nothing was lent on it."""
    (visit1, reader1, books1), (visit2, reader2) = first, second
    login(driver, server, "coordinator@demo.kz")
    scan(driver, "coordinator-home")
    found = search_reader(driver, reader1)
    assert len(found) == 1
    scan(driver, "readers-search")
    click_and_wait(driver, found[0])
    assert driver.find_element(By.TAG_NAME, "h1").text == reader1
    visit_row = driver.find_element(By.XPATH, f"//section[@aria-labelledby='service-history-h']//tr[td/a[@href='/visits/{visit1.lower()}']]")
    assert today.strftime("%d.%m.%Y") in visit_row.text and "Выполнен" in visit_row.text
    scan(driver, "reader-after-run")
    reader_id = one(server, "SELECT reader_id FROM visits WHERE lower(id) = ?", visit1.lower())[0]
    loans = q(server, "SELECT b.title, l.status, l.issued_on FROM loans l JOIN bib_records b ON b.id = l.bib_id WHERE l.reader_id = ? AND lower(l.visit_id) = ?",
              reader_id, visit1.lower())
    assert sorted(t for t, _, _ in loans) == sorted(books1)
    assert all(s == "on_loan" and d == today.isoformat() for _, s, d in loans)
    page = main_text(driver)
    for title in books1:
        assert title in page
    menu(driver, "Читатели")
    found = search_reader(driver, reader2)
    assert len(found) == 1
    click_and_wait(driver, found[0])
    visit_row = driver.find_element(By.XPATH, f"//section[@aria-labelledby='service-history-h']//tr[td/a[@href='/visits/{visit2.lower()}']]")
    assert "Не застали дома" in visit_row.text
    assert q(server, "SELECT count(*) FROM loans WHERE lower(visit_id) = ?", visit2.lower()) == [(0,)]
    scan(driver, "reader2-after-run")


def search_reader(driver, name):
    """Searches the readers list with its own form for a reader's full name, as typed: the field
    comes back with the name as typed, and exactly one reader is found, named so."""
    type_into(driver, "f-q", name)
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "main form[role=search] button[type=submit]"))
    echoed = driver.find_element(By.ID, "f-q").get_attribute("value")
    assert echoed == name, f"/readers search: typed {name!r}, the field comes back as {echoed!r}"
    links = driver.find_elements(By.CSS_SELECTOR, "main table tbody tr td:first-child a")
    assert [a.text for a in links] == [name], f"/readers search for {name!r} finds {[a.text for a in links]}"
    return links

