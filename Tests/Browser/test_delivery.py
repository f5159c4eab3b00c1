"""The home-delivery journey in the browser: a coordinator plans and selects, a carrier on a
phone-sized screen records the visits, offline too. Every page is scanned with axe-core."""
import re

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import arm, axe_clean, click_and_wait, login


def test_coordinator_plans_selects_and_prints(driver, server):
    login(driver, server, "coordinator@demo.kz")
    driver.get(server + "/visits")
    axe_clean(driver, "visits-week")
    assert "визит" in driver.find_element(By.CSS_SELECTOR, "p.lead").text
    driver.get(server + "/visits?view=day")
    axe_clean(driver, "visits-day")
    # Open today's first visit and let the system choose and reserve titles for it.
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "table tbody tr td a"))
    axe_clean(driver, "visit-page")
    buttons = driver.find_elements(By.XPATH, "//button[normalize-space()='Предложить и зарезервировать']")
    if buttons:
        click_and_wait(driver, buttons[0])
        # Changed, or said why not: the selection was already complete, or nothing else fits.
        said = driver.find_element(By.CSS_SELECTOR, "p.flash").text
        assert any(m in said for m in ("Подборка изменена", "Подборка уже полная", "Других подходящих изданий")), said
        axe_clean(driver, "visit-page-selected")
    # The same page, with a catalogue search for a title to add by hand.
    driver.find_element(By.ID, "f-q").send_keys("абай")
    click_and_wait(driver, driver.find_element(By.XPATH, "//button[normalize-space()='Найти']"))
    axe_clean(driver, "visit-page-search")
    # Cancelling without a reason: the error is tied to its field and nothing changes.
    click_and_wait(driver, driver.find_element(By.XPATH, "//button[normalize-space()='Отменить визит']"))
    summary = driver.find_element(By.CSS_SELECTOR, ".error-summary a[href='#f-reason']")
    assert summary.is_displayed()
    assert driver.find_element(By.ID, "f-reason").get_attribute("aria-invalid") == "true"
    axe_clean(driver, "visit-cancel-error")
    visit_url = driver.current_url
    driver.get(visit_url.split("/outcome")[0] + "/slip")
    axe_clean(driver, "visit-slip")
    driver.get(server + "/visits/pick-list")
    axe_clean(driver, "pick-list")
    driver.get(server + "/visits/new")
    axe_clean(driver, "visit-request")
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
    assert driver.find_element(By.CSS_SELECTOR, ".error-summary").is_displayed()
    axe_clean(driver, "visit-request-errors")
    driver.get(server + "/loans")
    axe_clean(driver, "loans")


def test_admin_delivery_settings(driver, server):
    login(driver, server, "admin@demo.kz")
    driver.get(server + "/admin/delivery")
    axe_clean(driver, "delivery-settings")
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "main ul li a[href*='/carriers/']"))
    axe_clean(driver, "carrier-hours")


def test_carrier_runs_the_day_on_a_phone_offline_too(driver, server):
    driver.set_window_size(360, 740)
    login(driver, server, "carrier@demo.kz")
    assert driver.current_url.endswith("/run")
    axe_clean(driver, "run-phone")
    stops = driver.find_elements(By.CSS_SELECTOR, "article.stop")
    assert len(stops) >= 2
    # Nothing about health, history or consent on the doorstep page.
    text = driver.find_element(By.TAG_NAME, "main").text
    for secret in ("группа", "Слабовид", "согласи", "инвалид"):
        assert secret not in text
    # First stop: one tap.
    first = stops[0].get_attribute("id")
    click_and_wait(driver, arm(driver, driver.find_element(By.CSS_SELECTOR, f"#{first} button[value='done']")))
    assert "Результат записан" in driver.find_element(By.CSS_SELECTOR, "p.flash").text
    assert driver.find_elements(By.CSS_SELECTOR, f"#{first} form.outcome") == []
    axe_clean(driver, "run-after-done")
    # Second stop, offline: the outcome waits on the phone, then goes when the connection returns.
    second = driver.find_elements(By.CSS_SELECTOR, "article.stop form.outcome")[0].find_element(By.XPATH, "..").get_attribute("id")
    driver.set_network_conditions(offline=True, latency=5, download_throughput=0, upload_throughput=0)
    arm(driver, driver.find_element(By.CSS_SELECTOR, f"#{second} button[value='no_answer']")).click()
    status = driver.find_element(By.ID, "offline-status")
    WebDriverWait(driver, 5).until(lambda d: "Ожидают отправки: 1" in status.text)
    assert "Сохранено на телефоне" in driver.find_element(By.ID, second).text
    axe_clean(driver, "run-offline")
    driver.set_network_conditions(offline=False, latency=5, download_throughput=500 * 1024, upload_throughput=500 * 1024)
    driver.execute_script("window.dispatchEvent(new Event('online'))")
    WebDriverWait(driver, 10).until(lambda d: d.execute_script("return JSON.parse(localStorage.getItem('kn-run-queue-v2') || '[]').length") == 0)
    driver.get(server + "/run")
    assert driver.find_elements(By.CSS_SELECTOR, f"#{second} form.outcome") == []
    assert "Не застали дома" in driver.find_element(By.ID, second).text
    driver.get(server + "/profile/calendar")
    axe_clean(driver, "calendar-feed")
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
    assert re.search(r"/calendar/[A-Za-z0-9_-]+\.ics", driver.find_element(By.CSS_SELECTOR, "code.secret").text)
    axe_clean(driver, "calendar-feed-created")
