"""The run page's offline queue: an outcome recorded offline on a phone-sized screen survives a
session that ended meanwhile. The queue is not emptied when the connection returns; the carrier
is asked to sign in again, signs in through the login form, and the outcome is then sent and
recorded. Every state of the page is scanned with axe-core."""
import sqlite3
from contextlib import closing

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import PASSWORD, axe_clean, click_and_wait, login

CARRIER = "carrier2@demo.kz"


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


def test_an_outcome_recorded_offline_survives_an_expired_session(driver, server):
    driver.set_window_size(360, 740)
    login(driver, server, CARRIER)
    assert driver.current_url.endswith("/run")
    form = driver.find_elements(By.CSS_SELECTOR, "article.stop form.outcome")[0]
    stop = form.find_element(By.XPATH, "..").get_attribute("id")
    visit = stop[len("stop-"):]
    before = visit_status(server, visit)
    assert before in ("planned", "in_progress")

    # Offline: the outcome waits on the phone, said next to the stop and in the banner.
    network(driver, online=False)
    driver.find_element(By.CSS_SELECTOR, f"#{stop} button[value='no_answer']").click()
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

    # What a person sees on the next visit to the page agrees with the database.
    driver.get(server + "/run")
    assert driver.find_elements(By.CSS_SELECTOR, f"#{stop} form.outcome") == []
    assert "Не застали дома" in driver.find_element(By.ID, stop).text
