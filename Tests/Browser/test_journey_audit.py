"""The access log (issue 16, §1), through the pages: a coordinator opens a reader; the
administrator finds that view in «Журнал доступа» by the reader's card, downloads it as CSV, and
sees «who opened this record» on the reader's page. axe runs on each page at 1280 and 360 px; the
database is checked, and no reader's name is on the log's page or in its CSV."""
import pytest
from selenium.webdriver.common.by import By

from journeys import button, click_and_wait, fetch, login, main_text, menu, one, scan, settle, type_into

pytestmark = pytest.mark.usefixtures("journey_steps")


def test_the_administrator_reads_who_opened_a_reader(driver, server):
    deferred = []
    branch = one(server, "SELECT branch_id FROM users WHERE email = 'coordinator@demo.kz'")[0]
    reader_id, card, family = one(
        server, "SELECT id, card_number, family_name FROM readers WHERE branch_id = ? ORDER BY card_number LIMIT 1", branch)
    # 1. The coordinator opens the reader from the list.
    login(driver, server, "coordinator@demo.kz")
    menu(driver, "Читатели")
    type_into(driver, "f-q", card)
    button(driver, "Найти")
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, f"main a[href='/readers/{reader_id.lower()}']"))
    assert "Кто открывал эту запись" not in main_text(driver)
    coordinator_views = one(
        server, "SELECT count(*) FROM audit_log a JOIN users u ON u.id = a.user_id WHERE u.email = 'coordinator@demo.kz' "
        "AND a.entity = 'reader' AND a.entity_id = ? AND a.action = 'view'", reader_id)[0]
    assert coordinator_views >= 1
    driver.delete_all_cookies()

    # 2. The administrator filters the log by the card.
    login(driver, server, "admin@demo.kz")
    menu(driver, "Журнал доступа")
    scan(driver, "audit", deferred)
    type_into(driver, "f-reader", card)
    button(driver, "Найти")
    text = main_text(driver)
    total = one(server, "SELECT count(*) FROM audit_log WHERE entity = 'reader' AND entity_id = ?", reader_id)[0]
    assert f"Найден" in text and str(total) in driver.find_element(By.ID, "result-count").text, text
    rows = driver.find_elements(By.CSS_SELECTOR, "main table tbody tr")
    assert len(rows) == min(total, 50)
    assert any("coordinator@demo.kz" in r.text and "GET /readers/:id" in r.text for r in rows)
    assert family not in text
    scan(driver, "audit-filtered", deferred)

    # 3. The CSV holds the same entries, with no name either.
    anchor = driver.find_element(By.XPATH, "//main//a[normalize-space()='Скачать CSV']")
    status, kind, body = fetch(driver, anchor.get_attribute("href"))
    lines = [l for l in body.decode("utf-8-sig").split("\r\n") if l]
    assert status == 200 and kind.startswith("text/csv") and len(lines) == 1 + total, (status, kind, len(lines), total)
    assert family not in body.decode("utf-8-sig")

    # 4. The reader's page shows the administrator who opened it.
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, f"main table a[href='/readers/{reader_id.lower()}']"))
    section = driver.find_element(By.XPATH, "//section[h2[normalize-space()='Кто открывал эту запись']]")
    assert "coordinator@demo.kz" in section.text and "admin@demo.kz" in section.text
    scan(driver, "reader-opened-by", deferred)
    settle(deferred, [])
