"""Issue 19, finding 1: text that tries to leave its attribute stays text in a real browser.

Before attribute values were escaped, a link to /login?next=... put a <meta http-equiv="refresh">
into the page, and Chromium followed it to another host (the CSP does not cover meta refresh).
"""
import time
import urllib.parse

from selenium.webdriver.common.by import By

from conftest import axe_clean, click_and_wait, login

REFRESH = '"><meta http-equiv="refresh" content="0;url=http://evil.invalid/"><x-hostile data-pwned="1">'


def _assert_nothing_injected(driver, server, where):
    time.sleep(1.5)  # a meta refresh with delay 0 would have fired by now
    assert driver.current_url.startswith(server), f"{where}: the browser left the site for {driver.current_url}"
    assert driver.find_elements(By.CSS_SELECTOR, "meta[http-equiv]") == [], f"{where}: a meta element was injected"
    assert driver.find_elements(By.CSS_SELECTOR, "x-hostile, [data-pwned]") == [], f"{where}: an element was injected"


def test_a_reflected_meta_refresh_does_not_fire(driver, server):
    # The attacker's link, as a person would open it from a message.
    link = server + "/login?next=" + urllib.parse.quote("/x" + REFRESH, safe="")
    driver.get(link)
    _assert_nothing_injected(driver, server, "login page")
    # The sign-in form still works and does not follow the hostile path either.
    driver.find_element(By.ID, "f-email").send_keys("coordinator@demo.kz")
    driver.find_element(By.ID, "f-password").send_keys("knigonosha-demo")
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
    assert driver.current_url.startswith(server)
    axe_clean(driver, "security-after-hostile-login")


def test_a_stored_meta_refresh_in_a_reader_name_does_not_fire(driver, server):
    login(driver, server, "coordinator@demo.kz")
    driver.get(server + "/readers")
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "main table a[href^='/readers/']"))
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "Изменить"))
    family = driver.find_element(By.ID, "f-family_name")
    original = family.get_attribute("value")
    family.clear()
    family.send_keys("Тест" + REFRESH)
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "main form button.primary"))
    _assert_nothing_injected(driver, server, "reader page")
    assert "Тест" in driver.find_element(By.TAG_NAME, "h1").text
    assert "http-equiv" in driver.find_element(By.TAG_NAME, "h1").text
    axe_clean(driver, "security-hostile-reader")
    # The edit form shows the text in the field, unchanged, and saving it back restores the name.
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "Изменить"))
    family = driver.find_element(By.ID, "f-family_name")
    assert family.get_attribute("value") == "Тест" + REFRESH
    _assert_nothing_injected(driver, server, "reader edit form")
    family.clear()
    family.send_keys(original)
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "main form button.primary"))
    assert original in driver.find_element(By.TAG_NAME, "h1").text


def _cached_run(driver):
    return driver.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "caches.open('kn-run-v1').then(function (c) { return c.match('/run', { ignoreSearch: true }); })"
        ".then(function (r) { return r ? r.text() : ''; }).then(done, function () { done('error'); });"
    )


def test_signing_out_drops_the_run_sheet_kept_for_offline_use(driver, server):
    """Review finding: the service worker kept /run (names, addresses, door codes) after sign-out."""
    driver.set_window_size(360, 740)
    login(driver, server, "carrier@demo.kz")
    driver.get(server + "/run")
    # The service worker takes control, then keeps the next copy of the page.
    for _ in range(20):
        if driver.execute_script("return !!(navigator.serviceWorker && navigator.serviceWorker.controller)"):
            break
        time.sleep(0.25)
    driver.get(server + "/run")
    names = driver.find_element(By.CSS_SELECTOR, "article.stop h2").text
    for _ in range(20):
        if _cached_run(driver):
            break
        time.sleep(0.25)
    assert "article" in _cached_run(driver), "the run sheet was not kept for offline use"
    driver.get(server + "/profile")
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form[action='/logout'] button"))
    assert "/login" in driver.current_url
    time.sleep(0.5)
    kept = _cached_run(driver)
    assert kept == "", "the run sheet is still on the phone after signing out"
    assert names.split(". ", 1)[-1] not in driver.page_source
